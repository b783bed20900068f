"""Tables as a reader should see them in a notebook: counts as whole numbers, blanks said in words, text in full.

pandas' default display shows a count with a missing value as 374.0, a missing value as NaN (right under a
sentence saying blank cells were not published) and cuts long text with "…" — three ways of saying more or less
than the data. `table()` renders a DataFrame as HTML instead: a numeric column whose values are all whole prints
them as integers, a missing number prints as "no figure", dates print as YYYY-MM-DD, and text wraps in full.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from analysis.factcheck.markdown_escape import NO_MATHS as NO_MATHS  # the class JupyterLab's MathJax reads
from analysis.factcheck.markdown_escape import RECORD_BLOCK, escape
from analysis.factcheck.numbers import round_half_away
from analysis.record.hygiene import PASTED_REFERENCES, name_key

#: What an empty number says in a notebook's table: the record holds no figure there (so a chart draws nothing; the
#: workbook's chart sheets say [x], the README a blank CSV cell). The tables said "not published", which is more
#: than the record knows: London's share as MyLondon printed it has no year because the story printed none, and a
#: figure looked for and not found may still be published somewhere not looked at.
NO_FIGURE = "no figure"

#: The tables' one stylesheet (the only <style> a notebook's HTML copy keeps, analysis.run.copies). JupyterLab
#: right-aligns every table cell with a more specific selector, hence `!important` on alignment. Short
#: text (ids, dates, grades) stays on one line; long text wraps in a column wide enough to read.
TABLE_STYLE = ("<style>table.cse-table{border-collapse:collapse;font-size:13px;margin:4px 0 12px}"
          "table.cse-table th,table.cse-table td{border-bottom:1px solid #ddd;padding:4px 8px;vertical-align:top;"
          "text-align:left!important;white-space:normal;overflow-wrap:break-word;max-width:40em}"
          "table.cse-table td.num{text-align:right!important;white-space:nowrap}"
          "table.cse-table td.short{white-space:nowrap}table.cse-table td.long{min-width:14em}"
          "table.cse-table th{background:#f3f3f3}</style>")
#: Text columns whose longest cell is at most this many characters are kept on one line.
SHORT_TEXT = 20


def without_maths(body: str, markdown: bool = True) -> str:
    """`body` (Markdown, or HTML) inside a block MathJax does not typeset: every output of record text goes
    through here. Markdown needs the blank lines to be read as Markdown inside the block.

    JupyterLab typesets maths in the rendered page of every output, not in the Markdown it came from: record text
    whose "$" and "\\" `escape` wrote as entities (no Markdown reader sees maths) still showed "costs $5 to $10" as
    the maths "5to10" in a list or a table cell alike; nbconvert's HTML of the .ipynb copies (and nbviewer) does the
    same with MathJax 2. So the block names both versions' class (`markdown_escape.NO_MATHS_CLASSES`), with the
    attributes a client-side template framework leaves alone (`markdown_escape.RECORD_BLOCK`)."""
    block = f"<div {RECORD_BLOCK}>"
    return f"{block}\n\n{body}\n\n</div>" if markdown else f"{block}{body}</div>"


def record_markdown(body: str) -> Any:
    """A Markdown output of record text (already escaped) that JupyterLab shows as written (`without_maths`)."""
    from IPython.display import Markdown

    return Markdown(without_maths(body))


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _is_whole_column(values: Sequence[Any]) -> bool:
    present = [v for v in values if not _missing(v)]
    return bool(present) and all(isinstance(v, numbers.Real) and not _is_bool(v)
                                 and math.isfinite(float(v)) and float(v) == int(float(v)) for v in present)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool) or type(value).__name__ in ("bool_", "bool")  # numpy bool: no subclass


def cell_text(value: Any, whole: bool = False, missing: str = NO_FIGURE) -> str:
    """One cell as printed: "no figure" for a missing number, a whole number without ".0" (with thousands
    separators from 10,000, so a year stays 2023), a date as YYYY-MM-DD, a float with at most two decimals,
    anything else as its text."""
    if _missing(value):
        return missing
    if _is_bool(value):
        return "yes" if value else "no"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, numbers.Integral) or (whole and isinstance(value, numbers.Real)):
        number = int(value) if isinstance(value, numbers.Integral) else int(float(value))  # a whole float: 374.0
        return f"{number:,}" if abs(number) >= 10_000 else str(number)  # 8,866,180 but 2023 (a year) and 374
    if isinstance(value, numbers.Real):
        # rounded half away from zero, as every output rounds (`round_half_away`): ":.2f" rounds a binary tie to
        # even, so a share of 1 in 32 showed 3.12 here and 3.13 in the chart and the fact-check
        shown = round_half_away(Decimal(repr(float(value))), 2)
        return f"{shown:f}".rstrip("0").rstrip(".")
    return str(value)


def _reader_dates(frame: Any, columns: Sequence[str]) -> Any:
    """A figures table's `published` column as every output gives a document's date (`reader_date`), when the
    frame says which dates were inferred: a first-of-month stand-in printed as "2020-11-01" read as a day the
    publisher printed, while the report, the workbook and every chart's credit said "November 2020 (approximate)"."""
    if "published" not in columns or "published_approximate" not in frame.columns:
        return frame
    from analysis.factcheck.report import reader_date
    from analysis.tables.load import is_true

    shown = [reader_date(str(day)[:10], is_true(approximate)) if not _missing(day) else day
             for day, approximate in zip(frame["published"], frame["published_approximate"], strict=True)]
    return frame.assign(published=shown)


