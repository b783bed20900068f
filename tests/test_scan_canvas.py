"""scan lists every <canvas> a page shows as something a script draws on (issue 24, class 3).

Round after round found a chart a reader sees that scan left out without a word: each time a charting library or
loader scan did not know by name. A chart a site's own code draws on a canvas names no library at all, and a page
saved as the browser showed it keeps its canvases empty. A shown canvas is the one mark all of them leave."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import charts_line
from analysis.factcheck.scan_embeds import CANVAS
from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body><article>{IN_RECORD}{body}</article></body></html>"


#: A chart the site's own code draws: no library, no service, nothing but a canvas and a script of its own.
OWN_CODE = ('<figure><canvas id="referrals" width="640" height="360" aria-label="Referrals by year">'
            "Referrals rose to 2,060 in 2015.</canvas>"
            '<script src="/assets/js/site.min.js"></script><figcaption>Referrals by year</figcaption></figure>')


def test_a_chart_a_sites_own_code_draws_on_a_canvas_is_listed_as_not_read() -> None:
    figures, not_read = read(page(OWN_CODE))
    assert [printed for printed, *_ in figures] == ["922"]  # the canvas's fallback text is never shown, nor read
    assert not_read == ["the page shows 1 canvas a script draws on: what it shows (a chart's figures, if it is a "
                        "chart) is in the script, not the page's text, and was not read; check the page by eye"]


def test_each_canvas_is_counted_and_a_named_library_is_named_beside_them() -> None:
    _, not_read = read(page("<canvas></canvas><CANVAS width=10></CANVAS>"))
    assert len(not_read) == 1 and not_read[0].startswith("the page shows 2 canvases a script draws on")
    library = '<script src="https://cdn.jsdelivr.net/npm/chart.js@4"></script>'
    _, not_read = read(page("<canvas></canvas>", head=library))
    assert not_read == [charts_line(["https://cdn.jsdelivr.net/npm/chart.js@4", CANVAS])]
    assert "draws charts with a script" in not_read[0] and repr(CANVAS) in not_read[0]


@pytest.mark.parametrize("hidden", [
    "<canvas hidden></canvas>",
    '<div style="display:none"><canvas></canvas></div>',
    '<canvas class="offscreen-cache"></canvas>',
    "<template><canvas></canvas></template>",
    "<noscript><canvas></canvas></noscript>",
])
def test_a_canvas_no_reader_is_shown_is_not_listed(hidden: str) -> None:
    sheet = "<style>.offscreen-cache { display: none }</style>"
    figures, not_read = read(page(hidden, head=sheet))
    assert [printed for printed, *_ in figures] == ["922"] and not_read == [], hidden


def test_the_word_canvas_in_the_text_is_no_canvas() -> None:
    figures, not_read = read(page("<p>A canvas of 1,200 residents, as &lt;canvas&gt; in the code.</p>"))
    assert "1,200" in [printed for printed, *_ in figures] and not_read == []
