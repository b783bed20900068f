"""Round 29, helper b: one reading of characters (class 4), with the shapes text brings from PDFs, spreadsheets and
phones: a PDF's ligatures, a social post's styled letters, and Windows line ends and tabs in a typed value."""

from __future__ import annotations

import pytest

_OFFICERS = "data/raw/figures/met-2024-02-09-response-hmicfrs-exploitation.csv"


# --- a letter drawn as a ligature, styled or full-width letter is refused in the record ------------------------------


@pytest.mark.parametrize(("drawn", "plain"), [
    ("1200 child protection o\ufb03cers so", "\ufb03"),  # "oﬃcers", as a PDF's text layer gives it
    ("1200 child protection o\ufb00\ufb01cers so", "\ufb00"),
    ("1200 child protection \U0001d428\U0001d41f\U0001d41f\U0001d422\U0001d41c\U0001d41e\U0001d42b\U0001d42c so",
     "\U0001d428"),  # a social post's "bold" officers
    ("1200 child protection \uff4f\uff46\uff46\uff49\uff43\uff45\uff52\uff53 so", "\uff4f"),  # full-width
])
def test_a_quote_with_a_ligature_or_styled_letters_is_refused(tmp_path, drawn: str, plain: str) -> None:
    """A quote copied from a PDF brings "oﬃcers": `search` and scan read it as "officers", but the published
    database's full-text search did not, so the figure was found by one and missed by the other. It passed
    `validate`; now it is refused, naming the character and the letters to type."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path, ("figures/met-2024-02-09-response-hmicfrs-exploitation.csv",
                               "1200 child protection officers so", drawn))
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    assert f"contains {plain!r}" in str(raised.value)
    assert "quote" in str(raised.value)


def test_the_database_search_misses_what_the_record_would_hold() -> None:
    """Why the ligature is refused rather than read: SQLite's full-text search, which Datasette serves, finds no
    "officers" in "oﬃcers" (while the record's own `search` does)."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(quote)")
    db.execute("insert into t values (?)", ("child protection o\ufb03cers",))
    assert db.execute("select count(*) from t where t match '\"officers\"'").fetchone() == (0,)


@pytest.mark.parametrize("text", ["N\u00ba 10 and the 1\u00aa edition", "caf\u00e9, na\u00efve, MU\u00d1OZ",
                                  "the Met\u2019s \u00a31.2m", "\u2116 5 \u2122", "5\u00a0per cent"])
def test_ordinary_typography_still_passes(text: str) -> None:
    """Superscript ordinals, accented letters, the numero and trade mark signs are typography, not drawn letters."""
    from analysis.record.hygiene import text_problem

    assert text_problem(text) is None


def test_a_typed_query_or_value_with_a_ligature_is_still_read() -> None:
    """A typed value is read through NFKC: `search "ﬁgures"` and `verify --stated "ﬁve"` read the letters."""
    from analysis.record.hygiene import number_field_problem

    assert number_field_problem("\ufb01ve", command_line=True) is None


# --- a typed value with a Windows line end, a line separator or a tab is read as the record reads one ---------------


@pytest.mark.parametrize(("plain", "copied"), [
    ("child sexual\nexploitation", "child sexual\r\nexploitation"),  # a phrase copied across a line on Windows
    ("Operation Beaconport 1,200", "Operation Beaconport\t1,200"),  # two cells copied from a spreadsheet
    ("Operation\nBeaconport", "Operation\u2028Beaconport"),  # a line separator from a word processor
    ("more than\n1,200", "more than\r1,200"),
])
def test_search_reads_a_windows_line_end_or_a_tab_in_a_query(plain: str, copied: str) -> None:
    """The record reads "\\r\\n" as a newline; a query holding one was refused ("contains a carriage return …"),
    though the same text with "\\n" finds 188 rows."""
    from analysis.tables import lookup

    found = [r["id"] for r in lookup.search(plain)]
    assert found != []
    assert [r["id"] for r in lookup.search(copied)] == found


@pytest.mark.parametrize("stated", ["more than\r\n1,200", "more\tthan 1,200", "more than\u20281,200"])
def test_verify_reads_a_windows_line_end_or_a_tab_in_a_value(stated: str) -> None:
    """`verify count --stated "more than<CR><LF>1,200"` was refused as holding a control character, where
    "more than<LF>1,200" was judged accurate for 1,273."""
    from tests.scanned import verify_verdict

    assert verify_verdict("count", "--value", "1273", "--stated", stated) == "accurate"


# --- a YAML entry pasted from an e-mail, indented with no-break spaces, is refused naming the space ----------------

#: The first gap's first line (data/raw/gaps.yaml), once in the file.
_WANTED = "Number of children the Met identified as at risk of child sexual exploitation at the latest point before"


@pytest.mark.parametrize(("old", "new", "line"), [
    (f"\n  wanted: {_WANTED}", f"\n\u00a0\u00a0wanted: {_WANTED}", 3),  # Outlook's and Teams' indentation
    (f"\n  wanted: {_WANTED}", f"\n  wanted:\u00a0{_WANTED}", 3),  # after the key's colon
    ("\n- id: context-cse-at-risk-counts-feb-2025", "\n-\u202fid: context-cse-at-risk-counts-feb-2025", 2),
])
def test_yaml_with_a_pasted_no_break_space_names_it(tmp_path, old: str, new: str, line: int) -> None:
    """An entry pasted from an e-mail looks right and was refused as "did not find expected '-' indicator" (or
    "could not find expected ':'", two lines on), which names no cause: the space is now named with its line."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path, ("gaps.yaml", old, new))
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    assert f"line {line} has " in str(raised.value)
    assert "where YAML needs a plain space" in str(raised.value)


# --- a figures file a spreadsheet saved in another shape is refused naming the shape --------------------------------


def _resaved(text: str, separator: str, quote_all: bool = False, trailing: str = "") -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text)):
        writer.writerow(row + ([""] * len(trailing)))
    return out.getvalue()


@pytest.mark.parametrize(("shape", "said"), [
    ({"separator": ";"}, "parts its columns with semicolons, not commas"),  # Excel or LibreOffice in most of Europe
    ({"separator": ";", "quote_all": True}, "parts its columns with semicolons, not commas"),  # "Quote all text cells"
    ({"separator": "\t"}, "parts its columns with tabs, not commas"),  # "Text (Tab delimited)" named .csv
    ({"separator": ",", "trailing": ",,"}, "has 2 column(s) with no name"),  # formatted empty columns saved too
])
def test_a_figures_file_saved_in_another_shape_names_it(tmp_path, shape: dict, said: str) -> None:
    """Each was refused as "missing column(s): figure_id, measure, …" with the unknown column
    "figure_id;measure;…", as the unknown column ", ", or as "not a readable CSV … a stray quote character", none
    of which names the cause."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path)
    saved = root / _OFFICERS
    saved.write_text(_resaved(saved.read_text(encoding="utf-8"), **shape), encoding="utf-8", newline="")
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    assert f"{_OFFICERS}:1: {said}" in str(raised.value)
    assert "missing column" not in str(raised.value)


# --- `show` reads an id as copied, as `search` reads a query ---------------------------------------------------------


@pytest.mark.parametrize("copied", [
    "met-2017-03-13\r\n",  # a line copied with its Windows line end (a cell copied from Excel)
    "met-2017-03-13\u00a0",  # a cell or page with a trailing no-break space
    " met-2017-03-13\t",
    "met\u20112017\u201103\u201113",  # Word's non-breaking hyphens
    "\u200bmet-2017-03-13",  # a zero-width space a page puts where a long word may break
    "\uff4d\uff45\uff54-2017-03-13",  # full-width letters
])
def test_show_reads_an_id_as_copied(copied: str) -> None:
    """Each was "no figure, source, gap or claim id", though `search` reads the same text as the id."""
    from analysis.tables import lookup

    assert lookup.show(copied).id == "met-2017-03-13"


def test_figure_reads_a_figure_id_as_copied() -> None:
    """`analysis.figure` said a padded figure id was "a figure id, not a figure id"."""
    from analysis.tables import lookup

    assert lookup.figure("gbnews-2025-11-13/met-cases-in-scope\r\n")["value_as_printed"] == "1,200"


def test_show_still_refuses_an_id_behind_a_bidi_control() -> None:
    """A bidi control reorders what the reader saw, and is refused as in a query."""
    from analysis.tables import lookup

    with pytest.raises(lookup.UnknownId):
        lookup.show("\u202emet-2017-03-13")


# --- scan reads a number in words wrapped at its hyphen --------------------------------------------------------------

_WRAPPED = ("The Metropolitan Police told the London Assembly that the number of referrals of children at risk had "
            "risen by fifty-six per cent since September 2024, and that twenty-five officers had been moved to the "
            "child exploitation teams during the year.")


@pytest.mark.parametrize("width", [60, 61])
def test_scan_reads_a_number_in_words_wrapped_at_its_hyphen(width: int) -> None:
    """Text wrapped at a width (PDF-to-text, an e-mail, `textwrap`) breaks "fifty-six" after its hyphen: the wrap
    was joined to nothing, "fiftysix" is no number, and the figure was neither read nor listed."""
    import textwrap

    from tests.scanned import figures_read

    wrapped = textwrap.fill(_WRAPPED, width)
    assert "fifty-\nsix" in wrapped
    assert figures_read(wrapped) == figures_read(_WRAPPED) == [(56.0, "exact", "percent"), (25.0, "exact", "count")]


@pytest.mark.parametrize(("wrapped", "read"), [
    ("There were twenty-\r\nfive offences in 2017.", [(25.0, "exact", "count")]),  # a Windows line end
    ("Seventy-\nthree per cent of cases were closed.", [(73.0, "exact", "percent")]),
])
def test_scan_reads_other_number_words_wrapped_at_their_hyphen(wrapped: str, read: list) -> None:
    from tests.scanned import figures_read

    assert figures_read(wrapped) == read
