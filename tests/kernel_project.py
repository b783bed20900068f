"""A small project for the stamp tests of the notebooks step (class 2 of issue 24): one notebook, one output, a
folder of lookups, and a step that runs kernels over it as the notebooks step does."""

from __future__ import annotations

from pathlib import Path

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
