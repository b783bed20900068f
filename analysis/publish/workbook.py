"""`workbook`: every processed table and every chart's data in one workbook, to the UK Government Analysis
Function's standard for releasing statistics in spreadsheets.

Written with ONS's `gptables`, which implements that standard: a cover sheet (what the workbook holds, when it was
last updated, the period covered, the next update, the sources, symbols, licence and contact), a hyperlinked table
of contents, a notes table whose `[note N]` markers appear in the titles and headers they apply to, and one table
per sheet with its title in A1, marked up as an Excel table, with no spacer rows. What gptables leaves to the caller
is done here on the same XlsxWriter workbook: print set-up (A4, fit to one page wide, landscape where wide, header
row repeated), column widths, and fixed document properties so two builds of the same data are byte-identical.

The chart sheets come from the files the charts were exported as (`outputs/charts/<id>/<id>.csv` and `.json`), so
the workbook and the charts cannot disagree about a number or a caveat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from analysis.factcheck.report import reader_date, scratch_beside
from analysis.paths import CONTACT, PROJECT_NAME, REUSE, WORKBOOK_NAME, Paths, add_root_argument
from analysis.publish import reader_text
from analysis.publish import workbook_sheets as sheets
from analysis.publish.workbook_columns import MARKERS, NO_QUALIFIER, NOTES, TITLE_NOTES
from analysis.record.hygiene import SiteUrlError, checked_site_url, name_key, name_read
from analysis.tables.load import is_true

TITLE = "Published figures on child sexual exploitation in London and England and Wales"
#: The data tables in sheet order (the chart sheets follow).
WORKBOOK_TABLES = ("figures", "sources", "claims", "gaps", "inspection_grades", "met_cse_series",
                   "historic_reviews", "population")
#: What the cover says about the next edition: there is no release calendar, and saying so is the honest answer.
NEXT_UPDATE = ("Next update: not scheduled. The workbook is rebuilt when new figures are published and added to the "
               "record.")
#: Sheets with more columns than this print landscape.
LANDSCAPE_FROM = 6
#: Cover column width (characters): fits A4 portrait unscaled in Excel and LibreOffice.
COVER_WIDTH = 60


def _table_info(name: str) -> tuple[str, str]:
    from analysis.record import schema

    if name in schema.TABLES:
        _, title, description = schema.TABLES[name]
        return title, description
    return schema.CLAIMS_TITLE, schema.CLAIMS_DESCRIPTION


def sheet_name(name: str) -> str:
    """'met_cse_series' → 'Met CSE series' (a sheet name must be at most 31 characters)."""
    words = name.replace("_", " ").capitalize().split()
    return " ".join(w.upper() if w.lower() == "cse" else w for w in words)[:31]


#: What [x] means on a chart's sheet: the chart draws nothing there. Whether the figure was never published or is
#: published but not yet in this record, the chart's data do not say, so the legend does not either.
CHART_MARKERS = {"[x]": "not available: this record holds no figure for this cell, so the chart draws nothing "
                        "here (the chart's note on the Notes worksheet says why)",
                 "[z]": "not applicable: nothing to record here by its nature (for example a quotation's value, a "
                        "computed share's printing, or the qualifier of a figure that is not there)"}


def _legend(sheet: sheets.Sheet, chart: bool = False) -> list[str]:
    meanings = CHART_MARKERS if chart else MARKERS
    return [f"{m} = {meanings[m]}" for m in meanings if m in sheet.markers]


def _gptable(sheet: sheets.Sheet, table_name: str, title: str, subtitles: list[str], source: str | None = None,
             title_note: str = "", chart: bool = False) -> Any:
    import gptables as gpt

    notes = {header: f"$${key}$$" for header, key in sheet.header_notes.items()}
    text = sheets.cell_text  # titles, subtitles and sources carry sidecar text: through the one text function too
    return gpt.GPTable(table=sheet.frame(), table_name=table_name,
                       title=text(title) + (f" $${title_note}$$" if title_note else ""),
                       subtitles=[text(s) for s in subtitles],
                       instructions="This worksheet contains one table. Some cells refer to notes, which can be found "
                                    "on the Notes worksheet." if (notes or title_note) else
                                    "This worksheet contains one table.",
                       legend=_legend(sheet, chart), source=text(source) if source else None,
                       table_notes=notes or None, index_columns={},
                       additional_formatting=sheet.additional_formatting())


def reader_notes(text: str, record: str = "") -> str:
    """A chart's notes as a spreadsheet reader needs them (`reader_text.reader_notes`, no drawing sentences but the
    record's own words, `record`: `reader_text.record_words`), and a blank in the data called what it is on the
    sheet, [x]."""
    text = re.sub(r"\(blank in the data[^)]*\)", "(shown as [x] on this worksheet)", text)
    # The same blank said in other words: on a worksheet it is [x], never an empty cell.
    text = re.sub(r"\bIn the data table, a blank means\b", "On this worksheet, [x] means", text)
    text = re.sub(r"\bIn the data, ([^.:;]*?) is blank\b", r"On this worksheet, \1 shows [x]", text)
    return reader_text.reader_notes(text, record=record)


def _sheet_intro(intro: str) -> str:
    """A chart's subtitle as its sheet's: without a key to the drawing ("Circles: a Met publication; diamonds: …"),
    which told a reader of the sheet about marks it does not have (`reader_text.reader_notes`)."""
    return reader_text.reader_notes(intro) if intro else ""


def _day(iso: Any) -> str:
    from analysis.record.vocabulary import day_month_year

    return day_month_year(dt.date.fromisoformat(str(iso)))


def _period_date(figure: dict[str, Any], column: str) -> tuple[str, bool]:
    """A figure's period date with whether it was printed: a period that is its document's own date, where that
    date is a first-of-month stand-in (a terms-of-reference page dated "January 2026"), is no more exact than the
    document's, so the cover gives its month, never "1 January 2026"."""
    day = str(figure[column])
    return day, day == str(figure.get("published") or "")[:10] and is_true(figure.get("published_approximate"))


