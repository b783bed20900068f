"""Issue 24, round forty-one, helper r41a: scan (class 3). Squarespace keeps the embed code its author pasted in an
embed or video block (a Datawrapper, Flourish or YouTube embed, an embedded post) as markup in an attribute of the
block's placeholder, `<div class="sqs-video-wrapper" data-html="&lt;iframe src=…&gt;">`, and its script puts it in
the page. A page fetched with curl or saved "HTML only" holds the attribute, not the frame, and the chart was left
out without a word, exit 0."""

from __future__ import annotations

import base64
import html

import pytest

from analysis.factcheck.scan import frames_line
from tests.scanned import read

IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"
CHART = "https://datawrapper.dwcdn.net/AbC12/1/"


def _block(embed_code: str, wrapper: str = "") -> str:
    """A Squarespace embed block as its page is served, holding `embed_code`."""
    return (IN_RECORD + f'<div class="sqs-block embed-block sqs-block-embed" data-block-type="22"{wrapper}>'
            '<div class="sqs-block-content"><div class="intrinsic" style="max-width:100%"><div class="embed-block-'
            'wrapper" style="padding-bottom:56.25%;"><div class="sqs-video-wrapper" data-provider-name="" data-html="'
            + html.escape(embed_code) + '"></div></div></div></div></div>')


@pytest.mark.parametrize(("embed_code", "frame"), [
    (f'<iframe title="Referrals" src="{CHART}" scrolling="no" frameborder="0" height="400"></iframe>', CHART),
    ('<div class="flourish-embed flourish-chart" data-src="visualisation/1234567"><script src="https://public.'
     'flourish.studio/resources/embed.js"></script></div>', "https://flo.uri.sh/visualisation/1234567/embed"),
    ('<iframe src="//www.youtube.com/embed/abcdefghijk?wmode=opaque" width="854" height="480"></iframe>',
     "//www.youtube.com/embed/abcdefghijk?wmode=opaque"),
], ids=["datawrapper", "flourish", "video"])
def test_the_frame_a_squarespace_block_keeps_as_markup_is_listed(embed_code: str, frame: str) -> None:
    assert read(_block(embed_code))[1] == [frames_line([frame])]


def test_the_text_of_a_squarespace_block_s_embed_code_is_read() -> None:
    # an embedded post's text is in its embed code, and the page shows it
    printed, _ = read(_block('<blockquote class="twitter-tweet"><p>Jane Doe: 4,321 referrals</p></blockquote>'))
    assert [p for p, *_ in printed] == ["922", "4,321"]


def test_a_hidden_block_and_a_rendered_one_are_not_listed_twice() -> None:
    assert read(_block(f'<iframe src="{CHART}"></iframe>', " hidden"))[1] == []
    # saved once its script ran: the frame beside the markup it came from, one chart, one address
    rendered = (IN_RECORD + '<div class="sqs-video-wrapper" data-html="' + html.escape(f'<iframe src="{CHART}">')
                + f'"><iframe src="{CHART}"></iframe></div>')
    assert read(rendered)[1] == [frames_line([CHART])]


# Borlabs Cookie (WordPress's consent manager) keeps a blocked embed's code base64-encoded in an attribute of its
# content blocker (its container, or its shortcode's <span>) and shows a preview until the reader accepts: the chart
# was left out without a word, exit 0, where a frame Complianz or Cookiebot holds back is listed.
def _borlabs(embed_code: str, element: str) -> str:
    encoded = base64.b64encode(embed_code.encode()).decode()
    preview = ('<div class="brlbs-cmpnt-cb-preset-a"><p class="brlbs-cmpnt-cb-description">You are currently viewing '
               "a placeholder content from Datawrapper.</p></div>")
    if element == "container":
        return (IN_RECORD + '<div class="brlbs-cmpnt-container brlbs-cmpnt-content-blocker" data-borlabs-cookie-'
                f'content-blocker-id="datawrapper" data-borlabs-cookie-content="{encoded}">{preview}</div>')
    return (IN_RECORD + '<span data-borlabs-cookie-service-id="datawrapper" '
            f'data-borlabs-cookie-content="{encoded}"></span>')


@pytest.mark.parametrize("element", ["container", "shortcode"])
def test_the_frame_a_borlabs_content_blocker_holds_back_is_listed(element: str) -> None:
    assert read(_borlabs(f'<p><iframe src="{CHART}" height="400"></iframe></p>', element))[1] == [frames_line([CHART])]


def test_a_borlabs_attribute_that_is_not_base64_lists_nothing() -> None:
    page = IN_RECORD + '<div data-borlabs-cookie-content="&lt;iframe src=x&gt; not base64!"></div>'
    assert read(page) == read(IN_RECORD)


# Hotwire Turbo's <turbo-frame src=…> is filled by its script with the page it names: fetched with curl or saved
# "HTML only", a Rails site's chart or figures panel loaded so was left out without a word, exit 0.
def test_a_turbo_frame_is_listed_until_its_script_has_filled_it() -> None:
    frame = '<turbo-frame id="referrals" src="/charts/referrals" loading="lazy"><p>Loading…</p></turbo-frame>'
    assert read(IN_RECORD + frame)[1] == [frames_line(["/charts/referrals"])]
    filled = '<turbo-frame id="referrals" src="/charts/referrals" complete=""><p>Referrals: 4,321</p></turbo-frame>'
    printed, not_read = read(IN_RECORD + filled)
    assert [p for p, *_ in printed] == ["922", "4,321"] and not_read == []


def test_a_borlabs_attribute_is_read_as_a_browser_decodes_it() -> None:
    # a browser's atob drops white space and needs no "=" padding
    encoded = base64.b64encode(f'<iframe src="{CHART}"></iframe>'.encode()).decode().rstrip("=")
    page = IN_RECORD + f'<div data-borlabs-cookie-content="{encoded[:20]}\n  {encoded[20:]}"></div>'
    assert read(page)[1] == [frames_line([CHART])]


# WordPress's consent plug-ins that park a frame's or a script's address in an attribute of their own until the reader
# accepts (Real Cookie Banner's `consent-original-src-_`, its click-to-load form, Borlabs Cookie's older
# `src-consent`, Embed Privacy's `data-ep-src`): the chart was left out without a word, exit 0.
@pytest.mark.parametrize("attribute", ["consent-original-src-_", "consent-click-original-src-_", "src-consent",
                                       "data-ep-src", "consent-original-src"])
def test_a_frame_a_wordpress_consent_plugin_holds_back_is_listed(attribute: str) -> None:
    frame = f'<iframe {attribute}="{CHART}" consent-required="12" consent-id="34" height="400"></iframe>'
    assert read(IN_RECORD + frame)[1] == [frames_line([CHART])]


def test_an_embed_loader_real_cookie_banner_holds_back_is_listed() -> None:
    loader = "https://public.flourish.studio/resources/embed.js"
    page = IN_RECORD + f'<script type="text/plain" consent-original-src-_="{loader}" consent-required="12"></script>'
    assert read(page)[1] == [frames_line([loader])]
