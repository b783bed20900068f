"""The project's one vocabulary for printed figures: qualifiers, their direction and tolerance, and number words.

Every stage reads numbers the same way, so every stage must agree on what "more than", "almost" or "a third"
means: the record's parser, the fact-check's verdicts, the scan's matching and the charts' markers all import
these tables instead of keeping their own lists (a second list is how a chart and a verdict came to disagree).

Standard library only: `verify` imports this on deadline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from analysis.record.word_pattern import trie_pattern

__all__ = [
    "Qualifier", "CANONICAL", "QUALIFIERS", "MIRRORED", "TOLERANCE", "UNAVAILABLE", "direction", "is_approximate",
    "WORD_NUMBERS", "FRACTIONS",
    "MULTIPLES",
    "SCALES", "PER_CENT", "PERCENTAGE_POINTS", "number_word", "LIST_SEPARATOR", "split_list", "join_list",
    "fmt_percent", "join_steps", "split_steps", "rounded_range", "round_step",
]

#: How far "about", "almost" and "just over" may stray from the printed value: 5 per cent of it.
TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Qualifier:
    """What a canonical qualifier promises about the true value x relative to the printed value X.

    `direction` is where x lies: "exact" (X at its printed precision), "lower" (X is a lower bound: x above it),
    "upper" (X is an upper bound: x below it) or "about" (either side). `inclusive` says whether x may equal X;
    `band` is how far beyond X the true value may lie, as a fraction of X (None: no limit, as for "more than").
    """

    name: str
    direction: str
    inclusive: bool
    band: Decimal | None


#: The canonical qualifiers, each with its one meaning. Everything printed maps onto one of these.
CANONICAL: dict[str, Qualifier] = {q.name: q for q in (
    Qualifier("exact", "exact", True, Decimal(0)),
    Qualifier("more than", "lower", False, None),
    Qualifier("at least", "lower", True, None),
    Qualifier("just over", "lower", False, TOLERANCE),
    Qualifier("fewer than", "upper", False, None),
    Qualifier("at most", "upper", True, None),
    Qualifier("almost", "upper", False, TOLERANCE),
    Qualifier("about", "about", True, TOLERANCE),
)}

#: The qualifier of a printed marker for a value the publisher withheld or did not have ("[c]", "[x]"): no number.
UNAVAILABLE = "unavailable"

#: Printed qualifier words → the canonical qualifier. Longest phrases are matched first.
QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than", "below": "fewer than",
    "up to": "at most", "at most": "at most", "no more than": "at most",
    "almost": "almost", "nearly": "almost", "just under": "almost", "close to": "almost",
    "just over": "just over", "just above": "just over", "slightly more than": "just over",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "c.": "about", "circa": "about",
    # (each of these was read by scan as the exact figure after it, "north of 1,200" as 1,200)
    "north of": "more than", "upwards of": "more than", "beyond": "more than",
    "a minimum of": "at least", "south of": "fewer than", "a maximum of": "at most",
    "shy of": "almost", "just shy of": "almost", "short of": "almost", "getting on for": "almost",
    "approx.": "about", "approx": "about", "est.": "about",
    "as many as": "at most", "as much as": "at most", "nigh on": "almost", "the best part of": "almost",
    "not quite": "almost", "a little under": "almost", "a little less than": "almost", "slightly less than": "almost",
    "slightly under": "almost", "a little over": "just over", "a little more than": "just over",
    "slightly over": "just over", "in the region of": "about", "in the order of": "about", "of the order of": "about",
    "more or less": "about", "give or take": "about", "an approximate": "about", "as few as": "about",
    # (each read as the exact figure, and "not more than 1,200" as "more than 1,200", its meaning turned round;
    # a verb that says the figure was passed or neared is a qualifier too, "reached" and
    # "hit" are not)
    "not more than": "at most", "not over": "at most", "not less than": "at least", "not fewer than": "at least",
    "as high as": "at most", "as low as": "about", "approaching": "almost", "nearing": "almost", "neared": "almost",
    "nearer": "about", "closer to": "about", "more like": "about",
    "topped": "more than", "exceeded": "more than", "surpassed": "more than",
    "did not exceed": "at most", "does not exceed": "at most", "not exceeding": "at most",
    # (each read as the exact figure or with its first word dropped, "a shade under 1,200" as "under 1,200";
    # a projection is an estimate)
    "on the order of": "about", "a shade under": "almost", "a tad under": "almost", "just south of": "almost",
    "a shade over": "just over", "a tad over": "just over", "just north of": "just over",
    "a projected": "about", "projected": "about",
    # (circa's other abbreviations: scan split the sentence at "ca." and read "ca. 1,200" as the exact 1,200, where
    # the record and `verify` refused it)
    "ca.": "about", "circ.": "about",
    # (each read as the exact figure or with its first words dropped, "a hair under 1,200" as "under 1,200", "little
    # more than 1,200" as "more than 1,200". A figure hedged with "perhaps" or "likely" is
    # an estimate, as "an estimated" one is; "easily 1,200" says 1,200 at the least)
    "the better part of": "almost", "not far off": "almost", "not far short of": "almost", "a hair under": "almost",
    "a hair over": "just over", "little more than": "just over", "only just over": "just over",
    "perhaps": "about", "possibly": "about", "maybe": "about", "probably": "about", "potentially": "about",
    "likely": "about", "an expected": "about", "easily": "at least",
    # (each read as the exact figure, or "a touch over 1,200" as "over 1,200". "pushing
    # 1,200" is left out: "gangs were pushing 12 children into crime" counts children)
    "something like": "about", "at the very least": "at least", "at the very most": "at most", "close on": "almost",
    "verging on": "almost", "bordering on": "almost", "edging towards": "almost", "edging toward": "almost",
    "a touch under": "almost", "fractionally under": "almost", "fractionally below": "almost",
    "marginally under": "almost", "marginally below": "almost", "marginally less than": "almost",
    "a touch over": "just over", "fractionally over": "just over", "fractionally above": "just over",
    "marginally over": "just over", "marginally above": "just over", "marginally more than": "just over",
    # (the other forms of the verbs above, "exceeds 1,200", "surpassing 1,200", "approached 1,200": the exact figure,
    # and "will not exceed 1,200" a figure denied; "upward of" as "upwards of", "barely more than" as "little more
    # than". Not "top" or "near", which rank and place: "the top 10 forces")
    "exceed": "more than", "exceeds": "more than", "exceeding": "more than", "surpass": "more than",
    "surpasses": "more than", "surpassing": "more than", "topping": "more than", "upward of": "more than",
    "not exceed": "at most", "not surpass": "at most", "never exceeded": "at most",
    "approached": "almost", "approaches": "almost", "nears": "almost",
    "barely more than": "just over", "scarcely more than": "just over", "hardly more than": "just over",
    "barely over": "just over", "barely under": "almost",
    # (the hedges above as adjectives after an article, as "an estimated" and "a projected" are: "a possible 1,200",
    # "a rough 1,200", "a predicted 1,200", each read as the exact 1,200)
    "a possible": "about", "a potential": "about", "a probable": "about", "a rough": "about", "a predicted": "about",
    "a forecast": "about", "an anticipated": "about", "in the ballpark of": "about",
    "within touching distance of": "almost",
    # (an estimate said with its verb, "estimated at 1,500", "estimated to be 1,500", "Police estimate 1,500",
    # "believed to be 1,500", "put at 1,500": each the exact 1,500, where "an estimated 1,500" is about.
    # "said to be" and "reported to be" attribute a figure, and stay exact; "estimated that" is
    # left as it was, exact, as a test of "The survey estimated that 8.5million adults" has it)
    "estimated at": "about", "estimated to be": "about", "estimated to number": "about", "estimate": "about",
    "estimates": "about",
    "thought to be": "about", "thought to number": "about", "believed to be": "about", "believed to number": "about",
    "put at": "about",
    # (a bound in a table's or a slide's short words, "max 1,200", "min. 1,200", "upto 1,200", "up-to 1,200", and
    # the idioms "well-nigh 1,200", "the thick end of 1,200", "a ballpark 1,200", "at a guess 1,200": each read as the
    # exact 1,200 by scan, and a quote printing one passed with the value typed "1,200". Not a bare "min", which is
    # minutes as often)
    "max": "at most", "max.": "at most", "maximum": "at most", "min.": "at least", "minimum": "at least",
    "upto": "at most", "up-to": "at most", "an estimated minimum of": "at least", "an estimated maximum of": "at most",
    "well-nigh": "almost", "well nigh": "almost", "the thick end of": "almost", "a ballpark": "about",
    "ballpark": "about", "at a guess": "about",
}


def direction(qualifier: str | None) -> str:
    """'exact', 'lower', 'upper' or 'about' for a qualifier as printed or canonical (blank means exact).

    An unknown word is treated as approximate, never as exact: a chart or a match must not say more than the
    words did.
    """
    q = str(qualifier or "exact").strip().lower()
    if q in ("", "nan", "none"):
        return "exact"
    canonical = CANONICAL.get(q) or CANONICAL.get(QUALIFIERS.get(q, ""))
    return canonical.direction if canonical else "about"


def is_approximate(qualifier: str | None) -> bool:
    """True for a bound or an approximation ("more than", "about"): whatever is worked from the figure is then
    approximate too, and says so. False for an exact figure (or no qualifier) and for a marker, which has no value."""
    return qualifier != UNAVAILABLE and direction(qualifier) != "exact"


WORD_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
}

#: Fractions in words, as per cent. Judged as approximate ("about") unless a qualifier is printed with them.
FRACTIONS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two-fifths": 40.0, "two fifths": 40.0,
    "three-fifths": 60.0, "three fifths": 60.0, "four-fifths": 80.0, "four fifths": 80.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}

#: Multiples in words ("doubled", "three times"), as a ratio. Approximate like fractions.
MULTIPLES: dict[str, float] = {
    "twice": 2.0, "doubled": 2.0, "double": 2.0, "tripled": 3.0, "trebled": 3.0, "treble": 3.0, "triple": 3.0,
    "quadrupled": 4.0, "quintupled": 5.0, "sextupled": 6.0, "halved": 0.5,
}

#: A qualifier before a multiple below one, turned round: "more than halved" says the ratio is below 0.5, "almost
#: halved" just above it. Read as printed, "more than halved" held for any ratio above 0.5, a fall of less than half.
MIRRORED: dict[str, str] = {"more than": "fewer than", "fewer than": "more than", "at least": "at most",
                            "at most": "at least", "just over": "almost", "almost": "just over"}

#: How a per-cent sign is printed ("56%", "56 per cent", "56 percent", "56pc", "56 per-cent"): a regular-expression
#: alternation, used by the parser, scan and search alike.
PER_CENT = r"%|per[\s-]?cent|pc"
#: … of which a space may come before all but "pc" ("56pc" and "56-pc" are 56 per cent, "56 pc" is not read: scan
#: lists it as not read, and "56 PCs" are police constables). The parser read "56 pc" and "56 PC" as 56 per cent while
#: scan listed the first as not read and counted the second, and scan read "56-pc" as the count 56: two readings of
#: one text.
PER_CENT_SPACED = r"%|per[\s-]?cent"
#: How "percentage points" is printed ("3 percentage points", "3 percentage-points", "3 ppts", "3pp"), for the parser
#: and scan alike: scan read "5 ppts" and "5 percentage-points" as the count 5.
PERCENTAGE_POINTS = r"percentage[\s-](?:points?|pts?)|ppts?|pp"
#: The words between the two numbers of a share ("one in five", "12 in every 100", "three out of every four", "12 for
#: every 1,000"), for the parser and scan alike: scan read "12 for every 1,000" as the counts 12 and 1,000.
SHARE_JOINER = r"(?:in[ -](?:every[ -])?|(?:out[ -]of|for)[ -]every[ -])"
#: A unit or scale in brackets, as a table's heading prints it ("Referrals (thousands)", "Cost (£m)", "(in %)"), and
#: the numbers after one ("Number (thousands) | 2020 | 389.3", "Cost (£m): 1.2"): scan lists them to check by hand,
#: as counts a thousand times too small otherwise, and the quote check finds no value printed there (`figures`).
UNIT_IN_BRACKETS = (r"\(\s*(?:in\s+)?(?:thousands|millions|billions|'?000s?"
                    r"|£\s?(?:m|bn|k|'?000s?|thousands|millions)|%|per\s?cent|percentages?)\s*\)")
HEADED_NUMBERS = rf"{UNIT_IN_BRACKETS}\s*(?::|(?=[|\d£]))"
#: A rate's base printed after the words a number counts ("2.77 contact child sexual abuse cases per 1,000 children"):
#: at most six words, then "per" and a power of ten (a year, "per 2019 figures", is no base; "per 1k" or "per 1,000
#: million" is a base with a scale, which scan lists as not read). Scan reads the number before it as a rate per that
#: base, and the quote check holds a bare value's unit to it (`figures`), so the two read one base.
RATE_BASE_WORDS = r"\s+(?:[^\W\d_][\w'-]*\s+){1,6}?"
RATE_BASE = (r"per\s+(?P<base>1(?:0{1,2}|,?000|0,?000|00,?000|,?000,?000))"
             r"(?![\w,.%]|\s?(?:k|m|thousand|million)\b)")

#: Every currency sign Unicode has (category Sc, as NFKC leaves them: "￡" is "£", "＄" "$") but the pound's "£" and
#: the dollar's "$", as ranges of code points (Unicode 15). Scan listed "$1.2m", "€1.2m", "¥1,200" and "₹1,200" as
#: not read but read "₤1.2m" (the lira sign, which older British print uses for the pound), "₩1,200", "₽1,200" or
#: "¢50" as the bare count, and the quote check took "1,200" as printed in "€1,200": the record held a count where
#: the source printed money. tests/test_attacks_round22b.py checks the list is whole.
CURRENCY_RANGES = ((0xA2, 0xA2), (0xA4, 0xA5), (0x58F, 0x58F), (0x60B, 0x60B), (0x7FE, 0x7FF), (0x9F2, 0x9F3),
                   (0x9FB, 0x9FB), (0xAF1, 0xAF1), (0xBF9, 0xBF9), (0xE3F, 0xE3F), (0x17DB, 0x17DB), (0x20A0, 0x20A7),
                   (0x20A9, 0x20C0), (0xA838, 0xA838), (0x11FDD, 0x11FE0), (0x1E2FF, 0x1E2FF), (0x1ECB0, 0x1ECB0))
#: … as the inside of a character class.
CURRENCY_SIGNS = "".join(chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in CURRENCY_RANGES)
#: Scale words printed after a number ("£15.6million", "1.2 million").
SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
}
#: The scale words as patterns, longest first, shared by the parser and scan (each had its own list, so scan read
#: "£1.2 mn" as £1.2 and left "£1.2mn" unread, both £1.2 million to the record): any after money, with or without a
#: space; after a count joined to its digits, all but "b" ("section 3b" names a part, not 3 billion); after a
#: space, the words of more than one letter ("a 5 m wall" is five metres).
SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
JOINED_SCALE_WORDS = "|".join(w for w in sorted(SCALES, key=len, reverse=True) if w != "b")
SPACED_SCALE_WORDS = "|".join(w for w in sorted(SCALES, key=len, reverse=True) if len(w) > 1)
#: A qualifier printed on to a figure after it that opens its end ("1,200+", "1,200-plus", "1,200 plus"), and one
#: that makes it approximate ("1,200-odd", "1,200-ish"): scan lists each (`OPEN_END`, `SIGNED_QUALIFIER`), and the
#: quote check does not take the bare value as printed there.
OPEN_END_AFTER = r"\+(?![\d+])|-?\s?plus\b"
ABOUT_AFTER = r"-?(?:odd|ish)\b"
JOINED_QUALIFIER_AFTER = rf"{OPEN_END_AFTER}|{ABOUT_AFTER}"
#: The same in words after the figure, spaced: open-ended ("1,200 and over", "1,200 upwards"), beyond it either way
#: ("1,200 or more", "1,200 or fewer"; after a number up to ten, `NOT_A_THRESHOLD`, a definition's threshold: "two or
#: more suspects"), and approximate ("1,200 or so", "1,200 approx."). Scan lists each as a number no figure form
#: reads, and the quote check does not take the bare 1,200 as printed there (it took "1,200 or more cases", and the
#: two-1,200s chart printed the Home Secretary's bound as an exact count).
OPEN_END_WORDS_AFTER = (r"\s+and\s+(?:over|above|upwards|counting|rising|climbing|growing)\b"
                        # ("1,200 and up", "1,200 upwards": the exact 1,200)
                        r"|\s+and\s+up\b(?!\s+(?:to|from)\b)|\s+(?:or\s+)?upwards\b(?!\s+(?:of|from)\b)")
#: ("or fewer" the other way: "1,200 or fewer cases" was the exact 1,200)
OR_BEYOND = r"\s+or\s+(?:more|over|above|higher|fewer|less|under|below|lower)\b"
NOT_A_THRESHOLD = r"(?!(?:\d|10)\b(?![.,]\d))"
ABOUT_WORDS_AFTER = r"\s+or\s+so\b|\s+approx(?:imately\b|\.|\b)|\s+or\s+thereabouts\b"
#: A qualifier printed as a sign before a figure ("~1,200", "≈1,200", "<1,200", ">1,200", "≥ 1,200", ">= 1,200"):
#: scan lists each as a number no figure form reads, and the quote check does not take the bare 1,200 as printed
#: there (it took "~1,200 cases" and ">1,200 cases" as printing an exact 1,200: the record drew an approximation or a
#: bound as exact).
QUALIFIER_SIGN_BEFORE = r"(?:[<>]=|=[<>]|[~≈<>≥≤±∓≳≲≃≅])\s?"
#: A margin printed after a figure ("1,200 ± 50", "1,200 (+/- 50)"), up to the margin's own number.
MARGIN_AFTER = r"\s?\(?\s?(?:[±∓]|\+/-)\s?"
#: An approximation in brackets after a figure ("1,200 (approx.)", "1,200 (roughly)"); an estimate's
#: ("1,200 (est.)") is `BRACKETED_ESTIMATE_WORDS`, which scan lists too but the quote check, as for "an estimated
#: 1,200", leaves to the measure to say.
BRACKETED_ABOUT_WORDS = r"approx(?:imately|\.)?|about|around|roughly|circa|ca?\."
BRACKETED_ESTIMATE_WORDS = r"est(?:imated?|\.)?|estimate"
#: A qualifier printed after a figure, at the end of its clause ("1,200 at most.", "1,200 at the very least."), for
#: scan and the quote check alike.
AFTER_QUALIFIER = (r"(?:at\s+(?:the\s+)?(?:very\s+)?(?:most|least)|at\s+(?:an?\s+)?(?:minimum|maximum)"
                   r"|if\s+not\s+(?:more|higher|fewer|lower)|or\s+even\s+(?:more|higher)|max|tops|minimum|maximum"
                   r"|at\s+a\s+push"
                   # (and the qualifiers printed before a figure, printed after it: "1,200, roughly.", "1,200 give or
                   # take.", "1,200 odd.": each the exact 1,200)
                   r"|roughly|approximately|give\s+or\s+take(?:\s+a\s+few)?|more\s+or\s+less|at\s+a\s+guess|odd)\b")
#: Where a figure's clause ends: a stop, a bracket or the end of the text.
CLAUSE_END = r"(?=\s*(?:[.,;:!?)]|$))"
#: The words a figure counts, after it ("1,200 cases", "1,200 child-abuse cases"), up to three: a qualifier after
#: them that ends the clause or meets its verb ("1,200 cases or more were found", "1,200 victims, if not more.")
#: is the figure's, for scan and the quote check alike.
COUNTED_WORDS = r"(?-i:(?:\s+[a-z]+(?:-[a-z]+)*){1,3})"
CLAUSE_ENDS = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:were|was|are|is|have|had|has)\b)"

#: The words before a figure that deny it or set it aside for another ("the figure was not 1,200 but 1,300", "1,300
#: rather than 1,200", "instead of the 1,200", "nowhere near 1,200", "far from 1,200"), but a qualifier that starts
#: with "not" ("not more than 1,200", "not quite 1,200"), which is read with its figure: scan lists such a figure as
#: one the sentence denies, and the quote check does not take it as printed there (a transcriber who took the
#: denied number passed).
NOT_QUALIFIERS = "|".join(re.escape(q[4:]) for q in sorted(QUALIFIERS, key=len, reverse=True) if q.startswith("not "))
DENIED_BEFORE = (r"nowhere\s+(?:near|close\s+to)\s+|(?<!not )far\s+from\s+|rather\s+than\s+(?:the\s+)?"
                 rf"|instead\s+of\s+(?:the\s+)?|not\s+(?:the\s+)?(?!(?:{NOT_QUALIFIERS})\b)")

#: A hedge before a range's second end ("between 1,200 and perhaps 1,400", "from 1,200 to as many as 1,400"), for
#: scan's ranges and the quote check's alike.
HEDGED_END = (r"(?:perhaps|possibly|maybe|probably|potentially|as\s+(?:many|much|high)\s+as|up\s+to|about|around"
              r"|almost|nearly)")
#: The words that make two numbers one range: "between 2,000 and 3,000", and two amounts of one kind joined by "or"
#: ("maybe 2,000 or 3,000 cases"). Scan lists each as a range, and the quote check does not take either end as
#: printed alone there, as it does not in "2,000–3,000" (the parser reads no range: the record held an exact
#: figure the speaker never stated).
_AMOUNT = r"£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
RANGE_WORDS_BEFORE = (rf"\bbetween\s+$"
                      rf"|\bbetween\s+{_AMOUNT}(?:{JOINED_SCALE_WORDS}|%)?\s+and\s+(?:{HEDGED_END}\s+)?$")
RANGE_WORDS_AFTER = rf"\s+and\s+(?:{HEDGED_END}\s+)?£?\d"
#: ("1,200 or 56% of cases" names one amount twice: a count or a share, never both ends of one range; "5 or 6%" is
#: a range of shares, its first end bare)
AMOUNTS_OR_BEFORE = rf"(?<![\w£.,/-]){_AMOUNT}(?:{JOINED_SCALE_WORDS})? or $"
SHARES_OR_BEFORE = r"(?<![\w£.,/-])(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%|\d{1,2}(?:\.\d+)?) or $"
AMOUNTS_OR_AFTER = rf" or {_AMOUNT}(?![\d%]|[.,]\d|\s?per[\s-]?cent)"

#: Units and scales printed after a number that the parser does not read ("56 pct", "56 p.c.", "1.2 mln", "3 bln",
#: "twelve hundred", "12 dozen"): scan reported such a number as the bare count 56, 1.2 or 12, a figure the article
#: never printed; it now reports it as not read.
#: "5 points" and "5 pts" too: a change in percentage points, or points on an index or a score (read as the count 5).
#: (and "1.2 billions", "3 crores", "1.2 thou", "£5 grand", "1.2 Mio": each the bare number, its unit dropped)
#: (and per mille, "5‰", "5 ‱", "5 per mille", and the Arabic per cent sign spaced, "56 ٪": scan read each as the
#: count, the sign dropped, where the record and `verify` refuse it)
UNREAD_UNITS: tuple[str, ...] = (
    "pct", "p.c.", "p.c", "mln", "mil", "bln", "bil", "tn", "trillion", "trillions", "billions", "lakh", "lakhs",
    "crore", "crores", "hundred", "dozen", "dozens", "point", "points", "pt", "pts", "gbp", "usd", "eur", "pound",
    "pounds", "quid", "grand", "thou", "mio", "mrd", "dollar", "dollars", "euro", "euros", "yen", "rupee", "rupees",
    "‰", "‱", "per mille", "per-mille", "permille", "-per mille", "-per-mille", "-permille", "٪",
    # (a distance, a weight, a temperature or "p/c": "1,200 km" and "12°C" were the counts 1,200 and 12.
    # Not "m", which is a million as often as a metre)
    "p/c", "km", "kilometre", "kilometres", "kilometer", "kilometers", "metres", "meters", "mile", "miles", "mph", "kg",
    "kilo", "kilos", "kilogram", "kilograms", "tonne", "tonnes", "ton", "tons", "ft", "feet", "inch", "inches", "acre",
    "acres", "hectare", "hectares", "litre", "litres", "liter", "liters", "°", "°c", "°f",
    # (a per cent written "o/o" or "per centum", a currency after the number, "1,200 €": each the count)
    "o/o", "per centum", "€", "$", "£",
    # (and "1.2 trn", "1.2 mill", "5 bps", "5 basis points": the counts 1.2 and 5, the scale or unit dropped; with
    # the spaced capitals of `SPACED_LETTER_SCALES`)
    "mill", "trn", "bp", "bps", "basis point", "basis points", "basis-point", "basis-points",
    # (and the scale words the parser has no value for: "1.2 milliard" (a thousand million, as translations of
    # European figures print it) and "1.2 quadrillion" were the count 1.2)
    "milliard", "milliards", "quadrillion", "quadrillions",
    # (and every other currency's sign after the number, "1,200 ₤", "1,200₩")
    *(chr(code) for low, high in CURRENCY_RANGES for code in range(low, high + 1)))
#: … as one pattern (a trie, lower case: its users read it case-blind).
UNREAD_UNIT_WORDS = trie_pattern(sorted(UNREAD_UNITS))
#: A scale printed as one letter after a space ("1.2 K", "1.2 k", "1.2 M", "1.2 B"): no figure form reads it (only
#: close up, "1.2k", "1.2m"), and scan read each as the count 1.2, a figure a thousand to a billion times too small.
#: Case-sensitive: "a 5 m wall" is five metres and "5 b" a list's item, neither a scale.
SPACED_LETTER_SCALES = r"(?-i:\s(?:pc|[kKMB]))"
#: Currencies the parser does not read, printed before a number ("$5m", "€5m", "USD 5m"): scan read "$5m" as the
#: count 5 million, its currency dropped. Only pounds are read, printed "£".
UNREAD_CURRENCY = rf"US\$|[AC]\$|\$|[{CURRENCY_SIGNS}]|(?:USD|EUR|GBP)\s?"
#: What the end of a range or of a slash pair carries between its digits and the dash or slash: a scale or a per cent
#: sign ("10%–20%", "£1.1m–£1.2m", "56%/44%"), for scan and the record's quote check alike.
RANGE_END_UNIT = rf"(?:{JOINED_SCALE_WORDS}|%)"
#: One number printed in a form the parser does not read, for scan (which lists it as not read) and the record's
#: quote check (a value found inside one is not printed in the quote) alike: digit groups parted by single spaces
#: ("1 200", as some styles print 1,200) or by apostrophes ("1'200", Swiss style), and a whole number before a
#: fraction ("1 1/2", "2-1/2"). The quote check took "200" as printed in "1'200 cases" and "1 200 cases", and "1"
#: in "1 1/2 years".
#: The spaces digit groups are parted by: every space Unicode names a space separator ("1 582" with a no-break space
#: in a page's HTML was listed as the two numbers 1 and 582), but the Ogham space mark, which
#: is drawn as a stroke. The figure space, made for digit groups in tables, the hair, six-per-em and en spaces too:
#: "1<figure space>200" was listed as the two numbers 1 and 200 without the digits message the record gives it.
GROUP_SPACE = "[ \u00a0\u2000-\u200a\u202f\u205f\u3000]"
#: (with a decimal part too, "1 200,5": its "1" was read as the count 1)
SPACED_DIGIT_GROUPS = (rf"(?<![\w£.,/-])£?\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+(?:[.,]\d+)?"
                       rf"(?![\w%]|[.,/]\d|{GROUP_SPACE}\d)")
APOSTROPHE_DIGIT_GROUPS = r"(?<![\w£.,/'’-])£?\d{1,3}(?:['’]\d{3})+(?![\w%'’]|[.,/]\d)"
#: A number printed with commas between its digit groups ("1,737", "1,200,000"), whole: text search reads it without
#: them (`written_whole`), so a query typed "1737" finds what prints "1,737". `search 1737` found the figure by its
#: value but no claim, gap or quote printing it ("1 matches", where `search 1,737` gave the claim of the rise from
#: 1,737 and the gap beside it), and Datasette's search box found 1 figure for "1200" and 10 for "1,200".
GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)")


def written_whole(text: str) -> str:
    """`text` with each number's digit-group commas left out (`GROUPED_NUMBER`): "1,737 cases" → "1737 cases"."""
    return GROUPED_NUMBER.sub(lambda found: found.group().replace(",", ""), text) if "," in text else text


