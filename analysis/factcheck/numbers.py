"""Numbers as the rule book handles them: exact Decimals from printed digits, rounding half away from zero, and
the formatting the working prints (thousands commas, a true minus sign, as many decimals as it takes to show a
difference).

Split from `rules` so the rule book reads as rules; standard library only, for `verify`'s fast start.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation, getcontext, localcontext

#: Comparisons (more than, almost, about…) are made at this many decimal places: far below any printed precision,
#: far above the error in a fraction read from words.
COMPARE_DECIMALS = 12
MINUS = "\u2212"


class RuleError(ValueError):
    """Inputs the arithmetic cannot take (a rise from zero, a share of nothing): no verdict can be given."""



def to_decimal(value: object) -> Decimal:
    """A number as a Decimal of its shortest printed form, so 2.77 stays 2.77 (not 2.76999…).

    Accepts int, float, Decimal and digit strings with thousands commas ("1,737").
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise RuleError(f"{value!r} is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise RuleError(f"{value!r} is not a finite number")
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.replace(",", "").strip())
        except InvalidOperation:
            raise RuleError(f"{value!r} is not a number") from None
    raise RuleError(f"{value!r} is not a number")


def quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


#: Digits kept when rounding or comparing: enough for any value the rules accept (analysis.factcheck.exact).
_ROUNDING_PRECISION = 240


def _quantize(value: Decimal, decimals: int, rounding: str) -> Decimal:
    """`quantize` with room for every digit (the default context's 28 would raise on a 30-digit value)."""
    with localcontext() as ctx:
        ctx.prec = max(getcontext().prec, _ROUNDING_PRECISION)
        return value.quantize(quantum(decimals), rounding=rounding)


def round_half_away(value: Decimal, decimals: int) -> Decimal:
    """Round as printed figures are rounded: half away from zero (18.55 → 18.6, −0.125 → −0.13)."""
    return _quantize(value, decimals, ROUND_HALF_UP)


def truncate(value: Decimal, decimals: int) -> Decimal:
    """Cut off after `decimals` places (what a spreadsheet's display or a careless writer does)."""
    return _quantize(value, decimals, ROUND_DOWN)


def fmt_signed(text: str) -> str:
    return MINUS + text[1:] if text.startswith("-") else text


def fmt_number(value: Decimal | float | int, max_decimals: int = 2) -> str:
    """A number for the working: thousands commas, at most `max_decimals` places, no trailing zeros — but never
    fewer places than it takes to show a short exact value (2.775) or a tiny one (0.000001), which rounding to
    two places would misprint as 2.78 or 0."""
    exact = to_decimal(value)
    exponent = exact.normalize().as_tuple().exponent  # 'n', 'N' or 'F' for NaN and infinity
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    if places > max_decimals and (places <= 6 or (exact and round_half_away(exact, max_decimals) == 0)):
        max_decimals = min(places, 40)
    d = round_half_away(exact, max_decimals)
    text = f"{d:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return fmt_signed("0" if text in ("-0", "") else text)


def fmt_2dp(value: Decimal, commas: bool = False) -> str:
    """The computed value to two decimals (the precision the working and claims.csv report)."""
    return fmt_signed(f"{round_half_away(value, 2):{',' if commas else ''}f}")


def fmt_computed(value: Decimal) -> str:
    """The computed value as the working prints it: two decimals, thousands commas."""
    return fmt_2dp(value, commas=True)


def fmt_count(value: Decimal) -> str:
    """A computed count as printed: 1273 → "1,273" (never "1,273.00"); a value with a fraction keeps two decimals."""
    if value == value.to_integral_value():
        return fmt_signed(f"{value.to_integral_value():,f}")
    return fmt_2dp(value, commas=True)


def fmt_at(value: Decimal, decimals: int) -> str:
    return fmt_signed(f"{round_half_away(value, decimals):,f}")


def fmt_pair(value: Decimal, against: Decimal) -> tuple[str, str]:
    """The computed value and the bound it is compared with, each to two decimals, or to as many more as it takes
    for them to look different when they are different (2.001 > 2, not 2.00 > 2)."""
    if value == value.to_integral_value() and against == against.to_integral_value():
        return fmt_count(value), fmt_count(against)  # counts: 1,273 > 1,200, not 1,273.00 > 1,200
    if round_half_away(value, 2) != round_half_away(against, 2):
        return fmt_computed(value), fmt_number(against)
    if cmp_value(value) == cmp_value(against):
        return fmt_computed(value), fmt_computed(against)
    places = next(p for p in range(3, COMPARE_DECIMALS + 1) if round_half_away(value, p) != round_half_away(against, p))
    return fmt_number(value, places), fmt_number(against, places)


def fmt_shown(value: Decimal, against: Decimal) -> str:
    """The computed value for a comparison with `against` (see `fmt_pair`)."""
    return fmt_pair(value, against)[0]


def cmp_value(value: Decimal) -> Decimal:
    """A value as the comparison rules see it: to COMPARE_DECIMALS places, so that "a third" (printed as a word,
    read as the float 33.333333333333336) equals 100 × 1 / 3 computed in Decimal."""
    return _quantize(value, COMPARE_DECIMALS, ROUND_HALF_UP)
