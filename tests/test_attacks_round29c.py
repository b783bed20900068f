"""Issue 24, round 29 (helper c): stamps that cannot lie (class 2) and exports (class 5)."""

from __future__ import annotations

import fcntl
import json
import os
import re
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from analysis.paths import LOCK_NAME
from analysis.record.claims import CLAIMS_COLUMNS
from analysis.run import bootstrap
from tests.test_report import CLAIMS, _claim, _run, _write
from tests.test_report import project as project  # noqa: F401 (the fixture)

#: What a reader view drops before it looks for the article: Firefox's Reader View (Mozilla's Readability.js, also
#: behind Pocket and many "import from a web address" tools) removes every element but <a> and <body> whose class
#: and id, read together, match `unlikelyCandidates` and not `okMaybeItsACandidate`, unless it is inside a table or
#: code. Both patterns as Readability.js writes them.
UNLIKELY = re.compile(r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
                      r"header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
                      r"supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", re.IGNORECASE)
MAYBE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.IGNORECASE)
#: And, once it has the article, any element (an <a> too) whose class and id name "share" and that holds fewer than
#: 500 characters (`shareElements`, `DEFAULT_CHAR_THRESHOLD`).
SHARE = re.compile(r"(\b|_)(share|sharedaddy)(\b|_)", re.IGNORECASE)


def _dropped_by_a_reader_view(page: str) -> list[str]:
    """The text of each element a reader view removes as page furniture."""
    soup = BeautifulSoup(page, "html.parser")
    dropped = []
    for element in soup.find_all(True):
        named = " ".join(element.get("class") or ()) + " " + (element.get("id") or "")
        text = element.get_text(" ", strip=True)
        if SHARE.search(named) and len(text) < 500:
            dropped.append(text)
        elif (element.name not in ("a", "body") and not element.find_parent(["table", "code"])
              and UNLIKELY.search(named) and not MAYBE.search(named)):
            dropped.append(text)
    return dropped


#: Claim ids as the record makes them, from its source ids: a trade paper's site, a newspaper's opinion section,
#: a news site, each holding one of the words a reader view takes for page furniture; and a claim about a share.
READER_VIEW_IDS = ("communitycare-2025/claim-cpp-rise", "commentisfree-2024/rise", "socialworknews-2024/rise",
                   "extra-2019/rise", "mylondon-2025-10/claim-share-uk-population")


@pytest.mark.parametrize("claim_id", READER_VIEW_IDS)
def test_a_claim_whose_id_reads_as_page_furniture_stays_in_a_reader_view(project, claim_id: str) -> None:
    """Each claim's card carried its id (the record's claim id) on the card itself, so a card whose id held
    "community", "comment", "social" or "extra" was removed whole by Firefox's Reader View: on the real record three
    Community Care claims, one of them "Accurate", were missing with nothing said. The id is now on an empty anchor
    at the card's top: a reader view keeps it, or (an id naming "share") drops it with no word in it; a link to the
    claim (ClaimReview's url) still lands there."""
    rows = [*CLAIMS, _claim(claim_id, "accurate within rounding", "18.60", "rounds to 18.6 · accurate within rounding",
                            text="referrals rose by a planted 18.5 per cent")]
    _write(project.processed / "claims.csv", CLAIMS_COLUMNS, rows)
    assert _run(project) == 0
    page = (project.outputs / "factcheck.html").read_text(encoding="utf-8")
    assert "a planted 18.5 per cent" in page
    assert not [text for text in _dropped_by_a_reader_view(page) if "planted" in text]
    ids = {element["id"] for element in BeautifulSoup(page, "html.parser").find_all(id=True)}
    reviews = json.loads((project.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))
    fragments = {review["url"].split("#", 1)[1] for review in reviews["@graph"]}
    assert claim_id in ids and fragments <= ids


def test_a_bootstrap_waits_while_another_holds_the_checkout(tmp_path: Path, monkeypatch, capsys) -> None:
    """Two `make`s started together in a moved checkout (`make` and `make lab` in two terminals) each found the
    old .venv made elsewhere and removed it at once: the second stopped with a traceback ("No such file or
    directory: 'ctypes'", seen end to end), or could remove the new .venv the first was installing into. The
    bootstrap now holds the checkout's build lock, so it waits while another bootstrap or a build holds it."""
    root = tmp_path / "moved"
    venv = root / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "activate").write_text("VIRTUAL_ENV='/somewhere/else/.venv'\nexport VIRTUAL_ENV\n")
    monkeypatch.setattr(bootstrap, "ROOT", root)
    monkeypatch.setattr(bootstrap, "VENV", venv)
    monkeypatch.setattr(bootstrap, "find_uv", lambda python: "uv")
    monkeypatch.setattr(bootstrap, "install_with_uv", lambda uv, python, extras: 1)  # nothing installed here
    (root / ".cache").mkdir()
    held = os.open(root / ".cache" / LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)  # the first bootstrap, mid-install
    seen: list[bool] = []

    def first_finishes() -> None:
        time.sleep(1)
        seen.append((venv / "bin" / "activate").is_file())  # what the first bootstrap finds as it ends
        fcntl.flock(held, fcntl.LOCK_UN)
        os.close(held)

    other = threading.Thread(target=first_finishes)
    other.start()
    bootstrap.main(["dev"])
    other.join()
    assert seen == [True], "the second bootstrap removed .venv while the first held the checkout"
    assert "waiting for another build of this checkout to finish" in capsys.readouterr().err
    assert not venv.exists()  # then, its turn come, it made .venv again as before


