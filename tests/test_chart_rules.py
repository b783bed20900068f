"""The rules of the charts (issue 12), on every registered chart at its web and mobile widths, and on deliberately
broken drawings so each check is shown to fail when it should.

A chart never says more than the data: qualified figures are never drawn as exact, lines never join different
units, text is at least 12 CSS px at the published size and in the bundled face, at most 40 words of notes are on
the face, no web domain is on it, and the alt text states a finding whose numbers are in the chart's CSV.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.publish import audit, charts, encode, style
from tests.drawn import DrawnCharts
from tests.made import Made

CHART_IDS = [spec.chart_id for spec in charts.CHARTS]


@pytest.fixture(scope="session")
def paths() -> Paths:
    p = Paths(PROJECT_ROOT)
    if not (p.processed / "figures.csv").exists():
        pytest.fail("data/processed is committed but missing here: run `python -m analysis build`")
    return p


@pytest.fixture(scope="session")
def tables(drawn_charts: DrawnCharts) -> dict[str, pd.DataFrame]:
    """The committed tables the charts are drawn from."""
    return drawn_charts.tables


@pytest.fixture(scope="session")
def drawn(drawn_charts: DrawnCharts) -> dict[str, tuple[Any, Any, Any]]:
    """chart id → (web figure, metadata, mobile figure), as the export draws them (tests/drawn.py)."""
    return {chart_id: (*drawn_charts(chart_id), drawn_charts(chart_id, style.MOBILE_WIDTH)[0])
            for chart_id in CHART_IDS}


def _published(made: Made, chart_id: str, name: str) -> Path:
    """A file the session's main job published for the chart (tests/made.py)."""
    return made.outputs / "charts" / chart_id / name


# --- sizes ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_web_and_mobile_pngs_are_1280_and_720_px_wide(made: Made, chart_id: str) -> None:
    from PIL import Image

    for name, width in ((f"{chart_id}.png", 1280), (f"{chart_id}-mobile.png", 720)):
        with Image.open(_published(made, chart_id, name)) as img:
            assert img.size[0] == width


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_no_text_under_12_px_at_web_or_mobile_size(drawn: dict, chart_id: str) -> None:
    fig, _, mobile = drawn[chart_id]
    assert audit.small_texts(fig) == []
    assert audit.small_texts(mobile) == []


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_no_text_runs_past_the_edge_at_web_or_mobile_size(drawn: dict, chart_id: str) -> None:
    fig, _, mobile = drawn[chart_id]
    assert audit.texts_outside(fig) == []
    assert audit.texts_outside(mobile) == []


def test_a_label_past_the_edge_is_caught() -> None:
    fig, ax = style.new_figure(width=style.MOBILE_WIDTH)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 100, 150])  # a tick beyond the view is kept but never drawn: not a text past the edge
    ax.text(95, 0.5, "cut at the edge: 374 cases")
    assert audit.texts_outside(fig) == ["cut at the edge: 374 cases"]


def test_a_10_px_label_is_caught() -> None:
    fig, ax = style.new_figure()
    ax.text(0.5, 0.5, "too small", fontsize=7.2)  # 10 CSS px
    assert audit.small_texts(fig) == [("too small", 10.0)]


# --- the bundled font -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_png_and_svg_use_only_the_bundled_font(drawn: dict, made: Made, chart_id: str) -> None:
    fig, _, mobile = drawn[chart_id]
    assert audit.foreign_fonts(fig) == [] and audit.foreign_fonts(mobile) == []
    svg = _published(made, chart_id, f"{chart_id}.svg").read_text(encoding="utf-8")
    assert audit.svg_foreign_fonts(svg) == []
    assert "font-family: 'Inter'" in svg or "font-family: Inter" in svg


def test_another_font_is_caught() -> None:
    fig, ax = style.new_figure()
    ax.text(0.5, 0.5, "fallback", fontsize=12, fontfamily="DejaVu Sans")
    assert [t for t, _ in audit.foreign_fonts(fig)] == ["fallback"]
    assert audit.svg_foreign_fonts("<text style=\"font-family: 'DejaVu Sans', sans-serif\">x</text>")


