"""How the notebook runner starts a batch kernel (used by `analysis.run.notebooks`).

One choice, seen failing here: Unix sockets instead of TCP ports. Readiness is jupyter_client's own
`wait_for_ready`: a re-implemented wait that saved 0.2 s per start could lose the race for the kernel's 'idle' on a
busy machine and time out (it failed `make test` twice), so it went. Hiding debugpy from the kernels (a None entry
in sys.modules) went too: it saved 0.3-0.45 s of CPU over a whole `make force`, less than the 0.5 s a trick must
save a user to stay.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from analysis.paths import DB_COMPANION_SUFFIXES, DRAWN_IN_ENV, READS_ENV

#: The kernel every notebook names; the runner maps it to the batch kernel below whatever is installed.
KERNEL = "python3"


def socket_folder() -> Path | None:
    """A private folder for a pool's kernels' sockets, where Unix sockets exist (None elsewhere: TCP)."""
    return Path(tempfile.mkdtemp(prefix="cse-kernels-")) if os.name == "posix" else None


def manager(folder: Path | None, number: int) -> Any:
    """A kernel manager for batch kernel `number` of a pool whose sockets live in `folder`.

    Why not TCP, jupyter_client's default: it picks five free ports by binding and releasing them, then the kernel
    binds them. Another process starting kernels at the same moment (`make test` runs the main job and the
    fresh-kernel run side by side) can be handed the same port in between, and that kernel dies at start with
    "Address already in use" (seen in CI). A socket file in a folder only this pool uses cannot be taken by anyone
    else, and a number per kernel keeps the pool's own kernels apart.
    """
    from jupyter_client.manager import AsyncKernelManager

    transport = {} if folder is None else {"transport": "ipc", "ip": str(folder / f"k{number}")}
    return AsyncKernelManager(kernel_name=KERNEL, kernel_spec_manager=_batch_kernel_specs(), **transport)


def _batch_kernel_specs() -> Any:
    """A kernel-spec manager whose every spec is the batch kernel above (jupyter_client asks it by name)."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class BatchKernelSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name=kernel_name, language="python", metadata={"debugger": False})

    return BatchKernelSpecs()


#: The line each batch kernel runs first (`record_reads`), before the preload and any notebook.
RECORD_READS = "import analysis.run.kernels as _k; _k.record_reads(); del _k"


def record_reads() -> None:
    """Note every file this kernel opens to read, with the hash of its bytes as opened, in a file of its own under
    $CSE_KERNEL_READS (nothing when unset): the notebooks step stamps what its notebooks read wherever it is.

    A notebook drawing its chart from a lookup kept at the checkout's top (`open("../lookups/first_year.txt")`), in
    docs/ or in a desk's folder outside the checkout read a file no pattern of the step names: after it was edited
    `make` said "notebooks: unchanged, skipped" and kept the chart drawn from the old one. The environment's own
    files (the interpreter's and the libraries', which the stamps name by version), the machine's (/proc, /sys,
    /dev) and the kernel's own (its connection file, the runner's IPython folder) are left out; a compiled module
    stands for its source (`_read_from`). A folder a notebook lists
    (`Path("../lookups").glob("*.csv")`) is noted with the names in it: a lookup added there is read by the next run.
    The folders the import system lists to find modules (those on `sys.path`) are not.

    A file or folder a notebook looks for and does not find is noted too, as `GONE`: notebook 02 took its first year
    from `../lookups/first_year.txt` when there was one (`try: open(…) except FileNotFoundError: 2015`), so with none
    the step was stamped without it, and once the analyst made one `make` said "notebooks: unchanged, skipped" with
    the chart still from 2015. What the kernel's own start looks for before any notebook runs is the environment's
    (`DRAWN_IN_ENV` not yet set), and is not noted."""
    folder = os.environ.get(READS_ENV)
    if not folder:
        return

    log = os.path.join(folder, f"{os.getpid()}.tsv")
    own = [sys.argv[sys.argv.index("-f") + 1]] if "-f" in sys.argv[:-1] else []  # the connection file
    skip = tuple({*_environment_folders(), "/proc", "/sys", "/dev", folder, *own,
                  *filter(None, [os.environ.get("IPYTHONDIR")])})
    seen: set[str] = set()

    def note(digest: str, what: str) -> None:
        os.makedirs(folder, exist_ok=True)
        line = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(line, f"{digest}\t{what}\n".encode("utf-8", "surrogateescape"))
        finally:
            os.close(line)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        place, unkept = _online(event, args), ONLINE
        if not place and DRAWN_IN_ENV in os.environ:  # set by the runner before each notebook, never before
            place, unkept = _program(event, args), RAN
        if place and place not in seen:
            seen.add(place)
            with contextlib.suppress(OSError):
                note(unkept, place)
            return
        listed = event in ("os.listdir", "os.scandir")
        read = _read_from(event, args)
        if read is None:
            return
        path = os.path.abspath(read)
        if path in seen or any(path == place or path.startswith(place.rstrip(os.sep) + os.sep) for place in skip) \
                or listed and path in {os.path.abspath(entry or os.curdir) for entry in sys.path}:
            return
        seen.add(path)  # first: the reads below open files too, and come back here
        digest = read_digest(path)
        if digest == GONE and DRAWN_IN_ENV not in os.environ:  # the kernel's own start probing: not a notebook's
            seen.discard(path)  # looked for again by a notebook, it is noted then
            return
        with contextlib.suppress(OSError):
            note(digest, path)

    inside = threading.local()  # whether this thread is in the hook: its own reads (`read_digest`) are not asked

    def hooked(event: str, args: tuple[Any, ...]) -> None:
        was, inside.busy = getattr(inside, "busy", False), True
        try:
            hook(event, args)
        finally:
            inside.busy = was

    sys.addaudithook(hooked)
    os.stat, os.lstat = (_noting_absent(stat, hooked, inside) for stat in (os.stat, os.lstat))


