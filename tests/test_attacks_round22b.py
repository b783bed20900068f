"""Round 22, helper b: one reading of every digit and character (class 4), numbers and the characters before every
personal-data and number check."""

from __future__ import annotations

import pytest

from tests.scanned import figures_read, verify_verdict

# --- letters drawn white on black, which NFKC leaves as symbols ----------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("Write to jane.doe@example.\U0001f172\U0001f17e\U0001f17c now.", "an e-mail address"),  # .🅲🅾🅼
    ("Write to jane.doe@example.\U0001f152\U0001f15e\U0001f15c now.", "an e-mail address"),  # .🅒🅞🅜
    ("She lives at \U0001f182\U0001f1861\U0001f170 1\U0001f170\U0001f170 now.", "a UK postcode"),  # 🆂🆆1🅰 1🅰🅰
    ("Jane Doe, born 12 \U0001f17carch 2009, said.", "a date of birth"),  # 🅼arch
])
def test_a_letter_drawn_white_on_black_is_read_as_the_letter_by_the_personal_data_check(text: str, kind: str) -> None:
    """NFKC folds "Ⓜ" and "🄼" to "M" but leaves "🅜" and "🅼" as symbols, so an e-mail address ending ".🅲🅾🅼", a
    postcode "🆂🆆1🅰 1🅰🅰" or a birthday "12 🅼arch 2009" passed validation (no text rule refuses a symbol)."""
    from analysis.record.hygiene import text_problem
    from analysis.record.safeguarding import personal_data_in

    assert text_problem(text) is None  # a symbol, not a letter of another script: only the check can catch it
    assert kind in personal_data_in(text)


@pytest.mark.parametrize(("printed", "value", "unit"), [
    ("1.2\U0001f17c", 1.2e6, "count"),  # 1.2🅼
    ("1,200\U0001f15c", 1.2e9, "count"),  # 1,200🅜
    ("1.2 \U0001f17c\U0001f178\U0001f17b\U0001f17b\U0001f178\U0001f17e\U0001f17d", 1.2e6, "count"),  # 1.2 🅼🅸🅻🅻🅸🅾🅽
    ("5\U0001f17f\U0001f17f", 5.0, "percentage points"),  # 5🅿🅿
])
def test_a_scale_or_unit_in_letters_drawn_white_on_black_is_read_as_written(printed: str, value: float,
                                                                            unit: str) -> None:
    """"1.2🅼" was the count 1.2 to scan (a million times too small) and refused by the parser, where "1.2Ⓜ" is 1.2
    million to both: one reading now, in the parser, scan and `verify`."""
    from analysis.record.printed import parse_printed

    parsed = parse_printed(printed)
    assert (parsed.value, parsed.unit) == (value, unit)
    assert figures_read(f"Police recorded {printed} offences last year.") == [(value, "exact", unit)]
    assert verify_verdict("count", "--value", printed, "--stated", printed.replace("\U0001f17c", "m")) == "accurate"


# --- the quote check reads the quote's characters as scan and the parser do ----------------------------------------


@pytest.mark.parametrize(("value", "quote"), [
    ("1.2", "Police recorded 1.2\u24c2 offences."),  # 1.2Ⓜ: 1.2 million
    ("1.2", "Police recorded 1.2\U0001f13c offences."),  # 1.2🄼
    ("1.2", "Police recorded 1.2 \u24dc\u24d8\u24db\u24db\u24d8\u24de\u24dd offences."),  # 1.2 ⓜⓘⓛⓛⓘⓞⓝ
    ("56", "It rose to 56\ufe6a of cases."),  # 56﹪ (small per-cent sign)
])
def test_a_bare_value_is_not_printed_where_the_quote_s_characters_read_as_a_scale_or_a_sign(value: str,
                                                                                           quote: str) -> None:
    """The quote check read the quote as written, so "1.2" was printed in "1.2Ⓜ" and "56" in "56﹪", which scan and
    the parser read (after NFKC) as 1.2 million and 56%: the record held a count a million times too small, or a
    count for a share. The same value with its scale or sign is still printed."""
    from analysis.record.figures import contains_printed
    from analysis.record.hygiene import text_problem

    assert text_problem(quote) is None
    assert not contains_printed(value, quote)
    assert figures_read(quote)[0] != (float(value), "exact", "count")
    printed = quote.split()[-3] if value == "56" else quote.removeprefix("Police recorded ").removesuffix(" offences.")
    assert contains_printed(printed, quote)


# --- every currency's sign, not a list of four ----------------------------------------------------------------------


@pytest.mark.parametrize(("printed", "bare"), [("\u20a41.2m", "1.2m"), ("\u20a91,200", "1,200"),
                                               ("\u20bd1,200", "1,200"), ("\u00a250", "50"), ("1,200 \u20a4", "1,200"),
                                               ("\u20ac1,200", "1,200"), ("$1,200", "1,200")])
