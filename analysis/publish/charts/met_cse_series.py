"""Chart: the Met's own yearly CSE counts (referrals, crimes, children at risk), with the 2025 rise."""

from __future__ import annotations

import re
import textwrap
from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.common import (
    EXPLANATION_WORDS,
    MET_MEASURES,
    RECORDING_WORDS,
    RISE_MEASURE,
    ChartMeta,
    _meta,
    _sentences,
)

_ANNUAL = re.compile(r"^\d{4}(/\d{2})?$")


def _x_of(label: str) -> float:
    """Position on a year axis: a calendar year at the year, a financial year a quarter of the way on."""
    return int(label[:4]) + (0.25 if "/" in label else 0.0)


def commissioner_explanation(figures: pd.DataFrame) -> dict[str, str] | None:
    """The printed 2025 rise in children at risk and how the Commissioner explained it, in the source's words.

    The wording is read from the figure's quote, then its location (a section heading quoting him), then its
    caveat: never typed here.
    """
    rises = figures[(figures["measure"] == RISE_MEASURE) & (figures["geography"] == "London")
                    & (figures["period_end"] >= "2025-01-01")]
    if rises.empty:
        return None
    row = rises.sort_values(["primary", "period_end"], ascending=[False, False], kind="stable").iloc[0]
    found = []
    for column in ("quote", "location", "caveat"):
        text = str(row[column] or "")
        if not any(w in text.lower() for w in EXPLANATION_WORDS + ("commissioner",)):
            continue
        quoted = re.findall(r"['‘\"“]([^'’\"”]{6,}?)['’\"”]", text)
        found += [q for q in quoted if any(w in q.lower() for w in EXPLANATION_WORDS)]
        found += [s for s in _sentences(text) if "commissioner" in s.lower()]
    if not found:
        return None
    return {"figure_id": row["figure_id"], "value_as_printed": row["value_as_printed"],
            "period": f"{style.month_year(row['period_start'])} to {style.month_year(row['period_end'])}",
            "words": found[0], "detail": found[1] if len(found) > 1 else "",
            "publisher": row["publisher"]}


def _when(start: str, end: str) -> str:
    """A period in words: a date for a point in time, else 'start to end'."""
    if start == end:
        return style.long_date(start)
    return f"{style.long_date(start)} to {style.long_date(end)}"


def recording_notes(series: pd.DataFrame) -> list[str]:
    sentences = []
    for caveat in series["caveat"].dropna():
        sentences += [s for s in _sentences(caveat) if any(w in s.lower() for w in RECORDING_WORDS)]
    return list(dict.fromkeys(sentences))


