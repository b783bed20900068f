"""Issue 24, round forty-two, helper r42a: scan (class 3) on pages from publishing tools as saved and on text a
reader opens. An AMP page's data its runtime draws through a template (`<amp-list>`, `<amp-render>`, as amp.dev's
own examples write them) and AMP's document viewer (`<amp-google-document-embed>`) were left out without a word,
exit 0 where the rest of the page is in the record."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import charts_line, frames_line
from tests.scanned import read

IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"
FIGURE = [("922", 922.0, "count", "exact")]


def _amp(body: str) -> str:
    """An AMP page as its publisher serves it (amp.dev's boilerplate, shortened), `body` after a figure."""
    return ('<!doctype html><html amp lang="en"><head><meta charset="utf-8"><script async '
            'src="https://cdn.ampproject.org/v0.js"></script><script async custom-element="amp-list" '
            'src="https://cdn.ampproject.org/v0/amp-list-0.1.js"></script><script async custom-template="amp-mustache" '
            'src="https://cdn.ampproject.org/v0/amp-mustache-0.2.js"></script><title>Figures</title></head><body>'
            f"{IN_RECORD}{body}</body></html>")


#: amp.dev's examples of amp-list (a JSON endpoint, and data held in the page by amp-state) and amp-render.
AMP_RENDERED = [
    ('<amp-list layout="fixed-height" height="100" src="https://news.example/static/referrals.json" binding="no">'
     '<template type="amp-mustache"><div>{{year}}: {{count}} referrals</div></template></amp-list>',
     "<amp-list> https://news.example/static/referrals.json"),
    ('<amp-state id="referrals"><script type="application/json">{"items": [{"year": 2017, "count": "1,200"}]}'
     '</script></amp-state><amp-list layout="fixed-height" height="100" src="amp-state:referrals" binding="no">'
     '<template type="amp-mustache"><div>{{year}}: {{count}}</div></template><div placeholder>Loading</div>'
     "</amp-list>", "<amp-list> amp-state:referrals"),
    ('<amp-render layout="fixed-height" height="60" src="https://news.example/tally.json"><template '
     'type="amp-mustache"><p>{{count}} referrals so far</p></template></amp-render>',
     "<amp-render> https://news.example/tally.json"),
]


@pytest.mark.parametrize(("element", "named"), AMP_RENDERED, ids=["endpoint", "amp-state", "amp-render"])
def test_what_amps_runtime_draws_from_data_is_listed_as_not_read(element: str, named: str) -> None:
    assert read(_amp(element)) == (FIGURE, [charts_line([named])])


@pytest.mark.parametrize("element", [
    '<div hidden><amp-list src="https://news.example/a.json" height="100"><template type="amp-mustache">{{n}}'
    "</template></amp-list></div>",
    '<amp-list [src]="chosen" height="100"><template type="amp-mustache">{{n}}</template></amp-list>',
    "<p>AMP pages can use amp-list and amp-render.</p>",
], ids=["hidden", "bound-only", "named-in-prose"])
def test_an_amp_element_hidden_naming_no_data_or_named_in_text_is_not_listed(element: str) -> None:
    assert read(_amp(element))[1] == []


def test_a_document_amps_viewer_shows_is_listed_as_a_frame_not_read() -> None:
    """amp.dev's own example: a PDF (a report's figures) shown in Google's viewer, as AMP draws it, in a frame."""
    element = ('<amp-google-document-embed src="https://news.example/report-2017.pdf" width="800" height="600" '
               'layout="responsive"></amp-google-document-embed>')
    assert read(_amp(element)) == (FIGURE, [frames_line(["https://news.example/report-2017.pdf"])])
