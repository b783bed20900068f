"""Exact numbers for the rule book: Decimal values read from the printed digits, and a context that is big enough.

`parse_printed` returns binary floats (fine for the tables, where no value has more than 15 digits), but a
fact-check must be exact for any input it accepts: 9,007,199,254,740,993 is not 9,007,199,254,740,992. So the
rules take each value from its printed digits, and every evaluation runs in a Decimal context whose precision
covers the largest accepted input divided by the smallest. Inputs beyond `MAX_DIGITS` significant digits are
refused (a usage error), never rounded.

Standard library only: `verify` imports this.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, localcontext

from analysis.record.hygiene import digits_problem, normal_text
from analysis.record.printed import Printed

__all__ = ["MAX_DIGITS", "PRECISION", "TooLarge", "exact_context", "exact_value", "cut"]

#: The most digits a number may have (before and after the point together); no published figure comes close.
MAX_DIGITS = 30
#: Working precision: a quotient of two MAX_DIGITS numbers, times 100, compared at 12 decimals, with room to spare.
PRECISION = 4 * MAX_DIGITS + 40
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_LONG = re.compile(r"\d[\d,]*(?:\.\d+)?")


class TooLarge(ValueError):
    """A number with more digits than the rules accept."""


@contextmanager
def exact_context() -> Iterator[None]:
    """Decimal arithmetic at PRECISION digits, so no accepted input is ever rounded on the way."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        ctx.Emax, ctx.Emin = 999_999, -999_999
        yield


def cut(text: str, limit: int = 60) -> str:
    """A long input shortened for a one-line message: its start, an ellipsis and its length."""
    text = str(text)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def check_digits(text: str, what: str) -> None:
    """Raise TooLarge when a number in `text` has more than MAX_DIGITS digits. A number written with digits other
    than 0-9 is left to the parser, which refuses it with the one digits message: counted first, 31 Arabic-Indic
    digits were "more than 30 digits" and 31 full-width ones were shown back as ASCII "111…"."""
    if not text.isascii() and digits_problem(text):
        return
    for token in _LONG.findall(normal_text(text or "")):
        if sum(ch.isdigit() for ch in token) > MAX_DIGITS:
            raise TooLarge(f"{what} {cut(token, 24)!r} has more than {MAX_DIGITS} digits; the fact-check rules "
                           "accept numbers of up to that many digits")


def exact_value(printed: Printed) -> Decimal | None:
    """The printed value as an exact Decimal from its digits (words such as "a third" from their float), read as
    `parse_printed` reads them (`normal_text`): a zero-width space or soft hyphen inside "74%" made the digits
    7 and 4, and an accurate claim inaccurate."""
    if printed.value is None:
        return None
    numbers = [Decimal(t.replace(",", "")) for t in _NUMBER.findall(normal_text(printed.text))]
    if printed.unit == "percent" and printed.denominator is not None and len(numbers) == 2 and numbers[1]:
        return Decimal(100) * numbers[0] / numbers[1]  # "1 in 1,000" → 0.1 per cent, exactly
    if printed.in_words or not numbers:
        return Decimal(repr(printed.value))
    return _digits_read(numbers, printed)


def _digits_read(numbers: list[Decimal], printed: Printed) -> Decimal:
    """The digit run `parse_printed` read as the value (times its scale), exactly; its float when none is.

    Not simply the first run: "seven out of 10" is the count 7 with the whole 10, whose only digits are the whole's.
    Taking them, `verify count --value 7 --stated "seven out of 10"` printed "rounds to 7 · inaccurate" (it
    judged 10). A run is the one read when it gives the parsed value (to float precision, which the digits exceed
    only past 15 figures: 9,007,199,254,740,993 keeps its last digit)."""
    scale = Decimal(int(printed.scale))
    value = printed.value or 0.0
    return next((n * scale for n in numbers if math.isclose(float(n * scale), value, rel_tol=1e-12, abs_tol=0.0)),
                Decimal(repr(value)))
