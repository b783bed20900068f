"""Builds that cannot break the next build (issue 18): one lock, folders unique to each build, faults in one line.

Each fault is made for real where the machine allows (a file or a read-only folder in place of data/processed,
three builds started together) and injected where it does not (a full disk, a mount point's EBUSY, Ctrl-C), by
running the command in a child Python that patches the one call that would fail. Every case asserts the exit
code, one line on stderr and no traceback, and data/processed (or the report files) byte for byte as before.
"""

# ruff: noqa: F811 — the shared fixtures `project` and `baseline` are imported, then requested by name
from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT, STAMPS_NAME, Paths
from analysis.run import lock, pipeline
from tests.test_bad_inputs import baseline, project, run_cli, snapshot  # noqa: F401 — fixtures

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

ROUNDS = int(os.environ.get("CSE_CONCURRENT_ROUNDS", "3"))


def _leftovers(paths: Paths) -> list[str]:
    return sorted(p.name for p in paths.processed.parent.glob(".processed-*"))


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


# --- the lock and concurrent builds -------------------------------------------------------------------------


def test_three_builds_started_together_leave_exactly_a_clean_build(project: Paths):
    """Set CSE_CONCURRENT_ROUNDS=50 for the long run (issue 18)."""
    clean = snapshot(project.processed)
    command = [sys.executable, "-m", "analysis", "build", "--root", str(project.root)]
    for round_ in range(ROUNDS):
        builds = [subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True) for _ in range(3)]
        results = [(*b.communicate(timeout=300), b.returncode) for b in builds]
        for _out, err, code in results:
            assert code == 0 and "Traceback" not in err, f"round {round_}: {err}"
        assert snapshot(project.processed) == clean, f"round {round_}: data/processed differs from a clean build"
        assert _leftovers(project) == [], f"round {round_}"


def test_a_second_build_waits_for_the_first_and_says_so(project: Paths):
    with lock.build_lock(project):
        waiting = subprocess.Popen([sys.executable, "-m", "analysis", "build", "--root", str(project.root)],
                                   cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_line = waiting.stderr.readline()
        assert "waiting for another build" in first_line
        assert waiting.poll() is None, "the second build did not wait"
    assert waiting.wait(timeout=300) == 0
    assert "Traceback" not in waiting.stderr.read()


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path):
    paths = Paths(tmp_path)
    with lock.build_lock(paths), lock.build_lock(paths):
        pass
    with lock.build_lock(paths):  # released: can be taken again
        pass


# --- data/processed that cannot be replaced -----------------------------------------------------------------


def test_processed_as_a_file_is_one_line_and_leaves_nothing_behind(project: Paths):
    import shutil

    shutil.rmtree(project.processed)
    project.processed.write_text("not a folder\n", encoding="utf-8")
    for _ in range(2):  # and the next build says the same, not something worse
        result = run_cli(project)
        assert result.returncode == 1
        assert "data/processed is a file, not a folder" in _one_line(result.stderr)
        assert project.processed.read_text(encoding="utf-8") == "not a folder\n"
        assert _leftovers(project) == []
    project.processed.unlink()
    assert run_cli(project).returncode == 0


def test_read_only_processed_is_one_line_and_leaves_nothing_behind(project: Paths):
    before = snapshot(project.processed)
    mode = project.processed.stat().st_mode
    project.processed.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        result = run_cli(project)
        assert result.returncode == 1
        assert "read-only" in _one_line(result.stderr)
        assert snapshot(project.processed) == before
        assert _leftovers(project) == []
    finally:
        project.processed.chmod(mode)
    assert run_cli(project).returncode == 0


PATCHED_BUILD = textwrap.dedent("""\
    import errno, os, sys
    from pathlib import Path
    from analysis import cli
    {patch}
    sys.exit(cli.main([sys.argv[1], "--root", sys.argv[2]]))
""")

MOUNT_POINT = "os.path.ismount = lambda p: str(p).endswith('/data/processed')"
EBUSY = textwrap.dedent("""\
    real_replace = os.replace
    def busy(src, dst):
        if str(src).endswith('/data/processed'):
            raise OSError(errno.EBUSY, 'Device or resource busy', str(src))
        return real_replace(src, dst)
    os.replace = busy""")
