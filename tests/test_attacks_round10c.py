"""Issue 24, round ten, helper c: a fresh attack on classes 2 (stamps that cannot lie: no output depends on
something the stamps do not cover) and 5 (exports), with inputs no earlier round used. What failed is here; what
held is in the round's report."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.paths import Paths
from tests.event_loop import run_apart
from tests.made import Made
from tests.test_attacks import _datasette_get

# --- class 2: what the charts depend on --------------------------------------------------------------------------


def test_a_matplotlibrc_on_the_machine_never_reaches_a_chart() -> None:
    """matplotlib reads a `matplotlibrc` at import (from the working folder, $MATPLOTLIBRC or ~/.config/matplotlib)
    into the process's settings, and the house style was laid over those: every key the style file leaves alone
    came from the analyst's own file. `path.sketch: 2, 60, 2` drew every published line, axis and grid line as a
    wobble; `savefig.bbox: tight` cropped the PNGs; `axes.formatter.use_locale` printed tick labels in the
    machine's locale; `text.usetex` sent every label from the record through LaTeX (a "%" in it ends the label).
    No step's stamp covers that file, so editing it left `make` skipping with the old charts.
    The settings a matplotlibrc leaves in the process are set here as it would (rc_context), in this process."""
    import matplotlib
    import matplotlib.pyplot as plt

    from analysis.publish import style

    machine = {"path.sketch": (2, 60, 2), "savefig.bbox": "tight", "axes.formatter.use_locale": True,
               "axes.unicode_minus": False, "xtick.direction": "in", "legend.fontsize": 6, "text.usetex": True}
    with matplotlib.rc_context(machine), style.house():
        fig, ax = plt.subplots()
        line, = ax.plot([2014, 2015], [1737, 2060])
        inside = {key: matplotlib.rcParams[key] for key in machine}
        plt.close(fig)
    assert line.get_sketch_params() is None
    expected = {key: style.house_rc().get(key, matplotlib.rcParamsDefault[key]) for key in machine}
    assert inside == expected


# --- class 2: what two runs of the same inputs write ---------------------------------------------------------------


def test_two_runs_of_the_same_notebooks_write_the_same_executed_copies(made: Made, fresh: Made) -> None:
    """nbclient stamps every cell of an executed notebook with when it ran (`iopub.execute_input`, …): two clones
    built from the same commit, or `make force` twice, never wrote the same outputs/notebooks/*.ipynb, while every
    other output (charts, tables, workbook, database, pages) came out byte for byte the same. The warm pool's run
    and the fresh kernels' run (other processes, other times) now write identical copies."""
    warm = {p.name: p.read_bytes() for p in sorted((made.outputs / "notebooks").iterdir())}
    cold = {p.name: p.read_bytes() for p in sorted((fresh.outputs / "notebooks").iterdir())}
    assert warm.keys() == cold.keys() and any(name.endswith(".ipynb") for name in warm)
    assert [name for name in warm if warm[name] != cold[name]] == []
    assert all(b"iopub.execute_input" not in data for data in warm.values())


# --- class 5: Datasette: what one query's rows cost once exported ------------------------------------------------


#: The SQL time limit of the tests of the result cap: what they ask is which bytes the cap counts, and the serving
#: limit (1 s) was reached first on a loaded machine ("SQL Interrupted", at load average 7).
SIZE_TESTS_TIME_LIMIT_MS = 30_000


#: `rows` rows of one value of `chars` copies of one character (built by doubling, in a GET of ~400 characters).
def _repeated(char: str, chars: int, rows: int) -> str:
    doublings = chars.bit_length() - 1
    steps = ", ".join(f"d{i + 1}(x) as (select x || x from d{i})" for i in range(doublings))
    return (f"with recursive r(n) as (select 1 union all select n + 1 from r where n < {rows}), "
            f"d0(x) as (select '{char}'), {steps} select d{doublings}.x as v from r, d{doublings}")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(("char", "chars", "rows"), [
    ("\U0001f600", 16_384, 100),  # 64 KB each in UTF-8: 16,384 characters, 196,608 bytes of JSON
    ("\x01", 65_536, 40),  # a control character: 6 bytes of JSON each
])
def test_datasette_counts_a_result_s_bytes_as_its_json_holds_them(small_db: Path, char: str, chars: int,
                                                                   rows: int) -> None:
    """The cap on what one query hands back counted characters, one each; Datasette's JSON writes an emoji as two
    `\\ud83d…` escapes (12 bytes) and a control character as six, so a 450-character GET answered 120 MB of JSON
    and took the server from 70 MB to 750 MB of memory under a "10 MB" cap (8.2 MB counted here, 98 MB of JSON)."""
    got = _datasette_get(small_db, _repeated(char, chars, rows), SIZE_TESTS_TIME_LIMIT_MS)
    assert got["status"] >= 400 and "bytes" in got["text"], (got["status"], len(got["text"]))
    fine = _datasette_get(small_db, _repeated(char, chars, 2), SIZE_TESTS_TIME_LIMIT_MS)
    assert fine["status"] == 200 and len(fine["text"]) < 1_000_000


def _page(db: Path, sql: str) -> tuple[int, int]:
    """The status and size of Datasette's HTML page for a query, with the plugins `serve_command` loads (and the size
    tests' time limit)."""
    import urllib.parse

    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR

    ds = Datasette([str(db)], plugins_dir=str(PLUGINS_DIR), settings={"sql_time_limit_ms": SIZE_TESTS_TIME_LIMIT_MS})
    response = run_apart(ds.client.get(f"/{db.stem}?sql={urllib.parse.quote(sql)}"))
    return response.status_code, len(response.content)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_datasette_counts_a_result_s_bytes_as_its_html_page_holds_them(small_db: Path) -> None:
    """The page escapes "&" as `&amp;` and puts each value in a cell of its own markup: 1,000 rows of 100 short
    values of 80 "&" (about 8 MB of JSON, under the cap) made a 45 MB page in one second from a 900-character GET."""
    values = ", ".join(f"x c{i}" for i in range(99))
    sql = ("with recursive r(n) as (select 1 union all select n + 1 from r where n < {rows}), "
           "v(x) as (select replace(hex(zeroblob(40)), '0', '&')) select n, " + values + " from r, v")
    status, size = _page(small_db, sql.format(rows=1000))
    assert status >= 400 and size < 1_000_000, (status, size)
    assert _page(small_db, sql.format(rows=20))[0] == 200


# --- class 5: dates: a figure's period -------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("0216-01-01", "2016-12-31", "period_start 0216-01-01 is before 1900-01-01"),
    ("1016-01-01", "1016-12-31", "period_end 1016-12-31 is before 1900-01-01"),
])
def test_a_period_before_any_document_is_refused(mini: Paths, start: str, end: str, expected: str) -> None:
    """A source dated before 1900 was refused, a figure's period was not: "0216-01-01" for "2016-01-01" passed
    `validate`, was drawn on a time axis 1,800 years long, and reached the workbook as a negative day number, which
    Excel shows as "#####" and openpyxl reads as a day earlier. (A period may still end after today: the record holds
    forecasts and plans.)"""
    from tests.conftest import GOOD_ROW, write_figures
    from tests.test_validation import problems_for

    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "period_start": start, "period_end": end}])
    found = problems_for(mini)
    assert any(expected in p for p in found), found
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "period_end": "2031-12-31"}])
    assert problems_for(mini) == []


# --- class 2: the libraries beneath the libraries ----------------------------------------------------------------


def test_the_sqlite_that_wrote_the_database_is_in_the_steps_stamps(made: Made) -> None:
    """SQLite is the machine's own library (Python's `_sqlite3` links the system's libsqlite3), not a package in
    .venv: an `apt upgrade` replaces it, no dist-info changes, and `make` kept the database the older SQLite wrote
    (its header names the version that wrote it, bytes 96-99; the full-text index is its format too). The stamp
    now names the interpreter, SQLite and zlib the steps run on; here, the version that wrote outputs/cse.db."""
    from analysis.run import pipeline

    number = int.from_bytes((made.outputs / "cse.db").read_bytes()[96:100], "big")
    version = f"{number // 1_000_000}.{number // 1000 % 1000}.{number % 1000}"
    assert f"sqlite {version};" in pipeline.libraries()


# --- class 5: dates: one reading of a date the document does not print ------------------------------------------


def test_a_chart_credits_an_inferred_date_as_the_report_does(made: Made) -> None:
    """55 sources print no date; the record gives a first-of-month stand-in and says so (`date_approximate`). The
    fact-check report writes "October 2025 (approximate)" and ClaimReview "2025-10", but every chart's credit (its
    sidecar's `source_documents`, the notebooks' "Documents:" lines) read "MyLondon, '…', 1 October 2025" and
    "Evening Standard, '…', 1 January 2016" (a story whose year alone is known): a day no publisher printed. The
    Figures sheet showed the same day with nothing to say it was inferred; it now has the column."""
    import csv
    import json

    from analysis.factcheck.report import reader_date
    from analysis.publish.style import long_date

    sources = list(csv.DictReader((made.root / "data" / "processed" / "sources.csv").open(encoding="utf-8")))
    inferred = [s for s in sources if s["date_approximate"] == "true"]
    credits = {p.parent.name: json.loads(p.read_text(encoding="utf-8"))["source_documents"]
               for p in (made.outputs / "charts").glob("*/*.json")}
    # "October 2025 (approximate)", or "(approximate; report)" for a news report: one bracket for both notes.
    shown = [(chart, s["id"]) for chart, text in credits.items() for s in inferred
             if f"{s['producer']}, '{s['title']}', {reader_date(s['date_published'], True)[:-1]}" in text]
    assert len(shown) >= 5, shown  # the Met series, the 56 per cent, the national offences, …
    exact = {s["id"]: f"{s['producer']}, '{s['title']}', {long_date(s['date_published'])}" for s in inferred}
    wrong = [(chart, sid) for chart, text in credits.items() for sid, day in exact.items()
             if text.count(day) > text.count(f"{day} (approximate")]
    assert wrong == []
    header = (made.root / "data" / "processed" / "figures.csv").open(encoding="utf-8").readline()
    assert ",published,published_approximate," in header


