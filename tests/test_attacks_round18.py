"""Issue 24, round eighteen: fresh inputs for each class, each failure fixed by class (see the stop's note)."""

from __future__ import annotations

import pytest

from analysis.record.safeguarding import personal_data_in
from tests.scanned import listed as _listed
from tests.scanned import read as _read

# --- scan: fresh wordings read as figures the article never printed, or dropped without a word (class 3) ---------


_UNIT = "number with a unit no figure form reads"
_FORM = "number in a form no figure form reads"


@pytest.mark.parametrize(("text", "left", "kind"), [
    # a unit or scale word no form reads: each was the bare number, its unit dropped
    ("It cost £5 grand.", "£5 grand", _UNIT),  # £5
    ("It cost £1.2-million.", "£1.2-million", _UNIT),  # £1.2
    ("Cases numbered 1.2-million in total.", "1.2-million", _UNIT),  # the count 1.2
    ("It cost £1.2-bn.", "£1.2-bn", _UNIT),
    ("There were 1.2 billions.", "1.2 billions", _UNIT),
    ("There were 3 crores.", "3 crores", _UNIT),
    ("There were 1.2 thou.", "1.2 thou", _UNIT),
    ("Cases numbered 1.2 Mio in total.", "1.2 Mio", _UNIT),
    ("The Met said 56.% more children were at risk.", "56.%", _UNIT),  # the count 56
    # pence, and a scale written on to a number no form reads: each dropped without a word, as a code
    ("Cases cost 50p each.", "50p", _UNIT),
    ("Cases cost 1,200p each.", "1,200p", _UNIT),
    ("Police recorded 1,2k cases in 2023.", "1,2k", _FORM),
    ("Cases numbered ½m in total.", "½m", _FORM),
    ("Cases numbered 1¼m in total.", "1¼m", _FORM),
    # a multiplier written first or in words: the count 10, or nothing
    ("Cases rose ×10 between 2019 and 2023.", "×10", "multiplier"),
    ("Cases rose x10.", "x10", "multiplier"),
    ("Cases rose by a factor of 10.", "a factor of 10", "multiplier"),
    ("Cases rose by a factor of ten.", "a factor of ten", "multiplier"),
    ("Cases rose 2.5 times.", "2.5 times", "multiplier"),  # the count 2.5: no comparison follows it
    # a range joined "-to-": its first end was read, its second dropped
    ("Cases numbered 1,200-to-1,300.", "1,200-to-1,300", "range"),
    # a sign in words: read as the 56% it negates
    ("Cases fell by minus 56%.", "minus 56%", "negative number"),
    ("Cases fell by negative 56%.", "negative 56%", "negative number"),
    # a number in words the parser lacks: dropped without a word
    ("Police recorded a dozen cases in 2023.", "a dozen", "number in words of more than one part"),
    ("There were half a dozen cases.", "half a dozen", "number in words of more than one part"),
])
def test_a_figure_no_form_reads_is_listed(text: str, left: str, kind: str) -> None:
    assert _read(text) == ([], [_listed(left, kind)])


@pytest.mark.parametrize("text", ["A 999 call was made in 1,200 cases.", "999 calls rose to 1,200.",
                                  "Calls to 999 rose to 1,200.", "A 101 call was made in 1,200 cases."])
def test_an_emergency_number_naming_its_calls_is_no_figure(text: str) -> None:
    """Each 999 (or 101) was the count 999: the number is the service's, not a statistic."""
    assert _read(text) == ([("1,200", 1200.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    ("There were 999 cases and 101 calls.", [("999", 999.0, "count", "exact"), ("101", 101.0, "count", "exact")]),
    ("It cost £1.2 million.", [("£1.2 million", 1200000.0, "GBP", "exact")]),
    ("Cases were 2.5 times higher.", [("2.5 times", 2.5, "times", "exact")]),
    ("Reviews were held 3 times.", [("3", 3.0, "count", "exact")]),
    ("Cases numbered 1.2m in total.", [("1.2m", 1200000.0, "count", "exact")]),
    ("There were 50 pupils and 12 grandparents.", [("50", 50.0, "count", "exact"), ("12", 12.0, "count", "exact")]),
])
def test_the_forms_beside_them_are_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- personal data: fresh shapes that passed the check (class 4) -----------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    # a person's name with an age in other words
    ("Jane Doe aged fourteen was found.", "a person's name and age"),
    ("Jane Doe aged 14 was found.", "a person's name and age"),
    ("Jane Doe, fourteen, was found.", "a person's name and age"),
    ("Jane Doe, a 14-year-old, was found.", "a person's name and age"),
    ("14-year-old Jane Doe was found.", "a person's name and age"),
    ("Jane Doe, who is 14, was found.", "a person's name and age"),
    # a phone number read out digit by digit
    ("Her number is oh seven seven double oh nine double oh one two three.", "a phone number"),
    ("Contact her on seven seven zero zero, nine double oh, one two three.",
     "a number of nine or more digits without thousands commas (as a phone, NHS, passport or account number is "
     "written)"),
    # a Reddit user, a device's hardware address
    ("She posted as u/janedoe09 on Reddit.", "a social-media account"),
    ("The laptop's address was 00:1A:2B:3C:4D:5E.", "a device's hardware address"),
    ("The laptop's address was 00-1a-2b-3c-4d-5e.", "a device's hardware address"),
    # an age with its unit abbreviated or labelled, a year of birth beside a name
    ("Jane Doe, 14yo, was found.", "a person's name and age"),
    ("Jane Doe, 14 y/o, was found.", "a person's name and age"),
    ("Jane Doe, 14-years-old, was found.", "a person's name and age"),
    ("Jane Doe, age: 14, was found.", "a person's name and age"),
    ("Jane Doe, aged 14\u00bd, was found.", "a person's name and age"),
    ("Jane Doe (born 2009) was found.", "a person's name and age"),
    ("Jane Doe, b. 2009, was found.", "a person's name and age"),
    # a name with accented letters: its words were no capitalised Latin words
    ("Zo\u00eb Doe, 14, was found.", "a person's name and age"),
    ("Jos\u00e9 \u00c1lvarez, 14, was found.", "a person's name and age"),
    ("\u0141ucja Nowak, 14, was found.", "a person's name and age"),
    # the age given by a sentence or after "then" / "at"
    ("Jane Doe is 14.", "a person's name and age"),
    ("Jane Doe was 14 at the time.", "a person's name and age"),
    ("Jane Doe, then 14, was found.", "a person's name and age"),
    ("Jane Doe, at 14, was found.", "a person's name and age"),
    ("Jane Doe (then 14) was found.", "a person's name and age"),
    # an account after "as", a dash, a bracket or a label alone; a web-mail name after an e-mail label
    ("She was on Snapchat as janedoe09.", "a social-media account"),
    ("Her Snapchat (janedoe09) was shared.", "a social-media account"),
    ("Her Snapchat - janedoe09 was shared.", "a social-media account"),
    ("Her Snapchat handle janedoe09 was shared.", "a social-media account"),
    ("Email: janedoe09 at hotmail", "an e-mail address"),
])
def test_personal_data_in_new_shapes_is_refused(text: str, kind: str) -> None:
    assert personal_data_in(text) == [kind]


