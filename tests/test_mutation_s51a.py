"""Stop 51 (s51a): a mutation round on the chart modules stop 50 did not reach. Each test kills mutants that
survived the chart tests.

Expected values are worked out by hand from the rule each module states (its docstring, the chart rules in the
README and DEVELOPERS guide) and from the committed tables in data/processed (the rows are quoted in each test's
docstring), never copied from the code's output.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.publish import charts
from analysis.tables.load import load_table
from tests.drawn import DrawnCharts


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    paths = Paths(PROJECT_ROOT)
    return {t: load_table(t, paths) for t in ("historic_reviews", "figures", "claims", "gaps", "population",
                                              "inspection_grades")}


# --- factcheck_verdicts -----------------------------------------------------------------------------------------


def test_with_no_inaccurate_claim_the_verdict_title_says_none_and_still_adds_up(tables: dict) -> None:
    """By hand from claims.csv: 22 accurate, 4 accurate within rounding, 1 inaccurate, 10 not found, 5 not yet in
    the record. Without the one inaccurate claim, 26 could be checked: 22 + 4 + 0."""
    claims = tables["claims"][tables["claims"]["verdict"] != "inaccurate"]
    _, meta = charts.factcheck_chart(claims, tables["figures"])
    assert meta.title == "26 claims could be checked: 22 accurate, 4 within rounding, 0 inaccurate"


def test_a_verdict_no_claim_has_gets_no_bar_no_note_and_no_count_in_the_title(tables: dict) -> None:
    """'A verdict no claim has is left out (a zero bar says nothing)'. Without the inaccurate claim the data hold
    four verdicts (22, 4, 10, 5), no note explains 'inaccurate', and the title counts 22 + 4 = 26 judged."""
    claims = tables["claims"][tables["claims"]["verdict"] != "inaccurate"]
    _, meta = charts.factcheck_chart(claims, tables["figures"])
    assert list(meta.data["Verdict"]) == ["Accurate", "Accurate within rounding", "Cannot be checked: not found",
                                          "Not yet in this record"]
    assert list(meta.data["Claims"]) == [22, 4, 10, 5]
    assert "Inaccurate:" not in meta.notes  # the notes are one text: each verdict drawn, "Verdict: meaning"
    assert "Accurate within rounding:" in meta.notes


def test_with_no_accurate_claim_the_verdict_title_says_none(tables: dict) -> None:
    """Without the 22 accurate claims, 4 + 1 = 5 could be checked."""
    claims = tables["claims"][tables["claims"]["verdict"] != "accurate"]
    _, meta = charts.factcheck_chart(claims, tables["figures"])
    assert meta.title == "5 claims could be checked: 0 accurate, 4 within rounding, 1 inaccurate"


def test_the_verdict_data_say_which_verdicts_could_be_checked(drawn_charts: DrawnCharts) -> None:
    """JUDGED: accurate, within rounding and inaccurate could be checked (their figures are all in the record);
    'cannot be checked: not found' and 'not yet in this record' could not."""
    _, meta = drawn_charts("factcheck-verdicts")
    assert dict(zip(meta.data["Verdict"], meta.data["Could be checked"], strict=True)) == {
        "Accurate": "yes", "Accurate within rounding": "yes", "Inaccurate": "yes",
        "Cannot be checked: not found": "no", "Not yet in this record": "no"}


def _inside(ax: object, top: float, rows: int) -> None:
    """Every bar (to its end and across its height) and every marker lies inside the axes, and the value axis reaches
    `top`; there are `rows` of them."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()  # type: ignore[attr-defined]
    boxes = [(p.get_x(), p.get_x() + p.get_width(), p.get_y(), p.get_y() + p.get_height())
             for p in ax.patches]  # type: ignore[attr-defined]
    boxes += [(x, x, y, y) for c in ax.collections for x, y in c.get_offsets()]  # type: ignore[attr-defined]
    boxes += [(x, x, y, y) for line in ax.lines  # type: ignore[attr-defined]
              for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True)]
    assert len(boxes) == rows and x0 == 0 and x1 >= top
    for left, right, low, high in boxes:
        assert x0 <= left <= right <= x1 and min(y0, y1) <= low <= high <= max(y0, y1)


