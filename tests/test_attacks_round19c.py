"""Issue 24, round nineteen, helper r19c: the document side of scan (the bytes an article arrives as and the text
readers see), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_input import InputRefused, decode_article
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT


def test_a_nul_byte_anywhere_is_binary_not_only_in_the_first_64_kb() -> None:
    """The binary rule looked at the first 64 KB only: a NUL after them was read as a space, so `1\\x00,582` gave
    the figure 1 and an unread ",582", while the same bytes earlier were refused."""
    late = ("Filler words here. " * 4000 + "\n\nPolice recorded 1\x00,582 offences.\n").encode()
    assert len(late) > 65536
    with pytest.raises(InputRefused, match="NUL bytes"):
        decode_article(late)


@pytest.mark.parametrize("rtf", [
    rb"{\rtf1\ansi\ansicpg1252\cocoartf2639 {\fonttbl\f0\fswiss Helvetica;}\f0\fs24 Police recorded \'a32,409.}",
    rb"{\rtf1\ansi\deff0 Police recorded 1,{\b 582} offences.{\v hidden 9,999}\par}",
])
def test_an_rtf_document_is_refused_as_a_word_processor_file(rtf: bytes) -> None:
    """RTF (TextEdit's and WordPad's own format) is ASCII and passed as text: its control words were read as prose,
    "\\'a32,409" (£2,409) as a code, "1,{\\b 582}" as two figures and hidden text as a figure."""
    with pytest.raises(InputRefused, match="an RTF document, not text"):
        decode_article(rtf)


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode()


#: A page as Chrome saves it ("Webpage, Single File"): quoted-printable HTML whose soft line break falls inside a
#: figure, a style sheet, an image and a frame (its own HTML part, drawn in the page).
MHTML = _crlf("""From: <Saved by Blink>
Snapshot-Content-Location: https://example.org/news/2017/cse
Subject: =?utf-8?Q?CSE_figures?=
MIME-Version: 1.0
Content-Type: multipart/related;
\ttype="text/html";
\tboundary="----MultipartBoundary--b----"


------MultipartBoundary--b----
Content-Type: text/html
Content-ID: <frame-1@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: https://example.org/news/2017/cse

<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"tex=
t/html; charset=3DUTF-8"></head><body><p class=3D"lead">Police recorded 1,5=
82 child sexual exploitation offences in 2016, up 2=E2=80=9312 per c=
ent.</p><p style=3D"display:none">Draft 9,999</p><iframe src=3D"cid:frame-2=
@mhtml.blink"></iframe></body></html>
------MultipartBoundary--b----
Content-Type: text/css
Content-Transfer-Encoding: quoted-printable
Content-Location: https://example.org/s.css

.x{display:none} /* 7,777 */
------MultipartBoundary--b----
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Location: https://example.org/i.png

iVBORw0KGgo3,333AAAA
------MultipartBoundary--b----
Content-Type: text/html
Content-ID: <frame-2@mhtml.blink>
Content-Transfer-Encoding: base64

PHA+RnJhbWVkIMKjMiw0MDkgc3BlbnQuPC9wPg==
------MultipartBoundary--b------
""")


def test_a_page_saved_as_a_single_file_is_read_as_the_page_it_shows() -> None:
    """MHTML was read as plain text: "1,5=\\n82" (a quoted-printable soft line break) was the figure 82,
    "2=E2=80=9312" the figures 2, 80 and 9,312, the page's hidden "Draft 9,999" a figure, the headers a paragraph."""
    text = to_text(decode_article(MHTML))
    assert text == ("Police recorded 1,582 child sexual exploitation offences in 2016, up 2\u201312 per cent."
                    "\n\nFramed \u00a32,409 spent.")
    assert [f["value_as_printed"] for f in scan_text(decode_article(MHTML), DEFAULT)["figures"]] == ["1,582",
                                                                                                     "\u00a32,409"]


