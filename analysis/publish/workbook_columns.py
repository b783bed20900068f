"""How each processed table's columns read in the workbook: plain-English headers with units, cell kinds, and the
marker an empty cell gets.

The Analysis Function's spreadsheet guidance asks for headers a reader understands without a data dictionary, units
in the header, and a reason instead of a blank: `[x]` not available (the source did not publish it), `[z]` not
applicable (nothing to say: no caveat, no denominator), `[c]` confidential (the source printed a suppression marker).
Kept apart from the writing code so a new column is one line here. A column not listed reads as its name in words.
"""

from __future__ import annotations

from typing import NamedTuple

#: Shorthand used instead of blank cells, and what each means (printed on the cover and above each table).
MARKERS = {
    "[x]": "not available: the figure was not published or could not be found",
    "[z]": "not applicable: nothing to record here (for example no caveat, or no denominator)",
    "[c]": "confidential: the source printed a suppression marker instead of a figure",
}


class Column(NamedTuple):
    header: str
    kind: str = "text"  # text, number, count, year, percent, date, bool, link (a source's http(s) address)
    blank: str = "[x]"  # marker for an empty cell
    note: str = ""  # key of a workbook note referenced in this column's header


YES_NO = "(yes or no)"
PRIMARY = Column(f"Read in the publisher's own document {YES_NO}", "bool", note="primary")
QUALIFIED = "qualifier"

COLUMNS: dict[str, dict[str, Column]] = {
    "figures": {
        "figure_id": Column("Figure ID"),
        "source_id": Column("Source ID"),
        "measure": Column("Measure (code)"),
        "subject": Column("What is counted"),
        "geography": Column("Area"),
        "period_start": Column("Period start (date)", "date"),
        "period_end": Column("Period end (date)", "date"),
        "value_as_printed": Column("Figure as printed (text)"),
        "value": Column("Value (number, in the unit given)", "number", note=QUALIFIED),
        "qualifier": Column("Qualifier as printed"),
        "unit": Column("Unit"),
        "location": Column("Where in the document"),
        "quote": Column("Quote from the document (at most 30 words)"),
        "caveat": Column("Caveat from the source", blank="[z]"),
        "source_title": Column("Source title"),
        "publisher": Column("Publisher"),
        "published": Column("Date published (date)", "date"),
        "url": Column("Web address of the source", "link"),
        "primary": PRIMARY,
        "outlet": Column("Who put out the copy read (producer, official, reprint, agency, national, specialist, "
                         "regional, mirror)"),
        "denominator": Column("Denominator or rate base (number)", "number", blank="[z]"),
        "printed_decimals": Column("Decimal places printed (number)", "count", blank="[z]"),
    },
    "sources": {
        "id": Column("Source ID"),
        "producer": Column("Publisher"),
        "title": Column("Title as printed"),
        "url_main": Column("Web address it was read at", "link"),
        "date_published": Column("Date published (date)", "date"),
        "date_accessed": Column("Date read (date)", "date"),
        "kind": Column("Kind of document"),
        "primary": Column(f"Publisher's own document {YES_NO}", "bool", note="primary"),
        "outlet": Column("Who put out this copy (producer, official, reprint, agency, national, specialist, "
                         "regional, mirror)"),
        "date_approximate": Column(f"Date not printed, inferred {YES_NO}", "bool"),
        "citation": Column("Citation"),
        "licence": Column("Licence", blank="[x]"),
        "notes": Column("Notes on this copy", blank="[z]"),
        "file": Column("Stored copy in the project (file)", blank="[z]"),
        "sha256": Column("SHA-256 checksum of the stored copy", blank="[z]"),
        "figures": Column("Figures transcribed (number)", "count"),
    },
    "claims": {
        "claim_id": Column("Claim ID"),
        "claimant": Column("Who made the claim"),
        "claimant_type": Column("Organisation or person"),
        "source_id": Column("Source ID"),
        "location": Column("Where in the document"),
        "text": Column("Claim as printed"),
        "stated": Column("Value stated"),
        "stated_figure": Column("Figure ID of the stated value", blank="[z]"),
        "kind": Column("Kind of calculation"),
        "inputs": Column("Figure IDs used (separated by ;)"),
        "computed": Column("Recomputed value (number, 2 decimal places)", "number"),
        "verdict": Column("Verdict"),
        "rule": Column("Rule applied", blank="[z]"),
        "working": Column("Working"),
        "gaps": Column("Gap IDs of unpublished inputs", blank="[z]"),
        "note": Column("Note", blank="[z]"),
    },
    "gaps": {
        "id": Column("Gap ID"),
        "wanted": Column("Figure looked for"),
        "cited_by": Column("Needed by"),
        "where_looked": Column("Where it was looked for"),
        "holder": Column("Who publishes or holds it"),
        "reason": Column("Why it is missing"),
        "published_in": Column("Published by its producer in (not yet in this record)", blank="[z]"),
    },
    "inspection_grades": {
        "inspection_id": Column("Inspection ID"),
        "inspection": Column("Inspection"),
        "label": Column("Short label"),
        "published": Column("Date published (date)", "date"),
        "grade": Column("Grade"),
        "split_published": Column(f"Grades published separately {YES_NO}", "bool"),
        "cases_examined": Column("Cases examined (number)", "count"),
        "cases_examined_as_printed": Column("Cases examined as printed (text)"),
        "count": Column("Cases given this grade (number)", "count"),
        "share_published": Column("Share published (%)", "percent"),
        "share_as_printed": Column("Share as printed (text)"),
        "share_computed": Column("Share computed from the counts (%)", "percent", note="share"),
        "all_primary": Column(f"Every figure from the publisher's own document {YES_NO}", "bool", note="primary"),
        "figure_ids": Column("Figure IDs used (separated by ;)"),
        "caveat": Column("Caveat", blank="[z]"),
    },
    "met_cse_series": {
        "measure": Column("Measure (code)"),
        "subject": Column("What is counted"),
        "period_start": Column("Period start (date)", "date"),
        "period_end": Column("Period end (date)", "date"),
        "period_label": Column("Period"),
        "value": Column("Value (number)", "number", note=QUALIFIED),
        "value_as_printed": Column("Value as printed (text)"),
        "qualifier": Column("Qualifier as printed"),
        "unit": Column("Unit"),
        "figure_id": Column("Figure ID"),
        "source_id": Column("Source ID"),
        "primary": PRIMARY,
        "also_reported_in": Column("Same figure also reported in (figure IDs)", blank="[z]"),
        "caveat": Column("Caveat", blank="[z]"),
    },
    "historic_reviews": {
        "scope": Column("Scope"),
        "measure": Column("Measure (code)"),
        "definition": Column("What is counted"),
        "as_at": Column("As at (date)", "date"),
        "value": Column("Cases (number)", "number", note=QUALIFIED),
        "value_as_printed": Column("Cases as printed (text)"),
        "qualifier": Column("Qualifier as printed"),
        "figure_id": Column("Figure ID"),
        "source_id": Column("Source ID"),
        "primary": PRIMARY,
        "caveat": Column("Caveat", blank="[z]"),
    },
    "population": {
        "geography": Column("Area"),
        "year": Column("Year", "year"),
        "reference_date": Column("Reference date (date)", "date"),
        "measure": Column("Measure (code)"),
        "value": Column("People (number)", "count"),
        "value_as_printed": Column("People as printed (text)"),
        "figure_id": Column("Figure ID"),
        "source_id": Column("Source ID"),
        "primary": PRIMARY,
    },
}

