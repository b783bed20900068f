"""Chart: the Met's own yearly CSE counts (referrals, crimes, children at risk), with the 2025 rise."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any

import pandas as pd

from analysis.factcheck.wording import NOT_FOUND_WHERE
from analysis.publish import encode, style
from analysis.publish.charts.common import (
    EXPLANATION_WORDS,
    MET_MEASURES,
    PART_PERIOD_WORDS,
    RECORDING_WORDS,
    RISE_MEASURE,
    ChartMeta,
    chart_meta,
    quoted_phrases,
    sentences_of,
)
from analysis.publish.publishers import face_name
from analysis.publish.verdicts import rounded_inputs
from analysis.record.vocabulary import rounded_range
from analysis.tables.comparability import comparability, unit_kind
from analysis.tables.copies import loosest_printing

ANNUAL = re.compile(r"^\d{4}(/\d{2})?$")


def _x_of(label: str) -> float:
    """Position on a year axis: a calendar year at the year, a financial year a quarter of the way on."""
    return int(label[:4]) + (0.25 if "/" in label else 0.0)


def commissioner_explanation(figures: pd.DataFrame) -> dict[str, str] | None:
    """The printed 2025 rise in children at risk and how the Commissioner explained it, in the source's words.

    The wording is read from the figure's quote, then its caveat (his words as the story prints them), then its
    location: a section heading puts a phrase in quotation marks ('We are better at finding it') that condenses
    his words and drops their hedge ("largely – and possibly entirely"), so it is used only when nothing else quotes
    him. Never typed here.
    """
    rises = figures[(figures["measure"] == RISE_MEASURE) & (figures["geography"] == "London")
                    & (figures["period_end"] >= "2025-01-01")]
    if rises.empty:
        return None
    row = rises.sort_values(["primary", "period_end"], ascending=[False, False], kind="stable").iloc[0]
    found = []
    for column in ("quote", "caveat", "location"):
        text = str(row[column] or "")
        if not any(w in text.lower() for w in EXPLANATION_WORDS + ("commissioner",)):
            continue
        quoted = quoted_phrases(text)
        found += [q for q in quoted if any(w in q.lower() for w in EXPLANATION_WORDS)]
        found += [s for s in sentences_of(text) if "commissioner" in s.lower()]
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
        sentences += [s for s in sentences_of(caveat) if any(w in s.lower() for w in RECORDING_WORDS)]
    return list(dict.fromkeys(sentences))


#: Marker of a figure by who published it: the Met's own publication, or a news report of the Met's figures.
SOURCE_MARKERS = {True: ("o", "Met publication"), False: ("D", "News report of Met figures")}
#: The data's words for the same (a column after each measure's qualifier, "<measure> published in").
PUBLISHED_IN = " published in"
PUBLISHED_BY = {True: "a Met publication", False: "a news report of the Met's figures"}


@style.styled
def met_cse_series_chart(series: pd.DataFrame, figures: pd.DataFrame, claims: pd.DataFrame, *,
                         width: float = style.WEB_WIDTH) -> tuple[Any, ChartMeta]:
    """Three panels (one per measure) on one year axis that ends at the last published figure: a marker for every
    published figure (shape keyed: Met publication or news report), a line only between consecutive years that
    both have a figure in the same unit. The 2025 rise, which has no counts, is a dated note under the panels.
    A figure the fact-check reads as rounded (`claims`' rounded_inputs) is hollow, as any approximate figure."""
    sel = series[series["measure"].isin(MET_MEASURES) & series["period_label"].str.match(ANNUAL)
                 & (series["unit"] != "percent")].copy()
    rounded = rounded_inputs(claims)
    sel["qualifier"] = [loosest_printing(r, [], rounded)["qualifier"] for r in sel.to_dict("records")]
    left_out = series[series["measure"].isin(MET_MEASURES) & ~series.index.isin(sel.index)]
    sel["x"] = sel["period_label"].map(_x_of)
    rise = commissioner_explanation(figures)
    first, last = int(sel["x"].min()), int(sel["x"].max())
    years = list(range(first, last + 1))
    measures = [m for m in MET_MEASURES if (sel["measure"] == m).any()]

    fig, axes = style.new_figure(len(measures), 1, width=width, plot_height=1.45 * len(measures), sharex=True)
    axes = list(axes) if len(measures) > 1 else [axes]
    breaks: list[tuple[str, str, str]] = []
    for ax, measure, colour in zip(axes, measures, style.PALETTE, strict=False):  # colours: the first N
        rows = sel[sel["measure"] == measure].sort_values("x")
        breaks += _draw_series(ax, rows, colour, narrow=width < 5)
        ax.set_title(MET_MEASURES[measure], fontsize=style.LABEL_SIZE)
    axes[-1].set_xticks(years, [str(y) for y in years])
    axes[-1].set_xlim(first - 0.3, last + 0.3)

    title = _series_title(sel, measures)
    subtitle = (f"Figures published by or reported from the Metropolitan Police, London, by year, {first}–{last}. "
                + _key_words(sel))
    on_chart = " ".join([*(why for _, _, why in breaks), face_note(sel, rounded)]).strip()
    notes = _series_notes(sel, left_out, years, rise)
    data = _series_data(sel, measures, years)
    # The face credits the figures drawn; a figure only the notes give (the 2025 rise) is named in its note and
    # listed with the documents, so a credit printed under the image names no source the image does not use.
    drawn = style.credit(figures, sel["figure_id"])
    every = style.credit(figures, list(sel["figure_id"]) + ([rise["figure_id"]] if rise else []))
    source = dataclasses.replace(drawn, documents=every.documents)
    alt = ("Line chart with markers, in three panels, of the Met's published figures on child sexual exploitation "
           f"by year, showing that {style.in_sentence(title)}. "
           + "; ".join(f"{MET_MEASURES[m]}: " + ", ".join(
               f"{r.period_label} {r.value_as_printed} {r.unit}" for r in sel[sel["measure"] == m]
               .sort_values("x").itertuples()) for m in measures) + ".")
    # The face's note after the values: the alt text listed "2017 1,200 offences" bare, where the image draws it
    # hollow as a round figure (1,150–1,249) and dashes 2014's referrals as perhaps part of a year, so a reader of
    # the alt text met an exact 1,200 that the chart and the fact-check do not give.
    alt += f" {face_note(sel, rounded)}" if face_note(sel, rounded) else ""
    frame = style.finish(fig, axes, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=source, said_in_notes=[RECORDING_FACE] if RECORDING_FACE in on_chart else [])
    return fig, chart_meta("met-cse-series", "Line chart", frame, data, not_compared=breaks)


def _key_words(sel: pd.DataFrame) -> str:
    """The marker key as words in the subtitle (a legend between panels would read as one panel's)."""
    shapes = {True: "circles: a Met publication", False: "diamonds: a news report of the Met's figures"}
    used = [shapes[p] for p in (True, False) if (sel["primary"].astype(bool) == p).any()]
    return (used[0][0].upper() + used[0][1:] + ("; " + "; ".join(used[1:]) if len(used) > 1 else "") + ".") \
        if used else ""


def _series_data(sel: pd.DataFrame, measures: list[str], years: list[int]) -> pd.DataFrame:
    """One row per year of the axis (blank where nothing was published), one column per measure, each followed by
    its values' qualifier as drawn (a round figure the fact-check reads as a range is "about"), as
    recorded-vs-estimated's table does."""
    sel = sel.assign(year=sel["x"].astype(int))
    wide = sel.pivot_table(index="year", columns="measure", values="value", aggfunc="first")
    wide = wide.reindex(index=years, columns=measures).rename(columns=MET_MEASURES)
    shown = sel.pivot_table(index="year", columns="measure", values="qualifier", aggfunc="first")
    shown = shown.reindex(index=years, columns=measures).rename(columns=MET_MEASURES).fillna("")
    # Who published each figure, as the markers say (circles, diamonds): the CSV and the workbook have no markers,
    # so without this column a reader of the data cannot tell which years are known only from a news report.
    who = sel.assign(by=sel["primary"].astype(bool).map(PUBLISHED_BY)).pivot_table(
        index="year", columns="measure", values="by", aggfunc="first")
    who = who.reindex(index=years, columns=measures).rename(columns=MET_MEASURES).fillna("")
    for name in reversed(list(wide.columns)):
        wide.insert(wide.columns.get_loc(name) + 1, f"{name}{PUBLISHED_IN}", who[name])
        wide.insert(wide.columns.get_loc(name) + 1, f"{name} qualifier", shown[name])
    labels = sel.drop_duplicates("year").set_index("year")["period_label"]
    wide.index = [labels.get(y, str(y)) for y in years]
    out = wide.rename_axis("Year").reset_index()
    out.columns.name = None
    return out


def _draw_series(ax: Any, rows: pd.DataFrame, colour: str, narrow: bool = False) -> list[tuple[str, str, str]]:
    """Markers for each figure, labelled as printed; lines only within runs of consecutive years that are one
    series by the rule verdicts use too (`tables.comparability`: same definition, place and kind of number).
    Returns (figure id, figure id, sentence) for each place a line was NOT drawn because two neighbours are not one
    series."""
    rows = rows.reset_index(drop=True)
    years = rows["x"].astype(int).tolist()
    kinds = [unit_kind(r) for r in rows.to_dict("records")]
    keys = [(k, y - i) for i, (k, y) in enumerate(zip(kinds, years, strict=True))]  # a run: one kind, no gap
    breaks = []
    for start, stop in encode.runs(keys):
        for i in range(start, stop - 1):  # segment by segment: one may be dashed
            dashed = part_period(rows.iloc[i]) or part_period(rows.iloc[i + 1])
            encode.line(ax, rows["x"][i:i + 2], rows["value"][i:i + 2], units=kinds[i:i + 2], color=colour,
                        linestyle=(0, (2, 2)) if dashed else "-")
        if start and years[start] == years[start - 1] + 1:
            a, b = rows.iloc[start - 1], rows.iloc[start]
            why = comparability(a.to_dict(), b.to_dict())
            breaks.append((a["figure_id"], b["figure_id"], f"{b['period_label']}'s {b['value_as_printed']} is not "
                           f"joined to {a['period_label']}'s {a['value_as_printed']}: {why}."))
    for r in rows.itertuples():
        marker = SOURCE_MARKERS[bool(r.primary)][0]
        encode.point(ax, r.x, r.value, qualifier=r.qualifier, label=r.value_as_printed, colour=colour, unit=r.unit,
                     shape=marker)
        unit = "" if r.unit == rows["unit"].iloc[0] else f" {r.unit}"
        edge = bool(unit) and r.x == rows["x"].max()  # a long label at the last year ends at its marker
        text = f"{r.value_as_printed}{unit}".replace(" ", "\n", 1) if edge and narrow else f"{r.value_as_printed}{unit}"
        ax.annotate(text, (r.x, r.value), xytext=(6 if edge else 0, 8),
                    textcoords="offset points", ha="right" if edge else "center", va="bottom",
                    fontsize=style.LABEL_SIZE, color=style.TEXT)
    ax.set_ylim(0, rows["value"].max() * 1.5)
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.grid(axis="y")
    ax.locator_params(axis="y", nbins=3)
    return breaks


def part_period(row: pd.Series) -> bool:
    """Whether the figure's caveat says its period may be shorter than recorded: the one test, so the chart that
    dashes such a point and notebook 02, which states the change to or from it, mark the same figures."""
    return any(w in str(row["caveat"]).lower() for w in PART_PERIOD_WORDS)


#: The face's short form of the Met's explanation; the notes quote its words in full.
RECORDING_FACE = "The Met put the rises down to better recording, more reporting and an actual increase."


def face_note(sel: pd.DataFrame, rounded: dict[str, Any]) -> str:
    """What a reader must know on the face: which point may cover part of a year (its line is dashed), which is
    a round figure (hollow, with the range the fact-check reads it as), and how the Met explained the rises (its
    own caveat on the figures drawn). The later 2025 rise, which has no counts, is in the notes."""
    parts = []
    part = sel[[part_period(r) for _, r in sel.iterrows()]]
    for r in part.itertuples():
        parts.append(f"Dashed: {r.period_label}'s {r.unit} may cover part of the year.")
    for r in sel[sel["figure_id"].isin(list(rounded))].itertuples():
        lo, hi = rounded_range(Decimal(str(r.value)), Decimal(str(rounded[r.figure_id])))
        parts.append(f"Hollow: {r.period_label}'s {r.value_as_printed} is a round figure ({lo:,.0f}–{hi:,.0f}).")
    if recording_notes(sel):
        parts.append(RECORDING_FACE)
    return " ".join(parts)


def other_caveats(sel: pd.DataFrame) -> list[str]:
    """The rest of each drawn figure's caveat, by measure, with the years it is recorded for: what the notes do not
    already say (the recording explanation, quoted once; a part-year period, dashed on the face). The notes gave
    only those two, so the chart and its workbook sheet lost what else the record says of the figures they carry:
    that the referrals are not distinct children (the Standard's headline calls them 'nearly 4,000 children') and
    were given orally with no transcript found, that no Met release of the 2017 total was found and the same story
    also calls it 'more than 1,000 crimes'. Notebook 02's Limitations listed them; the chart a reporter takes did
    not."""
    said: dict[tuple[str, str], list[str]] = {}
    for r in sel.sort_values(["x"], kind="stable").itertuples():
        rest = [s for s in sentences_of(str(r.caveat or "")) if not any(
            w in s.lower() for w in RECORDING_WORDS + PART_PERIOD_WORDS)]
        if rest:
            said.setdefault((str(r.measure), " ".join(rest)), []).append(str(r.period_label))
    return [f"{MET_MEASURES[m]}, {style.join_words(years)}: {text}"
            for m in MET_MEASURES for (measure, text), years in said.items() if measure == m]


def _series_title(sel: pd.DataFrame, measures: list[str]) -> str:
    first, last = int(sel["x"].min()), int(sel["x"].max())
    rose = []
    for m in measures:
        rows = sel[sel["measure"] == m].sort_values("x")
        kinds = [unit_kind(r) for r in rows.to_dict("records")]
        rows = rows[[k == kinds[0] for k in kinds]]  # compare like with like only
        if len(rows) >= 2:
            rose.append(rows["value"].iloc[-1] > rows["value"].iloc[0])
    if rose and all(rose) and recording_notes(sel):
        return f"Met CSE counts rose, {first}–{last}, partly from better recording, the Met said"
    if rose and all(rose):
        return f"Every Met child sexual exploitation count rose, {first}–{last}"
    return f"The Met's published figures on child sexual exploitation, {first}–{last}"


def _series_notes(sel: pd.DataFrame, left_out: pd.DataFrame, years: list[int], rise: dict[str, str] | None
                  ) -> list[str]:
    notes = ["Circles: figures from a Met publication; diamonds: figures known only from a news report of the Met's "
             "figures. A line joins only consecutive years that both have a figure in the same unit; it is dashed "
             "where a figure may cover only part of its year."]
    flagged = {r.figure_id for r in sel.itertuples() if any(w in str(r.caveat).lower() for w in RECORDING_WORDS)}
    gaps = []
    for m in MET_MEASURES:
        have = set(sel.loc[sel["measure"] == m, "x"].astype(int))
        missing = [str(y) for y in range(min(have), max(have)) if y not in have] if have else []
        if missing:
            gaps.append(f"{MET_MEASURES[m]} for {style.join_words(missing)}")
    if gaps:
        notes.append(f"No figure in this record (blank in the data, no marker): {'; '.join(gaps)}.")
    units = sel.groupby("measure")["unit"].unique()
    for m, u in units.items():
        if len(u) > 1:
            notes.append(f"{MET_MEASURES[m]} are worded differently by their sources ({style.join_words(sorted(u))}): "
                         "one count, as each source named it.")
    if flagged:
        notes.append("The source links the rise in part to recording: " + " ".join(recording_notes(sel)))
    notes += other_caveats(sel)
    if not left_out.empty:
        notes.append("Not shown (not a London-wide annual figure): " + "; ".join(
            f"{r.value_as_printed} {r.unit} ({_when(r.period_start, r.period_end)})" for r in left_out.itertuples())
            + ".")
    if rise:
        # The figure's caveat (`detail`) usually quotes the explanation itself: the quote is given once, so a reader
        # of the note does not meet the same words twice.
        detail = str(rise.get("detail") or "")
        said = "" if rise["words"] in detail else f" His explanation: '{rise['words']}'."
        notes.append(f"{rise['period']}: a rise of {rise['value_as_printed']} in children identified as at risk was "
                     f"put to the Commissioner ({face_name(rise['publisher'])}); the counts behind it were "
                     f"{NOT_FOUND_WHERE} (nothing is drawn).{said}")
        if detail:
            notes.append(f"On the {rise['value_as_printed']} rise: {detail}")
    return notes
