"""Issue 24, round 45 (helper r45b): stamps that cannot lie (class 2), attacked through what the notebooks import
from outside the checkout and through the one output that reads the others' files without saying which: a desk's
helper module on $PYTHONPATH (or in a folder an editable install's `.pth` names) edited, then `make`, which said
"notebooks: unchanged, skipped" with chart 2 as the old helper drew it; and a notebook's chart call edited, then
`notebooks` and `gallery` alone, which published the new chart beside a workbook whose chart sheet gave the data as
drawn before, exit 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT, Paths, import_folders
from analysis.run import pipeline
from tests.made import Made, copy_of
from tests.raw_copy import run_on

#: A desk's helper, as an analyst keeps it outside the project, and the same file edited to keep the years from 2015.
HELPER = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return frame\n'
EDITED = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return frame[frame["year"].astype(str) >= "2015"]\n'


def test_a_helper_module_on_the_python_path_is_in_every_step_s_stamp(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Notebook 02 passes its chart the series through `deskhelp.chosen`, a module in the newsroom's folder of
    helpers on $PYTHONPATH (the kernels have it on their path). `make`, then the helper edited to keep only the
    years from 2015, then `make`: "notebooks: unchanged, skipped", chart 2 as the old helper drew it (CSV md5
    e63482… kept; `make force` wrote 76ab0c…). The stamps hashed the variable's text, not what the folder holds."""
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "deskhelp.py").write_text(HELPER, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(desk))
    notebooks = next(step for step in pipeline.STEPS if step.name == "notebooks")
    before = pipeline.input_hash(PROJECT_ROOT, notebooks)
    (desk / "deskhelp.py").write_text(EDITED, encoding="utf-8")
    assert pipeline.input_hash(PROJECT_ROOT, notebooks) != before
    # a file nothing imports (an editor's backup, the bytecode cache) is not an edit of the helper
    now = pipeline.input_hash(PROJECT_ROOT, notebooks)
    (desk / "deskhelp.py~").write_text(HELPER, encoding="utf-8")
    (desk / "__pycache__").mkdir()
    (desk / "__pycache__" / "deskhelp.cpython-311.pyc").write_bytes(b"\0")
    assert pipeline.input_hash(PROJECT_ROOT, notebooks) == now


def test_a_folder_or_module_an_editable_install_names_is_in_every_step_s_stamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`pip install -e ~/newsroom-tools` (or uv's editable install) writes a `.pth` naming the folder; only the
    `.pth` file's text was hashed (or a finder module's, which maps each package to its folder), so the same edit
    of a module there went unseen. The checkout itself and the project's own package (each step hashes the code it
    runs there), the environment's own library folders (named by their dist-info) and a `.pth` file's import lines
    are not places to hash."""
    monkeypatch.delenv("PYTHONPATH", raising=False)
    _paths = sysconfig.get_paths()
    site, tools = tmp_path / "site-packages", tmp_path / "newsroom-tools"
    site.mkdir()
    tools.mkdir()
    purelib = sysconfig.get_paths()["purelib"]
    (site / "_newsroom_tools.pth").write_text(f"{tools}\n# a comment\nimport os\n", encoding="utf-8")
    (site / "_checkout.pth").write_text(f"{PROJECT_ROOT}\n{purelib}\n", encoding="utf-8")
    assert import_folders([str(site)]) == [str(tools.resolve())]
    # setuptools' editable install of a flat layout: a finder module mapping each package to its folder (as
    # `pip install -e .` wrote this project's own, whose package the steps import from the checkout instead)
    package, module = tmp_path / "desk-tools" / "desk_tools", tmp_path / "desk-tools" / "deskhelp.py"
    package.mkdir(parents=True)
    module.write_text(HELPER, encoding="utf-8")
    mapping = {"desk_tools": str(package), "deskhelp": str(module), "analysis": str(PROJECT_ROOT / "analysis")}
    (site / "__editable___desk_tools_0_1_0_finder.py").write_text(
        f"import sys\nMAPPING: dict[str, str] = {mapping!r}\nNAMESPACES: dict[str, list[str]] = {{}}\n",
        encoding="utf-8")
    assert sorted(import_folders([str(site)])) == sorted([str(tools.resolve()), str(package), str(module)])
    before = pipeline.libraries()
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {**_paths, "purelib": str(site), "platlib": str(site)})
    with_site = pipeline.libraries()
    module.write_text(EDITED, encoding="utf-8")
    assert pipeline.libraries() != with_site != before


NOTEBOOK = "02_met_cse_series"
#: Notebook 02's chart call as shipped, and as an analyst changes it to draw the years from 2015 only.
CALL = ("fig, meta = charts.met_cse_series_chart(series, figures, claims)",
        'fig, meta = charts.met_cse_series_chart(series[series["year"].astype(str) >= "2015"], figures, claims)')


def _edit_notebook(root: Path) -> None:
    """Both files of notebook 02's pair, as JupyterLab with jupytext saves them."""
    for suffix in (".py", ".ipynb"):
        path = root / "notebooks" / f"{NOTEBOOK}{suffix}"
        text = path.read_text(encoding="utf-8")
        old, new = CALL if suffix == ".py" else (json.dumps(CALL[0])[1:-1], json.dumps(CALL[1])[1:-1])
        assert text.count(old) == 1, path
        path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_gallery_alone_refuses_a_workbook_written_from_other_charts(made: Made, tmp_path: Path) -> None:
    """Notebook 02's chart call edited to draw the years from 2015, then `python -m analysis notebooks` (which
    draws and exports the charts again but writes no workbook), then `gallery`: the page published chart 2 as the
    edited notebook drew it (2015–2017) beside the workbook whose "Chart 2" sheet still began at 2014 and whose
    title said 2014–2017; its build, code and site address were all current, exit 0. The workbook now names what
    it read of the charts; after `workbook` the gallery writes."""
    root = copy_of(made, tmp_path / "project")
    _edit_notebook(root)
    ran = run_on(root, "notebooks", timeout=600)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    page = root / "outputs" / "index.html"
    before = page.read_bytes()
    refused = run_on(root, "gallery")
    assert refused.returncode == 2, refused.stderr
    assert "cse-figures.xlsx was written from other charts" in refused.stderr, refused.stderr
    assert "`python -m analysis workbook`" in refused.stderr
    assert page.read_bytes() == before
    assert run_on(root, "workbook").returncode == 0
    written = run_on(root, "gallery")
    assert written.returncode == 0, written.stderr


