"""`build` and `validate`: raw files → checked records → tidy tables in `data/processed/`, all or nothing.

Everything is checked before anything is written, and every problem is reported at once. Tables are first
written into a temporary folder beside `data/processed/`, which then replaces it, so a failed or killed build
leaves the previous tables exactly as they were.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import claims as claims_mod
from analysis import schema
from analysis.figures import load_all_figures
from analysis.gaps import load_gaps
from analysis.inspections import load_inspections
from analysis.paths import DEFAULT, Paths, add_root_argument
from analysis.problems import Problems, ValidationError
from analysis.sources import load_sources, sha256_of


@dataclass(frozen=True)
class RawData:
    """The raw registry after validation: nothing here has a known problem."""

    sources: dict[str, dict[str, Any]]
    figures: list[dict[str, Any]]
    gaps: dict[str, dict[str, str]]
    claims: list[dict[str, Any]]
    inspections: list[dict[str, Any]]


def load_raw(paths: Paths = DEFAULT) -> RawData:
    """Read and check every raw file; raise ValidationError listing every problem found."""
    problems = Problems()
    sources = load_sources(paths, problems)
    known = set(sources)
    figures = load_all_figures(paths, known, problems)
    gaps = load_gaps(paths, problems)
    inspections = load_inspections(paths, known, problems)
    claims = claims_mod.load_claims(paths, problems)
    by_id = {f["figure_id"]: f for f in figures}
    claims_mod.check_claims(claims, by_id, set(gaps), known, paths, problems)
    problems.raise_if_any()
    return RawData(sources, figures, gaps, claims, inspections)


def make_tables(raw: RawData) -> dict[str, list[dict[str, Any]]]:
    """Every processed table, as rows keyed by table name (plain Python: the build imports no pandas)."""
    from analysis import tables

    figures = tables.figures_table(raw.figures, raw.sources)
    by_id = {f["figure_id"]: f for f in raw.figures}
    claim_rows = claims_mod.evaluate_claims(raw.claims, by_id, raw.gaps)
    return {
        "figures": figures,
        "sources": tables.sources_table(raw.sources, figures),
        "gaps": tables.gaps_table(raw.gaps),
        "claims": [{c: row.get(c) for c in claims_mod.CLAIMS_COLUMNS} for row in claim_rows],
        "inspection_grades": tables.inspection_grades_table(figures, raw.inspections),
        "met_cse_series": tables.met_cse_series_table(figures),
        "historic_reviews": tables.historic_reviews_table(figures),
        "population": tables.population_table(figures),
    }


def _cell(value: Any, kind: str) -> str:
    """One value as written to CSV: deterministic, empty for missing, never 'nan'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind == "boolean":
        return "true" if bool(value) else "false"
    if kind in ("number", "integer"):
        number = float(value)
        if number.is_integer():
            return str(int(number))
        return format(number, ".10g")
    return str(value)


def _fields(name: str) -> tuple[schema.Field, ...]:
    if name == "claims":
        return schema.claim_fields(claims_mod.CLAIMS_COLUMNS)
    return schema.TABLES[name][0]


def to_csv_text(name: str, rows: list[dict[str, Any]]) -> str:
    fields = _fields(name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in fields])
    for row in rows:
        writer.writerow([_cell(row.get(f.name), f.type) for f in fields])
    return out.getvalue()


def raw_files(paths: Paths) -> list[Path]:
    """Every raw file that feeds the build, in a stable order."""
    named = (paths.sources_yaml, paths.gaps_yaml, paths.claims_yaml, paths.raw / "inspections.yaml")
    files = [p for p in named if p.exists()]
    files += sorted(paths.figures_dir.glob("*.csv"))
    stored = paths.raw / "files"
    if stored.exists():
        files += sorted(p for p in stored.rglob("*") if p.is_file())
    return files


def datapackage(texts: dict[str, str], paths: Paths, sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A Frictionless Data Package describing each table, with the hashes of the raw files that made it."""
    resources = []
    for name, text in texts.items():
        fields, title, description = (_fields(name), "Claims", "Registered claims with recomputed verdicts.") \
            if name == "claims" else schema.TABLES[name]
        data = text.encode("utf-8")
        resources.append({
            "name": name.replace("_", "-"),
            "path": f"{name}.csv",
            "title": title,
            "description": description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            "schema": {"fields": [{"name": f.name, "type": f.type, "description": f.description} for f in fields]},
        })
    return {
        "name": "cse-published-figures",
        "title": "Published figures on child sexual exploitation in London and England & Wales",
        "description": "Aggregate published statistics only, each traced to the words it was printed in. "
                       "Built by `python -m analysis build` from data/raw; do not edit by hand.",
        "licenses": [{"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0 (official sources)",
                      "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}],
        "sources": [{"title": s["title"], "path": s["url_main"]} for _, s in sorted(sources.items())],
        "resources": resources,
        "raw_files": [{"path": paths.rel(p), "hash": "sha256:" + sha256_of(p)} for p in raw_files(paths)],
    }


def render(raw: RawData, paths: Paths) -> dict[str, str]:
    """file name → exact text of every processed file."""
    tables = make_tables(raw)
    texts = {name: to_csv_text(name, df) for name, df in tables.items()}
    package = datapackage(texts, paths, raw.sources)
    out = {f"{name}.csv": text for name, text in texts.items()}
    out["datapackage.json"] = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    return out


def write_atomically(files: dict[str, str], target: Path) -> None:
    """Write all files into a fresh folder beside `target`, then swap it in; on any error `target` is untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _recover(target)
    for stale in target.parent.glob(".processed-new-*"):  # left by a build that was killed mid-write
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".processed-new-", dir=target.parent))
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        keep = target.with_name(".processed-old")
        if target.exists():
            os.replace(target, keep)
        os.replace(staging, target)
        shutil.rmtree(keep, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _recover(target)
        raise


def _recover(target: Path) -> None:
    """If a previous build died between its two renames, put the old tables back."""
    keep = target.with_name(".processed-old")
    if keep.exists():
        if target.exists():
            shutil.rmtree(keep, ignore_errors=True)
        else:
            os.replace(keep, target)


def build(paths: Paths = DEFAULT) -> dict[str, str]:
    files = render(load_raw(paths), paths)
    write_atomically(files, paths.processed)
    return files


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)


def run(args: argparse.Namespace) -> int:
    paths = Paths(args.root.resolve())
    _recover(paths.processed)  # a build killed between its two renames left the old tables aside: put them back
    try:
        if args.command == "validate":
            raw = load_raw(paths)
            print(f"ok: {len(raw.sources)} sources, {len(raw.figures)} figures, {len(raw.gaps)} gaps, "
                  f"{len(raw.claims)} claims; nothing written")
            return 0
        files = build(paths)
    except ValidationError as err:
        print(err, file=sys.stderr)
        print("nothing was written.", file=sys.stderr)
        return 1
    rows = {name: text.count("\n") - 1 for name, text in files.items() if name.endswith(".csv")}
    summary = ", ".join(f"{name} {n}" for name, n in rows.items())
    print(f"wrote {paths.rel(paths.processed)}/ ({summary} rows)")
    return 0
