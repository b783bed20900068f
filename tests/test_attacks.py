"""Issue 24 round three: markup from the record never runs, exports stay inert, outputs are readable."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import nbformat
import pytest

from analysis.factcheck.markdown_escape import escape
from analysis.factcheck.report import write_together
from analysis.factcheck.verify import InputError, read_printed
from analysis.publish.display import bullets
from analysis.record.hygiene import inline_safe_json
from analysis.run.copies import _html
from tests.conftest import GOOD_ROW, write_figures
from tests.event_loop import run_apart
from tests.test_validation import problems_for

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

ATTACK = '<img src=x onerror="alert(1)"> [click](javascript:alert(2)) & <script>alert(3)</script>'


def test_escaped_markdown_leaves_no_tag_or_link() -> None:
    text = escape(ATTACK)
    assert "<" not in text and ">" not in text
    assert "](" not in text.replace("\\](", "")  # the link's brackets are escaped, so no link is formed


def test_notebook_html_copy_keeps_planted_markup_as_text() -> None:
    """What a notebook prints with `bullets` reaches outputs/notebooks/*.html as text, not as an element."""
    shown = bullets([f"Source: {ATTACK}"])
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("bullets(lines)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": shown.data})]
    nb.cells.append(cell)
    page = _html(nb)
    assert "<img src=x" not in page and "<script>alert(3)" not in page
    assert 'href="javascript:' not in page


def test_claimreview_json_is_safe_to_inline() -> None:
    doc = {"claimReviewed": "</script><script>alert(1)</script> <!-- \u2028"}
    text = inline_safe_json(doc)
    assert "</script" not in text.lower() and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == doc  # the same data, only written differently


def test_written_outputs_are_readable_like_the_rest(tmp_path: Path) -> None:
    """outputs/index.html and outputs/factcheck.* go through write_together; mkstemp alone makes them 600."""
    out = tmp_path / "factcheck.html"
    write_together({out: "<p>x</p>"})
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    assert out.stat().st_mode & stat.S_IROTH or not (stat.S_IMODE(plain.stat().st_mode) & stat.S_IROTH)
    assert os.access(out, os.R_OK)


# --- one reading of characters (item 4) ------------------------------------------------------------------------

CHARACTER_CASES = [
    # Personal data split or disguised by invisible or compatibility characters.
    ({"quote": "1,582 referrals, call 07580\u200b255582"}, "seems to contain a phone number"),
    ({"quote": "1,582 referrals; reporter\u00ad@example.com"}, "seems to contain an e-mail address"),
    ({"quote": "1,582 referrals; reporter\uff20example.com"}, "seems to contain an e-mail address"),
    ({"quote": "1,582 referrals near SW1A\u2060 1AA"}, "seems to contain a UK postcode"),
    # Bidi controls and zero-width characters in any text field.
    ({"subject": "CSE \u202ereferrals"}, "subject contains a bidirectional control (U+202E)"),
    ({"location": "page\u200d 4"}, "location contains an invisible format character (U+200D)"),
    # Digits of two scripts, or of one other script: one rule, one message.
    ({"value_as_printed": "3\u06604", "quote": "there were 3\u06604 referrals"},
     "a number must be written with the digits 0-9 only"),
    ({"value_as_printed": "\uff13\uff10\uff14", "quote": "there were \uff13\uff10\uff14 referrals"},
     "a number must be written with the digits 0-9 only"),
]


@pytest.mark.parametrize(("change", "expected"), CHARACTER_CASES)
def test_characters_are_read_one_way_in_raw_data(mini, change, expected) -> None:
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, **change}])
    found = problems_for(mini)
    assert any(expected in p for p in found), found


def test_verify_refuses_mixed_digits_with_the_same_message() -> None:
    """`verify change --from 3٠4` was read as 304 and judged; now refused with the raw data's message."""
    with pytest.raises(InputError, match="a number must be written with the digits 0-9 only"):
        read_printed("--from", "3\u06604")
    assert read_printed("--from", "304").value == 304


# --- the database and Datasette (item 5) -----------------------------------------------------------------------


def _datasette_get(db: Path, sql: str, time_limit_ms: int | None = None) -> dict:
    """One GET of a query against Datasette, configured exactly as `serve_command` configures it (a test of another
    bound may give the SQL time limit, which a loaded machine could otherwise reach first)."""
    import urllib.parse

    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS, serve_command

    command = serve_command(db, db.with_suffix(".json"), 8001)
    assert command[command.index("--plugins-dir") + 1] == str(PLUGINS_DIR)
    assert int(command[command.index("sql_time_limit_ms") + 1]) <= 1000
    settings = SETTINGS if time_limit_ms is None else {**SETTINGS, "sql_time_limit_ms": time_limit_ms}
    ds = Datasette([str(db)], plugins_dir=str(PLUGINS_DIR), settings=settings)
    response = run_apart(ds.client.get(f"/{db.stem}.json?sql={urllib.parse.quote(sql)}&_shape=array"))
    return {"status": response.status_code, "text": response.text}


def test_datasette_refuses_fts3_tokenizer(small_db: Path) -> None:
    got = _datasette_get(small_db, "select hex(fts3_tokenizer('simple')) as p")
    assert got["status"] >= 400 and "not authorized" in got["text"]


def test_datasette_bounds_a_query_that_builds_a_huge_value(small_db: Path) -> None:
    """`length(randomblob(1e9))` allocated ~1 GB in one step that the time limit cannot interrupt."""
    got = _datasette_get(small_db, "select length(randomblob(1000000000)) as n")
    assert got["status"] >= 400 and "too big" in got["text"]
    assert _datasette_get(small_db, "select 1 as n")["status"] == 200


def test_two_db_runs_use_their_own_scratch_files(monkeypatch, tmp_path: Path) -> None:
    """The scratch copy's name is unique per run: a second run never opens the first one's file."""
    import tempfile

    from analysis.publish import database

    names: list[str] = []
    real = tempfile.mkstemp

    def spy(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        names.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", spy)  # the one scratch-file maker: report.scratch_beside
    from analysis.paths import Paths

    root = Path(__file__).resolve().parents[1]
    paths = Paths(root)  # the repository's processed tables, read only; the database goes to tmp_path
    database.build_database(paths, tmp_path / "a.db")
    database.build_database(paths, tmp_path / "a.db")
    assert len(set(names)) == 2 and not any(Path(n).exists() for n in names)


def test_serve_on_a_busy_port_says_so_in_one_line(capsys) -> None:
    import socket

    from analysis.publish.database import HOST, port_busy

    with socket.socket() as holder:
        holder.bind((HOST, 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert port_busy(port)
    assert not port_busy(port)


# --- dates and revisions (item 5) ------------------------------------------------------------------------------

DATE_CASES = [
    ("date_published: 2017-03-13", "date_published: 2099-03-13", "date_published 2099-03-13 is in the future"),
    ("date_accessed: 2026-11-26", "date_accessed: 2099-01-01", "date_accessed 2099-01-01 is in the future"),
    ("date_accessed: 2026-11-26", "date_accessed: 2016-01-01", "date_accessed 2016-01-01 is before date_published"),
    ("date_published: 2017-03-13", "date_published: 0001-01-01", "date_published 0001-01-01 is before 1900-01-01"),
    ("date_accessed: 2026-11-26", "date_accessed: 1899-12-31", "date_accessed 1899-12-31 is before 1900-01-01"),
]


@pytest.mark.parametrize(("old", "new", "expected"), DATE_CASES)
def test_source_dates_that_cannot_be_true_are_refused(mini, old, new, expected) -> None:
    from tests.conftest import SOURCES_YAML

    assert old in SOURCES_YAML
    mini.sources_yaml.write_text(SOURCES_YAML.replace(old, new, 1))
    found = problems_for(mini)
    assert any(expected in p for p in found), found


def test_a_revision_keeps_its_units() -> None:
    """A count revised by a percentage (same measure, place and period) is two definitions, not a revision."""
    from analysis.record.revisions import _check_pair

    old = {"measure": "cse_referrals", "unit": "referrals", "geography": "London", "period_start": "2016-01-01",
           "period_end": "2016-12-31", "source_id": "a"}
    new = {**old, "unit": "percent", "source_id": "b"}
    sources = {"a": {"date_published": "2017-01-01"}, "b": {"date_published": "2018-01-01"}}
    assert any(p.startswith("unit differs") for p in _check_pair(old, new, sources))
    assert _check_pair(old, {**old, "source_id": "b"}, sources) == []


# --- search: one reading of a percentage (issue 26) ------------------------------------------------------------


def test_56_percent_and_56_per_cent_search_the_same() -> None:
    """The record prints the Met's rise as "56 per cent" (mylondon-2025-10-grooming-gangs) and the claim about it
    too; "56%" found 2 rows and "56 per cent" 7. Every spelling now finds the same rows, the claim included."""
    from analysis.tables.lookup import search

    found = {q: {(r["kind"], r["id"]) for r in search(q)} for q in ("56%", "56 per cent", "56 percent", "56 %")}
    assert len({frozenset(v) for v in found.values()}) == 1, found
    assert ("claim", "mylondon-2025-10-grooming-gangs/claim-children-at-risk-cse-rise") in found["56%"]


def test_html_export_drops_markup_that_a_notebook_printed_unescaped() -> None:
    """Defence in depth: Markdown or HTML an output carries raw (a chart's notes, a library's repr) is cleaned in
    the HTML copy; the tables' own markup (style, class) is kept."""
    from IPython.display import Markdown

    from analysis.publish.display import table_html

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/markdown": Markdown(f"**Notes.** {ATTACK}").data}),
        nbformat.v4.new_output("display_data", data={"text/html": f"<p onmouseover='alert(4)'>{ATTACK}</p>",
                                                     "application/javascript": "alert(5)"}),
        nbformat.v4.new_output("display_data", data={"text/html": table_html(_frame())}),
    ]
    nb.cells.append(cell)
    page = _html(nb)
    for planted in ("<img src=x", "<script>alert(3)", 'href="javascript:', "onmouseover", "alert(5)"):
        assert planted not in page, planted
    assert '<table class="cse-table">' in page and "table.cse-table{border-collapse:collapse" in page


def _frame():
    import pandas as pd

    return pd.DataFrame({"producer": ["Metropolitan Police Service"], "count": [374]})
