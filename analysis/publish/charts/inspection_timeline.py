"""Chart: the inspectorate's inspection of the Met's response to child exploitation (fieldwork 2023, reported February
2024: the record's "2024 inspection") and what followed, as a timeline of what was stated when: the accelerated
causes of concern (October 2023), the report and its recommendations (February 2024) and the revisit that closed the
causes of concern (February 2025).

Time runs down a real date axis, one dot per date a document stated something; each dot carries, in words, the
counts stated that day as printed. Counts are not plotted against a value axis: "two" causes of concern in 2023 and
"three" in 2025 describe one inspection (the third was added in the full report), and a rising series of dots
would suggest things got worse. A count restated later (the 11 recommendations, in the revisit's summary) is not a
new event and is not drawn again. The grades of cases examined at each inspection are the inspection-grades chart.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.publish import encode, style
from analysis.publish.charts.common import ChartMeta, chart_meta, quoted_phrases
from analysis.publish.charts.select import best
from analysis.publish.publishers import face_name
from analysis.record.vocabulary import month_year, number_word

MEASURES = ("causes_of_concern", "recommendations")
#: What a stated count is, read from the subject the record transcribed: closed by a revisit, issued early
#: ("accelerated"), or issued/made.
KINDS = (("closed", "closed"), ("accelerated", "accelerated"))
#: Each milestone's heading, by the kinds stated that day (checked in order).
PAD_BEFORE_DAYS = 30
HEADINGS = (("closed", "The revisit"), ("accelerated", "Accelerated causes of concern"),
            ("issued", "The inspection report"))


def kind_of(subject: str) -> str:
    """What the subject says a count is (`KINDS`), by whole words: read inside other words, a subject naming
    causes of concern "issued (as disclosed in the 2025 revisit)" was a count of causes closed."""
    text = str(subject).lower()
    return next((kind for word, kind in KINDS if re.search(rf"\b{word}\b", text)), "issued")


def _stated(figures: pd.DataFrame) -> pd.DataFrame:
    """Every count stated (London causes of concern and recommendations), the best copy of each per date."""
    rows = figures[figures["measure"].isin(MEASURES) & (figures["geography"] == "London")]
    rows = rows.assign(kind=rows["subject"].map(kind_of), date=rows["period_end"])
    return best(rows, ["date", "measure", "kind", "value"]).sort_values(["date", "measure"], kind="stable")


def milestone_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per count first stated on a date, the best copy of each; a count already stated earlier with the
    same kind and value is a restatement and is dropped (`restated_rows`)."""
    rows = _stated(figures).drop_duplicates(["measure", "kind", "value"], keep="first")
    return rows.assign(when=pd.to_datetime(rows["date"])).reset_index(drop=True)


def restated_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """The counts `milestone_rows` drops: stated again, with the same kind and value, after they were first
    stated. The chart's notes name one, so a reader who meets it in a later document knows why it is not drawn."""
    rows = _stated(figures)
    return rows[rows.duplicated(["measure", "kind", "value"], keep="first")]


def _phrase(r: Any, issued_causes: float | None) -> str:
    """A stated count in words, as printed."""
    v = r.value_as_printed
    if r.measure == "recommendations":
        return f"{v} recommendations with them" if r.kind == "accelerated" else f"{v} recommendations made"
    if r.kind == "accelerated":
        return f"{v} issued before the report"
    if r.kind == "closed":
        return "all closed" if issued_causes == r.value else f"{v} closed"
    return f"{v} causes of concern from the inspection"


def milestones(rows: pd.DataFrame) -> list[tuple[pd.Timestamp, str, str]]:
    """(date, heading, what was stated) for each date, in date order."""
    out = []
    for when, g in rows.groupby("when", sort=True):
        kinds = set(g["kind"])
        heading = next(h for kind, h in HEADINGS if kind in kinds)
        issued = g.loc[(g["measure"] == "causes_of_concern") & (g["kind"] == "issued"), "value"]
        order = sorted(g.itertuples(), key=lambda r: (r.kind == "closed", r.measure))  # what was closed, last
        stated = "; ".join(_phrase(r, issued.iloc[0] if len(issued) else None) for r in order)
        out.append((pd.Timestamp(when), heading, stated[0].upper() + stated[1:] + "."))
    return out


def _closed(rows: pd.DataFrame) -> tuple[str, str] | None:
    """The causes of concern closed, in words as printed ("all three" when as many as were issued), and who
    stated it; None when no closure is in the record."""
    closed = rows[(rows["measure"] == "causes_of_concern") & (rows["kind"] == "closed")]
    if closed.empty:
        return None
    issued = rows.loc[(rows["measure"] == "causes_of_concern") & (rows["kind"] == "issued"), "value"]
    printed = closed["value_as_printed"].iloc[0]
    count = f"all {printed}" if len(issued) and issued.iloc[0] == closed["value"].iloc[0] else printed
    return count, face_name(closed["publisher"].iloc[0])


