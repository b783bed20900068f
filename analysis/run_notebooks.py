"""`notebooks`: execute every notebook top to bottom, in parallel, into outputs/notebooks/ (.ipynb and .html).

Notebooks are committed without outputs; this is how they get them. Each runs in a fresh `python3` kernel in its
own worker process (a pool of os.cpu_count() workers: kernels spend most of their time in pandas and matplotlib,
so processes, not threads, give the speed-up). A failing notebook is reported with its cell's error and the run
goes on, so one bad notebook does not hide the others' results; the command then exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.paths import DEFAULT, PROJECT_ROOT, Paths

KERNEL = "python3"
TIMEOUT_S = 600
#: Environment variable the notebooks read to find the project (see analysis.charts.project_paths).
ROOT_ENV = "CSE_FIGURES_ROOT"


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    message: str = ""


def notebook_sources(notebooks_dir: Path) -> list[Path]:
    """Every notebook in reading order (file names start with their number): the .ipynb, else its paired .py."""
    stems = sorted({p.stem for pattern in ("[0-9]*.ipynb", "[0-9]*.py") for p in notebooks_dir.glob(pattern)})
    out = []
    for stem in stems:
        ipynb = notebooks_dir / f"{stem}.ipynb"
        out.append(ipynb if ipynb.exists() else notebooks_dir / f"{stem}.py")
    return out


def read_notebook(path: Path) -> Any:
    """An .ipynb as is, or a percent-format .py through jupytext."""
    import jupytext

    return jupytext.read(path)


def execute_one(source: str, out_dir: str, project_root: str) -> Outcome:
    """Run one notebook in a fresh kernel; write the executed .ipynb and its HTML rendering. (Runs in a worker.)"""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    path = Path(source)
    out = Path(out_dir)
    # The kernel inherits this worker's environment: make the package importable and point it at the project.
    package_root = str(PROJECT_ROOT)  # where `analysis` is importable from, whatever data root is used
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH", "")]))
    os.environ[ROOT_ENV] = project_root
    os.environ.setdefault("MPLBACKEND", "Agg")
    nb = read_notebook(path)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT_S,
                            resources={"metadata": {"path": str(path.parent)}})
    ok, message = True, ""
    try:
        client.execute()
    except CellExecutionError as err:
        ok, message = False, str(err).strip().splitlines()[-1] if str(err).strip() else repr(err)
    except Exception as err:  # a kernel that dies or times out is a failure of this notebook, not of the run
        ok, message = False, f"{type(err).__name__}: {err}"
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out / f"{path.stem}.ipynb")
    body, _ = HTMLExporter().from_notebook_node(nb)
    (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
    return Outcome(path.stem, ok, message)


def run_all(paths: Paths, out_dir: Path | None = None, workers: int | None = None,
            progress: bool = True) -> list[Outcome]:
    """Execute every notebook in parallel; return one outcome per notebook, in reading order."""
    from tqdm import tqdm

    sources = notebook_sources(paths.notebooks)
    out_dir = out_dir or paths.outputs / "notebooks"
    workers = max(1, min(workers or os.cpu_count() or 1, len(sources) or 1))
    outcomes: dict[str, Outcome] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(execute_one, str(s), str(out_dir), str(paths.root)): s for s in sources}
        for future in tqdm(as_completed(futures), total=len(futures), desc="notebooks", unit="nb",
                           disable=not progress):
            result = future.result()
            outcomes[result.name] = result
    return [outcomes[s.stem] for s in sources]


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("--root", type=Path, default=DEFAULT.root, help="project root (default: this repository)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: outputs/notebooks)")
    parser.add_argument("--workers", type=int, default=None, help="parallel kernels (default: os.cpu_count())")


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    outcomes = run_all(paths, args.out, args.workers)
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        print(f"{o.name}: failed: {o.message}", file=sys.stderr)
    out = args.out or paths.outputs / "notebooks"
    print(f"executed {len(outcomes) - len(failed)}/{len(outcomes)} notebooks into {paths.rel(out)}/")
    return 1 if failed else 0
