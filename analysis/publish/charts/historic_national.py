"""Chart: the national count of historic group-based CSE cases identified for review, as a dot timeline.

Dates run down a real time axis (spaced by their distance); each count is a dot at its value as printed: "more
than 1,200" is an open triangle pointing right (a lower bound), never a dot at 1,200, so no reader sees 1,273 fall
to 1,200. Colour is the definition the count uses (the national review, or Operation Beaconport's referrals),
read from each figure's definition; counts of different definitions are never joined.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from analysis.publish import encode, sns, style
from analysis.publish.charts.common import NATIONAL_REVIEW_LABELS, ChartMeta, _meta

BEACONPORT = "Cases identified by or referred to Operation Beaconport"
NATIONAL = "Cases identified nationally for review"
DEFINITION_COLOURS = {NATIONAL: style.DARK_BLUE, BEACONPORT: style.ORANGE}


def definition_group(row: Any) -> str:
    """Which of the two definitions a national count uses, from its measure and its printed definition."""
    text = f"{row['measure']} {row['definition']}".lower()
    return BEACONPORT if "beaconport" in text else NATIONAL


def national_points(reviews: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct printed count: where a bound and an exact count were printed for the same measure on
    the same day, the exact count is kept (it says more, and the bound holds for it)."""
    nat = (reviews[reviews["scope"] == "national"]
           .sort_values(["as_at", "primary", "figure_id"], ascending=[True, False, True], kind="stable")
           .drop_duplicates(["measure", "as_at", "value", "qualifier"]))
    exact = nat[nat["qualifier"] == "exact"].set_index(["measure", "as_at"])["value"]
    covered = [(r.measure, r.as_at) in exact.index and r.qualifier != "exact" for r in nat.itertuples()]
    nat = nat[[not c for c in covered]].copy()
    nat["definition_group"] = [definition_group(r) for _, r in nat.iterrows()]
    nat["date"] = pd.to_datetime(nat["as_at"])
    return nat.reset_index(drop=True)


@style.styled
def historic_national_chart(reviews: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                            ) -> tuple[Any, ChartMeta]:
    """Dot timeline of the national counts, as printed (qualifiers kept), coloured by definition."""
    from matplotlib.dates import DateFormatter, MonthLocator

    nat = national_points(reviews)
    first, last = nat["date"].min(), nat["date"].max()
    months = max((last - first).days / 30.4, 1)
    fig, ax = style.new_figure(width=width, plot_height=max(2.6, 0.6 * months + 0.6))
    sns.points(ax, nat, x="value", y="date", colour="definition_group", palette=DEFINITION_COLOURS,
               value_axis="x", unit="cases")
    for r in nat.itertuples():
        ax.annotate(r.value_as_printed, (r.value, r.date), xytext=(9, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=style.LABEL_SIZE, color=DEFINITION_COLOURS[r.definition_group])
    pad = pd.Timedelta(days=12)
    ax.set_ylim(last + pad, first - pad)  # time runs down the page
    ax.yaxis.set_major_locator(MonthLocator())
    ax.yaxis.set_major_formatter(DateFormatter("%b %Y"))
    ax.set_xlim(0, nat["value"].max() * (1.9 if width < 5 else 1.6))
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.locator_params(axis="x", nbins=3)
    ax.grid(axis="x")
    groups = list(dict.fromkeys(nat["definition_group"]))
    from matplotlib.lines import Line2D

    wrap = 34 if width < 5 else 60
    kinds = sorted(set(nat["qualifier"].map(encode.kind_of)), key=list(encode.MARKERS).index)
    handles = [Line2D([], [], marker="o", linestyle="none", color=DEFINITION_COLOURS[g], markersize=8,
                      label=textwrap.fill(g, wrap)) for g in groups]
    handles += encode.legend_handles(kinds, style.DARK_GREY, "x")
    style.legend_above(ax, handles, ncol=1 if width < 5 else 2)

    review = nat[nat["definition_group"] == NATIONAL]
    latest = review.iloc[-1]
    exact = nat[nat["qualifier"] == "exact"]
    title = (f"The national count of historic group-based CSE cases for review was printed as "
             f"'{latest['value_as_printed']}' in {style.month_year(latest['as_at'])}")
    if len(exact) and exact.iloc[-1]["as_at"] < latest["as_at"] and latest["qualifier"] != "exact":
        title += f", after an exact {exact.iloc[-1]['value_as_printed']} in {style.month_year(exact.iloc[-1]['as_at'])}"
    subtitle = (f"Historic group-based child sexual exploitation cases, England and Wales, as printed, "
                f"{style.month_year(nat['as_at'].iloc[0])} to {style.month_year(latest['as_at'])}")
    on_chart = ("Open triangles are lower bounds ('more than'): not a fall. Colours are different definitions, "
                "never added. The Met's own 1,200 cases are a separate count.")
    notes = ["A national count for England and Wales; the Met's own review of its cases is a separate chart and is "
             "not part of, or comparable with, this count. Values are drawn and labelled as printed: a figure "
             "printed 'more than X' is a lower bound and is drawn as an open triangle, never as exactly X."]
    dropped = reviews[(reviews["scope"] == "national") & ~reviews["figure_id"].isin(nat["figure_id"])]
    bounds = dropped[dropped["qualifier"] != "exact"]
    if len(bounds):
        notes.append("Where a bound and an exact count were printed for the same count on the same day, the exact "
                     "count is drawn (" + "; ".join(f"'{r.value_as_printed}' on {style.long_date(r.as_at)}"
                                                    for r in bounds.drop_duplicates("value_as_printed").itertuples())
                     + " not drawn again).")
    notes += [f"{g}: " + "; ".join(dict.fromkeys(nat.loc[nat["definition_group"] == g, "definition"])) + "."
              for g in groups]
    data = pd.DataFrame({"Date": nat["as_at"], "Count": nat["value"], "As printed": nat["value_as_printed"],
                         "Qualifier": nat["qualifier"], "Definition": nat["definition_group"],
                         "Measure": nat["measure"].map(NATIONAL_REVIEW_LABELS)})
    alt = (f"Dot timeline chart of the national count of historic group-based child sexual exploitation cases, "
           f"showing that {title[0].lower() + title[1:]}. "
           + "; ".join(f"{style.long_date(r.as_at)}: {r.value_as_printed} "
                       f"({r.definition_group[0].lower() + r.definition_group[1:]})"
                       for r in nat.itertuples())
           + ". Figures printed as 'more than' are lower bounds, not exact values.")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart,
                         source=style.credit(figures, nat["figure_id"]), notes=notes, alt=alt)
    return fig, _meta("historic-reviews-national", "Dot timeline", frame, data)
