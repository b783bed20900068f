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
import html
import re
import urllib.parse
from collections.abc import Callable
from typing import Any

from analysis.record.hygiene import SUPERSCRIPT_DIGITS, apostrophes_read, latin_base, numerals_read, pattern_text
from analysis.record.problems import Problems
from analysis.record.vocabulary import WORD_NUMBERS
from analysis.record.word_pattern import trie_pattern

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: A day of the month in figures or in words ("12", "12th", "twelfth", "twenty-first").
_DAY = (r"(?:\d{1,2}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|"
        r"eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth)")
#: What joins a written date's day, month and year: spaces, or one of "/", "." and "-" as numeric dates are joined
#: ("born 12-Mar-2009", "12/Mar/2009" and "12Mar2009" passed when only spaces were read).
_DATE_JOIN = r"(?:\s*[/.-]?\s*)"
#: A date in digits joined by spaces, or by one "/", "." or "-" with spaces around it, the same join twice, day
#: first (12 03 2009, 12 - 03 - 2009) or year first (2009 03 12), with a four-digit year and a day and month that
#: can be one: "born 12 03 2009" and "born 12 - 03 - 2009" passed when only "/", "." and "-" close up joined digits.
#: A two-digit year is not read so ("born in 2010, 12 5 09" is no date), nor two
#: different joins ("children born 2009-10 12 5" is a school year and two numbers).
_SPACED_JOINS = (r"\s", r"\s{0,3}/\s{0,3}", r"\s{0,3}\.\s{0,3}", r"\s{0,3}-\s{0,3}")
_DAY_NO, _MONTH_NO, _YEAR_NO = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])", r"(?:19|20)\d\d"
#: A day and a month in two digits each, as a year-first or run-together date writes them.
_DAY_2, _MONTH_2 = r"(?:0[1-9]|[12]\d|3[01])", r"(?:0[1-9]|1[0-2])"
_SPACED_DATE = "(?<!\\d)(?:" + "|".join(
    f"{_DAY_NO}{j}{_MONTH_NO}{j}{_YEAR_NO}|{_YEAR_NO}{j}{_MONTH_2}{j}{_DAY_2}"
    for j in _SPACED_JOINS) + ")(?!\\d)"
#: A full date of the kind a birth date is written in: 12/03/2009, 12.3.09, 12-03-2009, 12 March 2009, 12th of March,
#: 2009, March 12, 2009, March the 12th 2009, 12-Mar-2009.
_FULL_DATE = (rf"(?:{_SPACED_DATE}|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})\b"
              rf"|{_DAY}(?:\s+of\s+|{_DATE_JOIN}){_MONTH},?{_DATE_JOIN}\d{{4}}|{_MONTH}\.?\s+(?:the\s+)?{_DAY},?\s+\d{{4}})")
#: The months again, with "may" a month only when capitalised: without a year after it, a lower-case "may" after a
#: number is the verb ("Of children born in 2010, 1 in 5 may have been abused" was refused as a date of birth).
_MONTH_NO_YEAR = _MONTH.replace("|may|", "|(?-i:May|MAY)|")
#: A day and month next to "born": a birthday is personal data with or without its year ("born twelfth March").
_DAY_MONTH = (rf"(?:{_DAY}(?:\s+of\s+|{_DATE_JOIN}){_MONTH_NO_YEAR}\b"
              rf"|{_MONTH_NO_YEAR}\.?\s+(?:the\s+)?{_DAY}\b)")
#: After "born", the words of a cohort that statistics define by birth dates ("children born on or after 1 September
#: 2010", "born between 1 September 2009 and 31 August 2010"): a group, not a person's birthday.
#: The bound must follow the word: "born after midnight, 12/03/2009" is a birthday.
_COHORT = (rf"\s+(?:(?:on|in)\s+or\s+)?(?:after|before|between|since|from|until)\s+(?:the\s+)?"
           rf"(?:\d|{_DAY}\b|{_MONTH}\b)")
#: The same bound written after the date ("born on 1 September 2010 or later", "born 1 September 2010 onwards"):
#: both were refused as a date of birth. After a day and month the year may still come.
#: Not "and later", which tells a life ("born on 12 March 2009 and later moved").
_BOUND_AFTER = r"(?:,?\s*\d{4})?,?\s+(?:or\s+(?:later|after|earlier|before)|onwards?)\b"
#: A word that starts another clause after "born": a verb in the past (in lower case, so "United" is none) or a
#: form of "be" or "have".
_SECOND_VERB = r"(?-i:\b[a-z]+ed\b)|\b(?:was|were|is|are|will|has|have|had)\b"
#: A date in eight digits run together, day first or year first (12032009, 20090312): a date only after "born".
_COMPACT_DATE = rf"(?<!\d)(?:{_DAY_2}{_MONTH_2}{_YEAR_NO}|{_YEAR_NO}{_MONTH_2}{_DAY_2})(?!\d)"
#: A date in digits: day first (12/03/2009, 12.3.09) or year first as ISO 8601 writes it (2009-03-12).
_NUMERIC_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b"
#: What may separate the groups of digits (and letters) of a phone number, an NHS or National Insurance number or a
#: postcode: one of "./_-" with up to three spaces on either side, or up to three spaces alone ("020 - 7946 - 0000"
#: and "020_7946_0000" passed the phone check when it allowed one character; "020   7946   0000", "943 476-5919",
#: "AB_12_34_56_C" and "SW1A/1AA" passed when each pattern had separators of its own).
#: A tilde too ("020~7946~0000", and the tilde operator or swung dash `same_length_reading` reads as one): every
#: other way to join them was read, this one passed.
_SEP_CHARS = "./_~-"
_SEP = rf"(?:\s{{0,3}}[{_SEP_CHARS}]?\s{{0,3}})"
#: What joins the groups of a long number close up (`LONG_NUMBER`): `_SEP_CHARS` but "/", which parts a list of
#: figures ("244 / 121 / 80 / 43"), and ".", a decimal point unless a space is beside it.
_RUN_JOIN = _SEP_CHARS.replace("/", "").replace(".", "")
#: "at" and "dot" as a reader would decode them in an address spelled out: "(at)", "[at]", "{dot}", " dot ", and
#: between marks of any other kind ("*at*", "#at#", " /at/ ", " -at- "), which passed when only brackets were read.
#: A hyphen, "/" or "_" close up ("jdoe_at_gmail_dot_com") counts only with a spelled
#: dot after it: this record's ids are written "children-at-risk", a measure "children_at_risk", a path "a/at/b.pdf".
_MARK_OPEN, _MARK_CLOSE = r"(?:[\[({<*#\\|~=+:]|\s[/-])", r"(?:[\])}>*#\\|~=+:]|[/-]\s)"
_AT_MARK = rf"\s*{_MARK_OPEN}\s*(?:at|@)\s*{_MARK_CLOSE}\s*"
_DOT_WORD = rf"(?:\s*{_MARK_OPEN}\s*(?:dot|\.)\s*{_MARK_CLOSE}\s*|\s+dot\s+|[_/-]dot[_/-])"  # "[.]" too
#: The words that say an e-mail address follows: "email", "e-mail address", then a colon or dash, or "is"; not
#: before a pronoun ("email us at nspcc.org.uk" names a web site).
_EMAIL_LABEL = r"\be-?mail(?:\s+address)?(?:\s*[:-]\s*|\s+(?:is\s+)?)(?!(?:us|me|them|him|her|it)\s)"
#: The web-mail services people use for a personal address.
_WEBMAIL_NAME = r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|btinternet|protonmail)"
#: Such a domain as it starts, its full stop spaced or not ("jdoe at hotmail. com" passed).
_WEBMAIL = rf"{_WEBMAIL_NAME}\s?\.\s?[a-z]"
#: The words that make capitalised words the name of a body or a document, not a person: "Home Office, 2015-03-12",
#: "Casey Review (2025-06-16)" and "London Assembly, 13/02/2025" were refused as dates of birth, where a note cites
#: a document by its date. A word before a name ("See Hansard, …") is no first name either.
_NOT_A_PERSON = ("Office|Review|Service|Services|Police|Assembly|Council|Commons|Lords|Hansard|Report|Reports|"
                 "Statistics|Inquiry|Committee|Department|Ministry|Agency|Court|Government|Authority|Board|Trust|"
                 "Commission|Inspectorate|Parliament|Unit|Centre|Society|Foundation|Partnership|Bulletin|Release|"
                 "Survey|Table|Annex|Appendix|Chapter|Section|News|Times|Post|Guardian|Telegraph|Mail|Standard|"
                 "Mirror|Express|Independent|Press|Media|Digital|Online|Audit|Inspection|Update|Statement|Letter|"
                 "See|The|From|In|On|By|At|To|As|Of|And|For|With|Source|Sources|Data|Figures|Note|Notes|"
                 # (the labels reviews give people they do not name, "Child A", "Victim B.")
                 "Child|Victim|Girl|Boy|Person|Case|Survivor|Pupil|Subject|Suspect|Offender|Perpetrator|"
                 "Complainant|Witness|"
                 # (areas, as police forces and regions are named: "West Yorkshire, 14, …" lists counts)
                 "Yorkshire|Midlands|Manchester|London|Mercia|Valley|Wales|England|Borough|County|City|"
                 "Operation|Project|Programme|Speaker|Chair|President|"
                 # (laws and plans: "the 14-year-old Offenders Act" names no one)
                 "Act|Acts|Bill|Order|Regulations|Strategy|Plan|Guidance|Scheme|Study|Series")
