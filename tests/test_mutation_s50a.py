"""Stop 50 (s50a): a mutation round on the chart modules. Each test kills mutants that survived the chart tests.

Expected values are worked out by hand from the rule each module states (its docstring, the chart rules in the
README and DEVELOPERS guide) and from the committed tables in data/processed, never copied from the code's output.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.publish import charts
from analysis.tables.load import load_table
from tests.drawn import DrawnCharts


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    paths = Paths(PROJECT_ROOT)
    return {t: load_table(t, paths) for t in ("historic_reviews", "figures", "gaps", "met_cse_series", "claims",
                                              "inspection_grades", "population", "sources")}


# --- common.chart_meta ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart_id", [spec.chart_id for spec in charts.CHARTS])
def test_a_charts_data_table_has_only_its_own_columns(drawn_charts: DrawnCharts, chart_id: str) -> None:
    """The CSV beside a chart is its data table: no 'index' column of row numbers (chart_meta drops the index)."""
    _, meta = drawn_charts(chart_id)
    assert "index" not in meta.data.columns and "level_0" not in meta.data.columns
    assert list(meta.data.index) == list(range(len(meta.data)))


# --- two_counts ---------------------------------------------------------------------------------------------------


def test_the_two_1200s_data_are_the_latest_national_count_and_the_mets_own(drawn_charts: DrawnCharts) -> None:
    """By hand from historic_reviews.csv: the latest national 'identified for review' row is 9 December 2025's
    'more than 1,200' (the Home Secretary via the Mirror); the Met's only 'in scope' row is 13 November 2025's 1,200."""
    _, meta = drawn_charts("two-1200s")
    assert list(meta.data.columns) == ["Count", "Value", "As printed", "Definition", "Date", "Date as known"]
    assert list(meta.data["As printed"]) == ["more than 1,200", "1,200"]
    assert list(meta.data["Date"]) == ["2025-12-09", "2025-11-13"]
    assert meta.title == "'More than 1,200' national cases and the Met's 1,200 cannot be added"


def test_the_two_1200s_notes_say_what_the_mets_count_covers(drawn_charts: DrawnCharts) -> None:
    """The Met's caveat's one sentence naming 'two or more' suspects is given in the notes, so the card is not read as
    group-based exploitation alone."""
    _, meta = drawn_charts("two-1200s")
    said = ("On the Met's count: Sir Mark said the 9,000 cases identified included any case with two or more "
            "suspects and at least one victim, and that the cases are a mix of offences - not just grooming gangs "
            "(intra-familial, institutional and online abuse included).")
    assert said in meta.notes


def test_the_two_counts_chart_without_the_mets_count_claims_nothing_about_adding(tables: dict) -> None:
    """With no Met row there is one card; the title cannot say that two named counts cannot be added, and no note
    describes a Met count that is not drawn."""
    from analysis.publish.charts.two_counts import two_counts_chart

    reviews = tables["historic_reviews"]
    _, meta = two_counts_chart(reviews[reviews["scope"] != "Met"], tables["figures"])
    assert meta.title == "The national and Met counts of historic cases are different counts"
    assert list(meta.data["As printed"]) == ["more than 1,200"]
    assert "On the Met's count" not in meta.notes


def test_the_latest_count_is_the_latest_date_and_on_one_date_the_primary_sources() -> None:
    """two_counts.latest: the card shows the latest figure; on one date the producer's own publication (primary)
    is taken before a report of it, as the tables put primary sources first."""
    from analysis.publish.charts.two_counts import latest

    m = "historic_cases_identified_for_review"
    rows = pd.DataFrame([{"measure": m, "as_at": "2025-06-01", "primary": True, "figure_id": "early"},
                         {"measure": m, "as_at": "2025-09-01", "primary": True, "figure_id": "own"},
                         {"measure": m, "as_at": "2025-09-01", "primary": False, "figure_id": "report"},
                         {"measure": "other", "as_at": "2026-01-01", "primary": True, "figure_id": "other"}])
    assert latest(rows, m)["figure_id"] == "own"
    assert latest(rows.iloc[::-1], m)["figure_id"] == "own"
    assert latest(rows, "met_historic_cases_in_scope") is None


# --- met_cse_series: what the notes say about the 2025 rise's counts -----------------------------------------------


@pytest.mark.parametrize("chart_id", [spec.chart_id for spec in charts.CHARTS])
def test_no_chart_says_a_figure_was_not_published(drawn_charts: DrawnCharts, chart_id: str) -> None:
    """Stop 49's rule (factcheck.wording.NOT_FOUND_WHERE): the record knows where it looked, not that a figure was
    never published, so nothing a reader sees says 'not published'. The Met series' note on the 2025 rise said
    'no counts were published' (rise_56's own chart already said 'not found')."""
    from tests.test_review49_s49b import NOT_PUBLISHED

    _, meta = drawn_charts(chart_id)
    for field, text in meta.sidecar().items():
        assert not NOT_PUBLISHED.search(str(text)), (chart_id, field, text)


def test_the_met_series_note_on_the_2025_rise_says_where_its_counts_were_looked_for(drawn_charts: DrawnCharts
                                                                                      ) -> None:
    from analysis.factcheck.wording import NOT_FOUND_WHERE

    _, meta = drawn_charts("met-cse-series")
    assert f"the counts behind it were {NOT_FOUND_WHERE} (nothing is drawn)" in meta.notes


# --- rise_56 ------------------------------------------------------------------------------------------------------


def test_the_missing_counts_are_the_gaps_that_name_the_rise_as_printed_character_for_character() -> None:
    """rise_56.missing_counts: a gap is one of the counts behind the rise when it names the rise as printed. '1.5 per
    cent' is not '145 per cent' (read as a pattern, the '.' would match the 4), and a gap for something other than
    a number of children is not one."""
    from analysis.publish.charts.rise_56 import missing_counts

    gaps = pd.DataFrame({"id": ["a", "b", "c", "d"],
                         "wanted": ["Number of children at risk behind the 1.5 per cent rise",
                                    "Number of children at risk behind the 145 per cent rise",
                                    "Referrals behind the 1.5 per cent rise",
                                    None]})
    assert list(missing_counts(gaps, "1.5 per cent")["id"]) == ["a"]


# --- met_cse_series -----------------------------------------------------------------------------------------------


def test_a_year_axis_puts_a_calendar_year_at_the_year_and_a_financial_year_a_quarter_on() -> None:
    from analysis.publish.charts.met_cse_series import _x_of

    assert _x_of("2016") == 2016.0
    assert _x_of("2016/17") == 2016.25


def test_a_period_in_words_is_a_date_for_a_point_in_time_else_start_to_end() -> None:
    from analysis.publish.charts.met_cse_series import _when

    assert _when("2017-01-01", "2017-01-01") == "1 January 2017"
    assert _when("2014-01-01", "2014-12-31") == "1 January 2014 to 31 December 2014"


def test_the_met_series_data_say_who_published_each_years_figure(drawn_charts: DrawnCharts) -> None:
    """By hand from met_cse_series.csv's primary column: the 2014 and 2015 referrals are the Evening Standard's
    (not primary), the 2014 and 2016 crimes and children the Met's own, 2017's 1,200 offences the Evening Standard's;
    a year with no figure is blank."""
    _, meta = drawn_charts("met-cse-series")
    d = meta.data.set_index("Year")
    news, met = "a news report of the Met's figures", "a Met publication"
    assert list(d.index) == ["2014", "2015", "2016", "2017"]
    assert list(d.columns) == [f"{m}{suffix}" for m in ("Referrals of suspected CSE", "Crimes connected with CSE",
                                                        "Children identified as at risk of CSE")
                               for suffix in ("", " qualifier", " published in")]
    assert list(d["Referrals of suspected CSE published in"]) == [news, news, "", ""]
    assert list(d["Crimes connected with CSE published in"]) == [met, "", met, news]
    assert list(d["Children identified as at risk of CSE published in"]) == [met, "", met, ""]


def _toy_series(falls: bool | None, caveat: str) -> pd.DataFrame:
    """Two Met measures over 2014 and 2016; referrals rise, crimes rise, fall or (falls None) stay level."""
    rows = [("cse_referrals", 2014, 100), ("cse_referrals", 2016, 150),
            ("cse_flagged_crimes", 2014, 80), ("cse_flagged_crimes", 2016, {True: 60, False: 90, None: 80}[falls])]
    return pd.DataFrame([{"measure": m, "x": float(y), "value": float(v), "value_as_printed": str(v),
                          "unit": "referrals" if m == "cse_referrals" else "crimes", "caveat": caveat,
                          "figure_id": f"{m}-{y}"} for m, y, v in rows])


@pytest.mark.parametrize(("falls", "caveat", "title"), [
    (False, "Better recording practices.",
     "Met CSE counts rose, 2014–2016, partly from better recording, the Met said"),
    (False, "", "Every Met child sexual exploitation count rose, 2014–2016"),
    (True, "Better recording practices.", "The Met's published figures on child sexual exploitation, 2014–2016"),
    (True, "", "The Met's published figures on child sexual exploitation, 2014–2016"),
    (None, "", "The Met's published figures on child sexual exploitation, 2014–2016"),
])
def test_the_met_series_title_says_counts_rose_only_when_every_count_rose(falls: bool | None, caveat: str, title: str
                                                                          ) -> None:
    """A title states what holds: 'rose' only if every count's last figure is above its first; 'partly from better
    recording' only if a caveat drawn says so."""
    from analysis.publish.charts.met_cse_series import _series_title

    assert _series_title(_toy_series(falls, caveat), ["cse_referrals", "cse_flagged_crimes"]) == title


def test_the_met_series_notes_say_nothing_of_a_rise_or_its_detail_they_do_not_have() -> None:
    from analysis.publish.charts.met_cse_series import _series_notes

    sel = _toy_series(False, "")
    empty = sel.iloc[0:0]
    assert not any("rise" in n for n in _series_notes(sel, empty, [2014, 2015, 2016], None))
    rise = {"period": "September 2024 to February 2025", "value_as_printed": "56 per cent", "publisher": "MyLondon",
            "words": "better at finding it", "detail": ""}
    notes = _series_notes(sel, empty, [2014, 2015, 2016], rise)
    assert not any(n.startswith("On the 56 per cent rise") for n in notes)
    assert not any(n.startswith("Not shown") for n in notes), "nothing was left out"
    assert not any("recording" in n for n in notes), "no caveat drawn links a rise to recording"
    assert "No figure in this record (blank in the data, no marker): Referrals of suspected CSE for 2015; Crimes " \
           "connected with CSE for 2015." in notes


def test_a_met_figure_that_is_not_a_yearly_count_is_named_in_the_notes_not_drawn(tables: dict) -> None:
    """The Standard's 487 pilot referrals at 1 April 2014 (a point in time), recorded as a referrals figure, is not
    an annual figure: the notes name it with its date and the data hold no row for it."""
    from analysis.publish.charts.met_cse_series import met_cse_series_chart

    series = tables["met_cse_series"]
    pilot = series[series["measure"] == "cse_referrals_pilot"].assign(measure="cse_referrals")
    _, meta = met_cse_series_chart(pd.concat([series, pilot], ignore_index=True), tables["figures"],
                                   tables["claims"])
    assert "Not shown (not a London-wide annual figure): 487 cases (1 April 2014)." in meta.notes
    _, plain = met_cse_series_chart(series, tables["figures"], tables["claims"])
    assert "Not shown" not in plain.notes
    assert list(plain.data["Year"]) == list(meta.data["Year"])


def test_the_met_series_with_one_measure_draws_one_panel_and_its_axis_spans_its_years(tables: dict) -> None:
    """One measure, one panel; the year axis runs from the first published figure to the last, with room for the
    end markers and no year beyond them."""
    from analysis.publish.charts.met_cse_series import met_cse_series_chart

    series = tables["met_cse_series"]
    fig, meta = met_cse_series_chart(series[series["measure"] == "cse_referrals"], tables["figures"],
                                     tables["claims"])
    (ax,) = fig.axes
    assert ax.get_title("left") == "Referrals of suspected CSE"
    lo, hi = ax.get_xlim()
    assert 2013 < lo < 2014 and 2015 < hi < 2016  # the referrals: 2014 and 2015
    assert list(meta.data["Year"]) == ["2014", "2015"]


def test_every_met_figure_sits_inside_its_panel_and_only_crimes_are_worded_two_ways(drawn_charts: DrawnCharts
                                                                                     ) -> None:
    """By hand from met_cse_series.csv: the panels' largest figures are 2,060 referrals (2015), 1,200 offences (2017)
    and 1,582 children (2016); each must be inside its panel, with room above for its label. Only the crimes are
    named two ways by their sources (crimes, offences)."""
    fig, meta = drawn_charts("met-cse-series")
    tops = {ax.get_title("left"): ax.get_ylim()[1] for ax in fig.axes if ax.get_title("left")}
    largest = {"Referrals of suspected CSE": 2060, "Crimes connected with CSE": 1200,
               "Children identified as at risk of CSE": 1582}
    assert set(tops) == set(largest)
    for title, top in tops.items():
        assert top > largest[title], title
    worded = [n for n in meta.notes.split(". ") if "worded differently" in n]
    assert worded == ["Crimes connected with CSE are worded differently by their sources (crimes and offences): one "
                      "count, as each source named it"]


def _rise(period_end: str, quote: str, caveat: str = "") -> pd.DataFrame:
    return pd.DataFrame([{"measure": "change_children_at_risk_cse", "geography": "London", "period_start": "2024-01-01",
                          "period_end": period_end, "primary": False, "quote": quote, "caveat": caveat,
                          "location": "", "figure_id": "x/rise", "value_as_printed": "56 per cent",
                          "publisher": "MyLondon"}])


def test_the_commissioners_explanation_is_found_for_a_rise_ending_on_the_first_day_of_2025() -> None:
    """A rise whose period ends on 1 January 2025 is a 2025 rise; one ending on 31 December 2024 is not. His words
    are the quoted phrase; a sentence naming the Commissioner is the detail, and with none there is no detail."""
    from analysis.publish.charts.met_cse_series import commissioner_explanation

    quote = "The rise was put to the Commissioner, who said: 'we are better at finding it'."
    found = commissioner_explanation(_rise("2025-01-01", quote))
    assert found is not None and found["words"] == "we are better at finding it"
    assert found["detail"] == quote
    assert commissioner_explanation(_rise("2024-12-31", quote)) is None
    alone = commissioner_explanation(_rise("2025-02-28", "He said: 'we are better at finding it'."))
    assert alone is not None and alone["words"] == "we are better at finding it" and alone["detail"] == ""


@pytest.mark.parametrize(("width", "offences"), [(None, "1,200 offences"), ("mobile", "1,200\noffences")])
def test_a_met_label_names_its_unit_only_where_it_differs_and_ends_at_the_last_marker(
        drawn_charts: DrawnCharts, width: str | None, offences: str) -> None:
    """Labels as printed; a figure whose source names its unit differently from the panel's first (2017's 1,200
    'offences' among 'crimes') carries its unit word, and at the last year the long label ends at its marker
    (right-aligned; on a phone broken after the number). Every other label is centred over its marker."""
    from analysis.publish import style

    fig, _ = drawn_charts("met-cse-series", style.MOBILE_WIDTH if width else None)
    panels = {ax.get_title("left"): ax for ax in fig.axes if ax.get_title("left")}
    crimes = [(t.get_text(), t.get_ha()) for t in panels["Crimes connected with CSE"].texts]
    assert crimes == [("618", "center"), ("922", "center"), (offences, "right")]
    referrals = [(t.get_text(), t.get_ha()) for t in panels["Referrals of suspected CSE"].texts]
    assert referrals == [("1,737", "center"), ("2,060", "center")]


def test_the_met_panels_share_one_year_axis_and_the_subtitle_keys_both_shapes(drawn_charts: DrawnCharts) -> None:
    """One year axis for the three panels (2014 to 2017, the first and last published figures); the marker key
    in words names circles (a Met publication) then diamonds (a news report), as both are drawn."""
    fig, meta = drawn_charts("met-cse-series")
    panels = [ax for ax in fig.axes if ax.get_title("left")]
    assert len(panels) == 3
    limits = {ax.get_xlim() for ax in panels}
    assert len(limits) == 1
    ((lo, hi),) = limits
    assert 2013 < lo < 2014 and 2017 < hi < 2018
    assert meta.intro.endswith("Circles: a Met publication; diamonds: a news report of the Met's figures.")


def test_a_met_line_break_is_listed_only_between_neighbouring_years() -> None:
    """_draw_series lists each place a line was not drawn because two neighbouring years are not one series: 2014's
    count and 2015's rate are neighbours of different kinds (comparability's sentence); 2015 and 2017 are one kind
    but 2016 has no figure, so nothing joins them and nothing needs saying."""
    from analysis.publish import style
    from analysis.publish.charts.met_cse_series import _draw_series

    rows = pd.DataFrame([
        {"x": 2014.0, "value": 1000.0, "value_as_printed": "1,000", "unit": "crimes", "figure_id": "a"},
        {"x": 2015.0, "value": 5.0, "value_as_printed": "5", "unit": "per 1,000 children", "figure_id": "b"},
        {"x": 2017.0, "value": 6.0, "value_as_printed": "6", "unit": "per 1,000 children", "figure_id": "c"},
    ]).assign(measure="cse_flagged_crimes", geography="London", caveat="", primary=True, qualifier="exact",
              period_label=lambda d: d["x"].astype(int).astype(str))
    fig, ax = style.new_figure()
    breaks = _draw_series(ax, rows, style.DARK_BLUE)
    # the panel's first unit is 'crimes': the other two carry theirs; the last one's long label ends at its marker
    assert [(t.get_text(), t.get_ha()) for t in ax.texts] == [
        ("1,000", "center"), ("5 per 1,000 children", "center"), ("6 per 1,000 children", "right")]
    assert breaks == [
        ("a", "b", "2015's 5 is not joined to 2014's 1,000: different kinds of number (count and rate per 1,000 "
                   "children).")]


def test_the_met_key_in_words_names_only_the_shapes_drawn() -> None:
    from analysis.publish.charts.met_cse_series import _key_words

    assert _key_words(pd.DataFrame({"primary": [True, True]})) == "Circles: a Met publication."
    assert _key_words(pd.DataFrame({"primary": [False]})) == "Diamonds: a news report of the Met's figures."
    assert _key_words(pd.DataFrame({"primary": [False, True]})) == (
        "Circles: a Met publication; diamonds: a news report of the Met's figures.")
    assert _key_words(pd.DataFrame({"primary": pd.Series([], dtype=bool)})) == ""


def test_the_met_title_compares_each_count_with_its_own_first_figure() -> None:
    """Three counts that each rose (100 to 150, 800 to 900, 5 to 6): every count rose, whatever their sizes."""
    from analysis.publish.charts.met_cse_series import _series_title

    rows = [("cse_referrals", 2014, 100), ("cse_referrals", 2016, 150), ("cse_flagged_crimes", 2014, 800),
            ("cse_flagged_crimes", 2016, 900), ("children_at_risk_cse", 2014, 5), ("children_at_risk_cse", 2016, 6)]
    sel = pd.DataFrame([{"measure": m, "x": float(y), "value": float(v), "value_as_printed": str(v),
                         "unit": "cases", "caveat": ""} for m, y, v in rows])
    assert _series_title(sel, ["cse_referrals", "cse_flagged_crimes", "children_at_risk_cse"]) == (
        "Every Met child sexual exploitation count rose, 2014–2016")


def test_the_commissioners_words_are_the_quoted_phrase_that_explains_and_the_rise_is_the_primary_latest() -> None:
    """Only a quoted phrase with the explanation's words is his explanation ('crime is falling everywhere' is not).
    Of several 2025 rises, a primary source's is taken first, then the latest."""
    from analysis.publish.charts.met_cse_series import commissioner_explanation

    quote = "The Commissioner said 'crime is falling everywhere' and 'we are better at finding it'."
    found = commissioner_explanation(_rise("2025-02-28", quote))
    assert found is not None and found["words"] == "we are better at finding it"
    said = "He said: 'we are better at finding it'."
    report, own, later = (_rise("2025-02-28", said), _rise("2025-01-31", said).assign(primary=True, figure_id="own"),
                          _rise("2025-03-31", said).assign(figure_id="later"))
    assert commissioner_explanation(pd.concat([report, own], ignore_index=True))["figure_id"] == "own"
    assert commissioner_explanation(pd.concat([report, later], ignore_index=True))["figure_id"] == "later"


def test_the_met_title_compares_like_with_like_from_the_first_figure() -> None:
    """Referrals first printed as a rate, then as counts: the counts are not compared with the rate, and one figure
    of the first figure's kind is no rise, so the title claims none."""
    from analysis.publish.charts.met_cse_series import _series_title

    sel = pd.DataFrame([{"measure": "cse_referrals", "x": 2014.0, "value": 5.0, "value_as_printed": "5",
                         "unit": "per 1,000 children", "caveat": ""},
                        {"measure": "cse_referrals", "x": 2015.0, "value": 100.0, "value_as_printed": "100",
                         "unit": "referrals", "caveat": ""},
                        {"measure": "cse_referrals", "x": 2016.0, "value": 150.0, "value_as_printed": "150",
                         "unit": "referrals", "caveat": ""}])
    assert _series_title(sel, ["cse_referrals"]) == (
        "The Met's published figures on child sexual exploitation, 2014–2016")


def test_recording_notes_are_the_caveat_sentences_about_recording_once_each() -> None:
    from analysis.publish.charts.met_cse_series import recording_notes

    series = pd.DataFrame({"caveat": ["Better recording practices. Referrals doubled.", None,
                                      "Better recording practices."]})
    assert recording_notes(series) == ["Better recording practices."]


def test_the_met_face_says_which_point_is_part_year_and_which_is_round(drawn_charts: DrawnCharts) -> None:
    """By hand from met_cse_series.csv and claims.csv: the 2014 referrals' caveat says the scheme may have started
    part-way through the year (its segment to 2015 is dashed); the Standard's 2017 '1,200' offences is read by the
    fact-check as rounded to the hundred: 1,150 to 1,249."""
    fig, meta = drawn_charts("met-cse-series")
    assert "Dashed: 2014's referrals may cover part of the year." in meta.notes_on_chart
    assert "Hollow: 2017's 1,200 is a round figure (1,150–1,249)." in meta.notes_on_chart
    referrals = next(ax for ax in fig.axes if ax.get_title("left") == "Referrals of suspected CSE")
    (segment,) = [line for line in referrals.get_lines() if len(line.get_xdata()) == 2]
    assert segment.get_linestyle() == "--"


def test_a_met_segment_is_dashed_when_either_end_may_cover_part_of_its_year() -> None:
    """Three yearly counts of one kind; only 2016's caveat says the scheme may have started part-way through it:
    2014-2015 is a solid segment, 2015-2016 a dashed one, each segment drawn on its own."""
    from analysis.publish import style
    from analysis.publish.charts.met_cse_series import _draw_series

    rows = pd.DataFrame([{"x": float(y), "value": v, "value_as_printed": str(int(v)), "caveat": c, "figure_id": str(y)}
                         for y, v, c in ((2014, 100.0, ""), (2015, 120.0, ""),
                                         (2016, 90.0, "The scheme may have started part-way through the year."))]
                        ).assign(measure="cse_referrals", geography="London", unit="referrals", primary=True,
                                 qualifier="exact", period_label=lambda d: d["x"].astype(int).astype(str))
    fig, ax = style.new_figure()
    assert _draw_series(ax, rows, style.DARK_BLUE) == []
    segments = [(tuple(line.get_xdata()), line.get_linestyle()) for line in ax.get_lines()
                if len(line.get_xdata()) > 1]
    assert segments == [((2014.0, 2015.0), "-"), ((2015.0, 2016.0), "--")]


def test_the_met_alt_text_lists_each_panels_own_figures(drawn_charts: DrawnCharts) -> None:
    """By hand from met_cse_series.csv: each measure's yearly figures, in year order, as printed with their unit."""
    _, meta = drawn_charts("met-cse-series")
    assert ("Referrals of suspected CSE: 2014 1,737 referrals, 2015 2,060 referrals; Crimes connected with CSE: 2014 "
            "618 crimes, 2016 922 crimes, 2017 1,200 offences; Children identified as at risk of CSE: 2014 1,116 "
            "children, 2016 1,582 children.") in meta.alt_text


# --- historic_national --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mobile", [False, True])
def test_every_national_count_is_drawn_inside_the_axes(drawn_charts: DrawnCharts, mobile: bool) -> None:
    """By hand from historic_reviews.csv: the national counts run from 16 June to 9 December 2025 and up to 1,273;
    every one sits inside the plotting area (time runs down the page), with room to its right for its label."""
    from matplotlib.dates import date2num

    from analysis.publish import style

    fig, _ = drawn_charts("historic-reviews-national", style.MOBILE_WIDTH if mobile else None)
    (ax,) = fig.axes
    bottom, top = ax.get_ylim()
    assert top < date2num(pd.Timestamp("2025-06-16")) and date2num(pd.Timestamp("2025-12-09")) < bottom
    lo, hi = ax.get_xlim()
    assert lo == 0 and hi > 1273


def test_the_national_chart_gives_a_day_only_where_its_source_printed_one(drawn_charts: DrawnCharts) -> None:
    """By hand from historic_reviews.csv and sources.csv: of the six points, only MyLondon's October 2025 'more than
    1,200' comes from a source whose date is approximate; the 4 November 1,273 is the Independent's (dated), not
    GB News's or Police Professional's (approximate). The others are dated to the day."""
    fig, meta = drawn_charts("historic-reviews-national")
    assert list(meta.data["Date as known"]) == ["16 June 2025", "2 July 2025", "2 September 2025", "October 2025",
                                                "4 November 2025", "9 December 2025"]
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.texts if t.get_text().endswith(")")]
    assert labels == ["more than 800 (16 Jun)", "more than 800 (2 Jul)", "1,273 (2 Sep)", "more than 1,200 (Oct)",
                      "1,273 (4 Nov)", "more than 1,200 (9 Dec)"]


