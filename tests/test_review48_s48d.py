"""Review 48 (s48d): the prose readers see — the fact-check page, the gallery and the notebooks' limitations —
says only what the record supports, in words a reporter can read."""

from __future__ import annotations

import html
import re

import pytest

from analysis.factcheck import report
from analysis.paths import DEFAULT


@pytest.fixture(scope="module")
def page() -> str:
    return report.render_html(report.build_entries(report.read_tables(DEFAULT)))


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r'(id|href)="[^"]*"', "", html))


def test_a_note_naming_a_figure_by_id_shows_the_figure_not_a_broken_sentence(page: str) -> None:
    """Claims' notes name figures by id ("Value printed: met-2017-03-13/change-cse-crimes-2014-2016.", "(see caveat
    on familylaw-…/cpp-sexual-abuse-2025)"). The page took the id out and left "Value printed: ." (four claims),
    "Figure row: ." and "(see caveat on ." with its bracket lost. The figure is now shown by its value as printed,
    who printed it and where."""
    text = _visible(page)
    for broken in ("Value printed: .", "Value printed: ;", "Figure row: .", "see caveat on ."):
        assert broken not in text, broken
    assert "Value printed: “49 per cent”, Metropolitan Police Service, Para 5." in text
    # s59 pointed the 1.4% claim's note at DfE's own page for the 2,190 ("(see dfe-2025-12-cin-focus-csae/…)")
    assert ("(see “2,190”, Department for Education, Section 'Child protection plans', para 2)."
            in html.unescape(text))
    assert report.for_readers("Value printed: x-y-z/a-b.") == ""  # an id with no label: the sentence goes
    assert report.for_readers("Both counts. Value printed: x-y-z/a-b.") == "Both counts."
    assert report.for_readers("London ... accounting") == "London ... accounting"  # a quoted ellipsis is kept
    assert report.for_readers("2024 total from a news copy (gap a-b-c); 2023 from VKPP.") == \
        "2024 total from a news copy; 2023 from VKPP."


def test_the_working_names_an_input_in_words_not_by_its_role_id(page: str) -> None:
    """'not yet in this record: b was published but not yet transcribed', 'whole was not published': the rule
    book's role names ("from", "b", "denominator") read as typos to a reporter."""
    text = _visible(page)
    for role in ("from", "to", "b", "part", "whole", "denominator", "count and population", "from and to"):
        assert not re.search(rf": {role} (was|were) ", text), role
    assert "not yet in this record: the second figure was published but not yet transcribed" in text
    assert "cannot be checked: not found: the base was not found in any publication we looked at" in text


def test_a_figure_the_record_did_not_find_is_not_said_never_to_have_been_published(page: str) -> None:
    """The record knows where it looked (the gap's where_looked), not that a figure was never published; its own
    notes say "unpublished as far as found", and s47b was least sure of the London Assembly's 2009/10 baselines.
    The page said "A figure it needs has not been published", and the verdict's meaning the same."""
    from analysis.factcheck.wording import MEANING, NOT_FOUND

    text = _visible(page)
    assert "has not been published" not in text and "has not been published" not in MEANING[NOT_FOUND]
    assert "was not found in any publication we looked at" in MEANING[NOT_FOUND]
    assert text.count("A figure it needs was not found in any publication we looked at:") == 10


def test_a_notebook_lists_a_caveat_once_though_it_ends_in_a_quotation() -> None:
    """Notebook 02 listed the Met's 'Detectives believe … an actual increase in the number of offences.' twice: once
    alone, and once run into the next sentence, because a sentence that ends inside a quotation was not split.
    (The label is "Caveat", no longer "Source caveat": s54.)"""
    import pandas as pd

    from analysis.publish.display import limitations

    said = "The Met said: 'Better recording, and an actual increase in the number of offences.'"
    lines = limitations([said, f"{said} 'Crimes connected with CSE' is the release's wording."],
                        pd.DataFrame({"id": [], "wanted": [], "holder": []}))
    assert lines == [f"Caveat: {said}", "Caveat: 'Crimes connected with CSE' is the release's wording."]


