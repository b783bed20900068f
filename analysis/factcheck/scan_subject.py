"""Whether a record figure printed alike is the article's figure: what it counts, where and when.

A number is not a figure: "1,200" is the Met's 2017 offences in one sentence and the national historic cases in the
next. So before a record figure is offered as the answer, what the sentence says about the article's figure must
agree with it: the thing counted (named after the number, before it as "the number of X", or shared by a pair),
a rise or a share and the whole it is a share of, the place the sentence names and the year it gives the figure.
A record figure that disagrees is another definition, shown as a warning with the reason (`differs`), never as the
answer. Words are compared crudely stemmed (`words_of`), so "exploited" meets "exploitation".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from analysis.factcheck.scan_find import Found, change_direction, counted_phrase, ending_noun, head_noun
from analysis.factcheck.scan_source import other_body
from analysis.record.counted import count_kinds, counted_class, words_of
from analysis.record.differences import CHANGE_MEASURE as _CHANGE_MEASURE
from analysis.record.differences import RISE_OR_FALL_MEASURE
from analysis.record.pattern_set import PatternSet
from analysis.record.word_pattern import trie_pattern
from analysis.record.years import SINCE as _SINCE
from analysis.record.years import YEAR, months_of, own_year, span_named, span_of
from analysis.record.years import YEARS_APART as _YEARS_APART

__all__ = ["words_of", "counted_class", "quote_counted", "whole_of", "whole_words", "years_of", "base_words",
           "direction_of", "counted_words", "Setting", "setting_of", "in_period", "score", "head_of", "differs"]

def quote_counted(row: dict[str, Any]) -> set[str]:
    """What the source's own sentence says the figure counts ("approximately 9,000 investigations"): a news copy
    may name the thing as the source did even where the record's unit says "cases"."""
    quote, printed = (row.get("quote") or ""), (row.get("value_as_printed") or "")
    at = quote.lower().find(printed.lower()) if printed else -1
    return set(counted_class(head_noun(counted_phrase(quote[at + len(printed):])))) if at >= 0 else set()


_SHARE_OF = re.compile(r"^(?:share|proportion|percentage)\s+of\s+(.*)$", re.IGNORECASE)


def whole_of(subject: str) -> str:
    """The whole a record share is a share of ("survivors" of "Share of adult survivors of child sexual …")."""
    m = _SHARE_OF.match(subject or "")
    return head_noun(m.group(1)) if m else ""


#: Where the words naming a share's whole end: "children assessed | with child sexual exploitation who …".
_WHOLE_ENDS = re.compile(r"\b(?:of|with|in|into|for|by|to|from|on|at|who|whom|whose|which|that|where|when|and|or)\b",
                         re.IGNORECASE)


def whole_words(subject: str) -> frozenset[str]:
    """The counted words of a record share's whole up to its first preposition: its noun and what is said of it
    there ("children assessed"), so a share "of child sexual exploitation assessments" is the share of "children
    assessed with child sexual exploitation" (the DfE's 81% aged 10 or over), as it was before "assessments" was
    read as a counted noun, and "of perpetrators of child sexual abuse" still names no children."""
    m = _SHARE_OF.match(subject or "")
    return counted_class(_WHOLE_ENDS.split(m.group(1), maxsplit=1)[0]) if m else frozenset()


def direction_of(row: dict[str, Any]) -> str:
    """Which way a record change went ("rise", "fall", or "" when the record does not say): as its subject names it
    ("Fall in child in need assessments …"), else as its quote does just before the value ("an increase of
    284,000 (0.4%)"). The record keeps a fall's value unsigned (8 for "fell by 8%")."""
    if not _CHANGE_MEASURE.search(row.get("measure") or ""):
        return ""
    named = change_direction(row.get("subject") or "")
    if named:
        return named
    quote, printed = (row.get("quote") or ""), (row.get("value_as_printed") or "")
    at = quote.lower().find(printed.lower()) if printed else -1
    return change_direction(_CLAUSE.split(quote[max(0, at - 60):at])[-1]) if at > 0 else ""


_CLAUSE = re.compile(r"[;:.!?]\s|,\s+(?:but|while|whereas)\s")


def years_of(row: dict[str, Any]) -> tuple[int, int] | None:
    try:
        return int(str(row["period_start"])[:4]), int(str(row["period_end"])[:4])
    except (KeyError, TypeError, ValueError):
        return None



def counted_words(found: Found) -> frozenset[str]:
    """The counted words alone: named after the number, or before it ("the number of referrals rose from 1,737 …
    to 2,060")."""
    return sentence_words(f"{found.counted} {found.subject}")


def base_words(found: Found, context: str) -> frozenset[str]:
    """Words of the figure's sentence and of `context` (the sentence before, when this one opens with "These
    figures" or the like): shared by every figure in the sentence, so the sentence's own words, not a copy, when
    there is no context."""
    words = sentence_words(found.sentence.text)
    return words | sentence_words(context) if context else words


@functools.lru_cache(maxsize=1024)
def sentence_words(text: str) -> frozenset[str]:
    """words_of a sentence or phrase, once per text rather than once per figure in it (a counted phrase such as
    "cases" or "per cent" recurs throughout a page)."""
    return frozenset(words_of(text))


#: Where a sentence says its figures are from. A sentence naming several places constrains nothing it names.
#: "national" before a programme ("the national reinvestigation", "the national review") names the programme a
#: force's count is part of, not the place counted: the Met's spokesperson put its own 9,000 cases "as part of the
#: national reinvestigation" (PA, 26 October 2025), and reading that as England and Wales sent the Met's figure to
#: "not in the record". "nationally", "nationwide" and "across the country" still place a figure.
_NATIONAL_PROGRAMME = (r"\s+(?:polic(?:e|ing)\s+)?(?:re-?investigation|investigation|review|audit|inquiry|operation"
                       r"|programme|taskforce)s?\b")
