"""A claim judged across every value its inputs could stand for: one rule for the fact-check and `verify`.

An input printed "about 1,200" stands for any value within the rule book's tolerance of 1,200; an input the claim
declares rounded (`rounded: {to: 100}`) for any value that rounds to it. The fact-check judged such claims across
those ranges while `verify`, given the same printed input, judged at the printed value only: figure "about 1,200",
claim "1,260" was "accurate within rounding" in the report and "inaccurate" on the command line. Both now read an
input's range here, and judge across it here.

Standard library only: `verify` imports this on deadline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from itertools import product

from analysis.factcheck import rules
from analysis.factcheck.forms import computed_text
from analysis.factcheck.wording import printed_value, verdict
from analysis.record.printed import Printed, parse_printed
from analysis.record.vocabulary import TOLERANCE, rounded_range

__all__ = ["printed_range", "input_range", "quotient_range", "judged_on_ranges"]

#: How many values across each input's range are tried (ends included); the computed value moves monotonically
#: with each input, so its range is exact, and the stated value's fit is found to within 1/40 of the range.
_STEPS = 40


#: A bound's open end ("more than X": every value above X) is tried at X plus this many times X (or 1): the computed
#: value moves monotonically with each input, so there it is as near its limit as any verdict can tell. Never
#: printed: the working says "any value above X".
_OPEN_END = Decimal(10) ** 6
#: A strict bound's own end ("more than X", "fewer than X") is tried this far inside it (relatively): the input is
#: never X itself, and a claim that restates the bound ("more than 1,200" for "more than 1,200") holds.
_INSIDE = Decimal("1e-9")
#: The qualifiers that bound a value from below and from above, as `parse_printed` names them.
_LOWER_BOUNDS, _UPPER_BOUNDS = {"more than": True, "at least": False}, {"fewer than": True, "at most": False}


def printed_range(qualifier: str, value: Decimal) -> tuple[Decimal, Decimal] | None:
    """Every value an input printed with `qualifier` (as `parse_printed` reads it) could stand for, by the rule
    book's reading of the same words in a claim: "about X" is X ± the tolerance, "almost X" X less the tolerance up
    to X, "just over X" X up to X plus the tolerance; a bound any value past X ("more than X", "at least X"; "fewer
    than X", "at most X" down to 0). None for an exact value.

    Read at X alone, a bound judged a claim that restates it word for word inaccurate ("more than 1,200" for an
    input "more than 1,200", since 1,200 is not more than 1,200) and "1,200" accurate, where the source rules 1,200
    out."""
    reach = max(abs(value), Decimal(1))
    if qualifier == "about":
        return value * (1 - TOLERANCE), value * (1 + TOLERANCE)
    if qualifier == "almost":
        return value * (1 - TOLERANCE), value
    if qualifier == "just over":
        return value, value * (1 + TOLERANCE)
    if qualifier in _LOWER_BOUNDS:
        return value + reach * _INSIDE * _LOWER_BOUNDS[qualifier], value + reach * _OPEN_END
    if qualifier in _UPPER_BOUNDS:
        return value - reach * _OPEN_END if value <= 0 else Decimal(0), \
            value - reach * _INSIDE * _UPPER_BOUNDS[qualifier]
    return None


def input_range(printed: Printed, value: Decimal) -> tuple[Decimal, Decimal] | None:
    """Every value an input as printed could stand for: by its qualifier (`printed_range`), or, for an exact figure
    printed with a scale word ("1.2 million", "£15.6m", "33k"), every value that rounds to it ("1.2 million": 1,150,000
    to 1,249,999). None for any other exact figure.

    A scale word is a rounding: no count of 1,200,000 is printed "1.2 million" by chance. Read at 1,200,000 alone, a
    claim of "1,204,000" for a source's "1.2 million" was inaccurate, though the source allows it. A plain "9,000"
    may be an exact count, so it is read as rounded only where the claim or the count's publisher says so
    (`rounded`)."""
    by_qualifier = printed_range(printed.qualifier, value)
    if by_qualifier is not None or printed.scale == 1 or printed.decimals is None or printed.qualifier != "exact":
        return by_qualifier
    return rounded_range(value, Decimal(10) ** -printed.decimals * Decimal(repr(printed.scale)))


def quotient_range(part: str, whole: str) -> tuple[Decimal, Decimal, Decimal] | None:
    """`part / whole` for two figures as printed: at the printed values, and lowest and highest with each figure
    standing for every value it could (`input_range`: "8.95 million" for 8,945,000 to 8,954,999; "68,265,209" for
    itself). None when either is no number ("[c]") or a bound ("more than 9 million"), whose quotient is itself a
    bound and no share at all.

    A share computed from rounded estimates is known only within this range: 8.8 million of 67,026,292 is 13.13%
    at the printed values but anything from 13.05% to 13.20%."""
    values, ends = [], []
    for text in (part, whole):
        printed = parse_printed(text)
        if printed.value is None:
            return None
        value = printed_value(printed)  # from the printed digits: "8.3 million" is 8,300,000, not its float's …001
        span = input_range(printed, value)
        if printed.qualifier in _LOWER_BOUNDS or printed.qualifier in _UPPER_BOUNDS:
            return None
        values.append(value)
        ends.append(span or (value, value))
    (part_low, part_high), (whole_low, whole_high) = ends
    return values[0] / values[1], part_low / whole_high, part_high / whole_low

def _bound(value: Decimal, lo: Decimal, hi: Decimal) -> str | None:
    """ "above" or "below" when the range is a bound's (`printed_range`: its open end far past the value, or down to
    0 from under it), else None."""
    reach = max(abs(value), Decimal(1)) * _OPEN_END / 2
    if hi - value > reach:
        return "above"
    if value - lo > reach or (lo == 0 < value and hi <= value):
        return "below"
    return None


def _read_as(value: Decimal, lo: Decimal, hi: Decimal) -> str:
    """How the working says what an input could stand for: "1,200 read as 1,140 to 1,260", or for a bound, "1,200
    read as any value above 1,200" (the stand-in for its open end is never printed)."""
    side, x = _bound(value, lo, hi), rules.fmt_number(value)
    if side:
        strict = lo > value if side == "above" else hi < value
        return f"{x} read as any value {side} {x}" if strict else f"{x} read as {x} or any value {side} it"
    return f"{rules.fmt_number(value)} read as {rules.fmt_number(lo)} to {rules.fmt_number(hi)}"


