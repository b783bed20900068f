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
