"""Round 26, helper c: one reading of characters (class 4), with the characters real text carries: text copied
from broken pages and PDFs, word processors, phones and spreadsheets."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from analysis.record.safeguarding import personal_data_in

# --- a character a program lost ("\ufffd") is read as nothing the page printed ------------------------------------


@pytest.mark.parametrize(("text", "listed"), [
    ("Police spent \u00a31.2\ufffdmillion on it.", "\u00a31.2"),  # a no-break space lost
    ("Offences rose by 56\ufffdper cent.", "56"),
    ("In 2016\ufffd17 there were 1,200 offences.", "17"),  # an en dash lost
    ("Police spent \ufffd1,200 on it.", "1,200"),  # a pound sign lost
])
def test_a_number_beside_a_replacement_character_is_not_read(text: str, listed: str) -> None:
    """A browser shows a page in the wrong encoding with "\ufffd" where each "£", no-break space or dash was, and a
    PDF's text layer writes one for a glyph it cannot map: a reader sees "£1.2\ufffdmillion" and knows a character is
    missing. Scan read "\ufffd" as a word break: "£1.2\ufffdmillion" was the exact £1.2, "56\ufffdper cent" the count
    56, "2016\ufffd17" the count 17. A private-use glyph there leaves the number unread; so does this stand-in."""
    from tests.scanned import listed as line

    result = scan_text(text, DEFAULT)
    assert result["figures"] == [] or all(f["value_as_printed"] != listed for f in result["figures"])
    assert line(listed, "number in a form no figure form reads") in result["not_read"]


def test_the_record_and_verify_refuse_a_replacement_character() -> None:
    """The quote check took "£1.2" as printed in "£1.2\ufffdmillion"; the record now refuses the character, as it
    refuses a private-use glyph, and so does `verify`."""
    from analysis.factcheck.verify import InputError
    from analysis.record.hygiene import text_problem
    from tests.scanned import verify_verdict

    for text in ("Police spent \u00a31.2\ufffdmillion on it.", "\ufffd1,200 offences", "Jane\ufffds note"):
        assert "U+FFFD" in (text_problem(text) or "")
    with pytest.raises(InputError, match="U\\+FFFD"):
        verify_verdict("count", "--value", "1,200", "--stated", "1\ufffd200")
    assert text_problem("Police spent \u00a31.2\u00a0million on it.") is None


@pytest.mark.parametrize(("text", "kind"), [
    ("Call the helpline on 020\ufffd7946\ufffd0000 for help.", "phone number"),
    ("Her NHS number is 943\ufffd476\ufffd5919 in the file.", "NHS number"),
    ("Call the helpline on 020\ue0007946\ue0000000 for help.", "phone number"),  # a PDF's symbol-font glyph
])
def test_personal_data_parted_by_a_lost_character_is_left_out(text: str, kind: str) -> None:
    """The record and scan read a character with no meaning between a number's groups as a space, as the patterns
    read any other mark there: scan echoed "020", "7946" and "0000" in three not-read lines, and the record's check
    found nothing (it refused the text only for the character)."""
    assert personal_data_in(text)
    result = scan_text(text, DEFAULT)
    assert result["figures"] == [] and result["not_read"] == []
    assert [x["kind"] for x in result["left_out"]] == [kind]


# --- a name's apostrophe typed as another mark is still an apostrophe to the personal-data check -------------------


@pytest.mark.parametrize("mark", ["\u2018", "\u201b", "\u02bc", "\u02bb", "`", "\u00b4", "\u2032", "\u2035"])
@pytest.mark.parametrize("text", ["Jane O{m}Brien, 14, was named.", "Jane Doe{m}s daughter, 14, was named.",
                                  "O{m}BRIEN, Jane (14) was named."])
def test_a_name_with_its_apostrophe_typed_as_another_mark_is_a_name(mark: str, text: str) -> None:
    """The check reads "O'Brien" and "O’Brien" as a name; with a left quote (an autocorrect slip), a modifier letter
    apostrophe, the grave or acute key (typed for an apostrophe on European keyboards) or a prime, "Jane O‘Brien, 14,"
    and "Jane Doe´s daughter, 14," passed: a child's name and age a reader reads."""
    assert personal_data_in(text.format(m="'")) == ["a person's name and age"]
    assert personal_data_in(text.format(m=mark)) == ["a person's name and age"]


