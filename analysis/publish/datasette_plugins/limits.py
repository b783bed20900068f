"""Datasette plugin loaded by `make serve` (`--plugins-dir`): bounds on what one query may cost or reach.

Datasette's own SQL time limit (a progress handler) cannot stop a single step that builds a huge value
(`randomblob(1e9)`, `replace(hex(zeroblob(…)))`): a plain GET ran for 25 s and took ~1 GB. Capping SQLite's
string/blob length makes such a query fail at once. `fts3_tokenizer` hands out (or, with a second argument, takes)
a raw C pointer to a tokenizer; nothing in the record needs it, so an authorizer refuses any query that calls it.
`printf`/`format` are refused too: with a width or precision from the query (`printf('%.*c', 900000000, 'x')`) one
call loops that many times in C, past the length cap (it returns NULL only at the end) and past the time limit
(6 s of CPU for one GET); no canned query or page of Datasette's uses them. `json_patch` is refused for the same
reason: it looks up each key of the patch by walking the target object, so one call on two
100 KB objects costs their product, and 500 calls in one row of a 15 KB GET ran 27 s past the 1 s limit. It cannot
be wrapped like LIKE: a value returned through Python loses the JSON subtype SQLite marks it with, so
`json_object('a', json_patch(…))` would change; nothing in the record or in Datasette uses it.

The time limit is checked only where SQLite's program jumps (between rows), never between the calls of one row, so
calls in one row add up unchecked: `instr(a, n)` a hundred times in one select ran 6.5 s,
ten `trim(a, s)` 7.4 s, one `a LIKE '%' || <48,000 a> || 'b'` 5.3 s, each answered 200. Every function whose one
call costs the product of its two arguments' lengths (LIKE, GLOB, instr, replace, trim and its kin) is therefore
wrapped: a call whose product passes `MAX_CALL_WORK` is refused, any other is run by SQLite's own function in a
connection of its own, so results are exactly SQLite's. A GET's SQL holds at most 16 KiB (`MAX_QUERY_BYTES`),
~1,400 calls, each at most ~0.65 ms: under a second.

Nor does the time limit bound what a query hands back: its rows are made into Python values between the checks, and
a value may be 100 KB, so one 14 KB GET repeating one such value in 1,900 columns of 3 rows answered 564 MB in 2.3 s
with 1.9 GB of memory. A result is therefore capped twice: at `MAX_COLUMNS` columns (SQLite's
own limit, refused when the query is prepared) and at `MAX_RESULT_BYTES` bytes of values over all its rows (counted
as each row is fetched, refused once passed). Bytes as Datasette writes them out (`_exported_size`), not
characters: JSON escapes a control character as six bytes and a character beyond the BMP as twelve, HTML an "&" as
five and wraps every cell in a `<td>`, so 10 MB of characters counted one each answered a 450-character GET with
120 MB of JSON (750 MB of memory), and one of 900 characters with a 50 MB page. A cell's column name
is counted with it, as written beside every value (a key of each row's JSON object, a class of each HTML cell):
99 columns named with 150 characters each over 1,000 rows of one digit made a 20 MB page under a count of 7 MB
.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import urllib.parse
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

from analysis.publish.db_metadata import FIGURES_FACETS

#: The largest string or blob any query may build (bytes): the longest value in the record is about 4 KB (an FTS
#: block; a source's notes 892). It also bounds the functions whose one call costs the product of its arguments'
#: lengths, which the time limit cannot interrupt: at 1 MB, `instr(<1 MB of a>, <500 KB of a>||'b')` took 5.5 s.
MAX_VALUE_BYTES = 100_000
#: The most work (one argument's length times the other's) one call of a `PRODUCT_COST` function may do: ~0.65 ms
#: for trim with a set of characters, the slowest per unit (6.5 ns), ~0.2 ms for LIKE. A "contains" filter of 25
#: characters on a 4,000-character caveat passes (a longer phrase: the search box, which is full-text search).
MAX_CALL_WORK = 100_000
#: Functions whose one call costs the product of its first two arguments' lengths, with the numbers of arguments
#: they take in that form (`like(pattern, text[, escape])` is the LIKE operator; `trim(text)` is linear, left alone).
PRODUCT_COST = {"like": (2, 3), "glob": (2,), "instr": (2,), "replace": (3,), "trim": (2,), "ltrim": (2,),
                "rtrim": (2,)}
#: The longest format `strftime` may be given (characters). Like printf's, its work is the format's: one call with a
#: 96 KB format of "%J" took 12.9 ms, and 300 such calls in one row of a 7 KB GET ran 4.9 s of CPU past the 1 s limit.
#: A date's format is a few dozen characters; at this bound a call is at most ~0.1 ms.
MAX_FORMAT_CHARS = 1_000
#: The most columns one query may return or use (the widest table, figures, has 23).
MAX_COLUMNS = 100
#: The most bytes one query's rows may take written out (`_exported_size`): the largest table (figures) is about 800 KB
#: so counted, and a join of two tables cut at Datasette's 1,000 rows about 3.7 MB.
MAX_RESULT_BYTES = 10_000_000
#: JSON functions that parse a whole value and write all of it out again, the slowest per byte of SQLite's functions:
#: one `json(x)` of a 100 KB array took 1.5 ms, `json_set`/`json_remove` 1.6 ms, against at most 0.5 ms for any
#: function of one argument outside JSON (`quote`, `upper`) and 0.9 ms for `json_extract(x, '$')`, which takes
#: three times the characters to call. Calls in one row are never interrupted, so a 10 KB GET of 700 `json(x)` in one
#: row ran 3.5 s of CPU past the 1 s limit. The record holds no JSON, and neither
#: Datasette's pages nor the canned queries call them; `json_extract` and `->`/`->>` (a value's parts) stay.
JSON_REWRITERS = frozenset({"json", "json_set", "json_insert", "json_replace", "json_remove"})
#: Full-text search's functions that mark up a row's text by the query's phrases, each call in one go: their work is
#: the phrases in the MATCH times the row's tokens, and more for `snippet`, which scores every window of the text
#: against every phrase. The phrases come from the query, built to any length under `MAX_VALUE_BYTES`
#: (`replace(hex(zeroblob(3000)), '00', 'e* ')` is 3,000 of them), and no call is interrupted: one `snippet` of
#: one row ran 30 s of CPU for a 130-character GET, answered 200, and `highlight` 0.6 s past the limit. The match
#: itself, `bm25` and `rank` read the index through SQL of their own, where the time
#: limit stops them. Datasette's pages and the canned queries call neither.
FTS_MARKUP = frozenset({"snippet", "highlight"})
#: SQL functions no query may call (refused when the query is prepared: "not authorized").
REFUSED_FUNCTIONS = frozenset({"fts3_tokenizer", "printf", "format", "json_patch", *JSON_REWRITERS, *FTS_MARKUP})
#: Every SQL function a query may call: the built-in functions of SQLite 3.40 (the release the costs above were
#: measured on; `select name from pragma_function_list`) less `REFUSED_FUNCTIONS`, and Datasette's own `escape_fts`.
#: A list of what may run rather than of what may not, because each SQLite release adds functions that no refusal
#: named: with SQLite 3.45+ (Ubuntu 24.04, the python.org and Homebrew Pythons)
#: `jsonb_patch` costs what the refused `json_patch` does (0.7 s a call) and `jsonb`/`jsonb_set`… what `json`/
#: `json_set` do, and 3.46's `json_pretty(x, indent)` writes the indent once per level per line: a 1,000-character
#: indent on an 1,800-character `[[[…]]]` took 0.7 s and ~780 MB in one call before the length limit refused the
#: result, a 40,000-character one ran out of memory. A function a later SQLite adds is refused until its cost is read
#: and its name added here.
ALLOWED_FUNCTIONS = frozenset("""
    -> ->> abs acos acosh asin asinh atan atan2 atanh avg bm25 ceil ceiling changes char coalesce cos cosh count
    cume_dist current_date current_time current_timestamp date datetime degrees dense_rank exp first_value floor
    glob group_concat hex highlight ifnull iif instr json_array json_array_length json_extract json_group_array
    json_group_object json_object json_quote json_type json_valid julianday lag last_insert_rowid last_value lead
    length like likelihood likely ln log log10 log2 lower ltrim match matchinfo max min mod nth_value ntile nullif
    offsets percent_rank pi pow power quote radians random randomblob rank replace round row_number rtrim sign sin
    sinh snippet soundex sqlite_source_id sqlite_version sqrt strftime substr substring sum tan tanh time total
    total_changes trim trunc typeof unicode unixepoch unlikely upper zeroblob escape_fts
    """.split()) - REFUSED_FUNCTIONS


def _authorize(action: int, arg1: str | None, arg2: str | None, *_rest: object) -> int:
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() not in ALLOWED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


class CallTooCostly(sqlite3.DataError):
    """A `PRODUCT_COST` call over `MAX_CALL_WORK` (SQLite reports it as "user-defined function raised exception")."""


def _size(value: object) -> int:
    return len(value) if isinstance(value, (str, bytes)) else 32  # a number is at most a few dozen characters


#: What a cell costs in an HTML page besides its value (`<td class="col-… type-…">…</td>`), counted for every value.
CELL_BYTES = 40


def _exported_size(value: object) -> int:
    """The most bytes a value takes in what Datasette writes out: text JSON-escaped (a control character is
    `\\u0001`, an emoji two such escapes) or HTML-escaped (an "&" is `&amp;`), whichever is longer; a blob in base64
    (4 bytes for every 3); each with its HTML cell around it."""
    if isinstance(value, str):
        return max(len(json.dumps(value)), len(html.escape(value))) + CELL_BYTES
    if isinstance(value, bytes):
        return 4 * len(value) // 3 + CELL_BYTES
    return 32 + CELL_BYTES


#: What an SQL function returns to SQLite.
SqlValue = str | bytes | int | float | None


def _bounded(name: str, arity: int, plain: sqlite3.Connection) -> Callable[..., SqlValue]:
    call = f"select {name}({', '.join('?' * arity)})"

    def bounded(*args: SqlValue) -> SqlValue:
        if _size(args[0]) * _size(args[1]) > MAX_CALL_WORK:
            raise CallTooCostly(f"{name}() over {MAX_CALL_WORK:,} characters × characters")
        result: SqlValue = plain.execute(call, args).fetchone()[0]
        return result

    return bounded


def _bounded_format(plain: sqlite3.Connection) -> Callable[..., SqlValue]:
    """`strftime(format, time, modifier…)` refused when its format passes `MAX_FORMAT_CHARS`, else SQLite's own (run
    in `plain`, so "now" is read at each call rather than once per statement: the same date, to the second)."""

    def strftime(*args: SqlValue) -> SqlValue:
        if args and _size(args[0]) > MAX_FORMAT_CHARS:
            raise CallTooCostly(f"strftime() with a format over {MAX_FORMAT_CHARS:,} characters")
        result: SqlValue = plain.execute(f"select strftime({', '.join('?' * len(args))})", args).fetchone()[0]
        return result

    return strftime


class ResultTooLarge(sqlite3.DataError):
    """A query's rows passed `MAX_RESULT_BYTES` (shown to the reader as the error message)."""


