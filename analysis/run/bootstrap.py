"""Create `.venv` and install the project into it: with uv when it can be had, else with pip.

Why not plain `python -m venv` + pip: on a 2-core machine pip took about two minutes to install the pinned stack,
uv a few seconds, with the same packages. A newcomer's first `make` should not start with a coffee break.

Why a Python module and not Makefile lines: the machine's pip settings (extra indexes, find-links, a global
constraints file, set in pip's config files or `PIP_*` variables) must reach uv, which does not read pip's
configuration; reading them needs `configparser`. Standard library only: this runs before anything is installed.

Order of preference for uv: one already on PATH; else one installed by pip into
`~/.cache/cse-figures/uv-bootstrap/` (a folder of its own in the user's cache, reused by every clone: nothing is
installed into the system Python); else pip alone, with a one-line notice.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from analysis.paths import PROJECT_NAME, Paths
from analysis.run.lock import build_lock

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"
#: Where a pip-installed uv lives: the user's cache (like uv's own package cache), so every clone reuses it.
UV_HOME = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / PROJECT_NAME / "uv-bootstrap"

#: pip option (as in pip.conf / PIP_* variables) → the uv environment variable that means the same.
PIP_TO_UV = {
    "index-url": "UV_INDEX_URL",
    "extra-index-url": "UV_EXTRA_INDEX_URL",
    "find-links": "UV_FIND_LINKS",
    "constraint": "UV_CONSTRAINT",
}


def pip_config_files() -> list[Path]:
    """The files pip reads, in pip's order (later ones override earlier ones), as documented by pip."""
    files = [Path(d) / "pip" / "pip.conf" for d in os.environ.get("XDG_CONFIG_DIRS", "/etc/xdg").split(":")]
    files.append(Path("/etc/pip.conf"))
    home = Path.home()
    config_home = Path(os.environ.get("XDG_CONFIG_HOME", home / ".config"))
    files += [home / ".pip" / "pip.conf", config_home / "pip" / "pip.conf"]
    if os.environ.get("VIRTUAL_ENV"):
        files.append(Path(os.environ["VIRTUAL_ENV"]) / "pip.conf")
    if os.environ.get("PIP_CONFIG_FILE") and os.environ["PIP_CONFIG_FILE"] != os.devnull:
        files.append(Path(os.environ["PIP_CONFIG_FILE"]))
    return files


def pip_settings(environ: dict[str, str] | None = None, files: list[Path] | None = None) -> dict[str, str]:
    """The pip options uv has an equivalent for: config files' [global] and [install] sections, then PIP_* variables
    (pip's own precedence). Values are white-space separated lists where pip allows several."""
    environ = dict(os.environ if environ is None else environ)
    settings: dict[str, str] = {}
    for path in pip_config_files() if files is None else files:
        parser = configparser.ConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for section in ("global", "install"):
            if parser.has_section(section):
                settings.update({k: " ".join(v.split()) for k, v in parser.items(section) if k in PIP_TO_UV})
    for option in PIP_TO_UV:
        value = environ.get("PIP_" + option.upper().replace("-", "_"))
        if value:
            settings[option] = " ".join(value.split())
    return settings


