"""Issue 24, round 43 (helper r43b): stamps that cannot lie (class 2), attacked with the code and the rules
document changing between commands: a chart's module edited (the notebooks say "open that module to change what is
drawn"), another branch checked out, docs/factcheck.md edited. `make` reran every step then (its stamps hash the
code), but the outputs named only the tables and the notebook they were made from, so the commands run alone
(`workbook`, `gallery`, `charts` then `gallery`) published what the other code had made, exit 0. And with the
environment: a matplotlibrc asking for the locale's number format, in a German locale, put German month names into
every output but the report, while no stamp covers either."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.run import pipeline
from analysis.tables import load
from tests.made import Made, copy_of
from tests.raw_copy import run_on

#: The chart module the notebooks name for chart 2, and a sentence of its subtitle as a reporter would reword it.
CHART_MODULE = Path("analysis/publish/charts/met_cse_series.py")
SUBTITLE = ("Figures published by or reported from the Metropolitan Police",
            "Figures published by, or reported from, the Metropolitan Police Service")


def _checkout(made: Made, dest: Path) -> Path:
    """A checkout of its own: the run's project (stamps and outputs) with the package, pyproject.toml and
    constraints.txt beside it, so its code can be edited without touching this one's."""
    root = copy_of(made, dest)
    shutil.copytree(PROJECT_ROOT / "analysis", root / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "constraints.txt"):
        shutil.copy2(PROJECT_ROOT / name, root / name)
    return root


