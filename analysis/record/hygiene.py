"""Text hygiene at the door: what a raw text field may contain, checked once, for every field of every raw file.

Every table this project builds is opened by someone in Excel or pasted into Datawrapper, and every id and URL is
interpolated into the fact-check report. So a text field is refused (with `file:row`) when it

- begins with a character a spreadsheet reads as the start of a formula (`= + - @`, tab, carriage return): the
  OWASP "CSV injection" list. A value printed "-5%" is a number, not text: numeric fields (`value_as_printed`, a
  claim's `stated`) are read by the printed-figure parser instead and are exempt;
- contains a control character other than the newline (a pasted Word line break is a vertical tab; a bare carriage
  return inside a YAML string is written unquoted and splits a CSV row when read back);
- is longer than `MAX_FIELD_CHARS` (documented in data/README.md), far below the csv module's 128 KiB field limit
  that every later step reads with.

Ids follow one strict pattern (`ID_RE`, a figure id is `<source id>/<slug>`), and a URL is parsed with
`urllib.parse`, not matched loosely: an http(s) address with a host and no character that could end a Markdown
link or an HTML attribute. Patterns are compiled once, here: validation runs them on every cell of every row.

`neutralise_formula` is the defence in depth for exports a spreadsheet may open (chart CSVs, the workbook): text
that would start a formula gets a leading apostrophe, which Excel and LibreOffice show as text.
"""

from __future__ import annotations

import functools
import html.entities
import itertools
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from analysis.record.problems import Problems

