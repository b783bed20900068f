"""Chart: child sexual abuse and exploitation recorded by police in England and Wales, one card per year, each with
its group-based part.

The years' totals are one series (`tables.comparability`: one definition, police-recorded CSAE offences, worded
"crimes", "offences" or "cases" by different sources), the rule the fact-check uses when it confirms the
producer's "6% increase" in 2024, so the chart says so rather than calling them incomparable. Cards keep each
year's printed wording and caveat beside its number. A year where only the group-based share was printed (no count)
shows the share as printed: no count is derived.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.cards import Card, draw_cards
from analysis.publish.charts.common import ChartMeta, chart_meta
from analysis.publish.charts.select import calendar_years
from analysis.publish.publishers import face_name
from analysis.record.vocabulary import round_step
from analysis.tables.comparability import comparability
from analysis.tables.copies import loosest_printing

TOTAL, PART = "All recorded (unit as printed)", "Group-based"


# The sources' caveat on every group-based figure, stated once for the chart and notebook 06.
GROUP_BASED_NOT_GROOMING_GANGS = "'Group-based' is not the same as 'grooming gangs' (NPCC)."

def offence_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Per calendar year: the recorded total (as printed, with its unit, as loosely as any copy printed it), the
    group-based count and the share as printed."""
    total = calendar_years(figures, "csae_offences_recorded")
    group = calendar_years(figures, "group_based_csae_offences_recorded").set_index("year")
    share = calendar_years(figures, "share_csae_group_based").set_index("year")
    out = pd.DataFrame({
        "year": total["year"].astype(str), "total": total["value"], "total_printed": total["value_as_printed"],
        "unit": total["unit"], "qualifier": total["qualifier"], "group": total["year"].map(group["value"]),
        "share_printed": total["year"].map(share["value_as_printed"]), "share_value": total["year"].map(share["value"]),
        "total_id": total["figure_id"], "group_id": total["year"].map(group["figure_id"]),
        "share_id": total["year"].map(share["figure_id"]), "group_unit": total["year"].map(group["unit"])})
    # A share is shown only as its source printed it. None is computed: the record does not show that a year's
    # total and group-based count cover the same forces (`why_no_share`), so a share made by dividing one count by
    # another could compare unlike areas. The share
    # column is the printed share's value, so a year whose share was printed without a count (2022's 5%) has it in
    # the data too.
    out["share_pct"] = out["share_value"]
    # A total is shown as loosely as any copy printed it ("around 107,000"; the record's one rule).
    records = figures.to_dict("records")
    by_id = {r["figure_id"]: r for r in records}
    shown = [loosest_printing(by_id[i], records) for i in out["total_id"]]
    out["total_printed"] = [s["value_as_printed"] for s in shown]
    out["qualifier"] = [s["qualifier"] for s in shown]
    out["unit"] = [s["unit"] for s in shown]
    out["words_from"] = [s["figure_id"] for s in shown]
    return out


def coverage(figures: pd.DataFrame) -> str:
    """How many forces provided data in each calendar year, as printed (" (42 in 2022, 44 in 2023)"), or "" when
    the record holds none. Read from the record: the note typed "44 in 2024", a year for which no analysis in the
    record states its forces (the 44 are 2023's)."""
    said = _forces_said(figures)
    return f" ({', '.join(f'{n} in {year}' for year, n in sorted(said.items()))})" if said else ""


def _forces_said(figures: pd.DataFrame) -> dict[str, str]:
    """Year → the number of forces an analysis of that year says it drew on, as printed."""
    rows = calendar_years(figures, "forces_providing_data")
    return dict(zip(rows["year"].astype(str), rows["value_as_printed"], strict=True))


