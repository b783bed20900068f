"""`asyncio.run` for tests that share a worker with the browser tests.

The session's sync Playwright (the `browser` fixture) keeps its event loop running on the test thread until the
session ends, and `asyncio.run` refuses to start on a thread with a running loop. A coroutine run on a thread of its
own never meets that loop, so the Datasette and kernel tests pass in any order, under `make test` or a plain `pytest`.
"""

from __future__ import annotations

from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_apart(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to completion with `asyncio.run` on a fresh thread and return its result (or raise its error)."""
    import asyncio

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
