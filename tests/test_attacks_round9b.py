"""Round 9 attack (b) on scan: text hidden by a page's own stylesheet (issue 24, class 3)."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text

HIDDEN_BY_SHEET = [
    '<style>.x{display:none}</style><p class="x">2,000 victims</p><p>Shown.</p>',
    '<style>#y{visibility:hidden}</style><p id="y">2,000 victims</p><p>Shown.</p>',
    '<style>aside, .a {display:none !important}</style><aside>2,000</aside><p class="b a">2,000</p><p>Shown.</p>',
    '<style>p.x{content-visibility:hidden}</style><p class="x">2,000 victims</p><p>Shown.</p>',
    '<style>/* c */ .\\78 {display:none}</style><p class="x">2,000 victims</p><p>Shown.</p>',
    '<p class="x">2,000 victims</p><p>Shown.</p><style>.x{display:none}</style>',
]


@pytest.mark.parametrize("page", HIDDEN_BY_SHEET)
def test_text_hidden_by_a_simple_stylesheet_rule_is_not_read(page: str) -> None:
    """A `<style>` rule on a type, class or id hid "2,000 victims" from readers, but scan read it as a claim."""
    assert to_text(page) == "Shown."


SHOWN = [
    '<style>.x{display:none} p.x{display:block}</style><p class="x">2,000 shown</p>',
    '<style>@media print{.x{display:none}}</style><p class="x">2,000 shown</p>',
    '<style>.x{display:none}</style><p class="x" style="display:block">2,000 shown</p>',
    '<style>.x{visibility:hidden}</style><div class="x">gone <span style="visibility:visible">2,000 shown</span></div>',
    '<style>div p{display:none}</style><div><p>2,000 shown</p></div>',
]


@pytest.mark.parametrize("page", SHOWN)
def test_text_a_stylesheet_shows_or_may_show_is_read(page: str) -> None:
    """Shown again by a rule or inline style, hidden only for print, or behind a selector not honoured: read."""
    assert to_text(page) == "2,000 shown"


def test_a_closed_details_inside_a_shown_summary_hides_its_content() -> None:
    """The summary of a closed <details> is shown; a closed <details> inside that summary shows only its own
    summary. Its hidden "2,000" was read, since only one closed <details> was tracked at a time."""
    page = ('<details><summary>Read more <details><summary>Inner 5</summary><p>2,000 hidden</p></details> tail 7'
            '</summary><p>9 hidden</p></details><p>After 3</p>')
    assert to_text(page).split("\n\n") == ["Read more", "Inner 5", "tail 7", "After 3"]
