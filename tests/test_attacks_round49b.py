"""Issue 24, round 49 (helper r49b): stamps that cannot lie (class 2), attacked through what reaches the notebooks'
kernels from outside every stamp, and through the state one notebook leaves for the next on a warm kernel. A
matplotlibrc's `timezone` (a setting matplotlib's style machinery never resets) moved every month tick of the national
reviews chart; a lookup read through another program (`!cat`), opened "r+", compiled as an extension module, copied
loose into site-packages or kept under a system Python's /usr, and another notebook's chart read before it was
exported again, each left `make` saying "notebooks: unchanged, skipped" with outputs drawn from the old one; a
notebook's `%cd ..`, `%precision 2`, `style.TITLE_SIZE = 18`, environment or locale changed what the next notebook on
its kernel published. And class 1 where it meets the pipeline: a file's name with an escape sequence in it, echoed
by the runner's lines and the commands' refusals, set the terminal's title and cleared its screen."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import matplotlib
import pytest

from analysis.publish.charts.historic_national import historic_national_chart
from analysis.publish.save import save_svg
from analysis.run import kernels, pipeline
from analysis.tables.load import load_table
from tests.kernel_project import kernel_project, run_as_kernel, stamp_after_run

# --- a matplotlibrc's settings the style never resets ------------------------------------------------------------


def _national_svg() -> str:
    """The national reviews chart (the one with a time axis of months) as its SVG's sha256, drawn from the record."""
    import io

    fig, meta = historic_national_chart(load_table("historic_reviews"), load_table("figures"))
    out = io.StringIO()
    save_svg(fig, out, title=meta.title, description=meta.alt_text)
    return hashlib.sha256(out.getvalue().encode()).hexdigest()


@pytest.mark.parametrize(("key", "value"), [("timezone", "Pacific/Kiritimati"), ("timezone", "Etc/GMT+12"),
                                            ("date.epoch", "2000-01-01T00:00:00")])
def test_a_matplotlibrc_setting_the_style_never_resets_does_not_reach_a_chart(key: str, value: str) -> None:
    """A matplotlibrc on the machine with `timezone: Pacific/Kiritimati` (an analyst who wants local time in their own
    charts; in ~/.config/matplotlib, or a folder named by $MPLCONFIGDIR) moved every month tick of the national
    reviews chart by fourteen hours: its PNG and SVG changed (the labels did not). `house()` starts from matplotlib's
    defaults, but matplotlib's style machinery leaves its blacklist (`timezone`, `date.epoch`, the backend) as the
    process has it. No stamp covers that file (a matplotlibrc created where none was, or another $MPLCONFIGDIR, is
    read by no kernel that ran before), so `make` said "notebooks: unchanged, skipped" and kept charts that no run
    on a machine without the file draws, or the other way round. The setting is read here as matplotlib reads it
    from a matplotlibrc, into the process's rcParams. (`date.epoch`, the other key of the blacklist that sets what
    is drawn, moves no pixel of today's charts; it is put back with the time zone, and checked as a guard.)"""
    plain = _national_svg()
    with matplotlib.rc_context({key: value}):
        assert _national_svg() == plain


# --- a lookup read through another program -------------------------------------------------------------------------


def _notebook_runs(root: Path, code: str, *, in_a_notebook: bool = True, prefix: str = "") -> None:
    """A Python started as the batch kernels are (the first line they run, after `prefix`), in notebooks/, running
    `code` as a notebook's cell does: after the runner named the notebook it runs ($CSE_DRAWN_IN), or, not
    `in_a_notebook`, as the kernel's own start does before any notebook."""
    run_as_kernel(root, code, notebook='{"notebook": "02"}' if in_a_notebook else None, prefix=prefix, capture=True)



