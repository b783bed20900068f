"""outputs/cse.db in Datasette: searched, queried and described through Datasette's own test client (no mocks).

The database is built from the committed data/processed/ into a temporary folder; `make serve`'s command is
started once on a free localhost port, asked for the database, and stopped.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlite_utils

from analysis.paths import DATABASE, DB_METADATA_NAME, DB_NAME, DEFAULT, PROJECT_ROOT, Paths
from analysis.publish.database import build_database
from analysis.publish.db_metadata import CANNED_QUERIES, build_metadata
from tests.event_loop import run_apart
from tests.servers import first_json, free_port, stopped_after

if TYPE_CHECKING:  # imported where used: every test worker collects this module, and Datasette takes 0.6 s
    from datasette.app import Datasette

PACKAGE = json.loads((DEFAULT.processed / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / DB_NAME
    build_database(DEFAULT, path)
    return path


@pytest.fixture(scope="module")
def datasette(db_path: Path) -> Datasette:
    from datasette.app import Datasette

    return Datasette([str(db_path)], metadata=build_metadata(PACKAGE))


def get(ds: Datasette, path: str) -> Any:
    async def fetch() -> Any:
        if hasattr(ds, "invoke_startup"):
            await ds.invoke_startup()
        return await ds.client.get(path)

    response = run_apart(fetch())
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response


def test_every_processed_table_is_in_the_database_with_all_its_rows(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    for resource in PACKAGE["resources"]:
        name = Path(resource["path"]).stem
        with (DEFAULT.processed / resource["path"]).open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert db[name].count == len(rows), name


def test_foreign_keys_join_figures_to_sources_and_claims_to_figures(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    keys = {(t, fk.column, fk.other_table) for t in ("figures", "claims", "claim_figures", "claim_gaps")
            for fk in db[t].foreign_keys}  # type: ignore[union-attr]
    assert {("figures", "source_id", "sources"), ("claims", "source_id", "sources"),
            ("claim_figures", "claim_id", "claims"), ("claim_figures", "figure_id", "figures"),
            ("claim_gaps", "gap_id", "gaps")} <= keys
    assert db.execute("pragma foreign_key_check").fetchall() == []
    # The 56 per cent rise rests on the story's own figure and on two gaps (the counts were never published).
    rows = db.execute("select figure_id, role from claim_figures where claim_id = ?",
                      ["mylondon-2025-10-grooming-gangs/claim-children-at-risk-cse-rise"]).fetchall()
    assert ("mylondon-2025-10-grooming-gangs/change-children-at-risk-cse", "stated") in rows


def test_a_search_for_1200_finds_the_national_and_the_met_figures(datasette: Datasette) -> None:
    rows = get(datasette, f"/{DATABASE}/figures.json?_search=1%2C200&_shape=array&_size=max").json()
    measures = {row["measure"] for row in rows}
    assert {"historic_cases_identified_for_review", "met_historic_cases_in_scope"} <= measures
    assert all("1,200" in row["value_as_printed"] or "1,200" in row["quote"] for row in rows)


def test_sources_are_searchable(datasette: Datasette) -> None:
    rows = get(datasette, f"/{DATABASE}/sources.json?_search=Beaconport&_shape=array").json()
    assert rows and all("beaconport" in json.dumps(row).lower() for row in rows)


@pytest.mark.parametrize("name", sorted(CANNED_QUERIES))
def test_each_canned_query_returns_rows(datasette: Datasette, name: str) -> None:
    params = "&source_id=mylondon-2025-10-grooming-gangs" if ":source_id" in CANNED_QUERIES[name]["sql"] else ""
    rows = get(datasette, f"/{DATABASE}/{name}.json?_shape=array{params}").json()
    assert rows, name
    if name == "figures_from_source":
        assert all(row["figure_id"].startswith("mylondon-2025-10-grooming-gangs/") for row in rows)
    if name == "printed_1200":
        assert {"more than 1,200", "1,200"} <= {row["value_as_printed"].lower() for row in rows}
    if name == "inaccurate_claims":
        claims = sqlite_utils.Database(datasette.databases[DATABASE].path)
        assert len(rows) == claims.execute("select count(*) from claims where verdict = 'inaccurate'").fetchone()[0]


@pytest.mark.parametrize("typed", [" mylondon-2025-10-grooming-gangs ", "MyLondon-2025-10-grooming-gangs",
                                   "`mylondon-2025-10-grooming-gangs`", "mylondon-2025-10-grooming-gangs\u00a0\n"])
def test_the_source_query_reads_an_id_as_copied(db_path: Path, typed: str) -> None:
    """Datasette's "Every figure from one source" returned 0 rows, with no word, for an id pasted with a space
    after it, capitalised as the outlet writes its name, or copied from Markdown with its backticks; `show` and
    `search` read each of these as the id."""
    db = sqlite_utils.Database(db_path)
    rows = db.execute(CANNED_QUERIES["figures_from_source"]["sql"], {"source_id": typed}).fetchall()
    assert len(rows) == db.execute("select count(*) from figures where source_id = ?",
                                   ["mylondon-2025-10-grooming-gangs"]).fetchone()[0] > 0


@pytest.mark.parametrize("resource", PACKAGE["resources"], ids=lambda r: r["name"])
def test_each_tables_page_shows_its_description(datasette: Datasette, resource: dict[str, Any]) -> None:
    page = html.unescape(get(datasette, f"/{DATABASE}/{Path(resource['path']).stem}").text)
    assert resource["description"] in page


def test_the_metadata_carries_the_packages_title_licence_and_column_meanings(datasette: Datasette) -> None:
    metadata = get(datasette, "/-/metadata.json").json()
    assert metadata["title"] == PACKAGE["title"]
    assert metadata["license_url"] == PACKAGE["licenses"][0]["path"]
    figures = metadata["databases"][DATABASE]["tables"]["figures"]
    described = {f["name"]: f["description"] for f in PACKAGE["resources"][0]["schema"]["fields"]}
    assert figures["columns"] == described


def test_the_database_licence_is_the_projects_and_leaves_the_figures_to_their_publishers() -> None:
    """Datasette showed 'Data license: Open Government Licence v3.0 (official sources)' for the whole record, while
    the README, gallery and workbook say the tables the project makes are CC BY 4.0 and each figure stays under its
    publisher's terms, unknown for most sources (news reports): the database now says what the other outputs say."""
    from analysis.paths import REUSE
    from analysis.tables.write import datapackage

    licences = datapackage({}, Paths(PROJECT_ROOT), {})["licenses"]
    assert [lic["name"] for lic in licences] == ["CC-BY-4.0"] and "CC BY 4.0" in REUSE
    metadata = build_metadata({"licenses": licences})
    assert metadata["license"].startswith("CC BY 4.0") and "publisher's terms" in metadata["license"]
    assert "sources table" in metadata["license"] and "Open Government" not in metadata["license"]
    assert metadata["license_url"] == "https://creativecommons.org/licenses/by/4.0/"


