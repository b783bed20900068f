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
    ("1,200", "\u2022 1,200"),  # an item of a bulleted list (Word, Google Docs)
    ("1,200", "- 1,200"),  # and of a Markdown list
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


# --- a raw CSV saved by Excel for Mac is refused, not read as Windows-1252 ------------------------------------------

_WITH_DASH = "data/raw/figures/bbc-2019-03-28-hmicfrs-mps-post-inspection-review.csv"  # "8–19 October 2018"


def test_a_figures_file_saved_as_mac_roman_is_refused(tmp_path) -> None:
    """Excel for Mac's "Comma Separated Values" writes Mac Roman: "–" is the byte 0xD0, which Windows-1252 reads as
    "Ð". The file passed `validate`, and its caveats said "fieldwork dates of 8Ð19 October 2018"."""
    from analysis.paths import DEFAULT
    from analysis.record.rawtext import RawFileError, read_text

    text = (DEFAULT.root / _WITH_DASH).read_text(encoding="utf-8")
    saved = tmp_path / "figures.csv"
    saved.write_bytes(text.replace("\n", "\r").encode("mac_roman"))
    with pytest.raises(RawFileError, match="8Ð19' in Windows-1252 but '8–19' in Mac Roman"):
        read_text(saved)


@pytest.mark.parametrize("text", ["8\u201319 October, the Met\u2019s \u00a31.2m", "MU\u00d1OZ, 14 SEPT"])
def test_a_windows_1252_file_still_reads(tmp_path, text: str) -> None:
    """Excel on Windows writes Windows-1252, which is still read: its quotation marks and dashes are bytes Mac Roman
    reads as letters, and a capital among capitals is the letter it is."""
    from analysis.record.rawtext import read_text

    saved = tmp_path / "figures.csv"
    saved.write_bytes(f"quote\r\n{text}\r\n".encode("cp1252"))
    assert read_text(saved) == f"quote\n{text}\n"


# --- a raw file that holds UTF-8 once read in another encoding is refused ------------------------------------------


@pytest.mark.parametrize(("encoding", "shown"), [
    ("cp1252", "8\u00e2\u20ac\u201c19"),  # Excel on Windows: "8â€“19"
    ("mac_roman", "8\u201a\u00c4\u00ec19"),  # Excel for Mac: "8‚Äì19"
])
def test_a_figures_file_saved_again_after_excel_misread_it_is_refused(tmp_path, encoding: str, shown: str) -> None:
    """Every file in data/raw is UTF-8 without a byte-order mark, which Excel opens by a double-click in the
    machine's own encoding; saved again as "CSV UTF-8", the file holds what Excel showed. It passed `validate`, so
    "fieldwork dates of 8–19 October 2018" was published as "8â€“19" (or "8‚Äì19")."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path)
    saved = root / _WITH_DASH
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.encode("utf-8").decode(encoding), encoding="utf-8-sig")
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    assert f"caveat holds '{shown}', which is '8\u201319' read in another encoding" in str(raised.value)


def test_text_that_merely_holds_a_telltale_is_read() -> None:
    """ftfy changes only what decodes as UTF-8: a word that holds "Â", "√" or "¬" is kept."""
    from analysis.record.hygiene import text_problem

    assert text_problem("The Â-level grade and the \u221a2 rule, \u00ac not") is None
    assert text_problem("MU\u00d1OZ, S\u00e3o Paulo") is None


# --- search reads the record's cells as it reads the query ---------------------------------------------------------


def test_search_finds_a_gap_by_its_own_words_across_an_ellipsis() -> None:
    """The query was read as the checks read text (NFKC: "…" is "..."), the cells as written: "statutory inquiries…
    We should", copied from a gap's own text, found nothing, where the words without the ellipsis find that gap."""
    from analysis.tables import lookup

    found = [r["id"] for r in lookup.search("statutory inquiries We should")]
    assert found == ["national-casey-vicious-circle-quote"]
    assert [r["id"] for r in lookup.search("statutory inquiries\u2026 We should")] == found
