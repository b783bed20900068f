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

from analysis.paths import CHART_IDS, CONTACT, PROJECT_ROOT, Paths
from analysis.publish import workbook
from analysis.publish.workbook import WORKBOOK_NAME, WORKBOOK_TABLES, build_workbook
from tests.made import Made

MARKERS = {"[x]", "[nr]", "[z]", "[c]"}
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


def test_cover_says_period_last_updated_next_update_sources_licence_contact(wb: Any, paths: Paths) -> None:
    cover = wb["Cover"]
    text = "\n".join(str(c.value) for row in cover.iter_rows() for c in row if c.value is not None)
    assert cover["A1"].value == workbook.TITLE
    assert not cover.tables and cover.freeze_panes is None  # no second table, nothing frozen
    read = max(s["date_accessed"] for s in processed(paths, "sources"))
    corrected = [m for c in processed(paths, "claims") for m in re.findall(r"(\d{4}-\d{2}-\d{2}):", c["corrections"])]
    read = max([read, *corrected])  # the latest date a source was read or a claim corrected
    assert f"Last updated: {dt.date.fromisoformat(read).strftime('%-d %B %Y')}" in text
    assert "Publication date" not in text  # the latest source's date is not the workbook's
    figures = processed(paths, "figures")
    first = min(f["period_start"] for f in figures if f["period_start"])
    last = max(figures, key=lambda f: f["period_end"])
    day = "%-d %B %Y"
    end = dt.date.fromisoformat(last["period_end"])
    # A period end that is its document's own first-of-month stand-in date is given as its month (test_review54).
    stand_in = last["period_end"] == last["published"][:10] and last["published_approximate"] == "true"
    shown = end.strftime("%B %Y (approximate)") if stand_in else end.strftime(day)
    assert (f"Period covered: the figures refer to periods from {dt.date.fromisoformat(first).strftime(day)} to "
            f"{shown}") in text
    assert "Next update: not scheduled" in text
    assert f"Sources: {len(processed(paths, 'sources'))} published documents" in text
    for needed in ("This workbook holds", "Licence:", "Open Government Licence v3.0", "Contact", CONTACT):
        assert needed in text, needed
    for symbol in ("[x]", "[nr]", "[z]", "[c]"):
        assert f"Symbols: {symbol} means " in text, symbol


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


#: A unit in a header: "(number)", "(%)", "(£)", or the row's unit in the Unit column / the next column.
UNIT = re.compile(r"\((number|%|£|times|rate|in the unit in the (Unit|next) column)\)")


def test_headers_are_plain_english_with_units(wb: Any) -> None:
    """Issue 23: every number column of every sheet, tables and charts alike, says its unit in its header."""
    grades = headers(wb["Inspection grades"])
    assert "Cases examined (number)" in grades and any(h.startswith("Share published (%)") for h in grades)
    assert any(h.startswith("Share computed from the counts (%)") for h in grades)
    for ws in wb.worksheets[3:]:
        for j, header in enumerate(headers(ws)):
            first = header.split("\n")[0]
            assert "_" not in first, f"{ws.title}: code name {header!r}"
            numbers = [r[j].value for r in data_rows(ws) if isinstance(r[j].value, int | float)]
            if numbers and not (first == "Year" or "period" in first.lower()):
                assert UNIT.search(first), f"{ws.title}: number column {first!r} has no unit"


def test_no_column_mixes_units(wb: Any) -> None:
    """Issue 23: the inspection timeline's one value column held counts ("two") and shares ("74.3%"). The chart now
    keeps one column per kind of count (causes of concern, recommendations), each a number: its sheet has no
    column whose cells are of two units, and every number column says "(number)"."""
    i = CHART_IDS.index("inspection-timeline") + 1
    ws = wb[f"Chart {i}"]
    hs = headers(ws)
    numeric = [j for j, _ in enumerate(hs) if any(isinstance(r[j].value, int | float) for r in data_rows(ws))]
    assert numeric and all(hs[j].endswith("(number)") for j in numeric), hs
    assert not any("%" in str(r[j].value) for r in data_rows(ws) for j in numeric)


