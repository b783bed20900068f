"""The claims registry against the rule book and the record: ids that exist, roles that fit the claim's kind, a
stated value that can be read in a unit the kind allows, and no claim resting on itself.

Lives in the fact-check stage because it needs the rule book (`rules.KINDS`, `rules.ROLES`, `unit_problem`); the
build calls it after loading, so a bad registry still stops the build with `file:id=…` messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from analysis.factcheck import rules
from analysis.paths import Paths
from analysis.record.figures import contains_printed, normalise_for_match
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.record.problems import Problems
from analysis.tables.comparability import comparability, share_problem, unit_kind

__all__ = ["check_claims", "stated_text"]

#: Roles that may be left out: rate.per (the printed base is used) and share.whole (when the part is printed
#: "N out of M", the whole is M).
_OPTIONAL_ROLES = {"rate": ("per",), "share": ("whole",)}
#: Roles that may be a published sum, given as a list of figure ids ("part: [cases-ri, cases-inadequate]").
SUMMABLE_ROLES = {"share": ("part", "whole"), "ratio": ("numerator", "denominator"),
                  "percent_change": ("from", "to"), "difference": ("a", "b")}



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
    the claim is then "cannot be checked: not found"."""
    name = paths.rel(paths.claims_yaml)
    for where, message in _repeats(claims, figures):
        problems.add(name, where, message)
    by_source: dict[str, list[dict[str, Any]]] = {}
    for figure in figures.values():
        by_source.setdefault(str(figure.get("source_id", "")), []).append(figure)
    for claim in claims:
        where = claim.get("_where") or f"id={claim.get('id')}"
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
        for message in _unread_printings(claim, figures, by_source.get(str(claim.get("source_id", "")), [])):
            problems.add(name, where, message)