DISK_FULL = textwrap.dedent("""\
    real_write = Path.write_text
    def full(self, text, *args, **kwargs):
        if self.name == 'datapackage.json':
            real_write(self, text[:10], *args, **kwargs)
            raise OSError(errno.ENOSPC, 'No space left on device', str(self))
        return real_write(self, text, *args, **kwargs)
    Path.write_text = full""")
INTERRUPT = textwrap.dedent("""\
    import signal
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell's background job starts with SIGINT ignored
    from analysis.run import build
    real_render = build.render
    def render_then_ctrl_c(*args):
        os.kill(os.getpid(), signal.SIGINT)
        return real_render(*args)
    build.render = render_then_ctrl_c""")


def _patched(project: Paths, patch: str, command: str = "build") -> subprocess.CompletedProcess[str]:
    script = PATCHED_BUILD.format(patch=patch)
    return subprocess.run([sys.executable, "-c", script, command, str(project.root)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("patch", "words", "code"), [
    (MOUNT_POINT, "data/processed is a mount point", 1),
    (EBUSY, "could not write data/processed (Device or resource busy); the previous tables are unchanged", 1),
    (DISK_FULL, "could not write data/processed (No space left on device); the previous tables are unchanged", 1),
    (INTERRUPT, "interrupted", 130),
], ids=["mount point", "EBUSY on rename", "disk full", "SIGINT"])
def test_faults_while_replacing_processed_are_one_line_and_keep_the_previous_tables(project: Paths, patch, words,
                                                                                     code):
    before = snapshot(project.processed)
    row_file = sorted(project.figures_dir.glob("*.csv"))[0]
    row_file.write_text(row_file.read_text(encoding="utf-8").replace(",London,", ",London ,", 1), encoding="utf-8")
    result = _patched(project, patch)
    assert result.returncode == code, result.stderr
    assert words in _one_line(result.stderr)
    assert snapshot(project.processed) == before
    assert _leftovers(project) == []
    assert run_cli(project).returncode == 0  # and the next build is not broken by it


# --- the fact-check report: three files replaced together --------------------------------------------------

REPORT_DISK_FULL = textwrap.dedent("""\
    class Full:
        def __init__(self, handle): self.handle = handle
        def __enter__(self): return self
        def __exit__(self, *exc): self.handle.close()
        def write(self, text):
            if '@context' in text:  # the ClaimReview file, written last
                raise OSError(errno.ENOSPC, 'No space left on device')
            return self.handle.write(text)
    import io
    real_open = io.open  # os.fdopen and Path.write_text open through it: the same full disk either way
    def full_open(file, mode='r', *a, **k):
        handle = real_open(file, mode, *a, **k)
        return Full(handle) if 'w' in mode else handle
    io.open = full_open""")


def test_check_on_a_full_disk_keeps_the_previous_report_whole(project: Paths):
    outputs = ("factcheck.md", "factcheck.html", "claimreview.jsonld", "methods.html")
    assert run_cli(project, "check").returncode == 0
    before = {name: (project.outputs / name).read_bytes() for name in outputs}
    (project.outputs / "factcheck.md").write_bytes(b"previous run\n")
    before["factcheck.md"] = b"previous run\n"
    result = _patched(project, REPORT_DISK_FULL, "check")
    assert result.returncode == 1
    assert "could not write the report (No space left on device)" in _one_line(result.stderr)
    assert {name: (project.outputs / name).read_bytes() for name in outputs} == before
    assert sorted(p.name for p in project.outputs.iterdir()) == sorted(outputs)  # no temporary files left


# --- the main job: stamps and failed steps ------------------------------------------------------------------


@pytest.mark.parametrize("corrupt", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]", b'{"build": "x"}', None],
                         ids=["truncated", "not UTF-8", "a list", "wrong shape", "a folder"])
def test_an_unreadable_stamp_file_means_no_stamps(tmp_path: Path, corrupt: bytes | None):
    stamps = tmp_path / ".cache" / STAMPS_NAME
    stamps.parent.mkdir()
    if corrupt is None:
        stamps.mkdir()
    else:
        stamps.write_bytes(corrupt)
    assert pipeline._load_stamps(tmp_path) == {}


