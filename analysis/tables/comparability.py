"""Whether two figures may be compared as one series: the one rule every chart and every verdict follows.

A chart that refuses to compare two years while the fact-check confirms "a 6% increase" between them tells the
reader two different things. So both ask here. Two figures are one series when they count the same thing (the
record's `measure`, its single classification of a definition), for the same place, in the same kind of unit (a
count, a percentage, a rate on the same base, an amount of money). The noun an outlet prints with a count ("crimes",
"offences", "cases") is its wording, not a different definition: the measure says what is counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.record.printed import PrintedFigureError, parse_printed

__all__ = ["comparability", "unit_kind"]


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
