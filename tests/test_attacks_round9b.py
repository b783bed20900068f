"""Round 9 attack (b) on scan: text hidden by a page's own stylesheet (issue 24, class 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.factcheck.scan_text import to_text
from analysis.run import pipeline

HIDDEN_BY_SHEET = [
    '<style>.x{display:none}</style><p class="x">2,000 victims</p><p>Shown.</p>',
    '<style>#y{visibility:hidden}</style><p id="y">2,000 victims</p><p>Shown.</p>',
    '<style>aside, .a {display:none !important}</style><aside>2,000</aside><p class="b a">2,000</p><p>Shown.</p>',
    '<style>p.x{content-visibility:hidden}</style><p class="x">2,000 victims</p><p>Shown.</p>',
    '<style>/* c */ .\\78 {display:none}</style><p class="x">2,000 victims</p><p>Shown.</p>',
    '<p class="x">2,000 victims</p><p>Shown.</p><style>.x{display:none}</style>',
    '<STYLE>.X{DISPLAY:NONE}</STYLE><p class="X">2,000 victims</p><p>Shown.</p>',
    '<style>.x{display:none</style><p class="x">2,000 victims</p><p>Shown.</p>',
]


@pytest.mark.parametrize("page", HIDDEN_BY_SHEET)
def test_text_hidden_by_a_simple_stylesheet_rule_is_not_read(page: str) -> None:
    """A `<style>` rule on a type, class or id hid "2,000 victims" from readers, but scan read it as a claim."""
    assert to_text(page) == "Shown."


SHOWN = [
    '<style>.x{display:none} p.x{display:block}</style><p class="x">2,000 shown</p>',
    '<style>@media print{.x{display:none}}</style><p class="x">2,000 shown</p>',
    '<style>.x{display:none}</style><p class="x" style="display:block">2,000 shown</p>',
    '<style>.x{visibility:hidden}</style><div class="x">gone <span style="visibility:visible">2,000 shown</span></div>',
    '<style>div p{display:none}</style><div><p>2,000 shown</p></div>',
    '<style media="print">.x{display:none}</style><p class="x">2,000 shown</p>',
    '<style>.x{display:none}</style><p class="X">2,000 shown</p>',
    '<noscript><style>.x{display:none}</style></noscript><p class="x">2,000 shown</p>',
    '<template><style>.x{display:none}</style></template><p class="x">2,000 shown</p>',
]


@pytest.mark.parametrize("page", SHOWN)
def test_text_a_stylesheet_shows_or_may_show_is_read(page: str) -> None:
    """Shown again by a rule or inline style, hidden only for print, or behind a selector not honoured: read."""
    assert to_text(page) == "2,000 shown"


def test_a_closed_details_inside_a_shown_summary_is_read_in_order() -> None:
    """The summary of a closed <details> is shown; a closed <details> inside that summary shows only its own
    summary until opened; what they hold is read since round 42: the browser opens it for its reader, in order."""
    page = ('<details><summary>Read more <details><summary>Inner 5</summary><p>2,000 hidden</p></details> tail 7'
            '</summary><p>9 hidden</p></details><p>After 3</p>')
    assert to_text(page).split("\n\n") == ["Read more", "Inner 5", "2,000 hidden", "tail 7", "9 hidden", "After 3"]


# --- class 2: the installed-library part of every step's stamp ------------------------------------------------

def _site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site-packages"
    (site / "matplotlib-3.10.0.dist-info").mkdir(parents=True)
    (site / "matplotlib-3.10.0.dist-info" / "RECORD").write_text("matplotlib/__init__.py,sha256=a,10\n")
    monkeypatch.setattr(pipeline.sysconfig, "get_paths", lambda: {"purelib": str(site), "platlib": str(site)})
    return site


def test_a_pth_file_added_or_edited_changes_the_library_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A .pth file puts other code on the path (an editable install, a folder shadowing matplotlib); adding or
    editing one left every step's stamp as it was, so `make` kept outputs drawn with the old code."""
    site = _site(tmp_path, monkeypatch)
    before = pipeline.libraries()
    (site / "shadow.pth").write_text("/somewhere/else\n")
    added = pipeline.libraries()
    (site / "shadow.pth").write_text("/somewhere/other\n")
    assert len({before, added, pipeline.libraries()}) == 3


def test_the_same_version_reinstalled_from_other_files_changes_the_library_stamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`pip install --force-reinstall ./matplotlib-3.10.0-local.whl` keeps the dist-info folder's name."""
    site = _site(tmp_path, monkeypatch)
    before = pipeline.libraries()
    shutil.rmtree(site / "matplotlib-3.10.0.dist-info")
    (site / "matplotlib-3.10.0.dist-info").mkdir()
    (site / "matplotlib-3.10.0.dist-info" / "RECORD").write_text("matplotlib/__init__.py,sha256=patched,12\n")
    assert pipeline.libraries() != before
    assert pipeline.libraries() == pipeline.libraries()  # and stable while nothing changes
