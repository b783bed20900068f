"""Round 41, helper c: markup (class 1) in the host pages and site builders that process what a newsroom puts in
its site: template engines (Liquid, Nunjucks/Jinja, Hugo shortcodes, Handlebars) and shortcode processors
(WordPress), run over the project's HTML pages, its notebooks' HTML copies and its charts' SVG."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

from tests.planted import report_with

#: Record text a site builder's template engine runs: Nunjucks's (Jinja's) arithmetic and its block `set`, which
#: with `range.constructor(s)()` ran JavaScript when an Eleventy site holding factcheck.html was built (checked with
#: nunjucks 3); Liquid's filter (Jekyll, Eleventy's default for .html); a Hugo shortcode, a Jinja comment and a
#: WordPress shortcode.
TEMPLATE = ("Jane Doe {{ 7 * 191 }} {% set s %}return 4286{% endset %}{{ range.constructor(s)() }} "
            "{{ 7 | times: 191 }} {{< param title >}} {# note #} [embed]https://evil.example/e[/embed]")
#: What a template engine or shortcode processor reads as its own.
OPENERS = ("{{", "{%", "{#", "[embed]", "[/embed]")


def _unchanged_by_a_template_engine(page: str) -> None:
    """`page` holds no template syntax: Jinja (the language Nunjucks and Eleventy's .njk follow, Liquid's
    `{{ }}`/`{% %}` too) renders it back exactly as it is, and no shortcode opener is in it."""
    for opener in OPENERS:
        assert opener not in page, opener
    assert SandboxedEnvironment(keep_trailing_newline=True).from_string(page).render() == page


def test_factcheck_page_in_a_site_builder_runs_no_template_of_the_record() -> None:
    """factcheck.html (and every page on its base: methods, rules, the gallery) wrote record text's "{{ … }}" and
    "{% … %}" as they were: put in a site built by Eleventy (which templates every .html file: Liquid by default,
    Nunjucks in its starter blog), or by Jekyll or Hugo with front matter added, the build ran them: 459 planted
    notes printed the site's data under Liquid, and ran JavaScript under Nunjucks. They are character references
    now, as in the embed code: the same text on the page."""
    markdown, page = report_with(TEMPLATE)
    _unchanged_by_a_template_engine(page)
    assert TEMPLATE in html.unescape(page)  # shown as written
    _unchanged_by_a_template_engine(markdown)  # factcheck.md already was


def test_gallery_page_in_a_site_builder_runs_no_template_of_the_record(tmp_path: Path) -> None:
    """The gallery (outputs/index.html) shows each chart's title, alt text and credit from the record beside the
    embed code; only the embed code wrote them as character references."""
    from analysis.paths import Paths
    from analysis.publish import gallery
    from tests.test_gallery import tiny_png

    folder = tmp_path / "outputs" / "charts" / "two-1200s"
    tiny_png(folder / "two-1200s.png", 40, 20)
    (folder / "two-1200s.json").write_text(json.dumps({
        "title": f"Cases {TEMPLATE}", "alt_text": f"Bar chart {TEMPLATE}", "source_name": "A publisher",
        "source_url": "", "source_line": f"Source: A publisher {TEMPLATE}"}), encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    page = gallery.write_gallery(Paths(tmp_path)).read_text(encoding="utf-8")
    _unchanged_by_a_template_engine(page)
    assert f"Cases {TEMPLATE}" in html.unescape(page)


def test_notebook_table_in_a_site_builder_runs_no_template_of_the_record() -> None:
    """The notebooks' tables are HTML outputs, in the .ipynb copies and their HTML pages (outputs/notebooks/): a
    planted record's labels ran as Liquid and Nunjucks there (86 to 335 a page)."""
    import pandas as pd

    from analysis.publish.display import table_html

    table = table_html(pd.DataFrame({"label": [f"2016 inspection {TEMPLATE}"], "count": [3]}))
    _unchanged_by_a_template_engine(table)
    assert f"2016 inspection {TEMPLATE}" in html.unescape(table)


@pytest.mark.parametrize("where", ["title", "text"])
def test_chart_svg_included_by_a_site_builder_runs_no_template_of_the_record(where: str) -> None:
    """A chart's SVG keeps its text as text, record text among it; a site inlining it with `{% include %}` (Jekyll,
    Eleventy) templates it with the page, and a credit's "{{ … }}" ran (or broke the site's build)."""
    from tests.planted import svg_with

    svg = (svg_with(f"Source: A publisher {TEMPLATE}", label=f" {TEMPLATE}") if where == "title"
           else svg_with("", note=f"Notes. {TEMPLATE}", label=f" {TEMPLATE}"))
    _unchanged_by_a_template_engine(svg)
    assert TEMPLATE in html.unescape(svg)
    assert "@font-face{" in svg  # the style sheet's CSS keeps its braces


def test_notebook_html_copy_in_a_site_builder_runs_no_template_of_the_record() -> None:
    """The notebooks' HTML copies (outputs/notebooks/*.html): record text reaches them as a table, as Markdown and
    as printed text. bleach and nbconvert's Markdown reader turned the entities it was written with back into
    characters, so every copy of a planted record ran its labels as Liquid and Nunjucks."""
    import nbformat
    import pandas as pd

    from analysis.publish.display import markdown, table_html
    from analysis.run.copies import _html

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show()")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/markdown": markdown(f"Note: {TEMPLATE}").data}),
        nbformat.v4.new_output("display_data", data={"text/html": table_html(
            pd.DataFrame({"label": [f"2016 inspection {TEMPLATE}"]}))}),
        nbformat.v4.new_output("stream", name="stdout", text=f"Printed: {TEMPLATE}\n"),
    ]
    nb.cells.append(cell)
    page = _html(nb)
    _unchanged_by_a_template_engine(page)
    shown = html.unescape(page)
    assert f"2016 inspection {TEMPLATE}" in shown and f"Printed: {TEMPLATE}" in shown and f"Note: {TEMPLATE}" in shown


