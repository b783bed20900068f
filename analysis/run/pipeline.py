"""`python -m analysis all`: the main job (`make`), skipping every step whose inputs and outputs have not changed.

A reporter who reruns `make` after touching nothing should wait for Python to start, not for the notebooks to
run again. Like Our World in Data's pipeline, each step is keyed by a hash of the *content* of its inputs (code
and data), not by file times, which a fresh clone or a `git checkout` resets. The hash of the step's outputs is
recorded too, so an output deleted or edited by hand is noticed and remade. Stamps live in `.cache/` (not in
`outputs/`), so removing outputs/ re-runs the steps that write there and not the build, whose product
(data/processed) is still what its inputs make. `--force` runs everything.

The notebooks are the slow step, and much of their cost is starting kernels; so when they will run, their kernels
are started first and boot while the build runs, and the steps the notebooks neither read nor feed (the database,
the fact-check) run while the kernels work through the notebooks.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import functools
import hashlib
import importlib
import io
import json
import os
import stat
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.paths import (
    CLAIMREVIEW_NAME,
    DB_COMPANION_SUFFIXES,
    DB_METADATA_NAME,
    DB_NAME,
    DEFAULT_SITE_URL,
    GALLERY_NAME,
    GALLERY_TABLES,
    METHODS_PAGE,
    MODULE_SUFFIXES,
    NOT_READ,
    NOTEBOOK_TIMINGS_NAME,
    PROJECT_ROOT,
    REPORT_HTML,
    REPORT_MD,
    RULES_PAGE,
    SITE_URL_ENV,
    STAMPS_NAME,
    WORKBOOK_NAME,
    Paths,
    add_root_argument,
    import_folders,
    module_files,
    modules_held,
    package_modules,
    site_url,
)
from analysis.record.terminal import os_error_line, printable
from analysis.run.kernels import GONE, UNKEPT, read_digest
from analysis.run.lock import build_lock
from analysis.run.outputs import (
    Marks,
    output_marks,
    remove_empty_outputs,
    remove_unremade,
    say_removed,
    sweep_scratch,
)


@dataclass(frozen=True)
class Step:
    """One stage of the main job: a command module, what it reads and what it writes."""

    name: str
    module: str
    inputs: tuple[str, ...]  # globs relative to the root
    outputs: tuple[str, ...]  # globs relative to the root; at least one file must match each
    settings: tuple[str, ...] = ()  # environment variables the outputs depend on (part of the inputs' hash)
    #: Files the step writes only when an input exists (the rules page, from docs/factcheck.md): in the outputs'
    #: hash, so one deleted is remade, but not required.
    optional: tuple[str, ...] = ()
    #: The files the step makes by name, given the root, beyond what `outputs` finds (see `_outputs_present`).
    named: Callable[[Path], Iterable[str]] | None = None
    #: Whether what the step accepts depends on today's date (the build refuses a date in the future): today, as
    #: the step's own code reads it, is then one of its inputs (see `input_hash`).
    dated: bool = False
    #: Whether the step runs the notebooks' kernels: what they read beyond its inputs is stamped too (`kernel_reads`).
    kernels: bool = False

    @property
    def written(self) -> tuple[str, ...]:
        """Every file the step writes: what its outputs' hash covers."""
        return self.outputs + self.optional


def code(*stages: str) -> tuple[str, ...]:
    """A step's code inputs: the stages it runs (with their templates, styles and bundled fonts), the package's
    top-level modules, and the pinned libraries (a new pandas can change a table, a new font every chart). Only
    the code a step runs: editing a chart reruns the charts and what shows them, not the build. Any module at the
    checkout's top is code too: the main job runs there (the working folder comes first on its path) and the kernels
    have it on $PYTHONPATH, so a `sitecustomize.py` there ran in every kernel and a `seaborn.py` would shadow the
    library, while no stamp covered either; so is every module of a package there (`TOP_PACKAGES`). A template or
    font folder is taken whole, at any depth (`DATA_FOLDERS`)."""
    return ("*.py", TOP_PACKAGES, "analysis/*.py", "pyproject.toml", "constraints.txt",
            *(f"analysis/{stage}/**/{kind}" for stage in stages
              for kind in ("*.py", "*.mplstyle", *(f"{folder}/**/*" for folder in DATA_FOLDERS))))


#: The packages at the checkout's top, named by their `__init__.py`: read by `_files` as every module of each, at
#: any depth (`analysis.paths.package_modules`), not as a glob of the `__init__.py` files alone.
TOP_PACKAGES = "*/__init__.py"


#: The folders of files a stage's code reads beside it. Each is hashed with everything in it, however deep: Jinja
#: loads "parts/note.html.j2" from a subfolder of templates/ (`{% include %}`, `{% extends %}`), but only
#: `templates/*` was hashed, so a partial edited on its own left the pages it is part of stale and `make` said
#: "unchanged, skipped".
DATA_FOLDERS = ("templates", "fonts")




def every_file(folder: str = "") -> tuple[str, ...]:
    """Patterns for every file under `folder` (the root, when none) at any depth, less those `NOT_READ` names or
    holds ("!" leaves out)."""
    under = f"{folder}/" if folder else ""
    return (f"{under}**/*", *(f"!{under}**/{name}{tail}" for name in NOT_READ for tail in ("", "/**")))


