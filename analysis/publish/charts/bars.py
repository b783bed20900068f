"""Horizontal bars with the category written above each bar: the layout that fits a 360 px phone as well as the
640 px web width (y tick labels beside the bars would squeeze the bars to nothing on a phone).

A figure printed with a qualifier is never a bar: it is drawn as `encode.point` marks (an open triangle for a
bound, a hollow circle for an approximate value) at its printed value, labelled as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analysis.publish import encode, style

STEP = 1.5  # distance between rows, in bar heights' units (room for the label above each bar)


def row_height(n: int) -> float:
    """Plot height in inches for `n` labelled bars."""
    return 0.5 * STEP * n + 0.2


def labelled_bars(ax: Any, categories: Sequence[str], values: Sequence[float], printed: Sequence[str],
                  qualifiers: Sequence[str], colours: Sequence[str], *, unit: str = "", xmax: float | None = None,
                  value_format: str = "{x:,.0f}") -> None:
    """One bar (or bound marker) per category, category above, value as printed at the bar's end."""
    top = max(values) if len(values) else 1
    xmax = xmax or top * 1.25
    rows = zip(categories, values, printed, qualifiers, colours, strict=True)
    for i, (cat, value, text, qualifier, colour) in enumerate(rows):
        y = i * STEP
        style.row_heading(ax, y - 0.42, cat)
        if encode.kind_of(qualifier) == "exact":
            encode.bar(ax, y, value, qualifier=qualifier, label=text, unit=unit, height=0.55, color=colour)
            end = value
        else:
            encode.point(ax, value, y, qualifier=qualifier, label=text, colour=colour, unit=unit, value_axis="x")
            end = value + xmax * 0.015
        # A marker in the right half carries its label on its left, so a long printing ("approximately 9,000")
        # stays inside the chart at both widths.
        left = encode.kind_of(qualifier) != "exact" and value > xmax / 2
        ax.annotate(text, (value - xmax * 0.015 if left else end, y), xytext=(-5 if left else 5, 0),
                    textcoords="offset points", ha="right" if left else "left", va="center",
                    fontsize=style.LABEL_SIZE, color=style.TEXT, fontweight="bold").set_in_layout(False)
    ax.set_ylim(STEP * (len(categories) - 1) + 0.5, -0.75)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(0, xmax)
    ax.xaxis.set_major_formatter(value_format)
    ax.locator_params(axis="x", nbins=4)
    ax.grid(axis="x")
