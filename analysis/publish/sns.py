"""seaborn.objects on the house style: build a Plot with the house theme, draw it on a chart's axes.

seaborn draws the data layers (dots, stacked bars); the house style frames them (`style.finish`) and the encoding
rules (`encode`) decide the markers. The one pandas 3 workaround lives here: seaborn 0.13.2 passes `copy=False` to
`pd.concat`, which pandas 3 deprecates with a Pandas4Warning (the result is unchanged under copy-on-write), so
`draw` silences exactly that message while seaborn plots.

seaborn and matplotlib are imported at call time only.
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from analysis.publish import encode, style


def plot(data: pd.DataFrame, **mapping: Any) -> Any:
    """A seaborn.objects Plot themed with the house style (seaborn's own theme would replace font and colours)."""
    import seaborn.objects as so

    return so.Plot(data, **mapping).theme(style.house_rc())


def draw(p: Any, ax: Any) -> None:
    """Draw a Plot onto an existing axes, keeping the axes' labels to the chart (seaborn names them after
    columns)."""
    xlabel, ylabel = ax.get_xlabel(), ax.get_ylabel()
    with style.house(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The copy keyword is deprecated")
        p.on(ax).plot()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def points(ax: Any, frame: pd.DataFrame, *, x: str, y: str, colour: str, palette: dict[str, str],
           value_axis: str = "y", pointsize: float = 10, unit: str = "") -> None:
    """Dots for printed figures, marker by `encode.kind_of(qualifier)`: filled circles for exact figures, open
    triangles for bounds, hollow circles for approximate ones. Records each mark for the encoding audit."""
    import seaborn.objects as so

    data = frame.assign(kind=frame["qualifier"].map(encode.kind_of))
    markers = {k: encode.MARKERS[k][value_axis] for k in encode.MARKERS}
    p = (plot(data, x=x, y=y, color=colour, marker="kind", fill="kind")
         .add(so.Dot(pointsize=pointsize, edgewidth=2, stroke=2), legend=False)
         .scale(color=so.Nominal(palette), marker=so.Nominal(markers),
                fill=so.Nominal({"exact": True, "lower": False, "upper": False, "about": False})))
    draw(p, ax)
    for r in data.itertuples():
        kind = r.kind
        encode.marks(ax.figure).append(encode.Mark(str(r.value_as_printed), str(r.qualifier),
                                                   "dot" if kind == "exact" else kind, unit))
