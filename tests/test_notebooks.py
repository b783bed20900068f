"""The notebooks: committed clean and paired with their .py, and every one runs top to bottom on the real data.

Execution reuses `analysis.run.notebooks` (the same code as `python -m analysis notebooks`) with a scratch output
folder, so what is tested is what readers get.
"""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.paths import KERNEL_NAME, PROJECT_ROOT, Paths
from analysis.publish import charts
from analysis.publish.export import WORKBOOK_TABLES
from analysis.run import notebooks as run_notebooks
from analysis.tables.load import DRAWN_IN
from tests.made import Made

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
#: The kernel `make kernel` registers (paths.KERNEL_NAME, which the Makefile reads); the notebooks name it.
PROJECT_KERNEL = KERNEL_NAME
EXPECTED = ["01_inspections", "02_met_cse_series", "03_historic_reviews", "04_london_in_context", "05_factcheck",
            "06_national_picture"]


def committed() -> list[Path]:
    return sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))


def test_notebooks_are_numbered_in_reading_order() -> None:
    assert [p.stem for p in committed()] == EXPECTED
    assert [p.stem for p in sorted(NOTEBOOKS_DIR.glob("[0-9]*.py"))] == EXPECTED


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_jupytext_pair_is_in_sync(path: Path) -> None:
    assert run_notebooks.pair_problem(path) is None  # the rule `make` applies before it runs a notebook


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: outputs committed"
    assert nb.metadata.get("kernelspec", {}).get("name") == PROJECT_KERNEL


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_opens_with_its_question_where_it_writes_and_what_it_reads(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    for part in ("**The question:**", "**Where this notebook writes files:**", "Tables read"):
        assert part in first.source, f"{path.name}: the first cell does not say {part!r}"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    named = set(re.findall(r'load_table\("(\w+)"', code))
    assert named, f"{path.name}: reads no table"
    assert all(f"`{name}`" in first.source for name in named), f"{path.name}: a table read is not listed"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_reads_only_processed_tables_and_types_no_figure(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for forbidden in ("read_csv", "read_excel", "open(", "data/raw", "data/processed", "yaml"):
        assert forbidden not in code, f"{path.name}: reads data other than through load_table ({forbidden})"
    assert not re.search(r"(?<![\w.])\d{2,}(?![\w])", code), f"{path.name}: a number is typed into code"
    assert "charts." in code, f"{path.name}: charts must come from analysis.publish.charts"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.stem)
def test_tells_the_story_and_names_the_module_of_each_chart(path: Path) -> None:
    """An analyst must find what was found, its limits, and the code that draws each chart."""
    import importlib

    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[-2:] == ["What we found", "Limitations"], f"{path.name}: ends with {headings[-2:]}"
    assert "## The analysis" in text
    drawn = re.findall(r"charts\.(\w+_chart)\(", code)
    assert drawn, f"{path.name}: draws no chart"
    for name in drawn:
        module = importlib.import_module(getattr(charts, name).__module__)
        source = Path(module.__file__).relative_to(PROJECT_ROOT).as_posix()
        assert f"`{source}`" in text, f"{path.name}: does not name {source}, which draws {name}"


# --- execution --------------------------------------------------------------------------------------------------


def _project() -> Paths:
    root = Path(os.environ.get(charts.ROOT_ENV, PROJECT_ROOT)).resolve()
    paths = Paths(root)
    missing = [t for t in WORKBOOK_TABLES if not (paths.processed / f"{t}.csv").exists()]
    if missing:
        pytest.fail(f"{paths.rel(paths.processed)} (committed) has no "
                    f"{', '.join(missing)}: run `python -m analysis build`")
    # The notebooks themselves always come from this repository; the data from `root`.
    return _Paths(root)


@pytest.fixture(scope="session")
def executed(made: Made) -> Path:
    """outputs/ of the session's main job (tests/made.py): the notebooks as `make` runs them, in a pool of warm
    kernels, with the charts exported as they are drawn (outputs/notebooks/, outputs/charts/)."""
    return made.outputs


@pytest.fixture(scope="session")
def executed_fresh(fresh: Made) -> Path:
    """The same notebooks, each in a kernel of its own (nothing left over from a notebook run before): the
    session's `python -m analysis notebooks --fresh` (tests/made.py), laid out as `make` lays out outputs/."""
    assert f"executed {len(EXPECTED)}/{len(EXPECTED)} notebooks" in fresh.stdout
    return fresh.outputs


class _Paths(Paths):
    """The project at `root`, with this repository's notebooks (a scratch data copy has none)."""

    @property
    def notebooks(self) -> Path:
        return NOTEBOOKS_DIR


def test_every_notebook_runs_top_to_bottom(made: Made, executed: Path) -> None:
    assert f"executed {len(EXPECTED)}/{len(EXPECTED)} notebooks into outputs/notebooks/" in made.stdout
    assert sorted(p.stem for p in (executed / "notebooks").glob("*.ipynb")) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_executed_copy_and_html_are_written(executed: Path, name: str) -> None:
    out = executed / "notebooks"
    nb = nbformat.read(out / f"{name}.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), f"{name}: no chart rendered"
    html = (out / f"{name}.html").read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Source:" in html
    shown = "\n".join(o["data"].get("text/html", "") + o["data"].get("text/markdown", "")
                      for o in outputs if "data" in o)
    assert not re.search(r">(NaN|nan|<NA>|None)<", shown), f"{name}: a missing value is shown as NaN/None"
    assert not re.search(r">-?\d+\.0<", shown), f"{name}: a count is shown as a float"
    assert "…" not in shown, f"{name}: text is cut"


def _cells(path: Path) -> list[tuple[str, list[dict]]]:
    """Each code cell's source and outputs, without the timing metadata that differs from run to run."""
    nb = nbformat.read(path, as_version=4)
    return [(c.source, [{k: v for k, v in o.items() if k != "metadata" or v} for o in c.outputs])
            for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", EXPECTED)
def test_warm_kernels_give_the_same_notebook_as_a_fresh_kernel(executed_fresh: Path, executed: Path,
                                                               name: str) -> None:
    """Kernels are reused between notebooks (wiped with %reset -f) to save their start-up; this proves a notebook's
    outputs do not depend on which notebook ran before it in the same kernel."""
    assert _cells(executed / "notebooks" / f"{name}.ipynb") == _cells(executed_fresh / "notebooks" / f"{name}.ipynb")


def _chart_files(charts_dir: Path, chart_id: str) -> dict[str, bytes]:
    folder = charts_dir / chart_id
    names = [f"{chart_id}.{ext}" for ext in ("png", "svg", "csv", "json")] + [f"{chart_id}-mobile.png"]
    return {name: (folder / name).read_bytes() for name in names}


@pytest.mark.parametrize("chart_id", charts.CHART_IDS)
def test_two_runs_in_other_processes_write_the_same_chart_files(executed_fresh: Path, executed: Path,
                                                                 chart_id: str) -> None:
    """Rebuilding changes no byte: the warm pool's run and the fresh kernels' run (other processes, other orders)
    write identical PNG (web and mobile), SVG, CSV and JSON, with no time stamp in the PNG or the SVG."""
    warm = _chart_files(executed / "charts", chart_id)
    assert warm == _chart_files(executed_fresh / "charts", chart_id)
    for name in (f"{chart_id}.png", f"{chart_id}-mobile.png"):
        assert b"tIME" not in warm[name] and b"Software" not in warm[name], name
    assert b"<dc:date>" not in warm[f"{chart_id}.svg"]


def test_notebooks_export_every_chart_byte_for_byte_as_the_charts_command(executed: Path, tmp_path: Path) -> None:
    """`make` exports the charts from the notebooks' own render; `python -m analysis charts` draws them without
    notebooks. Both must publish the same files, and the notebook must show the published PNG itself."""
    from analysis.publish.export import export_charts, load_frames

    export_charts(tmp_path, load_frames(_project()))
    shown = {base64.b64decode(o["data"]["image/png"]) for name in EXPECTED
             for c in nbformat.read(executed / "notebooks" / f"{name}.ipynb", as_version=4).cells
             if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})}
    for chart_id in charts.CHART_IDS:
        from_notebook, from_command = _chart_files(executed / "charts", chart_id), _chart_files(tmp_path / "charts",
                                                                                                 chart_id)
        # The notebook's export alone names the notebook it was drawn in (`drawn_in`); the rest is the same bytes.
        sidecars = [json.loads(files.pop(f"{chart_id}.json")) for files in (from_notebook, from_command)]
        assert sidecars[0].pop(DRAWN_IN)["notebook"] in EXPECTED and DRAWN_IN not in sidecars[1], chart_id
        assert from_notebook == from_command and sidecars[0] == sidecars[1], chart_id
        assert (executed / "charts" / chart_id / f"{chart_id}.png").read_bytes() in shown, \
            f"{chart_id}: not shown as published"


def test_a_chart_no_notebook_exports_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "inspection-grades").mkdir()
    (tmp_path / "inspection-grades" / "inspection-grades.png").write_bytes(b"")
    missing = run_notebooks.missing_charts(tmp_path)
    assert [o.name for o in missing] == [f"chart {c}" for c in charts.CHART_IDS]
    assert not any(o.ok for o in missing)
    assert "svg, csv, json missing" in missing[0].message


