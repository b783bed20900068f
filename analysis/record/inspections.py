"""Load `data/raw/inspections.yaml`: which documents report each HMIC/HMICFRS inspection of the Met.

One inspection is often known only through several copies (a news report, a reprint of the inspectorate's
release, the Met's response). The registry groups them so the grades table can take each number from the best
copy, by the one rule every output follows (`analysis.tables.copies.copy_rank`), and still say which one it used.
The order they are listed in decides nothing: the file and this docstring once called it an order of preference,
and the table's 2018 update takes its share from the copy listed last.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from analysis.paths import Paths
from analysis.record.hygiene import check_text_fields, where_of
from analysis.record.problems import Problems
from analysis.record.safeguarding import check_personal_data
from analysis.record.sources import SOURCE_ID_RE, as_date, load_yaml_list, out_of_range

REQUIRED = ("id", "name", "label", "published", "sources")


def load_inspections(paths: Paths, known_sources: Mapping[str, Mapping[str, Any]], problems: Problems
                     ) -> list[dict[str, Any]]:
    """inspections.yaml → list of entries, each with its source ids checked against the registry (`known_sources`:
    each source id with its entry)."""
    path = paths.raw / "inspections.yaml"
    if not path.exists() and not path.is_symlink():  # a dangling link is an error
        return []
    name = paths.rel(path)
    out: list[dict[str, Any]] = []
    seen_sources: dict[str, str] = {}
    for index, entry in enumerate(load_yaml_list(path, paths, problems), start=1):
        if not isinstance(entry, dict):
            problems.add(name, f"entry {index}", "each entry must be a mapping of field: value")
            continue
        where = where_of(entry.get("id"), index) if entry.get("id") else f"entry {index}"
        missing = [k for k in REQUIRED if not entry.get(k) or (isinstance(entry[k], str) and not entry[k].strip())]
        for key in missing:
            problems.add(name, where, f"missing required field '{key}'")
        for key in entry:
            if key not in REQUIRED:
                problems.add(name, where, f"unknown field '{key}' (allowed: {', '.join(REQUIRED)})")
        # (its date too, when YAML read it as text)
        check_text_fields(entry, ("id", "name", "label", "published", "sources"), name, where, problems)
        check_personal_data(entry, ("name", "label"), name, where, problems)
        if missing:
            continue
        sources = entry["sources"] if isinstance(entry["sources"], list) else [entry["sources"]]
        for message in [*_value_problems(entry), *_source_problems(entry, sources, known_sources, seen_sources),
                        *_after_its_documents(entry, sources, known_sources)]:
            problems.add(name, where, message)
        out.append({**entry, "published": str(entry["published"]), "sources": [str(s) for s in sources]})
    return out


def _value_problems(entry: dict[str, Any]) -> list[str]:
    """The id is a slug, the name and label are text, the publication date is a real date."""
    found = [] if SOURCE_ID_RE.match(str(entry["id"])) else ["id must be lower-case letters, digits and hyphens"]
    found += [f"field '{key}' must be text (check the indentation, or quote it)" for key in ("name", "label")
              if not isinstance(entry[key], (str, int, float)) or isinstance(entry[key], bool)]
    published = as_date(entry["published"])
    if published is None:
        found.append(f"published {entry['published']!r} is not a real date (YYYY-MM-DD)")
    named = _LABEL_YEAR.search(str(entry["label"]))
    if published is not None and named and published.year < int(named.group()):
        found.append(f"published {published.isoformat()} is before the year its label names ({named.group()}): "
                     "a mistyped year?")
    return found + out_of_range({"published": entry["published"]})


#: A year an inspection's label names ("2016 inspection"): it is published that year or later (a revisit may be
#: labelled by the year of the inspection it follows). "published: 1916-11-25" under "2016 inspection" passed (only
#: the 1900 floor applied), and the grades chart was titled "… at every inspection, 1916–2024".
_LABEL_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")


def _source_problems(entry: dict[str, Any], sources: list[Any], known_sources: Mapping[str, Any],
                     seen_sources: dict[str, str]) -> list[str]:
    """Each source is a known id, listed under one inspection only (`seen_sources` remembers which)."""
    found = []
    for sid in sources:
        if not isinstance(sid, str):
            found.append(f"sources must be a list of source ids, not {sid!r}")
            continue
        if known_sources and sid not in known_sources:
            found.append(f"unknown source id '{sid}'")
        elif sid in seen_sources:
            found.append(f"source '{sid}' is already listed under {seen_sources[sid]}")
        seen_sources[sid] = str(entry["id"])
    return found


def _after_its_documents(entry: dict[str, Any], sources: list[Any],
                         known_sources: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """An inspection is published no later than the last of the documents listed as reporting it (by the month,
    where that document's date was not printed): a document that reports its figures is not all printed before it.
    "2016 inspection" published 2016-12-25 (a month typed 12 for 11; its three documents are of 24 and 25 November)
    passed, and the grades chart labelled its bar "2016 inspection, December 2016", a month no document printed."""
    published = as_date(entry["published"])
    listed = [known_sources[s] for s in sources if isinstance(s, str) and s in known_sources]
    dated = [(day, bool(src.get("date_approximate"))) for src in listed
             if (day := as_date(src.get("date_published"))) is not None]
    if published is None or not dated:
        return []
    last, roughly = max(dated)
    if (published.replace(day=1) <= last.replace(day=1)) if roughly else (published <= last):
        return []
    return [f"published {published.isoformat()} is after the last of the documents listed for it "
            f"({last.isoformat()}): a mistyped date, or a document missing from its sources?"]
