"""Issue 24, round nineteen: fresh inputs for each class, each failure fixed by class (see the stop's note)."""

from __future__ import annotations

import pytest

from analysis.record.safeguarding import personal_data_in
from tests.scanned import listed as _listed
from tests.scanned import read as _read

# --- personal data: a child's name with an age, in shapes that passed the check (class 4) -------------------------

_NAME_AND_AGE = "a person's name and age"


@pytest.mark.parametrize("text", [
    # a surname with lower-case words inside it: read as no name at all
    "Jane van der Doe, 14, was named.",
    "Ana de la Cruz, 14, was named.",
    # a bare age in brackets after a title or a court list's surname in capitals
    "Miss J. Doe (14) was named.",
    "DOE, Jane (14) was named.",
    "Mrs Doe [14] was named.",
    # the age between semicolons or spaced dashes, as a comma's was already read
    "Jane Doe; 14; was named.",
    "Jane Doe - 14 - was named.",
    "Jane Doe – aged 14 – was named.",
    # "years of age"; "turned"; "who was" without its comma
    "Jane Doe, fourteen years of age, was named.",
    "Jane Doe turned 14 last week.",
    "Jane Doe, who turned 14, was named.",
    "Jane Doe who was 14 was named.",
    # the age in words where the check's first sieve asked for a digit: every one passed unread
    "Jane Doe is fourteen.",
    "Jane Doe was fourteen at the time.",
    "Jane Doe turned fourteen last week.",
    "Jane Doe who was fourteen was named.",
    "Jane Doe (fourteen) was named.",
    "Jane Doe, a fourteen-year-old, was named.",
    "Fourteen-year-old Jane Doe was named.",
])
def test_a_name_with_an_age_in_new_shapes_is_refused(text: str) -> None:
    assert personal_data_in(text) == [_NAME_AND_AGE]


@pytest.mark.parametrize("text", [
    # areas and bodies with counts, in the same shapes: no person
    "West Yorkshire (14) and Greater Manchester (12).",
    "The rate in Tower Hamlets (12) was high.",
    "Avon and Somerset - 14 - Dorset - 12",
    "British Transport Police; 12; Kent; 14;",
    "The Home Office (twelve) said.",
    "Mr Speaker (12) said the House would sit.",
    # "turned" that gives no age
    "The force turned 14 pages of the report.",
    "Chief Constable Jane Doe turned the force round.",
    # a group's ages, a law
    "Looked After Children aged 10 to 17 were counted.",
    "Greater Manchester, twelve, Merseyside, ten.",
])
def test_what_only_looks_like_a_name_and_age_is_none(text: str) -> None:
    assert personal_data_in(text) == []


# --- scan: fresh wordings read as figures the article never printed, or with the wrong qualifier (class 3) ----------

_AFTER = "number with a qualifier no figure form reads"
_OPEN = "number printed open-ended"


