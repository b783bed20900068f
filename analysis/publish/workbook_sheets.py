"""Rows → the tables the workbook writes: typed cells, markers for blanks, number formats, widths.

Every text cell of the workbook passes through `cell_text`, the one place to neutralise text that a spreadsheet
could take for a formula (the writer also runs with `strings_to_formulas` off). Numbers stay numbers with a number
format, dates become date cells, yes/no columns read "Yes"/"No", and an empty cell gets the marker that says why
(`workbook_columns.MARKERS`), never a blank.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.factcheck.rules import NOT_IN_RECORD as NOT_IN_RECORD_VERDICT
from analysis.publish.workbook_columns import (
    CHART_UNITS,
    DATE_AS_KNOWN,
    DAY_NOT_PRINTED,
    IN_UNIT_COLUMN,
    MONTH_FORMAT,
    NO_QUALIFIER,
    NOT_IN_RECORD,
    QUALIFIER_HEADER,
    QUALIFIER_SUFFIX,
    UNITS,
    Column,
    column,
    qualifier_words,
)
from analysis.record.hygiene import is_web_url, reader_url
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.tables.load import is_true

DATE_FORMAT = "d mmm yyyy"
#: Widest a column is set (characters); longer text wraps.
MAX_WIDTH = 45
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
#: A number as the tables may hold it as text: "15,820", "-3.5", "74.33".
_NUMBER_TEXT = re.compile(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
NUMERIC = ("number", "count", "percent", "year")
COMPUTED_UNIT_COLUMN = Column("Unit of the recomputed value", blank="[z]")
#: How the rule book's working prints the unit after a recomputed value ("= 74.33%", "= 1.39 times").
_WORKING_UNITS = {"%": "per cent", " times": "times", " percentage points": "percentage points"}


#: gptables turns any "[text](target)" in a cell into a hyperlink (and raises on two in one cell).
_MARKDOWN_LINK = re.compile(r"\]\(")
#: gptables reads "$$key$$" in a title, subtitle or source as a note reference: a publisher named "AOL $$x$$" lost
#: the words and gained a "[note 9]" with no note. The project adds its own references
#: after this text is made (`workbook._gptable`). A "$" followed by another gets a space, so no run of any length
#: leaves two together: replacing each "$$" left "$$$x$$$" as "$ $$x$ $$", a reference again.
_NOTE_REFERENCE = re.compile(r"\$(?=\$)")


#: The most characters an Excel cell holds. XlsxWriter cuts a longer string there with only a warning on the
#: console, so the reader of the workbook never knew text was missing: a series row's "also reported in" joins
#: every copy's caveat (each up to 4,000 characters) and can pass it.
EXCEL_CELL_MAX = 32_767
#: What ends a cell cut at `EXCEL_CELL_MAX`: the cut is said, and where the whole text is.
CUT_NOTE = " [cut here: longer than an Excel cell holds; the full text is in the CSV tables, data/processed]"


def cell_text(value: Any) -> str:
    """THE function every text cell goes through. Text is written as text: with `strings_to_formulas` and
    `strings_to_urls` off the writer makes neither a formula nor a link of it, and "](" gets a space so gptables'
    Markdown-link reading never fires (a record's "[x](see note 2)" neither links nor crashes the step), and "$$"
    gets one too, so no text from the record is read as a note reference. Text longer than a cell holds is cut with
    `CUT_NOTE`, never silently."""
    text = _NOTE_REFERENCE.sub("$ ", _MARKDOWN_LINK.sub("] (", str(value)))
    if len(text) > EXCEL_CELL_MAX // 2 and excel_length(text) > EXCEL_CELL_MAX:
        return _cut_to(text, EXCEL_CELL_MAX - len(CUT_NOTE)) + CUT_NOTE
    return text


def excel_length(text: str) -> int:
    """Characters as Excel (and XlsxWriter) count them: UTF-16 code units, so a character beyond the first 65,536
    (an emoji, which `validate` accepts) is two. Counted in Python's characters, a cell of 32,767 with emoji in it
    was over the limit: XlsxWriter cut it again, silently, and the cut note at its end was lost."""
    return len(text.encode("utf-16-le")) // 2


def _cut_to(text: str, units: int) -> str:
    """The longest start of `text` of at most `units` UTF-16 code units (a character is never split)."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text


#: The longest address Excel holds in a hyperlink; XlsxWriter drops a longer one with a warning, and the cell was
#: left empty (a source's 2,500-character address vanished from the Sources and Figures sheets).
EXCEL_URL_MAX = 2079


def source_link(value: Any) -> Any:
    """A source's address as a live link only when it is an address every output may link (`is_web_url`) and
    Excel can hold it; anything else (a longer address included) stays text. The cell shows the address as the
    record has it; the link goes where the report's and the charts' links go (`reader_url`, without click-tracking
    parameters): the workbook sent readers to ONS with "?ref=radicalismoffools.com", a site the record's address
    was found through, where every other output links the page itself."""
    text = str(value).strip()
    return {text: reader_url(text)} if is_web_url(text) and len(text) <= EXCEL_URL_MAX else cell_text(value)


def number_format(decimals: int, thousands: bool = True) -> str:
    base = "#,##0" if thousands else "0"
    return base + ("." + "0" * decimals if decimals > 0 else "")


def value_decimals(found: Printed) -> int | None:
    """The decimals a printed figure gives its value in its own unit: "8.95 million" is 8,950,000 whole people (its
    two decimals are of millions; shown as 8,950,000.00 it claimed a hundredth of a person), "£15.6million" whole
    pounds, "18.5 per cent" one decimal. None where the printing gives none."""
    if found.decimals is None:
        return None
    return max(0, found.decimals - round(math.log10(found.scale))) if found.scale > 1 else found.decimals


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
    indented: set[int] = field(default_factory=set)  # text columns right after a number: a gap from its digits

    def frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.headers, dtype=object)

    def additional_formatting(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{"column": {"columns": [h], "format": {"num_format": f}}}
                                     for h, f in self.column_formats.items()]
        # One entry per cell: gptables 2.0.2 applies a "cell" entry's format to the last cell of its list only.
        out += [{"cell": {"cells": cell, "format": {"num_format": f}}}
                for f, cells in self.cell_formats.items() for cell in cells]
        out += [{"column": {"columns": [c], "format": {"indent": 1}}} for c in sorted(self.indented)]
        return out