def test_make_serve_runs_the_db_command() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "-m analysis db --serve --port $(PORT)" in recipe


def test_the_serve_command_answers_on_localhost_then_stops(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(DEFAULT.processed, Paths(root).processed)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "analysis", "db", "--serve", "--port", str(port),
                                "--root", str(root)], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    with stopped_after(process):
        answer = first_json(f"http://127.0.0.1:{port}/{DATABASE}.json", process)
        assert answer is not None, process.stdout.read() if process.poll() is not None else "no answer"
        assert "figures" in {t["name"] for t in answer["tables"]}
        assert (root / "outputs" / DB_METADATA_NAME).exists()
    # it was still serving when stopped: ended by our signal, not by an error of its own
    assert process.returncode in (-15, -9), process.returncode


def test_serve_on_a_busy_port_says_so_in_one_line_before_serving(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(DEFAULT.processed, Paths(root).processed)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "analysis", "db", "--serve", "--port", str(port), "--root",
                               str(root)], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "serving on" not in done.stdout
    expected = f"db: port {port} is in use; choose another: make serve PORT={port + 1}"
    assert done.stderr.strip().splitlines() == [expected]


def test_datasette_is_served_with_a_one_second_sql_limit() -> None:
    from analysis.publish.database import serve_command

    command = serve_command(Path("x.db"), Path("m.json"), 8001)
    assert command[command.index("--setting") + 1:][:2] == ["sql_time_limit_ms", "1000"]
    assert command[command.index("--host") + 1] == "127.0.0.1"
