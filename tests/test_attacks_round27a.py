"""Issue 24, round twenty-seven, helper r27a: scan (class 3) on what a fact-checker plausibly scans: saved news
pages, Word and Google Docs exports, e-mail newsletters, PDF-to-text and text copied from a browser."""

from __future__ import annotations

import pytest

from tests.scanned import read

#: 1,200 cases, up 5%, as pdftotext or pdfminer write it from a font with no character map whose digits are Adobe's
#: old-style figures: the Adobe Glyph List names them by private code points (U+F730 "zerooldstyle" to U+F739).
OLD_STYLE_FIGURES = "Police recorded \uf731,\uf732\uf730\uf730 cases, up \uf735% on the year."


@pytest.mark.parametrize("text", [OLD_STYLE_FIGURES, f"<p>{OLD_STYLE_FIGURES}</p>",
                                  OLD_STYLE_FIGURES.replace("\uf731,\uf732", "1,2")])
def test_a_pdf_s_private_old_style_digits_are_said_not_read(text: str) -> None:
    figures, not_read = read(text + " The charity answered 3,333 calls.")
    assert [printed for printed, *_ in figures] == ["3,333"]
    assert any("characters a PDF's text layer does not name" in line and "old-style" in line for line in not_read)


def test_other_private_use_characters_say_nothing() -> None:
    # An icon font's glyph beside a figure (a web page's "\uf099" bird): no PDF digit, nothing to say.
    figures, not_read = read("\uf099 Police recorded 1,200 cases \ue001.")
    assert [printed for printed, *_ in figures] == ["1,200"] and not_read == []


#: Notes in Markdown (a notes app, a README of a data story) whose code blocks hold HTML, as a renderer shows them:
#: each block's tags are text, and each figure below is on the reader's page.
FENCED_NOTES = [
    "# Notes\n\n```html\n<!-- the chart's embed\n```\n\nPolice recorded 1,200 cases, up 5%.\n\n```\n-->\n```\n\n"
    "The charity answered 3,333 calls.\n",
    "~~~\n<title>\n~~~\n\nPolice recorded 1,200 cases, up 5%.\n\n~~~\n</title>\n~~~\n\n"
    "The charity answered 3,333 calls.\n",
    "Embed it so:\n\n- ```html\n  <div hidden>Police recorded 1,200 cases, up 5%.</div>\n  ```\n\n"
    "> ````\n> <script>\n> ````\n\nThe charity answered 3,333 calls.\n\n```\n</script>\n```\n",
]


@pytest.mark.parametrize("text", FENCED_NOTES)
def test_html_in_a_markdown_code_block_is_text_and_hides_nothing(text: str) -> None:
    assert [printed for printed, *_ in read(text)[0]] == ["1,200", "5%", "3,333"]


def test_html_outside_a_code_block_is_still_markup() -> None:
    text = ("<div hidden>\n\nPolice recorded 9,999 cases.\n\n</div>\n\n```\n<b>code</b>\n```\n\n"
            "Police recorded 1,200 cases, up 5%.\n")
    assert [printed for printed, *_ in read(text)[0]] == ["1,200", "5%"]
