"""The workbook against the Analysis Function's "Releasing statistics in spreadsheets" guidance, point by point.

The workbook `make` wrote in the session's one main job (tests/made.py), from a copy of the real data; the
values checked are read back with openpyxl (the reader the guidance has in mind is Excel; openpyxl reads what Excel
would) and compared with the processed CSVs and the charts' CSVs, not with the workbook code's own idea of them.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from analysis.paths import CHART_IDS, PROJECT_ROOT, Paths
from analysis.publish import workbook
from analysis.publish.workbook import WORKBOOK_NAME, WORKBOOK_TABLES, build_workbook
from tests.made import Made

MARKERS = {"[x]", "[z]", "[c]"}
SHEETS = ["Contents", "Notes", *(workbook.sheet_name(n) for n in WORKBOOK_TABLES),
          *(f"Chart {i}" for i in range(1, len(CHART_IDS) + 1))]


@pytest.fixture(scope="session")
def paths() -> Paths:
    p = Paths(PROJECT_ROOT)
    if not all((p.processed / f"{t}.csv").exists() for t in WORKBOOK_TABLES):
        pytest.fail("data/processed (committed) is incomplete: run `python -m analysis build`")
    return p


@pytest.fixture(scope="session")
def built(made: Made) -> Path:
    """outputs/ as `make` writes it: the session's one main job (tests/made.py), charts then workbook."""
    return made.outputs


