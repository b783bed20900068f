"""How the notebook runner starts a batch kernel (`analysis.run.kernels`): ready means ready, and a kernel that
dies while starting is reported, not waited for."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from analysis.run import kernels
from tests.event_loop import run_apart


def _with_kernel(scenario: Callable[[Any, Any], Awaitable[Any]]) -> Any:
    """Start one batch kernel as the runner does, run `scenario(km, kc)`, then stop the kernel either way."""

    async def run() -> Any:
        folder = kernels.socket_folder()
        km = kernels.manager(folder, 1)
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            return await scenario(km, kc)
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    return run_apart(run())


def test_a_ready_kernel_has_nothing_left_over_from_starting_on_its_broadcast_channel() -> None:
    """Once ready, every message the kernel broadcast while starting has been read: the first thing on IOPub is
    the answer to our first request, so nothing from start-up can be taken for a notebook's output."""

    async def scenario(km: Any, kc: Any) -> list[tuple[str, bool]]:
        await kc.wait_for_ready(timeout=60)
        request = kc.execute("print('first request')")
        seen: list[tuple[str, bool]] = []
        while not seen or seen[-1] != ("idle", True):
            msg = await kc.iopub_channel.get_msg(timeout=30)
            what = msg["content"].get("execution_state") or msg["msg_type"]
            seen.append((what, msg["parent_header"].get("msg_id") == request))
        return seen

    seen = _with_kernel(scenario)
    assert seen[0] == ("busy", True), seen
    assert all(ours for _, ours in seen), seen
    assert ("stream", True) in seen


def test_a_kernel_that_dies_while_starting_is_reported_at_once() -> None:
    """A kernel process gone before it answers: the wait ends with the reason, well before its 60 s timeout."""

    async def scenario(km: Any, kc: Any) -> str:
        km.provisioner.process.kill()
        await asyncio.to_thread(km.provisioner.process.wait)
        with pytest.raises(RuntimeError, match="died") as raised:
            await asyncio.wait_for(kc.wait_for_ready(timeout=60), timeout=20)
        return str(raised.value)

    assert "kernel_info" in _with_kernel(scenario)
