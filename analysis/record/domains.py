"""What a web domain looks like in the record's prose.

A domain names where a page was read, not who said or published something. Two rules rest on telling them apart:
a chart's credit never names a mirror's domain (analysis.publish.publishers), and a claim's claimant names who
made the claim, never the site a copy of it was read on (analysis.record.claims). One pattern serves both.
"""

from __future__ import annotations

import re

from analysis.record.hygiene import pattern_text

#: A web address or domain ("papalinc.com", "www.careappointments.co.uk").
DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|uk|org|net|io|in|london|info|news)\b",
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
