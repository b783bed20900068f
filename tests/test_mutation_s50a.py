"""Stop 50 (s50a): a mutation round on the chart modules. Each test kills mutants that survived the chart tests.

Expected values are worked out by hand from the rule each module states (its docstring, the chart rules in the
README and DEVELOPERS guide) and from the committed tables in data/processed, never copied from the code's output.
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
    assert list(meta.data.columns) == ["Count", "Value", "As printed", "Definition", "Date"]
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


def test_a_met_count_is_credited_to_the_met_even_if_its_caveat_names_the_home_secretary() -> None:
    """_origins: the Home Secretary for a national figure told to MPs, the Metropolitan Police for the Met's own."""
    from analysis.publish.charts.two_counts import _origins

    met = pd.Series({"scope": "Met", "definition": "The Met's own cases",
                     "caveat": "Not the count the Home Secretary gave MPs."})
    national = pd.Series({"scope": "national", "definition": "Cases flagged, as told to MPs by the Home Secretary",
                          "caveat": ""})
    assert _origins([met]) == ("Metropolitan Police",)
    assert _origins([national, met]) == ("Home Secretary (House of Commons)", "Metropolitan Police")



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
        assert not NOT_PUBLISHED.search(text), (chart_id, field, text)


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
