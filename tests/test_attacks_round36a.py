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
