"""Issue 24, round twenty-three, helper r23a (class 1, markup; class 2, stamps; class 5, exports): what a fresh attack
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import DB_NAME, DEFAULT
from analysis.publish.database import build_database
from analysis.run import pipeline

# --- What SQLite keeps beside cse.db belongs to the database it was written for (class 5, class 2) -----------------

#: A program that edits the database and dies mid-transaction (a journal) or before a checkpoint (a write-ahead log),
#: as DB Browser or the sqlite3 shell may: its file is left beside the database. Run in a child so that it can die.
_DIE_EDITING = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "wal":
    db.execute("pragma journal_mode = wal")
    db.execute("pragma wal_autocheckpoint = 0")
    db.execute("delete from figures")
else:
    db.execute("pragma cache_size = 1")  # the transaction spills to the file, so the journal is hot
    db.execute("begin")
    db.execute("create table pad(x)")
    db.execute("insert into pad select randomblob(3000) from figures")
    db.execute("update sources set title = 'an earlier edition'")
os._exit(0)
"""


def _edition_edited_and_left(tmp_path: Path, kind: str) -> Path:
    """A database of an earlier edition (its pages laid out otherwise) beside which an editor died: returns the
    database's path, with the journal or log still there."""
    out = tmp_path / "outputs" / DB_NAME
    out.parent.mkdir(parents=True)
    build_database(DEFAULT, out)
    with sqlite3.connect(out) as db:
        db.execute("update sources set title = title || ' (earlier edition)'")
    subprocess.run([sys.executable, "-c", _DIE_EDITING, str(out), kind], check=True)
    left = out.with_name(DB_NAME + ("-wal" if kind == "wal" else "-journal"))
    assert left.stat().st_size > 0
    return out


@pytest.mark.parametrize("kind", ["journal", "wal"])
def test_a_journal_or_log_left_beside_the_database_is_not_read_into_the_next_one(tmp_path: Path, kind: str) -> None:
    """A rollback journal left beside cse.db was rolled back into the next build's database (SQLite takes any hot
    journal there as the file's own): pages of two editions mixed, "2nd reference to page" in the integrity check,
    and Datasette, which opens read-only, failed every page with "attempt to write a readonly database". A
    left write-ahead log was read over the new file even read-only: Datasette showed the figures table empty.
    Now the database step removes both before the new file takes the name."""
    out = _edition_edited_and_left(tmp_path, kind)
    counts = build_database(DEFAULT, out)
    with sqlite3.connect(f"file:{out}?mode=ro", uri=True) as db:  # as Datasette opens a database
        assert db.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert db.execute("select count(*) from figures").fetchone()[0] == counts["figures"] > 0
        assert db.execute("select count(*) from sources where title like '%edition%'").fetchone()[0] == 0


def test_a_journal_or_log_beside_the_database_makes_the_database_step_run_again(tmp_path: Path) -> None:
    """The database step's stamp covered cse.db alone, so a log left beside it after a run (an editor that died)
    left `make` saying "unchanged, skipped" while every reader of cse.db read the log's pages. What SQLite reads
    as part of the database is part of the step's outputs now."""
    step = next(s for s in pipeline.STEPS if s.name == "db")
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    shutil.copyfile(_edition_edited_and_left(tmp_path / "made", "wal"), outputs / DB_NAME)
    before = pipeline.content_hash(tmp_path, step.written)
    for companion in sorted((tmp_path / "made" / "outputs").glob(f"{DB_NAME}-*")):
        shutil.copyfile(companion, outputs / companion.name)
        assert pipeline.content_hash(tmp_path, step.written) != before, companion.name
        os.remove(outputs / companion.name)


# --- A source's link as readers get it is the record's address, less its tracking parameters (class 5) --------------

@pytest.mark.parametrize(("recorded", "shown"), [
    ("https://news.example.org/story?1234", "https://news.example.org/story?1234"),
    ("https://news.example.org/story?print", "https://news.example.org/story?print"),
    ("https://news.example.org/story?a=1;b=2", "https://news.example.org/story?a=1;b=2"),
    ("https://news.example.org/story?id=5&ref=twitter", "https://news.example.org/story?id=5"),
    ("https://news.example.org/story?utm_source=x&page=2#part", "https://news.example.org/story?page=2#part"),
    ("https://news.example.org/story?q=a%2Fb+c&utm%5Fmedium=x", "https://news.example.org/story?q=a%2Fb+c"),
])
def test_a_source_s_link_keeps_every_byte_of_its_query_but_the_tracking(recorded: str, shown: str) -> None:
    """The address charts, the workbook and the report link to was the record's query decoded and encoded again:
    "?1234" became "?1234=" and "?a=1;b=2" "?a=1%3Bb%3D2", another address for a server that reads its query as
    written. Only click-tracking parameters are taken out now."""
    from analysis.record.hygiene import reader_url

    assert reader_url(recorded) == shown


# --- Every folder a step writes into under outputs/ is a real folder, never a link elsewhere (class 2) ---------------

