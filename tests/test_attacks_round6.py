"""Issue 24, a sixth attack on its classes with inputs no earlier suite uses (tests/test_attacks.py,
tests/test_attacks_round4.py, tests/test_attacks_round5.py, tests/test_planted_markup.py): each case here got
through before its fix. What a browser shows was checked in Chromium for every page below."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text

# --- scan: end tags HTML5 lets a page leave out, and a comment never closed ------------------------------------


@pytest.mark.parametrize("page", [
    "<table><tr><td hidden>x<td>Shown 1,737 referrals.</table>",
    "<table><tr hidden><td>x<tr><td>Shown 1,737 referrals.</table>",
    "<table><thead hidden><tr><td>x<tbody><tr><td>Shown 1,737 referrals.</table>",
    "<dl><dd hidden>x<dt>Shown 1,737 referrals.</dl>",
    "<select><option hidden>x<option>Shown 1,737 referrals.</select>",
    "<ruby>x<rt hidden>y<rt>Shown 1,737 referrals.</ruby>",
])
def test_a_hidden_element_whose_end_tag_is_left_out_hides_only_itself(page: str) -> None:
    """A cell, row, definition, option or ruby text ends where the next one starts (HTML5's optional end tags);
    read as nested in the hidden one, the visible figure after it was never found."""
    assert "Shown 1,737 referrals." in to_text(page)


def test_cells_of_a_table_inside_a_cell_do_not_close_the_outer_cell() -> None:
    page = "<table><tr><td hidden><table><tr><td>a<td>Inner 9,999</table>still hidden 9,998<td>Shown 1,737.</table>"
    assert to_text(page).split() == ["Shown", "1,737."]


def test_a_comment_never_closed_hides_the_rest_of_the_page() -> None:
    """Chromium shows nothing after a "<!--" with no "-->" (HTML5: end of file in a comment); scan read it."""
    assert to_text("<p>Shown 1,737 referrals.</p><!-- <p>Draft 9,999 referrals.</p>") == "Shown 1,737 referrals."


# --- Markdown from the record in the notebooks' HTML copies -----------------------------------------------------


def _copy_html(line: str) -> str:
    """A record line as a notebook prints it (`bullets`), rendered and cleaned as its HTML copy is."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    from analysis.factcheck.markdown_escape import RECORD_BLOCK
    from analysis.publish.display import bullets
    from analysis.run.copies import clean_html

    shown = clean_html(markdown2html_mistune(bullets([line]).data))  # inside the block MathJax leaves alone
    return shown.removeprefix(f"<div {RECORD_BLOCK}>\n\n").removesuffix("</div>\n\n")


@pytest.mark.parametrize(("text", "shown"), [
    ("Caveat \\[zz\\] here", "Caveat \\[zz\\] here"),  # was "$$zz$$": the Markdown's display-maths delimiters
    ("Caveat \\(zz\\) here", "Caveat \\(zz\\) here"),  # was "$zz$"
    ("Caveat \\[x\\](https://evil.example/p)", "Caveat \\[x\\](https://evil.example/p)"),
])
def test_a_backslash_in_record_text_makes_no_maths_or_link(text: str, shown: str) -> None:
    import html

    out = _copy_html(text)
    assert "$" not in out and "<a" not in out
    assert html.unescape(out.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>\n")) == shown


def test_a_url_in_record_text_is_shown_as_written_not_made_a_link() -> None:
    """"https://…>" in a note became a link whose address kept the escaped "&gt"."""
    out = _copy_html("See https://evil.example/a> and (note 2): ok")
    assert "<a" not in out and "https://evil.example/a&gt; and (note 2): ok" in out


# --- stamps: every file a step reads is one of its inputs -------------------------------------------------------

#: Run one command with an audit hook that lists every file it opens (a hook cannot be removed, so not in here).
_OPENS = """
import json, os, sys
root = os.path.realpath(sys.argv[1]) + os.sep
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(root):
            opened.add(path[len(root):])
sys.addaudithook(hook)
import analysis.cli
# The command line's own gate (is data/processed behind data/raw?) reads data/raw; the main job never runs it, as it
# runs the build before these steps, so what it reads is no input of theirs (tests/test_attacks_round30c.py).
analysis.cli._behind_raw = lambda name, args: False
from analysis.cli import main
code = main([sys.argv[2], "--root", sys.argv[1]])
print(json.dumps(sorted(opened)))
sys.exit(code)
"""


@pytest.mark.parametrize("name", ["db", "check", "workbook", "gallery"])
def test_every_file_a_step_reads_is_in_its_stamp(name: str, made, tmp_path) -> None:
    """A step whose stamp leaves out a file it reads is skipped with stale output when only that file changes: the
    gallery read data/processed/sources.csv (the edition's date) without it being one of its inputs."""
    import fnmatch
    import json
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT
    from analysis.run.pipeline import STEPS
    from tests.made import copy_of

    root = copy_of(made, tmp_path / "project")
    step = next(s for s in STEPS if s.name == name)
    done = subprocess.run([sys.executable, "-c", _OPENS, str(root), name], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    opened = json.loads(done.stdout.splitlines()[-1])
    written = [p for p in opened if any(fnmatch.fnmatch(p, w) for w in step.written) or "/." in f"/{p}"]
    read = [p for p in opened if p not in written and not p.startswith(".cache/")]
    assert read, "the hook saw nothing: the test would pass vacuously"
    patterns = [pattern.replace("**/", "*") for pattern in step.inputs]
    undeclared = [p for p in read if not any(fnmatch.fnmatch(p, pattern) for pattern in patterns)]
    assert undeclared == []


# --- personal data: separators of more than one character, ISO dates ------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("Call 020 - 7946 - 0000 for the desk.", "a phone number"),
    ("Call 020\u00a0\u20117946\u00a00000 for the desk.", "a phone number"),  # no-break space + no-break hyphen
    ("Call 020_7946_0000 for the desk.", "a phone number"),
    ("Call +44 - 20 - 7946 - 0000 for the desk.", "a phone number"),
    ("John Smith (2009-03-12) was named.", "a date of birth"),
])
def test_personal_data_with_wider_separators_is_found(text: str, kind: str) -> None:
    from analysis.record.safeguarding import personal_data_in

    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", ["Figures for 2016 - 2017 - 2018 rose.", "Rates of 0.5 - 1.2 per 1,000 children.",
                                  "Metropolitan Police Service, 2024 report", "A review of 374 cases found 278."])
