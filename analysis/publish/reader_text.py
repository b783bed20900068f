"""Text for readers outside the project, shared by the workbook and the gallery: notes without the project's
internals, a short form of them, and the edition's date.

One definition, so a note reads the same in the spreadsheet and on the page: no record ids or repository paths,
each sentence once, and (where the numbers stand apart from the drawing, as in a spreadsheet) no sentence that
only describes the drawing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

#: Words that describe a drawing or the product, not the data: a sentence with one is a chart caption or a pointer
#: to another chart, not a note for a reader of the numbers (the caption travels with the chart).
DRAWING = re.compile(r"\b(draw|drawn|draws|dots?|circles?|diamonds?|triangles?|hatched|dashed|brackets?|colou?rs?|"
                     r"bars?|lines? joins?|outlined?|labelled|charts?|charted|headlined|markers?|panels?)\b",
                     re.IGNORECASE)
#: A record id in brackets ("(context-cse-at-risk-counts-feb-2025)"), a figure id ("met-2017-03-13/cse-crimes-2014")
#: or a repository path ("docs/factcheck.md").
INTERNAL = re.compile(r"\s*\((?:[a-z0-9]+-){2,}[a-z0-9-]*\)|\S+/\S+\.(?:md|py|csv|json|yaml)\b"
                      r"|\s*\(?\b(?:[a-z0-9]+-){2,}[a-z0-9-]*/[a-z0-9-]+\)?")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]['’]))\s+")
#: A key to the drawing in front of a statement about the data ("Dashed: 2014's referrals may cover part of the
#: year."), and an aside about the drawing in brackets ("(nothing is drawn)"): a reader of the numbers alone needs
#: the statement without them, not the sentence dropped with its caveat.
DRAWING_LABEL = re.compile(r"^(?:dashed|dotted|hollow|solid|hatched|filled|open|shaded|faded|outlined?)\s*:\s*",
                           re.IGNORECASE)
DRAWING_ASIDE = re.compile(r"\s*\([^()]*\)")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(str(text).strip()) if s]


#: How many words beside a drawing word are looked up in the record's own text (`quoted_from_record`).
QUOTED_WORDS = 2


def record_words(tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> str:
    """The record's text cells, each in lower case with single spaces, one a line: where a note's words are looked
    up to tell what the chart quotes from the record (a figure's caveat, a gap) from what it says of its own."""
    return "\n".join(" ".join(value.split()).casefold() for rows in tables.values() for row in rows
                     for value in row.values() if isinstance(value, str))


def from_record(sentence: str, record: str) -> bool:
    """Whether a note's sentence is the record's own words, as a figure's caveat or a gap holds them."""
    return bool(record) and " ".join(sentence.split()).casefold() in record


def quoted_from_record(text: str, found: re.Match[str], record: str) -> bool:
    """Whether the drawing word `found` in `text` is the record's, quoted with its neighbours: the word and the
    words just before it, or just after it (`QUOTED_WORDS`), stand together in `record` (`record_words`)."""
    before = text[:found.start()].split()[-QUOTED_WORDS:]
    after = text[found.end():].split()[:QUOTED_WORDS]
    return any(len(words) > 1 and " ".join(words).casefold() in record
               for words in ([*before, found.group()], [found.group(), *after]))


def describes_drawing(text: str, record: str = "") -> bool:
    """Whether `text` says something about the drawing in words of its own: a drawing word (`DRAWING`) that is not
    the record's words quoted (`quoted_from_record`). Read by its words alone, a caveat the chart's notes quote from
    the record ("An estimate drawn from survey data, …", a gap naming an inquiry's "victim liaison panel") was taken
    for a caption: the workbook dropped it, and the next caveat read as the previous figure's."""
    return any(not (record and quoted_from_record(text, found, record)) for found in DRAWING.finditer(text))


def for_numbers(sentence: str, record: str = "") -> str | None:
    """The sentence as a reader of the numbers alone needs it: a leading key to the drawing and any bracketed aside
    about the drawing taken out, the first letter raised; None when what is left still describes the drawing.
    `record` holds the record's words (`record_words`), which describe no drawing wherever they are quoted."""
    bare = DRAWING_ASIDE.sub(lambda m: "" if describes_drawing(m.group(), record) else m.group(), sentence)
    bare = DRAWING_LABEL.sub("", bare)
    if describes_drawing(bare, record) or not bare.strip(" .;:"):
        return None
    return bare[:1].upper() + bare[1:] if bare != sentence else sentence


#: A repository path, which no record holds as a whole cell.
_PATH = re.compile(r"\.(?:md|py|csv|json|yaml)$")


def internal(found: re.Match[str], record: str = "") -> bool:
    """Whether what `INTERNAL` found is the project's own: a repository path, or an id the record holds as a whole
    cell (a gap's, a figure's). Found by its shape alone, a caveat's "(year-on-year)" or "(face-to-face)" was taken
    for an id and dropped from the workbook's notes. Without the record's words (`record_words`), its shape."""
    token = found.group().strip().strip("()")
    return not record or bool(_PATH.search(token)) or f"\n{token.casefold()}\n" in f"\n{record}\n"


def reader_notes(text: str, *, drawing: bool = False, record: str = "") -> str:
    """Notes without internal ids or paths, each of the chart's own sentences once; what describes the drawing kept
    only when `drawing` (a page that shows the chart), taken out for a reader of the numbers alone (`for_numbers`,
    which keeps the record's own words: `record_words`). A sentence of the record is kept each time it comes: two
    figures' caveats may end alike, and the workbook gave "Offences, not victims." to the CSA Centre's 87,992
    offences and dropped it from the NPCC's 115,489, which the chart's notes give it too."""
    kept: list[str] = []
    for sentence in sentences(INTERNAL.sub(lambda found: "" if internal(found, record) else found.group(), text)):
        shown = sentence if drawing else for_numbers(sentence, record)
        if shown and (shown.casefold() not in {k.casefold() for k in kept} or from_record(shown, record)):
            kept.append(shown)
    return " ".join(kept)


def short_note(text: str, max_words: int) -> tuple[str, bool]:
    """The first whole sentences of `text` within `max_words` words (at least the first sentence, cut at a word
    with '…' if it alone is longer), and whether anything was left out."""
    out: list[str] = []
    parts = sentences(text)
    for sentence in parts:
        if len(" ".join([*out, sentence]).split()) > max_words:
            break
        out.append(sentence)
    if not out and parts:
        return " ".join(parts[0].split()[:max_words]) + "…", True
    return " ".join(out), len(out) < len(parts)


def edition_date(sources: Iterable[Mapping[str, Any]], claims: Iterable[Mapping[str, Any]] = ()) -> dt.date | None:
    """The edition's date: the latest date a source was read or a claim was corrected. It comes from the data, so
    the same data always build the same outputs (byte for byte), and it changes exactly when new figures are read
    or a published verdict's entry changes: an edition dated 6 December listed a correction made on 7 December."""
    from analysis.factcheck.report import corrections

    days = [str(s["date_accessed"])[:10] for s in sources if s.get("date_accessed")]
    days += [c["iso"] for claim in claims for c in corrections(claim)]
    return dt.date.fromisoformat(max(days)) if days else None
