"""How the notebook runner starts a batch kernel (used by `analysis.run.notebooks`).

One choice, seen failing here: Unix sockets instead of TCP ports. Readiness is jupyter_client's own
`wait_for_ready`: a re-implemented wait that saved 0.2 s per start could lose the race for the kernel's 'idle' on a
busy machine and time out (it failed `make test` twice), so it went. Hiding debugpy from the kernels (a None entry
in sys.modules) went too: it saved 0.3-0.45 s of CPU over a whole `make force`, less than the 0.5 s a trick must
save a user to stay.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

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
