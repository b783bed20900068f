"""Issue 24, round thirty-six, helper r36a: scan (class 3). A chart drawn by a library or service scan knows, loaded
by the older address its embed code gave out in the years the record covers (Google Charts' `jsapi` loader before
`loader.js`; Highcharts Cloud's `inject/` loader before the service became Everviz), was left out without a word
(exit 0 where the rest of the page is in the record)."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import charts_line
from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"


def page(chart: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article>{IN_RECORD}{chart}</article></body></html>"


#: Each embed code as its service's or library's documentation gave it out (shortened), and the address listed.
OLDER_LOADERS = [
    ('<script type="text/javascript" src="https://www.google.com/jsapi"></script><script type="text/javascript">'
     'google.load("visualization", "1", {packages:["corechart"]}); google.setOnLoadCallback(drawChart);</script>'
     '<div id="chart_div" style="width: 900px; height: 500px;"></div>', "https://www.google.com/jsapi"),
    ("<script src=\"//www.google.com/jsapi?autoload={'modules':[{'name':'visualization','version':'1',"
     "'packages':['corechart']}]}\"></script><div id=\"chart_div\"></div>",
     "//www.google.com/jsapi?autoload={'modules':[{'name':'visualization','version':'1','packages':['corechart']}]}"),
    ('<div id="highcharts-0a1b2c3d-4e5f"><script src="https://cloud.highcharts.com/inject/0a1b2c3d-4e5f" '
     'defer="defer"></script></div>', "https://cloud.highcharts.com/inject/0a1b2c3d-4e5f"),
]


@pytest.mark.parametrize(("chart", "address"), OLDER_LOADERS)
def test_a_chart_loaded_by_a_known_librarys_or_services_older_address_is_listed_as_not_read(chart: str,
                                                                                          address: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line([address])]


def test_other_google_and_highcharts_addresses_are_not_charts() -> None:
    """Google's other scripts (its site search, Analytics) and Highcharts' site itself load no chart library."""
    for script in ("https://www.google.com/cse/cse.js?cx=123", "https://www.google-analytics.com/analytics.js",
                   "https://www.google.com/jsapi/other.js", "https://cloud.highcharts.com/scripts/app.js"):
        figures, not_read = read(page(f'<script src="{script}"></script>'))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], script


#: A web component rendered on the server with a declarative shadow root whose page also holds a light copy of the
#: same text for browsers without shadow roots: Chromium shows the shadow root's text and, of the host's children,
#: only those a <slot> takes (checked with Chromium's getClientRects: 0 for each child no slot takes).
UNSLOTTED = ('<stat-card><template shadowrootmode="open"><p>Referrals rose to 2,060 in 2015.</p></template>'
             "<p>Referrals rose to 2,060 in 2015.</p></stat-card>")


def test_a_shadow_hosts_child_no_slot_takes_is_not_read_so_a_sentence_is_read_once() -> None:
    figures, not_read = read(page(UNSLOTTED))
    assert [printed for printed, *_ in figures] == ["922", "2,060"] and not_read == []


@pytest.mark.parametrize(("host", "shown"), [
    # A default slot takes every child without a slot attribute, and the host's own text.
    ('<x-card><template shadowrootmode="open"><slot></slot></template><p>Light 1,111 cases.</p>Text 2,222.</x-card>',
     ["1,111", "2,222"]),
    # A named slot takes only the child that names it (names compared as written); no default slot, no other child.
    ('<x-card><template shadowrootmode="open"><slot name="total"></slot></template><p slot="Total">Case 3,333.</p>'
     '<p slot="total">Named 4,444.</p><p>Plain 5,555.</p>Text 6,666.</x-card>', ["4,444"]),
    # A slot inside a plain <template> in the root is inert; a nested root's slot takes its own host's children.
    ('<x-a><template shadowrootmode="open"><template><slot></slot></template><x-b><template shadowrootmode="open">'
     "<slot></slot></template><p>Inner 7,777.</p></x-b></template><p>Outer 8,888.</p></x-a>", ["7,777"]),
])
def test_a_shadow_hosts_children_are_read_where_a_slot_takes_them(host: str, shown: list[str]) -> None:
    figures, not_read = read(page(host + "<p>After 9,999 cases.</p>"))
    assert [printed for printed, *_ in figures] == ["922", *shown, "9,999"] and not_read == []


def test_a_canvas_no_slot_takes_is_not_listed_but_a_script_there_still_runs() -> None:
    light = '<x-chart><template shadowrootmode="open"><h3>Referrals</h3></template><canvas></canvas></x-chart>'
    assert read(page(light)) == ([("922", 922.0, "count", "exact")], [])
    library = "https://cdn.jsdelivr.net/npm/chart.js@4"
    _, not_read = read(page(light.replace("<canvas></canvas>", f'<script src="{library}"></script>')))
    assert not_read == [charts_line([library])]


@pytest.mark.parametrize(("canvas", "listed"), [
    ('<div style="visibility:hidden"><canvas style="visibility:visible"></canvas></div>', True),
    ('<style>.chart{visibility:hidden} .chart canvas{visibility:visible}</style>'
     '<div class="chart"><canvas class="drawn"></canvas></div>', True),
    ('<style>.loaded{visibility:visible}</style><div style="visibility:hidden"><canvas class="loaded"></canvas></div>',
     True),
    ('<canvas style="visibility:hidden"></canvas>', False),
    ('<style>canvas.spare{visibility:hidden}</style><canvas class="spare"></canvas>', False),
])
def test_a_canvas_is_listed_by_its_own_visibility_as_text_is(canvas: str, listed: bool) -> None:
    """Chromium draws a `visibility: visible` canvas in a hidden element, and not a hidden canvas (its box stays)."""
    _, not_read = read(page(canvas))
    assert bool(not_read) is listed and all("1 canvas" in line for line in not_read), canvas
