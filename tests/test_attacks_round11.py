"""Issue 24, round eleven, the lead's own check of what round 11a left: the labels (unit, geography) the
planted-markup test cannot plant in. The helpers' rounds 11a, 11b and 11c have their own files."""

from __future__ import annotations

import pytest

from analysis.paths import Paths
from tests.conftest import GOOD_ROW, write_figures
from tests.planted import NOT_PROSE, PAYLOAD
from tests.test_validation import FILE, problems_for


@pytest.mark.parametrize("column", ["unit", "geography"])
@pytest.mark.parametrize("markup", [PAYLOAD, "[see](javascript:x)", "$x$ children", "**London**", "a`b`"])
def test_markup_in_a_label_is_refused(mini: Paths, column: str, markup: str) -> None:
    """A unit and a place are printed beside a number on every chart, table and page; the planted-markup test skips
    them (`NOT_PROSE`, "their own rules refuse markup"), since the notebooks select rows by their exact values, yet
    `validate` took "<img src=x onerror=…>" in either (round 11a found it)."""
    assert column in NOT_PROSE
    write_figures(mini.raw / "figures" / "demo-2017.csv", [{**GOOD_ROW, column: f"{GOOD_ROW[column]} {markup}"}])
    assert any(p.startswith(f"{FILE}:2: {column} ") and "no unit or place name" in p for p in problems_for(mini))


@pytest.mark.parametrize(("column", "label"), [("geography", "Ynys Môn"), ("geography", "England & Wales"),
                                               ("unit", "per 10,000 children (0-17)")])
def test_a_label_with_accents_and_a_rate_s_punctuation_is_accepted(mini: Paths, column: str, label: str) -> None:
    write_figures(mini.raw / "figures" / "demo-2017.csv", [{**GOOD_ROW, column: label}])
    assert not [p for p in problems_for(mini) if "no unit or place name" in p]


@pytest.mark.parametrize(("printed", "quote"), [("7", "Support is offered 24/7 to victims."),
                                                ("2", "Around 1/2 of the cases were closed.")])
def test_a_number_across_a_slash_is_not_the_value_printed(mini: Paths, printed: str, quote: str) -> None:
    """The quote check accepted the value 7 from "24/7" and 2 from "1/2" (round 11a left it), while scan reads no
    figure in either: one reading of a number in the record and in an article."""
    write_figures(mini.raw / "figures" / "demo-2017.csv", [{**GOOD_ROW, "value_as_printed": printed, "quote": quote}])
    assert f'{FILE}:2: quote does not contain "{printed}"' in problems_for(mini)
