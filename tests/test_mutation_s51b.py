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
          "2024 inspection, February 2024: 244 cases"]
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
    assert meta.alt_text.startswith("Stacked bar chart of the share of Metropolitan Police child-protection cases "
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
