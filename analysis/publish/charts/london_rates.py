"""Chart: London rates printed by the Met, councils and the DfE, each in its own unit."""

from __future__ import annotations

import re
import textwrap
from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.common import ChartMeta, _meta


def london_rates(figures: pd.DataFrame) -> pd.DataFrame:
    """London's published rates (units 'per …') and shares of national totals, as the sources give them."""
    london = figures[figures["geography"] == "London"]
    is_rate = london["unit"].str.contains(r"\bper [\d,]+ ", regex=True)  # per 1,000 children, per 100,000 …
    return london[is_rate].sort_values(["unit", "value"], ascending=[True, False], kind="stable")


@style.styled
def london_rates_chart(figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """London's rates where the sources give them, each labelled with its own unit (the units differ)."""
    rates = london_rates(figures)
    names = [re.split(r", as | per [\d,]+ ", s)[0] for s in rates["subject"]]
    labels = [textwrap.fill(n, 34) for n in names]
    fig, ax = style.new_figure(width=8.0, plot_height=0.75 * max(len(rates), 1) + 0.8)
    units = list(dict.fromkeys(rates["unit"]))
    colours = {u: c for u, c in zip(units, style.PALETTE)}
    bars = ax.barh(range(len(rates)), rates["value"], height=0.6, color=[colours[u] for u in rates["unit"]])
    style.label_bar_values(ax, bars, [textwrap.fill(f"{v} {u}", 30) for v, u in
                                      zip(rates["value_as_printed"], rates["unit"])], inside_min=float("inf"))
    ax.set_yticks(range(len(rates)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, (rates["value"].max() if len(rates) else 1) * 2.3)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x")
    ax.set_xlabel("Rate, in each figure's own unit")
    if len(rates):
        hi, lo = rates.loc[rates["value"].idxmax()], rates.loc[rates["value"].idxmin()]
        title = (f"London's published rates per 1,000 children range from {lo['value_as_printed']} to "
                 f"{hi['value_as_printed']}, in different units" if len(units) > 1 or len(rates) > 1
                 else f"London: {hi['value_as_printed']} {hi['unit']}")
        period = style.join_words(sorted({style.month_year(p) for p in rates["period_end"]}))
    else:
        title, period = "No London rates are published in the sources", ""
    subtitle = f"Rates for London as given by the sources, each in its own unit; stated {period}"
    notes = [c for c in dict.fromkeys(rates["caveat"].dropna()) if c][:2]
    data = pd.DataFrame({"Measure": names, "Rate": rates["value"].to_numpy(), "Unit": list(rates["unit"])})
    alt = (f"Bar chart of London's published rates, showing that {title[0].lower() + title[1:]}. "
           + "; ".join(f"{lab}: {v} {u}" for lab, v, u in zip(names, rates["value_as_printed"], rates["unit"]))
           + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, source=style.credit(figures, rates["figure_id"]),
                         notes=notes, alt=alt)
    return fig, _meta("london-rates", "Bar chart", frame, data)
