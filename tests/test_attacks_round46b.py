"""Issue 24, round 46 (helper r46b): stamps that cannot lie (class 2), attacked through what the kernels import from
the checkout itself and what they run before a notebook: a desk's helper package kept at the checkout's top
(`deskhelp/__init__.py` beside `deskhelp/select.py`) edited, then `make`, which said "unchanged, skipped" for
every step with chart 2 as the old helper drew it, and `gallery` and `workbook` alone, which published it, exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import paths
from analysis.run import pipeline
from analysis.tables import load

#: A desk's helper, as an analyst keeps it in a package at the checkout's top, and the same module edited to keep
#: the years from 2015.
HELPER = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return frame\n'
EDITED = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return frame[frame["period_start"].str[:4] >= "2015"]\n'


def _package(root: Path) -> Path:
    """`deskhelp/` at the top of `root`: an empty `__init__.py` and the module a notebook imports
    (`from deskhelp.select import chosen`)."""
    package = root / "deskhelp"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "select.py").write_text(HELPER, encoding="utf-8")
    return package / "select.py"


def test_every_module_of_a_package_at_the_checkout_s_top_is_in_every_step_s_stamp(tmp_path: Path) -> None:
    """Notebook 02 passes its chart the series through `deskhelp.select.chosen` (the kernels have the checkout
    first on their path). `make`, then `select.py` edited to keep only the years from 2015, then `make`: every
    step "unchanged, skipped", chart 2's CSV e63482… (every year) kept; `make force` wrote 76ab0c… (from 2015).
    The stamps hashed the package's `__init__.py` only."""
    module = _package(tmp_path)
    before = {step.name: pipeline.content_hash(tmp_path, step.inputs) for step in pipeline.STEPS}
    module.write_text(EDITED, encoding="utf-8")
    after = {step.name: pipeline.content_hash(tmp_path, step.inputs) for step in pipeline.STEPS}
    assert [name for name in before if before[name] == after[name]] == []
    # at any depth: a subpackage's module too
    (module.parent / "sub").mkdir()
    (module.parent / "sub" / "fmt.py").write_text(HELPER, encoding="utf-8")
    now = pipeline.content_hash(tmp_path, pipeline.CODE)
    (module.parent / "sub" / "fmt.py").write_text(EDITED, encoding="utf-8")
    assert pipeline.content_hash(tmp_path, pipeline.CODE) != now


def test_a_folder_that_is_not_a_package_or_is_the_project_s_own_is_not_walked(tmp_path: Path) -> None:
    """The guard: tests/ and benchmarks/ (no step runs them), a `venv/` made beside the project (no module at its
    top), the package (hashed by its stages) and notebooks/ (the notebooks' inputs) are not packages of the
    checkout's top: an edit there reruns no step it did not rerun before."""
    _package(tmp_path)
    now = pipeline.content_hash(tmp_path, pipeline.CODE)
    for rel in ("tests/test_x.py", "benchmarks/bench.py", "venv/lib/python3.11/site-packages/pandas/__init__.py",
                "analysis/__init__.py",
                "analysis/publish/x.py", "notebooks/__init__.py", "notebooks/deskhelp.py", ".hidden/__init__.py",
                "deskhelp/__pycache__/select.cpython-311.pyc", "deskhelp/select.py~"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(HELPER, encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in paths.package_modules(tmp_path)] == [
        "deskhelp/__init__.py", "deskhelp/select.py"]
    # a namespace package (no `__init__.py`: `from lib.deskhelp import chosen`) is one too, its modules
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "deskhelp.py").write_text(HELPER, encoding="utf-8")
    namespace = pipeline.content_hash(tmp_path, (pipeline.TOP_PACKAGES,))
    (tmp_path / "lib" / "deskhelp.py").write_text(EDITED, encoding="utf-8")
    assert pipeline.content_hash(tmp_path, (pipeline.TOP_PACKAGES,)) != namespace
    (tmp_path / "lib" / "deskhelp.py").unlink()
    # the package's own modules are hashed by their stage's patterns, as before
    assert pipeline.content_hash(tmp_path, pipeline.CODE) != now
    assert (pipeline.content_hash(tmp_path, (pipeline.TOP_PACKAGES,))
            == pipeline.content_hash(tmp_path, ("deskhelp/*.py",)))