def test_font_files_and_licence_ship_in_the_package() -> None:
    for path in style.FONT_FILES:
        assert path.exists() and path.stat().st_size > 100_000
    assert "SIL Open Font License" in (style.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "fonts/*.otf" in pyproject and "fonts/OFL.txt" in pyproject


# --- truthful encodings -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_no_qualified_figure_drawn_as_exact_and_no_line_across_units(drawn: dict, chart_id: str) -> None:
    fig, _, mobile = drawn[chart_id]
    assert audit.encoding_violations(fig) == []
    assert audit.encoding_violations(mobile) == []
    assert encode.marks(fig), f"{chart_id}: draws no value through the encoding helpers"


def test_a_qualified_figure_cannot_be_a_bar() -> None:
    fig, ax = style.new_figure()
    with pytest.raises(encode.EncodingError, match="more than"):
        encode.bar(ax, 0, 1200, qualifier="more than", label="more than 1,200")
    encode.marks(fig).append(encode.Mark("almost 3,000", "almost", "dot"))  # as a careless chart would record it
    assert audit.encoding_violations(fig) == ["'almost 3,000' (almost) drawn as dot"]


def test_a_line_across_units_is_refused_and_caught() -> None:
    fig, ax = style.new_figure()
    with pytest.raises(encode.EncodingError, match="different units"):
        encode.line(ax, [2016, 2017], [922, 1200], units=["crimes", "offences"])
    (line,) = ax.plot([2016, 2017], [922, 1200])
    line._cse_units = {"crimes", "offences"}
    assert audit.encoding_violations(fig) == ["a line joins ['crimes', 'offences']"]


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_value_axis_starts_at_zero(drawn: dict, chart_id: str) -> None:
    """A mutant that started the Met series' count axis at 1 survived every test: no rule said where a value axis
    starts. From zero, so a bar's length and a line's rise are read against the whole value."""
    fig, _, mobile = drawn[chart_id]
    assert audit.cut_baselines(fig) == [] and audit.cut_baselines(mobile) == []


def test_a_value_axis_cut_above_zero_is_caught() -> None:
    fig, ax = style.new_figure()
    encode.point(ax, 2014, 618, qualifier="exact", label="618", colour="black")
    encode.point(ax, 2016, 922, qualifier="exact", label="922", colour="black")
    ax.set_xlim(2013, 2017)  # years, not values: never held to zero
    ax.set_ylim(0, 1000)
    assert audit.cut_baselines(fig) == []
    ax.set_ylim(500, 1000)  # 618 to 922 would look like a fourfold rise
    assert audit.cut_baselines(fig) == ["a panel: the y axis starts at 500, not 0"]
    fig, ax = style.new_figure()
    encode.bar(ax, 0, 23, qualifier="exact", label="23")
    ax.set_xlim(10, 25)
    assert audit.cut_baselines(fig) == ["a panel: the x axis starts at 10, not 0"]


def test_lower_bounds_on_the_national_chart_are_open_triangles(drawn: dict, tables: dict) -> None:
    fig, meta, _ = drawn["historic-reviews-national"]
    bounds = meta.data[meta.data["Qualifier"] == "more than"]
    assert len(bounds) >= 2, "the record prints several 'more than' national counts"
    lower = [m for m in encode.marks(fig) if m.drawn_as == "lower"]
    assert sorted(m.label.lower() for m in lower) == sorted(bounds["As printed"].str.lower())


def test_met_series_joins_only_one_series(drawn: dict, tables: dict) -> None:
    """The Standard's "1,200 offences" (2017) is the Met's count of CSE crimes as the paper worded it — the
    fact-check judges the paper's 30% rise from 922 on it — so it is a point of that series, joined to 2016; every
    drawn line joins one kind of number, and no line crosses a year with no published figure."""
    series = tables["met_cse_series"]
    crimes = series[series["measure"] == "cse_flagged_crimes"]
    assert set(crimes["unit"]) == {"crimes", "offences"}
    assert "2017" in set(crimes["period_label"])
    fig, meta, _ = drawn["met-cse-series"]
    joined = []
    for ax in fig.axes:
        for line in ax.get_lines():
            assert len(getattr(line, "_cse_units", {"x"})) == 1
            xs = [int(x) for x in line.get_xdata()]
            assert xs == list(range(xs[0], xs[0] + len(xs))), "a line across a year with no figure"
            joined.append(xs)
    assert [2016, 2017] in joined
    assert "Crimes connected with CSE" in meta.data.columns


def test_met_series_face_carries_the_mets_caveat_and_a_part_year_is_dashed(drawn: dict, tables: dict) -> None:
    """The Met's release (13 March 2017) says the increases result from 'not only better recording practices by
    officers and more incidents being reported to police, but also an actual increase': that caveat is on the face
    and in the title, not only in the notes. The Standard's 2014 referrals are the protocol's 'first year', which
    may be shorter than 2014: the 2014–2015 segment is dashed and the face says why; full years stay solid."""
    fig, meta, _ = drawn["met-cse-series"]
    assert "better recording" in meta.notes_on_chart and "better recording" in meta.title
    assert "2014's referrals may cover part of the year" in meta.notes_on_chart
    styles = {tuple(int(x) for x in line.get_xdata()): line.get_linestyle() for ax in fig.axes
              for line in ax.get_lines()}
    assert styles[(2014, 2015)] == "--" and styles[(2016, 2017)] == "-"
    assert not any("offences" in str(c).lower() for c in meta.data.columns)


# --- the face: notes, sources, alt text -------------------------------------------------------------------------


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_at_most_40_words_of_notes_on_the_face_and_full_notes_in_the_sidecar(drawn: dict, chart_id: str) -> None:
    _, meta, _ = drawn[chart_id]
    assert 0 < audit.face_words(meta) <= style.MAX_FACE_NOTE_WORDS
    # every point on the face is in the full notes: as on the face, or at length where the notes say it so
    face = meta.notes_on_chart
    for sentence in meta.said_in_notes:
        assert sentence in face
        face = face.replace(sentence, "")
    assert " ".join(face.split()) in meta.notes
    assert meta.sidecar()["notes_on_chart"] == meta.notes_on_chart


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_a_title_of_at_most_12_words_and_a_face_of_at_most_150(drawn: dict, chart_id: str) -> None:
    """Issue 23's bar: a title states one finding in at most 12 words; everything on the face (title, subtitle,
    labels, ticks, key, note, source) is at most 150 words, on the web and on a phone."""
    fig, meta, mobile = drawn[chart_id]
    assert style.word_count(meta.title) <= style.MAX_TITLE_WORDS, meta.title
    for figure in (fig, mobile):
        words = sum(style.word_count(t.get_text()) for t in audit.visible_texts(figure))
        assert words <= style.MAX_FACE_WORDS, f"{chart_id}: {words} words on the face"


def test_a_card_of_more_than_40_words_is_cut_and_no_published_card_is(drawn: dict) -> None:
    from analysis.publish.charts.cards import Card, cut_cards, draw_cards

    fig, ax = style.new_figure()
    draw_cards(fig, ax, [Card("1", "heading", " ".join(["word"] * 40))], style.WEB_WIDTH)
    assert cut_cards(fig) == ["1"]
    assert any(t.get_text().endswith("word…") for t in ax.texts)
    for chart_id, (web, _, mobile) in drawn.items():
        assert cut_cards(web) == [] and cut_cards(mobile) == [], chart_id


def test_41_words_on_the_face_are_refused() -> None:
    fig, ax = style.new_figure()
    with pytest.raises(ValueError, match="41 words"):
        style.finish(fig, ax, title="t", subtitle="s", source=style.Credit("", "", "x"), alt="a",
                     on_chart=" ".join(["word"] * 41))


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_no_web_domain_in_the_svg_text_or_the_source_line(drawn: dict, made: Made, chart_id: str) -> None:
    _, meta, _ = drawn[chart_id]
    texts = audit.svg_texts(_published(made, chart_id, f"{chart_id}.svg").read_text(encoding="utf-8"))
    assert any(t.startswith("Source:") for t in texts)
    assert audit.domains(texts) == []
    assert audit.domains([meta.source_line, meta.source_name]) == []
    assert "copy" not in meta.source_line.lower() and "proxy" not in meta.source_line.lower()


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_link_and_face_name_publishers_not_mirrors_or_aggregators(drawn: dict, made: Made, chart_id: str) -> None:
    _, meta, _ = drawn[chart_id]
    assert audit.mirror_link(meta) == "", f"{chart_id}: source_url on a mirror host"
    svg = _published(made, chart_id, f"{chart_id}.svg").read_text(encoding="utf-8")
    texts = audit.svg_texts(svg) + [meta.source_line, meta.source_name, meta.title]
    assert audit.aggregators(texts) == []


def test_mirrors_and_aggregators_are_caught() -> None:
    from analysis.publish import publishers

    assert audit.aggregators(["Source: Home Office, via inkl", "1.3 per 1,000 children · inkl"]) == ["inkl"] * 2
    assert audit.aggregators(["Source: Hansard, via Daily Mirror", "inklings"]) == []
    meta = charts.ChartMeta("x", "t", "t", "", "", "https://www.inkl.com/news/a", "", "", "", pd.DataFrame())
    assert audit.mirror_link(meta) == "https://www.inkl.com/news/a"
    assert publishers.is_mirror("https://p1.dywpk.org.uk/x") and not publishers.is_mirror("https://www.gov.uk/x")
    # the link skips a mirror when the publisher's own address is there, else takes the original's own address
    assert publishers.link(["https://trendingtoday.london/?p=1", "https://www.gbnews.com/a"], []) == \
        "https://www.gbnews.com/a"
    assert publishers.link(["https://trendingtoday.london/?p=1"], ["MyLondon"]) == publishers.ORIGINAL_URLS["MyLondon"]


def test_every_copy_in_the_record_is_on_a_listed_mirror_host(paths: Paths) -> None:
    """The one list of mirror hosts covers every source the record itself calls a copy, reprint, aggregator or
    proxy, so a new copy cannot become a chart's link unnoticed."""
    from analysis.publish import publishers

    sources = pd.read_csv(paths.processed / "sources.csv")
    copies = sources[sources["producer"].str.contains(
        r"\b(?:copy|proxy|aggregator|syndicated|reproduced|reprint|reprinted)\b", case=False, regex=True)]
    assert len(copies) >= 10
    unlisted = [f"{r.id}: {publishers.host(r.url_main)}" for r in copies.itertuples()
                if not publishers.is_mirror(r.url_main)]
    assert unlisted == []


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_marker_kind_drawn_is_keyed(drawn: dict, chart_id: str) -> None:
    fig, _, mobile = drawn[chart_id]
    assert audit.unkeyed_kinds(fig) == [] and audit.unkeyed_kinds(mobile) == []


def test_an_unkeyed_hollow_marker_is_caught() -> None:
    from matplotlib.lines import Line2D

    fig, ax = style.new_figure()
    encode.point(ax, 500_000, 0, qualifier="an estimated", label="an estimated 500,000", colour=style.ORANGE,
                 value_axis="x")
    ax.legend(handles=[Line2D([], [], marker="o", label="Children estimated to be abused")])
    assert audit.unkeyed_kinds(fig) == ["about"]
    ax.legend(handles=encode.legend_handles(["about"], style.DARK_GREY, "x"))
    assert audit.unkeyed_kinds(fig) == []


def test_a_domain_is_caught() -> None:
    assert audit.domains(["House of Commons, copy on parliament.jmoore.io", "via bristarch.uk proxy"]) == [
        "parliament.jmoore.io", "bristarch.uk"]


def _csv_numbers(data: pd.DataFrame) -> set[float]:
    """Every number a reader can get from a chart's CSV: each cell (and each year or day in a date), the sum of
    each row's numbers (parts a title adds up) and of each column (a total)."""
    cells = [[float(v) for v in row if isinstance(v, (int, float)) and pd.notna(v)]
             for row in data.itertuples(index=False)]
    numbers = {v for row in cells for v in row} | {sum(row[i:]) for row in cells for i in range(len(row))}
    numbers |= {float(data[c].sum()) for c in data.columns if pd.api.types.is_numeric_dtype(data[c])}
    # a group's total: the numbers of the rows that share a label ("Could be checked: yes")
    numeric = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])]
    for label in (c for c in data.columns[1:] if not pd.api.types.is_numeric_dtype(data[c])):
        numbers |= {float(v) for c in numeric for v in data.groupby(label)[c].sum()}
    text = " ".join(str(v) for v in data.to_numpy().ravel())
    numbers |= {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))}
    return numbers


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_alt_text_states_a_finding_whose_numbers_are_in_the_csv(drawn: dict, chart_id: str) -> None:
    """Every number of the finding the alt text states is in the chart's CSV, at the decimals it is printed
    with (or is a sum of CSV numbers: parts the title adds up, or a total)."""
    _, meta, _ = drawn[chart_id]
    alt = meta.alt_text
    assert " showing that " in alt, "the alt text states the finding, not only the values"
    finding = alt.split(" showing that ", 1)[1].split(". ", 1)[0]
    numbers = _csv_numbers(meta.data)
    for number in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", finding):
        value = float(number.replace(",", ""))
        decimals = len(number.split(".")[1]) if "." in number else 0
        assert any(round(n, decimals) == value for n in numbers), f"{chart_id}: {number} is not in the CSV"


