"""Datasette plugin loaded by `make serve` (`--plugins-dir`): only a source's own address is a live link.

Datasette makes a link of every cell whose whole value is a web address. The record's free text can be one (a gap's
`where_looked`, a source's `licence`), and a URL typed there reached readers as a live link that no check had made
a source (issue 24, round fourteen). The workbook and the pages link only `sources.url_main`, each address of which
`validate` has parsed; here a cell is linked only when its value is one of those addresses, in any table or query
(the canned query of figures with their sources keeps its links). Every other address is shown as text.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.utils import is_url

#: The source addresses of each database served, read once: a served database is never written.
_SOURCE_URLS: dict[str, frozenset[str]] = {}


async def source_urls(datasette: Any, database: str) -> frozenset[str]:
    """Every `sources.url_main` of the database (none when it has no such table)."""
    if database not in _SOURCE_URLS:
        db = datasette.get_database(database)
        has_sources = "sources" in await db.table_names()
        rows = await db.execute("select url_main from sources") if has_sources else []
        _SOURCE_URLS[database] = frozenset(str(row[0]) for row in rows)
    return _SOURCE_URLS[database]


@hookimpl
def render_cell(value: Any, database: str, datasette: Any) -> Callable[[], Awaitable[str | None]] | None:
    """A web address that is not a source's shown as text; None (Datasette's own rendering) for anything else."""
    if not isinstance(value, str) or not is_url(value.strip()):
        return None

    async def as_text_unless_a_source() -> str | None:
        if value.strip() in await source_urls(datasette, database):
            return None
        return markupsafe.escape(value)

    return as_text_unless_a_source