@pytest.mark.parametrize("text", [
    "Looked After Children aged 10 to 17 were counted.",  # a group's bounds, not one person's age
    "Young People aged 16 and over were counted.",
    "Young Boys aged 10, 11 and 12 were counted.",
    "The 14-year-old Offenders Act was cited.",  # a law
    "Greater Manchester, twelve, Merseyside, ten.",  # areas and counts
    "Office for National Statistics, a 10-year-old series, was cited.",
    "The areas were one, two, three, four, five and six.",  # a list in words, not a number read out
    "Children aged 10-17 made up 1,200 of the 2,400 cases.",
    "Reddit: 12% of reports; the u/18 group was smaller.",  # no user name
    "Children born in 2009 were counted.",
    "Greater Manchester, 14, 2023, was counted.",
    "In Wales, 12.5, England 14.",
    "Avon Somerset was 12 in 2023.",
    "Greater London is 9.5% of the total.",
    "Snapchat - 26% of offences.",
    "The Snapchat account was used.",  # a sentence's full stop is no dot in a user name (it was refused)
    "Her snapchat is snapped.",
])
def test_what_only_looks_like_them_is_none(text: str) -> None:
    assert personal_data_in(text) == []


def test_a_group_that_ran_into_a_word_is_read_not_raised() -> None:
    """The NHS number's pattern gave back the "12" that ran into "three", so its check digit was asked of eight
    digits and raised an error: validation printed a traceback where it should name the field."""
    assert personal_data_in("Call 07700 900 12three now.") == ["a phone number"]


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    ("Not more than 1,200 cases were reviewed.", "Not more than 1,200", "at most"),  # was "more than": turned round
    ("Not less than 1,200 cases were reviewed.", "Not less than 1,200", "at least"),  # was "fewer than"
    ("As high as 1,200 cases were reviewed.", "As high as 1,200", "at most"),
    ("Approaching 1,200 cases were reviewed.", "Approaching 1,200", "almost"),
    ("Closer to 1,200 cases were reviewed.", "Closer to 1,200", "about"),
    ("Cases topped 1,200.", "topped 1,200", "more than"),
    ("Cases exceeded 1,200.", "exceeded 1,200", "more than"),
    ("Cases did not exceed 1,200.", "did not exceed 1,200", "at most"),
])
def test_a_qualifier_in_other_words_keeps_its_meaning(text: str, printed: str, qualifier: str) -> None:
    """Each was read as the exact 1,200, or (with "not") as the bound the other way round."""
    assert _read(text) == ([(printed, 1200.0, "count", qualifier)], [])


def test_a_share_after_under_is_no_age() -> None:
    """"under 56" was masked as an age, and "just under 56%" left no trace."""
    assert _read("Just under 56% were reviewed.") == ([("Just under 56%", 56.0, "percent", "almost")], [])
    assert _read("Children under 18 were at risk.") == ([], [])  # an age still


def test_a_count_after_a_reference_word_is_no_reference() -> None:
    """"page 2,222" was the reference "page 2" and an unread ",222" (r18c saw it)."""
    assert _read("Next page 2,222 cases were listed.") == ([("2,222", 2222.0, "count", "exact")], [])
    assert _read("Page 12 shows 1,200 cases.") == ([("1,200", 1200.0, "count", "exact")], [])
