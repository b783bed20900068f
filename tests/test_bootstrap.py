"""The bootstrap passes the machine's pip settings on to uv, so both install from the same places."""

from __future__ import annotations

import subprocess
from pathlib import Path

from analysis.paths import PROJECT_ROOT
from analysis.run import bootstrap


def _conf(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pip_config_files_and_environment_are_read_in_pips_order(tmp_path):
    system = _conf(tmp_path, "system.conf", "[global]\nfind-links = /opt/wheels\nextra-index-url = file:///a/simple\n"
                                            "  file:///b/simple\nconstraint = /etc/c.txt\ntimeout = 60\n")
    user = _conf(tmp_path, "user.conf", "[install]\nfind-links = /home/me/wheels\n")
    settings = bootstrap.pip_settings(environ={"PIP_INDEX_URL": "https://mirror.example/simple"}, files=[system, user])
    assert settings == {
        "find-links": "/home/me/wheels",  # the later file wins, as in pip
        "extra-index-url": "file:///a/simple file:///b/simple",  # a multi-line list becomes one space-separated value
        "constraint": "/etc/c.txt",
        "index-url": "https://mirror.example/simple",  # PIP_* variables override the files
    }  # `timeout` has no uv equivalent here and is left out


def test_uv_gets_pips_settings_but_never_overrides_the_users_uv_variables():
    env = bootstrap.uv_environment({"find-links": "/opt/wheels", "extra-index-url": "file:///a/simple"},
                                   environ={"UV_FIND_LINKS": "/mine", "PATH": "/usr/bin"})
    assert env["UV_FIND_LINKS"] == "/mine"
    assert env["UV_EXTRA_INDEX_URL"] == "file:///a/simple"
    # pip picks the best version across all indexes; uv must be told to, or an extra index hides pinned releases
    assert env["UV_INDEX_STRATEGY"] == "unsafe-best-match"
    assert env["PATH"] == "/usr/bin"


def test_no_pip_settings_leave_uvs_defaults_alone():
    env = bootstrap.uv_environment({}, environ={})
    assert "UV_INDEX_STRATEGY" not in env and "UV_FIND_LINKS" not in env


def test_an_unreadable_config_file_is_skipped(tmp_path):
    broken = _conf(tmp_path, "broken.conf", "this is not = [an ini file\n[global\n")
    assert bootstrap.pip_settings(environ={}, files=[broken, tmp_path / "missing.conf"]) == {}


def test_the_bootstrap_imports_only_the_standard_library():
    """It runs with the system Python before anything is installed: the standard library, analysis.paths (for
    the project's name), analysis.run.lock (the checkout's build lock) and analysis.run.environment (environment.yml,
    written with the lock), which import only the standard library."""
    import ast
    import sys

    from analysis import paths
    from analysis.run import environment, lock

    def imported(module: Path) -> set[str]:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        return names | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}

    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    assert {name.split(".")[0] for name in imported(Path(bootstrap.__file__))} - stdlib == {"analysis"}
    assert {name for name in imported(Path(bootstrap.__file__)) if name.startswith("analysis")} \
        == {"analysis.paths", "analysis.run.lock", "analysis.run.environment"}
    assert {name.split(".")[0] for name in imported(Path(paths.__file__))} <= stdlib
    assert {name.split(".")[0] for name in imported(Path(lock.__file__))} - stdlib == {"analysis"}
    assert {name for name in imported(Path(environment.__file__)) if name.split(".")[0] not in stdlib} \
        == {"analysis.paths"}


def test_a_venv_made_in_another_folder_is_noticed(tmp_path) -> None:
    """A checkout moved or copied keeps a .venv whose scripts name the old folder's Python: bootstrap remakes it."""
    from analysis.run.bootstrap import moved_venv

    venv = tmp_path / "here" / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "activate").write_text("VIRTUAL_ENV='/somewhere/else/.venv'\nexport VIRTUAL_ENV\n")
    assert moved_venv(venv) == Path("/somewhere/else/.venv")
    (venv / "bin" / "activate").write_text(f"VIRTUAL_ENV='{venv}'\nexport VIRTUAL_ENV\n")
    assert moved_venv(venv) is None
    assert moved_venv(tmp_path / "none") is None


