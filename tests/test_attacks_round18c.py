"""Issue 24, round eighteen, helper r18c: how scan reads a document's shape (class 3), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT

FIGURE = "Police recorded 1,582 cases of child sexual exploitation in 2016."


@pytest.mark.parametrize("mention", [
    "The grooming site hid its chat in a <script> block.",
    "Web pages carry a <title> element.",
    "Use `<div hidden>` to hide a paragraph.",
    "The force's site drew an <svg> chart.",
    "Write <!-- to start a <b>comment</b>.",
    "A <i>page</i> may start <?xml version",
    "An <xmp> or <textarea> or <template> tag.", "Old pages used <b>a</b> <plaintext> tag.",
    "Put styles in the <head> of a page, and <style> rules.",
    "An <div hidden class='x",
])
def test_prose_that_mentions_a_tag_is_read_whole(mention: str) -> None:
    """Plain text or Markdown that names a tag was read as HTML, and the tag hid everything after it: "no figures
    found", exit 0, for an article every reader sees whole."""
    article = f"{mention}\n\n{FIGURE}\n"
    assert FIGURE in to_text(article)
    assert [f["value_as_printed"] for f in scan_text(article, DEFAULT)["figures"]] == ["1,582"]


def test_prose_holding_markup_it_ends_is_still_read_as_html() -> None:
    """Tags the prose ends are markup (Markdown's inline HTML): a hidden <div> still hides its body (a closed
    <details>' is read since round 42: the browser opens it for its reader)."""
    article = (f"{FIGURE}<sup>1</sup>\n\n<details><summary>More</summary>Draft 9,999</details>\n\n"
               "<div hidden>Draft 9,998</div>\n")
    assert to_text(article) == f"{FIGURE}\n\nMore\n\nDraft 9,999"


def test_a_page_keeps_html_s_reading_of_what_it_leaves_open() -> None:
    """A page (markup from its first character) is read as Chromium reads it: an unclosed hidden element hides the
    rest, an unclosed comment too."""
    assert to_text(f"<p>{FIGURE}</p><div hidden>Draft 9,999") == FIGURE
    assert to_text(f"<p>{FIGURE}</p><!-- Draft 9,999") == FIGURE


@pytest.mark.parametrize("page", [
    "<head><title>Report</title>Police recorded 1,582 cases of child sexual exploitation in 2016.<p>End.",
    "<html><head><meta charset=utf-8><b>Police recorded 1,582 cases of child sexual exploitation in 2016.</b>",
    "<head>\n  <title>Report</title>\n  <style>p{}</style>\n  <span>Police recorded 1,582 cases of child sexual "
    "exploitation in 2016.</span>\n</head><body><p>End.",
    "<head><link rel=stylesheet href=x.css><a href=/>Police recorded 1,582 cases of child sexual exploitation in "
    "2016.</a>",
    "<head><template>9,999</template><my-figure>Police recorded 1,582 cases of child sexual exploitation in 2016."
    "</my-figure>",
])
def test_a_head_whose_end_tag_is_left_out_ends_where_its_body_starts(page: str) -> None:
    """HTML ends a <head> at any element not of the head or at text (its end tag may be left out): Chromium shows
    the figure; scan hid everything up to the first block in the head."""
    assert to_text(page).split("\n\n")[0] == FIGURE


def test_a_head_still_hides_its_own_content() -> None:
    """What a head holds (a title, a style, a script, a template, white space) is still not read."""
    page = "<head> <title>9,999</title><script>var n = 9998;</script><template>9,997</template>\n<p>" + FIGURE
    assert to_text(page) == FIGURE


@pytest.mark.parametrize("gauge", [
    "<meter value=0.6>1,017 of 2,000</meter>", "<progress value=5 max=10>9,999</progress>",
    "<meter style='display:block;appearance:none'>9,999</meter>", "<progress style='display:contents'>9,999</progress>",
])
def test_the_text_inside_a_gauge_or_progress_bar_is_not_read(gauge: str) -> None:
    """Chromium draws a <meter> or <progress> as a bar and never its content: scan listed figures no reader sees."""
    assert to_text(f"<p>{FIGURE} Solved: {gauge}</p>") == f"{FIGURE} Solved:"


def test_a_table_row_is_read_as_one_line_and_its_cells_stay_apart() -> None:
    """Chromium shows a row as one line: read as a paragraph a cell, the figure's sentence was "1,582", its subject
    not guessed and the record's "printed alike" warnings lost. Cells are never joined into one number."""
    page = ("<table><tr><th>Measure</th><th>2016</th></tr><tr><td>Child sexual exploitation offences recorded by "
            "police</td><td>1,582</td></tr><tr><td>12</td><td>345</td></tr></table>")
    assert to_text(page) == ("Measure | 2016\n\nChild sexual exploitation offences recorded by police | 1,582\n\n"
                             "12 | 345")
    row = scan_text(page, DEFAULT)["figures"][0]
    assert row["sentence"] == "Child sexual exploitation offences recorded by police | 1,582"
    assert row["measure_guess"] is not None
    assert [f["value_as_printed"] for f in scan_text(page, DEFAULT)["figures"]][1:] == ["12", "345"]


def test_cells_holding_paragraphs_keep_them() -> None:
    """A layout table's cells holding paragraphs are still paragraphs; a control character in the text is a space."""
    page = "<table><tr><td><p>Recorded 1,200 cases.</p></td><td><p>Recorded 2,400 cases.</p></td></tr></table><p>1\x1f2"
    assert to_text(page) == "Recorded 1,200 cases.\n\nRecorded 2,400 cases.\n\n1 2"


@pytest.mark.parametrize("left_open", ["<p hidden>Draft 9,999", "<li hidden>Draft 9,999", "<dd hidden>Draft 9,999",
                                       "<option>Draft 9,999"])
def test_prose_leaving_open_an_element_whose_end_tag_may_be_left_out_is_read_whole(left_open: str) -> None:
    """In a page the next block ends a <p> or <li>; in Markdown no block follows (its paragraphs are blank lines),
    and `<p hidden>` hid every paragraph after it."""
    assert FIGURE in to_text(f"Intro.\n\n{left_open}\n\n{FIGURE}\n")


@pytest.mark.parametrize("text", ["<pre>Year\tOffences\tChildren\n2016\t12\t345</pre>",
                                  "Year\tOffences\tChildren\n\n2016\t12\t345\n"])
def test_a_tab_between_columns_keeps_two_figures_apart(text: str) -> None:
    """A tab in preformatted or plain text is a gap readers see between columns: read as one space, "12\t345" was
    the space-grouped number 12 345 and neither figure was read."""
    assert [f["value_as_printed"] for f in scan_text(text, DEFAULT)["figures"]] == ["12", "345"]