#: An age as a news report prints one beside a name: in figures or in words ("14", "fourteen", "twenty-one"), a
#: half as NFKC writes "½" ("141/2").
_AGE_WORD = trie_pattern(sorted(w for w, n in WORD_NUMBERS.items() if 1 <= n <= 99 and " " not in w))
_AGE = rf"(?:\d{{1,2}}(?:1/2)?(?!\d|[,.]\d)|(?i:{_AGE_WORD}(?:-{_AGE_WORD})?)\b)(?:\s+and\s+a\s+half\b)?"
#: What may come between a comma and an age: "aged", "now", "then" ("Jane Doe, then 14,"), "at", "age:",
#: and a word that stresses youth ("Jane Doe, only 14,", "just 14", "barely 14").
_YOUTH_WORD = r"(?:only\s+|just\s+|barely\s+|still\s+)"
_AGE_LABEL = rf"(?:aged\s+|now\s+|then\s+(?:aged\s+)?|at\s+|age:?\s*)?{_YOUTH_WORD}?"
#: A verb that gives an age after a name ("Jane Doe is 14", "was then 14"), and a year of birth ("born 2009").
_AGE_VERB = r"(?:is|was)\s+(?:now\s+|then\s+|only\s+|just\s+)?"
_BIRTH_YEAR = r"(?:b\.|born(?:\s+in)?|(?i:yob|y\.o\.b\.):?)\s*(?:19|20)\d\d"
#: What may follow an age: "years old", "years-old", "years", "yrs", "yo", "y/o" ("Jane Doe, 14yo," passed),
#: "y.o.".
#: (and "y" close up, "Jane Doe (14y)", and the words for years of age in French, German, Spanish, Portuguese,
#: Italian and Dutch, "Jane Doe, 14 ans,": each passed)
_AGE_UNIT_WORD = (r"(?:years?[\s-]old|years?\s+of\s+age|yrs?|y/o|yo)\b|y\.o\.|(?<=\d)y\b"
                  r"|(?:ans|jahre|años|anos|anni|jaar)\b")
_AGE_UNIT = rf"(?:[\s-]*(?:{_AGE_UNIT_WORD}|years?\b)(?:,?\s+(?:and\s+)?\d{{1,2}}\s+months?\b)?)?"
#: After an age, what makes it a group's bounds, not one person's age ("aged 10 to 17", "aged 18 and over").
_AGE_GROUP = r"(?!\s*(?:-|–|to|and|or|,|\+|plus)\s*(?:\d|over|under|above|older|younger))"
#: A word for one child, whose age a report prints in commas after it ("the girl, 14, was…"): with a name near it,
#: a relative's or the child's own, the child is named.
_ONE_CHILD = r"(?:girl|boy|teenager|teen|child|daughter|son|victim|pupil|schoolgirl|schoolboy|youngster)"
#: Just after a plural noun ("girls ", "children "; not "was ", "is " or "has "), where an age is a group's.
_AFTER_A_PLURAL = r"(?:(?<=s )(?<!\bwas )(?<!\bis )(?<!\bhas )|(?<=children )|(?<=people )|(?<=\bwomen )|(?<=\bmen ))"
#: An age that says it is one, whatever is around it: after "aged" or "age:", "at the age of", a date or year of
#: birth after "born", before a unit of age, after "she was" or "he is", or "At 14," opening a sentence. One
#: person's only: "14-year-olds", "aged 10 to 17", "girls aged 11" and "children born in 2010" (after a plural) are
#: a group's ("was", "is" and "has" are no plurals). ("Jane Doe was born in March 2010", "When she was 14, Jane
#: Doe…" and "At 14, Jane Doe…" each passed.)
_AGE_MARKED = (rf"(?:(?i:(?!{_AFTER_A_PLURAL})"
               rf"(?:\baged?:?\s+{_YOUTH_WORD}?{_AGE}{_AGE_GROUP}|\bat\s+the\s+age\s+of\s+{_AGE}\b"
               rf"|\bborn\s+(?:(?:in|on)\s+)?(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+)?(?:19|20)\d\d\b"
               rf"|\b{_ONE_CHILD},\s*{_AGE}\s*,)"
               rf"|\b(?:she|he)\s+(?:was|is|had\s+been|turned)\s+{_YOUTH_WORD}?{_AGE}\b(?!\s*(?:%|per\b|times\b|of\b))"
               rf"|(?<![\w-]){_AGE}\s*[\s-]?(?:{_AGE_UNIT_WORD})(?!-?olds?\b|s\b))"
               rf"|(?:^|(?<=[.!?]\s))At\s+{_AGE},)")
#: One word of a personal name: capitalised, with an inner capital after a hyphen, an apostrophe or "Mc"
#: ("Al-Rashid", "O'Neil", "McDonald" passed when only lower case followed the first letter).
#: Each part after the first starts with a capital or a mark, never a lower-case letter, so the word is read one way
#: only (no backtracking over a long word).
_NAME_PART = r"(?:['\u2019-]?[A-Z][a-z]+|['\u2019-][a-z]+)"
_NAME_WORD = rf"(?=[A-Z])(?!(?:{_NOT_A_PERSON})\b)[A-Z](?:[a-z]+{_NAME_PART}*|{_NAME_PART}+)"
#: A name word in capitals, as court lists and some reports print a surname ("JOHN SMITH, 12/03/2009", "SMITH, John
#: (12/03/2009)" passed): two letters or more, "O'NEIL" and "AL-RASHID" too; never a word
#: that names a body or a document, in any case ("HOME OFFICE, 2015-03-12"), nor the initials of a body or a
#: series this record cites ("ONS CSEW, 2024-03-12").
_INITIALS = ("ONS|CSEW|HMIC|HMICFRS|PEEL|NSPCC|NPCC|CPS|NCA|MPS|MOPAC|IICSA|DFE|BBC|ITV|GLA|NHS|MOJ|LGA|ADCS|CSA|CSE|"
             "UK|PA")
_CAPS_WORD = (rf"(?=[A-Z][A-Z'\u2019])(?!(?i:{_NOT_A_PERSON}|{_INITIALS})\b)"
              rf"[A-Z](?:[A-Z]+|['\u2019][A-Z]+)(?:-[A-Z]+)*\b")
_ANY_NAME_WORD = rf"(?:{_NAME_WORD}|{_CAPS_WORD})"
#: A personal name as a court or news report prints it: two or three capitalised words (initials allowed), or a
#: surname in capitals first.
#: The lower-case words inside a surname ("Jane van der Doe", "Ana de la Cruz", "Omar bin Said": a name with one
#: passed, read as no name at all).
_NAME_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|du|la|le|bin|ibn|ben|al|el|ap)"
_NAME = (rf"\b(?:{_ANY_NAME_WORD}(?:\s+[A-Z]\.?)?(?:\s+(?:{_NAME_PARTICLE}\s+){{0,2}}{_ANY_NAME_WORD}){{1,2}}"
         rf"|{_CAPS_WORD},\s+{_NAME_WORD}(?:\s+{_ANY_NAME_WORD})?)")
#: A photograph's caption word after a name ("Jane Doe (pictured), 14,", "Jane Doe, left, 14,").
_CAPTION_WORD = r"(?:pictured|left|right|centre|center|above|below|inset|top|bottom|main)"
_CAPTION = rf"(?:\s*\({_CAPTION_WORD}\)|,\s*{_CAPTION_WORD}(?=\s*,))"
#: A relative, named by a parent's or sibling's name ("Jane Doe's daughter, 14,").
_RELATIVE = (r"(?:step-?|grand|god)?(?:daughter|son|child|niece|nephew|sister|brother|cousin)|"
             r"(?:half-)(?:sister|brother)")
#: A person as a report names one beside an age: a name, or a first name and an initial either way ("Jane D."), or
#: initials alone with their full stops ("J.D.", never "U.K."); and a relative of theirs, who is named by theirs
#: ("Jane Doe's daughter, 14,"; "the Doe family's daughter, 14,"); and where they
#: come from ("Jane Doe from Croydon, 14,", "Jane Doe of Croydon, 14,").
_PERSON = (rf"(?-i:(?:{_NAME}|\b{_NAME_WORD}\s+[A-Z]\.|\b[A-Z]\.\s+{_NAME_WORD}|\b{_NAME_WORD}\s+family(?=['\u2019]s\s)"
           rf"|\b(?!U\.\s?[KSN]\.|E\.\s?U\.)[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)(?:['\u2019]s\s+(?:{_RELATIVE})\b)?"
           rf"{_CAPTION}?(?:,?\s+(?:from|of)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)?)")