def test_alt_text_check_catches_an_invented_number() -> None:
    data = pd.DataFrame({"Year": ["2016"], "Crimes": [922.0]})
    assert any(round(n, 0) == 922 for n in _csv_numbers(data))
    assert not any(round(n, 0) == 923 for n in _csv_numbers(data))


def test_inspection_titles_state_what_holds_at_every_inspection(drawn: dict, tables: dict) -> None:
    """Both inspection charts headline the same finding, true at every inspection (checked here from the counts
    and printed shares of the table, not from the chart code), with no single year's share and no baseline year."""
    grades = tables["inspection_grades"]
    for inspection, rows in grades.groupby("inspection_id"):
        parts = rows[rows["grade"].isin(["requires improvement", "inadequate"])]
        combined = rows[rows["grade"] == "requires improvement or inadequate"]
        if len(parts) == 2 and parts["count"].notna().all():
            share = 100 * parts["count"].sum() / parts["cases_examined"].iloc[0]
        else:
            share = float(combined["share_computed"].fillna(combined["share_published"]).iloc[0])
        assert share > 50, inspection
    title = drawn["inspection-grades"][1].title
    years = grades["published"].str[:4]
    assert title == ("Most cases examined required improvement or were inadequate at every inspection, "
                     f"{years.min()}–{years.max()}")
    assert "%" not in title and "against" not in title


