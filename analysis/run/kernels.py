"""How the notebook runner starts a batch kernel (used by `analysis.run.notebooks`).

Two choices, each measured or seen failing here: debugpy hidden from the kernel, and Unix sockets instead of TCP
ports. Readiness is jupyter_client's own `wait_for_ready`: a re-implemented wait that saved 0.2 s per start could
lose the race for the kernel's 'idle' on a busy machine and time out (it failed `make test` twice), so it went.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
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
