"""Round 16, helper b: stale outputs and stamps that lie (issue 24, class 2)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from analysis.paths import GALLERY_NAME, LOCK_NAME, SITE_URL_ENV, Paths

REPO = Path(__file__).resolve().parents[1]

#: Holds the checkout's build lock (as a running `make` does) until its stdin closes.
HOLD_LOCK = ("import fcntl, os, sys\n"
             "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)\n"
             "fcntl.flock(fd, fcntl.LOCK_EX)\n"
             "print('held', flush=True)\n"
             "sys.stdin.read()\n")


def test_a_standalone_writer_waits_for_a_running_make(tmp_path: Path):
    """`python -m analysis gallery` (or charts, check, workbook, notebooks, db) run while `make` holds the lock
    used to write outputs/ at once, so `make` could stamp a step with another run's files. It now waits."""
    lock = Paths(tmp_path).cache / LOCK_NAME
    lock.parent.mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        writer = subprocess.Popen([sys.executable, "-m", "analysis", "gallery", "--root", str(tmp_path)], cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert writer.stderr is not None
        assert "waiting for another build" in writer.stderr.readline()
        time.sleep(0.5)  # the gallery takes ~0.3 s; a writer that did not wait would have written by now
        assert writer.poll() is None and not (tmp_path / "outputs" / GALLERY_NAME).exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
    assert writer.wait(timeout=60) == 0
    assert (tmp_path / "outputs" / GALLERY_NAME).is_file()


def test_charts_refuses_a_site_address_in_one_line_before_drawing(tmp_path: Path):
    """`CSE_SITE_URL=<refused address> python -m analysis charts` gave a 30-line traceback after drawing eleven
    charts; `check`, `workbook` and `gallery` say it in one line and write nothing."""
    env = {**os.environ, SITE_URL_ENV: "https://staging.example/"}
    done = subprocess.run([sys.executable, "-m", "analysis", "charts", "--out", str(tmp_path)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "site address" in done.stderr
    assert not (tmp_path / "charts").exists()


def test_outputs_are_replaced_never_written_in_place(tmp_path: Path):
    """A previous edition kept as hard links (`cp -al outputs edition-N`) had its chart files and notebook copies
    rewritten by the next `make` (they were opened in place), while its workbook and report, renamed into place,
    stayed: the archive became a mix of two editions. Every output is now a new file renamed over the old."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat
    import pandas as pd

    from analysis.publish.export import write_chart
    from analysis.run.copies import write_copies

    class Meta:
        chart_id, title, alt_text, redraw = "demo", "Demo", "A demo", None
        data = pd.DataFrame({"label": ["London"], "value": [2.0]})

        def sidecar(self) -> dict:
            return {"chart_id": self.chart_id}

    out, archive = tmp_path / "outputs", tmp_path / "edition-1"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Edition one")])
    fig, ax = plt.subplots()
    files = write_chart(fig, Meta(), out / "charts" / "demo")
    write_copies(nb, out / "notebooks", "01_demo")
    made = [*files.values(), out / "notebooks" / "01_demo.ipynb", out / "notebooks" / "01_demo.html"]
    made = [p for p in made if p.is_file()]
    kept = {}
    for path in made:  # the archive: hard links to this edition's files
        link = archive / path.relative_to(out)
        link.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, link)
        kept[link] = link.read_bytes()
    Meta.data = pd.DataFrame({"label": ["London"], "value": [3.0]})
    ax.set_title("Edition two")
    write_chart(fig, Meta(), out / "charts" / "demo")
    plt.close(fig)
    nb.cells[0].source = "Edition two"
    write_copies(nb, out / "notebooks", "01_demo")
    assert {link: link.read_bytes() for link in kept} == kept
    assert all(path.read_bytes() != kept[archive / path.relative_to(out)] for path in made if path.suffix != ".json")


def test_all_refuses_to_stamp_a_checkout_whose_code_is_not_running(tmp_path: Path):
    """`python -m analysis all --root R` run with another checkout's package (its .venv, or started from it) ran
    that code and stamped R's: an edit to R's chart code was stamped as made, and `make` in R skipped it."""
    other = tmp_path / "other-checkout"
    (other / "analysis").mkdir(parents=True)
    (other / "analysis" / "__init__.py").write_text('"""Another checkout\'s package."""\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "all", "--root", str(other)], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stdout
    assert "not of" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (other / ".cache").exists() and not (other / "data" / "processed").exists()
