"""Chart: the two "1,200"s side by side with their definitions, so no one adds them.

The national count of historic group-based CSE cases identified for review ("more than 1,200", England and Wales)
and the Met's own count of its historic cases still in scope after its review (1,200, London) print alike and are
different counts under different definitions. Each is a card with its definition and who said it; nothing is
summed or drawn on a shared scale.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.cards import Card, draw_cards
from analysis.publish.charts.common import ChartMeta, chart_meta
from analysis.publish.workbook_columns import DATE_AS_KNOWN

NATIONAL_MEASURE = "historic_cases_identified_for_review"
MET_MEASURE = "met_historic_cases_in_scope"


def latest(reviews: pd.DataFrame, measure: str) -> pd.Series | None:
    rows = reviews[reviews["measure"] == measure].sort_values(["as_at", "primary", "figure_id"],
                                                                ascending=[True, True, False], kind="stable")
    return rows.iloc[-1] if len(rows) else None


@style.styled
def two_counts_chart(reviews: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                     ) -> tuple[Any, ChartMeta]:
    """Two cards: the national count and the Met's own count, each with its definition; never added."""
    from analysis.publish.publishers import face_name

    national, met = latest(reviews, NATIONAL_MEASURE), latest(reviews, MET_MEASURE)
    rows = [r for r in (national, met) if r is not None]
    publisher = figures.set_index("figure_id")["publisher"]
    headings = {"national": "National: England and Wales", "Met": "The Met's own review: London"}
    cards = [Card(number=r["value_as_printed"], heading=headings.get(r["scope"], str(r["scope"])),
                  detail=f"{_short(r['definition'])}. As at {_as_at(r)}; "
                         f"{face_name(publisher.get(r['figure_id'], ''))}.",
                  colour=style.DARK_BLUE if r["scope"] == "national" else style.DARK_PINK,
                  qualifier=r["qualifier"], unit="cases") for r in rows]
    fig, ax = style.new_figure(width=width, plot_height=1.0)
    draw_cards(fig, ax, cards, width, between="≠  different counts, different definitions: do not add")
    if national is not None and met is not None:
        title = (f"'{national['value_as_printed'][0].upper() + national['value_as_printed'][1:]}' national cases "
                 f"and the Met's {met['value_as_printed']} cannot be added")
    else:
        title = "The national and Met counts of historic cases are different counts"
    subtitle = ("Two counts of historic child sexual abuse cases that print alike, 2025: national group-based "
                "exploitation cases, and the Met's own review of cases with two or more suspects")
    on_chart = ("The national figure counts cases identified across England and Wales for review; the Met's figure "
                "counts its own cases still in scope after its review, a mix of offences. They are not comparable.")
    notes = [on_chart, "Each figure is shown as printed with the definition its source gave: "
             + "; ".join(f"{c.number}: {r['definition']}" for c, r in zip(cards, rows, strict=True)) + "."]
    if met is not None and _scope_words(met):
        notes.append(f"On the Met's count: {_scope_words(met).strip()}")
    data = pd.DataFrame({"Count": [c.heading for c in cards], "Value": [r["value"] for r in rows],
                         "As printed": [r["value_as_printed"] for r in rows],
                         "Definition": [r["definition"] for r in rows], "Date": [r["as_at"] for r in rows],
                         DATE_AS_KNOWN: [_as_at(r) for r in rows]})
    # Each figure with its date and reporter, as its card gives them: without them the alt text did not say the
    # national bound is the later of the two (9 December, against the Met's November), nor who reported either.
    alt = (f"Number card chart with two figures, showing that {style.in_sentence(title)}. "
           + "; ".join(f"{c.heading}: {c.number} ({r['definition']}), as at {_as_at(r)}, "
                       f"{face_name(publisher.get(r['figure_id'], ''))}"
                       for c, r in zip(cards, rows, strict=True)) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, [r["figure_id"] for r in rows]))
    return fig, chart_meta("two-1200s", "Number cards", frame, data)


def _as_at(row: pd.Series) -> str:
    """The date the count is as at, said as the date of the count, not of the report: the Met's 1,200 read
    "GB News, 13 November 2025", as if GB News had published that day. A date no source printed (the table's
    `as_at_approximate`) is given by its month."""
    return style.date_as_known(row["as_at"], bool(row["as_at_approximate"]))


def _short(definition: str) -> str:
    """A definition without its bracketed aside (the card is short; the aside is in the notes and the CSV)."""
    return re.sub(r"\s*\([^)]*\)", "", str(definition)).strip().rstrip(".")


def _scope_words(row: pd.Series) -> str:
    """The Met's own description of what its count covers (from the figure's caveat: any case with two or more
    suspects, a mix of offences), so the card does not call it group-based exploitation alone."""
    if row["scope"] != "Met" or not isinstance(row["caveat"], str):
        return ""
    from analysis.publish.charts.common import sentences_of

    said = [s for s in sentences_of(row["caveat"]) if "two or more" in s.lower()]
    return f"{said[0].rstrip('.')}. " if said else ""

