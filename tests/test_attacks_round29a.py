"""Issue 24, round twenty-nine, helper r29a: scan (class 3) on page shapes a fact-checker plausibly saves that
earlier rounds did not try: screen readers' labels, pages saved by extensions and reader modes, feeds, e-reader
exports."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from analysis.factcheck import scan
from analysis.factcheck.scan_text import to_text
from tests.scanned import read, scan_file

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


def test_a_label_positioned_out_of_the_line_is_a_word_apart_and_the_sentence_goes_on() -> None:
    # A reader sees the sentence whole: the label is a word of it, not a line of its own, so the figure keeps the
    # thing it counts.
    page = SR_SHEET + "<p>The Met said 9,000<span class='sr-only'> (nine thousand)</span> cases were reviewed.</p>"
    assert to_text(page) == "The Met said 9,000 (nine thousand) cases were reviewed."
    assert to_text(SR_SHEET + "<p>Referrals<span class='sr-only'>in 2023</span>1,582.</p>") == \
        "Referrals in 2023 1,582."


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


#: An RSS item as WordPress writes one: its description plain text in CDATA, its content HTML in CDATA.
FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- generator="WordPress/6.4" -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Local News</title>
<item><title>Referrals rise</title>
<description><![CDATA[Police recorded 1,111 cases in 2019, up 12% on the year.]]></description>
<content:encoded><![CDATA[<p>The charity answered <strong>3,333</strong> calls.</p>]]></content:encoded>
</item></channel></rss>
"""


def _scan_stdin(data: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    parser = argparse.ArgumentParser()
    scan.add_arguments(parser, "scan")
    scan.run(parser.parse_args(["--json", "-"]))
    return [f["value_as_printed"] for f in json.loads(capsys.readouterr().out)["figures"]]


def test_a_feed_piped_in_is_read_as_a_feed(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """`curl -s …/feed | scan -`: nothing names the type, so the first bytes do, as Chromium sniffs them. Read as
    HTML, the description's CDATA was a comment up to its first ">", and 1,111 and 12% were gone without a word."""
    assert _scan_stdin(FEED, monkeypatch, capsys) == ["1,111", "12%", "3,333"]


@pytest.mark.parametrize("name", ["feed", "feed.txt", "index.php"])
def test_a_feed_saved_under_a_name_that_does_not_say_html_is_read_as_a_feed(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_bytes(FEED)
    assert scan_file(tmp_path / name, capsys)[1] == ["1,111", "12%", "3,333"]
    # Named as a web page, it is read as Chromium reads a web page (round 26's rule).
    (tmp_path / "feed.html").write_bytes(FEED)
    assert scan_file(tmp_path / "feed.html", capsys)[1] == ["3,333"]


def test_an_xhtml_page_served_as_html_is_still_read_as_html(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # An XML declaration before an <html> root (an old CMS's XHTML, not well-formed as XML): read as HTML, not refused.
    page = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>Police recorded 1,111 cases'
            b'<br></p></body></html>')
    assert _scan_stdin(page, monkeypatch, capsys) == ["1,111"]


def test_an_svg_image_is_still_read_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An XML declaration before another root: a chart's SVG keeps its script and its hidden text unread.
    svg = (b'<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
           b"<style>.h{display:none}</style><script>var n = 9999;</script><text class='h'>Hidden 7,777</text>"
           b"<text>Referrals 1,582</text></svg>")
    (tmp_path / "chart.svg").write_bytes(svg)
    assert scan_file(tmp_path / "chart.svg", capsys)[1] == ["1,582"]