def _inspection_name(grades: pd.DataFrame, rows: pd.DataFrame) -> str:
    """The inspection as the record names it (inspections.yaml's label, which the grades chart prints): the one
    published on the day of the report drawn. Named by the first warning's year instead, the title said "the Met's
    2023 inspection" beside the grades chart's "2024 inspection", and a reporter publishing both saw two."""
    report = rows.loc[rows["kind"] == "issued", "when"]
    published = pd.to_datetime(grades["published"].astype(str), errors="coerce")
    named = grades.loc[published.isin(pd.to_datetime(report)), "label"].drop_duplicates()
    if len(named) == 1:
        return str(named.iloc[0])
    return f"{(report.min() if len(report) else rows['when'].min()).year} inspection"


def _title(rows: pd.DataFrame, inspection: str) -> str:
    closed = _closed(rows)
    if closed is None:
        return f"The Met's {inspection}: causes of concern and recommendations"
    return f"Inspectors closed {closed[0]} causes of concern from the Met's {inspection}"


#: What each kind of count counts, in a note's words.
_COUNTED = {("causes_of_concern", "accelerated"): "accelerated causes of concern",
            ("causes_of_concern", "issued"): "causes of concern", ("causes_of_concern", "closed"): "causes closed",
            ("recommendations", "accelerated"): "recommendations with them",
            ("recommendations", "issued"): "recommendations"}


def _notes(rows: pd.DataFrame, restated: pd.DataFrame, figures: pd.DataFrame) -> list[str]:
    """The notes under the chart, every count and date in them read from the record (no chart types a figure): the
    inspectorate's own words are read from every copy of its counts, not only the one drawn."""
    notes = []
    if len(restated):
        said = "; ".join(f"the {r.value_as_printed} {_COUNTED[(r.measure, r.kind)]}, again in "
                         f"{style.month_year(str(r.date))}" for r in restated.itertuples())
        notes.append(f"A count stated again later ({said}) is shown once, at the date it was first stated.")
    closed, stated = _closed(rows), figures[figures["measure"].isin(MEASURES)]
    when, own = inspectorate_words(stated, "revisited"), inspectorate_words(stated, "closed")
    review = "The revisit" + (f" ('{when}')" if when else "") + " reviewed the causes of concern"
    if closed:
        by = f"the count as stated by {closed[1]}" if closed[1] != INSPECTORATE else ""
        said = "; ".join(part for part in (f"its own words: '{own}'" if own else "", by) if part)
        review += f"; the inspectorate closed {closed[0]}" + (f" ({said})" if said else "")
    review += ". "
    return notes + [review + "The grades of cases examined at each inspection are in the inspection-grades chart.",
                    "In the data table, a blank means this record holds no count of that kind for that date."]


#: The inspectorate as the chart names it (`publishers.face_name`).
INSPECTORATE = "HMICFRS"


def inspectorate_words(rows: pd.DataFrame, word: str) -> str | None:
    """The inspectorate's own words containing `word`, as a caveat of its own document quotes them ('we have closed
    the causes of concern'); None when the record quotes none. The closure was credited to the Met's statement
    alone, though the inspectorate's revisit says it in its own foreword."""
    own = rows[rows["primary"].astype(bool) & rows["publisher"].map(face_name).eq(INSPECTORATE)]
    for caveat in own["caveat"].dropna().astype(str):
        for quoted in quoted_phrases(caveat):
            if word in quoted.lower():
                return quoted.rstrip(".")
    return None


def _undated(rows: pd.DataFrame) -> str:
    """What the timeline cannot date: the revisit counts three causes of concern issued, the record dates only the
    two accelerated ones, so a reader asks where the third came from. Said in words, counted from the record."""
    causes = rows[rows["measure"] == "causes_of_concern"]
    issued = causes.loc[causes["kind"] == "issued", "value"]
    early = causes.loc[causes["kind"] == "accelerated", "value"]
    if issued.empty or early.empty or issued.iloc[0] <= early.iloc[0]:
        return ""
    return (f"Only {number_word(int(early.iloc[0]))} of the {number_word(int(issued.iloc[0]))} causes of concern "
            "are dated in the sources read (the accelerated ones). ")


def _layout(fig: Any, events: list[tuple[pd.Timestamp, str, str]], text_in: float) -> tuple[list, float, float]:
    """Each milestone's wrapped heading and text, the plot height that keeps every block clear of the next, and
    the padding (days) before the first and after the last dot."""
    line = style.LINE_SPACING * style.LINE_BOX_EM / 72
    blocks = [(style.wrap(fig, h, style.LABEL_SIZE, text_in, weight="bold"),
               style.wrap(fig, t, style.SMALL_SIZE, text_in)) for _, h, t in events]
    heights = [len(h) * style.LABEL_SIZE * line + len(t) * style.SMALL_SIZE * line + 0.12 for h, t in blocks]
    span = (events[-1][0] - events[0][0]).days + PAD_BEFORE_DAYS
    # The last block hangs below its dot: it needs as many days after it as its height takes at the final scale,
    # which depends on that padding; three rounds settle it.
    height, pad_after = 1.2, 0.0
    for _ in range(3):
        days_per_in = (span + pad_after) / height
        pad_after = heights[-1] * days_per_in
        needs = [heights[i] * (span + pad_after) / max((events[i + 1][0] - events[i][0]).days, 1)
                 for i in range(len(events) - 1)]
        height = max([1.2, *needs])
    return blocks, height, pad_after


