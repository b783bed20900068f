"""`notebooks`: execute every notebook top to bottom into outputs/notebooks/ (.ipynb and .html); as they draw their
charts the notebooks export them into outputs/charts/ (see `analysis.publish.export.publish`).

Why a pool of warm kernels: starting a kernel and importing pandas and matplotlib in it costs about as much as a
notebook's own work, and paying it once per notebook made the main job slow. So the runner starts one kernel per
core, has each import the heavy modules once, and hands each kernel notebook after notebook. Before every notebook
the kernel's namespace is wiped (`%reset -f`), so a notebook sees no name an earlier one defined; what carries over
is only what Python's import cache holds, which is the point. `fresh=True` (`--fresh`; the test suite does this)
gives every notebook a kernel of its own instead, which proves no notebook depends on running after another.

The pool can be started before it is needed (`KernelPool(...)` returns at once; kernels boot in their own
processes) so that the main job builds and fact-checks while they start. A failing notebook is reported with its
cell's error and the run goes on, so one bad notebook does not hide the others' results; the command exits 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.factcheck.report import real_folder
from analysis.paths import (
    CHART_FILE_KINDS,
    CHARTS_DIR_ENV,
    DRAWN_IN_ENV,
    KERNEL_READS_NAME,
    NOTEBOOK_TIMINGS_NAME,
    PROJECT_ROOT,
    READS_ENV,
    ROOT_ENV,
    Paths,
    add_root_argument,
    notebook_copies,
    notebook_source,
    notebook_stems,
    without_library_switches,
)
from analysis.record.terminal import printable, typed_number
from analysis.run import kernels
from analysis.run.copies import html_exporter, skip_iri_parser, write_copies
from analysis.run.kernels import KERNEL
from analysis.run.outputs import Marks, output_marks
from analysis.tables.load import (
    CODE_MARK,
    COPY_CODE,
    DRAWN_FROM,
    NOTEBOOK_METADATA,
    built_tables,
    code_mark,
    notebook_marks,
)

TIMEOUT_S = 600
#: How long a kernel may take to answer at start. Generous: under `make test` both cores are busy, and a start
#: that took over a minute there failed a run.
STARTUP_TIMEOUT_S = 180
#: Environment variable the notebooks read to find the project (see analysis.publish.charts.project_paths).
#: What each kernel imports once, before its first notebook (then wiped from the namespace by `%reset -f`). The font
#: list too: on a machine without matplotlib's font cache, building it runs `fc-list`, which is the kernel's start,
#: not a program a notebook runs (`analysis.run.kernels._program`), so it is done before the first notebook.
PRELOAD = ("import matplotlib\nmatplotlib.use('Agg')\nimport pandas\nimport matplotlib.font_manager\n"
           "import IPython.display\nimport analysis.publish.charts, analysis.publish.export, analysis.tables.load\n"
           "analysis.run.kernels.keep_settings()")
#: No history file (nothing to share between runs); errors only in the terminal (over TCP, used where there are no
#: Unix sockets, ipykernel warns on every start that its sockets are unencrypted: on loopback, nothing to act on).
#: No $PYTHONSTARTUP: the analyst's file for interactive sessions ran in each kernel before its first notebook, and
#: what it set there (numpy's print options) changed the published SVGs' bytes while no stamp could see the file;
#: the user's IPython profile is kept out likewise (`KernelPool`).
KERNEL_ARGS = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR",
               "--IPKernelApp.exec_PYTHONSTARTUP=False"]
#: Each notebook's last run time, under Paths.cache: the order kernels take notebooks in (longest first).
#: Run silently before each notebook but a kernel's first: wipe the namespace, put matplotlib's and pandas' global
#: settings back to their defaults (a notebook that changed them must not change the next one's charts or tables),
#: and the decimal context and numpy's print options as the kernel started (`kernels.put_back_settings`), and
#: restart the cell numbering (the numbers appear in the executed notebook's Out[n] records).
RESET = ("%reset -f\n"
         "import matplotlib as _mpl, pandas as _pd, warnings as _w, analysis.run.kernels as _k\n"
         "_mpl.rcdefaults()\n"
         "with _w.catch_warnings():\n    _w.simplefilter('ignore')\n    _pd.reset_option('all')\n"
         "_k.put_back_settings()\n"
         "del _mpl, _pd, _w, _k\n"
         "get_ipython().execution_count = 1")

skip_iri_parser()  # before anything here imports nbformat (see analysis.run.copies)


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    message: str = ""
    seconds: float = 0.0


#: The colour codes IPython puts in a traceback: in a one-line failure on the terminal (or a CI log) they are noise.
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def notebook_sources(notebooks_dir: Path) -> list[Path]:
    """Every project notebook in reading order (`paths.notebook_stems`: never a stray nbconvert copy): the .ipynb,
    else its paired .py."""
    return [notebook_source(notebooks_dir, stem) for stem in notebook_stems(notebooks_dir)]


def say_copies(notebooks_dir: Path) -> None:
    """Name each copy of a notebook beside the project's (`paths.notebook_copies`), which is not run, in one line."""
    for copy in notebook_copies(notebooks_dir):
        print(f"notebooks/{printable(copy)}: not run, a copy of a notebook (a notebook of the project is named like "
              "01_inspections: its number, then lower-case words joined by '_'); rename it to run it, or remove it",
              file=sys.stderr)