#: What the notebooks' kernels may read: every file in notebooks/, their working folder and first on their path.
#: A module or package there is code they may import, and so is any module in a folder there ("from helpers import
#: fmt" imports notebooks/helpers/fmt.py as a namespace package); and a file read by its name beside the notebook
#: (`pd.read_csv("lookup.csv")`, `Image("map.png")`, `plt.style.use("desk.mplstyle")`) is data they read. Only
#: notebooks and modules were hashed, so editing a lookup CSV read that way left the published notebook and chart
#: with the old values and `make` said "notebooks: unchanged, skipped".
NOTEBOOK_FOLDER = every_file("notebooks")
#: And any file in data/ beside the record and the tables (`analysis.paths.BESIDE_DATA`): a lookup the analyst moved
#: out of data/raw, as the build asks, read as "../data/lookups/boroughs.csv". The record reaches the notebooks only
#: through the tables.
NOTEBOOK_DATA = (*every_file("data"), "!data/raw/**")

def notebooks_made(root: Path) -> Iterator[str]:
    """What the notebooks step makes by name: both copies of each of the project's notebooks, and each registered
    chart's five files (`analysis.publish.export.write_chart`)."""
    from analysis.paths import CHART_IDS, chart_files, notebook_stems

    for stem in notebook_stems(Paths(root).notebooks):
        yield from (f"outputs/notebooks/{stem}.{kind}" for kind in ("ipynb", "html"))
    for chart_id in CHART_IDS:
        yield from (f"outputs/charts/{chart_id}/{name}" for name in chart_files(chart_id).values())


#: Every stage: the notebooks run the package's whole public surface.
CODE = code("record", "tables", "factcheck", "publish", "run")
STEPS = (
    Step("build", "analysis.run.build", ("data/raw/**/*", *code("record", "tables", "factcheck"),
                                         "analysis/run/__init__.py", "analysis/run/build.py", "analysis/run/lock.py"),
         ("data/processed/*",), dated=True),
    Step("db", "analysis.publish.database", ("data/processed/*", *code("record", "tables", "factcheck"),
                                             "analysis/publish/__init__.py", "analysis/publish/database.py",
                                             "analysis/publish/db_metadata.py",
                                             "analysis/publish/datasette_plugins/*"),
         (f"outputs/{DB_NAME}", f"outputs/{DB_METADATA_NAME}"),
         # What SQLite reads beside the database as part of it: one there after a run makes the step run again.
         optional=tuple(f"outputs/{DB_NAME}{suffix}" for suffix in DB_COMPANION_SUFFIXES)),
    Step("check", "analysis.factcheck.report", ("data/processed/*", "docs/factcheck.md",
                                                *code("record", "tables", "factcheck")),
         (f"outputs/{REPORT_HTML}", f"outputs/{REPORT_MD}", f"outputs/{CLAIMREVIEW_NAME}", f"outputs/{METHODS_PAGE}"),
         (SITE_URL_ENV,), optional=(f"outputs/{RULES_PAGE}",)),
    Step("notebooks", "analysis.run.notebooks", ("data/processed/*", *NOTEBOOK_DATA, *NOTEBOOK_FOLDER, *CODE),
         ("outputs/notebooks/*", "outputs/charts/*/*"), (SITE_URL_ENV,), named=notebooks_made, kernels=True),
    Step("workbook", "analysis.publish.workbook",
         ("data/processed/*", "outputs/charts/*/*.json", "outputs/charts/*/*.csv",
          *code("record", "tables", "factcheck", "publish")),
         (f"outputs/{WORKBOOK_NAME}",), (SITE_URL_ENV,)),
    Step("gallery", "analysis.publish.gallery",
         # sources.csv and claims.csv give the edition's date (the latest date a source was read or a claim
         # corrected); with figures.csv and gaps.csv, the record's words a chart's short note quotes.
         ("outputs/charts/*/*", "outputs/factcheck*", f"outputs/{CLAIMREVIEW_NAME}", f"outputs/{WORKBOOK_NAME}",
          "outputs/notebooks/*.html", "notebooks/*.py",
          *(f"data/processed/{table}.csv" for table in GALLERY_TABLES),
          *code("record", "tables", "factcheck", "publish")),
         (f"outputs/{GALLERY_NAME}",), (SITE_URL_ENV,)),
)
#: What `python -m analysis all` tells the reader at the end: (label, path under the root).
RESULTS = (("gallery", f"outputs/{GALLERY_NAME}"), ("report", f"outputs/{REPORT_HTML}"),
           ("workbook", f"outputs/{WORKBOOK_NAME}"))


def _files(root: Path, patterns: Iterable[str]) -> list[Path]:
    """Every file the patterns match, less those a pattern starting with "!" matches, sorted. A symbolic link to a
    file counts as that file: the step reads it through the link (a linked notebook ran, but was left out of the
    hash, so editing it never reran the step). So does a file in a linked folder at any depth a `**` reaches
    (`_deep`)."""
    found: set[Path] = set()
    left_out = [pattern[1:].split("/") for pattern in patterns if pattern.startswith("!")]
    for pattern in patterns:
        if pattern == TOP_PACKAGES:
            found.update(package_modules(root))
        elif not pattern.startswith("!"):
            found.update(_deep(root, pattern, left_out) if "**" in pattern
                         else (p for p in root.glob(pattern) if p.is_file()))
    if left_out:
        found = {p for p in found if not any(_matches(p.relative_to(root).parts, out) for out in left_out)}
    return sorted(found)