def test_an_e_mail_is_read_as_its_body_in_its_own_charset() -> None:
    """An e-mail saved as .eml (an mbox "From " line, quoted-printable windows-1252 in two alternatives): its HTML
    alternative is read, hidden text left out, its smart quotes and pound sign as written."""
    eml = _crlf("""From jane Tue Mar 14 10:00:00 2017
Subject: figures
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary=zz

--zz
Content-Type: text/plain; charset=windows-1252
Content-Transfer-Encoding: quoted-printable

Police recorded =931,5=
82=94 offences, =A32,409 spent.
--zz
Content-Type: text/html; charset=windows-1252
Content-Transfer-Encoding: quoted-printable

<p>Police recorded =931,582=94 offences, =A32,409 spent.<span hidden>9,999</span></p>
--zz--
""")
    assert to_text(decode_article(eml)) == "Police recorded \u201c1,582\u201d offences, \u00a32,409 spent."
    plain = eml.replace(b"text/html", b"text/x-other")
    assert to_text(decode_article(plain)) == "Police recorded \u201c1,582\u201d offences, \u00a32,409 spent."


@pytest.mark.parametrize(("data", "message"), [
    (b"MIME-Version: 1.0\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0K\n", "no text or HTML"),
    (b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n"
     + b"--b\nContent-Type: text/html\n\n<p>1,582</p>\n" * 6000 + b"--b--\n", "up to 6,001 parts"),
    (b"MIME-Version: 1.0\n" + b"".join(b"Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i)
                                       for i in range(2000)) + b"Content-Type: text/plain\n\n1,582\n", "too deep"),
    (b"MIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n1,5=00=\n82\n",
     "NUL bytes"),
])
def test_a_mime_message_scan_cannot_read_is_refused_in_one_line(data: bytes, message: str) -> None:
    """No text part, more parts than a saved page holds (each a parse and a frame: 5 MB of tiny parts took over a
    minute), nesting deeper than the parser goes (a RecursionError), a NUL in a decoded part."""
    with pytest.raises(InputRefused, match=message):
        decode_article(data)


@pytest.mark.parametrize("text", [
    "title: Report\ndate: 2017\n\nPolice recorded 1,582 offences.\n",
    "MIME-Version: is a header. Police recorded 1,582 offences.\n",
    "Subject: figures\n\nMIME-Version: 1.0\n\nPolice recorded 1,582 offences.\n",
])
def test_text_that_only_looks_like_headers_is_read_as_text(text: str) -> None:
    """Only a header block naming MIME-Version, ended by a blank line, is a MIME message."""
    assert decode_article(text.encode()) == text


@pytest.mark.parametrize(("article", "shown"), [
    ("> Police recorded 1,582\n> offences in 2016.\n", "Police recorded 1,582 offences in 2016."),
    ("> > Police recorded 1,582 offences.\n", "Police recorded 1,582 offences."),
    ("Police recorded ~~1,200~~ 1,582 offences.\n", "Police recorded 1,582 offences."),  # struck: round 50a
    ("Police recorded 1,**582** offences and 2,_409_ more.\n", "Police recorded 1,582 offences and 2,409 more."),
    ("Police recorded **1,582** offences.\n", "Police recorded 1,582 offences."),
    ('See [1,582 offences](http://x.org/56 "5,555 title") and [2,409][r].\n\n[r]: http://x.org/3,333 "4,444"\n',
     "See 1,582 offences and 2,409."),
    ('![Chart of 1,582 offences](chart-2,409.png "5,555")\n', "Chart of 1,582 offences"),
    ("Police recorded 1,582[^2] offences.\n\n[^2]: Home Office table.\n",
     "Police recorded 1,582 offences.\n\nHome Office table."),
    ("Police recorded <sup>a</sup> 1,582[^2] offences, ~~1,200~~ [1,300](http://x/3,333).\n",
     "Police recorded 1,582 offences, 1,300."),
])
def test_markdown_syntax_no_reader_sees_is_not_read_as_text(article: str, shown: str) -> None:
    """A quote's ">" was read as "more than" (the figure not read), "~~" as "about", emphasis inside a number split
    it, a link's or image's title and a reference definition were read as figures, a footnote reference as one."""
    assert to_text(article) == shown


