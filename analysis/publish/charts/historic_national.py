"""Chart: the national count of historic group-based CSE cases identified for review, as printed."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.common import NATIONAL_REVIEW_LABELS, ChartMeta, _count_bar_axes, _meta


@style.styled
def historic_national_chart(reviews: pd.DataFrame, figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """The national count of historic group-based CSE cases over time, as printed (qualifiers kept)."""
    nat = (reviews[reviews["scope"] == "national"]
           .sort_values(["as_at", "primary", "figure_id"], ascending=[True, False, True], kind="stable"))
    nat = nat.drop_duplicates(["measure", "as_at", "value"])
    meta_rows = figures.set_index("figure_id")
    labels = [f"{style.long_date(r.as_at)}\n{meta_rows.loc[r.figure_id, 'publisher']}" for r in nat.itertuples()]
    fig, ax = style.new_figure(width=8.0, plot_height=0.55 * len(nat) + 1.0)
    measures = list(dict.fromkeys(nat["measure"]))
    colours = {m: c for m, c in zip(measures, style.PALETTE)}
    bars = ax.barh(range(len(nat)), nat["value"], height=0.6, color=[colours[m] for m in nat["measure"]])
    style.label_bar_values(ax, bars, list(nat["value_as_printed"]), inside_min=nat["value"].max() * 0.35)
    _count_bar_axes(ax, labels, nat["value"].max() * 1.15)
    definitions = nat.drop_duplicates("measure").set_index("measure")["definition"]
    if len(measures) > 1:
        from matplotlib.patches import Patch

        handles = [Patch(color=colours[m], label=textwrap.fill(definitions[m], 105)) for m in measures]
        style.legend_above(ax, handles, ncol=1)
    latest = nat.iloc[-1]
    title = (f"{latest['value_as_printed'][0].upper() + latest['value_as_printed'][1:]} historic group-based CSE "
             f"cases had been identified for review across England and Wales by {style.month_year(latest['as_at'])}")
    subtitle = (f"National count of historic group-based child sexual exploitation cases identified for review, "
                f"as printed, {style.month_year(nat['as_at'].iloc[0])} to {style.month_year(latest['as_at'])}")
    notes = ["A national count for England and Wales; the Met's own review of its cases is a separate chart and is "
             "not part of, or comparable with, this count. Values are labelled as printed, with their qualifiers."]
    if len(measures) > 1:
        notes.append("The counts use different definitions (see the key) and are not added; in the data, a blank "
                     "means that count was not published on that date.")
    if isinstance(latest["caveat"], str) and latest["caveat"]:
        notes.append(f"On the latest figure: {latest['caveat']}")
    data = nat.pivot_table(index="as_at", columns="measure", values="value", aggfunc="first")
    data = data.rename_axis("Date").reset_index()
    data.columns.name = None
    data = data.rename(columns=lambda c: NATIONAL_REVIEW_LABELS.get(c, str(c).replace("_", " ").capitalize()))
    alt = (f"Bar chart of the national count of historic group-based child sexual exploitation cases identified "
           f"for review, showing {title[0].lower() + title[1:]}. "
           + "; ".join(f"{style.long_date(r.as_at)}: {r.value_as_printed}" for r in nat.itertuples()) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle,
                         source=style.credit(figures, nat["figure_id"]), notes=notes, alt=alt)
    return fig, _meta("historic-reviews-national", "Bar chart", frame, data)
