"""Chart: child sexual abuse and exploitation offences recorded by police in England and Wales, by year, with the
group-based part shown inside each year's bar (the part of the whole, never a separate scale).

Drawn with seaborn.objects (two bar layers on one axis: the whole, then the part). A year where only the
group-based share was printed (no count) gets the printed share as a label and no segment: no count is derived.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import encode, sns, style
from analysis.publish.charts.common import ChartMeta, _meta
from analysis.publish.charts.select import calendar_years

TOTAL, PART = "All recorded (unit as printed)", "Group-based"


def offence_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Per calendar year: the recorded total (as printed, with its unit), the group-based count and share."""
    total = calendar_years(figures, "csae_offences_recorded")
    group = calendar_years(figures, "group_based_csae_offences_recorded").set_index("year")
    share = calendar_years(figures, "share_csae_group_based").set_index("year")
    out = pd.DataFrame({
        "year": total["year"].astype(str), "total": total["value"], "total_printed": total["value_as_printed"],
        "unit": total["unit"], "qualifier": total["qualifier"], "group": total["year"].map(group["value"]),
        "share_printed": total["year"].map(share["value_as_printed"]),
        "total_id": total["figure_id"], "group_id": total["year"].map(group["figure_id"]),
        "share_id": total["year"].map(share["figure_id"])})
    out["share_pct"] = (100 * out["group"] / out["total"]).round(1)
    return out


#: Column headings of the chart's CSV.
CSV_COLUMNS = {"year": "Year", "total": "Recorded", "group": "Group-based", "share_pct": "Group-based share (%)",
               "total_printed": "Recorded as printed", "unit": "Unit as printed",
               "share_printed": "Group-based share as printed"}


def _share(r: Any) -> str:
    """The group-based share as printed, else computed (one decimal)."""
    return r.share_printed if isinstance(r.share_printed, str) else f"{r.share_pct:.1f}%"


@style.styled
def national_offences_chart(figures: pd.DataFrame, *, width: float = style.WEB_WIDTH) -> tuple[Any, ChartMeta]:
    """Bars of recorded offences per year with the group-based part inside each bar."""
    import seaborn.objects as so

    table = offence_table(figures)
    narrow = width < 5
    fig, ax = style.new_figure(width=width, plot_height=3.2)
    for r in table.itertuples():  # the bars below are drawn by seaborn: each must be an exact figure
        if encode.kind_of(r.qualifier) != "exact":
            raise encode.EncodingError(f"{r.year}: '{r.total_printed}' is qualified and cannot be a bar")
        encode.marks(fig).append(encode.Mark(r.total_printed, "exact", "bar", r.unit))
    part = table.dropna(subset=["group"])
    p = (sns.plot(table, x="year", y="total")
         .add(so.Bar(color=style.DARK_BLUE, width=0.6, edgewidth=0, alpha=1), legend=False)
         .add(so.Bar(color=style.ORANGE, width=0.6, edgewidth=0, alpha=1), data=part, y="group", legend=False))
    sns.draw(p, ax)
    for i, r in enumerate(table.itertuples()):
        ax.annotate(f"{r.total_printed}\n{r.unit}", (i, r.total), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", fontsize=style.LABEL_SIZE, color=style.TEXT)
        if pd.notna(r.group):
            encode.marks(fig).append(encode.Mark(f"{r.group:,.0f}", "exact", "bar", "offences"))
            label = f"{r.group:,.0f}" + ("" if narrow else f"\n({_share(r)})")
        else:
            label = f"{r.share_printed}\n(no count" + ("" if narrow else "\npublished") + ")" \
                if isinstance(r.share_printed, str) else ""
        ax.annotate(label, (i, r.group if pd.notna(r.group) else 0), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", fontsize=style.SMALL_SIZE, color="white", fontweight="bold")
    ax.set_ylim(0, table["total"].max() * 1.3)
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.locator_params(axis="y", nbins=4)
    ax.grid(axis="y")
    ax.tick_params(axis="x", length=0)
    from matplotlib.patches import Patch

    style.legend_above(ax, [Patch(color=style.DARK_BLUE, label=TOTAL), Patch(color=style.ORANGE, label=PART)],
                       ncol=2)
    latest = next(part.tail(1).itertuples())
    title = (f"Police recorded {latest.total_printed} child sexual abuse and exploitation {latest.unit} in "
             f"{latest.year}; {latest.group:,.0f} ({_share(latest)}) were group-based")
    subtitle = (f"Child sexual abuse and exploitation recorded by police, England and Wales, and the group-based "
                f"part, {table['year'].iloc[0]}–{table['year'].iloc[-1]}")
    on_chart = ("Recorded offences, not prevalence. Units as printed (crimes, offences, cases). Group-based shares "
                "without a printed figure are computed from the two counts.")
    notes = ["Police-recorded figures from the NPCC's Vulnerability Knowledge and Practice Programme (VKPP) and "
             "Hydrant analyses, not prevalence: most abuse is never reported. Each year's total is drawn as "
             "printed with the unit its source used; a year with only a printed group-based share has no segment: "
             "its count was not published, and none is derived from the share.",
             "Group-based shares printed by a source are shown as printed; otherwise computed as group-based ÷ "
             "recorded × 100, one decimal."]
    ids = [i for c in ("total_id", "group_id", "share_id") for i in table[c].dropna()]
    data = table[list(CSV_COLUMNS)].rename(columns=CSV_COLUMNS)
    alt = (f"Bar chart of child sexual abuse and exploitation recorded by police in England and Wales by year, "
           f"showing that {title[0].lower() + title[1:]}. "
           + "; ".join(f"{r.year}: {r.total_printed} {r.unit}" + (f", {r.group:,.0f} group-based"
                                                                     if pd.notna(r.group) else "")
                       for r in table.itertuples()) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, ids))
    return fig, _meta("national-csae-offences", "Bar chart", frame, data)
