"""Chart: London's share of the population, as number cards: of the UK (the base news copy uses, "13 per cent of
the UK's population") and of England and Wales (the area every national CSE count in the other charts covers).

A share of population is one number per year that barely moves, so it is a card, not a plot. Each share is
London's mid-year estimate divided by the whole's for the same year and the same vintage (a first estimate is not
divided by a later revision), computed from the figures as printed, and shown only to the decimals at which every
value the printed estimates could stand for gives the same share (`computed_share`). The printed "13 per
cent" is shown as printed with the fact-check's own verdict, so the card and the fact-check page say the same
thing.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.factcheck.numbers import round_half_away
from analysis.publish import style
from analysis.publish.charts.cards import Card, draw_cards
from analysis.publish.charts.common import ChartMeta, blank_by_nature, chart_meta
from analysis.publish.charts.select import best
from analysis.publish.computed_percent import computed_share
from analysis.publish.publishers import face_name
from analysis.publish.verdicts import NO_CLAIM, unchecked, verdicts
from analysis.publish.workbook_columns import QUALIFIER_SUFFIX
from analysis.record.vocabulary import join_list, split_list

WHOLES = ("United Kingdom", "England and Wales")
SHARE_COLUMN = "London's share (%)"
#: The share as the cards and title print it: to the decimals its printed inputs support (`computed_share`).
SHOWN_COLUMN = "Share as shown"
#: The share's lowest and highest across the estimates' rounding, as text ("13.10% to 13.12%"): as two number
#: columns, a spreadsheet showed both at the decimals of the share beside them, "13.1" and "13.1".
RANGE_COLUMN = "Across the estimates' rounding"
PRINTED_COLUMN = "As printed"


def _estimate(population: pd.DataFrame, figures: pd.DataFrame, geography: str, year: int, vintage: str
              ) -> dict[str, Any] | None:
    """The whole's estimate for `year` in the `vintage` London's is in: the table's row, or, when the table holds
    a revision, the first estimate it revises (the best copy of it)."""
    rows = population[(population["measure"] == "population") & (population["geography"] == geography)
                      & (population["year"] == year)]
    if rows.empty:
        return None
    row = rows.iloc[0]
    if row["vintage"] == vintage:
        return {"value": row["value"], "value_as_printed": row["value_as_printed"], "figure_id": row["figure_id"]}
    earlier = figures[figures["figure_id"].isin(split_list(row["revises"]))]
    if earlier.empty:
        return None
    first = best(earlier, ["period_end"]).iloc[0]
    return {"value": first["value"], "value_as_printed": first["value_as_printed"], "figure_id": first["figure_id"]}


def london_share_table(population: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """London's share of each whole for the latest year with London's estimate and the whole's in the same
    vintage: one row per whole, with both estimates as printed, the share and its range across their rounding
    (2 dp), and the share as shown."""
    london = population[(population["measure"] == "population") & (population["geography"] == "London")]
    out = []
    for whole in WHOLES:
        for r in london.sort_values("year", ascending=False).itertuples():
            est = _estimate(population, figures, whole, int(r.year), r.vintage)
            share = est and computed_share(r.value_as_printed, est["value_as_printed"])
            if est and share:
                out.append({"Share of": whole, "Year": int(r.year), "London (number)": r.value,
                            "London as printed": r.value_as_printed, "Whole (number)": est["value"],
                            "Whole as printed": est["value_as_printed"],
                            SHARE_COLUMN: float(round_half_away(share.value, 2)),  # as fmt_percent rounds
                            # at the printed values; "about" where the estimates' rounding leaves a range
                            SHARE_COLUMN + QUALIFIER_SUFFIX: "about" if share.span else "",
                            RANGE_COLUMN: share.span,
                            SHOWN_COLUMN: share.shown, "figure_ids": join_list([r.figure_id, est["figure_id"]])})
                break
    return pd.DataFrame(out)


#: The first mid-year estimate based on Census 2021. The GLA's pages say it is a break in the series ("Comparison
#: to the 2020 MYE is not possible", gla-londons-population-mye-2021) and that ONS then revised mid-2012 to mid-2020
#: (late 2023, gla-londons-population-mye-2022). An estimate for an earlier year, held as first published, is of
#: the series ONS later replaced.
CENSUS_2021_BASED_FROM = 2021


def census_break_note(population: pd.DataFrame, years: Any) -> str | None:
    """A sentence for a list of London-of-UK shares that straddles the Census 2021 break, or None.

    A share for a year before CENSUS_2021_BASED_FROM whose London and UK estimates are both held as first published
    divides estimates of the pre-Census series; shown beside a Census-based share (13.4% for mid-2020 beside 13.1%
    for mid-2021), the step reads as a fall in London's share, when part of it is the revision."""
    people = population[population["measure"] == "population"]
    first = people[people["vintage"] == "first published"].groupby("year")["geography"].apply(set)
    years = [int(y) for y in years]
    before = [y for y in years if y < CENSUS_2021_BASED_FROM and {"London", "United Kingdom"} <= first.get(y, set())]
    after = [y for y in years if y >= CENSUS_2021_BASED_FROM]
    if not (before and after):
        return None
    return (f"The shares up to mid-{max(before)} divide estimates as first published, before ONS revised its "
            f"mid-2012 to mid-2020 series to match Census 2021 (late 2023); from mid-{min(after)} the estimates are "
            f"Census 2021-based. The step from {max(before)} to {min(after)} is partly that revision, not a change "
            "in London's share alone.")


