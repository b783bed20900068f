"""What every chart shares: the metadata published beside it, the tables' vocabulary (grades, Met measures),
and small helpers for labels, percentages and caveat sentences.

matplotlib is imported only inside `analysis.publish.style`'s functions and at call time, never at import time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.paths import DEFAULT, ROOT_ENV, Paths
from analysis.publish import style
from analysis.record.vocabulary import split_list
from analysis.tables.load import NOT_APPLICABLE_KEY

SPLIT_GRADES = ("good", "requires improvement", "inadequate")
COMBINED = "requires improvement or inadequate"
GRADE_ORDER = (*SPLIT_GRADES, COMBINED)
#: Grades are ordered, so their colours are the house's ordered grade palette (style.GRADE_PALETTE); the combined
#: share is drawn in "requires improvement" outlined in "inadequate".
GRADE_COLOURS = {**{g: style.GRADE_PALETTE[g] for g in SPLIT_GRADES},
                 COMBINED: style.GRADE_PALETTE["requires improvement"]}
GRADE_TEXT = {g: "white" for g in GRADE_ORDER}

MET_MEASURES = {
    "cse_referrals": "Referrals of suspected CSE",
    "cse_flagged_crimes": "Crimes connected with CSE",
    "children_at_risk_cse": "Children identified as at risk of CSE",
}
RISE_MEASURE = "change_children_at_risk_cse"
MET_FUNNEL = (
    ("met_historic_cases_found", "Cases found"),
    ("met_historic_cases_reviewed_further", "Reviewed further"),
    ("met_historic_cases_in_scope", "Still in scope"),
)
#: Column headings of the national-review chart's CSV (Datawrapper shows them as series names).
NATIONAL_REVIEW_LABELS = {
    "historic_cases_identified_for_review": "Historic cases identified for review",
    "historic_cases_reopened": "Cases closed with no further action, re-opened",
    "beaconport_referrals": "Cases referred to Operation Beaconport",
}
#: Words that mark a caveat as saying a figure's period may be shorter than the one recorded (a scheme's first year
#: that may have started part-way through it): a line to such a point is dashed and the face says why.
PART_PERIOD_WORDS = ("part-way", "period is shorter", "part-year")
#: Words that mark a caveat as describing a change in how crimes or referrals were recorded.
RECORDING_WORDS = ("recording", "recorded differently", "counting rules")
#: The Commissioner's explanation of the 2025 rise is looked for under these words, in the table's own text.
EXPLANATION_WORDS = ("better at finding", "better identification", "finding it")


@dataclass
class ChartMeta:
    """Everything published beside a chart (the JSON sidecar) plus its data table (the CSV)."""

    chart_id: str
    chart_type: str
    title: str
    intro: str
    source_name: str
    source_url: str
    source_line: str
    notes: str
    alt_text: str
    data: pd.DataFrame = field(repr=False)
    notes_on_chart: str = ""
    #: Face sentences the full notes give at length instead (`style.full_notes`), so each point is said once.
    said_in_notes: tuple[str, ...] = ()
    source_documents: str = ""
    #: Pairs of figures (figure id, figure id, why) the chart shows but declines to compare or join: the fact-check
    #: must not compare them either (tests/test_consistency.py holds every output to that).
    not_compared: tuple[tuple[str, str, str], ...] = ()
    #: Cells of `data` (row number, column header) left blank because nothing could be recorded there by their
    #: nature (a quotation's value; a computed share on the row of a printed one), not because no figure was found:
    #: the workbook marks them [z] ("not applicable"), the others [x].
    not_applicable: tuple[tuple[int, str], ...] = ()
    #: Draws the same chart at another width (set by `style.styled`; the export draws the mobile PNG with it).
    redraw: Callable[[float], tuple[Any, ChartMeta]] | None = field(default=None, repr=False, compare=False)

    def caption(self) -> Any:
        """The notes and source line as Markdown, for showing under the chart in a notebook: record text escaped
        by `markdown_escape.escape`, the one escaping path (a producer's `<style>` reached the HTML copies through
        here)."""
        from analysis.factcheck.markdown_escape import escape
        from analysis.publish.display import record_markdown

        return record_markdown(f"**Notes.** {escape(self.notes)}\n\n**{escape(self.source_line)}**\n\n"
                               f"Documents: {escape(self.source_documents)}")

    def sidecar(self) -> dict[str, Any]:
        """The JSON sidecar: the fields Datawrapper's metadata panel asks for, plus the face note, the full
        document list (provenance, with the copies read) and the data table's cells blank by their nature."""
        return {"chart_id": self.chart_id, "title": self.title, "intro": self.intro,
                "source_name": self.source_name, "source_url": self.source_url, "source_line": self.source_line,
                "source_documents": self.source_documents, "notes": self.notes,
                "notes_on_chart": self.notes_on_chart, "alt_text": self.alt_text, "chart_type": self.chart_type,
                NOT_APPLICABLE_KEY: [[row, column] for row, column in self.not_applicable]}


