"""Issue 24, round eleven, helper c: a fresh attack on classes 2 (stamps that cannot lie: no output depends on
something the stamps do not cover) and 5 (exports), aimed at round ten's new code. What failed is here; what held
is in the round's report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT
from tests.made import Made
from tests.test_attacks_round10c import TRACKER_TEMPLATE, _page, copy_page

# --- class 2: what the notebooks' HTML copies depend on ----------------------------------------------------------


@pytest.mark.parametrize("planted", ["lab/copy.html.j2", "lab/lab/index.html.j2"])
def test_a_template_in_the_working_folder_never_becomes_the_page_of_an_html_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: str) -> None:
    """Round ten kept $JUPYTER_PATH's templates out, but nbconvert searches the working folder before any data
    folder (`extra_template_basedirs` defaults to it): a `lab/` folder beside where `make` ran (the checkout) holding
    `copy.html.j2` or `lab/index.html.j2` became the page of every notebook's HTML copy, here a script from another
    site in place of the notebook; no stamp covers that folder, so `make` kept whichever pages it had."""
    template = tmp_path / planted
    template.parent.mkdir(parents=True)
    template.write_text(TRACKER_TEMPLATE)
    monkeypatch.chdir(tmp_path)
    page = copy_page()
    assert "tracker.example" not in page and "1,200 cases" in page


# --- class 2: code at the checkout's top ---------------------------------------------------------------------------


def test_a_sitecustomize_the_kernels_run_is_in_every_step_s_stamp(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The kernels run with the checkout on $PYTHONPATH (and the main job in it), so a `sitecustomize.py` there runs
    first in every kernel (shown here: it printed in a process started with the kernels' environment) and a
    module there named like a library shadows it; so does a package in notebooks/, the kernels' working folder.
    No stamp covered the checkout's top, so adding or editing one left `make` skipping every step. Nor one in a
    folder on $PYTHONPATH, whose name alone was stamped."""
    import subprocess
    import sys

    from analysis.paths import Paths
    from analysis.run import pipeline
    from analysis.run.notebooks import kernel_env

    env = kernel_env(Paths(tmp_path), tmp_path / "charts")
    (tmp_path / "sitecustomize.py").write_text("print('ran in the kernel')\n")
    shown = subprocess.run([sys.executable, "-c", "pass"], env={**env, "PYTHONPATH": str(tmp_path)},
                           capture_output=True, text=True, check=True).stdout
    assert "ran in the kernel" in shown and str(PROJECT_ROOT) in env["PYTHONPATH"]
    (tmp_path / "sitecustomize.py").unlink()

    step = next(s for s in pipeline.STEPS if s.name == "notebooks")
    before = pipeline.input_hash(tmp_path, step)
    (tmp_path / "sitecustomize.py").write_text("import os\n")
    assert pipeline.input_hash(tmp_path, step) != before
    before = pipeline.input_hash(tmp_path, step)
    (tmp_path / "notebooks" / "seaborn").mkdir(parents=True)  # the kernels' working folder: first on their path
    (tmp_path / "notebooks" / "seaborn" / "__init__.py").write_text("objects = None\n")
    assert pipeline.input_hash(tmp_path, step) != before

    elsewhere = tmp_path / "path"
    elsewhere.mkdir()
    monkeypatch.setenv("PYTHONPATH", str(elsewhere))
    before = pipeline.libraries()
    (elsewhere / "sitecustomize.py").write_text("import os\n")
    assert pipeline.libraries() != before


# --- class 5: Datasette: what one query's rows cost once exported ------------------------------------------------


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_datasette_counts_each_cell_s_column_name(small_db: Path) -> None:
    """Each HTML cell carries its column's name as a class (`<td class="col-NAME">`), each row of `_shape=objects`
    JSON as a key; the cap counted values only. 99 columns named with 150 characters each over 1,000 rows of the
    digit 1 made a 20 MB page while the count said 7 MB, under the 10 MB cap. Names of 140 characters keep the GET,
    percent-encoded, within the 16 KiB the server takes (`limits.MAX_QUERY_BYTES`), and the page still ~19 MB."""
    names = [f"c{i:03d}" + "a" * 136 for i in range(99)]
    sql = ("with recursive r(n) as (select 1 union all select n + 1 from r where n < {rows}) select "
           + ", ".join(f"1 as {name}" for name in names) + " from r")
    status, size = _page(small_db, sql.format(rows=1000))
    assert status >= 400 and size < 1_000_000, (status, size)
    assert _page(small_db, sql.format(rows=20))[0] == 200


