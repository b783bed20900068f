"""The lead's standards review, stop 57: no output can show a figure apart from the fact-check's reading of it."""

from __future__ import annotations

import inspect

import pytest

from analysis.publish import charts
from analysis.tables.load import load_table


@pytest.mark.parametrize("spec", [s for s in charts.CHARTS if "claims" in s.tables[1:]], ids=lambda s: s.chart_id)
def test_a_chart_that_shows_the_fact_checks_reading_cannot_be_drawn_without_it(spec: charts.ChartSpec) -> None:
    """The Met series drew 2017's "1,200" hollow (a round figure, 1,150–1,249, as the fact-check reads it) only when
    given the claims; called as `met_cse_series_chart(series, figures)` it drew the point solid, as an exact
    count, and the London share card lost its verdict, with no word said. The claims are now required."""
    claims = inspect.signature(spec.draw).parameters["claims"]
    assert claims.default is inspect.Parameter.empty
    without = [load_table(t) for t in spec.tables if t != "claims"]
    with pytest.raises(TypeError, match="claims"):
        spec.draw(*without)
