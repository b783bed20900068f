"""The domain tables on the real data: totals the sources state, primary-first choice, measures kept apart.

Expected numbers are the ones printed in the sources (quoted in data/raw/figures), checked by hand:
the 2019 post-inspection review graded 303 cases as 93 good, 127 requires improvement, 83 inadequate; the 2017
quarter-3 update graded 135 as 10, 64 and 61; the 2016 inspection published only the combined 278 of 374.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.tables.load import load_table


@pytest.fixture(scope="module")
def grades() -> pd.DataFrame:
    return load_table("inspection_grades")


def test_split_grades_add_up_to_the_cases_examined(grades: pd.DataFrame):
    split = grades[grades["grade"].isin(["good", "requires improvement", "inadequate"])]
    checked = 0
    for inspection, rows in split.groupby("inspection_id"):
        if len(rows) == 3 and rows["count"].notna().all():
            assert rows["count"].sum() == rows["cases_examined"].iloc[0], inspection
            checked += 1
    assert checked >= 2  # the 2017 Q3 update and the 2019 review print all three grades


@pytest.mark.parametrize(("inspection", "examined", "counts"), [
    ("hmicfrs-2019-pir", 303, {"good": 93, "requires improvement": 127, "inadequate": 83}),
    ("hmicfrs-2017-q3", 135, {"good": 10, "requires improvement": 64, "inadequate": 61}),
    ("hmic-2016-ncpi", 374, {"requires improvement or inadequate": 278}),
])
def test_published_grade_counts(grades: pd.DataFrame, inspection: str, examined: int, counts: dict[str, int]):
    rows = grades[(grades["inspection_id"] == inspection) & grades["count"].notna()]
    assert dict(zip(rows["grade"], rows["count"].astype(int), strict=True)) == counts
    assert (rows["cases_examined"] == examined).all()


def test_combined_figure_is_not_split(grades: pd.DataFrame):
    """2016 and the February 2018 update published only 'requires improvement or inadequate'."""
    for inspection in ("hmic-2016-ncpi", "hmicfrs-2018-q4"):
        rows = grades[grades["inspection_id"] == inspection]
        assert set(rows["grade"]) == {"requires improvement or inadequate"}
        assert not rows["split_published"].any()


def test_share_computed_is_count_over_cases(grades: pd.DataFrame):
    rows = grades.dropna(subset=["count", "cases_examined"])
    # stored unrounded (to the CSV's precision), so that it is rounded only once, where it is shown
    assert ((rows["count"] / rows["cases_examined"] * 100 - rows["share_computed"]).abs() < 1e-6).all()


def test_191_of_214_is_shown_as_89_3_per_cent_not_rounded_twice(grades: pd.DataFrame):
    """191 / 214 = 89.2523…%: one decimal is 89.3. Rounding a stored 89.25 again (half to even) gave 89.2."""
    from analysis.record.vocabulary import fmt_percent

    row = grades[(grades["count"] == 191) & (grades["cases_examined"] == 214)]
    assert [fmt_percent(v) for v in row["share_computed"]] == ["89.3%"]


def test_met_series_prefers_the_primary_source():
    series = load_table("met_cse_series")
    assert not series.duplicated(["measure", "period_start", "period_end"]).any()
    crimes_2016 = series[(series["measure"] == "cse_flagged_crimes") & (series["period_label"] == "2016")].iloc[0]
    # The Met's own 2017 release prints 922; an Evening Standard copy prints it too and is listed beside it.
    assert crimes_2016["value"] == 922
    assert crimes_2016["primary"]
    assert crimes_2016["source_id"] == "met-2017-03-13"
    assert "standard-2018-03-16/" in crimes_2016["also_reported_in"]


def test_national_and_met_historic_counts_are_kept_apart():
    reviews = load_table("historic_reviews")
    national = reviews[reviews["scope"] == "national"]
    met = reviews[reviews["scope"] == "Met"]
    assert set(national["measure"]).isdisjoint(set(met["measure"]))
    assert (national["measure"] == "historic_cases_identified_for_review").any()
    assert (met["measure"] == "met_historic_cases_in_scope").any()
    # The two "1,200"s: national "more than 1,200" (a lower bound) and the Met's own 1,200 cases in scope.
    assert "more than 1,200" in set(national["value_as_printed"])
    assert "1,200" in set(met["value_as_printed"])


def test_population_has_one_row_per_area_year_and_the_uk_total():
    population = load_table("population")
    assert not population.duplicated(["geography", "year", "measure"]).any()
    uk = population[(population["geography"] == "United Kingdom") & (population["year"] == 2024)]
    assert uk["value"].iloc[0] == 69_281_400  # ONS mid-2024 bulletin, as printed
    assert (population["reference_date"].str.endswith("-06-30")).all()


def test_a_rows_caveat_gives_each_sentence_once():
    """The 2016 inspection's caveat printed 'No period is printed in this copy; the date is the story's date.' three
    times, once per figure of the copy, joined as '… May 2016.; No period …'. Each sentence is now given once."""
    import re

    from analysis.run.build import load_raw, make_tables

    for row in make_tables(load_raw())["inspection_grades"]:
        said = [s for s in re.split(r"(?<=[.!?])\s+", str(row["caveat"] or "")) if s]
        assert len(said) == len(set(said)), row["caveat"]
        assert ".;" not in str(row["caveat"]), row["caveat"]


def test_the_share_computed_description_says_the_precision_it_is_written_at():
    """The data dictionary (datapackage.json, Datasette's column notes) called share_computed 'unrounded', while
    the build writes it to 10 significant digits (74.3315508 for 278 / 374 = 74.33155080213903…): a fact-checker
    recomputing to more places would find the table 'wrong'. The description now says what is written."""
    import re

    from analysis.record import schema
    from analysis.run.build import load_raw, make_tables
    from analysis.tables.write import to_csv_text

    (field,) = [f for f in schema.TABLES["inspection_grades"][0] if f.name == "share_computed"]
    assert "unrounded" not in field.description and "10 significant digits" in field.description
    text = to_csv_text("inspection_grades", make_tables(load_raw())["inspection_grades"])
    written = [r.split(",")[0] for r in re.findall(r"(\d+\.\d+),(?:true|false),", text)]
    assert "74.3315508" in written
    assert max(len(w.replace(".", "").lstrip("0")) for w in written) == 10


def test_historic_reviews_hold_counts_of_cases_only():
    """The table is counts of historic cases under review (its value column is the workbook's 'Cases (number)'),
    but it held the Met's 'some 15' years its reviews go back, which read there as 15 cases."""
    from analysis.run.build import load_raw, make_tables

    tables = make_tables(load_raw())
    units = {f["figure_id"]: f["unit"] for f in tables["figures"]}
    rows = tables["historic_reviews"]
    assert rows and {units[r["figure_id"]] for r in rows} == {"cases"}
    assert "met_historic_review_period_years" in {f["measure"] for f in tables["figures"]}  # still in the record
