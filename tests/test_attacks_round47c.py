"""Round 47, helper c: a raw row a transcriber could plausibly write that validates but publishes something wrong
(classes 4 and 5): a figure's place typed as its abbreviation ("E&W", "UK"), which no reading of letter case or
marks made the place it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import refusal

# --- a place typed as its abbreviation -----------------------------------------------------------------------------

ICEBERG = "figures/csacentre-infographics-2019-20-iceberg.csv"
UK_2021 = "figures/ons-2021-mid-year-uk-copy.csv"


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    (ICEBERG, "recorded by the police,England and Wales,2019-04-01", "recorded by the police,E&W,2019-04-01",
     "geography 'E&W' is 'England and Wales' written another way: write 'England and Wales'"),
    (UK_2021, ",United Kingdom,2021-06-30,", ",UK,2021-06-30,",
     "geography 'UK' is 'United Kingdom' written another way: write 'United Kingdom'"),
    (UK_2021, ",United Kingdom,2021-06-30,", ",U.K.,2021-06-30,", "write 'United Kingdom'"),
    (UK_2021, ",United Kingdom,2021-06-30,", ",Britain,2021-06-30,", "write 'Great Britain'"),
    (ICEBERG, "recorded by the police,England and Wales,2019-04-01", "recorded by the police,National,2019-04-01",
     "geography 'National' is not a place this record names"),
])
def test_a_place_typed_as_its_abbreviation_is_refused(tmp_path: Path, file: str, old: str, new: str,
                                                       message: str) -> None:
    """The CSA Centre's 87,992 offences with geography "E&W" (the infographic's own short form) passed validate as
    another place: the recorded-vs-estimated chart dropped the CSA Centre's whole row (its 87,992 offences and its
    500,000 children; credit, notes, alt text and CSV then named only the NPCC), exit 0, as "England and wales" and
    "England and Wales." did before. The UK's mid-2021 population typed "UK" made a fourth area in the population
    table: notebook 04's London shares and its "What we found" left 2021 out without a word."""
    said = refusal(tmp_path, (file, old, new))
    assert message in said, said


def test_every_place_the_comparability_rule_knows_is_a_place_of_the_record() -> None:
    """The guard: the places a share or series is judged by are places a figure may name."""
    from analysis.record.places import PLACES
    from analysis.tables.comparability import WITHIN

    assert set(WITHIN) | {place for within in WITHIN.values() for place in within} <= PLACES


@pytest.mark.parametrize("place", ["London", "England and Wales", "United Kingdom", "Great Britain",
                                   "Hammersmith and Fulham", "City of London"])
def test_a_place_of_the_record_passes(place: str) -> None:
    from analysis.record.places import place_problem

    assert place_problem(place) is None


def test_a_borough_typed_with_an_ampersand_is_the_borough() -> None:
    """The council's own "Hammersmith & Fulham" is the borough, written one way."""
    from analysis.record.places import place_problem

    assert "write 'Hammersmith and Fulham'" in str(place_problem("Hammersmith & Fulham"))


# --- a measure or unit typed one "s" short -------------------------------------------------------------------------

NPCC_2022 = "figures/npcc-2024-01-10-vkpp-2022-csae-analysis.csv"
MET_2017 = "figures/met-2017-03-13.csv"


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    (NPCC_2022, "csae-crimes-2022,csae_offences_recorded,", "csae-crimes-2022,csae_offence_recorded,",
     "measure 'csae_offence_recorded' is written 'csae_offences_recorded' in 10 other row(s): one measure, one "
     "spelling"),
    (MET_2017, ",618,crimes,", ",618,crime,", "unit 'crime' is written 'crimes' in"),
    (ICEBERG, '"87,992",offences,', '"87,992",offence,', "unit 'offence' is written 'offences' in"),
])
def test_a_measure_or_unit_one_s_short_is_the_measure_or_unit_it_names(tmp_path: Path, file: str, old: str,
                                                                        new: str, message: str) -> None:
    """The NPCC's own 2022 count (VKPP's analysis) with measure "csae_offence_recorded" passed validate as a measure
    of its own: the national offences chart, which selects "csae_offences_recorded", showed The Conversation's
    "106,984 cases" for 2022 instead of the NPCC's "around 107,000 offences" and credited that outlet, exit 0. A unit
    "crime" put "2014 618 crime" in the Met series chart's alt text and "(crime, crimes and offences)" in its notes."""
    said = refusal(tmp_path, (file, old, new))
    assert message in said, said


# --- a value transcribed without the bound its quote prints before it ----------------------------------------------

MIRROR = "figures/mirror-2025-12-09-inquiry-chair-copy.csv"


