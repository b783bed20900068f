"""Issue 24, round thirty-nine, helper r39a: scan (class 3). A saved message or HTTP response whose Content-Type
header is one long run of parameters was read in time growing with the square of its length (the standard library
copies the rest of the value at each ";": 1 MB took 6.5 s, 5 MB minutes); such a header is now refused, as no
server or mailer writes one."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import charts_line
from analysis.factcheck.scan_input import InputRefused, decode_article
from tests.scanned import read

PAGE = b"<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"
#: 100 KB of parameters: far past any real header, and read in a fraction of a second even without the limit.
LONG_PARAMETERS = b";a=b" * 25_000


@pytest.mark.parametrize("message", [
    b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8" + LONG_PARAMETERS + b"\n\n" + PAGE,
    b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8" + b'; a="' + b';"' * 50_000 + b"\n\n" + PAGE,
    # folded over many lines, as a mailer folds a long header
    b"MIME-Version: 1.0\nContent-Type: text/html;\n" + b" a=b;\n" * 20_000 + b" charset=utf-8\n\n" + PAGE,
    # in a part of a multipart message (an MHTML page's, an e-mail's)
    b'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/html'
    + LONG_PARAMETERS + b"\n\n" + PAGE + b"\n--b--\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html" + LONG_PARAMETERS + b"\r\n\r\n" + PAGE,
], ids=["message", "quotes", "folded", "part", "http"])
def test_a_content_type_header_longer_than_any_server_or_mailer_writes_is_refused(message: bytes) -> None:
    with pytest.raises(InputRefused, match="Content-Type header is over 8,192 characters"):
        decode_article(message)


@pytest.mark.parametrize("message", [
    b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" + PAGE,
    b'MIME-Version: 1.0\nContent-Type: multipart/related;\n type="text/html";\n boundary="----MultipartBoundary--x"'
    b"\n\n------MultipartBoundary--x\nContent-Type: text/html\nContent-Location: https://example.org/\n\n" + PAGE
    + b"\n------MultipartBoundary--x--\n",
    b"HTTP/2 200\r\ncontent-type: text/html; charset=utf-8\r\n\r\n" + PAGE,
    # a header just under the limit, and a line of the page's text that starts as one
    b"MIME-Version: 1.0\nContent-Type: text/html" + b";a=b" * ((8192 - 40) // 4) + b"\n\n" + PAGE
    + b"\ncontent-type: text/html; charset=utf-8 is what the server sends.\n",
], ids=["message", "mhtml", "http", "near-limit"])
def test_ordinary_headers_are_read_as_before(message: bytes) -> None:
    assert "922 crimes" in decode_article(message)


# A chart a service's script draws from a call in the page, by the embed code of the record's years: Tableau's
# JavaScript API (v1 `tableau_v8.js`, v2 `tableau-2.js`, from Tableau Public or a council's or force's Tableau
# Server) and Infogram's script embed (a <script> whose id names the chart) were left out without a word, exit 0,
# though the README says a Tableau or Infogram chart embedded by its service's script is listed.

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"

SERVICE_SCRIPTS = [
    ('<div id="vizContainer" style="width:800px; height:700px;"></div>'
     '<script type="text/javascript" src="https://public.tableau.com/javascripts/api/tableau-2.min.js"></script>'
     '<script type="text/javascript">var viz = new tableau.Viz(document.getElementById("vizContainer"), '
     '"https://public.tableau.com/views/Referrals/Dashboard1", {hideTabs: true});</script>',
     "https://public.tableau.com/javascripts/api/tableau-2.min.js"),
    ('<div id="viz"></div><script src="https://dashboards.example.gov.uk/javascripts/api/tableau-2.8.0.min.js">'
     '</script><script>new tableau.Viz(document.getElementById("viz"), '
     '"https://dashboards.example.gov.uk/t/police/views/Referrals/Dashboard1");</script>',
     "https://dashboards.example.gov.uk/javascripts/api/tableau-2.8.0.min.js"),
    ('<div id="viz"></div><script src="https://public.tableau.com/javascripts/api/tableau_v8.js"></script>'
     '<script>new tableau.Viz(document.getElementById("viz"), "https://public.tableau.com/views/R/D");</script>',
     "https://public.tableau.com/javascripts/api/tableau_v8.js"),
    ('<script id="infogram_0_1a2b3c4d-5e6f" title="Referrals by year" '
     'src="//e.infogram.com/js/dist/embed-loader-min.js?1" type="text/javascript"></script>'
     '<div style="padding:8px 0;text-align:center;border-top:1px solid #dadada;margin:0 30px">'
     '<a href="https://infogram.com/1a2b3c4d-5e6f" target="_blank">Referrals by year</a><br>'
     '<a href="https://infogram.com" target="_blank" rel="nofollow">Infogram</a></div>',
     "//e.infogram.com/js/dist/embed-loader-min.js?1"),
    # Infogram's address before infogram.com
    ('<script id="infogram_0_referrals" title="Referrals" src="//e.infogr.am/js/dist/embed-loader-min.js?2" '
     'type="text/javascript"></script>', "//e.infogr.am/js/dist/embed-loader-min.js?2"),
]


def page(chart: str) -> str:
    return f"<!doctype html><html><head></head><body><article>{IN_RECORD}{chart}</article></body></html>"


@pytest.mark.parametrize(("chart", "address"), SERVICE_SCRIPTS)
def test_a_chart_a_services_older_script_draws_from_a_call_in_the_page_is_listed(chart: str, address: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line([address])]


@pytest.mark.parametrize("script", [
    # Tableau's other scripts: the older embed code's loader (its <object> is listed by the view it names), the
    # embedding API v3 (its <tableau-viz> is listed as a frame); a site's own file of a like name
    '<script src="https://public.tableau.com/javascripts/api/viz_v1.js"></script>',
    '<script src="/js/tableau-2-helpers.js"></script>',
    '<script src="https://e.infogram.com/js/dist/other.js"></script>',
])
def test_other_scripts_of_those_services_are_not_listed_as_charts(script: str) -> None:
    figures, not_read = read(page(script))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == []


# A charting library imported from a package CDN by the addresses jsDelivr's short ESM link (`esm.run`) and JSPM's
# import maps (`ga.jspm.io/npm:`, `jspm.dev`) give it was left out without a word, where the same library from
# jsDelivr's `npm/` is listed.
@pytest.mark.parametrize(("chart", "address"), [
    ('<div id="c"></div><script type="module">import * as d3 from "https://esm.run/d3"; '
     'd3.select("#c").append("svg");</script>', "https://esm.run/d3"),
    ('<script type="importmap">{"imports": {"d3": "https://ga.jspm.io/npm:d3@7.8.5/src/index.js"}}</script>'
     '<script type="module">import * as d3 from "d3";</script>', "https://ga.jspm.io/npm:d3@7.8.5/src/index.js"),
    ('<script type="module">import Highcharts from "https://jspm.dev/highcharts";</script>',
     "https://jspm.dev/highcharts"),
    ('<script>require.config({paths: {"vega-embed": "https://esm.run/vega-embed@6"}});</script>',
     "https://esm.run/vega-embed@6"),
])
def test_a_library_imported_from_esm_run_or_jspm_is_listed(chart: str, address: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line([address])]


@pytest.mark.parametrize("script", [
    '<script type="module">import {a} from "https://esm.run/d3-array";</script>',
    '<script type="importmap">{"imports": {"lit": "https://ga.jspm.io/npm:lit@3/index.js"}}</script>',
])
def test_other_packages_from_those_cdns_are_not_listed(script: str) -> None:
    assert read(page(script))[1] == []


# Embedly's card (a CMS's or Medium-style embed of a link: a Flourish chart, a post), drawn as a frame by its
# loader where the card stands, was left out without a word.
@pytest.mark.parametrize("card", [
    '<blockquote class="embedly-card"><h4><a href="https://public.flourish.studio/visualisation/1234567/">'
    "Referrals by year</a></h4><p>Interactive chart</p></blockquote>",
    '<a class="embedly-card" href="https://datawrapper.dwcdn.net/AbC12/1/">Referrals by year</a>',
])
def test_an_embedly_card_is_listed_as_a_frame_not_read(card: str) -> None:
    loader = '<script async src="//cdn.embedly.com/widgets/platform.js" charset="UTF-8"></script>'
    figures, not_read = read(page(card + loader))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "frame from elsewhere ('//cdn.embedly.com/widgets/platform.js')" in not_read[0]


# A known charting library on a site's own host, named with its version (`highcharts-11.4.0.js`, `d3-7.8.5.min.js`)
# or as a plug-in names its copy (WordPress's Visualizer: `chartjs.min.js`; amCharts 3: `amcharts/amcharts.js`; Vega
# without Vega-Embed), was left out without a word.
@pytest.mark.parametrize("address", [
    "/js/vendor/highcharts-11.4.0.js", "/static/js/d3-7.8.5.min.js", "/js/chart-4.4.0.min.js",
    "/assets/echarts-5.4.3.min.js", "/wp-content/plugins/visualizer/js/lib/chartjs.min.js",
    "/js/amcharts/amcharts.js", "/lib/vega.min.js", "/lib/vega-lite.min.js",
])
def test_a_known_librarys_copy_named_with_its_version_or_by_a_plug_in_is_listed(address: str) -> None:
    figures, not_read = read(page(f'<div id="chart"></div><script src="{address}"></script>'))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line([address])]


@pytest.mark.parametrize("address", ["/js/chart-helpers.js", "/js/chart2.js", "/js/d3-array.v3.min.js",
                                     "/js/amcharts-theme.js", "/js/vegan.js", "/js/chart-v.js"])
def test_other_files_of_like_names_are_not_listed(address: str) -> None:
    assert read(page(f'<script src="{address}"></script>'))[1] == []


# The ONS design system's chart (its statistical bulletins): an empty `<div data-highcharts-chart>` that Highcharts,
# bundled into the site's own script, draws from a JSON config. No script's address names the library, and the chart
# was left out without a word, exit 0; the element names it.
ONS_CHART = (
    '<div data-highcharts-base-chart data-highcharts-type="line" data-highcharts-theme="primary" '
    'data-highcharts-title="Figure 1: Police recorded offences" data-highcharts-id="figure-1">'
    '<figure class="ons-chart" aria-describedby="chart-audio-description-figure-1">'
    '<h2 class="ons-chart__title">Figure 1: Police recorded offences</h2>'
    '<div data-highcharts-chart-container class="ons-chart__container" role="region" aria-label="chart container">'
    '<div id="chart-instructions-figure-1" class="ons-u-vh">Use the Tab key to move focus into the chart.</div>'
    '<div data-highcharts-chart class="ons-chart__chart"></div></div>'
    '<figcaption class="ons-chart__caption">Source: Home Office police recorded crime</figcaption></figure>'
    '<script type="application/json" data-highcharts-config--figure-1>'
    '{"chart": {"type": "line"}, "series": [{"name": "Offences", "data": [9701, 9702]}]}</script></div>'
    '<script src="/js/main.js"></script>')


def test_an_ons_design_system_chart_is_listed_as_drawn_by_a_script() -> None:
    figures, not_read = read(page(ONS_CHART))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line(["data-highcharts-chart"])]


def test_an_ons_chart_inside_hidden_content_is_not_listed() -> None:
    assert read(page(f'<div hidden>{ONS_CHART}</div>'))[1] == []


def test_a_long_run_of_spaces_before_a_sentence_is_read_and_wraps_still_join() -> None:
    """A run of spaces or tabs (a PDF's text laid out by position, a pasted table) was read by the wrap join's
    lookahead from each of its characters: 100 KB of spaces before a sentence took 9 s, 1 MB a quarter of an hour.
    The speed is in `make bench` (benchmarks/scan_scale.py HOSTILE_ARTICLES); here, what is read is unchanged."""
    assert [printed for printed, *_ in read(" \t" * 5_000 + "Police recorded 1,200 offences.")[0]] == ["1,200"]
    wrapped = ("Police in the capital recorded more offences than ever in the year, and " + " " * 3 + "\n"
               "London saw 1,200 of them.")
    assert [printed for printed, *_ in read(wrapped)[0]] == ["1,200"]
    from analysis.factcheck.scan_text import to_text
    assert "year, and London saw" in to_text(wrapped)


# pym.js's classic embed code (`new pym.Parent(id, child, {})`, its documentation's first form and many newsrooms'
# graphics), which draws the child page as a frame from a call in the page, was left out without a word, exit 0;
# its auto-initialised placeholder (`data-pym-src`) was listed, and is listed once still.
@pytest.mark.parametrize(("chart", "address"), [
    ('<div id="example"></div><script type="text/javascript" src="https://pym.nprapps.org/pym.v1.min.js"></script>'
     '<script>var pymParent = new pym.Parent("example", "https://apps.example-news.org/graphics/referrals/child.html",'
     " {});</script>", "https://pym.nprapps.org/pym.v1.min.js"),
    ('<div id="graphic"></div><script src="/js/lib/pym.min.js"></script>'
     '<script>new pym.Parent("graphic", "/graphics/child.html", {})</script>', "/js/lib/pym.min.js"),
])
def test_a_pym_classic_embed_is_listed(chart: str, address: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line([address])]


def test_a_pym_placeholder_is_listed_once_as_its_frame() -> None:
    chart = ('<div data-pym-src="https://apps.example-news.org/graphics/referrals/child.html">Loading...</div>'
             '<script type="text/javascript" src="https://pym.nprapps.org/pym.v1.min.js"></script>')
    not_read = read(page(chart))[1]
    assert len(not_read) == 1 and "frame from elsewhere ('https://apps.example-news.org/graphics/" in not_read[0]


def test_a_flourish_live_api_chart_is_listed() -> None:
    """Flourish's Live API draws a chart from a call in the page (`new Flourish.Live({container, …})`): it was left
    out without a word, where Flourish's embed codes are listed."""
    address = "https://cdn.flourish.rocks/flourish-live-v4.0.0.min.js"
    chart = (f'<div id="chart"></div><script src="{address}"></script><script>new Flourish.Live({{container: '
             '"#chart", api_key: "x", base_visualisation_id: "1234567", data: {}}});</script>')
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert not_read == [charts_line([address])]
