"""Chart: London's share of the UK population, as ONS/GLA printed it."""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from analysis.publish import encode, style
from analysis.publish.charts.common import ChartMeta, chart_meta
from analysis.publish.publishers import face_name
from analysis.record.vocabulary import fmt_percent


def london_share_table(population: pd.DataFrame) -> pd.DataFrame:
    """London's population, the UK's, and London's share (London ÷ UK × 100, 2 dp) for years with both."""
    pop = population[population["measure"] == "population"]
    wide = pop.pivot_table(index="year", columns="geography", values="value", aggfunc="first")
    if not {"London", "United Kingdom"} <= set(wide.columns):
        return pd.DataFrame(columns=["Year", "London", "United Kingdom", "London share of UK (%)"])
    both = wide[["London", "United Kingdom"]].dropna()
    both["London share of UK (%)"] = (100 * both["London"] / both["United Kingdom"]).round(2)
    out = both.rename_axis("Year").reset_index()
    out.columns.name = None
    out["Year"] = out["Year"].astype(int)
    return out


@style.styled
def london_population_share_chart(population: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                                  ) -> tuple[Any, ChartMeta]:
    """London's share of the UK population: computed where both estimates exist, and as printed by sources, on a
    real year axis (years are spaced by their distance; a year with no figure is an empty stretch, not skipped)."""
    from matplotlib.ticker import MultipleLocator

    share = london_share_table(population)
    printed = figures[(figures["measure"] == "share_of_uk_population") & (figures["geography"] == "London")].copy()
    printed["year"] = printed["period_end"].str[:4].astype(int)
    years = sorted(set(share["Year"]) | set(printed["year"]))
    pos = {y: y for y in years}  # a real time axis
    fig, ax = style.new_figure(width=width, plot_height=3.0)
    ax.scatter(share["Year"].map(pos), share["London share of UK (%)"], s=70, color=style.DARK_BLUE, zorder=3,
               label="Computed: London ÷ UK mid-year population")
    marks = encode.marks(fig)  # what was drawn, for the encoding audit: every dot is read as an exact value
    marks += [encode.Mark(f"{v:.2f}%", "exact", "dot", "percent") for v in share["London share of UK (%)"]]
    marks += [encode.Mark(r.value_as_printed, r.qualifier, "dot", "percent") for r in printed.itertuples()]
    for r in share.tail(1).itertuples():  # the latest share is labelled; every year is in the data
        ax.annotate(fmt_percent(r[4]), (pos[r.Year], r[4]), xytext=(0, 9), textcoords="offset points", ha="center",
                    fontsize=style.LABEL_SIZE, color=style.DARK_BLUE, fontweight="bold")
    ax.scatter(printed["year"].map(pos), printed["value"], s=70, marker="D", facecolor="white",
               edgecolor=style.ORANGE, linewidth=1.8, zorder=3, label="As printed in a source")
    for r in printed.itertuples():
        who = textwrap.fill(face_name(r.publisher), 14)
        ax.annotate(f"{r.value_as_printed}\n{who}", (pos[r.year], r.value), xytext=(0, -11),
                    textcoords="offset points", ha="center", va="top", fontsize=style.SMALL_SIZE, color=style.TEXT)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(nbins=4 if width < 5 else 6, integer=True))
    ax.set_xlim(min(years) - 1.5, max(years) + 1.5)
    top = max(share["London share of UK (%)"].max() if len(share) else 0, printed["value"].max() or 0)
    ax.set_ylim(0, top * 1.5)
    ax.yaxis.set_major_locator(MultipleLocator(5))
    ax.yaxis.set_major_formatter("{x:.0f}%")
    ax.grid(axis="y")
    style.legend_above(ax, ncol=1 if width < 5 else 2)
    if len(share):
        latest = share.iloc[-1]
        title = (f"London was home to {fmt_percent(latest['London share of UK (%)'])} of the UK's population in "
                 f"{int(latest['Year'])}")
    else:
        title = "London's share of the UK population, as printed"
    subtitle = (f"London's mid-year population as a share of the UK's, {min(years)}–{max(years)}: computed from "
                "the two estimates where both are published, and as printed by sources")
    missing = sorted(set(population.loc[population["measure"] == "population", "year"].astype(int))
                     - set(share["Year"]))
    # The yardstick's base is the UK; the national CSE counts in the other charts are for England and Wales.
    on_chart = ("London's share of the UK population, not of England and Wales (the area of the national counts "
                "in other charts). Shares rounded to one decimal place. A yardstick, not a finding about CSE.")
    notes = [on_chart, "Shares are rounded to one decimal place in the chart; the data keep two."]
    if missing:
        notes.append(f"No share is computed for {style.join_words([str(y) for y in missing])}: London's and the "
                     "UK's estimates are not both published for those years.")
    notes += [f"{r.value_as_printed} ({r.publisher}, {r.year}): {r.caveat}" for r in printed.itertuples() if r.caveat]
    data = share.merge(printed.groupby("year")["value"].first().rename("Share as printed (%)"), how="outer",
                       left_on="Year", right_index=True).sort_values("Year")
    data["Year"] = data["Year"].astype(int)
    pop_ids = population.loc[population["year"].isin(share["Year"]) & population["geography"].isin(
        ["London", "United Kingdom"]), "figure_id"]
    alt = (f"Dot chart of London's share of the UK population by year, showing that {title[0].lower() + title[1:]}. "
           + "; ".join(f"{int(r.Year)}: {fmt_percent(r[4])} computed" for r in share.itertuples())
           + "".join(f"; {r.year}: {r.value_as_printed} as printed" for r in printed.itertuples()) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart,
                         source=style.credit(figures, list(pop_ids) + list(printed["figure_id"])), notes=notes,
                         alt=alt)
    return fig, chart_meta("london-population-share", "Dot chart", frame, data)
