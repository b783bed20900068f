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