def uv_environment(settings: dict[str, str], environ: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for uv: pip's settings under uv's names, never overriding a UV_* variable the user set.

    pip merges every index and picks the best version; uv by default stops at the first index that has a package,
    which would hide pinned versions when an extra index holds only some releases, so pip's behaviour is asked
    for explicitly when extra indexes or find-links are given."""
    env = dict(os.environ if environ is None else environ)
    for option, value in settings.items():
        env.setdefault(PIP_TO_UV[option], value)
    if settings.keys() & {"extra-index-url", "find-links", "index-url"}:
        env.setdefault("UV_INDEX_STRATEGY", "unsafe-best-match")
    env.setdefault("UV_NO_PROGRESS", "1")
    return env


def find_uv(python: str) -> str | None:
    """uv on PATH, else one installed into UV_HOME by pip (quietly), else None."""
    found = shutil.which("uv")
    if found:
        return found
    local = UV_HOME / "bin" / "uv"
    if not local.exists():
        done = subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               "--target", str(UV_HOME), "uv"], capture_output=True, text=True)
        if done.returncode != 0:
            return None
    return str(local) if local.exists() else None


def install_with_uv(uv: str, python: str, extras: str) -> int:
    env = uv_environment(pip_settings())
    if not (VENV / "bin" / "python").exists():
        done = subprocess.run([uv, "venv", "--quiet", "--python", python, str(VENV)], env=env)
        if done.returncode != 0:
            return done.returncode
    return subprocess.run([uv, "pip", "install", "--quiet", "--python", str(VENV / "bin" / "python"),
                           "-c", "constraints.txt", "-e", f".[{extras}]"], cwd=ROOT, env=env).returncode


def install_with_pip(python: str, extras: str) -> int:
    if not (VENV / "bin" / "python").exists():
        subprocess.run([python, "-m", "venv", str(VENV)], check=True)
    py = str(VENV / "bin" / "python")
    return subprocess.run([py, "-m", "pip", "install", "-qq", "--disable-pip-version-check",
                           "-c", "constraints.txt", "-e", f".[{extras}]"], cwd=ROOT).returncode


#: What the project's processes import, in two groups that share little (tables and charts; notebooks and tests),
#: imported by two processes at once. Importing them with bytecode writing on leaves a .pyc for exactly the modules
#: that run; compiling every installed file (uv's --compile-bytecode) took ~10 s here, mostly for modules never
#: imported (JupyterLab's server, test-only libraries' corners).
WARM_IMPORTS = (
    ("pandas", "numpy", "matplotlib.pyplot", "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg",
     "seaborn", "seaborn.objects", "openpyxl", "gptables", "pandera.pandas", "sqlite_utils", "datasette.app"),
    ("yaml", "jinja2", "tqdm", "nbformat", "nbclient", "nbconvert", "ipykernel.kernelapp", "jupyter_client.manager",
     "jupytext", "PIL.Image", "pytest", "hypothesis", "frictionless"),
)
#: Packages compiled whole, one group per process after its imports: those whose modules are imported lazily, deep
#: in a run, so importing the package above leaves most of them uncompiled. Measured by running `make` and
#: `make test` once with bytecode writing on: 1,203 modules were still compiled from source on every start, most of
#: them in these (fontTools subsets the SVGs' font in every chart export, debugpy loads in every kernel,
#: frictionless and pandera validate the datapackage and tables; the rest serve `make lab`, `make serve` and the
#: tests); with them compiled the suite used ~18 s less CPU. Each is under 650 files (all of them: ~4 s of CPU).
WARM_PACKAGES = (
    ("fontTools", "frictionless", "pandera", "typeguard", "coloraide", "playwright", "urllib3",
     "requests", "websocket"),
    ("debugpy", "IPython", "hypothesis", "xdist", "execnet", "_pytest", "jupyter_server", "jupyterlab_server",
     "jupyter_lsp", "jupyterlab", "tornado", "uvicorn", "h11", "anyio", "httpcore", "httpx"),
)
#: A warming process: import the modules, then compile the packages' every file; a name not installed is skipped.
WARM_PROCESS = """import compileall, importlib, importlib.util
for name in {imports!r}:
    try:
        importlib.import_module(name)
    except Exception:
        pass
for name in {packages!r}:
    spec = importlib.util.find_spec(name)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=2)