def _printed_last(day: tuple[str, bool]) -> tuple[str, bool]:
    """A sort key of (date, approximate) that puts, on one day, a date a source printed after a first-of-month
    stand-in: the latest of a list is then the printed day. Sorted as they are, a tie on the newest day gave the
    cover's "Newest source" and the end of its "Period covered" as "January 2026 (approximate)" beside a source
    printing "1 January 2026"."""
    return day[0], not day[1]


def _licence_unknown(source: dict[str, Any]) -> bool:
    """Whether the record holds no licence for a document: none, or "unknown" however it is typed. Read two ways, a
    licence typed "Unknown" was listed on the cover among the licences and counted among the documents without
    one."""
    return str(source.get("licence") or "unknown").strip().casefold() == "unknown"


def publisher_counts(sources: list[dict[str, Any]]) -> Counter[str]:
    """Documents per publisher, each name in the one reading of names (`name_read`): counted as typed, "National
    Police Chiefs’ Council" (the apostrophe its own pages print) and "National Police Chiefs' Council" were two
    publishers on the cover, and so were "Centre of expertise on child sexual abuse" and "Centre of Expertise on Child
    Sexual Abuse" (`name_key`). Each is named as most of its documents write it."""
    typed = Counter(name_read(s["producer"]) for s in sources)
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for name, n in typed.most_common():
        counts[shown.setdefault(name_key(name), name)] += n
    return counts


