"""When a count printed in a sentence is a difference (a rise, a fall, a comparison, things added), not a level:
read one way by scan (which offers a record difference for it, never the record's level) and by the record's quote
check (a figure whose quote gives its value as a difference is a measure of change).

Standard library only.
"""

from __future__ import annotations

import re

__all__ = ["CHANGE_NOUNS", "CHANGE_MEASURE", "RISE_OR_FALL_MEASURE", "NOT_MADE_UP", "difference_named"]

#: "up" of "made up", "make up": a part of a whole, no rise ("Girls made up 56 per cent" was a percentage rise).
NOT_MADE_UP = r"(?<!\bmade )(?<!\bmake )(?<!\bmakes )(?<!\bmaking )"
#: The nouns that name a change, before "of" or after a figure: one list for a count's difference and a share's
#: percentage change. Three lists had drifted apart, so "a reduction of 300 cases", "a decline of 300" and "a 1,200
#: decline in referrals" were plain counts while "an increase of 300" was a difference.
CHANGE_NOUNS = r"(?:increase|rise|fall|drop|decrease|decline|jump|cut|reduction|growth)"
#: (and any form of a verb of change before "by": "grew by 706,881", "increased by 300" were the record's levels)
_CHANGED_VERBS = (r"(?:up|down|ris(?:e|es|en)|rose|f(?:all|alls|allen|ell)|increas(?:e|es|ed)|decreas(?:e|es|ed)"
                  r"|gr(?:ow|ows|ew|own)|jump(?:s|ed)?|drop(?:s|ped)?|climb(?:s|ed)?|soar(?:s|ed)?)")
DIFFERENCE = re.compile(rf"\b{CHANGE_NOUNS} of\s*$|\b{NOT_MADE_UP}{_CHANGED_VERBS} by\s*$", re.IGNORECASE)
#: A verb of change just before a count with no "by" ("rose 1,200", "were down 300", "up £200,000"), and a
#: comparison after one ("1,200 more cases than", "300 fewer than", "£200,000 less than planned"): a difference.
CHANGED_BY = re.compile(rf"\b(?:{NOT_MADE_UP}up|down|rose|fell|risen|fallen|increased|decreased|jumped|dropped"
                        r"|climbed|grew|soared|outnumbered\s+[a-z]+\s+by|(?:higher|lower|more|fewer|less)\s+by)\s*$",
                        re.IGNORECASE)
#: A count or sum is a difference when "more" or "fewer" follows it at once, "than" or not ("922 more crimes in
#: London"), or "higher", "lower" or "less" with "than" later in its clause: "922 more crimes of child sexual
#: exploitation in 2016 than in 2014" and "922 higher in 2016 than in 2014" were the Met's 922 crimes of 2016, "in the
#: record", where "than" had to be at most four words on and none a year (a year is blanked, "\x00", by then).
#: ("922 or more" and "more or less" are bounds.)
COMPARED_AFTER = re.compile(r"\s+(?:(?:more|fewer)(?![\w-])(?!\s+or\s+(?:less|fewer)\b)"
                            r"|(?:less|higher|lower)(?![\w-])(?:\s+[\w\x00'’-]+){0,8}?\s+than\b)", re.IGNORECASE)
#: So is a count of things added ("an extra 922 crimes", "922 additional crimes"); a sum added ("an additional £2.5
#: million funding") is the money given, the record's level.
ADDED_BEFORE = re.compile(r"\ban\s+(?:extra|additional)\s*$", re.IGNORECASE)
ADDED_AFTER = re.compile(r"\s+(?:extra|additional)\b", re.IGNORECASE)
#: A change named as a noun after a figure, "a 1,200 increase in referrals", "a 1,200-case rise": a difference.
ENDS_A = re.compile(r"\ban?\s*$", re.IGNORECASE)
CHANGE_AFTER = re.compile(rf"(?:-[a-z]+)?\s+{CHANGE_NOUNS}\b", re.IGNORECASE)

#: A record measure that is a change ("change_…", "…_increase", a difference between two counts): a word of the
#: snake_case name, not a part of one. Searched anywhere, "rise" made Operation Notarise's counts
#: (`notarise_arrests`) changes: "arrests rose by 745" was "in the record" as its 745 arrests.
CHANGE_MEASURE = re.compile(r"(?:^|_)(?:change|increase|decrease|rise|fall|additional|added|difference)(?:_|$)")
#: … of which a rise or fall between two counts, as against a count of things added (`officers_added`: "36 new
#: officers already in post" prints a count of the officers added, as a level is printed).
RISE_OR_FALL_MEASURE = re.compile(r"(?:^|_)(?:change|increase|decrease|rise|fall|difference)(?:_|$)")


def difference_named(tail: str, after: str, unit: str, qualifier: str | None) -> re.Match[str] | None:
    """The words that make a count or a sum printed between `tail` and `after` a difference, not a level, or None:
    a change of it ("an increase of 1,200", "rose by 300", "rose 1,200", "down £200,000"), a comparison after it
    ("1,200 more cases than in 2019"), a change named after it ("a 1,200 increase"), or a count of things added ("an
    extra 922 crimes"; a sum added is the money given). Not with a qualifier: "climbed above 1,200" names a level."""
    if unit not in ("count", "GBP"):
        return None
    # DIFFERENCE ends in "of" or "by" before any white space: a tail ending otherwise is not searched
    if tail.rstrip().lower().endswith(("of", "by")) and (diff := DIFFERENCE.search(tail)):
        return diff
    if qualifier == "exact" and (diff := CHANGED_BY.search(tail)):
        return diff
    if diff := COMPARED_AFTER.match(after):
        return diff
    if ENDS_A.search(tail) and (diff := CHANGE_AFTER.match(after)):
        return diff
    return (ADDED_BEFORE.search(tail) or ADDED_AFTER.match(after)) if unit == "count" else None