class _WritingPool:
    """Stands in for the kernels: each notebook writes its copy into the copies' folder, as the kernels do."""

    def run(self, sources, out_dir, progress=True):  # noqa: ANN001, ANN201
        from analysis.run import notebooks

        for s in sources:
            (out_dir / f"{s.stem}.html").write_text("copy", encoding="utf-8")
        return [notebooks.Outcome(s.stem, True) for s in sources]

    def close(self) -> None:
        pass


def _linked_away(paths_outputs: Path, name: str, elsewhere: Path) -> Path:
    (elsewhere / name).mkdir(parents=True)
    (elsewhere / name / "kept.txt").write_text("someone else's", encoding="utf-8")
    paths_outputs.mkdir(parents=True, exist_ok=True)
    (paths_outputs / name).symlink_to(elsewhere / name, target_is_directory=True)
    return elsewhere / name


def test_the_notebooks_write_their_copies_and_charts_in_outputs_not_through_a_link(tmp_path: Path) -> None:
    """outputs/notebooks or outputs/charts linked to a folder elsewhere had every notebook copy and chart written
    there, run after run, while the step said it wrote into outputs/ (a chart's own folder was already made real).
    Each is a real folder now; the folder the link pointed to is left as it was."""
    import nbformat

    from analysis.paths import Paths
    from analysis.run import notebooks

    paths = Paths(tmp_path / "project")
    paths.notebooks.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]),
                   paths.notebooks / "01_first.ipynb")
    away = {name: _linked_away(paths.outputs, name, tmp_path / "elsewhere") for name in ("notebooks", "charts")}
    notebooks.run_all(paths, pool=_WritingPool())  # type: ignore[arg-type]
    for name, target in away.items():
        folder = paths.outputs / name
        assert folder.is_dir() and not folder.is_symlink(), name
        assert sorted(p.name for p in target.iterdir()) == ["kept.txt"], name
    assert (paths.outputs / "notebooks" / "01_first.html").is_file()


def test_the_chart_export_writes_in_outputs_charts_not_through_a_link(tmp_path: Path) -> None:
    """`export_charts` (the `publish` command's charts) wrote every chart through an outputs/charts linked
    elsewhere. It makes the folder real first, as the notebooks step does."""
    from analysis.paths import CHART_IDS
    from analysis.publish.export import export_charts, load_frames

    outputs = tmp_path / "outputs"
    target = _linked_away(outputs, "charts", tmp_path / "elsewhere")
    written = export_charts(outputs, load_frames(DEFAULT))
    assert written and set(written) <= set(CHART_IDS)
    assert not (outputs / "charts").is_symlink()
    assert all((outputs / "charts" / chart_id).is_dir() for chart_id in written)
    assert sorted(p.name for p in target.iterdir()) == ["kept.txt"]


# --- A source's address is a URI before any output links it (class 5) -------------------------------------------------

@pytest.mark.parametrize("url", ["https://news.example.org/a%20b/up-100%", "https://news.example.org/p?q=%zz",
                                 "https://news.example.org/p%", "https://news.example.org/p#part#2"])
def test_an_address_that_is_no_uri_is_refused_and_never_a_workbook_link(url: str) -> None:
    """A "%" that starts no percent-encoding, or a second "#", passed as a source's address. XlsxWriter escapes a
    bare "%" only in an address with no "%20" elsewhere, so the workbook's link was an invalid URI (Excel's repair
    removes a sheet's hyperlinks). `validate` refuses it now, and the workbook keeps such an address as text."""
    from analysis.publish.workbook_sheets import source_link
    from analysis.record.hygiene import url_problem

    assert url_problem(url)
    assert source_link(url) == url  # text, not a {text: address} link


def test_percent_encoded_addresses_are_still_links() -> None:
    from analysis.publish.workbook_sheets import source_link

    url = "https://news.example.org/a%20b?q=100%25#part"
    assert source_link(url) == {url: url}


# --- Datasette never serves an edition the build has replaced (class 2) ----------------------------------------------