# --- class 5: dates: one reading of a date the document does not print ------------------------------------------


def _processed(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader((PROJECT_ROOT / "data" / "processed" / name).open(encoding="utf-8")))


def test_the_report_s_source_list_gives_an_inferred_date_as_the_claim_does() -> None:
    """Round ten made every chart's credit say "October 2025 (approximate)" as the report's claims do, but the
    report's own list of documents, under the same claim, still read "MyLondon, published 2025-10-01" and "Evening
    Standard, published 2016-01-01" (a story whose year alone is known): a day no publisher printed."""
    from analysis.factcheck.report import _source_line, reader_date

    inferred = [s for s in _processed("sources.csv") if s["date_approximate"] == "true"]
    assert len(inferred) > 40
    for source in inferred:
        _, _, detail = _source_line(source)
        assert f"published {reader_date(source['date_published'], True)}" in detail, detail
        assert source["date_published"] not in detail


def test_a_revision_s_working_gives_an_inferred_date_as_the_report_does() -> None:
    """The working of a claim whose input was revised names the later vintage with its date: "figure revised to
    dfe-cin-2025/rate-children-in-need-2024 ("331.2", published 2025-10-01)", in claims.csv, the report and the
    notebooks, although DfE's 2025 release prints no day (the record infers 1 October)."""
    from analysis.factcheck.vintages import Vintages

    figures = {f["figure_id"]: f for f in _processed("figures.csv")}
    links = [{"old": r["old_figure_id"], "new": r["new_figure_id"]} for r in _processed("revisions.csv")]
    inferred = [fid for link in links for fid in link.values() if figures[fid]["published_approximate"] == "true"]
    assert inferred
    for fid in inferred:
        described = Vintages(links, figures).describe(fid)
        assert "(approximate))" in described and f"published {figures[fid]['published']}" not in described


def test_the_notebooks_give_an_inferred_date_as_the_report_does(made: Made) -> None:
    """The national picture's findings said "CSA Centre, in a document published 2020-11-01, set 87,992 offences
    …" and its table of the documents printed 2020-11-01 and 2025-03-01: days the CSA Centre's infographics never
    printed. A table of figures now gives each document's date as the report does."""
    from analysis.factcheck.report import reader_date
    from analysis.publish.display import table_html
    from analysis.tables.load import load_table

    page = (made.outputs / "notebooks" / "06_national_picture.html").read_text(encoding="utf-8")
    assert "document published November 2020 (approximate)" in page
    assert "document published 2020-11-01" not in page
    figures = load_table("figures")
    one = figures[figures["published_approximate"].astype(bool)].head(3)
    shown = table_html(one, ["published", "publisher", "value_as_printed"])
    for day in one["published"]:
        assert f">{reader_date(day, True)}<" in shown and f">{day}<" not in shown


def test_a_chart_s_data_file_gives_an_inferred_date_at_the_precision_known(made: Made) -> None:
    """The recorded-vs-estimated chart's data file (for Datawrapper, and the workbook's sheet of it) listed its
    documents as published "2020-11-01" and "2025-03-01", first-of-month stand-ins the record infers (the chart's
    face says "November 2020"). It now gives the month, as ClaimReview does ("2020-11")."""
    data = (made.outputs / "charts" / "recorded-vs-estimated" / "recorded-vs-estimated.csv").read_text("utf-8")
    rows = list(csv.DictReader(data.splitlines()))
    inferred = {f["published"] for f in _processed("figures.csv") if f["published_approximate"] == "true"}
    assert rows and all(row["Published"] not in inferred for row in rows), rows
    assert {row["Published"] for row in rows} >= {"2020-11"}
