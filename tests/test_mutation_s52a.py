"""Stop 52 (helper s52a): tests that kill the mutants of factcheck/vintages, publish/display and the last chart
modules that survived the tests before them (the list and the reasons: /work/mut52-s52a.md).

Every expected value is worked out by hand from the rule the module states and the committed record (data/raw,
data/processed), quoted in each test's docstring; none is copied from the code's own output. The fact-check tests
judge claims live (tests that read claims.csv as built cannot fail when the fact-check's code changes).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from analysis.factcheck.evaluate import evaluate_claims
from analysis.factcheck.vintages import Vintages
from analysis.run.build import load_raw, make_tables

# --- factcheck/vintages -------------------------------------------------------------------------------------------

UPDAY = "upday-2024-07-15-ons-mid-2023-copy/ew-population-mid-2023"
ODT = "odt-2024-07-15-reuters-ons-mid-2023-copy/ew-population-mid-2023"
WEEKLY = "thelondonweekly-2024-07-15-ons-mid-2023-copy/ew-population-mid-2023"
ONS_FIRST = "ons-2024-10-08-population-estimates-topic-ew-mid-2023/ew-population-mid-2023"
EW_REVISED = "timesng-2025-07-30-ons-mid-2024-copy/ew-population-mid-2023-revised"


@pytest.fixture(scope="module")
def record() -> tuple[Any, dict[str, dict[str, Any]]]:
    raw = load_raw()
    return raw, {f["figure_id"]: f for f in make_tables(raw)["figures"]}


def _count_claim(source_id: str, figure_id: str, stated: str) -> dict[str, Any]:
    return {"id": "t", "claimant": "test", "claimant_type": "", "source_id": source_id, "location": "x",
            "text": stated, "stated": stated, "stated_figure": "", "kind": "count", "inputs": {"figure": figure_id},
            "gaps": [], "note": "", "direction": "", "_where": "id=t"}


def test_of_several_vintages_printed_on_the_claim_s_day_the_one_it_names_is_judged(record) -> None:
    """Three news copies of ONS's first mid-2023 estimate (upday, Reuters via the ODT, The London Weekly) were all
    published on 15 July 2024 and each is linked to the July 2025 revision (revisions.csv). On that day the latest
    vintages are those three, equally late: the one the claim names is the one it is judged against ("preferring the
    named one"), so a claim naming upday's copy is judged on upday's copy and its working names no other vintage
    judged "as published on the claim's date". The revision to 61.1 million still changes "60.9 million" to
    inaccurate (61.1 million printed to 0.1 million stands for 61,050,000 to 61,149,999)."""
    raw, figures = record
    vintages = Vintages(list(raw.revisions), figures)
    for named in (UPDAY, ODT, WEEKLY):
        assert vintages.at(named, "2024-07-15") == named
    # the day ONS's own topic page is dated, it is the latest printed (2024-10-08 after 2024-07-15)
    assert vintages.at(ODT, "2024-10-08") == ONS_FIRST
    (row,) = evaluate_claims([_count_claim("upday-2024-07-15-ons-mid-2023-copy", UPDAY, "60.9 million")], figures,
                             raw.gaps, list(raw.revisions), raw.sources)
    assert row["verdict"] == "accurate", row["working"]
    assert "as published on the claim's date" not in row["working"]
    assert WEEKLY not in row["working"] and ODT not in row["working"]
    assert "a later revision would change the verdict to inaccurate (recomputed 61,100,000)" in row["working"]


def test_the_approximate_date_note_only_where_an_input_was_revised(record) -> None:
    """DfE's children-in-need releases carry no printed day (dfe-cin-2024 and dfe-cin-2025 are dated 1 October,
    approximate). The 2024 edition's rate for 2024 (332.9 per 10,000) was revised by the 2025 edition (331.2): two
    vintages, so which one "1 in 30" is judged against rests on that approximate date, and the working says so. The
    2025 edition's rate for 2025 has one vintage (no revision links it), so its "1 in 30" says nothing of the date."""
    raw, figures = record
    vintages = Vintages(list(raw.revisions), figures)
    assert vintages.revised("dfe-cin-2024/rate-children-in-need-2024")
    assert not vintages.revised("dfe-cin-2025/rate-children-in-need-2025")
    ids = {"dfe-cin-2024-one-in-30-children", "dfe-cin-2025-one-in-30-children"}
    claims = [c for c in raw.claims if c["id"] in ids]
    rows = {r["claim_id"]: r["working"] for r in evaluate_claims(claims, figures, raw.gaps, list(raw.revisions),
                                                                  raw.sources)}
    note = "is approximate (not printed on the document), and an input was revised"
    assert note in rows["dfe-cin-2024-one-in-30-children"]
    assert note not in rows["dfe-cin-2025-one-in-30-children"]


