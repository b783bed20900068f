"""Review s59: what the record says is not known, checked against the stored pages.

Each test reads the committed tables (data/processed, built from data/raw by `python -m analysis build`), so it
asserts what readers get from the real record.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROCESSED = ROOT / "data" / "processed"


def _rows(name: str) -> list[dict[str, str]]:
    with (PROCESSED / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _population(geography: str, year: int) -> dict[str, str]:
    [row] = [r for r in _rows("population") if r["geography"] == geography and r["year"] == str(year)
             and r["measure"] == "population"]
    return row


def test_london_mid_2020_is_the_gla_s_own_printed_estimate() -> None:
    """The gap said no ONS or GLA page in the store printed London's mid-2020 population; the GLA's London
    Datastore page (2020 MYE version, https://data.london.gov.uk/dataset/londons-population) prints "London's 2020
    population was 9,002,488". The population table had no London row for 2020."""
    row = _population("London", 2020)
    assert row["value"] == "9002488" and row["value_as_printed"] == "9,002,488"
    assert row["figure_id"] == "gla-londons-population-mye-2020/london-population-mid-2020"
    assert row["primary"] == "true" and row["vintage"] == "first published"


def test_london_mid_2021_is_the_gla_s_unrounded_estimate_not_8_8_million() -> None:
    """The gap said no stored page printed the unrounded mid-2021 figure, so the table kept "8.8 million"; the
    GLA's page (2021 MYE version, stored at .../londons-population?ref=warpnews.org) prints "London's 2021
    population was 8,796,628"."""
    row = _population("London", 2021)
    assert row["value"] == "8796628" and row["value_as_printed"] == "8,796,628"
    assert row["figure_id"] == "gla-londons-population-mye-2021/london-population-mid-2021"


def test_no_gap_asks_for_a_london_estimate_the_record_now_holds() -> None:
    gaps = {g["id"]: g for g in _rows("gaps")}
    assert "gap-i15-gla-london-mid-2021-exact" not in gaps
    wanted = gaps["gap-primary-london-mye-2019-2020"]["wanted"]
    assert wanted.startswith("London's mid-2019 population") and "mid-2019 and mid-2020" not in wanted
    for gap in gaps.values():
        assert "only the 2022 MYE version" not in " ".join(gap.values()), gap


# Words that say what was read: a gap's reason may say a figure is "not printed" only about the documents the
# record looked at, never as a fact about the publisher (docs/factcheck.md: "The name says only what the record
# knows: where it looked, not that the figure was never published anywhere").
_WHAT_WAS_READ = ("stored", "copy", "copies", "excerpt", "release", "page", " read", "seen", "found", "visible",
                  "alongside", "main points")


def test_no_gap_reason_says_not_printed_without_saying_where_we_looked() -> None:
    """The workbook's Gaps sheet shows each reason as 'Why it is missing'. Two said, bare, "Not printed." (the
    NPCC's 2012 base) and "Only the percentage is printed." (HMIC's 2016 count), while the fact-check page says the
    same gaps were "not found in any publication we looked at": the sheet stated as a fact about the publisher what
    the record knows only about the copies it read."""
    for gap in _rows("gaps"):
        reason = gap["reason"]
        first = reason.split(". ")[0]
        if "printed" in first.lower() and ("not printed" in first.lower() or first.lower().startswith("only")):
            assert any(word in first for word in _WHAT_WAS_READ), (gap["id"], first)


def test_dfe_s_own_page_prints_2190_and_calls_it_the_second_lowest() -> None:
    """The gap said the DfE release's figures were not visible in the stored copy and that 2,190 came from Family
    Law only; the release's reporting-year page (.../children-in-need-a-focus-on-sexual-abuse-and-exploitation/2025)
    prints it: "is now at it's second lowest level at 2,190 in 2025". That also settles the conflict the record
    left open between Family Law ("the lowest number since records began") and Community Care (up 1.4% on 2,160)."""
    [row] = [f for f in _rows("figures") if f["figure_id"] == "dfe-2025-12-cin-focus-csae/cpp-sexual-abuse-2025"]
    assert row["value_as_printed"] == "2,190" and row["primary"] == "true" and row["geography"] == "England"
    assert "second lowest level at 2,190" in row["quote"]
    gaps = {g["id"]: g for g in _rows("gaps")}
    assert "2,190 starting" not in gaps["national-dfe-cin-csae-primary"]["wanted"]
    family_law_id = "familylaw-2025-12-dfe-cin-csae/cpp-sexual-abuse-2025"
    [familylaw] = [f for f in _rows("figures") if f["figure_id"] == family_law_id]
    assert "second lowest level" in familylaw["caveat"]


def test_a_share_list_that_straddles_the_census_2021_break_says_so() -> None:
    """With London's mid-2020 estimate now in the record, notebook 04 lists 2020: 13.4% beside 2021: 13.1%. The
    2020 share divides estimates as first published, before ONS revised mid-2012 to mid-2020 to match Census 2021;
    read bare, the step is a fall in London's share. The note is built from the population table's vintages."""
    import pandas as pd

    from analysis.publish import charts

    population = pd.read_csv(PROCESSED / "population.csv")
    note = charts.census_break_note(population, [2012, 2020, 2021, 2022, 2023])
    assert note is not None and note.startswith("The shares up to mid-2020 divide estimates as first published")
    assert "from mid-2021 the estimates are Census 2021-based" in note
    assert charts.census_break_note(population, [2021, 2022, 2023]) is None
