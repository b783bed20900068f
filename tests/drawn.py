"""The published charts drawn once per test worker from the committed tables (fixture `drawn_charts`)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.paths import PROJECT_ROOT, Paths


class DrawnCharts:
    """The published charts drawn from the committed tables, each chart at each width once per worker: the chart
    rule, review and accessibility tests all read the same figures (drawing the twelve at two widths is ~4 s of
    CPU). Read them; never change them."""

    def __init__(self) -> None:
        from analysis.publish import charts
        from analysis.tables.load import load_table

        paths = Paths(PROJECT_ROOT)
        if not (paths.processed / "figures.csv").exists():
            pytest.fail("data/processed is committed but missing here: run `python -m analysis build`")
        self.tables = {t: load_table(t, paths) for spec in charts.CHARTS for t in spec.tables}
        self._drawn: dict[tuple[str, float | None], tuple[Any, Any]] = {}

    def __call__(self, chart_id: str, width: float | None = None) -> tuple[Any, Any]:
        """(figure, metadata) of a chart at the web width, or at `width` (the same chart redrawn, as the export
        redraws it for phones)."""
        from analysis.publish import charts, style

        key = (chart_id, None if width in (None, style.WEB_WIDTH) else width)
        if key not in self._drawn:
            if key[1] is None:
                self._drawn[key] = charts.draw(chart_id, tables=self.tables)
            else:
                self._drawn[key] = self(chart_id)[1].redraw(key[1])
        return self._drawn[key]
