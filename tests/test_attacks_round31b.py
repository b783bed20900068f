"""Round 31, helper b: one reading of characters (class 4) and markup (class 1), with what a contributor adding a
new source, or a hostile page, brings that earlier rounds did not try."""

from __future__ import annotations

import pytest

# --- the musical null notehead, a symbol drawn as an empty space, is read as a blank --------------------------------

#: MUSICAL SYMBOL NULL NOTEHEAD: a symbol (So), not a space or a format character, drawn as an empty notehead's
#: width; the lists of characters used to write an "invisible" name give it beside the Hangul fillers.
NULL_NOTEHEAD = "\U0001d159"


@pytest.mark.parametrize(("text", "kind"), [
    (f"Call the press office on 020{NULL_NOTEHEAD}7946{NULL_NOTEHEAD}0000 today.", "a phone number"),
    (f"Jane Doe was born 12{NULL_NOTEHEAD}03{NULL_NOTEHEAD}2009 in Leeds.", "a date of birth"),
])
def test_personal_data_parted_by_a_blank_symbol_is_found(text: str, kind: str) -> None:
    """A reader sees "020 7946 0000": the check read the blank as a symbol between the groups, so no phone number."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == [kind]


def test_a_number_parted_by_a_blank_symbol_is_refused_in_the_record_with_the_digits_message() -> None:
    from analysis.record.hygiene import DIGITS_MESSAGE, text_problem

    problem = text_problem(f"Police recorded 1{NULL_NOTEHEAD}200 offences.")
    assert problem == "is refused: " + DIGITS_MESSAGE.format(char=NULL_NOTEHEAD, code=0x1D159)


def test_scan_reads_no_figure_in_a_number_parted_by_a_blank_symbol() -> None:
    """Scan read "1<blank>200" as the two figures 1 and 200, where a reader sees one number spaced apart; it is now
    listed, as "1⠀200" (the Braille blank) is."""
    from tests.scanned import read

    figures, not_read = read(f"Police recorded 1{NULL_NOTEHEAD}200 offences in 2016.")
    assert [printed for printed, *_ in figures] == []
    assert len(not_read) == 1 and f"'1{NULL_NOTEHEAD}200'" in not_read[0] and "0-9 only" in not_read[0]


# --- a <br> inside a phone number on a page is read as the record's check reads a line end there ---------------------


@pytest.mark.parametrize("line", [
    "Call the press office on 020<br>7946 0000 for details.",
    "Ring 07700<br>900 123 now.",
    "Ring +44 20<br/>7946 0000.",
    "Her NHS number 943 476<br>5919 was shown.",
    # the line broke at a hyphen of the number, as a word processor breaks "020-7946-0000"
    "Call the office on 020-<br>7946-0000 today.",
    "Call the office on 020\u2013<br>7946\u20130000 today.",
])
def test_a_page_line_break_inside_personal_data_gives_no_figure_and_no_echo(line: str) -> None:
    """A page converted from a PDF or a Word file keeps each printed line's end as a <br>. In plain text a line end
    inside a phone or NHS number is read as the space the record's check reads it as (round 27); on a page scan
    gave the figure 7946 (or 5919) and echoed the number's other groups in not-read lines."""
    from analysis.record.safeguarding import personal_data_in
    from tests.scanned import read

    assert personal_data_in(line.replace("<br/>", "\n").replace("<br>", "\n")) != []
    assert read(f"<html><body><p>{line}</p></body></html>") == ([], [])


def test_a_page_line_break_between_figures_still_parts_them() -> None:
    """A column of figures set one to a line with <br> is still two rows, not one number."""
    from tests.scanned import read

    figures, _ = read("<html><body><p>Figures:<br>1,200<br>1,500</p></body></html>")
    assert [printed for printed, *_ in figures] == ["1,200", "1,500"]


# --- a character newer than the checks' Unicode tables is named as one, not as a PDF's glyph --------------------------

#: PINK HEART (Unicode 15, 2022), as a phone's keyboard writes it, and a Kawi digit zero (Unicode 15).
NEWER = ["\U0001fa77", "\U00011f50"]


@pytest.mark.skipif(__import__("unicodedata").category(NEWER[0]) != "Cn",
                    reason="this Python's Unicode tables know the newer characters")
@pytest.mark.parametrize(("text", "where"), [
    (f"A campaign post said 1,200 children were helped {NEWER[0]}", "record"),
    (f"more than 1,2{NEWER[1]}0", "verify"),
    (f"Beaconport {NEWER[0]}", "search"),
])
def test_a_character_newer_than_the_checks_tables_is_named_as_one(text: str, where: str) -> None:
    """A claim copied from a social post brings an emoji a phone has had since 2022; the record, `verify` and
    `search` refused it as "a private-use or unassigned character (a PDF's symbol-font glyph pasted with the
    text?)", though it came from no PDF. It is still refused, and now named as a character newer than the tables
    the checks read."""
    import unicodedata

    from analysis.record.hygiene import number_field_problem, text_problem
    from analysis.tables import lookup

    if where == "record":
        said = text_problem(text) or ""
    elif where == "verify":
        said = number_field_problem(text, command_line=True) or ""
    else:
        with pytest.raises(lookup.BadQuery) as raised:
            lookup.search(text)
        said = str(raised.value)
    assert f"the Unicode tables these checks read ({unicodedata.unidata_version}) do not have yet" in said
    assert "newer emoji" in said and "PDF" not in said


