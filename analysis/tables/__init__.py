"""tables stage.

The package itself is callable: `analysis.tables()` lists the processed tables. Python sets `analysis.tables` to
this subpackage as soon as any `analysis.tables.*` module is imported, which would hide a plain function of that
name in `analysis/__init__.py`; making the module callable keeps `analysis.tables()` working either way.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> dict[str, str]:
        """Every processed table → its one-line description (see `analysis.tables.load.table_names`)."""
        from analysis.tables.load import table_names

        return table_names(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