def test_ranges_and_years_are_not_personal_data(text: str) -> None:
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == []


# --- verify: one reading of an input's digits --------------------------------------------------------------------


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff"])
def test_an_invisible_character_inside_a_number_does_not_change_verify_s_verdict(hidden: str) -> None:
    """parse_printed read "7<ZWJ>4%" as 74, but the exact value was taken from the raw text's digit runs, 7 and 4:
    "278 of 374 is 74%" was called inaccurate, and a part typed "27<ZWSP>8" was computed as 27."""
    import analysis

    assert analysis.verify("share", part="278", whole="374", stated=f"7{hidden}4%").verdict == "accurate"
    assert analysis.verify("share", part=f"27{hidden}8", whole="374", stated="74%").verdict == "accurate"


# --- the workbook: an address longer than Excel holds -------------------------------------------------------------


def test_a_source_address_too_long_for_an_excel_link_is_kept_as_text(tmp_path) -> None:
    """XlsxWriter drops a hyperlink over 2,079 characters with a warning, and the cell was left empty: the source's
    address vanished from the workbook. It is now written as text (a shorter one is still a link)."""
    from openpyxl import load_workbook

    from analysis.publish.workbook import build_workbook
    from tests.test_workbook import _tiny_tables, column, header_row

    address = "https://example.org/report?q=" + "a" * 2500
    tables = _tiny_tables("A publisher")
    tables["sources"][0]["url_main"] = address
    ws = load_workbook(build_workbook(tmp_path, tables, {}))["Sources"]
    cell = ws.cell(header_row(ws) + 1, column(ws, "Web address") + 1)
    assert cell.value == address and cell.hyperlink is None


