"""Round 23, helper b: one reading of characters and numbers (class 4): the letters of the words that give a figure
its scale, unit or qualifier, and the characters of a search query."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.raw_copy import raw_copy, refusal, run_on
from tests.scanned import figures_read, verify_verdict


def _left_out(text: str) -> list[tuple[str, str]]:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    return [(x["text"], x["kind"]) for x in scan_text(text, DEFAULT)["left_out"]]


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
    assert [v for v, _, _ in figures_read(f"Police recorded {printed} offences.")] == [value]
    plain = printed.replace(DOTLESS, "i").replace(DOTTED, "I")
    for given in (value, value * 1.05):
        assert verify_verdict("count", "--value", f"{given:.0f}", "--stated", printed) == \
            verify_verdict("count", "--value", f"{given:.0f}", "--stated", plain)


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
    assert figures_read(quote) == [(value, "exact", unit)]


@pytest.mark.parametrize("printed", ["1.2 mi\u0307llion", "1.2 mil\u0332lion", "56 pe\u0332r cent"])
def test_a_combining_mark_on_a_letter_of_a_scale_or_unit_word_is_read_through(printed: str) -> None:
    """A combining dot above an i ("mi̇llion") is all but invisible; the quote check took "1.2" as printed there and
    scan read the count 1.2. The quote check and the parser read the letter without its mark; scan lists the figure
    to check by hand, as it cannot read the word where it stands."""
    from analysis.record.figures import contains_printed
    from analysis.record.printed import parse_printed

    quote = f"Police recorded {printed} offences."
    bare = printed.split()[0]
    assert not contains_printed(bare, quote)
    assert contains_printed(printed, quote)
    assert parse_printed(printed).value == (1.2e6 if bare == "1.2" else 56.0)
    assert [v for v, _, _ in figures_read(quote)] != [float(bare)]


# --- letters of another script in the words of a figure --------------------------------------------------------------

_CYRILLIC = str.maketrans("aeopcxyi", "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456")


@pytest.mark.parametrize(("text", "plain"), [
    ("Police recorded more than 1,200 offences.", (1200.0, "more than", "count")),
    ("Police recorded nearly 1,200 offences.", (1200.0, "almost", "count")),
    ("Police recorded about 1,200 offences.", (1200.0, "about", "count")),
    ("Cases rose by 12 per cent.", (12.0, "exact", "percent")),
    ("It was 2.5 times higher.", (2.5, "exact", "times")),
    ("Police recorded 1.2 million offences.", (1.2e6, "exact", "count")),
    ("Cases rose 5 percentage points.", (5.0, "exact", "percentage points")),
    ("It was 12 per 10,000 children.", (12.0, "exact", "rate")),
    ("Police recorded over 1,200 offences.", (1200.0, "more than", "count")),
])
def test_a_figure_whose_words_are_written_in_look_alike_letters_of_another_script_is_not_read(
        text: str, plain: tuple[float, str, str]) -> None:
    """Written with Cyrillic letters that look like Latin ones ("mоre thаn", "реr сеnt", "mіllion"), each sentence
    reads to a person as the plain one, but scan read the exact count: "more than 1,200" lost its qualifier, "12 per
    cent" was the count 12, "1.2 million" the count 1.2. The record refuses such a letter in any field (and `verify`
    in any value); scan now lists the figure to check by hand, reading none in its place."""
    from analysis.factcheck.scan_find import LOOKALIKE_LETTERS
    from analysis.record.hygiene import text_problem

    assert figures_read(text) == [plain]
    look_alike = text.translate(_CYRILLIC)
    assert "is not a letter of the Latin alphabet" in (text_problem(look_alike) or "")
    assert figures_read(look_alike) == []
    assert LOOKALIKE_LETTERS in [kind for _, kind in _left_out(look_alike)]


@pytest.mark.parametrize(("text", "figure"), [
    ("In \u041c\u043e\u0441\u043a\u0432\u0430, police recorded more than 1,200 offences.",
     (1200.0, "more than", "count")),
    ("Police recorded 56% of offences, the charity \u0421\u0432\u0435\u0442 said.", (56.0, "exact", "percent")),
    ("Police recorded 1,200 offences in Krak\u00f3w.", (1200.0, "exact", "count")),
])
def test_a_word_of_another_script_away_from_a_figure_leaves_it_read(text: str, figure: tuple[float, str, str]) -> None:
    assert figures_read(text) == [figure]


# --- a search query read as the record's checks read a value ---------------------------------------------------------


@pytest.mark.parametrize("query", ["Beacon\u00adport", "Beacon\u200bport", "\uff22\uff45\uff41\uff43\uff4f\uff4e\uff50"
                                   "\uff4f\uff52\uff54", "Beaconport\u2060"])
def test_search_reads_a_query_as_the_checks_read_text(query: str) -> None:
    """A soft hyphen or a zero-width space (as copying from a page brings them), or full-width letters, gave "0
    matches" for a word the record holds 28 times: the user was told the record has no such figure."""
    from analysis.tables import lookup

    assert [r["id"] for r in lookup.search(query)] == [r["id"] for r in lookup.search("Beaconport")] != []