def test_the_pinned_libraries_and_the_package_code_are_inputs_of_every_step(tmp_path: Path):
    (tmp_path / "constraints.txt").write_text("pandas==2.3.3\n")
    (tmp_path / "analysis").mkdir()
    (tmp_path / "analysis" / "x.py").write_text("A = 1\n")
    before = {step.name: pipeline.content_hash(tmp_path, step.inputs) for step in pipeline.STEPS}
    (tmp_path / "constraints.txt").write_text("pandas==2.3.4\n")
    after_pin = {step.name: pipeline.content_hash(tmp_path, step.inputs) for step in pipeline.STEPS}
    (tmp_path / "analysis" / "x.py").write_text("A = 2\n")
    after_code = {step.name: pipeline.content_hash(tmp_path, step.inputs) for step in pipeline.STEPS}
    for name in before:
        assert before[name] != after_pin[name] != after_code[name], name


def test_a_failed_step_leaves_no_zero_length_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A disk that fills mid-step used to leave empty notebooks and PNGs under their real names."""
    step = pipeline.Step("draw", "fake", ("in/*",), ("out/*",))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("1\n")

    def fill_the_disk(step, paths, pool):  # noqa: ANN001
        (paths.root / "out").mkdir(exist_ok=True)
        (paths.root / "out" / "chart.png").write_bytes(b"")
        (paths.root / "out" / "whole.txt").write_text("complete\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline, "STEPS", (step,))
    monkeypatch.setattr(pipeline, "_run_step", fill_the_disk)
    assert pipeline.run(argparse.Namespace(root=tmp_path, force=False)) == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["whole.txt"]
    assert "draw" not in json.loads((tmp_path / ".cache" / STAMPS_NAME).read_text())


# --- spreadsheets: no live formula --------------------------------------------------------------------------


def _formula_cells(xlsx: Path) -> list[str]:
    """Every cell with a formula (`<f>`) in any worksheet of an .xlsx, read from the sheet XML itself."""
    import re
    import zipfile

    found = []
    with zipfile.ZipFile(xlsx) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = book.read(name).decode("utf-8")
                found += [f"{name}: {m.group(0)[:80]}" for m in re.finditer(r"<(?:\w+:)?f[\s>/]", xml)]
    return found


def test_no_workbook_made_by_make_contains_a_formula(tmp_path: Path):
    """The workbook `make` writes, from the committed tables (and any workbook already in outputs/)."""
    from analysis.publish import workbook

    made = workbook.build_workbook(tmp_path, workbook.load_tables(Paths()), {})
    books = [made, *Path(PROJECT_ROOT / "outputs").glob("*.xlsx")]
    for book in books:
        assert _formula_cells(book) == [], book


def test_chart_csvs_neutralise_formula_text_and_leave_numbers_alone(tmp_path: Path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from analysis.publish.export import write_chart

    class Meta:
        chart_id, title, alt_text, redraw = "demo", "Demo", "A demo", None
        data = pd.DataFrame({"label": ["=HYPERLINK(\"http://x\")", "+1", "London"], "value": [-5.0, 1.5, 2.0]})

        def sidecar(self) -> dict:
            return {"chart_id": self.chart_id}

    fig, ax = plt.subplots()
    files = write_chart(fig, Meta(), tmp_path / "demo")
    plt.close(fig)
    assert files["csv"].read_text(encoding="utf-8").splitlines() == [
        "label,value", "\"'=HYPERLINK(\"\"http://x\"\")\",-5", "'+1,1.5", "London,2"]


def test_no_text_cell_of_the_processed_tables_starts_a_formula():
    """Why processed CSVs are not neutralised (no apostrophe added): they are the canonical data, read by pandas
    and Frictionless, and must keep the published text exactly. The door refuses formula text in every raw field,
    so no text cell can start one; this checks that on the committed tables, typed by their data dictionary. A
    value as printed ('-' for not available, '-5%') is a number's wording, which the printed-figure parser reads."""
    import csv

    from analysis.record.hygiene import formula_like
    from analysis.record.printed import PrintedFigureError, parse_printed

    processed = PROJECT_ROOT / "data" / "processed"
    package = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    offending = []
    for resource in package["resources"]:
        text_columns = {f["name"] for f in resource["schema"]["fields"] if f["type"] == "string"}
        with (processed / resource["path"]).open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                for column in text_columns:
                    value = row.get(column) or ""
                    if not formula_like(value):
                        continue
                    try:
                        parse_printed(value)
                    except PrintedFigureError:
                        offending.append(f"{resource['path']}:{line}: {column}")
    assert offending == []
