"""Issue 24, round seventeen, helper r17a (class 5, exports; class 1, markup): what a fresh attack on the exports
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.paths import Paths

# --- numbers in the CSVs keep every digit they were printed with (class 5, exports) --------------------------------

#: A plausible amount in pounds and pence: eleven significant digits. `validate` accepts it; the processed CSV wrote
#: 156123456.8 (ten significant digits), and the database, workbook and checks read that from it.
PENCE = "£156,123,456.78"


def test_a_printed_amount_keeps_its_pence_in_the_processed_tables(real_copy: Paths) -> None:
    from analysis.run.build import build

    path = real_copy.figures_dir / "gla-vess-mopac.csv"
    text = path.read_text(encoding="utf-8")
    planted = text.replace(",£15.6 million,GBP,", f',"{PENCE}",GBP,').replace(
        "£15.6 million funding for the new", f"{PENCE} funding for the new")
    assert planted.count(PENCE) == 2  # the value and its quote
    path.write_text(planted, encoding="utf-8")
    build(real_copy)
    rows = csv.DictReader(io.StringIO((real_copy.processed / "figures.csv").read_text(encoding="utf-8")))
    row = next(r for r in rows if r["figure_id"] == "gla-vess-mopac/vess-funding")
    assert (row["value_as_printed"], row["value"], row["printed_decimals"]) == (PENCE, "156123456.78", "2")


def test_a_chart_csv_writes_every_digit_of_a_number_in_a_column_with_a_blank() -> None:
    from analysis.publish.export import chart_csv

    frame = pd.DataFrame({"Year": ["2023", "2024", "2025"], "Spent (GBP)": [12345678901.0, None, 156123456.78],
                          "Share (%)": [2 / 3 * 100, 0.1 + 0.2, 61.1]})
    lines = chart_csv(frame).splitlines()
    assert lines[1:] == ["2023,12345678901,66.66666667", "2024,,0.3", "2025,156123456.78,61.1"]


# --- the notebooks' published copies name no folder of this machine (class 1/5) ---------------------------------


def test_a_notebook_warning_is_published_without_the_checkouts_path(tmp_path: Path) -> None:
    """A full-width "＜" in the record (which validate accepts) is a glyph the charts' typeface lacks: matplotlib
    warned, and the warning reached outputs/notebooks/*.ipynb and *.html with the checkout's absolute path."""
    import nbformat

    from analysis.paths import PROJECT_ROOT
    from analysis.run.copies import write_copies

    style = PROJECT_ROOT / "analysis" / "publish" / "style.py"
    warning = (f"{style}:293: UserWarning: Glyph 65308 (\\N{{FULLWIDTH LESS-THAN SIGN}}) missing from font(s) "
               "Inter.\n  width, _, _ = renderer.get_text_width_height_descent(text)\n")
    home_file = Path.home() / ".cache" / "matplotlib" / "fontlist.json"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("draw()", outputs=[
        nbformat.v4.new_output("stream", name="stderr", text=warning),
        nbformat.v4.new_output("error", ename="OSError", evalue=f"cannot read {home_file}",
                               traceback=[f"File {style}:12, in draw", f"OSError: cannot read {home_file}"])])])
    write_copies(nb, tmp_path, "01_inspections")
    for name in ("01_inspections.ipynb", "01_inspections.html"):
        published = (tmp_path / name).read_text(encoding="utf-8")
        assert str(PROJECT_ROOT) not in published and str(Path.home()) not in published, name
        assert "analysis/publish/style.py:293: UserWarning: Glyph 65308" in published, name  # the warning is kept
        assert "~/.cache/matplotlib/fontlist.json" in published, name
    assert nb.cells[0].outputs[0].text == warning  # the run's own record is left as it was


# --- Datasette: no CSV the server hands out holds a formula (class 5, exports) ------------------------------------

#: One GET, a link followed while `make serve` runs: Datasette answered with `cse.csv` as an attachment, its cells
#: a DDE command and a live link for Excel.
FORMULA_CSV = ("/cse.csv?_dl=1&sql=" + "select '-2%2B3%2Bcmd|'' /C calc''!A0' as a, "
               "'=HYPERLINK(\"http://evil.example\",\"the report\")' as b, -0.5 as c, '@SUM(1)' as d, 'fell' as e")


def _served(db: Path, path: str) -> Any:
    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS
    from tests.event_loop import run_apart

    ds = Datasette([str(db)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)
    response = run_apart(ds.client.get(path))
    assert response.status_code == 200, response.text[:300]
    return response


def test_a_csv_of_a_query_a_link_names_holds_no_formula(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "cse.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table revisions (note text, change real)")
        conn.execute("insert into revisions values ('Revised in the ONS mid-2024 release', -0.5)")
    got = _served(db, FORMULA_CSV.replace(" ", "%20"))
    assert got.headers["content-disposition"] == 'attachment; filename="cse.csv"'
    rows = list(csv.reader(io.StringIO(got.text)))
    assert rows == [["a", "b", "c", "d", "e"],
                    ["'-2+3+cmd|' /C calc'!A0", "'=HYPERLINK(\"http://evil.example\",\"the report\")", "-0.5",
                     "'@SUM(1)", "fell"]]
    # A CSV without a formula is Datasette's own, byte for byte (a fall stays a negative number).
    table = _served(db, "/cse/revisions.csv")
    assert table.text == "rowid,note,change\r\n1,Revised in the ONS mid-2024 release,-0.5\r\n"


def test_a_page_asked_for_as_csv_but_answered_in_html_is_left_as_it_is(tmp_path: Path) -> None:
    """`?_format=csv` on a query page: Datasette answers with its HTML page, which is no CSV to make safe."""
    import sqlite3

    db = tmp_path / "cse.db"
    sqlite3.connect(db).close()
    page = _served(db, "/cse?sql=select+1&_format=csv")
    assert page.headers["content-type"].startswith("text/html")
    assert '<link rel="stylesheet" href="/-/static/app.css' in page.text
