"""Datasette plugin loaded by `make serve` (`--plugins-dir`): bounds on what one query may cost or reach.

Datasette's own SQL time limit (a progress handler) cannot stop a single step that builds a huge value
(`randomblob(1e9)`, `replace(hex(zeroblob(…)))`): a plain GET ran for 25 s and took ~1 GB. Capping SQLite's
string/blob length makes such a query fail at once. `fts3_tokenizer` hands out (or, with a second argument, takes)
a raw C pointer to a tokenizer; nothing in the record needs it, so an authorizer refuses any query that calls it.
`printf`/`format` are refused too: with a width or precision from the query (`printf('%.*c', 900000000, 'x')`) one
call loops that many times in C, past the length cap (it returns NULL only at the end) and past the time limit
(6 s of CPU for one GET); no canned query or page of Datasette's uses them.
LIKE and GLOB compare their pattern at every position of the value, one character at a time, in one step: a
48,000-character pattern after "%" against a 98,000-character value ran 5.3 s (issue 24, round seven), so patterns
are capped at `MAX_PATTERN_BYTES` (SQLite's default is 50,000); a filter typed into Datasette is far shorter.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

#: The largest string or blob any query may build (bytes): the longest value in the record is about 4 KB (an FTS
#: block; a source's notes 892). It also bounds the functions whose one call costs the product of its arguments'
#: lengths, which the time limit cannot interrupt: at 1 MB, `instr(<1 MB of a>, <500 KB of a>||'b')` took 5.5 s.
MAX_VALUE_BYTES = 100_000
#: The longest LIKE or GLOB pattern (bytes): the work of one comparison is the value's length times the pattern's,
#: so at 1,000 against a 100,000-byte value it takes about 0.15 s, inside the time limit.
MAX_PATTERN_BYTES = 1_000
#: SQL functions no query may call (refused when the query is prepared: "not authorized").
REFUSED_FUNCTIONS = frozenset({"fts3_tokenizer", "printf", "format"})


def _authorize(action: int, arg1: str | None, arg2: str | None, *_rest: object) -> int:
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def limit_connection(conn: sqlite3.Connection) -> None:
    """Apply the bounds to one connection (Datasette calls this for every connection it opens)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, MAX_PATTERN_BYTES)
    conn.set_authorizer(_authorize)


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    limit_connection(conn)