#: Words that put a figure everywhere but London: "Outside London, 922 crimes …", "Forces outside London
#: recorded …" and "Excluding London, …" named London, and the Met's 922 was "in the record".
_OUTSIDE = r"(?:[Oo]utside(?:\s+of)?|[Ee]xcluding|[Bb]eyond|[Ee]xcept(?:\s+for)?)\s+"
_LONDON = r"(?:London(?:ers?)?|[Tt]he capital|[Tt]he Met|Metropolitan Police|Scotland Yard)\b"
_GEOGRAPHY = (
    ("London", re.compile(r"\b(?<!utside )(?<!utside of )(?<!xcluding )(?<!eyond )(?<!xcept )(?<!xcept for )"
                          + _LONDON)),
    ("outside London", re.compile(rf"\b{_OUTSIDE}{_LONDON}")),
    # (and a nation named by its adjective, "Scottish police recorded 922 …", "Welsh forces recorded …")
    ("Scotland", re.compile(r"\bScottish\b")),
    ("Wales", re.compile(r"\bWelsh\b")),
    ("Northern Ireland", re.compile(r"\bNorthern Irish\b")),
    ("England and Wales", re.compile(r"\b(?:England and Wales|[Nn]ationally|[Nn]ational(?!" + _NATIONAL_PROGRAMME
                                     + r")|[Nn]ationwide|across the country|police forces)\b")),
    ("United Kingdom", re.compile(r"\b(?:UK|U\.K\.|United Kingdom|Britain|British)\b")),
    ("England", re.compile(r"\bEngland\b(?! and Wales)")),
    # (the whole world, where no figure of the record is from: "Worldwide, 500,000 children are sexually abused every
    # year" was "in the record" as the CSA Centre's estimate for England and Wales)
    ("the world", re.compile(r"\b(?:[Ww]orldwide|[Gg]lobally|[Ii]nternationally|the world over"
                             r"|(?:around|across|throughout|in) the world)\b")),
)
#: Which of `_GEOGRAPHY`'s places a sentence may name, read by RE2 in one pass: each opens with a word boundary, so
#: Python's `re` tried it at every character of every sentence.
_GEOGRAPHY_SET = PatternSet([pattern for _, pattern in _GEOGRAPHY])
#: Places outside London the record holds no figure for: the other police forces' areas of England and Wales, the
#: other nations, and the towns and cities reports of group-based exploitation name. "In Telford, more than 1,000
#: children were sexually exploited" and "West Midlands Police recorded 1,200 offences … in 2017" were "in the
#: record" as the Met's counts (its 1,000 children at risk, the Standard's 1,200 London offences): a sentence naming
#: only such a place put the figure nowhere. A place is named where a force is ("West Midlands Police"), after a
#: word that places the figure ("in Telford", "across Lancashire"), as a possessive ("Rotherham's") or as the
#: sentence's subject ("Scotland recorded …").
_FORCE_AREAS = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "Cleveland", "Cumbria", "Derbyshire",
    "Devon and Cornwall", "Dorset", "Durham", "Dyfed-Powys", "Essex", "Gloucestershire", "Greater Manchester", "Gwent",
    "Hampshire", "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside",
    "Norfolk", "North Wales", "North Yorkshire", "Northamptonshire", "Northumbria", "Nottinghamshire", "South Wales",
    "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley", "Warwickshire", "West Mercia",
    "West Midlands", "West Yorkshire", "Wiltshire")
#: Places outside the United Kingdom that news of this subject names, as countries, their unions and the places
#: reporters set them apart by: "In the US, an estimated 500,000 children …", "In Australia, police recorded 87,992
#: …" and "In Germany, 9,000 cases …" were "in the record" as England and Wales's or the Met's figures. (Names that
#: are also a person's, "Jordan", "Chad", "Georgia", are left out: "Jordan's mother" names no place.)
_ABROAD = (
    "United States", "US", "USA", "America", "North America", "South America", "Latin America", "Canada", "Mexico",
    "Brazil", "Argentina", "Australia", "New Zealand", "Ireland", "Republic of Ireland", "Isle of Man", "Guernsey",
    "France", "Germany", "Spain", "Portugal", "Italy", "Netherlands", "Holland", "Belgium", "Luxembourg",
    "Switzerland", "Austria", "Denmark", "Norway", "Sweden", "Finland", "Iceland", "Scandinavia", "Poland",
    "Czech Republic", "Czechia", "Slovakia", "Hungary", "Romania", "Bulgaria", "Greece", "Cyprus", "Malta", "Croatia",
    "Serbia", "Albania", "Kosovo", "Ukraine", "Russia", "Lithuania", "Latvia", "Estonia", "Turkey", "Europe", "EU",
    "European Union", "Asia", "Africa", "Middle East", "India", "Pakistan", "Bangladesh", "Sri Lanka", "Afghanistan",
    "Iran", "Iraq", "Syria", "Israel", "Saudi Arabia", "United Arab Emirates", "UAE", "Egypt", "Nigeria", "Kenya",
    "Ghana", "South Africa", "Uganda", "Ethiopia", "Somalia", "China", "Hong Kong", "Japan", "South Korea",
    "North Korea", "Taiwan", "Singapore", "Malaysia", "Indonesia", "Philippines", "Thailand", "Vietnam", "Cambodia",
    "California", "New York", "Texas", "Florida", "Ontario", "Quebec")
_OTHER_PLACES = (*_FORCE_AREAS, "Scotland", "Wales", "Northern Ireland", "Cornwall", "Yorkshire", "Birmingham",
                 "Blackburn", "Blackpool", "Bolton", "Bradford", "Bristol", "Burnley", "Bury", "Calderdale", "Cardiff",
                 "Coventry", "Derby", "Dewsbury", "Edinburgh", "Glasgow", "Halifax", "Huddersfield", "Keighley",
                 "Kirklees", "Leeds", "Leicester", "Liverpool", "Manchester", "Newcastle", "Nottingham", "Oldham",
                 "Oxford", "Oxfordshire", "Peterborough", "Rochdale", "Rotherham", "Salford", "Sheffield",
                 "Stockport", "Swansea", "Telford", "Wigan", "Aylesbury", "Belfast", *_ABROAD)
