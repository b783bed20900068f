"""Issue 24, round sixteen, helper r16a (class 5, exports): what a fresh attack on the exports found, each pinned by
a test that fails without its fix. The lead's round is tests/test_attacks_round16.py."""

from __future__ import annotations

import io
from typing import Any

import pytest

from analysis.paths import Paths
from analysis.record.hygiene import text_problem
from tests.planted import read_rows, write_rows

# --- CSV: a minus, a number, then a formula after a semicolon (class 5, exports) ----------------------------------

#: Each passed `validate` and reached data/processed/revisions.csv unquoted: Excel set to a semicolon list separator
#: opens the part after ";" as a cell, and "-1 +cmd|' /C calc'!A0" is a formula (a space after the number, or a
#: bracket, ended the number that round fourteen's rule let through).
AFTER_A_NUMBER = ["Revised in the ONS mid-2024 release;-1 +cmd|' /C calc'!A0", "ok;-5% +cmd|' /C calc'!A0",
                  "ok;-1)+cmd|' /C calc'!A0", "ok; -1 -cmd|' /C calc'!A0", "ok; -5 cases&HYPERLINK(x)",
                  "ok; -2 cases; -1 *A1"]


@pytest.mark.parametrize("text", AFTER_A_NUMBER)
def test_a_formula_after_a_signed_number_after_a_semicolon_is_refused(text: str) -> None:
    assert "reads what follows as a formula" in (text_problem(text) or "")


@pytest.mark.parametrize("text", ["a fall; -5% on the year", "ok; -5 cases", "ok;-5", "ok; -5,000 fewer",
                                  "ok; -1.5%", "ok; -5 cases; more", "ok; -5 per cent, a year-on-year fall"])
def test_a_signed_number_and_words_after_a_semicolon_stay_text(text: str) -> None:
    assert text_problem(text) is None


def test_a_revision_note_with_a_formula_after_a_signed_number_is_refused_with_its_row(real_copy: Paths) -> None:
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw

    path = real_copy.raw / "revisions.csv"
    rows = read_rows(path)
    rows[0]["note"] = AFTER_A_NUMBER[0]  # no comma or quote: the CSV writer leaves the cell unquoted
    write_rows(path, rows)
    with pytest.raises(ValidationError) as raised:
        load_raw(real_copy)
    found = [str(p) for p in raised.value.problems]
    assert len(found) == 1 and found[0].startswith("data/raw/revisions.csv:2: note has ';-' at character 36")
    assert "reads what follows as a formula" in found[0]


# --- db and gallery alone: a folder where the output file belongs (class 5, exports) -------------------------------


@pytest.mark.parametrize(("command", "name"), [("db", "cse.db"), ("db", "cse-metadata.json"),
                                               ("gallery", "index.html")])
def test_a_command_that_cannot_write_its_output_says_so_in_one_line(
        real_copy: Paths, command: str, name: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`make db` printed a traceback (the main job printed one line), and `db` left a scratch copy of the database
    (about 1 MB) beside the folder each time. The copy holds no charts or other outputs, which the gallery refuses
    on its own (a whole edition, `gallery.incomplete`): that check is set aside here, as this test is about the
    write."""
    from analysis.cli import main
    from analysis.publish import gallery

    monkeypatch.setattr(gallery, "incomplete", lambda outputs, paths: "")
    (real_copy.outputs / name).mkdir(parents=True)
    assert main([command, "--root", str(real_copy.root)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [f"python -m analysis {command}: Is a directory ({real_copy.outputs / name})"]
    assert not [p.name for p in real_copy.outputs.iterdir() if p.name.endswith(".tmp")]


# --- db: the Datasette metadata was written in place (class 5, exports) --------------------------------------------


def test_db_on_a_full_disk_keeps_the_previous_datasette_metadata_whole(
        real_copy: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`make db` truncated outputs/cse-metadata.json when the disk filled while writing it, and `make serve` then
    could not start; the database beside it is moved in whole, and so is its metadata now."""
    import errno
    import json
    import os
    from pathlib import Path

    from analysis.cli import main

    assert main(["db", "--root", str(real_copy.root)]) == 0
    metadata = real_copy.outputs / "cse-metadata.json"
    before = metadata.read_bytes()
    real_write_text, real_fdopen = Path.write_text, os.fdopen

    def full(text: str) -> str:
        if '"databases"' in text:  # the metadata: half of it reaches the disk, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return text

    def write_text(self: Path, text: str, *args: object, **kwargs: object) -> int:
        if '"databases"' in text:
            real_write_text(self, text[:100], *args, **kwargs)  # type: ignore[arg-type]
        return real_write_text(self, full(text), *args, **kwargs)  # type: ignore[arg-type]

    class Handle:
        def __init__(self, handle: io.TextIOWrapper) -> None:
            self.handle = handle

        def __enter__(self) -> Handle:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            if '"databases"' in text:
                self.handle.write(text[:100])
            return self.handle.write(full(text))

    monkeypatch.setattr(Path, "write_text", write_text)
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Handle(real_fdopen(fd, *a, **k)))
    assert main(["db", "--root", str(real_copy.root)]) == 1
    monkeypatch.undo()
    assert "No space left on device" in capsys.readouterr().err
    assert metadata.read_bytes() == before
    json.loads(before)
    assert not [p.name for p in real_copy.outputs.iterdir() if p.name.endswith(".tmp")]


