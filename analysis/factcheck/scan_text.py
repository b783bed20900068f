"""An article as plain sentences: HTML reduced to text, text split into paragraphs and sentences.

The scanner reports each figure with the sentence it sits in, because a fact-checker decides what a number means
from its sentence, and pastes that sentence into the draft. Standard library only: a newsroom page is read with
`html.parser` (scripts, styles and navigation dropped, block elements kept as paragraph breaks), never fetched.
What the page's own CSS hides or shows is read in `scan_css`; which frames, embeds and script-drawn charts it
holds, in `scan_embeds`.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from analysis.factcheck.scan_css import (
    FLOATED,
    NO_SHEET,
    OUT_OF_FLOW,
    Sheet,
    StylePolicy,
    box,
    inline_declarations,
    page_sheet,
    style_policy,
    unboxed,
    visibility_of,
    written_attributes,
)
from analysis.factcheck.scan_embeds import (
    ASCII_SPACE,
    CDN_MARKS,
    CHART_HOLDER_MARKS,
    DATAWRAPPER_HOST,
    DEEPEST_FRAME,
    EMBEDDERS,
    IMPORTED,
    MODULE_SCRIPT,
    MODULE_SCRIPTS,
    PLACEHOLDER_MARKS,
    PYM_SCRIPT,
    TABLEAU_OBJECT,
    chart_loader,
    counted_figure,
    drawn_chart,
    embedded_document,
    kept_markup,
    may_hold,
    placeholder_frame,
    refresh_address,
    script_embed,
    tableau_view,
    unread_frame,
)
from analysis.record.hygiene import LOST, normal_text_keeping_digits, same_length_reading
from analysis.record.safeguarding import PATTERNS, nhs_check_digit_holds, personal_reading
from analysis.record.vocabulary import JOINED_SCALE_WORDS, QUALIFIERS, REFERENCE_ABBREVIATIONS

__all__ = ["Sentence", "to_text", "sentences", "looks_like_html"]

_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
           "article", "blockquote", "header", "footer", "figcaption", "td", "th", "hr",
           # The rest of HTML's block boxes (the living standard's rendering section): without a break between
           # them, "<dd>2016</dd><dd>1,582</dd>" was read as one number, 20161,582, and two options as 20192020.
           "dl", "dt", "dd", "main", "aside", "figure", "address", "fieldset", "form", "pre", "legend", "caption",
           "center", "hgroup", "search", "menu", "dir", "details", "summary", "listing", "thead", "tbody", "tfoot",
           "option", "optgroup", "dialog",
           # Blocks too, whose start closes an open <p> as a <pre>'s does: `<p>1,200<xmp>cases` is two paragraphs.
           "xmp", "plaintext"}
_SKIPPED = {"script", "style", "noscript", "nav", "template", "head", "title",
            # Never rendered by a browser: the fallback of a frame, embed, video, audio or canvas (Chromium plays
            # and draws them), a list of suggestions. (A dialog not opened is hidden as the hidden attribute is:
            # see `_hidden`.)
            "iframe", "noembed", "noframes", "datalist", "video", "audio", "canvas",
            # A gauge and a progress bar: Chromium draws the bar, never the text inside it, whatever the page's
            # display or appearance ("<meter>1,017 of 2,000</meter>" was read as two figures no reader sees).
            "meter", "progress"}
#: Every other element of HTML that holds text (the living standard, obsolete ones included): a fragment holding
#: any of them is HTML. A fragment of `<font>` or `<dialog>` was read as plain text, its tags quoted and its hidden
#: text counted. (Void elements such as <img> hold no text: alone in prose they are shown as written.)
_OTHER_ELEMENTS = {"abbr", "acronym", "address", "bdi", "bdo", "big", "button", "caption",
                   "center", "cite", "code", "colgroup", "data", "dd", "del", "dfn", "dir", "dl", "dt", "fieldset",
                   "font", "form", "frameset", "hgroup", "ins", "kbd", "label", "legend", "map", "mark", "menu",
                   "meter", "object", "optgroup", "option", "output", "picture", "pre", "progress", "q", "rp", "rt",
                   "ruby", "s", "samp", "search", "select", "slot", "small", "strike", "sub", "sup", "tbody",
                   "textarea", "tfoot", "thead", "tt", "u", "var", "xmp", "plaintext", "marquee"}
#: What a footnote reference in <sup> or <sub> holds: "3", "[2]", "(a)", "*", "†", or several notes ("1,2",
#: "1-3", "[4, 7]"). It is not part of the sentence, and read as text it joined the number before it
#: ("1,200<sup>3</sup>" was read as 1,2003, "1,582<sup>1-3</sup>" as 1,5821 and 3, and "[2]" as a figure).
#: (and a lower-case Roman numeral, "ii", "xiv", as LibreOffice numbers endnotes by default: "ii922 crimes" in its
#: HTML export's note was a code, the 922 dropped without a word)
_FOOTNOTE_MARK = re.compile(r"\s*[\[(]?\s*(?:\d{1,3}(?:\s*[,\u2013\u2014-]\s*\d{1,3}){0,4}|[a-z]|(?-i:[ivxl]{2,6})"
                            r"|[*\u2020\u2021\u00a7\u00b6]{1,3})\s*[\])]?\s*", re.IGNORECASE)
#: A power of ten written with <sup> ("10<sup>6</sup>"): its exponent, not a footnote. Dropped as one, "about
#: 10<sup>6</sup> images" was the figure 10; written "10^6", it is the scientific notation it prints, listed.
_POWER_BASE = re.compile(r"(?<![\d.,])10\Z")
_EXPONENT = re.compile(r"\s*[-\u2212]?\d{1,3}\s*")
_MARK_HOLDERS = ("sup", "sub")
#: The elements whose text a page shows struck through, as withdrawn: HTML's <s> ("no longer accurate"), <del>
#: (removed from the document) and the old <strike>. A correction printed "<s>922</s> 1,922" or "<del>618</del>
#: <ins>922</ins>" was read with the struck figure as the article's ("in the record" for the 922 it withdraws), or
#: the two run together ("618 922", neither read); a struck figure is listed as not read (`STRUCK`).
_STRUCK = frozenset({"s", "strike", "del"})
#: A scale raised after an amount ("£1.2<sup>m</sup>", "5<sup>bn</sup>"): part of the figure, not a footnote's letter.
#: Dropped as one, "£1.2<sup>m</sup>" was £1.2.
_RAISED_SCALE = re.compile(rf"\s*(?:{JOINED_SCALE_WORDS})\s*", re.IGNORECASE)
_AMOUNT_END = re.compile(r"\d\Z")
#: What parts a fraction's numerator from its denominator (`_denominator`): a fraction slash, a slash, a division
#: slash.
_FRACTION_SLASHES = ("\u2044", "/", "\u2215")
#: The most characters a footnote mark can hold ("[123]" with spaces): longer text in <sup> is always kept.
_LONGEST_MARK = 16


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
#: Elements whose start ends an open <head> or breaks out of an <svg>/<math> (HTML5's "breakout" rule, simplified).
_FOREIGN = {"svg", "math"}
#: What an inline <svg> or <math> shows (both were dropped whole, and "1,582 cases" on a page's own chart or a
#: formula's "2,409" with them, though Chromium shows them): an SVG's text is drawn only in a <text> (its <tspan>,
#: <textPath> and links included) or as the HTML of a <foreignObject>, never a tooltip (<title>) or description;
#: MathML draws all but an annotation (a <semantics> shows its first child) and a phantom (kept invisible). An SVG
#: or MathML element is not HTML's: its `hidden` attribute hides nothing (Chromium showed `<svg hidden>`, `<math
#: hidden>` and `<text hidden>`); the page's CSS does, and an SVG element's `display="none"` attribute.
_SVG_TEXT = ("text", "foreignobject")
#: The HTML start tags that end an open <svg> or <math> (HTML's "breakout" list; <font> with color, face or size),
#: and where HTML is read inside one instead (its integration points). Scan ended one at any block (so a <dialog>
#: or <section> there, an SVG element to Chromium, was HTML's hidden dialog, and the <div> after it hidden with it)
#: and at no inline (so `<svg><span>1,200` stayed in the SVG, where text outside a <text> is not drawn).
_BREAKOUT = frozenset("""b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li
    listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var""".split())
_INTEGRATION = {"foreignobject": "svg", "desc": "svg", "title": "svg", "mi": "math", "mo": "math", "mn": "math",
                "ms": "math", "mtext": "math", "annotation-xml": "math"}
#: The HTML elements whose content HTML's tokenizer reads as text (`closed_markup_only` reads them so wherever they
#: are): in an SVG or MathML they are foreign elements, and the markup after one is read there by Chromium
#: (`<svg><xmp><table>1,200` shows the figure). Scan cannot read that markup as Chromium does, so it reads the
#: text of one there, markup and all: a figure is listed, never dropped. (Only a script, a style and an SVG title
#: are never shown there.)
_TEXT_IN_FOREIGN = ("xmp", "textarea", "iframe", "noembed", "noframes")
_SKIPPED_IN_FOREIGN = frozenset({"script", "style", "title"})
_FOREIGN_UNSHOWN = {"svg": frozenset({"desc", "metadata"}), "math": frozenset({"mphantom"})}
_ANNOTATIONS = frozenset({"annotation", "annotation-xml"})
#: ... and what each of their lines of text is drawn in, a line of its own to Chromium (and each MathML element):
#: read without a break, `<text>2,222</text><text>4,444</text>` was the one number "2,2224,444".
_FOREIGN_LINES = frozenset({"text", "mi", "mn", "mo", "ms", "mtext"})


def _direction(values: dict[str, str], style: dict[str, str]) -> str | None:
    """The direction an element sets for its text ("rtl" or "ltr"): its inline `direction`, else its `dir`
    attribute (`auto` is judged from its letters, never its digits: left as inherited)."""
    for given in (style.get("direction", ""), values.get("dir", "").strip().lower()):
        if given in ("rtl", "ltr"):
            return given
    return None


def _override(tag: str, values: dict[str, str], style: dict[str, str], inherited: str) -> str | None:
    """The direction ("rtl" or "ltr") an element draws its text in character by character, or None: a <bdo>, or an
    inline style of `unicode-bidi: bidi-override` (or isolate-override), in the direction it sets or inherits
    (`_direction`: `<span dir=rtl><bdo>`). Chromium draws "1,582" in a right-to-left one as "285,1" (a screenshot
    shows it), its innerText reads "1,582", and so did scan: a figure no reader sees, which the record could
    "confirm"."""
    if tag == "bdo" or style.get("unicode-bidi") in ("bidi-override", "isolate-override"):
        return _direction(values, style) or inherited
    return None


#: How many overrides of alternating direction, one in another, are drawn reversed (`_override`): each reverses
#: the text of those inside it again, so without a bound 100,000 of them, left open, copied the page's text once
#: per level. A deeper one is drawn in its parent's direction.
_DEEPEST_OVERRIDE = 8


#: Unicode's right-to-left override (U+202E) to its end (U+202C, another bidi control, or the line's end): drawn
#: reversed as `<bdo dir=rtl>` is ("\u202e1,582\u202c" shows "285,1"), and read as 1,582 once the controls were
#: removed.
_RLO = re.compile("\u202e([^\u202a-\u202e\u2066-\u2069\n]*)[\u202c]?")


def shown_reversed(text: str) -> str:
    """Text drawn right to left character by character, as a reader sees it: each line reversed."""
    return "\n".join(line[::-1] for line in text.split("\n"))


def _unicode_overrides(text: str) -> str:
    """Text with each right-to-left override's run (`_RLO`) as it is drawn (`shown_reversed`)."""
    return _RLO.sub(lambda m: shown_reversed(m.group(1)), text) if "\u202e" in text else text


def _new_chunk(tag: str, attrs: list[tuple[str, str | None]], foreign: str) -> bool:
    """Whether an SVG <tspan> is drawn where it says, apart from the text before it (SVG's "text chunk": an
    absolute x or y). A chart's columns (`<tspan x=0>2016</tspan><tspan x=80>1,582</tspan>`) and a label wrapped
    onto lines (D3's `<tspan x=0 dy=1.1em>`) were read run together: "20161,582", a figure no reader sees, as
    Chromium's innerText reads them."""
    return foreign == "svg" and tag == "tspan" and any(key.lower() in ("x", "y") for key, _ in attrs)
#: Start tags that close an open <p> (HTML5 "in button scope", simplified), and the elements that bound that scope.
_CLOSES_P = (_BLOCKS - {"br", "td", "th", "tr", "li", "option", "optgroup", "legend", "caption", "thead", "tbody",
                         "tfoot"}) | {"main", "aside", "details", "dl", "fieldset", "figure",
                                                         "form", "pre", "address"}
_P_SCOPE = ("table", "td", "th", "button", "template", "object", "caption")
#: Elements whose end tag HTML5 lets a page leave out: a start tag of the key closes the open element(s) it names
#: (the outermost of them, with everything inside) unless one of its scope's elements stands between. Without it,
#: `<td hidden>x<td>1,200` hid the visible second cell (and `<dd hidden>…<dt>`, `<tr hidden>…<tr>`, `<thead
#: hidden>…<tbody>`, `<option hidden>…<option>` and `<rt hidden>…<rt>` the same). (<p> has its own rule above.)
#: Where an end tag stops looking for its element (HTML's "has an element in scope"): an end tag whose element
#: is open only outside a cell, caption, table, object or marquee is ignored, as HTML ignores it. Closed there,
#: `<details><summary><table><tr><td></summary>1,200` put the figure in the closed details (Chromium shows it in
#: the summary), and `<span style="visibility:visible"><table><tr><td></span>1,200` under a hidden parent.
_SCOPE_BOUNDS = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"})
_CELLS = ("td", "th")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: A table's caption and column group, whose end tags HTML lets a page leave out too: any other part of the table
#: (a row, a cell, a row group, another caption) ends them, and a new caption or column group ends a row or cell.
#: `<caption hidden>Table 1<tr><td>1,200` (valid HTML) shows the figure in Chromium; scan hid the rows with the
#: caption.
_TABLE_HEADS = ("caption", "colgroup")
_IMPLIED_END: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li",), ("ul", "ol")),
    "dt": (("dd", "dt"), ("dl",)),
    "dd": (("dd", "dt"), ("dl",)),
    "td": ((*_CELLS, *_TABLE_HEADS), ("tr", "table")),
    "th": ((*_CELLS, *_TABLE_HEADS), ("tr", "table")),
    "tr": (("tr", *_CELLS, *_TABLE_HEADS), ("thead", "tbody", "tfoot", "table")),
    **{part: (("thead", "tbody", "tfoot", "tr", *_CELLS, *_TABLE_HEADS), ("table",))
       for part in ("thead", "tbody", "tfoot", *_TABLE_HEADS)},
    "col": (("thead", "tbody", "tfoot", "tr", *_CELLS, "caption"), ("table",)),
    "option": (("option",), ("select", "datalist", "optgroup")),
    "optgroup": (("optgroup", "option"), ("select",)),
    "rt": (("rt", "rp"), ("ruby",)),
    "rp": (("rt", "rp"), ("ruby",)),
    # A button, link or nobr never holds another: a new one ends the open one (`<button hidden>x<button>1,200` and
    # `<a hidden>x<a>1,200` show the figure in Chromium; scan hid it inside the first).
    **{tag: ((tag,), tuple(_SCOPE_BOUNDS)) for tag in ("button", "a", "nobr")},
}




