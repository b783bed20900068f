"""Read the generated tables in `data/processed/` with the types the data dictionary gives them.

Notebooks, charts and reports read data only through here, so a number reaches a chart exactly as the build
wrote it, and nothing downstream re-reads or edits `data/raw/`.
"""

from __future__ import annotations

from typing import Any

from analysis import schema
from analysis.paths import DEFAULT, Paths

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
