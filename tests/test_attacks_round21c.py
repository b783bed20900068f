"""Issue 24, round twenty-one, helper r21c: the document side of scan (the shapes an article arrives in: Markdown,
HTML, the text a reader sees), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_input import InputRefused, decode_article
from analysis.factcheck.scan_text import to_text
from tests.scanned import read


@pytest.mark.parametrize("article", [
    "Police recorded 1,582 offences.\n\n<!-- draft: 9,999 -->\n\nThe force said 2,409 were referred.",
    "Police recorded 1,582 <!-- was 9,999 in the first draft --> offences. The force said 2,409 were referred.",
    "Police recorded 1,582 offences.\n<!--\nTODO check 9,999\n-->\nThe force said 2,409 were referred.",
    "Police recorded 1,582 offences.<!---->The force said 2,409 were referred. <!-- 9,999 --!>",
])
def test_an_html_comment_in_markdown_is_not_read(article: str) -> None:
    """A Markdown renderer passes a comment through as HTML, so no reader sees it; a writer's note in one was read as
    a figure of the article (the same comment in a page was already dropped)."""
    figures, _ = read(article)
    assert [f[0] for f in figures] == ["1,582", "2,409"]
    assert "9,999" not in to_text(article)


def test_a_comment_that_never_ends_in_prose_is_still_read() -> None:
    """An inline "<!--" nothing closes is shown as text by a Markdown renderer: its figures are read, not hidden."""
    figures, _ = read("Police recorded 1,582 offences. <!-- The force said 2,409 were referred.")
    assert [f[0] for f in figures] == ["1,582", "2,409"]


@pytest.mark.parametrize(("article", "figures"), [
    ("Police recorded 1,582 offences, up 12\\% on the year.", [("1,582", "count"), ("12%", "percent")]),
    ("Police recorded 1\\,582 offences.", [("1,582", "count")]),
    ("Police recorded \\[1,582 offences](https://example.org/9999).", [("1,582", "count")]),
    ("Police recorded [1\\,582 offences](https://example.org/9999), [up 12\\%][ho].",
     [("1,582", "count"), ("12%", "percent")]),
    ("\\> 1,582 offences were recorded.", []),  # shown as "> 1,582": a qualifier, listed to check by hand
    ("Police recorded 1,582 offences \\<p hidden>and 2,409 referrals.", [("1,582", "count"), ("2,409", "count")]),
])
def test_a_markdown_backslash_escape_is_read_as_the_character_it_shows(article: str,
                                                                       figures: list[tuple[str, str]]) -> None:
    """A backslash before ASCII punctuation is shown as the character alone: "12\\%" was read as the count 12, and
    "1\\,582" as the figures 1 and ",582"; an escaped "<" or "[" shows markup as text, never as a tag or a link."""
    found, not_read = read(article)
    assert [(f[0], f[2]) for f in found] == figures
    assert "\\" not in to_text(article)
    if not figures:
        assert any("'> 1,582'" in line for line in not_read)


def test_a_backslash_before_anything_but_punctuation_stays() -> None:
    """A Windows path's backslashes (before a letter or a digit) are no escapes: shown as written."""
    assert to_text("See C:\\Users\\Jane\\2016 for 1,582 offences.") == "See C:\\Users\\Jane\\2016 for 1,582 offences."


@pytest.mark.parametrize(("page", "shown"), [
    ("<p>Police recorded <ruby>1,582<rt>one thousand five hundred and eighty-two</rt></ruby> offences.</p>",
     "Police recorded 1,582 one thousand five hundred and eighty-two offences."),
    ("<p>Police recorded <ruby>1,582<rp>(</rp><rt>offences</rt><rp>)</rp></ruby> in 2016.</p>",
     "Police recorded 1,582 offences in 2016."),
    ("<p>Police recorded <ruby>1,582<rt>offences</ruby> in 2016.</p>", "Police recorded 1,582 offences in 2016."),
    ("<p>Police recorded <ruby>1,582<rp style='display:inline'>(</rp><rt>offences</rt></ruby> in 2016.</p>",
     "Police recorded 1,582( offences in 2016."),
])
def test_a_ruby_s_annotation_is_read_apart_from_its_base_and_its_fallback_parentheses_are_not(page: str,
                                                                                            shown: str) -> None:
    """A ruby's text is drawn above its base: glued to it, "1,582" was "1,582one", a number no figure form reads.
    Its <rp> parentheses are shown only by a browser without ruby (hidden by the browser's own sheet, unless the
    page gives them a display)."""
    assert to_text(page) == shown
    assert read(page)[0][0][:2] == ("1,582", 1582.0)


