"""Evaluate every registered claim with the rule book: the rows of `data/processed/claims.csv`.

Each claim's inputs are resolved to figures (a marker or a gap leaves it unchecked, pointing at the gap record),
the claim's kind picks the rule, and the row carries the verdict, the rule and the working. Imports no pandas.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from analysis.factcheck import rules
from analysis.factcheck.exact import exact_context, exact_value
from analysis.factcheck.forms import computed_text, restated
from analysis.factcheck.ranged import input_range, judged_on_ranges, printed_range
from analysis.factcheck.registry import input_refs, may_omit, parse_or_none, rounded_inputs, stated_text
from analysis.factcheck.vintages import Vintages
from analysis.record.figures import normalise_for_match
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.record.vocabulary import is_approximate, join_list, join_steps, rounded_range

Figures = dict[str, dict[str, Any]]

__all__ = ["evaluate_claims"]



def evaluate_claims(
    claims: list[dict[str, Any]], figures: dict[str, dict[str, Any]], gaps: dict[str, dict[str, Any]],
    revisions: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
    sources: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, str]]:
    """Rows of claims.csv, one per claim, sorted by claim id; every value a string, nothing depending on time.

    With `revisions` (links from analysis.record.revisions) and `sources`, each claim is judged against the
    vintage of every input published on its source's date, and the working says when a later revision would
    change the verdict (figures must then carry `published`, as the figures table does).
    """
    vintages = Vintages(list(revisions), figures) if revisions else None
    with exact_context():
        rows = [_row(claim, _judged(claim, figures, gaps, vintages, sources or {}), figures, gaps)
                for claim in claims]
    return sorted(rows, key=lambda r: r["claim_id"])


def _substitute(claim: dict[str, Any], pick: Callable[[str], str]) -> dict[str, Any]:
    """The claim with every figure input replaced by `pick(figure id)` (the rate base `per` is not a figure)."""
    inputs = {}
    for role, ref in claim.get("inputs", {}).items():
        if role == "per" or ref is None:
            inputs[role] = ref
        elif isinstance(ref, list):
            inputs[role] = [pick(r) if isinstance(r, str) else r for r in ref]
        else:
            inputs[role] = pick(ref)
    return {**claim, "inputs": inputs}


def _judged(claim: dict[str, Any], figures: Figures, gaps: dict[str, Any], vintages: Vintages | None,
            sources: dict[str, dict[str, Any]]) -> rules.Result:
    """The verdict by the figures published when the claim was made, noting a later revision that changes it."""
    if vintages is None:
        return _evaluate(claim, figures, gaps)
    source = sources.get(claim.get("source_id", ""), {})
    date = str(source.get("date_published") or "")
    then = _substitute(claim, lambda ref: vintages.at(ref, date))
    result = _evaluate(then, figures, gaps)
    if source.get("date_approximate") and any(vintages.revised(ref) for _, ref in input_refs(claim) if ref):
        result = result.with_note(f"the claim's date ({date}) is approximate (not printed on the document), and an "
                                  "input was revised: the vintage judged rests on that date")
    named, used = dict(input_refs(claim)), dict(input_refs(then))
    for role, ref in named.items():
        if ref and used.get(role) != ref:
            result = result.with_note(f"{role} judged as published on the claim's date ({date}): "
                                      f"{vintages.describe(used[role] or '')}, not the later {ref}")
    latest = _substitute(then, vintages.latest)
    changed = [(role, ref, dict(input_refs(latest)).get(role)) for role, ref in input_refs(then)
               if ref and dict(input_refs(latest)).get(role) != ref]
    if not changed:
        return result
    later = _evaluate(latest, figures, gaps)
    if later.verdict in rules.UNCHECKED and result.verdict in rules.UNCHECKED:
        return result
    revised = "; ".join(f"{role} revised to {vintages.describe(new or '')}" for role, _, new in changed)
    if later.verdict != result.verdict:
        now = f" (recomputed {computed_text(later)})" if later.computed is not None else ""
        return result.with_note(f"a later revision would change the verdict to {later.verdict}{now}: {revised}")
    return result.with_note(f"a later revision does not change the verdict: {revised}")


def _row(claim: dict[str, Any], result: rules.Result, figures: Figures, gaps: dict[str, Any]) -> dict[str, str]:
    ids = [ref for _, ref in input_refs(claim) if isinstance(ref, str) and not _is_gap(ref, figures, gaps)]
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
        "inputs": join_list(ids),
        "rounded_inputs": join_steps(rounded_inputs(claim)),
        "computed": computed_text(result) if result.computed is not None else "",
        "verdict": result.verdict,
        "rule": result.rule,
        "working": result.working,
        "gaps": join_list(_all_gaps(claim, figures, gaps)),
        "note": claim.get("note", ""),
        "corrections": join_list(claim.get("corrections", [])),
    }


def _figure_value(figure: dict[str, Any]) -> Decimal | None:
    """A figure's value as a Decimal, None for a marker (also when read back from CSV: '' or NaN).

    Taken from the printed digits where they give the value, as the rules say and `verify` does: the record's
    float for "8.3 million" is 8,300,000.000000001, so the claim was worked on a value no one printed, and the range
    it stands for read "8,250,000 to 8,350,000" where `verify` (and the rule for a rounded count) gives 8,349,999."""
    value = figure.get("value")
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    printed = parse_or_none(str(figure.get("value_as_printed") or ""))
    exact = exact_value(printed) if printed is not None else None
    if exact is not None and math.isclose(float(exact), float(value), rel_tol=1e-12, abs_tol=0.0):
        return exact
    return rules.to_decimal(value)


def _is_gap(ref: str, figures: Figures, gaps: dict[str, Any]) -> bool:
    """An input may name the gap record of a figure looked for and not found (or not yet transcribed) instead of a
    figure."""
    return ref not in figures and ref in gaps


def _all_gaps(claim: dict[str, Any], figures: Figures, gaps: dict[str, Any]) -> list[str]:
    """The claim's listed gaps, then any gap named directly as an input, each once."""
    named = [ref for _, ref in input_refs(claim) if isinstance(ref, str) and _is_gap(ref, figures, gaps)]
    return list(dict.fromkeys([*claim.get("gaps", []), *named]))


