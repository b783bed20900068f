"""Issue 24, round 35 (helper r35c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT


def _venv_on(folder: Path, made_for: str, now_runs: str) -> Path:
    """A `.venv` in `folder` made for Python `made_for` (as uv writes pyvenv.cfg) whose python links to an
    unversioned `python3` that now leads to an interpreter file named `python<now_runs>`, dated as a package
    dates it (long before the venv's install stamp)."""
    interpreter = folder / "usr" / "bin"
    interpreter.mkdir(parents=True)
    real = interpreter / f"python{now_runs}"
    real.write_text("")
    os.utime(real, (1_600_000_000, 1_600_000_000))
    (interpreter / "python3").symlink_to(real.name)
    venv = folder / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text(f"home = {interpreter}\nimplementation = CPython\nuv = 0.13.9\n"
                                     f"version_info = {made_for}.7\ninclude-system-site-packages = false\n")
    (venv / "bin" / "activate").write_text(f"VIRTUAL_ENV='{venv}'\nexport VIRTUAL_ENV\n")
    (venv / "bin" / "python").symlink_to(interpreter / "python3")
    return venv


@pytest.mark.parametrize(("made_for", "now_runs", "problem"), [("3.11", "3.12", True), ("3.11", "3.11", False)])
def test_a_venv_whose_python3_moved_to_another_version_is_made_again(tmp_path: Path, made_for: str, now_runs: str,
                                                                     problem: bool) -> None:
    """A distribution upgrade (or `brew upgrade`) points the unversioned `python3` a venv links to at the next minor
    version. The link still leads to a file, dated when it was packaged, so neither the dangling-link check nor
    make's file times saw it, and `make` stopped with "No module named 'yaml'". The bootstrap names the change, and
    the Makefile runs the bootstrap; the same version (a patch upgrade) is left alone."""
    from analysis.run.bootstrap import venv_problem

    venv = _venv_on(tmp_path, made_for, now_runs)
    said = venv_problem(venv)
    assert (said is not None) is problem
    if problem:
        assert said is not None and "made for Python 3.11" in said and "Python 3.12" in said

    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(PROJECT_ROOT / name, checkout / name)
    shutil.copytree(PROJECT_ROOT / "analysis", checkout / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.move(venv, checkout / ".venv")
    (checkout / ".venv" / "bin" / "activate").write_text(f"VIRTUAL_ENV='{checkout / '.venv'}'\nexport VIRTUAL_ENV\n")
    stamp = subprocess.run(["make", "-s", "--no-print-directory", "--eval", "print-stamp: ; @echo $(STAMP)",
                            "print-stamp"], cwd=checkout, capture_output=True, text=True, check=True).stdout.strip()
    assert stamp.startswith(".venv/.installed-")
    (checkout / stamp).touch()  # installed after the interpreter was packaged, as on a real machine
    # `make -q` answers 1 when the target would be remade (the bootstrap would run), 0 when it is up to date.
    asked = subprocess.run(["make", "-q", stamp], cwd=checkout, capture_output=True, text=True)
    assert asked.returncode == (1 if problem else 0), asked.stdout + asked.stderr


def test_a_venv_an_editor_made_with_a_python_too_old_for_the_project_is_made_again(tmp_path: Path) -> None:
    """VS Code's "Create Environment" (or PyCharm) makes .venv on opening the folder, with whichever Python it was
    set to. On 3.10 `make` stopped at uv's "No solution found … does not satisfy Python>=3.11" and the reader had
    to delete .venv by hand; the bootstrap now names the problem and makes .venv again, when the Python running it
    is new enough (with none newer, uv's own message stands)."""
    from analysis.run.bootstrap import venv_problem

    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/local/bin\ninclude-system-site-packages = false\n"
                                     "version = 3.10.13\n")  # as the venv module writes it
    (venv / "bin" / "activate").write_text(f'VIRTUAL_ENV="{venv}"\nexport VIRTUAL_ENV\n')
    pyproject = PROJECT_ROOT / "pyproject.toml"
    assert 'requires-python = ">=3.11"' in pyproject.read_text(encoding="utf-8")
    said = venv_problem(venv)
    assert said == "runs Python 3.10, and the project needs Python 3.11 or later"
    from analysis.run.bootstrap import too_old

    assert too_old(venv, pyproject, running=(3, 10)) is None
    (venv / "pyvenv.cfg").write_text("home = /usr/local/bin\nversion = 3.11.2\n")
    assert venv_problem(venv) is None


#: A figure no claim cites (HMICFRS's Q2 2017 update: the Met's audit examined "a further 170 case files").
AUDIT_FILE = "figures/aol-2017-08-10-hmicfrs-ncpi-mps-q2.csv"
AUDIT_FIGURE = "aol-2017-08-10-hmicfrs-ncpi-mps-q2/force-audit-case-files"
#: A claim citing it, as a second reporter would add one: "170", accurate against the figure as it stood.
NEW_CLAIM = f"""- id: claim-jane-doe-gazette-170-files
  claimant: Jane Doe Gazette
  claimant_type: organisation
  source_id: aol-2017-08-10-hmicfrs-ncpi-mps-q2
  location: Para 9
  text: auditors examined a further 170 case files
  stated: '170'
  kind: count
  inputs:
    figure: {AUDIT_FIGURE}
  note: A claim added on one branch while the figure it cites was corrected on another.
"""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "user.name=Jane Doe", "-c", "user.email=jane.doe@example.org",
                           "-c", "commit.gpgsign=false", *args], cwd=root, capture_output=True, text=True)


