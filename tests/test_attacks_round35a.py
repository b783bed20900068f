"""Issue 24, round thirty-five, helper r35a: scan (class 3). An infographic a service's script draws into its
placeholder (Piktochart, Genially, Visme), and a chart drawn by a charting library the tables did not name
(FusionCharts, AnyChart, ZingChart, Dygraphs, Flot, Morris, Chartkick, G2, TOAST UI, D3's drawing modules), were left
out without a word (exit 0 where the rest of the page is in the record)."""

from __future__ import annotations

import pytest

from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"


def page(chart: str) -> str:
    return f"<!doctype html><html><body><article>{IN_RECORD}{chart}</article></body></html>"


#: Each service's embed code as it hands it out (shortened), and the frame its loader draws.
INFOGRAPHICS = [
    ('<div class="piktowrapper-embed" style="height: 300px; position: relative;" data-uid="12345678-referrals">'
     '<div class="pikto-canvas-wrap"><div class="pikto-canvas"></div></div></div>'
     '<script>(function(d){var js, id="pikto-embed-js", ref=d.getElementsByTagName("script")[0];'
     'if (d.getElementById(id)) { return;}js=d.createElement("script"); js.id=id; js.async=true;'
     'js.src="https://create.piktochart.com/assets/embedding/embed.js";ref.parentNode.insertBefore(js, ref);'
     '}(document));</script>', "https://create.piktochart.com/embed/12345678-referrals"),
    ('<div class="container-wrapper-genially" style="position: relative; min-height: 400px;">'
     '<div id="64ab12cd34ef" class="genially-embed" style="margin: 0px auto;"></div></div>'
     '<script>(function (d) { var js, id = "genially-embed-js", ref = d.getElementsByTagName("script")[0]; '
     'if (d.getElementById(id)) { return; } js = d.createElement("script"); js.id = id; js.async = true; '
     'js.src = "https://view.genially.com/static/embed/embed.js"; ref.parentNode.insertBefore(js, ref); '
     '}(document));</script>', "https://view.genially.com/64ab12cd34ef"),
    ('<div class="visme_d" data-title="Referrals" data-url="ab12cd34-referrals" data-domain="my" '
     'data-full-page="false" data-min-height="500px"></div>'
     '<script src="https://static-bundles.visme.co/forms/vismeforms-embed.js"></script>',
     "https://my.visme.co/_embed/ab12cd34-referrals"),
]


@pytest.mark.parametrize(("chart", "frame"), INFOGRAPHICS)
def test_an_infographic_a_services_script_draws_in_its_placeholder_is_listed_as_not_read(chart: str,
                                                                                       frame: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "frame from elsewhere" in not_read[0] and repr(frame) in not_read[0]


def test_a_hidden_placeholder_or_one_naming_nothing_is_not_listed() -> None:
    """As for the other services: a placeholder a reader is not shown, or one without its id, draws nothing."""
    for chart in ('<div hidden><div class="piktowrapper-embed" data-uid="12345678-referrals"></div></div>',
                  '<div class="genially-embed"></div>', '<div class="visme_d" data-url=" "></div>'):
        figures, not_read = read(page(chart))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], chart


#: Charting libraries the tables did not name, each as its own site, a package CDN or a site's copy names it.
LIBRARIES = ["https://cdn.fusioncharts.com/fusioncharts/latest/fusioncharts.js",
             "https://cdn.anychart.com/releases/8.12.0/js/anychart-base.min.js",
             "https://cdn.zingchart.com/zingchart.min.js",
             "https://cdnjs.cloudflare.com/ajax/libs/dygraph/2.2.1/dygraph.min.js",
             "https://cdnjs.cloudflare.com/ajax/libs/flot/4.2.6/jquery.flot.min.js",
             "/js/morris.min.js",
             "https://cdnjs.cloudflare.com/ajax/libs/nvd3/1.8.6/nv.d3.min.js",
             "https://unpkg.com/chartkick@5",
             "https://unpkg.com/@antv/g2@5",
             "https://unpkg.com/lightweight-charts/dist/lightweight-charts.standalone.production.js",
             "https://cdn.jsdelivr.net/npm/@toast-ui/chart",
             "/static/jquery.sparkline.min.js",
             "https://cdn.jsdelivr.net/npm/d3-selection@3",
             "https://d3js.org/d3-shape.v3.min.js"]


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_chart_a_charting_library_draws_is_listed_by_its_script(library: str) -> None:
    figures, not_read = read(page(f'<div id="chart"></div><script src="{library}"></script>'))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(library) in not_read[0]


def test_scripts_naming_no_charting_library_are_not_listed() -> None:
    """jQuery, a table plugin, a chart library's plugin alone, and site files whose names only begin alike."""
    for script in ("https://code.jquery.com/jquery-3.7.1.min.js",
                   "https://cdn.datatables.net/2.0.0/js/dataTables.min.js",
                   "/js/d3data.json.js", "https://cdn.jsdelivr.net/npm/d3-array@3", "/js/g2fa.js", "/js/morrison.js",
                   "https://cdn.jsdelivr.net/npm/dcx@1"):
        figures, not_read = read(page(f'<script src="{script}"></script>'))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], script