WHOLE_BEFORE_FRACTION = r"[ -](?=\d+/\d)"
#: A letter O or l written for the digit right after a number's comma or point, and the digits and such letters after
#: it up to the number's end ("2,O60", "1,O00", "12.O per cent", "£1.O million", as OCR and typewriters print them; a
#: lower-cased text's "o" and "l" too): one number a reader sees, never the digits before the comma. Scan ended the
#: number at the comma, reading the exact count 2 or 12 (a reader sees 12.0 per cent), and the quote check took "2"
#: as printed in "2,O60". A word after the comma ("2,Oliver") is no number; a scale written on to it is the number's
#: ("£2.O5m" was the amount £2) when a digit or a capital O is among its letters ("2,ok" is a word).
LETTER_DIGITS_AFTER = (rf"[.,](?=[\dOol]*[Ool])(?:[\dOol]+(?![^\W_])"
                       rf"|(?=[\dOol]*[\dO])[\dOol]+(?:{JOINED_SCALE_WORDS})(?![^\W_]))")
#: A share's sign after a number ("56%", "56 per cent", "5‰"): a value printed as a bare number is not printed in a
#: quote that prints it so; the record stored "56", a count, from "56% of cases".
#: Percentage points too, as the parser reads them ("5 percentage points", "5 pp", "5-ppt"): "5" was printed in "rose
#: 5 percentage points", which scan and the parser read as points.
SHARE_SIGN_AFTER = (r" ?(?:[%％٪‰‱]|-?per[ -]?(?:cent|mille)\b|percent\b|pc\b)"
                    rf"|[ -]?(?:{PERCENTAGE_POINTS})\b")


