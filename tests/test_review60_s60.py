"""A standards editor's read of the charts as a reporter publishes them (s60): the alt text, which a screen-reader
user hears in place of the image, carries the figures the title rests on and what the card says of a figure it
shows, so it never says less than the image does about what bears out the finding."""
from __future__ import annotations

import csv
import re
from typing import Any

import pandas as pd

from analysis.paths import PROJECT_ROOT


def _rows(table: str) -> list[dict[str, str]]:
    with (PROJECT_ROOT / "data" / "processed" / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_offences_alt_text_gives_the_printed_shares_the_title_rests_on(drawn_charts: Any) -> None:
    """national-csae-offences is titled "Group-based offences: about 5% or less of recorded child sexual abuse,
    2022–2023", and the only figures that bear it out are the shares its sources printed (2022's "5%", 2023's
    "3.7 per cent"), which the cards show. The alt text listed each year's total and group-based count but no
    share, so 2022, with no count, had no group-based figure at all: the title's finding stood on nothing a
    screen-reader user could hear."""
    _, meta = drawn_charts("national-csae-offences")
    said = dict(re.findall(r"(\d{4}): (.*?)(?= \d{4}: |$)", meta.alt_text))  # year -> what the alt text says of it
    printed = [(str(r["Year"]), r["Group-based share as printed"]) for _, r in meta.data.iterrows()
               if isinstance(r["Group-based share as printed"], str) and r["Group-based share as printed"]]
    assert printed, meta.data  # the record prints a share for at least one year
    for year, share in printed:
        assert share in said.get(year, ""), (year, share, meta.alt_text)
    # A year with a count and no printed share says none was computed, as its card does.
    counted = [str(r["Year"]) for _, r in meta.data.iterrows()
               if pd.notna(r["Group-based"]) and not isinstance(r["Group-based share as printed"], str)]
    for year in counted:
        assert "none computed" in said.get(year, ""), (year, meta.alt_text)


def test_the_population_alt_text_says_who_printed_the_13_per_cent_and_the_verdict(drawn_charts: Any) -> None:
    """london-population-share's third card is the story's "13 per cent", with who printed it, when, that it gave
    no year, and the fact-check's verdict ('not yet in this record'). The alt text gave only "13 per cent", so a
    screen-reader user heard an unattributed, unjudged share beside two the chart computes, where the image says
    it is a news story's figure that the fact-check could not yet check."""
    _, meta = drawn_charts("london-population-share")
    printed = [f for f in _rows("figures") if f["measure"] == "share_of_uk_population" and f["geography"] == "London"]
    latest = max(printed, key=lambda f: f["period_end"])
    claim = next(c for c in _rows("claims") if c["stated_figure"] == latest["figure_id"])
    assert latest["value_as_printed"] in meta.alt_text
    tail = meta.alt_text.split(f"{latest['value_as_printed']}: ", 1)
    assert len(tail) == 2, meta.alt_text
    assert "MyLondon" in tail[1] and claim["verdict"] in tail[1], meta.alt_text
