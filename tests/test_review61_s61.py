"""A standards editor's read of what an analyst reruns (s61): the notebooks' prose says no more than the cells and
charts beside it show, and a rule written down in two places says what the code does.

The notebook tests read the notebooks as `make` executes them (the session's `made` run, tests/made.py) on the
real record; the rest read the committed record."""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

from analysis.paths import DEFAULT, PROJECT_ROOT
from analysis.publish import charts
from analysis.publish.style import month_year
from tests.made import Made


def _found(executed: Path, name: str) -> str:
    """The Markdown a notebook's code cells wrote (its "What we found" and "Limitations" among them)."""
    nb = nbformat.read(executed / "notebooks" / f"{name}.ipynb", as_version=4)
    return "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs if "data" in o)


def _html(executed: Path, name: str) -> str:
    """The HTML tables a notebook's code cells wrote."""
    nb = nbformat.read(executed / "notebooks" / f"{name}.ipynb", as_version=4)
    return "\n".join(o["data"].get("text/html", "") for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs if "data" in o)


def test_the_met_notebook_says_when_a_change_starts_from_a_year_that_may_be_part_of_a_year(made: Made,
                                                                                           drawn_charts: Any) -> None:
    """The Standard's 1,737 referrals are the first year of the Met's CSE protocol, which its caveat says may have
    started part-way through 2014. The chart dashes the 2014-2015 line and the fact-check's note on "18.5 per cent"
    says the two years may not be like for like, but notebook 02 said "a yearly series uses only figures for a whole
    calendar year" and "Referrals of suspected CSE: 1,737 in 2014 to 2,060 in 2015, a change of +18.6%.", a change
    between whole years. Every change to or from such a year now says so, by the test the chart dashes by."""
    series = pd.read_csv(made.root / "data" / "processed" / "met_cse_series.csv", dtype=str, keep_default_na=False)
    partial = [r for _, r in series.iterrows() if charts.part_period(r)]
    assert [(r["measure"], r["period_label"]) for r in partial] == [("cse_referrals", "2014")]
    found = _found(made.outputs, "02_met_cse_series")
    for r in partial:
        changes = [line for line in found.splitlines()
                   if line.startswith(f"- {charts.MET_MEASURES[r['measure']]}: ") and "a change of" in line
                   and f" in {r['period_label']} " in line + " "]
        assert changes, found
        for line in changes:
            assert f"{r['period_label']}'s figure may cover only part of the year" in line, line
    # The chart dashes the same year: one test for both.
    _, meta = drawn_charts("met-cse-series")
    assert "Dashed: 2014's referrals may cover part of the year." in meta.notes_on_chart