@pytest.mark.parametrize("mobile", [False, True])
def test_every_verdict_bar_lies_inside_the_axes(drawn_charts: DrawnCharts, mobile: bool) -> None:
    """A bar cut off at the axis's end would read as a smaller count, and one past the bottom would not be seen: the
    five verdicts' bars lie inside the axes, which reach the largest, 22 accurate."""
    from analysis.publish import style

    fig, _ = drawn_charts("factcheck-verdicts", style.MOBILE_WIDTH if mobile else None)
    _inside(fig.axes[0], 22, 5)


@pytest.mark.parametrize("mobile", [False, True])
def test_every_funnel_stage_lies_inside_the_axes(drawn_charts: DrawnCharts, mobile: bool) -> None:
    """Three stages: 'approximately 9,000' found (a hollow marker: approximate), 2,200 and 1,200 (bars); the value
    axis reaches 9,000 and nothing is drawn past an edge."""
    from analysis.publish import style

    fig, _ = drawn_charts("met-review-funnel", style.MOBILE_WIDTH if mobile else None)
    _inside(fig.axes[0], 9000, 3)


# --- met_review_funnel ------------------------------------------------------------------------------------------


def test_with_no_in_scope_count_the_funnel_title_names_no_stage(tables: dict) -> None:
    """By hand from historic_reviews.csv: without 13 November 2025's 'still in scope' 1,200, no date has all three
    stages, so each stage's latest is drawn (9,000 found and 2,200 reviewed further, both 13 November 2025); the
    title cannot say how many stayed in scope and falls back to naming the review and its month."""
    reviews = tables["historic_reviews"][tables["historic_reviews"]["measure"] != "met_historic_cases_in_scope"]
    _, meta = charts.met_review_funnel_chart(reviews, tables["figures"])
    assert meta.title == "The Met's review of historic cases, November 2025"
    assert "None" not in meta.alt_text
    # Each stage's latest printing, not its earliest (9,000 was first printed on 24 October 2025).
    assert list(meta.data["Stage"]) == ["Cases found", "Reviewed further so far"]
    assert [str(d)[:10] for d in meta.data["As at"]] == ["2025-11-13", "2025-11-13"]


def test_with_no_count_of_cases_found_the_funnel_says_nothing_of_how_far_the_review_got(tables: dict) -> None:
    """The face's 'by then 2,200 of 9,000 had been reviewed further' needs both counts; without the five printings
    of 9,000 found it says only that the count is the Met's own, not part of the national count."""
    reviews = tables["historic_reviews"][tables["historic_reviews"]["measure"] != "met_historic_cases_found"]
    _, meta = charts.met_review_funnel_chart(reviews, tables["figures"])
    assert meta.notes_on_chart == "The Met's own count: not part of the national count, never to be added to it."
    assert "None" not in meta.notes and "Under way" not in meta.notes


def _texts(fig: object) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]  # type: ignore[attr-defined]


def test_the_funnel_stages_are_named_without_a_date_when_all_were_printed_the_same_day(
        drawn_charts: DrawnCharts) -> None:
    """All three stages were printed in one report (GB News, of the meeting of 13 November 2025): the subtitle gives
    that date once, and each bar's heading is the stage's name alone."""
    fig, meta = drawn_charts("met-review-funnel")
    texts = _texts(fig)
    for stage in ("Cases found", "Reviewed further so far", "Of those, still in scope"):
        assert stage in texts
    assert not any("(13 November 2025)" in t or "(November 2025)" in t for t in texts)


def test_the_funnel_notes_give_the_caveats_sentences_on_its_definition_and_its_transcript(
        drawn_charts: DrawnCharts) -> None:
    """By hand from the caveat on 13 November 2025's 9,000 (historic_reviews.csv): of its three sentences, the first
    says what the count covers ('two or more suspects') and the second that no transcript was found; the third
    (the Met's figure is not the national one) is said on the face already and is not repeated."""
    _, meta = drawn_charts("met-review-funnel")
    assert ("Sir Mark said the 9,000 cases identified included any case with two or more suspects and at least one "
            "victim") in meta.notes
    assert "News report of remarks to the London Assembly; no transcript found." in meta.notes
    assert "historic cases identified for review across England and Wales" not in meta.notes