def test_the_national_notes_name_the_bound_set_aside_for_an_exact_count_that_day(drawn_charts: DrawnCharts
                                                                                 ) -> None:
    """As at the NCA's briefing of 4 November 2025 Eastern Eye printed 'More than 1,200' Beaconport referrals and three
    outlets printed the exact 1,273: the bound is set aside and named; the repeated 1,273s are copies, not bounds, and
    are not named. Eastern Eye printed no day (its count is as_at_approximate), but the Independent printed the
    briefing's day for the same count, so the bound is dated by that day."""
    _, meta = drawn_charts("historic-reviews-national")
    assert ("Where a bound and an exact count were printed for the same count on the same day, only the exact count "
            "is shown ('More than 1,200' as at 4 November 2025 not shown again).") in meta.notes


def test_the_national_chart_declines_to_compare_exactly_the_pairs_across_definitions(drawn_charts: DrawnCharts
                                                                                     ) -> None:
    """Six points: four counts identified for review (16 June, 2 September, October, 9 December), one of cases
    re-opened (2 July), one of Beaconport referrals (4 November). The pairs across definitions are 4 + 4 + 1 = 9,
    each once; a pair within one definition is not set aside."""
    _, meta = drawn_charts("historic-reviews-national")
    definition = dict(zip(meta.data["Date"], meta.data["Definition"], strict=True))
    assert len(meta.not_compared) == 9
    assert len({frozenset((a, b)) for a, b, _ in meta.not_compared}) == 9
    assert all(why.startswith("different definitions (") for _, _, why in meta.not_compared)
    ids = {a for a, _, _ in meta.not_compared} | {b for _, b, _ in meta.not_compared}
    assert len(ids) == len(definition) == 6


