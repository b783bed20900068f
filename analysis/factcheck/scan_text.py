"""An article as plain sentences: HTML reduced to text, text split into paragraphs and sentences.

The scanner reports each figure with the sentence it sits in, because a fact-checker decides what a number means
from its sentence, and pastes that sentence into the draft. Standard library only: a newsroom page is read with
`html.parser` (scripts, styles and navigation dropped, block elements kept as paragraph breaks), never fetched.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from analysis.record.hygiene import normal_text_keeping_digits

__all__ = ["Sentence", "to_text", "sentences", "looks_like_html"]

_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
           "article", "blockquote", "header", "footer", "figcaption", "td", "th", "hr",
           # The rest of HTML's block boxes (the living standard's rendering section): without a break between
           # them, "<dd>2016</dd><dd>1,582</dd>" was read as one number, 20161,582, and two options as 20192020.
           "dl", "dt", "dd", "main", "aside", "figure", "address", "fieldset", "form", "pre", "legend", "caption",
           "center", "hgroup", "search", "menu", "dir", "details", "summary", "listing", "thead", "tbody", "tfoot",
           "option", "optgroup", "dialog"}
_SKIPPED = {"script", "style", "noscript", "nav", "svg", "math", "template", "head", "title",
            # Never rendered by a browser: the fallback of a frame, embed, video, audio or canvas (Chromium plays
            # and draws them), a list of suggestions. (A dialog not opened is hidden as the hidden attribute is:
            # see `_hidden`.)
            "iframe", "noembed", "noframes", "datalist", "video", "audio", "canvas"}
#: Every other element of HTML that holds text (the living standard, obsolete ones included): a fragment holding
#: any of them is HTML. A fragment of `<font>` or `<dialog>` was read as plain text, its tags quoted and its hidden
#: text counted. (Void elements such as <img> hold no text: alone in prose they are shown as written.)
_OTHER_ELEMENTS = {"abbr", "acronym", "address", "bdi", "bdo", "big", "button", "caption",
                   "center", "cite", "code", "colgroup", "data", "dd", "del", "dfn", "dir", "dl", "dt", "fieldset",
                   "font", "form", "frameset", "hgroup", "ins", "kbd", "label", "legend", "map", "mark", "menu",
                   "meter", "object", "optgroup", "option", "output", "picture", "pre", "progress", "q", "rp", "rt",
                   "ruby", "s", "samp", "search", "select", "slot", "small", "strike", "sub", "sup", "tbody",
                   "textarea", "tfoot", "thead", "tt", "u", "var", "xmp", "plaintext", "marquee"}
#: What a footnote reference in <sup> or <sub> holds: "3", "[2]", "(a)", "*", "†". It is not part of the sentence,
#: and read as text it joined the number before it ("1,200<sup>3</sup>" was read as 1,2003, and "[2]" as a figure).
_FOOTNOTE_MARK = re.compile(r"\s*[\[(]?\s*(?:\d{1,3}|[a-z]|[*\u2020\u2021\u00a7\u00b6]{1,3})\s*[\])]?\s*",
                            re.IGNORECASE)
_MARK_HOLDERS = ("sup", "sub")
#: The most characters a footnote mark can hold ("[123]" with spaces): longer text in <sup> is always kept.
_LONGEST_MARK = 16


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
#: Elements whose start ends an open <head> or breaks out of an <svg>/<math> (HTML5's "breakout" rule, simplified).
_FOREIGN = {"svg", "math"}
#: Start tags that close an open <p> (HTML5 "in button scope", simplified), and the elements that bound that scope.
_CLOSES_P = (_BLOCKS - {"br", "td", "th", "tr", "li", "option", "optgroup", "legend", "caption", "thead", "tbody",
                         "tfoot"}) | {"main", "aside", "details", "dl", "fieldset", "figure",
                                                         "form", "pre", "address"}
_P_SCOPE = ("table", "td", "th", "button", "template", "object", "caption")
#: Elements whose end tag HTML5 lets a page leave out: a start tag of the key closes the open element(s) it names
#: (the outermost of them, with everything inside) unless one of its scope's elements stands between. Without it,
#: `<td hidden>x<td>1,200` hid the visible second cell (and `<dd hidden>…<dt>`, `<tr hidden>…<tr>`, `<thead
#: hidden>…<tbody>`, `<option hidden>…<option>` and `<rt hidden>…<rt>` the same). (<p> has its own rule above.)
_CELLS = ("td", "th")
_IMPLIED_END: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li",), ("ul", "ol")),
    "dt": (("dd", "dt"), ("dl",)),
    "dd": (("dd", "dt"), ("dl",)),
    "td": (_CELLS, ("tr", "table")),
    "th": (_CELLS, ("tr", "table")),
    "tr": (("tr", *_CELLS), ("thead", "tbody", "tfoot", "table")),
    **{section: (("thead", "tbody", "tfoot", "tr", *_CELLS), ("table",)) for section in ("thead", "tbody", "tfoot")},
    "option": (("option",), ("select", "datalist", "optgroup")),
    "optgroup": (("optgroup", "option"), ("select",)),
    "rt": (("rt", "rp"), ("ruby",)),
    "rp": (("rt", "rp"), ("ruby",)),
}


#: What CSS reads as one piece, in one pass: "<!--" or "-->" (ignored: `<style><!-- .x{display:none} --></style>`
#: hides .x, which scan read as a selector "<!-- .x"), a comment (from "/*" to the next "*/", or to the end when
#: none follows), a string (to its closing quote, a line end or the end; a backslash escapes the next character),
#: or an escape (a backslash and up to six hex digits and one white space after them, or any other character).
#: Each alternative ends wherever the text ends, so no match is ever retried: a lazy regex retried from every "/*"
#: with no end took 22 s on 100 KB of "/*a".
_CSS_PIECE = re.compile(r"""<!--|-->|/\*.*?(?:\*/|\Z)|(["'])(?:(?!\1)[^\\\n]|\\(?:.|\Z))*(?:\1|(?=\n)|\Z)"""
                        r"|\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|(.|\Z))", re.DOTALL)
_IMPORTANT = re.compile(r"!\s*important$")
#: A character an escape may stand for in a name as itself: anything else escaped (`none\9`, `\;`, `\7b `) is part
#: of a name and never CSS's punctuation or white space; read as the punctuation, `display:none\9` (an old IE hack
#: Chromium ignores) hid the text, and `\}` ended a rule early.
_NAME_CHARACTER = re.compile(r"[\w-]")


def _css_piece(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return '""'  # a string's content is never a selector or a display: `content:"}.x{display:none}"` is one
    if match.group().startswith(("<!--", "-->")):
        return " "  # the markers an old page wraps its sheet in, as if for a comment: CSS reads them as nothing
    if match.group(2) is None and match.group(3) is None:
        return ""  # a comment reads as nothing
    code = ord(match.group(3) or "\ufffd") if match.group(2) is None else int(match.group(2), 16)
    char = chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return char if _NAME_CHARACTER.match(char) else "\ufffd"


def plain_css(css: str) -> str:
    """CSS with its comments removed, its strings emptied and its escapes decoded, so every brace, colon and
    semicolon left is CSS's own punctuation (as CSS's tokenizer reads it), in one pass."""
    return _CSS_PIECE.sub(_css_piece, css)


def inline_style(style: str) -> dict[str, str]:
    """An element's `style` attribute as a browser applies it: property → value, lower-cased, the last declaration
    of a property winning unless an earlier one is `!important`; comments read as nothing and escapes decoded
    (`display:/**/none`, `disp\\lay:none`). A substring test hid "display:none;display:inline", which is shown.
    Not tinycss2 (installed with nbconvert), which parses to the spec but took 0.8-0.9 s on 1 MB of declarations
    where this takes 0.05 s: scan has 2 s for a whole 1 MB page."""
    return _declarations(plain_css(style))[0]


#: The words each property that hides or shows may be given (CSS Display 3, CSS Box 4, CSS Contain 2, and the
#: keywords every property takes); a declaration with any other word is dropped, as CSS drops it. Read as given,
#: `display:none\9` (an old IE hack) hid the text, and `display:bogus` gave an element `hidden=until-found` hides
#: a box of its own; Chromium ignores both.
_CSS_WIDE = {"inherit", "initial", "unset", "revert", "revert-layer"}
_VALUES = {
    "display": _CSS_WIDE | {
        "none", "contents", "block", "inline", "run-in", "flow", "flow-root", "table", "flex", "grid", "ruby",
        "math", "list-item", "inline-block", "inline-table", "inline-flex", "inline-grid", "table-row-group",
        "table-header-group", "table-footer-group", "table-row", "table-cell", "table-column-group",
        "table-column", "table-caption", "ruby-base", "ruby-text", "ruby-base-container", "ruby-text-container",
        "inline-list-item", "-webkit-box", "-webkit-inline-box"},
    "visibility": _CSS_WIDE | {"visible", "hidden", "collapse"},
    "content-visibility": _CSS_WIDE | {"visible", "hidden", "auto"},
    "all": _CSS_WIDE,
}


#: What the `all` shorthand sets among the properties that hide or show.
_ALL = ("all", "display", "visibility", "content-visibility")


def _valid(name: str, value: str) -> bool:
    """Whether CSS keeps a declaration of a property that hides or shows (`_VALUES`); any other is kept, and so is
    a value with a function: `display:var(--d)` may be anything (Chromium showed a `.a` whose display was an unset
    variable, which is `unset`, under an earlier `.a{display:none}`)."""
    words = _VALUES.get(name)
    return words is None or "(" in value or (bool(value) and all(word in words for word in value.split()))


def _declarations(text: str) -> tuple[dict[str, str], set[str]]:
    """Declarations (text as `plain_css` returns it) as `inline_style` reads them, and which are `!important`."""
    values: dict[str, str] = {}
    important: set[str] = set()
    for declaration in text.split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), " ".join(value.lower().split())
        if not colon or not name:
            continue
        strong = bool(_IMPORTANT.search(value))
        value = _IMPORTANT.sub("", value).strip()
        if (name in important and not strong) or not _valid(name, value):
            continue
        for each in _ALL if name == "all" else (name,):  # `all: unset` sets display too: it shows a hidden p
            values[each] = value
            if strong:
                important.add(each)
    return values, important


#: A selector the page's stylesheet is honoured for: a type, a class, an id, or a type with one class or id (`p`,
#: `.x`, `#y`, `p.x`, `p#y`). Each is looked up in a set, so every element costs the same however long the sheet.
_SIMPLE_SELECTOR = re.compile(r"([a-z][a-z0-9-]*)?([.#][\w-]+)?", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<(/?)(style|template|noscript|script|textarea|title|xmp|iframe|noembed|noframes)"
                          r"(?=[\s/>])[^>]*>", re.IGNORECASE)
#: Elements whose content is text, never markup (HTML's raw text and escapable raw text elements, and the legacy
#: ones parsed as raw text): a "<style>" inside one is characters (a script building a sheet as a string, a form's
#: sample text, an iframe's fallback), and read as a sheet it hid figures readers see.
_TEXT_ONLY = frozenset({"script", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
_STYLE_MEDIA = re.compile(r"\smedia\s*=\s*[\"']?([^\"'>]*)", re.IGNORECASE)
#: A <style> whose type is given and is not CSS is never applied (`<style type="text/less">`).
_STYLE_TYPE = re.compile(r"\stype\s*=\s*[\"']?([^\"'>\s]*)", re.IGNORECASE)


@dataclass
class _Sheet:
    """What the page's <style> blocks say of an element, looked up by its type, classes and id (`keys`).

    A top-level rule with a simple selector (`_SIMPLE_SELECTOR`) hides: `<style>.x{display:none}</style><p class=x>`
    hid "2,000 victims" from readers but scan read it. Any rule may show, whatever its order and specificity: one
    with combinators, attributes or pseudo-classes (read by its subject, `_subject`), one inside @media, @supports or
    @layer (`_rules`), one nested in another rule. Such rules are never honoured for hiding (no CSS engine: their
    text is read, a miss rather than a guess), but each is honoured for showing: Chromium showed `.x{display:none}
    @media (min-width:1px){.x{display:block}}` (the usual responsive pattern), `[hidden]{display:block}` and a later
    `.w{visibility:visible}`, and scan dropped each."""

    hide: set[str] = field(default_factory=set)  # display none
    contain: set[str] = field(default_factory=set)  # content-visibility hidden
    show: set[str] = field(default_factory=set)  # a display other than none
    forced: set[str] = field(default_factory=set)  # ... given !important: it beats an inline `display: none`
    uncontain: set[str] = field(default_factory=set)  # a content-visibility other than hidden
    unboxed: set[str] = field(default_factory=set)  # a display content-visibility does nothing on (`_unboxed`)
    visibility: dict[str, bool] = field(default_factory=dict)  # visible or not; a hiding rule's last one counts
    visible: set[str] = field(default_factory=set)  # made visible !important: no later rule or inline style undoes

    def keys(self, tag: str, values: dict[str, str]) -> list[str]:
        """How the sheet names this element: "*" (a rule whose subject has no type, class, id or attribute), its
        type, each class (split at ASCII white space only, as HTML splits it: "a\u00a0b" is one class), its id and
        each attribute's name ("[hidden]")."""
        keys = ["*", tag, *(f"[{name}]" for name in values)]
        for name in _ASCII_SPACE.split(values.get("class", "")):
            if name:
                keys += [f".{name}", f"{tag}.{name}"]
        if values.get("id"):
            keys += [f"#{values['id']}", f"{tag}#{values['id']}"]
        return keys


_ASCII_SPACE = re.compile(r"[ \t\n\f\r]+")
#: At-rules whose block holds style rules for the page's elements (each may apply, so each rule in it may show);
#: any other at-rule's block (@keyframes, @font-face, @page, ...) selects no element and is skipped.
_GROUPING = ("@media", "@supports", "@layer", "@container", "@scope", "@document", "@-moz-document")
#: A statement at-rule at the top of a sheet (`@import url(x.css);`, `@charset "utf-8";`), ending at its semicolon.
_STATEMENT = re.compile(r"\s*@[^;{}]*;")


def _screen_may_match(media: str) -> bool:
    """Whether a media query list may hold on a screen: not when every query names another medium (`print`)."""
    for query in media.lower().split(","):
        words = query.split()
        words = words[1:] if words[:1] == ["only"] else words
        if not words or words[0] in ("all", "screen", "not") or words[0].startswith("("):
            return True
    return False


def _rules(css: str) -> list[tuple[str, str, bool, str | None]]:
    """Every style rule of a stylesheet (text as `plain_css` returns it) as (selector list, declarations, whether
    it only sometimes applies, the rule it is nested in), in one pass. A rule inside a grouping at-rule (`_GROUPING`,
    unless a media query no screen matches) or nested in another rule (CSS nesting) only sometimes applies. A
    statement at-rule ends at its semicolon; anything else before a "{" at the top, a stray "}" included, is part
    of the selector (Chromium then drops the rule: `} .x{display:none}` hid nothing there but hid the text here)."""
    rules: list[tuple[str, str, bool, str | None]] = []
    stack: list[tuple[str, str, list[str]]] = []  # each open block: (selector or at-rule, kind, declarations)
    at = 0
    for brace in re.finditer(r"[{}]", css):
        opens = brace.group() == "{"
        if not (opens or stack):
            continue  # a stray "}" stays in the next rule's selector
        text, at = css[at:brace.start()], brace.end()
        if not opens:
            prelude, kind, body = stack.pop()
            _emit_rule(rules, prelude, kind, "".join(body) + text if body else text, stack)
            continue
        if stack:
            before, _, prelude = text.rpartition(";")  # declarations before a nested rule end at a semicolon
            if before:
                stack[-1][2].append(before)
        else:
            prelude = _STATEMENT.sub("", text) if text.lstrip().startswith("@") else text
        prelude = prelude.strip()
        stack.append((prelude, _kind(prelude, stack[-1][1] if stack else "top"), []))
    while stack:
        prelude, kind, body = stack.pop()
        _emit_rule(rules, prelude, kind, "".join(body) + (css[at:] if at >= 0 else ""), stack)
        at = -1  # the unclosed text belongs to the innermost block only
    return rules


def _kind(prelude: str, outer: str) -> str:
    """A block's kind: "style" (a rule), "group" (a grouping at-rule: `_GROUPING`) or "skip" (any other at-rule, a
    media query no screen matches, or anything inside one)."""
    if outer == "skip":
        return "skip"
    if not prelude.startswith("@"):
        return "style"
    name = prelude.lower()
    if not name.startswith(_GROUPING) or (name.startswith("@media") and not _screen_may_match(prelude[6:])):
        return "skip"
    return "group"


def _emit_rule(rules: list[tuple[str, str, bool, str | None]], prelude: str, kind: str, body: str,
               stack: list[tuple[str, str, list[str]]]) -> None:
    """Add a closed block to `rules` when it is a style rule (or a grouping rule nested in one, whose declarations
    are its parent's, sometimes)."""
    if ":" not in body:
        return  # no declaration: nothing to hide or show
    parent = stack[-1] if stack else None
    if kind == "style":
        rules.append((prelude, body, bool(stack), parent[0] if parent and parent[1] == "style" else None))
    elif kind == "group" and parent and parent[1] == "style":
        rules.append((parent[0], body, True, None))


def _applied_sheets(raw: str) -> Iterator[tuple[str, bool]]:
    """The text of each <style> block a browser may apply on screen, in page order, and whether it only sometimes
    applies (a media query other than screen or all): not one inside a <template> or <noscript>, a text-only
    element (`_TEXT_ONLY`), for another medium only (`<style media=print>`) or in another language (`type`). One
    pass: each block's end is searched for once, from where it opens."""
    lower, until, inert = raw.lower(), 0, 0
    for opened in _STYLE_BLOCK.finditer(raw):
        if opened.start() < until:
            continue
        closing, name = bool(opened.group(1)), opened.group(2).lower()
        if name != "style" and name not in _TEXT_ONLY:
            inert = max(0, inert + (-1 if closing else 1))
        if closing or name not in _TEXT_ONLY | {"style"}:
            continue
        until = lower.find(f"</{name}", opened.end())
        until = len(raw) if until < 0 else until
        media, kind = _STYLE_MEDIA.search(opened.group()), _STYLE_TYPE.search(opened.group())
        media_list = media.group(1).strip().lower() if media else ""
        if (name == "style" and not inert and _screen_may_match(media_list)
                and (not kind or kind.group(1).lower() in ("", "text/css"))):
            yield raw[opened.end():until], media_list not in ("", "all", "screen")


def page_sheet(raw: str) -> _Sheet:
    """The rules of every applied <style> block in the page (markup as `closed_markup_only` returns it) that hide
    or show."""
    sheet = _Sheet()
    cache: dict[tuple[str, str | None], list[str]] = {}  # each selector list's subjects (`_subjects`)
    applied: set[tuple[int, tuple[bool, ...]]] = set()  # which lists of subjects were added for which effect
    for text, sometimes in _applied_sheets(raw):
        for prelude, body, nested, parent in _rules(plain_css(text)):
            _add_rule(sheet, prelude, body, sometimes or nested, parent, cache, applied)
    return sheet


#: What joins the parts of a complex selector: its last part is the element the rule applies to.
_COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")
#: The start of a compound selector: its type (or "*"), its first class or id, else its first attribute's name.
_COMPOUND_START = re.compile(r"(\*|[a-z][a-z0-9-]*)?([.#][\w-]+)?(?:\[\s*([\w-]+))?", re.IGNORECASE)


def _subjects(selectors: str, parent: str | None, cache: dict[tuple[str, str | None], list[str]]) -> list[str]:
    """The keys (`_Sheet.keys`) of the elements a selector list may apply to, each read by its last compound's type
    and first class or id (`.menu .y:hover` → ".y"), else its first attribute (`[hidden]`: a page that shows every
    element with some attribute hides nothing else), "*" when it names none (`:not(.x)`); none for a
    pseudo-element (`p::before` is not the p). A nested selector naming only its parent ("&", "&:hover") has the
    parent's subjects: the same list, worked out once (`cache`), however many rules nest in the parent."""
    found = cache.get((selectors, parent))
    if found is not None:
        return found
    keys: list[str] = []
    for selector in selectors.split(","):
        last = _COMBINATOR.split(selector.strip())[-1]
        if not last or "::" in last:
            continue
        start = _COMPOUND_START.match(last.replace("&", ""))  # always matches: every part is optional
        kind, first, attribute = start.groups("") if start else ("", "", "")
        kind = kind.lower().replace("*", "")
        if first or kind:
            keys.append(kind + first)
        elif attribute:
            keys.append(f"[{attribute.lower()}]")
        elif "&" in last and parent is not None and "," not in selectors:
            keys = _subjects(parent, None, cache)
        else:
            keys.append("*")
    cache[(selectors, parent)] = keys
    return keys


def _add_rule(sheet: _Sheet, prelude: str, body: str, sometimes: bool, parent: str | None,
              cache: dict[tuple[str, str | None], list[str]], applied: set[tuple[int, tuple[bool, ...]]]) -> None:
    """One rule added to what hides or shows: a simple selector (`_SIMPLE_SELECTOR`) of a rule that always applies
    hides and shows; any other selector shows its subjects (`_subjects`) only, each list of subjects once for each
    effect (`applied`): 10 KB of "&{display:block}" nested in a rule of 2,000 classes took 4.8 s, each rule adding
    every class again."""
    style, important = _declarations(body)
    display, visible, content = style.get("display"), style.get("visibility"), style.get("content-visibility")
    if not (display or visible or content):
        return
    shows = bool(display) and display != "none"
    effect = (shows, shows and "display" in important, bool(display) and _unboxed(display or ""),
              bool(content) and content != "hidden", visible in ("visible", "initial"))
    for selector in prelude.split(","):
        selector = selector.strip()
        simple = None if sometimes or not selector else _SIMPLE_SELECTOR.fullmatch(selector)
        if simple and simple.group():
            keys = [_key(simple)]
            if display == "none":
                sheet.hide.add(keys[0])
            if content == "hidden":
                sheet.contain.add(keys[0])
            if visible in ("visible", "initial", "hidden", "collapse") and keys[0] not in sheet.visible:
                sheet.visibility[keys[0]] = visible in ("visible", "initial")
        else:
            keys = _subjects(selector, parent, cache)
            if (id(keys), effect) in applied:
                continue
            applied.add((id(keys), effect))
            if effect[4]:
                sheet.visibility.update(dict.fromkeys(keys, True))
        if effect[4] and "visibility" in important:
            sheet.visible.update(keys)
        _add_shown(sheet, keys, effect)


def _add_shown(sheet: _Sheet, keys: list[str], effect: tuple[bool, ...]) -> None:
    """What a rule shows (`_add_rule`'s effect: a display, an !important one, an unboxed one, a content-visibility
    that undoes hidden) added for each of its keys."""
    for wanted, found in zip(effect, (sheet.show, sheet.forced, sheet.unboxed, sheet.uncontain), strict=False):
        if wanted:
            found.update(keys)


def _key(simple: re.Match[str]) -> str:
    """A simple selector as `_Sheet.keys` names an element: the type in lower case, a class or id as written."""
    return (simple.group(1) or "").lower() + (simple.group(2) or "")


_NO_SHEET = _Sheet()


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


def _hidden(tag: str, attrs: list[tuple[str, str | None]], sheet: _Sheet = _NO_SHEET) -> bool:
    """True for an element readers never see when the page opens (as Chromium shows it): one never rendered
    (`_SKIPPED`), one the browser's own stylesheet hides (`_browser_hides`: the hidden attribute, a dialog not
    opened, a popover) unless the page gives it a display of its own (`<p hidden style="display:block">` is shown),
    or one the page hides: display none (unless an `!important` rule of the sheet gives it a display, which beats
    an inline style), or content-visibility hidden (`hidden=until-found` too) on an element with a box it can act
    on (`_boxed`), inline or by a simple rule of the page's sheet that no rule undoes. aria-hidden text is read: it
    is hidden from screen readers, not from the page. (A closed <details> hides all but its summary: see
    `_collapsed`; visibility is inherited and can be undone by a child: see `_visibility`.)"""
    values = _attributes(attrs)
    if tag in _SKIPPED and not _shadow_root(tag, values):
        return True
    style = inline_style(values["style"]) if "style" in values else {}
    keys = sheet.keys(tag, values) if sheet.hide or sheet.show or sheet.contain or sheet.unboxed else []
    if style.get("display") == "none":
        return not any(k in sheet.forced for k in keys)
    until_found = values.get("hidden", "").strip().lower() == "until-found"
    # The page's content-visibility beats the browser's own for `until-found` (`all: initial` sets it too).
    contained = (style["content-visibility"] == "hidden" if "content-visibility" in style
                 else (until_found or any(k in sheet.contain for k in keys))
                 and not any(k in sheet.uncontain for k in keys))
    if contained and _boxed(tag, style, any(k in sheet.unboxed for k in keys)):
        return True
    displayed = "display" in style or any(k in sheet.show for k in keys)  # a display of the page's own
    if _browser_hides(tag, values) and not until_found:
        return not displayed
    return not displayed and any(k in sheet.hide for k in keys)


def _browser_hides(tag: str, values: dict[str, str]) -> bool:
    """Whether the browser's own stylesheet gives the element `display: none`, which any display the page sets
    undoes: Chromium showed `<dialog style="display:contents">` and `<span popover style="display:inline">`. (A
    <summary> is shown as its <details>' summary even as a popover.)"""
    return ("hidden" in values or ("popover" in values and tag != "summary")
            or (tag == "dialog" and "open" not in values))


#: Displays content-visibility does nothing on, as Chromium shows them (each checked with `content-visibility:
#: hidden`): an inline box or none of its own, a table's box and its rows, row groups and caption (its cells are
#: hidden), ruby and its text; in one or two words (`inline flow` is `inline`); `initial` and `unset` (inline) and
#: `inherit` (unknown here). A table, row or caption with content-visibility hidden or `hidden=until-found` was
#: dropped from the scan; Chromium shows each.
_UNBOXED = frozenset(frozenset(d.split()) for d in (
    "inline", "inline flow", "contents", "initial", "unset", "inherit", "table", "block table", "inline-table",
    "inline table", "table-row", "table-row-group", "table-header-group", "table-footer-group", "table-caption",
    "ruby", "inline ruby", "block ruby", "ruby-text", "ruby-base", "ruby-text-container", "ruby-base-container"))
#: The elements whose display in the browser's own sheet is one of those, among `_BLOCKS`.
_UNBOXED_TAGS = frozenset({"table", "tr", "thead", "tbody", "tfoot", "caption"})


def _unboxed(display: str) -> bool:
    """Whether content-visibility does nothing on a box of this display (`_UNBOXED`), or may do nothing: a variable
    (`display: var(--d)`, `unset` when the variable is not set) may be anything."""
    return "(" in display or frozenset(display.split()) in _UNBOXED


def _boxed(tag: str, style: dict[str, str], unboxed_by_sheet: bool = False) -> bool:
    """Whether content-visibility can hide the element's content (`_UNBOXED`: never on an inline box, a table or
    its rows; Chromium showed `<em hidden="until-found">`, `<b style="content-visibility:hidden">`, and an
    <article> the page's sheet made inline). An inline style's display counts first, then the sheet's, then the
    element's own."""
    display = style.get("display")
    if display and display not in ("revert", "revert-layer"):  # the browser's own display: the element's
        return not _unboxed(display)
    return tag in _BLOCKS and tag not in _UNBOXED_TAGS and not unboxed_by_sheet


def _visibility(tag: str, attrs: list[tuple[str, str | None]], sheet: _Sheet = _NO_SHEET) -> bool | None:
    """Whether an element's inline style makes it visible (True), invisible (False) or leaves what it inherits
    (None). Unlike display:none, `visibility: hidden` is undone by a child's `visibility: visible`, which Chromium
    shows: a figure in such a child was not read. Of the sheet's rules naming the element, one making it visible
    wins, whatever their order and specificity (`p{visibility:hidden} .w{visibility:visible}` shows a p.w), and
    one making it visible `!important` wins over later rules and the inline style."""
    values = _attributes(attrs)
    style = inline_style(values["style"]) if "style" in values else {}
    value = {"visible": True, "initial": True, "hidden": False, "collapse": False}.get(style.get("visibility") or "")
    if not sheet.visibility or value is True:
        return value
    keys = sheet.keys(tag, values)
    if any(k in sheet.visible for k in keys):
        return True  # an !important rule beats the inline style
    found = [sheet.visibility[k] for k in keys if k in sheet.visibility]
    return value if value is not None or not found else any(found)


def _collapsed(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """A <details> without `open`: Chromium shows its <summary> only (a "Read more" box is closed until clicked)."""
    return tag == "details" and all(k.lower() != "open" for k, _ in attrs)


#: Where a table may hold only its own parts (`_TABLE_PARTS`): text or any other element there is put before the
#: table by HTML's tree builder ("foster parenting"), outside whatever hides the table. `<table hidden>Recorded
#: 4,004 cases.<tr>…` shows the figure in Chromium; scan dropped it with the table.
_TABLE_MODES = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
_TABLE_PARTS = frozenset({"caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th", "table",
                          "script", "style", "template", "input", "form"})


class _TextParser(HTMLParser):
    """Collects the visible text, with a blank line where a block element starts or ends.

    It keeps a stack of open elements, so a missing </head>, an unclosed <svg> or a stray end tag never hides the
    rest of the page: an end tag closes everything opened since its start tag, and body content closes the head.
    A new <p> or block closes an open <p> (and a new <li> an open <li>), as HTML5 does, so `<p hidden>…<p>text`
    hides only the first paragraph. Where each tag sits in the stack is indexed (`_at`), so every tag costs the
    same however deep the nesting: 100,000 nested <div>s took minutes when each tag searched the whole stack.
    """

    def __init__(self, sheet: _Sheet = _NO_SHEET) -> None:
        super().__init__(convert_charrefs=True)
        self._sheet = sheet
        self.parts: list[str] = []
        self._open: list[str] = []
        self._at: dict[str, list[int]] = {}  # tag -> its depths in `_open`, innermost last
        self._hidden_at: int | None = None  # stack depth of the outermost skipped element
        # Depth of each open closed <details> and whether it has shown its summary (only its first is one): a
        # list, since one may sit in another's shown summary (a single slot read the inner one's hidden text).
        self._collapsed: list[list[int | bool]] = []
        self._visibility: list[tuple[int, bool]] = []  # (depth, visible) of each open element that sets visibility
        self._marks: list[tuple[int, int]] = []  # where each open <sup>/<sub>'s text starts: (part, character)
        self._chars = 0  # characters in `parts`: a mark longer than a footnote's is never joined to be looked at
        # Depth of each open declarative shadow root: the page's sheet does not reach inside one (Chromium showed
        # `<p class=x>` there under the page's `.x{display:none}`, and scan dropped it); the browser's own does.
        self._shadows: list[int] = []
        # Each open element put before its table (`_TABLE_MODES`): its depth and what hid the table's content.
        self._foster: list[tuple[int, int | None]] = []

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        self._chars += len(text)

    def _close_to(self, depth: int) -> None:
        for tag in self._open[depth:]:
            self._at[tag].pop()
        del self._open[depth:]
        while self._visibility and self._visibility[-1][0] >= depth:
            self._visibility.pop()
        while self._shadows and self._shadows[-1] >= depth:
            self._shadows.pop()
        while self._foster and self._foster[-1][0] >= depth:
            self._hidden_at = self._foster.pop()[1]
        if self._hidden_at is not None and self._hidden_at >= len(self._open):
            self._hidden_at = None
        while self._collapsed and self._collapsed[-1][0] >= len(self._open):
            self._collapsed.pop()
        if self._collapsed and self._hidden_at is None and len(self._open) == self._collapsed[-1][0] + 1:
            self._hidden_at = int(self._collapsed[-1][0])  # its summary ended

    def _innermost(self, tag: str) -> int:
        """The depth of the innermost open `tag`, or -1 when none is open."""
        depths = self._at.get(tag)
        return depths[-1] if depths else -1

    def _close_implied(self, tag: str) -> None:
        """Close what this start tag ends: the head or foreign content for body content, an open <p> for a block
        (unless a table cell or the like stands between)."""
        for name in ("head", *_FOREIGN):
            depths = self._at.get(name)
            if depths:
                self._close_to(depths[0])
        p_at = self._innermost("p")
        if p_at >= 0 and tag in _CLOSES_P and all(self._innermost(b) < p_at for b in _P_SCOPE):
            self._close_to(p_at)

    def _close_omitted_end(self, tag: str) -> None:
        """Close the element(s) whose end tag this start tag implies (`_IMPLIED_END`: a new cell, row, list item,
        definition, option or ruby text closes the open one)."""
        closes, scope = _IMPLIED_END[tag]
        bound = max(self._innermost(b) for b in scope)
        open_at = [d for d in (self._innermost(name) for name in closes) if d > bound]
        if open_at:
            self._close_to(min(open_at))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "body":
            self._close_implied(tag)
            self._emit("\n\n")
        if tag in _IMPLIED_END:
            self._close_omitted_end(tag)
        if self._foster and tag in _TABLE_PARTS and self._foster[-1][0] > self._innermost("table"):
            self._close_to(self._foster[-1][0])  # a table's part ends what was put before the table
        if tag in _VOID:
            return
        depth = len(self._open)
        sheet = _NO_SHEET if self._shadows else self._sheet
        if self._open and self._open[-1] in _TABLE_MODES and tag not in _TABLE_PARTS:
            hidden, seen = self._before_table()
            self._foster.append((depth, self._hidden_at))
            self._hidden_at = hidden
            self._visibility.append((depth, seen))
        if self._hidden_at is None and _hidden(tag, attrs, sheet):
            self._hidden_at = depth
        elif self._hidden_at is None and _collapsed(tag, attrs):
            self._hidden_at = depth
            self._collapsed.append([depth, False])
        elif (tag == "summary" and self._collapsed and self._hidden_at == self._collapsed[-1][0] == depth - 1
              and not self._collapsed[-1][1]):
            self._collapsed[-1][1] = True  # its first <summary> is the one shown; any later one is hidden content
            if not _hidden(tag, attrs, sheet):
                self._hidden_at = None  # a closed <details> shows its summary
        visible = _visibility(tag, attrs, sheet)
        if visible is not None:
            self._visibility.append((depth, visible))
        if tag in _MARK_HOLDERS:
            self._marks.append((len(self.parts), self._chars))
        if tag == "template" and _shadow_root(tag, _attributes(attrs)):
            self._shadows.append(depth)
        self._at.setdefault(tag, []).append(len(self._open))
        self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._emit("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _MARK_HOLDERS and self._marks:
            start, chars = self._marks.pop()
            if self._chars - chars <= _LONGEST_MARK and _FOOTNOTE_MARK.fullmatch("".join(self.parts[start:])):
                del self.parts[start:]
                self._chars = chars
        depth = self._innermost(tag)
        if depth >= 0:
            self._close_to(depth)
        if tag in _BLOCKS:
            self._emit("\n\n")

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] in _TABLE_MODES and data.strip():
            hidden, visible = self._before_table()
        else:
            hidden, visible = self._hidden_at, not self._visibility or self._visibility[-1][1]
        if hidden is None and visible:
            self._emit(data)

    def _before_table(self) -> tuple[int | None, bool]:
        """How content HTML puts before the innermost table is hidden there: only by what hides the table's parent
        (the depth of the outermost hidden element above the table, and whether visibility lets it be seen)."""
        table_at = self._innermost("table")
        hidden = self._hidden_at if self._hidden_at is not None and self._hidden_at < table_at else None
        visible = next((seen for at, seen in reversed(self._visibility) if at < table_at), True)
        return hidden, visible


#: Any element the parser gives a meaning to, or that a fragment commonly starts with: a fragment of <section>,
#: <template> or <table> is HTML too (read as plain text, its hidden text was counted and its tags quoted).
_HTML_NAMES = sorted(_BLOCKS | _SKIPPED | _OTHER_ELEMENTS | {"!doctype", "html", "body", "span", "a", "b", "i", "em",
                                                   "strong", "main", "aside", "figure", "details", "summary", "time"},
                     key=lambda name: (-len(name), name))
_HTML_TAG = re.compile(rf"</?(?:{'|'.join(_HTML_NAMES)})[\s>/]", re.IGNORECASE)
#: Characters that are not text: an ANSI escape sequence and C0/C1 controls other than tab and newline (in a pasted
#: article they reached the terminal the report is printed to, and "ESC[31m" read as 31 million) — read as a space.
_NOT_TEXT = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


#: Where a comment ends in a browser: "-->" or "--!>", looked for from just after "<!" ("<!-->" and "<!--->" are
#: empty comments). html.parser ends one only at "-->" looked for after "<!--" (and also at "-- >"), so "<!--->"
#: or "--!>" hid the visible text up to the next comment.
_COMMENT_END = re.compile(r"--!?>")
#: What HTML reads as a bogus comment, to the first ">" (or the end): "<?" and "<!" not starting a comment or a
#: doctype, `<![CDATA[…]]>` included outside SVG and MathML. html.parser read `<![CDATA[` to "]]>" (dropping "y,
#: 1,200 offences" after `<![CDATA[ x > y, 1,200 offences ]]>`, which Chromium shows), searched to the end of the
#: page for each one with no end (1 MB of them took 13 s, 45 s at 1.8 MB), and raised AssertionError on any other
#: word (`<![foo>`: a traceback from `scan`).
_BOGUS_COMMENT = re.compile(r"<(?:!(?!--|doctype)|\?)", re.IGNORECASE)
#: Elements whose content is text to the parser, never a comment: a "<!--" inside a script is not one.
_RAW_TEXT_START = re.compile(r"<(script|style)[\s/>]", re.IGNORECASE)


def closed_markup_only(raw: str) -> str:
    """The page with every "<" that cannot start a complete tag written as "&lt;" (text, as browsers show it) and
    every comment removed where browsers end it. Python's html.parser (before 3.11.13, CVE-2025-6069) rescans to
    the end of the page for each "<" whose tag never closes: 80 KB of "<a </a" took 29 s, 5 MB would take hours. A
    "<" starts a tag here only if a ">" comes before the next "<"; the next of each is found once and reused, so
    this is one pass over the page. A comment with no end hides the rest of the page, as in browsers (it was read
    as text), and so does a bogus comment (`_BOGUS_COMMENT`) with no ">"; a "<!--" inside a script or style is
    left to the parser, which reads it as their text."""
    out: list[str] = []
    start = 0
    next_lt = next_gt = -2  # -2: not looked up yet; -1: none left in the page
    close_at, close_end = -2, -2  # the next comment end after a "<!--" (start and end), -1 when there is none
    raw_text_until = -1  # inside a script or style up to here
    lower: str | None = None
    n = len(raw)
    i = raw.find("<")
    while i >= 0:
        if next_gt != -1 and next_gt <= i:
            next_gt = raw.find(">", i + 1)
        if next_lt != -1 and next_lt <= i:
            next_lt = raw.find("<", i + 1)
        opened = _RAW_TEXT_START.match(raw, i) if i >= raw_text_until else None
        if opened:
            lower = raw.lower() if lower is None else lower
            raw_text_until = lower.find(f"</{opened.group(1).lower()}", opened.end())
            raw_text_until = n if raw_text_until == -1 else raw_text_until
        if raw.startswith("<!--", i) and i >= raw_text_until:
            if close_at != -1 and close_at < i + 2:
                found = _COMMENT_END.search(raw, i + 2)
                close_at, close_end = (found.start(), found.end()) if found else (-1, -1)
            out.append(raw[start:i])  # never shown: removed here, ended where a browser ends it
            if close_at == -1:
                return "".join(out)
            start = close_end
            i = raw.find("<", close_end) if close_end < n else -1
            continue
        if _BOGUS_COMMENT.match(raw, i) and i >= raw_text_until:
            out.append(raw[start:i])  # a bogus comment: never shown, ended at the first ">" as a browser ends it
            if next_gt == -1:
                return "".join(out)
            start = next_gt + 1
            i = raw.find("<", start) if start < n else -1
            continue
        complete = next_gt != -1 and (next_lt == -1 or next_gt < next_lt)
        if not complete:
            out += [raw[start:i], "&lt;"]
            start = i + 1
        i = raw.find("<", i + 1) if i + 1 < n else -1
    out.append(raw[start:])
    return "".join(out)


def looks_like_html(text: str) -> bool:
    """True for a saved web page or an HTML fragment (a tag such as <p>, <section> or <html> anywhere in it)."""
    return bool(_HTML_TAG.search(text))


def to_text(raw: str) -> str:
    """The article's visible text: HTML reduced to paragraphs; plain text with its white space tidied.

    Characters are read the one way every number check reads them (NFKC, no zero-width or format characters:
    "1\u200b,737" is 1,737, not 1), a digit other than 0-9 kept as written so it is never read into a number, and
    line ends of any system (CR LF, CR alone) alike."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(raw):
        markup = closed_markup_only(raw)
        parser = _TextParser(page_sheet(markup))
        parser.feed(markup)
        parser.close()
        raw = "".join(parser.parts)
    else:
        raw = html.unescape(raw) if re.search(r"&(?:#\d+|[a-z]+);", raw) else raw
    raw = _NOT_TEXT.sub(" ", normal_text_keeping_digits(raw))
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
_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Sir.", "No.", "c.", "Co.", "Prof.", "Rev.", "Insp.", "Supt.",
                  "Det.", "Sgt.", "Gov.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
                  "Dec.", "i.e.", "e.g.", "vs.", "approx.")


def _split_paragraph(paragraph: str) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    start = 0
    for m in _END.finditer(paragraph):
        candidate = paragraph[start:m.start()].rstrip()
        if candidate.endswith(_ABBREVIATIONS):
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
