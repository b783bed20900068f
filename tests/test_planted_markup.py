"""Issue 24 item 1: markup planted in every free-text field of data/raw runs nowhere in outputs/.

The main job runs as `make` would on a scratch copy whose raw prose fields all carry a payload (tests/planted.py;
the session run `planted`, tests/made.py), and every HTML file it writes is opened in Chromium (the session's
browser, tests/conftest.py): no payload runs, no element or attribute is injected, and the payload is shown as text
(so the test is not vacuous).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.made import Made
from tests.planted import PAYLOAD

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)


def test_no_planted_markup_runs_or_is_injected_in_any_page(planted: Made, browser: Any) -> None:
    # The run succeeded on the planted record and the payload reached the tables (the record did not refuse it).
    assert PAYLOAD in (planted.root / "data" / "processed" / "sources.csv").read_text(encoding="utf-8")
    outputs = planted.outputs
    pages = sorted(outputs.rglob("*.html"))
    assert len(pages) >= 9  # gallery, report, rules page, six notebooks
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else route.abort())
    shown = []
    try:
        for path in pages:
            page = context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_timeout(50)
            ran = page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)")
            # Injected: an element the payload made (an event attribute holding it, its <img src=x>, or a link from
            # its Markdown). The payload inside an ordinary attribute's value (a chart's alt text) is text.
            injected = page.evaluate("""() => [...document.querySelectorAll('*')].filter(e =>
                [...e.attributes].some(a => a.name.startsWith('on') && a.value.includes('__xss'))
                || (e.tagName === 'IMG' && e.getAttribute('src') === 'x')
                || /^javascript:|evil[.]example/i.test(e.getAttribute('href') || '')).length""")
            text = page.evaluate("() => document.body.innerText")
            assert (ran, injected, dialogs) == (None, 0, []), path.name
            if "__xss" in text:
                shown.append(path.relative_to(outputs).as_posix())
            page.close()
    finally:
        context.close()
    # Not vacuous: the planted text reached the pages readers open, as text.
    assert {"factcheck.html", "notebooks/01_inspections.html"} <= set(shown), shown
