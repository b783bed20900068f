"""Round 42, helper c: one reading of characters (class 4), markup in the hosts that process pasted text (class 1)
and exports (class 5), with inputs earlier rounds did not try: digit look-alike letters after a number's comma or
point, blanks that are no space to Python between a quote's words."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from tests.scanned import figures_read, listed

# --- a letter O or l for the digit after a number's comma or point (OCR, a typewriter) ------------------------------


@pytest.mark.parametrize(("text", "whole"), [
    ("The Met made 2,O60 referrals in 2015.", "2,O60"),
    ("The Met made 2,o60 referrals in 2015.", "2,o60"),
    ("The Met recorded 1,l00 offences in 2017.", "1,l00"),
    ("The Met recorded 1,O00 offences in 2017.", "1,O00"),
    ("It rose by 12.O per cent in 2017.", "12.O"),
    ("The Met spent \u00a31.O million in 2017.", "\u00a31.O"),
    ("The Met recorded 1.2OO offences in 2017.", "1.2OO"),
    ("The Met recorded 12,OOO offences in 2017.", "12,OOO"),
    ("The Met recorded 1,2OO,OOO offences in 2017.", "1,2OO,OOO"),
    ("The Met spent \u00a3l.2m in 2017.", "l.2m"),
])
def test_a_number_with_a_letter_for_a_digit_after_its_comma_or_point_is_listed_whole(text: str, whole: str) -> None:
    """OCR and typewriters print a 0 as "O" and a 1 as "l"; "1,2O0" and "l,200" are listed as numbers not read. With
    the letter right after the comma or point, the figure forms ended the number there: "2,O60 referrals" was the
    exact count 2, "12.O per cent" the count 12 (a reader sees 12.0 per cent), "£1.O million" the amount £1, each
    "not in the record", and "1.2OO" and "£l.2m" were set aside as codes, lost without a word. Each is now listed
    whole as a number no figure form reads."""
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(whole, "number in a form no figure form reads")]


@pytest.mark.parametrize("text", ["It was 2,Oliver said, in 2017.", "In 2015,Old Street had 12 cases."])
def test_a_word_after_a_numbers_comma_is_no_digit(text: str) -> None:
    """The guard: a word written on after a comma (a missing space) leaves the number before it read."""
    assert figures_read(text)
