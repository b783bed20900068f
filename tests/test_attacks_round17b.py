"""Round 17, helper b: stamps that cannot lie (class 2) and one reading of a number's characters (class 4)."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import CHART_IDS, PROJECT_ROOT
from tests.raw_copy import raw_copy, run_on


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


# --- class 2: the build's verdict depends on today's date ----------------------------------------------------------


def test_the_build_is_not_skipped_on_a_day_its_record_would_be_refused(tmp_path: Path, monkeypatch) -> None:
    """A source read "today" where the clock is furthest ahead (UTC+14) passed the build; `make` where it is still
    yesterday (UTC-12, or a clock put back) skipped the build as unchanged, while a clean build there refused the
    date as in the future. The date the record's dates are judged by is one of the build's inputs; since round
    twenty it is the latest date anywhere (`today_anywhere`), so every time zone gives the one verdict, and a day
    later (or the clock put back) the build is no longer current."""
    import datetime as dt
    import time
    from zoneinfo import ZoneInfo

    from analysis.record import clock
    from analysis.record import sources as record_sources
    from analysis.run import pipeline

    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data", root / "data")
    ahead = dt.datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    sources = root / "data" / "raw" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(re.sub(r"date_accessed: \S+", f"date_accessed: {ahead.isoformat()}", text, count=1),
                       encoding="utf-8")
    build = next(step for step in pipeline.STEPS if step.name == "build")

    def in_zone(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    try:
        in_zone("Pacific/Kiritimati")
        stamps = {"build": pipeline.stamp(root, build)}
        assert pipeline.is_current(root, build, stamps)
        in_zone("Etc/GMT+12")  # UTC-12: a day or two behind, and the same verdict
        accepted = subprocess.run([sys.executable, "-m", "analysis", "validate", "--root", str(root)],
                                  capture_output=True, text=True, timeout=120, env=dict(os.environ))
        assert accepted.returncode == 0, accepted.stdout + accepted.stderr
        assert pipeline.is_current(root, build, stamps)
        monkeypatch.setattr(clock, "today_anywhere", lambda: ahead - dt.timedelta(days=1))  # clock put back
        assert record_sources.date_problems("2016-11-24", ahead.isoformat()) == [
            f"date_accessed {ahead.isoformat()} is in the future"]
        assert not pipeline.is_current(root, build, stamps)
    finally:
        monkeypatch.undo()
        time.tzset()


# --- class 2: a link in place of a chart's folder ------------------------------------------------------------------


def test_a_chart_folder_replaced_by_a_link_is_not_the_folder_it_was(tmp_path: Path) -> None:
    """outputs/charts/<id> replaced by a link to an identical copy elsewhere hashed as the real folder: `make`
    skipped, and the next export wrote through the link, outside the checkout."""
    from analysis.run import pipeline

    folder = tmp_path / "project" / "outputs" / "charts" / "two-1200s"
    folder.mkdir(parents=True)
    (folder / "two-1200s.csv").write_text("Count\n1200\n", encoding="utf-8")
    before = pipeline.content_hash(tmp_path / "project", ("outputs/charts/*/*",))
    shutil.move(folder, tmp_path / "elsewhere")
    folder.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert pipeline.content_hash(tmp_path / "project", ("outputs/charts/*/*",)) != before


def test_an_export_puts_a_real_folder_where_a_link_was(tmp_path: Path, drawn_charts) -> None:
    """A dangling link in place of a chart's folder failed `make` at every run ("File exists"); a link to a folder
    elsewhere had the export written there. The export now replaces the link with a folder of its own."""
    from analysis.publish import charts, export

    # its own drawing: the shared figures are read, never exported (an export twice over changed the one the chart
    # rule tests read after it, in the same worker)
    fig, meta = charts.draw("two-1200s", tables=drawn_charts.tables)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for target in (tmp_path / "gone", elsewhere):
        folder = tmp_path / "charts" / "two-1200s"
        folder.parent.mkdir(exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
        folder.symlink_to(target, target_is_directory=True)
        files = export.write_chart(fig, meta, folder)
        assert not folder.is_symlink() and folder.is_dir()
        assert all(path.is_file() and path.parent == folder for path in files.values())
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(("value", "stated"), [("7", "seven out of 10"), ("3", "three out of 4"),
                                               ("7", "7 out of 10"), ("9,007,199,254,740,993",
                                                                      "9,007,199,254,740,993")])
def test_verify_judges_the_number_it_prints_as_read(value: str, stated: str) -> None:
    """"seven out of 10" is read as the count 7 (of 10), and the working said so, but the rules took the value
    from the first digits in the text, the whole's 10: "figure = 7 · printed "seven out of 10" · rounds to 7 ·
    inaccurate". The exact value is now the digit run that was read, or the value read when none is."""
    import analysis
    from analysis.factcheck.exact import exact_value
    from analysis.record.printed import parse_printed

    printed = parse_printed(stated)
    assert float(exact_value(printed) or 0) == printed.value
    assert analysis.verify("count", value=value, stated=stated).verdict == "accurate"


