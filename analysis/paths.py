"""Every path the project uses, anchored on this package's own file.

Notebooks run from `notebooks/`, tests from a temporary folder, the CLI from anywhere: all of them find the data
through here. Tests that need a scratch copy of the project pass a `root` to `Paths`, so nothing relies on the
working directory or on global state.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paths:
    """The project's folders and files, relative to one root (the repository by default)."""

    root: Path = PROJECT_ROOT

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def sources_yaml(self) -> Path:
        return self.raw / "sources.yaml"

    @property
    def figures_dir(self) -> Path:
        return self.raw / "figures"

    @property
    def gaps_yaml(self) -> Path:
        return self.raw / "gaps.yaml"

    @property
    def claims_yaml(self) -> Path:
        return self.raw / "claims.yaml"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def cache(self) -> Path:
        """Local bookkeeping that is not a product (step stamps, notebook timings); git-ignored."""
        return self.root / ".cache"

    def rel(self, path: Path) -> str:
        """A path as users see it in messages and the datapackage names it: relative to the root, with forward
        slashes. Read by its name first, so a folder linked in (data/ a link to a shared copy) keeps its place in the
        project ("data/raw/claims.yaml"), not the machine path the link leads to; then as resolved."""
        try:
            inside = path.relative_to(self.root)
            if ".." not in inside.parts:
                return inside.as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


DEFAULT = Paths()


#: How a notebook of the project is named: its number, then lower-case words joined by "_" ("01_inspections"). A
#: copy beside one is not a notebook of the project: JupyterLab's "Duplicate" ("01_inspections-Copy1"), a sync
#: client's conflicted copy ("01_inspections (Jane Doe's conflicted copy 2026-12-06)", "01_inspections-DESKTOP-1AB2C3D",
#: "01_inspections (1)"), the Finder's "01_inspections copy". Each was run as one more notebook, listed in the gallery,
#: and its chart export raced the original's for the published chart: the last to finish was published.
NOTEBOOK_NAME = re.compile(r"[0-9]+(?:_[a-z0-9]+)+")


def _numbered(notebooks_dir: Path) -> set[str]:
    """The names of the notebooks and paired scripts in `notebooks_dir` that start with a number, without a further
    dot: the `01_x.nbconvert.ipynb` a plain `jupyter nbconvert --execute` leaves behind is left out without a word."""
    found = {p.stem for pattern in ("[0-9]*.ipynb", "[0-9]*.py") for p in notebooks_dir.glob(pattern)}
    return {stem for stem in found if "." not in stem}


def notebook_stems(notebooks_dir: Path) -> list[str]:
    """The project's notebooks by name, in reading order (their names start with their number): `01_x` for
    01_x.ipynb and its paired 01_x.py, named as `NOTEBOOK_NAME` says."""
    return sorted(stem for stem in _numbered(notebooks_dir) if NOTEBOOK_NAME.fullmatch(stem))


def notebook_source(notebooks_dir: Path, stem: str) -> Path:
    """The file a project notebook runs from: its .ipynb, else its paired .py (`make` runs the .ipynb)."""
    ipynb = notebooks_dir / f"{stem}.ipynb"
    return ipynb if ipynb.exists() else notebooks_dir / f"{stem}.py"


#: Names in notebooks/ that no notebook reads: hidden files and folders (JupyterLab's .ipynb_checkpoints, editors'
#: swap files, .DS_Store), compiled bytecode, editors' backups ("name~", "#name#").
NOT_READ = (".*", "__pycache__", "*~", "#*#")


