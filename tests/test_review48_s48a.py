"""Stop 48 standards review (s48a): the charts and what travels with them say no more, and no less, than the record.

Each test fails without its fix. Charts are drawn from the committed processed tables (`drawn_charts`); expected
values are read from the tables and the record, not from the chart code.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import audit
from analysis.publish.charts.historic_national import national_points
from tests.drawn import DrawnCharts


def _texts(fig: Any) -> list[str]:
    return [t.get_text() for t in audit.visible_texts(fig)]


def _undated(drawn_charts: DrawnCharts) -> set[str]:
    sources = drawn_charts.tables["sources"]
    return set(sources.loc[sources["date_approximate"].astype(bool), "id"])


def test_beaconport_point_is_labelled_with_the_day_its_record_gives(drawn_charts: DrawnCharts) -> None:
    """Operation Beaconport's 1,273 referrals are dated 4 November 2025 (the NCA briefing) in every copy, and The
    Independent's copy prints that date; GB News's copy, whose own date is approximate, was drawn, so the face said
    '(Nov)' while the data, alt text and workbook said 4 November. The dated copy is now drawn: '(4 Nov)'."""
    fig, meta = drawn_charts("historic-reviews-national")
    reviews = drawn_charts.tables["historic_reviews"]
    beaconport = reviews[reviews["measure"] == "beaconport_referrals"]
    dated = beaconport[~beaconport["source_id"].isin(_undated(drawn_charts))]
    assert len(dated), "the record holds a copy of the Beaconport count whose date is printed"
    day = pd.Timestamp(dated["as_at"].iloc[0])
    assert f"1,273 ({day.day} {day:%b})" in _texts(fig)
    assert f"1,273 ({day:%b})" not in _texts(fig)


def test_a_date_no_source_printed_is_not_given_a_day_in_the_data_or_alt_text(drawn_charts: DrawnCharts) -> None:
    """MyLondon's undated story ('more than 1,200', period set to its publication month) is labelled '(Oct)' on
    the face, but the alt text said '1 October 2025' and the workbook showed 1 Oct 2025: a day no one printed. The
    data now carry the date as known ('October 2025') beside the axis date, and the alt text uses it."""
    _, meta = drawn_charts("historic-reviews-national")
    data = meta.data
    assert "Date as known" in data.columns
    row = data[data["Date"] == "2025-10-01"]
    assert list(row["Date as known"]) == ["October 2025"]
    assert "1 October 2025" not in meta.alt_text and "October 2025: more than 1,200" in meta.alt_text
    assert "9 December 2025: more than 1,200" in meta.alt_text, "a printed date keeps its day"


def test_national_points_prefer_a_dated_copy_of_the_same_count() -> None:
    """Two copies print the same count for the same day; the one whose date is printed is kept, whatever the ids'
    alphabetical order."""
    rows = pd.DataFrame({
        "scope": ["national", "national"], "measure": ["beaconport_referrals"] * 2, "as_at": ["2025-11-04"] * 2,
        "value": [1273.0, 1273.0], "qualifier": ["exact", "exact"], "primary": [False, False],
        "figure_id": ["a-undated/x", "b-dated/x"], "source_id": ["a-undated", "b-dated"],
        "value_as_printed": ["1,273", "1,273"], "definition": ["d", "d"]})
    kept = national_points(rows, {"a-undated"})
    assert list(kept["source_id"]) == ["b-dated"]


def test_met_series_data_say_which_figures_come_from_a_news_report(drawn_charts: DrawnCharts) -> None:
    """The chart tells a Met publication from a news report by its markers (circles, diamonds); the CSV and the
    workbook's Chart 2 sheet have no markers, and since the key left the sheet's subtitle (stop 47) nothing there
    said that 2014–2015's referrals and 2017's 1,200 are known only from the Evening Standard. Each measure now has
    a 'published in' column, read from the record's `primary` flag."""
    from analysis.publish.charts import MET_MEASURES

    _, meta = drawn_charts("met-cse-series")
    series = drawn_charts.tables["met_cse_series"]
    data = meta.data.assign(Year=meta.data["Year"].astype(str))
    checked = 0
    for measure, name in MET_MEASURES.items():
        column = f"{name} published in"
        assert column in data.columns, column
        for r in series[(series["measure"] == measure) & series["period_label"].isin(data["Year"])].itertuples():
            row = data[data["Year"] == r.period_label].iloc[0]
            if pd.isna(row[name]):
                continue
            expected = "a Met publication" if bool(r.primary) else "a news report of the Met's figures"
            assert row[column] == expected, (r.period_label, name)
            checked += 1
    assert checked >= 7, "every figure drawn (seven) says who published it"
    news = data[data["Crimes connected with CSE published in"] == "a news report of the Met's figures"]
    assert list(news["Year"]) == ["2017"]