def test_the_grades_chart_carries_the_2024_disagreement(drawn: dict) -> None:
    """The 2024 counts come from a copy that prints 'more than half (121)' of 244 (49.6%): said on the face and in
    the notes. The face said 'news copies print' it, but the record holds one article that does (Tortoise Media, named
    in the notes); the face says one, without a name that could push it past its 40 words."""
    _, meta, _ = drawn["inspection-grades"]
    face = "2024: a news article prints 'more than half (121)' of 244 inadequate, which do not agree"
    assert face in meta.notes_on_chart and face not in meta.notes  # the notes say it at length, once
    assert "not in the record" in meta.notes_on_chart
    assert "121 of 244 is 49.6%" in meta.notes and "Tortoise Media prints 'more than half (121)'" in meta.notes


def test_the_inspection_timeline_states_each_count_once_at_the_date_it_was_first_stated(drawn: dict) -> None:
    """Worked from the documents: HMICFRS issued two accelerated causes of concern with two recommendations on 6
    October 2023 ('We have issued two accelerated causes of concern'; 'two recommendations ... by 31 December
    2023'); its report of 9 February 2024 made 11 recommendations; its revisit of 26 February 2025 says 'We issued
    three causes of concern' and 'we have closed the causes of concern', and the Met's statement that day says the
    inspectorate 'has closed the three areas of concern'. The revisit summary's '11 recommendations' and the Met's
    February 2024 'two accelerated causes of concern' are restatements: no new event, and no rising series of dots
    (the title of the grades chart is not repeated). The inspection is named as data/raw/inspections.yaml labels it
    and the grades chart prints it, "2024 inspection" (published 9 February 2024; its fieldwork was in 2023)."""
    fig, meta, _ = drawn["inspection-timeline"]
    assert meta.title == "Inspectors closed all three causes of concern from the Met's 2024 inspection"
    assert "2024 inspection" in drawn["inspection-grades"][1].alt_text
    assert meta.title != drawn["inspection-grades"][1].title
    assert list(meta.data["Date"]) == ["2023-10-06", "2024-02-09", "2025-02-26"]
    stated = list(meta.data["Stated"])
    assert "Two issued before the report" in stated[0] and "two recommendations" in stated[0]
    assert stated[1] == "11 recommendations made."
    assert "Three causes of concern" in stated[2] and "all closed" in stated[2] and "11" not in stated[2]
    assert all(m.drawn_as == "text" for m in encode.marks(fig)), "a count drawn on a value axis"
    assert "HMICFRS" in meta.source_line and "Metropolitan Police" in meta.source_line


