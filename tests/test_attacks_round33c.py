"""Issue 24, round 33 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.made import Made, copy_of
from tests.raw_copy import corrected_referrals, run_on


def test_the_gallery_refuses_notebook_pages_whose_executed_notebook_was_removed(made: Made, tmp_path: Path) -> None:
    """A newsroom that publishes the notebooks' HTML pages only removes the .ipynb copies from outputs/notebooks/,
    then corrects a figure and runs every command but `notebooks` (the slow one). The gallery found no .ipynb to
    read the build from, took the copies as not there, and linked the six HTML pages, which still gave 2,060,
    under the new edition, exit 0. An HTML copy with no mark beside it is now behind; `notebooks` writes both."""
    root = copy_of(made, tmp_path / "project")
    copies = root / "outputs" / "notebooks"
    for notebook in copies.glob("*.ipynb"):
        notebook.unlink()
    corrected_referrals(root)
    for command in ("build", "charts", "check", "workbook", "db"):
        assert run_on(root, command, timeout=600).returncode == 0, command
    assert "2,061" not in (copies / "02_met_cse_series.html").read_text(encoding="utf-8")
    before = (root / "outputs" / "index.html").read_bytes()
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert "the notebooks' copies in outputs/notebooks/ (01_inspections, 02_met_cse_series" in result.stderr
    assert "run `python -m analysis notebooks`" in result.stderr
    assert (root / "outputs" / "index.html").read_bytes() == before  # nothing written
    assert run_on(root, "notebooks", timeout=600).returncode == 0
    assert "2,061" in (copies / "02_met_cse_series.html").read_text(encoding="utf-8")
    result = run_on(root, "gallery")
    assert result.returncode == 0, result.stderr


def test_a_chart_folder_without_its_sidecar_is_behind_and_a_chart_never_exported_is_not(
        made: Made, tmp_path: Path) -> None:
    """The gallery lists each registered chart whose folder is there; with its JSON sidecar gone nothing says
    which build its PNG shows, so it is behind, as a sidecar that does not say is. A chart with no folder at all
    is left to the commands (the workbook names it as missing), as before."""
    from analysis.paths import CHART_IDS, Paths
    from analysis.tables.load import charts_behind

    root = copy_of(made, tmp_path / "project")
    paths, charts = Paths(root), root / "outputs" / "charts"
    assert charts_behind(CHART_IDS, charts, paths) == ""
    shutil.rmtree(charts / "london-rates")
    assert charts_behind(CHART_IDS, charts, paths) == ""  # not exported: not "behind"
    (charts / "met-cse-series" / "met-cse-series.json").unlink()
    line = charts_behind(CHART_IDS, charts, paths)
    assert line.startswith("the charts in outputs/charts/ (met-cse-series) were drawn from an earlier build"), line


def test_the_gallery_refuses_a_markdown_report_and_claimreview_whose_web_page_was_removed(
        made: Made, tmp_path: Path) -> None:
    """factcheck.md and claimreview.jsonld are written with factcheck.html, which carries the build's mark for
    all three. A newsroom that publishes the Markdown in its CMS and the ClaimReview for search engines removes the
    web page; after a correction, `build`, `notebooks`, `workbook`, `db` and `gallery` linked both as written
    before it (the fact-check still citing 2,060), exit 0. The gallery now refuses them and names `check`."""
    from analysis.paths import Paths
    from analysis.tables.load import outputs_behind

    root = copy_of(made, tmp_path / "project")
    outputs = root / "outputs"
    (outputs / "factcheck.html").unlink()
    assert outputs_behind(outputs, Paths(root)) != ""  # nothing says which build the other two show
    corrected_referrals(root)
    for command in ("build", "notebooks", "workbook", "db"):
        assert run_on(root, command, timeout=600).returncode == 0, command
    before = (outputs / "index.html").read_bytes()
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert ("outputs/factcheck.md, outputs/claimreview.jsonld were written from an earlier build of data/processed: "
            "run `python -m analysis check`") in result.stderr
    assert (outputs / "index.html").read_bytes() == before
    assert run_on(root, "check").returncode == 0
    assert "2,061" in (outputs / "factcheck.md").read_text(encoding="utf-8")
    assert run_on(root, "gallery").returncode == 0
    (outputs / "factcheck.html").unlink()
    (outputs / "factcheck.md").unlink()
    (outputs / "claimreview.jsonld").unlink()
    assert outputs_behind(outputs, Paths(root)) == ""  # no report at all: the gallery links none
