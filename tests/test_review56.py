"""The lead's standards review: every output dates a count the way the charts do, by its month where no source
printed its day."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import nbformat
import pytest
import yaml

from analysis.paths import CHART_IDS, DEFAULT
from analysis.publish import charts, style
from analysis.tables.load import load_table
from tests.drawn import DrawnCharts
from tests.made import Made


def _days_no_source_printed() -> set[str]:
    """Dates the tables flag as stand-ins (`as_at_approximate`, `as_published_approximate`) where no row of the
    same date has the day printed: GB News's report of the Met's remarks to the London Assembly (13 November 2025),
    dated by other reports of the meeting, is the case that matters."""
    reviews = load_table("historic_reviews")
    population = load_table("population")
    days = {str(d) for d, flags in reviews.groupby("as_at")["as_at_approximate"] if flags.all()}
    days |= {str(d) for d, flags in population.groupby("as_published")["as_published_approximate"] if flags.all()}
    return days


def _spellings(day: str) -> list[str]:
    return [day, style.long_date(day)]


def test_the_stand_in_days_are_the_ones_the_sources_say_were_not_printed() -> None:
    """By hand from data/raw/sources.yaml: gbnews-2025-11-13 (`date_approximate`, its notes say the meeting day is
    taken from other reports) and MyLondon's October 2025 story (trendingtoday copy, date not printed) give
    historic-review dates; the population rows come from sources whose dates are stand-ins too."""
    days = _days_no_source_printed()
    assert {"2025-11-13", "2025-10-01"} <= days
    assert "2025-12-09" not in days  # the Mirror printed its date
    assert "2025-11-04" not in days  # Police Professional printed the NCA briefing's day


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_no_chart_gives_a_day_no_source_printed(drawn_charts: DrawnCharts, chart_id: str) -> None:
    """The funnel's subtitle read "as at 13 November 2025" while the two-counts card beside it, for the same
    count from the same report, read "As at November 2025": one rule for every chart's face, alt text and notes."""
    fig, meta = drawn_charts(chart_id, None)
    face = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text)).replace("\n", " ")
    said = " ".join([face, meta.alt_text, *meta.notes])
    given = [s for day in sorted(_days_no_source_printed()) for s in _spellings(day) if s in said]
    assert not given, f"{chart_id} gives a day no source printed: {given}"


def test_the_funnel_and_two_counts_csvs_say_each_date_as_known() -> None:
    """The CSVs keep the record's stand-in day (`As at`/`Date`) for sorting and joining, and give the date as a
    reader may quote it beside it, as the historic chart's CSV does."""
    _, funnel = charts.draw("met-review-funnel")
    _, two = charts.draw("two-1200s")
    assert set(funnel.data["Date as known"]) == {"November 2025"}
    assert list(two.data["Date as known"]) == ["9 December 2025", "November 2025"]


