"""Issue 24, round twenty-four, helper r24b: stamps that cannot lie (class 2) and scan's reading of a page, its
limits and its time (class 3), each failure fixed by class."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.factcheck.scan_text import to_text

PAGE = ("<!doctype html><html><head><meta charset='utf-8'>{head}</head>"
        "<body><p>Shown 1,111 cases.</p>{body}</body></html>")


def _page(body: str, head: str = "") -> str:
    return PAGE.format(head=head, body=body)


# Each checked in Chromium (innerText): CSS's white space is the space, tab, line feed, carriage return and form
# feed; any other character Python reads as white space is part of a name (or a delimiter) to CSS, so the
# declaration or the rule holding it is dropped.
@pytest.mark.parametrize("body", [
    "<p style='display:none\u00a0'>2,222</p>",
    "<p style='display:\u00a0none'>2,222</p>",
    "<p style='\u00a0display:none'>2,222</p>",
    "<p style='display:none\u2003'>2,222</p>",
    "<p style='display:none\u3000'>2,222</p>",
    "<p style='display:none\u000b'>2,222</p>",
    "<p style='display:none\u001c'>2,222</p>",
    "<p style='display:none\u0085'>2,222</p>",
    "<p style='visibility:hidden\u00a0'>2,222</p>",
    "<p style='content-visibility:hidden\u00a0'>2,222</p>",
    "<p style='display:none!\u00a0important'>2,222</p>",
    "<style>.h{display:none\u00a0}</style><p class=h>2,222</p>",
    "<style>.h\u00a0{display:none}</style><p class=h>2,222</p>",
    "<style>\u00a0.h{display:none}</style><p class=h>2,222</p>",
    "<style>.h{visibility:hidden\u2003}</style><p class=h>2,222</p>",
])
def test_a_space_css_does_not_read_as_one_hides_nothing(body: str) -> None:
    """A no-break space (or U+2003, U+3000, U+000B …) beside a hiding declaration makes it one Chromium drops, and
    the figure is shown; read as white space, the declaration hid the figure, which scan then dropped without a
    word."""
    assert "2,222" in to_text(_page(body))


@pytest.mark.parametrize("body", [
    "<p hidden style='display:block\u00a0'>2,222</p>",
    "<p hidden style='display:\u00a0block'>2,222</p>",
    "<style>.s{display:block\u00a0}</style><p hidden class=s>2,222</p>",
    "<p style='visibility:hidden'><span style='visibility:visible\u00a0'>2,222</span></p>",
    "<style>.h\u00a0{display:none}</style><p class='h\u00a0'>2,222</p>",
    "<style>.h\\a0 {display:none}</style><p class='h\u00a0'>2,222</p>",
])
def test_a_space_css_does_not_read_as_one_shows_nothing(body: str) -> None:
    """… and a showing declaration with one is dropped too, so the element stays hidden; a class whose name holds a
    no-break space is hidden by the rule that names it so, written or escaped."""
    assert "2,222" not in to_text(_page(body))


@pytest.mark.parametrize("body", [
    "<p style='display:none'>2,222</p>",
    "<p style='display:\tnone'>2,222</p>",
    "<p style='display:\fnone '>2,222</p>",
    "<style>.h{display:none\n}</style><p class=h>2,222</p>",
    "<p style='color:red\u00a0;display:none'>2,222</p>",
    "<style>.h{\u00a0}.k{display:none}</style><p class=k>2,222</p>",
])
def test_css_s_own_white_space_still_hides(body: str) -> None:
    assert "2,222" not in to_text(_page(body))


# Each checked in Chromium: a <style> tag's attributes as HTML's tokenizer reads them ("/" parts them, the first of
# two counts, a value is whole), and its type as written ("" or "text/css" in any case; " text/css" is another).
@pytest.mark.parametrize("head", [
    "<style/media=print>.h{display:none}</style>",
    "<style x/media=print>.h{display:none}</style>",
    "<style type=' text/css'>.h{display:none}</style>",
    "<style type='text/css '>.h{display:none}</style>",
    "<style type='text/css x'>.h{display:none}</style>",
    "<style type='text/css\u00a0'>.h{display:none}</style>",
    "<style media='screen\u00a0'>.h{display:none}</style>",
    "<style media='all\u3000'>.h{display:none}</style>",
    "<style media=print media=screen>.h{display:none}</style>",
])
def test_a_sheet_its_style_tag_keeps_from_the_screen_hides_nothing(head: str) -> None:
    assert "2,222" in to_text(_page("<p class=h>2,222</p>", head))


@pytest.mark.parametrize("head", [
    "<style>.h{display:none}</style>",
    "<style type='TEXT/CSS'>.h{display:none}</style>",
    "<style type=''>.h{display:none}</style>",
    "<style media=' screen '>.h{display:none}</style>",
    "<style\tmedia=SCREEN>.h{display:none}</style>",
    "<style a='b media=print'>.h{display:none}</style>",
    "<style a=\"b type=text/less\">.h{display:none}</style>",
    "<style media=screen media=print>.h{display:none}</style>",
])
def test_a_sheet_for_the_screen_still_hides(head: str) -> None:
    assert "2,222" not in to_text(_page("<p class=h>2,222</p>", head))


@pytest.mark.parametrize("text", [
    "1,111,111 days", "1,111,111 hours", "1.111.111 days", "1,111.5 days", "1,111,111-year-olds", "2.5-year-olds",
    "1,111,111 years old", "1,111,111 or more", "1,111,111 or fewer", "1,111,111 and a half million",
    "1,111,111 million and a half", "1,111,111%", "1,111,111 to 1,111,222", "1,111,111 times more",
    "1,111,111th", "1,111,111st time",
])
def test_no_kind_and_no_figure_starts_inside_a_number(text: str) -> None:
    """Each group of "1,111,111,…" starts a word (`\\b`), so a kind that looked for a number there read every group
    on to the run's end: scan's time grew with the square of such a run (40 KB of it with "3 days" after took 5 s,
    with "15-year-olds" 10 s, with "the 21st" 2 s; a megabyte, hours). A number is read from its first digit only."""
    from analysis.factcheck import scan_find

    inside = [at for at in range(2, len(text))
              if text[at].isdigit() and text[at - 1] in ",." and text[at - 2].isdigit()]
    patterns = [*(pattern for _, pattern in scan_find.LEFT_OUT), scan_find.FIGURE_RE]
    assert inside
    assert [(at, p.pattern[:40]) for at in inside for p in patterns if p.match(text, at)] == []


# --- class 2: the notebook pair check --------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["skip-execution", "raises-exception"])
def test_a_cell_tag_that_changes_how_a_notebook_runs_puts_the_pair_out_of_step(tmp_path: Path, tag: str) -> None:
    """The paired .py keeps no cell metadata, so a cell tagged in the .ipynb to be skipped (or to fail without
    failing the notebook) was invisible in the .py that is reviewed: `make` left "What we found" and "Limitations"
    out of the published notebook while the pair check passed. A tag that changes nothing still passes."""
    import json
    import shutil

    from analysis.run.notebooks import pair_problem

    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    ipynb = tmp_path / "02_met_cse_series.ipynb"
    shutil.copy(notebooks / ipynb.name, ipynb)
    shutil.copy(notebooks / "02_met_cse_series.py", ipynb.with_suffix(".py"))
    assert pair_problem(ipynb) is None
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    code[-1]["metadata"] = {"tags": ["keep-me"]}
    ipynb.write_text(json.dumps(nb), encoding="utf-8")
    assert pair_problem(ipynb) is None
    code[-1]["metadata"] = {"tags": ["keep-me", tag]}
    ipynb.write_text(json.dumps(nb), encoding="utf-8")
    problem = pair_problem(ipynb)
    assert problem is not None and tag in problem


@pytest.mark.parametrize("body", [
    "<p hidden style='display:bloc\u212a'>2,222</p>",
    "<p hidden style='di\u017fplay:block'>2,222</p>",
    "<p style='visibility:hidden'><span style='visibility:vi\u017fible'>2,222</span></p>",
])
def test_a_css_keyword_is_read_in_either_case_in_ascii_only(body: str) -> None:
    """Checked in Chromium: the Kelvin sign and the long s are no "k" or "s" to CSS, so each declaration is
    unknown and dropped, and the element stays hidden; read with Python's `lower` (which makes the Kelvin sign a
    "k"), `display:bloc\u212a` showed it."""
    assert "2,222" not in to_text(_page(body))


def test_a_css_keyword_in_capitals_is_still_read() -> None:
    assert "2,222" in to_text(_page("<p hidden style='DISPLAY:BLOCK'>2,222</p>"))


def test_code_edited_with_its_size_and_file_time_kept_is_run_as_edited(tmp_path: Path) -> None:
    """Python reuses a module's .pyc while the source's mtime and size are those it was compiled from: a chart's
    module edited with both kept (`cp -p`, `touch -r`) was drawn from its old bytecode, though its stamp changed, so
    `make` stamped the old chart as the new code's and `make force` drew it again. The main job has each pyc of
    the project's code checked against its source's content."""
    import importlib.util
    import os
    import py_compile

    from analysis.run.pipeline import hash_checked_bytecode

    module = tmp_path / "analysis" / "publish" / "charts" / "probe.py"
    module.parent.mkdir(parents=True)
    module.write_text('SUBTITLE = "what was said"\n', encoding="utf-8")
    py_compile.compile(str(module), doraise=True)  # as an import writes it: checked by file time and size
    written = os.stat(module)

    def edit_keeping_size_and_time(text: str) -> None:
        module.write_text(text, encoding="utf-8")
        os.utime(module, ns=(written.st_atime_ns, written.st_mtime_ns))

    def loaded() -> str:
        spec = importlib.util.spec_from_file_location("probe", module)
        assert spec is not None and spec.loader is not None
        probe = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(probe)
        return str(probe.SUBTITLE)

    edit_keeping_size_and_time('SUBTITLE = "WHAT WAS SAID"\n')
    assert loaded() == "what was said"  # the failure: the old bytecode, run as the new code
    hash_checked_bytecode(tmp_path)
    assert loaded() == "WHAT WAS SAID"
    edit_keeping_size_and_time('SUBTITLE = "what was SAID"\n')
    assert loaded() == "what was SAID"


@pytest.mark.parametrize("command", [
    ["scan", "-"], ["verify", "change", "--from", "10", "--to", "12", "--stated", "20%"]])
def test_a_command_that_prints_its_result_refuses_a_closed_standard_output(command: list[str]) -> None:
    """`scan article.txt >&-`: Python prints nothing to a closed standard output and raises nothing, so the scan
    ended with status 0 and no figure shown anywhere. It now refuses to start (status 2) and says why."""
    import os
    import subprocess
    import sys

    article = b"Police recorded 1,200 cases."
    closed = subprocess.run([sys.executable, "-m", "analysis", *command], input=article, stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1), check=False)
    assert closed.returncode == 2
    assert b"standard output is closed" in closed.stderr
    shown = subprocess.run([sys.executable, "-m", "analysis", *command], input=article, capture_output=True,
                           check=False)
    assert shown.returncode in (0, 1) and shown.stdout
