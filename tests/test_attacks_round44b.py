"""Issue 24, round 44 (helper r44b): stamps that cannot lie (class 2), attacked through the notebooks that draw the
charts. `make` reruns the notebooks when a notebook or any file beside it in notebooks/ changes (a helper module it
imports, a lookup CSV it reads), but the outputs named only the notebook a copy ran from, and a chart named no
notebook at all: a notebook's chart call edited (the notebooks invite an analyst to change the selection), or a
helper beside it edited, then `workbook` or `gallery` alone published the charts and copies as the other notebook
drew them, exit 0; and `notebooks`, then `charts` (which draws from the chart modules, not the notebooks), then
`gallery` published one chart on the page and another in the notebook's page beside it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from analysis.paths import CHART_IDS, Paths, notebook_stems
from analysis.tables import load
from tests.made import Made, copy_of
from tests.raw_copy import run_on

NOTEBOOK = "02_met_cse_series"
#: The chart call of notebook 02 as shipped, and as an analyst changes it to take the series through a helper of
#: their own beside the notebooks (in the .py and, JSON-quoted, in the .ipynb).
CALL = ("fig, meta = charts.met_cse_series_chart(series, figures, claims)",
        "import deskhelp\nfig, meta = charts.met_cse_series_chart(deskhelp.chosen(series), figures, claims)")
HELPER = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return {}\n'


def _edit_notebook(root: Path) -> None:
    """Both files of notebook 02's pair, as JupyterLab with jupytext saves them."""
    for suffix in (".py", ".ipynb"):
        path = root / "notebooks" / f"{NOTEBOOK}{suffix}"
        text = path.read_text(encoding="utf-8")
        old, new = CALL if suffix == ".py" else (json.dumps(CALL[0])[1:-1], json.dumps(CALL[1])[1:-1].replace(
            "\\n", '\\n",\n    "'))
        assert text.count(old) == 1, path
        path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_notebook_or_a_helper_beside_it_edited_stops_the_workbook_and_gallery_alone(
        made: Made, tmp_path: Path) -> None:
    """Notebook 02 changed to pass its chart the series through `deskhelp.chosen` (a module of the analyst's
    beside it), then `workbook` alone: it published chart 2 as the notebook before the edit drew it, exit 0. After
    `notebooks`, the helper edited to keep only the years from 2015, then `workbook` and `gallery` alone: both
    published the chart and the copies the old helper made, exit 0, while `make` would have run the notebooks
    again. Each chart a notebook's run exports now names that notebook and the files beside it, as each copy does."""
    root = copy_of(made, tmp_path / "project")
    helper = root / "notebooks" / "deskhelp.py"
    helper.write_text(HELPER.format("frame"), encoding="utf-8")
    _edit_notebook(root)
    refused = run_on(root, "workbook")
    assert refused.returncode == 2, refused.stderr
    assert "met-cse-series" in refused.stderr and "drawn by another version of a notebook" in refused.stderr
    ran = run_on(root, "notebooks", timeout=600)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    sidecar = json.loads((root / "outputs/charts/met-cse-series/met-cse-series.json").read_text(encoding="utf-8"))
    assert sidecar[load.DRAWN_IN]["notebook"] == NOTEBOOK
    for command in ("workbook", "gallery"):
        written = run_on(root, command)
        assert written.returncode == 0, written.stderr
    helper.write_text(HELPER.format('frame[frame["period_start"].str[:4] >= "2015"]'), encoding="utf-8")
    page = root / "outputs" / "index.html"
    before = page.read_bytes()
    for command in ("workbook", "gallery"):
        refused = run_on(root, command)
        assert refused.returncode == 2, refused.stderr
        assert "notebooks/" in refused.stderr and "`python -m analysis notebooks`" in refused.stderr, refused.stderr
    assert page.read_bytes() == before
    assert run_on(root, "notebooks", timeout=600).returncode == 0
    # the notebooks drew chart 2 again, but wrote no workbook: its chart sheet is written again before the page
    # (round 45b, tests/test_attacks_round45b.py)
    assert run_on(root, "workbook").returncode == 0
    assert run_on(root, "gallery").returncode == 0


