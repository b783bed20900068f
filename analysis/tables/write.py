"""Processed tables as files: deterministic CSV text, the Frictionless data package, and an all-or-nothing write.

Tables are first written into a temporary folder beside `data/processed/`, which then replaces it, so a failed or
killed build leaves the previous tables exactly as they were. Nothing here reads raw files except to hash them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from pathlib import Path
from typing import Any

from analysis.paths import Paths, raw_hashes
from analysis.record import schema
from analysis.record.claims import CLAIMS_COLUMNS
from analysis.record.printed import number_text
from analysis.tables import swap
from analysis.tables.load import SEAL_KEY, package_seal


def _cell(value: Any, kind: str) -> str:
    """One value as written to CSV: deterministic, empty for missing, never 'nan'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind == "boolean":
        return "true" if bool(value) else "false"
    if kind in ("number", "integer"):
        return number_text(value)
    return str(value)


def _fields(name: str) -> tuple[schema.Field, ...]:
    if name == "claims":
        return schema.claim_fields(CLAIMS_COLUMNS)
    return schema.TABLES[name][0]


def to_csv_text(name: str, rows: list[dict[str, Any]]) -> str:
    fields = _fields(name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in fields])
    for row in rows:
        writer.writerow([_cell(row.get(f.name), f.type) for f in fields])
    return out.getvalue()


def datapackage(texts: dict[str, str], paths: Paths, sources: dict[str, dict[str, Any]],
                raw: dict[str, str] | None = None) -> dict[str, Any]:
    """A Frictionless Data Package describing each table, with the hashes of the raw files that made it: `raw`,
    the hashes the build took before it read them (`paths.raw_hashes`; taken now when not given)."""
    resources = []
    table_hashes: dict[str, str] = {}
    for name, text in texts.items():
        fields, title, description = (_fields(name), schema.CLAIMS_TITLE, schema.CLAIMS_DESCRIPTION) \
            if name == "claims" else schema.TABLES[name]
        data = text.encode("utf-8")
        table_hashes[f"{name}.csv"] = "sha256:" + hashlib.sha256(data).hexdigest()
        resources.append({
            "name": name.replace("_", "-"),
            "path": f"{name}.csv",
            "title": title,
            "description": description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": table_hashes[f"{name}.csv"],
            "schema": {"fields": [{"name": f.name, "type": f.type, "description": f.description} for f in fields]},
        })
    raw_files = raw_hashes(paths) if raw is None else raw
    return {
        "name": "cse-published-figures",
        "title": "Published figures on child sexual exploitation in London and England & Wales",
        "description": "Aggregate published statistics only, each traced to the words it was printed in. "
                       "Built by `python -m analysis build` from data/raw; do not edit by hand.",
        # The licence of what this project makes (README, gallery, workbook: CC BY 4.0). The figures stay under
        # each publisher's terms, which the sources table gives: most sources' licence is unknown, so the Open
        # Government Licence this named before (shown by Datasette as the data's licence) was not theirs.
        "licenses": [{"name": "CC-BY-4.0", "title": "CC BY 4.0 (the tables this project makes; each figure stays "
                      "under its publisher's terms: see the sources table's licence column)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": s["title"], "path": s["url_main"]} for _, s in sorted(sources.items())],
        "resources": resources,
        "raw_files": [{"path": name, "hash": digest} for name, digest in raw_files.items()],
        SEAL_KEY: package_seal(table_hashes, raw_files),
    }


def write_atomically(files: dict[str, str], target: Path) -> None:
    """Write all files into a fresh folder beside `target`, then swap it in; on any error `target` is untouched
    (`analysis.tables.swap`; raises `swap.OutputError`, one line, when the folder cannot be replaced)."""
    swap.replace_folder(files, target, f"data/{target.name}" if target.parent.name == "data" else str(target))


def recover(target: Path) -> None:
    """If a previous build died between its two renames, put the old tables back."""
    swap.recover(target)