def _deep(root: Path, pattern: str, left_out: Iterable[list[str]] = ()) -> Iterable[Path]:
    """The files a pattern with `**` matches, through linked folders too. pathlib's `**` (before Python 3.13's
    `recurse_symlinks`) does not enter a folder that is a symbolic link, yet Jinja, the import system and the
    kernels read through one: a template folder linked into `templates/` (`parts -> ../../shared`), or a package
    linked into a stage or into a folder of notebooks, was left out of every stamp, so editing a file in it left
    the pages or charts stale and `make` said "unchanged, skipped". A folder is not
    entered again below itself (a link to a parent folder ends there), nor one a pattern of `left_out` leaves out
    whole ("data/raw/**": the notebooks read the record through the tables; walked, it made each `make` slower).
    """
    pruned = [out[:-1] for out in left_out if out[-1:] == ["**"]]
    parts = pattern.split("/")
    fixed = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), len(parts))
    base, head = root.joinpath(*parts[:fixed]), tuple(parts[:fixed])
    wanted = parts[fixed:]

    def walk(folder: Path, rel: tuple[str, ...], above: frozenset[tuple[int, int]]) -> Iterator[Path]:
        try:
            st = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:  # gone, unreadable, or a dangling link: nothing of it can be read by the step either
            return
        here = above | {(st.st_dev, st.st_ino)}
        for entry in entries:
            path, sub = folder / entry.name, (*rel, entry.name)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:
                continue
            if is_file and _matches(sub, wanted):
                yield path
            elif (is_dir and (entry.stat().st_dev, entry.stat().st_ino) not in here
                  and not any(_matches((*head, *sub), out) for out in pruned)):
                yield from walk(path, sub, here)

    return walk(base, (), frozenset())


def _matches(parts: tuple[str, ...], pattern: list[str]) -> bool:
    """Whether a relative path's parts match a glob's parts, `**` standing for any number of folders (none too)."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_matches(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _matches(parts[1:], pattern[1:])


def content_hash(root: Path, patterns: Iterable[str]) -> str:
    """sha256 over the sorted relative paths and bytes of every file the patterns match (links followed), and
    whether each is a link: an output replaced by a link to an identical file elsewhere hashed the same, so the
    step was skipped and outputs/ kept a link whose target nobody watches (an upload would publish it, or a
    dangling link once the target goes). Now the step reruns and its writer puts a regular file back.

    A file removed between the folder's listing and its reading is left out, as `touched` leaves it out: vim writes
    and removes a file "4913" beside every file it saves (and its backup "name~"), so saving a raw file while `make`
    hashed data/raw failed the whole job with "No such file or directory"."""
    return _hash_files(root, _files(root, patterns))


def _hash_files(root: Path, files: Iterable[Path]) -> str:
    """`content_hash` of the files given (under `root`)."""
    digest = hashlib.sha256()
    linked: dict[Path, bool] = {}
    for path in files:
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # gone since the folder was listed: hashed as the folder now is, without it
            continue
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0link\0" if path.is_symlink() or _in_a_linked_folder(path, root, linked) else b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _in_a_linked_folder(path: Path, root: Path, linked: dict[Path, bool]) -> bool:
    """Whether a folder between `root` and `path` is a symbolic link (each folder asked once, kept in `linked`).
    A chart's folder replaced by a link to a copy elsewhere hashed as the real folder had: `make` skipped, and the
    next export wrote through the link, outside the checkout. Now the step reruns and the export puts a real folder
    back (`analysis.publish.export.write_chart`)."""
    folder = path.parent
    if folder == root or not folder.is_relative_to(root):
        return False
    if folder not in linked:
        linked[folder] = folder.is_symlink() or _in_a_linked_folder(folder, root, linked)
    return linked[folder]


def _outputs_present(root: Path, step: Step) -> bool:
    """Whether each output pattern finds a file and each file the step makes by name (`Step.named`) is there. The
    outputs' hash is taken after the step, from what is there then: a notebook's copy removed while the notebooks ran
    (outputs/notebooks tidied by hand in another window) was hashed as absent, so the next `make` said "notebooks:
    unchanged, skipped" and the copy stayed missing (the gallery left it out) until `make force`."""
    return (all(any(p.is_file() for p in root.glob(pattern)) for pattern in step.outputs)
            and all((root / rel).is_file() for rel in (step.named(root) if step.named else ())))


def libraries() -> str:
    """The distributions installed where this Python imports from, with their versions (the names of their
    `*.dist-info` folders: one directory listing, ~2 ms). constraints.txt pins them, but a library upgraded in .venv
    by hand (`pip install -U matplotlib`) changes charts and tables while no input of any step changed, and `make`
    kept the old outputs. Each folder is named with when it was written (inode, mtime) and so is its RECORD: the
    same version reinstalled from other files (a local wheel, `--force-reinstall`) keeps the name but not those. A
    `.pth` file is named with its content: one added or edited puts other code on the path (an editable install, a
    folder shadowing a library) and the name list never changed; so is a `sitecustomize.py`, which every process
    runs first. $PYTHONPATH is part of it too: a folder on it shadows an installed library as a `.pth` file does.
    So is the `runtime` beneath the libraries, and what the system's IPython folders hold (`IPYTHON_FOLDERS`), and
    the modules in the folders the import path takes from outside the environment (`import_folders`). And each
    module lying loose in a library folder, by its content (compiled: as written): a desk's helper copied into
    .venv's site-packages so that every notebook imports it (`deskhelp.py`) belongs to no distribution, so no
    dist-info named it, and the kernels' hook leaves the environment's files to these stamps; after it was edited
    `make` said "notebooks: unchanged, skipped" with chart 2 as the old helper drew it."""
    folders = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    names: set[str] = {f"PYTHONPATH={os.environ.get('PYTHONPATH', '')}", runtime()}
    names.update(f"{folder} {content_hash(Path(folder), ('**/*',))}" for folder in IPYTHON_FOLDERS)
    names.update(f"import {place} {modules_held(place)}" for place in import_folders(folders))
    # A folder on $PYTHONPATH is searched for sitecustomize.py at every start, as the site folders are; and so is the
    # standard library's own folder, where Debian and Ubuntu put one (a link to /etc/python3.X/sitecustomize.py,
    # which every Python made from the system's, .venv's too, runs first).
    for folder in (*filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep)), os.path.dirname(os.__file__)):
        for name in ("sitecustomize.py", "usercustomize.py"):
            names.add(f"{folder}/{name} {_content(os.path.join(folder, name))}")
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.name.endswith((".dist-info", ".egg-info")):
                    names.add(f"{entry.name} {_written(entry.path)} {_written(os.path.join(entry.path, 'RECORD'))}")
                elif entry.name.endswith(".pth") or entry.name in ("sitecustomize.py", "usercustomize.py") \
                        or entry.name.endswith(".py") and entry.is_file():
                    names.add(f"{entry.name} {_content(entry.path)}")
                elif entry.name.endswith(MODULE_SUFFIXES) and entry.is_file():  # a compiled module: as written
                    names.add(f"{entry.name} {_written(entry.path)}")
    return "\n".join(sorted(names))


