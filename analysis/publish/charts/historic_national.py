"""Chart: the national count of historic group-based CSE cases identified for review, as a dot timeline.

Dates run down a real time axis (spaced by their distance); each count is a dot at its value as printed: "more
than 1,200" is an open triangle pointing right (a lower bound), never a dot at 1,200, so no reader sees 1,273 fall
to 1,200. Colour is the definition the count uses (cases identified for review, cases re-opened after no further
action, or Operation Beaconport's referrals), read from each figure's definition; counts of different definitions
are never joined, and the title names the latest count of one definition only (never a "fall" between two).
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd

from analysis.publish import encode, sns, style
from analysis.publish.charts.common import NATIONAL_REVIEW_LABELS, ChartMeta, as_known, chart_meta
from analysis.publish.workbook_columns import DATE_AS_KNOWN
from analysis.record.vocabulary import month_name, month_year, number_word

BEACONPORT = "Cases identified by or referred to Operation Beaconport"
NATIONAL = "Cases identified nationally for review"
REOPENED = "Cases closed with no further action, re-opened"
DEFINITION_COLOURS = {NATIONAL: style.DARK_BLUE, REOPENED: style.TURQUOISE, BEACONPORT: style.ORANGE}


#: A count's definition is its measure: the record's one classification, which the fact-check uses too, so the
#: chart can never call a count "another definition" while a verdict compares it as the same thing.
DEFINITIONS = {"historic_cases_identified_for_review": NATIONAL, "historic_cases_reopened": REOPENED,
               "beaconport_referrals": BEACONPORT}


def definition_group(row: Any) -> str:
    """Which definition a national count uses: Operation Beaconport's referrals, cases re-opened after no further
    action (the 2 July 2025 written answer's words), or cases identified for review — read from its measure alone,
    never from free text. A count re-opened is not a count identified for review, so the two are never one
    series."""
    return DEFINITIONS[row["measure"]]


def shown(printed: str) -> str:
    """A printed value in one case on the chart ('More than 800' and 'more than 800' alike read 'more than 800');
    the CSV keeps it as printed."""
    text = str(printed)
    return text[:1].lower() + text[1:] if text[:1].isalpha() else text


def national_points(reviews: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct printed count: where a bound and an exact count were printed for the same measure on
    the same day, the exact count is kept (it says more, and the bound holds for it). Where several copies print
    the same count for the same day, a primary source is kept first, then a copy whose date is printed (not
    `as_at_approximate`), so the point is labelled with the day its record gives, not a month."""
    nat = reviews[reviews["scope"] == "national"]
    nat = (nat.sort_values(["as_at", "primary", "as_at_approximate", "figure_id"],
                           ascending=[True, False, True, True], kind="stable")
           .drop_duplicates(["measure", "as_at", "value", "qualifier"]))
    exact = nat[nat["qualifier"] == "exact"].set_index(["measure", "as_at"])["value"]
    covered = [(r.measure, r.as_at) in exact.index and r.qualifier != "exact" for r in nat.itertuples()]
    nat = nat[[not c for c in covered]].copy()
    nat["definition_group"] = [definition_group(r) for _, r in nat.iterrows()]
    nat["date"] = pd.to_datetime(nat["as_at"])
    return nat.reset_index(drop=True)


@style.styled
def historic_national_chart(reviews: pd.DataFrame, figures: pd.DataFrame, *,
                            width: float = style.WEB_WIDTH) -> tuple[Any, ChartMeta]:
    """Dot timeline of the national counts, as printed (qualifiers kept), coloured by definition. A point dated by
    a day no source printed (`as_at_approximate`) is labelled with its month only."""
    from matplotlib.dates import MonthLocator, num2date
    from matplotlib.ticker import FuncFormatter

    nat = national_points(reviews)
    undated = nat["as_at_approximate"].astype(bool)
    nat["when"] = [month_name(d, short=True) if u else f"{d.day} {month_name(d, short=True)}"
                   for d, u in zip(nat["date"], undated, strict=True)]
    # The same rule in words for the data and alt text: a day no source printed is never given.
    nat["known"] = [style.date_as_known(a, u) for a, u in zip(nat["as_at"], undated, strict=True)]
    first, last = nat["date"].min(), nat["date"].max()
    months = max((last - first).days / 30.4, 1)
    fig, ax = style.new_figure(width=width, plot_height=max(2.6, 0.6 * months + 0.6))
    sns.points(ax, nat, x="value", y="date", colour="definition_group", palette=DEFINITION_COLOURS,
               value_axis="x", unit="cases")
    for r in nat.itertuples():  # each label carries its day, so no point is read off between two month ticks
        ax.annotate(f"{shown(r.value_as_printed)} ({r.when})", (r.value, r.date), xytext=(9, 0),
                    textcoords="offset points", ha="left", va="center", fontsize=style.LABEL_SIZE,
                    color=DEFINITION_COLOURS[r.definition_group])
    pad = pd.Timedelta(days=12)
    # Time runs down the page, from the first of the first month, so the first point sits under its own month.
    ax.set_ylim(last + pad, min(first - pad, first.replace(day=1) - pd.Timedelta(days=4)))
    ax.yaxis.set_major_locator(MonthLocator())
    # On a phone the year is left to the subtitle, so the labels keep room to the right.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _: (month_name if width < 5 else month_year)(
        num2date(x), short=True)))
    ax.set_xlim(0, nat["value"].max() * (2.7 if width < 5 else 1.7))
    ax.xaxis.set_major_formatter("{x:,.0f}")
    from matplotlib.ticker import MultipleLocator

    ax.xaxis.set_major_locator(MultipleLocator(1000))
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
    # The finding is the largest exact count under one definition, at the date it was first printed; the bounds
    # printed later ('more than 1,200') are consistent with it, not a fall. No comparison across definitions.
    exact = review[review["qualifier"] == "exact"].sort_values(["value", "as_at"], ascending=[False, True])
    latest = exact.iloc[0] if len(exact) else (review.iloc[-1] if len(review) else nat.iloc[-1])
    # Named by its own definition: with no count identified for review, the latest point is another count.
    what = ("Historic group-based cases identified for review" if latest["definition_group"] == NATIONAL
            else latest["definition_group"])
    title = f"{what}: {shown(latest['value_as_printed'])} by {style.month_year(latest['as_at'])}"
    how_many = number_word(len(groups))
    subtitle = (f"National counts of historic group-based child sexual exploitation cases, England and Wales, "
                f"described {how_many} ways, {style.month_year(nat['as_at'].iloc[0])} to "
                f"{style.month_year(nat['as_at'].iloc[-1])}")
    on_chart = ("Colours: each source's wording. Sources link them as one growing national count, worded "
                "differently, so they are not joined." + _met_apart(reviews))
    in_scope = f"; its{_met_count(reviews)} cases still in scope" if _met_count(reviews) else ""
    notes = [f"A national count for England and Wales; the Met's own review of its cases (a separate chart{in_scope}) "
             "is not part of, or comparable with, this count. Values are drawn and labelled as printed: a figure "
             "printed 'more than X' is a lower bound and is drawn as an open triangle, never as exactly X."]
    dropped = reviews[(reviews["scope"] == "national") & ~reviews["figure_id"].isin(nat["figure_id"])]
    bounds = dropped[dropped["qualifier"] != "exact"]
    if len(bounds):
        same_count = {m: reviews[reviews["measure"] == m] for m in bounds["measure"].unique()}
        shown_once = "; ".join(f"'{r.value_as_printed}' as at {as_known(same_count[r.measure], r.as_at)}"
                               for r in bounds.drop_duplicates("value_as_printed").itertuples())
        notes.append("Where a bound and an exact count were printed for the same count on the same day, only the "
                     f"exact count is shown ({shown_once} not shown again).")
    notes += [f"{g}: " + "; ".join(dict.fromkeys(nat.loc[nat["definition_group"] == g, "definition"])) + "."
              for g in groups]
    data = pd.DataFrame({"Date": nat["as_at"], "Count": nat["value"], "As printed": nat["value_as_printed"],
                         "Qualifier": nat["qualifier"], "Definition": nat["definition_group"],
                         "Measure": nat["measure"].map(NATIONAL_REVIEW_LABELS), DATE_AS_KNOWN: nat["known"]})
    alt = ("Dot timeline chart of the national count of historic group-based child sexual exploitation cases, "
           + (f"showing that {shown(latest['value_as_printed'])} historic group-based cases had been identified for "
              f"review by {style.month_year(latest['as_at'])}. " if latest["definition_group"] == NATIONAL else
              f"showing {style.in_sentence(title)}. ")
           + "; ".join(f"{r.known}: {r.value_as_printed} "
                       f"({r.definition_group[0].lower() + r.definition_group[1:]})"
                       for r in nat.itertuples())
           + ". Figures printed as 'more than' are lower bounds, not exact values.")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart,
                         source=style.credit(figures, nat["figure_id"]),
                         notes=notes, alt=alt, said_in_notes=[_met_apart(reviews).strip()] if _met_count(reviews)
                         else [])
    # every pair across definitions is shown side by side and never compared
    pairs = [(a.figure_id, b.figure_id, f"different definitions ({a.definition_group}; {b.definition_group})")
             for a in nat.itertuples() for b in nat.itertuples()
             if a.definition_group < b.definition_group]
    return fig, chart_meta("historic-reviews-national", "Dot timeline", frame, data, not_compared=pairs)


def _met_count(reviews: pd.DataFrame) -> str:
    """The Met's own count still in scope as printed (" 1,200"), or "": read from the table, as every number on a
    chart is."""
    met = reviews[reviews["measure"] == "met_historic_cases_in_scope"]
    return f" {met['value_as_printed'].iloc[0]}" if len(met) else ""


def _met_apart(reviews: pd.DataFrame) -> str:
    """The Met's own count, said on the face to be apart from the national count: it prints alike ("1,200" beside
    "more than 1,200")."""
    count = _met_count(reviews)
    return f" The Met's own{count} cases are a separate count." if count else ""
