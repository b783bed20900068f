"""What a failed step leaves behind: never an empty file that looks like a product.

A step that dies part-way (the disk fills while a notebook or a PNG is being written) can leave zero-length files
under the names of its outputs. A reporter would publish an empty chart; the next run would take it for a made
file. So when a step fails, every zero-length file among its outputs is removed: the step is then visibly not
done, and the next run makes those files again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def remove_empty_outputs(root: Path, patterns: Iterable[str]) -> list[Path]:
    """Delete the zero-length regular files the output globs match; return them."""
    removed = []
    for pattern in patterns:
        for path in root.glob(pattern):
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_size == 0:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed
