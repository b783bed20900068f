"""Load `data/raw/gaps.yaml`: the figures we looked for and could not find.

A number looked for and not found is recorded here, never filled in; a claim that needs it is reported as
not checked and points at the gap, so the missing number is itself part of the record.
"""

from __future__ import annotations

from typing import Any

from analysis.paths import Paths
from analysis.record.hygiene import check_text_fields, where_of
from analysis.record.problems import Problems
from analysis.record.safeguarding import check_personal_data
from analysis.record.sources import SOURCE_ID_RE, load_yaml_list

REQUIRED = ("id", "wanted", "cited_by", "where_looked", "holder", "reason")
#: `published_in`: the producer's publication that prints the figure, when it is published but not yet transcribed
#: here (a claim that needs it is then "not yet in this record", never "not published").
OPTIONAL = ("published_in",)
COLUMNS = REQUIRED + OPTIONAL


def _text(value: Any) -> str:
    """YAML lists (e.g. several places looked) become one '; '-joined cell."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value).strip()


def load_gaps(paths: Paths, problems: Problems) -> dict[str, dict[str, str]]:
    """gaps.yaml → {id: entry} with every field as text; a missing file means no gaps recorded."""
    if not paths.gaps_yaml.exists() and not paths.gaps_yaml.is_symlink():  # a dangling link is an error
        return {}
    name = paths.rel(paths.gaps_yaml)
    gaps: dict[str, dict[str, str]] = {}
    for index, entry in enumerate(load_yaml_list(paths.gaps_yaml, paths, problems), start=1):
        if not isinstance(entry, dict):
            problems.add(name, f"entry {index}", "each entry must be a mapping of field: value")
            continue
        gid = entry.get("id")
        where = where_of(gid, index) if gid else f"entry {index}"
        for key in REQUIRED:
            if not _text(entry.get(key)):
                problems.add(name, where, f"missing required field '{key}'")
        for key in COLUMNS:
            value = entry.get(key)
            if isinstance(value, (dict, bool)) or (isinstance(value, list) and not all(
                    isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value)):
                problems.add(name, where, f"field '{key}' must be text or a list of texts "
                                          "(check the indentation, or put the text in quotes)")
        for key in entry:
            if key not in COLUMNS:
                problems.add(name, where, f"unknown field '{key}' (allowed: {', '.join(COLUMNS)})")
        check_text_fields(entry, COLUMNS, name, where, problems)
        check_personal_data(entry, COLUMNS, name, where, problems)
        if not isinstance(gid, str) or not SOURCE_ID_RE.match(gid):
            problems.add(name, where, "id must be lower-case letters, digits and hyphens")
            continue
        if gid in gaps:
            problems.add(name, where, f"duplicate gap id '{gid}'")
            continue
        gaps[gid] = {key: _text(entry.get(key)) for key in COLUMNS}
    return gaps
