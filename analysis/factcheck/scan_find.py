"""Find the statistics printed in a sentence, and say what was left out and why.

A story is full of numbers that are not statistics: the date of a meeting, "24 hours after the deadline", the
reporter's phone number, an age in a definition. A fact-checker wants the statistics, and wants to see what was
set aside so nothing is missed silently; so every number is either a `Found` figure (read by the project's own
parser, `analysis.record.printed`, exactly as `verify` and the build read it) or a `LeftOut` with its kind.

The non-statistics are masked first (dates, times, phone numbers...), then the figure forms are matched on what
is left. Python's `re` reads every match; RE2 (`PatternSet`) says first which kinds a sentence may hold.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from analysis.factcheck.scan_text import Sentence
from analysis.record.differences import CHANGE_NOUNS as _CHANGE_NOUNS
from analysis.record.differences import NOT_MADE_UP as _NOT_MADE_UP
from analysis.record.differences import difference_named
from analysis.record.hygiene import (
    SUPERSCRIPT_DIGITS,
    is_mark,
    number_separator,
    other_numeral,
    same_length_reading,
    unread_letter,
)
from analysis.record.pattern_set import PatternSet
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.record.safeguarding import PATTERNS as PERSONAL
from analysis.record.safeguarding import PERSON_NAME, letters_read_as_digits, nhs_check_digit_holds, personal_reading
from analysis.record.vocabulary import (
    ABOUT_AFTER,
    ABOUT_WORDS_AFTER,
    AFTER_QUALIFIER,
    APOSTROPHE_DIGIT_GROUPS,
    BRACKETED_ABOUT_WORDS,
    BRACKETED_ESTIMATE_WORDS,
    CLAUSE_ENDS,
    COUNTED_WORDS,
    DENIED_BEFORE,
    FRACTIONS,
    HEADED_NUMBERS,
    HEDGED_END,
    JOINED_SCALE_WORDS,
    LETTER_DIGITS_AFTER,
    MARGIN_AFTER,
    MULTIPLES,
    NOT_A_THRESHOLD,
    NOT_QUALIFIERS,
    OPEN_END_AFTER,
    OPEN_END_WORDS_AFTER,
    OR_BEYOND,
    PER_CENT,
    PERCENTAGE_POINTS,
    QUALIFIER_SIGN_BEFORE,
    QUALIFIERS,
    RANGE_END_UNIT,
    RATE_BASE,
    RATE_BASE_WORDS,
    REFERENCE_ABBREVIATIONS,
    SCALE_WORDS,
    SHARE_JOINER,
    SPACED_DIGIT_GROUPS,
    SPACED_LETTER_SCALES,
    SPACED_SCALE_WORDS,
    UNIT_IN_BRACKETS,
    UNREAD_CURRENCY,
    UNREAD_UNIT_WORDS,
    WHOLE_BEFORE_FRACTION,
    WORD_NUMBERS,
)
from analysis.record.word_pattern import IGNORECASE_ASCII, code_runs, trie_pattern

__all__ = ["Found", "LeftOut", "find_figures", "read_ahead", "Readings", "with_whole", "whole_of_part", "share_idiom",
           "below_a_unit_heading", "counted_phrase", "head_noun", "is_verb_form",
           "change_direction", "COUNT_NOUNS", "MAX_PER_SENTENCE", "NOT_READ", "NOT_LISTED", "UNCHECKED", "UNREAD",
           "IN_A_NAME",
           "LIST_NUMBER", "SIGNED_QUALIFIER", "LOOKALIKE_LETTERS", "PERSONAL_KINDS"]


@dataclass(frozen=True)
class Found:
    """A statistic as printed in a sentence, read by the project's parser."""

    text: str  # as printed, qualifier included: "more than 1,200"
    printed: Printed
    counted: str  # the words that say what is counted, read after the number: "historic group-based CSE cases"
    sentence: Sentence
    start: int  # offset in the sentence
    derived: str  # the claim kind it looks like ("percent_change", "share", ...), "" for a plain count
    derived_because: str  # the words that made it look derived
    subject: str = ""  # the counted thing named before the number ("referrals" in "the number of referrals rose
    #                    from 1,737 in 2014 to 2,060"), read when none follows it
    head: str = ""  # the counted thing, after the number or else before it: what `scan_match` compares


@dataclass(frozen=True)
class LeftOut:
    """A number in the text that is not a statistic, and which kind of thing it is."""

    text: str
    kind: str
    sentence: Sentence


# Number words from the one vocabulary: units (1-9), teens (10-19) and tens (20-90).
_WORD_UNITS = tuple(w for w, n in WORD_NUMBERS.items() if 1 <= n <= 9)
_WORD_TEENS = tuple(w for w, n in WORD_NUMBERS.items() if 10 <= n <= 19)
_WORD_TENS = tuple(w for w, n in WORD_NUMBERS.items() if 20 <= n <= 90 and n % 10 == 0)
WORDNUM = (rf"(?:(?:{'|'.join(_WORD_TENS)})(?:[- ](?:{'|'.join(_WORD_UNITS)}))?|(?:one|a) hundred"
           rf"|{'|'.join(_WORD_TEENS)}|{'|'.join(_WORD_UNITS)})")
#: Where a number in digits starts: never inside another, after a digit and its comma or point. Looked for after a
#: word's edge only (`\b`, which every group of "1,111,111,…" starts), the duration, age, ordinal and
#: fraction-of-a-scale kinds read each group on to the run's end: 40 KB of such a run took 2 to 10 s, a megabyte
#: hours.
NUMBER_START = r"(?<!\d[,.])"
NUM = rf"{NUMBER_START}(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
_ANY = rf"(?:{NUM}|{WORDNUM})"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
#: (and their abbreviations, as a byline's reading time and a live page's stamps print them: "5 min read", "2 hrs",
#: "a 45-min interview", "10 secs": each was the count 5, 2, 45 or 10)
_TIME_UNITS = (r"(?:hours?|days?|weeks?|months?|years?|decades?|minutes?|seconds?"
               r"|mins?|hrs?|secs?|wks?|yrs?)")
#: A time printed as the 24-hour clock with a full stop ("16.26"), as a live page stamps each entry after the same
#: time in the 12-hour clock or its age ("4.26pm BST 16.26", "21m ago 16.05": the Guardian's entry stamp and its
#: absolute time). Read as the decimal 16.26, it was a figure not in the record; alone, "14.32" matched a record
#: figure "at least 10", but a lone 24-hour time with a stop is no publisher's stamp found, and a rate can print so.
_DOTTED_CLOCK = r"(?:[01]?\d|2[0-3])\.[0-5]\d"
#: The words after "N times" that make it a multiple the parser reads ("2.5 times higher", "3 times the rate").
_COMPARED = r"(?:more|higher|as|the|bigger|larger|greater|fewer|lower)\b"

#: Superscript digits ("1,200²", "56%¹", "per cent³"), as a copied report prints a footnote's mark: "1,200²" was
#: dropped without a word as a code, and "per cent¹" lost its unit.
SUPERSCRIPTS = SUPERSCRIPT_DIGITS
#: The verbs that only call ("call", "ring", "dial"), and every word a service's phone number is dialled with ("call
#: 999", "ring Childline on 0800 1111", "text 85258").
_CALLS = r"(?:call|ring|dial)"
_DIAL = rf"(?i:\b(?:{_CALLS}|phone|text|txt|contact)(?:s|ed|ing)?)"
#: … and a verb that only calls, before an article ("call the police", "ring an ambulance"): "text the" and "phone
#: the" may open a noun's phrase ("the text on page 12").
_CALL_THE = rf"(?i:\b{_CALLS}(?:s|ed|ing)?\s+(?:the|an?|your|their|our))"
_EMERGENCY = r"(?:999|101|111)"
#: (never the first group of a longer number: "Ring 07700 900 123" masked "Ring 07700" and read the count 900)
_SERVICE_NUMBER = rf"(?:{_EMERGENCY}|112|116\s?\d{{3}}|\d{{5}})\b(?![.,]\d|\s\d)"
_EMERGENCY_CALL = (rf"(?i:\ban?\s+{_EMERGENCY}\s+call\b|(?<![\w£.,-])999\s+calls\b"
                   rf"|\bcalls?\s+to\s+{_EMERGENCY}\b(?![.,]\d)"
                   # (and before the reference a police appeal asks for, "call 101 quoting CAD 1234/14Mar17")
                   rf"|(?<![\w£.,-]){_EMERGENCY}(?=\s+quoting\b))")

#: The law reports and courts a citation names after its year ("[2017] EWCA Crim 1234", "[2017] 1 WLR 123").
_LAW_REPORTS = (r"(?:UKSC|UKHL|UKPC|EWCA\s(?:Crim|Civ)|EWHC|EWCOP|EWFC|UKUT|UKFTT|UKEAT|CSIH|CSOH|HCJAC|NICA|NIQB"
                r"|NICC|WLR|All\sER(?:\s\(D\))?|AC|QB|KB|Ch|Fam|FLR|FCR|Cr\sApp\sR(?:\s\(S\))?|Crim\sLR|ICR|IRLR"
                r"|EMLR|UKHRR|HRLR|BMLR|CCLR|ELR|HLR|LGR|PTSR)")
#: A citation, whose numbers name a law, a case, a paper or a file and count nothing, as judgments, reports'
#: references, police appeals and FOI replies print them. Each was read as a count not in the record, "about" a
#: figure or a range to check by hand (exit 1):
CITATION = re.compile(
    # a court's neutral citation or a law report's, "[2017] EWCA Crim 1234", "[2019] EWHC 2345 (Fam)", "[2017] 1 WLR
    # 123" (the counts 1,234, 2,345, 1 and 123)
    rf"[\[(](?:19|20)\d{{2}}[\])]\s(?:\d{{1,2}}\s)?{_LAW_REPORTS}\s\d{{1,5}}"
    r"(?:\s\((?:Fam|QB|KB|Ch|Admin|Comm|TCC|Pat|IPEC|Crim|Civ)\))?"
    # an Act's chapter, "Sexual Offences Act 2003 (c. 42)" ("about 42"), and a statutory instrument's number, "SI
    # 2017/1234"
    r"|\bAct\s(?:19|20)\d{2},?\s\(?c\.\s?\d{1,3}\)?(?![,.]\d)|\bS\.?I\.?\s(?:No\.?\s)?(?:19|20)\d{2}/\d{1,4}\b"
    # a paper's DOI and its volume, issue and pages, "12(3), 45–67", "9(2): 101–115", "67, 123-134. doi:…" (the
    # count 10.1016 of "doi:10.1016/…", the counts 12 and 9, and three ranges)
    r"|(?i:\bdoi:\s?)?\b10\.\d{4,9}/[^\s<>\"]+"
    r"|\b\d{1,4}\s?\(\d{1,4}(?:[-\u2013]\d{1,4})?\)\s?[:,]\s?(?:pp?\.\s?)?\d{1,6}(?:\s?[-\u2013]\s?\d{1,6})?\b"
    r"|\b\d{1,4},\s(?:pp?\.\s?)?\d{1,6}\s?[-\u2013]\s?\d{1,6}(?=\.?\s+(?i:doi\b|https?://(?:dx\.)?doi\.org/))"
    # an indictment's counts named, "guilty on count 7", "cleared of counts 1, 3 and 6", "counts 2 to 5" (counts, and
    # a range to check by hand); "convicted of 22 counts" counts them
    r"|(?i:\b(?:on|of|under)\scounts?\s)\d{1,3}(?:(?:,\s|\s?-\s?|\s(?:to|and|&)\s)\d{1,3}\b)*+(?![,.]\d)"
    # a number in an official series, "Home Office Statistical Bulletin 09/17", "HOSB 05/17", "Circular 012/2017",
    # "PSI 16/2012", "Press release 123/17" (a fraction to check by hand, or the counts 16 and 23)
    r"|(?i:\b(?:bulletin|circular|notice|instruction|release)\s(?:no\.?\s?)?)\d{1,4}/\d{2,4}\b"
    r"|\b(?:HOSB|PSI|PSO)\s?\d{1,4}(?:/\d{2,4})?\b"
    # a reader's place in an e-book, "Location 1234-1236", as a Kindle's clippings print it (a range)
    r"|\bLocations?\s\d{1,6}(?:-\d{1,6})?\b"
    # the file a police appeal or an FOI reply names, "quoting CAD 1234/14Mar17", "Reference No: 01.FOI.17.012345"
    r"|\bCAD\s?\d{1,5}/\d{1,2}[A-Za-z]{3}\d{2,4}\b"
    # (and a request's, a case's or an incident's number, "Request number: 2017/123", "crime number 01/12345/17")
    r"|(?i:\b(?:(?:reference|ref)\.?(?:\s(?:number|no\.?))?|(?:request|case|crime|incident|complaint|log)"
    r"\s(?:number|no\.?))(?::\s?|\s))(?=[\w/.-]*\d)[A-Za-z0-9][\w/.-]*(?!,\d)")

#: The types of file a page names before a link's size ("PDF, 1.2 MB").
_FILE_TYPES = r"(?-i:PDF|ODS|ODT|ODP|CSV|XLSX?|DOCX?|PPTX?|RTF|TXT|ZIP|HTML)"

#: Digits inside a name or a code ("COVID-19", "the M25", "Q3", "5G", "FY24", "the 2020s"): no statistic.
IN_A_NAME = "number inside a name or a code"
#: … and a number in words of more than one part, which the parser does not read.
NUMBER_IN_WORDS = "number in words of more than one part"
#: … a fraction in words the parser does not read, and a rate whose base is printed with a scale, in words or before
#: the rate.
FRACTION_IN_WORDS = "fraction in words no figure form reads"
RATE_BASE_UNREAD = "rate whose base is printed with a scale, in words or before it"
_SCALE = r"(?:hundred|thousand|million|billion)"

#: A kind of number left out: digit groups parted by apostrophes.
APOSTROPHE_GROUPS = "number with apostrophes between its digit groups"
#: … and one in scientific notation.
SCIENTIFIC = "number in scientific notation"
#: … and one printed with a plus sign, or a margin's "+/-", before it.
SIGNED_NUMBER = "number with a plus sign"
#: … and an average: a figure of another measure than the count or share it is printed as.
AVERAGE = "average, median or mean"
#: … and numbers after a heading that gives their unit in brackets ("Referrals (thousands): 1.2, 1.5").
HEADED_UNIT = "list of numbers whose unit is printed in a heading"
#: … and a target, a forecast or a hypothetical figure: what is aimed at or may come, not what happened.
FORECAST = "target, forecast or hypothetical figure"
#: … and a number whose unit is printed with the percentage before it ("56 per cent and boys 44").
UNIT_BEFORE = "number whose unit is printed with the figure before it"
#: … and a figure printed after "not" ("not 1,200 but 1,300", "not one child") or "nowhere near": one the sentence
#: denies.
DENIED = "number the sentence denies"
#: … and a figure an excerpt's ellipsis cut off before its unit or scale ("56 per …", "£1.2 […]").
CUT_SHORT = "number whose unit or scale an ellipsis cut off"
#: What a correction says was wrong ("An earlier version of this article", "This story previously said").
_CORRECTED = (r"(?:article|story|report|piece|post|page|graphic|chart|table|headline|caption|video|episode|blog"
              r"|live\s+blog|entry|update|newsletter)")
#: … and an earlier text of it a correction names alone ("An earlier version said …", "an earlier post in this blog
#: put the figure at 618", as a live page corrects an entry), and a writer saying so in the first person ("We said
#: earlier that …", "we wrongly reported …"): each withdrawn figure was read as the article's, "in the record" where
#: the record holds it.
_SAID = r"(?:said|reported|wrote|stated|put|gave|suggested|claimed)"
_EARLIER_TEXT = (rf"(?:version(?=\s+(?:(?:had|has)\s+)?{_SAID}\b)|(?:version|post|entry|update)\s+(?:in|of|on)\s+this"
                 rf"\s+{_CORRECTED})")
_WRONGLY = r"(?:previously|originally|earlier|wrongly|incorrectly|mistakenly|erroneously)"
#: The verbs that deny or dispute what follows them ("denied that 1,200…", "disputed the 1,200 figure").
_DENIES = r"(?:den(?:ied|ies|y|ying)|(?:reject|refut|disput|contest)(?:ed|es|e|s|ing)?)"
#: The words a clause may hold between what denies a figure and the figure ("that the Met recorded 922"): no digit,
#: no stop, no comma (after one, "denied the claim, saying 1,200 were reviewed" states 1,200), at most 60 characters.
_SAME_CLAUSE = r"(?:[^\d.,;:!?()\x00]{0,60}?\s)??"
#: The verbs a denied figure is taken by ("did not record 922", "never found 1,200"); not the verbs of passing or
#: nearing, whose "not exceed 1,200" is a bound (`QUALIFIERS`).
_DENIED_VERB = (r"(?:record|log|find|see|show|identify|receive|investigate"
                r"|charge|arrest|convict|examine|review|audit|have|get|make)(?:s|ed|ing)?"
                r"|found|saw|seen|had|got|made")
#: … and a range whose ends are fractions in words ("between a quarter and a third").
FRACTION_RANGE = "range of fractions in words"
#: … and the level of a confidence interval ("95% CI"): a property of the interval, no statistic.
CONFIDENCE_LEVEL = "confidence level"
#: The qualifiers that start with "not" ("not more than", "not quite"): a figure after one is read with it.
_NOT_QUALIFIERS = NOT_QUALIFIERS
#: The verbs a qualifier's words also end as a particle ("revised up to 1,300", "went up to 1,300" name the level
#: reached; "handed over 1,200 images", "carried over 1,200 cases" the number handed): read as "at most 1,300" and
#: "more than 1,200". Not "took over" or "went over": "took over 12 months" is more.
_PARTICLE_VERBS = {
    "up to": ("went", "gone", "go", "goes", "going", "revised", "shot", "jumped", "rose", "risen", "climbed",
              "moved", "pushed", "ramped", "stepped", "crept", "edged", "soared", "creeping", "edging", "moving"),
    "over": ("hand", "hands", "handed", "handing", "sign", "signs", "signed", "signing", "carried", "carry",
             "carrying", "pored", "poring", "looked", "looking", "fought", "fighting", "turned", "turning", "mulled"),
}


