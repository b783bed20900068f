"""Which copy of a figure to use when several documents print it: the one rule every table, chart and check follows.

A reader should see the same number, from the same document, whichever output they open. So the choice has one
documented order, and each step breaks the ties of the one before it:

1. the producer's own document (`primary`);
2. the most exact printing ("61,806,682" before "61.8 million"; an exact figure before "about" or "more than");
3. the outlet that put the copy out, best first as `record.sources.OUTLETS` lists them (the producer's own release
   service, another public body, a news agency, national and specialist outlets, regional outlets, mirrors last);
4. a document before a web page of the same producer that summarises it (`record.sources.SUMMARY_KINDS`: a
   listing of inspection reports prints a report's counts, but the report is what a reader should open);
5. the earliest publication;
6. the figure id, so the choice never depends on file order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from analysis.record.printed import PrintedFigureError, parse_printed
from analysis.record.sources import OUTLETS, SUMMARY_KINDS
from analysis.record.vocabulary import direction

__all__ = ["copy_rank", "choose_copy", "loosest_printing"]


def _relative_step(row: Mapping[str, Any]) -> float:
    """One unit of the last printed digit as a fraction of the value: smaller is more exact (words: no precision)."""
    try:
        printed = parse_printed(str(row.get("value_as_printed") or ""))
    except PrintedFigureError:
        return math.inf
    if printed.value in (None, 0) or printed.step is None or printed.qualifier != "exact":
        return math.inf
    return printed.step / abs(printed.value)


def copy_rank(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """The sort key of a figure row (figures table columns): lower is the better copy."""
    outlet = str(row.get("outlet") or "")
    return (not bool(row.get("primary")), _relative_step(row),
            OUTLETS.index(outlet) if outlet in OUTLETS else len(OUTLETS),
            str(row.get("source_kind") or "") in SUMMARY_KINDS,
            str(row.get("published") or "9999"), str(row.get("figure_id") or ""))


def choose_copy(rows: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], list[Mapping[str, Any]]]:
    """The copy to use and the others (in the same order), from figure rows of one measure, place and period."""
    ranked = sorted(rows, key=copy_rank)
    if not ranked:
        raise ValueError("choose_copy needs at least one figure")
    return ranked[0], ranked[1:]


def loosest_printing(row: Mapping[str, Any], copies: Iterable[Mapping[str, Any]],
                     rounded: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The qualifier, value as printed, unit and figure id a figure is SHOWN with: never more exact than anyone
    printed it (the figure id is the copy whose words are shown, for the credit).

    The copy cited is the most exact (`copy_rank`); how exact a figure looks is a different question. A figure
    printed exact is shown as approximate when its measure is an estimate by definition (the record names such
    measures "…estimate…"), or when another copy of the same figure (same measure and value; `copies`) prints it
    as approximate, as the Met's own "approximately 9,000" does for the copies that print "9,000": then that copy's
    words are shown. A bound ("more than") or an approximate printing is shown as printed. A figure the
    fact-check reads as rounded (`rounded`: the claims table's `rounded_inputs`, figure id → step) is shown as
    approximate too, so a chart never draws exact what a verdict treats as a range.
    """
    shown = {"qualifier": str(row.get("qualifier") or "exact"), "value_as_printed": str(row.get("value_as_printed")),
             "unit": str(row.get("unit") or ""), "figure_id": str(row.get("figure_id"))}
    if direction(shown["qualifier"]) != "exact":
        return shown
    looser = [copy for copy in copies if copy.get("measure") == row.get("measure")
              and copy.get("value") == row.get("value") and direction(str(copy.get("qualifier"))) == "about"]
    if looser:
        # One copy's whole printing, number and unit together ("around 107,000 offences", never "around 107,000"
        # joined to another copy's "crimes"), from the best outlet that printed it (a mirror only if none other did).
        best = min(looser, key=copy_rank)
        return {key: str(best.get(key) or "") for key in shown}
    if "estimate" in str(row.get("measure") or "") or shown["figure_id"] in (rounded or {}):
        return {**shown, "qualifier": "about"}
    return shown
