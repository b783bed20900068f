"""Issue 24, round 31 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.paths import Paths
from tests.made import Made, copy_of
from tests.raw_copy import corrected_referrals, raw_copy, run_on

#: An analyst's correction to the record, saved from the editor: a source's title in data/raw/sources.yaml.
TITLE = "  title: Met Police making 'serious errors' in child abuse cases, inspectors warn\n"
TITLE_EDIT = ("sources.yaml", TITLE, TITLE.replace("inspectors warn", "inspectors warn (Jane Doe's correction)"))


def test_a_raw_file_saved_while_the_build_reads_the_record_is_not_recorded_as_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """An analyst saves a correction to data/raw/sources.yaml while `python -m analysis build` runs (it takes a few
    seconds; the editor is still open). The build had read the file already, but hashed it for datapackage.json
    only when it wrote the tables, so the package recorded the corrected bytes beside tables made from the old
    ones: the check every command makes against data/raw (`behind_raw`) then passed, and `check`, `db` and `make
    serve` published the record without the correction, exit 0, nothing said (3 of 3 real tries, the save 0.8 to
    1.4 s into the build). The save is made here at a fixed point of the build, after the record was read."""
    from analysis.run import build as build_mod
    from analysis.tables.load import behind_raw

    root = raw_copy(tmp_path)
    paths = Paths(root)
    tables = build_mod.make_tables

    def save_meanwhile(raw: build_mod.RawData) -> dict[str, list[dict[str, object]]]:
        path = root / "data" / "raw" / "sources.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(TITLE_EDIT[1], TITLE_EDIT[2]), encoding="utf-8")
        return tables(raw)

    monkeypatch.setattr(build_mod, "make_tables", save_meanwhile)
    build_mod.build(paths)
    assert "Jane Doe's correction" not in (root / "data" / "processed" / "sources.csv").read_text(encoding="utf-8")
    assert "data/processed was built before data/raw/sources.yaml changed" in behind_raw(paths)
    said = capsys.readouterr().err
    assert "build: data/raw/sources.yaml changed while the build read data/raw" in said
    assert "python -m analysis build` again" in said


def test_an_edit_undone_while_the_build_reads_the_record_is_not_recorded_as_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The same correction saved and undone while the build reads data/raw (an editor's save then undo and save, a
    branch checked out and back): the build read the corrected file, but hashed before and after it the file had
    the same bytes, so the package recorded it as read and `check` published the correction the record no longer
    holds. The build now also compares each file's inode, size and times, records such a file with no hash, and
    says so. The edit and undo are made here around the build's own reading of sources.yaml."""
    from analysis.run import build as build_mod
    from analysis.tables.load import behind_raw

    root = raw_copy(tmp_path)
    paths = Paths(root)
    path = root / "data" / "raw" / "sources.yaml"
    original = path.read_bytes()
    load_sources = build_mod.load_sources

    def read_while_edited(*args: object) -> object:
        path.write_text(original.decode("utf-8").replace(TITLE_EDIT[1], TITLE_EDIT[2]), encoding="utf-8")
        try:
            return load_sources(*args)  # type: ignore[arg-type]
        finally:
            path.write_bytes(original)  # undone: the same bytes as before the build

    monkeypatch.setattr(build_mod, "load_sources", read_while_edited)
    build_mod.build(paths)
    assert "Jane Doe's correction" in (root / "data" / "processed" / "sources.csv").read_text(encoding="utf-8")
    assert path.read_bytes() == original
    assert "data/processed was built before data/raw/sources.yaml changed" in behind_raw(paths)
    assert "build: data/raw/sources.yaml changed while the build read data/raw" in capsys.readouterr().err


def test_a_build_of_an_unchanged_record_is_current_and_says_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The guard: nothing saved during the build, so data/processed holds data/raw and the build adds no line."""
    from analysis.run import build as build_mod
    from analysis.tables.load import behind_raw

    paths = Paths(raw_copy(tmp_path))
    build_mod.build(paths)
    assert behind_raw(paths) == ""
    assert "changed while" not in capsys.readouterr().err




def _chart_2_referrals(workbook: Path) -> list[object]:
    import openpyxl

    sheet = openpyxl.load_workbook(workbook, read_only=True)["Chart 2"]
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell in (2060, 2061)]


def test_the_workbook_and_gallery_refuse_charts_drawn_before_the_last_build(made: Made, tmp_path: Path) -> None:
    """An analyst corrects a figure in data/raw, runs `python -m analysis build`, then `python -m analysis workbook`
    to send the spreadsheet (the README lists both as commands of their own). The workbook's chart sheets are read
    from the charts as last exported, so one file gave the new 2,061 on its "Met CSE series" and "Figures" sheets
    and the old 2,060 on "Chart 2", exit 0, nothing said; the gallery likewise showed the old charts under the new
    edition. Both now refuse and say to draw the charts again; once drawn, the workbook holds the correction."""
    root = copy_of(made, tmp_path / "project")
    corrected_referrals(root)
    assert run_on(root, "build").returncode == 0
    for command in ("workbook", "gallery"):
        result = run_on(root, command)
        assert result.returncode == 2, (command, result.stderr)
        assert "were drawn from an earlier build of data/processed" in result.stderr
        assert "met-cse-series" in result.stderr
        assert "python -m analysis charts" in result.stderr
    assert _chart_2_referrals(root / "outputs" / "cse-figures.xlsx") == [2060]  # the workbook `make` wrote, kept
    assert run_on(root, "charts").returncode == 0
    assert _chart_2_referrals(root / "outputs" / "cse-figures.xlsx") == [2061]
    assert run_on(root, "workbook").returncode == 0  # the gallery also waits for the notebooks (the next test)


def test_charts_drawn_from_the_current_build_are_published_as_before(made: Made, tmp_path: Path) -> None:
    """The guard: after `make`, nothing edited, `workbook` and `gallery` write as they did."""
    root = copy_of(made, tmp_path / "project")
    for command in ("workbook", "gallery"):
        result = run_on(root, command)
        assert result.returncode == 0, (command, result.stderr)


def test_the_gallery_refuses_notebook_copies_run_before_the_last_build(made: Made, tmp_path: Path) -> None:
    """After a figure corrected in data/raw, `build` and `charts` (the README's "draw the charts without the
    notebooks"), `gallery` linked the notebooks' executed copies, whose findings still printed the old 2,060, under
    the new edition. The gallery now refuses them and says to run the notebooks."""
    root = copy_of(made, tmp_path / "project")
    corrected_referrals(root)
    assert run_on(root, "build").returncode == 0
    assert run_on(root, "charts").returncode == 0
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert "the notebooks' copies in outputs/notebooks/ (01_inspections, 02_met_cse_series" in result.stderr
    assert "run `python -m analysis notebooks`" in result.stderr