def number_word(n: int) -> str:
    """The word for a whole number up to twenty as house style prints it in prose ("three boroughs"), else digits."""
    for word, value in WORD_NUMBERS.items():
        if value == n and " " not in word and 0 < n <= 20:
            return word
    return f"{n:,}"


#: A reference's word abbreviated with a full stop, before its number ("p. 12", "Fig. 3", "para. 4.12"): scan reads
#: the number as a reference, not a count, and does not end a sentence at the stop (split there, "see Fig. 3" left
#: the count 3 alone in a sentence of its own).
REFERENCE_ABBREVIATIONS = ("p.", "pp.", "no.", "op.", "fig.", "figs.", "para.", "paras.", "ch.", "sec.", "art.",
                           "vol.",
                           # (and a law's parts as statutes and judgments abbreviate them, "s.47(1)", "ss. 1-3", "Sch.
                           # 2", "reg. 12(3)", "r. 12": each number a count or a range, alone in a sentence)
                           "s.", "ss.", "sch.", "reg.", "regs.", "r.", "rr.")


#: How a table cell holds a list (figure ids, gap ids): one separator, read and written by these two functions.
LIST_SEPARATOR = ";"


def split_list(cell: object) -> list[str]:
    """A list cell → its items (blank cells and blank items dropped)."""
    text = "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def join_list(items: Iterable[object]) -> str:
    """Items → one list cell."""
    return LIST_SEPARATOR.join(str(i) for i in items)


