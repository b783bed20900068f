"""An article as plain sentences: HTML reduced to text, text split into paragraphs and sentences.

The scanner reports each figure with the sentence it sits in, because a fact-checker decides what a number means
from its sentence, and pastes that sentence into the draft. Standard library only: a newsroom page is read with
`html.parser` (scripts, styles and navigation dropped, block elements kept as paragraph breaks), never fetched.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Sentence", "to_text", "sentences", "looks_like_html"]

_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
           "article", "blockquote", "header", "footer", "figcaption", "td", "th", "hr"}
_SKIPPED = {"script", "style", "noscript", "nav", "svg", "math", "template", "head", "title"}


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
#: Elements whose start ends an open <head> or breaks out of an <svg>/<math> (HTML5's "breakout" rule, simplified).
_FOREIGN = {"svg", "math"}


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """True for an element readers never see: the hidden attribute, aria-hidden, or an inline display:none."""
    values = {k.lower(): (v or "") for k, v in attrs}
    style = re.sub(r"\s+", "", values.get("style", "").lower())
    return ("hidden" in values or values.get("aria-hidden", "").strip().lower() == "true"
            or "display:none" in style or "visibility:hidden" in style)


class _TextParser(HTMLParser):
    """Collects the visible text, with a blank line where a block element starts or ends.

    It keeps a stack of open elements, so a missing </head>, an unclosed <svg> or a stray end tag never hides the
    rest of the page: an end tag closes everything opened since its start tag, and body content closes the head.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._open: list[str] = []
        self._hidden_at: int | None = None  # stack depth of the outermost skipped element

    def _close_to(self, depth: int) -> None:
        del self._open[depth:]
        if self._hidden_at is not None and self._hidden_at >= len(self._open):
            self._hidden_at = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "body":
            for name in ("head", *_FOREIGN):
                if name in self._open:
                    self._close_to(self._open.index(name))
            self.parts.append("\n\n")
        if tag in _VOID:
            return
        if self._hidden_at is None and (tag in _SKIPPED or _hidden(attrs)):
            self._hidden_at = len(self._open)
        self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            self._close_to(len(self._open) - 1 - self._open[::-1].index(tag))
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._hidden_at is None:
            self.parts.append(data)


_HTML_TAG = re.compile(r"<(?:!doctype|html|body|p|div|article|span|h[1-6])[\s>/]", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for a saved web page or an HTML fragment (a tag such as <p> or <html> anywhere in it)."""
    return bool(_HTML_TAG.search(text))


def to_text(raw: str) -> str:
    """The article's visible text: HTML reduced to paragraphs; plain text with its white space tidied."""
    if looks_like_html(raw):
        parser = _TextParser()
        parser.feed(raw)
        parser.close()
        raw = "".join(parser.parts)
    else:
        raw = html.unescape(raw) if re.search(r"&(?:#\d+|[a-z]+);", raw) else raw
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\r\n", "\n")
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