@pytest.mark.parametrize(("page", "shown"), [
    # a page's "key figures" box: each figure in a span the page makes a block, inline or by its sheet
    ("<div><span style='display:block'>1,582</span><span style='display:block'>2,409</span></div>",
     "1,582\n\n2,409"),
    ("<style>.num{display:block}</style><div><span class=num>1,582</span><span class=num>2,409</span></div>",
     "1,582\n\n2,409"),
    ("<style>#a{display:block} .n{display:inline}</style><p><b id=a class=n>1,582</b><b class=n>2,409</b></p>",
     "1,582\n\n2,409"),
    # a flex or grid container's children are each a box of their own, whatever their tag
    ("<div style='display:flex'><span>1,582</span><span>2,409</span></div>", "1,582\n\n2,409"),
    ("<style>.row{display:inline-grid}</style><p>Recorded <span class=row><b>1,582</b><b>2,409</b></span></p>",
     "Recorded 1,582\n\n2,409"),
    # boxes set side by side (inline-block cards, an inline flex row) are boxes of their own
    ("<div style='display:inline-block'>1,582 offences</div><div style='display:inline-block'>2,409 referrals</div>",
     "1,582 offences\n\n2,409 referrals"),
    ("<p>Recorded <span style='display:inline-flex'><b>1,582</b><b>2,409</b></span> offences</p>",
     "Recorded 1,582\n\n2,409 offences"),
    # a block made block-level inside a sentence keeps the sentence whole, as a <br> there does
    ("<p>Police recorded <span style='display:block'>1,582</span> offences.</p>", "Police recorded 1,582 offences."),
    # a block the page makes inline is no paragraph of its own
    ("<div>Police recorded <div style='display:inline'>1,582</div> offences.</div>",
     "Police recorded 1,582 offences."),
    ("<style>li{display:inline}</style><ul><li>Police recorded</li> <li>1,582 offences.</li></ul>",
     "Police recorded 1,582 offences."),
    # ... but a <p> it ends still ends there, and a table keeps its cells
    ("<p>Police recorded <div style='display:inline'>1,582</div> offences.</p>", "Police recorded\n\n1,582 offences."),
    ("<table style='display:inline'><tr><td>2016</td><td>1,582</td></tr></table>", "2016 | 1,582"),
])
def test_the_box_the_page_s_display_gives_an_element_decides_where_its_text_breaks(page: str, shown: str) -> None:
    """Read by its tag alone, two figures in spans a page makes blocks (or a flex row's items) ran into one number
    no form reads, "1,5822,409", where a reader sees two; and a <div> made inline split a sentence from its figure."""
    assert to_text("<!doctype html><body>" + page) == shown


@pytest.mark.parametrize("sheet", [
    "@media screen{.draft{display:none}}", "@media all{.draft{display:none}}",
    "@media only screen{.draft{display:none}}", "@media print, screen{.draft{display:none}}",
    "@layer base{.draft{display:none}}", "@layer base{@media screen{.draft{visibility:hidden}}}",
])
def test_a_rule_in_a_media_query_every_screen_matches_or_in_a_layer_hides(sheet: str) -> None:
    """A media query of all media or the screen with no condition, and a cascade layer, hold on every screen, so
    Chromium hides the draft: their rules were read as applying only sometimes, never honoured for hiding, and the
    draft's figure was read."""
    page = (f"<!doctype html><style>{sheet}</style><p>Police recorded 1,582 offences.</p>"
            "<p class=draft>Draft: 9,999 offences.</p>")
    assert to_text(page) == "Police recorded 1,582 offences."


