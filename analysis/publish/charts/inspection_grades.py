"""Chart: the grades HMIC/HMICFRS gave the Met's child protection cases, inspection by inspection."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.common import (
    COMBINED,
    GRADE_COLOURS,
    GRADE_ORDER,
    GRADE_TEXT,
    SPLIT_GRADES,
    ChartMeta,
    _ids,
    _meta,
    _pct,
)


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
