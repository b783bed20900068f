"""Issue 24, round forty, helper r40a: scan (class 3). A page saved by Chrome or Edge as "Webpage, Single File"
(MHTML) holds each shadow root the page had as `<template shadowmode=…>`, which Chromium attaches when it opens the
archive; scan read it as an inert template, so a chart drawn in a shadow root (Datawrapper's script embed, a web
component's text) was left out without a word."""

from __future__ import annotations

import html
import json

import pytest

from analysis.factcheck.scan import charts_line, frames_line
from analysis.factcheck.scan_input import decode_article
from tests.scanned import read

IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"


def _chrome_archive(body: str) -> bytes:
    """An MHTML archive as Chromium writes it (its headers, one quoted-printable HTML part)."""
    page = ('<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3DUTF-8">'
            "</head><body>" + body.replace("=", "=3D") + "</body></html>")
    return ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.org/story\r\n"
            "Subject: Story\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            "\tboundary=\"----MultipartBoundary--x\"\r\n\r\n\r\n------MultipartBoundary--x\r\n"
            "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example.org/story\r\n\r\n"
            + page + "\r\n------MultipartBoundary--x--\r\n").encode()


def _printed(markup: str) -> list[str]:
    return [printed for printed, *_ in read(markup)[0]]


def test_a_shadow_root_chromium_saved_in_an_archive_is_read_as_chromium_shows_it() -> None:
    # Datawrapper's script embed draws its chart in a web component's shadow root (Chromium 150's own snapshot of
    # such a page, closed and nested roots as it writes them; opened again, Chromium shows every one of them)
    archive = _chrome_archive(
        IN_RECORD + '<div id="datawrapper-vis-AbC12"><datawrapper-visualization><template shadowmode="open">'
        "<svg><text>Referrals</text><text>4,321</text></svg></template></datawrapper-visualization></div>"
        '<x-c><template shadowmode="closed" shadowdelegatesfocus=""><p>Closed 1,111</p><slot></slot><y-n>'
        '<template shadowmode="open"><p>Nested 2,222</p></template></y-n></template><span>Light 3,333</span></x-c>')
    assert _printed(decode_article(archive)) == ["922", "4,321", "1,111", "2,222", "3,333"]


def test_the_old_attribute_in_a_page_is_still_an_inert_template() -> None:
    # Chromium attaches no shadow root for `shadowmode` in a page it loads (checked): only an archive's is one
    page = IN_RECORD + '<x-c><template shadowmode="open"><p>Shadow 4,321</p></template></x-c>'
    assert _printed(decode_article(page.encode())) == ["922"]


# Datawrapper's script embed draws its chart in a <datawrapper-visualization> element's shadow root, not a frame. A
# page saved "Webpage, Complete" (Chrome's and Edge's Ctrl+S) keeps the element but not its shadow root, and its
# loader only as a local copy, so the chart was left out without a word, exit 0.
COMPLETE_SAVE = (IN_RECORD + '<div style="min-height:442px" id="datawrapper-vis-AbC12"><datawrapper-visualization>'
                 '</datawrapper-visualization><script type="text/javascript" defer=""'
                 ' src="./Story_files/embed.js.download" charset="utf-8" data-target="#datawrapper-vis-AbC12"></script>'
                 '<noscript>'
                 '<img src="https://datawrapper.dwcdn.net/AbC12/full.png" alt=""></noscript></div>')


def test_a_datawrapper_chart_saved_without_its_shadow_root_is_listed() -> None:
    assert read(COMPLETE_SAVE)[1] == [charts_line(["<datawrapper-visualization>"])]


def test_a_datawrapper_chart_whose_shadow_root_is_read_is_not_listed_again() -> None:
    # a SingleFile save, or an archive's root once read (above): the chart's text is read, so no line says it was not
    saved = (IN_RECORD + '<div id="datawrapper-vis-AbC12"><datawrapper-visualization>\n  <template '
             'shadowrootmode="open"><svg><text>4,321</text></svg></template></datawrapper-visualization></div>')
    printed, not_read = read(saved)
    assert [p for p, *_ in printed] == ["922", "4,321"] and not_read == []
    # a hidden one is not shown, so not listed
    assert read(IN_RECORD + "<div hidden><datawrapper-visualization></datawrapper-visualization></div>")[1] == []


# The Guardian's interactive element (its charts, Datawrapper's among them, drawn as a frame by the site's script from
# the address the page names), fetched with curl or saved "HTML only": the page holds a link, not the frame, and
# the chart was left out without a word, exit 0.
GUARDIAN_CHART = "https://interactive.guim.co.uk/datawrapper/embed/charts/2019/05/abcd/index.html"
GUARDIAN_PROPS = json.dumps({"url": GUARDIAN_CHART, "alt": "Referrals by year", "role": "inline",
                             "scriptUrl": "https://interactive.guim.co.uk/embed/iframe-wrapper/0.1/boot.js"})
GUARDIAN_PAGES = [
    # as its current site serves it: an island its script hydrates
    (IN_RECORD + '<gu-island name="InteractiveBlockComponent" priority="critical" deferuntil="visible" props="'
     + html.escape(GUARDIAN_PROPS) + '"><figure id="b1" class="element element-interactive element--inline '
     'element-inline" data-alt="Referrals by year"><div style="height:500px"></div><a data-name="placeholder" href="'
     + GUARDIAN_CHART + '">Referrals by year</a></figure></gu-island>'),
    # as its older site served it (a story of 2016, or its Wayback Machine copy)
    (IN_RECORD + '<figure class="element element-interactive interactive element--supporting" data-interactive='
     '"https://interactive.guim.co.uk/embed/iframe-wrapper/0.1/boot.js" data-canonical-url="' + GUARDIAN_CHART
     + '" data-alt="Referrals by year"><a href="' + GUARDIAN_CHART + '" data-link-name="in body link">Referrals by '
     "year</a></figure>"),
]


