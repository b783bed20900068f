"""Round 17, helper b: stamps that cannot lie (class 2) and one reading of a number's characters (class 4)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import CHART_IDS, PROJECT_ROOT


def _scratch_project(root: Path, notebooks: tuple[str, ...]) -> Path:
    """A project at `root` with the committed processed tables and only the named notebooks (pairs)."""
    shutil.copytree(PROJECT_ROOT / "data" / "processed", root / "data" / "processed")
    (root / "notebooks").mkdir()
    for stem in notebooks:
        for suffix in (".py", ".ipynb"):
            shutil.copy2(PROJECT_ROOT / "notebooks" / f"{stem}{suffix}", root / "notebooks")
    shutil.copy2(PROJECT_ROOT / "notebooks" / "jupytext.toml", root / "notebooks")
    return root


def test_a_chart_left_by_an_earlier_run_is_not_taken_for_one_exported_now(tmp_path: Path) -> None:
    """A notebook that stopped exporting a chart (its `publish` call removed, or the notebook deleted) left the
    chart's files of the last run in outputs/charts: the notebooks step passed and was stamped, and the gallery and
    workbook went on publishing the old chart, while a clean build of the same state failed. Here only the
    fact-check notebook runs, over a charts folder holding every chart from an earlier run."""
    root = _scratch_project(tmp_path / "project", ("05_factcheck",))
    charts = root / "outputs" / "charts"
    for chart_id in CHART_IDS:
        (charts / chart_id).mkdir(parents=True)
        for ext in ("png", "svg", "csv", "json"):
            (charts / chart_id / f"{chart_id}.{ext}").write_bytes(b"an earlier run's file")
    run = subprocess.run([sys.executable, "-m", "analysis", "notebooks", "--root", str(root)],
                         capture_output=True, text=True, timeout=300)
    out = run.stdout + run.stderr
    assert run.returncode != 0, out
    assert "chart two-1200s: failed: no notebook exported it this run" in out, out
    assert "chart factcheck-verdicts" not in out, out  # the one this notebook exported
    assert (charts / "factcheck-verdicts" / "factcheck-verdicts.json").read_bytes() != b"an earlier run's file"


def test_a_chart_file_no_export_wrote_this_run_is_removed_after_a_run_that_passed(tmp_path: Path) -> None:
    """A file left in a registered chart's folder under a name no export uses now (an earlier variant, a copy)
    stayed in outputs/ after `make` remade the charts around it, though a clean build has none. The chart's own
    files, rewritten by this run's export (a new file renamed over the old), and a note of the user's stay."""
    from analysis.run import notebooks

    folder = tmp_path / "charts" / "met-cse-series"
    folder.mkdir(parents=True)
    own = [folder / f"met-cse-series{suffix}" for suffix in (".png", ".svg", ".csv", ".json", "-mobile.png")]
    for path in [*own, folder / "met-cse-series-old.png", folder / "notes.txt"]:
        path.write_bytes(b"an earlier run's file")
    before = notebooks.chart_marks(tmp_path / "charts")
    for path in own:  # as the export writes: beside, then renamed over
        (folder / f".{path.name}.tmp").write_bytes(b"this run's file")
        (folder / f".{path.name}.tmp").replace(path)
    removed = notebooks.remove_unexported(tmp_path / "charts", before)
    assert removed == [folder / "met-cse-series-old.png"]
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(p.name for p in own), "notes.txt"])


def test_the_rules_page_goes_when_its_document_goes(tmp_path: Path) -> None:
    """docs/factcheck.md deleted or renamed: `check` reran but kept the earlier run's factcheck-rules.html, still
    linked from the gallery and the methods page, while a clean build has none (and its methods page linked to
    the missing page)."""
    from analysis.factcheck import report
    from analysis.paths import METHODS_PAGE, RULES_PAGE, Paths

    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data" / "processed", root / "data" / "processed")
    (root / "docs").mkdir()
    shutil.copy2(PROJECT_ROOT / "docs" / "factcheck.md", root / "docs")
    paths = Paths(root)
    paths.outputs.mkdir()
    report.write_report(paths)
    assert (paths.outputs / RULES_PAGE).is_file()
    assert RULES_PAGE in (paths.outputs / METHODS_PAGE).read_text(encoding="utf-8")
    (root / "docs" / "factcheck.md").rename(root / "docs" / "rules-old.md")
    report.write_report(paths)
    assert not (paths.outputs / RULES_PAGE).exists()
    assert RULES_PAGE not in (paths.outputs / METHODS_PAGE).read_text(encoding="utf-8")


# --- class 4: one reading of a number's characters, the same in data/raw and in verify ---------------------------

_RAW_ROW = PROJECT_ROOT / "data" / "raw" / "figures" / "aol-2016-11-24-hmic-ncpi-mps.csv"


def _raw_messages(printed: str) -> list[str]:
    """What validation says of a real figure row whose value as printed is `printed` (the quote printing it)."""
    from analysis.record.figures import check_row
    from analysis.record.problems import Problems

    with _RAW_ROW.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    row = {**row, "value_as_printed": printed, "quote": f"A review of {printed} cases found"}
    problems = Problems()
    check_row(row, "aol-2016-11-24-hmic-ncpi-mps", "figures.csv", 2, problems)
    return [p.message for p in problems.items if p.message.startswith("value_as_printed ")]


def _verify_message(stated: str) -> str:
    run = subprocess.run([sys.executable, "-m", "analysis", "verify", "count", "--value", "12", "--stated", stated],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2, run.stdout + run.stderr
    return run.stderr.strip()


@pytest.mark.parametrize("stated", [
    "\u202e21",        # right-to-left override: shown as 12, was judged as 21
    "1\u20662",        # a right-to-left isolate inside the number
    "\u200f12",        # right-to-left mark
    "12\u061b",        # an Arabic semicolon after it (right to left, reorders what is around it)
    "1\ue0002",        # a private-use glyph pasted from a PDF
    "12 \u0441ases",   # a Cyrillic look-alike letter
])
def test_verify_refuses_what_data_raw_refuses_in_a_value_with_the_same_words(stated: str) -> None:
    """`verify` read "<RLO>21", which a terminal shows as 12, as 21 (a wrong verdict on the claim a person reads),
    and refused a right-to-left mark, a private-use glyph or a look-alike letter only as "not a number as printed",
    while data/raw refused each with its reason. Both now give the one message, naming the character."""
    raw = _raw_messages(stated)
    assert raw, stated
    reason = raw[0].removeprefix("value_as_printed ")
    assert _verify_message(stated) == f"python -m analysis verify count: --stated {reason}"


def test_verify_still_reads_a_zero_width_character_through() -> None:
    """A zero-width space inside "12" is shown as nothing: verify reads "1<ZWSP>2" as 12, as a reader does."""
    import analysis

    assert analysis.verify("count", value="12", stated="1\u200b2").verdict == "accurate"