def test_a_chart_no_notebook_s_copy_shows_is_not_published_by_the_gallery(made: Made, tmp_path: Path) -> None:
    """Notebook 02 draws its chart from a selection of its own (the years from 2015, through its helper), then
    `notebooks`, then `charts` (the README's "draw the charts without the notebooks": from the chart module, every
    year), then `gallery`: the page published the module's chart beside the notebook's page showing the notebook's,
    exit 0. The gallery now asks that every chart it publishes is one a copy shows, byte for byte."""
    root = copy_of(made, tmp_path / "project")
    (root / "notebooks" / "deskhelp.py").write_text(
        HELPER.format('frame[frame["period_start"].str[:4] >= "2015"]'), encoding="utf-8")
    _edit_notebook(root)
    for command in ("notebooks", "charts"):
        ran = run_on(root, command, timeout=600)
        assert ran.returncode == 0, ran.stdout + ran.stderr
    refused = run_on(root, "gallery")
    assert refused.returncode == 2, refused.stderr
    assert ("the charts in outputs/charts/ (met-cse-series) are not the ones the notebooks' copies in "
            "outputs/notebooks/ show") in refused.stderr
    paths = Paths(root)
    assert "met-cse-series" in load.charts_not_shown(CHART_IDS, paths.outputs / "charts", paths.outputs /
                                                     "notebooks", notebook_stems(paths.notebooks), paths)


def test_the_files_beside_the_notebooks_are_what_the_notebooks_step_reads_less_the_notebooks(
        made: Made, tmp_path: Path) -> None:
    """The guard: the files a copy's and a chart's notebook mark hashes are inputs of the notebooks step, so no
    edit `make` reruns nothing for makes an output "drawn by another version of a notebook"."""
    from analysis.paths import beside_notebooks
    from analysis.run import pipeline

    root = copy_of(made, tmp_path / "project")
    folder = root / "notebooks"
    for name in ("deskhelp.py", "lookup/boroughs.csv", ".ipynb_checkpoints/x.ipynb", "a.py~", "__pycache__/x.pyc"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x\n", encoding="utf-8")
    step = next(step for step in pipeline.STEPS if step.name == "notebooks")
    inputs = set(pipeline._files(root, step.inputs))
    beside = beside_notebooks(folder)
    # named from notebooks/, as a notebook reads them: data/'s files beside the tables too (round 46b)
    assert {Path(os.path.relpath(path, folder)).as_posix() for path in beside} >= {"deskhelp.py", "lookup/boroughs.csv",
                                                                                   "../data/README.md"}
    assert set(beside) <= inputs
    assert not any(path.name in ("x.ipynb", "a.py~", "x.pyc") for path in beside)


def test_a_module_at_the_checkout_s_top_edited_stops_the_workbook_and_gallery_alone(
        made: Made, tmp_path: Path) -> None:
    """The kernels have the checkout on their path, so a notebook imports a desk's helper kept at its top
    (`deskhelp.py` beside pyproject.toml; `make`'s stamps count such a module as code and rerun every step): edited
    to keep only the years from 2016, then `gallery` and `workbook` alone published chart 2 and the copies as the
    old helper made them, exit 0. The code mark now covers the checkout's top-level modules as the stamps do."""
    from tests.test_attacks_round43b import _checkout, _run_in

    root = _checkout(made, tmp_path / "project")
    assert _run_in(root, "gallery").returncode == 0
    (root / "deskhelp.py").write_text(HELPER.format('frame[frame["period_start"].str[:4] >= "2016"]'),
                                      encoding="utf-8")
    for command in ("gallery", "workbook"):
        refused = _run_in(root, command)
        assert refused.returncode == 2, refused.stderr
        assert "modules at the checkout's top" in refused.stderr, refused.stderr
