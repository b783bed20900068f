"""`make bench`: how long users wait, measured against the floor each command cannot go below.

Each ratio compares a command with its baseline in the same run (alternating, five timed runs each after a
warm-up, medians), so the machine's noise cancels. Results are printed and written to outputs/bench.json.
Targets (from the performance issues): the bootstrap on a fresh clone (`make venv`) ≤ 3× `python3 -m venv`;
verify ≤ 3× `python -c pass`, also while another process keeps one core busy; build ≤ 1.5× `import pandas`; the
main job ≤ 1.25× its floor (the CPU of the work it cannot skip, spread over the cores, measured here in the same
run); a no-op `make` ≤ 2× `import pandas`; peak memory of the main job < 600 MB; build cost per 1,000 figures no
worse at 100× the data than at 1×; validation CPU per row flat from 1,000 to 1,000,000 rows, with peak
memory under 1 GB at 1,000,000 (issue 18).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import scale, validation_scale  # noqa: E402 — the bench's own folder, added just above
from scan_eval import evaluate as scan_eval  # noqa: E402 — the bench's own folder, added just above
from scan_scale import scan_scale  # noqa: E402 — the bench's own folder, added just above

PY = sys.executable
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
#: Each part of the floor is measured this many times and its median kept (one sample varied by ±10 % here).
FLOOR_RUNS = int(os.environ.get("BENCH_FLOOR_RUNS", "3"))


#: Snippets whose CPU the floor counts; each prints its own CPU seconds last.
#: Every notebook's code, run as the kernels run it (charts exported into a scratch folder) but in one plain
#: process: the analysis and the charts the main job cannot skip, without kernels or their protocol.
NOTEBOOK_CODE = """
import contextlib, glob, io, os, tempfile, time, matplotlib
matplotlib.use("Agg")
import jupytext
os.environ["CSE_CHARTS_DIR"] = tempfile.mkdtemp()
cells = []
for path in sorted(glob.glob("notebooks/[0-9]*.py")):
    nb = jupytext.read(path)
    cells.append("\\n".join(c.source for c in nb.cells if c.cell_type == "code"))
import pandas, analysis.publish.charts, analysis.publish.export  # imported once per kernel: counted apart
t = time.process_time()
for code in cells:
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "notebook", "exec"), {"__name__": "__main__"})
print(time.process_time() - t)
"""
HTML_COPIES = """
import glob, time, nbformat
t = time.process_time()
from nbconvert import HTMLExporter
e = HTMLExporter()
for f in sorted(glob.glob("outputs/notebooks/*.ipynb")):
    e.from_notebook_node(nbformat.read(f, 4))
print(time.process_time() - t)
"""
STEP = """
import contextlib, io, time
from analysis.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main([{name!r}])
print(time.process_time())
"""


def timed(cmd: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, **kwargs)
    return time.perf_counter() - started


def compare(name: str, command: Callable[[], float], baseline: Callable[[], float], target: float,
            runs: int = RUNS) -> dict:
    """Warm both up once, then alternate `runs` timed runs of each; report medians and their ratio."""
    command(), baseline()
    a, b = [], []
    for _ in range(runs):
        a.append(command())
        b.append(baseline())
    ratio = statistics.median(a) / statistics.median(b)
    result = {"name": name, "median_s": round(statistics.median(a), 3), "baseline_s": round(statistics.median(b), 3),
              "ratio": round(ratio, 2), "target": target, "meets_target": ratio <= target}
    print(f"{name:<34} {result['median_s']:>8.3f}s  baseline {result['baseline_s']:>7.3f}s  "
          f"ratio {ratio:5.2f}  target ≤ {target}  {'ok' if result['meets_target'] else 'MISSED'}", flush=True)
    return result


def _memory_of_tree(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of a process and all its descendants, read from /proc.

    RSS counts a page shared by several processes (a library mapped by every kernel) once per process, so its sum
    overstates the tree's use; PSS divides each shared page among its sharers, so its sum is what the tree costs
    the machine. Both are reported; the target is judged on the larger, RSS.
    """
    rss = pss = 0
    stack, seen = [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1]) * 1024
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