def test_the_national_title_dates_the_largest_exact_count_when_it_was_first_printed(tables: dict) -> None:
    """The Safeguarding Minister's exact 1,273 (2 September 2025) printed again on 20 November 2025: the title still
    names September, when the count was first printed; a smaller exact 1,000 (August) does not displace it."""
    from analysis.publish.charts.historic_national import historic_national_chart

    reviews = tables["historic_reviews"]
    again = reviews[(reviews["scope"] == "national") & (reviews["qualifier"] == "exact")
                    & (reviews["measure"] == "historic_cases_identified_for_review")].assign(as_at="2025-11-20")
    assert len(again) == 1
    _, meta = historic_national_chart(pd.concat([reviews, again], ignore_index=True), tables["figures"])
    assert meta.title == "Historic group-based cases identified for review: 1,273 by September 2025"
    smaller = again.assign(as_at="2025-08-01", value=1000.0, value_as_printed="1,000")
    _, meta = historic_national_chart(pd.concat([reviews, smaller], ignore_index=True), tables["figures"])
    assert meta.title == "Historic group-based cases identified for review: 1,273 by September 2025", "the largest"


def test_the_national_subtitle_spans_the_first_to_the_last_point(drawn_charts: DrawnCharts) -> None:
    """16 June 2025 to 9 December 2025, in three wordings (identified for review, re-opened, Beaconport)."""
    _, meta = drawn_charts("historic-reviews-national")
    assert meta.intro.endswith("England and Wales, described three ways, June 2025 to December 2025")


