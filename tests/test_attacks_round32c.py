"""Issue 24, round 32 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.made import Made, copy_of
from tests.raw_copy import corrected_referrals, run_on


def test_the_gallery_refuses_a_report_workbook_or_database_written_before_the_last_build(
        made: Made, tmp_path: Path) -> None:
    """An analyst corrects a figure in data/raw, then runs `build`, `notebooks` (which also draws the charts) and
    `gallery`, each a command of its own in the README, and uploads outputs/. The gallery checked the charts and
    the notebooks' copies (both current) and wrote its page under the new edition, exit 0, linking the fact-check
    report, the workbook and the database `make` had written before the correction: the report still gave 2,060.
    The gallery now refuses each and names the command that writes it again; after `check`, `workbook` and `db`
    it writes."""
    root = copy_of(made, tmp_path / "project")
    report = root / "outputs" / "factcheck.html"
    assert "2,061" not in report.read_text(encoding="utf-8")
    corrected_referrals(root)
    for command in ("build", "notebooks"):
        assert run_on(root, command, timeout=600).returncode == 0, command
    before = (root / "outputs" / "index.html").read_bytes()
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert ("outputs/factcheck.html was written from an earlier build of data/processed: run `python -m analysis "
            "check`") in result.stderr
    assert ("outputs/cse-figures.xlsx was written from an earlier build of data/processed: run `python -m analysis "
            "workbook`") in result.stderr
    assert ("outputs/cse.db was written from an earlier build of data/processed: run `python -m analysis db`"
            in result.stderr)
    assert (root / "outputs" / "index.html").read_bytes() == before  # nothing written
    assert run_on(root, "check").returncode == 0
    assert "2,061" in report.read_text(encoding="utf-8")
    result = run_on(root, "gallery")
    assert result.returncode == 2 and "factcheck.html" not in result.stderr and "cse-figures.xlsx" in result.stderr
    assert run_on(root, "workbook").returncode == 0
    result = run_on(root, "gallery")
    assert result.returncode == 2 and "cse-figures.xlsx" not in result.stderr and "cse.db" in result.stderr
    assert run_on(root, "db").returncode == 0
    result = run_on(root, "gallery")
    assert result.returncode == 0, result.stderr


def test_a_report_workbook_or_database_that_does_not_say_what_it_was_written_from_is_behind(
        made: Made, tmp_path: Path) -> None:
    """A report, workbook or database with no mark (written by another program, or by this one before it carried
    the mark) cannot show it holds the tables now, so the gallery does not link it as current; what `make` wrote
    does."""
    from analysis.paths import Paths
    from analysis.tables.load import outputs_behind

    root = copy_of(made, tmp_path / "project")
    paths = Paths(root)
    assert outputs_behind(root / "outputs", paths) == ""
    report = root / "outputs" / "factcheck.html"
    text = report.read_text(encoding="utf-8")
    start = text.index('<meta name="cse-figures-drawn-from"')
    report.write_text(text[:start] + text[text.index(">", start) + 1:], encoding="utf-8")
    (root / "outputs" / "cse-figures.xlsx").write_bytes(b"not a workbook")
    with sqlite3.connect(root / "outputs" / "cse.db") as db:  # as a database another program saved would be
        db.execute("pragma user_version = 0")
    line = outputs_behind(root / "outputs", paths)
    assert "outputs/factcheck.html was written from an earlier build" in line
    assert "outputs/cse-figures.xlsx was written from an earlier build" in line
    assert "outputs/cse.db was written from an earlier build" in line


def test_datasette_answers_a_mistyped_address_without_printing_every_local(tmp_path: Path) -> None:
    """`make serve` answered each error (a 404 for a mistyped address, "Statement must be a SELECT") by printing
    rich's traceback with every local variable, the database's metadata among them: about 700 lines and 0.4 to
    0.9 s of the server's one event loop each, so a handful of such requests from any page in the reader's browser
    kept every other query waiting. Served as `make serve` serves it, each error is now answered with its status
    and one line of the server's log."""
    import shutil
    import subprocess
    import sys
    import urllib.error
    import urllib.request

    from analysis.paths import DEFAULT, PROJECT_ROOT, Paths
    from tests.servers import first_json, free_port, stopped_after

    root = tmp_path / "project"
    shutil.copytree(DEFAULT.processed, Paths(root).processed)
    port = free_port()
    log = tmp_path / "serve.log"  # a file, not a pipe: a pipe left unread fills and stalls the server
    with log.open("w") as sink:
        process = subprocess.Popen([sys.executable, "-m", "analysis", "db", "--serve", "--port", str(port),
                                    "--root", str(root)], cwd=PROJECT_ROOT, stdout=sink, stderr=subprocess.STDOUT)
    statuses = []
    with stopped_after(process):
        answer = first_json(f"http://127.0.0.1:{port}/cse.json", process)
        assert answer is not None and answer["database"] == "cse"
        for address in ("/cse/figurse", "/cse.json?sql=pragma+x"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{address}", timeout=30)
            except urllib.error.HTTPError as err:
                statuses.append(err.code)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert statuses == [404, 400]
    assert "Traceback" not in output and "locals" not in output, output[:2000]
    assert len(output.splitlines()) < 40


def test_make_says_when_data_raw_changed_while_it_ran(
        made: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An analyst corrects a figure in data/raw while `make` runs (the notebooks take half a minute). The build had
    read the record already, so no output holds the correction; each step was stamped truly and the next `make`
    rebuilds, but this run ended with its results and nothing else, exit 0 (tried for real: the 2015 referrals
    corrected 3 s into the notebooks step; the fact-check listed kept the verdict the correction changes). The run
    now says so, last. The save is made here as the run lists its results, after every step ran."""
    import argparse

    from analysis.run import pipeline

    root = copy_of(made, tmp_path / "project")
    listed = pipeline.print_results

    def saved_meanwhile(paths: object) -> None:
        corrected_referrals(root)
        listed(paths)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "print_results", saved_meanwhile)
    assert pipeline.run(argparse.Namespace(root=root, force=False)) == 0
    said = capsys.readouterr()
    assert "results:" in said.out
    assert ("note: data/processed was built before data/raw/figures/standard-2016-cse-referrals.csv changed: run "
            "`python -m analysis build` (or `make`)") in said.err
    assert "the outputs listed above hold the record as the build read it" in said.err


def test_make_with_nothing_edited_adds_no_note(
        made: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The guard: a run with data/raw untouched says nothing more than its steps and results."""
    import argparse

    from analysis.run import pipeline

    root = copy_of(made, tmp_path / "project")
    assert pipeline.run(argparse.Namespace(root=root, force=False)) == 0
    assert "note:" not in capsys.readouterr().err