# --- publish/display ----------------------------------------------------------------------------------------------

def _cells(html: str) -> list[str]:
    """The text of every body cell, in order (the header row is <th>)."""
    import re

    return re.findall(r"<td[^>]*>(.*?)</td>", html)


def test_a_figure_s_date_in_a_notebook_table_says_when_it_was_inferred() -> None:
    """The figures table's `published` column as every output gives a document's date: the CSA Centre's 2019/20
    infographics print no date (data/raw/sources.yaml: 2020-11-01, date_approximate), so the cell says "November
    2020 (approximate)", not the stand-in day; AOL's copy of HMIC's 2016 inspection is dated 24 November 2016 as
    printed. Without the approximate column the frame cannot say which dates were inferred, and the date is shown
    as the record holds it (YYYY-MM-DD) rather than failing."""
    from analysis.publish.display import table_html
    from analysis.tables.load import load_table

    figures = load_table("figures")
    pick = figures[figures["figure_id"].isin(["csacentre-infographics-2019-20-iceberg/cpp-sexual-abuse-2019-20",
                                              "aol-2016-11-24-hmic-ncpi-mps/cases-examined"])]
    cells = _cells(table_html(pick, ["figure_id", "published"]))
    shown = dict(zip(cells[::2], cells[1::2], strict=True))
    assert shown["csacentre-infographics-2019-20-iceberg/cpp-sexual-abuse-2019-20"] == "November 2020 (approximate)"
    assert shown["aol-2016-11-24-hmic-ncpi-mps/cases-examined"] == "24 November 2016"
    bare = _cells(table_html(pick[["figure_id", "published"]]))
    assert dict(zip(bare[::2], bare[1::2], strict=True)) == {
        "aol-2016-11-24-hmic-ncpi-mps/cases-examined": "2016-11-24",
        "csacentre-infographics-2019-20-iceberg/cpp-sexual-abuse-2019-20": "2020-11-01"}


def test_a_yes_no_column_of_the_figures_table_says_yes_or_no() -> None:
    """`primary` in the figures table is a boolean column (pandas gives its cells as numpy bools, no subclass of
    bool): a cell says "yes" or "no", never "True"/"False". AOL's copy of HMIC's 2016 inspection is not the
    primary source (primary false); HMICFRS's own 2023 accelerated causes of concern is (primary true)."""
    from analysis.publish.display import table_html
    from analysis.tables.load import load_table

    figures = load_table("figures")
    pick = figures[figures["figure_id"].isin([
        "aol-2016-11-24-hmic-ncpi-mps/cases-examined",
        "hmicfrs-2023-10-06-accelerated-causes-of-concern/accelerated-causes-of-concern"])]
    cells = _cells(table_html(pick, ["figure_id", "primary"]))
    assert dict(zip(cells[::2], cells[1::2], strict=True)) == {
        "aol-2016-11-24-hmic-ncpi-mps/cases-examined": "no",
        "hmicfrs-2023-10-06-accelerated-causes-of-concern/accelerated-causes-of-concern": "yes"}