#: The folders every IPython kernel reads config and startup files from besides the user's profile (which the
#: notebook runner replaces with an empty one of its own): IPython's ENV_CONFIG_DIRS and SYSTEM_CONFIG_DIRS, named
#: here so that `make` need not import IPython to stamp them (a test checks they are IPython's). A kernel config
#: there (`ast_node_interactivity = "none"`) changes every notebook's outputs.
IPYTHON_FOLDERS = (os.path.join(sys.prefix, "etc", "ipython"),
                   *((os.path.join(os.environ.get("PROGRAMDATA", ""), "ipython"),) if os.name == "nt"
                     else ("/usr/local/etc/ipython", "/etc/ipython")))


@functools.cache
def runtime() -> str:
    """The interpreter and the machine's C libraries that write outputs' bytes, which no dist-info names: SQLite
    (the system's libsqlite3, which writes its version into cse.db's header and builds its full-text index) and
    zlib (the workbook's zip). A system upgrade replaces them under an unchanged .venv, and `make` kept the
    database an older SQLite wrote. Read once: a process keeps the libraries it loaded."""
    import sqlite3
    import zlib

    return f"python {sys.version}; sqlite {sqlite3.sqlite_version}; zlib {zlib.ZLIB_RUNTIME_VERSION}"


def _written(path: str) -> str:
    """When and where a file or folder was last written (inode, size, mtime in ns), or "-" when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def _content(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "-"


def input_hash(root: Path, step: Step) -> str:
    """The hash of what a step reads: its input files, the libraries it runs on (`libraries`) and the settings it
    reads from the environment (a new CSE_SITE_URL changes every absolute link, yet `make` skipped the steps and
    kept the old address). For a `dated` step, the date the record's dates are judged by (`today_anywhere`) too: the
    build refuses a source read "in the future", so with the clock put back a day `make` skipped the build as valid
    while a clean build refused it. The build then reruns once a day (~4 s); what it writes is the same, so the later
    steps stay skipped."""
    settings = "\0".join(f"{name}={os.environ.get(name, '')}" for name in step.settings)
    if step.dated:
        from analysis.record import clock

        settings += f"\0today={clock.today_anywhere().isoformat()}"
    files = content_hash(root, step.inputs)
    outside = code_run_from_outside(root, step)
    return hashlib.sha256(f"{files}\0{settings}\0{libraries()}\0{outside}".encode()).hexdigest()


def code_run_from_outside(root: Path, step: Step) -> str:
    """The hash of a step's code where it runs, when `root` holds no package of its own ("" when it does: its own
    patterns hash it). A project of data and notebooks only (`python -m analysis all --root <folder>`, as the
    test session lays one out) has nothing for the code patterns to find, so after a chart's module was edited in
    the checkout every step said "unchanged, skipped" and the run ended naming every output as made by another
    version of the code, exit 1, however often it was run again. (A project with a package other than the one
    running is refused: `other_code`.)"""
    outside = _code_outside(root, step)
    return _hash_files(PROJECT_ROOT, outside) if outside else ""


def _code_outside(root: Path, step: Step) -> list[Path]:
    """The files `code_run_from_outside` hashes for `root` (none when it holds the package)."""
    if (root / "analysis" / "__init__.py").is_file():
        return []
    return _files(PROJECT_ROOT, [pattern for pattern in step.inputs if pattern.startswith("analysis/")
                                 or pattern in code()])


def touched(root: Path, step: Step) -> tuple[tuple[str, int, int, int, int, str], ...]:
    """When and where each input was last written (path, inode, size, mtime and ctime in ns, and the links on its
    way: `link_marks`): compared before and after a step, it sees an input edited during the step and put back as
    it was, which the content hash cannot (the ctime too: `cp -p` or `touch -d` can put an old mtime back, nothing
    can put back a ctime)."""
    marks = []
    links: dict[Path, str] = {}
    for path in _files(root, step.inputs):
        try:
            own = os.lstat(path)  # a regular file's own marks are its target's: one call, not two
            st = os.stat(path) if stat.S_ISLNK(own.st_mode) else own
        except OSError:
            continue
        linked = link_marks(path.parent, root, links)
        if st is not own:
            linked += f"{path.name}:{own.st_ino}:{own.st_ctime_ns};"
        marks.append((path.relative_to(root).as_posix(), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns,
                      linked))
    return tuple(marks)


def link_marks(path: Path, root: Path, seen: dict[Path, str]) -> str:
    """Each symbolic link on the way from `root` to the folder `path` (`touched` adds the file itself), as when it
    was made (inode and ctime of the link itself, which `stat` follows past; each folder asked once, kept in `seen`).
    A notebook linked in from elsewhere, pointed at another copy while the notebooks ran (`ln -sfn`) and pointed
    back before they ended, ran in the other version, yet `stat` saw the same target file before and after and
    the step was stamped current: the next `make` skipped with the other version's outputs.
    Re-pointing a link makes a new link, so its own marks cannot be put back."""
    if path in seen:  # most inputs share a handful of folders: asked first, before any comparison of paths
        return seen[path]
    if path == root or not path.is_relative_to(root):
        seen[path] = ""
    else:
        above = link_marks(path.parent, root, seen)
        try:
            st = os.lstat(path)
        except OSError:
            seen[path] = above
        else:
            seen[path] = f"{above}{path.name}:{st.st_ino}:{st.st_ctime_ns};" if stat.S_ISLNK(st.st_mode) else above
    return seen[path]


def stamp(root: Path, step: Step) -> dict[str, str]:
    """What a step's last successful run saw and left: the hash of its inputs and of its outputs."""
    return {"inputs": input_hash(root, step), "outputs": content_hash(root, step.written)}


