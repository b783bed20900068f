"""A small project for the stamp tests of the notebooks step (class 2 of issue 24): one notebook, one output, a
folder of lookups, and a step that runs kernels over it as the notebooks step does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from analysis import paths
from analysis.run import pipeline


def kernel_project(tmp_path: Path, *, with_lookup: bool = True) -> tuple[Path, pipeline.Step]:
    """The project's root and its notebooks step; `with_lookup`: a lookup at `lookups/first_year.txt` ("2015")."""
    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    (root / "notebooks" / "02.py").write_text("# %%\nprint(1)\n", encoding="utf-8")
    (root / "out").mkdir()
    (root / "out" / "chart.csv").write_text("year\n2015\n", encoding="utf-8")
    (root / "lookups").mkdir()
    if with_lookup:
        (root / "lookups" / "first_year.txt").write_text("2015\n", encoding="utf-8")
    return root, pipeline.Step("notebooks", "", ("notebooks/*",), ("out/*",), kernels=True)


def stamp_after_run(root: Path, step: pipeline.Step, stamps: dict) -> None:
    """Stamp `step` as the runner does after a run that left its inputs as they were when it started."""
    before = (pipeline.input_hash(root, step), pipeline.touched(root, step))
    pipeline._finish(step, (0, 0.1, before, {}), root, stamps)


def run_as_kernel(root: Path, code: str, *, notebook: str | None = None, prefix: str = "",
                  capture: bool = False) -> None:
    """A Python started as the batch kernels are (the first line they run, after `prefix`), in notebooks/, running
    `code`; `notebook`: the runner's $CSE_DRAWN_IN, as while a notebook runs (None: as the kernel's own start does,
    before any notebook)."""
    env = {**os.environ, paths.READS_ENV: str(root / ".cache" / paths.KERNEL_READS_NAME)}
    env.pop(paths.DRAWN_IN_ENV, None)
    if notebook is not None:
        env[paths.DRAWN_IN_ENV] = notebook
    subprocess.run([sys.executable, "-c", f"{prefix}from analysis.run import kernels; kernels.record_reads()\n{code}"],
                   check=True, env=env, cwd=root / "notebooks", capture_output=capture)
