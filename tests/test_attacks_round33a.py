"""Issue 24, round thirty-three, helper r33a: scan (class 3) on page shapes a newsroom plausibly saves that earlier
rounds did not try: a chart a charting library draws in the page, its script loaded from cdnjs or unpkg, or named
as its release or a site's copy names it, and libraries round 32 did not list (ApexCharts, amCharts)."""

from __future__ import annotations

import pytest

from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"

#: A charting library's script as a page loads it, each one left out without a word before.
LOADED = [
    # cdnjs's names (a dashboard page copying cdnjs's "copy script tag")
    "https://cdnjs.cloudflare.com/ajax/libs/highcharts/11.4.0/highcharts.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/Chart.js/2.9.4/Chart.bundle.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/vega-embed/6.24.0/vega-embed.min.js",
    # unpkg, as D3's and Chart.js's own documentation has given it
    "https://unpkg.com/d3@7",
    # a release's and a site's own copy
    "https://code.highcharts.com/highcharts.src.js",
    "/static/vendor/highcharts.min.js",
    # libraries round 32 did not list
    "https://cdn.jsdelivr.net/npm/apexcharts",
    "https://cdn.amcharts.com/lib/5/index.js",
    "https://www.amcharts.com/lib/4/core.js",
]


@pytest.mark.parametrize("address", LOADED)
def test_a_charting_library_loaded_as_a_cdn_or_site_names_it_is_listed_as_not_read(address: str) -> None:
    """The chart's figures are in its script, not the page's text: scan read the rest and said nothing."""
    page = (f"<!doctype html><html><head><meta charset='utf-8'></head><body><article>{IN_RECORD}<div id='c'></div>"
            f"<script src='{address}'></script><script>draw('c', [922, 9876]);</script></article>")
    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(address) in not_read[0]


@pytest.mark.parametrize("address", [
    "/js/chart-helpers.js", "/js/c3po.js", "https://cdn.jsdelivr.net/npm/d3-array@3", "https://notunpkg.com/d3",
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js", "https://cdn.jsdelivr.net/npm/bootstrap@5",
    "/ajax/libs/highcharts-ish/1/x.js", "/" * 20_000 + "main.js"])
def test_a_script_that_names_no_charting_library_is_not_listed(address: str) -> None:
    """A helper of a site's own, a package whose name begins as a library's does, or another host: no line."""
    page = (f"<!doctype html><html><head><meta charset='utf-8'></head><body><article>{IN_RECORD}"
            f"<script src='{address}'></script></article>")
    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["922"] and not_read == []


#: A charting library a module script imports, as D3's and Observable Plot's own documentation loads it, or an
#: import map maps: no <script src> names it.
IMPORTED = [
    ('<div id="c"></div><script type="module">import * as d3 from "https://cdn.jsdelivr.net/npm/d3@7/+esm";\n'
     'd3.select("#c").append("svg").attr("data-n", 9876);</script>', "https://cdn.jsdelivr.net/npm/d3@7/+esm"),
    ("<div id='plot'></div><script type=module>import * as Plot from 'https://cdn.jsdelivr.net/npm/@observablehq/plot"
     "@0.6/+esm'; document.querySelector('#plot').append(Plot.barY([922, 9876]).plot());</script>",
     "https://cdn.jsdelivr.net/npm/@observablehq/plot@0.6/+esm"),
    ('<script type="importmap">{"imports": {"d3": "https://unpkg.com/d3@7/dist/d3.min.js"}}</script>'
     '<div id="c"></div><script type="module">import * as d3 from "d3"; d3.select("#c");</script>',
     "https://unpkg.com/d3@7/dist/d3.min.js"),
]


@pytest.mark.parametrize(("chart", "named"), IMPORTED)
def test_a_charting_library_a_module_script_imports_is_listed_as_not_read(chart: str, named: str) -> None:
    """The chart was left out without a word (exit 0 where the rest is in the record)."""
    page = f"<!doctype html><html><head><meta charset='utf-8'></head><body><article>{IN_RECORD}{chart}</article>"
    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "charts with a script" in not_read[0] and repr(named) in not_read[0]


def test_a_module_script_that_imports_no_charting_library_or_is_hidden_is_not_listed_and_its_text_is_not_read() -> None:
    """A site's own module, or an address only a hidden module names: no line, and no figure from the script's
    text. (A classic script naming a package CDN's address is listed since round 34: test_attacks_round34a.)"""
    for script in ('<script type="module">import {x} from "./site.js"; x(9876);</script>',
                   '<div hidden><script type="module">import "https://cdn.jsdelivr.net/npm/d3@7/+esm";</script></div>',
                   '<script type="module" src="/app.js">import "https://cdn.jsdelivr.net/npm/d3@7/+esm";</script>'):
        figures, not_read = read(f"<body>{IN_RECORD}{script}<p>Then 1,234.</p></body>")
        assert [printed for printed, *_ in figures] == ["922", "1,234"] and not_read == [], script


@pytest.mark.parametrize("empty", ['<script href="chart.js"/>', "<title/>", '<title id="t1" />', "<textarea/>"])
def test_an_empty_element_an_svg_closes_itself_does_not_hide_the_rest_of_the_page(empty: str) -> None:
    """An SVG written by an XML tool closes its empty elements itself, and SVG honours "/>" (Chromium shows what
    follows); read as HTML's script, title or textarea, it hid the rest of the page without a word."""
    page = (f"<!doctype html><html><body>{IN_RECORD}<svg width='600' height='400'>{empty}<rect width='10' "
            "height='10'/></svg><p>Referrals rose to 1,234 in 2019.</p></body></html>")
    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["922", "1,234"] and not_read == []


def test_an_html_title_or_textarea_that_closes_itself_still_holds_text_to_its_end_tag() -> None:
    """Outside SVG and MathML HTML ignores "/>": `<textarea/>` opens a text box to its end tag (its text read, as a
    reader sees it in the box), and `<title/>` a title, whose text is never shown; the page goes on after each."""
    for element, shown in (("textarea", ["9,876"]), ("title", [])):
        page = (f"<!doctype html><html><body>{IN_RECORD}<{element}/>Draft: 9,876</{element}>"
                "<p>Referrals rose to 1,234 in 2019.</p></body></html>")
        assert [printed for printed, *_ in read(page)[0]] == ["922", *shown, "1,234"], element


def test_a_shorthand_story_its_loader_embeds_is_listed_as_a_frame_not_read() -> None:
    """Shorthand's embed code is a loader (`embed_9.js`, not `embed.js`) naming its story by `data-story-url`: the
    story (a charity's or newsroom's impact report, its figures) was left out without a word. Hidden, it is not
    listed."""
    story = "https://stories.example.org/impact-report/index.html"
    loader = f'<script src="https://embed.shorthand.com/embed_9.js" data-story-url="{story}"></script>'
    figures, not_read = read(f"<body>{IN_RECORD}<div>{loader}</div></body>")
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and "1 frame from elsewhere" in not_read[0] and repr(story) in not_read[0]
    assert read(f"<body>{IN_RECORD}<div hidden>{loader}</div></body>")[1] == []
