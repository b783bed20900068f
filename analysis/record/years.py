"""The year a sentence gives a figure, read one way by scan (which offers a record figure only when the years agree)
and by the record's quote check (a figure's period holds the year its own quote gives it).

Standard library only, like `vocabulary`: the record stage and scan both import it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["YEAR", "OWN_YEAR_AFTER", "OWN_YEAR_BEFORE", "OPENING_YEAR", "REPORTED", "own_year", "label_years",
           "ONE_YEAR", "YEARS_APART", "OTHER_SPAN", "SINCE", "span_named", "months_of", "span_of", "span_problem",
           "financial_years", "given_at_a_date"]

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
#: (and a year with only spaces, a cell's gap or the row's other numbers between it and the figure, as a table
#: flattened to lines prints its row: "2014 922", "2014    922" or "2014 618 1,116" in a PDF's text, and a chart's
#: data flattened to one line, "Crimes … 2014 922 2016 618". Read with no year of its own, 2014's row was "in the
#: record" as 2016's 922, and each figure of the one line as the other year's. A number between that is itself a
#: year ends the row, so the nearest year is the figure's.)
_CELL_GAP = r"(?:[ \t]*[:=|][ \t]*|[ \t]+)"
_ROW_NUMBER = r"(?!(?:19|20)\d{2}\b)\d[\d,.]*%?"
OWN_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d{2})(?:(?:'s)?\s+(?:total|figure|count)\s+of"
                              rf"|(?:[-/–](?:19|20)?\d{{2}})?(?:{_CELL_GAP}{_ROW_NUMBER})*{_CELL_GAP}?)[ \t]*$")
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


#: … and the figure a correction puts right after the one it withdraws, in the same sentence ("an earlier version
#: said 922 crimes … in 2016; it was 618", "…; the correct figure is 618"): 618 was "in the record" as 2014's,
#: though the correction gives it for 2016.
_PUT_RIGHT = re.compile(r"\b((?:19|20)\d{2})\b[^.;:!?\d]{0,40}?[;,]\s*(?:but\s+)?(?:it|the\s+(?:(?:correct|right"
                        r"|actual|true)\s+)?(?:figure|number|total|count))\s+(?:was|is|should\s+have\s+been)\s+"
                        r"(?:(?:in\s+fact|actually|only)\s+)?$", re.IGNORECASE)
_RIGHT_END = re.compile(r"\b(?:was|is|been)\s+(?:(?:in\s+fact|actually|only)\s+)?$", re.IGNORECASE)


def _instead_of(text: str, start: int) -> re.Match[str] | None:
    """`_INSTEAD_OF` before a figure, looked for only after a "but" (most figures have none before them), or
    `_PUT_RIGHT`, only after "was" or "is"."""
    window = text[max(0, start - 200):start]
    if _BUT.search(window[-16:]):
        return _INSTEAD_OF.search(window)
    return _PUT_RIGHT.search(window) if _RIGHT_END.search(window[-24:]) else None


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


#: The span of years a sentence says a change is over ("year-on-year", "between 2014 and 2016"), and the span of a
#: record change's period, read one way by scan (a record change over other years is another figure) and the quote
#: check (a change's period spans the years its quote gives it).
ONE_YEAR = re.compile(r"\byear[- ]on[- ]year\b|\bin\s+(?:a|one)\s+(?:single\s+)?year\b"
                       r"|\b(?:in|over)\s+the\s+(?:past|last|latest|previous)\s+(?:12\s+months|year)\b"
                       r"|\b(?:on|from|since|than)\s+(?:the\s+)?(?:previous|last|prior)\s+year\b"
                       r"|\b(?:on|from|than)\s+the\s+year\s+before\b|\bannual\s+(?:rise|fall|increase|decrease|drop)\b",
                       re.IGNORECASE)
YEARS_APART = re.compile(r"\b(?:between|from)\s+((?:19|20)\d{2})\s+(?:and|to|until)\s+((?:19|20)\d{2})\b(?![-/–]\d)",
                          re.IGNORECASE)
OTHER_SPAN = re.compile(r"\bsince\s+(?:(?:19|20)\d{2}|records\s+began)\b|\bover\s+(?:the\s+)?(?:past|last)\s+"
                         r"(?:decade|\w+\s+years)\b|\bin\s+(?:the\s+)?(?:past|last)\s+\w+\s+years\b|\bdecade\b",
                         re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def span_named(sentence: str) -> int | None:
    """The one number of years a sentence says its change is over, or None."""
    spans = {1 for _ in ONE_YEAR.finditer(sentence)} | {int(m[2]) - int(m[1]) for m in YEARS_APART.finditer(sentence)}
    return spans.pop() if len(spans) == 1 and not OTHER_SPAN.search(sentence) else None


def months_of(figure: Mapping[str, Any]) -> int | None:
    """How many calendar months a record figure's period covers, first and last month counted (2016-01-01 to
    2016-12-31 is 12), or None when its dates cannot be read."""
    try:
        start, end = str(figure["period_start"]), str(figure["period_end"])
        return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1
    except (KeyError, ValueError):
        return None


def span_of(figure: Mapping[str, Any]) -> int | None:
    """How many years a record change is over: its period runs from the first year compared to the last, so
    2014-01-01 to 2016-12-31 is two years, and 2022-04-01 to 2024-03-31 (2022-23 to 2023-24) one. None for a period
    that is not whole years."""
    months = months_of(figure)
    return months // 12 - 1 if months is not None and months % 12 == 0 and months >= 24 else None


#: A change counted since a year ("a 26% fall since 2016"): its period starts in that year, or in the financial
#: year that ends in it.
SINCE = re.compile(r"\bsince\s+((?:19|20)\d{2})\b(?![-/–]\d)", re.IGNORECASE)


def span_problem(row: Mapping[str, Any]) -> str | None:
    """Why a change's period spans other years than its quote gives it (a sentence), or None: "a 49 per cent increase
    between 2014 and 2016" typed with the period 2015 to 2016, "an 8% year-on-year drop" over two years, or "a 26%
    fall since 2016" typed with the release's one year (2024-25). Scan then offered the change for a sentence of
    the other span ("fell by 29% year-on-year" for the nine-year fall). Only a measure of change is asked."""
    if not str(row.get("measure", "")).startswith("change"):
        return None
    quote, theirs = str(row.get("quote", "")), span_of(row)
    mine = span_named(quote)
    if mine is not None and theirs is not None and mine != theirs:
        return f"the quote gives the change over {mine} year(s), its period spans {theirs}"
    since = {int(m[1]) for m in SINCE.finditer(quote)}
    start = str(row.get("period_start", ""))[:4]
    if len(since) == 1 and start.isdigit() and int(start) not in {next(iter(since)) - 1, next(iter(since))}:
        return f"the quote counts the change since {next(iter(since))}, its period starts in {start}"
    return None


#: A financial year printed as a pair of years ("2022/23", "2023-24", "1993/4", "2024–2025").
_FINANCIAL_YEAR = re.compile(r"(?<![\w,.£])((?:19|20)\d{2})[-/–]((?:19|20)\d{2}|\d{1,2})\b(?![-/–]\d)")


def financial_years(text: str) -> set[int]:
    """The first years of the financial years `text` prints ("In 2022/23, …": 2022), a pair of consecutive years."""
    found = set()
    for m in _FINANCIAL_YEAR.finditer(text):
        first, second = int(m.group(1)), m.group(2)
        if (first + 1) % 10 ** len(second) == int(second) % 10 ** len(second) and (len(second) < 4 or
                                                                                      int(second) == first + 1):
            found.add(first)
    return found


#: A value given at a date, right after it and the words it counts ("391,000 children in need at 31 March 2015",
#: "over 400,000 children in need in 2025 (as at 31 March)", "49,570 children … as of 31 March"): a stock, counted on
#: that day.
_AT_A_DATE = re.compile(rf"(?:\s+[a-z'’-]+){{0,8}}?(?:\s+in\s+(?:19|20)\d{{2}})?\s+\(?(?:as\s+)?(?:at|of|on)\s+"
                        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b", re.IGNORECASE)


def given_at_a_date(text: str, end: int) -> bool:
    """Whether `text` gives the value ending at text[end] as counted on a day ("… at 31 March 2015")."""
    return bool(_AT_A_DATE.match(text, end))
