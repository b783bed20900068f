"""A mutation round on the table rules (copies, comparability) and computed percentages: each test kills a mutant
that the tests of those modules let through.

Expected values are worked out by hand from the rule each module states and from the committed tables in
data/processed (figures, claims), never copied from the code's output.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from analysis.tables.load import load_table


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, Any]]:
    table = load_table("figures")
    return {row["figure_id"]: row for row in table.to_dict("records")}


# --- computed_percent.computed_change -----------------------------------------------------------------------------


def test_a_change_from_a_rounded_figure_puts_its_largest_reading_under_the_smallest_after() -> None:
    """Community Care's children on protection plans for sexual abuse: 2,160 in 2023-24 to 2,190 in 2024-25, both
    read by the fact-check as rounded to the ten (claims.csv rounded_inputs: 2,155 to 2,164 and 2,185 to 2,194).
    By hand the lowest change is 2,185 / 2,164 − 1 = 0.970% and the highest 2,194 / 2,155 − 1 = 1.810% (the
    fact-check's own working says 0.97 to 1.81); even whole percentages differ (1% and 2%), so the range is shown.
    Every earlier test had an exact `before`, so a change that paired the smallest `after` with the smallest
    `before` (2,185 / 2,155 − 1 = 1.39% to 2,194 / 2,164 − 1 = 1.39%) was never caught."""
    from analysis.publish.computed_percent import computed_change

    before = (Decimal(2160), Decimal(2155), Decimal(2164))
    after = (Decimal(2190), Decimal(2185), Decimal(2194))
    change = computed_change(before, after)
    assert change.span == "+0.97% to +1.81%"
    assert change.shown == "+1% to +2%"
    assert change.low < change.value < change.high


# --- comparability.unit_kind and comparability --------------------------------------------------------------------


def test_a_rate_is_a_rate_on_its_own_base_whether_the_words_or_the_unit_say_so(figures: dict) -> None:
    """`unit_kind` of the record's two rates. The Casey review's "2.77 contact child sexual abuse cases per 1,000
    children" prints its base in the words: a rate per 1,000 (the parser's denominator, 1000). DfE's children in
    need rate, 2023, is printed "339.1" with the unit "per 10,000 children": the unit says it is a rate on that
    base, not a count. No test asked either directly, so dropping either branch (the Casey rate read by its unit
    column, the DfE rate read as a plain count) survived."""
    from analysis.tables.comparability import unit_kind

    assert unit_kind(figures["inkl-2025-06-16-casey-review-london/met-contact-csa-rate"]) == "rate per 1000"
    assert unit_kind(figures["dfe-cin-2024/rate-children-in-need-2023"]) == "rate per 10,000 children"
    assert unit_kind(figures["met-2017-03-13/cse-crimes-2016"]) == "count"


def test_one_measure_in_two_places_or_two_kinds_of_number_is_not_one_series(figures: dict) -> None:
    """`comparability` gives its sentence for each reason. London's mid-2023 population (8.95 million) and the
    UK's (68,265,209) are one measure in two places. DfE's 2023 children in need rate (339.1 per 10,000 children)
    and the same 339.1 with its base lost (unit "children", so a count) are one measure and place but two kinds of
    number. The two DfE vintages of 2023 (339.1 in the 2024 release, 338.7 in the 2025 one) are one series. Every
    pair the tests compared differed in measure first, so a comparability that never looked at place or kind
    survived them."""
    from analysis.tables.comparability import comparability

    london = figures["thelondonweekly-2024-07-15-ons-mid-2023-copy/london-population-mid-2023"]
    uk = figures["ons-2023-mid-year-uk/uk-population-mid-2023"]
    assert comparability(london, uk) == "different places (London and United Kingdom)"
    rate = figures["dfe-cin-2024/rate-children-in-need-2023"]
    assert comparability(rate, {**rate, "unit": "children"}) == (
        "different kinds of number (rate per 10,000 children and count)")
    assert comparability(rate, figures["dfe-cin-2025/rate-children-in-need-2023"]) is None


# --- comparability.share_problem ----------------------------------------------------------------------------------


def test_a_share_within_one_place_or_of_a_place_inside_another_has_no_problem(figures: dict) -> None:
    """`share_problem` says None (not merely something falsy) when the part is a share of its whole: the February
    2018 inspection update's 191 cases requiring improvement or inadequate of the 214 examined (both London, both
    counts), and London's mid-2023 population (8.95 million) as a share of the UK's (68,265,209): London lies within
    the UK and both count people. Its contract is `str | None`; a mutant returning 0 for these went unseen because
    the registry reads it as a truth value. The other way round, the UK is not inside London: no share, and a
    mutant that passed every share whose two figures were of one kind was not caught."""
    from analysis.tables.comparability import share_problem

    part = figures["careappointments-2018-02-22-hmicfrs-ncpi-mps-q4/cases-ri-or-inadequate"]
    whole = figures["careappointments-2018-02-22-hmicfrs-ncpi-mps-q4/cases-examined"]
    assert share_problem(part, whole) is None
    london = figures["thelondonweekly-2024-07-15-ons-mid-2023-copy/london-population-mid-2023"]
    uk = figures["ons-2023-mid-year-uk/uk-population-mid-2023"]
    assert share_problem(london, uk) is None
    assert share_problem(uk, london) == "a part from outside its whole's place (United Kingdom of London)"


def test_a_part_from_a_smaller_place_counting_something_else_is_no_share(figures: dict) -> None:
    """The module's own example: London's cases over England and Wales's population is no share of anything. By
    hand: the Met's 922 CSE-flagged crimes of 2016 (London, a count) over ONS's 61,806,682 people in England and
    Wales (mid-2024, a count) are one kind of number and London lies within England and Wales, but the part counts
    crimes and the whole people. Only the share tests through whole outputs reached this branch, and none had a
    part from a smaller place with another measure."""
    from analysis.tables.comparability import share_problem

    crimes = figures["met-2017-03-13/cse-crimes-2016"]
    people = {"measure": "population", "geography": "England and Wales", "value_as_printed": "61,806,682"}
    assert share_problem(crimes, people) == (
        "a part from a smaller place counting something else (cse_flagged_crimes in London, population in England "
        "and Wales)")


# --- copies.loosest_printing --------------------------------------------------------------------------------------


def test_a_figure_shown_as_approximate_takes_the_words_of_the_best_outlet_that_printed_it_so(figures: dict) -> None:
    """The NPCC's own 107,000 CSAE crimes of 2022 is printed exact; two copies print "around 107,000 offences":
    Police Professional (a specialist outlet, 10 January 2024) and Healthcare Conferences UK (a mirror, 18 September
    2024). The figure is shown approximate in one copy's whole words, from the best outlet that printed it so
    (OUTLETS lists specialist before mirror): Police Professional's. test_copies' test of the choice has one such
    copy; a max for min is caught otherwise only through the national offences chart (test_review54), so this asks
    loosest_printing itself."""
    from analysis.tables.copies import loosest_printing

    row = figures["npcc-2024-01-10-vkpp-2022-csae-analysis/csae-crimes-2022"]
    copies = [f for f in figures.values() if f["measure"] == "csae_offences_recorded"]
    assert loosest_printing(row, copies) == {
        "qualifier": "about", "value_as_printed": "around 107,000", "unit": "offences",
        "figure_id": "policeprofessional-2024-01-vkpp-2022-copy/csae-offences-2022"}


# --- copies.copy_rank: the last two tie-breaks ---------------------------------------------------------------------


def _group(figures: dict, measure: str, end: str) -> list[dict[str, Any]]:
    """The copies of one figure, in reverse figure-id order (so file order decides nothing)."""
    rows = [f for f in figures.values() if f["measure"] == measure and f["period_end"] == end]
    return sorted(rows, key=lambda f: f["figure_id"], reverse=True)


def test_between_equal_copies_the_earliest_publication_then_the_figure_id_decides(figures: dict) -> None:
    """By hand from figures.csv. Operation Beaconport's 1,273 referrals: The Independent (national, "1,273", 4
    November 2025) and GB News (national, "1,273", 5 November) tie on source, printing and outlet, so the earlier
    is used, though GB News's id sorts first; then Police Professional (specialist) and Eastern Eye's bound ("More
    than 1,200"). Group-based CSE offences in 2023: Hansard's reprint of 717 first; the Mail's and the Telegraph's
    copies (both mirrors, both "717", both 1 January 2025) tie on everything but the id, so the Mail's comes first
    whatever order they arrive in; the BBC's "around 700" last. The tests' only tie on dates had ids in date order,
    and none tied on the date, so dropping either tie-break survived."""
    from analysis.tables.copies import choose_copy

    best, others = choose_copy(_group(figures, "beaconport_referrals", "2025-11-04"))
    assert [best["figure_id"], *(f["figure_id"] for f in others)] == [
        "independent-2025-11-04-beaconport/beaconport-referrals", "gbnews-2025-11-05-beaconport/beaconport-referrals",
        "policeprofessional-2025-11-05-beaconport/beaconport-referrals",
        "easterneye-2025-11-beaconport/beaconport-referrals"]
    best, others = choose_copy(_group(figures, "group_based_cse_offences_recorded", "2023-12-31"))
    assert [best["figure_id"], *(f["figure_id"] for f in others)] == [
        "hansard-2025-04-08-tackling-csa-statement-copy/group-based-cse-2023",
        "mail-2025-01-hydrant-group-based-copy/group-based-cse-2023",
        "telegraph-2025-01-hydrant-group-based-copy/group-based-cse-2023",
        "bbc-2025-06-16-casey-key-findings-copy/cocad-group-based-cse-offences-2023"]