_PLACE = trie_pattern(sorted(_OTHER_PLACES))
_PLACE_NAME = re.compile(rf"(?:{_PLACE})\b")  # (its start's edge is checked after: a pattern opening with one is
#                                              tried at every position, not only at the names' first letters)
#: What names a place where it stands: a force ("West Midlands Police"), a possessive ("Rotherham's"), or a word
#: that places a figure before it ("in Telford", "across the West Midlands"). The name is found first and its
#: neighbours read after: the same pattern with look-behinds at every position cost 0.1 s a MB.
_NAMED_AFTER = re.compile(r"'s\b| (?:Police|Constabulary)\b")
_NOT_NAMED_AFTER = re.compile(r"\s+(?:Street|Road|Circus|Square|Quays?|Lane|Avenue|Gardens|Park|Place"
                              r"|Terrace|Crescent|Way|Gate|Row|Court|House|Hall|Close|Grove|Hill|Walk|Mews)\b")
_PLACED_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ff]rom|[Ff]or|[Aa]round|[Oo]utside)\s+(?:the\s+)?"
                            r"|\bPolice\s+(?:Service\s+of\s+)?|^\s*)$")
_NOT_PLACED_BEFORE = re.compile(r"England\s+(?:and|&)\s+$")


def other_places(text: str) -> set[str]:
    """The places outside London (`_OTHER_PLACES`) a sentence puts its figures in."""
    found = set()
    for m in _PLACE_NAME.finditer(text):
        before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 12]
        if before[-1:].isalnum() or _NOT_PLACED_BEFORE.search(before) or after.startswith(" Yard"):
            continue
        if _NAMED_AFTER.match(after) or (not _NOT_NAMED_AFTER.match(after) and _PLACED_BEFORE.search(before)):
            found.add(m.group(0))
    return found


@dataclass(frozen=True)
class Setting:
    """Where and when the sentence puts a figure: places it names, years it names, and the figure's own year."""

    places: frozenset[str]
    years: frozenset[int]
    own_year: int | None


@functools.lru_cache(maxsize=256)
def _sentence_setting(text: str) -> tuple[frozenset[str], frozenset[int]]:
    possible = _GEOGRAPHY_SET.could_match(text)
    places = {name for index, (name, pattern) in enumerate(_GEOGRAPHY) if index in possible and pattern.search(text)}
    places.update(other_places(text))
    return frozenset(places), frozenset(int(y) for y in YEAR.findall(text))


def setting_of(found: Found, context: str) -> Setting:
    places, years = _sentence_setting(found.sentence.text)
    if not places and context:
        places = _sentence_setting(context)[0]
    if not years and context and _alone(found):
        years = _sentence_setting(context)[1]
        return Setting(places, years, next(iter(years)) if len(years) == 1 else None)
    row_year = _row_year(found, context) if _CELL in found.sentence.text else None
    if row_year is not None:
        return Setting(places, years, row_year)
    # (a row with no cell of a year reads the year its text gives the figure, "… exploitation 2014 | 922" as a
    # heading joined to a flattened table's first row prints it: read with none, 2014's row was 2016's 922)
    if not years:  # a sentence naming no year gives no figure in it a year of its own
        return Setting(places, years, None)
    text, end = found.sentence.text, found.start + len(found.text)
    counted_on = _YEARS_ON.match(text[end:end + 120]) if len(years) == 1 else None
    if counted_on:
        return Setting(places, years, next(iter(years)) + _years_on(counted_on))
    return Setting(places, years, own_year(text, found.start, end, len(years)))


#: A year counted from the one the sentence names ("922 in 2016 and 618 a year earlier", "618 in 2014 and 922 two
#: years later"): 618 was "in the record" as 2014's for "a year earlier" than 2016.
_YEARS_ON = re.compile(r"^\s*(?:[^\d\s,;:.—–()]+\s+){0,8}?(an?|one|two|three|four|five|six|seven|eight|nine|ten"
                       r"|\d{1,2})\s+years?\s+(earlier|before|previously|prior|later|after|on)\b", re.IGNORECASE)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}


def _years_on(m: re.Match[str]) -> int:
    """How many years on (or, negative, back) `_YEARS_ON` counts."""
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else _COUNT_WORDS[word]
    return n if m.group(2).lower() in ("later", "after", "on") else -n


_CELL = " | "
_WHOLE_YEAR = re.compile(r"(?:19|20)\d{2}(?:[-/–](?:19|20)?\d{2})?")


def _row_year(found: Found, heading: str) -> int | None:
    """The year of a figure in a table's row ("2016 | 922"): the one cell of the row that is a year, else its
    column's heading when that is a year ("Measure | 2014 | 2016" over "Crimes | 618 | 922")."""
    cells = [c.strip(" .*") for c in found.sentence.text.split(_CELL)]
    years = {c[:4] for c in cells if _WHOLE_YEAR.fullmatch(c)}
    if not years and heading and _WHOLE_YEAR.fullmatch(heading.strip(" .*")):
        years = {heading.strip(" .*")[:4]}
    return int(years.pop()) if len(years) == 1 else None


def _alone(found: Found) -> bool:
    """Whether the figure is all its sentence prints, as a statistic block, a definition list's term's value or a
    dashboard's tile prints one: the words it is read with are its label (`scan._label`), whose one year is the
    figure's ("Crimes connected with CSE, 2014" over "922" was "in the record" as 2016's 922)."""
    text = found.sentence.text
    rest = text[:found.start] + text[found.start + len(found.text):]
    return not any(c.isalnum() for c in rest)


def in_period(year: int, figure: dict[str, Any]) -> bool:
    span = figure["_years"]
    return span is None or span[0] <= year <= span[1]


def score(figure: dict[str, Any], near: set[str], counted: AbstractSet[str], setting: Setting | None = None) -> int:
    """Shared words, the counted thing twice ("23 police forces" is about forces, not cases); one more each for a
    place and a year the sentence names that the record figure has."""
    score = len(near & figure["_words"]) + len(counted & figure["_counts"]) + len(counted & figure["_words"])
    if setting is not None:
        score += figure["geography"] in setting.places
        score += figure["_years"] is not None and any(in_period(y, figure) for y in setting.years)
    return score


