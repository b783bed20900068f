"""Issue 24, round 50 (helper r50b): stamps that cannot lie (class 2), attacked through what a notebook looks for and
does not find: an optional lookup outside the folders the notebooks step's patterns name (a desk's
`lookups/first_year.txt` at the checkout's top, a folder of exclusions outside it), absent when `make` ran the
notebooks and made afterwards. The kernels noted only what they found, so the step was stamped without it and the
next `make` said "notebooks: unchanged, skipped" with the charts drawn without it. Class 1 (markup from the record)
was attacked with new carriers in every prose field of data/raw (Markdown autolinks and images with `javascript:`,
an `<a href="javascript:…">`, a `<style>` with `url(…)`, SVG `<foreignObject>` with an `<iframe srcdoc>`, a MathML
mutation vector) and checked in Chromium: it held (see /work/round50-r50b.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.run import pipeline
from tests.kernel_project import kernel_project, run_as_kernel, stamp_after_run

#: What the runner sets while a notebook runs ($CSE_DRAWN_IN): a notebook, not the kernel's own start.
IN_NOTEBOOK_02 = '{"notebook": "02"}'


@pytest.mark.parametrize("code", [
    "try:\n    first = int(open('../lookups/first_year.txt').read())\nexcept FileNotFoundError:\n    first = 2015",
    "import pathlib\ntry:\n    first = int(pathlib.Path('../lookups/first_year.txt').read_text())\n"
    "except OSError:\n    first = 2015",
    "import pandas as pd\ntry:\n    first = int(pd.read_csv('../lookups/first_year.txt', header=None)[0][0])\n"
    "except FileNotFoundError:\n    first = 2015",
    "import os\nlookup = '../lookups/first_year.txt'\n"
    "first = int(open(lookup).read()) if os.path.exists(lookup) else 2015",
    "from pathlib import Path\nlookup = Path('../lookups/first_year.txt')\n"
    "first = int(lookup.read_text()) if lookup.is_file() else 2015",
])
def test_a_lookup_a_notebook_looked_for_and_did_not_find_is_in_the_notebooks_stamp(tmp_path: Path, code: str) -> None:
    """Notebook 02 took the first year it charts from `../lookups/first_year.txt` when the desk kept one, else
    2015. `make` with none (the chart from 2015), then the lookup made with 2016, then `make`: "notebooks:
    unchanged, skipped", the chart still from 2015, exit 0. The kernels' hook saw the notebook open the path, but
    noted only files it could read; and asked first (`os.path.exists`, `Path.is_file`), the path raised no audit
    event at all. Either way the stamp named nothing of it."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    run_as_kernel(root, code, notebook=IN_NOTEBOOK_02)
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "lookups/first_year.txt" in stamps["notebooks"][pipeline.READ]
    assert pipeline.is_current(root, step, stamps)  # still none: nothing to redo
    (root / "lookups" / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_a_folder_a_notebook_listed_before_it_was_made_is_in_the_notebooks_stamp(tmp_path: Path) -> None:
    """Notebook 02 left out the years a desk's folder of exclusions names (`for f in os.listdir('../lookups/
    exclude')`, none when the folder is not there). The folder made afterwards, with one file: `make` said
    "notebooks: unchanged, skipped"."""
    root, step = kernel_project(tmp_path)
    run_as_kernel(root, "import os\ntry:\n    os.listdir('../lookups/exclude')\nexcept FileNotFoundError:\n    pass",
                  notebook=IN_NOTEBOOK_02)
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.is_current(root, step, stamps)
    (root / "lookups" / "exclude").mkdir()
    (root / "lookups" / "exclude" / "2014.txt").write_text("2014\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_a_lookup_made_while_the_notebooks_ran_leaves_the_step_unstamped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lookup saved (from another window) after notebook 02 looked for it, before the step ended: the chart was
    drawn without it, so the step is not stamped, and says so."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    run_as_kernel(root, "import contextlib\nwith contextlib.suppress(FileNotFoundError):\n"
                        "    open('../lookups/first_year.txt').read()", notebook=IN_NOTEBOOK_02)
    (root / "lookups" / "first_year.txt").write_text("2016\n", encoding="utf-8")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" not in stamps
    assert "first_year.txt" in capsys.readouterr().out


def test_the_guard_what_the_kernel_s_own_start_looks_for_is_not_a_notebook_s_read(tmp_path: Path) -> None:
    """What a kernel looks for as it starts, before any notebook (a library's optional config file, a font cache not
    yet written), is the environment's: not noted, so the step is stamped as before and the next `make` skips it
    (were such a file noted absent, its first writing would run the notebooks again once for nothing)."""
    root, step = kernel_project(tmp_path)
    run_as_kernel(root, "import contextlib\nwith contextlib.suppress(FileNotFoundError):\n"
                        "    open('../lookups/libraryrc').read()")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.READ not in stamps["notebooks"]
    (root / "lookups" / "libraryrc").write_text("x\n", encoding="utf-8")
    assert pipeline.is_current(root, step, stamps)


def test_the_guard_a_path_looked_for_in_a_folder_the_step_s_patterns_walk_is_left_to_them(tmp_path: Path) -> None:
    """IPython asks whether every Markdown text a notebook displays is a file's name (`Markdown("**1. Recorded
    offences**")` is looked for in notebooks/), and the export asks for a chart's folder before it first makes it.
    What comes and goes in notebooks/, data/ or outputs/ the step's own patterns see: not in the stamp's reads, so a
    chart folder made by the run does not leave the step unstamped."""
    root, step = kernel_project(tmp_path)
    run_as_kernel(root, "import os\nos.path.exists('**1. Recorded offences**'); os.path.isdir('../out/new-chart')",
                  notebook=IN_NOTEBOOK_02)
    (root / "out" / "new-chart").mkdir()
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.READ not in stamps["notebooks"]
