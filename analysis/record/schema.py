"""The processed tables' columns, types and meanings: one place for the data dictionary.

The build orders columns from here, `datapackage.json` describes them from here, and the pandera checks in the
tests are generated from here, so the published contract cannot drift from what is written.
"""

from __future__ import annotations

from typing import NamedTuple

from analysis.record.vocabulary import CANONICAL, UNAVAILABLE


class Field(NamedTuple):
    name: str
    type: str  # Table Schema type: string, number, integer, boolean, date
    description: str


FIGURES = (
    Field("figure_id", "string", "Unique id: '<source_id>/<slug>'."),
    Field("source_id", "string", "The document the figure was printed in (sources.csv id)."),
    Field("measure", "string", "What is counted, snake_case (see data/README.md for the vocabulary)."),
    Field("subject", "string", "Plain words: what the figure is about."),
    Field("geography", "string", "Area the figure covers."),
    Field("period_start", "date", "First day of the period the figure covers."),
    Field("period_end", "date", "Last day of the period (equal to period_start for a point in time)."),
    Field("value_as_printed", "string", "The figure exactly as printed, with its printed qualifier."),
    Field("value", "number", "The number read from value_as_printed; empty where the source printed a marker for an unavailable value."),
    Field("qualifier", "string", ", ".join(CANONICAL) + f", or {UNAVAILABLE}."),
    Field("unit", "string", "What one unit is: percent, GBP, people, cases, per 1,000 children, …"),
    Field("location", "string", "Where in the document: page, section, paragraph or table."),
    Field("quote", "string", "Verbatim quote (at most 30 words) containing value_as_printed."),
    Field("caveat", "string", "The source's own warning about this figure, and notes on how it was read "
                               "(no period printed, a copy's date), if any."),
    Field("source_title", "string", "Title of the source document."),
    Field("publisher", "string", "Who published the source document."),
    Field("published", "date", "Date the source document was published."),
    Field("published_approximate", "boolean", "true when that date was not printed on the document and was inferred (often a first-of-month stand-in: see the source's notes)."),
    Field("url", "string", "URL at which the source document was read."),
    Field("original_url", "string", "For a copy whose publisher's own document is in the record (the source's "
                                    "original): that document's URL; empty otherwise."),
    Field("primary", "boolean", "true if the source is the publisher's own document, false for a report of it."),
    Field("outlet", "string", "Who put this copy out: producer, official, reprint, agency, national, specialist, regional or mirror."),
    Field("source_kind", "string", "The kind of document the source is (inspection report, press release, web page, …): "
                                  "a web page that summarises a document is cited after the document."),
    Field("attributed_to", "string", "For a report (primary false): the body the report says the figure comes from; empty when it names none (or the record does not say), and for a primary document, whose figures are its publisher's."),
    Field("attribution_words", "string", "The report's own words (at most 30) that attribute the figure to attributed_to."),
    Field("denominator", "number", "M of 'N out of M', or the base of a rate ('per 1,000' → 1000); empty otherwise."),
    Field("printed_decimals", "integer", "Decimals printed (the precision a claim is judged at); empty for words such as 'half'."),
    Field("status_as_printed", "string", "provisional or revised where the publisher marked the value [p] or [r]; empty otherwise."),
)

SOURCES = (
    Field("id", "string", "Source id."),
    Field("producer", "string", "Who published the document."),
    Field("title", "string", "Title as printed."),
    Field("url_main", "string", "URL at which the document was read."),
    Field("date_published", "date", "Publication date."),
    Field("date_accessed", "date", "Date the document was read."),
    Field("kind", "string", "inspection report, press release, statistical release, transcript, news report, …"),
    Field("primary", "boolean", "true if the publisher's own document."),
    Field("outlet", "string", "Who put this copy out: producer, official, reprint, agency, national, specialist, regional or mirror (best first)."),
    Field("date_approximate", "boolean", "true when the publication date was not printed on the document and was inferred (see notes)."),
    Field("citation", "string", "A one-line citation."),
    Field("licence", "string", "Licence, where known."),
    Field("notes", "string", "Notes on this copy of the document."),
    Field("file", "string", "Stored publisher file under data/raw/, if any."),
    Field("sha256", "string", "sha256 of the stored file, if any."),
    Field("figures", "integer", "Number of figures transcribed from this source."),
    Field("supersedes", "string", "The earlier edition this document replaces (a source id), if any."),
    Field("original", "string", "For a copy (primary false): the publisher's own copy of the same document, "
                                "where the record holds it (a source id); credits link it."),
)

GAPS = (
    Field("id", "string", "Gap id."),
    Field("wanted", "string", "The figure that could not be found."),
    Field("cited_by", "string", "Where a claim needs it."),
    Field("where_looked", "string", "Documents and searches tried."),
    Field("holder", "string", "Who publishes or holds the figure."),
    Field("reason", "string", "Why it is missing."),
    Field("published_in", "string", "The producer's publication that prints it, when it is published but not yet in this record; empty when it was not found in any publication looked at."),
)

