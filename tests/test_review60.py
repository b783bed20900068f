"""Stop 60's own work on issue 24, each test checked to fail on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import refusal

AOL = "aol-2016-11-24-hmic-ncpi-mps"
BBC = "bbc-2019-03-28-hmicfrs-mps-post-inspection-review"


@pytest.mark.parametrize(("old", "new", "printed", "figure"), [
    (f"    part: {AOL}/cases-ri-or-inadequate\n", f"    part: {AOL}/cases-referred-back\n", "278",
     "cases-ri-or-inadequate"),
    (f"    part: {AOL}/cases-ri-or-inadequate\n", f"    part: {AOL}/cases-compared-with-force-audit\n", "278",
     "cases-ri-or-inadequate"),
    (f"    - {BBC}/cases-ri\n", f"    - {BBC}/online-cases-examined\n", "127", "cases-ri"),
])
def test_a_claim_whose_words_print_its_documents_figure_must_read_it(tmp_path: Path, old: str, new: str,
                                                                      printed: str, figure: str) -> None:
    """Round 49c's medium left open: PA's "A review of 374 cases found 278, or three quarters" typed with another
    count of the same HMIC report as its part (the 38 cases referred back, or the 132 compared with the force's
    audit) validated, and the claim read 38 (or 132) of 374 and was judged inaccurate. The words print 278, which
    the record holds as the report's cases requiring improvement or inadequate, and no input read it. Likewise
    the BBC's sum "good in 93, required improvement in 127 and … inadequate in 83" with the online cases examined
    typed for the 127."""
    said = refusal(tmp_path, ("claims.yaml", old, new))
    assert f'its text prints "{printed}"' in said and f"/{figure}'" in said, said


def test_every_primary_producer_is_a_body_a_sentence_can_credit() -> None:
    """scan refuses a figure a sentence credits to another body only when it knows the record figure's body: a
    figure whose producer `scan_source.BODIES` does not name constrains nothing. London Councils (its 32 boroughs)
    and the Independent Inquiry into Grooming Gangs were missing, so "According to the Met, there are 32 London
    boroughs" was taken as London Councils' count. Every primary source's producer must be named there."""
    from analysis.factcheck.scan_source import bodies_of
    from analysis.paths import DEFAULT
    from analysis.record.problems import Problems
    from analysis.record.sources import load_sources

    sources = load_sources(DEFAULT, Problems())
    primary = {s["producer"] for s in sources.values() if s["primary"]}
    unnamed = sorted(p for p in primary if not bodies_of({"publisher": p, "attributed_to": p}))
    assert len(primary) >= 18 and unnamed == [], unnamed


def test_a_sentence_crediting_the_met_with_london_councils_count_is_told_so(tmp_path: Path) -> None:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text("According to the Met, there are 32 London boroughs.", DEFAULT)
    said = str(result)
    assert "from London Councils, not the Met" in said, said


def test_search_finds_words_from_the_start_of_a_word() -> None:
    """A fact-checker searching "children at risk" wants the Met's counts of children at risk first. Query words
    were found anywhere inside a cell's words ("at" in "Metropolitan", "ONS" in "inspections", "rate" in
    "separate"), and a measure's name ("children_at_risk_cse") never held the phrase, so two inspection releases
    ranked above the figures, and "ONS" listed 318 rows. Checked against data/raw/figures/met-2017-03-13.csv: the
    Met's 1,116 (2014) and 1,582 (2016) children believed at risk, and the 42 per cent rise between them."""
    from analysis.tables.lookup import search

    top = [(r["kind"], r["id"], r.get("value_as_printed")) for r in search("children at risk")[:3]]
    assert top == [("figure", "met-2017-03-13/change-children-at-risk-2014-2016", "42 per cent"),
                   ("figure", "met-2017-03-13/children-at-risk-2014", "1,116"),
                   ("figure", "met-2017-03-13/children-at-risk-2016", "1,582")], top
    ons = {r["id"] for r in search("ONS")}
    assert "breakingnewstime-2016-11-hmic-ncpi-mps/cases-examined" not in ons  # "ons" only inside "Constabulary"
    assert "ons-2020-01-14-child-sexual-abuse-ew/cpp-sexual-abuse-2019" in ons


def test_search_still_finds_a_word_inside_its_longer_forms() -> None:
    """Guard: "exploit" finds rows that print only "exploitation"; "percent" typed as one word finds what "per
    cent" finds (a word-start match would otherwise find neither "per cent" nor "56%", which the cells read as it).
    """
    from analysis.tables.lookup import search

    assert any(r["id"] == "met-2017-03-13/children-at-risk-2014" for r in search("exploit"))
    percent = [r["id"] for r in search("percent")]
    assert "parliamenttoday-2018-02-hmicfrs-ncpi-mps-q4/share-ri-or-inadequate" in percent  # "almost 90 percent"
    assert percent == [r["id"] for r in search("per cent")]