#: … shared with scan, which sets a person's age aside as no statistic (`scan_find`).
PERSON_NAME = _PERSON
#: A person no list of areas or bodies can be: a name after a title ("Miss J. Doe"), or a surname in capitals before
#: the first name, as a court list prints one ("DOE, Jane"). A bare number in brackets after either is an age
#: ("DOE, Jane (14)" passed; after a name alone it may be a count in a list, "West Yorkshire (14)").
_TITLE = r"(?:Mr|Mrs|Miss|Ms|Mx|Master)\.?"
_SURELY_A_PERSON = (rf"(?-i:\b{_TITLE}\s+(?:[A-Z]\.\s*)*(?:{_NAME_WORD}\s+)?{_NAME_WORD}"
                    rf"|{_CAPS_WORD},\s+{_NAME_WORD}(?:\s+{_ANY_NAME_WORD})?)")

#: Where a phone or NHS number may start: not inside a word, a longer number (after a digit and a decimal point or
#: thousands comma) or a path ("/"), yet right after a word's full stop: "Tel.020 7946 0000" and "NHS no.943 476
#: 5919" passed when any "." or "," before it was refused. A letter still is (a hex hash),
#: but for the end of "tel", "fax", "mob", "phone" or "mobile" written close up ("tel020 7946 0000" passed).
#: A "+" right after such a label starts a number too ("tel+44 20 7946 0000" passed).
#: Nor right after a digit and a joiner ("-", "/", "_", "~"): that is a run's next group, and the run is read from
#: its start, by its length (`LONG_NUMBER`). "2024-04-01/2025-03-31", a period as ISO 8601 writes it, was refused as
#: the phone number "01/2025-03-31".
#: The labels a phone number is printed after, for the number close up after one and for a local number after one.
PHONE_LABELS = ("telephone", "mobile", "phone", "tel", "mob", "fax")
#: (One lookbehind for the labels of each length: a lookbehind has one width.)
_AFTER_LABEL = "|".join(f"(?<=(?i:{'|'.join(w for w in PHONE_LABELS if len(w) == n)}))"
                        for n in sorted({len(w) for w in PHONE_LABELS}))
_NOT_IN_A_NUMBER = rf"(?:(?<![\w/])|{_AFTER_LABEL})(?<!\d[,./_~-])"
#: What may stand between two digits of one such number: a `_SEP` (at most seven characters) or a bracket.
_JOIN = rf"[\s(){_SEP_CHARS}]{{0,7}}"
#: What parts such groups: `_SEP` but never nothing, nor a full stop close up on both sides, which is a decimal
#: point ("33.33333333" is no NHS number).
_GAP = rf"(?:\s{{1,3}}[{_SEP_CHARS}]?\s{{0,3}}|[{_SEP_CHARS}]\s{{1,3}}|[/_~-])"
#: What any `_GAP` matches, for scan's shortcut that looks for a number in groups only where one could be.
DIGIT_GAP = rf"[\s{_SEP_CHARS}]{{1,7}}"


def _digits_ahead(count: str, run_ends: bool = True) -> str:
    """Ahead: `count` digits ("9", or "10,11" for either) in one run of groups joined as `_SEP` joins them (a bracket
    too); with `run_ends`, no digit after them in that run, so a number in an unusual grouping is read by its length
    and a longer run of figures is none."""
    digits = rf"(?:{_JOIN}\d){{{count}}}"
    return rf"(?={digits}(?!{_JOIN}\d))" if run_ends else rf"(?={digits})"


#: The kind every other kind of number is also (`_scan` names only the more telling one when both are found).
LONG_NUMBER = ("a number of nine or more digits without thousands commas (as a phone, NHS, passport or account number "
               "is written)")

#: The words that end a street's name in an address ("Road", "High St"), for the street-address pattern.
STREET_WORDS = ("Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Way|Place|Square|Gardens|Close|Drive|Terrace|Crescent|Court"
                "|Row|Grove|Mews|Walk|Rise|Parade|Hill")
#: A word of a street's name, as printed in an address: "Acacia", "St Mary's", "Acacia-Smith"; or in capitals.
_STREET_NAME = r"[A-Z][a-z]+\.?(?:['’-][A-Za-z]+)*"
_STREET_NAME_CAPS = r"[A-Z]{2,}(?:['’-][A-Z]+)*"


#: Social-media sites, as a profile's address names them, and the platforms' names, as a label before a user name.
_SOCIAL_SITE_NAMES = "facebook|instagram|twitter|tiktok|snapchat|linkedin|youtube|threads|kik|reddit|onlyfans"
_SOCIAL_SITE = rf"(?i:(?:www\.|m\.)?(?:{_SOCIAL_SITE_NAMES}|fb|x)\.com|t\.me|discord\.gg)"
_SOCIAL_NAMES = ("snapchat|snap|instagram|insta|tiktok|twitter|facebook|fb|kik|whatsapp|telegram|discord|wickr"
                 "|roblox|twitch|reddit|youtube|steam|xbox|psn|yubo|onlyfans|linkedin|threads")
#: The labels that name an account on any platform ("username: janedoe09").
_ACCOUNT_LABELS = r"user\s?name|screen\s?name|gamer\s?tag|handle"
#: Whose reference a label names, and the first letters of those labels (asked before the rest).
_REF_WHOSE = (r"crime|incident|occurrence|case|custody|prison(?:er)?|hospital|patient|child|client"
              r"|social\sservices?|pnc|cro|warrant")
_REF_FIRST = "ciopshwCIOPSHWUM"


