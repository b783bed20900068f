"""Issue 24, round twenty-two, helper r22a (class 1, markup; class 2, stamps; class 5, exports): what a fresh attack
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from analysis.paths import CHART_IDS, PROJECT_ROOT
from analysis.publish.gallery import render_gallery

# --- The embed code a newsroom pastes starts no shortcode or template tag (class 1) ---------------------------------

#: Shortcodes (WordPress, Drupal tokens) and template tags (Liquid, Twig, Hugo, Handlebars) a publishing system reads
#: in the raw HTML of a post, where HTML escaping leaves them as they are.
PASTED_SYNTAX = ("Jane Doe [embed]https://evil.example/x[/embed] [gallery ids=1] [node:title] {{ site.github }} "
                 "{% include secret.txt %} {{< shortcode >}} {# note #}")


def _embed_codes(page: str) -> dict[str, str]:
    """Each chart's embed code as the gallery shows it for copying (the text of its <code> block)."""
    found = re.findall(r'<code id="([a-z0-9-]+)-embed">(.*?)</code>', page, flags=re.S)
    return {chart_id: html.unescape(code) for chart_id, code in found}


def test_the_embed_code_starts_no_shortcode_or_template_tag(tmp_path: Path) -> None:
    """Record text in a chart's embed code (its alt text and credit line) kept "[embed]…[/embed]" and "{{ … }}" as
    written: pasted into a WordPress post, the shortcode made the newsroom's page load another site's content, and
    in a Jekyll or Twig page the tag was run. They are character references now: the same text on the page, and
    nothing for those systems to read."""
    chart_id = CHART_IDS[0]
    folder = tmp_path / "charts" / chart_id
    folder.mkdir(parents=True)
    (folder / f"{chart_id}.png").write_bytes(b"")
    (folder / f"{chart_id}.json").write_text(json.dumps({
        "chart_id": chart_id, "title": "A chart", "source_line": f"Source: {PASTED_SYNTAX}",
        "alt_text": f"Alt text: {PASTED_SYNTAX}"}), encoding="utf-8")
    codes = _embed_codes(render_gallery(tmp_path, PROJECT_ROOT / "notebooks"))
    snippet = codes[chart_id]
    for opener in ("[", "]", "{", "}"):
        assert opener not in snippet, snippet
    # What a browser shows of the pasted snippet is the record's text, unchanged.
    shown = html.unescape(snippet)
    assert f"Source: {PASTED_SYNTAX}. Chart:" in shown
    assert f'alt="Alt text: {PASTED_SYNTAX}"' in shown


# --- JSON made to be pasted into a page writes no shortcode or template tag (class 5) -------------------------------


def test_json_for_readers_writes_no_shortcode_or_template_tag_in_its_strings() -> None:
    """The charts' JSON, ClaimReview and the data package are made to be pasted into a page's `<script>`; a
    publishing system runs "[embed]…[/embed]" or "{{ … }}" there too (WordPress reads shortcodes inside a script,
    Jekyll reads Liquid anywhere). Inside strings they are `\\u` escapes now; the structure's own brackets stay, and
    a JSON reader reads the same values."""
    from analysis.record.hygiene import inline_safe_json

    doc = {"@context": "https://schema.org", "@graph": [{
        "@type": "ClaimReview", "claimReviewed": f"Jane Doe said 1,200 {PASTED_SYNTAX}",
        "itemReviewed": {"author": {"name": "[node:title] {{ site.github }}"}}, "list": ["[x]", {"k": "{y}"}]}]}
    text = inline_safe_json(doc)
    assert json.loads(text) == doc
    strings = re.findall(r'"(?:[^"\\]|\\.)*"', text)
    assert strings and not [s for s in strings if any(c in s for c in "[]{}")], text
    assert "\\u005bembed\\u005d" in text
    # Outside strings, JSON's own syntax is unchanged.
    assert text.startswith("{\n") and '"@graph": [\n' in text


# --- Markdown of record text starts no template tag (class 1) ---------------------------------------------------------


def test_record_markdown_starts_no_liquid_tag() -> None:
    """factcheck.md is published for readers; a site built with Jekyll runs Liquid ("{{ … }}", "{% … %}") in a
    Markdown page before it reads the Markdown, so a claim's "{{ site.github }}" was run there. Braces are written
    as character references now: no tag forms, and a Markdown reader shows the same text."""
    from markdown_it import MarkdownIt

    from analysis.factcheck.markdown_escape import escape

    text = "Jane Doe said {{ site.github }} and {% include secret.txt %} {#x#}"
    written = escape(text)
    assert "{" not in written and "}" not in written, written
    shown = MarkdownIt("commonmark").render(written)
    assert html.unescape(shown) == f"<p>{text}</p>\n"