@pytest.mark.parametrize(("code", "said"), [
    ("import subprocess; subprocess.run(['cat', '../lookups/first_year.txt'], check=True)", "cat"),
    ("from IPython.utils.process import getoutput; getoutput('cat ../lookups/first_year.txt')", "sh -c cat"),
    ("from IPython.utils.process import system; system('head -1 ../lookups/first_year.txt')", "sh -c head"),
    ("import subprocess; subprocess.run('cat ../lookups/first_year.txt', shell=True, check=True)", "sh -c cat"),
    ("import os; os.system('cat ../lookups/first_year.txt')", "sh -c cat"),
])
def test_a_lookup_a_notebook_reads_through_another_program_leaves_the_notebooks_unstamped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str, said: str) -> None:
    """Notebook 02 took the first year it charts from `first_year = int(!cat ../lookups/first_year.txt)` (IPython
    runs `!` through a shell; `getoutput` and `system` are what `x = !…` and `!…` call), or `subprocess.run(["cat",
    …])`. `make` (2015: the chart from 2015), the lookup edited to 2016, then `make`: "notebooks: unchanged,
    skipped", the chart still from 2015, exit 0. The program read the file in its own process, where the kernel's
    audit hook sees nothing, so no stamp held it. As with a read from the network, no stamp can keep what another
    program read: the step is not stamped, and says so in one line, so every `make` runs the notebooks again."""
    root, step = kernel_project(tmp_path)
    _notebook_runs(root, code)
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" not in stamps
    line = capsys.readouterr().out
    assert "through another program: " in line and said in line and "not stamped" in line, line
    (root / "lookups" / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_the_guard_a_program_the_kernel_starts_before_any_notebook_is_the_environment_s(tmp_path: Path) -> None:
    """matplotlib runs `fc-list` to list the machine's fonts when its font cache is missing, as a kernel boots on a
    fresh machine; that is not a notebook's read (the fonts are the environment's, and the cache it writes is read,
    and stamped, by the next kernel): the step is stamped, and the next `make` skips it."""
    root, step = kernel_project(tmp_path)
    _notebook_runs(root, "import subprocess; subprocess.run(['true'], check=True)", in_a_notebook=False)
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" in stamps and pipeline.is_current(root, step, stamps)


def test_a_program_is_named_without_its_arguments() -> None:
    """What the one line names: the program, and a shell's command's first word, never the arguments (a notebook's
    `!curl -H "Authorization: Bearer …"` would print its token in the terminal and in a CI log)."""
    assert kernels._program("subprocess.Popen", ("/usr/bin/curl", ["curl", "-H", "Authorization: Bearer x"], None,
                                                  None)) == "curl"
    assert kernels._program("os.system", (b"curl -H 'Authorization: Bearer x' https://example.org",)) == "sh -c curl"
    assert kernels._program("open", ("/etc/passwd", "r", 0)) == ""


# --- a lookup opened to read and update in place -------------------------------------------------------------------


@pytest.mark.parametrize("code", [
    "open('../lookups/first_year.txt', 'r+').read()",
    "open('../lookups/first_year.txt', 'rb+').read()",
    "import os; fd = os.open('../lookups/first_year.txt', os.O_RDWR); os.read(fd, 10); os.close(fd)",
])
def test_a_lookup_a_notebook_opens_to_read_and_update_is_in_the_notebooks_stamp(tmp_path: Path, code: str) -> None:
    """Notebook 02 opened its lookup with "r+" (to read the first year, and correct it in place when asked): `make`
    (2015), the lookup edited to 2016, then `make`: "notebooks: unchanged, skipped", the chart still from 2015. Only
    a file opened to read alone was noted; one opened to update is read too."""
    root, step = kernel_project(tmp_path)
    _notebook_runs(root, code)
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert list(stamps["notebooks"][pipeline.READ]) == ["lookups/first_year.txt"]
    (root / "lookups" / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_the_guard_a_file_a_notebook_makes_empties_or_appends_to_is_not_read(tmp_path: Path) -> None:
    """A file opened to be written ("w+", "a+", "x", or `os.open` with O_CREAT, O_TRUNC or O_APPEND) is not a read:
    a notebook keeping a log of its runs outside the checkout is not run again by every `make`."""
    root, step = kernel_project(tmp_path)
    _notebook_runs(root, "import os\nopen('../lookups/log.txt', 'a+').write('ran')\n"
                         "open('../lookups/new.txt', 'w+').write('x')\nopen('../lookups/x.txt', 'x').write('x')\n"
                         "os.close(os.open('../lookups/fd.txt', os.O_RDWR | os.O_CREAT))")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.READ not in stamps["notebooks"]


# --- a file's name echoed by the main job --------------------------------------------------------------------------

#: A file name as an archive or a `git pull` can bring one: an escape sequence that sets the terminal's title, then
#: one that clears its screen.
ESCAPES = "\x1b]2;PWNED\x07\x1b[2J"


def test_a_copy_of_a_notebook_named_with_an_escape_sequence_is_named_printably(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A copy of notebook 01 in notebooks/ named with an escape sequence (from an archive or a colleague's branch):
    every `make` that ran the notebooks echoed its name as it is ("notebooks/01_inspections <ESC>]2;…: not run, a
    copy of a notebook"), so the terminal's title was set and its screen cleared, the lines above it (what failed)
    gone. The commands name files printably (`analysis.record.terminal.printable`); the runner's lines did not."""
    from analysis.run.notebooks import say_copies

    (tmp_path / "01_inspections.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / f"01_inspections {ESCAPES}.ipynb").write_text("{}", encoding="utf-8")
    say_copies(tmp_path)
    said = capsys.readouterr().err
    assert "01_inspections" in said and "\x1b" not in said and "\x07" not in said


def test_an_input_named_with_an_escape_sequence_is_named_printably(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same name on a file in notebooks/ that changed while the notebooks ran: `make` said "notebooks: done …,
    but <name> changed while it ran", the name as it is."""
    root, step = kernel_project(tmp_path)
    odd = root / "notebooks" / f"lookup {ESCAPES}.csv"
    odd.write_text("year\n2015\n", encoding="utf-8")
    before = (pipeline.input_hash(root, step), pipeline.touched(root, step))
    odd.write_text("year\n2016\n", encoding="utf-8")
    pipeline._finish(step, (0, 0.1, before, {}), root, {})
    said = capsys.readouterr().out
    assert "changed while it ran" in said and "\x1b" not in said and "\x07" not in said


def test_a_removed_output_named_with_an_escape_sequence_is_named_printably(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A failed step removes what an earlier run made and this one did not remake, and names it."""
    from analysis.run.outputs import say_removed

    say_removed("notebooks", tmp_path, [tmp_path / "out" / f"chart {ESCAPES}.csv"])
    said = capsys.readouterr().out
    assert "removed" in said and "\x1b" not in said and "\x07" not in said


def test_a_raw_file_named_with_an_escape_sequence_is_named_printably_by_the_commands_that_refuse(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file in data/raw/figures named with an escape sequence, added after the build: `workbook` (and `gallery`,
    `check`, and `make`'s closing note) refused to publish, rightly, and named the file as it is ("python -m
    analysis workbook: data/processed was built before data/raw/figures/x <ESC>]2;…"), setting the terminal's title
    and clearing its screen. The build names it printably."""
    import shutil

    from analysis import cli
    from analysis.paths import PROJECT_ROOT

    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data", root / "data")
    (root / "data" / "raw" / "figures" / f"x {ESCAPES}.csv").write_text("a\n", encoding="utf-8")
    assert cli.main(["workbook", "--root", str(root)]) != 0
    said = capsys.readouterr().err
    assert "data/raw/figures/x" in said and "\x1b" not in said and "\x07" not in said


# --- a compiled module a notebook imports --------------------------------------------------------------------------


def _an_extension_module() -> tuple[str, Path]:
    """A compiled extension module of this Python's own (its name and file) that the kernel-like process below does
    not import on its own: a desk's compiled helper stands for it, copied beside the lookup."""
    import importlib.machinery
    import importlib.util

    for name in ("xxlimited", "audioop", "_lsprof", "cmath", "_bisect", "mmap", "resource", "_heapq"):
        spec = importlib.util.find_spec(name)
        if spec and spec.origin and spec.origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            return name, Path(spec.origin)
    raise AssertionError("no extension module found to stand for a desk's compiled helper")


def test_a_compiled_module_a_notebook_imports_from_a_desk_folder_is_in_the_notebooks_stamp(tmp_path: Path) -> None:
    """Notebook 02 took the first year it charts from a desk's compiled helper (`fy.cpython-311-….so`, built with
    Cython) in a folder it adds to its path. `make` (2015), the helper rebuilt to give 2016, then `make`:
    "notebooks: unchanged, skipped", the chart still from 2015. The dynamic loader opens the file in C, so no "open"
    reached the kernels' hook; only the "import" event names the file."""
    root, step = kernel_project(tmp_path)
    name, origin = _an_extension_module()
    desk = root / "lookups"
    helper = desk / origin.name
    helper.write_bytes(origin.read_bytes())
    _notebook_runs(root, f"import sys; sys.path.insert(0, {str(desk)!r}); import {name}; "
                         f"assert {name}.__file__ == {str(helper)!r}, {name}.__file__")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert f"lookups/{origin.name}" in stamps["notebooks"][pipeline.READ]
    helper.write_bytes(origin.read_bytes() + b"\0")  # rebuilt: other bytes
    assert not pipeline.is_current(root, step, stamps)


# --- a module lying loose in the environment's library folder ------------------------------------------------------


def test_a_module_copied_into_the_library_folder_is_in_every_step_s_stamp(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk's helper copied into .venv's site-packages (`deskhelp.py`), so that every notebook imports it without
    a path: it belongs to no distribution, so no dist-info names it, and the kernels' hook leaves the environment's
    files to the stamps. Edited (the years from 2015 kept), then `make`: "notebooks: unchanged, skipped", chart 2
    as the old helper drew it. A compiled one (`fy.cpython-311-….so`) likewise."""
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "deskhelp.py").write_text("def chosen(frame):\n    return frame\n", encoding="utf-8")
    name, origin = _an_extension_module()
    (site / origin.name).write_bytes(origin.read_bytes())
    paths_now = sysconfig.get_paths()
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {**paths_now, "purelib": str(site), "platlib": str(site)})
    before = pipeline.libraries()
    (site / "deskhelp.py").write_text('def chosen(frame):\n    return frame[frame["year"] >= 2015]\n',
                                      encoding="utf-8")
    edited = pipeline.libraries()
    assert edited != before
    (site / origin.name).write_bytes(origin.read_bytes() + b"\0")
    assert pipeline.libraries() != edited


# --- a notebook reading another notebook's chart -------------------------------------------------------------------


def test_a_chart_a_notebook_read_before_another_notebook_exported_it_again_leaves_the_step_unstamped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Notebook 06 showed chart 2 beside its own (`Image("../outputs/charts/met-cse-series/met-cse-series.png")`,
    or read its CSV). The two kernels take notebooks longest first, so 06 ran before 02 exported the new chart 2:
    06's published copy held the old chart while the step was stamped with the new one in its outputs' hash, and
    every `make` after said "notebooks: unchanged, skipped". A file the step writes was left out of what the
    kernels read, as covered by the outputs' hash, whatever version of it a notebook had read."""
    root, step = kernel_project(tmp_path)
    chart = root / "out" / "chart.csv"
    _notebook_runs(root, "open('../out/chart.csv').read()")  # notebook 06, first
    chart.write_text("year\n2016\n", encoding="utf-8")  # notebook 02 exports the new chart
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" not in stamps
    assert "out/chart.csv" in capsys.readouterr().out


def test_the_guard_a_chart_read_back_as_exported_is_the_step_s_own(tmp_path: Path) -> None:
    """The export reads each file back to name it by its hash in the sidecar: the version the step leaves. That is
    no read of another version, and not stamped twice (the outputs' hash keeps it)."""
    root, step = kernel_project(tmp_path)
    chart = root / "out" / "chart.csv"
    chart.write_text("year\n2016\n", encoding="utf-8")  # exported
    _notebook_runs(root, "open('../out/chart.csv').read()")  # read back
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" in stamps and pipeline.READ not in stamps["notebooks"]
    assert pipeline.is_current(root, step, stamps)


# --- a lookup under the folder a system Python is installed in -----------------------------------------------------


def test_a_lookup_under_the_system_python_s_prefix_is_in_the_notebooks_stamp(tmp_path: Path) -> None:
    """Debian's and Ubuntu's Python is installed in /usr (`sys.base_prefix`), and the kernels' hook left out every
    file under the base prefix as the environment's: a desk's lookup kept in /usr/local/share/newsroom/ on a shared
    analysis server was never noted, so after it was edited `make` said "notebooks: unchanged, skipped" with the
    chart drawn from the old one. Here the base prefix is made the folder that holds the lookup, as /usr holds
    /usr/local/share; the environment's own files (.venv, the standard library) are still left out."""
    root, step = kernel_project(tmp_path)
    _notebook_runs(root, "open('../lookups/first_year.txt').read(); import json, colorsys",
                   prefix=f"import sys; sys.base_prefix = sys.base_exec_prefix = {str(root)!r}\n")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert list(stamps["notebooks"][pipeline.READ]) == ["lookups/first_year.txt"]
    (root / "lookups" / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


# --- the system's sitecustomize ------------------------------------------------------------------------------------


def test_a_sitecustomize_in_the_standard_library_s_folder_is_in_every_step_s_stamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Debian's and Ubuntu's Python keep a sitecustomize.py in the standard library's folder (a link to
    /etc/python3.X/sitecustomize.py), which every Python made from the system's runs at start, .venv's and every
    kernel's included: one edited there (an administrator's `numpy.set_printoptions`, a locale) changed what the
    steps wrote while only the site folders' and $PYTHONPATH's sitecustomize were stamped. Here `os` is taken from
    a folder standing for the standard library's."""
    stdlib = tmp_path / "python3.11"
    stdlib.mkdir()
    monkeypatch.setattr(os, "__file__", str(stdlib / "os.py"))
    before = pipeline.libraries()
    (stdlib / "sitecustomize.py").write_text("import numpy\nnumpy.set_printoptions(suppress=True)\n",
                                             encoding="utf-8")
    assert pipeline.libraries() != before


# --- what a notebook leaves in its kernel's process ----------------------------------------------------------------


def test_the_next_notebook_on_a_warm_kernel_starts_where_the_kernel_started(tmp_path: Path) -> None:
    """Notebook 01 moved to the checkout's top (`%cd ..`, as many notebooks do to read from data/), added a desk's
    folder to its path, set CSE_SITE_URL to preview its chart's links and silenced a warning. On the same warm kernel
    notebook 02 then read `pd.read_csv("lookup.csv")` from the top, where another lookup of that name was, not from
    notebooks/ as it does when run alone; its exported charts linked to the previewed site; its warnings were left
    out of its published copy, and a locale it set printed its "{:n}" in that locale. What it published depended on
    which kernel took it after which notebook, and `make` stamped it. The runner's reset (`RESET`) now puts these
    back as the kernel started, as it does matplotlib's, pandas', the decimal context and numpy's print options."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    code = f"""
import os, sys, warnings, json, locale
from analysis.run import kernels
kernels.keep_settings()
now = lambda: (os.getcwd(), list(sys.path), dict(os.environ), list(warnings.filters), locale.setlocale(locale.LC_ALL))
before = now()
os.chdir('..')  # notebook 01
sys.path.append({str(tmp_path / 'desk')!r})
os.environ['CSE_SITE_URL'] = 'https://preview.example.org/'
warnings.filterwarnings('ignore')
locale.setlocale(locale.LC_NUMERIC, 'C' if locale.setlocale(locale.LC_NUMERIC) != 'C' else 'C.UTF-8')
assert now()[4] != before[4]
kernels.put_back_settings()  # the reset before notebook 02
print(json.dumps([b == a for b, a in zip(before, now())]))
"""
    result = subprocess.run([sys.executable, "-c", code], check=True, cwd=notebooks, capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if k != "CSE_SITE_URL"})
    assert result.stdout.strip() == "[true, true, true, true, true]", result.stdout + result.stderr


def test_the_next_notebook_on_a_warm_kernel_displays_as_the_kernel_started() -> None:
    """Notebook 01 ran `%precision 2` (to show its shares with two decimals) and registered a printer for
    DataFrames. `%reset -f` keeps both, so every float notebook 02 returned on the same kernel was printed "3.14"
    in its published copy where it prints 3.14159 run alone, and its tables in notebook 01's way: the copy depended
    on which kernel took it. Run in IPython's own shell, as the kernels run."""
    code = """
from IPython.core.interactiveshell import InteractiveShell
import pandas as pd
from analysis.run import kernels
shell = InteractiveShell.instance()
kernels.keep_settings()
shown = lambda: (shell.display_formatter.format(3.14159)[0]['text/plain'],
                 shell.display_formatter.format(pd.DataFrame({'a': [1]}))[0]['text/plain'])
alone = shown()
shell.run_line_magic('precision', '2')  # notebook 01
shell.display_formatter.formatters['text/plain'].for_type(pd.DataFrame, lambda df, p, cycle: p.text('01 style'))
assert shown() != alone
shell.run_line_magic('reset', '-f')  # the runner's reset before notebook 02
kernels.put_back_settings()
print(shown() == alone)
"""
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stdout + result.stderr


def test_the_next_notebook_on_a_warm_kernel_draws_with_the_package_as_it_is() -> None:
    """Notebook 01 tried a larger title on its own chart (`style.TITLE_SIZE = 18`, `style.DARK_BLUE = "#000000"`):
    every chart of the notebooks after it on the same warm kernel was drawn so too (`%reset -f` clears the
    notebook's names, not the package's modules), and `make` published and stamped them, while each notebook run
    alone draws with the package as it is."""
    code = """
from analysis.publish import style
from analysis.run import kernels
kernels.keep_settings()
alone = (style.TITLE_SIZE, style.DARK_BLUE)
style.TITLE_SIZE, style.DARK_BLUE = 18, '#000000'  # notebook 01
kernels.put_back_settings()  # the reset before notebook 02
print((style.TITLE_SIZE, style.DARK_BLUE) == alone)
"""
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stdout + result.stderr