#: Between a figure id and the step it was rounded to, in a list cell ("…/cse-offences-2017:100").
STEP_MARK = ":"


def join_steps(steps: Mapping[str, object]) -> str:
    """{figure id: rounding step} → one list cell (the claims table's `rounded_inputs`)."""
    return join_list(f"{ref}{STEP_MARK}{step}" for ref, step in steps.items())


def split_steps(cell: object) -> dict[str, Decimal]:
    """A `rounded_inputs` cell → {figure id: rounding step}: what the charts read to draw those figures as
    approximate, as the fact-check judged them."""
    return {ref: Decimal(step) for ref, _, step in (item.rpartition(STEP_MARK) for item in split_list(cell))}


def fmt_percent(value: float | Decimal | None, decimals: int = 1, sign: str = "%") -> str:
    """A percentage as every output prints it: rounded once, half away from zero, from the unrounded value.

    Rounding an already rounded figure again (89.2523 stored as 89.25, then shown as 89.2) is how a chart came to
    disagree with the arithmetic, so callers pass the unrounded share and this is the only place it is rounded.
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    shown = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{shown:,.{decimals}f}{sign}"


def fmt_share(ratio: float | None, decimals: int = 1) -> str:
    """A part over its whole (0.0625) as every output prints it as a percentage ("6.3%"), by `fmt_percent`: scaled
    in decimal, since 100 times a float can land beside a tie the ratio itself is not."""
    if ratio is None or ratio != ratio:
        return ""
    return fmt_percent(Decimal(repr(float(ratio))).scaleb(2), decimals)



def supported_decimals(low: float | Decimal, high: float | Decimal, most: int = 2) -> int:
    """The most decimals, up to `most`, at which a percentage known only to lie between `low` and `high` prints
    one way: 13.10–13.12% prints "13.1%" at one decimal; 13.05–13.20% prints "13%". Printed finer, a share computed
    from rounded figures claims a precision its inputs do not have, which is what the fact-check faults in others."""
    for decimals in range(most, 0, -1):
        if fmt_percent(low, decimals) == fmt_percent(high, decimals):
            return decimals
    return 0


def round_step(value: float, step: float) -> float:
    """The step a writer rounded to: 1,200 → 100, 9,000 → 1,000, 56 → 1, 15.6 (1 dp) → 0.1 (`step`: one unit of
    the last printed digit). The scanner reads a match's reach by it, and a chart tells a rounded total ("107,000")
    from an exact one ("106,984") by it."""
    units = round(abs(value) / step) if step else 0
    zeros = 0
    while units and units % 10 == 0:
        units //= 10
        zeros += 1
    return step * 10 ** zeros


def rounded_range(x: Decimal, step: Decimal) -> tuple[Decimal, Decimal]:
    """What a figure printed as x, rounded to `step`, could stand for: "1,200" to 100 is 1,150 to 1,249 for a whole
    count (a count of 1,250 would print "1,300" rounded half up), and 1,150 to 1,250 for anything else."""
    top = x + step / 2 - (1 if step >= 2 and x == x.to_integral_value() else 0)
    return x - step / 2, top


#: The months as every output names them, in English whatever the machine's locale. strftime's "%B" and "%b" (and
#: matplotlib's DateFormatter) give the names of the process's LC_TIME, which matplotlib sets from the environment
#: when it is imported on a machine whose matplotlibrc asks for `axes.formatter.use_locale` (an analyst's way to get
#: decimal commas in their own charts): run there in a German locale, `make` published "Oktober 2023" and "März 2019"
#: in the charts, their alt text and data files, the notebooks, the workbook and the gallery, beside "September" typed
#: in the record, and no stamp covers the locale, so another machine's `make` kept them.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class _Dated(Protocol):  # a date, a datetime or a pandas Timestamp: what the month names are asked of
    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...
    @property
    def day(self) -> int: ...


def month_name(when: _Dated, short: bool = False) -> str:
    """'February', or 'Feb' when `short` (as charts label an axis: the first three letters, 'Sep' not 'Sept')."""
    name = MONTHS[when.month - 1]
    return name[:3] if short else name


def month_year(when: _Dated, short: bool = False) -> str:
    """'February 2024' ('Feb 2024' when `short`)."""
    return f"{month_name(when, short)} {when.year}"


def day_month_year(when: _Dated) -> str:
    """'9 February 2024': GOV.UK style, no leading zero and no ordinal."""
    return f"{when.day} {month_name(when)} {when.year}"


def date_in_words(when: _Dated, day_not_printed: bool) -> str:
    """The one wording of a date for readers: '9 February 2024', or 'February 2024' when no source printed the day
    (a source's `date_approximate`, the tables' `…_approximate` flags). A stand-in day, whether the first of the
    month or a day worked out from other reports (GB News's story of the Met's remarks of Thursday 13 November
    2025), is never given: the fact-check page said "13 November 2025 (approximate)" of the document the charts
    date "November 2025"."""
    return month_year(when) if day_not_printed else day_month_year(when)


def iso_date(iso: str, day_not_printed: Any) -> str:
    """The same date for a machine (ClaimReview, a chart's data file, `scan`): ISO 8601 at the precision known, the
    month alone ('2025-10') when no source printed the day, as `date_in_words` gives it to readers."""
    return iso[:7] if day_not_printed and len(iso) == 10 else iso
