"""Round 35, helper b: one reading of characters (class 4) and markup (class 1), with what a contributor adding a
new source, or a hostile page, brings that earlier rounds did not try."""

from __future__ import annotations

import pytest

# --- personal data in a YAML comment is refused, as in every field -----------------------------------------------

_FIRST_CLAIM = "- id: claim-aol-2016-three-quarters\n  claimant: PA Media\n"


@pytest.mark.parametrize(("name", "old", "new", "line", "kind"), [
    # a contact note above an entry, as a contributor keeps who supplied a figure
    ("gaps.yaml", "# Figures looked for and not found",
     "# Asked Jane Doe on 07700 900123.\n# Figures looked for and not found", 1, "a phone number"),
    # a comment after a value on its line, with a zero-width space and a full-width at sign in the address
    ("claims.yaml", _FIRST_CLAIM, _FIRST_CLAIM.replace("Media\n", "Media  # from jane.doe\u200b\uff20example.com\n"),
     3, "an e-mail address"),
    ("sources.yaml", "Format: data/README.md\n", "Format: data/README.md\n# Jane Doe, born 12\u200d/03/2009\n", 2,
     "a date of birth"),
])
def test_personal_data_in_a_yaml_comment_is_refused(tmp_path, name: str, old: str, new: str, line: int,
                                                     kind: str) -> None:
    """Every field of data/raw is read by the personal-data check; a YAML comment was not, and `validate` passed a
    phone number, e-mail address or date of birth there, in the raw files the record is published as. Each comment
    is read by the same check, through the one reading (NFKC, invisible characters removed)."""
    from tests.raw_copy import refusal

    assert (f"data/raw/{name}:line {line}: a comment seems to contain {kind}; the project holds no personal data"
            in refusal(tmp_path, (name, old, new)))


def test_a_hash_inside_a_value_is_no_comment(tmp_path) -> None:
    """A "#" inside a quoted value is the value's: the field's own check names it, not a comment line."""
    from tests.raw_copy import refusal

    edit = ("claims.yaml", _FIRST_CLAIM, _FIRST_CLAIM.replace("PA Media", "'PA Media # 07700 900123'"))
    problem = refusal(tmp_path, edit)
    assert "claimant seems to contain a phone number" in problem
    assert "a comment seems" not in problem


def test_the_records_comments_hold_no_personal_data() -> None:
    """The real record's comments (file headers, notes on entries) pass."""
    from analysis.paths import DEFAULT
    from analysis.record.sources import _personal_data_outside_values

    for path in sorted((DEFAULT.root / "data" / "raw").glob("*.yaml")):
        assert _personal_data_outside_values(path.read_text(encoding="utf-8")) == [], path.name


# --- a mark drawn as a comma is a comma to the personal-data check -----------------------------------------------


@pytest.mark.parametrize("comma", [
    "\u201a",  # SINGLE LOW-9 QUOTATION MARK, drawn as a comma
    "\u060c",  # ARABIC COMMA
    "\u3001",  # IDEOGRAPHIC COMMA
    "\uff64",  # HALFWIDTH IDEOGRAPHIC COMMA
    "\u2e41",  # REVERSED COMMA
    "\u055d",  # ARMENIAN COMMA
])
def test_a_name_and_age_parted_by_a_comma_look_alike_is_refused(comma: str) -> None:
    """The one reading read dash, slash and stop look-alikes as ASCII for the personal-data patterns, but no comma:
    "Jane Doe‚ 14‚ from Leeds" passed `validate` (the text itself is accepted), where "Jane Doe, 14, from Leeds" is
    refused as a person's name and age."""
    from analysis.record.hygiene import text_problem
    from analysis.record.safeguarding import personal_data_in

    text = f"Jane Doe{comma} 14{comma} from Leeds, told the inquiry."
    assert personal_data_in(text) == ["a person's name and age"]
    assert text_problem(text) is None or "digits" not in text_problem(text)  # the text alone is no number problem


