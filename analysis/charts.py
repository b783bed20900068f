"""Chart definitions: one function per chart, processed tables in, (figure, metadata) out.

The notebooks and `python -m analysis charts` call these same functions, so the chart a reader sees in a notebook
is the chart that is published. Every number drawn, and every number in a title, comes from the processed tables
passed in; nothing here types a figure. Each chart also returns its Datawrapper-ready table (`ChartMeta.data`):
first column the categories or dates, one numeric column per series, blank where nothing was published.

matplotlib is imported only inside `analysis.style`'s functions and here at call time, never at import time.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import schema, style
from analysis.paths import DEFAULT, Paths
from analysis.processed import load_table

#: Environment variable that points notebooks at another project root (tests use a scratch copy).
ROOT_ENV = "CSE_FIGURES_ROOT"

SPLIT_GRADES = ("good", "requires improvement", "inadequate")
COMBINED = "requires improvement or inadequate"
GRADE_ORDER = (*SPLIT_GRADES, COMBINED)
GRADE_COLOURS = {"good": style.TURQUOISE, "requires improvement": style.DARK_BLUE, "inadequate": style.DARK_PINK,
                 COMBINED: style.LIGHT_PURPLE}
GRADE_TEXT = {"good": "white", "requires improvement": "white", "inadequate": "white", COMBINED: style.TEXT}

MET_MEASURES = {
    "cse_referrals": "Referrals of suspected CSE",
    "cse_flagged_crimes": "Crimes connected with CSE",
    "children_at_risk_cse": "Children identified as at risk of CSE",
}
RISE_MEASURE = "change_children_at_risk_cse"
MET_FUNNEL = (
    ("met_historic_cases_found", "Cases found"),
    ("met_historic_cases_reviewed_further", "Reviewed further"),
    ("met_historic_cases_in_scope", "Still in scope"),
)
#: Column headings of the national-review chart's CSV (Datawrapper shows them as series names).
NATIONAL_REVIEW_LABELS = {
    "historic_cases_identified_for_review": "Historic cases identified for review",
    "beaconport_referrals": "Cases referred to Operation Beaconport",
}
#: Words that mark a caveat as describing a change in how crimes or referrals were recorded.
RECORDING_WORDS = ("recording", "recorded differently", "counting rules")
#: The Commissioner's explanation of the 2025 rise is looked for under these words, in the table's own text.
EXPLANATION_WORDS = ("better at finding", "better identification", "finding it")


@dataclass
class ChartMeta:
    """Everything published beside a chart (the JSON sidecar) plus its data table (the CSV)."""

    chart_id: str
    chart_type: str
    title: str
    intro: str
    source_name: str
    source_url: str
    source_line: str
    notes: str
    alt_text: str
    data: pd.DataFrame = field(repr=False)

    def caption(self) -> Any:
        """The notes and source line as Markdown, for showing under the chart in a notebook."""
        from IPython.display import Markdown

        return Markdown(f"**Notes.** {self.notes}\n\n**{self.source_line}**")

    def sidecar(self) -> dict[str, str]:
        """The JSON sidecar: the fields Datawrapper's metadata panel asks for."""
        return {"title": self.title, "intro": self.intro, "source_name": self.source_name,
                "source_url": self.source_url, "notes": self.notes, "alt_text": self.alt_text,
                "chart_type": self.chart_type}


def _count_bar_axes(ax, labels: list[str], xmax: float) -> None:
    """Axes of a horizontal bar chart of counts read top to bottom: labelled rows, thousands separators."""
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, xmax)
    ax.xaxis.set_major_formatter("{x:,.0f}")
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x")

def project_paths() -> Paths:
    """The project the notebooks read: this repository, unless a test points CSE_FIGURES_ROOT elsewhere."""
    root = os.environ.get(ROOT_ENV)
    return Paths(Path(root).resolve()) if root else DEFAULT


def _meta(chart_id: str, chart_type: str, frame: dict[str, str], data: pd.DataFrame) -> ChartMeta:
    return ChartMeta(chart_id=chart_id, chart_type=chart_type, data=data.reset_index(drop=True), **frame)


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def _ids(values: pd.Series) -> list[str]:
    """Figure ids from a column of ';'-separated lists."""
    return [i.strip() for v in values.dropna() for i in str(v).split(";") if i.strip()]


def _sentences(text: str) -> list[str]:
    """Sentences of a caveat (caveats joined by the build with '; ' are split apart too)."""
    parts = re.split(r"(?<=[.!?'])(?:\s*;)?\s+(?=[A-Z'])", str(text))
    return [s.strip().rstrip(";").strip() for s in parts if s.strip()]


