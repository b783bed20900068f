"""Issue 24, round thirty-one, helper r31a: scan (class 3) on page shapes a newsroom plausibly saves that earlier
rounds did not try: data stories carrying a Tableau dashboard, an ONS bulletin's interactive charts, pym.js,
Infogram and Facebook embeds, each in a page saved "HTML only" or fetched with curl; a page whose <meta> names an
encoding no one knows."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_input import InputRefused, decode_article
from tests.scanned import read

#: An article sentence the record holds, so a page that drops a chart without a word exits 0.
IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"

#: Each service's embed code as the service gives it (Tableau Public's "Embed code", the embedding API v3's web
#: component, pym.js's auto-initialised placeholder, the ONS site's interactive chart, Infogram's and Facebook's
#: embed codes), and the address of the frame its script draws there.
PLACEHOLDERS = [
    ("<div class='tableauPlaceholder' id='viz1700000000000' style='position: relative'><noscript><a href='#'><img "
     "alt='Referrals by force ' src='https:&#47;&#47;public.tableau.com&#47;static&#47;images&#47;Re&#47;Referrals"
     "&#47;Dashboard1&#47;1_rss.png' style='border: none' /></a></noscript><object class='tableauViz'  "
     "style='display:none;'><param name='host_url' value='https%3A%2F%2Fpublic.tableau.com%2F' /> <param "
     "name='embed_code_version' value='3' /> <param name='site_root' value='' /><param name='name' "
     "value='Referrals&#47;Dashboard1' /><param name='tabs' value='no' /><param name='toolbar' value='yes' />"
     "</object></div><script type='text/javascript'>var divElement = document.getElementById('viz1700000000000');"
     "var vizElement = divElement.getElementsByTagName('object')[0];var scriptElement = "
     "document.createElement('script');scriptElement.src = 'https://public.tableau.com/javascripts/api/viz_v1.js';"
     "vizElement.parentNode.insertBefore(scriptElement, vizElement);</script>",
     "https://public.tableau.com/views/Referrals/Dashboard1"),
    ('<script type="module" src="https://public.tableau.com/javascripts/api/tableau.embedding.3.latest.min.js">'
     '</script><tableau-viz id="tableauViz" src="https://public.tableau.com/views/Referrals/Dashboard1" '
     'toolbar="bottom" hide-tabs></tableau-viz>', "https://public.tableau.com/views/Referrals/Dashboard1"),
    ('<div data-pym-src="https://apps.example-news.org/graphics/referrals/child.html">Loading...</div>'
     '<script type="text/javascript" src="https://pym.nprapps.org/pym.v1.min.js"></script>',
     "https://apps.example-news.org/graphics/referrals/child.html"),
    ('<div class="pym-interactive" id="pym-abc123" data-url="https://www.ons.gov.uk/visualisations/dvc1234/fig1/'
     'index.html" data-title="Figure 1: Police recorded offences"></div>',
     "https://www.ons.gov.uk/visualisations/dvc1234/fig1/index.html"),
    ('<div class="infogram-embed" data-id="abc-123" data-type="interactive" data-title="Referrals"></div><script>'
     '!function(e,n,i,s){var o="InfogramEmbeds",d=e.getElementsByTagName("script")[0];if(!e.getElementById(i))'
     '{var r=e.createElement("script");r.async=1,r.id=i,r.src=s,d.parentNode.insertBefore(r,d)}}(document,0,'
     '"infogram-async","https://e.infogram.com/js/dist/embed-loader-min.js");</script>',
     "https://e.infogram.com/abc-123"),
    ('<div id="fb-root"></div><script async defer crossorigin="anonymous" '
     'src="https://connect.facebook.net/en_GB/sdk.js#xfbml=1&version=v19.0"></script><div class="fb-post" '
     'data-href="https://www.facebook.com/examplepolice/posts/123456789/" data-width="500" data-show-text="true">'
     '<blockquote cite="https://www.facebook.com/examplepolice/posts/123456789/" class="fb-xfbml-parse-ignore">'
     'Posted by <a href="https://www.facebook.com/examplepolice/">Example Police</a> on&nbsp;<a '
     'href="https://www.facebook.com/examplepolice/posts/123456789/">Tuesday, 12 March 2024</a></blockquote></div>',
     "https://www.facebook.com/examplepolice/posts/123456789/"),
]


@pytest.mark.parametrize(("embed", "address"), PLACEHOLDERS)
def test_a_chart_a_service_draws_in_its_placeholder_is_listed_as_not_read(embed: str, address: str) -> None:
    """Scan fetches nothing, so it cannot read the dashboard; the same chart in an <iframe> is listed as a frame not
    read, and drawn by its service's script in its placeholder it was left out without a word (exit 0, where the
    rest of the page is in the record)."""
    page = f"<!doctype html><html><head><meta charset='utf-8'></head><body><article>{IN_RECORD}{embed}</article>"
    figures, not_read = read(page)
    assert [printed for printed, *_ in figures] == ["922"]
    assert [line for line in not_read if "frame" in line and repr(address) in line] == not_read != []


@pytest.mark.parametrize(("embed", "address"), PLACEHOLDERS)
def test_a_placeholder_the_page_hides_is_not_listed(embed: str, address: str) -> None:
    assert read(f"<body>{IN_RECORD}<div hidden>{embed}</div></body>")[1] == []
    assert read(f"<body>{IN_RECORD}<div style='display:none'>{embed}</div></body>")[1] == []


def test_tableau_on_its_own_server_names_the_site_and_the_view() -> None:
    embed = ("<div class='tableauPlaceholder'><object class='tableauViz' style='display:none;'><param name='host_url'"
             " value='https%3A%2F%2Ftableau.example.org%2F' /><param name='site_root' value='&#47;t&#47;newsroom' />"
             "<param name='name' value='Crime&#47;Overview' /></object></div>")
    assert any("'https://tableau.example.org/t/newsroom/views/Crime/Overview'" in line
               for line in read(f"<body>{IN_RECORD}{embed}</body>")[1])


def test_words_naming_the_services_in_text_are_not_placeholders() -> None:
    page = (f"<body>{IN_RECORD}<p>We drew the chart in Tableau (class tableauViz) with pym-interactive and "
            "data-pym-src, as infogram-embed does.</p><object data-x='tableau'><param name='name' value='x'></object>"
            "</body>")
    assert read(page)[1] == []


def test_a_param_outside_tableaus_object_names_no_view() -> None:
    page = f"<body>{IN_RECORD}<div><object class='tableauViz'></object><div><param name='name' value='y'></div></div>"
    assert read(page)[1] == []


@pytest.mark.parametrize("label", ["utf8mb4", "UTF8mb4", "65001"])
def test_a_charset_no_one_knows_declares_nothing(label: str) -> None:
    """Chromium ignores a <meta> naming an encoding it does not know (a PHP page's "utf8mb4", MySQL's name for
    UTF-8) and shows the UTF-8 page; scan refused it as of an unknown encoding."""
    page = (f'<!doctype html><html><head><meta charset="{label}"><title>t</title></head><body><p>The grant was '
            "£1.2m \u2013 up 5%.</p></body></html>").encode()
    assert "£1.2m \u2013 up 5%" in decode_article(page)


def test_after_a_charset_no_one_knows_the_next_one_counts() -> None:
    page = (b'<!doctype html><html><head><meta charset="utf8mb4"><meta charset="windows-1252"></head><body><p>'
            b"The grant was \xa31.2m.</p></body></html>")
    assert "£1.2m" in decode_article(page)
    with pytest.raises(InputRefused, match="not valid utf-8"):
        decode_article(page.replace(b'<meta charset="windows-1252">', b""))


CHART = "https://datawrapper.dwcdn.net/AbC12/1/"


@pytest.mark.parametrize("frame", [
    f'<iframe class="lazyload" data-src="{CHART}" src="about:blank" width="600" height="400"></iframe>',  # lazysizes
    f'<iframe class="lazyload" data-src="{CHART}"></iframe>',
    # WP Rocket, with the plain frame it keeps for readers without scripts
    f'<iframe loading="lazy" src="about:blank" data-rocket-lazyload="fitvidscompatible" data-lazy-src="{CHART}">'
    f'</iframe><noscript><iframe src="{CHART}"></iframe></noscript>',
    f'<iframe data-src="{CHART}" src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E">'
    "</iframe>",
])
def test_a_frame_a_lazy_loading_script_fills_is_listed_as_not_read(frame: str) -> None:
    """A WordPress lazy-loading plug-in keeps a frame's address aside until it scrolls into view; in a page saved
    "HTML only" the frame showed nothing, and the chart it shows readers was left out without a word (exit 0)."""
    figures, not_read = read(f"<!doctype html><body><article>{IN_RECORD}{frame}</article></body>")
    assert [printed for printed, *_ in figures] == ["922"]
    assert len(not_read) == 1 and f"1 frame from elsewhere ({CHART!r})" in not_read[0]


def test_a_lazy_frame_hidden_or_of_no_size_is_not_listed() -> None:
    for frame in (f'<div hidden><iframe data-src="{CHART}"></iframe></div>',
                  f'<iframe data-src="{CHART}" width="0" height="0"></iframe>', '<iframe data-src=""></iframe>'):
        assert read(f"<body>{IN_RECORD}{frame}</body>")[1] == []