def _marker(col: Column, row: dict[str, Any]) -> str:
    printed = str(row.get("value_as_printed") or "").strip().lower()
    if col.kind in NUMERIC and printed in ("[c]", "c"):
        return "[c]"
    if col.blank == "[x]" and row.get("verdict") == NOT_IN_RECORD_VERDICT:
        return NOT_IN_RECORD  # the claim's missing input is published: the gap names where
    if col.blank_for_copy and str(row.get("primary")).lower() == "false":
        # a copy's original exists but is not in this record: not available, where a publisher's own document has
        # none to give (not applicable)
        return col.blank_for_copy
    return col.blank


def as_number(value: Any) -> float | None:
    """A number, or a number written as text with thousands commas ("15,820"); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    return float(text.replace(",", "")) if _NUMBER_TEXT.match(text) else None


def text_decimals(value: Any) -> int:
    """Decimals a number was written with: "18.60" → 2, "15,820" → 0; a float as `decimals_of` reads it."""
    if isinstance(value, str) and _NUMBER_TEXT.match(value.strip()):
        return len(value.strip().split(".")[1]) if "." in value else 0
    number = as_number(value)
    return decimals_of(number) if number is not None else 0


def _cell(col: Column, value: Any) -> Any:
    if col.kind == "link":
        return source_link(value)
    if col.kind == "date":
        return dt.date.fromisoformat(str(value)) if _ISO_DATE.match(str(value)) else cell_text(value)
    if col.kind == "bool":
        return "Yes" if value in (True, "true", "True") else "No"
    if col.kind in NUMERIC:
        number = as_number(value)
        if number is None:
            return cell_text(value)
        return int(number) if col.kind in ("count", "year") and number.is_integer() else number
    return cell_text(value)


def read_printed(text: Any) -> Printed | None:
    """A figure as printed, read by the record's own parser; None where the text is not a figure."""
    try:
        return parse_printed(str(text))
    except PrintedFigureError:
        return None


