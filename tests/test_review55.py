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


def test_definitions_no_claim_links_are_still_called_different_definitions() -> None:
    """Not "they are not the same figure": the record may keep one count under two sources' names (Beaconport's
    1,273), so what differs, and what a reader must check, is the definition."""
    entry = {"definitions": ["a", "b"], "matches": [{"figure_id": "x/1", "measure": "a"},
                                                   {"figure_id": "y/1", "measure": "b"}], "claims": []}
    assert definitions_warning(entry) == ("matches 2 different definitions: read each definition before comparing "
                                          "or adding them")


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


def test_a_copy_names_its_publisher_s_own_document_and_the_credit_links_it() -> None:
    """The inspection chart's credit linked a recruitment site's copy of a news agency's story: its figures come
    from Parliament Today's reprint of HMICFRS's release (never linked), while HMICFRS's own page of that release is
    in the record, cut short before the figures. A copy's `original` names it; the credit links it."""
    import matplotlib

    from analysis.publish import charts
    from analysis.tables.load import load_table

    matplotlib.use("Agg")
    figures = load_table("figures")
    reprint = figures[figures["source_id"] == "parliamenttoday-2018-02-hmicfrs-ncpi-mps-q4"]
    hmicfrs = ("https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/met-police-leaders-now-understand-"
               "challenges-but-child-protection-still-needs-to-improve/")
    assert set(reprint["original_url"]) == {hmicfrs}
    assert charts.draw("inspection-grades")[1].source_url == hmicfrs
    assert set(figures.loc[figures["primary"], "original_url"].fillna("")) == {""}


@pytest.mark.parametrize(("original", "primary", "expected"), [
    ("own", True, None),
    ("nobody", True, "original 'nobody': not another source id in this file"),
    ("copy", True, "original 'me': not another source id in this file"),
    ("story", True, "original 'story' is not the publisher's own document (primary: true)"),
    ("own", None, "original is given for a copy (primary: false); this source is the publisher's own document"),
])
def test_an_original_must_be_another_source_that_is_the_publisher_s_own(original: str, primary: bool | None,
                                                                         expected: str | None) -> None:
    from analysis.record.sources import original_problem

    sources = {"own": {"primary": True}, "story": {"primary": False}, "me": {}}
    me = {"original": "me" if original == "copy" else original, "primary": False if primary else True}
    assert original_problem("me", me, sources) == expected


def test_the_two_counts_are_dated_as_counts_not_as_reports() -> None:
    """The Met's 1,200 card read "GB News, 13 November 2025", as if GB News had published that day; its date is not
    printed (the record's stand-in is the day of the meeting the count was given at), so the count is dated by its
    month, after "As at"."""
    import matplotlib

    from analysis.publish import charts

    matplotlib.use("Agg")
    fig, _ = charts.draw("two-1200s")
    face = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text)).replace("\n", " ")
    assert "GB News, 13 November 2025" not in face
    assert "As at November 2025; GB News." in face
    assert "As at 9 December 2025; Daily Mirror." in face


def test_the_national_chart_names_a_copy_that_prints_a_year_s_total_exactly() -> None:
    """The 2022 card shows "around 107,000 offences"; The Conversation's 106,984 (citing the VKPP) was in the
    record but in no output a fact-checker working out the rise to 2023 would read."""
    import matplotlib

    from analysis.publish import charts

    matplotlib.use("Agg")
    notes = charts.draw("national-csae-offences")[1].notes
    assert "2022: The Conversation prints the count exactly, '106,984 cases', citing NPCC (VKPP)" in notes
    assert "2023: " in notes and "prints the count exactly, '115,000" not in notes  # rounder printings are not


def test_tables_say_which_dates_no_source_printed() -> None:
    """`historic_reviews.as_at` held MyLondon's "more than 1,200" as at 1 October 2025 and `population.as_published`
    the GLA 2017 page as 1 January 2018, stand-ins for dates the documents do not print, with nothing to say so;
    each chart worked it out from the sources table in its own way."""
    from analysis.tables.load import load_table

    reviews = load_table("historic_reviews").set_index("figure_id")["as_at_approximate"]
    assert bool(reviews["mylondon-2025-10-grooming-gangs/historic-cases-identified-for-review"])
    assert bool(reviews["gbnews-2025-11-05-beaconport/beaconport-referrals"])  # the NCA briefing's day, not printed
    assert not bool(reviews["independent-2025-11-04-beaconport/beaconport-referrals"])  # printed with its date
    population = load_table("population").set_index("source_id")["as_published_approximate"]
    assert bool(population["gla-demography-mye-2017"]) and not bool(population["ons-2024-mid-year-uk"])


def test_the_met_s_three_times_more_cases_solved_is_in_the_record_as_printed() -> None:
    """PA's copy of the Met's statement (ireland-live.ie, para 9): "In the past year, the Met said it had solved
    three times more cases of child sexual exploitation and charged 134 more suspects." The 134 was recorded, the
    "three times" only named in its caveat, so scan called the statement's multiple "not in the record"."""
    entry = _only("In the past year, the Met said it had solved three times more cases of child sexual "
                  "exploitation and charged 134 more suspects.")
    assert (entry["value_as_printed"], entry["status"]) == ("three times", "in the record")
    assert [m["figure_id"] for m in entry["matches"]] == ["pa-2025-10-26-met-review/cse-cases-solved-multiple"]


def test_a_finder_module_is_parsed_under_the_lock(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """ci115 failed once with "SystemError: AST constructor recursion depth mismatch": CPython 3.11 breaks when two
    threads build ASTs at once, and the pipeline hashes each step's inputs (an editable install's finder module
    among them) in its own thread. The race is too rare to provoke in a test; what is tested is that every AST this
    module builds is built holding the lock."""
    import ast

    from analysis import paths

    finder = tmp_path / "__editable___x_finder.py"
    finder.write_text("MAPPING: dict[str, str] = {'deskhelp': '/srv/deskhelp', 'analysis': '/x/analysis'}\n",
                      encoding="utf-8")
    held = []
    parse, literal_eval = ast.parse, ast.literal_eval
    monkeypatch.setattr(ast, "parse", lambda *a, **k: (held.append(paths._AST_LOCK.locked()), parse(*a, **k))[1])
    monkeypatch.setattr(ast, "literal_eval",
                        lambda *a, **k: (held.append(paths._AST_LOCK.locked()), literal_eval(*a, **k))[1])
    assert paths._finder_mapping(str(finder)) == ["/srv/deskhelp"]
    assert held == [True, True]