def _gap_pointer(claim: dict[str, Any], figures: Figures, gaps: dict[str, dict[str, Any]]) -> str:
    notes = []
    for gid in _all_gaps(claim, figures, gaps):
        gap = gaps.get(gid) or {}
        wanted = str(gap.get("wanted", "")).strip()
        where = str(gap.get("published_in") or "").strip()
        notes.append(f"gap {gid}" + (f" ({wanted})" if wanted else "") + (f", published in {where}" if where else ""))
    return f"; see {', '.join(notes)}" if notes else ""


def _evaluate(claim: dict[str, Any], figures: Figures, gaps: dict[str, dict[str, Any]]) -> rules.Result:
    """One claim → its Result. Anything that stops the arithmetic gives a "cannot be checked" verdict saying why."""
    kind = claim.get("kind", "")
    if kind not in rules.ROLES:
        return rules.unchecked(kind, f"unknown kind '{kind}'", verdict=rules.CANNOT_CHECK)
    text = stated_text(claim, figures)
    try:
        stated = parse_printed(text)
    except PrintedFigureError as err:
        return rules.unchecked(kind, f"cannot read the stated value ({err})", verdict=rules.CANNOT_CHECK)
    if stated.value is None:
        return rules.unchecked(kind, f'the stated value "{text}" is a marker, not a claim', stated,
                                  verdict=rules.CANNOT_CHECK)
    values, missing = _resolve(claim, figures, gaps)
    if missing:
        return rules.unchecked(kind, "; ".join(missing) + _gap_pointer(claim, figures, gaps), stated,
                                  verdict=_missing_verdict(claim, figures, gaps))
    sums = {role: parts for role, parts in values.items() if isinstance(parts, list) and role != "parts"}
    for role, parts in sums.items():
        values[role] = sum(parts, Decimal(0))
    try:
        result = _apply(claim, values, stated, figures)
        for role, parts in sums.items():
            result = _with_sum(result, role, parts, values[role])
    except rules.RuleError as err:
        return rules.unchecked(kind, str(err) + _gap_pointer(claim, figures, gaps), stated,
                                  verdict=rules.CANNOT_CHECK)
    ranges = _input_ranges(claim, values, figures)
    for role, ref in input_refs(claim):
        figure = figures.get(ref or "") or {}
        if is_approximate(figure.get("qualifier")) and role not in ranges:
            result = result.with_note(f'note: {role} ({ref}) is printed "{figure.get("value_as_printed")}", '
                                      "so the result is approximate")
    return _judged_on_ranges(claim, values, ranges, stated, figures, result) if ranges else result


