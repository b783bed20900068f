"""Issue 24, round 48 (helper r48b): stamps that cannot lie (class 2), attacked through what the notebooks read
without opening a file in Python, which the kernels' audit hook (round 47) never saw: a desk's lookup kept as a
SQLite database (`sqlite3.connect("../lookups/desk.db")`, SQLite opens it in C), and a helper module imported from
a folder the notebook adds to its path, whose compiled file Python reuses without opening the source. And through
the environment a command runs with: pandas' switches to its coming behaviour, which crashed the workbook step."""

from __future__ import annotations

import hashlib
import os
import py_compile
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import cli, paths
from analysis.run import kernels, notebooks, pipeline
from tests.kernel_project import kernel_project, run_as_kernel, stamp_after_run


def _first_year(database: Path, year: int) -> None:
    with sqlite3.connect(database) as con:
        con.execute("create table if not exists first_year(year int)")
        con.execute("delete from first_year")
        con.execute("insert into first_year values (?)", (year,))
    con.close()


def test_a_sqlite_database_a_notebook_queries_is_in_the_notebooks_stamp(tmp_path: Path) -> None:
    """Notebook 02 took the first year it charts from a desk's lookup kept as a SQLite database
    (`sqlite3.connect("../lookups/desk.db")`, as `pd.read_sql` is given a connection). `make` (2015: the chart from
    2015), then the year in the database made 2016, then `make`: "notebooks: unchanged, skipped", the chart still
    from 2015 (76ab0c…), exit 0, and `gallery` alone published it. SQLite opens the file in C, so no "open" reached
    the hook; `sqlite3.connect` raises an audit event of its own. A database in memory is no file and is not noted;
    the URI form is read as the file it names."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    desk = root / "lookups" / "desk.db"
    _first_year(desk, 2015)
    run_as_kernel(root, "import sqlite3\n"
                       "sqlite3.connect('../lookups/desk.db').execute('select year from first_year').fetchone()\n"
                       "sqlite3.connect('file:../lookups/desk.db?mode=ro', uri=True).execute('select 1')\n"
                       "sqlite3.connect(':memory:').execute('select 1')")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "lookups/desk.db" in stamps["notebooks"][pipeline.READ]
    assert not any("memory" in path for path in stamps["notebooks"][pipeline.READ])
    assert pipeline.is_current(root, step, stamps)
    _first_year(desk, 2016)
    assert not pipeline.is_current(root, step, stamps)


def test_a_database_changed_after_a_kernel_queried_it_leaves_the_step_unstamped(tmp_path: Path,
                                                                                capsys: pytest.CaptureFixture) -> None:
    """The same for the project's own outputs/cse.db, which `db` writes while the notebooks run beside it: a notebook
    querying it read the database before the build's correction, and the step was stamped with it."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    database = root / "outputs" / paths.DB_NAME
    database.parent.mkdir()
    _first_year(database, 2015)
    run_as_kernel(root, "import sqlite3\nsqlite3.connect('../outputs/cse.db').execute('select * from first_year')")
    _first_year(database, 2016)
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "notebooks" not in stamps
    assert "cse.db: changed while they ran" in capsys.readouterr().out