#: The longest text a single raw field may hold (characters). The longest real field is a source's notes
#: (under 900 characters); the csv module refuses fields over 131,072.
MAX_FIELD_CHARS = 4000
#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: Control characters other than the newline, plus the Unicode line and paragraph separators and NEL, which
#: line-based readers also treat as line ends.
CONTROL_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: A slug: lower-case letters, digits and single hyphens inside.
SLUG = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
ID_RE = re.compile(rf"{SLUG}")
FIGURE_ID_RE = re.compile(rf"({SLUG})/({SLUG})")
#: Characters a parsed URL may not contain anywhere: white space, quotes, angle brackets, backticks, braces,
#: backslash, pipe, caret, square brackets (outside an IPv6 host, which no source uses) and parentheses — the
#: characters that can close a Markdown link or an HTML attribute. Real addresses percent-encode them.
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`{}\\|^\[\]()]")
#: A "%" that starts no percent-encoding ("100%", "%zz"). With one, or a second "#", an address is no URI (RFC 3986),
#: and what writes a link passes it on as it is: XlsxWriter leaves every "%" of an address that holds one "%20" as it
#: was, so the workbook's link was an invalid URI, which Excel repairs by removing the sheet's hyperlinks.
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL_NAMES = {"\t": "a tab", "\r": "a carriage return", "\x0b": "a vertical tab (a pasted line break?)",
                  "\x0c": "a form feed", "\x00": "a NUL byte"}


#: Bidirectional controls (embeddings, overrides, isolates and marks): they reorder what a reader sees, so a
#: figure or an id can display differently from what is stored ("Trojan Source"). Refused in every raw text field.
BIDI_RE = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: One message for a number written with digits other than 0-9, in data/raw and in `verify` alike: "3" + an
#: Arabic-Indic zero + "4" was read as 304, while a number all in Arabic-Indic digits was refused.
DIGITS_MESSAGE = "a number must be written with the digits 0-9 only (found {char!r}, U+{code:04X})"


#: Unicode's Default_Ignorable_Code_Point characters that are not format characters (Cf): shown as nothing, yet
#: not Cf, so a category test missed them — combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
#: Mongolian and other variation selectors, unassigned reserved ranges (DerivedCoreProperties.txt). A phone number
#: split by U+FE0F or U+3164 passed the personal-data check.
_IGNORABLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2065\u3164\ufe00-\ufe0f\uffa0"
                        "\ufff0-\ufff8\U000e0000-\U000e0fff]")


#: Any character outside ASCII: every invisible one is (validation looks only at these, not every letter).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def invisible(char: str) -> bool:
    """Whether a character is shown as nothing: a format character (zero-width space, joiners, soft hyphen, BOM,
    bidi controls, tags) or another default-ignorable code point (variation selectors, Hangul fillers, …)."""
    return unicodedata.category(char) == "Cf" or bool(_IGNORABLE.match(char))


#: Latin letters drawn white on a black circle or square ("🅜", "🅼", "🅿"), which NFKC leaves as symbols while it
#: folds the same letters drawn black on white ("Ⓜ", "🄼") to "M": a reader reads both as the letter. Unfolded,
#: "jane.doe@example.🅲🅾🅼" and the postcode "🆂🆆1🅰 1🅰🅰" passed the personal-data check, and "1.2🅼" was the count
#: 1.2 to scan and the quote check where "1.2Ⓜ" is 1.2 million. Found by name in
#: their one block (Enclosed Alphanumeric Supplement), not listed.
_ENCLOSED_LETTERS = {
    code: letter if "CAPITAL" in name else letter.lower()
    for code in range(0x1F100, 0x1F200)
    if unicodedata.normalize("NFKC", chr(code)) == chr(code)
    and (found := re.search(r"LATIN (?:CAPITAL|SMALL) LETTER ([A-Z])$", name := unicodedata.name(chr(code), "")))
    and (letter := found.group(1))}


#: Characters drawn as an empty space that are no space separator (Zs), which NFKC leaves as they are: the Braille
#: blank, a cell with no dots. "more⠀than 1,200" and "1.2⠀million" are "more than 1,200" and "1.2 million" on the
#: page; the quote check took "1,200" and "1.2" as printed there, and scan read the exact 1,200. Read as a space, and
#: between two digits as a space the record never prints (`number_separator`).
#: So is the musical null notehead, a symbol drawn as an empty notehead's width (listed with the Hangul fillers
#: among the characters used to write an invisible name): "020\U0001d1597946\U0001d1590000" passed the record's
#: personal-data check and its date-of-birth twin ("12\U0001d15903\U0001d1592009") too, and scan read "1\U0001d159200"
#: as the figures 1 and 200.
BLANKS = "\u2800\U0001d159"
#: The hyphen of typeset text, U+2010 (NFKC makes Word's non-breaking hyphen, U+2011, this one): a PDF's hyphen
#: glyph and a Word document print "group‐based" with it. Read as written, scan's words took "group‐based CSE cases"
#: as two words and "group" as the thing counted, so a figure in the record was "not in the record"; the same
#: phrase with "-" was read as counting cases. Read as "-", as every check reads it between digits.
HYPHEN = "\u2010"
#: What `normal_text` reads the characters NFKC leaves as they are as: enclosed letters, blanks and the hyphen.
_READ_AFTER_NFKC = {**_ENCLOSED_LETTERS, **{ord(blank): " " for blank in BLANKS}, ord(HYPHEN): "-"}


def normal_text(text: str) -> str:
    """The one reading of characters every personal-data and number check sees: NFKC (full-width "＠" and "１"
    become "@" and "1", a circled "Ⓜ" an "M") with the format characters removed (zero-width space, joiners, word
    joiner, soft hyphen, BOM, bidi controls, variation selectors, Hangul fillers: `invisible`), which would
    otherwise split a phone number or an e-mail address past its pattern, the enclosed letters NFKC leaves read as
    the letters they are (`_ENCLOSED_LETTERS`), a blank that is no space (`BLANKS`) as a space, and the typeset
    hyphen (`HYPHEN`) as "-"."""
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    # Each distinct character is asked once, then all are removed or read in one pass in C: asking `invisible` of
    # every character of a 1 MB article with a curly quote in it was a tenth of the scan's time.
    table = {ord(ch): _READ_AFTER_NFKC.get(ord(ch)) for ch in set(folded)
             if not ch.isascii() and (invisible(ch) or ord(ch) in _READ_AFTER_NFKC)}
    return folded.translate(table) if table else folded


def word_count(text: str) -> int:
    """How many words a reader counts in `text`: its words in the one reading (`normal_text`), where a blank that is
    no space to Python (`BLANKS`: the Braille blank, U+2800) parts two words as the space it is drawn as. Counted as
    written, a 39-word quote with a Braille blank between its words was one word, and passed the 30-word limit of
    quotes and claim texts."""
    return len(normal_text(text).split())


#: Punctuation that looks like, and is read by people as, ASCII "-", "/", "." or a space, which NFKC leaves as it
#: is: dashes and the minus sign, the fraction and division slashes, the ideographic full stops (which IDNA also
#: reads as a dot in an address), middle dots and bullets, and the Braille blank. "020–7946–0000", "12⁄03⁄2009",
#: "x@example。com", "020·7946·0000" and "SW1A⠀1AA" passed the personal-data check.
_LOOKALIKE_PUNCTUATION = re.compile(
    "(?P<dash>[\u058a\u05be\u1400\u1806\u2010-\u2015\u2043\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    "\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead])"
    "|(?P<slash>[\u2044\u2215\u29f8\u2571])|(?P<stop>[\u3002\uff61\ufe12\u2e3c\u00b7\u2022\u2027\u2219\u22c5\u30fb])"
    f"|(?P<blank>[{BLANKS}])")
_PUNCTUATION_AS = {"dash": "-", "slash": "/", "stop": ".", "blank": " "}
#: The same reading for every other punctuation mark or symbol, by what Unicode names it: a list of look-alikes is
#: never complete, and "020˗7946˗0000" (modifier letter minus), "020ー7946ー0000" (the katakana long-vowel mark, a
#: dash to a reader), "020➖7946➖0000" or "jane@example⸱com" (word separator middle dot) each passed the check.
#: Asked of punctuation, symbols and modifier letters only, never of a letter or a digit.
#: A line drawn across is read as a dash too (box drawing's "─", "⎯", the scan lines "⎽", the macrons "ˉ" and "ˍ"):
#: "020─7946─0000" and "020ˍ7946ˍ0000" passed the phone check.
_NAMED_AS = (("-", re.compile(r"\b(?:DASH|HYPHEN|MINUS|PROLONGED SOUND MARK|MACRON|LOW LINE)\b"
                              r"|\bHORIZONTAL(?: LINE\b| SCAN LINE| BAR\b|$)")),
             ("/", re.compile(r"\b(?:SOLIDUS|SLASH)\b")),
             # "∼" (tilde operator), "˷" (low tilde): read as the ASCII tilde, not a dash, so "∼1,200" stays "about
             # 1,200" to scan and "020∼7946∼0000" is a phone number
             ("~", re.compile(r"\bTILDE(?: OPERATOR)?$")),
             (".", re.compile(r"\b(?:FULL STOP|DOT|POINT|SPOT|BULLET)\b")))


def _named_punctuation(char: str) -> str | None:
    """The ASCII "-", "/" or "." a punctuation mark or symbol outside ASCII is named as (see `_NAMED_AS`), or None."""
    if unicodedata.category(char)[0] not in "PS" and unicodedata.category(char) != "Lm":
        return None
    name = unicodedata.name(char, "")
    return next((ascii_char for ascii_char, named in _NAMED_AS if named.search(name)), None)


#: The stand-ins a program writes for a character it lost: the replacement character "\ufffd", which a decoder, a
#: browser showing a page in the wrong encoding or a PDF's text layer writes where a "£", a no-break space or a dash
#: was, and the object replacement character a word processor leaves where an object was. Read as a word break,
#: "£1.2\ufffdmillion" (a no-break space lost) was the figure £1.2 to scan and the quote check, "56\ufffdper cent" the
#: count 56, and "020\ufffd7946\ufffd0000" no phone number.
LOST = "\ufffd\ufffc"


#: The noncharacters: unassigned for good (never a character a phone or a page writes), unlike the code points a later
#: Unicode version than the checks' assigns (a newer emoji, "🩷", or digit, Kawi's "𑽐").
_NONCHARACTERS = frozenset([*map(chr, range(0xFDD0, 0xFDF0)),
                            *(chr(plane + end) for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF))])


def _no_meaning(char: str) -> bool:
    """A private-use, unassigned or surrogate code point, or a stand-in for a character lost (`LOST`): shown as a
    box, a font's own icon, a "\ufffd" or nothing, and no check reads it as what it stands for
    ("020\ue0007946\ue0000000" passed the phone check)."""
    return char in LOST or unicodedata.category(char) in ("Co", "Cn", "Cs")


def is_mark(char: str) -> bool:
    """A combining mark drawn on the character before it (an underline, tilde or stroke through a digit, or a
    spacing mark such as a Devanagari vowel sign, "1.2ा", which passed as no mark); not
    a variation selector or grapheme joiner, which are shown as nothing (`invisible`) and read through as a
    zero-width space is. `verify count --stated "1,200<VS15>"` was refused with the digits message naming an
    invisible character, while "1,2<ZWSP>00" and scan read 1,200."""
    return unicodedata.category(char) in _MARKS and not _IGNORABLE.match(char)


#: Unicode's combining marks: non-spacing, spacing and enclosing.
_MARKS = frozenset({"Mn", "Mc", "Me"})


#: What a reader reads as "@" or "." and NFKC would make a letter or a space: a circled "ⓐ" (NFKC: "a") is the at
#: sign of an address spelled to slip past filters, and the spacing "˙" (NFKC: a space and a combining dot) a raised
#: full stop. "janeⓐexample.com" and "jane@example˙com" passed the e-mail check.
#: The negative (white on black) circled "🅐" is one too; NFKC leaves it as it is, so "jane🅐example.com" passed.
_READ_BEFORE_NFKC = str.maketrans({"\u24d0": "@", "\u24b6": "@", "\U0001f150": "@", "\u02d9": "."})


def pattern_text(text: str) -> str:
    """`normal_text` with the combining marks NFKC could not compose away dropped (an underline or a stroke drawn
    through each digit, "0̲2̲0̲ 7̲9̲4̲6̲…", split a phone number), then read as `same_length_reading` reads it: what
    the personal-data patterns search. A character with no meaning (`_no_meaning`: a PDF's symbol-font glyph, a
    "\ufffd" where a no-break space was lost) is read as a space, as what parts a number's groups: the checks are
    broad, and "020\ufffd7946\ufffd0000" is a phone number to a reader."""
    folded = normal_text(text if text.isascii() else text.translate(_READ_BEFORE_NFKC))
    if folded.isascii():
        return folded
    marks = {ord(ch): None if is_mark(ch) else _drawn_as(ch) or " " for ch in set(folded)
             if is_mark(ch) or _no_meaning(ch) or _blank_between_digits(ch) or _drawn_as(ch)}
    return same_length_reading(folded.translate(marks) if marks else folded)


#: Marks drawn as a comma, semicolon, colon, bracket or vertical bar, by what Unicode names them, which NFKC leaves
#: as they are: "‚" (SINGLE LOW-9 QUOTATION MARK), the Arabic, ideographic, Armenian and other scripts' commas; "⁏"
#: (REVERSED SEMICOLON); "꞉" (MODIFIER LETTER COLON) and "∶" (RATIO); "❨❩", "⦅⦆", "⟮⟯" (parenthesis ornaments, white
#: and flattened parentheses); "│", "┃", "║" (a table's rules drawn in box-drawing characters, as a text table
#: copied from a terminal or a PDF prints them), "∣" (DIVIDES) and "❘" (LIGHT VERTICAL BAR).
_DRAWN_AS = ((",", re.compile(r"\b(?:COMMA|LOW-9)\b")), (";", re.compile(r"\bSEMICOLON\b")),
             (":", re.compile(r"\bCOLON\b|^RATIO$")),
             ("(", re.compile(r"\bLEFT\b.*\bPARENTHESIS\b")), (")", re.compile(r"\bRIGHT\b.*\bPARENTHESIS\b")),
             # (not a modifier letter's "low vertical line", "ˌ": a tick between digit groups, read as a blank)
             ("|", re.compile(r"^BOX DRAWINGS (?:LIGHT|HEAVY|DOUBLE) VERTICAL$|^(?!MODIFIER).*\bVERTICAL (?:LINE|BAR)\b"
                              r"|^DIVIDES$")))


def _drawn_as(char: str) -> str | None:
    """The ASCII punctuation a punctuation mark, symbol or modifier letter outside ASCII is drawn as (`_DRAWN_AS`),
    for the personal-data patterns only: "Jane Doe‚ 14‚ from Leeds" (low-9 marks) or "Jane Doe، 14، from Leeds"
    passed the check that finds "Jane Doe, 14, from Leeds", "00꞉1A꞉2B꞉3C꞉4D꞉5E" the one that finds a device's
    hardware address, "❨020❩ 7946 0000" the one that finds "(020) 7946 0000", and "Jane Doe │ 14 │" (a text
    table's row) the one that finds "Jane Doe | 14 |", while a dash, slash or stop
    look-alike was already read as ASCII (`same_length_reading`). Between two digits such a comma is still refused
    with the digits message (`number_separator`), and scan's readings are unchanged. A turned comma, "ʻ", is an
    apostrophe in a name ("Oʻahu"; `APOSTROPHES`), not a comma."""
    if char.isascii() or char in APOSTROPHES or unicodedata.category(char)[0] not in "PS" \
            and unicodedata.category(char) != "Lm":
        return None
    name = unicodedata.name(char, "")
    return next((ascii_char for ascii_char, named in _DRAWN_AS if named.search(name)), None)


def _blank_between_digits(char: str) -> bool:
    """Whether a character is a separator the record never prints between two digits (`number_separator`) that
    no reading makes ASCII and no personal-data pattern reads as itself: a modifier letter drawn as a stroke or a
    tick (the Arabic tatweel, a joining line; "ˌ") or an Arabic number sign (the thousands separator "٬"). It parts
    a number's groups as a space does, so the personal-data check reads it as one: "020ـ7946ـ0000" was no phone
    number to the record, and scan echoed it whole in a not-read line. (A prime is no such character: a map
    position's pattern reads "51°30′26″N".)"""
    return (not char.isascii() and (char in _ARABIC_NUMBER_SIGNS or unicodedata.category(char) == "Lm")
            and _read_as_ascii(char) is None and number_separator(char))


def same_length_reading(text: str) -> str:
    """Look-alike punctuation, the digits of every script and the Latin letters outside ASCII (`latin_base`: "í" is
    "i") read as the ASCII they imitate or are, one character for one (so a match's offsets are the text's): the
    reading every personal-data pattern searches, in the record (`pattern_text`) and in an article (scan finds a
    phone number there to leave it out; it read "020–7946–0000" as the figure 7946 when it searched the text as
    written), and the one scan's figure forms and left-out kinds read ("1.2 míllion" is 1.2
    million, as the parser reads it). Scan reads its figures' words from the text as written, where an en dash is a
    clause break."""
    if text.isascii():
        return text
    for char in {ch for ch in set(text) if not ch.isascii()}:
        read = _read_as_ascii(char)
        if read:  # a sentence holds one or two such characters: `replace` is many times faster than `translate`
            text = text.replace(char, read)
    return text


@functools.lru_cache(maxsize=4096)
def _read_as_ascii(char: str) -> str | None:
    """The ASCII character a character outside ASCII is read as by `same_length_reading`, or None. Asked once per
    distinct character (scan asks it of every sentence, most of which hold the same curly quotes and dashes). A
    digit of any script is the ASCII digit it is: NFKC leaves Devanagari, Bengali, Thai or Arabic-Indic digits as
    they are, so "०२० ७९४६ ००००" passed the phone pattern (its leading 0 is ASCII)."""
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    named = _named_punctuation(char)
    if named:
        return named
    look = _LOOKALIKE_PUNCTUATION.fullmatch(char)
    if look:
        return _PUNCTUATION_AS[look.lastgroup or "blank"]
    return latin_base(char) if unicodedata.category(char) in _CASED_LETTERS else None


#: The superscript digits, as a copied report prints a footnote's mark after a number ("1,200²", "56%¹").
SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074-\u2079"


def numerals_read(text: str) -> str:
    """The personal-data check's reading (NFKC, then combining marks dropped: `pattern_text`) of a text that must
    keep its length, as scan's personal kinds search it:
    - a numeral that NFKC makes one ASCII digit (a circled "⓪", a superscript "¹", a subscript "₂", "⒈" less its
      stop) is that digit: scan kept such numerals as written, so "Call ⓪20 7946 0000", a phone number to the
      record, gave the figure 7946;
    - a combining mark on a space (NFKC makes a spacing macron, overline or tilde, "¯", "‾", "˜", a space and a
      mark) is a space, and so is a spacing accent scan keeps as written between two digits ("˘", "¨"):
      "943¯476¯5919" was an NHS number to the record and the figure 943 to scan.
"""
    if text.isascii():
        return text
    table = {ord(ch): read for ch in set(text) if not ch.isascii() and (read := _personal_char(ch))}
    text = text.translate(table) if table else text
    return _MARKS_ON_A_SPACE.sub(lambda m: " " * len(m.group()), text) if " " in text else text


#: Combining marks after a space, as NFKC leaves a spacing accent ("¯" is " " and U+0304).
_MARKS_ON_A_SPACE = re.compile(r"(?<= )[\u0300-\u036f\u20d0-\u20ff\ufe20-\ufe2f]+")


@functools.lru_cache(maxsize=4096)
def _personal_char(char: str) -> str | None:
    """What the personal-data check reads a character as, where that is one character: the ASCII digit NFKC makes
    a numeral (alone or before a full stop or comma: "⓪", "¹", "⒈", "🄁"), or a space for a spacing accent NFKC
    makes a space and a mark ("˘", "¨", which scan keeps as written between two digits: `number_separator`), or for
    a character with no meaning, as `pattern_text` reads one; else None."""
    if _no_meaning(char) or _blank_between_digits(char):
        return " "
    folded = unicodedata.normalize("NFKC", char)
    if char.isdigit() and not char.isdecimal():  # (a digit of a script is read by `same_length_reading`)
        digit = folded.rstrip(".,")
        return digit if len(digit) == 1 and digit.isascii() and digit.isdigit() else None
    return " " if len(folded) > 1 and folded[0] == " " and all(is_mark(ch) for ch in folded[1:]) else None


def dashes_read(text: str) -> str:
    """The text with every hyphen, dash and minus look-alike that `same_length_reading` reads as "-" ("‐", "‑",
    "–", "−", "﹣") written "-", and nothing else changed: how the quote check reads the marks that join a value to
    its unit ("5 percentage‐points" is "5 percentage-points" to scan and the parser)."""
    if text.isascii():
        return text
    table = {ord(ch): "-" for ch in set(text) if not ch.isascii() and _read_as_ascii(ch) == "-"}
    return text.translate(table) if table else text


#: A mark a reader reads as the apostrophe inside a word ("O'Brien", "Met's"), between two letters: "’" (the
#: typographic apostrophe every news page and Word document prints), and what a keyboard or an autocorrect slip puts
#: there instead: "‘" (a left quote), "‛", "ʼ" and "ʻ" (modifier letters), "`" and "´" (the grave and acute keys,
#: typed for an apostrophe on European keyboards), "′" and "‵" (primes). "Jane O‘Brien, 14," passed the personal-data
#: check, and the search "Met’s" found 3 rows where "Met's" found 43. Between two digits each keeps its own reading
#: ("020´7946´0000", a spacing accent, is a phone number), and a quotation mark around a word is no apostrophe.
APOSTROPHES = "\u2019\u2018\u201b\u02bc\u02bb`\u00b4\u2032\u2035"
_APOSTROPHE_IN_A_WORD = re.compile(f"(?<=[^\\W\\d_])[{APOSTROPHES}](?=[^\\W\\d_])")
#: Every apostrophe look-alike and single quotation mark, and every double quotation mark, as typed ("'" and '"').
_QUOTES_AS_TYPED = {**{ord(mark): "'" for mark in APOSTROPHES + "\u201a\u2039\u203a"},
                    **{ord(mark): '"' for mark in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"}}


def apostrophes_read(text: str) -> str:
    """The text with every mark read as an apostrophe inside a word (`_APOSTROPHE_IN_A_WORD`) written "'"."""
    return _APOSTROPHE_IN_A_WORD.sub("'", text) if not text.isascii() or "`" in text else text


def quotes_read(text: str) -> str:
    """The text with every apostrophe and quotation mark written as typed ("'" or '"'), wherever it stands: how
    `search` reads a query and the record alike, where "Chiefs’ Council" (a closing apostrophe, a letter on one side
    only) found none of the 34 rows printed "Chiefs' Council". (The personal-data check reads only the marks between
    two letters so: `apostrophes_read`.)"""
    return text.translate(_QUOTES_AS_TYPED) if not text.isascii() or "`" in text else text


def name_read(name: str) -> str:
    """A body's name as every comparison of names reads it: every apostrophe and quotation mark as typed
    (`quotes_read`) and each run of white space (a no-break or ideographic space among it) one space. The record's
    names are transcribed from the bodies' own pages, which print "Chiefs’ Council" and "Casey’s national audit":
    compared as typed with the project's list of names, such a name was no known body, so a chart's credit named the
    NPCC twice ("NPCC … and National Police Chiefs’ Council"), and the London rates chart, not finding the national
    audit, lost its warning that the rates were quoted from the audit by a news outlet and linked an aggregator's
    copy instead of the audit. Not NFKC: the name is also what a credit shows, where NFKC would make a full-width
    "＜" or "＄", which validate lets through as text, a real "<" or "$"."""
    return " ".join(quotes_read(str(name)).split())


def name_key(name: str) -> str:
    """Whether two names or labels are one body, place or unit: their `name_read` with letter case folded. What a
    comparison looks up or groups by; a credit still shows the name as typed. Bodies and places are written in
    title case on one page and in sentence case on another ("Centre of Expertise on Child Sexual Abuse", the
    centre's own "Centre of expertise on child sexual abuse"): compared as typed, "Baroness Casey's National Audit"
    was no known body, so the London rates chart lost its warning that the rates were quoted from the audit by a
    news outlet and linked an aggregator's copy, and a figure's place "England and wales" dropped the CSA Centre's
    row from the recorded-vs-estimated chart. An ampersand is the word "and" it stands for: news pages write "HM
    Inspectorate of Constabulary and Fire and Rescue Services" for the body whose own pages print "Fire & Rescue".
    The key reads the characters as NFKC does (a full-width "＆" is "&"; the name is still shown as typed) and leaves
    out a full stop or other mark at either end: a geography "England and Wales." (a cell copied with its
    sentence's full stop) passed as another place and dropped the CSA Centre's row from the recorded-vs-estimated
    chart, as "England and wales" did."""
    read = _AMPERSAND.sub(" and ", name_read(unicodedata.normalize("NFKC", str(name))))
    return read.casefold().strip(_EDGE_MARKS)


#: An ampersand between words, as names write "and".
_AMPERSAND = re.compile(r"\s*&\s*")
#: Marks a name or label never ends or starts with but a cell copied from a sentence can: read as nothing.
_EDGE_MARKS = " .,;:"


#: Latin letters with no decomposition to the letter they are written on.
_LATIN_BASE = {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "ſ": "s"}
#: A Latin letter drawn with a bar, stroke or tilde through it that Unicode does not decompose, read by its name:
#: "Ɵ" (LATIN CAPITAL LETTER O WITH MIDDLE TILDE) and "ɵ" (LATIN SMALL LETTER BARRED O) were read as "A" and "a",
#: so "ɵ2ɵ 7946 ɵɵɵɵ", a slashed zero to a reader, passed the phone check.
_LATIN_NAME = re.compile(r"LATIN (CAPITAL|SMALL) LETTER (?:BARRED )?([A-Z])(?: WITH .+)?")
#: Capital, small and title-case letters: never a modifier letter ("ʰ"), which is no letter of a word.
_CASED_LETTERS = frozenset({"Lu", "Ll", "Lt"})


@functools.lru_cache(maxsize=4096)
def latin_base(char: str) -> str | None:
    """The ASCII letter a Latin letter outside ASCII is written on ("í" and "ı" are "i", "Ø" is "O", "ɵ", a barred
    o, is "o"), or None: the letter a reader reads. Asked once per distinct character."""
    base = _LATIN_BASE.get(char) or unicodedata.normalize("NFKD", char)[0]
    if base.isascii() and base.isalpha():
        return base
    named = _LATIN_NAME.fullmatch(unicodedata.name(char, ""))
    if named:
        return named.group(2) if named.group(1) == "CAPITAL" else named.group(2).lower()
    return None


def plain_letters(text: str) -> str:
    """The text with each Latin letter outside ASCII read as the letter it is written on (`latin_base`) and each
    combining mark drawn on a letter dropped: how the parser and the quote check read the words of a figure, as the
    personal-data check reads a name's. A reader reads "1.2 míllion", "1.2 mi̇llion" (a dot above the i) and "56 pér
    cent" as 1.2 million and 56%; the quote check took "1.2" and "56" as printed there, and "1.2 mıllion" (a dotless
    i, which the patterns read as "i" where the table of scale words did not) stopped `validate`, `scan` and
    `verify` with a KeyError. A mark on a digit is kept: `digits_problem` refuses it."""
    if text.isascii():
        return text
    marks = "".join(ch for ch in set(text) if is_mark(ch))
    if marks:
        text = re.sub(f"(?<=[^\\W\\d_])[{re.escape(marks)}]+", "", text)
    table = {ord(ch): latin_base(ch) for ch in set(text)
             if not ch.isascii() and unicodedata.category(ch) in _CASED_LETTERS and latin_base(ch)}
    return text.translate(table) if table else text


#: Letters a text field may hold: the Latin alphabet's capital and small letters (accents and ligatures
#: included: "LATIN CAPITAL …", "LATIN SMALL …"). The record is in English; a Cyrillic "А" or a Greek "Ο" looks
#: exactly like a Latin letter, and so do the phonetic small capitals ("LATIN LETTER SMALL CAPITAL A", "ᴀ"), which
#: NFKC leaves as they are: "SW1А 1АА" (Cyrillic A) and "ꜱᴡ1ᴀ 1ᴀᴀ" passed the postcode check.
_LATIN_LETTER = ("LATIN CAPITAL ", "LATIN SMALL ")


def first_char(text: str, test: Callable[[str], bool]) -> str | None:
    """The first character of `text` that is not ASCII and passes `test`, or None. Each distinct character is asked
    once (a record's text is long, its alphabet short), then the earliest of those that pass is found in C."""
    found = [char for char in set(text) if not char.isascii() and test(char)]
    return min(found, key=text.index) if found else None


def foreign_letter(text: str) -> str | None:
    """The first letter (after NFKC: a full-width or mathematical "𝐀" is an "A") that is not a capital or small
    letter of the Latin alphabet, or None. Modifier letters (a raised "ʼ") are not letters of any word here and
    are left alone."""
    return first_char(normal_text(text), _foreign)


def unread_letter(text: str) -> str | None:
    """The first character of `text` that no check reads as a letter of a word: a letter of another script
    (`foreign_letter`'s: a Cyrillic "о" in "mоre thаn") or a combining mark left on a letter ("mi̇llion"), or None.
    The record refuses the first and reads through the second (`plain_letters`); scan, which cannot refuse an
    article, lists a figure with such a word beside it."""
    if text.isascii():
        return None
    # (a mark on a digit is not asked about here: `other_numeral` leaves that number unread)
    return first_char(text, _foreign) or next(
        (char for before, char in itertools.pairwise(text) if is_mark(char) and before.isalpha()), None)


def _foreign(char: str) -> bool:
    category = unicodedata.category(char)
    return category.startswith("L") and category != "Lm" and not unicodedata.name(char, "").startswith(_LATIN_LETTER)


#: Bidirectional classes of characters written right to left: Hebrew (R), Arabic (AL) and Arabic number signs
#: (AN). Letters of those scripts are refused by `foreign_letter`; their punctuation is not a letter, yet it
#: reorders what a reader sees as a bidi control does: "rose from ؛ 922 - 1,200 ؛" (an Arabic semicolon) is shown
#: by browsers as "rose from ؛ 1,200 - 922 ؛", a rise read as a fall.
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


def right_to_left(text: str) -> str | None:
    """The first character of `text` written right to left (see `_RIGHT_TO_LEFT`), or None. A digit of another
    script (an Arabic-Indic digit is AN) is left to `digits_problem`, so a number gets the one digits message."""
    return first_char(text, lambda char: not char.isnumeric() and unicodedata.bidirectional(char) in _RIGHT_TO_LEFT)


#: A superscript two or three right after a letter, and before no other digit: the power of a unit ("km²", "m³"),
#: not a digit of any number. "5,598 people per km²" (ONS's population density as news pages print it) was refused
#: as a number written with other digits; "1,200²" and "3²4" still are.
_UNIT_POWER = re.compile("(?<=[A-Za-z])[\u00b2\u00b3](?![0-9\u00b2\u00b3\u00b9\u2070-\u2079])")


def digits_problem(text: str) -> str | None:
    """`DIGITS_MESSAGE` for the first numeric character that is not 0-9 (Arabic-Indic, full-width, superscript,
    a vulgar fraction "½" or a Roman numeral "Ⅻ", which NFKC made "1⁄2" and "XII" and refused in other words), or
    None. Checked on the text as written, before NFKC, so such a number is refused, not silently read."""
    char = first_char(_UNIT_POWER.sub("", text), str.isnumeric)  # 0-9 are ASCII, never asked about
    if char is None and not text.isascii():
        char = _touching_a_digit(text)
    return None if char is None else DIGITS_MESSAGE.format(char=char, code=ord(char))


#: Separators of digit groups the record never prints (it writes 1,737 and 18.6%): the Arabic thousands and
#: decimal separators and percent sign, and the thin, narrow no-break, figure and no-break spaces of "1 737".
#: NFKC makes the spaces ordinary ones, so "1 737" was read as the two figures 1 and 737, and "1٬737" likewise.
#: (`number_separator` is the rule; these are its best-known cases.)
OTHER_SEPARATORS = "\u066a\u066b\u066c\u00a0\u2007\u2009\u202f"
#: The Arabic separators and percent sign, refused wherever they stand.
_ARABIC_NUMBER_SIGNS = "\u066a\u066b\u066c"
#: Names of marks read as a decimal point or thousands separator: "18·6" (the British decimal point, MIDDLE DOT),
#: "1‚737" (SINGLE LOW-9 QUOTATION MARK, drawn as a comma), "18⋅6", "1、737".
_SEPARATOR_NAME = re.compile(r"\b(?:FULL STOP|DOT|POINT|COMMA|LOW-9|PRIME)\b")
#: Spacing accents and modifier letters, drawn beside a digit as a comma or an apostrophe is: "1¸374" (CEDILLA),
#: "1˛374" (OGONEK), "1ˏ374" (MODIFIER LETTER LOW ACUTE ACCENT), Swiss "1´374" typed with the acute key, and
#: "1′374" (PRIME). None is a separator the record prints; by name only the commas and dots were known, so the quote
#: check took "374" from a quote printing "1¸374" and scan read the figure 1 there.
_MODIFIER_CATEGORIES = frozenset({"Sk", "Lm"})


def number_separator(char: str) -> bool:
    """Whether a character outside ASCII reads, between two digits, as a thousands separator or a decimal point the
    record never prints (it writes 1,737 and 18.6): any space but the ASCII one (a thin, no-break, figure or hair
    space: "1 737", or a blank, `BLANKS`), the Arabic separators, a mark NFKC folds to "." or "," or that is named
    a full stop, dot, point, comma or prime, or a spacing accent or modifier letter (`_MODIFIER_CATEGORIES`). Between
    two digits such a mark joins one number that the checks would read as two: the record accepted the figure "6
    per cent" from a quote "rose by 18·6 per cent", and scan found the figures 18 and 6 per cent there."""
    if char.isascii():
        return False
    if char in OTHER_SEPARATORS or char in BLANKS or unicodedata.category(char) == "Zs":
        return True
    if unicodedata.normalize("NFKC", char) in (".", ","):
        return True
    category = unicodedata.category(char)
    if category in _MODIFIER_CATEGORIES:  # (one read as a dash, slash or tilde is that: "020˗7946˗0000" a phone)
        return _read_as_ascii(char) in (None, ".", ",")
    return category[0] in "PS" and bool(_SEPARATOR_NAME.search(unicodedata.name(char, "")))


#: A character outside ASCII right after a digit, and the digit after it if there is one; or right after a
#: number's own mark (a separator, point, sign or per cent sign) that touches a digit on either side.
_AFTER_DIGIT = re.compile(r"(?:(?<=[0-9])|(?<=[0-9][,.%]))([^\x00-\x7f])([0-9])?|(?<=[£$+-])([^\x00-\x7f])(?=[0-9])")


def _touching_a_digit(text: str) -> str | None:
    """The first mark drawn on a digit or on a number's own separator, point or sign ("1,\u0338200": a stroke through
    the comma was read by scan as the figure 1 and passed the record's digits check), or separator the record never
    prints between two digits: what makes the article scanner leave a number unread (`other_numeral`) refused in the
    record too, with the one digits message.
    A quote "there were 1,737\u0338 referrals" (a stroke through the 7) or "1\u2009737" passed validation and the
    check that it holds the value 1,737, while readers saw a struck-through digit or a number spaced apart."""
    hidden = {ord(ch): None for ch in set(text) if not ch.isascii() and invisible(ch)}
    text = text.translate(hidden) if hidden else text  # (a keycap "1<VS16><U+20E3>" is a mark drawn on the 1)
    for found in _AFTER_DIGIT.finditer(text):
        char = found.group(1) or found.group(3)
        if is_mark(char) or (found.group(1) and text[found.start() - 1].isdigit() and found.group(2)
                             and number_separator(char)):
            return char
    return None


def other_numeral(char: str) -> bool:
    """Whether a character written next to a digit makes the number one `digits_problem` or the printed-figure
    parser refuses: a numeric character other than 0-9 (a digit of another script, "½", "Ⅻ", "①"), a mark drawn
    on the digit (a combining tilde, underline or stroke), a separator the record never prints
    (`number_separator`), or a private-use or unassigned character, which `text_problem` refuses (a PDF's
    symbol-font dot, U+F0B7, in "18\uf0b76 per cent" was read as the figures 18 and 6 per cent). The article
    scanner reads no number that touches one."""
    return not char.isascii() and (char.isnumeric() or is_mark(char) or number_separator(char) or _no_meaning(char))


def normal_text_keeping_digits(text: str) -> str:
    """`normal_text` for text that cannot be refused (an article being scanned), except that a numeric character
    other than 0-9 (superscript, full-width, another script, a vulgar fraction), and a separator the record never
    prints between two digits (`number_separator`), is kept as written: a number holding one is then not read at
    all, as `digits_problem` refuses it in the record, instead of NFKC turning a footnote's "1,200²" into 1,2002,
    "３０４" into 304, "1½" into 11⁄2 (read as the figure 11) or "1 737" into the two figures 1 and 737. Whether a
    separator stands between two digits is asked with the invisible characters gone and of a digit of any script:
    "1\u200b\u2009737" (a zero-width space by the thin one) and "١\u2009737" were read as the figures 1 and 737, or
    737."""
    if text.isascii():
        return text
    chars = {ch for ch in set(text) if not ch.isascii()}  # each distinct one asked once
    hidden = {ord(ch): None for ch in chars if invisible(ch)}
    if hidden:  # "1\u200b\u2009737": the separator is between two digits once the zero-width space is gone
        text = text.translate(hidden)
        chars = {ch for ch in chars if ord(ch) not in hidden}
    digits = "".join(ch for ch in chars if ch.isnumeric())
    separators = "".join(ch for ch in chars if number_separator(ch))
    # A digit either side is any numeral ("١\u2009737" is one number to a reader, not the figure 737).
    digit = f"[0-9{re.escape(digits)}]"
    kept = "|".join([*([f"(?<={digit})[{re.escape(separators)}](?={digit})"] if separators else []),
                     f"[{_ARABIC_NUMBER_SIGNS}]", *([f"[{re.escape(digits)}]"] if digits else [])])
    if not digits and not re.search(kept, text):
        return normal_text(text)
    pieces: list[str] = []
    start = 0
    for m in re.finditer(kept, text):
        pieces += [normal_text(text[start:m.start()]), m.group()]
        start = m.end()
    return "".join(pieces) + normal_text(text[start:])


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would read this text as the start of a formula, its first character read as NFKC reads
    it: a full-width or small "＝", "＋", "－" or "＠" passed; no spreadsheet is known to
    run one, but the record holds no such character at a field's start either. The first character after leading
    blanks is asked too, as the record's own check reads a field (the loaders strip it): LibreOffice's import with
    "Trim spaces" ticked opens an unquoted " =HYPERLINK(B2)" as a live formula, and Datasette's CSV of a query
    sent one as written. A leading tab or carriage return is a prefix of its own."""
    if not text:
        return False
    return _formula_start(text[:1]) or (text[:1].isspace() and _formula_start(text.lstrip()[:1]))


def _formula_start(char: str) -> bool:
    return bool(char) and unicodedata.normalize("NFKC", char).startswith(FORMULA_PREFIXES)


#: What may follow "; -" and stay text: a plain number, then up to the next separator only words, digits and
#: punctuation that build no formula ("; -5%", "; -5 cases, a year-on-year fall"). No operator that could call a
#: function or another program (`(`, `|`, `!`, `+`, `*`, `&` …): "-1 +cmd|' /C calc'!A0" is a formula to Excel as
#: "-1+cmd|…" is. Possessive, so a long run of digits is read once.
_SIGNED_NUMBER_AS_TEXT = r"\d[\d.,]*+(?:\s?%|\s?per ?cent)?(?:[\s,)][^;\t=+*/^&|!(<>@]*+)?(?:[;\t]|$)"
#: A formula after a separator a spreadsheet may split an unquoted CSV cell at, which Python's csv module never
#: quotes: a semicolon (Excel set to a semicolon list separator) or a tab (LibreOffice's import with Tab ticked, as
#: it stays once a TSV was opened; Excel's text import, whose default is Tab). "x;=WEBSERVICE(…)" or "x<tab>=1+1"
#: opens as a second cell that is a formula: a query's CSV from Datasette sent the tab form as written. A minus is one
#: unless `_SIGNED_NUMBER_AS_TEXT` follows it: "-1+cmd|' /C calc'!A0" passed
#: when only a letter or bracket after the minus was refused, and "-1 +cmd|…" when a space ended
#: the number. The blanks between the separator and the formula are any but a tab, which would be
#: a separator of its own ("x;<tab>=1" is the cells "x", "" and "=1").
AFTER_SEPARATOR_FORMULA = re.compile(rf"[;\t][^\S\t]*(?:[=+@]|-(?!{_SIGNED_NUMBER_AS_TEXT}))")


def formula_risk(text: str) -> bool:
    """Whether a spreadsheet would run any part of this text as a formula: at its start (`formula_like`), or after a
    semicolon or tab, where a spreadsheet may start a new cell of an unquoted CSV field (`AFTER_SEPARATOR_FORMULA`)."""
    return formula_like(text) or AFTER_SEPARATOR_FORMULA.search(text) is not None


def neutralise_formula(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, as inert text (an apostrophe before each formula, at the start
    and after a semicolon or tab — `formula_risk`); anything else as is. The record's own text never needs it
    (`validate` refuses both), but a query's cell in Datasette's CSV can hold anything: "x;-2+3+cmd|' /C calc'!A0"
    passed the leading-apostrophe rule alone, unquoted, and Excel with a semicolon separator opened its second cell
    as a DDE command."""
    if not isinstance(value, str):
        return value
    inert = AFTER_SEPARATOR_FORMULA.sub(lambda found: found.group()[0] + "'" + found.group()[1:], value)
    return "'" + inert if formula_like(inert) else inert


#: What starts a shortcode or a template tag in the publishing system a newsroom pastes the project's HTML or JSON
#: into, which reads the raw text of a post before any browser or JSON reader: WordPress and Drupal read
#: "[embed]…[/embed]" or "[node:title]" anywhere in a post (inside a `<script>` too), Liquid (Jekyll), Twig, Hugo and
#: Handlebars read "{{ … }}" and "{% … %}". Record text keeps them as written ("[embed]https://…[/embed]" in a source
#: line made the newsroom's page load another site's content), so whatever is made to be pasted writes them as
#: escapes: character references in HTML and SVG (`PASTED_REFERENCES`), `\u` escapes inside JSON strings.
PASTED_SYNTAX = "[]{}"
#: `PASTED_SYNTAX` as character references, for record text in every HTML or SVG file the project writes: the same
#: text on the page, nothing for a site builder to run. Not only the embed code is put in a site: a site built by
#: Eleventy templates every .html file in its folder (Liquid by default, Nunjucks in its starter blog), Jekyll and
#: Hugo any page given front matter, and a chart's SVG is inlined by `{% include %}`, which templates it too: a
#: record note's "{% set s %}…{% endset %}{{ range.constructor(s)() }}" in factcheck.html ran JavaScript when the
#: newsroom's Eleventy site was built (`analysis.factcheck.render.pasteable` for the project's templates,
#: `inert_markup` for the notebooks' HTML copies and the charts' SVG).
PASTED_REFERENCES = str.maketrans({char: f"&#{ord(char)};" for char in PASTED_SYNTAX})


#: A page's style sheets and scripts (their braces and brackets are code), and its character data: a run of text
#: after a tag or at the start.
_STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b.*?</\1\s*>", re.S | re.I)
_CHARACTER_DATA = re.compile(r"(?<![^>])[^<]+")


def inert_markup(markup: str) -> str:
    """HTML or SVG the project writes with the shortcode and template openers of its text (`PASTED_REFERENCES`) as
    character references: the same text shown, nothing for a site builder to run. Style sheets and scripts are left
    as they are. For what is written by another library (nbconvert's pages, matplotlib's SVG), whose text a Jinja
    `finalize` never sees."""

    def inert(text: str) -> str:
        return _CHARACTER_DATA.sub(lambda found: found.group().translate(PASTED_REFERENCES), text)

    out, start = [], 0
    for code in _STYLE_OR_SCRIPT.finditer(markup):
        out += [inert(markup[start:code.start()]), code.group()]
        start = code.end()
    return "".join([*out, inert(markup[start:])])
#: A JSON string as `json.dumps` writes it (every control character and quote inside it escaped).
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_ESCAPES = str.maketrans({char: f"\\u{ord(char):04x}" for char in f"<>&\u2028\u2029{PASTED_SYNTAX}"})


def inline_safe_json(doc: object, sort_keys: bool = False) -> str:
    """`doc` as the JSON of every file the project writes for readers (ClaimReview, the charts' metadata, the
    data package, Datasette's metadata): inert when pasted into a page's `<script>`, as a newsroom pastes a chart's
    data into its own graphic. Inside its strings, `<`, `>` and `&` (so no `</script>` or `<!--` can end or change
    the script), U+2028/U+2029 and what starts a shortcode or template tag (`PASTED_SYNTAX`) are written as escapes;
    a JSON reader reads the same values. Record text ("Fire & Rescue", a caveat's "</script>") reached the charts'
    JSON as it was."""
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    return _JSON_STRING.sub(lambda found: found.group().translate(_JSON_ESCAPES), text) + "\n"


def neutralise_frame(frame: Any) -> Any:
    """A copy of a DataFrame whose text cells (object and string columns only) are `neutralise_formula`d; numbers,
    dates and the column names are left exactly as they are, so a chart CSV of clean data is unchanged."""
    from pandas.api.types import is_object_dtype, is_string_dtype  # pandas 3 text columns are "str", not object

    out = frame.copy()
    for column in out.columns:
        if is_object_dtype(out[column]) or is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise_formula)
    out.columns = [neutralise_formula(c) if isinstance(c, str) else c for c in out.columns]
    return out


#: The invisible parts of an emoji as phones and web pages write it: the variation selectors that ask for its colour
#: or text form ("❤️" is "❤" + U+FE0F), the joiner of a sequence ("👩‍👧") and a keycap's ("1️⃣").
_EMOJI_PARTS = "\ufe0e\ufe0f\u200d"


def _emoji_part(text: str, at: int) -> str:
    """Words naming the emoji an invisible `_EMOJI_PARTS` character at `at` belongs to, or "": a text copied from a
    social post shows an emoji, and "an invisible format character (U+FE0F)" named nothing the contributor sees."""
    if text[at] not in _EMOJI_PARTS or not at:
        return ""
    before = text[at - 1]
    if unicodedata.category(before) not in ("So", "Sk") and text[at + 1:at + 2] != "\u20e3":
        return ""
    return f" (it is part of the emoji drawn from {before!r}, as a phone or a web page writes one: leave the emoji out)"


def hidden_problem(text: str) -> str | None:
    """The message for the first character of `text` shown as nothing (`invisible`: a bidi control or a format
    character), or None."""
    for match in _NON_ASCII.finditer(text):
        char = match.group()
        if invisible(char):
            kind = "a bidirectional control" if BIDI_RE.match(char) else "an invisible format character"
            return (f"contains {kind} (U+{ord(char):04X}) at character {match.start() + 1}; it changes what a "
                    f"reader sees or hides text from the checks{_emoji_part(text, match.start())}")
    return None


#: What UTF-8 read as Windows-1252 or Latin-1 leaves in text ("â€“" for "–", "Â£" for "£", "Ã©" for "é"), and read
#: as Mac Roman ("‚Äì", "¬£", "√©"): only a text holding one is handed to ftfy, so a clean text costs six substring
#: searches. Excel opens a UTF-8 CSV without a byte-order mark (every file in data/raw) in the machine's own
#: encoding, and saved again as "CSV UTF-8" the file holds what it showed.
MOJIBAKE_TELLTALES = ("â€", "Â", "Ã", "‚Ä", "¬", "√")


def repaired_mojibake(text: str) -> tuple[str, int, str]:
    """`text` with mis-decoded UTF-8 repaired by ftfy ("2016â€“17" is "2016–17", "Â£1.2Â million" is "£1.2 million",
    "8‚Äì19" is "8–19"), how many telltales went, and the first one as printed. Valid UTF-8 that a CMS, a copy or a
    spreadsheet once read in another encoding is no encoding a reader can refuse, and read as it stands "2016â€“17"
    was the count 17 and "1Â 200" the count 200. ftfy changes only sequences that decode as UTF-8, so a word that
    merely holds "Â" or "√" is kept."""
    if text.isascii() or not any(mark in text for mark in MOJIBAKE_TELLTALES):
        return text, 0, ""
    import ftfy  # only for a text that needs it: it loads in ~0.1 s

    repaired = ftfy.fix_encoding(text)
    count = sum(text.count(mark) - repaired.count(mark) for mark in MOJIBAKE_TELLTALES)
    first = min((i for i in (text.find(mark) for mark in MOJIBAKE_TELLTALES) if i >= 0), default=-1)
    return repaired, max(count, 0), text[first:first + 3] if count > 0 else ""


def _word_around(text: str, at: int) -> str:
    """The word (between white spaces) holding text[at], for a message."""
    start = max((text.rfind(space, 0, at) for space in " \n"), default=-1) + 1
    ends = [end for end in (text.find(space, at) for space in " \n") if end >= 0]
    return text[start:min(ends, default=len(text))]


#: How Unicode marks a letter that is only another drawing of plain Latin letters: a ligature ("ﬁ", "ﬂ", "ﬃ",
#: "Ĳ", the long "ſ"), a styled letter ("𝐁𝐨𝐥𝐝", "𝘪𝘵𝘢𝘭𝘪𝘤", "ℍ": a social post's "bold" text) or a full-width one ("Ａ").
#: Superscript letters ("Nº", "1ª") are ordinary typography and are not among them.
_DRAWN_FORMS = ("<compat>", "<font>", "<wide>")


def drawn_letter(char: str) -> bool:
    """Whether a letter is a ligature, styled or full-width drawing of plain Latin letters (`_DRAWN_FORMS`), which
    NFKC reads as those letters and a full-text search, a spreadsheet's Find and a screen reader do not."""
    return (unicodedata.category(char)[0] == "L" and unicodedata.decomposition(char).startswith(_DRAWN_FORMS)
            and (plain := unicodedata.normalize("NFKC", char)).isascii() and plain.isalpha())


def drawn_letter_problem(text: str) -> str | None:
    """The message for a raw field that holds a `drawn_letter`, or None. A quote copied from a PDF brings its
    ligatures ("ﬁgures", "oﬃcers") and a claim copied from a social post its styled letters: the record's own
    search and scan read them as the letters, but the published database's full-text search found no "officers" in
    "oﬃcers", so one figure answered one way in `search` and another in Datasette."""
    letter = None if text.isascii() else first_char(text, drawn_letter)
    if letter is None:
        return None
    plain = unicodedata.normalize("NFKC", letter)
    return (f"contains {letter!r} ({unicodedata.name(letter, f'U+{ord(letter):04X}')}), a drawing of {plain!r} (a "
            f"PDF's ligature, or a post's styled letters) that searches and spreadsheets do not read as {plain!r}; "
            f"type {plain!r}")


#: A run of letters and digits and the marks written on them: one word, in whatever script.
_WORD = re.compile(r"(?:\w[\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0610-\u061a\u064b-\u065f]*)+")


def _word_in_another_script(text: str, letter: str) -> str | None:
    """The word of `text` that `letter` (a `foreign_letter`) stands in, when that word holds no Latin letter: a
    publisher's name in its own script ("الجزيرة", "新华社"), for which "type the Latin one" named no letter to type.
    A foreign letter inside a Latin word ("mоre" with a Cyrillic "о"), beside a digit ("SW1А 1АА") or alone ("а
    review") is a look-alike: None."""
    for word in _WORD.finditer(text):
        letters = [ch for ch in word.group() if unicodedata.category(ch)[0] != "M"]
        if letter in letters and len(letters) > 1 and all(_of_another_script(ch) for ch in letters):
            return word.group()
    return None


def _of_another_script(char: str) -> bool:
    """A letter of a script other than Latin: not a digit, and not a phonetic small capital ("ꜱᴡᴀ", named "LATIN
    LETTER SMALL CAPITAL …"), which looks like a Latin letter."""
    return char.isalpha() and _foreign(char) and not unicodedata.name(char, "").startswith("LATIN")


def _letters_problem(text: str, typed: bool) -> str | None:
    """A look-alike letter of another alphabet, or (in the record, not `typed`) a `drawn_letter`, or None."""
    letter = foreign_letter(text)
    if letter is not None:
        word = _word_in_another_script(normal_text(text), letter)
        if word is not None:
            return (f"contains {word!r}, a word written in another script ({unicodedata.name(letter, '?').split()[0]}"
                    "); the record is in English and its checks read Latin letters only: write it in Latin letters "
                    "(as the publisher writes its name in English, or transliterated)")
        return (f"contains the letter {letter!r} ({unicodedata.name(letter, f'U+{ord(letter):04X}')}), which is "
                "not a letter of the Latin alphabet; a look-alike letter changes what the checks read (type the Latin "
                "one)")
    return None if typed else drawn_letter_problem(text)


def text_problem(text: str, typed: bool = False) -> str | None:
    """What is wrong with one raw text field, in words, or None. A value `typed` on the command line is read
    through NFKC, so a ligature there is read as its letters, not refused (`drawn_letter_problem`)."""
    if len(text) > MAX_FIELD_CHARS:
        return f"is {len(text):,} characters long; the limit is {MAX_FIELD_CHARS:,} (see data/README.md)"
    if not text.isascii() and text.strip() and not normal_text(text).strip():
        # A Braille blank (U+2800) is no white space to Python: a producer or an attribution's body made of it
        # passed the required-field checks, and a chart's credit read "reported by ⠀".
        return (f"holds only blank characters (U+{ord(text.strip()[0]):04X}) that no reader sees as text; leave the "
                "field empty or type what the source printed")
    bad = CONTROL_RE.search(text)
    if bad:
        char = bad.group()
        name = _CONTROL_NAMES.get(char, f"the control character U+{ord(char):04X}")
        return f"contains {name} at character {bad.start() + 1}; only plain text and newlines are allowed"
    hidden = hidden_problem(text)
    if hidden is not None:
        return hidden
    meaningless = None if text.isascii() else first_char(text, _no_meaning)
    if meaningless is not None and meaningless in LOST:
        return (f"contains U+{ord(meaningless):04X}, which a program writes where it lost a character (text decoded in "
                "the wrong encoding, or copied from a PDF?), so no check can read what was printed there; type the "
                "character the source shows")
    _, mojibake, telltale = repaired_mojibake(text)
    if mojibake:
        at = text.find(telltale)
        word = _word_around(text, at)
        if repaired_mojibake(word)[0] == word:  # a telltale read with the space after it ("Â " for a no-break space)
            word = text[max(0, at - 12):at + 12].strip()
        return (f"holds {word!r}, which is {repaired_mojibake(word)[0]!r} read in another encoding (a file opened "
                "in the wrong one and saved again, as Excel does with a CSV?); type the characters the source printed")
    if meaningless is not None:
        return _meaningless_problem(meaningless)
    letters = None if text.isascii() else _letters_problem(text, typed)
    if letters is not None:
        return letters
    digits = None if text.isascii() else digits_problem(text)
    if digits is not None:  # "3٠4" or "½" in a quote or note: the same rule as in a number field
        return f"is refused: {digits}"
    rtl = None if text.isascii() else right_to_left(text)
    if rtl is not None:
        return (f"contains {unicodedata.name(rtl, f'U+{ord(rtl):04X}')} (U+{ord(rtl):04X}), which is written right to "
                "left and reorders the text and numbers around it as a reader sees them; type the English punctuation")
    return _read_as_other_than_text(text, typed)


def _read_as_other_than_text(text: str, typed: bool) -> str | None:
    """What a spreadsheet or a page would read as something other than text: a formula, TeX, a character
    reference; or None."""
    stripped = text.strip()  # the loaders strip fields: " =1+1" is stored as "=1+1"
    if formula_like(stripped):
        return (f"begins with {stripped[0]!r}, which a spreadsheet reads as a formula; reword it or start it "
                "with a letter or digit")
    after = AFTER_SEPARATOR_FORMULA.search(stripped)
    if after:
        return (f"has {after.group().strip()!r} at character {after.start() + 1}: a spreadsheet that splits cells "
                "at semicolons reads what follows as a formula; reword it")
    if not typed and ("\\" in text or "$$" in text) and (maths := _maths_problem(text)):
        return maths
    return character_reference_problem(text) if "&" in text else None


#: TeX as a page's maths typesetter reads it (MathJax, KaTeX): the delimiters `\(…\)`, `\[…\]` and `$$…$$`, and any
#: `\command`. No printed statistic needs them. Every output marks its record text as not maths, but a copy pasted
#: where that mark is lost (a CMS that strips the block, a page loading KaTeX) typesets what they hold, and a
#: `\href{javascript:…}` in a note became a link that ran script.
_MATHS = re.compile(r"\\(?:[()\[\]]|[A-Za-z]+)|\$\$")


def _maths_problem(text: str) -> str | None:
    """Why `text` holds TeX a page would typeset as maths (`_MATHS`), or None."""
    found = _MATHS.search(text)
    if found is None:
        return None
    return (f"holds {found.group()!r} at character {found.start() + 1}, which a page that typesets maths (MathJax, "
            "KaTeX) reads as TeX; type the text without the backslash or the doubled dollar sign")


#: An HTML character reference written out in full, as a page's source, a WordPress feed or its REST API
#: (`title.rendered`) writes it: "Met&#8217;s", "&rsquo;", "1&#44;200". Only complete references count, so
#: "E&W", "AT&T" and an address's "&month=" are text.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def character_reference_problem(text: str) -> str | None:
    """A character reference in record text is printed as typed by every output (the fact-check page, ClaimReview,
    the workbook): "the Met&#8217;s failings" where the source shows "the Met’s failings"."""
    for found in _CHARACTER_REFERENCE.finditer(text):
        ref = found.group()
        if ref.startswith("&#") or ref[1:] in html.entities.html5:
            return (f"holds the HTML character reference {ref!r} at character {found.start() + 1}, which every "
                    f"output would print as typed; type the character it stands for ({html.unescape(ref)!r})")
    return None


def _meaningless_problem(char: str) -> str:
    """What `text_problem` says of a private-use, unassigned or surrogate code point (`_no_meaning`): one unassigned
    in the tables this Python reads is most likely newer than they are, an emoji or digit a phone or a page writes,
    not a PDF's glyph."""
    if unicodedata.category(char) == "Cn" and char not in _NONCHARACTERS:
        return (f"contains U+{ord(char):04X}, a private-use or unassigned character: one the Unicode tables these "
                f"checks read ({unicodedata.unidata_version}) do not have yet (a newer emoji, letter or digit, from a "
                "phone or a page?), which no check can read; leave it out, or type what it stands for")
    return (f"contains U+{ord(char):04X}, a private-use or unassigned character (a PDF's symbol-font glyph pasted "
            "with the text?), which each reader shows differently or not at all and the checks read as nothing; type "
            "the character it stands for")


def read_through(text: str) -> str:
    """A value typed on the command line as `verify` reads it: every invisible character (`invisible`) but a bidi
    control removed, as a reader reads through a zero-width space or soft hyphen copied with the digits; a bidi
    control stays, for `number_field_problem` to refuse. Every reading of a typed value uses it, so none splits or
    judges the text as written: `verify sum --total 1,200 --parts "1<ZWSP>,200"` read the parts 1 and 200 (a reader
    sees "1,200", refused as reading both ways) and judged the sum inaccurate, and `--per "1,000<ZWSP>"` was refused
    as no number while `--stated "1,000<ZWSP>"` was 1,000.

    Line ends are read as the record reads them (`rawtext.read_text`): a Windows or old Mac line end, or a Unicode
    line or paragraph separator, is a newline, and a tab is a space. A figure copied across a line break on Windows
    ("more than\r\n1,200"), or two cells copied from a spreadsheet ("Operation Beaconport\t1,200"), were refused as
    holding a control character, though the same text with "\n" or " " was read."""
    if any(brk in text for brk in _TYPED_BREAKS):
        text = text.replace("\r\n", "\n").translate(_TYPED_BREAKS_READ)
    if text.isascii():
        return text
    return "".join(ch for ch in text if ch.isascii() or not invisible(ch) or BIDI_RE.match(ch))


#: What `read_through` reads as a newline or a space in a typed value (`CONTROL_RE` refuses them in the record).
_TYPED_BREAKS = "\r\u2028\u2029\x85\t"
_TYPED_BREAKS_READ = str.maketrans(_TYPED_BREAKS, "\n\n\n\n ")


def number_field_problem(text: str, command_line: bool = False) -> str | None:
    """What is wrong with a value as printed ("-5%"), in the words data/raw uses, or None: every `text_problem` but
    a leading sign's and the digits' (the printed-figure parser judges those, and says so once).

    `verify`'s values (`command_line`) get the same words: a bidi control ("<RLO>21" is shown as 12 and was judged
    as 21), a right-to-left mark, a private-use glyph or a look-alike letter was read there, or refused only as
    "not a number as printed". Two differences: an invisible character other than a
    bidi control is read through, as a reader does ("7<ZWSP>4%" is 74), and a value longer than a field may be is
    left to the parser (verify cuts it in its message)."""
    if command_line:
        if len(text) > MAX_FIELD_CHARS:
            return None
        text = read_through(text)
    problem = text_problem(text.strip(), typed=command_line)
    return None if problem is None or problem.startswith(("begins with", "is refused: ")) else problem


def check_text_fields(record: Mapping[str, Any], fields: Iterable[str], name: str, where: str | int | None,
                      problems: Problems, numeric: Iterable[str] = ()) -> None:
    """Record a problem for every text field (or text item of a list field) that fails `text_problem`.

    `numeric` fields hold a value as printed ("-5%"): a leading minus there is a sign, so only the length and
    control-character checks apply.
    """
    numeric = set(numeric)
    for key in fields:
        value = record.get(key)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if not isinstance(item, str) or not item:
                continue
            problem = number_field_problem(item) if key in numeric else text_problem(item)
            if problem:
                problems.add(name, where, f"{key} {problem}")


#: Query parameters that only say where a link was clicked from (the record keeps the address as read; a reader is
#: shown it without them).
_TRACKING = re.compile(r"^(?:utm_[a-z]+|ref|fbclid|gclid|mc_[a-z]+)$", re.IGNORECASE)


def reader_url(url: str) -> str:
    """A source's address as shown to readers: the same page, without click-tracking parameters ("?ref=…").

    Only those parameters are taken out; every other byte of the query stays as the record has it. Decoding the
    query and encoding it again gave readers another address than the record's: a bare "?1234" became "?1234=",
    "?a=1;b=2" became "?a=1%3Bb%3D2", and a server that reads its query as written served another page or none."""
    parts = urllib.parse.urlsplit(str(url))
    kept = [item for item in parts.query.split("&")
            if not _TRACKING.match(urllib.parse.unquote_plus(item.partition("=")[0]))]
    return urllib.parse.urlunsplit(parts._replace(query="&".join(kept)))


#: A public host name: two or more labels of letters, digits and inner hyphens, the last a top-level domain of
#: letters. "http://./" and "http://127.0.0.1/" passed as a source's address.
_HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
#: Top-level domains reserved for special use (RFC 6761, RFC 7686, RFC 8375 and ICANN's ".internal"), and those
#: private networks use: no public document is published there ("https://localhost.localdomain/" passed as a
#: source's address).
SPECIAL_USE_TLDS = frozenset({"localhost", "localdomain", "local", "test", "invalid", "example", "onion", "arpa",
                              "internal", "lan", "home", "corp", "intranet", "private"})


def url_problem(url: str) -> str | None:
    """Why a source URL is not a plain http(s) address, or None. Parsed, not matched: scheme, host and port."""
    if not url.isascii():
        return ("contains a character that is not ASCII; an address is written with its host in ASCII and its path "
                "percent-encoded (a look-alike letter or full stop in a host name leads elsewhere)")
    if _URL_FORBIDDEN.search(url) or CONTROL_RE.search(url):
        return ("contains a character a URL must percent-encode (space, quote, bracket, parenthesis, backtick, "
                "angle bracket …)")
    if _BARE_PERCENT.search(url) or url.count("#") > 1:
        return ('has a "%" not followed by two hex digits, or a second "#": percent-encode it ("%25", "%23")')
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as err:
        return f"cannot be parsed as a URL ({err})"
    if parts.scheme not in ("http", "https"):
        return "is not an http(s) URL"
    if not parts.hostname or "." not in parts.hostname or parts.username or parts.password:
        return "has no host name (or carries a user name or password)"
    if not _HOST_NAME.fullmatch(parts.hostname):
        return "has no public host name (labels of letters, digits and hyphens, ending in a top-level domain)"
    if parts.hostname.rsplit(".", 1)[-1] in SPECIAL_USE_TLDS:
        return "has a host name reserved for special use or a private network, where no public document is published"
    if any(label.startswith("xn--") for label in parts.hostname.split(".")):
        return "has an internationalised (xn--) host name, which a browser shows in letters that can imitate another"
    if port is not None and port <= 0:
        return "has an impossible port"
    return None


class SiteUrlError(ValueError):
    """The site address given (`--site-url` or $CSE_SITE_URL) is not one the outputs can link from."""


def checked_site_url(given: str = "") -> str:
    """`paths.site_url` (the base of every absolute link the outputs print: ClaimReview urls, the gallery's embed
    code, the workbook's cover), checked as a source's address is (`url_problem`) and with no query or fragment, which
    the page names appended to it would fall inside. Unchecked, "example.org" (no scheme) made every ClaimReview url
    relative and "javascript:alert(1)//" a script address, without a word."""
    from analysis.paths import SITE_URL_ENV, site_url

    url = site_url(given)
    problem = url_problem(url) or ("has a query or fragment" if "?" in url or "#" in url else None) \
        or _names_a_page(url)
    if problem:
        raise SiteUrlError(f"the site address {url[:200]!r} (--site-url or ${SITE_URL_ENV}) {problem}; give the "
                           "https:// address where outputs/ is published")
    return url


#: The last part of an address that names a web page rather than a folder ("index.html", "default.aspx").
_PAGE_NAME = re.compile(r"(?i)[^/]+\.(?:html?|xhtml|shtml|php|aspx?|jsp|cfm)")


def _names_a_page(base: str) -> str | None:
    """Why a site address names a page, not the folder outputs/ is published in, or None. The address a browser
    shows for the gallery, "https://news.example.org/cse/index.html", was taken as the folder "…/index.html/":
    every ClaimReview url and every address in the embed code pointed under it, to pages and charts that are not
    there, without a word."""
    last = urllib.parse.urlsplit(base).path.rstrip("/").rsplit("/", 1)[-1]
    if _PAGE_NAME.fullmatch(last):
        return f"names a page ({last!r}), not a folder ({base[:base.rindex(last)]!r})"
    return None


def is_web_url(url: Any) -> bool:
    """Whether an output may make `url` a live link (a page, factcheck.md, the workbook): only an address the
    record accepts as a source's."""
    return isinstance(url, str) and url_problem(url) is None


def where_of(value: Any, index: int) -> str:
    """How a problem names a YAML entry: `id=<its id>`, or `entry N` when the id is missing or could garble the
    message line (a newline, a control character, hundreds of characters)."""
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) and len(str(value)) <= 120 \
            and not CONTROL_RE.search(str(value)) and "\n" not in str(value):
        return f"id={value}"
    return f"entry {index}"


def id_problem(value: Any) -> str | None:
    """Why a source, gap or inspection id is not a slug, or None."""
    if isinstance(value, str) and ID_RE.fullmatch(value):
        return None
    return "id must be lower-case letters, digits and hyphens (a hyphen neither first nor last)"


def figure_id_problem(figure_id: str, source_id: str) -> str | None:
    """Why a figure id is not `<source id>/<slug>`, or None."""
    match = FIGURE_ID_RE.fullmatch(figure_id)
    if match and match.group(1) == source_id:
        return None
    return (f"figure_id {figure_id[:80]!r} must start with the source id: '{source_id}/<slug>' (slug: a-z, 0-9, "
            "hyphens)")