def _qualifier_pattern(phrase: str) -> str:
    """One printed qualifier as the figure forms read it: not after a verb whose particle its words are."""
    # (each lookbehind after the words, holding them: tried only where the words are, not at every figure)
    words = re.escape(phrase)
    return words + "".join(rf"(?<!\b{verb} {words})" for verb in _PARTICLE_VERBS.get(phrase, ()))


#: Where a figure's sign, unit or scale ends, as a plain digit written on to it is a note's mark (pdftotext prints a
#: superscript "³" as "3"): "56%3", "56 per cent3" or "per cent.3", "1.2 million3", "£1.2m3", "£12bn3". An "m" alone
#: only after "£" and digits or a decimal ("1,200m3" may be cubic metres).
#: (Matched, not looked behind at: the kind blanks only its `mark`, `_blanked_span`.)
_NOTE_AFTER_UNIT = (r"(?:%|cent|million|billion|thousand|(?<=\d)bn|(?<=£\d)m|(?<=£\d\d)m|(?<=£\d\d\d)m|(?<=\.\d)m"
                    r"|(?<=\.\d\d)m)\.?")
#: A verb of aim, and the verbs after "to" that make the figure after them one aimed at, pledged or vowed ("aims to
#: recruit 1,200", "pledged to hire 500", "vowed to find £5m").
_INTENDS = trie_pattern(sorted((
    "aim", "aims", "aiming", "aimed", "plan", "plans", "planning", "planned", "hope", "hopes", "hoping", "hoped",
    "want", "wants", "wanting", "wanted", "intend", "intends", "intending", "intended")))
_INTENDED = trie_pattern(sorted((
    "recruit", "hire", "train", "employ", "appoint", "add", "create", "fund", "spend", "invest", "raise", "save", "cut",
    "reduce", "bring", "get", "achieve", "deliver", "build", "open", "see", "help", "reach", "support", "protect",
    "prosecute", "charge", "arrest", "identify", "safeguard", "provide", "find", "halve")))
#: … and what a forecast says will be done to the things it counts ("expected to record 922 crimes").
_TO_BE_DONE = trie_pattern(sorted((
    "record", "log", "receive", "investigate", "handle", "examine", "review", "assess", "refer", "report", "flag",
    "identify", "convict", "jail", "solve", "treat", "house", "place")))
#: The numbers of one or more notes ("1", "3 and 4", "3, 4", "3-5").
_NOTE_NUMBERS = r"\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*"
#: Any printed qualifier, longest first, as the figure forms read one before a figure.
_QUAL = "|".join(_qualifier_pattern(q) for q in sorted(QUALIFIERS, key=len, reverse=True))

#: A per-cent sign after a number, as the parser reads one ("56%", "56 per cent", "56-per-cent", "56 percent"; "pc" only
#: close up, in `_FORMS`: "56 PCs" are police constables).
PER_CENT_SIGN = r"(?:\s|-)?(?:%|per[ -]?cent)"

#: What makes a figure open-ended when printed after it: "+", "-plus", "and over"; and "or more", except after a
#: number up to ten, a definition's threshold ("two or more suspects", below).
OPEN_END = rf"(?:{OPEN_END_AFTER}|{OPEN_END_WORDS_AFTER})"
#: Not a number up to ten, which before "or more" is a definition's threshold ("two or more suspects").
_NOT_A_THRESHOLD = NOT_A_THRESHOLD
#: The words a figure counts, printed between it and a qualifier that ends the clause ("1,200 cases or more.",
#: "1,200 children at the very least,", "1,200 victims, if not more."): up to three words of letters; where the
#: clause ends: a stop, a bracket, the end, or its verb ("1,200 cases or more were found"). The quote check reads
#: them alike (`vocabulary`).
_COUNTED_WORDS, _CLAUSE_ENDS = COUNTED_WORDS, CLAUSE_ENDS
_FIGURE_UNIT = rf"£?{NUM}(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN}|\s(?:{SPACED_SCALE_WORDS})\b)?"
#: An end of a range in words, its scale word spaced or joined ("between 2 and 3 million", "between £1m and £2m").
#: A fraction in words, as an end of a range ("between a quarter and a third").
_FRACTION_WORDS = trie_pattern(sorted(FRACTIONS))
_RANGE_END = rf"£?{NUM}(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN}|\s(?:{SPACED_SCALE_WORDS}))?"


#: Left-out kinds a reader reads through, blanked as spaces, not as a stop: "9,000[1] children at risk" counts
#: children at risk as "9,000 children at risk" does.
READ_THROUGH = frozenset({"note mark"})

#: The words before a reference's number ("section 47", "page 12", "pp. 3", "recommendation 4").
_REFERENCE_WORDS = sorted((
    "section", "para", "paras", "paragraph", "paragraphs", "page", "chapter", "table", "figure", "annex",
    "appendix", "part", "article", "clause", "recommendation", "step", "vol", "volume", "issue", "operation",
    *REFERENCE_ABBREVIATIONS, "question", "schedule", "rule", "episode", "season", "round", "level", "tier", "grade",
    # (a report's charts, boxes and notes, and the abbreviations with their stop, "see Chart 2.1", "Fig. 3", "footnote
    # 14", "para. 4.12", "Annexe 3": read as the counts 2.1, 3, 14, 4.12 and 3)
    "chart", "fig", "graph", "box", "map", "exhibit", "diagram", "footnote", "annexe",
    # (Hansard's columns, "Column 457" as its pages print them; a survey's wave and an inquiry's phase, "in wave 3
    # of the survey": read as the counts 457, 3)
    "column", "columns", "col", "cols", "wave", "phase", "regulation"))
#: The plural words before the numbers of several references ("pages 4-5", "pp. 12–13", "Tables 2 and 3").
_REFERENCE_PLURALS = sorted(("pages", "pp", "pp.", "paras", "paras.", "paragraphs", "sections", "chapters", "tables",
                             "charts", "figs.", "annexes", "appendices", "recommendations", "columns", "cols",
                             "cc.", "questions", "clauses", "articles", "steps", "volumes", "issues", "episodes",
                             "ss.", "regs.", "rr.", "regulations"))
#: A reference's number, with its sections ("3.1.2").
_REFERENCE_NUMBER = r"\d{1,4}(?:\.\d{1,3})*"
#: The verbs after which "X to Y" is a range, not a change ("were 1,200 to 1,400", "cost £1.2m to £1.5m"): each as
#: a lookbehind of its own length. So are "from X to Y" after a verb that gives bounds ("ranged from 1,200 to 1,300",
#: "anywhere from": two exact figures), where "rose from" ends a change. (`range` puts a lookahead
#: for every alternative's first character, so the lookbehinds are tried at a digit, "£" or "b" only: the rule
#: took six times as long without it.)
_STATES_AN_AMOUNT = "|".join(rf"(?<=\b{verb} )" for verb in (
    "were", "was", "are", "is", "be", "been", "cost", "costs", "costing", "numbered", "number", "totalled", "total",
    # (and a verb whose object is the amount, "Police found 1,200 to 1,300 cases", "received 1,200 to 1,300
    # referrals": the exact 1,200 and 1,300)
    "found", "finds", "identified", "identifies", "recorded", "records", "received", "receives", "reported",
    "reports", "involved", "involving", "affected", "affecting", "estimated", "estimates", "estimate", "saw", "sees",
    "had", "has", "have", "counted", "counts", "numbering", "totalling", "including", "included", "includes",
    *(f"{verb} from" for verb in ("ranged", "ranging", "ranges", "range", "varied", "varying", "varies", "vary",
                                  "anywhere")),
    # (and the words that name an interval, "95% CI 1,100 to 1,300", "a range of 1,200 to 1,500": two exact figures)
    "ci", "ci:", "interval", "interval:", "interval of", "intervals", "limits", "limits:", "range", "range:",
    "range of"))
#: Nouns that make a number in words a count ("six boroughs"); other number words ("in one viral exchange") are
#: set aside. Stems: "investigation" covers "investigations".
COUNT_NOUNS = ("case", "child", "girl", "boy", "young", "people", "person", "victim", "survivor", "suspect",
               "offender", "perpetrator", "men", "women", "investigation", "arrest", "charge", "conviction",
               "prosecution", "referral", "report", "offence", "crime", "incident", "borough", "force", "council",
               "authorit", "officer", "detective", "recommendation", "cause", "area", "inquir", "review", "file",
               "allegation", "famil", "school", "home", "operation", "team", "gang", "group", "network", "agenc",
               "local", "region", "inspection", "audit", "sample", "record", "flag", "syndicate",
               "adult",
               # (and the things the record's own units count: "13,860 assessments identified child sexual
               # exploitation" counted "child", and was "not in the record" where the DfE's 13,860 assessments are)
               "assessment", "caution", "device", "premises", "session")
#: The words of an estimate that may open a range ("about 1,200 to 1,300"), and their first letters.
_RANGE_ESTIMATE = r"(?:about|around|approximately|roughly|some|an\s+estimated|estimated|circa)"
_RANGE_ESTIMATE_FIRST = "aresc"
#: The words of a hedge before a range's second end ("between 1,200 and perhaps 1,400", "to as many as 1,400").
_HEDGED_END = HEDGED_END
#: A figure whose qualifier is printed as a sign or after it ("~1,200", "1,200-odd"): no figure form reads one.
SIGNED_QUALIFIER = "number with a qualifier no figure form reads"

#: A post's number in a thread ("1/", "(2/5)", `THREAD_NUMBER` in LEFT_OUT).
THREAD_NUMBER = "post's number in a thread"

#: A list's number ("1.", "2)", "(3)") at the start of a paragraph's first sentence (`scan_text` looks for it there
#: only: "There were 5. Then 6." ends two sentences with figures).
LIST_NUMBER = "list number"

#: A number in words with a fraction of a scale ("a quarter of a million"): no figure form reads one.
SCALE_IN_WORDS = "fraction of a million, billion or thousand"

#: A day of a month, as a date prints it ("16", "16th").
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
#: The people a court report gives an age beside: a victim, a witness, a defendant, a child.
_PERSON_NOUN = (r"(?:girl|boy|child|victim|teenager|teen|complainant|survivor|daughter|son|pupil|schoolgirl"
                r"|schoolboy|youngster|woman|man|defendant|sister|brother|mother|father)")
#: A person a court report keeps anonymous by a letter or a number ("Child A", "Girl B", "Victim 2", "Witness 12").
_ANONYMOUS = r"\b(?:Child|Girl|Boy|Victim|Witness|Complainant|Person|Defendant|Suspect)"
_ANONYMISED_NUMBER = rf"{_ANONYMOUS}\s\d{{1,2}}\b"
_ANONYMISED = rf"(?:{_ANONYMOUS}\s+[A-Z]\b|{_ANONYMISED_NUMBER})"

