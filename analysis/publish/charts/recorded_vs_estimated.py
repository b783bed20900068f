"""Chart: offences recorded by police against the estimated number of children sexually abused each year, as the
publishers themselves set them side by side (the CSA Centre's "iceberg", the NPCC VKPP's analysis).

Each row is one publisher's pairing. The two numbers are in different units (offences, children) and the estimate
is not a count, so nothing joins them (a bar or band between them would read as a measured gap) and the gap is
never subtracted: it is not a count of unrecorded abuse.
The dots are drawn with seaborn.objects; an estimate is hollow (approximate) whichever way it was printed.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from analysis.publish import sns, style
from analysis.publish.charts.common import ChartMeta, chart_meta
from analysis.publish.publishers import face_name
from analysis.record.vocabulary import iso_date
from analysis.tables.copies import loosest_printing
from analysis.tables.load import is_true

RECORDED, ESTIMATED = "csae_offences_recorded", "estimated_children_sexually_abused_per_year"
LABELS = {RECORDED: "Offences recorded by police", ESTIMATED: "Children estimated to be abused in a year"}
ROW_STEP = 2.0  # room under each row for its labels and above it for the next row's heading
COLOURS = {LABELS[RECORDED]: style.DARK_BLUE, LABELS[ESTIMATED]: style.ORANGE}


#: How the face dates an estimate printed for "every year" ("500,000 children experiencing CSAE every year"): the
#: record gives it its document's year, which the sentence does not, so the face says what was printed.
EVERY_YEAR = "every year"


def _period(row: pd.Series) -> str:
    """The period a label gives: the year or financial year recorded, or `EVERY_YEAR` for an estimate printed so."""
    if row["measure"] == ESTIMATED and any(w in str(row["quote"]).lower() for w in (EVERY_YEAR, "each year")):
        return EVERY_YEAR
    start, end = str(row["period_start"]), str(row["period_end"])
    if start[:4] == end[:4]:
        return start[:4]
    return f"{start[:4]}/{end[2:4]}"


def pairs(figures: pd.DataFrame) -> pd.DataFrame:
    """Rows of the documents that print both figures (publishers' own documents where there are any)."""
    both = figures[figures["measure"].isin([RECORDED, ESTIMATED]) & (figures["geography"] == "England and Wales")]
    docs = [s for s, g in both.groupby("source_id") if set(g["measure"]) == {RECORDED, ESTIMATED}]
    rows = both[both["source_id"].isin(docs)]
    if rows["primary"].astype(bool).any():
        rows = rows[rows["primary"].astype(bool)]
    rows = rows.sort_values(["published", "source_id", "measure"], kind="stable").drop_duplicates(
        ["source_id", "measure"])
    pair_of = {s: ROW_STEP * i for i, s in enumerate(dict.fromkeys(rows["source_id"]))}
    # An estimate is drawn as approximate whoever printed it and however (the one rule: `loosest_printing`).
    shown = [loosest_printing(r, []) for r in rows.to_dict("records")]
    return rows.assign(qualifier=[s["qualifier"] for s in shown], pair=rows["source_id"].map(pair_of).astype(float),
                       series=rows["measure"].map(LABELS), period=rows.apply(_period, axis=1)).reset_index(drop=True)


def _bound_words(qualifier: str) -> str:
    """What the title keeps of an estimate's qualifier: "estimated" already says "about", but a bound ("more than
    500,000") said as "an estimated 500,000" would say more than was printed."""
    return "" if qualifier in ("exact", "about") else f"{qualifier} "


@style.styled
def recorded_vs_estimated_chart(figures: pd.DataFrame, *, width: float = style.WEB_WIDTH) -> tuple[Any, ChartMeta]:
    """One row per publisher's pairing: recorded offences and estimated children, the gap annotated."""
    rows = pairs(figures)
    n = rows["pair"].nunique()
    fig, ax = style.new_figure(width=width, plot_height=1.35 * max(n, 1) + 0.4)
    sns.points(ax, rows, x="value", y="pair", colour="series", palette=COLOURS, value_axis="x")
    narrow = width < 5
    for pair, g in rows.groupby("pair"):
        rec, est = g[g["measure"] == RECORDED].iloc[0], g[g["measure"] == ESTIMATED].iloc[0]
        style.row_heading(ax, pair - 0.42, face_name(rec["publisher"]), f", {style.month_year(rec['published'])}",
                          weight="bold")
        wrap = 16 if narrow else 40
        ax.annotate(textwrap.fill(f"{rec['value_as_printed']} {rec['unit']} ({rec['period']})", wrap),
                    (rec["value"], pair),
                    xytext=(0, -10), textcoords="offset points", ha="left", va="top", fontsize=style.SMALL_SIZE,
                    color=COLOURS[LABELS[RECORDED]]).set_in_layout(False)
        # The estimate's label runs left from its marker towards the offences' label on the same line; at 40
        # characters "an estimated 500,000 children (every" ended 4 px after "115,489 offences (2023)", one run-on
        # line in two colours. Wrapped to half that, a gap of more than an em stays between them.
        ax.annotate(textwrap.fill(f"{est['value_as_printed']} {est['unit']} ({est['period']})", 16 if narrow else 22),
                    (est["value"], pair),
                    xytext=(0, -10), textcoords="offset points", ha="right", va="top", fontsize=style.SMALL_SIZE,
                    color=COLOURS[LABELS[ESTIMATED]]).set_in_layout(False)
        if not narrow:
            ax.annotate("different units: not subtracted", ((rec["value"] + est["value"]) / 2, pair),
                        xytext=(0, 6), textcoords="offset points", ha="center", va="bottom",
                        fontsize=style.SMALL_SIZE, color=style.SECONDARY_TEXT).set_in_layout(False)
    ax.set_ylim(ROW_STEP * (n - 1) + 1.4, -0.75)  # room under the last row for its labels
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(0, rows["value"].max() * 1.1 if len(rows) else 1)
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.locator_params(axis="x", nbins=3 if narrow else 4)
    ax.grid(axis="x")
    from matplotlib.lines import Line2D

    # Every marker style drawn is keyed: the two series' colours, and a hollow marker for an estimate, printed
    # bare ("500,000") or as approximate ("an estimated 500,000").
    from analysis.publish import encode

    kinds = [k for k in dict.fromkeys(rows["qualifier"].map(encode.kind_of)) if k != "exact"]
    handles = [Line2D([], [], marker="o", linestyle="none", color=c, markersize=8, label=k)
               for k, c in COLOURS.items()] + encode.legend_handles(kinds, style.DARK_GREY, "x")
    style.legend_above(ax, handles, ncol=1 if narrow else 2)
    last = rows[rows["pair"] == rows["pair"].max()]
    rec, est = last[last["measure"] == RECORDED].iloc[0], last[last["measure"] == ESTIMATED].iloc[0]
    title = (f"{rec['value_as_printed']} {rec['unit']} recorded in {rec['period']}; an estimated "
             f"{_bound_words(est['qualifier'])}{est['value']:,.0f} {est['unit']} abused yearly")
    subtitle = ("Offences recorded by police and the estimated number of children sexually abused in a year, "
                "England and Wales, as each publisher set them side by side")
    on_chart = ("Offences and children are different units, and the estimate is not a count: the gap is not a "
                "number of unrecorded offences.")
    notes = [on_chart] + [f"{r.value_as_printed} ({face_name(r.publisher)}): {r.caveat}"
                          for r in rows.itertuples() if isinstance(r.caveat, str) and r.caveat]
    # Each document's date as ClaimReview gives it (`iso_date`): the CSA Centre's infographics print no day, and the
    # data file read "2020-11-01" where the chart's face and credit say November 2020.
    dated = rows.assign(published=[iso_date(str(day)[:10], is_true(approximate))
                                   for day, approximate in zip(rows["published"], rows["published_approximate"],
                                                               strict=True)])
    data = dated.pivot_table(index=["published", "publisher"], columns="series", values="value", aggfunc="first")
    periods = dated.pivot_table(index=["published", "publisher"], columns="series", values="period", aggfunc="first")
    # Each value's qualifier as drawn (an estimate is approximate however it was printed) right after it, so a
    # Datawrapper reader sees the same thing as the chart.
    shown = dated.pivot_table(index=["published", "publisher"], columns="series", values="qualifier", aggfunc="first")
    data = data.join(shown.rename(columns=lambda c: f"{c} qualifier"))
    data = data[[c for series in data.columns if not str(series).endswith(" qualifier")
                 for c in (series, f"{series} qualifier") if c in data.columns]]
    data = data.join(periods.rename(columns=lambda c: f"{c}: period"))
    data = data.reset_index().rename(columns={"published": "Published", "publisher": "Publisher"})
    data["Publisher"] = data["Publisher"].map(face_name)
    data.columns.name = None
    alt = (f"Dot chart with one row per publisher, showing that {style.in_sentence(title)}. "
           + "; ".join(f"{face_name(r.publisher)}: {r.value_as_printed} {r.unit} ({r.period})"
                       for r in rows.itertuples()) + ". The two are different units and are not subtracted.")
    # What the hollow marker says, as the key says it: the CSA Centre's "500,000" is printed bare, so the alt text's
    # value list alone read it as exact where the image draws it approximate.
    hollow = rows[rows["qualifier"].map(encode.kind_of) == "about"]
    for measure, group in hollow.groupby("measure", sort=False):
        who = style.join_words(list(dict.fromkeys(group["publisher"].map(face_name))))
        alt += f" {LABELS[measure]}: drawn hollow (approximate) for {who}."
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, rows["figure_id"]))
    return fig, chart_meta("recorded-vs-estimated", "Dot chart", frame, data)
