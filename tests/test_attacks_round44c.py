"""Round 44, helper c: one reading of characters (class 4), markup (class 1) and exports (class 5), with inputs earlier
rounds did not try: the record's names and labels typed as the bodies' own pages print them (a curly apostrophe, a
no-break space, two spaces), which the chart credits, the London rates chart, the workbook cover, the charts that
select rows by a unit or place and the "56 per cent" chart's gap look-up compared as typed; names shown with their own
characters (no NFKC on a credit); a required name made of a Braille blank; an attribution's body given as a web
address."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT, Paths
from analysis.publish import publishers
from analysis.publish.charts.london_rates import london_rates_chart
from analysis.tables.load import load_table
from tests.raw_copy import raw_copy, refusal, run_on

# --- a body's name as its own page prints it -----------------------------------------------------------------------

CURLY = str.maketrans({"'": "\u2019"})


def _typed_from_the_page(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table as the build makes it when every name in sources.yaml (producers and attributions) was
    typed with the curly apostrophe the bodies' own pages print ("Chiefs’ Council", "Casey’s national audit"): the
    record already holds such apostrophes in its quotes and titles, copied from the same pages."""
    out = figures.copy()
    for column in ("publisher", "attributed_to"):
        out[column] = out[column].map(lambda v: v.translate(CURLY) if isinstance(v, str) else v)
    return out


def test_london_rates_chart_finds_the_national_audit_whatever_its_apostrophe() -> None:
    """With "Home Office (Baroness Casey’s national audit)" in the record's attributions, the London rates chart
    compared it as typed with the name it looks for, found no audit, and so: titled itself "Three London rates …"
    instead of naming the audit, dropped its warning "Quoted from the audit by a news outlet; not yet checked against
    the audit itself", and linked an aggregator's copy (inkl.com) instead of the audit on gov.uk. Exit 0."""
    figures = load_table("figures")
    claims, gaps = load_table("claims"), load_table("gaps")
    _, typed = london_rates_chart(figures, claims, gaps)
    _, curly = london_rates_chart(_typed_from_the_page(figures), claims, gaps)
    assert curly.title == typed.title
    assert "not yet checked against the audit itself" in curly.notes
    assert curly.source_url == typed.source_url
    assert "inkl.com" not in curly.source_url


@pytest.mark.parametrize(("name", "face"), [
    ("National Police Chiefs\u2019 Council", "NPCC"),
    ("Mayor\u2019s Office for Policing and Crime (Greater London Authority)", "MOPAC"),
    ("Metropolitan\u00a0Police Service", "Metropolitan Police"),
    ("Metropolitan  Police Service", "Metropolitan Police"),
    ("Office for National Statistics\u3000", "ONS"),
])
def test_a_body_is_named_one_way_on_the_chart_face(name: str, face: str) -> None:
    """The national offences chart credited "NPCC (VKPP), NPCC (Hydrant), National Police Chiefs’ Council and
    Hansard": one body under two names, because a producer typed with the page's apostrophe was no known name."""
    assert publishers.face_name(name) == face


def test_the_national_offences_credit_names_the_npcc_once() -> None:
    from analysis.publish.charts.national_offences import national_offences_chart

    figures = _typed_from_the_page(load_table("figures"))
    _, meta = national_offences_chart(figures)
    assert "Chiefs" not in meta.source_name, meta.source_name


# --- a label typed with two spaces or the page's apostrophe ---------------------------------------------------------

ICEBERG = "figures/csacentre-infographics-2019-20-iceberg.csv"
OFFENCES_2019 = "csacentre-infographics-2019-20-iceberg/csa-offences-2019-20,"


def _iceberg_row() -> str:
    text = (PROJECT_ROOT / "data" / "raw" / ICEBERG).read_text(encoding="utf-8")
    [row] = [line for line in text.splitlines() if line.startswith(OFFENCES_2019)]
    return row


def test_a_geography_typed_with_two_spaces_is_the_same_place(tmp_path: Path) -> None:
    """A figure's geography "England  and Wales" (two spaces, as text pasted from a PDF has them; no other place
    name holds two) passed `validate`, and the recorded-vs-estimated chart, which selects rows by the place's exact
    value, dropped the CSA Centre's 2019/20 row (recorded offences beside the estimate) without a word, exit 0."""
    from analysis.publish.charts.recorded_vs_estimated import recorded_vs_estimated_chart

    row = _iceberg_row()
    root = raw_copy(tmp_path, (ICEBERG, row, row.replace(",England and Wales,", ",England  and Wales,", 1)))
    assert run_on(root, "build").returncode == 0
    figures = load_table("figures", Paths(root))
    assert "England  and Wales" not in set(figures["geography"])
    _, meta = recorded_vs_estimated_chart(figures)
    _, as_committed = recorded_vs_estimated_chart(load_table("figures"))
    assert len(meta.data) == len(as_committed.data) == 2