# --- national_offences ------------------------------------------------------------------------------------------


def test_each_years_card_says_whether_its_group_based_share_was_printed(drawn_charts: DrawnCharts) -> None:
    """By hand from figures.csv: 2022 has only a printed share (5%, NPCC) and no count; 2023 has 4,228 group-based
    offences (Hansard copy) and a printed 3.7 per cent (Mail copy); 2024 has 4,450 group-based offences and no share.
    The module's rule: a share is shown only as printed, none computed."""
    fig, _ = drawn_charts("national-csae-offences")
    texts = [t.replace("\n", " ") for t in _texts(fig)]
    assert any(t.startswith("Group-based: 5% of the total, as printed; no count printed with it.") for t in texts)
    assert "Group-based: 4,228 offences (3.7 per cent, as printed)." in texts
    assert any(t.startswith("Group-based: 4,450 offences; no share printed, and none computed.") for t in texts)


def test_with_one_printed_share_the_offences_title_gives_that_share_and_its_one_year(tables: dict) -> None:
    """Without the three printings of 2022's 5% (NPCC and two copies), only 2023's '3.7 per cent' is printed: the
    title bounds the shares by it and names its year alone."""
    figures = tables["figures"]
    share_2022 = (figures["measure"] == "share_csae_group_based") & figures["period_end"].str.startswith("2022")
    figures = figures[~share_2022]
    _, meta = charts.national_offences_chart(figures)
    assert meta.title == "Group-based offences: about 3.7% or less of recorded child sexual abuse, 2023"


def test_the_offences_subtitle_spans_the_first_year_to_the_last(drawn_charts: DrawnCharts) -> None:
    """Recorded totals were printed for 2022, 2023 and 2024."""
    _, meta = drawn_charts("national-csae-offences")
    assert meta.intro.startswith("England and Wales, 2022–2024: child sexual abuse and exploitation recorded by "
                                 "police, one series")


def test_only_a_total_from_an_unattributed_copy_is_called_one(tables: dict) -> None:
    """Without the NPCC's own 2022 total, 2022's comes from a copy by a named publisher (Healthcare Conferences UK or
    Police Professional, both 'around 107,000'): a copy, but not an unattributed one. Only 2024's total (an
    'Unattributed UK news report') is credited to an unnamed news outlet on its card."""
    import matplotlib.text

    figures = tables["figures"]
    figures = figures[figures["figure_id"] != "npcc-2024-01-10-vkpp-2022-csae-analysis/csae-crimes-2022"]
    fig, meta = charts.national_offences_chart(figures)
    face = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text)).replace("\n", " ")
    # Each copy says so on its own card, once, with whom it cites (the 2024 copy cites the NPCC's report).
    assert face.count("From an unnamed news outlet, citing NPCC; the report itself is not in the record.") == 1
    assert face.count("the report itself is not in the record") == 2, face  # 2022's named copy too
    assert "unattributed" not in meta.notes_on_chart


def test_totals_that_are_not_one_series_are_refused_for_every_pair_of_neighbouring_years(tables: dict) -> None:
    """`comparability`: a rate is another kind of number than a count. With 2023's total recorded as a rate ('per
    1,000 children'), the totals are not one series, the subtitle says the years are not compared, and each pair of
    neighbouring years (2022 and 2023, 2023 and 2024) is recorded as not compared."""
    figures = tables["figures"].copy()
    total_2024 = "news-2025-12-group-based-offending-2024-copy/csae-cases-2024"
    figures.loc[figures["figure_id"] == "vkpp-2023-csae-analysis/csae-offences-2023", "unit"] = "per 1,000 children"
    _, meta = charts.national_offences_chart(figures)
    assert "not one series, so the years are not compared" in meta.intro
    assert meta.not_compared == (
        ("npcc-2024-01-10-vkpp-2022-csae-analysis/csae-crimes-2022", "vkpp-2023-csae-analysis/csae-offences-2023",
         "not one series"),
        ("vkpp-2023-csae-analysis/csae-offences-2023", total_2024, "not one series"))


