"""Stop 51 (s51b): a mutation round on charts/inspection_grades. Each test kills mutants that survived the chart
tests.

Expected values are worked out by hand from the rule the module states (its docstrings, the chart rules in the
README and DEVELOPERS guide) and from the committed data/processed/inspection_grades.csv, whose rows are quoted in
each test's docstring; never copied from the code's output.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.publish import charts
from analysis.tables.load import load_table
from tests.drawn import DrawnCharts


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    paths = Paths(PROJECT_ROOT)
    return {t: load_table(t, paths) for t in ("figures", "inspection_grades")}


#: By hand from inspection_grades.csv: each inspection's label, published month and cases examined (as printed),
#: and each drawn share, counts over cases examined to one decimal: 2016 278/374 = 74.3% (combined only); 2017 Q3
#: 10/135 = 7.4%, 64/135 = 47.4%, 61/135 = 45.2%; 2018 Q4 191/214 = 89.3% (combined only); 2019 93/303 = 30.7%,
#: 127/303 = 41.9%, 83/303 = 27.4%; 2024 43/244 = 17.6%, 80/244 = 32.8%, 121/244 = 49.6%.
LABELS = ["2016 inspection, November 2016: 374 cases", "2017 Q3 update, November 2017: 135 cases",
          "2018 Q4 update, February 2018: 214 cases", "2019 review, March 2019: 303 cases",
          "2024 inspection, February 2024: 244 child exploitation cases"]
#: By hand from data/raw/figures: the cases_examined subjects of 2016–2019 say "child protection cases", the 2024
#: one (Tortoise) "child exploitation cases"; the bar of the kind most inspections did not examine names it.
KINDS = "child protection cases 2016–2019, child exploitation cases 2024"
SHARES = [["requires improvement or inadequate 74.3%"],
          ["good 7.4%", "requires improvement 47.4%", "inadequate 45.2%"],
          ["requires improvement or inadequate 89.3%"],
          ["good 30.7%", "requires improvement 41.9%", "inadequate 27.4%"],
          ["good 17.6%", "requires improvement 32.8%", "inadequate 49.6%"]]


def test_the_grades_data_name_each_inspection_with_its_month_and_cases(drawn_charts: DrawnCharts) -> None:
    """The data (like the web chart) date each inspection: its label, the month it was published, its cases."""
    _, meta = drawn_charts("inspection-grades")
    assert list(meta.data["Inspection"]) == LABELS


def test_the_grades_alt_text_gives_each_inspection_only_its_own_shares(drawn_charts: DrawnCharts) -> None:
    """The alt text lists, for each of the 5 inspections in date order, the grades drawn for it and no other's."""
    _, meta = drawn_charts("inspection-grades")
    parts = "; ".join(f"{label}: " + ", ".join(shares) for label, shares in zip(LABELS, SHARES, strict=True))
    assert meta.alt_text.startswith(f"Stacked bar chart of the share of Metropolitan Police cases ({KINDS}) "
                               "examined at each of 5 inspections by grade, showing that most cases examined "
                               "required improvement or were inadequate at every inspection, 2016–2024. ")
    assert meta.alt_text.endswith(". " + parts + ".")


def _without_2019_inadequate_count(grades: pd.DataFrame, printed: str = "27%", share: float = 27.0) -> pd.DataFrame:
    """inspection_grades.csv with the 2019 review's inadequate count (83 of 303) taken out and only a printed
    share left for it."""
    grades = grades.copy()
    row = (grades["inspection_id"] == "hmicfrs-2019-pir") & (grades["grade"] == "inadequate")
    grades.loc[row, ["count", "share_computed"]] = float("nan")
    grades.loc[row, "share_published"] = share
    grades.loc[row, "share_as_printed"] = printed
    return grades


