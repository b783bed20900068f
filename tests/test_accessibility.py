"""Issue 23 item 5: accessibility as a test, on every chart as drawn from the real tables and on the pages.

- Text: every text on a chart, against what is behind it (the bar it sits on, else the figure), and every text on
  the gallery, fact-check and methods pages as Chromium computes its colours, at least style.MIN_TEXT_CONTRAST
  (WCAG 2.1 AA, 4.5:1; stricter than AA for large text, which allows 3:1).
- Marks: every bar, line and point at least style.MIN_MARK_CONTRAST (3:1, WCAG 1.4.11) against the background.
- Colour vision: the categories a chart draws together stay style.MIN_CATEGORY_DELTA_E (CIEDE2000) apart as drawn
  and as simulated for protanopia and deuteranopia (Machado, Oliveira & Fernandes 2009, "A physiologically-based
  model for simulation of color vision deficiency", IEEE TVCG 15(6), full severity, as ColorAide implements it).
- Order: inspection grades are drawn in an ordered palette, lightness falling from the best grade to the worst.
WCAG contrast, CIEDE2000 and the simulation come from ColorAide, not re-implemented here.
"""

from __future__ import annotations

import itertools
from typing import Any

import matplotlib
import pytest
from coloraide import Color
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.lines import Line2D
from matplotlib.text import Text

from analysis.publish import charts, style
from tests.drawn import DrawnCharts
from tests.made import Made

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

matplotlib.use("Agg")

CHART_IDS = [spec.chart_id for spec in charts.CHARTS]
#: As drawn, then as seen with protanopia and deuteranopia.
VISIONS = (None, "protan", "deutan")


@pytest.fixture(scope="module")
def drawn(drawn_charts: DrawnCharts) -> dict[str, Any]:
    out = {}
    for chart_id in CHART_IDS:
        fig, _ = drawn_charts(chart_id)
        fig.draw_without_rendering()
        out[chart_id] = fig
    return out


def _seen(colour: str, vision: str | None) -> Color:
    return Color(colour).filter(vision, method="machado") if vision else Color(colour)


def delta_e(a: str, b: str, vision: str | None) -> float:
    return _seen(a, vision).delta_e(_seen(b, vision), method="2000")


def _opaque(colour: Any) -> bool:
    return to_rgba(colour)[3] > 0


def _background(fig: Any, text: Any) -> str:
    """The fill behind a text's centre: the topmost filled patch under it, else the figure."""
    renderer = fig.canvas.get_renderer()
    box = text.get_window_extent(renderer)
    x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    under = [p for ax in fig.axes for p in ax.patches if p.get_visible() and _opaque(p.get_facecolor())
             and p.zorder <= text.zorder and p.get_window_extent(renderer).contains(x, y)]
    top = max(under, key=lambda p: p.zorder, default=None)
    return to_hex(top.get_facecolor() if top is not None else fig.get_facecolor())


def text_pairs(fig: Any) -> set[tuple[str, str, str]]:
    return {(to_hex(t.get_color()), _background(fig, t), t.get_text()[:40]) for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip()}


