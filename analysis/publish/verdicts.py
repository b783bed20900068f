"""What the fact-check said about figures, for the charts and notebooks that show them: one reading of claims.csv.

A chart card or a notebook that judged a printed figure again from a table's values could part from the fact-check
(which reads rounded inputs across their rounding); so each shows the claim's verdict, read here, and draws as
rounded the figures the fact-check read as rounded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pandas as pd

from analysis.publish.display import gap_sentence
from analysis.record.vocabulary import split_list, split_steps

__all__ = ["NO_CLAIM", "Unchecked", "rounded_inputs", "unchecked", "verdicts"]

#: What a figure no claim states is shown with.
NO_CLAIM = "no claim states it"


def rounded_inputs(claims: pd.DataFrame) -> dict[str, Decimal]:
    """{figure id: step} of every figure a claim is judged on as rounded (one step per figure)."""
    return {ref: step for cell in claims["rounded_inputs"] for ref, step in split_steps(cell).items()}


def verdicts(claims: pd.DataFrame, figure_ids: pd.Series) -> pd.DataFrame:
    """The verdict and working of the claim stating each figure (`NO_CLAIM` and "" where none does), indexed as
    `figure_ids`."""
    judged = claims.drop_duplicates("stated_figure").set_index("stated_figure")
    return pd.DataFrame({"verdict": figure_ids.map(judged["verdict"]).fillna(NO_CLAIM),
                         "working": figure_ids.map(judged["working"]).fillna("")}, index=figure_ids.index)


class Unchecked(NamedTuple):
    """Why the fact-check could not judge a figure a chart shows: what it lacks, in a phrase for the chart's face
    ("was not found", "is published, not yet in this record"), and each missing figure as the notebooks word a gap
    (`display.gap_sentence`), for the notes."""

    lacks: str
    gaps: str


def unchecked(figure_id: str, claims: pd.DataFrame, gaps: pd.DataFrame) -> Unchecked | None:
    """What is missing for the claim stating `figure_id`, from the gaps it names (None when it names none): beside
    a computed 13.1% for mid-2023, a story's "13 per cent" marked only "not yet in this record" read as borne out,
    and the audit's "2.77" police rate was drawn with no word that its counts were never found."""
    stating = claims[claims["stated_figure"] == figure_id]
    named = {g for cell in stating["gaps"] for g in split_list(cell)}
    missing = gaps[gaps["id"].isin(named)]
    if missing.empty:
        return None
    published = missing["published_in"].fillna("").astype(str).str.strip().astype(bool).all()
    return Unchecked("is published, not yet in this record" if published else "was not found",
                     " ".join(gap_sentence(g) for g in missing.itertuples(index=False)))
