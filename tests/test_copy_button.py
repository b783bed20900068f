"""Issue 23 item 3 (the copy button): every embed snippet in the gallery can be copied with one click.

The gallery the session's main job wrote (tests/made.py) is opened in headless Chromium. With clipboard permission
the button puts exactly the snippet shown on the clipboard; where the browser offers no clipboard API (an older
browser, or a page not served securely) the button selects the snippet instead, so Ctrl+C copies it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.made import Made

#: The first chart's embed section, opened.
_OPEN = "document.querySelector('details:has(button.copy)').open = true"


def _snippets(page: Any) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('button.copy')].map(b => "
                         "document.getElementById(b.dataset.copy).textContent)")


@pytest.fixture(scope="module")
def gallery(made: Made) -> Path:
    return made.outputs / "index.html"


def test_every_embed_snippet_has_a_visible_copy_button(browser: Any, gallery: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(gallery.as_uri(), wait_until="load")
        snippets = _snippets(page)
        sections = page.evaluate("document.querySelectorAll('pre code').length")
        hidden = page.evaluate("[...document.querySelectorAll('button.copy')].filter(b => b.hidden).length")
    finally:
        page.close()
    assert snippets and len(snippets) == sections, "a snippet without a copy button"
    assert hidden == 0, "copy buttons stay hidden although script runs"
    assert all("<img" in s and "srcset" in s for s in snippets), "the button copies the markup, not entities"


def test_copy_button_puts_the_snippet_on_the_clipboard(browser: Any, gallery: Path) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(gallery.as_uri(), wait_until="load")
        page.evaluate(_OPEN)
        page.locator("button.copy").first.click()
        page.wait_for_function("document.querySelector('button.copy + [role=status]').textContent !== ''")
        copied = page.evaluate("navigator.clipboard.readText()")
        status = page.evaluate("document.querySelector('button.copy + [role=status]').textContent")
        assert copied == _snippets(page)[0] and status == "Copied."
    finally:
        context.close()


def test_copy_button_selects_the_snippet_without_a_clipboard_api(browser: Any, gallery: Path) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page = context.new_page()
    try:
        page.goto(gallery.as_uri(), wait_until="load")
        page.evaluate(_OPEN)
        page.locator("button.copy").first.click()
        selected = page.evaluate("getSelection().toString()")
        assert selected == _snippets(page)[0]
        assert "Ctrl+C" in page.evaluate("document.querySelector('button.copy + [role=status]').textContent")
    finally:
        context.close()