def _qualifier(spec: Column, row: dict[str, Any]) -> str | None:
    """The qualifier column's cell for `spec`'s number: the record's own qualifier where the table has one for this
    value, else the words around the number as printed; None (a marker) where nothing was printed."""
    printed = row.get(spec.printed)
    if printed in (None, ""):
        return None
    if spec.printed == "value_as_printed" and row.get("qualifier"):
        return qualifier_words(row["qualifier"])
    parsed = read_printed(printed)
    return qualifier_words(parsed.qualifier) if parsed else None


def _computed_unit(row: dict[str, Any]) -> str | None:
    """The unit of a claim's recomputed value, as the rule book's working printed it after the value."""
    computed = str(row.get("computed") or "")
    if not computed:
        return None
    found = re.search(rf"= {re.escape(computed)}(%| times| percentage points)?", str(row.get("working") or ""))
    if found and found.group(1):
        return _WORKING_UNITS[found.group(1)]
    stated = read_printed(row.get("stated"))
    return "pounds" if stated and stated.unit == "GBP" else "number"


def qualifier_column(of: str = "") -> Column:
    """The qualifier column; named after its number's header where a sheet has more than one."""
    base = re.sub(r"\s*\(.*?\)$", "", of)
    return Column(f"{base}: qualifier (bound or approximation)" if base else QUALIFIER_HEADER, blank="[z]")


Plan = list[tuple[str, Column, Callable[[dict[str, Any]], Any]]]


def _plan(table: str, names: list[str]) -> Plan:
    """The sheet's columns in order: the table's own, with a qualifier column right after each number printed with
    words around it (the table's `qualifier` column moves there), the `unit` column right after a value whose unit
    varies by row, and the unit of a claim's recomputed value right after it."""
    specs = {n: column(table, n) for n in names}
    moved = set()
    for spec in specs.values():
        if spec.printed == "value_as_printed" and "qualifier" in names:
            moved.add("qualifier")
        if spec.printed and IN_UNIT_COLUMN in spec.header and "unit" in names:
            moved.add("unit")
    several = sum(1 for n in names if specs[n].printed) > 1
    plan: Plan = []
    for name in (n for n in names if n not in moved):
        spec = specs[name]
        plan.append((name, spec, functools.partial(_field, name)))
        if spec.printed:
            plan.append(("", qualifier_column(spec.header if several else ""), functools.partial(_qualifier, spec)))
        if "unit" in moved and IN_UNIT_COLUMN in spec.header:
            plan.append(("unit", specs["unit"], functools.partial(_field, "unit")))
        if table == "claims" and name == "computed":
            plan.append(("", COMPUTED_UNIT_COLUMN, _computed_unit))
    return plan


def _width(values: list[Any], header: str) -> int:
    shown = [next(iter(v)) if isinstance(v, dict) else v for v in values]  # a link shows its address
    longest = max([len(str(v)) for v in shown] + [min(len(header), 30)])
    return max(10, min(longest + 2, MAX_WIDTH))


