"""Truthful encodings: how a printed figure may be drawn, enforced where it is drawn.

A chart never says more than the data. Every value a chart draws goes through one of these helpers, which refuse
what would misstate it and record what they drew on the figure (`marks`), so a test can audit any chart:

- a figure printed with a qualifier ("more than 1,200", "almost 3,000", "about 107,000") is never a bar or a
  plain dot ending at the number: a lower bound is an open triangle pointing the way the true value lies ("more
  than"), an upper bound the other way ("almost", "fewer than"), an approximate value a hollow circle; the label
  is the value as printed;
- a line joins points only of one unit and one definition (`line` refuses anything else).

matplotlib is imported at call time only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.record.vocabulary import direction

#: Marker of each kind of value, by the axis the values run along ("x" for horizontal, "y" for vertical).
MARKERS = {"exact": {"x": "o", "y": "o"}, "lower": {"x": ">", "y": "^"}, "upper": {"x": "<", "y": "v"},
           "about": {"x": "o", "y": "o"}}


#: The key's words for each kind of marker (a chart that draws a bound or an approximate value keys it so).
#: "About" covers an estimate printed bare as well as a figure printed "about" (`loosest_printing`: the CSA Centre's
#: "500,000 children estimated" is hollow), so the key says "approximate", not "printed as approximate": the
#: record holds that figure with no qualifier, and the key told a reader the source had printed one.
KIND_WORDS = {"exact": "Exact figure", "lower": "'More than': a lower bound", "upper": "'Almost': an upper bound",
              "about": "Hollow: approximate (an estimate, or printed so)"}


class EncodingError(ValueError):
    """A drawing that would misstate the data (a qualified figure drawn as exact, a line across units)."""


@dataclass(frozen=True)
class Mark:
    """One drawn value: what was printed, how it was drawn."""

    label: str
    qualifier: str
    drawn_as: str  # "bar", "dot", "lower", "upper", "about"
    unit: str = ""


def kind_of(qualifier: str | None) -> str:
    """'exact', 'lower', 'upper' or 'about' for a qualifier of the figures table."""
    return direction(qualifier)


def marks(fig: Any) -> list[Mark]:
    """Every value the chart drew through this module."""
    if not hasattr(fig, "_cse_marks"):
        fig._cse_marks = []
    return fig._cse_marks


def _record(ax: Any, mark: Mark, value_axis: str) -> None:
    marks(ax.figure).append(mark)
    ax._cse_value_axes = getattr(ax, "_cse_value_axes", frozenset()) | {value_axis}


def value_axes(ax: Any) -> frozenset[str]:
    """The axes ("x", "y") along which `ax` draws values through this module (the audit holds their baselines)."""
    return getattr(ax, "_cse_value_axes", frozenset())


def bar(ax: Any, pos: float, value: float, *, qualifier: str, label: str, unit: str = "", horizontal: bool = True,
        **kw: Any) -> Any:
    """One bar ending at `value`: only for an exact figure (a bar's end is read as the value)."""
    if kind_of(qualifier) != "exact":
        raise EncodingError(f"'{label}' is printed with '{qualifier}': a bar would draw it as exactly {value:g}")
    bars = (ax.barh if horizontal else ax.bar)([pos], [value], **kw)
    _record(ax, Mark(label, "exact", "bar", unit), "x" if horizontal else "y")
    return bars


def point(ax: Any, x: Any, y: float, *, qualifier: str, label: str, colour: str, unit: str = "",
          value_axis: str = "y", size: float = 9, shape: str | None = None, **kw: Any) -> str:
    """One value as a marker of its kind (see MARKERS); returns the kind drawn. `shape` may replace the circle
    of an exact or approximate figure (to key something else, e.g. who published it: an approximate one stays
    hollow); a bound keeps its triangle."""
    kind = kind_of(qualifier)
    marker = shape if shape and kind in ("exact", "about") else MARKERS[kind][value_axis]
    face = colour if kind == "exact" else "white"
    ax.plot([x], [y], marker=marker, markersize=size, color=colour, markerfacecolor=face, markeredgewidth=2,
            linestyle="none", zorder=4, **kw)
    _record(ax, Mark(label, qualifier if kind != "exact" else "exact", "dot" if kind == "exact" else kind, unit),
            value_axis)
    return kind


def line(ax: Any, xs: Sequence[Any], ys: Sequence[float], *, units: Sequence[str],
         definitions: Sequence[str] | None = None, **kw: Any) -> Any:
    """A line through points of ONE unit and ONE definition; anything else raises EncodingError."""
    if len(set(units)) > 1:
        raise EncodingError(f"a line would join points in different units: {sorted(set(units))}")
    if definitions is not None and len(set(definitions)) > 1:
        raise EncodingError("a line would join points counted under different definitions")
    (drawn,) = ax.plot(list(xs), list(ys), **kw)
    drawn._cse_units = set(units)
    return drawn


def runs(keys: Sequence[Any]) -> list[tuple[int, int]]:
    """(start, stop) index ranges of consecutive equal keys: where a line may be drawn."""
    out, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            out.append((start, i))
            start = i
    return out


def legend_handles(kinds: Sequence[str], colour: str, value_axis: str = "y") -> list[Any]:
    """Key entries for the marker kinds a chart uses ('exact', 'lower', 'upper', 'about')."""
    from matplotlib.lines import Line2D

    return [Line2D([], [], marker=MARKERS[k][value_axis], linestyle="none", color=colour, markersize=8,
                   markeredgewidth=2, markerfacecolor=colour if k == "exact" else "white", label=KIND_WORDS[k])
            for k in dict.fromkeys(kinds)]
