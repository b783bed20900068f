"""Chart: what the "56 per cent" rise in children at risk of CSE put to the Met Commissioner means: what was
printed, what was said, and what was looked for and not found (the counts behind it, from the gaps record). Nothing
is drawn to scale: there is no count to draw, and a bar or a line would invent one.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.factcheck.wording import NOT_FOUND_WHERE
from analysis.publish import style
from analysis.publish.charts.cards import Card, draw_cards
from analysis.publish.charts.common import ChartMeta, blank_by_nature, chart_meta
from analysis.publish.charts.met_cse_series import commissioner_explanation
from analysis.publish.publishers import face_name
from analysis.record.figures import contains_printed


def missing_counts(gaps: pd.DataFrame, printed: str) -> pd.DataFrame:
    """Gap records for the counts behind the printed rise (they name the rise as printed, e.g. '56 per cent'), read
    as the record's quote check reads a printed figure in text (`contains_printed`): found as typed, a gap naming
    "56\u00a0per cent" (a no-break space, as pages set it) was no gap of the rise, and the chart's notes lost the
    counts looked for and not found."""
    wanted = gaps["wanted"].fillna("").astype(str)
    names_rise = wanted.map(lambda text: contains_printed(printed, text))
    return gaps[names_rise & wanted.str.lower().str.startswith("number of children")]


@style.styled
def rise_56_chart(figures: pd.DataFrame, gaps: pd.DataFrame, *, width: float = style.WEB_WIDTH
                  ) -> tuple[Any, ChartMeta]:
    """Three cards: the rise as printed, the counts behind it (not found), the explanation given. The record knows
    where it looked for the counts, not that they were never published, so nothing here says "not published"."""
    rise = commissioner_explanation(figures)
    if rise is None:
        raise ValueError("no printed rise in children at risk of CSE with the Commissioner's words in the figures")
    row = figures.set_index("figure_id").loc[rise["figure_id"]]
    gap_rows = missing_counts(gaps, rise["value_as_printed"])
    who = face_name(rise["publisher"])
    cards = [
        Card(rise["value_as_printed"], f"{row['subject']}.",
             f"{rise['period']}; reported by {who}. No counts were printed with it.", style.DARK_PINK,
             unit="percent"),
        Card("Not found", "How many children were at risk at the start and at the end of the period.",
             "Looked for in published sources and not found.",
             style.DARK_GREY),
        Card("In his words", f"‘{rise['words']}’", f"The Commissioner's explanation, as reported by {who}.",
             style.DARK_BLUE),
    ]
    fig, ax = style.new_figure(width=width, plot_height=1.0)
    draw_cards(fig, ax, cards, width)
    # The figure was put to the Commissioner (the record's subject says so), not printed by the Met.
    put = "put to the Commissioner" in str(row["subject"])
    title = (f"'{rise['value_as_printed']}' rise " + ("put to the Met Commissioner" if put else "in London")
             + ": no counts found")
    subtitle = f"What was printed, what was said and what is missing, London, {rise['period']}"
    on_chart = "Without its counts, the rise cannot be compared with the Met's earlier yearly figures (nor charted)."
    notes = [on_chart, f"The counts at the start and end were {NOT_FOUND_WHERE}.",
             f"Recorded with the figure: {row['caveat']}"] + [
        f"Missing ({g.id}): {g.wanted}." for g in gap_rows.itertuples()]
    data = pd.DataFrame({"Item": ["Rise as printed", "Counts behind it", "Explanation"],
                         "Value": [float(row["value"]), None, None],
                         "Text": [rise["value_as_printed"], "not found", rise["words"]]})
    alt = (f"Text chart with three panels, showing that the '{rise['value_as_printed']}' rise in children at risk of "
           "sexual exploitation came with no counts. The rise: "
           f"{rise['value_as_printed']}, {rise['period']}. The counts at the start and end were {NOT_FOUND_WHERE}. "
           f"The Commissioner's explanation: '{rise['words']}'.")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, [rise["figure_id"]]))
    # The explanation is a quotation: it has no value to record, where the counts have one that was not found.
    return fig, chart_meta("what-the-56-means", "Text chart", frame, data,
                           not_applicable=blank_by_nature(data, data["Item"] == "Explanation", ["Value"]))