def _noting_absent(stat: Callable[..., os.stat_result], hook: Callable[[str, tuple[Any, ...]], None],
                   inside: threading.local) -> Callable[..., os.stat_result]:
    """`stat` that passes a path it does not find to the kernel's `hook` as a file opened to read (unless the hook
    itself asked, `inside`). A notebook asking whether its optional lookup is there (`Path("../lookups/
    first_year.txt").exists()`, `os.path.isfile`) opens nothing and raises no audit event, so the stamp named
    nothing of it and a lookup made afterwards ran no notebook again. (The import system keeps its own `stat`.)"""

    def noted(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        try:
            return stat(path, *args, **kwargs)
        except FileNotFoundError:
            if isinstance(path, (str, bytes, os.PathLike)) and kwargs.get("dir_fd") is None \
                    and not getattr(inside, "busy", False):
                hook("open", (os.fspath(path), "r", 0))
            raise

    return noted


def _environment_folders() -> set[str]:
    """Where the environment's own files are, which the stamps name by version (`pipeline.libraries`): the
    environment (.venv) and the standard library of the Python it was made from (where `os` is; its compiled
    modules are in lib-dynload inside it, or in DLLs beside it on Windows). Not that Python's whole prefix: a
    system Python's is /usr (Debian, Ubuntu), so a desk's lookup kept under /usr/local/share or /usr/share was
    never noted, and after it was edited `make` said "notebooks: unchanged, skipped"."""
    return {sys.prefix, sys.exec_prefix, os.path.dirname(os.__file__), os.path.join(sys.base_exec_prefix, "DLLs")}


#: The settings a notebook may change for the rest of its kernel's life beyond matplotlib's and pandas' (which the
#: runner's `RESET` puts back to their defaults), as the kernel started: `keep_settings`, `put_back_settings`.
_STARTED: dict[str, Any] = {}


def keep_settings() -> None:
    """Note the decimal context and numpy's print options as this kernel starts, before its first notebook, and the
    process's working folder, import path, environment and warning filters."""
    import decimal
    import warnings

    import numpy

    _STARTED.update(decimal=decimal.getcontext().copy(), numpy=numpy.get_printoptions(), cwd=os.getcwd(),
                    path=list(sys.path), environ=dict(os.environ), warnings=list(warnings.filters),
                    display=_display_settings(), modules=_package_namespaces(), locale=_locale_now())


def _locale_now() -> str:
    """The process's locale, every category (a notebook's `locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")` made
    the next notebook's "{:n}" print 1.200 on its kernel)."""
    import locale

    return locale.setlocale(locale.LC_ALL)


def _package_namespaces() -> dict[str, dict[str, Any]]:
    """What each of the package's modules imported so far holds, name by name (a shallow copy)."""
    return {name: dict(vars(module)) for name, module in list(sys.modules.items())
            if module is not None and (name == "analysis" or name.startswith("analysis."))}


def _put_back_namespaces(kept: dict[str, dict[str, Any]]) -> None:
    """Give each module `_package_namespaces` noted the names it held then: a notebook that tried a larger title
    (`style.TITLE_SIZE = 18`) or another colour (`style.DARK_BLUE = "#000000"`) on its own chart drew every chart
    of the notebooks after it on its kernel so too, and `make` published and stamped them. A name the module got
    since is left (a submodule imported since is its package's attribute), and so is a module imported since."""
    for name, held in kept.items():
        module = sys.modules.get(name)
        if module is not None:
            namespace = vars(module)
            namespace.update({key: value for key, value in held.items() if namespace.get(key) is not value})


#: The settings of IPython's plain-text display (`%precision`, `%pprint`) that `%reset -f` leaves as they are.
PLAIN_TEXT_SETTINGS = ("float_precision", "pprint", "max_width", "max_seq_length", "verbose")
#: What each of IPython's display formatters is told to print by type (`for_type`, `for_type_by_name`).
PRINTERS = ("type_printers", "deferred_printers", "singleton_printers")


def _display_settings() -> dict[str, Any]:
    """How this kernel's IPython displays what a cell returns: the plain-text formatter's settings and every
    formatter's printers by type, and whether it is on ({} outside IPython)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return {}
    formatters = shell.display_formatter.formatters
    plain = formatters["text/plain"]
    return {"plain": {name: getattr(plain, name) for name in PLAIN_TEXT_SETTINGS},
            "printers": {kind: {name: dict(getattr(f, name)) for name in PRINTERS} for kind, f in formatters.items()},
            "enabled": {kind: f.enabled for kind, f in formatters.items()}}


def _put_back_display(settings: dict[str, Any]) -> None:
    """Put back what `_display_settings` noted: a notebook's `%precision 2` printed every float the next notebook on
    its kernel returned with two decimals in its published copy ("3.14" where it prints 3.14159 run alone), and a
    printer one registered for DataFrames (`formatters["text/html"].for_type(pd.DataFrame, …)`) printed the next
    notebook's tables; `%reset -f` keeps both."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or not settings:
        return
    formatters = shell.display_formatter.formatters
    for name, value in settings["plain"].items():
        setattr(formatters["text/plain"], name, value)
    for kind, formatter in formatters.items():
        for name, printers in settings["printers"].get(kind, {}).items():
            getattr(formatter, name).clear()
            getattr(formatter, name).update(printers)
        formatter.enabled = settings["enabled"].get(kind, formatter.enabled)


def put_back_settings() -> None:
    """Put back what `keep_settings` noted, before the kernel's next notebook. A notebook that set
    `decimal.getcontext().prec = 4` (to show four significant figures) changed the next notebook's published
    change on the same kernel: 922 to "1,200" (read as 1,150 to 1,249) became "+25% to +36%" where it is
    "+25% to +35%", depending on which kernel ran which notebook after which. numpy's print options
    (`np.set_printoptions(suppress=True)`) changed the bytes of the SVGs the next notebook exported.

    So with the process's own state. A notebook that moved to the checkout's top (`%cd ..`, `os.chdir("..")`, as
    many do to read from data/) left the next notebook on its kernel reading `pd.read_csv("lookup.csv")` from the
    top, where another lookup of that name was, not from notebooks/ as it does run alone: its published copy and
    chart depended on which kernel took it, and `make` stamped that. A folder one added to the import path, a
    variable it set (`os.environ["CSE_SITE_URL"]`, which every later chart's links then used) and a warning it
    silenced (which later copies then left out) carried over the same way, and so did IPython's display settings
    (`_put_back_display`), and so did the locale."""
    import decimal
    import locale
    import warnings

    import numpy

    if _STARTED:
        _put_back_display(_STARTED["display"])  # first: `%precision` sets numpy's print options too
        _put_back_namespaces(_STARTED["modules"])
        with contextlib.suppress(locale.Error):  # a locale this machine no longer has: left as it is
            locale.setlocale(locale.LC_ALL, _STARTED["locale"])
        decimal.setcontext(_STARTED["decimal"].copy())
        numpy.set_printoptions(**_STARTED["numpy"])
        os.chdir(_STARTED["cwd"])
        sys.path[:] = _STARTED["path"]
        for name in set(os.environ) - set(_STARTED["environ"]):
            del os.environ[name]
        os.environ.update(_STARTED["environ"])
        cast("list[Any]", warnings.filters)[:] = _STARTED["warnings"]  # the list itself: the C warnings read it


#: What `read_digest` gives for a path that cannot be read.
GONE = "-"


#: What SQLite reads beside a database as part of it (`DB_COMPANION_SUFFIXES` less the write-ahead log's index,
#: which is rebuilt from the log): the pages of a write-ahead log, and a hot journal a reader rolls back.
SQLITE_LOGS = tuple(suffix for suffix in DB_COMPANION_SUFFIXES if suffix != "-shm")


def read_digest(path: str) -> str:
    """What a kernel read at `path`, as the stamps keep it: a file's sha256, or a folder's names ("dir:" and the
    sha256 of them sorted); `GONE` when it cannot be read. A file with a non-empty SQLite log beside it
    (`SQLITE_LOGS`) is hashed with the log: a lookup database in WAL mode, updated in an editor that kept it open,
    had the update in desk.db-wal only, so desk.db's bytes (and its stamp) stayed the same while the notebook read
    the new value. An empty log (a reader's own) changes nothing."""
    import hashlib

    try:
        if os.path.isdir(path):
            names = "\n".join(sorted(os.listdir(path)))
            return "dir:" + hashlib.sha256(names.encode("utf-8", "surrogateescape")).hexdigest()
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read())
    except OSError:
        return GONE
    for suffix in SQLITE_LOGS:
        with contextlib.suppress(OSError):
            if os.path.getsize(path + suffix):  # a stat: most files have no log beside them
                with open(path + suffix, "rb") as handle:
                    digest.update(suffix.encode() + handle.read())
    return digest.hexdigest()


