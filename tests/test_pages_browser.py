"""The two pages a reporter opens, loaded in a real browser (headless Chromium) on a desktop and on a phone.

At 1280 and 375 CSS pixels wide, `outputs/index.html` (the gallery) and `outputs/factcheck.html` must: not scroll
sideways, load every image, give every image alt text, link only to files that exist in outputs/ (or to an in-page
anchor that exists, or to a publisher's web page, which is a link and is never fetched), and make no request that
leaves the machine. The pages are the ones the session's one main job wrote (tests/made.py) from the real data.

Playwright for Python drives the Debian `chromium` (its `executable_path`), so no browser is downloaded: Playwright
gives load events, request interception and DOM queries in a few lines, where raw DevTools calls would need a
websocket client written by hand. The tests skip, saying so, only when no Chromium binary is on the machine
(`.ci/run` installs the Debian package when it is missing).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from tests.made import Made

WIDTHS = (1280, 375)
PAGES = ("index.html", "factcheck.html")


@pytest.fixture(scope="session")
def outputs(made: Made) -> Path:
    """outputs/ as `make` writes it (the session's one main job, tests/made.py): report, charts, workbook, then
    the gallery."""
    return made.outputs


@pytest.fixture(scope="module", params=[(p, w) for p in PAGES for w in WIDTHS], ids=lambda pw: f"{pw[0]}@{pw[1]}px")
def loaded(request: pytest.FixtureRequest, browser: Any, outputs: Path) -> Iterator[tuple[Any, list[str], Path]]:
    """(page, URLs of every request the page made that was not a local file, the page's file). Each page is loaded
    once per width and every test reads it (they only query it)."""
    name, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    outside: list[str] = []

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto((outputs / name).as_uri(), wait_until="load")
    yield page, outside, outputs / name
    context.close()


def test_no_horizontal_scroll(loaded: tuple[Any, list[str], Path]) -> None:
    page, _, _ = loaded
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"the page is {scroll}px wide in a {inner}px window"
    wide = page.evaluate("""[...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5).map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 40))""")
    assert not wide, f"elements wider than the window: {wide}"


def test_every_image_loads_and_has_alt_text(loaded: tuple[Any, list[str], Path]) -> None:
    page, _, path = loaded
    # A thumbnail inside a link that names the chart is decorative: alt="" (WCAG H2), so a screen reader reads the
    # title once; every other image has its own alt text.
    images = page.evaluate("""[...document.images].map(i => ({src: i.currentSrc || i.src, ok: i.complete &&
        i.naturalWidth > 0, alt: (i.getAttribute('alt') || '').trim(), decorative: i.getAttribute('alt') === '' &&
        !!i.closest('a') && i.closest('a').textContent.trim().length > 0}))""")
    if path.name == "index.html":
        assert images, "the gallery shows no chart"
    for image in images:
        assert image["ok"], f"{image['src']} did not load"
        assert image["alt"] or image["decorative"], f"{image['src']} has no alt text"
    assert sum(not i["decorative"] for i in images) >= (len(images) // 2 if path.name == "index.html" else 0)


def test_every_link_resolves(loaded: tuple[Any, list[str], Path]) -> None:
    page, _, path = loaded
    outputs = path.parent
    links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => [a.getAttribute('href'), a.href])")
    assert links
    for raw, absolute in links:
        url = urlparse(absolute)
        if url.scheme in ("http", "https"):
            continue  # a publisher's page: a link to the source, never fetched by the page
        assert url.scheme == "file", f"{raw}: unexpected scheme"
        target = Path(unquote(url.path))
        assert target.is_file(), f"{raw}: {target} does not exist"
        assert target.resolve().is_relative_to(outputs.resolve()), f"{raw} points outside outputs/"
        if url.fragment and target == path:
            found = page.evaluate("id => !!document.getElementById(id)", unquote(url.fragment))
            assert found, f"{raw}: no element with that id"


def test_no_request_leaves_the_machine(loaded: tuple[Any, list[str], Path]) -> None:
    page, outside, _ = loaded
    page.wait_for_load_state("networkidle")
    assert outside == []
