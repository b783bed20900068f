"""Editions and revisions: which published figure replaces which, checked before anything is built.

Publishers revise: ONS re-estimated England and Wales mid-2023 (60.9 million first, 61.1 million a year later),
DfE reprints earlier years' rates in each edition of its children-in-need release. The record keeps every figure
as it was printed, and says what replaced what in three ways:

- `data/raw/revisions.csv` (`figure_id,revises,note`): "this figure revises that one". A separate file rather than
  a column in the figures files because a revision links two figures that usually sit in different source files
  and is often found after both were transcribed; one row per link gives `file:row` errors, and the figures
  files keep the column contract every reader relies on.
- a source's `supersedes: <source id>` in `sources.yaml`: a new edition of a release. Each figure of the new
  edition that prints the same measure, geography and period as a figure of the old one with a different value
  revises it (equal values are confirmations, not revisions; a rounded headline such as "nearly 400,000" is
  compared with nothing, only exact values are).
- `[p]` / `[r]` after a value as printed ("61,806,682 [r]"): the publisher's own provisional / revised mark,
  kept in the figure's `status_as_printed`; the value is read without it.

Every link is checked: both figures exist, they print the same measure, unit, geography and period, the new one was not
published before the old one, and no chain of revisions loops back on itself.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from analysis.paths import Paths
from analysis.record.hygiene import check_text_fields
from analysis.record.printed import STATUS_MARKS, base_scale_problem, split_status_mark
from analysis.record.problems import Problems
from analysis.record.rawtext import RawFileError, read_text
from analysis.record.safeguarding import check_personal_data
from analysis.record.sources import one_body_named

__all__ = ["COLUMNS", "STATUS_MARKS", "split_status_mark", "rate_base_from_unit", "load_revisions",
           "revised_ids", "latest_of", "revisions_path"]

COLUMNS = ("figure_id", "revises", "note")
#: The marks government statistics print after a value, and what they mean.
#: A rate's base in a unit: "per 10,000 children". The base is the whole number after "per": a digit after the space
#: that ends it means the base goes on ("per 1 000 children", spaced thousands, was the base 1), so no base is read and
#: a bare value under that unit is refused as a count.
_BASE_RE = re.compile(r"^per ((?:[1-9]\d{0,2}(?:,\d{3})+)|[1-9]\d*)( (?!\d).*)?$")
_SAME = ("measure", "unit", "geography", "period_start", "period_end")  # a revision never changes units


def revisions_path(paths: Paths) -> Any:
    return paths.raw / "revisions.csv"


def rate_base_from_unit(unit: str) -> int | None:
    """The base a unit names: "per 10,000 children" → 10000; None for a unit that is not a rate.

    Lets a table cell printed as a bare number under a "(per 10,000 children)" heading be read as the rate it is.
    """
    m = _BASE_RE.match((unit or "").strip())
    if not m or base_scale_problem(m.group(2) or ""):  # "per 1 million people" is no rate per 1
        return None
    return int(m.group(1).replace(",", ""))


def _published(fig: dict[str, Any], sources: dict[str, dict[str, Any]]) -> str:
    return str(sources.get(fig["source_id"], {}).get("date_published", ""))


def _link(old: dict[str, Any], new: dict[str, Any], how: str, note: str, where: str) -> dict[str, Any]:
    return {"old": old["figure_id"], "new": new["figure_id"], "how": how, "note": note, "_where": where}


#: How many times larger (or smaller) a revised value may be than the value it revises: a revision corrects an
#: estimate, it does not change its order of magnitude. "61.1 million" revised to "61.1 thousand" passed, the unit
#: column being the same text.
MAX_REVISION_FACTOR = 10


def _magnitude_problem(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    a, b = old.get("value"), new.get("value")
    if not a or not b or a < 0 or b < 0:
        return None
    factor = max(a, b) / min(a, b)
    if factor < MAX_REVISION_FACTOR:
        return None
    return (f"the value changes from {a:,.12g} to {b:,.12g}, by a factor of {factor:,.0f}: a revision keeps its "
            "order of magnitude (is a scale word such as million or thousand wrong?)")


def _check_pair(old: dict[str, Any], new: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[str]:
    out = [f"{col} differs: {old[col]!r} (revised figure) vs {new[col]!r}" for col in _SAME if old[col] != new[col]]
    magnitude = _magnitude_problem(old, new)
    if magnitude:
        out.append(magnitude)
    if _published(new, sources) < _published(old, sources):
        out.append(f"the revising figure's source was published {_published(new, sources)}, before the revised "
                   f"one's ({_published(old, sources)})")
    return out


def _from_file(paths: Paths, figures: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]],
               problems: Problems) -> list[dict[str, Any]]:
    path = revisions_path(paths)
    if not path.exists():
        return []
    name = paths.rel(path)
    try:
        rows = list(csv.reader(io.StringIO(read_text(path)), strict=True))
    except (RawFileError, csv.Error) as err:
        problems.add(name, None, f"cannot be read as CSV ({err})")
        return []
    if not rows or [h.strip() for h in rows[0]] != list(COLUMNS):
        problems.add(name, 1, f"header must be exactly: {','.join(COLUMNS)}")
        return []
    links = []
    # A pair on two lines: the build kept the first line's note and dropped the second's without a word.
    first_line: dict[tuple[str, str], int] = {}
    for line, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(COLUMNS):
            problems.add(name, line, f"has {len(values)} fields, the header has {len(COLUMNS)}")
            continue
        new_id, old_id, note = (v.strip() for v in values)
        # The same door as every other raw text field: a note starting "=HYPERLINK(", holding a phone number, a
        # bidi control or a look-alike letter reached data/processed/revisions.csv, the database and Excel.
        row = dict(zip(COLUMNS, values, strict=True))
        check_text_fields(row, COLUMNS, name, line, problems)
        check_personal_data(row, ["note"], name, line, problems)
        bad = [f"unknown figure id {fid!r} ({col})" for col, fid in (("figure_id", new_id), ("revises", old_id))
               if fid not in figures]
        if not bad and new_id == old_id:
            bad.append(f"figure {new_id!r} cannot revise itself")
        if not bad:
            bad = _check_pair(figures[old_id], figures[new_id], sources)
        if not note:
            bad.append("empty note: say where the revision is announced or printed")
        earlier = first_line.setdefault((old_id, new_id), line)
        if earlier != line:
            bad.append(f"repeats the revision on line {earlier} (one line per revision: write both notes in one)")
        for message in bad:
            problems.add(name, line, message)
        if not bad:
            links.append(_link(figures[old_id], figures[new_id], "revises", note, f"{name}:{line}"))
    return links


def _from_editions(figures: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]], paths: Paths,
                   problems: Problems) -> list[dict[str, Any]]:
    name = paths.rel(paths.sources_yaml)
    by_source: dict[str, list[dict[str, Any]]] = {}
    for fig in figures.values():
        by_source.setdefault(fig["source_id"], []).append(fig)
    links = []
    for sid, src in sorted(sources.items()):
        old_sid = src.get("supersedes")
        if not old_sid:
            continue
        where = f"id={sid}"
        if old_sid not in sources or old_sid == sid:
            problems.add(name, where, f"supersedes {old_sid!r}: not another source id in this file")
            continue
        if str(src.get("date_published")) < str(sources[old_sid].get("date_published")):
            problems.add(name, where, f"supersedes {old_sid!r}, which was published later")
            continue
        old_body = str(sources[old_sid].get("producer"))
        if not one_body_named(str(src.get("producer")), old_body):
            # DfE's 2025 release given ONS's 2011 London profile as its earlier edition passed: an edition's figures
            # would revise another body's wherever the two print the same measure, place and period
            problems.add(name, where, f"supersedes {old_sid!r}, a document of {old_body!r}: an earlier edition is "
                                      "one of the same body's documents")
            continue
        olds = {tuple(f[c] for c in _SAME): f for f in by_source.get(old_sid, [])}
        for new in sorted(by_source.get(sid, []), key=lambda f: f["figure_id"]):
            old = olds.get(tuple(new[c] for c in _SAME))
            if old is not None and old["qualifier"] == new["qualifier"] == "exact" and old["value"] != new["value"]:
                magnitude = _magnitude_problem(old, new)
                if magnitude:
                    problems.add(name, where, f"{new['figure_id']} revises {old['figure_id']}: {magnitude}")
                    continue
                note = f"{sid} is a new edition of {old_sid} (sources.yaml supersedes)"
                links.append(_link(old, new, "new edition", note, f"{name}:{where}"))
    return links


def _cycles(links: list[dict[str, Any]]) -> list[list[str]]:
    """Chains of revisions that come back to where they started (old → new → … → old)."""
    nxt: dict[str, list[str]] = {}
    for link in links:
        nxt.setdefault(link["old"], []).append(link["new"])
    found, done = [], set()
    for start in sorted(nxt):
        stack, path = [(start, iter(nxt.get(start, [])))], [start]
        on_path = {start}
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(path.pop())
                done.add(node)
            elif child in on_path:
                found.append([*path[path.index(child):], child])
            elif child not in done:
                stack.append((child, iter(nxt.get(child, []))))
                path.append(child)
                on_path.add(child)
    return found


def load_revisions(paths: Paths, figures: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]],
                   problems: Problems) -> list[dict[str, Any]]:
    """Every revision link (from revisions.csv and from superseded editions), checked; problems as file:row."""
    links = _from_file(paths, figures, sources, problems) + _from_editions(figures, sources, paths, problems)
    seen: set[tuple[str, str]] = set()
    unique = []
    for link in links:
        if (link["old"], link["new"]) not in seen:
            seen.add((link["old"], link["new"]))
            unique.append(link)
    for cycle in _cycles(unique):
        where = next(link["_where"] for link in unique if link["old"] == cycle[0])
        file, _, row = where.rpartition(":")
        problems.add(file, row, "revisions form a loop: " + " → ".join(cycle))
    return unique


def revised_ids(links: list[dict[str, Any]]) -> set[str]:
    """Figures that a later figure replaces (not the latest vintage)."""
    return {link["old"] for link in links}


def replacing_ids(links: list[dict[str, Any]]) -> set[str]:
    """Figures that replace another (a revision's new vintage)."""
    return {link["new"] for link in links}


def latest_of(figure_id: str, links: list[dict[str, Any]]) -> list[str]:
    """The chain of later vintages of a figure, oldest first (empty if it was never revised)."""
    nxt: dict[str, str] = {}
    for link in sorted(links, key=lambda k: (k["old"], k["new"])):
        nxt.setdefault(link["old"], link["new"])
    chain, node = [], figure_id
    while node in nxt and nxt[node] not in chain and nxt[node] != figure_id:
        node = nxt[node]
        chain.append(node)
    return chain