def table_sheet(table: str, rows: list[dict[str, Any]]) -> Sheet:
    """A processed table's rows as a Sheet with plain-English headers, typed cells and markers."""
    plan = _plan(table, list(rows[0]) if rows else [])
    sheet = Sheet(headers=[spec.header for _, spec, _ in plan], rows=[])
    for i, row in enumerate(rows, start=1):
        cells = []
        for j, (name, spec, get) in enumerate(plan):
            value = get(row)
            if value is None or value == "":
                marker = _marker(spec, row)
                sheet.markers.add(marker)
                cells.append(cell_text(marker))
                continue
            cell = _cell(spec, value)
            cells.append(cell)
            if spec.kind == "date" and is_true(row.get(DAY_NOT_PRINTED.get(name, ""))):
                sheet.cell_formats.setdefault(MONTH_FORMAT, []).append((i, j))
            elif spec.kind == "number" and isinstance(cell, float):
                printed = row.get("printed_decimals")
                found = read_printed(row.get("value_as_printed")) if name == "value" else None
                own = value_decimals(found) if found else None
                places = (own if own is not None else int(printed) if isinstance(printed, int | float)
                          and name == "value" else text_decimals(value))
                sheet.cell_formats.setdefault(number_format(places), []).append((i, j))
            elif spec.kind == "percent" and spec.printed and isinstance(cell, int | float):
                # A share published is shown at the decimals it was printed with: "89%" is 89, not 89.0, and
                # words ("three quarters") add no decimal the source did not give.
                found = read_printed(row.get(spec.printed))
                shown = value_decimals(found) if found else None
                places = shown if shown is not None else decimals_of(float(cell), 2)
                sheet.cell_formats.setdefault(number_format(places), []).append((i, j))
        sheet.rows.append(cells)
    for j, (name, spec, _) in enumerate(plan):
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
    sheet.widths = [12 if spec.kind == "date" else _width([r[j] for r in sheet.rows], spec.header)
                    for j, (_, spec, _) in enumerate(plan)]
    sheet.indented = {j for j in range(1, len(plan)) if plan[j - 1][1].kind in NUMERIC and plan[j][1].kind == "text"}
    return sheet


def _chart_kinds(headers: list[str], raw: list[list[str]]) -> list[str]:
    """Each chart column's kind: date, year (a Year or period column of four-digit years), number or text."""
    kinds = []
    for j, header in enumerate(headers):
        values = [r[j] for r in raw if j < len(r) and r[j] != ""]
        name = header.strip().lower()
        if values and all(_ISO_DATE.match(v) for v in values):
            kinds.append("date")
        elif values and all(re.fullmatch(r"(19|20)\d\d", v) for v in values) and (name == "year" or "period" in name):
            kinds.append("year")
        elif values and all(re.fullmatch(r"-?\d+(\.\d+)?", v) for v in values):
            kinds.append("number")
        else:
            kinds.append("text")
    return kinds


def _base(header: str) -> str:
    return re.sub(r"\s*\(.*?\)$", "", header).strip()


def _printed_columns(headers: list[str], kinds: list[str]) -> dict[int, int]:
    """Number column → the text column holding it as printed: "<header> as printed", or "As printed" for the
    first number column."""
    lower = [h.strip().lower() for h in headers]
    numbers = [j for j, k in enumerate(kinds) if k == "number"]
    pairs = {}
    for j in numbers:
        named = f"{_base(headers[j]).lower()} as printed"
        if named in lower and kinds[lower.index(named)] == "text":
            pairs[j] = lower.index(named)
    if "as printed" in lower and numbers and numbers[0] not in pairs:
        pairs[numbers[0]] = lower.index("as printed")
    return pairs


def _row_printed(row: list[str], j: int, pair: int | None, kinds: list[str]) -> Printed | None:
    """The figure as printed for row's number in column j: its paired column's text, else any text cell in the row
    that reads as the same number at the precision printed (a "Text" column holding "56 per cent"), or that opens
    with it (an "as labelled" column holding "89.3% combined", the chart's own label)."""
    value = as_number(row[j]) if j < len(row) else None
    if value is None:
        return None
    candidates = [pair] if pair is not None else [k for k, kind in enumerate(kinds) if kind == "text"]
    for k in candidates:
        parsed = read_printed(row[k]) if k < len(row) and row[k] else None
        if parsed is None and pair is None and k < len(row) and re.match(r"-?\d[\d.,]*% ", row[k].strip()):
            # A label that opens with the number as the chart draws it ("89.3% combined"): without this the
            # computed 89.25 matched the source's "89%" further along and showed as 89 beside the chart's 89.3%.
            parsed = read_printed(row[k].split()[0])
        if parsed and parsed.value is not None:
            tolerance = 0.5 * 10 ** -(parsed.decimals or 0) if parsed.decimals is not None else 0.5
            if abs(parsed.value - value) <= tolerance or pair is not None:
                return parsed
    return None


