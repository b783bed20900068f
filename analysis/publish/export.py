"""Chart files: every chart as PNG (web, 2×), SVG (print), Datawrapper CSV and JSON sidecar.

Layout of `outputs/`:

    charts/<chart-id>/<chart-id>.png          web: 640 CSS px wide at 2× = 1280 px (200 dpi)
    charts/<chart-id>/<chart-id>-mobile.png   mobile: drawn again at 360 CSS px wide, at 2× = 720 px
    charts/<chart-id>/<chart-id>.svg          print; text kept as text, the bundled face embedded (subset)
    charts/<chart-id>/<chart-id>.csv   one header row; first column categories/dates; blank = no figure in the record;
                                       a "<value> qualifier" column beside every value printed with a qualifier
    charts/<chart-id>/<chart-id>.json  chart_id, title, intro, source_*, notes, notes_on_chart, alt_text, chart_type;
                                       drawn_from (the tables read) and exported (the files above, by hash),
                                       written last: what `workbook` and `gallery` check a chart by

Each chart is drawn once. During `make` the notebooks draw them and `publish` both writes these files and shows
the same PNG in the notebook; `python -m analysis charts` draws them without the notebooks (and writes the
workbook too). SVGs are deterministic (fixed hash salt, no date in the metadata) so a re-run changes no file
unless the data did.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from pathlib import Path
from typing import Any

from analysis.factcheck.report import real_folder, replace_file
from analysis.paths import CHARTS_DIR_ENV, DRAWN_IN_ENV, Paths, chart_files, site_url
from analysis.publish import save, style
from analysis.publish.workbook import WORKBOOK_NAME, WORKBOOK_TABLES, build_workbook
from analysis.publish.workbook import add_arguments as workbook_arguments
from analysis.publish.workbook_columns import QUALIFIER_SUFFIX
from analysis.record.hygiene import SiteUrlError, checked_site_url, inline_safe_json, neutralise_frame
from analysis.record.printed import PrintedFigureError, number_text, parse_printed
from analysis.tables.load import (
    CHART_CODE,
    CODE_MARK,
    DRAWN_FROM,
    DRAWN_IN,
    EXPORTED,
    SITE_MARK,
    build_mark,
    charts_read_mark,
    code_mark,
    file_hashes,
)

__all__ = ["PNG_DPI", "datawrapper_frame", "printed_qualifier",
           "WORKBOOK_NAME", "WORKBOOK_TABLES", "CHARTS_DIR_ENV", "chart_dir", "write_chart", "publish",
           "load_frames", "export_charts", "export_all"]

#: The code every chart this process exports is marked with, read as the charts' code is imported (in a notebook's
#: kernel, with its first cell), not as each is written: code edited since was not the code that drew it.
code_mark(CHART_CODE, loaded=True)

PNG_DPI = 200
#: CSS pixels per inch: the PNG is shown at PNG_DPI / CSS_DPI = 2× density.
CSS_DPI = style.CSS_DPI
#: Environment variable naming the folder `publish` writes chart files into (set by the notebook runner).


def chart_dir(outputs: Path, chart_id: str) -> Path:
    return outputs / "charts" / chart_id


def write_chart(fig: Any, meta: Any, folder: Path, paths: Paths | None = None, *,
                in_notebook: bool = False) -> dict[str, Path]:
    """Write one chart's five files (web and mobile PNG, SVG, CSV, JSON); return them by kind. `paths`: the project
    whose tables the chart was drawn from (default: the one the notebooks read). `in_notebook`: exported by a
    notebook's run (`publish`), which the sidecar then names (`drawn_in`).

    The chart's folder is a real folder: a link there (to a folder elsewhere, or to nothing) is replaced by one, as
    a link in place of a file is replaced by the file. A link to a folder elsewhere had every export written outside
    the checkout, and a dangling one failed `make` at every run ("File exists")."""
    real_folder(folder, folder.parent)
    files = {kind: folder / name for kind, name in chart_files(meta.chart_id).items()}
    save.save_png(fig, files["png"], PNG_DPI)
    if meta.redraw is not None:
        mobile, _ = meta.redraw(style.MOBILE_WIDTH)
        save.save_png(mobile, files["mobile"], PNG_DPI)
    save.save_svg(fig, files["svg"], title=meta.title, description=meta.alt_text)
    replace_file(files["csv"], chart_csv(meta.data))
    # Written last, naming the files above by their bytes: what `workbook` and `gallery` check before using them;
    # and the site address its links were drawn with (`analysis.tables.load.for_another_site`).
    written = [files[kind] for kind in ("png", "mobile", "svg", "csv") if kind != "mobile" or meta.redraw is not None]
    replace_file(files["json"], inline_safe_json({**meta.sidecar(), DRAWN_FROM: drawn_from(meta.chart_id, paths),
                                                  EXPORTED: file_hashes(written), SITE_MARK: site_url(),
                                                  CODE_MARK: code_mark(CHART_CODE, loaded=True),
                                                  **(drawn_in() if in_notebook else {})}))
    return files


def drawn_in() -> dict[str, Any]:
    """`{DRAWN_IN: …}` naming the notebook whose run exports this chart (the runner sets $CSE_DRAWN_IN in the
    kernel before each notebook), or {} when no notebook's run does (`charts`, a notebook opened by hand)."""
    import json

    said = os.environ.get(DRAWN_IN_ENV)
    if not said:
        return {}
    try:
        return {DRAWN_IN: json.loads(said)}
    except ValueError:
        return {DRAWN_IN: {}}  # says a notebook but not which: `charts_behind` counts it as edited


