"""Rounding- and wording-aware verdicts for claims derived from published figures.

A reporter who writes "18.5 per cent" promises that the true rise rounds to 18.5 at one decimal; one who writes
"almost three-quarters" promises a share a little under 75 per cent. So a verdict depends on the words printed
with the number as much as on the number: this module turns the printed qualifier (read by
`analysis.record.printed.parse_printed`) into the test the computed value must pass, and writes the working a reader
can redo by hand.

Arithmetic is done in `decimal.Decimal` from the printed digits, never in binary floats, so a value that lies
exactly on a rounding boundary (0.125 at two decimals) is rounded half away from zero as a reader would, and
5,540 / 2,000,000 × 1,000 is exactly 2.77.

Pure functions, standard library only (plus `analysis.record.printed`, which is too): `python -m analysis verify`
imports this on deadline and must start fast.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from analysis.factcheck.numbers import (  # noqa: F401  (re-exported: callers use rules.to_decimal etc.)
    COMPARE_DECIMALS,
    MINUS,
    RuleError,
    cmp_value,
    fmt_2dp,
    fmt_at,
    fmt_computed,
    fmt_count,
    fmt_number,
    fmt_pair,
    fmt_shown,
    fmt_signed,
    quantum,
    round_half_away,
    to_decimal,
    truncate,
)
from analysis.factcheck.wording import (  # noqa: F401  (re-exported)
    ACCURATE,
    BORNE_OUT,
    CANNOT_CHECK,
    INACCURATE,
    MEANING,
    NOT_FOUND,
    NOT_FOUND_WHERE,
    NOT_IN_RECORD,
    UNCHECKED,
    VERDICTS,
    WITHIN_ROUNDING,
    judge,
)
from analysis.record.printed import MARKERS, Printed
from analysis.record.vocabulary import TOLERANCE  # noqa: F401  (re-exported)

__all__ = [
    "ACCURATE", "WITHIN_ROUNDING", "INACCURATE", "NOT_FOUND", "NOT_FOUND_WHERE", "NOT_IN_RECORD", "CANNOT_CHECK",
    "VERDICTS",
    "UNCHECKED", "BORNE_OUT", "MEANING", "TOLERANCE", "ROLES", "KINDS", "STATED_UNITS",
    "Result", "RuleError", "to_decimal", "round_half_away", "truncate", "fmt_number", "fmt_2dp", "judge",
    "unit_problem", "restated_unit_problem", "inputs_unit_problem", "SAME_UNIT_KINDS", "percent_change",
    "point_change", "share", "ratio", "total", "difference", "rate", "count", "unchecked", "marker_meaning",
]

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
#: mistake a fact-check exists to catch, so those two give an "inaccurate" verdict rather than a problem.
STATED_UNITS: dict[str, tuple[str, ...]] = {
    "percent_change": ("percent", "times"),
    "point_change": ("percentage points",),
    "share": ("percent",),
    "ratio": ("times",),
    "sum": ("count", "GBP", "percent"),
    "difference": ("count", "GBP"),
    "rate": ("rate", "percent", "count"),  # "2.77 per 1,000"; "1 in 360" or "0.28%"; a bare "2.8" with its base
    "count": ("count", "GBP", "percent", "percentage points", "rate", "times"),
}
#: Each kind as a reader says it, for messages (never the registry's name, "percent_change").
KIND_WORDS = {"percent_change": "a rise or fall", "point_change": "a change in percentage points", "share": "a share",
              "ratio": "a ratio", "sum": "a total", "difference": "a difference", "rate": "a rate",
              "count": "a figure in other words"}
_FINDING_MISMATCHES = {("percent_change", "percentage points"), ("point_change", "percent")}

_UNIT_WORDS = {
    "percent": "per cent", "percentage points": "percentage points", "times": "times (a multiple)",
    "count": "a count", "GBP": "pounds", "rate": "a rate", "marker": "a marker",
}


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
        """The claim bears out the figures: accurate, or accurate within rounding."""
        return self.verdict in BORNE_OUT

    def with_note(self, note: str) -> Result:
        """The same verdict with a caveat appended to the working (e.g. an input printed as a bound)."""
        return dataclasses.replace(self, working=f"{self.working} · {note}")

    def as_dict(self) -> dict[str, object]:
        """JSON-ready fields: `computed` as a number (null when the claim cannot be checked), the rest as printed."""
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


def unit_problem(kind: str, stated: Printed) -> str | None:
    """Why a stated value's unit cannot belong to a claim of this kind (a registry error), or None.

    The percent/percentage-point confusions return None: they are findings, judged by the rules.
    """
    allowed = STATED_UNITS.get(kind)
    if allowed is None or stated.unit in allowed or (kind, stated.unit) in _FINDING_MISMATCHES:
        return None
    wanted = " or ".join(_UNIT_WORDS.get(u, u) for u in allowed)
    unit = _UNIT_WORDS.get(stated.unit, stated.unit)
    return f'stated "{stated.text}" is {unit}; {KIND_WORDS.get(kind, kind)} is stated in {wanted}'


def _mismatch(kind: str, stated: Printed, computed: Decimal, formula: str) -> Result:
    if (kind, stated.unit) == ("percent_change", "percentage points"):
        why = ("is in percentage points, but this claim is a change in per cent of the starting value; "
               "a rise of N percentage points is not a rise of N per cent")
    elif (kind, stated.unit) == ("point_change", "percent"):
        why = ("is in per cent, but this claim is a change between two percentages, which is measured in "
               "percentage points; a rise of N per cent is not a rise of N percentage points")
    else:
        why = f"is {_UNIT_WORDS.get(stated.unit, stated.unit)}, which {KIND_WORDS.get(kind, kind)} cannot be stated in"
    working = f'{formula} · printed "{stated.text}" {why} · {INACCURATE}'
    return Result(kind, INACCURATE, computed, stated, formula, "unit mismatch", working)


def _verdict(kind: str, computed: Decimal, stated: Printed, formula: str) -> Result:
    if stated.unit not in STATED_UNITS[kind]:
        return _mismatch(kind, stated, computed, formula)
    verdict, rule, text = judge(computed, stated)
    return Result(kind, verdict, computed, stated, formula, rule, f"{formula} · {text}")


def unchecked(kind: str, reason: str, stated: Printed | None = None, verdict: str = NOT_FOUND) -> Result:
    """No verdict on accuracy: an input is unpublished, suppressed, not yet transcribed, or the arithmetic is
    undefined. `verdict` says which (one of UNCHECKED); `reason` names the input (and its gap record)."""
    if verdict not in UNCHECKED:
        raise ValueError(f"{verdict!r} is not a verdict for a claim that cannot be checked")
    return Result(kind, verdict, None, stated, "", "cannot be checked", f"{verdict}: {reason}")


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
        return _verdict("percent_change", c, stated, f"{fmt_number(t)} / {fmt_number(f)} = {fmt_computed(c)} times")
    if direction == "fall":
        c = (f - t) / f * 100
        formula = f"({fmt_number(f)} {MINUS} {fmt_number(t)}) / {fmt_number(f)} = {fmt_computed(c)}% fall"
    else:
        c = (t - f) / f * 100
        formula = f"({fmt_number(t)} {MINUS} {fmt_number(f)}) / {fmt_number(f)} = {fmt_computed(c)}%"
    return _fall_hint(_verdict("percent_change", c, stated, formula), c, stated, direction, "%")


def _fall_hint(result: Result, c: Decimal, stated: Printed, direction: str, unit: str) -> Result:
    """A claim registered as a rise whose figures show a fall it would fit: say so (the registry probably lacks
    `direction: fall`), but keep the verdict — the figures do not show the rise registered."""
    if direction != "rise" or c >= 0 or result.holds or result.rule == "unit mismatch":
        return result
    try:
        fits = judge(-c, stated)[0] in BORNE_OUT
    except RuleError:
        return result
    if not fits:
        return result
    return result.with_note(f"note: the figures show a fall of {fmt_computed(-c)}{unit}, which the printed value fits; "
                            "register a fall with direction: fall (verify: --fall)")


def point_change(frm: object, to: object, stated: Printed, direction: str = "rise") -> Result:
    """A change between two percentages, in percentage points: to − from (from − to for a fall)."""
    f, t = to_decimal(frm), to_decimal(to)
    if direction == "fall":
        c = f - t
        formula = f"{fmt_number(f)}% {MINUS} {fmt_number(t)}% = {fmt_computed(c)} percentage points fall"
    else:
        c = t - f
        formula = f"{fmt_number(t)}% {MINUS} {fmt_number(f)}% = {fmt_computed(c)} percentage points"
    return _fall_hint(_verdict("point_change", c, stated, formula), c, stated, direction, " percentage points")


def share(part: object, whole: object, stated: Printed) -> Result:
    """Part as per cent of whole: part / whole × 100."""
    p, w = to_decimal(part), _nonzero(to_decimal(whole), "the whole")
    c = p / w * 100
    return _verdict("share", c, stated, f"{fmt_number(p)} / {fmt_number(w)} = {fmt_computed(c)}%")


def ratio(numerator: object, denominator: object, stated: Printed) -> Result:
    """How many times one figure is another: numerator / denominator ("more than doubled" → > 2)."""
    n, d = to_decimal(numerator), _nonzero(to_decimal(denominator), "the denominator")
    c = n / d
    return _verdict("ratio", c, stated, f"{fmt_number(n)} / {fmt_number(d)} = {fmt_computed(c)} times")


def total(parts: Sequence[object], stated: Printed) -> Result:
    """Parts add up to the printed total: sum(parts), judged against the total as printed (exact unless worded)."""
    values = [to_decimal(p) for p in parts]
    if not values:
        raise RuleError("a sum needs at least one part")
    c = sum(values, Decimal(0))
    formula = f"{' + '.join(fmt_number(v) for v in values)} = {fmt_count(c)}"
    return _verdict("sum", c, stated, formula)


def difference(a: object, b: object, stated: Printed) -> Result:
    """How much larger a is than b: a − b."""
    x, y = to_decimal(a), to_decimal(b)
    c = x - y
    return _verdict("difference", c, stated, f"{fmt_number(x)} {MINUS} {fmt_number(y)} = {fmt_count(c)}")


def rate(count_: object, population: object, stated: Printed, per: object | None = None) -> Result:
    """A rate: count / population × per. `per` defaults to the printed base ("2.77 per 1,000" → 1,000).

    A rate stated as a share ("1 in 1,000", "0.1%") is computed per 100 and judged as a share; a bare number
    ("2.8") is a rate per `per`, which must then be given. A rate printed per a different base than the one
    given is judged as a mismatch, not rescaled: a reader would misread it the same way.
    """
    n, pop = to_decimal(count_), _nonzero(to_decimal(population), "the population")
    if stated.unit == "percent":
        c = n / pop * 100
        formula = f"{fmt_number(n)} / {fmt_number(pop)} × 100 = {fmt_computed(c)}%"
        return _verdict("rate", c, stated, formula)
    if stated.unit == "count":
        if per is None:
            raise RuleError(f'"{stated.text}" is a bare number: give the base of the rate (per 1,000, per 10,000)')
        stated = dataclasses.replace(stated, unit="rate", denominator=float(to_decimal(per)))
    if per is None:
        if stated.denominator is None:
            raise RuleError(f'"{stated.text}" prints no base (per 1,000, per 100,000) and none was given')
        per = stated.denominator
    base = to_decimal(per)
    if base <= 0:
        raise RuleError(f"the base of a rate must be positive, not {fmt_number(base)}")
    c = n / pop * base
    formula = f"{fmt_number(n)} / {fmt_number(pop)} × {fmt_number(base)} = {fmt_computed(c)} per {fmt_number(base)}"
    if stated.unit == "rate" and stated.denominator is not None and to_decimal(stated.denominator) != base:
        printed_base = fmt_number(to_decimal(stated.denominator))
        why = f'printed "{stated.text}" is per {printed_base}, not per {fmt_number(base)}'
        working = f"{formula} · {why} · {INACCURATE}"
        return Result("rate", INACCURATE, c, stated, formula, "unit mismatch", working)
    return _verdict("rate", c, stated, formula)


def restated_unit_problem(value_unit: str | None, stated: Printed, value_base: float | None = None) -> str | None:
    """Why a figure in `value_unit` (a rate's per `value_base`) cannot be restated as `stated`, or None. A figure
    restated in other words keeps its unit: the count 20 is not "one in five", 1,273 not "£1,273", nor 2.77 per
    1,000 "2.77 per 10,000", and judging the numbers alone called each accurate. Per cent
    restated as percentage points (or the reverse) is not a problem but a finding, judged by `count`; so is any
    restatement of a figure whose unit is not known."""
    pct = {"percent", "percentage points"}
    if value_unit == stated.unit == "rate" and None not in (value_base, stated.denominator) \
            and value_base != stated.denominator:
        return (f'stated "{stated.text}" is a rate per {fmt_number(to_decimal(stated.denominator))}, but the figure '
                f"is a rate per {fmt_number(to_decimal(value_base))}: a figure restated in other words keeps its unit")
    if value_unit is None or stated.unit == value_unit or {value_unit, stated.unit} <= pct:
        return None
    return (f'stated "{stated.text}" is {_UNIT_WORDS.get(stated.unit, stated.unit)}, but the figure is '
            f"{_UNIT_WORDS.get(value_unit, value_unit)}: a figure restated in other words keeps its unit")


#: Kinds whose inputs are one kind of number: a rise from £5m to 9,000, a share of 200 that is 56%, or a ratio of a
#: percentage to a count was judged by its numbers alone, and `verify share --part 56% --whole 200` said accurate.
SAME_UNIT_KINDS = ("percent_change", "point_change", "difference", "share", "ratio", "sum")
#: A rate's count and population are counts ("per" is a number, not a figure).
RATE_INPUTS_UNIT = "count"


def inputs_unit_problem(kind: str, units: dict[str, str]) -> str | None:
    """Why inputs of these kinds of number (role → unit, as `tables.comparability.unit_kind` names it) cannot be
    computed together by a claim of this kind, or None."""
    if kind == "rate":
        wrong = [f"{role} is {_UNIT_WORDS.get(u, u)}" for role, u in units.items()
                 if role in ("count", "population") and u != RATE_INPUTS_UNIT]
        return f"a rate divides a count by a population, both counts ({'; '.join(wrong)})" if wrong else None
    if kind == "point_change":  # a change between two percentages: two counts have no points between them
        wrong = [f"{role} is {_UNIT_WORDS.get(u, u)}" for role, u in units.items() if u != "percent"]
        return f"a change in percentage points is between two percentages ({'; '.join(wrong)})" if wrong else None
    if kind in SAME_UNIT_KINDS and len(set(units.values())) > 1:
        listed = "; ".join(f"{role} is {_UNIT_WORDS.get(u, u)}" for role, u in units.items())
        return f"its inputs are different kinds of number ({listed}): {KIND_WORDS.get(kind, kind)} needs one kind"
    return None


def count(value: object, stated: Printed, value_unit: str | None = None, value_base: float | None = None) -> Result:
    """A figure restated in other words ("more than 1,200" for 1,273; "more than half" for 56 per cent).

    `value_unit` is the unit the figure was printed in (as parse_printed names it); per cent restated as
    percentage points (or the reverse) is a mismatch, and any other change of unit cannot be judged (RuleError).
    """
    problem = restated_unit_problem(value_unit, stated, value_base)
    if problem:
        raise RuleError(problem)
    v = to_decimal(value)
    formula = f"figure = {fmt_count(v)}"
    pct = {"percent", "percentage points"}
    if value_unit in pct and stated.unit in pct and value_unit != stated.unit:
        why = f"is in {stated.unit}, but the figure is in {value_unit}"
        working = f'{formula} · printed "{stated.text}" {why} · {INACCURATE}'
        return Result("count", INACCURATE, v, stated, formula, "unit mismatch", working)
    return _verdict("count", v, stated, formula)