def test_a_bracket_sums_shares_when_one_grade_has_no_count(tables: dict) -> None:
    """'From counts where published': with the 2019 inadequate count gone, the bracket cannot add counts (127 + a
    blank), so it adds the shares: 127/303 = 41.914% + the printed 27% = 68.9%, not 127/303 alone."""
    from analysis.publish.charts.inspection_grades import bracket_shares, select_inspection_grades

    sel = select_inspection_grades(_without_2019_inadequate_count(tables["inspection_grades"]))
    assert bracket_shares(sel)["hmicfrs-2019-pir"] == pytest.approx(100 * 127 / 303 + 27)


def test_the_grades_data_give_each_bracket_and_each_printed_combined_share(drawn_charts: DrawnCharts) -> None:
    """By hand: the two lower grades together, from counts: 2016 278/374 = 74.3%, 2017 Q3 (64 + 61)/135 = 92.6%,
    2018 Q4 191/214 = 89.3%, 2019 (127 + 83)/303 = 69.3%, 2024 (80 + 121)/244 = 82.4%. The combined share as
    printed: 'three quarters' (2016), 'Just under 93%' (2017 Q3), '89%' (2018 Q4); none printed for 2019 or 2024.
    The hatched column holds the combined share only where nothing else was published (2016, 2018 Q4)."""
    from analysis.publish.charts.inspection_grades import LABELLED, PRINTED, TOTAL_ONLY

    _, meta = drawn_charts("inspection-grades")
    data = meta.data
    assert list(data[LABELLED]) == ["74.3% combined", "92.6% combined", "89.3% combined", "69.3% combined",
                                    "82.4% combined"]
    assert list(data[PRINTED]) == ["three quarters", "Just under 93%", "89%", "", ""]
    assert list(data[TOTAL_ONLY].notna()) == [True, False, True, False, False]
    assert data[TOTAL_ONLY].iloc[0] == pytest.approx(100 * 278 / 374)
    assert data[TOTAL_ONLY].iloc[2] == pytest.approx(100 * 191 / 214)


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_the_grades_face_brackets_only_the_inspections_drawn_apart(drawn_charts: DrawnCharts, width: float) -> None:
    """A bracket with its sum goes under the two lower grades where they were published apart (2017 Q3 92.6%,
    2019 69.3%, 2024 82.4%), not where only the total was (2016, 2018 Q4: that total is one hatched segment)."""
    fig, _ = drawn_charts("inspection-grades", width)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert sorted(t for t in texts if t.endswith(" combined")) == ["69.3% combined", "82.4% combined",
                                                                   "92.6% combined"]


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_only_the_bars_short_of_100_get_a_dashed_not_found_segment(drawn_charts: DrawnCharts, width: float) -> None:
    """By hand: 2017 Q3 (10 + 64 + 61 = 135), 2019 (93 + 127 + 83 = 303) and 2024 (43 + 80 + 121 = 244) add up to
    all cases examined; 2016 (74.3%) and 2018 Q4 (89.3%) have no 'good' share in the record, so the rest of each
    bar, 25.7 and 10.7 points, is dashed 'not found'; nothing is drawn past 100%."""
    fig, _ = drawn_charts("inspection-grades", width)
    ax = fig.axes[0]
    dashed = sorted((round(p.get_x(), 2), round(p.get_width(), 2)) for p in ax.patches
                    if p.get_linestyle() not in ("solid", "-") and p.get_facecolor()[:3] == (1.0, 1.0, 1.0))
    assert dashed == [(74.33, 25.67), (89.25, 10.75)]
    assert all(p.get_x() + p.get_width() <= 100 + 1e-6 for p in ax.patches)


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_the_grades_legend_names_each_kind_of_segment_drawn(drawn_charts: DrawnCharts, width: float) -> None:
    """Drawn: the three grades (2017 Q3, 2019, 2024), a hatched total only (2016, 2018 Q4) and a dashed rest
    (2016, 2018 Q4): the legend names all five, the hatched one as what it is."""
    fig, _ = drawn_charts("inspection-grades", width)
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["Good", "Requires improvement", "Inadequate",
                                                          "Either (only the total published)", "Not found"]


