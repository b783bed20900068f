"""A share or a change this project computes from printed figures, stated no more precisely than they allow.

"8.8 million" stands for any count from 8,750,000 to 8,849,999, so its share of 67,026,292 is anything from 13.05%
to 13.20%: printed "13.13%", it claims a precision its inputs do not have, which is what the fact-check faults in
others' sentences. A change from 922 to a round "1,200" (1,150 to 1,249) is likewise anything from +24.7% to +35.5%,
not "+30.2%". One rule for every output that prints a percentage it computed (the London share chart, notebooks 02,
03 and 04): give it with its range across what each input could stand for, and show it only to the decimals the
range supports.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from analysis.factcheck.ranged import quotient_range
from analysis.record.vocabulary import fmt_percent, supported_decimals

#: A figure as this project reads it: the value as printed, and the lowest and highest value it could stand for
#: (all three equal for an exact figure).
Reading = tuple[Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class ComputedPercent:
    """A percentage at the printed values, its lowest and highest across the inputs' rounding or qualifiers, and
    how outputs print it. `signed` prints a change with its direction ("+30%")."""

    value: Decimal
    low: Decimal
    high: Decimal
    shown: str
    signed: bool

    @property
    def span(self) -> str:
        """The range as printed beside the percentage ("13.05% to 13.20%"), blank when every input is exact."""
        if self.low == self.high:
            return ""
        return f"{_percent(self.low, 2, self.signed)} to {_percent(self.high, 2, self.signed)}"


def _percent(value: Decimal, decimals: int, signed: bool) -> str:
    """`fmt_percent`, with a "+" before a rise when the percentage is a change."""
    text = fmt_percent(value, decimals)
    return f"+{text}" if signed and value > 0 and text.strip("0.%") else text


def _computed(value: Decimal, low: Decimal, high: Decimal, most: int, signed: bool) -> ComputedPercent:
    """Shown to at most `most` decimals and no more than the range supports; where even whole percentages differ
    across it, shown as that range ("23% to 26%")."""
    decimals = supported_decimals(low, high, most)
    shown = _percent(value, decimals, signed)
    if fmt_percent(low, decimals) != fmt_percent(high, decimals):
        shown = f"{_percent(low, 0, signed)} to {_percent(high, 0, signed)}"
    return ComputedPercent(value, low, high, shown, signed)


def computed_share(part: str, whole: str, most: int = 1) -> ComputedPercent | None:
    """`part` as a percentage of `whole`, both as printed ("2,200" of "approximately 9,000": 23.3% to 25.7%, shown
    "23% to 26%"). None when either figure is a bound or no number (`quotient_range`)."""
    quotients = quotient_range(part, whole)
    if quotients is None:
        return None
    value, low, high = (100 * q for q in quotients)
    return _computed(value, low, high, most, signed=False)


def computed_change(before: Reading, after: Reading, most: int = 1) -> ComputedPercent:
    """The percentage change from `before` to `after`, lowest with the smallest `after` over the largest `before`
    and highest the other way round: 922 to a "1,200" read as 1,150 to 1,249 is +24.73% to +35.47%, shown
    "+25% to +35%"."""
    (b, b_low, b_high), (a, a_low, a_high) = before, after
    value, low, high = (100 * (top / bottom - 1) for top, bottom in ((a, b), (a_low, b_high), (a_high, b_low)))
    return _computed(value, low, high, most, signed=True)