def mark_colours(fig: Any) -> set[str]:
    """The colour each data mark is seen by: its fill, or its outline where the fill is the background's."""
    ground = to_hex(fig.get_facecolor())
    seen: set[str] = set()
    for ax in fig.axes:
        for artist in [*ax.patches, *ax.lines, *ax.collections]:
            if not artist.get_visible():
                continue
            if isinstance(artist, Line2D):
                if artist.get_linestyle() not in ("None", "none", ""):
                    seen.add(to_hex(artist.get_color()))
                if artist.get_marker() not in (None, "None", "none", ""):
                    face = artist.get_markerfacecolor()
                    seen.add(to_hex(face if _opaque(face) and to_hex(face) != ground else artist.get_markeredgecolor()))
            elif isinstance(artist, Collection):
                faces = [to_hex(c) for c in artist.get_facecolor() if c[3] > 0 and to_hex(c) != ground]
                seen.update(faces or [to_hex(c) for c in artist.get_edgecolor() if c[3] > 0])
            else:
                face = artist.get_facecolor()
                seen.add(to_hex(face) if _opaque(face) and to_hex(face) != ground else to_hex(artist.get_edgecolor()))
    return seen - {ground}


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_chart_text_contrast(drawn: dict, chart_id: str) -> None:
    low = [(text, fg, bg, round(Color(fg).contrast(bg), 2)) for fg, bg, text in text_pairs(drawn[chart_id])
           if Color(fg).contrast(bg) < style.MIN_TEXT_CONTRAST]
    assert not low, f"{chart_id}: text below {style.MIN_TEXT_CONTRAST}:1: {low}"


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_chart_marks_contrast(drawn: dict, chart_id: str) -> None:
    fig = drawn[chart_id]
    ground = to_hex(fig.get_facecolor())
    low = {c: round(Color(c).contrast(ground), 2) for c in mark_colours(fig)
           if Color(c).contrast(ground) < style.MIN_MARK_CONTRAST}
    assert not low, f"{chart_id}: marks below {style.MIN_MARK_CONTRAST}:1 against {ground}: {low}"


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_categories_stay_apart_for_colour_blind_readers(drawn: dict, chart_id: str) -> None:
    """Every two colours that mark data on one chart (the text colour's annotation lines aside)."""
    colours = sorted(mark_colours(drawn[chart_id]) - {style.TEXT.lower()})
    close = [(a, b, vision or "as drawn", round(delta_e(a, b, vision), 1))
             for a, b in itertools.combinations(colours, 2) for vision in VISIONS
             if delta_e(a, b, vision) < style.MIN_CATEGORY_DELTA_E]
    assert not close, f"{chart_id}: categories closer than {style.MIN_CATEGORY_DELTA_E} ΔE2000: {close}"


def test_palette_reads_as_text_and_as_marks() -> None:
    """Any palette colour may label its own series (the last, light purple, is for marks only)."""
    for colour in style.PALETTE[:-1]:
        assert Color(colour).contrast("white") >= style.MIN_TEXT_CONTRAST, colour
    for colour in (*style.PALETTE, style.MISSING_EDGE, *style.GRADE_PALETTE.values()):
        assert Color(colour).contrast("white") >= style.MIN_MARK_CONTRAST, colour
    for a, b in itertools.combinations(style.PALETTE[:5], 2):
        for vision in VISIONS:
            assert delta_e(a, b, vision) >= style.MIN_CATEGORY_DELTA_E, (a, b, vision)


def test_grades_are_drawn_in_an_ordered_palette() -> None:
    """Best to worst, each grade darker than the one before and clearly apart from it for every reader; the chart
    uses this palette."""
    colours = [style.GRADE_PALETTE[g] for g in style.GRADES]
    lightness = [Color(c).convert("lab-d65")["lightness"] for c in colours]
    assert lightness == sorted(lightness, reverse=True) and len(set(lightness)) == len(lightness), lightness
    for a, b in itertools.pairwise(colours):
        for vision in VISIONS:
            assert delta_e(a, b, vision) >= style.MIN_CATEGORY_DELTA_E, (a, b, vision, delta_e(a, b, vision))
    for grade in charts.SPLIT_GRADES:
        assert charts.GRADE_COLOURS[grade] == style.GRADE_PALETTE[grade], grade
    for grade in style.GRADES[1:]:  # white share labels sit on every grade the chart draws
        assert Color("white").contrast(style.GRADE_PALETTE[grade]) >= style.MIN_TEXT_CONTRAST, grade


# --- the pages ---------------------------------------------------------------------------------------------------

PAGES = ("index.html", "factcheck.html", "methods.html")
#: Every element with text of its own: its computed colour and the first opaque background behind it.
_PAIRS_JS = """() => {
  const opaque = c => c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c);
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0) continue;
    let bg = null;
    for (let e = el; e && !bg; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (opaque(c)) bg = c;
    }
    const what = el.tagName + ' ' + el.textContent.trim().slice(0, 40);
    out.push([getComputedStyle(el).color, bg || 'rgb(255, 255, 255)', what]);
  }
  return out;
}"""


@pytest.mark.parametrize("name", PAGES)
def test_page_text_contrast(browser: Any, made: Made, name: str) -> None:
    page = browser.new_page()
    try:
        page.goto((made.outputs / name).as_uri(), wait_until="load")
        pairs = page.evaluate(_PAIRS_JS)
    finally:
        page.close()
    assert pairs, f"{name}: no text found"
    low = {(fg, bg, round(Color(fg).contrast(bg), 2), what) for fg, bg, what in pairs
           if Color(fg).contrast(bg) < style.MIN_TEXT_CONTRAST}
    assert not low, f"{name}: text below {style.MIN_TEXT_CONTRAST}:1: {sorted(low)[:8]}"