@pytest.mark.parametrize("sheet", [
    "@media (max-width:600px){.draft{display:none}}", "@media screen and (min-width:600px){.draft{display:none}}",
    "@supports (display:grid){.draft{display:none}}", "@media print{.draft{display:none}}",
    "@layer base{.draft{display:none}} .draft{display:block}",
])
def test_a_rule_that_holds_only_on_some_screens_still_hides_nothing(sheet: str) -> None:
    """A condition scan cannot judge (a screen's width, a feature) is still read as maybe: its text is read."""
    page = (f"<!doctype html><style>{sheet}</style><p>Police recorded 1,582 offences.</p>"
            "<p class=draft>The force said 2,409 were referred.</p>")
    assert to_text(page) == "Police recorded 1,582 offences.\n\nThe force said 2,409 were referred."


@pytest.mark.parametrize(("article", "figures"), [
    ("Force              2016      2017\nMetropolitan         12       345\n", ["12", "345"]),  # pdftotext -layout
    ("Police recorded 12     345 offences were referred to the unit.", ["12", "345"]),
    ("<pre>Force          2016    2017\nMetropolitan     12     345</pre>", ["12", "345"]),
    ("Police recorded 1,582  2,409 were referred.", ["1,582", "2,409"]),
])
def test_spaces_between_two_columns_of_figures_keep_them_apart(article: str, figures: list[str]) -> None:
    """A run of spaces between two digits, where the text keeps its spaces, is a gap between columns (as a tab
    is): read as one space, the columns 12 and 345 were the number 12 345, listed as not read."""
    found, not_read = read(article)
    assert [f[0] for f in found] == figures
    assert not not_read


def test_one_space_between_digit_groups_and_spaces_in_a_paragraph_are_as_before() -> None:
    """A single space between digit groups is still one number with spaced groups, listed to check by hand, and a
    paragraph's spaces (which HTML collapses) are one space: a reader of the page sees "12 345"."""
    assert read("Police recorded 12 345 offences.")[0] == []
    assert read("<p>Police recorded 12     345 offences.</p>")[0] == []


@pytest.mark.parametrize("article", ["Police recorded 1,<wbr>582 offences.", "Police recorded 1,582<wbr> offences."])
def test_markdown_whose_only_markup_is_a_word_break_is_read_as_markup(article: str) -> None:
    """Markdown holding a <wbr> and no other tag was read as plain text: "1,<wbr>582" was the figures 1 and "more
    than 582"."""
    assert read(article) == ([("1,582", 1582.0, "count", "exact")], [])


@pytest.mark.parametrize("page", [
    "<p>Police recorded 1,582<sup>1-3</sup> offences.</p>", "<p>Police recorded 1,582<sup>1,2</sup> offences.</p>",
    "<p>Police recorded 1,582<sup>[4, 7]</sup> offences.</p>",
    "<p>Police recorded 1,582<sup>2\u20135</sup> offences.</p>",
    # a mark the page sets as a box of its own (`display: inline-block`) is still a mark
    "<p>Police recorded 1,582<sup style='display:inline-block'>3</sup> offences.</p>",
    "<style>.fn{display:inline-block}</style>"
    "<p>Police recorded 1,582<sup><a class=fn href=#n3>[3]</a></sup> offences.</p>",
])
def test_a_footnote_mark_naming_several_notes_is_not_read_into_the_figure(page: str) -> None:
    """A reference to several notes ("1-3", "1,2") joined the number before it: "1,5821-3" and "1,5821,2", numbers
    no form reads, and the figure was lost."""
    assert to_text(page) == "Police recorded 1,582 offences."


@pytest.mark.parametrize(("page", "shown"), [
    ("<p>About 10<sup>6</sup> images were found.</p>", "About 10^6 images were found."),
    ("<p>A rate of 10<sup>\u22123</sup> per image.</p>", "A rate of 10^-3 per image."),
    ("<p>Police recorded 110<sup>6</sup> offences.</p>", "Police recorded 110 offences."),  # a note, as before
])
def test_a_power_of_ten_written_with_sup_is_its_exponent_not_a_footnote(page: str, shown: str) -> None:
    """"10<sup>6</sup>" is ten to the sixth: dropped as a footnote mark, "about 10<sup>6</sup> images" was read as
    the figure 10. It is now the scientific notation it prints, listed to check by hand."""
    assert to_text(page) == shown
    if "^" in shown:
        found, not_read = read(page)
        assert found == [] and "scientific notation" in not_read[0]