def test_reset_between_notebooks_restores_global_settings() -> None:
    """What one notebook sets globally (matplotlib rcParams, pandas options, names) must not reach the next one
    that a warm kernel runs."""
    import asyncio

    printed: list[str] = []

    def keep(msg: dict) -> None:
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"].strip())

    async def scenario(pool: run_notebooks.KernelPool) -> None:
        kernel = await asyncio.wrap_future(pool._warm[0])
        await kernel.kc.execute_interactive(
            "import matplotlib, pandas\nmatplotlib.rcParams['font.size'] = 30\n"
            "pandas.set_option('display.max_rows', 3)\nleft_over = 1", timeout=60, output_hook=keep)
        reply = await kernel.kc.execute_interactive(run_notebooks.RESET, silent=True, store_history=False,
                                                    timeout=60, output_hook=keep)
        assert reply["content"]["status"] == "ok"
        await kernel.kc.execute_interactive(
            "import matplotlib, pandas\nprint(matplotlib.rcParams['font.size'], "
            "pandas.get_option('display.max_rows'), 'left_over' in dir())", timeout=60, output_hook=keep)

    with run_notebooks.start_pool(_project(), workers=1) as pool:
        pool._submit(scenario(pool)).result()
    assert printed[-1] == "10.0 60 False"