@pytest.mark.parametrize(("article", "figures"), [
    ("> Police recorded 1,582 offences in 2016.\n", ["1,582"]),
    ('Police recorded 1,582[^2] offences ([source](http://x.org/a "2,409")).\n', ["1,582"]),
    ("There were >1,200 cases and ~1,300 referrals.\n", []),
])
def test_a_quoted_or_linked_figure_is_read_and_more_than_or_about_still_qualify(article: str,
                                                                                 figures: list[str]) -> None:
    """`>1,200` with no space is still "more than", and a single "~" still "about" (neither one figure)."""
    assert [f["value_as_printed"] for f in scan_text(article, DEFAULT)["figures"]] == figures


@pytest.mark.parametrize("page", [
    '<!doctype html><html><head><title>Police recorded 1,582 offences</title></head><body><div id="__next"></div>'
    "<noscript>Enable JavaScript to read this article.</noscript>"
    '<script id="__NEXT_DATA__" type="application/json">'
    '{"props":{"body":"Police recorded 1,582 child sexual exploitation offences in 2016."}}</script></body></html>',
    '<html><body><p hidden>1,582</p><img src="chart.png" alt="Police recorded 1,582 offences"></body></html>',
    "", " \n\n\t\f\n",
])
def test_an_article_that_shows_no_text_is_not_reported_as_having_no_figures(page: str) -> None:
    """A saved page whose article its scripts draw (the text only in a script's data) gave "no figures found" and
    exit 0: a fact-checker was told the article had no figures. Nothing read is now said, as a part not read."""
    from analysis.factcheck.scan import NO_TEXT

    result = scan_text(page, DEFAULT)
    assert result["figures"] == [] and result["not_read"] == [NO_TEXT]
    assert scan_text("<p>Police recorded 1,582 offences.</p>", DEFAULT)["not_read"] == []


@pytest.mark.parametrize(("svg", "shown"), [
    ("<text y=20><tspan x=0>2016</tspan><tspan x=80>1,582</tspan></text>", "2016\n\n1,582"),
    ("<text><tspan x=0 y=20>Year 2016</tspan><tspan x=0 dy=20>1,582 cases</tspan></text>", "Year 2016\n\n1,582 cases"),
    ("<text y=20>1,5<tspan>82</tspan> cases</text>", "1,582 cases"),
    ("<text y=20>10<tspan dy=-6>6</tspan></text>", "106"),
])
def test_an_svg_tspan_drawn_at_its_own_position_is_read_apart(svg: str, shown: str) -> None:
    """A chart's columns and a label wrapped onto lines by `<tspan x=…>` were read run together, "20161,582" (as
    Chromium's innerText reads them; a screenshot shows 2016 and 1,582 apart). A tspan without a position of its
    own (a number's styled part, a shifted exponent) continues its text."""
    assert to_text(f"<p>Chart</p><svg width=300 height=60>{svg}</svg>") == f"Chart\n\n{shown}"


def test_a_claims_stub_never_repeats_a_claim_id() -> None:
    """Figures printed and worded alike ("rose by 12 per cent in", three times) gave three stubs of one id, which
    `validate` refuses as duplicate claim ids once the stub is pasted into claims.yaml."""
    import yaml

    from analysis.factcheck.scan import claims_stub

    article = ("Offences rose by 12 per cent in 2016.\n\nReferrals rose by 12 per cent in 2017.\n\n"
               "Offences rose by 12 per cent in 2016.\n")
    ids = [entry["id"] for entry in yaml.safe_load(claims_stub(scan_text(article, DEFAULT)))]
    assert len(ids) == 3 and len(set(ids)) == 3, ids


@pytest.mark.parametrize(("size", "limit", "said"), [
    (1_000_001, 1.0, "it is 1,000,001 bytes, over the 1 MB limit"), (40, 1e-9, "it is 40 bytes, over the 1e-09 MB"),
    (2_500_000, 1.0, "it is 2.5 MB, over the 1 MB limit"),
])
def test_the_size_refused_is_shown_over_the_limit(size: int, limit: float, said: str) -> None:
    """A byte over 1 MB was said to be "1.0 MB, over the 1 MB limit", a 40-byte file "0.0 MB"."""
    with pytest.raises(InputRefused, match=said):
        decode_article(b"a" * size, limit)