#: What a kernel's log says in place of a file's hash for what it read from the network: no stamp can hash it.
ONLINE = "network"
#: And for another program a notebook started (`!cat ../lookups/first_year.txt`, `subprocess.run(["curl", …])`):
#: what that program read or fetched is in no kernel's log, so no stamp can hash it either.
RAN = "program"
#: How the stamps' one line names each kind of read no stamp can keep (`analysis.run.pipeline.kernel_reads`).
UNKEPT = {ONLINE: "from the network", RAN: "through another program"}

#: The audit events that start another program, and where in each event's arguments its command line is.
PROGRAM_EVENTS = {"subprocess.Popen": 1, "os.system": 0, "os.exec": 1, "os.posix_spawn": 1, "os.spawn": 2,
                  "pty.spawn": 0, "os.startfile": 0}


def _online(event: str, args: tuple[Any, ...]) -> str:
    """The address a notebook reads from the network ("" for any other event): a URL urllib opens, or the host and
    port a socket connects to (a Unix socket, a path, is the machine's own). A notebook that drew its chart from
    `pd.read_csv("https://…/first_year.csv")` was stamped as current however the file there changed. A "file:" URL
    names a file of this machine, which urllib opens as one (and the hook notes as one), and a "data:" URL holds its
    own bytes: `pd.read_csv("file:///shared/desk/first_year.csv")` was said to be read "from the network" and ran
    the notebooks again at every `make`."""
    if event == "urllib.Request" and args:
        return "" if urlsplit(str(args[0])).scheme.lower() in ("file", "data") else str(args[0])
    if event == "socket.connect" and len(args) > 1 and isinstance(args[1], tuple) and len(args[1]) >= 2:
        return f"{args[1][0]}:{args[1][1]}"
    return ""


