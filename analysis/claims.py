"""The claims registry, `data/raw/claims.yaml`: derived claims, checked against the figures they rest on.

A claim is something a named person or outlet printed that can be recomputed from published figures ("a 56 per
cent increase", "almost three-quarters of cases"). The registry says who said it, where, in which words, which
figures it rests on and, where those figures were never published, which gap record says so. The schema is
documented in docs/factcheck.md.

Loading and checking record problems (`file:id=<claim id>: message`) so that a transcriber sees every mistake in
one run; evaluating applies `analysis.rules` and returns the rows of `data/processed/claims.csv`.

Imports no pandas: the build may call this before any table is made, and tests run it on small dicts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from analysis import rules
from analysis.figures import contains_printed, normalise_for_match
from analysis.paths import Paths
from analysis.printed import Printed, PrintedFigureError, parse_printed
from analysis.problems import Problems
from analysis.safeguarding import personal_data_in
from analysis.sources import load_yaml_list

Figures = dict[str, dict[str, Any]]

__all__ = ["CLAIMS_COLUMNS", "REQUIRED", "OPTIONAL", "load_claims", "check_claims", "evaluate_claims"]

#: Columns of data/processed/claims.csv, in order.
CLAIMS_COLUMNS: tuple[str, ...] = (
    "claim_id", "claimant", "claimant_type", "source_id", "location", "text", "stated", "stated_figure", "kind",
    "inputs", "computed", "verdict", "rule", "working", "gaps", "note",
)
REQUIRED = ("id", "claimant", "source_id", "location", "text", "kind", "inputs")
OPTIONAL = ("stated", "stated_figure", "gaps", "note", "direction", "claimant_type")
#: A slug, optionally prefixed by the source id like a figure id: `seed-56pc` or `mylondon-2025-10/claim-56pc`.
CLAIM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?$")
MAX_TEXT_WORDS = 30
DIRECTIONS = ("rise", "fall")
CLAIMANT_TYPES = ("organisation", "person")
_DIRECTED_KINDS = ("percent_change", "point_change")
#: Roles that may be left out: rate.per (the printed base is used) and share.whole (when the part is printed
#: "N out of M", the whole is M).
_OPTIONAL_ROLES = {"rate": ("per",), "share": ("whole",)}


# --- loading ---------------------------------------------------------------------------------------------------


def load_claims(paths: Paths, problems: Problems) -> list[dict[str, Any]]:
    """claims.yaml → a list of claim dicts (a missing file means no claims yet).

    Checks each entry on its own (fields present, id a slug, text short and containing the stated value);
    cross-references are `check_claims`'s job. Entries that are not mappings are dropped; the others are kept,
    with their position in `_where`, so that every later problem can point at them.
    """
    if not paths.claims_yaml.exists():
        return []
    name = paths.rel(paths.claims_yaml)
    claims = []
    for index, entry in enumerate(load_yaml_list(paths.claims_yaml, paths, problems), start=1):
        if not isinstance(entry, dict):
            problems.add(name, f"entry {index}", "each entry must be a mapping of field: value")
            continue
        claims.append(_load_entry(entry, index, name, problems))
    return claims


def _text(value: Any) -> str:
    """A scalar YAML value as text ("stated: 135" is read by YAML as a number)."""
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value)


def _load_entry(entry: dict[str, Any], index: int, name: str, problems: Problems) -> dict[str, Any]:
    cid = entry.get("id")
    where = f"id={cid}" if isinstance(cid, str) and cid else f"entry {index}"
    for key in REQUIRED:
        value = entry.get(key)
        if value in (None, [], {}) or (isinstance(value, str) and not value.strip()):  # "   " is as good as absent
            problems.add(name, where, f"missing required field '{key}'")
    for key in entry:
        if key not in REQUIRED and key not in OPTIONAL:
            problems.add(name, where, f"unknown field '{key}' (allowed: {', '.join(REQUIRED + OPTIONAL)})")
    if cid not in (None, "") and not (isinstance(cid, str) and CLAIM_ID_RE.match(cid)):
        problems.add(name, where, "id must be lower-case letters, digits and hyphens (optionally '<source id>/…')")
    claim: dict[str, Any] = {key: _text(entry.get(key)) for key in REQUIRED + OPTIONAL if key not in ("inputs", "gaps")}
    claim["inputs"] = _load_inputs(entry.get("inputs"), name, where, problems)
    claim["gaps"] = _load_gaps(entry.get("gaps"), name, where, problems)
    claim["_where"] = where
    _check_entry(claim, name, where, problems)
    return claim


def _load_inputs(value: Any, name: str, where: str, problems: Problems) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        problems.add(name, where, "inputs must be a mapping of role: figure id (e.g. from: …, to: …)")
        return {}
    inputs: dict[str, Any] = {}
    for role, ref in value.items():
        role = str(role)
        if role == "per":
            inputs[role] = ref
        elif isinstance(ref, list):
            inputs[role] = [None if r in (None, "") else _text(r) for r in ref]
        else:
            inputs[role] = None if ref in (None, "") else _text(ref)
    return inputs


def _load_gaps(value: Any, name: str, where: str, problems: Problems) -> list[str]:
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        return [value.strip()]
    if not isinstance(value, list) or not all(isinstance(g, str) and g.strip() for g in value):
        problems.add(name, where, "gaps must be a list of gap ids from data/raw/gaps.yaml")
        return []
    return [g.strip() for g in value]


def _check_entry(claim: dict[str, Any], name: str, where: str, problems: Problems) -> None:
    """Checks that need nothing but the entry itself."""
    text, stated = claim["text"], claim["stated"]
    if len(text.split()) > MAX_TEXT_WORDS:
        problems.add(name, where, f"text has {len(text.split())} words; keep it to {MAX_TEXT_WORDS} or fewer")
    if text and stated and not contains_printed(stated, text):
        problems.add(name, where, f'text does not contain the stated value "{stated}"')
    if not stated and not claim["stated_figure"] and claim["kind"] != "sum":
        problems.add(name, where, "missing 'stated' (the value as printed) or 'stated_figure'")
    if claim["direction"] and (claim["direction"] not in DIRECTIONS or claim["kind"] not in _DIRECTED_KINDS):
        problems.add(name, where, f"direction must be rise or fall, and only for {' or '.join(_DIRECTED_KINDS)}")
    if claim["claimant_type"] and claim["claimant_type"] not in CLAIMANT_TYPES:
        problems.add(name, where, f"claimant_type must be one of: {', '.join(CLAIMANT_TYPES)}")
    for key in ("text", "note", "location"):
        for kind in personal_data_in(claim[key]):
            problems.add(name, where, f"{key} seems to contain {kind}; the project holds no personal data")


# --- cross-reference checks ------------------------------------------------------------------------------------


def check_claims(
    claims: list[dict[str, Any]],
    figures: dict[str, dict[str, Any]],
    gap_ids: set[str],
    source_ids: set[str],
    paths: Paths,
    problems: Problems,
) -> None:
    """Every claim against the sources, figures and gaps: ids that exist, roles that fit the kind, a stated value
    that can be read, and no claim resting on itself. A marker input ([c]) is legitimate data, not a problem:
    the claim is then reported unverifiable."""
    name = paths.rel(paths.claims_yaml)
    seen: set[str] = set()
    for claim in claims:
        where = claim.get("_where") or f"id={claim.get('id')}"
        cid = claim.get("id", "")
        if cid and cid in seen:
            problems.add(name, where, f"duplicate claim id '{cid}'")
        seen.add(cid)
        if claim.get("source_id") and claim["source_id"] not in source_ids:
            problems.add(name, where, f"unknown source id '{claim['source_id']}' (not in data/raw/sources.yaml)")
        for gid in claim.get("gaps", []):
            if gid not in gap_ids:
                problems.add(name, where, f"unknown gap id '{gid}' (not in data/raw/gaps.yaml)")
        kind = claim.get("kind", "")
        if kind and kind not in rules.KINDS:
            problems.add(name, where, f"unknown kind '{kind}' (one of: {', '.join(rules.KINDS)})")
        elif kind:
            for message in _role_problems(claim, figures, gap_ids):
                problems.add(name, where, message)
        for message in _stated_problems(claim, figures):
            problems.add(name, where, message)


def _refs(claim: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(role, figure id or None) for every figure input, parts expanded as parts[1], parts[2]…"""
    out: list[tuple[str, str | None]] = []
    for role in rules.ROLES.get(claim.get("kind", ""), ()):
        if role == "per":
            continue
        ref = claim.get("inputs", {}).get(role)
        if isinstance(ref, list):
            out.extend((f"{role}[{i}]", r) for i, r in enumerate(ref, start=1))
        else:
            out.append((role, ref))
    return out


