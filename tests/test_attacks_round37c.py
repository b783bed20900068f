"""Issue 24, round 37 (helper r37c): stamps that cannot lie (class 2) and exports (class 5)."""

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


@pytest.mark.parametrize(("original", "copy"), [
    ("claims.yaml", "claims (Jane Doe's conflicted copy 2026-12-07).yaml"),  # Dropbox
    ("sources.yaml", "sources (1).yaml"),  # Google Drive
    ("claims.yaml", "claims-DESKTOP-1AB2C3D.yaml"),  # OneDrive
    ("gaps.yaml", "gaps.sync-conflict-20261207-101010-ABCDEFG.yaml"),  # Syncthing
    ("inspections.yaml", "inspections 2.yaml"),  # iCloud Drive
    ("revisions.csv", "revisions (conflicted copy 2026-12-07 101010).csv"),  # Nextcloud
])
def test_a_sync_clients_conflicted_copy_of_a_registry_file_is_refused(project: Paths, original: str,
                                                                      copy: str) -> None:
    """Two people edited one registry file in a synced checkout: the sync client kept one edit and wrote the other
    beside it under a new name. The build read only the one kept and wrote the record, exit 0, so `make` published a
    fact-check without the colleague's claim or correction. The build now refuses, naming the copy."""
    # The colleague's edit, in the copy: one more claim-like line would do; a changed byte is enough to differ.
    text = (project.raw / original).read_text(encoding="utf-8")
    (project.raw / copy).write_text(text + "\n", encoding="utf-8")
    assert_reported(problems_after_build(project), f"data/raw/{copy}", None, "is not read by the build",
                    "conflicted copy")


@pytest.mark.parametrize("name", ["claims.yaml~", ".~lock.claims.yaml#", "#claims.yaml#", ".DS_Store",
                                  "claims.yaml.orig", "NOTES.md"])
def test_what_holds_no_ones_edit_is_still_left_alone(project: Paths, name: str) -> None:
    """Editors' backups and locks, the Finder's files, a merge tool's .orig and a note are not record data: the
    build goes on as before (these were decided in round 34)."""
    shutil.copyfile(project.claims_yaml, project.raw / name)
    files = build.build(project)
    assert build.count_rows(files["claims.csv"]) == 42