def test_the_inspections_notebook_checks_every_printed_share_whose_counts_were_published(made: Made) -> None:
    """"Do the printed shares hold for the counts?" took only rows with a count of their own, so the 2017 update's
    "Just under 93%", printed beside its two grades (64 and 61 of 135) and judged by the fact-check as their sum,
    was left out of a section that says it covers every share printed with its counts."""
    claims = pd.read_csv(made.root / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    grades = pd.read_csv(made.root / "data" / "processed" / "inspection_grades.csv", dtype=str,
                         keep_default_na=False)
    stated = set(claims["stated_figure"])
    judged = [r for _, r in grades.iterrows() if r["share_as_printed"]
              and stated & set(r["figure_ids"].split(";"))]
    assert {r["share_as_printed"] for r in judged} >= {"Just under 93%", "three quarters", "89%", "more than half"}
    html = _html(made.outputs, "01_inspections")
    section = html[html.index("<th>printed_by</th>"):]
    section = section[:section.index("</table>")]
    for r in judged:
        assert f">{r['share_as_printed']}<" in section, r["share_as_printed"]
    # The combined share is set against the two grades' counts added: 64 + 61 = 125 of 135, 92.59%.
    row = next(tr for tr in section.split("<tr>") if ">Just under 93%<" in tr)
    assert ">125<" in row and ">92.59<" in row, row
    # And what the record says of each share shown reaches Limitations: another copy printed the 2017 one 'Over 90%'.
    found = _found(made.outputs, "01_inspections")
    q3 = next(r for r in judged if r["share_as_printed"] == "Just under 93%")
    assert "'Over 90%'" in q3["caveat"]
    assert "Also printed as 'Over 90%'" in found, found


def test_the_notebooks_date_an_inspection_by_its_month_as_the_chart_does(made: Made) -> None:
    """The record prints no day for two of the inspections (the 2017 update's 24 November is another report's;
    the BBC story behind the 2019 review is dated by its month), and the grades chart labels every bar by its month.
    Notebooks 01 and 06 wrote "2017 Q3 update (2017-11-24, …)" and "(278 of 374, 2016-11-25)"."""
    grades = pd.read_csv(made.root / "data" / "processed" / "inspection_grades.csv", dtype=str)
    for name in ("01_inspections", "06_national_picture"):
        found = _found(made.outputs, name)
        for day in set(grades["published"]):
            assert day not in found, (name, day)
    found = _found(made.outputs, "01_inspections")
    for label, day in set(zip(grades["label"], grades["published"], strict=True)):
        assert f"- {label} ({month_year(day)}, " in found, (label, day)


def test_the_inspections_file_calls_no_listing_order_a_preference() -> None:
    """data/raw/inspections.yaml said its sources "are listed in order of preference" and that the grades table
    "takes each measure from the first source that prints it"; the table takes it by `copy_rank`, whatever the
    order (data/README.md says so). Listing the sources the other way round builds the same table, and the 2018
    update's printed share comes from the copy listed last."""
    from analysis.run.build import load_raw
    from analysis.tables import make as tables

    raw = load_raw(DEFAULT)
    figures = tables.figures_table(raw.figures, raw.sources)
    built = tables.inspection_grades_table(figures, raw.inspections)
    turned = [{**i, "sources": list(reversed(i["sources"]))} for i in raw.inspections]
    assert tables.inspection_grades_table(figures, turned) == built
    q4 = next(i for i in raw.inspections if i["id"] == "hmicfrs-2018-q4")
    share = next(r for r in built if r["inspection_id"] == "hmicfrs-2018-q4")["figure_ids"]
    share = share if isinstance(share, str) else ";".join(share)
    assert f"{q4['sources'][-1]}/share-ri-or-inadequate" in share
    head = "".join(line for line in (PROJECT_ROOT / "data" / "raw" / "inspections.yaml").read_text(
        encoding="utf-8").splitlines(keepends=True) if line.startswith("#"))
    assert "order of preference" not in head and "first source that prints it" not in head, head
    assert "copies.py" in head, head
    with (PROJECT_ROOT / "data" / "processed" / "inspection_grades.csv").open(newline="", encoding="utf-8") as fh:
        committed = [r["figure_ids"] for r in csv.DictReader(fh) if r["inspection_id"] == "hmicfrs-2018-q4"]
    assert any(re.search(rf"{re.escape(q4['sources'][-1])}/share", ids) for ids in committed)


def test_the_london_notebook_does_not_call_a_year_without_a_share_unpublished() -> None:
    """Notebook 04 said London's share is given "only for years in which both estimates are published (a dash: that
    estimate is not in the table)", so a dash read as a year ONS did not publish. London's mid-2024 estimate is
    published (the gap the fact-check's "13 per cent" waits on names ONS's release) and has a dash in that table."""
    gaps = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "gaps.csv", dtype=str, keep_default_na=False)
    population = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "population.csv", dtype=str,
                             keep_default_na=False)
    mid_2024 = gaps[gaps["id"] == "context-london-population-mid-2024"]
    assert mid_2024["published_in"].str.strip().astype(bool).all() and len(mid_2024) == 1
    london = population[(population["measure"] == "population") & (population["geography"] == "London")]
    assert "2024" not in set(london["year"])  # so the notebook's table shows a dash for it
    nb = nbformat.read(PROJECT_ROOT / "notebooks" / "04_london_in_context.ipynb", as_version=4)
    analysis = next(c.source for c in nb.cells if c.cell_type == "markdown" and "## The analysis" in c.source)
    said = " ".join(analysis.split())
    assert "both estimates are published" not in said, said
    assert "for which this record holds both estimates" in said and "not that it was never published" in said, said