def import_folders(site_folders: Iterable[str] | None = None) -> list[str]:
    """The folders (or single modules) outside the environment's own library folders (whose libraries the
    stamps name by their dist-info, `analysis.run.pipeline.libraries`) that this Python and the kernels it starts
    import from, less the checkout (each step hashes the code it runs there): each folder on $PYTHONPATH, each a
    `.pth` file in a site folder names by its path, and each package an editable install's finder maps (`pip
    install -e ~/newsroom-tools`: setuptools writes a `.pth` naming the folder, or a finder module whose `MAPPING`
    names each package; uv's `_<name>.pth`). Only the name was hashed, or the `.pth` file's text: a notebook drawing
    its chart through a desk's helper module kept there (`import deskhelp`) was stamped without it, so after the
    helper was edited `make` said "notebooks: unchanged, skipped" and the chart stayed as the old helper drew it.
    The project's own package is never one: the steps and the kernels import it from the checkout
    (`analysis.run.pipeline.other_code`)."""
    import contextlib
    import sysconfig

    known = sysconfig.get_paths()
    if site_folders is None:
        site_folders = {known[key] for key in ("purelib", "platlib") if key in known}
    # Not a relative folder ("."): it names the working folder of each process, the checkout for the main job and
    # notebooks/ for the kernels, whose files the steps hash already; resolved here, the kernels' marks named
    # notebooks/ and the job's did not, and every chart was "drawn by another version of the code".
    found = [folder for folder in os.environ.get("PYTHONPATH", "").split(os.pathsep) if os.path.isabs(folder)]
    for site in site_folders:
        with contextlib.suppress(OSError):
            for entry in sorted(os.scandir(site), key=lambda e: e.name):
                if entry.name.endswith(".pth"):
                    found += [os.path.join(site, line.strip()) for line in _pth_lines(entry.path)]
                elif entry.name.startswith("__editable__") and entry.name.endswith("_finder.py"):
                    found += _finder_mapping(entry.path)
    libraries = {Path(known[key]).resolve() for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in known}
    kept: list[str] = []
    for folder in found:
        where = Path(folder).resolve()
        if (where.exists() and where != PROJECT_ROOT.resolve() and str(where) not in kept
                and not any(where.is_relative_to(library) for library in libraries)):
            kept.append(str(where))
    return kept


def _pth_lines(path: str) -> list[str]:
    """The lines of a `.pth` file that name a folder, as `site` reads them: neither a comment nor an import."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line for line in text.splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith(("import ", "import\t"))]


#: Held while a finder module is parsed: CPython 3.11 raises "SystemError: AST constructor recursion depth
#: mismatch" when two threads build ASTs at once, and the pipeline hashes each step's inputs in its own thread (a
#: clean clone's `make test` failed so, one run in a few).
_AST_LOCK = threading.Lock()


def _finder_mapping(path: str) -> list[str]:
    """The folders and modules an editable install's finder module maps its packages to (its `MAPPING`, read as
    data, never run), less the project's own package."""
    import ast

    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        with _AST_LOCK:
            tree = ast.parse(text)
    except (OSError, SyntaxError, ValueError):
        return []
    for node in tree.body:
        target: ast.expr | None = None
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        if isinstance(target, ast.Name) and target.id == "MAPPING":
            try:
                with _AST_LOCK:
                    mapping = ast.literal_eval(value)
            except ValueError:
                return []
            own = __name__.split(".")[0]
            return [str(place) for name, place in mapping.items() if name != own] if isinstance(mapping, dict) else []
    return []


#: What Python imports from a folder: source modules and extension modules.
MODULE_SUFFIXES = (".py", ".so", ".pyd")


def modules_held(place: str) -> str:
    """The modules an import folder holds, at any depth (their paths and bytes: `module_files`), or a module's own
    bytes."""
    if not os.path.isdir(place):
        return _file_digest(place)
    import hashlib

    digest = hashlib.sha256()
    for path in module_files(place):
        digest.update(f"{os.path.relpath(path, place)}\0{_file_digest(path)}\n".encode())
    return digest.hexdigest()


def module_files(place: str) -> Iterator[str]:
    """The modules an import folder holds, at any depth, in a stable order (the folder itself when it is a module),
    and every other file inside a package there (a folder holding `__init__.py`, and the folders below it): what a
    package's modules read beside themselves (`Path(__file__).with_name("first_year.txt")`, `importlib.resources`)
    is part of the code, as a stage's templates are; a desk's helper package that read the first year to chart from
    a file of its own drew chart 2 from the old year after that file was edited, `make` saying "unchanged, skipped".
    Outside a package only modules, and no folder `NOT_READ` names is entered: a folder on $PYTHONPATH may be a
    whole checkout, whose .venv alone took seconds to walk on every `make`."""
    if not os.path.isdir(place):
        yield place
        return
    packages: set[str] = set()
    for folder, names in walk_read(place):
        if "__init__.py" in names or os.path.dirname(folder) in packages:
            packages.add(folder)
        yield from (os.path.join(folder, name) for name in names
                    if folder in packages or name.endswith(MODULE_SUFFIXES))


