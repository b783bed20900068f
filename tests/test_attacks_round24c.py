"""Round 24, helper c: one reading of characters (class 4): every place that reads text for a number or for
personal data reads its characters the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import refusal
from tests.scanned import figures_read, verify_verdict

# --- scan decodes every character reference in prose, as the HTML path and the personal-data check do -------------


@pytest.mark.parametrize(("text", "plain"), [
    ("Police recorded 1&#x2c;200 offences.", "Police recorded 1,200 offences."),
    ("Police recorded 1&#X2C;200 offences.", "Police recorded 1,200 offences."),
    ("Police recorded 1.2&#x20;million offences.", "Police recorded 1.2 million offences."),
    ("Police recorded 56&#x25; of offences.", "Police recorded 56% of offences."),
    ("Police recorded 1&ThinSpace;200 offences.", "Police recorded 1\u2009200 offences."),
    ("Call 020&#x20;7946&#x20;0000 for help.", "Call 020 7946 0000 for help."),
    ("Police recorded &#x31;,200 offences.", "Police recorded 1,200 offences."),
])
def test_scan_reads_a_hexadecimal_or_capitalised_character_reference_in_prose_as_its_character(text: str,
                                                                                             plain: str) -> None:
    """A Markdown renderer shows "1&#x2c;200" as "1,200"; scan decoded a prose article's character references only
    when it held a decimal or lower-case named one, so it read the figures 1 and 200, the count 1.2 for "1.2
    million", the count 56 for 56%, and the figure 7946 inside a phone number the record's personal-data check finds
    there. The same text in an HTML page was read right."""
    from analysis.record.safeguarding import personal_data_in

    assert figures_read(text) == figures_read(plain) == figures_read(f"<p>{text}</p>")
    assert personal_data_in(text) == personal_data_in(plain)


def test_a_prose_article_without_a_reference_is_left_as_written() -> None:
    assert figures_read("R&D spent 1,200 on A&E; 56% agreed.") == [(1200.0, "exact", "count"),
                                                                    (56.0, "exact", "percent")]


# --- verify reads an invisible character in --parts and --per as it does in --stated -------------------------------


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff"])
def test_verify_sum_reads_an_invisible_character_inside_a_part_as_a_reader_does(invisible: str) -> None:
    """`--stated "1<ZWSP>,200"` is 1,200 to verify, as to a reader; `--parts "1<ZWSP>,200"` was split at its comma
    into the parts 1 and 200 (the plain "1,200" is refused as reading both ways), and a sum of 1,200 was judged
    inaccurate."""
    from analysis.factcheck.verify import InputError

    for parts in (f"1{invisible},200", f"1,{invisible}200"):
        with pytest.raises(InputError, match="reads as one number with thousands commas"):
            verify_verdict("sum", "--total", "1,200", "--parts", parts)
    assert verify_verdict("sum", "--total", "1,200", "--parts", f"1{invisible},200;0") == "accurate"
    assert verify_verdict("sum", "--total", "135", "--parts", f"10{invisible},64,61") == "accurate"


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060"])
def test_verify_rate_reads_an_invisible_character_in_per_as_in_stated(invisible: str) -> None:
    """`--per "1,000<ZWSP>"` was refused as no number in digits, while the same text in `--stated` is 1,000."""
    assert verify_verdict("rate", "--count", "12", "--population", "1,000", "--per", f"1,000{invisible}",
                   "--stated", f"12 per 1,000{invisible}") == "accurate"


def test_verify_still_refuses_a_bidi_control_in_per_and_parts() -> None:
    from analysis.factcheck.verify import InputError

    with pytest.raises(InputError, match="bidirectional control"):
        verify_verdict("rate", "--count", "12", "--population", "1,000", "--per", "\u202d1,000",
                       "--stated", "12 per 1,000")
    with pytest.raises(InputError, match="bidirectional control"):
        verify_verdict("sum", "--total", "135", "--parts", "10,6\u202e4,61")


# --- a long number in other digits gets the one digits message, not a count of its digits ---------------------------


@pytest.mark.parametrize(("stated", "found"), [("\u0661" * 31, "\u0661"), ("\uff11" * 31, "\uff11"),
                                               ("1" * 30 + "\u0661", "\u0661"), ("\u0967" * 40, "\u0967")])
def test_verify_refuses_a_long_number_in_other_digits_with_the_one_digits_message(stated: str, found: str) -> None:
    """A number of more than 30 digits is refused as too long, but 31 Arabic-Indic digits were told only that, and 31
    full-width ones were shown back in ASCII ("'111111…' has more than 30 digits"): the digits the user typed, which
    data/raw, scan and a shorter `--stated` refuse with the one digits message, were not named."""
    from analysis.factcheck.verify import InputError
    from analysis.record.hygiene import DIGITS_MESSAGE

    with pytest.raises(InputError) as raised:
        verify_verdict("count", "--value", "1", "--stated", stated)
    assert DIGITS_MESSAGE.format(char=found, code=ord(found)) in str(raised.value)
    assert "more than 30 digits" not in str(raised.value)


def test_verify_still_refuses_a_number_of_more_than_thirty_digits() -> None:
    from analysis.factcheck.verify import InputError

    with pytest.raises(InputError, match="has more than 30 digits"):
        verify_verdict("count", "--value", "1", "--stated", "1" * 31)


# --- columns aligned with spaces other than the ASCII one are columns ------------------------------------------------

_TABLE = "Force{s}2019{s}2020\nMetropolitan{s}12{s}345\nKent{s}7{s}9\n"


@pytest.mark.parametrize("space", ["\u00a0", "\u2007", "\u2003", "\u3000", "\u202f"])
def test_columns_aligned_with_any_space_are_read_as_columns(space: str) -> None:
    """Two or more spaces between two digits of text that keeps its spaces are a gap between columns ("12    345"
    is the columns 12 and 345), but only ASCII spaces were asked about: the same table aligned with no-break,
    figure (the space made to align digits), em or ideographic spaces was made one space by NFKC afterwards, and
    the columns 12 and 345 were reported as one number with spaces between its digit groups."""
    plain = figures_read(_TABLE.format(s=" " * 4))
    assert (12.0, "exact", "count") in plain and (345.0, "exact", "count") in plain
    assert figures_read(_TABLE.format(s=space * 4)) == plain
    assert figures_read(f"<pre>{_TABLE.format(s=space * 4)}</pre>") \
        == figures_read(f"<pre>{_TABLE.format(s=' ' * 4)}</pre>")


@pytest.mark.parametrize("gap", ["&nbsp;&nbsp;&nbsp;", " &nbsp;", "&#x2007;&#x2007;"])
def test_a_page_s_gap_of_no_break_spaces_between_two_numbers_is_a_gap_between_columns(gap: str) -> None:
    """A browser shows a run of no-break spaces as it is (only ASCII spaces are closed up), so "12&nbsp;&nbsp;345"
    in a cell is the columns 12 and 345 to a reader, as in a <pre>; it was one number with spaces in it."""
    page = f"<table><tr><td>Metropolitan</td><td>12{gap}345</td></tr></table>"
    assert figures_read(page) == [(12.0, "exact", "count"), (345.0, "exact", "count")]


@pytest.mark.parametrize("text", ["Police recorded 1\u00a0737 offences.", "<p>Police recorded 1&nbsp;737 offences.</p>",
                                  "<p>Police recorded 12   345 offences.</p>"])
def test_one_space_between_digit_groups_is_still_no_column_gap(text: str) -> None:
    """One no-break space, or a page's run of ASCII spaces (shown as one), parts the digit groups of one number."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert [x["kind"] for x in result["left_out"]] == ["number with spaces between its digit groups"]


