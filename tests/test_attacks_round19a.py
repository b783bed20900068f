"""Issue 24, round nineteen, helper r19a (class 5, exports; class 1, markup): what a fresh attack on the exports
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

# --- Datasette: a later SQLite's functions are refused until their cost is read (class 5, exports) ------------------

#: Functions SQLite 3.45–3.54 adds (this machine's Python links 3.40, which has none of them): `jsonb_patch` costs what
#: the refused `json_patch` does, `jsonb`/`jsonb_set`/`jsonb_remove` what the refused `json`/`json_set`/`json_remove`
#: do, and `json_pretty(x, <1,000-character indent>)` took 0.7 s and ~780 MB in one call on SQLite 3.54 before the
#: length limit refused its result. The last name stands for any function a SQLite not yet released adds.
LATER_FUNCTIONS = ["jsonb_patch", "jsonb", "jsonb_set", "jsonb_remove", "jsonb_group_array", "json_pretty",
                   "JSON_PRETTY", "unistr", "percentile", "geopoly_svg", "a_function_of_a_later_sqlite"]


@pytest.mark.parametrize("name", LATER_FUNCTIONS)
def test_datasette_refuses_a_function_the_limits_were_not_measured_on(name: str) -> None:
    from analysis.publish.datasette_plugins.limits import _authorize

    assert _authorize(sqlite3.SQLITE_FUNCTION, None, name) == sqlite3.SQLITE_DENY


def _gets(db: Path, queries: list[str]) -> list[tuple[int, str]]:
    """Each query's status and text from one Datasette configured as `make serve` configures it."""
    import urllib.parse

    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR, SETTINGS
    from tests.event_loop import run_apart

    ds = Datasette([str(db)], plugins_dir=str(PLUGINS_DIR), settings=SETTINGS)

    async def get_all() -> list[tuple[int, str]]:
        answers = []
        for sql in queries:
            response = await ds.client.get(f"/{db.stem}.json?sql={urllib.parse.quote(sql)}&_shape=array")
            answers.append((response.status_code, response.text))
        return answers

    return run_apart(get_all())


def test_every_function_this_sqlite_has_is_allowed_or_refused_by_datasette(small_db: Path) -> None:
    """The list is of what may run: each built-in this SQLite has (whatever its release) is either in it and answers,
    or is refused when the query is prepared, called with as many arguments as it takes."""
    from analysis.publish.datasette_plugins.limits import ALLOWED_FUNCTIONS

    with sqlite3.connect(":memory:") as conn:
        functions = conn.execute("select name, narg from pragma_function_list").fetchall()
    takes = {name: 1 if narg < 0 else narg for name, narg in functions}  # a variadic one (-1) given one argument
    refused = sorted(set(takes) - ALLOWED_FUNCTIONS)
    assert {"fts3_tokenizer", "printf", "json_patch"} <= set(refused)
    answers = _gets(small_db, [f"select {name}({', '.join(['1'] * takes[name])}) as n" for name in refused])
    for name, (status, text) in zip(refused, answers, strict=True):
        assert status >= 400 and "not authorized" in text, (name, text[:200])
    calls = ("abs(-1) as a, upper('x') as b, json_extract('[5]', '$[0]') as c, date('2020-01-02') as d, "
             "strftime('%Y', '2020-01-02') as e, ('[7]' ->> '$[0]') as f, instr('abc', 'b') as g, escape_fts('x') as h")
    [(status, text)] = _gets(small_db, [f"select {calls}"])
    assert status == 200, text[:300]
    assert text == '[{"a": 1, "b": "X", "c": 5, "d": "2020-01-02", "e": "2020", "f": 7, "g": 2, "h": "\\"x\\""}]'