# --- 1. inspections -------------------------------------------------------------------------------------------


def _segments(present: set[str]) -> list[str]:
    """Grades to stack for one inspection, never overlapping: good, then the split where both parts were
    published, else the combined figure as published (no split is ever estimated)."""
    show = ["good"] if "good" in present else []
    parts = ["requires improvement", "inadequate"]
    if set(parts) <= present or COMBINED not in present:
        show += [g for g in parts if g in present]
    else:
        show.append(COMBINED)
    return show


def select_inspection_grades(grades: pd.DataFrame) -> pd.DataFrame:
    """The grade rows to draw for each inspection, with `share` (computed from counts, else as printed).

    Where the grades were published separately the combined row is set aside (it is the sum of two shown);
    where only the combined figure was published it is shown as it is.
    """
    df = grades.assign(share=grades["share_computed"].where(grades["share_computed"].notna(),
                                                            grades["share_published"]))
    keep = []
    for _, group in df.groupby("inspection_id", sort=False):
        show = _segments(set(group["grade"]))
        rows = group[group["grade"].isin(show)].copy()
        rows["split_shown"] = COMBINED not in show
        keep.append(rows)
    out = pd.concat(keep, ignore_index=True)
    out["_order"] = out["grade"].map(GRADE_ORDER.index)
    return (out.sort_values(["published", "inspection_id", "_order"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def _inspection_label(row: pd.Series) -> str:
    cases = row["cases_examined_as_printed"] or f"{row['cases_examined']:,.0f}"
    return f"{row['label']}\n{style.month_year(row['published'])}: {cases} cases"


def _ri_or_inadequate(rows: pd.DataFrame) -> float | None:
    """Share graded requires improvement or inadequate at one inspection, from counts where published."""
    combined = rows[rows["grade"] == COMBINED]
    if not combined.empty:
        return float(combined["share"].iloc[0])
    parts = rows[rows["grade"].isin(["requires improvement", "inadequate"])]
    if len(parts) < 2:
        return None
    if parts["count"].notna().all() and parts["cases_examined"].notna().all():
        return float(100 * parts["count"].sum() / parts["cases_examined"].iloc[0])
    return float(parts["share"].sum())


@style.styled
def inspection_grades_chart(grades: pd.DataFrame, figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """Stacked bars: share of cases examined at each inspection by grade, combined where only that was published."""
    sel = select_inspection_grades(grades)
    inspections = list(dict.fromkeys(sel["inspection_id"]))
    firsts = sel.drop_duplicates("inspection_id").set_index("inspection_id")
    labels = {i: _inspection_label(firsts.loc[i]) for i in inspections}
    wide = sel.pivot(index="inspection_id", columns="grade", values="share").reindex(
        index=inspections, columns=list(GRADE_ORDER))
    wide = wide.dropna(axis=1, how="all")

    fig, ax = style.new_figure(width=8.0, plot_height=0.62 * len(inspections) + 0.9)
    y = list(range(len(inspections)))
    left = pd.Series(0.0, index=inspections)
    for grade in wide.columns:
        values = wide[grade]
        bars = ax.barh(y, values.fillna(0), left=left, height=0.62, color=GRADE_COLOURS[grade],
                       edgecolor="white", linewidth=1, label=grade.capitalize())
        for bar, v in zip(bars, values):
            if pd.notna(v) and v >= 5:  # narrower segments are labelled in the data and the alt text
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, _pct(v),
                        ha="center", va="center", color=GRADE_TEXT[grade], fontsize=9, fontweight="bold")
        left = left + values.fillna(0)
    rest = 100 - left
    ax.barh(y, rest.where(rest > 0.5, 0), left=left, height=0.62, color="white", edgecolor=style.MISSING_EDGE,
            linewidth=0.8, linestyle=(0, (2, 2)), label="Not published")
    ax.set_yticks(y, [labels[m] for m in inspections])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter("{x:.0f}%")
    ax.tick_params(axis="y", length=0)
    style.legend_above(ax, ncol=3)

    latest = inspections[-1]
    share = _ri_or_inadequate(sel[sel["inspection_id"] == latest])
    first_year, year = firsts["published"].iloc[0][:4], firsts.loc[latest, "published"][:4]
    title = (f"{share:.0f}% of cases examined in {year} were graded requires improvement or inadequate"
             if share is not None else f"Cases examined at inspections of the Met, {first_year}–{year}")
    subtitle = (f"Share of Metropolitan Police child-protection cases examined by the inspectorate, by grade, at "
                f"each inspection and follow-up, {first_year}–{year}")
    notes = _inspection_notes(grades, sel, wide, labels)
    flat = {i: label.replace("\n", ", ") for i, label in labels.items()}
    data = wide.rename(index=flat, columns=lambda g: g.capitalize()).rename_axis("Inspection").reset_index()
    data.columns.name = None
    alt = _inspection_alt(wide, flat, inspections, title)
    frame = style.finish(fig, ax, title=title, subtitle=subtitle,
                         source=style.credit(figures, _ids(sel["figure_ids"])), notes=notes, alt=alt)
    return fig, _meta("inspection-grades", "Stacked bar chart", frame, data)


def _inspection_notes(grades: pd.DataFrame, sel: pd.DataFrame, wide: pd.DataFrame, labels: dict[str, str]
                      ) -> list[str]:
    split = sel.groupby("inspection_id")["split_shown"].first()
    name = {i: labels[i].split("\n")[0] for i in wide.index}
    notes = ["Shares are published counts divided by cases examined; where only a share was printed it is shown "
             "as printed."]
    also = grades[(grades["grade"] == COMBINED) & grades["inspection_id"].map(split).fillna(False).astype(bool)]
    for r in also.itertuples():
        printed = f" ('{r.share_as_printed}')" if isinstance(r.share_as_printed, str) and r.share_as_printed else ""
        notes.append(f"For the {name[r.inspection_id]} the separately published grades are shown; the combined "
                     f"share printed with them{printed} is not drawn again.")
    combined_only = [name[i] for i in wide.index if not split[i]]
    if combined_only:
        notes.append(f"For the {style.join_words(combined_only)} only the combined 'requires improvement or "
                     "inadequate' figure was published; it is shown as published, not split.")
    missing = []
    for grade in (g for g in SPLIT_GRADES if g in wide.columns):
        absent = [name[i] for i in wide.index if pd.isna(wide.loc[i, grade]) and (split[i] or grade == "good")]
        if absent:
            missing.append(f"'{grade}' for the {style.join_words(absent)}")
    if missing:
        notes.append(f"Not published (blank in the data, dashed outline in the chart): {'; '.join(missing)}.")
    notes.append("Bars may not sum to 100% because of rounding.")
    return notes


def _inspection_alt(wide: pd.DataFrame, labels: dict[str, str], inspections: list[str], title: str) -> str:
    parts = []
    for i in inspections:
        cells = [f"{g} {_pct(wide.loc[i, g])}" for g in wide.columns if pd.notna(wide.loc[i, g])]
        parts.append(f"{labels[i]}: {', '.join(cells)}")
    return (f"Stacked bar chart of the share of Metropolitan Police child-protection cases examined at each of "
            f"{len(inspections)} inspections by grade, showing that {title[0].lower() + title[1:]}. " + "; ".join(parts)
            + ".")


# --- 2. the Met's CSE series ----------------------------------------------------------------------------------

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


# --- 3. historic case reviews ---------------------------------------------------------------------------------


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


def met_funnel_rows(reviews: pd.DataFrame) -> pd.DataFrame:
    """The Met's review stages at the latest date on which every stage was printed (else each stage's latest)."""
    met = reviews[(reviews["scope"] == "Met") & reviews["measure"].isin([m for m, _ in MET_FUNNEL])]
    met = met.sort_values(["as_at", "primary", "figure_id"], ascending=[False, False, True], kind="stable")
    complete = [d for d, g in met.groupby("as_at") if g["measure"].nunique() == len(MET_FUNNEL)]
    if complete:
        met = met[met["as_at"] == max(complete)]
    rows = met.drop_duplicates("measure").set_index("measure")
    return rows.reindex([m for m, _ in MET_FUNNEL if m in rows.index]).reset_index()


@style.styled
def met_review_funnel_chart(reviews: pd.DataFrame, figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """The Met's own historic-case funnel: found → reviewed further → still in scope (never added to national)."""
    rows = met_funnel_rows(reviews)
    names = dict(MET_FUNNEL)
    dates = rows["as_at"].unique()
    fig, ax = style.new_figure(width=8.0, plot_height=0.6 * len(rows) + 0.8)
    bars = ax.barh(range(len(rows)), rows["value"], height=0.6,
                   color=[style.DARK_BLUE, style.TURQUOISE, style.DARK_PINK][:len(rows)])
    style.label_bar_values(ax, bars, list(rows["value_as_printed"]), inside_min=rows["value"].max() * 0.2)
    labels = [names[m] + ("" if len(dates) == 1 else f"\n({style.long_date(d)})")
              for m, d in zip(rows["measure"], rows["as_at"])]
    _count_bar_axes(ax, labels, rows["value"].max() * 1.1)
    printed = dict(zip(rows["measure"], rows["value_as_printed"]))
    when = style.month_year(max(dates))
    found, further, scope = (printed.get(m) for m, _ in MET_FUNNEL)
    title = (f"Of {found} historic cases the Met found, {further} were reviewed further and {scope} remained in "
             f"scope by {when}" if found and further and scope else f"The Met's review of historic cases, {when}")
    subtitle = ("Metropolitan Police review of its own historic group-based child sexual exploitation cases, by "
                f"stage, as at {style.join_words([style.long_date(d) for d in sorted(dates)])}")
    notes = ["The Met's own review, by its own broad definition; not the national count of cases identified for "
             "review (a separate chart) and never to be added to it."]
    notes += [s for s in _sentences(rows["caveat"].dropna().iloc[0]) if "definition" in s.lower()
              or "two or more" in s.lower() or "transcript" in s.lower()][:3] if rows["caveat"].notna().any() else []
    data = pd.DataFrame({"Stage": [names[m] for m in rows["measure"]], "Cases": rows["value"].to_numpy()})
    alt = (f"Bar chart of the Met's review of its own historic group-based child sexual exploitation cases by stage, "
           f"showing {title[0].lower() + title[1:]}. "
           + "; ".join(f"{names[m]}: {p}" for m, p in printed.items()) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, source=style.credit(figures, rows["figure_id"]),
                         notes=notes, alt=alt)
    return fig, _meta("met-review-funnel", "Bar chart", frame, data)


# --- 4. London in context -------------------------------------------------------------------------------------


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
def london_population_share_chart(population: pd.DataFrame, figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """London's share of the UK population: computed where both estimates exist, and as printed by sources."""
    from matplotlib.ticker import MultipleLocator

    share = london_share_table(population)
    printed = figures[(figures["measure"] == "share_of_uk_population") & (figures["geography"] == "London")].copy()
    printed["year"] = printed["period_end"].str[:4].astype(int)
    years = sorted(set(share["Year"]) | set(printed["year"]))
    pos = {y: i for i, y in enumerate(years)}  # equal spacing: years without any figure are simply absent
    fig, ax = style.new_figure(width=8.0, plot_height=3.4)
    ax.scatter(share["Year"].map(pos), share["London share of UK (%)"], s=70, color=style.DARK_BLUE, zorder=3,
               label="Computed: London ÷ UK mid-year population")
    for r in share.itertuples():
        ax.annotate(f"{r[4]:.1f}%", (pos[r.Year], r[4]), xytext=(0, 9), textcoords="offset points", ha="center",
                    fontsize=9.5, color=style.DARK_BLUE, fontweight="bold")
    ax.scatter(printed["year"].map(pos), printed["value"], s=70, marker="D", facecolor="white",
               edgecolor=style.ORANGE, linewidth=1.8, zorder=3, label="As printed in a source")
    for r in printed.itertuples():
        who = textwrap.fill(str(r.publisher).split(" (")[0], 22)
        ax.annotate(f"{r.value_as_printed}\n{who}", (pos[r.year], r.value), xytext=(0, -11),
                    textcoords="offset points", ha="center", va="top", fontsize=8, color=style.TEXT)
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_xlim(-0.6, len(years) - 0.4)
    top = max(share["London share of UK (%)"].max() if len(share) else 0, printed["value"].max() or 0)
    ax.set_ylim(0, top * 1.5)
    ax.yaxis.set_major_locator(MultipleLocator(5))
    ax.yaxis.set_major_formatter("{x:.0f}%")
    ax.grid(axis="y")
    style.legend_above(ax, ncol=2)
    if len(share):
        latest = share.iloc[-1]
        title = (f"London was home to {latest['London share of UK (%)']:.0f}% of the UK's population in "
                 f"{int(latest['Year'])}")
    else:
        title = "London's share of the UK population, as printed"
    subtitle = (f"London's mid-year population as a share of the UK's, {min(years)}–{max(years)}: computed from "
                "the two estimates where both are published, and as printed by sources")
    missing = sorted(set(population.loc[population["measure"] == "population", "year"].astype(int))
                     - set(share["Year"]))
    notes = ["Shares are rounded to one decimal place in the chart; the data keep two."]
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
           + "; ".join(f"{int(r.Year)}: {r[4]:.1f}% computed" for r in share.itertuples())
           + "".join(f"; {r.year}: {r.value_as_printed} as printed" for r in printed.itertuples()) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle,
                         source=style.credit(figures, list(pop_ids) + list(printed["figure_id"])), notes=notes,
                         alt=alt)
    return fig, _meta("london-population-share", "Dot chart", frame, data)


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


# --- 5. fact-check --------------------------------------------------------------------------------------------


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict, in the rules' order (holds, does not hold, unverifiable), zeros kept."""
    from analysis.rules import VERDICTS

    counts = claims["verdict"].value_counts()
    order = list(VERDICTS) + [v for v in counts.index if v not in VERDICTS]
    return pd.DataFrame({"Verdict": [v.capitalize() for v in order],
                         "Claims": [int(counts.get(v, 0)) for v in order]})


@style.styled
def factcheck_chart(claims: pd.DataFrame, figures: pd.DataFrame) -> tuple[Any, ChartMeta]:
    """How many of the registered claims hold, do not hold, or cannot be checked from published figures."""
    from matplotlib.ticker import MaxNLocator

    counts = verdict_counts(claims)
    total = int(counts["Claims"].sum())
    colours = [style.TURQUOISE, style.DARK_PINK, style.DARK_GREY] + list(style.PALETTE)
    fig, ax = style.new_figure(width=8.0, plot_height=0.6 * len(counts) + 0.7)
    bars = ax.barh(range(len(counts)), counts["Claims"], height=0.6, color=colours[:len(counts)])
    style.label_bar_values(ax, bars, [str(n) for n in counts["Claims"]], inside_min=max(total * 0.08, 1))
    ax.set_yticks(range(len(counts)), counts["Verdict"])
    ax.invert_yaxis()
    ax.set_xlim(0, max(counts["Claims"].max(), 1) * 1.12)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x")
    n = dict(zip(counts["Verdict"].str.lower(), counts["Claims"]))
    title = (f"{n.get('holds', 0)} of {total} published claims checked hold; {n.get('does not hold', 0)} do not and "
             f"{n.get('unverifiable', 0)} cannot be checked against published figures")
    subtitle = "Claims about child sexual exploitation figures, recomputed from the figures they cite, by verdict"
    notes = ["'Unverifiable' means a figure the claim depends on is not published (see the gaps table) or cannot "
             "be used; it is not a finding that the claim is wrong. A verdict allows for the rounding and wording "
             "printed with each number."]
    ids = list(figures.loc[figures["source_id"].isin(claims.get("source_id", pd.Series(dtype=str))), "figure_id"])
    alt = (f"Bar chart of the number of claims checked by verdict, showing that {title[0].lower() + title[1:]}.")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, source=style.credit(figures, ids), notes=notes,
                         alt=alt)
    return fig, _meta("factcheck-verdicts", "Bar chart", frame, counts)


# --- registry -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartSpec:
    """A chart: its id, the function that draws it and the processed tables it reads (in argument order)."""

    chart_id: str
    draw: Callable[..., tuple[Any, ChartMeta]]
    tables: Sequence[str]


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("inspection-grades", inspection_grades_chart, ("inspection_grades", "figures")),
    ChartSpec("met-cse-series", met_cse_series_chart, ("met_cse_series", "figures")),
    ChartSpec("historic-reviews-national", historic_national_chart, ("historic_reviews", "figures")),
    ChartSpec("met-review-funnel", met_review_funnel_chart, ("historic_reviews", "figures")),
    ChartSpec("london-population-share", london_population_share_chart, ("population", "figures")),
    ChartSpec("london-rates", london_rates_chart, ("figures",)),
    ChartSpec("factcheck-verdicts", factcheck_chart, ("claims", "figures")),
)
CHART_IDS = schema.CHART_IDS  # the registry above draws exactly these, in this order (tests/test_charts.py)


def draw(chart_id: str, paths: Paths = DEFAULT, tables: dict[str, pd.DataFrame] | None = None
         ) -> tuple[Any, ChartMeta]:
    """Draw one chart from the processed tables (read through `load_table`, or passed in already read)."""
    spec = next(s for s in CHARTS if s.chart_id == chart_id)
    tables = tables if tables is not None else {}
    args = [tables[t] if t in tables else load_table(t, paths) for t in spec.tables]
    return spec.draw(*args)
