"""Issue 24, round 47 (helper r47b): stamps that cannot lie (class 2), attacked through files the notebooks read
outside the folders the notebooks step's patterns name (notebooks/, data/): a lookup kept at the checkout's top
(`lookups/first_year.txt`) or outside the checkout, read by notebook 02 to choose the first year it charts."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from analysis import paths
from analysis.run import pipeline
from tests.kernel_project import kernel_project, run_as_kernel, stamp_after_run


def _kernel_reads(root: Path, *files: Path, also: str = "") -> None:
    """A Python started as the batch kernels are (the first line they run), reading `files` as a notebook would
    (and running `also`)."""
    run_as_kernel(root, "; ".join([*(f"open({str(f)!r}).read()" for f in files), *filter(None, [also])]))



def test_a_lookup_a_notebook_reads_at_the_checkout_s_top_is_in_the_notebooks_stamp(tmp_path: Path) -> None:
    """Notebook 02 drew its chart from the years after the one `../lookups/first_year.txt` names (a lookup kept at
    the checkout's top, as a desk keeps one). `make` (2015: the chart from 2015), then the lookup edited to 2016,
    then `make`: "notebooks: unchanged, skipped", the chart still from 2015, exit 0, and `make` kept saying so."""
    root, step = kernel_project(tmp_path)
    lookup = root / "lookups" / "first_year.txt"
    _kernel_reads(root, lookup, root / "notebooks" / "02.py")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.is_current(root, step, stamps)
    assert list(stamps["notebooks"][pipeline.READ]) == ["lookups/first_year.txt"]  # the notebook: its patterns
    lookup.write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_a_lookup_outside_the_checkout_is_in_the_notebooks_stamp(tmp_path: Path) -> None:
    """The same lookup in a desk's shared folder outside the checkout (`open("/shared/desk/first_year.txt")`)."""
    root, step = kernel_project(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "first_year.txt").write_text("2015\n", encoding="utf-8")
    _kernel_reads(root, shared / "first_year.txt")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.is_current(root, step, stamps)
    (shared / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_a_lookup_edited_after_a_kernel_read_it_leaves_the_step_unstamped(tmp_path: Path, capsys) -> None:
    """The lookup saved again while the notebooks still ran, after 02 had read it: the chart is the old one's, so the
    step is not stamped (as for an input edited during a step) and the next `make` runs it again."""
    root, step = kernel_project(tmp_path)
    lookup = root / "lookups" / "first_year.txt"
    _kernel_reads(root, lookup)
    lookup.write_text("2016\n", encoding="utf-8")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" not in stamps
    assert "first_year.txt: changed while they ran" in capsys.readouterr().out


def test_the_guard_what_the_patterns_cover_and_what_the_step_writes_are_not_stamped_twice(tmp_path: Path) -> None:
    """A notebook, the step's own output (a chart the export reads back to hash it) and the environment's files
    (a library module) are not in the stamp's list; a step with no kernels records none."""
    root, step = kernel_project(tmp_path)
    _kernel_reads(root, root / "notebooks" / "02.py", root / "out" / "chart.csv", Path(os.__file__))
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.READ not in stamps["notebooks"]
    assert pipeline.kernel_reads(root, pipeline.STEPS[0]) == ({}, [])


def test_a_notebook_reading_from_the_network_is_never_stamped(tmp_path: Path, capsys) -> None:
    """Notebook 02 took the first year from a CSV on a web server (`pd.read_csv("http://127.0.0.1:8765/…")`, as a
    desk reads a figure from an API): `make`, the file there changed (2015 to 2016), then `make`: "notebooks:
    unchanged, skipped", the chart still from 2015, exit 0. No stamp can hash what a server holds: the step is
    not stamped, and says why, so every `make` runs it again."""
    root, step = kernel_project(tmp_path)
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        _kernel_reads(root, also=f"import socket; socket.create_connection(('127.0.0.1', {port})).close()")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" not in stamps
    assert f"from the network: 127.0.0.1:{port}" in capsys.readouterr().out


def test_a_folder_a_notebook_lists_is_in_the_notebooks_stamp_with_its_names(tmp_path: Path) -> None:
    """Notebook 02 reads every lookup in `../lookups/` (`Path("../lookups").glob("*.txt")`): a lookup added there
    after `make` was read by no run until something else changed; the folder's names are stamped now. The folders
    the import system lists (those on `sys.path`: the notebooks' own, first) are not."""
    root, step = kernel_project(tmp_path)
    _kernel_reads(root, also="from pathlib import Path; [p.read_text() for p in Path('../lookups').glob('*.txt')]; "
                             "import os; os.listdir('.')")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert pipeline.is_current(root, step, stamps)
    assert sorted(stamps["notebooks"][pipeline.READ]) == ["lookups", "lookups/first_year.txt"]
    (root / "lookups" / "last_year.txt").write_text("2024\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_the_guard_a_data_only_project_s_stamp_lists_no_module_of_the_code_it_runs(tmp_path: Path) -> None:
    """A project of data and notebooks only (`all --root`, as the test session lays one out): its kernels import the
    package from the checkout, which `code_run_from_outside` hashes already; listed as read too, each no-op run hashed
    every module twice."""
    root, _ = kernel_project(tmp_path)
    step = pipeline.Step("notebooks", "", ("notebooks/*", *pipeline.CODE), ("out/*",), kernels=True)
    _kernel_reads(root, paths.PROJECT_ROOT / "analysis" / "paths.py", root / "lookups" / "first_year.txt")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert list(stamps["notebooks"][pipeline.READ]) == ["lookups/first_year.txt"]
