"""How each processed table's columns read in the workbook: plain-English headers with units, cell kinds, and the
marker an empty cell gets.

The Analysis Function's spreadsheet guidance asks for headers a reader understands without a data dictionary, units
in the header, and a reason instead of a blank: `[x]` not available (the source did not publish it), `[z]` not
applicable (nothing to say: no caveat, no denominator), `[c]` confidential (the source printed a suppression marker).
Kept apart from the writing code so a new column is one line here. A column not listed reads as its name in words.
"""

from __future__ import annotations

from typing import NamedTuple

from analysis.factcheck.wording import HOLDS_WHEN, NOT_FOUND_WHERE
from analysis.record.vocabulary import CANONICAL, QUALIFIERS

#: Shorthand used instead of blank cells, and what each means (printed on the cover and above each table). [x], [z]
#: and [c] are the Analysis Function's own ("Using symbols and shorthand"). It has none for a figure that is published
#: but not yet transcribed here ([u] there means low reliability, which would mislead), so [nr] is this workbook's,
#: explained wherever it appears as the guidance asks.
NOT_IN_RECORD = "[nr]"
MARKERS = {
    "[x]": f"not available: this figure was {NOT_FOUND_WHERE} (or, for a detail such as a licence, the "
           "document does not state it)",
    NOT_IN_RECORD: "not yet in this record: the producer has published this figure, but it has not yet been added "
                   "here (the Gaps worksheet names the publication)",
    "[z]": "not applicable: nothing to record here (for example no caveat, or no denominator)",
    "[c]": "confidential: the source printed a suppression marker instead of a figure",
}


class Column(NamedTuple):
    header: str
    kind: str = "text"  # text, number, count, year, percent, date, bool, link (a source's http(s) address)
    blank: str = "[x]"  # marker for an empty cell
    note: str = ""  # key of a workbook note referenced in this column's header
    printed: str = ""  # the column holding this number as printed: its qualifier gets a column next to it
    blank_for_copy: str = ""  # marker for an empty cell on a copy's row (`primary` false), where it differs


#: The column placed right after a number that was printed with words around it ("more than 800"): the bound or
#: approximation those words give, so a reader of the number column alone is never told 800 means exactly 800.
QUALIFIER_HEADER = "Qualifier (bound or approximation)"
#: How a chart's CSV names the qualifier column beside a number column ("Count" → "Count qualifier"); the workbook
#: moves that column next to its number as the qualifier column.
QUALIFIER_SUFFIX = " qualifier"
#: A chart CSV's column giving a row's date in words, by its month where no source printed the day ("October
#: 2025"): the workbook shows that row's date cells by month too, so "1 Oct 2025" never reads as a printed day.
DATE_AS_KNOWN = "Date as known"
#: How a date cell shows a date known only to its month.
MONTH_FORMAT = "mmm yyyy"
#: Each table's date column and the flag beside it that says the day was not printed (the date is a stand-in): such
#: a cell is shown by month, as every other output words it ("October 2025 (approximate)"), and never as a day.
DAY_NOT_PRINTED = {"published": "published_approximate", "date_published": "date_approximate",
                   "as_at": "as_at_approximate", "as_published": "as_published_approximate"}


#: What the qualifier column says of a figure printed with no qualifier word. Not "exact": "8.95 million" has none
#: and stands for anything from 8,945,000 to 8,954,999.
NO_QUALIFIER = "none printed"


def qualifier_words(printed: str | None) -> str:
    """A qualifier as the qualifier column says it: the words printed, then what they make of the number, read from
    the one vocabulary (`vocabulary.CANONICAL`): 'more than (lower bound, not included)', 'about (approximate)'."""
    word = str(printed or "").strip().lower() or "exact"
    canonical = CANONICAL.get(word) or CANONICAL.get(QUALIFIERS.get(word, ""))
    if canonical is None:  # a word the vocabulary does not know is read as approximate, never as exact
        return f"{word} (approximate)"
    if canonical.direction == "exact":
        return NO_QUALIFIER
    if canonical.direction == "about":
        return f"{word} (approximate)"
    side = "lower" if canonical.direction == "lower" else "upper"
    if canonical.band is not None:
        near = "above" if side == "lower" else "below"
        return f"{word} ({side} bound, not included: the true value is just {near} it)"
    return f"{word} ({side} bound, {'included' if canonical.inclusive else 'not included'})"


