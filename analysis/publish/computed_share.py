"""A share this project computes from two printed figures, stated no more precisely than they allow.

"8.8 million" stands for any count from 8,750,000 to 8,849,999, so its share of 67,026,292 is anything from 13.05%
to 13.20%: printed "13.13%", it claims a precision its inputs do not have, which is what the fact-check faults in
others' sentences. One rule for every output that prints a share it computed (the London share chart, notebooks 03
and 04): give the share at the printed values with its range, and show it only to the decimals the range supports.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from analysis.factcheck.ranged import quotient_range
from analysis.record.vocabulary import fmt_percent, supported_decimals


@dataclass(frozen=True)
class ComputedShare:
    """A percentage at the printed values, its lowest and highest across the inputs' rounding or qualifiers, and
    how outputs print it."""

    value: Decimal
    low: Decimal
    high: Decimal
    shown: str

    @property
    def span(self) -> str:
        """The range as printed beside the share ("13.05% to 13.20%"), blank when both inputs are exact."""
        return "" if self.low == self.high else f"{fmt_percent(self.low, 2)} to {fmt_percent(self.high, 2)}"


def computed_share(part: str, whole: str, most: int = 1) -> ComputedShare | None:
    """`part` as a percentage of `whole`, both as printed, shown to at most `most` decimals and no more than their
    range supports; where even whole percentages differ across it ("2,200" of "approximately 9,000": 23.3% to
    25.7%), shown as that range ("23% to 26%"). None when either figure is a bound or no number (`quotient_range`)."""
    quotients = quotient_range(part, whole)
    if quotients is None:
        return None
    value, low, high = (100 * q for q in quotients)
    decimals = supported_decimals(low, high, most)
    shown = fmt_percent(value, decimals)
    if fmt_percent(low, decimals) != fmt_percent(high, decimals):
        shown = f"{fmt_percent(low, 0)} to {fmt_percent(high, 0)}"
    return ComputedShare(value, low, high, shown)
