"""Issue 24, round 31 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.paths import Paths
from tests.raw_copy import raw_copy

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


def test_a_build_of_an_unchanged_record_is_current_and_says_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The guard: nothing saved during the build, so data/processed holds data/raw and the build adds no line."""
    from analysis.run import build as build_mod
    from analysis.tables.load import behind_raw

    paths = Paths(raw_copy(tmp_path))
    build_mod.build(paths)
    assert behind_raw(paths) == ""
    assert "changed while" not in capsys.readouterr().err
