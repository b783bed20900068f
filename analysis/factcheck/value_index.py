"""Which record values lie within reach of a printed value: a sorted look-up instead of a scan of every value.

`scan` asks this for every figure of an article: two values are near when they differ by at most the larger of
their two reaches (`near`, the one definition). Each record value's reach makes an interval around it; the
intervals' ends cut the number line into segments, and for each segment the intervals that touch it are listed once,
when the record is loaded. A look-up is then two binary searches (the segment holding the printed value; the record
values within the printed value's own reach) and the exact test on the few values they give. Standard library only.
"""

from __future__ import annotations

import bisect
import math

__all__ = ["ValueIndex", "near"]

#: Slack on a reach: a value printed to the same step may differ from the reach by rounding in the last digit.
SLACK = 1 + 1e-6
#: Added to every reach, so a reach of zero still takes the value itself.
FLOOR = 1e-9


def near(value: float, reach: float, other: float, other_reach: float) -> bool:
    """Whether two values differ by at most the larger of their reaches (with SLACK and FLOOR)."""
    return abs(value - other) <= max(reach, other_reach) * SLACK + FLOOR


def _widened(value: float, reach: float) -> tuple[float, float]:
    """An interval holding every value `near` `value` through its own reach, a little wider than needed (the
    exact test is `near`; this only has to miss nothing to rounding)."""
    half = reach * SLACK + FLOOR
    pad = (abs(value) + half) * 1e-12 + 1e-300
    return value - half - pad, value + half + pad


class ValueIndex:
    """The positions of `values` near a printed value, each value with its reach (`reaches`, same order)."""

    def __init__(self, values: list[float], reaches: list[float]) -> None:
        self.values, self.reaches = values, reaches
        self._order = sorted(range(len(values)), key=values.__getitem__)
        self._sorted = [values[i] for i in self._order]
        spans = [_widened(v, r) for v, r in zip(values, reaches, strict=True)]
        self._bounds = sorted({end for span in spans for end in span})
        # touching[k]: the intervals that touch segment k, [bounds[k-1], bounds[k]] (unbounded at either end);
        # swept once: an interval joins when the segment reaches its start and leaves after its end.
        starts = sorted(range(len(spans)), key=lambda i: spans[i][0])
        ends = sorted(range(len(spans)), key=lambda i: spans[i][1])
        active: set[int] = set()
        s = e = 0
        self._touching: list[tuple[int, ...]] = []
        for k in range(len(self._bounds) + 1):
            upper = self._bounds[k] if k < len(self._bounds) else math.inf
            lower = self._bounds[k - 1] if k else -math.inf
            while s < len(starts) and spans[starts[s]][0] <= upper:
                active.add(starts[s])
                s += 1
            while e < len(ends) and spans[ends[e]][1] < lower:
                active.discard(ends[e])
                e += 1
            self._touching.append(tuple(sorted(active)))

    def near(self, value: float, reach: float) -> list[int]:
        """Positions (ascending) of the values `near` `value` with reach `reach`: within their reach of it, or
        within its reach of them."""
        found = set(self._touching[bisect.bisect_right(self._bounds, value)])
        low, high = _widened(value, reach)
        found.update(self._order[bisect.bisect_left(self._sorted, low):bisect.bisect_right(self._sorted, high)])
        values, reaches = self.values, self.reaches
        return sorted(i for i in found if near(values[i], reaches[i], value, reach))
