"""Datasette plugin loaded by `make serve` (`--plugins-dir`): only a source's own address is a live link.

Datasette makes a link of every cell whose whole value is a web address. The record's free text can be one (a gap's
`where_looked`, a source's `licence`), and a URL typed there reached readers as a live link that no check had made
a source. The workbook and the pages link only `sources.url_main`, each address of which
`validate` has parsed; here a cell is linked only when its value is one of those addresses, in any table or query
(the canned query of figures with their sources keeps its links). Every other address is shown as text.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.utils import is_url

from analysis.record.hygiene import reader_url

#: The source addresses of each database served, read once (a served database is never written; one rebuilt under
#: Datasette is not served at all: `served.py`). Kept per database object, not per name: kept per name, a second
#: Datasette in the same process (the tests make many, each with its own "cse") was given the first one's addresses.
_SOURCE_URLS: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


async def source_urls(datasette: Any, database: str) -> frozenset[str]:
    """Every `sources.url_main` of the database (none when it has no such table)."""
    db = datasette.get_database(database)
    if db not in _SOURCE_URLS:
        has_sources = "sources" in await db.table_names()
        rows = await db.execute("select url_main from sources") if has_sources else []
        _SOURCE_URLS[db] = frozenset(str(row[0]) for row in rows)
    return _SOURCE_URLS[db]


def binary_as_text(value: bytes) -> markupsafe.Markup:
    """A binary cell as Datasette writes it (`<Binary: 3 bytes>`), without its download link."""
    size = len(value)  # a number: nothing to escape (Markup.format, which escapes, doubled a page's cost)
    return markupsafe.Markup(f"&lt;Binary:&nbsp;{size:,}&nbsp;byte{'' if size == 1 else 's'}&gt;")


@hookimpl
def render_cell(value: Any, table: str | None, database: str,
                datasette: Any) -> markupsafe.Markup | Callable[[], Awaitable[str | None]] | None:
    """A web address that is not a source's shown as text; a binary value on a query's page shown without its
    download link; None (Datasette's own rendering) for anything else.

    On a query's page (no table) Datasette links every binary cell to the page's whole address (the query and every
    other parameter) with the value's hash added, and no bound on a query's rows counts that address: 99 one-byte
    blobs a row (`x'00'`) over 1,000 rows answered a 2 KB GET with a 282 MB page and 4 s of CPU, and each character
    added to the address adds 99,000 to the page. A table's page links a row's binary cell by its key (a short
    address) and keeps it."""
    if isinstance(value, bytes):
        return binary_as_text(value) if table is None else None
    if not isinstance(value, str) or not is_url(value.strip()):
        return None

    async def as_text_unless_a_source() -> str | None:
        if value.strip() not in await source_urls(datasette, database):
            return markupsafe.escape(value)
        # Linked where every other output links it: without click-tracking parameters (`reader_url`).
        shown = reader_url(value.strip())
        return None if shown == value.strip() else markupsafe.Markup('<a href="{}">{}</a>').format(shown, value)

    return as_text_unless_a_source
