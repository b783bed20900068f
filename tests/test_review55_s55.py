"""A standards editor's read of the scan on the seed story and of the national chart's notes (s55): the scan gives
a document's date as the record knows it, as the fact-check page does, and the national chart gives the reason it
computes no group-based share without contradicting the caveats printed beneath it."""
from __future__ import annotations

import html
import re
from pathlib import Path

from analysis.factcheck.scan import render_markdown, render_text, scan_text
from analysis.paths import DEFAULT
from analysis.publish import charts
from analysis.tables.load import load_rows, load_table
from tests.made import Made

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"


def test_the_scan_gives_a_stand_in_date_as_approximate_as_the_fact_check_page_does() -> None:
    """MyLondon's story prints no day; the record dates it 2025-10-01 with `published_approximate`, and the fact-check
    page says "published October 2025 (approximate)". The scan, which README offers fact-checkers for the same story,
    printed "MyLondon (copy on trendingtoday.london), 2025-10-01" and MOPAC's page "2024-06-01": days no source
    printed."""
    result = scan_text(SEED.read_text(encoding="utf-8"), DEFAULT)
    text, md = render_text(result, show_all=False), render_markdown(result, show_all=False)
    stand_ins = {r["published"] for r in load_rows("figures") if r["published_approximate"]
                 and str(r["published"]).endswith("-01")}
    assert {"2025-10-01", "2024-06-01"} <= stand_ins
    for day in stand_ins:
        assert day not in text and day not in md, day
    assert "MyLondon (copy on trendingtoday.london), 2025-10 (approximate) (secondary)" in text
    assert "MyLondon (copy on trendingtoday.london) 2025-10 (approximate)" in md
    assert "(Greater London Authority) 2024-06 (approximate) (primary)" in md
    # A date the document printed is left as it was.
    assert "London Councils 2023-06-07 (primary)" in md
    # The JSON keeps the record's date and says it is a stand-in.
    story = next(m for f in result["figures"] for m in f["matches"]
                 if m["figure_id"] == "mylondon-2025-10-grooming-gangs/vess-funding")
    assert (story["published"], story["published_approximate"]) == ("2025-10-01", True)


def test_the_national_chart_gives_why_no_share_is_computed_without_contradicting_its_caveats() -> None:
    """The note said "the group-based analyses cover differing sets of forces (42 in 2022, 44 in 2023) that the
    totals do not state". The 42 and 44 are what the totals' own analyses state: the same chart's 2022 and 2023
    notes print "Police-recorded crimes from 42 forces" and "offences from 44 forces". 2022 has no group-based count
    at all, and 2023's group-based analysis also states 44. What stops a share is that the record does not show a
    year's two counts cover the same forces (nothing states 2024's)."""
    figures = load_table("figures")
    _, meta = charts.draw("national-csae-offences")
    notes = meta.notes
    assert "that the totals do not state" not in notes
    assert "group-based analyses cover differing sets of forces" not in notes
    for year, forces in (("2022", "42"), ("2023", "44")):
        assert re.search(rf"{year}: Police-recorded \w+ from {forces} forces", notes), year
    assert "cover the same forces (forces stated: 42 in 2022, 44 in 2023; none for 2024)" in notes
    table = charts.offence_table(figures).set_index("year")
    assert (table.loc["2024", "unit"], table.loc["2024", "group_unit"]) == ("cases", "offences")
    # One series in the subtitle and in the fact-check's 6%: the unit words are not given as a reason (review 55).
    assert "printed as cases, its group-based count as offences" not in notes
    assert "one series" in meta.intro
    # Notebook 06 gives the chart's reason in the same terms.
    prose = (ROOT / "notebooks" / "06_national_picture.py").read_text(encoding="utf-8")
    assert "totals do not state" not in prose
    assert "does not show that a year's total and its group-based count cover\n# the same forces" in prose


def test_every_population_estimate_names_the_area_it_counts(made: Made) -> None:
    """The seed story's "13 per cent" check lists one figure, and the page showed it as "Usually resident
    population, mid-year estimate: 69,281,400": a reader redoing the share by hand could not tell it is the UK's
    (the area is only in the figure's id, which the page does not print). Five UK estimates and one England and
    Wales estimate were worded so; London's all named London."""
    names = {"United Kingdom": "UK", "England and Wales": "England and Wales", "London": "London"}
    for row in load_rows("figures"):
        if row["measure"] == "population":
            assert names[row["geography"]] in row["subject"], row["figure_id"]
    page = html.unescape((made.outputs / "factcheck.html").read_text(encoding="utf-8"))
    assert "UK usually resident population, mid-year estimate: 69,281,400" in page
    assert "<li>Usually resident population" not in page


