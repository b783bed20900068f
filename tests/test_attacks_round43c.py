"""Round 43, helper c: one reading of characters and numbers (class 4), markup (class 1) and exports (class 5), with
inputs earlier rounds did not try: a number searched for without its thousands commas (`search`, Datasette's search
box), numerals outside the Basic Multilingual Plane and numerals after a number's comma in an article, scale words
the parser has no value for, and a claim's correction dated before the claim."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from analysis.publish.database import build_database
from analysis.tables import lookup
from tests.raw_copy import refusal
from tests.scanned import listed

# --- a number searched for as typed, without its thousands commas --------------------------------------------------

RISE = "standard-2016-referrals-rise"  # the claim of the rise from 1,737 to 2,060 (the README's verify example)


def _found(query: str) -> set[str]:
    return {r["id"] for r in lookup.search(query)}


@pytest.mark.parametrize(("typed", "printed"), [("1737", "1,737"), ("1200", "1,200"), ("1 737", "1,737"),
                                                ("2060", "2,060")])
def test_search_finds_what_prints_a_number_however_its_digit_groups_are_typed(typed: str, printed: str) -> None:
    """`search 1737` answered "1 matches" (the figure, by its value) where `search 1,737` gave seven: the claim of
    the rise from 1,737 (the one the README's `verify change` example checks), the rise's own figure and the gap of
    the Met's releases, each printing "1,737" in its text, which search matched word by word. A fact-checker types
    a number without its commas as often as with them, and was told nothing of the claim."""
    assert _found(typed) == _found(printed)


def test_search_for_1737_lists_the_claim_of_the_rise() -> None:
    assert RISE in _found("1737")


@pytest.mark.parametrize(("query", "not_in"), [("1200", "12,000"), ("1200", "11,200"), ("1,200", "1,200,000"),
                                               ("15", "2015")])
def test_a_number_searched_for_is_found_whole_never_inside_another(query: str, not_in: str) -> None:
    """The guard: with its commas left out, "1200" would be inside "12000" and "11200"; a number is found whole."""
    assert not lookup._in(lookup._searchable(query), lookup._searchable(f"There were {not_in} cases."))
    assert lookup._in(lookup._searchable(query), lookup._searchable(f"There were {query} cases."))


def test_datasette_s_search_finds_a_number_typed_without_its_commas(tmp_path: Path) -> None:
    """cse.db's full-text index split "1,200" at its comma (the tokens "1" and "200"), so Datasette's search box
    found 10 figures for "1,200" and 1 for "1200" (the one printed "more than 1200")."""
    path = tmp_path / "cse.db"
    build_database(DEFAULT, path)
    db = sqlite_utils.Database(path)

    def matches(query: str) -> set[int]:
        return {row[0] for row in db.execute("select rowid from figures_fts where figures_fts match ?", [query])}

    assert matches('"1,200"') <= matches('"1200"') and len(matches('"1200"')) > 1
    assert matches('"1,737"') == matches('"1737"') != set()
    # … and so does Datasette's search box (`?_search=`), which is what a reader types into
    from datasette.app import Datasette

    from analysis.paths import DATABASE
    from tests.event_loop import run_apart

    served = Datasette([str(path)])

    async def searched(query: str) -> set[str]:
        response = await served.client.get(f"/{DATABASE}/figures.json?_search={query}&_shape=array&_size=max")
        return {row["figure_id"] for row in response.json()}

    assert run_apart(searched("1200")) >= run_apart(searched("1%2C200")) != set()
    # each cell's own words keep their places: what highlight marks is the cell's text
    [marked] = db.execute("select highlight(figures_fts, 1, '[', ']') from figures_fts where figures_fts match ?",
                          ['"child protection officers"']).fetchone()
    assert "[child protection officers]" in marked.lower() or "[child] [protection] [officers]" in marked.lower()


# --- numerals an article may print that no figure form reads -------------------------------------------------------


@pytest.mark.parametrize(("text", "whole"), [
    ("Police recorded \U0001f102200 offences in 2017.", "\U0001f102200"),  # DIGIT ONE COMMA, drawn "1,"
    ("The Met made \U0001f103060 referrals in 2015.", "\U0001f103060"),
    ("Police recorded 1\U0001f101200 offences.", "1\U0001f101200"),
    ("Police recorded 1,200\U0001f100 offences in 2017.", "1,200\U0001f100"),
])
def test_a_numeral_past_the_basic_multilingual_plane_is_listed_as_not_read(text: str, whole: str) -> None:
    """The numerals scan lists as not read were those of the Basic Multilingual Plane: "🄂200" (U+1F102, DIGIT ONE
    COMMA, drawn as "1,") was taken for a code's letters, its "200" set aside quietly ("no figures found"), where
    `verify`, `search` and the record refuse it with the digits message, and "⒈200" (its twin in the first plane) is
    listed."""
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(whole, "number in a form no figure form reads")]


@pytest.mark.parametrize("numeral", ["\u2475", "\u2461", "\u00bd", "\U0001d7d0"])
def test_a_numeral_right_after_a_numbers_comma_makes_it_one_number_not_read(numeral: str) -> None:
    """"1,⑵00 offences" was the exact count 1 (and ",⑵00" listed apart), where "1,2⓪0" is listed whole: a numeral
    after the comma was no part of the number."""
    text = f"Police recorded 1,{numeral}00 offences in 2017."
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(f"1,{numeral}00", "number in a form no figure form reads")]


@pytest.mark.parametrize(("text", "whole"), [("Police recorded 1.2 milliard offences.", "1.2 milliard"),
                                             ("The force spent \u00a31.2 milliard.", "\u00a31.2 milliard"),
                                             ("Police recorded 1.2 quadrillion offences.", "1.2 quadrillion")])
def test_a_scale_word_the_parser_has_no_value_for_is_listed_not_dropped(text: str, whole: str) -> None:
    """"1.2 milliard" (a thousand million, as translations of European figures print it) was the exact count 1.2,
    "not in the record", as "1.2 trillion" and "1.2 crore" are not: each is listed as not read."""
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(whole, "number with a unit no figure form reads")]


def test_the_quote_check_reads_such_a_scale_word_as_scan_does() -> None:
    from analysis.record.figures import contains_printed

    assert not contains_printed("1.2", "It spent 1.2 milliard on the service.")


# --- a correction dated before the claim it corrects ----------------------------------------------------------------

CORRECTION = "  - date: '2026-12-07'\n    what: This claim quoted"


def test_a_correction_dated_before_the_claim_was_made_is_refused(tmp_path: Path) -> None:
    """A claim's correction may not be in the future or before 1900, but "2020-01-01" (a year mistyped for 2026) on a
    claim MyLondon printed in October 2025 passed: the page listed a correction five years older than the claim, and
    ClaimReview, which takes a correction after the review as its dateModified, said nothing of it."""
    message = refusal(tmp_path, ("claims.yaml", CORRECTION, CORRECTION.replace("2026-12-07", "2020-01-01")))
    assert "a correction's date 2020-01-01 is before the claim was made (2025-10-01" in message


def test_a_correction_in_the_month_of_a_claim_whose_date_is_inferred_passes(tmp_path: Path) -> None:
    """The guard: the claim's document is dated by a first-of-month stand-in (`date_approximate`); a correction in
    that month is not refused (the document may have been printed on any day of it)."""
    from analysis.paths import Paths
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path, ("claims.yaml", CORRECTION, CORRECTION.replace("2026-12-07", "2025-10-01")))
    assert load_raw(Paths(root)).claims