def is_current(root: Path, step: Step, stamps: dict[str, dict[str, Any]]) -> bool:
    """True when the step's inputs and outputs are byte for byte what its last successful run saw and left, and so
    is every other file its kernels read then (`kernel_reads`)."""
    saved = stamps.get(step.name) or {}
    return (_outputs_present(root, step) and {key: saved.get(key) for key in ("inputs", "outputs")} == stamp(root, step)
            and all(read_digest(str(root / path)) == digest for path, digest in saved.get(READ, {}).items()))


#: The stamp's record of the files a step's kernels read that none of its patterns names: path → sha256, the path
#: relative to the root when it is under it (`_as_stamped`).
READ = "read"


def kernel_reads(root: Path, step: Step) -> tuple[dict[str, str], list[str]]:
    """The files the step's kernels read (`analysis.run.kernels.record_reads`) that its inputs and outputs do not
    cover, each with its hash as read, and what no stamp can keep: those files changed since (or read in two
    versions by two kernels), what the kernels read from the network (said as "from the network: <address>") and
    the programs a notebook started ("through another program: sh -c cat"), which read what no kernel's log shows.

    The step's patterns name where a notebook may keep what it reads (notebooks/, data/); one reading a lookup
    kept elsewhere, at the checkout's top or in a desk's folder outside it, was stamped without it, so after the
    lookup was edited `make` said "notebooks: unchanged, skipped" and kept the chart drawn from the old one.

    A file the step itself writes is kept by its outputs' hash, not here; but one a notebook read in another version
    than the step left is "changed" too: notebook 06 showing chart 2 beside its own (`Image("../outputs/charts/
    met-cse-series/met-cse-series.png")`) ran on one kernel before notebook 02 exported the new chart on the other,
    so its published copy held the old chart while the step was stamped, and every `make` after skipped it."""
    if not step.kernels:
        return {}, []
    from analysis.paths import KERNEL_READS_NAME

    seen: dict[str, set[str]] = {}
    for log in sorted((Paths(root).cache / KERNEL_READS_NAME).glob("*.tsv")):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            for line in log.read_text(encoding="utf-8", errors="surrogateescape").splitlines():
                digest, _, path = line.partition("\t")
                seen.setdefault(path, set()).add(digest)
    online = [f"{UNKEPT[kind]}: {place}" for place, digests in sorted(seen.items()) for kind in sorted(digests)
              if kind in UNKEPT]
    seen = {path: digests for path, digests in seen.items() if not digests & UNKEPT.keys()}
    covered = {p.resolve() for p in (*_files(root, step.inputs), *_code_outside(root, step))}
    cache = Paths(root).cache.resolve()
    read: dict[str, str] = {}
    changed = online
    for path, digests in sorted(seen.items()):
        real = Path(path).resolve()
        if real in covered or real.is_relative_to(cache) \
                or (min(digests).startswith("dir:") or min(digests) == GONE) and _walked(root, step, real):
            continue
        if not _written_by(root, step, real):  # the step's own outputs are in its outputs' hash
            read[_as_stamped(root, path)] = min(digests)
        if len(digests) > 1 or read_digest(path) != min(digests):
            changed.append(path)
    return read, changed


def _as_stamped(root: Path, path: str) -> str:
    """A file the kernels read, as the stamp names it: relative to the root when under it, so a copy of the project
    (`cp -a edition-2025 edition-2026`, then `all --root` on the copy) checks its own lookup, not the original's,
    which its stamp named; any other path as read."""
    return Path(path).relative_to(root).as_posix() if Path(path).is_relative_to(root) else path


def _walked(root: Path, step: Step, folder: Path) -> bool:
    """Whether the step's own patterns walk `folder`, or a folder in it, or one it is in (the import system lists
    each package's folder, the notebooks' marks list data/ and the checks list outputs/): what comes and goes
    there the patterns see, and its listing changes with every output a step beside the notebooks writes. So is a
    file looked for there and not found (a chart's folder before its first export): one made there is seen by them."""
    real_root = root.resolve()
    if not folder.is_relative_to(real_root):
        return False
    parts = folder.relative_to(real_root).parts
    for pattern in (*step.inputs, *step.written):
        fixed = []
        for part in pattern.lstrip("!").split("/")[:-1]:
            if any(c in part for c in "*?["):
                break
            fixed.append(part)
        if fixed and (parts[:len(fixed)] == tuple(fixed) or tuple(fixed[:len(parts)]) == parts):
            return True
    return False


def _written_by(root: Path, step: Step, path: Path) -> bool:
    """Whether `path` is one of the files the step writes (a chart its export reads back to hash it)."""
    real_root = root.resolve()
    if not path.is_relative_to(real_root):
        return False
    parts = path.relative_to(real_root).parts
    return any(_matches(parts, pattern.split("/")) for pattern in step.written)


