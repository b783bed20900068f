"""Load and check `data/raw/figures/<source_id>.csv`, one row per printed figure.

The check that matters most is the quote: a transcriber copies a short verbatim quote with every figure, and the
quote must contain the figure exactly as printed. A slipped digit in either then fails the build instead of
reaching print.
"""

from __future__ import annotations

import csv
import dataclasses
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analysis.paths import Paths
from analysis.record.counted import count_kinds, counted_class
from analysis.record.differences import CHANGE_MEASURE, difference_named
from analysis.record.hygiene import (
    MAX_FIELD_CHARS,
    check_text_fields,
    dashes_read,
    figure_id_problem,
    is_mark,
    name_key,
    name_read,
    normal_text_keeping_digits,
    plain_letters,
    same_length_reading,
    word_count,
)
from analysis.record.places import larger_place_quoted, place_given, place_left_out, place_problem
from analysis.record.printed import Printed, PrintedFigureError, exactness_problem, negative_problem, parse_printed
from analysis.record.problems import Problems
from analysis.record.rawfiles import figures_files, read_raw_text
from analysis.record.revisions import rate_base_from_unit, split_status_mark
from analysis.record.safeguarding import check_personal_data
from analysis.record.sources import as_date, too_early
from analysis.record.vocabulary import (
    ABOUT_WORDS_AFTER,
    AFTER_QUALIFIER,
    AMOUNTS_OR_AFTER,
    AMOUNTS_OR_BEFORE,
    APOSTROPHE_DIGIT_GROUPS,
    BRACKETED_ABOUT_WORDS,
    CLAUSE_END,
    CLAUSE_ENDS,
    COUNTED_WORDS,
    CURRENCY_SIGNS,
    DENIED_BEFORE,
    HEADED_NUMBERS,
    JOINED_QUALIFIER_AFTER,
    JOINED_SCALE_WORDS,
    LETTER_DIGITS_AFTER,
    MARGIN_AFTER,
    NOT_A_THRESHOLD,
    OPEN_END_AFTER,
    OPEN_END_WORDS_AFTER,
    OR_BEYOND,
    QUALIFIER_SIGN_BEFORE,
    QUALIFIERS,
    RANGE_END_UNIT,
    RANGE_WORDS_AFTER,
    RANGE_WORDS_BEFORE,
    RATE_BASE,
    RATE_BASE_WORDS,
    SHARE_SIGN_AFTER,
    SHARES_OR_BEFORE,
    SPACED_DIGIT_GROUPS,
    SPACED_SCALE_WORDS,
    UNREAD_UNIT_WORDS,
    WHOLE_BEFORE_FRACTION,
    WORD_NUMBERS,
)
from analysis.record.years import (
    OPENING_YEAR,
    OWN_YEAR_AFTER,
    OWN_YEAR_BEFORE,
    YEAR,
    financial_years,
    given_at_a_date,
    label_years,
    own_year,
    span_problem,
)

