"""Issue 24, round 36 (helper r36c): stamps that cannot lie (class 2) and exports (class 5)."""

# ruff: noqa: F811 — the shared fixtures `project` and `baseline` are imported, then requested by name
from __future__ import annotations

import shutil

import pytest

from analysis.paths import Paths
from analysis.run import build
from tests.test_bad_inputs import (  # noqa: F401 — fixtures
    assert_reported,
    baseline,
    problems_after_build,
    project,
    snapshot,
)

pytestmark = pytest.mark.slow  # builds the real record: handed out first (tests/conftest.py)

#: A figures file no claim, gap, revision or inspection cites: its loss was refused by nothing else.
UNCITED = "data/raw/figures/banburyguardian-2019-11-01-nspcc-child-sexual-offences.csv"


@pytest.mark.parametrize(("name", "words"), [
    ("data/raw/claims.yaml", "leave the file empty"),
    ("data/raw/inspections.yaml", "leave the file empty"),
    ("data/raw/revisions.csv", "leave only its header row"),
    (UNCITED, "remove its entry too"),
])
def test_a_raw_file_gone_since_the_last_build_is_refused(project: Paths, name: str, words: str) -> None:
    """A file of the record moved aside, deleted by a sync client, or held back by iCloud Drive (which leaves
    '.<name>.icloud' in its place) was read as "none yet": the build wrote 0 claims, 0 inspection grades, or a record
    without a source's figures, exit 0, and every later command published it. The build now refuses, naming it."""
    path = project.root / name
    path.rename(path.with_name(f".{path.name}.icloud"))
    assert_reported(problems_after_build(project), name, None, "was read by the last build", words)


@pytest.mark.parametrize(("name", "emptied"), [
    ("data/raw/claims.yaml", ""),
    ("data/raw/revisions.csv", "figure_id,revises,note\n"),
])
def test_a_raw_file_emptied_on_purpose_still_builds(project: Paths, name: str, emptied: str) -> None:
    """The way the refusal names to record none, taken: the build writes the record without those rows."""
    (project.root / name).write_text(emptied, encoding="utf-8")
    files = build.build(project)
    assert build.count_rows(files["claims.csv"]) == (0 if name.endswith("claims.yaml") else 42)


def test_a_figures_file_removed_with_its_source_still_builds(project: Paths) -> None:
    """A source taken out of the record on purpose (its sources.yaml entry and its figures file): no refusal."""
    import yaml

    source_id = UNCITED.rsplit("/", 1)[-1].removesuffix(".csv")
    entries = yaml.safe_load(project.sources_yaml.read_text(encoding="utf-8"))
    kept = [e for e in entries if e["id"] != source_id]
    assert len(kept) == len(entries) - 1
    project.sources_yaml.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project.root / UNCITED).unlink()
    build.build(project)
    assert source_id not in (project.processed / "sources.csv").read_text(encoding="utf-8")


def test_a_project_never_built_reads_a_missing_file_as_none(tmp_path, baseline) -> None:
    """A new project (no data/processed yet) keeps "a missing file means none yet"."""
    root = tmp_path / "project"
    shutil.copytree(baseline / "data" / "raw", root / "data" / "raw")
    (root / "data" / "raw" / "inspections.yaml").unlink()
    paths = Paths(root)
    build.build(paths)
    assert "inspection_grades.csv" in snapshot(paths.processed)


def _git(root, *args: str):
    import subprocess

    return subprocess.run(["git", "-c", "user.name=Jane Doe", "-c", "user.email=jane.doe@example.org",
                           "-c", "commit.gpgsign=false", "-c", "core.autocrlf=true", *args], cwd=root,
                          capture_output=True, text=True)


def test_a_clone_that_converts_line_endings_holds_the_same_record(tmp_path, baseline) -> None:
    """Git for Windows checks text files out with CRLF (core.autocrlf=true by default). The raw files' and tables'
    bytes then differed from the hashes datapackage.json recorded, so every command refused a clone nobody had
    edited ("… differs from what the build wrote (edited by hand?)"), and a build there recorded hashes no other
    clone matched. The repository's .gitattributes keeps the record's bytes as committed."""
    from analysis.paths import PROJECT_ROOT
    from analysis.tables.load import behind_raw

    origin = tmp_path / "origin"
    shutil.copytree(baseline / "data", origin / "data")
    for name in (".gitattributes", "data/.gitattributes"):  # what the repository has
        if (PROJECT_ROOT / name).is_file():
            shutil.copy(PROJECT_ROOT / name, origin / name)
    assert _git(origin, "init", "-q", "-b", "main").returncode == 0
    assert _git(origin, "add", "-A").returncode == 0 and _git(origin, "commit", "-qm", "record").returncode == 0
    assert _git(tmp_path, "clone", "-q", str(origin), "clone").returncode == 0
    clone = Paths(tmp_path / "clone")
    assert behind_raw(clone) == ""
    assert snapshot(clone.processed) == snapshot(Paths(origin).processed)
