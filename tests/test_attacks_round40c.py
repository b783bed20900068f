"""Round 40, helper c: markup (class 1), one reading of characters (class 4) and exports (class 5), with inputs
earlier rounds did not try."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.planted import report_with

# --- record text never typeset as maths where a page loads MathJax, version 2 or 3 -------------------------------

#: What both MathJax versions leave alone by default: version 3's `ignoreHtmlClass` and version 2's `ignoreClass`.
MATHJAX_3, MATHJAX_2 = "mathjax_ignore", "tex2jax_ignore"
#: Record text a page holding MathJax would typeset: "$" pairs (nbconvert's and many sites' configuration), "\(…\)"
#: (MathJax 3's default) and a TeX link to script (MathJax 3 loads no `Safe` extension by default).
MATHS = r"costs $5 to $10, \(\href{javascript:alert(1)}{x}\)"


class _Outside(HTMLParser):
    """The text of a page outside every element whose classes name both MathJax versions' ignore class."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.text = 0, ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("br", "img", "meta", "source", "hr", "input", "link", "wbr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.inside or (MATHJAX_3 in classes and MATHJAX_2 in classes):
            self.inside += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "img", "meta", "source", "hr", "input", "link", "wbr"):
            self.inside = max(0, self.inside - 1)

    def handle_data(self, data: str) -> None:
        self.text += "" if self.inside else data


def _typeset_outside(page: str) -> str:
    """What of `page` (HTML) a MathJax 2 or 3 page would typeset: the maths' characters outside ignored blocks."""
    outside = _Outside()
    outside.feed(re.sub(r"<style\b.*?</style>", "", page, flags=re.S))  # a style sheet's text is not shown
    return "".join(c for c in html.unescape(outside.text) if c in "$\\")


def test_factcheck_markdown_pasted_into_a_page_with_mathjax_shows_record_text_as_written() -> None:
    """factcheck.md is what a newsroom pastes into its CMS. Its Markdown writes "$" and "\\" as entities, but a
    Markdown reader turns them back into characters on the page, and MathJax reads the page: rendered by
    markdown-it into a page loading MathJax 3 as it comes (checked in Chromium), 463 record texts of a planted
    record were typeset and a TeX `\\href{javascript:…}` made a link that ran script when clicked; with nbconvert's
    MathJax 2 set-up "$5 to $10" is the maths "5to10". The whole report is now a block both versions leave alone."""
    from markdown_it import MarkdownIt

    markdown, _ = report_with(MATHS)
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    assert "$5 to $10" in html.unescape(page)  # shown
    assert _typeset_outside(page) == ""


def test_factcheck_page_copied_into_a_page_with_mathjax_shows_record_text_as_written() -> None:
    """factcheck.html's content (and every page built on its base) copied into a page loading MathJax."""
    _, page = report_with(MATHS)
    body = page.split("<body>", 1)[1]
    assert "$5 to $10" in html.unescape(body)
    assert _typeset_outside(body) == ""


