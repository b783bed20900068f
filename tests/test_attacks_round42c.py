"""Round 42, helper c: one reading of characters (class 4), markup in the hosts that process pasted text (class 1)
and exports (class 5), with inputs earlier rounds did not try: digit look-alike letters after a number's comma or
point, blanks that are no space to Python between a quote's words."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from tests.raw_copy import refusal
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
    ("The Met spent \u00a32.O5m in 2017.", "\u00a32.O5m"),
    ("It rose by O,5% in 2017.", "O,5%"),
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


@pytest.mark.parametrize("text", ["It was 2,Oliver said, in 2017.", "In 2015,Old Street had 12 cases.",
                                  "It was 2,ok said, in 2017."])
def test_a_word_after_a_numbers_comma_is_no_digit(text: str) -> None:
    """The guard: a word written on after a comma (a missing space) leaves the number before it read."""
    assert figures_read(text)
@pytest.mark.parametrize("second", ["1,OOO", "l,OOO", "1O", "1,O00"])
def test_the_first_term_of_a_share_whose_second_is_not_read_is_not_a_count(second: str) -> None:
    """"1 in 1,OOO children" is the share 1 in 1,000 to a reader; its second term is listed as not read, and the
    first was read as the exact count 1, which the record holds ("in the record"). As for a first term not read
    (round 25: "l in 5"), neither term is read."""
    result = scan_text(f"It was 1 in {second} children in 2017.", DEFAULT)
    assert result["figures"] == []
    assert result["not_read"][0] in (listed("1", "number in a form no figure form reads"),
                                     listed(f"1 in {second}", "number in a form no figure form reads"))


@pytest.mark.parametrize("text", ["It was 1 in Oldham, in 2017.", "It was 1 in 10 children."])
def test_a_term_after_in_that_is_a_word_or_a_number_still_reads(text: str) -> None:
    assert figures_read(text)


@pytest.mark.parametrize(("value", "quote"), [("2", "The Met made 2,O60 referrals in 2015."),
                                             ("12", "It rose by 12.O per cent in 2017."),
                                             ("1", "The Met recorded 1,l00 offences in 2017.")])
def test_the_quote_check_reads_such_a_number_as_scan_does(value: str, quote: str) -> None:
    """The record's quote check took "2" as printed in "2,O60 referrals" (and "12" in "12.O per cent"), the figure a
    number scan now lists whole as not read: the same text, two readings."""
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)
    assert contains_printed(value, quote.replace(value + ",", value + ", ").replace(value + ".", value + ". "))


@pytest.mark.parametrize("date", ["12/O3/2OO9", "12.O3.2OO9", "l2-O3-2O19", "2O19-O3-12"])
def test_a_date_with_a_letter_for_a_digit_is_a_date_not_a_count(date: str) -> None:
    """The same letters in a date: "born on 12/O3/2OO9" (a date of birth to the record's personal-data check, which
    reads the letters as digits) was the count 12, "not in the record", the rest of the date printed beside it; the
    date written with digits is set aside as a date. Now read as that date is."""
    result = scan_text(f"She was born on {date} and was one of 1,200 victims in 2017.", DEFAULT)
    assert [f["value_as_printed"] for f in result["figures"]] == ["1,200"]
    assert result["not_read"] == []


# --- the 30-word limit counts the words a reader sees ---------------------------------------------------------------


_QUOTE = ('"A review of 374 cases found 278, or three quarters, were handled inadequately or required improvement '
          'and 38 were referred back to the force"')
_LONGER = (_QUOTE[1:-1] + " and the inspectors said that the force had much more work to do on it").split()


@pytest.mark.parametrize("blank", ["\u2800", "\U0001d159"])
def test_a_quote_whose_words_are_parted_by_a_blank_is_counted_as_a_reader_counts_it(tmp_path, blank: str) -> None:
    """A quote or a claim's text is at most 30 words (what the project may reproduce of a source). Counted by
    Python's `split`, a 39-word quote with a Braille blank (or a musical null notehead) between its words, each read
    as a space by every other check and drawn as one, was one word, and `validate` passed it."""
    quote = '"' + blank.join(_LONGER) + '"'
    said = refusal(tmp_path, ("figures/aol-2016-11-24-hmic-ncpi-mps.csv",
                              "aol-2016-11-24-hmic-ncpi-mps/cases-examined,cases_examined,HMIC National Child "
                              "Protection Inspection of the Metropolitan Police Service (report published November "
                              "2016): child protection cases examined,London,2016-11-24,2016-11-24,374,cases,Para 3,"
                              + _QUOTE,
                              "aol-2016-11-24-hmic-ncpi-mps/cases-examined,cases_examined,HMIC National Child "
                              "Protection Inspection of the Metropolitan Police Service (report published November "
                              "2016): child protection cases examined,London,2016-11-24,2016-11-24,374,cases,Para 3,"
                              + quote))
    assert f"quote has {len(_LONGER)} words; keep it to 30 or fewer" in said


def test_a_claim_text_whose_words_are_parted_by_a_blank_is_counted_as_a_reader_counts_it(tmp_path) -> None:
    """The same limit on a claim's text."""
    words = ("of the 244 cases examined more than half (121) were graded as inadequate and the rest were judged to "
             "need improvement or to be good by the inspectors who read them all").split()
    said = refusal(tmp_path, ("claims.yaml", "text: of the 244 cases examined more than half (121) were graded as "
                              "inadequate", "text: " + "\u2800".join(words)))
    assert f"text has {len(words)} words; keep it to 30 or fewer" in said


# --- `make lab PORT=…` reads its number as every command does -------------------------------------------------------


@pytest.mark.parametrize("port", ["8\u066899", "\u0668\u0668\u0669\u0669", "\uff18\uff18\uff19\uff19", "abc"])
def test_make_lab_refuses_a_port_in_other_digits_with_the_one_message(port: str, capsys) -> None:
    """`make lab PORT=8٨99` (an Arabic-Indic eight among ASCII digits) ran JupyterLab on port 8899: the port check
    before it read the number with Python's `int`, as JupyterLab does, where `make serve PORT=8٨99` refuses it with
    the one digits message. A port that is no number ended in a traceback."""
    from analysis.run.ports import main

    assert main([port, "make lab"]) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"make lab: PORT={port!r} is refused: ")
    assert "digits 0-9 only" in said or port == "abc"
