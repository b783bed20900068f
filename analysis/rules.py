"""Rounding- and wording-aware verdicts for claims derived from published figures.

A reporter who writes "18.5 per cent" promises that the true rise rounds to 18.5 at one decimal; one who writes
"almost three-quarters" promises a share a little under 75 per cent. So a verdict depends on the words printed
with the number as much as on the number: this module turns the printed qualifier (read by
`analysis.printed.parse_printed`) into the test the computed value must pass, and writes the working a reader
can redo by hand.

Arithmetic is done in `decimal.Decimal` from the printed digits, never in binary floats, so a value that lies
exactly on a rounding boundary (0.125 at two decimals) is rounded half away from zero as a reader would, and
5,540 / 2,000,000 × 1,000 is exactly 2.77.

Pure functions, standard library only (plus `analysis.printed`, which is too): `python -m analysis verify`
imports this on deadline and must start fast.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from analysis.printed import MARKERS, Printed

__all__ = [
    "HOLDS", "DOES_NOT_HOLD", "UNVERIFIABLE", "VERDICTS", "TOLERANCE", "ROLES", "KINDS", "STATED_UNITS",
    "Result", "RuleError", "to_decimal", "round_half_away", "truncate", "fmt_number", "fmt_2dp", "judge",
    "unit_problem", "percent_change", "point_change", "share", "ratio", "total", "difference", "rate", "count",
    "unverifiable", "marker_meaning",
]

HOLDS = "holds"
DOES_NOT_HOLD = "does not hold"
UNVERIFIABLE = "unverifiable"
VERDICTS = (HOLDS, DOES_NOT_HOLD, UNVERIFIABLE)

#: How far "about", "almost" and "just over" may stray from the printed value: 5 per cent of it.
TOLERANCE = Decimal("0.05")

#: Comparisons (more than, almost, about…) are made at this many decimal places: far below any printed precision,
#: far above the error in a fraction read from words.
COMPARE_DECIMALS = 12

#: Claim kind → its input roles, in the order the working names them. `per` (rate) is a number, not a figure.
ROLES: dict[str, tuple[str, ...]] = {
    "percent_change": ("from", "to"),
    "point_change": ("from", "to"),
    "share": ("part", "whole"),
    "ratio": ("numerator", "denominator"),
    "sum": ("parts", "total"),
    "difference": ("a", "b"),
    "rate": ("count", "population", "per"),
    "count": ("figure",),
}
KINDS = tuple(ROLES)

#: Kind → the units (as `parse_printed` names them) a stated value may be printed in. A percent_change stated in
#: percentage points, or a point_change stated in per cent, is not a typo in the registry but the classic
#: mistake a fact-check exists to catch, so those two give a "does not hold" verdict rather than a problem.
STATED_UNITS: dict[str, tuple[str, ...]] = {
    "percent_change": ("percent", "times"),
    "point_change": ("percentage points",),
    "share": ("percent",),
    "ratio": ("times",),
    "sum": ("count", "GBP", "percent"),
    "difference": ("count", "GBP"),
    "rate": ("rate",),
    "count": ("count", "GBP", "percent", "percentage points", "rate", "times"),
}
_FINDING_MISMATCHES = {("percent_change", "percentage points"), ("point_change", "percent")}

_UNIT_WORDS = {
    "percent": "per cent", "percentage points": "percentage points", "times": "times (a multiple)",
    "count": "a count", "GBP": "pounds", "rate": "a rate", "marker": "a marker",
}
_MINUS = "\u2212"


class RuleError(ValueError):
    """Inputs the arithmetic cannot take (a rise from zero, a share of nothing): no verdict can be given."""


@dataclass(frozen=True)
class Result:
    """One verdict with everything a reader needs to redo it.

    `computed` is the recomputed value in the stated value's own terms (per cent for a rise stated in per cent,
    a multiple for one stated as "doubled"); `formula` is the arithmetic with the actual numbers; `rule` names the
    test the printed wording calls for; `working` is the whole sentence printed in reports.
    """

    kind: str
    verdict: str
    computed: Decimal | None
    stated: Printed | None
    formula: str
    rule: str
    working: str

    @property
    def holds(self) -> bool:
        return self.verdict == HOLDS

    def with_note(self, note: str) -> Result:
        """The same verdict with a caveat appended to the working (e.g. an input printed as a bound)."""
        return dataclasses.replace(self, working=f"{self.working} · {note}")

    def as_dict(self) -> dict[str, object]:
        """JSON-ready fields: `computed` as a number (null when unverifiable), the rest as printed."""
        stated = self.stated
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "computed": float(self.computed) if self.computed is not None else None,
            "computed_2dp": fmt_2dp(self.computed) if self.computed is not None else "",
            "stated": stated.text if stated else None,
            "stated_value": stated.value if stated else None,
            "qualifier": stated.qualifier if stated else None,
            "unit": stated.unit if stated else None,
            "decimals": stated.decimals if stated else None,
            "rule": self.rule,
            "formula": self.formula,
            "working": self.working,
        }


# --- numbers ---------------------------------------------------------------------------------------------------


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


def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def round_half_away(value: Decimal, decimals: int) -> Decimal:
    """Round as printed figures are rounded: half away from zero (18.55 → 18.6, −0.125 → −0.13)."""
    return value.quantize(_quantum(decimals), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, decimals: int) -> Decimal:
    """Cut off after `decimals` places (what a spreadsheet's display or a careless writer does)."""
    return value.quantize(_quantum(decimals), rounding=ROUND_DOWN)


def _signed(text: str) -> str:
    return _MINUS + text[1:] if text.startswith("-") else text


def fmt_number(value: Decimal | float | int, max_decimals: int = 2) -> str:
    """A number for the working: thousands commas, at most `max_decimals` places, no trailing zeros."""
    d = round_half_away(to_decimal(value), max_decimals)
    text = f"{d:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _signed("0" if text in ("-0", "") else text)


def fmt_2dp(value: Decimal, commas: bool = False) -> str:
    """The computed value to two decimals (the precision the working and claims.csv report)."""
    return _signed(f"{round_half_away(value, 2):{',' if commas else ''}f}")


def _c2(value: Decimal) -> str:
    """The computed value as the working prints it: two decimals, thousands commas."""
    return fmt_2dp(value, commas=True)


def _fmt_at(value: Decimal, decimals: int) -> str:
    return _signed(f"{round_half_away(value, decimals):,f}")


def _pair(value: Decimal, against: Decimal) -> tuple[str, str]:
    """The computed value and the bound it is compared with, each to two decimals, or to as many more as it takes
    for them to look different when they are different (2.001 > 2, not 2.00 > 2)."""
    if round_half_away(value, 2) != round_half_away(against, 2):
        return _c2(value), fmt_number(against)
    if _cmp(value) == _cmp(against):
        return _c2(value), _c2(against)
    places = next(p for p in range(3, COMPARE_DECIMALS + 1) if round_half_away(value, p) != round_half_away(against, p))
    return fmt_number(value, places), fmt_number(against, places)


def _show(value: Decimal, against: Decimal) -> str:
    """The computed value for a comparison with `against` (see `_pair`)."""
    return _pair(value, against)[0]


def _cmp(value: Decimal) -> Decimal:
    """A value as the comparison rules see it: to COMPARE_DECIMALS places, so that "a third" (printed as a word,
    read as the float 33.333333333333336) equals 100 × 1 / 3 computed in Decimal."""
    with localcontext() as ctx:
        ctx.prec = 60
        return value.quantize(_quantum(COMPARE_DECIMALS), rounding=ROUND_HALF_UP)


# --- the rules -------------------------------------------------------------------------------------------------


def _printed_value(stated: Printed) -> Decimal:
    if stated.value is None:
        raise RuleError(f'"{stated.text}" is a marker for an unavailable value, not a claim')
    return to_decimal(stated.value)


def _band(x: Decimal) -> Decimal:
    return abs(x) * TOLERANCE


def judge(computed: Decimal, stated: Printed) -> tuple[bool, str, str]:
    """Does `computed` bear out the stated value as worded? → (holds, rule name, explanation for the working).

    The explanation starts with the printed text in quotes and ends with the verdict, e.g.
    `printed "18.5 per cent" (1 dp) · rounds to 18.6 · does not hold (truncation gives 18.5)`.
    """
    x = _printed_value(stated)
    q = stated.qualifier
    lead = f'printed "{stated.text}"'
    if q == "exact" and stated.decimals is not None:
        return _judge_exact(computed, stated, x, lead)
    if q == "exact":  # words without a printed precision are approximate
        q = "about"
    if q in _BOUNDS:
        return _judge_bound(computed, q, x, lead)
    if q == "almost":
        return _judge_almost(computed, stated, x, lead)
    if q == "just over":
        return _judge_just_over(computed, x, lead)
    if q == "about":
        return _judge_about(computed, x, lead)
    raise RuleError(f'no rule for the qualifier {q!r} of "{stated.text}"')


#: qualifier → (test, sign shown when it holds, sign shown when it does not).
_BOUNDS = {
    "more than": (lambda c, x: c > x, ">", "≤"),
    "at least": (lambda c, x: c >= x, "≥", "<"),
    "fewer than": (lambda c, x: c < x, "<", "≥"),
    "at most": (lambda c, x: c <= x, "≤", ">"),
}


def _v(ok: bool) -> str:
    return HOLDS if ok else DOES_NOT_HOLD


def _judge_bound(c: Decimal, q: str, x: Decimal, lead: str) -> tuple[bool, str, str]:
    """more than / at least / fewer than / at most: a strict or inclusive bound, nothing else."""
    test, yes, no = _BOUNDS[q]
    ok = test(_cmp(c), _cmp(x))
    cs, bound = _pair(c, x)
    return ok, q, f"{lead} · needs {q} {fmt_number(x)}: {cs} {yes if ok else no} {bound} · {_v(ok)}"


def _round_at(value: Decimal, stated: Printed) -> Decimal:
    """Round at the last printed digit, in the printed scale ("£15.6million" is rounded to 0.1 million)."""
    scale = to_decimal(stated.scale)
    return round_half_away(value / scale, stated.decimals or 0) * scale


def _scale_word(stated: Printed) -> str:
    return {1e3: " thousand", 1e6: " million", 1e9: " billion"}.get(stated.scale, "")


def _judge_exact(c: Decimal, stated: Printed, x: Decimal, lead: str) -> tuple[bool, str, str]:
    """A plain number: the computed value, rounded half away from zero at the printed decimals, equals it."""
    d = stated.decimals or 0
    scale = to_decimal(stated.scale)
    rounded = round_half_away(c / scale, d)
    ok = rounded * scale == x
    text = f"{lead} ({d} dp) · rounds to {_fmt_at(rounded, d)}{_scale_word(stated)} · {_v(ok)}"
    if not ok:
        cut = truncate(c / scale, d)
        if cut * scale == x:
            text += f" (truncation gives {_fmt_at(cut, d)}{_scale_word(stated)})"
    return ok, f"rounds to the printed value at {d} dp", text


def _judge_almost(c: Decimal, stated: Printed, x: Decimal, lead: str) -> tuple[bool, str, str]:
    """almost / nearly / just under X: X − 5% of X ≤ c < X, or c rounds to X at the printed decimals."""
    lower = x - _band(x)
    xs, ls = fmt_number(x), fmt_number(lower)
    rule = "almost (up to 5% below, or rounds to it)"
    if _cmp(lower) <= _cmp(c) < _cmp(x):
        return True, rule, f"{lead} · needs almost {xs}: {ls} ≤ {_show(c, x)} < {xs} · {HOLDS}"
    d = stated.decimals
    if d is not None and _round_at(c, stated) == x:
        why = f"{_show(c, x)} is not below {xs} but rounds to it at {d} dp"
        return True, rule, f"{lead} · needs almost {xs}: {why} · {HOLDS}"
    where = f"below {ls}" if _cmp(c) < _cmp(lower) else f"not below {xs}"
    extra = f" and does not round to {xs} at {d} dp" if d is not None else ""
    why = f"{ls} ≤ c < {xs}; {_show(c, x)} is {where}{extra}"
    return False, rule, f"{lead} · needs almost {xs}: {why} · {DOES_NOT_HOLD}"


def _judge_just_over(c: Decimal, x: Decimal, lead: str) -> tuple[bool, str, str]:
    """just over X: X < c ≤ X + 5% of X."""
    upper = x + _band(x)
    xs, us = fmt_number(x), fmt_number(upper)
    ok = _cmp(x) < _cmp(c) <= _cmp(upper)
    why = f"{xs} < {_show(c, x)} ≤ {us}" if ok else f"{xs} < c ≤ {us}; {_show(c, x)} is outside"
    return ok, "just over (up to 5% above)", f"{lead} · needs just over {xs}: {why} · {_v(ok)}"


def _judge_about(c: Decimal, x: Decimal, lead: str) -> tuple[bool, str, str]:
    """about / around / roughly X, and fractions or multiples in words: within 5% of X either side."""
    lower, upper = x - _band(x), x + _band(x)
    ok = _cmp(lower) <= _cmp(c) <= _cmp(upper)
    why = f"{_c2(c)} is {'within' if ok else 'outside'} {fmt_number(lower)} to {fmt_number(upper)}"
    return ok, "about (within 5%)", f"{lead} · needs about {fmt_number(x)} (within 5%): {why} · {_v(ok)}"


def unit_problem(kind: str, stated: Printed) -> str | None:
    """Why a stated value's unit cannot belong to a claim of this kind (a registry error), or None.

    The percent/percentage-point confusions return None: they are findings, judged by the rules.
    """
    allowed = STATED_UNITS.get(kind)
    if allowed is None or stated.unit in allowed or (kind, stated.unit) in _FINDING_MISMATCHES:
        return None
    wanted = " or ".join(_UNIT_WORDS.get(u, u) for u in allowed)
    unit = _UNIT_WORDS.get(stated.unit, stated.unit)
    return f'stated "{stated.text}" is {unit}; a {kind} claim is stated in {wanted}'


def _mismatch(kind: str, stated: Printed, computed: Decimal, formula: str) -> Result:
    if (kind, stated.unit) == ("percent_change", "percentage points"):
        why = ("is in percentage points, but this claim is a change in per cent of the starting value; "
               "a rise of N percentage points is not a rise of N per cent")
    elif (kind, stated.unit) == ("point_change", "percent"):
        why = ("is in per cent, but this claim is a change between two percentages, which is measured in "
               "percentage points; a rise of N per cent is not a rise of N percentage points")
    else:
        why = f"is {_UNIT_WORDS.get(stated.unit, stated.unit)}, which a {kind} claim cannot be stated in"
    working = f'{formula} · printed "{stated.text}" {why} · {DOES_NOT_HOLD}'
    return Result(kind, DOES_NOT_HOLD, computed, stated, formula, "unit mismatch", working)


def _verdict(kind: str, computed: Decimal, stated: Printed, formula: str) -> Result:
    if stated.unit not in STATED_UNITS[kind]:
        return _mismatch(kind, stated, computed, formula)
    ok, rule, text = judge(computed, stated)
    return Result(kind, _v(ok), computed, stated, formula, rule, f"{formula} · {text}")


def unverifiable(kind: str, reason: str, stated: Printed | None = None) -> Result:
    """No verdict: an input is unpublished, suppressed or unusable. `reason` names it (and its gap record)."""
    return Result(kind, UNVERIFIABLE, None, stated, "", "unverifiable", f"{UNVERIFIABLE}: {reason}")


def marker_meaning(marker: str) -> str:
    """What a spreadsheet marker such as [c] means, for the working."""
    return MARKERS.get(marker, MARKERS.get(marker.lower(), "not available"))


# --- the kinds -------------------------------------------------------------------------------------------------


def _nonzero(value: Decimal, what: str) -> Decimal:
    if value == 0:
        raise RuleError(f"{what} is 0, so the result is undefined")
    return value


def percent_change(frm: object, to: object, stated: Printed, direction: str = "rise") -> Result:
    """A rise (or, with direction="fall", a fall) in per cent of the starting value, or as a multiple.

    Stated in per cent: (to − from) / from × 100. Stated as a multiple ("doubled", "more than doubled",
    "three times"): to / from, so "doubled" means a ratio of 2, i.e. +100 per cent.
    """
    f, t = to_decimal(frm), to_decimal(to)
    _nonzero(f, "the starting value (from)")
    if stated.unit == "times":
        c = t / f
        return _verdict("percent_change", c, stated, f"{fmt_number(t)} / {fmt_number(f)} = {_c2(c)} times")
    if direction == "fall":
        c = (f - t) / f * 100
        formula = f"({fmt_number(f)} {_MINUS} {fmt_number(t)}) / {fmt_number(f)} = {_c2(c)}% fall"
    else:
        c = (t - f) / f * 100
        formula = f"({fmt_number(t)} {_MINUS} {fmt_number(f)}) / {fmt_number(f)} = {_c2(c)}%"
    return _fall_hint(_verdict("percent_change", c, stated, formula), c, stated, direction, "%")


def _fall_hint(result: Result, c: Decimal, stated: Printed, direction: str, unit: str) -> Result:
    """A claim registered as a rise whose figures show a fall it would fit: say so (the registry probably lacks
    `direction: fall`), but keep the verdict — the figures do not show the rise registered."""
    if direction != "rise" or c >= 0 or result.holds or result.rule == "unit mismatch":
        return result
    try:
        fits = judge(-c, stated)[0]
    except RuleError:
        return result
    if not fits:
        return result
    return result.with_note(f"note: the figures show a fall of {_c2(-c)}{unit}, which the printed value fits; "
                            "register a fall with direction: fall (verify: --fall)")


def point_change(frm: object, to: object, stated: Printed, direction: str = "rise") -> Result:
    """A change between two percentages, in percentage points: to − from (from − to for a fall)."""
    f, t = to_decimal(frm), to_decimal(to)
    if direction == "fall":
        c = f - t
        formula = f"{fmt_number(f)}% {_MINUS} {fmt_number(t)}% = {_c2(c)} percentage points fall"
    else:
        c = t - f
        formula = f"{fmt_number(t)}% {_MINUS} {fmt_number(f)}% = {_c2(c)} percentage points"
    return _fall_hint(_verdict("point_change", c, stated, formula), c, stated, direction, " percentage points")


def share(part: object, whole: object, stated: Printed) -> Result:
    """Part as per cent of whole: part / whole × 100."""
    p, w = to_decimal(part), _nonzero(to_decimal(whole), "the whole")
    c = p / w * 100
    return _verdict("share", c, stated, f"{fmt_number(p)} / {fmt_number(w)} = {_c2(c)}%")


def ratio(numerator: object, denominator: object, stated: Printed) -> Result:
    """How many times one figure is another: numerator / denominator ("more than doubled" → > 2)."""
    n, d = to_decimal(numerator), _nonzero(to_decimal(denominator), "the denominator")
    c = n / d
    return _verdict("ratio", c, stated, f"{fmt_number(n)} / {fmt_number(d)} = {_c2(c)} times")


def total(parts: Sequence[object], stated: Printed) -> Result:
    """Parts add up to the printed total: sum(parts), judged against the total as printed (exact unless worded)."""
    values = [to_decimal(p) for p in parts]
    if not values:
        raise RuleError("a sum needs at least one part")
    c = sum(values, Decimal(0))
    formula = f"{' + '.join(fmt_number(v) for v in values)} = {_c2(c)}"
    return _verdict("sum", c, stated, formula)


def difference(a: object, b: object, stated: Printed) -> Result:
    """How much larger a is than b: a − b."""
    x, y = to_decimal(a), to_decimal(b)
    c = x - y
    return _verdict("difference", c, stated, f"{fmt_number(x)} {_MINUS} {fmt_number(y)} = {_c2(c)}")


def rate(count_: object, population: object, stated: Printed, per: object | None = None) -> Result:
    """A rate: count / population × per. `per` defaults to the printed base ("2.77 per 1,000" → 1,000).

    A rate printed per a different base than the one computed is judged as a mismatch, not rescaled: a reader
    would misread it the same way.
    """
    n, pop = to_decimal(count_), _nonzero(to_decimal(population), "the population")
    if per is None:
        if stated.denominator is None:
            raise RuleError(f'"{stated.text}" prints no base (per 1,000, per 100,000) and none was given')
        per = stated.denominator
    base = to_decimal(per)
    if base <= 0:
        raise RuleError(f"the base of a rate must be positive, not {fmt_number(base)}")
    c = n / pop * base
    formula = f"{fmt_number(n)} / {fmt_number(pop)} × {fmt_number(base)} = {_c2(c)} per {fmt_number(base)}"
    if stated.unit == "rate" and stated.denominator is not None and to_decimal(stated.denominator) != base:
        printed_base = fmt_number(to_decimal(stated.denominator))
        why = f'printed "{stated.text}" is per {printed_base}, not per {fmt_number(base)}'
        working = f"{formula} · {why} · {DOES_NOT_HOLD}"
        return Result("rate", DOES_NOT_HOLD, c, stated, formula, "unit mismatch", working)
    return _verdict("rate", c, stated, formula)


def count(value: object, stated: Printed, value_unit: str | None = None) -> Result:
    """A figure restated in other words ("more than 1,200" for 1,273; "more than half" for 56 per cent).

    `value_unit` is the unit the figure was printed in (as parse_printed names it); per cent restated as
    percentage points (or the reverse) is a mismatch.
    """
    v = to_decimal(value)
    formula = f"figure = {_c2(v)}"
    pct = {"percent", "percentage points"}
    if value_unit in pct and stated.unit in pct and value_unit != stated.unit:
        why = f"is in {stated.unit}, but the figure is in {value_unit}"
        working = f'{formula} · printed "{stated.text}" {why} · {DOES_NOT_HOLD}'
        return Result("count", DOES_NOT_HOLD, v, stated, formula, "unit mismatch", working)
    return _verdict("count", v, stated, formula)