@pytest.fixture(scope="session")
def wb(built: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(built / WORKBOOK_NAME)


def header_row(ws: Any) -> int:
    """The row of the sheet's one table's header, from the table's own reference."""
    (table,) = ws.tables.values()
    return int(re.sub(r"\D", "", table.ref.split(":")[0]))


def headers(ws: Any) -> list[str]:
    return [str(c.value) for c in ws[header_row(ws)] if c.value is not None]


def data_rows(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(c for c in row) for row in ws.iter_rows(min_row=header_row(ws) + 1)]


def processed(paths: Paths, name: str) -> list[dict[str, str]]:
    with (paths.processed / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def column(ws: Any, starts: str) -> int:
    return next(i for i, h in enumerate(headers(ws)) if h.startswith(starts))


def test_sheets_cover_contents_notes_then_one_per_table_and_chart(wb: Any) -> None:
    assert wb.sheetnames == ["Cover", *SHEETS]


def test_cover_has_title_contents_period_publication_date_sources_licence_contact(wb: Any, paths: Paths) -> None:
    cover = wb["Cover"]
    text = "\n".join(str(c.value) for row in cover.iter_rows() for c in row if c.value is not None)
    assert cover["A1"].value == workbook.TITLE
    assert not cover.tables and cover.freeze_panes is None  # no second table, nothing frozen
    latest = max(s["date_published"] for s in processed(paths, "sources"))
    assert f"Publication date: {dt.date.fromisoformat(latest).strftime('%-d %B %Y')}" in text
    figures = processed(paths, "figures")
    first = min(f["period_start"] for f in figures if f["period_start"])
    assert f"from {dt.date.fromisoformat(first).strftime('%-d %B %Y')}" in text
    assert f"Sources: {len(processed(paths, 'sources'))} published documents" in text
    for needed in ("This workbook holds", "Licence:", "Open Government Licence v3.0", "Contact", "[x]", "[z]"):
        assert needed in text, needed


def test_contents_links_to_every_sheet(wb: Any) -> None:
    ws = wb["Contents"]
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    expected = [n for n in wb.sheetnames if n not in ("Cover", "Contents", "Notes")]
    assert sorted(links) == sorted(expected)
    assert all(links[name] == f"'{name}'!A1" for name in expected)


@pytest.mark.parametrize("sheet", SHEETS)
def test_one_table_per_sheet_title_in_a1_no_spacer_rows_no_blank_cells(wb: Any, sheet: str) -> None:
    ws = wb[sheet]
    assert len(ws.tables) == 1, ws.title
    assert isinstance(ws["A1"].value, str) and ws["A1"].font.b, f"{ws.title}: no bold title in A1"
    for r in range(1, ws.max_row + 1):
        assert any(c.value is not None for c in ws[r]), f"{ws.title}: row {r} is a spacer row"
    (table,) = ws.tables.values()
    for row in ws[table.ref]:
        for cell in row:
            assert cell.value is not None and str(cell.value).strip(), f"{ws.title}!{cell.coordinate} is blank"
    assert not ws.merged_cells.ranges


def test_blanks_are_markers_explained_on_the_sheet(wb: Any, paths: Paths) -> None:
    ws = wb["Inspection grades"]
    j = column(ws, "Cases given this grade")
    rows = processed(paths, "inspection_grades")
    cells = [r[j].value for r in data_rows(ws)]
    assert [c == "[x]" for c in cells] == [r["count"] == "" for r in rows]
    legend = [str(c.value) for c in ws["A"][: header_row(ws) - 1]]
    assert any(line.startswith("[x] = not available") for line in legend)
    assert set(c for c in cells if isinstance(c, str)) <= MARKERS


def test_headers_are_plain_english_with_units(wb: Any) -> None:
    grades = headers(wb["Inspection grades"])
    assert "Cases examined (number)" in grades and "Share published (%)" in grades
    assert any(h.startswith("Share computed from the counts (%)") for h in grades)
    for name in WORKBOOK_TABLES:
        ws = wb[workbook.sheet_name(name)]
        for j, header in enumerate(headers(ws)):
            assert "_" not in header.split("\n")[0], f"{ws.title}: code name {header!r}"
            numbers = [r[j].value for r in data_rows(ws) if isinstance(r[j].value, int | float)]
            if numbers and not header.startswith("Year"):
                assert re.search(r"\((number|%)", header), f"{ws.title}: numeric column {header!r} has no unit"


def test_numbers_are_numbers_with_formats(wb: Any, paths: Paths) -> None:
    ws = wb["Population"]
    j, year = column(ws, "People (number)"), column(ws, "Year")
    for cells, row in zip(data_rows(ws), processed(paths, "population"), strict=True):
        assert cells[j].value == int(float(row["value"])) and cells[j].number_format == "#,##0"
        assert cells[year].value == int(row["year"]) and cells[year].number_format == "0"  # 2023, not 2,023
    figures = wb["Figures"]
    value, printed = column(figures, "Value (number"), column(figures, "Decimal places printed")
    for cells, row in zip(data_rows(figures), processed(paths, "figures"), strict=True):
        if row["value"] and row["printed_decimals"]:
            decimals = int(row["printed_decimals"])
            assert cells[value].value == pytest.approx(float(row["value"]))
            assert cells[value].number_format == "#,##0" + ("." + "0" * decimals if decimals else ""), row
            assert cells[printed].value == decimals
        elif not row["value"]:
            assert cells[value].value in MARKERS


def test_dates_are_date_cells(wb: Any, paths: Paths) -> None:
    ws = wb["Sources"]
    j = column(ws, "Date published")
    for cells, row in zip(data_rows(ws), processed(paths, "sources"), strict=True):
        assert isinstance(cells[j].value, dt.datetime) and cells[j].number_format == "d mmm yyyy"
        assert cells[j].value.date().isoformat() == row["date_published"]


def test_yes_no_not_true_false(wb: Any) -> None:
    ws = wb["Sources"]
    j = column(ws, "Publisher's own document")
    assert {r[j].value for r in data_rows(ws)} <= {"Yes", "No"}


def test_every_note_is_referenced_and_every_marker_has_a_note(wb: Any) -> None:
    notes = wb["Notes"]
    numbers = {int(r[0].value) for r in data_rows(notes)}
    assert numbers == set(range(1, len(numbers) + 1)) and numbers
    cited: set[int] = set()
    for ws in wb.worksheets[3:]:
        text = " ".join(str(c.value) for c in ws["A"][:header_row(ws) - 1]) + " ".join(headers(ws))
        cited |= {int(n) for n in re.findall(r"\[note (\d+)\]", text)}
    assert cited == numbers


def test_each_chart_sheet_holds_the_charts_data(wb: Any, built: Path) -> None:
    import json

    for i, chart_id in enumerate(CHART_IDS, start=1):
        ws = wb[f"Chart {i}"]
        meta = json.loads((built / "charts" / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
        assert ws["A1"].value.startswith(f"Chart {i}: {meta['title']}") and "[note " in ws["A1"].value
        with (built / "charts" / chart_id / f"{chart_id}.csv").open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert headers(ws) == rows[0]
        for cells, row in zip(data_rows(ws), rows[1:], strict=True):
            for cell, value in zip(cells, row, strict=True):
                if value == "":
                    assert cell.value == "[x]"
                elif isinstance(cell.value, dt.datetime):
                    assert cell.value.date().isoformat() == value
                elif isinstance(cell.value, int | float):
                    assert cell.value == pytest.approx(float(value))
                else:
                    assert cell.value == value


def test_print_set_up(wb: Any) -> None:
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize in (9, "9"), ws.title
        if ws.title == "Cover":
            continue
        assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth or 1) == 1, ws.title
        assert int(ws.page_setup.fitToHeight) > 0, f"{ws.title}: LibreOffice prints fitToHeight=0 on one page"
        if ws.max_column > workbook.LANDSCAPE_FROM:
            assert ws.page_setup.orientation == "landscape", ws.title
        if ws.title not in ("Contents", "Notes"):
            assert ws.print_title_rows == f"${header_row(ws)}:${header_row(ws)}", ws.title


def test_no_formula_cells(built: Path) -> None:
    with zipfile.ZipFile(built / WORKBOOK_NAME) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def _tiny_tables(text: str) -> dict[str, list[dict[str, Any]]]:
    source = {"id": "s1", "producer": text, "title": text, "url_main": "https://example.org/a",
              "date_published": "2020-01-02", "date_accessed": "2026-01-01", "kind": "press release",
              "primary": True, "citation": text, "licence": "Open Government Licence v3.0", "notes": None,
              "file": None, "sha256": None, "figures": 1}
    return {"sources": [source]}


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\")"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path, text: str) -> None:
    from openpyxl import load_workbook

    out = build_workbook(tmp_path, _tiny_tables(text), {})
    with zipfile.ZipFile(out) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>" in s or b"<f " in s for s in sheets)
    ws = load_workbook(out)["Sources"]
    assert ws.cell(header_row(ws) + 1, column(ws, "Publisher") + 1).value == text


_LINKISH = ["[x](see note 2)", "[a](https://x.org) and [b](https://y.org)", "https://evil.example/phish",
            "ftp://host/file", "external:\\\\host\\share", "mailto:someone@example.org", "file:///etc/passwd"]


@pytest.mark.parametrize("text", _LINKISH)
def test_record_text_never_becomes_a_link_and_never_crashes(tmp_path: Path, text: str) -> None:
    """Issue 24: text from the record is written as text; the only links on a table sheet are sources' http(s)
    addresses (here the source's own https address)."""
    from openpyxl import load_workbook

    out = build_workbook(tmp_path, _tiny_tables(text), {})
    ws = load_workbook(out)["Sources"]
    links = [c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink]
    assert links == ["https://example.org/a"]
    assert ws.cell(header_row(ws) + 1, column(ws, "Publisher") + 1).value == text.replace("](", "] (")


@pytest.mark.parametrize("address", ["ftp://host/file", "external:\\\\host\\share", "file:///x", "javascript:x"])
def test_a_source_address_links_only_over_http(tmp_path: Path, address: str) -> None:
    from openpyxl import load_workbook

    tables = _tiny_tables("A publisher")
    tables["sources"][0]["url_main"] = address
    ws = load_workbook(build_workbook(tmp_path, tables, {}))["Sources"]
    assert not [c for row in ws.iter_rows() for c in row if c.hyperlink]


def test_two_builds_are_byte_identical(tmp_path: Path, paths: Paths, built: Path) -> None:
    """Built again here, in another process and at another time, the workbook is the one `make` wrote, byte for
    byte (no creation time, no random ids)."""
    import shutil

    shutil.copytree(built / "charts", tmp_path / "charts")
    workbook.build_workbook(tmp_path, workbook.load_tables(paths),
                            workbook.notes_from_sidecars(tmp_path / "charts", list(CHART_IDS)))
    assert (tmp_path / WORKBOOK_NAME).read_bytes() == (built / WORKBOOK_NAME).read_bytes()
