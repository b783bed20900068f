"""Issue 24, round 42 (helper r42b): stamps that cannot lie (class 2), attacked with the environment changing
between commands, outputs left incomplete by a failed step, a notebook edited, and editors' side files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.made import Made, copy_of
from tests.raw_copy import run_on

#: A site address a newsroom publishes outputs/ at (public, not reserved).
NEWSROOM = "https://www.thenewsroom.co.uk/cse/"
PLACEHOLDER = "cse-figures.example.org"


def test_the_gallery_alone_refuses_outputs_written_for_another_site_address(
        made: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make` ends: "absolute links in these files start from the placeholder …; set CSE_SITE_URL to the address you
    publish outputs/ at, then run `make` again". Set, and `python -m analysis gallery` run alone (the page with the
    embed codes): the page's embed codes took the new address, but it linked the fact-check chart's credit to the
    placeholder, and claimreview.jsonld (24 urls) and the workbook's cover kept it: one edition, two addresses,
    exit 0, not a word. The same after `check --site-url` and a gallery without it. Each output with absolute links
    now names the address it was written for, and the gallery refuses others; `make` with the address set makes
    them all again."""
    root = copy_of(made, tmp_path / "project")
    outputs = root / "outputs"
    page = outputs / "index.html"
    before = page.read_bytes()
    monkeypatch.setenv("CSE_SITE_URL", NEWSROOM)
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    for named in ("outputs/factcheck.html (and claimreview.jsonld)", "outputs/cse-figures.xlsx",
                  "the charts in outputs/charts/", f"written for another site address than {NEWSROOM}"):
        assert named in result.stderr, named
    assert page.read_bytes() == before  # nothing written
    made_again = run_on(root, "all", timeout=600)
    assert made_again.returncode == 0, made_again.stderr
    published = page.read_text(encoding="utf-8") + (outputs / "claimreview.jsonld").read_text(encoding="utf-8")
    assert NEWSROOM in published and PLACEHOLDER not in published
    assert run_on(root, "gallery").returncode == 0
    monkeypatch.delenv("CSE_SITE_URL")
    assert run_on(root, "check", "--site-url", "https://news.thenewsroom.co.uk/").returncode == 0
    result = run_on(root, "gallery")
    assert result.returncode == 2 and "outputs/factcheck.html (and claimreview.jsonld)" in result.stderr


def _broken(notebook: Path) -> None:
    """The notebook (both files of its pair, as JupyterLab with jupytext saves them) with a first cell that raises."""
    import jupytext

    nb = jupytext.read(notebook)
    first = next(cell for cell in nb.cells if cell.cell_type == "code")
    first.source = "raise RuntimeError('Jane Doe left this unfinished')\n" + first.source
    jupytext.write(nb, notebook)
    jupytext.write(nb, notebook.with_suffix(".py"), fmt="py:percent")


def test_the_gallery_alone_refuses_an_edition_a_failed_notebook_left_incomplete(made: Made, tmp_path: Path) -> None:
    """A notebook failed in `make`: the step removed the charts it exports (made by an earlier run, not remade) and
    stopped. `python -m analysis gallery`, run alone to refresh the page on deadline, wrote it without those two
    charts and linked the failed notebook's copy (a traceback where its findings were), exit 0, not a word; the
    workbook refuses the same outputs/. So does the gallery now, naming what is missing and the failed copy; a
    chart folder or the database removed by hand is named too."""
    root = copy_of(made, tmp_path / "project")
    outputs = root / "outputs"
    _broken(root / "notebooks" / "03_historic_reviews.ipynb")
    failed = run_on(root, "all", timeout=600)
    assert failed.returncode == 1 and "03_historic_reviews: failed" in failed.stderr, failed.stderr
    assert not (outputs / "charts" / "met-review-funnel").exists()
    before = (outputs / "index.html").read_bytes()
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert "outputs/charts/historic-reviews-national/, outputs/charts/met-review-funnel/ are missing" in result.stderr
    assert "the notebooks' copies in outputs/notebooks/ (03_historic_reviews) are of a run that failed" in result.stderr
    assert (outputs / "index.html").read_bytes() == before  # nothing written
    workbook = run_on(root, "workbook")
    assert workbook.returncode != 0 and "is missing" in workbook.stderr  # as the workbook already said


def test_a_chart_folder_or_the_database_removed_by_hand_is_named_by_the_gallery(made: Made, tmp_path: Path) -> None:
    """outputs/ tidied by hand (a chart's folder, a phone PNG and the database deleted) and the gallery run alone:
    the page left them out without a word. The guard: the edition whole, the gallery writes."""
    root = copy_of(made, tmp_path / "project")
    outputs = root / "outputs"
    assert run_on(root, "gallery").returncode == 0
    shutil.rmtree(outputs / "charts" / "london-rates")
    (outputs / "charts" / "two-1200s" / "two-1200s-mobile.png").unlink()
    (outputs / "cse.db").unlink()
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert ("outputs/charts/london-rates/, outputs/charts/two-1200s/two-1200s-mobile.png, outputs/cse.db are "
            "missing") in result.stderr


