"""`python -m analysis db`: the record as one SQLite database (outputs/cse.db) for Datasette.

Newsroom fact-checkers and reporters browse and share tables like these in Datasette; a database with full-text
search over the quotes lets them type "1,200" and see every place it was printed, and by whom. Every processed
table goes in with its data-dictionary types, primary keys, and foreign keys (figure → source, claim → source, and
claim → figures and claim → gaps through link tables), plus full-text search over figures (value as printed,
quote, measure, subject) and sources. The Datasette metadata (outputs/cse-metadata.json) is built from
datapackage.json by `db_metadata`. The file is written beside its final place and moved in, so a failed run
leaves the previous database as it was.

`python -m analysis db --serve` (what `make serve` runs) then starts Datasette on 127.0.0.1 with that metadata.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import sys
from pathlib import Path
from typing import Any

from analysis.factcheck.report import scratch_beside
from analysis.paths import DB_COMPANION_SUFFIXES, DB_METADATA_NAME, DB_NAME, Paths, add_root_argument
from analysis.publish.db_metadata import LINK_TABLES, write_metadata
from analysis.record.terminal import typed_number
from analysis.record.vocabulary import GROUPED_NUMBER, split_list
from analysis.tables.load import build_mark_number, load_rows

__all__ = ["DB_NAME", "DB_METADATA_NAME", "build_database", "serve_command", "add_arguments", "run"]

_TYPES = {"string": str, "date": str, "number": float, "integer": int, "boolean": int}
#: table → primary key; tables not listed get SQLite's rowid.
PRIMARY_KEYS = {"sources": "id", "figures": "figure_id", "gaps": "id", "claims": "claim_id"}
FTS = {"figures": ["value_as_printed", "quote", "measure", "subject"],
       "sources": ["title", "producer", "citation", "notes"]}
#: Insert order: a table's foreign keys point only at tables before it.
ORDER = ("sources", "figures", "gaps", "claims")


def _split(text: str | None) -> list[str]:
    return split_list(text)


def _foreign_keys(table: str, columns: list[str]) -> list[tuple[str, str, str]]:
    keys = []
    if "source_id" in columns and table != "sources":
        keys.append(("source_id", "sources", "id"))
    if "figure_id" in columns and table != "figures":
        keys.append(("figure_id", "figures", "figure_id"))
    if table == "claims":
        keys.append(("stated_figure", "figures", "figure_id"))
    return keys


def _links(claims: list[dict[str, Any]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """claim → figure rows (inputs and the stated figure) and claim → gap rows, from the claims table's lists."""
    figures, gaps = [], []
    for claim in claims:
        seen = set()
        for figure_id in _split(claim.get("inputs")):
            if figure_id not in seen:
                seen.add(figure_id)
                figures.append({"claim_id": claim["claim_id"], "figure_id": figure_id, "role": "input"})
        if claim.get("stated_figure"):
            figures.append({"claim_id": claim["claim_id"], "figure_id": claim["stated_figure"], "role": "stated"})
        gaps += [{"claim_id": claim["claim_id"], "gap_id": gap} for gap in dict.fromkeys(_split(claim.get("gaps")))]
    return figures, gaps


def _create(db: Any, name: str, columns: dict[str, type], pk: Any, foreign_keys: list[tuple[str, str, str]],
            rows: list[dict[str, Any]]) -> None:
    """One table with its declared types and keys (even when it has no rows), then its rows."""
    db[name].create(columns, pk=pk, foreign_keys=foreign_keys)
    if rows:
        db[name].insert_all(rows)