def test_with_no_exact_count_the_national_title_names_the_latest_bound_of_the_review_count(tables: dict) -> None:
    """Without the Minister's exact 1,273 the latest count identified for review is the Home Secretary's 'more than
    1,200' of 9 December 2025 (the 16 June 'more than 800' is the first)."""
    from analysis.publish.charts.historic_national import historic_national_chart

    reviews = tables["historic_reviews"]
    bounds_only = reviews[~((reviews["measure"] == "historic_cases_identified_for_review")
                            & (reviews["qualifier"] == "exact"))]
    _, meta = historic_national_chart(bounds_only, tables["figures"])
    assert meta.title == "Historic group-based cases identified for review: more than 1,200 by December 2025"


def test_of_several_copies_of_one_count_a_primary_source_is_kept_first(tables: dict) -> None:
    """national_points: where several copies print the same count for the same day, a primary source is kept first,
    then a dated copy. Were GB News's 1,273 of 4 November (its date approximate) a primary source, it would be the
    point kept, labelled with its month only."""
    from analysis.publish.charts.historic_national import national_points

    reviews = tables["historic_reviews"].copy()
    gbnews = reviews["source_id"] == "gbnews-2025-11-05-beaconport"
    reviews.loc[gbnews, ["primary", "as_at_approximate"]] = [True, True]
    nat = national_points(reviews)
    kept = nat[(nat["measure"] == "beaconport_referrals")]
    assert list(kept["source_id"]) == ["gbnews-2025-11-05-beaconport"]
    assert list(nat["as_at"]) == ["2025-06-16", "2025-07-02", "2025-09-02", "2025-10-01", "2025-11-04", "2025-12-09"]