def test_none_is_no_figure() -> None:
    """A missing value held as None (a table built from records) is "no figure", like NaN and pd.NA; in a column of
    counts it does not stop the others printing as whole numbers (374, not 374.0)."""
    import pandas as pd

    from analysis.publish.display import NO_FIGURE, cell_text, table_html

    assert cell_text(None) == NO_FIGURE
    frame = pd.DataFrame({"cases": pd.Series([374.0, None], dtype="float64"), "note": ["a", None]})
    assert _cells(table_html(frame)) == ["374", "a", NO_FIGURE, NO_FIGURE]


# --- charts/inspection_timeline -----------------------------------------------------------------------------------

@pytest.mark.parametrize("mobile", [False, True])
def test_every_timeline_dot_is_inside_a_date_axis_running_down(drawn_charts, mobile: bool) -> None:
    """Time runs down a real date axis, one dot per date a document stated something. The record's London counts
    were stated on 6 October 2023 (the two accelerated causes of concern), 9 February 2024 (the report's 11
    recommendations) and 26 February 2025 (the revisit): three dots at those dates, each inside the axis (a dot
    outside the limits is not drawn), later dates lower, ticked "Oct 2023", "Feb 2024", "Feb 2025"."""
    from matplotlib.dates import date2num

    from analysis.publish import style

    fig, _ = drawn_charts("inspection-timeline", style.MOBILE_WIDTH if mobile else None)
    ax = fig.axes[0]
    dots = sorted(float(y) for line in ax.get_lines() if line.get_marker() == "o" for y in line.get_ydata())
    days = [date2num(pd.Timestamp(d)) for d in ("2023-10-06", "2024-02-09", "2025-02-26")]
    assert dots == days
    bottom, top = ax.get_ylim()
    assert bottom > top  # inverted: the latest date at the bottom
    assert all(top < y < bottom for y in dots)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Oct 2023", "Feb 2024", "Feb 2025"]


def test_each_timeline_milestone_is_headed_by_what_was_stated_that_day(drawn_charts) -> None:
    """HEADINGS are checked in order against the kinds stated that day: 6 October 2023 stated only accelerated
    counts (HMICFRS: "two" causes of concern, "two" recommendations with them) -> "Accelerated causes of concern";
    9 February 2024 only issued ones (11 recommendations) -> "The inspection report"; 26 February 2025 issued causes
    ("three", the revisit's summary) and closed ones (the Met: "three") -> "The revisit", since closed is checked
    first. The subtitle spans the first date to the last: October 2023 to February 2025."""
    _, meta = drawn_charts("inspection-timeline")
    assert list(meta.data["Date"]) == ["2023-10-06", "2024-02-09", "2025-02-26"]
    assert list(meta.data["Milestone"]) == ["Accelerated causes of concern", "The inspection report", "The revisit"]
    assert meta.intro.endswith("what was stated when, October 2023 to February 2025")


def test_a_column_of_whole_populations_prints_as_counts_with_separators() -> None:
    """The population table's `value` is a float column whose values are all whole: it prints as counts, with
    thousands separators from 10,000, while `year` (a count under 10,000) keeps none. ONS's mid-2024 England and
    Wales estimate, printed "61,806,682", is 61,806,682 people; the revised mid-2023 estimate, printed "61.1
    million", is 61,100,000."""
    from analysis.publish.display import table_html
    from analysis.tables.load import load_table

    population = load_table("population")
    ew = population[population["geography"] == "England and Wales"]
    cells = _cells(table_html(ew, ["year", "value_as_printed", "value"]))
    rows = [tuple(cells[i:i + 3]) for i in range(0, len(cells), 3)]
    assert ("2024", "61,806,682", "61,806,682") in rows
    assert ("2023", "61.1 million", "61,100,000") in rows


