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


def test_a_check_stopped_between_its_renames_leaves_nothing_the_gallery_would_link(project: Paths, monkeypatch):
    """`check` writes its five files to scratch names, then renames them into place; factcheck.html carries the
    build mark that vouches for the Markdown and ClaimReview beside it. It was renamed second, so a run stopped
    after it (Ctrl-C, a closed terminal) left a new factcheck.html beside the old claimreview.jsonld, and the gallery
    linked both as current. Now the marked file goes last: a run stopped part-way leaves the old mark, refused."""
    import os

    from analysis.factcheck import report
    from analysis.tables.load import outputs_behind

    report.write_report(project)
    assert outputs_behind(project.outputs, project) == ""
    figures = project.figures_dir / "standard-2016-cse-referrals.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("2,060", "2,061"), encoding="utf-8")
    build.build(project)  # a correction: the tables have a new build mark

    real_replace, calls = os.replace, []

    def stopped_at_the_third(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(report.os, "replace", stopped_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        report.write_report(project)
    monkeypatch.undo()
    assert "factcheck.html" in outputs_behind(project.outputs, project)
    assert not [p for p in project.outputs.iterdir() if p.name.startswith(".")], "scratch files left"


def test_notebooks_killed_while_making_a_pages_html_leave_nothing_the_gallery_would_link(project: Paths,
                                                                                         monkeypatch):
    """Each notebook's .ipynb copy carries the mark of the tables it ran on, which vouches for its HTML page. The
    .ipynb was put in place first and the HTML made after it (~0.5 s a notebook), so `notebooks` killed meanwhile
    (a closed terminal, a cancelled CI job: SIGTERM, which runs no clean-up) left a new mark beside the page from
    before the correction, and `gallery` published that page, exit 0. Now the mark goes last."""
    import nbformat

    from analysis.run import copies
    from analysis.tables.load import DRAWN_FROM, NOTEBOOK_METADATA, built_tables, copies_behind

    out = project.outputs / "notebooks"
    stem = "01_inspections"

    def notebook(tables: dict[str, str], finding: str) -> nbformat.NotebookNode:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(finding)])
        nb.metadata[NOTEBOOK_METADATA] = {DRAWN_FROM: tables}
        return nb

    before = {name: "sha256:" + "0" * 64 for name in built_tables(project)}  # the build before a correction
    copies.write_copies(notebook(before, "Referrals rose to 2,060."), out, stem)
    assert copies_behind([stem], out, project)  # an earlier build's pair: refused

    def killed(nb: object) -> str:
        raise KeyboardInterrupt  # stands for the process dying here: nothing after this line runs

    monkeypatch.setattr(copies, "_html", killed)
    with pytest.raises(KeyboardInterrupt):
        copies.write_copies(notebook(built_tables(project), "Referrals rose to 2,061."), out, stem)
    assert "2,060" in (out / f"{stem}.html").read_text(encoding="utf-8")  # the page from before the correction
    assert copies_behind([stem], out, project), "the gallery would publish the old page as current"
