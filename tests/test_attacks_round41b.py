"""Issue 24, round 41 (helper r41b): stamps that cannot lie (class 2)."""

from __future__ import annotations

from pathlib import Path

from tests.made import Made, copy_of
from tests.raw_copy import run_on

#: What a spreadsheet saves revisions.csv as when the edit is saved in its own format: Excel's workbook (offered on
#: closing a CSV), LibreOffice's ODF, Numbers' own (it saves nothing else).
SAVED_AS = ("revisions.xlsx", "revisions.ods", "revisions.numbers")


def test_the_registry_csv_saved_in_a_spreadsheet_format_beside_itself_stops_build_and_commands_alone(
        made: Made, tmp_path: Path) -> None:
    """revisions.csv (the one registry file at the top of data/raw that is a CSV) opened in Excel, LibreOffice or
    Numbers, a revision added, and saved in the application's own format: the edit sits in "revisions.xlsx" beside
    the unchanged CSV. The build read revisions.csv alone and `make` published without the revision, exit 0, and
    `check` alone likewise: files at the top were listed only when YAML or CSV. Each is now refused by name, by the
    build and by every command that reads data/processed; a note or PDF kept there still changes nothing."""
    from analysis.publish.datasette_plugins.served import project_of

    root = copy_of(made, tmp_path / "project")
    raw = root / "data" / "raw"
    (raw / "NOTES.md").write_text("Jane Doe: revisions to add\n", encoding="utf-8")
    assert run_on(root, "check").returncode == 0
    served = project_of(str(root / "outputs" / "cse.db"))
    assert served is not None and served.behind() == ""
    report = root / "outputs" / "factcheck.html"
    before = report.read_bytes()
    for name in SAVED_AS:
        (raw / name).write_bytes(b"PK\x03\x04 a workbook holding Jane Doe's revision")
    result = run_on(root, "check")
    assert result.returncode == 2, result.stderr
    assert "data/raw/revisions.numbers, data/raw/revisions.ods, data/raw/revisions.xlsx are not read" in result.stderr
    assert report.read_bytes() == before  # nothing written
    assert "revisions.xlsx" in served.behind()  # `make serve` answers 503
    built = run_on(root, "build")
    assert built.returncode != 0, built.stdout
    for name in SAVED_AS:
        assert f"data/raw/{name}" in built.stderr + built.stdout


def test_scratch_a_killed_command_left_is_removed_by_the_next_command_run_alone(made: Made, tmp_path: Path) -> None:
    """`workbook` run alone and killed while it wrote (a closed terminal, a cancelled CI job: SIGTERM or SIGHUP, so
    no clean-up runs) left ".cse-figures.xlsx.<random>.tmp", half a workbook, in outputs/: every later `workbook`
    and `gallery` run alone left it there, published with outputs/, since only `make` removed such files. Each
    command that writes outputs/ now removes them once it holds the build lock; a user's own file is left."""
    from analysis.factcheck.report import scratch_beside

    root = copy_of(made, tmp_path / "project")
    outputs = root / "outputs"
    left = scratch_beside(outputs / "cse-figures.xlsx")
    left.write_bytes((outputs / "cse-figures.xlsx").read_bytes()[:4096])  # cut off where the signal landed
    mine = outputs / ".jane-doe-notes.tmp"
    mine.write_text("mine", encoding="utf-8")
    result = run_on(root, "gallery")
    assert result.returncode == 0, result.stderr
    assert not left.exists()
    assert "removed 1 scratch file(s) an interrupted run left in outputs/" in result.stdout
    assert mine.is_file()


def test_a_table_held_back_by_a_sync_client_is_named_as_missing_not_as_edited(made: Made, tmp_path: Path) -> None:
    """iCloud Drive's "Optimize Storage" keeps data/processed/figures.csv in the cloud as ".figures.csv.icloud":
    `check` refused (right), but said the table "differs from what the build wrote (edited by hand?)", sending the
    user to look for an edit in a file that is not there. It now says the table is missing, and still refuses."""
    root = copy_of(made, tmp_path / "project")
    processed = root / "data" / "processed"
    (processed / "figures.csv").rename(processed / ".figures.csv.icloud")
    result = run_on(root, "check")
    assert result.returncode == 2, result.stderr
    assert "data/processed/figures.csv is missing (removed, or held back by a sync client?)" in result.stderr
    assert "edited by hand" not in result.stderr