def test_a_cell_holding_several_values_is_not_missing() -> None:
    """Only a missing value says "no figure": a cell holding several values (pandas cannot say whether a list is
    missing, it answers per item) is shown as its text."""
    from analysis.publish.display import NO_FIGURE, cell_text

    assert cell_text(["a", "b"]) == "['a', 'b']" != NO_FIGURE


def test_the_revisit_milestone_says_all_closed_only_when_as_many_were_closed_as_issued() -> None:
    """figures.csv: on 26 February 2025 the revisit states "three" causes of concern from the 2023 inspection
    (HMICFRS) and the Met that "three" were closed, so the milestone reads "Three causes of concern from the
    inspection; all closed." (what was closed last). Had the Met said "two", it would read "...; two closed."."""
    from analysis.publish.charts.inspection_timeline import milestone_rows, milestones
    from analysis.tables.load import load_table

    figures = load_table("figures")
    assert milestones(milestone_rows(figures))[-1][2] == "Three causes of concern from the inspection; all closed."
    closed = figures["figure_id"] == "met-2025-02-26-response-hmicfrs-revisit/causes-of-concern-closed"
    figures.loc[closed, ["value", "value_as_printed"]] = [2, "two"]
    assert milestones(milestone_rows(figures))[-1][2] == "Three causes of concern from the inspection; two closed."


def test_thousands_separators_start_at_ten_thousand() -> None:
    """cell_text's rule: whole numbers carry thousands separators from 10,000 (so a year stays 2023): 9,999 prints
    as 9999 and 10,000 as "10,000", as an int or as a whole float in a whole column."""
    from analysis.publish.display import cell_text

    assert cell_text(9999) == "9999"
    assert cell_text(10_000) == "10,000"
    assert cell_text(10_000.0, whole=True) == "10,000"
    assert cell_text(-10_000) == "-10,000"


def test_where_files_go_names_the_project_folder_and_only_the_variable_elsewhere(monkeypatch, tmp_path) -> None:
    """where_files_go: inside the project the folder is named as users see it (outputs/charts); elsewhere (a test's
    scratch folder) only the variable is, so an executed notebook does not depend on where it was run; with the
    variable unset, no files are written."""
    from analysis.paths import PROJECT_ROOT
    from analysis.publish.display import where_files_go

    monkeypatch.delenv("CSE_FIGURES_ROOT", raising=False)
    monkeypatch.setenv("CSE_CHARTS_DIR", str(PROJECT_ROOT / "outputs" / "charts"))
    assert where_files_go().data == ("This run exports each chart into `outputs/charts/<chart-id>/` "
                                     "(PNG, SVG, CSV, JSON).")
    monkeypatch.setenv("CSE_CHARTS_DIR", str(tmp_path / "charts"))
    shown = where_files_go().data
    assert shown == "This run exports each chart into the folder `$CSE_CHARTS_DIR` names (PNG, SVG, CSV, JSON)."
    monkeypatch.delenv("CSE_CHARTS_DIR")
    assert "**no files are written**" in where_files_go().data


@pytest.mark.parametrize("mobile", [False, True])
def test_each_timeline_block_is_clear_of_the_next_and_inside_the_axes(drawn_charts, mobile: bool) -> None:
    """The layout rule (_layout): each milestone's heading and text are kept clear of the next milestone, and the
    axis is padded before the first dot and after the last, so the last block (which hangs below its dot) is inside
    the axes too. At both widths: every heading and text box lies inside the axes, no two overlap, and each block
    ends above the next milestone's dot (the record's three dates, 6 October 2023, 9 February 2024, 26 February
    2025)."""
    from matplotlib.dates import date2num

    from analysis.publish import style

    fig, _ = drawn_charts("inspection-timeline", style.MOBILE_WIDTH if mobile else None)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(renderer)
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == 6  # a heading and a text for each of the three milestones
    for b in boxes:
        assert frame.y0 <= b.y0 and b.y1 <= frame.y1 and frame.x0 <= b.x0 and b.x1 <= frame.x1
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(b) for b in boxes[i + 1:])
    dots = [ax.transData.transform((0.02, date2num(pd.Timestamp(d))))[1]
            for d in ("2024-02-09", "2025-02-26")]
    for block, next_dot in zip((boxes[0:2], boxes[2:4]), dots, strict=True):
        assert min(b.y0 for b in block) > next_dot


