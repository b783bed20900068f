"""How the notebook runner starts a batch kernel and knows it is ready (used by `analysis.run.notebooks`).

Three choices, each measured or seen failing here: debugpy hidden from the kernel, Unix sockets instead of TCP
ports, and a readiness check that waits for the kernel's own answer instead of for a silence.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty
from typing import Any

#: The kernel every notebook names; the runner maps it to the batch kernel below whatever is installed.
KERNEL = "python3"
#: How the runner starts a kernel: ipykernel with debugpy hidden. A batch kernel is never debugged, and ipykernel's
#: debugger support (installed whenever debugpy can be imported; JupyterLab brings it) cost ~10 % of the kernels'
#: CPU here. Analysts' kernels (`make lab`, `make kernel`) keep the debugger.
KERNEL_BOOT = ("import sys; sys.modules['debugpy'] = None; "
               "from ipykernel.kernelapp import launch_new_instance; launch_new_instance()")


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
            return KernelSpec(argv=[sys.executable, "-c", KERNEL_BOOT, "-f", "{connection_file}"],
                              display_name=kernel_name, language="python", metadata={"debugger": False})

    return BatchKernelSpecs()


async def wait_until_ready(kc: Any, timeout: float) -> None:
    """Return once the kernel answers on its request channel and its broadcast channel (IOPub) is connected, with
    every message it broadcast while starting already read.

    jupyter_client's `wait_for_ready` ends by reading IOPub until it has been silent for 0.2 s: at every kernel
    start, both cores idled for those 0.2 s (seen sampling CPU use through the main job). The same guarantee
    comes sooner from the kernel's own word: it announces 'idle' on IOPub after answering a request, and IOPub
    delivers in order, so once the 'idle' for our request is read, everything before it has been too. If that
    'idle' does not come, IOPub was not connected yet (a subscriber misses what was sent before it joined): ask
    again, as jupyter_client does.
    """
    deadline = time.monotonic() + timeout
    while True:
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
        kc.kernel_info()
        try:
            reply = await kc.shell_channel.get_msg(timeout=1)
        except Empty:
            if not await kc.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info") from None
            continue
        if reply["msg_type"] != "kernel_info_reply":
            continue
        if await _idle_after(kc, reply["parent_header"].get("msg_id")):
            kc._handle_kernel_info_reply(reply)  # what jupyter_client does with it: the protocol version to speak
            return


async def _idle_after(kc: Any, request: str | None) -> bool:
    """Read IOPub up to the kernel's 'idle' for `request`; False if IOPub falls silent first (not connected)."""
    while True:
        try:
            msg = await kc.iopub_channel.get_msg(timeout=0.2)
        except Empty:
            return False
        if (msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle"
                and msg["parent_header"].get("msg_id") == request):
            return True