def _names_size(cursor: sqlite3.Cursor) -> int:
    """What a row's column names add in what Datasette writes out: each name beside its value, a JSON object's key
    (quoted, escaped, with its colon) or an HTML cell's `col-…` class, whichever is longer."""
    return sum(max(len(json.dumps(str(column[0]))) + 1, len(html.escape(str(column[0]))))
               for column in cursor.description or ())


def _budgeted(make_row: Callable[[sqlite3.Cursor, tuple], Any] | None) -> Callable[[sqlite3.Cursor, tuple], Any]:
    """A row factory that counts the bytes each cursor has handed back, refuses past `MAX_RESULT_BYTES`, and
    otherwise makes each row as `make_row` (Datasette's `sqlite3.Row`) does."""
    spent: weakref.WeakKeyDictionary[sqlite3.Cursor, int] = weakref.WeakKeyDictionary()
    names: weakref.WeakKeyDictionary[sqlite3.Cursor, int] = weakref.WeakKeyDictionary()

    def row_factory(cursor: sqlite3.Cursor, row: tuple) -> Any:
        if cursor not in names:
            names[cursor] = _names_size(cursor)
        total = spent.get(cursor, 0) + names[cursor] + sum(_exported_size(value) for value in row)
        if total > MAX_RESULT_BYTES:
            raise ResultTooLarge(f"the rows hold over {MAX_RESULT_BYTES:,} bytes; select fewer or shorter values")
        spent[cursor] = total
        return make_row(cursor, row) if make_row else row

    return row_factory


