"""Stop 52 (s52b), a standards editor's read of what users see of the seed story's figures: each output says the
same thing about one figure, at the precision the record knows it, and a verdict says only what was checked."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from tests.made import Made

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _found_lines(executed: Path, name: str) -> list[str]:
    nb = nbformat.read(executed / "notebooks" / f"{name}.ipynb", as_version=4)
    shown = "\n".join(o["data"].get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                      for o in c.outputs if "data" in o)
    return shown.splitlines()


@pytest.mark.slow
def test_notebook_06_gives_the_56_per_cent_period_as_its_chart_does(made: Made) -> None:
    """The story prints only "since September 2024" and "in February" (2025); the record's 2024-09-01 and
    2025-02-28 are stand-ins its caveat explains. The chart says "September 2024 to February 2025"; notebook 06's
    'What we found' printed "(2024-09-01 to 2025-02-28)", days no source printed."""
    from analysis.publish.charts.met_cse_series import commissioner_explanation

    figures = pd.read_csv(made.root / "data" / "processed" / "figures.csv", dtype=str, keep_default_na=False)
    explanation = commissioner_explanation(figures)
    assert explanation is not None
    assert explanation["period"] == "September 2024 to February 2025"
    line = next(ln for ln in _found_lines(made.outputs, "06_national_picture")
                if ln.startswith("- The \"56 per cent\" rise"))
    assert f"({explanation['period']})" in line, line
    assert not ISO_DAY.search(line), line


def test_the_32_boroughs_verdict_rates_only_the_number_of_boroughs() -> None:
    """The record checks that London has 32 boroughs (London Councils), not that the reporter sent each one a
    Freedom of Information request. The claim read "sending Freedom of Information requests to all 32 London
    boroughs", so the fact-check and its ClaimReview rated the requests 'Accurate' too."""
    from analysis.paths import PROJECT_ROOT

    claims = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "claims.csv", dtype=str, keep_default_na=False)
    claim = claims.set_index("claim_id").loc["mylondon-2025-10-grooming-gangs/claim-32-boroughs"]
    assert "request" not in claim["text"].lower(), claim["text"]
    assert "only the number of boroughs is checked" in claim["note"], claim["note"]


def test_notebook_06_does_not_call_the_56_per_cent_the_met_s() -> None:
    """The story says the rise was put to the Commissioner and does not say who put it (the claim's note); the chart
    says "'56 per cent' rise put to the Met Commissioner". Notebook 06's question called it "the Met's '56 per cent'
    rise" and its section said the Met printed it."""
    from analysis.paths import PROJECT_ROOT

    source = (PROJECT_ROOT / "notebooks" / "06_national_picture.py").read_text(encoding="utf-8")
    markdown = " ".join(line.lstrip("# ").strip() for line in source.splitlines() if line.startswith("#"))
    assert not re.search(r"Met's \W?56 per cent", markdown), "the 56 per cent is called the Met's"
    assert "the Met printed for London; the latest is the one asked about" not in markdown


def _figure_row(figure_id: str, publisher: str, primary: bool, published: str, to: str = "") -> dict[str, object]:
    return {"figure_id": figure_id, "source_id": figure_id.split("/")[0], "publisher": publisher,
            "primary": primary, "published": published, "published_approximate": False,
            "source_title": "T", "url": f"https://example.org/{figure_id.split('/')[0]}", "outlet": "producer",
            "attributed_to": to, "original_url": ""}


def test_a_credit_never_says_an_outlet_reported_figures_it_printed_naming_no_source() -> None:
    """'ONS, reported by The London Weekly and MyLondon' said MyLondon reported ONS figures; its "13 per cent" names
    no source. A report's figure with no `attributed_to` is the outlet's own words, credited after a semicolon."""
    from analysis.publish.style import credit

    ons = "Office for National Statistics"
    figures = pd.DataFrame([_figure_row("weekly/london", "The London Weekly", False, "2024-07-15", ons),
                            _figure_row("ons/uk", ons, True, "2024-10-08"),
                            _figure_row("story/share", "MyLondon", False, "2025-10-01")])
    ids = ["weekly/london", "ons/uk", "story/share"]
    got = credit(figures, ids)
    assert got.line == "ONS, reported by The London Weekly; MyLondon"
    assert "MyLondon, 'T'" in got.documents  # the story is still listed among the documents
    # An outlet that also reported the body's figures is already named: not named twice.
    both = pd.concat([figures, pd.DataFrame([_figure_row("story/count", "MyLondon", False, "2025-10-01", ons)])])
    assert credit(both, [*ids, "story/count"]).line == "ONS, reported by The London Weekly and MyLondon"


@pytest.mark.slow
@pytest.mark.parametrize("chart_id, origin", [("london-population-share", "ONS"),
                                               ("met-cse-series", "Metropolitan Police"),
                                               ("historic-reviews-national", "National Crime Agency")])
def test_the_seed_story_is_not_credited_as_reporting_an_official_body_s_figures(made: Made, chart_id: str,
                                                                                origin: str) -> None:
    """The story names no source for its "13 per cent" or its "more than 1,200", and says only that the "56 per
    cent" was put to the Commissioner; three charts credited it as reporting the ONS's, the Met's and the national
    bodies' figures."""
    import json

    meta = json.loads((made.outputs / "charts" / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
    line = meta["source_line"]
    assert line.startswith(f"Source: {origin}"), line
    reported = line.split("; ")[0]
    assert "MyLondon" not in reported, line
    if chart_id == "met-cse-series":
        # The story's 56 per cent is in this chart's notes only, not drawn: the face credit names what the image
        # shows, and the story is listed among the documents (review 54).
        assert "MyLondon" not in line and "MyLondon" in meta["source_documents"], meta
    else:
        assert line.endswith("; MyLondon"), line


def test_claimreview_never_gives_a_mirror_as_where_a_claim_appeared() -> None:
    """10 of 24 ClaimReview records gave a mirror (trendingtoday.london, breakingnewstime.com, papalinc.com, …) as
    the claim's `appearance.url`, which aggregators show as where the claim was made; the charts never link a mirror
    while they know better. A claim read only in a mirror's copy is described by its headline, with no address."""
    from analysis.factcheck.claimreview import claim_review
    from analysis.factcheck.report import Entry
    from analysis.factcheck.wording import ACCURATE
    from analysis.publish.publishers import is_mirror

    claim = {"claim_id": "c", "claimant": "MyLondon/Express", "text": "all 32 London boroughs", "verdict": ACCURATE,
             "working": "figure = 32"}
    mirrored = {"url_main": "https://trendingtoday.london/?p=126257", "title": "The story", "outlet": "mirror"}
    assert is_mirror(mirrored["url_main"])
    appearance = claim_review(Entry(claim=claim, source=mirrored), "https://x.org/", "p")["itemReviewed"]["appearance"]
    assert "url" not in appearance and appearance["headline"] == "The story"
    own = {"url_main": "https://www.tortoisemedia.com/2024/02/09/story", "title": "T", "outlet": "producer"}
    appearance = claim_review(Entry(claim=claim, source=own), "https://x.org/", "p")["itemReviewed"]["appearance"]
    assert appearance["url"] == own["url_main"]
    # The record marks a copy as a mirror even on a host the list does not name yet.
    marked = {"url_main": "https://copies.example.net/story", "title": "T", "outlet": "mirror"}
    appearance = claim_review(Entry(claim=claim, source=marked), "https://x.org/", "p")["itemReviewed"]["appearance"]
    assert "url" not in appearance