@pytest.mark.parametrize(("query", "words"), [
    ("\u202e0021", "bidirectional control"),  # shown as "1200", read as 21
    ("B\u0435aconport", "is not a letter of the Latin alphabet"),  # a Cyrillic e
    ("more than 1,200\ue000", "private-use"),
])
def test_search_refuses_what_verify_refuses_in_a_value(query: str, words: str) -> None:
    """`verify` refuses a bidi control, a look-alike letter or a private-use glyph in a value; `search` read through
    them and answered "0 matches", where the reader sees a query the record matches."""
    from analysis.tables import lookup

    with pytest.raises(lookup.BadQuery, match=words):
        lookup.search(query)


# --- scan says what validate and verify say of a number in other digits ----------------------------------------------


@pytest.mark.parametrize(("printed", "found"), [
    ("1,2\u06600", "\u0660"), ("3\u06604", "\u0660"), ("5\u0666%", "\u0666"), ("\uff11,200", "\uff11"),
    ("\u0967\u0968\u0966\u0966", "\u0967")])
def test_scan_gives_the_one_message_for_a_number_in_digits_other_than_0_to_9(printed: str, found: str) -> None:
    """data/raw and `verify` refuse "1,2٠0" with "a number must be written with the digits 0-9 only (found '٠',
    U+0660)"; scan listed it as "a number in a form no figure form reads", the words it uses for "1,73", without
    saying what was wrong with it."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.hygiene import DIGITS_MESSAGE, text_problem

    message = DIGITS_MESSAGE.format(char=found, code=ord(found))
    quote = f"Police recorded {printed} offences."
    assert text_problem(quote) == f"is refused: {message}"
    with pytest.raises(Exception, match=re.escape(message)):
        verify_verdict("count", "--value", "1200", "--stated", printed)
    result = scan_text(quote, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [
        f"paragraph 1: {printed!r} is a number in a form no figure form reads, not one figure the record can hold "
        f"({message}, as the record and verify say): check it by hand"]


# --- a spacing combining mark is a mark drawn on the character before it -------------------------------------------


@pytest.mark.parametrize("mark", ["\u093e", "\u093f", "\u0903", "\u0bbe", "\U0001d165"])
def test_a_spacing_combining_mark_on_a_digit_leaves_the_number_unread_everywhere(mark: str) -> None:
    """A mark of another script drawn after a digit ("1.2ा": a Devanagari vowel sign, which some renderers draw
    before the digit) is a mark on the digit, as a combining tilde or stroke is; but only non-spacing marks were
    asked about, so the record took "1.2" as printed in "1.2ा", scan read the count 1.2 and the parser refused it."""
    from analysis.record.figures import contains_printed
    from analysis.record.hygiene import text_problem

    quote = f"Police recorded 1.2{mark} offences."
    assert (text_problem(quote) or "").startswith("is refused: a number must be written with the digits 0-9 only")
    assert not contains_printed("1.2", quote)
    assert figures_read(quote) == []


# --- a document's or an inspection's date is a raw text field too ---------------------------------------------------


@pytest.mark.parametrize(("edit", "message"), [
    (("sources.yaml", "  date_published: 2016-11-24\n", "  date_published: 2016-11-2\u0664\n"),
     "date_published is refused: a number must be written with the digits 0-9 only (found '\u0664', U+0664)"),
    (("sources.yaml", "  date_published: 2016-11-24\n", '  date_published: "2016-11-24\\u200f"\n'),
     "date_published contains a bidirectional control (U+200F)"),
    (("inspections.yaml", "  published: 2016-11-25\n", "  published: 2016-11-2\u0665\n"),
     "published is refused: a number must be written with the digits 0-9 only (found '\u0665', U+0665)"),
])
def test_a_date_in_other_digits_or_with_a_bidi_control_gets_the_one_message(tmp_path: Path,
                                                                            edit: tuple[str, str, str],
                                                                            message: str) -> None:
    """Every raw text field is refused with the digits or bidi message, but a source's dates and an inspection's
    publication date were not asked: "2016-11-2٤" (an Arabic-Indic four) and "2016-11-24<RLM>" were refused only
    as "not a real date", the one message given for a number in other digits everywhere else left unsaid."""
    assert message in refusal(tmp_path, edit)


# --- the quote check reads a scale, unit or qualifier joined to the value by a hyphen, a dash or a plus ---------------


@pytest.mark.parametrize(("value", "quote"), [
    ("\u00a31.2", "Police spent \u00a31.2-million on it."),  # £1.2 where the source printed £1.2 million
    ("\u00a31.2", "Police spent \u00a31.2-bn on it."),
    ("1,200", "Police recorded 1,200-plus cases."),  # the exact 1,200 where the source printed "at least"
    ("1,200", "Police recorded 1,200+ cases."),
    ("1,200", "Police recorded 1,200-odd cases."),  # … or "about"
    ("1,200", "Police recorded 1,200-ish cases."),
    ("12", "It was a 12-point rise."),
    ("5", "The share rose 5 percentage\u2010points."),  # a hyphen of another code point (U+2010)
    ("56", "It rose by 56\u2011per\u2011cent."),  # non-breaking hyphens
    ("5", "The share rose 5 percentage\u2013points."),  # an en dash
    ("12", "It was a 12\u2212point rise."),  # a minus sign
])
def test_a_bare_value_is_not_printed_where_the_quote_joins_a_scale_unit_or_qualifier_to_it(value: str,
                                                                                          quote: str) -> None:
    """The quote check read a hyphen after a value as joining no word to it ("a 1,200-strong team"), so "£1.2" was
    printed in "£1.2-million", "1,200" in "1,200-plus", "1,200+" and "1,200-odd", and "12" in "a 12-point rise";
    and it read a dash of another code point as no hyphen at all, so "5" was printed in "5 percentage‐points". Scan
    lists each (or reads 5 points, 56%) and the parser refuses the bare reading: the record held £1.2 for £1.2
    million, or the exact 1,200 where the source printed "at least" or "about"."""
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)
    bare = float(value.strip("\u00a3").replace(",", ""))
    assert not {(bare, "exact", "count"), (bare, "exact", "GBP")} & set(figures_read(quote))


@pytest.mark.parametrize(("value", "quote"), [
    ("1,200", "A 1,200-strong team was formed."), ("12", "A 12-year-old boy was named."),
    ("1,200", "Police recorded 1,200 \u2013 more than ever."), ("1,200", "The 1,200-page report was read."),
])
def test_a_hyphen_or_dash_that_joins_no_scale_unit_or_qualifier_leaves_the_value_printed(value: str,
                                                                                         quote: str) -> None:
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


# --- a statistic with a letter written for a digit is reported, not set aside as a code ------------------------------


@pytest.mark.parametrize("printed", ["1,2O0", "1,20O", "1,2OO", "2,5OO", "5O%", "1,2l0"])
def test_a_statistic_with_a_letter_for_a_digit_is_reported_as_not_read(printed: str) -> None:
    """"Police recorded 1,2O0 offences." (a letter O for a zero, as a scanned page or a typist prints one) is 1,200
    to a reader, as the personal-data check reads a phone number's O's; scan set it aside as "a number inside a name
    or a code", which it does not report, and said "no figures found": the statistic was gone without a word."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text(f"Police recorded {printed} offences.", DEFAULT)
    assert result["figures"] == []
    assert [printed in line for line in result["not_read"]] == [True]


@pytest.mark.parametrize("text", ["The M25 and the A1 were shut.", "COVID-19 cases rose.", "Vol12 was read.",
                                  "Flight BA2O0 landed.", "The O2 arena was full."])
def test_codes_with_letters_stay_codes(text: str) -> None:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    assert scan_text(text, DEFAULT)["not_read"] == []