# --- search: the one reading of digits ----------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["\uff15\uff16%", "5\u0666%", "1,2\u0660\u0660"])
def test_search_refuses_other_digits_with_the_one_message(query: str) -> None:
    """"５６%" and "5٦%" answered "0 matches", as if the record had no 56% (verify refuses them, with this message)."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT
    from analysis.record.hygiene import DIGITS_MESSAGE

    done = subprocess.run([sys.executable, "-m", "analysis", "search", query], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert DIGITS_MESSAGE.split("{")[0] in done.stderr and "matches" not in done.stdout


def _project_with_code(root, name: str):
    """A scratch project for the stamp tests: one input file and one module of the package at version 1."""
    code = root / "analysis" / name
    code.parent.mkdir()
    code.write_text("version = 1\n")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text("data\n")
    return code


# --- stamps: code saved after the warm kernels imported it ------------------------------------------------------


def test_code_saved_after_the_kernels_imported_it_leaves_the_notebooks_unstamped(tmp_path, monkeypatch) -> None:
    """The kernels start (and import the package) while the build runs; the notebooks step took its stamp's
    "before" only when it started. Code saved in between ran in its old version in the kernels yet matched the
    stamp, so the next `make` skipped the notebooks with charts drawn by the old code."""
    import argparse

    from analysis.run import notebooks as run_notebooks
    from analysis.run import pipeline

    code = _project_with_code(tmp_path, "chart.py")
    steps = (pipeline.Step("build", "fake", ("in/*",), ("mid/*",)),
             pipeline.Step("notebooks", "fake", ("mid/*", *pipeline.CODE), ("out/*",)))
    imported: list[str] = []
    ran: list[str] = []

    class Pool:
        size = 1

        def __init__(self) -> None:
            imported.append(code.read_text())  # the kernels import the package as they boot

        def stop_kernels(self) -> None: ...

        def close(self) -> None: ...

    def run_step(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        ran.append(step.name)
        out = paths.root / ("mid" if step.name == "build" else "out")
        out.mkdir(exist_ok=True)
        if step.name == "build":
            (out / "x.txt").write_text("data\n")
            code.write_text("version = 2\n")  # saved in the editor while the build runs
        else:
            (out / "chart.txt").write_text(imported[-1] if pool is not None else code.read_text())
        return 0

    monkeypatch.setattr(pipeline, "STEPS", steps)
    monkeypatch.setattr(pipeline, "_run_step", run_step)
    monkeypatch.setattr(run_notebooks, "start_pool", lambda paths: Pool())
    job = argparse.Namespace(root=tmp_path, force=False)
    assert pipeline.run(job) == 0 and (tmp_path / "out" / "chart.txt").read_text() == "version = 1\n"
    ran.clear()
    assert pipeline.run(job) == 0 and "notebooks" in ran, "the notebooks must run again on the code as saved"
    assert (tmp_path / "out" / "chart.txt").read_text() == "version = 2\n"


def test_code_saved_during_the_job_leaves_later_steps_unstamped(tmp_path, monkeypatch) -> None:
    """This process imports the package as its steps run (the tables code with the build); the workbook step,
    seconds later, took its "before" hash only when it started, so code saved in between matched its stamp."""
    import argparse

    from analysis.run import pipeline

    code = _project_with_code(tmp_path, "tables.py")
    steps = (pipeline.Step("build", "fake", ("in/*",), ("mid/*",)),
             pipeline.Step("workbook", "fake", ("mid/*", "analysis/*.py"), ("out/*",)))
    loaded = {"version": code.read_text()}  # imported when the job's process started
    ran: list[str] = []

    def run_step(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        ran.append(step.name)
        out = paths.root / ("mid" if step.name == "build" else "out")
        out.mkdir(exist_ok=True)
        (out / "x.txt").write_text("data\n" if step.name == "build" else loaded["version"])
        if step.name == "build" and code.read_text() == "version = 1\n":
            code.write_text("version = 2\n")  # saved after the build's module was imported
        return 0

    monkeypatch.setattr(pipeline, "STEPS", steps)
    monkeypatch.setattr(pipeline, "_run_step", run_step)
    job = argparse.Namespace(root=tmp_path, force=False)
    assert pipeline.run(job) == 0
    ran.clear()
    loaded["version"] = code.read_text()  # a new process imports the code as saved
    assert pipeline.run(job) == 0 and "workbook" in ran, "the workbook must run again on the code as saved"
    assert (tmp_path / "out" / "x.txt").read_text() == "version = 2\n"


@pytest.mark.parametrize(("page", "text"), [
    ("<p>1<!---->,2<!--->00 children</p>", "1,200 children"),  # "<!--->" is an empty comment
    ("<p>1<!-->,200 children</p>", "1,200 children"),
    ("<!-- x --!><p>Shown 1,737</p><!-- y -->", "Shown 1,737"),  # "--!>" ends a comment
    ("<!-- a -- > <p>Hidden 9,999</p> --><p>Shown 1,737</p>", "Shown 1,737"),  # "-- >" does not
    ('<script>var s = "<!--";</script><p>Shown 1,737</p>', "Shown 1,737"),  # no comment inside a script
    ("<STYLE>p{}/* <!-- */</STYLE><p>Shown 1,737</p>", "Shown 1,737"),
])
def test_a_comment_ends_where_a_browser_ends_it(page: str, text: str) -> None:
    """Each page as Chromium shows it; html.parser ended comments at "-->" after "<!--" (and at "-- >"), so these
    hid visible text or showed hidden text, and a "<!--" inside a script was read as a comment to the page's end."""
    assert to_text(page) == text
