"""Issue 24, round nineteen, helper r19a (class 5, exports; class 1, markup): what a fresh attack on the exports
found, each pinned by a test that fails without its fix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_attacks import _datasette_get

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


def test_every_function_this_sqlite_has_is_allowed_or_refused_by_datasette(small_db: Path) -> None:
    """The list is of what may run: each built-in this SQLite has is either in it and answers, or refused."""
    from analysis.publish.datasette_plugins.limits import ALLOWED_FUNCTIONS

    with sqlite3.connect(":memory:") as conn:
        names = {row[0] for row in conn.execute("select name from pragma_function_list")}
    for name in sorted(names - ALLOWED_FUNCTIONS):
        answers = [_datasette_get(small_db, f"select {name}({', '.join(['1'] * arity)}) as n") for arity in range(3)]
        assert all(got["status"] >= 400 for got in answers), name
        assert any("not authorized" in got["text"] for got in answers), (name, [got["text"][:100] for got in answers])
    calls = "abs(-1) as a, upper('x') as b, json_extract('[5]', '$[0]') as c, date('2020-01-02') as d, " \
            "strftime('%Y', '2020-01-02') as e, ('[7]' ->> '$[0]') as f, instr('abc', 'b') as g, escape_fts('x') as h"
    got = _datasette_get(small_db, f"select {calls}")
    assert got["status"] == 200, got["text"][:300]
    assert got["text"] == '[{"a": 1, "b": "X", "c": 5, "d": "2020-01-02", "e": "2020", "f": 7, "g": 2, "h": "\\"x\\""}]'