def test_unicode_paragraph_and_line_separators_end_paragraphs_and_lines_in_plain_text() -> None:
    """U+2029 and U+2028 (plain text copied from Pages or a layout program) were kept as characters: every figure
    of a three-paragraph article was said to be in paragraph 1."""
    article = "Police recorded 1,582 offences in 2016.\u2029There were 2,409 referrals.\u2028New line 3,333.\n"
    assert to_text(article) == ("Police recorded 1,582 offences in 2016.\n\nThere were 2,409 referrals.\n\n"
                                "New line 3,333.")
    assert [f["paragraph"] for f in scan_text(article, DEFAULT)["figures"]] == [1, 2, 3]


@pytest.mark.parametrize(("page", "shown"), [
    ("<p>Police recorded <bdo dir=rtl>1,582</bdo> offences.</p>", "Police recorded 285,1 offences."),
    ("<p>Police recorded \u202e1,582\u202c offences.</p>", "Police recorded 285,1 offences."),
    ("Police recorded \u202e1,582\u202c offences.\n", "Police recorded 285,1 offences."),
    ('<p><span style="unicode-bidi:bidi-override;direction:rtl">2,409</span></p>', "904,2"),
    ("<p><bdo dir=rtl>1,582 <bdo dir=ltr>2,409</bdo></bdo></p>", "2,409 285,1"),
    ("<p><bdo dir=rtl>1,582 <bdo dir=rtl>2,409</bdo></bdo></p>", "904,2 285,1"),
    ("<p><bdo dir=rtl>12 <bdo dir=ltr>34 <bdo dir=rtl>56</bdo></bdo></bdo></p>", "34 65 21"),
    ("<p><bdo dir=RTL>1,5<b>82</b> x</bdo> and <span dir=rtl>1,582</span>", "x 285,1 and 1,582"),
    ("<p><bdo dir=rtl>1,582", "285,1"),
])
def test_text_drawn_right_to_left_is_read_as_drawn(page: str, shown: str) -> None:
    """A right-to-left override (`<bdo dir=rtl>`, `unicode-bidi: bidi-override`, U+202E) draws "1,582" as "285,1"
    (each case checked by a Chromium screenshot; its innerText reads "1,582"): scan read the figure 1,582, which no
    reader sees and the record could confirm. A plain `dir=rtl` reorders no digits."""
    assert to_text(page) == shown
    assert "1,582" not in [f["value_as_printed"] for f in scan_text(page, DEFAULT)["figures"]] or "1,582" in shown


@pytest.mark.parametrize("text", [
    "Files report 12_12 and 2016*2017.", "[1]: Police recorded 1,582 offences.", "[1]: 1,582",
    "[r]: http://x.org/3 and 1,582 more",
])
def test_markdown_marks_never_join_two_numbers_or_drop_an_endnote(text: str) -> None:
    """Found by comparing with mistune's rendering (3,000 random documents): a mark between two digits was removed
    ("12_12" read as 1212), and any "[1]: …" line dropped as a reference definition (a plain-text endnote's
    1,582 with it)."""
    assert to_text(text) == text


@pytest.mark.parametrize(("page", "shown"), [
    ("<p><span dir=rtl><bdo>1,582</bdo></span></p>", "285,1"),
    ('<p><span style="unicode-bidi:bidi-override" dir=rtl>3,333</span></p>', "333,3"),
    ('<p><span style="unicode-bidi:bidi-override"><span dir=rtl>4,444</span></span></p>', "4,444"),
    ("<div dir=rtl><p>5,555 <bdo dir=ltr>6,666</bdo></p></div>", "5,555 6,666"),
    ("<p><img dir=rtl src=x><br dir=rtl>1,582 <bdo>2,409</bdo></p>", "1,582 2,409"),
])
def test_an_override_draws_in_the_direction_it_sets_or_inherits(page: str, shown: str) -> None:
    """A <bdo> with no dir inside `dir=rtl`, and a bidi-override given its direction by a dir attribute, draw
    "1,582" as "285,1" (Chromium screenshots); each was read as 1,582. Only an override reorders digits."""
    assert to_text(page) == shown


