"""Attack round 23d (issue 24, class 3/4): RE2's kind set (`PatternSet`) against Python's patterns, and what the
differential fuzzing of scan turned up on the way."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text


@pytest.mark.parametrize("letter", ["\u0131", "\u0130", "\u017f", "\u212a"])
def test_a_tag_whose_name_starts_with_a_letter_that_folds_to_ascii_is_no_tag(letter: str) -> None:
    """HTML's tag names start with an ASCII letter: `</ı>` (a Turkish dotless i), `</ſpan>` are bogus comments to a
    browser, and a `<ſcript>` is text, not a script. Python's Unicode case folding read "ı", "İ", "ſ" and the Kelvin
    sign as the letters of "[a-zA-Z]" in one tag pattern and not in the next: scan stopped with a traceback."""
    page = f"<p>Police recorded 1,200 cases.</p><p>Then x</{letter}> and 300 more referrals.</p>"
    text = to_text(page)
    assert "300 more referrals" in text and "1,200 cases" in text
    assert f"</{letter}" not in text
    assert "1,200 cases" in to_text(f"<p>A <{letter}cript>1,200 cases</{letter}cript> rose.</p>")
