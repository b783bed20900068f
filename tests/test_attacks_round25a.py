"""Issue 24, round twenty-five, helper r25a (class 1, markup; class 5, exports): what a fresh attack found, each
pinned by a test that fails without its fix."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

# --- Datasette: SQL that its own SELECT check reads in quadratic time, before any time limit (class 5) -------------


def _query_page(db: Path, sql: str) -> tuple[int, str]:
    from tests.test_attacks_round20a import _get

    return _get(db, "/cse.json?sql=" + urllib.parse.quote(sql))


@pytest.fixture(scope="module")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from analysis.paths import DEFAULT
    from analysis.publish.database import build_database

    db = tmp_path_factory.mktemp("served") / "cse.db"
    build_database(DEFAULT, db)
    return db


def test_a_query_with_a_long_run_of_blanks_after_a_comment_is_refused_before_datasette_reads_it(
        served_db: Path) -> None:
    """Datasette checks that a query is a SELECT with patterns that take comments and blanks before its first word;
    after a comment they read a run of blanks in time that grows as its square, in the server's one event loop and
    before the time limit: "/**/", 15,000 "+" and "x" (a 16 KB GET) held every request for 2.5 s. A valid query of
    that shape (here a WITH, which the SELECT pattern fails on first) ran and answered 200; it is refused now."""
    from tests.test_attacks_round20a import _get

    # The blanks sent as "+" (one byte each), as a browser's form sends them, so the GET stays within 16 KiB.
    with_query = urllib.parse.quote("with x as (select 1 as n) select n from x")
    status, text = _get(served_db, "/cse.json?sql=/**/" + "+" * 15_000 + with_query)
    assert status == 400 and "blanks in a row" in text, (status, text[:300])
    status, text = _query_page(served_db, "/**/" + "\u3000" * 1_500 + "x")  # any blank Python's \s reads
    assert status == 400 and "blanks in a row" in text, (status, text[:300])


def test_a_query_opening_many_comments_is_refused_before_datasette_reads_it(served_db: Path) -> None:
    """Datasette finds a query's `:name` parameters by first taking out its comments, looking for the end of each
    "/*" to the end of the text: "select 1" then 5,300 "/*x" (16 KB, never closed, which SQLite accepts at the end of
    a query) held every request for up to 0.6 s and answered 200. Refused now."""
    from tests.test_attacks_round20a import _get

    status, text = _get(served_db, "/cse.json?sql=select+1+as+n+" + "/*x" * 5_300)  # "/" and "*" sent as they are
    assert status == 400 and "comments" in text, (status, text[:300])


def test_a_query_laid_out_as_people_write_it_is_served(served_db: Path) -> None:
    lines = ["select source_id,", " " * 40 + "count(*) as n", "from figures", "group by source_id",
             "order by n desc limit 3"]
    sql = "/* figures per source */\n" + "/* by count */ " * 3 + "\n".join(lines)
    status, text = _query_page(served_db, sql)
    assert status == 200 and '"ok": true' in text, text[:300]


# --- A formula after leading blanks, in a CSV the server hands out (class 5) -----------------------------------------


def test_a_csv_cell_that_starts_a_formula_after_blanks_is_sent_as_text(served_db: Path) -> None:
    """LibreOffice's CSV import with "Trim spaces" ticked opens an unquoted " =HYPERLINK(B2)" as a live formula (a
    link to the address in the next cell). The record's check reads a field's first character after its blanks;
    the check on what leaves the project read only the very first one, so Datasette's CSV of
    `select ' =HYPERLINK(B2)'` sent it as written. Now both read the same character."""
    from tests.test_attacks_round20a import _get

    sql = "select ' =HYPERLINK(B2)' as a, 'https://evil.example/x' as b, '  +1+1' as c, ' -5' as d, ' Jane Doe' as e"
    status, text = _get(served_db, "/cse.csv?_dl=1&sql=" + urllib.parse.quote(sql))
    assert status == 200, text[:300]
    assert text.splitlines()[1] == "' =HYPERLINK(B2),https://evil.example/x,'  +1+1,' -5, Jane Doe", text


# --- Character references a browser decodes without ";" in a Datawrapper CSV (class 1) ------------------------------


def test_a_character_reference_without_its_semicolon_is_shown_as_printed_in_datawrapper(
        drawn_charts: object) -> None:
    """Datawrapper decodes a cell as HTML. The CSV escaped a cell holding a character reference only when it ended
    in ";", but an HTML parser decodes a numeric reference, and the legacy names, without one: "&#60b&#62" was shown
    as "<b>" and "&copy 2024" as "© 2024". Every reference a browser decodes is escaped now; "AT&T" and
    "Fire & Rescue", which it does not, are written as they are."""
    import csv
    import html
    import io

    from analysis.publish.export import chart_csv

    _, meta = drawn_charts("met-review-funnel")  # type: ignore[operator]
    data = meta.data.copy()
    printed = ["Jane Doe &#60b&#62 News &lt3", "&copy 2024 Jane Doe", "AT&T and Fire & Rescue"]
    data.loc[: len(printed) - 1, "Stage"] = printed
    header, *body = csv.reader(io.StringIO(chart_csv(data)))
    cells = [row[header.index("Stage")] for row in body][: len(printed)]
    assert [html.unescape(cell) for cell in cells] == printed, cells
    assert cells[2] == printed[2]


# --- Datasette: a request longer than the bounds were worked out for (class 5) ---------------------------------------


def test_a_query_string_longer_than_the_bounds_assume_is_refused(served_db: Path) -> None:
    """Every bound on what one row may cost assumes a GET of at most 16 KiB, "the server's request limit"; but the
    server enforces that only for a request arriving in pieces, and over the loopback GETs of ~128 KB were served:
    4,500 bounded `trim` calls in one row of a 50 KB GET ran 2.5 s of CPU past the 1 s limit. The bound is the
    plugin's own now. (A harmless long query stands in for the costly one, which would take seconds where it
    fails.)"""
    from analysis.publish.datasette_plugins.limits import MAX_QUERY_BYTES
    from tests.test_attacks_round20a import _get

    def page(padding: int) -> tuple[int, str]:
        sql = "select 1 as n /*" + "y" * padding + "*/"
        return _get(served_db, "/cse.json?sql=" + urllib.parse.quote(sql))

    fits = MAX_QUERY_BYTES - len("sql=" + urllib.parse.quote("select 1 as n /**/"))
    status, text = page(fits)
    assert status == 200 and '"rows": [[1]]' in text, text[:300]
    status, text = page(fits + 1)
    assert status == 400 and "longer than" in text, (status, text[:300])


def test_blanks_joined_by_taking_out_comment_lines_are_one_run(served_db: Path) -> None:
    """Datasette's SELECT check takes out every line that starts with "--" before it reads the query, which joins the
    blank lines around them: 70 lines of 150 blanks, each followed by a line "--", are one run of ~10,600 blanks to
    it (a GET of 11 KB) and no run over 151 as sent. The blank-run bound reads the query as that check does."""
    from tests.test_attacks_round20a import _get

    lines = ("%0A" + "+" * 150 + "%0A--") * 70  # a line end, 150 blanks ("+"), a line end, a comment line
    with_query = urllib.parse.quote("with x as (select 1 as n) select n from x")
    status, text = _get(served_db, "/cse.json?sql=/**/" + lines + "%0A" + with_query)
    assert status == 400 and "blanks in a row" in text, (status, text[:300])


# --- Datasette: the facet bound reads _facet_size as Datasette does (class 5) ----------------------------------------


@pytest.mark.parametrize("size", ["_facet_size=max&_facet_size=1", "_facet_size=%D9%A3%D9%A0%D9%A0"])  # "٣٠٠"
def test_the_facet_bound_reads_the_facet_size_datasette_uses(served_db: Path, size: str) -> None:
    """The bound on a page's facet links counted the last `_facet_size` and only ASCII digits; Datasette uses the
    first, and reads "٣٠٠" (Arabic-Indic digits) as 300. Five long-text facets on a 6–16 KB address passed, counted
    at 1 or 30 values a facet, and answered a 9.7 MB and a 26 MB page (the bound is 1.5 MB)."""
    from tests.test_attacks_round20a import _get

    facets = "&_facet=quote&_facet=caveat&_facet=subject&_facet=location&_facet=figure_id"
    where = "&_where=1%3D1/*" + "y" * 5_800 + "*/"
    status, text = _get(served_db, f"/cse/figures.json?{size}{facets}{where}")
    assert status == 400 and "facet" in text, (status, len(text))
    status, text = _get(served_db, "/cse/figures.json?_facet_size=1&_facet=quote")  # still served
    assert status == 200, text[:300]
