"""The main job's step runner: a step runs when its inputs or outputs differ from what its last run saw and left,
and only then; stamps survive removing outputs/ (they live in .cache/)."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT, STAMPS_NAME, WORKBOOK_NAME
from analysis.record import clock
from analysis.record.clock import LATEST_TIME_ZONE
from analysis.run import pipeline
from tests.made import Made, copy_of


def _fake_steps(root: Path) -> tuple[pipeline.Step, ...]:
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text("1\n")
    return (
        pipeline.Step("first", "fake", ("in/*",), ("mid/*",)),
        pipeline.Step("second", "fake", ("mid/*",), ("out/*",)),
    )


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """Two steps, first → mid/ → second → out/, each copying its input's bytes; records which ran."""
    steps = _fake_steps(tmp_path)
    ran: list[str] = []

    def run_step(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        assert pool is None, "no kernels for steps that need none"
        ran.append(step.name)
        src, dst = ("in", "mid") if step.name == "first" else ("mid", "out")
        (paths.root / dst).mkdir(exist_ok=True)
        source = paths.root / src / ("a.txt" if src == "in" else "x.txt")
        (paths.root / dst / "x.txt").write_bytes(source.read_bytes())
        return 0

    monkeypatch.setattr(pipeline, "STEPS", steps)
    monkeypatch.setattr(pipeline, "_run_step", run_step)
    return tmp_path, ran


def _run(root: Path, force: bool = False) -> int:
    return pipeline.run(argparse.Namespace(root=root, force=force))


def test_runs_everything_first_then_nothing(fake: tuple[Path, list[str]]) -> None:
    root, ran = fake
    assert _run(root) == 0 and ran == ["first", "second"]
    ran.clear()
    assert _run(root) == 0 and ran == []
    assert (root / ".cache" / STAMPS_NAME).is_file()


def test_a_changed_input_reruns_its_step_and_the_steps_it_feeds(fake: tuple[Path, list[str]]) -> None:
    root, ran = fake
    _run(root)
    ran.clear()
    (root / "in" / "a.txt").write_text("2\n")
    assert _run(root) == 0 and ran == ["first", "second"]
    assert (root / "out" / "x.txt").read_text() == "2\n"


def test_an_input_edited_while_its_step_runs_leaves_the_step_unstamped(
        fake: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The step read "1"; the file says "2" by the time it ends. Stamping it then would record outputs made from
    "1" as current for "2": the next run would skip it and leave them stale."""
    root, ran = fake
    real = pipeline._run_step

    def edited_mid_run(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        code = real(step, paths, pool)
        if step.name == "first" and len(ran) == 1:
            (root / "in" / "a.txt").write_text("2\n")  # saved while the step was running
        return code

    monkeypatch.setattr(pipeline, "_run_step", edited_mid_run)
    assert _run(root) == 0
    assert "first: done" in capsys.readouterr().out
    ran.clear()
    assert _run(root) == 0 and ran[:1] == ["first"], "the step must run again"
    assert (root / "mid" / "x.txt").read_text() == "2\n"


def test_same_bytes_rewritten_reruns_nothing(fake: tuple[Path, list[str]]) -> None:
    """Content, not file times: rewriting a file with the same bytes (a fresh clone, a checkout) is no change."""
    root, ran = fake
    _run(root)
    ran.clear()
    (root / "in" / "a.txt").write_text("1\n")
    assert _run(root) == 0 and ran == []


def test_a_deleted_or_edited_output_is_remade(fake: tuple[Path, list[str]]) -> None:
    root, ran = fake
    _run(root)
    ran.clear()
    shutil.rmtree(root / "out")
    assert _run(root) == 0 and ran == ["second"]
    ran.clear()
    (root / "out" / "x.txt").write_text("edited by hand\n")
    assert _run(root) == 0 and ran == ["second"]
    assert (root / "out" / "x.txt").read_text() == "1\n"


def test_an_output_replaced_by_a_link_to_the_same_bytes_is_remade(fake: tuple[Path, list[str]]) -> None:
    """A link to an identical copy outside the project has the output's bytes, but it is not the output: the
    copy can change or go without any step seeing it, and an upload of outputs/ publishes a link. So the step
    that writes it reruns (its real writers then put a regular file back: the end-to-end test below)."""
    root, ran = fake
    _run(root)
    ran.clear()
    elsewhere = root.parent / f"{root.name}-elsewhere.txt"
    shutil.copyfile(root / "out" / "x.txt", elsewhere)
    (root / "out" / "x.txt").unlink()
    (root / "out" / "x.txt").symlink_to(elsewhere)
    assert _run(root) == 0 and ran == ["second"]


def test_a_step_that_fails_part_way_leaves_no_output_of_an_earlier_run(
        fake: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Five notebooks remade their charts and the sixth failed: its chart, from last week's figures, sat beside
    this week's with nothing to tell them apart. A step that remade some outputs and failed removes the ones it
    did not remake; one that failed before writing anything keeps its last complete set."""
    root, ran = fake
    real = pipeline._run_step

    def two_outputs(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        code = real(step, paths, pool)
        if step.name == "second":
            (paths.root / "out" / "y.csv").write_text("earlier\n")
        return code

    monkeypatch.setattr(pipeline, "_run_step", two_outputs)
    assert _run(root) == 0
    (root / "in" / "a.txt").write_text("2\n")
    monkeypatch.setattr(pipeline, "_run_step", lambda step, paths, pool: 1)  # fails, writing nothing
    assert _run(root) == 1
    assert sorted(p.name for p in (root / "out").iterdir()) == ["x.txt", "y.csv"]

    def fails_after_one(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        return real(step, paths, pool) or (1 if step.name == "second" else 0)  # x.txt remade, y.csv not

    monkeypatch.setattr(pipeline, "_run_step", fails_after_one)
    capsys.readouterr()
    assert _run(root) == 1
    assert [p.name for p in (root / "out").iterdir()] == ["x.txt"]
    assert (root / "out" / "x.txt").read_text() == "2\n"
    said = capsys.readouterr().out
    assert "second: removed y.csv from out/: made by an earlier run and not remade by this one" in said, said


def test_force_runs_everything(fake: tuple[Path, list[str]]) -> None:
    root, ran = fake
    _run(root)
    ran.clear()
    assert _run(root, force=True) == 0 and ran == ["first", "second"]


def test_a_failed_step_stops_the_job_and_is_not_stamped(fake: tuple[Path, list[str]],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root, ran = fake
    monkeypatch.setattr(pipeline, "_run_step", lambda step, paths, pool: 1)
    assert _run(root) == 1
    assert not (root / "mid").exists()
    stamps = (root / ".cache" / STAMPS_NAME).read_text()
    assert "first" not in stamps


class _Steps:
    """Fake steps shaped like the real ones, build → (db alongside notebooks) → gallery, on a fake kernel pool:
    each writes its folder and records when it started and ended; `fail` names a step that exits 3."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch, fail: str = "") -> None:
        from analysis.run import notebooks as run_notebooks

        (root / "in").mkdir(exist_ok=True)
        (root / "in" / "a.txt").write_text("1\n")
        self.root, self.fail, self.events, self.pools = root, fail, [], []
        self.db_done, self.notebooks_started = threading.Event(), threading.Event()
        monkeypatch.setattr(pipeline, "STEPS", (
            pipeline.Step("build", "fake", ("in/*",), ("data/*",)),
            pipeline.Step("db", "fake", ("data/*",), ("db/*",)),
            pipeline.Step("notebooks", "fake", ("data/*",), ("nb/*",)),
            pipeline.Step("gallery", "fake", ("nb/*", "db/*"), ("site/*",))))
        monkeypatch.setattr(pipeline, "_run_step", self.run_step)
        monkeypatch.setattr(run_notebooks, "start_pool", self.start_pool)

    def start_pool(self, paths: object) -> object:
        pool = argparse.Namespace(size=2, closed=False)
        pool.close = lambda: setattr(pool, "closed", True)
        pool.stop_kernels = lambda: None
        self.pools.append(pool)
        return pool

    def run_step(self, step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        self.events.append(f"{step.name} starts")
        # The db step waits until the notebooks have started, and the notebooks until the db step is done: both
        # waits end at once only if the two run at the same time (bounded, so a runner that does not fails).
        if step.name == "notebooks":
            assert pool is self.pools[-1]
            self.notebooks_started.set()
            self.db_done.wait(timeout=10)
        else:
            assert pool is None
            print(f"{step.name}: working")
        if step.name == "db" and self.pools and not self.pools[-1].closed:  # kernels were started for this run
            running = self.notebooks_started.wait(timeout=10)
            self.events.append("notebooks running meanwhile" if running else "notebooks not running meanwhile")
        folder = self.root / {"build": "data", "db": "db", "notebooks": "nb", "gallery": "site"}[step.name]
        folder.mkdir(exist_ok=True)
        (folder / "x.txt").write_text(step.name)
        if step.name == "db":
            self.db_done.set()
        self.events.append(f"{step.name} ends")
        return 3 if step.name == self.fail else 0


def test_steps_that_do_not_touch_the_notebooks_run_while_they_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    steps = _Steps(tmp_path, monkeypatch)
    assert _run(tmp_path) == 0
    assert "notebooks running meanwhile" in steps.events
    assert steps.events.index("db ends") < steps.events.index("notebooks ends")
    assert steps.events[-2:] == ["gallery starts", "gallery ends"] and steps.pools[0].closed
    out = capsys.readouterr().out
    # Each step's lines together, in the steps' order, whatever ran at the same time.
    said = [line.split(":")[0] + (" done" if "done in" in line else "") for line in out.splitlines()
            if line.split(":")[0] in ("build", "db", "notebooks", "gallery") and "starting" not in line]
    assert said == ["build", "build done", "db", "db done", "notebooks done", "gallery", "gallery done"], out


def test_a_step_that_fails_beside_the_notebooks_stops_the_job_after_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    steps = _Steps(tmp_path, monkeypatch, fail="db")
    assert _run(tmp_path) == 3
    assert "notebooks ends" in steps.events and "gallery starts" not in steps.events
    assert steps.pools[0].closed
    out = capsys.readouterr().out
    assert "db: failed (exit 3)" in out
    # The notebooks ran beside it and wrote their files: the failure line must not say they "did not run".
    failed = next(line for line in out.splitlines() if line.startswith("db: failed"))
    assert "notebooks" not in failed and "gallery" in failed
    assert "notebooks: ran alongside, but not stamped" in out
    stamps = (tmp_path / ".cache" / STAMPS_NAME).read_text()
    assert '"build"' in stamps and '"db"' not in stamps and '"notebooks"' not in stamps


def test_a_step_beside_the_notebooks_reruns_alone_and_starts_no_kernel(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    steps = _Steps(tmp_path, monkeypatch)
    assert _run(tmp_path) == 0
    steps.events.clear()
    shutil.rmtree(tmp_path / "db")
    assert _run(tmp_path) == 0
    assert steps.events == ["db starts", "db ends"]  # the gallery reads db/ but it came back byte for byte
    assert len(steps.pools) == 1  # only the first run started kernels


def test_main_job_end_to_end_then_no_op(made: Made, tmp_path: Path) -> None:
    """The real steps on a copy of the project (the session's shared run, tests/made.py): everything ran once;
    a rerun skips every step and starts no kernel; removing an output reruns the step that writes it and nothing
    else (the gallery, which reads the workbook, is skipped because the workbook came back byte for byte)."""
    for name in ("build", "db", "check", "notebooks", "workbook", "gallery"):
        assert f"{name}: done" in made.stdout
    assert "kernels" in made.stdout
    assert "gallery   outputs/index.html" in made.stdout.split("results:")[-1]  # where the results are, last
    assert sorted(p.name for p in (made.outputs / "charts").iterdir()) == sorted(pipeline_chart_ids())
    root = copy_of(made, tmp_path / "project")
    cmd = [sys.executable, "-m", "analysis", "all", "--root", str(root)]
    again = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    # The build's stamp holds the date the record is judged by (`clock.today_anywhere`, UTC+14's), so it reruns
    # once a day, at 10:00 UTC: when the shared run was stamped on the day before, the build alone runs again.
    built = (made.root / "data" / "processed" / "datapackage.json").stat().st_mtime  # as the build wrote it
    stamped = dt.datetime.fromtimestamp(built, LATEST_TIME_ZONE)
    rolled = stamped.date() != clock.today_anywhere()
    assert again.stdout.count("unchanged, skipped") == len(pipeline.STEPS) - rolled, again.stdout
    assert rolled == ("build: done" in again.stdout), again.stdout
    assert "kernels" not in again.stdout  # a no-op starts no kernel
    (root / "outputs" / WORKBOOK_NAME).unlink()  # the workbook step's output
    third = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert third.returncode == 0, third.stderr
    skipped = ("build", "db", "check", "notebooks", "gallery")
    assert all(f"{name}: unchanged, skipped" in third.stdout for name in skipped), third.stdout
    assert "workbook: done" in third.stdout
    assert "kernels" not in third.stdout
    assert (root / "outputs" / WORKBOOK_NAME).read_bytes() == (made.outputs / WORKBOOK_NAME).read_bytes()
    # The workbook replaced by a link to an identical copy outside the project: remade as a regular file, the
    # copy left as it was.
    elsewhere = tmp_path / "elsewhere.xlsx"
    shutil.copyfile(made.outputs / WORKBOOK_NAME, elsewhere)
    (root / "outputs" / WORKBOOK_NAME).unlink()
    (root / "outputs" / WORKBOOK_NAME).symlink_to(elsewhere)
    fourth = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert fourth.returncode == 0, fourth.stderr
    assert "workbook: done" in fourth.stdout and "gallery: unchanged, skipped" in fourth.stdout, fourth.stdout
    assert not (root / "outputs" / WORKBOOK_NAME).is_symlink()
    assert (root / "outputs" / WORKBOOK_NAME).read_bytes() == elsewhere.read_bytes()


def pipeline_chart_ids() -> tuple[str, ...]:
    from analysis.paths import CHART_IDS

    return CHART_IDS


def test_notebooks_are_handed_out_longest_first_by_the_last_run(tmp_path: Path) -> None:
    from analysis.run import notebooks as run_notebooks

    sources = [tmp_path / f"0{i}_x.ipynb" for i in range(1, 5)]
    timings = tmp_path / "seconds.json"
    assert run_notebooks.longest_first(sources, timings) == sources  # nothing recorded: reading order
    timings.write_text('{"01_x": 1.0, "02_x": 3.5, "03_x": 2.0}')
    order = [p.stem for p in run_notebooks.longest_first(sources, timings)]
    assert order == ["04_x", "02_x", "03_x", "01_x"]  # never timed first, then longest first
    timings.write_text("not json")
    assert run_notebooks.longest_first(sources, timings) == sources


def test_never_timed_notebooks_go_largest_first(tmp_path: Path) -> None:
    """On a fresh clone nothing is timed: the largest notebook, the best guess of the longest, goes first. (The
    project's largest, 06_national_picture, is also the one that takes longest; in reading order it went last.)"""
    from analysis.run import notebooks as run_notebooks

    sources = []
    for name, size in (("01_a", 10), ("02_b", 30), ("03_c", 10), ("04_d", 20)):
        sources.append(tmp_path / f"{name}.ipynb")
        sources[-1].write_text("x" * size)
    order = [p.stem for p in run_notebooks.longest_first(sources, tmp_path / "never-written.json")]
    assert order == ["02_b", "04_d", "01_a", "03_c"]
    real = run_notebooks.notebook_sources(PROJECT_ROOT / "notebooks")
    assert run_notebooks.longest_first(real, None)[0].stem == "06_national_picture"


def _inputs_of(step: pipeline.Step) -> set[str]:
    return {p.relative_to(PROJECT_ROOT).as_posix() for pattern in step.inputs for p in PROJECT_ROOT.glob(pattern)}


def test_editing_a_chart_reruns_the_charts_not_the_build() -> None:
    """Each step's inputs are the code it runs: a chart module is an input of the notebooks (which draw it), the
    workbook and the gallery, and of nothing that builds or checks the record."""
    chart = "analysis/publish/charts/met_cse_series.py"
    affected = {step.name for step in pipeline.STEPS if chart in _inputs_of(step)}
    assert affected == {"notebooks", "workbook", "gallery"}
    rule = "analysis/record/vocabulary.py"  # the rule book: everything reads figures through it
    assert {step.name for step in pipeline.STEPS if rule in _inputs_of(step)} == {s.name for s in pipeline.STEPS}


@pytest.mark.parametrize("step", pipeline.STEPS, ids=lambda s: s.name)
def test_every_module_a_step_imports_is_one_of_its_inputs(step: pipeline.Step) -> None:
    """A module a step runs but does not list would be edited without the step rerunning: stale outputs."""
    import subprocess
    import sys

    code = (f"import importlib, sys; importlib.import_module({step.module!r}); "
            "print('\\n'.join(m.__file__ for n, m in list(sys.modules.items()) "
            "if n.startswith('analysis') and getattr(m, '__file__', None)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          check=True, timeout=120)
    files = {Path(f).resolve().relative_to(PROJECT_ROOT).as_posix() for f in done.stdout.split()}
    assert files and files <= _inputs_of(step), sorted(files - _inputs_of(step))


def test_the_results_say_when_links_point_at_the_placeholder_site(monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """With CSE_SITE_URL unset, the gallery's embed code and ClaimReview point at https://cse-figures.example.org/,
    and `make` said nothing: a reporter pasting the embed code published dead links."""
    from analysis.paths import DEFAULT
    from analysis.run.pipeline import print_results

    monkeypatch.delenv("CSE_SITE_URL", raising=False)
    print_results(DEFAULT)
    assert "note: absolute links in these files start from the placeholder https://cse-figures.example.org/; " \
           "set CSE_SITE_URL" in capsys.readouterr().out
    monkeypatch.setenv("CSE_SITE_URL", "https://news.example.com/cse/")
    print_results(DEFAULT)
    assert "placeholder" not in capsys.readouterr().out
