"""Stop 53 (s53), a standards editor's read: a notebook states a national figure as its chart draws it, in the
same words and with no share the chart declines to compute."""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from tests.made import Made


def _found_lines(made: Made, name: str) -> list[str]:
    nb = nbformat.read(made.outputs / "notebooks" / f"{name}.ipynb", as_version=4)
    return "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs if "data" in o).splitlines()


@pytest.mark.slow
def test_notebook_06_states_each_year_s_recorded_total_as_the_national_chart_prints_it(made: Made) -> None:
    """The NPCC's own release prints '107,000 crimes' for 2022; both its copies print 'around 107,000', and the
    national chart shows the total as loosely as any copy printed it ('around 107,000 offences'). Notebook 06's
    'What we found' kept the publisher's plain '107,000', so the notebook read as an exact count where the chart
    says it is approximate, and it gave 2024's share (4,450 offences of 122,768 cases) as computed, which the
    chart's note says none is. Each line now carries the chart's wording, and no share the chart does not print."""
    chart = pd.read_csv(made.outputs / "charts" / "national-csae-offences" / "national-csae-offences.csv",
                        dtype=str, keep_default_na=False)
    lines = _found_lines(made, "06_national_picture")
    assert (chart["Recorded qualifier"] == "about").any(), "no year printed 'around' by a copy"
    for row in chart.to_dict("records"):
        line = next(ln for ln in lines if ln.startswith(f"- {row['Year']}: police in England and Wales"))
        assert f"recorded {row['Recorded as printed']} child sexual abuse" in line, line
        printed = row["Group-based share as printed"]
        if printed:
            assert f"({printed}, as printed)" in line or f"share of {printed} was printed" in line, line
        else:
            assert not re.search(r"\d%", line), line


@pytest.mark.slow
def test_the_met_series_note_quotes_the_commissioner_once(made: Made) -> None:
    """The Met series' note gave the Commissioner's 'better at finding it' twice in a row ('His explanation: ...'
    with no full stop, then the 56 per cent figure's caveat quoting the same words), in the chart's JSON and in the
    workbook's note for its sheet. The words now appear once, in a note that ends its sentences."""
    import json

    from analysis.publish.charts.met_cse_series import commissioner_explanation

    figures = pd.read_csv(made.root / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    explanation = commissioner_explanation(figures)
    assert explanation is not None
    notes = json.loads((made.outputs / "charts" / "met-cse-series" / "met-cse-series.json").read_text())["notes"]
    assert notes.count(explanation["words"]) == 1, notes
    assert "(nothing is drawn). On the" in notes or "(nothing is drawn). His explanation" in notes, notes


@pytest.mark.slow
def test_the_grades_chart_does_not_call_tortoise_media_s_own_article_a_copy(made: Made) -> None:
    """The 2024 grades ('more than half (121)' of 244) come from Tortoise Media's own article, an original news
    report (outlet 'national', on tortoisemedia.com), yet the chart's face and the workbook said 'a news copy
    prints' it: in this record a copy is a mirror's or a reprint's text, so a reader would look for an original
    that is the article itself. The face now says 'a news article prints' ('report' is the
    inspectorate's in the same sentence)."""
    import json

    sources = pd.read_csv(made.root / "data" / "processed" / "sources.csv", dtype=str, keep_default_na=False)
    tortoise = sources[sources["id"].str.startswith("tortoise-2024")]
    assert len(tortoise) == 1 and tortoise["outlet"].iloc[0] not in ("mirror", "reprint")
    meta = json.loads((made.outputs / "charts" / "inspection-grades" / "inspection-grades.json").read_text())
    assert "2024: a news article prints 'more than half (121)' of 244" in meta["notes_on_chart"], meta["notes_on_chart"]
    assert "news cop" not in meta["notes_on_chart"] and "news cop" not in meta["notes"]


@pytest.mark.slow
def test_a_corrected_claim_s_claimreview_carries_the_date_of_its_correction(made: Made) -> None:
    """The 32-boroughs claim's quoted words were corrected on 2026-12-07 (listed with that date on the fact-check
    page), but its ClaimReview kept only datePublished 2026-11-26 and no dateModified: an aggregator showed the
    corrected text as unchanged since then. Every ClaimReview of a corrected claim now carries its latest
    correction's date as dateModified."""
    import json

    claims = pd.read_csv(made.root / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    latest = {r["claim_id"]: max(line.split(":")[0].strip() for line in r["corrections"].split(";"))
              for r in claims.to_dict("records") if r["corrections"]}
    assert "mylondon-2025-10-grooming-gangs/claim-32-boroughs" in latest
    graph = json.loads((made.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))["@graph"]
    by_id = {g["url"].split("factcheck.html#", 1)[1]: g for g in graph}
    corrected = [i for i in latest if i in by_id]
    assert corrected, "no corrected claim has a ClaimReview"
    for claim_id in corrected:
        review = by_id[claim_id]
        if latest[claim_id] <= review["datePublished"]:  # corrected the day a source was (re)read: docs/factcheck.md
            assert "dateModified" not in review, review  # gives dateModified only "when corrected after that"
            continue
        assert review.get("dateModified") == latest[claim_id], review
        assert review["dateModified"] > review["datePublished"]
    assert by_id["mylondon-2025-10-grooming-gangs/claim-32-boroughs"]["dateModified"] == "2026-12-07"
    assert all("dateModified" not in g for i, g in by_id.items() if i not in latest)
