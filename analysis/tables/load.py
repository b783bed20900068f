"""Read the generated tables in `data/processed/` with the types the data dictionary gives them.

Notebooks, charts and reports read data only through here, so a number reaches a chart exactly as the build
wrote it, and nothing downstream re-reads or edits `data/raw/`.
"""

from __future__ import annotations

import csv
from typing import Any

from analysis.paths import DEFAULT, Paths
from analysis.record import schema

_DTYPES = {"string": "string", "date": "string", "number": "float64", "integer": "Int64", "boolean": "boolean"}


def load_table(name: str, paths: Paths = DEFAULT) -> Any:
    """One processed table as a DataFrame: numbers as floats (NaN where unavailable), booleans as booleans."""
    import pandas as pd

    path = paths.processed / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{paths.rel(path)} does not exist: run `python -m analysis build` (or `make`)")
    if name in schema.TABLES:
        fields = schema.TABLES[name][0]
        dtypes = {f.name: _DTYPES[f.type] for f in fields}
        return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={
            f.name: [""] for f in fields if f.type in ("number", "integer", "boolean")})
    return pd.read_csv(path, dtype="string", keep_default_na=False)


def _typed(kind: str) -> Any:
    def convert(text: str) -> Any:
        if text == "":
            return None
        if kind == "number":
            return float(text)
        if kind == "integer":
            return int(text)
        if kind == "boolean":
            return text == "true"
        return text

    return convert


def load_rows(name: str, paths: Paths = DEFAULT) -> list[dict[str, Any]]:
    """One processed table as plain rows with the same types as `load_table` (None where unavailable), for
    callers that need no DataFrame: the workbook is written without importing pandas."""
    path = paths.processed / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{paths.rel(path)} does not exist: run `python -m analysis build` (or `make`)")
    kinds = {f.name: f.type for f in schema.TABLES[name][0]} if name in schema.TABLES else {}
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        converters = {c: _typed(kinds.get(c, "string")) for c in reader.fieldnames or []}
        return [{c: converters[c](v) for c, v in row.items()} for row in reader]
