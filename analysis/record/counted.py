"""What a count counts, read one way by scan (a record figure is offered only for a count of the same kind of
thing) and by the record's quote check (a figure's unit counts the kind of thing its quote prints after the value):
content words crudely stemmed (`words_of`, so "exploited" meets "exploitation" and "cases" meets "case"), the
record's synonyms for one counted thing made one (`counted_class`), and the kinds of counted thing (`KINDS`:
people, staff, cases, bodies).

Standard library only: the build reads it on every row, and scan on every figure.
"""

from __future__ import annotations

import functools
import re

__all__ = ["words_of", "counted_class", "KINDS", "count_kinds"]

_STOPWORDS = set("""a an the of in on at to for by with from and or as is are was were be been has have had it its
this that these those their there which who whom what when where since than more less into over under about per cent
not no all any each other our his her they them we you he she said says also such can will would could between
while after before during year years month months""".split())
_IRREGULAR = {"children": "child", "people": "person", "women": "woman", "men": "man", "offences": "offence",
              "offense": "offence", "offenses": "offence", "sex": "sexual"}
#: Counted things that are one thing in this record's usage (its `cse_flagged_crimes` prints both "crimes" and
#: "offences"; news copy calls them "incidents"), as stems of `words_of`.
_SAME_COUNTED = {"crime": "offenc", "incide": "offenc"}

_LETTERS = re.compile(r"[a-z]+")


def words_of(text: str) -> set[str]:
    """Content words, crudely stemmed so "exploited" meets "exploitation" and "cases" meets "case"."""
    found = set()
    for word in _LETTERS.findall((text or "").lower()):
        if word in _STOPWORDS or len(word) < 3:
            continue
        word = _IRREGULAR.get(word, word)
        found.add(word[:6] if len(word) > 6 else word.rstrip("s"))
    return found


@functools.lru_cache(maxsize=1024)
def counted_class(text: str) -> frozenset[str]:
    """Stemmed counted words, with the record's synonyms for one counted thing made one word."""
    return frozenset(_SAME_COUNTED.get(w, w) for w in words_of(text))


#: Kinds of counted thing. Two counts of one kind under different nouns may be one figure ("approximately 9,000
#: investigations", "9,000 cases"); counts of different kinds never are (23 police forces are not 23 cases).
KINDS = {
    "people": ("child", "girl", "boy", "young", "person", "victim", "surviv", "suspec", "offend", "perpet", "man",
               "woman", "famil", "adult",
               # (and the words for people no list of counted nouns holds, now a count's plural names its counted
               # thing: "7.8 million residents" is the ONS's London population)
               "reside", "inhabi", "london", "citize", "indivi", "kid", "minor", "teen", "pupil", "studen", "member",
               "parent", "carer", "mother", "father", "patien", "caller", "user", "people"),
    "staff": ("office", "detect", "staff"),
    "cases": ("case", "invest", "arrest", "charge", "convic", "prosec", "referr", "report", "offenc", "crime",
              "incide", "allega", "file", "operat", "record", "flag", "inquir", "review", "inspec", "audit", "sample",
              "assess", "instan", "compla", "alert", "notifi", "disclo"),
    "bodies": ("boroug", "force", "counci", "author", "area", "region", "school", "home", "team", "gang", "group",
               "networ", "agenc", "local", "unit", "syndic"),
}


def count_kinds(stems: set[str]) -> set[str]:
    return {kind for kind, prefixes in KINDS.items() for stem in stems if stem.startswith(prefixes)}