def why_no_share(table: pd.DataFrame, figures: pd.DataFrame) -> str:
    """Why no group-based share is computed, from the record. The note said "the group-based analyses cover
    differing sets of forces (42 in 2022, 44 in 2023) that the totals do not state", but those forces are the ones
    the totals' own analyses state (the chart's 2022 and 2023 caveats print "from 42 forces", "from 44 forces"),
    2022 has no group-based count, and 2023's group-based analysis also states 44: the sentence contradicted the
    cards beneath it. What the record does not show is that a year's two counts cover the same forces (no analysis
    in it states 2024's). The words "cases" and "offences" are no reason: the chart reads them as one police-recorded
    count (the subtitle's "one series", and the fact-check's 6% rise from 115,489 offences to 122,768 cases), so
    giving them as a reason here contradicted both."""
    said = _forces_said(figures)
    unsaid = [y for y in table["year"] if y not in said]
    stated = [", ".join(f"{n} in {year}" for year, n in sorted(said.items()))]
    stated += [f"none for {style.join_words(unsaid)}"] if unsaid else []
    forces = f" (forces stated: {'; '.join(stated)})" if said else ""
    return ("Group-based shares are shown as their sources printed them; none is computed, because this record "
            f"does not show that a year's total and its group-based count cover the same forces{forces}.")


#: Column headings of the chart's CSV.
CSV_COLUMNS = {"year": "Year", "total": "Recorded", "group": "Group-based", "share_pct": "Group-based share (%)",
               "total_printed": "Recorded as printed", "unit": "Unit as printed",
               "share_printed": "Group-based share as printed"}


def _group_text(r: Any, units: dict[str, str]) -> str:
    """The year's group-based part in words: the count with its unit and its share as printed (none is computed:
    see `offence_table`), or the share alone."""
    if pd.notna(r.group) and not isinstance(r.share_printed, str):
        return (f"Group-based: {r.group:,.0f} {units.get(r.group_id, 'offences')}; no share printed, and none "
                "computed.")
    if pd.notna(r.group):
        return f"Group-based: {r.group:,.0f} {units.get(r.group_id, 'offences')} ({r.share_printed}, as printed)."
    if isinstance(r.share_printed, str):
        return f"Group-based: {r.share_printed} of the total, as printed; no count printed with it."
    return "Group-based: no figure."


def _title(table: pd.DataFrame, first: str, last: str) -> str:
    """The group-based shares of the years that print one, as printed (none is computed)."""
    shown = [(r.year, float(r.share_value)) for r in table.itertuples() if isinstance(r.share_printed, str)]
    if not shown:
        return f"Child sexual abuse and exploitation recorded by police, {first}–{last}"
    span = shown[0][0] if len(shown) == 1 else f"{shown[0][0]}–{shown[-1][0]}"
    # The largest printed share bounds them all: no change between years is implied (coverage differs). "About":
    # a share printed "5%" is rounded and may stand for up to 5.49%, so a plain "5% or less" would say more.
    return f"Group-based offences: about {max(v for _, v in shown):g}% or less of recorded child sexual abuse, {span}"


def finer_printings(table: pd.DataFrame, figures: pd.DataFrame) -> list[str]:
    """A note for each year whose total a copy prints more exactly than the card shows it: the card showed 2022's
    "around 107,000" while The Conversation's 106,984 (citing the VKPP) was in the record, and a fact-checker
    working out the rise to 2023 needs it."""
    by_id = figures.drop_duplicates("figure_id").set_index("figure_id")
    rows = figures[figures["measure"] == "csae_offences_recorded"]
    out = []
    for r in table.itertuples():
        shown = by_id.loc[r.total_id]
        same_year = rows[(rows["period_start"] == shown["period_start"]) & (rows["period_end"] == shown["period_end"])
                         & (rows["geography"] == shown["geography"]) & (rows["qualifier"] == "exact")]
        for f in same_year.itertuples():
            if f.value != r.total and round_step(f.value, 1.0) < round_step(r.total, 1.0):
                cites = f.attributed_to if isinstance(f.attributed_to, str) and f.attributed_to else ""
                out.append(f"{r.year}: {face_name(f.publisher)} prints the count exactly, '{f.value_as_printed} "
                           f"{f.unit}'" + (f", citing {face_name(cites)}" if cites else "") + "; the card shows it "
                           "as the release rounded it.")
    return out


