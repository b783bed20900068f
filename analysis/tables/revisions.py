"""Revisions as a table, the latest vintage for the domain tables, and the rule that a series never mixes things.

`revisions.csv` has one row per replaced figure with both values and dates, so a reader sees what changed and
when. Domain tables take the latest vintage of an estimate (a figure no later figure replaces) and say so in
`vintage`; a revised first estimate is never silently mixed with revised neighbours.

A series (one measure in a domain table) must hold one unit and one kind of period: a yearly count, a
point-in-time stock and a multi-year total are different measures even when they count the same thing, and so
are "1,200 offences" and 922 crimes. `check_series` stops the build, naming the figures, when they are mixed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from analysis.record import schema
from analysis.record.problems import Problem, ValidationError
from analysis.tables.comparability import unit_kind

Rows = list[dict[str, Any]]

__all__ = ["revisions_table", "period_kind", "check_series", "latest_vintage"]


def revisions_table(links: list[dict[str, Any]], figures: Rows) -> Rows:
    """One row per link, oldest period first; the change is new − old, exactly (Decimal), where both have values."""
    by_id = {f["figure_id"]: f for f in figures}
    rows = []
    for link in links:
        old, new = by_id[link["old"]], by_id[link["new"]]
        change = None
        if old.get("value") is not None and new.get("value") is not None:
            change = float(Decimal(repr(new["value"])) - Decimal(repr(old["value"])))
        rows.append({
            "old_figure_id": old["figure_id"], "new_figure_id": new["figure_id"], "how": link["how"],
            "measure": new["measure"], "geography": new["geography"], "period_start": new["period_start"],
            "period_end": new["period_end"], "old_value_as_printed": old["value_as_printed"],
            "old_value": old.get("value"), "old_published": old.get("published"),
            "new_value_as_printed": new["value_as_printed"], "new_value": new.get("value"),
            "new_published": new.get("published"), "change": change, "note": link["note"],
        })
    rows.sort(key=lambda r: (r["measure"], r["geography"], r["period_end"], r["old_figure_id"], r["new_figure_id"]))
    return [{f.name: row.get(f.name) for f in schema.REVISIONS} for row in rows]


def latest_vintage(group: Rows, revised: set[str]) -> tuple[Rows, str]:
    """The figures of one estimate that no later figure replaces, and the vintage they are.

    Once a revision is in the record, a copy of the first estimate that nobody linked is not the latest either:
    only figures published on or after the earliest replaced figure's replacement count.
    """
    latest = [f for f in group if f["figure_id"] not in revised]
    if len(latest) == len(group):
        return group, "first published"
    replaced = [f for f in group if f["figure_id"] in revised]
    since = max(str(f.get("published") or "") for f in replaced)
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
