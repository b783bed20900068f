"""`charts`: every chart as PNG (web, 2×), SVG (print), Datawrapper CSV and JSON sidecar, plus one Excel workbook.

Layout of `outputs/`:

    charts/<chart-id>/<chart-id>.png   200 dpi: 2× the 100-dpi CSS size, sharp on high-density screens
    charts/<chart-id>/<chart-id>.svg   text kept as text (the "Source:" line is searchable and editable)
    charts/<chart-id>/<chart-id>.csv   one header row; first column categories/dates; blank = not published
    charts/<chart-id>/<chart-id>.json  title, intro, source_name, source_url, notes, alt_text, chart_type
    cse-figures.xlsx                   every processed table, laid out as a government accessible spreadsheet

SVGs are deterministic (fixed hash salt, no date in the metadata) so a re-run changes no file unless the data did.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from analysis import style
from analysis.paths import DEFAULT, Paths

PNG_DPI = 200
WORKBOOK_NAME = "cse-figures.xlsx"
#: Sheet order in the workbook after Cover and Notes (sheet names must be ≤ 31 characters).
WORKBOOK_TABLES = ("figures", "sources", "claims", "gaps", "inspection_grades", "met_cse_series",
                   "historic_reviews", "population")


def chart_dir(outputs: Path, chart_id: str) -> Path:
    return outputs / "charts" / chart_id


def write_chart(fig: Any, meta: Any, folder: Path) -> dict[str, Path]:
    """Write one chart's four files; return them by extension."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / meta.chart_id
    files = {ext: stem.with_suffix(f".{ext}") for ext in ("png", "svg", "csv", "json")}
    style.save_png(fig, files["png"], PNG_DPI)
    style.save_svg(fig, files["svg"], title=meta.title, description=meta.alt_text)
    meta.data.to_csv(files["csv"], index=False, lineterminator="\n", float_format="%.10g")
    files["json"].write_text(json.dumps(meta.sidecar(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return files


def export_charts(outputs: Path, tables: dict[str, Any]) -> list[str]:
    """Draw and write every chart; return the chart ids written."""
    import matplotlib

    matplotlib.use("Agg")
    from analysis import charts

    written = []
    for spec in charts.CHARTS:
        fig, meta = spec.draw(*(tables[t] for t in spec.tables))
        write_chart(fig, meta, chart_dir(outputs, spec.chart_id))
        written.append(spec.chart_id)
    return written


# --- workbook -------------------------------------------------------------------------------------------------


def _table_info(name: str) -> tuple[str, str]:
    from analysis import schema

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


def _write_table(ws: Any, df: Any, start_row: int, name: str) -> None:
    """A header row and data, marked up as an Excel table (screen readers announce it), no blank cells faked."""
    import pandas as pd
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    columns = [str(c) for c in df.columns]
    widths = {}
    for j, col in enumerate(columns, start=1):
        ws.cell(row=start_row, column=j, value=col).font = Font(bold=True)
        widths[j] = len(col)
    for i, row in enumerate(df.itertuples(index=False), start=start_row + 1):
        for j, value in enumerate(row, start=1):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                value = None
            elif hasattr(value, "item"):
                value = value.item()
            ws.cell(row=i, column=j, value=value)
            widths[j] = max(widths[j], min(len(str(value)) if value is not None else 0, 60))
    _autosize(ws, widths)
    end_row = start_row + max(len(df), 1)
    ref = f"A{start_row}:{get_column_letter(len(columns))}{end_row}"
    table = Table(displayName="table_" + name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)


def build_workbook(outputs: Path, tables: dict[str, Any], chart_notes: dict[str, str]) -> Path:
    """One workbook laid out as UK government accessible spreadsheets: Cover, Notes, then one table per sheet.

    Every sheet has its title in A1, tables start at column A with one header row, nothing is merged and no
    colour carries meaning (blank cells mean "not published", which the Notes sheet says in words).
    """
    import pandas as pd
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
        "printed in. Built by `python -m analysis build` and `python -m analysis charts` from data/raw.",
        "Blank cells mean a figure was not published; they are never zero.",
        f"The figures come from {n_sources} published documents, listed on the Sources sheet with publisher, "
        "title, date and the address at which each was read.",
        "Contents",
    ])
    contents = pd.DataFrame(
        [{"Sheet": "Notes", "Contents": "Notes on the charts and on reading the tables"}]
        + [{"Sheet": _sheet_name(n), "Contents": f"{_table_info(n)[0]}: {_table_info(n)[1]}"} for n in names])
    _write_table(cover, contents, row, "contents")
    row += len(contents) + 2
    if sources is not None and len(sources):
        row = _write_lines(cover, ["Sources"], row)
        producers = sources.groupby("producer").size().sort_values(ascending=False)
        listing = pd.DataFrame({"Publisher": producers.index, "Documents": producers.to_numpy()})
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
    _write_table(notes, pd.DataFrame(rows), 4, "notes")

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


# --- command --------------------------------------------------------------------------------------------------


def load_tables(paths: Paths) -> dict[str, Any]:
    """Every processed table the charts and workbook need, read only through `load_table`."""
    from analysis.processed import load_table

    return {name: load_table(name, paths) for name in WORKBOOK_TABLES}


def export_all(paths: Paths, outputs: Path | None = None) -> tuple[list[str], Path]:
    """Charts first, then the workbook, whose Notes sheet carries each chart's notes. `outputs` defaults to the
    project's outputs/ (tests pass a scratch folder and still read the real processed tables)."""
    outputs = outputs or paths.outputs
    tables = load_tables(paths)
    written = export_charts(outputs, tables)
    notes = {}
    for chart_id in written:
        sidecar = json.loads((chart_dir(outputs, chart_id) / f"{chart_id}.json").read_text(encoding="utf-8"))
        notes[chart_id] = sidecar["notes"]
    return written, build_workbook(outputs, tables, notes)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("--root", type=Path, default=DEFAULT.root, help="project root (default: this repository)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/outputs)")


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    try:
        written, workbook = export_all(paths, args.out.resolve() if args.out else None)
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 1
    outputs = args.out.resolve() if args.out else paths.outputs
    print(f"wrote {len(written)} charts into {paths.rel(outputs / 'charts')}/ and {paths.rel(workbook)}")
    return 0
