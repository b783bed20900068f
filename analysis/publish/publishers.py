"""Publisher names for a chart's face: the body that published a figure first, the outlets that carried it after
"reported by", and never a web domain, mirror or proxy.

The figures table records who published the copy that was read, e.g. "House of Commons (Hansard), copy on Parallel
Parliament" or "Daily Mirror (copy via … proxy)". That is the right provenance for the data and the workbook, but a
reader of a chart needs the publisher: the mirror is dropped, a reprint is credited to the body it reprints, and a
syndicated story to the agency that wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.record.domains import MIRROR_HOSTS, domain_in, host, is_mirror
from analysis.record.hygiene import name_key, name_read

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
    # the force's names in the press and its own releases: a Met release or an attribution typed "Met Police" or
    # "the Met" was another body, and the funnel chart credited "the Met and Metropolitan Police"
    "Metropolitan Police Service (MPS)": "Metropolitan Police", "MPS": "Metropolitan Police",
    "Met Police": "Metropolitan Police", "Met": "Metropolitan Police", "the Met": "Metropolitan Police",
    "House of Commons (Hansard)": "Hansard",
    "House of Lords Hansard": "Hansard",
    "Home Secretary (House of Commons)": "Home Secretary",
    "UK Parliament written answer": "UK Parliament",
    "Mayor's Office for Policing and Crime (Greater London Authority)": "MOPAC",
    "Independent Inquiry into Child Sexual Abuse (IICSA)": "IICSA",
    "Department for Education": "DfE",
    "UK national newspaper report": "an unnamed national newspaper",
    "Unattributed UK news report": "an unnamed news outlet",
    "Newspaper report": "an unnamed newspaper",
}
#: `SHORT` looked up in the one reading of names, letter case aside (`name_key`).
_SHORT_BY_KEY = {name_key(long): short for long, short in SHORT.items()}

_COPY_OF = re.compile(r"^.*?\((?:copy|reprint|reproduction) of (?:an? |the )?(?P<orig>[^);]+)\)\s*$", re.IGNORECASE)
_STORY = re.compile(r"^.*?\((?P<orig>[^);]+?) story\)\s*$", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*(?:,\s*|\()(?:copy|reprint|reprinted|reproduced|syndicated|blog)\b[^)]*\)?\s*$",
                        re.IGNORECASE)
_TRAILING_KIND = re.compile(r"\s+(?:report|news release|written answer|statement)$", re.IGNORECASE)


#: Names aggregators go by in the record: never a publisher on a chart face.
AGGREGATOR_NAMES = frozenset({"inkl", "trending today", "parallel parliament"})
#: The original publisher's own address, for publishers whose document was read only on a mirror: the audit's
#: gov.uk page (found with the search tool: data/raw/sources.yaml, inkl-2025-06-16-casey-review-london) and
#: MyLondon's own site (its article's address was not found: data/raw/sources.yaml, mylondon-2025-10-grooming-gangs).
ORIGINAL_URLS = {
    "Home Office (Baroness Casey's national audit)": "https://www.gov.uk/government/publications/national-audit-on-"
    "group-based-child-sexual-exploitation-and-abuse/national-audit-on-group-based-child-sexual-exploitation-and-"
    "abuse-accessible",
    "MyLondon": "https://www.mylondon.news/",
}
_ORIGINAL_URLS_BY_KEY = {name_key(name): url for name, url in ORIGINAL_URLS.items()}


def mirror_named_first(producer: str, url: str) -> str | None:
    """The mirror host a source read on a mirror gives as its producer's name ("Parliament Today (reprint of HMICFRS
    news release)" read on parliamenttoday.com), or None. The fact-check's source lines, the workbook's Publisher
    column and the charts' document lists print the producer's name first, as who published the document, so it
    names the body whose document the copy is, and the mirror after it ("HM Inspectorate of Constabulary and Fire &
    Rescue Services (reprinted on Parliament Today)"). The name is read up to its first bracket or comma."""
    name = host(url)
    mirror = next((m for m in sorted(MIRROR_HOSTS) if name == m or name.endswith("." + m)), None)
    if mirror is None:
        return None
    label = re.sub(r"\.(?:co\.uk|org\.uk|[a-z]+)$", "", mirror)
    lead = re.sub(r"[^a-z0-9]", "", re.split(r"[(,]", str(producer), maxsplit=1)[0].lower())
    squashed = re.sub(r"[^a-z0-9]", "", label)
    return mirror if lead and (lead in squashed or squashed in lead) else None


def face_name(publisher: str) -> str:
    """'Daily Mirror (copy via … proxy)' → 'Daily Mirror'; 'WiredGov (reprint of HMICFRS news release)' →
    'HMICFRS'; 'AOL (PA Media story)' → 'PA Media'; official names → their short form. An outlet the copy read
    does not name (or names only by a web domain) is 'an unnamed newspaper' or 'an unnamed news outlet', so the
    credit reads 'reported by an unnamed news outlet', never 'reported by a news report'."""
    text = name_read(publisher)  # the names compared below are typed with "'" and one space
    for pattern in (_COPY_OF, _STORY):
        match = pattern.match(text)
        if match:
            text = _TRAILING_KIND.sub("", match.group("orig").strip())
            break
    else:
        text = _QUALIFIER.sub("", text).strip()
        text = re.sub(r"\s*\((?:[a-z0-9-]+\.)+[a-z]+\)$", "", text)  # "Times Nigeria (timesng.com)"
    text = _SHORT_BY_KEY.get(name_key(text), text)
    text = _OFFICIAL_BY_KEY.get(name_key(text), text)  # "Home office" is the Home Office
    if domain_in(text) or not text or text.lower() in AGGREGATOR_NAMES:
        return "an unnamed news outlet"
    if text.lower() in ("newspaper", "a newspaper"):
        return "an unnamed newspaper"
    return text


def unique(names: Iterable[str]) -> list[str]:
    """Each name once, as first typed: two names one body by `name_key` ("Foo Agency" and "Foo agency") are one."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name_key(name), name)
    return list(first.values())


def same_body(publisher: str, body: str) -> bool:
    """Whether a document's publisher, as the record types it, is `body`: the two as a chart's face names them
    (`face_name`), compared in the one reading of names (`name_key`). The notebooks counted the Met's own documents
    by the words a name starts with, so a Met release whose producer was typed "Metropolitan police" (as the
    Guardian's style writes it) was no Met document: "15 of 15 rows come from a report of the Met's figures, not the
    Met's own document", where 9 of 15 do."""
    return name_key(face_name(publisher)) == name_key(face_name(body))


def _names(publishers: Iterable[str]) -> list[str]:
    return unique(face_name(p) for p in publishers)


def join(names: list[str]) -> str:
    """'a, b and c': every name, never 'and 3 others' (a credit a reader cannot follow is no credit)."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: Official bodies: credited first even when the copy read was a report or a mirror of their document.
OFFICIAL = frozenset({*SHORT.values(), "Home Office", "Greater London Authority", "London Councils"}) - {
    "an unnamed national newspaper", "an unnamed news outlet", "an unnamed newspaper"}
_OFFICIAL_BY_KEY = {name_key(name): name for name in OFFICIAL}


def face_line(primary: Iterable[str], reports: Iterable[str], origin: Iterable[str] = ()) -> str:
    """'HMICFRS and Metropolitan Police, reported by PA Media and BBC News': the publishers of primary documents, any
    official body whose document a copy reproduces, and any `origin` a chart knows its figures come from, first;
    then the outlets whose reports were read."""
    reported = _names(reports)
    first = unique([*origin, *_names(primary), *(n for n in reported if n in OFFICIAL)])
    via = [n for n in reported if name_key(n) not in {name_key(f) for f in first}]
    if not first:
        return join(via) if via else "not recorded"
    return join(first) + (f", reported by {join(via)}" if via else "")


def link(urls: Iterable[str], names: Iterable[str], outlets: Iterable[str] = ()) -> str:
    """The chart's link: the first address (in the order given) that the record does not mark as a mirror (its
    source's `outlet`) and is not on a known mirror host; else the original publisher's own address for the first
    of `names` (origins, then publishers) that has one; else the first address (which the chart rules test then
    reports)."""
    urls = [str(u) for u in urls]
    marked = list(outlets)
    own = [u for i, u in enumerate(urls)
           if not is_mirror(u) and (i >= len(marked) or marked[i] not in ("mirror", "reprint"))]
    if own:
        return own[0]
    for name in names:
        for key in (name_key(str(name)), name_key(face_name(str(name)))):
            if key in _ORIGINAL_URLS_BY_KEY:
                return _ORIGINAL_URLS_BY_KEY[key]
    return urls[0] if urls else ""
