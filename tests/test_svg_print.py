"""Issue 23 item 2: the SVG looks like the PNG in a browser on a machine that has no Inter installed.

Every chart as `make` publishes it (PNG at 2x, SVG; the session's main job, tests/made.py). The SVG is shown in
headless Chromium at the chart's CSS width and 2x density (so both images are 1280 px wide) and compared with the
PNG, both reduced to 320 px and slightly blurred (so anti-aliasing does not count): at most MAX_DIFFERENT_SHARE of
the pixels may differ by more than a quarter of the grey scale. An SVG that only names Inter is drawn in a fallback
face (DejaVu Sans here; `fc-list | grep -i inter` finds nothing on this machine or CI), whose wider glyphs clip
titles and move every line: measured 0.74–3.97 % of pixels different per chart before the face was embedded,
0.00–0.21 % after.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageFilter

from analysis.publish import charts, save, style
from analysis.publish.export import PNG_DPI
from tests.made import Made

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

MAX_DIFFERENT_SHARE = 0.005
CHART_IDS = [spec.chart_id for spec in charts.CHARTS]


@pytest.fixture(scope="module")
def saved(made: Made, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every chart's PNG and SVG as `make` publishes them (the session's main job, tests/made.py), beside a page
    showing the SVG at its CSS width (its width in points, at CSS_DPI)."""
    out = tmp_path_factory.mktemp("svg")
    for chart_id in CHART_IDS:
        for ext in ("png", "svg"):
            (out / f"{chart_id}.{ext}").symlink_to(made.outputs / "charts" / chart_id / f"{chart_id}.{ext}")
        svg = (out / f"{chart_id}.svg").read_text(encoding="utf-8")
        points = float(re.search(r'<svg[^>]* width="([0-9.]+)pt"', svg).group(1))
        width = round(points / 72 * style.CSS_DPI)
        (out / f"{chart_id}.html").write_text(
            f'<!doctype html><body style="margin:0;background:#fff"><img id="chart" src="{chart_id}.svg" '
            f'style="display:block;width:{width}px"></body>', encoding="utf-8")
    return out


def _grey(image: Image.Image, width: int = 320) -> np.ndarray:
    small = image.convert("L").resize((width, round(width * image.height / image.width)), Image.LANCZOS)
    return np.asarray(small.filter(ImageFilter.GaussianBlur(1)), dtype=float)


def _render(browser: Any, page_file: Path) -> Image.Image:
    page = browser.new_page(device_scale_factor=PNG_DPI / style.CSS_DPI, viewport={"width": 800, "height": 900})
    try:
        page.goto(page_file.as_uri(), wait_until="load")
        assert page.evaluate("document.getElementById('chart').naturalWidth > 0"), "the SVG did not load"
        return Image.open(io.BytesIO(page.locator("#chart").screenshot()))
    finally:
        page.close()


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_svg_in_chromium_matches_the_png(browser: Any, saved: Path, chart_id: str) -> None:
    png = Image.open(saved / f"{chart_id}.png")
    shown = _render(browser, saved / f"{chart_id}.html")
    assert shown.size == png.size, f"{chart_id}: the SVG is drawn {shown.size}, the PNG is {png.size}"
    different = (np.abs(_grey(shown) - _grey(png)) > 64).mean()
    assert different <= MAX_DIFFERENT_SHARE, \
        f"{chart_id}: {different:.2%} of the SVG's pixels differ from the PNG (text drawn in another face?)"


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_svg_carries_the_face_it_names_and_keeps_text_as_text(saved: Path, chart_id: str) -> None:
    svg = (saved / f"{chart_id}.svg").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\{font-family:'Inter';[^}]*src:url\(data:font/woff;base64,", svg)
    assert faces, f"{chart_id}: the SVG names Inter but does not carry it"
    assert re.search(r"<text[^>]*>[^<]*Source:", svg), "the text must stay text"
    assert len(svg.encode()) < 120_000, "the face is subset (save.REPERTOIRE), not the whole of Inter (~400 KB)"


def _faces(svg: str) -> list[set[int]]:
    """The characters each embedded face can draw."""
    from fontTools.ttLib import TTFont

    return [set(TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap())
            for data in re.findall(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", svg)]


def test_a_character_outside_the_repertoire_is_embedded_too() -> None:
    """Every chart shares one subset per weight (save.REPERTOIRE); a chart that uses a character outside it (here
    Ω and ő) gets a face that draws it, or a browser would draw that character in a fallback face."""
    assert not {"Ω", "ő"} & set(save.REPERTOIRE)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><style>text{font-family:Inter}</style>'
           "<text>Ω ő £1,200 – ‘x’</text></svg>")
    (face,) = _faces(save.embed_font(svg))
    assert {ord(c) for c in "Ωő£1,200–‘’x"} <= face
    (plain,) = _faces(save.embed_font(svg.replace("Ω ő ", "")))
    assert ord("Ω") not in plain and {ord(c) for c in save.REPERTOIRE if c.strip()} <= plain | {0xAD}