def test_every_module_of_a_package_at_the_checkout_s_top_is_in_every_output_s_code_mark(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same edit after `make`, then `gallery` and `workbook` alone: both wrote, exit 0, chart 2 as the old
    helper drew it; each output's code mark named the package's `__init__.py` only. (Shown on a checkout of its
    own: the code mark is taken where the package runs from.)"""
    module = _package(tmp_path)
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    before = load.code_mark(load.CHART_CODE)
    module.write_text(EDITED, encoding="utf-8")
    assert load.code_mark(load.CHART_CODE) != before


def test_a_file_a_package_s_module_reads_beside_itself_is_part_of_the_code(tmp_path: Path) -> None:
    """`deskhelp/select.py` reading the first year to chart from `deskhelp/first_year.txt` (`Path(__file__)
    .with_name(…)`, as `importlib.resources` reads a package's data): 2015 made 2016, then `make`: every step
    "unchanged, skipped", chart 2 from 2015 (76ab0c…) kept, and `gallery` alone published it. Every file of a
    package is hashed, in the checkout and in a folder the kernels import from outside it (an editable install's
    package); outside a package only modules are (a folder on $PYTHONPATH may be a whole checkout)."""
    module = _package(tmp_path / "checkout")
    data = module.with_name("first_year.txt")
    data.write_text("2015\n", encoding="utf-8")
    (module.parent / "lookups").mkdir()
    (module.parent / "lookups" / "boroughs.csv").write_text("code,name\n", encoding="utf-8")
    checkout = tmp_path / "checkout"
    for path in (data, module.parent / "lookups" / "boroughs.csv"):
        before = pipeline.content_hash(checkout, pipeline.CODE), paths.modules_held(str(checkout))
        path.write_text(path.read_text(encoding="utf-8") + "2016\n", encoding="utf-8")
        after = pipeline.content_hash(checkout, pipeline.CODE), paths.modules_held(str(checkout))
        assert before[0] != after[0] and before[1] != after[1], path.name
    # a folder of helpers that is no package: its modules, not the files beside them
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "deskhelp.py").write_text(HELPER, encoding="utf-8")
    (desk / "notes.txt").write_text("x", encoding="utf-8")
    assert [Path(p).name for p in paths.module_files(str(desk))] == ["deskhelp.py"]


def test_the_kernels_run_no_interactive_start_up_file(tmp_path: Path) -> None:
    """IPython runs $PYTHONSTARTUP in every kernel it starts, before the kernel's first notebook: an analyst's
    start-up file for interactive sessions (numpy's print options, pandas' display precision, a `decimal` context)
    changed the bytes of the published SVGs (`make force` with and without it) while no stamp covered the file, so
    an edit of it left `make` skipping. The batch kernels run none, as they read no IPython profile of the user's."""
    from analysis.run import notebooks

    marker = tmp_path / "started"
    startup = tmp_path / "startup.py"
    startup.write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    pool = notebooks.KernelPool(1, {**notebooks.kernel_env(paths.DEFAULT, tmp_path), "PYTHONSTARTUP": str(startup)},
                                tmp_path)
    try:
        pool._warm[0].result(timeout=notebooks.STARTUP_TIMEOUT_S)
    finally:
        pool.close()
    assert not marker.exists()


def test_a_project_of_data_only_reruns_its_steps_after_the_code_that_runs_them_is_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m analysis all --root <folder>` on a project of data/, notebooks/ and docs/ only (as the test
    session lays one out), then chart 2's subtitle edited in the checkout, then the same command: every step
    "unchanged, skipped", and the run ended naming every output as made by another version of the code, exit 1,
    each time it ran (its advice, `make`, works on the checkout, not on the folder). The stamps hashed the code the
    folder holds, which is none; they now hash the code that runs."""
    checkout, project = tmp_path / "checkout", tmp_path / "project"
    chart = checkout / "analysis" / "publish" / "charts" / "met_cse_series.py"
    chart.parent.mkdir(parents=True)
    chart.write_text("SUBTITLE = 'Metropolitan Police'\n", encoding="utf-8")
    (project / "data" / "raw").mkdir(parents=True)
    monkeypatch.setattr(pipeline, "PROJECT_ROOT", checkout)
    notebooks, build = (next(s for s in pipeline.STEPS if s.name == name) for name in ("notebooks", "build"))
    before = pipeline.input_hash(project, notebooks), pipeline.input_hash(project, build)
    chart.write_text("SUBTITLE = 'the Met'\n", encoding="utf-8")
    assert pipeline.input_hash(project, notebooks) != before[0]
    assert pipeline.input_hash(project, build) == before[1]  # a chart is no code of the build
    # a project with its package (the checkout itself) hashes its own, as before
    (checkout / "analysis" / "__init__.py").write_text("", encoding="utf-8")
    assert pipeline.code_run_from_outside(checkout, notebooks) == ""


def test_a_file_of_data_a_notebook_reads_by_its_name_is_one_of_its_inputs(tmp_path: Path) -> None:
    """The build refuses a file in data/raw it does not read ("… move it out of data/raw/"); an analyst moves a
    lookup to data/lookups/ and notebook 02 draws its chart from the first year it names
    (`open("../data/lookups/first_year.txt")`). 2015 made 2016, then `make`: every step "unchanged, skipped",
    chart 2 from 2015 (76ab0c…) kept, and `gallery` alone published it. A file of data/ beside the record and the
    tables is now an input of the notebooks step and part of each copy's and chart's notebook mark; the record
    reaches the notebooks through the tables only, so an edit there reruns them through the build."""
    lookup = tmp_path / "data" / "lookups" / "first_year.txt"
    for path in (lookup, tmp_path / "data" / "raw" / "claims.yaml", tmp_path / "data" / "processed" / "figures.csv",
                 tmp_path / "notebooks" / "jupytext.toml"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("2015\n", encoding="utf-8")
    notebooks = next(step for step in pipeline.STEPS if step.name == "notebooks")
    folder = tmp_path / "notebooks"
    beside = paths.beside_notebooks(folder)
    assert [p.relative_to(tmp_path).as_posix() for p in beside] == ["data/lookups/first_year.txt",
                                                                    "notebooks/jupytext.toml"]
    assert set(beside) <= set(pipeline._files(tmp_path, notebooks.inputs))  # the marks hash only inputs
    before = pipeline.content_hash(tmp_path, notebooks.inputs), load.beside_mark(folder)
    lookup.write_text("2016\n", encoding="utf-8")
    after = pipeline.content_hash(tmp_path, notebooks.inputs), load.beside_mark(folder)
    assert before[0] != after[0] and before[1] != after[1]
    (tmp_path / "data" / "raw" / "claims.yaml").write_text("2016\n", encoding="utf-8")
    assert pipeline.content_hash(tmp_path, notebooks.inputs) == after[0]


def test_make_bench_says_when_its_make_timings_are_not_of_the_working_tree(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """`make bench` after an edit not yet committed (a speed-up being tried): the first make, no-op make and `make
    test` were timed in a fresh clone of HEAD, without the edit, and verify and the scale timings in the working
    tree, with it; the bench printed its budgets met and wrote outputs/bench.json, exit 0, saying neither. It now
    names the commit the make timings are of and the changes they leave out, in bench.json and in one line."""
    import subprocess

    from tests.test_bench import _benchmark_module

    bench = _benchmark_module("bench")
    repo = tmp_path / "checkout"
    repo.mkdir()
    git = ["git", "-c", "user.name=Jane Doe", "-c", "user.email=jane@evil.example", "-C", str(repo)]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "Makefile").write_text("all:\n", encoding="utf-8")
    subprocess.run([*git, "add", "Makefile"], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    assert bench.timed_code(repo)["uncommitted"] == [] and capsys.readouterr().err == ""
    (repo / "Makefile").write_text("all:\n\t@true\n", encoding="utf-8")
    said = bench.timed_code(repo)
    assert said["uncommitted"] == ["Makefile"] and len(said["head"]) >= 7
    assert "without the working tree's 1 uncommitted change(s) (Makefile)" in capsys.readouterr().err
    (tmp_path / "plain").mkdir()  # no git checkout: nothing to say
    assert bench.timed_code(tmp_path / "plain")["uncommitted"] == []


def test_make_lock_writes_environment_yml_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An extra added to pyproject.toml, then `make lock` (the README's step after changing a dependency): the lock
    was written, environment.yml (which names pyproject's extras for conda users) was not, exit 0, until a test
    failed in CI. It is written with the lock."""
    import subprocess

    from analysis.run import bootstrap, environment

    written = tmp_path / "environment.yml"
    monkeypatch.setattr(environment, "ENVIRONMENT", written)
    monkeypatch.setattr(bootstrap, "find_uv", lambda python: "uv")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0))
    assert bootstrap.relock("python3") == 0
    assert written.read_text(encoding="utf-8") == environment.environment_yml()
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 2))
    written.unlink()
    assert bootstrap.relock("python3") == 2 and not written.exists()  # no lock, no new file


def test_a_lookup_folder_linked_into_data_is_in_the_notebooks_marks_as_in_their_stamp(tmp_path: Path) -> None:
    """data/lookups a link to the desk's shared folder: the notebooks' stamp read through it (as it reads any linked
    folder), their marks did not, so after the lookup was edited `gallery` alone published the chart the old one
    drew while `make` would have run the notebooks again."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "first_year.txt").write_text("2015\n", encoding="utf-8")
    (tmp_path / "project" / "data").mkdir(parents=True)
    (tmp_path / "project" / "notebooks").mkdir()
    (tmp_path / "project" / "data" / "lookups").symlink_to(shared, target_is_directory=True)
    (shared / "loop").symlink_to(shared, target_is_directory=True)  # a link back up: walked once
    folder = tmp_path / "project" / "notebooks"
    assert [p.name for p in paths.beside_notebooks(folder)] == ["first_year.txt"]
    before = load.beside_mark(folder)
    (shared / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert load.beside_mark(folder) != before
