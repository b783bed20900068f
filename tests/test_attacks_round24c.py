"""Round 24, helper c: one reading of characters (class 4): every place that reads text for a number or for
personal data reads its characters the same way."""

from __future__ import annotations

import pytest


def _scanned(text: str) -> list[tuple[float, str, str]]:
    """The figures scan reads in `text` (value, qualifier, unit)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    return [(f["value"], f["qualifier"], f["unit"]) for f in scan_text(text, DEFAULT)["figures"]]


# --- scan decodes every character reference in prose, as the HTML path and the personal-data check do -------------


@pytest.mark.parametrize(("text", "plain"), [
    ("Police recorded 1&#x2c;200 offences.", "Police recorded 1,200 offences."),
    ("Police recorded 1&#X2C;200 offences.", "Police recorded 1,200 offences."),
    ("Police recorded 1.2&#x20;million offences.", "Police recorded 1.2 million offences."),
    ("Police recorded 56&#x25; of offences.", "Police recorded 56% of offences."),
    ("Police recorded 1&ThinSpace;200 offences.", "Police recorded 1\u2009200 offences."),
    ("Call 020&#x20;7946&#x20;0000 for help.", "Call 020 7946 0000 for help."),
    ("Police recorded &#x31;,200 offences.", "Police recorded 1,200 offences."),
])
def test_scan_reads_a_hexadecimal_or_capitalised_character_reference_in_prose_as_its_character(text: str,
                                                                                             plain: str) -> None:
    """A Markdown renderer shows "1&#x2c;200" as "1,200"; scan decoded a prose article's character references only
    when it held a decimal or lower-case named one, so it read the figures 1 and 200, the count 1.2 for "1.2
    million", the count 56 for 56%, and the figure 7946 inside a phone number the record's personal-data check finds
    there. The same text in an HTML page was read right."""
    from analysis.record.safeguarding import personal_data_in

    assert _scanned(text) == _scanned(plain) == _scanned(f"<p>{text}</p>")
    assert personal_data_in(text) == personal_data_in(plain)


def test_a_prose_article_without_a_reference_is_left_as_written() -> None:
    assert _scanned("R&D spent 1,200 on A&E; 56% agreed.") == [(1200.0, "exact", "count"), (56.0, "exact", "percent")]
