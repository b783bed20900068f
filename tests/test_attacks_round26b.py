"""Issue 24, round twenty-six, helper r26b: stamps that cannot lie (class 2) and scan's reading of real page shapes,
their encodings and their hidden text (class 3), each failure fixed by class."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scanned import figures_read, scan_file

#: React's inline runtime as Next.js sends it (react-dom's completeBoundary, minified), and the runtime's call.
COMPLETE_BOUNDARY = ('$RC=function(b,c,e){c=document.getElementById(c);c.parentNode.removeChild(c);var a=document.'
                     'getElementById(b);if(a){b=a.previousSibling;if(e)b.data="$!",a.setAttribute("data-dgst",e);e'
                     'lse{e=b.parentNode;a=b.nextSibling;var f=0;do{if(a&&8===a.nodeType){var d=a.data;if("/$"===d'
                     ')if(0===f)break;else f--;else"$"!==d&&"$?"!==d&&"$!"!==d||f++}d=a.nextSibling;e.removeChild('
                     'a);a=d}while(a);for(;c.firstChild;)e.insertBefore(c.firstChild,a);b.data="$"}b._reactRetry&&'
                     'b._reactRetry()}};')
COMPLETE_SEGMENT = ("$RS=function(a,b){a=document.getElementById(a);b=document.getElementById(b);for(a.parentNode."
                    "removeChild(a);a.firstChild;)b.parentNode.insertBefore(a.firstChild,b);b.parentNode.removeChild(b)};")

#: A Next.js page with a loading state, as `curl` fetches it or "Save as… HTML only" keeps it: the article is streamed
#: at the end in a hidden <div>, and the page's own script moves it into the boundary. Checked in Chromium
#: (innerText): it shows the article and its three figures.
STREAMED_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>What the figures say</title></head><body>'
    '<header><a href="/">News</a></header><main><!--$?--><template id="B:0"></template>'
    '<div class="skeleton">Loading…</div><!--/$--></main>'
    '<script src="/_next/static/chunks/webpack.js" async=""></script>'
    '<div hidden id="S:0"><article><h1>What the figures say</h1><p>Police recorded 1,200 cases in 2017, up 30% on the '
    'year before.</p><p>The charity answered 3,333 calls.</p></article></div>'
    f'<script>{COMPLETE_BOUNDARY}$RC("B:0","S:0")</script></body></html>')


def test_an_article_react_streams_into_place_is_read() -> None:
    assert [value for value, _, _ in figures_read(STREAMED_PAGE)] == [1200, 30, 3333]


# Checked in Chromium: a segment moved into a placeholder, and a table's boundary, are shown; a hidden element no
# call names stays hidden.
def test_a_streamed_segment_or_table_is_read_and_a_hidden_part_no_script_moves_is_not() -> None:
    page = ('<!DOCTYPE html><html><body><main><p>Intro 1,111 cases.</p><template id="P:1"></template></main>'
            '<div hidden id="S:1"><p>Police recorded 2,222 cases.</p></div>'
            f'<script>{COMPLETE_SEGMENT}$RS("S:1","P:1")</script>'
            '<table><tbody><!--$?--><template id="B:2"></template><!--/$--></tbody></table>'
            '<table hidden id="S:2"><tbody><tr><td>Referrals 3,333</td></tr></tbody></table>'
            f'<script>{COMPLETE_BOUNDARY}$RC("B:2","S:2")</script>'
            '<div hidden id="S:9"><p>Not moved 9,999.</p></div></body></html>')
    assert [value for value, _, _ in figures_read(page)] == [1111, 2222, 3333]


def test_a_part_react_s_external_runtime_moves_into_place_is_read() -> None:
    page = ('<!DOCTYPE html><html><body><main><!--$?--><template id="B:0"></template>Loading…<!--/$--></main>'
            '<script src="/_next/static/chunks/react-dom-server-external-runtime.js" async=""></script>'
            '<div hidden id="S:0"><p>Police recorded 1,200 cases.</p></div>'
            '<template data-rci="" data-bid="B:0" data-sid="S:0"></template></body></html>')
    assert [value for value, _, _ in figures_read(page)] == [1200]


@pytest.mark.parametrize("call", ['$RC("B:0","S:1")', "", '<p>$RC("B:0",S:0)</p>'])
def test_a_hidden_part_is_still_hidden_where_no_call_names_it(call: str) -> None:
    page = ('<!DOCTYPE html><html><body><p>Shown 2,222.</p><div hidden id="S:0"><p>Police recorded 1,200 cases.</p>'
            f'</div><script>{call}</script></body></html>')
    assert [value for value, _, _ in figures_read(page)] == [2222]


#: A WordPress export (WXR) of one post from the classic editor, whose paragraphs are stored without tags, and an
#: RSS item's description, each in CDATA as WordPress writes them. Checked in Chromium: opened as .xml it shows
#: every figure (its XML viewer); read as HTML, each CDATA section is a comment up to its first ">".
WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Local News</title>
<item><title>Referrals rise</title>
<description><![CDATA[Police recorded 1,111 cases in 2019, up 12% on the year.]]></description>
<content:encoded><![CDATA[Police recorded 2,222 cases in 2019.

The charity answered <strong>3,333</strong> calls, up 4% on the year.]]></content:encoded>
</item></channel></rss>
"""


