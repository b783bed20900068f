"""Chart: the grades HMIC/HMICFRS gave the Met's cases (child protection, then child exploitation), inspection by
inspection."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pandas as pd

from analysis.publish import encode, style
from analysis.publish.charts.common import (
    COMBINED,
    GRADE_COLOURS,
    GRADE_ORDER,
    SPLIT_GRADES,
    ChartMeta,
    blank_by_nature,
    chart_meta,
    figure_ids_of,
)
from analysis.record.vocabulary import fmt_percent, split_list


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
    df = df[df["share"].notna()]  # a count with no number of cases examined is no share, and none was printed
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


#: The kind of cases in a "cases examined" figure's subject, after its last colon ("…: child exploitation cases
#: examined" → "child exploitation cases").
_CASES_WORDS = re.compile(r":\s*([^:]*?\bcases)\b[^:]*$")


def cases_kinds(sel: pd.DataFrame, figures: pd.DataFrame) -> dict[str, str]:
    """Inspection id → the kind of cases its inspectors examined, in the words of its "cases examined" figure's
    subject ("cases" where that says no more). The 2024 inspection sampled child exploitation cases, the earlier
    ones child protection cases: the chart called all five samples "child-protection cases"."""
    subjects = figures.loc[figures["measure"] == "cases_examined"].set_index("figure_id")["subject"]
    kinds: dict[str, str] = {}
    for inspection, ids in sel.groupby("inspection_id", sort=False)["figure_ids"]:
        found = [m.group(1) for i in {f for v in ids for f in split_list(v)} if i in subjects.index
                 and (m := _CASES_WORDS.search(str(subjects[i])))]
        kinds[str(inspection)] = found[0] if len(set(found)) == 1 else "cases"
    return kinds


def _usual_kind(kinds: dict[str, str]) -> str:
    """The kind of cases most inspections examined: a bar's label names its own kind only where it differs."""
    return Counter(kinds.values()).most_common(1)[0][0] if kinds else "cases"


def kinds_by_years(sel: pd.DataFrame, kinds: dict[str, str], short: bool = False) -> str:
    """"child protection cases 2016–2019, child exploitation cases 2024": each kind with the years it was sampled
    (`short`: without "cases", for a subtitle that has said it)."""
    years = sel.drop_duplicates("inspection_id").set_index("inspection_id")["published"].str[:4]
    spans: dict[str, list[str]] = {}
    for inspection, kind in kinds.items():
        spans.setdefault(kind, []).append(years[inspection])
    return ", ".join(f"{kind.removesuffix(' cases') if short else kind} {min(y)}" + (f"–{max(y)}" if max(y) != min(y)
                     else "") for kind, y in spans.items())


def _inspection_label(row: pd.Series, dated: bool = True, kind: str = "cases") -> tuple[str, str]:
    """An inspection's name (dated on the web chart) and its count of cases (of `kind`), which a heading keeps
    whole."""
    when = f", {style.month_year(row['published'])}" if dated else ""
    return f"{row['label']}{when}", f": {_cases(row, kind)}"


def _cases(row: pd.Series, kind: str = "cases") -> str:
    """The number of cases examined as printed, or that it is not in the record."""
    if isinstance(row["cases_examined_as_printed"], str) and row["cases_examined_as_printed"]:
        return f"{row['cases_examined_as_printed']} {kind}"
    if pd.notna(row["cases_examined"]):
        return f"{row['cases_examined']:,.0f} {kind}"
    return f"{kind} examined not found"


def _share_label(row: pd.Series) -> str:
    """One decimal for a share computed from counts (49.6%, not '50%': a claim can turn on it); a share known
    only as printed keeps its printed words."""
    if pd.notna(row["share_computed"]):
        return fmt_percent(row['share_computed'])
    return str(row["share_as_printed"])


def ri_or_inadequate_share(rows: pd.DataFrame) -> float | None:
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


def _qualifier(row: pd.Series) -> str:
    """'exact' for a share computed from counts; else the qualifier printed with the share."""
    if pd.notna(row["share_computed"]):
        return "exact"
    from analysis.record.printed import parse_printed

    return parse_printed(str(row["share_as_printed"])).qualifier