@style.styled
def national_offences_chart(figures: pd.DataFrame, *, width: float = style.WEB_WIDTH) -> tuple[Any, ChartMeta]:
    """One card per year: the recorded total as printed with its unit, the group-based part beneath it."""
    table = offence_table(figures)
    by_id = figures.drop_duplicates("figure_id").set_index("figure_id")
    units = by_id["unit"].to_dict()
    cards = []
    for r in table.itertuples():
        total = by_id.loc[r.total_id]
        who = face_name(total["publisher"])
        cites = total.get("attributed_to")
        cited = f", citing {face_name(cites)}" if isinstance(cites, str) and cites else ""
        said = "" if bool(total["primary"]) else f" From {who}{cited}; the report itself is not in the record."
        if r.words_from != r.total_id:
            said += (f" Worded as {face_name(by_id.loc[r.words_from, 'publisher'])} reported it; {who} printed "
                     f"'{total['value_as_printed']} {total['unit']}'.")
        cards.append(Card(number=f"{r.total_printed} {r.unit}",
                          heading=f"{r.year}: all {r.unit} recorded by police",
                          detail=_group_text(r, units) + said, colour=style.DARK_BLUE, qualifier=r.qualifier,
                          unit=r.unit))
    fig, ax = style.new_figure(width=width, plot_height=1.0)
    draw_cards(fig, ax, cards, width)
    first, last = table["year"].iloc[0], table["year"].iloc[-1]
    title = _title(table, first, last)
    one_series = all(comparability(by_id.loc[a].to_dict() | {"figure_id": a}, by_id.loc[b].to_dict())
                     is None for a, b in zip(table["total_id"], table["total_id"][1:], strict=False))
    worded = style.join_words(list(dict.fromkeys(table["unit"])))
    subtitle = (f"England and Wales, {first}–{last}: child sexual abuse and exploitation recorded by police, one "
                f"series (sources word it {worded})" if one_series else
                f"England and Wales, {first}–{last}, each year as its source counted it ({worded}): not one series, "
                "so the years are not compared")
    # A total read in a copy says so on its own card, with whom the copy cites ("From an unnamed news outlet,
    # citing NPCC"): once, where the figure is.
    on_chart = f"Recorded, not prevalence. {GROUP_BASED_NOT_GROOMING_GANGS} Shares as printed; none computed."
    notes = [on_chart,
             "Police-recorded figures from the NPCC's Vulnerability Knowledge and Practice Programme (VKPP) and "
             "Hydrant analyses, not prevalence: most abuse is never reported. Each year's total is shown as "
             f"printed with the word its source used ({worded}) for the same police-recorded count. A year with "
             "only a printed group-based share has no count: none was printed with it, and none is derived from "
             "the share.",
             why_no_share(table, figures),
             "The NPCC: 'group-based' ranges from unorganised peer-group sharing of imagery to organised complex "
             "cases; it is not the same as 'grooming gangs'."]
    notes += [f"{r.year}: {by_id.loc[r.total_id, 'caveat']}" for r in table.itertuples()
              if isinstance(by_id.loc[r.total_id, "caveat"], str)]
    notes += finer_printings(table, figures)
    ids = [i for c in ("total_id", "words_from", "group_id", "share_id") for i in table[c].dropna()]
    data = table[list(CSV_COLUMNS)].rename(columns=CSV_COLUMNS)
    # Each year as its card reads, group-based part included: the alt text gave the counts but not the shares
    # printed ("5%", "3.7 per cent"), the only figures the title's "about 5% or less" rests on, so a screen-reader
    # user heard the finding with nothing that bears it out.
    alt = (f"Number card chart of child sexual abuse and exploitation recorded by police in England and Wales by "
           f"year, showing that {style.in_sentence(title)}. "
           + " ".join(f"{r.year}: {r.total_printed} {r.unit}. {_group_text(r, units)}" for r in table.itertuples()))
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, ids))
    refused = [] if one_series else [(a, b, "not one series") for a, b in
                                     zip(table["total_id"], table["total_id"][1:], strict=False)]
    return fig, chart_meta("national-csae-offences", "Number cards", frame, data, not_compared=refused)