def _run_in(root: Path, *command: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """`python -m analysis <command>` started in the checkout, so its own package runs (as `make` there does)."""
    return subprocess.run([sys.executable, "-m", "analysis", *command], cwd=root, capture_output=True, text=True,
                          timeout=timeout)


def test_a_chart_s_module_edited_stops_the_workbook_and_gallery_alone_until_the_charts_are_drawn_again(
        made: Made, tmp_path: Path) -> None:
    """The subtitle of chart 2 reworded in its module (or the branch that rewords it checked out), then
    `python -m analysis workbook` and `gallery`: both published the chart as the other code drew it, exit 0. Then
    `charts` (the README's "draw the charts without the notebooks") and `gallery`: the page offered the new chart
    beside the notebooks' pages, whose copy of it still had the old subtitle, exit 0. Each output now names the
    code it was made by; `make` makes them all again and the gallery alone then writes."""
    root = _checkout(made, tmp_path / "project")
    assert _run_in(root, "gallery").returncode == 0  # the copied package is this one's: its outputs are current
    module = root / CHART_MODULE
    module.write_text(module.read_text(encoding="utf-8").replace(*SUBTITLE), encoding="utf-8")
    page = root / "outputs" / "index.html"
    before = page.read_bytes()
    for command in ("workbook", "gallery"):
        refused = _run_in(root, command)
        assert refused.returncode == 2, refused.stderr
        assert "met-cse-series" in refused.stderr and "drawn by another version of the project's code" in (
            refused.stderr), refused.stderr
    assert _run_in(root, "charts").returncode == 0
    sidecar = json.loads((root / "outputs/charts/met-cse-series/met-cse-series.json").read_text(encoding="utf-8"))
    assert SUBTITLE[1] in sidecar["intro"]
    refused = _run_in(root, "gallery")
    assert refused.returncode == 2, refused.stderr
    assert "the notebooks' copies in outputs/notebooks/ (01_inspections, 02_met_cse_series" in refused.stderr
    assert "`python -m analysis notebooks`" in refused.stderr
    assert page.read_bytes() == before  # nothing written
    made_again = _run_in(root, "all", timeout=600)
    assert made_again.returncode == 0, made_again.stdout + made_again.stderr
    assert _run_in(root, "gallery").returncode == 0


def test_the_rules_document_edited_stops_the_gallery_alone_until_the_report_is_written_again(
        made: Made, tmp_path: Path) -> None:
    """docs/factcheck.md edited (a rule reworded), then `python -m analysis gallery`: the page linked the rules page
    made from the document before the edit, exit 0. The report names the document it was written with."""
    root = copy_of(made, tmp_path / "project")
    rules = root / "docs" / "factcheck.md"
    rules.write_text(rules.read_text(encoding="utf-8").replace("# The fact-check engine",
                                                               "# The fact-check engine, revised", 1),
                     encoding="utf-8")
    refused = run_on(root, "gallery")
    assert refused.returncode == 2, refused.stderr
    assert "outputs/factcheck.html (and what `check` wrote with it) was made by" in refused.stderr
    assert "docs/factcheck.md" in refused.stderr and "`python -m analysis check`" in refused.stderr
    assert run_on(root, "check").returncode == 0
    assert "The fact-check engine, revised" in (root / "outputs" / "factcheck-rules.html").read_text(encoding="utf-8")
    assert run_on(root, "gallery").returncode == 0


def test_a_code_mark_covers_only_code_the_stamps_of_the_step_writing_it_cover() -> None:
    """The guard: an edit `make` reruns no step for must never make an output "made by other code" (the gallery
    alone would then refuse an edition `make` calls current). Each kind of output's mark hashes only files its
    step's inputs match."""
    steps = {step.name: step for step in pipeline.STEPS}
    for stages, step in ((load.CHART_CODE, "notebooks"), (load.REPORT_CODE, "check"), (load.CHART_CODE, "workbook"),
                         (load.COPY_CODE, "notebooks")):
        hashed = set(pipeline._files(PROJECT_ROOT, steps[step].inputs))
        assert set(load.code_files(stages)) <= hashed, (step, set(load.code_files(stages)) - hashed)
    assert any(p.suffix == ".j2" for p in load.code_files(load.REPORT_CODE))
    assert any(p.suffix == ".otf" for p in load.code_files(load.CHART_CODE))


def test_make_says_last_when_a_notebook_or_the_rules_changed_after_the_step_that_read_them(
        made: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`make` ends by asking of its outputs what the gallery alone would (the tables they were made from, the site
    address), but not which notebook and which code made them: a notebook saved (or docs/factcheck.md, or a branch
    checked out) while the workbook and gallery ran was in none of the outputs just listed, and the run ended with
    its results, exit 0. Now it names them and exits 1; the next `make` remakes them."""
    root = copy_of(made, tmp_path / "project")
    assert pipeline.say_raw_changed(Paths(root)) == 0
    for kind in ("py", "ipynb"):  # both files of the pair, as JupyterLab with jupytext saves them
        notebook = root / "notebooks" / f"05_factcheck.{kind}"
        text = notebook.read_text(encoding="utf-8")
        notebook.write_text(text.replace("## Limitations", "## Limitations and caveats"), encoding="utf-8")
    assert pipeline.say_raw_changed(Paths(root)) == 1
    said = capsys.readouterr().err
    assert "(05_factcheck) were run from another version of their notebook" in said, said
    rules = root / "docs" / "factcheck.md"
    rules.write_text(rules.read_text(encoding="utf-8") + "\nA rule added.\n", encoding="utf-8")
    assert pipeline.say_raw_changed(Paths(root)) == 1
    assert "outputs/factcheck.html (and what `check` wrote with it) was made by" in capsys.readouterr().err


#: strftime's directives that print words of the process's locale (day and month names, AM/PM, the locale's own
#: date and time forms); "%-d" and "%Y" print digits alone.
LOCALE_WORDS = re.compile(r"%-?[aAbBcpxX](?![a-zA-Z])")


def _locale_formats(path: Path) -> list[str]:
    """Each string (or f-string format) in a module that formats a date in the locale's words, and each use of
    matplotlib's DateFormatter (its formats are strftime's), as "file:line"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and LOCALE_WORDS.search(node.value):
            found.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
        elif isinstance(node, ast.Name | ast.Attribute) and "DateFormatter" in ast.unparse(node):
            found.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    return found


def test_no_output_names_a_month_in_the_machine_s_locale() -> None:
    """matplotlib, imported on a machine whose matplotlibrc sets `axes.formatter.use_locale: True` (an analyst's
    way to get decimal commas in their own charts), sets the process's locale from the environment. Run so in a
    German locale (LC_ALL=de_DE.UTF-8, built here with `localedef`), `make force` published "Oktober 2023",
    "Februar 2024" and "März 2019" in chart titles, axis labels, alt text and data files, the notebooks' findings,
    the workbook's dates and the gallery's, beside "September" as the record types it; no stamp covers the locale,
    so a `make` elsewhere kept them. The report alone named its months itself. Every month is now named from one
    list (`analysis.record.vocabulary.MONTHS`), and with the fix the same run is byte-identical to one in the C
    locale. No module or notebook formats a date in the locale's words."""
    modules = [*(PROJECT_ROOT / "analysis").rglob("*.py"), *(PROJECT_ROOT / "notebooks").glob("*.py")]
    assert [hit for path in modules if "__pycache__" not in path.parts for hit in _locale_formats(path)] == []


def test_months_are_named_in_english() -> None:
    from analysis.publish import style
    from analysis.record.vocabulary import day_month_year, month_name, month_year

    assert month_year(dt.date(2019, 3, 4)) == "March 2019" and month_year(dt.date(2023, 9, 1), short=True) == (
        "Sep 2023")
    assert day_month_year(dt.date(2024, 2, 9)) == "9 February 2024" and month_name(dt.date(2024, 5, 1)) == "May"
    assert style.month_year("2016-11-24") == "November 2016" and style.long_date("2016-11-24") == "24 November 2016"


def test_code_edited_while_the_charts_are_drawn_is_not_the_mark_of_what_drew_them(
        made: Made, tmp_path: Path) -> None:
    """`python -m analysis charts` (or a notebook's kernel, or a JupyterLab kernel exporting by hand) imports the
    charts' code, then draws: a chart's module saved (or a branch checked out) in between was marked on the charts
    as the code that drew them, and `workbook` alone then published the old subtitle, exit 0. The mark is now the
    code as the process imported it."""
    root = _checkout(made, tmp_path / "project")
    module = root / CHART_MODULE
    script = ("import sys\nfrom pathlib import Path\nfrom analysis.publish import charts, export\n"
              f"module = Path({str(module)!r})\n"
              f"module.write_text(module.read_text(encoding='utf-8').replace(*{SUBTITLE!r}), encoding='utf-8')\n"
              "from analysis.cli import main\nsys.exit(main(['charts']))\n")
    drawn = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=300)
    assert drawn.returncode == 0, drawn.stderr
    sidecar = json.loads((root / "outputs/charts/met-cse-series/met-cse-series.json").read_text(encoding="utf-8"))
    assert SUBTITLE[0] in sidecar["intro"]  # drawn by the code as imported, before the edit
    refused = _run_in(root, "workbook")
    assert refused.returncode == 2 and "drawn by another version of the project's code" in refused.stderr, (
        refused.stderr)
