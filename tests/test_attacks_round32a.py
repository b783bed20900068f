"""Issue 24, round thirty-two, helper r32a: scan (class 3) on page shapes a newsroom plausibly saves that earlier
rounds did not try: a chart a charting library's script draws in the page itself (Plotly's `write_html`, R
Markdown's htmlwidgets, Highcharts, Chart.js, Altair's Vega-Embed), saved "HTML only" or fetched with curl."""

from __future__ import annotations

import pytest

from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"

#: Each library's page as its tool writes it or its documentation gives it, and what the listing names.
DRAWN = [
    # Plotly for Python, `fig.write_html(..., include_plotlyjs="cdn")`
    ('<div><script charset="utf-8" src="https://cdn.plot.ly/plotly-2.27.0.min.js"></script><div id="3f2c" '
     'class="plotly-graph-div" style="height:100%; width:100%;"></div><script type="text/javascript">'
     'Plotly.newPlot("3f2c", [{"x":["2016","2017"],"y":[922,9876],"type":"bar"}], {}, {"responsive": true})'
     '</script></div>', "plotly-graph-div"),
    # R Markdown's self-contained htmlwidgets: the scripts are inlined, unnamed; the widget's element names it
    ('<div class="plotly html-widget html-fill-item" id="htmlwidget-a1b2" style="width:100%;height:400px;"></div>'
     '<script type="application/json" data-for="htmlwidget-a1b2">{"x":{"data":[{"y":[922,9876]}]}}</script>',
     "html-widget"),
    # Highcharts, as its documentation embeds it
    ('<figure class="highcharts-figure"><div id="container"></div></figure><script '
     'src="https://code.highcharts.com/highcharts.js"></script><script>Highcharts.chart("container", {series: '
     '[{data: [922, 9876]}]});</script>', "https://code.highcharts.com/highcharts.js"),
    # Chart.js from its CDN package
    ('<canvas id="c"></canvas><script src="https://cdn.jsdelivr.net/npm/chart.js"></script><script>new '
     'Chart(document.getElementById("c"), {type: "bar", data: {datasets: [{data: [922, 9876]}]}});</script>',
     "https://cdn.jsdelivr.net/npm/chart.js"),
    # Google Charts, as its documentation loads it; and D3, as a newsroom's own graphic loads it
    ('<div id="chart_div"></div><script src="https://www.gstatic.com/charts/loader.js"></script><script>'
     'google.charts.load("current", {packages: ["corechart"]});</script>', "https://www.gstatic.com/charts/loader.js"),
    ('<div id="graphic"></div><script src="https://d3js.org/d3.v7.min.js"></script><script src="graphic.js">'
     '</script>', "https://d3js.org/d3.v7.min.js"),
    # Everviz's embed code: its loader draws the chart in the <div> around it, not in a frame
    ('<div id="highcharts-0a1b2c3d"><script src="https://app.everviz.com/inject/0a1b2c3d/" defer="defer"></script>'
     '</div>', "https://app.everviz.com/inject/0a1b2c3d/"),
]


@pytest.mark.parametrize(("chart", "named"), DRAWN)
def test_a_chart_a_library_draws_in_the_page_is_listed_as_not_read(chart: str, named: str) -> None:
    """The chart's figures are in its script, not the page's text, and scan read the rest and said nothing (exit 0
    where the rest is in the record)."""
    page = f"<!doctype html><html><head><meta charset='utf-8'></head><body><article>{IN_RECORD}{chart}</article>"
    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(named) in not_read[0]


def test_a_charting_library_the_head_loads_is_listed() -> None:
    """Altair's `chart.save("x.html")` loads Vega-Embed in the head and draws in an element named only by id."""
    page = ('<!DOCTYPE html><html><head><script src="https://cdn.jsdelivr.net/npm/vega-embed@6"></script></head>'
            f'<body>{IN_RECORD}<div id="vis"></div><script>vegaEmbed("#vis", {{"data": {{"values": '
            '[{"a": 9876}]}});</script></body></html>')
    assert any("'https://cdn.jsdelivr.net/npm/vega-embed@6'" in line for line in read(page)[1])


def test_a_chart_holder_the_page_hides_and_prose_naming_the_libraries_are_not_listed() -> None:
    assert read(f"<body>{IN_RECORD}<div hidden><div class='plotly-graph-div'></div></div></body>")[1] == []
    assert read(f"<body>{IN_RECORD}<p>Made with plotly-graph-div, html-widget and highcharts.js.</p></body>")[1] == []
    assert read(f"<body>{IN_RECORD}<script src='/js/site.min.js'></script></body>")[1] == []


#: Pages that send their reader on at once: a stub left where a story moved, a link shortener's page (its refresh
#: inside <noscript> is ignored where scripts run, and such a page shows no text), in the forms HTML reads.
REDIRECTS = [
    ('<meta http-equiv="refresh" content="0;url=https://www.example-news.co.uk/news/uk-123">',
     "https://www.example-news.co.uk/news/uk-123"),
    ("<META HTTP-EQUIV=Refresh CONTENT=\"5; URL='https://www.example.gov.uk/new-page'\">",
     "https://www.example.gov.uk/new-page"),
    ('<meta http-equiv="refresh" content="0, https://www.example.org/x">', "https://www.example.org/x"),
]