# --- london_population_share ------------------------------------------------------------------------------------


def test_the_population_alt_text_states_both_shares_and_names_each_whole(drawn_charts: DrawnCharts) -> None:
    """By hand from population.csv: London mid-2023 8.95 million (first published); the UK's mid-2023 68,265,209
    (first published); England and Wales' mid-2023 in that vintage is the first estimate its revision names,
    60.9 million. 8.95 / 68.265209 = 13.11%, and every value the rounded 8.95 million could stand for
    (8.945-8.955 million) gives 13.1%; 8.95 / 60.9 = 14.70%, and 8.945 / 60.95 to 8.955 / 60.85 give 14.68-14.72%,
    all 14.7%. Each card names its own whole."""
    _, meta = drawn_charts("london-population-share")
    assert "showing that London was 13.1% of the UK's population and 14.7% of England and Wales' in 2023." \
        in meta.alt_text
    assert "London's share of the UK population, mid-2023: 13.1%" in meta.alt_text
    assert "London's share of the England and Wales population, mid-2023: 14.7%" in meta.alt_text


def test_a_printed_share_with_no_caveat_adds_no_note(tables: dict) -> None:
    """The notes give the caveat of the printed share the chart shows; with none recorded there is nothing to give
    (no 'nan' note)."""
    figures = tables["figures"].copy()
    figures.loc[figures["measure"] == "share_of_uk_population", "caveat"] = float("nan")
    _, meta = charts.london_population_share_chart(tables["population"], figures, tables["claims"], tables["gaps"])
    assert "13 per cent (" not in meta.notes and "nan" not in meta.notes


def test_a_printed_share_with_a_year_is_given_that_year(tables: dict) -> None:
    """By hand from figures.csv: without MyLondon's undated '13 per cent' (October 2025), the latest printed share is
    the ONS profile's '13%' for mid-2012 (period ending 30 June 2012, published later): its card says 'for 2012'
    and its data row has the year 2012."""
    figures = tables["figures"]
    figures = figures[figures["figure_id"] != "mylondon-2025-10-grooming-gangs/share-uk-population"]
    fig, meta = charts.london_population_share_chart(tables["population"], figures, tables["claims"], tables["gaps"])
    assert any(", for 2012." in t.replace("\n", " ") for t in _texts(fig))
    printed = meta.data[meta.data["Share of"] == "United Kingdom (as printed)"]
    assert list(printed["Year"]) == [2012]
    assert list(printed["As printed"]) == ["13%"]


# --- inspection_caveat ------------------------------------------------------------------------------------------


def _grades_2019_at(tables: dict, ri: int, inadequate: int, good: int) -> pd.DataFrame:
    """inspection_grades.csv with the 2019 review's three counts (good, requires improvement, inadequate) replaced."""
    grades = tables["inspection_grades"].copy()
    at_2019 = grades["inspection_id"] == "hmicfrs-2019-pir"
    counts = {"good": good, "requires improvement": ri, "inadequate": inadequate}
    for grade, count in counts.items():
        row = at_2019 & (grades["grade"] == grade)
        grades.loc[row, "count"] = count
        grades.loc[row, "share_computed"] = 100 * count / sum(counts.values())
    grades.loc[at_2019, ["cases_examined", "cases_examined_as_printed"]] = [sum(counts.values()),
                                                                            str(sum(counts.values()))]
    return grades


@pytest.mark.parametrize(("ri", "inadequate", "good", "most"), [(100, 51, 151, False), (100, 52, 150, True)])
def test_most_cases_at_every_inspection_needs_more_than_half_at_each(tables: dict, ri: int, inadequate: int,
                                                                     good: int, most: bool) -> None:
    """'Most' is more than half. By hand from inspection_grades.csv the other inspections' shares are 74.3% (2016,
    278 of 374), 93% (2017 Q3's printed combined share), 89.3% (2018, 191 of 214) and 82.4% (2024, 80 + 121 of 244).
    With the 2019 review at 100 + 51 of 302 (exactly 50%) the finding does not hold for every inspection; at
    100 + 52 of 302 (50.3%) it does, 2016-2024."""
    from analysis.publish.charts.inspection_caveat import every_inspection_finding

    found = every_inspection_finding(_grades_2019_at(tables, ri, inadequate, good))
    assert found == ("Most cases examined required improvement or were inadequate at every inspection, 2016–2024"
                     if most else None)