def _role_problems(claim: dict[str, Any], figures: dict[str, dict[str, Any]], gap_ids: set[str]) -> list[str]:
    kind, inputs = claim["kind"], claim.get("inputs", {})
    roles = rules.ROLES[kind]
    out = [f"unknown input role '{r}' for a {kind} claim (roles: {', '.join(roles)})" for r in inputs if r not in roles]
    parts = inputs.get("parts")
    if kind == "sum" and parts is not None and (not isinstance(parts, list) or len(parts) < 2):
        out.append("parts must be a list of at least two figure ids")
    for role, ref in _refs(claim):
        if isinstance(ref, list) or (ref is not None and not isinstance(ref, str)):
            out.append(f"input '{role}' must be one figure id")
        elif ref is None:
            if not claim.get("gaps") and not _may_omit(claim, role, figures):
                out.append(f"input '{role}' is missing: give a figure id, or the id of the gap record saying "
                           "it was never published")
        elif ref == claim.get("id") or (ref == claim.get("stated_figure") and not (kind == "sum" and role == "total")):
            out.append(f"input '{role}' is '{ref}', the claim itself: a claim cannot be checked against itself")
        elif ref not in figures and ref not in gap_ids:
            out.append(f"input '{role}': unknown figure id '{ref}' (nor a gap id from data/raw/gaps.yaml)")
    if kind == "rate" and "per" in inputs:
        out.extend(_per_problems(inputs["per"], claim.get("stated", "")))
    return out