def _program(event: str, args: tuple[Any, ...]) -> str:
    """The program a notebook starts ("" for any other event), named by its file's name and, for a shell, the
    command's first word ("sh -c cat"): never its arguments, which may hold a token. A notebook that took its first
    year from `!cat ../lookups/first_year.txt` (IPython runs it through a shell) or from `subprocess.run(["curl",
    …])` read a file or an address in another process, which no audit hook of the kernel sees: after the lookup
    was edited `make` said "notebooks: unchanged, skipped" and kept the chart drawn from the old year."""
    at = PROGRAM_EVENTS.get(event)
    if at is None or len(args) <= at:
        return ""
    line = args[at]
    if event == "os.system":  # one string, which a shell runs
        line = ["sh", "-c", os.fsdecode(line)]
    words = [os.fsdecode(w) for w in line] if isinstance(line, (list, tuple)) else os.fsdecode(line).split()
    if not words:
        return event
    name = os.path.basename(words[0])
    command = words[2].split() if words[1:2] == ["-c"] and len(words) > 2 else []
    return f"{name} -c {command[0]}" if command else name


def _read_from(event: str, args: tuple[Any, ...]) -> str | None:
    """The file or folder an audit event reads, as the notebook named it (None for any other event).

    Besides a file opened to read and a folder listed, two reads that open no file in Python. A database SQLite
    opens itself, in C (`sqlite3.connect("../lookups/desk.db")`, or the project's outputs/cse.db queried with
    `pd.read_sql`): a lookup kept so was never stamped, and after it was edited `make` said "notebooks: unchanged,
    skipped". And a module whose compiled file Python finds still current: the import opens only that
    `__pycache__/….pyc`, never the source, so a desk's helper imported from a folder the notebook adds to its path
    (`sys.path.append("/shared/desk")`), once imported in JupyterLab, was stamped without its source, and an edit
    of it ran no notebook again. Its source is what the stamp keeps (a file compiled without one: the file). And a
    compiled extension module (a desk's Cython helper, `fy.cpython-311-x86_64-linux-gnu.so`, in such a folder or at
    the checkout's top), which the dynamic loader opens in C: only the "import" event names its file."""
    if event == "import" and len(args) > 1 and isinstance(args[1], (str, bytes)):  # an extension module's file
        return os.fsdecode(args[1])
    if event == "sqlite3.connect" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        return _database_file(os.fsdecode(args[0]))
    listed = event in ("os.listdir", "os.scandir")
    if not (listed or event == "open" and _for_reading(args)) or not args or not isinstance(args[0], (str, bytes)):
        return None
    path = os.fsdecode(args[0])
    if path.endswith(".pyc"):
        with contextlib.suppress(ValueError):
            source = importlib.util.source_from_cache(path)
            return source if os.path.isfile(source) else path
    return path