# --- a claim's rounding step gets the one digits and bidi messages, as its rate's base does -----------------------


_ROUNDED = "  rounded:\n    to: 100\n"


@pytest.mark.parametrize(("step", "message"), [
    ("\u0661\u0660\u0660", "rounded: to is refused: a number must be written with the digits 0-9 only (found "
                           "'\u0661', U+0661)"),
    ('"1\u0660\u0660"', "rounded: to is refused: a number must be written with the digits 0-9 only (found '\u0660', "
                       "U+0660)"),
    ('"\\u202e001"', "rounded: to contains a bidirectional control (U+202E)"),
    ("1\u200b00", "rounded: to contains an invisible format character (U+200B)"),
])
def test_a_rounding_step_in_other_digits_or_with_a_bidi_control_gets_the_one_message(tmp_path: Path, step: str,
                                                                                     message: str) -> None:
    """`inputs: per: ١٠٠٠` is refused with the one digits message; `rounded: to: ١٠٠` (YAML reads it as text) was
    refused only as "must be a positive number", and a bidi control or a zero-width space there the same, without
    the words every other field gives."""
    assert message in refusal(tmp_path, ("claims.yaml", _ROUNDED, f"  rounded:\n    to: {step}\n"))


@pytest.mark.parametrize(("step", "message"), [
    ("ten", "rounded: to must be a positive number (the unit it was rounded to)"),
    # a quoted number is told what is wrong with it: YAML read it as text
    ('"100"', "rounded: to is quoted ('100'): write the unit it was rounded to unquoted, as a number (to: 100)"),
    ("'100 '", "rounded: to is quoted ('100 '): write the unit it was rounded to unquoted, as a number (to: 100)"),
])
def test_a_rounding_step_that_is_no_number_is_still_told_so(tmp_path: Path, step: str, message: str) -> None:
    assert message in refusal(tmp_path, ("claims.yaml", _ROUNDED, f"  rounded:\n    to: {step}\n"))


