"""Keep personal data out of the project.

The project holds aggregate published statistics about the sexual abuse of children. A quote copied from a
news page can drag in a reporter's e-mail or phone number, or a court report a date of birth or a postcode; none
of that may enter the data. These patterns are deliberately broad: a false alarm costs a re-worded quote.

A web address (a source's `url_main`, or a link inside a notebook's text) is the public address of a published
document: its long digit runs are article ids (e.g. a Yahoo News URL ending `-090533808.html`), not phone numbers,
and its upper-case path segments are not postcodes. A URL is therefore checked only for what an address can really
carry: an e-mail address (also after `mailto:`) and a telephone link (`tel:`, `wa.me/`); the text around it is
checked for everything.
"""

from __future__ import annotations

import re

PATTERNS: dict[str, re.Pattern[str]] = {
    # The second form is what Cloudflare prints in place of an address on a copied news page.
    "an e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\[email\s+protected\]", re.IGNORECASE),
    "a phone number": re.compile(r"(?:\+44\s?\d{2,4}|\b0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
    "a UK postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
    "a date of birth": re.compile(r"\b(?:date of birth|d\.o\.b\.?|dob|born on)\b", re.IGNORECASE),
}

#: A web address inside any text (up to white space or a closing bracket or quote).
URL_RE = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.IGNORECASE)
#: The forms in which a phone number can sit inside a URL.
URL_PHONE = re.compile(r"(?:\btel:|\bwa\.me/)\s*\+?\d[\d\s-]{6,}", re.IGNORECASE)


def personal_data_in(text: str) -> list[str]:
    """Names of the kinds of personal data the text seems to contain (empty when none)."""
    text = text or ""
    urls = URL_RE.findall(text)
    rest = URL_RE.sub(" ", text)
    found = {label for label, pattern in PATTERNS.items() if pattern.search(rest)}
    if any(PATTERNS["an e-mail address"].search(url) for url in urls):
        found.add("an e-mail address")
    if any(URL_PHONE.search(url) for url in urls):
        found.add("a phone number")
    return [label for label in PATTERNS if label in found]