def limit_connection(conn: sqlite3.Connection) -> None:
    """Apply the bounds to one connection (Datasette calls this for every connection it opens)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, MAX_COLUMNS)
    conn.row_factory = _budgeted(conn.row_factory)
    conn.set_authorizer(_authorize)
    plain = sqlite3.connect(":memory:", check_same_thread=False)  # SQLite's own functions, for calls in bounds
    plain.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    for name, arities in PRODUCT_COST.items():
        for arity in arities:
            conn.create_function(name, arity, _bounded(name, arity, plain), deterministic=True)
    conn.create_function("strftime", -1, _bounded_format(plain))  # any number of modifiers; "now" varies


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    limit_connection(conn)


#: The most bytes of facet links one page may write. A table page links every value of every facet to its own
#: address with that value added, so it writes facets × values × the address's length, and no time limit covers
#: writing it: a 1.7 KB GET naming `_facet=quote&_facet=caveat&_facet=subject` forty times with `_facet_size=max`
#: ran 40 s of CPU and answered 92 MB (JSON: 38 s, 79 MB), one facet with a 7 KB `_where` 4 MB; eight facets at
#: `_facet_size=max` on a 160-character address (1.7 MB so counted) ran 1.2 s. Six such
#: facets fit, and a page with the table's own facets of 30 values on an address of up to 16 KB.
MAX_FACET_LINK_BYTES = 1_500_000
#: The most facets one request may ask for (repeats counted). Each runs the page's filter once more, under the facet
#: time limit (100 ms) but with no bound on how many there are: 250 `_facet=quote` at `_facet_size=1` (few links)
#: with a 0.4 s `_where` ran 11 s of CPU. With the table's own three, eight facets: 0.8 s.
MAX_FACETS = 5
#: The query parameters that each add a facet to a table page (a repeat adds one again).
FACET_PARAMETERS = frozenset({"_facet", "_facet_array", "_facet_date"})
#: Datasette's values per facet: `default_facet_size`, and `max_returned_rows` for `_facet_size=max`.
DEFAULT_FACET_SIZE, MAX_FACET_SIZE = 30, 1000


def facets_asked(query_string: str) -> int:
    """How many facets a request's query asks for (`_facet`, `_facet_array`, `_facet_date`; a repeat counts again)."""
    return sum(1 for name, _ in urllib.parse.parse_qsl(query_string, keep_blank_values=True)
               if name in FACET_PARAMETERS)


