"""What a page's CSS says of an element: whether its rules hide it or show it, read without a CSS engine.

Scan reads an article as readers see it when the page opens (`scan_text`), so text a page's CSS hides is not a
figure of the article. This module is the CSS half of that: the page's <style> blocks and an element's `style`
attribute read as CSS's tokenizer reads them (comments, strings, escapes, at-rules, nesting), each rule keyed by
what it applies to (`Sheet`). Only what it can key exactly may hide; any rule that may apply may show, since a
figure read that a reader cannot see costs a fact-checker less than one a reader sees and scan drops.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["FLOATED", "NO_SHEET", "OUT_OF_FLOW", "Sheet", "box", "inline_declarations", "inline_style", "page_sheet",
           "plain_css", "unboxed"]


#: What Python reads as white space (`str.split`, `str.strip`, a pattern's `\s`) and CSS does not: CSS's white space is
#: the space, tab, line feed, carriage return and form feed only, and any other character is part of a name (a
#: no-break space, U+2003, U+3000) or a delimiter no declaration or selector holds (U+000B, U+001C). Read as white
#: space, `display:none\u00a0` (an unknown value, which Chromium drops, showing the element) hid the text, and so did
#: `.h\u00a0{display:none}` (a class "h\u00a0", which no element named "h" has); `<p hidden
#: style="display:block\u00a0">` was read though Chromium hides it. Each is read as a name's character
#: (`css_name`), so nothing later reads it as white space.
_NOT_CSS_SPACE = r"[^\S \t\n\r\f]"
#: HTML's and CSS's keywords are in either case in ASCII only: Python's `lower` reads the Kelvin sign as "k", so
#: `<p hidden style="display:bloc\u212a">` (an unknown display, which Chromium drops, leaving the p hidden) was shown.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: What CSS reads as one piece, in one pass: "<!--" or "-->" (ignored: `<style><!-- .x{display:none} --></style>`
#: hides .x, which scan read as a selector "<!-- .x"), a comment (from "/*" to the next "*/", or to the end when
#: none follows), a string (to its closing quote, a line end or the end; a backslash escapes the next character),
#: or an escape (a backslash and up to six hex digits and one white space after them, or any other character).
#: Each alternative ends wherever the text ends, so no match is ever retried: a lazy regex retried from every "/*"
#: with no end took 22 s on 100 KB of "/*a".
_CSS_PIECE = re.compile(r"""<!--|-->|/\*.*?(?:\*/|\Z)|(["'])(?:(?!\1)[^\\\n]|\\(?:.|\Z))*(?:\1|(?=\n)|\Z)"""
                        r"|\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|(.|\Z))|(" + _NOT_CSS_SPACE + ")", re.DOTALL)
_IMPORTANT = re.compile(r"!\s*important$")
#: A character of a CSS name (an identifier: a class, an id, a keyword): a letter, digit, "_", "-" or any character
#: outside ASCII.
_NAME = r"[\w\-\u0080-\U0010ffff]"
_NOT_NAME = re.compile(rf"[^\w\-\u0080-\U0010ffff]|{_NOT_CSS_SPACE}")
#: Where an escaped ASCII character that is not one of a name's stands in a name: a private character of its own,
#: so it is part of the name and never CSS's punctuation or white space (read as the punctuation, `display:none\9`,
#: an old IE hack Chromium ignores, hid the text, and `\}` ended a rule early), yet names the same class as the
#: character itself in a page's `class` (`Sheet.keys`): Tailwind's `.md\:block{display:block}` shows `<div
#: class="hidden md:block">` in Chromium, and read as a different name ("md\ufffdblock") scan dropped it.
_STAND_IN = 0xF0000


def css_name(name: str) -> str:
    """A class or id as the sheet's reading names it (`_STAND_IN`)."""
    return _NOT_NAME.sub(lambda m: chr(_STAND_IN + ord(m.group())), name) if _NOT_NAME.search(name) else name


def _css_piece(match: re.Match[str]) -> str:
    if match.group(4) is not None:
        return css_name(match.group(4))  # white space to Python only: a name's character to CSS
    if match.group(1) is not None:
        return '""'  # a string's content is never a selector or a display: `content:"}.x{display:none}"` is one
    if match.group().startswith(("<!--", "-->")):
        return " "  # the markers an old page wraps its sheet in, as if for a comment: CSS reads them as nothing
    if match.group(2) is None and match.group(3) is None:
        return ""  # a comment reads as nothing
    code = ord(match.group(3) or "\ufffd") if match.group(2) is None else int(match.group(2), 16)
    char = chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return css_name(char)


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
    return inline_declarations(style)[0]


def inline_declarations(style: str) -> tuple[dict[str, str], set[str]]:
    """`inline_style`, and which of its properties are `!important`: an inline `!important` beats every rule of
    the page's sheet, and an inline declaration without it loses to a sheet's `!important`."""
    return _declarations(plain_css(style))


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


#: The visibility values that leave an element the visibility it inherits: the CSS-wide keywords but `initial`
#: (`revert` and `revert-layer` give back the browser's own, which is inherited too).
_INHERITED_VISIBILITY = frozenset({"inherit", "unset", "revert", "revert-layer"})


def visibility_of(value: str) -> bool | None:
    """What a visibility declaration makes an element: invisible (False: `hidden`, `collapse`), what it inherits
    (None: `_INHERITED_VISIBILITY`), else visible (True: `visible`, `initial`, or a value known only once computed, a
    variable or another function, which may be either: read, the safe side). Read as doing nothing, any of the None
    and function values left an earlier rule's `visibility: hidden` standing, and a figure Chromium shows was
    dropped (`.x{visibility:hidden}` then `style="visibility:inherit"`, or a later `.x{visibility:var(--v)}`)."""
    if value in ("hidden", "collapse"):
        return False
    return None if value in _INHERITED_VISIBILITY else True


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
        name, value = name.strip().translate(_ASCII_LOWER), " ".join(value.translate(_ASCII_LOWER).split())
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
_SIMPLE_SELECTOR = re.compile(rf"([a-z][a-z0-9-]*)?([.#]{_NAME}+)?", re.IGNORECASE)
#: A tag's name ends where HTML's tokenizer ends it, at ASCII white space, "/" or ">": with Python's `\s`,
#: `<style\u00a0>` (or U+000B, U+001C, U+2003, U+3000) was read as a sheet and hid figures, where Chromium reads an
#: element of another name and shows them, and `<noscript\u00a0>` kept the sheet inside it from being applied.
_STYLE_BLOCK = re.compile(r"<(/?)(style|template|noscript|math|script|textarea|title|xmp|iframe|noembed|noframes)"
                          r"(?=[\t\n\f\r />])[^>]*>", re.IGNORECASE)
#: Elements whose content is text, never markup (HTML's raw text and escapable raw text elements, and the legacy
#: ones parsed as raw text): a "<style>" inside one is characters (a script building a sheet as a string, a form's
#: sample text, an iframe's fallback), and read as a sheet it hid figures readers see.
_TEXT_ONLY = frozenset({"script", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
#: One attribute of a start tag as HTML's tokenizer reads it: after white space or "/" (`<style/media=print>`), a
#: name up to white space, "/", ">" or "=", and a value quoted or up to white space or ">". Looked for with a pattern
#: each (`\smedia=…`), `<style/media=print>` or `type=" text/css"` applied a sheet Chromium ignores (its hiding
#: rules dropped figures readers see), and `<style a="b media=print">` took another attribute's value for one.
_ATTRIBUTE = re.compile(r"""[\t\n\f\r /]*(=?[^\t\n\f\r />=]*)"""
                        r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?""")


def _tag_attributes(tag: str, start: int) -> dict[str, str]:
    """A start tag's attributes (`tag` the tag whole, from "<" to ">"; `start` where its name ends), names in lower
    case; the first of two with one name counts, as in HTML."""
    found: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(tag, start, len(tag) - 1):
        name = m.group(1).translate(_ASCII_LOWER)
        if name:
            found.setdefault(name, next((v for v in m.group(2, 3, 4) if v is not None), ""))
    return found


#: A <style> whose type is given and is not CSS is never applied (`<style type="text/less">`): only an empty type or
#: "text/css" in any case, as written (" text/css" is another type to HTML).
_CSS_TYPES = ("", "text/css")


@dataclass
class Sheet:
    """What the page's <style> blocks say of an element, looked up by its type, classes and id (`keys`).

    A top-level rule with a simple selector (`_SIMPLE_SELECTOR`) hides: `<style>.x{display:none}</style><p class=x>`
    hid "2,000 victims" from readers but scan read it. Any rule may show, whatever its order and specificity: one
    with combinators, attributes or pseudo-classes (read by its subject, `_subject`), one inside @media or @supports
    with a condition (`_rules`; not a media query every screen matches, nor @layer: `_ALWAYS_MEDIA`), one nested in
    another rule. Such rules are never honoured for hiding (no CSS engine: their
    text is read, a miss rather than a guess), but each is honoured for showing: Chromium showed `.x{display:none}
    @media (min-width:1px){.x{display:block}}` (the usual responsive pattern), `[hidden]{display:block}` and a later
    `.w{visibility:visible}`, and scan dropped each."""

    hide: set[str] = field(default_factory=set)  # display none
    contain: set[str] = field(default_factory=set)  # content-visibility hidden
    show: set[str] = field(default_factory=set)  # a display other than none
    forced: set[str] = field(default_factory=set)  # ... given !important: it beats an inline `display: none`
    uncontain: set[str] = field(default_factory=set)  # a content-visibility other than hidden
    unboxed: set[str] = field(default_factory=set)  # a display content-visibility does nothing on (`unboxed`)
    visibility: dict[str, bool] = field(default_factory=dict)  # visible or not; a hiding rule's last one counts
    visible: set[str] = field(default_factory=set)  # made visible !important: no later rule or inline style undoes
    # Hidden by a simple rule's `display: none !important` (`visibility: hidden !important`): only an !important
    # rule that shows, or an inline !important, undoes it. `.x{display:none!important} .x{display:block}` and
    # `<p class=x style="display:block">` hide the p in Chromium; any rule that showed undid it here.
    hide_forced: set[str] = field(default_factory=set)
    invisible: set[str] = field(default_factory=set)
    # The display a simple rule that always applies gives each key, the last such rule's (`box`), and the keys such a
    # rule floats (`FLOATED`).
    display: dict[str, str] = field(default_factory=dict)
    floats: set[str] = field(default_factory=set)
    # The position such a rule gives each key, the last such rule's (`OUT_OF_FLOW`).
    position: dict[str, str] = field(default_factory=dict)
    # "sup" or "sub" for each key such a rule raises or lowers as <sup> or <sub> does (`vertical-align: super` or
    # `sub`), "" for one it puts back on the line: the last such rule's (`_RAISED`).
    raised: dict[str, str] = field(default_factory=dict)
    # The rules that write text with a figure into the page (`_generated_text`): each one's selector, the attributes
    # its `content` takes text from, and whether its own strings hold a digit.
    generated: list[tuple[str, tuple[str, ...], bool]] = field(default_factory=list)

    def keys(self, tag: str, values: dict[str, str]) -> list[str]:
        """How the sheet names this element: "*" (a rule whose subject has no type, class, id or attribute), its
        type, each class (split at ASCII white space only, as HTML splits it: "a\u00a0b" is one class), its id and
        each attribute's name ("[hidden]")."""
        keys = ["*", tag, *(f"[{name}]" for name in values)]
        for name in _ASCII_SPACE.split(values.get("class", "")):
            if name:
                keys += [f".{css_name(name)}", f"{tag}.{css_name(name)}"]
        if values.get("id"):
            keys += [f"#{css_name(values['id'])}", f"{tag}#{css_name(values['id'])}"]
        return keys


_ASCII_SPACE = re.compile(r"[ \t\n\f\r]+")
#: At-rules whose block holds style rules for the page's elements (each may apply, so each rule in it may show);
#: any other at-rule's block (@keyframes, @font-face, @page, ...) selects no element and is skipped.
_GROUPING = ("@media", "@supports", "@layer", "@container", "@scope", "@document", "@-moz-document")
#: A statement at-rule at the top of a sheet (`@import url(x.css);`, `@charset "utf-8";`), ending at its semicolon.
_STATEMENT = re.compile(r"\s*@[^;{}]*;")


def _screen_may_match(media: str) -> bool:
    """Whether a media query list may hold on a screen: not when every query names another medium (`print`), is
    `not all` or `not screen`, or is empty in a list (`print,`: an invalid query, which matches nothing). Read as
    maybe, `.x{display:none} @media not all{.x{display:block}}` showed a .x Chromium hides."""
    if not media.strip():
        return True
    for query in media.lower().split(","):
        words = query.split()
        words = words[1:] if words[:1] == ["only"] else words
        if words[:1] == ["not"] and words[1:] in (["all"], ["screen"]):
            continue
        if words and (words[0] in ("all", "screen", "not") or words[0].startswith("(")):
            return True
    return False


def _rules(css: str) -> list[tuple[str, str, bool, str | None]]:
    """Every style rule of a stylesheet (text as `plain_css` returns it) as (selector list, declarations, whether
    it only sometimes applies, the rule it is nested in), in one pass. A rule inside a grouping at-rule (`_GROUPING`,
    unless a media query no screen matches) or nested in another rule (CSS nesting) only sometimes applies. A
    statement at-rule ends at its semicolon; anything else before a "{" at the top, a stray "}" included, is part
    of the selector (Chromium then drops the rule: `} .x{display:none}` hid nothing there but hid the text here)."""
    rules: list[tuple[str, str, bool, str | None]] = []
    stack: list[tuple[str, str]] = []  # each open block: (selector or at-rule, kind)
    # Declarations written before a nested block, by the depth of the block they belong to: kept apart from the
    # stack, so an open block costs no list of its own (half a million empty lists, one per "{", kept Python's
    # garbage collector busy enough to make a sheet of nested braces grow faster than its length).
    bodies: dict[int, list[str]] = {}
    at = 0
    for brace in re.finditer(r"[{}]", css):
        opens = brace.group() == "{"
        if not (opens or stack):
            continue  # a stray "}" stays in the next rule's selector
        text, at = css[at:brace.start()], brace.end()
        if not opens:
            prelude, kind = stack.pop()
            body = bodies.pop(len(stack), None)
            _emit_rule(rules, prelude, kind, "".join(body) + text if body else text, stack)
            continue
        if stack:
            before, _, prelude = text.rpartition(";")  # declarations before a nested rule end at a semicolon
            if before:
                bodies.setdefault(len(stack) - 1, []).append(before)
        else:
            prelude = _STATEMENT.sub("", text) if text.lstrip().startswith("@") else text
        prelude = prelude.strip()
        stack.append((prelude, _kind(prelude, stack[-1][1] if stack else "top")))
    while stack:
        prelude, kind = stack.pop()
        body = bodies.pop(len(stack), None)
        _emit_rule(rules, prelude, kind, "".join(body or ()) + (css[at:] if at >= 0 else ""), stack)
        at = -1  # the unclosed text belongs to the innermost block only
    return rules


#: Grouping rules that hold on every screen: a media query for all media or the screen with no condition (`@media
#: screen`, `only all`), and a cascade layer (`@layer x{…}`), whose rules apply as any rule does (a layer changes
#: which rule wins, and here any rule that shows wins). Read as "sometimes", `@media screen{.draft{display:none}}`
#: hid nothing and its draft figure was read.
_ALWAYS_MEDIA = re.compile(r"\s*(?:only\s+)?(?:all|screen)\s*", re.IGNORECASE)
_LAYER = re.compile(r"@layer\b", re.IGNORECASE)


def _kind(prelude: str, outer: str) -> str:
    """A block's kind: "style" (a rule), "always" (a grouping at-rule that holds on every screen: `_ALWAYS_MEDIA`),
    "group" (any other grouping at-rule: `_GROUPING`) or "skip" (any other at-rule, a media query no screen
    matches, or anything inside one)."""
    if outer == "skip":
        return "skip"
    if not prelude.startswith("@"):
        return "style"
    name = prelude.lower()
    if not name.startswith(_GROUPING) or (name.startswith("@media") and not _screen_may_match(prelude[6:])):
        return "skip"
    if _LAYER.match(prelude) or (name.startswith("@media") and any(
            _ALWAYS_MEDIA.fullmatch(query) for query in prelude[6:].split(","))):
        return "always"
    return "group"


def _emit_rule(rules: list[tuple[str, str, bool, str | None]], prelude: str, kind: str, body: str,
               stack: list[tuple[str, str]]) -> None:
    """Add a closed block to `rules` when it is a style rule (or a grouping rule nested in one, whose declarations
    are its parent's, sometimes)."""
    if ":" not in body:
        return  # no declaration: nothing to hide or show
    parent = stack[-1] if stack else None
    if kind == "style":
        sometimes = any(outer != "always" for _, outer in stack)
        rules.append((prelude, body, sometimes, parent[0] if parent and parent[1] == "style" else None))
    elif kind in ("group", "always") and parent and parent[1] == "style":
        rules.append((parent[0], body, True, None))


#: A page's own Content-Security-Policy, from a `<meta http-equiv="Content-Security-Policy">` in its head: Chromium
#: applies no <style> after it and no style attribute that its style directives do not allow, and shows what they
#: would hide. Applied, `style-src 'self'` over `<p style="display:none">1,200</p>` hid from scan a figure readers
#: see. A policy allows inline styles with 'unsafe-inline' (ignored beside a nonce or a hash), a <style> also by its
#: nonce or its text's hash; each policy must allow (CSP Level 3: `style-src-elem` or `-attr`, else `style-src`,
#: else `default-src`; a policy without one allows all).
_META_TAG = re.compile(r"<meta(?=[\t\n\f\r />])[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head[\t\n\f\r />]|<body[\t\n\f\r />]", re.IGNORECASE)
_POLICY_NAME = re.compile("content-security-policy", re.IGNORECASE)
_POLICY_SPACE = re.compile(r"[\t\n\f\r ]+")
_HASHES = {"sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}


#: More restrictive policies than this and no <style> is taken as allowed (each must allow it, and a page that
#: declares so many is built against readers or tools): checking each sheet against each policy was quadratic.
_MOST_POLICIES = 16


@dataclass(frozen=True)
class _Sources:
    """What one policy's source list allows of a kind of inline style: all of it, or those named by nonce or hash."""

    inline: bool
    nonces: frozenset[str] = frozenset()
    hashes: frozenset[tuple[str, str]] = frozenset()  # (algorithm, base64 digest)


def _sources(words: tuple[str, ...] | None) -> _Sources:
    """A source list read once: 'unsafe-inline' allows all inline styles unless a nonce or a hash is named too."""
    if words is None:
        return _Sources(True)
    nonces, hashes, unsafe = set(), set(), False
    for word in words:
        kind, _, value = word.strip("'").partition("-")
        kind = kind.translate(_ASCII_LOWER)
        if kind == "nonce" and value:
            nonces.add(value)
        elif kind in _HASHES and value:
            hashes.add((kind, value))
        unsafe = unsafe or word.translate(_ASCII_LOWER) == "'unsafe-inline'"
    return _Sources(unsafe and not nonces and not hashes, frozenset(nonces), frozenset(hashes))


@dataclass(frozen=True)
class StylePolicy:
    """What a page's policies (`_META_TAG`) allow: each restrictive policy's sources for a <style>, whether style
    attributes apply, and where the policies start (a <style> before the first is applied)."""

    elements: tuple[_Sources, ...]
    attributes: bool
    start: int = 0

    def within(self, outer: StylePolicy | None) -> StylePolicy:
        """This policy where another also holds (a frame's document keeps the policies of the page that holds it,
        from its start)."""
        if outer is None:
            return self
        return StylePolicy(self.elements + outer.elements, self.attributes and outer.attributes, 0)

    def allows_attributes(self) -> bool:
        """Whether style attributes apply."""
        return self.attributes

    def allows_element(self, at: int, attributes: dict[str, str], text: str) -> bool:
        """Whether the <style> at `at`, with these attributes and this text, applies: each policy names it by its
        nonce or its text's hash (each digest taken once)."""
        if at < self.start or not self.elements:
            return True
        if len(self.elements) > _MOST_POLICIES:
            return False
        nonce, digests = attributes.get("nonce", ""), {}
        for sources in self.elements:
            if nonce and nonce in sources.nonces:
                continue
            for kind, _ in sources.hashes:
                if kind not in digests:
                    digests[kind] = base64.b64encode(_HASHES[kind](text.encode()).digest()).decode()
            if not any((kind, digests[kind]) in sources.hashes for kind in {kind for kind, _ in sources.hashes}):
                return False
        return True


def style_policy(raw: str) -> StylePolicy | None:
    """The style policy of the page (markup as `closed_markup_only` returns it), or None: the policies its head
    declares in `<meta http-equiv="Content-Security-Policy">` tags (one outside the head is ignored, as Chromium
    ignores it). Looked for only where the page names one."""
    head_end = _HEAD_END.search(raw)
    end = head_end.start() if head_end else len(raw)
    if not _POLICY_NAME.search(raw, 0, end):
        return None
    elements: list[_Sources] = []
    attributes, start = True, None
    for meta in _META_TAG.finditer(raw, 0, end):
        values = _tag_attributes(meta.group(), 5)
        if values.get("http-equiv", "").translate(_ASCII_LOWER) != "content-security-policy":  # as written
            continue
        directives: dict[str, tuple[str, ...]] = {}
        for directive in html.unescape(values.get("content", "")).split(";"):
            words = [word for word in _POLICY_SPACE.split(directive) if word]
            if words:
                directives.setdefault(words[0].translate(_ASCII_LOWER), tuple(words[1:]))
        own = _sources(next((directives[d] for d in ("style-src-elem", "style-src", "default-src")
                             if d in directives), None))
        if not own.inline and len(elements) <= _MOST_POLICIES and own not in elements:
            elements.append(own)  # (past the most, no <style> is allowed: more need not be kept)
        attributes = attributes and _sources(next((directives[d] for d in ("style-src-attr", "style-src",
                                                                           "default-src") if d in directives),
                                                  None)).inline
        start = meta.end() if start is None else start
    return None if start is None else StylePolicy(tuple(elements), attributes, start)


def _applied_sheets(raw: str, policy: StylePolicy | None = None) -> Iterator[tuple[str, bool]]:
    """The text of each <style> block a browser may apply on screen, in page order, and whether it only sometimes
    applies (a media query other than screen or all): not one inside a <template> or <noscript>, a text-only
    element (`_TEXT_ONLY`), for another medium only (`<style media=print>`) or in another language (`type`). Nor one
    inside MathML's <math>, where a <style> is a MathML element, no sheet: applied, `<math><style>.h{display:none}
    </style></math>` hid from scan a figure Chromium shows (one in a MathML text element, which Chromium applies,
    is left unapplied too: a figure read that may be hidden, never one dropped). One pass: each block's end is
    searched for once, from where it opens."""
    lower, until, inert = raw.lower(), 0, 0
    for opened in _STYLE_BLOCK.finditer(raw):
        if opened.start() < until:
            continue
        closing, name = bool(opened.group(1)), opened.group(2).lower()
        if name != "style" and name not in _TEXT_ONLY and not (name == "math" and opened.group().endswith("/>")):
            inert = max(0, inert + (-1 if closing else 1))
        if closing or name not in _TEXT_ONLY | {"style"}:
            continue
        until = lower.find(f"</{name}", opened.end())
        until = len(raw) if until < 0 else until
        attributes = _tag_attributes(opened.group(), opened.end(2) - opened.start()) if name == "style" else {}
        media_list = plain_css(attributes.get("media", "")).strip(" \t\n\r\f").translate(_ASCII_LOWER)
        if (name == "style" and not inert and _screen_may_match(media_list)
                and attributes.get("type", "").translate(_ASCII_LOWER) in _CSS_TYPES
                and (policy is None or policy.allows_element(opened.start(), attributes, raw[opened.end():until]))):
            yield raw[opened.end():until], media_list not in ("", "all", "screen")


def page_sheet(raw: str, policy: StylePolicy | None = None) -> Sheet:
    """The rules of every applied <style> block in the page (markup as `closed_markup_only` returns it) that hide
    or show; none its policy blocks (`StylePolicy`)."""
    sheet = Sheet()
    cache: dict[tuple[str, str | None], list[str]] = {}  # each selector list's subjects (`_subjects`)
    applied: set[tuple[object, ...]] = set()  # which lists of subjects (and selectors) were added for which effect
    for text, sometimes in _applied_sheets(raw, policy):
        for prelude, body, nested, parent in _rules(plain_css(text)):
            _add_rule(sheet, prelude, body, sometimes or nested, parent, cache, applied)
        if "content" in text and ("before" in text or "after" in text):
            sheet.generated += _generated_text(text)
    return sheet


#: Text a page's sheet writes into the page before or after an element (`::before`, `::after` and their old one-colon
#: names): a chart drawn in CSS labels each bar with the figure its attribute holds (`.bar::after{content:
#: attr(data-value)}`), a "big number" card writes its figure so. Chromium shows it; the page's text holds none of it,
#: and the figure was left out without a word. scan applies no sheet's text, so it names each such rule ("not read"):
#: one whose strings hold a digit (a CSS escape, as an icon font writes its glyph, "\f007", is no digit), or that takes
#: an attribute's text (`attr(…)`) when an element of the page holds a digit in that attribute (`written_attributes`).
#: A rule that hides what it writes (`visibility: hidden`, as a text box's auto-growing copy does) writes nothing.
_BLOCK = re.compile(r"(?:(?<=[{}])|\A)([^{}]*+)\{([^{}]*+)\}")
_PSEUDO_TEXT = re.compile(r":(?:before|after)(?![\w-])", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\(?:[0-9a-fA-F]{1,6}[ \t\n\f\r]?|.)", re.DOTALL)
_CSS_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_ATTR = re.compile(r"attr\(\s*([\w-]+)", re.IGNORECASE)


def _uncommented(css: str) -> str:
    """A sheet without its comments (one left open runs to the end), in one pass."""
    pieces = css.split("/*")
    kept = [pieces[0]]
    for piece in pieces[1:]:
        closed = piece.find("*/")
        if closed < 0:
            break
        kept.append(piece[closed + 2:])
    return " ".join(kept)


def _generated_text(css: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """The rules of one sheet that write text with a figure into the page (`_BLOCK`s whose selector names a
    `_PSEUDO_TEXT`): each one's selector, the attributes its `content` reads, and whether its strings hold a digit.
    Each block is read once, from a brace, so the sheet is read in one pass whatever its shape."""
    found = []
    for block in _BLOCK.finditer(_uncommented(css)):
        prelude, body = block.groups()
        if not _PSEUDO_TEXT.search(prelude):
            continue
        style = _declarations(body)[0]
        content = next((d.partition(":")[2] for d in reversed(body.split(";")) if d.partition(":")[0].strip()
                        .lower() == "content"), "")
        if not content or style.get("display") == "none" or visibility_of(style.get("visibility", "")) is False:
            continue
        content = _CSS_ESCAPE.sub("", content)
        digit = any(any(c.isdigit() for c in "".join(m.groups(""))) for m in _CSS_STRING.finditer(content))
        attributes = tuple(name.lower() for name in _ATTR.findall(content))
        if digit or attributes:
            found.append((" ".join(prelude.split())[:80], attributes, digit))
    return found


def written_attributes(sheet: Sheet, markup: str) -> list[str]:
    """The selectors of the page's rules that write a figure into it (`_generated_text`): by their own strings, or by
    an attribute an element of the page holds a digit in."""
    names = {name for _, attributes, digit in sheet.generated if not digit for name in attributes}
    holding = {name for name in names
               if re.search(rf"[\t\n\f\r /]{re.escape(name)}[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"[^\"<>]*\d|'[^'<>]*\d"
                            rf"|[^\t\n\f\r \"'<>]*\d)", markup, re.IGNORECASE)}
    return [selector for selector, attributes, digit in sheet.generated
            if digit or any(name in holding for name in attributes)]


#: What joins the parts of a complex selector (its last part is the element the rule applies to), and what brackets
#: an argument or an attribute selector, inside which neither a combinator nor a comma is the selector's own.
_COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")
_NESTING = re.compile(r"[()\[\]]|\s*[>+~]\s*|\s+|,")


def _top_level(selectors: str, combinators: bool) -> list[str]:
    """A selector list split at its own commas (`combinators`: a complex selector split at its own combinators), not
    at one inside parentheses or brackets. Split anywhere, `.x:has(> b)` was read as a rule for <b> and `.x[a=b i]`
    for <i>, so a rule showing a .x showed nothing and scan dropped a figure Chromium shows; `:is(.a, .b)` was two
    broken selectors. One pass over the punctuation only."""
    if "(" not in selectors and "[" not in selectors:
        return _COMBINATOR.split(selectors) if combinators else selectors.split(",")
    pieces, depth, start = [], 0, 0
    for mark in _NESTING.finditer(selectors):
        text = mark.group()
        if text in "([":
            depth += 1
        elif text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (text == ",") != combinators:
            pieces.append(selectors[start:mark.start()])
            start = mark.end()
    pieces.append(selectors[start:])
    return pieces
#: The start of a compound selector: its type (or "*"), its first class or id, else its first attribute's name.
_COMPOUND_START = re.compile(rf"(\*|[a-z][a-z0-9-]*)?([.#]{_NAME}+)?(?:\[\s*([\w-]+))?", re.IGNORECASE)


def _subjects(selectors: str, parent: str | None, cache: dict[tuple[str, str | None], list[str]]) -> list[str]:
    """The keys (`Sheet.keys`) of the elements a selector list may apply to, each read by its last compound's type
    and first class or id (`.menu .y:hover` → ".y"), else its first attribute (`[hidden]`: a page that shows every
    element with some attribute hides nothing else), "*" when it names none (`:not(.x)`); none for a
    pseudo-element (`p::before` is not the p). A nested selector naming only its parent ("&", "&:hover") has the
    parent's subjects: the same list, worked out once (`cache`), however many rules nest in the parent."""
    found = cache.get((selectors, parent))
    if found is not None:
        return found
    keys: list[str] = []
    for selector in _top_level(selectors, False):
        last = _top_level(selector.strip(), True)[-1]
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


_IDENT = r"-?-?[_a-zA-Z\u0080-\U0010ffff][\w\-\u0080-\U0010ffff]*"
_ARGUMENTS = r"\((?:[^()]|\([^()]*\))*\)"
_COMPOUND_PART = (rf"[.#]{_IDENT}|&|::?{_IDENT}(?:{_ARGUMENTS})?"
                  rf"|\[\s*(?:(?:\*|{_IDENT})?\|)?{_IDENT}\s*(?:[~|^$*]?=\s*(?:\"\"|{_IDENT})\s*(?:[iIsS]\s*)?)?\]")
_COMPOUND = rf"(?:(?:(?:\*|{_IDENT})?\|)?(?:\*|{_IDENT})(?:{_COMPOUND_PART})*|(?:{_COMPOUND_PART})+)"
#: A complex selector as CSS's grammar has it (compounds joined by combinators; names as `plain_css` leaves them).
_COMPLEX = re.compile(rf"\s*{_COMPOUND}(?:(?:\s*[>+~]\s*|\s+){_COMPOUND})*\s*")
_PSEUDO = re.compile(r"(::?)([\w-]+)")
#: The pseudo-classes and pseudo-elements Chromium knows: a selector naming any other (another browser's, with
#: -moz-, -ms- or -o-) is invalid, and so is the whole list it is in.
_PSEUDO_CLASSES = frozenset("""active any-link autofill checked default defined dir disabled empty enabled first-child
    first-of-type focus focus-visible focus-within fullscreen future has host host-context hover in-range
    indeterminate invalid is lang last-child last-of-type link modal not nth-child nth-last-child nth-last-of-type
    nth-of-type only-child only-of-type open optional out-of-range past paused picture-in-picture placeholder-shown
    playing popover-open read-only read-write required root scope state target user-invalid user-valid valid visited
    where -webkit-autofill -webkit-any -webkit-any-link -webkit-full-screen before after first-line
    first-letter""".split())
_PSEUDO_ELEMENTS = frozenset("""after backdrop before cue file-selector-button first-letter first-line grammar-error
    highlight marker part placeholder selection slotted spelling-error target-text view-transition
    view-transition-group view-transition-image-pair view-transition-old view-transition-new details-content
    scroll-marker scroll-marker-group column picker picker-icon checkmark""".split())


#: A pseudo-class or pseudo-element (and the "(" of its argument), or a bracket: what `_selector_valid` walks.
_PSEUDO_CALL = re.compile(r"(::?)([\w-]+)(\()?|[()\[\]]")
#: The argument of `:nth-child()` and its kin (CSS's An+B: "odd", "2n+1", "-n - 3", "5"), and for the first two an
#: "of" and a selector list after it.
_NTH = re.compile(r"\s*(?:odd|even|[+-]?\d*n(?:\s*[+-]\s*\d+)?|[+-]?\d+)\s*(?:(?<=\s)of\s+(.*))?",
                  re.IGNORECASE | re.DOTALL)
_IDENT_RE = re.compile(_IDENT)
#: A compound's namespace prefix other than "*|" or "|": one no `@namespace` declared makes the selector invalid.
_NAMESPACE = re.compile(rf"(?:^|[\s>+~]){_IDENT}\|(?!=)")
#: Pseudo-elements written with one colon, as CSS 2 wrote them.
_LEGACY_ELEMENTS = frozenset({"before", "after", "first-line", "first-letter"})
#: Pseudo-classes that exist only as functions (`:not` alone is no selector), and pseudo-elements that need an
#: argument or take one (read as dropped: a miss rather than a guess).
_FUNCTIONS_ONLY = frozenset({"not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type",
                             "nth-last-of-type", "lang", "dir", "state", "host-context", "-webkit-any"})
_ELEMENT_FUNCTIONS = frozenset({"part", "slotted", "highlight", "picker"})


def _argument_valid(name: str, argument: str, in_has: bool) -> bool:
    """Whether Chromium reads a functional pseudo-class's argument: `:is()`/`:where()` forgive anything; `:not()`
    and `:has()` need a list of valid selectors (no pseudo-element, no `:has` in a `:has`); `:nth-*()` An+B (and
    `of` a selector list); `:lang()`, `:dir()` and `:state()` one name (Chromium drops `:lang(en, fr)`). Any other
    function is read as dropped."""
    if name in ("is", "where"):
        return True
    if name in ("not", "has"):
        return not (name == "has" and in_has) and all(
            _selector_valid(part, inner=True, relative=name == "has", in_has=in_has or name == "has")
            for part in _top_level(argument, False))
    if name.startswith("nth-"):
        nth = _NTH.fullmatch(argument)
        if nth is None:
            return False
        return nth.group(1) is None or (name in ("nth-child", "nth-last-child") and all(
            _selector_valid(part, inner=True, in_has=in_has) for part in _top_level(nth.group(1), False)))
    return name in ("lang", "dir", "state") and bool(_IDENT_RE.fullmatch(argument.strip()))


def _selector_valid(selector: str, inner: bool = False, relative: bool = False, in_has: bool = False) -> bool:
    """Whether Chromium reads one complex selector (`inner`: an argument of `:not()` or `:has()`, where a
    pseudo-element is invalid; `relative`: it may start with a combinator): CSS's grammar (`_COMPLEX`), no
    undeclared namespace, only pseudo-classes and pseudo-elements Chromium knows, a function only with an argument
    it reads (`_argument_valid`), and a pseudo-element only at the end."""
    selector = selector.strip()
    if relative:
        selector = selector.lstrip(">+~ \t\n\f\r")
    if not _COMPLEX.fullmatch(selector) or _NAMESPACE.search(selector):
        return False
    depth, opened, element_end = 0, ("", 0), -1
    for part in _PSEUDO_CALL.finditer(selector):
        if part.group(1) is None:  # a bracket
            depth += 1 if part.group() in "([" else -1
            if depth == 0 and part.group() == ")" and opened[0]:
                if not _argument_valid(opened[0], selector[opened[1]:part.start()], in_has):
                    return False
                opened = ("", 0)
            continue
        if depth:
            depth += 1 if part.group(3) else 0  # a function inside an argument: its "(" was read with its name
            continue
        colons, name, call = part.group(1), part.group(2).lower(), part.group(3)
        if element_end >= 0:
            return False  # nothing may follow a pseudo-element
        if colons == "::" or name in _LEGACY_ELEMENTS:
            if inner or call or name in _ELEMENT_FUNCTIONS or not (
                    name in _PSEUDO_ELEMENTS or (colons == "::" and name.startswith("-webkit-"))):
                return False
            element_end = part.end()
        elif name not in _PSEUDO_CLASSES or (not call and name in _FUNCTIONS_ONLY):
            return False
        elif call:
            depth, opened = 1, (name, part.end())
    return element_end < 0 or not selector[element_end:].strip()


def kept_by_css(selectors: str) -> bool:
    """Whether CSS keeps a rule with this selector list: a list with one selector it cannot read is dropped whole,
    so `.x, input::-ms-clear{display:none}` (hiding IE's clear button) hides no .x in Chromium, and scan dropped
    "1,200" in `<p class=x>`. Only a list every selector of which Chromium reads (`_selector_valid`) may hide; one
    naming anything else (a new pseudo-class, a function's argument not checked here) is read as dropped, a miss
    rather than a guess: `.x, .y:not(){display:none}`, `.x, .y::before.z{…}` or `.x, .y:nth-child(foo){…}` hid the
    .x, which Chromium shows."""
    return all(_selector_valid(selector) for selector in _top_level(selectors, False))


def _add_rule(sheet: Sheet, prelude: str, body: str, sometimes: bool, parent: str | None,
              cache: dict[tuple[str, str | None], list[str]], applied: set[tuple[object, ...]]) -> None:
    """One rule added to what hides or shows: a simple selector (`_SIMPLE_SELECTOR`) of a rule that always applies
    hides and shows; any other selector shows its subjects (`_subjects`) only, each list of subjects once for each
    effect (`applied`): 10 KB of "&{display:block}" nested in a rule of 2,000 classes took 4.8 s, each rule adding
    every class again. A rule that only sometimes applies is added once for each selector list and effect: each
    @media nested in a rule is read with the rule's selector list, and 200 KB of "@media all{display:block}" nested
    in a rule of 8,000 classes took 10 s (a second per 20 KB more), each walking the list again."""
    style, important = _declarations(body)
    display, visible, content = style.get("display"), style.get("visibility"), style.get("content-visibility")
    if "position" in style and not sometimes and kept_by_css(prelude):
        _add_simple(sheet.position, prelude, style["position"])
    if "vertical-align" in style and not sometimes and kept_by_css(prelude):
        _add_simple(sheet.raised, prelude, _RAISED.get(style["vertical-align"], ""))
    if not (display or visible or content or style.get("float") in FLOATED):
        return
    shows = bool(display) and display != "none"
    effect = (shows, shows and "display" in important, bool(display) and unboxed(display or ""),
              bool(content) and content != "hidden", bool(visible) and visibility_of(visible or "") is not False)
    if sometimes:
        if (prelude, parent, effect, "visibility" in important) in applied:
            return
        applied.add((prelude, parent, effect, "visibility" in important))
    kept = not sometimes and kept_by_css(prelude)
    for selector in _top_level(prelude, False):
        selector = selector.strip()
        simple = None if not kept or not selector else _SIMPLE_SELECTOR.fullmatch(selector)
        if simple and simple.group():
            keys = [_key(simple)]
            _add_hiding(sheet, keys[0], style, important)
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


#: The vertical alignments that raise or lower text as <sup> and <sub> do. A footnote's mark a page's sheet raises
#: by its class (`span.MsoFootnoteReference{vertical-align:super}` in a Word document saved as a web page, the
#: `vertical-align:super` class Apache POI's Word-to-HTML converter gives each note's link) was read into the number
#: before it: "922" and mark "2" were the figure 9222, and "in 2017." and mark "1" the figure 2017.1.
_RAISED = {"super": "sup", "sub": "sub"}


def _add_simple(found: dict[str, str], prelude: str, value: str) -> None:
    """The value a rule that always applies gives each simple selector of its list (`Sheet.position`,
    `Sheet.raised`): a rule with combinators or pseudo-classes (`.x:not(:focus)`) is not read, and its element keeps
    its place in the line, as before."""
    for selector in _top_level(prelude, False):
        simple = _SIMPLE_SELECTOR.fullmatch(selector.strip())
        if simple and simple.group():
            found[_key(simple)] = value


def _add_hiding(sheet: Sheet, key: str, style: dict[str, str], important: set[str]) -> None:
    """What a simple rule that always applies (`_add_rule`) hides, and makes visible or not, for its one key."""
    display, visible = style.get("display"), style.get("visibility")
    if display:
        sheet.display[key] = display
    if style.get("float") in FLOATED:
        sheet.floats.add(key)
    if display == "none":
        sheet.hide.add(key)
        if "display" in important:
            sheet.hide_forced.add(key)
    if style.get("content-visibility") == "hidden":
        sheet.contain.add(key)
    if visible and key not in sheet.visible:
        shown = visibility_of(visible)
        if shown is None:  # what it inherits: an earlier rule's value no longer counts (the last one does) ...
            if "visibility" in important:
                sheet.invisible.discard(key)
            if key not in sheet.invisible:  # ... but for one hiding it !important
                sheet.visibility.pop(key, None)
        else:
            sheet.visibility[key] = shown
        if shown is False and "visibility" in important:
            sheet.invisible.add(key)


def _add_shown(sheet: Sheet, keys: list[str], effect: tuple[bool, ...]) -> None:
    """What a rule shows (`_add_rule`'s effect: a display, an !important one, an unboxed one, a content-visibility
    that undoes hidden) added for each of its keys."""
    for wanted, found in zip(effect, (sheet.show, sheet.forced, sheet.unboxed, sheet.uncontain), strict=False):
        if wanted:
            found.update(keys)


def _key(simple: re.Match[str]) -> str:
    """A simple selector as `Sheet.keys` names an element: the type in lower case, a class or id as written."""
    return (simple.group(1) or "").lower() + (simple.group(2) or "")


NO_SHEET = Sheet()


#: Displays content-visibility does nothing on, as Chromium shows them (each checked with `content-visibility:
#: hidden`): an inline box or none of its own, a table's box and its rows, row groups and caption (its cells are
#: hidden), ruby and its text; in one or two words (`inline flow` is `inline`); `initial` and `unset` (inline) and
#: `inherit` (unknown here). A table, row or caption with content-visibility hidden or `hidden=until-found` was
#: dropped from the scan; Chromium shows each.
_UNBOXED = frozenset(frozenset(d.split()) for d in (
    "inline", "inline flow", "contents", "initial", "unset", "inherit", "table", "block table", "inline-table",
    "inline table", "table-row", "table-row-group", "table-header-group", "table-footer-group", "table-caption",
    "ruby", "inline ruby", "block ruby", "ruby-text", "ruby-base", "ruby-text-container", "ruby-base-container"))


def unboxed(display: str) -> bool:
    """Whether content-visibility does nothing on a box of this display (`_UNBOXED`), or may do nothing: a variable
    (`display: var(--d)`, `unset` when the variable is not set) may be anything."""
    return "(" in display or frozenset(display.split()) in _UNBOXED


#: The displays whose box is inline and of no size of its own (text in it runs on with its neighbours'), or is no
#: box at all (`contents`). An atomic inline box (`_ATOMIC_INLINE`) is a box of its own: its text is apart from its
#: neighbours', as a block's is (cards set side by side: "1,582 offences" and "2,409 referrals" read run together
#: were "offences2,409").
_INLINE_LEVEL = frozenset(frozenset(d.split()) for d in (
    "inline", "inline flow", "contents", "ruby", "inline ruby", "ruby-base", "ruby-text", "ruby-base-container",
    "ruby-text-container", "run-in", "inline list-item", "inline-list-item", "inline flow list-item"))
#: The atomic inline boxes: a box of its own, but drawn on its neighbours' line, so where its edge falls inside a
#: number the number is drawn whole (a PDF converted to HTML sets every run of text in such a box: `scan_text`).
_ATOMIC_INLINE = frozenset(frozenset(d.split()) for d in (
    "inline-block", "inline flow-root", "inline-table", "inline table"))
#: The floats that set an element beside the text that follows it: a drop cap (`<span class=dropcap>1</span>,582
#: children`, floated and made a block) is drawn with its word, and read as a box of its own it split the figure.
FLOATED = frozenset({"left", "right", "inline-start", "inline-end"})
#: The positions that take a box out of the line it stands in and make it a block (CSS 2.1 9.7): drawn elsewhere,
#: its text is never part of a word beside it (Chromium's innerText puts it on a line of its own). A screen reader's
#: label is written so (`.sr-only`, `.govuk-visually-hidden`, `.screen-reader-text`: absolute and clipped to one
#: pixel) right against the figure it names (`<span class="sr-only">Referrals in 2023</span>1,582`), and read as part
#: of its line it made "20231,582", "Up12%" and "Total cost£3.3m", numbers no figure form reads.
OUT_OF_FLOW = frozenset({"absolute", "fixed"})
#: The displays whose children are each a block-level box of their own (a flex or grid container's items).
_ITEM_CONTAINERS = frozenset({"flex", "grid", "inline-flex", "inline-grid", "-webkit-box", "-webkit-inline-box"})


def box(display: str | None) -> str | None:
    """What a display the page gives an element makes of its box: "block" (a box of its own: its text is apart
    from its neighbours'), "atomic" (the same, on its neighbours' line: `_ATOMIC_INLINE`), "inline" (its text runs
    on with theirs: `_INLINE_LEVEL`), "items" (a flex or grid container, each of whose children is a box of its
    own) or None (none, a CSS-wide keyword, a variable: the element's own box is kept)."""
    if not display or "(" in display or display.split()[0] in _CSS_WIDE or display == "none":
        return None
    words = display.split()
    if any(word in _ITEM_CONTAINERS for word in words):
        return "items"
    shape = frozenset(words)
    return "inline" if shape in _INLINE_LEVEL else "atomic" if shape in _ATOMIC_INLINE else "block"
