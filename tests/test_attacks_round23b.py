"""Round 23, helper b: one reading of characters and numbers (class 4): the letters of the words that give a figure
its scale, unit or qualifier, and the characters of a search query."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import raw_copy, run_on


def _scanned(text: str) -> list[tuple[float, str, str]]:
    """The figures scan reads in `text` (value, qualifier, unit)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    return [(f["value"], f["qualifier"], f["unit"]) for f in scan_text(text, DEFAULT)["figures"]]


def _verify(*args: str) -> str:
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser()
    verify.add_arguments(parser, "verify")
    return verify.evaluate(parser.parse_args(list(args))).verdict


# --- a dotless or dotted i in a scale word ---------------------------------------------------------------------------

DOTLESS = "\u0131"  # ı, LATIN SMALL LETTER DOTLESS I, as a Turkish keyboard types an i
DOTTED = "\u0130"  # İ, LATIN CAPITAL LETTER I WITH DOT ABOVE


@pytest.mark.parametrize(("printed", "value"), [
    (f"1.2 m{DOTLESS}llion", 1.2e6), (f"1.2m{DOTLESS}llion", 1.2e6), (f"1.2 b{DOTLESS}llion", 1.2e9),
    (f"1.2 M{DOTTED}LLION", 1.2e6), (f"more than 1.2 m{DOTLESS}llion", 1.2e6),
])
def test_a_dotless_or_dotted_i_in_a_scale_word_is_read_as_the_i_it_stands_for(printed: str, value: float) -> None:
    """The regular expressions read "ı" and "İ" as an "i" (Python's IGNORECASE), the tables of scale words did not:
    "1.2 mıllion" raised KeyError in the parser, so `scan` of an article, `verify` and `validate` of a figure printed
    so stopped with a traceback."""
    from analysis.record.printed import parse_printed

    assert parse_printed(printed).value == value
    assert [v for v, _, _ in _scanned(f"Police recorded {printed} offences.")] == [value]
    plain = printed.replace(DOTLESS, "i").replace(DOTTED, "I")
    for given in (value, value * 1.05):
        assert _verify("count", "--value", f"{given:.0f}", "--stated", printed) == \
            _verify("count", "--value", f"{given:.0f}", "--stated", plain)


def test_validate_names_the_row_of_a_value_whose_scale_word_has_a_dotless_i(tmp_path: Path) -> None:
    """A value "8.8 mıllion" stopped `validate` with a KeyError traceback; a bare "8.8" in a quote printing "8.8
    mıllion" passed, so the record held 8.8 people where the source printed 8.8 million."""
    name = "figures/gla-demography-mye-2021.csv"
    quote_edit = (name, "population at 8.8 million.", f"population at 8.8 m{DOTLESS}llion.")
    read = run_on(raw_copy(tmp_path / "a", (name, ",8.8 million,people,", f",8.8 m{DOTLESS}llion,people,"),
                           quote_edit), "validate")
    assert (read.returncode, "Traceback" in read.stderr) == (0, False), read.stderr[-2000:]
    bare = run_on(raw_copy(tmp_path / "b", (name, ",8.8 million,people,", ",8.8,people,"), quote_edit), "validate")
    assert bare.returncode != 0 and "Traceback" not in bare.stderr
    assert 'quote does not contain "8.8"' in bare.stdout + bare.stderr


# --- an accent or a mark on a letter of a scale or unit word ---------------------------------------------------------


@pytest.mark.parametrize(("printed", "bare", "value", "unit"), [
    ("1.2 m\u00edllion", "1.2", 1.2e6, "count"),  # míllion
    ("1.2 m\u1ecbllion", "1.2", 1.2e6, "count"),  # mịllion
    ("1.2 milli\u00f3n", "1.2", 1.2e6, "count"),  # millión
    ("56 p\u00e9r cent", "56", 56.0, "percent"),  # pér cent
    ("56 per c\u00e9nt", "56", 56.0, "percent"),
    ("5 percentage p\u00f6ints", "5", 5.0, "percentage points"),
])
def test_an_accented_letter_in_a_scale_or_unit_word_is_read_as_its_letter(printed: str, bare: str, value: float,
                                                                          unit: str) -> None:
    """A reader reads "1.2 míllion" as 1.2 million and "56 pér cent" as 56%; the quote check took the bare "1.2" and
    "56" as printed there and scan read the count 1.2 or 56 (a million times too small, or a share as a count),
    while the parser refused the value. One reading now: the letter it is written on, as the personal-data check
    reads a name's letters."""
    from analysis.record.figures import contains_printed
    from analysis.record.hygiene import text_problem
    from analysis.record.printed import parse_printed

    quote = f"Police recorded {printed} offences."
    assert text_problem(quote) is None
    assert not contains_printed(bare, quote)
    assert contains_printed(printed, quote)
    parsed = parse_printed(printed)
    assert (parsed.value, parsed.unit) == (value, unit)
    assert _scanned(quote) == [(value, "exact", unit)]
