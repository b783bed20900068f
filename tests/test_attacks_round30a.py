"""Issue 24, round thirty, helper r30a: scan (class 3) on text shapes a fact-checker plausibly pastes or saves that
earlier rounds did not try: chat exports, a browser's PDF viewer, tables copied from a word processor, notes apps,
OCR output and encyclopaedia pages."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from tests.scanned import read


@pytest.mark.parametrize(("text", "time"), [
    # WhatsApp's export on an iPhone: every message starts with the time to the second
    ("[12/03/2024, 10:32:15] Jane Doe: Police recorded 1,200 offences in 2016-17.", "10:32:15"),
    ("[12/03/2024, 10:33:02] Jane Doe: up 12% on the year before?", "10:33:02"),
    # a log, a transcript or a video's place
    ("The call ended at 09:05:59 pm and the unit logged 1,200 offences.", "09:05:59 pm"),
    ("The video at 1:02:33 shows police recorded 1,200 offences.", "1:02:33"),
    # a subtitle file's cue, the seconds' fraction after a comma
    ("00:01:02,500 --> 00:01:04,000\nPolice recorded 1,200 offences.", "00:01:02,500"),
])
def test_a_time_with_its_seconds_is_a_time_not_a_count(text: str, time: str) -> None:
    """A time's hours and minutes were left out as a time, and its seconds read as a count ("15", "59", "33") not
    in the record, or listed as a number in a form no figure form reads ("02,500"); the whole time is left out."""
    figures, not_read = read(text)
    assert not_read == []
    assert all(unit != "count" or value >= 1000 for _, value, unit, _ in figures)
    left = [(item["text"], item["kind"]) for item in scan_text(text, DEFAULT)["left_out"]]
    assert (time, "time") in left


#: A council committee's report as copied from its PDF: a heading, then paragraphs numbered by section.
COMMITTEE_REPORT = """Children's Services Scrutiny Panel
Agenda Item 7
1. Purpose of the report
1.1 This report updates the Panel on child sexual exploitation.
2. Background
2.1 In 2016-17 police recorded 1,200 offences.
2.2 Referrals rose by 12% to 1,582.
3.10 The service cost £1.2 million.
"""


def test_a_numbered_paragraph_after_a_heading_is_a_list_number_not_a_count() -> None:
    """A line ending in a lower-case letter before a line starting with a digit is text wrapped mid-sentence
    ("Police recorded\\n1,200 cases"), so the two were joined; but a paragraph numbered by section after a heading
    ("… of the report\\n1.1 This report") is a paragraph of its own, and joined, its number was the count 1.1, 2.1
    mid-sentence, not in the record."""
    figures, not_read = read(COMMITTEE_REPORT)
    printed = {printed for printed, *_ in figures}
    assert {"1,200", "12%", "1,582", "£1.2 million"} <= printed and not printed & {"1.1", "2.1"}
    assert not_read == []
    left = {item["text"]: item["kind"] for item in scan_text(COMMITTEE_REPORT, DEFAULT)["left_out"]}
    assert left["1.1"] == left["2.1"] == "list number"


def test_a_figure_wrapped_onto_the_next_line_is_still_joined_to_its_sentence() -> None:
    text = "In the year the force said that police had recorded\n1,200 offences.\n"
    sentences = [f["sentence"] for f in scan_text(text, DEFAULT)["figures"]]
    assert sentences == ["In the year the force said that police had recorded 1,200 offences."]