def _chart_unit(chart_id: str, header: str, printed: list[Printed | None], has_unit_column: bool,
                values: list[float]) -> str | None:
    """The unit a number column's header gives, or None where rows differ (each row's unit gets its own column)."""
    units = {UNITS.get(p.unit, (p.unit, p.unit))[0] for p in printed if p is not None}
    if chart_id in CHART_UNITS and header in CHART_UNITS[chart_id]:
        return CHART_UNITS[chart_id][header]
    if has_unit_column:
        return IN_UNIT_COLUMN
    if len(units) > 1:
        return None
    if units:
        return units.pop()
    return "number" if all(float(v).is_integer() for v in values) else "unit not stated"


def _unit_words(found: Printed | None) -> str | None:
    return UNITS.get(found.unit, (found.unit, found.unit))[1] if found else None


#: One column of a chart's sheet: (header, kind, row index → value, the CSV column it comes from). Kind "derived"
#: is a column the workbook adds (a qualifier or a unit), text whose blank is [z].
ChartColumn = tuple[str, str, Callable[[int], Any], int]


def _chart_plan(chart_id: str, headers: list[str], raw: list[list[str]]
                ) -> tuple[list[ChartColumn], dict[int, list[Printed | None]]]:
    """The chart sheet's columns, and each number column's figures as printed, row by row."""
    kinds = _chart_kinds(headers, raw)
    lower = [h.strip().lower() for h in headers]
    pairs = _printed_columns(headers, kinds)
    numbers = [j for j, k in enumerate(kinds) if k == "number"]
    qualifier_col = lower.index("qualifier") if "qualifier" in lower and numbers else None
    # The chart's own Qualifier column belongs to the number "As printed" holds (else the first number).
    owner = next((j for j, k in pairs.items() if lower[k] == "as printed"), numbers[0] if numbers else None)
    printed = {j: [_row_printed(r, j, pairs.get(j), kinds) for r in raw] for j in numbers}
    # A number's own "<header> qualifier" column (how the charts' CSVs name it, QUALIFIER_SUFFIX) moves next
    # to it as the one qualifier column, in the sheet's words: kept as well, it said the same thing twice.
    own = {j: lower.index(f"{lower[j]}{QUALIFIER_SUFFIX}") for j in numbers if f"{lower[j]}{QUALIFIER_SUFFIX}" in lower}
    qualified = [j for j in numbers if any(printed[j]) or j in own or (j == owner and qualifier_col is not None)]

    def words(i: int, j: int) -> str | None:
        if not raw[i][j]:
            return None
        if j in own and raw[i][own[j]]:
            return qualifier_words(raw[i][own[j]])
        if j == owner and qualifier_col is not None and raw[i][qualifier_col]:
            return qualifier_words(raw[i][qualifier_col])
        found = printed[j][i]
        return qualifier_words(found.qualifier) if found else NO_QUALIFIER

    out: list[ChartColumn] = []
    for j, header in enumerate(headers):
        if j == qualifier_col or j in own.values():
            continue  # shown next to its number
        if kinds[j] != "number":
            out.append((cell_text(header), kinds[j], functools.partial(_raw_cell, raw, j), j))
            continue
        values = [v for v in (as_number(r[j]) for r in raw) if v is not None]
        unit = _chart_unit(chart_id, header, printed[j], "unit" in lower, values)
        shown = header if re.search(r"\(.+\)$", header) else f"{header} ({unit or IN_UNIT_COLUMN})"
        out.append((cell_text(shown), "number", functools.partial(_raw_cell, raw, j), j))
        if j in qualified:
            out.append((qualifier_column(header if len(qualified) > 1 else "").header, "derived",
                        functools.partial(_swapped, words, j), j))
        if unit is None:
            out.append(("Unit", "derived", functools.partial(_unit_of, printed[j]), j))
    return out, printed