def walk_read(top: str | Path) -> Iterator[tuple[str, list[str]]]:
    """Each folder under `top` with its files' names, both sorted and without what `NOT_READ` names, through linked
    folders as an import or a notebook reads them (a lookups folder linked in from a shared drive), each folder once
    (a link back up the tree is not walked round again)."""
    import fnmatch

    def read(name: str) -> bool:
        return not any(fnmatch.fnmatchcase(name, pattern) for pattern in NOT_READ)

    seen: set[tuple[int, int]] = set()
    for folder, subfolders, names in os.walk(top, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError:  # gone since its folder was listed
            continue
        if (st.st_dev, st.st_ino) in seen:
            subfolders[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        subfolders[:] = sorted(d for d in subfolders if read(d))
        yield folder, sorted(n for n in names if read(n))


#: The project's own folders at the checkout's top: the package (hashed by its stages), notebooks/ (the notebooks'
#: inputs), and the tests and benchmarks, which no step runs or imports.
OWN_FOLDERS = ("analysis", "notebooks", "tests", "benchmarks")


def package_modules(root: Path) -> list[Path]:
    """Every module (and every other file of a package: `module_files`), at any depth, of each package at the top
    of `root` but the project's own (`OWN_FOLDERS`): a folder holding `__init__.py`, or a module directly (a
    namespace package, `from lib.deskhelp import chosen`). The kernels have the checkout first on their path, so a
    notebook imports a desk's helper package kept there (`from deskhelp.select import chosen`), whose modules are
    code as a module at the top is; only the package's `__init__.py` was hashed, so `deskhelp/select.py` edited left
    chart 2 as the old helper drew it while `make` said "unchanged, skipped" (and `gallery` alone published it). A
    folder holding neither (a `venv/`, a folder of data) is not walked."""
    import contextlib
    import fnmatch

    found: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            if (entry.name in OWN_FOLDERS or any(fnmatch.fnmatchcase(entry.name, name) for name in NOT_READ)
                    or not entry.is_dir()):
                continue
            if any(name.endswith(MODULE_SUFFIXES) for name in os.listdir(entry.path)):
                found.extend(Path(module) for module in module_files(entry.path))
    return found


def _file_digest(path: str) -> str:
    """sha256 of a file's bytes, "-" when it cannot be read."""
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "-"


def beside_notebooks(notebooks_dir: Path) -> list[Path]:
    """Every file in `notebooks_dir`, at any depth, that a notebook may read besides the project's notebooks
    themselves (a helper module it imports, a lookup CSV it reads by name, jupytext.toml), and every file in the
    project's data/ beside the record and the tables (`BESIDE_DATA`), sorted; none that `NOT_READ` names or holds.
    What the notebooks step hashes as its inputs there, less the notebooks and the tables."""
    own = {f"{stem}.{kind}" for stem in notebook_stems(notebooks_dir) for kind in ("ipynb", "py")}
    data = notebooks_dir.parent / "data"
    beside = [path for path in _readable(notebooks_dir) if path.relative_to(notebooks_dir).as_posix() not in own]
    return sorted([*beside, *(path for path in _readable(data) if path.relative_to(data).parts[0] not in BESIDE_DATA)])


#: The folders of data/ a notebook reads only through marks of their own: the record (data/raw, which reaches a
#: notebook as the build's tables) and the tables (data/processed, named by their build). Any other file there is
#: one a notebook reads by its name: a lookup moved out of data/raw, as the build asks of a file it does not read
#: (`pd.read_csv("../data/lookups/boroughs.csv")`); edited, it left the chart drawn from it as it was while `make`
#: said "notebooks: unchanged, skipped" and `gallery` alone published it.
BESIDE_DATA = ("raw", "processed")


def _readable(folder: Path) -> list[Path]:
    """Every file under `folder`, at any depth, that no part of its path `NOT_READ` names; through a linked folder
    too, as the stamps read one (a lookups folder linked in from a shared drive was hashed by the notebooks' stamp
    but left out of their marks, so `gallery` alone published what the old lookup drew)."""
    return [Path(here, name) for here, names in walk_read(folder) for name in names
            if os.path.isfile(os.path.join(here, name))]


def notebook_copies(notebooks_dir: Path) -> list[str]:
    """The names in `notebooks_dir` that start with a number but are not named as a notebook of the project is
    (`NOTEBOOK_NAME`): copies, which the notebooks step names and does not run."""
    return sorted(stem for stem in _numbered(notebooks_dir) if not NOTEBOOK_NAME.fullmatch(stem))


#: Every chart the project publishes, in reading order: each is a folder outputs/charts/<id>/ (and
#: analysis.publish.charts.CHARTS draws them in this order). Kept with the paths so the notebook runner, the
#: workbook and the gallery find them without importing pandas.
CHART_IDS: tuple[str, ...] = ("inspection-grades", "met-cse-series", "historic-reviews-national", "met-review-funnel",
                              "london-population-share", "london-rates", "factcheck-verdicts",
                              "national-csae-offences", "recorded-vs-estimated", "inspection-timeline",
                              "what-the-56-means", "two-1200s")
#: The files each chart's export writes, by extension, as `<id>.<ext>` (and a phone PNG, `<id>-mobile.png`): what the
#: notebooks step checks it wrote this run.
CHART_FILE_KINDS: tuple[str, ...] = ("png", "svg", "csv", "json")


def chart_files(chart_id: str) -> dict[str, str]:
    """The names of the five files a chart's export writes, by kind: `<id>.<ext>` for each of `CHART_FILE_KINDS`,
    and "mobile", the phone PNG `<id>-mobile.png` (the export writes them, the notebooks step requires them, the
    gallery links them)."""
    return {**{kind: f"{chart_id}.{kind}" for kind in CHART_FILE_KINDS}, "mobile": f"{chart_id}-mobile.png"}
#: The environment variables the runner sets for the notebooks' kernels: which project to read, where to export.
ROOT_ENV = "CSE_FIGURES_ROOT"
CHARTS_DIR_ENV = "CSE_CHARTS_DIR"
#: Set in a kernel before each notebook runs: which notebook it is, as a chart it exports names it (JSON).
DRAWN_IN_ENV = "CSE_DRAWN_IN"
#: The folder each kernel names the files it read in (`analysis.run.kernels.record_reads`), for the stamps.
READS_ENV = "CSE_KERNEL_READS"

#: Environment variables a library reads as it is imported to change what it computes, which no output may depend
#: on (no stamp names them): pandas' switches to its coming or old behaviour, `PANDAS_FUTURE`, each
#: `PANDAS_FUTURE_<OPTION>` and `PANDAS_COPY_ON_WRITE` (read by pandas' `core/config_init.py`, for its own test
#: suite). With PANDAS_FUTURE_DISTINGUISH_NAN_AND_NA=1 set the build, db, check and notebooks ran and the workbook
#: step died with a traceback ("Cannot cast NaN value to Integer dtype", in gptables' `convert_dtypes`).
LIBRARY_SWITCHES = ("PANDAS_FUTURE", "PANDAS_COPY_ON_WRITE")


def without_library_switches(environ: MutableMapping[str, str]) -> None:
    """Remove `LIBRARY_SWITCHES` from `environ`: what every command (`analysis.cli`) and the notebooks' kernels
    (`analysis.run.notebooks.kernel_env`) run with, before either imports pandas."""
    for name in [name for name in environ if name.startswith(LIBRARY_SWITCHES)]:
        del environ[name]


#: The names of what `make` writes under outputs/ (and of its bookkeeping under .cache/): one definition each, which
#: the writers, the step runner's declared outputs, the gallery's links and the tests import.
WORKBOOK_NAME = "cse-figures.xlsx"
DATABASE = "cse"  # Datasette's name for the database, and its file's stem
DB_NAME = f"{DATABASE}.db"
DB_METADATA_NAME = f"{DATABASE}-metadata.json"
#: The files SQLite keeps beside a database and reads as part of it whenever they are there: a rollback journal is
#: rolled back into the file, and a write-ahead log's pages are read in place of the file's (even by a read-only
#: connection, as Datasette's). Left by a program that edited cse.db and died, they belong to that edition only.
DB_COMPANION_SUFFIXES = ("-journal", "-wal", "-shm")  # each after the database's own name: cse.db-wal
GALLERY_NAME = "index.html"
#: The processed tables the gallery reads: sources and claims for the edition's date, and with figures and gaps the
#: record's words, which a chart's short note may quote (`analysis.publish.reader_text.record_words`).
GALLERY_TABLES = ("sources", "claims", "figures", "gaps")
REPORT_HTML = "factcheck.html"
REPORT_MD = "factcheck.md"
CLAIMREVIEW_NAME = "claimreview.jsonld"
METHODS_PAGE = "methods.html"
RULES_PAGE = "factcheck-rules.html"
#: The document the rules page is made from (by `check`), relative to the root.
RULES_DOC = "docs/factcheck.md"
STAMPS_NAME = "stamps.json"  # under Paths.cache: the step runner's stamps
LOCK_NAME = "build.lock"  # under Paths.cache
NOTEBOOK_TIMINGS_NAME = "notebook-seconds.json"  # under Paths.cache: how long each notebook took last time
KERNEL_READS_NAME = "kernel-reads"  # under Paths.cache: what each kernel read, one file a kernel
#: The project's name, as the fact-check report credits it and as the analysts' Jupyter kernel is registered:
#: `make kernel` reads KERNEL_NAME from here (`python -c`), and the notebooks' metadata names it.
PROJECT_NAME = "cse-figures"
KERNEL_NAME = PROJECT_NAME


#: Where the project's outputs are published: the base of every absolute link the outputs give (ClaimReview urls,
#: embed snippets). Set CSE_SITE_URL (or `check --site-url`) to the real address before publishing; the default is a
#: reserved example domain, so an unset value is visibly a placeholder, never someone else's site.
SITE_URL_ENV = "CSE_SITE_URL"
DEFAULT_SITE_URL = "https://cse-figures.example.org/"


def site_url(given: str = "") -> str:
    """The base URL for absolute links, ending in '/': `given`, else $CSE_SITE_URL, else the documented default."""
    url = given or os.environ.get(SITE_URL_ENV, "") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


#: How readers reach the project with questions and corrections: every output that gives a contact prints this (the
#: workbook's cover, with the site address from `site_url`). The project publishes no repository address of its own.
CONTACT = ("Questions and corrections: open an issue in the cse-figures project's repository, naming the chart or "
           "worksheet and the figure ID.")

#: What a reader may do with what the project makes (the figures themselves stay under each publisher's terms, which
#: every output that lists sources gives): printed by the gallery and the workbook's cover.
REUSE = ("The charts, tables and workbook made by this project may be reused under CC BY 4.0, crediting "
         "cse-figures and the sources named on each chart; the project's code is under the MIT licence.")


def add_root_argument(parser: Any) -> None:
    """The `--root` option every command takes (tests point it at a scratch copy of the project)."""
    parser.add_argument("--root", type=Path, default=DEFAULT.root, help="project root (default: this repository)")


#: The registry's files at the top of data/raw/, each read by its name (the figures are in data/raw/figures/).
REGISTRY_NAMES = ("sources.yaml", "gaps.yaml", "claims.yaml", "inspections.yaml", "revisions.csv")


#: What a file at the top of data/raw/ is named like when it holds records (`unread_raw_names`): YAML and CSV, and
#: what a spreadsheet saves a CSV as in its own format. revisions.csv opened in Excel and saved as a workbook (Excel
#: offers it on closing a CSV), in LibreOffice with "Use Excel 2007-365!" or as ODF, or in Numbers (which saves only
#: its own format) left the edit in "revisions.xlsx" (".ods", ".numbers") beside the unchanged CSV: the build read
#: revisions.csv and `make` published without the edit, exit 0, nothing said.
RAW_DATA_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".numbers")


def side_file(name: str) -> bool:
    """Whether a file's name is one an editor, a file manager or a spreadsheet writes beside a file it has open,
    holding no one's edit: a hidden file (the Finder's ".DS_Store", the "._x" a Mac writes on another file system,
    vim's ".x.swp", LibreOffice's ".~lock.x#", emacs's ".#x" lock), emacs's "#x#" and "x~", Excel's "~$x" owner
    file, or JetBrains' "x___jb_tmp___" and "x___jb_old___" (its safe write). Opening a figures CSV in LibreOffice,
    Excel, vim or emacs (or Finder showing data/raw/figures/) made the build refuse the file beside it ("must be
    named <source_id>.csv"), so `make` failed while the CSV was open, and the commands refused the record as
    changed since the build."""
    return name.startswith((".", "#", "~$")) or name.endswith(("~", "___jb_tmp___", "___jb_old___"))


def unread_raw_names(paths: Paths) -> list[str]:
    """The YAML, CSV and spreadsheet files at the top of data/raw/ that the build does not read (only
    `REGISTRY_NAMES` are), in name order: a sync client's conflicted copy of a registry file, holding a colleague's
    edit, or revisions.csv saved by a spreadsheet in its own format; then the files in
    data/raw/figures/ that may hold an edit and are not read ("figures/<name>"). Hidden files, editors' backups and
    lock files ("#claims.yaml#", Excel's "~$revisions.csv") hold no one's edit and are not listed. The build refuses
    each (`analysis.record.rawfiles`); `analysis.tables.load.behind_raw` names them to every command that reads
    data/processed."""
    try:
        with os.scandir(paths.raw) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError:
        return []
    unread = [name for name in names if name not in REGISTRY_NAMES and not side_file(name)
              and name.lower().endswith(RAW_DATA_SUFFIXES)]
    # In figures/ every file but `<source_id>.csv` is refused by the build's name rule; those that may hold an edit
    # are listed too: a figures CSV edited in Excel and saved as a workbook ("….xlsx") beside the unchanged CSV, or
    # saved with an upper-case ".CSV". Names ending ".csv" are among the files hashed (`raw_files`) already.
    try:
        with os.scandir(paths.figures_dir) as entries:
            inside = sorted(entry.name for entry in entries)
    except OSError:
        inside = []
    unread += [f"{paths.figures_dir.name}/{name}" for name in inside if not name.endswith(".csv")
               and not side_file(name)]
    return unread


def raw_files(paths: Paths) -> list[Path]:
    """Every raw file that feeds the build, in a stable order: the build hashes each into datapackage.json, and
    `analysis.tables.load.behind_raw` compares them (standard library only, so that check costs no import)."""
    files = [p for p in (paths.raw / name for name in REGISTRY_NAMES) if p.exists()]
    files += sorted(p for p in paths.figures_dir.glob("*.csv") if not side_file(p.name))
    stored = paths.raw / "files"
    if stored.exists():
        files += sorted(p for p in stored.rglob("*") if p.is_file() and not p.is_symlink() and not side_file(p.name))
    return files


def raw_marks(paths: Paths) -> dict[str, tuple[int, int, int, int]]:
    """Every raw file (`raw_files`) by its name in the project → its inode, size, and modification and change times
    (ns): compared before and after the build reads data/raw, they show a file written meanwhile even when its bytes
    were then put back (an edit undone, a branch checked out and back), which its hash cannot; nothing can put a
    change time back."""
    marks = {}
    for path in raw_files(paths):
        try:
            st = path.stat()
        except OSError:
            continue
        marks[paths.rel(path)] = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    return marks


def raw_hashes(paths: Paths) -> dict[str, str]:
    """Every raw file (`raw_files`) by its name in the project → "sha256:…" of its bytes ("" when it cannot be
    read, or is not a regular file: a FIFO or a link to /dev/zero would never end). The one reading of the raw files'
    hashes: the build takes it before it reads the record and writes it into datapackage.json, and
    `analysis.tables.load.behind_raw` takes it again to compare."""
    import hashlib

    hashes = {}
    for path in raw_files(paths):
        try:
            if not path.is_file():  # the build refuses it, with its name, once it reads the record
                raise OSError(f"{path} is not a regular file")
            hashes[paths.rel(path)] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:  # unreadable: no hash matches it (the build refuses such a file)
            hashes[paths.rel(path)] = ""
    return hashes
