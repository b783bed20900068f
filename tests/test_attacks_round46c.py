"""Round 46, helper c: dates no source printed (class 5), one reading of names and labels (class 4) and the copy's
`original` (class 5), with inputs earlier rounds did not try: the committed record's undated bound as the national
chart's note gives it; a place or unit typed with its sentence's full stop; a copy's `original` naming another
body's or a later document; an inspection's year typed a century off; a rounding step in other digits on `verify`'s
command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import matplotlib
import pytest

from analysis.paths import PROJECT_ROOT
from analysis.publish import charts, publishers
from tests.raw_copy import refusal

matplotlib.use("Agg")

# --- a day no source printed ---------------------------------------------------------------------------------------


def test_the_historic_chart_s_note_gives_a_bound_no_day_its_source_did_not_print() -> None:
    """The national chart's note on a bound not drawn again said "'More than 1,200' on 4 November 2025": Eastern
    Eye's story, which printed it, has no day printed (as_at_approximate). The day is the NCA briefing's, which the
    Independent printed for the same count (its exact 1,273), so the note gives it as the day the count is as at, in
    the chart's one wording of dates (`charts.common.as_known`), and says the day only because a source printed it."""
    from analysis.publish.charts.common import as_known
    from analysis.tables.load import load_table

    notes = charts.draw("historic-reviews-national")[1].notes
    assert "'More than 1,200' as at 4 November 2025 not shown again" in notes
    reviews = load_table("historic_reviews")
    beaconport = reviews[reviews["measure"] == "beaconport_referrals"]
    assert as_known(beaconport, "2025-11-04") == "4 November 2025"
    assert as_known(beaconport[beaconport["as_at_approximate"]], "2025-11-04") == "November 2025"


# --- a place or unit typed with its sentence's full stop ---------------------------------------------------------

ICEBERG = "figures/csacentre-infographics-2019-20-iceberg.csv"


@pytest.mark.parametrize(("old", "new", "message"), [
    ("recorded by the police,England and Wales,2019-04-01", "recorded by the police,England and Wales.,2019-04-01",
     "geography 'England and Wales.' is written 'England and Wales' in 198 other row(s): one place, one spelling"),
    (',"87,992",offences,', ',"87,992",offences.,', "unit 'offences.' is written 'offences' in"),
])
def test_a_label_typed_with_a_full_stop_is_the_place_or_unit_it_names(tmp_path: Path, old: str, new: str,
                                                                       message: str) -> None:
    """The CSA Centre's 87,992 offences with geography "England and Wales." (the cell copied with its sentence's full
    stop) passed validate as another place, and the recorded-vs-estimated chart dropped the CSA Centre's whole row
    (its 87,992 offences and its 500,000 children), exit 0, as "England and wales" did before letter case was read
    one way."""
    assert message in refusal(tmp_path, (ICEBERG, old, new))


@pytest.mark.parametrize("typed", ["HM Inspectorate of Constabulary and Fire \uff06 Rescue Services",
                                   "HM Inspectorate of Constabulary and Fire \ufe60 Rescue Services",
                                   "HM Inspectorate of Constabulary and Fire & Rescue Services."])
def test_a_body_typed_with_a_full_width_ampersand_is_the_body(typed: str) -> None:
    """validate takes a producer with a full-width "＆" (it refuses full-width letters, not this sign); the credit
    named "HM Inspectorate of Constabulary and Fire ＆ Rescue Services" in full, not HMICFRS."""
    assert publishers.face_name(typed) == "HMICFRS"


# --- a copy's original ---------------------------------------------------------------------------------------------

REPRINT_2018 = "original: hmicfrs-2018-02-22-news-release-q4"


def test_a_copy_s_original_of_another_body_is_refused(tmp_path: Path) -> None:
    """Parliament Today's reprint of HMICFRS's 2018 release given the Met's 2016 response to HMIC as its original (an
    id picked from the line above): validate passed, and the inspection chart's credit "HMIC and HMICFRS, reported
    by …" linked the Met's press page on mynewsdesk.com, exit 0."""
    said = refusal(tmp_path, ("sources.yaml", REPRINT_2018, "original: met-2016-11-25-response-hmic-child-protection"))
    assert ("original 'met-2016-11-25-response-hmic-child-protection' is a document of 'Metropolitan Police Service', "
            "which this copy does not name as its publisher") in said


