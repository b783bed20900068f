"""Issue 24, round twenty-four, helper r24a (class 1, markup; class 5, exports): what a fresh attack found, each
pinned by a test that fails without its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import raw_copy

# --- A date is read as written, or refused (class 5) -----------------------------------------------------------------


def _problems(root: Path) -> str:
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw

    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    return str(raised.value)


@pytest.mark.parametrize(("name", "old", "new"), [
    ("inspections.yaml", "  published: 2016-11-25\n", "  published: ' 2016-11-25 '\n"),
    ("inspections.yaml", "  published: 2016-11-25\n", "  published: |\n    2016-11-25\n"),  # "2016-11-25\n"
    ("inspections.yaml", "  published: 2016-11-25\n", '  published: "2016-11-25\\u00a0"\n'),
    ("sources.yaml", "  date_published: 2016-11-24\n", "  date_published: ' 2016-11-24'\n"),
])
def test_a_date_with_space_around_it_is_refused_not_written_as_it_was(tmp_path: Path, name: str, old: str,
                                                                     new: str) -> None:
    """An inspection's `published` was checked after trimming it but written to the tables as it was: " 2016-11-25 "
    (or a block scalar's "2016-11-25\\n") passed `validate` and reached inspection_grades.csv and cse.db's
    inspection_grades with its spaces or line end, where it no longer sorted or compared as a date. A figure's
    period with a space was already refused, and a source's date was trimmed before it was written. One reading
    now: a date is YYYY-MM-DD with nothing around it."""
    assert "is not a real date (YYYY-MM-DD)" in _problems(raw_copy(tmp_path, (name, old, new)))


def test_a_date_written_plainly_still_passes(tmp_path: Path) -> None:
    """The same field written plainly, quoted or not, is a date (the rule refuses only what is around it)."""
    from analysis.paths import Paths
    from analysis.run.build import load_raw

    root = raw_copy(tmp_path, ("inspections.yaml", "  published: 2016-11-25\n", "  published: '2016-11-25'\n"))
    assert load_raw(Paths(root))


# --- Datasette: full-text search's markup functions, which the time limit cannot stop (class 5) ----------------------

#: Phrases for the MATCH, built by the query from a 40-character expression: with 3,000 of them one `snippet` call
#: of one row ran 30 s of CPU (a 130-character GET, answered 200); the time limit is never consulted inside one call.
#: 300 here, so that the test is quick even where it fails.
MANY_PHRASES = "replace(hex(zeroblob(300)), '00', 'e* ')"


def test_full_text_markup_functions_are_refused_and_search_still_works(tmp_path: Path) -> None:
    import urllib.parse

    from analysis.paths import DEFAULT
    from analysis.publish.database import build_database
    from tests.test_attacks_round20a import _get

    db = tmp_path / "cse.db"
    build_database(DEFAULT, db)
    for call in ("snippet(figures_fts, -1, '[', ']', '…', 64)", "highlight(figures_fts, 0, '[', ']')"):
        status, text = _get(db, "/cse.json?sql=" + urllib.parse.quote(
            f"select {call} from figures_fts where figures_fts match {MANY_PHRASES} limit 1"))
        assert (status, "not authorized" in text) == (400, True), (call, status, text[:300])
    # Ranking (read through SQL the time limit stops) and the table's search box are served as before.
    status, text = _get(db, "/cse.json?sql=" + urllib.parse.quote(
        "select rowid, bm25(figures_fts) from figures_fts where figures_fts match 'child' order by rank limit 3"))
    assert status == 200 and '"ok": true' in text, text[:300]
    status, text = _get(db, "/cse/figures.json?_search=child&_size=1")
    assert status == 200 and '"rows": [[' in text, text[:300]
