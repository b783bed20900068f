"""Issue 24, round twenty-one: fresh inputs for each class, each failure fixed by class (see the stop's note)."""

from __future__ import annotations

import pytest

from tests.scanned import listed as _listed
from tests.scanned import read as _read

# --- scan: a qualifier lost, a range or a fraction read as exact figures, a unit dropped (class 3) -----------------


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    ("Officers found something like 1,200 cases.", "something like 1,200", "about"),
    ("Officers found at the very least 1,200 cases.", "at the very least 1,200", "at least"),
    ("Officers found close on 1,200 cases.", "close on 1,200", "almost"),
    ("Officers found verging on 1,200 cases.", "verging on 1,200", "almost"),
    ("Officers found edging towards 1,200 cases.", "edging towards 1,200", "almost"),
    # a word of degree before "over" or "below" was dropped, and "a touch over" read as "more than"
    ("Officers found a touch over 1,200 cases.", "a touch over 1,200", "just over"),
    ("Officers found fractionally below 1,200 cases.", "fractionally below 1,200", "almost"),
    ("Officers found marginally above 1,200 cases.", "marginally above 1,200", "just over"),
])
def test_a_qualifier_in_other_words_keeps_its_meaning(text: str, printed: str, qualifier: str) -> None:
    assert _read(text) == ([(printed, 1200.0, "count", qualifier)], [])


@pytest.mark.parametrize(("text", "left", "kind"), [
    # a qualifier or an open end printed after the words the figure counts: each was the exact 1,200
    ("There were 1,200 cases or more.", "1,200 cases or more", "number printed open-ended"),
    ("There were 1,200 cases or more were found.", "1,200 cases or more", "number printed open-ended"),
    ("Officers found 1,200 cases and rising.", "1,200 cases and rising", "number printed open-ended"),
    ("Referrals were 1,200 and up.", "1,200 and up", "number printed open-ended"),
    ("Referrals were 1,200 upwards.", "1,200 upwards", "number printed open-ended"),
    ("There were 1,200 cases at least.", "1,200 cases at least", "number with a qualifier no figure form reads"),
    ("Officers found 1,200 cases, if not more.", "1,200 cases, if not more",
     "number with a qualifier no figure form reads"),
    ("Officers found 1,200 cases or thereabouts.", "1,200 cases or thereabouts",
     "number with a qualifier no figure form reads"),
    # a range with "through": two exact figures
    ("Officers found 1,000 through 1,200 cases.", "1,000 through 1,200", "range"),
    ("Officers found 1,000 thru 1,200 cases.", "1,000 thru 1,200", "range"),
    # "a million and a half": "a half" was the share 50%
    ("The count was a million and a half.", "a million and a half", "fraction of a million, billion or thousand"),
    # a statistic's shape after a prefix: listed quietly as part of a name
    ("Officers found sub-1,200 cases.", "1,200", "number in a form no figure form reads"),
    # a unit no figure form reads: the count without it
    ("The school was 1,200 km away.", "1,200 km", "number with a unit no figure form reads"),
    ("Temperatures hit 12°C.", "12°C", "number with a unit no figure form reads"),
    ("The count rose by 56 p/c.", "56 p/c", "number with a unit no figure form reads"),
    ("The count rose by %56.", "%56", "number with a unit no figure form reads"),
    # an average: a figure of another measure, read as the count
    ("Officers found an average of 1,200 cases.", "an average of 1,200", "average, median or mean"),
    ("On average 12 children a day were referred.", "On average 12", "average, median or mean"),
])
def test_a_figure_no_form_reads_is_listed(text: str, left: str, kind: str) -> None:
    assert _read(text) == ([], [_listed(left, kind)])


def test_every_verb_of_multiples_is_read() -> None:
    """"quintupled" was dropped without a word; the figure forms now take every verb the parser's MULTIPLES holds."""
    assert _read("Referrals quintupled.") == ([("quintupled", 5.0, "times", "about")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what follows the counted words is no qualifier: an adjective, a phrase of place or time, a verb
    ("It covered 1,200 cases or more serious offences.", [("1,200", 1200.0, "count", "exact")]),
    ("There were 1,200 officers at most forces.", [("1,200", 1200.0, "count", "exact")]),
    ("There were 1,200 cases at least once.", [("1,200", 1200.0, "count", "exact")]),
    ("Referrals were 1,200 up on last year.", [("1,200", 1200.0, "count", "exact")]),
    # a definition's threshold, and "pushing" as a verb (why it is no qualifier)
    ("Groups of 3 victims or more.", [("3", 3.0, "count", "exact")]),
    ("Gangs were pushing 12 children into crime.", [("12", 12.0, "count", "exact")]),
    ("The count rose to 1,200 upward revisions.", [("1,200", 1200.0, "count", "exact")]),
])
def test_the_forms_beside_them_are_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])