@pytest.mark.skipif(os.name != "posix", reason="Unix sockets: elsewhere the kernels use TCP")
def test_batch_kernels_talk_over_sockets_no_other_process_can_take() -> None:
    """CI once failed because a kernel died at start with "Address already in use": over TCP, jupyter_client
    picks free ports and releases them before the kernel binds them, and the fresh-kernel run started at the same
    moment in another process took one. The runner's kernels use Unix sockets in a folder of the pool's own,
    removed when the pool closes."""
    with run_notebooks.start_pool(_project(), workers=1) as pool:
        kernel = pool._warm[0].result(timeout=120)
        info = kernel.km.get_connection_info()
        folder = pool._sockets
        assert info["transport"] == "ipc"
        assert Path(info["ip"]).parent == folder and folder.stat().st_mode & 0o077 == 0  # only we can enter it
        sockets = {p.name for p in folder.iterdir()}
        assert {f"{Path(info['ip']).name}-{info[f'{c}_port']}" for c in ("shell", "iopub", "hb")} <= sockets
    assert not folder.exists()


def test_the_notebooks_command_alone_leaves_no_empty_file_when_a_notebook_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m analysis notebooks` run by hand (not through `make`) cleans up as `make` does: a zero-length
    file under an output's name (from a run that died mid-write) is removed when the run fails. (The command's
    own function, in-process: a kernel is started either way.)"""
    import argparse

    root = tmp_path / "project"
    (root / "notebooks").mkdir(parents=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise RuntimeError('stop here')")])
    nbformat.write(nb, root / "notebooks" / "01_fails.ipynb")
    # Left by an earlier run that died mid-write (the failing notebook's own copies are rewritten, so others).
    empty = [root / "outputs" / "notebooks" / "00_cut_short.html", root / "outputs" / "charts" / "x" / "x.png"]
    for path in empty:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    # A chart an earlier run made, which this run does not remake: beside this run's files it would pass for one.
    earlier = root / "outputs" / "charts" / "y" / "y.png"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"an earlier run's chart")
    kept = root / "outputs" / "notebooks" / "reporter-notes.txt"  # a user's file: no step makes a .txt
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text("to check\n")
    parser = argparse.ArgumentParser()
    run_notebooks.add_arguments(parser, "notebooks")
    assert run_notebooks.run(parser.parse_args(["--root", str(root)])) == 1
    said = capsys.readouterr()
    assert "01_fails: failed: RuntimeError: stop here\n" in said.err  # one plain line: no colour codes
    assert not any(path.exists() for path in empty)
    assert not earlier.parent.exists()
    assert kept.read_text() == "to check\n"
    assert "notebooks: removed y.png from outputs/charts/y/: made by an earlier run" in said.out
    assert (root / "outputs" / "notebooks" / "01_fails.html").stat().st_size > 0  # the failed run's record stays


def test_a_stray_nbconvert_copy_is_neither_run_nor_in_the_gallery(tmp_path) -> None:
    """`jupyter nbconvert --execute --to notebook` leaves 01_x.nbconvert.ipynb beside the notebook: not the
    project's (it has no paired .py), so `make` does not run it and the gallery does not link its old copy."""
    from analysis.publish.gallery import render_gallery
    from analysis.run.notebooks import notebook_sources

    notebooks, outputs = tmp_path / "notebooks", tmp_path / "outputs"
    (outputs / "notebooks").mkdir(parents=True)
    notebooks.mkdir()
    for name in ("01_x.py", "01_x.ipynb", "01_x.nbconvert.ipynb", "02_y.py"):
        (notebooks / name).write_text("", encoding="utf-8")
    assert [p.name for p in notebook_sources(notebooks)] == ["01_x.ipynb", "02_y.py"]
    for name in ("01_x.html", "01_x.nbconvert.html"):
        (outputs / "notebooks" / name).write_text("", encoding="utf-8")
    page = render_gallery(outputs, notebooks)
    assert 'href="notebooks/01_x.html"' in page and "nbconvert" not in page


def test_the_london_notebook_gives_each_printed_share_the_fact_check_s_verdict(made: Made, executed: Path) -> None:
    """One printed sentence gets one judgement: the fact-check's, made across the rounding of the figures it rests
    on ("8.3 million", "63.7 million"), not a second one from the population table's values taken as exact."""
    from analysis.publish.publishers import face_name

    claims = pd.read_csv(made.root / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    figures = pd.read_csv(made.root / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    printed = figures[figures["measure"] == "share_of_uk_population"]
    verdicts = claims.set_index("stated_figure")["verdict"]
    nb = nbformat.read(executed / "notebooks" / "04_london_in_context.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert len(printed) >= 2
    for row in printed.itertuples():
        year = "no year given" if row.period_end == row.published else row.period_end[:4]
        assert f"\"{row.value_as_printed}\" ({face_name(row.publisher)}, {year}): {verdicts[row.figure_id]}." \
            in shown, row.figure_id
    assert "(MyLondon, 2025)" not in shown  # the story printed no year, as the chart's card and data say
    assert "wixsite" not in shown  # the publisher, as the charts name it, not the site a copy was read on


def test_the_london_notebook_names_what_each_rate_counts(made: Made, executed: Path) -> None:
    """The Casey audit's two council rates share one unit but count different things (assessments for child
    sexual abuse, 1.79; for child sexual exploitation, 1.3); notebook 04 printed "child in need assessments per
    1,000 children (2 published): 1.79 (...); 1.3 (...)", which a reader cannot tell apart."""
    nb = nbformat.read(executed / "notebooks" / "04_london_in_context.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert "(2 published)" not in shown
    assert "for child sexual abuse by London local authorities per 1,000 children, as quoted from the Casey audit: " \
        "1.79." in shown
    assert "for child sexual exploitation by London local authorities per 1,000 children, as quoted from the Casey " \
        "audit: 1.3." in shown


def test_the_met_notebook_lists_every_printed_rise_with_the_fact_check_s_verdict(made: Made, executed: Path) -> None:
    """Every rise the Met's counts were printed with (a claim states it) is in notebook 02 with the claim's verdict.
    The series table held the children-at-risk rises alone, so the notebook left out the "30 per cent" and "18.5 per
    cent" the fact-check finds accurate only within rounding, and judged the rest again itself."""
    from analysis.tables.make import MET_COUNTS

    processed = made.root / "data" / "processed"
    claims = pd.read_csv(processed / "claims.csv", dtype=str, keep_default_na=False)
    figures = pd.read_csv(processed / "figures.csv", dtype=str, keep_default_na=False).set_index("figure_id")
    rises = claims[claims["stated_figure"].map(lambda f: figures.loc[f, "measure"] if f in figures.index else "")
                   .isin([f"change_{m}" for m in MET_COUNTS])]
    nb = nbformat.read(executed / "notebooks" / "02_met_cse_series.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    copies = {f for cell in pd.read_csv(processed / "met_cse_series.csv", dtype=str, keep_default_na=False)
              ["also_reported_in"] for f in re.findall(r"(\S+/\S+) \[", cell)}
    listed = rises[~rises["stated_figure"].isin(copies)]  # a second wording in one document: one row, its copy
    assert {"accurate within rounding"} <= set(listed["verdict"]) and len(listed) >= 5
    for claim in listed.itertuples():
        printed = figures.loc[claim.stated_figure, "value_as_printed"]
        assert re.search(rf'Printed rise "{re.escape(printed)}" \([^\n]*\): {re.escape(claim.verdict)} \(', shown), \
            claim.claim_id


def test_the_national_notebook_marks_a_group_based_share_no_source_printed(made: Made, executed: Path) -> None:
    """The national chart prints shares as printed, none computed; notebook 06's 'What we found' gave 2024's
    4,450 of 122,768 as "(3.6%)", a share no source printed and the fact-check holds no claim for, worded as if
    printed. It then said "computed from the two counts", a share the chart declines to make (offences against
    cases, from analyses of differing coverage); it now says, as the chart does, that none is computed."""
    figures = pd.read_csv(made.root / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    nb = nbformat.read(executed / "notebooks" / "06_national_picture.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    ew = figures[figures["geography"] == "England and Wales"]
    counted = set(ew.loc[ew["measure"] == "group_based_csae_offences_recorded", "period_start"].str[:4])
    printed = set(ew.loc[ew["measure"] == "share_csae_group_based", "period_start"].str[:4])
    assert counted - printed, "no year with a group-based count and no printed share"
    for year in sorted(counted - printed):
        line = next(ln for ln in shown.splitlines() if ln.startswith(f"- {year}: police in England and Wales"))
        assert "no share was printed, and none is computed" in line and "%" not in line, line


def test_the_national_notebook_keeps_the_chart_s_group_based_caveat(made: Made, executed: Path) -> None:
    """The national chart and every group-based source say 'group-based' is not 'grooming gangs'; notebook 06's
    Limitations dropped it."""
    from analysis.publish.charts.national_offences import GROUP_BASED_NOT_GROOMING_GANGS

    nb = nbformat.read(executed / "notebooks" / "06_national_picture.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "## Limitations" in c.source)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells[at:] if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert GROUP_BASED_NOT_GROOMING_GANGS in shown.replace("&#x27;", "'")


def test_the_london_notebook_states_no_share_finer_than_its_rounded_estimates(made: Made, executed: Path) -> None:
    """Worked by hand: GLA's "8.8 million" (mid-2021) stands for 8,750,000 to 8,849,999, so its share of ONS's
    67,026,292 runs from 13.05% to 13.20%; the notebook printed "13.13%", a precision the fact-check would fault in
    anyone else's sentence. It now prints "13%" with that range, and 2023's 8.95 million of 68,265,209 (13.10% to
    13.12%) as "13.1%"."""
    nb = nbformat.read(executed / "notebooks" / "04_london_in_context.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") + o["data"].get("text/html", "") for c in nb.cells
                      if c.cell_type == "code" for o in c.outputs if "data" in o)
    assert ">13.13%<" not in shown and ": 13.13%" not in shown
    # Review s59: mid-2021 is now the GLA's own unrounded 8,796,628 (gla-londons-population-mye-2021), which of
    # 67,026,292 is 13.124%, so "13.1%" with no range; the rounded case is mid-2012's "8.3 million" of "63.7
    # million" (8,250,000 to 8,349,999 of 63,650,000 to 63,749,999: 12.94% to 13.12%), shown "13%".
    assert "2012: 13%;" in shown and "2021: 13.1%;" in shown and "2023: 13.1%" in shown
    assert "12.94% to 13.12%" in shown and "13.10% to 13.12%" in shown


def test_the_london_notebook_says_a_share_before_mid_2021_is_of_the_series_ons_later_revised(
        made: Made, executed: Path) -> None:
    """Review s59 added London's mid-2020 estimate as first published (the GLA's "9,002,488"; ONS's UK "67.1
    million"): 13.4%, beside mid-2021's Census-based 13.1%. Read bare, that is a fall in London's share in a year;
    the GLA's own pages say the 2021 estimate is a break ("Comparison to the 2020 MYE is not possible") and that ONS
    revised 2012-2020 afterwards. The notebook says so wherever its shares straddle mid-2021."""
    nb = nbformat.read(executed / "notebooks" / "04_london_in_context.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert "2020: 13.4%; 2021: 13.1%" in shown
    assert ("The shares up to mid-2020 divide estimates as first published, before ONS revised its mid-2012 to "
            "mid-2020 series to match Census 2021 (late 2023); from mid-2021 the estimates are Census 2021-based. "
            "The step from 2020 to 2021 is partly that revision, not a change in London's share alone.") in shown


def test_the_london_notebook_answers_its_england_and_wales_question_with_the_chart_s_vintage(
        made: Made, executed: Path) -> None:
    """Notebook 04 asks London's share of England and Wales' population too, but answered only for the UK; its
    table shows mid-2023's revised 61.1 million while the chart divides by the first estimate, 60.9 million, with
    no word why. Worked by hand: 8.95 million (8,945,000 to 8,954,999) of 60.9 million (60,850,000 to 60,949,999)
    is 14.68% to 14.72%, so 14.7%."""
    nb = nbformat.read(executed / "notebooks" / "04_london_in_context.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert ("London's share of England and Wales' population, mid-2023: 14.7% (8.95 million of 60.9 million; the "
            "first estimate, as London's is: the table's 61.1 million is ONS's later revision).") in shown


def test_the_historic_notebook_reads_the_met_s_stages_as_its_chart_does(made: Made, executed: Path) -> None:
    """The Met said "approximately 9,000" cases; one outlet printed "9,000". The funnel chart draws the loosest
    wording, but notebook 03 took the bare "9,000" as exact and printed 2,200 of it as "24.4%". Worked by hand:
    2,200 of 8,550 to 9,450 (9,000 within the rule book's 5%) is 23.28% to 25.73%, so the share is the range."""
    nb = nbformat.read(executed / "notebooks" / "03_historic_reviews.ipynb", as_version=4)
    found = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert "24.4%" not in found
    assert 'Cases found: "approximately 9,000"' in found
    assert '"2,200" (as at November 2025, 23% to 26% of the previous stage)' in found
    assert '"1,200" (as at November 2025, 54.5% of the previous stage)' in found


def test_the_met_notebook_states_no_change_finer_than_a_round_figure(made: Made, executed: Path) -> None:
    """The fact-check reads the Standard's "1,200 offences" (2017) as 1,150 to 1,249; notebook 02 printed the change
    from the Met's 922 (2016) as "+30.2%". Worked by hand: 1,150 / 922 − 1 = 24.73%, 1,249 / 922 − 1 = 35.47%."""
    nb = nbformat.read(executed / "notebooks" / "02_met_cse_series.ipynb", as_version=4)
    found = "\n".join(o["data"].get("text/markdown", "") + o["data"].get("text/html", "") for c in nb.cells
                      if c.cell_type == "code" for o in c.outputs if "data" in o)
    assert "+30.2%" not in found
    assert ("Crimes connected with CSE: 922 in 2016 to 1,200 in 2017, a change of +25% to +35% across the rounding "
            "of a round figure (+24.73% to +35.47%)") in found


def test_the_historic_notebook_calls_no_printing_of_one_day_the_first(made: Made, executed: Path) -> None:
    """Three reports printed the Beaconport referrals as "1,273" and a fourth as "More than 1,200", all as at
    4 November 2025; notebook 03 said "first printed 'More than 1,200' ..., latest '1,273'", an order by nothing
    but the table's sort. Every wording of that day is now given together, the most printed first."""
    reviews = pd.read_csv(made.root / "data" / "processed" / "historic_reviews.csv", dtype=str)
    beaconport = reviews[reviews["measure"] == "beaconport_referrals"]
    assert set(beaconport["as_at"]) == {"2025-11-04"} and beaconport["value_as_printed"].value_counts().to_dict() \
        == {"1,273": 3, "More than 1,200": 1}
    nb = nbformat.read(executed / "notebooks" / "03_historic_reviews.ipynb", as_version=4)
    found = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert "first printed \"More than 1,200\" (as at 4 November 2025)" not in found
    assert ('Cases referred to Operation Beaconport: "1,273" and "More than 1,200" (as at 4 November 2025), in 4 '
            'sources.' in found)


def test_the_factcheck_notebook_counts_verdicts_as_the_fact_check_page_does(made: Made, executed: Path) -> None:
    """Notebook 05 said "45 claims ... were checked" though 16 could not be, called all 16 "cannot be checked yet"
    though 10 will never be (their figures were not published), and listed verdicts by count where the fact-check
    page lists them by `VERDICT_ORDER`. Its summary now reads as the page's does."""
    from analysis.factcheck.report import VERDICT_ORDER

    claims = pd.read_csv(made.root / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    counts = claims["verdict"].value_counts()
    nb = nbformat.read(executed / "notebooks" / "05_factcheck.ipynb", as_version=4)
    found = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert "were checked" not in found and "checked yet" not in found
    summary = ", ".join(f"{counts[v]} {v}" for v in VERDICT_ORDER if v in counts)
    assert f"{len(claims)} claims from {claims['source_id'].nunique()} sources are registered: {summary}." in found


def test_the_inspections_notebook_says_who_printed_a_share_that_does_not_hold(made: Made, executed: Path) -> None:
    """Notebook 01 said '2024 inspection: "more than half" was printed for inadequate', which reads as if HMICFRS
    printed it; Tortoise Media did (the inspection gives 121 of 244). It now names the printer, and takes the
    fact-check's verdict on that claim rather than judging the sentence a second time."""
    claims = pd.read_csv(made.root / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    inaccurate = claims[claims["stated_figure"] == "tortoise-2024-02-09-hmicfrs-mps-exploitation/share-inadequate"]
    assert inaccurate["verdict"].tolist() == ["inaccurate"]
    nb = nbformat.read(executed / "notebooks" / "01_inspections.ipynb", as_version=4)
    found = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    assert ('2024 inspection: "more than half" was printed for inadequate by Tortoise Media, but the counts give 121 '
            'of 244 = 49.6% (inaccurate).') in found


def test_the_fact_check_notebook_counts_a_statement_once_however_many_outlets_repeat_it() -> None:
    """Notebook 05 said 'One claim per sentence and speaker', so a statement two outlets each printed read as two
    claims, as the registry then counted it; the registry now refuses the second, and the notebook says so."""
    from analysis.record.schema import COUNTED_ONCE

    nb = nbformat.read(PROJECT_ROOT / "notebooks" / "05_factcheck.ipynb", as_version=4)
    intro = " ".join(nb.cells[0].source.split())
    assert COUNTED_ONCE in intro
    assert "per sentence and speaker" not in intro