@style.styled
def inspection_timeline_chart(grades: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                              ) -> tuple[Any, ChartMeta]:
    """The inspection's causes of concern and recommendations, from first warning to revisit, on a date axis
    running down the page; `grades` names the inspection as the grades chart does."""
    rows = milestone_rows(figures)
    events = milestones(rows)
    probe, _ = style.new_figure(width=width)
    date_w = 0.95 if width > 5 else 0.8
    text_in = width - 2 * style.MARGIN_IN - date_w - 0.35
    blocks, plot_h, pad_after = _layout(probe, events, text_in)
    fig, ax = style.new_figure(width=width, plot_height=plot_h)
    from matplotlib.dates import date2num

    first, last = events[0][0], events[-1][0]
    ax.set_ylim(date2num(last + pd.Timedelta(days=pad_after)), date2num(first - pd.Timedelta(days=PAD_BEFORE_DAYS)))
    ax.set_xlim(0, 1)
    ax.plot([0.02, 0.02], [date2num(first), date2num(last)], color=style.MISSING_EDGE, linewidth=1.5, zorder=1)
    line = style.LINE_SPACING * style.LINE_BOX_EM / 72
    for (when, _, _), (heading, text) in zip(events, blocks, strict=True):
        y = date2num(when)
        ax.plot([0.02], [y], marker="o", markersize=9, color=style.DARK_BLUE, linestyle="none", zorder=3)
        ax.annotate("\n".join(heading), (0.02, y), xytext=(12, 6), textcoords="offset points", ha="left", va="top",
                    fontsize=style.LABEL_SIZE, fontweight="bold", color=style.TEXT, linespacing=style.LINE_SPACING)
        ax.annotate("\n".join(text), (0.02, y),
                    xytext=(12, 6 - 72 * (len(heading) * style.LABEL_SIZE * line + 0.03)),
                    textcoords="offset points", ha="left", va="top", fontsize=style.SMALL_SIZE,
                    color=style.SECONDARY_TEXT, linespacing=style.LINE_SPACING)
    for r in rows.itertuples():
        encode.marks(fig).append(encode.Mark(r.value_as_printed, r.qualifier, "text", r.unit))
    ax.set_yticks([date2num(w) for w, _, _ in events], [month_year(w, short=True) for w, _, _ in events])
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", bottom=False, labelbottom=False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(False)

    title = _title(rows, _inspection_name(grades, rows))
    subtitle = (f"HMICFRS inspection of the Metropolitan Police's response to child sexual and criminal "
                f"exploitation, London: what was stated when, {style.month_year(str(first.date()))} to "
                f"{style.month_year(str(last.date()))}")
    on_chart = ("Counts as printed, at the date each was first stated. " + _undated(rows)
                + "No statement of progress on the recommendations was found in the sources read.")
    notes = [on_chart, *_notes(rows, restated_rows(figures), figures)]
    data = pd.DataFrame({"Date": [w.date().isoformat() for w, _, _ in events],
                         "Milestone": [h for _, h, _ in events], "Stated": [t for _, _, t in events]})
    data = data.merge(_counts(rows), on="Date", how="left")
    alt = (f"Timeline chart with {len(events)} dated milestones, showing that {style.in_sentence(title)}. "
           + " ".join(f"{month_year(w)}, {h.lower()}: {t}" for w, h, t in events) + " " + _undated(rows)).strip()
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, rows["figure_id"]))
    return fig, chart_meta("inspection-timeline", "Timeline", frame, data)


def _counts(rows: pd.DataFrame) -> pd.DataFrame:
    """The Datawrapper table's numeric columns: one per kind of count, blank where none was stated that day."""
    names = {("causes_of_concern", "accelerated"): "Accelerated causes of concern (number)",
             ("causes_of_concern", "issued"): "Causes of concern (number)",
             ("causes_of_concern", "closed"): "Causes of concern closed (number)",
             ("recommendations", "accelerated"): "Recommendations with the accelerated causes (number)",
             ("recommendations", "issued"): "Recommendations (number)"}
    wide = rows.assign(column=[names[(m, k)] for m, k in zip(rows["measure"], rows["kind"], strict=True)])
    out = wide.pivot_table(index="date", columns="column", values="value", aggfunc="first")
    return out.reindex(columns=[c for c in names.values() if c in out.columns]).reset_index().rename(
        columns={"date": "Date"})
