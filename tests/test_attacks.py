"""Issue 24 round three: markup from the record never runs, exports stay inert, outputs are readable."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import nbformat

from analysis.factcheck.report import inline_safe_json, write_together
from analysis.publish.display import bullets, markdown_text
from analysis.run.copies import _html

ATTACK = '<img src=x onerror="alert(1)"> [click](javascript:alert(2)) & <script>alert(3)</script>'


def test_markdown_text_leaves_no_tag_or_link() -> None:
    text = markdown_text(ATTACK)
    assert "<" not in text and ">" not in text
    assert "](" not in text.replace("\\](", "")  # the link's brackets are escaped, so no link is formed


def test_notebook_html_copy_keeps_planted_markup_as_text() -> None:
    """What a notebook prints with `bullets` reaches outputs/notebooks/*.html as text, not as an element."""
    shown = bullets([f"Source: {ATTACK}"])
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("bullets(lines)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": shown.data})]
    nb.cells.append(cell)
    page = _html(nb)
    assert "<img src=x" not in page and "<script>alert(3)" not in page
    assert 'href="javascript:' not in page


def test_claimreview_json_is_safe_to_inline() -> None:
    doc = {"claimReviewed": "</script><script>alert(1)</script> <!-- \u2028"}
    text = inline_safe_json(doc)
    assert "</script" not in text.lower() and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == doc  # the same data, only written differently


def test_written_outputs_are_readable_like_the_rest(tmp_path: Path) -> None:
    """outputs/index.html and outputs/factcheck.* go through write_together; mkstemp alone makes them 600."""
    out = tmp_path / "factcheck.html"
    write_together({out: "<p>x</p>"})
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    assert out.stat().st_mode & stat.S_IROTH or not (stat.S_IMODE(plain.stat().st_mode) & stat.S_IROTH)
    assert os.access(out, os.R_OK)
