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
