"""Issue 24, round twenty-two (helper c): the wording side of `scan`, fresh sentences in the style of UK news and
official reports; each failure fixed by class."""

from __future__ import annotations

import pytest

from tests.scanned import listed as _listed
from tests.scanned import read as _read

_DENIED = 'number printed after "not", which the sentence denies'

# --- a figure the sentence denies ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "figures", "left"), [
    # a negated figure was read as the exact figure, "not one" as the count 1 where the sentence says none
    ("The figure was not 1,200 but 1,300.", [("1,300", 1300.0, "count", "exact")], "not 1,200"),
    ("There were 1,200 cases (not 1,300 as earlier reported).", [("1,200", 1200.0, "count", "exact")],
     "not 1,300"),
    ("Not one child was charged.", [], "Not one"),
    ("It was not 12% but 15%.", [("15%", 15.0, "percent", "exact")], "not 12%"),
    ("Not £1.2m but £1.5m was spent.", [("£1.5m", 1500000.0, "GBP", "exact")], "Not £1.2m"),
    # a qualifier after "not" that is no qualifier starting with "not": "not nearly 1,200" is far below it
    ("Referrals were not nearly 1,200.", [], "not nearly 1,200"),
])
def test_a_figure_the_sentence_denies_is_listed(text: str, figures: list[tuple[str, float, str, str]],
                                                left: str) -> None:
    assert _read(text) == (figures, [_listed(left, _DENIED)])


@pytest.mark.parametrize(("text", "figures"), [
    # the qualifiers that start with "not" keep their meaning; "not only" is no negated figure
    ("Referrals were not more than 1,200.", [("not more than 1,200", 1200.0, "count", "at most")]),
    ("Referrals were not quite 1,200.", [("not quite 1,200", 1200.0, "count", "almost")]),
    ("Not only were 1,200 cases found.", [("1,200", 1200.0, "count", "exact")]),
])
def test_a_qualifier_starting_with_not_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])
