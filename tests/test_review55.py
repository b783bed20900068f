"""The lead's standards review: what `scan` tells a fact-checker agrees with the fact-check and the record's units."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import definitions_warning, render_text, scan_text
from analysis.paths import DEFAULT

SEED_32 = ("after months of sending Freedom of Information requests to all 32 London boroughs, I was met with a "
           "suspicious amount of delay from the authorities involved.")


def _only(text: str) -> dict:
    figures = scan_text(text, DEFAULT)["figures"]
    assert len(figures) >= 1, text
    return figures[0]


def test_a_figure_the_claim_is_checked_against_is_named_as_such_not_as_a_different_figure() -> None:
    """The story's 32 boroughs matched London Councils' 32 too; scan said only "they are not the same figure",
    while the fact-check judges the claim accurate against that London Councils figure."""
    entry = _only(SEED_32)
    assert entry["definitions"] == ["boroughs_sent_foi_requests", "london_boroughs"]
    assert definitions_warning(entry) == (
        "matches 2 definitions: claim mylondon-2025-10-grooming-gangs/claim-32-boroughs checks "
        "boroughs_sent_foi_requests against london_boroughs (londoncouncils-2023-06-07/london-boroughs)")


def test_definitions_no_claim_links_are_still_called_different_figures() -> None:
    entry = {"definitions": ["a", "b"], "matches": [{"figure_id": "x/1", "measure": "a"},
                                                   {"figure_id": "y/1", "measure": "b"}], "claims": []}
    assert definitions_warning(entry) == "matches 2 different definitions: they are not the same figure"


@pytest.mark.parametrize(("text", "figure_id"), [
    ("The rate of children in need was 332.9 per 10,000 children.", "dfe-cin-2024/rate-children-in-need-2024"),
    ("The rate was 1.3 per 1,000 children in London, the audit found.",
     "inkl-2025-06-16-casey-review-london/london-la-cin-cse-rate"),
    # the value printed without its unit still finds the record's rate
    ("The rate of children in need in England was 332.9.", "dfe-cin-2024/rate-children-in-need-2024"),
])
def test_a_rate_the_record_holds_is_found_when_the_article_prints_its_unit(text: str, figure_id: str) -> None:
    """DfE prints 332.9 in a column headed "per 10,000 children"; the record keeps the rate in its unit, and scan
    read the value alone as a count, so an article's "332.9 per 10,000 children" was "not in the record"."""
    entry = _only(text)
    assert entry["status"] == "in the record", render_text({"figures": [entry], "not_read": [], "left_out": []}, False)
    assert figure_id in {m["figure_id"] for m in entry["matches"]}


def test_a_count_in_words_is_not_offered_as_the_same_as_a_rate_with_decimals() -> None:
    """The seed story's "one ongoing investigation" listed the Casey audit's 1.3 assessments per 1,000 children as
    "1.3 (same)": 1.3 is neither one nor a count."""
    entry = _only("The Met has confirmed there is one ongoing investigation into a case in London.")
    shown = {m["figure_id"]: m["relation"] for m in entry["matches"] + entry["other_definitions"]}
    assert "inkl-2025-06-16-casey-review-london/london-la-cin-cse-rate" not in shown, shown
    assert shown["mylondon-2025-10-grooming-gangs/ongoing-investigation-sar"] == "same"
    bare = _only("Councils carried out 1.3 assessments for every thousand children.")
    assert all(m["value_as_printed"] != "one" for m in bare["matches"] + bare["other_definitions"])


def test_all_notes_say_each_point_once() -> None:
    """The gallery's "All notes" and the workbook's notes were the face note, then the full notes: the 2024
    inspection's disagreement, the Met's explanation of its rises and the Met's own 1,200 cases were each said
    twice, once short and once at length. The short face form is now left out where the notes say it at length."""
    import matplotlib

    from analysis.publish import charts
    from analysis.publish.charts.met_cse_series import RECORDING_FACE

    matplotlib.use("Agg")
    notes = {cid: charts.draw(cid)[1] for cid in ("inspection-grades", "met-cse-series",
                                                   "historic-reviews-national")}
    grades = notes["inspection-grades"]
    assert "2024: a news article prints" in grades.notes_on_chart
    assert "2024: a news article prints" not in grades.notes
    assert "2024 inspection: Tortoise Media prints 'more than half (121)'" in grades.notes
    assert grades.notes.startswith("Shares from published counts. Brackets add the two lower grades")
    series = notes["met-cse-series"]
    assert RECORDING_FACE in series.notes_on_chart and RECORDING_FACE not in series.notes
    assert "The Met said: 'Detectives believe these significant increases" in series.notes
    national = notes["historic-reviews-national"]
    assert "The Met's own 1,200 cases are a separate count." in national.notes_on_chart
    assert "separate count" not in national.notes
    assert "the Met's own review of its cases (a separate chart; its 1,200 cases still in scope)" in national.notes


def test_every_chart_s_notes_repeat_no_sentence() -> None:
    import re

    import matplotlib

    from analysis.publish import charts

    matplotlib.use("Agg")
    for chart_id in charts.CHART_IDS:
        # five words or more: a short caveat ("Offences, not victims.") may rightly follow two figures' notes
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", charts.draw(chart_id)[1].notes) if len(s.split()) >= 5]
        repeated = {s for s in sentences if sentences.count(s) > 1}
        assert not repeated, (chart_id, repeated)


def test_a_rate_with_its_counted_words_before_per_is_one_rate_and_its_base_no_figure() -> None:
    """The record's own sentence from the Casey audit, scanned, said "2.77 … not in the record" and listed its base,
    "1,000", as a figure to find a source for: the words between the number and "per 1,000" split one rate in two."""
    result = scan_text("The Metropolitan Police Service have recorded 2.77 contact child sexual abuse cases per 1,000 "
                       "children.", DEFAULT)
    assert [f["value_as_printed"] for f in result["figures"]] == ["2.77"]
    entry = result["figures"][0]
    assert (entry["unit"], entry["status"]) == ("rate", "in the record")
    assert [m["figure_id"] for m in entry["matches"]] == ["inkl-2025-06-16-casey-review-london/met-contact-csa-rate"]


@pytest.mark.parametrize("text", [
    "There were 1,200 officers per 2019 figures.",  # a year is no rate's base
    "The force had 300 cases per year.",
    "It recorded 12 cases per cent of the time.",
])
def test_per_without_a_power_of_ten_after_it_makes_no_rate(text: str) -> None:
    entry = _only(text)
    assert entry["unit"] == "count", entry
