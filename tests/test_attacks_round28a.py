"""Round 28, helper a: one reading of characters (class 4), with the shapes copied text brings: the marks that
frame a figure or a name in the sentence it was copied from, and the bytes Excel for Mac writes for them."""

from __future__ import annotations

import pytest

# --- search reads a query without the marks that framed it in its sentence -----------------------------------------


@pytest.mark.parametrize(("typed", "copied"), [
    ("1,200", "1,200."),  # the full stop of the sentence it ended
    ("1,200", "1,200,"),
    ("more than 1,200", "\u201cmore than 1,200\u201d"),  # a claim copied with its quotation marks
    ("Casey", "\u2018Casey\u2019"),  # a British headline's single quotes
    ("56 per cent", "56 per cent."),
    ("1,200", "**1,200**"),  # Markdown's bold, from a notes app
    ("child sexual exploitation", "child sexual exploitation\u2026"),
])
def test_search_reads_a_copied_query_without_its_framing(typed: str, copied: str) -> None:
    """A figure copied from a sentence carries its full stop, or the quotation marks round a claim: "1,200." was a
    word no cell holds, and search said "0 matches", where "1,200" finds five meanings on the record's real rows."""
    from analysis.tables import lookup

    found = [r["id"] for r in lookup.search(typed)]
    assert found != []
    assert [r["id"] for r in lookup.search(copied)] == found


def test_search_keeps_a_marker_the_parser_reads() -> None:
    """A marker is a value as printed ("[x]": not available), not a bracketed "x" that every row holds."""
    from analysis.tables.lookup import unframed

    assert unframed("[x]") == "[x]"
    assert unframed("(1,200)") == "1,200"
    assert unframed("\u00ab1,200\u00bb") == "1,200"
