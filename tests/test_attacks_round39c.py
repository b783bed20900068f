"""Issue 24, round 39 (helper r39c): stamps that cannot lie (class 2).

A `git pull` (the project commits data/processed) or a sync client brings a colleague's corrected build into
data/processed while a command that reads it runs: `charts` and `notebooks` take half a minute, and neither the pull
nor the sync goes through the build lock. Each exported file was marked with the build data/processed held when the
file was written, not the one it was read from: charts drawn from the tables before the pull carried the build after
it, so `workbook` and `gallery` (whose checks read those marks) published them beside the new tables, exit 0, and the
workbook `charts` wrote held 2,061 on its table sheets and 2,060 on "Chart 2" under the new build's mark. A mark now
names what was read: a chart the hashes of the tables it was drawn from as read, every other marked file the build
as it stood before its writer read a table.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from analysis.paths import CHART_IDS, DB_NAME, Paths
from analysis.run import build
from analysis.tables.load import build_mark_number, charts_behind, outputs_behind
from tests.made import Made, copy_of
from tests.raw_copy import corrected_referrals, raw_copy

pytestmark = pytest.mark.slow  # builds the real record twice: handed out first (tests/conftest.py)

FIGURES_FILE = "standard-2016-cse-referrals.csv"


@pytest.fixture
def ours_and_theirs(tmp_path: Path) -> tuple[Paths, Paths]:
    """This checkout's record, built; and a colleague's, with the Met's 2015 referrals corrected 2,060 -> 2,061
    and built: what `git pull` brings."""
    ours = Paths(raw_copy(tmp_path / "ours"))
    theirs = Paths(raw_copy(tmp_path / "theirs"))
    corrected_referrals(theirs.root)
    build.build(ours)
    build.build(theirs)
    return ours, theirs


def pull(ours: Paths, theirs: Paths) -> None:
    """The colleague's build written over ours file by file, each under a new name then renamed, as git does."""
    pairs = [(theirs.figures_dir / FIGURES_FILE, ours.figures_dir / FIGURES_FILE)]
    pairs += [(path, ours.processed / path.name) for path in sorted(theirs.processed.iterdir())]
    for source, target in pairs:
        scratch = target.with_name(f".{target.name}.pull")
        shutil.copyfile(source, scratch)
        scratch.replace(target)


def pulled_after(real: Callable[..., Any], ours: Paths, theirs: Paths) -> Callable[..., Any]:
    """`real`, with the pull landing once it has read what it reads (the first call only)."""
    calls: list[int] = []

    def reading(*args: Any, **kwargs: Any) -> Any:
        got = real(*args, **kwargs)
        if not calls:
            pull(ours, theirs)
        calls.append(1)
        return got

    return reading