@style.styled
def inspection_grades_chart(grades: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                            ) -> tuple[Any, ChartMeta]:
    """Stacked bars: share of cases examined at each inspection by grade; the two grades a title adds up are
    bracketed with their sum; where only the combined share was published it is one hatched segment."""
    sel = select_inspection_grades(grades)
    inspections = list(dict.fromkeys(sel["inspection_id"]))
    firsts = sel.drop_duplicates("inspection_id").set_index("inspection_id")
    kinds = cases_kinds(sel, figures)
    usual = _usual_kind(kinds)
    # A bar whose sample was of another kind says so in its label: the subtitle names each kind with its years.
    own = {i: kinds[i] if kinds[i] != usual else "cases" for i in inspections}
    labels = {i: "".join(_inspection_label(firsts.loc[i], kind=own[i])) for i in inspections}
    narrow = width < 5
    row_labels = {i: _inspection_label(firsts.loc[i], dated=not narrow, kind=own[i]) for i in inspections}
    wide = sel.pivot(index="inspection_id", columns="grade", values="share").reindex(
        index=inspections, columns=list(GRADE_ORDER))
    wide = wide.dropna(axis=1, how="all")

    step = 1.7
    fig, ax = style.new_figure(width=width, plot_height=0.62 * step * len(inspections) + 0.3)
    inside_min = 19 if narrow else 11
    brackets = bracket_shares(sel)
    in_words: list[str] = []  # the kinds of the shares drawn as markers (`_printed_share`), for the key
    for i, inspection in enumerate(inspections):
        y = i * step
        rows = sel[sel["inspection_id"] == inspection].set_index("grade")
        style.row_heading(ax, y - 0.42, *row_labels[inspection])
        left = _stack(ax, y, rows, inside_min, in_words)
        if left < 99.5:
            ax.barh([y], [100 - left], left=left, height=0.5, color="white", edgecolor=style.MISSING_EDGE,
                    linewidth=0.8, linestyle=style.MISSING_DASH)
        if inspection in brackets:
            start = float(rows.loc["good", "share"]) if "good" in rows.index else 0.0
            _bracket(ax, start, left, y + 0.3, f"{fmt_percent(brackets[inspection])} " + "combined")
    ax.set_ylim(step * (len(inspections) - 1) + 0.75, -0.75)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 50, 100])
    ax.xaxis.set_major_formatter("{x:.0f}%")
    _legend(ax, sel, in_words, width)

    from analysis.publish.charts.inspection_caveat import disagreements, every_inspection_finding

    latest = inspections[-1]
    first_year, year = firsts["published"].iloc[0][:4], firsts.loc[latest, "published"][:4]
    # The title states what holds at every inspection: no single year's share (2024's rests on copies whose words
    # and counts disagree) and no baseline year picked from the series.
    title = every_inspection_finding(grades) or f"Cases examined at inspections of the Met, {first_year}–{year}"
    one_kind = len(set(kinds.values())) == 1
    sampled = f"Metropolitan Police {usual if one_kind else 'cases'}"
    subtitle = (f"Share of {sampled} examined by inspectors, by grade, {first_year}–{year}" if one_kind else
                f"Share of {sampled} examined, by grade: {kinds_by_years(sel, kinds, short=True)}")
    sampled += "" if one_kind else f" ({kinds_by_years(sel, kinds)})"
    disputed = disagreements(grades, figures)
    # The key says what hatched and dashed mean; the face note does not say it again.
    on_chart = " ".join(["Shares from published counts. Brackets add the two lower grades.",
                         *(d.face() for d in disputed)])
    notes = _inspection_notes(grades, sel, wide, {i: label.split(",")[0] for i, label in labels.items()})
    notes += [d.full() for d in disputed]
    data = _inspection_data(grades, sel, wide, labels)
    alt = _inspection_alt(sel, labels, inspections, title, sampled)
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, alt=alt, notes=notes,
                         source=style.credit(figures, figure_ids_of(sel["figure_ids"])),
                         said_in_notes=[d.face() for d in disputed])
    # Where the grades were published one by one, there is no total-only share to record.
    split = data[SPLIT_GRADES[0].capitalize()].notna()
    return fig, chart_meta("inspection-grades", "Stacked bar chart", frame, data,
                           not_applicable=blank_by_nature(data, split, [TOTAL_ONLY]))


#: The data's column for the hatched segment: the combined share where it was the only figure published (as the
#: legend says), so a blank there is true ("no segment of this kind"), not "the record holds no combined share".
TOTAL_ONLY = f"{COMBINED.capitalize()}, only the total published"
#: Text columns beside the stacked ones (text, so a stacked bar pasted into Datawrapper does not add them to the
#: stack): the two lower grades together as the chart labels them, and the combined share as its source printed it.
LABELLED, PRINTED = f"{COMBINED.capitalize()}, as labelled", f"{COMBINED.capitalize()}, as printed"


