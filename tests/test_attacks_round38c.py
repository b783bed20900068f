"""Round 38, helper r38c: class 2 (stamps that cannot lie), attacked with workflows no earlier round tried.

`make serve` keeps Datasette running on outputs/cse.db while the record moves on under it without the database
being written again: a figure corrected and `python -m analysis build` run alone (the README lists it), or a
`git pull` bringing a colleague's corrected build into data/processed. Every page went on giving the figure before
the correction, status 200, while `show` gave the new one. The served database now answers 503 then, as it does
when the file itself is replaced (round 23a).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from analysis.paths import DB_NAME, DEFAULT, Paths
from analysis.publish.database import PLUGINS_DIR, SETTINGS, build_database
from analysis.run import build

FIGURES_FILE = "standard-2016-cse-referrals.csv"
FIGURE_ID = "standard-2016-cse-referrals/cse-referrals-2015"
QUERY = f"/cse/figures.json?_shape=array&_col=value&figure_id={FIGURE_ID}"


@pytest.fixture
def served(tmp_path: Path) -> Paths:
    """A copy of the real record, built, with outputs/cse.db written from it as `make serve` writes it."""
    root = tmp_path / "project"
    shutil.copytree(DEFAULT.raw, root / "data" / "raw")
    paths = Paths(root)
    build.build(paths)
    build_database(paths, paths.outputs / DB_NAME)
    return paths


def correct(paths: Paths) -> None:
    """The Met's 2015 referrals corrected 2,060 -> 2,061, in the value and in the quote."""
    path = paths.figures_dir / FIGURES_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count('"2,060"') == 1
    path.write_text(text.replace('"2,060"', '"2,061"').replace("jumped to 2,060", "jumped to 2,061"),
                    encoding="utf-8")


def get(datasette: object, address: str) -> object:
    from tests.event_loop import run_apart

    return run_apart(datasette.client.get(address))  # type: ignore[attr-defined]


@pytest.mark.parametrize("how", ["build alone", "pulled build", "raw edited, not built"])
def test_datasette_never_serves_a_record_that_has_moved_on_under_it(served: Paths, how: str,
                                                                    tmp_path: Path) -> None:
    from datasette.app import Datasette

    datasette = Datasette([str(served.outputs / DB_NAME)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)
    first = get(datasette, QUERY)
    assert first.status_code == 200 and first.json()[0]["value"] == 2060.0  # type: ignore[attr-defined]
    if how == "build alone":
        correct(served)
        build.build(served)
    elif how == "pulled build":  # a colleague's corrected record and its build, as git brings both in
        theirs = Paths(tmp_path / "colleague")
        shutil.copytree(served.raw, theirs.raw)
        correct(theirs)
        build.build(theirs)
        shutil.rmtree(served.raw)
        shutil.rmtree(served.processed)
        shutil.copytree(theirs.raw, served.raw)
        shutil.copytree(theirs.processed, served.processed)
    else:
        correct(served)
    after = get(datasette, QUERY)
    assert after.status_code == 503, (after.status_code, after.text[:200])  # type: ignore[attr-defined]
    assert "make serve" in after.text and "2,060" not in after.text  # type: ignore[attr-defined]


def test_datasette_serves_on_when_the_record_is_written_again_unchanged(served: Paths) -> None:
    """The guard's other side: a raw file saved with the same bytes, and a build of the same record, leave the
    database current, so it is served (the check is on the build, not on file times)."""
    from datasette.app import Datasette

    datasette = Datasette([str(served.outputs / DB_NAME)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)
    path = served.figures_dir / FIGURES_FILE
    path.write_bytes(path.read_bytes())
    build.build(served)
    again = get(datasette, QUERY)
    assert again.status_code == 200 and again.json()[0]["value"] == 2060.0  # type: ignore[attr-defined]
    package = json.loads((served.processed / "datapackage.json").read_text(encoding="utf-8"))
    assert package["raw_files"]  # the build recorded what it read: the comparison had something to compare


# --- An owner file Excel keeps beside revisions.csv while it is open is not a copy of the record -------------------

def test_excel_s_owner_file_at_the_top_of_data_raw_is_left_alone(tmp_path: Path) -> None:
    """Excel (Windows and Mac) writes "~$<name>" beside a file it has open, holding who opened it. Round 37's rule
    (a YAML or CSV at the top of data/raw/ that the build does not read is refused, as a sync client's conflicted
    copy) refused every build while revisions.csv was open in Excel. It is left alone, as LibreOffice's
    ".~lock.revisions.csv#" is; a copy kept by hand ("revisions-old.csv") is still refused."""
    from analysis.record.problems import Problems
    from analysis.record.rawfiles import unread_raw_files

    paths = Paths(tmp_path)
    paths.raw.mkdir(parents=True)
    (paths.raw / "revisions.csv").write_text("figure_id\n", encoding="utf-8")
    (paths.raw / "~$revisions.csv").write_bytes(b"\x08Jane Doe" + b" " * 45)
    (paths.raw / ".~lock.revisions.csv#").write_text(",Jane Doe,laptop,07.12.2026 01:30,file:///x;", encoding="utf-8")
    problems = Problems()
    unread_raw_files(paths, problems)
    assert not problems, [str(p) for p in problems.items]
    (paths.raw / "revisions-old.csv").write_text("figure_id\n", encoding="utf-8")
    unread_raw_files(paths, problems)
    assert [p.file for p in problems.items] == ["data/raw/revisions-old.csv"]