def test_the_national_notes_and_alt_text_give_each_definition_its_own_counts(drawn_charts: DrawnCharts) -> None:
    """By hand from historic_reviews.csv: the re-opened count's and Beaconport's definitions, each under its own
    heading; the alt text gives each point with its definition in lower case."""
    _, meta = drawn_charts("historic-reviews-national")
    assert ("Cases closed with no further action, re-opened: Grooming gang cases closed with no further action that "
            "had been re-opened since January 2025 (national).") in meta.notes
    assert ("Cases identified by or referred to Operation Beaconport: Closed group-based child sexual abuse and "
            "exploitation cases referred to the NCA's Operation Beaconport.") in meta.notes
    assert ("16 June 2025: More than 800 (cases identified nationally for review); 2 July 2025: more than 800 (cases "
            "closed with no further action, re-opened)") in meta.alt_text


# --- london_rates -------------------------------------------------------------------------------------------------

CASEY = "inkl-2025-06-16-casey-review-london/"
COUNCIL_CSA, COUNCIL_CSE, POLICE = (f"{CASEY}london-la-cin-csa-rate", f"{CASEY}london-la-cin-cse-rate",
                                    f"{CASEY}met-contact-csa-rate")


def test_london_rates_are_the_three_casey_rates_police_first_then_by_unit_and_largest(drawn_charts: DrawnCharts
                                                                                     ) -> None:
    """By hand from figures.csv: London's figures in a 'per N' unit are the Casey audit's three (councils' child in
    need assessments for abuse 1.79 and for exploitation 1.3, the Met's contact abuse cases 2.77), in the title's
    order: the police's rate first, then the councils', each group by unit then largest first. A density ('people
    per square kilometre') is no rate per N."""
    fig, meta = drawn_charts("london-rates")
    assert list(meta.data["Measure"]) == [
        "Contact child sexual abuse cases recorded by the Metropolitan Police Service",
        "Child in need assessments for child sexual abuse by London local authorities",
        "Child in need assessments for child sexual exploitation by London local authorities"]
    assert list(meta.data["Rate"]) == [2.77, 1.79, 1.3]
    assert meta.title == "Casey audit, London, per 1,000 children: police 2.77; councils 1.79 and 1.3"
    assert meta.intro == ("Rates for London as quoted from the national audit (Baroness Casey), each with what it "
                          "counts; published June 2025; the period the data cover is not printed")
    (ax,) = fig.axes
    texts = [t.get_text() for t in ax.texts]
    assert [t for t in texts if t in ("1.79", "1.3", "2.77")] == ["2.77", "1.79", "1.3"]
    # the unit as printed where the printing names it, else the record's unit
    assert texts.count("child in need assessments per 1,000 children") == 2
    assert "contact child sexual abuse cases per 1,000 children" in " ".join(texts).replace("\n", " ")


