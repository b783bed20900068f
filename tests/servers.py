"""Starting and stopping the local servers a test talks to (Datasette from `db --serve`, JupyterLab from `make lab`).

Each test starts its own server on a free port and must stop it whatever happens, or a failed test leaves a process
holding the port and the worker's file handles. One stop rule here, so the tests agree on what "stopped" means.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: How long a server has to stop on SIGTERM (Ctrl-C's polite cousin) before it is killed.
GRACE_SECONDS = 30


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def first_json(url: str, process: subprocess.Popen, bound: float = 90) -> Any | None:
    """What `url` answers (as JSON) once the server is up, or None if the process ends or `bound` seconds pass
    first: a bound, so a broken server fails its test instead of hanging it."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:  # not listening yet: URLError, ConnectionError and TimeoutError are all OSErrors
            time.sleep(0.5)
    return None


def stop(process: subprocess.Popen) -> bool:
    """Terminate `process` and wait for it; kill it if it outlives the grace period. True if SIGTERM was enough."""
    process.terminate()
    try:
        process.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return False
    return True


@contextmanager
def stopped_after(process: subprocess.Popen) -> Iterator[dict[str, bool]]:
    """Run the block, then stop `process` even if the block failed; `result["on_sigterm"]` says how it stopped."""
    result = {"on_sigterm": False}
    try:
        yield result
    finally:
        result["on_sigterm"] = stop(process)