def table_html(frame: Any, columns: Sequence[str] | None = None, names: dict[str, str] | None = None,
               missing: str = NO_FIGURE) -> str:
    """The frame (or the given columns of it, renamed by `names`) as an HTML table; see the module doc.
    `missing` is what a missing number says (a reshaped table may leave cells empty for other reasons)."""
    columns = list(columns or frame.columns)
    names = names or {}
    numeric = {c for c in columns if str(frame[c].dtype).lower().startswith(("int", "uint", "float"))}
    whole = {c for c in numeric if _is_whole_column(frame[c].tolist())}
    longest = {c: max((len(cell_text(v)) for v in frame[c].tolist()), default=0) for c in columns if c not in numeric}
    css = {c: "num" if c in numeric else "short" if longest[c] <= SHORT_TEXT else "long" for c in columns}
    head = "".join(f"<th>{_html_text(names.get(c, c))}</th>" for c in columns)
    frame = _reader_dates(frame, columns)
    rows = []
    for record in frame[columns].itertuples(index=False, name=None):
        cells = []
        for column, value in zip(columns, record, strict=True):
            text = "" if (column not in numeric and isinstance(value, str) and value == "") else \
                cell_text(value, column in whole, missing)
            cells.append(f'<td class="{css[column]}">{_html_text(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    table = f'<table class="cse-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return TABLE_STYLE + without_maths(table, markdown=False)


def _html_text(text: str) -> str:
    """A cell as HTML text, with shortcode and template openers as character references
    (`hygiene.PASTED_REFERENCES`): the notebooks' HTML copies are pages a site may template."""
    return html.escape(text).translate(PASTED_REFERENCES)


def table(frame: Any, columns: Sequence[str] | None = None, names: dict[str, str] | None = None,
          missing: str = NO_FIGURE) -> Any:
    """`table_html` as an object Jupyter displays (put it last in a cell, or pass it to `display`)."""
    from IPython.display import HTML

    return HTML(table_html(frame, columns, names, missing))




def chart_table(meta: Any) -> Any:
    """A chart's data (`meta.data`) as a notebook shows it: an empty number says `NO_FIGURE`, an empty text cell
    (no qualifier printed, no range computed, no printed wording) stays empty."""
    frame = meta.data
    text = [c for c in frame.columns if not str(frame[c].dtype).lower().startswith(("int", "uint", "float"))]
    frame = frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "") for c in text})
    return table(frame, missing=NO_FIGURE)


def markdown(text: str) -> Any:
    """Record text as a Markdown object Jupyter displays, escaped by `markdown_escape.escape` (the one escaping
    path: a producer, title, gap or caveat holding `<img onerror=…>` is shown as those characters, never run)."""
    return record_markdown(escape(text))


