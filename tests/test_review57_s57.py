"""Review s57: `scan` on ordinary news articles, as a fact-checker would run it on a draft.

Each sentence is invented, of the same shape as a sentence in a stored news page the review scanned; the expected
record figure ids were read from data/raw, not from the scanner's output.
"""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT


def _answers(text: str) -> dict[str, dict]:
    return {e["value_as_printed"]: e for e in scan_text(text, DEFAULT)["figures"]}


@pytest.mark.parametrize("text", [
    # the shape of the Met spokesperson's words as PA printed them (Ireland Live copy, 26 October 2025)
    "As part of the national reinvestigation ordered after the audit, we are now carrying out a review of "
    "approximately 9,000 cases covering a 15-year period.",
    "Under the national review, the force is re-examining approximately 9,000 cases from the last 15 years.",
])
def test_a_national_programme_does_not_make_the_forces_own_figure_a_national_one(text: str) -> None:
    """"the national reinvestigation" names the programme the count belongs to, not the place it counts: the
    sentence's 9,000 is the Met's own (the record's figures of it are London), and scan must not call it
    "not in the record" with a warning that London is "another definition"."""
    entry = _answers(text)["approximately 9,000"]
    ids = [m["figure_id"] for m in entry["matches"]]
    assert "pa-2025-10-26-met-review/met-cases-under-review" in ids
    assert all(m["geography"] == "London" for m in entry["matches"])


def test_a_figure_said_to_be_national_is_still_read_as_national() -> None:
    """The exception is for "national" naming a programme; "nationally" and "across the country" still place a
    figure in England and Wales (the national 'more than 1,200' is not the Met's 1,200 in scope)."""
    text = "More than 1,200 historic cases have been identified across the country for review."
    entry = _answers(text)["More than 1,200"]
    assert entry["matches"] and all(m["geography"] == "England and Wales" for m in entry["matches"])


def test_a_share_of_cases_is_a_share_of_offences_when_the_record_calls_them_both() -> None:
    """The record holds the VKPP's 2022 count as "offences" (csae_offences_recorded) and a copy prints it as
    "106,984 child sexual abuse cases" (The Conversation, 17 January 2024): "over half of the cases" is the share
    of offences committed by children, not another definition, as two counts of one kind under different nouns
    are one figure. A share of survivors is still not a share of cases (tests/test_scan_subject.py)."""
    entry = _answers("Police data from 42 forces show that just over half of the child sexual abuse cases "
                     "in 2022 were committed by children.")["just over half"]
    ids = [m["figure_id"] for m in entry["matches"]]
    assert "healthcareconferencesuk-2024-09-18-vkpp-2022-copy/share-child-on-child-2022" in ids
    assert not any(o["differs"].startswith("a share of offences") for o in entry.get("other_definitions", []))


def test_a_year_the_sentence_names_puts_that_years_figure_first() -> None:
    """The record holds one measure over several years (the VKPP's share of offences committed by children: 2022
    from a copy, 2023 from the NPCC's release). A sentence that says "in 2022" must be answered first by the
    2022 figure, not by the 2023 one because that came from the publisher (the number's own "in 2022" is past
    the count in between, "of the 106,984 cases in 2022", so it is not the figure's own year)."""
    entry = _answers("Police data show that just over half of the 106,984 child sexual abuse cases in 2022 "
                     "were committed by children.")["just over half"]
    assert entry["matches"][0]["period_start"].startswith("2022")
