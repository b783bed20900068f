"""A drawn figure as the files we publish: PNG (no software stamp) and SVG (text as text, the face embedded).

Why the SVG carries its face: an SVG that only names Inter is drawn in whatever face the reader's machine has, and
a wider fallback clips titles and runs labels into each other (issue 23: 10 of 12 charts on a machine without
Inter). The bundled face is subset to a fixed repertoire (`REPERTOIRE`, plus any other character a chart uses) and
embedded as @font-face data URIs, so any browser draws the SVG as the PNG was drawn while the text stays text
(searchable, selectable, editable) in one file. Programs that ignore CSS web fonts (some desktop editors) still
need Inter installed; it ships in fonts/.

matplotlib and fontTools are imported inside functions: this module is imported by `export` at start-up.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import re
from pathlib import Path
from typing import Any

from analysis.factcheck.markdown_escape import RECORD_BLOCK
from analysis.factcheck.report import replace_file
from analysis.publish import style
from analysis.publish.style import FONT_FAMILY, FONT_FILES
from analysis.record.hygiene import inert_markup

__all__ = ["PNG_COMPRESS_LEVEL", "save_png", "save_svg", "png_bytes", "embed_font"]

#: zlib level for the PNGs: measured on the 24 chart PNGs, level 3 encodes in 0.6 s less CPU than Pillow's
#: default (6) and gives smaller files (5.6 MB against 6.0 MB), charts being large flat areas of colour.
PNG_COMPRESS_LEVEL = 3


def save_png(fig: Any, target: Any, dpi: int) -> None:
    """PNG without a software stamp, saved under the house style (savefig reads rcParams at save time)."""
    buf = target if not isinstance(target, (str, Path)) else io.BytesIO()
    with style.house():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None},
                    pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
    if isinstance(target, (str, Path)):
        replace_file(Path(target), buf.getvalue())  # never in place (see replace_file)


#: The root element's start, after the XML declaration and DOCTYPE matplotlib writes.
_SVG_ROOT = re.compile(r"<svg\b")


def save_svg(fig: Any, target: Any, *, title: str, description: str) -> None:
    """SVG with text kept as text, the bundled face embedded (`embed_font`), a fixed hash salt and no date (house
    style), so the same data always gives the same file; the title and alt text go into the SVG's metadata for
    assistive technology. The root element carries the attributes no MathJax typesets nor a template framework compiles
    (`RECORD_BLOCK`): the text
    holds record text, and an SVG inlined in a page loading MathJax had a credit's "\\(…\\)" typeset inside it.
    Its text writes shortcode and template openers as character references (`hygiene.inert_markup`): a site
    inlining it by `{% include %}` (Jekyll, Eleventy) templates it with the page, and a note's "{{ … }}" ran."""
    buf = io.StringIO()
    with style.house():
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Title": title,
                                                 "Description": description})
    svg = inert_markup(_SVG_ROOT.sub(f"<svg {RECORD_BLOCK}", embed_font(buf.getvalue()), count=1))
    if isinstance(target, (str, Path)):
        replace_file(Path(target), svg)
    elif isinstance(target, io.TextIOBase):
        target.write(svg)
    else:
        target.write(svg.encode("utf-8"))


_SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
_BOLD = re.compile(r"font-weight:\s*(?:bold|[6-9]00)")

#: What every SVG's embedded face covers: printable ASCII and Latin-1 (£, ½, accents), the dashes, quotes, bullet
#: and ellipsis of General Punctuation, the euro, the minus and comparison signs, and arrows. One subset per face
#: then serves every chart (each chart cut to its own characters cost 24 subsets per `make`, ~2 s of CPU, for
#: files 15 KB smaller each); a chart with a character outside it gets the repertoire plus its own characters.
REPERTOIRE = "".join(sorted({chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2010, 0x2027))}
                            | set("€−≈≠≤≥←↑→↓")))


def embed_font(svg: str) -> str:
    """The SVG with @font-face rules for the bundled face (regular, and bold when any text is bold), each subset
    to `REPERTOIRE` and any other character of the SVG's text, inserted into the style sheet matplotlib writes."""
    used = {c for m in _SVG_TEXT.findall(svg) for c in html.unescape(re.sub(r"<[^>]+>", "", m))}
    if not "".join(used).strip():
        return svg
    chars = REPERTOIRE if used <= set(REPERTOIRE) else "".join(sorted(used | set(REPERTOIRE)))
    weights = [(400, FONT_FILES[0])] + ([(700, FONT_FILES[1])] if _BOLD.search(svg) else [])
    rules = "".join(f"@font-face{{font-family:'{FONT_FAMILY}';font-style:normal;font-weight:{weight};"
                    f"src:url(data:font/woff;base64,{_subset_woff(path, chars)}) format('woff')}}"
                    for weight, path in weights)
    head, sep, tail = svg.partition("</style>")
    if not sep:
        raise ValueError("matplotlib's SVG has no <style> element to carry the embedded face")
    return head + rules + sep + tail


@functools.lru_cache(maxsize=8)
def _subset_woff(path: Path, chars: str) -> str:
    """The face at `path` cut down to `chars`, as base64 WOFF. No OpenType layout tables are kept: matplotlib
    places glyphs by their advance widths alone, so a browser must not kern or substitute them differently from
    the PNG (and they are deleted before the subsetter reads them: decoding Inter's kerning was 0.25 s of CPU per
    face and chart, against 0.03 s for the rest). The head table's timestamp is kept, so the bytes depend on the
    characters only."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.flavor = "woff"
    options.hinting = False
    font = TTFont(str(path), recalcTimestamp=False)
    for tag in ("GSUB", "GPOS", "GDEF"):
        if tag in font:
            del font[tag]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return base64.b64encode(out.getvalue()).decode("ascii")


def png_bytes(fig: Any, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (for notebooks: displayed as an image, identical to the exported chart)."""
    buf = io.BytesIO()
    save_png(fig, buf, dpi)
    return buf.getvalue()
