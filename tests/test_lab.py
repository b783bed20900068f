"""Jupyter for analysts: `make kernel` registers the project's kernel inside .venv, the notebooks open on it from
any working directory, and `make lab` starts JupyterLab in notebooks/ on that kernel.

The commands tested are the ones the Makefile runs: read with `make -n` (print, do not run), then run here, so a
change to the Makefile's recipe is what gets tested.
"""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis.paths import KERNEL_NAME, PROJECT_ROOT
from tests.servers import GRACE_SECONDS, first_json, free_port, stopped_after

KERNEL = KERNEL_NAME
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)


def recipe_line(target: str, marker: str) -> str:
    """The line of `make -n -B TARGET` that contains `marker` (-B: printed even when the target is up to date;
    other lines bootstrap the venv first)."""
    done = subprocess.run(["make", "-n", "-B", "--no-print-directory", target], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=True)
    lines = [line for line in done.stdout.splitlines() if marker in line]
    assert len(lines) == 1, done.stdout
    return lines[0]


@pytest.fixture(scope="module")
def kernel() -> dict:
    """Run `make kernel`'s install command (idempotent), then return the registered spec."""
    line = recipe_line("kernel", "ipykernel install")
    assert "--sys-prefix" in line and f"--name {KERNEL}" in line
    if not (PROJECT_ROOT / shlex.split(line)[0]).exists():
        pytest.skip(f"{shlex.split(line)[0]} does not exist: run `make` first")
    subprocess.run(line, shell=True, cwd=PROJECT_ROOT, check=True, capture_output=True)
    specs = subprocess.run([str(BIN / "jupyter"), "kernelspec", "list", "--json"], capture_output=True, text=True,
                           check=True)
    return json.loads(specs.stdout)["kernelspecs"]


def test_the_kernel_is_registered_inside_the_venv(kernel: dict) -> None:
    spec = kernel[KERNEL]
    venv = (PROJECT_ROOT / ".venv").resolve()
    assert Path(spec["resource_dir"]).resolve().is_relative_to(venv)
    assert Path(os.path.abspath(spec["spec"]["argv"][0])).is_relative_to(PROJECT_ROOT / ".venv")  # its python
    assert spec["spec"]["display_name"] == f"Python ({KERNEL})"


def test_a_notebook_runs_through_nbconvert_from_another_directory(kernel: dict, tmp_path: Path) -> None:
    """As an analyst would: `jupyter nbconvert --execute` from elsewhere, on the kernel the notebook names.
    Opened this way (no $CSE_CHARTS_DIR) the notebook shows its chart and writes no chart file."""
    source = PROJECT_ROOT / "notebooks" / "05_factcheck.ipynb"  # the quickest; all open on the same kernel
    assert nbformat.read(source, as_version=4).metadata["kernelspec"]["name"] == KERNEL
    env = {k: v for k, v in os.environ.items() if k not in ("CSE_CHARTS_DIR", "CSE_FIGURES_ROOT")}
    done = subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", str(source),
                           "--output-dir", str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    nb = nbformat.read(tmp_path / source.name, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    assert any("no files are written" in o.get("data", {}).get("text/markdown", "") for o in outputs)
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def test_make_lab_starts_jupyterlab_in_notebooks_on_the_project_kernel(kernel: dict, tmp_path: Path) -> None:
    line = recipe_line("lab", "jupyter lab")
    port, token = free_port(), "cse-test-token"
    args = [*shlex.split(line), "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}"]
    if os.geteuid() == 0:  # CI containers run as root, which Jupyter refuses unless told
        args.append("--allow-root")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    server = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    with stopped_after(server) as stopping:
        status = first_json(f"{base}/api/status?token={token}", server, bound=120)
        assert status is not None, f"no answer on {base}: {server.stderr.read(4000) if server.poll() else ''}"
        assert _get(f"{base}/api/kernelspecs?token={token}")["default"] == KERNEL
        listed = {item["name"] for item in _get(f"{base}/api/contents?token={token}")["content"]}
        assert "01_inspections.ipynb" in listed  # the server's root is notebooks/
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
    assert stopping["on_sigterm"], f"the server did not stop on SIGTERM (Ctrl-C) within {GRACE_SECONDS} s"


def test_make_lab_on_a_busy_port_says_so_in_one_line() -> None:
    """`make lab PORT=N` with N taken: one line naming the next port, exit non-zero, JupyterLab not started."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        done = subprocess.run(["make", "-s", "lab", f"PORT={port}"], cwd=PROJECT_ROOT, capture_output=True,
                              text=True, timeout=120)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith(("make:", "make["))]
    assert lines == [f"make lab: port {port} is in use; choose another: make lab PORT={port + 1}"], done.stderr
    assert "jupyter" not in done.stdout.lower()
