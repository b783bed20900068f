"""`python -m analysis show ID` and `python -m analysis search TEXT`: the record from the shell.

    python -m analysis show gbnews-2025-11-13/met-cases-in-scope    # a figure: every field, quote, URL, users
    python -m analysis show met-2017-03-13                          # a source and the figures taken from it
    python -m analysis search 1,200                                 # every distinct 1,200, then matches ranked
    python -m analysis search "children at risk" --json

Standard library only (the look-ups are in `analysis.tables.lookup`), so both answer without loading pandas.
Exit status: 0 found, 1 nothing found (an unknown id, or no match).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from analysis.paths import Paths, add_root_argument
from analysis.record.terminal import typed_number
from analysis.tables import lookup

WIDTH = 100


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    if name == "show":
        parser.add_argument("id", help="a figure, source, gap or claim id, e.g. met-2017-03-13/cse-crimes-2016")
    else:
        parser.add_argument("text", nargs="+", help="a number as printed (1,200; 56 per cent) or words")
        parser.add_argument("--kind", choices=sorted(lookup.KINDS), action="append",
                            help="only this kind (repeat for several; default: all)")
        parser.add_argument("--limit", type=typed_number(int), default=20,
                            help="matches to list (default 20; 0 for all)")


def _field_lines(fields: dict[str, Any]) -> list[str]:
    """Every field, one per line, long text wrapped under its name (nothing cut)."""
    width = max(len(k) for k in fields) + 2
    lines = []
    for key, value in fields.items():
        text = "" if value is None else str(value)
        wrapped = textwrap.wrap(text, WIDTH - width, break_on_hyphens=False) or [""]
        lines.append(f"{key + ':':<{width}}{wrapped[0]}")
        lines += [" " * width + more for more in wrapped[1:]]
    return lines


def format_record(rec: lookup.Record) -> str:
    lines = [f"{rec.kind} {rec.id}", "", *_field_lines(rec.fields), ""]
    lines.append(f"Cited by ({len(rec.cited_by)}):" if rec.cited_by else "Cited by: nothing in the record")
    lines += [f"  - {item}" for item in rec.cited_by]
    if rec.uses:
        lines += ["Uses:", *[f"  - {item}" for item in rec.uses]]
    return "\n".join(lines)


def format_search(query: str, results: list[dict[str, Any]], limit: int) -> str:
    lines = []
    groups = lookup.meanings(results)
    if groups:
        count = len(groups)
        lines.append(f'"{query}" is printed for {count} different {"thing" if count == 1 else "things"}'
                     + (" (not one count: read each definition):" if count > 1 else ":"))
        for g in groups:
            lines.append(f"  * {g['definition']}")
            lines.append(f"      {g['measure']} · {g['geography']} · {g['unit']} · printed "
                         + " / ".join(f'"{p}"' for p in g["printed"]))
            # a figure whose document words it otherwise says so under its id, not under another's heading
            lines += [f"      {figure_id}" + ("" if subject == g["definition"] else
                                               f"\n        ({textwrap.shorten(subject, WIDTH - 10)})")
                      for figure_id, subject in zip(g["figure_ids"], g["subjects"], strict=True)]
        lines.append("")
    shown = results[:limit] if limit else results
    lines.append(f"{len(results)} matches" + (f", best {len(shown)} shown:" if len(shown) < len(results) else ":"))
    for rank, r in enumerate(shown, 1):
        value = f'  "{r["value_as_printed"]}"' if r["kind"] == "figure" else ""
        lines.append(f"{rank:>3}. {r['kind']:<6} {r['id']}{value}")
        summary = textwrap.shorten(r["summary"], WIDTH - 12) if r["summary"] else ""
        lines.append(f"        {summary}")
    lines.append("")
    lines.append("Every field of one: python -m analysis show ID")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    try:
        if args.command == "show":
            rec = lookup.show(args.id, paths)
            print(json.dumps(rec.as_dict(), ensure_ascii=False, indent=2) if args.json else format_record(rec))
            return 0
        query = " ".join(args.text)
        kinds = tuple(args.kind) if args.kind else tuple(lookup.KINDS)
        results = lookup.search(query, paths, kinds)
    except lookup.UnknownId as err:
        print(f"python -m analysis show: {err}", file=sys.stderr)
        return 1
    except lookup.BadQuery as err:
        print(f"python -m analysis search: cannot read {query!r}: {err}", file=sys.stderr)
        return 2
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 1
    if args.json:
        payload = {"query": query, "meanings": lookup.meanings(results), "results": results}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(format_search(query, results, args.limit))
    return 0 if results else 1