PATTERNS: dict[str, re.Pattern[str]] = {
    # The second form is what Cloudflare prints in place of an address on a copied news page.
    # Parts bounded by what an address can hold (64 before the @, 63 per label, 253 in all): an unbounded `+` made
    # the search quadratic, and a 200,000-character field took over a minute to refuse.
    # An address spelled out for people, not machines: "jane dot doe at example dot com", "jane(at)example.com",
    # "jane @ example.org", "jane@example dot org". A plain " at " needs a spelled " dot " after it ("published at
    # gov.uk" is not an address); a bracketed "(at)" or "[@]", or an "@" with a space on either side
    # ("jane @example.org" and "jane@ example.org" passed when only a space on both sides was read), is one with a
    # plain dot too. Each form starts where a word does (an address's local part is at most 64 characters), so the
    # search does not retry it from every letter of every word.
    "an e-mail address": re.compile(
        rf"\[email\s+protected\]|(?<![\w.+-])(?:[\w.+-]{{1,64}}@[\w-]{{1,63}}\.[\w.-]{{1,253}}"
        rf"|[\w.+-]{{1,64}}(?:{_AT_MARK}|\s+@\s*|@\s+)[a-z][\w-]{{0,62}}(?:{_DOT_WORD}|\.)[a-z]"
        # An "@" with a full stop spaced out on both sides ("jane@example . com"; one side only is a handle at
        # the end of a sentence, "@metpoliceuk. The"), or on one side when a top-level domain follows it in lower
        # case ("jdoe@hotmail. com", "jdoe@hotmail .com" passed; a sentence after a handle starts with a capital).
        # A comma for that full stop before a top-level domain in lower case ("jdoe@hotmail,com", a full-width comma
        # too), or a web-mail provider's name after an "@" close up or spaced on both sides, without its domain
        # ("jdoe@gmail"): both passed. "uk" alone is no such domain ("@metpoliceuk, uk
        # police said"), and "follow @gmail" is a handle.
        rf"|[\w.+-]{{1,64}}\s*@\s*(?:[a-z][\w-]{{0,62}}"
        rf"(?:\s+\.\s+[a-z]|(?:\s+\.|\.\s+)(?-i:com|org|net|uk|gov|edu|info|io|co\.uk)\b"
        rf"|\s?,\s?(?-i:com|org|net|(?:co|gov|org)\s?,\s?uk)\b)|(?:(?<=\w@)|(?<=\s@\s)){_WEBMAIL_NAME}\b)"
        rf"|[\w.+-]{{1,64}}(?:\s+at\s+|@|[_/-]at[_/-])[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,4}}{_DOT_WORD}[a-z]"
        # "(a)" for the at sign, as many sites print addresses ("jane(a)example.com"; NFKC makes "⒜" the same):
        # written close up only, so a list's "(a)" in "paragraph (a) i.e. the" is none.
        rf"|[\w.+-]{{1,64}}[\[({{<]a[\])}}>][a-z][\w-]{{0,62}}\.[a-z]"
        # A plain " at " before a dotted domain, when the part before it is a dotted name ("jane.doe at
        # met.police.uk", "j.doe AT example.org", "jane.doe2 at …"): each part starts with a letter, one part has two
        # letters or more, so "e.g. at gov.uk", "Table A.1 at gov.uk" and "published at gov.uk" are none.
        rf"|(?<![\w.])(?=[a-z._]{{0,130}}[a-z]{{2}})[a-z][a-z\d]{{0,62}}(?:[._][a-z][a-z\d]{{0,62}}){{1,3}}\s+at\s+"
        rf"[a-z][\w-]{{0,62}}\.[a-z]"
        # A plain " at " after a label that says an address follows ("email: jdoe at example.org", "e-mail address
        # jdoe at …"), or before a web-mail provider's domain, which no document is published at ("jdoe at
        # hotmail.co.uk"): both passed with a name of one word.
        rf"|{_EMAIL_LABEL}[\w.+-]{{1,64}}\s+at\s+(?:[a-z][\w-]{{0,62}}\.[a-z]|{_WEBMAIL_NAME}\b)"
        # (found from the " at ": a name's letters are all the lookbehind needs, and trying every word cost a third of
        # the pattern's time)
        rf"|(?:(?<=[\w.+-]\s)|(?<=[\w.+-]\s\s))at\s+{_WEBMAIL})",
        re.IGNORECASE),
    # UK numbers (020 7946 0000, (020) 7946 0000, 07700 900123, 020.7946.0000) and international ones
    # (+44 (0)20 7946 0000, +1 212 555 0100, 0044 20 7946 0000): a country code or a trunk 0, then at least seven
    # more digits in groups, ended by anything but a digit (an extension written on, "020 7946 0000x12", passed
    # when a word boundary was asked for).
    "a phone number": re.compile(
        rf"(?:(?:(?<![\w+])|{_AFTER_LABEL})\+|{_NOT_IN_A_NUMBER}00){_digits_ahead('9', run_ends=False)}"
        rf"\d{{1,3}}{_SEP}(?:\(0\){_SEP})?\(?\d{{1,5}}\)?"
        rf"(?:{_SEP}\d{{2,5}}){{1,3}}(?!\d)|{_NOT_IN_A_NUMBER}\(?0\d{{2,4}}\)?{_SEP}\d{{3,4}}{_SEP}\d{{3,4}}(?!\d)"
        # The same in any grouping ("07 700 900 123", "020 79 46 00 00", "0 20 7946 0000", "077009 00123" passed):
        # a trunk 0 and nine or ten more digits, in groups of two or more after the first.
        # It starts with the 0 or its bracket, asked first: the run's lookahead at every word cost validation time.
        rf"|(?=[(0]){_NOT_IN_A_NUMBER}{_digits_ahead('10,11')}(?:\(0\d{{0,5}}\)\s{{0,3}}\d{{2,6}}|0\d{{0,5}})(?:{_GAP}\d{{2,6}}){{1,5}}(?!\d)"
        # A local number of seven or eight digits after its label, with no area code ("tel: 7946 0000" passed).
        rf"|\b(?i:{'|'.join(PHONE_LABELS)})\b\.?:?\s{{0,3}}{_digits_ahead('7,8')}\d{{3,4}}{_GAP}?\d{{3,4}}(?!\d)"),
    # Any case, its halves joined as the other patterns' groups are (`_SEP`): "sw1a-1aa" is as personal as "SW1A 1AA".
    # The area's letters are ones Royal Mail uses (never Q, V or X first; never I, J or Z second), and an ordinal in
    # lower case ("2nd", "3rd") is not an inward code: "Q4 2nd quarter" and "the A1 2nd junction" were refused.
    "a UK postcode": re.compile(rf"\b(?:[A-PR-UWYZ][A-HK-Y]?)\d[A-Z\d]?{_SEP}(?!(?-i:\d(?:st|nd|rd|th)\b))"
                                rf"\d[ABD-HJLNP-UW-Z]{{2}}\b", re.IGNORECASE),
    # Ten digits printed 3-3-4 or run together: kept only with a valid check digit (`_VALID`).
    # Any other grouping of the ten digits too ("943 4765 919", "94 34 76 59 19" passed).
    "an NHS number": re.compile(rf"(?=\d){_NOT_IN_A_NUMBER}(?:\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{4}}|{_digits_ahead('10')}"
                                rf"\d{{2,6}}(?:{_GAP}\d{{2,6}}){{1,4}})(?![\w]|[,.]\d)"),
    # Two letters, six digits and A-D: HMRC's format, in any case, its parts joined as the phone numbers' and NHS
    # numbers' are (a space, "-", "." or "/", or nothing: "AB.12.34.56.C" and "AB 123 456 C" passed).
    "a National Insurance number": re.compile(rf"\b[A-Z]{{2}}{_SEP}(?:\d{_SEP}){{5}}\d{_SEP}[A-D]\b",
                                              re.IGNORECASE),
    # The words, "born" next to a full date, or a name followed by a full date (in brackets or after a comma).
    # "born on" counts when a day or month follows it ("born on the 12th"), not before a place: "victims born on
    # the estates", "born on the streets" were refused as dates of birth.
    "a date of birth": re.compile(
        rf"\b(?:date[\s-]of[\s-]birth|birth[\s-]?date|d\s?[./]\s?o\s?[./]\s?b\b\.?|dob)\b"
        # "birth" as a label before a date ("birth: 12/03/2009" passed).
        rf"|\bbirth\s*[:-]\s*(?:{_FULL_DATE}|{_DAY_MONTH})"
        rf"|\bborn\s+on[\s:]+(?:the\s+)?(?!(?:{_FULL_DATE}|{_DAY_MONTH}){_BOUND_AFTER})"
        rf"(?:\d|{_DAY}\b|{_MONTH}\b)"
        rf"|\b(?:born|birthday)\b(?!{_COHORT})[^.;\n]{{0,20}}?(?:{_FULL_DATE}|{_DAY_MONTH}|{_COMPACT_DATE})(?!\d)(?!{_BOUND_AFTER})"
        # "born" and the date further apart, the date after "on", in the same clause: no second verb between them
        # ("born at Royal Oldham Hospital on 12/03/2009" passed; "born in 2010 were counted in a survey released on
        # 12 March 2024" is a survey's date).
        rf"|\bborn\b(?!{_COHORT})(?:(?!{_SECOND_VERB})[^.;\n]){{0,60}}?\bon\s+(?:the\s+)?"
        rf"(?:{_FULL_DATE}|{_DAY_MONTH})(?!\d)(?!{_BOUND_AFTER})"
        rf"|\bb\.\s?{_FULL_DATE}"
        # an age reached on a date ("she turned 14 on 1 February 2023": a birthday, it passed)
        rf"|\b(?:turned|turns|turning)\s+\d{{1,2}}\s+on\s+(?:the\s+)?(?:{_FULL_DATE}|{_DAY_MONTH})"
        rf"|(?-i:{_NAME})\s*(?:,|\()\s*(?:aged\s+\d{{1,2}}\s*[,;]?\s*)?{_NUMERIC_DATE}",
        re.IGNORECASE),
    # A home address: a house number and a street ("12 Acacia Road", "Flat 3, 14 High St"), written as an address
    # is, in capitals and lower case. No figure the record holds needs one, and a postcode was refused while the
    # street it names passed. An organisation's address ("2 Marsham Street") is refused
    # too: the record names a publisher, never where it sits. A year is no house number ("in 2019 Kent Police Way").
    "a street address": re.compile(rf"(?=\d)(?<![\w.,])(?!(?:19|20)\d\d\b)\d{{1,4}}[A-Za-z]?,?\s{{1,3}}"
                                   rf"(?:(?:{_STREET_NAME}\s{{1,3}}){{1,3}}(?:{STREET_WORDS})"
                                   rf"|(?:{_STREET_NAME_CAPS}\s{{1,3}}){{1,3}}(?:{STREET_WORDS.upper()}))\b(?!-)"
                                   # a flat's number and its building ("Flat 3, Acacia House": it passed)
                                   rf"|(?=[FAfa])\b(?i:flat|apartment|apt\.?)\s{{1,3}}\d{{1,4}}[A-Za-z]?,?\s{{1,3}}"
                                   rf"{_STREET_NAME}"),
    # An IP address: four numbers of at most three digits parted by full stops, each up to 255, seven digits or more
    # in all ("192.168.1.1", "81.2.69.160" passed; a paragraph's "1.2.3.4" is none).
    # (with leading zeros too, "192.168.001.001": it passed)
    "an IP address": re.compile(r"(?=\d)(?<![\w.])(?=(?:\d\.?){7})(?:(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\.){3}"
                                r"(?:25[0-5]|2[0-4]\d|[01]?\d?\d)(?![\w]|\.\d)"),
    # An IPv6 address: eight groups of hex digits, or fewer with "::" ("2001:db8::8a2e:370:7334", "fe80::1"): it
    # passed. A time "10:30:45" is neither, nor "see 12:: and" (a group is asked for on
    # both sides of "::", or "::" first).
    "an IPv6 address": re.compile(r"(?=[\da-fA-F:])(?<![\w:])(?:[\da-fA-F]{1,4}:){7}[\da-fA-F]{1,4}(?![\w:])"
                                  r"|(?=[\da-fA-F:])(?<![\w:])(?:[\da-fA-F]{1,4}(?::[\da-fA-F]{1,4}){0,6})?::"
                                  r"[\da-fA-F]{1,4}(?::[\da-fA-F]{1,4}){0,6}(?![\w:])"),
    # A device's hardware (MAC) address, six pairs of hex digits joined alike by ":" or "-" ("00:1A:2B:3C:4D:5E"):
    # it names one person's phone or computer, and it passed.
    "a device's hardware address": re.compile(r"(?=[\da-fA-F]{2}[:-])(?<![\w:-])[\da-fA-F]{2}([:-])[\da-fA-F]{2}"
                                              r"(?:\1[\da-fA-F]{2}){4}(?![\w:-])"),
    # A car's registration in the current British form, in capitals ("AB12 CDE", "AB12CDE"): its keeper is a
    # person (it passed).
    "a vehicle registration": re.compile(r"(?=[A-Z][A-Z]\d)(?<![\w-])[A-Z]{2}\d{2}\s?[A-Z]{3}(?![\w-])"),
    # A bank account: an IBAN ("GB33 BUKB 2020 1555 5555 55", close up or in fours), or a sort code or account
    # number after its label ("sort code 20-00-00", "account no. 55779911"): each passed, the IBAN's digits hidden
    # behind its bank's letters.
    # (Each form is asked for its first letter before the rest: the search tries every position of every field.)
    "a bank account": re.compile(r"(?=[A-Z][A-Z]\d)(?<![\w-])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?"
                                 r"(?![\w-])|(?=[sSaA])(?i:\bsort[\s-]?code\b\W{0,3}\d{2}\W?\d{2}\W?\d{2}\b"
                                 r"|\bsort\W{1,3}\d{2}[-\s]\d{2}[-\s]\d{2}\b"  # "sort 20-00-00"
                                 r"|\baccount(?:\s(?:number|no\.?))?\W{0,3}\d{8}\b)"),
    # A person's reference in a public register: a pupil's (UPN, a letter and twelve characters, "A123456789012")
    # or a police crime, incident or case reference after its label ("crime ref 0123456/24", "CAD 1234/12Mar"):
    # each names one child or one case. An FOI request's reference is a document's, and a
    # school's URN a school's, not these.
    "a personal reference number": re.compile(
        r"(?=[A-Z]\d)(?<![\w-])[A-Z]\d{11}[\dA-Z](?![\w-])"
        # (and a hospital's, a prison's, the police national computer's, social services' and a child's own,
        # "MRN 1234567", "prison number A1234BC", "PNC ID 12/123456A", "social services ref SS/2023/004512",
        # "child ID CH-00123456": each passed)
        rf"|(?=[{_REF_FIRST}])(?i:\b(?:(?:{_REF_WHOSE})\s(?:ref(?:erence)?(?:\s(?:number|no)\b\.?)?|number|no|id)\b\.?"
        r"|(?-i:CRIS|CAD|CRN|UPN|ULN|MRN|PNC|CRO)(?:\s(?i:id|no|number)\b\.?)?\b)"
        # (a reference has three digits or more: "case number 12" and "child number 3" count, they name no one)
        r"\W{0,3}(?=(?:[A-Za-z/-]*\d){3})[A-Z]{0,4}[/-]?\d[\w/-]*)"),
    # A social-media account: a handle ("@jane_doe_2009"), a profile's address written without its scheme
    # ("facebook.com/jane.doe.2009"), or a name after its platform's label ("snapchat: janedoe09"). Each names one
    # person and each passed. An organisation's handle ("@metpoliceuk") is refused too, as
    # its street address is: the record names a publisher by its name. A platform's share of offences ("Snapchat:
    # 26%") is no account: the name after a label holds a letter and a digit, "_" or ".", and no "%".
    "a social-media account": re.compile(
        r"(?=@)(?<![\w.+-])@[A-Za-z_][\w.]{1,29}(?<!\.)(?![\w@]|\.\w)"
        # (a Reddit user, "u/janedoe09": it passed)
        r"|(?=[uU]/)(?<![\w/.])[uU]/[A-Za-z][\w-]{2,19}(?![\w/-])"
        rf"|(?=[a-zA-Z])(?<![\w./]){_SOCIAL_SITE}/(?!(?:home|search|explore|hashtag|help|about|policies)\b)@?\w"
        # (or after "is" or "was", "her Snapchat is janedoe09", with Discord's "#1234" too: each passed)
        # (and after "as", a dash or a bracket, "on Snapchat as janedoe09", "Snapchat (janedoe09)", or after a label
        # alone, "Snapchat handle janedoe09": each passed)
        rf"|(?=[a-zA-Z])\b(?i:{_SOCIAL_NAMES})\b(?:(?:\s(?i:handle|name|username|account|id|user))?"
        r"(?:\s?:\s?|\s(?i:is|was|as)\s|\s?[-\u2013(]\s?)|\s(?i:handle|username|account|user\s?name)\s)@?"
        # (a full stop counts inside the name only: "The Snapchat account was used." ends a sentence)
        r"(?=[\w.#]{0,29}[A-Za-z])(?=[\w.#]{0,29}(?:[\d_]|\.\w))\w[\w.#]{2,29}(?![\w%])"
        # (or before the platform, "janedoe09 on Roblox", or after a label with no platform, "her username is
        # janedoe09", "gamertag: janedoe09": each passed)
        # (a word in capitals, "COVID19 on TikTok", is no user name)
        # (with Discord's "#1234", "jane#1234 on Discord")
        rf"|(?=[A-Za-z])(?<![\w@./#-])(?=[\w.]{{0,29}}(?:[\d_]|#\d{{4}}\b))(?=[\w.]{{0,29}}[a-z])[A-Za-z][\w.]{{2,29}}"
        rf"(?<!\.)(?:#\d{{4}})?\s+(?i:on|via)\s+"
        rf"(?i:{_SOCIAL_NAMES})\b"
        rf"|(?=[a-zA-Z])\b(?i:{_ACCOUNT_LABELS})(?:\s?:\s?|\s(?i:is|was)\s)@?"
        r"(?=[\w.#]{0,29}[A-Za-z])(?=[\w.#]{0,29}(?:[\d_]|\.\w))\w[\w.#]{2,29}(?![\w%])"),
    # A driving licence number in the DVLA's form, close up or in its groups ("JONES710238HA3DX", "MORGA 753116
    # SM9IJ"): five letters of a surname, six digits of a birth date, initials, a digit and two letters. It passed.
    "a driving licence number": re.compile(r"(?=[A-Z9][A-Z9])(?<![\w-])[A-Z9]{5}\s?\d[0156]\d[0-3]\d\d\s?"
                                           r"[A-Z9]{2}\d\s?[A-Z]{2}(?![\w-])", re.IGNORECASE),
    # A place on a map as precise as a home: a latitude and longitude to four decimal places or more
    # ("51.50740, -0.12780"; a latitude of two digits, so "2.7700, 1.2000" is none), in degrees, minutes and
    # seconds ("51°30′26″N"), or a what3words address ("///filled.count.soap"). Each passed; no figure is printed so.
    "a map position": re.compile(r"(?=[-\d])(?<![\w.])-?[1-8]\d\.\d{4,}\s{0,3}[,;/]?\s{0,3}-?\d{1,3}\.\d{4,}(?![\d.])"
                                 r"|(?=\d)(?<![\w.])\d{1,3}\s?°\s?\d{1,2}\s?['′]\s?\d{1,2}(?:\.\d+)?\s?"
                                 r"(?:[\"″]|''|′′)?\s?[NSEW]\b"
                                 # (decimal degrees with a hemisphere's letter, "51.5074 N, long 0.1278 W")
                                 r"|(?=\d)(?<![\w.])\d{1,3}\.\d{4,}\s?°?\s?[NSEW]\b"
                                 r"|(?=/)///[a-z]+\.[a-z]+\.[a-z]+|(?=[wW])(?i:\bwhat3words\b)"),
    # A person's name with an age beside it, as a news report prints a child's: "Jane Doe, 14, from Croydon",
    # "Jane Doe (aged 14)", "Jane D., aged 14". Each passed; the record names no person.
    # "Adults aged 18", "Greater London aged 10 to 17" (no comma) and "West Yorkshire (14)" (a count in a list of
    # areas) are no such pair.
    "a person's name and age": re.compile(
        # (and "J. Doe, 14,", "Jane Doe, now 19,", "Jane Doe, 14 years old,", "Jane Doe (age 14)":)
        # (and the age in words, "Jane Doe, fourteen,", "Jane Doe aged fourteen"; "Jane Doe, a 14-year-old,", "Jane
        # Doe, who is 14,", and the age first, "14-year-old Jane Doe": each passed)
        # (and between semicolons or spaced dashes, "Jane Doe; 14;", "Jane Doe - 14 -"; an age in brackets after
        # a title or a surname in capitals, "Miss J. Doe (14)"; "Jane Doe turned 14", ", who turned 14,")
        rf"(?=[A-Z])(?:{_SURELY_A_PERSON})\s*[(\[]\s*{_AGE}\s*[)\]]"
        rf"|(?=[A-Z])(?:{_PERSON})"
        # (and "Jane Doe, 14 at the time,"; a table's row, "Jane Doe | 14 |")
        rf"(?:,\s*{_AGE_LABEL}{_AGE}{_AGE_UNIT}\s*(?:,|\s+at\s+the\s+time\b)|;\s*{_AGE_LABEL}{_AGE}{_AGE_UNIT}\s*;"
        rf"|[ ]?\|\s*{_AGE_LABEL}{_AGE}{_AGE_UNIT}\s*\||\t[ ]*{_AGE_LABEL}{_AGE}{_AGE_UNIT}[ ]*\t"
        rf"|\s+[-–—]\s*{_AGE_LABEL}{_AGE}{_AGE_UNIT}\s*[-–—]\s"
        rf"|,?\s+(?:who\s+)?(?:had\s+)?turn(?:ed|s)\s+{_AGE}(?!\s*(?:%|per\b)|[.,]\d)"
        rf"|\s*\(\s*(?:(?:aged?|now|then)\s+{_AGE}|{_AGE}\s+at\s+the\s+time|(?i:{_AGE_WORD}))\s*\)"
        # (and a bare age in brackets before where the person is from, "Jane Doe (14), from Croydon"; an age range
        # after "was aged", "Jane Doe was aged between 12 and 14"; a school year in commas, "Jane Doe, in Year 9,":
        # each passed)
        rf"|\s*\(\s*{_AGE}\s*\),?\s+(?:from|of)\s+(?=[A-Z])"
        rf"|\s+(?:was|is)\s+aged\s+(?:between\s+)?{_AGE}\s*(?:-|–|to|and)\s*{_AGE}\b"
        rf"|,\s*in\s+Year\s+\d{{1,2}}\s*,|,?\s+aged\s+{_AGE}{_AGE_GROUP}"
        # (a sentence that gives the age, "Jane Doe is 14.", "Jane Doe was 14 at the time")
        rf"|\s+{_AGE_VERB}{_AGE}(?:\s+years?\s+old\b|\s+at\s+the\s+time\b"
        rf"|\s+when\b|\s+and\s+(?:lives|lived|was|is|has|had)\b|\s*\.(?!\d))"
        # (a year of birth, "Jane Doe (born 2009)", "Jane Doe, b. 2009,")
        rf"|(?:,\s*|\s*\(\s*){_BIRTH_YEAR}\b"
        rf"|,\s+an?\s+{_AGE}[\s-]years?[\s-]old\b"
        # (and "who would now be 20", "who would have been 14", "who had been 14")
        rf"|,?\s+who\s+(?:is|was|would\s+(?:now\s+)?be|would\s+have\s+been|had\s+been)\s+(?:now\s+)?{_AGE}"
        rf"(?!\s*(?:%|per\b))"
        # (an age that says it is one, near a name in the same sentence, either way round: "a 14-year-old called
        # Jane Doe", "Jane Doe's 14-year-old daughter", "Jane Doe 14yo", "Name: Jane Doe; Age: 14", "Jane Doe aged
        # just 14" each passed: no list of the words between a name and an age is ever complete)
        rf"|[^.!?\n]{{0,30}}?{_AGE_MARKED})"
        rf"|{_AGE_MARKED}[^.!?\n]{{0,30}}?(?=[A-Z])(?:{_PERSON})"),
    # What the patterns above miss, by length alone: nine or more digits in one run, close up or in groups parted by
    # spaces or "-", "_", "~" ("44 7700 900123", "0 7 7 0 0 9 0 0 1 2 3", a passport's "925665416", a sort code
    # and account "12-34-56 12345678"). Each attack on the check found another way to write such a number that the
    # patterns of its kind did not know. No figure this project records is printed so: a count prints with
    # thousands commas, a rate with a decimal point (neither parts a run here), a year range with "/" or "to".
    # A row of years ("2016 2017 2018", "2015 16 2016 17", as a flattened table prints them) is none.
    # A full stop with a space beside it joins groups too ("44 7700 . 900123"); close up, it is a decimal point.
    # The pattern takes each whole run once, possessively, and `_long_number_in` reads it: a run that ended in a
    # letter ("1_ 1_ 1_ …x") made a pattern that asked for the end itself retry from every group, quadratic.
    LONG_NUMBER: re.compile(rf"(?<![\w.,])\d(?:(?:\s{{1,3}}[.{_RUN_JOIN}]?\s{{0,3}}|[{_RUN_JOIN}]\s{{0,3}}"
                            rf"|\.\s{{1,3}})?+\d)*+"),
}