def build_database(paths: Paths, out: Path) -> dict[str, int]:
    """Write the database to `out` (replacing it only when complete); returns rows per table."""
    import sqlite_utils

    mark = build_mark_number(paths)  # before any table is read (`analysis.tables.load.as_read`)
    package = json.loads((paths.processed / "datapackage.json").read_text(encoding="utf-8"))
    resources = {Path(r["path"]).stem: r for r in package["resources"]}
    names = [n for n in ORDER if n in resources] + [n for n in resources if n not in ORDER]
    # A name of its own: two `db` runs at once each build their own scratch copy (one shared name let them
    # write into the same file).
    tmp = scratch_beside(out)
    counts: dict[str, int] = {}
    db = sqlite_utils.Database(tmp)
    # The file is a scratch copy moved into place only when complete, so a crash can only lose the scratch copy:
    # no journal and no fsync per insert (they made this step 3 s of waiting on the disk for 1 s of work).
    db.execute("pragma journal_mode = off")
    db.execute("pragma synchronous = off")
    try:
        for name in names:
            fields = resources[name]["schema"]["fields"]
            columns = {f["name"]: _TYPES.get(f["type"], str) for f in fields}
            rows = load_rows(name, paths)
            _create(db, name, columns, PRIMARY_KEYS.get(name), _foreign_keys(name, list(columns)), rows)
            counts[name] = len(rows)
        claim_figures, claim_gaps = _links(load_rows("claims", paths) if "claims" in resources else [])
        _create(db, "claim_figures", {"claim_id": str, "figure_id": str, "role": str},
                ("claim_id", "figure_id", "role"),
                [("claim_id", "claims", "claim_id"), ("figure_id", "figures", "figure_id")], claim_figures)
        _create(db, "claim_gaps", {"claim_id": str, "gap_id": str}, ("claim_id", "gap_id"),
                [("claim_id", "claims", "claim_id"), ("gap_id", "gaps", "id")], claim_gaps)
        counts.update({"claim_figures": len(claim_figures), "claim_gaps": len(claim_gaps)})
        assert set(LINK_TABLES) <= set(counts)
        for table, searched in FTS.items():
            if table in counts:
                db[table].enable_fts(searched, create_triggers=False)  # type: ignore[union-attr]
                _index_numbers_whole(db, table, searched)
        broken = db.execute("pragma foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"{len(broken)} rows point at ids that do not exist, e.g. table {broken[0][0]} row "
                             f"{broken[0][1]} → {broken[0][2]}")
        # The build the tables came from, in the header's user_version, so the gallery can refuse to link a
        # database older than the tables (`analysis.tables.load.outputs_behind`).
        db.execute(f"pragma user_version = {mark}")
        db.execute("vacuum")
        db.close()
        remove_companions(out)
        os.replace(tmp, out)  # in the try: a folder in its place left a scratch copy of the database beside it
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    return counts


def _index_numbers_whole(db: Any, table: str, searched: list[str]) -> None:
    """Index each searched cell with its numbers also written whole (`written_whole`): the search box found 1 figure
    for "1200" and 10 for "1,200", whose comma the index splits at ("1", "200"). The numbers are indexed after the
    cell's own words, so each word keeps its place and `snippet`/`highlight` mark the cell's text as before."""
    fts, columns = f"[{table}_fts]", ", ".join(f"[{c}]" for c in searched)
    rows = db.execute(f"select rowid, {columns} from [{table}]").fetchall()
    with db.conn:  # one transaction, committed (the database is vacuumed after)
        db.conn.execute(f"insert into {fts}({fts}) values ('delete-all')")
        db.conn.executemany(f"insert into {fts}(rowid, {columns}) values (?{', ?' * len(searched)})",
                            [(row[0], *(_with_numbers_whole(cell) for cell in row[1:])) for row in rows])


def _with_numbers_whole(cell: Any) -> Any:
    if not isinstance(cell, str) or "," not in cell:
        return cell
    whole = [found.group().replace(",", "") for found in GROUPED_NUMBER.finditer(cell)]
    return " ".join([cell, *whole])


def remove_companions(out: Path) -> None:
    """Remove what SQLite keeps beside `out` (`DB_COMPANION_SUFFIXES`) before the new database takes its name. They
    belong to the database they were written for, yet SQLite reads whatever it finds there as part of the new
    file: a journal left by a program that edited cse.db and died was rolled back into the next build's database
    (a "2nd reference to page" mix of two editions, and Datasette, reading only, failed every page with "attempt
    to write a readonly database"); a left write-ahead log made Datasette show the figures table empty."""
    for suffix in DB_COMPANION_SUFFIXES:
        out.with_name(out.name + suffix).unlink(missing_ok=True)