#: Notes the tables refer to: key → text. Each appears on the Notes sheet as [note N] where N is the order of
#: first reference, and only if a title or header refers to it.
NOTES = {
    QUALIFIED: "A figure printed with a qualifier (such as 'more than 1,200' or 'almost 75%') is recorded as the "
               "number printed, with the qualifier in its own column: the value is the bound or approximation the "
               "source gave, not an exact count.",
    "primary": "Yes means the figure was read in the publisher's own document; no means it was read in another "
               "document reporting it, such as a news article or a reprint.",
    "share": "The published count divided by the cases examined, times 100, to two decimal places.",
    "grades": "Where an inspection published only the combined 'requires improvement or inadequate' figure, it is "
              "shown as published and not split into the two grades.",
    "historic": "National (England and Wales) and Metropolitan Police counts measure different things: they are "
                "kept apart and never added together.",
    "gaps": "Figures looked for and not found. They are never estimated or filled in.",
    "claims": "How a claim is judged is set out in docs/factcheck.md: the words a value was printed with decide "
              "how closely the recomputed value must match it.",
}
#: Notes referred to in a table's title.
TITLE_NOTES = {"inspection_grades": "grades", "historic_reviews": "historic", "gaps": "gaps", "claims": "claims"}


def column(table: str, name: str) -> Column:
    """The column's spec, or its name in words as text with [x] for blanks."""
    return COLUMNS.get(table, {}).get(name) or Column(name.replace("_", " ").capitalize())
