"""Issue 24, round twenty-nine, helper r29a: scan (class 3) on page shapes a fact-checker plausibly saves that
earlier rounds did not try: screen readers' labels, pages saved by extensions and reader modes, feeds, e-reader
exports."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text
from tests.scanned import read

#: A screen reader's label as the common kits write it: absolute, clipped to one pixel (Bootstrap 4's and Tailwind's
#: `.sr-only`, GOV.UK's `.govuk-visually-hidden` with `!important`, WordPress's `.screen-reader-text`).
SR_SHEET = ("<style>.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
            "clip:rect(0,0,0,0);white-space:nowrap;border:0}"
            ".govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;"
            "overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}</style>")


@pytest.mark.parametrize(("markup", "figure"), [
    # a data table's cell, its label for screen readers written against the figure (JSX drops the space)
    ("<table><tr><td>Met</td><td><span class='sr-only'>Referrals in 2023</span>1,582</td></tr></table>",
     ("1,582", 1582.0, "count", "exact")),
    ("<p>Recorded offences <span aria-hidden='true'>▲</span><span class='govuk-visually-hidden'>Up</span>12% on "
     "last year.</p>", ("12%", 12.0, "percent", "exact")),
    ("<p><span class='sr-only'>Total cost</span>£3.3m was spent.</p>", ("£3.3m", 3300000.0, "GBP", "exact")),
    # a short form for the eye, the long form for screen readers
    ("<p>Police recorded <span aria-hidden='true'>1.4k</span><span class='sr-only'>1,400</span> cases.</p>",
     ("1,400", 1400.0, "count", "exact")),
    # positioned by the element's own style
    ("<p>Police recorded <span style='position:absolute;left:-9999px'>Offscreen</span>4,444 cases.</p>",
     ("4,444", 4444.0, "count", "exact")),
])
def test_a_label_positioned_out_of_the_line_is_not_read_into_the_figure(markup: str,
                                                                       figure: tuple[str, float, str, str]) -> None:
    """An absolutely positioned element is a block drawn elsewhere (Chromium's innerText puts it on a line of its
    own). Read on its neighbours' line, the label ran into the figure it names: "20231,582", "Up12%", "Total
    cost£3.3m" and "1.4k1,400" were numbers no figure form reads, listed as not read, and the figure a reader sees
    was never checked against the record."""
    figures, not_read = read(SR_SHEET + markup)
    assert figure in figures and not_read == []


def test_a_label_in_the_line_and_a_relative_position_keep_the_number_whole() -> None:
    # A relative position draws the element where it stands (a superscript nudged by a pixel), and a positioned
    # rule with a pseudo-class (Bootstrap 5's `.visually-hidden-focusable:not(:focus)`) is not read: as before.
    assert to_text("<p>Relative 6,<span style='position:relative;top:1px'>666</span> cases.</p>") == \
        "Relative 6,666 cases."
    sheet = "<style>.f:not(:focus){position:absolute}</style>"
    assert to_text(f"{sheet}<p>Police recorded 1,<span class='f'>2</span>00 cases.</p>") == \
        "Police recorded 1,200 cases."
    # A positioned element with no box of its own (`display: contents`, or hidden) changes nothing.
    assert to_text("<p>A total of 7,<span style='position:absolute;display:contents'>777</span> cases.</p>") == \
        "A total of 7,777 cases."