def test_a_copy_s_original_published_after_it_is_refused(tmp_path: Path) -> None:
    """The same reprint (February 2018) given HMICFRS's 2024 release as its original: one body, but a document six
    years later than its copy."""
    said = refusal(tmp_path, ("sources.yaml", REPRINT_2018, "original: hmicfrs-2024-02-09-news-release"))
    assert ("original 'hmicfrs-2024-02-09-news-release' was published 2024-02-09, after this copy of it (2018-02-22): "
            "a copy cannot come out before its document") in said


@pytest.mark.parametrize(("copied", "approximate", "expected"), [
    ("2018-02-22", False, None), ("2018-02-21", False, None), ("2025-06-01", False, None),
    ("2018-02-01", True, None), ("2018-02-20", False, "a copy cannot come out before its document"),
    ("2018-01-01", True, "a copy cannot come out before its document"),
])
def test_a_copy_comes_out_no_earlier_than_its_original(copied: str, approximate: bool, expected: str | None) -> None:
    """A day's grace for an embargoed release (a story dated the evening before); by the month where a date was not
    printed; a mirror years later is a copy still."""
    from analysis.record.sources import original_problem

    body = "HM Inspectorate of Constabulary and Fire & Rescue Services"
    sources = {"own": {"primary": True, "producer": body, "date_published": "2018-02-22"}}
    copy = {"original": "own", "primary": False, "producer": f"{body} (reprinted on Parliament Today)",
            "date_published": copied, "date_approximate": approximate}
    problem = original_problem("copy", copy, sources)
    assert (problem is None) if expected is None else (expected in str(problem))


def test_a_story_s_original_may_be_the_body_it_attributes_its_figures_to() -> None:
    """A news story names its source body in an attribution, not its producer: that body's document is its
    original."""
    from analysis.record.sources import original_problem

    sources = {"own": {"primary": True, "producer": "PA Media", "date_published": "2016-11-24"}}
    story = {"original": "own", "primary": False, "producer": "AOL", "date_published": "2016-11-24",
             "attributions": [{"to": "PA Media", "figures": [], "words": ""}]}
    assert original_problem("story", story, sources) is None


@pytest.mark.parametrize("own", ["HM Inspectorate of Constabulary and Fire & Rescue Services, news release",
                                 "HM Inspectorate of Constabulary and Fire & Rescue Services (its own site)"])
def test_an_original_named_with_more_after_its_name_is_the_body_still(own: str) -> None:
    """The planted-markup job appends text to every producer: the original's "HM Inspectorate … Services <text>" is
    not inside the copy's "HM Inspectorate … Services (reprinted on WiredGov) <text>", and the whole job was refused.
    The copy's name before its bracket is inside the original's."""
    from analysis.record.sources import original_problem

    sources = {"own": {"primary": True, "producer": own, "date_published": "2024-02-09"}}
    copy = {"original": "own", "primary": False, "date_published": "2024-02-09",
            "producer": "HM Inspectorate of Constabulary and Fire & Rescue Services (reprinted on WiredGov), as read"}
    assert original_problem("copy", copy, sources) is None


# --- an inspection's year ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1916-11-25", "2006-11-25", "2015-11-25"])
def test_an_inspection_dated_in_another_year_than_its_label_is_refused(tmp_path: Path, typed: str) -> None:
    """inspections.yaml's "2016 inspection" published 1916-11-25 passed (only the 1900 floor applied): the grades
    chart was titled "Most cases examined required improvement or were inadequate at every inspection, 1916–2024",
    its alt text "2016 inspection, November 1916"."""
    said = refusal(tmp_path, ("inspections.yaml", "published: 2016-11-25", f"published: {typed}"))
    assert f"published {typed} is before the year its label names (2016): a mistyped year?" in said


@pytest.mark.parametrize(("label", "relabelled"), [('label: "2017 Q2 update"', 'label: "2016 inspection update"'),
                                                   ('label: "2019 review"', 'label: "2016 inspection revisit"')])
