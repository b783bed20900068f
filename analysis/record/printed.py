"""Read figures the way they are printed in reports and news copy.

A fact-checker needs to know not only the number but how sure the writer was of it: "more than 1,200" is a
lower bound, "almost three-quarters" an approximation from below. So every reader here returns the number *and*
its qualifier, its unit and how many decimals were printed (the precision a claim is judged at).

Pure functions, standard library only: the `verify` command imports this and must start fast.
Anything this module cannot read raises `PrintedFigureError`; it never guesses, and it never turns a
"figure unavailable" marker into 0.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from analysis.record.hygiene import digits_problem, normal_text, plain_letters, same_length_reading
from analysis.record.vocabulary import (
    FRACTIONS,
    JOINED_SCALE_WORDS,
    MIRRORED,
    MULTIPLES,
    PER_CENT,
    PER_CENT_SPACED,
    PERCENTAGE_POINTS,
    QUALIFIERS,
    SCALE_WORDS,
    SCALES,
    SHARE_JOINER,
    SPACED_SCALE_WORDS,
    UNAVAILABLE,
    WORD_NUMBERS,
)
from analysis.record.word_pattern import ignorecase_key

__all__ = ["Printed", "PrintedFigureError", "parse_printed", "MARKERS", "QUALIFIERS", "number_text", "EXACT_DIGITS",
           "exactness_problem", "STATUS_MARKS", "split_status_mark", "is_plain_number",
           "base_scale_problem", "negative_problem"]


class PrintedFigureError(ValueError):
    """A printed figure this module cannot read with certainty."""


#: Government statistical-spreadsheet markers for values that are not available (GSS guidance).
MARKERS: dict[str, str] = {
    "[c]": "confidential (suppressed)",
    "[x]": "not available",
    "[z]": "not applicable",
    "[low]": "rounds to zero but is not zero",
    "..": "not available",
    "*": "suppressed",
    "-": "not available",
    "–": "not available",
}

# A number as digits: either 1-3 digits then ,ddd groups, or plain digits; optional decimals. Nothing else, and no
# leading zero ("01,200" or "012" is a transcription slip, not a figure a publisher prints).
_DIGITS = r"(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"^{_DIGITS}$")


def is_plain_number(text: str) -> bool:
    """Whether `text` (ends stripped) is a number in digits only, as a field that holds nothing but a number takes it
    (a rate's base, a rounding step): digits 0-9, thousands commas in threes, a decimal point. One rule for the
    registry's `per:` and `verify --per`: verify read its base as any printed figure, so `--per "more than 1,000"`,
    `"about 1,000"` or `"1,000 out of 2,000"` was the exact base 1,000."""
    return _NUMBER_RE.fullmatch(text.strip()) is not None
#: A sign before the digits, read as every dash reads (`same_length_reading`).
_NEGATIVE = re.compile(r"\s*-\s*\d")


def negative_problem(text: str) -> str | None:
    """Why a value printed with a minus sign is refused, or None: one message wherever it is read (data/raw, the
    registry, `verify`). data/raw said "is negative" for "-56" and "−56" only, and "not a number as printed" for
    "–56" (an en dash, as a word processor types a minus), "－56" or "˗56", as `verify` did for every one of them:
    three readings of one value."""
    if _NEGATIVE.match(same_length_reading(text)):
        return f"{text!r} is negative; a count cannot be negative (print a fall as a fall)"
    return None


_COMPOUND = re.compile(
    r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)"
)


@dataclass(frozen=True)
class Printed:
    """One printed figure, read.

    `value` is None only for an unavailable-value marker. `decimals` is the number of decimals printed
    (None for words such as "half", which carry no printed precision); `scale` is the multiplier printed after
    the number ("million" → 1e6), so one unit of the last printed digit is ``10**-decimals * scale``.
    `denominator` holds M of "N out of M" and the base of a rate ("per 1,000" → 1000).
    """

    text: str
    value: float | None
    qualifier: str
    unit: str
    decimals: int | None
    scale: float = 1.0
    denominator: float | None = None
    marker: str | None = None
    in_words: bool = False

    @property
    def step(self) -> float | None:
        """One unit of the last printed digit, in the figure's own unit (None where no precision was printed)."""
        if self.decimals is None:
            return None
        return 10.0 ** -self.decimals * self.scale


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = text.replace("\u2011", "-").replace("\u2010", "-")
    return _SPACES.sub(" ", text.strip())


def _read_number(token: str, original: str) -> tuple[float, int]:
    """Digits or a number word → (value, decimals printed)."""
    low = token.lower()
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low]), 0
    m = _COMPOUND.fullmatch(low)
    if m:
        return float(WORD_NUMBERS[m.group(1)] + WORD_NUMBERS[m.group(2)]), 0
    if not _NUMBER_RE.match(token):
        raise PrintedFigureError(f"cannot read {original!r} as a figure: {token!r} is not a number as printed")
    decimals = len(token.split(".")[1]) if "." in token else 0
    return float(token.replace(",", "")), decimals