COLUMNS = (
    "figure_id", "measure", "subject", "geography", "period_start", "period_end",
    "value_as_printed", "unit", "location", "quote", "caveat",
)
REQUIRED = tuple(c for c in COLUMNS if c != "caveat")
MAX_QUOTE_WORDS = 30
MEASURE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: A unit or a place is a label printed beside a number in every chart, table and page: letters (accents too: "Ynys
#: Môn"), digits, spaces and the punctuation a name or a rate holds ("per 10,000 children (0-17)"). Markup there
#: ("<img …>", "[x](…)", "$…$") passed `validate`, though the planted-markup test counted these fields among those
#: whose own rules refuse it: it cannot plant in them, as the notebooks select rows by their exact values.
LABEL_RE = re.compile(r"(?:[^\W_]|[ ,.'’()%£€&/:-])+")
LABELS = ("unit", "geography")
_UNIT_FOR_KIND = {"percent": "percent", "percentage points": "percentage points", "GBP": "GBP", "times": "times"}
#: Other spellings of those reserved units (folded: lower case, single spaces). Only the exact spelling was reserved,
#: so a count with unit "%" or "Percent" passed, and a revision check comparing units saw two units where a reader
#: sees one: each reserved unit has one spelling.
_UNIT_SPELLINGS = {
    **{spelling: "percent" for spelling in ("percent", "%", "per cent", "pct", "percentage", "percentages")},
    **{spelling: "percentage points" for spelling in ("percentage points", "percentage point", "pp", "% points",
                                                      "per cent points")},
    **{spelling: "GBP" for spelling in ("gbp", "£", "pounds", "pound", "pounds sterling")},
    **{spelling: "times" for spelling in ("times",)},
}
#: Compiled once: validation runs them on every row.
_SPACES = re.compile(r"\s+")
_LETTER_DIGITS_AFTER = re.compile(LETTER_DIGITS_AFTER)
_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise_for_match(text: str) -> str:
    """Fold case, curly quotes and runs of white space, after reading the characters as scan and the parser read
    them (`normal_text_keeping_digits`: NFKC, with the digits of other scripts kept as written); nothing else, so a
    wrong digit still fails. Read as written, "1.2" was printed in "1.2Ⓜ", "56" in "56﹪" and "5" in "5 🄿🄿",
    which scan and the parser read as 1.2 million, 56% and 5 points: the record held a figure a million times too
    small or a count for a share. The letters are read as the parser reads them
    (`plain_letters`), and a dash of any code point as the hyphen it is (`dashes_read`): "1.2" was printed in "1.2
    míllion", "56" in "56 pér cent" and "5" in "5 percentage‐points"."""
    read = dashes_read(plain_letters(normal_text_keeping_digits(text or "")))
    return _SPACES.sub(" ", read.translate(_QUOTE_FOLD)).strip().lower()


def _joined(mark: str, other: str) -> bool:
    """Whether `mark` (the character beside a value) is a mark joining it to the number `other` starts or ends, so
    the quote prints another number: "7" is not printed alone in "24/7", nor "2" in "1/2", nor "1,200" in the
    ratio "1,200:1" or in "1,200·5", "1,200٫5" or "1,200'5" (a decimal mark or a digit group's apostrophe of another
    style), each of which scan lists as a number no figure form reads, not as 1,200.
    Any punctuation or symbol counts, not a list of look-alikes: a space does not (a range's dash: `_in_a_range`)."""
    return bool(mark) and other.isdecimal() and unicodedata.category(mark)[0] in "PS"


#: A range's end as printed before its dash, with its unit or scale ("10%", "£1.1m"), and after it ("£1.2m").
_RANGE_END_BEFORE = re.compile(rf"\d{RANGE_END_UNIT}?$")
_RANGE_END_AFTER = re.compile(r"£?\d")


#: A range in words around a value (`vocabulary.RANGE_WORDS_BEFORE` and the rest), as scan lists one.
_RANGE_WORDS_BEFORE, _RANGE_WORDS_AFTER = re.compile(RANGE_WORDS_BEFORE), re.compile(RANGE_WORDS_AFTER)
_AMOUNTS_OR_BEFORE, _AMOUNTS_OR_AFTER = re.compile(AMOUNTS_OR_BEFORE), re.compile(AMOUNTS_OR_AFTER)
_SHARES_OR_BEFORE = re.compile(SHARES_OR_BEFORE)


def _in_a_range(haystack: str, at: int, end: int) -> bool:
    """Whether a range's dash joins the value found at haystack[at:end] to another number, close up or across a
    unit or scale: "1,200" is not printed alone in "1,200–1,500", nor "20%" in "10%–20%", nor "£1.1m" in
    "£1.1m–£1.2m" (scan reads no figure there either). A spaced dash is a clause break, as scan reads it. So are
    a range's words: "3,000" is not printed alone in "maybe 2,000 or 3,000 cases" nor in "between 2,000 and
    3,000", which scan lists as ranges; each end passed, and the record held an exact figure no one stated."""
    if haystack[at - 1:at] == "£":  # the value's own pound sign, left out of its value as printed
        at -= 1
    before, after = haystack[at - 1:at], haystack[end:end + 1]
    return ((same_length_reading(before) == "-" and bool(_RANGE_END_BEFORE.search(haystack[max(0, at - 16):at - 1])))
            or (same_length_reading(after) == "-" and bool(_RANGE_END_AFTER.match(haystack, end + 1)))
            or bool(_RANGE_WORDS_BEFORE.search(haystack, max(0, at - 60), at))
            or (bool(_RANGE_WORDS_AFTER.match(haystack, end)) and haystack[max(0, at - 8):at].endswith("between "))
            or bool((_SHARES_OR_BEFORE if haystack[end - 1:end] == "%" else _AMOUNTS_OR_BEFORE)
                    .search(haystack, max(0, at - 24), at))
            or (bool(_AMOUNTS_OR_AFTER.match(haystack, end)) and haystack[end - 1:end].isdecimal()))


def contains_printed(printed: str, quote: str) -> bool:
    """Whether the quote contains the value as printed, as a whole number: "1,200" is not in "11,200" or "1,2000".

    Matching is after `normalise_for_match`; a digit (or a digit after "," or ".") touching either end of the
    value means the quote prints a different number, so a slipped digit in the quote still fails. So does a digit
    across a slash or a range's dash: "7" is not printed in "24/7", nor "2" in "1/2", nor "1,200" in "1,200–1,500"
    (scan reads no figure there either).
    """
    return next(printings(printed, quote), None) is not None


def printings(printed: str, quote: str) -> Iterator[int]:
    """Where (in the quote as `normalise_for_match` reads it) each printing of the value as printed starts, as
    `contains_printed` finds one: a whole number, with the bound or approximation the value itself prints."""
    needle, haystack = normalise_for_match(printed), normalise_for_match(quote)
    if not needle:
        return
    guard_start, guard_end = needle[0].isdigit(), needle[-1].isdigit()
    at = haystack.find(needle)
    while at >= 0:  # plain string search: no pattern compiled per row (validation reads a million rows)
        end = at + len(needle)
        before, behind = (haystack[at - 1] if at else ""), (haystack[at - 2] if at > 1 else "")
        after, beyond = haystack[end:end + 1], haystack[end + 1:end + 2]
        clear_before = not (guard_start and before and (before.isdecimal() or before in ".,"
                                                         or _joined(before, behind) or is_mark(before)))
        clear_after = not (after and is_mark(after)) and not (
            guard_end and (after.isdecimal() or (after in (".", ",") and beyond.isdecimal()) or _joined(after, beyond)
                           or _LETTER_DIGITS_AFTER.match(haystack, end)))
        if clear_before and clear_after and not _in_a_range(haystack, at, end) \
                and not _in_a_word(needle, haystack, at, end) and not _in_another_form(haystack, at, end) \
                and not _bound_left_out(needle, haystack, at):
            yield at
        at = haystack.find(needle, at + 1)


#: An estimate's or a forecast's wording, which the record transcribes as the estimate it is ("an estimated 462,000"
#: and "estimated to be 63.7 million" as the bare value, its measure saying it is an estimate), and "about", a
#: preposition as often as a qualifier ("asked about 9,000 cases").
_NOT_A_BOUND = frozenset({
    "an estimated", "estimated", "est.", "estimate", "estimates", "estimated at", "estimated to be",
    "estimated to number", "a projected", "projected", "an expected", "a predicted", "a forecast", "an anticipated",
    "perhaps", "possibly", "maybe", "probably", "potentially", "likely", "a possible", "a potential", "a probable",
    "thought to be", "thought to number", "believed to be", "believed to number", "put at", "about",
})
#: The qualifiers a quote prints before a number that the value as printed must print too: every word of the
#: vocabulary but those, longest first.
_BOUNDS = sorted((q for q in QUALIFIERS if q not in _NOT_A_BOUND), key=len, reverse=True)
_BOUND_BEFORE = re.compile(rf"(?<![a-z])({'|'.join(map(re.escape, _BOUNDS))})\s+$")
#: "over" before a span of time is a preposition of time, no bound: "lead the inquiry over three years" ("up to three
#: years" and "under three years" are bounds still).
_OF_TIME = frozenset({"over"})
_SPAN_OF_TIME = re.compile(r"\s+(?:years?|months?|weeks?|days?|decades?|hours?)\b")
#: A bound or approximation printed after the value, as scan lists it (`vocabulary.OPEN_END_WORDS_AFTER`, `OR_BEYOND`,
#: `ABOUT_WORDS_AFTER`), or a bound ending its clause ("1,200 at least."): the quote prints no exact 1,200 there, as
#: it prints none in "1,200+". "two or more suspects" is a definition's threshold (`NOT_A_THRESHOLD`).
#: And as scan lists them too (`vocabulary`): a qualifier after the value that ends its clause ("1,200 at the very
#: least.", "1,200, roughly."), an approximation in brackets ("1,200 (approx.)") and a margin ("1,200 ± 50"); each
#: passed with the value typed 1,200, as did a sign before it (`_SIGN_BEFORE`: "~1,200", ">1,200", "≈ 1,200").
_BOUND_AFTER = re.compile(rf"{OPEN_END_WORDS_AFTER}|{ABOUT_WORDS_AFTER}|,?\s+{AFTER_QUALIFIER}{CLAUSE_END}"
                          rf"|\s?\(\s?(?:{BRACKETED_ABOUT_WORDS})\s?\)|{MARGIN_AFTER}\d")
_SIGN_BEFORE = re.compile(rf"{QUALIFIER_SIGN_BEFORE}$")
#: A value the quote denies or sets aside ("not 1,200 but 1,300", "rather than 1,200"), as scan lists it.
_DENIED_BEFORE = re.compile(rf"\b(?:{DENIED_BEFORE})$")
#: … and after the words the value counts ("1,200 cases at the very least.", "1,200 victims, if not more.", "1,200
#: cases or more were found"), as scan lists them: only "or more" after a number up to ten is a threshold.
_BOUND_AFTER_WORDS = re.compile(rf"{COUNTED_WORDS}(?:,?\s+{AFTER_QUALIFIER}|\s+or\s+(?:so|thereabouts)\b){CLAUSE_ENDS}")
_OPEN_AFTER_WORDS = re.compile(rf"{COUNTED_WORDS}(?:{OR_BEYOND}|{OPEN_END_AFTER}){CLAUSE_ENDS}")
_OR_BEYOND, _NOT_A_THRESHOLD = re.compile(OR_BEYOND), re.compile(NOT_A_THRESHOLD)


def _a_threshold(needle: str, haystack: str, at: int) -> bool:
    """Whether the value found at haystack[at:] is a number up to ten, in digits or words, which before "or more" is a
    definition's threshold ("any case with two or more suspects"), as scan reads it."""
    return not _NOT_A_THRESHOLD.match(haystack, at) or WORD_NUMBERS.get(needle, 11) <= 10
#: A qualifier a value as printed begins with ("more than 1,200"), longest first.
_OWN_QUALIFIER = re.compile(rf"({'|'.join(map(re.escape, sorted(QUALIFIERS, key=len, reverse=True)))})\s+")


def _bound_left_out(needle: str, haystack: str, at: int) -> bool:
    """Whether the quote makes the value found at haystack[at:] a bound or an approximation the value as printed
    does not say: the Mirror's "more than 1,200 cases have already been flagged" transcribed "1,200" passed, and the
    two-1,200s chart was titled "'1,200' national cases and the Met's 1,200 cannot be added", the national chart
    drawing it as exact. "over 1,200", "well over 1,200", "some 1,200", "roughly 1,200" and "1,200 or more" then still
    passed with the same chart, and PA's "approximately 9,000" typed "9,000" put "Cases found: 9,000" in the funnel
    chart. "no more than 1,200" is not "more than 1,200" either."""
    own = _OWN_QUALIFIER.match(needle)
    start, end = at + (own.end() if own else 0), at + len(needle)
    if _DENIED_BEFORE.search(haystack, max(0, at - 24), at):
        return True
    if not own and (_BOUND_AFTER.match(haystack, end) or _SIGN_BEFORE.search(haystack, max(0, at - 3), at)
                    or _BOUND_AFTER_WORDS.match(haystack, end)
                    or ((_OR_BEYOND.match(haystack, end) or _OPEN_AFTER_WORDS.match(haystack, end))
                        and not _a_threshold(needle, haystack, at))):
        return True
    quoted = _BOUND_BEFORE.search(haystack, max(0, start - 48), start)
    if quoted is None or (quoted.group(1) in _OF_TIME and _SPAN_OF_TIME.match(haystack, end)):
        return False
    return QUALIFIERS[quoted.group(1)] != (QUALIFIERS.get(own.group(1)) if own else None)


#: A scale after a value, spaced or close up ("1.2 million", "1,200m"): the quote prints another number.
_SCALE_AFTER = re.compile(rf"(?:[ -]?(?:{SPACED_SCALE_WORDS})|(?:{JOINED_SCALE_WORDS}))(?![a-z])"
                          # or a scale or unit no figure form reads, as scan lists it ("1.2 mln", "1.2 trn", "5 bps",
                          # "1.2 K": the quote is lower-cased here), so a value transcribed without it is not printed
                          rf"|[\s-]?(?:{UNREAD_UNIT_WORDS})(?![\w-])|\s[kmb](?![\w-])"
                          # joined by a hyphen too ("£1.2-million", "a 12-point rise"), or a qualifier joined to the
                          # value ("1,200+", "1,200-plus", "1,200-odd"): "£1.2" and the exact "1,200" were printed
                          # there
                          rf"|{JOINED_QUALIFIER_AFTER}")


def _in_a_word(needle: str, haystack: str, at: int, end: int) -> bool:
    """Whether the value found at haystack[at:end] runs into a word or a scale, so the quote prints another number
    or none: "five" is not printed in "twenty-five", "ten" not in "often", "12" not in "A12" or "12th", "1.2" not in
    "1.2 million" nor "1,200" in "£1,200m" (a transcriber who dropped the scale passed the check meant to catch the
    slip). A hyphen after the value joins no word to it ("a 1,200-strong team")."""
    before, after = haystack[at - 1:at], haystack[end:end + 1]
    return (before.isalpha() or (needle[0].isalpha() and before == "-") or after.isalpha()
            or bool(_SCALE_AFTER.match(haystack, end)))


#: A number in a form the parser does not read, around a value found in a quote (see `_in_another_form`).
_OTHER_FORMS = re.compile(f"{SPACED_DIGIT_GROUPS}|{APOSTROPHE_DIGIT_GROUPS}")
_FRACTION_AFTER, _SHARE_AFTER = re.compile(WHOLE_BEFORE_FRACTION), re.compile(SHARE_SIGN_AFTER)
#: A currency sign just before a value printed without one (read by the parser as money, "£1,200" or "£ 1,200", or
#: listed by scan as a currency no form reads, "€1,200", "₤1.2m").
_POUND_BEFORE = re.compile(f"[£${CURRENCY_SIGNS}] ?$")


def _vulgar(char: str) -> bool:
    """Whether `char` is a fraction of its own ("½", "¾", "⅛"): numeric, yet no digit ("²", a note mark, is one)."""
    return char.isnumeric() and not char.isdigit()


#: Numbers after a heading that prints their unit or scale in brackets (`vocabulary.HEADED_NUMBERS`), on the quote
#: lower-cased.
_HEADED = re.compile(HEADED_NUMBERS)


def _headed_hint(quote: str) -> str:
    """What to say of a quote whose numbers follow a heading printing their unit in brackets (`_HEADED`), or ""."""
    heading = _HEADED.search(normalise_for_match(quote))
    if heading is None:
        return ""
    return (f" as a figure the record can hold: it prints its numbers' unit in a heading ({heading.group().strip()!r}"
            "), so each is a count a thousand times too small, or a share or an amount read as a count (scan lists "
            "them to check by hand); quote the sentence that prints the figure with its unit")


def _in_another_form(haystack: str, at: int, end: int) -> bool:
    """Whether the value found at haystack[at:end] is a digit-only part of a number the quote prints otherwise, as
    scan reads it: digit groups parted by spaces or apostrophes ("200" in "1'200 cases" or "1 200 cases"), the
    whole number of a mixed number ("1" in "1 1/2 years"), or a bare number with a share's sign after it ("56" in
    "56% of cases", "5" in "5‰"), so the record stored a figure the source never printed. A value printed with its own
    sign ("56%") ends in no digit and is not asked about the sign. So is
    the whole number before a fraction's own character ("1,200" in "1,200½") and an amount with a pound sign before
    it ("1,200" in "£1,200 was spent", which scan and the parser read as money: the record held a count), and a
    number after a heading that prints its unit in brackets ("389.3" in DfE's "Number (thousands) | 2020 | 389.3",
    typed with unit "children", passed: the figures table held 389.3 children in need, a thousand times too few)."""
    if _POUND_BEFORE.search(haystack, max(0, at - 2), at) and haystack[at:at + 1].isdecimal():
        return True
    if _HEADED.search(haystack, 0, at):  # "389.3" in "Number (thousands) | 2020 | 389.3", as scan reads it
        return True
    if not haystack[end - 1:end].isdecimal():
        return False
    if _FRACTION_AFTER.match(haystack, end) or _SHARE_AFTER.match(haystack, end) or _vulgar(haystack[end:end + 1]):
        return True
    return any(m.start() <= at and end <= m.end() and (m.start(), m.end()) != (at, end)
               for m in _OTHER_FORMS.finditer(haystack))


#: The columns whose values recur from row to row (a measure, a subject, a place, a date, a unit, a location).
SHARED_COLUMNS = frozenset({"measure", "subject", "geography", "period_start", "period_end", "unit", "location"})


def _shared(column: str, text: str) -> str:
    """One string object for each value of a `SHARED_COLUMNS` column (Python's own table of interned strings), so a
    million rows hold each once. Ids, values, quotes and caveats are mostly unique: interning them would only grow
    that table, which is never emptied (at a million rows, by 120 MB)."""
    return sys.intern(text) if column in SHARED_COLUMNS else text


def _label_read(column: str, text: str) -> str:
    """A cell as the record keeps it: a label (`LABELS`) in the one reading of names (`name_read`), every other cell
    as typed. Charts, notebooks and the series check select rows by a label's exact value, so "England  and Wales"
    (two spaces, as a PDF's text pastes) was another place: the recorded-vs-estimated chart dropped the CSA Centre's
    2019/20 row without a word, and "children’s homes" would have been another unit than "children's homes"."""
    return name_read(text) if column in LABELS else text.strip()


def check_row(row: dict[str, str], source_id: str, name: str, line: int, problems: Problems) -> dict[str, Any] | None:
    """One raw row → a clean figure record (value parsed), or None after recording what is wrong with it."""
    before = len(problems)
    for col in REQUIRED:
        if not row.get(col, "").strip():
            problems.add(name, line, f"empty {col}")
    if len(problems) > before:
        return None
    fid, printed, quote, unit = row["figure_id"], row["value_as_printed"], row["quote"], row["unit"]
    id_problem = figure_id_problem(fid, source_id)
    if id_problem:
        problems.add(name, line, id_problem)
    check_text_fields(row, COLUMNS, name, line, problems, numeric=("value_as_printed",))
    for message in _row_text_problems(row, printed, quote):
        problems.add(name, line, message)
    check_personal_data(row, COLUMNS, name, line, problems)
    negative = negative_problem(printed)
    if negative:
        problems.add(name, line, f"value {negative}")
        return None
    value_text, status = split_status_mark(printed)  # "61,806,682 [r]": the publisher's revised/provisional mark
    try:
        parsed = parse_printed(value_text)
    except PrintedFigureError as err:
        problems.add(name, line, str(err))
        return None
    inexact = exactness_problem(parsed)
    if inexact:
        problems.add(name, line, inexact)
    base = rate_base_from_unit(unit)
    if parsed.unit == "count" and base is not None and not parsed.in_words and parsed.scale == 1:
        # a bare number in a table headed "(per 10,000 children)": the rate it is, with the unit's base
        parsed = dataclasses.replace(parsed, unit="rate", denominator=float(base))
    for message in _unit_problems(parsed, printed, unit, base, row["measure"]) + \
            _counted_problems(parsed, printed, quote, unit, base, row["measure"]):
        problems.add(name, line, message)
    if len(problems) > before:
        return None
    return {
        **{c: _shared(c, _label_read(c, row.get(c, ""))) for c in COLUMNS},
        "source_id": source_id,
        "value": parsed.value,
        "qualifier": parsed.qualifier,
        "denominator": parsed.denominator,
        "printed_decimals": parsed.decimals,
        "status_as_printed": status,
    }


def _row_text_problems(row: dict[str, str], printed: str, quote: str) -> list[str]:
    """The measure's spelling, the period's dates, and the quote: it contains the value and is short."""
    found = []
    if not MEASURE_RE.match(row["measure"]):
        found.append(f"measure {row['measure']!r} must be snake_case (a-z, 0-9, _)")
    for col in LABELS:
        odd = next((ch for ch in row[col] if not LABEL_RE.fullmatch(ch)), None)
        if odd is not None:
            found.append(f"{col} {row[col][:60]!r} holds {odd!r}, which no unit or place name does; write the label "
                         "in words (letters, digits, spaces and , . ' ( ) % £ & / : -)")
    start, end = as_date(row["period_start"]), as_date(row["period_end"])
    found += [f"{col} {row[col]!r} is not a real date (YYYY-MM-DD)"
              for col, day in (("period_start", start), ("period_end", end)) if day is None]
    if start and end and end < start:
        found.append(f"period ends ({end}) before it starts ({start})")
    found += too_early({"period_start": start, "period_end": end})
    if not contains_printed(printed, quote):
        found.append(f'quote does not contain "{printed}"' + _headed_hint(quote))
    elif start and end and (year := _other_year(printed, quote, range(start.year, end.year + 1))):
        found.append(f"period {start} to {end} does not hold {year}, the year the quote gives the value: a figure's "
                     "period is the one its source prints it for")
    elif start and end and (span := span_problem(row)):
        found.append(f"period {start} to {end}: {span} (a change's period runs from the first year compared to the "
                     "last)")
    elif start and end and start != end and _a_stock(printed, quote, row["measure"]):
        found.append(f"period {start} to {end} is a span, but the quote gives the value as counted on a day (\"at 31 "
                     "March\"): a stock's period starts and ends on that day")
    if place := (larger_place_quoted(row["geography"], normalise_for_match(quote))
                 or _other_place_given(printed, quote, row["geography"])):
        found.append(f"geography {row['geography']!r} is not the place the quote prints ({place!r}): a figure's "
                     "place is where the source says it counts")
    if left_out := place_left_out(row["geography"], normalise_for_match(quote)):
        found.append(f"geography {row['geography']!r} is the place the quote leaves out ({left_out!r}): a figure's "
                     "place is where the source says it counts")
    if word_count(quote) > MAX_QUOTE_WORDS:
        found.append(f"quote has {word_count(quote)} words; keep it to {MAX_QUOTE_WORDS} or fewer")
    return found


def _other_place_given(printed: str, quote: str, geography: str) -> str | None:
    """The place the quote gives the value right after it ("1,600 children in London"), when it is another than the
    figure's geography on every printing, else None. MOPAC's "1,600 children in London identified by the MPS" typed
    with geography "England and Wales" (a row above's place) passed: a quote printing only a smaller place is read
    as context (IICSA's case-study areas), and this one printed only London."""
    text, width, given = normalise_for_match(quote), len(normalise_for_match(printed)), None
    for at in printings(printed, quote):
        place = place_given(text, at + width)
        if place is None or place == geography:
            return None
        given = place
    return given


def _a_stock(printed: str, quote: str, measure: str) -> bool:
    """Whether the quote gives every printing of a level as counted on one day (`years.given_at_a_date`). DfE's
    "There were 391,000 children in need at 31 March 2015" typed with the financial year 2014-15 passed: DfE's
    children in need during a year (episodes) are another, larger count than those at its end."""
    if CHANGE_MEASURE.search(measure):
        return False
    text, width, given = normalise_for_match(quote), len(normalise_for_match(printed)), False
    for at in printings(printed, quote):
        if not given_at_a_date(text, at + width):
            return False
        given = True
    return given


#: The year-reading patterns (`years`) as the quote check reads them: on the quote lower-cased.
_YEAR_PATTERNS = tuple(re.compile(p.pattern, re.IGNORECASE) for p in (OWN_YEAR_AFTER, OWN_YEAR_BEFORE, OPENING_YEAR))


def _other_year(printed: str, quote: str, years: range) -> str | None:
    """The year the quote gives the value, when no printing of it falls in the period's `years`, as scan reads a
    figure's year (`years.own_year`), or a table cell's labels name it ("Number | 2021 | 388,490"); else None. The
    Standard's "1,737 referrals which jumped to 2,060 in 2015" typed with the period 2016 (the row below's dates)
    passed, and the Met series chart drew 2,060 referrals for 2016; DfE's 2021 children in need typed 2022 gave the
    table two counts for one year. A year the quote prints as a financial year ("In 2022/23, …") is given whole:
    typed as the calendar year 2022, the CSA Centre's 2,290 plans passed."""
    named = label_years(quote)
    if named and not any(year in years for year in named):
        return str(min(named))
    text = normalise_for_match(quote)
    count = len(set(YEAR.findall(text)))
    if not count:
        return None
    width, given, financial = len(normalise_for_match(printed)), None, financial_years(text)
    for at in printings(printed, quote):
        year = own_year(text, at, at + width, count, patterns=_YEAR_PATTERNS)
        if year is None or (year in years and (year not in financial or year + 1 in years)):
            return None
        given = f"{year}/{(year + 1) % 100:02d}" if year in financial else str(year)
    return given


def _counted_problems(parsed: Printed, printed: str, quote: str, unit: str, base: int | None,
                      measure: str) -> list[str]:
    """What the quote says the value counts, against the row: the kind of thing (`_other_kind_counted`), a
    difference typed as a level (`_difference_for_a_level`) and a rate's base (`_other_base_quoted`)."""
    found = []
    if (population := _other_population_quoted(parsed, printed, quote, unit)) is not None:
        found.append(f"the quote prints {printed!r} as a rate of {population!r} (after its base), but unit {unit!r} "
                     "counts another kind of thing: a rate's unit names the population its quote prints")
    if (quoted := _other_base_quoted(parsed, printed, quote, unit)) is not None:
        found.append(f"the quote prints {printed!r} as a rate per {quoted:,} ('per {quoted:,}' after it), but unit "
                     f"{unit!r} names " + (f"the base {own:,}" if (own := _unit_base(parsed, unit)) else "no base")
                     + ": a rate's unit names the base its quote prints (\"per 1,000 children\")")
    if parsed.unit == "count" and base is None and (counted := _other_kind_counted(printed, quote, unit)):
        found.append(counted)
    if (difference := _difference_for_a_level(parsed, printed, quote, measure)) is not None:
        found.append(f"the quote gives {printed!r} as a difference ({difference!r}), but measure {measure!r} is a "
                     "level: type the change's measure (change_…, …_added), or the level the source prints")
    return found


#: A rate's base printed after a value, with or without the words it counts between ("2.77 per 1,000", "2.77 contact
#: child sexual abuse cases per 1,000 children"), as scan reads it (`vocabulary.RATE_BASE`), on the quote lower-cased.
_BASE_AFTER = re.compile(f"(?:{RATE_BASE_WORDS}|\\s+){RATE_BASE}")


def _other_base_quoted(parsed: Printed, printed: str, quote: str, unit: str) -> int | None:
    """The base the quote prints after every printing of a count or rate, when it is not the row's (`_unit_base`),
    else None. The Casey audit's "2.77 contact child sexual abuse cases per 1,000 children" typed "2.77" with the
    unit "per 10,000 children" (the DfE rows' unit) or "cases" passed: the London rates chart drew 2.77 per 10,000
    children, a rate ten times too small, or left it out as a count, and scan, reading the audit's own sentence as a
    rate per 1,000, said it was not in the record."""
    if parsed.unit not in ("count", "rate") or parsed.in_words:
        return None
    own = _unit_base(parsed, unit)
    text, width, other = normalise_for_match(quote), len(normalise_for_match(printed)), None
    for at in printings(printed, quote):
        base = _base_after(text, at + width)
        if base is None or base[0] == own:
            return None
        other = base[0]
    return other


#: … and in the other words a base is printed in after a value: a share's joiner ("2.77 cases for every 1,000
#: children", "in every 1,000"), a base in brackets ("2.77 cases (per 1,000 children)"), or with a scale or in
#: words ("per 100k", "per thousand", "per ten thousand"), which scan reads as a share or lists as not read: a value
#: typed bare with another base in its unit passed there too.
_BASE_IN_OTHER_WORDS = re.compile(
    rf"(?:{RATE_BASE_WORDS}|\s+)\(?\s*(?:per|(?:in|for|out\s+of)\s+every)\s+"
    rf"(?P<base>(?:(?:a|one|ten|a\s+hundred|one\s+hundred|\d[\d,]*)\s?)?(?:k|thousand|million|m)\b"
    rf"|(?:[1-9]\d{{0,2}}(?:,\d{{3}})+|[1-9]\d*)(?![\d.,]\d))")


def _base_after(text: str, end: int) -> tuple[int, int] | None:
    """The base of a rate printed after the value ending at text[end] (lower-cased), a power of ten, and where it
    ends; or None."""
    m = _BASE_AFTER.match(text, end)
    if m is not None:
        return int(m.group("base").replace(",", "")), m.end()
    m = _BASE_IN_OTHER_WORDS.match(text, end)
    if m is None:
        return None
    words = re.sub(r"^a\b", "one", m.group("base"))
    try:
        value = parse_printed(words if words[0].isdigit() or " " in words else f"one {words}").value
    except PrintedFigureError:
        return None
    return (int(value), m.end()) if value and value >= 10 and math.log10(value).is_integer() else None


def _other_population_quoted(parsed: Printed, printed: str, quote: str, unit: str) -> str | None:
    """The noun the quote prints after a rate's base ("per 1,000 children"), when it counts another kind of thing
    (people, cases, …: `counted.KINDS`) than the unit's after its base, on every printing; else None. The audit's
    rate per 1,000 children typed with unit "per 1,000 offences" or "per 1,000 crimes" (a crime rate's unit) passed,
    and the London rates chart printed "2.77 per 1,000 offences"."""
    own = _unit_base(parsed, unit)
    named = _BASE_IN_UNIT.search(unit.lower())
    theirs = count_kinds(set(counted_class(unit.lower()[named.end():]))) if named else set()
    if parsed.unit not in ("count", "rate") or parsed.in_words or own is None or not theirs:
        return None
    text, width, other = normalise_for_match(quote), len(normalise_for_match(printed)), None
    for at in printings(printed, quote):
        base = _base_after(text, at + width)
        word = _WORD_AFTER.match(text, base[1]) if base is not None and base[0] == own else None
        mine = count_kinds(set(counted_class(word.group(1)))) if word else set()
        if not mine or mine & theirs:
            return None
        other = word.group(1) if word else other
    return other


def _unit_base(parsed: Printed, unit: str) -> int | None:
    """The base of a row's rate: the printed value's own ("per 1,000"), else the one its unit names anywhere ("per
    10,000 children", "child in need assessments per 1,000 children", as the London rates chart reads it), or
    None."""
    if parsed.unit == "rate" and parsed.denominator:
        return int(parsed.denominator)
    named = _BASE_IN_UNIT.search(unit.lower())
    return int(named.group("base").replace(",", "")) if named else None


_BASE_IN_UNIT = re.compile(rf"\b{RATE_BASE}")


#: How much of a quote before a value says it is a difference, as scan reads it.
_TAIL = 40


def _difference_for_a_level(parsed: Printed, printed: str, quote: str, measure: str) -> str | None:
    """The words that make every printing of a count in its quote a difference (`differences.difference_named`,
    as scan reads them), when its measure is a level; else None. The Met's "charged 134 more suspects" typed under
    `cse_suspects_charged` (the Met's count of suspects charged), or "922 more crimes … than in 2014" under the
    crimes of 2016, passed: a rise published as the count."""
    if CHANGE_MEASURE.search(measure):
        return None
    text, width, words = normalise_for_match(quote), len(normalise_for_match(printed)), None
    for at in printings(printed, quote):
        diff = difference_named(text[max(0, at - _TAIL):at], text[at + width:], parsed.unit, parsed.qualifier)
        if diff is None:
            return None
        words = diff.group(0).strip()
    return words


#: The word right after a value in its quote, and the plurals that end in no "s".
_WORD_AFTER = re.compile(r"\s([a-z]+)\b")
_PLURALS = frozenset({"children", "people", "men", "women"})


def _other_kind_counted(printed: str, quote: str, unit: str) -> str | None:
    """Why the unit counts another kind of thing (people, staff, cases, bodies: `counted.KINDS`) than the plural
    noun the quote prints right after the value, or None. The Standard's "1,737 referrals" typed with unit
    "children" (the headline's "nearly 4,000 children", which its caveat says the referrals are not) passed: the Met
    series chart's alt text read "2014 1,737 children, 2015 2,060 referrals" and the fact-check judged the rise
    from 1,737 to 2,060 accurate, a rise from children to referrals. Nouns of one kind are the outlet's wording
    ("244 investigations" of an inspection's cases, "1,273 referrals of cases"); a noun of no known kind, or a
    word that describes the next ("child sexual abuse crimes"), says nothing."""
    theirs = count_kinds(set(counted_class(unit)))
    if not theirs:
        return None
    text, width, other = normalise_for_match(quote), len(normalise_for_match(printed)), None
    for at in printings(printed, quote):
        word = _WORD_AFTER.match(text, at + width)
        if word is None or not (word.group(1).endswith("s") or word.group(1) in _PLURALS):
            continue
        mine = count_kinds(set(counted_class(word.group(1))))
        if mine & theirs:
            return None
        other = other or (word.group(1) if mine else None)
    if other is None:
        return None
    return (f"unit {unit!r} counts {'/'.join(sorted(theirs))}, but the quote counts {other!r} "
            f"({'/'.join(sorted(count_kinds(set(counted_class(other)))))}) after the value: a figure's unit is the "
            "thing its source counts")


def _unit_problems(parsed: Printed, printed: str, unit: str, base: int | None, measure: str) -> list[str]:
    """The unit column agrees with what the printed value is (a share, a rate per its base, a count), and a unit
    reserved for a kind of value is spelled one way."""
    reserved = _UNIT_SPELLINGS.get(" ".join(unit.split()).casefold())
    if reserved is not None and unit != reserved:
        return [f"unit {unit!r} is another spelling of '{reserved}'; write '{reserved}' (one spelling per unit)"]
    found = []
    expected_unit = _UNIT_FOR_KIND.get(parsed.unit)
    if expected_unit and unit != expected_unit:
        found.append(f"value {printed!r} is in {parsed.unit}, so unit must be '{expected_unit}', not {unit!r}")
    elif parsed.unit == "rate" and base is not None and parsed.denominator != base:
        found.append(f"value {printed!r} is per {parsed.denominator:,.0f}, but unit is {unit!r}")
    elif parsed.unit == "rate" and not unit.startswith("per "):
        found.append(f"value {printed!r} is a rate, so unit must start with 'per ', not {unit!r}")
    elif parsed.unit == "count" and (unit in _UNIT_FOR_KIND.values() or unit.startswith("per ")):
        found.append(f"value {printed!r} is a count, but unit is {unit!r}")
    is_share = unit == "percent" and not measure.startswith("change_")
    if parsed.value is not None and is_share and parsed.value > 100:
        found.append(f"a share above 100 per cent ({printed!r}) for measure {measure!r}")
    if _more_than_one_each(parsed, unit):
        found.append(f"a rate of {printed!r} {unit} is more than one for each of them: is {printed!r} the count (a "
                     "table's Number row) typed with the rate's unit?")
    return found


def _more_than_one_each(parsed: Printed, unit: str) -> bool:
    """Whether a rate per N people ("per 10,000 children") is above N. DfE's "Number | 2020 | 389,260" typed with
    the Rate row's unit "per 10,000 children" passed validate as a rate of 389,260 children in need for every
    10,000 children (the real rate is 330.1), published in the figures table, the workbook and Datasette. A rate per
    N of something else (offences per 1,000 crimes, a ratio) may be above N."""
    return (parsed.unit == "rate" and parsed.value is not None and bool(parsed.denominator)
            and parsed.value > float(parsed.denominator or 0) and "people" in count_kinds(set(counted_class(unit))))


def _lines(text: str) -> Iterator[str]:
    """The lines of a text, each with its newline, one at a time (a million-row file is not copied again)."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        stop = end if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def load_figures_file(path: Path, known_sources: set[str], paths: Paths, problems: Problems,
                      name: str | None = None) -> list[dict[str, Any]]:
    """Read one figures CSV; every problem is recorded as `file:line: message` and bad rows are dropped. `name` is
    the file as messages show it, when the caller has it already (`paths.rel` resolves links, a syscall per part)."""
    name = name or paths.rel(path)
    source_id = path.stem
    if known_sources and source_id not in known_sources:  # none known: said once, by load_all_figures
        problems.add(name, None, f"unknown source id '{source_id}': add it to data/raw/sources.yaml")
    text = read_raw_text(path, name, paths.root, problems)
    if text is None:
        return []
    if not text.strip():
        problems.add(name, None, "file is empty (it needs at least the header row)")
        return []
    # strict: a quoted field left open (a file cut off mid-field) is an error, not a field that eats the rest.
    reader = csv.reader(_lines(text), strict=True)
    records: list[dict[str, Any]] = []
    line, data_rows, header = 1, 0, None  # rows, not physical lines: a quoted cell may hold a line break
    try:
        header = [h.strip() for h in next(reader)]
        if not _check_header(header, name, problems):
            return []
        for line, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            data_rows += 1
            if len(values) != len(header):
                problems.add(name, line, f"has {len(values)} fields, the header has {len(header)} (an unquoted "
                                         "comma?)")
                continue
            record = check_row(dict(zip(header, values, strict=True)), source_id, name, line, problems)
            if record is not None:
                record["_line"] = line
                records.append(record)
    except csv.Error as err:
        problems.add(name, 1 if header is None else line + 1, _unreadable_problem(err, header, text))
        return []
    if not data_rows:
        problems.add(name, None, "has a header row but no figures: a source that prints no figures needs no "
                                 "figures file (delete it), otherwise add its figures")
    return records


#: The separators a spreadsheet writes in place of the comma: a semicolon where the language set writes decimal
#: commas (Excel and LibreOffice in most of Europe, Numbers too), a tab for "Text (Tab delimited)".
_OTHER_SEPARATORS = {";": "semicolons", "\t": "tabs"}


def _header_shape_problem(header: list[str]) -> str | None:
    """The cause, in words, of a header a spreadsheet wrote in another shape: its columns parted by semicolons or tabs
    (read as one column named "figure_id;measure;…"), or empty columns after the last one ("caveat,,"). Each was
    refused as missing every column or as the unknown column ", ", which names no cause."""
    if len(header) == 1:
        for separator, called in _OTHER_SEPARATORS.items():
            if set(COLUMNS) <= set(header[0].split(separator)):
                return (f"parts its columns with {called}, not commas (a spreadsheet set to another language or format "
                        "saves its CSV so): save it as CSV with commas")
    blank = [c for c in header if not c.strip()]
    if blank and set(COLUMNS) <= set(header):
        return (f"has {len(blank)} column(s) with no name (empty columns a spreadsheet saved with the file?): "
                "delete them, in the header and every row")
    return None


def _unreadable_problem(err: csv.Error, header: list[str] | None, text: str) -> str:
    """Why a figures file stopped being a readable CSV. Every cell quoted and parted by semicolons (LibreOffice's
    "Quote all text cells") fails before its header is read, and is named as `_header_shape_problem` names it."""
    shape = None if header else _header_shape_problem([text.split("\n", 1)[0].replace('"', "")])
    if shape is not None:
        return shape
    if "field larger than field limit" in str(err):
        return (f"a field is over the csv module's limit, far longer than the {MAX_FIELD_CHARS:,} characters a field "
                "may hold (see data/README.md)")
    return (f"is not a readable CSV from this row on ({err}): a quoted field left open (a file cut off?) or a stray "
            "quote character")


def _check_header(header: list[str], name: str, problems: Problems) -> bool:
    shape = _header_shape_problem(header)
    if shape is not None:
        problems.add(name, 1, shape)
        return False
    missing = [c for c in COLUMNS if c not in header]
    extra = [c for c in header if c not in COLUMNS]
    doubled = sorted({c for c in header if header.count(c) > 1})
    if missing:
        problems.add(name, 1, f"missing column(s): {', '.join(missing)}")
    if extra:
        problems.add(name, 1, f"unknown column(s): {', '.join(extra)} (allowed: {', '.join(COLUMNS)})")
    if doubled:
        problems.add(name, 1, f"column(s) given more than once: {', '.join(doubled)}")
    return not (missing or extra or doubled)


def load_all_figures(paths: Paths, known_sources: set[str], problems: Problems) -> list[dict[str, Any]]:
    """Every figures file, in name order; duplicate figure ids across files are problems too."""
    records: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}  # figure id → its first record (no string made per row: a million rows)
    names: dict[str, str] = {}
    files = figures_files(paths, problems)
    if files and not known_sources:
        problems.add(paths.rel(paths.sources_yaml), None, f"no usable source entries, so none of the {len(files)} "
                     "figures files can be checked against it (fix this file first)")
    for path in files:
        name = names[path.stem] = paths.rel(path)
        for record in load_figures_file(path, known_sources, paths, problems, name):
            first = seen.setdefault(record["figure_id"], record)
            if first is not record:
                problems.add(name, record["_line"], f"duplicate figure id {record['figure_id']!r} (first at "
                                                    f"{names[first['source_id']]}:{first['_line']})")
                continue
            records.append(record)
    _check_parts_of_examined(records, names, problems)
    _check_one_figure_per_printing(records, names, problems)
    _check_label_spellings(records, names, problems)
    return records


def _check_one_figure_per_printing(records: list[dict[str, Any]], names: dict[str, str], problems: Problems) -> None:
    """A number printed once in a quote is one figure of its document: two rows reading the same printing are one
    row too many. PA's "A review of 374 cases found 278, or three quarters" with the inadequate-or-improvement count
    typed 374 (the other end of "278 of 374", as the cases examined read it) passed: the inspection's share was
    374 of 374, and the fact-check judged the real claim "three quarters" inaccurate; the Met's 2,200 cases
    reviewed further typed 9,000 made the funnel chart say every case found was reviewed. A value a quote prints
    twice may be two figures ("36 … another 36"). Only rows of one document with one quote are compared."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for record in records:
        if record["value"] is not None:  # a marker ("[c]") is no number printed
            key = (record["source_id"], normalise_for_match(record["quote"]),
                   normalise_for_match(record["value_as_printed"]))
            groups.setdefault(key, []).append(record)
    for (_, quote, printed), group in groups.items():
        if len(group) < 2:
            continue
        times = sum(1 for _ in printings(printed, quote))
        first = group[0]
        for record in group[max(times, 1):]:
            problems.add(names[record["source_id"]], record["_line"],
                         f"{record['figure_id']!r} reads the {printed!r} its quote prints once, as "
                         f"{first['figure_id']!r} (row {first['_line']}) does: one number printed is one figure "
                         "(is this one the quote's other number, the other end of an \"X of Y\"?)")


def _check_label_spellings(records: list[dict[str, Any]], names: dict[str, str], problems: Problems) -> None:
    """Each place and unit is written one way in the record (`name_key`: letter case aside): the way most rows write
    it, the first of equals; and that place is one of the record's (`places.place_problem`: "E&W" and "UK" are no
    spelling of another row's place, and dropped rows from charts as well). Charts and the series check select rows
    by a label's exact value, so a row typed "England and wales" was another place: the recorded-vs-estimated chart
    dropped the CSA Centre's row without a word. A measure, a unit and a place are also one whatever the plural of a
    word (`_spelling_key`). Each distinct spelling is read once (a million rows hold a few hundred)."""
    for column in _SPELLED_ONE_WAY:
        counts = Counter(record[column] for record in records)
        by_key: dict[str, list[str]] = {}
        for spelling in counts:  # in the order rows first write them
            by_key.setdefault(_spelling_key(spelling), []).append(spelling)
        usual = {spelling: max(group, key=counts.__getitem__) for group in by_key.values() if len(group) > 1
                 for spelling in group}
        for record in records:
            written = usual.get(record[column], record[column])
            if written != record[column]:
                problems.add(names[record["source_id"]], record["_line"],
                             f"{column} {record[column]!r} is written {written!r} in {counts[written]} other "
                             f"row(s): one {_LABEL_NOUN[column]}, one spelling (write {written!r})")
            elif column == "geography" and (unknown := place_problem(written)):
                problems.add(names[record["source_id"]], record["_line"], unknown)


_LABEL_NOUN = {"geography": "place", "unit": "unit", "measure": "measure"}
#: The columns a chart, a series or a table selects rows by, so each value is written one way.
_SPELLED_ONE_WAY = ("measure", *LABELS)
#: A word's plural "s" (after three letters or more, so "gas" and "its" keep theirs).
_PLURAL_S = re.compile(r"(?<=[a-z]{3})s(?=$|[\s_])")


def _spelling_key(spelling: str) -> str:
    """Two spellings of one measure, unit or place read alike: `name_key`, and a word's plural "s" left out. The
    NPCC's own 2022 count typed with measure "csae_offence_recorded" (one "s" short) passed as a measure of its own,
    and the national offences chart, which selects "csae_offences_recorded", showed a news copy's printing in its
    place and credited that outlet; a unit "crime" put "618 crime" in the Met series chart's alt text."""
    return _PLURAL_S.sub("", name_key(spelling))


#: The measure of the cases an inspection examined; every other `cases_…` count of the same document (graded,
#: referred back, compared with the force's audit) is a part of them.
CASES_EXAMINED = "cases_examined"


def _check_parts_of_examined(records: list[dict[str, Any]], names: dict[str, str], problems: Problems) -> None:
    """Each `cases_…` count is at most its document's cases examined. Validate passed 278 cases graded out of 37
    examined (a mistyped 374), and `make` then failed in a notebook with "verify share: --part 278 is larger than
    --whole 37", naming neither file nor row."""
    examined = {r["source_id"]: r for r in records if r["measure"] == CASES_EXAMINED}
    for record in records:
        whole = examined.get(record["source_id"])
        if whole is None or record is whole or not record["measure"].startswith("cases_") \
                or record["unit"] != whole["unit"] or record["value"] is None or whole["value"] is None \
                or record["value"] <= whole["value"]:  # a suppressed count ("[c]") has no value to compare
            continue
        problems.add(names[record["source_id"]], record["_line"],
                     f"{record['measure']} {record['value_as_printed']} is more than the {whole['value_as_printed']} "
                     f"cases examined (row {whole['_line']}), of which it is a part: is one of the two mistyped?")