def test_claims_recomputed_value_has_its_unit_next_to_it(wb: Any, paths: Paths) -> None:
    """Issue 23: the recomputed value mixed shares, rises and counts; its unit is now in the column after it: a
    share or a per-cent change is in per cent, a sum or difference of counts is a number."""
    ws = wb["Claims"]
    j = column(ws, "Recomputed value")
    assert headers(ws)[j + 1] == "Unit of the recomputed value"
    expected = {"share": "per cent", "percent_change": "per cent", "sum": "number", "difference": "number"}
    checked = 0
    for cells, row in zip(data_rows(ws), processed(paths, "claims"), strict=True):
        if row["computed"] and row["kind"] in expected:
            assert cells[j + 1].value == expected[row["kind"]], row["claim_id"]
            checked += 1
        elif not row["computed"]:
            assert cells[j + 1].value == "[z]"
    assert checked > 20


def test_numbers_are_numbers_with_formats(wb: Any, paths: Paths) -> None:
    ws = wb["Population"]
    j, year = column(ws, "People (number)"), column(ws, "Year")
    for cells, row in zip(data_rows(ws), processed(paths, "population"), strict=True):
        assert cells[j].value == int(float(row["value"])) and cells[j].number_format == "#,##0"
        assert cells[year].value == int(row["year"]) and cells[year].number_format == "0"  # 2023, not 2,023
    figures = wb["Figures"]
    value, printed = column(figures, "Value ("), column(figures, "Decimal places printed")
    scaled = 0
    for cells, row in zip(data_rows(figures), processed(paths, "figures"), strict=True):
        if row["value"] and row["printed_decimals"]:
            decimals = int(row["printed_decimals"])
            assert cells[value].value == pytest.approx(float(row["value"]))
            # "8.825 million" is 8,825,000 whole people: its three decimals are of millions, not of people
            in_own_unit = 0 if re.search(r"\d\s*(?:million|m)\b", row["value_as_printed"]) else decimals
            scaled += in_own_unit != decimals
            assert cells[value].number_format == "#,##0" + ("." + "0" * in_own_unit if in_own_unit else ""), row
            assert cells[printed].value == decimals
        elif not row["value"]:
            assert cells[value].value in MARKERS
    assert scaled >= 20  # "8.825 million", "£15.6million", "60.9 million" …: shown as 8,825,000.000 before


def test_dates_are_date_cells(wb: Any, paths: Paths) -> None:
    ws = wb["Sources"]
    j = column(ws, "Date published")
    for cells, row in zip(data_rows(ws), processed(paths, "sources"), strict=True):
        # a stand-in date (its day not printed) keeps its date and shows its month only
        shown = "mmm yyyy" if row["date_approximate"] == "true" else "d mmm yyyy"
        assert isinstance(cells[j].value, dt.datetime) and cells[j].number_format == shown
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


def chart_columns(ws: Any, csv_headers: list[str]) -> list[int | None]:
    """Where each chart CSV column is on the sheet: the same header, or the header with its unit added; None for a
    column the sheet shows in another form (the chart's own Qualifier or "<number> qualifier" column, shown next to
    its number in the sheet's words)."""
    shown = headers(ws)
    return [next((j for j, h in enumerate(shown)
                  if h == name or (h.startswith(f"{name} (") and UNIT.fullmatch(h[len(name) + 1:]))), None)
            for name in csv_headers]


def test_each_chart_sheet_holds_the_charts_data(wb: Any, built: Path) -> None:
    import json

    for i, chart_id in enumerate(CHART_IDS, start=1):
        ws = wb[f"Chart {i}"]
        meta = json.loads((built / "charts" / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
        assert ws["A1"].value.startswith(f"Chart {i}: {meta['title']}") and "[note " in ws["A1"].value
        with (built / "charts" / chart_id / f"{chart_id}.csv").open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        where = chart_columns(ws, rows[0])
        assert all(j is not None or name == "Qualifier" or name.endswith(" qualifier")
                   for j, name in zip(where, rows[0], strict=True)), ws.title
        blank_by_nature = {(row, header) for row, header in meta["not_applicable"]}
        for i, (cells, row) in enumerate(zip(data_rows(ws), rows[1:], strict=True)):
            for j, value, header in zip(where, row, rows[0], strict=True):
                if j is None:
                    continue
                cell = cells[j]
                if value == "":
                    assert cell.value == ("[z]" if (i, header) in blank_by_nature else "[x]"), (ws.title, i, header)
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


def test_the_cover_says_how_many_documents_state_no_licence(tmp_path: Path) -> None:
    """The cover listed the licences the record holds ('Open Government Licence v3.0') and nothing else, so it read
    as the terms of every document, while most sources' licence is 'unknown' (the README and the gallery say to
    check those before reusing more than the figures). The cover now says how many, and the same."""
    from openpyxl import load_workbook

    tables = _tiny_tables("A publisher")
    tables["sources"].append({**tables["sources"][0], "id": "s2", "licence": "unknown"})
    book = load_workbook(build_workbook(tmp_path, tables, {}))
    cover = " ".join(str(c.value) for row in book["Cover"].iter_rows() for c in row if c.value)
    assert "Open Government Licence v3.0" in cover
    assert "no licence is in this record for 1 of the 2 documents ('unknown' on the Sources worksheet)" in cover
    assert "before reusing more than the figures" in cover


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

    from analysis.tables.load import build_mark

    shutil.copytree(built / "charts", tmp_path / "charts")
    workbook.build_workbook(tmp_path, workbook.load_tables(paths),
                            workbook.notes_from_sidecars(tmp_path / "charts", list(CHART_IDS)), build_mark(paths))
    assert (tmp_path / WORKBOOK_NAME).read_bytes() == (built / WORKBOOK_NAME).read_bytes()


# --- issue 23: a workbook a reporter can trust ---------------------------------------------------------------------


def test_a_published_share_shows_no_decimal_its_source_did_not_print(tmp_path: Path, paths: Paths) -> None:
    """The inspection sheet showed 'Share published (%)' at one decimal for every row: '89%' read 89.0, and 'three
    quarters' and 'more than half' 75.0 and 50.0, a precision the sources never gave. Each shows as printed."""
    from openpyxl import load_workbook

    workbook.build_workbook(tmp_path, workbook.load_tables(paths), {})
    ws = load_workbook(tmp_path / WORKBOOK_NAME)["Inspection grades"]
    share, printed = column(ws, "Share published (%)"), column(ws, "Share as printed")
    seen = {}
    for cells in data_rows(ws):
        if isinstance(cells[share].value, int | float):
            seen[cells[printed].value] = cells[share].number_format
    assert seen["89%"] == "#,##0" and seen["three quarters"] == "#,##0", seen
    assert all(f == "#,##0" for f in seen.values()), seen


def test_recomputed_values_are_numbers_at_the_decimals_the_working_printed(wb: Any, paths: Paths) -> None:
    """Issue 23: "15,820" was stored as text; every recomputed value is a number cell showing the working's decimals,
    and a claim with nothing to recompute holds a marker, never a blank or text."""
    ws = wb["Claims"]
    j = column(ws, "Recomputed value")
    rows = processed(paths, "claims")
    assert any(r["computed"] == "15,820" for r in rows)  # the case the issue names is in the data
    for cells, row in zip(data_rows(ws), rows, strict=True):
        cell, computed = cells[j], row["computed"]
        if not computed:
            assert cell.value in ("[x]", "[nr]"), row["claim_id"]
            continue
        assert isinstance(cell.value, int | float), f"{row['claim_id']}: {cell.value!r} is not a number"
        assert cell.value == pytest.approx(float(computed.replace(",", "")))
        decimals = len(computed.split(".")[1]) if "." in computed else 0
        assert cell.number_format == "#,##0" + ("." + "0" * decimals if decimals else ""), row["claim_id"]


def _after(ws: Any, starts: str) -> list[tuple[Any, Any]]:
    """(number, the cell right after it) for each row of the column whose header starts with `starts`."""
    j = column(ws, starts)
    assert "qualifier (bound or approximation)" in headers(ws)[j + 1].lower(), headers(ws)[j + 1]
    return [(r[j].value, r[j + 1].value) for r in data_rows(ws)]


def test_bounds_and_approximations_sit_next_to_the_value(wb: Any, paths: Paths, built: Path) -> None:
    """Issue 23: "more than 800" stays 800 in the number column, and the column right after it says it is a lower
    bound; "about"/"approximately" says approximate; plain figures say exact. Checked against the record's own
    qualifiers and against what each chart's CSV printed."""
    figures = processed(paths, "figures")
    pairs = _after(wb["Figures"], "Value (")
    seen = set()
    for (value, words), row in zip(pairs, figures, strict=True):
        q = row["qualifier"]
        seen.add(q)
        assert value == pytest.approx(float(row["value"]))
        if q == "exact":  # no qualifier word printed: not "exact" ("8.95 million" stands for 8,945,000 to 8,954,999)
            assert words == "none printed", row["figure_id"]
        elif q in ("more than", "just over", "at least"):
            assert words.startswith(f"{q} (lower bound"), (row["figure_id"], words)
        elif q in ("almost", "at most", "fewer than"):
            assert words.startswith(f"{q} (upper bound"), (row["figure_id"], words)
        else:
            assert words == f"{q} (approximate)", (row["figure_id"], words)
    assert {"exact", "more than", "about", "almost"} <= seen
    grades = _after(wb["Inspection grades"], "Share published (%)")
    printed = [r["share_as_printed"] for r in processed(paths, "inspection_grades")]
    assert ("about (approximate)" in {w for (_, w), p in zip(grades, printed, strict=True) if p == "three quarters"})
    for chart_id, number in (("historic-reviews-national", "Count ("), ("two-1200s", "Value (")):
        ws = wb[f"Chart {CHART_IDS.index(chart_id) + 1}"]
        with (built / "charts" / chart_id / f"{chart_id}.csv").open(encoding="utf-8") as fh:
            as_printed = [r["As printed"] for r in csv.DictReader(fh)]
        for (value, words), text in zip(_after(ws, number), as_printed, strict=True):
            assert f"{value:,}" in text
            if text.lower().startswith("more than"):
                assert words == "more than (lower bound, not included)", (chart_id, text)
            else:
                assert words == "none printed", (chart_id, text)
        assert "Qualifier" not in headers(ws)  # the chart's own qualifier column moved next to the number
        assert not [h for h in headers(ws) if h.endswith(" qualifier")], headers(ws)


def test_qualifier_words_follow_the_one_vocabulary() -> None:
    """What the qualifier column says, for each canonical qualifier's documented meaning (vocabulary.CANONICAL)."""
    from analysis.publish.workbook_columns import qualifier_words

    assert qualifier_words("more than") == "more than (lower bound, not included)"
    assert qualifier_words("over") == "over (lower bound, not included)"
    assert qualifier_words("at least") == "at least (lower bound, included)"
    assert qualifier_words("fewer than") == "fewer than (upper bound, not included)"
    assert qualifier_words("up to") == "up to (upper bound, included)"
    assert qualifier_words("almost").startswith("almost (upper bound, not included")
    assert qualifier_words("approximately") == "approximately (approximate)"
    assert qualifier_words("") == qualifier_words("exact") == "none printed"
    assert qualifier_words("reportedly") == "reportedly (approximate)"  # unknown words are never read as exact


def test_not_published_is_told_apart_from_not_yet_in_this_record(wb: Any, paths: Paths) -> None:
    """Issue 23: [x] said both "not published" and "not found". A claim whose missing input is published (its gap
    names the publication) is [nr], not yet in this record; one whose input was never published is [x]; the gaps
    sheet says [x] where no publication was found. Each sheet using a marker explains it."""
    gaps = {g["id"]: g for g in processed(paths, "gaps")}
    ws = wb["Claims"]
    j = column(ws, "Recomputed value")
    verdicts = set()
    for cells, row in zip(data_rows(ws), processed(paths, "claims"), strict=True):
        if row["computed"]:
            continue
        ids = [g for g in row["gaps"].split(";") if g]
        published = any(gaps[g]["published_in"] for g in ids)
        verdicts.add(row["verdict"])
        assert cells[j].value == ("[nr]" if published else "[x]"), (row["claim_id"], row["verdict"])
        assert cells[j].value == ("[nr]" if row["verdict"] == "not yet in this record" else "[x]")
    assert verdicts == {"not yet in this record", "cannot be checked: not found"}
    legend = " ".join(str(c.value) for c in ws["A"][: header_row(ws) - 1])
    assert "[nr] = not yet in this record" in legend
    assert "[x] = not available: this figure was not found in any publication we looked at" in legend
    gap_sheet = wb["Gaps"]
    k = column(gap_sheet, "Published by its producer in")
    for cells, gap in zip(data_rows(gap_sheet), gaps.values(), strict=True):
        assert cells[k].value == (gap["published_in"] or "[x]")


#: Words that describe a drawing rather than the numbers on a sheet.
DRAWING = re.compile(r"\b(dots?|circles?|diamonds?|triangles?|hatched|dashed|colours?|drawn)\b", re.IGNORECASE)


def test_notes_are_written_for_spreadsheet_readers(wb: Any, paths: Paths) -> None:
    """Issue 23: notes pointed to repository paths (docs/factcheck.md) and carried chart captions ("Circles: ...",
    "dashed outline", record ids in brackets). Each note is plain words about the numbers, each of the chart's own
    sentences once: a sentence of the record's (a caveat two figures share, "Offences, not victims.") is given to
    each figure, as the chart's notes give it (round 45c)."""
    from analysis.publish.reader_text import describes_drawing, from_record, record_words

    ids = [g["id"] for g in processed(paths, "gaps")]
    record = record_words({name: processed(paths, name) for name in ("figures", "gaps", "sources", "claims")})
    notes = [str(r[1].value) for r in data_rows(wb["Notes"])]
    assert len(notes) > 10
    for note in notes:
        assert not re.search(r"\S+/\S+\.(md|py|csv|json|yaml)\b", note), note
        assert not describes_drawing(note, record), note
        assert not any(f"({gap_id})" in note for gap_id in ids), note
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", note) if s.strip()]
        own = [s for s in sentences if not from_record(s, record)]
        assert len(own) == len(set(own)), note
    assert any("(shown as [x] on this worksheet)" in n for n in notes)  # a blank in the data is named as on the sheet


def test_a_caveat_keyed_to_the_drawing_keeps_its_words_for_spreadsheet_readers(drawn_charts: Any) -> None:
    """The Met series' note 'Dashed: 2014's referrals may cover part of the year.' was dropped whole from the
    workbook (it names the dashes), so the sheet lost the caveat that the first year may be partial, while 'Hollow:
    2017's 1,200 is a round figure' kept a key to a drawing the sheet does not have. The key goes; the caveat stays."""
    from analysis.publish.reader_text import reader_notes

    _, meta = drawn_charts("met-cse-series")
    note = workbook.reader_notes(meta.notes)
    assert "2014's referrals may cover part of the year." in note
    assert "2017's 1,200 is a round figure" in note and "Hollow:" not in note
    assert not DRAWING.search(note), note
    assert reader_notes("Circles: a publication; diamonds: a news report.") == ""  # a key alone is still dropped
    assert reader_notes("Shown as printed (nothing is drawn).") == "Shown as printed."


@pytest.mark.parametrize(("chart_id", "caveat"), [
    ("historic-reviews-national", "the Met's own review of its cases is not part of, or comparable with, this count"),
    ("historic-reviews-national", "only the exact count is shown ('More than 1,200' as at 4 November 2025 not "
                                  "shown"),
    ("met-cse-series", "a rise of 56 per cent in children identified as at risk was put to the Commissioner"),
    ("what-the-56-means", "cannot be compared with the Met's earlier yearly figures"),
    ("inspection-grades", "the combined share printed with them ('Just under 93%') is given in the data as printed"),
])
def test_a_chart_caveat_about_the_data_reaches_the_workbook(drawn_charts: Any, chart_id: str, caveat: str) -> None:
    """Each of these was one sentence with a word about the drawing in it ('is a separate chart', 'so nothing is
    drawn', 'cannot be charted'), so the workbook dropped it: the national chart's sheet lost that the Met's review is
    not comparable with the national count, and the Met series' note kept 'His explanation: ...' with no rise
    before it to explain."""
    _, meta = drawn_charts(chart_id)
    note = workbook.reader_notes(meta.notes)
    assert caveat in note, note
    assert not DRAWING.search(note), note


@pytest.mark.parametrize("chart_id", ["inspection-timeline", "london-population-share"])
def test_a_chart_note_about_blanks_says_x_as_the_sheet_shows(drawn_charts: Any, chart_id: str) -> None:
    """'In the data table, a blank means that kind of count was not published' and 'the as-printed row is blank'
    reached the workbook as written, while those cells on the chart's sheet hold [x], never a blank."""
    _, meta = drawn_charts(chart_id)
    assert "blank" in meta.notes
    note = workbook.reader_notes(meta.notes)
    assert "blank" not in note and "On this worksheet," in note and "[x]" in note, note


def test_a_chart_sheets_subtitle_has_no_key_to_the_drawing(tmp_path: Path) -> None:
    """The Met series' sheet was subtitled '… Circles: a Met publication; diamonds: a news report of the Met's
    figures.', marks a sheet does not have; the subtitle keeps what it says about the data."""
    import json

    from openpyxl import load_workbook

    chart = tmp_path / "charts" / "demo"
    chart.mkdir(parents=True)
    intro = "Figures by year, 2014–2017. Circles: a Met publication; diamonds: a news report of the Met's figures."
    (chart / "demo.json").write_text(json.dumps({"title": "A demo", "intro": intro, "notes": "Counts as printed.",
                                                 "source_line": "Source: A publisher"}), encoding="utf-8")
    (chart / "demo.csv").write_text("Year,Referrals\n2014,1737\n", encoding="utf-8")
    ws = load_workbook(build_workbook(tmp_path, _tiny_tables("A publisher"), {"demo": ""}))["Chart 1"]
    above = [str(c.value) for c in ws["A"][:header_row(ws) - 1] if c.value]
    assert "Figures by year, 2014–2017." in above, above
    assert not DRAWING.search(" ".join(above)), above


def test_the_workbook_date_comes_from_the_data(tmp_path: Path) -> None:
    """The cover's date and the file's creation date are the latest date a source was read: the same data give the
    same bytes, and reading a new source moves the date. (The latest *published* date is not the workbook's.)"""
    from openpyxl import load_workbook

    tables = _tiny_tables("A publisher")
    tables["sources"].append({**tables["sources"][0], "id": "s2", "date_published": "2021-03-04",
                              "date_accessed": "2024-05-06"})
    first = build_workbook(tmp_path / "a", tables, {})
    again = build_workbook(tmp_path / "b", tables, {})
    assert first.read_bytes() == again.read_bytes()
    book = load_workbook(first)
    cover = " ".join(str(c.value) for row in book["Cover"].iter_rows() for c in row if c.value)
    assert "Last updated: 1 January 2026" in cover and "Newest source: published 4 March 2021" in cover
    assert book.properties.created == dt.datetime(2026, 1, 1)
    tables["sources"][1]["date_accessed"] = "2026-02-03"
    later = load_workbook(build_workbook(tmp_path / "c", tables, {}))
    assert "Last updated: 3 February 2026" in " ".join(str(c.value) for row in later["Cover"].iter_rows()
                                                       for c in row if c.value)


def test_a_numbers_own_qualifier_column_is_its_one_qualifier_column(tmp_path: Path) -> None:
    """The charts' CSVs name a number's qualifier '<column> qualifier' ('Recorded qualifier'); the workbook moved
    only a column headed 'Qualifier', so the national chart's sheet said 'about' twice, in 'Recorded: qualifier
    (bound or approximation)' and again in 'Recorded qualifier', and the Met series' sheet kept bare 'about' and
    'exact' under headers no other sheet uses. Each number now has one qualifier column, in the sheet's words."""
    from analysis.publish import workbook_sheets

    path = tmp_path / "demo.csv"
    path.write_text("Year,Recorded,Recorded qualifier,Recorded as printed,Crimes,Crimes qualifier\n"
                    "2017,1200,about,\"1,200\",922,exact\n2022,107000,about,\"around 107,000\",,\n",
                    encoding="utf-8")
    sheet = workbook_sheets.chart_sheet(path)
    assert sheet.headers == ["Year", "Recorded (number)", "Recorded: qualifier (bound or approximation)",
                             "Recorded as printed", "Crimes (number)", "Crimes: qualifier (bound or approximation)"]
    assert [row[2] for row in sheet.rows] == ["about (approximate)", "about (approximate)"]
    assert [row[5] for row in sheet.rows] == ["none printed", "[z]"]


def test_a_chart_csv_with_its_own_qualifier_column_and_mixed_units(tmp_path: Path) -> None:
    """Any chart's CSV, not just today's twelve: the chart's Qualifier column moves next to its number, a column of
    counts and shares gets a Unit column read from the words printed in the row, and a blank is [x] with [z] in the
    columns that describe it."""
    from analysis.publish import workbook_sheets

    path = tmp_path / "demo.csv"
    path.write_text("Date,Value,Qualifier,Text\n2025-01-02,800,more than,more than 800\n"
                    "2025-02-03,56,exact,56 per cent\n2025-03-04,,,not published\n", encoding="utf-8")
    sheet = workbook_sheets.chart_sheet(path)
    assert sheet.headers == ["Date", "Value (in the unit in the Unit column)", "Qualifier (bound or approximation)",
                             "Unit", "Text"]
    assert [row[1:4] for row in sheet.rows] == [[800.0, "more than (lower bound, not included)", "number"],
                                                [56.0, "none printed", "per cent"], ["[x]", "[z]", "[z]"]]


def test_each_sheet_s_note_number_leads_to_its_own_note(wb: Any, built: Path, made: Made) -> None:
    """The Notes sheet's row heights were measured from notes listed in an order read from a private attribute of
    gptables; they are now listed in the order cited. Whatever the order, the note a chart sheet's title cites
    must be that chart's notes, as the sidecar gives them for spreadsheet readers."""
    import json

    from analysis.publish import reader_text

    notes = {int(r[0].value): str(r[1].value) for r in data_rows(wb["Notes"])}
    record = reader_text.record_words(workbook.load_tables(Paths(made.root)))
    for i, chart_id in enumerate(CHART_IDS, start=1):
        cited = re.findall(r"\[note (\d+)\]", str(wb[f"Chart {i}"]["A1"].value))
        assert len(cited) == 1, chart_id
        meta = json.loads((built / "charts" / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
        assert notes[int(cited[0])] == workbook.reader_notes(meta["notes"], record), chart_id
