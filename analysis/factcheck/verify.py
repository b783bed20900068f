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

Exit status: 0 accurate, 1 inaccurate, 2 a usage error: an input could not be read, or the claim cannot be judged
as stated (the message names the input and the forms accepted), 3 cannot be checked (an input is an
unavailable-value marker such as [c], or the arithmetic is undefined), 4 accurate within rounding (the stated
value misses by less than one unit of its last digit, e.g. cut rather than rounded, or holds for only some of the
values an input printed "about", "more than" or rounded could stand for). All arithmetic is exact
(Decimal, from the printed digits); numbers of more than 30 digits are refused.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shlex
import sys
from collections.abc import Callable
from decimal import Decimal

from analysis.factcheck import rules
from analysis.factcheck.exact import TooLarge, check_digits, cut, exact_context, exact_value
from analysis.factcheck.forms import computed_text, is_count, restated, restated_problem
from analysis.factcheck.ranged import input_range, judged_on_ranges
from analysis.factcheck.verify_help import ACCEPTED, EXAMPLES, EXAMPLES_HEADING
from analysis.record.hygiene import digits_problem, number_field_problem, read_through
from analysis.record.printed import Printed, PrintedFigureError, is_plain_number, parse_printed
from analysis.record.terminal import Parser
from analysis.record.vocabulary import SPACED_DIGIT_GROUPS, is_approximate, rounded_range
from analysis.tables.comparability import unit_kind

EXIT_ACCURATE, EXIT_INACCURATE, EXIT_UNREADABLE, EXIT_UNCHECKED, EXIT_WITHIN_ROUNDING = 0, 1, 2, 3, 4
_EXIT = {rules.ACCURATE: EXIT_ACCURATE, rules.INACCURATE: EXIT_INACCURATE, rules.WITHIN_ROUNDING: EXIT_WITHIN_ROUNDING,
         **{verdict: EXIT_UNCHECKED for verdict in rules.UNCHECKED}}


class InputError(ValueError):
    """An argument that cannot be read as a number or a printed figure; the message names the option."""


