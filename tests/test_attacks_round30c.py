"""Issue 24, round 30 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT
from tests.raw_copy import raw_copy, run_on

#: An analyst's edit to the record: a claimant's name corrected in data/raw/claims.yaml.
CLAIMANT_EDIT = ("claims.yaml", "  claimant: An unnamed newspaper\n", "  claimant: A newspaper, Jane Doe's edit\n")


def _built_then_edited(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    """A project whose data/processed is the committed build of the real record, with data/raw then edited."""
    root = raw_copy(tmp_path, *edits)
    shutil.copytree(PROJECT_ROOT / "data" / "processed", root / "data" / "processed")
    return root


@pytest.mark.parametrize("command", ["check", "db", "workbook"])
def test_a_writer_run_after_an_edit_to_data_raw_without_the_build_refuses(tmp_path: Path, command: str) -> None:
    """An analyst corrects data/raw/claims.yaml and runs `python -m analysis check` (or `db`, `charts`,
    `workbook`) as the README lists it, without the build: the command read data/processed as the last build left
    it, wrote the fact-check (or database, workbook) from the record before the edit, exited 0 and said nothing.
    Now it names the file changed since the build, says what to run, and writes nothing."""
    root = _built_then_edited(tmp_path, CLAIMANT_EDIT)
    result = run_on(root, command)
    assert result.returncode == 2, result.stderr
    assert "data/processed was built before data/raw/claims.yaml changed" in result.stderr
    assert "python -m analysis build" in result.stderr
    assert not (root / "outputs").exists()


def test_a_raw_file_added_since_the_build_is_named_too(tmp_path: Path) -> None:
    """A source's figures added as a new CSV is an edit of data/raw as much as a changed line is."""
    root = _built_then_edited(tmp_path)
    new = root / "data" / "raw" / "figures" / "jane-doe-2026-12-06-new-source.csv"
    shutil.copy(next((root / "data" / "raw" / "figures").glob("*.csv")), new)
    result = run_on(root, "check")
    assert result.returncode == 2
    assert "data/raw/figures/jane-doe-2026-12-06-new-source.csv" in result.stderr


def test_a_look_up_after_an_edit_says_so_and_answers(tmp_path: Path) -> None:
    """`show` prints, it publishes nothing: it answers from the last build, with one line saying data/raw changed."""
    root = _built_then_edited(tmp_path, CLAIMANT_EDIT)
    result = run_on(root, "show", "claim-q3-2017-135-sum")
    assert result.returncode == 0, result.stderr
    assert "An unnamed newspaper\n" in result.stdout and "Jane Doe" not in result.stdout
    assert "note: data/processed was built before data/raw/claims.yaml changed" in result.stderr


def test_an_unedited_record_runs_as_before(tmp_path: Path) -> None:
    """The guard: with data/raw as the build read it, `check` writes the report and says nothing more."""
    root = _built_then_edited(tmp_path)
    result = run_on(root, "check")
    assert result.returncode == 0, result.stderr
    assert "data/processed was built" not in result.stdout + result.stderr
    assert (root / "outputs" / "factcheck.html").is_file()


@pytest.mark.parametrize("command", ["gallery", "db"])
def test_a_writer_run_with_data_processed_deleted_refuses_in_one_line(tmp_path: Path, command: str) -> None:
    """data/processed deleted (to force a rebuild, or by a `git clean`) and a command run before the build:
    `gallery` wrote its page without the edition's date and exited 0; `db` said only "[Errno 2] No such file or
    directory" with the file's full path. Each now says the tables have not been built and what to run."""
    root = raw_copy(tmp_path)
    result = run_on(root, command)
    assert result.returncode == 2, result.stderr
    assert "data/processed has not been built" in result.stderr
    assert str(tmp_path) not in result.stderr
    assert not (root / "outputs").exists()


def test_a_table_edited_by_hand_is_not_published_as_built(tmp_path: Path) -> None:
    """A count "corrected" by hand in data/processed/figures.csv (374 cases made 375), then `check` run: the report
    was written from the hand edit, which no raw file holds. Now the table is named as differing from what the build
    wrote, and nothing is written."""
    root = _built_then_edited(tmp_path)
    figures = root / "data" / "processed" / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("aol-2016-11-24-hmic-ncpi-mps/cases-examined,"))
    assert row.count(",374,374,exact,") == 1
    figures.write_text(text.replace(row, row.replace(",374,374,exact,", ",375,375,exact,")), encoding="utf-8")
    result = run_on(root, "check")
    assert result.returncode == 2, result.stderr
    assert "data/processed/figures.csv differs from what the build wrote" in result.stderr
    assert not (root / "outputs").exists()


def test_a_project_whose_data_folder_is_a_link_is_not_behind_its_record(tmp_path: Path) -> None:
    """A project whose data/ is a link to a shared copy (as the test session's fresh-kernels run lays one out) read
    every raw file by the machine path the link leads to, so none matched the datapackage's "data/raw/…" names and
    every writing command refused: "data/processed was built before …/claims.yaml … and 255 more changed". A
    path inside the project keeps its place in it."""
    from analysis.paths import Paths
    from analysis.tables.load import behind_raw

    root = tmp_path / "project"
    root.mkdir()
    (root / "data").symlink_to(PROJECT_ROOT / "data", target_is_directory=True)
    paths = Paths(root.resolve())
    assert paths.rel(paths.claims_yaml) == "data/raw/claims.yaml"
    assert behind_raw(paths) == ""