def test_a_number_with_any_currency_s_sign_is_neither_a_count_to_scan_nor_a_bare_value_in_a_quote(printed: str,
                                                                                                 bare: str) -> None:
    """Scan listed "$1.2m", "€1.2m", "¥1,200" and "₹1,200" as not read, but read "₤1.2m" (the lira sign, as older
    British print writes the pound), "₩1,200", "₽1,200" or "¢50" as the bare count; and the quote check took "1,200"
    as printed in "€1,200" or "$1,200": the record held a count where the source printed money."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.figures import contains_printed

    quote = f"Police spent {printed} on it last year."
    result = scan_text(quote, DEFAULT)
    assert result["figures"] == []
    left_out = [(x["text"], x["kind"]) for x in result["left_out"]]
    assert left_out == [(printed, "number with a unit no figure form reads")]
    assert not contains_printed(bare, quote)


def test_the_currency_signs_are_every_one_unicode_has_but_the_pound_s_and_the_dollar_s() -> None:
    import sys
    import unicodedata

    from analysis.record.vocabulary import CURRENCY_RANGES

    listed = {chr(code) for low, high in CURRENCY_RANGES for code in range(low, high + 1)}
    every = {chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Sc"
             and unicodedata.normalize("NFKC", chr(code)) == chr(code)} - {"£", "$"}
    assert listed == every


# --- a bare value where the quote prints percentage points ----------------------------------------------------------


@pytest.mark.parametrize("quote", ["The share rose 5 percentage points last year.", "The share rose 5 pp last year.",
                                   "The share rose 5 percentage-points last year.", "A 5-ppt rise last year."])
def test_a_bare_value_is_not_printed_where_the_quote_prints_percentage_points(quote: str) -> None:
    """The quote check refused "56" in "56%" (a share) and "5" in "5 points" (a unit no form reads), but took "5" as
    printed in "rose 5 percentage points", which scan and the parser read as 5 points: the record held the count 5
    (in any unit but the reserved ones) where the source printed a change in a share."""
    from analysis.record.figures import contains_printed

    assert figures_read(quote) == [(5.0, "exact", "percentage points")]
    assert not contains_printed("5", quote)


# --- letters written for digits -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Ring 07700 900 l23 now.",  # l for 1, as a typewriter without a 1 key typed it
    "Call O2O 7946 OOOl today.",
    "Call 020 7946 OOOO today.",  # a group of letters O alone beside the digits
    "Call \u0275\u0032\u0275 7946 \u0275\u0275\u0275\u0275 today.",  # ɵ2ɵ 7946 ɵɵɵɵ: a barred o, a slashed zero
    "Call \u019f2\u019f 7946 \u019f\u019f\u019f\u019f today.",  # Ɵ (O with middle tilde)
])
def test_a_letter_written_for_a_digit_does_not_hide_a_phone_number(text: str) -> None:
    """A letter O for a zero was read inside a run of digits (round seventeen), but not a letter l for a one, nor a
    group of letters O alone ("020 7946 OOOO"), nor a barred "ɵ" (Unicode gives it no base letter, so it was read
    as "a"): each phone number passed validation."""
    from analysis.record.hygiene import text_problem
    from analysis.record.safeguarding import personal_data_in

    assert text_problem(text) is None
    assert "a phone number" in personal_data_in(text)


@pytest.mark.parametrize("text", ["World War II ended in 1945.", "In 2019 I found 12 Ill children.",
                                  "Vol12 page 5 lists 100 O-level passes.", "Table 1 lists 10 oo."])
def test_letters_beside_numbers_are_no_phone_number(text: str) -> None:
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == []


# --- a mark drawn on a number's separator, point or sign -----------------------------------------------------------


@pytest.mark.parametrize(("printed", "bare"), [("1,\u0338200", "1,200"), ("56.\u03385%", "56.5%"), ("56%\u0338", "56%"),
                                               ("-\u03381,200", "1,200"), ("\u00a3\u03381,200", "\u00a31,200")])
def test_a_mark_drawn_on_a_number_s_separator_point_or_sign_leaves_it_unread_everywhere(printed: str,
                                                                                       bare: str) -> None:
    """A stroke drawn through a digit was refused everywhere (round eleven), but one through the comma or point
    ("1,̸200", "56.̸5%") passed the record's digits check, was read by scan as the figures 1 and 56, and the parser
    refused it only as "not a number as printed"; one on the per cent or minus sign ("56%̸", "-̸1,200") let the quote
    check take "56%" or "1,200" as printed. Now each gets the one digits message, scan reads no figure there, and the
    quote check finds no bare value."""
    from analysis.record.figures import contains_printed
    from analysis.record.hygiene import DIGITS_MESSAGE, text_problem
    from analysis.record.printed import PrintedFigureError, parse_printed

    quote = f"Police recorded {printed} offences last year."
    assert (text_problem(quote) or "").startswith("is refused: a number must be written with the digits 0-9 only")
    with pytest.raises(PrintedFigureError, match=DIGITS_MESSAGE.split(" (")[0]):
        parse_printed(printed)
    assert figures_read(quote) == []
    assert not contains_printed(bare, quote)


# --- a variation selector is read as the invisible character it is -------------------------------------------------


@pytest.mark.parametrize("stated", ["1,200\ufe0e", "1,200\ufe0f", "1\ufe0e,200", "1,2\u034f00"])
def test_verify_reads_a_variation_selector_as_it_reads_a_zero_width_space(stated: str) -> None:
    """`verify` reads an invisible character through ("1,2<ZWSP>00" is 1,200, as scan reads it), but a variation
    selector or grapheme joiner, invisible too, was taken for a mark drawn on the digit and refused with the digits
    message naming a character no one can see. data/raw still refuses each as an invisible character, and a keycap
    ("1<VS16><U+20E3>") is still a mark drawn on the digit."""
    from analysis.record.hygiene import text_problem
    from analysis.record.printed import PrintedFigureError, parse_printed

    assert verify_verdict("count", "--value", "1,200", "--stated", stated) == "accurate"
    assert figures_read(f"Police recorded {stated} offences last year.") == [(1200.0, "exact", "count")]
    assert "invisible format character" in (text_problem(f"Police recorded {stated} offences.") or "")
    with pytest.raises(PrintedFigureError, match="digits 0-9 only"):
        parse_printed("1\ufe0f\u20e3,200")