def _cover(tables: dict[str, list[dict[str, Any]]], n_charts: int) -> tuple[Any, dt.date | None]:
    """The cover: what is here, when it was last updated, the period, the next update, sources, symbols, licence,
    contact."""
    import gptables as gpt

    sources = tables.get("sources") or []
    figures = tables.get("figures") or []
    # Each date with whether it was printed: a first-of-month stand-in is given as its month ("January 2026
    # (approximate)"), as the fact-check gives it, never as a day no source printed ("1 January 2026").
    published = sorted(((str(s["date_published"]), is_true(s.get("date_approximate")))
                        for s in sources if s.get("date_published")), key=_printed_last)
    starts = sorted(_period_date(f, "period_start") for f in figures if f.get("period_start"))
    ends = sorted((_period_date(f, "period_end") for f in figures if f.get("period_end")), key=_printed_last)
    edition = reader_text.edition_date(sources, tables.get("claims") or [])
    producers = publisher_counts(sources)
    top = ", ".join(f"{name} ({n})" for name, n in sorted(producers.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
    licences = sorted({str(s["licence"]) for s in sources if not _licence_unknown(s)})

    intro = [f"This workbook holds {len(figures)} figures as they were published about child sexual exploitation in "
             "London and in England and Wales, each traced to the words it was printed in, with the tables built "
             f"from them, the fact-checked claims, and the data of each of the {n_charts} published charts.",
             "Aggregate published statistics only: no names, no case details, no personal data.",
             "The Contents worksheet links to every table. Notes are on the Notes worksheet."]
    about = []
    if edition:
        about.append(f"Last updated: {_day(edition)} (the latest date on which a source was read or a claim "
                     "corrected).")
    if starts and ends:
        about.append(f"Period covered: the figures refer to periods from {reader_date(*starts[0])} to "
                     f"{reader_date(*ends[-1])}.")
    if published:
        about.append(f"Newest source: published {reader_date(*published[-1])}.")
    about.append(NEXT_UPDATE)
    about.append(f"Sources: {len(sources)} published documents from {len(producers)} publishers, most from {top}. "
                 "Each is listed on the Sources worksheet with its web address.")
    about += [f"Symbols: {m} means {text}." for m, text in MARKERS.items()]
    about.append("Numbers printed with words, such as 'more than 800' or 'about 9,000', are stored as the number "
                 "printed; the column next to the number says whether it is a bound or an approximation, or "
                 f"'{NO_QUALIFIER}' when no such word was printed. A figure printed rounded, such as '8.95 million', "
                 "stands for any value that rounds to it. On a chart's worksheet, as on the chart, a figure printed "
                 "without such a word is marked 'about' when it is an estimate or when the fact-check reads it as a "
                 "round figure (the chart's note says which), so it is never shown more exact than a verdict treats "
                 "it; the table worksheets keep the words as printed.")
    # Documents whose licence the record does not hold are said with their number, as the README and the gallery
    # say them: the cover's list of licences alone read as the terms of every document.
    unknown = sum(1 for s in sources if _licence_unknown(s))
    unstated = (f"; no licence is in this record for {unknown} of the {len(sources)} documents ('unknown' on the "
                "Sources worksheet): check their terms before reusing more than the figures") if unknown else ""
    about.append("Licence: figures are reproduced from the documents listed, each under its publisher's terms"
                 + (f" ({'; '.join(licences)})" if licences else "") + f"{unstated}. {REUSE}")
    text = sheets.cell_text  # publisher names and licences come from the data
    contact = [CONTACT, f"Project site: {checked_site_url()}"]
    return gpt.Cover(title=TITLE, intro=[text(s) for s in intro], about=[text(s) for s in about],
                     contact=[text(c) for c in contact], width=COVER_WIDTH), edition


def _theme() -> Any:
    """gptables' own theme, with wrapped text set at the top of its cell (Excel's default, bottom, leaves a gap
    above a short cell beside a tall one)."""
    import gptables as gpt
    import yaml

    config = yaml.safe_load((Path(gpt.__file__).parent / "themes" / "gptheme.yaml").read_text(encoding="utf-8"))
    for element in ("data", "cover_text", "index_1", "index_2", "index_3"):
        config[element] = {**(config.get(element) or {}), "valign": "top"}
    return gpt.Theme(config)


def _chart_meta(charts_dir: Path, chart_id: str) -> dict[str, Any]:
    """What the workbook reads of a chart's JSON sidecar (`WORKBOOK_CHART_KEYS`, which its charts mark hashes): text,
    and the cells blank by their nature as (row, header) pairs."""
    from analysis.tables.load import NOT_APPLICABLE_KEY, WORKBOOK_CHART_KEYS

    try:
        loaded = json.loads((charts_dir / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{charts_dir / chart_id / (chart_id + '.json')} is missing: export the charts first "
                                "(`make`, or `python -m analysis charts`)") from None
    cells = loaded.get(NOT_APPLICABLE_KEY) or []
    return {**{k: str(loaded.get(k) or "") for k in WORKBOOK_CHART_KEYS},
            NOT_APPLICABLE_KEY: {(int(row), str(header)) for row, header in cells}}


def build_workbook(outputs: Path, tables: dict[str, list[dict[str, Any]]], chart_notes: dict[str, str],
                   drawn_from: str = "", charts_read: str = "") -> Path:
    """Write outputs/cse-figures.xlsx: Cover, Contents, Notes, one sheet per table, one per chart in `chart_notes`
    (chart id → notes; each chart's data and title are read from its exported files in outputs/charts/).
    `drawn_from` (`analysis.tables.load.build_mark`), a custom document property, names the build the tables
    came from, so the gallery can refuse to link a workbook older than the tables; `charts_read`
    (`analysis.tables.load.charts_read_mark`, taken before the charts' notes were read; here when not given) names
    the charts, so it can refuse one older than the charts."""
    import warnings

    import gptables as gpt

    from analysis.tables.load import NOT_APPLICABLE_KEY, charts_read_mark

    charts_read = charts_read or charts_read_mark(outputs / "charts", chart_notes)

    gpt_sheets: dict[str, Any] = {}
    layout: dict[str, sheets.Sheet] = {}
    for name in (n for n in WORKBOOK_TABLES if n in tables):
        sheet = sheets.table_sheet(name, tables[name])
        title, description = _table_info(name)
        label = sheet_name(name)
        layout[label] = sheet
        gpt_sheets[label] = _gptable(sheet, f"table_{name}", title, [description], title_note=TITLE_NOTES.get(name, ""))
    notes = dict(NOTES)
    record = reader_text.record_words(tables)
    for i, (chart_id, chart_note) in enumerate(chart_notes.items(), start=1):
        meta = _chart_meta(outputs / "charts", chart_id)
        sheet = sheets.chart_sheet(outputs / "charts" / chart_id / f"{chart_id}.csv", meta[NOT_APPLICABLE_KEY])
        label = f"Chart {i}"
        layout[label] = sheet
        key = f"chart-{chart_id}"
        notes[key] = reader_notes(chart_note or meta["notes"], record)
        source = meta["source_line"] or (f"Source: {meta['source_name']}" if meta["source_name"] else None)
        gpt_sheets[label] = _gptable(sheet, "chart_" + chart_id.replace("-", "_"), f"Chart {i}: {meta['title']}",
                                     [_sheet_intro(meta["intro"]) or f"The data drawn in the chart {chart_id}."],
                                     source,
                                     title_note=key if notes[key] else "", chart=True)
    cited = " ".join(text for s in gpt_sheets.values() for text in [s.title, *(s.table_notes or {}).values()])
    # the notes in the order they are cited, the order gptables numbers them (titles, then header notes, sheet
    # by sheet)
    used = list(dict.fromkeys(re.findall(r"\$\$(.+?)\$\$", cited)))
    notes_table = _notes_frame({k: v for k, v in notes.items() if k in used})
    cover, edition = _cover(tables, len(chart_notes))
    out = outputs / WORKBOOK_NAME
    tmp = scratch_beside(out)  # a name of its own: two runs at once never share one scratch file
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # gptables warns about blanks; none, markers instead
            wb = gpt.produce_workbook(
                filename=str(tmp), sheets=gpt_sheets, cover=cover, theme=_theme(), notes_table=notes_table,
                auto_width=False,
                contentsheet_options={"title": "Contents", "column_names": ["Worksheet", "What it contains"]},
                notesheet_options={"title": "Notes"},
                workbook_options={"strings_to_formulas": False, "strings_to_numbers": False,
                                  "strings_to_urls": False})
        _finish(wb, gpt_sheets, layout, edition, {key: notes[key] for key in used})
        from analysis.tables.load import CHART_CODE, CHARTS_MARK, CODE_MARK, OUTPUT_MARK, SITE_MARK, code_mark

        if drawn_from:
            wb.set_custom_property(OUTPUT_MARK, drawn_from)
        wb.set_custom_property(CHARTS_MARK, charts_read)  # the charts its chart sheets were read from
        wb.set_custom_property(SITE_MARK, checked_site_url())  # the address its cover gives
        wb.set_custom_property(CODE_MARK, code_mark(CHART_CODE, loaded=True))  # the code it was written by
        _fit_cover(wb.worksheets()[0], cover)
        wb.close()
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _notes_frame(notes: dict[str, str]) -> Any:
    import pandas as pd

    return pd.DataFrame({"Note reference": list(notes), "Note text": [sheets.cell_text(t) for t in notes.values()]})


#: gptables writes the Contents and Notes tables' header row under a title and one line of instructions.
CONTENTS_HEADER_ROW = 2


def _finish(wb: Any, gpt_sheets: dict[str, Any], layout: dict[str, sheets.Sheet], edition: dt.date | None,
            notes: dict[str, str]) -> None:
    """What gptables leaves to the caller: widths, row heights, print set-up, and fixed document properties.
    `notes` are the cited notes in the order they are numbered."""
    strip = re.compile(r"\s*\$\$.+?\$\$")
    extra = {
        "Contents": sheets.Sheet(["Worksheet", "What it contains"], widths=[18, 100],
                                 rows=[[label, strip.sub("", s.title)] for label, s in gpt_sheets.items()]),
        "Notes": sheets.Sheet(["Note number", "Note text"], widths=[14, 100],
                              rows=[[i, text] for i, text in enumerate(notes.values(), start=1)]),
    }
    created = dt.datetime.combine(edition or dt.date(2000, 1, 1), dt.time())
    wb.set_properties({"title": TITLE, "subject": "Published figures on child sexual exploitation",
                       "author": PROJECT_NAME, "company": "", "created": created, "language": "en-GB",
                       "keywords": "child sexual exploitation, statistics, London, England and Wales"})
    for ws in wb.worksheets():
        ws.set_paper(9)  # A4
        sheet = layout.get(ws.name)
        if ws.name in gpt_sheets:
            header_row = gpt_sheets[ws.name].data_range[0]
            ws.repeat_rows(header_row)
        if ws.name in extra:
            sheet = extra[ws.name]
            ws.set_landscape()
        if sheet is not None:
            for col, width in enumerate(sheet.widths):
                ws.set_column(col, col, width)
            landscape = len(sheet.headers) > LANDSCAPE_FROM or ws.name in extra
            if landscape:
                ws.set_landscape()
            # One page wide. As many pages tall as there are rows, at most: an explicit height, since LibreOffice
            # reads Excel's "any number of pages tall" (0) as one page and shrinks the whole table onto it.
            ws.fit_to_pages(1, len(sheet.rows) + 1)
            header_row = gpt_sheets[ws.name].data_range[0] if ws.name in gpt_sheets else CONTENTS_HEADER_ROW
            _fit_rows(ws, header_row, [sheet.headers, *sheet.rows], sheet.widths, sheet.header_notes)


#: Row height (points) of one line of 12-point Arial, the gptables theme's font.
LINE_HEIGHT = 15.75
#: The tallest row Excel allows (points). A 300-line note made a row of 4,756 points, past what Excel opens
#: cleanly; such a row shows its first lines, the whole text stays in the cell.
MAX_ROW_HEIGHT = 409


def _row_height(lines: float) -> float:
    return min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)


def _lines(value: Any, width: float) -> int:
    """How many lines a wrapped cell takes in a column `width` characters wide (a slight overestimate is safer)."""
    per_line = max(int(width * 1.2), 1)  # Arial's average letter is narrower than the digit a width unit measures
    return sum(max(1, -(-len(part) // per_line)) for part in str(value).split("\n"))


def _fit_rows(ws: Any, first_row: int, rows: list[list[Any]], widths: list[int], noted: Any = ()) -> None:
    """Set the height of rows whose wrapped text needs more than one line. Excel and LibreOffice do not grow a row
    written without a height to fit wrapped text when they open a file, so text would overlap the next row."""
    for i, row in enumerate(rows):
        lines = max((_lines(v, w) for v, w in zip(row, widths, strict=True) if isinstance(v, str)), default=1)
        if i == 0 and any(h in noted for h in row):
            lines += 1  # gptables puts "[note N]" on a line of its own under the header
        if lines > 1:
            ws.set_row(first_row + i, _row_height(lines))


def _fit_cover(ws: Any, cover: Any) -> None:
    """Row heights for the cover's wrapped paragraphs, in the order gptables writes them."""
    rows: list[str] = [cover.title]
    for heading, block in (("Introductory information", cover.intro), ("About these data", cover.about),
                           ("Contact", cover.contact)):
        if block:
            rows += [heading, *block]
    for i, text in enumerate(rows):
        lines = _lines(text, cover.width * (0.7 if i == 0 else 1))  # the title is in a larger font
        if lines > 1:
            ws.set_row(i, _row_height(lines * (1.3 if i == 0 else 1)))


def load_tables(paths: Paths) -> dict[str, list[dict[str, Any]]]:
    """Every processed table the workbook shows, as typed plain rows (`analysis.tables.load.load_rows`)."""
    from analysis.tables.load import load_rows

    return {name: load_rows(name, paths) for name in WORKBOOK_TABLES}


def notes_from_sidecars(charts_dir: Path, chart_ids: list[str]) -> dict[str, str]:
    """Each chart's notes from its exported JSON sidecar; a missing sidecar is an error that says what to run."""
    return {chart_id: _chart_meta(charts_dir, chart_id)["notes"] for chart_id in chart_ids}


def write_workbook(paths: Paths, outputs: Path | None = None) -> Path:
    """The workbook from the processed tables and the exported charts."""
    from analysis.paths import CHART_IDS

    outputs = outputs or paths.outputs
    checked_site_url()  # refused before anything is read: the cover prints it
    from analysis.tables.load import build_mark, charts_read_mark

    mark = build_mark(paths)  # before any table is read (`analysis.tables.load.as_read`)
    charts_read = charts_read_mark(outputs / "charts", CHART_IDS)  # and before any chart is
    return build_workbook(outputs, load_tables(paths), notes_from_sidecars(outputs / "charts", list(CHART_IDS)),
                          mark, charts_read)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/outputs)")


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    try:
        workbook = write_workbook(paths, args.out.resolve() if args.out else None)
    except (FileNotFoundError, SiteUrlError) as err:
        print(err, file=sys.stderr)
        return 1
    print(f"wrote {paths.rel(workbook)}")
    return 0
