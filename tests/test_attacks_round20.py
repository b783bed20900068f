"""Issue 24, round twenty: fresh inputs for each class, each failure fixed by class (see the stop's note)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from analysis.factcheck.wording import verdict
from analysis.record.printed import parse_printed
from analysis.record.safeguarding import personal_data_in
from tests.scanned import listed as _listed
from tests.scanned import read as _read

# --- personal data: a child's name with an age, in shapes that passed the check (class 4) -------------------------

_NAME_AND_AGE = "a person's name and age"


@pytest.mark.parametrize("text", [
    # an age that says it is one, near a name, with other words between or the other way round
    "a 14-year-old called Jane Doe was named.",
    "a 14-year-old girl named Jane Doe was named.",
    "Jane Doe’s 14-year-old daughter was named.",
    "the 14-year-old's mother, Jane Doe, was named.",
    "Jane Doe aged just 14 was named.",
    "Name: Jane Doe; Age: 14",
    # the units of age as chat and forms write them
    "Jane Doe 14yo was named.",
    "Jane Doe (14yrs) was named.",
    "Jane Doe (14 y/o) was named.",
    "Jane Doe, 14 y.o., was named.",
    # a word that stresses youth, "at the time", a half
    "Jane Doe, only 14, was named.",
    "Jane Doe, barely 14, was named.",
    "Jane Doe, 14 at the time, was named.",
    "Jane Doe, fourteen and a half, was named.",
    # a table's row; initials; a relative named by a parent's name
    "Jane Doe | 14 | Croydon",
    "Jane Doe\t14\tCroydon",
    "J.D., 14, was named.",
    "Jane Doe's daughter, 14, was named.",
    # a name in a script with capitals other than Latin; an age in years and months; a year of birth as "YOB";
    # a photograph's caption word between the name and the age
    "Анна Иванова, 14, was named.",
    "Jane Doe, 14 years 3 months, was named.",
    "Jane Doe (YOB 2010) was named.",
    "Jane Doe (pictured), 14, was named.",
    "Jane Doe, left, 14, was named.",
])
def test_a_name_with_an_age_in_new_shapes_is_refused(text: str) -> None:
    assert personal_data_in(text) == [_NAME_AND_AGE]


@pytest.mark.parametrize("text", [
    # a group's ages beside a name or a place: no one person's age
    "Professor Jay found girls aged 11 were abused.",
    "Jane Doe said 14-year-olds are most at risk.",
    "Chief Constable Jane Doe said 1,200 children aged under 18 were at risk.",
    "Victims aged 14 and under in Greater Manchester were counted.",
    # areas with counts in a table's row or a list
    "West Yorkshire | 14 | Kent | 12 |",
    "Met Police\t14\tKent\t12",
    "Thames Valley Police, 14, Kent, 12",
    "In the U.K., 14, forces said so.",
    "Jane Doe's son said the figures were 14% higher.",
])
def test_what_only_looks_like_a_name_and_age_is_none(text: str) -> None:
    assert personal_data_in(text) == []


def test_a_map_position_in_decimal_degrees_with_its_hemisphere_is_refused() -> None:
    assert personal_data_in("Lat 51.5074 N, long 0.1278 W") == ["a map position"]


def test_an_account_with_discords_old_tag_is_refused() -> None:
    assert personal_data_in("She chatted to jane#1234 on Discord.") == ["a social-media account"]


# --- scan: fresh wordings read as figures the article never printed, or with the wrong qualifier (class 3) ----------

_AFTER = "number with a qualifier no figure form reads"
_IN_WORDS = "number in words of more than one part"


@pytest.mark.parametrize(("text", "left", "kind"), [
    # a qualifier after the figure, close up or at the end of its clause: each was the exact 1,200 or 56%, or (close
    # up) listed as part of a name, so not reported at all
    ("Police identified 1,200ish cases.", "1,200ish", _AFTER),
    ("Cases rose 56%ish.", "56%ish", _AFTER),
    ("Referrals were 1,200, roughly.", "1,200, roughly", _AFTER),
    ("Referrals were 1,200, approximately.", "1,200, approximately", _AFTER),
    ("Referrals were 1,200 give or take.", "1,200 give or take", _AFTER),
    ("Referrals were 1,200 odd.", "1,200 odd", _AFTER),
    ("Referrals were 1,200 (±50).", "1,200 (±50)", _AFTER),
    # a range: one end, or both, was read as an exact figure
    ("The force expected maybe 2,000 or 3,000 cases.", "2,000 or 3,000", "range"),
    ("Rates were 5 or 6% higher.", "5 or 6%", "range"),
    ("Referrals ranged from 1,200 to 1,300.", "1,200 to 1,300", "range"),
    ("Referrals were anywhere from 1,200 to 1,300.", "1,200 to 1,300", "range"),
    ("Referrals were 1,200-1,300-ish.", "1,200-1,300-ish", "range"),
    # a statistic with a word run on to it: listed as part of a name, so never reported
    ("Police identified 1,200cases.", "1,200cases", "number in a form no figure form reads"),
    # a number in words after "a", with a comma between its parts, or part in digits: read as 100 and 20, the
    # exact 1,000,000, or 1,000 and 200
    ("Police identified a hundred and twenty cases.", "a hundred and twenty", _IN_WORDS),
    ("Police identified one million, two hundred thousand images.", "one million, two hundred thousand", _IN_WORDS),
    ("Police identified one thousand, two hundred cases.", "one thousand, two hundred", _IN_WORDS),
    ("Police identified 1 thousand 200 cases.", "1 thousand 200", _IN_WORDS),
])
def test_a_figure_no_form_reads_is_listed(text: str, left: str, kind: str) -> None:
    assert _read(text) == ([], [_listed(left, kind)])


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    # each was the exact 1,200, or lost its first words ("a hair under 1,200" read as "under 1,200": fewer than)
    ("Police identified the better part of 1,200 cases.", "the better part of 1,200", "almost"),
    ("Police identified not far off 1,200 cases.", "not far off 1,200", "almost"),
    ("Police identified a hair under 1,200 cases.", "a hair under 1,200", "almost"),
    ("Police identified little more than 1,200 cases.", "little more than 1,200", "just over"),
    ("Police identified easily 1,200 cases.", "easily 1,200", "at least"),
    # a hedged figure is an estimate, as "an estimated" one is
    ("Police identified perhaps 1,200 cases.", "perhaps 1,200", "about"),
    ("Police identified possibly 1,200 cases.", "possibly 1,200", "about"),
    ("Police identified potentially 1,200 cases.", "potentially 1,200", "about"),
])
def test_a_qualifier_in_other_words_keeps_its_meaning(text: str, printed: str, qualifier: str) -> None:
    assert _read(text) == ([(printed, 1200.0, "count", qualifier)], [])


def test_a_share_for_every_thousand_is_one_figure() -> None:
    """"12 for every 1,000 children" was the counts 12 and 1,000; the parser refused it. Both now read the share."""
    assert _read("The rate was 12 for every 1,000 children.") == ([("12 for every 1,000", 1.2, "percent", "about")], [])
    assert parse_printed("12 for every 1,000").value == parse_printed("12 in every 1,000").value


def test_a_quarter_after_an_amount_is_a_period_not_a_share() -> None:
    """"300 referrals a quarter." counts per quarter; the words were read as the share 25%."""
    assert _read("Police received 300 referrals a quarter.") == ([("300", 300.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # the forms beside the new ones are still read
    ("There were 1,200 or 56% of cases.", [("1,200", 1200.0, "count", "exact"), ("56%", 56.0, "percent", "exact")]),
    ("The rise was from 618 to 922.", [("618", 618.0, "count", "exact"), ("922", 922.0, "count", "exact")]),
    ("Referrals rose by a quarter.", [("a quarter", 25.0, "percent", "about")]),
    ("Police received 1,200 cases, a quarter of them girls.",
     [("1,200", 1200.0, "count", "exact"), ("a quarter", 25.0, "percent", "about")]),
    ("There were 1,200 odd cases.", [("1,200", 1200.0, "count", "exact")]),
    ("Police identified 1,200 likely victims.", [("1,200", 1200.0, "count", "exact")]),
])
def test_the_forms_beside_them_are_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- verdicts: one allowance for two mirror words (class 4) ----------------------------------------------------------


@pytest.mark.parametrize(("stated", "computed"), [("almost 60%", "60.4"), ("just over 60%", "59.6")])
def test_almost_and_just_over_both_hold_for_a_value_that_rounds_to_the_figure(stated: str, computed: str) -> None:
    """"almost 60%" held for 60.4 (it rounds to 60) while "just over 60%" failed for 59.6: the same allowance for
    one of two mirror words only."""
    assert verdict(Decimal(computed), parse_printed(stated)) == "accurate"


@pytest.mark.parametrize(("stated", "computed"), [("almost 60%", "60.6"), ("just over 60%", "59.4")])
def test_neither_holds_for_a_value_past_the_figure_that_rounds_elsewhere(stated: str, computed: str) -> None:
    assert verdict(Decimal(computed), parse_printed(stated)) == "inaccurate"


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f"])
def test_digit_groups_parted_by_a_no_break_or_thin_space_are_one_number_listed(space: str) -> None:
    """"1&nbsp;582" was listed as the two numbers 1 and 582 (r20c's finding): a reader sees one number."""
    printed = f"1{space}582"
    assert _read(f"Police recorded {printed} offences.") == (
        [], [_listed(printed, "number with spaces between its digit groups")])
