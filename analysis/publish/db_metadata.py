"""Datasette metadata for outputs/cse.db, built from the data dictionary (`data/processed/datapackage.json`).

The titles, descriptions, column meanings and licence a reader sees in Datasette are the ones the data package
publishes, so the browsable record cannot describe a table differently from the files. The canned queries are the
questions fact-checkers and reporters ask of the record most: everything one document printed, every place a
number was printed, the claims that do not hold, and the figures nobody has published and who holds them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analysis.factcheck.report import write_together
from analysis.factcheck.wording import INACCURATE
from analysis.paths import DATABASE
from analysis.record.hygiene import inline_safe_json
from analysis.tables.lookup import ID_WRAPPING

__all__ = ["LINK_TABLES", "CANNED_QUERIES", "build_metadata"]

#: The database's name in Datasette (the file is outputs/cse.db).

#: Tables the database adds to the processed ones: claim → figure and claim → gap links, with their meanings.
LINK_TABLES: dict[str, tuple[str, str, dict[str, str]]] = {
    "claim_figures": ("Claim inputs", "Which figures each claim rests on (role 'input') or states (role 'stated').",
                      {"claim_id": "The claim (claims.claim_id).", "figure_id": "The figure (figures.figure_id).",
                       "role": "input: the claim is computed from it; stated: it transcribes the stated value."}),
    "claim_gaps": ("Claim gaps", "Which missing figures (gaps) leave a claim unchecked.",
                   {"claim_id": "The claim (claims.claim_id).", "gap_id": "The gap record (gaps.id)."}),
}

#: The facets the figures table's page always shows (the most any table has; the Datasette plugin that bounds a
#: page's facet links counts them, `datasette_plugins/limits.py`).
FIGURES_FACETS = ("geography", "measure", "primary")
_FIGURE_COLUMNS = ("f.value_as_printed, f.qualifier, f.measure, f.geography, f.subject, s.producer, "
                   "f.published, f.\"primary\", f.quote, f.figure_id")

#: `lookup.ID_WRAPPING` as an SQL string literal.
_ID_WRAPPING_SQL = "'" + ID_WRAPPING.replace("'", "''") + "'"

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "figures_from_source": {
        "title": "Every figure from one source",
        "description": "Every figure printed in one document, with its quote and where in the document it is. "
                       "Give a source id from the sources table (e.g. mylondon-2025-10-grooming-gangs).",
        "sql": "select f.figure_id, f.measure, f.value_as_printed, f.quote, f.location, s.producer, s.title, "
               "s.url_main\nfrom figures f join sources s on s.id = f.source_id\n"
               # an id as copied, read as `show` reads one (`lookup.as_id`): with the space, line end, quotes,
               # brackets or full stop around it, or capitalised ("MyLondon-…")
               f"where f.source_id = lower(trim(:source_id, {_ID_WRAPPING_SQL} || char(9, 10, 13, 32, 160)))\n"
               "order by f.figure_id",
    },
    "printed_1200": {
        "title": "Every printed 1,200",
        "description": "Every figure printed as 1,200, with or without a qualifier. The national 'more than 1,200' "
                       "historic cases and the Met's own 1,200 cases in scope are different definitions: "
                       "read the measure and subject before comparing them.",
        "sql": f"select {_FIGURE_COLUMNS}\nfrom figures f join sources s on s.id = f.source_id\n"
               "where f.value = 1200\norder by f.measure, f.published, f.figure_id",
    },
    "inaccurate_claims": {
        "title": "Inaccurate claims",
        "description": "Registered claims whose recomputed value does not support the words printed, even allowing "
                       "for rounding.",
        "sql": "select claim_id, claimant, text, stated, kind, computed, rule, working, note\nfrom claims\n"
               f"where verdict = '{INACCURATE}'\norder by claim_id",
    },
    "gaps_and_holders": {
        "title": "Gaps and who holds the data",
        "description": "Figures looked for and not found, who publishes or holds them, and the claims they leave "
                       "unchecked.",
        "sql": "select g.holder, g.id, g.wanted, g.cited_by, g.reason,\n"
               "  (select group_concat(cg.claim_id, '; ') from claim_gaps cg where cg.gap_id = g.id) as claims\n"
               "from gaps g\norder by g.holder, g.id",
    },
}


def _table(resource: dict[str, Any]) -> str:
    """The SQLite table a data-package resource becomes: its file name without .csv."""
    return Path(resource["path"]).stem


def build_metadata(datapackage: dict[str, Any]) -> dict[str, Any]:
    """Datasette metadata (title, description, licence, source, per-table and per-column descriptions, queries)."""
    licences = datapackage.get("licenses") or [{}]
    tables: dict[str, Any] = {}
    for resource in datapackage.get("resources", []):
        fields = resource.get("schema", {}).get("fields", [])
        tables[_table(resource)] = {
            "title": resource.get("title", ""),
            "description": resource.get("description", ""),
            "columns": {f["name"]: f.get("description", "") for f in fields if f.get("description")},
        }
    for name, (title, description, columns) in LINK_TABLES.items():
        tables[name] = {"title": title, "description": description, "columns": columns}
    if "figures" in tables:
        tables["figures"]["facets"] = list(FIGURES_FACETS)
    return {
        "title": datapackage.get("title", ""),
        "description": datapackage.get("description", ""),
        "license": licences[0].get("title", licences[0].get("name", "")),
        "license_url": licences[0].get("path", ""),
        "source": "The published documents in the sources table (each figure row links to its document)",
        "databases": {DATABASE: {"title": datapackage.get("title", ""),
                                 "description": datapackage.get("description", ""),
                                 "tables": tables, "queries": CANNED_QUERIES}},
    }


def write_metadata(datapackage_path: Path, out: Path) -> dict[str, Any]:
    """Build the metadata from a datapackage.json file and write it as JSON; returns it. Written beside and moved
    in (`write_together`): written in place, a full disk or a kill left half a file, and Datasette (`make serve`)
    would not start on it."""
    metadata = build_metadata(json.loads(datapackage_path.read_text(encoding="utf-8")))
    write_together({out: inline_safe_json(metadata)})
    return metadata