#: What a printed share's year is called when the source printed none.
NO_YEAR = "no year given"


def printed_year(row: Any) -> str:
    """The year a printed share is for, or `NO_YEAR`: a share printed with no year ("home to 13 per cent of the UK's
    population") is dated in the record by the day it was published, so a period that is that day is none."""
    return NO_YEAR if str(row["period_end"]) == str(row["published"]) else str(row["period_end"])[:4]


def _printed_card(printed: pd.DataFrame, claims: pd.DataFrame) -> tuple[Card, pd.Series] | None:
    """The latest share as printed in the news, with the fact-check's verdict on it."""
    if printed.empty:
        return None
    row = printed.sort_values("period_end").iloc[-1]
    judged = verdicts(claims, pd.Series([row["figure_id"]]))["verdict"].iloc[0]
    verdict = "" if judged == NO_CLAIM else f" Fact-check verdict: ‘{judged}’."
    year = printed_year(row)
    detail = (f"{face_name(row['publisher'])}, {style.month_year(row['published'])}, "
              f"{year if year == NO_YEAR else 'for ' + year}.{verdict}")
    return Card(row["value_as_printed"], "As printed: London's share of the UK's population", detail,
                colour=style.DARK_GREY, qualifier=row["qualifier"], unit="percent"), row


def _dated_shares(shares: pd.DataFrame, uk: str, ew: str, joined: str = ", ") -> str:
    """"13.1% of the UK's population, 14.7% of England and Wales', 2023": each share with its year, said once when
    both are for the same year. Each share takes the latest year with both estimates, which need not be the same
    year for the UK as for England and Wales: one year for both would misdate one of them."""
    by = shares.set_index("Share of")
    share = {whole: (by.loc[whole, SHOWN_COLUMN], int(by.loc[whole, "Year"]))
             for whole in ("United Kingdom", "England and Wales")}
    (uk_share, uk_year), (ew_share, ew_year) = share["United Kingdom"], share["England and Wales"]
    if uk_year == ew_year:
        year = f", {uk_year}" if joined == ", " else f" in {uk_year}"
        return f"{uk_share} of the {uk}{joined}{ew_share} of {ew}{year}"
    return f"{uk_share} of the {uk} ({uk_year}){joined}{ew_share} of {ew} ({ew_year})"