"""


def compile_project(python: str) -> None:
    """Leave bytecode for our own modules and for the libraries our processes import.

    Some machines set PYTHONDONTWRITEBYTECODE=1, so no import ever writes a .pyc: without this step pandas and
    friends would be compiled from source on every start, and `verify` would compile our modules every time.
    Two processes share the work; a module both import is written atomically by Python's import system.
    """
    import compileall

    compileall.compile_dir(ROOT / "analysis", quiet=2)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warmers = [subprocess.Popen([python, "-c", WARM_PROCESS.format(imports=imports, packages=packages)], cwd=ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for imports, packages in zip(WARM_IMPORTS, WARM_PACKAGES, strict=True)]
    for warmer in warmers:
        warmer.wait()


def moved_venv(venv: Path = VENV) -> Path | None:
    """Where a `.venv` was made, when that is not where it is now (a checkout moved or copied to another folder):
    its scripts' first lines still name the old folder's Python, so `jupyter` or `pytest` would fail. None when the
    venv is where it was made, or there is none."""
    activate = venv / "bin" / "activate"
    if not activate.is_file():
        return None
    # uv writes `VIRTUAL_ENV='…'`, Python 3.11's venv `VIRTUAL_ENV="…"`, 3.12's and 3.13's (the pip fallback) an
    # indented `export VIRTUAL_ENV="…"` after a Windows-only `VIRTUAL_ENV=$(cygpath …)`: reading only the first
    # form, a moved checkout's .venv made by pip on Python 3.12+ was never noticed.
    for value in _MADE_IN.findall(activate.read_text(encoding="utf-8", errors="replace")):
        folder = _folder_named(value)
        if folder is not None:
            return None if _same_folder(Path(folder), venv) else Path(folder)
    return None


def _same_folder(named: Path, venv: Path) -> bool:
    """Whether an activate script's folder is this venv: the same folder (device and inode) when it still exists,
    else the same name once links are resolved. By name alone, one folder under two names, a bind mount or a
    case-insensitive file system ("~/Projects/cse" and "~/projects/cse" on a Mac), was taken for a move, and each
    `make` from the other name rebuilt .venv and so reran every step."""
    try:
        return os.path.samefile(named, venv)
    except OSError:
        return named.resolve() == venv.resolve()


def _folder_named(value: str) -> str | None:
    """The folder an activate script's `VIRTUAL_ENV=<value>` names, read as its writer wrote it: between double
    quotes the name as it is (Python 3.11's venv writes it so, a "'", '"' or "$" included), otherwise as the shell
    reads it (uv quotes it as `shlex.quote` does: `'/home/o'"'"'neil/.venv'`). None for a value that is not an
    absolute folder (the `$(cygpath …)` line). Read with one pattern of the characters a name may not hold, a
    checkout made in "/home/o'neil" or "/srv/a$b" and moved was never seen as moved: the name's "'" or "$" ended the
    match."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        folder = value[1:-1]
    else:
        try:
            words = shlex.split(value)
        except ValueError:
            return None
        folder = words[0] if len(words) == 1 else ""
    return folder if folder.startswith("/") else None


def venv_problem(venv: Path = VENV) -> str | None:
    """Why an existing `.venv` cannot serve this checkout, or None: made in another folder (`moved_venv`), or its
    Python gone. A venv's python is a link to the Python it was made from; when that Python is removed or upgraded
    (pyenv, Homebrew, a distribution upgrade), the link leads nowhere and every command failed with ".venv/bin/python:
    No such file or directory" until the reader deleted .venv by hand (the Makefile now asks for a bootstrap then).
    A `.venv` that is a link to another folder's is another checkout's: installing this one into it re-pointed that
    checkout's editable install here."""
    if venv.is_symlink():
        return f"is a link to {os.readlink(venv)}, another checkout's environment"
    made = moved_venv(venv)
    if made is not None:
        return f"was made in {made}, not here"
    python = venv / "bin" / "python"
    if python.is_symlink() and not python.exists():
        return f"runs a Python that is no longer there ({os.readlink(python)})"
    return python_changed(venv) or too_old(venv)


def too_old(venv: Path = VENV, pyproject: Path = ROOT / "pyproject.toml",
            running: tuple[int, int] = (sys.version_info[0], sys.version_info[1])) -> str | None:
    """Why `.venv` runs a Python older than pyproject's `requires-python`, when the Python running the bootstrap is
    new enough to make it again (else None). An editor makes `.venv` on opening the folder (VS Code's "Create
    Environment", PyCharm) with whichever Python it was set to: on 3.10, `make` stopped at uv's "No solution
    found … does not satisfy Python>=3.11", and the reader had to delete .venv by hand."""
    try:
        made = _CFG_VERSION.search((venv / "pyvenv.cfg").read_text(encoding="utf-8", errors="replace"))
        needed = _REQUIRES_PYTHON.search(pyproject.read_text(encoding="utf-8"))
    except OSError:
        return None
    if made is None or needed is None:
        return None
    least = (int(needed[1]), int(needed[2]))
    if (int(made[1]), int(made[2])) >= least or running < least:
        return None
    return f"runs Python {made[1]}.{made[2]}, and the project needs Python {least[0]}.{least[1]} or later"


def python_changed(venv: Path = VENV) -> str | None:
    """Why `.venv` no longer runs the Python it was made for, or None (none there, or it cannot be told). A venv made
    from an unversioned `python3` (/usr/bin/python3, Homebrew's, as uv and the venv module both link it) keeps that
    link when a distribution upgrade or `brew upgrade` points `python3` at the next minor version: the link still
    leads somewhere, to a Python that has no site-packages in .venv, and the new interpreter's file time is when
    it was packaged, often older than the install stamp, so `make` skipped the bootstrap and stopped with a
    traceback ("No module named 'yaml'"). Read from pyvenv.cfg and the name the link resolves to (`python3.12`),
    with no interpreter started: the Makefile asks this on every `make`."""
    try:
        made = _CFG_VERSION.search((venv / "pyvenv.cfg").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    resolved = os.path.realpath(venv / "bin" / "python")
    runs = _RESOLVED_VERSION.search(os.path.basename(resolved))
    if made is None or runs is None or (made[1], made[2]) == (runs[1], runs[2]):
        return None
    return (f"was made for Python {made[1]}.{made[2]}, but its python now leads to Python {runs[1]}.{runs[2]} "
            f"({resolved})")


#: The Python a venv was made from, as pyvenv.cfg records it: uv writes `version_info = 3.11.7`, the venv module
#: `version = 3.11.2`.
_CFG_VERSION = re.compile(r"^[ \t]*(?:version_info|version)[ \t]*=[ \t]*(\d+)\.(\d+)", re.MULTILINE)
#: pyproject.toml's lowest Python (`requires-python = ">=3.11"`), read without tomllib (3.11+) as the bootstrap
#: may run on an older Python.
_REQUIRES_PYTHON = re.compile(r"^requires-python[ \t]*=[ \t]*[\"']>=[ \t]*(\d+)\.(\d+)", re.MULTILINE)
#: The version in an interpreter's own file name (`python3.12`, `python3.13t`), once every link is resolved.
_RESOLVED_VERSION = re.compile(r"^python(\d+)\.(\d+)")


#: The value an activate script gives VIRTUAL_ENV, quoted as its writer quoted it, after an optional "export".
_MADE_IN = re.compile(r"^[ \t]*(?:export[ \t]+)?VIRTUAL_ENV=(.+?)[ \t]*$", re.MULTILINE)


#: How constraints.txt (the lock) is made: uv resolves pyproject's dependencies and every extra for all platforms
#: at the lowest Python the project supports, keeping each pin the file already has unless it no longer fits. Its
#: output is a plain pinned requirements file, so both installers read it (uv, and pip where uv cannot be had).
LOCK_FILE = "constraints.txt"
LOCK_COMMAND = ["pip", "compile", "pyproject.toml", "--all-extras", "--universal", "--python-version", "3.11",
                "--custom-compile-command", "make lock", "--quiet", "-o", LOCK_FILE]


def relock(python: str) -> int:
    """`make lock`: write constraints.txt from pyproject.toml with uv (on PATH, or pip-installed as for the
    bootstrap). Pins already in the file are kept where they still fit; `make lock UPGRADE=1` moves them all."""
    uv = find_uv(python)
    if uv is None:
        print("lock: uv could not be had (pip install uv)", file=sys.stderr)
        return 1
    upgrade = ["--upgrade"] if os.environ.get("UPGRADE") else []
    code = subprocess.run([uv, *LOCK_COMMAND, *upgrade], cwd=ROOT, env=uv_environment(pip_settings())).returncode
    return code or write_environment()


def write_environment() -> int:
    """environment.yml again, from pyproject.toml (`analysis.run.environment`). It names pyproject's extras and
    Python, and `make lock` is what is run after pyproject.toml is edited (an extra added, the Python raised), yet
    it left the file as it was: conda users got the environment without the new extra, and only a test said so."""
    try:
        from analysis.run.environment import main as write_environment_yml
    except ImportError:  # tomllib: Python 3.11 or later
        print("lock: environment.yml not written (this Python has no tomllib): run `python -m "
              "analysis.run.environment` with the project's Python", file=sys.stderr)
        return 1
    return write_environment_yml()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extras = argv[0] if argv else "dev"
    python = sys.executable
    if extras == "lock":
        return relock(python)
    # One bootstrap at a time, and none while a build runs on the libraries it would replace: two `make`s started
    # together in a moved checkout (`make` and `make lab` in two terminals) both removed the old .venv, and the
    # second stopped with a traceback when the first had removed a folder under it (or removed the new .venv the
    # first was installing into). The second now waits, then finds .venv made here and only checks the install.
    with build_lock(Paths(ROOT)):
        return install(python, extras)


def install(python: str, extras: str) -> int:
    """Make .venv again if it cannot serve this checkout (`venv_problem`), then install the project into it."""
    problem = venv_problem(VENV)
    if problem is not None:
        print(f"bootstrap: .venv {problem}: making it again", file=sys.stderr)
        if VENV.is_symlink():
            VENV.unlink()  # the link only: the folder it leads to is another checkout's
        else:
            shutil.rmtree(VENV)
    print("bootstrap: installing the project and its pinned dependencies into .venv (a first run takes ~10 s)",
          file=sys.stderr, flush=True)
    uv = None if os.environ.get("CSE_NO_UV") else find_uv(python)
    if uv:
        code = install_with_uv(uv, python, extras)
    else:
        print("bootstrap: uv could not be had; installing with pip (slower: a minute or two)", file=sys.stderr)
        code = install_with_pip(python, extras)
    if code == 0:
        compile_project(str(VENV / "bin" / "python"))
    return code


if __name__ == "__main__":
    sys.exit(main())
