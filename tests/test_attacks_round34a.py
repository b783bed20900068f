"""Issue 24, round thirty-four, helper r34a: scan (class 3). A chart a classic script draws by loading a charting
library from a package CDN it names in a string (Altair's chart as Jupyter, nbconvert and Jupyter Book save it;
RequireJS's `paths`) was left out without a word."""

from __future__ import annotations

from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"

#: Altair's chart as a notebook's HTML output holds it (shortened): the library's addresses in a classic script,
#: which adds the <script> itself.
ALTAIR = """<div id="altair-viz-1"></div><script type="text/javascript">
  (function(spec, embedOpt){
    const paths = {
      "vega": "https://cdn.jsdelivr.net/npm/vega@5?noext",
      "vega-embed": "https://cdn.jsdelivr.net/npm/vega-embed@6?noext",
    };
    function maybeLoadScript(lib, version) {
      return new Promise(function(resolve, reject) {
        var s = document.createElement('script'); s.src = paths[lib]; s.async = true;
        document.getElementsByTagName("head")[0].appendChild(s);
      });
    }
    maybeLoadScript("vega", "5").then(() => maybeLoadScript("vega-embed", "6")).then(() => displayChart(vegaEmbed));
  })({"data": {"values": [{"year": 2019, "n": 9876}]}, "mark": "bar"}, {"mode": "vega-lite"});
</script>"""


def test_a_charting_library_a_classic_script_loads_from_a_package_cdn_is_listed_as_not_read() -> None:
    """The chart was left out without a word (exit 0 where the rest is in the record); the script's own figures
    are still not read as the page's text."""
    for chart, named in ((ALTAIR, "https://cdn.jsdelivr.net/npm/vega-embed@6?noext"),
                         ('<script>require.config({paths: {"d3": "https://unpkg.com/d3@7/dist/d3.min"}});'
                          'require(["d3"], function (d3) { d3.select("#c"); });</script>',
                          "https://unpkg.com/d3@7/dist/d3.min"),
                         ('<script>var u = "https://cdn.jsdelivr.net/npm/d3@7/+esm";</script>',
                          "https://cdn.jsdelivr.net/npm/d3@7/+esm")):
        figures, not_read = read(f"<!doctype html><html><body><article>{IN_RECORD}{chart}</article></body></html>")
        assert [printed for printed, *_ in figures] == ["922"], chart
        assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(named) in not_read[0], chart


def test_a_classic_script_naming_no_charting_library_a_data_block_or_a_hidden_one_is_not_listed() -> None:
    """Another package, a JSON data block holding a library's address, or a hidden script: no line."""
    for script in ('<script>var u = "https://cdn.jsdelivr.net/npm/bootstrap@5/dist/js/bootstrap.min.js";</script>',
                   '<script type="application/json">{"u": "https://cdn.jsdelivr.net/npm/d3@7"}</script>',
                   '<script type="text/template">"https://cdn.jsdelivr.net/npm/d3@7"</script>',
                   '<div hidden><script>var u = "https://cdn.jsdelivr.net/npm/d3@7";</script></div>'):
        figures, not_read = read(f"<body>{IN_RECORD}{script}<p>Then 1,234.</p></body>")
        assert [printed for printed, *_ in figures] == ["922", "1,234"] and not_read == [], script


#: An Observable notebook's chart by Observable's own "embed with the runtime" code, and a Quarto page's `{ojs}`
#: cell: each drawn by a runtime its script names, and left out without a word.
RUNTIMES = [
    ('<div id="observablehq-chart-1"></div><script type="module">\n'
     'import {Runtime, Inspector} from "https://cdn.jsdelivr.net/npm/@observablehq/runtime@5/dist/runtime.js";\n'
     'import define from "https://api.observablehq.com/@jane-doe/referrals.js?v=4";\n'
     'new Runtime().module(define, name => name === "chart" && new Inspector(document.querySelector("#c")));\n'
     '</script>', "https://cdn.jsdelivr.net/npm/@observablehq/runtime@5/dist/runtime.js"),
    ('<div id="ojs-cell-1" data-nodetype="expression"></div><script type="ojs-module-contents">eyJjb250ZW50cyI6W119'
     '</script><script src="site_libs/quarto-ojs/quarto-ojs-runtime.js" type="module"></script>',
     "site_libs/quarto-ojs/quarto-ojs-runtime.js"),
]


def test_a_chart_observables_or_quartos_runtime_draws_is_listed_as_not_read() -> None:
    for chart, named in RUNTIMES:
        figures, not_read = read(f"<!doctype html><html><body><article>{IN_RECORD}{chart}</article></body></html>")
        assert [printed for printed, *_ in figures] == ["922"], chart
        assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(named) in not_read[0], chart