def bracket_shares(sel: pd.DataFrame) -> dict[str, float]:
    """Inspection → the share its bracket gives: where the two lower grades were published and drawn apart."""
    out = {}
    for inspection, rows in sel.groupby("inspection_id", sort=False):
        share = ri_or_inadequate_share(rows)
        if share is not None and bool(rows["split_shown"].iloc[0]) and {"requires improvement", "inadequate"} <= set(
                rows["grade"]):
            out[str(inspection)] = share
    return out


def _inspection_data(grades: pd.DataFrame, sel: pd.DataFrame, wide: pd.DataFrame, labels: dict[str, str]
                     ) -> pd.DataFrame:
    """One row per inspection: the stacked shares, then every number the face shows for the two lower grades
    together ('92.6% combined', from counts) and the combined share as printed ('Just under 93%'): the face's
    brackets and the record's printed shares are in the data, not only in the drawing and the notes."""
    together = {str(r["inspection_id"]): _share_label(r) for _, r in sel[sel["grade"] == COMBINED].iterrows()}
    together |= {i: fmt_percent(share) for i, share in bracket_shares(sel).items()}
    data = wide.rename(columns=lambda g: TOTAL_ONLY if g == COMBINED else g.capitalize())
    data[LABELLED] = [f"{together[i]} combined" if i in together else "" for i in data.index]
    printed = grades[grades["grade"] == COMBINED].drop_duplicates("inspection_id").set_index("inspection_id")
    data[PRINTED] = [str(printed.loc[i, "share_as_printed"]) if i in printed.index
                     and isinstance(printed.loc[i, "share_as_printed"], str) else "" for i in data.index]
    data = data.rename(index=labels).rename_axis("Inspection").reset_index()
    data.columns.name = None
    return data


def _stack(ax: Any, y: float, rows: pd.DataFrame, inside_min: float, in_words: list[str]) -> float:
    """One inspection's shares stacked in grade order; returns where the stack ends. A share printed only in words
    is a marker (`_printed_share`, its kind added to `in_words`), not a segment."""
    left = 0.0
    for grade in (g for g in GRADE_ORDER if g in rows.index):
        row, value = rows.loc[grade], float(rows.loc[grade, "share"])
        combined = grade == COMBINED
        if encode.kind_of(_qualifier(row)) != "exact":
            in_words.append(_printed_share(ax, left, y, row, grade))
            continue
        encode.bar(ax, y, value, qualifier=_qualifier(row), label=_share_label(row), unit="percent", left=left,
                   height=0.5, color=GRADE_COLOURS["requires improvement" if combined else grade],
                   edgecolor=GRADE_COLOURS["inadequate"] if combined else "white",
                   hatch="////" if combined else None, linewidth=1)
        if value >= inside_min:
            ax.text(left + value / 2, y, _share_label(row), ha="center", va="center", color="white",
                    fontsize=style.LABEL_SIZE, fontweight="bold")
        else:  # too narrow for its label: the label goes under the segment's start, naming the grade
            ax.text(left, y + 0.4, f"{_share_label(row)} {grade}", ha="left", va="top",
                    fontsize=style.SMALL_SIZE, color=style.TEXT).set_in_layout(False)
        left += value
    return left


def _printed_share(ax: Any, left: float, y: float, row: pd.Series, grade: str) -> str:
    """A share known only as printed with a qualifier ('three quarters', 'just under 93%'), with no counts to
    compute it from: a marker of its kind where the printed value would end, labelled in its printed words,
    never a segment (a bar's end reads as exact, and the grades after it would stack on a guess)."""
    colour = GRADE_COLOURS["requires improvement" if grade == COMBINED else grade]
    end = left + float(row["share"])
    kind = encode.point(ax, end, y, qualifier=_qualifier(row), label=_share_label(row), colour=colour,
                        value_axis="x")
    ax.text(left, y + 0.4, f"{_share_label(row)} {grade}", ha="left", va="top", fontsize=style.SMALL_SIZE,
            color=style.TEXT).set_in_layout(False)
    return kind