# --- class 2: what the notebooks' HTML copies depend on ----------------------------------------------------------


def test_a_jupyter_path_template_never_becomes_the_page_of_an_html_copy(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """nbconvert finds the `lab` page template in every Jupyter data folder, $JUPYTER_PATH's first. A folder there
    holding `nbconvert/templates/lab/index.html.j2` (a newsroom's house template, an extension's) replaced the page
    of every notebook's HTML copy, here with a script from another site; no stamp covers that folder or variable,
    so changing either left `make` skipping with the old pages."""
    lab = tmp_path / "nbconvert" / "templates" / "lab"
    lab.mkdir(parents=True)
    (lab / "index.html.j2").write_text(TRACKER_TEMPLATE)
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    page = copy_page()
    assert "tracker.example" not in page and "1,200 cases" in page


#: A page template that puts another site's script in place of the notebook.
TRACKER_TEMPLATE = ('{%- extends "base/display_priority.j2" -%}{% block body %}'
                    '<script src="https://tracker.example/t.js"></script>{% endblock %}')


def copy_page() -> str:
    """The HTML copy of a one-cell notebook, by an exporter made afresh (it is made once per process) and dropped
    after, so the templates it finds are those of the test's surroundings."""
    import nbformat

    from analysis.run import copies

    copies._exporter.cache_clear()
    try:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("1,200 cases")])
        page, _ = copies.html_exporter().from_notebook_node(nb)
    finally:
        copies._exporter.cache_clear()
    return str(page)