def head_of(found: Found) -> set[str]:
    """The counted thing the article names: right after the number ("investigation" in "one ongoing investigation
    into a case"), else before it ("the number of referrals rose from …"); empty when neither names one."""
    return set(counted_class(found.head))


#: A record count of the case files an inspection or an audit read (HMIC's 374 cases examined, 278 of them judged
#: inadequate): cases, but no count of crimes. "The Met recorded 374 crimes connected with child sexual exploitation
#: in 2016" was "in the record" as the inspection's 374 cases examined, cases and crimes being one kind of thing.
_SAMPLED = re.compile(r"\b(?:[Ii]nspection|audit)\b")


def _other_count(head: set[str], counts: set[str]) -> bool:
    """Whether the counted thing the article names is another kind of thing than the record figure counts."""
    if not head or not counts or head & counts:
        return False
    mine, theirs = count_kinds(head), count_kinds(counts)
    if mine and theirs:
        return not (mine & theirs) or _other_age(head, counts)
    return True


#: People counted as children, and as grown-ups: a count of one is not a count of the other ("500,000 adults" was
#: "in the record" as the CSA Centre's 500,000 children), nor is a count of children one of people the record does
#: not say are children ("Police identified 745 children under Operation Notarise" was its 745 people arrested).
_CHILDREN = ("child", "girl", "boy", "young", "minor", "kid", "teen", "pupil")
_GROWN = ("adult", "man", "woman", "parent", "mother", "father", "carer")


def _other_age(head: set[str], counts: set[str]) -> bool:
    def named(stems: set[str], prefixes: tuple[str, ...]) -> bool:
        return any(stem.startswith(prefixes) for stem in stems)
    if named(head, _CHILDREN):
        return not named(counts, _CHILDREN)
    return named(head, _GROWN) and named(counts, _CHILDREN) and not named(counts, _GROWN)


#: Groups a figure may be of that exclude each other, by family, as stems of `words_of`, with how the scan names them.
#: "An estimated 5% of girls" was "in the record" as the CSA Centre's 5% of boys, "Boys accounted for 57% of CSA
#: assessments" as the DfE's share of girls, and "92% of victims … are female" as its 92% of perpetrators who are
#: male: each group shares its kind of counted thing ("people") with the other. So were an inspection's grades ("HMIC
#: judged 76% of the cases it audited to be good or adequate" was its 76% inadequate or requiring improvement,
#: "Inspectors rated 93 of the 303 cases inadequate" its 93 good), ethnic groups ("85% of suspects … were Asian" was
#: the 85% who are white), the ends of a range ("In the lowest-charging force, 20% …" was the highest's 20%) and what
#: an investigation ended in ("one in eight … investigations ended in a charge" was the CSA Centre's one in eight
#: that ended in an out-of-court resolution).
#: "Substandard" is both grades below good, as the record's combined figures are.
_Group = tuple[frozenset[str], str]
_SIDES: tuple[tuple[_Group, ...], ...] = (
    ((frozenset({"girl", "female", "woman"}), "girls or women"), (frozenset({"boy", "male", "man"}), "boys or men")),
    ((frozenset({"victim", "surviv"}), "victims or survivors"),
     (frozenset({"perpet", "suspec", "offend", "abuser", "defend"}), "perpetrators or suspects")),
    ((frozenset({"good", "well", "adequa", "outsta"}), "good or adequate"),
     (frozenset({"improv", "substa"}), "requiring improvement"), (frozenset({"inadeq", "poor", "poorly", "substa"}),
                                                                 "inadequate")),
    ((frozenset({"white"}), "white"), (frozenset({"asian"}), "Asian"), (frozenset({"black"}), "black"),
     (frozenset({"mixed"}), "mixed")),
    ((frozenset({"highes"}), "the highest"), (frozenset({"lowest"}), "the lowest")),
    ((frozenset({"charge", "prosec"}), "charged"), (frozenset({"resolu", "cautio"}), "resolved out of court")))
#: A group a sentence denies is not the group it names: "three-quarters of cases were not handled adequately" is of
#: cases below adequate, "5% of boys, not girls" of boys; and "as well" names no grade ("10 cases were handled well"
#: does).
_DENIED = re.compile(r"(?:\b(?:not|never)|n't)(?:\s+[a-z]+){1,2}|\bas\s+well\b", re.IGNORECASE)


def _sides(words: AbstractSet[str], family: tuple[_Group, ...]) -> frozenset[int]:
    """Which groups of a family the words name."""
    return frozenset(n for n, (side, _) in enumerate(family) if side & words)


def _one_side(words: AbstractSet[str], pair: tuple[_Group, ...]) -> int | None:
    """Which one of a family of groups the words name, or None for none or several."""
    named = _sides(words, pair)
    return next(iter(named)) if len(named) == 1 else None


@functools.lru_cache(maxsize=256)
def _groups_named(sentence: str) -> frozenset[str]:
    """A sentence's words, less those it denies, for naming its groups."""
    return sentence_words(_DENIED.sub(" ", sentence))


def _named(family: tuple[_Group, ...], sides: frozenset[int]) -> str:
    return " or ".join(family[n][1] for n in sorted(sides))


