"""What a web domain looks like in the record's prose.

A domain names where a page was read, not who said or published something. Two rules rest on telling them apart:
a chart's credit never names a mirror's domain (analysis.publish.publishers), and a claim's claimant names who
made the claim, never the site a copy of it was read on (analysis.record.claims). One pattern serves both. The
hosts that carry copies (`MIRROR_HOSTS`) are listed here too, so the fact-check (ClaimReview's appearance) and the
charts' links read one list.
"""

from __future__ import annotations

import re

from analysis.record.hygiene import pattern_text

#: A web address or domain ("papalinc.com", "www.careappointments.co.uk").
DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|uk|org|net|io|in|london|info|news|ca)\b",
                    re.IGNORECASE)


def domain_in(text: str) -> str | None:
    """The first web domain in `text` as the record's checks read characters (`hygiene.pattern_text`: NFKC, invisible
    characters and marks dropped, look-alike punctuation and accented Latin letters read as ASCII), or None. Searched
    as written, "breakingnewstime．com" (a full-width stop), "timesng․com" (a one-dot leader) or "papalinc。com" (an
    ideographic stop) named no domain, so a mirror passed as a claim's claimant and into a chart's credit, though a
    reader sees its address."""
    found = DOMAIN.search(pattern_text(text))
    return None if found is None else found.group(0)


def domains_in(text: str) -> list[str]:
    """Every web domain in `text`, read as `domain_in` reads it."""
    return [m.group(0) for m in DOMAIN.finditer(pattern_text(text))]


#: Hosts that carry copies of other publishers' documents (mirrors, aggregators, proxies, reprints): a chart's
#: link never points at one while the publisher's own address is known. The one list every check reads
#: (tests/test_chart_rules.py also checks that every source the record calls a copy is hosted on one of these).
MIRROR_HOSTS = frozenset({
    "inkl.com", "trendingtoday.london", "parallelparliament.co.uk", "parliament.jmoore.io", "papalinc.com",
    "americanpolibeat.com", "p1.dywpk.org.uk", "daily8.com", "truthlensai.com", "narrativecare.org",
    "greaterlondon.wixsite.com", "bristarch.uk", "breakingnewstime.com", "britishbulletin.com", "vdocument.in",
    "caithness-business.co.uk", "uk.news.yahoo.com", "ireland-live.ie", "wired-gov.net", "parliamenttoday.com",
    "nzherald.co.nz", "odt.co.nz", "paperzz.com", "tolerance.ca",
})

def host(url: str) -> str:
    """'https://www.inkl.com/news/…' → 'inkl.com' (lower case, without 'www.')."""
    from urllib.parse import urlparse

    name = (urlparse(str(url)).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def is_mirror(url: str) -> bool:
    """True for an address on a mirror, aggregator, proxy or reprint host (or a subdomain of one)."""
    name = host(url)
    return any(name == m or name.endswith("." + m) for m in MIRROR_HOSTS)