def test_a_bound_the_counts_satisfy_is_no_disagreement(tables: dict) -> None:
    """By hand: the 2024 inspection's 'more than half (121)' inadequate of 244 is a disagreement (121 / 244 = 49.6%).
    Had 123 of 244 been inadequate (50.4%), 'more than half' would hold and nothing would disagree."""
    from analysis.publish.charts.inspection_caveat import disagreements

    grades = tables["inspection_grades"].copy()
    assert [(d.year, d.printed, d.count) for d in disagreements(grades, tables["figures"])] == [
        ("2024", "more than half", 121.0)]
    row = (grades["inspection_id"] == "hmicfrs-2024-exploitation") & (grades["grade"] == "inadequate")
    grades.loc[row, "count"] = 123
    grades.loc[row, "share_computed"] = 100 * 123 / 244
    assert disagreements(grades, tables["figures"]) == []


def test_an_exact_share_the_counts_break_is_not_a_bound_disagreement(tables: dict) -> None:
    """A Disagreement is 'a share printed with a bound that the printed counts do not satisfy'. 2018's '89%' has no
    bound: with 180 of 214 (84.1%) behind it, it is wrong, but not this disagreement; only 2024's is listed."""
    from analysis.publish.charts.inspection_caveat import disagreements

    grades = tables["inspection_grades"].copy()
    row = grades["inspection_id"] == "hmicfrs-2018-q4"
    grades.loc[row, "count"] = 180
    grades.loc[row, "share_computed"] = 100 * 180 / 214
    assert [d.year for d in disagreements(grades, tables["figures"])] == ["2024"]


# --- recorded_vs_estimated --------------------------------------------------------------------------------------


def test_the_recorded_vs_estimated_title_is_the_latest_publishers_pairing(drawn_charts: DrawnCharts) -> None:
    """By hand from figures.csv: two documents print both figures for England and Wales, the CSA Centre's
    infographics (November 2020: 87,992 offences in 2019/20, an estimated 500,000 children) and the NPCC VKPP's
    analysis (March 2025: 115,489 offences in 2023, 500,000 children 'every year'). The title gives the latest."""
    _, meta = drawn_charts("recorded-vs-estimated")
    assert meta.title == "115,489 offences recorded in 2023; an estimated 500,000 children abused yearly"


def test_each_pairing_says_on_the_web_chart_that_its_units_are_not_subtracted(drawn_charts: DrawnCharts) -> None:
    """The module's rule: offences and children are different units and the gap is never subtracted; at the web
    width each of the two pairings says so between its dots."""
    fig, _ = drawn_charts("recorded-vs-estimated")
    assert _texts(fig).count("different units: not subtracted") == 2
    # Each sits between its own pairing's two dots (87,992 and 500,000; 115,489 and 500,000), on its row.
    said = sorted((a.xy[1], a.xy[0]) for a in fig.axes[0].texts if a.get_text() == "different units: not subtracted")
    assert [row for row, _ in said] == [0.0, 2.0]
    assert 87_992 < said[0][1] < 500_000 and 115_489 < said[1][1] < 500_000


@pytest.mark.parametrize("mobile", [False, True])
def test_every_recorded_and_estimated_dot_is_inside_the_axes(drawn_charts: DrawnCharts, mobile: bool) -> None:
    """Two pairings, one row each: the largest value is the estimated 500,000 children; every dot (x its value, y
    its row) lies inside the axes, so none is cut off."""
    from analysis.publish import style

    fig, _ = drawn_charts("recorded-vs-estimated", style.MOBILE_WIDTH if mobile else None)
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    points = [tuple(p) for c in ax.collections for p in c.get_offsets()]
    assert len(points) == 4 and max(x for x, _ in points) == 500_000
    for x, y in points:
        assert min(x0, x1) <= x <= max(x0, x1) and min(y0, y1) <= y <= max(y0, y1)


