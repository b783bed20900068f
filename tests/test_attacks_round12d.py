"""Issue 24, round twelve (helper d): classes 1 and 4 attacked afresh. Each test failed before its fix."""

from __future__ import annotations

import pytest

from analysis.record.safeguarding import personal_data_in


@pytest.mark.parametrize("text", ["Jane Smith (born 12 03 2009) was named", "born 12 3 2009", "born 2009 03 12",
                                  "b. 12 03 2009", "born 12 - 03 - 2009", "born 12 / 3 / 2009"])
def test_a_birth_date_in_digits_joined_by_spaces_is_personal_data(text: str) -> None:
    """Only "/", "." and "-" joined a numeric birth date; spaces, as a form or a court list prints it, passed."""
    assert personal_data_in(text) == ["a date of birth"]


@pytest.mark.parametrize("text", ["children born in 2010, 12 5 per cent", "born 3 12 09",
                                  "Children born 2009 to 2010 were 12 3 times more likely"])
def test_numbers_near_born_that_are_no_spaced_date_are_not_flagged(text: str) -> None:
    assert personal_data_in(text) == []


def test_a_dotted_name_with_a_digit_before_a_plain_at_is_an_address() -> None:
    """"jane.doe at example.org" was caught, "jane.doe2 at example.org" passed."""
    assert personal_data_in("write to jane.doe2 at example.org") == ["an e-mail address"]


@pytest.mark.parametrize("text", ["tel+44 20 7946 0000", "Phone+447700900123"])
def test_an_international_number_close_up_after_its_label_is_personal_data(text: str) -> None:
    """"tel020 7946 0000" was caught, "tel+44 20 7946 0000" passed: a letter before "+" was never a start."""
    assert personal_data_in(text) == ["a phone number"]


@pytest.mark.parametrize("text", ["Many of the victims were born on the estates where they were abused.",
                                  "He was born on the streets of Rochdale"])
def test_born_on_before_a_place_is_no_date_of_birth(text: str) -> None:
    """Any "born on" was refused as a date of birth, with no date after it."""
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["the boy, born on 1 May", "born on the 12th", "born on: 12/03/2009"])
def test_born_on_before_a_day_or_month_is_still_a_date_of_birth(text: str) -> None:
    assert personal_data_in(text) == ["a date of birth"]


def test_a_cohort_word_not_followed_by_its_bound_does_not_hide_a_birthday() -> None:
    """"born after …" exempted everything after it as a cohort's bound, though no date followed the word."""
    assert personal_data_in("the girl was born after midnight, 12/03/2009") == ["a date of birth"]
