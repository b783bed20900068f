"""What a failed step leaves behind: never an empty file that looks like a product, never a mix of two runs.

A step that dies part-way (the disk fills while a notebook or a PNG is being written) can leave zero-length files
under the names of its outputs. A reporter would publish an empty chart; the next run would take it for a made
file. So when a step fails, every zero-length file among its outputs is removed: the step is then visibly not
done, and the next run makes those files again.

A step that fails after remaking some of its outputs (five notebooks ran, the sixth failed) would leave the others
as an earlier run made them: a chart drawn from last week's figures beside this week's, and nothing in outputs/
to tell them apart. So the outputs such a run did not remake are removed too. A step that failed before writing
anything (a build that stops at a bad row writes nothing) keeps its last complete set: that set is consistent.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from pathlib import Path

from analysis.record.terminal import printable

#: Each regular file an output glob matches, with when it was written (inode, mtime and ctime in ns).
Marks = dict[Path, tuple[int, int, int]]


def remove_empty_outputs(root: Path, patterns: Iterable[str]) -> list[Path]:
    """Delete the zero-length regular files the output globs match; return them."""
    removed = []
    for pattern in patterns:
        for path in root.glob(pattern):
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_size == 0:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed


def output_marks(root: Path, patterns: Iterable[str]) -> Marks:
    """When each output was last written: taken before a step runs, to see afterwards which it remade."""
    marks: Marks = {}
    for pattern in patterns:
        for path in root.glob(pattern):
            with contextlib.suppress(OSError):
                if path.is_file() and not path.is_symlink():
                    st = path.stat()
                    marks[path] = (st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
    return marks


#: The kinds of file the steps write. A failed step removes only these: a note a user keeps in outputs/notebooks
#: matches the step's output pattern, but no step made it.
MADE_SUFFIXES = frozenset({".png", ".svg", ".csv", ".json", ".ipynb", ".html", ".xlsx", ".db", ".md", ".jsonld"})


def remove_unremade(before: Marks, now: Marks) -> list[Path]:
    """After a failed step, given its outputs' marks `before` it ran and `now`: if it wrote any output, delete the
    outputs of the kinds it makes that it left as they were before (an earlier run's); return them. If it wrote
    none, its last complete set stays."""
    if now == before:
        return []
    removed = []
    stale = (path for path, mark in before.items() if now.get(path) == mark and path.suffix in MADE_SUFFIXES)
    for path in sorted(stale):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def say_removed(step: str, root: Path, removed: list[Path]) -> None:
    """One line per folder: how many files an earlier run made were removed, and why. A folder left empty goes
    too (a chart's folder with no chart in it)."""
    by_folder: dict[Path, list[str]] = {}
    for path in removed:
        by_folder.setdefault(path.parent, []).append(path.name)
    for folder, names in by_folder.items():
        where = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder.as_posix()
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
        what = " and ".join(names) if len(names) <= 2 else f"{len(names)} files"
        print(f"{step}: removed {printable(what)} from {printable(where)}/: made by an earlier run and not remade by "
              "this one, which failed")


#: The name `analysis.factcheck.report.scratch_beside` gives every output's scratch file:
#: ".<output's name>.<mkstemp's eight characters>.tmp".
SCRATCH_NAME = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def remove_scratch(outputs: Path) -> list[Path]:
    """Delete the scratch files (`SCRATCH_NAME`) an interrupted run left in `outputs` and its folders; return them.
    A run killed while writing (SIGKILL, the OOM killer, a power cut) cannot remove its own: a 1 MB
    ".cse.db.zmlufcnu.tmp" stayed in outputs/ for good, published with it, where a clean build has none. Called by
    the main job while it holds the build lock, so no other run is writing one."""
    if not outputs.is_dir():
        return []
    removed = []
    for path in sorted(outputs.rglob(".*.tmp")):
        if SCRATCH_NAME.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed


def sweep_scratch(outputs: Path) -> None:
    """Remove what an interrupted run left (`remove_scratch`) and say so: done by whoever takes the build lock to
    write outputs/, the main job and every command run alone (`analysis.cli`). Only the main job did it, so
    `workbook` alone killed by a closed terminal or a cancelled job (SIGTERM, SIGHUP: no clean-up runs) left a
    ".cse-figures.xlsx.<random>.tmp" in outputs/, half a workbook, through every later `workbook` and `gallery`
    run alone, published with outputs/."""
    left = remove_scratch(outputs)
    if left:
        print(f"removed {len(left)} scratch file(s) an interrupted run left in outputs/")