@pytest.mark.parametrize("page", GUARDIAN_PAGES, ids=["island", "older"])
def test_a_guardian_interactive_chart_is_listed_as_a_frame_not_read(page: str) -> None:
    assert read(page)[1] == [frames_line([GUARDIAN_CHART])]


@pytest.mark.parametrize("island", [
    '<gu-island name="ShareButton" props="' + html.escape(GUARDIAN_PROPS) + '"></gu-island>',  # another island
    '<gu-island name="InteractiveBlockComponent" props="{not json"></gu-island>',
    '<gu-island name="InteractiveBlockComponent" props="[1, 2]"></gu-island>',
    '<gu-island name="InteractiveBlockComponent" props="' + "[" * 100_000 + '"></gu-island>',  # deeper than json goes
    '<div hidden><gu-island name="InteractiveBlockComponent" props="' + html.escape(GUARDIAN_PROPS) + '"></gu-island>'
    "</div>",
], ids=["other-island", "bad-json", "not-an-object", "deep", "hidden"])
def test_other_islands_are_not_listed(island: str) -> None:
    assert read(IN_RECORD + island)[1] == []


# A visibility that leaves an element what it inherits (`inherit`, `unset`, `revert`, `revert-layer`) or is known only
# once computed (a variable, `env()`, `attr()`, `if()`) was read as doing nothing, so an earlier rule's
# `visibility: hidden` stood and a figure Chromium shows was dropped without a word. Each expectation was checked
# against Chromium.
SENTENCE = '<p class="stat"{style}>Police recorded 1,234 offences in 2016.</p>'


@pytest.mark.parametrize(("sheet", "style", "shown"), [
    # a paragraph GSAP's autoAlpha faded in, as a page saved once loaded holds it ("Webpage, Complete", MHTML)
    (".stat{visibility:hidden}", ' style="translate: none; rotate: none; scale: none; opacity: 1; visibility: inherit;'
     ' transform: translate(0px, 0px);"', True),
    (".stat{visibility:hidden}", ' style="visibility:inherit"', True),
    (".stat{visibility:hidden}", ' style="visibility:unset"', True),
    (".stat{visibility:hidden}", ' style="visibility:var(--v)"', True),
    (".stat{visibility:hidden}.stat{visibility:inherit}", "", True),
    (".stat{visibility:hidden}.stat{visibility:revert}", "", True),
    (".stat{visibility:hidden}.stat{visibility:revert-layer}", "", True),
    (":root{--v:visible}.stat{visibility:hidden}.stat{visibility:var(--v)}", "", True),
    (".stat{visibility:hidden}.stat{visibility:env(x, visible)}", "", True),
    (".stat{visibility:hidden}body .stat{visibility:unset}", "", True),
    # still hidden: by an !important rule, by a later rule, or by what it inherits
    (".stat{visibility:hidden!important}.stat{visibility:inherit}", "", False),
    (".stat{visibility:hidden}.stat{visibility:inherit}.stat{visibility:hidden}", "", False),
], ids=lambda value: value if isinstance(value, str) else "")
def test_a_visibility_that_inherits_or_is_computed_later_undoes_an_earlier_hidden(sheet: str, style: str,
                                                                                   shown: bool) -> None:
    page = f"<html><head><style>{sheet}</style></head><body><p>Intro.</p>{SENTENCE.format(style=style)}</body></html>"
    assert ("1,234" in _printed(page)) is shown


def test_what_it_inherits_from_a_hidden_parent_stays_hidden() -> None:
    assert _printed('<div style="visibility:hidden"><p style="visibility:inherit">Police recorded 1,234.</p></div>'
                    '<style>.a{visibility:hidden}.b{visibility:unset}</style><div class=a><p class=b>And 5,678.</p>'
                    "</div><p>Intro.</p>") == []


# A frame given no size by its attribute but a size by its inline style, which wins in Chromium, was read as a frame
# of no size (an advert's or a tracker's) and left out without a word.
DW_FRAME = "https://datawrapper.dwcdn.net/AbC12/1/"


@pytest.mark.parametrize(("frame", "listed"), [
    (f'<iframe src="{DW_FRAME}" width="100%" height="0" style="height:400px"></iframe>', True),
    (f'<iframe src="{DW_FRAME}" width="0" height="400" style="min-width:100%"></iframe>', True),
    # Datawrapper's own embed code, and frames of no size, as before
    (f'<iframe src="{DW_FRAME}" style="width: 0; min-width: 100% !important; border: none;" height="400"></iframe>',
     True),
    ('<iframe src="https://ads.example.org/x" width="0" height="0" style="border:0"></iframe>', False),
    ('<iframe src="https://ads.example.org/x" width="0" height="0"></iframe>', False),
], ids=["style-height", "min-width", "datawrapper", "no-size-styled", "no-size"])
def test_a_frame_sized_by_its_inline_style_is_listed(frame: str, listed: bool) -> None:
    assert bool(read(IN_RECORD + frame)[1]) is listed