#: Qualifier phrases, longest first, and the forms below, compiled once (a scan reads thousands of figures a page).
_QUALIFIER_ORDER = sorted(QUALIFIERS, key=len, reverse=True)
_TIMES = re.compile(r"(\S+) times")
#: "one in five", and "one-in-five" as the press hyphenates it (read as "one" alone, a count of 1, by scan).
#: "one in five", "1 in 4", "12 in every 100" and "three out of every four": a share, however worded ("278 out of 374",
#: without "every", is a part of a whole, below), and with what it counts between ("one child in five").
_IN_EVERY = re.compile(rf"(\S+?)(?: [a-z]+)?[ -]{SHARE_JOINER}(\S+)", re.IGNORECASE)
_OUT_OF = re.compile(r"(\S+) out of (\S+)", re.IGNORECASE)
#: A number and its per-cent sign, with a space or a hyphen between or close up ("56 per cent", "a 56-per-cent rise").
_PERCENT = re.compile(rf"(\S+?)(?:[ -]?({PER_CENT_SPACED}|{PERCENTAGE_POINTS})|-?(pc))", re.IGNORECASE)
_PER_CENT_ONLY = re.compile(PER_CENT, re.IGNORECASE)
_RATE = re.compile(r"(\S+)(?: [a-z][a-z -]*?)? per (\S+)( [a-z][a-z0-9 -]*)?", re.IGNORECASE)
#: A scale word after a rate's base: "per 1 million" (or "per one thousand", "per 10 thousand children").
_SCALE_AFTER_BASE = re.compile(rf" ?(?:{SCALE_WORDS})\b", re.IGNORECASE)


def base_scale_problem(after_base: str) -> str | None:
    """Why the words after a rate's base make the base another number, or None. "3 per 1 million" was a rate per 1
    (the scale read as what is counted), in a printed value and in a unit "per 1 million people" alike; a base is read
    in digits only, so the message says to write it so."""
    if _SCALE_AFTER_BASE.match(after_base):
        return "a rate's base is followed by a scale word; write the base in digits (per 1,000,000)"
    return None
