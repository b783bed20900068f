"""Keep personal data out of the project.

The project holds aggregate published statistics about the sexual abuse of children. A quote copied from a
news page can drag in a reporter's e-mail or phone number, or a court report a date of birth or a postcode; none
of that may enter the data. These patterns are deliberately broad: a false alarm costs a re-worded quote.
"""

from __future__ import annotations

import re

PATTERNS: dict[str, re.Pattern[str]] = {
    "an e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    "a phone number": re.compile(r"(?:\+44\s?\d{2,4}|\b0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
    "a UK postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
    "a date of birth": re.compile(r"\b(?:date of birth|d\.o\.b\.?|dob|born on)\b", re.IGNORECASE),
}


def personal_data_in(text: str) -> list[str]:
    """Names of the kinds of personal data the text seems to contain (empty when none)."""
    return [label for label, pattern in PATTERNS.items() if pattern.search(text or "")]