def test_the_rules_list_the_verdicts_as_the_report_does_and_say_what_the_code_does() -> None:
    """docs/factcheck.md listed the scale "in the order reports list it (one definition: … `VERDICTS`)", though
    `VERDICTS` is the chart's order and the report lists `VERDICT_ORDER`; its row for "accurate within rounding" said
    only "a rounded input", where the code (and every other statement of the rule) also gives it to an input printed
    "about" or "more than"."""
    from analysis.factcheck.report import VERDICT_ORDER

    docs = (PROJECT_ROOT / "docs" / "factcheck.md").read_text(encoding="utf-8")
    scale = docs[docs.index("### Verdicts and the working"):docs.index("ClaimReview records are written only")]
    rows = re.findall(r"^\| `([^`]+)` \| (.*) \|$", scale, flags=re.M)
    assert tuple(v for v, _ in rows) == VERDICT_ORDER, rows
    assert "`VERDICT_ORDER`" in scale
    within = dict(rows)["accurate within rounding"]
    assert "approximate or as a bound" in within, within
    # What the code does with such inputs (the rules' own example, and an "about" input).
    import analysis

    assert analysis.verify("count", value="more than 1,200", stated="1,300").verdict == "accurate within rounding"
    assert analysis.verify("count", value="about 1,200", stated="1,210").verdict == "accurate within rounding"


def test_the_fact_check_notebook_counts_gap_records_as_records(made: Made) -> None:
    """Notebook 05 said the claims it cannot check "together they need 14 figures", counting gap records: one record
    can name several missing figures (the Casey audit's London counts, police cases and two kinds of assessment, are
    one record; the London Assembly's 2009/10 baselines for two rises are another). It now says records."""
    claims = pd.read_csv(made.root / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    gaps = pd.read_csv(made.root / "data" / "processed" / "gaps.csv", dtype=str, keep_default_na=False)
    unchecked = claims[claims["verdict"].isin(["cannot be checked: not found", "not yet in this record",
                                               "cannot be checked"])]
    named = {g for cell in unchecked["gaps"] for g in cell.split(";") if g}
    wanted = gaps.set_index("id").loc[sorted(named), "wanted"]
    assert "national-casey-london-rate-count" in named
    assert "recorded by the Met, and CIN assessments for CSE and CSA" in wanted["national-casey-london-rate-count"]
    found = _found(made.outputs, "05_factcheck")
    assert f"together they need {len(named)} figures" not in found
    not_found = int((unchecked["verdict"] == "cannot be checked: not found").sum())
    assert (f"{len(unchecked)} claims cannot be checked here: together they point at {len(named)} gap records, "
            "each naming what is missing and who holds it.") in found, found
    assert f"for {not_found} it was not found in any publication we looked at" in found, found


def test_the_national_notebook_credits_the_56_per_cent_as_its_chart_does(made: Made) -> None:
    """Notebook 06 said the "56 per cent" "comes from a report by MyLondon (copy on trendingtoday.london)", naming
    the site the copy was read on where the what-the-56-means chart credits "MyLondon"."""
    import json

    from analysis.publish.publishers import face_name

    figures = pd.read_csv(made.root / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    rise = figures[figures["figure_id"] == "mylondon-2025-10-grooming-gangs/change-children-at-risk-cse"]
    publisher = rise["publisher"].iloc[0]
    assert "trendingtoday" in publisher and face_name(publisher) == "MyLondon"
    meta = json.loads((made.outputs / "charts" / "what-the-56-means" / "what-the-56-means.json").read_text())
    assert meta["source_name"] == "MyLondon", meta["source_name"]
    line = next(x for x in _found(made.outputs, "06_national_picture").splitlines() if "per cent\" rise" in x)
    assert "comes from a report by MyLondon;" in line and "trendingtoday" not in line, line


def test_the_national_notebook_does_not_say_a_document_states_a_place_the_record_assumes() -> None:
    """Notebook 06 introduced its recorded-against-estimated pairs as "documents that print both figures for England
    and Wales", though the CSA Centre's page does not state the place of its 500,000 (the figure's caveat: "Geography
    assumed England and Wales (the page's other figures); not stated for this one")."""
    figures = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    paired = charts.pairs(figures)
    assumed = [c for c in paired["caveat"] if "Geography assumed" in c]
    assert assumed, paired["caveat"].tolist()
    nb = nbformat.read(PROJECT_ROOT / "notebooks" / "06_national_picture.ipynb", as_version=4)
    intro = " ".join(next(c.source for c in nb.cells if c.cell_type == "markdown"
                          and "### 2. Recorded offences against" in c.source and "side by side" in c.source).split())
    assert "print both figures for England and Wales" not in intro, intro
    assert "not always what the document states" in intro, intro