_MONEY = re.compile(r"£ ?([\d.,]+) ?([a-z]+)?", re.IGNORECASE)
#: A scale word after digits with no space is read as money's is ("8.5million adults", as "£15.6million"): a
#: count printed so was refused, and scan left it unread without a word.
_SCALED = re.compile(rf"(.+?) ({SPACED_SCALE_WORDS})|(\d[\d.,]*)({JOINED_SCALE_WORDS})", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


_QUALIFIER_START = re.compile("|".join(re.escape(p) for p in _QUALIFIER_ORDER))


def _split_qualifier(text: str) -> tuple[str, str]:
    low = text.lower()
    if not _QUALIFIER_START.match(low):  # most figures have none: skip the phrase-by-phrase look
        return "exact", text
    for phrase in _QUALIFIER_ORDER:
        if low.startswith(phrase + " ") or (phrase.endswith(".") and low.startswith(phrase)):
            rest = text[len(phrase):].strip()
            if rest:
                return QUALIFIERS[phrase], rest
    return "exact", text


def parse_printed(text: str) -> Printed:
    """Read one printed figure: "more than 1,200", "56 per cent", "£15.6million", "278 out of 374", "[c]".

    Raises PrintedFigureError naming the text when it is not one of the forms listed in data/README.md.
    """
    if not isinstance(text, str) or not text.strip():
        raise PrintedFigureError("cannot read an empty value as a figure")
    return _parse(text)


@functools.lru_cache(maxsize=4096)
def _parse(original: str) -> Printed:
    """`parse_printed` of a non-empty text, read once per distinct text: a scanned page prints "12", "two" or
    "56 per cent" many times, and a Printed is immutable (a refused text raises again each time).

    A publisher's status mark after the value ("61,806,682 [r]") is read past here, for every reader of a printed
    value: data/raw took such a figure as 61,806,682 (revised), but the registry, the tables (copies, revisions,
    kinds of number), the charts and the workbook read the same `value_as_printed` with this function, which
    refused it, so a claim resting on it could not be registered."""
    problem = digits_problem(original) or negative_problem(original)
    if problem:
        raise PrintedFigureError(f"cannot read {original!r} as a figure: {problem}")
    text, _ = split_status_mark(original)
    body = _normalise(plain_letters(normal_text(text)))  # "1.2 míllion", "1.2 mıllion": a million
    if body in MARKERS or body.lower() in MARKERS:
        return Printed(original, None, UNAVAILABLE, "marker", decimals=None, marker=body)

    qualifier, body = _split_qualifier(body)
    return (_in_words(body, qualifier, original) or _with_unit(body, qualifier, original)
            or _count(body, qualifier, original))


def _in_words(body: str, qualifier: str, original: str) -> Printed | None:
    """Multiples and shares in words ("twice", "three times", "a third", "one in five"), or None."""
    low = body.lower()

    # Multiples in words: "twice", "more than doubled", "three times".
    if low in MULTIPLES:
        q = "about" if qualifier == "exact" else qualifier
        if MULTIPLES[low] < 1:  # "more than halved" is a ratio below 0.5: the bound is on the fall
            q = MIRRORED.get(q, q)
        return Printed(original, MULTIPLES[low], q, "times", decimals=None, in_words=True)
    m = _TIMES.fullmatch(low)
    if m:
        value, decimals = _read_number(m.group(1), original)
        in_words = m.group(1).isalpha()
        q = "about" if qualifier == "exact" and in_words else qualifier
        return Printed(original, value, q, "times", decimals=None if in_words else decimals, in_words=in_words)

    # Fractions in words: "almost three-quarters", "a third".
    if low in FRACTIONS:
        q = "about" if qualifier == "exact" else qualifier
        return Printed(original, FRACTIONS[low], q, "percent", decimals=None, in_words=True)

    # "one in five", "1 in 4", "12 in every 100", "one-in-five".
    m = _IN_EVERY.fullmatch(body)
    if m:
        num, _ = _read_number(m.group(1), original)
        den, _ = _read_number(m.group(2), original)
        if den == 0 or num > den:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: '{m.group(0)}' is not a share")
        q = "about" if qualifier == "exact" else qualifier
        return Printed(original, 100 * num / den, q, "percent", decimals=None, denominator=den, in_words=True)
    return None


def _with_unit(body: str, qualifier: str, original: str) -> Printed | None:
    """A part of a whole, a percentage or points, a rate, or money, or None."""
    # "278 out of 374".
    m = _OUT_OF.fullmatch(body)
    if m:
        num, decimals = _read_number(m.group(1), original)
        den, _ = _read_number(m.group(2), original)
        if den == 0 or num > den:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: the part is larger than the whole")
        return Printed(original, num, qualifier, "count", decimals=decimals, denominator=den)

    # Percentages and percentage points: "56 per cent", "49%", "3 percentage points".
    m = _PERCENT.fullmatch(body)
    if m:
        value, decimals = _read_number(m.group(1), original)
        unit = "percent" if _PER_CENT_ONLY.fullmatch(m.group(2) or m.group(3)) else "percentage points"
        return Printed(original, value, qualifier, unit, decimals=decimals)

    # Rates: "2.77 per 1,000 children", "5 per 100,000", "2.77 contact child sexual abuse cases per 1,000 children",
    # "2.77 per 10,000 children aged under 18" (the population after the base may name ages in digits).
    m = _RATE.fullmatch(body)
    if m:
        value, decimals = _read_number(m.group(1), original)
        base, _ = _read_number(m.group(2), original)
        problem = base_scale_problem(m.group(3) or "")
        if problem:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: {problem}")
        if base <= 0:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: a rate needs a positive base")
        return Printed(original, value, qualifier, "rate", decimals=decimals, denominator=base)

    # Money: "£15.6million", "£2.4m", "£1.2 bn", "£500,000".
    m = _MONEY.fullmatch(body)
    if m:
        value, decimals = _read_number(m.group(1), original)
        scale = 1.0
        if m.group(2):
            if ignorecase_key(m.group(2)) not in SCALES:
                raise PrintedFigureError(f"cannot read {original!r} as a figure: unknown scale {m.group(2)!r}")
            scale = SCALES[ignorecase_key(m.group(2))]
        return Printed(original, value * scale, qualifier, "GBP", decimals=decimals, scale=scale)
    return None


def _count(body: str, qualifier: str, original: str) -> Printed:
    """A plain count, in digits or words, optionally scaled (raises PrintedFigureError when it is none)."""
    # Plain counts, digits or words, optionally scaled: "1,273", "six", "107,000", "1.2 million".
    # Newsroom short scales on digits, no space: "33k", "3m", "1.2bn".
    m = _SCALED.fullmatch(body)
    if m:
        number, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        value, decimals = _read_number(number, original)
        scale = SCALES[ignorecase_key(word)]
        return Printed(original, value * scale, qualifier, "count", decimals=decimals, scale=scale)
    if _STOP_BEFORE_THREE.fullmatch(body):
        raise PrintedFigureError(f"{original!r} may mean {body.replace('.', ',')} (a full stop for thousands): a "
                                 "count needs commas")
    value, decimals = _read_number(body, original)
    return Printed(original, value, qualifier, "count", decimals=decimals, in_words=not body[0].isdigit())


#: A count printed as "1.200": one to three digits (not starting with 0), a full stop and exactly three more. Read
#: as 1.2 by scan, `verify` and the record alike, where a continental style means 1,200 ("1.273" against 1,273 was
#: "inaccurate"). With a scale word ("8.825 million"), a unit or a sign it is a decimal.
_STOP_BEFORE_THREE = re.compile(r"[1-9]\d{0,2}\.\d{3}")


#: The most significant digits a float holds exactly: a figure printed with more is refused by validation.
EXACT_DIGITS = 15


def number_text(number: float) -> str:
    """A number as the tables and chart CSVs write it: an integer as its digits; a value printed with digits as the
    shortest text that reads back as it ("£123,456,789.12" is 123456789.12), which has at most `EXACT_DIGITS`
    significant digits; any longer one (a fraction read from words, two thirds as 66.666666666666671) to 10.
    Ten digits for every value wrote the printed £123,456,789.12 as 123456789.1 in data/processed, the database and
    the workbook."""
    number = float(number)  # numpy's float64 reprs as "np.float64(13.11)"
    if number.is_integer():
        return str(int(number))
    shortest = repr(number)
    mantissa = shortest.split("e")[0].replace("-", "").replace(".", "").strip("0")
    return shortest if len(mantissa) <= EXACT_DIGITS and "e" not in shortest else format(number, ".10g")


def exactness_problem(printed: Printed) -> str | None:
    """Why a figure printed in digits would not be written to the tables as printed (`number_text` of its value is
    none of its digit runs times its scale), or None. "9,007,199,254,740,993" was stored as 9007199254740992 (a float
    holds `EXACT_DIGITS` digits), and the tables, database and workbook printed that. (A share printed as "1 in
    3" is computed from its two numbers, not printed: it is read as in words, so it is not asked.)"""
    if printed.value is None or printed.in_words:
        return None
    runs = _DIGIT_RUN.findall(normal_text(printed.text))
    written = number_text(printed.value)
    scale = Decimal(repr(printed.scale))
    if not runs or any(Decimal(run.replace(",", "")) * scale == Decimal(written) for run in runs):
        return None  # none printed in digits ("nine thousand"), or written as printed
    return (f"{printed.text!r} has more significant digits than the tables hold exactly ({EXACT_DIGITS}): it would "
            f"be written {written}")


_DIGIT_RUN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


#: The publisher's marks after a value in a statistical table (GSS guidance): "61,806,682 [r]" is revised.
STATUS_MARKS = {"[p]": "provisional", "[r]": "revised"}
_MARK_RE = re.compile(r"\s*(\[[pPrR]\])\s*$")


def split_status_mark(printed: str) -> tuple[str, str]:
    """"61,806,682 [r]" → ("61,806,682", "revised"); a value without a mark → (value, ""). One reading for data/raw
    and `verify`: a value pasted from such a table was read by the record and refused by verify."""
    m = _MARK_RE.search(printed or "")
    if not m or not printed[:m.start()].strip():
        return printed, ""
    return printed[:m.start()], STATUS_MARKS[m.group(1).lower()]