#: A printed figure's unit (as the record's parser names it) → how a header and a Unit cell say it. A cell may not
#: be a bare symbol (the guidance, and gptables, ask for words in a cell), so cells spell the unit out.
UNITS = {"count": ("number", "number"), "percent": ("%", "per cent"), "GBP": ("£", "pounds"),
         "percentage points": ("percentage points", "percentage points"), "times": ("times", "times"),
         "rate": ("rate", "rate")}
#: Units of chart columns that neither their header nor a printed figure in the row gives (the chart's data holds
#: only the computed number). A chart column whose unit cannot be established fails the workbook's tests.
CHART_UNITS: dict[str, dict[str, str]] = {
    "inspection-grades": dict.fromkeys(("Good", "Requires improvement", "Inadequate",
                                        "Requires improvement or inadequate"), "%"),
}

#: Where a column holds figures in different units, the unit of each row is in its own column right after it.
IN_UNIT_COLUMN = "in the unit in the Unit column"


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
        "value": Column(f"Value ({IN_UNIT_COLUMN})", "number", note=QUALIFIED, printed="value_as_printed"),
        "unit": Column("Unit"),
        "location": Column("Where in the document"),
        "quote": Column("Quote from the document (at most 30 words)"),
        "caveat": Column("Caveat (the source's own warnings, and notes on how the figure was read)", blank="[z]"),
        "source_title": Column("Source title"),
        "publisher": Column("Publisher"),
        "published": Column("Date published (date)", "date"),
        "published_approximate": Column(f"Date published not printed, inferred {YES_NO}", "bool", note="day"),
        "url": Column("Web address of the source", "link"),
        "original_url": Column("Web address of the publisher's own copy, where this is a copy", "link", blank="[z]",
                               blank_for_copy="[x]"),
        "primary": PRIMARY,
        "outlet": Column("Who put out the copy read (producer, official, reprint, agency, national, specialist, "
                         "regional, mirror)"),
        "source_kind": Column("Kind of document"),
        "attributed_to": Column("Whom a report cites for the figure ([z]: the publisher's own document, or none "
                                "recorded)", blank="[z]"),
        "attribution_words": Column("The report's words citing it", blank="[z]"),
        "denominator": Column("Denominator or rate base (number)", "number", blank="[z]"),
        "printed_decimals": Column("Decimal places printed (number)", "count", blank="[z]"),
        "status_as_printed": Column("Marked provisional or revised by the publisher", blank="[z]"),
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
        "date_approximate": Column(f"Date not printed, inferred {YES_NO}", "bool", note="day"),
        "citation": Column("Citation"),
        "licence": Column("Licence", blank="[x]"),
        "notes": Column("Notes on this copy", blank="[z]"),
        "file": Column("Stored copy in the project (file)", blank="[z]"),
        "sha256": Column("SHA-256 checksum of the stored copy", blank="[z]"),
        "figures": Column("Figures transcribed (number)", "count"),
        "supersedes": Column("Replaces the earlier edition (source ID)", blank="[z]"),
        "original": Column("The publisher's own copy of this document (source ID), where this is a copy",
                           blank="[z]", blank_for_copy="[x]"),
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
        # A figure printed with a scale word ("£15.6 million") or "about" is read across its rounding without being
        # listed here; under the old header "Inputs read as rounded" such a claim showed [z] beside a working that
        # reads its input as a range.
        "rounded_inputs": Column("Inputs printed in full but read as rounded (figure ID:rounding step)", blank="[z]"),
        "computed": Column("Recomputed value (in the unit in the next column)", "number"),
        "verdict": Column("Verdict"),
        "rule": Column("Rule applied", blank="[z]"),
        "working": Column("Working"),
        "gaps": Column("Gap IDs of missing inputs", blank="[z]"),
        "note": Column("Note", blank="[z]"),
        "corrections": Column("Corrections (date: what changed; separated by ;)", blank="[z]"),
    },
    "gaps": {
        "id": Column("Gap ID"),
        "wanted": Column("Figure looked for"),
        "cited_by": Column("Needed by"),
        "where_looked": Column("Where it was looked for"),
        "holder": Column("Who publishes or holds it"),
        "reason": Column("Why it is missing"),
        "published_in": Column("Published by its producer in (not yet in this record)", blank="[x]"),
    },
    "inspection_grades": {
        "inspection_id": Column("Inspection ID"),
        "inspection": Column("Inspection"),
        "label": Column("Short label"),
        "published": Column("Date published (date)", "date"),
        "grade": Column("Grade"),
        "split_published": Column(f"Grades published separately {YES_NO}", "bool"),
        "cases_examined": Column("Cases examined (number)", "count", printed="cases_examined_as_printed"),
        "cases_examined_as_printed": Column("Cases examined as printed (text)"),
        "count": Column("Cases given this grade (number)", "count"),
        "share_published": Column("Share published (%)", "percent", note=QUALIFIED, printed="share_as_printed"),
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
        "value": Column(f"Value ({IN_UNIT_COLUMN})", "number", note=QUALIFIED, printed="value_as_printed"),
        "value_as_printed": Column("Value as printed (text)"),
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
        "as_at_approximate": Column(f"As at: day not printed by this row's source {YES_NO}", "bool", note="day"),
        "value": Column("Cases (number)", "number", note=QUALIFIED, printed="value_as_printed"),
        "value_as_printed": Column("Cases as printed (text)"),
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
        "value": Column("People (number)", "count", printed="value_as_printed"),
        "value_as_printed": Column("People as printed (text)"),
        "figure_id": Column("Figure ID"),
        "source_id": Column("Source ID"),
        "primary": PRIMARY,
        "vintage": Column("Vintage"),
        "as_published": Column("As published (date)", "date"),
        "as_published_approximate": Column(f"Date published not printed, inferred {YES_NO}", "bool", note="day"),
        "revises": Column("Replaces the earlier estimates (figure IDs)", blank="[z]"),
    },
}

