"""Who a report says its figures come from (`attributions` in sources.yaml): checked at the door, carried in the
figures table, and the one thing every chart's credit reads to name a reported figure's producer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.tables.load import load_table
from tests.raw_copy import refusal

REPORT = "- id: standard-2018-03-16\n"
MET = "- id: met-2017-03-13\n"


def _planted(entry: str) -> tuple[str, str, str]:
    """An `attributions` list added to the Evening Standard's 2018 report (a report, primary: false, that names no
    source for its figures, "Statistics show", so the record gives it none)."""
    return ("sources.yaml", REPORT, REPORT + "  attributions:\n" + entry)


@pytest.mark.parametrize("entry, says", [
    ("  - to: Metropolitan Police Service\n    figures: [no-such-figure]\n    words: the Met said\n",
     "figure 'standard-2018-03-16/no-such-figure' is not in "
     "data/raw/figures/standard-2018-03-16.csv"),
    ("  - to: Metropolitan Police Service\n    figures: [cse-crimes-2016]\n    words: the Met said\n"
     "  - to: Home Office\n    figures: [cse-crimes-2016]\n    words: the Home Office said\n",
     "figure 'standard-2018-03-16/cse-crimes-2016' is attributed twice"),
    ("  - to: Metropolitan Police Service\n    figures: [cse-crimes-2016]\n",
     "each attribution has exactly the fields to, figures, words"),
    ("  - to: Metropolitan Police Service\n    figures: [cse-crimes-2016]\n    words: " + "word " * 31 + "\n",
     "words has 31 words; keep it to 30 or fewer"),
    ("  - to: ''\n    figures: [cse-crimes-2016]\n    words: the Met said\n", "to must be text"),
    ("  - to: Metropolitan Police Service\n    figures: cse-crimes-2016\n    words: the Met said\n",
     "figures must be a list of the source's figure slugs"),
    ("  - to: =HYPERLINK(\"https://evil.example\")\n    figures: [cse-crimes-2016]\n    words: the Met said\n",
     "to "),
])
def test_a_malformed_attribution_is_refused_with_where_it_is(tmp_path: Path, entry: str, says: str) -> None:
    sources = (Path(__file__).parents[1] / "data" / "raw" / "sources.yaml").read_text(encoding="utf-8")
    entry_now = sources[sources.index(REPORT):].split("\n- id: ", 2)[0]
    assert "attributions:" not in entry_now, "the planted report has an attributions list now: plant into another"
    said = refusal(tmp_path, _planted(entry))
    assert "data/raw/sources.yaml" in said and "id=standard-2018-03-16, attributions" in said
    assert says in said, said


def test_a_primary_document_has_no_attributions(tmp_path: Path) -> None:
    """A primary document's figures are its producer's: an attribution there would credit another body for them."""
    said = refusal(tmp_path, ("sources.yaml", MET, MET + "  attributions:\n  - to: Home Office\n"
                              "    figures: [cse-crimes-2016]\n    words: the Home Office said\n"))
    assert "id=met-2017-03-13, attributions" in said and "on a report (primary: false) only" in said, said


def test_every_report_figure_a_chart_credits_to_a_body_is_attributed_in_the_record() -> None:
    """The figures table carries `attributed_to` and the report's words for it; a primary document's figures carry
    none (its producer is its publisher)."""
    figures = load_table("figures")
    attributed = figures[figures["attributed_to"].fillna("") != ""]
    assert len(attributed) > 0
    assert not attributed["primary"].astype(bool).any()
    assert attributed["attribution_words"].fillna("").str.len().gt(0).all()
    assert (attributed["attribution_words"].str.split().str.len() <= 30).all()


def _credit_of(chart_id: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from analysis.publish import charts

    fig, meta = charts.draw(chart_id)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return str(meta.source_line)


def test_one_commons_figure_is_credited_alike_on_every_chart() -> None:
    """The national "more than 1,200" told to MPs and reported by the Daily Mirror was "Home Secretary (House of
    Commons)" on one chart and folded into "Hansard and UK Parliament, reported by … Daily Mirror" on the other:
    each chart worked out a reported figure's producer its own way. Both now read the record's attribution."""
    figures = load_table("figures")
    mirror = figures[figures["figure_id"] == "mirror-2025-12-09-inquiry-chair-copy/historic-cases-flagged"].iloc[0]
    body = str(mirror["attributed_to"])
    assert body, "the Mirror's report names who told MPs the figure"
    from analysis.publish.publishers import face_name

    for chart_id in ("two-1200s", "historic-reviews-national"):
        line = _credit_of(chart_id)
        named = line.split(", reported by ")[0]
        assert face_name(body) in named, (chart_id, line)


def test_a_figure_a_report_names_no_source_for_is_credited_to_the_outlet_alone() -> None:
    """The seed story's "13 per cent" and "more than 1,200" name no source: credited "; MyLondon", never as its
    report of another body's figure."""
    figures = load_table("figures")
    story = figures[figures["source_id"] == "mylondon-2025-10-grooming-gangs"].set_index("figure_id")
    for slug in ("share-uk-population", "historic-cases-identified-for-review"):
        assert pd.isna(story.loc[f"mylondon-2025-10-grooming-gangs/{slug}", "attributed_to"]) or \
            story.loc[f"mylondon-2025-10-grooming-gangs/{slug}", "attributed_to"] == ""
    for chart_id in ("london-population-share", "historic-reviews-national"):
        line = _credit_of(chart_id)
        assert line.endswith("; MyLondon"), line
        assert "MyLondon" not in line.split("; ")[0], line


def test_the_fact_check_names_whom_a_report_cites_for_each_figure_it_uses() -> None:
    """A checker reading "1,737 (Evening Standard, Para 5)" had to open the story to learn the figure is the Met's:
    each figure used now says whom its report cites, and a figure the report gives without a source says nothing
    more."""
    from analysis.factcheck.report import build_entries, read_tables, render_html, render_markdown
    from analysis.paths import DEFAULT

    entries = build_entries(read_tables(DEFAULT))
    markdown, page = render_markdown(entries), render_html(entries)
    cited = ("`standard-2016-cse-referrals/cse-referrals-first-year`: 1,737 (Evening Standard, citing Metropolitan "
             "Police Service, Para 5)")
    assert cited in markdown
    assert "1,737 (Evening Standard, citing Metropolitan Police Service, Para 5)" in page
    # The Standard's 2017 "1,200" ("Statistics show"): its report names no source for it.
    bare = "`standard-2018-03-16/cse-offences-2017`: 1,200 (Evening Standard (copy on Yahoo News UK), Para 2)"
    assert bare in markdown