def test_the_gallery_alone_refuses_notebook_copies_run_from_a_notebook_edited_since(
        made: Made, tmp_path: Path) -> None:
    """An analyst corrects a heading of 05_factcheck in JupyterLab (both files of the pair saved), then runs
    `python -m analysis gallery`: the page linked the copy run before the edit, exit 0, not a word (a copy named
    only the tables it ran on). It now names the notebook it ran from too; after `notebooks` the gallery writes."""
    root = copy_of(made, tmp_path / "project")
    notebooks = root / "notebooks"
    for name in ("05_factcheck.py", "05_factcheck.ipynb"):
        path = notebooks / name
        text = path.read_text(encoding="utf-8")
        old = "# ## Limitations\n" if name.endswith(".py") else '"## Limitations\\n"'
        assert text.count(old) == 1, name
        path.write_text(text.replace(old, old.replace("Limitations", "Limitations and caveats")), encoding="utf-8")
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    # The chart the notebook exported names it too, and is asked of first (round 44).
    assert ("the notebooks' copies in outputs/notebooks/ (05_factcheck) were run from another version of their "
            "notebook") in result.stderr or ("(factcheck-verdicts) were drawn by another version of a notebook"
                                             in result.stderr)
    assert run_on(root, "notebooks", timeout=600).returncode == 0
    assert "Limitations and caveats" in (root / "outputs" / "notebooks" / "05_factcheck.html").read_text(
        encoding="utf-8")
    result = run_on(root, "gallery")
    assert result.returncode == 0, result.stderr


def test_an_executed_copy_names_the_notebook_it_ran_from(made: Made) -> None:
    """The mark the check above reads, as `make` wrote it: the hash of the .ipynb that ran."""
    from analysis.tables.load import NOTEBOOK_METADATA, RAN_FROM, file_hash

    copy = json.loads((made.outputs / "notebooks" / "02_met_cse_series.ipynb").read_text(encoding="utf-8"))
    assert copy["metadata"][NOTEBOOK_METADATA][RAN_FROM] == file_hash(
        made.root / "notebooks" / "02_met_cse_series.ipynb")


#: What editors, file managers and spreadsheets write beside a figures CSV they have open, by the name they give it
#: (each named in its own documentation: LibreOffice's lock file, Excel's owner file, vim's swap file, emacs's lock
#: link, auto-save and backup, JetBrains' safe write, the Finder's folder settings and a Mac's "._" copy).
SIDE_FILES = (".~lock.{name}#", "~${name}", ".{name}.swp", ".#{name}", "#{name}#", "{name}~", "{name}___jb_tmp___",
              "{name}___jb_old___", ".DS_Store", "._{name}")


def test_an_editor_s_side_file_beside_a_figures_csv_stops_neither_the_build_nor_the_commands(
        made: Made, tmp_path: Path) -> None:
    """A figures CSV open in LibreOffice, Excel, vim or emacs (or data/raw/figures/ shown by the Finder) while `make`
    ran: the build refused the file the program keeps beside it ("must be named <source_id>.csv; rename or remove
    it": Excel's owner file, while Excel has the CSV open), and `check` alone refused the record as changed since the
    build. Each is left alone now, as at the top of data/raw; a stray file that may hold figures is still refused."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from analysis.tables.load import behind_raw

    root = copy_of(made, tmp_path / "project")
    figures = root / "data" / "raw" / "figures"
    name = sorted(p.name for p in figures.glob("*.csv"))[0]
    for side in SIDE_FILES:
        path = figures / side.format(name=name)
        if side.startswith(".#"):
            path.symlink_to("jane@desk.example.1234:1765100000")  # emacs's lock: a link to nothing
        else:
            path.write_bytes(b"\x00\x05\x16\x07 held by an editor")
    load_raw(Paths(root))  # no ValidationError
    assert behind_raw(Paths(root)) == ""
    assert run_on(root, "check").returncode == 0
    (figures / "notes.txt").write_text("Jane Doe: figures to add", encoding="utf-8")
    with pytest.raises(ValidationError):
        load_raw(Paths(root))


def test_the_gallery_alone_refuses_a_notebook_s_html_copy_edited_after_the_run(made: Made, tmp_path: Path) -> None:
    """A typo "fixed" by hand in outputs/notebooks/02_met_cse_series.html (the page readers open), then the gallery
    run alone: it linked the edited page as the run's, exit 0 (the .ipynb beside it vouched for it by the tables
    alone). The .ipynb now names the page's bytes, as a chart's JSON names its files; `notebooks` writes it again."""
    root = copy_of(made, tmp_path / "project")
    page = root / "outputs" / "notebooks" / "02_met_cse_series.html"
    text = page.read_text(encoding="utf-8")
    assert text.count("<title>") == 1
    page.write_text(text.replace("<title>", "<title>Corrected: "), encoding="utf-8")
    result = run_on(root, "gallery")
    assert result.returncode == 2, result.stderr
    assert ("the notebooks' HTML copies in outputs/notebooks/ (02_met_cse_series) changed after the run wrote them"
            in result.stderr)