@pytest.mark.parametrize("colon", ["\ua789", "\u2236"])  # MODIFIER LETTER COLON, RATIO
def test_a_hardware_address_parted_by_a_colon_look_alike_is_refused(colon: str) -> None:
    """The same for a colon: "00꞉1A꞉2B꞉3C꞉4D꞉5E" passed the check that finds "00:1A:2B:3C:4D:5E"."""
    from analysis.record.safeguarding import personal_data_in

    address = colon.join(["00", "1A", "2B", "3C", "4D", "5E"])
    assert personal_data_in(f"The device {address} was seized.") == ["a device's hardware address"]


@pytest.mark.parametrize(("left", "right"), [("\u2768", "\u2769"), ("\u2985", "\u2986"), ("\u27ee", "\u27ef")])
def test_a_phone_number_in_parenthesis_look_alikes_is_refused(left: str, right: str) -> None:
    """And for brackets: "❨020❩ 7946 0000" (parenthesis ornaments; white or flattened parentheses) passed the check
    that finds "(020) 7946 0000"; a parenthesised digit "⑴" (NFKC: "(1)") is no bracket of this kind."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(f"Call {left}020{right} 7946 0000 for the figures.") == ["a phone number"]


@pytest.mark.parametrize("text", [
    "Jane Doe \u2502 14 \u2502 Leeds",  # BOX DRAWINGS LIGHT VERTICAL: a text table's row
    "Jane Doe \u2503 14 \u2503 Leeds",  # HEAVY
    "Jane Doe \u2551 14 \u2551 Leeds",  # DOUBLE
    "Jane Doe \u2223 14 \u2223 Leeds",  # DIVIDES
    "Jane Doe\u204f 14\u204f Leeds",  # REVERSED SEMICOLON
])
def test_a_name_and_age_in_a_text_tables_row_is_refused(text: str) -> None:
    """A row of a table drawn in box-drawing characters (a terminal's or a PDF's text table) passed the check that
    finds the same row drawn with "|", "Jane Doe | 14 |"; so did a reversed semicolon for ";"."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == ["a person's name and age"]


def test_a_comma_look_alike_between_digits_keeps_the_digits_message() -> None:
    """Only the personal-data reading changes: a low-9 mark inside a number is still refused with the one digits
    message, and a turned comma (an apostrophe in a name, "O\u02bbBrien") is no comma."""
    from analysis.record.hygiene import DIGITS_MESSAGE, text_problem
    from analysis.record.safeguarding import personal_data_in

    assert text_problem("There were 1\u201a200 referrals.") == (
        "is refused: " + DIGITS_MESSAGE.format(char="\u201a", code=0x201A))
    assert personal_data_in("Mary O\u02bbBrien said 14 reports were late.") == []


# --- verify sum: a semicolon NFKC makes ";" parts parts as ";" does ----------------------------------------------


@pytest.mark.parametrize("semicolon", ["\uff1b", "\ufe54", "\u037e"])
def test_verify_sum_reads_a_look_alike_semicolon_as_the_one_that_parts_parts(semicolon: str) -> None:
    """`--parts "1,200；135"` (a full-width semicolon, as a CJK keyboard types it; the Greek question mark is drawn
    as ";" and NFC makes it one) was split at its comma and refused as "'200;135' is not a number as printed",
    naming a part nobody typed; "1,200;135" is the parts 1,200 and 135."""
    import unicodedata

    from analysis.factcheck.verify import split_parts

    assert unicodedata.normalize("NFKC", semicolon) == ";"
    assert split_parts([f"1,200{semicolon}135"]) == split_parts(["1,200;135"]) == ["1,200", "135"]


def test_verify_sum_still_refuses_a_full_width_comma_between_digits() -> None:
    """A full-width comma is no part separator: it stays in the part, refused there with the one digits message."""
    from analysis.factcheck.verify import split_parts

    assert split_parts(["10\uff0c64\uff0c61"]) == ["10\uff0c64\uff0c61"]