def test_a_gap_is_named_by_what_is_wanted_and_as_the_record_knows_it() -> None:
    """Every gap was listed as "Not published or not found (gap `gap-primary-ons-england-mid-2010`): …", an id where
    the wanted text is the label, and "not published" even for a figure its gap says is published (ONS prints
    England's mid-2010 total: the gap's `published_in`)."""
    import pandas as pd

    from analysis.publish.display import limitations

    gaps = pd.DataFrame({"id": ["gap-a", "gap-b"], "wanted": ["England's total", "Met counts."],
                         "holder": ["ONS", "Met"], "published_in": ["ONS mid-2010 estimates", float("nan")]})
    assert limitations([], gaps) == [
        "Published, not yet in this record: England's total (in ONS mid-2010 estimates). Held by: ONS.",
        "Looked for and not found: Met counts. Held by: Met."]


def _limitations(executed, name: str) -> str:
    import nbformat

    nb = nbformat.read(executed / "notebooks" / name, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "## Limitations" in c.source)
    return "\n".join(o["data"].get("text/markdown", "") for c in nb.cells[at:] if c.cell_type == "code"
                     for o in c.outputs if "data" in o)


def test_the_notebooks_limitations_name_each_claim_and_figure_in_words(made) -> None:
    """Notebook 05 listed its claims' notes as "Note on a claim: Share of England (not the UK)." with no claim
    named, and with the record's ids ("Value printed: met-2017-03-13/change-cse-crimes-2014-2016", "checked … in
    claim-q3-2017-just-under-93pc", "(gap national-vkpp-2024-total-primary)"). Every notebook listed gaps as "Not
    published or not found (gap `id`)", and notebook 02 gave the Met's own caveat twice."""
    executed = made.outputs
    lines = _limitations(executed, "05_factcheck.ipynb")
    assert "Note on a claim" not in lines
    assert ("- On “London is the second largest region in terms of total population (after the South East), "
            "accounting for 15 per cent of the England total.”: Share of England (not the UK).") in lines
    assert "Value printed: “49 per cent”, Metropolitan Police Service, Para 5." in lines
    assert not re.search(r"[a-z0-9]+-[a-z0-9-]+/[a-z0-9-]+|claim-q3|\(gap ", lines)
    for name in ("01_inspections", "02_met_cse_series", "03_historic_reviews", "04_london_in_context",
                 "05_factcheck", "06_national_picture"):
        assert "Not published or not found" not in _limitations(executed, f"{name}.ipynb"), name
    met = _limitations(executed, "02_met_cse_series.ipynb")
    assert met.count("Detectives believe these significant increases") == 1


def test_the_inspection_charts_call_a_figure_the_record_lacks_not_found_not_unpublished(drawn_charts) -> None:
    """The gallery said "dashed: not published" and "only the combined … figure was published" for the 2016
    inspection and 2018 Q4 update, where the record's copies print only the combined share and the inspectorate's
    own reports (gaps: "HMIC's own figures … the separate counts of good / requires improvement / inadequate") were
    not found; and "a blank means that kind of count was not published on that date", where the workbook and README
    say a blank in a chart's data means the record holds no figure there."""
    from analysis.publish import audit

    face, grades = drawn_charts("inspection-grades")
    _, timeline = drawn_charts("inspection-timeline")
    for meta in (grades, timeline):
        said = f"{meta.notes} {meta.notes_on_chart} {meta.alt_text}"
        assert "not published" not in said.lower() and "figure was published" not in said, said
    # the key names the dashed outline (the face note no longer says it again: stop 58)
    assert "Not found" in [t.get_text() for t in audit.visible_texts(face)]
    assert "a blank means this record holds no count of that kind for that date" in timeline.notes


def test_claims_notes_name_a_figure_and_a_chart_as_a_reader_knows_them() -> None:
    """The 56% claim's note said "Figure row: <figure id>", and the 18.5% claim's note "the met-cse-series chart
    draws that segment dashed": the record's names for a row and a chart, shown on the fact-check page and in
    notebook 05. The note now says "Value printed:" as the other claims do, and names the chart by what it shows."""
    import csv

    with (DEFAULT.processed / "claims.csv").open(encoding="utf-8") as f:
        notes = {r["claim_id"]: r["note"] for r in csv.DictReader(f)}
    assert not any("Figure row" in n or re.search(r"\b[a-z0-9]+(?:-[a-z0-9]+)+ chart\b", n) for n in notes.values())
    assert "the chart of the Met's yearly CSE counts draws that segment dashed" in " ".join(notes.values())