def test_an_e_mail_s_text_on_both_sides_of_an_attachment_is_read() -> None:
    """A plain e-mail whose body a mail client split around an inline image: only its first text part was read,
    and the 2,409 after the image was dropped without a word."""
    eml = _crlf("""MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=m

--m
Content-Type: text/plain; charset=utf-8

Police recorded 1,582 offences.
--m
Content-Type: image/png
Content-Disposition: inline
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--m
Content-Type: text/plain; charset=utf-8

There were 2,409 referrals.
--m--
""")
    assert to_text(decode_article(eml)) == "Police recorded 1,582 offences.\n\nThere were 2,409 referrals."


@pytest.mark.parametrize("sheet", [
    "details::details-content{content-visibility:visible}", ".faq::details-content{content-visibility:visible}",
    "@media (min-width:1px){details::details-content{content-visibility:auto}}", "::details-content{all:unset}",
    ".faq{&::details-content{content-visibility:visible}}", "details::details-content{display:block}",
])
def test_a_closed_details_whose_content_the_page_shows_is_read(sheet: str) -> None:
    """A page's `::details-content` rule with a content-visibility other than hidden shows a closed <details>'
    content (Chromium's innerText reads it, and the reader sees it); scan dropped it as a closed box's. (Every
    closed <details>' content is read since round 42: the browser opens it for its reader, whatever the rule.)"""
    page = (f"<style>{sheet}</style><details class=faq><summary>S</summary><p>Body 1,582</p></details>"
            "<details><summary>T</summary><p>More 2,409</p></details>")
    assert to_text(page) == "S\n\nBody 1,582\n\nT\n\nMore 2,409"


def test_a_page_saved_with_its_http_response_head_is_read_as_its_body() -> None:
    """`curl -i` output: the status, content-length, age and cache counts were read as figures ("HTTP/2 200",
    "age: 1582"), and the charset the content-type names ignored (a windows-1252 page refused as not UTF-8)."""
    saved = (b"HTTP/1.1 301 Moved\r\nLocation: /cse\r\n\r\nHTTP/2 200 \r\ncontent-type: text/html; charset=windows-1252"
             b"\r\ncontent-length: 20457\r\nage: 1582\r\nx-cache-hits: 3, 12\r\n\r\n<!doctype html><p>Police recorded "
             b"\x931,582\x94 offences, \xa32,409 spent.</p><p hidden>Draft 9,999</p>")
    assert to_text(decode_article(saved)) == "Police recorded \u201c1,582\u201d offences, \u00a32,409 spent."
    with pytest.raises(InputRefused, match="chunked"):
        decode_article(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\nPolice recorded 1,582")
    assert decode_article(b"HTTP is great: 200 ways\n\nPolice 1,582") == "HTTP is great: 200 ways\n\nPolice 1,582"


@pytest.mark.parametrize(("data", "kind"), [
    (b"BZh91AY&SY\x00\x01", "a bzip2 file"), (b"\xfd7zXZ\x00\x00\x04", "an xz file"),
    (b"\x28\xb5\x2f\xfd\x00", "a zstd file"), (b"bplist00\xd1\x01\x02", "a Safari web archive"),
])
def test_a_compressed_file_or_web_archive_is_named_when_refused(data: bytes, kind: str) -> None:
    """Each was refused as binary with the hint that a UTF-16 file needs a byte-order mark."""
    with pytest.raises(InputRefused, match=f"it is {kind}"):
        decode_article(data)


@pytest.mark.parametrize(("article", "shown"), [
    ("Intro text.\n\n<span class=x\n> 1,582 cases</span>\n", "Intro text.\n\n1,582 cases"),
    ("Intro.\n\n<div hidden\n> 9,999</div>\n\nPolice recorded 1,583.\n", "Intro.\n\nPolice recorded 1,583."),
])
def test_a_tag_ended_at_a_line_s_start_is_not_taken_for_a_quote(article: str, shown: str) -> None:
    """Found after the quote rule: in prose holding tags, a ">" that ends a tag written over two lines was removed
    as a quote's marker, the tag ran on to the next ">", and the text after it was hidden. Quote markers are now
    removed in prose without tags only."""
    assert to_text(article) == shown