def _database_file(database: str) -> str | None:
    """The file `sqlite3.connect(database)` opens: the name itself, or a "file:" URI's path (SQLite's URI form,
    `file:desk.db?mode=ro`); None for a database in memory, which no file holds."""
    if database.startswith("file:"):
        parts = urlsplit(database)
        if "mode=memory" in parts.query:
            return None
        database = unquote(parts.path)
    return None if database in ("", ":memory:") else database


def _for_reading(args: tuple[Any, ...]) -> bool:
    """Whether an "open" audit event opens an existing file to read it (`open`'s mode, or `os.open`'s flags): to read
    only, or to read and update in place ("r+", `O_RDWR`), as a notebook opens a lookup it may correct. Such a file
    was never noted, so after the lookup was edited `make` said "notebooks: unchanged, skipped". One the notebook
    writes into is then seen changed, and the step not stamped, as for any file its notebooks change. A file opened
    to be made, emptied or appended to ("w", "x", "a", `O_CREAT`, `O_TRUNC`, `O_APPEND`) is written, not read."""
    mode = args[1] if len(args) > 1 else "r"
    if isinstance(mode, str):
        return not any(c in mode for c in "wax")
    flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
    if flags & os.O_WRONLY:
        return False
    return not flags & os.O_RDWR or not flags & (os.O_CREAT | os.O_TRUNC | os.O_APPEND)