def test_charts_read_before_a_pull_are_not_marked_with_the_build_after_it(
        ours_and_theirs: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m analysis charts` (the README's "draw the charts without the notebooks, then the workbook") with the
    pull landing after it read the tables: every chart and the workbook now say they were drawn from an earlier
    build, so `workbook` and `gallery` refuse them rather than publish the old figure as the new edition's."""
    from analysis.publish import export

    ours, theirs = ours_and_theirs
    monkeypatch.setattr(export, "load_frames", pulled_after(export.load_frames, ours, theirs))
    export.export_all(ours)
    chart = ours.outputs / "charts" / "met-cse-series" / "met-cse-series.csv"
    assert "2060" in chart.read_text(encoding="utf-8")  # drawn from the tables as read, before the pull
    assert "2,061" in (ours.processed / "figures.csv").read_text(encoding="utf-8")  # the pull landed
    assert "met-cse-series" in charts_behind(CHART_IDS, ours.outputs / "charts", ours)
    assert "cse-figures.xlsx was written from an earlier build" in outputs_behind(ours.outputs, ours)


def test_charts_with_nothing_pulled_are_current(ours_and_theirs: tuple[Paths, Paths]) -> None:
    """The guard: the same command with nothing changing under it is marked with the build it read."""
    from analysis.publish import export

    ours, _ = ours_and_theirs
    export.export_all(ours)
    assert charts_behind(CHART_IDS, ours.outputs / "charts", ours) == ""
    assert outputs_behind(ours.outputs, ours) == ""


def test_a_report_read_before_a_pull_is_not_marked_with_the_build_after_it(
        ours_and_theirs: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m analysis check` with the pull landing after it read claims, figures and sources: the report
    judged the claim citing 2,060 against the old figure; it must not carry the corrected build's mark."""
    from analysis.factcheck import report

    ours, theirs = ours_and_theirs
    monkeypatch.setattr(report, "read_tables", pulled_after(report.read_tables, ours, theirs))
    report.write_report(ours)
    assert "factcheck.html" in outputs_behind(ours.outputs, ours)


def test_a_database_read_before_a_pull_is_not_marked_with_the_build_after_it(
        ours_and_theirs: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m analysis db` (and `make serve`, which runs it) with the pull landing after it read the first table:
    the database must not carry the corrected build's number, which the gallery and the served-database check
    (`make serve`) trust."""
    from analysis.publish import database

    ours, theirs = ours_and_theirs
    before = build_mark_number(ours)
    monkeypatch.setattr(database, "load_rows", pulled_after(database.load_rows, ours, theirs))
    database.build_database(ours, ours.outputs / DB_NAME)
    assert build_mark_number(ours) != before  # the pull landed
    assert "cse.db was written from an earlier build" in outputs_behind(ours.outputs, ours)


# --- `make serve` with outputs/ a symbolic link -------------------------------------------------------------------

@pytest.mark.parametrize("linked", [True, False])
def test_datasette_never_serves_a_record_moved_on_with_outputs_a_symbolic_link(tmp_path: Path, linked: bool) -> None:
    """outputs/ a symbolic link to a web server's folder (publishing by link, which `make` handles), `make serve`
    left open, then a figure corrected and `python -m analysis build` run alone: Datasette answered 200 with the
    old figure, because the served database's project was looked for above the folder the link leads to. It now
    answers 503 as it does for outputs/ as a folder."""
    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS, build_database
    from tests.test_attacks_round38c import QUERY, correct, get

    paths = Paths(raw_copy(tmp_path))
    if linked:
        www = tmp_path / "www" / "cse"
        www.mkdir(parents=True)
        paths.outputs.symlink_to(www, target_is_directory=True)
    build.build(paths)
    build_database(paths, paths.outputs / DB_NAME)
    datasette = Datasette([str(paths.outputs / DB_NAME)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)
    first = get(datasette, QUERY)
    assert first.status_code == 200 and first.json()[0]["value"] == 2060.0  # type: ignore[attr-defined]
    correct(paths)
    build.build(paths)
    after = get(datasette, QUERY)
    assert after.status_code == 503, (after.status_code, after.text[:200])  # type: ignore[attr-defined]
    assert "make serve" in after.text  # type: ignore[attr-defined]


# --- `make` itself, with the pull landing as it runs --------------------------------------------------------------

def test_make_says_last_when_its_outputs_are_not_from_the_build_data_processed_holds(
        made: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m analysis all` (what `make` runs) with a colleague's build pulled in as it ends: the outputs it
    lists are from the build before, which the gallery run alone refuses, yet the run ended with its results, exit
    0 (a pull mid-run left only one "changed while it ran" line among the steps). It now says so last and exits 1."""
    import argparse

    from analysis.run import pipeline

    ours = Paths(copy_of(made, tmp_path / "ours"))
    theirs = Paths(raw_copy(tmp_path / "theirs"))
    corrected_referrals(theirs.root)
    build.build(theirs)
    listed = pipeline.print_results

    def listed_then_pulled(paths: Paths) -> None:
        listed(paths)
        pull(ours, theirs)

    monkeypatch.setattr(pipeline, "print_results", listed_then_pulled)
    code = pipeline.run(argparse.Namespace(root=ours.root, force=False))
    said = capsys.readouterr().err
    assert code == 1
    assert "data/processed, a notebook or the code changed while this run read it" in said and "met-cse-series" in said