def _facet_values(size: str) -> int:
    """The values per facet one `_facet_size` asks for, read as Datasette reads it (`str.isdigit`, then `int`, so
    digits of any script count: "٣٠٠" is 300)."""
    if size == "max":
        return MAX_FACET_SIZE
    if size.isdigit():
        try:
            return min(int(size), MAX_FACET_SIZE)
        except ValueError:  # a digit `int` does not read ("¹"): no bound is known, so the largest
            return MAX_FACET_SIZE
    return DEFAULT_FACET_SIZE


def facet_link_bytes(path: str, query_string: str) -> int:
    """The most bytes of links the facets of the page `path?query_string` can write: (facets asked for + the
    figures table's own) × values per facet × the address's length. Of several `_facet_size` the largest is
    counted: Datasette reads the first and this count read the last, so "_facet_size=max&_facet_size=1" was counted
    at one value a facet and answered a 16 KB GET with a 26 MB page (the bound is 1.5 MB); and only ASCII digits
    were read as a number, so "_facet_size=٣٠٠" was counted as the default 30."""
    sizes = [value for name, value in urllib.parse.parse_qsl(query_string, keep_blank_values=True)
             if name == "_facet_size"]
    values = max((_facet_values(size) for size in sizes), default=DEFAULT_FACET_SIZE)
    return (len(FIGURES_FACETS) + facets_asked(query_string)) * values * (len(path) + len(query_string))


def facet_problem(path: str, query_string: str) -> str | None:
    """Why a request's facets cost more than one page may (`MAX_FACETS`, `MAX_FACET_LINK_BYTES`), or None. A query's
    page (`sql=`) shows no facets: a long query is bounded by the limits above, not refused for links it never
    writes."""
    if "sql" in dict(urllib.parse.parse_qsl(query_string, keep_blank_values=True)):
        return None
    if facets_asked(query_string) > MAX_FACETS:
        return f"This page asks for more than {MAX_FACETS} facets: ask for fewer."
    if facet_link_bytes(path, query_string) > MAX_FACET_LINK_BYTES:
        return ("This page would list too many facet values: ask for fewer facets, a smaller _facet_size or a "
                "shorter address.")
    return None


#: The query parameter that has Datasette parse a text column's values as JSON and write them out as JSON again.
#: Written out again, JSON is not the size `MAX_RESULT_BYTES` counted: "1e15" comes back as "1000000000000000.0",
#: so 190 rows of 50 KB of "1e15," (9.5 MB counted) answered a 300-character GET with 38 MB and 1.1 s of CPU.
#: The record holds no JSON (no column of any table is JSON), so nothing is lost.
JSON_PARAMETER = "_json"


#: The longest query string (bytes, as sent: percent-encoded) a request may carry, the bound every cost above was
#: worked out for. The server's own limit (h11's 16 KiB for a request still arriving) does not hold when a request
#: arrives in one piece, as it does over this machine's loopback: GETs of up to ~128 KB were served, so 4,500
#: bounded `trim` calls in one row of a 50 KB GET ran 2.5 s of CPU past the 1 s limit, and ~11,000 fit in one.
#: A query a person writes, and a facet link, is far shorter.
MAX_QUERY_BYTES = 16 * 1024
#: Datasette reads a query's text with patterns of its own before it runs it, in the server's one event loop and
#: under no time limit, so while it reads, every other request waits. Two shapes of text take those patterns time
#: that grows as the square of the query's length:
#: - a run of blanks after a leading comment: the check that a query is a SELECT (`validate_sql_select`) read
#:   "/**/", 15,000 "+" and "x" (a 16 KB GET) for 2.5 s of CPU, and `select 1` sent meanwhile answered after 2.3 s;
#: - comments opened and never closed: the search for `:name` parameters (`derive_named_parameters`) looks for the
#:   end of each "/*" to the end of the text, so "select 1" then 5,300 "/*x" took 0.35–0.6 s there.
#: At these bounds a 16 KB query costs each pattern a few tens of milliseconds; no query a person writes holds 200
#: blanks in a row or opens 100 comments.
MAX_BLANK_RUN = 200
MAX_COMMENT_OPENERS = 100
_LONG_BLANK_RUN = re.compile(rf"\s{{{MAX_BLANK_RUN + 1}}}")  # any character Python's \s matches, as Datasette's


def _without_comment_lines(sql: str) -> str:
    """The query as Datasette's SELECT check reads it: every line that starts with "--" taken out first, which joins
    the blanks around it into one run. Read as sent, "/**/" then 78 times a line of 197 blanks and a line "--" (a
    16 KB GET) held no run over 199, and Datasette's check read the 15,500-blank run it made while `select 1` sent
    meanwhile waited 8.5 s (a loaded machine)."""
    return "\n".join(line for line in sql.split("\n") if not line.strip().startswith("--")) if "--" in sql else sql


def sql_problem(query_string: str) -> str | None:
    """Why a request's `sql=` should not reach Datasette's own reading of it (`MAX_BLANK_RUN`,
    `MAX_COMMENT_OPENERS`), or None."""
    for name, value in urllib.parse.parse_qsl(query_string, keep_blank_values=True):
        if name != "sql":
            continue
        if _LONG_BLANK_RUN.search(_without_comment_lines(value)):
            return f"This query holds more than {MAX_BLANK_RUN} blanks in a row: take the run of spaces out."
        if value.count("/*") > MAX_COMMENT_OPENERS:
            return f"This query opens more than {MAX_COMMENT_OPENERS} comments (/*): take them out."
    return None


def request_problem(path: str, query_string: str) -> str | None:
    """Why Datasette should not run a request at all, or None: an address longer than every bound here assumes
    (`MAX_QUERY_BYTES`), facets that cost more than a page may (`facet_problem`), values to be re-written as JSON
    (`JSON_PARAMETER`), or SQL that Datasette's own patterns read in quadratic time (`sql_problem`)."""
    if len(query_string) > MAX_QUERY_BYTES:
        return f"This address is longer than {MAX_QUERY_BYTES:,} bytes: shorten the query."
    if any(name == JSON_PARAMETER for name, _ in urllib.parse.parse_qsl(query_string, keep_blank_values=True)):
        return f"{JSON_PARAMETER}= is not served: no column of this database holds JSON."
    return sql_problem(query_string) or facet_problem(path, query_string)


Asgi = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Asgi], Asgi]:
    """Refuse, before Datasette runs anything, a request that costs more than its bounds count (`request_problem`)."""

    def wrap(app: Asgi) -> Asgi:
        async def bounded_request(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                problem = request_problem(str(scope.get("path", "")),
                                          scope.get("query_string", b"").decode("latin-1"))
                if problem:
                    await _refuse(send, problem)
                    return
            await app(scope, receive, send)

        return bounded_request

    return wrap


async def _refuse(send: Callable[[dict[str, Any]], Awaitable[None]], message: str) -> None:
    body = message.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
