"""Round 19, helper b: stamps that cannot lie (class 2) and one reading of every digit and character (class 4)."""

from __future__ import annotations

import os

import pytest

from analysis.run import pipeline
from tests.test_pipeline import _run, fake  # noqa: F401  (fake: the two-step job the pipeline tests share)

# --- class 2: a linked input pointed elsewhere and back while its step runs ---------------------------------------


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_an_input_link_pointed_elsewhere_and_back_during_its_step_leaves_it_unstamped(
        fake, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        linked: str) -> None:
    """A notebook linked in from elsewhere (`notebooks/05_factcheck.ipynb -> ~/drafts/…`), pointed at another copy
    with `ln -sfn` while the notebooks ran and pointed back before they ended: the step ran the other copy, but
    `stat` follows the link to the same target before and after, so the step was stamped current and the next
    `make` skipped with the other copy's outputs published. The same with a linked folder of inputs."""
    root, ran = fake
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    for name, text in (("one", "1\n"), ("two", "2\n")):
        (elsewhere / name).mkdir()
        (elsewhere / name / "a.txt").write_text(text)
    if linked == "file":
        link, targets = root / "in" / "a.txt", (elsewhere / "one" / "a.txt", elsewhere / "two" / "a.txt")
        link.unlink()
    else:
        link, targets = root / "in", (elsewhere / "one", elsewhere / "two")
        (root / "in" / "a.txt").unlink()
        (root / "in").rmdir()
    link.symlink_to(targets[0])
    real = pipeline._run_step
    once: list[bool] = []

    def pointed_elsewhere_and_back(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        if step.name != "first" or once:
            return real(step, paths, pool)
        once.append(True)
        for target in (targets[1], targets[0]):  # `ln -sfn`: a new link each time
            link.unlink()
            link.symlink_to(target)
            if target == targets[1]:
                code = real(step, paths, pool)
        return code

    monkeypatch.setattr(pipeline, "_run_step", pointed_elsewhere_and_back)
    assert _run(root) == 0 and (root / "out" / "x.txt").read_text() == "2\n"
    ran.clear()
    assert _run(root) == 0 and ran[:1] == ["first"], "the step must run again"
    assert (root / "out" / "x.txt").read_text() == "1\n"
    assert os.readlink(link) == str(targets[0])