def chart_sheet(csv_path: Path, not_applicable: Collection[tuple[int, str]] = ()) -> Sheet:
    """A chart's Datawrapper CSV as a Sheet for spreadsheet readers: every number column's header gives its unit
    (a Unit column follows a column whose rows differ), a number printed with words ("more than 800") has its
    qualifier in the column right after it (the chart's own Qualifier column moves there), numbers are numbers at
    the decimals printed, ISO dates are date cells, years have no thousands separator, [x] marks a cell the
    chart has no figure for, and [z] one with nothing to record: a column the workbook adds, or a cell the chart
    names in `not_applicable` (row number, the CSV's column header; `ChartMeta.not_applicable`)."""
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        headers = next(reader, [])
        raw = [r + [""] * (len(headers) - len(r)) for r in reader]
    out, printed = _chart_plan(csv_path.stem, headers, raw)
    sheet = Sheet(headers=[h for h, _, _, _ in out], rows=[])
    for i in range(len(raw)):
        cells: list[Any] = []
        for c, (_, kind, get, j) in enumerate(out):
            value = get(i)
            if value in (None, ""):
                marker = "[z]" if kind == "derived" or (i, headers[j]) in not_applicable else "[x]"
                sheet.markers.add(marker)
                cells.append(cell_text(marker))
                continue
            cells.append(_cell(Column("", "text" if kind == "derived" else kind), value))
            found = printed[j][i] if kind == "number" else None
            places = value_decimals(found) if found is not None else None
            if places is not None:
                sheet.cell_formats.setdefault(number_format(places), []).append((i + 1, c))
        sheet.rows.append(cells)
    _by_month(sheet, headers, raw, [c for c, (_, kind, _, _) in enumerate(out) if kind == "date"])
    for c, (_, kind, _, _) in enumerate(out):
        if kind == "date":
            sheet.column_formats[c] = DATE_FORMAT
        elif kind == "year":
            sheet.column_formats[c] = "0"
        elif kind == "number":
            numbers_in = [n for n in (row[c] for row in sheet.rows) if isinstance(n, int | float)]
            sheet.column_formats[c] = number_format(max((decimals_of(float(n), 2) for n in numbers_in), default=0))
    sheet.widths = [12 if k == "date" else _width([r[c] for r in sheet.rows], h) for c, (h, k, _, _) in enumerate(out)]
    sheet.indented = {c for c in range(1, len(out)) if out[c - 1][1] == "number" and out[c][1] in ("text", "derived")}
    return sheet


def _by_month(sheet: Sheet, headers: list[str], raw: list[list[str]], date_columns: list[int]) -> None:
    """Show by month (`MONTH_FORMAT`) the date cells of each row whose date the chart knows only to its month (its
    `DATE_AS_KNOWN` has no day): MyLondon's October "more than 1,200" was "1 Oct 2025" in a date cell, beside
    "October 2025", and read as a day the story printed."""
    if DATE_AS_KNOWN not in headers:
        return
    known = headers.index(DATE_AS_KNOWN)
    for i, row in enumerate(raw):
        if row[known].strip() and not row[known].strip()[0].isdigit():
            sheet.cell_formats.setdefault(MONTH_FORMAT, []).extend((i + 1, c) for c in date_columns)


def _field(name: str, row: dict[str, Any]) -> Any:
    return row.get(name)


def _raw_cell(raw: list[list[str]], j: int, i: int) -> str:
    return raw[i][j]


def _swapped(words: Callable[[int, int], str | None], j: int, i: int) -> str | None:
    return words(i, j)


def _unit_of(printed: list[Printed | None], i: int) -> str | None:
    return _unit_words(printed[i])
