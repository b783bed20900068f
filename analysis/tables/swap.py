"""Replace a folder of generated files all at once, so that no build, however it ends, can break the next one.

The new files are written into a staging folder beside the target; the target is renamed aside to an "old"
folder, the staging folder renamed into its place, the old folder deleted. Both folders carry a name unique to the
build that made them (`.processed-new-<random>`, `.processed-old-<random>`), so a build never mistakes another's
folder for its own. A build killed between the two renames leaves the old tables intact in their old folder, and
the next build (holding the build lock, `analysis.run.lock`) puts them back before anything else.

What cannot work is refused before anything is touched, in one line: a target that is a file, a symbolic link, a
mount point (renaming it fails with EBUSY) or read-only. A write that fails half-way (disk full) removes what it
wrote and leaves the previous tables as they were.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path


class OutputError(OSError):
    """The output folder cannot be replaced; the message is one line for the user."""


def _remove(folder: Path) -> None:
    """Delete a folder we made, even if something in it was made read-only; a file or link is unlinked."""
    if folder.is_symlink() or not folder.is_dir():
        folder.unlink(missing_ok=True)
        return

    def make_writable_and_retry(func, path, _exc):  # noqa: ANN001 — shutil's onerror signature
        os.chmod(os.path.dirname(path), stat.S_IRWXU)
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, stat.S_IRWXU)
        func(path)

    shutil.rmtree(folder, onerror=make_writable_and_retry)


def target_problem(target: Path, label: str) -> str | None:
    """Why `target` cannot be replaced by a new folder, in one line, or None when it can (or does not exist)."""
    if target.is_symlink():
        return f"{label} is a symbolic link; the build replaces the folder itself, so it must be a plain folder"
    if not target.exists():
        return None if os.access(target.parent, os.W_OK) else f"{target.parent} is not writable"
    if not target.is_dir():
        return f"{label} is a file, not a folder: move it out of the way and build again"
    if os.path.ismount(target):
        return (f"{label} is a mount point; the build replaces the whole folder, which a mount point cannot be "
                "(mount the folder above it instead)")
    mode = target.stat().st_mode
    if not mode & stat.S_IWUSR or not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
        return f"{label} (or the folder holding it) is read-only: make it writable (chmod u+w) and build again"
    return None


def old_folders(target: Path) -> list[Path]:
    """Old folders a build set aside and did not delete (newest first): `.processed-old` and `.processed-old-*`."""
    found = [p for p in target.parent.glob(f".{target.name}-old*") if p.is_dir() and not p.is_symlink()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def recover(target: Path) -> None:
    """If a build died between its two renames, put its old tables back; delete leftovers of finished builds."""
    leftovers = old_folders(target)
    if leftovers and not target.exists() and not target.is_symlink():
        os.replace(leftovers.pop(0), target)
    for folder in leftovers:
        _remove(folder)
    for stale in target.parent.glob(f".{target.name}-new-*"):  # a build killed mid-write (we hold the lock)
        _remove(stale)


def replace_folder(files: dict[str, str], target: Path, label: str) -> None:
    """Write `files` (name → text) into a fresh folder, then swap it in for `target`; on any error the previous
    `target` is left as it was and nothing else remains. Raises OutputError with a one-line reason."""
    problem = target_problem(target, label)
    if problem:
        raise OutputError(errno.EPERM, problem)
    recover(target)
    token = os.urandom(6).hex()
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-{token}-", dir=target.parent))
    keep = target.with_name(f".{target.name}-old-{token}")
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        if target.exists():
            os.replace(target, keep)
        os.replace(staging, target)
    except BaseException as err:
        _remove(staging)
        if keep.exists() and not target.exists():
            os.replace(keep, target)
        if isinstance(err, OSError) and not isinstance(err, OutputError):
            raise OutputError(err.errno or errno.EIO, f"could not write {label} ({err.strerror or err}); the "
                                                      "previous tables are unchanged") from err
        raise
    _remove(keep)
