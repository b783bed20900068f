"""Whether two figures may be compared as one series: the one rule every chart and every verdict follows.

A chart that refuses to compare two years while the fact-check confirms "a 6% increase" between them tells the
reader two different things. So both ask here. Two figures are one series when they count the same thing (the
record's `measure`, its single classification of a definition), for the same place, in the same kind of unit (a
count, a percentage, a rate on the same base, an amount of money). The noun an outlet prints with a count ("crimes",
"offences", "cases") is its wording, not a different definition: the measure says what is counted.

A share is another comparison: a part divided by its whole. Both are one kind of number, and the part is counted in
the whole's place, or is the same thing counted in a place inside it (London's population as a share of the UK's,
as the ONS and the news print it). Charts and verdicts ask `share_problem`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from analysis.record.printed import PrintedFigureError, parse_printed

__all__ = ["WITHIN", "comparability", "share_problem", "unit_kind"]

#: Each place the record's figures cover and the larger places it lies within (a place lies within itself too).
WITHIN: dict[str, frozenset[str]] = {
    "London": frozenset({"England", "England and Wales", "United Kingdom"}),
    "England": frozenset({"England and Wales", "United Kingdom"}),
    "England and Wales": frozenset({"United Kingdom"}),
}


def unit_kind(row: Mapping[str, Any]) -> str:
    """'count', 'percent', 'percentage points', 'GBP', 'times' or 'rate per N' for a figure row, from its printing
    (a figure's unit column names what is counted; this is the kind of number it is)."""
    try:
        printed = parse_printed(str(row.get("value_as_printed") or ""))
    except PrintedFigureError:
        return "unreadable"
    if printed.unit == "rate":
        return f"rate per {printed.denominator:g}"
    if str(row.get("unit", "")).startswith("per "):
        return f"rate {row['unit']}"
    return printed.unit


def comparability(a: Mapping[str, Any], b: Mapping[str, Any]) -> str | None:
    """Why `a` and `b` cannot be compared as one series (a sentence), or None when they can."""
    if a.get("measure") != b.get("measure"):
        return f"different definitions ({a.get('measure')} and {b.get('measure')})"
    if a.get("geography") != b.get("geography"):
        return f"different places ({a.get('geography')} and {b.get('geography')})"
    kind_a, kind_b = unit_kind(a), unit_kind(b)
    if kind_a != kind_b:
        return f"different kinds of number ({kind_a} and {kind_b})"
    return None


def share_problem(part: Mapping[str, Any], whole: Mapping[str, Any]) -> str | None:
    """Why `part` divided by `whole` is not a share (a sentence), or None when it is. A part from a smaller place
    must count what the whole counts: London's cases over England and Wales's population is no share of anything."""
    kind_part, kind_whole = unit_kind(part), unit_kind(whole)
    if kind_part != kind_whole:
        return f"different kinds of number ({kind_part} and {kind_whole})"
    if (when := _other_period(part, whole)) is not None:
        return when
    place, whole_place = part.get("geography"), whole.get("geography")
    if place == whole_place:
        return None
    if whole_place not in WITHIN.get(str(place), frozenset()):
        return f"a part from outside its whole's place ({place} of {whole_place})"
    if part.get("measure") != whole.get("measure"):
        return (f"a part from a smaller place counting something else ({part.get('measure')} in {place}, "
                f"{whole.get('measure')} in {whole_place})")
    return None


#: How far apart two points in time may be and still be one moment: copies of one report, each dated by its own day
#: (an embargoed story the evening before, the force's response the day after).
ONE_MOMENT = dt.timedelta(days=7)


def _span(row: Mapping[str, Any]) -> tuple[dt.date, dt.date] | None:
    try:
        return (dt.date.fromisoformat(str(row.get("period_start"))[:10]),
                dt.date.fromisoformat(str(row.get("period_end"))[:10]))
    except ValueError:
        return None


def _other_period(part: Mapping[str, Any], whole: Mapping[str, Any]) -> str | None:
    """Why the part is not counted in its whole's period (a sentence), or None. A claim's part read from another
    inspection than its whole (PA's "A review of 374 cases found 278, or three quarters" with its part given as the
    2018 inspection's 191) was judged on 191 of 374, "inaccurate", a verdict on a sentence that prints neither the
    191 nor its year: a part and its whole are counted over one period."""
    a, b = _span(part), _span(whole)
    if a is None or b is None or (a[0] - ONE_MOMENT <= b[1] and b[0] - ONE_MOMENT <= a[1]):
        return None
    return f"a part from another period than its whole ({a[0]} to {a[1]}, of {b[0]} to {b[1]})"
