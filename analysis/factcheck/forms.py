"""Claim forms the basic rules do not cover: a rate restated as a share ("around 1 in every 30 children" for
330.3 per 10,000), a rate claim stated as "1 in N" or as a bare number with its base given, and how a computed
value is written (a count as an integer with thousands separators, anything else to two decimals).

Standard library only: `verify` imports this.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from analysis.factcheck import rules
from analysis.factcheck.numbers import fmt_count
from analysis.record.printed import Printed

__all__ = ["COUNT_UNITS", "is_count", "computed_text", "fmt_count", "rate_as_share", "rate_stated_as", "restated",
           "restated_problem"]

#: Stated units whose computed value is a number of things (or pounds), written as an integer when it is one.
COUNT_UNITS = ("count", "GBP")


def is_count(result: rules.Result) -> bool:
    return result.stated is not None and result.stated.unit in COUNT_UNITS and result.kind in ("sum", "difference",
                                                                                                 "count")


def computed_text(result: rules.Result) -> str:
    """The computed value as reports print it: counts as integers with separators, the rest to two decimals."""
    if result.computed is None:
        return ""
    return fmt_count(result.computed) if is_count(result) else rules.fmt_2dp(result.computed)


def rate_as_share(rate: Decimal, base: object, stated: Printed) -> rules.Result:
    """A published rate against a share in words or per cent: 330.3 per 10,000 = 3.30 per cent ≈ "1 in 30"."""
    b = rules.to_decimal(base)
    if b <= 0:
        raise rules.RuleError(f"the base of a rate must be positive, not {rules.fmt_number(b)}")
    c = rate / b * 100
    r, bs = rules.fmt_number(rate), rules.fmt_number(b)
    formula = f"{r} per {bs} = {r} / {bs} × 100 = {rules.fmt_computed(c)}%"
    verdict, rule, text = rules.judge(c, stated)
    return rules.Result("count", verdict, c, stated, formula, rule, f"{formula} · {text}")


def restated(value: Decimal, unit: str | None, base: object | None, stated: Printed) -> rules.Result:
    """A figure restated in other words (the `count` kind), one rule for the fact-check and `verify count`: a rate
    with its base (`base`, or None) restated as a share or "1 in N" is converted, rate / base × 100; any other
    change of unit cannot be judged (`rules.count` raises RuleError)."""
    if base not in (None, "") and stated.unit == "percent":
        return rate_as_share(value, base, stated)
    return rules.count(value, stated, unit, _number(base))


def restated_problem(unit: str | None, base: object | None, stated: Printed) -> str | None:
    """Why `restated` cannot judge this restatement, or None."""
    if base not in (None, "") and stated.unit == "percent":
        return None
    return rules.restated_unit_problem(unit, stated, _number(base))


def _number(base: object | None) -> float | None:
    """A rate's base as a number (the record keeps it as text in a table), or None."""
    return None if base in (None, "") else float(rules.to_decimal(base))


def rate_stated_as(stated: Printed, per: Decimal | None) -> tuple[Printed, Decimal | None]:
    """How a rate claim's stated value is read: "1 in 1,000" and "0.1%" as shares (base 100), a bare number as
    a rate per `per`. Returns the stated value to judge and the base to compute at."""
    if stated.unit == "percent":
        return stated, Decimal(100)
    if stated.unit == "count" and per is not None and not stated.in_words and stated.scale == 1:
        return dataclasses.replace(stated, unit="rate", denominator=float(per)), per
    return stated, per