# --- charts: a record label ran its figure off the chart's edge (class 5, exports) --------------------------------


def _inside(fig: Any, texts: list[Any]) -> bool:
    """Whether every text ends inside the figure, measured as the PNG and SVG are drawn (in the house style: its
    text settings change how wide a line measures)."""
    from analysis.publish import style

    with style.house():
        renderer = fig.canvas.get_renderer()
        return all(t.get_window_extent(renderer).x1 <= fig.bbox.x1 for t in texts)


@pytest.mark.parametrize("width", [3.6, 6.4])  # the phone and the web widths (style.MOBILE_WIDTH, WEB_WIDTH)
def test_a_long_inspection_label_keeps_its_count_on_the_chart(width: float) -> None:
    """inspections.yaml's label "2016 National Child Protection Inspection" (41 characters, valid) printed
    "…Inspection: 374 ca" on the phone chart: the count of cases examined was cut at the right edge."""
    from analysis.paths import PROJECT_ROOT
    from analysis.publish import charts
    from analysis.tables.load import load_table

    paths = Paths(PROJECT_ROOT)
    tables = {t: load_table(t, paths) for spec in charts.CHARTS for t in spec.tables}
    grades = tables["inspection_grades"]
    first = grades["inspection_id"].iloc[0]
    long_label = "2016 National Child Protection Inspection of the Metropolitan Police Service"
    grades.loc[grades["inspection_id"] == first, "label"] = long_label
    fig, meta = charts.draw("inspection-grades", tables=tables)
    if width != 6.4:
        fig, meta = meta.redraw(width)
    row_labels = [t for ax in fig.axes for t in ax.texts if t.get_text().endswith(" cases")]
    assert row_labels and any(t.get_text().startswith("2016 National") for t in row_labels)
    assert _inside(fig, row_labels)
    assert long_label in meta.alt_text  # the whole label is still what the chart says to a screen reader


def test_a_long_publisher_name_keeps_its_date_on_the_chart() -> None:
    """The recorded-vs-estimated chart heads each row with the publisher's name and date on one line: a producer
    the publisher rules leave as written ran off both widths' right edge."""
    from analysis.paths import PROJECT_ROOT
    from analysis.publish import charts
    from analysis.tables.load import load_table

    paths = Paths(PROJECT_ROOT)
    tables = {t: load_table(t, paths) for spec in charts.CHARTS for t in spec.tables}
    figures = tables["figures"]
    figures["publisher"] = figures["publisher"] + " and the Metropolitan Police Service Child Protection Team"
    fig, meta = charts.draw("recorded-vs-estimated", tables=tables)
    for drawn in (fig, meta.redraw(3.6)[0]):
        heads = [t for ax in drawn.axes for t in ax.texts if t.get_fontweight() == "bold"]
        assert heads and all(t.get_text().endswith("…, " + t.get_text().rsplit(", ", 1)[1]) for t in heads)
        assert _inside(drawn, heads)


# --- validate: a count of graded cases larger than the cases examined failed `make` in a notebook -----------------


def test_more_cases_graded_than_examined_is_refused_with_its_file_and_row(real_copy: Paths) -> None:
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw

    path = real_copy.figures_dir / "aol-2016-11-24-hmic-ncpi-mps.csv"
    text = path.read_text(encoding="utf-8")
    old = '2016-11-24,2016-11-24,374,cases,Para 3,"A review of 374 cases'
    assert old in text
    path.write_text(text.replace(old, old.replace("374", "37")), encoding="utf-8")  # a mistyped 374
    with pytest.raises(ValidationError) as raised:
        load_raw(real_copy)
    found = [str(p) for p in raised.value.problems]
    assert "data/raw/figures/aol-2016-11-24-hmic-ncpi-mps.csv:3: cases_requires_improvement_or_inadequate 278 is " \
           "more than the 37 cases examined (row 2), of which it is a part: is one of the two mistyped?" in found