def test_a_value_without_the_bound_its_quote_prints_is_refused(tmp_path: Path) -> None:
    """The Mirror's "Ms Mahmood told MPs that more than 1,200 cases have already been flagged" with the value typed
    "1,200" (the quote kept) passed validate: the two-1,200s chart was titled "'1,200' national cases and the Met's
    1,200 cannot be added", its card and the national chart's December point showed an exact 1,200, exit 0. The
    same slip with the bound printed after the value ("1,200+") was already refused."""
    said = refusal(tmp_path, (MIRROR, ',"more than 1,200",cases,', ',"1,200",cases,'))
    assert 'quote does not contain "1,200"' in said, said


@pytest.mark.parametrize(("value", "quote"), [
    ("1,200", "More than 1,200 cases were flagged."), ("1,200", "almost 1,200 cases"), ("1,200", "nearly 1,200"),
    ("1,200", "at least 1,200 cases"), ("1,200", "no fewer than 1,200"), ("more than 1,200", "no more than 1,200"),
    ("over 1,200", "just over 1,200 cases"), ("three", "up to three years"),
])
def test_the_quote_check_reads_a_bound_printed_before_the_value(value: str, quote: str) -> None:
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)


@pytest.mark.parametrize(("value", "quote"), [
    ("more than 1,200", "More than 1,200 cases were flagged."), ("three", "the inquiry over three years"),
    ("63.7 million", "The population was estimated to be 63.7 million"), ("462,000", "An estimated 462,000 people"),
    ("1,200", "more than 800 cases, now 1,200"), ("1,200", "more than 1,200, of which 1,200 in London"),
    ("up to three", "up to three years"), ("just over 1,200", "just over 1,200 cases"),
])
def test_a_value_whose_quote_prints_no_other_bound_before_it_is_found(value: str, quote: str) -> None:
    """The guard: "over" is a preposition as often ("over three years"), and an estimate's wording is transcribed as
    the estimate (the ONS's mid-year totals); the value printed again without the bound is found."""
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


# --- an inspection dated after every document that reports it -----------------------------------------------------


@pytest.mark.parametrize("typed", ["2016-12-25", "2017-11-25"])
def test_an_inspection_published_after_its_documents_is_refused(tmp_path: Path, typed: str) -> None:
    """inspections.yaml's "2016 inspection" published 2016-12-25 (a month typed 12 for 11) passed: its documents are
    PA's story of 24 November (embargoed), its copy and the Met's response of 25 November, and the grades chart
    labelled its bar "2016 inspection, December 2016" (and its alt text, CSV and workbook sheet), exit 0. A year
    typed one on passed the label's floor too. (A day typed one on, 2016-11-26, now passes: the copy's date is
    marked approximate, its notes saying the date is not shown, so it is compared by the month.)"""
    said = refusal(tmp_path, ("inspections.yaml", "published: 2016-11-25", f"published: {typed}"))
    assert f"published {typed} is after the last of the documents listed for it (2016-11-25)" in said, said


def test_an_inspection_known_by_a_document_of_the_month_after_passes(tmp_path: Path) -> None:
    """The guard: a document dated by a first-of-month stand-in (`date_approximate`) is compared by the month, and
    an inspection published before its documents (a preview release, later reports) passes."""
    from analysis.paths import Paths
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path, ("inspections.yaml", "published: 2019-03-28", "published: 2019-03-29"),
                    ("inspections.yaml", "published: 2024-02-09", "published: 2024-02-08"))
    assert load_raw(Paths(root)).inspections


# --- the Met by the names the press gives it --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Met Police", "the Met", "MPS", "Metropolitan Police Service (MPS)"])
def test_the_met_by_its_short_names_is_one_body_on_a_credit(typed: str) -> None:
    """PA's attribution of the 9,000 cases typed `to: "the Met"` (the story's own words): the funnel chart credited
    "the Met and Metropolitan Police, reported by PA Media and GB News"; a Met release produced by "Met Police",
    "Metropolitan Police and Met Police, reported by Evening Standard" on the Met series chart."""
    from analysis.publish import publishers

    assert publishers.face_line(["Metropolitan Police Service", typed], []) == "Metropolitan Police"
    assert publishers.same_body(typed, "Metropolitan Police Service")


# --- a copy on a mirror's site marked as the publisher's own --------------------------------------------------------

WIREDGOV = '''  kind: press release
  primary: false
  outlet: reprint
  original: hmicfrs-2024-02-09-news-release
'''


def test_a_page_on_a_mirror_s_site_marked_primary_is_refused(tmp_path: Path) -> None:
    """WiredGov's reprint of HMICFRS's 2024 release marked `primary: true, outlet: producer` (its `original` left
    out) passed validate: the workbook's Sources sheet and Datasette gave wired-gov.net's page as HMICFRS's own
    document."""
    said = refusal(tmp_path, ("sources.yaml", WIREDGOV, "  kind: press release\n  primary: true\n  outlet: producer\n"))
    assert "url_main is on a site that carries copies of others' documents" in said, said