def _rates_variant(tables: dict, **changes: Any) -> Any:
    from analysis.publish.charts.london_rates import london_rates_chart

    figures = tables["figures"].copy()
    rows = figures["figure_id"].isin([COUNCIL_CSA, COUNCIL_CSE, POLICE])
    for column, value in changes.items():
        figures.loc[rows, column] = value(figures.loc[rows]) if callable(value) else value
    return london_rates_chart(figures, tables["claims"], tables["gaps"])[1]


def test_london_rates_not_from_the_audit_are_titled_by_their_one_base(tables: dict) -> None:
    meta = _rates_variant(tables, attributed_to="")  # the report names no source for them
    assert meta.title == "Three London rates per 1,000 children, each counting a different thing"
    assert meta.intro.startswith("Rates for London as quoted from the sources, each with what it counts;")
    assert "Quoted from the audit" not in meta.notes_on_chart


def test_london_rates_in_two_bases_say_so_and_a_printed_period_is_given(tables: dict) -> None:
    meta = _rates_variant(tables, unit=lambda r: r["unit"].where(r["unit"] != "per 1,000 children",
                                                                   "per 10,000 children"),
                          caveat="Rates for the year.", period_start="2024-01-01", period_end="2024-12-31")
    assert meta.title == "The national audit printed 3 London rates in 2 different units"
    assert meta.intro.endswith("; covering January 2024 to December 2024")


