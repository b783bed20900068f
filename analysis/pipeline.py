"""`python -m analysis all`: the main job (`make`), skipping every step whose inputs have not changed.

A reporter who reruns `make` after touching nothing should wait for Python to start, not for the notebooks to
run again. Like Our World in Data's pipeline, each step is keyed by a hash of the *content* of its inputs (code
and data), not by file times, which a fresh clone or a `git checkout` resets. A step runs again when that hash
changes or when one of its outputs is missing; `--force` runs everything.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.paths import DEFAULT, Paths


@dataclass(frozen=True)
class Step:
    """One stage of the main job: a command module, what it reads and what it must leave behind."""

    name: str
    module: str
    inputs: tuple[str, ...]  # globs relative to the root
    outputs: tuple[str, ...]  # paths relative to the root that must exist afterwards


CODE = ("analysis/*.py", "analysis/*.mplstyle", "pyproject.toml")
STEPS = (
    Step("build", "analysis.build", ("data/raw/**/*", *CODE), ("data/processed/datapackage.json",)),
    Step("check", "analysis.report", ("data/processed/*", *CODE), ("outputs/factcheck.html",)),
    Step("notebooks", "analysis.run_notebooks", ("data/processed/*", "notebooks/*.py", *CODE),
         ("outputs/notebooks",)),
    Step("charts", "analysis.export", ("data/processed/*", *CODE), ("outputs/charts", "outputs/cse-figures.xlsx")),
)


def content_hash(root: Path, patterns: Iterable[str]) -> str:
    """sha256 over the sorted relative paths and bytes of every file the patterns match."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _stamps_path(paths: Paths) -> Path:
    return paths.outputs / ".stamps.json"


def _load_stamps(paths: Paths) -> dict[str, str]:
    try:
        return json.loads(_stamps_path(paths).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _run_step(step: Step, root: Path) -> int:
    module = importlib.import_module(step.module)
    sub = argparse.ArgumentParser()
    module.add_arguments(sub, step.name)
    args = sub.parse_args(["--root", str(root)])
    args.command = step.name
    return int(module.run(args) or 0)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.add_argument("--root", type=Path, default=DEFAULT.root, help="project root (default: this repository)")
    parser.add_argument("--force", action="store_true", help="run every step even if its inputs are unchanged")


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    stamps = {} if args.force else _load_stamps(paths)
    for step in STEPS:
        key = content_hash(paths.root, step.inputs)
        outputs_present = all((paths.root / out).exists() for out in step.outputs)
        if stamps.get(step.name) == key and outputs_present:
            print(f"{step.name}: unchanged, skipped")
            continue
        started = time.perf_counter()
        code = _run_step(step, paths.root)
        if code != 0:
            print(f"{step.name}: failed (exit {code})")
            return code
        # The step's own outputs may be the next step's inputs, so hash after running, not before.
        stamps[step.name] = content_hash(paths.root, step.inputs)
        paths.outputs.mkdir(parents=True, exist_ok=True)
        _stamps_path(paths).write_text(json.dumps(stamps, indent=2, sort_keys=True) + "\n")
        print(f"{step.name}: done in {time.perf_counter() - started:.1f}s")
    return 0
