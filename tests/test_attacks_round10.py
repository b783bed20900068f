"""Issue 24, round ten, the lead's own attacks on classes 2 and 5 (what the outputs depend on, and the exports);
the helpers' rounds 10a and 10b have their own files. What failed is here."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from analysis.paths import PROJECT_ROOT
from analysis.publish import style


def test_an_inter_installed_on_the_machine_never_replaces_the_bundled_face(tmp_path: Path) -> None:
    """matplotlib finds a face by family name and, of two equal matches, takes the first listed: the machine's own
    fonts come first. A different "Inter" installed on the machine (here the bundled files with wider letters, as
    another version has other metrics) drew every PNG and set every line break of all twelve charts, while each SVG
    embedded the bundled face; `make` said nothing. Run in a fresh interpreter, whose font list is the machine's."""
    script = textwrap.dedent(f"""
        from fontTools.ttLib import TTFont
        from matplotlib import font_manager, pyplot as plt
        from analysis.publish import audit, style

        # Another Inter, listed where the machine's fonts are (before the bundled), named as the bundled is and
        # in other cases, which matplotlib's lookup reads as the same family (round 12c: "inter" was kept).
        for family in ("Inter", "inter", "INTER"):
            for path in style.FONT_FILES:
                font = TTFont(path)
                font["hmtx"].metrics = {{k: (int(a * 1.4), b) for k, (a, b) in font["hmtx"].metrics.items()}}
                for record in font["name"].names:
                    if record.nameID in (1, 16):
                        record.string = family
                rival = {str(tmp_path)!r} + "/" + path.stem + "-" + family + ".otf"
                font.save(rival)
                font_manager.fontManager.addfont(rival)
        with style.house():
            fig = plt.figure()
            fig.text(0, 0, "1,200 cases")
            fig.text(0, 0.5, "Met review", fontweight="bold")
            print(audit.foreign_fonts(fig))
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(style.__file__).parents[2])
    assert run.stdout.strip() == "[]", run.stdout


def test_a_venv_whose_python_is_gone_is_made_again(tmp_path: Path) -> None:
    """A venv's python is a link to the Python it was made from. When that Python is removed or upgraded (pyenv,
    Homebrew, a distribution upgrade) the link leads nowhere; the install stamp was still there, so `make` and `make
    test` failed with ".venv/bin/python: No such file or directory" until the reader deleted .venv by hand. Now
    make asks for the bootstrap, and the bootstrap says why it makes .venv again."""
    import shutil

    from analysis.run.bootstrap import venv_problem

    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(PROJECT_ROOT / name, checkout / name)
    shutil.copytree(PROJECT_ROOT / "analysis", checkout / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    venv = checkout / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to("/nonexistent/python3.11/bin/python3")
    stamp = subprocess.run(["make", "-s", "--no-print-directory", "--eval", "stamp: ; @echo $(STAMP)", "stamp"],
                           cwd=checkout, capture_output=True, text=True, check=True).stdout.strip()
    (checkout / stamp).touch()  # installed, after pyproject.toml and constraints.txt were last changed
    planned = subprocess.run(["make", "-n", "venv"], cwd=checkout, capture_output=True, text=True, check=True)
    assert "analysis.run.bootstrap dev" in planned.stdout
    assert venv_problem(venv) == "runs a Python that is no longer there (/nonexistent/python3.11/bin/python3)"
    (venv / "bin" / "python").unlink()
    (venv / "bin" / "python").symlink_to(sys.executable)
    assert venv_problem(venv) is None