#: Child sexual abuse and child sexual exploitation, one of its forms, are counted apart: "12,120 children … affected
#: by child sexual abuse" was "in the record" as the DfE's 12,120 assessed for exploitation, "922 crimes connected
#: with child sexual abuse" as the Met's 922 flagged for exploitation, and "29,560 … exploitation" as the 29,560 for
#: abuse. A text naming both (or "CSAE", "abuse and exploitation") constrains nothing.
_ABUSE = re.compile(r"\bsexual(?:ly)?\s+abus|\bCSA\b", re.IGNORECASE)
_EXPLOITATION = re.compile(r"\bsexual(?:ly)?\s+exploit|\bCSE\b", re.IGNORECASE)
_BOTH = re.compile(r"\bCSAE\b|\babuse\s+(?:and|&|or)\s+(?:sexual\s+)?exploitation\b"
                   r"|\bexploitation\s+(?:and|&|or)\s+(?:sexual\s+)?abuse\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _abuse_or_exploitation(text: str) -> str:
    """"abuse" or "exploitation" when a text names child sexual abuse or its exploitation alone, else ""."""
    if _BOTH.search(text):
        return ""
    abuse, exploitation = _ABUSE.search(text) is not None, _EXPLOITATION.search(text) is not None
    return "abuse" if abuse and not exploitation else "exploitation" if exploitation and not abuse else ""


def _other_form(found: Found, figure: dict[str, Any]) -> str:
    mine = _abuse_or_exploitation(found.sentence.text)
    theirs = _abuse_or_exploitation(f"{figure['measure'].replace('_', ' ')} {figure.get('subject') or ''}")
    return f"of child sexual {theirs}, not {mine}" if mine and theirs and mine != theirs else _other_harm(found, figure)


#: Harms to children other than sexual abuse, as child protection statistics categorise them, and the criminal
#: exploitation that is not sexual: "2,190 children were placed on child protection plans for neglect" was "in the
#: record" as the DfE's 2,190 for sexual abuse, "13,860 assessments identified child criminal exploitation" as its
#: assessments for sexual exploitation. A sentence naming sexual abuse too names no other harm alone.
_OTHER_HARM = re.compile(r"\b(?:neglect(?:ed)?|(?:physical|emotional)(?:ly)?\s+(?:abuse[ds]?|harm(?:ed)?)"
                         r"|domestic\s+abuse|criminal\s+exploitation|county\s+lines)\b", re.IGNORECASE)
_SEXUAL = re.compile(r"\bsex(?:ual(?:ly)?)?\b|\b(?:CSE|CSA|CSAE|CSEA)\b|\bgroom(?:ing|ed)\b", re.IGNORECASE)


def _other_harm(found: Found, figure: dict[str, Any]) -> str:
    """Why a record figure of sexual abuse or exploitation is not one of the other harm the sentence names, or ""."""
    m = _OTHER_HARM.search(found.sentence.text)
    if not m or _SEXUAL.search(found.sentence.text):
        return ""
    if not _SEXUAL.search(f"{figure['measure'].replace('_', ' ')} {figure.get('subject') or ''}"):
        return ""
    return f"of sexual abuse or exploitation, not {' '.join(m.group().lower().split())}"


def other_group(found: Found, figure: dict[str, Any]) -> str:
    """The group a record figure is of, when the figure's sentence names only the other one of a pair ("girls" and
    no boys, the record's figure "boys" and no girls); or when what the figure itself counts is one sex ("2,190
    girls") and the record's figure names neither."""
    mine, theirs = _groups_named(found.sentence.text), figure["_words"]
    for family in _SIDES:
        a, b = _sides(mine, family), _sides(theirs, family)
        if a and b and not a & b:
            return f"of {_named(family, b)}, not {_named(family, a)}"
    form = _other_form(found, figure)
    if form:
        return form
    sexes = _SIDES[0]
    own = _one_side(counted_class(found.head) | _whole_named(found), sexes)
    if own is not None and not (sexes[0][0] | sexes[1][0]) & theirs:
        return f"not of {sexes[own][1]} alone"
    return ""


def _whole_named(found: Found) -> frozenset[str]:
    """The whole a share is printed of ("girls" of "5% of girls"), as counted words."""
    if found.printed.unit != "percent" or not found.counted.lower().startswith("of "):
        return frozenset()
    return counted_class(head_noun(found.counted[3:]) or found.counted[3:].split(" ", 1)[0])


#: The ages a figure is bounded by: below an age ("before the age of 16", "before 18", "under-18s") or from one on
#: ("aged 10 or over", "10-plus"), as the measure vocabulary names them (`…_before_16`, `…_aged_10_plus`) and as a
#: sentence does. "3.1 million adults … were sexually abused before the age of 18" was "in the record" as the ONS's
#: 3.1 million before 16 (its figure before 18 is 4.3 million), "7.5% … before 18" as its 7.5% before 16, and "81% of
#: CSE assessments were of children under 10" as the DfE's 81% aged 10 or over. A range of ages ("aged 18 to 74")
#: is not compared: the ONS's adults are aged 18 to 74 and were abused before 16.
_MEASURE_AGE = re.compile(r"_(?:(?:before|under)_(?P<below>\d{1,2})|aged_(?P<from>\d{1,2})_plus)(?![^_])")
_BELOW_AGE = re.compile(r"\b(?:before|under|below|younger\s+than)(?:\s+the\s+age\s+of|\s+age|\s+turning|\s+reaching"
                        r"|\s+(?:they|he|she|I|you|we)\s+(?:were|was|are|is|turned|turn|reached|reach))?[\s-]+"
                        r"(\d{1,2})(?![\d%]|[,.]\d)(?=s\b|-year|\s*(?:[.,;:!?)–—]|$)|\s+(?:and|or|in|at|when|while|the"
                        r"|who|were|was|are|is|had|have|years?)\b)", re.IGNORECASE)
_FROM_AGE = re.compile(r"\b(\d{1,2})(?:\s*\+|-?plus\b|\s+(?:or|and)\s+(?:over|older|above)\b)"
                       r"|\b(?:aged|age)\s+(?:over|above)\s+(\d{1,2})\b|\bover-(\d{1,2})s\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _age_bounds(sentence: str) -> frozenset[str]:
    """The ages a sentence bounds its figures by, as "under 16" or "16 and over"."""
    below = {f"under {m.group(1)}" for m in _BELOW_AGE.finditer(sentence)}
    upward = {f"{m.group(1) or m.group(2) or m.group(3)} and over" for m in _FROM_AGE.finditer(sentence)}
    return frozenset(below | upward)


@functools.lru_cache(maxsize=1024)
def _measure_age_bounds(measure: str) -> frozenset[str]:
    return frozenset(f"under {m['below']}" if m["below"] else f"{m['from']} and over"
                     for m in _MEASURE_AGE.finditer(measure))


def other_age_bound(found: Found, figure: dict[str, Any]) -> str:
    """Why a record figure bounded by one age is not a figure the sentence bounds by another ("under 16, not under
    18"), or ""."""
    theirs = _measure_age_bounds(figure["measure"])
    mine = _age_bounds(found.sentence.text) if theirs else frozenset()
    if not mine or mine & theirs:
        return ""
    return f"{' or '.join(sorted(theirs))}, not {' or '.join(sorted(mine))}"


#: A band of children's ages a sentence puts its figure in ("girls aged 13 to 17", "children aged 10-15", "aged
#: between 13 and 17", "13- to 17-year-olds"): a part of the children a record figure of every age counts. "Girls aged
#: 13 to 17 made up 79% of victims" was "in the record" as the VKPP's 79% of all victims female, and "2,190 children
#: aged 10 to 15" as the DfE's 2,190 children of every age. A band that reaches 0 or ends at 18 or over is all
#: children, or an adult survey's ("adults aged 18 to 74").
_AGE_BAND = re.compile(r"\b(?:aged|ages|age)\s+(?:between\s+)?(\d{1,2})\s*(?:to|-|–|and)\s*(\d{1,2})\b(?![\d%]|[,.]\d)"
                       r"|\b(\d{1,2})(?:-year-olds?)?\s*(?:[-–]\s*)?(?:to|[-–])\s*(\d{1,2})-year-olds?\b",
                       re.IGNORECASE)
#: Where a record figure names an age its quote or subject bounds it by.
_NAMES_AN_AGE = re.compile(r"\baged?\b|\byear[- ]olds?\b|\b(?:under|over|before)[- ]\d{1,2}\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _age_band(sentence: str) -> str:
    """The one band of children's ages the sentence names ("aged 13 to 17"), or ""."""
    bands = set()
    for m in _AGE_BAND.finditer(sentence):
        low, high = (int(g) for g in (m.group(1) or m.group(3), m.group(2) or m.group(4)))
        if 0 < low < high < 18:
            bands.add(f"aged {low} to {high}")
    return bands.pop() if len(bands) == 1 else ""


def other_age_band(found: Found, figure: dict[str, Any]) -> str:
    """Why a record figure of children of every age is not one the sentence gives for a band of ages, or ""."""
    band = _age_band(found.sentence.text)
    if not band or _NAMES_AN_AGE.search(f"{figure['measure'].replace('_', ' ')} {figure['subject']} "
                                        f"{figure.get('quote') or ''}"):
        return ""
    return f"every age, not {band}"


#: How many years a change is over, as a sentence says it: one year ("year-on-year", "in a year", "in the past year",
#: "on the previous year") or the years it names ("between 2015 and 2016", "from 2014 to 2016"). "CSE assessments fell
#: by 29% year-on-year" was "in the record" as the DfE's fall of 29% since 2016 (nine years), and "rose 49 per cent
#: between 2015 and 2016" as the Met's rise from 2014 to 2016. A sentence naming a span it does not count ("since
#: 2016", "over the past decade") or several spans constrains nothing.
def other_span(found: Found, figure: dict[str, Any]) -> str:
    """Why a record change over some years is not the change a sentence says is over others ("a change over 9
    years, not 1"), or ""."""
    if found.derived not in _CHANGES or not figure["measure"].startswith("change"):
        return ""
    mine = span_named(found.sentence.text)
    theirs = span_of(figure) if mine is not None else None
    if theirs is None or theirs == mine:
        return ""
    return f"a change over {theirs} year{'s' if theirs != 1 else ''}, not {mine}"


#: A count a sentence puts over a span of years before it ("Between 2014 and 2016, the Met recorded 922 crimes",
#: "Since 2014, …") is a total over them, not the record's count for one year (the Met's 922 were 2016's). Not a count
#: that ends or opens a change ("rose from 618 to 922"), names its own year ("922 in 2016") or comes before the span
#: ("2,190 children started plans …, a 26% fall since 2016": the span is the fall's).
_ENDS_FROM_TO = re.compile(r"\b(?:from|to)\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _years_spanned(sentence: str) -> str:
    """The one span of years a sentence names ("2014 to 2016", "since 2014"), or ""."""
    spans = {f"{m[1]} to {m[2]}" for m in _YEARS_APART.finditer(sentence)} | \
        {f"since {m[1]}" for m in _SINCE.finditer(sentence)}
    return spans.pop() if len(spans) == 1 else ""


#: … and a span counted back from now ("Over the past two years, the Met recorded 922 crimes", "500,000 children
#: were sexually abused last month"): a total over several years, or over less than one, not the record's count for
#: one year. Read before the figure, or after it in its clause. Not a year counted back ("in the past year", "in the
#: last 12 months": one year).
_RELATIVE_SPAN = re.compile(r"\b(?:(?:over|in|during|across|within|for)\s+the\s+(?:past|last|previous|preceding)"
                            r"|(?:over|for|across)|(?:last|this|past))\s+"
                            r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|[1-9]\d)\s+years|decade"
                            r"|(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+)?months"
                            r"|(?:(?:two|three|four|five|six|[2-9]|[1-9]\d)\s+)?(?:weeks|days)|month|week|fortnight)\b",
                            re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"[,;:()—–]|\s-\s")


def _relative_span(found: Found) -> str:
    """The one span counted back from now the sentence puts the figure in ("over the past two years"), or ""."""
    text = found.sentence.text
    end = found.start + len(found.text)
    stop = _CLAUSE_ENDS.search(text, end)
    spans = {m.group().lower() for m in _RELATIVE_SPAN.finditer(text[:stop.start() if stop else len(text)])}
    return spans.pop() if len(spans) == 1 else ""


def over_years(found: Found, figure: dict[str, Any], setting: Setting) -> str:
    """Why a record count for one year is not a count the sentence gives over a span of years, or ""."""
    if found.printed.unit not in ("count", "GBP") or found.derived or setting.own_year is not None:
        return ""
    span = _years_spanned(found.sentence.text[:found.start]) or _relative_span(found)
    # (a count the sentence gives a frequency of its own, "every year since 2014", is no total over the span)
    if (not span or _ENDS_FROM_TO.search(found.sentence.text[max(0, found.start - 8):found.start])
            or _frequency(_clause_after(found))):
        return ""
    # (a figure the record gives per year, whatever its dates: "500,000 children … last month" was the CSA Centre's
    # 500,000 a year)
    if _figure_frequency(figure["measure"], figure.get("subject") or "") == "year":
        return f"a figure per year, not {span}"
    months = months_of(figure)
    if months is None or not 11 <= months <= 13:
        return ""
    return f"{figure['period_start']} to {figure['period_end']} alone, not {span}"


#: How often a count happens, as the words after it say ("500,000 children … every year", "£65m a year", "2,190
#: children a week") and as a record figure's measure or subject does ("…_per_year", "each year"). "An estimated
#: 500,000 children are sexually abused every day" was "in the record" as the CSA Centre's 500,000 a year, "The Met
#: records 922 crimes … every month" as its 922 in 2016, "£65m a year" as the inquiry's whole budget of up to £65
#: million and "9,000 cases a year" as the Met's one review of 9,000. A record figure that names no frequency counts
#: its period: "a year" fits one of twelve months (922 in 2016), no other.
_PER_TIME = re.compile(r"\b(?:a|an|per|every|each)\s+(day|week|fortnight|month|year)\b"
                       r"|\b(dai|week|fortnight|month|annual|year)ly\b", re.IGNORECASE)
_PER = {"dai": "day", "annual": "year"}


def _frequency(text: str) -> str:
    """The one period the words say something happens in each of ("day", "year"), or ""."""
    found = {_PER.get(k, k) for m in _PER_TIME.finditer(text) for k in (m.group(1) or m.group(2)).lower().split()}
    return found.pop() if len(found) == 1 else ""


_CLAUSE_AFTER_END = re.compile(r"[,;:!?()—–\d]|\.(?:\s|$)")


def _clause_after(found: Found) -> str:
    """The words after a figure to the end of its clause or the next number (at most 100 characters)."""
    after = found.sentence.text[found.start + len(found.text):][:100]
    end = _CLAUSE_AFTER_END.search(after)
    return after[:end.start()] if end else after


@functools.lru_cache(maxsize=1024)
def _figure_frequency(measure: str, subject: str) -> str:
    return _frequency(f"{measure.replace('_', ' ')} {subject}")


def other_frequency(found: Found, figure: dict[str, Any]) -> str:
    """Why a record count is not one the sentence says happens every day, week, month or year ("a figure for
    2016-01-01 to 2016-12-31, not per month"), or ""."""
    if found.printed.unit not in ("count", "GBP") or found.derived:
        return ""
    mine = _frequency(_clause_after(found))
    if not mine:
        return ""
    theirs = _figure_frequency(figure["measure"], figure.get("subject") or "")
    if theirs:
        return "" if theirs == mine else f"per {theirs}, not per {mine}"
    months = months_of(figure)
    if months is None or (mine == "year" and 11 <= months <= 13):
        return ""
    return f"a figure for {figure['period_start']} to {figure['period_end']}, not per {mine}"


#: A record share of those something is not so ("perpetrators for whom ethnicity was not recorded", "callers who had
#: not told anyone"), and the words a sentence denies with: "Ethnicity was recorded for two-thirds of perpetrators"
#: was "in the record" as Baroness Casey's two-thirds whose ethnicity was not recorded, the figure's complement.
_NEGATED = re.compile(r"\b(?:not|never|without|no)\s+[a-z]+", re.IGNORECASE)
_DENIES = re.compile(r"\b(?:not|no|never|without|none|nor|neither|unknown|missing|absent|blank|lack\w*|fail\w*"
                     r"|un[a-z]{3,}ed)\b|n't\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _denies(sentence: str) -> bool:
    return _DENIES.search(sentence) is not None


@functools.lru_cache(maxsize=1024)
def _negated(subject: str) -> str:
    m = _NEGATED.search(subject)
    return m.group(0) if m else ""


def complement(found: Found, figure: dict[str, Any]) -> str:
    """Why a record share of those something is not so is not a share the sentence states without denying it, and
    why a record share of those something is so is not one the figure's clause denies it of."""
    if "share" not in figure["measure"] or found.printed.unit not in ("percent", "count"):
        return ""
    negated = _negated(figure.get("subject") or "")
    if not negated:
        return _denied_predicate(found, figure.get("subject") or "")
    if _denies(found.sentence.text):
        return ""
    return f"the share {negated}, not the share {negated.split(' ', 1)[1]}"


#: What a record share's subject says is so of its part ("in which the ethnicity … was recorded"), outside brackets
#: (a share "(where ethnicity recorded)" says what its whole is, not its part).
_PREDICATE = re.compile(r"\b(?:whose|who|where|which|that)\s+(?:[^\s()]+\s+){0,5}?([a-z]{3,}ed)\b(?![^(]*\))")
_CLAUSE_MARK = re.compile(r"[;:,()—–]")


def _denied_predicate(found: Found, subject: str) -> str:
    """Why a record share of those something is so is not the share the figure's clause says it is not so of: "A
    third of perpetrators had no ethnicity recorded" was "in the record" as the 34% whose ethnicity was recorded."""
    m = _PREDICATE.search(subject)
    if not m:
        return ""
    verb = m.group(1)
    text = found.sentence.text
    starts = [c.end() for c in _CLAUSE_MARK.finditer(text, 0, found.start)]
    stop = _CLAUSE_MARK.search(text, found.start + len(found.text))
    clause = text[starts[-1] if starts else 0:stop.start() if stop else len(text)]
    denied = re.search(rf"\b(?:not|no|never|without)\s+(?:[a-z]+\s+){{0,2}}?{re.escape(verb[:-2])}[a-z]*\b"
                       rf"|\bun{re.escape(verb)}\b|n't\s+(?:been\s+)?{re.escape(verb[:-2])}[a-z]*\b", clause,
                       re.IGNORECASE)
    return f"the share {verb}, not the share not {verb}" if denied else ""


#: The kinds of found figure that say which way something changed.
_CHANGES = frozenset(("percent_change", "difference"))


def other_counted(found: Found, figure: dict[str, Any], head: set[str]) -> str:
    """Why a record count is of another thing than the sentence counts ("counts cases, not victims"), or ""."""
    if found.printed.unit != "count":
        return ""
    if _other_count(head, figure["_counts"]):
        return f"counts {figure['unit']}, not {found.head}"
    if "offenc" in head and _SAMPLED.search(figure.get("subject") or ""):
        return f"counts case files an inspection or audit read, not {found.head}"
    # (a bare number may print a rate's value, "The rate was 332.9"; one naming what it counts with no word of a
    # rate is a count: "There were 333 children in need in England in 2024" was "in the record" as the DfE's 332.9
    # children in need per 10,000)
    if figure["_printed"].unit == "rate" and found.head and not _A_RATE.search(found.sentence.text):
        return f"a rate {figure['unit']}, not a count of {found.head}"
    return ""


_A_RATE = re.compile(r"\brates?\b|\bper\b|\bin\s+every\b|\bfor\s+every\b", re.IGNORECASE)


#: A change printed with what it is a change in ("a 49 per cent increase in crimes …", "a rise in the number of
#: children …"), and the words a clause puts between what changed and its verb ("Children at risk … were up by").
_CHANGE_IN = re.compile(r"^(?:increase|rise|fall|drop|decrease|jump|reduction|growth|surge)\s+in\s+"
                        r"(?:the\s+(?:number|count|total)\s+of\s+)?(.*)", re.IGNORECASE)
_AUXILIARY = re.compile(r"(?:\s+(?:have|has|had|were|was|are|is)(?:\s+been)?)?\s*$", re.IGNORECASE)


def changed_thing(found: Found) -> str:
    """The count noun a percentage change is a change in: named after it ("increase in crimes"), or as what the
    sentence says rose or fell ("Children at risk of CSE in London were up by 49%"); "" where no count noun is
    named ("Child sexual exploitation has risen by almost half")."""
    if found.head:
        return found.head
    m = _CHANGE_IN.match(found.counted)
    if m:
        return ending_noun(m.group(1))
    before = found.sentence.text[:found.start]
    verb = before.lower().rfind(found.derived_because.lower()) if found.derived_because else -1
    if verb < 0:
        return ""
    start = max(before.rfind(mark, 0, verb) for mark in ",;:(") + 1
    return ending_noun(_AUXILIARY.sub("", before[start:verb]))


def other_changed(found: Found, figure: dict[str, Any]) -> str:
    """Why a record change is a change in another kind of thing than the sentence's, or "": the Met's 49 per cent
    rise in crimes is no rise in children at risk ("Children at risk of CSE in London were up by 49%" was "in the
    record" as it). Only where both kinds are known: a record change whose words name no kind of counted thing is
    not set apart."""
    if found.derived != "percent_change":
        return ""
    thing = changed_thing(found)
    mine, theirs = count_kinds(set(counted_class(thing))), count_kinds(set(figure["_counts"]))
    return f"a change in {'/'.join(sorted(theirs))}, not in {thing}" if mine and theirs and not mine & theirs else ""


def other_place(figure: dict[str, Any], setting: Setting) -> str:
    """Why a record figure of one place is not the figure of the places the sentence names, or ""."""
    if setting.places and figure["geography"] not in setting.places:
        return f"{figure['geography']}, not {' or '.join(sorted(setting.places))}"
    return ""


def level_or_difference(found: Found, measure: str) -> str:
    """Why a count and a record figure are not one, the one a level and the other a difference between two counts,
    or "": "922 more crimes than in 2014" is not the Met's 922 crimes of 2016, nor "charged 134 suspects" PA's
    "134 more suspects" (`RISE_OR_FALL_MEASURE`; a count of things added, "36 new officers", is printed as a level)."""
    if found.derived == "difference" and not _CHANGE_MEASURE.search(measure):
        return "a count, not a difference between two counts"
    if not found.derived and found.printed.unit == "count" and RISE_OR_FALL_MEASURE.search(measure):
        return "a difference between two counts, not a count"
    return ""


def differs(found: Found, figure: dict[str, Any], setting: Setting) -> str:
    """Why a record figure printed alike is another definition, or "" when unit, measure, place and period agree.

    A rise is not a share (the measure vocabulary names rises `change_…` and shares `share_…`); a count of
    investigations is not a count of cases; a share of cases is not a share of survivors; a London figure is not a
    national one; a figure the sentence dates to 2017 is not one for 2009-10."""
    measure = figure["measure"]
    if found.derived == "percent_change" and measure.startswith("share"):
        return "a share, not a rise"
    if found.derived == "share" and measure.startswith("change"):
        return "a rise, not a share"
    head = head_of(found)
    level = level_or_difference(found, measure)
    if level:
        return level
    if found.derived in _CHANGES and figure["_direction"]:
        mine = change_direction(found.derived_because)
        if mine and mine != figure["_direction"]:
            return f"a {figure['_direction']}, not a {mine}"
    span = other_span(found, figure) or other_frequency(found, figure) or over_years(found, figure, setting)
    if span:
        return span
    counted = other_counted(found, figure, head) or other_changed(found, figure)
    if counted:
        return counted
    if found.printed.unit == "percent" and figure["_whole"] and found.counted.lower().startswith("of "):
        named = head_noun(found.counted[3:])
        whole = counted_class(named)
        # as for counts (_other_count), wholes of one kind under different nouns are one whole: the record's
        # share "of CSAE offences" is the share "of the 106,984 child sexual abuse cases" a copy printed
        if (whole and not whole & (figure["_whole"] | figure["_whole_words"])
                and not count_kinds(set(whole)) & count_kinds(set(figure["_whole"]))):
            return f"a share of {figure['_whole_text']}, not of {named}"
    group = (other_group(found, figure) or other_age_bound(found, figure) or other_age_band(found, figure)
             or complement(found, figure))
    if group:
        return group
    elsewhere = (other_place(figure, setting)
                 or other_body(found.sentence.text, found.start, found.start + len(found.text), figure))
    if elsewhere:
        return elsewhere
    if setting.own_year is not None and not in_period(setting.own_year, figure):
        return f"{figure['period_start']} to {figure['period_end']}, not {setting.own_year}"
    return ""