@pytest.mark.parametrize("text", ["The \u2018Jane Doe\u2019 report, 2014, was cited.",
                                  "Police recorded 1\u2018200 cases.", "Girls\u2018 homes, 14, were inspected."])
def test_a_quotation_mark_outside_a_word_is_no_name_apostrophe(text: str) -> None:
    assert personal_data_in(text) == []


# --- a bidi control in a YAML comment is refused, as in every field -----------------------------------------------

_FIRST_CLAIM = "- id: claim-aol-2016-three-quarters\n  claimant: PA Media\n"


@pytest.mark.parametrize(("name", "old", "new", "line"), [
    ("claims.yaml", "# Claims to fact-check.", "# Claims \u202e to fact-check.", 1),
    ("claims.yaml", _FIRST_CLAIM, _FIRST_CLAIM.replace("Media\n", "Media  # checked \u2067by hand\u2069\n"), 3),
    ("sources.yaml", "Format: data/README.md\n", "Format: data/README.md\n# \u200f\n", 2),
])
def test_a_bidi_control_in_a_yaml_comment_is_refused(tmp_path, name: str, old: str, new: str,
                                                      line: int | None) -> None:
    """Every field of data/raw refuses a bidirectional control; a YAML comment kept one, and `validate` passed. An
    editor or a diff shows the line reordered around it (the "Trojan Source" shape)."""
    from tests.raw_copy import refusal

    problem = refusal(tmp_path, (name, old, new))
    assert "bidirectional control" in problem and "outside any value" in problem
    assert line is None or f"data/raw/{name}:line {line}:" in problem


def test_a_bidi_control_in_a_yaml_value_is_still_named_by_its_field(tmp_path) -> None:
    from tests.raw_copy import refusal

    edit = ("claims.yaml", _FIRST_CLAIM, _FIRST_CLAIM.replace("PA Media", "PA \u202eMedia"))
    problem = refusal(tmp_path, edit)
    assert "claimant contains a bidirectional control (U+202E)" in problem
    assert "outside any value" not in problem


# --- a C1 control alone in a text is a Windows character lost on the way, not a space --------------------------------


@pytest.mark.parametrize(("text", "listed"), [
    ("In 2016\x9617 there were 1,200 offences.", "17"),  # cp1252's en dash read back as ISO-8859-1
    ("<p>In 2016\x9617 there were 1,200 offences.</p>", "17"),
    ("Police spent \x801.2m on it.", "1.2m"),  # cp1252's euro sign
])
def test_a_number_beside_a_lone_c1_control_is_not_read(text: str, listed: str) -> None:
    """Text written in Windows-1252 and read back as ISO-8859-1 (PHP's utf8_encode, a Latin-1 database column)
    holds U+0096 where an en dash was and U+0080 where a euro sign was. Scan read each as a space: "2016\\x9617" was
    the year 2016 and the count 17, "\\x801.2m" the count 1.2 million; the record refuses the control. A control
    alone is now the lost character it is (`LOST`), as "\\ufffd" is."""
    from tests.scanned import listed as line

    result = scan_text(text, DEFAULT)
    assert all(f["value_as_printed"] != listed for f in result["figures"])
    assert line(listed, "number in a form no figure form reads") in result["not_read"]


def test_controls_that_are_line_ends_or_escapes_are_still_spaces() -> None:
    from tests.scanned import figures_read

    assert figures_read("Police recorded 1,200\x85offences.") == [(1200.0, "exact", "count")]
    assert figures_read("Police recorded \x9b31m offences, and 1,200\x1b[0m more.") == [(1200.0, "exact", "count")]
    result = scan_text("Call 020\x967946\x960000 for help.", DEFAULT)
    assert [x["kind"] for x in result["left_out"]] == ["phone number"] and result["not_read"] == []