def test_two_branches_builds_merged_by_git_are_not_taken_for_one_build(tmp_path: Path) -> None:
    """One reporter corrects a figure (170 → 171) and builds; another adds a claim citing it ("170") and builds;
    both commit data/processed, as the project does, and git merges the two line by line without a conflict: each
    table's hash and each raw file's hash in datapackage.json is on a line of its own, and each changed on one side.
    Every hash then matched its file, so `check` run after the merge published the new claim as "accurate", from
    the verdict claims.csv kept from the old figure, while the build of the merged record says "inaccurate". Now
    datapackage.json carries one seal over all of them: the two builds conflict there, and a package taken from
    either side is refused by every command that reads data/processed until the build runs."""
    from tests.raw_copy import raw_copy, run_on

    root = raw_copy(tmp_path)
    assert AUDIT_FIGURE not in (root / "data" / "raw" / "claims.yaml").read_text(encoding="utf-8")
    assert run_on(root, "build").returncode == 0
    assert _git(root, "init", "-q", "-b", "main").returncode == 0
    (root / ".gitignore").write_text(".cache/\noutputs/\n", encoding="utf-8")
    assert _git(root, "add", "-A").returncode == 0 and _git(root, "commit", "-qm", "base").returncode == 0

    assert _git(root, "checkout", "-qb", "correction").returncode == 0
    figures = root / "data" / "raw" / AUDIT_FILE
    text = figures.read_text(encoding="utf-8")
    assert text.count(",170,") == 1 and text.count("a further 170 case files") == 1
    figures.write_text(text.replace(",170,", ",171,").replace("a further 170 case files", "a further 171 case files"),
                       encoding="utf-8")
    assert run_on(root, "build").returncode == 0
    assert _git(root, "commit", "-qam", "correct 170 to 171").returncode == 0

    assert _git(root, "checkout", "-q", "main").returncode == 0
    claims = root / "data" / "raw" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + NEW_CLAIM, encoding="utf-8")
    assert run_on(root, "build").returncode == 0
    assert _git(root, "commit", "-qam", "add a claim").returncode == 0

    plain = _git(root, "merge", "--no-edit", "correction")
    conflicted = _git(root, "diff", "--name-only", "--diff-filter=U").stdout.split()
    assert plain.returncode != 0 and conflicted == ["data/processed/datapackage.json"], plain.stdout + plain.stderr
    assert _git(root, "merge", "--abort").returncode == 0
    # The seals conflict; `-X ours` settles each conflicting hunk for this branch and keeps every other hunk
    # merged (without the seal the merge was clean anyway).
    merged = _git(root, "merge", "--no-edit", "-X", "ours", "correction")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    # Both halves of the record arrived: the corrected figure and the claim's old verdict.
    processed = root / "data" / "processed"
    assert f"{AUDIT_FIGURE},aol-2017-08-10-hmicfrs-ncpi-mps-q2,force_audit_cases_examined" in \
        (processed / "figures.csv").read_text(encoding="utf-8")
    assert "claim-jane-doe-gazette-170-files" in (processed / "claims.csv").read_text(encoding="utf-8")

    result = run_on(root, "check")
    assert result.returncode == 2, result.stdout
    assert "does not describe one build" in result.stderr
    assert not (root / "outputs" / "factcheck.md").exists()
    assert run_on(root, "build").returncode == 0
    assert run_on(root, "check").returncode == 0
    report = (root / "outputs" / "factcheck.md").read_text(encoding="utf-8")
    verdict = report.split('<a id="claim-jane-doe-gazette-170-files"></a>', 1)[1].split("<a id=", 1)[0]
    assert "inaccurate" in verdict
