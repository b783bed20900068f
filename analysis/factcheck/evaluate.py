"""Evaluate every registered claim with the rule book: the rows of `data/processed/claims.csv`.

Each claim's inputs are resolved to figures (a marker or a gap makes it unverifiable, pointing at the gap record),
the claim's kind picks the rule, and the row carries the verdict, the rule and the working. Imports no pandas.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from analysis.factcheck import rules
from analysis.factcheck.registry import _may_omit, _parse_or_none, _refs, stated_text
from analysis.record.figures import normalise_for_match
from analysis.record.printed import Printed, PrintedFigureError, parse_printed

Figures = dict[str, dict[str, Any]]

__all__ = ["evaluate_claims"]



def evaluate_claims(
    claims: list[dict[str, Any]], figures: dict[str, dict[str, Any]], gaps: dict[str, dict[str, Any]]
) -> list[dict[str, str]]:
    """Rows of claims.csv, one per claim, sorted by claim id; every value a string, nothing depending on time."""
    rows = [_row(claim, _evaluate(claim, figures, gaps), figures, gaps) for claim in claims]
    return sorted(rows, key=lambda r: r["claim_id"])


def _row(claim: dict[str, Any], result: rules.Result, figures: Figures, gaps: dict[str, Any]) -> dict[str, str]:
    ids = [ref for _, ref in _refs(claim) if isinstance(ref, str) and not _is_gap(ref, figures, gaps)]
    return {
        "claim_id": claim.get("id", ""),
        "claimant": claim.get("claimant", ""),
        "claimant_type": claim.get("claimant_type") or "organisation",
        "source_id": claim.get("source_id", ""),
        "location": claim.get("location", ""),
        "text": claim.get("text", ""),
        "stated": stated_text(claim, figures),
        "stated_figure": claim.get("stated_figure", ""),
        "kind": claim.get("kind", ""),
        "inputs": ";".join(ids),
        "computed": rules.fmt_2dp(result.computed) if result.computed is not None else "",
        "verdict": result.verdict,
        "rule": result.rule,
        "working": result.working,
        "gaps": ";".join(_all_gaps(claim, figures, gaps)),
        "note": claim.get("note", ""),
    }


def _figure_value(figure: dict[str, Any]) -> Decimal | None:
    """A figure's value as a Decimal, None for a marker (also when read back from CSV: '' or NaN)."""
    value = figure.get("value")
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    return rules.to_decimal(value)


def _is_gap(ref: str, figures: Figures, gaps: dict[str, Any]) -> bool:
    """An input may name the gap record of a figure that was never published instead of a figure."""
    return ref not in figures and ref in gaps


def _all_gaps(claim: dict[str, Any], figures: Figures, gaps: dict[str, Any]) -> list[str]:
    """The claim's listed gaps, then any gap named directly as an input, each once."""
    named = [ref for _, ref in _refs(claim) if isinstance(ref, str) and _is_gap(ref, figures, gaps)]
    return list(dict.fromkeys([*claim.get("gaps", []), *named]))


def _gap_pointer(claim: dict[str, Any], figures: Figures, gaps: dict[str, dict[str, Any]]) -> str:
    notes = []
    for gid in _all_gaps(claim, figures, gaps):
        wanted = str((gaps.get(gid) or {}).get("wanted", "")).strip()
        notes.append(f"gap {gid}" + (f" ({wanted})" if wanted else ""))
    return f"; see {', '.join(notes)}" if notes else ""


def _evaluate(claim: dict[str, Any], figures: Figures, gaps: dict[str, dict[str, Any]]) -> rules.Result:
    """One claim → its Result. Anything that stops the arithmetic gives an unverifiable verdict saying why."""
    kind = claim.get("kind", "")
    if kind not in rules.ROLES:
        return rules.unverifiable(kind, f"unknown kind '{kind}'")
    text = stated_text(claim, figures)
    try:
        stated = parse_printed(text)
    except PrintedFigureError as err:
        return rules.unverifiable(kind, f"cannot read the stated value ({err})")
    if stated.value is None:
        return rules.unverifiable(kind, f'the stated value "{text}" is a marker, not a claim', stated)
    values, missing = _resolve(claim, figures, gaps)
    if missing:
        return rules.unverifiable(kind, "; ".join(missing) + _gap_pointer(claim, figures, gaps), stated)
    try:
        result = _apply(claim, values, stated, figures)
    except rules.RuleError as err:
        return rules.unverifiable(kind, str(err) + _gap_pointer(claim, figures, gaps), stated)
    for role, ref in _refs(claim):
        figure = figures.get(ref or "") or {}
        if figure.get("qualifier") not in (None, "", "exact", "unavailable"):
            result = result.with_note(f'note: {role} ({ref}) is printed "{figure.get("value_as_printed")}", '
                                      "so the result is approximate")
    return result


def _resolve(claim: dict[str, Any], figures: Figures, gaps: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Input values by role (parts as a list), and a reason for every input that has no value."""
    values: dict[str, Any] = {}
    missing: list[str] = []
    unpublished = [role for role, ref in _refs(claim)
                   if (ref is None and not _may_omit(claim, role, figures)) or (ref and _is_gap(ref, figures, gaps))]
    if unpublished:
        verb = "was" if len(unpublished) == 1 else "were"
        missing.append(f"{' and '.join(unpublished)} {verb} not published")
    for role, ref in _refs(claim):
        figure = figures.get(ref) if isinstance(ref, str) else None
        if ref is None or _is_gap(ref, figures, gaps):
            continue
        elif figure is None:
            missing.append(f"{role}: figure '{ref}' is not in the figures")
        elif _figure_value(figure) is None:
            printed = str(figure.get("value_as_printed", ""))
            missing.append(f'{role} ({ref}) is printed "{printed}" ({rules.marker_meaning(printed.strip())})')
        elif role.startswith("parts["):
            values.setdefault("parts", []).append(_figure_value(figure))
        else:
            values[role] = _figure_value(figure)
    return values, missing


def _apply(claim: dict[str, Any], v: dict[str, Any], stated: Printed, figures: Figures) -> rules.Result:
    kind, inputs = claim["kind"], claim.get("inputs", {})
    direction = claim.get("direction") or "rise"
    if kind == "percent_change":
        return rules.percent_change(v["from"], v["to"], stated, direction)
    if kind == "point_change":
        return rules.point_change(v["from"], v["to"], stated, direction)
    if kind == "share":
        whole = v.get("whole")
        if whole is None:
            whole = figures[inputs["part"]]["denominator"]
        return rules.share(v["part"], whole, stated)
    if kind == "ratio":
        return rules.ratio(v["numerator"], v["denominator"], stated)
    if kind == "sum":
        result = rules.total(v["parts"], stated)
        total_printed = str(figures[inputs["total"]].get("value_as_printed", ""))
        if normalise_for_match(total_printed) != normalise_for_match(stated.text):
            result = result.with_note(f'the total figure is printed "{total_printed}"')
        return result
    if kind == "difference":
        return rules.difference(v["a"], v["b"], stated)
    if kind == "rate":
        return rules.rate(v["count"], v["population"], stated, inputs.get("per"))
    unit = _parse_or_none(str(figures[inputs["figure"]].get("value_as_printed", "")))
    return rules.count(v["figure"], stated, unit.unit if unit else None)