def _may_omit(claim: dict[str, Any], role: str, figures: dict[str, dict[str, Any]]) -> bool:
    if role not in _OPTIONAL_ROLES.get(claim["kind"], ()):
        return False
    part = figures.get(claim.get("inputs", {}).get("part") or "")
    return bool(part and part.get("denominator") not in (None, "")) if role == "whole" else True


def _per_problems(per: Any, stated_text: str) -> list[str]:
    try:
        base = rules.to_decimal(per)
    except rules.RuleError:
        return [f"per must be a number (e.g. 1000), not {per!r}"]
    if base <= 0:
        return [f"per must be positive, not {per!r}"]
    stated = _parse_or_none(stated_text)
    if stated is not None and stated.denominator is not None and rules.to_decimal(stated.denominator) != base:
        return [f'per {per} differs from the base printed in "{stated_text}"']
    return []


def _parse_or_none(text: str) -> Printed | None:
    try:
        return parse_printed(text) if text else None
    except PrintedFigureError:
        return None


def _stated_problems(claim: dict[str, Any], figures: dict[str, dict[str, Any]]) -> list[str]:
    out = []
    sfid = claim.get("stated_figure", "")
    figure = figures.get(sfid) if sfid else None
    if sfid and figure is None:
        out.append(f"stated_figure: unknown figure id '{sfid}'")
    if sfid and sfid == claim.get("id"):
        out.append("stated_figure is the claim's own id")
    stated = claim.get("stated", "")
    if figure is not None:
        printed = str(figure.get("value_as_printed", ""))
        if stated and normalise_for_match(stated) != normalise_for_match(printed):
            out.append(f"stated \"{stated}\" differs from stated_figure '{sfid}', printed \"{printed}\"")
        elif not stated and not contains_printed(printed, claim.get("text", "")):
            out.append(f'text does not contain the stated value "{printed}" (from stated_figure)')
    text = stated_text(claim, figures)
    if not text:
        return out
    try:
        parsed = parse_printed(text)
    except PrintedFigureError as err:
        return [*out, f"stated: {err}"]
    if parsed.value is None:
        return [*out, f'stated "{text}" is a marker for an unavailable value, not a claim']
    problem = rules.unit_problem(claim.get("kind", ""), parsed)
    return [*out, problem] if problem else out


def stated_text(claim: dict[str, Any], figures: dict[str, dict[str, Any]]) -> str:
    """The value the claim states, as printed: `stated`, else the stated figure's, else (a sum) the total's."""
    if claim.get("stated"):
        return claim["stated"]
    total = claim.get("inputs", {}).get("total") if claim.get("kind") == "sum" else None
    for fid in (claim.get("stated_figure"), total):
        if isinstance(fid, str) and fid in figures:
            return str(figures[fid].get("value_as_printed", ""))
    return ""


# --- evaluation ------------------------------------------------------------------------------------------------


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