@pytest.mark.parametrize(("meta", "address"), REDIRECTS)
def test_a_page_that_sends_its_reader_on_is_listed_as_not_read(meta: str, address: str) -> None:
    """The reader sees the page the refresh names; scan read the stub and said "no figures found", exit 0."""
    page = (f"<!doctype html><html><head>{meta}<title>Page moved</title></head><body><p>This page has moved. If "
            "you are not redirected, <a href='https://www.example-news.co.uk/news/uk-123'>click here</a>.</p>"
            "</body></html>")
    figures, not_read = read(page)
    assert figures == []
    assert len(not_read) == 1 and "sends its reader on to" in not_read[0] and repr(address) in not_read[0]


@pytest.mark.parametrize("meta", ['<meta http-equiv="refresh" content="300">',
                                  '<meta http-equiv="refresh" content="120;url=https://www.example.org/live">',
                                  '<noscript><meta http-equiv="refresh" content="0;url=https://x.example/"></noscript>',
                                  '<meta name="refresh" content="0;url=https://x.example/">',
                                  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
                                  '<meta http-equiv="refresh" content="0;url=#top">'])
def test_a_live_page_reloading_itself_is_read_as_it_is(meta: str) -> None:
    """A live page reloads itself every few minutes; a refresh inside <noscript> does nothing where scripts run."""
    page = f"<html><head>{meta}</head><body>{IN_RECORD}</body></html>"
    assert read(page) == ([("922", 922.0, "count", "exact")], [])


#: An AMP page's embedded posts, as AMP's documentation gives them, and the address of the post each shows.
AMP_POSTS = [
    ('<amp-twitter width="375" height="472" layout="responsive" data-tweetid="885634330868850689"></amp-twitter>',
     "https://twitter.com/i/status/885634330868850689"),
    ('<amp-instagram data-shortcode="fBwFP" data-captioned width="400" height="400" layout="responsive">'
     '</amp-instagram>', "https://www.instagram.com/p/fBwFP/"),
    ('<amp-facebook width="552" height="310" layout="responsive" data-href="https://www.facebook.com/examplepolice/'
     'posts/123456789/"></amp-facebook>', "https://www.facebook.com/examplepolice/posts/123456789/"),
]


@pytest.mark.parametrize(("post", "address"), AMP_POSTS)
def test_a_post_an_amp_page_embeds_is_listed_as_a_frame_not_read(post: str, address: str) -> None:
    """AMP's runtime draws each as a frame; its <amp-iframe> was listed, and these were left out without a word."""
    page = f"<!doctype html><html amp><head><meta charset='utf-8'></head><body>{IN_RECORD}{post}</body></html>"
    not_read = read(page)[1]
    assert len(not_read) == 1 and "frame" in not_read[0] and repr(address) in not_read[0]


@pytest.mark.parametrize("plist", [
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
    b'"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n\t<key>URL</key>\n\t'
    b"<string>https://www.example-news.co.uk/news/uk-123</string>\n</dict>\n</plist>\n",
    b'<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>WebMainResource</key><dict>'
    b"<key>WebResourceData</key><data>PHA+UG9saWNlIHJlY29yZGVkIDEsMjAwIG9mZmVuY2VzLjwvcD4=</data></dict></dict>"
    b"</plist>\n",
])
def test_a_property_list_written_as_xml_is_refused_as_the_binary_one_is(plist: bytes) -> None:
    """A link dragged to the desktop (`.webloc`) or a web archive as XML: read as a page, "0 figures found", exit 0."""
    from analysis.factcheck.scan_input import InputRefused, decode_article

    with pytest.raises(InputRefused, match="property list"):
        decode_article(plist)
    page = b"<p>A plist is a property list: <plist> holds 1,200 keys.</p>"
    assert decode_article(page) == page.decode()


FLOURISH = ('<div class="flourish-embed flourish-chart" data-src="visualisation/1234567"><script '
            'src="https://public.flourish.studio/resources/embed.js"></script><noscript><img '
            'src="https://public.flourish.studio/visualisation/1234567/thumbnail" alt="chart visualization">'
            '</noscript></div>')


def test_a_flourish_placeholder_is_listed_once_by_its_frame_whether_or_not_its_script_is_beside_it() -> None:
    """A CMS that strips <script> from a post keeps Flourish's placeholder, the site loading embed.js once in its
    head: the chart was left out without a word. With its script, the chart is listed once, by its frame."""
    stripped = FLOURISH.replace('<script src="https://public.flourish.studio/resources/embed.js"></script>', "")
    head = "<head><script src='https://public.flourish.studio/resources/embed.js'></script></head>"
    datawrapper = ('<div id="datawrapper-vis-AbC12"><script defer src="https://datawrapper.dwcdn.net/AbC12/embed.js">'
                   '</script></div>')
    for page, addresses in ((f"<html>{head}<body>{IN_RECORD}{stripped}</body></html>", 1),
                            (f"<body>{IN_RECORD}{FLOURISH}</body>", 1),
                            (f"<body>{IN_RECORD}{FLOURISH}{datawrapper}</body>", 2)):
        not_read = read(page)[1]
        assert len(not_read) == 1 and f"shows {addresses} frame" in not_read[0]
        assert "'https://flo.uri.sh/visualisation/1234567/embed'" in not_read[0]
        assert ("dwcdn" in not_read[0]) == (addresses == 2) and "flourish.studio/resources" not in not_read[0]
