"""Issue 24, round nineteen: fresh inputs for each class, each failure fixed by class (see the stop's note)."""

from __future__ import annotations

import pytest

from analysis.record.safeguarding import personal_data_in

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