@pytest.mark.parametrize(("text", "left", "kind"), [
    # a qualifier after the figure, at the end of its clause: each was the exact 1,200
    ("Police identified 1,200 or fewer cases.", "1,200 or fewer", _OPEN),
    ("Police identified 1,200 or less.", "1,200 or less", _OPEN),
    ("Police identified 1,200 and counting.", "1,200 and counting", _OPEN),
    ("Police identified 1,200 at most.", "1,200 at most", _AFTER),
    ("Police identified 1,200 at the very least.", "1,200 at the very least", _AFTER),
    ("Police identified 1,200, if not more.", "1,200, if not more", _AFTER),
    ("Cases rose 56% at least.", "56% at least", _AFTER),
    # "to" between two amounts after a verb that states one: two exact figures
    ("The scheme cost £1.2m to £1.5m last year.", "£1.2m to £1.5m", "range"),
    ("Referrals were 1,200 to 1,400.", "1,200 to 1,400", "range"),
    ("Referrals were 56 to 60 per cent.", "56 to 60 per cent", "range"),
    # a rate whose base is in words: the counts 12.3 and 10,000
    ("The rate was 12.3 per ten thousand children.", "12.3 per ten thousand",
     "rate whose base is printed with a scale, in words or before it"),
])
def test_a_figure_no_form_reads_is_listed(text: str, left: str, kind: str) -> None:
    assert _read(text) == ([], [_listed(left, kind)])


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    # each was the exact 1,200, or lost its first words ("a shade under 1,200" read as "under 1,200": fewer than)
    ("Police identified on the order of 1,200 cases.", "on the order of 1,200", "about"),
    ("Police identified a shade under 1,200 cases.", "a shade under 1,200", "almost"),
    ("Police identified a tad over 1,200 cases.", "a tad over 1,200", "just over"),
    ("Police identified just north of 1,200 cases.", "just north of 1,200", "just over"),
    ("Police identified a projected 1,200 cases.", "a projected 1,200", "about"),
])
def test_a_qualifier_in_other_words_keeps_its_meaning(text: str, printed: str, qualifier: str) -> None:
    assert _read(text) == ([(printed, 1200.0, "count", qualifier)], [])


@pytest.mark.parametrize("text", [
    "The 1,200th case was reviewed.",  # the count 1
    "The force was #1 in the list.",  # the count 1
    "The report (HC 1200) was published.",  # the count 1,200
    "The report was Cm 9000.",  # the count 9,000: a match for the Met's 9,000 children
    "Version 2.0 of the guidance was issued.",  # the count 2
])
def test_an_ordinal_a_paper_number_or_a_version_is_no_figure(text: str) -> None:
    assert _read(text) == ([], [])


@pytest.mark.parametrize(("text", "figures"), [
    # "at most" that opens a noun phrase is no qualifier; a definition's small threshold is left out quietly
    ("There were 1,200 at most forces.", [("1,200", 1200.0, "count", "exact")]),
    ("Two or fewer suspects were named in 1,200 cases.", [("1,200", 1200.0, "count", "exact")]),
    ("It was 12 cm long and cost £1,200.", [("12", 12.0, "count", "exact"), ("£1,200", 1200.0, "GBP", "exact")]),
    ("The max was 1,200.", [("1,200", 1200.0, "count", "exact")]),
    # "to" that ends a change is no range; a duration's first end is no count
    ("Referrals rose from 1,200 to 1,400.", [("1,200", 1200.0, "count", "exact"), ("1,400", 1400.0, "count", "exact")]),
    ("Referrals rose 300 to 1,200.", [("300", 300.0, "count", "exact"), ("1,200", 1200.0, "count", "exact")]),
    ("Waits were 10 to 12 hours in 1,200 cases.", [("1,200", 1200.0, "count", "exact")]),
])
def test_the_forms_beside_them_are_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


@pytest.mark.parametrize(("text", "kind"), [
    # a phone number with some digits read out as words among its digit groups
    ("Call 07700 nine double-oh 123 now", "a phone number"),
    # an account named before its platform, or after a label with no platform
    ("Her username is janedoe09 on Roblox", "a social-media account"),
    ("She chatted as JaneDoe09 on Roblox.", "a social-media account"),
    ("Her username is janedoe09", "a social-media account"),
    ("Gamertag: jane_doe", "a social-media account"),
])
def test_other_personal_data_in_new_shapes_is_refused(text: str, kind: str) -> None:
    assert personal_data_in(text) == [kind]


@pytest.mark.parametrize("text", [
    "The table: 2016 2017 2018 2019 one two",  # a row of years, then number words
    "There were 1,200, 1,300 and 1,400 cases in one, two or three areas.",
    "COVID19 on TikTok spread.",  # a word in capitals is no user name
    "Reports of 1,200 on Snapchat rose.",
    "The user name field was blank.",
])
def test_what_only_looks_like_other_personal_data_is_none(text: str) -> None:
    assert personal_data_in(text) == []