def test_charts_then_notebooks_that_draw_the_same_charts_leave_the_workbook_current(made: Made,
                                                                                   tmp_path: Path) -> None:
    """The guard: `charts` (charts and workbook from the chart modules) then `notebooks` (the same charts, their
    sidecars now naming the notebook that drew them): the workbook reads nothing that changed, so the gallery
    writes. So does `make` after every step."""
    from analysis.tables.load import workbook_behind_charts

    root = copy_of(made, tmp_path / "project")
    assert workbook_behind_charts(root / "outputs", Paths(root)) == ""
    for command in ("charts", "notebooks"):
        ran = run_on(root, command, timeout=600)
        assert ran.returncode == 0, ran.stdout + ran.stderr
    written = run_on(root, "gallery")
    assert written.returncode == 0, written.stderr


def test_a_helper_module_on_the_python_path_edited_stops_the_gallery_and_workbook_alone(made: Made,
                                                                                        tmp_path: Path) -> None:
    """The same helper edited after `make`, then `gallery` and `workbook` alone: both published chart 2 as the old
    helper drew it, exit 0, as they did for a helper beside the notebooks before round 44. Every output's code mark
    names the modules of the folders the kernels import from outside the environment, as every step's stamp does
    (so every output is refused, as `make` runs every step again)."""
    root = copy_of(made, tmp_path / "project")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "deskhelp.py").write_text(HELPER, encoding="utf-8")
    for suffix in (".py", ".ipynb"):
        path = root / "notebooks" / f"{NOTEBOOK}{suffix}"
        old, new = CALL[0], "import deskhelp; " + CALL[0].replace("(series,", "(deskhelp.chosen(series),")
        text = path.read_text(encoding="utf-8")
        old, new = (old, new) if suffix == ".py" else (json.dumps(old)[1:-1], json.dumps(new)[1:-1])
        assert text.count(old) == 1, path
        path.write_text(text.replace(old, new), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(desk)}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "analysis", *command, "--root", str(root)], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=600, env=env)

    done = run("all")
    assert done.returncode == 0, done.stdout + done.stderr
    (desk / "deskhelp.py").write_text(EDITED, encoding="utf-8")
    for command in ("workbook", "gallery"):
        refused = run(command)
        assert refused.returncode == 2, refused.stderr
        assert "another version of the project's code" in refused.stderr, refused.stderr
    done = run("all")  # `make`: every step again, as for any library changed
    assert done.returncode == 0 and "notebooks: done" in done.stdout, done.stdout + done.stderr
    assert run("gallery").returncode == 0


def test_a_helper_on_the_python_path_edited_with_its_size_and_time_kept_runs_as_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamps now see the helper's edit, so `make` ran the notebooks again; but Python reuses a module's .pyc
    while the source's mtime and size are those it was compiled from, so with the helper edited keeping both
    (`cp -p`, `touch -r`, two saves in a second) the kernel ran its old bytecode (chart 2 stayed e63482…), the step
    was stamped as the new helper's, and the next `make` skipped it. The main job has the pycs of those folders
    checked against their sources' content, as it has the project's own."""
    import importlib.util
    import py_compile

    from analysis.run.pipeline import hash_checked_bytecode

    desk = tmp_path / "desk"
    desk.mkdir()
    module = desk / "deskhelp.py"
    module.write_text('LABEL = "Jane Doe"\n', encoding="utf-8")
    py_compile.compile(str(module), doraise=True)  # as the kernel's import writes it: checked by time and size
    written = os.stat(module)
    module.write_text('LABEL = "JANE DOE"\n', encoding="utf-8")
    os.utime(module, ns=(written.st_atime_ns, written.st_mtime_ns))
    monkeypatch.setenv("PYTHONPATH", str(desk))

    def loaded() -> str:
        spec = importlib.util.spec_from_file_location("deskhelp", module)
        assert spec is not None and spec.loader is not None
        helper = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(helper)
        return str(helper.LABEL)

    assert loaded() == "Jane Doe"  # the failure: the old bytecode, run as the new code
    hash_checked_bytecode(tmp_path / "project")
    assert loaded() == "JANE DOE"


def test_a_relative_folder_on_the_python_path_is_not_an_import_folder(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Found before committing: with `PYTHONPATH=.` (a common setting, to import modules from where one works) the
    kernels, which run in notebooks/, marked every chart with notebooks/ as an import folder and the job, which runs
    in the checkout, did not: the notebooks step ended "drawn by another version of the project's code", unstamped,
    at every `make`. A relative folder names each process's working folder, which the steps hash already."""
    (tmp_path / "lib").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([".", "lib", "", str(tmp_path / "lib")]))
    assert import_folders([]) == [str((tmp_path / "lib").resolve())]