@style.styled
def london_population_share_chart(population: pd.DataFrame, figures: pd.DataFrame,
                                  claims: pd.DataFrame, gaps: pd.DataFrame, *, width: float = style.WEB_WIDTH
                                  ) -> tuple[Any, ChartMeta]:
    """Cards: London's share of the UK and of England and Wales (computed), and the share as printed, with the
    fact-check's verdict on it and, where it could not judge it, what it lacks (the gaps its claim names)."""
    shares = london_share_table(population, figures)
    cards = [Card(r[SHOWN_COLUMN], f"London's share of the {_whole_name(r['Share of'])} population, "
                  f"mid-{r['Year']}",
                  f"{r['London as printed']} of {r['Whole as printed']}: ONS mid-year estimates, computed.",
                  colour=style.DARK_BLUE, unit="percent") for _, r in shares.iterrows()]
    printed = figures[(figures["measure"] == "share_of_uk_population") & (figures["geography"] == "London")]
    shown = _printed_card(printed, claims)
    if shown:
        cards.append(shown[0])
    fig, ax = style.new_figure(width=width, plot_height=1.0)
    draw_cards(fig, ax, cards, width)
    by = shares.set_index("Share of")[SHOWN_COLUMN] if len(shares) else pd.Series(dtype=str)
    both = {"United Kingdom", "England and Wales"} <= set(by.index)
    if both:
        title = "London: " + _dated_shares(shares, "UK's population", "England and Wales'")
    else:
        title = "London's share of the population, as published"
    subtitle = ("London's mid-year population as a share of the UK's and of England and Wales' (the area of the "
                "national counts in other charts), same year and estimate")
    on_chart = "A yardstick for London's part of a national count, not a finding about child sexual exploitation."
    missing = unchecked(shown[1]["figure_id"], claims, gaps) if shown else None
    not_judged = (f"The fact-check does not judge ‘{shown[1]['value_as_printed']}’ by these shares: the estimate it "
                  f"needs {missing.lacks}." if shown and missing else "")
    on_chart = f"{on_chart} {not_judged}".strip()
    notes = [on_chart, *([missing.gaps] if missing else []),
             "Each share divides London's estimate by the whole's for the same year and the same "
             "vintage (first estimates with first estimates), as printed; a share is shown to one decimal place only "
             "where every value the rounded estimates could stand for gives the same, and the data give it to two "
             "decimals with its range across that rounding.",
             "In the data, the as-printed row is blank for its year and populations: none was printed with "
             "the share."]
    # The caveat of the printed share the chart shows, not of every share printed (an older one is not shown).
    notes += [f"{r['value_as_printed']} ({face_name(r['publisher'])}, {style.month_year(r['published'])}): "
              f"{r['caveat']}" for r in ([shown[1]] if shown else []) if isinstance(r["caveat"], str) and r["caveat"]]
    data = shares.drop(columns="figure_ids")
    if shown:
        row = shown[1]
        data = pd.concat([data, pd.DataFrame([{"Share of": "United Kingdom (as printed)",
                                               "Year": None if printed_year(row) == NO_YEAR else int(printed_year(row)),
                                               SHARE_COLUMN: row["value"],
                                               SHOWN_COLUMN: row["value_as_printed"],
                                               PRINTED_COLUMN: row["value_as_printed"]}])], ignore_index=True)
        data["Year"] = data["Year"].astype("Int64")  # the story printed no year: its row has none
    ids = [i for v in shares["figure_ids"] for i in split_list(v)] + ([shown[1]["figure_id"]] if shown else [])
    finding = ("London was " + _dated_shares(shares, "UK's population", "England and Wales'", joined=" and ")
               if both else "London's share is as printed")
    # The printed share's card says who printed it, when, for what year and the fact-check's verdict; the alt text
    # gave only "13 per cent", so a screen-reader user heard the story's figure as one more share, unattributed and
    # unjudged, beside two the chart computes.
    alt = (f"Number card chart with {len(cards)} figures, showing that {finding}. "
           + "; ".join(f"{c.heading}: {c.number}" for c in cards) + "."
           + (f" {shown[0].number}: {shown[0].detail}" if shown else "")
           + (f" {not_judged}" if not_judged else ""))
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, ids))
    # A computed share was never printed, and a printed one has no estimates to round across.
    computed = [i < len(shares) for i in range(len(data))]
    blank = (blank_by_nature(data, computed, [PRINTED_COLUMN])
             + blank_by_nature(data, [not c for c in computed], [RANGE_COLUMN]))
    return fig, chart_meta("london-population-share", "Number cards", frame, data, not_applicable=blank)


def _whole_name(whole: str) -> str:
    return "UK" if whole == "United Kingdom" else whole
