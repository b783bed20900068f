"""The year a sentence gives a figure, read one way by scan (which offers a record figure only when the years agree)
and by the record's quote check (a figure's period holds the year its own quote gives it).

Standard library only, like `vocabulary`: the record stage and scan both import it.
"""

from __future__ import annotations

import re

__all__ = ["YEAR", "OWN_YEAR_AFTER", "OWN_YEAR_BEFORE", "OPENING_YEAR", "REPORTED", "own_year", "label_years"]

#: A year: "19" or "20" first (the regex engine then skips to those digits; a leading look-behind made it try every
#: position), not run on from a word, a number or "£" (the look-behind checks the character before the "19").
YEAR = re.compile(r"(?:19|20)(?<![\w,.£]..)\d{2}\b")
#: (up to twelve words between: "Police recorded 115,489 child sexual abuse offences in England and Wales in 2024"
#: has eight, and at seven at most its 2024 was no year of the figure's, "in the record" as 2023's)
#: (and in brackets after the words it counts, "922 crimes connected with CSE (2014)", "[2014]", as a caption or a
#: list dates its figure: 2016's 922 was "in the record"; not a comparison's "(2014: 618)")
OWN_YEAR_AFTER = re.compile(r"^\s*(?:[^\d\s,;:.—–()\[\]]+\s+){0,12}?(?:(?:in|during|for)\s+((?:19|20)\d{2})\b"
                             r"|[(\[]\s*(?:in\s+)?((?:19|20)\d{2})(?:[-/–](?:19|20)?\d{2})?\s*[)\]])")
#: (and a label's year before the colon that gives its figure, as a caption, a chart's key or a list item prints
#: one: "Crimes connected with child sexual exploitation, 2014: 922" was "in the record" as 2016's 922)
OWN_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})(?:(?:'s)?\s+(?:total|figure|count)\s+of"
                              r"|(?:[-/–](?:19|20)?\d{2})?\s*[:=])\s*$")
#: A note's mark printed on to a word or a figure ("922[1] crimes … in 2014", "exploitation¹ in 2014", "922†"): no
#: word of the sentence. Between a figure and its year it hid the year ("922[1] crimes connected with child sexual
#: exploitation in 2014" was "in the record" as 2016's 922).
_NOTE_MARK = re.compile(r"\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|(?<=\w)[*†‡]+")
_MONTHS = ("(?:January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
#: A year the sentence opens with ("In 2015 the Met recorded 922 crimes …", "During 2015, police recorded …"): the
#: year of what the sentence counts, when it is the sentence's only year and no one is reported between it and the
#: figure as saying it then ("In 2017 the Met said it recorded 922", of 2016; "In 2015 the Met recorded 922 crimes,
#: a spokesperson said" is 2015's). Read only after the figure, the Met's 2016 count was "in the record" for 2015.
#: (and a month or a financial year it opens with, "In March 2016, …", "In 2019/20, …": 2024-25's 2,190 and
#: 2019-20's 87,992 were "in the record" for 2019/20 and March 2016; the year is the first, as for a year after the
#: figure)
#: (and a year that labels the sentence, "2014: The Met recorded 922 crimes", as a list or a timeline does)
OPENING_YEAR = re.compile(r"^\W*(?:(?:(?:But|And|Yet|So|Then)\s+)?(?:[Ii]n|During|Throughout)\s+"
                           r"(?:the\s+(?:financial\s+)?year\s+)?(?:(?:early|mid|late)[-\s])?"
                           rf"(?:{_MONTHS}\s+)?((?:19|20)\d{{2}})(?:[-/–](?:19|20)?\d{{2}})?\b(?![-/–]\d)"
                           rf"|((?:19|20)\d{{2}})(?:[-/–](?:19|20)?\d{{2}})?\s*:\s)")
REPORTED = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|revealed|reveals|announced|announces"
                       r"|published|publishes|released|releases|showed|shows|show|disclosed|admitted|claimed|claims"
                       r"|estimated|estimates|found|finds|according)\b", re.IGNORECASE)


#: The year of a denied figure, for the figure put in its place ("not 1,200 offences … in 2017 but 922"): 922 was
#: "in the record" as 2016's, though the sentence gives it for 2017.
_INSTEAD_OF = re.compile(r"\bnot\s+[^.;:!?]{0,120}?\b((?:19|20)\d{2})\b[^.;:!?\d]{0,40}?\bbut\s+"
                         r"(?:(?:only|just|rather)\s+)?$")
_BUT = re.compile(r"\bbut\s+(?:(?:only|just|rather)\s+)?$")


def _instead_of(text: str, start: int) -> re.Match[str] | None:
    """`_INSTEAD_OF` before a figure, looked for only after a "but" (most figures have none before them)."""
    window = text[max(0, start - 200):start]
    return _INSTEAD_OF.search(window) if _BUT.search(window[-16:]) else None


def own_year(text: str, start: int, end: int, years_named: int, *, patterns: tuple[re.Pattern[str], ...] = (
        OWN_YEAR_AFTER, OWN_YEAR_BEFORE, OPENING_YEAR)) -> int | None:
    """The year `text` gives the figure printed at text[start:end]: named just after it ("922 in 2016"), just
    before it ("2016's total of 922", "2014: 922") or, when the sentence names one year (`years_named`), by the year
    it opens with or the year of a denied figure it stands in for ("not 1,200 … in 2017 but 922"); None when it
    gives none. `patterns` are those three (the quote check passes them compiled case-blind, for
    the quote it reads lower-cased)."""
    after, before, opening = patterns
    m = after.match(_NOTE_MARK.sub("", text[end:end + 120])) or before.search(text[max(0, start - 40):start])
    if m is None and years_named == 1:
        m = opening.match(text[:start]) or _instead_of(text, start)
        if m and REPORTED.search(text, m.end(), start):
            m = None
    return int(m.group(1) or m.group(2)) if m else None


#: A table cell quoted as its labels and value (`row | column | cell`): the years its labels name, a financial
#: year's ("2023-24", "2023/24") both.
_LABEL_YEAR = re.compile(r"(?<![\w,.£])((?:19|20)\d{2})(?:[-/–]((?:19|20)?\d{2}))?\b(?![-/–]\d)")
TABLE_CELL = " | "


def label_years(quote: str) -> set[int]:
    """The years a table cell's labels name ("Number | 2021 | 388,490": 2021), or none for a quote of prose."""
    labels = quote.split(TABLE_CELL)[:-1]
    years: set[int] = set()
    for m in _LABEL_YEAR.finditer(TABLE_CELL.join(labels)):
        first = int(m.group(1))
        years.add(first)
        if m.group(2):
            years.add(first // 100 * 100 + int(m.group(2)[-2:]))
    return years
