"""Datasette plugin loaded by `make serve` (`--plugins-dir`): a database rebuilt under Datasette is never served stale.

`make serve` hands the build lock back once Datasette runs, so `make` may rebuild outputs/cse.db while it serves. The
build renames a new file into the database's place; Datasette's connections, kept open in each of its threads, go on
reading the file they opened, so every page showed the previous edition (its figures, its claims) for as long as the
server ran, while the gallery, the workbook and the report showed the new one, and nothing said so (issue 24, round
twenty-three). Datasette offers no public way to make its threads reopen a database (their connections are kept by
the database's name), so a request is answered, once the file is not the one Datasette opened, with a 503 that says
to start `make serve` again.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

Asgi = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def _identity(path: str) -> tuple[int, int] | None:
    """Which file a path names now (device and inode), or None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Asgi], Asgi]:
    """Answer 503 once a served database's file has been replaced or removed since Datasette started."""
    opened = {db.name: (db.path, _identity(db.path)) for db in datasette.databases.values() if db.path}

    def wrap(app: Asgi) -> Asgi:
        async def current_edition(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                replaced = sorted(name for name, (path, first) in opened.items() if _identity(path) != first)
                if replaced:
                    await _unavailable(send, f"The database {', '.join(replaced)} was rebuilt (or removed) after "
                                             "Datasette started, which would go on showing the previous edition: "
                                             "stop `make serve` (Ctrl-C) and start it again.\n")
                    return
            await app(scope, receive, send)

        return current_edition

    return wrap


async def _unavailable(send: Callable[[dict[str, Any]], Awaitable[None]], message: str) -> None:
    body = message.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