def test_a_charts_embed_code_pasted_into_a_page_with_mathjax_shows_record_text_as_written(tmp_path: Path) -> None:
    """The embed code a newsroom pastes under a chart: its caption is the chart's credit, from the record's
    producers. In a page loading MathJax it was typeset (and in a planted record 10 of 12 captions held a TeX link
    to script)."""
    from analysis.paths import Paths
    from analysis.publish import gallery
    from tests.test_gallery import tiny_png

    folder = tmp_path / "outputs" / "charts" / "two-1200s"
    tiny_png(folder / "two-1200s.png", 40, 20)
    (folder / "two-1200s.json").write_text(json.dumps({
        "title": "Cases", "alt_text": "Bar chart", "source_name": "A publisher", "source_url": "",
        "source_line": f"Source: A publisher {MATHS}"}), encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    page = gallery.write_gallery(Paths(tmp_path)).read_text(encoding="utf-8")
    start = page.index('<code id="two-1200s-embed">') + len('<code id="two-1200s-embed">')
    embed = html.unescape(page[start:page.index("</code>", start)])
    assert "$5 to $10" in html.unescape(embed)
    assert _typeset_outside(embed) == ""
    assert _typeset_outside(page.split("<body>", 1)[1]) == ""  # the gallery's own page too


@pytest.mark.parametrize("markdown", [True, False])
def test_notebook_outputs_are_left_alone_by_mathjax_2_too(markdown: bool) -> None:
    """The notebooks' record text was inside `mathjax_ignore`, which JupyterLab's MathJax 3 leaves alone; nbconvert's
    HTML of the .ipynb copies (`jupyter nbconvert --to html`, and nbviewer, which renders a published notebook with
    it) loads MathJax 2.7 with "$" delimiters, whose class is `tex2jax_ignore`: 172 record texts of one planted
    notebook were typeset there (checked in Chromium)."""
    from markdown_it import MarkdownIt

    from analysis.factcheck.markdown_escape import escape
    from analysis.publish.display import without_maths

    shown = without_maths(escape(MATHS), markdown=markdown)
    page = MarkdownIt("commonmark", {"html": True}).render(shown) if markdown else shown
    assert "$5 to $10" in html.unescape(page) and _typeset_outside(page) == ""



def test_a_charts_svg_inlined_in_a_page_with_mathjax_shows_record_text_as_written() -> None:
    """A chart's SVG keeps its text as text (`svg.fonttype: none`), the credit and notes from the record among it.
    Inlined in a page loading MathJax 3 (a newsroom inlining the SVG for sharp text), a planted source line's
    `\\(…\\)` was typeset inside the chart's `<text>` (3 in one chart, checked in Chromium), taking the words out."""
    from tests.planted import svg_with

    svg = svg_with(f"Source: A publisher {MATHS}")
    assert "$5 to $10" in html.unescape(svg)
    assert _typeset_outside(svg[svg.index("<svg"):]) == ""


# --- the personal-data check reads Markdown as a Markdown reader shows it (CommonMark, by its parser) ---------------

_CLAIM_NOTE = "- id: claim-aol-2016-three-quarters\n  claimant: PA Media\n"


@pytest.mark.parametrize(("text", "kind"), [
    # a link with a title, as editors and notes apps write one
    ('Asked [Jane Doe](https://example.org/jd "her page"), 14, from Leeds', "a person's name and age"),
    # a link whose address holds parentheses (an encyclopaedia's disambiguated page)
    ("Asked [Jane Doe](https://example.org/wiki/Jane_Doe_(Leeds)), 14, from Leeds", "a person's name and age"),
    # a reference link, its address defined below the text (a Markdown draft's footnote-style links)
    ("Asked [Jane Doe][jd], 14, from Leeds.\n\n[jd]: https://example.org/jd", "a person's name and age"),
    # Markdown's backslash escapes, and JSON's "\/" as PHP's json_encode writes it (round 31b's N7)
    (r"Asked Jane Doe, born 12\/03\/2009, about it", "a date of birth"),
    (r"Call 07700\-900123 (press office)", "a phone number"),
])
def test_personal_data_in_markdown_a_reader_sees_is_found(text: str, kind: str) -> None:
    """The Markdown reading (round 39) was two patterns: a link only as `[text](address)` with no title, space or
    parenthesis in the address, and emphasis marks. A reader of the Markdown sees "Jane Doe, 14, from Leeds" in each
    of these, and the check found nothing; it now reads the text through a CommonMark parser."""
    from analysis.record.safeguarding import personal_data_in

    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", [
    "The [Casey Review](https://example.org/casey \"Casey\"), 2015, found 1,400 cases",
    r"Table 3\.1, 2016\-17: 14, 15 and 16 year olds",
    "[West Yorkshire][wy], 14, and Kent, 12.\n\n[wy]: https://example.org/wy",
    "1. Referrals rose\n2. Offences, 14, fell",
])
def test_the_markdown_reading_of_record_like_text_finds_nothing(text: str) -> None:
    """What the record holds read through the same parser: a publication's title linked, escapes, a list."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == []


def test_a_titled_markdown_link_around_a_name_and_age_is_refused_by_validate(tmp_path) -> None:
    from tests.raw_copy import refusal

    edit = ("claims.yaml", _CLAIM_NOTE, _CLAIM_NOTE.replace(
        "PA Media\n", "'PA Media, with [Jane Doe](https://example.org/jd \"her page\"), 14, from Leeds'\n"))
    assert ("claimant seems to contain a person's name and age; the project holds no personal data"
            in refusal(tmp_path, edit))