# --- an option's number in other digits is refused with the one digits message -------------------------------------


@pytest.mark.parametrize(("module", "name", "argv", "found"), [
    ("analysis.tables.lookup_cli", "search", ["--limit", "\u0661", "1,200"], "\u0661"),
    ("analysis.factcheck.scan", "scan", ["--max-figures", "\u0661", "x.txt"], "\u0661"),
    ("analysis.factcheck.scan", "scan", ["--max-mb", "\uff11", "x.txt"], "\uff11"),
    ("analysis.publish.database", "db", ["--port", "\uff18\uff10\uff10\uff11"], "\uff18"),
    ("analysis.run.notebooks", "notebooks", ["--workers", "\U0001d7cf"], "\U0001d7cf"),
])
def test_an_option_s_number_in_other_digits_is_refused_with_the_one_digits_message(
        module: str, name: str, argv: list[str], found: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Python's int and float read "١" or "１" as 1: `scan --max-figures ١` stopped after one figure and `search
    --limit ١` listed one match, where verify, search's own query and data/raw refuse a number in such digits with
    the one digits message. (Each command's own parser, as `python -m analysis` builds it; nothing is run.)"""
    import importlib

    from analysis.record.hygiene import DIGITS_MESSAGE
    from analysis.record.terminal import Parser

    parser = Parser(prog=f"python -m analysis {name}")
    importlib.import_module(module).add_arguments(parser, name)
    with pytest.raises(SystemExit) as raised:
        parser.parse_args(argv)
    assert raised.value.code == 2
    assert DIGITS_MESSAGE.format(char=found, code=ord(found)) in capsys.readouterr().err


def test_an_option_s_number_in_digits_0_to_9_is_read_as_before() -> None:
    import argparse

    from analysis.factcheck import scan

    parser = argparse.ArgumentParser()
    scan.add_arguments(parser, "scan")
    args = parser.parse_args(["--max-figures", "3", "--max-mb", "2.5", "x.txt"])
    assert (args.max_figures, args.max_mb) == (3, 2.5)


# --- a year, date or time in mixed digits is said, as the record and verify say it ---------------------------------


@pytest.mark.parametrize(("text", "printed", "kind", "found"), [
    ("In 20\u0661\u0666, police recorded 1,582 offences.", "20\u0661\u0666", "year", "\u0661"),
    ("In 2016\u2013\u0661\u0667 police recorded 1,582 offences.", "2016\u2013\u0661\u0667", "year", "\u0661"),
    ("On 12 March 20\uff11\uff16, police recorded 1,582 offences.", "12 March 20\uff11\uff16", "date", "\uff11"),
    ("At 10:\u0663\u0660 police recorded 1,582 offences.", "10:\u0663\u0660", "time", "\u0663"),
])
def test_a_year_date_or_time_whose_digits_mix_scripts_is_said_with_the_one_digits_message(
        text: str, printed: str, kind: str, found: str) -> None:
    """"20١٦" (2016 with its last two digits Arabic-Indic) is refused in data/raw and by verify with the one digits
    message; scan set it aside as a year, read as 2016, without a word."""
    from analysis.factcheck.scan import not_read_line, scan_text
    from analysis.paths import DEFAULT
    from analysis.record.hygiene import DIGITS_MESSAGE

    result = scan_text(text, DEFAULT)
    assert [f["value"] for f in result["figures"]] == [1582.0]
    assert result["not_read"] == [not_read_line(1, printed, kind)]
    assert DIGITS_MESSAGE.format(char=found, code=ord(found)) in result["not_read"][0]


@pytest.mark.parametrize("text", ["In 2016, police recorded 1,582 offences.", "Call 020 79\u0664\u0666 0000 now.",
                                  "Police recorded 1,582\u00b9 offences."])
def test_a_year_in_digits_0_to_9_a_phone_number_or_a_note_mark_is_not_said(text: str) -> None:
    """A phone number is personal data (never echoed), and a note mark in superscript digits mixes nothing."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    assert scan_text(text, DEFAULT)["not_read"] == []


# --- a Braille blank is a space to every check, as the personal-data check reads it ---------------------------------

BLANK = "\u2800"  # BRAILLE PATTERN BLANK: a cell with no dots, drawn as an empty space


@pytest.mark.parametrize(("quote", "bare", "printed", "figure"), [
    (f"Police recorded 1.2{BLANK}million offences.", "1.2", f"1.2{BLANK}million", (1.2e6, "exact", "count")),
    (f"Police recorded 56{BLANK}per{BLANK}cent of offences.", "56", f"56{BLANK}per{BLANK}cent",
     (56.0, "exact", "percent")),
    (f"Police recorded more{BLANK}than 1,200 offences.", None, f"more{BLANK}than 1,200",
     (1200.0, "more than", "count")),
])
def test_a_braille_blank_between_words_is_read_as_the_space_it_shows(quote: str, bare: str | None, printed: str,
                                                                      figure: tuple[float, str, str]) -> None:
    """"1.2⠀million" shows as "1.2 million": the quote check took "1.2" as printed there (the record could hold 1.2
    where the source printed 1.2 million) and the parser refused the value, while the personal-data check already
    read the blank as a space ("SW1A⠀1AA"); scan read "more⠀than 1,200" as the exact 1,200."""
    from analysis.record.figures import contains_printed
    from analysis.record.hygiene import text_problem
    from analysis.record.printed import parse_printed

    assert text_problem(quote) is None
    if bare is not None:
        assert not contains_printed(bare, quote)
    assert contains_printed(printed, quote)
    parsed = parse_printed(printed)
    assert (parsed.value, parsed.qualifier, parsed.unit) == figure
    assert figures_read(quote) == [figure]
    assert verify_verdict("count", "--value", "1300", "--stated", f"more{BLANK}than 1,200") == "accurate"


def test_a_braille_blank_between_two_digits_is_a_space_the_record_never_prints() -> None:
    """Between digits it parts digit groups as a no-break space does ("1 200"): refused with the one digits message."""
    from analysis.record.figures import contains_printed
    from analysis.record.hygiene import DIGITS_MESSAGE, text_problem

    quote = f"Police recorded 1{BLANK}200 offences."
    assert text_problem(quote) == "is refused: " + DIGITS_MESSAGE.format(char=BLANK, code=ord(BLANK))
    assert not contains_printed("200", quote)
    assert figures_read(quote) == []


# --- scan finds personal data written with circled or raised numerals, as the record does ---------------------------


@pytest.mark.parametrize("text", [
    "Call \u24ea20 7946 0000 for help.",  # a circled zero
    "Call 020 7946 \u24ea\u24ea\u24ea\u24ea for help.",
    "Ring \u2070\u2077\u2077\u2070\u2070 900 123 today.",  # superscript digits
    "Call 020 7946 \u2080\u2080\u2080\u2080 for help.",  # subscript digits
    "Her NHS number is \u2468\u2463\u2462 476 5919 in the file.",  # circled digits
])
def test_scan_reads_circled_or_raised_numerals_in_personal_data_as_the_record_does(text: str) -> None:
    """The record's personal-data check reads NFKC, where "⓪" is 0 and "¹" is 1, so each of these is a phone or NHS
    number to it; scan kept such numerals as written (so that none is read into a figure) and its personal-data
    kinds did not see the number: "Call ⓪20 7946 0000" gave the figure 7946, and a not-read line echoing "⓪20"."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text)
    result = scan_text(text, DEFAULT)
    assert (result["figures"], result["not_read"]) == ([], [])
    assert [x["kind"] for x in result["left_out"]] in (["phone number"], ["NHS number"])


def test_circled_numerals_outside_personal_data_are_still_not_read() -> None:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text("In \u2461\u24ea\u2460\u2465 police recorded 1,582 offences.", DEFAULT)
    assert [f["value"] for f in result["figures"]] == [1582.0]
    assert [x["text"] for x in result["left_out"]] == ["\u2461\u24ea\u2460\u2465"]
    assert len(result["not_read"]) == 1


@pytest.mark.parametrize("separator", ["\u00af", "\u203e", "\u2017", "\uffe3", "\u02dc", "\u02d8", "\u00a8", "\u00b4"])
def test_scan_reads_a_spacing_accent_between_groups_of_personal_data_as_the_record_does(separator: str) -> None:
    """NFKC makes a spacing macron, overline, tilde, breve or diaeresis a space and a combining mark; the record's
    personal-data check drops the mark and finds "943¯476¯5919" an NHS number and "020˘7946˘0000" a phone number.
    Scan keeps its text's length, so kept the mark (or the accent as written between two digits) and gave the
    figure 943, or echoed the number's groups in not-read lines."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.safeguarding import personal_data_in

    for text, kind in ((f"Her NHS number is 943{separator}476{separator}5919 in the file.", "NHS number"),
                       (f"Call 020{separator}7946{separator}0000 for help.", "phone number")):
        assert personal_data_in(text)
        result = scan_text(text, DEFAULT)
        assert (result["figures"], result["not_read"]) == ([], [])
        assert [x["kind"] for x in result["left_out"]] == [kind]


@pytest.mark.parametrize(("text", "kind"), [
    ("Call 020  7946  0000 for help.", "phone number"),
    ("Call 020\u00a0\u00a07946\u00a0\u00a00000 for help.", "phone number"),
    ("Call 020\u2007\u20077946\u2007\u20070000 for help.", "phone number"),
    ("<pre>Call 020  7946  0000 for help.</pre>", "phone number"),
    ("<p>Call 020&nbsp;&nbsp;7946&nbsp;&nbsp;0000 for help.</p>", "phone number"),
    ("Her NHS number is 943  476  5919 in the file.", "NHS number"),
])
def test_spaces_inside_a_phone_or_nhs_number_are_no_gap_between_columns(text: str, kind: str) -> None:
    """The record's personal-data check finds "020  7946  0000" (two spaces between its groups) a phone number; the
    column rule read the spaces as gaps between columns first, so scan gave the figure 7946 and echoed "020" and
    "0000" in not-read lines."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text(text, DEFAULT)
    assert (result["figures"], result["not_read"]) == ([], [])
    assert [x["kind"] for x in result["left_out"]] == [kind]


def test_a_row_of_figures_spaced_like_an_nhs_number_without_its_check_digit_is_still_columns() -> None:
    assert figures_read("Rows: 120  340  1200 in the table.") == [
        (120.0, "exact", "count"), (340.0, "exact", "count"), (1200.0, "exact", "count")]
