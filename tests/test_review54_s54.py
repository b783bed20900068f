"""A standards editor's read of the workbook, the notebooks' prose and the methods page (s54): each output says
why its date is what it is, calls a count what its source calls it, and never passes the record's own notes off as
words a source printed."""
from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
from typing import Any

import nbformat
import pytest

from tests.made import Made


def _workbook(made: Made) -> Any:
    from openpyxl import load_workbook

    return load_workbook(made.outputs / "cse-figures.xlsx")


def _rows(made: Made, table: str) -> list[dict[str, str]]:
    with (made.root / "data" / "processed" / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _shown(path: Any) -> str:
    """A notebook's rendered Markdown outputs ("What we found", "Limitations")."""
    cells = nbformat.read(path, as_version=4).cells
    return " ".join(str(o.get("data", {}).get("text/markdown", "")) for c in cells if c.cell_type == "code"
                    for o in c.get("outputs", []))


def _text(path: Any) -> str:
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.slow
def test_the_workbook_cover_gives_the_reason_for_its_date_that_the_gallery_gives(made: Made) -> None:
    """The edition's date is the latest date a source was read or a claim corrected (reader_text.edition_date).
    The record's last read is 6 December 2026 and the 32-boroughs correction is dated 7 December, so the edition is
    7 December, and the gallery says why. The workbook's cover said '7 December 2026 (the latest date on which a
    source was read for this workbook)': no source was read that day. Both now give the same reason."""
    read = max(s["date_accessed"] for s in _rows(made, "sources"))
    corrected = [m for c in _rows(made, "claims") for m in re.findall(r"(\d{4}-\d{2}-\d{2}):", c["corrections"])]
    edition = dt.date.fromisoformat(max([read, *corrected]))
    cover = " ".join(str(c.value) for row in _workbook(made)["Cover"].iter_rows() for c in row if c.value)
    line = re.search(r"Last updated: ([^(]+) \(([^)]*)\)", cover)
    assert line is not None, cover
    assert line.group(1) == edition.strftime("%-d %B %Y")
    gallery = _text(made.outputs / "index.html")
    reason = re.search(r"This edition: [^(]+ \(([^)]*)\)", gallery)
    assert reason is not None
    assert line.group(2).replace("on which ", "") == reason.group(1), (line.group(2), reason.group(1))
    if edition > dt.date.fromisoformat(read):  # the real record: the date comes from a correction
        assert "or a claim corrected" in line.group(2), line.group(2)


@pytest.mark.slow
def test_the_historic_reviews_sheet_does_not_call_the_met_s_count_group_based(made: Made) -> None:
    """The Met's own review counts any case with two or more suspects (intra-familial, institutional and online
    abuse included), as its rows' caveats and Chart 4's subtitle ('not only group-based exploitation') say. The
    'Historic reviews' sheet's subtitle called every row, the Met's included, 'historic group-based CSE cases'."""
    met = [r for r in _rows(made, "historic_reviews") if r["scope"] == "Met"]
    assert met and any("intra-familial" in r["caveat"] for r in met)
    book = _workbook(made)
    subtitle = str(book["Historic reviews"]["A2"].value)
    assert "Met counts of historic group-based" not in subtitle, subtitle
    assert "group-based" in subtitle and "Met's review of its own historic cases" in subtitle, subtitle
    assert "not only group-based" in str(book["Chart 4"]["A2"].value)


@pytest.mark.slow
def test_no_output_presents_the_record_s_notes_as_words_a_source_printed(made: Made) -> None:
    """A figure's `caveat` holds the source's own warnings and the transcriber's notes on reading it (data/README.md:
    'If the document states no period ... say so in caveat'). The '56 per cent' chart's notes, and so the gallery
    and the workbook's note 18, introduced the caveat as 'Caveat printed with the figure: Counts behind the rise are
    not printed' (MyLondon printed no such words), the Figures sheet headed the column 'Caveat from the source' over
    notes such as 'the date is the story's date', and five notebooks' Limitations called them 'the sources' own
    caveats' and listed each as 'Source caveat: ...'. Each now names the column for what it holds."""
    figures = {f["figure_id"]: f for f in _rows(made, "figures")}
    rise = figures["mylondon-2025-10-grooming-gangs/change-children-at-risk-cse"]
    assert rise["caveat"].startswith("Counts behind the rise are not printed")  # the record's note, not MyLondon's
    notes = json.loads((made.outputs / "charts" / "what-the-56-means" / "what-the-56-means.json").read_text())["notes"]
    assert rise["caveat"][:40] in notes
    book = _workbook(made)
    note_text = " ".join(str(c.value) for row in book["Notes"].iter_rows() for c in row if c.value)
    for text in (notes, _text(made.outputs / "index.html"), note_text):
        assert "printed with the figure" not in text
    header = [str(c.value) for c in next(r for r in book["Figures"].iter_rows() if r[0].value == "Figure ID")]
    column = next(h for h in header if h.startswith("Caveat"))
    assert any("the date is the story's date" in f["caveat"] for f in figures.values())
    assert column != "Caveat from the source" and "notes on how the figure was read" in column, column
    for path in sorted((made.outputs / "notebooks").glob("*.ipynb")):
        prose = " ".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        assert "sources' own caveats" not in prose and "caveats printed with" not in prose, path.name
        assert "Source caveat:" not in _shown(path), path.name  # the Limitations bullets
    assert "Caveat: No period printed; date is the story's date." in _shown(
        made.outputs / "notebooks" / "01_inspections.ipynb")


@pytest.mark.slow
def test_notebook_05_names_every_verdict_the_methods_page_defines(made: Made) -> None:
    """The methods page, docs/factcheck.md and the README define six verdicts, plain *cannot be checked* (the
    arithmetic is undefined) among them; notebook 05's opening listed five, so an analyst meeting that verdict in
    the claims table found no definition where the notebook said the verdicts were."""
    from analysis.factcheck.wording import VERDICTS

    nb = nbformat.read(made.outputs / "notebooks" / "05_factcheck.ipynb", as_version=4)
    opening = re.sub(r"\s+", " ", nb.cells[0].source)
    methods = _text(made.outputs / "methods.html")
    for verdict in VERDICTS:
        assert verdict.capitalize() in methods, verdict
        assert f"*{verdict}*" in opening, verdict


@pytest.mark.slow
def test_the_methods_page_states_the_counting_rule_once(made: Made) -> None:
    """Stop 53 added 'the same figures stated at another precision are another claim' to the registry's counting
    rule (schema.COUNTED_ONCE), which the methods page quotes and then, in its own words, said again: 'The same
    figures stated another way are another claim'. The paragraph now states the rule once and gives the reason."""
    from analysis.record.schema import COUNTED_ONCE

    methods = _text(made.outputs / "methods.html")
    paragraph = methods.split("How we count claims", 1)[1].split("Two worked examples", 1)[0]
    assert COUNTED_ONCE.capitalize() in paragraph
    assert paragraph.count("another claim") == COUNTED_ONCE.count("another claim"), paragraph
    assert "“49 per cent”" in paragraph and "two claims" in paragraph


@pytest.mark.slow
def test_the_cover_says_when_a_chart_sheet_marks_a_bare_figure_about(made: Made) -> None:
    """The cover said the qualifier column holds 'none printed' when no qualifying word was printed. Chart 2's sheet
    gives the Standard's 2017 '1,200' offences, printed bare, as 'about (approximate)' (the chart draws it hollow:
    the fact-check reads it as a round figure, README), while the Met CSE series sheet gives the same figure 'none
    printed'. The cover now says a chart's sheet marks such a figure 'about', as the README does for the CSVs."""
    book = _workbook(made)
    series = list(book["Met CSE series"].iter_rows(values_only=True))
    bare = [r for r in series if r[0] == "cse_flagged_crimes" and r[4] == "2017"]
    assert bare and bare[0][6] == "none printed", bare  # the table keeps the words as printed
    chart = list(book["Chart 2"].iter_rows(values_only=True))
    header = next(r for r in chart if r[0] == "Year")
    row = next(r for r in chart if r[0] == 2017)
    assert row[header.index("Crimes connected with CSE: qualifier (bound or approximation)")] == "about (approximate)"
    cover = " ".join(str(c.value) for r in book["Cover"].iter_rows() for c in r if c.value)
    assert "a figure printed without such a word is marked 'about'" in cover, cover


@pytest.mark.slow
def test_the_one_line_verdict_gives_a_restated_figure_as_printed_and_a_share_with_its_unit(made: Made) -> None:
    """The fact-check's one-line verdict for the seed story's '£15.6million' read 'The published figures give
    15,600,000': the Mayor's Office printed '£15.6 million', and the line dropped the currency and read as exact to
    the pound. The DfE's 'around 1 in every 30' read 'give 3.33', with no unit, where its working gives 3.33%."""
    page = _text(made.outputs / "factcheck.html")
    gives = dict((said, give) for give, said in
                 re.findall(r"The (?:published|claim's own) figures give ([^;“]+?); (?:the claim|it) says “([^”]*)”",
                            page))
    figures = {f["figure_id"]: f for f in _rows(made, "figures")}
    claims = _rows(made, "claims")
    vess = next(c for c in claims if c["claim_id"] == "mylondon-2025-10-grooming-gangs/claim-vess-funding")
    assert gives[vess["stated"]] == figures[vess["inputs"]]["value_as_printed"] == "£15.6 million"
    for c in claims:
        if c["computed"] and f"= {c['computed']}%" in c["working"] and c["stated"] in gives:
            assert re.match(r"(a (fall|rise) of )?[\d.,]+%", gives[c["stated"]]), (c["claim_id"], gives[c["stated"]])
    assert gives["around 1 in every 30"].startswith("3.3")
    assert re.match(r"[\d.]+% \(1 in [\d.]+\)$", gives["around 1 in every 30"])


@pytest.mark.slow
def test_chart_1_sheet_shows_each_combined_share_as_the_chart_labels_it(made: Made) -> None:
    """Chart 1's sheet showed the combined 'requires improvement or inadequate' share as 74.33 for 2016 and as 89 for
    2018 in one column: the computed 89.25 took the decimals of the source's '89%' two cells along, so the sheet
    read 89 beside its own '89.3% combined' and the chart's 89.3%. Each now shows at the chart's label."""
    sheet = _workbook(made)["Chart 1"]
    rows = list(sheet.iter_rows())
    header = next(r for r in rows if r[0].value == "Inspection")
    names = [str(c.value) for c in header]
    number = names.index("Requires improvement or inadequate, only the total published (%)")
    label = names.index("Requires improvement or inadequate, as labelled")
    shown = [(r[number], str(r[label].value)) for r in rows[rows.index(header) + 1:]
             if isinstance(r[number].value, float)]
    assert len(shown) == 2, shown  # the 2016 inspection and the 2018 update
    for cell, labelled in shown:
        decimals = len(labelled.split("%")[0].partition(".")[2])
        wanted = "#,##0." + "0" * decimals if decimals else "#,##0"
        assert cell.number_format == wanted, (cell.number_format, labelled)
        assert f"{cell.value:.{decimals}f}%" == labelled.split()[0], (cell.value, labelled)


@pytest.mark.slow
def test_the_claims_sheet_does_not_say_no_input_was_read_as_rounded_beside_a_working_that_reads_one(made: Made) -> None:
    """The seed story's '£15.6million' rests on the Mayor's Office's '£15.6 million', which the working reads as
    15,550,000 to 15,649,999 ('inputs rounded: ...'). The Claims sheet's column 'Inputs read as rounded' showed [z]
    (not applicable) for it: the column lists only inputs printed in full that a claim reads as rounded (the
    Standard's 1,200), and its header now says so."""
    sheet = list(_workbook(made)["Claims"].iter_rows(values_only=True))
    header = next(r for r in sheet if r[0] == "Claim ID")
    column = next(h for h in header if str(h).startswith("Inputs") and "rounding step" in str(h))
    rows = [dict(zip(header, r, strict=True)) for r in sheet[sheet.index(header) + 1:]]
    vess = next(r for r in rows if r["Claim ID"] == "mylondon-2025-10-grooming-gangs/claim-vess-funding")
    assert "inputs rounded" in vess["Working"] and vess[column] == "[z]"
    assert column == "Inputs printed in full but read as rounded (figure ID:rounding step)", column
    standard = next(r for r in rows if r["Claim ID"] == "standard-2018-cse-offences-rise")
    assert standard[column] == "standard-2018-03-16/cse-offences-2017:100"


@pytest.mark.slow
def test_the_cover_gives_the_newest_source_s_date_as_known(made: Made) -> None:
    """The newest source (the inquiry's terms-of-reference consultation) prints no day: the record dates it
    2026-01-01 as a first-of-month stand-in (`date_approximate`), and the fact-check page gives such a date as
    'January 2026 (approximate)'. The cover said 'Newest source: published 1 January 2026', a day no source
    printed."""
    from analysis.factcheck.report import reader_date

    sources = _rows(made, "sources")
    newest = max(sources, key=lambda s: s["date_published"])
    cover = " ".join(str(c.value) for r in _workbook(made)["Cover"].iter_rows() for c in r if c.value)
    shown = reader_date(newest["date_published"], newest["date_approximate"] == "true")
    assert f"Newest source: published {shown}." in cover, cover
    if newest["date_approximate"] == "true":
        assert "(approximate)" in shown and not shown[0].isdigit(), shown