INSPECTION_GRADES = (
    Field("inspection_id", "string", "Inspection id (data/raw/inspections.yaml)."),
    Field("inspection", "string", "The inspection, in words."),
    Field("label", "string", "Short label for charts, e.g. '2016 inspection'."),
    Field("published", "date", "Date the inspection report or update was published."),
    Field("grade", "string", "good, requires improvement, inadequate, or requires improvement or inadequate (combined, where only that was published)."),
    Field("split_published", "boolean", "false where only the combined 'requires improvement or inadequate' figure was published."),
    Field("cases_examined", "number", "Cases the inspectorate examined for this grading."),
    Field("cases_examined_as_printed", "string", "Cases examined, as printed."),
    Field("count", "number", "Cases given this grade, as published; empty if only a share was published."),
    Field("share_published", "number", "Share given this grade as printed, read as per cent ('three quarters' → 75); empty if not printed."),
    Field("share_as_printed", "string", "The share as printed, with its qualifier."),
    Field("share_computed", "number", "count / cases_examined × 100, written to 10 significant digits (74.3315508 for 278 / 374), not rounded to a shown precision: round it once, when showing it; empty if either is missing."),
    Field("all_primary", "boolean", "true only if every figure in the row comes from the publisher's own document."),
    Field("figure_ids", "string", "Figures this row was built from, ';'-separated."),
    Field("caveat", "string", "Caveats carried from the figures, and the other printings of each (\"Also printed as …\": another copy, or the same one elsewhere, giving another value)."),
)

MET_CSE_SERIES = (
    Field("measure", "string", "cse_referrals, cse_flagged_crimes, children_at_risk_cse, …"),
    Field("subject", "string", "What is counted, in words."),
    Field("period_start", "date", "Start of the period."),
    Field("period_end", "date", "End of the period."),
    Field("period_label", "string", "The period in words, e.g. 2016 or 2023/24."),
    Field("value", "number", "The figure (empty where unavailable)."),
    Field("value_as_printed", "string", "As printed."),
    Field("qualifier", "string", "Printed qualifier."),
    Field("unit", "string", "Unit."),
    Field("figure_id", "string", "The figure used (the primary source's where there is one)."),
    Field("source_id", "string", "Its source."),
    Field("primary", "boolean", "Whether that source is primary."),
    Field("also_reported_in", "string", "Other figures of the same measure and period, '; '-separated, each followed by its own caveat in brackets where it has one."),
    Field("caveat", "string", "The used figure's own caveat (recording changes, definitions); copies' notes are in also_reported_in."),
)

HISTORIC_REVIEWS = (
    Field("scope", "string", "national (England and Wales) or Met (London): kept apart, never added."),
    Field("measure", "string", "historic_cases_identified_for_review, met_historic_cases_found, …"),
    Field("definition", "string", "What is counted, in the source's terms."),
    Field("as_at", "date", "Date the figure refers to."),
    Field("as_at_approximate", "boolean", "true when as_at is the source's own date and that date was not printed "
                                          "(a stand-in: give it by its month)."),
    Field("value", "number", "The figure."),
    Field("value_as_printed", "string", "As printed."),
    Field("qualifier", "string", "Printed qualifier."),
    Field("figure_id", "string", "Figure id."),
    Field("source_id", "string", "Source id."),
    Field("primary", "boolean", "Whether the source is primary."),
    Field("caveat", "string", "Caveats."),
)

POPULATION = (
    Field("geography", "string", "Area."),
    Field("year", "integer", "Year of the mid-year estimate."),
    Field("reference_date", "date", "Date the estimate refers to (30 June)."),
    Field("measure", "string", "population or child_population."),
    Field("value", "number", "Number of people."),
    Field("value_as_printed", "string", "As printed."),
    Field("figure_id", "string", "Figure id."),
    Field("source_id", "string", "Source id."),
    Field("primary", "boolean", "Whether the source is primary."),
    Field("vintage", "string", "first published, or revised (a later publication replaced the first estimate); the table holds the latest vintage."),
    Field("as_published", "date", "Date the source of the value used was published."),
    Field("as_published_approximate", "boolean", "true when that date was not printed on the source and was "
                                                 "inferred (see the source's notes)."),
    Field("revises", "string", "Earlier vintages of this estimate that the value replaces, ';'-separated figure ids."),
)

