"""Stop 59 (lead): a count and a difference between two counts told apart both ways, on the record's own figures.

Round 48 made scan refuse a difference printed in an article ("922 more crimes … than in 2014") as the record's
level. Round 49c found the other way round left open: a level printed in an article was "in the record" as the
record's difference (PA's "charged 134 more suspects"). Reading the record's measures for that showed a third fault:
a measure was taken for a change when "rise" stood anywhere in its name, so Operation Notarise's counts
(`notarise_arrests`) were changes, and "arrests rose by 745" was "in the record" as its 745 arrests.
"""

from __future__ import annotations

from typing import Any

import pytest

import analysis
from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from analysis.record.differences import CHANGE_MEASURE


def _figure(text: str, printed: str) -> dict[str, Any]:
    return next(f for f in scan_text(text, DEFAULT)["figures"] if f["value_as_printed"] == printed)


def _reasons(figure: dict[str, Any]) -> list[str]:
    return [m["differs"] for m in figure["other_definitions"]]


def test_a_level_is_not_the_records_difference() -> None:
    """PA (26 October 2025) quotes the Met: it "charged 134 more suspects" in the past year, a rise on the year
    before (`cse_suspects_charged_increase`). "The Met charged 134 suspects" is a count of suspects charged, which
    the record does not hold: it was "in the record" as PA's 134, exit 0."""
    figure = _figure("In the past year the Met charged 134 suspects with child sexual exploitation offences.", "134")
    assert figure["status"] == "not in the record"
    assert "a difference between two counts, not a count" in _reasons(figure)


def test_the_records_difference_is_still_found_for_a_difference() -> None:
    """The guard: PA's own words, and a rise said with any verb of change before "by" ("grew by", "increased by":
    they were read as levels, and so were set apart from the ONS's population change of 706,881 once a level no
    longer met a difference)."""
    assert _figure("The Met said it had charged 134 more suspects in the past year.", "134")["status"] == \
        "in the record"
    for verb in ("grew", "increased", "rose"):
        text = f"The population of England and Wales {verb} by 706,881 in the year to mid-2024."
        assert _figure(text, "706,881")["status"] == "in the record", text


@pytest.mark.parametrize("text", [
    "Arrests under Operation Notarise rose by 745 on the year before.",
    "Police made 745 more arrests under Operation Notarise than a year earlier.",
])
def test_a_difference_is_not_operation_notarises_count(text: str) -> None:
    """HMICFRS's page on Operation Notarise (2015) prints 745 people arrested: a count. Its measure,
    `notarise_arrests`, holds "rise" inside "notarise", and the test for a change measure searched anywhere in the
    name, so a rise of 745 arrests was "in the record" as the 745 arrested."""
    figure = _figure(text, "745")
    assert figure["status"] == "not in the record"
    assert "a count, not a difference between two counts" in _reasons(figure)
    assert _figure("Operation Notarise led to 745 arrests.", "745")["status"] == "in the record"


def test_a_change_measure_is_named_by_a_word_of_its_name() -> None:
    """Every change measure of the record is still one (a word of its snake_case name), and no count is."""
    for measure in ("change_children_in_need", "population_change", "cse_suspects_charged_increase",
                    "officers_added", "officers_added_planned", "natural_change"):
        assert CHANGE_MEASURE.search(measure), measure
    for measure in ("notarise_arrests", "notarise_children_safeguarded", "cse_referrals", "cse_flagged_crimes"):
        assert not CHANGE_MEASURE.search(measure), measure


def test_a_number_searched_with_its_unit_finds_only_figures_of_that_unit() -> None:
    """HMICFRS's 2023 inspection of the response to group-based child sexual exploitation made "nine"
    recommendations (a count). `search "9 per cent"` listed them as a value match, a share the record does not
    hold; a bare "9" still finds them, and a share, a sum or a rate searched with its unit finds its own figure."""
    def matched(query: str) -> set[tuple[str, str]]:
        return {(r["id"], r["unit"]) for r in analysis.search(query) if r["value_match"]}

    nine = ("hmicfrs-2023-12-08-group-based-cse-inspection/recommendations", "recommendations")
    assert nine in matched("9")
    assert matched("9 per cent") == set() and matched("9%") == set()
    assert {unit for _, unit in matched("56 per cent")} == {"percent"}
    assert {unit for _, unit in matched("£15.6 million")} == {"GBP"}
    assert {unit for _, unit in matched("2.77 per 1,000 children")} == {"per 1,000 children"}