def project_paths() -> Paths:
    """The project the notebooks read: this repository, unless a test points CSE_FIGURES_ROOT elsewhere."""
    root = os.environ.get(ROOT_ENV)
    return Paths(Path(root).resolve()) if root else DEFAULT


def chart_meta(chart_id: str, chart_type: str, frame: style.Frame, data: pd.DataFrame,
               not_compared: Iterable[tuple[str, str, str]] = (),
               not_applicable: Iterable[tuple[int, str]] = ()) -> ChartMeta:
    return ChartMeta(chart_id=chart_id, chart_type=chart_type, data=data.reset_index(drop=True),
                     not_compared=tuple(not_compared), not_applicable=tuple(not_applicable), **frame)


def blank_by_nature(data: pd.DataFrame, rows: Iterable[bool], columns: Iterable[str]) -> list[tuple[int, str]]:
    """The cells of `columns` (those `data` has) on the rows marked True (in `data`'s order) that are blank:
    `ChartMeta.not_applicable` for a chart whose rows of one kind have nothing to record in those columns."""
    frame = data.reset_index(drop=True)
    return [(i, c) for i, chosen in enumerate(rows) if chosen for c in columns
            if c in frame.columns and (pd.isna(frame.at[i, c]) or frame.at[i, c] == "")]


def as_known(rows: pd.DataFrame, as_at: str) -> str:
    """The date `as_at` in words, by its month only when none of `rows` (the printings of one count) printed that day
    (the tables' `as_at_approximate`): Eastern Eye's undated "More than 1,200" is as at the NCA's briefing of
    4 November 2025, a day the Independent printed for the same count, while GB News's report is all the record has
    for the Met's remarks of November 2025."""
    same_day = rows[rows["as_at"].astype(str) == str(as_at)]
    return style.date_as_known(str(as_at), bool(same_day["as_at_approximate"].all()))


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def figure_ids_of(values: pd.Series) -> list[str]:
    """Figure ids from a column of ';'-separated lists."""
    return [i for v in values.dropna() for i in split_list(v)]


#: Words a record field quotes ('…', ‘…’, "…", “…”), at least six characters (not an apostrophe's span).
QUOTED = re.compile(r"['‘\"“]([^'’\"”]{6,}?)['’\"”]")


def quoted_phrases(text: str) -> list[str]:
    """The phrases a caveat or quote puts in quotation marks: a source's own words the record carries (the
    Commissioner's explanation, the inspectorate's 'we have closed the causes of concern')."""
    return QUOTED.findall(text)


def sentences_of(text: str) -> list[str]:
    """Sentences of a caveat (caveats joined by the build with '; ' are split apart too)."""
    parts = re.split(r"(?<=[.!?'])(?:\s*;)?\s+(?=[A-Z'])", str(text))
    return [s.strip().rstrip(";").strip() for s in parts if s.strip()]
