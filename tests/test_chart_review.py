"""Regressions from the fresh-eyes review of the published charts: each test fails if its defect comes back.

Drawn from the real processed tables at web and mobile widths (as tests/test_chart_rules.py does); expected values
are read from the tables or the record's own words, not from the chart code.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT
from analysis.publish import audit, charts, encode, style
from analysis.record.printed import parse_printed
from tests.drawn import DrawnCharts


def _texts(fig: Any) -> list[str]:
    return [t.get_text() for t in audit.visible_texts(fig)]


def test_national_counts_keep_reopened_cases_apart_and_date_the_first_point(drawn_charts: DrawnCharts) -> None:
    fig, meta = drawn_charts("historic-reviews-national")
    data = meta.data
    reopened = data[data["Date"] == "2025-07-02"]["Definition"].iloc[0]
    identified = data[data["Date"] == "2025-06-16"]["Definition"].iloc[0]
    assert reopened != identified, "cases re-opened (2 July) are not cases identified for review (16 June)"
    (ax,) = fig.axes
    first = pd.Timestamp(data["Date"].min())
    ticks = [pd.Timestamp(t.get_text() + " 2025") if len(t.get_text()) == 3 else pd.Timestamp(t.get_text())
             for t in ax.get_yticklabels() if t.get_text()]
    assert min(ticks) <= first, "the first point sits under a month tick of its own"
    labels = [t.get_text() for t in ax.texts if re.match(r"(?i)more than \d", t.get_text())]
    assert labels and all(t.startswith("more than") for t in labels), "one case for 'more than'"
    other = set(data.loc[data["Definition"] != data["Definition"].iloc[-1], "As printed"]) - set(
        data.loc[data["Definition"] == data["Definition"].iloc[-1], "As printed"])
    assert not any(v in meta.title for v in other), "the title compares counts of different definitions"


def test_recorded_vs_estimated_joins_nothing(drawn_charts: DrawnCharts) -> None:
    """Offences and children are different units: no line or band runs between them."""
    from matplotlib.collections import PolyCollection

    fig, _ = drawn_charts("recorded-vs-estimated")
    for ax in fig.axes:
        assert not [c for c in ax.collections if isinstance(c, PolyCollection)], "a band joins the two units"
        assert all(len(set(line.get_xdata())) < 2 for line in ax.get_lines()), "a line joins the two units"


@pytest.mark.parametrize("width", [style.WEB_WIDTH, style.MOBILE_WIDTH])
def test_national_offences_are_one_series_as_the_fact_check_judges_them(drawn_charts: DrawnCharts,
                                                                       width: float) -> None:
    """The sources word the same police-recorded count "crimes", "offences" or "cases"; the producer's own 6% rise
    (2023 to 2024) is judged by the fact-check, so the chart calls the years one series and declines no pair."""
    fig, meta = drawn_charts("national-csae-offences", width)
    totals = [m for m in encode.marks(fig) if m.unit in set(meta.data["Unit as printed"])]
    assert len({m.unit for m in totals}) >= 2, "each year keeps the word its source printed"
    assert "one series" in meta.intro.lower() and "units differ" not in meta.intro.lower()
    assert meta.not_compared == ()
    text = " ".join(" ".join(_texts(fig)).split())
    assert "no count printed with it" in text, "2022's share is said in words, outside any bar"
    assert "From an unnamed news outlet, citing NPCC" in text, "the 2024 copy says so on its card, once"


def test_population_share_gives_england_and_wales_beside_the_uk_in_one_vintage(drawn_charts: DrawnCharts) -> None:
    """Worked by hand from ONS's mid-2023 first estimates: London 8.95 million (The London Weekly's copy), the UK
    68,265,209 (13.11%) and England and Wales 60.9 million (ONS's topic page, 14.70%); the table's E&W row is the
    2025 revision (61.1 million), which must not be divided into a first estimate."""
    fig, meta = drawn_charts("london-population-share")
    assert meta.title == "London: 13.1% of the UK's population, 14.7% of England and Wales', 2023"
    shares = meta.data.set_index("Share of")["London's share (%)"]
    assert shares["United Kingdom"] == 13.11 and shares["England and Wales"] == 14.7
    assert "61.1 million" not in " ".join(_texts(fig)) and "60.9 million" in " ".join(_texts(fig))
    assert "not a finding" in meta.notes_on_chart
    claims = drawn_charts.tables["claims"]
    verdict = claims.loc[claims["stated_figure"] == "mylondon-2025-10-grooming-gangs/share-uk-population", "verdict"]
    assert f"Fact-check verdict: ‘{verdict.iloc[0]}’" in " ".join(" ".join(_texts(fig)).split())


def test_london_rates_use_one_colour_and_a_true_title(drawn_charts: DrawnCharts) -> None:
    fig, meta = drawn_charts("london-rates")
    figures = drawn_charts.tables["figures"]
    rates = figures[figures["figure_id"].isin(charts.london_rates(figures)["figure_id"])]
    numbers = [t for t in audit.visible_texts(fig) if re.fullmatch(r"\d+(?:\.\d+)?", t.get_text())]
    assert len(numbers) == len(rates) and len({t.get_color() for t in numbers}) == 1
    assert all("per 1,000 children" in u for u in rates["unit"]) and "per 1,000 children" in meta.title
    assert "inkl" not in meta.source_line and "inkl" not in meta.source_url


def test_two_1200s_credit_who_gave_each_figure(drawn_charts: DrawnCharts) -> None:
    _, meta = drawn_charts("two-1200s")
    first, _, via = meta.source_line.removeprefix("Source: ").partition(", reported by ")
    assert "Home Secretary" in first and "Metropolitan Police" in first and via
    assert "the Met's counts" not in meta.notes_on_chart
    assert "group-based" not in meta.intro.split("the Met's")[-1], "the Met's count is a mix of offences"


def test_met_funnel_says_the_review_is_under_way_and_what_it_covers(drawn_charts: DrawnCharts) -> None:
    fig, meta = drawn_charts("met-review-funnel")
    reviews = drawn_charts.tables["historic_reviews"]
    caveat = " ".join(reviews.loc[reviews["measure"] == "met_historic_cases_found", "caveat"].dropna())
    assert "intra-familial" in caveat and "intra-familial" in meta.intro
    further = reviews.loc[reviews["measure"] == "met_historic_cases_reviewed_further", "value_as_printed"].iloc[-1]
    assert further in meta.notes_on_chart and "not been yet" in meta.notes_on_chart
    assert "so far" in " ".join(_texts(fig))


def test_the_56_per_cent_chart_keeps_jargon_and_guesses_off_its_face(drawn_charts: DrawnCharts) -> None:
    fig, meta = drawn_charts("what-the-56-means")
    text = " ".join(_texts(fig))
    assert "gap record" not in text and "Held by" not in text
    assert not meta.title.startswith("The Met's") and "put to the Met Commissioner" in meta.title
    assert audit.mirror_link(meta) == ""


def test_inspection_timeline_labels_clear_the_axis_and_each_other_on_a_phone(drawn_charts: DrawnCharts) -> None:
    fig, _ = drawn_charts("inspection-timeline", style.MOBILE_WIDTH)
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        left = ax.get_window_extent(renderer).x0
        boxes = [a.get_window_extent(renderer) for a in ax.texts]
        assert all(b.x0 >= left for b in boxes), "a value label crosses the y axis"
        for i, a in enumerate(boxes):
            assert not any(a.overlaps(b) for b in boxes[i + 1:]), "two value labels overlap"


def test_national_offences_compute_no_share_and_keep_the_npcc_caveat(drawn_charts: DrawnCharts) -> None:
    """The 2024 copy prints 4,450 group-based offences (from 44 forces) and a total of 122,768 cases but no share:
    the chart computes none (4,450 / 122,768 would be 3.6%, over areas the copy does not say are the same). 2022's
    5% (NPCC, 42 forces) and 2023's 3.7% (Hydrant, via the Mail) are printed; the title bounds them without
    implying a fall, and says "about": 5% printed to no decimals stands for anything from 4.5% to 5.49%, so "5% or
    less" said more than was printed. The NPCC's caveat that 'group-based' is not 'grooming gangs' is on the face,
    and 2022's total shows as loosely as its copies print it ('around 107,000')."""
    fig, meta = drawn_charts("national-csae-offences")
    data = meta.data.set_index("Year")
    assert pd.isna(data.loc["2024", "Group-based share (%)"])
    text = " ".join(" ".join(_texts(fig)).split())
    assert "3.6%" not in text and "no share printed, and none computed" in text
    assert meta.title == "Group-based offences: about 5% or less of recorded child sexual abuse, 2022–2023"
    assert "not the same as 'grooming gangs'" in meta.notes_on_chart
    assert data.loc["2022", "Recorded as printed"] == "around 107,000"


def test_national_offences_data_holds_each_printed_share_and_no_computed_one(drawn_charts: DrawnCharts) -> None:
    """The share column is the share as printed: 2022's 5% was printed with no count beside it, so the column
    held a blank there (the workbook's [x], 'this record holds no figure') while 'Group-based share as printed'
    said 5%; 2023's 3.7 is the printed 3.7 per cent, not 4,228 / 115,489 recomputed."""
    _, meta = drawn_charts("national-csae-offences")
    data = meta.data.set_index("Year")
    for year in data.index:
        printed = data.loc[year, "Group-based share as printed"]
        share = data.loc[year, "Group-based share (%)"]
        if isinstance(printed, str):
            assert share == float(parse_printed(printed).value), year
        else:
            assert pd.isna(share), year
    assert data.loc["2022", "Group-based share (%)"] == 5


def test_approximate_figures_look_approximate_on_every_chart(drawn_charts: DrawnCharts) -> None:
    """The Met's 'approximately 9,000' is not a bar ending at 9,000, and both printings of the CSA Centre's
    500,000 estimate are hollow markers (it was drawn solid in one row and hollow in the other)."""
    fig, meta = drawn_charts("met-review-funnel")
    marks = {m.label: m.drawn_as for m in encode.marks(fig)}
    assert marks["approximately 9,000"] == "about" and "9,000" not in marks
    assert "approximately 9,000" in meta.notes_on_chart
    fig, _ = drawn_charts("recorded-vs-estimated")
    estimates = [m for m in encode.marks(fig) if "500,000" in m.label]
    assert len(estimates) == 2 and {m.drawn_as for m in estimates} == {"about"}


def test_a_point_whose_source_gives_no_exact_date_is_labelled_with_its_month_only(drawn_charts: DrawnCharts) -> None:
    """MyLondon's undated story (sources.yaml: date_approximate, 1 October 2025 used) prints 'more than 1,200':
    labelled '(Oct)', not '(1 Oct)'; the Daily Mirror's dated 9 December 2025 copy keeps its day."""
    fig, _ = drawn_charts("historic-reviews-national")
    labels = [t for t in _texts(fig) if t.startswith("more than 1,200")]
    assert "more than 1,200 (Oct)" in labels and "more than 1,200 (9 Dec)" in labels
    assert not any("1 Oct" in t for t in _texts(fig))


def test_national_review_title_names_the_largest_exact_count_when_first_printed(drawn_charts: DrawnCharts) -> None:
    """Hansard, 2 September 2025: the Safeguarding Minister's 1,273 cases identified (exact). The later 'more than
    1,200' (MyLondon, October; the Home Secretary via the Mirror, 9 December) are bounds that hold for it, not a
    fall, so the title gives 1,273 and its month; the face no longer calls the colours unrelated definitions."""
    _, meta = drawn_charts("historic-reviews-national")
    assert meta.title == "Historic group-based cases identified for review: 1,273 by September 2025"
    assert "one growing national count" in meta.notes_on_chart and "never compared" not in meta.notes_on_chart


def test_the_2016_inspection_is_credited_to_hmic_by_its_name_then(drawn_charts: DrawnCharts) -> None:
    """The 2016 child protection inspection was HMIC's (published 25 November 2016); the inspectorate became HMICFRS
    in July 2017. The grades chart credits both names; the timeline (2023 onwards) only HMICFRS."""
    _, grades = drawn_charts("inspection-grades")
    assert grades.source_line.startswith("Source: HMIC and HMICFRS, reported by")
    _, timeline = drawn_charts("inspection-timeline")
    assert "HMIC " not in timeline.source_line and "HMICFRS" in timeline.source_line


def test_a_figure_the_fact_check_reads_as_rounded_is_drawn_approximate(drawn_charts: DrawnCharts) -> None:
    """The Standard's 2017 '1,200 offences' is judged by the fact-check as a round figure (the claim's note: 'reads
    as a figure rounded to the nearest hundred'; the same article calls it 'more than 1,000'): the chart drew it as
    an exact solid marker, so chart and verdict disagreed. Every figure in the claims table's rounded_inputs that
    a chart draws is hollow, keeps its news-report diamond, and the face gives the range the verdict uses."""
    from analysis.record.vocabulary import split_steps

    rounded = {ref for cell in drawn_charts.tables["claims"]["rounded_inputs"] for ref in split_steps(cell)}
    assert "standard-2018-03-16/cse-offences-2017" in rounded
    figures = drawn_charts.tables["figures"].set_index("figure_id")
    printed = {str(figures.loc[ref, "value_as_printed"]) for ref in rounded}
    for width in (style.WEB_WIDTH, style.MOBILE_WIDTH):
        fig, meta = drawn_charts("met-cse-series", width)
        drawn = [m for m in encode.marks(fig) if any(m.label.startswith(p) for p in printed)]
        assert drawn and {m.drawn_as for m in drawn} == {"about"}
        shapes = [line.get_marker() for ax in fig.axes for line in ax.get_lines()
                  if list(line.get_xdata()) == [2017] and line.get_markerfacecolor() == "white"]
        assert shapes == ["D"], "hollow, and still a diamond: a news report of the Met's figures"
        assert "1,200 is a round figure (1,150–1,249)" in meta.notes_on_chart


def test_every_published_grade_share_is_labelled_at_both_widths(drawn_charts: DrawnCharts) -> None:
    """A segment too narrow for its label inside lost the label (2024's 17.6% good on phones, 2017's 7.4% good
    everywhere): every share the chart draws is printed somewhere on its face, at web and phone width."""
    for width in (style.WEB_WIDTH, style.MOBILE_WIDTH):
        fig, _ = drawn_charts("inspection-grades", width)
        drawn = [m.label for m in encode.marks(fig)]
        texts = " ".join(_texts(fig))
        missing = [label for label in drawn if label not in texts]
        assert drawn and not missing, (width, missing)


def test_london_share_notes_describe_only_the_printed_share_the_chart_shows(drawn_charts: DrawnCharts) -> None:
    """The chart shows the latest printed share (MyLondon's '13 per cent', 2025) but its notes also carried the
    caveat of ONS's 2015 '13%', which neither the chart nor its data holds: a note about a figure a reader cannot
    find."""
    _, meta = drawn_charts("london-population-share")
    shown = set(meta.data["As printed"].dropna())
    assert shown == {"13 per cent"}
    assert "13% (ONS" not in meta.notes and "13 per cent (MyLondon" in meta.notes


def test_verdict_chart_alt_text_gives_every_bar(drawn_charts: DrawnCharts) -> None:
    """The alt text said only 'of 29 claims that could be checked, 26 were accurate, 1 inaccurate': a reader of it
    never learned the 2 accurate within rounding, nor the 16 claims that could not be checked, which the bars show.
    Every other chart's alt text gives its values."""
    _, meta = drawn_charts("factcheck-verdicts")
    for verdict, claims in zip(meta.data["Verdict"], meta.data["Claims"], strict=True):
        assert f"{verdict}: {claims}" in meta.alt_text, verdict


def test_verdict_chart_title_adds_up_to_the_claims_it_counts(drawn_charts: DrawnCharts) -> None:
    """The title said 'Of 29 claims that could be checked, 26 were accurate, 1 inaccurate': 26 and 1 make 27, and
    the chart rules say the labels add up to what the title says. Each judged verdict is now named."""
    _, meta = drawn_charts("factcheck-verdicts")
    bars = dict(zip(meta.data["Verdict"].str.lower(), meta.data["Claims"], strict=True))
    judged = bars["accurate"] + bars["accurate within rounding"] + bars["inaccurate"]
    numbers = [int(x) for x in re.findall(r"\d+", meta.title)]
    assert numbers[0] == judged and sum(numbers[1:]) == judged, meta.title
    assert meta.title == f"{judged} claims could be checked: {bars['accurate']} accurate, " \
        f"{bars['accurate within rounding']} within rounding, {bars['inaccurate']} inaccurate"


def test_an_estimate_printed_for_every_year_is_not_given_a_year(drawn_charts: DrawnCharts) -> None:
    """VKPP printed "an estimated 500,000 children experiencing CSAE every year"; the record dates it by its report
    (2023), and the face labelled it "(2023)", a year VKPP does not give (s48a). The CSA Centre's iceberg prints
    "in 2019", so its label keeps the year."""
    _, meta = drawn_charts("recorded-vs-estimated")
    periods = meta.data.set_index("Publisher")["Children estimated to be abused in a year: period"]
    assert periods["NPCC (VKPP)"] == "every year" and periods["CSA Centre"] == "2019"
    assert "500,000 children (every year)" in meta.alt_text and "500,000 children (2023)" not in meta.alt_text


def test_national_reviews_credit_names_the_agency_whose_count_it_draws(drawn_charts: DrawnCharts) -> None:
    """The chart draws Operation Beaconport's 1,273 referrals (4 November 2025), the National Crime Agency's count
    as GB News reported its briefing, but the source line read 'Hansard and UK Parliament, reported by MyLondon, GB
    News and Daily Mirror': the producer of that figure went unnamed (the README: the line names the producer of
    each figure, and the outlet when a figure came through a news report)."""
    _, meta = drawn_charts("historic-reviews-national")
    assert "Cases identified by or referred to Operation Beaconport" in set(meta.data["Definition"])
    assert meta.source_line.startswith("Source: National Crime Agency, ") and "reported by" in meta.source_line
    # the copy drawn is the one whose date is printed (The Independent's, 4 November 2025; stop 48), not GB News's
    assert "The Independent" in meta.source_line


def test_the_56_per_cent_chart_lists_each_missing_count_once(drawn_charts: DrawnCharts) -> None:
    """Two pairs of gap records wanted the same two counts (September 2024 and the end of the rise), so the chart's
    notes and the workbook's note listed four missing counts, each twice in other words."""
    _, meta = drawn_charts("what-the-56-means")
    missing = re.findall(r"Missing \(([^)]+)\): ([^.]+)", meta.notes)
    assert len(missing) == 2, missing
    assert sum("September 2024" in wanted for _, wanted in missing) == 1, missing


def test_a_share_of_rounded_estimates_is_shown_no_finer_than_their_rounding() -> None:
    """Worked by hand: "8.8 million" is 8,750,000 to 8,849,999, so of 67,026,292 it is 13.05% to 13.20% (13.13% at
    the printed values): shown "13%". "8.95 million" of "60.9 million" (60,850,000 to 60,949,999) is 14.68% to
    14.72%: "14.7%". "2,200" of "approximately 9,000" (8,550 to 9,450) is 23.28% to 25.73%: whole percentages differ
    across it, so the range is shown. A bound gives no share. The share is rounded once, from the unrounded value:
    13.049% shows as 13.0%, where a two-decimal 13.05 rounded again would show 13.1%."""
    from analysis.publish.computed_percent import computed_share

    wide = computed_share("8.8 million", "67,026,292")
    assert wide is not None and wide.shown == "13%" and wide.span == "13.05% to 13.20%"
    narrow = computed_share("8.95 million", "60.9 million")
    assert narrow is not None and narrow.shown == "14.7%"
    loose = computed_share("2,200", "approximately 9,000")
    assert loose is not None and loose.shown == "23% to 26%" and loose.span == "23.28% to 25.73%"
    assert computed_share("more than 9 million", "68,265,209") is None
    exact = computed_share("13,049", "100,000")
    assert exact is not None and exact.shown == "13.0%" and exact.span == ""


def test_a_change_this_project_computes_is_stated_no_more_precisely_than_its_inputs() -> None:
    """Notebook 02 printed the Met's 922 crimes (2016) to the Standard's round "1,200 offences" (2017) as "+30.2%",
    though the fact-check reads 1,200 as 1,150 to 1,249: worked by hand, 1,150 / 922 − 1 = 24.73% and
    1,249 / 922 − 1 = 35.47%, so even whole percentages differ and the range is shown. Exact counts keep one
    decimal: 1,582 / 1,116 − 1 = 41.756%; a fall has no plus sign."""
    from analysis.publish.computed_percent import computed_change

    def exact(value: int) -> tuple[Decimal, Decimal, Decimal]:
        return Decimal(value), Decimal(value), Decimal(value)

    round_figure = computed_change(exact(922), (Decimal(1200), Decimal(1150), Decimal(1249)))
    assert round_figure.shown == "+25% to +35%" and round_figure.span == "+24.73% to +35.47%"
    assert computed_change(exact(1116), exact(1582)).shown == "+41.8%"
    fall = computed_change(exact(100), exact(95))
    assert fall.shown == "-5.0%" and fall.span == ""
    # A rise below one per cent is still a rise: 1,005 / 1,000 − 1 = 0.5%, printed with its plus sign (stop 49: a
    # mutant that gave "+" only above 1 survived); no change at all has none.
    assert computed_change(exact(1000), exact(1005)).shown == "+0.5%"
    assert computed_change(exact(1000), exact(1000)).shown == "0.0%"


def test_the_london_share_data_claim_no_year_or_exactness_the_sources_did_not_print(drawn_charts: DrawnCharts
                                                                                    ) -> None:
    """MyLondon's "13 per cent" states no year (its caveat says so), but the data gave it the year 2025; and a share
    computed from "8.95 million" is known only to 13.10-13.12%, but nothing beside 13.11 said it is approximate."""
    _, meta = drawn_charts("london-population-share")
    data = meta.data.set_index("Share of")
    assert pd.isna(data.loc["United Kingdom (as printed)", "Year"])
    assert data.loc["United Kingdom", "London's share (%) qualifier"] == "about"

def test_every_output_that_says_how_claims_are_counted_says_it_alike(drawn_charts: DrawnCharts) -> None:
    """The registry came to count a statement once however many outlets repeat it, but the README and the verdict
    chart's subtitle still said "one claim per sentence and speaker": a rule restated in several places that
    disagree. Each now uses the registry's own words."""
    from analysis.record.schema import COUNTED_ONCE

    readme = " ".join((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split())
    docs = " ".join((PROJECT_ROOT / "docs" / "factcheck.md").read_text(encoding="utf-8").split())
    _, meta = drawn_charts("factcheck-verdicts")
    for text in (readme, " ".join(meta.intro.split())):
        assert COUNTED_ONCE in text and "sentence and speaker" not in text
    assert "A claim repeated by several outlets is one claim too" in docs


def test_the_counting_rule_says_statement_where_the_record_holds_one_finding_stated_twice(
        drawn_charts: DrawnCharts) -> None:
    """The verdict chart said "one claim per finding, however many outlets print it" and notebook 05 "nothing is
    counted twice", while the record judges the Met's rise in CSE crimes from 618 to 922 twice, as its release
    states it twice: "49 per cent" (para 5) and "nearly 50 per cent" (para 1). docs/factcheck.md says they are two
    claims, each judged; so the tally counts statements, and every output that states the rule says so (the
    methods page, which readers of the tally open, did not state it at all, and the claims table's description in
    the data package said "Registered claims with recomputed verdicts" and in the workbook something else)."""
    claims = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    stated_twice = claims.groupby(["kind", "inputs"])["stated"].nunique()
    assert stated_twice.get(("percent_change", "met-2017-03-13/cse-crimes-2014;met-2017-03-13/cse-crimes-2016")) == 2
    from analysis.factcheck.report import render_methods

    _, meta = drawn_charts("factcheck-verdicts")
    texts = {name: " ".join(text.split()) for name, text in {
        "README.md": (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"),
        "notebooks/05_factcheck.py": (PROJECT_ROOT / "notebooks" / "05_factcheck.py").read_text(encoding="utf-8"),
        "the verdict chart": meta.intro,
        "outputs/methods.html": re.sub(r"<[^>]+>", " ", render_methods()),
        "datapackage.json (also Datasette's and the workbook's)": next(
            r["description"] for r in json.loads((PROJECT_ROOT / "data" / "processed" / "datapackage.json").read_text(
                encoding="utf-8"))["resources"] if r["name"] == "claims")}.items()}
    for name, text in texts.items():
        said = re.sub(r"\s*#\s*", " ", text).lower()  # the notebook's Markdown without its comment marks
        assert "one claim per statement" in said, name
        assert "per finding" not in said and "nothing is counted twice" not in said, name


def test_the_commissioners_words_are_quoted_as_the_story_prints_them(drawn_charts: DrawnCharts) -> None:
    """Checked by hand against the seed story: its section heading reads 'We are better at finding it', and his
    words in its body are "It is definitely largely – and possibly entirely – [that we are] better at finding it".
    The card headed "In his words" quoted the heading, which condenses him and drops his hedge; it now quotes the
    body, word for word."""
    seed = (PROJECT_ROOT / "tests" / "fixtures" / "seed-article.txt").read_text(encoding="utf-8")
    fig, meta = drawn_charts("what-the-56-means")
    words = meta.data.set_index("Item").loc["Explanation", "Text"]
    assert words == "It is definitely largely – and possibly entirely – [that we are] better at finding it"
    assert f"“{words},” he said" in seed
    assert f"‘{words}’" in " ".join(" ".join(_texts(fig)).split())
