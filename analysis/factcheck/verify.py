"""`python -m analysis verify KIND …`: check one derived number on deadline, with the working.

    python -m analysis verify change --from 1737 --to 2060 --stated "18.5 per cent"
    python -m analysis verify share --part 278 --whole 374 --stated "almost three-quarters"
    python -m analysis verify ratio --numerator 182 --denominator 79 --stated "more than doubled"
    python -m analysis verify sum --parts 10,64,61 --total 135
    python -m analysis verify rate --count 5540 --population 2000000 --per 1000 --stated "2.77 per 1,000"
    python -m analysis verify difference --a 2060 --b 1737 --stated "323"
    python -m analysis verify points --from 56 --to 59 --stated "3 percentage points"
    python -m analysis verify count --value 1273 --stated "more than 1,200"

A sub-editor runs this between drafts, so it starts in a blink: it imports the rules and the printed-figure
reader (standard library only) and never pandas, numpy or matplotlib.

Exit status: 0 the claim holds, 1 it does not, 2 an input could not be read (the message names it),
3 unverifiable (an input is an unavailable-value marker such as [c], or the arithmetic is undefined).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal

from analysis.factcheck import rules
from analysis.record.printed import Printed, PrintedFigureError, parse_printed

EXIT_HOLDS, EXIT_DOES_NOT_HOLD, EXIT_UNREADABLE, EXIT_UNVERIFIABLE = 0, 1, 2, 3
_EXIT = {rules.HOLDS: EXIT_HOLDS, rules.DOES_NOT_HOLD: EXIT_DOES_NOT_HOLD, rules.UNVERIFIABLE: EXIT_UNVERIFIABLE}


class InputError(ValueError):
    """An argument that cannot be read as a number or a printed figure; the message names the option."""


# kind → (help, [(option, dest, help)], needs --stated). Roles are read as printed figures.
_KINDS: dict[str, tuple[str, list[tuple[str, str, str]], bool]] = {
    "change": ("a rise (or --fall) in per cent, or as a multiple (\"doubled\")",
               [("--from", "from_", "the earlier value"), ("--to", "to", "the later value")], True),
    "points": ("a change between two percentages, in percentage points",
               [("--from", "from_", "the earlier percentage"), ("--to", "to", "the later percentage")], True),
    "share": ("part as per cent of whole",
              [("--part", "part", "the part"), ("--whole", "whole", "the whole")], True),
    "ratio": ("how many times one figure is another",
              [("--numerator", "numerator", "the larger figure"), ("--denominator", "denominator", "the base")],
              True),
    "difference": ("how much larger a is than b", [("--a", "a", "the larger figure"), ("--b", "b", "the smaller")],
                   True),
    "rate": ("count / population × per",
             [("--count", "count", "the count"), ("--population", "population", "the population")], True),
    "count": ("a figure restated in other words (\"more than 1,200\" for 1,273)",
              [("--value", "value", "the figure")], True),
    "sum": ("parts add up to the printed total", [("--total", "total", "the total as printed, e.g. 135")], False),
}


def add_arguments(parser: argparse.ArgumentParser, name: str = "verify") -> None:
    """One sub-command per claim kind; numbers may carry thousands commas ("1,737")."""
    parser.add_argument("--json", action="store_true", default=False, help="print one JSON object")
    subs = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, (text, options, needs_stated) in _KINDS.items():
        sub = subs.add_parser(kind, help=text, description=text)
        for option, dest, help_text in options:
            sub.add_argument(option, dest=dest, required=True, help=help_text)
        if kind in ("change", "points"):
            sub.add_argument("--fall", action="store_true", help="the claim is a fall (from − to), not a rise")
        if kind == "rate":
            sub.add_argument("--per", help="the base of the rate (default: the printed one, e.g. 1,000)")
        if kind == "sum":
            sub.add_argument("--parts", nargs="+", required=True,
                             help="the parts: 10,64,61 — or, with thousands commas, separate them by spaces or ';'")
        sub.add_argument("--stated", required=needs_stated,
                         help="the value as printed" + ("" if needs_stated else " (default: --total)"))
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object")


# --- reading the arguments -------------------------------------------------------------------------------------


def read_printed(option: str, text: str | None) -> Printed:
    """A printed figure from the command line; InputError names the option and what could not be read."""
    if text is None:
        raise InputError(f"{option} is missing")
    try:
        return parse_printed(text)
    except PrintedFigureError as err:
        reason = re.sub(r"^cannot read .* as a figure: ", "", str(err)) if str(err).startswith("cannot read ") else err
        raise InputError(f"cannot read {option} {text!r}: {reason}") from None


def read_stated(text: str | None, option: str = "--stated") -> Printed:
    """The stated value: anything parse_printed reads except a marker, which is no claim at all."""
    printed = read_printed(option, text)
    if printed.value is None:
        raise InputError(f"cannot read {option} {text!r}: it is a marker for an unavailable value, not a claim")
    return printed


def split_parts(tokens: list[str]) -> list[str]:
    """--parts as typed: "10,64,61" (one token, commas) or "1,737" "2,060" / "1,737;2,060" (thousands commas).

    Several tokens, or ';' or spaces inside one, separate parts and keep commas as thousands separators;
    a single token with commas only is a comma-separated list.
    """
    joined = " ".join(tokens).strip()
    if len(tokens) > 1 or re.search(r"[;\s]", joined):
        return [p for p in re.split(r"[;\s]+", joined) if p]
    return [p.strip() for p in joined.split(",") if p.strip()]


def _bound_note(role: str, printed: Printed) -> str | None:
    if printed.qualifier in ("exact", "unavailable"):
        return None
    return f'note: {role} is printed "{printed.text}" ({printed.qualifier}), so the result is approximate'


def _inputs(args: argparse.Namespace) -> list[tuple[str, str, Printed]]:
    """(role, option, printed) for each input given, in the order the working uses them."""
    _, options, _ = _KINDS[args.kind]
    found = [(dest.rstrip("_"), option, read_printed(option, getattr(args, dest))) for option, dest, _ in options]
    if args.kind == "sum":
        parts = split_parts(args.parts)
        if not parts:
            raise InputError("--parts is empty")
        found = [(f"part {i}", "--parts", read_printed("--parts", p)) for i, p in enumerate(parts, 1)] + found
    return found


# --- evaluation ------------------------------------------------------------------------------------------------


def evaluate(args: argparse.Namespace) -> rules.Result:
    """Read the arguments and apply the rule; raises InputError for anything it cannot read."""
    inputs = _inputs(args)
    if args.kind == "sum":
        total_printed = next(p for role, _, p in inputs if role == "total")
        stated = read_stated(args.stated) if args.stated else read_stated(args.total, "--total")
    else:
        stated = read_stated(args.stated)
    kind = _RULE_KIND[args.kind]
    markers = [(role, p) for role, _, p in inputs if p.value is None]
    if markers:
        named = "; ".join(f'{role} is "{p.text}" ({rules.marker_meaning(p.marker or "")})' for role, p in markers)
        return rules.unverifiable(kind, f"{named}, so it cannot be computed", stated)
    values = {role: Decimal(repr(p.value)) for role, _, p in inputs}
    per = None
    if args.kind == "rate" and args.per is not None:
        per_printed = read_printed("--per", args.per)
        if per_printed.value is None or per_printed.value <= 0:
            raise InputError(f"cannot read --per {args.per!r}: the base of a rate must be a positive number")
        per = per_printed.value
    try:
        result = _APPLY[args.kind](values, stated, args, per)
    except rules.RuleError as err:
        return rules.unverifiable(kind, str(err), stated)
    if args.kind == "sum" and args.stated and total_printed.text != stated.text:
        result = result.with_note(f'the total figure is printed "{total_printed.text}"')
    for role, _, printed in inputs:
        note = _bound_note(role, printed)
        if note and role != "total":
            result = result.with_note(note)
    return result


_RULE_KIND = {
    "change": "percent_change", "points": "point_change", "share": "share", "ratio": "ratio", "sum": "sum",
    "difference": "difference", "rate": "rate", "count": "count",
}

_Apply = Callable[[dict[str, Decimal], Printed, argparse.Namespace, float | None], rules.Result]
_APPLY: dict[str, _Apply] = {
    "change": lambda v, s, a, _: rules.percent_change(v["from"], v["to"], s, "fall" if a.fall else "rise"),
    "points": lambda v, s, a, _: rules.point_change(v["from"], v["to"], s, "fall" if a.fall else "rise"),
    "share": lambda v, s, a, _: rules.share(v["part"], v["whole"], s),
    "ratio": lambda v, s, a, _: rules.ratio(v["numerator"], v["denominator"], s),
    "difference": lambda v, s, a, _: rules.difference(v["a"], v["b"], s),
    "rate": lambda v, s, a, per: rules.rate(v["count"], v["population"], s, per),
    "count": lambda v, s, a, _: rules.count(v["value"], s),
    "sum": lambda v, s, a, _: rules.total([x for k, x in v.items() if k.startswith("part ")], s),
}


def run(args: argparse.Namespace) -> int:
    """Print the verdict and the working (or one JSON object); the exit status is the verdict."""
    try:
        result = evaluate(args)
    except InputError as err:
        if args.json:
            print(json.dumps({"error": str(err)}, ensure_ascii=False))
        print(f"python -m analysis verify {args.kind}: {err}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, sort_keys=True))
    else:
        print(f"verdict: {result.verdict}")
        print(f"working: {result.working}")
    return _EXIT[result.verdict]
