"""Runs shared by the whole test session: the main job (`made`), the notebooks in fresh kernels (`fresh`) and the
main job on raw data full of planted markup (`planted`), each run once, in the background, by whichever
pytest-xdist worker first needs it, and read by every test that needs it.

Why: the chart, workbook, page, notebook and pipeline tests all need what `make` writes. Each used to build it
itself (charts drawn five times per run, the notebooks three times), which was most of `make test`'s time. Now
`python -m analysis all --root <scratch copy>` runs once, starting as soon as collection finds a test that needs it,
while the cheap tests run; the tests that need a run are ordered last (conftest.py). What they check is therefore
exactly what `make` gives a user: the notebooks' own chart exports, the workbook built from them, the gallery and
report. The notebooks' proof that warm kernels change nothing compares `made` with `fresh`, so it costs one extra
run of the notebooks, not two.

The runs' folder is shared between workers: the controller names it (conftest.py), the first worker to need a run
starts it under an fcntl lock, and every worker waits for the exit-code file the run writes last. Tests only read a
run; a test that changes one works on a copy (`copy_of`). pytest-xdist's own `--dist loadgroup` could pin such tests
to one worker, but it does not work with pytest 9.2 (it renames `item._nodeid`, which pytest 9.2 no longer reads).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis.paths import PROJECT_ROOT
from tests.planted import plant

#: Longer than any main job on a slow CI machine; a run that takes longer has hung.
TIMEOUT_S = 900
_IGNORE = shutil.ignore_patterns(".processed-*", ".ipynb_checkpoints", "__pycache__")


@dataclass(frozen=True)
class Job:
    """A command (`python -m analysis <argv> --root <scratch project>`) and what the scratch project holds."""

    fixture: str
    argv: tuple[str, ...]
    copied: tuple[str, ...]  # copied from the repository
    linked: tuple[str, ...] = ()  # symlinked to the repository (read only)
    prepare: Callable[[Path], None] | None = None  # changes the scratch project before the run


JOBS = (
    # What `make` reads: the record (raw → processed is part of the job), the notebooks, the rules page's source.
    Job("made", ("all",), copied=("data", "notebooks", "docs")),
    # Every notebook in a kernel of its own, on the committed tables, laid out as `make` lays outputs/ out.
    Job("fresh", ("notebooks", "--fresh"), copied=("notebooks",), linked=("data",)),
    # What `make` writes when every prose field of data/raw carries markup (tests/planted.py, issue 24).
    Job("planted", ("all",), copied=("data", "notebooks", "docs"), prepare=plant),
)
BY_FIXTURE = {job.fixture: job for job in JOBS}
FIXTURES = tuple(BY_FIXTURE)


@dataclass(frozen=True)
class Made:
    """A finished run: its project root (→ outputs/), what it printed and its exit code."""

    root: Path
    stdout: str
    stderr: str
    returncode: int

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"


def _files(folder: Path) -> dict[str, Path]:
    return {name: folder / name for name in ("lock", "pid", "stdout", "stderr", "rc")}


def start(job: Job, base: Path) -> None:
    """Start `job` under `base` unless a worker already has (idempotent; returns at once: laying out the scratch
    project is part of the background run, so the worker that starts it goes on with its tests)."""
    folder = base / job.fixture
    folder.mkdir(parents=True, exist_ok=True)
    files = _files(folder)
    with files["lock"].open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if files["pid"].exists():
            return
        proc = subprocess.Popen([sys.executable, "-m", "tests.made", job.fixture, str(folder)], cwd=PROJECT_ROOT,
                                start_new_session=True, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        files["pid"].write_text(f"{proc.pid}\n")


def lay_out(job: Job, root: Path) -> None:
    """The scratch project a job runs on: copies and links of the repository's folders, then its own changes."""
    for name in job.copied:
        shutil.copytree(PROJECT_ROOT / name, root / name, ignore=_IGNORE)
    for name in job.linked:
        (root / name).symlink_to(PROJECT_ROOT / name, target_is_directory=True)
    if job.prepare is not None:
        job.prepare(root)


def run(job: Job, folder: Path) -> None:
    """The background run (`python -m tests.made <fixture> <folder>`): lay out the project, run the command, keep
    what it printed, and write its exit code last, via a rename, so a waiting worker never reads half of it."""
    files = _files(folder)
    root = folder / "project"
    with files["stdout"].open("w") as out, files["stderr"].open("w") as err:
        try:
            lay_out(job, root)
            code = subprocess.run([sys.executable, "-m", "analysis", *job.argv, "--root", str(root)],
                                  cwd=PROJECT_ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL).returncode
        except Exception as problem:  # noqa: BLE001 — any failure to lay out the project is the run's failure
            err.write(f"could not lay out {root}: {problem!r}\n")
            code = 1
    files["rc"].with_suffix(".tmp").write_text(f"{code}\n")
    files["rc"].with_suffix(".tmp").replace(files["rc"])


def wait(job: Job, base: Path) -> Made:
    """Start the run if needed, then wait for it to finish; the result whatever its exit code."""
    start(job, base)
    folder = base / job.fixture
    files = _files(folder)
    deadline = time.monotonic() + TIMEOUT_S
    while not files["rc"].exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{' '.join(job.argv)} in {folder} did not finish in {TIMEOUT_S} s")
        time.sleep(0.05)
    return Made(folder / "project", files["stdout"].read_text(), files["stderr"].read_text(),
                int(files["rc"].read_text()))


def stop(base: Path) -> None:
    """At the end of the session: stop runs still going (a subset of tests that started one and ended first)."""
    for job in JOBS:
        files = _files(base / job.fixture)
        if files["pid"].exists() and not files["rc"].exists():
            try:
                os.killpg(int(files["pid"].read_text()), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass


def copy_of(made: Made, dest: Path) -> Path:
    """A private copy of a run's project (stamps and outputs included) for a test that changes it."""
    shutil.copytree(made.root, dest, symlinks=True)
    return dest


if __name__ == "__main__":
    run(BY_FIXTURE[sys.argv[1]], Path(sys.argv[2]))
