"""The claims registry, `data/raw/claims.yaml`: derived claims as transcribed, each entry checked on its own.

A claim is something a named person or outlet printed that can be recomputed from published figures ("a 56 per
cent increase", "almost three-quarters of cases"). The registry says who said it, where, in which words, which
figures it rests on and, where those figures were never published, which gap record says so. The schema is
documented in docs/factcheck.md.

This module only reads and checks entries (`file:id=<claim id>: message`, every mistake in one run). Checking a
claim against the rule book and the figures is the fact-check stage's job (`analysis.factcheck.registry`), and so
is evaluating it (`analysis.factcheck.evaluate`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from analysis.paths import Paths
from analysis.record.domains import domain_in
from analysis.record.figures import contains_printed
from analysis.record.hygiene import (
    ID_RE,
    check_text_fields,
    digits_problem,
    number_field_problem,
    pattern_text,
    where_of,
    word_count,
)
from analysis.record.printed import is_plain_number
from analysis.record.problems import Problems
from analysis.record.safeguarding import check_personal_data
from analysis.record.sources import EARLIEST_SOURCE_DATE, as_date, load_yaml_list, not_text_problem, out_of_range
from analysis.record.vocabulary import LIST_SEPARATOR

__all__ = ["CLAIMS_COLUMNS", "REQUIRED", "OPTIONAL", "load_claims"]

#: Columns of data/processed/claims.csv, in order.
CLAIMS_COLUMNS: tuple[str, ...] = (
    "claim_id", "claimant", "claimant_type", "source_id", "location", "text", "stated", "stated_figure", "kind",
    "inputs", "rounded_inputs", "computed", "verdict", "rule", "working", "gaps", "note", "corrections",
)
REQUIRED = ("id", "claimant", "source_id", "location", "text", "kind", "inputs")
OPTIONAL = ("stated", "stated_figure", "gaps", "note", "direction", "claimant_type", "rounded", "corrections")
#: A slug, optionally prefixed by the source id like a figure id: `seed-56pc` or `mylondon-2025-10/claim-56pc`.
CLAIM_ID_RE = re.compile(rf"^{ID_RE.pattern}(?:/{ID_RE.pattern})?\Z")
MAX_TEXT_WORDS = 30
DIRECTIONS = ("rise", "fall")
CLAIMANT_TYPES = ("organisation", "person")
#: Words that say where a copy of a claim was read. That is its source's business (producer, outlet, address),
#: shown beside the claim; the claimant is who made it, and ClaimReview publishes it as the claim's author.
_WHERE_READ = re.compile(r"\b(?:cop(?:y|ies)|reprint(?:ed)?|mirror(?:ed)?|proxy)\b", re.IGNORECASE)


def _where_read(claimant: str) -> str | None:
    """The first word of `_WHERE_READ` in the claimant, read as `domain_in` reads it ("cópy" is "copy")."""
    found = _WHERE_READ.search(pattern_text(claimant))
    return None if found is None else found.group(0)
_DIRECTED_KINDS = ("percent_change", "point_change")
#: The fields read as text (the others are a mapping, a list or numbers).
TEXT_FIELDS = tuple(key for key in REQUIRED + OPTIONAL if key not in ("inputs", "gaps", "rounded", "corrections"))
#: Between a correction's date and what changed, in its line ("2026-12-07: The claim now quotes …").
CORRECTION_MARK = ": "


# --- loading ---------------------------------------------------------------------------------------------------


def load_claims(paths: Paths, problems: Problems) -> list[dict[str, Any]]:
    """claims.yaml → a list of claim dicts (a missing file means no claims yet).

    Checks each entry on its own (fields present, id a slug, text short and containing the stated value);
    cross-references are `check_claims`'s job. Entries that are not mappings are dropped; the others are kept,
    with their position in `_where`, so that every later problem can point at them.
    """
    if not paths.claims_yaml.exists() and not paths.claims_yaml.is_symlink():  # a dangling link is an error
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
    where = where_of(cid, index) if isinstance(cid, str) else f"entry {index}"
    for key in REQUIRED:
        value = entry.get(key)
        if value in (None, [], {}) or (isinstance(value, str) and not value.strip()):  # "   " is as good as absent
            problems.add(name, where, f"missing required field '{key}'")
    for key in entry:
        if key not in REQUIRED and key not in OPTIONAL:
            problems.add(name, where, f"unknown field '{key}' (allowed: {', '.join(REQUIRED + OPTIONAL)})")
        elif key in TEXT_FIELDS and (problem := not_text_problem(key, entry[key])):
            problems.add(name, where, problem)
    if cid not in (None, "") and not (isinstance(cid, str) and CLAIM_ID_RE.match(cid)):
        problems.add(name, where, "id must be lower-case letters, digits and hyphens (optionally '<source id>/…')")
    claim: dict[str, Any] = {key: _text(entry.get(key)) for key in TEXT_FIELDS}
    claim["inputs"] = _load_inputs(entry.get("inputs"), name, where, problems)
    claim["rounded"] = _load_rounded(entry.get("rounded"), claim["inputs"], name, where, problems)
    claim["gaps"] = _load_gaps(entry.get("gaps"), name, where, problems)
    claim["corrections"] = _load_corrections(entry.get("corrections"), name, where, problems)
    claim["_where"] = where
    _check_entry(claim, name, where, problems)
    return claim


def number_as_written_problem(value: Any) -> str | None:
    """Why a number given as a YAML value (a rate's `per`, a `rounded` step) would not be read as a person reads
    it, or None (also for text not read as a number at all, which the registry refuses in its own words).

    YAML reads `0144` as 100 (octal), `1:40` as 100 (base 60), `0x64` and `1_00` as 100, and the rules' Decimal
    took "1_000" or "1,0,0,0" as 1000: each passed, read as a number the reader does not see. Only what a person
    reads as it is written is read: digits 0-9 with thousands commas in threes and a decimal point."""
    written = str(getattr(value, "written", value)).strip()
    problem = digits_problem(written)
    if problem:
        return f"is refused: {problem}"
    if is_plain_number(written):
        return None
    if isinstance(value, str):
        try:
            Decimal(written.replace(",", ""))
        except InvalidOperation:
            return None
    return (f"is written {written!r}, which is read as another number than it shows (YAML reads 0144 and 1:40 as "
            "100); write it in digits 0-9, with thousands commas in threes and a decimal point only")


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
            problem = number_as_written_problem(ref)
            if problem:  # left out, so the registry's "per must be a number" does not say it again
                problems.add(name, where, f"inputs: per {problem}")
                continue
            inputs[role] = ref
        elif isinstance(ref, list):
            inputs[role] = [None if r in (None, "") else _text(r) for r in ref]
        else:
            inputs[role] = None if ref in (None, "") else _text(ref)
    return inputs


#: A number written in quotes in YAML ('100', "0.5"), read as text.
_QUOTED_NUMBER = re.compile(r"[1-9]\d*(?:\.\d+)?|0\.\d*[1-9]\d*")


def _load_rounded(value: Any, inputs: dict[str, Any], name: str, where: str, problems: Problems) -> dict[str, str]:
    """`rounded: {to: 100}`: an input printed as a rounded figure ("1,200" for a count somewhere from 1,150 to
    1,249), and the unit it was rounded to. The claim is then judged across every value the input could stand for."""
    if value in (None, "", {}):
        return {}
    if not isinstance(value, dict):
        problems.add(name, where, "rounded must be a mapping of role: the unit it was rounded to (e.g. to: 100)")
        return {}
    out: dict[str, str] = {}
    for role, step in value.items():
        if str(role) not in inputs or isinstance(inputs[str(role)], list):
            problems.add(name, where, f"rounded names '{role}', which is not a single-figure input of this claim")
        elif isinstance(step, str) and (problem := number_as_written_problem(step) or number_field_problem(step)):
            # "١٠٠" or "1<RLO>00" written for the step: the one digits or bidi message, as `per:` and every field
            # give it, not only "must be a positive number"
            problems.add(name, where, f"rounded: {role} {problem}")
        elif isinstance(step, str) and _QUOTED_NUMBER.fullmatch(step.strip()):
            # "to: '100'": YAML reads a quoted number as text, which "must be a positive number" did not explain
            problems.add(name, where, f"rounded: {role} is quoted ({step!r}): write the unit it was rounded to "
                                      f"unquoted, as a number (to: {step.strip()})")
        elif isinstance(step, bool) or not isinstance(step, (int, float)) or step <= 0:
            problems.add(name, where, f"rounded: {role} must be a positive number (the unit it was rounded to)")
        elif problem := number_as_written_problem(step):
            problems.add(name, where, f"rounded: {role} {problem}")
        else:
            out[str(role)] = str(step)
    return out


def _load_gaps(value: Any, name: str, where: str, problems: Problems) -> list[str]:
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        return [value.strip()]
    if not isinstance(value, list) or not all(isinstance(g, str) and g.strip() for g in value):
        problems.add(name, where, "gaps must be a list of gap ids from data/raw/gaps.yaml")
        return []
    return [g.strip() for g in value]


def _load_corrections(value: Any, name: str, where: str, problems: Problems) -> list[str]:
    """Each correction made to a claim's entry after it was published, as one line "YYYY-MM-DD: what changed",
    oldest first. The fact-check page promises readers to say what changed and when; these lines are how it does."""
    if value in (None, "", []):
        return []
    if not isinstance(value, list) or not all(isinstance(c, dict) and set(c) == {"date", "what"} for c in value):
        problems.add(name, where, "corrections must be a list of entries, each with only date (YYYY-MM-DD) and what "
                                  "(what changed, in a sentence)")
        return []
    lines = []
    for correction in value:
        day, what = as_date(correction["date"]), _text(correction["what"])
        if day is None:
            problems.add(name, where, "a correction's date must be written YYYY-MM-DD")
            continue
        for problem in out_of_range({"date": day}):
            problems.add(name, where, f"a correction's {problem}")
        if not what:
            problems.add(name, where, "a correction's what is empty: say what changed")
        elif LIST_SEPARATOR in what:
            problems.add(name, where, f"a correction's what may not hold '{LIST_SEPARATOR}' (it separates "
                                      "corrections in claims.csv): use a comma or a full stop")
        else:
            lines.append(f"{day.isoformat()}{CORRECTION_MARK}{what}")
    return sorted(lines)


def check_correction_dates(claims: list[dict[str, Any]], sources: Mapping[str, Mapping[str, Any]], name: str,
                           problems: Problems) -> None:
    """A claim's correction dated before the claim was made (its document's `date_published`, or the first of that
    month where the date is inferred, `date_approximate`): "2020-01-01" typed for "2026-01-01" on a claim printed in
    October 2025 passed; the page listed it under the claim as a correction made five years before the claim, and
    ClaimReview, which names a correction after the review as its dateModified, left it out."""
    for claim in claims:
        made = _claim_made(sources.get(str(claim.get("source_id", "")), {}))
        for line in claim.get("corrections") or ():
            day = line.split(CORRECTION_MARK, 1)[0]
            if made is not None and EARLIEST_SOURCE_DATE.isoformat() <= day < made.isoformat():  # (else said once)
                problems.add(name, claim.get("_where") or f"id={claim.get('id')}",
                             f"a correction's date {day} is before the claim was made ({made.isoformat()}, its "
                             "document's date): a mistyped year?")


def _claim_made(source: Mapping[str, Any]) -> dt.date | None:
    published = as_date(source.get("date_published"))
    if published is not None and source.get("date_approximate") is True:
        return published.replace(day=1)
    return published


def claimant_problem(claimant: str) -> str | None:
    """Why a claimant names where a copy was read rather than who made the claim ("PA Media (AOL)",
    "newspaper report (breakingnewstime.com copy)"): a reader, and ClaimReview's author field, would credit a
    mirror or a carrier with the words."""
    found = domain_in(claimant) or _where_read(claimant)
    if found is None:
        return None
    return (f"claimant names where a copy was read ('{found}'): name who made the claim, and who reported "
            "it if that is how it reached us ('PA Media'; 'HMICFRS, quoted by an unnamed newspaper'); the copy is "
            "the source's")


def _check_entry(claim: dict[str, Any], name: str, where: str, problems: Problems) -> None:
    """Checks that need nothing but the entry itself."""
    text, stated = claim["text"], claim["stated"]
    if word_count(text) > MAX_TEXT_WORDS:
        problems.add(name, where, f"text has {word_count(text)} words; keep it to {MAX_TEXT_WORDS} or fewer")
    if text and stated and not contains_printed(stated, text):
        problems.add(name, where, f'text does not contain the stated value "{stated}"')
    if not stated and not claim["stated_figure"] and claim["kind"] != "sum":
        problems.add(name, where, "missing 'stated' (the value as printed) or 'stated_figure'")
    if claim["direction"] and (claim["direction"] not in DIRECTIONS or claim["kind"] not in _DIRECTED_KINDS):
        problems.add(name, where, f"direction must be rise or fall, and only for {' or '.join(_DIRECTED_KINDS)}")
    if problem := claimant_problem(claim["claimant"]):
        problems.add(name, where, problem)
    if claim["claimant_type"] and claim["claimant_type"] not in CLAIMANT_TYPES:
        problems.add(name, where, f"claimant_type must be one of: {', '.join(CLAIMANT_TYPES)}")
    fields = [key for key in REQUIRED + OPTIONAL if key not in ("inputs", "rounded")]
    check_text_fields(claim, fields, name, where, problems, numeric=("stated",))
    check_personal_data(claim, fields, name, where, problems)
    refs = [r for ref in claim["inputs"].values() for r in (ref if isinstance(ref, list) else [ref])]
    check_text_fields({"inputs": [r for r in refs if isinstance(r, str)]}, ["inputs"], name, where, problems)
