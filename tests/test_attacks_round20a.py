"""Issue 24, round twenty, helper r20a (class 5, exports; class 1, markup): what a fresh attack on the exports
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import shlex
import shutil
import venv as stdlib_venv
from pathlib import Path

import pytest

# --- A moved checkout's .venv (class 5) ------------------------------------------------------------------------------

#: Folder names a checkout may really sit in: a surname with an apostrophe (a home folder), a "$", a '"', a backtick
#: and a space. Each ended the one pattern that read an activate script's VIRTUAL_ENV, so a .venv made there and moved
#: (or copied) elsewhere was taken for one made where it is, and its scripts kept the old folder's Python.
AWKWARD_FOLDERS = ["o'neil", "a$HOME", 'say "cse"', "back`tick", "two words"]


@pytest.mark.parametrize("folder", AWKWARD_FOLDERS)
def test_a_venv_made_by_python_in_a_folder_with_quotes_or_a_dollar_is_noticed_when_moved(
        tmp_path: Path, folder: str) -> None:
    """A real `python -m venv` (what `make` falls back to without uv) made in `folder`, then the checkout copied to
    another folder: bootstrap must see the copy's .venv as made elsewhere, and the original as made where it is."""
    from analysis.run.bootstrap import moved_venv

    made = tmp_path / folder / ".venv"
    stdlib_venv.create(made, with_pip=False, symlinks=True)
    moved = tmp_path / "moved" / ".venv"
    shutil.copytree(made, moved, symlinks=True)
    assert moved_venv(made) is None
    assert moved_venv(moved) == made


@pytest.mark.parametrize("folder", AWKWARD_FOLDERS)
def test_a_venv_made_by_uv_in_a_folder_with_quotes_or_a_dollar_is_noticed_when_moved(
        tmp_path: Path, folder: str) -> None:
    """uv quotes the folder as the shell does (`VIRTUAL_ENV='/home/o'"'"'neil/.venv'`, shlex's own quoting): read as
    the shell reads it."""
    from analysis.run.bootstrap import moved_venv

    made = tmp_path / folder / ".venv"
    moved = tmp_path / "moved" / ".venv"
    for venv in (made, moved):
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "activate").write_text(
            f"VIRTUAL_ENV={shlex.quote(str(made))}\nif ([ \"$OSTYPE\" = \"cygwin\" ]); then\n"
            "    VIRTUAL_ENV=$(cygpath -u \"$VIRTUAL_ENV\")\nfi\nexport VIRTUAL_ENV\n", encoding="utf-8")
    assert moved_venv(made) is None
    assert moved_venv(moved) == made
