"""Text from the record or an article, written into Markdown as words: the one escaping path for every Markdown the
project writes — factcheck.md, `scan --md`, and what the notebooks print (so their HTML copies too).

Record text is data, never markup. Three readers meet it: CommonMark (markdown-it, the rules page), GitHub-flavoured
Markdown (JupyterLab's renderer: tables, strike-through, bare `www.`, `https://` and e-mail autolinks) and Jupyter's
maths, which is found in the raw text before any Markdown is read (`$…$`, `\\(…\\)`, `\\[…\\]`). So:
- `<`, `>`, `&`, the backslash and `$` become HTML entities: no tag, entity or maths delimiter of the record's
  making can form, in any reader or in a page the text is pasted into; so do `{` and `}`, as a site built with
  Liquid (Jekyll, which runs "{{ … }}" and "{% … %}" in a Markdown page before reading it as Markdown) would run a
  template tag of the record's making in the published factcheck.md (`hygiene.PASTED_SYNTAX`);
- every other character that starts or ends inline syntax is backslash-escaped (each reader drops a backslash
  before ASCII punctuation), as are the "." of "www." and the ":" of "://", which GFM would make a link;
- a first character that would start a block (a heading, a list item "-", "+" or "1.", a rule) is escaped, and
  line ends become spaces, so record text never starts a block of its own.
Text already built as Markdown on purpose — a link made by `link`, an id in `code` — is marked with
`markupsafe.Markup` and passes through unchanged, as Jinja2 treats it in the HTML pages.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from analysis.record.hygiene import is_web_url

#: The class MathJax 3 leaves alone (`ignoreHtmlClass`, JupyterLab's too).
NO_MATHS = "mathjax_ignore"
#: The classes of a block no MathJax typesets, version 3 (`NO_MATHS`) or 2 (`tex2jax_ignore`: nbconvert's HTML and
#: nbviewer load MathJax 2.7 with "$" delimiters, and older sites' plug-ins do). The entities `escape` writes for "$"
#: and "\\" keep maths out of every Markdown reader, but a reader turns them back into characters on the page, and
#: MathJax reads the page: factcheck.md pasted into a page loading MathJax 3 as it comes had its record text typeset
#: and a TeX `\\href{javascript:…}` made a link that ran script when clicked; under MathJax 2, "costs $5 to $10" is
#: the maths "5to10". Every output a reader's page may show record text in is such a block: the notebooks' outputs
#: (`analysis.publish.display.without_maths`), factcheck.md as a whole, each page's `<main>`, a chart's embed code and
#: its SVG's root (`analysis.publish.save.save_svg`).
NO_MATHS_CLASSES = f"tex2jax_ignore {NO_MATHS}"
#: The attributes of every such block: the class above, and the attributes by which a page's client-side template
#: framework leaves a block's text uncompiled, AngularJS's `ng-non-bindable` and Vue's `v-pre`. Those frameworks read
#: "{{ … }}" in the page's text, where a character reference is already a character: factcheck.html's content or an
#: embed code pasted into a CMS page run by AngularJS (`ng-app`) or Vue (mounted on a container of in-page
#: templates) had a record note's "{{constructor.constructor('…')()}}" run as script on load (checked in Chromium,
#: AngularJS 1.8, Vue 3). Written with values, as the SVG root's must be.
RECORD_BLOCK = f'class="{NO_MATHS_CLASSES}" ng-non-bindable="" v-pre=""'
#: Characters no reader may see raw, as entities.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "$": "&#36;", "{": "&#123;",
                           "}": "&#125;"})
#: Inline syntax left: code, emphasis, strike-through, link and image brackets, table cells, e-mail autolinks, and
#: the superscript of Pandoc's Markdown (a newsroom's way from factcheck.md to Word) and markdown-it-sup, "2^nd^",
#: as its subscript "~" is.
_INLINE = re.compile(r"([`*_~^\[\]|@])")
#: The "." of "www." and the ":" of "://": GFM links them with or without a scheme — JupyterLab's reader (marked)
#: even in the middle of a word ("foowww.x.org" and "_www.x.org" link "www.x.org"), so no word boundary is asked.
_BARE_LINK = re.compile(r"(?i)(?<=www)\.|:(?=//)")
#: What makes a line a block when it starts one: a heading ("#": nbconvert's reader needs no space after it), and
#: a list item ("-", "+", "1." or "1)"), a rule or a setext underline when a space or the end follows (so "7.5%"
#: and "-5" are left as they are).
_BLOCK_START = re.compile(r"^(?:#|(?:[+\-=]+|\d{1,9}[.)])(?=[ \t]|$))")
#: Whitespace Markdown reads as structure (line ends; indentation that makes code) — not the no-break space — and
#: every other line end Python splits lines at: JupyterLab's reader (JavaScript's `.`) ends a table row at U+2028,
#: U+2029 or U+0085, which turned every row after it into loose text.
_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v\x1c-\x1e\x85\u2028\u2029]+")


def escape(text: Any) -> str:
    """`text` shown as its characters wherever it is put in a Markdown line (None shows as nothing). A plain
    `str` comes back: `Markup` would HTML-escape whatever is added to it."""
    if isinstance(text, Markup):
        return str(text)
    # Whitespace of any kind at either end is dropped, as the readers drop it (a no-break space kept there left the
    # "**" around a table's definition unread: a run of "*" next to white space opens or closes nothing).
    plain = _LAYOUT_SPACE.sub(" ", "" if text is None else str(text)).strip()
    plain = _BARE_LINK.sub(r"\\\g<0>", _INLINE.sub(r"\\\1", plain.translate(_ENTITIES)))
    return _BLOCK_START.sub(_escape_block_start, plain)


def _escape_block_start(match: re.Match[str]) -> str:
    """A backslash before the marker's first character, or before "." or ")" after a number (a backslash before a
    digit is shown, not read as an escape)."""
    marker = match.group()
    return marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker


def link(title: Any, url: Any) -> Markup:
    """`[title](<url>)` with the title escaped; the escaped title alone when the address is not a web address.

    CommonMark readers (GitHub's, markdown-it) decode character references in a link's address, so its "&" is
    written "&amp;": written as it is, an address holding "&amp;" or "&lt;" (one copied from a page's source) was
    linked elsewhere by factcheck.md than by factcheck.html and the workbook, which link it as the record has it."""
    return Markup(f"[{escape(title)}](<{url.replace('&', '&amp;')}>)" if is_web_url(url) else escape(title))


def code(text: Any) -> Markup:
    """`text` as inline code (an id): fenced by more backticks than it holds in a row, so it cannot end early."""
    plain = _LAYOUT_SPACE.sub(" ", str(text))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", plain)), default=0) + 1)
    pad = " " if plain.startswith("`") or plain.endswith("`") else ""
    return Markup(f"{fence}{pad}{plain}{pad}{fence}")
