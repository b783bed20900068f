"""Issue 24, round twenty-eight, helper r28c (class 2, stamps; class 5, exports): what a fresh attack found, each
pinned by a test that fails without its fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

# --- An output removed while its step ran is not stamped as made (class 2) ------------------------------------------


def _notebooks_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "notebooks", root / "notebooks")
    return root


def _made(root: Path) -> None:
    """Every file the notebooks step makes, as a run leaves them: both copies of each notebook, each chart's five."""
    from analysis.paths import CHART_FILE_KINDS, CHART_IDS, notebook_stems

    made = [f"outputs/notebooks/{stem}.{kind}" for stem in notebook_stems(root / "notebooks")
            for kind in ("ipynb", "html")]
    made += [f"outputs/charts/{c}/{c}.{kind}" for c in CHART_IDS for kind in CHART_FILE_KINDS]
    made += [f"outputs/charts/{c}/{c}-mobile.png" for c in CHART_IDS]
    for rel in made:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("made by this run", encoding="utf-8")


@pytest.mark.parametrize("removed", ["outputs/notebooks/01_inspections.html",
                                     "outputs/notebooks/06_national_picture.ipynb",
                                     "outputs/charts/inspection-grades/inspection-grades.png",
                                     "outputs/charts/two-1200s/two-1200s-mobile.png"])
def test_an_output_removed_while_its_step_ran_is_made_again(tmp_path: Path, removed: str) -> None:
    """outputs/notebooks tidied by hand in another window while the notebooks ran (a whole `make clean` is caught by
    the step's own check of each chart's four files): the step took its outputs' hash from what was left, so the
    next `make` said "notebooks: unchanged, skipped" and a notebook's copy stayed missing (the gallery simply left
    it out) until `make force` (seen end to end on a scratch clone). The step is now out of date while a file it
    makes by name is missing."""
    from analysis.run.outputs import output_marks
    from analysis.run.pipeline import STEPS, _finish, input_hash, is_current, touched

    step = next(s for s in STEPS if s.name == "notebooks")
    root = _notebooks_copy(tmp_path)
    attempt = (0, 1.0, (input_hash(root, step), touched(root, step)), output_marks(root, step.written))
    _made(root)
    (root / removed).unlink()  # removed while the step ran, after it was written
    stamps: dict[str, dict[str, str]] = {}
    assert _finish(step, attempt, root, stamps)
    assert not is_current(root, step, stamps)


def test_a_run_that_made_every_output_is_current_and_a_retired_copy_is_not_asked_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard: a run that made everything is current, and the copies of a notebook the project no longer has
    (the step removes them) are not asked for. The stand-in chart files carry no export's sidecar, so the check that
    each chart is as its export wrote it (round 40b, tests/test_attacks_round40b.py) is told they are."""
    from analysis.run.outputs import output_marks
    from analysis.run.pipeline import STEPS, _finish, input_hash, is_current, touched

    step = next(s for s in STEPS if s.name == "notebooks")
    root = _notebooks_copy(tmp_path)
    for name in ("06_national_picture.py", "06_national_picture.ipynb"):
        (root / "notebooks" / name).rename(root / "notebooks" / name.replace("picture", "view"))
    attempt = (0, 1.0, (input_hash(root, step), touched(root, step)), output_marks(root, step.written))
    _made(root)
    monkeypatch.setattr("analysis.run.pipeline._not_as_written", lambda root, step: "")
    assert not (root / "outputs/notebooks/06_national_picture.html").exists()
    stamps: dict[str, dict[str, str]] = {}
    assert _finish(step, attempt, root, stamps)
    assert is_current(root, step, stamps)
