"""Choosing which printed figure to draw when several documents print one: the tables' own rule
(`analysis.tables.copies.copy_rank`), so a chart never shows another copy than the table beside it."""

from __future__ import annotations

import pandas as pd

from analysis.tables.copies import copy_rank


def best(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per `by` group: the copy `choose_copy` would use."""
    if rows.empty:
        return rows
    order = sorted(range(len(rows)), key=lambda i: copy_rank(rows.iloc[i].to_dict()))
    return rows.iloc[order].drop_duplicates(by).sort_values(by, kind="stable")


def calendar_years(figures: pd.DataFrame, measure: str, geography: str = "England and Wales") -> pd.DataFrame:
    """The best figure of `measure` for each calendar year (period 1 January to 31 December), with `year`."""
    rows = figures[(figures["measure"] == measure) & (figures["geography"] == geography)
                   & figures["period_start"].str.endswith("-01-01") & figures["period_end"].str.endswith("-12-31")
                   & (figures["period_start"].str[:4] == figures["period_end"].str[:4])]
    rows = rows.assign(year=rows["period_start"].str[:4].astype(int))
    return best(rows, ["year"]).reset_index(drop=True)