def _make_vars(folder: Path) -> list[str]:
    """The Makefile's install stamp and kernel name, as make computes them in `folder`."""
    done = subprocess.run(["make", "-s", "--no-print-directory", "--eval",
                           "print-vars: ; @echo $(STAMP) $(KERNEL_NAME)", "print-vars"],
                          cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_the_makefile_checks_the_venv_again_when_the_checkout_moves(tmp_path: Path) -> None:
    """The install stamp's name hashes the checkout's folder too, so a moved checkout's .venv is checked again;
    and the kernel name make uses is paths.KERNEL_NAME (read, not typed again)."""
    import shutil

    from analysis.paths import KERNEL_NAME

    moved = tmp_path / "moved"
    moved.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(PROJECT_ROOT / name, moved / name)
    shutil.copytree(PROJECT_ROOT / "analysis", moved / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    here, there = _make_vars(PROJECT_ROOT), _make_vars(moved)
    assert here[1] == there[1] == KERNEL_NAME
    assert here[0].startswith(".venv/.installed-") and there[0].startswith(".venv/.installed-")
    assert here[0] != there[0]


def unlocked(pyproject: str, lock: str) -> list[str]:
    """Every dependency pyproject names (runtime and every extra) that the lock does not pin, by normalised name."""
    import re
    import tomllib

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    project = tomllib.loads(pyproject)["project"]
    wanted = [*project["dependencies"], *(d for deps in project["optional-dependencies"].values() for d in deps)]
    pinned = {norm(line.split("==")[0]) for line in lock.splitlines() if "==" in line and not line.startswith(" ")}
    return sorted({norm(re.match(r"[A-Za-z0-9._-]+", spec).group(0)) for spec in wanted} - pinned)


def test_the_lock_is_made_by_uv_and_pins_every_dependency() -> None:
    """constraints.txt is `make lock`'s output (uv pip compile), not a hand-kept list: it says so, and it pins every
    dependency pyproject names, so a dependency added without relocking fails here."""
    lock = (bootstrap.ROOT / bootstrap.LOCK_FILE).read_text(encoding="utf-8")
    assert lock.startswith("# This file was autogenerated by uv via the following command:\n#    make lock\n")
    assert unlocked((bootstrap.ROOT / "pyproject.toml").read_text(encoding="utf-8"), lock) == []
    recipe = subprocess.run(["make", "-n", "lock"], cwd=bootstrap.ROOT, capture_output=True, text=True, check=True)
    assert "-m analysis.run.bootstrap lock" in recipe.stdout


def test_a_dependency_missing_from_the_lock_is_found() -> None:
    pyproject = '[project]\ndependencies = ["pandas>=3", "Jinja2>=3.1"]\n[project.optional-dependencies]\n' \
                'dev = ["pytest-xdist>=3.6"]\n'
    assert unlocked(pyproject, "pandas==3.0.1\n    # via x\njinja2==3.1.6\n") == ["pytest-xdist"]


def test_a_warming_process_imports_its_modules_and_compiles_its_packages_whole(tmp_path):
    """The warming processes' output is discarded (a machine may lack an optional package), so a slip in them
    would only show as slower runs: here one runs with bytecode writing off, as on the machines it is for."""
    import importlib.util
    import os
    import sys

    package = tmp_path / "warmpkg"
    (package / "deep").mkdir(parents=True)
    for path in (package / "__init__.py", package / "deep" / "__init__.py", package / "deep" / "lazy.py"):
        path.write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "warmmod.py").write_text("Y = 2\n", encoding="utf-8")
    code = bootstrap.WARM_PROCESS.format(imports=("warmmod", "not_installed"), packages=("warmpkg", "not_installed"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    lazy = importlib.util.cache_from_source(str(package / "deep" / "lazy.py"))
    assert Path(lazy).is_file()  # never imported, compiled with its package
    assert not Path(importlib.util.cache_from_source(str(tmp_path / "warmmod.py"))).is_file()  # writing was off
