"""Issue 24, round twenty-eight, helper r28b: scan (class 3) on page shapes a fact-checker plausibly saves that
earlier rounds did not try: CMS markup, live blogs, GOV.UK and Hansard pages, PDFs converted to HTML, documents
saved as HTML, e-mail newsletters."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text
from tests.scanned import read

#: The style sheet pdf2htmlEX (a common PDF-to-HTML converter) writes into every page it makes: each run of text in
#: a line is a `span`, and every span is an inline-block; a kerning shift is an empty span (a shift as wide as a
#: word space holds a space).
PDF2HTMLEX_SHEET = ("<style>.t{position:absolute;white-space:pre;font-size:1px}"
                    "span{position:relative;vertical-align:baseline;display:inline-block;unicode-bidi:bidi-override}"
                    "._{color:transparent;z-index:-1}._0{margin-left:-1.08px}._1{width:3.96px}"
                    ".ff2{font-family:ff2}.fc1{color:rgb(200,0,0)}</style>")


def _pdf2htmlex(*lines: str) -> str:
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><meta name='generator' content='pdf2htmlEX'>"
            f"{PDF2HTMLEX_SHEET}</head><body><div id='page-container'><div class='pf'><div class='pc'>"
            + "".join(f"<div class='t m0 x0 h1 y{i} ff1 fs0'>{line}</div>" for i, line in enumerate(lines))
            + "</div></div></div></body></html>")


@pytest.mark.parametrize(("line", "figure"), [
    # a sign in another font than its number's
    ("Referrals rose 12<span class='ff2'>%</span> on the year.", ("12%", 12.0, "percent", "exact")),
    # a digit in another colour
    ("A total of <span class='fc1'>3</span>,333 children were referred.", ("3,333", 3333.0, "count", "exact")),
    # a kerning shift inside the number, as an empty span
    ("Police recorded 1,<span class='_ _0'></span>111 offences.", ("1,111", 1111.0, "count", "exact")),
    ("Grants of £2.<span class='_ _0'></span>2m were agreed.", ("£2.2m", 2200000.0, "GBP", "exact")),
    # the pound sign in a span of its own
    ("Grants of <span class='ff2'>£</span>2.2m were agreed.", ("£2.2m", 2200000.0, "GBP", "exact")),
])
def test_a_pdf_converted_to_html_keeps_each_number_whole(line: str, figure: tuple[str, float, str, str]) -> None:
    """Chromium draws an inline-block on its neighbours' line, so a number split across two is one number to a
    reader. Read as boxes apart, "12<span>%</span>" was the count 12 (the unit lost, nothing said), "<span>3</span>,333"
    the count 3, and a kerning shift split 1,111 into the figures 1 and 111."""
    figures, not_read = read(_pdf2htmlex(line))
    assert figures == [figure] and not_read == []


def test_boxes_set_side_by_side_stay_apart_where_no_number_runs_across() -> None:
    # A word space pdf2htmlEX sets as a span holding a space, and cards of text set side by side, as before.
    page = _pdf2htmlex("Police<span class='_ _1'> </span>recorded<span class='_ _1'> </span>4,444"
                       "<span class='_ _1'> </span>cases.")
    assert [printed for printed, *_ in read(page)[0]] == ["4,444"]
    cards = ("<div><span style='display:inline-block'>1,582 offences</span><span style='display:inline-block'>"
             "2,409 referrals</span></div>")
    assert to_text(cards) == "1,582 offences 2,409 referrals"


#: A chart's embed code as Flourish and Datawrapper give it (a script that draws the chart's frame where it stands),
#: in a page saved "HTML only" or fetched with curl: the script is there, the frame is not.
SCRIPT_EMBEDS = [
    ('<div class="flourish-embed flourish-chart" data-src="visualisation/1234567"><script '
     'src="https://public.flourish.studio/resources/embed.js"></script><noscript><img '
     'src="https://public.flourish.studio/visualisation/1234567/thumbnail" alt="chart visualization"></noscript></div>',
     "https://flo.uri.sh/visualisation/1234567/embed"),  # by the frame's own address since round 32 (r32a)
    ('<div style="min-height:420px" id="datawrapper-vis-AbC12"><script type="text/javascript" defer '
     'src="https://datawrapper.dwcdn.net/AbC12/embed.js" charset="utf-8" data-target="#datawrapper-vis-AbC12">'
     '</script></div>', "https://datawrapper.dwcdn.net/AbC12/embed.js"),
    # Instagram's embed code names its loader without a scheme
    ('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/AbC/">A post</blockquote>'
     '<script async src="//www.instagram.com/embed.js"></script>', "//www.instagram.com/embed.js"),
]


@pytest.mark.parametrize(("embed", "address"), SCRIPT_EMBEDS)
def test_a_chart_a_script_embeds_is_listed_as_not_read(embed: str, address: str) -> None:
    """Scan fetches nothing, so it cannot read the chart; a frame's chart is listed as not read, and the same chart
    embedded by its service's script was left out without a word (exit 0 where every other figure is in the
    record)."""
    page = f"<!doctype html><body><article><p>Police recorded 1,111 offences.</p>{embed}</article></body>"
    assert any(address in line and "frame" in line for line in read(page)[1])


def test_an_embed_script_not_shown_or_in_the_head_is_not_listed() -> None:
    loader = '<script src="https://datawrapper.dwcdn.net/AbC12/embed.js"></script>'
    for page in (f"<html><head>{loader}</head><body><p>Police recorded 1,111 offences.</p></body></html>",
                 f"<body><p>Police recorded 1,111 offences.</p><div hidden>{loader}</div></body>",
                 "<body><p>Police recorded 1,111 offences.</p><script src='https://x.example/analytics.js'></script>"):
        assert read(page)[1] == []


#: Pages whose article their scripts draw, fetched with curl or saved "HTML only": a loading notice, or a site's
#: header and footer around the empty element the app draws into.
SHELLS = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="/"></head><body><app-root><div '
    'class="loading">Loading...</div></app-root><script src="main.js" type="module"></script></body></html>',
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Crime dashboard</title></head><body><header><a href="/">'
    'Example Police</a><nav><a href="/news">News</a> <a href="/contact">Contact us</a></nav></header><main><div '
    'id="root"><noscript>You need to enable JavaScript to run this app.</noscript></div></main><footer>© 2024 '
    'Example Police. All rights reserved.</footer><script src="/static/js/main.3f2a.js"></script></body></html>',
]


@pytest.mark.parametrize("page", SHELLS)
def test_the_shell_of_a_page_its_scripts_draw_is_said_not_read(page: str) -> None:
    figures, not_read = read(page)
    assert figures == [] and any("runs scripts" in line for line in not_read)


def test_a_short_page_with_a_figure_or_without_scripts_says_nothing_more() -> None:
    assert read("<p>Police recorded 1,111 offences.</p><script src='main.js'></script>")[1] == []
    assert read("<!doctype html><body><header>Example Police</header><p>No figures today.</p></body>")[1] == []
