"""The lead's standards review: what a chart says it knows, read against the record."""

from __future__ import annotations

import matplotlib
import pandas as pd

from analysis.publish import charts
from analysis.tables.load import load_table

matplotlib.use("Agg")


def test_the_timeline_says_which_causes_of_concern_it_cannot_date() -> None:
    """The timeline's title says inspectors closed all three causes of concern, but its dots date only the two
    accelerated ones (October 2023): a reader asked where the third came from. The record prints no date for it,
    so the chart face says so rather than leaving it to be inferred."""
    fig, meta = charts.draw("inspection-timeline")
    figures = load_table("figures")
    causes = figures[figures["measure"] == "causes_of_concern"]
    assert set(causes["value"].dropna()) == {2, 3}  # two accelerated (2023), three issued (the revisit's count)
    said = "Only two of the three causes of concern are dated in the sources read (the accelerated ones)."
    assert said in meta.notes_on_chart and said in meta.alt_text
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert "Only two of the three causes of concern" in texts.replace("\n", " ")


def test_the_timeline_is_silent_when_every_cause_is_dated() -> None:
    """With as many accelerated causes as were issued, nothing is undated and the note is not drawn."""
    from analysis.publish.charts.inspection_timeline import _undated

    rows = pd.DataFrame({"measure": ["causes_of_concern"] * 2, "kind": ["accelerated", "issued"], "value": [3, 3]})
    assert _undated(rows) == ""
    rows.loc[0, "value"] = 1
    assert _undated(rows).startswith("Only one of the three causes of concern")