#: A charting library's script as Chrome's and Edge's "Save Page As…, Webpage, Complete" (their default) names its
#: copy in the page's `_files` folder: ".download" added, "(1)" for a second file of one name, and a package CDN's
#: address cut to its last part. The saved page's <canvas> is empty; opened, its copy of the script draws the chart.
SAVED = ["./Referrals%20rise_files/chart.umd.min.js.download", "Referrals_files/highcharts.js.download",
         "Referrals_files/d3.v7.min.js.download", "Referrals_files/chart.js@4.download",
         "Referrals_files/vega-embed@6.download", "Referrals_files/echarts.min(1).js.download",
         "Referrals_files/d3@7", "Referrals_files/d3@7.js.download"]


@pytest.mark.parametrize("script", SAVED)
def test_a_charting_librarys_script_as_a_saved_page_names_its_copy_is_listed(script: str) -> None:
    chart = (f'<canvas id="referrals" width="600" height="300"></canvas><script src="{script}"></script>'
             '<script>new Chart(document.getElementById("referrals"), {type: "bar", data: {datasets: '
             '[{data: [1234, 5678]}]}});</script>')
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(script) in not_read[0]


def test_other_scripts_of_a_saved_page_are_not_listed() -> None:
    for script in ("Referrals_files/jquery.min.js.download", "Referrals_files/gtm.js.download",
                   "Referrals_files/bootstrap@5.download", "Referrals_files/chartbeat.js.download",
                   "Referrals_files/saved_resource(1).js"):
        figures, not_read = read(page(f'<script src="{script}"></script>'))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], script


#: A Bokeh chart as a notebook's saved HTML holds it (nbconvert, Jupyter Book, Quarto; shortened): BokehJS loaded by
#: its address in a script's string (on Bokeh's own host, not a package CDN), the chart drawn in a <div> named by
#: `data-root-id`; and as `file_html` writes it with INLINE resources (BokehJS inlined, named by no address).
BOKEH_NOTEBOOK = """<div class="jp-OutputArea-output"><script type="text/javascript">
(function(root) {
  const js_urls = ["https://cdn.bokeh.org/bokeh/release/bokeh-3.3.4.min.js",
                   "https://cdn.bokeh.org/bokeh/release/bokeh-widgets-3.3.4.min.js"];
  function load_libs(css_urls, js_urls, callback) { /* adds a <script> for each */ }
  load_libs([], js_urls, function() { root.Bokeh.set_log_level("info"); });
}(window));
</script></div>
<div class="jp-OutputArea-output"><div id="c5a1" data-root-id="p1001" style="display: contents;"></div></div>
<div class="jp-OutputArea-output"><script type="text/javascript">(function(root) { function embed_document(root) {
  const docs_json = {"d1": {"roots": [{"type": "object", "name": "Figure", "id": "p1001",
    "attributes": {"title": "Referrals", "data": [2019, 4321]}}]}};
  const render_items = [{"docid": "d1", "roots": {"p1001": "c5a1"}, "root_ids": ["p1001"]}];
  root.Bokeh.embed.embed_items_notebook(docs_json, render_items); } embed_document(root); })(window);</script></div>"""
BOKEH_INLINE = """<div class="bk-root" id="2f2a" data-root-id="1002"></div>
<script type="application/json" id="1003">{"d1": {"roots": {"references": [{"attributes": {"data": [4321]}}]}}}</script>
<script type="text/javascript">(function() { var fn = function() { Bokeh.safely(function() { (function(root) {
  root.Bokeh.embed.embed_items(document.getElementById("1003").textContent, [{"roots": {"1002": "2f2a"}}]);
})(window); }); }; fn(); })();</script>"""


