"""Issue 24, round twenty-one, helper r21a (class 5, exports; class 1, markup): what a fresh attack on the exports
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from tests.test_attacks_round20a import _figures_db, _get

# --- Datasette: a binary cell never repeats the request's address (class 5) ----------------------------------------


def _blob_query(columns: int, rows: int, pad: int) -> str:
    """A query of `rows` rows of `columns` one-byte blobs, its text padded by a comment of `pad` characters."""
    cells = ", ".join(f"x'00' as c{i}" for i in range(columns))
    return f"select {cells} from figures a, figures b limit {rows} /*{'a' * pad}*/"


def test_a_query_page_of_blobs_does_not_grow_with_its_address(tmp_path: Path) -> None:
    """Datasette linked each binary cell of a query's page to the page's whole address: 99 blobs a row over 1,000
    rows answered a 2 KB GET with 282 MB of HTML (4 s of CPU), and a comment in the query grew it by the cells
    times the comment. The cells are shown as Datasette words them, without the link."""
    db = _figures_db(tmp_path)
    pages = []
    for pad in (0, 15_000):  # (a request carries at most 16 KiB)
        status, text = _get(db, "/cse?sql=" + urllib.parse.quote(_blob_query(20, 10, pad)))
        assert status == 200, text[:300]
        pages.append(text)
    plain, padded = pages
    assert plain.count("&lt;Binary:&nbsp;1&nbsp;byte&gt;") == 200  # every cell shown
    assert len(padded) - len(plain) < 10 * 15_000  # the address stands a few times in the page, not once a cell


def test_a_table_page_keeps_its_binary_cells_download_links(tmp_path: Path) -> None:
    """A table's page links a binary cell by its row's key, a short address: that link stays."""
    import sqlite3

    db = _figures_db(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("create table blobs (id integer primary key, b blob)")
        conn.execute("insert into blobs values (1, x'0102')")
    status, text = _get(db, "/cse/blobs")
    assert status == 200 and 'class="blob-download" href="/cse/blobs/1.blob?_blob_column=b"' in text


def test_a_query_csv_of_blobs_stops_at_the_rows_byte_bound(tmp_path: Path) -> None:
    """A query's CSV writes each binary cell as a link to the query's address (Datasette's own, no hook reaches it):
    1,000 rows of 30 blobs with a 1 KB comment made ~40 MB from one GET, and 99 blobs a row 100 MB (Datasette's
    default `max_csv_mb`) for 3.4 s of CPU. A CSV now stops where the rows' byte bound (`MAX_RESULT_BYTES`) does,
    and says so."""
    from analysis.publish.database import SETTINGS
    from analysis.publish.datasette_plugins.limits import MAX_RESULT_BYTES

    assert MAX_RESULT_BYTES <= int(SETTINGS["max_csv_mb"]) * 2**20 <= 2 * MAX_RESULT_BYTES
    status, text = _get(_figures_db(tmp_path), "/cse.csv?_size=max&sql=" + urllib.parse.quote(
        _blob_query(30, 1000, 1000)))
    assert status == 200
    assert len(text.encode()) <= int(SETTINGS["max_csv_mb"]) * 2**20 + 200
    assert text.endswith(f"CSV contains more than {int(SETTINGS['max_csv_mb']) * 2**20} bytes")


# --- A formula after a tab in a query's CSV (class 5) -----------------------------------------------------------------

#: Cells that split at a tab (Python's csv module quotes a comma, a quote or a line end, never a tab): a spreadsheet
#: importing with Tab ticked (LibreOffice keeps it once a TSV was opened; Excel's text import starts with it) opens
#: the part after each tab as a cell of its own.
AFTER_TAB = {"a": "x\t=HYPERLINK(\"https://evil.example/\",\"see\")", "b": "Revised\t-2+3+cmd|' /C calc'!A0",
             "c": "x\t\t@SUM(1)", "d": "x;\t+1", "e": "Down\t-5% on the year", "f": "-0.5"}


def test_a_formula_after_a_tab_in_a_query_csv_is_sent_as_text(tmp_path: Path) -> None:
    """Datasette wrote "x<tab>=HYPERLINK(…)" unquoted, and only a formula at a cell's start or after a semicolon was
    made text: split at tabs (and semicolons), no part of a sent cell starts a formula; a fall and a number stay."""
    import csv
    import io
    import re

    select = ", ".join("'" + v.replace("'", "''").replace("\t", "' || char(9) || '") + f"' as {k}"
                       for k, v in AFTER_TAB.items())
    status, text = _get(_figures_db(tmp_path), "/cse.csv?" + urllib.parse.urlencode({"sql": f"select {select}"}))
    assert status == 200
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == list(AFTER_TAB)
    parts = [part for cell in row[:4] for part in re.split("[;\t]", cell)[1:]]
    assert parts and not [p for p in parts if p.lstrip(" ").startswith(("=", "+", "-", "@"))], row
    assert row[4:] == ["Down\t-5% on the year", "-0.5"]


# --- Datasette: values re-written as JSON pass the result's byte bound (class 5) -------------------------------------

#: 50 KB of "1e15," in each of 190 rows: 9.5 MB as text, under the 10 MB bound on a query's rows; parsed as JSON
#: (`_json=c`) and written out again, each "1e15" is "1000000000000000.0", and the GET answered 38 MB.
JSON_BLOAT = ("select '[' || replace(hex(zeroblob(1999)), '00', '1e15,1e15,1e15,1e15,1e15,') || '1]' as c "
              "from figures limit 190")


def test_datasette_refuses_to_rewrite_values_as_json(tmp_path: Path) -> None:
    db = _figures_db(tmp_path)
    query = urllib.parse.quote(JSON_BLOAT)
    status, text = _get(db, f"/cse.json?_size=max&_shape=array&_json=c&sql={query}")
    assert status == 400 and "_json" in text, (status, len(text))
    status, text = _get(db, "/cse/figures.json?_json=quote&_size=1")
    assert status == 400
    # The same rows as text are within the bound and answer as before.
    status, text = _get(db, f"/cse.json?_size=max&_shape=array&sql={query}")
    assert status == 200 and len(text) < 10_000_000


# --- Workbook: a run of three "$" is a note reference again (class 5) -------------------------------------------------

def test_no_run_of_dollars_reaches_gptables_as_a_note_reference() -> None:
    """gptables reads "$$…$$" in a title, subtitle or source line as a note's key (the words dropped, a "[note N]"
    with no note added). Each "$$" was written "$ $", which leaves "$$$x$$$" as "$ $$x$ $$": a key again."""
    import re

    from analysis.publish.workbook_sheets import cell_text

    for text in ("AOL $$$news desk$$$ (PA Media)", "a $$$$ b $$$$$ c", "AOL news desk $$evil$$"):
        made = cell_text(text)
        assert not re.findall(r"[$]{2}.*?[$]{2}", made) and "$$" not in made, made  # gptables' own pattern
        assert made.replace(" ", "") == text.replace(" ", "")  # only spaces added