def test_an_inspection_published_after_the_year_its_label_names_passes(tmp_path: Path, label: str,
                                                                      relabelled: str) -> None:
    """A report published the year after its fieldwork, or a revisit labelled by the inspection it follows. (Its
    label is changed, not its date: an inspection dated after every document that reports it is refused since
    round 47.)"""
    from analysis.paths import Paths
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    load_raw(Paths(raw_copy(tmp_path, ("inspections.yaml", label, relabelled))))


# --- a rounding step in other digits on verify's command line -------------------------------------------------------


@pytest.mark.parametrize("step", ["\uff11\uff10\uff10", "1\u06600"])
def test_verify_s_rounding_step_in_other_digits_gets_the_one_digits_message(step: str) -> None:
    """`verify change --rounded to=１００` (or "1٠0") said "the unit must be a positive number (to=100)", where the
    same digits in --from, and in a claim's `rounded:`, get the one message for digits of another script."""
    ran = subprocess.run([sys.executable, "-m", "analysis", "verify", "change", "--from", "922", "--to", "1200",
                          "--rounded", f"to={step}", "--stated", "30 per cent"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert ran.returncode == 2
    assert "a number must be written with the digits 0-9 only" in ran.stderr


# --- an id as copied, read one way by `show` and Datasette -----------------------------------------------------------

COPIED = ["MyLondon-2025-10-grooming-gangs", "`mylondon-2025-10-grooming-gangs`", "(mylondon-2025-10-grooming-gangs)",
          "\u201cmylondon-2025-10-grooming-gangs\u201d", "'mylondon-2025-10-grooming-gangs'",
          "mylondon-2025-10-grooming-gangs.", "mylondon-2025-10-grooming-gangs,\u00a0"]


@pytest.mark.parametrize("typed", COPIED)
def test_show_reads_an_id_as_copied_as_datasette_does(typed: str) -> None:
    """Datasette's "Every figure from one source" read "MyLondon-…" and "`mylondon-…`" as the id (its test says
    `show` did too); `show` said "'MyLondon-2025-10-grooming-gangs' is no figure, source, gap or claim id". An id
    copied from a caveat's brackets, a Word document's quotes or the end of a sentence was no id to either."""
    from analysis.tables.lookup import Index

    assert Index().known(typed) == "mylondon-2025-10-grooming-gangs"


@pytest.fixture(scope="module")
def source_query(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Datasette's "Every figure from one source" on a database built from data/processed: id → rows."""
    import sqlite3

    from analysis.paths import DB_NAME, DEFAULT
    from analysis.publish.database import build_database
    from analysis.publish.db_metadata import CANNED_QUERIES

    path = tmp_path_factory.mktemp("db") / DB_NAME
    build_database(DEFAULT, path)

    def rows(source_id: str) -> list[Any]:
        with sqlite3.connect(path) as db:
            return db.execute(CANNED_QUERIES["figures_from_source"]["sql"], {"source_id": source_id}).fetchall()

    return rows


@pytest.mark.parametrize("typed", COPIED)
def test_datasette_s_source_query_reads_an_id_as_show_does(source_query: Any, typed: str) -> None:
    assert len(source_query(typed)) == len(source_query("mylondon-2025-10-grooming-gangs")) == 6


# --- an edition's predecessor ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("old", ["ons-2011-10-28-region-profile-london",
                                 "wiredgov-2024-02-09-hmicfrs-mps-exploitation"])
def test_an_edition_of_another_body_s_document_is_refused(tmp_path: Path, old: str) -> None:
    """DfE's 2025 children-in-need release given ONS's 2011 London profile (or a reprint of HMICFRS's release) as the
    edition it supersedes passed validate: its figures would revise the other body's wherever the two print the same
    measure, place and period, as the copy's `original` of another body did for a credit's link."""
    said = refusal(tmp_path, ("sources.yaml", "  supersedes: dfe-cin-2024\n", f"  supersedes: {old}\n"))
    assert f"supersedes {old!r}, a document of " in said
    assert "an earlier edition is one of the same body's documents" in said
