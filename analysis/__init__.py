"""Published figures about child sexual exploitation in London and England & Wales, as sourced tidy tables.

The public API, for analysts in a notebook or a Python shell (these examples run as tests):

    >>> import analysis
    >>> "inspection_grades" in analysis.table_names()     # table name → one-line description
    True
    >>> grades = analysis.load("inspection_grades")        # a typed DataFrame: counts Int64, dates as dates
    >>> str(grades["count"].dtype)
    'Int64'
    >>> analysis.figure("met-2017-03-13/cse-crimes-2016")["value_as_printed"]   # one figure, every field
    '922'
    >>> any(r["value_match"] for r in analysis.search("1,200"))   # figures, sources, gaps, claims; best first
    True
    >>> analysis.verify("change", from_="1,737", to="2,060", stated="18.5 per cent").verdict
    'accurate within rounding'

Each name is imported on first use (module `__getattr__`), so `import analysis` — and `python -m analysis verify`,
which must start in a blink — loads no pandas. The code lives in the stages; this file only forwards.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name → (module, attribute). Kept as data so nothing is imported until a name is used.
_API: dict[str, tuple[str, str]] = {
    "load": ("analysis.tables.load", "load"),
    "table_names": ("analysis.tables.load", "table_names"),
    "figure": ("analysis.tables.lookup", "figure"),
    "search": ("analysis.tables.lookup", "search"),
    "verify": ("analysis.factcheck.check_one", "verify"),
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    module, attribute = _API[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(["__version__", *_API])