def _outputs(path: Path) -> str:
    """Everything a notebook run printed, as text."""
    import nbformat

    cells = nbformat.read(path, as_version=4).cells
    return " ".join(str(o.get("data", {}).get("text/markdown", "")) + str(o.get("data", {}).get("text/html", ""))
                    + str(o.get("text", "")) for c in cells if c.cell_type == "code" for o in c.get("outputs", []))


def test_the_notebooks_count_another_bodys_page_as_not_the_producers_own(made: Made) -> None:
    """Notebook 02 said "8 of 15 rows come from a report of the Met's figures (news or another body), not the Met's
    own document", and notebook 04 "6 of 15 population estimates come from a copy or report, not ONS's own page".
    Both counted rows whose document is not `primary`; MOPAC's own page (the Met's 1,600 children) and the GLA's
    three population summaries are primary for their publishers, but they are another body's pages, which is what
    each sentence names. Counted from the record: 9 of 15 for the Met; 8 of 15 for ONS (the UK's mid-2012 total is
    read from ONS's own stored bulletin, not a document-sharing copy)."""
    by_id = {r["figure_id"]: r for r in load_rows("figures")}

    def not_own(table: str, producer: str, measure: str | None = None) -> tuple[int, int]:
        rows = [r for r in load_rows(table) if measure is None or r["measure"] == measure]
        own = [r for r in rows if r["primary"] and by_id[r["figure_id"]]["publisher"].startswith(producer)]
        return len(rows) - len(own), len(rows)

    met = not_own("met_cse_series", "Metropolitan Police")
    assert met == (9, 15)
    notebooks = made.outputs / "notebooks"
    assert (f"{met[0]} of {met[1]} rows come from a report of the Met's figures (news or another body), not the "
            "Met's own document." in _outputs(notebooks / "02_met_cse_series.ipynb"))
    # Notebook 04 now says which other body's pages (s59 added the GLA's mid-2020 and mid-2021 summaries, so a
    # bare "not ONS's own page" read as if the GLA's own pages were copies). By hand from population.csv: ONS's
    # own pages give 2024 England and Wales, 2010 London and the UK for 2012, 2019, 2020, 2023 and 2024 (7); the
    # GLA's own pages London 2017, 2020, 2021 and 2022 (4); copies or news reports the other 5.
    people = [r for r in load_rows("population") if r["measure"] == "population"]
    ons_own = sum(r["primary"] and by_id[r["figure_id"]]["publisher"] == "Office for National Statistics"
                  for r in people)
    gla_own = sum(r["primary"] and by_id[r["figure_id"]]["publisher"] == "Greater London Authority" for r in people)
    copies = sum(not r["primary"] for r in people)
    assert (len(people), ons_own, gla_own, copies) == (16, 7, 4, 5)
    assert ("Of 16 population estimates, 7 come from ONS's own pages, 4 from the Greater London Authority's own "
            "pages, giving ONS's estimates, and 5 from a copy or news report."
            in _outputs(notebooks / "04_london_in_context.ipynb"))


def test_the_verdicts_chart_says_what_the_claims_are_recomputed_from_as_the_page_does() -> None:
    """The chart's subtitle said each claim was "recomputed from the figures they cite"; the fact-check page says
    "from the figures its source rests on". The page is right: seven claims, the seed story's four checked ones among
    them (32 boroughs against London Councils, "more than 1,200" against the minister's 1,273, £15.6million against
    MOPAC, 13 per cent against ONS), are judged on another document's figures, which the claim never cites."""
    figures = {r["figure_id"]: r for r in load_rows("figures")}
    elsewhere = [c["claim_id"] for c in load_rows("claims")
                 if any(i in figures and figures[i]["source_id"] != c["source_id"]
                        for i in (c["inputs"] or "").split(";"))]
    assert {"mylondon-2025-10-grooming-gangs/claim-32-boroughs",
            "mylondon-2025-10-grooming-gangs/claim-national-historic-cases"} <= set(elsewhere)
    _, meta = charts.draw("factcheck-verdicts")
    assert "recomputed from the figures they rest on" in meta.intro
    assert "figures they cite" not in meta.intro
    page = (ROOT / "analysis" / "factcheck" / "templates" / "factcheck.html.j2").read_text(encoding="utf-8")
    assert "We recompute each number from the figures its source rests on" in page