def _attributes(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    """An element's attributes by lower-case name; a repeated one is dropped, as HTML drops it: the first counts."""
    values: dict[str, str] = {}
    for key, value in attrs:
        values.setdefault(key.lower(), value or "")
    return values


def _shadow_root(tag: str, values: dict[str, str]) -> bool:
    """A declarative shadow root (`<template shadowrootmode="open">`): unlike any other <template>, Chromium renders
    its content in place, and "2,000 offences" inside one was dropped from the scan."""
    return tag == "template" and values.get("shadowrootmode", "").strip().lower() in ("open", "closed")


#: The page itself: CSS or an attribute that hides its root or body is undone by the page's own script (OWASP's
#: anti-clickjacking defence, `<style id=antiClickjack>body{display:none !important}</style>` and a script that
#: removes it, and "anti-flicker" snippets), since no page is published for readers to see nothing. Honoured,
#: it hid the whole article: "no figures found", exit 0, where Chromium shows every figure.
_PAGE_ROOTS = frozenset({"html", "body"})


def _hidden(tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet = NO_SHEET, foreign: str = "",
            framed: bool = False) -> bool:
    """True for an element readers never see when the page opens (as Chromium shows it): one never rendered
    (`_SKIPPED`), one the browser's own stylesheet hides (`_browser_hides`: the hidden attribute, a dialog not
    opened, a popover) unless the page gives it a display of its own (`<p hidden style="display:block">` is shown),
    or one the page hides: display none (unless an `!important` rule of the sheet gives it a display, which beats
    an inline style), or content-visibility hidden on an element with a box it can act
    on (`_boxed`), inline or by a simple rule of the page's sheet that no rule undoes. aria-hidden text is read: it
    is hidden from screen readers, not from the page. So is what the browser itself opens for its reader: a closed
    <details>' content, shown when its summary is clicked, and an element `hidden="until-found"`, shown when
    find-in-page or a link to a text fragment finds text there (GOV.UK Frontend's accordion closes its sections so;
    Radix's and Base UI's `hiddenUntilFound` too). Both open with no script, and what they hold is the article's:
    read as closed, an FAQ's answers, a "Methodology" box or an accordion's sections, with their figures, were left
    out without a word, exit 0. (Visibility is inherited and can be undone by a child: see `_visibility`.)"""
    if tag in _PAGE_ROOTS:
        return False
    values = _attributes(attrs)
    skipped = tag in (_SKIPPED_IN_FOREIGN if foreign else _SKIPPED) and not framed and not _shadow_root(tag, values)
    if skipped:
        return True
    style, strong = inline_declarations(values["style"]) if "style" in values else ({}, set())
    if foreign == "svg" and "display" not in style and values.get("display", "").strip().lower() == "none":
        return True  # SVG's own display attribute, which any CSS display beats
    keys = sheet.keys(tag, values) if sheet.hide or sheet.show or sheet.contain or sheet.unboxed else []
    forced = any(k in sheet.forced for k in keys)
    if style.get("display") == "none":
        return "display" in strong or not forced  # an inline !important beats the sheet's
    if not forced and "display" not in strong and any(k in sheet.hide_forced for k in keys):
        return True  # the sheet's `display: none !important` beats an inline display and any rule without it
    until_found = not foreign and values.get("hidden", "").strip().lower() == "until-found"  # HTML's own
    contained = (style["content-visibility"] == "hidden" if "content-visibility" in style
                 else any(k in sheet.contain for k in keys) and not any(k in sheet.uncontain for k in keys))
    if contained and _boxed(tag, style, any(k in sheet.unboxed for k in keys)):
        return True
    displayed = "display" in style or any(k in sheet.show for k in keys)  # a display of the page's own
    if foreign and tag in _FOREIGN_UNSHOWN.get(foreign, ()) or foreign == "annotated":
        return not displayed  # hidden by the browser's own sheet: a display of the page's shows it
    if not foreign and _browser_hides(tag, values) and not until_found:  # (the browser opens it: read)
        return not displayed
    return not displayed and any(k in sheet.hide for k in keys)


def _browser_hides(tag: str, values: dict[str, str]) -> bool:
    """Whether the browser's own stylesheet gives the element `display: none`, which any display the page sets
    undoes: Chromium showed `<dialog style="display:contents">` and `<span popover style="display:inline">`. A
    ruby's parentheses (<rp>) are for browsers without ruby, and hidden by every other ("1,582(x)" was read). (A
    <summary> is shown as its <details>' summary even as a popover, and an open dialog: `<dialog popover open>`.)"""
    return ("hidden" in values or (tag == "dialog" and "open" not in values) or tag == "rp"
            or ("popover" in values and tag != "summary" and tag != "dialog"))


#: A ruby's annotation, drawn above its base text, not after it: read apart from it, as a word of its own. Glued to
#: it, `<ruby>1,582<rt>one thousand five hundred</rt></ruby>` was "1,582one", a number no figure form reads.
_RUBY_TEXT = "rt"
#: What the page's display makes of an element's box (`scan_css.box`): block-level; inline; a flex or grid container.
#: An element positioned out of the line (`_page_box`) is "placed".
_BLOCK_BOXES = frozenset({"block", "items", "atomic", "placed"})
_INLINE_BOXES = frozenset({"inline"})
_ITEM_BOXES = frozenset({"items"})
#: The blocks read as inline where the page makes them so (`_open_box`): not a line break, a table or its parts,
#: whose text keeps its cells' and rows' edges (`_cell_gaps`).
_REBOXED_BLOCKS = frozenset(_BLOCKS - {"br", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption"})


def _page_box(tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet) -> str | None:
    """What the display the page gives an element makes of its box (`scan_css.box`): its inline style's, else the
    most specific simple rule's of the page's sheet (an id's over a class's over a type's), else None (its own, and
    a floated element's: `FLOATED`). An element positioned out of the line (`OUT_OF_FLOW`) is "placed" whatever its
    display, unless it has no box: its text is a word apart from its neighbours', and the sentence around it goes
    on. (Chromium's innerText puts it on a line of its own, but a reader sees the sentence whole: "The Met said
    9,000<span class=sr-only> (nine thousand)</span> cases were reviewed" lost its subject at a line break.)"""
    values = _attributes(attrs) if attrs else {}
    style = inline_declarations(values["style"])[0] if "style" in values else {}
    keys = sheet.keys(tag, values) if sheet.display or sheet.floats or sheet.position else []
    display = style.get("display") or next((sheet.display[k] for k in reversed(keys) if k in sheet.display), None)
    position = style.get("position") or next((sheet.position[k] for k in reversed(keys) if k in sheet.position),
                                             None)
    if position in OUT_OF_FLOW and display not in ("none", "contents"):
        return "placed"
    if style.get("float") in FLOATED or any(k in sheet.floats for k in keys):
        return None
    return box(display)


#: The elements whose display in the browser's own sheet is one of those, among `_BLOCKS`.
_UNBOXED_TAGS = frozenset({"table", "tr", "thead", "tbody", "tfoot", "caption"})


def _boxed(tag: str, style: dict[str, str], unboxed_by_sheet: bool = False) -> bool:
    """Whether content-visibility can hide the element's content (`_UNBOXED`: never on an inline box, a table or
    its rows; Chromium showed `<em hidden="until-found">`, `<b style="content-visibility:hidden">`, and an
    <article> the page's sheet made inline). An inline style's display counts first, then the sheet's, then the
    element's own."""
    display = style.get("display")
    if display and display not in ("revert", "revert-layer"):  # the browser's own display: the element's
        return not unboxed(display)
    return tag in _BLOCKS and tag not in _UNBOXED_TAGS and not unboxed_by_sheet


#: A link the page marks as a reference to a note, which its own sheet raises as <sup> does: DPUB-ARIA's role (Pandoc's,
#: Ghost's and many publishing tools' footnotes) and Substack's class (`<a class="footnote-anchor" href="#footnote-1"
#: id="footnote-anchor-1">1</a>`, glued to the word or figure before it, with no <sup>). A post saved "HTML only" or
#: fetched with curl holds no sheet, and "1,200<a class=footnote-anchor …>1</a>" was the number 1,2001, listed as not
#: read, where the reader sees 1,200 and a note's mark.
_NOTE_ROLE = "doc-noteref"
_NOTE_CLASS = "footnote-anchor"
#: EPUB 3's own mark of a note's reference (`epub:type="noteref"`, the structural semantics vocabulary), which a
#: reading system's sheet raises; it is often the only one: Standard Ebooks writes `<a href="endnotes.xhtml#note-1"
#: id="noteref-1" epub:type="noteref">1</a>`, its note in the book's notes file, not on the same page. A chapter
#: scanned as .xhtml or .html read "922<a epub:type="noteref" …>2</a>" as the figure 9222, not in the record.
_NOTE_EPUB_TYPE = "noteref"
#: … and the link back from a note to its reference, which opens the note with its number: LibreOffice's "Save as
#: HTML" writes `<a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>922 crimes …`
#: (sw/source/filter/html/htmlftn.cxx: no <sup>, the note's text glued on), read as the year 1922 and "256 per cent"
#: where the reader sees note 1's 922 and note 2's 56 per cent. DPUB-ARIA's and EPUB's back-link, placed first by
#: some tools, are the same mark.
_BACKLINK_ROLE = "doc-backlink"
_BACKLINK_EPUB_TYPE = "backlink"
_BACKLINK_CLASSES = frozenset(f"{name}{script}" for name in ("sdfootnotesym", "sdendnotesym")
                              for script in ("", "-western", "-cjk", "-ctl"))


def _note_reference(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a link is a note's mark: a reference by `_NOTE_ROLE` or `_NOTE_CLASS` to a note on the same page, or
    by `_NOTE_EPUB_TYPE` to a note in the same book (a fragment of this file or another); or a note's link back to
    its reference (`_BACKLINK_ROLE`, `_BACKLINK_EPUB_TYPE`, `_BACKLINK_CLASSES`)."""
    values = _attributes(attrs)
    href = values.get("href", "").strip(ASCII_SPACE)
    classes = values.get("class", "").lower().split()
    roles = values.get("role", "").lower().split()
    epub_types = values.get("epub:type", "").lower().split()
    return ((href.startswith("#") and (_NOTE_ROLE in roles or _NOTE_CLASS in classes or _BACKLINK_ROLE in roles
                                       or not _BACKLINK_CLASSES.isdisjoint(classes)))
            or ("#" in href and (_NOTE_EPUB_TYPE in epub_types or _BACKLINK_EPUB_TYPE in epub_types)))


def _raised(attrs: list[tuple[str, str | None]]) -> str | None:
    """"sup" or "sub" for an element whose inline style raises or lowers its text as <sup> or <sub> does
    (`vertical-align: super` or `sub`), else None: read as those are, for a footnote's mark. Text pasted from Google
    Docs into a CMS carries its superscripts so ("1,200<span style="vertical-align:super">1</span>"), and scan read
    the number "1,2001", listed as not read."""
    style = next((value for name, value in attrs if name == "style"), None)
    return _raised_by(style) if style else None


@functools.lru_cache(maxsize=1024)
def _raised_by(style: str) -> str | None:
    """`_raised` for one inline style, parsed once (a pasted document repeats the same few styles on every span)."""
    if "vertical" not in style.lower() and "\\" not in style:  # (most styles set no alignment)
        return None
    return {"super": "sup", "sub": "sub"}.get(inline_declarations(style)[0].get("vertical-align") or "")


def _visibility(tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet = NO_SHEET) -> bool | None:
    """Whether an element's inline style makes it visible (True), invisible (False) or leaves what it inherits
    (None). Unlike display:none, `visibility: hidden` is undone by a child's `visibility: visible`, which Chromium
    shows: a figure in such a child was not read. Of the sheet's rules naming the element, one making it visible
    wins, whatever their order and specificity (`p{visibility:hidden} .w{visibility:visible}` shows a p.w), and
    one making it visible `!important` wins over later rules and the inline style. (Not the page's root or body:
    `_PAGE_ROOTS`.)"""
    if tag in _PAGE_ROOTS:
        return None
    values = _attributes(attrs)
    style, strong = inline_declarations(values["style"]) if "style" in values else ({}, set())
    declared = style.get("visibility")
    value = visibility_of(declared) if declared else None  # (None too for one that leaves what it inherits)
    if not sheet.visibility or (declared and "visibility" in strong):
        return value  # (an inline !important beats every rule of the sheet)
    keys = sheet.keys(tag, values)
    if any(k in sheet.visible for k in keys):
        return True  # an !important rule beats the inline style
    if any(k in sheet.invisible for k in keys):
        return False  # ... as an !important rule hiding it does, unless one showing it is !important too
    if declared:
        return value  # the inline style beats the sheet's other rules, also when it leaves what it inherits
    found = [sheet.visibility[k] for k in keys if k in sheet.visibility]
    return any(found) if found else None


#: Where a table may hold only its own parts (`_TABLE_PARTS`): text or any other element there is put before the
#: table by HTML's tree builder ("foster parenting"), outside whatever hides the table. `<table hidden>Recorded
#: 4,004 cases.<tr>…` shows the figure in Chromium; scan dropped it with the table. (A column group holds only
#: columns: text or another element there leaves it, and is put before the table too.)
_TABLE_MODES = frozenset({"table", "tbody", "thead", "tfoot", "tr", "colgroup"})
#: The parts that end what was put before the table (HTML "clears the stack back to a table context"), and
#: `<table>` itself, which there ends the open table and starts a new one beside it: `<table hidden><table>1,200`
#: and `<table hidden><div><table>…1,200` show the figure in Chromium; scan nested it in the hidden table.
_TABLE_CONTEXT = frozenset({"caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "table"})
#: ... and the elements a table holds where they stand, never put before it. A <form> there is closed as soon as
#: it opens (HTML inserts and pops it), so what follows is the table's: `<table hidden><form>1,200` shows it.
_TABLE_PARTS = _TABLE_CONTEXT | {"script", "style", "template", "input", "form"}


#: ... a table's parts look only as far as the innermost table.
_TABLE_ELEMENTS = frozenset({"table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th"})
#: HTML's special elements: the end tag of an element that is neither one of these nor a formatting element
#: (`</span>`, `</label>`) is ignored when one of them is open inside it (`<span><div>x</span>1,200` keeps the
#: figure in the span and the div).
_SPECIAL = frozenset("""address applet area article aside base basefont bgsound blockquote body br button caption
    center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3
    h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed
    noframes noscript object ol p param plaintext pre script search section select source style summary table tbody
    td template textarea tfoot th thead title tr track ul wbr xmp""".split())
_FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt",
                         "u"})


#: Elements whose line ends readers see as line ends (the browser's own sheet gives them `white-space: pre`); in
#: any other a line end in the source is a space. A paragraph hard-wrapped in the page's source (`<p>Police
#: recorded 1,200\ncases of …</p>`, one line in Chromium) was split at each line end: the figure's sentence
#: was "Police recorded 1,200", its subject not guessed, and the record's "printed alike" warnings were lost.
_PREFORMATTED = ("pre", "listing", "textarea", "plaintext", "xmp")
#: A line end in the source but for a blank line: a page is seldom written with a blank line inside a sentence,
#: and Markdown or plain text holding a tag (`<br>`, `<sup>`, `<details>`), read as HTML, separates its paragraphs
#: with one. Read as a space, a Markdown article with one <sup> was one paragraph.
_SOURCE_LINE_END = re.compile(r"(?<![\n \t])[ \t]*+\n(?![ \t]*+\n)")


#: The end tags that close their element through any special one open inside it: the special and formatting
#: elements' own, and </dialog>, which HTML closes as it closes a </div> though a dialog is not special:
#: `<dialog><button></dialog>1,200` shows the figure in Chromium; scan ignored the </dialog> and hid the rest.
_ENDS_THROUGH = _SPECIAL | _FORMATTING | {"dialog"}


#: The <input> types that show their value as text in the box (a button's its label; with no value, a text box
#: shows its placeholder). innerText leaves them out, and so did scan, though readers see them:
#: `<input readonly value="Police recorded 1,200 cases" style="border:0">` reads as a line of the article.
_TEXT_INPUTS = frozenset({"", "text", "search", "email", "tel", "url", "number", "submit", "button", "reset"})


def _input_text(values: dict[str, str]) -> str:
    """What an <input> shows as text: its value, else its placeholder (a text box's), else nothing."""
    kind = values.get("type", "").strip().lower()
    if kind not in _TEXT_INPUTS and kind in _KNOWN_INPUTS:
        return ""  # hidden, password (masked), a box, a date picker, …: no text of the article
    return values.get("value") or (values.get("placeholder", "") if kind not in ("submit", "button", "reset") else "")


#: Every other type HTML knows; an unknown type is a text box.
_KNOWN_INPUTS = frozenset({"hidden", "password", "checkbox", "radio", "file", "image", "color", "date",
                           "datetime-local", "month", "week", "time", "range"})


#: What HTML keeps in a <head> ("in head" insertion mode): any other element, or text other than white space, ends
#: the head (its end tag may be left out), and is the body's. `<head><title>t</title>Police recorded 1,023 cases.`
#: and `<head><meta charset=utf-8><b>1,102</b>` show the figures in Chromium; scan hid them in the head up to the
#: first block.
_HEAD_CONTENT = frozenset({"base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style",
                           "script", "template", "head"})


#: Where a table's cell starts and ends: a row is one line to readers (Chromium's innerText puts a tab between
#: cells). Read as a paragraph each, "Child sexual exploitation offences recorded by police" and "1,582" were two
#: sentences: the figure's sentence was "1,582", its subject not guessed and the record's warnings lost. Between
#: two cells' text it is read as " | " (`_cell_gaps`), never a bare space: cells "12" and "345" are not 12 345.
#: A tab between words in a <pre> or in plain text is such a gap too (a column of a table set with tabs): read
#: as a space, "2016\t12\t345" was the number 12 345, not read.
_CELL_EDGE = "\x1f"
#: Spaces between two digits where the text keeps its spaces (plain text, a <pre>): a gap between columns, as a
#: PDF's text laid out (`pdftotext -layout`) or a table set with spaces prints them. A number's digit groups are
#: never more than one space apart: read as one space, "Metropolitan     12     345" was the number 12 345, not
#: read, where a reader sees the columns 12 and 345.
#: Any space counts, not only the ASCII one: columns aligned with no-break, figure (made to align digits), em or
#: ideographic spaces ("Metropolitan\u2007\u2007\u2007\u200712\u2007\u2007\u2007\u2007345") were made ASCII spaces by
#: NFKC only after this rule, then one space, and the columns 12 and 345 were reported as one number with spaces
#: between its digit groups.
_SPACES = "\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # Unicode's space separators (Zs)
_COLUMN_GAP = re.compile(rf"(?<=\d)[{_SPACES}]{{2,}}(?=\d)")
#: Outside a <pre>, a page's run of ASCII spaces is shown as one, but a no-break or other space is shown as it is:
#: between two digits, two such spaces, or one beside an ASCII space ("12&nbsp;&nbsp;345"), are the same gap
#: between columns to a reader. Possessive, so a long run of spaces is read once.
_NBSP = _SPACES.removeprefix("\u0020")
_SHOWN_GAP = re.compile(rf"(?<=\d)(?=[ ]*+[{_NBSP}])(?:[{_NBSP}]|[ ]++){{2,}}+(?=\d)")


#: A list's mark and the tab after it at a line's start, as a word processor's numbered or bulleted list is copied
#: as text ("1.<tab>Police recorded …"): read as a gap between cells, the mark was a cell of its own, and its number
#: the count 1, 2, 3 ….
_LIST_TAB = re.compile(r"^([ ]{0,3}(?:\d{1,2}[.)]|\(\d{1,2}\)|\([a-z]{1,4}\)|[a-z]{1,4}[.)]|[•◦▪‣*-]))\t+",
                       re.MULTILINE)


def _column_gaps(text: str) -> str:
    """Text whose spaces are kept as written, with each tab (but one after a list's mark, `_LIST_TAB`) and each run
    of spaces between two digits (`_COLUMN_GAP`) a gap between columns (`_CELL_EDGE`), but inside personal data."""
    text = _LIST_TAB.sub(r"\1 ", text).replace("\t", _CELL_EDGE)
    return _gap_edges(text, _COLUMN_GAP) if "  " in text or not text.isascii() else text


def _gap_edges(text: str, gap_pattern: re.Pattern[str]) -> str:
    """`text` with each gap `gap_pattern` finds written as a gap between columns (`_CELL_EDGE`), but inside personal
    data (`_personal_spans`)."""
    gaps = list(gap_pattern.finditer(text))
    if not gaps:
        return text
    spans = sorted(_personal_spans(text, gaps))
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))  # the furthest end of the spans so far
    pieces: list[str] = []
    at = 0
    for gap in gaps:
        last = bisect.bisect_right(starts, gap.start()) - 1  # the spans starting at or before the gap
        if last < 0 or reach[last] < gap.end():
            pieces += (text[at:gap.start()], _CELL_EDGE)
            at = gap.end()
    return "".join(pieces) + text[at:]


#: How far either side of a gap a phone or NHS number that holds it can reach (the longest, "+44 (0) 20 7946 0000"
#: with three spaces at each separator, is under 40 characters).
_PERSONAL_REACH = 48


def _personal_spans(text: str, gaps: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Where the record's personal-data check finds a phone or NHS number around `gaps` in `text` (read one
    character for one, as scan's personal kinds read it): spaces inside one part no columns. Read as a gap between
    columns, "Call 020  7946  0000" (two spaces, or two no-break spaces, between its groups) gave the figure 7946
    and echoed its other groups in not-read lines. Searched only near the gaps, each
    stretch once, so a long text with a few columns costs no more than those lines."""
    stretches: list[list[int]] = []
    for gap in gaps:
        start, end = max(0, gap.start() - _PERSONAL_REACH), gap.end() + _PERSONAL_REACH
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    spans = []
    for start, end in stretches:
        reading = personal_reading(same_length_reading(text[start:end]))
        spans += [(start + m.start(), start + m.end()) for label in ("a phone number", "an NHS number")
                  for m in PATTERNS[label].finditer(reading)
                  if label != "an NHS number" or nhs_check_digit_holds(m.group())]
    return spans


#: A line end between two digits (or a bracket and a digit), as a contact line wrapped in a PDF's copied text or an
#: e-mail breaks a phone number, with up to two spaces before it (a Markdown line break) or the hyphen it broke at
#: ("020-<br>7946-0000" on a page converted from a PDF): "\n" first, so the search skips to each line end.
_DIGIT_LINE_END = re.compile(r"\n(?:(?<=[0-9)]\n)|(?<=[0-9)] \n)|(?<=[0-9)]  \n)|(?<=[0-9][-\u2010-\u2013\u2212]\n))"
                             r"(?=[ \t]*[0-9(])")


def _wrapped_personal_data(text: str) -> str:
    """The text with each line end inside a phone or NHS number (`_personal_spans`) read as the space the record's
    check reads it as. Read as a line's end, "call 020\n7946 0000" gave the figure 7946 and echoed "020" and "0000"
    in not-read lines, and "943 476\n5919" the figure 5919 and "943 476". Any other line end is kept: "1,200\n1,500"
    is two rows of a table. A page's line ends are its <br> and <pre> lines: a contact line of a page converted
    from a PDF or a Word file, "020<br>7946 0000", gave the same figure and echoes."""
    ends = list(_DIGIT_LINE_END.finditer(text))
    spans = _personal_spans(text, ends) if ends else []
    if not spans:
        return text
    spans.sort()
    starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((stop for _, stop in spans), max))  # the furthest end of the spans so far
    chars = list(text)
    for end in ends:
        last = bisect.bisect_left(starts, end.start()) - 1  # the spans starting before the line end
        if last >= 0 and reach[last] > end.start():
            chars[end.start()] = " "
    return "".join(chars)


_GAP_RUN = re.compile(r"[ \t\x1f]++")
#: Where a <br> breaks a line (`_line_breaks`).
_LINE_BREAK = "\x1e"
#: The edge of an atomic inline box (`scan_css.box`): a line break (`_LINE_BREAK`), except where it falls inside a
#: number (`_NUMBER_ACROSS_EDGE`), which the browser draws whole on one line. A PDF converted to HTML by pdf2htmlEX
#: sets every run in a `display:inline-block` span, and a kerning shift as an empty one, so "12<span>%</span>" was
#: the count 12 and "1,<span></span>111" the figures 1 and 111, where a reader sees 12% and 1,111.
_ATOMIC_EDGE = "\x1d"
_NUMBER_ACROSS_EDGE = re.compile(r"(?<=\d)\x1d+(?=[\d%]|[,.]\d)|(?<=\d[,.])\x1d+(?=\d)|(?<=[£$€])\x1d+(?=\d)")
#: A <br> inside a sentence: before a lower-case word, or after a lower-case word or a comma and before a figure
#: (the `_SOFT_WRAP` of a page: a CMS's "shift+enter" line in a paragraph). Read as a paragraph end, "Police
#: recorded child sexual exploitation offences<br>numbering 1,582" gave the sentence "numbering 1,582", its
#: subject not guessed and the record's warnings lost.
#: A line that opens a list's item or a thread's post with its number ("1. The Met…", "2) …", "1/ …",
#: "3. https://…"): never the rest of the sentence on the line before, unless that line was wrapped at a width.
_LIST_ITEM = r"\d{1,2}[.)/][ \t]+(?:[A-Z\"'‘“(]|https?://|www\.)"
_BR_WRAP = re.compile(r"(?<=\S)[ \t]*\x1e[ \t]*(?=[a-z])|(?<=[a-z,])[ \t]*\x1e[ \t]*(?=[0-9£$€])"
                      # (not before a list's item: "Notes to editors<br>1. The Met…" was the count 1)
                      r"(?!" + _LIST_ITEM + ")")


def _line_breaks(text: str) -> str:
    """The page's text with each <br> (`_LINE_BREAK`) read as a space inside a sentence (`_BR_WRAP`), else as a
    line's end."""
    return _BR_WRAP.sub(" ", text).replace(_LINE_BREAK, "\n") if _LINE_BREAK in text else text


def _block_break(tag: str) -> str:
    """What a block's start or end puts in the text: a cell's edge, a <br>'s line break, or a paragraph's end."""
    return _CELL_EDGE if tag in _CELLS else _LINE_BREAK if tag == "br" else "\n\n"


def _cell_gaps(text: str) -> str:
    """The text with each gap between two cells of a row (`_CELL_EDGE`, with any space around it) read as " | "
    where there is text on both sides on the line, else as a space."""
    def gap(m: re.Match[str]) -> str:
        inside = 0 < m.start() and m.end() < len(text) and "\n" not in (text[m.start() - 1], text[m.end()])
        return " | " if inside and _CELL_EDGE in m.group() else m.group().replace(_CELL_EDGE, " ")
    return _GAP_RUN.sub(gap, text) if _CELL_EDGE in text else text


#: A host's children that do what they do whether a slot takes them or not: a script runs, a void element holds no
#: text to hide.
_UNSLOTTED_RUN = _VOID | {"script", "style", "link", "meta", "template"}


class _Slots:
    """The <slot>s of a declarative shadow root. Its host's children are shown only where a slot takes them: one
    whose `slot` attribute names a slot (the default slot, named "", takes any other child and the host's text); a
    child no slot takes is not rendered. Read, a component's light copy of its shadow root's text (for a browser
    without shadow roots) was read twice, and text Chromium never shows was read."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def take(self, name: str) -> None:
        self.names.add(name)

    def takes(self, slot: str) -> bool:
        return slot in self.names


#: How deep in one another shadow roots' own sheets are read (`_ShadowSheets`); deeper, only the browser's own.
_DEEPEST_SHADOW_SHEET = 3
_TEMPLATE_TAG = re.compile(r"<(/?)template(?=[\t\n\f\r />])", re.IGNORECASE)
_STYLE_START = re.compile(r"<style(?=[\t\n\f\r />])", re.IGNORECASE)
#: A declarative shadow root's <template> as an element's first child (`_ShadowSheets.hosts_root`), looked for within
#: `_ROOT_WINDOW` characters of the element's start tag.
_ROOT_FIRST = re.compile(r"[\t\n\f\r ]*<template(?=[\t\n\f\r />])[^<>]*?[\t\n\f\r /]shadowrootmode[\t\n\f\r ]*=",
                         re.IGNORECASE)
_ROOT_WINDOW = 400


class _ShadowSheets:
    """The sheet of a declarative shadow root's own <style> blocks, which apply inside it only (the page's do not
    reach in: `_TextParser._shadows`). Read with none, `<template shadowrootmode=open><style>.x{display:none}
    </style><p class=x>Draft 9,999` showed a figure Chromium hides. Each template's end is found once for the page
    (one pass), and a root's content is read for a sheet only when it holds a <style> (looked up, not searched),
    and only `_DEEPEST_SHADOW_SHEET` roots deep: the cost stays linear however deep roots nest."""

    def __init__(self, markup: str, policy: StylePolicy | None = None) -> None:
        self._markup = markup
        self._policy = policy  # the page's (`StylePolicy`): it holds in its shadow roots too
        self._lines: list[int] | None = None  # where each line starts (HTMLParser gives a line and a column)
        self._ends: dict[int, int] | None = None  # each <template>'s start -> where its content ends
        self._styles: list[int] = []

    def _index(self) -> None:
        markup = self._markup
        self._lines = [0, *(m.end() for m in re.finditer("\n", markup))]
        self._ends, opened = {}, []
        for m in _TEMPLATE_TAG.finditer(markup):
            if not m.group(1):
                opened.append(m.start())
            elif opened:
                self._ends[opened.pop()] = m.start()
        self._styles = [m.start() for m in _STYLE_START.finditer(markup)]

    def hosts_root(self, position: tuple[int, int], tag_length: int) -> bool:
        """Whether the element whose start tag, `tag_length` long, starts at `position` holds a declarative shadow
        root as its first child (white space aside), which is read: looked at in a bounded window after the tag."""
        if self._lines is None:
            self._index()
        assert self._lines is not None
        end = self._lines[position[0] - 1] + position[1] + tag_length
        return _ROOT_FIRST.match(self._markup, end, end + _ROOT_WINDOW) is not None

    def sheet(self, position: tuple[int, int], tag_length: int, depth: int) -> Sheet:
        """The sheet of the shadow root whose <template> tag, `tag_length` long, starts at `position` (a line and a
        column: `HTMLParser.getpos`), `depth` roots deep."""
        if depth >= _DEEPEST_SHADOW_SHEET:
            return NO_SHEET
        if self._lines is None:
            self._index()
        assert self._lines is not None and self._ends is not None
        start = self._lines[position[0] - 1] + position[1]
        content, end = start + tag_length, self._ends.get(start, len(self._markup))
        first_style = bisect.bisect_left(self._styles, content)
        if first_style >= len(self._styles) or self._styles[first_style] >= end:
            return NO_SHEET
        return page_sheet(self._markup[content:end], self._policy and StylePolicy(self._policy.elements,
                                                                                 self._policy.attributes))


#: React's streamed server rendering (Next.js, Remix, React Router): a part of the page that is ready late (with a
#: `loading` page, the whole article) is sent at the page's end in an element hidden by its own attributes
#: (`<div hidden id="S:0">`; a table, an <svg> or a <math> hidden alike), which a script of the page's own moves into
#: place as it loads: `$RC("B:0","S:0")` or `$RR(…)` for a boundary, `$RS("S:1","P:1")` for a segment, or, with
#: React's external runtime, a `<template data-rci="" data-bid="B:0" data-sid="S:0">`. Read as hidden, such a page
#: fetched with curl or saved as "HTML only" gave "no figures found", exit 0, where Chromium shows the article.
#: Each element a call names is read where it stands, its own `hidden` and `style` left aside (`_streamed_ids`).
_STREAMED = re.compile(r'\$R[CR]\("[^"<>]{1,64}","([^"<>]{1,64})"|\$RS\("([^"<>]{1,64})"'
                       r'|<template data-r[crs]i=""[^<>]{0,200}?\bdata-sid="([^"<>]{1,64})"')
#: The attributes by which React hides a streamed part (`_STREAMED`) until its script moves it into place.
_STREAM_HIDING = frozenset({"hidden", "style"})

#: A popover or dialog a button of the page opens for its reader with no script: `popovertarget` names a popover
#: (a footnote's or a source's box, "Source" or "i" its button), and an invoker command a popover or a dialog
#: (`commandfor` with `command="show-popover"`, `"toggle-popover"` or `"show-modal"`). As the browser opens a closed
#: <details> (`_hidden`), so it opens these: read as closed, the figure in such a box was left out without a word,
#: exit 0. One nothing opens but a script (a toast, a menu, a "hide" button's) stays unread, as before.
_INVOKER = re.compile(r"<[a-z][^<>]*?[\t\n\f\r /](?:popovertarget|commandfor)[\t\n\f\r ]*=[^<>]*>", re.IGNORECASE)
_INVOKER_ATTRIBUTE = re.compile(r"""[\t\n\f\r /](popovertarget|popovertargetaction|commandfor|command)[\t\n\f\r ]*="""
                                r"""[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r "'>]+))""", re.IGNORECASE)
_OPENING_COMMANDS = frozenset({"show-popover", "toggle-popover", "show-modal"})


def _opened_ids(markup: str, lowered: str) -> frozenset[str]:
    """The ids of the popovers and dialogs a button of the page opens (`_INVOKER`), as written; none unless a tag
    names one (`lowered`: the markup lower-cased, looked in first)."""
    if "popovertarget" not in lowered and "commandfor" not in lowered:
        return frozenset()
    opened = set()
    for tag in _INVOKER.finditer(markup):
        found = {m[1].lower(): next(v for v in m.groups()[1:] if v is not None)
                 for m in _INVOKER_ATTRIBUTE.finditer(tag.group())}
        target = found.get("popovertarget")
        if target and found.get("popovertargetaction", "").strip(ASCII_SPACE).lower() != "hide":
            opened.add(html.unescape(target))
        if found.get("commandfor") and found.get("command", "").strip(ASCII_SPACE).lower() in _OPENING_COMMANDS:
            opened.add(html.unescape(found["commandfor"]))
    return frozenset(opened)


def _streamed_ids(markup: str) -> frozenset[str]:
    """The ids of the parts a page's React runtime moves into view (`_STREAMED`), read from its scripts as written;
    none unless it calls one."""
    if "$R" not in markup and "<template data-r" not in markup:
        return frozenset()
    return frozenset(next(filter(None, m.groups())) for m in _STREAMED.finditer(markup))


class _TextParser(HTMLParser):
    """Collects the visible text, with a blank line where a block element starts or ends.

    It keeps a stack of open elements, so a missing </head>, an unclosed <svg> or a stray end tag never hides the
    rest of the page: an end tag closes everything opened since its start tag, and body content closes the head.
    A new <p> or block closes an open <p> (and a new <li> an open <li>), as HTML5 does, so `<p hidden>…<p>text`
    hides only the first paragraph. Where each tag sits in the stack is indexed (`_at`), so every tag costs the
    same however deep the nesting: 100,000 nested <div>s took minutes when each tag searched the whole stack.
    """

    def __init__(self, sheet: Sheet = NO_SHEET, frames: int = 0, shadow_roots: _ShadowSheets | None = None,
                 streamed: frozenset[str] = frozenset(), unread: list[str] | None = None,
                 policy: StylePolicy | None = None, placeholders: bool = False, drawn: list[str] | None = None,
                 chart_holders: bool = False, opened: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.drawn = [] if drawn is None else drawn  # what names each chart a script draws (`drawn_chart`)
        self.redirects: list[str] = []  # where the page's <meta> refresh sends its reader (`refresh_address`)
        self.struck: list[str] = []  # the text of each struck-through element shown (`_STRUCK`)
        self._struck_at: int | None = None  # the depth of the outermost open struck element
        self._struck_text: list[str] = []  # its text so far
        self._chart_holders = chart_holders  # whether the page may hold one's element (`CHART_HOLDER_MARKS`)
        # In a <script>: whether it is a module script or import map the page runs, whose imports are looked at
        # (its text here is only a charting library's addresses, `_read_tag`); None outside one.
        self._imports: bool | None = None
        self._policy = policy  # the page's style policy (`StylePolicy`), which its frames keep
        self._no_style_attributes = policy is not None and not policy.allows_attributes()
        self.unread = [] if unread is None else unread  # each shown frame's address not fetched (`unread_frame`)
        self._placeholders = placeholders  # whether the page may hold a service's placeholder (`PLACEHOLDER_MARKS`)
        self._tableau: tuple[int, dict[str, str]] | None = None  # Tableau's open <object>: its depth, its <param>s
        self._holders: list[int] = []  # the depth of each open placeholder listed (`placeholder_frame`)
        self._sheet = sheet
        self._streamed = streamed  # the ids of the parts the page's script moves into view (`_STREAMED`)
        self._opened = opened  # the ids of the popovers and dialogs a button of the page opens (`_INVOKER`)
        self._counted: int | None = None  # the depth of the open counter whose own text is not read
        self._shadow_roots = shadow_roots or _ShadowSheets("")
        self._shadow_sheets: list[Sheet] = []  # the sheet of each open shadow root (`_ShadowSheets`)
        self._frames = frames  # how many documents this one is embedded in (`embedded_document`)
        self.parts: list[str] = []
        self._open: list[str] = []
        self._at: dict[str, list[int]] = {}  # tag -> its depths in `_open`, innermost last
        self._hidden_at: int | None = None  # stack depth of the outermost skipped element
        self._visibility: list[tuple[int, bool]] = []  # (depth, visible) of each open element that sets visibility
        self._marks: list[tuple[int, int]] = []  # where each open <sup>/<sub>'s text starts: (part, character)
        self._chars = 0  # characters in `parts`: a mark longer than a footnote's is never joined to be looked at
        self._numerator: tuple[int, str] | None = None  # the last number dropped from a <sup>: where, and its text
        self._raised: list[tuple[int, str]] = []  # depth of each open element raised or lowered as <sup>/<sub> is
        # Depth of each open declarative shadow root: the page's sheet does not reach inside one (Chromium showed
        # `<p class=x>` there under the page's `.x{display:none}`, and scan dropped it); the browser's own does.
        self._shadows: list[int] = []
        # The slots of each open shadow root (`_Slots`), and of each open host whose root has ended: a host's child
        # no slot takes is not shown (`_unslotted`).
        self._slots: list[_Slots] = []
        self._hosts: list[tuple[int, _Slots]] = []
        # Each open element put before its table (`_TABLE_MODES`): its depth and what hid the table's content.
        self._foster: list[tuple[int, int | None]] = []
        self._bounds: list[int] = []  # depth of each open element that bounds an end tag's scope (`_SCOPE_BOUNDS`)
        self._special: list[int] = []  # depth of each open special element (`_SPECIAL`)
        # Each open element that changes the direction its text is drawn in (`_override`): depth, first part.
        self._reversed: list[tuple[int, int]] = []
        self._directions: list[tuple[int, str]] = []  # depth and direction of each open element that sets one
        # Each open element whose box the page's display changed (`_page_box`): its depth, and whether it is now a
        # block (a line of its own) or a block now inline (no paragraph); and the depth of each open flex or grid.
        self._boxes: list[tuple[int, str | None]] = []  # (the edge its ends put in the text, None for no edge)
        self._item_parents: list[int] = []

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self._chars += len(text)

    def close(self) -> None:
        super().close()
        self._close_to(0)  # an element left open to the end is ended there (its text drawn reversed, if it is)

    def _close_to(self, depth: int) -> None:
        while self._reversed and self._reversed[-1][0] >= depth:
            start = self._reversed.pop()[1]
            self.parts[start:] = [shown_reversed("".join(self.parts[start:]))]
            self._marks = [mark for mark in self._marks if mark[0] <= start]
        while self._directions and self._directions[-1][0] >= depth:
            self._directions.pop()
        self._drop_raised(depth)
        if self._counted is not None and self._counted >= depth:
            self._counted = None
        for tag in self._open[depth:]:
            self._at[tag].pop()
        del self._open[depth:]
        if self._struck_at is not None and self._struck_at >= depth:
            self._end_struck()
        while self._visibility and self._visibility[-1][0] >= depth:
            self._visibility.pop()
        self._close_shadows(depth)
        while self._foster and self._foster[-1][0] >= depth:
            self._hidden_at = self._foster.pop()[1]
        while self._bounds and self._bounds[-1] >= depth:
            self._bounds.pop()
        while self._special and self._special[-1] >= depth:
            self._special.pop()
        while self._holders and self._holders[-1] >= depth:
            self._holders.pop()
        self._close_boxes(depth)
        if self._hidden_at is not None and self._hidden_at >= len(self._open):
            self._hidden_at = None

    def _end_struck(self) -> None:
        """The outermost struck element has ended: its text, as one passage, is listed (`_STRUCK`)."""
        passage = " ".join("".join(self._struck_text).split())
        if passage:
            self.struck.append(passage)
        self._struck_at, self._struck_text = None, []

    def _open_mark(self, tag: str, attrs: list[tuple[str, str | None]], depth: int, sheet: Sheet) -> None:
        """Note where the text of a <sup> or <sub>, or of an element raised or lowered as one (`_raised`, by the
        page's sheet: `Sheet.raised`; a note's reference: `_note_reference`), starts."""
        raised = (None if tag in _MARK_HOLDERS or tag in _VOID
                  else "sup" if tag == "a" and _note_reference(attrs) else _raised(attrs))
        if raised is None and sheet.raised and tag not in _MARK_HOLDERS and tag not in _VOID:
            keys = sheet.keys(tag, _attributes(attrs))
            raised = next((sheet.raised[k] for k in reversed(keys) if k in sheet.raised), None) or None
        if tag in _MARK_HOLDERS or raised:
            self._marks.append((len(self.parts), self._chars))
        if raised:
            self._raised.append((depth, raised))

    def _drop_raised(self, depth: int) -> None:
        """Forget the raised elements open from `depth`, ended with an element around them: no mark is read."""
        while self._raised and self._raised[-1][0] >= depth:
            self._raised.pop()
            if self._marks:
                self._marks.pop()

    def _end_mark(self, tag: str, start: int, chars: int) -> None:
        """At the end of a <sup> or <sub> whose text starts at `parts[start]` (`chars` characters in): a power of
        ten's exponent written "^6" (`_POWER_BASE`), a raised scale kept on its amount (`_RAISED_SCALE`), a footnote
        mark removed (`_FOOTNOTE_MARK`), else kept."""
        if self._chars - chars > _LONGEST_MARK:
            return
        mark, before = "".join(self.parts[start:]), "".join(self.parts[max(0, start - 3):start])
        if tag == "sup" and _EXPONENT.fullmatch(mark) and _POWER_BASE.search(before):
            self.parts[start:] = ["^" + mark.strip().replace("\u2212", "-")]
            self._chars = chars + len(self.parts[-1])
        elif tag == "sup" and _RAISED_SCALE.fullmatch(mark) and _AMOUNT_END.search(before):
            self.parts[start:] = [mark.strip()]
            self._chars = chars + len(self.parts[-1])
        elif tag == "sub" and self._numerator is not None and self._denominator(start, mark):
            at, numerator = self._numerator
            spaced = " " if _AMOUNT_END.search("".join(self.parts[max(0, at - 3):at])) else ""
            written = "".join(self.parts[at:])
            # the fraction as it is shown, close up: "1⁄5", "1,200 1⁄2"
            self.parts[at:] = [spaced + numerator + written.strip().replace(" ", "")]
            self._chars += len(self.parts[at]) - len(written)
            self._marks = [mark for mark in self._marks if mark[0] <= at]
            self._numerator = None
        elif _FOOTNOTE_MARK.fullmatch(mark):
            del self.parts[start:]
            self._chars = chars
            self._numerator = (start, mark.strip()) if tag == "sup" and mark.strip().isdecimal() else None

    def _denominator(self, start: int, mark: str) -> bool:
        """Whether a <sub> starting at `parts[start]` is a fraction's denominator: digits, after a fraction slash or
        "/" and nothing else since the number dropped from the last <sup> (`_numerator`). A page prints "1/5" so,
        "<sup>1</sup>&frasl;<sub>5</sub>"; both were dropped as footnote marks, and "about 1/5 of children" left no
        trace ("1,200<sup>1</sup>&frasl;<sub>2</sub>" was the count 1,200)."""
        at = self._numerator[0] if self._numerator is not None else len(self.parts)
        return (mark.strip().isdecimal() and at < start and not any(first > at for _, first in self._reversed)
                and "".join(self.parts[at:start]).strip() in _FRACTION_SLASHES)

    def _close_boxes(self, depth: int) -> None:
        """End the boxes the page's display gave the elements open from `depth` (`_open_box`)."""
        while self._item_parents and self._item_parents[-1] >= depth:
            self._item_parents.pop()
        while self._boxes and self._boxes[-1][0] >= depth:
            edge = self._boxes.pop()[1]
            if edge:
                self._box_edge(edge)

    def _box_edge(self, edge: str = _LINE_BREAK) -> None:
        """A box's edge (`_open_box`): a line break, as a <br> is (`_ATOMIC_EDGE` for an atomic inline box's), but
        one for the edges of boxes in a row with nothing but white space between them (a container's start and its
        first item's), as they collapse; a line break where they meet wins."""
        for at in range(len(self.parts) - 1, max(len(self.parts) - 5, -1), -1):
            part = self.parts[at]
            if part in (_LINE_BREAK, _ATOMIC_EDGE):
                if edge == _LINE_BREAK:
                    self.parts[at] = _LINE_BREAK
                return
            if part.strip(ASCII_SPACE):
                break
        self._emit(edge)

    def _innermost(self, tag: str) -> int:
        """The depth of the innermost open `tag`, or -1 when none is open."""
        depths = self._at.get(tag)
        return depths[-1] if depths else -1

    def _close_implied(self, tag: str) -> None:
        """Close what this start tag ends: the head for body content, an open <p> for a block
        (unless a table cell or the like stands between)."""
        depths = self._at.get("head")
        if depths:
            self._close_to(depths[0])
        if tag in _HEADINGS and self._open and self._open[-1] in _HEADINGS:
            self._close_to(len(self._open) - 1)  # a heading just opened ends at the next heading
        p_at = self._innermost("p")
        if p_at >= 0 and tag in _CLOSES_P and all(self._innermost(b) < p_at for b in _P_SCOPE):
            self._close_to(p_at)

    def _foreign_root(self) -> int:
        """The depth of the outermost <svg> or <math> whose content the parser reads as SVG or MathML here (inside
        no HTML integration point: `_INTEGRATION`), or -1 where it reads HTML."""
        point = max((self._innermost(name) for name, root in _INTEGRATION.items() if self._nearest_root(name) == root),
                    default=-1)
        roots = [depths[at] for depths in (self._at.get(name, []) for name in _FOREIGN)
                 for at in (bisect.bisect_right(depths, point),) if at < len(depths)]  # (depths grow: no scan)
        return min(roots, default=-1)

    def _nearest_root(self, name: str) -> str:
        """Whether the innermost open `name` sits in an <svg> or a <math> (the nearer one), or "" in neither."""
        at = self._innermost(name)
        svg, math = self._innermost("svg"), self._innermost("math")
        return "" if at < 0 or max(svg, math) > at or max(svg, math) < 0 else "svg" if svg > math else "math"

    def _break_out(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Close the SVG or MathML that an HTML start tag ends (`_BREAKOUT`)."""
        if tag in _BREAKOUT or (tag == "font" and any(k.lower() in ("color", "face", "size") for k, _ in attrs)):
            root = self._foreign_root()
            if root >= 0:
                self._close_to(root)

    def _close_omitted_end(self, tag: str) -> None:
        """Close the element(s) whose end tag this start tag implies (`_IMPLIED_END`: a new cell, row, list item,
        definition, option or ruby text closes the open one)."""
        closes, scope = _IMPLIED_END[tag]
        bound = max(self._innermost(b) for b in scope)
        open_at = [d for d in (self._innermost(name) for name in closes) if d > bound]
        if open_at:
            self._close_to(min(open_at))

    def _open_break(self, tag: str, attrs: list[tuple[str, str | None]], inline: bool = False) -> None:
        """Where a start tag breaks the text (a block, a line of SVG or MathML; not a block the page made `inline`),
        and what it ends (`_break_out`, and in HTML `_close_implied`)."""
        if tag in _FOREIGN_LINES or self._foreign(tag) == "math" or _new_chunk(tag, attrs, self._foreign(tag)):
            self._emit("\n\n")
        self._break_out(tag, attrs)
        if tag in _BLOCKS or tag == "body":
            depth = len(self._open)
            if self._foreign_root() < 0:
                self._close_implied(tag)
            if not inline or len(self._open) < depth:  # (a block it ended still ends its paragraph)
                self._emit(_block_break(tag))

    def _open_box(self, tag: str, kind: str | None, depth: int) -> None:
        """Note the box the page's display gives the element opening at `depth` (`_page_box`): a line of its own
        for an inline element made block-level or an item of a flex or grid container (which every item is), none
        for a block made inline (`_REBOXED_BLOCKS`). Read by their tags alone, two figures in `<span
        style="display:block">` (a page's "key figures" box) were one number, "1,5822,409", and a <div> made inline
        in a sentence split it from its figure."""
        item = bool(self._item_parents) and self._item_parents[-1] == depth - 1
        if tag not in _BLOCKS and tag not in _VOID and (item or kind in _BLOCK_BOXES):
            edge = _ATOMIC_EDGE if kind == "atomic" and not item else " " if kind == "placed" and not item \
                else _LINE_BREAK
            self._box_edge(edge)
            self._boxes.append((depth, edge))
        elif tag in _REBOXED_BLOCKS and kind in _INLINE_BOXES and not item:
            self._boxes.append((depth, None))
        if kind in _ITEM_BOXES:
            self._item_parents.append(depth)

    def _leave_head(self, tag: str = "", data: str = "") -> None:
        """End an open <head> where HTML ends it (`_HEAD_CONTENT`): at any element not of the head, or at text
        other than white space, directly in it."""
        if self._at.get("head") and self._open[-1] == "head" and (data.strip(ASCII_SPACE) if data
                                                                  else tag not in _HEAD_CONTENT):
            self._close_to(len(self._open) - 1)

    def _in_effect(self, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        """An element's attributes as they hold once the page has loaded: a streamed part's hiding ones left aside
        (`_STREAMED`), a popover or dialog a button opens read as open (`_INVOKER`), and its style attribute when
        the page's policy blocks them (`StylePolicy`)."""
        if self._streamed and _attributes(attrs).get("id") in self._streamed:
            attrs = [(key, value) for key, value in attrs if key.lower() not in _STREAM_HIDING]
        if self._opened and _attributes(attrs).get("id") in self._opened:
            attrs = [(key, value) for key, value in attrs if key.lower() not in ("popover", "open")] + [("open", "")]
        if self._no_style_attributes:
            attrs = [(key, value) for key, value in attrs if key.lower() != "style"]
        return attrs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attrs = self._in_effect(attrs)
        self._leave_head(tag)
        sheet = self._shadow_sheets[-1] if self._shadows else self._sheet
        kind = _page_box(tag, attrs, sheet) if not self._foreign(tag) else None
        self._open_break(tag, attrs, kind in _INLINE_BOXES and tag in _REBOXED_BLOCKS)
        if tag in _IMPLIED_END:
            self._close_omitted_end(tag)
        self._slot(tag, attrs)
        embedded = self._read_embedded(tag, attrs, sheet)
        if self._placeholders:
            self._read_kept_markup(tag, attrs, sheet)
        self._note_scripted_frame(tag, attrs, sheet)
        if tag == "input":
            self._read_input(attrs, sheet)
        if self._close_for_table(tag):
            return
        depth = len(self._open)
        if self._open and self._open[-1] in _TABLE_MODES and tag not in _TABLE_PARTS:
            hidden, seen = self._before_table()
            self._foster.append((depth, self._hidden_at))
            self._hidden_at = hidden
            self._visibility.append((depth, seen))
        if self._hidden_at is None and (embedded or _hidden(tag, attrs, sheet, self._foreign(tag, annotation=True))):
            self._hidden_at = depth  # (an <object> showing its document hides its fallback content)
        visible = _visibility(tag, attrs, sheet)
        if visible is not None:
            self._visibility.append((depth, visible))
        self._open_direction(tag, attrs, depth)
        self._open_mark(tag, attrs, depth, sheet)
        if tag == "template" and _shadow_root(tag, _attributes(attrs)):
            self._shadow_sheets.append(self._shadow_roots.sheet(self.getpos(), len(self.get_starttag_text() or ""),
                                                                len(self._shadows)))
            self._shadows.append(depth)
            self._slots.append(_Slots())
        if tag == _RUBY_TEXT:
            self._emit(" ")
        self._open_box(tag, kind, depth)
        self._push(tag)
        if tag in _STRUCK and self._struck_at is None and not self._foreign(tag):
            self._struck_at = depth
        if self._chart_holders and tag not in _VOID:
            self._read_counter(attrs, depth)

    def _read_counter(self, attrs: list[tuple[str, str | None]], depth: int) -> None:
        """The figure a counter shows once its script has counted (`counted_figure`), read where it stands, as its
        text is where it is shown, in place of the number it starts at (its text, then not read)."""
        figure = counted_figure(_attributes(attrs))
        if figure is not None:
            self.handle_data(figure if self._counted is None else "")
            self._counted = self._counted if self._counted is not None else depth

    def _open_direction(self, tag: str, attrs: list[tuple[str, str | None]], depth: int) -> None:
        """Note the direction the element sets (`_direction`), and where its text starts if it is drawn reversed:
        an override (`_override`) of the other direction than the one its text is drawn in, reversed when it ends,
        so an ltr run in an rtl one ("1,582 <bdo dir=ltr>2,409</bdo>", drawn "2,409 285,1") ends reversed once."""
        values = _attributes(attrs)
        style = inline_declarations(values["style"])[0] if "style" in values else {}
        inherited = self._directions[-1][1] if self._directions else "ltr"
        own = _direction(values, style)
        if own:
            self._directions.append((depth, own))
        if (len(self._reversed) < _DEEPEST_OVERRIDE
                and _override(tag, values, style, inherited) == ("ltr" if len(self._reversed) % 2 else "rtl")):
            self._reversed.append((depth, len(self.parts)))

    def _read_embedded(self, tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet) -> bool:
        """The text of a document the page embeds in its own markup (`embedded_document`), where the page shows
        its frame: as a paragraph of its own, read as the page is, with its own style sheet; past `DEEPEST_FRAME`
        frames in frames, its markup is read as text (its figures listed, never dropped; each level is read once,
        so the page stays linear). True when it was read. A shown frame whose document is elsewhere is noted in
        `unread` (`unread_frame`)."""
        if tag not in EMBEDDERS or self._hidden_at is not None or (self._visibility and not self._visibility[-1][1]):
            return False
        values = _attributes(attrs)
        document = embedded_document(tag, values)
        if document is None:
            address = unread_frame(tag, values)
            if address is not None and not _hidden(tag, attrs, sheet, self._foreign(tag), framed=True):
                self.unread.append(address)
            return False
        if _hidden(tag, attrs, sheet, self._foreign(tag), framed=True):
            return False
        text = (document if self._frames >= DEEPEST_FRAME
                else _html_text(document, self._frames + 1, unread=self.unread, outer=self._policy, drawn=self.drawn,
                                struck=self.struck))
        self._emit(f"\n\n{text}\n\n")
        return True

    def _read_kept_markup(self, tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet) -> None:
        """The embed code a shown site builder's placeholder keeps for its script to put there (`kept_markup`), read
        as a document the page holds is (`_read_embedded`): its frames and loaders listed, its text read."""
        if self._hidden_at is not None or (self._visibility and not self._visibility[-1][1]):
            return
        markup = kept_markup(_attributes(attrs))
        if markup is None or _hidden(tag, attrs, sheet, self._foreign(tag)):
            return
        text = (markup if self._frames >= DEEPEST_FRAME
                else _html_text(markup, self._frames + 1, unread=self.unread, outer=self._policy, drawn=self.drawn,
                                struck=self.struck))
        self._emit(f"\n\n{text}\n\n")

    def _note_scripted_frame(self, tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet) -> None:
        """Note a frame a service's script draws where the page shows it: by its loader (`_note_script_embed`) or
        its placeholder (`_note_placeholder`)."""
        if tag == "script" and not self._at.get("head"):
            self._note_script_embed(attrs)
        if self._placeholders:
            self._note_placeholder(tag, attrs, sheet)
        if tag == "script" or self._chart_holders:
            self._note_drawn_chart(tag, attrs, sheet)
        if tag == "meta" and not self._frames and not self._foreign(tag) and not self._at.get("template") \
                and not self._at.get("noscript"):
            address = refresh_address(_attributes(attrs))
            if address:
                self.redirects.append(address)

    def _note_drawn_chart(self, tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet) -> None:
        """Note a chart a charting library's script draws (`drawn_chart`) in `drawn`: its script wherever the page
        runs it (the head too: it draws in the body), its element where the page shows it: a canvas by its own
        visibility where it sets one (a canvas `visibility: visible` in a hidden element is drawn; one hidden is
        not), as text is."""
        values = _attributes(attrs)
        visible = not self._visibility or self._visibility[-1][1]
        own = _visibility(tag, attrs, sheet) if tag == "canvas" else None
        shown = self._hidden_at is None and (visible if own is None else own)
        if tag == "script":
            self._imports = (values.get("type", "").strip(ASCII_SPACE).lower() in MODULE_SCRIPTS
                             and (shown or bool(self._at.get("head"))) and "src" not in values)
        found = drawn_chart(tag, values, self._chart_holders)
        if found is None or (tag == DATAWRAPPER_HOST
                             and self._shadow_roots.hosts_root(self.getpos(), len(self.get_starttag_text() or ""))):
            return
        # A canvas is drawn where it stands, as a frame is: only its fallback content is never shown (`_SKIPPED`).
        drawn_here = shown and not _hidden(tag, attrs, sheet, framed=tag == "canvas")
        if (tag == "script" and (shown or self._at.get("head"))) or drawn_here:
            self.drawn.append(found)

    def _note_imported_chart(self, script: str) -> None:
        """Note a charting library a module script the page runs imports, or its import map maps, in `drawn`, as
        `_note_drawn_chart` notes one a <script> loads: its text here is only those addresses, one a line, as
        `_read_tag` keeps them (`IMPORTED`)."""
        self.drawn.extend(address for address in script.split() if chart_loader(address))

    def _note_script_embed(self, attrs: list[tuple[str, str | None]]) -> None:
        """Note the frame an embed loader draws where the page shows it (`script_embed`) in `unread`, unless it is in
        a placeholder listed by the frame's own address (`_holders`): one chart, listed once."""
        address = script_embed(_attributes(attrs))
        if address and not self._holders and self._hidden_at is None and (not self._visibility
                                                                          or self._visibility[-1][1]):
            self.unread.append(address)

    def _note_placeholder(self, tag: str, attrs: list[tuple[str, str | None]], sheet: Sheet) -> None:
        """Note the frame a service's script draws in a shown placeholder (`placeholder_frame`) in `unread`; and
        Tableau's older embed code, whose <object> is hidden until its script replaces it with the view's frame,
        where the element holding it is shown (`tableau_view`, from its <param>s)."""
        values = _attributes(attrs)
        shown = self._hidden_at is None and (not self._visibility or self._visibility[-1][1])
        if tag == "object":
            tableau = TABLEAU_OBJECT in values.get("class", "").lower().split()
            self._tableau = (len(self._open), {}) if tableau and shown else None
        elif (tag == "param" and self._tableau is not None and self._tableau[0] == len(self._open) - 1
              and self._open[-1] == "object"):
            name, params = values.get("name", "").strip(ASCII_SPACE).lower(), self._tableau[1]
            params.setdefault(name, values.get("value", ""))
            if name == "name" and params["name"].strip(ASCII_SPACE + "/"):
                self.unread.append(tableau_view(params))
                self._tableau = None
        address = placeholder_frame(tag, values)
        # A loader that names its frame (Shorthand's) is a script, never shown itself: it draws where it stands.
        if address and shown and (tag == "script" or not _hidden(tag, attrs, sheet, self._foreign(tag))):
            self.unread.append(address)
            if tag not in _VOID and tag != "script":
                self._holders.append(len(self._open))

    def _read_input(self, attrs: list[tuple[str, str | None]], sheet: Sheet) -> None:
        """The text an <input> shows in its box (`_input_text`), where it is shown, as a word of the line."""
        shown = self._hidden_at is None and (not self._visibility or self._visibility[-1][1])
        text = _input_text(_attributes(attrs)) if shown else ""
        if text and not _hidden("input", attrs, sheet, self._foreign("input")):
            self._emit(f" {text} ")

    def _foreign(self, tag: str, annotation: bool = False) -> str:
        """"svg" or "math" for an element of an inline SVG or MathML (not the HTML of a <foreignObject>), else "";
        with `annotation`, "annotated" for an annotation that a <semantics> holds (it shows its first child only;
        an annotation elsewhere is shown)."""
        if annotation and tag in _ANNOTATIONS and self._open and self._open[-1] == "semantics":
            return "annotated"
        svg, math = max(self._innermost("svg"), self._innermost("foreignobject")), self._innermost("math")
        if tag in _FOREIGN:
            return tag
        if max(svg, math) < 0 or (svg >= 0 and self._open[svg] == "foreignobject" and svg > math):
            return ""
        return "svg" if svg > math else "math"

    def _svg_draws_text(self) -> bool:
        """Whether text here is drawn: anywhere but in an <svg> outside its <text> and <foreignObject>."""
        svg, math = self._innermost("svg"), self._innermost("math")
        if 0 <= math < svg and not math < self._innermost("annotation-xml") < svg:
            return True  # a MathML element named svg: only in an annotation-xml is it SVG
        return svg < 0 or max(self._innermost(tag) for tag in (*_SVG_TEXT, *_TEXT_IN_FOREIGN)) > svg

    def _close_shadows(self, depth: int) -> None:
        """End the shadow roots open at `depth` or deeper, each host keeping its root's slots (`_Slots`) while it
        is open, and the hosts so deep."""
        while self._shadows and self._shadows[-1] >= depth:
            root = self._shadows.pop()
            self._shadow_sheets.pop()
            self._hosts.append((root - 1, self._slots.pop()))
        while self._hosts and self._hosts[-1][0] >= depth:
            self._hosts.pop()

    def _slot(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Hide an element that starts here as a host's child no slot takes (its frames, canvases and text with it),
        or note a <slot> of the open shadow root (not one in a plain <template> in it, which is inert)."""
        if self._hosts and self._hidden_at is None and tag not in _UNSLOTTED_RUN and self._unslotted(attrs):
            self._hidden_at = len(self._open)
        elif tag == "slot" and self._shadows and self._innermost("template") == self._shadows[-1]:
            self._slots[-1].take(_attributes(attrs).get("name", ""))

    def _unslotted(self, attrs: list[tuple[str, str | None]] | None = None) -> bool:
        """Whether what starts here (an element with `attrs`, else text) is a child of a shadow host that no slot of
        its shadow root takes (`_Slots`), so not shown."""
        depth, slots = self._hosts[-1]
        if depth != len(self._open) - 1:
            return False
        return not slots.takes(_attributes(attrs).get("slot", "") if attrs is not None else "")

    def _push(self, tag: str) -> None:
        """Open the element: on the stack, in the index of where each tag sits, and among the scope bounds and
        special elements (`_out_of_scope`)."""
        depth = len(self._open)
        for holds, stack in ((_SCOPE_BOUNDS, self._bounds), (_SPECIAL, self._special)):
            if tag in holds:
                stack.append(depth)
        self._at.setdefault(tag, []).append(depth)
        self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """HTML ignores "/>" on its own elements: `<p hidden/>` opens a hidden p, `<script src=x />` a script to
        its "</script>" (Chromium hides both; scan read what followed as shown). SVG and MathML honour it, but for
        a block, which ends them (`<svg><p/>1,200` shows the figure)."""
        if tag in _FOREIGN or (self._foreign_root() >= 0 and tag not in _BREAKOUT):
            if tag in _BLOCKS:
                self._emit("\n\n")
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._imports = None if tag == "script" else self._imports
        depth = self._innermost(tag)
        inline = False
        if depth >= 0 and not self._out_of_scope(tag, depth):
            inline = (depth, None) in self._boxes[-1:]
            if tag in _MARK_HOLDERS and self._marks:
                start, chars = self._marks.pop()
                self._end_mark(tag, start, chars)
            elif self._raised and self._raised[-1][0] == depth and self._marks:
                start, chars = self._marks.pop()
                self._end_mark(self._raised.pop()[1], start, chars)
            self._close_to(depth)
        if (tag in _BLOCKS or tag in _FOREIGN_LINES or self._foreign(tag) == "math") and not inline:
            self._emit(_block_break(tag))
        elif tag == _RUBY_TEXT:
            self._emit(" ")

    def _out_of_scope(self, tag: str, depth: int) -> bool:
        """Whether HTML ignores this end tag: its element (open at `depth`) is outside the tag's scope
        (`_SCOPE_BOUNDS`; a table's parts look to the innermost table), or a special element is open inside an
        element that is neither special nor formatting (`_SPECIAL`)."""
        if tag == "template":
            return False
        if tag in _TABLE_ELEMENTS:
            return max(self._innermost("table"), self._innermost("template")) > depth
        bound = self._bounds[-1] if self._bounds else -1
        if tag == "p":
            bound = max(bound, self._innermost("button"))
        elif tag == "li":
            bound = max(bound, self._innermost("ol"), self._innermost("ul"))
        if bound > depth:
            return True
        return tag not in _ENDS_THROUGH and bool(self._special) and self._special[-1] > depth

    def handle_data(self, data: str) -> None:
        if self._imports is not None:  # a script's text: never shown
            if self._imports:
                self._note_imported_chart(data)
            return
        if self._counted is not None:  # the number a counter starts at (`_read_counter`)
            return
        self._leave_head(data=data)
        data = data.replace(_CELL_EDGE, " ")  # a control character in the page: a space, never a cell's edge
        if ("\t" in data or "  " in data) and any(self._at.get(tag) for tag in _PREFORMATTED):
            data = _column_gaps(data)  # a tab or spaces readers see as a gap between columns
        elif not data.isascii():
            data = _gap_edges(data, _SHOWN_GAP)  # "12&nbsp;&nbsp;345": a gap no browser closes up
        if "\n" in data and not any(self._at.get(tag) for tag in _PREFORMATTED):
            data = _SOURCE_LINE_END.sub(" ", data)  # a space to readers (`_PREFORMATTED`)
        if self._open and self._open[-1] in _TABLE_MODES and data.strip():
            hidden, visible = self._before_table()
        else:
            hidden, visible = self._hidden_at, not self._visibility or self._visibility[-1][1]
        if hidden is None and visible and self._svg_draws_text() and not (self._hosts and self._unslotted()):
            if self._struck_at is None:
                self._emit(data)
            else:
                self._struck_text.append(data)

    def _close_for_table(self, tag: str) -> bool:
        """Close what a start tag ends in a table (`_TABLE_CONTEXT`); True when the element is closed as soon as it
        opens (a void element, or a <form> where a table's part goes) or never opens (a table's part outside any
        table)."""
        in_table = self._in_table()
        if self._foster and tag in _TABLE_CONTEXT and self._foster[-1][0] > self._innermost("table"):
            self._close_to(self._foster[-1][0])  # a table's part ends what was put before the table
        if tag == "table" and self._open and self._open[-1] in _TABLE_MODES:
            self._close_to(self._innermost("table"))  # a table where a table's part goes ends the open one
        # A table's part with no table open is ignored, as HTML ignores it (a caption there bounded nothing).
        outside = tag in _TABLE_ELEMENTS and tag != "table" and self._innermost("table") < 0
        return tag in _VOID or (tag == "form" and in_table) or outside

    def _in_table(self) -> bool:
        """Whether HTML's tree builder reads the next tag as a table's content: in a table's own part (not a cell or
        caption), or in what was put before the table, which it reads in the same way."""
        return bool(self._open) and (self._open[-1] in _TABLE_MODES
                                     or (bool(self._foster) and self._foster[-1][0] > self._innermost("table")))

    def _before_table(self) -> tuple[int | None, bool]:
        """How content HTML puts before the innermost table is hidden there: only by what hides the table's parent
        (the depth of the outermost hidden element above the table, and whether visibility lets it be seen)."""
        table_at = self._innermost("table")
        hidden = self._hidden_at if self._hidden_at is not None and self._hidden_at < table_at else None
        visible = next((seen for at, seen in reversed(self._visibility) if at < table_at), True)
        return hidden, visible


#: Any element the parser gives a meaning to, or that a fragment commonly starts with: a fragment of <section>,
#: <template> or <table> is HTML too (read as plain text, its hidden text was counted and its tags quoted). And a
#: word break, which a text's own markup puts inside a number: Markdown holding only "1,<wbr>582" was read as plain
#: text, the figures 1 and "more than 582". (Another void element alone, an <img> say, stays text: shown as words.)
_HTML_NAMES = sorted(_BLOCKS | _SKIPPED | _FOREIGN | _OTHER_ELEMENTS
                     | {"!doctype", "html", "body", "span", "a", "b", "i", "em", "strong", "main", "aside", "figure",
                        "details", "summary", "time", "wbr"},
                     key=lambda name: (-len(name), name))
_HTML_TAG = re.compile(rf"</?(?:{'|'.join(_HTML_NAMES)})[\s>/]", re.IGNORECASE)
#: Characters that are not text: a terminal escape sequence (ECMA-48) and C0/C1 controls other than tab and newline
#: (in a pasted article they reached the terminal the report is printed to, and "ESC[31m" read as 31 million) — read
#: as a space, the whole sequence: a control sequence ("ESC[" or its one-byte form U+009B, to its final byte); a
#: control string (a window title or hyperlink "ESC]8;;url BEL", and the other strings) to its terminator, BEL or
#: ST, or to the line's end; any other escape to its final byte. Dropping only the control characters left "]8;;"
#: and "31m" (from U+009B "31m") read as the figures 8 and 31 million. A control string's one-character opener
#: (`_C1_STRING`) opens one only where its terminator follows on the line, else it is a lone control: U+009D is
#: also what a UTF-8 page declared windows-1252 or iso-8859-1 (a CMS's wrong charset) shows for the last byte of
#: every closing quote "”", and read as an opener it dropped the rest of each paragraph after one, every figure
#: Chromium shows there ("no figures found", exit 0). Its text stops at another opener, so a line of them is read
#: once, not once per opener.
_C1_STRING = "\x90\x98\x9d\x9e\x9f"
_NOT_TEXT = re.compile(r"(?:\x1b\[|\x9b)[0-?]*+[ -/]*+[@-~]?"
                       r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*+(?:\x07|\x1b\\|\x9c)?"
                       rf"|[{_C1_STRING}][^\x07\x1b\x9c\n{_C1_STRING}]*+(?:\x07|\x1b\\|\x9c)"
                       r"|\x1b[ -/]*+[0-~]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _not_text(found: re.Match[str]) -> str:
    """What a `_NOT_TEXT` match reads as: a space, but a C1 control alone (not NEL, a line's end) is a Windows
    character decoded as Latin-1 on its way here ("2016\x9617" held cp1252's en dash, "\x80" its euro sign,
    "\x92" its apostrophe): a character lost, read as `LOST`'s stand-in is, so a number beside it is not read. Read
    as a space, "2016\x9617" was the year 2016 and the count 17, and "\x801.2m" the count 1.2 million, while
    the record refuses the control."""
    char = found.group()
    return LOST[0] if len(char) == 1 and "\x80" <= char <= "\x9f" and char != "\x85" else " "


#: How a tag's or a comment's pattern reads letters: HTML names are ASCII, read in either case in ASCII only. With
#: Python's Unicode case folding "[a-zA-Z]" took "ı", "İ", "ſ" and the Kelvin sign for letters, so `</ı>` was an end
#: tag to one pattern and not to the next (a traceback from `scan`), and `<ſcript>` a script.
_HTML_CASE = re.IGNORECASE | re.ASCII
#: Where a comment ends in a browser: "-->" or "--!>", looked for from just after "<!" ("<!-->" and "<!--->" are
#: empty comments). html.parser ends one only at "-->" looked for after "<!--" (and also at "-- >"), so "<!--->"
#: or "--!>" hid the visible text up to the next comment.
_COMMENT_END = re.compile(r"--!?>")
#: What HTML reads as a bogus comment, to the first ">" (or the end): "<?", "</" not followed by a letter, and "<!"
#: not starting a comment or a doctype, `<![CDATA[…]]>` included outside SVG and MathML. html.parser read
#: `<![CDATA[` to "]]>" (dropping "y, 1,200 offences" after `<![CDATA[ x > y, 1,200 offences ]]>`, which Chromium
#: shows), searched to the end of the page for each one with no end (1 MB of them took 13 s, 45 s at 1.8 MB), and
#: raised AssertionError on any other word (`<![foo>`: a traceback from `scan`).
_BOGUS_COMMENT = re.compile(r"<(?:!(?!--|doctype)|\?|/(?![a-zA-Z]))", _HTML_CASE)
#: A start or end tag, to the ">" that ends it as HTML's tokenizer ends it: not one inside a quoted attribute value
#: (a quote counts only where a value starts, after "="). Read by the next ">" before the next "<", `<p
#: data-x='<style>'>` made the p text and the "<style>" a style sheet, so scan dropped the rest of the page
#: (Chromium shows it; `title='<!--'` and `data-html='<p hidden>'` the same). Atomic groups, so no quote or "="
#: is ever read two ways: linear. (A doctype ends at its first ">".)
_TAG_START = re.compile(r"</?[a-zA-Z]|<!doctype", _HTML_CASE)
_TAG = re.compile(r"""<!doctype[^>]*+>|</?[a-zA-Z]"""
                  r"""(?>[^>=]++|=[\t\n\f\r ]*+(?>"[^"]*+"|'[^']*+'|(?!["'])[^\t\n\f\r >]*+))*+>""", _HTML_CASE)
#: Elements whose content is text to HTML's tokenizer, up to their end tag: a "<" there starts no tag and no
#: comment. Script and style are left as they are (html.parser reads them so too); in the others every "<" is
#: written "&lt;" (html.parser reads their content as markup: `<title>a<b</title>` hid the page after it). The name
#: ends at ASCII white space but U+000B, "/" or ">", as HTML's tokenizer ends it: `<textarea\v>` names another
#: element, whose <style> Chromium applies.
_TEXT_START = re.compile(r"<(script|style|title|textarea|xmp|iframe|noembed|noframes)[\t\n\f\r />]", _HTML_CASE)


#: A <plaintext> start tag: HTML's tokenizer reads everything after it as text, to the page's end (no end tag, no
#: comment, no character reference ends or escapes it). Read as markup, `<plaintext><p hidden>1,200 …` hid a
#: figure Chromium shows as written, tags and all. (Inside an <svg> or <math> it would be a foreign element that
#: switches nothing; scan reads no text there.)
_PLAINTEXT = re.compile(r"<plaintext[\t\n\f\r />]", _HTML_CASE)


#: What ends a script, as HTML's tokenizer reads its text: "</script", but not inside a "<!--" part where a
#: "<script" was opened (`document.write("<script>…</script>")` in an old page's `<!-- … -->`): Chromium keeps
#: reading the script to the next "</script" after "-->", and scan read the code between as the page's text.
_SCRIPT_MARK = re.compile(r"<!--(-*>)?|-->|<(/?)script[\t\n\f\r />]", _HTML_CASE)
_BARE_END_TAG = re.compile(r"</[a-zA-Z][^\t\n\f\r />]*>")
_END_TAG_NAME = re.compile(r"</([a-zA-Z][^\t\n\f\r />]*)")


def _script_end(raw: str, start: int) -> int:
    """Where the text of a script opened before `start` ends (its "</script"; the page's end if none): its escaped
    ("<!--") and double-escaped ("<!--" then "<script") parts read as HTML's tokenizer reads them, in one pass."""
    state = 0  # 0 text; 1 after "<!--"; 2 after a "<script" there, where "</script" ends no script
    for mark in _SCRIPT_MARK.finditer(raw, start):
        text = mark.group()
        if text.startswith("<!--"):
            state = 1 if state == 0 and mark.group(1) is None else state
        elif text == "-->":
            state = 0
        elif mark.group(2):
            if state != 2:
                return mark.start()
            state = 1
        elif state == 1:
            state = 2
    return len(raw)


def _bogus_comment(raw: str, i: int, next_gt: int, foreign: int) -> tuple[str, int]:
    """What a bogus comment at `i` shows, and where what follows it starts: nothing, to the first ">" (`next_gt`;
    -1: the page's end) as a browser ends it; but a `<![CDATA[` in an SVG or MathML (`foreign`, `_foreign_depth`)
    is text, to its "]]>" or the page's end."""
    if not (foreign and raw.startswith("<![CDATA[", i)):
        return "", len(raw) if next_gt == -1 else next_gt + 1
    close = raw.find("]]>", i + 9)
    close = len(raw) if close == -1 else close
    return raw[i + 9:close].replace("&", "&amp;").replace("<", "&lt;"), close + 3


#: What a tag holds that html.parser reads otherwise than HTML's tokenizer (`_IN_A_TAG`). Markup in an attribute's
#: value (`data-html='<style>.x{display:none}</style>'`, a tooltip's or an embed's HTML) is text to the tokenizer,
#: but the passes that look for <style>, <template> and <meta> tags by pattern over the page took it for a tag: a
#: style sheet inside a value hid from scan the figures Chromium shows. A character Python reads as white space
#: and HTML does not (a no-break space, U+000B, U+3000 …) is part of an attribute's name or unquoted value to the
#: tokenizer, but html.parser ended the name or value there: `<p hidden\u00a0>` (to Chromium an attribute
#: "hidden\u00a0") and `<p class=h\u00a0>` hid figures Chromium shows.
_IN_A_TAG_MARK = "<\x0b\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_IN_A_TAG = re.compile(rf"""(=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'))|[{_IN_A_TAG_MARK}]""")
_HAS_IN_A_TAG = re.compile(f"[{_IN_A_TAG_MARK}]")


def _in_a_tag(found: re.Match[str]) -> str:
    """One `_IN_A_TAG` written so html.parser reads it as the tokenizer does: a "<" as "&lt;" (read back as "<" in a
    value), a quoted value otherwise as it is; elsewhere (a name, an unquoted value) a space character Python alone
    reads as one as its reference (read back in a value, kept as written in a name), and a control as U+FFFD's
    (html.parser drops a control's reference, which left `class=h\v` the class "h")."""
    if found.group(1) is not None:
        return found.group(1).replace("<", "&lt;")
    mark = found.group()
    return "&lt;" if mark == "<" else "&#65533;" if mark in "\x0b\x1c\x1d\x1e\x1f\x85" else f"&#{ord(mark)};"


def _read_tag(raw: str, i: int, end: int, lowered: Callable[[], str], foreign: bool) -> tuple[str, int]:
    """The tag from `i` to `end` as html.parser is to read it, and where what follows it starts: a script's text
    left out (never shown) to its end (`_script_end`); the text of another element whose content is text, up to
    its end tag (every "<" there written "&lt;" but in a style, whose CDATA in an SVG, `foreign`, is its text);
    an end tag without its attributes, which mean nothing to HTML (html.parser read `</style a=">">` to the quoted
    ">" and dropped the rest of the page); a start tag with every "<" inside it written "&lt;" and every character
    Python alone reads as white space as a reference (`_IN_A_TAG`)."""
    opened = _TEXT_START.match(raw, i)
    if opened and foreign and raw.startswith("/>", end - 2):
        opened = None  # SVG and MathML honour "/>": `<svg><title/>` holds no text, and the page goes on after it
    tag = raw[i] + _IN_A_TAG.sub(_in_a_tag, raw[i + 1:end])
    if opened and opened.group(1).lower() == "script":
        close = _script_end(raw, end)
        if MODULE_SCRIPT.search(tag) or any(raw.find(mark, end, close) != -1 for mark in CDN_MARKS):
            # its charting library's address kept, for the parser (`_imports`), which reads it for a module, an
            # import map or a classic script only
            tag += "\n".join(address.replace("<", "%3C") for address in IMPORTED.findall(raw, end, close)
                              if chart_loader(address))
        return tag, close
    if opened:
        name = opened.group(1).lower()
        until = lowered().find(f"</{name}", end)
        until = len(raw) if until == -1 else until
        text = raw[end:until]
        if name == "style":
            return tag + (text.replace("<![CDATA[", "").replace("]]>", "") if foreign else text), until
        return tag + text.replace("<", "&lt;"), until
    if raw.startswith("</", i) and not _BARE_END_TAG.fullmatch(raw, i, end):
        return f"</{_END_TAG_NAME.match(raw, i).group(1)}>", end  # type: ignore[union-attr]
    return tag, end


#: An <svg> or <math> start or end tag: inside one, `<![CDATA[…]]>` is text, not a bogus comment.
_FOREIGN_TAG = re.compile(r"<(/?)(?:svg|math)[\t\n\f\r />]", re.IGNORECASE)


def _foreign_depth(raw: str, i: int, end: int, depth: int) -> int:
    """How many <svg> and <math> elements are open after the tag from `i` to `end` (one that closes itself opens
    none). HTML's tokenizer reads `<![CDATA[…]]>` as text in an SVG or MathML element ("<svg><text><![CDATA[1,582
    offences]]>" shows the figure) and as a bogus comment elsewhere; read as one everywhere, the figure Chromium
    shows was dropped without a word. Counted by tags, not by the tree: a block that ends an <svg> (`<svg><p>`) or
    an HTML element in a <foreignObject> still counts as inside, where a CDATA section is then read as text rather
    than hidden to its first ">": more is read, never less."""
    tag = _FOREIGN_TAG.match(raw, i)
    if tag is None:
        return depth
    if tag.group(1):
        return max(depth - 1, 0)
    return depth if raw[end - 2] == "/" else depth + 1


def closed_markup_only(raw: str, prose: bool = False) -> str:
    """The page as HTML's tokenizer reads it, for html.parser to read the same way: every "<" that starts no tag,
    comment or doctype written as "&lt;" (text, as browsers show it), every comment and bogus comment removed
    where browsers end it, and each tag kept to the ">" that ends it (`_TAG`). Python's html.parser (before
    3.11.13, CVE-2025-6069) rescans to the end of the page for each "<" whose tag never closes: 80 KB of "<a </a"
    took 29 s. Here each "<" is looked at once, each comment's and bogus comment's end found once: one pass. A
    comment, bogus comment or tag with no end hides the rest of the page, as in browsers (end of file in a
    comment or tag); a "<!--" inside a script or style is left to the parser, which reads it as their text.
    In `prose` (`_is_prose`), what would hide the rest of the text is a mention, written as text (`_left_open`).
    A "<" inside a tag is written "&lt;", and a character Python alone reads as white space as a reference
    (`_IN_A_TAG`)."""
    ends = _last_end_tags(raw) if prose else {}
    prose_tags = _ProseTags(raw) if prose else None
    out: list[str] = []
    start = 0
    next_gt = -2  # the next ">": -2 not looked up yet; -1 none left in the page
    close_at, close_end = -2, -2  # the next comment end after a "<!--" (start and end), -1 when there is none
    lowered = functools.cache(raw.lower)
    n = len(raw)
    foreign = 0  # how many <svg> and <math> are open (`_foreign_depth`)
    i = raw.find("<")
    while i >= 0:
        if next_gt != -1 and next_gt <= i:
            next_gt = raw.find(">", i + 1)
        if raw.startswith("<!--", i):
            # its end is looked for after "<!--", but for the empty comments "<!-->" and "<!--->": "<!--!>" and
            # "<!---!>" start a comment (Chromium hid "1,200" in `<!--!>1,200-->`; scan ended it at once)
            begin = i + 2 if raw.startswith(("<!-->", "<!--->"), i) else i + 4
            if close_at != -1 and close_at < begin:
                found = _COMMENT_END.search(raw, begin)
                close_at, close_end = (found.start(), found.end()) if found else (-1, -1)
            out.append(raw[start:i] + ("&lt;" if close_at == -1 and prose else ""))  # never shown: removed here
            if close_at == -1 and not prose:  # (in prose, "<!--" never ended is text)
                return "".join(out)
            start = close_end if close_at != -1 else i + 1
            i = raw.find("<", start) if start < n else -1
            continue
        if _BOGUS_COMMENT.match(raw, i) and not (prose and next_gt == -1):
            shown, after = _bogus_comment(raw, i, next_gt, foreign)
            out += [raw[start:i], shown]
            if after >= n:
                return "".join(out)
            start = after
            i = raw.find("<", start)
            continue
        end = _tag_end(raw, i, prose_tags, ends)
        if end is None:  # a tag never ended (or a quote never closed)
            out.append(raw[start:i])
            return "".join(out)
        if end < 0:  # a "<" starting nothing: text
            out += [raw[start:i], "&lt;"]
            start = i + 1
            i = raw.find("<", i + 1) if i + 1 < n else -1
            continue
        if _PLAINTEXT.match(raw, i):  # the rest of the page is its text
            out += [raw[start:end], raw[end:].replace("&", "&amp;").replace("<", "&lt;")]
            return "".join(out)
        foreign = _foreign_depth(raw, i, end, foreign)
        if (_TEXT_START.match(raw, i) or (raw[i + 1] == "/" and not _BARE_END_TAG.fullmatch(raw, i, end))
                or _HAS_IN_A_TAG.search(raw, i + 1, end)):  # (written as references: `_IN_A_TAG`)
            text, end = _read_tag(raw, i, end, lowered, foreign > 0)  # any other tag is kept as it is
            out += [raw[start:i], text]
            start = end
        i = raw.find("<", end) if end < n else -1
    out.append(raw[start:])
    return "".join(out)


#: How long a line is, at least, that text wrapped at a width ends mid-sentence (e-mail wraps at 72-78 columns,
#: PDF text near its page width); a heading or a list's line is shorter.
_WRAPPED_LINE = 50
#: Where plain text (a PDF's copied text, an e-mail, a Markdown file) was wrapped in the middle of a sentence: a
#: line end before a lower-case letter, or after a lower-case letter or a comma and before a figure ("Police
#: recorded 1,200\ncases of …" and "Police recorded\n1,200 cases"), and a word hyphenated at a line end
#: ("exploi-\ntation"). Read as paragraph ends, they split the figure's sentence from its words, so its subject
#: was not guessed and the record's warnings were lost. A line of its own (a heading, a list, a table's row, a
#: page number) starts with a capital, a digit or a mark after a line ending otherwise, and is kept as it is,
#: except a capital after a long line that stops mid-sentence: text wrapped at a width.
#: (The lookaheads name the alternatives' first characters, then what each starts with: a hyphen at a line end, or
#: a line end after a word, spaces before it included. So other characters and the spaces between words are passed
#: over fast, and a run of spaces is read along only from its start.)
_SOFT_WRAP = re.compile(r"(?=[-\s])(?=-\n|(?<=\S)[ \t]*\n)"
                        r"(?:(?<=[^\W\d_])(?<!ty)-\n(?=[a-z])|(?<=\S)[ \t]*\n[ \t]*(?=[a-z])"
                        # a number in words wrapped at its hyphen ("fifty-\nsix per cent", as a wrap at a width
                        # breaks it): joined to nothing, "fiftysix" was no number, and the figure was neither read
                        # nor listed. Every tens word ends in "ty", and a compound's hyphen ("party-\npolitical")
                        # is kept too
                        r"|(?<=ty)(?P<compound>-)\n(?=[a-z])"
                        # (not before a numbered paragraph, as every council and committee report numbers them,
                        # "1. Purpose of the report\n1.1 This report …": joined, "1.1" was a count mid-sentence)
                        # (nor, after a short line, before a list's item or a thread's post, "Notes to editors\n1. The
                        # Met…", "14h\n1/ The Met…", "…/news\n3. https://…": joined, each number was a count; after
                        # a long line it may be a sentence's last number, "…rose to\n12. Officers said")
                        r"|(?<=[a-z,])(?:(?<=[^\n]{" + str(_WRAPPED_LINE) + r"})|(?![ \t]*\n[ \t]*" + _LIST_ITEM + "))"
                        r"[ \t]*\n[ \t]*(?=[0-9£$€])(?!\d{1,2}(?:\.\d{1,3})+\.?[ \t]+[A-Z])"
                        # a long line that stops mid-sentence (a word, no stop) before a capital: text wrapped at a
                        # width ("… in Sadiq Khan's\nLondon has soared to 1,200"), where a heading's line is short
                        # (the lookahead first: the line-length lookbehind is tried only at such a line end; and
                        # only after a letter, so a run of spaces is not looked along from each of its spaces: 100 KB
                        # of spaces before a sentence took 9 s, 1 MB a quarter of an hour)
                        r"|(?<=[a-z'’])(?=[ \t]*\n[ \t]*[A-Z][a-z])(?<=[^\n]{" + str(_WRAPPED_LINE - 1)
                        + r"}[a-z'’])[ \t]*\n[ \t]*"
                        # a number hyphenated inside a digit group ("1,2-\n00", "1,200,-\n000"): read as two
                        # numbers, "1,200,-\n000 offences" was the exact count 1,200, and "1,-\n582" 1 and 582
                        r"|(?<=\d,)-\n(?=\d{3}(?!\d))|(?<=\d,\d)-\n(?=\d{2}(?!\d))|(?<=\d,\d{2})-\n(?=\d(?!\d))"
                        # any other hyphen between two numbers at a line end is a range's: "1,200-\n1,500" was
                        # the exact counts 1,200 and 1,500, and is read (and listed) as the range it prints
                        r"|(?<=\d-)(?P<range>\n)(?=\d))")


#: The page's root and body, which never hide what follows them: in prose, left open, they are still read as tags
#: (`_left_open`). Any other element left open is text there, those whose end tag a page may leave out included:
#: in prose no block follows to end them, and `<p hidden>Draft 9,999` in a Markdown file hid every paragraph after
#: it (a Markdown renderer ends it at the blank line).
_MAY_STAY_OPEN = frozenset({"html", "body"})
_START_NAME = re.compile(r"<([a-zA-Z][^\t\n\f\r />]*)")
_END_NAME = re.compile(r"</([a-zA-Z][^\t\n\f\r />]*)")


def _is_prose(text: str) -> bool:
    """Whether the text is prose that may hold tags (plain text, Markdown, an e-mail), not a page or an HTML
    fragment: it starts with a word, not with markup."""
    return not text.lstrip(" \t\n\r\f\ufeff").startswith("<")


def _last_end_tags(raw: str) -> dict[str, int]:
    """Where the last end tag of each element name stands in the text (one pass)."""
    return {m.group(1).lower(): m.start() for m in _END_NAME.finditer(raw)}


def _left_open(raw: str, i: int, ends: dict[str, int]) -> bool:
    """Whether the "<" at `i` in prose starts a tag that would hide all the text after it: a start tag whose element
    is never ended (no end tag of its name after it; not a void element, nor the root or body). Prose that
    mentions a tag ("the site hid its chat in a <script> block.", a code span holding `<div hidden>`, "an <svg>
    chart") was read as HTML, and everything after the mention dropped: "no figures found", exit 0, for an article
    a reader sees whole. A tag the text ends (`<sup>1</sup>`, `<details>…
    </details>`) is markup, and read as it is."""
    name = _START_NAME.match(raw, i)
    if name is None:
        return False  # an end tag, a doctype
    tag = name.group(1).lower()
    return tag not in _VOID and tag not in _MAY_STAY_OPEN and ends.get(tag, -1) < i


_STOP = re.compile(r"[>=]")
_UNQUOTED = re.compile(r"[\t\n\f\r ]*+(?:(?=[\"'])|[^\t\n\f\r >]*+)")


def _tag_end(raw: str, i: int, prose_tags: _ProseTags | None, ends: dict[str, int]) -> int | None:
    """Where the tag at `i` ends; -1 for a "<" that starts no tag (text), None for a tag never ended in a page
    (it hides the rest). In prose (`prose_tags`), a tag never ended or left open (`_left_open`) is text."""
    if not _TAG_START.match(raw, i):
        return -1
    if prose_tags is not None:
        return -1 if _left_open(raw, i, ends) else prose_tags.end(i)
    tag = _TAG.match(raw, i)
    return tag.end() if tag else None


class _ProseTags:
    """Where each tag in prose ends, as `_TAG` ends it, or -1 for one never ended (a "<" that is text there, where
    in a page it hides the rest). `_TAG` looks to the text's end for each tag never ended, and in prose every one
    is looked at: 100 KB of "<a x='" took 7 s. Here a tag is walked from one "=" to the next as `_TAG` reads it;
    a walk that reaches a place a failed walk passed fails at once, a quote opened at the text's last quote of its
    kind and a tag with no ">" after it fail at once, and a run with no "=" or ">" is searched once: linear."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._last = {q: raw.rfind(q) for q in "\"'"}
        self._last_gt = raw.rfind(">")
        self._failed: set[int] = set()  # each "=" from which a walk reached the text's end
        self._run = (-1, -1)  # the last run searched for its stop: (from, the "=" or ">" ending it)

    def _stop(self, p: int) -> int:
        """The next "=" or ">" at or after `p` (-1: none)."""
        if self._run[0] <= p <= self._run[1]:
            return self._run[1] if self._run[1] < len(self._raw) else -1
        found = _STOP.search(self._raw, p)
        self._run = (p, found.start() if found else len(self._raw))
        return found.start() if found else -1

    def end(self, i: int) -> int:
        """Where the tag starting at `i` ends (after its ">"), or -1 when it never ends."""
        raw = self._raw
        if i > self._last_gt:
            return -1
        if raw.startswith("<!", i):  # a doctype: to its first ">"
            return raw.find(">", i) + 1
        walked: list[int] = []
        p = i + 2
        while True:
            k = self._stop(p)
            if k < 0 or k in self._failed:
                self._failed.update(walked)
                return -1
            if raw[k] == ">":
                return k + 1
            walked.append(k)
            p = _UNQUOTED.match(raw, k + 1).end()  # type: ignore[union-attr]
            if p < len(raw) and raw[p] in "\"'":
                if p == self._last[raw[p]]:  # a quote never closed
                    self._failed.update(walked)
                    return -1
                p = raw.find(raw[p], p + 1) + 1


#: The lines at each edge of a page looked at for a running head or foot (a title line and a page number).
_EDGE_LINES = 2
#: The longest line taken for a running head or foot: a sentence repeated at two pages' edges is not one.
_LONGEST_RUNNING_LINE = 100


@functools.lru_cache(maxsize=4096)  # a page number's line comes back on every page: 1 MB of pages took 8 s
def _running_key(line: str) -> str:
    """A line as it runs from page to page: its digits (the page number) as "#", its white space and case alike."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _page_lines(page: str) -> list[str]:
    """A page's lines, without the empty one after its last line end."""
    lines = page.split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def _page_edges(lines: list[str]) -> list[int]:
    """The indexes of a page's first and last `_EDGE_LINES` non-blank lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]


def _running_lines(pages: dict[int, list[str]]) -> set[str]:
    """The running heads and feet (`_running_key`): lines at the edge of two pages or more, the same on each, or
    but for one number that goes up with the page (a page number); never a sentence (a line ending "." "!" or
    "?"). A table's rows at the foot of two pages ("2016   1,582", "2017   2,409") are alike but for their digits,
    and two pages that start with the same sentence ("Police recorded 1,582 offences.") hold it twice: neither is
    a running line, and dropped they were figures lost without a word."""
    seen: dict[str, dict[int, str]] = {}
    for page, lines in pages.items():
        for i in _page_edges(lines):
            seen.setdefault(_running_key(lines[i]), {})[page] = " ".join(lines[i].split())
    return {key for key, lines in seen.items()
            if len(lines) >= 2 and len(key) <= _LONGEST_RUNNING_LINE and not key.endswith((".", "!", "?"))
            and _numbered_alike(lines)}


def _numbered_alike(lines: dict[int, str]) -> bool:
    """Whether the lines (by page) are the same but for one number, which is the page's number plus the same
    offset on every page; or are the same, with no number but a year ("Annual Report 2017"): a line the same on
    two pages holding a figure ("Total   1,582" at the foot of two pages of a table) is the text's, twice."""
    numbers = {page: [int(n) for n in re.findall(r"\d+", line)] for page, line in lines.items()}
    varying = {at for at, values in enumerate(zip(*numbers.values(), strict=True)) if len(set(values)) > 1}
    if not varying:
        return all(1900 <= n <= 2099 for n in next(iter(numbers.values())))
    return len(varying) == 1 and len({values[min(varying)] - page for page, values in numbers.items()}) == 1


def _page_body(lines: list[str], running: set[str]) -> tuple[list[str], bool, bool]:
    """A page without its running heads and feet, and without the blank lines that set each one apart (a blank
    line left at an edge where none was removed is kept: it may end a paragraph); and whether a head and a foot
    were removed."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    start, end, top, bottom = 0, len(lines), 0, len(filled)  # filled[top:bottom] are kept
    for _ in range(_EDGE_LINES):
        if top < bottom and _running_key(lines[filled[top]]) in running:
            top += 1
            start = filled[top] if top < bottom else end
        if top < bottom and _running_key(lines[filled[bottom - 1]]) in running:
            bottom -= 1
            end = filled[bottom - 1] + 1 if top < bottom else start
    return (lines[start:end] if top < bottom else []), top > 0, bottom < len(filled)


#: A gap of three or more spaces between two words on a line: where a column of a PDF's text laid out by position
#: (`pdftotext -layout`) ends and the next begins. (Two spaces are a sentence's end in some typing.)
_GUTTER = re.compile(r"(?<=\S)[ ]{3,}+(?=\S)")
#: A page is read as two columns when its gap lines up (the right column starts at one place) on at least this
#: many lines with words on both sides, and both sides average at least `_COLUMN_WORDS` words a line: prose, not a
#: table's short cells ("Met   1,200", "Metropolitan     12     345", read row by row as before).
_COLUMN_LINES = 3
_COLUMN_WORDS = 4
_COLUMN_DRIFT = 2


def _columns_apart(text: str) -> str:
    """Plain text whose pages (a form feed between each) are laid out in two columns, each page's left column
    then its right (`_page_columns`). `pdftotext -layout` prints a two-column report line by line across both
    columns: read so, each sentence ran into the other column's ("The Met recorded 922 crimes connected The charity
    said its helpline with child sexual exploitation …"), every figure's subject guessed from the wrong words and
    the sentence shown was no sentence of the report."""
    return "\f".join(_page_columns(page) if "   " in page else page for page in text.split("\f"))


def _split_at(line: str, at: int) -> tuple[str, str] | None:
    """A line's left and right columns, split at the gap that ends within `_COLUMN_DRIFT` of `at` (a column laid out
    in a proportional font starts a character or two either side), or None where its text runs across `at` (a
    heading over both columns, a table)."""
    text = line.rstrip()
    if len(text) <= at - _COLUMN_DRIFT:
        return text, ""
    if not text[:at - _COLUMN_DRIFT].strip():
        return "", text.strip()
    for gap in _GUTTER.finditer(text, max(0, at - 64)):
        if abs(gap.end() - at) <= _COLUMN_DRIFT:
            return text[:gap.start()], text[gap.end():]
        if gap.start() > at:
            break
    return None


def _page_columns(page: str) -> str:
    """One page's text with its two columns (`_GUTTER`, where most gaps end) read one after the other, the text
    across both (a heading, a table) where it stands; the page as it is when it is not laid out so."""
    lines = page.split("\n")
    ends: dict[int, int] = {}
    for line in lines:
        for gap in _GUTTER.finditer(line):
            ends[gap.end()] = ends.get(gap.end(), 0) + 1
    if not ends:
        return page
    at = max(ends, key=lambda end: (ends[end], -end))
    parts = [_split_at(line, at) for line in lines]
    both = [part for part in parts if part is not None and part[0].strip() and part[1]]
    if (len(both) < _COLUMN_LINES or ends[at] < _COLUMN_LINES
            or min(sum(len(side.split()) for side in sides) for sides in zip(*both, strict=True))
            < _COLUMN_WORDS * len(both)
            or sum(bool(_GUTTER.search(right)) for _, right in both) * 3 > len(both)):
        return page
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line, part in zip(lines, parts, strict=True):
        if part is None:
            out += [*left, *right, line]
            left, right = [], []
            continue
        left.append(part[0])
        if part[1] or right:
            right.append(part[1])
    return "\n".join([*out, *left, *right])


def _pages_joined(text: str) -> str:
    """Text a PDF gave, its pages (a form feed between each, as pdftotext writes them) joined as one text without
    their running heads and feet (`_running_lines`: "Annual Report 2017 | 13", "Page 13", a bare page number), so
    a sentence a page break splits is one again where its next line shows it goes on (`_SOFT_WRAP`). Read as they
    were, "The report found that 12" / "13" / "per cent of children…" gave the count 12 (its "per cent" on the next
    page) and each page number as a figure. Two pages are joined line to line only where each edge is the text's
    own: its head or foot removed, or the text has none at that edge; else a paragraph apart (a foot not
    recognised, "© 2017", read on into the next page's "per cent of…" would be a figure no one printed)."""
    if "\f" not in text:
        return text
    pages = {at: _page_lines(page) for at, page in enumerate(text.split("\f")) if page.strip()}  # by number
    running = _running_lines(pages)
    bodies = [body for body in (_page_body(lines, running) for lines in pages.values()) if body[0]]
    any_head, any_foot = any(body[1] for body in bodies), any(body[2] for body in bodies)
    parts = ["\n".join(bodies[0][0])] if bodies else []
    for before, after in itertools.pairwise(bodies):
        own_edges = (before[2] or not any_foot) and (after[1] or not any_head)
        parts += ["\n" if own_edges else "\n\n", "\n".join(after[0])]
    return "".join(parts)


#: A hyphen at a line's end in any of the forms a PDF's text gives it: a soft hyphen (U+00AD: shown only there,
#: and removed as a format character before the line ends are read, so "exploi\u00ad\ntation" was "exploi
#: tation", its subject lost, and "3,4\u00ad\n56" the figures 3,4 and 56), the Unicode hyphen U+2010 and the
#: non-breaking one U+2011 ("3,4\u2010\n56" was the exact count 56). Read as "-", as `_SOFT_WRAP` reads it.
_LINE_END_HYPHEN = re.compile(r"[\u00ad\u2010\u2011](?=\n)")


def _soft_wraps(text: str) -> str:
    """Plain text with the line ends that wrap a sentence (`_SOFT_WRAP`) joined: a hyphen's to nothing (a range's
    and a number word's keep their hyphen), any other's to a space."""
    return _SOFT_WRAP.sub(lambda m: "-" if m.group("compound") else "" if m.group().startswith("-") or m.group("range")
                          else " ", text)


def looks_like_html(text: str) -> bool:
    """True for a saved web page or an HTML fragment (a tag such as <p>, <section> or <html> anywhere in it)."""
    return bool(_HTML_TAG.search(text))


#: The comments of a draft exported as a web page, which its editors wrote on it and its readers never see: Google
#: Docs' ("Download → Web page") puts each thread in a box at the end opened by its back-link to the mark in the
#: text (`<a href="#cmnt_ref1" id="cmnt1">[a]</a>`); Word's ("Save as Web Page") in a list at the end
#: (`<div style='mso-element:comment-list'>`, each comment a `<div class=msocomtxt>`, the form its filtered HTML
#: keeps). Read as the article, "the bulletin says 1,100 – check table 3, 12% or 14%?" was a figure not in the
#: record and a part not read (exit 1). Each such box is read as hidden. (The mark in the text is a note's.)
_DOC_COMMENT = re.compile(r"<div\b(?=[^<>]*?[\t\n\f\r ](?:style=[\"']?[^\"'<>]*?mso-element:[ ]?comment-list"
                          r"|class=[\"']?msocomtxt(?![\w-]))"
                          r"|[^<>]*+>\s*+(?:<p\b[^<>]*+>\s*+)?(?:<span\b[^<>]*+>\s*+)?"
                          r"<a\b[^<>]*?[\t\n\f\r ]href=[\"']?#cmnt_ref\d++(?![\w-]))", re.IGNORECASE)
_DOC_COMMENT_MARKS = ("#cmnt_ref", "msocomtxt", "comment-list")


def _html_text(raw: str, frames: int = 0, prose: bool = False, unread: list[str] | None = None,
               outer: StylePolicy | None = None, drawn: list[str] | None = None,
               redirects: list[str] | None = None, generated: list[str] | None = None,
               struck: list[str] | None = None) -> str:
    """A page's visible text, in paragraphs (a document embedded `frames` deep when more than 0, under the `outer`
    style policy of the page that holds it; `prose` that holds tags: `_left_open`); each shown frame's address whose
    document scan does not fetch is added to `unread`, what names each chart a script draws to `drawn`, where
    the page's <meta> refresh sends its reader to `redirects`, and the selector of each rule of its sheet that
    writes a figure into it to `generated` (`written_attributes`), and the text of each passage it shows struck
    through to `struck` (`_STRUCK`: withdrawn, not the article's)."""
    markup = closed_markup_only(raw, prose)
    if any(mark in markup for mark in _DOC_COMMENT_MARKS):
        markup = _DOC_COMMENT.sub("<div hidden", markup)
    if _ATOMIC_EDGE in markup:  # the page's own control character, read as any other control (`_NOT_TEXT`) is
        markup = markup.replace(_ATOMIC_EDGE, "\x1c")
    own = style_policy(markup)
    policy = own.within(outer) if own is not None else outer and StylePolicy(outer.elements, outer.attributes)
    lowered = markup.lower()
    sheet = page_sheet(markup, policy)
    if generated is not None and sheet.generated:
        generated += written_attributes(sheet, markup)
    parser = _TextParser(sheet, frames, _ShadowSheets(markup, policy), _streamed_ids(raw),
                         unread, policy, may_hold(lowered, PLACEHOLDER_MARKS), drawn,
                         may_hold(lowered, CHART_HOLDER_MARKS), _opened_ids(markup, lowered))
    before = len(parser.drawn)
    parser.feed(markup)
    parser.close()
    if "data-pym-src" in lowered:  # its placeholders are listed as frames: pym.js's script is not listed again
        parser.drawn[before:] = [name for name in parser.drawn[before:] if not PYM_SCRIPT.search(name)]
    if redirects is not None:
        redirects += parser.redirects
    if struck is not None:
        struck += parser.struck
    text = "".join(parser.parts)
    if _ATOMIC_EDGE in text:
        text = _NUMBER_ACROSS_EDGE.sub("", text).replace(_ATOMIC_EDGE, _LINE_BREAK)
    return text


#: Markdown's syntax that a reader of the rendered article never sees, in prose (`_is_prose`: plain text, Markdown,
#: an e-mail), each read as text before: a link's or image's destination and title (`[1,582 cases](http://x/56
#: "5,555")`: the title was a figure), a reference definition's line, a footnote's reference (`1,582[^2]` gave
#: the figure 2) and its definition's marker, a quote's markers at a line's start (`_QUOTE_MARKS`: `> 1,582
#: offences`, `> > …`: the ">" was read as "more than" and the figure not read; `>1,582` stays "more than"), and
#: emphasis or strikethrough marks touching a number (`1,**582**` was 1 and 582; `~~1,200~~` was "about 1,200"),
#: never between two digits ("12_12" stays apart). A definition is a label, a destination (not a figure) and a
#: title only, each on the line before's end or the next line's start (CommonMark allows both: a title on its own
#: line was read, and its figure with it; a destination on its own line only where it looks like one): a plain-text
#: endnote "[1]: Police recorded 1,582 offences" is text. A backslash before ASCII punctuation is an escape, shown
#: as the character alone (`12\%` was the count 12, `1\,582` the figures 1 and ",582", and `\[1,582](x)` a link),
#: one that would start markup as its entity (`_ESCAPED`).
#: Each alternative stops at a bracket, parenthesis, quote or line end it cannot cross: one pass. The lookahead
#: names every alternative's first character, so the engine passes over other characters without trying each
#: alternative's lookbehinds (a quarter of the time as written without it, measured on 300 KB of prose).
_MARKDOWN = re.compile(
    r"(?=[!\[*_~ \\])(?:\\(?P<escaped>[!-/:-@\[-`{-~])|(?P<link>!?\[(?P<text>[^\[\]\n]*)\]\((?:<[^<>\n]*>|[^()\s]*)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))"
    r"|(?P<reference>\[(?P<label>[^\[\]\n]+)\]\[[^\[\]\n]*\])"
    r"|^[ ]{0,3}\[(?!\^)[^\[\]\n]+\]:[ \t]*(?:\n[ \t]*(?=<|https?:|/|#|www\.))?"
    r"(?:<[^<>\n]*>|(?![\d£$€])\S+)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$"
    r"|^[ ]{0,3}\[\^[^\[\]\s]+\]:[ \t]*|\[\^[^\[\]\s]+\]"
    r"|(?<=\d[,.])(?:[*_]{1,3}|~~)(?=\d)|(?<=\d)(?:[*_]{1,3}|~~)(?![\w*~])|(?<![\w*~])(?:[*_]{1,3}|~~)(?=[\d£$€]))",
    re.MULTILINE)


#: A quote's markers at a line's start, in prose without tags only: where the prose holds tags, a ">" at a line's
#: start may end a tag written over two lines (`<span class=x\n> 1,582</span>`), and removed, the tag ran on to
#: the next ">" and hid what followed.
_QUOTE_MARKS = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*>[ \t]", re.MULTILINE)


#: An escaped character that would start a tag, an entity or a quote's marker, as the entity a renderer writes for
#: it: text, never markup (`\<p hidden>` is shown as "<p hidden>").
_ESCAPED = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


#: A backslash escape alone (`_MARKDOWN`'s), for the text of a link or a reference link, which is read whole.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _escaped(m: re.Match[str]) -> str:
    """The character a backslash escape shows (`_ESCAPED`)."""
    return _ESCAPED.get(m.group(1), m.group(1))


def _markdown_mark(m: re.Match[str]) -> str:
    """What a reader sees of one mark of `_MARKDOWN` (a link's text with its escapes read: "[1\\,582 cases](x)")."""
    if m.group("escaped"):
        return _ESCAPED.get(m.group("escaped"), m.group("escaped"))
    shown = m.group("text") if m.group("link") else m.group("label") or ""
    return _ESCAPE.sub(_escaped, shown) if "\\" in shown else shown


#: A Markdown article's front matter (Jekyll, Hugo, Eleventy, Astro, Ghost and Obsidian imports): a first line "---"
#: (YAML) or "+++" (TOML, Hugo's), key lines, and a closing line ("---" or "...", "+++"). The site builds the page from
#: it and shows none of it as written; its title, description or summary a theme shows as the page's heading or
#: standfirst (`_FRONT_MATTER_SHOWN`). Read as prose, "weight: 12", "reading_time: 4" or "image_width: 1200" were
#: figures not in the record (exit 1), in a sentence of every key. Only the first `_FRONT_MATTER_LINES` lines are
#: looked at, and one whose first key line is no key is prose, as before (a text opening with a rule "---").
_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_FRONT_MATTER_LINES = 500
_FRONT_MATTER_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*[:=][ \t]*(.*)|\[[\w. -]+\][ \t]*")
_FRONT_MATTER_SHOWN = frozenset({"title", "subtitle", "description", "summary", "excerpt", "lead", "standfirst"})


def _front_matter(text: str) -> str:
    """Prose without its front matter (`_FRONT_MATTER_FENCES`), what a theme shows of it kept as paragraphs before
    the body: the text as it was where it has none."""
    head = text.removeprefix("\ufeff")
    fence = head[:3]
    if fence not in _FRONT_MATTER_FENCES or head[3:head.find("\n")].strip(" \t") or "\n" not in head:
        return text
    lines = head.split("\n", _FRONT_MATTER_LINES + 1)
    keys = [line for line in lines[1:] if line.strip()]
    if not keys or not _FRONT_MATTER_KEY.fullmatch(keys[0].rstrip()):
        return text
    for at, line in enumerate(lines[1:_FRONT_MATTER_LINES + 1], start=1):
        if line.rstrip(" \t") in _FRONT_MATTER_FENCES[fence]:
            shown = [_front_matter_value(m.group(2)) for m in map(_FRONT_MATTER_KEY.fullmatch, lines[1:at])
                     if m and m.group(1) and m.group(1).lower() in _FRONT_MATTER_SHOWN]
            body = "\n".join(lines[at + 1:])
            return "".join(f"{value}\n\n" for value in shown if value) + body
    return text


def _front_matter_value(value: str) -> str:
    """A front-matter key's value as shown: without its quotes (a block scalar's marker alone is no text)."""
    value = value.strip()
    if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1:
        value = value[1:-1]
    return "" if value in ("|", ">", "|-", ">-") else value


#: A passage Markdown strikes through (GitHub's `~~618~~`, as GitLab, Obsidian and pandoc write it too): two tildes
#: that open before a character other than a space and close after one, within a paragraph, never part of a fence's
#: three. Shown withdrawn, as HTML's <s> is (`_STRUCK`): "~~618~~ 922 crimes" was read as "618 922" (neither read),
#: and "~~618 crimes~~ 922 crimes" gave the struck 618 as the article's, "in the record". (The body holds no tilde,
#: so each opening is read on only to the next tilde: linear.)
_MARKDOWN_STRUCK = re.compile(r"(?<![~\\])~~(?=[^\s~])((?:[^~\n]|\n(?![ \t]*\n))*?)(?<=[^\s~])~~(?!~)")


def _markdown_struck(text: str, struck: list[str] | None) -> str:
    """Prose without the passages Markdown strikes through (`_MARKDOWN_STRUCK`), each added to `struck`."""
    if "~~" not in text:
        return text

    def withdrawn(m: re.Match[str]) -> str:
        if struck is not None:
            struck.append(" ".join(m.group(1).split()))
        return ""
    return _MARKDOWN_STRUCK.sub(withdrawn, text)


def _markdown_marks(text: str) -> str:
    """Prose with Markdown's syntax no reader sees (`_MARKDOWN`) removed: a link or image as its text, a reference
    link as its label, an escaped character as itself, the rest as nothing."""
    return _MARKDOWN.sub(_markdown_mark, text)


#: A glyph a PDF's text layer does not name, as pdfminer and pdfplumber write it: "(cid:20)" is the font's own number
#: for a glyph that has no character map. Read as text, "(cid:20),(cid:21)(cid:19)(cid:19)" (1,200 in such a font)
#: gave the figures 20, 21, 19 and 19; each is read as the one character it stands for, unknown (U+FFFD), and the
#: scan says how many it could not read (`unnamed_glyphs`).
_UNNAMED_GLYPH = re.compile(r"\(cid:\d{1,9}\)")
#: A digit a PDF's font names only by Adobe's private code points for old-style figures ("oneoldstyle" is U+F731 in
#: the Adobe Glyph List, which pdftotext and pdfminer follow for a font with no character map): "\uf731,\uf732\uf730
#: \uf730 cases" is 1,200 in such a font, and was read as no number at all ("no figures found", exit 0). Read as an
#: unnamed glyph is (unknown, and counted), never as the digit: a web page's icon font uses the same code points.
_PRIVATE_DIGIT = re.compile("[\uf730-\uf739]")


def _unnamed(raw: str, replace: bool) -> tuple[str, int]:
    """The text with each glyph a PDF's text layer did not name (`_UNNAMED_GLYPH`, `_PRIVATE_DIGIT`) as U+FFFD, and
    how many there were; plain ASCII text (the common case) costs one flag test."""
    count = 0
    if "(cid:" in raw:
        raw, n = _UNNAMED_GLYPH.subn("\ufffd", raw) if replace else (raw, len(_UNNAMED_GLYPH.findall(raw)))
        count += n
    if not raw.isascii() and _PRIVATE_DIGIT.search(raw):
        raw, n = _PRIVATE_DIGIT.subn("\ufffd", raw) if replace else (raw, len(_PRIVATE_DIGIT.findall(raw)))
        count += n
    return raw, count


def unnamed_glyphs(raw: str) -> int:
    """How many glyphs a PDF's text layer did not name the text holds (`_UNNAMED_GLYPH`, `_PRIVATE_DIGIT`)."""
    return _unnamed(raw, replace=False)[1]


#: Unicode's own line and paragraph separators in plain text (a copy from Pages or a layout program): read as a
#: line end and a blank line. Left as they were, an article of three paragraphs was "para 1" throughout.
_UNICODE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n"}


def _unicode_breaks(text: str) -> str:
    """`text` with Unicode's line and paragraph separators as line ends (`_UNICODE_BREAKS`). Replaced one at a time:
    `str.translate` looks up every character of the text, where a text without the separator is returned as it is."""
    for separator, line_ends in _UNICODE_BREAKS.items():
        text = text.replace(separator, line_ends)
    return text


def _prose_comments(raw: str) -> str:
    """Prose (Markdown, plain text) without its HTML comments: a Markdown renderer passes `<!-- … -->` through as
    HTML, so no reader sees it, and a writer's note in one ("<!-- draft: 9,999 -->") was read as a figure of the
    article. A comment ends where HTML's tokenizer ends it (`_COMMENT_END`; "<!-->" is empty); one never ended is
    text, as a Markdown renderer shows an inline "<!--" that nothing closes. Prose holding a tag is read by the HTML
    path, which removes its comments the same way (`closed_markup_only`). One pass: each end is searched for once,
    and once none is left no later "<!--" can end."""
    out: list[str] = []
    start, i = 0, raw.find("<!--")
    while i >= 0:
        begin = i + 2 if raw.startswith(("<!-->", "<!--->"), i) else i + 4
        end = _COMMENT_END.search(raw, begin)
        if end is None:
            break
        out.append(raw[start:i])
        start = end.end()
        i = raw.find("<!--", start)
    out.append(raw[start:])
    return "".join(out)


#: A character reference as a Markdown renderer or a browser decodes it: decimal, hexadecimal ("&#x2c;", "&#X2C;")
#: or named in either case ("&ThinSpace;"). Only decimal and lower-case named ones were asked for, so prose holding
#: no other kept "1&#x2c;200" as written, read as the figures 1 and 200, "1.2&#x20;million" as the count 1.2 and
#: "020&#x20;7946&#x20;0000" as the figure 7946, where the HTML path and the record's personal-data check decode
#: every one.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


#: A line that opens or closes a fenced code block in Markdown: a block quote's or list item's marks or any indent,
#: then three or more backticks (none after them on the line) or tildes, and the rest of the line. Looser than
#: CommonMark on purpose (an indented or contained fence is one here too, and ends only at its closing line): what
#: it takes for code is read as text, the way a reader sees code, never hidden.
_FENCE_LINE = re.compile(r"^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}+[.)](?=[ \t]))*+(`{3,}+(?![^\n]*`)|~{3,}+)([^\n]*)$",
                         re.MULTILINE)


def _fences_as_text(raw: str) -> str:
    """Prose with the "<" and "&" of each fenced code block (`_FENCE_LINE`, to its closing line or the text's end)
    written as references: a Markdown renderer shows a fence's tags as text, and read as HTML, a fence holding
    "<!--" or `<title>` whose end stood in a later fence hid every figure between them ("no figures found", exit
    0), and `<div hidden>…</div>` in one hid what the reader sees. One pass; only the fence lines are looked at."""
    out: list[str] = []
    start, opened, run = 0, -1, ""
    for line in _FENCE_LINE.finditer(raw):
        if opened < 0:
            opened, run = line.start(), line.group(1)
        elif line.group(1)[0] == run[0] and len(line.group(1)) >= len(run) and not line.group(2).strip():
            out += [raw[start:opened], raw[opened:line.end()].replace("&", "&amp;").replace("<", "&lt;")]
            start, opened = line.end(), -1
    if opened >= 0:
        out += [raw[start:opened], raw[opened:].replace("&", "&amp;").replace("<", "&lt;")]
        start = len(raw)
    out.append(raw[start:])
    return "".join(out)


def to_text(raw: str, unread_frames: list[str] | None = None, drawn_charts: list[str] | None = None,
            redirects: list[str] | None = None, generated: list[str] | None = None,
            struck: list[str] | None = None) -> str:
    """The article's visible text: HTML reduced to paragraphs; plain text with its white space tidied (the address
    of each frame the page shows from elsewhere, never fetched, added to `unread_frames`; what names each chart a
    charting library's script draws in the page, to `drawn_charts`; the address a <meta> refresh sends the reader
    on to, to `redirects`; the selector of each rule of the page's sheet that writes a figure into it, to
    `generated`; the text of each passage it shows struck through, withdrawn and so not read, to `struck`).

    Characters are read the one way every number check reads them (NFKC, no zero-width or format characters:
    "1\u200b,737" is 1,737, not 1), a digit other than 0-9 kept as written so it is never read into a number, and
    line ends of any system (CR LF, CR alone) alike."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _unnamed(raw, replace=True)[0]
    if "<" in raw and ("```" in raw or "~~~" in raw) and _is_prose(raw):
        raw = _fences_as_text(raw)
    if raw[:4].lstrip("\ufeff")[:3] in _FRONT_MATTER_FENCES:
        raw = _front_matter(raw)
    raw = _markdown_marks(_markdown_struck(raw, struck)) if _is_prose(raw) else raw
    html_text = looks_like_html(raw)
    raw = _QUOTE_MARKS.sub("", raw) if not html_text and ">" in raw else raw
    if html_text:
        raw = _line_breaks(_html_text(raw, prose=_is_prose(raw), unread=unread_frames, drawn=drawn_charts,
                                      redirects=redirects, generated=generated, struck=struck))
        raw = _NOT_TEXT.sub(_not_text, normal_text_keeping_digits(_cell_gaps(_unicode_overrides(raw))))
        raw = _wrapped_personal_data(raw)  # a <br> (or a <pre> line) inside a phone number, as in plain text
    else:
        raw = _prose_comments(raw) if "<!--" in raw else raw
        raw = html.unescape(raw) if _CHARACTER_REFERENCE.search(raw) else raw
        raw = _pages_joined(_columns_apart(_LINE_END_HYPHEN.sub("-", raw)) if "   " in raw else
                            _LINE_END_HYPHEN.sub("-", raw))
        raw = _cell_gaps(_column_gaps(raw.replace(_CELL_EDGE, " ")))
        raw = _unicode_overrides(_unicode_breaks(raw))
        raw = _wrapped_personal_data(_soft_wraps(_NOT_TEXT.sub(_not_text, normal_text_keeping_digits(raw))))
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", raw)]
    return "\n\n".join(p for p in paragraphs if p)


@dataclass(frozen=True)
class Sentence:
    """One sentence and where it sits: its paragraph (1-based) and its offset in the article's text."""

    text: str
    paragraph: int
    start: int


# A sentence ends at . ! ? or … (with any closing quote or bracket) followed by space and a capital, a digit, a
# pound sign or an opening quote. Abbreviations that end in a full stop before a capital are not ends.
# (and at a note's mark read out of a PDF as a plain digit after the stop, "rose 12 per cent.2 Officers said": one
# sentence, so the 12 per cent read the next sentence's words as its own)
_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£])|(?<=[a-z%]\.)\d{1,2}\s+(?=[A-Z])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Sir.", "No.", "c.", "Co.", "Prof.", "Rev.", "Insp.", "Supt.",
                  "Det.", "Sgt.", "Gov.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
                  "Dec.", "i.e.", "e.g.", "vs.", "approx.")
#: A qualifier's abbreviation, in any case, as a word of its own: "Approx. 1,200 cases" and "Est. 1,200" were split
#: there, and the 1,200 read as exact; "the test. 1,200 …" still ends a sentence.
_QUALIFIER_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(q) for q in QUALIFIERS if q.endswith(".")) + r")\Z", re.IGNORECASE)

#: A reference's abbreviation as a word of its own, when its number comes next ("see Fig. 3", "para. 4.12"): split
#: there, the number was a count in a sentence of its own; "the shop. 12 …" still ends a sentence.
_REFERENCE_ABBREVIATION = re.compile(
    r"(?<![^\W\d_'’])(?:" + "|".join(re.escape(word) for word in REFERENCE_ABBREVIATIONS) + r")\Z", re.IGNORECASE)

#: A contents list's leaders before a page's number ("Introduction ........ 3", "……" read as six dots): no sentence
#: ends there (split, the page's number was a count alone in a sentence of its own). Five dots at least: an
#: ellipsis and a stop, "rose…. 12 forces", still ends one.
_LEADERS = re.compile(r"(?:\.[ ]?){5,}\Z")


def _split_paragraph(paragraph: str) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    start = 0
    for m in _END.finditer(paragraph):
        # (asked of the paragraph's end of the piece, never of a copy of the piece: a run of abbreviations with no
        # sentence end, "Est. 1,200 Est. 1,200 …", copied a longer piece at each, in time growing with its square)
        if (paragraph.endswith(_ABBREVIATIONS, start, m.start())
                or _QUALIFIER_ABBREVIATION.search(paragraph, max(start, m.start() - 8), m.start())
                or ((paragraph[m.end():m.end() + 1].isdigit() or paragraph[m.start()].isdigit())
                    and (_REFERENCE_ABBREVIATION.search(paragraph, max(start, m.start() - 8), m.start())
                         or _LEADERS.search(paragraph, max(start, m.start() - 12), m.start())))):
            continue
        pieces.append((paragraph[start:m.start()].strip(), start))
        start = m.end()
    pieces.append((paragraph[start:].strip(), start))
    return [(text, offset) for text, offset in pieces if text]


def sentences(text: str) -> list[Sentence]:
    """The text's sentences in order (text as returned by `to_text`: paragraphs separated by blank lines)."""
    found: list[Sentence] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n\n"), start=1):
        for piece, at in _split_paragraph(paragraph):
            found.append(Sentence(piece, number, offset + at))
        offset += len(paragraph) + 2
    return found
