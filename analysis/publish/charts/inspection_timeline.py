"""Chart: every inspection of the Met's child protection and exploitation work, 2016–2025, on one date axis:
the share of cases graded "requires improvement" or "inadequate", and the causes of concern and recommendations
the inspectorate stated for London, each on its own panel (three units, never one scale).

Dots are drawn with seaborn.objects, one per published figure at the date it was published; nothing joins them
(the inspections differ in scope, and a line would suggest a measured path between them).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import sns, style
from analysis.publish.charts.common import ChartMeta, chart_meta, figure_ids_of
from analysis.publish.charts.inspection_grades import ri_or_inadequate_share, select_inspection_grades
from analysis.publish.charts.select import best
from analysis.record.vocabulary import fmt_percent, join_list, split_list

PANELS = {"share": "Cases graded requires improvement or inadequate",
          "causes_of_concern": "Causes of concern stated", "recommendations": "Recommendations made"}

SHORT_PANELS = {"share": "Requires improvement or inadequate", "causes_of_concern": "Causes of concern",
                "recommendations": "Recommendations"}


def timeline_rows(grades: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """One row per dot: panel, date, value, label as printed (shares computed from counts, one decimal)."""
    sel = select_inspection_grades(grades)
    shares = []
    for _, g in sel.groupby("inspection_id", sort=False):
        share = ri_or_inadequate_share(g)
        if share is not None:
            shares.append({"panel": "share", "date": g["published"].iloc[0], "value": share,
                           "value_as_printed": fmt_percent(share), "qualifier": "exact", "unit": "percent",
                           "label": g["label"].iloc[0], "figure_id": join_list(figure_ids_of(g["figure_ids"]))})
    london = figures[figures["measure"].isin(["causes_of_concern", "recommendations"])
                     & (figures["geography"] == "London")]
    counts = best(london, ["measure", "period_end", "value"])
    counted = [{"panel": r.measure, "date": r.period_end, "value": r.value, "value_as_printed": r.value_as_printed,
                "qualifier": r.qualifier, "unit": r.unit, "label": r.subject, "figure_id": r.figure_id}
               for r in counts.itertuples()]
    out = pd.DataFrame(shares + counted)
    out["when"] = pd.to_datetime(out["date"])
    return out.sort_values(["panel", "when"], kind="stable").reset_index(drop=True)


def _placements(g: pd.DataFrame, rows: pd.DataFrame, width: float) -> list[tuple[tuple[int, int], str, str]]:
    """Where each dot's label goes: above, unless the dot is close to the one before it (less than half an inch
    apart at this width): then the higher value's label goes above and the lower's below, and equal values split
    left and right."""
    above, below = ((0, 7), "center", "bottom"), ((0, -9), "center", "top")
    left, right = ((-3, 7), "right", "bottom"), ((3, 7), "left", "bottom")
    pad_days = 650 if width < 5 else 400  # the x limits' padding (see inspection_timeline_chart)
    days_per_inch = ((rows["when"].max() - rows["when"].min()).days + pad_days) / max(width - 0.9, 1)
    out = [above] * len(g)
    whens, values = list(g["when"]), list(g["value"])
    for i in range(1, len(g)):
        if (whens[i] - whens[i - 1]).days / days_per_inch >= 0.5:
            continue
        if values[i] > values[i - 1]:
            out[i - 1], out[i] = below, above
        elif values[i] < values[i - 1]:
            out[i] = below
        else:
            out[i - 1], out[i] = left, right
        if out[i] == below and out[i - 1] == below:  # two labels below, side by side, would touch
            out[i] = above
    return out


@style.styled
def inspection_timeline_chart(grades: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                              ) -> tuple[Any, ChartMeta]:
    """Three panels on one real date axis: grades share, causes of concern, recommendations."""
    rows = timeline_rows(grades, figures)
    panels = [p for p in PANELS if (rows["panel"] == p).any()]
    fig, axes = style.new_figure(len(panels), 1, width=width, plot_height=1.35 * len(panels), sharex=True)
    axes = list(axes) if len(panels) > 1 else [axes]
    for ax, panel, colour in zip(axes, panels, (style.DARK_PINK, style.DARK_BLUE, style.TURQUOISE), strict=False):
        g = rows[rows["panel"] == panel]
        sns.points(ax, g, x="when", y="value", colour="panel", palette={panel: colour}, unit=g["unit"].iloc[0],
                   pointsize=6 if width < 5 else 10)
        for r, (offset, ha, va) in zip(g.itertuples(), _placements(g, rows, width), strict=True):
            ax.annotate(r.value_as_printed, (r.when, r.value), xytext=offset, textcoords="offset points", ha=ha,
                        va=va, fontsize=style.SMALL_SIZE, color=style.TEXT)
        ax.set_title(SHORT_PANELS[panel] if width < 5 else PANELS[panel], fontsize=style.LABEL_SIZE)
        ax.set_ylim(-0.5 * g["value"].max() if panel != "share" else 0,
                    (100 if panel == "share" else g["value"].max()) * 1.45)
        ax.locator_params(axis="y", nbins=3)
        ax.grid(axis="y")
        if panel == "share":
            ax.yaxis.set_major_formatter("{x:.0f}%")
    for ax in axes[:-1]:
        ax.tick_params(labelbottom=False)
    first, last = rows["when"].min(), rows["when"].max()
    # Room left of the first dot for half a label (its label is centred on it), more on a phone where a day is
    # narrower; the right keeps room for the last label.
    axes[-1].set_xlim(first - pd.Timedelta(days=400 if width < 5 else 150), last + pd.Timedelta(days=250))
    from matplotlib.dates import DateFormatter, YearLocator

    axes[-1].xaxis.set_major_locator(YearLocator(2 if width < 5 else 1))
    axes[-1].xaxis.set_major_formatter(DateFormatter("%Y"))
    from analysis.publish.charts.inspection_caveat import disagreements, every_inspection_finding

    # The same finding as the grades chart: what holds at every inspection, no baseline year picked.
    title = every_inspection_finding(grades) or (f"Inspections of the Met's child protection work, "
                                                 f"{first.year}–{last.year}")
    disputed = disagreements(grades, figures)
    subtitle = (f"Inspections of the Metropolitan Police's child protection and exploitation work, "
                f"{first.year}–{last.year}: grades, causes of concern and recommendations, at the date published")
    on_chart = " ".join(["Dots are figures as published on that date, not joined; shares from published counts.",
                         *(d.face() for d in disputed)])
    notes = [on_chart, *(d.full() for d in disputed), "A repeated statement is a new dot.",
             "Causes of concern and recommendations are those stated for the Met (London), as printed, "
             "by HMICFRS or the Met; a figure printed in several documents is drawn once."]
    data = rows[["date", "panel", "value", "value_as_printed"]].assign(panel=rows["panel"].map(PANELS)).rename(
        columns={"date": "Date", "panel": "Measure", "value": "Value", "value_as_printed": "As printed"})
    alt = (f"Dot timeline chart with {len(panels)} panels, showing that {title[0].lower() + title[1:]}. "
           + "; ".join(f"{PANELS[p]}: " + ", ".join(f"{r.date[:7]} {r.value_as_printed}"
                                                    for r in rows[rows['panel'] == p].itertuples()) for p in panels)
           + ".")
    ids = [i for v in rows["figure_id"] for i in split_list(v)]
    frame = style.finish(fig, axes, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, ids, origin=("HMICFRS",)))
    return fig, chart_meta("inspection-timeline", "Dot timeline", frame, data)