def test_a_helper_imported_from_a_folder_the_notebook_puts_on_its_path_is_stamped_by_its_source(
        tmp_path: Path) -> None:
    """Notebook 02 imported a desk's helper from a shared folder it puts on its path (`sys.path.append(
    "/shared/desk")`, `from deskhelp import first`), a helper already imported once in JupyterLab. The import opened
    only `__pycache__/deskhelp.cpython-311.pyc` (current by the source's time and size), never deskhelp.py, so the
    stamp named nothing of it: the helper edited to return 2016, `make` said "notebooks: unchanged, skipped" with
    the chart from 2015, exit 0. A compiled module stands for its source."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    shared = tmp_path / "shared"
    shared.mkdir()
    helper = shared / "deskhelp.py"
    helper.write_text("def first():\n    return 2015\n", encoding="utf-8")
    py_compile.compile(str(helper), doraise=True, invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    run_as_kernel(root, f"import sys\nsys.path.append({str(shared)!r})\nimport deskhelp\n"
                       "assert deskhelp.first() == 2015")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert str(helper) in stamps["notebooks"][pipeline.READ]
    assert pipeline.is_current(root, step, stamps)
    helper.write_text("def first():\n    return 2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)


def test_the_guard_a_compiled_module_of_the_environment_or_the_project_is_not_listed(tmp_path: Path) -> None:
    """The guard: a library's compiled modules (the environment's, named by version) and the project's own (its
    patterns' or, for a data-only project, the code's) are no more listed than before."""
    root, _ = kernel_project(tmp_path, with_lookup=False)
    step = pipeline.Step("notebooks", "", ("notebooks/*", *pipeline.CODE), ("out/*",), kernels=True)
    run_as_kernel(root, "import json.tool, email.mime.text, analysis.record.vocabulary")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    read = stamps["notebooks"].get(pipeline.READ, {})
    assert not [path for path, digest in read.items() if not digest.startswith("dir:")]  # (the import's listings
    # of the package's folders are listed as before)


def test_a_file_url_is_read_as_the_file_it_names_not_from_the_network(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture) -> None:
    """`pd.read_csv("file:///shared/desk/first_year.csv")` (a file's address pasted from a browser) was said to be
    read "from the network": the notebooks ran again at every `make`, saying so. urllib opens a "file:" URL as the
    file it names, which is noted and stamped as any other."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    lookup = tmp_path / "first_year.csv"
    lookup.write_text("year\n2015\n", encoding="utf-8")
    run_as_kernel(root, f"import urllib.request\nurllib.request.urlopen({lookup.as_uri()!r}).read()")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert "network" not in capsys.readouterr().out
    assert str(lookup) in stamps["notebooks"][pipeline.READ]
    lookup.write_text("year\n2016\n", encoding="utf-8")
    assert not pipeline.is_current(root, step, stamps)
    assert kernels._online("urllib.Request", ("https://example.org/first_year.csv",))


SWITCHES = {"PANDAS_FUTURE_DISTINGUISH_NAN_AND_NA": "1", "PANDAS_FUTURE": "upcoming", "PANDAS_COPY_ON_WRITE": "0"}


def test_pandas_switches_are_not_what_a_command_or_its_kernels_run_with(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """pandas reads PANDAS_FUTURE, PANDAS_FUTURE_<OPTION> and PANDAS_COPY_ON_WRITE as it is imported (for its own
    test suite). With PANDAS_FUTURE_DISTINGUISH_NAN_AND_NA=1 set, `make` ran the build, db, check and notebooks,
    then the workbook step died with a traceback: gptables' `convert_dtypes` on a column with a blank, "Cannot cast
    NaN value to Integer dtype". No command, and no kernel, runs with them."""
    for name, value in SWITCHES.items():
        monkeypatch.setenv(name, value)
    env = notebooks.kernel_env(paths.Paths(tmp_path), tmp_path / "charts")
    assert not set(SWITCHES) & set(env)
    with pytest.raises(SystemExit):
        cli.main(["verify", "--help"])
    assert not set(SWITCHES) & set(os.environ)
    # what the switch did to the workbook's frames, and does not do once it is gone
    frame = "import pandas as pd; pd.DataFrame({'n': [1.0, float('nan')]}).convert_dtypes()"
    crashed = subprocess.run([sys.executable, "-c", frame], env={**os.environ, **SWITCHES}, capture_output=True,
                             text=True, check=False)
    assert "Cannot cast NaN value to Integer dtype" in crashed.stderr
    subprocess.run([sys.executable, "-c", f"import os; from analysis.paths import without_library_switches; "
                                          f"without_library_switches(os.environ); {frame}"],
                   env={**os.environ, **SWITCHES}, check=True)


def test_a_copy_of_a_project_checks_its_own_lookup_not_the_original_s(tmp_path: Path) -> None:
    """A project of data and notebooks (`all --root`) copied to start the next edition (`cp -a p1 p2`), then p2's
    lookup edited: p2's stamp, copied with it, named p1's lookup by its full path, so `all --root p2` checked p1's
    (unchanged) and said "notebooks: unchanged, skipped" with p2's chart drawn from the old year. A file under the
    root is stamped relative to it; one outside (a desk's shared folder) by its full path, as before."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    (root / "lookups" / "first_year.txt").write_text("2015\n", encoding="utf-8")
    shared = tmp_path / "shared.txt"
    shared.write_text("2015\n", encoding="utf-8")
    run_as_kernel(root, f"open('../lookups/first_year.txt').read(); open({str(shared)!r}).read()")
    stamps: dict = {}
    stamp_after_run(root, step, stamps)
    assert sorted(stamps["notebooks"][pipeline.READ]) == sorted(["lookups/first_year.txt", str(shared)])
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, symlinks=True)
    copied = pipeline._load_stamps(copy)
    assert pipeline.is_current(copy, step, copied)
    (copy / "lookups" / "first_year.txt").write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(copy, step, copied)
    assert pipeline.is_current(root, step, pipeline._load_stamps(root))
    shared.write_text("2016\n", encoding="utf-8")
    assert not pipeline.is_current(copy, step, copied)


def test_a_notebook_s_decimal_context_or_numpy_print_options_do_not_reach_the_next_notebook(tmp_path: Path) -> None:
    """A warm kernel runs notebook after notebook; the runner put matplotlib's and pandas' settings back before each,
    but not the decimal context or numpy's print options. A notebook setting `decimal.getcontext().prec = 4` (four
    significant figures for its own table) changed notebook 02's published change from 922 to "1,200" (read as
    1,150 to 1,249) from "+25% to +35%" to "+25% to +36%" whenever the same kernel ran 02 after it (which depends
    on the last run's timings); `np.set_printoptions(suppress=True)` changed the bytes of the next notebook's SVGs.
    Both are as the kernel started when the next notebook runs."""
    import asyncio

    printed: list[str] = []

    def keep(msg: dict) -> None:
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"].strip())

    async def scenario(pool: notebooks.KernelPool) -> None:
        kernel = await asyncio.wrap_future(pool._warm[0])
        await kernel.kc.execute_interactive("import decimal, numpy\ndecimal.getcontext().prec = 4\n"
                                            "numpy.set_printoptions(suppress=True, precision=2)", timeout=60)
        reply = await kernel.kc.execute_interactive(notebooks.RESET, silent=True, store_history=False, timeout=60)
        assert reply["content"]["status"] == "ok"
        await kernel.kc.execute_interactive(
            "import decimal, numpy\nfrom decimal import Decimal as D\n"
            "from analysis.publish.computed_percent import computed_change\n"
            "print(decimal.getcontext().prec, numpy.get_printoptions()['precision'], "
            "computed_change((D(922),) * 3, (D(1200), D(1150), D(1249))).shown)", timeout=60, output_hook=keep)

    pool = notebooks.KernelPool(1, notebooks.kernel_env(paths.Paths(tmp_path), tmp_path), tmp_path)
    try:
        pool._submit(scenario(pool)).result(timeout=notebooks.STARTUP_TIMEOUT_S)
    finally:
        pool.close()
    assert printed[-1] == "28 8 +25% to +35%"


def test_a_sqlite_lookup_in_wal_mode_updated_by_an_editor_left_open_is_seen(tmp_path: Path) -> None:
    """The lookup database in WAL mode (`pragma journal_mode=wal`, as sqlite-utils' `enable-wal` sets it), updated
    from 2015 to 2016 by an editor that keeps it open: the update sits in desk.db-wal until a checkpoint, desk.db's
    bytes stay as they were, and the stamp, which hashed desk.db alone, said the notebooks were current while a
    notebook would read 2016. The log is hashed with the database; a reader's own empty log changes nothing."""
    root, step = kernel_project(tmp_path, with_lookup=False)
    desk = root / "lookups" / "desk.db"
    with sqlite3.connect(desk) as con:
        con.execute("pragma journal_mode=wal")
    con.close()
    _first_year(desk, 2015)
    editor = sqlite3.connect(desk)
    try:
        editor.execute("select year from first_year").fetchone()  # open, as an editor holds it
        run_as_kernel(root, "import sqlite3\n"
                           "sqlite3.connect('../lookups/desk.db').execute('select year from first_year').fetchone()")
        stamps: dict = {}
        stamp_after_run(root, step, stamps)
        assert pipeline.is_current(root, step, stamps)
        before = desk.read_bytes()
        editor.execute("update first_year set year = 2016")
        editor.commit()
        assert desk.read_bytes() == before
        assert not pipeline.is_current(root, step, stamps)
    finally:
        editor.close()
    assert kernels.read_digest(str(root / "notebooks" / "02.py")) == hashlib.sha256(b"# %%\nprint(1)\n").hexdigest()
