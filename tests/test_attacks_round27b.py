"""Round 27, helper b: one reading of characters (class 4), with the characters copied text carries: the curly
apostrophes and dashes of every news page and Word document, and the Unicode hyphen of PDFs and typeset text."""

from __future__ import annotations

import pytest

# --- a search query reads an apostrophe or a dash as the record's other spelling of it --------------------------------


@pytest.mark.parametrize(("typed", "copied"), [
    ("Met's", "Met\u2019s"),  # the record prints "Met's" 56 times and "Met’s" 5 times
    ("Casey's", "Casey\u2019s"),
    ("London's", "London\u2019s"),
    ("2012-2020", "2012\u20132020"),  # a range with a hyphen, and with Word's en dash
])
def test_search_reads_a_curly_apostrophe_or_a_dash_as_the_typed_one(typed: str, copied: str) -> None:
    """A query copied from a page carries "’" and "–"; one typed on a keyboard carries "'" and "-". The record holds
    both spellings (its quotes are copied, its notes typed), and search matched each only to its own: "Met’s" gave
    3 matches and "Met's" 43, "Casey’s" 3 and "Casey's" 9, each told as the whole answer."""
    from analysis.tables import lookup

    found = [r["id"] for r in lookup.search(typed)]
    assert found == [r["id"] for r in lookup.search(copied)]
    assert found != []


# --- a Unicode hyphen is the hyphen it is, in every check ---------------------------------------------------------

_HISTORIC = ("Since those comments earlier this year, more than 1,200 historic group{h}based CSE cases have been "
             "identified across the country for review.")


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_scan_reads_a_unicode_hyphen_in_a_counted_phrase_as_a_hyphen(hyphen: str) -> None:
    """Typeset text (a PDF's hyphen glyph, Word's non-breaking hyphen) prints "group‐based" with U+2010 or U+2011.
    Scan read "group-based CSE cases" as counting cases, and "group‐based" as two words, "group" the thing counted:
    the national 1,200 historic cases, in the record, was "not in the record"."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    def answer(text: str) -> tuple:
        (figure,) = scan_text(text, DEFAULT)["figures"]
        return figure["status"], figure["measure_guess"], [m["figure_id"] for m in figure["matches"]]

    typed = answer(_HISTORIC.format(h="-"))
    assert typed[0] == "in the record"
    assert answer(_HISTORIC.format(h=hyphen)) == typed


# --- a line end inside a phone or NHS number in plain text is read as the space the record's check reads -------------


@pytest.mark.parametrize(("text", "kind"), [
    ("For more information call the press office on 020\n7946 0000 or e-mail the desk.", "phone number"),
    ("For more information call the press office on 020 7946\n0000 or e-mail the desk.", "phone number"),
    ("Media enquiries: +44 20\n7946 0000.", "phone number"),
    ("Her NHS number, 943 476\n5919, was in the file.", "NHS number"),
    ("Call 020\u20287946 0000 now.", "phone number"),  # a forced line break (Pages, InDesign) copied as U+2028
    ("Call 020  \n7946 0000 now.", "phone number"),  # a Markdown line break
])
def test_personal_data_wrapped_across_lines_in_plain_text_is_left_out(text: str, kind: str) -> None:
    """A press release copied from a PDF, or an e-mail wrapped at 70 columns, can break a contact number across two
    lines. The record's check reads the line end as a space and finds the number; scan read the lines apart, gave the
    figure 7946 (or 5919) and echoed "020" and "0000" (or "943 476") in its not-read lines."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text)
    result = scan_text(text, DEFAULT)
    assert result["figures"] == [] and result["not_read"] == []
    assert [x["kind"] for x in result["left_out"]] == [kind]


def test_a_line_end_between_two_figures_still_parts_them() -> None:
    """A line of its own is kept where no personal data holds the line end: a table's rows copied from a PDF."""
    from tests.scanned import figures_read

    assert figures_read("Offences recorded in 2016 were\n1,200\n1,500") == [(1200.0, "exact", "count"),
                                                                           (1500.0, "exact", "count")]


@pytest.mark.parametrize(("typed", "copied"), [
    ("Chiefs'", "Chiefs\u2019"),  # the National Police Chiefs' Council: 34 rows, and 0 for the copied spelling
    ("bodies' response", "bodies\u2019 response"),
    ("'facts' panel", "\u2018facts\u2019 panel"),
])
def test_search_reads_a_closing_apostrophe_or_a_quoted_word_alike(typed: str, copied: str) -> None:
    """After a plural ("Chiefs’ Council") or around a quoted word the mark has a letter on one side only: "Chiefs’"
    gave 0 matches where "Chiefs'" gave 34, and "bodies' response" 0 where the record prints "bodies’ response"."""
    from analysis.tables import lookup

    found = [r["id"] for r in lookup.search(typed)]
    assert found == [r["id"] for r in lookup.search(copied)]
    assert found != []