def _bracket(ax: Any, start: float, end: float, y: float, text: str) -> None:
    """A bracket under the segments a sum adds up, with the sum."""
    ax.plot([start + 0.4, start + 0.4, end - 0.4, end - 0.4], [y - 0.05, y + 0.05, y + 0.05, y - 0.05],
            color=style.TEXT, linewidth=1.2, solid_joinstyle="miter")
    ax.text(end, y + 0.1, text, ha="right", va="top", fontsize=style.SMALL_SIZE, color=style.TEXT).set_in_layout(False)


def _legend(ax: Any, sel: pd.DataFrame, in_words: list[str], width: float) -> None:
    """The grades drawn, the hatched total where one is drawn as a bar, each kind of marker drawn, 'not found'."""
    from matplotlib.patches import Patch

    barred = set(sel.loc[sel.apply(_qualifier, axis=1).map(encode.kind_of) == "exact", "grade"])
    handles = [Patch(facecolor=GRADE_COLOURS[g], edgecolor="white", label=g.capitalize())
               for g in SPLIT_GRADES if g in barred]
    if COMBINED in barred:
        handles.append(Patch(facecolor=GRADE_COLOURS["requires improvement"], edgecolor=GRADE_COLOURS["inadequate"],
                             hatch="////", label="Either (only the total published)"))
    handles += encode.legend_handles(in_words, style.TEXT, value_axis="x")
    handles.append(Patch(facecolor="white", edgecolor=style.MISSING_EDGE, linestyle=style.MISSING_DASH,
                         label="Not found"))
    style.legend_above(ax, handles, ncol=1 if width < 5 else 3)


def _inspection_notes(grades: pd.DataFrame, sel: pd.DataFrame, wide: pd.DataFrame, labels: dict[str, str]
                      ) -> list[str]:
    split = sel.groupby("inspection_id")["split_shown"].first()
    name = {i: labels[i].split("\n")[0] for i in wide.index}
    notes = ["Shares are published counts divided by cases examined; where only a share was printed it is shown "
             "as printed."]
    also = grades[(grades["grade"] == COMBINED) & grades["inspection_id"].map(split).fillna(False).astype(bool)]
    for r in also.itertuples():
        printed = f" ('{r.share_as_printed}')" if isinstance(r.share_as_printed, str) and r.share_as_printed else ""
        notes.append(f"For the {name[r.inspection_id]} the separately published grades are shown, with their sum; "
                     f"the combined share printed with them{printed} is given in the data as printed.")
    uncounted = _uncounted(grades)
    if uncounted:
        notes.append(f"For the {style.join_words(uncounted)} the counts by grade are in the record but the number "
                     "of cases examined is not in the record, so no share is drawn from them.")
    combined_only = [name[i] for i in wide.index if not split[i]]
    if combined_only:
        notes.append(f"For the {style.join_words(combined_only)} the sources in this record print only the combined "
                     "'requires improvement or inadequate' figure; it is shown as printed, not split.")
    missing = []
    for grade in (g for g in SPLIT_GRADES if g in wide.columns):
        absent = [name[i] for i in wide.index if pd.isna(wide.loc[i, grade]) and (split[i] or grade == "good")]
        if absent:
            missing.append(f"'{grade}' for the {style.join_words(absent)}")
    if missing:
        # The inspectorate's own reports may print the separate grades (the gaps say where we looked): what is
        # known is that no source in this record prints them, not that they were never published.
        notes.append(f"Not in the record (blank in the data, dashed outline in the chart): {'; '.join(missing)}.")
    notes.append("Bars may not sum to 100% because of rounding.")
    return notes


def _uncounted(grades: pd.DataFrame) -> list[str]:
    """Inspections with a count by grade but no number of cases examined, by label."""
    rows = grades[grades["count"].notna() & grades["cases_examined"].isna()]
    return list(dict.fromkeys(rows["label"].astype(str)))


def _inspection_alt(sel: pd.DataFrame, labels: dict[str, str], inspections: list[str], title: str,
                    sampled: str) -> str:
    parts = []
    for i in inspections:
        rows = sel[sel["inspection_id"] == i]
        parts.append(f"{labels[i]}: " + ", ".join(f"{r.grade} {_share_label(pd.Series(r._asdict()))}"
                                                  for r in rows.itertuples()))
    return (f"Stacked bar chart of the share of {sampled} examined at each of "
            f"{len(inspections)} inspections by grade, showing that {style.in_sentence(title)}. "
            + "; ".join(parts) + ".")

