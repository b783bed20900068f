"""Issue 24, round 34 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.raw_copy import raw_copy, run_on

#: The first revision line of the record (ONS's mid-2023 population for England and Wales, 60.9m → 61.1m).
FIRST = ("timesng-2025-07-30-ons-mid-2024-copy/ew-population-mid-2023-revised,"
         "ons-2024-10-08-population-estimates-topic-ew-mid-2023/ew-population-mid-2023,")


def test_a_revision_written_on_two_lines_is_refused_not_half_published(tmp_path: Path) -> None:
    """A researcher adds a revision that is already listed, with a better note. The build kept the first line's
    note and dropped the second's without a word: the workbook and database published only the first. The
    repeated line is now a problem at its line, naming the first, and nothing is written."""
    root = raw_copy(tmp_path)
    path = root / "data" / "raw" / "revisions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, start=1) if line.startswith(FIRST))
    lines.append(FIRST + "\"Revised for improved migration data (checked by Jane Doe, ONS release page).\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_on(root, "build")
    assert result.returncode != 0, result.stdout
    assert (f"data/raw/revisions.csv:{len(lines)}: repeats the revision on line {first}" in result.stderr
            + result.stdout), result.stderr
    assert not (root / "data" / "processed" / "revisions.csv").exists()


def test_the_record_as_it_is_has_one_line_per_revision(tmp_path: Path) -> None:
    """The rule refuses nothing in the record: each (figure, revises) pair stands once, and the build passes."""
    root = raw_copy(tmp_path)
    with (root / "data" / "raw" / "revisions.csv").open(encoding="utf-8", newline="") as fh:
        pairs = [(row["figure_id"], row["revises"]) for row in csv.DictReader(fh)]
    assert pairs and len(pairs) == len(set(pairs))
    result = run_on(root, "build")
    assert result.returncode == 0, result.stderr