def bullets(lines: Sequence[str]) -> Any:
    """A Markdown bullet list (the notebooks' "What we found" and "Limitations" are built from the data): each line
    escaped by `markdown_escape.escape`, unless it was built as Markdown on purpose (`Markup`)."""
    return record_markdown("\n".join(f"- {escape(line)}" for line in lines) if lines else
                           "- (nothing in the tables)")


def where_files_go() -> Any:
    """Say, in the notebook, where this run writes chart files: the folder `$CSE_CHARTS_DIR` names (set by
    `make` / `python -m analysis notebooks`), or nowhere when a notebook is opened by hand (charts shown only)."""
    import os

    from IPython.display import Markdown

    from analysis.publish.export import CHARTS_DIR_ENV

    target = os.environ.get(CHARTS_DIR_ENV)
    if target:
        # Inside the project the folder is named (outputs/charts); elsewhere (a test's scratch folder) only the
        # variable is, so the executed notebook does not depend on where it was run.
        from pathlib import Path

        from analysis.publish.charts.common import project_paths

        shown = project_paths().rel(Path(target))
        where = f"`{shown}/<chart-id>/`" if not Path(shown).is_absolute() else f"the folder `${CHARTS_DIR_ENV}` names"
        return Markdown(f"This run exports each chart into {where} (PNG, SVG, CSV, JSON).")
    return Markdown(f"Opened by hand: charts are shown here and **no files are written**. To export them, set "
                    f"`${CHARTS_DIR_ENV}` to a folder before starting Jupyter, or run `make`.")


#: Where one caveat sentence ends and the next begins: after . ! or ?, or after a quotation closed on one ("…an
#: actual increase in the number of offences.' 'Crimes connected with CSE' is…"), optionally before the '; ' that
#: joins two figures' caveats in a table cell.
CAVEAT_SENTENCE_END = r"(?:(?<=[.!?])|(?<=[.!?]['’\"”]))[;]?\s+(?=[A-Z'‘\"“])"
NOT_FOUND = "Looked for and not found"
NOT_YET_IN_RECORD = "Published, not yet in this record"


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()


def limitations(caveats: Any, gaps: Any, words: Sequence[str] | None = None, label: str = "Caveat") -> list[str]:
    """The notebook's limitations, from the data: each distinct sentence of the caveats of the rows it used
    (tables join several figures' caveats with '; ', so sentences repeat), then every gap whose id or
    description names one of `words` (every gap passed in when `words` is None).

    A caveat is labelled "Caveat", not "Source caveat": the record's caveats hold the source's own warnings and the
    transcriber's notes on reading a figure ("No period printed; date is the story's date"), and the second are
    not words any source printed.

    A gap is named by what is wanted, not by its id, and as the record knows it: a figure its gap says is published
    (`published_in`) is "published, not yet in this record", with the publication; any other was looked for and
    not found, which is not the same as never published."""
    import re

    seen: list[str] = []
    for cell in caveats:
        for sentence in re.split(CAVEAT_SENTENCE_END, _text(cell)):
            sentence = sentence.strip()
            if sentence and sentence not in seen:
                seen.append(sentence)
    lines = [f"{label}: {c}" for c in seen]
    for gap in gaps.itertuples(index=False):
        # In the one reading of names and labels: a gap pasted with a no-break space ("children at\u00a0risk") or the
        # page's apostrophe was no gap of the notebook's words, and its Limitations left it out.
        text = name_key(f"{gap.id} {gap.wanted}")
        if words is None or any(name_key(w) in text for w in words):
            lines.append(f"{gap_sentence(gap)} Held by: {_text(gap.holder)}.")
    return lines


def gap_sentence(gap: Any) -> str:
    """A gap as the record knows it, named by what is wanted: "Published, not yet in this record: … (in …)." where
    its record says where it is published (`published_in`), else "Looked for and not found: …." (which is not the
    same as never published)."""
    wanted = _text(gap.wanted).rstrip(".")
    published_in = _text(getattr(gap, "published_in", "")).rstrip(".")
    return f"{NOT_YET_IN_RECORD}: {wanted} (in {published_in})." if published_in else f"{NOT_FOUND}: {wanted}."
