"""One build at a time per checkout: an exclusive `fcntl` lock around `build` and `all`.

Two builds of one checkout started together (two terminals, an editor's save hook and `make`) used to clear each
other's staging folders as "stale" and could leave `data/processed` short of files. With the lock the second build
waits for the first, says so in one line, then runs on what the first left. The lock is the kernel's (`flock`), so
a build that is killed releases it with its last file descriptor: there is no stale lock file to clean up.

The lock is re-entrant within a process (`all` runs `build` in-process) and lives in `.cache/build.lock`.
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from analysis.paths import LOCK_NAME, Paths

_held: dict[str, int] = {}  # lock path → depth, for re-entry from the same process


@contextmanager
def build_lock(paths: Paths) -> Iterator[None]:
    """Hold the checkout's build lock for the duration of the block, waiting (with one line said) if need be."""
    path = paths.cache / LOCK_NAME
    key = str(path.resolve())
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as err:  # a read-only checkout: nothing can be written, so nothing needs guarding
        print(f"note: no build lock ({paths.rel(path)}: {err.strerror}); running unguarded", file=sys.stderr)
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for another build of this checkout to finish…", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