def test_datasette_says_so_when_the_database_it_serves_is_rebuilt(tmp_path: Path) -> None:
    """`make serve` hands the build lock back, so `make` may rebuild cse.db while Datasette serves it. The new file
    is renamed into place; Datasette's open connections kept reading the one they had opened, so every page showed
    the previous edition for as long as the server ran (393 figures after a rebuild left 197). It now
    answers 503, saying to start `make serve` again."""
    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS
    from tests.event_loop import run_apart

    served, rebuilt = tmp_path / DB_NAME, tmp_path / "rebuilt.db"
    figures = build_database(DEFAULT, served)["figures"]
    shutil.copyfile(served, rebuilt)
    with sqlite3.connect(rebuilt) as db:
        db.execute("delete from figures where rowid % 2 = 0")
        left = db.execute("select count(*) from figures").fetchone()[0]
    datasette = Datasette([str(served)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)
    count = "/cse.json?sql=select+count(*)+as+n+from+figures&_shape=array"
    first = run_apart(datasette.client.get(count))
    assert first.status_code == 200 and first.json() == [{"n": figures}]
    os.replace(rebuilt, served)  # as the database step puts a new edition in place
    second = run_apart(datasette.client.get(count))
    assert second.status_code == 503 and "make serve" in second.text, (second.status_code, second.text[:200])
    assert 0 < left < figures


# --- The workbook links a source where every other output does (class 5) ---------------------------------------------

def test_the_workbook_links_a_source_without_its_click_tracking_as_the_report_does() -> None:
    """A source read through another site keeps "?ref=<that site>" in the record. The report and the charts link
    the page without it (`reader_url`); the workbook linked it with it, telling the publisher that readers came
    from that site. The cell still shows the address as recorded; its link is the report's."""
    import csv

    from analysis.publish.workbook_sheets import source_link
    from analysis.record.hygiene import reader_url

    with (DEFAULT.processed / "sources.csv").open(encoding="utf-8", newline="") as f:
        tracked = [row["url_main"] for row in csv.DictReader(f) if reader_url(row["url_main"]) != row["url_main"]]
    assert tracked, "the record has a source address with a tracking parameter"
    for url in tracked:
        assert source_link(url) == {url: reader_url(url)}


def test_datasette_links_a_source_without_its_click_tracking_as_the_report_does(tmp_path: Path) -> None:
    """Datasette linked a source's recorded address as it is, tracking parameter and all; it links the page the
    report links now, and still shows the address as recorded."""
    import html
    import re

    from analysis.record.hygiene import reader_url
    from tests.test_attacks_round20a import _get

    db = tmp_path / DB_NAME
    build_database(DEFAULT, db)
    with sqlite3.connect(db) as conn:
        tracked = [url for (url,) in conn.execute("select url_main from sources") if reader_url(url) != url]
    assert tracked
    status, page = _get(db, "/cse/sources?_size=max")
    links = {html.unescape(href) for href in re.findall(r'<a href="(https?://[^"]+)"', page)}
    assert status == 200
    for url in tracked:
        assert html.escape(url) in page and url not in links and reader_url(url) in links


def test_each_served_database_links_its_own_sources(tmp_path: Path) -> None:
    """The plugin kept each database's source addresses by the database's name, so a second Datasette in one
    process, serving another "cse", linked the first one's sources and showed its own as text (a test served the
    record's database, and round 14's test of linking then failed, depending on the order tests ran in)."""
    from tests.test_attacks_round20a import _get

    pages = []
    for edition, url in (("one", "https://www.gov.uk/first-report"), ("two", "https://www.gov.uk/second-report")):
        db = tmp_path / edition / DB_NAME
        db.parent.mkdir()
        with sqlite3.connect(db) as conn:
            conn.execute("create table sources (id text, url_main text)")
            conn.execute("insert into sources values ('s', ?)", (url,))
        pages.append(_get(db, "/cse/sources")[1])
    assert 'href="https://www.gov.uk/first-report"' in pages[0]
    assert 'href="https://www.gov.uk/second-report"' in pages[1]


def test_claimreview_gives_where_a_claim_appeared_as_the_report_links_it() -> None:
    """ClaimReview's `appearance.url` was the recorded address with its click-tracking parameter, which search
    engines show as where the claim appeared; the report links the page without it."""
    from analysis.factcheck.claimreview import claim_review
    from analysis.factcheck.report import Entry
    from analysis.factcheck.wording import ACCURATE

    claim = {"claim_id": "claim-jane-doe", "claimant": "Jane Doe News", "text": "1,200 cases", "verdict": ACCURATE,
             "working": "1,200 as printed."}
    source = {"url_main": "https://news.example.org/story?id=5&utm_source=newsletter&ref=elsewhere.example.org",
              "title": "A story"}
    review = claim_review(Entry(claim=claim, source=source), "https://cse.news.org.uk/", "cse-figures")
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example.org/story?id=5"


# --- A .venv seen under another name of its own folder is not a moved one (class 5) ----------------------------------

def test_a_venv_reached_by_another_name_of_its_folder_is_not_taken_for_a_moved_one(tmp_path: Path) -> None:
    """One folder under two names (here a bind mount; on a Mac, "~/Projects" and "~/projects") was a moved .venv
    by name, so `make` from the other name rebuilt it and reran every step, and back again. A copy elsewhere is
    still a moved one."""
    import venv as stdlib_venv

    from analysis.run.bootstrap import moved_venv

    made, other = tmp_path / "made", tmp_path / "other"
    made.mkdir()
    other.mkdir()
    if shutil.which("mount") is None or \
            subprocess.run(["mount", "--bind", str(made), str(other)], capture_output=True).returncode:
        pytest.skip("no bind mount here (needs root)")
    try:
        stdlib_venv.create(made / ".venv", with_pip=False, symlinks=True)
        assert moved_venv(other / ".venv") is None
        shutil.copytree(made / ".venv", tmp_path / "copy" / ".venv", symlinks=True)
        assert moved_venv(tmp_path / "copy" / ".venv") == made / ".venv"
    finally:
        subprocess.run(["umount", str(other)], check=True)