def _brackets(fig) -> list:
    """Each bracket line drawn, top row first."""
    return [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == 4]


def _bracket_xs(fig) -> list[tuple[float, float]]:
    """(start, end) of each bracket line drawn, top row first."""
    return [(min(line.get_xdata()), max(line.get_xdata())) for line in _brackets(fig)]


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_each_bracket_spans_the_two_lower_grades(drawn_charts: DrawnCharts, width: float) -> None:
    """'A bracket under the segments a sum adds up': each starts where 'good' ends (2017 Q3 10/135 = 7.41, 2019
    93/303 = 30.69, 2024 43/244 = 17.62) and ends at the bar's end (100: the three grades add up to all cases),
    inset by less than a point at either end."""
    fig, _ = drawn_charts("inspection-grades", width)
    xs = _bracket_xs(fig)
    assert len(xs) == 3
    for (start, end), good in zip(xs, [100 * 10 / 135, 100 * 93 / 303, 100 * 43 / 244], strict=True):
        assert good <= start < good + 1 and 99 < end <= 100


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_each_bracket_is_under_its_bar(drawn_charts: DrawnCharts, width: float) -> None:
    """'A bracket under the segments': the y axis runs down the page (first inspection at the top), so every point
    of a bracket is at or below the bottom edge of its row's bars (2017 Q3, 2019 and 2024 are rows 2, 4 and 5)."""
    fig, _ = drawn_charts("inspection-grades", width)
    bottoms = sorted({p.get_y() + p.get_height() for p in fig.axes[0].patches})
    assert fig.axes[0].yaxis_inverted() and len(bottoms) == 5
    for line, bottom in zip(_brackets(fig), [bottoms[1], bottoms[3], bottoms[4]], strict=True):
        assert min(line.get_ydata()) >= bottom - 1e-9


def test_a_bracket_with_no_good_share_starts_at_zero(tables: dict) -> None:
    """With the 2019 review's 'good' row (93 of 303) taken out, its two lower grades start the bar, so its bracket
    starts at 0 (inset by less than a point) and ends where inadequate does: (127 + 83)/303 = 69.31."""
    grades = tables["inspection_grades"]
    grades = grades[~((grades["inspection_id"] == "hmicfrs-2019-pir") & (grades["grade"] == "good"))]
    fig, _ = charts.inspection_grades_chart(grades, tables["figures"])
    start, end = _bracket_xs(fig)[1]
    assert 0 <= start < 1 and 100 * 210 / 303 - 1 < end <= 100 * 210 / 303


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_every_grade_bar_and_bracket_is_inside_the_axes(drawn_charts: DrawnCharts, width: float) -> None:
    """Five inspections, five rows: every bar (and every bracket under one) is inside the y limits and 0-100%,
    with no empty row above or below."""
    fig, _ = drawn_charts("inspection-grades", width)
    ax = fig.axes[0]
    low, high = sorted(ax.get_ylim())
    assert tuple(ax.get_xlim()) == (0, 100)
    assert len({p.get_y() for p in ax.patches}) == 5
    for p in ax.patches:
        assert low <= p.get_y() and p.get_y() + p.get_height() <= high
    for line in _brackets(fig):
        assert low <= min(line.get_ydata()) and max(line.get_ydata()) <= high
    # and no empty row: less than a row's step (1.7) of space above the first bar and below the last bracket
    assert min(p.get_y() for p in ax.patches) - low < 1.7
    assert high - max(max(line.get_ydata()) for line in _brackets(fig)) < 1.7


def test_the_grades_subtitle_spans_the_first_to_the_last_inspection(drawn_charts: DrawnCharts) -> None:
    """First inspection published 2016-11-25, last 2024-02-09; the samples of two kinds (`KINDS`) each span theirs."""
    _, meta = drawn_charts("inspection-grades")
    assert meta.intro == ("Share of Metropolitan Police cases examined, by grade: child protection 2016–2019, child "
                          "exploitation 2024")


