"""The lead's standards review: what a chart (or scan) says it knows, read against the record."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis.publish import charts
from analysis.tables.load import load_table

matplotlib.use("Agg")


def test_the_timeline_says_which_causes_of_concern_it_cannot_date() -> None:
    """The timeline's title says inspectors closed all three causes of concern, but its dots date only the two
    accelerated ones (October 2023): a reader asked where the third came from. The record prints no date for it,
    so the chart face says so rather than leaving it to be inferred."""
    fig, meta = charts.draw("inspection-timeline")
    figures = load_table("figures")
    causes = figures[figures["measure"] == "causes_of_concern"]
    assert set(causes["value"].dropna()) == {2, 3}  # two accelerated (2023), three issued (the revisit's count)
    said = "Only two of the three causes of concern are dated in the sources read (the accelerated ones)."
    assert said in meta.notes_on_chart and said in meta.alt_text
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert "Only two of the three causes of concern" in texts.replace("\n", " ")


def test_the_timeline_is_silent_when_every_cause_is_dated() -> None:
    """With as many accelerated causes as were issued, nothing is undated and the note is not drawn."""
    from analysis.publish.charts.inspection_timeline import _undated

    rows = pd.DataFrame({"measure": ["causes_of_concern"] * 2, "kind": ["accelerated", "issued"], "value": [3, 3]})
    assert _undated(rows) == ""
    rows.loc[0, "value"] = 1
    assert _undated(rows).startswith("Only one of the three causes of concern")


def test_the_national_chart_reads_the_mets_separate_count_from_the_record() -> None:
    """The note "The Met's own 1,200 cases are a separate count" was typed into the chart's code: a corrected
    record would have left the chart saying 1,200. It is read from the reviews table, and left out without one."""
    from analysis.publish.charts.historic_national import historic_national_chart

    reviews, figures = load_table("historic_reviews"), load_table("figures")
    in_scope = reviews["measure"] == "met_historic_cases_in_scope"
    assert reviews.loc[in_scope, "value_as_printed"].tolist() == ["1,200"]
    assert historic_national_chart(reviews, figures)[1].notes_on_chart.endswith(
        "The Met's own 1,200 cases are a separate count.")
    corrected = reviews.assign(value_as_printed=reviews["value_as_printed"].where(~in_scope, "1,201"))
    assert "The Met's own 1,201 cases" in historic_national_chart(corrected, figures)[1].notes_on_chart
    assert "The Met's own" not in historic_national_chart(reviews[~in_scope], figures)[1].notes_on_chart


@pytest.mark.parametrize(("text", "number"), [
    ("Police recorded 1.2 milion offences in 2023.", "1.2"),
    ("Police recorded 1.2 millon offences in 2023.", "1.2"),
    ("It rose 12 percnt in 2017.", "12"),
    ("\u00a31.2 bilion was spent in 2020.", "\u00a31.2"),
    ("Police recorded 4 thousnad offences in 2023.", "4"),
])
def test_a_misspelt_scale_leaves_its_figure_not_read(text: str, number: str) -> None:
    """A scale word one letter off ("milion") was no scale to scan: "1.2 milion offences" was the count 1.2, a
    million times too small, "not in the record". It is listed as a number to check by hand."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from tests.scanned import listed

    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(number, "number in a form no figure form reads")]


@pytest.mark.parametrize("text", ["Police recorded 1.2 million offences in 2023.", "It rose 12 percent in 2017.",
                                  "There were 1,200 millions of pounds.", "There were 12 mullions in 2017.",
                                  "It cost 4 thousands of pounds."])
def test_a_scale_spelt_right_or_a_word_two_letters_off_is_read_as_before(text: str) -> None:
    from tests.scanned import figures_read

    assert figures_read(text)


def test_an_edition_is_dated_no_earlier_than_its_latest_correction() -> None:
    """The gallery and the workbook dated the edition 6 December 2026 (the last source read) while the fact-check
    listed a correction made on 7 December: a reader saw a page older than its own correction."""
    import datetime as dt

    from analysis.publish.reader_text import edition_date

    sources = [{"date_accessed": "2026-12-06"}, {"date_accessed": "2026-11-26"}]
    claims = [{"corrections": "2026-12-07: the claim's words narrowed"}, {"corrections": ""}]
    assert edition_date(sources) == dt.date(2026, 12, 6)
    assert edition_date(sources, claims) == dt.date(2026, 12, 7)
    assert edition_date(sources, [{"corrections": "2026-12-01: older"}]) == dt.date(2026, 12, 6)


def test_the_national_chart_gives_the_forces_each_analysis_covered_from_the_record() -> None:
    """The note typed "(42 in 2022, 44 in 2024)": the record's 44 forces are 2023's (the VKPP and Hydrant analyses
    of 2023), and no analysis in it states 2024's. The years and counts are read from the record."""
    from analysis.publish.charts.national_offences import coverage

    figures = load_table("figures")
    assert coverage(figures) == " (42 in 2022, 44 in 2023)"
    _, meta = charts.draw("national-csae-offences")
    # The sentence once read "the group-based analyses cover differing sets of forces (42 in 2022, 44 in 2023) that
    # the totals do not state": those are the totals' own analyses' forces (stop s55); the counts stay in the note.
    assert "cover the same forces (forces stated: 42 in 2022, 44 in 2023; none for 2024)" in meta.notes
    assert "in 2024)" not in meta.notes
    assert coverage(figures[figures["measure"] != "forces_providing_data"]) == ""
