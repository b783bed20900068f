"""Checks a drawn chart must pass before it is published: legible text in the bundled face, no web domain on its
face, no value drawn as more exact than printed, no line across units.

Each check returns what is wrong (empty when the chart passes), so a test can both assert a real chart passes and
show that a deliberately broken one is caught. matplotlib is imported at call time only.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from analysis.publish import encode, style
from analysis.publish.publishers import AGGREGATOR_NAMES, is_mirror
from analysis.record.domains import domains_in


def visible_texts(fig: Any) -> list[Any]:
    """Every Text artist that will be drawn with some text (titles, ticks, labels, legends, annotations)."""
    from matplotlib.text import Text

    fig.draw_without_rendering()  # tick labels exist only once the figure has been laid out
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()
            and (t.axes is None or t.axes.get_visible())]


def small_texts(fig: Any, min_px: float = style.MIN_TEXT_PX) -> list[tuple[str, float]]:
    """Texts smaller than `min_px` CSS pixels at the published size (1 pt = CSS_DPI / 72 px)."""
    out = []
    for t in visible_texts(fig):
        px = t.get_fontsize() * style.CSS_DPI / 72
        if px < min_px - 1e-9:
            out.append((t.get_text()[:40], round(px, 2)))
    return out


def texts_outside(fig: Any, tolerance_px: float = 1.0) -> list[str]:
    """Texts drawn past the figure's edge, cut off in the published image: a long row label pushed the count of
    cases at its end off the mobile chart. Measured in the house style, as the published
    files are drawn (its text settings change a line's width)."""
    out = []
    with style.house():
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        width, height = fig.bbox.width, fig.bbox.height
        undrawn = _ticks_out_of_view(fig)
        for t in visible_texts(fig):
            box = t.get_window_extent(renderer)
            if id(t) not in undrawn and (box.x0 < -tolerance_px or box.y0 < -tolerance_px
                                         or box.x1 > width + tolerance_px or box.y1 > height + tolerance_px):
                out.append(t.get_text()[:60])
    return out


def _ticks_out_of_view(fig: Any) -> set[int]:
    """Ids of the tick labels matplotlib keeps but does not draw: those of ticks beyond the axis's view limits."""
    out: set[int] = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            slack = (high - low) * 1e-9
            for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks()):
                if not low - slack <= tick.get_loc() <= high + slack:
                    out |= {id(tick.label1), id(tick.label2)}
    return out


def foreign_fonts(fig: Any) -> list[tuple[str, str]]:
    """Texts that would be drawn in a font file other than the bundled ones."""
    from matplotlib.font_manager import findfont

    bundled = {str(p.resolve()) for p in style.FONT_FILES}
    out = []
    with style.house():
        for t in visible_texts(fig):
            path = str(Path(findfont(t.get_fontproperties(), fallback_to_default=True)).resolve())
            if path not in bundled:
                out.append((t.get_text()[:40], path))
    return out


def svg_texts(svg: str) -> list[str]:
    """The text content of every <text> element of an SVG written with svg.fonttype 'none'."""
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)]


def svg_foreign_fonts(svg: str) -> list[str]:
    """font-family declarations in an SVG that do not name the bundled face first."""
    families = re.findall(r"font-family:\s*([^;\"]+)", svg)
    return [f for f in families if not f.strip().strip("'\"").startswith(style.FONT_FAMILY)]


def domains(texts: list[str]) -> list[str]:
    """Web domains found in some texts (none may reach a chart face)."""
    return [found for t in texts for found in domains_in(t)]


def encoding_violations(fig: Any) -> list[str]:
    """Values drawn as bars or plain dots although printed with a qualifier; lines across units."""
    out = [f"'{m.label}' ({m.qualifier}) drawn as {m.drawn_as}" for m in encode.marks(fig)
           if m.drawn_as in ("bar", "dot") and encode.kind_of(m.qualifier) != "exact"]
    out += [f"a line joins {sorted(line._cse_units)}" for ax in fig.axes for line in ax.get_lines()
            if len(getattr(line, "_cse_units", ())) > 1]
    return out


def cut_baselines(fig: Any) -> list[str]:
    """Value axes that start above zero. A count or share drawn from a higher baseline makes a change look larger
    than it is (a bar's length is read as its value, and a line's rise against the panel's height), so every
    value axis of the project's charts starts at zero."""
    out = []
    for ax in fig.axes:
        for axis in sorted(encode.value_axes(ax)):
            low = min(ax.get_xlim() if axis == "x" else ax.get_ylim())
            if low > 0:
                out.append(f"{ax.get_title() or 'a panel'}: the {axis} axis starts at {low:g}, not 0")
    return out


def face_words(meta: Any) -> int:
    return style.word_count(getattr(meta, "notes_on_chart", ""))


def aggregators(texts: list[str]) -> list[str]:
    """Aggregator names (e.g. 'inkl') found as words in some texts: a chart face names publishers, never these."""
    import re as _re

    return [name for t in texts for name in AGGREGATOR_NAMES
            if _re.search(rf"(?<![\w-]){_re.escape(name)}(?![\w-])", t, _re.IGNORECASE)]


def mirror_link(meta: Any) -> str:
    """The chart's source_url when it points at a mirror, aggregator, proxy or reprint host ('' when it does not)."""
    url = str(getattr(meta, "source_url", "") or "")
    return url if is_mirror(url) else ""


def unkeyed_kinds(fig: Any) -> list[str]:
    """Kinds of marker drawn (a bound, an approximate value) that the chart's key does not explain: every marker
    style used is keyed. Charts without a key (cards, labelled bars) explain in their labels and are not checked."""
    drawn = {m.drawn_as for m in encode.marks(fig)} & {"lower", "upper", "about"}
    labels = {t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()}
    if not labels:
        return []
    return sorted(k for k in drawn if encode.KIND_WORDS[k] not in labels)