def test_the_two_1200s_are_not_added(drawn: dict) -> None:
    _, meta, _ = drawn["two-1200s"]
    assert len(meta.data) == 2 and "2400" not in meta.data.to_csv(index=False).replace(",", "")
    assert "cannot be added" in meta.title


def test_the_56_per_cent_chart_draws_no_count(drawn: dict) -> None:
    fig, meta, _ = drawn["what-the-56-means"]
    assert meta.data["Value"].notna().sum() == 1  # the printed rise only
    assert all(m.drawn_as == "text" for m in encode.marks(fig))


def test_module_per_chart_and_seaborn_used() -> None:
    folder = Path(charts.__file__).parent
    sources = "".join(p.read_text(encoding="utf-8") for p in folder.parent.glob("*.py"))
    assert "import seaborn" in sources
    assert len(charts.CHARTS) >= 11


def test_a_dollar_sign_in_record_text_is_drawn_as_written_not_as_mathtext() -> None:
    """Text from the record ("$\\macro$ in a label") must print as typed: parsed as mathtext it fails `make`."""
    import matplotlib.pyplot as plt

    with style.house():
        fig, ax = plt.subplots()
        title = ax.set_title(r"£5 a head; $\macro{x}$ as typed")
        fig.canvas.draw()  # raises ValueError when the house style parses mathtext
        assert title.get_text() == r"£5 a head; $\macro{x}$ as typed"
        plt.close(fig)


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_a_source_line_names_who_reported_not_what(drawn: dict, chart_id: str) -> None:
    """'reported by a news report' (london-rates) and 'reported by …, a newspaper report, …' (inspection-grades)
    credited a kind of document, not a publisher: an outlet the copy does not name is 'an unnamed news outlet'."""
    _, meta, _ = drawn[chart_id]
    reporters = meta.source_line.partition("reported by ")[2]
    assert not re.search(r"\b(?:news|newspaper) report\b", reporters), meta.source_line


def test_wrapping_to_a_width_narrower_than_any_character_ends() -> None:
    """s50a: a width below one character's made `wrap` cut an empty word from an empty word for ever, so a chart
    drawn that narrow hung instead of failing. Worked by hand: no start of a word fits, so each word is cut to its
    first character, and a character that cannot fit stands alone on its line."""
    import subprocess
    import sys

    code = ("from analysis.publish import style\nfig, _ = style.new_figure()\n"
            "print(style.wrap(fig, 'abc de', 12, -1.0))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT)
    assert done.stdout.strip() == "['a', 'b', 'c', 'd', 'e']", done.stderr[-2000:]