#: A web address inside any text (up to white space or a closing bracket or quote).
URL_RE = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.IGNORECASE)
#: A book's number after "ISBN", as official reports print it: a publication's, not a person's. An ISBN-10 passes
#: the NHS number's modulus 11 check (the same weights) and a UK one starts with 0, as a phone number does, so
#: "ISBN 0306406152" was refused as both; it is read no further, as a web address is not.
ISBN_RE = re.compile(r"\bISBN(?:-1[03])?:?\s?(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dX]\b", re.IGNORECASE)
#: The forms in which a phone number can sit inside a URL.
URL_PHONE = re.compile(r"(?:\btel:|\bwa\.me/)\s*\+?\d[\d\s-]{6,}", re.IGNORECASE)


def nhs_check_digit_holds(found: str) -> bool:
    """NHS Digital's modulus 11 check: weights 10 to 2 on the first nine digits; 11 − (sum mod 11) is the tenth
    (11 reads as 0; 10 means no valid number). Any count of digits but ten is no NHS number: a match can hold fewer
    where the pattern gave back a group that ran into a word ("07700 900 12three" held eight, and the check raised an
    error where validation should name a field)."""
    digits = [int(d) for d in found if d.isdigit()]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if check == 11 else check) == digits[9]


#: The fewest digits in a `LONG_NUMBER`.
LONG_DIGITS = 9