def test_with_no_finding_at_every_inspection_the_grades_title_names_the_years_only(tables: dict) -> None:
    """With the 2019 review's 'requires improvement' count cut from 127 to 60 of 303, its two lower grades are
    (60 + 83)/303 = 47.2%, not most: no finding holds at every inspection, so the title only names the span."""
    grades = tables["inspection_grades"].copy()
    row = (grades["inspection_id"] == "hmicfrs-2019-pir") & (grades["grade"] == "requires improvement")
    grades.loc[row, "count"] = 60
    grades.loc[row, "share_computed"] = 100 * 60 / 303
    _, meta = charts.inspection_grades_chart(grades, tables["figures"])
    assert meta.title == "Cases examined at inspections of the Met, 2016–2024"
    assert meta.intro.endswith(", by grade: child protection 2016–2019, child exploitation 2024")


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_the_grades_face_texts_at_each_width(drawn_charts: DrawnCharts, width: float) -> None:
    """Row headings are dated on the web chart only ('dated on the web chart') and keep their count of cases.
    A share too narrow for its label inside (under 11 points on the web, under 19 on phones: 7.4% good in 2017
    Q3; on phones also 17.6% good in 2024) is written beside the bar with its grade named; every other share is
    written bare inside its segment; each bracket gives its sum. In drawing order, row by row."""
    fig, _ = drawn_charts("inspection-grades", width)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    web = width > 5
    heads = [label if web else label.split(",")[0] + label[label.index(":"):] for label in LABELS]
    assert texts == [heads[0], "74.3%",
                     heads[1], "7.4% good", "47.4%", "45.2%", "92.6% combined",
                     heads[2], "89.3%",
                     heads[3], "30.7%", "41.9%", "27.4%", "69.3% combined",
                     heads[4], "17.6%" if web else "17.6% good", "32.8%", "49.6%", "82.4% combined"]


NOTES = ["Shares are published counts divided by cases examined; where only a share was printed it is shown as "
         "printed.",
         "For the 2017 Q3 update the separately published grades are shown, with their sum; the combined share "
         "printed with them ('Just under 93%') is given in the data as printed.",
         "For the 2016 inspection and 2018 Q4 update the sources in this record print only the combined 'requires "
         "improvement or inadequate' figure; it is shown as printed, not split."]


def test_the_grades_notes_say_what_was_published_and_what_is_not_in_the_record(drawn_charts: DrawnCharts) -> None:
    """By hand from inspection_grades.csv: only the 2017 Q3 update prints both the split and a combined share
    ('Just under 93%'); 2016 and 2018 Q4 print only the combined share, so no 'good' share is in the record for
    them (and no split is asked of them); 2019 and 2024 print all three grades."""
    _, meta = drawn_charts("inspection-grades")
    expected = " ".join([*NOTES, "Not in the record (blank in the data, dashed outline in the chart): 'good' for the "
                         "2016 inspection and 2018 Q4 update.", "Bars may not sum to 100% because of rounding."])
    assert expected in meta.notes


def test_a_missing_grade_of_a_split_inspection_is_named_not_in_the_record(tables: dict) -> None:
    """With the 2019 review's inadequate row taken out, 2019 still prints its grades apart (good and requires
    improvement), so its inadequate share is 'not in the record'; 2016's and 2018's split was never printed, so
    only their 'good' is listed, not their 'requires improvement' or 'inadequate'."""
    grades = tables["inspection_grades"]
    grades = grades[~((grades["inspection_id"] == "hmicfrs-2019-pir") & (grades["grade"] == "inadequate"))]
    _, meta = charts.inspection_grades_chart(grades, tables["figures"])
    assert ("Not in the record (blank in the data, dashed outline in the chart): 'good' for the 2016 inspection "
            "and 2018 Q4 update; 'inadequate' for the 2019 review.") in meta.notes


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_the_grades_value_axis_is_a_whole_percent_scale(drawn_charts: DrawnCharts, width: float) -> None:
    """Shares of cases examined: the axis runs 0-100% and says so at 0, 50 and 100 (no y ticks: rows are named)."""
    fig, _ = drawn_charts("inspection-grades", width)
    ax = fig.axes[0]
    ticks = list(ax.get_xticks())
    assert ticks == [0, 50, 100]
    assert [ax.xaxis.get_major_formatter()(t) for t in ticks] == ["0%", "50%", "100%"]
    assert list(ax.get_yticks()) == [] and not ax.spines["left"].get_visible()


