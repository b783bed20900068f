"""The lead's standards review: a chart shows a figure in words someone printed, and credits whom it quotes."""

from __future__ import annotations

import matplotlib

from analysis.publish import charts
from analysis.publish.charts.national_offences import offence_table
from analysis.tables.copies import loosest_printing
from analysis.tables.load import load_table

matplotlib.use("Agg")

NPCC_2022 = "npcc-2024-01-10-vkpp-2022-csae-analysis/csae-crimes-2022"


def test_each_year_s_total_is_shown_in_one_document_s_words_number_and_unit_together() -> None:
    """The NPCC's release prints '107,000 crimes' for 2022; its copies print 'around 107,000 offences'. The card
    joined one copy's 'around' to the publisher's 'crimes' ('around 107,000 crimes'), a printing no document made.
    Every year's number and unit now come from one figure row, and the card says whose words they are."""
    figures = load_table("figures")
    table = offence_table(figures)
    printed = set(zip(figures["figure_id"], figures["value_as_printed"], figures["unit"], strict=True))
    for r in table.itertuples():
        assert (r.words_from, r.total_printed, r.unit) in printed, (r.year, r.total_printed, r.unit)
    y2022 = table.set_index("year").loc["2022"]
    assert (y2022["total_id"], y2022["total_printed"], y2022["unit"]) == (NPCC_2022, "around 107,000", "offences")
    fig, meta = charts.draw("national-csae-offences")
    face = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text)).replace("\n", " ")
    assert "around 107,000 crimes" not in face
    assert "Worded as Police Professional reported it; NPCC printed '107,000 crimes'." in face, face
    assert "reported by Police Professional" in meta.source_line


def test_the_looser_printing_comes_from_the_best_outlet_that_printed_it() -> None:
    """Two copies print 'around 107,000': Police Professional (a specialist outlet) and Healthcare Conferences UK
    (a mirror). The words shown, and so the credit, are the better outlet's whichever order the rows come in."""
    figures = load_table("figures")
    rows = figures.to_dict("records")
    npcc = next(r for r in rows if r["figure_id"] == NPCC_2022)
    for order in (rows, rows[::-1]):
        shown = loosest_printing(npcc, order)
        assert shown["figure_id"] == "policeprofessional-2024-01-vkpp-2022-copy/csae-offences-2022", shown
        assert (shown["value_as_printed"], shown["unit"]) == ("around 107,000", "offences")


def test_police_professional_s_2022_figures_are_credited_to_the_vkpp_as_its_story_says() -> None:
    """'Analysis by the Vulnerability Knowledge and Practice Programme (VKPP) found there were around 107,000
    offences' (policeprofessional.com, para 2): the story names its source, so the figure is not its own words."""
    figures = load_table("figures").set_index("figure_id")
    row = figures.loc["policeprofessional-2024-01-vkpp-2022-copy/csae-offences-2022"]
    assert row["attributed_to"] == ("Vulnerability Knowledge and Practice Programme (VKPP), "
                                    "National Police Chiefs' Council")
    assert "around 107,000" in row["attribution_words"]
    assert not figures.loc["policeprofessional-2024-01-vkpp-2022-copy/share-group-based-2022", "attributed_to"]


def test_the_exact_2022_count_a_copy_prints_agrees_with_the_publisher_s_rounding() -> None:
    """The Conversation (17 January 2024, stored on tolerance.ca) prints the VKPP's 2022 count exactly, 106,984,
    where the NPCC's release prints '107,000 crimes'. It is recorded as a copy, and it agrees with the release at the
    release's precision (nearest thousand); the release, the publisher's own document, stays the figure charted."""
    figures = load_table("figures").set_index("figure_id")
    exact = figures.loc["conversation-2024-01-17-vkpp-2022-copy/csae-cases-2022"]
    npcc = figures.loc[NPCC_2022]
    assert (exact["value"], bool(exact["primary"]), exact["outlet"]) == (106_984, False, "mirror")
    assert round(exact["value"], -3) == npcc["value"] == 107_000
    assert offence_table(load_table("figures")).set_index("year").loc["2022", "total_id"] == NPCC_2022