def _long_number_in(run: re.Match[str]) -> bool:
    """Whether a run of digit groups holds a long number: nine digits or more up to the end of one of its groups
    that ends the number (not a letter, nor a decimal point or comma before a digit: "…9012x" is a hash's, "…678.5"
    a decimal's), and not a row of years or dates (each a four-digit year, one with its next year's last two
    digits, "2015 16", or a date written year first: "2024-04-01–2025-03-31" is a period, not a number)."""
    text, digits, last_end = run.string, 0, 0
    for i in range(run.start(), run.end()):
        if not text[i].isdigit():
            continue
        digits += 1
        after = text[i + 1:i + 3]
        if digits >= LONG_DIGITS and not after[:1].isdigit() and not _ENDS_IN_A_WORD.match(after):
            last_end = i + 1
    # (a run that is no row of years up to one end is none up to a later end either: the last end is read)
    return bool(last_end) and _YEARS.fullmatch(text[run.start():last_end]) is None


_ENDS_IN_A_WORD = re.compile(r"[^\W_]|[,.]\d")  # a letter or digit ("_" joins groups)


_YEARS = re.compile(r"(?:(?:19|20)\d\d(?:-\d\d-\d\d(?!\d)|[\s_~-]+\d\d(?!\d))?[\s_~.-]*)+")

#: Patterns whose matches are kept only if this says so: an NHS number's check digit; a long number's not being a
#: row of years.
_VALID: dict[str, Callable[[re.Match[str]], bool]] = {
    "an NHS number": lambda m: nhs_check_digit_holds(m.group()), LONG_NUMBER: _long_number_in}


#: Every pattern needs a digit, an "@", one of these words or a dotted name before " at ": text without any is clean,
#: found with one search.
_MAYBE = re.compile(rf"[\d@]|::|e-?mail|birth|born|dob|d\.o\.b|\bdot\b|{_MARK_OPEN}\s*(?:at|\.)\s*{_MARK_CLOSE}"
                    r"|[\[({<]a[\])}>]|[_/-]dot[_/-]"
                    r"|[a-z][._][a-z]+\s+at\s|\sat\s+" + _WEBMAIL
                    + r"|///|fb\.com|x\.com|t\.me/|\bu/|\baged?\b|"
                    # (an age in words after a comma, "Jane Doe, fourteen,"; or a bracket, a verb or "a" ("Jane Doe
                    # is fourteen.", "(fourteen)", "turned fourteen", "a fourteen-year-old"))
                    + rf"[,;(\[–—-]\s*{_AGE_WORD}\b|\b(?=[iwtna])(?:is|was|turned|turns|then|now|an?|at)"
                    rf"\s+{_AGE_WORD}\b"
                    r"|years?[\s-]old|"
                    # (one trie for the words: as an alternation, the platforms' names cost a third more)
                    + trie_pattern(sorted({"what3words", "username", "gamertag", "handle",
                                         *_SOCIAL_SITE_NAMES.split("|"), *_SOCIAL_NAMES.split("|")})),
                    re.IGNORECASE)


