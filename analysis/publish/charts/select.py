"""Choosing which printed figure to draw when several documents print one: the publisher's own document first,
then an exact figure over a qualified one, then the figure id (so the choice never depends on file order)."""

from __future__ import annotations

import pandas as pd


def best(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per `by` group: primary first, then exact, then figure id."""
    if rows.empty:
        return rows
    ranked = rows.assign(_exact=rows["qualifier"] == "exact", _primary=rows["primary"].astype(bool))
    ranked = ranked.sort_values(["_primary", "_exact", "figure_id"], ascending=[False, False, True], kind="stable")
    return ranked.drop_duplicates(by).drop(columns=["_exact", "_primary"]).sort_values(by, kind="stable")


def calendar_years(figures: pd.DataFrame, measure: str, geography: str = "England and Wales") -> pd.DataFrame:
    """The best figure of `measure` for each calendar year (period 1 January to 31 December), with `year`."""
    rows = figures[(figures["measure"] == measure) & (figures["geography"] == geography)
                   & figures["period_start"].str.endswith("-01-01") & figures["period_end"].str.endswith("-12-31")
                   & (figures["period_start"].str[:4] == figures["period_end"].str[:4])]
    rows = rows.assign(year=rows["period_start"].str[:4].astype(int))
    return best(rows, ["year"]).reset_index(drop=True)