def test_with_every_split_published_there_is_no_hatched_column_or_legend_entry(tables: dict) -> None:
    """Without the two inspections that printed only the combined share (2016, 2018 Q4), no segment is hatched:
    the legend has no 'Either (only the total published)' entry and the data no column for it."""
    grades = tables["inspection_grades"]
    grades = grades[~grades["inspection_id"].isin(["hmic-2016-ncpi", "hmicfrs-2018-q4"])]
    fig, meta = charts.inspection_grades_chart(grades, tables["figures"])
    from analysis.publish.charts.inspection_grades import TOTAL_ONLY

    assert TOTAL_ONLY not in meta.data.columns
    assert [c for c in meta.data.columns][:4] == ["Inspection", "Good", "Requires improvement", "Inadequate"]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "Either (only the total published)" not in legend and legend[:3] == ["Good", "Requires improvement",
                                                                               "Inadequate"]


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_each_row_heading_is_above_its_bar(drawn_charts: DrawnCharts, width: float) -> None:
    """style.row_heading: 'a row's heading above its bar'. The y axis runs down the page, so each of the five
    headings' y is above (less than) the top edge of its row's bars and below the previous row's bars."""
    fig, _ = drawn_charts("inspection-grades", width)
    ax = fig.axes[0]
    heads = [t.get_position()[1] for t in ax.texts if t.get_text().split(":")[0].split(",")[0] in
             {"2016 inspection", "2017 Q3 update", "2018 Q4 update", "2019 review", "2024 inspection"}]
    tops = sorted({p.get_y() for p in ax.patches})
    bottoms = sorted({p.get_y() + p.get_height() for p in ax.patches})
    assert len(heads) == len(tops) == 5
    for k, (head, top) in enumerate(zip(heads, tops, strict=True)):
        assert head < top
        if k:
            assert head > bottoms[k - 1]


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_only_a_combined_only_share_is_hatched(drawn_charts: DrawnCharts, width: float) -> None:
    """'Where only the combined share was published it is one hatched segment': 2016 (278/374 = 74.33%) and 2018
    Q4 (191/214 = 89.25%), each from 0; no separately published grade is hatched."""
    fig, _ = drawn_charts("inspection-grades", width)
    hatched = sorted((round(p.get_x(), 2), round(p.get_width(), 2)) for p in fig.axes[0].patches if p.get_hatch())
    assert hatched == [(0.0, 74.33), (0.0, 89.25)]


@pytest.mark.parametrize("width", [6.4, 3.6])
def test_a_label_inside_a_segment_is_inside_it(drawn_charts: DrawnCharts, width: float) -> None:
    """A share written inside its segment (centred, white) sits at the middle of that segment."""
    fig, _ = drawn_charts("inspection-grades", width)
    ax = fig.axes[0]
    inside = [t for t in ax.texts if t.get_ha() == "center"]
    assert inside
    for t in inside:
        x, y = t.get_position()
        row = [p for p in ax.patches if p.get_y() <= y <= p.get_y() + p.get_height()]
        assert any(p.get_x() < x < p.get_x() + p.get_width() for p in row), t.get_text()
        segment = min(row, key=lambda p: abs(p.get_x() + p.get_width() / 2 - x))
        assert abs(segment.get_x() + segment.get_width() / 2 - x) < 1e-6, t.get_text()
