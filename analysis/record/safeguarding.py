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

import functools
import re
from typing import Any

from analysis.record.hygiene import pattern_text
from analysis.record.problems import Problems

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: A full date of the kind a birth date is written in: 12/03/2009, 12.3.09, 12-03-2009, 12 March 2009, March 12, 2009.
_FULL_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?\s+\d{{4}}"
              rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
#: A date in digits: day first (12/03/2009, 12.3.09) or year first as ISO 8601 writes it (2009-03-12).
_NUMERIC_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b"
#: What may separate the groups of a phone number's digits: one of "./_-", with a space on either side or not, or a
#: space alone ("020 - 7946 - 0000" and "020_7946_0000" passed the check, which allowed one character).
_SEP = r"(?:\s?[./_-]?\s?)"
#: A personal name as a court or news report prints it: two or three capitalised words (initials allowed).
_NAME = r"\b[A-Z][a-z'-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z'-]+){1,2}"

PATTERNS: dict[str, re.Pattern[str]] = {
    # The second form is what Cloudflare prints in place of an address on a copied news page.
    # Parts bounded by what an address can hold (64 before the @, 63 per label, 253 in all): an unbounded `+` made
    # the search quadratic, and a 200,000-character field took over a minute to refuse.
    "an e-mail address": re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,253}|\[email\s+protected\]", re.IGNORECASE),
    # UK numbers (020 7946 0000, (020) 7946 0000, 07700 900123, 020.7946.0000) and international ones
    # (+44 (0)20 7946 0000, +1 212 555 0100, 0044 20 7946 0000): a country code or a trunk 0, then at least seven
    # more digits in groups.
    "a phone number": re.compile(
        rf"(?:(?<![\w+])\+|(?<![\w,.])00)(?=(?:[\s.()_-]*\d){{9}})\d{{1,3}}{_SEP}(?:\(0\){_SEP})?\(?\d{{1,5}}\)?"
        rf"(?:{_SEP}\d{{2,5}}){{1,3}}\b|(?<![\w,./])\(?0\d{{2,4}}\)?{_SEP}\d{{3,4}}{_SEP}\d{{3,4}}\b"),
    # Any case: "sw1a 1aa" is as personal as "SW1A 1AA".
    "a UK postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE),
    # The words, "born" next to a full date, or a name followed by a full date (in brackets or after a comma).
    "a date of birth": re.compile(
        rf"\b(?:date[\s-]of[\s-]birth|d\.o\.b\.?|dob|born on)\b|\bborn\b[^.;\n]{{0,20}}?{_FULL_DATE}"
        rf"|(?-i:{_NAME})\s*(?:,|\()\s*(?:aged\s+\d{{1,2}}\s*[,;]?\s*)?{_NUMERIC_DATE}",
        re.IGNORECASE),
}

#: A web address inside any text (up to white space or a closing bracket or quote).
URL_RE = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.IGNORECASE)
#: The forms in which a phone number can sit inside a URL.
URL_PHONE = re.compile(r"(?:\btel:|\bwa\.me/)\s*\+?\d[\d\s-]{6,}", re.IGNORECASE)


#: Every pattern needs a digit, an "@" or one of these words: text without any is clean, found with one search.
_MAYBE = re.compile(r"[\d@]|email|birth|born|dob|d\.o\.b", re.IGNORECASE)


def personal_data_in(text: str) -> list[str]:
    """Names of the kinds of personal data the text seems to contain (empty when none)."""
    text = pattern_text(text or "")  # a zero-width space, a full-width @ or an en dash must not split a pattern
    if not _MAYBE.search(text):
        return []
    return list(_scan(text))


@functools.lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[str, ...]:
    """The full scan, cached: validation sees the same dates, units and places on row after row."""
    urls = URL_RE.findall(text)
    rest = URL_RE.sub(" ", text)
    found = {label for label, pattern in PATTERNS.items() if pattern.search(rest)}
    if any(PATTERNS["an e-mail address"].search(url) for url in urls):
        found.add("an e-mail address")
    if any(URL_PHONE.search(url) for url in urls):
        found.add("a phone number")
    return tuple(label for label in PATTERNS if label in found)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def check_personal_data(record: dict, fields: tuple[str, ...] | list[str], name: str, where: str | int | None,
                        problems: Problems) -> None:
    """A problem for every field (or text item of a list field) that seems to hold personal data, naming the
    field and the kind, never the value (it would be printed into every log)."""
    texts = [item for key in fields for item in _as_list(record.get(key)) if isinstance(item, str) and item]
    if not personal_data_in("\x00".join(texts)):  # one scan of the whole record; fields only if it finds any
        return
    for key in fields:
        value = record.get(key)
        items = value if isinstance(value, list) else [value]
        kinds = {kind for item in items if isinstance(item, str) and item for kind in personal_data_in(item)}
        for kind in [k for k in PATTERNS if k in kinds]:
            problems.add(name, where, f"{key} seems to contain {kind}; the project holds no personal data")
