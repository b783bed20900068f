"""Round 20, helper b: stamps that cannot lie (class 2) and one reading of every number (class 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.run import pipeline

# --- class 2: every file a step's code reads is in its stamp ---------------------------------------------------------


@pytest.mark.parametrize("rel", ["analysis/factcheck/templates/parts/note.html.j2",
                                 "analysis/publish/templates/cards/chart.html.j2",
                                 "analysis/run/templates/lab/index.html.j2",
                                 "analysis/publish/fonts/extra/Inter-Italic.otf"])
def test_a_template_or_font_in_a_subfolder_is_in_every_stamp_that_reads_its_stage(tmp_path: Path, rel: str) -> None:
    """Jinja loads "parts/note.html.j2" from a subfolder of templates/ (`{% include %}`), but the stamps hashed
    `templates/*` only: the partial edited on its own left factcheck.html stale and `make` skipped the check."""
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    path.write_text("<p>one</p>\n")
    stage = rel.split("/")[1]
    readers = [s for s in pipeline.STEPS if f"analysis/{stage}/**/*.py" in s.inputs]
    assert readers
    for step in readers:
        before = pipeline.content_hash(tmp_path, step.inputs)
        path.write_text("<p>two</p>\n")
        assert pipeline.content_hash(tmp_path, step.inputs) != before, f"{step.name} does not see {rel}"
        path.write_text("<p>one</p>\n")
