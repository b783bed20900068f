"""A project holding a copy of data/raw with a few lines edited, and a command of the package run on it: the shape of
every end-to-end test that plants one bad value in the real record (each round of issue 24 wrote its own)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from analysis.paths import PROJECT_ROOT


def raw_copy(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    """A project root under `tmp_path` with data/raw copied, each edit (a file under data/raw, `old`, `new`) applied
    in turn; `old` must stand exactly once in the file as it then is, so an edit never misses or hits twice."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data" / "raw", root / "data" / "raw")
    for name, old, new in edits:
        path = root / "data" / "raw" / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def refusal(tmp_path: Path, *edits: tuple[str, str, str]) -> str:
    """What the build says when it refuses the copy of data/raw with `edits` applied (`raw_copy`); the test fails
    when it does not refuse."""
    import pytest

    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw

    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(raw_copy(tmp_path, *edits)))
    return str(raised.value)


def run_on(root: Path, *command: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """`python -m analysis <command> --root <root>`, run from the repository, with its output captured."""
    return subprocess.run([sys.executable, "-m", "analysis", *command, "--root", str(root)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=timeout)


#: A figure corrected in data/raw: the Met's 2015 CSE referrals (2,060), which chart 2 (met-cse-series) draws and a
#: claim in the fact-check cites.
REFERRALS_2015 = "standard-2016-cse-referrals/cse-referrals-2015,"


def corrected_referrals(root: Path) -> None:
    """2,060 → 2,061 in the value and the quote of the 2015 referrals row (a transcription corrected)."""
    path = root / "data" / "raw" / "figures" / "standard-2016-cse-referrals.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    [i] = [n for n, line in enumerate(lines) if line.startswith(REFERRALS_2015)]
    assert lines[i].count("2,060") == 2
    lines[i] = lines[i].replace("2,060", "2,061")
    path.write_text("\n".join(lines), encoding="utf-8")
