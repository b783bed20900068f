"""`workbook`: every processed table in one Excel workbook, laid out as a UK government accessible spreadsheet.

The Notes sheet carries each chart's notes, read from the JSON sidecars the charts were exported with (by the
notebooks during `make`, or by `python -m analysis charts`), so the workbook and the charts cannot disagree about a
caveat. Kept apart from chart drawing so the main job can write it without drawing any chart a second time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from analysis.paths import Paths, add_root_argument

WORKBOOK_NAME = "cse-figures.xlsx"
#: Sheet order in the workbook after Cover and Notes (sheet names must be ≤ 31 characters).
WORKBOOK_TABLES = ("figures", "sources", "claims", "gaps", "inspection_grades", "met_cse_series",
                   "historic_reviews", "population")


def _table_info(name: str) -> tuple[str, str]:
    from analysis.record import schema

    if name in schema.TABLES:
        _, title, description = schema.TABLES[name]
        return title, description
    return name.replace("_", " ").capitalize(), "Registered claims with their recomputed verdicts."


def _sheet_name(name: str) -> str:
    """'met_cse_series' → 'Met CSE series' (a sheet name must be at most 31 characters)."""
    words = name.replace("_", " ").capitalize().split()
    return " ".join(w.upper() if w.lower() == "cse" else w for w in words)[:31]


def _autosize(ws: Any, widths: dict[int, int]) -> None:
    from openpyxl.utils import get_column_letter

    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(10, min(width + 2, 60))


def _write_lines(ws: Any, lines: list[str], start_row: int = 2) -> int:
    """Plain text rows in column A; returns the next free row. Headings are bold via their own style only."""
    from openpyxl.styles import Font

    row = start_row
    for line in lines:
        cell = ws.cell(row=row, column=1, value=line)
        if line.endswith(":") or line in ("Contents", "Sources", "About this workbook"):
            cell.font = Font(bold=True, size=12)
        row += 1
    return row


def _write_table(ws: Any, rows: list[dict[str, Any]], start_row: int, name: str) -> None:
    """A header row and data, marked up as an Excel table (screen readers announce it), no blank cells faked.
    `rows` are plain dicts (all with the same keys, in column order); None is written as an empty cell."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    columns = list(rows[0]) if rows else ["(no rows)"]
    widths = {}
    for j, col in enumerate(columns, start=1):
        ws.cell(row=start_row, column=j, value=col).font = Font(bold=True)
        widths[j] = len(col)
    for i, row in enumerate(rows, start=start_row + 1):
        for j, col in enumerate(columns, start=1):
            value = row[col]
            ws.cell(row=i, column=j, value=value)
            widths[j] = max(widths[j], min(len(str(value)) if value is not None else 0, 60))
    _autosize(ws, widths)
    end_row = start_row + max(len(rows), 1)
    ref = f"A{start_row}:{get_column_letter(len(columns))}{end_row}"
    table = Table(displayName="table_" + name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)


def build_workbook(outputs: Path, tables: dict[str, list[dict[str, Any]]], chart_notes: dict[str, str]) -> Path:
    """One workbook laid out as UK government accessible spreadsheets: Cover, Notes, then one table per sheet.

    Every sheet has its title in A1, tables start at column A with one header row, nothing is merged and no
    colour carries meaning (blank cells mean "not published", which the Notes sheet says in words). `tables` are
    plain rows (see `load_tables`): the workbook needs no pandas.
    """
    from collections import Counter

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    names = [n for n in WORKBOOK_TABLES if n in tables]

    cover["A1"] = "Published figures on child sexual exploitation in London and England and Wales"
    cover["A1"].font = Font(bold=True, size=14)
    sources = tables.get("sources")
    n_sources = len(sources) if sources is not None else 0
    row = _write_lines(cover, [
        "About this workbook",
        "Aggregate statistics only, each transcribed from a published document and traced to the words it was "
        "printed in. Built from data/raw by `make` (or `python -m analysis build`, then `workbook`).",
        "Blank cells mean a figure was not published; they are never zero.",
        f"The figures come from {n_sources} published documents, listed on the Sources sheet with publisher, "
        "title, date and the address at which each was read.",
        "Contents",
    ])
    contents = (
        [{"Sheet": "Notes", "Contents": "Notes on the charts and on reading the tables"}]
        + [{"Sheet": _sheet_name(n), "Contents": f"{_table_info(n)[0]}: {_table_info(n)[1]}"} for n in names])
    _write_table(cover, contents, row, "contents")
    row += len(contents) + 2
    if sources is not None and len(sources):
        row = _write_lines(cover, ["Sources"], row)
        producers = Counter(s["producer"] for s in sources)
        listing = [{"Publisher": name, "Documents": n}
                   for name, n in sorted(producers.items(), key=lambda item: (-item[1], item[0]))]
        _write_table(cover, listing, row, "publishers")
    cover.column_dimensions["A"].width = 40

    notes = wb.create_sheet("Notes")
    notes["A1"] = "Notes"
    notes["A1"].font = Font(bold=True, size=14)
    notes["A2"] = "This worksheet contains one table of notes, one row per chart."
    rows = [{"Note number": f"[note {i}]", "Chart": cid, "Note text": text}
            for i, (cid, text) in enumerate(chart_notes.items(), start=1)]
    rows.append({"Note number": f"[note {len(rows) + 1}]", "Chart": "all tables",
                 "Note text": "Blank cells mean the figure was not published or could not be read; see the Gaps "
                              "sheet for figures looked for and not found."})
    _write_table(notes, rows, 4, "notes")

    for name in names:
        title, description = _table_info(name)
        ws = wb.create_sheet(_sheet_name(name))
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=14)
        ws["A2"] = description
        ws["A3"] = f"This worksheet contains one table of {len(tables[name])} rows. Blank cells: not published."
        _write_table(ws, tables[name], 5, name)

    out = outputs / WORKBOOK_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def load_tables(paths: Paths) -> dict[str, list[dict[str, Any]]]:
    """Every processed table the workbook shows, as typed plain rows (`analysis.tables.load.load_rows`)."""
    from analysis.tables.load import load_rows

    return {name: load_rows(name, paths) for name in WORKBOOK_TABLES}


def notes_from_sidecars(charts_dir: Path, chart_ids: list[str]) -> dict[str, str]:
    """Each chart's notes from its exported JSON sidecar; a missing sidecar is an error that says what to run."""
    notes = {}
    for chart_id in chart_ids:
        sidecar = charts_dir / chart_id / f"{chart_id}.json"
        try:
            notes[chart_id] = json.loads(sidecar.read_text(encoding="utf-8"))["notes"]
        except FileNotFoundError:
            raise FileNotFoundError(f"{sidecar} is missing: export the charts first (`make`, or "
                                    "`python -m analysis charts`)") from None
    return notes


def write_workbook(paths: Paths, outputs: Path | None = None) -> Path:
    """The workbook from the processed tables and the exported charts' notes."""
    from analysis.record.schema import CHART_IDS

    outputs = outputs or paths.outputs
    return build_workbook(outputs, load_tables(paths), notes_from_sidecars(outputs / "charts", list(CHART_IDS)))


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/outputs)")


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    try:
        workbook = write_workbook(paths, args.out.resolve() if args.out else None)
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"wrote {paths.rel(workbook)}")
    return 0
