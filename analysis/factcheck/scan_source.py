"""Which body a sentence credits with its figure, and which bodies the record's figure came from.

A figure the record holds from one body is not borne out by a sentence that credits another with it: "According to
the Met, 76,204 sexual offences against children were recorded in the UK" gives the Met the NSPCC's count from its
freedom-of-information requests, and was "in the record". A sentence credits a body only in the words a report
uses to source a figure ("according to X", "X said", "X's figures show", "figures from X"); a sentence crediting
several bodies ("The Home Office said the Met recorded 922") constrains nothing, as one naming several places does
not. A record figure's bodies are the body it is attributed to and the body that published it (a body that
reprinted another's figure did say it); a figure from none of the bodies below (a newspaper's own count) is from no
body a sentence could name, and constrains nothing either.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["BODIES", "credited_body", "bodies_of", "other_body"]

#: The bodies that produce the record's figures, each with the names reports give it. Every primary source's producer
#: is one of them (a test holds the record to it): a figure from a body missing here constrains nothing, so "according
#: to the Met" was taken for London Councils' count of boroughs.
BODIES: dict[str, str] = {
    "the Met": r"[Tt]he\s+Met\b|Metropolitan\s+Police|Scotland\s+Yard|Met\s+Police",
    "HMICFRS": r"HMICFRS|HMIC\b|(?:HM|Her\s+Majesty's|His\s+Majesty's)\s+Inspectorate|[Tt]he\s+[Ii]nspectorate",
    "the NSPCC": r"NSPCC|National\s+Society\s+for\s+the\s+Prevention\s+of\s+Cruelty\s+to\s+Children",
    "the ONS": r"\bONS\b|Office\s+for\s+National\s+Statistics",
    "the DfE": r"\bDfE\b|Department\s+for\s+Education",
    "the Home Office": r"Home\s+Office|Home\s+Secretary",
    "the CSA Centre": r"CSA\s+Centre|Centre\s+of\s+[Ee]xpertise\s+on\s+[Cc]hild\s+[Ss]exual\s+[Aa]buse",
    "the NPCC": r"\bNPCC\b|National\s+Police\s+Chiefs'?\s+Council|\bVKPP\b|Vulnerability\s+Knowledge\s+and\s+Practice"
                r"|Hydrant",
    "the NCA": r"\bNCA\b|National\s+Crime\s+Agency",
    "IICSA": r"\bIICSA\b|Independent\s+Inquiry\s+into\s+Child\s+Sexual\s+Abuse",
    "the GLA": r"\bGLA\b|Greater\s+London\s+Authority|Mayor\s+of\s+London|\bMOPAC\b|London\s+Assembly",
    "London Councils": r"London\s+Councils",
    "the grooming gangs inquiry": r"Independent\s+Inquiry\s+into\s+Grooming\s+Gangs|\bIIGG\b",
}
_NAMES = "|".join(f"(?P<b{n}>{pattern})" for n, pattern in enumerate(BODIES.values()))
_KEYS = list(BODIES)
#: A body named anywhere in a text (a record row's attribution or publisher).
_ANY = re.compile(_NAMES)
#: What sources a figure, before the body's name ("according to X", "figures from X") or after it ("X said", "X's
#: figures show", "X estimates").
#: (and a quote's source after it, "… said an NSPCC spokesperson", "'…' — NSPCC", and a speaker from the body, "an
#: NSPCC spokesperson said"; not the body a figure was told to, "Sir Mark told the London Assembly that … 9,000
#: cases", the Met's)
_CREDIT_BEFORE = re.compile(r"(?:\b[Aa]ccording\s+to|(?:[Ff]igures|[Dd]ata|[Ss]tatistics|[Ee]stimates)\s+(?:from|by"
                            r"|published\s+by|released\s+by|compiled\s+by|obtained\s+by)|\b(?:said|says)"
                            r"|[—–])\s+(?:(?:the|an?)\s+)?$")
_CREDIT_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?:own|latest|new|annual)\s+|(?:spokes(?:person|man|woman)|chief|director"
                           r"|head|officials?|researchers?|analysts?|report|review|audit|survey)\s+)?"
                           r"(?:said|says|found|finds|estimates?|estimated|reported|reports|revealed|reveals|recorded"
                           r"|records|published|figures|data|statistics|analysis|research)\b"
                           r"|\s+spokes(?:person|man|woman)\b")
#: A body that labels a headline or a list item ("NSPCC: 922 crimes …"), before the colon that the statements of a
#: sentence are parted at.
_LABEL = re.compile(rf"^\W*(?:the\s+)?(?:{_NAMES})\s*:")


def _keys(m: re.Match[str]) -> set[str]:
    return {_KEYS[int(name[1:])] for name, text in m.groupdict().items() if text}


@functools.lru_cache(maxsize=256)
def credited_body(sentence: str) -> str:
    """The one body the sentence credits with its figures, or "" when it credits none or several."""
    found: set[str] = set()
    for m in _ANY.finditer(sentence):
        if (_CREDIT_AFTER.match(sentence, m.end())
                or _CREDIT_BEFORE.search(sentence[max(0, m.start() - 40):m.start()])):
            found |= _keys(m)
    return next(iter(found)) if len(found) == 1 else ""


@functools.lru_cache(maxsize=256)
def _label_body(text: str) -> str:
    m = _LABEL.match(text)
    keys = _keys(m) if m else set()
    return next(iter(keys)) if len(keys) == 1 else ""


def bodies_of(row: dict[str, Any]) -> frozenset[str]:
    """The bodies a record figure came from: the one it is attributed to and the one that published it, and, where
    the record attributes it to no one, those its caveat names as the publisher's references (the CSA Centre's "15%
    of girls" lists the ONS among them: "the ONS said 15%" may be so)."""
    text = f"{row.get('attributed_to') or ''} \x00 {row.get('publisher') or ''}"
    if not row.get("attributed_to"):
        text += f" \x00 {row.get('caveat') or ''}"
    return frozenset(key for m in _ANY.finditer(text) for key in _keys(m))


#: What parts a sentence into statements with a source each: "13 per cent of the UK's population: There are 'no
#: reports' …, according to the Mayor of London" credits the Mayor with the second, not with the 13 per cent.
_STATEMENT_END = re.compile(r"[:;]")


def _statement(text: str, start: int, end: int) -> str:
    """The part of a sentence between the colons or semicolons around text[start:end]."""
    before = [m.end() for m in _STATEMENT_END.finditer(text, 0, start)]
    after = _STATEMENT_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def other_body(text: str, start: int, end: int, row: dict[str, Any]) -> str:
    """Why the record's figure is not the one the sentence `text` credits to a body (in the statement holding the
    figure, at text[start:end]), or ""."""
    body = credited_body(_statement(text, start, end)) or _label_body(text)
    theirs = row["_bodies"]
    if not body or not theirs or body in theirs:
        return ""
    return f"from {' and '.join(sorted(theirs))}, not {body}"