ARTICLE_UTF16 = "<p>Police recorded £1,582 offences.</p>"


@pytest.mark.parametrize(("head", "codec"), [
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\n\r\n", "utf-16-le"),
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-16BE\r\n\r\n", "utf-16-be"),
    (b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-16le\n\n", "utf-16-le"),
])
def test_a_body_its_header_says_is_utf16_is_read_without_a_byte_order_mark(head: bytes, codec: str) -> None:
    """An HTTP response's or a MIME part's header naming UTF-16 is obeyed, as browsers obey a transport's label:
    the body was refused as binary, "a UTF-16 file needs a byte-order mark", though its header said what it is."""
    assert read(decode_article(head + ARTICLE_UTF16.encode(codec)).strip())[0] == [("£1,582", 1582.0, "GBP", "exact")]


def test_a_nul_byte_is_still_binary_outside_utf16_and_a_page_s_own_utf16_meta_is_still_utf8() -> None:
    with pytest.raises(InputRefused, match="its body contains NUL bytes"):
        decode_article(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>1,582\x00</p>")
    with pytest.raises(InputRefused, match="NUL bytes"):
        decode_article(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>1,582\x00</p>")
    with pytest.raises(InputRefused, match="a UTF-16 file needs a byte-order mark"):
        decode_article(ARTICLE_UTF16.encode("utf-16-le"))
    assert decode_article(b"<meta charset=utf-16><p>Police recorded 1,582 offences.</p>").endswith("offences.</p>")


@pytest.mark.parametrize("page", [
    "<style>.dropcap{float:left;display:block;font-size:3em}</style><p><span class=dropcap>1</span>,582 children "
    "were found.</p>",
    "<p><span style='float:left;display:block'>1</span>,582 children were found.</p>",
])
def test_a_floated_drop_cap_is_read_with_its_word(page: str) -> None:
    """A drop cap is floated beside the text it starts: read as a box of its own (its display block), it split the
    figure "1,582" into 1 and ",582"."""
    assert to_text("<!doctype html><body>" + page) == "1,582 children were found."


@pytest.mark.parametrize("data", [
    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPolice recorded 1,582 offences. <p hidden>The "
    b"force said 2,409 &amp; more.</p>",
    b"MIME-Version: 1.0\nContent-Type: text/plain\n\nPolice recorded 1,582 offences. <p hidden>The force said 2,409 "
    b"&amp; more.</p>\n",
])
def test_tags_in_a_body_its_transport_says_is_plain_text_are_words(data: bytes) -> None:
    """A browser shows a `text/plain` response, and a mail client a plain e-mail, as written: its tags are words. Read
    as markup, `<p hidden>` hid the figure every reader of the text sees."""
    text = to_text(decode_article(data))
    assert text == "Police recorded 1,582 offences. <p hidden>The force said 2,409 &amp; more.</p>"
    assert [f[0] for f in read(decode_article(data))[0]] == ["1,582", "2,409"]


@pytest.mark.parametrize(("page", "shown"), [
    ("<div><template shadowrootmode=open><style>.x{display:none}</style><p class=x>Draft 9,999.</p>"
     "<p>Police recorded 1,582 offences.</p></template></div>", "Police recorded 1,582 offences."),
    ("<div>\n <template shadowrootmode='closed' data-x='a>b'>\n<style>\n.x{display:none}\n</style>\n"
     "<p class=x>Draft 9,999.</p>\n<p>Police recorded 1,582 offences.</p>\n</template>\n</div>",
     "Police recorded 1,582 offences."),
    # its sheet stays inside it, and a shadow root inside it has its own (none here)
    ("<div><template shadowrootmode=open><style>.x{display:none}</style><p>Police recorded 1,582 offences.</p>"
     "<div><template shadowrootmode=open><p class=x>The force said 2,409.</p></template></div></template></div>"
     "<p class=x>It named 36 suspects.</p>",
     "Police recorded 1,582 offences.\n\nThe force said 2,409.\n\nIt named 36 suspects."),
])
def test_a_shadow_root_s_own_style_sheet_hides_inside_it(page: str, shown: str) -> None:
    """A declarative shadow root's <style> applies inside it: read with no sheet there, the draft's figure
    Chromium hides was read."""
    assert to_text("<!doctype html><body>" + page) == shown