def main_job(measure_memory: bool = False) -> tuple[float, tuple[int, int]]:
    """`make` on a bootstrapped .venv with outputs removed first: time and peak memory (RSS, PSS) of the tree.

    Only outputs/ is removed: the step stamps in .cache/ stay, so the build (whose product, data/processed, is
    unchanged) is skipped as it is for a user; every step that writes into outputs/ runs."""
    shutil.rmtree(ROOT / "outputs", ignore_errors=True)
    started = time.perf_counter()
    cpu_before = _children_cpu()
    proc = subprocess.Popen(["make", "-s"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = (0, 0)
    if measure_memory:
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                rss, pss = _memory_of_tree(proc.pid)
                peak = (max(peak[0], rss), max(peak[1], pss))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        proc.wait()
        done.set()
        sampler.join()
    else:
        proc.wait()
    if proc.returncode != 0:
        raise SystemExit("make failed during the benchmark")
    wall = time.perf_counter() - started
    MAIN_JOB_CPU.append(_children_cpu() - cpu_before)
    return wall, peak


#: CPU seconds (user + system) of each main job's whole process tree, in the order they ran.
MAIN_JOB_CPU: list[float] = []


def _children_cpu() -> float:
    """CPU of every finished descendant (make waits for Python, which waits for the kernels it started)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_of(code: str, runs: int = FLOOR_RUNS) -> float:
    """CPU seconds a snippet reports for itself (it prints time.process_time() last): the median of `runs`."""
    samples = []
    for _ in range(runs):
        out = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def floor() -> dict:
    """The least the main job could take here: CPU of the work it cannot skip, spread perfectly over the cores.

    Work counted: importing ipykernel, pandas, matplotlib and the charts once per kernel; running every notebook's
    code (its analysis, and drawing and writing every chart at both sizes) in one plain process; the notebooks'
    HTML copies; the workbook; and the CPU of any later step (gallery, database) beyond a bare interpreter start.
    Not counted: starting the kernels, the kernel protocol, the fact-check, hashing. Needs outputs/ from a main job
    (run after one).
    """
    cores = os.cpu_count() or 1
    imports = _cpu_of("import time, ipykernel.kernelapp, pandas, matplotlib.figure, matplotlib.backends.backend_agg, "
                      "analysis.publish.charts, analysis.publish.export; print(time.process_time())")
    render = _cpu_of(NOTEBOOK_CODE)
    html = _cpu_of(HTML_COPIES)
    workbook = _step_cpu("workbook")
    later = _later_steps_cpu()
    everything = (cores * imports + render + html + workbook + later) / cores
    n_charts = len(list((ROOT / "outputs" / "charts").glob("*/")))
    out = {"cores": cores, "imports_cpu_s": round(imports, 3), "notebook_code_cpu_s": round(render, 3),
           "html_cpu_s": round(html, 3), "workbook_cpu_s": round(workbook, 3), "later_steps_cpu_s": round(later, 3),
           "floor_s": round(everything, 3)}
    print(f"floor of the main job on {cores} cores (CPU of unavoidable work / cores): imports {imports:.2f}s per "
          f"kernel, notebooks' code with {n_charts} charts drawn + written {render:.2f}s, HTML copies {html:.2f}s, "
          f"workbook {workbook:.2f}s, later steps {later:.2f}s -> {everything:.2f}s", flush=True)
    return out


def above_floor(wall: float, cpu: float, floor_parts: dict) -> dict:
    """Where the main job's time above its floor goes: CPU the floor does not count (kernels starting, the kernel
    protocol, hashing, the fact-check) and cores left idle (phases that run on one core: the start, the steps after
    the notebooks)."""
    cores = floor_parts["cores"]
    extra_cpu = cpu - floor_parts["floor_s"] * cores
    idle = cores * wall - cpu
    print(f"  main job: {cpu:.2f}s CPU over {wall:.2f}s on {cores} cores: {extra_cpu:.2f}s CPU the floor does not "
          f"count, {idle:.2f} core-seconds idle", flush=True)
    return {"cpu_s": round(cpu, 3), "cpu_not_in_floor_s": round(extra_cpu, 3), "idle_core_s": round(idle, 3)}


def _later_steps_cpu() -> float:
    """CPU of the main job's other steps (gallery, database, …), each less a bare interpreter's start."""
    sys.path.insert(0, str(ROOT))
    from analysis.run.pipeline import STEPS

    counted_elsewhere = {"build", "check", "notebooks", "workbook"}
    return sum(_step_cpu(s.name) for s in STEPS if s.name not in counted_elsewhere)


def _step_cpu(name: str) -> float:
    """CPU of one `python -m analysis NAME` run in-process, less a bare interpreter's start."""
    bare = _cpu_of("import time; print(time.process_time())")
    return max(0.0, _cpu_of(STEP.format(name=name)) - bare)


def fresh_clone_venv() -> float:
    """`make venv` in a fresh clone of HEAD (the clone itself not timed): everything `make` does before the job."""
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        started = time.perf_counter()
        subprocess.run(["make", "-s", "venv", "PYTHON=python3"], cwd=clone, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return time.perf_counter() - started


def plain_venv() -> float:
    """The baseline: `python3 -m venv` into a new folder (what any Python project's first step costs)."""
    with tempfile.TemporaryDirectory() as tmp:
        return timed(["python3", "-m", "venv", str(Path(tmp) / "v")])


@contextlib.contextmanager
def one_busy_core(seconds: int = 300) -> Iterator[None]:
    """Another process spinning on one core for the duration (and never longer than `seconds`)."""
    spin = subprocess.Popen([PY, "-c", f"import time\nend = time.time() + {seconds}\nwhile time.time() < end: pass"])
    try:
        yield
    finally:
        spin.kill()
        spin.wait()


def main() -> None:
    results: dict = {"runs": RUNS, "python": sys.version.split()[0], "cores": os.cpu_count()}
    pass_ = lambda: timed([PY, "-c", "pass"])  # noqa: E731
    import_pandas = lambda: timed([PY, "-c", "import pandas"])  # noqa: E731
    venv_runs = int(os.environ.get("BENCH_VENV_RUNS", "3"))
    results["venv"] = compare("make venv (fresh clone) vs venv", fresh_clone_venv, plain_venv, 3.0, runs=venv_runs)
    verify = [PY, "-m", "analysis", "verify", "change", "--from", "1737", "--to", "2060", "--stated", "18.5 per cent"]
    results["verify"] = compare("verify vs python -c pass", lambda: _timed_any(verify), pass_, 3.0)
    with one_busy_core():
        results["verify_busy"] = compare("verify vs pass, one core busy", lambda: _timed_any(verify), pass_, 3.0)
    results["build"] = compare("build vs import pandas", lambda: timed([PY, "-m", "analysis", "build"]),
                               import_pandas, 1.5)
    main_job()  # warm-up, and leaves outputs/ complete for the floor
    results["floor"] = floor()
    MAIN_JOB_CPU.clear()
    results["main_job"] = compare("main job vs its floor", lambda: main_job()[0],
                                  lambda: results["floor"]["floor_s"], 1.25)
    results["main_job"].update(above_floor(results["main_job"]["median_s"], statistics.median(MAIN_JOB_CPU[1:]),
                                           results["floor"]))
    results["noop_make"] = compare("no-op make vs import pandas", lambda: timed(["make", "-s"]), import_pandas, 2.0)
    _, (rss, pss) = main_job(measure_memory=True)
    results["peak_memory_mb"] = round(rss / 2**20, 1)
    results["peak_memory_pss_mb"] = round(pss / 2**20, 1)
    results["peak_memory_target_mb"] = 600
    results["peak_memory_meets_target"] = results["peak_memory_mb"] < 600
    print(f"peak memory of the main job: {results['peak_memory_mb']} MB summed RSS, {results['peak_memory_pss_mb']} "
          f"MB summed PSS (target < 600 MB)", flush=True)
    results["scale"] = scale()
    results["validation_scale"] = validation_scale()
    results["scan_scale"] = scan_scale()
    results["scan_eval"] = {k: v for k, v in scan_eval().items() if k != "problems"}
    (ROOT / "outputs").mkdir(exist_ok=True)
    (ROOT / "outputs" / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    print("wrote outputs/bench.json")


def _timed_any(cmd: list[str]) -> float:
    """Time a command whose exit status is part of its answer (verify exits 1 when a claim does not hold)."""
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