def judged_on_ranges(apply: Callable[[dict[str, Decimal]], rules.Result], values: dict[str, Decimal],
                     ranges: dict[str, tuple[Decimal, Decimal]], stated: Printed,
                     printed: rules.Result) -> rules.Result:
    """The claim judged across every value its ranged inputs could stand for (`apply` judges it at one set of
    values; `printed` is its judgement at the printed values): accurate only if it holds for all of them, accurate
    within rounding if it holds for some (or at the printed values), inaccurate if for none.

    "For some" is asked of the whole computed range, not only of the grid's points: the claim "1,250" for an input
    "about 1,200" (1,140 to 1,260, tried every 3) fits at 1,250 alone, no point of the grid, and was "inaccurate"
    while "1,260", the grid's last point, was "within rounding". The computed value moves monotonically and
    continuously with each input, so it takes every value between its least and greatest; the stated value fits
    one of them when it fits either end, or when its own value lies between them and fits itself."""
    roles = list(ranges)
    grids = [[lo + (hi - lo) * i / _STEPS for i in range(_STEPS + 1)] for lo, hi in ranges.values()]
    outcomes = [apply({**values, **dict(zip(roles, point, strict=True))}) for point in product(*grids)]
    computed = [r.computed for r in outcomes if r.computed is not None]
    fits = [r.verdict == rules.ACCURATE for r in outcomes]
    if computed and not any(fits) and all(r.rule != "unit mismatch" for r in outcomes):
        own = printed_value(stated)
        fits.append(min(computed) <= own <= max(computed) and verdict(own, stated) == rules.ACCURATE)
    spans = ", ".join(_read_as(values[role], lo, hi) for role, (lo, hi) in ranges.items())
    bounds = any(_bound(values[role], lo, hi) for role, (lo, hi) in ranges.items())
    span = (f"{computed_text(dataclasses.replace(printed, computed=min(computed)))} to "
            f"{computed_text(dataclasses.replace(printed, computed=max(computed)))}") if computed else ""
    # (a bound's result has no printable far end: the stand-in's result is no figure anyone published)
    lead = (f"inputs printed as bounds: for {spans}" if bounds
            else f"inputs rounded: for {spans}, the result runs from {span}")
    # A strict bound's printed value is no value it allows ("more than 1,200" is never 1,200): the verdict there
    # does not count against a claim that holds for every value it does allow.
    outside = any(not lo <= values[role] <= hi for role, (lo, hi) in ranges.items())
    tail = f" · {printed.verdict}"
    if printed.working.endswith(tail):  # the verdict at the printed values is one step of the working, not the end
        printed = dataclasses.replace(printed, working=printed.working[:-len(tail)] + f" · {printed.verdict} at the "
                                      "printed values")
    if all(fits) and (printed.verdict == rules.ACCURATE or outside):
        return dataclasses.replace(printed, verdict=rules.ACCURATE).with_note(
            f"{lead}, and the stated value holds for all of it · {rules.ACCURATE}")
    if any(fits) or printed.verdict in rules.BORNE_OUT:
        return dataclasses.replace(printed, verdict=rules.WITHIN_ROUNDING).with_note(
            f"{lead}; the stated value holds for part of that range only, so the figures as printed bear it out "
            f"but cannot confirm it · {rules.WITHIN_ROUNDING}")
    return printed.with_note(f"{lead}, and the stated value holds for none of it · {rules.INACCURATE}")