REVISIONS = (
    Field("old_figure_id", "string", "The figure as first published (or an earlier vintage)."),
    Field("new_figure_id", "string", "The figure that replaces it."),
    Field("how", "string", "revises (data/raw/revisions.csv) or new edition (the source supersedes the old one)."),
    Field("measure", "string", "What both figures count."),
    Field("geography", "string", "Area."),
    Field("period_start", "date", "Start of the period both figures cover."),
    Field("period_end", "date", "End of the period."),
    Field("old_value_as_printed", "string", "Earlier value as printed."),
    Field("old_value", "number", "Earlier value."),
    Field("old_published", "date", "Date the earlier value's source was published."),
    Field("new_value_as_printed", "string", "Later value as printed."),
    Field("new_value", "number", "Later value."),
    Field("new_published", "date", "Date the later value's source was published."),
    Field("change", "number", "new_value − old_value, only where both are printed to the unit (exact); empty otherwise."),
    Field("change_low", "number", "The smallest change the two printings allow (61.1 million − 60.9 million: 0.1 million)."),
    Field("change_high", "number", "The largest change the two printings allow (0.3 million); empty for an open bound."),
    Field("old_copies", "string", "Other copies of the earlier figure (news reports of the same edition), ';'-separated."),
    Field("new_copies", "string", "Other copies of the later figure, ';'-separated."),
    Field("note", "string", "Where the revision is announced or printed."),
)

#: table name → (columns, title, description)
TABLES: dict[str, tuple[tuple[Field, ...], str, str]] = {
    "figures": (FIGURES, "Published figures", "One row per figure printed in a source, with its provenance."),
    "sources": (SOURCES, "Sources", "One row per published document the figures come from."),
    "gaps": (GAPS, "Gaps", "Figures looked for and not found: never filled in."),
    "inspection_grades": (INSPECTION_GRADES, "Inspection case grades",
                          "HMIC/HMICFRS inspections of the Met: one row per inspection × grade."),
    "met_cse_series": (MET_CSE_SERIES, "Met CSE series", "The Met's child sexual exploitation figures: period × measure."),
    "historic_reviews": (HISTORIC_REVIEWS, "Historic case reviews",
                         "National counts of historic group-based CSE cases under review, and the Met's review of "
                         "its own historic cases (a wider mix of offences), kept apart."),
    "population": (POPULATION, "Population", "ONS mid-year population estimates: area × year, latest vintage."),
    "revisions": (REVISIONS, "Revisions", "One row per estimate a later edition revised (copies listed beside it)."),
}

#: Meanings of the claims table's columns (the columns themselves are analysis.record.claims.CLAIMS_COLUMNS).
CLAIM_DESCRIPTIONS: dict[str, str] = {
    "claim_id": "Claim id (data/raw/claims.yaml).",
    "claimant": "Who made the claim.",
    "claimant_type": "organisation or person.",
    "source_id": "The document the claim was printed in.",
    "location": "Where in the document.",
    "text": "The claim's words as printed.",
    "stated": "The stated value as printed.",
    "stated_figure": "Figure id transcribing the stated value, if any.",
    "kind": "percent_change, share, ratio, sum, difference, rate, count or point_change.",
    "inputs": "Figure ids of the inputs, ';'-separated.",
    "rounded_inputs": "Inputs printed in full that the claim reads as rounded, as figure id:step, ';'-separated "
                      "(1,200 at step 100 stands for 1,150 to 1,249); the charts show those figures as approximate "
                      "too. An input printed with a scale word ('£15.6 million') or 'about' is read across its "
                      "rounding without being listed.",
    "computed": "The recomputed value: a count or amount (sum, difference, or a figure restated as a count or "
                "money) as a whole number with thousands commas (1,273), anything else to two decimals (74.33); "
                "empty if the claim cannot be checked.",
    "verdict": "accurate, accurate within rounding, inaccurate, cannot be checked: not found, not yet in this record, or cannot be checked (docs/factcheck.md).",
    "rule": "The wording rule applied.",
    "working": "The formula with the actual numbers, the computed value and the rule.",
    "gaps": "Gap ids of inputs not in this record, ';'-separated.",
    "note": "Why this reading of the claim was registered.",
    "corrections": "Corrections made to this claim's entry after it was published, each 'YYYY-MM-DD: what changed', "
                   "';'-separated, oldest first.",
}


#: How claims are counted, in the words every output that says it uses (the fact-check's registry enforces it). A
#: statement, not a finding: the same rise printed at two precisions ("49 per cent" in a release's body, "nearly 50
#: per cent" in its lead) is two claims, since either could be wrong on its own.
COUNTED_ONCE = ("one claim per statement, however many outlets repeat it; the same figures stated at another "
                "precision are another claim")
#: The claims table's title and description, alike in the data package, Datasette and the workbook.
CLAIMS_TITLE = "Fact-checked claims"
CLAIMS_DESCRIPTION = f"Registered claims with their recomputed verdicts and the working: {COUNTED_ONCE}."


def claim_fields(columns: tuple[str, ...]) -> tuple[Field, ...]:
    """The claims table's fields: all text, so verdicts and workings are written exactly as computed."""
    return tuple(Field(c, "string", CLAIM_DESCRIPTIONS.get(c, "")) for c in columns)

