"""Issue 24, round 24 (the lead's own): a day-month-year date written with hyphens or full stops."""

from __future__ import annotations

import pytest

from tests.scanned import read


@pytest.mark.parametrize("date", ["12-03-2019", "12.03.2019", "1-3-2019", "12/03/2019"])
def test_a_day_month_year_date_gives_no_figure(date: str) -> None:
    """A UK date written "12-03-2019" was read as the count 12 (matched to a record definition as "consistent"),
    with its "03" listed as a number no form reads; "12/03/2019" was already read as a date."""
    figures, not_read = read(f"The report dated {date} said 1,200 children were at risk.")
    assert figures == [("1,200", 1200.0, "count", "exact")]
    assert not_read == []


@pytest.mark.parametrize(("text", "values"), [
    ("Referrals rose from 12-15 a week to 20-25.", []),  # ranges, not dates: left out as ranges, as before
    ("In 2019-2020, 1,200 cases.", [1200.0]),
    ("Cases fell 12.5% in 2019.", [12.5]),
])
def test_ranges_periods_and_decimals_are_not_dates(text: str, values: list[float]) -> None:
    figures, _ = read(text)
    assert [f[1] for f in figures] == values
