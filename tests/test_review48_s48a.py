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


def test_beaconport_point_is_labelled_with_the_day_its_record_gives(drawn_charts: DrawnCharts) -> None:
    """Operation Beaconport's 1,273 referrals are dated 4 November 2025 (the NCA briefing) in every copy, and The
    Independent's copy prints that date; GB News's copy, whose own date is approximate, was drawn, so the face said
    '(Nov)' while the data, alt text and workbook said 4 November. The dated copy is now drawn: '(4 Nov)'."""
    fig, meta = drawn_charts("historic-reviews-national")
    reviews = drawn_charts.tables["historic_reviews"]
    beaconport = reviews[reviews["measure"] == "beaconport_referrals"]
    dated = beaconport[~beaconport["as_at_approximate"].astype(bool)]
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
        "value_as_printed": ["1,273", "1,273"], "definition": ["d", "d"], "as_at_approximate": [True, False]})
    kept = national_points(rows)
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


def test_inspection_grades_data_hold_every_combined_share_the_face_and_record_give(drawn_charts: DrawnCharts,
                                                                                    tmp_path: Any) -> None:
    """Chart 1's face brackets the two lower grades with their sum ('92.6% combined' for 2017 Q3, also 2019 and
    2024), and the record holds HMICFRS's printed 'Just under 93%' for 2017; the data had neither, and the
    workbook marked 2017's combined cell [x], 'this record holds no figure for this cell, so the chart draws nothing
    here'. The hatched column now says what it holds ('only the total published', so its blank is true), and two
    text columns (text, so a Datawrapper stack does not add them) give each combined share as labelled and as
    printed."""
    from analysis.publish.workbook_sheets import chart_sheet

    fig, meta = drawn_charts("inspection-grades")
    data = meta.data
    brackets = [t for t in _texts(fig) if t.endswith("% combined")]
    assert len(brackets) >= 3
    labelled = [c for c in data.columns if c.endswith(", as labelled")]
    assert len(labelled) == 1 and set(brackets) <= set(data[labelled[0]])
    grades = drawn_charts.tables["inspection_grades"]
    printed = grades[(grades["grade"] == "requires improvement or inadequate") & grades["share_as_printed"].notna()]
    as_printed = [c for c in data.columns if c.endswith(", as printed")]
    assert len(as_printed) == 1
    for r in printed.itertuples():
        row = data[data["Inspection"].str.startswith(f"{r.label}, ")]
        assert list(row[as_printed[0]]) == [r.share_as_printed], r.label
    assert "Just under 93%" in set(data[as_printed[0]])
    path = tmp_path / "inspection-grades.csv"
    data.to_csv(path, index=False)
    sheet = chart_sheet(path)
    q3 = next(row for row in sheet.rows if str(row[0]).startswith("2017 Q3 update"))
    blanks = [h for h, v in zip(sheet.headers, q3, strict=True) if v == "[x]"]
    assert blanks and all("only the total published" in h for h in blanks), blanks