#: Datasette's limit on one query's time (ms); its plugins cap value sizes and refuse `fts3_tokenizer`
#: (`datasette_plugins/limits.py`), link only sources' own addresses (`links.py`), write no formula into a CSV
#: (`exports.py`) and refuse to serve a database rebuilt since Datasette started (`served.py`).
SQL_TIME_LIMIT_MS = 1000
#: Datasette's settings for `make serve`, one place for the command and the tests. A table page also runs its filter
#: again in each facet and in up to three queries per column to suggest facets, each with a limit of its own: a GET
#: searching for "the" 2,500 times took 5.5 s of CPU, nearly all of it in the suggestions. Suggestions are off (the
#: tables' own facets, in the metadata, stay), and a facet asked for gets
#: 100 ms: the figures table's facets take a few. A CSV is one page of at most 1,000 rows (the largest table has
#: 393), and a stream is refused: `_stream=on` ran the table's page again for every `_size` rows, each page under
#: the time limit but the stream under none, so `figures.csv?_stream=on&_size=1&_where=<a 0.4 s filter>` (114
#: characters) ran ~57 s of CPU, and went on after the client hung up. A CSV stops at
#: `max_csv_mb` (Datasette ends it with a line saying so): the rows' own bytes are capped at 10 MB
#: (`limits.MAX_RESULT_BYTES`), but a query's CSV writes each binary cell as a link to the query's whole address, so
#: 99 one-byte blobs a row answered a 2 KB GET with 100 MB (Datasette's default cap) and 3.4 s of CPU.
SETTINGS: dict[str, int | bool] = {"sql_time_limit_ms": SQL_TIME_LIMIT_MS, "suggest_facets": False,
                                   "facet_time_limit_ms": 100, "allow_csv_stream": False, "max_csv_mb": 10}
PLUGINS_DIR = Path(__file__).with_name("datasette_plugins")
HOST = "127.0.0.1"


def serve_command(db: Path, metadata: Path, port: int) -> list[str]:
    """The Datasette command `make serve` runs: this database, its metadata, on this machine only, with the
    settings and plugins above, through `datasette_serve` (Datasette's command line without rich's tracebacks)."""
    settings = [part for name, value in SETTINGS.items()
                for part in ("--setting", name, ("on" if value else "off") if isinstance(value, bool) else str(value))]
    return [sys.executable, "-m", "analysis.publish.datasette_serve", "serve", str(db), "--metadata", str(metadata),
            "--host", HOST, "--port", str(port), *settings, "--plugins-dir", str(PLUGINS_DIR)]


def port_busy(port: int) -> bool:
    """Whether something already listens on HOST:port (checked before saying "serving on …")."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("--serve", action="store_true", help="then start Datasette on 127.0.0.1 (make serve)")
    parser.add_argument("--port", type=typed_number(int), default=8001,
                        help="Datasette's port with --serve (default 8001)")


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    db, metadata = paths.outputs / DB_NAME, paths.outputs / DB_METADATA_NAME
    try:
        counts = build_database(paths, db)
    except (FileNotFoundError, ValueError, sqlite3.Error) as error:
        print(f"db: {error}", file=sys.stderr)
        return 1
    write_metadata(paths.processed / "datapackage.json", metadata)
    print(f"db: wrote {paths.rel(db)} ({', '.join(f'{n} {t}' for t, n in counts.items())}) and {paths.rel(metadata)}")
    if args.serve:
        if port_busy(args.port):
            print(f"db: port {args.port} is in use; choose another: make serve PORT={args.port + 1}", file=sys.stderr)
            return 1
        command = serve_command(db, metadata, args.port)
        print(f"db: serving on http://127.0.0.1:{args.port}/ (Ctrl-C stops it)", flush=True)
        os.execv(command[0], command)
    return 0