def drawn_from(chart_id: str, paths: Paths | None = None) -> dict[str, str]:
    """The tables a chart reads (`charts.CHARTS`), each with the hash of what was read of it (`as_read`): what its
    sidecar says it was drawn from, so a command that reads the exported chart can tell it from one drawn before
    the last build (`analysis.tables.load.charts_behind`)."""
    from analysis.publish.charts import CHARTS
    from analysis.publish.charts.common import project_paths
    from analysis.tables.load import as_read

    tables = next((spec.tables for spec in CHARTS if spec.chart_id == chart_id), ())
    return as_read(tables, paths or project_paths())


#: Header of the column that carries a value's printed form, e.g. "Recorded as printed" (or "As printed" for a
#: table with one value column).
AS_PRINTED = "as printed"


def printed_qualifier(text: Any) -> str:
    """The canonical qualifier of a printed figure ("More than 800" -> "more than", "1,200" -> "exact"); '' for a
    blank cell. Read with the record's own parser, so the CSV and the record can never disagree; a form the parser
    cannot read is never called exact (the vocabulary's rule: an unknown word is approximate)."""
    if not isinstance(text, str) or not text.strip():
        return ""
    try:
        return parse_printed(text).qualifier
    except PrintedFigureError:
        return "about"


def _printed_column(frame: Any, value: str) -> str | None:
    """The column holding `value`'s printed form: "<value> as printed", else a lone "As printed" when `value` is
    the table's only numeric column."""
    named = [c for c in frame.columns if str(c).lower() == f"{value} {AS_PRINTED}".lower()]
    if named:
        return named[0]
    numeric = [c for c in frame.columns if frame[c].dtype.kind in "iuf"]
    lone = [c for c in frame.columns if str(c).lower() == AS_PRINTED]
    return lone[0] if lone and numeric == [value] else None


#: What Datawrapper would read as a tag in a cell: "<b>", "</a>", "<!--", "<?". A bare "<5" is none.
_TAG = re.compile(r"<[A-Za-z!/?]")


def as_cell_text(value: Any) -> Any:
    """A text cell as Datawrapper will show it: one that holds markup is written with its markup escaped.

    Datawrapper renders a subset of HTML in a cell (links, bold, line breaks), so record text holding "<a href=…>"
    or "&lt;" would be shown as a link or as "<", not as the source printed it; escaped, it is shown as printed.
    A character reference is any that an HTML parser decodes (`html.unescape` is the HTML5 rules): a numeric one or
    one of the legacy names needs no ";" ("&#60b&#62" is shown as "<b>", "&copy 2024" as "© 2024"), and only
    references ending in ";" were seen. "Fire & Rescue" and "AT&T" are text to a
    browser and stay as they are for spreadsheet readers."""
    if isinstance(value, str) and (_TAG.search(value) or ("&" in value and html.unescape(value) != value)):
        return html.escape(value, quote=False)
    return value


def chart_csv(data: Any) -> str:
    """A chart's CSV: its Datawrapper table, each number spelled as the processed tables spell it (`number_text`:
    a column with a blank is a float column, and "%.10g" wrote 12,345,678,901 in it as 1.23456789e+10), and text
    that Datawrapper would read as markup escaped (`as_cell_text`)."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    frame = datawrapper_frame(data)
    for column in frame.columns:
        if is_object_dtype(frame[column]) or is_string_dtype(frame[column]):
            frame[column] = frame[column].map(as_cell_text)
    frame.columns = [as_cell_text(c) for c in frame.columns]
    return frame.to_csv(index=False, lineterminator="\n", float_format=number_text)


def datawrapper_frame(data: Any) -> Any:
    """The chart's table as Datawrapper reads it: formula-safe text and, right after every numeric column whose
    values were printed with words ("more than 800", "approximately 9,000"), a "<column> qualifier" column, so a
    bound is never pasted as a bare number. A chart's own "Qualifier" column that says the same is then dropped."""
    frame = neutralise_frame(data).copy()
    for value in [c for c in frame.columns if frame[c].dtype.kind in "iuf"]:
        printed = _printed_column(frame, value)
        if printed is None:
            continue
        qualifiers = frame[printed].map(printed_qualifier).where(frame[value].notna(), "")
        name = f"{value}{QUALIFIER_SUFFIX}"
        if "Qualifier" in frame.columns and frame["Qualifier"].fillna("").astype(str).tolist() == qualifiers.tolist():
            frame = frame.drop(columns="Qualifier")
        frame.insert(frame.columns.get_loc(value) + 1, name, qualifiers)
    return frame


def publish(fig: Any, meta: Any) -> Any:
    """Show a chart in a notebook; when the runner names a charts folder ($CSE_CHARTS_DIR), export it there too.

    The notebook shows the exported 2× PNG at its CSS size, so what a reader sees in the notebook is, byte for
    byte, the file a reporter publishes, and the chart is rendered once rather than once for the notebook and
    again for the export. Opened by hand (no $CSE_CHARTS_DIR) a notebook writes nothing.
    """
    from IPython.display import Image

    target = os.environ.get(CHARTS_DIR_ENV)
    if target:
        png = write_chart(fig, meta, Path(target) / meta.chart_id, in_notebook=True)["png"].read_bytes()
    else:
        png = save.png_bytes(fig, PNG_DPI)
    return Image(data=png, format="png", width=round(fig.get_size_inches()[0] * CSS_DPI))


def export_charts(outputs: Path, tables: dict[str, Any], paths: Paths | None = None) -> list[str]:
    """Draw and write every chart from `tables` (read from `paths`' data/processed); return the chart ids written."""
    import matplotlib

    matplotlib.use("Agg")
    from analysis.publish import charts

    written = []
    real_folder(outputs / "charts", outputs)
    for spec in charts.CHARTS:
        fig, meta = spec.draw(*(tables[t] for t in spec.tables))
        write_chart(fig, meta, chart_dir(outputs, spec.chart_id), paths)
        written.append(spec.chart_id)
    return written


def load_frames(paths: Paths) -> dict[str, Any]:
    """Every processed table the charts need, as DataFrames read only through `load_table`."""
    from analysis.tables.load import load_table

    return {name: load_table(name, paths) for name in WORKBOOK_TABLES}


def export_all(paths: Paths, outputs: Path | None = None) -> tuple[list[str], Path]:
    """Charts first, then the workbook, whose Notes sheet carries each chart's notes. `outputs` defaults to the
    project's outputs/ (tests pass a scratch folder and still read the real processed tables)."""
    from analysis.publish import workbook

    outputs = outputs or paths.outputs
    checked_site_url()  # a refused address stops the command before any chart is drawn, not after eleven
    mark = build_mark(paths)  # before any table is read (`analysis.tables.load.as_read`)
    written = export_charts(outputs, load_frames(paths), paths)
    charts_read = charts_read_mark(outputs / "charts", written)  # before the workbook reads them
    notes = workbook.notes_from_sidecars(outputs / "charts", written)
    return written, build_workbook(outputs, workbook.load_tables(paths), notes, mark, charts_read)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Same options as `workbook` (this command writes the workbook too)."""
    workbook_arguments(parser, name)


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    try:
        written, workbook = export_all(paths, args.out.resolve() if args.out else None)
    except (FileNotFoundError, SiteUrlError) as err:  # one line, as `workbook` and `gallery` say it
        print(err, file=sys.stderr)
        return 1
    outputs = args.out.resolve() if args.out else paths.outputs
    print(f"wrote {len(written)} charts into {paths.rel(outputs / 'charts')}/ and {paths.rel(workbook)}")
    return 0
