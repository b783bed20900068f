"""Chart definitions: one module per chart, processed tables in, (figure, metadata) out.

The notebooks and `python -m analysis charts` call these same functions, so the chart a reader sees in a notebook
is the chart that is published. Every number drawn, and every number in a title, comes from the processed tables
passed in; nothing here types a figure. Each chart also returns its Datawrapper-ready table (`ChartMeta.data`):
first column the categories or dates, one numeric column per series, blank where nothing was published.

matplotlib is imported only inside `analysis.publish.style`'s functions and here at call time, never at import time.

A new chart is one new module here plus one line in `CHARTS` below (and its id in `paths.CHART_IDS`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.paths import CHART_IDS, DEFAULT, Paths  # noqa: F401  (CHART_IDS: the registry draws exactly these)
from analysis.publish.charts.common import (  # noqa: F401  (the charts' shared vocabulary)
    COMBINED,
    EXPLANATION_WORDS,
    GRADE_COLOURS,
    GRADE_ORDER,
    GRADE_TEXT,
    MET_FUNNEL,
    MET_MEASURES,
    NATIONAL_REVIEW_LABELS,
    RECORDING_WORDS,
    RISE_MEASURE,
    ROOT_ENV,
    SPLIT_GRADES,
    ChartMeta,
    chart_meta,
    project_paths,
)
from analysis.publish.charts.factcheck_verdicts import factcheck_chart, verdict_counts  # noqa: F401
from analysis.publish.charts.historic_national import historic_national_chart  # noqa: F401
from analysis.publish.charts.inspection_grades import inspection_grades_chart, select_inspection_grades  # noqa: F401
from analysis.publish.charts.inspection_timeline import (  # noqa: F401
    inspection_timeline_chart,
    milestone_rows,
    milestones,
)
from analysis.publish.charts.london_population_share import (  # noqa: F401
    census_break_note,
    london_population_share_chart,
    london_share_table,
    printed_year,
)
from analysis.publish.charts.london_rates import london_rates, london_rates_chart  # noqa: F401
from analysis.publish.charts.met_cse_series import (  # noqa: F401
    ANNUAL,
    commissioner_explanation,
    met_cse_series_chart,
    part_period,
    recording_notes,
)
from analysis.publish.charts.met_review_funnel import met_funnel_rows, met_review_funnel_chart  # noqa: F401
from analysis.publish.charts.national_offences import national_offences_chart, offence_table  # noqa: F401
from analysis.publish.charts.recorded_vs_estimated import pairs, recorded_vs_estimated_chart  # noqa: F401
from analysis.publish.charts.rise_56 import missing_counts, rise_56_chart  # noqa: F401
from analysis.publish.charts.two_counts import two_counts_chart  # noqa: F401
from analysis.tables.load import load_table


@dataclass(frozen=True)
class ChartSpec:
    """A chart: its id, the function that draws it and the processed tables it reads (in argument order)."""

    chart_id: str
    draw: Callable[..., tuple[Any, ChartMeta]]
    tables: Sequence[str]


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("inspection-grades", inspection_grades_chart, ("inspection_grades", "figures")),
    ChartSpec("met-cse-series", met_cse_series_chart, ("met_cse_series", "figures", "claims")),
    ChartSpec("historic-reviews-national", historic_national_chart, ("historic_reviews", "figures")),
    ChartSpec("met-review-funnel", met_review_funnel_chart, ("historic_reviews", "figures")),
    ChartSpec("london-population-share", london_population_share_chart,
              ("population", "figures", "claims", "gaps")),
    ChartSpec("london-rates", london_rates_chart, ("figures", "claims", "gaps")),
    ChartSpec("factcheck-verdicts", factcheck_chart, ("claims", "figures")),
    ChartSpec("national-csae-offences", national_offences_chart, ("figures",)),
    ChartSpec("recorded-vs-estimated", recorded_vs_estimated_chart, ("figures",)),
    ChartSpec("inspection-timeline", inspection_timeline_chart, ("inspection_grades", "figures")),
    ChartSpec("what-the-56-means", rise_56_chart, ("figures", "gaps")),
    ChartSpec("two-1200s", two_counts_chart, ("historic_reviews", "figures")),
)


def draw(chart_id: str, paths: Paths = DEFAULT, tables: dict[str, pd.DataFrame] | None = None
         ) -> tuple[Any, ChartMeta]:
    """Draw one chart from the processed tables (read through `load_table`, or passed in already read)."""
    spec = next(s for s in CHARTS if s.chart_id == chart_id)
    tables = tables if tables is not None else {}
    args = [tables[t] if t in tables else load_table(t, paths) for t in spec.tables]
    return spec.draw(*args)
