"""The fact-check report's pages, rendered from Jinja2 templates (`analysis/factcheck/templates/`).

Two environments, one rule: everything interpolated is escaped unless it was built as markup on purpose.
HTML uses Jinja2's autoescape; Markdown has no autoescape, so its environment escapes every `{{ … }}` through
`finalize` (a template cannot forget a filter). Values that are already markup — a link built by `md_link` — are
wrapped in `Markup` and pass through unchanged. Links are only ever made to http(s) addresses, so a bad URL in the
data becomes plain text, never a `javascript:` link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from analysis.factcheck.report import VERDICT_ORDER, working_steps

TEMPLATES = Path(__file__).resolve().parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~!])")


def md(text: Any) -> str:
    """Text safe anywhere in Markdown: no accidental emphasis, links, HTML, entities or table cells."""
    if isinstance(text, Markup):
        return str(text)
    return _MD_SPECIAL.sub(r"\\\1", str(text if text is not None else "")).replace("\r", " ").replace("\n", " ")


def is_web_url(url: str) -> bool:
    return bool(re.match(r"https?://[^\s<>\"]+$", url or ""))


def md_url(url: str) -> str:
    """A URL inside `<…>` in Markdown: the few characters that would end it are percent-encoded."""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def md_link(title: Any, url: str) -> Markup:
    """`[title](<url>)` with the title escaped; plain escaped text when the URL is not an http(s) address."""
    return Markup(f"[{md(title)}](<{md_url(url)}>)" if is_web_url(url) else md(title))


def slug(text: str) -> str:
    """A stable anchor from a verdict or id: 'not yet in this record' → 'not-yet-in-this-record'."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _finalize_markdown(value: Any) -> str:
    return md("" if value is None else value)


def _common(env: Environment) -> Environment:
    env.filters["slug"] = slug
    env.filters["steps"] = working_steps
    env.globals["is_web_url"] = is_web_url
    env.globals["VERDICT_ORDER"] = VERDICT_ORDER
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.keep_trailing_newline = True
    return env


def html_environment(extra: Iterable[Path] = ()) -> Environment:
    """Autoescaping HTML environment over these templates (and any extra folders, searched first)."""
    loaders: list[BaseLoader] = [*(FileSystemLoader(str(p)) for p in extra), FileSystemLoader(str(TEMPLATES))]
    return _common(Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined))


def markdown_environment() -> Environment:
    """Markdown environment: every interpolated value is Markdown-escaped by `finalize`."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, undefined=StrictUndefined,
                      finalize=_finalize_markdown)
    env.globals["md_link"] = md_link
    env.globals["raw"] = Markup
    return _common(env)


def render(env: Environment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)


def rules_html(markdown_text: str) -> str:
    """docs/factcheck.md as HTML body (markdown-it-py, CommonMark + tables; raw HTML in the source is escaped)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown_text)


Renderer = Callable[..., str]
