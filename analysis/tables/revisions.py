"""Revisions as a table, the latest vintage for the domain tables, and the rule that a series never mixes things.

`revisions.csv` has one row per replaced figure with both values and dates, so a reader sees what changed and
when. Domain tables take the latest vintage of an estimate (a figure no later figure replaces) and say so in
`vintage`; a revised first estimate is never silently mixed with revised neighbours.

A series (one measure in a domain table) must hold one unit and one kind of period: a yearly count, a
point-in-time stock and a multi-year total are different measures even when they count the same thing, and so
are "1,200 offences" and 922 crimes. `check_series` stops the build, naming the figures, when they are mixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from analysis.record import schema
from analysis.record.printed import PrintedFigureError, parse_printed
from analysis.record.problems import Problem, ValidationError
from analysis.record.vocabulary import CANONICAL, join_list
from analysis.tables.comparability import unit_kind
from analysis.tables.copies import choose_copy

Rows = list[dict[str, Any]]

__all__ = ["bounds", "revisions_table", "period_kind", "check_series", "latest_vintage"]


def bounds(figure: Mapping[str, Any]) -> tuple[Decimal, Decimal] | None:
    """Every value a printed figure could stand for: "61.1 million" is 61.05 to 61.15 million, "almost 610,000"
    579,500 to 610,000, a count printed to the unit is itself; None for an open bound ("more than") or words."""
    try:
        printed = parse_printed(str(figure.get("value_as_printed") or ""))
    except PrintedFigureError:
        return None
    if printed.value is None or printed.step is None:
        return None
    value, step = Decimal(repr(printed.value)), Decimal(repr(printed.step))
    rule = CANONICAL.get(printed.qualifier)
    if rule is None:
        return None
    if rule.direction == "exact":
        half = Decimal(0) if step == 1 and printed.unit == "count" else step / 2
        return value - half, value + half
    if rule.band is None:
        return None
    band = abs(value) * rule.band
    low = value - band if rule.direction in ("upper", "about") else value
    return low, (value + band if rule.direction in ("lower", "about") else value)


def _change(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, float | None]:
    """new − old: exact only between figures printed to the unit; otherwise the range their printings allow."""
    a, b = bounds(old), bounds(new)
    if a is None or b is None:
        return {"change": None, "change_low": None, "change_high": None}
    low, high = b[0] - a[1], b[1] - a[0]
    return {"change": float(low) if low == high else None, "change_low": float(low), "change_high": float(high)}


def revisions_table(links: list[dict[str, Any]], figures: Rows) -> Rows:
    """One row per revision of an estimate by a producer's edition, not per copy: the links between copies of the
    same old and new figure (four news copies of ONS's first mid-2023 estimate, all revised by the mid-2024 release)
    are one row, the copies to use chosen by `choose_copy` and the others listed beside them."""
    by_id = {f["figure_id"]: f for f in figures}
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for link in links:
        older, newer = by_id[link["old"]], by_id[link["new"]]
        key = (newer["measure"], newer["geography"], newer["period_start"], newer["period_end"], link["how"],
               newer.get("value"), older.get("value"))
        groups.setdefault(key, []).append(link)
    rows = []
    for group in groups.values():
        old, old_copies = choose_copy([by_id[link["old"]] for link in group])
        new, new_copies = choose_copy([by_id[link["new"]] for link in group])
        rows.append({
            "old_figure_id": old["figure_id"], "new_figure_id": new["figure_id"], "how": group[0]["how"],
            "measure": new["measure"], "geography": new["geography"], "period_start": new["period_start"],
            "period_end": new["period_end"], "old_value_as_printed": old["value_as_printed"],
            "old_value": old.get("value"), "old_published": old.get("published"),
            "new_value_as_printed": new["value_as_printed"], "new_value": new.get("value"),
            "new_published": new.get("published"), **_change(old, new),
            "old_copies": join_list(sorted({f["figure_id"] for f in old_copies})),
            "new_copies": join_list(sorted({f["figure_id"] for f in new_copies})),
            "note": group[0]["note"],
        })
    rows.sort(key=lambda r: (r["measure"], r["geography"], r["period_end"], r["old_figure_id"], r["new_figure_id"]))
    return [{f.name: row.get(f.name) for f in schema.REVISIONS} for row in rows]


def latest_vintage(group: Rows, revised: set[str], replacing: frozenset[str] | set[str] = frozenset()
                   ) -> tuple[Rows, str]:
    """The figures of one estimate that no later figure replaces, and the vintage they are.

    Once a revision is in the record, a copy of the first estimate that nobody linked is not the latest either:
    only figures published on or after the earliest replacement in the group (`replacing`: the figures that revise
    another) count. A copy printed between the first estimate and its revision still prints the first estimate.
    Without a replacement in the group, the figures published after every replaced one count.
    """
    latest = [f for f in group if f["figure_id"] not in revised]
    if len(latest) == len(group):
        return group, "first published"
    new = [str(f.get("published") or "") for f in latest if f["figure_id"] in replacing]
    if new:
        since = min(new)
        latest = [f for f in latest if str(f.get("published") or "") >= since]
    else:
        since = max(str(f.get("published") or "") for f in group if f["figure_id"] in revised)
        latest = [f for f in latest if str(f.get("published") or "") > since] or latest
    return latest or group, "revised"


def period_kind(start: str, end: str) -> str:
    """calendar year, financial year, point in time, or other span: what a figure's period is."""
    if start == end:
        return "point in time"
    if start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]:
        return "calendar year"
    if start.endswith("-04-01") and end.endswith("-03-31") and int(end[:4]) == int(start[:4]) + 1:
        return "financial year"
    return "other span"


def check_series(table: str, rows: Rows, key: str = "measure") -> None:
    """Raise ValidationError when one series (rows sharing `key`) mixes kinds of number or kinds of period.

    The kind of number (a count, a percentage, a rate on one base) is `comparability.unit_kind`, the rule charts
    and verdicts share; the noun an outlet prints with a count ("crimes", "offences") is wording, not a unit."""
    problems = []
    series: dict[str, Rows] = {}
    for row in rows:
        series.setdefault(row[key], []).append(row)
    for name, members in sorted(series.items()):
        for what, of in (("kinds of number", unit_kind),
                         ("kinds of period", lambda r: period_kind(r["period_start"], r["period_end"]))):
            found: dict[str, list[str]] = {}
            for row in members:
                found.setdefault(of(row), []).append(row["figure_id"])
            if len(found) > 1:
                detail = "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(found.items()))
                problems.append(Problem(f"{table} table", f"measure={name}",
                                        f"one series mixes {what} ({detail}); give the odd figures their own "
                                        "measure in data/raw/figures"))
    if problems:
        raise ValidationError(problems)
