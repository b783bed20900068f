"""A claim judged across every value its inputs could stand for: one rule for the fact-check and `verify`.

An input printed "about 1,200" stands for any value within the rule book's tolerance of 1,200; an input the claim
declares rounded (`rounded: {to: 100}`) for any value that rounds to it. The fact-check judged such claims across
those ranges while `verify`, given the same printed input, judged at the printed value only: figure "about 1,200",
claim "1,260" was "accurate within rounding" in the report and "inaccurate" on the command line (issue 24, round
twenty). Both now read an input's range here, and judge across it here.

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
from analysis.record.printed import Printed
from analysis.record.vocabulary import TOLERANCE

__all__ = ["about_range", "judged_on_ranges"]

#: How many values across each input's range are tried (ends included); the computed value moves monotonically
#: with each input, so its range is exact, and the stated value's fit is found to within 1/40 of the range.
_STEPS = 40


def about_range(qualifier: str, value: Decimal) -> tuple[Decimal, Decimal] | None:
    """Every value an input printed "about X" (its `qualifier`, as `parse_printed` reads it) could stand for: X ±
    the rule book's tolerance; None when it is printed otherwise."""
    if qualifier != "about":
        return None
    return value * (1 - TOLERANCE), value * (1 + TOLERANCE)


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
    spans = ", ".join(f"{rules.fmt_number(values[role])} read as {rules.fmt_number(lo)} to {rules.fmt_number(hi)}"
                      for role, (lo, hi) in ranges.items())
    span = (f"{computed_text(dataclasses.replace(printed, computed=min(computed)))} to "
            f"{computed_text(dataclasses.replace(printed, computed=max(computed)))}") if computed else ""
    lead = f"inputs rounded: for {spans}, the result runs from {span}"
    tail = f" · {printed.verdict}"
    if printed.working.endswith(tail):  # the verdict at the printed values is one step of the working, not the end
        printed = dataclasses.replace(printed, working=printed.working[:-len(tail)] + f" · {printed.verdict} at the "
                                      "printed values")
    if all(fits) and printed.verdict == rules.ACCURATE:
        return printed.with_note(f"{lead}, and the stated value holds for all of it · {rules.ACCURATE}")
    if any(fits) or printed.verdict in rules.BORNE_OUT:
        return dataclasses.replace(printed, verdict=rules.WITHIN_ROUNDING).with_note(
            f"{lead}; the stated value holds for part of that range only, so the figures as printed bear it out "
            f"but cannot confirm it · {rules.WITHIN_ROUNDING}")
    return printed.with_note(f"{lead}, and the stated value holds for none of it · {rules.INACCURATE}")