def _input_ranges(claim: dict[str, Any], values: dict[str, Any],
                  figures: Figures) -> dict[str, tuple[Decimal, Decimal]]:
    """Every value a rounded, approximate or bounded input could stand for: `rounded: {to: 100}` makes "1,200" 1,150
    to 1,249 (a count) or 1,150 to 1,250; an input printed "about X" is X ± the rule book's tolerance, one printed
    "more than X" any value above X, one printed with a scale word ("1.2 million") every value that rounds to it
    (`ranged.input_range`)."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for role, step_text in (claim.get("rounded") or {}).items():
        x = values.get(role)
        if isinstance(x, Decimal):
            out[role] = rounded_range(x, Decimal(step_text))
    for role, ref in input_refs(claim):
        figure = figures.get(ref or "") or {}
        x = values.get(role)
        printed = parse_or_none(str(figure.get("value_as_printed") or ""))
        about = None if not isinstance(x, Decimal) else input_range(printed, x) if printed is not None \
            else printed_range(str(figure.get("qualifier") or ""), x)
        if role not in out and about:
            out[role] = about
    return out


def _judged_on_ranges(claim: dict[str, Any], values: dict[str, Any], ranges: dict[str, tuple[Decimal, Decimal]],
                      stated: Printed, figures: Figures, printed: rules.Result) -> rules.Result:
    """The claim judged across every value its rounded inputs could stand for (`ranged.judged_on_ranges`)."""
    return judged_on_ranges(lambda v: _apply(claim, v, stated, figures), values, ranges, stated, printed)


def _missing_verdict(claim: dict[str, Any], figures: Figures, gaps: dict[str, dict[str, Any]]) -> str:
    """"Not yet in this record" when every missing input is a figure its producer publishes (its gap names the
    publication); otherwise "cannot be checked: not found": the record knows where it looked, not that a figure was
    never published anywhere. A suppressed value ([c]) is not found either: its producer withheld it."""
    used = [figures[ref] for _, ref in input_refs(claim) if isinstance(ref, str) and ref in figures]
    if any(_figure_value(figure) is None for figure in used):
        return rules.NOT_FOUND
    needed = _all_gaps(claim, figures, gaps)
    if needed and all(str((gaps.get(gid) or {}).get("published_in") or "").strip() for gid in needed):
        return rules.NOT_IN_RECORD
    return rules.NOT_FOUND


def _resolve(claim: dict[str, Any], figures: Figures, gaps: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Input values by role (parts as a list), and a reason for every input that has no value."""
    values: dict[str, Any] = {}
    missing: list[str] = []
    absent = [role for role, ref in input_refs(claim)
                   if (ref is None and not may_omit(claim, role, figures)) or (ref and _is_gap(ref, figures, gaps))]
    if absent:
        verb = "was" if len(absent) == 1 else "were"
        if _missing_verdict(claim, figures, gaps) == rules.NOT_IN_RECORD:
            missing.append(f"{' and '.join(absent)} {verb} published but not yet transcribed")
        else:
            missing.append(f"{' and '.join(absent)} {verb} {rules.NOT_FOUND_WHERE}")
    for role, ref in input_refs(claim):
        figure = figures.get(ref) if isinstance(ref, str) else None
        if ref is None or _is_gap(ref, figures, gaps):
            continue
        elif figure is None:
            missing.append(f"{role}: figure '{ref}' is not in the figures")
        elif _figure_value(figure) is None:
            printed = str(figure.get("value_as_printed", ""))
            missing.append(f'{role} ({ref}) is printed "{printed}" ({rules.marker_meaning(printed.strip())})')
        elif "[" in role:  # parts[1] of a sum claim, or part[1] of a share of a published sum
            values.setdefault(role.split("[")[0], []).append(_figure_value(figure))
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
        if whole is None:  # omitted only where the part is printed "N out of M" (`registry.may_omit`)
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
    figure = figures[inputs["figure"]]
    printed = parse_or_none(str(figure.get("value_as_printed", "")))
    unit = printed.unit if printed else None
    # A rate ("330.3" under "per 10,000 children", or "2.77 per 1,000") has its base: "around 1 in every 30".
    is_rate = str(figure.get("unit", "")).startswith("per ") or unit == "rate"
    return restated(v["figure"], unit, figure.get("denominator") if is_rate else None, stated)


def _with_sum(result: rules.Result, role: str, parts: list[Decimal], total: Decimal) -> rules.Result:
    """The working opens with the published figures an input adds up: "part = 64 + 61 = 125"."""
    added = " + ".join(rules.fmt_number(p) for p in parts)
    text = f"{role} = {added} = {rules.fmt_number(total)} (a sum of published figures)"
    return dataclasses.replace(result, formula=f"{text} · {result.formula}", working=f"{text} · {result.working}")
