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


# --- Datasette: a page's facet links are bounded (class 5) -----------------------------------------------------------

def _figures_db(tmp_path: Path) -> Path:
    """The record's figures table (data/processed/figures.csv, as committed) in a database of its own."""
    import csv
    import sqlite3

    from analysis.paths import PROJECT_ROOT

    with (PROJECT_ROOT / "data" / "processed" / "figures.csv").open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    db = tmp_path / "cse.db"
    with sqlite3.connect(db) as conn:
        conn.execute(f"create table figures ({', '.join(f'[{name}]' for name in header)})")
        conn.executemany(f"insert into figures values ({', '.join('?' * len(header))})", rows)
    return db


def _get(db: Path, path: str) -> tuple[int, str]:
    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS
    from tests.event_loop import run_apart

    response = run_apart(Datasette([str(db)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS).client.get(path))
    return response.status_code, response.text


#: Three long-text facets named forty times at `_facet_size=max`: a 1.7 KB GET that ran 40 s of CPU and answered
#: 92 MB of HTML (79 MB of JSON), every value of every facet linking to the page's whole address.
REPEATED_FACETS = "_facet_size=max" + "&_facet=quote&_facet=caveat&_facet=subject" * 40


@pytest.mark.parametrize("page", ["figures", "figures.json"])
def test_datasette_refuses_a_page_of_facets_no_time_limit_covers(tmp_path: Path, page: str) -> None:
    db = _figures_db(tmp_path)
    status, text = _get(db, f"/cse/{page}?{REPEATED_FACETS}")
    assert status == 400 and "facet" in text
    status, _ = _get(db, f"/cse/{page}?_facet_size=max&_facet=quote&_where=length('{'a' * 7000}')>0")
    assert status == 400


#: Few links (one value per facet) but 250 facets, each running a 0.4 s filter again under the facet time limit:
#: 11 s of CPU for one 3.4 KB GET.
MANY_SMALL_FACETS = ("_facet_size=1&_where=(select count(*) from figures x, figures y, figures z where x.rowid < 25)"
                     " > 0" + "&_facet=quote" * 250)


def test_datasette_refuses_more_facets_than_a_page_may_run(tmp_path: Path) -> None:
    status, text = _get(_figures_db(tmp_path), f"/cse/figures.json?{MANY_SMALL_FACETS}")
    assert status == 400 and "facets" in text


def test_a_long_query_is_not_refused_for_facets_its_page_never_shows(tmp_path: Path) -> None:
    """The facet bounds count the address's length; a query's page (`sql=`) has no facets, so a long query (a
    comment pads it to near the 16 KiB a request may carry, `limits.MAX_QUERY_BYTES`) answers as before."""
    import urllib.parse

    sql = "select count(*) as n from figures /*" + "a" * 16_000 + "*/"
    status, text = _get(_figures_db(tmp_path), f"/cse.json?sql={urllib.parse.quote(sql)}&_shape=array")
    assert status == 200, text[:200]


def test_datasette_still_shows_the_facets_a_reader_asks_for(tmp_path: Path) -> None:
    """A facet or two, and Datasette's own "show more" link (`_facet_size=max`), answer as before."""
    db = _figures_db(tmp_path)
    for query in ("_facet=measure", "_facet=quote&_facet=geography", "_facet_size=max&_facet=measure",
                  "_facet_size=max&_facet=quote&_facet=caveat&_facet=subject"):
        status, text = _get(db, f"/cse/figures.json?{query}")
        assert status == 200, text[:300]


# --- Dates: "in the future" is one answer on every machine (class 5) -------------------------------------------------

@pytest.fixture
def machine_in_time_zone(monkeypatch: pytest.MonkeyPatch):
    """Run a check on a machine set to a time zone (TZ, as a reader's laptop or CI sets it); put back after."""
    import time

    def set_zone(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("zone", ["Etc/GMT+12", "America/Los_Angeles", "UTC", "Australia/Sydney", "Etc/GMT-14"])
def test_a_date_that_is_today_somewhere_is_not_in_the_future_on_any_machine(machine_in_time_zone, zone: str) -> None:
    """A source read today, dated as it is today where its reader sits (at most today in UTC+14): `validate` gives
    one answer for it in every time zone. Judged by the machine's own date, a date written in London at 03:00 UTC was
    "in the future" in California, and one written in Sydney on CI in UTC, so `make` failed on one machine only."""
    import datetime as dt

    from analysis.record.sources import date_problems

    latest = dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()
    machine_in_time_zone(zone)
    assert date_problems("2016-11-24", latest.isoformat()) == []
    tomorrow_everywhere = (latest + dt.timedelta(days=1)).isoformat()
    assert date_problems("2016-11-24", tomorrow_everywhere) == [f"date_accessed {tomorrow_everywhere} is in the future"]


# --- Datasette: a CSV is one bounded page, never a stream of pages (class 5) ----------------------------------------

def test_datasette_never_streams_a_csv_page_after_page(tmp_path: Path) -> None:
    """`_stream=on` ran the table's page again for every `_size` rows: with `_size=1` and a filter just under the
    time limit, one 114-character GET of the figures table ran ~57 s of CPU, each page under the limit, the stream
    under none. A stream is refused (Datasette's `allow_csv_stream` off); a CSV is one page, and `_size=max` still
    gives every figure."""
    import csv
    import io

    db = _figures_db(tmp_path)
    status, text = _get(db, "/cse/figures.csv?_stream=on&_size=1")
    assert status == 400, f"{status}: {len(text.splitlines())} lines"  # not 200 and a stream of 393 pages
    status, text = _get(db, "/cse/figures.csv?_size=1")
    assert status == 200 and len(list(csv.reader(io.StringIO(text)))) == 2
    status, text = _get(db, "/cse/figures.csv?_size=max")
    with (Path(__file__).parents[1] / "data" / "processed" / "figures.csv").open(encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(io.StringIO(text)))) == len(list(csv.reader(f)))


# --- The Makefile in a folder whose name the shell would read (class 5, a moved checkout) ---------------------------

@pytest.mark.parametrize("folder", ['tick`touch RAN`', "sub$(touch RAN)", 'one"quote', "o'neil"])
def test_the_makefile_reads_its_folder_without_running_it(tmp_path: Path, folder: str) -> None:
    """The install stamp hashes the checkout's folder. Pasted into a shell command, a folder named with a backtick or
    "$(…)" ran that command on every `make` (a checkout cloned or moved into a folder named after a branch), and a
    double quote stopped make with "could not read KERNEL_NAME"."""
    import subprocess

    from analysis.paths import KERNEL_NAME, PROJECT_ROOT

    checkout = tmp_path / folder / "cse"
    checkout.mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(PROJECT_ROOT / name, checkout / name)
    shutil.copytree(PROJECT_ROOT / "analysis", checkout / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run(["make", "-s", "--no-print-directory", "--eval",
                           "print-vars: ; @echo $(STAMP) $(KERNEL_NAME)", "print-vars"],
                          cwd=checkout, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    stamp, kernel = done.stdout.split()
    assert stamp.startswith(".venv/.installed-") and kernel == KERNEL_NAME
    assert not (checkout / "RAN").exists()
