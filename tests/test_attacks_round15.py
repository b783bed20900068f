"""Issue 24, round fifteen (the lead's attacks): what a fresh attack found, each pinned by a test that fails
without its fix. The helpers' rounds are tests/test_attacks_round15a.py and tests/test_attacks_round15b.py."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT

# --- scan: a figure printed open-ended ("1,200-plus") was read as the exact figure (class 3) --------------------

OPEN_ENDED = "number printed open-ended"


def _scan(text: str) -> tuple[list[str], list[str]]:
    result = scan_text(text, DEFAULT)
    return [f["value_as_printed"] for f in result["figures"]], result["not_read"]


@pytest.mark.parametrize(("text", "left"), [
    ("There were 1,200+ cases in the review.", "1,200+"),  # read as an exact 1,200: the "at least" was lost
    ("There were 1,200-plus cases in the review.", "1,200-plus"),
    ("There were 1,200 plus cases in the review.", "1,200 plus"),
    ("The Met found 9,000 or more children at risk.", "9,000 or more"),  # dropped as a definition's threshold
    ("Referrals were 56% and over the target.", "56% and over"),
    ("Spending was \u00a31.2bn plus.", "\u00a31.2bn plus"),
    ("The 5+ group was the largest.", "5+"),
])
def test_a_figure_printed_open_ended_is_not_read_as_the_exact_figure(text: str, left: str) -> None:
    figures, not_read = _scan(text)
    assert figures == []
    assert not_read == [f"paragraph 1: {left!r} is a {OPEN_ENDED}, not one figure the record can hold: check it by "
                        "hand"]


@pytest.mark.parametrize("text", ["Groups of two or more suspects and three or more victims.",
                                  "A group is 2 or more offenders; 10 or more is large.",
                                  "The sum 5+5 is a sum.", "Up 1,200 from last year, plus 56 cases."])
def test_a_definition_s_threshold_or_a_sum_is_no_open_ended_figure(text: str) -> None:
    figures, not_read = _scan(text)
    assert not any(OPEN_ENDED in line for line in not_read)
