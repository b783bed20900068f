"""What a web domain looks like in the record's prose.

A domain names where a page was read, not who said or published something. Two rules rest on telling them apart:
a chart's credit never names a mirror's domain (analysis.publish.publishers), and a claim's claimant names who
made the claim, never the site a copy of it was read on (analysis.record.claims). One pattern serves both.
"""

from __future__ import annotations

import re

#: A web address or domain ("papalinc.com", "www.careappointments.co.uk").
DOMAIN = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|uk|org|net|io|in|london|info|news)\b",
                    re.IGNORECASE)
