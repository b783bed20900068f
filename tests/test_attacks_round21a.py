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
    for pad in (0, 20_000):
        status, text = _get(db, "/cse?sql=" + urllib.parse.quote(_blob_query(20, 10, pad)))
        assert status == 200, text[:300]
        pages.append(text)
    plain, padded = pages
    assert plain.count("&lt;Binary:&nbsp;1&nbsp;byte&gt;") == 200  # every cell shown
    assert len(padded) - len(plain) < 10 * 20_000  # the address stands a few times in the page, not once a cell


def test_a_table_page_keeps_its_binary_cells_download_links(tmp_path: Path) -> None:
    """A table's page links a binary cell by its row's key, a short address: that link stays."""
    import sqlite3

    db = _figures_db(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("create table blobs (id integer primary key, b blob)")
        conn.execute("insert into blobs values (1, x'0102')")
    status, text = _get(db, "/cse/blobs")
    assert status == 200 and 'class="blob-download" href="/cse/blobs/1.blob?_blob_column=b"' in text