def _load_stamps(root: Path) -> dict[str, dict[str, Any]]:
    """The stamps of the last runs; anything unreadable (corrupt, truncated, a folder, not UTF-8) means none."""
    try:
        loaded = json.loads((Paths(root).cache / STAMPS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {k: v for k, v in loaded.items() if isinstance(v, dict)}


def _save_stamps(root: Path, stamps: dict[str, dict[str, Any]]) -> None:
    """Record the stamps; if they cannot be written the next run simply redoes the steps (said in one line)."""
    path = Paths(root).cache / STAMPS_NAME
    tmp = path.with_name(f".{STAMPS_NAME}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(stamps, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        # Removing the scratch copy can fail for the same reason (a read-only checkout refuses even the removal of
        # a file that is not there): this note, and the failed step's own line after it, must still be said.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        print(f"note: step stamps not saved ({err.strerror or err}); the next run redoes every step")


def _run_step(step: Step, paths: Paths, pool: object | None) -> int:
    if step.name == "notebooks":
        from analysis.run import notebooks as run_notebooks

        out = paths.outputs / "notebooks"
        outcomes = run_notebooks.run_all(paths, out, pool=pool,  # type: ignore[arg-type]
                                         timings=paths.cache / NOTEBOOK_TIMINGS_NAME)
        return run_notebooks.report(outcomes, out, paths)
    module = importlib.import_module(step.module)
    sub = argparse.ArgumentParser()
    module.add_arguments(sub, step.name)
    args = sub.parse_args(["--root", str(paths.root)])
    args.command = step.name
    return int(module.run(args) or 0)


def _index(name: str) -> int:
    return next((i for i, step in enumerate(STEPS) if step.name == name), -1)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("--force", action="store_true", help="run every step even if its inputs are unchanged")


def other_code(root: Path) -> str | None:
    """Why this process may not stamp `root`'s steps, or None: `root` holds a package of its own that is not the
    one running. Its stamps hash `root`'s code, but the steps (and the kernels, whose path starts with the running
    package's checkout) run this code: `python -m analysis all --root R` started from another checkout, or with
    another checkout's .venv (its editable install), stamped R's edited chart as made while the outputs came from
    the other code, and `make` in R then skipped every step with the edit never drawn."""
    package = root / "analysis"
    if not (package / "__init__.py").is_file() or package.resolve() == (PROJECT_ROOT / "analysis").resolve():
        return None
    return (f"python -m analysis all: this is the code of {PROJECT_ROOT}, not of {root}, whose outputs it would "
            f"stamp as made by {root}'s own code; run `make` in {root} (its own .venv) instead")


def hash_checked_bytecode(root: Path) -> None:
    """Have Python check each of the project's compiled modules against its source's content, not its file time.

    Python reuses a module's `.pyc` while the source's mtime (in whole seconds) and size are those it was compiled
    from. An edit that keeps both (`cp -p`, `rsync -t`, `touch -r`, or two saves in one second) changed the stamp's
    content hash, so the step ran again, but from the old bytecode, and was stamped with the new code: a chart kept
    its old subtitle, `make` then said "unchanged, skipped" and `make force` drew the old one too.
    A pyc written to be checked against its source's hash (`CHECKED_HASH`) is checked at every import, and
    Python keeps it so when it rewrites it. Each run rewrites so each pyc that is there and is not yet (reading 8
    bytes of each; with $PYTHONDONTWRITEBYTECODE Python still reads the pycs it finds, and writes none). The modules
    this job imported before it got here (the command line, paths, this runner) stay as loaded. So are the modules
    of the folders the kernels import from outside the environment (`import_folders`): a desk's helper on
    $PYTHONPATH edited with its size and time kept was stamped as run while the kernel ran its old bytecode."""
    import importlib.util
    import py_compile

    outside = (Path(module) for place in import_folders() for module in module_files(place))
    for path in (*_files(root, (*CODE, *NOTEBOOK_FOLDER)), *outside):
        if path.suffix != ".py":
            continue
        cached = importlib.util.cache_from_source(str(path))
        try:
            with open(cached, "rb") as handle:
                head = handle.read(8)
        except OSError:  # none: Python compiles it at import (as a timestamp pyc, checked here next run)
            continue
        if head[:4] == importlib.util.MAGIC_NUMBER and len(head) == 8 and head[4] & 0b11 == 0b11:
            continue
        with contextlib.suppress(OSError, py_compile.PyCompileError):
            py_compile.compile(str(path), cfile=cached, doraise=True,
                               invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    refused = other_code(paths.root)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    with build_lock(paths):
        hash_checked_bytecode(paths.root)
        sweep_scratch(paths.outputs)
        return _run_all(args, paths)


#: Steps that read nothing the notebooks write and write nothing they read. When the notebooks run on kernels
#: started ahead, these run meanwhile in this process, which mostly waits on the kernels then, instead of before
#: them: the notebooks start ~0.5 s sooner. (Their order among themselves is kept; so is what each reads.)
ALONGSIDE_NOTEBOOKS = ("db", "check")


def _run_all(args: argparse.Namespace, paths: Paths) -> int:
    root = paths.root
    stamps = {} if args.force else _load_stamps(root)
    # Start the notebooks' kernels now if the notebooks will probably run: when they, or any step before them
    # whose outputs may be their inputs, are out of date. Otherwise none are started up front; should an earlier
    # step change the notebooks' inputs after all, the notebooks step starts its own.
    pool = None
    # The code as the job starts: this process imports the package as its steps run, and the kernels as they boot,
    # before a later step takes its own stamp's "before" (see `_finish`).
    started = code_snapshot(root)
    feeding = [s for s in STEPS[:_index("notebooks") + 1] if s.name not in ALONGSIDE_NOTEBOOKS]
    if any(not is_current(root, step, stamps) for step in feeding):
        from analysis.run import notebooks as run_notebooks

        pool = run_notebooks.start_pool(paths)
        print(f"notebooks: starting {pool.size} kernels while the steps before them run")
    deferred: list[Step] = []
    try:
        for step in STEPS:
            if is_current(root, step, stamps):
                print(f"{step.name}: unchanged, skipped")
                if step.name == "notebooks":  # nothing to run alongside: what waited for them runs now
                    if pool is not None:
                        pool.stop_kernels()
                    code = _run_in_turn(deferred, paths, stamps, started)
                    if code:
                        return code
                    deferred = []
                continue
            if pool is not None and step.name in ALONGSIDE_NOTEBOOKS:
                deferred.append(step)
                continue
            if step.name == "notebooks":
                code = _alongside(step, deferred, paths, pool, stamps, started)
                deferred = []
            else:
                code = _run_in_turn([step], paths, stamps, started)
            if code:
                return code
            if step.name == "notebooks" and pool is not None:
                pool.stop_kernels()  # their work is done: free their cores and memory (closed, waited for, below)
    finally:
        if pool is not None:
            pool.close()
    print_results(paths)
    return say_raw_changed(paths)


def say_raw_changed(paths: Paths) -> int:
    """Say, last, when data/raw changed after the build read it: a correction saved while a later step ran (the
    notebooks take half a minute) is in none of the outputs just listed, and the run ended with the results and
    nothing else, so the gallery and report it pointed to were taken for the corrected edition. Every step is
    stamped truly (each read the build it was given) and the next `make` rebuilds; this only says so now, with the
    one check the commands make (`analysis.tables.load.behind_raw`). Exit 0: the outputs agree with each other.

    Otherwise asks what `gallery` run alone would ask of the files the run's gallery just linked: a `git pull` or a
    sync client bringing another build into data/processed while the run read it (no build lock stops either) left
    charts, notebook copies, the report or the database written from the build before beside files written from
    the one after, and the run ended with its results, exit 0, one "changed while it ran" line above. Each file is
    marked with what it read (`analysis.tables.load.as_read`), so those files are named, and the exit is 1. The
    same when another program wrote into outputs/ meanwhile (a notebook in JupyterLab exporting a chart by hand,
    from a kernel that read the tables before the build): that is said too, not only a pull. So is code (or
    docs/factcheck.md) changed, or another branch checked out, after the step that read it, and a notebook edited
    after the notebooks ran it (each output names the code and the notebook it was made by): the run ended exit 0
    with outputs the next `make` remakes."""
    from analysis.paths import CHART_IDS, notebook_stems
    from analysis.tables.load import (
        behind_raw,
        charts_behind,
        copies_behind,
        copies_not_as_run,
        for_another_site,
        made_by_other_code,
        outputs_behind,
        workbook_behind_charts,
    )

    line = behind_raw(paths)
    if line:
        print(f"note: {printable(line)}; the outputs listed above hold the record as the build read it",
              file=sys.stderr)
        return 0
    stems, copies = notebook_stems(paths.notebooks), paths.outputs / "notebooks"
    mixed = [found for found in (charts_behind(CHART_IDS, paths.outputs / "charts", paths),
                                 copies_behind(stems, copies, paths), outputs_behind(paths.outputs, paths),
                                 workbook_behind_charts(paths.outputs, paths),
                                 for_another_site(paths.outputs, paths),
                                 made_by_other_code(paths.outputs, stems, paths),
                                 copies_not_as_run(stems, copies, paths))
             if found]
    if mixed:
        print(f"note: data/processed, a notebook or the code changed while this run read it, or another program wrote "
              f"into outputs/ (a `git pull` or another branch checked out, a sync client, a chart exported by hand "
              f"from JupyterLab?), and the outputs listed above are not all what this checkout holds now: "
              f"{printable('; '.join(mixed))}", file=sys.stderr)
        return 1
    return 0


#: What a step saw of its inputs when it started: their content hash and `touched` marks.
#: What `touched` reads: each input's path and marks.
Marked = tuple[tuple[str, int, int, int, int, str], ...]
Before = tuple[str, Marked]
#: What one attempt at a step gives: its exit code, seconds, its inputs (`Before`) and outputs as it started.
Attempt = tuple[int, float, Before, Marks]
#: An attempt that never ran (the pool was closed under it).
NOT_RUN: Attempt = (1, 0.0, ("", ()), {})
#: Every step's code: what this process and the notebooks' warm kernels import (see `_finish`).
_CODE = Step("code", "", CODE, ())


def code_snapshot(root: Path) -> Before:
    """The package's code as it is now (content hash and `touched` marks)."""
    return input_hash(root, _CODE), touched(root, _CODE)


def _attempt(step: Step, paths: Paths, pool: object | None) -> Attempt:
    """Run one step; its exit code, seconds, its inputs as they were when it started (a stamp must describe
    what the step read, not what the files became while it ran) and when its outputs were last written (a failed
    step must not leave a mix of two runs). A full disk or an unwritable folder is one line, not a traceback."""
    inputs = (input_hash(paths.root, step), touched(paths.root, step))
    outputs = output_marks(paths.root, step.written)
    started = time.perf_counter()
    try:
        code = _run_step(step, paths, pool)
    except OSError as err:
        print(os_error_line(step.name, err), file=sys.stderr)
        code = 1
    return code, time.perf_counter() - started, inputs, outputs


def _run_in_turn(steps: list[Step], paths: Paths, stamps: dict[str, dict[str, Any]], started: Before,
                 alongside: tuple[str, ...] = ()) -> int:
    """Run steps one after another; stop at the first that fails and return its exit code (0 if none failed).
    `alongside` names a step already running beside them: a failure does not say it "did not run"."""
    for step in steps:
        attempt = _attempt(step, paths, None)
        if not _finish(step, attempt, paths.root, stamps, started, alongside):
            return attempt[0]
    return 0


def _alongside(notebooks: Step, others: list[Step], paths: Paths, pool: object | None,
               stamps: dict[str, dict[str, Any]], started: Before) -> int:
    """Run the notebooks on their kernels and, meanwhile, `others` here, in turn; the first failure's exit code.

    What the others print is held and written between two updates of the notebooks' progress bar, not through
    it. If one of them fails, the notebooks still finish (their kernels are busy) but the job stops after them.
    """
    outcome: list[Attempt] = []

    def run_notebooks() -> None:
        try:
            outcome.append(_attempt(notebooks, paths, pool))
        except CancelledError:  # the pool was closed under it (Ctrl-C here): the interruption is said once, above
            outcome.append(NOT_RUN)

    # A daemon: after Ctrl-C here the pool is closed under it, and a waiting thread must not keep Python from exiting.
    worker = threading.Thread(target=run_notebooks, name="notebooks", daemon=True)
    worker.start()
    held = io.StringIO()
    with contextlib.redirect_stdout(held):
        code = _run_in_turn(others, paths, stamps, started, alongside=(notebooks.name,))
    if held.getvalue():
        from tqdm import tqdm

        tqdm.write(held.getvalue().rstrip("\n"))
    worker.join()
    if code:
        print(f"{notebooks.name}: ran alongside, but not stamped after that failure: the next run redoes them")
        return code
    attempt = outcome[0] if outcome else NOT_RUN
    return 0 if _finish(notebooks, attempt, paths.root, stamps, started) else attempt[0]


def _finish(step: Step, attempt: Attempt, root: Path, stamps: dict[str, dict[str, Any]],
            started: Before | None = None, alongside: tuple[str, ...] = ()) -> bool:
    """Stamp a step that succeeded; clean up after one that failed (said in one line). True when it succeeded.

    An input edited while the step ran (a notebook saved mid-run, a raw file changed during the build, or changed
    and put back) leaves the step unstamped, and says so: its outputs may have been made from another version of
    it, so the next run must redo it. So does code changed since the job `started`: this process and the warm
    kernels import the package before a later step takes its "before" (the kernels while the build runs, the
    workbook's tables code with the build), so code saved in between ran in its old version yet matched the stamp.
    A failed step leaves no empty output and no mix of two runs (analysis/run/outputs.py)."""
    code, seconds, inputs, outputs = attempt
    if code != 0:
        remove_empty_outputs(root, step.written)
        say_removed(step.name, root, remove_unremade(outputs, output_marks(root, step.written)))
        stamps.pop(step.name, None)
        _save_stamps(root, stamps)
        later = [s.name for s in STEPS[_index(step.name) + 1:] if s.name not in alongside]
        print(f"{step.name}: failed (exit {code})" + (f"; {', '.join(later)} did not run after it, so their files "
                                                      "in outputs/ may be from an earlier run" if later else ""))
        return False
    now, after = stamp(root, step), touched(root, step)
    read, read_changed = kernel_reads(root, step)
    if (now["inputs"], after) != inputs or (started is not None and code_snapshot(root) != started) or read_changed:
        stamps.pop(step.name, None)
        _save_stamps(root, stamps)
        what = (f"its notebooks read what no stamp can keep ({printable(', '.join(read_changed[:3]))}: changed "
                "while they ran, or not a file they opened)" if read_changed
                else f"{_changed(inputs[1], after)} changed while it ran")
        print(f"{step.name}: done in {seconds:.1f}s, but {what}: not stamped, so the next run redoes it")
        return True
    rewritten = _not_as_written(root, step)
    if rewritten:
        stamps.pop(step.name, None)
        _save_stamps(root, stamps)
        print(f"{step.name}: done in {seconds:.1f}s, but its outputs are not all as it wrote them ({rewritten}): not "
              "stamped, so the next run redoes it")
        return True
    stamps[step.name] = {**now, READ: read} if read else now
    _save_stamps(root, stamps)
    print(f"{step.name}: done in {seconds:.1f}s")
    return True


def _not_as_written(root: Path, step: Step) -> str:
    """Why the charts a step exported are not the files its export wrote ("" when they are, or it exports none).
    Its outputs are hashed into its stamp when it ends, so a chart's CSV saved by Excel, or a chart exported by
    hand from JupyterLab, while the notebooks ran was stamped as the step's own: the next `make` said "notebooks:
    unchanged, skipped" and kept it (and, since the workbook and gallery check each chart's files, refused at its
    end every time). Each chart's sidecar names its files by their hashes (`analysis.tables.load.charts_behind`)."""
    if "outputs/charts/*/*" not in step.outputs:
        return ""
    from analysis.paths import CHART_IDS
    from analysis.tables.load import charts_behind

    return charts_behind(CHART_IDS, root / "outputs" / "charts", Paths(root))


def _changed(before: Marked, after: Marked) -> str:
    """The inputs whose marks differ between two `touched` readings, as the message names them (three at most), or
    "an input or the code" when none does (the content alone, or code outside the step). Named, a file the step's
    own code writes among its inputs (a notebook saving "export.csv" beside itself, which is then re-run by every
    `make`) is found at once rather than read as someone else's edit."""
    paths = sorted({marks[0] for marks in set(before) ^ set(after)})
    if not paths:
        return "an input or the code"
    more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
    return printable(f"{', '.join(paths[:3])}{more}")


def print_results(paths: Paths) -> None:
    """Where the results are: the first thing a reporter needs after `make`, and the last thing it prints."""
    print("results:")
    for label, rel in RESULTS:
        path = paths.root / rel
        if path.is_file():
            print(f"  {label:<9} {rel}  ({path.resolve().as_uri()})")
    if site_url() == DEFAULT_SITE_URL:
        # The gallery's embed code, the charts' credits and ClaimReview carry absolute addresses: published as they
        # are, every one points at a placeholder domain, and nothing else says so.
        print(f"note: absolute links in these files start from the placeholder {DEFAULT_SITE_URL}; set "
              f"{SITE_URL_ENV} to the address you publish outputs/ at, then run `make` again")
