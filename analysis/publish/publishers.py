"""Publisher names for a chart's face: the body that published a figure first, the outlets that carried it after
"via", and never a web domain, mirror or proxy.

The figures table records who published the copy that was read, e.g. "House of Commons (Hansard), copy on Parallel
Parliament" or "Daily Mirror (copy via … proxy)". That is the right provenance for the data and the workbook, but a
reader of a chart needs the publisher: the mirror is dropped, a reprint is credited to the body it reprints, and a
syndicated story to the agency that wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Short names readers know, for the long official names of the main publishers.
SHORT = {
    "HM Inspectorate of Constabulary and Fire & Rescue Services": "HMICFRS",
    "HM Inspectorate of Constabulary (now HMICFRS)": "HMIC",
    "National Police Chiefs' Council (NPCC)": "NPCC",
    "National Police Chiefs' Council": "NPCC",
    "Vulnerability Knowledge and Practice Programme (VKPP), National Police Chiefs' Council": "NPCC (VKPP)",
    "Hydrant Programme / Child Sexual Exploitation Taskforce (National Police Chiefs' Council)": "NPCC (Hydrant)",
    "Centre of expertise on child sexual abuse (CSA Centre)": "CSA Centre",
    "Office for National Statistics": "ONS",
    "Metropolitan Police Service": "Metropolitan Police",
    "House of Commons (Hansard)": "Hansard",
    "House of Lords Hansard": "Hansard",
    "UK Parliament written answer": "UK Parliament",
    "Mayor's Office for Policing and Crime (Greater London Authority)": "MOPAC",
    "Independent Inquiry into Child Sexual Abuse (IICSA)": "IICSA",
    "Department for Education": "DfE",
    "UK national newspaper report": "a national newspaper",
    "Unattributed UK news report": "an unattributed news report",
}

#: A web address or domain (what must never reach a chart face).
DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|uk|org|net|io|in|london|info|news)\b",
                    re.IGNORECASE)
_COPY_OF = re.compile(r"^.*?\((?:copy|reprint|reproduction) of (?:an? |the )?(?P<orig>[^);]+)\)\s*$", re.IGNORECASE)
_STORY = re.compile(r"^.*?\((?P<orig>[^);]+?) story\)\s*$", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*(?:,\s*|\()(?:copy|reprint|reprinted|reproduced|syndicated|blog)\b[^)]*\)?\s*$",
                        re.IGNORECASE)
_TRAILING_KIND = re.compile(r"\s+(?:report|news release|written answer|statement)$", re.IGNORECASE)


def face_name(publisher: str) -> str:
    """'Daily Mirror (copy via … proxy)' → 'Daily Mirror'; 'WiredGov (reprint of HMICFRS news release)' →
    'HMICFRS'; 'AOL (PA Media story)' → 'PA Media'; official names → their short form."""
    text = str(publisher).strip()
    for pattern in (_COPY_OF, _STORY):
        match = pattern.match(text)
        if match:
            text = _TRAILING_KIND.sub("", match.group("orig").strip())
            break
    else:
        text = _QUALIFIER.sub("", text).strip()
        text = re.sub(r"\s*\((?:[a-z0-9-]+\.)+[a-z]+\)$", "", text)  # "Times Nigeria (timesng.com)"
    text = SHORT.get(text, text)
    if DOMAIN.search(text) or not text:
        return "a news report"
    if text.lower() in ("newspaper", "a newspaper"):
        return "a newspaper report"
    return text


def _names(publishers: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(face_name(p) for p in publishers))


def join(names: list[str], limit: int) -> str:
    """'a, b and c', or 'a, b and 3 others' past `limit` names."""
    if len(names) > limit:
        rest = len(names) - limit + 1
        names = names[:limit - 1] + [f"{rest} others"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: Official bodies: credited first even when the copy read was a report or a mirror of their document.
OFFICIAL = frozenset({*SHORT.values(), "Home Office", "Greater London Authority", "London Councils"}) - {
    "a national newspaper", "an unattributed news report"}


def face_line(primary: Iterable[str], reports: Iterable[str], origin: Iterable[str] = (), limit: int = 3) -> str:
    """'HMICFRS and Metropolitan Police, via PA Media and BBC News': the publishers of primary documents, any
    official body whose document a copy reproduces, and any `origin` a chart knows its figures come from, first;
    then the outlets whose reports were read."""
    reported = _names(reports)
    first = list(dict.fromkeys([*origin, *_names(primary), *(n for n in reported if n in OFFICIAL)]))
    via = [n for n in reported if n not in first]
    if not first:
        return join(via, limit) if via else "not recorded"
    return join(first, limit) + (f", via {join(via, limit)}" if via else "")