def _as_compared(text: str) -> str:
    """A paired .py as the pair check compares it: what an editor adds or drops without changing a cell — the final
    newline, blank lines after the last cell — is not a difference (jupytext reads the same cells either way; a .py
    saved without its final newline was reported out of step). A byte-order mark is one: jupytext reads it into
    the first cell, which becomes code."""
    return text.rstrip("\n") + "\n"


#: The cell tags that change how a notebook runs: nbclient skips a cell tagged "skip-execution" and lets one tagged
#: "raises-exception" fail without failing the notebook. The paired .py keeps no cell metadata (jupytext.toml), so a
#: tag set in the .ipynb (JupyterLab's property inspector, `make lab`) left sections out of the published copy, or let
#: a failing cell pass, while the .py that is reviewed and diffed showed every cell as run and the pair check passed.
RUN_TAGS = frozenset({"skip-execution", "raises-exception"})


def pair_problem(ipynb: Path) -> str | None:
    """Why a notebook and its paired .py (jupytext.toml) differ, or None. `make` runs the .ipynb: a .py edited in a
    text editor changed the step's inputs, so the notebooks ran again, from the old .ipynb, and the step was stamped
    current with the edit nowhere in its outputs. So a pair out of step is that notebook's failure, with the fix."""
    py = ipynb.with_suffix(".py")
    if ipynb.suffix != ".ipynb" or not py.is_file():
        return None
    import jupytext

    try:
        notebook = jupytext.read(ipynb)
        same = _as_compared(jupytext.writes(notebook, fmt="py:percent")) == \
            _as_compared(py.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:  # unreadable, not JSON, not UTF-8: said as this notebook's failure
        return f"cannot compare {ipynb.name} with {py.name} ({err})"
    tagged = next(((n, tag) for n, cell in enumerate(notebook.cells, start=1)
                   for tag in cell.get("metadata", {}).get("tags", ()) if tag in RUN_TAGS), None)
    if tagged:
        return (f"cell {tagged[0]} of {ipynb.name} is tagged {tagged[1]!r}, which changes how `make` runs it and "
                f"which {py.name} cannot show (jupytext.toml keeps no cell metadata): remove the tag, then `make` "
                "again")
    if same:
        return None
    return (f"{ipynb.name} and {py.name} differ (one was edited without the other; `make` runs the .ipynb): run "
            f"`jupytext --sync notebooks/{ipynb.name}`, then `make` again")


def read_notebook(path: Path) -> Any:
    """An .ipynb as is, or a percent-format .py through jupytext."""
    if path.suffix == ".ipynb":
        import nbformat

        return nbformat.read(path, as_version=4)
    import jupytext

    return jupytext.read(path)


def kernel_env(paths: Paths, charts_dir: Path) -> dict[str, str]:
    """The kernels' environment: the package importable, the project root and the charts folder named."""
    env = dict(os.environ)
    without_library_switches(env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH", "")]))
    env[ROOT_ENV] = str(paths.root)
    env[CHARTS_DIR_ENV] = str(charts_dir)
    env[READS_ENV] = str(paths.cache / KERNEL_READS_NAME)
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


#: How long closing the pool waits for the tasks it cancels to finish.
STOP_TIMEOUT_S = 10


async def _cancel_the_rest() -> None:
    """Cancel every other task on the running loop and wait until they have finished."""
    rest = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in rest:
        task.cancel()
    await asyncio.gather(*rest, return_exceptions=True)


@dataclass
class _Kernel:
    km: Any
    kc: Any


class KernelPool:
    """`size` warm kernels, started at once in the background; `run` executes notebooks on them.

    All kernel I/O happens on one event loop in a background thread, so the caller's thread stays free (the main
    job fact-checks while the kernels boot). Use as a context manager, or call `close()`.
    """

    def __init__(self, size: int, env: dict[str, str], cwd: Path, *, fresh: bool = False) -> None:
        self.size, self.env, self.cwd, self.fresh = max(1, size), env, cwd, fresh
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kernel-pool", daemon=True)
        self._thread.start()
        self._live: list[_Kernel] = []
        self._stopping: Future | None = None
        self._sockets = kernels.socket_folder()
        # An IPython directory of the pool's own, empty: the user's profile (~/.ipython or $IPYTHONDIR) holds
        # config and startup files every kernel would run (`ast_node_interactivity = "none"` emptied every
        # notebook's outputs, and no stamp could see it). The system-wide folders are stamped instead
        # (`pipeline.libraries`).
        self._ipython_dir = Path(tempfile.mkdtemp(prefix="cse-ipython-"))
        self.env = {**env, "IPYTHONDIR": str(self._ipython_dir)}
        self._numbers = itertools.count(1)
        # One thread writes the executed copies (.ipynb, .html) in the order the notebooks finish.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebook-copies")
        self._copies: list[asyncio.Future] = []
        # In fresh mode kernels are started per notebook; otherwise start them all now.
        self._warm: list[Future] = [] if fresh else [self._submit(self._start()) for _ in range(self.size)]

    def _submit(self, coro: Any) -> Future:
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    async def _start(self) -> _Kernel:
        # A warm kernel imports the heavy modules while it boots (ipykernel's exec_lines), not after a round trip
        # once it is ready. A failed import is not an error here: the notebook's own import will fail and say why.
        # Each kernel first notes what it reads (`kernels.record_reads`), for the notebooks' stamp.
        lines = [kernels.RECORD_READS, *([] if self.fresh else PRELOAD.splitlines())]
        km = kernels.manager(self._sockets, next(self._numbers))
        await km.start_kernel(cwd=str(self.cwd), env=self.env,
                              extra_arguments=[*KERNEL_ARGS, f"--IPKernelApp.exec_lines={'; '.join(lines)}"])
        kc = km.client()
        kc.start_channels()
        kernel = _Kernel(km, kc)
        self._live.append(kernel)
        await kc.wait_for_ready(timeout=STARTUP_TIMEOUT_S)  # jupyter_client's own wait: ready, IOPub drained
        return kernel

    async def _stop(self, kernel: _Kernel) -> None:
        if kernel in self._live:
            self._live.remove(kernel)
        kernel.kc.stop_channels()
        try:
            await kernel.km.shutdown_kernel(now=True)
        except RuntimeError:
            pass  # already gone

    async def _execute(self, kernel: _Kernel, path: Path, out_dir: Path) -> Outcome:
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError

        started = time.perf_counter()
        ran_from = notebook_marks(path.parent, path.stem)  # taken before the run: what it ran from
        nb = read_notebook(path)
        nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
        # The tables it runs on, as a chart's sidecar names them, and the notebook it ran: the gallery refuses a
        # copy run on an earlier build, or from a notebook edited since (`analysis.tables.load.copies_behind`).
        root = self.env.get(ROOT_ENV)
        nb.metadata[NOTEBOOK_METADATA] = {DRAWN_FROM: built_tables(Paths(Path(root)) if root else Paths()),
                                          **ran_from, CODE_MARK: code_mark(COPY_CODE, loaded=True)}
        # The charts it exports name it too (`DRAWN_IN`): a warm kernel keeps its environment from one notebook
        # to the next, so it is set before each.
        drawn_in = json.dumps({"notebook": path.stem, **ran_from})
        await kernel.kc.execute_interactive(f"__import__('os').environ[{DRAWN_IN_ENV!r}] = {drawn_in!r}",
                                            silent=True, store_history=False, timeout=STARTUP_TIMEOUT_S,
                                            output_hook=lambda msg: None)
        # No timing record: nbclient stamps every cell with when it ran, so two runs of the same inputs (two clones,
        # `make force`) never wrote the same executed copy; how long a notebook took is kept in .cache instead.
        client = NotebookClient(nb, km=kernel.km, kernel_name=KERNEL, timeout=TIMEOUT_S, record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.kc = kernel.kc
        ok, message = True, ""
        try:
            await client.async_execute()
        except CellExecutionError as err:
            text = str(err).strip()
            ok, message = False, ANSI_COLOUR.sub("", text.splitlines()[-1]) if text else repr(err)
        except Exception as err:  # a kernel that dies or times out is a failure of this notebook, not of the run
            ok, message = False, f"{type(err).__name__}: {err}"
        seconds = round(time.perf_counter() - started, 3)
        # The executed copy and its HTML are written in the writer thread, so this kernel starts its next notebook
        # and the event loop keeps serving the other kernels meanwhile (converting to HTML takes ~0.3 s a notebook;
        # done here, on the loop, it left both kernels waiting). `run` waits for every copy before it returns.
        loop = asyncio.get_running_loop()
        self._copies.append(loop.run_in_executor(self._writer, write_copies, nb, out_dir, path.stem))
        return Outcome(path.stem, ok, message, seconds)

    async def _worker(self, slot: int, queue: asyncio.Queue, out_dir: Path, done: Any) -> dict[str, Outcome]:
        results: dict[str, Outcome] = {}
        kernel: _Kernel | None = None
        start_error = ""
        if self._warm:
            try:
                kernel = await asyncio.wrap_future(self._warm[slot])
            except Exception as err:  # noqa: BLE001 — reported on the notebooks this slot would have run
                start_error = f"warm kernel did not start ({type(err).__name__}: {err}); "
        while not queue.empty():
            path = queue.get_nowait()
            try:
                if kernel is None or self.fresh or not await kernel.km.is_alive():
                    if kernel is not None:
                        await self._stop(kernel)
                    kernel = await self._start()
                else:
                    await kernel.kc.execute_interactive(RESET, silent=True, store_history=False,
                                                        timeout=STARTUP_TIMEOUT_S, output_hook=lambda msg: None)
                results[path.stem] = await self._execute(kernel, path, out_dir)
            except Exception as err:  # noqa: BLE001 — one notebook's kernel failure must not stop the others
                message = f"{start_error}{type(err).__name__}: {err}"
                results[path.stem] = Outcome(path.stem, False, message)
            done(results[path.stem])
        if kernel is not None and self.fresh:
            await self._stop(kernel)
        return results

    async def _run(self, sources: list[Path], out_dir: Path, done: Any) -> dict[str, Outcome]:
        queue: asyncio.Queue = asyncio.Queue()
        for source in sources:
            queue.put_nowait(source)
        parts = await asyncio.gather(*(self._worker(i, queue, out_dir, done) for i in range(self.size)))
        copies, self._copies = self._copies, []
        await asyncio.gather(*copies)  # a copy that could not be written (a full disk) raises here, as it did
        return {name: outcome for part in parts for name, outcome in part.items()}

    def run(self, sources: list[Path], out_dir: Path, progress: bool = True) -> list[Outcome]:
        """Execute the notebooks, each kernel taking the next one as it comes free; outcomes in reading order."""
        from tqdm import tqdm

        html_exporter()  # import nbconvert here, in the caller's thread, while the kernels are still booting
        bar = tqdm(total=len(sources), desc="notebooks", unit="nb", disable=not progress)
        outcomes = self._submit(self._run(sources, out_dir, lambda _outcome: bar.update())).result()
        bar.close()
        return [outcomes[s.stem] for s in sources]

    def stop_kernels(self) -> None:
        """Start stopping every kernel and return at once; `close()` waits for it. Stopping a kernel is mostly
        waiting (jupyter_client polls every 0.1 s until the process is gone), so the main job does the steps
        after the notebooks meanwhile instead of waiting first."""
        if self._stopping is not None:
            return

        async def stop_all() -> None:
            for future in self._warm:
                if not future.done():
                    future.cancel()
            await asyncio.gather(*(self._stop(k) for k in list(self._live)), return_exceptions=True)

        self._stopping = self._submit(stop_all())

    def close(self) -> None:
        self.stop_kernels()
        if self._stopping is not None:  # set by stop_kernels
            self._stopping.result()
        self._writer.shutdown(wait=True)
        # What still runs on the loop (after Ctrl-C: the notebook client's tasks) is cancelled and let finish, or
        # asyncio reports each as "Task was destroyed but it is pending!" after the job's one-line interruption.
        with contextlib.suppress(Exception):
            self._submit(_cancel_the_rest()).result(timeout=STOP_TIMEOUT_S)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        if self._sockets is not None:
            shutil.rmtree(self._sockets, ignore_errors=True)
        shutil.rmtree(self._ipython_dir, ignore_errors=True)

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_pool(paths: Paths, charts_dir: Path | None = None, workers: int | None = None,
               fresh: bool = False) -> KernelPool:
    """A pool sized for the machine and the notebooks, started now (its kernels boot in the background)."""
    code_mark(COPY_CODE, loaded=True)  # the code the kernels import, as they start: what each copy is marked with
    shutil.rmtree(paths.cache / KERNEL_READS_NAME, ignore_errors=True)  # what an earlier run's kernels read
    count = len(notebook_sources(paths.notebooks)) or 1
    size = max(1, min(workers or os.cpu_count() or 1, count))
    charts_dir = charts_dir or paths.outputs / "charts"
    return KernelPool(size, kernel_env(paths, charts_dir), paths.notebooks, fresh=fresh)


def longest_first(sources: list[Path], timings: Path | None) -> list[Path]:
    """The order to hand notebooks to kernels: longest first by the last run's times (when recorded), so the
    last notebook to finish is a short one and no kernel sits idle while another works through a long one.
    Notebooks never timed (all of them on a fresh clone) go first, the largest first: size is the best guess of
    length there is (here the largest notebook is also by far the longest to run; in reading order it ran last
    and made a newcomer's first `make` ~1 s longer). Remaining ties keep reading order. Outputs do not depend on
    the order."""
    known: dict[str, float] = {}
    if timings is not None:
        try:
            loaded = json.loads(timings.read_text())
            known = {str(k): float(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
        except (FileNotFoundError, ValueError, TypeError):
            known = {}
    return sorted(sources, key=lambda s: (-known.get(s.stem, float("inf")), -_size(s)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _record(timings: Path | None, outcomes: list[Outcome]) -> None:
    if timings is None:
        return
    timings.parent.mkdir(parents=True, exist_ok=True)
    seconds = {o.name: o.seconds for o in outcomes if o.ok and o.seconds}
    timings.write_text(json.dumps(seconds, indent=2, sort_keys=True) + "\n")


def run_all(paths: Paths, out_dir: Path | None = None, workers: int | None = None, progress: bool = True,
            charts_dir: Path | None = None, fresh: bool = False, pool: KernelPool | None = None,
            timings: Path | None = None) -> list[Outcome]:
    """Execute every notebook; return one outcome per notebook, in reading order.

    `timings` (a JSON file: notebook → seconds) orders the run longest first and is rewritten with this run's
    times. A chart no notebook exported is reported as a failure too (when every notebook ran: otherwise the failed
    notebook is the reason, said once), so `make` cannot finish with a chart missing.
    """
    code_mark(COPY_CODE, loaded=True)  # as `start_pool`, when no pool was started ahead
    sources = notebook_sources(paths.notebooks)
    say_copies(paths.notebooks)
    out_dir = out_dir or paths.outputs / "notebooks"
    charts_dir = charts_dir or paths.outputs / "charts"
    for folder in (out_dir, charts_dir):  # written into as outputs/ itself is: never through a link elsewhere
        if folder.is_relative_to(paths.outputs):
            real_folder(folder, paths.outputs)
    own = pool is None
    pool = pool or start_pool(paths, charts_dir, workers, fresh)
    before = chart_marks(charts_dir)
    try:
        unpaired = {s.stem: Outcome(s.stem, False, problem) for s in sources if (problem := pair_problem(s))}
        runnable = [s for s in sources if s.stem not in unpaired]
        outcomes = pool.run(longest_first(runnable, timings), out_dir, progress)
    finally:
        if own:
            pool.close()
    by_name = {o.name: o for o in outcomes} | unpaired
    outcomes = [by_name[s.stem] for s in sources]
    _record(timings, outcomes)
    if not all(o.ok for o in outcomes):  # a chart a failed notebook did not export is its failure, said once
        return outcomes
    remove_retired_charts(charts_dir)
    remove_retired_copies(out_dir, [s.stem for s in sources])
    missing = missing_charts(charts_dir, before)
    if not missing:
        remove_unexported(charts_dir, before)
    return outcomes + missing


def remove_retired_copies(out_dir: Path, stems: list[str]) -> list[Path]:
    """Remove the executed copies (`<stem>.ipynb`, `<stem>.html`) of notebooks the project no longer has (renamed
    or deleted), said in one line each: they stayed in outputs/notebooks, stamped as current, for anyone uploading
    the folder. Only files named as a notebook's copies are touched."""
    if not out_dir.is_dir():
        return []
    removed = []
    for path in sorted(out_dir.glob("[0-9]*.*")):
        if path.suffix in (".ipynb", ".html") and "." not in path.stem and path.stem not in stems \
                and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
            print(f"notebooks: removed {printable(path.name)}: the project has no notebook {printable(path.stem)}")
    return removed


def remove_retired_charts(charts_dir: Path) -> list[Path]:
    """Remove every folder in the charts folder that is not a registered chart's (said in one line each): after
    every notebook ran, such a folder is a chart since retired or renamed, and the gallery, a reporter or an
    upload script would take its files for current ones. Only folders holding nothing but chart files (png, svg,
    csv, json) are removed; anything else is left and named."""
    from analysis.paths import CHART_IDS

    removed = []
    for folder in sorted(p for p in charts_dir.iterdir() if p.is_dir() and p.name not in CHART_IDS) \
            if charts_dir.is_dir() else []:
        if folder.is_symlink() or any(not f.is_file() or f.suffix.lstrip(".") not in CHART_FILE_KINDS
                                      for f in folder.iterdir()):
            print(f"notebooks: {printable(folder.name)}/ in the charts folder is not a registered chart "
                  "(analysis.paths.CHART_IDS); left as it is, but not published", file=sys.stderr)
            continue
        shutil.rmtree(folder)
        removed.append(folder)
        print(f"notebooks: removed {printable(folder.name)}/ from the charts folder: no registered chart writes it")
    return removed


def chart_marks(charts_dir: Path) -> Marks:
    """When each file in the charts' folders was last written: taken before the notebooks run, so that a chart they
    did not export this time is told from one they did (see `missing_charts`)."""
    return output_marks(charts_dir, ("*/*",))


def remove_unexported(charts_dir: Path, before: Marks) -> list[Path]:
    """After a run that exported every chart, remove the chart files in a registered chart's folder that it did
    not write (said in one line each): an earlier run's, under a name no export uses now (a copy, a variant since
    dropped). The step passed with them in outputs/, where an upload publishes them, and a clean build has none."""
    from analysis.paths import CHART_IDS

    removed = []
    for path, marks in sorted(chart_marks(charts_dir).items()):
        if path.parent.name in CHART_IDS and path.suffix.lstrip(".") in CHART_FILE_KINDS \
                and before.get(path) == marks:
            path.unlink()
            removed.append(path)
            print(f"notebooks: removed {path.parent.name}/{printable(path.name)} from the charts folder: no chart "
                  "exported it this run")
    return removed


def missing_charts(charts_dir: Path, before: Marks | None = None) -> list[Outcome]:
    """A failed outcome for every registered chart whose four files the notebooks did not write.

    Not written *this run*: given the files' marks `before` the notebooks ran, a file left as it was is an earlier
    run's. A notebook that stopped exporting a chart (its `publish` call removed, or the notebook deleted) left
    that chart's files from the last run in outputs/ while the step passed and was stamped: the gallery and the
    workbook went on publishing the old chart, and only a clean build said it was missing. Every export writes a
    new file and renames it over the old (a new inode), so a file it wrote never keeps its marks."""
    from analysis.paths import CHART_IDS

    now = chart_marks(charts_dir) if before is not None else {}
    missing = []
    for chart_id in CHART_IDS:
        folder = charts_dir / chart_id
        files = {ext: folder / f"{chart_id}.{ext}" for ext in CHART_FILE_KINDS}
        absent = [ext for ext, path in files.items() if not path.exists()]
        stale = [ext for ext, path in files.items() if path in now and now[path] == (before or {}).get(path)]
        if absent:
            missing.append(Outcome(f"chart {chart_id}", False, f"no notebook exported it ({', '.join(absent)} "
                                   "missing): call analysis.publish.export.publish(fig, meta) in a notebook"))
        elif stale:
            missing.append(Outcome(f"chart {chart_id}", False, f"no notebook exported it this run (its "
                                   f"{', '.join(stale)} are an earlier run's): call "
                                   "analysis.publish.export.publish(fig, meta) in a notebook"))
    return missing


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: outputs/notebooks)")
    parser.add_argument("--workers", type=typed_number(int), default=None,
                        help="parallel kernels (default: os.cpu_count())")
    parser.add_argument("--fresh", action="store_true", help="a new kernel for every notebook (slower; isolated)")


def report(outcomes: list[Outcome], out: Path, paths: Paths) -> int:
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        print(f"{printable(o.name)}: failed: {printable(o.message)}", file=sys.stderr)
    ran = [o for o in outcomes if not o.name.startswith("chart ")]
    print(f"executed {sum(o.ok for o in ran)}/{len(ran)} notebooks into {paths.rel(out)}/")
    return 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    """The command on its own. As inside `make` (see analysis/run/outputs.py), a failed run leaves no zero-length
    file among the executed notebooks and charts (a reporter could take one for a made file), and none an earlier
    run made that this one did not remake."""
    from analysis.run.outputs import output_marks, remove_empty_outputs, remove_unremade, say_removed

    paths = Paths(args.root.resolve())
    out = args.out or paths.outputs / "notebooks"
    charts = paths.outputs / "charts"
    before = output_marks(out, ["*"]) | output_marks(charts, ["*/*"])
    outcomes = run_all(paths, args.out, args.workers, fresh=args.fresh, timings=paths.cache / NOTEBOOK_TIMINGS_NAME)
    code = report(outcomes, out, paths)
    if code != 0:
        remove_empty_outputs(out, ["*"])
        remove_empty_outputs(charts, ["*/*"])
        now = output_marks(out, ["*"]) | output_marks(charts, ["*/*"])
        say_removed("notebooks", paths.root, remove_unremade(before, now))
    return code
