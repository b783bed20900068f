"""The notebooks: committed clean and paired with their .py, and every one runs top to bottom on the real data.

Execution reuses `analysis.run_notebooks` (the same code as `python -m analysis notebooks`) with a scratch output
folder, so what is tested is what readers get.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest

from analysis import charts, run_notebooks
from analysis.export import WORKBOOK_TABLES
from analysis.paths import PROJECT_ROOT, Paths

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
EXPECTED = ["01_inspections", "02_met_cse_series", "03_historic_reviews", "04_london_in_context", "05_factcheck"]


def committed() -> list[Path]:
    return sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))


def test_notebooks_are_numbered_in_reading_order() -> None:
    assert [p.stem for p in committed()] == EXPECTED
    assert [p.stem for p in sorted(NOTEBOOKS_DIR.glob("[0-9]*.py"))] == EXPECTED


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_jupytext_pair_is_in_sync(path: Path) -> None:
    import jupytext

    regenerated = jupytext.writes(jupytext.read(path), fmt="py:percent")
    assert regenerated == path.with_suffix(".py").read_text(encoding="utf-8"), \
        f"{path.name} and its .py differ: run `jupytext --sync notebooks/{path.name}`"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: outputs committed"
    assert nb.metadata.get("kernelspec", {}).get("name") == run_notebooks.KERNEL


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_opens_by_saying_what_it_shows_and_what_it_reads(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    assert "What this shows" in first.source and "Tables read" in first.source
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    named = set(re.findall(r'load_table\("(\w+)"', code))
    assert named, f"{path.name}: reads no table"
    assert all(f"`{name}`" in first.source for name in named), f"{path.name}: a table read is not listed"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_reads_only_processed_tables_and_types_no_figure(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for forbidden in ("read_csv", "read_excel", "open(", "data/raw", "data/processed", "yaml"):
        assert forbidden not in code, f"{path.name}: reads data other than through load_table ({forbidden})"
    assert not re.search(r"(?<![\w.])\d{2,}(?![\w])", code), f"{path.name}: a number is typed into code"
    assert "charts." in code, f"{path.name}: charts must come from analysis.charts"


# --- execution --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[run_notebooks.Outcome]]:
    root = Path(os.environ.get(charts.ROOT_ENV, PROJECT_ROOT)).resolve()
    paths = Paths(root)
    missing = [t for t in WORKBOOK_TABLES if not (paths.processed / f"{t}.csv").exists()]
    if missing:
        pytest.skip(f"{paths.rel(paths.processed)} has no {', '.join(missing)}: run `python -m analysis build` first")
    out = tmp_path_factory.mktemp("notebooks")
    # The notebooks themselves always come from this repository; the data from `root`.
    paths_with_notebooks = _Paths(root)
    return out, run_notebooks.run_all(paths_with_notebooks, out, progress=False)


class _Paths(Paths):
    """The project at `root`, with this repository's notebooks (a scratch data copy has none)."""

    @property
    def notebooks(self) -> Path:
        return NOTEBOOKS_DIR


def test_every_notebook_runs_top_to_bottom(executed: tuple[Path, list[run_notebooks.Outcome]]) -> None:
    _, outcomes = executed
    assert [o.name for o in outcomes] == EXPECTED
    failed = {o.name: o.message for o in outcomes if not o.ok}
    assert not failed, failed


@pytest.mark.parametrize("name", EXPECTED)
def test_executed_copy_and_html_are_written(executed: tuple[Path, list[run_notebooks.Outcome]], name: str) -> None:
    out, _ = executed
    nb = nbformat.read(out / f"{name}.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), f"{name}: no chart rendered"
    html = (out / f"{name}.html").read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Source:" in html
