"""Shared fixtures: a small, self-contained project tree for rule-by-rule tests, and the real repository."""

from __future__ import annotations

import csv
import shutil
import textwrap
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.record.figures import COLUMNS

SOURCES_YAML = textwrap.dedent("""\
    - id: demo-2017
      producer: Metropolitan Police Service
      title: Demo press release
      url_main: https://news.met.police.uk/demo
      date_published: 2017-03-13
      date_accessed: 2026-11-26
      kind: press release
      primary: true
      citation: Metropolitan Police Service, Demo press release, 13 March 2017.
""")

GOOD_ROW = {
    "figure_id": "demo-2017/referrals-2016",
    "measure": "cse_referrals",
    "subject": "CSE referrals",
    "geography": "London",
    "period_start": "2016-01-01",
    "period_end": "2016-12-31",
    "value_as_printed": "1,582",
    "unit": "referrals",
    "location": "para 2",
    "quote": "In 2016 there were 1,582 referrals.",
    "caveat": "",
}


def write_figures(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def mini(tmp_path: Path) -> Paths:
    """A minimal valid project: one source, one figure."""
    paths = Paths(tmp_path)
    paths.figures_dir.mkdir(parents=True)
    paths.sources_yaml.write_text(SOURCES_YAML, encoding="utf-8")
    write_figures(paths.figures_dir / "demo-2017.csv", [GOOD_ROW])
    return paths


@pytest.fixture
def real_copy(tmp_path: Path) -> Paths:
    """A copy of the real raw data and committed processed tables, safe to corrupt."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data", root / "data", ignore=shutil.ignore_patterns(".processed-*"))
    return Paths(root)
