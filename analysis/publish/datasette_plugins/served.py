"""Datasette plugin loaded by `make serve` (`--plugins-dir`): a database rebuilt under Datasette is never served stale.

`make serve` hands the build lock back once Datasette runs, so `make` may rebuild outputs/cse.db while it serves. The
build renames a new file into the database's place; Datasette's connections, kept open in each of its threads, go on
reading the file they opened, so every page showed the previous edition (its figures, its claims) for as long as the
server ran, while the gallery, the workbook and the report showed the new one, and nothing said so.
Datasette offers no public way to make its threads reopen a database (their connections are kept by
the database's name), so a request is answered, once the file is not the one Datasette opened, with a 503 that says
to start `make serve` again.

The same holds when the file stays but the record moves on under it: `python -m analysis build` run alone (the
README lists it), or a `git pull` bringing a colleague's corrected build into data/processed, left cse.db as `db`
wrote it, and every page went on giving the figure before the correction while `show` gave the new one. The
database carries the build it was written from (`user_version`, `analysis.tables.load.build_mark_number`); a
request is answered with the same 503 once data/processed holds another build, or data/raw has changed since the
build (`analysis.tables.load.behind_raw`, what `db` itself refuses on). Both are asked again only when a file under
data/processed or data/raw has been written since the last request (their inodes, sizes and times).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
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


class _Record:
    """The project whose outputs/ holds a served database (`<root>/outputs/cse.db`, as `db` writes it), with the
    build the database was written from; None from `project_of` for a database served from anywhere else."""

    def __init__(self, root: Path, mark: int) -> None:
        from analysis.paths import Paths

        self.paths = Paths(root)
        self.mark = mark
        self.seen: object = None
        self.line = ""

    def _marks(self) -> object:
        from analysis.paths import raw_marks, unread_raw_names

        try:
            with os.scandir(self.paths.processed) as entries:
                processed = sorted((e.name, e.inode(), e.stat().st_size, e.stat().st_mtime_ns, e.stat().st_ctime_ns)
                                   for e in entries)
        except OSError:
            processed = []
        return processed, raw_marks(self.paths), unread_raw_names(self.paths)

    def behind(self) -> str:
        """Why the database no longer shows the record in data/processed and data/raw ("" when it does)."""
        seen = self._marks()
        if seen != self.seen:
            from analysis.tables.load import behind_raw, build_mark_number

            self.line = behind_raw(self.paths)
            if not self.line and build_mark_number(self.paths) != self.mark:
                self.line = ("data/processed was rebuilt after the database was written (`build` run alone, "
                             "or a `git pull` bringing a colleague's build)")
            self.seen = seen
        return self.line


def project_of(path: str) -> _Record | None:
    """The project a database file belongs to when it is that project's outputs/cse.db, with its build mark.

    The project is found from the path as `make serve` gives it (`<root>/outputs/cse.db`), not from where that path
    leads: with outputs/ a symbolic link to a web server's folder (publishing by link), the resolved file's folder
    above was the server's, no project was found, and Datasette went on serving the record as it was after `build`
    alone or a `git pull` had moved it on."""
    from analysis.paths import DB_NAME, Paths

    given = Path(path).absolute()
    file = given.resolve()
    root = given.parent.parent
    if given.name != DB_NAME or (Paths(root).outputs / DB_NAME).resolve() != file \
            or not (Paths(root).processed / "datapackage.json").is_file():
        return None
    try:
        with sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True) as db:
            mark = int(db.execute("pragma user_version").fetchone()[0])
    except sqlite3.Error:
        return None
    return _Record(root, mark)


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Asgi], Asgi]:
    """Answer 503 once a served database's file has been replaced or removed since Datasette started, or the record
    it was written from has moved on."""
    opened = {db.name: (db.path, _identity(db.path)) for db in datasette.databases.values() if db.path}
    records = {name: record for name, (path, _) in opened.items() if (record := project_of(path))}

    def wrap(app: Asgi) -> Asgi:
        async def current_edition(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                replaced = sorted(name for name, (path, first) in opened.items() if _identity(path) != first)
                if replaced:
                    await _unavailable(send, f"The database {', '.join(replaced)} was rebuilt (or removed) after "
                                             "Datasette started, which would go on showing the previous edition: "
                                             "stop `make serve` (Ctrl-C) and start it again.\n")
                    return
                for name, record in sorted(records.items()):
                    line = record.behind()
                    if line:
                        await _unavailable(send, f"The database {name} gives the record as it was when Datasette "
                                                 f"started, not as it is now: {line}. Then stop `make serve` "
                                                 "(Ctrl-C) and start it again.\n")
                        return
            await app(scope, receive, send)

        return current_edition

    return wrap


async def _unavailable(send: Callable[[dict[str, Any]], Awaitable[None]], message: str) -> None:
    body = message.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