#: Kinds of number that are not statistics, in the order they are masked (the longest, most certain forms first).
LEFT_OUT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("URL", re.compile(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.IGNORECASE)),
    ("e-mail address", PERSONAL["an e-mail address"]),
    ("phone number", re.compile(r"\+\d[\d\s()-]{8,}\d|" + PERSONAL["a phone number"].pattern
                                # a number with a leading 0 and a group after it, however short ("0800 1111"), and
                                # a service's number after the word that dials it ("call 999", "text 85258"): the
                                # 1111, the 999 and the 85258 were read as counts
                                + r"|(?<![\w.,£])(?<!\d\s)0[1-9]\d{1,3}[ -]\d{3,4}(?:[ -]\d{3,4})?\b(?![.,]\d| \d)"
                                # (or the word texted to it, "text SHOUT to 85258", as Shout's line is printed
                                # under stories of abuse: the count 85,258)
                                + rf"|{_DIAL}\s(?:(?:[A-Z][\w'-]*\s){{1,3}}(?:on|to)\s)?{_SERVICE_NUMBER}"
                                + rf"(?:,?\sor\s{_SERVICE_NUMBER})?"
                                # (and after the words for who answers, "call police on 101", "contact officers
                                # via 101", as every police appeal prints it: the count 101; not "contacted
                                # families on 111 occasions")
                                + rf"|{_DIAL}\s(?:[a-z][\w'-]*\s){{1,3}}(?:on|via)\s{_SERVICE_NUMBER}"
                                + r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:quoting|or|and)\b)"
                                # (and what is called, after an article: "call the police on 999", "ring an
                                # ambulance on 999": each 999 was a count)
                                + rf"|{_CALL_THE}\s(?:[A-Za-z][\w'-]*\s){{1,3}}on\s{_SERVICE_NUMBER}"
                                # and the emergency numbers as the calls' name ("a 999 call", "999 calls", "calls
                                # to 101"): each 999 was the count 999
                                + rf"|{_EMERGENCY_CALL}")),
    ("postcode", PERSONAL["a UK postcode"]),
    # Ten digits printed 3-3-4 ("943 476 5919") with a valid check digit (`CHECKED`), as the record finds one: scan
    # read one as the three figures 943, 476 and 5,919.
    ("NHS number", PERSONAL["an NHS number"]),
    # A citation of a law, a case, a paper or a police or FOI file (`CITATION`), before the years, dates and
    # phone numbers in it are masked.
    ("reference number", CITATION),
    # A file's size and length, as a page lists what it links to: "PDF, 1.18 MB, 80 pages" and "ODS, 56.7 KB" (GOV.UK's
    # attachment component, under every publication's documents), "(PDF, 123K)" (WhatDoTheyKnow's attachments): the
    # counts 80, 56.7 and 123,000, not in the record (exit 1).
    ("file size", re.compile(rf"(?:(?<![\w£.,-])\d+(?:\.\d+)?\s?(?-i:[KMG]B|kB|[KMG]iB)\b|\b{_FILE_TYPES}"
                             r"(?:\s+file)?,\s*\d+(?:\.\d+)?\s?(?-i:[KMG])\b)(?:,\s*\d{1,4}\s+pages?\b)?"
                             rf"|\b{_FILE_TYPES}(?:\s+file)?,\s*\d{{1,4}}\s+pages?\b")),
    ("article id", re.compile(r"(?<![\w,.])\d+-\d{5,}\b|(?<![\w,.])\d{6,}\b")),
    # Numbers after a heading that gives their unit or scale in brackets, as a flattened table prints them
    # ("Referrals (thousands): 1.2, 1.5, 1.8", "Cost (£m): 1.2 in 2019"): read as the counts 1.2, 1.5 and 1.8, a
    # thousand times too small. The rest of the sentence is listed, to check by hand.
    # (and with a table's row after it, no colon between, "Referrals (thousands) 2019 1.2")
    (HEADED_UNIT, re.compile(rf"{HEADED_NUMBERS}(?s:.*)", re.IGNORECASE)),
    # (not from inside a number, "1,2:00" (a full-width colon read as ":"): its "2:00" was a time and the count 1
    # read)
    # (with its seconds, and their fraction, as a chat export, a log or a subtitle file prints a time:
    # "[12/03/2024, 10:32:15] Jane Doe:", "00:01:02,500 -->": the seconds were the count 15)
    # (and a live page's relative stamps, "13m ago", "2h ago", "5 mins ago", and a span of hours and minutes, "2h
    # 15m": "13m" was 13 million and "15m" 15 million, "5 mins" the count 5)
    ("time", re.compile(r"(?<![\d,.])(?:\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|UTC)\b"
                        r"|\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{3})?)?\b|\b\d{1,2}\s?(?:am|pm)\b"
                        rf"|(?:(?<=GMT )|(?<=BST )|(?<=UTC )|(?<=am )|(?<=pm )|(?<=ago )){_DOTTED_CLOCK}\b"
                        # (not a figure's unit after it: "At 4.26pm BST 16.26 per cent of cases")
                        r"(?![.,]\d|\s?(?:%|per\b|percent\b|pc\b|times\b|(?:m|bn|k|million|billion|thousand)\b))"
                        r"|(?<![\w£$€])\d{1,3}\s?(?:[smhdw]|mins?|minutes?|hrs?|hours?|secs?|seconds?|days?)\s+ago\b"
                        r"|\b\d{1,2}h\s?\d{1,2}m(?:in)?\b)", re.IGNORECASE)),
    # (and the days of a span or a list, "16-17 October", "between 16 and 18 October", "from 16 to 18 October",
    # "on 16, 17 and 18 October", "October 16-17", as a hearing's or an event's dates are printed: the first day
    # was the count 16, and "-17" of "October 16-17" a negative number not read)
    ("date", re.compile(rf"\b(?:{_DAY}(?:\s?-\s?|\s+(?:and|to|or|until|till|&)\s+|,\s*(?:and\s+)?)){{1,6}}"
                        rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
                        rf"|\b{_MONTH}\s+{_DAY}\s?-\s?{_DAY}\b(?![.,]\d|{PER_CENT_SIGN}|-?pc\b)(?:,?\s+\d{{4}}\b)?"
                        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
                        # (not a month before a figure, "In May 1,200 cases", "In June 12% of cases": "May 1" was
                        # a date and ",200" unread, "June 12" a date and the 12% gone)
                        rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]\d|{PER_CENT_SIGN}|-?pc\b)"
                        rf"(?:,?\s+\d{{4}}\b)?"
                        rf"|\b{_MONTH},?\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
                        # (and day-month-year with hyphens or full stops, "12-03-2019", "12.03.2019": the first
                        # was the count 12, its "03" listed)
                        r"|\b\d{1,2}-\d{1,2}-(?:19|20)\d{2}\b(?![-.,]\d)|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b(?![-.,]\d)")),
    # (a period before a comma is one: "in 2014-15, down 7%" left out "2014" alone, and its "15" unread)
    # (and a financial year, "FY2023/24": its "24" was listed as a number no form reads)
    ("year", re.compile(r"\b(?:(?-i:FY)\s?)?(?:19|20)\d{2}\s?[/–-]\s?(?:\d{2}|(?:19|20)\d{2})\b(?!\d|,\d)"
                        rf"|(?<![\d,.£])\b(?:19|20)\d{{2}}\b(?![\d]|[,.]\d|{PER_CENT_SIGN})")),
    # (with a hyphen left hanging, "16- and 17-year-olds" and "aged 16- to 17": the 16 and the 17 were counts)
    # A person's age in commas after their name, as a court report prints it ("Jane Doe, 34, of Anytown, was jailed",
    # "Jim Poe, 29, both of Anytown", "Jane Doe, 34, was sentenced"): each age a count not in the record. Only before
    # where they are from or what a court did: "Tower Hamlets, 34, and Hackney, 29" lists counts.
    # (and in brackets before what the court did, "Jane Doe (34) denied the charges"; not "West Yorkshire (14)")
    ("age", re.compile(rf"(?:{PERSON_NAME})(?:,\s*(?:aged\s+)?\d{{1,2}},|\s*\(\s*\d{{1,2}}\s*\))\s+"
                       r"(?=(?:both\s+|all\s+)?(?:of|from)\s+[A-Z]"
                       rf"|and\s+(?:{PERSON_NAME}),\s*(?:aged\s+)?\d{{1,2}},\s+(?:both|all)\s+(?:of|from)\s+[A-Z]"
                       r"|(?:was|were|is|are|has\s+been|had\s+been)\s+(?:jailed|sentenced|convicted|charged|cleared"
                       r"|acquitted|found|remanded|bailed|arrested|ordered)\b|(?:denies|denied|admits|admitted"
                       r"|pleaded|appeared|appears)\b)"
                       # A victim's or a witness's age as a court report gives it beside the person, in commas or
                       # dashes ("The girl, 13, was groomed", "Child A, then 13, was …", "The victim, now 25,
                       # said …", "the girl – then only 13 – was …"): each a count not in the record. A noun for a
                       # person or an anonymised label, not a name: "Tower Hamlets, 34, and …" lists counts.
                       rf"|(?:{_ANONYMISED}|\b(?i:{_PERSON_NOUN})s?)(?:,|\s[–—-])\s*"
                       # (and a list of them, "The victims, aged 13, 14 and 15, were …": the counts 14 and 15)
                       r"(?:(?i:then|now|aged)\s+)?(?:(?i:only|just)\s+)?\d{1,2}(?:,\s?\d{1,2})*"
                       r"(?:,?\s+(?:and|or)\s+\d{1,2})?(?=\s*[,–—)]|\s-\s)")),
    # An age in a sentence about a person ("She was 14 when the abuse began", "the girl, who was 13 at the time,",
    # "When she was 12 she was groomed", "a girl of 13", "At 14, she was trafficked", "aged just 13"): read as
    # counts, and 14 "in the record", consistent with "at least 10" syndicates. Only before what ends the clause or
    # says when: "he was 12 times more likely" is a multiple, "victims of 12 men" a count.
    ("age", re.compile(rf"(?:\b(?:she|he|I|{_PERSON_NOUN})\s+|(?-i:{_ANONYMISED})\s+)(?:was|is|had\s+been)\s+"
                       r"(?:(?:only|just|then|still|barely|aged|now)\s+){0,2}\d{1,2}"
                       r"(?=\s*(?:[.,;:!?)–—]|$)|\s+(?:when|at\s+the\s+time|and|years?\s+old|at\s+the|before|after"
                       r"|as|while|then|or|she|he|I|they)\b)"
                       r"|\bwho\s+(?:was|were)\s+"
                       # (and two, "the girls, who were 13 and 14 at the time": the count 14)
                       r"(?:(?:only|just|then|still|barely|aged|now)\s+){0,2}\d{1,2}(?:\s+(?:and|or)\s+\d{1,2})?"
                       r"(?=\s*(?:[.,;:!?)–—]|$)|\s+(?:when|at\s+the\s+time|and|years?\s+old|at\s+the|before|after"
                       r"|as|while|then|or|she|he|I|they)\b)"
                       rf"|\b{_PERSON_NOUN}s?\s+of\s+(?:(?:only|just)\s+)?\d{{1,2}}(?:\s+(?:and|or|to)\s+\d{{1,2}})?"
                       r"(?=\s*(?:[.,;:!?)–—]|$)|\s+(?:was|were|is|are|who|had|has|years?\s+old)\b)"
                       r"|\bat\s+(?:(?:only|just|age)\s+)?\d{1,2},\s+"
                       r"(?=(?:she|he|I|they|the\s+(?:girl|boy|child|victim))\b)",
                       re.IGNORECASE)),
    # (and "aged just 13": the count 13)
    # (and a list of ages, "aged 13, 14 and 15": the counts 14 and 15, "in the record" as the Met's 14 syndicates)
    ("age", re.compile(rf"\baged?\s+(?:\d{{1,2}}|{WORDNUM})(?:,\s?(?:\d{{1,2}}|{WORDNUM}))+,?\s+(?:and|or)\s+"
                       rf"(?:\d{{1,2}}|{WORDNUM})\b"
                       rf"|\baged?\s+(?:(?:under|over|between|from)\s+)?(?:(?:just|only|barely)\s+)?"
                       rf"(?:\d{{1,2}}|{WORDNUM})"
                       rf"(?:-?\s?(?:-|–|to|and)\s?(?:\d{{1,2}}|{WORDNUM}))?\b"
                       rf"|\b{_ANY}(?:\s?(?:-|–|to)\s?{_ANY}|-\s(?:and|or|to)\s{_ANY})?[- ]years?[- ]olds?\b"
                       # (not "under 56%": a share, dropped without a word)
                       rf"|\b(?:under|over)[- ]\d{{1,2}}s\b|\bunder[- ]\d{{1,2}}\b(?!,\d|\.\d|{PER_CENT_SIGN}|pc\b)"
                       rf"(?!\s+(?:cases|per))"
                       rf"|\bas (?:young|old) as {_ANY}\b|\b(?:younger|older) than {_ANY}\b(?!\s+(?:cases|per))"
                       rf"|\b(?:before|after|at|by|from|over|under|reached|reaching) the age of {_ANY}\b"
                       rf"|\b(?:turned|turning|turns) {_ANY}\b"
                       # (and "before 18", "before they were 16", as the ONS's findings are retold: "sexually abused
                       # before 18, the ONS found" gave the count 18, "in the record" as the "at least 10"
                       # syndicates; not "before 12 men were charged")
                       rf"|\bbefore\s+(?:(?:they|he|she|I|you|we)\s+(?:were|was|are|is|turned|turn|reached|reach)\s+)?"
                       r"\d{1,2}(?![\w%]|[,.]\d)(?=\s*(?:[.,;:!?)–—]|$)|\s+(?:and|or|in|at|when|while|the|years?)\b)",
                       re.IGNORECASE)),
    # An average ("an average of 12 children a day", "on average 1,200", "a median of 14"): read as the count or
    # share, where the record holds none and a count of the same value is another measure. Checked by hand.
    (AVERAGE, re.compile(rf"\b(?:(?:an?|the)\s+)?(?:average|mean|median)\s+(?:of\s+)?{_FIGURE_UNIT}(?![\w%]|[.,]\d)"
                         rf"|\bon\s+average,?\s+{_FIGURE_UNIT}(?![\w%]|[.,]\d)"
                         rf"|(?<![\w£.,-]){_FIGURE_UNIT}{_COUNTED_WORDS}?,?\s+on\s+average\b", re.IGNORECASE)),
    # (both ends of "10 to 12 hours", "two or three days": the first was the count 10)
    # (and with its half, "jailed for 12-and-a-half years", "12 and a half years", as court reports print a
    # sentence: the count 12)
    ("duration", re.compile(rf"\b{_ANY}(?:-{NUM}|\s+(?:to|or)\s+{_ANY})?(?:[- ]and[- ]a[- ]half)?[- ]{_TIME_UNITS}\b",
                            re.IGNORECASE)),
    # Numbers in a phrase that counts nothing ("open 24/7", "24-7 support", "a 9-to-5 job"), before the ranges and
    # fractions they would read as.
    ("idiom", re.compile(r"\b(?:24\s?[/-]\s?7|9-to-5)\b", re.IGNORECASE)),
    # A page's number after a contents list's leaders ("Introduction ........ 3", "Annex A . . . . 45"): read as the
    # counts 3 and 45. Five dots at least ("……" is read as six): "rose... 12 forces"
    # is an ellipsis, and "rose…. 12" one and a stop.
    # (tried at a run's first character only, and never given back: a run of 10,000 dots took 2 s, its square)
    ("page number in a list of contents", re.compile(r"(?:(?<![.])(?<!\. )(?:\.[ ]?){5,}+|(?<!_)_{3,}+)[ ]*\d{1,4}\b"
                                                     r"(?![,.]\d|%)")),
    # A confidence level before its interval ("95% CI", "95 per cent confidence interval"): read as the share 95%, a
    # figure no one stated. The interval after it is a range.
    (CONFIDENCE_LEVEL, re.compile(rf"(?<![\w£.,-])\d{{2}}(?:\.\d+)?{PER_CENT_SIGN}"
                                  r"(?=\s+(?:(?-i:CI)|C\.I\.|confidence|credible|uncertainty)\b)", re.IGNORECASE)),
    # Two numbers joined by a dash, a range: no one figure the parser reads. Its first end was read as a figure
    # and its second dropped without a word: "10–20% of cases" gave the count 10, "1,200-1,500 cases" 1,200.
    # (Dashes of every kind are read as "-" here; a period, an age or a phone number is masked before.)
    # Either end may carry its unit: "10%–20%" and "56%-60%" were read as the figure 10%.
    # (a dash spaced on both sides too, "1,200 – 1,500 cases": the two ends were read as exact figures;
    # a dash spaced as an aside between two figures is listed as a range, never read as one)
    # (and "1,200-to-1,300": its 1,200 was read and its 1,300 dropped)
    # (and "to" after a verb that states an amount, "cost £1.2m to £1.5m", "were 1,200 to 1,400": two exact
    # figures; after "from", "by" or "rose", "to" ends a change, "rose from 618 to 922")
    # (and "to" opening the sentence or after an estimate's word there or after such a verb, "About 1,200 to 1,300
    # cases were found", "were around 1,200 to 1,300": "about 1,200" and the exact 1,300; the
    # first character's lookahead admits the words' first letters, and "(?<!\w)" and the words themselves end the
    # try inside a word or at any other word before the verbs' lookbehinds are tried)
    # References to a run of pages, paragraphs or tables ("pp. 12–13", "pages 4-5", "paras 3.1 to 3.4", "Tables 2
    # and 3", "section 4-5"), as a report's citation prints them, before the ranges they would be read as: each was
    # listed as a range to check by hand (exit 1). "and" and "to" join two only after a plural word: "chapter 3 and
    # 12 children" counts children.
    ("reference number", re.compile(rf"\b(?:{trie_pattern(_REFERENCE_WORDS)}(?:\s+|(?<=\.))(?:{_REFERENCE_NUMBER})"
                                    rf"\s?-\s?(?:{_REFERENCE_NUMBER})"
                                    rf"|{trie_pattern(_REFERENCE_PLURALS)}(?:\s+|(?<=\.))(?:{_REFERENCE_NUMBER})"
                                    rf"\s*(?:-|to|and|&)\s*(?:{_REFERENCE_NUMBER})"
                                    # (and a place in a sequence, "Image 3 of 12" as a gallery counts its pictures,
                                    # "part 2 of 3": the counts 3 and 12)
                                    rf"|(?:{trie_pattern(_REFERENCE_WORDS)}|image|photo|picture|slide)\s+\d{{1,3}}"
                                    r"\s+of\s+\d{1,3})\b(?![,.]\d|%)", re.IGNORECASE)),
    # The unit figures are rounded to ("Figures are rounded to the nearest 100", "rounding to the nearest 10", "to
    # the nearest £1,000."), as a statistical release's notes print it: read as the count 100, not in the record.
    ("rounding unit", re.compile(rf"(?=[rt])\b(?:(?:rounded|rounding|round)\s+(?:(?:up|down)\s+)?to\s+(?:the\s+)?"
                                 rf"nearest\s+{_FIGURE_UNIT}|to\s+the\s+nearest\s+{_FIGURE_UNIT}"
                                 rf"(?=\s*(?:[.,;:)]|$)))(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # A figure whose unit or scale an excerpt's ellipsis cut off ("Referrals rose by 56 per …", "cost £1.2 […]"), as a
    # related-links rail or a paywall's teaser trims an article to so many words (WordPress's excerpt ends in "[…]"):
    # read as the count 56 and £1.2, figures the article never printed.
    (CUT_SHORT, re.compile(rf"(?<![\w£.,-])£?{NUM}(?:\s+per\s?(?:…|\.{{3}})|(?![\w%])\s?\[\s?(?:…|\.{{3}})(?:\s?\])?)",
                           re.IGNORECASE)),
    ("range", re.compile(rf"(?=[£\db{_RANGE_ESTIMATE_FIRST}])(?:(?<!\w)(?=[£\d]|{_RANGE_ESTIMATE}\s)"
                         rf"(?:^|{_STATES_AN_AMOUNT})(?:{_RANGE_ESTIMATE}\s+)?£?{NUM}{RANGE_END_UNIT}? to "
                         rf"(?:{_HEDGED_END}\s+)?£?{NUM}"
                         rf"(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN})?(?![\w%-]|[.,/]\d)"
                         # (and "1,000 through 1,200", "1,000 thru 1,200": two exact figures)
                         # (and a wave dash close up, "1,200~1,300", as East Asian styles print a range: the exact
                         # 1,200 and "about 1,300")
                         rf"|(?<![\w£.,/-])£?{NUM}{RANGE_END_UNIT}?(?:-to-|-|~| - | through | thru )£?{NUM}"
                         rf"(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN})?"
                         # (with "-ish" after it, "1,200-1,300-ish": the 1,200 was read)
                         r"(?:-?ish\b|-odd\b)?(?![\w%-]|[.,/]\d)"
                         # in words: "between 300 and 400 cases" gave the exact counts 300 and 400, where "300-400"
                         # was a range
                         # (with a hedge before its second end, "between 1,200 and perhaps 1,400", "range from 1,200
                         # to as many as 1,400": the first end was the exact 1,200)
                         rf"|\bbetween\s+{_RANGE_END}\s+and\s+(?:{_HEDGED_END}\s+)?{_RANGE_END}(?![\w%]|[.,]\d)"
                         # (and "to" named a range by the word after it, "in the 1,200 to 1,500 range": two exact
                         # figures)
                         rf"|(?<=\bthe )£?{NUM}{RANGE_END_UNIT}? to £?{NUM}(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN})?"
                         r"(?=\s+(?:range|band|bracket)\b)"
                         # and two amounts of one kind joined by "or", "maybe 2,000 or 3,000 cases", "5 or 6%": the
                         # second end was read as an exact figure the speaker had not stated;
                         # "1,200 or 56% of cases" names one amount twice, and both are read
                         rf"|(?<![\w£.,/-])£?{NUM}(?:{JOINED_SCALE_WORDS})? or £?{NUM}(?:{JOINED_SCALE_WORDS})?"
                         r"(?![\w%-]|[.,/]\d)"
                         rf"|(?<![\w£.,/-])(?:{NUM}{PER_CENT_SIGN}|\d{{1,2}}(?:\.\d+)?) or {NUM}{PER_CENT_SIGN}"
                         r"(?![\w%-]|[.,/]\d))", re.IGNORECASE)),
    # … and a range of fractions in words ("between a quarter and a third of victims", "a quarter or a third"): the
    # first end was dropped without a word and the second read as the share; "rose
    # from a fifth to a quarter" is a change, two levels
    (FRACTION_RANGE, re.compile(rf"(?=[bhaotf])(?:\bbetween\s+{_FRACTION_WORDS}\s+and\s+{_FRACTION_WORDS}"
                         rf"|(?<!\bfrom )(?<![\w-]){_FRACTION_WORDS}\s+(?:to|or)\s+{_FRACTION_WORDS})(?![\w-])",
                         re.IGNORECASE)),
    # A post's number in a thread, as a thread copied from X, Bluesky or Mastodon numbers its posts: "1/ The Met
    # recorded…" and "2/" opening a post (the counts 1 and 2, the first "in the record"), "(3/5)", "[3/3]" or "4/5:"
    # opening or closing one, "🧵 5/5" alone (fractions to check by hand, exit 1). A fraction in prose, "3/5 of
    # cases", is one still.
    (THREAD_NUMBER, re.compile(r"^\s*(?:\U0001f9f5\s*)?(?:\d{1,2}/(?=\s+[A-Z\"'‘“(\U0001f9f5])"
                               r"|[(\[]\d{1,2}/\d{1,2}[)\]]|\d{1,2}/\d{1,2}(?=:|\s*$))"
                               r"|(?:[(\[]\d{1,2}/\d{1,2}[)\]]|(?<=\U0001f9f5)\s*\d{1,2}/\d{1,2})\s*$")),
    # Two numbers joined by a slash, a fraction or a pair ("3/4 of cases", "56%/44%"): no one figure either, and
    # both were dropped without a word, as numbers no form reads.
    # (with a whole number before it, a mixed number: "1 1/2 years", "2-1/2": the whole number was read as the count
    # 1 or 2)
    ("fraction or pair", re.compile(rf"(?<![\w£.,/-])(?:\d{{1,3}}{WHOLE_BEFORE_FRACTION})?"
                                    rf"£?{NUM}{RANGE_END_UNIT}?/£?{NUM}"
                                    rf"{RANGE_END_UNIT}?(?![\w%/-]|[.,]\d)", re.IGNORECASE)),
    # A multiple written with "-fold", "x" or "×" ("3-fold", "threefold", "a 3x increase", "4×"): read as the
    # count 3, or not at all, where it is a ratio that readers take as ×3 or as +300%.
    # "2.5 times" is read: the parser's unit "times".
    # (and "one and a half times", "2-and-a-half times": left out without a word)
    # (and written first, "×10", "x10", or in words, "by a factor of 10": the count 10, or nothing)
    ("multiplier", re.compile(rf"(?<![\w£.,-])(?:{NUM}\s?-?|{WORDNUM}-?)fold\b|(?<![\w£.,-]){NUM}\s?[x×](?!\w)"
                              rf"|(?<![\w£.,-])(?:×\s?|x){NUM}(?![\w%]|[.,]\d)"
                              rf"|\ba\s+factor\s+of\s+(?:{NUM}|{WORDNUM})\b(?![.,]\d)"
                              # (a decimal's "times" with no comparison after it, "rose 2.5 times.": the count 2.5;
                              # a whole number's may count occasions, "arrested 3 times")
                              rf"|(?<![\w£.,-])\d+\.\d+\s+times\b(?!\s+{_COMPARED})"
                              rf"|(?<![\w£.,-])(?:{NUM}|{WORDNUM})[- ]and[- ]an?[- ](?:half|quarter)[- ]times\b"
                              # (and the noun, "a doubling", "a near-tripling": dropped without a word)
                              r"|\b(?:an?\s+(?:near[- ])?|near[- ])(?:doubling|tripling|trebling|quadrupling|halving)\b"
                              r"|\b(?:doubling|tripling|trebling|quadrupling|halving)(?=\s+(?:of|in)\b)",
                              re.IGNORECASE)),
    # A fraction of a scale word ("a quarter of a million", "half a million pounds", "two and a half million"): read
    # as the share 25% or left out as a fraction that is no share, where it is a count.
    (SCALE_IN_WORDS, re.compile(rf"\b(?:(?:a|one|two|three)[- ])?(?:half|quarters?|thirds?)\s+(?:of\s+)?an?\s+"
                                rf"(?:million|billion|thousand)\b|\b(?:{_ANY})\s+and\s+a\s+(?:half|quarter)\s+"
                                rf"(?:million|billion|thousand)\b"
                                # (and the fraction after, "a million and a half": "a half" was read as the share
                                # 50%)
                                rf"|\b(?:an?|{_ANY})\s+(?:million|billion|thousand)\s+and\s+an?\s+(?:half|quarter)\b",
                                re.IGNORECASE)),
    # A number in words of more than one part ("one thousand two hundred", "three hundred and fifty", "five
    # thousand and six", "nine hundred thousand"), or a scale after "a" ("a thousand children"): the first was read
    # as the count 1,000, the second as 50, the third as 5,000 and 6, the last silently dropped. The parser reads "two
    # thousand" and "one hundred thousand", not these.
    # (and after "a" or with a comma between the parts, "a hundred and twenty", "one million, two hundred thousand":
    # read as 100 and 20, and as the exact 1,000,000; or digits, "1 thousand 200": 1,000 and 200)
    (NUMBER_IN_WORDS, re.compile(rf"\b(?:{WORDNUM}|an?)[ -]{_SCALE}(?:[ -]{_SCALE})*(?:(?:,\s*|\s+)(?:and\s+)?"
                                 rf"(?:{WORDNUM})(?:[ -]{_SCALE})*)+\b"
                                 rf"|\b(?!one hundred\b)(?:{WORDNUM})[ -]hundred[ -]{_SCALE}\b"
                                 r"|\b\d{1,3}\s+(?:thousand|million|billion)\s+(?:and\s+)?\d{1,3}\b(?![,.]\d)"
                                 rf"|\ban?[ -](?:thousand|million|billion)\b"
                                 # ("a dozen", "half a dozen": dropped without a word)
                                 rf"|\b(?:half\s+)?an?[ -]dozen\b"
                                 # (and a decimal in words, "nought point five per cent": read as 5 per cent)
                                 rf"|\b(?:{WORDNUM}|nought|zero)\s+point(?:\s+(?:{WORDNUM}|nought|zero)\b)+"
                                 rf"(?:[ -]per[ -]?cent\b)?", re.IGNORECASE)),
    # A fraction in words the parser's table does not hold ("nine tenths", "a sixth", "five-eighths"): dropped
    # without a word.
    (FRACTION_IN_WORDS, re.compile(rf"\b(?:{WORDNUM}|an?)[- ](?:sixths?|sevenths?|eighths?|ninths?)\b"
                                   rf"|\b(?!one\b)(?:{WORDNUM})[- ]tenths\b"
                                   # (and "every fifth child", a share: dropped without a word)
                                   r"|\bevery\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
                                   rf"(?=\s+(?:{'|'.join(COUNT_NOUNS)}))",
                                   re.IGNORECASE)),
    # A rate whose base is printed with a scale ("2.77 per 1k children", "277 per 100k", "2.77 per thousand"): read as
    # two counts, or as the count 2.77 with its base gone.
    # (or in words, "12.3 per ten thousand": the counts 12.3 and 10,000)
    # (or printed before the rate, "Per 10,000 children, 12 were referred": the counts 10,000 and 12)
    (RATE_BASE_UNREAD, re.compile(rf"(?<![\w£.,-]){NUM}\s+per\s+(?:{NUM}\s?(?:k|m|thousand|million)\b"
                                  rf"|(?:a\s+|one\s+)?(?:hundred|thousand|million)\b"
                                  rf"|(?:{WORDNUM})(?:[ -](?:hundred|thousand|million))?\b)"
                                  # (where "per" opens the sentence or a clause: "12 per 10,000 children, 3 more" is
                                  # a rate, then a count)
                                  rf"|(?:^|(?<=[,;:(]\s))per\s+{NUM}(?:\s+[a-z][\w'-]*){{1,3}},?\s+"
                                  rf"(?:there\s+(?:were|are)\s+)?(?:{NUM}|{WORDNUM})\b(?![.,]\d)",
                                  re.IGNORECASE)),
    # A number with a unit or scale no figure form reads ("56 pct", "1.2 mln", "twelve hundred", "5,000 dollars"),
    # "one hundred" apart, or in a currency other than pounds ("$5m", "€5m"); and "12 pc", a per cent sign
    # spaced as the form "12pc" is not (read as the count 12; "12 PCs" are officers).
    ("number with a unit no figure form reads",
     re.compile(rf"(?<![\w£.,-])(?<!\d\s)(?!(?:one|a) hundred\b)£?(?:{NUM}|{WORDNUM})(?:\s?(?:{SCALE_WORDS})\b)?"
                # (or joined by a hyphen, "a 12-point rise": the count 12)
                rf"(?:[\s-]?(?:{UNREAD_UNIT_WORDS})|{SPACED_LETTER_SCALES})(?![\w-])"
                rf"|(?<![\w.,-])(?:{UNREAD_CURRENCY}){NUM}(?:\s?(?:{SCALE_WORDS})\b)?"
                # a scale joined by a hyphen ("£1.2-million", "1.2-bn"), pence ("50p"), a point before the per
                # cent sign ("56.%"): read as £1.2, 1.2 and the count 56, or dropped
                rf"|(?<![\w£.,-])£?{NUM}(?:-(?:{SPACED_SCALE_WORDS})\b|(?-i:p)\b|\.%)(?![\w-])"
                # (a number in words joined to its scale, "five-thousand", "two-million", "twelve-hundred": read as
                # the counts 5, 2 and 12; the parser reads none of them)
                rf"|(?<![\w£.,-])£?(?:{NUM}|{WORDNUM})-(?:hundred|{SPACED_SCALE_WORDS})\b"
                # (a per cent sign before the number, "%56", as some languages print it: the count 56)
                rf"|(?<![\w£.,%-])[%٪]\s?{NUM}(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # Two numbers joined by a colon, a ratio ("a 2:1 ratio"), after the times are masked: read as the counts 2 and
    # 1, figures the article never printed.
    ("ratio", re.compile(rf"(?<![\w£.,:/-]){NUM}:{NUM}(?![\w%:]|[.,]\d)")),
    # Digits in groups of three parted by single spaces ("1 200 cases", as some styles print 1,200): read as the
    # figures 1 and 200, so "200 cases" was a figure the article never printed. The record
    # reads no such number either; a flattened table's cells can look alike, so it is checked by hand.
    ("number with spaces between its digit groups",
     re.compile(SPACED_DIGIT_GROUPS, re.IGNORECASE)),
    # … or parted by apostrophes ("1'200", as Swiss style prints 1,200): read as the figures 1 and 200.
    # A year's "1990's" is no group of three after one to three digits.
    (APOSTROPHE_GROUPS,
     re.compile(APOSTROPHE_DIGIT_GROUPS, re.IGNORECASE)),
    # A number in scientific notation ("1e3", "1.2e+03", "10^3"): "10^3 cases" gave the counts 10 and 3, and "1e3"
    # was left out as a code.
    # ("10³" too: a superscript after 10 is a power, after any other number a note's mark, below)
    (SCIENTIFIC, re.compile(rf"(?<![\w.,#-])\d+(?:\.\d+)?(?:e[+-]?\d+|\^[+-]?\d+)(?![\w.]|,\d)"
                            rf"|(?<![\w.,#-])10[\u207a\u207b]?[{SUPERSCRIPTS}]+", re.IGNORECASE)),
    # A number with a minus sign (a fall in a table: "1,200 (-9%)"): the parser reads no signed figure, and scan
    # left it out without a word ("−9%" was in neither list).
    # (or in words, "fell by minus 56%": read as 56%)
    ("negative number", re.compile(rf"(?:(?<![\w£.,/%)-])-|\b(?:minus|negative)\s+)£?{NUM}"
                                   rf"(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN})?(?![\w%-]|[.,/]\d)", re.IGNORECASE)),
    ("street number", re.compile(r"\b\d{1,4}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|Road|Lane|Avenue|Way"
                                 r"|Place|Square|Gardens|Close|Drive|Terrace|Crescent|Court|Row)\b")),
    # (the words as one trie: as an alternation, each was tried in turn at every position of the article)
    ("reference number", re.compile(
                                    # Hansard's citation of a debate's columns, "Vol. 623, c. 456" and "vol 623
                                    # cc456-7" (as the Official Report and its references print them): "c." there
                                    # was "about", the figure 456, and the "7" of "cc456-7" a part not read
                                    r"\bvol\.?\s*\d+,?\s+cc?\.?\s?\d+(?:[-\u2013]\d+)?\b|\bcc\.?\s?\d+(?:[-\u2013]\d+)?\b|"
                                    # (not a possessive's "s", "Jane Doe's. 12 more")
                                    rf"\b(?<!['’]){trie_pattern(_REFERENCE_WORDS)}(?:\s+|(?<=\.))\d+(?:\.\d+)*\b"
                                    # (not a number with thousands commas: "Next page 2,222 cases" was "page 2"
                                    # and an unread ",222")
                                    r"(?!,\d{3}\b)"
                                    # with a law's subsections, "section 47(1)(b)", "reg. 12(3)": the section was
                                    # a reference and its "(1)" the count 1
                                    r"(?:\([0-9a-z]{1,4}\))*"
                                    # the lines of an e-mail's signature, "Ext: 61212", "Room 5.12", "Floor 3", as a
                                    # press office's reply prints them: the counts 61,212, 5.12 and 3
                                    r"|\b(?:ext\.?|extension|room|floor)\s*:?\s*\d+(?:\.\d+)*\b(?![,.]\d)"
                                    # a school year or key stage, an officer's collar number ("Year 9 pupils", "PC
                                    # 1234"): read as the counts 9 and 1,234
                                    # (and a run of them, "Years 7 to 11", or a stage "Stage 2")
                                    r"|\b(?:(?-i:Years?|Stage)|key stage)\s+\d{1,2}"  # not "last year 12 …"
                                    r"(?:\s*+(?:-|\u2013|to|and)\s*+\d{1,2})?\b(?![,.]\d)"
                                    r"|\b(?-i:PC|DC|PS|DS|DI|DCI|DCS)\s?\d{1,5}\b(?![,.]\d)"
                                    # an unnamed speaker's label in a transcript, before its words or its time
                                    # ("Speaker 1  0:03", Otter's text export; "Speaker 2: (00:12)"): the counts 1
                                    # and 2
                                    r"|\b(?-i:Speaker|SPEAKER)\s?\d{1,2}\b(?=\s*(?:[:(|\x00]|\d{1,2}:\d{2}|$))"
                                    # a parliamentary paper's number, a rank or a version ("Cm 9000", "HC 1200",
                                    # "#1", "version 2.0"): read as the counts 9,000, 1,200, 1 and 2
                                    r"|\b(?-i:HC|HL|Cm|Cmnd|CP)\s?\d{1,5}\b(?![,.]\d)|#\d+\b(?![,.]\d)"
                                    # (and a written question's, "UIN 67890, tabled on 14 March 2017", as
                                    # Parliament's site prints it: the count 67,890)
                                    r"|\b(?-i:UIN):?\s?\d{1,6}\b(?![,.]\d)"
                                    # (and a court rule's, "CPR 31.16": the count 31.16)
                                    r"|\b(?-i:CPR)\s?\d{1,3}(?:\.\d{1,3})*\b"
                                    # a person a court report keeps anonymous, "Victim 2", "Witness 12",
                                    # "Defendant 3", a charge on the indictment, "Count 3", and a trial's day or
                                    # week, "on day 12 of the trial", "Day 3 of the hearing", "in week 12": the
                                    # counts 2, 12, 3 and 12, "Witness 12" and "week 12" "in the record" beside
                                    # the record's "at least 10" syndicates
                                    rf"|(?-i:{_ANONYMISED_NUMBER}|\bCount\s\d{{1,3}}\b)(?![,.]\d|%)"
                                    r"|\b(?:(?<=on )|(?<=by )|(?<=in )|(?<=from )|(?<=until )|(?<=since )"
                                    r"|(?-i:(?=[DW])))(?:day|week)\s\d{1,3}\b(?![,.]\d|%)"
                                    r"|\b(?:day|week)\s\d{1,3}(?=\s+of\s+(?:the\s+|a\s+)?(?:trial|retrial|hearing"
                                    r"|inquiry|inquest|proceedings)\b)"
                                    r"|\bversion\s+\d+(?:\.\d+)*\b",
                                    re.IGNORECASE)),
    # (with thousands commas too, "the 1,200th case": the count 1)
    ("ordinal", re.compile(rf"\b{NUMBER_START}\d+(?:,\d{{3}})*(?:st|nd|rd|th)\b")),
    # A number in brackets written on to a word or a number, as code and statutes print one ("alert(1)", "note(2)",
    # "s.47(1)"): read as the counts 1 and 2. A figure in brackets after a space,
    # "1,200 (12%)", is a figure.
    (IN_A_NAME, re.compile(r"(?<=[A-Za-z0-9_])\(\d{1,3}\)")),
    # A broadcaster's channel or station, "Channel 4", "BBC Radio 4", "Radio 5 Live", as a story names the programme
    # that broke it or a minister spoke on: the counts 4 and 5, not in the record.
    (IN_A_NAME, re.compile(r"\b(?:Radio|Channel)\s\d{1,2}\b(?![,.]\d|%)")),
    # A note's mark in square brackets ("9,000[1] children", as a copied page prints a link to its footnote): read as
    # the count 1.
    # (or in superscript, "1,200²", "56%¹", "per cent³", "⁽³⁾": see SUPERSCRIPTS)
    # (and a superscript note read out of a PDF as a plain digit on to the figure's sign, unit or scale, or its stop:
    # "56 per cent3", "12 per cent.2", "56%3", "1.2 million4", "£1.2m3": read as the count 56, the count 12, a count
    # 3, the count 1.2 and nothing at all)
    # (and a note named in words, as the ONS prints one, "1,582 [note 1]", "(see notes 3 and 4)", "Note 1: …": read
    # as the counts 1, 3 and 4)
    # (not a fraction's raised numerator, "¹⁄₅", "1,200¹⁄₂", as a PDF prints one: read as a note, it left the count
    # 1,200 and a lowered "₂" listed alone)
    ("note mark", re.compile(rf"\[\d{{1,3}}\]|\u207d?[{SUPERSCRIPTS}]+\u207e?(?![{SUPERSCRIPTS}\u2044\u2215/])"
                             rf"|{_NOTE_AFTER_UNIT}(?P<mark>\d{{1,2}})(?!\d|[.,]\d)"
                             rf"|(?i:\[notes?\s+{_NOTE_NUMBERS}\]|\((?:see\s+)?notes?\s+{_NOTE_NUMBERS}\)"
                             rf"|^notes?\s+{_NOTE_NUMBERS}(?=\s*[:.)]))")),
    # A list's number opening a paragraph ("1. Cases rose", "2) Referrals fell", "(3) Arrests"), or alone as its
    # first sentence ("1." split from its item): read as the counts 1, 2 and 3.
    # (and a report's section number opening its heading or paragraph, "3.2 Sexual offences", "4.1 Police recorded
    # …": the count 3.2; not a title-case figure, "3.2 Million Images")
    # (and before a link's address, "1. https://…", as a text browser's dump lists a page's links under "References":
    # the counts 1 to 6)
    (LIST_NUMBER, re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\))(?=\s+(?:[A-Z\"'‘“(\x00]|https?://|www\.)|\s*$)"
                             r"|^\s*\d{1,2}(?:\.\d{1,2}){1,3}(?=\s+(?!(?:Million|Billion|Thousand|Per|Times|Percent)\b)"
                             r"[A-Z][a-z])")),
    # A target, a forecast or a figure that may come ("a target of 1,200 prosecutions", "expected to reach 2,000",
    # "could be as many as 10,000", "may be 10 times higher"): read as the count, share or multiple of what happened,
    # so a target of 1,200 matched a record of 1,200 prosecutions. (The lookahead holds
    # the words' first letters: the rest is not tried at every position.)
    # (and "on course for 2,000", "heading for 2,000", "anticipated to reach", "should reach", "aims to recruit
    # 1,200 officers", "plans to hire 1,200"; what someone expects of a thing, "Police expect cases to reach 2,000";
    # and what is pledged, promised or vowed, "The Met pledged 1,200 more officers": each was read as what happened)
    (FORECAST, re.compile(rf"(?=[tagfpesldocmwhv])\b"
                          rf"(?:(?:target|aim|goal|ambition|forecast|projection|prediction)s?\s+(?:of|is|was|for)"
                          rf"|(?:on\s+(?:course|track)|head(?:ing|ed))\s+(?:for|towards?)"
                          rf"|{_INTENDS}\s+to\s+{_INTENDED}"
                          rf"|(?:(?:expected|projected|forecast|predicted|anticipated|set|likely|due|on\s+course"
                          rf"|on\s+track)\s+to"
                          rf"|(?:expect|predict|forecast|project)(?:s|ed)?\s+(?:[a-z]+\s+){{1,3}}to"
                          rf"|could|may|might|would|will|should)(?:\s+(?:well|now|soon|even|easily|also))?"
                          rf"\s+(?:be|reach|hit|top|exceed|pass|total|number|(?:rise|fall|climb|grow|increase|drop)"
                          # (and what may have been, "could have been as high as 922", and what is to be done to
                          # what is counted, "is expected to record 922 crimes", "could see 1,200 offences": each was
                          # what happened; not what is to be spent or hired, "will spend £65m a year", a plan's sum)
                          rf"\s+to|have\s+been|see|{_TO_BE_DONE})"
                          # ("promising" is no pledge: "a promising 12% fall")
                          rf"|(?:pledg(?:e[sd]?|ing)|promise[sd]?)(?:\s+to\s+(?:{_INTENDED}))?"
                          rf"|vow(?:s|ed|ing)?\s+to\s+(?:{_INTENDED})"
                          # (and a verb of forecast before the figure, "Police had forecast 1,500 referrals", "We expect
                          # 1,200", "predicted 1,500"; not after "a" or "an": "an expected 1,500" is an estimate, read
                          # as "about"; each was the exact figure)
                          rf"|(?<!\ba )(?<!\ban )\b(?:forecasts?|forecasting|predict(?:s|ed|ing)?|project(?:s|ed|ing)"
                          rf"|expect(?:s|ed|ing)?))"
                          rf"\s+(?:(?:an?\s+)?(?:extra|further|additional|another)\s+)?(?:(?:{_QUAL})\s+)?{_FIGURE_UNIT}"
                          rf"(?:\s+times\b)?(?![\w%]|[.,]\d)",
                          re.IGNORECASE)),
    # … and a target named after its figure ("the 1,500 target", "their 1,500-referral target", "a forecast was for
    # 1,500"): the exact 1,500. Not "12 target areas": a noun after it counts.
    (FORECAST, re.compile(rf"(?<![\w£.,-]){_FIGURE_UNIT}(?:-[a-z]+)?\s+(?:target|goal|forecast|projection|ambition)s?"
                          r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:was|is|were|are|had|has|have|for|by|of|set|will|would|in|on"
                          r"|and|but|that|which|to|it|this)\b)"
                          r"|\b(?:target|goal|forecast|projection|prediction)s?\s+(?:is|was|were)\s+for\s+"
                          rf"(?:(?:{_QUAL})\s+)?{_FIGURE_UNIT}(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # A figure printed after "not" ("the figure was not 1,200 but 1,300", "1,200 cases (not 1,300 as first
    # reported)", "not one child was charged", "not nearly 1,200"): read as the exact figure the sentence denies,
    # and "not one" as the count 1 where it says none. A qualifier that starts with
    # "not" ("not more than 1,200", "not quite 1,200") is read with its figure, as before.
    # (and "nowhere near 1,200", "far from 1,200": the exact 1,200)
    # (a first character's lookahead: the words' "n" and "f", so the rest is tried at few positions)
    # (and a figure set aside for another, "1,300 rather than 1,200", "instead of 1,200", "not the 1,200 claimed": the
    # exact 1,200)
    (DENIED, re.compile(rf"(?=[nfri])\b(?:{DENIED_BEFORE})(?:(?:{_QUAL})\s+)?"
                        rf"(?:{_FIGURE_UNIT}|{WORDNUM}\b)"
                        r"(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # … and a figure a denied verb takes ("Police did not record 922 crimes", "The Met never recorded 922", "has not
    # yet found 1,200"): read as the exact figure, "in the record", the denial unread. Only the figure (`mark`) is set
    # aside; the verb is one a count is recorded, found or reached by (`_DENIED_VERB`), not "not only", "not
    # including" or "not counting", which keep the figure a fact.
    (DENIED, re.compile(rf"(?=n)(?:\bnot|\bnever|n['’]t)\s+(?:(?:yet|ever|actually|even|once)\s+)?"
                        rf"(?:{_DENIED_VERB})\s+(?:(?:the|a|an|all|some)\s+)?"
                        rf"(?P<mark>(?:(?:{_QUAL})\s+)?{_FIGURE_UNIT})(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # … and a figure a verb of denial puts in doubt ("The force denied that 1,200 children were at risk", "rejected
    # claims that 1,200", "disputed the 1,200 figure", "It is untrue that 1,200", "no evidence that 300"): read as
    # the exact figure, a fact. Only the figure (`mark`) is set aside; "denied the
    # claim, saying 1,200 cases were reviewed" is no denial of 1,200.
    # (and with the figure later in the clause the words deny, "It is not true that the Met recorded 922", "denied
    # that it recorded 922", "It was false to say there were 922": each was the exact 922, "in the record")
    (DENIED, re.compile(rf"(?=[drnuifwc])\b(?:(?:{_DENIES}(?:\s+(?:the\s+)?(?:claims?|suggestions?|reports?"
                        rf"|allegations?|assertions?))?|(?:is|was|it's|it\s+is|it\s+was)\s+(?:untrue|false"
                        rf"|not\s+true|wrong|incorrect|inaccurate)(?:\s+to\s+(?:say|claim|suggest|report))?"
                        rf"|no\s+evidence)\s+that\s+{_SAME_CLAUSE}"
                        rf"|(?:is|was|it's|it\s+is|it\s+was)\s+(?:untrue|false|not\s+true|wrong|incorrect"
                        rf"|inaccurate)\s+to\s+(?:say|claim|suggest|report)\s+{_SAME_CLAUSE}"
                        # ("disputed the 1,200 figure": not "Judges rejected 1,200 appeals", a count of them)
                        rf"|{_DENIES}\s+the\s+(?={_FIGURE_UNIT}[- ](?:figure|number|total|estimate|claim)s?\b))"
                        rf"(?P<mark>(?:(?:{_QUAL})\s+)?{_FIGURE_UNIT})(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # … and a figure in a claim the sentence then calls false ("The claim that 922 crimes were recorded in 2016 is
    # false", "Reports that 1,200 children were at risk were wrong"): the exact figure, "in the record". The words
    # that say so close the clause, at most 120 characters on.
    (DENIED, re.compile(rf"(?=[csrai])\b(?:claims?|suggestions?|reports?|allegations?|assertions?|idea)\s+that\s+"
                        rf"{_SAME_CLAUSE}(?P<mark>(?:(?:{_QUAL})\s+)?{_FIGURE_UNIT})(?![\w%]|[.,]\d)"
                        rf"(?=[^.;:!?]{{0,120}}?\b(?:is|was|are|were)\s+(?:(?:simply|completely|entirely|plainly)\s+)?"
                        rf"(?:untrue|false|wrong|incorrect|inaccurate|baseless|unfounded|mistaken)\b)",
                        re.IGNORECASE)),
    # … and the figure a correction withdraws ("An earlier version of this article said 1,300 crimes; the figure was
    # 922", "This story previously said 56 per cent", "misstated the number as 1,300"), as a correction's footnote or
    # box prints it: read as a figure the article states, not in the record (and in it, were the wrong figure
    # another's). Only the first figure after the words (`mark`) is set aside, in the same clause.
    # (and a correction's "misstated the number of crimes as 1,300", as the New York Times words one)
    (DENIED, re.compile(rf"(?=[atwmou])\b(?:(?:(?:an?|the)\s+(?:earlier|previous|original|older)\s+{_EARLIER_TEXT}"
                        rf"|this\s+{_CORRECTED}\s+{_WRONGLY}"
                        rf"|(?:we|it)\s+(?:{_WRONGLY}|{_SAID}\s+(?:earlier|previously|wrongly|incorrectly|mistakenly"
                        rf"|originally)))\b"
                        rf"[^.;:!?\d]{{0,80}}?|(?:mis(?:stated|reported|quoted|described)|overstated|understated)\b"
                        rf"[^.;:!?,\d]{{0,80}}?(?<!\bwell )\bas\s+)"
                        rf"(?P<mark>(?:(?:{_QUAL})\s+)?{_FIGURE_UNIT})(?![\w%]|[.,]\d)", re.IGNORECASE)),
    # A figure printed open-ended ("1,200+ cases", "1,200-plus", "9,000 or more children", "56% and over"): read as
    # the exact figure, so "1,200-plus" matched an exact 1,200 and lost its "at least".
    # No figure form reads it; a small number before "or more" is a definition's threshold, below.
    ("number printed open-ended", re.compile(rf"(?<![\w£.,-])(?:{_FIGURE_UNIT}{OPEN_END}"
                                     rf"|{_NOT_A_THRESHOLD}{_FIGURE_UNIT}{OR_BEYOND}"
                                     # (after the words it counts, "1,200 cases or more.": the exact 1,200)
                                     rf"|{_NOT_A_THRESHOLD}{_FIGURE_UNIT}{_COUNTED_WORDS}(?:{OR_BEYOND}"
                                     rf"|{OPEN_END}){_CLAUSE_ENDS})", re.IGNORECASE)),
    # A figure with its qualifier printed as a sign ("~1,200", "≈1,200", "<1,200", ">1,200", "≥ 1,200"), close up
    # ("c.1,200") or after it ("1,200-odd", "1,200 or so", "1,200-ish", "1,200 approx."): read as the exact 1,200,
    # or "c.1,200" dropped as a code. And "1,200 or thereabouts" and a margin, "1,200 ± 50":
    # the exact 1,200 and the count 50.
    # (not the ">" that closes a web address's angle brackets, masked just before: "<https://example.org> 12 cases"
    # listed its 12 as "more than 12")
    # (and two qualifiers before it, "at most about 1,200", "more than around 1,200": read as "about 1,200", the
    # bound gone; and a threshold's mark, "crossed the 1,200 mark", "fell below the 1,200 barrier": the exact
    # 1,200)
    # (and as two signs or another sign of order or likeness, ">= 1,200", "=< 1,200", "≳1,200", "≃ 1,200": the exact
    # 1,200)
    (SIGNED_QUALIFIER, re.compile(rf"\b(?:{_QUAL})\s+(?:{_QUAL})\s+{_FIGURE_UNIT}(?![\w%]|[.,]\d)"
                                  rf"|(?<![\w£.,-]){_FIGURE_UNIT}[- ](?:mark|milestone|barrier|threshold)\b"
                                  rf"|(?:(?<!\x00){QUALIFIER_SIGN_BEFORE}|(?<![\w.])c\.(?=£?\d)){_FIGURE_UNIT}"
                                  rf"|(?<![\w£.,-]){_FIGURE_UNIT}(?:{ABOUT_AFTER}|{ABOUT_WORDS_AFTER}"
                                  rf"|{MARGIN_AFTER}{_FIGURE_UNIT}\)?"
                                  # (or in brackets, "1,200 (approx.)", "1,200 (est.)": the exact 1,200)
                                  rf"|\s?\(\s?(?:{BRACKETED_ABOUT_WORDS}|{BRACKETED_ESTIMATE_WORDS})\s?\)"
                                  # (and a qualifier after the figure that ends its clause, "1,200 at most.", "1,200,
                                  # if not more.": the exact 1,200; "at most forces" is no qualifier)
                                  rf"|,?\s+{AFTER_QUALIFIER}(?=\s*(?:[.,;:!?)]|$)))"
                                  # (and after the words it counts, "1,200 cases at least.", "1,200 victims, if not
                                  # more.", "1,200 cases or thereabouts.": the exact 1,200)
                                  rf"|(?<![\w£.,-]){_FIGURE_UNIT}{_COUNTED_WORDS}(?:,?\s+{AFTER_QUALIFIER}"
                                  rf"|\s+or\s+(?:so|thereabouts)\b){_CLAUSE_ENDS}",
                                  re.IGNORECASE)),
    # A number with a plus sign (a rise in a table, "2,400 (+1,200)", "up +9%") or a margin before it ("+/- 5%"):
    # read as the count 1,200 and the share 9% or 5%, where "-9%" beside it was left out as a negative number; the
    # parser refuses both. "3+1" (a digit before the sign) is a sum, not a signed number;
    # a margin after a figure ("1,200 +/- 50") is the figure's qualifier, left out whole just above.
    # (a sign doubled, "++1,200" or "-+1,200", as a slip or a spreadsheet prints it: read as the bare 1,200, the
    # signs dropped)
    (SIGNED_NUMBER, re.compile(rf"(?<![\w£.,/%)+\-−])(?:\+/-|[\-−]?\++)\s?£?{NUM}"
                               rf"(?:{JOINED_SCALE_WORDS}|{PER_CENT_SIGN})?(?![\w%-]|[.,/]\d)", re.IGNORECASE)),
    ("threshold in a definition", re.compile(rf"\b{_ANY} or (?:more|fewer|less)\b"
                                             rf"|\bat least {_ANY}(?=\s+(?:victim|suspect|offender|child|person)s?\b)",
                                             re.IGNORECASE)),
    # A number whose unit is left to the percentage before it ("Girls made up 56 per cent and boys 44", "rose 12% in
    # 2019 and 15 in 2020"): read as the count 44 or 15 (r23c's left L2). Only the
    # second number (`mark`), ending its clause, is set aside: "12% of cases and 44 officers" counts officers.
    (UNIT_BEFORE, re.compile(rf"(?<![\w£.,-]){NUM}{PER_CENT_SIGN}(?:\s+(?:[a-z]+|\x00+)){{0,3}},?"
                             rf"\s+(?:and|while|but|against|compared\s+with)\s+(?:[a-z]+\s+){{0,3}}?"
                             rf"(?P<mark>\d{{1,3}}(?:\.\d+)?)(?![\w%]|[.,]\d)"
                             rf"(?=\s*(?:[.,;:)]|$)|\s+(?:in|for|respectively|last|this|the|a)\b)", re.IGNORECASE)),
)

#: Which kinds may be in a sentence, read by RE2 in one pass: each kind's own pattern is run only where it may match.
_KINDS = PatternSet([pattern for _, pattern in LEFT_OUT])

#: A number no figure form reads, written as a statistic is ("3,4 million", "1,73", "½ of them"): listed only with
#: `--all` while scan exited 0, so a statistic was gone from the fact-check without a word.
UNREAD = "number in a form no figure form reads"
#: A number whose unit is printed only after the next ("from 10 to 15 per cent", "2 and 3 million").
SHARES_UNIT = "number whose unit is printed after the next one"
#: A figure whose qualifier, scale or unit is written with a letter no check reads as a Latin one (`unread_letter`):
#: "mоre thаn 1,200", "12 реr сеnt" and "1.2 mіllion" in Cyrillic look-alike letters read to a person as the plain
#: words, and scan read the exact count 1,200, the count 12 and the count 1.2.
LOOKALIKE_LETTERS = "number beside a word in look-alike letters of another script"

#: Left-out kinds that are statistics all the same, which no one figure of the record can be: `scan` reports each as
#: a part of the text not read (a range's first end was a figure; listed with the dates, "10–20%" was out of sight).
UNCHECKED = frozenset({"range", "fraction or pair", "ratio", "multiplier", "number printed open-ended",
                       "number with a unit no figure form reads",
                       "number with spaces between its digit groups", APOSTROPHE_GROUPS, SCIENTIFIC, "negative number",
                       SIGNED_NUMBER, AVERAGE, DENIED, CUT_SHORT, FORECAST, HEADED_UNIT, LOOKALIKE_LETTERS,
                       FRACTION_RANGE, UNIT_BEFORE, UNREAD, SHARES_UNIT, SCALE_IN_WORDS, SIGNED_QUALIFIER,
                       NUMBER_IN_WORDS, FRACTION_IN_WORDS, RATE_BASE_UNREAD})

_FRACTION = (r"(?:three[- ]quarters|two[- ]thirds|a third|one[- ]third|a quarter|one[- ]quarter|half|a half"
             r"|(?:a|one|two|three|four)[- ]fifths?|a tenth|one[- ]tenth)")
#: A verb next: what comes after a share in words that is the subject of its sentence ("around a third were…").
_VERB_NEXT = r"\s+(?:were|was|are|is|had|have|said|reported|came|involved)\b"
#: A comparison just after a fraction in words: the fraction is the change ("a third higher", "a quarter fewer").
_COMPARATIVE_NEXT = r"\s+(?:higher|lower|more|fewer|less|bigger|smaller|greater|larger|up|down)\b"
_FORMS = [
    rf"£\s?{NUM}(?:\s?(?:{SCALE_WORDS})\b)?",
    rf"{_ANY} out of {_ANY}",
    rf"{_ANY}[- ]{SHARE_JOINER}{_ANY}\b(?!,\d)",
    # The same share with what it counts between ("one child in five", "three children in every 10"), when nothing
    # follows the second number but a stop or a verb: "Three children in 10 were at risk" was the count 3 and the
    # count 10; "300 cases in 12 forces" stays two counts.
    # … and with "every", a share whatever follows ("one child in every 100 under-18s", "three victims out of every
    # four referred"): read as the counts 1 and 100. One prefix for both: the figure
    # forms are tried at every number.
    rf"{_ANY} [a-z]+ (?:{SHARE_JOINER}{_ANY}\b(?!,\d)(?=\s*(?:[.,;:)]|$)|{_VERB_NEXT})"
    rf"|(?:in|out[ -]of|for)[ -]every[ -]{_ANY}\b(?!,\d))",
    # ("pc" close up or after a hyphen, as the parser reads it: "a 56-pc rise" was the count 56)
    rf"{NUM}(?:\s|-)?(?:%|per[ -]?cent\b|(?:{PERCENTAGE_POINTS})\b)|{NUM}-?pc\b",
    # A percentage in words ("fifty-six per cent"): the parser reads it; scan left "fifty-six" out as a number word
    # that counts nothing, and the percentage was gone.
    # (and with the sign or points the parser reads after it, "twelve%", "twelvepc", "twelve pp", or a rate's base,
    # "one per 100,000 children": each dropped without a word, or the base read as the count 100,000)
    rf"{WORDNUM}(?:[ -]per[ -]?cent\b|[ -]?%|-?pc\b|[ -]?(?:{PERCENTAGE_POINTS})\b)",
    rf"{NUM}(?:{JOINED_SCALE_WORDS})\b",
    rf"(?:{NUM}|{WORDNUM}) per {NUM}",
    rf"{_FRACTION}(?= of\b)",
    # A fraction that ends a rise or fall ("up by more than a third", "rose by almost a fifth.") or is the subject
    # of a verb ("around a third were…"); "half" alone is left to "half of" (a "first half." is no share).
    # (or is a change by a comparison after it, "a third higher than in 2019", "a fifth fewer referrals": dropped
    # without a word)
    rf"(?!half){_FRACTION}(?=\s*(?:[.,;:)]|$)|{_VERB_NEXT}|{_COMPARATIVE_NEXT})",
    # (every verb of MULTIPLES: "quintupled" was dropped without a word)
    rf"{trie_pattern(sorted(w for w in MULTIPLES if w.endswith('ed')))}\b",
    # Any other fraction in words: a share only after "by" or a qualifier ("rose by almost half", "- more than half
    # -"), checked in find_figures; "the first half" or "a third party" is no share.
    rf"(?P<bare>{_FRACTION})\b",
    rf"(?:twice|{_ANY} times)(?= {_COMPARED})",
    rf"{_ANY} (?:{SPACED_SCALE_WORDS})\b",
    NUM,
    WORDNUM,
]
#: The first word any figure can start with: a qualifier's, a number word's, a fraction's or a multiple's. Every
#: form above starts with a digit, "£" or one of these, so a position starting with anything else is skipped at
#: once (trying every qualifier and form at every word was half the time of finding figures).
FIRST_WORDS = sorted({phrase.split()[0].split("-")[0] for phrase in (*QUALIFIERS, *WORD_NUMBERS, *FRACTIONS,
                                                                     *MULTIPLES)}, key=len, reverse=True)


#: (a word may have "pc" written on, "twelvepc": left without a trace)
_FIRST = rf"(?=[\d£]|{trie_pattern(FIRST_WORDS)}(?!(?!pc\b)\w))"
#: A figure ends where no word, number, per-cent sign or superscript sign goes on: the per-cent form failing ("12%²",
#: a footnote mark after the sign), the bare number "12" was read as a count of 12, and "10⁻³" as 10.
#: (nor where separators run on into digits, "1,,200", "1..200": the count 1 was read)
#: (nor where a letter O written for a zero runs on after a separator, "12,OOO", "1,OO0": the counts 12 and 1 were
#: read; "12,Ofsted" is a slip of the space bar)
FIGURE_BODY = (rf"(?:(?P<qual>{_QUAL})\s+)?(?P<core>{'|'.join(_FORMS)})"
               rf"(?![\w%\u207a\u207b]|[.,/]+\d|[.,][Oo]{{2}}[Oo\d]*\b)")
FIGURE_RE = re.compile(rf"(?<![\w£.,/-]){_FIRST}{FIGURE_BODY}", re.IGNORECASE)
#: FIGURE_RE without IGNORECASE, for a sentence lower-cased (its letters are all lower case): the engine compares
#: characters without folding case, nearly twice as fast. Used only where lower-casing keeps every offset and reads
#: each letter as IGNORECASE does (`_lowered`).
_FIGURE_LOWER = re.compile(FIGURE_RE.pattern)


def _lowered(text: str) -> str | None:
    """The text lower-cased, when matching _FIGURE_LOWER on it finds what FIGURE_RE finds on the text: the same
    length ("İ" lowers to two characters) and no letter IGNORECASE reads as an ASCII one that lower() keeps ("ſ" is
    "s", "ı" is "i"); else None."""
    low = text.lower()
    return low if len(low) == len(text) and not any(letter in low for letter in IGNORECASE_ASCII) else None

#: The words of a change, by its direction: one list, so what reads a change and what says which way it went agree.
#: ("decreased" was no change word: "Assessments decreased by 8%" was a share of 8%.)
_RISE_WORDS = (rf"increas(?:e[sd]?|ing)|rise|rises|rose|risen|rising|{_NOT_MADE_UP}up|jump(?:ed|s)?|soar(?:ed|s)?"
               r"|rocket(?:ed|s)?|surge[sd]?|grew|grow(?:n|th|s)?|climb(?:ed|s)?|higher|more|doubled")
_FALL_WORDS = (r"fall|falls|fell|fallen|falling|drop(?:ped|s)?|decline[sd]?|decreas(?:e[sd]?|ing)|down|lower|fewer|less"
               r"|cut|reduc(?:ed|tion)|halved")
_CHANGE = re.compile(rf"\b(?:(?P<rise>{_RISE_WORDS})|(?P<fall>{_FALL_WORDS}))\b", re.IGNORECASE)


def change_direction(words: str) -> str:
    """Which way the change words say a figure went: "rise", "fall", or "" when they name none or both ("rose, then
    fell"). An article's "rose by 8%" matched the record's fall of 8% as the same figure, a claim checked
    "accurate"."""
    ways = {m.lastgroup for m in _CHANGE.finditer(words or "")}
    return (ways.pop() or "") if len(ways) == 1 else ""


def _nearest_change(before: str, after: str) -> re.Match[str] | None:
    """The change word nearest a figure, before it or after it: "rose 5% while cases fell 8%" is a fall of 8%, the
    first word in the window said a rise."""
    found = list(_CHANGE.finditer(before))
    last = found[-1] if found else None
    following = _CHANGE.search(after)
    if last is None or (following is not None and following.start() < len(before) - last.end()):
        return following
    return last
_COMPARATIVE_AFTER = re.compile(_COMPARATIVE_NEXT, re.IGNORECASE)
#: A change named as a noun just before a figure ("a fall of a quarter", "an increase of two-thirds"): what follows is
#: the change, not a share (a fraction in words was read as the share 25%).
_CHANGE_OF = re.compile(rf"\b{_CHANGE_NOUNS} of\s*$", re.IGNORECASE)
_STOP = re.compile(r"\x00|[,;:.!?](?=\s|$)|[()\"“”—–]"
                   r"|\s(?:that|which|who|were|was|have|has|had|are|is|been|will|would|could|should|since|between|after|before|because|but|according|said|says|compared)\b|\s(?:and|or)\b(?!\s+[A-Z])",
                   re.IGNORECASE)


# The small patterns read around each figure, compiled once (not looked up in re's cache per figure).
_WORDNUM_RE = re.compile(WORDNUM, re.IGNORECASE)
_ENDS_BY, _ENDS_BY_ANY_CASE = re.compile(r"\bby\s*$"), re.compile(r"\bby\s*$", re.IGNORECASE)
#: A fraction that is also a period of a year, and an amount just before it (a number and at most two words, none of
#: them "by"): "300 referrals a quarter." counts per quarter; it was read as the share 25%.
_PERIOD_WORD = re.compile(r"(?:a|one)[- ]quarter", re.IGNORECASE)
_AFTER_AN_AMOUNT = re.compile(r"\d(?:\s+(?!by\b)[A-Za-z]+){0,2}\s+$")
_ENDS_TO = re.compile(r"\bto\s*$")
#: A percentage that ends "from … to" ("rose from 10 to 15 per cent", "from 10% to 15%"), or starts one: a level
#: before or after a change, not the change ("15 per cent" was offered as a percentage rise).
_FROM_TO_END = re.compile(rf"\bfrom\s+$|\bfrom\s+\S+(?:\s?(?:{PER_CENT}))?\s+to\s+$", re.IGNORECASE)
#: What follows a number that shares its unit with the next one: "10 to 15 per cent", "2 and 3 million", "£1.2 to
#: £1.5m", "10 or 12%". Read alone, the first was the count 10, 2 or 1.2. Not after a
#: count with a thousands comma: "rose to 1,200 and 56% of them were girls" is two figures.
_UNIT_FOLLOWS = re.compile(rf"\s*(?:to|and|or|-)\s+(?:about\s+|around\s+)?£?(?:{NUM}|{WORDNUM})\s?"
                           rf"(?:(?:{PER_CENT})(?!\w)|(?:{SPACED_SCALE_WORDS}|{JOINED_SCALE_WORDS})\b)",
                           re.IGNORECASE)
_STARTS_OF = re.compile(r"\s*of\b", re.IGNORECASE)
#: What puts a count just after a percentage change as the same change ("fell 12 per cent, or 300", "rose 12% (300)"):
#: read alone, the 300 was a count of the thing, offered as a level.
_SAME_CHANGE_AGAIN = re.compile(r"(?:%|\bcent|\bpc),?\s*(?P<joint>or|\(|i\.e\.|that\s+is),?\s*$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z'-]+")
_CLAUSE_END = re.compile(r"[;:.!?]\s|\x00|—|–")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")

#: Characters either side of a figure read for its counted thing and its kind of claim (far more than 8 words).
WINDOW = 240
#: Characters before a figure read for the words that end just before it ("rose by", "in", "increase of"): a pattern
#: anchored at the end of the window need not be tried at every one of its 240 characters.
TAIL = 40


#: The most numbers one sentence is read for, and the most non-statistics listed for it. A sentence of news prose
#: prints a handful (the stored articles at most 4); a "sentence" with more is a table, a list or a run of numbers
#: with no full stop, and reading it all cost ~30 s a MB ("12 12 12 …") for nothing a reader could check. Past
#: either limit, one entry of kind NOT_READ or NOT_LISTED says so, and `scan` reports it as not read.
MAX_PER_SENTENCE = 50
NOT_READ = f"rest of a sentence with more than {MAX_PER_SENTENCE} numbers (a table or a list?): not read"
NOT_LISTED = f"more non-statistics than the {MAX_PER_SENTENCE} listed for one sentence: masked, not listed"


def _mask(text: str, sentence: Sentence, left_out: list[LeftOut], skip: frozenset[str] = frozenset(),
          ahead: Readings | None = None) -> str:
    """The sentence with every non-statistic blanked out (offsets kept), each one recorded in `left_out` (at most
    MAX_PER_SENTENCE of them, then one NOT_LISTED entry with how many more). The kinds in `skip` are not looked
    for; `ahead`: the sentence's readings and kinds, when read ahead (`read_ahead`)."""
    unlisted = [0]
    written = text
    through: list[tuple[int, int]] = []

    def blank(m: re.Match[str], kind: str) -> str:
        start, end = _blanked_span(m)
        if len(left_out) < MAX_PER_SENTENCE:
            left_out.append(LeftOut(written[start:end].strip(), kind, sentence))  # as printed
        else:
            unlisted[0] += 1
        if kind in READ_THROUGH:
            through.append((start, end))
        return m.group()[:start - m.start()] + "\x00" * (end - start) + m.group()[end - m.start():]

    # Every kind is found in the one reading the record's checks use (`same_length_reading`: "020–7946–0000" is a
    # phone number and "2016—17" or "2016−17" a year as "2016-17" is, their dashes read as hyphens), then blanked in
    # the sentence as written, one character for one. The personal kinds alone were read so, and the
    # others in the text as written: "In 2016—17 there were 1,737 referrals" gave the figure 17.
    # Outside a personal kind a dot look-alike stays as written (`figure_reading`): a bullet before "•2016" is a list
    # mark, not the decimal point that would hide the year. Both readings are blanked together.
    # One substitution per kind, in C, and only on a sentence where RE2 finds the kind may be (`_KINDS`): the text
    # is copied only where a kind is found.
    # The personal kinds read a letter O or l among digits as the digit, as the record's check does ("Call O2O 7946
    # OOOl": its 7946 was a count), and a circled or raised numeral as the digit NFKC
    # makes it ("Call ⓪20 7946 0000"); a figure's edges never do.
    plain, edges, full, possible = ahead or _readings(text)
    if not plain.isascii() and _MARKED_DIGIT.search(full):
        full = _personal_under_marks(full, written, sentence, left_out, skip, unlisted)
        edges = _blanked(edges, full) if "\x00" in full else edges
        possible = None  # (read ahead in the readings before their marked digits were read)
    if possible is None:
        possible = _KINDS.could_match(*_kind_texts(edges, full))
    for index in sorted(possible):  # in LEFT_OUT's order, as each kind's blanks are read by the kinds after it
        kind, pattern = LEFT_OUT[index]
        if kind in skip:
            continue
        personal = kind in PERSONAL_KINDS
        source = full if personal else edges
        read = letters_read_as_digits(source) if kind in _LETTERS_AS_DIGITS_KINDS else source
        found = pattern.sub(functools.partial(_blank_kind, blank, kind), read)
        if found is read or found == read:
            continue
        found = found if read is source else _blanked(source, found)
        full, edges = (found, _blanked(edges, found)) if personal else (_blanked(full, found), found)
    if unlisted[0]:
        left_out.append(LeftOut(f"{unlisted[0]:,} more", NOT_LISTED, sentence))
    masked = text if "\x00" not in full else _blanked(text, full)
    return _spaced(masked, through) if through else masked


class Readings(NamedTuple):
    """A sentence's readings: the record's (`same_length_reading`), its figures' edges (`figure_reading`) and its
    personal kinds' (`personal_reading`); and the left-out kinds RE2 finds they may hold (None: not yet read)."""

    plain: str
    edges: str
    full: str
    possible: frozenset[int] | None = None


def _readings(text: str) -> Readings:
    """A sentence's `Readings`, its kinds not yet read."""
    plain = same_length_reading(text)
    return Readings(plain, figure_reading(text, plain), personal_reading(plain))


def _kind_texts(edges: str, full: str) -> tuple[str, ...]:
    """The readings the kinds are looked for in: the personal one, and the edges' where it differs."""
    return (full,) if edges is full or edges == full else (full, edges)


def read_ahead(sentences: list[Sentence]) -> list[Readings]:
    """Each sentence's readings and the left-out kinds RE2 finds they may hold (`_KINDS`), for `find_figures`: read
    one RE2 set at a time over every sentence (`could_match_each`), as a set read once per sentence, between the
    Python work on each, is fetched from memory at every pass."""
    readings = [_readings(s.text) for s in sentences]
    kinds = _KINDS.could_match_each([_kind_texts(r.edges, r.full) for r in readings])
    return [r._replace(possible=possible) for r, possible in zip(readings, kinds, strict=True)]


#: The combining marks a text-style generator (strike-through, underline) or an emoji keycap draws on a digit
#: ("0̶", "0̲", "0⃣"): diacritical marks and their supplements, marks for symbols, half marks.
DIGIT_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
#: A digit with a mark drawn on it: an emoji keycap ("0️⃣", its variation selector already read through), an
#: underline ("0̲"). The record's personal-data check drops the marks (`pattern_text`), so "Call 0️⃣2️⃣0️⃣ 7946 0000" is
#: a phone number to it; scan searched the digits with their marks, found none, read the figure 7946 and echoed each
#: marked digit in a not-read line.
_MARKED_DIGIT = re.compile(f"\\d[{DIGIT_MARKS}]")


def _personal_under_marks(full: str, written: str, sentence: Sentence, left_out: list[LeftOut],
                          skip: frozenset[str], unlisted: list[int]) -> str:
    """`full` (the personal reading) with each personal kind found in it with the marks on its digits read away, as
    the record reads them, blanked one character for one (marks included), and each recorded in `left_out` as
    printed. Only a sentence with a marked digit comes here."""
    keep = [i for i, ch in enumerate(full) if not (is_mark(ch) and i and _after_a_digit(full, i))]
    chars = list(full)
    for kind, pattern in LEFT_OUT:
        if kind not in PERSONAL_KINDS or kind in skip:
            continue
        compact = "".join(chars[i] for i in keep)
        check = CHECKED.get(kind)
        for m in pattern.finditer(compact):
            if m.end() == m.start() or (check is not None and not check(m.group())):
                continue
            start, end = keep[m.start()], keep[m.end() - 1] + 1
            while end < len(chars) and is_mark(chars[end]):
                end += 1
            if len(left_out) < MAX_PER_SENTENCE:
                left_out.append(LeftOut(written[start:end].strip(), kind, sentence))
            else:
                unlisted[0] += 1
            chars[start:end] = "\x00" * (end - start)
    return "".join(chars)


def _after_a_digit(text: str, at: int) -> bool:
    """Whether the marks that `text[at]` is one of sit on a digit."""
    while at and is_mark(text[at - 1]):
        at -= 1
    return at > 0 and text[at - 1].isdecimal()


def _spaced(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of `spans` written as spaces: what a reader reads past, with no stop to what the figure
    before it counts. Joined once: a sentence rebuilt for each of its note marks took time that grew with the
    square of its length ("9,000[1] 9,000[2] …" without a full stop)."""
    pieces: list[str] = []
    at = 0
    for start, end in sorted(spans):
        pieces += (text[at:start], " " * (end - start))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


#: The kinds that are personal data: read with look-alike dots as dots too ("020•7946•0000" is a phone number).
PERSONAL_KINDS = frozenset({"e-mail address", "phone number", "postcode", "NHS number"})
#: Kinds that read a letter O or l among digits as the digit, as the personal kinds do: a date typed or scanned
#: "12/O3/2OO9" (a date of birth to the record's check) was the count 12 with the rest beside it, where "12/03/2009"
#: is a date, set aside.
_LETTERS_AS_DIGITS_KINDS = frozenset({"date"})
#: Kinds whose match is one only if this says so: an NHS number's check digit (three numbers in a row with a wrong
#: one, "120 340 1200" in a flattened table, are figures).
def _spaced_range_holds(text: str) -> bool:
    """A range written with a spaced dash ("1,200 – 1,500") rises from its first end to its second; a spaced dash
    between a larger and a smaller number is an aside ("from 1,500 — 300 fewer — to 1,200") or a score, and both
    numbers are read as they are. A range close up ("300-400") is one whichever way it runs."""
    if " - " not in text:
        return True
    ends = [float(re.sub(r"[^\d.]", "", end) or "nan") for end in text.split(" - ", 1)]
    return ends[1] > ends[0]


CHECKED: dict[str, Callable[[str], bool]] = {"NHS number": nhs_check_digit_holds, "range": _spaced_range_holds}


_BLANK_RUN = re.compile("\x00+")


def _blanked(text: str, blanks: str) -> str:
    """`text` with the characters blanked (NUL) in `blanks`, a reading of it of the same length: spliced a run of
    blanks at a time, as a sentence holds a few runs and a hundred characters or more (scan calls this for most
    sentences)."""
    if len(text) != len(blanks):
        raise ValueError("a reading must keep the text's length")
    pieces: list[str] = []
    at = 0
    for run in _BLANK_RUN.finditer(blanks):
        pieces += (text[at:run.start()], run.group())
        at = run.end()
    pieces.append(text[at:])
    return "".join(pieces)


def figure_reading(text: str, reading: str | None = None) -> str:
    """`same_length_reading` of a sentence with every dot look-alike kept as written: where a figure's edges and the
    kinds that are no personal data are read. A dash or slash look-alike joins numbers as "-" and "/" do, but a
    bullet or middle dot before a number is a list mark, never a decimal point ("•1,200 children" is a figure; a dot
    look-alike inside a number leaves it unread: `other_numeral`)."""
    reading = same_length_reading(text) if reading is None else reading
    if reading is text or reading == text:
        return text
    kept = (t if (r == "." and t != ".") or t in _MARGIN_SIGNS else r for t, r in zip(text, reading, strict=True))
    return "".join(kept)


#: Signs of a margin ("1,200 ± 50"), kept as written where figures are read: the personal-data reading names them
#: a minus, and "1,200 ± 50" was read as two figures, an aside between dashes.
_MARGIN_SIGNS = frozenset("±∓")


def counted_phrase(after: str) -> str:
    """The words after a figure that say what it counts, up to the end of the phrase (at most eight words)."""
    m = _STOP.search(after)
    words = (after[:m.start()] if m else after).split()[:8]
    return " ".join(words)


def _derived(core: str, printed: Printed, before: str, after: str) -> tuple[str, str]:
    """The kind of claim a figure looks like ("" for a plain count), and the words that say so."""
    if printed.unit == "percentage points":
        return "point_change", "percentage points"
    if printed.unit == "rate":
        return "rate", core
    if printed.unit == "times":
        return ("percent_change", core) if core.lower().endswith("ed") else ("ratio", core)
    if printed.unit == "percent":
        if _FROM_TO_END.search(before[-TAIL:]):
            return "share", "from … to"
        if _ENDS_TO.search(before[-TAIL:]):  # "rose to 56%", "fell 12 points to 9 per cent": the level it reached
            return "share", "to"
        tail = before[-TAIL:]
        rise_by = (_ENDS_BY.search(tail) and _nearest_change(before[-60:], "")) or _CHANGE_OF.search(tail)
        if rise_by:  # "risen by almost half", "up by more than a third", "a fall of a quarter": a rise or a fall
            return "percent_change", rise_by.group(0)
        if printed.in_words:
            compared = _COMPARATIVE_AFTER.match(after)
            return ("percent_change", compared.group(0).strip()) if compared else ("share", core)
        # (not a part of a whole: "56% of victims, up from 53%" was a rise of 56%, the change is the other figure's)
        change = None if _STARTS_OF.match(after) else _nearest_change(f"{before[-40:]} {core}", f" {after[:40]}")
        if change:
            return "percent_change", change.group(0)
        return "share", "per cent"
    diff = difference_named(before[-TAIL:], after, printed.unit, printed.qualifier)
    if diff:
        return "difference", diff.group(0).strip()
    return "", ""


_PHRASE_END = re.compile(r"\b(?:of|to|in|into|from|for|by|with|within|on|at|across|against|among|between|under|over"
                         r"|per|who|which|that|than|where|whose|when|and|or|as)\b",
                         re.IGNORECASE)


def is_verb_form(word: str) -> bool:
    """A participle read where a noun was expected ("13,860 recorded", "reported by"): never the counted thing."""
    return len(word) > 4 and word.lower().endswith(("ed", "ing"))


def head_noun(phrase: str) -> str:
    """The counted thing a noun phrase names: its last count noun before a preposition or a verb form
    ("ongoing investigation" of "one ongoing investigation into a case", "cases" of "child exploitation cases").
    Where "and" or "or" ends the phrase after a word that is no count noun, the noun before it modifies the rest:
    "child sexual abuse and exploitation crimes" counts crimes (read as children, "115,489 … crimes" was a count of
    people), while "girls and boys" counts girls."""
    end = _PHRASE_END.search(phrase)
    head, last = _head_in(phrase[:end.start()] if end else phrase)
    if end and not last and end.group().lower() in ("and", "or"):
        more = _PHRASE_END.search(phrase, end.end())
        return _head_in(phrase[end.end():more.start() if more else len(phrase)])[0] or head
    return head


def ending_noun(phrase: str) -> str:
    """The count noun a noun phrase ends with before its first preposition or verb form ("children" of "Children at
    risk of CSE", "crimes" of "Crimes connected with CSE"), or "" where it ends with another word: "Child sexual
    exploitation" names exploitation, no count of children."""
    end = _PHRASE_END.search(phrase)
    head, last = _head_in(phrase[:end.start()] if end else phrase)
    return head if last else ""


def _head_in(words: str) -> tuple[str, bool]:
    """The last count noun of words, and whether the words end with it (or with a participle after it)."""
    head, last = "", False
    for word in _WORD.findall(words):
        if is_verb_form(word):
            if head:  # "suspects charged": a participle after the noun ends the phrase
                return head, last
            continue  # "recorded offences": one before it describes the noun
        last = word.lower().startswith(COUNT_NOUNS)
        head = word.lower() if last else head
    return head, last


_NUMBER_OF = re.compile(r"\b(?:number|total|count)s?\s+of\s+([^,;:.()\"“”—–\x00\d]{1,80})", re.IGNORECASE)


def _subject(before: str) -> str:
    """The counted thing named before a figure in its clause as "the number of X …" (any other noun before a
    figure may be what changed, not what is counted: "an increase in crimes …, rising from 618")."""
    low = before.lower()
    if "number" not in low and "total" not in low and "count" not in low:  # what _NUMBER_OF needs: most windows
        return ""
    clause = _CLAUSE_END.split(before)[-1]
    named = [head_noun(m.group(1)) for m in _NUMBER_OF.finditer(clause)]
    return named[-1] if named else ""


_STRUCTURAL = re.compile(r"\b(?:in|at|from|for|of|on|with)\s+$", re.IGNORECASE)


def _is_count_word(core: str, after: str) -> bool:
    """A number in words is a statistic only when it counts something ("one ongoing investigation")."""
    if _STARTS_OF.match(after):
        return False
    words = _SPACE_OR_HYPHEN.split(counted_phrase(after).lower())[:4]
    return any(w.startswith(COUNT_NOUNS) for w in words)


def is_bare_number(p: Printed) -> bool:
    """Digits printed with no unit of their own ("2.77", "332.9"): they may be a rate whose base is printed after
    the words it counts, or, in the record, in the unit column."""
    return p.unit == "count" and p.denominator is None and not p.in_words


#: A rate's base after the words it counts ("2.77 contact child sexual abuse cases per 1,000 children"): at most
#: six words, then "per" and a power of ten (a year, "per 2019 figures", is no base).
_RATE_BASE_AFTER = re.compile(RATE_BASE_WORDS + RATE_BASE, re.IGNORECASE)


def _rate_after(printed: Printed, after: str) -> tuple[Printed, int] | None:
    """A bare number read as the rate its words make it, and where its base starts in `after`; or None.

    The Casey audit's "2.77 contact child sexual abuse cases per 1,000 children" was read as the count 2.77 and
    the count 1,000, so the record's own sentence was "not in the record" and 1,000 a figure to find a source for."""
    if not is_bare_number(printed):
        return None
    m = _RATE_BASE_AFTER.match(after)
    if not m:
        return None
    try:
        rate = parse_printed(f"{printed.text} per {m.group('base')}")
    except PrintedFigureError:
        return None
    return (rate, m.start("base")) if rate.unit == "rate" else None


def find_figures(sentence: Sentence, skip: frozenset[str] = frozenset(),
                 ahead: Readings | None = None) -> tuple[list[Found], list[LeftOut]]:
    """Every statistic printed in one sentence, and every number set aside with the reason (`skip`: left-out kinds
    not to look for; `ahead`: its readings and kinds, when read ahead by `read_ahead`)."""
    left_out: list[LeftOut] = []
    masked = _mask(sentence.text, sentence, left_out, skip, ahead)
    found: list[Found] = []
    # A figure's edges are read as its left-out kinds are (`figure_reading`): the "15" of "13−15" (a minus sign) or
    # "1⁄2" (a fraction slash) is no figure, as that of "13-15" or "1/2" is not; its words as written.
    reading = figure_reading(masked)
    low = _lowered(reading)
    read_to = 0  # where the last number looked at ends: a digit before it that no form took is listed below
    joined_to = -1  # where a number listed whole across a separator the record never prints ends
    bases: set[int] = set()  # where a rate's base read with the figure before it starts ("per 1,000")
    for read, m in enumerate(FIGURE_RE.finditer(reading) if low is None else _FIGURE_LOWER.finditer(low)):
        if read == MAX_PER_SENTENCE:
            rest = sentence.text[m.start():]
            left_out.append(LeftOut(rest if len(rest) <= 60 else f"{rest[:60]}…", NOT_READ, sentence))
            read_to = -1
            break
        _unread_digits(masked, read_to, m.start(), sentence, left_out)
        read_to = m.end()
        if m.start("core") in bases:
            continue  # the base of the rate just read
        # the words as printed (the match may be on the lower-cased copy)
        core = masked[m.start("core"):m.end("core")]
        qual = masked[m.start("qual"):m.end("qual")] if m.start("qual") >= 0 else None
        # Bounded windows: what a figure counts sits within a few words, and slicing the whole sentence for every
        # figure made a long run of numbers quadratic.
        before, after = masked[max(0, m.start() - WINDOW):m.start()], masked[m.end():m.end() + WINDOW]
        kind, read_as = _set_aside(m, core, qual, masked, before, after)
        if read_as is None:
            if m.start("core") < joined_to:
                continue  # the rest of a number already listed whole
            end = _joined_number_end(masked, m.end("core")) if kind == UNREAD else 0
            if end > m.end("core"):  # (and its digits are not listed again after it)
                core, joined_to, read_to = masked[m.start("core"):end], end, max(read_to, end)
            left_out.append(LeftOut(core, kind, sentence))
            continue
        printed, text = read_as
        rate = _rate_after(printed, after)
        if rate:
            printed, base_at = rate
            bases.add(m.end() + base_at)
        derived, because = _derived(core, printed, before, after)
        again = _SAME_CHANGE_AGAIN.search(before[-TAIL:]) if not derived and found else None
        if again and found[-1].derived == "percent_change":  # "fell 12 per cent, or 300": the fall again, as a count
            derived, because = "difference", again.group("joint")
        start = m.start() if text != core else m.start("core")
        counted = counted_phrase(after)
        head = _joined_noun(printed, after) or head_noun(counted)
        subject = "" if head else _subject(before)
        if not head and not subject and found and _ENDS_TO.search(before[-TAIL:]):
            subject = found[-1].head  # a pair shares its subject: "1,737 referrals which jumped to 2,060 in 2015"
        if not head and not subject and printed.unit == "count":
            head = _plural_noun(counted)
        found += with_whole(Found(text, printed, counted, sentence, start, derived, because, subject, head or subject))
    if read_to >= 0:
        _unread_digits(masked, read_to, len(masked), sentence, left_out)
    return found, left_out


#: A noun a count is joined to by a hyphen ("a 374-page report", "a 922-word statement", "the 9,000-strong
#: workforce"), or a measure of a document or a distance after it ("runs to 1,200 pages"): what the number counts,
#: whatever noun follows. Read past it, "a 374-page report" counted reports, of the cases kind: "in the record" as
#: HMIC's 374 cases reviewed, as "runs to 1,200 pages" was as the Met's 1,200 offences.
_JOINED_NOUN = re.compile(r"-(?P<noun>[a-z]{3,})\b(?!-)|\s+(?P<measure>(?:pages?|words?|miles?|kilomet(?:re|er)s?"
                          r"|acres?|hectares?|signatures?)\b)")
#: "the 9,000-strong workforce" counts its members.
_JOINED_AS = {"strong": "members"}


def _joined_noun(printed: Printed, after: str) -> str:
    """What a count joined to a noun by a hyphen, or followed by a measure's noun, counts (`_JOINED_NOUN`)."""
    if printed.unit != "count" or printed.in_words:
        return ""
    m = _JOINED_NOUN.match(after)
    if m is None:
        return ""
    noun = m.group("noun") or m.group("measure")
    return _JOINED_AS.get(noun, noun)


#: Words ending in "s" after a count that name no counted thing: a verb's present ("the 9,000 represents"), an
#: adverb or a pronoun.
_NOT_PLURAL_NOUNS = frozenset("""this his its hers ours yours theirs was has is does says goes as us thus plus less
unless across always perhaps sometimes besides towards afterwards whereas nowadays overseas includes represents
remains means marks makes shows suggests compares covers equates amounts accounts rises falls drops comes stands
puts brings takes gives exceeds reflects contains involves relates refers appears seems needs tops""".split())
_PLURAL = re.compile(r"[a-z]{3,}(?<![su]s)(?<!is)s")


def _plural_noun(counted: str) -> str:
    """The counted thing a count names with a noun no list of counted things holds: the plural its noun phrase ends
    with ("taxi licences" of "29 taxi licences after the review", "hotels", "laptops"). With no counted thing, "The
    council revoked 29 taxi licences …" was "in the record" as the HMIC's 29 online cases and "Police visited 93
    hotels …" as its 93 cases handled well; named, the record's count of another thing is set apart."""
    head = ""
    for word in _WORD.findall(_PHRASE_END.split(counted, maxsplit=1)[0])[:3]:
        low = word.lower()
        if is_verb_form(word) or low in _NOT_PLURAL_NOUNS or low in _STOP_WORDS_BEFORE_A_NOUN:
            break
        if _PLURAL.fullmatch(low):
            head = low
    return head


#: Words after a count that end its noun phrase: an article or a verb ("1,200 were", "9,000 are").
_STOP_WORDS_BEFORE_A_NOUN = frozenset("a an the were are was is be been have had will would could".split())


_OUT_OF = " out of "
_SHARE_BASES = (100.0, 1000.0)


def share_idiom(printed: Printed) -> bool:
    """Whether a part of a whole is a share's idiom ("one out of five", "7 out of 10", "12 out of 100"): its whole is
    10 or less, 100 or 1,000, the base of a share, not a count."""
    whole = printed.denominator
    return printed.unit == "count" and whole is not None and (whole <= 10 or whole in _SHARE_BASES)


def with_whole(part: Found) -> list[Found]:
    """A figure, and after a part of a whole its whole (`whole_of_part`)."""
    whole = whole_of_part(part)
    return [part] if whole is None else [part, whole]


def whole_of_part(part: Found) -> Found | None:
    """The whole of a part printed in digits, "278 out of 374", as a figure of its own, or None. The part alone was
    read: "278 out of 375 cases" was "in the record" by its 278, and the whole no source printed was never looked
    up ("278 out of the 374 cases" read both). A share's idiom, "seven out of ten", "7 out of 10", "12 out of 100",
    has no whole to look up: its whole is the base of a share, not a count."""
    printed = part.printed
    at = part.text.lower().rfind(_OUT_OF)
    if printed.unit != "count" or printed.denominator is None or at < 0:
        return None
    whole = part.text[at + len(_OUT_OF):]
    if not whole[:1].isdigit():
        return None
    try:
        read = parse_printed(whole)
    except PrintedFigureError:
        return None
    if read.value is None or share_idiom(printed):
        return None
    return Found(whole, read, part.counted, part.sentence, part.start + at + len(_OUT_OF), "", "", part.subject,
                 part.head)


def _joined_number_end(masked: str, at: int) -> int:
    """Where a number that goes on past `at` across separators the record never prints ends ("1٬200", "１，２００",
    "18·6", "1．5": an Arabic or full-width comma or stop, a middle dot), or across marks drawn on its digits
    ("1̶,̶2̶0̶0̶", "1⃣2⃣": `_MARKED`), or `at` if none follows. Each such number was listed as two or more ("1" and
    "200"; "1", "2", "0", "0"), none with the digits message the record and verify refuse it with; a space between
    digit groups is its own kind (`SPACED_DIGIT_GROUPS`). A number whose comma or point a letter O or l follows
    ends where its letters and digits do (`_LETTER_DIGITS_AFTER`: "2,O60")."""
    ocr = _LETTER_DIGITS_AFTER.match(masked, at)
    if ocr:
        return ocr.end()
    while at + 1 < len(masked):
        if (number_separator(masked[at]) and not masked[at].isspace()) or _NUMERAL_AFTER_POINT.match(masked, at):
            piece = _DIGITS.match(masked, at + 1)
        else:
            marked = _MARKED.match(masked, at)
            piece = _DIGITS.match(masked, marked.end()) if marked else None
        if piece is None or piece.group()[0] in ".,":
            break
        at = piece.end()
    last = _ON_A_DIGIT.match(masked, at)  # the marks on its last digit, shown with it
    return last.end() if last else at


#: The marks drawn on a digit (a keycap's variation selector may come first), then, before the next digit, its
#: separator or point with the marks drawn on that. A text-style generator or an emoji keycap draws one on every digit.
_ON_A_DIGIT = re.compile(f"[\\ufe0e\\ufe0f]*[{DIGIT_MARKS}][{DIGIT_MARKS}\\ufe0e\\ufe0f]*")
_MARKED = re.compile(f"{_ON_A_DIGIT.pattern}(?:[.,][{DIGIT_MARKS}\\ufe0e\\ufe0f]*)?(?=[0-9])")


_HEADING_UNIT = re.compile(UNIT_IN_BRACKETS, re.IGNORECASE)
_ROW_WORD = re.compile(r"[^\W\d_]+")
#: The most words a table's row printed as text holds besides its numbers ("Metropolitan Police Service | 1.2").
ROW_WORDS = 4


def below_a_unit_heading(sentence: Sentence, found: list[Found],
                         heading: bool) -> tuple[list[Found], list[LeftOut], bool]:
    """A table's row below a heading that prints its numbers' unit in brackets, in an earlier sentence ("Referrals
    (thousands)" over "2019 | 1.2", as a page's table or a PDF's reads as text): its figures are listed as
    HEADED_UNIT, not read as counts a thousand times too small. Returns the figures
    kept, the row listed, and whether the next sentence is below such a heading (`heading`: whether this one is)."""
    text = sentence.text.rstrip()
    row = heading and not text.endswith(".") and len(_ROW_WORD.findall(text)) <= ROW_WORDS  # (words counted only
    # below a heading: counted in every sentence, they cost 0.05 s a MB)
    if row:  # the row whole, as the rest of a sentence after its heading is listed
        return [], [LeftOut(text, HEADED_UNIT, sentence)] if found else [], True
    return found, [], _HEADING_UNIT.search(text) is not None and not text.endswith(".")


def _set_aside(m: re.Match[str], core: str, qual: str | None, masked: str, before: str,
               after: str) -> tuple[str, tuple[Printed, str] | None]:
    """A figure form's match read as a figure (its Printed and the text read), or the kind of number it is set
    aside as."""
    is_word = _WORDNUM_RE.fullmatch(core) is not None
    if is_word and not _is_count_word(core, after):
        return "number word that counts nothing", None
    if is_word and core.lower() == "one" and not qual and _STRUCTURAL.search(before[-TAIL:]):
        return "structural number", None  # "in one region", "in one case": which one, not how many
    if m.group("bare") and not qual and not _ENDS_BY_ANY_CASE.search(before[-TAIL:]):
        return "fraction word that is no share", None
    if _PERIOD_WORD.fullmatch(core) and not qual and _AFTER_AN_AMOUNT.search(before[-TAIL:]) and after[:4] != " of ":
        return "fraction word that is no share", None  # "300 referrals a quarter": each quarter, not 25%
    if _beside_an_unread_letter(before, core, after):
        return LOOKALIKE_LETTERS, None
    marked = masked[m.end("core"):m.end("core") + 2]
    if any(0 <= i < len(masked) and other_numeral(masked[i]) for i in (m.start("core") - 1, m.end("core"))) \
            or (len(marked) == 2 and marked[0] in ",.%" and is_mark(marked[1])) \
            or (len(marked) == 2 and marked[0] in ",." and not marked[1].isascii() and marked[1].isnumeric()):
        # "1½", "7̃37": part of a number written with other numerals, as the record refuses it; or "1,̸200", "56.̸5",
        # a mark drawn on the separator or point after it (read as the figures 1 and 56); or "1,⑵00", "1,①00", such
        # a numeral right after it (read as the exact count 1)
        return UNREAD, None
    if not qual and _UNREAD_FIRST_TERM.search(before[-TAIL:]):
        return UNREAD, None  # "① in 5 children": the second term of a share whose first no form reads
    if not qual and _UNREAD_SECOND_TERM.match(after):
        return UNREAD, None  # "1 in 1,OOO children": the first term of a share whose second no form reads
    # "2,O60", "12.O per cent": the digits before a letter O or l were read as the figure; "1.2 milion offences":
    # read as the count 1.2, a million times too small
    if _LETTER_DIGITS_AFTER.match(masked, m.end("core")) or _misspelt_scale(after):
        return UNREAD, None
    text = f"{qual} {core}" if qual else core
    for attempt in dict.fromkeys((text, core)):
        try:
            printed = parse_printed(attempt)
        except PrintedFigureError:
            continue
        if printed.unit in ("count", "GBP") and printed.scale == 1 and "," not in core and _UNIT_FOLLOWS.match(after):
            return SHARES_UNIT, None
        return "", (printed, attempt)
    return UNREAD, None


#: What ends the words that give a figure its reading, before or after it: a clause's punctuation or a mask.
_READING_STOP = re.compile(r"[,;:.!?](?=\s|$)|[()\x00]")


#: The words a figure's scale or "per cent" is written as, whose near misses a typist makes.
_SCALE_SPELLINGS = ("thousand", "million", "billion", "trillion", "percent")
#: … and the words one letter off them that are spelt right: their plurals.
_SCALE_PLURALS = frozenset(f"{w}s" for w in _SCALE_SPELLINGS)
_WORD_AFTER = re.compile(r"\s?([A-Za-z]{4,})\b")


def _one_edit_away(target: str) -> set[str]:
    """Every word of letters a-z that is `target` with exactly one letter added, dropped or changed, or two letters
    beside each other swapped ("milion", "milliom", "percnet")."""
    cuts = [(target[:i], target[i:]) for i in range(len(target) + 1)]
    words = {head + tail[1:] for head, tail in cuts if tail}
    words |= {head + tail[1] + tail[0] + tail[2:] for head, tail in cuts if len(tail) > 1}
    words |= {head + letter + tail[1:] for head, tail in cuts if tail for letter in string.ascii_lowercase}
    words |= {head + letter + tail for head, tail in cuts for letter in string.ascii_lowercase}
    return words - {target}


#: The near misses of the scale words, listed once: the word after every figure is looked up here, not compared
#: letter by letter with each scale word.
_MISSPELT_SCALES = frozenset().union(*map(_one_edit_away, _SCALE_SPELLINGS)) - _SCALE_PLURALS


def _misspelt_scale(after: str) -> bool:
    """Whether the word after a figure is one letter off a scale word or "percent" without being one: "1.2 milion
    offences" was read as the count 1.2 (a million times too small) and "12 percnt" as the count 12, where a reader
    sees 1.2 million and 12 per cent. Such a figure is listed as not read; a scale spelt right is read as before."""
    m = _WORD_AFTER.match(after)
    return m is not None and m.group(1).lower() in _MISSPELT_SCALES


def _beside_an_unread_letter(before: str, core: str, after: str) -> bool:
    """Whether the words that give a figure its reading (up to three before it in its clause, its qualifier or
    "rose by", and two after it, its scale or unit) hold a letter no check reads as a Latin one (`unread_letter`).
    A word of another script further away ("In Москва, police recorded 1,200 …") leaves the figure read."""
    if (before[-TAIL:] + core + after[:TAIL]).isascii():
        return False
    head = _READING_STOP.split(before[-TAIL:])[-1].split()[-3:]
    tail = _READING_STOP.split(after[:TAIL])[0].split()[:2]
    return unread_letter(" ".join([*head, core, *tail])) is not None


def _numerals() -> str:
    r"""The body of a character class of every numeral of the Basic Multilingual Plane that is no digit of a script
    (which `\d` reads): vulgar fractions, subscripts, circled, bracketed and Roman numerals ("½", "₁₂", "①", "Ⅻ"),
    as Unicode's number categories name them, in ranges; and past it, those NFKC reads as digits (`_ASTRAL_NUMERALS`).
    """
    codes = [c for c in range(0x80, 0x10000) if (ch := chr(c)).isnumeric() and not ch.isdecimal()
             and unicodedata.category(ch)[0] == "N"]
    codes += [c for c in range(*_ASTRAL_NUMERALS) if unicodedata.category(chr(c))[0] == "N"]
    return "".join(_escaped(a) if a == b else f"{_escaped(a)}-{_escaped(b)}" for a, b in code_runs(codes))


#: The numerals past the Basic Multilingual Plane that NFKC reads as a digit and a comma or full stop (the Enclosed
#: Alphanumeric Supplement's DIGIT ZERO FULL STOP … DIGIT NINE COMMA, and its dingbat circled zeros): "🄂200", drawn
#: "1,200", was taken for a code's letters and its "200" set aside without a word, where `verify`, `search` and the
#: record refuse it with the digits message. (The other numerals out there are a script's own, read as its letters;
#: every range added to these classes is tried on every character scan reads.)
_ASTRAL_NUMERALS = (0x1F100, 0x1F10D)


def _escaped(code: int) -> str:
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


#: A number as printed, however malformed ("1,73", "12,34,567", ".5", the "19" of "COVID-19", "3b", "½"): what no
#: figure form and no left-out kind took is listed, so no number is dropped without a word. A vulgar fraction was in
#: neither list ("½ of the total" left no trace); nor were subscripts, circled or Roman
#: numerals ("₁₂ cases", "① case").
_NUMERALS = _numerals()
_DIGITS = re.compile(rf"[.,]?[\d{_NUMERALS}]+(?:[.,][\d{_NUMERALS}]+)*[\w%]*")
#: A numeral right after a number's comma or point ("1,⑵00"): the number goes on past the comma (`_joined_number_end`).
_NUMERAL_AFTER_POINT = re.compile(f"[.,][{_NUMERALS}]")
_ANY_DIGIT = re.compile(rf"[\d{_NUMERALS}]")
#: The first term of "N in M" or "N out of M" written so no figure form reads it: a numeral ("①"), a digit with a
#: mark drawn on it (an emoji keycap "1️⃣", an underlined "1̲"), or a letter l for a one, as OCR reads it ("l in 5").
#: A reader sees the share "1 in 5"; scan listed the first term and read the second as the exact count 5.
_UNREAD_FIRST_TERM = re.compile(rf"(?:(?<![\w.,])[{_NUMERALS}l]|\d[{DIGIT_MARKS}]+)\s+(?:in|out\s+of)\s+$")
#: … and the other way round: a second term with a letter O or l for a digit ("1 in 1,OOO", "1 in l,OOO", "1 in 1O"),
#: which is listed as not read; the first was read as the exact count 1, where a reader sees the share "1 in 1,000".
_UNREAD_SECOND_TERM = re.compile(r"\s+(?:in|out\s+of)\s+(?=[\dOol,]*[Ool])(?=[\dOol]*[\d,])[\dOol]{1,3}(?:,[\dOol]{3})*"
                                 r"(?![^\W_])")
#: Where a number is part of a name or a code: a letter written on to it, before (with a hyphen or not) or after.
_LETTERED = re.compile(rf"[^\W\d_{_NUMERALS}]")  # a letter: \w less digits, "_" and numerals (\w holds them)
_LETTER_BEFORE = re.compile(rf"{_LETTERED.pattern}-?$")
#: A number whose only letters are a scale or pence written on to it ("1,2k", "½m", "1¼bn", "1,200p"): a figure in a
#: form no figure form reads, not a code; each was dropped without a word.
_SCALED = re.compile(rf"[.,]?[\d{_NUMERALS}]+(?:[.,]\d+)*(?:{JOINED_SCALE_WORDS}|p)", re.IGNORECASE)
#: A number that is a statistic whatever is written on to it, after or before: thousands commas or a per cent sign
#: ("1,200cases", "9,000children", a typo's missing space, were listed as part of a name and so not reported;
#: so were "sub-1,200" and "over-1,200"). No code prints its digits so.
#: (with a letter O or l written for a digit after the first, "1,2O0", "12,OOO", "5O%", as the personal-data check
#: reads a phone number's: set aside as a code, not reported)
_STATISTIC_SHAPE = re.compile(r"^\d{1,3}(?:,[\dOol]{3})+(?!\d)|^\d[\dOol]*(?:[.,][\dOol]+)?%"
                              # (a decimal comma too: "O,5%" was lost without a word, where "0,5%" is listed)
                              # … or a decimal whose point a letter O or l follows ("1.2OO", "12.5O"): set aside as
                              # a code, it was lost without a word
                              r"|^\d+\.\d*[Ool][\dOol]*$")
#: A letter O or l for the digit after a figure's comma or point (`LETTER_DIGITS_AFTER`): the figure forms end a
#: number at a comma or point with no digit after it, so the digits before it were read as the exact figure and the
#: rest set aside as a code. The number is listed whole as not read, as "1,2O0" is.
_LETTER_DIGITS_AFTER = re.compile(LETTER_DIGITS_AFTER)
#: … or a per cent or a scale in words after it ("rose by12 per cent", "by1.2 million": listed as part of a name,
#: so not reported).
_STATISTIC_AFTER = re.compile(rf"{PER_CENT_SIGN}\b|\s(?:{SPACED_SCALE_WORDS})\b", re.IGNORECASE)
#: A letter O or l written for the first digit, alone before it, as OCR and typewriters print a figure ("l,200",
#: "l2%", "O.5%"): only the digits after it were the number, set aside as a code without a word (",200") or listed
#: as another number ("2%"). With the letter read as its digit, the statistic's shape decides, as for "1,2O0".
_FIRST_DIGIT_A_LETTER = re.compile(r"(?<![^\W\d_])[Ool]$")
_LETTER_DIGITS = str.maketrans("Ool", "001")
#: … and before it a pound or dollar sign, which makes any number an amount ("£l.2m" was lost without a word).
_MONEY_BEFORE_A_LETTER = re.compile(r"[£$][Ool]$")


def _unread_digits(masked: str, start: int, end: int, sentence: Sentence, left_out: list[LeftOut]) -> None:
    """List each number between `start` and `end` of the masked sentence (`_DIGITS`) that no figure form matched:
    inside a name or a code when a letter is written on to it, else a number no form reads, which scan reports as
    not read. Looked for only where a digit is (most stretches between figures hold none)."""
    listed_to = start  # where a number listed whole with the letters after it ends ("12,OOO")
    for number in _DIGITS.finditer(masked, start, end) if _ANY_DIGIT.search(masked, start, end) else ():
        if len(left_out) >= MAX_PER_SENTENCE:
            return
        if number.start() < listed_to:
            continue
        text = number.group()
        if _FIRST_DIGIT_A_LETTER.search(masked, max(start, number.start() - 2), number.start()) and (
                _STATISTIC_SHAPE.match((masked[number.start() - 1] + text).translate(_LETTER_DIGITS))
                or _MONEY_BEFORE_A_LETTER.search(masked, max(start, number.start() - 2), number.start())):
            left_out.append(LeftOut(masked[number.start() - 1] + text, UNREAD, sentence))
            continue
        before = _LETTER_BEFORE.search(masked, max(0, number.start() - 2), number.start())
        lettered = not _STATISTIC_SHAPE.match(text) and not _STATISTIC_AFTER.match(masked, number.end()) and (
            before or (_LETTERED.search(text) and not _SCALED.fullmatch(text)))
        written = masked[before.start():number.start()] + text if before else text
        if lettered and _drawn_as_digits(written):
            left_out.append(LeftOut(written, LOOKALIKE_LETTERS, sentence))
            continue
        ocr = None if lettered else _LETTER_DIGITS_AFTER.match(masked, number.end())
        if ocr:  # listed whole: "12,OOO", not "12"
            text, listed_to = text + ocr.group(), ocr.end()
        left_out.append(LeftOut(text, IN_A_NAME if lettered else UNREAD, sentence))


def _drawn_as_digits(written: str) -> bool:
    """Whether a number holds letters of another script that, each read as a digit, give it a statistic's shape
    (`_STATISTIC_SHAPE`), as a letter O or l does: "1,2О0" with a Cyrillic О, "5Ο%" with a Greek omicron, "І,200"
    (multilingual OCR, or a page hiding a figure from a scanner) were set aside as a name or a code, so the statistic
    left no trace. A unit written on to a number ("5µg", which NFKC writes with a Greek
    mu) keeps no such shape and is still a code."""
    if written.isascii() or unread_letter(written) is None:
        return False
    return _STATISTIC_SHAPE.match("".join("0" if unread_letter(ch) else ch for ch in written)) is not None


def _blanked_span(m: re.Match[str]) -> tuple[int, int]:
    """What a kind's match blanks: its part named `mark` where it has one ("56%3": the note's "3", after the "%" it
    matched only to know where it is), else all of it. Matching the unit, where a lookbehind only looked at it, lets
    the kind set (`_KINDS`) look for the unit too: with lookbehinds it ran the kind on every sentence with a digit."""
    if "mark" in m.re.groupindex and m.group("mark") is not None:
        return m.span("mark")
    return m.span()


def _blank_kind(blank: Callable[[re.Match[str], str], str], kind: str, match: re.Match[str]) -> str:
    check = CHECKED.get(kind)
    return match.group() if check is not None and not check(match.group()) else blank(match, kind)
