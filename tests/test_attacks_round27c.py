"""Issue 24, round twenty-seven, helper r27c (class 1, markup; class 2, stamps; class 5, exports): what a fresh
attack found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

# --- What the notebooks read beside them is one of their inputs (class 2) -------------------------------------------


def _notebooks_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "notebooks", root / "notebooks")
    return root


@pytest.mark.parametrize("name", ["lookup.csv", "map.png", "desk.mplstyle", "helpers/colours.json"])
def test_a_file_a_notebook_reads_beside_it_is_an_input(tmp_path: Path, name: str) -> None:
    """The kernels run in notebooks/: a notebook that reads a file there by its name (`pd.read_csv("lookup.csv")`,
    `Image("map.png")`) was stamped without it, so after the file was edited `make` said "notebooks: unchanged,
    skipped" and the published notebook kept the old values (seen end to end on a scratch copy)."""
    from analysis.run.pipeline import STEPS, input_hash

    step = next(s for s in STEPS if s.name == "notebooks")
    root = _notebooks_copy(tmp_path)
    data = root / "notebooks" / name
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text("area,count\nJane Doe,111\n", encoding="utf-8")
    before = input_hash(root, step)
    data.write_text("area,count\nJane Doe,999\n", encoding="utf-8")
    assert input_hash(root, step) != before


@pytest.mark.parametrize("name", [".ipynb_checkpoints/01_inspections-checkpoint.ipynb", ".01_inspections.py.swp",
                                  ".DS_Store", "__pycache__/helpers.cpython-311.pyc", "helpers.py~", "#helpers.py#"])
def test_what_no_notebook_reads_in_their_folder_is_not_an_input(tmp_path: Path, name: str) -> None:
    """Guard: JupyterLab's checkpoints, editors' swap and backup files and bytecode are not inputs, so saving in
    JupyterLab or leaving an editor open does not rerun the notebooks."""
    from analysis.run.pipeline import STEPS, input_hash

    step = next(s for s in STEPS if s.name == "notebooks")
    root = _notebooks_copy(tmp_path)
    before = input_hash(root, step)
    junk = root / "notebooks" / name
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_text("scratch", encoding="utf-8")
    assert input_hash(root, step) == before


def test_a_helper_module_beside_the_notebooks_edited_with_its_size_and_time_kept_runs_as_edited(
        tmp_path: Path) -> None:
    """The kernels import notebooks/helpers.py (their folder is first on their path). Python reuses its .pyc while
    the source's mtime and size are unchanged (`cp -p`, two saves in one second): the main job has the project's
    pycs checked against their sources' content, but only those in folders below notebooks/, so the notebooks ran
    the helper's old bytecode and were stamped as the new code's."""
    import importlib.util
    import os
    import py_compile

    from analysis.run.pipeline import hash_checked_bytecode

    module = tmp_path / "notebooks" / "helpers.py"
    module.parent.mkdir(parents=True)
    module.write_text('LABEL = "Jane Doe"\n', encoding="utf-8")
    py_compile.compile(str(module), doraise=True)  # as the kernel's import writes it: checked by time and size
    written = os.stat(module)
    module.write_text('LABEL = "JANE DOE"\n', encoding="utf-8")
    os.utime(module, ns=(written.st_atime_ns, written.st_mtime_ns))

    def loaded() -> str:
        spec = importlib.util.spec_from_file_location("helpers", module)
        assert spec is not None and spec.loader is not None
        helpers = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(helpers)
        return str(helpers.LABEL)

    assert loaded() == "Jane Doe"  # the failure: the old bytecode, run as the new code
    hash_checked_bytecode(tmp_path)
    assert loaded() == "JANE DOE"


# --- Record text makes no superscript in the Markdown readers a newsroom converts with (class 1) --------------------


@pytest.mark.parametrize("text", ["the 2^nd^ review of 1,200 cases", "Jane Doe^1,200^", "x^10^ and ^y^"])
def test_record_text_forms_no_superscript(text: str) -> None:
    """Pandoc's Markdown (`pandoc factcheck.md -o factcheck.docx`, checked with pandoc 3.9) and markdown-it's
    superscript plugin read "2^nd^" as a superscript: record text made markup there, while its "~" (their
    subscript) was already escaped. Every reader now shows the carets as written."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.superscript import superscript_plugin

    from analysis.factcheck.markdown_escape import escape

    page = MarkdownIt().use(superscript_plugin).render(escape(text))
    assert "<sup>" not in page, page
    assert page == f"<p>{text}</p>\n"  # the text as written, in CommonMark too


# --- A step not stamped says which input changed (class 2) ---------------------------------------------------------


def test_a_step_not_stamped_names_the_input_that_changed_while_it_ran(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture) -> None:
    """A notebook that saves a file beside itself (`df.to_csv("export.csv")`) rewrites one of the notebooks' inputs
    at every run, so every `make` ran them again with "an input or the code changed while it ran", naming nothing:
    it read as someone else's edit. The message now names the file (here as the step's own write, same bytes)."""
    from analysis.run.outputs import output_marks
    from analysis.run.pipeline import STEPS, _finish, input_hash, touched

    step = next(s for s in STEPS if s.name == "notebooks")
    root = _notebooks_copy(tmp_path)
    written = root / "notebooks" / "export.csv"
    written.write_text("area\nJane Doe\n", encoding="utf-8")
    attempt = (0, 1.0, (input_hash(root, step), touched(root, step)), output_marks(root, step.written))
    import os

    before = written.stat()
    written.write_text("area\nJane Doe\n", encoding="utf-8")  # rewritten by the run, the same bytes, a second on
    os.utime(written, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    stamps: dict[str, dict[str, str]] = {}
    assert _finish(step, attempt, root, stamps)
    assert step.name not in stamps
    assert "notebooks/export.csv changed while it ran: not stamped" in capsys.readouterr().out


# --- factcheck.md links only what is published beside it (class 5) -------------------------------------------------


@pytest.mark.parametrize("with_rules", [True, False])
def test_every_relative_link_in_factcheck_md_is_a_file_beside_it(tmp_path: Path, with_rules: bool) -> None:
    """factcheck.md is published in outputs/ (the gallery offers it as "Fact-check report (Markdown)"), but its
    one link to the rules was "../docs/factcheck.md": out of the published folder, to a page that is not there
    (outputs/ is not in the repository, so that link worked only in a checkout). It now links the rules page beside
    it, or the methods page when there are no rules to make one from, as factcheck.html does."""
    import re

    from analysis.paths import REPORT_MD
    from tests.raw_copy import raw_copy, run_on

    root = raw_copy(tmp_path)
    if with_rules:
        shutil.copytree(PROJECT_ROOT / "docs", root / "docs")
    for command in ("build", "check"):
        assert run_on(root, command).returncode == 0
    outputs = root / "outputs"
    text = (outputs / REPORT_MD).read_text(encoding="utf-8")
    targets = {t for t in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text) if "://" not in t}
    assert targets, text[:500]  # the rules link at least
    assert all((outputs / t).is_file() and (outputs / t).resolve().is_relative_to(outputs.resolve())
               for t in targets), targets