class UnreadForm(InputError):
    """An argument in no form the printed-figure parser reads ("5 points"): the message can say which forms are."""


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
    subs = parser.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=_KindParser)
    for kind, (text, options, needs_stated) in _KINDS.items():
        sub = subs.add_parser(kind, help=text, description=f"{text}. {ACCEPTED[kind]}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(_examples_of=kind)
        for option, dest, help_text in options:
            sub.add_argument(option, dest=dest, required=True, help=help_text, metavar=option.lstrip("-").upper())
        if kind in ("change", "points"):
            sub.add_argument("--fall", action="store_true", help="the claim is a fall (from − to), not a rise")
        if kind == "rate":
            sub.add_argument("--per", help="the base of the rate (default: the printed one, e.g. 1,000)")
        if kind == "sum":
            sub.add_argument("--parts", nargs="+", action="extend", required=True,
                             help="the parts: 10,64,61 — or, with thousands commas, separate them by spaces or ';'")
        if kind != "sum":
            sub.add_argument("--rounded", action="append", default=[], metavar="ROLE=UNIT",
                             help="an input printed rounded, and the unit it was rounded to (to=100: '1,200' stands "
                                  "for 1,150 to 1,249), as a claim's `rounded:` says it; repeat for each input")
        sub.add_argument("--stated", required=needs_stated,
                         help="the value as printed" + ("" if needs_stated else " (default: --total)"))
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object")


class _KindParser(Parser):
    """A kind's sub-command: its help ends with worked examples computed when the help is asked for."""

    def format_help(self) -> str:
        kind = self.get_default("_examples_of")
        if kind and self.epilog is None:
            self.epilog = worked_examples(kind)
        return super().format_help()


def worked_examples(kind: str) -> str:
    """`verify KIND --help`'s examples: each command with the verdict and working this version computes."""
    parser = argparse.ArgumentParser(prog="verify")
    add_arguments(parser)
    lines = [EXAMPLES_HEADING]
    for args in EXAMPLES[kind]:
        result = evaluate(parser.parse_args([kind, *args]))
        lines += [f"  verify {kind} {shlex.join(args)}", f"      {result.working}"]
    return "\n".join(lines) + "\n"


# --- reading the arguments -------------------------------------------------------------------------------------


def read_printed(option: str, text: str | None) -> Printed:
    """A printed figure from the command line; InputError names the option and what could not be read."""
    if text is None:
        raise InputError(f"{option} is missing")
    problem = number_field_problem(text, command_line=True)
    if problem:  # in the words data/raw uses for the same value
        raise InputError(f"{option} {problem}")
    try:
        check_digits(text, option)
        printed = parse_printed(text)  # "61,806,682 [r]" too, as data/raw reads it
    except TooLarge as err:
        raise InputError(str(err)) from None
    except PrintedFigureError as err:
        reason = re.sub(r"^cannot read .* as a figure: ", "", str(err)) if str(err).startswith("cannot read ") else err
        reason = str(reason).replace(repr(text), "it").replace(text, "it") if len(text) > 60 else str(reason)
        raise UnreadForm(f"cannot read {option} {cut(text)!r}: {cut(reason, 100)}") from None
    if printed.value is not None and not math.isfinite(printed.value):
        raise InputError(f"{option} {cut(text)!r} is too large to judge")
    return printed


def read_stated(text: str | None, option: str = "--stated") -> Printed:
    """The stated value: anything parse_printed reads except a marker, which is no claim at all."""
    printed = read_printed(option, text)
    if printed.value is None:
        raise InputError(f"cannot read {option} {cut(text or '')!r}: it is a marker for an unavailable value, not a "
                         "claim")
    return printed


#: One argument that is a number printed with spaces between its digit groups ("1 200"): see `split_parts`.
_SPACED_GROUPS = re.compile(SPACED_DIGIT_GROUPS)
#: What separates parts typed on the command line: ASCII white space only (see `split_parts`).
_ASCII_SPACE = " \t\n\r\f\v"
#: A space other than the ASCII one with no digit on one side of it ("1,200,<NBSP>300", "12<NBSP>;<NBSP>34"): a
#: space to a reader, as between two parts; between two digits it is part of one number ("1<thin space>200").
_SPACE_BESIDE_NO_DIGIT = re.compile(r"(?<!\d)[^\S\x20]|[^\S\x20](?!\d)")


#: The semicolons NFKC makes ";" (full-width, small, the presentation form, and the Greek question mark drawn as
#: one), read as the ";" that parts parts: "1,200；135" was split at its comma alone and refused as "'200;135' is not
#: a number as printed", naming a part nobody typed. (A full-width comma stays refused between digits with the one
#: digits message, as `number_separator` has it everywhere.)
_SEMICOLONS = str.maketrans(dict.fromkeys("\u037e\ufe14\ufe54\uff1b", ";"))


def split_parts(tokens: list[str]) -> list[str]:
    """--parts as typed: "10,64,61" (one token, commas) or "1,737" "2,060" / "1,737;2,060" (thousands commas).

    Several tokens, or ';' or spaces inside one, separate parts and keep commas as thousands separators;
    a single token with commas only is a comma-separated list.

    A single token that is itself a number with thousands commas ("1,200,300") is refused: it reads both ways.

    Only an ASCII space (or tab, newline) separates: a thin or no-break space between digits is part of one
    number, as a reader sees "1 200", and is refused there with the one digits message, as in --stated and
    data/raw. Splitting at any white space made "1<thin space>200" the parts 1 and 200, and a sum of 1,200 and
    300 was "501".
    """
    # "1<ZWSP>,200" is "1,200" to a reader, so to every test below; and "1,200,<NBSP>300" is "1,200, 300", refused
    # as that is: it was split at its commas alone and summed as 1 + 200 + 300
    tokens = [_SPACE_BESIDE_NO_DIGIT.sub(" ", read_through(t)).translate(_SEMICOLONS) for t in tokens]
    joined = " ".join(tokens).strip(_ASCII_SPACE)
    # (an ASCII space only: a thin or no-break space parts no two parts, and gets the one digits message below)
    stripped = [t.strip(_ASCII_SPACE) for t in tokens]
    spaced = next((t for t in stripped if " " in t and _SPACED_GROUPS.fullmatch(t)), None)
    if spaced is not None:
        # "1 200" typed as one argument is 1,200 to a reader (and to scan, which lists it as not read), and was summed
        # as 1 + 200: both readings fit, as with "1,200,300" below.
        raise InputError(f"--parts {cut(spaced)!r} reads as one number with spaces between its digit groups or as "
                         "parts separated by spaces: write a number with commas (1,200), and separate parts by "
                         "spaces or ';' (e.g. 1,200 300, or 1,200;300)")
    if len(tokens) > 1 or re.search(rf"[;{_ASCII_SPACE}]", joined):
        return [p for p in re.split(rf"[;{_ASCII_SPACE}]+", joined) if p]
    if "," in joined and is_plain_number(joined):
        # "1,200,300" is one number with thousands commas to data/raw and to a reader, and was summed as 1 + 200 +
        # 300 here ("1,000,000" was refused as "'000' is not a number"): both readings fit, so neither is guessed.
        raise InputError(f"--parts {cut(joined)!r} reads as one number with thousands commas or as parts separated "
                         "by commas: separate the parts by spaces or ';' (e.g. 1,200 300, or 1,200;300)")
    return [p.strip(_ASCII_SPACE) for p in joined.split(",") if p.strip(_ASCII_SPACE)]


def _bound_note(role: str, printed: Printed) -> str | None:
    if not is_approximate(printed.qualifier):
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
    """Read the arguments and apply the rule in exact arithmetic; raises InputError for anything it cannot read
    and for a claim that cannot be judged as stated (a usage error, never "inaccurate")."""
    with exact_context():
        try:
            return _evaluate(args)
        except ArithmeticError as err:  # decimal overflow and the like: a number the rules cannot represent
            raise InputError(f"a number is too large or too small to judge exactly ({type(err).__name__})") from None


def _evaluate(args: argparse.Namespace) -> rules.Result:
    inputs = _inputs(args)
    try:
        if args.kind == "sum":
            total_printed = next(p for role, _, p in inputs if role == "total")
            stated = read_stated(args.stated) if args.stated else read_stated(args.total, "--total")
        else:
            stated = read_stated(args.stated)
    except UnreadForm as err:  # say what the kind reads: "5 points" or "a fall of 15.7%" got no hint
        raise InputError(f"{err}. {ACCEPTED[args.kind]}") from None
    kind = _RULE_KIND[args.kind]
    per = _read_per(args) if args.kind == "rate" else None
    _check_judgeable(args.kind, kind, stated, per)
    if args.kind == "count" and (problem := restated_problem(*_value_unit(args), stated)):
        raise InputError(f"{cut(problem, 160)}. {ACCEPTED['count']}")
    _check_inputs_units(kind, inputs)
    markers = [(role, p) for role, _, p in inputs if p.value is None]
    if markers:
        named = "; ".join(f'{role} is "{p.text}" ({rules.marker_meaning(p.marker or "")})' for role, p in markers)
        return rules.unchecked(kind, f"{named}, so it cannot be computed", stated)
    # Every input has a value here (markers returned above), so each has its exact value.
    values = {role: value for role, _, p in inputs if (value := exact_value(p)) is not None}
    if args.kind == "share" and values["whole"] and values["part"] > values["whole"] > 0:
        raise InputError(f"--part {cut(args.part)} is larger than --whole {cut(args.whole)}: a share cannot be over "
                         "100 per cent (for a rise, use: verify change)")
    # (a sum's --total is the claim itself when no --stated is given: never an input's range)
    ranges = {role: about for role, _, p in inputs
              if role != "total" and (about := input_range(p, values[role]))}
    ranges |= _rounded_ranges(getattr(args, "rounded", []) or [], values)
    try:
        result = _APPLY[args.kind](values, stated, args, per)
        if ranges:  # an input printed "about X" or "more than X" is read as the fact-check reads it: every value it
            # could stand for
            result = judged_on_ranges(lambda v: _APPLY[args.kind](v, stated, args, per), values, ranges, stated,
                                      result)
    except rules.RuleError as err:
        return rules.unchecked(kind, str(err), stated, verdict=rules.CANNOT_CHECK)
    if args.kind == "sum" and args.stated and total_printed.text != stated.text:
        result = result.with_note(f'the total figure is printed "{total_printed.text}"')
    for role, _, printed in inputs:
        note = _bound_note(role, printed)
        if note and role != "total" and role not in ranges:
            result = result.with_note(note)
    return result


def _rounded_ranges(specs: list[str], values: dict[str, Decimal]) -> dict[str, tuple[Decimal, Decimal]]:
    """`--rounded to=100`: every value an input printed rounded could stand for, by the rule a claim's `rounded:`
    follows (`rounded_range`). Without it a fact-checker could not redo a verdict the report gives on a rounded
    input: "1,200" read as exact gave another verdict, and "about 1,200" read ±5%, not 1,150 to 1,249."""
    out = {}
    for spec in specs:
        role, _, step_text = spec.partition("=")
        role = role.strip().removeprefix("--")
        if role not in values:
            raise InputError(f"--rounded {cut(spec)!r}: name an input of this kind and the unit it was rounded to, "
                             f"as {' or '.join(f'{r}=100' for r in values)}")
        try:
            step = Decimal(read_printed("--rounded", step_text.strip()).value or 0)
        except InputError:
            if digits_problem(step_text):  # the one message for other digits ("to=1٠0", "to=１００"), as --from gives
                raise
            step = Decimal(0)
        if step <= 0:
            raise InputError(f"--rounded {cut(spec)!r}: the unit must be a positive number (to=100)")
        out[role] = rounded_range(values[role], step)
    return out


def _value_unit(args: argparse.Namespace) -> tuple[str, float | None]:
    """The unit `verify count --value` is printed in, and its base when it is a rate ("2.77 per 1,000")."""
    value = read_printed("--value", args.value)
    return value.unit, value.denominator if value.unit == "rate" else None


def _check_inputs_units(kind: str, inputs: list[tuple[str, str, Printed]]) -> None:
    """Inputs of different kinds of number ("--from £5m --to 9000") are a usage error, as the registry refuses
    such a claim: the rule is `rules.inputs_unit_problem`, on each input's kind of number as the tables read it."""
    units = {role: unit_kind({"value_as_printed": p.text}) for role, _, p in inputs if p.value is not None}
    if kind == "point_change":  # `verify points --from 56 --to 59`: a bare number is read as that per cent
        units = {role: "percent" if unit == "count" and p.scale == 1 and not p.in_words else unit
                 for (role, unit), (_, _, p) in zip(units.items(), inputs, strict=True)}
    problem = rules.inputs_unit_problem(kind, units)
    if problem:
        raise InputError(cut(problem, 200))


def _read_per(args: argparse.Namespace) -> Decimal | None:
    if args.per is None:
        return None
    per_printed = read_printed("--per", args.per)  # the digits and bidi messages data/raw gives
    if not is_plain_number(read_through(args.per)) or not per_printed.value:
        raise InputError(f"cannot read --per {cut(args.per)!r}: the base of a rate must be a positive number in "
                         "digits (e.g. 1000 or 10,000), as the claims registry's per: takes it")
    return exact_value(per_printed)


def _check_judgeable(name: str, kind: str, stated: Printed, per: Decimal | None) -> None:
    """A stated value the claim kind cannot be judged by is a usage error naming the accepted forms."""
    problem = rules.unit_problem(kind, stated)
    if problem:
        raise InputError(f"{cut(problem, 160)}. {ACCEPTED[name]}")
    if kind == "share" and stated.unit == "percent" and stated.value is not None and stated.value > 100:
        raise InputError(f"--stated {cut(stated.text)!r} is over 100 per cent, which no share can be (for a rise, "
                         f"use: verify change). {ACCEPTED[name]}")
    if kind == "rate" and stated.unit == "count" and per is None:
        raise InputError(f"--stated {cut(stated.text)!r} is a bare number: give the base with --per (e.g. --per "
                         f"1000), or state it as printed. {ACCEPTED[name]}")
    if kind == "rate" and stated.unit == "rate" and per is not None and stated.denominator is not None \
            and Decimal(repr(stated.denominator)) != per:
        raise InputError(f"--per {rules.fmt_number(per)} differs from the base printed in --stated "
                         f"{cut(stated.text)!r}: leave out --per, or make them agree")


_RULE_KIND = {
    "change": "percent_change", "points": "point_change", "share": "share", "ratio": "ratio", "sum": "sum",
    "difference": "difference", "rate": "rate", "count": "count",
}

_Apply = Callable[[dict[str, Decimal], Printed, argparse.Namespace, Decimal | None], rules.Result]
_APPLY: dict[str, _Apply] = {
    "change": lambda v, s, a, _: rules.percent_change(v["from"], v["to"], s, "fall" if a.fall else "rise"),
    "points": lambda v, s, a, _: rules.point_change(v["from"], v["to"], s, "fall" if a.fall else "rise"),
    "share": lambda v, s, a, _: rules.share(v["part"], v["whole"], s),
    "ratio": lambda v, s, a, _: rules.ratio(v["numerator"], v["denominator"], s),
    "difference": lambda v, s, a, _: rules.difference(v["a"], v["b"], s),
    "rate": lambda v, s, a, per: rules.rate(v["count"], v["population"], s, per),
    "count": lambda v, s, a, _: restated(v["value"], *_value_unit(a), s),
    "sum": lambda v, s, a, _: rules.total([x for k, x in v.items() if k.startswith("part ")], s),
}


def run(args: argparse.Namespace) -> int:
    """Print the verdict and the working (or one JSON object); the exit status is the verdict."""
    try:
        result = evaluate(args)
    except InputError as err:
        if args.json:
            print(json.dumps({"error": str(err), "exit": EXIT_UNREADABLE}, ensure_ascii=False))
        print(f"python -m analysis verify {args.kind}: {err}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        try:
            text = json.dumps(as_json(result), ensure_ascii=False, sort_keys=True, allow_nan=False)
        except ValueError:  # a value JSON cannot hold (NaN, Infinity): never printed as invalid JSON
            print(json.dumps({"error": "the result cannot be written as JSON", "exit": EXIT_UNREADABLE}))
            print(f"python -m analysis verify {args.kind}: the result cannot be written as JSON", file=sys.stderr)
            return EXIT_UNREADABLE
        print(text)
    else:
        print(f"verdict: {result.verdict}")
        print(f"working: {result.working}")
    return _EXIT[result.verdict]


def as_json(result: rules.Result) -> dict[str, object]:
    """The result for --json: counts as integers, every number finite (JSON has no NaN or Infinity), and the
    computed value also as text exactly as the working prints it."""
    out = result.as_dict()
    value = result.computed
    if value is not None and is_count(result) and value == value.to_integral_value():
        out["computed"] = int(value)
    elif value is not None:
        number = float(value)
        out["computed"] = number if math.isfinite(number) else None
    out["computed_text"] = computed_text(result)
    exact = exact_value(result.stated) if result.stated is not None else None
    if exact is not None and result.stated is not None and result.stated.unit in ("count", "GBP") \
            and exact == exact.to_integral_value():
        out["stated_value"] = int(exact)
    elif exact is not None:
        number = float(exact)
        out["stated_value"] = number if math.isfinite(number) else None
    return out
