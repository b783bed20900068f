"""Chart text that held on today's record only by chance (found by mutation testing, s51a): each chart's title and
notes must stay true when the record changes, so each test changes one thing in the real tables and reads what the
chart then says. Expected wording is worked out from the chart's stated rule, not copied from its output."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish.charts.inspection_timeline import inspection_timeline_chart
from analysis.publish.charts.london_population_share import (
    SHOWN_COLUMN,
    london_population_share_chart,
    london_share_table,
)
from analysis.publish.charts.recorded_vs_estimated import ESTIMATED, recorded_vs_estimated_chart
from analysis.tables.load import load_table


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: load_table(name) for name in ("figures", "population", "claims", "gaps", "inspection_grades")}


def test_population_share_title_dates_each_share_by_its_own_year(tables):
    """Each share takes the latest year with both London's and the whole's estimate. Without the UK's mid-2023
    estimate the UK share falls back to 2022 (London 8,866,180 / UK 67,600,000 = 13.12%, 13.1% across the UK
    figure's rounding), while England and Wales' stays 2023: one year for both would misdate the UK share."""
    pop = tables["population"]
    no_uk_2023 = pop[~((pop["geography"] == "United Kingdom") & (pop["year"] == 2023))]
    _, meta = london_population_share_chart(no_uk_2023, tables["figures"], tables["claims"], tables["gaps"])
    shares = london_share_table(no_uk_2023, tables["figures"]).set_index("Share of")
    assert int(shares.loc["United Kingdom", "Year"]) == 2022
    ew = shares.loc["England and Wales", SHOWN_COLUMN]
    assert meta.title == f"London: 13.1% of the UK's population (2022), {ew} of England and Wales' (2023)"
    assert "13.1% of the UK's population (2022) and" in meta.alt_text


def test_population_share_title_says_a_shared_year_once(tables):
    """The published chart: both shares are for 2023, said once at the end."""
    _, meta = london_population_share_chart(tables["population"], tables["figures"], tables["claims"], tables["gaps"])
    assert meta.title == "London: 13.1% of the UK's population, 14.7% of England and Wales', 2023"


def test_estimate_printed_as_a_bound_keeps_its_words_in_the_title(tables):
    """'more than 500,000' said as 'an estimated 500,000' would say more than was printed."""
    figures = tables["figures"].copy()
    estimated = figures["measure"] == ESTIMATED
    figures.loc[estimated, "qualifier"] = "more than"
    figures.loc[estimated, "value_as_printed"] = "more than 500,000"
    _, meta = recorded_vs_estimated_chart(figures)
    assert "an estimated more than 500,000 children abused yearly" in meta.title
    _, published = recorded_vs_estimated_chart(tables["figures"])
    assert published.title.endswith("; an estimated 500,000 children abused yearly")


def _notes(figures: pd.DataFrame, grades: pd.DataFrame) -> str:
    return inspection_timeline_chart(grades, figures)[1].notes


def test_timeline_notes_read_their_counts_from_the_record(tables):
    """The record restates the 11 recommendations in the revisit's listing (26 February 2025) and the two
    accelerated causes of concern in the Met's response (9 February 2024); the Met says all three causes of concern
    were closed (three issued, three closed)."""
    notes = _notes(tables["figures"], tables["inspection_grades"])
    assert "the 11 recommendations, again in February 2025" in notes
    assert "the two accelerated causes of concern, again in February 2024" in notes
    assert ("the inspectorate closed all three (its own words: 'we have closed the causes of concern'; the count as "
            "stated by Metropolitan Police)") in notes


def test_timeline_notes_follow_a_changed_record(tables):
    """With the closure restated as two of three, the notes no longer say 'all three'; with no restatement in the
    record, they name none."""
    figures = tables["figures"].copy()
    closed = figures["figure_id"] == "met-2025-02-26-response-hmicfrs-revisit/causes-of-concern-closed"
    assert closed.sum() == 1
    figures.loc[closed, ["value_as_printed", "value"]] = ["two", 2.0]
    notes = _notes(figures, tables["inspection_grades"])
    assert "the inspectorate closed two (its own words: " in notes
    assert "the count as stated by Metropolitan Police)" in notes
    assert "all three" not in notes
    later = figures["source_id"].isin(["hmicfrs-2025-02-cause-of-concern-listing",
                                       "met-2024-02-09-response-hmicfrs-exploitation"])
    notes = _notes(figures[~later], tables["inspection_grades"])
    assert "stated again later" not in notes


def test_london_rates_cards_read_in_the_title_order(tables):
    """The title lists the police's rate, then the councils' ('police 2.77; councils 1.79 and 1.3', the audit's
    rates as quoted); the cards, drawn top to bottom, follow it, so a reader meets them in the order named."""
    from analysis.publish.charts.london_rates import london_rates_chart

    fig, meta = london_rates_chart(tables["figures"], tables["claims"], tables["gaps"])
    assert meta.title.endswith("police 2.77; councils 1.79 and 1.3")
    numbers = [t.get_text() for t in fig.axes[0].texts if t.get_fontsize() == max(x.get_fontsize()
                                                                                   for x in fig.axes[0].texts)]
    assert numbers == ["2.77", "1.79", "1.3"]
    assert list(meta.data["Rate"]) == [2.77, 1.79, 1.3]


def _without_cases_examined(grades: pd.DataFrame, inspection: str) -> pd.DataFrame:
    """The grades table as the build makes it when an inspection's "cases examined" figure is not in the record:
    no count of cases, so no share computed from counts (tables/make.py), only what was printed as a share."""
    out = grades.copy()
    gone = out["inspection_id"] == inspection
    out.loc[gone, ["cases_examined", "cases_examined_as_printed", "share_computed"]] = pd.NA
    return out


def _grades_texts(grades: pd.DataFrame, figures: pd.DataFrame) -> tuple[list[str], object]:
    from matplotlib.text import Text

    from analysis.publish.charts.inspection_grades import inspection_grades_chart

    fig, meta = inspection_grades_chart(grades, figures)
    return [t.get_text() for t in fig.findobj(Text)], meta


def test_grades_heading_without_cases_examined_says_so(tables):
    """2016's only figure is its combined share, printed 'three quarters'. Without the 374 cases examined the
    heading has no count to give: it says the count was not found (never 'nan cases'), and the bar keeps the share
    as printed."""
    grades = _without_cases_examined(tables["inspection_grades"], "hmic-2016-ncpi")
    texts, meta = _grades_texts(grades, tables["figures"])
    assert "2016 inspection, November 2016: cases examined not found" in texts
    assert "three quarters requires improvement or inadequate" in texts
    assert not any("nan" in t.lower() for t in texts + [meta.alt_text, meta.notes])


def test_grades_counts_without_cases_examined_draw_no_share(tables):
    """The 2017 Q3 update's good/RI/inadequate counts (10, 64, 61) are shares only of its 135 cases examined.
    Without that figure no share can be drawn from them; what was printed as a share ('Just under 93%', both lower
    grades together) is drawn as printed, hatched, and the notes say why the split is not shown."""
    grades = _without_cases_examined(tables["inspection_grades"], "hmicfrs-2017-q3")
    texts, meta = _grades_texts(grades, tables["figures"])
    row = meta.data.set_index("Inspection").filter(like="2017 Q3", axis=0).iloc[0]
    assert pd.isna(row["Good"]) and pd.isna(row["Requires improvement"]) and pd.isna(row["Inadequate"])
    assert float(row["Requires improvement or inadequate, only the total published"]) == 93
    assert "Just under 93% requires improvement or inadequate" in texts
    assert "the number of cases examined is not in the record" in meta.notes