def test_a_column_of_grades_stays_on_one_line() -> None:
    """Text columns whose longest cell is at most SHORT_TEXT (20) characters stay on one line ("short"): the split
    grades of inspection_grades.csv, the longest being "requires improvement" (exactly 20 characters), are short; the
    labels with the combined grade ("requires improvement or inadequate", 34) wrap ("long")."""
    import re

    from analysis.publish.display import table_html
    from analysis.tables.load import load_table

    grades = load_table("inspection_grades")
    split = grades[grades["grade"] != "requires improvement or inadequate"]
    assert max(len(g) for g in split["grade"]) == 20
    assert set(re.findall(r'<td class="(\w+)">', table_html(split, ["grade"]))) == {"short"}
    assert set(re.findall(r'<td class="(\w+)">', table_html(grades, ["grade"]))) == {"long"}


# --- charts/inspection_grades -------------------------------------------------------------------------------------

@pytest.mark.parametrize("mobile", [False, True])
def test_a_narrow_share_s_label_is_under_its_own_bar(drawn_charts, mobile: bool) -> None:
    """A segment too narrow for its label gets it "under the segment's start, naming the grade": below its own bar
    (rows are 1.7 apart, bars 0.5 high, the axis runs down) and above the next row's heading (0.42 above that
    row). inspection_grades.csv: the 2017 Q3 update's 10 good of 135 cases (7.4%) is such a segment at both
    widths."""
    from analysis.publish import style

    fig, _ = drawn_charts("inspection-grades", style.MOBILE_WIDTH if mobile else None)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if abs(p.get_height() - 0.5) < 1e-9]
    narrow = [t for t in ax.texts if t.get_text().endswith((" good", " requires improvement", " inadequate"))]
    assert "7.4% good" in [t.get_text() for t in narrow]
    for t in narrow:
        x, y = t.get_position()
        (bar,) = [b for b in bars if abs(b.get_x() - x) < 1e-9 and b.get_y() < y < b.get_y() + 1.7]
        bottom = bar.get_y() + bar.get_height()  # the bar's lower edge, as the axis runs down
        assert bottom <= y < bottom + 1.7 - 0.5 - 0.42 + 0.25, t.get_text()


def test_a_split_inspection_s_note_quotes_a_printed_combined_share_only_if_there_is_one() -> None:
    """The 2017 Q3 update's grades were published separately (10 good, 64 requires improvement, 61 inadequate) with
    a combined share printed as "Just under 93%": the note quotes it. Had no combined share been printed (a blank
    cell), the note would quote nothing, not an empty ('')."""
    from analysis.publish import charts
    from analysis.tables.load import load_table

    grades, figures = load_table("inspection_grades"), load_table("figures")
    _, meta = charts.inspection_grades_chart(grades, figures)
    quoted = ("For the 2017 Q3 update the separately published grades are shown, with their sum; the combined share "
              "printed with them ('Just under 93%') is given in the data as printed.")
    assert quoted in meta.notes
    combined = ((grades["inspection_id"] == "hmicfrs-2017-q3")
                & (grades["grade"] == "requires improvement or inadequate"))
    grades.loc[combined, "share_as_printed"] = ""
    _, meta = charts.inspection_grades_chart(grades, figures)
    assert ("For the 2017 Q3 update the separately published grades are shown, with their sum; the combined share "
            "printed with them is given in the data as printed.") in meta.notes
