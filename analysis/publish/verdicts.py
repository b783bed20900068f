"""What the fact-check said about figures, for the charts and notebooks that show them: one reading of claims.csv.

A chart card or a notebook that judged a printed figure again from a table's values could part from the fact-check
(which reads rounded inputs across their rounding); so each shows the claim's verdict, read here, and draws as
rounded the figures the fact-check read as rounded.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from analysis.record.vocabulary import split_steps

__all__ = ["NO_CLAIM", "rounded_inputs", "verdicts"]

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
