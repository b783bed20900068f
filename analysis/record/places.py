"""The places a figure's `geography` may name: the record's one list of them, and the short forms a transcriber
types for one of them.

Charts, notebooks, the population table and the comparability rule (`tables/comparability.WITHIN`) select rows by a
place's exact name, so a place written another way is another place to all of them. Letter case and a mark at
either end were read one way already (`hygiene.name_key`); an abbreviation was not: the CSA Centre's 87,992 offences
with geography "E&W" passed `validate`, and the recorded-vs-estimated chart dropped the CSA Centre's whole row (its
87,992 offences and its 500,000 children) without a word; the UK's mid-2021 population typed "UK" left 2021 out of
notebook 04's London shares. So a figure names one of these places, as written here (data/README.md lists them).

Standard library only.
"""

from __future__ import annotations

import re

from analysis.record.hygiene import name_key

__all__ = ["LONDON_BOROUGHS", "NATIONS", "PLACES", "larger_place_quoted", "place_left_out", "place_problem"]

#: The nations and regions the record's figures cover.
NATIONS = ("London", "England", "England and Wales", "Great Britain", "United Kingdom")

#: London's 32 boroughs and the City of London, as the GLA names them.
LONDON_BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon", "Ealing",
    "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
    "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
    "Wandsworth", "Westminster",
)

PLACES = frozenset(NATIONS + LONDON_BOROUGHS)

#: Short and other forms of a place, by `name_key`, and the place's name in this record.
_OTHER_NAMES = {
    "uk": "United Kingdom", "u.k": "United Kingdom", "gb": "Great Britain", "britain": "Great Britain",
    "e and w": "England and Wales", "eng and wales": "England and Wales", "greater london": "London",
    "london region": "London", "city of westminster": "Westminster", "royal borough of greenwich": "Greenwich",
    "royal borough of kensington and chelsea": "Kensington and Chelsea",
    "royal borough of kingston upon thames": "Kingston upon Thames",
}
_BY_KEY = {name_key(place): place for place in PLACES} | _OTHER_NAMES


def place_problem(geography: str) -> str | None:
    """Why `geography` is not a place of the record as written here (a sentence naming the place meant, when the
    text is another form of one), or None."""
    if geography in PLACES:
        return None
    meant = _BY_KEY.get(name_key(geography))
    if meant is not None:
        return f"geography {geography!r} is {meant!r} written another way: write {meant!r} (one place, one name)"
    return (f"geography {geography!r} is not a place this record names: write one of {', '.join(NATIONS)} or a "
            "London borough (data/README.md); a new place is added to record/places.py, and to "
            "tables/comparability.WITHIN with the places it lies within")


#: How large each place is, smallest first: every place lies within each larger one (a borough within London, London
#: within England, England within England and Wales, and so on), so two places compare by their rank.
_RANK = {place: 0 for place in LONDON_BOROUGHS} | {place: rank for rank, place in enumerate(NATIONS, 1)}
#: A place of the record printed in a quote, longest name first ("England and Wales" before "England", "City of
#: London" before "London"), as whole words; a body named after a place ("NHS England", "Public Health England")
#: is no place printed.
_LONGEST_FIRST = sorted(PLACES, key=len, reverse=True)
_PRINTED_PLACE = re.compile(rf"(?<![\w-])(?<!nhs )(?<!health )({'|'.join(map(re.escape, _LONGEST_FIRST))})(?![\w-])",
                            re.IGNORECASE)
_BY_LOWER = {place.lower(): place for place in PLACES}


#: Words that leave the place after them out of what is counted ("in England outside London", "every force except
#: the Met's London", "all regions but London", "the rest of England"): a place printed after one is not the figure's.
_LEFT_OUT = re.compile(r"(?<![\w-])(?:outside(?:\s+of)?|beyond|excluding|exclusive\s+of|except(?:\s+for|\s+in)?"
                       r"|other\s+than|apart\s+from|not\s+including|barring|(?:all|everywhere|anywhere)\s+but"
                       r"|(?:the\s+)?rest\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def place_left_out(geography: str, quote: str) -> str | None:
    """The words leaving `geography` out of the count when the quote (read as the quote check reads it) prints it
    only after one of them (`_LEFT_OUT`), or None. The Met's "crimes connected with child sexual exploitation in
    England outside London" typed with geography "London" (the place the quote names) passed, and the Met's London
    series would have drawn a count of everywhere else. A quote that also prints the place plainly, or does not
    print it, says nothing here."""
    if geography not in PLACES:
        return None
    words = None
    for match in _PRINTED_PLACE.finditer(quote.replace("&", "and")):
        if _BY_LOWER[match.group(1).lower()] != geography:
            continue
        left_out = _LEFT_OUT.search(quote, max(0, match.start() - 30), match.start())
        if left_out is None:
            return None
        words = f"{left_out.group().strip()} {match.group(1)}"
    return words


def larger_place_quoted(geography: str, quote: str) -> str | None:
    """The larger place a figure's quote prints when it prints no place as small as `geography`, or None: the CSA
    Centre's "87,992 identifiable child sexual abuse offences recorded by the police in England and Wales" typed with
    geography "England" (a cell cut short, or a spreadsheet's suggestion taken) or "London" (the row above copied)
    passed, and the recorded-vs-estimated chart dropped the CSA Centre's whole row, exit 0. A quote printing a
    smaller place than the figure's own (IICSA's case-study areas, London among them, for England and Wales) is read
    as the figure's context, and a quote printing none says nothing of its place. The quote is read as the quote
    check reads it (`figures.normalise_for_match`): "England and Wales" copied with a no-break space or across a line
    is that place."""
    if geography not in _RANK:
        return None
    named = {_BY_LOWER[match.lower()] for match in _PRINTED_PLACE.findall(quote.replace("&", "and"))}
    if not named or any(_RANK[place] <= _RANK[geography] for place in named):
        return None
    return min(named, key=_RANK.__getitem__)


#: A place of the record a quote gives a value, right after it and the words it counts ("1,600 children in London",
#: "922 crimes across London", "87,992 offences … in England and Wales" is too far): read on the quote lower-cased,
#: as the quote check reads it, "&" for "and".
_GIVEN_PLACE = re.compile(r"(?:\s+[a-z'’-]+){0,3}?\s+(?:in|across|throughout|for)\s+(?:the\s+)?(?<![\w-])("
                          + "|".join(re.escape(place.lower()).replace(r"\ and\ ", r"\ (?:and|&)\ ")
                                     for place in _LONGEST_FIRST) + r")(?![\w-])")


def place_given(text: str, end: int) -> str | None:
    """The place of the record `text` (a quote, lower-cased) gives the value ending at text[end], or None."""
    m = _GIVEN_PLACE.match(text, end)
    return _BY_LOWER[m.group(1).replace("&", "and")] if m else None
