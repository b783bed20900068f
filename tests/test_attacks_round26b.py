"""Issue 24, round twenty-six, helper r26b: stamps that cannot lie (class 2) and scan's reading of real page shapes,
their encodings and their hidden text (class 3), each failure fixed by class."""

from __future__ import annotations

import pytest

from tests.scanned import figures_read

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
