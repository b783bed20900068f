"""The fact-check report's pages, rendered from Jinja2 templates (`analysis/factcheck/templates/`).

Two environments, one rule: everything interpolated is escaped unless it was built as markup on purpose.
HTML uses Jinja2's autoescape; Markdown has no autoescape, so its environment escapes every `{{ … }}` through
`finalize` with `markdown_escape.escape` (a template cannot forget a filter). Values that are already markup — a
link built by `md_link` — are wrapped in `Markup` and pass through unchanged. Links are only ever made to the
addresses `record.hygiene.is_web_url` accepts, so a bad URL in the data becomes plain text, never a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

from analysis.factcheck.markdown_escape import RECORD_BLOCK, code, escape, link
from analysis.factcheck.report import VERDICT_ORDER, working_steps
from analysis.record.hygiene import PASTED_REFERENCES, is_web_url

TEMPLATES = Path(__file__).resolve().parent / "templates"


def slug(text: str) -> str:
    """A stable anchor from a verdict or id: 'not yet in this record' → 'not-yet-in-this-record'."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _common(env: Environment) -> Environment:
    env.filters["slug"] = slug
    env.filters["steps"] = working_steps
    env.globals["is_web_url"] = is_web_url
    env.globals["VERDICT_ORDER"] = VERDICT_ORDER
    # the attributes of a block no MathJax typesets nor a client-side template framework compiles, round every
    # page's, report's and embed code's record text
    env.globals["record_block"] = Markup(RECORD_BLOCK)
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.keep_trailing_newline = True
    return env


def html_environment(extra: Iterable[Path] = ()) -> Environment:
    """Autoescaping HTML environment over these templates (and any extra folders, searched first); every value is
    written by `pasteable`, as each page, not only the embed code, may be put in a site that templates it."""
    loaders: list[BaseLoader] = [*(FileSystemLoader(str(p)) for p in extra), FileSystemLoader(str(TEMPLATES))]
    return _common(Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                               finalize=pasteable))


def pasteable(value: Any) -> Any:
    """`value` HTML-escaped with shortcode and template openers (`hygiene.PASTED_REFERENCES`) as character
    references; markup passes unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(str(markupsafe_escape(value)).translate(PASTED_REFERENCES))


def markdown_environment() -> Environment:
    """Markdown environment: every interpolated value is Markdown-escaped by `finalize`."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, undefined=StrictUndefined,
                      finalize=escape)
    env.globals["md_link"] = link
    env.globals["code"] = code
    env.globals["raw"] = Markup
    return _common(env)


def render(env: Environment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)


def rules_html(markdown_text: str) -> str:
    """docs/factcheck.md as HTML body (markdown-it-py, CommonMark + tables; raw HTML in the source is escaped).
    Each table cell carries its column's heading (`data-label`), so a phone can show a row as a card with each
    value named, where three narrow columns made the qualifier table 4,300 px tall."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(markdown_text)
    headings: list[str] = []
    column = 0
    for at, token in enumerate(tokens):
        if token.type == "thead_open":
            headings = []
        elif token.type == "th_open":
            headings.append(tokens[at + 1].content)
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            if column < len(headings) and headings[column]:
                token.attrSet("data-label", headings[column])
            column += 1
    return md.renderer.render(tokens, md.options, {})


Renderer = Callable[..., str]