#: A line break inside one text that wraps it: one "\n" with text on both sides, not a blank line between paragraphs
#: and not `_FIELD_BREAK` between two fields. The patterns read "\n" as the end of a clause (scan's paragraphs are
#: joined by it), so a note written as a YAML literal block (`notes: |`) or a CSV cell with a line break typed in it
#: hid "born⏎12/03/2009", "birthday is⏎12 March" and "14-year-old⏎Jane Doe", which the same words on one line
#: were refused for: the record reads such a wrap as the space it stands for.
_WRAP = re.compile(r"(?<![\n\x00])\n(?![\n\x00])")


def personal_data_in(text: str) -> list[str]:
    """Names of the kinds of personal data the text seems to contain (empty when none)."""
    # A zero-width space, a full-width @, an en dash, "&#64;" or a wrapped line must not split a pattern.
    decoded = _decoded(text or "")
    if "\n" in decoded:
        decoded = _WRAP.sub(" ", decoded)
    readings = _tag_readings(decoded) if "<" in decoded and _TAG.search(decoded) else [decoded]
    if _MARKDOWN.search(decoded):
        readings += [markdown_shown(reading) for reading in readings]
    if len(readings) == 1:
        return list(_kinds_in(decoded))
    return list(_most_telling({kind for reading in readings for kind in _kinds_in(reading)}))


def _kinds_in(decoded: str) -> tuple[str, ...]:
    text = apostrophes_read(decoded)  # "O‘Brien" is "O'Brien" (`hygiene.apostrophes_read`)
    text = _spoken_digits_read(letters_read_as_digits(_latin_read(pattern_text(text))))
    if not _MAYBE.search(text):
        return ()
    return _scan(text)


#: What may make a text read otherwise as Markdown, where `markdown_shown` reads it: a run of emphasis or code marks
#: where it opens or closes a span ("*14*", "**Jane Doe**", "`900123`": not after a letter or digit when it opens,
#: nor before one when it closes, so the "_" inside "jane_doe" or a figure's id is no mark), a link or image
#: (inline "](", reference "][" or a definition "]:"), or a backslash before punctuation (Markdown's escape, and
#: JSON's "\/" as PHP writes it). Text from a notes app or a draft in Markdown keeps them: "Jane Doe, *14*, from
#: Leeds", "07700 *900123*", "[Jane Doe](https://… "her page"), 14," and "born 12\/03\/2009" passed the check, which
#: read the marks, the link's address or the backslashes as characters between the name and the age, or inside the
#: number or the date.
_MARKDOWN = re.compile(r"(?<![\w*`])(?:\*{1,3}|_{1,3}|`+)(?=[^\s*`_])|(?<=[^\s*`_])(?:\*{1,3}|_{1,3}|`+)(?![\w*`])"
                       r"|\][(\[:]|\\[!-/:-@\[-`{-~]")