@pytest.mark.parametrize("typed", ["children\u2019s homes", "children's  homes", "children's homes"])
def test_a_unit_is_read_one_way(typed: str) -> None:
    """The same unit typed with the page's apostrophe or two spaces is one unit, as a reader reads it (a revision
    "never changes units", and charts and notebooks select rows by the unit's exact value)."""
    from analysis.record.figures import check_row
    from analysis.record.problems import Problems

    row = dict.fromkeys(("figure_id", "measure", "subject", "geography", "period_start", "period_end",
                         "value_as_printed", "unit", "location", "quote", "caveat"), "")
    row.update(figure_id="x-2020-01-01-y/homes", measure="homes", subject="Homes inspected", geography="England",
               period_start="2020-01-01", period_end="2020-12-31", value_as_printed="12", unit=typed,
               location="Para 1", quote="Inspectors visited 12 homes")
    problems = Problems()
    record = check_row(row, "x-2020-01-01-y", "x.csv", 2, problems)
    assert record is not None, problems
    assert record["unit"] == "children's homes"


# --- a required name made of a blank no reader sees --------------------------------------------------------------

@pytest.mark.parametrize(("old", "new"), [
    ('- to: "Metropolitan Police Service"\n    figures: [force-audit-case-files]',
     '- to: "\u2800"\n    figures: [force-audit-case-files]'),
    ("producer: Mayor's Office for Policing and Crime (Greater London Authority)\n  title: Supporting",
     'producer: "\u2800"\n  title: Supporting'),
])
def test_a_name_made_of_a_braille_blank_is_refused(tmp_path: Path, old: str, new: str) -> None:
    """A Braille blank (U+2800) is no white space to Python's `strip`, so a producer or an attribution's body made of
    one passed the checks that a required name is not empty, though every other check reads it as a space."""
    assert "no reader sees as text" in refusal(tmp_path, ("sources.yaml", old, new))


# --- a gap naming a figure with a no-break space -------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["56\u00a0per cent", "56  per cent", "56 per\u202fcent"])
def test_the_56_per_cent_chart_lists_its_gaps_whatever_the_space(typed: str) -> None:
    """The "56 per cent" chart lists in its notes the counts looked for and not found (the gaps whose `wanted`
    names the rise). It found them by the rise's exact characters: with a no-break space between "56" and "per
    cent", as a page sets it and as a gap's text pasted from one keeps it, both notes were gone, exit 0."""
    from analysis.publish.charts.rise_56 import rise_56_chart

    figures, gaps = load_table("figures"), load_table("gaps")
    typed_gaps = gaps.assign(wanted=gaps["wanted"].str.replace("56 per cent", typed, regex=False))
    assert rise_56_chart(figures, typed_gaps)[1].notes.count("Missing") == 2


def test_the_workbook_cover_counts_a_publisher_once_whatever_its_apostrophe() -> None:
    """The cover's "Sources: N published documents from M publishers, most from …" counted producers as typed."""
    from analysis.publish.workbook import publisher_counts

    sources = [{"producer": "National Police Chiefs' Council"}, {"producer": "National Police Chiefs\u2019 Council"},
               {"producer": "National Police Chiefs'\u00a0Council"}]
    assert publisher_counts(sources) == {"National Police Chiefs' Council": 3}


@pytest.mark.parametrize("typed", ["Agency \uff1cb\uff1e", "Agency \uff04x\uff04", "Agency \ufe64img src=x\ufe65"])
def test_a_name_is_shown_with_the_characters_it_was_typed_with(typed: str) -> None:
    """The guard: names are compared in one reading, but a credit shows the name's own characters; NFKC would turn
    a full-width "＜" or "＄" (text to validate) into markup or TeX on the chart face and in the pages."""
    assert publishers.face_name(typed) == typed


@pytest.mark.parametrize("body", ["daily8.com", "https://www.bbc.co.uk/news/uk-england-london-47732713"])
def test_an_attribution_to_a_web_address_is_refused(tmp_path: Path, body: str) -> None:
    """An attribution's `to` is the body a report cites, printed by the fact-check as "…, citing <body>" and by a
    chart's credit; a web domain or address passed `validate` (a claimant naming one is refused)."""
    old = '- to: "Metropolitan Police Service"\n    figures: [force-audit-case-files]'
    assert "names a web domain" in refusal(tmp_path, ("sources.yaml", old, old.replace("Metropolitan Police Service",
                                                                                        body)))
