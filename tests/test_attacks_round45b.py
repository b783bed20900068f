"""Issue 24, round 45 (helper r45b): stamps that cannot lie (class 2), attacked through what the notebooks import
from outside the checkout and through the one output that reads the others' files without saying which: a desk's
helper module on $PYTHONPATH (or in a folder an editable install's `.pth` names) edited, then `make`, which said
"notebooks: unchanged, skipped" with chart 2 as the old helper drew it; and a notebook's chart call edited, then
`notebooks` and `gallery` alone, which published the new chart beside a workbook whose chart sheet gave the data as
drawn before, exit 0."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT
from analysis.run import pipeline

#: A desk's helper, as an analyst keeps it outside the project, and the same file edited to keep the years from 2015.
HELPER = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return frame\n'
EDITED = '"""Desk helpers."""\n\n\ndef chosen(frame):\n    return frame[frame["year"] >= 2015]\n'


def test_a_helper_module_on_the_python_path_is_in_every_step_s_stamp(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Notebook 02 passes its chart the series through `deskhelp.chosen`, a module in the newsroom's folder of
    helpers on $PYTHONPATH (the kernels have it on their path). `make`, then the helper edited to keep only the
    years from 2015, then `make`: "notebooks: unchanged, skipped", chart 2 as the old helper drew it (CSV md5
    e63482… kept; `make force` wrote 76ab0c…). The stamps hashed the variable's text, not what the folder holds."""
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "deskhelp.py").write_text(HELPER, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(desk))
    notebooks = next(step for step in pipeline.STEPS if step.name == "notebooks")
    before = pipeline.input_hash(PROJECT_ROOT, notebooks)
    (desk / "deskhelp.py").write_text(EDITED, encoding="utf-8")
    assert pipeline.input_hash(PROJECT_ROOT, notebooks) != before
    # a file nothing imports (an editor's backup, the bytecode cache) is not an edit of the helper
    now = pipeline.input_hash(PROJECT_ROOT, notebooks)
    (desk / "deskhelp.py~").write_text(HELPER, encoding="utf-8")
    (desk / "__pycache__").mkdir()
    (desk / "__pycache__" / "deskhelp.cpython-311.pyc").write_bytes(b"\0")
    assert pipeline.input_hash(PROJECT_ROOT, notebooks) == now


def test_a_folder_an_editable_install_names_is_imported_from_and_the_environment_is_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`pip install -e ~/newsroom-tools` (or uv's editable install) writes a `.pth` naming the folder; only the
    `.pth` file's text was hashed, so the same edit of a module there went unseen. The checkout itself (each step
    hashes the code it runs there), the environment's own library folders (named by their dist-info) and a `.pth`
    file's import lines are not folders to hash."""
    monkeypatch.delenv("PYTHONPATH", raising=False)
    site, tools = tmp_path / "site-packages", tmp_path / "newsroom-tools"
    site.mkdir()
    tools.mkdir()
    purelib = sysconfig.get_paths()["purelib"]
    (site / "_newsroom_tools.pth").write_text(f"{tools}\n# a comment\nimport os\n", encoding="utf-8")
    (site / "_checkout.pth").write_text(f"{PROJECT_ROOT}\n{purelib}\n", encoding="utf-8")
    assert pipeline.import_folders([str(site)]) == [str(tools.resolve())]
