"""Rows → the tables the workbook writes: typed cells, markers for blanks, number formats, widths.

Every text cell of the workbook passes through `cell_text`, the one place to neutralise text that a spreadsheet
could take for a formula (the writer also runs with `strings_to_formulas` off). Numbers stay numbers with a number
format, dates become date cells, yes/no columns read "Yes"/"No", and an empty cell gets the marker that says why
(`workbook_columns.MARKERS`), never a blank.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.publish.workbook_columns import Column, column

DATE_FORMAT = "d mmm yyyy"
#: Widest a column is set (characters); longer text wraps.
MAX_WIDTH = 45
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


#: gptables turns any "[text](target)" in a cell into a hyperlink (and raises on two in one cell).
_MARKDOWN_LINK = re.compile(r"\]\(")
#: The only addresses the workbook links: a source's web address, over http or https.
_WEB_ADDRESS = re.compile(r"https?://[^\s\[\]()]+$", re.IGNORECASE)


def cell_text(value: Any) -> str:
    """THE function every text cell goes through. Text is written as text: with `strings_to_formulas` and
    `strings_to_urls` off the writer makes neither a formula nor a link of it, and "](" gets a space so gptables'
    Markdown-link reading never fires (a record's "[x](see note 2)" neither links nor crashes the step)."""
    return _MARKDOWN_LINK.sub("] (", str(value))


def source_link(value: Any) -> Any:
    """A source's address as a live link only when it is a plain http(s) address; anything else stays text."""
    text = str(value).strip()
    return {text: text} if _WEB_ADDRESS.match(text) else cell_text(value)


def number_format(decimals: int, thousands: bool = True) -> str:
    base = "#,##0" if thousands else "0"
    return base + ("." + "0" * decimals if decimals > 0 else "")


def decimals_of(value: float, cap: int = 3) -> int:
    """Decimals needed to show a float as the source gave it (1737.0 → 0, 74.33 → 2), at most `cap`."""
    text = f"{value:.{cap}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


@dataclass
class Sheet:
    """One table ready for gptables: headers and cells in order, plus formats and the notes its headers cite."""

    headers: list[str]
    rows: list[list[Any]]
    column_formats: dict[int, str] = field(default_factory=dict)  # column index → num_format
    cell_formats: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # num_format → [(row, col)]
    header_notes: dict[str, str] = field(default_factory=dict)  # header → note key
    markers: set[str] = field(default_factory=set)
    widths: list[int] = field(default_factory=list)

    def frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.headers, dtype=object)

    def additional_formatting(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{"column": {"columns": [h], "format": {"num_format": f}}}
                                     for h, f in self.column_formats.items()]
        # One entry per cell: gptables 2.0.2 applies a "cell" entry's format to the last cell of its list only.
        out += [{"cell": {"cells": cell, "format": {"num_format": f}}}
                for f, cells in self.cell_formats.items() for cell in cells]
        return out


def _marker(col: Column, row: dict[str, Any]) -> str:
    printed = str(row.get("value_as_printed") or "").strip().lower()
    if col.kind in ("number", "count", "percent") and printed in ("[c]", "c"):
        return "[c]"
    return col.blank


def _cell(col: Column, value: Any) -> Any:
    if col.kind == "link":
        return source_link(value)
    if col.kind == "date":
        return dt.date.fromisoformat(str(value)) if _ISO_DATE.match(str(value)) else cell_text(value)
    if col.kind == "bool":
        return "Yes" if value in (True, "true", "True") else "No"
    if col.kind in ("number", "count", "percent", "year"):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return cell_text(value)
        return int(number) if col.kind in ("count", "year") and number.is_integer() else number
    return cell_text(value)


def _width(values: list[Any], header: str) -> int:
    shown = [next(iter(v)) if isinstance(v, dict) else v for v in values]  # a link shows its address
    longest = max([len(str(v)) for v in shown] + [min(len(header), 30)])
    return max(10, min(longest + 2, MAX_WIDTH))


def table_sheet(table: str, rows: list[dict[str, Any]]) -> Sheet:
    """A processed table's rows as a Sheet with plain-English headers, typed cells and markers."""
    names = list(rows[0]) if rows else []
    specs = [column(table, n) for n in names]
    sheet = Sheet(headers=[s.header for s in specs], rows=[])
    for i, row in enumerate(rows, start=1):
        cells = []
        for j, (name, spec) in enumerate(zip(names, specs, strict=True)):
            value = row[name]
            if value is None or value == "":
                marker = _marker(spec, row)
                sheet.markers.add(marker)
                cells.append(cell_text(marker))
                continue
            cell = _cell(spec, value)
            cells.append(cell)
            if spec.kind == "number" and isinstance(cell, float):
                printed = row.get("printed_decimals")
                places = int(printed) if isinstance(printed, int | float) and name == "value" else decimals_of(cell)
                sheet.cell_formats.setdefault(number_format(places), []).append((i, j))
        sheet.rows.append(cells)
    for j, (name, spec) in enumerate(zip(names, specs, strict=True)):
        if spec.kind == "count":
            sheet.column_formats[j] = number_format(0)
        elif spec.kind == "percent":
            sheet.column_formats[j] = number_format(2 if name == "share_computed" else 1)
        elif spec.kind == "year":
            sheet.column_formats[j] = "0"
        elif spec.kind == "date":
            sheet.column_formats[j] = DATE_FORMAT
        if spec.note:
            sheet.header_notes[spec.header] = spec.note
    sheet.widths = [12 if s.kind == "date" else _width([r[j] for r in sheet.rows], s.header)
                    for j, s in enumerate(specs)]
    return sheet


def chart_sheet(csv_path: Path) -> Sheet:
    """A chart's Datawrapper CSV as a Sheet: numbers as numbers (each column at the decimals it needs), ISO dates
    as date cells, a Year column without a thousands separator, and [x] where the chart has no published figure."""
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        headers = next(reader, [])
        raw = list(reader)
    sheet = Sheet(headers=[cell_text(h) for h in headers], rows=[])
    kinds = []
    for j, header in enumerate(headers):
        values = [r[j] for r in raw if j < len(r) and r[j] != ""]
        if values and all(_ISO_DATE.match(v) for v in values):
            kinds.append("date")
        elif values and all(re.fullmatch(r"-?\d+(\.\d+)?", v) for v in values):
            kinds.append("year" if header.strip().lower() == "year" else "number")
        else:
            kinds.append("text")
    for r in raw:
        cells: list[Any] = []
        for j, kind in enumerate(kinds):
            value = r[j] if j < len(r) else ""
            if value == "":
                sheet.markers.add("[x]")
                cells.append(cell_text("[x]"))
            else:
                cells.append(_cell(Column(headers[j], kind), value))
        sheet.rows.append(cells)
    for j, kind in enumerate(kinds):
        if kind == "date":
            sheet.column_formats[j] = DATE_FORMAT
        elif kind == "year":
            sheet.column_formats[j] = "0"
        elif kind == "number":
            numbers = [c for c in (row[j] for row in sheet.rows) if isinstance(c, int | float)]
            sheet.column_formats[j] = number_format(max((decimals_of(float(n), 2) for n in numbers), default=0))
    sheet.widths = [12 if k == "date" else _width([r[j] for r in sheet.rows], h)
                    for j, (h, k) in enumerate(zip(sheet.headers, kinds, strict=True))]
    return sheet