@pytest.mark.parametrize("name", ["export.xml", "feed.rss", "feed.atom", "FEED.XML"])
def test_a_feed_or_export_s_cdata_text_is_read(tmp_path: Path, name: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_text(WXR, encoding="utf-8")
    assert scan_file(tmp_path / name, capsys)[1] == ["1,111", "12%", "2,222", "3,333", "4%"]


def test_the_same_feed_named_html_is_still_read_as_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feed.html").write_text(WXR, encoding="utf-8")
    assert scan_file(tmp_path / "feed.html", capsys)[1] == ["3,333", "4%"]


def test_a_feed_sent_as_rss_over_http_is_read_as_xml() -> None:
    from analysis.factcheck.scan_input import decode_article

    response = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=UTF-8\r\n\r\n" + WXR.encode()
    assert [value for value, _, _ in figures_read(decode_article(response))] == [1111, 12, 2222, 3333, 4]


#: An Atom entry with its summary as escaped HTML and its content as XHTML: each read as a feed reader shows it,
#: its hidden parts hidden, and one item's markup kept to itself.
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Local News</title>
<entry><title>Referrals rise</title>
<summary type="html">&lt;p&gt;Police recorded &lt;b&gt;1,111&lt;/b&gt; cases.&lt;/p&gt;
&lt;div hidden&gt;Draft 9,999</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The charity answered <strong>2,222</strong>
calls.</p><div hidden="hidden">Draft 8,888</div></div></content>
<rights>Shown 3,333.</rights></entry></feed>
"""


def test_an_atom_entry_s_html_and_xhtml_content_are_read_as_a_feed_reader_shows_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feed.atom").write_text(ATOM, encoding="utf-8")
    assert scan_file(tmp_path / "feed.atom", capsys)[1] == ["1,111", "2,222", "3,333"]


@pytest.mark.parametrize(("text", "said"), [
    ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "1,200 ">]><rss><description>&e;&e;</description></rss>',
     "declares its own entities"),
    ("<rss><description><![CDATA[Police recorded 1,200 cases.</description></rss>", "not well-formed")])
def test_a_feed_that_declares_entities_or_is_not_well_formed_is_refused(
        tmp_path: Path, text: str, said: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "feed.xml").write_text(text, encoding="utf-8")
    status, figures, err = scan_file(tmp_path / "feed.xml", capsys)
    assert (status, figures) == (2, []) and said in err


# pdfminer and pdfplumber write a glyph whose font has no character map as "(cid:N)", the font's own number for it:
# here 1,200 and 30% in a font whose digits are glyphs 19 to 28.
@pytest.mark.parametrize("text", ["Police recorded (cid:20),(cid:21)(cid:19)(cid:19) cases, up (cid:22)(cid:19)%.",
                                  "<p>Police recorded (cid:20),(cid:21)(cid:19)(cid:19) cases, up (cid:22)(cid:19)%."
                                  "</p>"])
def test_a_glyph_a_pdf_does_not_name_is_no_figure_and_is_said(text: str) -> None:
    from tests.scanned import read

    figures, not_read = read(text + " The charity answered 3,333 calls.")
    assert [printed for printed, *_ in figures] == ["3,333"]
    assert any("6 characters a PDF's text layer does not name" in line for line in not_read)


def test_a_text_without_such_glyphs_says_nothing_of_them() -> None:
    from tests.scanned import read

    assert read("The function (cid) returned 1,200 cases (cid:x).")[1] == []


#: A data story as newsrooms publish it: its chart embedded from Datawrapper, whose figures readers see in the frame.
CHART_STORY = ('<!DOCTYPE html><html><body><article><p>Police recorded 1,200 cases.</p>'
               '<iframe title="Referrals rose to 1,582" src="https://datawrapper.dwcdn.net/AbC12/1/" height="400" '
               'style="width:100%;border:none"></iframe></article></body></html>')


#: The same chart in an AMP page, as Datawrapper's AMP embed code writes it.
AMP_CHART_STORY = CHART_STORY.replace("<iframe ", '<amp-iframe layout="responsive" width="600" ').replace(
    "</iframe>", "</amp-iframe>")


@pytest.mark.parametrize("page", [CHART_STORY, AMP_CHART_STORY])
def test_a_frame_shown_from_elsewhere_is_said_not_read(page: str) -> None:
    from tests.scanned import read

    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["1,200"]
    assert len(not_read) == 1 and "'https://datawrapper.dwcdn.net/AbC12/1/'" in not_read[0]


def test_a_page_whose_article_is_in_a_frame_says_so_and_exits_1(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Google's AMP viewer, as saved: the page is a frame around the article, which scan does not fetch. It said
    "no figures found", exit 0."""
    page = ('<!DOCTYPE html><html><head><title>Police figures</title></head><body><header>news.google.com</header>'
            '<iframe src="https://www-example-com.cdn.ampproject.org/c/s/www.example.com/amp/article"></iframe>'
            '</body></html>')
    (tmp_path / "viewer.html").write_text(page, encoding="utf-8")
    status, figures, _ = scan_file(tmp_path / "viewer.html", capsys)
    assert (status, figures) == (1, [])


@pytest.mark.parametrize("frame", [
    '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=X" height="0" width="0"></iframe></noscript>',
    '<iframe src="https://example.org/pixel" width="0" height="0" style="display:none"></iframe>',
    '<iframe hidden src="https://example.org/x"></iframe>', '<iframe src="about:blank"></iframe>',
    '<div style="display:none"><iframe src="https://example.org/x"></iframe></div>',
    '<iframe srcdoc="<p>Framed 2,222 cases.</p>" src="https://example.org/x"></iframe>'])
def test_a_frame_that_shows_nothing_from_elsewhere_is_not_listed(frame: str) -> None:
    from tests.scanned import read

    assert read(f"<p>Police recorded 1,200 cases.</p>{frame}")[1] == []


def test_a_frame_saved_in_the_same_mhtml_file_is_read_not_listed() -> None:
    from analysis.factcheck.scan_input import decode_article
    from tests.scanned import read

    boundary = "----MultipartBoundary--abc----"
    saved = (f'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; '
             f'boundary="{boundary}"\r\n\r\n--{boundary}\r\nContent-Type: text/html\r\n'
             "Content-Location: https://www.example.com/news/article\r\n\r\n"
             '<p>Police recorded 1,200 cases.</p><iframe src="cid:frame-B@mhtml.blink"></iframe>\r\n'
             f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-B@mhtml.blink>\r\n\r\n"
             f"<h1>Referrals rose to 1,582</h1>\r\n--{boundary}--\r\n")
    figures, not_read = read(decode_article(saved.encode()))
    assert ([printed for printed, *_ in figures], not_read) == (["1,200", "1,582"], [])


def _policy_page(policy: str, body: str, head: str = "") -> str:
    return (f'<!doctype html><html><head><meta charset=utf-8>{head}<meta http-equiv="Content-Security-Policy" '
            f'content="{policy}"></head><body><p>Shown 1,111.</p>{body}</body></html>')


SHEET = "<style>.h{display:none}</style><p class=h>Police recorded 2,222 cases.</p>"
ATTRIBUTE = '<p style="display:none">Police recorded 4,444 cases.</p>'
#: The sha256 of ".h{display:none}", as a policy names a <style> it allows.
SHEET_HASH = "'sha256-I+plFyq8BAfADtPqVtOHvSB4Eb4kFopqgcWFFkX3IyQ='"


# Each checked in Chromium (innerText; a frame's and a shadow root's own): a sheet or style attribute the page's
# own policy blocks is not applied, so the figure it would hide is shown.
@pytest.mark.parametrize(("policy", "body", "shown"), [
    ("style-src 'self'", SHEET + ATTRIBUTE, [1111, 2222, 4444]),
    ("default-src 'self'", SHEET + ATTRIBUTE, [1111, 2222, 4444]),
    ("style-src 'unsafe-inline' 'nonce-abc'", SHEET + ATTRIBUTE, [1111, 2222, 4444]),
    ("style-src-elem 'unsafe-inline'; style-src 'none'", SHEET + ATTRIBUTE, [1111, 4444]),
    ("style-src-attr 'unsafe-inline'; style-src 'self'", SHEET + ATTRIBUTE, [1111, 2222]),
    ("style-src 'self'", '<iframe srcdoc="<style>.h{display:none}</style><p class=h>Framed 2,222.</p>"></iframe>',
     [1111, 2222]),
    ("style-src 'self'", "<div><template shadowrootmode=open><style>.h{display:none}</style>"
                         "<p class=h>Shadow 2,222.</p></template></div>", [1111, 2222])])
def test_a_style_the_page_s_own_policy_blocks_hides_nothing(policy: str, body: str, shown: list[int]) -> None:
    assert [value for value, _, _ in figures_read(_policy_page(policy, body))] == shown


@pytest.mark.parametrize(("policy", "body"), [
    ("style-src 'unsafe-inline'", SHEET + ATTRIBUTE), ("STYLE-SRC 'UNSAFE-INLINE'", SHEET + ATTRIBUTE),
    (";; default-src 'self'; style-src 'unsafe-inline' ;", SHEET + ATTRIBUTE), ("script-src 'none'", SHEET + ATTRIBUTE),
    ("style-src 'unsafe-inline' 'nonce-abc'", SHEET.replace("<style>", "<style nonce=abc>")),
    (f"style-src {SHEET_HASH}", SHEET)])
def test_a_style_the_page_s_policy_allows_still_hides(policy: str, body: str) -> None:
    assert [value for value, _, _ in figures_read(_policy_page(policy, body))] == [1111]


def test_a_meta_whose_http_equiv_is_not_the_policy_s_name_as_written_declares_none() -> None:
    """Checked in Chromium: "Content-Security-Policy " (a space after it) is another name; the sheet applies."""
    page = _policy_page("style-src 'none'", SHEET).replace('http-equiv="Content-Security-Policy"',
                                                            'http-equiv="Content-Security-Policy "')
    assert [value for value, _, _ in figures_read(page)] == [1111]


def test_a_policy_holds_only_from_the_head_and_after_it() -> None:
    before = _policy_page("style-src 'none'", "<p class=h>Police recorded 2,222 cases.</p>",
                          head="<style>.h{display:none}</style>")
    in_body = ('<!doctype html><html><head></head><body><meta http-equiv="Content-Security-Policy" '
               f'content="style-src \'none\'">{SHEET}</body></html>')
    assert [value for value, _, _ in figures_read(before)] == [1111] and figures_read(in_body) == []