def _markdown_said(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    return "\n".join(str(o.get("data", {}).get("text/markdown", "")) for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs)


@pytest.mark.parametrize("name", ["03_historic_reviews", "06_national_picture"])
def test_no_notebook_finding_gives_a_day_no_source_printed(made: Made, name: str) -> None:
    """Notebook 03's "What we found" said "Still in scope: "1,200" (as at 2025-11-13 …)" and notebook 06's "The Met's
    own count (London), as at 2025-11-13": a day no source printed, which the charts give as "November 2025"."""
    said = _markdown_said(made.outputs / "notebooks" / f"{name}.ipynb")
    assert "as at November 2025" in said
    given = [s for day in sorted(_days_no_source_printed()) for s in _spellings(day) if f"as at {s}" in said]
    assert not given, f"{name} gives a day no source printed: {given}"


def _raw(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _approximate_sources() -> list[dict]:
    return [s for s in _raw(DEFAULT.sources_yaml) if s.get("date_approximate")]


def test_every_output_words_a_date_no_source_printed_by_one_rule() -> None:
    """Four wordings of a document's date: the report's `reader_date` gave "16 March 2018 (approximate)" (the day,
    unless it was the 1st), the charts' `date_as_known` "March 2018", `scan` "2018-03-16 (approximate)" and
    ClaimReview "2018-03". Each now gives the month of a date no source printed, whatever its day."""
    from analysis.factcheck.report import reader_date
    from analysis.factcheck.scan import published_when
    from analysis.record.vocabulary import iso_date

    sources = _approximate_sources()
    assert len([s for s in sources if not str(s["date_published"]).endswith("-01")]) >= 20
    for source in sources:
        day = str(source["date_published"])
        month = style.month_year(day)
        assert reader_date(day, True) == f"{month} (approximate)"
        assert style.date_as_known(day, True) == month
        assert published_when({"published": day, "published_approximate": True}) == f"{day[:7]} (approximate)"
        assert iso_date(day, True) == day[:7]


def test_the_fact_check_page_gives_no_day_its_documents_did_not_print(made: Made) -> None:
    """By hand from sources.yaml: the Evening Standard's copy on Yahoo News (16 March 2018 is a stand-in: the copy
    prints no date) was "published 16 March 2018 (approximate)" on the page; the GB News story of the Met's
    remarks, dated by other reports of the meeting, is "November 2025" on the charts."""
    page = (made.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert "published 16 March 2018" not in page
    assert "published March 2018 (approximate)" in page
    printed = {str(s["date_published"]) for s in _raw(DEFAULT.sources_yaml) if not s.get("date_approximate")}
    for source in _approximate_sources():
        day = str(source["date_published"])
        if day not in printed:  # another document printed that day (HMICFRS's 22 February 2018 release)
            assert f"published {style.long_date(day)}" not in page, source["id"]


#: Measures counted by DfE's children in need census: England totals that DfE rounds to the nearest 10 ("England and
#: regional totals are rounded to the nearest 10", its children in need data guidance).
DFE_ROUNDED_MEASURES = ("cpp_sexual_abuse", "cin_assessments_csa", "cin_assessments_cse")


def test_every_change_between_two_dfe_england_totals_is_judged_across_dfe_s_rounding() -> None:
    """Community Care's "a drop of 5.8%" (2,290 → 2,160) was judged across DfE's rounding to 10 and its "up 1.4%"
    (2,160 → 2,190), from the same series in the same article, at the printed counts: two standards for one table.
    Worked by hand: (2,190 − 2,160) / 2,160 = 1.39%; across 2,155–2,164 and 2,185–2,194 it runs from 0.97% to
    1.81%, so "1.4%" holds for part of the range only: accurate within rounding. The CSA Centre's 8% (33,760 →
    30,970) holds across the whole range (8.24% to 8.29%), so it stays accurate."""
    figures = load_table("figures").set_index("figure_id")
    claims = _raw(DEFAULT.claims_yaml)
    on_dfe = [c for c in claims if c["kind"] == "percent_change"
              and all(v in figures.index and figures.loc[v, "measure"] in DFE_ROUNDED_MEASURES
                      and figures.loc[v, "geography"] == "England" for v in c["inputs"].values())]
    assert {c["id"] for c in on_dfe} == {"communitycare-2025-cin-csa-copy/claim-cpp-fall-2023-24",
                                         "communitycare-2025-cin-csa-copy/claim-cpp-rise-2024-25",
                                         "csacentre-trends-2023-24/claim-assessments-fall"}
    assert all(c.get("rounded") == {"from": 10, "to": 10} for c in on_dfe), [c["id"] for c in on_dfe]
    verdicts = load_table("claims").set_index("claim_id")["verdict"]
    assert verdicts["communitycare-2025-cin-csa-copy/claim-cpp-rise-2024-25"] == "accurate within rounding"
    assert verdicts["csacentre-trends-2023-24/claim-assessments-fall"] == "accurate"


def test_the_workbook_marks_a_copy_s_missing_original_not_available(made: Made) -> None:
    """The Sources sheet gave "[z]" (not applicable) for the original of every document without one, copies too: a
    copy has an original, which this record does not hold, so its cell is "[x]" (not available), as the Analysis
    Function's shorthand has it; a publisher's own document has none to give ("[z]"). By hand from sources.yaml: GB
    News's story of the Met's remarks is a copy with no `original`; DfE's children in need release is primary;
    Parliament Today's reprint names HMICFRS's own release."""
    import openpyxl

    sheet = openpyxl.load_workbook(made.outputs / "cse-figures.xlsx", read_only=True)["Sources"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] is not None]
    header = next(i for i, r in enumerate(rows) if r[0] == "Source ID")
    column = next(i for i, h in enumerate(rows[header]) if str(h).startswith("The publisher's own copy"))
    original = {r[0]: r[column] for r in rows[header + 1:]}
    assert original["gbnews-2025-11-13"] == "[x]"
    assert original["dfe-cin-2025"] == "[z]"
    assert original["parliamenttoday-2018-02-hmicfrs-ncpi-mps-q4"] == "hmicfrs-2018-02-22-news-release-q4"