def test_with_no_london_rates_the_chart_says_none_are_in_the_sources(tables: dict) -> None:
    meta = _rates_variant(tables, geography="England")
    assert meta.title == "No London rates are published in the sources"
    assert meta.data.empty
    assert "Casey" not in meta.intro and "Quoted from the audit" not in meta.notes_on_chart, "no audit quoted"


def test_with_no_count_identified_for_review_the_national_title_names_the_definition_it_shows(tables: dict) -> None:
    """The title names the latest count of one definition only. With no count of cases identified for review, the
    latest point is Beaconport's 1,273 referrals (4 November 2025): the title must say so, not call them cases
    identified for review."""
    from analysis.publish.charts.historic_national import historic_national_chart

    reviews = tables["historic_reviews"]
    _, meta = historic_national_chart(reviews[reviews["measure"] != "historic_cases_identified_for_review"],
                                      tables["figures"])
    assert meta.title == "Cases identified by or referred to Operation Beaconport: 1,273 by November 2025"
    assert "identified for review" not in meta.alt_text.split(". ")[0]


def test_the_london_rates_alt_text_states_the_audits_finding_only_for_the_audits_one_base(
        drawn_charts: DrawnCharts, tables: dict) -> None:
    _, meta = drawn_charts("london-rates")
    assert ("showing that the Casey audit printed these London rates per 1,000 children: police 2.77; councils 1.79 "
            "and 1.3.") in meta.alt_text
    plain = _rates_variant(tables, attributed_to="")
    two = _rates_variant(tables, unit=lambda r: r["unit"].where(r["unit"] != "per 1,000 children",
                                                                  "per 10,000 children"))
    for meta in (plain, two):
        assert "the Casey audit printed" not in meta.alt_text


def test_a_caveat_saying_no_period_in_any_case_leaves_the_period_unstated(tables: dict) -> None:
    meta = _rates_variant(tables, caveat="Quoted from the audit; no period is printed.")
    assert meta.intro.endswith("published June 2025; the period the data cover is not printed")