def test_stamps_that_cannot_be_saved_or_cleaned_up_are_said_in_one_note(tmp_path: Path, capsys) -> None:
    """In a read-only checkout (a network share mounted read-only, a checkout in another user's folder) the stamps'
    scratch file could be neither written nor removed, and the removal's error ended `make` with "python -m
    analysis all: Read-only file system (.cache/.stamps.json.N.tmp)": the note below and the failed step's own
    line were never said. Here the scratch name is a folder, which can be neither written as a file nor unlinked."""
    from analysis.paths import STAMPS_NAME
    from analysis.run.pipeline import _save_stamps

    scratch = tmp_path / ".cache" / f".{STAMPS_NAME}.{os.getpid()}.tmp"
    scratch.mkdir(parents=True)
    _save_stamps(tmp_path, {"build": {"inputs": "a", "outputs": "b"}})
    assert "note: step stamps not saved" in capsys.readouterr().out
    assert not (tmp_path / ".cache" / STAMPS_NAME).exists()


def test_a_printed_fact_check_shows_each_claims_working_and_sources(project, browser) -> None:
    """Printed, or saved as a PDF (for a legal desk, an editor, an archive), the fact-check showed each claim's
    verdict but no working and no sources: both sit in a folded <details>, which a browser prints folded. They are
    now unfolded in print, in browsers that style a fold's content (`::details-content`); on screen they stay
    folded."""
    assert _run(project) == 0
    context = browser.new_context()
    page = context.new_page()
    page.goto((project.outputs / "factcheck.html").as_uri(), wait_until="load")
    claims = page.locator("section.claim").count()
    assert claims == len(CLAIMS)
    page.emulate_media(media="screen")
    assert "Sources:" not in page.inner_text("body")
    page.emulate_media(media="print")
    printed = page.inner_text("body")
    context.close()
    assert printed.count("Sources:") == claims
    assert "Referrals up <sharply> & more" in printed and "(2,060 − 1,737) / 1,737 = 18.60%" in printed


#: Copies of notebook 01 as they appear beside it: JupyterLab's "Duplicate", Dropbox's, OneDrive's and Google Drive's
#: conflicted copies, the Finder's "Duplicate".
COPIES = ("01_inspections-Copy1", "01_inspections (Jane Doe's conflicted copy 2026-12-06)",
          "01_inspections-DESKTOP-1AB2C3D", "01_inspections (1)", "01_inspections copy")


def test_a_copy_of_a_notebook_beside_it_is_not_run_as_one_of_the_project(tmp_path: Path, capsys) -> None:
    """A notebook pair copied beside itself (an analyst duplicating notebook 01 in JupyterLab to try a change, or a
    sync client's conflicted copy of both files) ran as a seventh notebook: `make` said "executed 7/7", the gallery
    listed "Inspections (jane doe's conflicted copy 2026-12-06)", and the copy's chart export raced notebook 01's
    for the published outputs/charts/inspection-grades/ (seen end to end). Such a name is now said and not run."""
    from analysis.paths import Paths, notebook_stems
    from analysis.publish.gallery import render_gallery
    from analysis.run.notebooks import notebook_sources
    from analysis.run.pipeline import notebooks_made

    folder = tmp_path / "notebooks"
    folder.mkdir()
    for stem in ("01_inspections", "02_met_cse_series", *COPIES):
        for suffix in (".ipynb", ".py"):
            (folder / f"{stem}{suffix}").write_text("{}" if suffix == ".ipynb" else "# %%\n", encoding="utf-8")
    assert notebook_stems(folder) == ["01_inspections", "02_met_cse_series"]
    assert [p.name for p in notebook_sources(folder)] == ["01_inspections.ipynb", "02_met_cse_series.ipynb"]
    assert not [name for name in notebooks_made(tmp_path) if "copy" in name.lower() or "(1)" in name]
    from analysis.run.notebooks import say_copies

    say_copies(folder)
    said = capsys.readouterr().err.splitlines()
    assert sorted(said) == sorted(f"notebooks/{copy}: not run, a copy of a notebook (a notebook of the project is "
                                  "named like 01_inspections: its number, then lower-case words joined by '_'); "
                                  "rename it to run it, or remove it" for copy in COPIES)
    outputs = tmp_path / "outputs"
    (outputs / "notebooks").mkdir(parents=True)
    for stem in ("01_inspections", *COPIES):  # what a run before this rule left there
        (outputs / "notebooks" / f"{stem}.html").write_text("<p>x</p>", encoding="utf-8")
    gallery = render_gallery(outputs, folder, [])
    assert "Inspections</a>" in gallery or "01_inspections.html" in gallery
    assert not [copy for copy in COPIES if copy.replace("'", "&#39;") in gallery or copy in gallery]
    assert Paths(tmp_path).notebooks == folder  # where notebooks_made looked