def test_a_recorded_count_for_a_financial_year_is_given_that_financial_year(drawn_charts: DrawnCharts) -> None:
    """By hand from figures.csv: the CSA Centre's 87,992 offences cover 1 April 2019 to 31 March 2020, the
    financial year 2019/20; the NPCC VKPP's 115,489 cover the calendar year 2023."""
    _, meta = drawn_charts("recorded-vs-estimated")
    assert list(meta.data["Offences recorded by police: period"]) == ["2019/20", "2023"]
    assert "CSA Centre: 87,992 offences (2019/20)" in meta.alt_text


def test_a_pairing_with_no_caveat_adds_no_note(tables: dict) -> None:
    """The notes give each drawn figure's caveat; a figure with none adds nothing (no 'nan')."""
    from analysis.publish.charts.recorded_vs_estimated import ESTIMATED, RECORDED

    figures = tables["figures"].copy()
    figures.loc[figures["measure"].isin([RECORDED, ESTIMATED]), "caveat"] = float("nan")
    _, meta = charts.recorded_vs_estimated_chart(figures)
    assert "nan" not in meta.notes


# --- inspection_timeline ----------------------------------------------------------------------------------------


def test_the_timeline_title_says_all_only_when_every_cause_of_concern_was_closed(tables: dict) -> None:
    """By hand from figures.csv: the revisit states three causes of concern from the 2024 inspection (HMICFRS; the
    record labels it by its report) and the Met that 'three' were closed, so the title says 'all three'. Had the Met
    said two were closed, the title would say 'two', not 'all two'."""
    closed = "met-2025-02-26-response-hmicfrs-revisit/causes-of-concern-closed"
    _, meta = charts.inspection_timeline_chart(tables["inspection_grades"], tables["figures"])
    assert meta.title == "Inspectors closed all three causes of concern from the Met's 2024 inspection"
    figures = tables["figures"].copy()
    figures.loc[figures["figure_id"] == closed, ["value", "value_as_printed"]] = [2, "two"]
    _, meta = charts.inspection_timeline_chart(tables["inspection_grades"], figures)
    assert meta.title == "Inspectors closed two causes of concern from the Met's 2024 inspection"


# --- cards --------------------------------------------------------------------------------------------------------


def test_a_card_of_exactly_40_words_is_whole_and_a_longer_one_is_cut_to_40() -> None:
    """style.MAX_CARD_WORDS: a card's heading and words together are at most 40. A one-word heading with 39 words is
    exactly 40 and is drawn whole; a two-word heading with 40 words (42) keeps 38 of them, then '…'."""
    from analysis.publish import style
    from analysis.publish.charts.cards import Card, cut_cards, draw_cards

    fig, ax = style.new_figure()
    draw_cards(fig, ax, [Card("1", "heading", " ".join(["word"] * 39)),
                         Card("2", "two headings", " ".join(["text"] * 40))], style.WEB_WIDTH)
    assert cut_cards(fig) == ["2"]
    drawn = " ".join(t.get_text() for t in ax.texts).split()
    assert drawn.count("word") == 39
    assert drawn.count("text") + drawn.count("text…") == 38 and drawn.count("text…") == 1


@pytest.mark.parametrize("mobile", [False, True])
def test_the_timeline_has_no_value_axis(drawn_charts: DrawnCharts, mobile: bool) -> None:
    """The module's rule: counts are not plotted against a value axis (time runs down the page, counts are words).
    So the horizontal axis shows no ticks and no numbers."""
    from analysis.publish import style

    fig, _ = drawn_charts("inspection-timeline", style.MOBILE_WIDTH if mobile else None)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert not [t.get_text() for t in ax.xaxis.get_ticklabels() if t.get_visible() and t.get_text()]
    assert not [t for t in ax.xaxis.get_ticklines() if t.get_visible()]