@style.styled
def met_cse_series_chart(series: pd.DataFrame, figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """Three panels (one per measure) by year: markers for every published figure, lines only between
    consecutive years that both have one, so no line crosses a year without a published figure."""
    sel = series[series["measure"].isin(MET_MEASURES) & series["period_label"].str.match(_ANNUAL)
                 & (series["unit"] != "percent")].copy()
    left_out = series[series["measure"].isin(MET_MEASURES) & ~series.index.isin(sel.index)]
    sel["x"] = sel["period_label"].map(_x_of)
    rise = commissioner_explanation(figures)
    first = int(sel["x"].min())
    last = max(int(sel["x"].max()), int(rise["period"][-4:]) if rise else 0)
    years = list(range(first, last + 1))
    measures = [m for m in MET_MEASURES if (sel["measure"] == m).any()]

    fig, axes = style.new_figure(len(measures), 1, width=8.0, plot_height=1.75 * len(measures), sharex=True)
    axes = list(axes) if len(measures) > 1 else [axes]
    flagged = {r.figure_id for r in sel.itertuples() if any(w in str(r.caveat).lower() for w in RECORDING_WORDS)}
    for ax, measure, colour in zip(axes, measures, style.PALETTE):
        rows = sel[sel["measure"] == measure].sort_values("x")
        _draw_series(ax, rows, years, colour, flagged)
        ax.set_title(MET_MEASURES[measure], fontsize=10)
    axes[-1].set_xticks(years, [str(y) for y in years])
    axes[-1].set_xlim(first - 0.5, last + 0.5)
    if rise:
        _annotate_rise(axes[measures.index("children_at_risk_cse")] if "children_at_risk_cse" in measures
                       else axes[-1], rise, last)

    title = _series_title(sel, measures)
    subtitle = (f"Figures published by or reported from the Metropolitan Police, London, by year, {first}–{last}. "
                "A line joins only consecutive years that both have a published figure.")
    notes = _series_notes(sel, left_out, flagged, years, rise)
    data = _series_data(sel, measures, years)
    ids = list(sel["figure_id"]) + ([rise["figure_id"]] if rise else [])
    alt = ("Line chart with markers, in three panels, of the Met's published figures on child sexual exploitation "
           f"by year, showing that {title[0].lower() + title[1:]}. "
           + "; ".join(f"{MET_MEASURES[m]}: " + ", ".join(
               f"{r.period_label} {r.value_as_printed}" for r in sel[sel["measure"] == m].sort_values("x").itertuples())
                       for m in measures) + ".")
    frame = style.finish(fig, axes, title=title, subtitle=subtitle, source=style.credit(figures, ids), notes=notes,
                         alt=alt)
    return fig, _meta("met-cse-series", "Line chart", frame, data)


def _series_data(sel: pd.DataFrame, measures: list[str], years: list[int]) -> pd.DataFrame:
    """One row per year of the axis (blank where nothing was published), one column per measure."""
    sel = sel.assign(year=sel["x"].astype(int))
    wide = sel.pivot_table(index="year", columns="measure", values="value", aggfunc="first")
    wide = wide.reindex(index=years, columns=measures).rename(columns=MET_MEASURES)
    labels = sel.drop_duplicates("year").set_index("year")["period_label"]
    wide.index = [labels.get(y, str(y)) for y in years]
    out = wide.rename_axis("Year").reset_index()
    out.columns.name = None
    return out


def _draw_series(ax: Any, rows: pd.DataFrame, years: list[int], colour: str, flagged: set[str]) -> None:
    """Markers for each figure (hollow for a figure only a news report gives); lines break at missing years."""
    by_year = rows.set_index(rows["x"].astype(int))
    full = by_year["value"].reindex(years)
    ax.plot(years, full.to_numpy(dtype=float), color=colour, marker=None)
    for r in rows.itertuples():
        face = colour if bool(r.primary) else "white"
        ax.plot([r.x], [r.value], marker="o", color=colour, markerfacecolor=face, markeredgewidth=1.8,
                linestyle="none")
        label = r.value_as_printed + (" †" if r.figure_id in flagged else "")
        ax.annotate(label, (r.x, r.value), xytext=(0, 7), textcoords="offset points", ha="center", va="bottom",
                    fontsize=9, color=style.TEXT)
    ax.set_ylim(0, rows["value"].max() * 1.45)
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.grid(axis="y")
    ax.locator_params(axis="y", nbins=3)


def _annotate_rise(ax: Any, rise: dict[str, str], last: int) -> None:
    """Where the printed 2025 rise sits: a note at its year (no counts were published, so no marker)."""
    text = (f"{rise['period']}: a rise of {rise['value_as_printed']} in children identified as at risk was put to "
            f"the Commissioner; no counts were published. His explanation: ‘{rise['words']}’")
    _, ymax = ax.get_ylim()
    ax.axvspan(last - 0.4, last + 0.4, color=style.LIGHT_PURPLE, alpha=0.25, linewidth=0)
    ax.text(last - 0.5, ymax * 0.95, textwrap.fill(text, 46), ha="right", va="top", fontsize=8.5,
            color=style.TEXT, linespacing=1.25)


def _series_title(sel: pd.DataFrame, measures: list[str]) -> str:
    first, last = int(sel["x"].min()), int(sel["x"].max())
    rose = []
    for m in measures:
        rows = sel[sel["measure"] == m].sort_values("x")
        if len(rows) >= 2:
            rose.append(rows["value"].iloc[-1] > rows["value"].iloc[0])
    if rose and all(rose):
        return f"Every Met measure of child sexual exploitation with more than one published year rose, {first}–{last}"
    return f"The Met's published figures on child sexual exploitation, {first}–{last}"


def _series_notes(sel: pd.DataFrame, left_out: pd.DataFrame, flagged: set[str], years: list[int],
                  rise: dict[str, str] | None) -> list[str]:
    notes = ["Hollow markers: figures known only from a news report of the Met's figures, not a Met publication."]
    gaps = []
    for m in MET_MEASURES:
        have = set(sel.loc[sel["measure"] == m, "x"].astype(int))
        missing = [str(y) for y in range(min(have), max(have)) if y not in have] if have else []
        if missing:
            gaps.append(f"{MET_MEASURES[m]} for {style.join_words(missing)}")
    if gaps:
        notes.append(f"No published figure (blank in the data, no marker): {'; '.join(gaps)}.")
    last = int(sel["x"].max())
    if last < years[-1]:
        notes.append(f"No annual figure for any of these measures was found published after {last}.")
    units = sel.groupby("measure")["unit"].unique()
    for m, u in units.items():
        if len(u) > 1:
            notes.append(f"{MET_MEASURES[m]} are printed in different units ({style.join_words(sorted(u))}).")
    if flagged:
        notes.append("† The source links the rise in part to recording: " + " ".join(recording_notes(sel)))
    if not left_out.empty:
        notes.append("Not shown (not a London-wide annual figure): " + "; ".join(
            f"{r.value_as_printed} {r.unit} ({_when(r.period_start, r.period_end)})" for r in left_out.itertuples())
            + ".")
    if rise and rise.get("detail"):
        notes.append(f"On the {rise['value_as_printed']} rise: {rise['detail']}")
    return notes