def test_inert_markup_changes_text_only() -> None:
    """Style sheets and scripts keep their braces and brackets; text before, between and after them is made inert;
    nothing else of the markup changes."""
    from analysis.record.hygiene import inert_markup

    markup = ('{{a}}<p class="x">[embed]</p><style>a{b:c}</style>{{ d }}<script>var e=[1,{f:2}]</script>'
              '<SCRIPT type="x">{{g}}</SCRIPT >{% h %}')
    assert inert_markup(markup) == (
        "&#123;&#123;a&#125;&#125;<p class=\"x\">&#91;embed&#93;</p><style>a{b:c}</style>&#123;&#123; d &#125;&#125;"
        '<script>var e=[1,{f:2}]</script><SCRIPT type="x">{{g}}</SCRIPT >&#123;% h %&#125;')


# --- client-side template frameworks (AngularJS, Vue) compile "{{ … }}" in the page's text --------------------------

#: A record note's template expression, as AngularJS 1.8 and Vue 3 run it (both checked in Chromium: the pasted
#: factcheck.html content and embed code ran it on load). Character references do not stop them: they read the
#: page's text, where a reference is already a character.
CLIENT_TEMPLATE = "Jane Doe {{constructor.constructor('window.x=1')()}} {{_openBlock.constructor('window.x=2')()}}"


def _outside_uncompiled(page: str) -> str:
    """The text of `page` a client-side template framework compiles: outside every element carrying both
    AngularJS's `ng-non-bindable` and Vue's `v-pre` (as the whole `markdown_escape.RECORD_BLOCK`)."""
    from html.parser import HTMLParser

    class Outside(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth, self.text = 0, ""

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("br", "img", "meta", "source", "hr", "input", "link", "wbr", "path", "use"):
                return
            names = {name for name, _ in attrs}
            if self.depth or {"ng-non-bindable", "v-pre"} <= names:
                self.depth += 1

        def handle_startendtag(self, tag: str, attrs: list) -> None:
            pass

        def handle_endtag(self, tag: str) -> None:
            if tag not in ("br", "img", "meta", "source", "hr", "input", "link", "wbr", "path", "use"):
                self.depth = max(0, self.depth - 1)

        def handle_data(self, data: str) -> None:
            self.text += "" if self.depth else data

    outside = Outside()
    outside.feed(page)
    return html.unescape(outside.text)


def test_factcheck_page_and_markdown_in_a_client_side_template_framework_compile_no_record_text() -> None:
    from markdown_it import MarkdownIt

    from analysis.factcheck.report import build_entries, read_tables, render_html, render_markdown
    from analysis.paths import DEFAULT

    tables = read_tables(DEFAULT)
    for claim in tables.claims:
        claim["note"] = f"{claim.get('note') or ''} {CLIENT_TEMPLATE}"
    entries = build_entries(tables)
    page = render_html(entries).split("<body>", 1)[1]
    assert CLIENT_TEMPLATE in html.unescape(page)
    assert "{{" not in _outside_uncompiled(page)
    shown = MarkdownIt("commonmark", {"html": True}).enable("table").render(render_markdown(entries))
    assert CLIENT_TEMPLATE in html.unescape(shown) and "{{" not in _outside_uncompiled(shown)


def test_embed_code_in_a_client_side_template_framework_compiles_no_record_text(tmp_path: Path) -> None:
    from analysis.paths import Paths
    from analysis.publish import gallery
    from tests.test_gallery import tiny_png

    folder = tmp_path / "outputs" / "charts" / "two-1200s"
    tiny_png(folder / "two-1200s.png", 40, 20)
    (folder / "two-1200s.json").write_text(json.dumps({
        "title": "Cases", "alt_text": "Bar chart", "source_name": "A publisher", "source_url": "",
        "source_line": f"Source: A publisher {CLIENT_TEMPLATE}"}), encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    page = gallery.write_gallery(Paths(tmp_path)).read_text(encoding="utf-8")
    start = page.index('<code id="two-1200s-embed">') + len('<code id="two-1200s-embed">')
    embed = html.unescape(page[start:page.index("</code>", start)])
    assert CLIENT_TEMPLATE in html.unescape(embed) and "{{" not in _outside_uncompiled(embed)


def test_chart_svg_and_notebook_outputs_in_a_client_side_template_framework_compile_no_record_text() -> None:
    import nbformat

    from analysis.publish.display import markdown
    from analysis.run.copies import _html
    from tests.planted import svg_with

    svg = svg_with(f"Source: A publisher {CLIENT_TEMPLATE}")
    svg = svg[svg.index("<svg"):]
    assert CLIENT_TEMPLATE in html.unescape(svg) and "{{" not in _outside_uncompiled(svg)

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": markdown(CLIENT_TEMPLATE).data})]
    nb.cells.append(cell)
    page = _html(nb)
    assert CLIENT_TEMPLATE in html.unescape(page) and "{{" not in _outside_uncompiled(page)