def _claims_rule() -> str:
    """The note on the Claims sheet: how the printed words decide a claim, from the rule book's own words
    (`wording.HOLDS_WHEN`). Typed here by hand it said "'almost X' when it is below X by no more than 5% of X",
    where "almost 90%" also holds for 90.3 (rounded to whole numbers, it prints 90), and named no rounding rule."""
    rules = [f"'{form}'" if form.endswith(" X") else form for form in HOLDS_WHEN]
    said = "; ".join(f"{form}: {rule}" for form, rule in zip(rules, HOLDS_WHEN.values(), strict=True))
    said = said[0].upper() + said[1:]
    return ("The words a value was printed with decide how closely the recomputed value must match it (X is the value "
            f"printed; 'computed' the recomputed value). {said}.").replace('"', "'")


#: Notes the tables refer to: key → text. Each appears on the Notes sheet as [note N] where N is the order of
#: first reference, and only if a title or header refers to it.
NOTES = {
    QUALIFIED: "A figure printed with a qualifier (such as 'more than 1,200' or 'almost 75%') is recorded as the "
               "number printed, with the qualifier in its own column: the value is the bound or approximation the "
               "source gave, not an exact count.",
    "primary": "Yes means the figure was read in the publisher's own document; no means it was read in another "
               "document reporting it, such as a news article or a reprint.",
    "day": "Yes means the source did not print this day: the date is inferred (often the first of the month) and "
           "its date cell shows the month only.",
    "share": "The published count divided by the cases examined, times 100, to two decimal places.",
    "grades": "Where an inspection published only the combined 'requires improvement or inadequate' figure, it is "
              "shown as published and not split into the two grades.",
    "historic": "National (England and Wales) and Metropolitan Police counts measure different things: they are "
                "kept apart and never added together.",
    "gaps": "Figures looked for and not found in this record. Where the producer publishes the figure, the last "
            "column names the publication and the figure is not yet in this record; [x] there means no publication "
            "of it was found. Missing figures are never estimated or filled in.",
    "claims": _claims_rule(),
}
#: Notes referred to in a table's title.
TITLE_NOTES = {"inspection_grades": "grades", "historic_reviews": "historic", "gaps": "gaps", "claims": "claims"}


def column(table: str, name: str) -> Column:
    """The column's spec, or its name in words as text with [x] for blanks."""
    return COLUMNS.get(table, {}).get(name) or Column(name.replace("_", " ").capitalize())