@pytest.mark.parametrize("char", ["\ue000", "\U000f0000", "\ufdd0", "\U0010fffe"])
def test_a_private_use_character_or_a_noncharacter_keeps_its_message(char: str) -> None:
    from analysis.record.hygiene import text_problem

    said = text_problem(f"See note {char} 2.") or ""
    assert "a private-use or unassigned character (a PDF's symbol-font glyph" in said


# --- a letter of another script drawn as a digit inside a figure is listed, not set aside as a code ------------------


@pytest.mark.parametrize(("text", "listed"), [
    ("Police recorded 1,2\u041e0 offences in 2016.", "1,2\u041e0"),  # a Cyrillic capital O for a zero
    ("Police recorded 1,2\u039f0 offences in 2016.", "1,2\u039f0"),  # a Greek capital omicron
    ("Referrals rose 5\u041e% last year.", "5\u041e%"),
    ("Police recorded \u0406,200 offences.", "\u0406,200"),  # a Cyrillic (Ukrainian) capital I for a one
])
def test_a_figure_drawn_with_a_letter_of_another_script_is_listed(text: str, listed: str) -> None:
    """A reader reads "1,2О0" as 1,200 (the О is Cyrillic, as multilingual OCR or a page hiding a figure from a
    scanner writes it). The Latin "1,2O0" is listed as a number no form reads (round 23); this was set aside as a
    name or code, so scan said "no figures found" and the statistic left no trace."""
    from tests.scanned import read

    figures, not_read = read(text)
    assert figures == []
    assert len(not_read) == 1 and f"'{listed}' is a number beside a word in look-alike letters" in not_read[0]


@pytest.mark.parametrize("text", ["Traffic on the M25 rose during COVID-19 lockdowns.",
                                  "A dose of 5\u00b5g was given.",  # NFKC writes the micro sign as a Greek mu
                                  "Flat 3\u0430 was searched."])
def test_a_code_or_a_unit_on_a_number_is_still_set_aside(text: str) -> None:
    """A letter of another script that, read as a digit, gives no statistic's shape leaves the number a code."""
    from tests.scanned import read

    assert read(text) == ([], [])


# --- a refused bidi control is echoed escaped, never raw, to the terminal --------------------------------------------


def test_validate_echoes_a_refused_key_with_its_bidi_control_escaped(tmp_path) -> None:
    """A key holding a right-to-left override is refused, and the message named it as typed, so a terminal that
    lays out right-to-left text reordered the rest of the line (the list of allowed fields)."""
    from tests.raw_copy import raw_copy, run_on

    root = raw_copy(tmp_path, ("gaps.yaml", "  holder: Metropolitan Police Service (children-at-risk",
                               "  hold\u202eer: Metropolitan Police Service (children-at-risk"))
    done = run_on(root, "validate")
    assert done.returncode == 1
    assert "unknown field 'hold\\u202eer' (allowed: id," in done.stderr
    assert "\u202e" not in done.stdout + done.stderr


def test_show_suggests_a_search_without_the_raw_bidi_control() -> None:
    """The stop-48 note's known low (round 29, b N2): `show` refused an id copied with a bidi control, then printed
    the control raw inside the `search` command it suggested."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    done = subprocess.run([sys.executable, "-m", "analysis", "show", "\u202emet-2017-03-13"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "search '\\u202emet-2017-03-13'" in done.stderr
    assert "\u202e" not in done.stdout + done.stderr


# --- the record's personal-data check reads text copied from a page's source as the page shows it --------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("Contact the press office on 020 <b>7946</b> 0000.", "a phone number"),
    ("Contact the press office on 020<span>7946</span>0000.", "a phone number"),
    ("Contact the press office on 020<!-- -->7946<!-- -->0000.", "a phone number"),  # React's text nodes
    ("Contact the press office on 020<br>7946 0000.", "a phone number"),
    ("Write to jane.doe@exam<wbr>ple.com for the figures.", "an e-mail address"),
])
def test_personal_data_with_markup_inside_it_is_found(text: str, kind: str) -> None:
    """A quote or note copied from a page's source (or a CMS's HTML: WordPress's `content.rendered`) keeps its tags.
    The check decoded "020&#32;7946 0000" as a browser shows it, but read the tags as written, so a phone number with
    a tag between its groups passed `validate` and would be published with the tags shown as text."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == [kind]


@pytest.mark.parametrize("text", ["Police recorded <b>1,200</b> offences in 2016.",
                                  "more than 1,200 (<5%) were seen", "counts < 5 and > 3 of 10"])
def test_markup_around_a_figure_is_no_personal_data(text: str) -> None:
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == []
