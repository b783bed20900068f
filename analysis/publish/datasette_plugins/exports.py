"""Datasette plugin loaded by `make serve` (`--plugins-dir`): a CSV the server hands out holds no formula.

The record's text never starts a formula (`validate` refuses it) and the project's own CSVs are written formula-safe,
but Datasette writes a CSV of any query a GET names: `/cse.csv?sql=select '-2+3+cmd|'' /C calc''!A0' as a&_dl=1`
downloads a `cse.csv` whose cell Excel opens as a formula (a DDE command; `=HYPERLINK(…)` a live link). A link
followed while `make serve` runs was enough. So a cell of a CSV response that a
spreadsheet would read as a formula is sent as text, as the chart CSVs write it (`hygiene.neutralise_formula`), a
formula after a semicolon too (a second cell where Excel splits at semicolons); a number ("-0.5", a
fall) is a number, and a CSV without such a cell is sent exactly as Datasette wrote it.
"""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

from analysis.record.hygiene import formula_risk, neutralise_formula

Asgi = Callable[[dict[str, Any], Any, Any], Awaitable[None]]

#: A cell that is a plain number: a spreadsheet reads "-0.5" as minus a half, not as a formula.
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def is_csv_request(scope: dict[str, Any]) -> bool:
    """Whether a request may be answered with CSV: the path's own extension says so (".csv"), or, when the path has
    none, `_format=csv` (which Datasette may answer with its HTML page instead: the response's type decides,
    `is_csv_response`). The path's extension wins, as in Datasette: `/cse.json?…&_shape=array&_nl=on&_format=csv`
    is JSON lines sent as text/plain, which this plugin read as CSV and rewrote into invalid JSON."""
    last = str(scope.get("path", "")).rsplit("/", 1)[-1]
    if "." in last:
        return last.rsplit(".", 1)[1] == "csv"
    query = urllib.parse.parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return "csv" in query.get("_format", [])


def is_csv_response(start: dict[str, Any]) -> bool:
    """Whether a successful response is CSV: Datasette sends it as text/csv to download, text/plain to show."""
    kind = dict((k.lower(), v) for k, v in start.get("headers", [])).get(b"content-type", b"")
    return start.get("status") == 200 and kind.split(b";")[0].strip() in (b"text/csv", b"text/plain")


def formula_free(body: bytes) -> bytes:
    """A CSV body with every cell a spreadsheet would run as a formula written as text; the body itself when it
    holds none (Datasette's own bytes, line ends and quoting kept)."""
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    if not any(formula_risk(cell) and not _NUMBER.fullmatch(cell) for row in rows for cell in row):
        return body
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([[cell if _NUMBER.fullmatch(cell) else neutralise_formula(cell) for cell in row] for row in rows])
    return out.getvalue().encode("utf-8")


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Asgi], Asgi]:
    def wrap(app: Asgi) -> Asgi:
        async def formula_free_csv(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") != "http" or not is_csv_request(scope):
                await app(scope, receive, send)
                return
            start: dict[str, Any] = {}
            chunks: list[bytes] = []

            async def send_when_whole(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    start.update(message)
                elif message["type"] == "http.response.body":
                    chunks.append(message.get("body", b""))
                    if not message.get("more_body", False):
                        await _send_whole(send, start, b"".join(chunks))
                else:
                    await send(message)

            await app(scope, receive, send_when_whole)

        return formula_free_csv

    return wrap


async def _send_whole(send: Callable[[dict[str, Any]], Awaitable[None]], start: dict[str, Any], body: bytes) -> None:
    """The response as one body: a CSV made formula-free, its length set to match."""
    if is_csv_response(start):
        body = formula_free(body)
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
    await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
