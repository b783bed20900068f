"""Shared fixtures: a small, self-contained project tree for rule-by-rule tests, the real repository, and the main
job's outputs made once per session (tests/made.py)."""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from analysis.paths import PROJECT_ROOT, Paths
from analysis.record.figures import COLUMNS
from analysis.run.copies import skip_iri_parser
from tests import made as made_run
from tests.drawn import DrawnCharts

#: Property tests check what the code says, never how fast: Hypothesis's default 200 ms deadline per example failed
#: `test_blanking_keeps_every_character_but_the_blanked_ones` on a loaded machine, as the too-slow health check can.
#: Speed targets are `make bench`'s.
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")

skip_iri_parser()  # before any test module imports nbformat: about a second less per worker (see its docstring)

_MADE_DIR = pytest.StashKey[Path]()
_WORKER_KEY = "cse_made_dir"


#: The only reasons a test may skip: something outside the project that a developer's machine may lack. CI installs
#: or lays out each of them, so in CI (CI=true) any skip at all fails the run, and elsewhere a skip for another
#: reason does.
ALLOWED_SKIPS = ("no Chromium on this machine", "no node-marked on this machine")
_unexpected_skips: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if os.environ.get("CI") or not any(allowed in reason for allowed in ALLOWED_SKIPS):
            _unexpected_skips.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _unexpected_skips and not hasattr(session.config, "workerinput"):
        print("\nSkips that are not allowed (tests/conftest.py ALLOWED_SKIPS; none in CI):")
        for line in _unexpected_skips:
            print(f"  {line}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config: pytest.Config) -> None:
    """The controller (or a run without xdist) names the one folder the session's main job runs in."""
    if not hasattr(config, "workerinput"):
        config.stash[_MADE_DIR] = Path(tempfile.mkdtemp(prefix="cse-made-"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # noqa: ANN001 — xdist's WorkerController
    """pytest-xdist: tell each worker that folder."""
    node.workerinput[_WORKER_KEY] = str(node.config.stash[_MADE_DIR])


def _made_dir(config: pytest.Config) -> Path:
    if hasattr(config, "workerinput"):
        return Path(config.workerinput[_WORKER_KEY])
    return config.stash[_MADE_DIR]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start each shared run (tests/made.py) that a collected test needs, now, and run those tests last, so the runs
    go on while the cheap tests do: whole files that need no run first (a worker given a file runs all of it, and
    would otherwise wait for a run half-way through), then the rest, their tests that need a run last. Every
    worker collects the same items and sorts them the same way.

    `make test` hands out whole files in this order (--dist loadfile --no-loadscope-reorder). Order is never needed
    for a test to pass (the Datasette and kernel tests run their event loop apart from the browser's:
    tests/event_loop.py), only for the workers to end together.

    Within each group, files marked `slow` go first, so that no worker is handed a long file while the other
    finishes and waits."""
    needs = [set(made_run.FIXTURES) & set(getattr(item, "fixturenames", ())) for item in items]
    for job in made_run.JOBS:
        if any(job.fixture in n for n in needs):
            made_run.start(job, _made_dir(config))
    run_files = {item.path for item, need in zip(items, needs, strict=True) if need}
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}

    def order(pair: tuple[pytest.Item, set[str]]) -> tuple[bool, bool, bool]:
        item, need = pair
        return item.path in run_files, item.path not in slow_files, bool(need)

    items[:] = [item for item, _ in sorted(zip(items, needs, strict=True), key=order)]


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and _MADE_DIR in config.stash:
        made_run.stop(config.stash[_MADE_DIR])
        shutil.rmtree(config.stash[_MADE_DIR], ignore_errors=True)


def _shared(request: pytest.FixtureRequest, job: made_run.Job) -> made_run.Made:
    result = made_run.wait(job, _made_dir(request.config))
    if result.returncode != 0:
        pytest.fail(f"`python -m analysis {' '.join(job.argv)}` failed (exit {result.returncode}):\n"
                    f"{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="session")
def made(request: pytest.FixtureRequest) -> made_run.Made:
    """`python -m analysis all` on a scratch copy of the project, run once for the session: read it, never change
    it (made_run.copy_of gives a private copy)."""
    return _shared(request, made_run.BY_FIXTURE["made"])


@pytest.fixture(scope="session")
def fresh(request: pytest.FixtureRequest) -> made_run.Made:
    """`python -m analysis notebooks --fresh`: every notebook in a kernel of its own, run once for the session."""
    return _shared(request, made_run.BY_FIXTURE["fresh"])


@pytest.fixture(scope="session")
def planted(request: pytest.FixtureRequest) -> made_run.Made:
    """`python -m analysis all` on a scratch copy whose raw prose carries planted markup (tests/planted.py)."""
    return _shared(request, made_run.BY_FIXTURE["planted"])


@pytest.fixture(scope="session")
def drawn_charts() -> DrawnCharts:
    return DrawnCharts()


SOURCES_YAML = textwrap.dedent("""\
    - id: demo-2017
      producer: Metropolitan Police Service
      title: Demo press release
      url_main: https://news.met.police.uk/demo
      date_published: 2017-03-13
      date_accessed: 2026-11-26
      kind: press release
      primary: true
      outlet: producer
      citation: Metropolitan Police Service, Demo press release, 13 March 2017.
""")

GOOD_ROW = {
    "figure_id": "demo-2017/referrals-2016",
    "measure": "cse_referrals",
    "subject": "CSE referrals",
    "geography": "London",
    "period_start": "2016-01-01",
    "period_end": "2016-12-31",
    "value_as_printed": "1,582",
    "unit": "referrals",
    "location": "para 2",
    "quote": "In 2016 there were 1,582 referrals.",
    "caveat": "",
}


def write_figures(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def mini(tmp_path: Path) -> Paths:
    """A minimal valid project: one source, one figure."""
    paths = Paths(tmp_path)
    paths.figures_dir.mkdir(parents=True)
    paths.sources_yaml.write_text(SOURCES_YAML, encoding="utf-8")
    write_figures(paths.figures_dir / "demo-2017.csv", [GOOD_ROW])
    return paths


@pytest.fixture
def real_copy(tmp_path: Path) -> Paths:
    """A copy of the real raw data and committed processed tables, safe to corrupt."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data", root / "data", ignore=shutil.ignore_patterns(".processed-*"))
    return Paths(root)


def chromium_path() -> str | None:
    """The system Chromium: $CHROMIUM, else the Debian/Ubuntu binary names on PATH."""
    candidates = [os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"]
    return next((shutil.which(c) for c in candidates if c and shutil.which(c)), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The system Chromium under Playwright, one per worker: defined once here, so no two test modules each start
    a sync Playwright (the second would find the first one's event loop running)."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium on this machine (install the Debian package: apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    """A one-table SQLite database for the Datasette attacks (what the server allows does not depend on the data)."""
    import sqlite3

    db = tmp_path / "cse.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t (x)")
    return db
