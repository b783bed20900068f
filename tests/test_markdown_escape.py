"""The one Markdown escaping path (analysis/factcheck/markdown_escape.py): any text, put in a Markdown line, is
shown as its own characters by every reader the project's Markdown meets — CommonMark (markdown-it, the rules
page and factcheck.md), the notebooks' HTML copies (nbconvert) — and forms no link, tag, maths or block."""

from __future__ import annotations

import html
import re
import string

import nbformat
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from analysis.factcheck.markdown_escape import code, escape, link
from analysis.publish.display import bullets, limitations
from analysis.run.copies import _html

#: Letters, digits, spaces and every ASCII punctuation character: all the syntax any Markdown reader has.
ANY_SYNTAX = st.text(alphabet=string.ascii_letters[:6] + string.digits[:3] + " \n" + string.punctuation,
                     max_size=40)
#: markdown-it with raw HTML on: the most a reader could make of the text.
COMMONMARK = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _as_shown(text: str) -> str:
    """What a reader should see: the text's characters, its line ends and runs of spaces as one space."""
    return re.sub(r"[ \n]+", " ", text).strip(" ")


def _item(rendered: str) -> str:
    match = re.fullmatch(r"<ul>\n<li>(.*)</li>\n</ul>\n", rendered, re.DOTALL)
    assert match, rendered
    return match.group(1)


@settings(max_examples=200)
@given(ANY_SYNTAX)
def test_any_text_is_shown_as_its_characters_in_commonmark(text: str) -> None:
    shown = _item(COMMONMARK.render(f"- {escape(text) or 'x'}\n"))
    assert "<" not in shown.replace("&lt;", "")  # no tag, link, emphasis or code was made
    assert html.unescape(shown) == (_as_shown(text) or "x")


@settings(max_examples=10)
@given(st.lists(ANY_SYNTAX.filter(lambda t: t.strip()), min_size=1, max_size=8))
def test_any_text_is_shown_as_its_characters_in_a_notebooks_html_copy(lines: list[str]) -> None:
    """The notebooks' HTML copies are made by nbconvert, whose Markdown reader also reads `$…$` and `\\[…\\]` as
    maths: each bullet shows exactly its text."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("bullets(lines)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": bullets(lines).data})]
    nb.cells.append(cell)
    page = _html(nb)
    items = re.findall(r"<li>(.*?)</li>", page, re.DOTALL)
    assert [html.unescape(i) for i in items] == [_as_shown(t) for t in lines]


def test_what_gfm_would_link_or_a_line_start_would_make_a_block_is_escaped() -> None:
    """Worked by hand from the GFM spec: "www." and "scheme://" and "x@y.z" are extended autolinks; "1)", "-",
    "#" and "=" start a list, heading or setext line; `$` and the backslash are maths in Jupyter."""
    assert escape("see www.gov.uk or a@b.org, https://x.org") == "see www\\.gov.uk or a\\@b.org, https\\://x.org"
    assert escape("12) list") == "12\\) list" and escape("3. item") == "3\\. item"
    assert [escape(t) for t in ("- a", "+ a", "# a", "=== a")] == ["\\- a", "\\+ a", "\\# a", "\\=== a"]
    assert escape("$5 \\(x\\)") == "&#36;5 &#92;(x&#92;)"
    assert escape("a\n\n    code\r\nb") == "a code b"
    assert escape(None) == ""


def test_what_is_built_as_markdown_passes_once() -> None:
    assert link("A <b> title", "https://www.gov.uk/x") == "[A &lt;b&gt; title](<https://www.gov.uk/x>)"
    assert link("A <b> title", "javascript:alert(1)") == "A &lt;b&gt; title"  # no link to a non-web address
    assert escape(link("A <b>", "ftp://x.org/y")) == "A &lt;b&gt;"  # not escaped twice
    assert code("gap-a") == "`gap-a`" and code("a`b") == "``a`b``" and code("`a") == "`` `a ``"


def test_a_gap_line_escapes_its_text() -> None:
    import pandas as pd

    gaps = pd.DataFrame({"id": ["gap-a"], "wanted": ["Counts <b>by</b> [year](javascript:x)."], "holder": ["Met*"]})
    shown = COMMONMARK.render(bullets(limitations([], gaps)).data)
    assert shown == ('<div class="tex2jax_ignore mathjax_ignore" ng-non-bindable="" v-pre="">\n<ul>\n'
                     '<li>Looked for and not found: '
                     "Counts &lt;b&gt;by&lt;/b&gt; [year](javascript:x). Held by: Met*.</li>\n</ul>\n</div>")
