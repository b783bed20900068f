"""The notebooks' table display: counts as integers, a missing number said in words, text never cut."""

from __future__ import annotations

import pandas as pd

from analysis.publish.display import NO_FIGURE, cell_text, limitations, table_html
from analysis.tables.load import load_table


def test_counts_blanks_and_long_text_on_the_real_grades_table() -> None:
    grades = load_table("inspection_grades")
    html = table_html(grades, ["label", "count", "share_computed", "caveat"])
    assert ">278<" in html and ">278.0<" not in html  # the 2016 inspection: 278 of 374 cases
    assert f">{NO_FIGURE}<" in html and "NaN" not in html and "&lt;NA&gt;" not in html
    longest = max(grades["caveat"], key=len)
    assert len(longest) > 200
    assert longest[-40:].replace("'", "&#x27;") in html  # the end of the longest caveat is there: nothing cut


def test_cell_text() -> None:
    assert cell_text(float("nan")) == NO_FIGURE
    assert cell_text(pd.NA, missing="–") == "–"
    assert cell_text(374.0, whole=True) == "374"
    assert cell_text(8866180.0, whole=True) == "8,866,180"
    assert cell_text(2023) == "2023"  # a year keeps no separator
    assert cell_text(74.3316) == "74.33"
    assert cell_text(pd.Timestamp("2024-02-09")) == "2024-02-09"
    assert cell_text(True) == "yes"


def test_a_fraction_keeps_the_column_float() -> None:
    frame = pd.DataFrame({"share": [75.0, 74.33]})
    assert ">75<" in table_html(frame) and ">74.33<" in table_html(frame)


def test_limitations_split_joined_caveats_and_pick_gaps_by_word() -> None:
    """Each caveat sentence once, labelled "Caveat" (the record's caveats include notes on reading a figure, which no
    source printed, so not "Source caveat"), then the gaps whose id or wording names a word."""
    gaps = pd.DataFrame({"id": ["gap-a", "gap-b"], "wanted": ["Met counts", "ONS estimate"], "holder": ["Met", "ONS"]})
    lines = limitations(["First caveat. Second caveat.; First caveat.", ""], gaps, ["met"])
    assert lines == ["Caveat: First caveat.", "Caveat: Second caveat.",
                     "Looked for and not found: Met counts. Held by: Met."]
    assert len(limitations([], gaps)) == 2