def _repeats(claims: list[dict[str, Any]], figures: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """(where, message) for every entry that repeats an earlier one: its id, its sentence of one document, its
    printing (`stated_figure`), or its arithmetic stated alike (`_same_claim`). Each would judge one statement
    twice, and the page's totals would count it twice."""
    out: list[tuple[str, str]] = []
    first: dict[tuple[Any, ...], str] = {}
    for claim in claims:
        cid = str(claim.get("id", ""))
        for key, why in _repeat_keys(claim, figures):
            if key in first:
                out.append((claim.get("_where") or f"id={cid}", why(first[key])))
            first.setdefault(key, cid)
    return out


#: A key an entry shares with no earlier one, and the message (given the earlier entry's id) if it does.
_RepeatKey = tuple[tuple[Any, ...], Callable[[str], str]]


def _repeat_keys(claim: dict[str, Any], figures: dict[str, dict[str, Any]]) -> list[_RepeatKey]:
    """What an entry may share with no earlier one, each with the message that says so (given the earlier id)."""
    cid = str(claim.get("id", ""))
    sentence = (str(claim.get("source_id", "")), normalise_for_match(str(claim.get("text", ""))))
    sfid = str(claim.get("stated_figure") or "")
    same = _same_claim(claim, figures)
    keys: list[_RepeatKey] = []
    if cid:
        keys.append((("id", cid), lambda _: f"duplicate claim id '{cid}'"))
    if all(sentence):
        keys.append((("sentence", *sentence), lambda earlier: f"the same sentence of the same document is already "
                     f"claim '{earlier}': a sentence printed once is one claim (judge it once, explain the reading in "
                     "its note)"))
    if sfid:
        keys.append((("printing", sfid), lambda earlier: f"stated_figure '{sfid}' is already the stated value of "
                     f"claim '{earlier}': one printing is one claim (judge it once, explain the reading in its note)"))
    if same is not None:
        keys.append((("arithmetic", same), lambda earlier: f"the same claim as '{earlier}' (the same arithmetic on "
                     "the same figures, stated alike): a claim repeated by several outlets is one claim (judge it "
                     "once; name the others that print it in its note)"))
    return keys


def _same_claim(claim: dict[str, Any], figures: dict[str, dict[str, Any]]) -> tuple[Any, ...] | None:
    """What makes two entries one claim: the same kind of arithmetic, on figures of the same measure, period and
    value (whichever document printed them), stated as the same value with the same qualifier. Two outlets
    printing one body's "6% increase" give the same key; "49 per cent" and "nearly 50 per cent" do not. None when
    the stated value cannot be read (the registry reports that)."""
    try:
        printed = parse_printed(stated_text(claim, figures))
    except PrintedFigureError:
        return None
    inputs = []
    for role, ref in input_refs(claim):
        figure = figures.get(ref) if isinstance(ref, str) else None
        inputs.append((role, figure["measure"], str(figure["period_start"]), str(figure["period_end"]),
                       figure["value"]) if figure else (role, str(ref or sorted(claim.get("gaps") or []))))
    per = str(claim.get("inputs", {}).get("per", ""))
    return (claim.get("kind"), claim.get("direction") or "rise", tuple(inputs), per, printed.value,
            printed.qualifier, printed.unit)


def input_refs(claim: dict[str, Any]) -> list[tuple[str, str | None]]:
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


def rounded_inputs(claim: dict[str, Any]) -> dict[str, str]:
    """{figure id: step} for every input the claim reads as rounded (its `rounded: {role: step}`)."""
    refs = dict(input_refs(claim))
    return {ref: str(step) for role, step in (claim.get("rounded") or {}).items() if (ref := refs.get(role))}


def _role_problems(claim: dict[str, Any], figures: dict[str, dict[str, Any]], gap_ids: set[str]) -> list[str]:
    kind, inputs = claim["kind"], claim.get("inputs", {})
    roles = rules.ROLES[kind]
    out = [f"unknown input role '{r}' for a {kind} claim (roles: {', '.join(roles)})" for r in inputs if r not in roles]
    parts = inputs.get("parts")
    if kind == "sum" and parts is not None and (not isinstance(parts, list) or len(parts) < 2):
        out.append("parts must be a list of at least two figure ids")
    for role, ref in inputs.items():
        if role == "parts" or not isinstance(ref, list):
            continue
        if role not in SUMMABLE_ROLES.get(kind, ()):
            allowed = "; ".join(f"{k}: {', '.join(v)}" for k, v in SUMMABLE_ROLES.items())
            out.append(f"input '{role}' must be one figure id (a list of figure ids, a published sum, is accepted "
                       f"only for {allowed})")
        elif len(ref) < 2 or len(set(ref)) != len(ref):
            out.append(f"input '{role}' as a sum needs at least two different figure ids")
    for role, ref in input_refs(claim):
        if isinstance(ref, list) or (ref is not None and not isinstance(ref, str)):
            out.append(f"input '{role}' must be one figure id")
        elif ref is None:
            if not claim.get("gaps") and not may_omit(claim, role, figures):
                out.append(f"input '{role}' is missing: give a figure id, or the id of the gap record saying "
                           "it was looked for and not found")
        elif ref == claim.get("id") or (ref == claim.get("stated_figure") and not (kind == "sum" and role == "total")):
            out.append(f"input '{role}' is '{ref}', the claim itself: a claim cannot be checked against itself")
        elif ref not in figures and ref not in gap_ids:
            out.append(f"input '{role}': unknown figure id '{ref}' (nor a gap id from data/raw/gaps.yaml)")
    if kind == "rate" and "per" in inputs:
        out.extend(_per_problems(inputs["per"], claim.get("stated", "")))
    out.extend(_series_problems(claim, figures))
    return out


#: Claims that compare one figure with another of the same series (a rise, a change in points, a difference).
_SERIES_ROLES = {"percent_change": ("from", "to"), "point_change": ("from", "to"), "difference": ("a", "b")}


def _series_problems(claim: dict[str, Any], figures: dict[str, dict[str, Any]]) -> list[str]:
    """A rise between two figures needs two figures of one series, and a share a part and a whole it is part of:
    the rules the charts use (`tables.comparability`), so no verdict compares what a chart refuses to."""
    inputs = claim.get("inputs", {})
    refs = [figures.get(str(ref)) for ref in inputs.values() if not isinstance(ref, list)]
    if any(f is not None and unit_kind(f) in ("marker", "unreadable") for f in refs):
        return []  # a suppressed value ([c]) is data; the claim resting on it cannot be checked (not found)
    if claim["kind"] in ("ratio", "sum", "rate", "point_change"):  # one kind of number: `rules.inputs_unit_problem`
        units = {role: unit for role, ref in input_refs(claim) if ref and (f := figures.get(ref))
                 and (unit := unit_kind(f)) not in ("marker", "unreadable")}  # a marker: cannot be checked (not found)
        problem = rules.inputs_unit_problem(claim["kind"], units)
        if problem or claim["kind"] != "point_change":
            return [problem] if problem else []
    if claim["kind"] in _SERIES_ROLES:
        a, b = (figures.get(str(inputs.get(r))) for r in _SERIES_ROLES[claim["kind"]])
        why = comparability(a, b) if a and b else None
        return [f"its inputs are not one series: {why}"] if why else []
    if claim["kind"] == "share":
        part, whole = figures.get(str(inputs.get("part"))), figures.get(str(inputs.get("whole")))
        why = share_problem(part, whole) if part and whole else None
        return [f"its part and whole are not a share: {why}"] if why else []
    return []


def _unread_printings(claim: dict[str, Any], figures: dict[str, dict[str, Any]],
                      document: list[dict[str, Any]]) -> list[str]:
    """A number the claim's words print that its own document's record gives as a figure of the inputs' kind, and
    that no input reads. Typed with the same report's 38 cases referred back for the part, "A review of 374 cases
    found 278, or three quarters" read 38 of 374 and was judged inaccurate: the words name the number the claim
    rests on, and the record holds it. A claim whose words print other numbers of the document only as context
    quotes just the words it rests on."""
    refs = {ref for _, ref in input_refs(claim) if isinstance(ref, str) and ref in figures}
    used = {figures[ref]["value"] for ref in refs}
    kinds = {unit_kind(figures[ref]) for ref in refs}
    text, stated = str(claim.get("text", "")), stated_text(claim, figures)
    out = []
    for figure in document:
        printed = str(figure.get("value_as_printed", ""))
        if (figure["figure_id"] in refs or figure["figure_id"] == claim.get("stated_figure")
                or figure.get("value") in used or unit_kind(figure) not in kinds):
            continue
        if contains_printed(printed, text) and not contains_printed(printed, stated):
            out.append(f"its text prints \"{printed}\", which its document's figure '{figure['figure_id']}' gives, "
                       "but no input reads it: name that figure as the input it is, or quote only the words the "
                       "claim rests on")
    return out


def may_omit(claim: dict[str, Any], role: str, figures: dict[str, dict[str, Any]]) -> bool:
    if role not in _OPTIONAL_ROLES.get(claim["kind"], ()):
        return False
    ref = claim.get("inputs", {}).get("part")
    part = figures.get(ref) if isinstance(ref, str) else None  # a part summed from figures prints no whole
    return bool(part and part.get("denominator") not in (None, "")) if role == "whole" else True


def _per_problems(per: Any, stated_text: str) -> list[str]:
    try:
        base = rules.to_decimal(per)
    except rules.RuleError:
        return [f"per must be a number (e.g. 1000), not {per!r}"]
    if base <= 0:
        return [f"per must be positive, not {per!r}"]
    stated = parse_or_none(stated_text)
    if stated is not None and stated.denominator is not None and rules.to_decimal(stated.denominator) != base:
        return [f'per {per} differs from the base printed in "{stated_text}"']
    return []


def parse_or_none(text: str) -> Printed | None:
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
