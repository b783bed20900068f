"""Properties of the printed-figure parser (hypothesis): every number in every supported form reads back exactly,
and anything that only looks like a number is refused, never read as a guess.

test_printed.py pins hand-picked examples; test_rules.py has the properties of the verdict rules. These are the
parser's own: round trips over many numbers, and refusals over many near-misses.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from analysis.record.hygiene import plain_letters
from analysis.record.printed import PrintedFigureError, parse_printed
from analysis.record.vocabulary import MULTIPLES, QUALIFIERS

# --- numbers as printed -----------------------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=10**12)
decimals = st.integers(min_value=0, max_value=3)


def with_commas(n: int) -> str:
    return f"{n:,}"


@st.composite
def printed_numbers(draw, max_value: int = 10**9) -> tuple[str, Decimal, int]:
    """(text, exact value, decimals printed): '1,234', '1234', '18.5', '1,234.05'."""
    whole = draw(st.integers(min_value=0, max_value=max_value))
    d = draw(decimals)
    frac = draw(st.integers(min_value=0, max_value=10**d - 1)) if d else 0
    # "1.234" may be 1,234 with a full stop for thousands: the parser refuses it (round 14; pinned below)
    assume(not (d == 3 and 0 < whole < 1000))
    head = with_commas(whole) if draw(st.booleans()) else str(whole)
    text = f"{head}.{frac:0{d}d}" if d else head
    return text, Decimal(f"{whole}.{frac:0{d}d}" if d else str(whole)), d


def close(a: float | None, b: Decimal | float) -> bool:
    return a is not None and a == pytest.approx(float(b), rel=1e-12, abs=1e-9)


qualifier_phrases = st.sampled_from(sorted(QUALIFIERS))


@st.composite
def qualifier_texts(draw) -> tuple[str, str]:
    """(qualifier as printed, in any letter case; its canonical name)."""
    phrase = draw(qualifier_phrases)
    case = draw(st.sampled_from([str.lower, str.capitalize, str.upper]))
    return case(phrase), QUALIFIERS[phrase]


# --- round trips ------------------------------------------------------------------------------------------------


@given(counts)
def test_a_count_with_thousands_commas_reads_back(n):
    got = parse_printed(with_commas(n))
    assert (got.value, got.qualifier, got.unit, got.decimals) == (n, "exact", "count", 0)


@given(printed_numbers())
def test_a_plain_number_with_or_without_decimals_reads_back(number):
    text, value, d = number
    got = parse_printed(text)
    assert close(got.value, value)
    assert (got.qualifier, got.unit, got.decimals) == ("exact", "count", d)


@given(qualifier_texts(), printed_numbers())
def test_a_qualified_number_keeps_value_and_qualifier(qualifier, number):
    (phrase, canonical), (text, value, d) = qualifier, number
    got = parse_printed(f"{phrase} {text}")
    assert close(got.value, value)
    assert (got.qualifier, got.unit, got.decimals) == (canonical, "count", d)


@given(qualifier_texts(), printed_numbers(max_value=100), st.sampled_from([" per cent", "%", " percent", " %"]))
def test_a_percentage_reads_back_in_every_spelling(qualifier, number, suffix):
    (phrase, canonical), (text, value, d) = qualifier, number
    got = parse_printed(f"{phrase} {text}{suffix}")
    assert close(got.value, value)
    assert (got.qualifier, got.unit, got.decimals) == (canonical, "percent", d)


@given(printed_numbers(max_value=100))
def test_an_unqualified_percentage_is_exact(number):
    text, value, _ = number
    got = parse_printed(f"{text} per cent")
    assert close(got.value, value)
    assert got.qualifier == "exact"


SCALES = {"m": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9}


@given(qualifier_texts(), printed_numbers(max_value=999), st.sampled_from(sorted(SCALES)), st.sampled_from(["", " "]),
       st.booleans())
def test_money_with_a_scale_reads_back(qualifier, number, scale, space, qualified):
    (phrase, canonical), (text, value, d) = qualifier, number
    printed = f"£{text}{space}{scale}"
    got = parse_printed(f"{phrase} {printed}" if qualified else printed)
    assert close(got.value, value * SCALES[scale])
    assert (got.unit, got.scale, got.decimals) == ("GBP", SCALES[scale], d)
    assert got.qualifier == (canonical if qualified else "exact")


@given(counts)
def test_money_without_a_scale_reads_back(n):
    got = parse_printed(f"£{with_commas(n)}")
    assert (got.value, got.unit, got.scale) == (n, "GBP", 1.0)


@given(st.integers(min_value=1, max_value=10**7), st.data())
def test_n_out_of_m_reads_back(whole, data):
    part = data.draw(st.integers(min_value=0, max_value=whole))
    got = parse_printed(f"{with_commas(part)} out of {with_commas(whole)}")
    assert (got.value, got.denominator, got.unit, got.qualifier) == (part, whole, "count", "exact")


@given(printed_numbers(max_value=10**4), st.sampled_from([10, 100, 1000, 10_000, 100_000]),
       st.sampled_from(["", " children", " people", " children in need"]))
def test_a_rate_per_n_reads_back(number, base, noun):
    text, value, d = number
    got = parse_printed(f"{text} per {with_commas(base)}{noun}")
    assert close(got.value, value)
    assert (got.unit, got.denominator, got.decimals) == ("rate", base, d)


# --- refusals ---------------------------------------------------------------------------------------------------

#: Where a bad number can sit: alone, and inside every supported form.
TEMPLATES = ["{}", "more than {}", "almost {}", "{} per cent", "{}%", "£{}", "£{}m", "£{} million",
             "{} out of 1,000,000,000", "{} per 1,000 children"]
templates = st.sampled_from(TEMPLATES)


def refused(text: str) -> None:
    with pytest.raises(PrintedFigureError):
        got = parse_printed(text)
        pytest.fail(f"{text!r} was read as {got.value!r} ({got.qualifier}, {got.unit})")


@given(printed_numbers(), st.data(), st.characters(min_codepoint=ord("A"), max_codepoint=ord("z"),
                                                   categories=["Lu", "Ll"]), templates)
def test_digits_with_a_letter_mixed_in_are_refused(number, data, letter, template):
    """'1,2O0', '12l5', 'more than 3x00': a letter between two characters of a number is a typo, not a figure."""
    text = number[0]
    assume(len(text) >= 2)
    at = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
    refused(template.format(text[:at] + letter + text[at:]))


@given(printed_numbers(), st.integers(min_value=2, max_value=3), templates)
def test_doubled_dots_are_refused(number, dots, template):
    """'12..5', '1...0': a decimal point printed twice."""
    text, _, d = number
    assume(d > 0)
    refused(template.format(text.replace(".", "." * dots)))


@given(st.lists(st.integers(min_value=0, max_value=999), min_size=3, max_size=4), templates)
def test_two_decimal_points_are_refused(parts, template):
    """'1.2.3': a number cannot have two decimal points."""
    refused(template.format(".".join(str(p) for p in parts)))


@st.composite
def misplaced_commas(draw) -> str:
    """Digit groups joined by commas where the grouping is not thousands: '12,34,567', '1234,567', '1,2345'."""
    first = draw(st.integers(min_value=1, max_value=6))
    rest = draw(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=3))
    assume(not (first <= 3 and all(n == 3 for n in rest)))
    groups = [draw(st.text("0123456789", min_size=n, max_size=n)) for n in [first, *rest]]
    assume(groups[0][0] != "0" or len(groups[0]) == 1)
    return ",".join(groups)


@given(misplaced_commas(), templates)
def test_misplaced_thousands_commas_are_refused(text, template):
    refused(template.format(text))


@given(counts, st.sampled_from(["trailing", "leading", "doubled", "before the point"]), templates)
def test_stray_commas_are_refused(n, where, template):
    """A comma at either end, doubled, or just before the decimal point: '1,200,', ',200', '1,,200', '1,200,.5'."""
    text = with_commas(n)
    if where == "doubled":
        assume("," in text)
        text = text.replace(",", ",,", 1)
    else:
        text = {"trailing": f"{text},", "leading": f",{text}", "before the point": f"{text},.5"}[where]
    refused(template.format(text))


@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_never_crashes(text):
    """Whatever a transcriber types, the parser answers with a figure or PrintedFigureError: no other exception."""
    try:
        got = parse_printed(text)
    except PrintedFigureError:
        return
    assert got.value is None or got.value >= 0


@given(st.text(alphabet=st.characters(categories=["L", "P", "S", "Zs"], exclude_characters="£%"), max_size=30))
def test_text_without_digits_or_number_words_is_never_a_number(text):
    """No digits, no number words, no fractions: nothing to read, so never a value (only a marker may pass). A Latin
    letter outside ASCII is read as the letter it is written on (round 23: "1.2 míllion" is 1.2 million), so the
    words are looked for in that reading ("TĒN" is "ten")."""
    low = plain_letters(text).lower()
    words = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
             "hundred", "half", "third", "quarter", "fifth", "tenth", *MULTIPLES)  # the parser's own multiples:
    # a hand list here lacked "quintupled" and "sextupled", and hypothesis found "SEXTUPLED" read as 6
    assume(not any(w in low for w in words))
    try:
        got = parse_printed(text)
    except PrintedFigureError:
        return
    assert got.value is None, f"{text!r} was read as {got.value!r}"


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_count_with_a_full_stop_before_three_digits_is_always_refused(whole, frac):
    with pytest.raises(PrintedFigureError):
        parse_printed(f"{whole}.{frac:03d}")