@pytest.mark.parametrize("chart", [BOKEH_NOTEBOOK, BOKEH_INLINE])
def test_a_bokeh_chart_its_embed_code_draws_is_listed_as_not_read(chart: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and "'data-root-id'" in not_read[0]


def test_a_hidden_bokeh_root_is_not_listed() -> None:
    figures, not_read = read(page('<div hidden><div id="c5a1" data-root-id="p1001"></div></div><p>Then 1,234.</p>'))
    assert [printed for printed, *_ in figures] == ["922", "1,234"] and not_read == []


#: Observable's runtime as two tools embed it: a Quarto page's `{ojs}` cell with `embed-resources: true` (the
#: runtime loaded from a `data:` address), and an Observable Framework page (its cells defined for its client).
OBSERVABLE = [
    ('<div id="ojs-cell-1" data-nodetype="expression"></div><script type="ojs-module-contents">eyJjb250ZW50cyI6W119'
     '</script><script src="data:application/javascript;base64,ZnVuY3Rpb24oKXt9" type="module"></script>',
     "ojs-module-contents"),
    ('<link rel="modulepreload" href="./_npm/@observablehq/plot@0.6.16/e828d8c8.js"><script type="module">\n'
     'import {define} from "./_observablehq/client.js";\n'
     'define({id: "a1", inputs: ["Plot", "display"], body: async (Plot, display) => {\n'
     '  display(Plot.barY([{year: 2019, n: 9876}], {x: "year", y: "n"}).plot()); }});\n'
     '</script><div id="cell-a1" class="observablehq observablehq--block"></div>', "./_observablehq/client.js"),
]


@pytest.mark.parametrize(("chart", "named"), OBSERVABLE)
def test_a_chart_observables_runtime_draws_as_quarto_and_framework_embed_it_is_listed(chart: str,
                                                                                     named: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(named) in not_read[0]


def test_a_site_whose_own_client_script_is_not_observables_is_not_listed() -> None:
    for script in ('<script type="module">import {start} from "./js/client.js";</script>',
                   '<script type="text/x-template">ojs-module-contents</script>',
                   '<script src="/static/_observablehq_client.js"></script>'):
        figures, not_read = read(page(script))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], script


#: A chart's frame as a consent manager holds it until the reader accepts its cookies (each as its documentation or
#: WordPress plug-in writes it): a page saved "HTML only" or fetched with curl holds the frame without its address.
DATAWRAPPER = "https://datawrapper.dwcdn.net/AbCdE/1/"
CONSENT = [f'<iframe data-cookieblock-src="{DATAWRAPPER}" data-cookieconsent="marketing" height="400"></iframe>'
           '<div class="cookieconsent-optout-marketing">Please accept marketing cookies to see this chart.</div>',
           f'<iframe data-src-cmplz="{DATAWRAPPER}" src="about:blank" class="cmplz-iframe" data-category="marketing">'
           '</iframe>',
           f'<iframe class="_iub_cs_activate" suppressedsrc="{DATAWRAPPER}" src="about:blank"></iframe>',
           f'<iframe class="cmplazyload" data-cmp-src="{DATAWRAPPER}" src="about:blank"></iframe>']


@pytest.mark.parametrize("frame", CONSENT)
def test_a_frame_a_consent_manager_holds_back_is_listed_as_not_read(frame: str) -> None:
    figures, not_read = read(page(frame))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "frame from elsewhere" in not_read[0] and repr(DATAWRAPPER) in not_read[0]


def test_a_consent_held_frame_that_is_hidden_or_of_no_size_is_not_listed() -> None:
    for frame in (f'<div hidden><iframe data-src-cmplz="{DATAWRAPPER}" src="about:blank"></iframe></div>',
                  f'<iframe data-cookieblock-src="{DATAWRAPPER}" width="0" height="0"></iframe>'):
        figures, not_read = read(page(frame))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], frame


#: A chart library's or an embed loader's script as a WordPress optimiser delays it until the reader scrolls or clicks
#: (WP Rocket's "delay JavaScript execution", LiteSpeed Cache's), or a consent manager holds it: its `src` moved to
#: another attribute in the page the server sends.
HELD_SCRIPTS = [
    ('<canvas id="c"></canvas><script type="rocketlazyloadscript" data-rocket-src="https://cdn.jsdelivr.net/npm/'
     'chart.js" data-rocket-defer defer></script>', "https://cdn.jsdelivr.net/npm/chart.js", "charts with a script"),
    ('<div id="c"></div><script data-optimized="1" type="litespeed/javascript" '
     'data-src="https://code.highcharts.com/highcharts.js"></script>', "https://code.highcharts.com/highcharts.js",
     "charts with a script"),
    ('<canvas id="c"></canvas><script type="text/plain" class="_iub_cs_activate" suppressedsrc="https://cdn.jsdelivr'
     '.net/npm/chart.js"></script>', "https://cdn.jsdelivr.net/npm/chart.js", "charts with a script"),
    ('<div id="datawrapper-vis-AbCdE"><script type="rocketlazyloadscript" defer data-rocket-src="https://datawrapper'
     '.dwcdn.net/AbCdE/embed.js" data-target="#datawrapper-vis-AbCdE"></script></div>',
     "https://datawrapper.dwcdn.net/AbCdE/embed.js", "frame from elsewhere"),
]


@pytest.mark.parametrize(("chart", "named", "said"), HELD_SCRIPTS)
def test_a_chart_script_an_optimiser_or_consent_manager_holds_back_is_listed(chart: str, named: str,
                                                                            said: str) -> None:
    figures, not_read = read(page(chart))
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and said in not_read[0] and repr(named) in not_read[0]


def test_other_held_scripts_are_not_listed() -> None:
    for script in ('<script type="rocketlazyloadscript" data-rocket-src="https://static.hotjar.com/c/hotjar-1.js">'
                   '</script>', '<script type="litespeed/javascript" data-src="/wp-includes/js/jquery/jquery.min.js">'
                   '</script>'):
        figures, not_read = read(page(script))
        assert [printed for printed, *_ in figures] == ["922"] and not_read == [], script
