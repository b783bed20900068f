"""The lead's standards review, stop 58: which document a chart cites, and what its cells mean."""

from __future__ import annotations

from analysis.publish import charts
from analysis.tables.copies import choose_copy
from analysis.tables.load import load_table


def test_a_document_is_cited_before_the_web_page_of_its_producer_that_summarises_it() -> None:
    """s60 #6: the inspection timeline linked an HMICFRS search-results listing
    (`?cat=cause-of-concern&force=any&month=2025-02`) for "three causes of concern", though the record holds the
    revisit report itself, which prints "We issued three causes of concern". Both are HMICFRS's own, from its own
    site, dated 26 February 2025, so the tie fell to the figure id, and the listing's sorted first. By hand from
    data/raw/sources.yaml: the listing's kind is "web page", the revisit's "inspection report"."""
    figures = load_table("figures")
    both = figures[(figures.measure == "causes_of_concern") & (figures.period_end == "2025-02-26")
                   & figures.source_id.isin(["hmicfrs-2025-02-cause-of-concern-listing", "hmicfrs-2025-mps-revisit"])]
    assert len(both) == 2 and set(both.source_kind) == {"web page", "inspection report"}
    chosen, _ = choose_copy(row.to_dict() for _, row in both.iterrows())
    assert chosen["source_id"] == "hmicfrs-2025-mps-revisit"
    _, meta = charts.draw("inspection-timeline")
    revisit = "https://hmicfrs.justiceinspectorates.gov.uk/publication-html/metropolitan-police-service-handling-of-"
    assert meta.source_url.startswith(revisit) and "?" not in meta.source_url