@pytest.mark.parametrize("space", ["\u2009", "\u202f", "\u00a0", "\u3000"])
def test_a_part_with_a_thin_or_no_break_space_is_one_number_refused_as_in_stated(space: str) -> None:
    """`verify sum --parts "1<thin space>200" 300` split at the thin space: "1 + 200 + 300 = 501", a sum of 1,200
    and 300 judged inaccurate (and "1 + 200 = 201" accurate). A reader sees one number; it is now one part, refused
    with the digits message --stated and data/raw give for it."""
    from analysis.factcheck.verify import split_parts

    assert split_parts([f"1{space}200", "300"]) == [f"1{space}200", "300"]
    assert split_parts([f"1{space}200;300"]) == [f"1{space}200", "300"]
    run = subprocess.run([sys.executable, "-m", "analysis", "verify", "sum", "--parts", f"1{space}200", "300",
                          "--total", "1500"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert f"U+{ord(space):04X}" in run.stderr and "digits 0-9 only" in run.stderr


def test_parts_given_twice_are_all_summed() -> None:
    """`verify sum --parts 1200 --parts 300 --total 1500` kept only the last --parts: "300 = 300 · inaccurate",
    1,200 dropped without a word."""
    run = subprocess.run([sys.executable, "-m", "analysis", "verify", "sum", "--parts", "1200", "--parts", "300",
                          "--total", "1500"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1,200 + 300 = 1,500" in run.stdout


# --- class 4: a number written as a YAML value in data/raw ---------------------------------------------------------


def _validate_with_claims_line(tmp_path: Path, old: str, new: str) -> str:
    """`validate` on a copy of data/raw whose claims.yaml has the line `old` replaced by `new`."""
    run = run_on(raw_copy(tmp_path, ("claims.yaml", old, new)), "validate", timeout=120)
    return run.stdout + run.stderr


@pytest.mark.parametrize("written", ["0144", "0x64", "1:40", "1_00"])
def test_a_rounding_step_is_read_as_written_or_refused(tmp_path: Path, written: str) -> None:
    """`rounded: {to: 0144}` (a reader sees 144) was read by YAML as 100 (octal); so were 0x64, 1:40 (base 60) and
    1_00. Each passed and set the range the claim is judged across. Now refused, naming what was written."""
    out = _validate_with_claims_line(tmp_path, "  rounded:\n    to: 100\n", f"  rounded:\n    to: {written}\n")
    assert f"rounded: to is written '{written}', which is read as another number than it shows" in out, out


@pytest.mark.parametrize("written", ["01750", "'1_000'", "'1,0,0,0'", "0x3E8"])
def test_a_rate_base_is_read_as_written_or_refused(tmp_path: Path, written: str) -> None:
    """A rate's `per: 01750` (YAML: 1000), "1_000" or "1,0,0,0" (Decimal: 1000) passed as the base 1,000."""
    out = _validate_with_claims_line(tmp_path, "    per: 1000\n", f"    per: {written}\n")
    assert f"inputs: per is written '{written.strip(chr(39))}', which is read as another number" in out, out


def test_plain_numbers_in_the_registry_still_pass(tmp_path: Path) -> None:
    out = _validate_with_claims_line(tmp_path, "    per: 1000\n", "    per: '1,000'\n")
    assert out.startswith("ok: "), out


# --- class 2: a run killed while writing ----------------------------------------------------------------------------


def test_scratch_files_of_a_killed_run_are_removed_and_nothing_else(tmp_path: Path) -> None:
    """`make` killed (SIGKILL) while the db step wrote left ".cse.db.<random>.tmp" (1 MB) in outputs/ for good: the
    next runs skipped or redid the step without a look at it, and a clean build has none. The main job now removes
    such files first, under the build lock; a user's own file is left."""
    from analysis.factcheck.report import scratch_beside
    from analysis.run.outputs import remove_scratch

    outputs = tmp_path / "outputs"
    left = [scratch_beside(outputs / "cse.db"), scratch_beside(outputs / "charts" / "two-1200s" / "two-1200s.png"),
            scratch_beside(outputs / "notebooks" / "01_inspections.html")]
    kept = [outputs / ".my-notes.tmp", outputs / "draft.tmp", outputs / "cse.db"]
    for path in kept:
        path.write_text("mine", encoding="utf-8")
    assert sorted(remove_scratch(outputs)) == sorted(left)
    assert all(path.is_file() for path in kept) and not any(path.exists() for path in left)


# --- class 2: code the notebooks import from a folder in notebooks/ ------------------------------------------------


@pytest.mark.parametrize("module", ["helpers/fmt.py", "helpers/__init__.py", "helpers/deep/labels.py"])
def test_a_module_in_a_folder_of_notebooks_is_an_input_of_the_notebooks(tmp_path: Path, module: str) -> None:
    """The kernels run in notebooks/, so `from helpers import fmt` imports notebooks/helpers/fmt.py (a namespace
    package needs no __init__.py). Only packages' __init__.py were hashed: editing fmt.py left `make` skipping the
    notebooks with the charts it drew before."""
    from analysis.run import pipeline

    notebooks = next(step for step in pipeline.STEPS if step.name == "notebooks")
    path = tmp_path / "notebooks" / module
    path.parent.mkdir(parents=True)
    path.write_text('TITLE = "Referrals"\n', encoding="utf-8")
    before = pipeline.input_hash(tmp_path, notebooks)
    path.write_text('TITLE = "Recorded crimes"\n', encoding="utf-8")
    assert pipeline.input_hash(tmp_path, notebooks) != before


# --- class 4: a figure's value as printed and as written to the tables ---------------------------------------------


def test_a_figure_in_pounds_and_pence_is_written_to_the_tables_as_printed(tmp_path: Path) -> None:
    """"£123,456,789.12" passed validation and was written to data/processed (and so the database and the workbook)
    as 123456789.1: every value went through ten significant digits."""
    import pandas as pd

    from analysis.record.printed import number_text

    figures = "figures/mayor-2025-11-cse-support-package.csv"
    root = raw_copy(tmp_path, (figures, ",£2.4m,", ',"£123,456,789.12",'), (figures, "£2.4m", "£123,456,789.12"))
    run = run_on(root, "build")
    assert run.returncode == 0, run.stdout + run.stderr
    with (root / "data" / "processed" / "figures.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["figure_id"].endswith("/cse-support-funding"))
    assert row["value"] == "123456789.12"
    # the charts' CSVs write numbers the same way (numpy's floats too)
    frame = pd.DataFrame({"Funding": [123456789.12, 2 / 3]})
    assert frame.to_csv(index=False, float_format=number_text).splitlines()[1:] == ["123456789.12", "0.6666666667"]


@pytest.mark.parametrize("printed", ["9,007,199,254,740,993", "0.1234567890123456789"])
def test_a_figure_with_more_digits_than_the_tables_hold_is_refused(printed: str) -> None:
    """"9,007,199,254,740,993" was stored as 9007199254740992: a float holds 15 significant digits."""
    messages = [m for m in _all_raw_messages(printed) if "more significant digits than the tables hold" in m]
    assert messages, _all_raw_messages(printed)


def _all_raw_messages(printed: str) -> list[str]:
    from analysis.record.figures import check_row
    from analysis.record.problems import Problems

    with _RAW_ROW.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    problems = Problems()
    check_row({**row, "value_as_printed": printed, "quote": f"A review of {printed} cases found"},
              "aol-2016-11-24-hmic-ncpi-mps", "figures.csv", 2, problems)
    return [p.message for p in problems.items]


@pytest.mark.parametrize("mark", ["[r]", "[p]", " [R]"])
def test_verify_reads_a_value_with_a_status_mark_as_data_raw_does(mark: str) -> None:
    """"61,806,682 [r]" (revised, as statistical tables print it) is read by data/raw as 61,806,682; verify refused
    it as "not a number as printed"."""
    import analysis

    assert not [m for m in _all_raw_messages(f"61,806,682{mark}") if "61,806,682" in m]
    assert analysis.verify("count", value="61806682", stated=f"61,806,682{mark}").verdict == "accurate"
