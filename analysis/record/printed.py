"""Read figures the way they are printed in reports and news copy.

A fact-checker needs to know not only the number but how sure the writer was of it: "more than 1,200" is a
lower bound, "almost three-quarters" an approximation from below. So every reader here returns the number *and*
its qualifier, its unit and how many decimals were printed (the precision a claim is judged at).

Pure functions, standard library only: the `verify` command imports this and must start fast.
Anything this module cannot read raises `PrintedFigureError`; it never guesses, and it never turns a
"figure unavailable" marker into 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.record.hygiene import digits_problem, normal_text

__all__ = ["Printed", "PrintedFigureError", "parse_printed", "MARKERS", "QUALIFIERS"]


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

#: Printed qualifier words → the canonical qualifier the fact-check rules use. Longest phrases first when matching.
QUALIFIERS: dict[str, str] = {
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "under": "fewer than",
    "below": "fewer than",
    "up to": "at most",
    "at most": "at most",
    "no more than": "at most",
    "almost": "almost",
    "nearly": "almost",
    "just under": "almost",
    "close to": "almost",
    "just over": "just over",
    "just above": "just over",
    "slightly more than": "just over",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "c.": "about",
    "circa": "about",
}

_WORD_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
}

#: Fractions in words, as per cent. Judged as approximate ("about") unless a qualifier is printed with them.
_FRACTIONS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two-fifths": 40.0, "two fifths": 40.0,
    "three-fifths": 60.0, "three fifths": 60.0, "four-fifths": 80.0, "four fifths": 80.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}

#: Multiples in words ("doubled", "three times"), as a ratio. Approximate like fractions.
_MULTIPLES: dict[str, float] = {
    "twice": 2.0, "doubled": 2.0, "double": 2.0, "tripled": 3.0, "trebled": 3.0, "treble": 3.0, "triple": 3.0,
    "quadrupled": 4.0, "halved": 0.5,
}

_SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
}

# A number as digits: either 1-3 digits then ,ddd groups, or plain digits; optional decimals. Nothing else, and no
# leading zero ("01,200" or "012" is a transcription slip, not a figure a publisher prints).
_DIGITS = r"(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"^{_DIGITS}$")
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
    decimals: int | None = 0
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
    return re.sub(r"\s+", " ", text.strip())


def _read_number(token: str, original: str) -> tuple[float, int]:
    """Digits or a number word → (value, decimals printed)."""
    low = token.lower()
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low]), 0
    m = re.fullmatch(_COMPOUND, low)
    if m:
        return float(_WORD_NUMBERS[m.group(1)] + _WORD_NUMBERS[m.group(2)]), 0
    if not _NUMBER_RE.match(token):
        raise PrintedFigureError(f"cannot read {original!r} as a figure: {token!r} is not a number as printed")
    decimals = len(token.split(".")[1]) if "." in token else 0
    return float(token.replace(",", "")), decimals


def _split_qualifier(text: str) -> tuple[str, str]:
    low = text.lower()
    for phrase in sorted(QUALIFIERS, key=len, reverse=True):
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
    original = text
    problem = digits_problem(text)
    if problem:
        raise PrintedFigureError(f"cannot read {original!r} as a figure: {problem}")
    body = _normalise(normal_text(text))
    if body in MARKERS or body.lower() in MARKERS:
        return Printed(original, None, "unavailable", "marker", decimals=None, marker=body)

    qualifier, body = _split_qualifier(body)
    low = body.lower()

    # Multiples in words: "twice", "more than doubled", "three times".
    if low in _MULTIPLES:
        q = "about" if qualifier == "exact" else qualifier
        return Printed(original, _MULTIPLES[low], q, "times", decimals=None, in_words=True)
    m = re.fullmatch(r"(\S+) times", low)
    if m:
        value, decimals = _read_number(m.group(1), original)
        in_words = m.group(1).isalpha()
        q = "about" if qualifier == "exact" and in_words else qualifier
        return Printed(original, value, q, "times", decimals=None if in_words else decimals, in_words=in_words)

    # Fractions in words: "almost three-quarters", "a third".
    if low in _FRACTIONS:
        q = "about" if qualifier == "exact" else qualifier
        return Printed(original, _FRACTIONS[low], q, "percent", decimals=None, in_words=True)

    # "one in five", "1 in 4", "12 in every 100".
    m = re.fullmatch(r"(\S+) in (?:every )?(\S+)", body, re.IGNORECASE)
    if m:
        num, _ = _read_number(m.group(1), original)
        den, _ = _read_number(m.group(2), original)
        if den == 0 or num > den:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: '{m.group(0)}' is not a share")
        q = "about" if qualifier == "exact" else qualifier
        return Printed(original, 100 * num / den, q, "percent", decimals=None, denominator=den, in_words=True)

    # "278 out of 374".
    m = re.fullmatch(r"(\S+) out of (\S+)", body, re.IGNORECASE)
    if m:
        num, decimals = _read_number(m.group(1), original)
        den, _ = _read_number(m.group(2), original)
        if den == 0 or num > den:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: the part is larger than the whole")
        return Printed(original, num, qualifier, "count", decimals=decimals, denominator=den)

    # Percentages and percentage points: "56 per cent", "49%", "3 percentage points".
    m = re.fullmatch(r"(\S+?) ?(%|per ?cent|percentage points?|pp)", body, re.IGNORECASE)
    if m:
        value, decimals = _read_number(m.group(1), original)
        unit = "percent" if m.group(2).lower() in ("%", "per cent", "percent") else "percentage points"
        return Printed(original, value, qualifier, unit, decimals=decimals)

    # Rates: "2.77 per 1,000 children", "5 per 100,000", "2.77 contact child sexual abuse cases per 1,000 children",
    # "2.77 per 10,000 children aged under 18" (the population after the base may name ages in digits).
    m = re.fullmatch(r"(\S+)(?: [a-z][a-z -]*?)? per (\S+)(?: [a-z][a-z0-9 -]*)?", body, re.IGNORECASE)
    if m:
        value, decimals = _read_number(m.group(1), original)
        base, _ = _read_number(m.group(2), original)
        if base <= 0:
            raise PrintedFigureError(f"cannot read {original!r} as a figure: a rate needs a positive base")
        return Printed(original, value, qualifier, "rate", decimals=decimals, denominator=base)

    # Money: "£15.6million", "£2.4m", "£1.2 bn", "£500,000".
    m = re.fullmatch(r"£ ?([\d.,]+) ?([a-z]+)?", body, re.IGNORECASE)
    if m:
        value, decimals = _read_number(m.group(1), original)
        scale = 1.0
        if m.group(2):
            if m.group(2).lower() not in _SCALES:
                raise PrintedFigureError(f"cannot read {original!r} as a figure: unknown scale {m.group(2)!r}")
            scale = _SCALES[m.group(2).lower()]
        return Printed(original, value * scale, qualifier, "GBP", decimals=decimals, scale=scale)

    # Plain counts, digits or words, optionally scaled: "1,273", "six", "107,000", "1.2 million".
    m = re.fullmatch(r"(.+?) (thousand|million|billion)", body, re.IGNORECASE)
    if m:
        value, decimals = _read_number(m.group(1), original)
        scale = _SCALES[m.group(2).lower()]
        return Printed(original, value * scale, qualifier, "count", decimals=decimals, scale=scale)
    value, decimals = _read_number(body, original)
    return Printed(original, value, qualifier, "count", decimals=decimals, in_words=not body[0].isdigit())
