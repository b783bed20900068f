"""A standards editor's read of the twelve charts beside their data and the record (s56): a chart's key says only
what the record holds, a chart's notes carry what the record says of the figures it draws, and a source whose
date the transcriber inferred is marked so wherever the date is printed."""
from __future__ import annotations

import csv
import re
from typing import Any

import pytest

from analysis.paths import PROJECT_ROOT
from tests.made import Made


def _rows(table: str) -> list[dict[str, str]]:
    with (PROJECT_ROOT / "data" / "processed" / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _legend(fig: Any) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]


def test_the_hollow_key_does_not_say_a_bare_estimate_was_printed_as_approximate(drawn_charts: Any) -> None:
    """recorded-vs-estimated draws every estimate hollow, however it was printed (`loosest_printing`). The CSA
    Centre printed its "500,000 children estimated" with no qualifier (the record: exact), yet the key read
    "Hollow: printed as approximate", telling a reporter the CSA Centre had printed "about". The key now says the
    marker means approximate, an estimate or a figure printed so, which holds for both hollow points."""
    fig, meta = drawn_charts("recorded-vs-estimated")
    hollow = [label for label in _legend(fig) if label.startswith("Hollow")]
    assert hollow, _legend(fig)
    estimates = [r for r in _rows("figures") if r["measure"] == "estimated_children_sexually_abused_per_year"
                 and r["source_id"] == "csacentre-infographics-2019-20-iceberg"]
    assert estimates and all(r["qualifier"] == "exact" for r in estimates), estimates  # printed bare
    csa = meta.data[meta.data["Publisher"] == "CSA Centre"]
    assert list(csa["Children estimated to be abused in a year qualifier"]) == ["about"]  # drawn hollow
    assert not any("printed as approximate" in label for label in hollow), hollow
    assert all("estimate" in label for label in hollow), hollow


#: How a source's notes say its date was not printed on the copy read (the transcriber inferred or stood one in).
UNPRINTED_DATE = re.compile(r"placeholder|no date printed|shows no (?:title or )?date|day not printed|"
                            r"own date is not shown|date (?:are|is) not shown|not a date printed", re.IGNORECASE)


def test_a_source_whose_notes_say_its_date_was_not_printed_is_marked_approximate() -> None:
    """`date_approximate` is "true when the publication date was not printed on the document and was inferred"
    (the data dictionary). Six sources said so in their notes but were not marked: the GLA's 2017 page and MOPAC's
    undated page ("date_published is a placeholder (1 January …)"), Cwm Taf's copy ("day not printed, first of
    month used"), the Parliament Today reprint ("shows no title or date"), the Evening Standard's 2018 story ("No
    date printed on the stored copy") and the Met's 2025 response ("its own date is not shown"). The workbook's
    Sources and Figures sheets then said "No" under "Date not printed, inferred" beside those notes, and the
    report, ClaimReview and the charts' document lists printed the stand-in as a day the publisher printed."""
    flagged = [s for s in _rows("sources") if UNPRINTED_DATE.search(s["notes"])]
    assert {"gla-demography-mye-2017", "mopac-keeping-children-and-young-people-safe",
            "cwmtaf-2022-05-csacentre-trends-2020-21-copy", "parliamenttoday-2018-02-hmicfrs-ncpi-mps-q4",
            "standard-2018-03-16", "met-2025-02-26-response-hmicfrs-revisit",
            # s60: two aggregator copies ("the original publisher and date are not shown")
            "breakingnewstime-2016-11-hmic-ncpi-mps", "breakingnewstime-2017-11-hmicfrs-ncpi-mps-q3",
            } <= {s["id"] for s in flagged}
    unmarked = [s["id"] for s in flagged if s["date_approximate"] != "true"]
    assert not unmarked, unmarked
    ids = {s["id"] for s in flagged}
    assert all(f["published_approximate"] == "true" for f in _rows("figures") if f["source_id"] in ids)


def test_the_met_series_notes_carry_what_the_record_says_of_each_figure_drawn(drawn_charts: Any) -> None:
    """The Met series' notes gave only the recording explanation and the part-year dash, so the chart and Chart 2 of
    the workbook dropped the rest of the drawn figures' caveats: the referrals are not distinct children (the
    Standard's headline says "nearly 4,000 children") and were given orally with no transcript found; no Met release
    of the 2017 total was found, and the same story calls it "more than 1,000 crimes". Every sentence of a drawn
    figure's caveat is now in the notes (a part-year sentence is the face's "Dashed" note)."""
    from analysis.publish.charts.common import MET_MEASURES, PART_PERIOD_WORDS, sentences_of

    _, meta = drawn_charts("met-cse-series")
    drawn = [r for r in _rows("met_cse_series") if r["measure"] in MET_MEASURES and r["unit"] != "percent"
             and re.fullmatch(r"\d{4}(/\d{2})?", r["period_label"])]
    assert drawn
    missing = [(r["figure_id"], s) for r in drawn for s in sentences_of(r["caveat"])
               if s not in meta.notes and not any(w in s.lower() for w in PART_PERIOD_WORDS)]
    assert not missing, missing
    assert "not necessarily distinct children" in meta.notes


@pytest.mark.slow
def test_the_workbook_met_series_note_says_the_referrals_are_not_children(made: Made) -> None:
    """The workbook's Chart 2 note is built from the chart's notes: it now carries the referrals' caveat, which the
    chart's data (a column of referrals beside a column of children) most needs."""
    from openpyxl import load_workbook

    book = load_workbook(made.outputs / "cse-figures.xlsx")
    number = re.search(r"\[note (\d+)\]", str(book["Chart 2"]["A1"].value))
    assert number is not None
    note = next(str(r[1]) for r in book["Notes"].iter_rows(values_only=True) if r[0] == int(number.group(1)))
    assert "not necessarily distinct children" in note and "no Met release found" in note


@pytest.mark.parametrize("chart_id", ["met-cse-series", "recorded-vs-estimated"])
def test_the_alt_text_says_which_values_are_drawn_approximate(drawn_charts: Any, chart_id: str) -> None:
    """The alt text listed every value as its label prints it, and a label prints a bare figure bare: the Met
    series' "2017 1,200 offences" (drawn hollow, a round figure the fact-check reads as 1,150–1,249) and the CSA
    Centre's "500,000 children" (an estimate, drawn hollow) read as exact to a reader who cannot see the marker.
    Each value the chart draws approximate though printed bare is now named as such in the alt text."""
    from analysis.publish import encode

    fig, meta = drawn_charts(chart_id)
    about = {m.label for m in encode.marks(fig) if m.drawn_as == "about"}
    assert about, encode.marks(fig)
    if chart_id == "met-cse-series":
        assert "2017's 1,200 is a round figure (1,150–1,249)" in meta.alt_text, meta.alt_text
        assert "2014's referrals may cover part of the year" in meta.alt_text
    else:
        assert "drawn hollow (approximate) for CSA Centre and NPCC (VKPP)" in meta.alt_text, meta.alt_text