@functools.cache
def _commonmark() -> Any:
    """The CommonMark parser (markdown-it-py, as the rules page uses it), raw HTML left as text: `_tag_readings`
    reads tags."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def markdown_shown(text: str) -> str:
    """The text as a reader of its Markdown sees it, read by a CommonMark parser: links and images as their text
    (an address, a title or a reference's definition is not shown), emphasis and code marks and escaping backslashes
    gone, each block (a paragraph, a list item) apart from the next as after a blank line. Each field of a text
    joined by `_FIELD_BREAK` is read alone, and only one that holds Markdown (`_MARKDOWN`)."""
    return _FIELD_BREAK.join(_markdown_read(field) if _MARKDOWN.search(field) else field
                             for field in text.split(_FIELD_BREAK))


def _markdown_read(text: str) -> str:
    blocks = []
    for token in _commonmark().parse(text):
        if token.type == "inline":
            blocks.append("".join(_shown(child) for child in token.children or ()))
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content)
    return "\n\n".join(blocks)


def _shown(token: Any) -> str:
    """What a reader sees of one inline token: its text (an image's is its description), a line break as a space."""
    if token.type in ("text", "code_inline"):
        return str(token.content)
    if token.type in ("softbreak", "hardbreak"):
        return " "
    if token.type == "image":
        return "".join(_shown(child) for child in token.children or ())
    return ""


#: An HTML tag or comment, as text copied from a page's source or a CMS's HTML keeps them.
_TAG = re.compile(r"<!--[^<>]*?-->|</?[A-Za-z][^<>]*>")


def _tag_readings(text: str) -> list[str]:
    """The text as written, and as a browser shows it with its tags: an inline tag joins what is on either side
    ("020<span>7946</span>0000", "jane.doe@exam<wbr>ple.com") and a block's breaks it ("Jane Doe</p><p>14"), so
    both. A phone number with tags inside it ("020 <b>7946</b> 0000", React's "020<!-- -->7946"), copied from a
    page's source into a quote, passed the check, while the same number written "020&#32;7946" was found."""
    return [text, _TAG.sub("", text), _TAG.sub(" ", text)]


#: A letter O written for a zero beside a digit ("077OO 9OO123"): the phone number passed.
#: So did a letter l written for a one, as a typewriter without a 1 key typed it ("07700 900 l23", "O2O 7946
#: OOOl"), and a barred "ɵ" for a slashed zero (`_latin_read` reads "ɵ" as "o").
#: A run of digits and those letters, from its start (each run tried once, and never backtracked into: linear);
#: the letters before its first digit only where no other letter is before them, so "tel020 7946 0000" keeps its
#: label and "Vol12" is no number.
_DIGITS_AND_OS = re.compile(r"(?<![\dOo])[Oo]++\d[\dOol]*+|(?<![^\W\d_])l\d[\dOol]*+|\d[\dOol]*+")
#: … and a group of such letters alone, two or more, parted by one separator from a group of digits ("020 7946
#: OOOO"). Not a capital I, which codes in capitals hold beside digits (a driving licence's "…SM9IJ").
_LETTERS_BESIDE_DIGITS = re.compile(r"(?<=\d[ ._~/-])[Ool]{2,}\b|(?<![\w.])[Ool]{2,}(?=[ ._~/-]\d)")
#: Where either of the two can change anything: such a letter on to a digit, or two of them a separator from one (a
#: looser test, a letter a separator from a digit, passed in half the sentences of a news story: "2019 of").
_NEAR_A_DIGIT = re.compile(r"\d[Ool]|[Ool]\d|\d[ ._~/-][Ool]{2}|[Ool]{2}[ ._~/-]\d")
_ZERO = str.maketrans("Ool", "001")


def letters_read_as_digits(text: str) -> str:
    """The text with each letter O or l in a run of digits, or in a group of them beside one, read as the zero or
    one it stands for. One letter for one digit: scan finds personal data in this reading and blanks it in the text
    as written."""
    if not _NEAR_A_DIGIT.search(text):
        return text
    text = _DIGITS_AND_OS.sub(lambda m: m.group().translate(_ZERO), text)
    return _LETTERS_BESIDE_DIGITS.sub(lambda m: m.group().translate(_ZERO), text)


#: Superscript digits stuck to the end of a number: a footnote's mark, as a report copied from a PDF prints one
#: ("Childline on 0800 1111¹", "020 7946 0000²"). Scan's figures read it as a note mark and its HTML path drops a
#: `<sup>` mark; read as a digit it made the phone number one digit too long, so scan read the figure 7946 in it and
#: echoed "020" and "0000" in not-read lines, while the record (NFKC: "0800 11111") finds a long digit run there.
_NOTE_ON_A_NUMBER = re.compile(f"(?<=[0-9])[{SUPERSCRIPT_DIGITS}]+")


def personal_reading(plain: str) -> str:
    """The reading scan's personal kinds search, one character for one (`plain` is the text's `same_length_reading`):
    numerals read as the digits NFKC makes them (`numerals_read`) and letters O and l among digits as digits, as the
    record's personal-data check reads them, except a footnote's superscript mark stuck to a number, which is a
    space there (`_NOTE_ON_A_NUMBER`); scan blanks what it finds there in the text as written."""
    if not plain.isascii():
        plain = _NOTE_ON_A_NUMBER.sub(lambda m: " " * len(m.group()), plain)
    return letters_read_as_digits(numerals_read(plain))


def _latin_read(text: str) -> str:
    """The text with each accented Latin letter read as its base letter ("Zoë" as "Zoe", "Łucja" as "Lucja"): a
    name's words are matched as capitalised Latin words, and "José Álvarez, 14," passed where "Jose Alvarez, 14,"
    was refused. A letter of another script with capitals (Cyrillic, Greek, Armenian) is
    read as "A" or "a" by its case: "Анна Иванова, 14," passed; a name romanised or not is a name."""
    if text.isascii():
        return text
    for char in {ch for ch in set(text) if not ch.isascii()}:
        base = _base_letter(char)
        if base:
            text = text.replace(char, base)
    return text


@functools.lru_cache(maxsize=4096)
def _base_letter(char: str) -> str | None:
    """The Latin letter an accented letter is written on (`latin_base`: the one reading of a Latin letter), "A" or
    "a" for a letter of another script with capitals, or None (asked once per distinct character)."""
    base = latin_base(char)
    if base:
        return base
    return ("A" if char.isupper() else "a") if char.isalpha() and (char.isupper() or char.islower()) else None


#: A digit read out as a word, as a phone number is spoken ("oh seven seven double oh nine double oh one two three",
#: "seven seven zero zero, nine …"): each passed the check.
_SPOKEN = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0",
           **{w: str(n) for w, n in WORD_NUMBERS.items() if 1 <= n <= 9}}
_REPEATS = {"double": 2, "treble": 3, "triple": 3}
#: One digit read out, with its repeat word if any (each a group, for `_spoken_digits` to read).
_SPOKEN_WORD_TEXT = rf"(?:({'|'.join(_REPEATS)})[\s-]+)?({trie_pattern(sorted(_SPOKEN))})\b"
#: … or a group of digits among them ("07700 nine double-oh 123" passed).
_SPOKEN_PART = rf"(?:{_SPOKEN_WORD_TEXT}|(\d{{1,8}})\b)"
#: Four such parts or more in a row, parted by spaces, commas, full stops or hyphens: no count is written so
#: ("one, two or three" is parted by "or"); `_spoken_digits` asks for two digits read out and nine in all.
_SPOKEN_RUN = re.compile(rf"\b{_SPOKEN_PART}(?:[\s,.-]{{1,3}}{_SPOKEN_PART}){{3,}}", re.IGNORECASE)
_SPOKEN_WORD = re.compile(_SPOKEN_PART, re.IGNORECASE)
#: The fewest digits read out as words in a run that makes it a number spoken digit by digit.
_SPOKEN_FEWEST = 2


def _spoken_digits_read(text: str) -> str:
    """The text with each run of digits read out as words written as its digits, close up, when it holds nine or
    more (`LONG_DIGITS`): a number spoken digit by digit is a phone or account number, never a statistic."""
    return _SPOKEN_RUN.sub(_spoken_digits, text) if _SPOKEN_RUN.search(text) else text


def _spoken_digits(run: re.Match[str]) -> str:
    parts = _SPOKEN_WORD.findall(run.group())
    digits = "".join(group or _SPOKEN[word.lower()] * _REPEATS.get((repeat or "").lower(), 1)
                     for repeat, word, group in parts)
    spoken = sum(1 for _, word, _ in parts if word)
    # (a flattened table's row of years with number words after it, "2016 2017 2018 one two", is no such number)
    years = any(_A_YEAR.fullmatch(group) for _, _, group in parts)
    return digits if len(digits) >= LONG_DIGITS and spoken >= _SPOKEN_FEWEST and not years else run.group()


_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _decoded(text: str) -> str:
    """The text with its HTML character references ("&#64;", "&#x40;", "&commat;") and percent escapes ("%40")
    decoded, as a browser shows them and a reader decodes them: text copied from a page's source or a link keeps
    them, and "jdoe&#64;hotmail.co.uk" passed the check. The record keeps the text as
    written; only the check reads it so."""
    for _ in range(3):  # escaped twice over too ("&amp;#64;", "%2540" passed)
        before = text
        if "&" in text:
            text = html.unescape(text)
        if "%" in text:
            text = urllib.parse.unquote(text)
        if text == before:
            break
    return text


@functools.lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[str, ...]:
    """The full scan, cached: validation sees the same dates, units and places on row after row."""
    urls = URL_RE.findall(text)
    rest = ISBN_RE.sub(" ", URL_RE.sub(" ", text))
    low = rest.lower()
    found = {label for label, pattern in PATTERNS.items() if _found(label, pattern, rest, low)}
    if any(PATTERNS["an e-mail address"].search(url) for url in urls):
        found.add("an e-mail address")
    if any(URL_PHONE.search(url) for url in urls):
        found.add("a phone number")
    return _most_telling(found)


def _most_telling(kinds: set[str]) -> tuple[str, ...]:
    """The kinds in `PATTERNS` order, without `LONG_NUMBER` when a kind that says more was found (a phone number is
    also a long number), nor a social-media account beside an e-mail address (whose "@example.org" looks like a
    handle): one problem is enough for one thing."""
    if len(kinds) > 1:
        kinds = kinds - {LONG_NUMBER}
    if "an e-mail address" in kinds:
        kinds = kinds - {"a social-media account"}
    return tuple(label for label in PATTERNS if label in kinds)


#: Kinds searched for only in text (lower-cased) that holds what they need: a social-media account an "@" or a site's
#: or platform's name; a driving licence number six digits in a row; an IPv6 address "::" or seven colons; a map
#: position a "°", "///", "what3words" or a
#: number to four decimal places. Each pattern
#: tries most of a text's positions, and without this the two took a third of the check's time.
_FOUR_PLACES = re.compile(r"\d\.\d{4}")
_SIX_DIGITS = re.compile(r"\d{6}")
#: An age of one or two digits after a comma or in brackets, as a name and age print it.
_AGE_BESIDE = re.compile(rf"(?:,|;|\||\t|\s[-–—])\s*{_AGE_LABEL}{_AGE}{_AGE_UNIT}\s*(?:,|;|\||\t|[-–—]\s|at\s)"
                         rf"|\bage[d:]?\s|\d\s*[\s-]?(?:{_AGE_UNIT_WORD})|years?\s+of\s+age"
                         rf"|aged?\s+(?:\d|{_AGE_WORD})|[(\[]\s*{_AGE_WORD}\s*[)\]]|turn(?:ed|s)\s"
                         # (an age in brackets after a title or a surname in capitals: `_SURELY_A_PERSON`)
                         rf"|[(\[]\s*\d{{1,2}}\s*[)\]]"
                         rf"|(?:now|then)\s+\d|years?[\s-]old|who\s+(?:is|was)\s|{_BIRTH_YEAR}|\b{_AGE_VERB}{_AGE}"
                         # (what `_AGE_MARKED` reads as an age too: "born in March 2010", "he had been 14", "At 14,",
                         # and "(14 at the time)")
                         r"|\bborn\s|\b(?:she|he)\s+(?:had|turned)\s|\bat\s+\S+,|[(\[]\s*\d{1,2}\s+at\s"
                         r"|who\s+(?:would|had)\s|,\s*in\s+year\s+\d")
_SOCIAL_WORDS = ("@", ".com/", "t.me/", "u/", "discord", "name", "gamer", "handle", *_SOCIAL_NAMES.split("|"))
_NEEDS: dict[str, Callable[[str], bool]] = {
    "a social-media account": lambda low: any(word in low for word in _SOCIAL_WORDS),
    "a driving licence number": lambda low: bool(_SIX_DIGITS.search(low)),
    "an IPv6 address": lambda low: "::" in low or low.count(":") >= 7,
    "a device's hardware address": lambda low: low.count(":") >= 5 or low.count("-") >= 5,
    "a map position": lambda low: "°" in low or "///" in low or "what3words" in low or bool(_FOUR_PLACES.search(low)),
    "a person's name and age": lambda low: bool(_AGE_BESIDE.search(low)),
}


def _found(label: str, pattern: re.Pattern[str], text: str, low: str) -> bool:
    """Whether `pattern` finds its kind in `text` (`low`: the text lower-cased, for `_NEEDS`)."""
    needs = _NEEDS.get(label)
    if needs is not None and not needs(low):
        return False
    valid = _VALID.get(label)
    if valid is None:
        return pattern.search(text) is not None
    return any(valid(m) for m in pattern.finditer(text))


#: What joins a record's fields for the one scan of them all: a line break ends a web address (`URL_RE`) and every
#: pattern's run of separators, and a NUL is no separator of any pattern, so no field's text is read as part of its
#: neighbour's. A NUL alone was read as part of a web address, so a field ending in one hid the start of the next:
#: a quote ending "https://example.org/report" hid a caveat starting "020-7946-0000".
_FIELD_BREAK = "\n\x00\n"


def _texts(value: Any) -> list[str]:
    """The text items of a field: its text, or each text of a list, with a number both as the text YAML read it from
    (`written`, kept by the record's YAML loader) and as the build keeps it. A gap's `holder: 9434765919` (an NHS
    number unquoted) is read by YAML as an int, and the build keeps it as text; `holder: +4420_7946_0000` is the int
    442079460000 to YAML, which no pattern reads as a phone number."""
    items = value if isinstance(value, list) else [value]
    texts = [str(item) for item in items
             if (isinstance(item, (str, int, float)) and not isinstance(item, bool)) and str(item)]
    return texts + [item.written for item in items if getattr(item, "written", None) and item.written != str(item)]


def check_personal_data(record: dict, fields: tuple[str, ...] | list[str], name: str, where: str | int | None,
                        problems: Problems) -> None:
    """A problem for every field (or text item of a list field) that seems to hold personal data, naming the
    field and the kind, never the value (it would be printed into every log)."""
    texts = [item for key in fields for item in _texts(record.get(key))]
    if not personal_data_in(_FIELD_BREAK.join(texts)):  # one scan of the whole record; fields only if it finds any
        return
    for key in fields:
        kinds = {kind for item in _texts(record.get(key)) for kind in personal_data_in(item)}
        for kind in _most_telling(kinds):
            problems.add(name, where, f"{key} seems to contain {kind}; the project holds no personal data")
