"""How the printed wording becomes a test: "18.5 per cent" must round to 18.5, "more than 1,200" must exceed it,
"almost three-quarters" must sit just under 75 per cent. `judge` returns the verdict with the working a reader can
redo by hand. Standard library only.
"""

from __future__ import annotations

from decimal import Decimal

from analysis.factcheck.exact import exact_value
from analysis.factcheck.numbers import (
    RuleError,
    cmp_value,
    fmt_at,
    fmt_number,
    fmt_pair,
    fmt_shown,
    round_half_away,
    to_decimal,
    truncate,
)
from analysis.record.printed import Printed
from analysis.record.vocabulary import TOLERANCE

#: The verdict scale: the three that judge a claim, accurate first, then the three that say nothing about it (the
#: order the verdicts chart draws; the report and the methods page list it in another, `report.VERDICT_ORDER`, which
#: docs/factcheck.md follows). What each means, in plain words, is `MEANING`; the
#: reader-facing methods page and the developers' rules (docs/factcheck.md) both say it from here.
ACCURATE = "accurate"
WITHIN_ROUNDING = "accurate within rounding"
INACCURATE = "inaccurate"
NOT_FOUND = "cannot be checked: not found"
#: What "not found" means, in the words every output that says it uses: the record knows where it looked, not that
#: a figure was never published anywhere, so nothing calls a figure "not published".
NOT_FOUND_WHERE = "not found in any publication we looked at"
NOT_IN_RECORD = "not yet in this record"
CANNOT_CHECK = "cannot be checked"
VERDICTS = (ACCURATE, WITHIN_ROUNDING, INACCURATE, NOT_FOUND, NOT_IN_RECORD, CANNOT_CHECK)
#: Verdicts that say nothing about the claim's accuracy: a figure it needs is missing or the arithmetic is undefined.
UNCHECKED = (NOT_FOUND, NOT_IN_RECORD, CANNOT_CHECK)
#: What each wording promises, in the words every place that states the rule for readers uses (the README's table,
#: the workbook's note on claims): printed form → when the claim holds, X being the value printed. `_case` applies
#: it; tests/test_review48_s48c.py holds the copies to these words and the words to `_case`.
HOLDS_WHEN = {
    "a plain number": "the computed value, rounded half away from zero to the printed decimals, equals it",
    "more than X": 'computed > X ("at least": ≥ X)',
    "fewer than X": 'computed < X ("at most", "up to": ≤ X)',
    "almost X": ("X − 5% of X ≤ computed < X, or computed rounds to X at the printed decimals and is within 5% "
                 "of X"),
    "just over X": ("X < computed ≤ X + 5% of X, or computed rounds to X at the printed decimals and is within 5% "
                    "of X"),
    "about X": "within 5% of X",
    "a fraction or multiple in words": ('the "about" rule, unless a qualifier is printed ("almost three-quarters" '
                                        '→ the "almost" rule at 75%)'),
}
#: "Accurate within rounding" in brief, for the places that list the verdicts in one sentence (the README, notebook
#: 05): `MEANING` in a few words. They said "the last digit cut rather than rounded, or the claim rests on a rounded
#: figure", where `_case` also gives it to a last digit rounded the wrong way ("18.5" for 18.41) and to a claim on a
#: figure printed "about" or "more than".
WITHIN_ROUNDING_IN_BRIEF = ("the last digit cut or rounded the other way, or the claim rests on a figure printed "
                            "rounded, approximate or as a bound and holds for only some of the values it could stand "
                            "for")
#: Why a claim is accurate within rounding, by the words its working gives the reason in ("" matches any working,
#: so it comes last): the sentence its one-line verdict adds, and the phrase a count of such claims takes. A reader
#: of "4 within rounding" took all four for slips by the speaker; three rested on figures printed rounded, which the
#: claims bore out.
ROUNDING_REASONS = (
    ("inputs rounded", "It rests on a figure that was itself rounded, which allows a range around the stated value.",
     "rest on a figure that was itself rounded"),
    ("truncated", "The last digit was cut rather than rounded.", "cut the last digit rather than rounding it"),
    ("", "The last digit was rounded differently.", "rounded the last digit differently"),
)


def rounding_reason(working: str) -> tuple[str, str, str]:
    """The `ROUNDING_REASONS` entry of a claim accurate within rounding, by its working."""
    return next(reason for reason in ROUNDING_REASONS if reason[0] in working)


def rounding_split(workings: list[str]) -> str:
    """"Of the 4 accurate within rounding, 3 rest on a figure that was itself rounded and 1 cut the last digit
    rather than rounding it." from the workings of the claims accurate within rounding ("" for none)."""
    if not workings:
        return ""
    counts = {reason[2]: 0 for reason in ROUNDING_REASONS}
    for working in workings:
        counts[rounding_reason(working)[2]] += 1
    parts = [f"{n} {phrase}" for phrase, n in counts.items() if n]
    joined = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f"Of the {len(workings)} {WITHIN_ROUNDING}, {joined}."


#: How the one-line verdict opens, by where the figures checked were printed: all in the claim's own document (a
#: story's "121" of "244"), or not. `CHECK_SCOPE` says what the first means, for the methods page (a check of the
#: claim's arithmetic and words, not of counts no other document prints).
OWN_FIGURES_GIVE = "The claim's own figures give"
PUBLISHED_FIGURES_GIVE = "The published figures give"
CHECK_SCOPE = (f"“{OWN_FIGURES_GIVE} …”: every figure is from the claim's own document; we check its arithmetic "
               "and words, not those figures.")
#: Verdicts that say the claim bears out the figures (exactly, or once the rounding of a figure is allowed for).
BORNE_OUT = (ACCURATE, WITHIN_ROUNDING)
MEANING = {
    ACCURATE: "The published figures give the number as stated, at the precision it was stated.",
    WITHIN_ROUNDING: ("The number differs from the published figures only by rounding: its last digit was cut, or "
                      "rounded the other way, rather than rounded to the nearest; or it rests on figures printed "
                      "rounded, approximate or as a bound ('more than 1,200') and holds for only some of the values "
                      "they could stand for."),
    INACCURATE: "The published figures do not give the number as stated, even allowing for rounding.",
    NOT_FOUND: (f"A figure the claim needs was {NOT_FOUND_WHERE} (or its producer withheld it); the record "
                "says where we looked."),
    NOT_IN_RECORD: ("A figure the claim needs is published, but not yet transcribed into this record; the "
                    "record names the publication."),
    CANNOT_CHECK: "The arithmetic cannot be done as stated (for example a rise from zero).",
}




def printed_value(stated: Printed) -> Decimal:
    """The stated value as a number, exactly as printed (what the computed value is judged against)."""
    if stated.value is None:
        raise RuleError(f'"{stated.text}" is a marker for an unavailable value, not a claim')
    exact = exact_value(stated)  # from the printed digits: 9,007,199,254,740,993 stays odd
    return exact if exact is not None else to_decimal(stated.value)


def _band(x: Decimal) -> Decimal:
    return abs(x) * TOLERANCE


#: How a computed value stands against the wording, as `_case` decides it: the one rule. Each case carries its
#: verdict; `judge` only puts the decided case into words, so the verdict and its working cannot disagree.
HOLDS, ROUNDS, WITHIN_ONE_UNIT, FAILS = "holds", "rounds to it", "within one unit", "fails"
#: … and a value a rounding allowance would admit that is further from the stated value than "about" allows.
BEYOND_ABOUT = "beyond about"
_CASE_VERDICT = {HOLDS: ACCURATE, ROUNDS: ACCURATE, WITHIN_ONE_UNIT: WITHIN_ROUNDING, FAILS: INACCURATE,
                 BEYOND_ABOUT: INACCURATE}


def _within_about(c: Decimal, x: Decimal) -> bool:
    """Whether `c` is within the rule book's tolerance of `x`: what "about x" allows."""
    return cmp_value(x - _band(x)) <= cmp_value(c) <= cmp_value(x + _band(x))


def _rule_for(stated: Printed) -> str:
    """Which rule a printed figure is judged by: "exact" (a number with printed decimals), or its qualifier, words
    without a printed precision being read as "about"."""
    q = stated.qualifier
    if q == "exact":
        return "exact" if stated.decimals is not None else "about"  # words without a printed precision: approximate
    if q in _BOUNDS or q in ("almost", "just over", "about"):
        return q
    raise RuleError(f'no rule for the qualifier {q!r} of "{stated.text}"')


def _case(c: Decimal, stated: Printed, rule: str, x: Decimal) -> str:
    """The rule book's decision for computed `c` against printed `x` under `rule`, with no words built.

    exact: c rounded half away from zero at the printed decimals equals x (ROUNDS), or misses by less than one unit
    of the last printed digit (WITHIN_ONE_UNIT: cut, not rounded); bounds: strict or inclusive, nothing else;
    almost: x − 5% ≤ c < x (HOLDS), or c rounds to x at the printed decimals (ROUNDS); just over, its mirror: x < c
    ≤ x + 5% (HOLDS), or c rounds to x (ROUNDS: "just over 60%" for 59.96 was inaccurate where "almost 60%" for
    60.04 was accurate, one allowance for one of two mirror words); about: within 5% of x either side.

    An allowance for rounding (a cut last digit, or a qualifier's rounding) never admits a value further from x
    than "about x" would (BEYOND_ABOUT): at 0 dp one unit of a small number is most of it, and "1%" for 0.1%, "1%"
    for 1.9% or "just over 1%" for 0.5% were borne out, claims no reader would take as the figure."""
    if rule == "exact":
        d = stated.decimals or 0
        scale = to_decimal(stated.scale)
        if round_half_away(c / scale, d) * scale == x:
            return ROUNDS
        if abs(c / scale - x / scale) >= Decimal(1).scaleb(-d):
            return FAILS
        return WITHIN_ONE_UNIT if _within_about(c, x) else BEYOND_ABOUT
    if rule in _BOUNDS:
        return HOLDS if _BOUNDS[rule][0](cmp_value(c), cmp_value(x)) else FAILS
    if rule == "almost" and cmp_value(x - _band(x)) <= cmp_value(c) < cmp_value(x):
        return HOLDS
    if rule == "just over" and cmp_value(x) < cmp_value(c) <= cmp_value(x + _band(x)):
        return HOLDS
    if rule in ("almost", "just over"):
        if stated.decimals is None or _round_at(c, stated) != x:
            return FAILS
        return ROUNDS if _within_about(c, x) else BEYOND_ABOUT
    return HOLDS if _within_about(c, x) else FAILS  # about


def verdict(computed: Decimal, stated: Printed) -> str:
    """The verdict alone, by the same rule as `judge` (`_case`), without writing the working: for callers that
    only ask whether a value bears out a wording (the scanner asks it for every record figure printed alike)."""
    x = printed_value(stated)
    return _CASE_VERDICT[_case(computed, stated, _rule_for(stated), x)]


def judge(computed: Decimal, stated: Printed) -> tuple[str, str, str]:
    """Does `computed` bear out the stated value as worded? → (verdict, rule name, explanation for the working).

    The explanation starts with the printed text in quotes and ends with the verdict, e.g.
    `printed "18.5 per cent" (1 dp) · rounds to 18.6, not 18.5 · ... · accurate within rounding`.
    The verdict is `verdict`'s (one rule, `_case`); this adds the words.
    """
    x = printed_value(stated)
    rule = _rule_for(stated)
    case = _case(computed, stated, rule, x)
    lead = f'printed "{stated.text}"' + _one_in(computed, stated)
    if rule == "exact":
        return _explain_exact(computed, stated, x, lead, case)
    if rule in _BOUNDS:
        return _explain_bound(computed, rule, x, lead, case)
    if rule == "almost":
        return _explain_almost(computed, stated, x, lead, case)
    if rule == "just over":
        return _explain_just_over(computed, stated, x, lead, case)
    return _explain_about(computed, stated, x, lead, case)


def _one_in(computed: Decimal, stated: Printed) -> str:
    """A claim printed "1 in N" is also shown in its own form: 13 / 390 is "1 in 30.0", not only 3.33%."""
    if stated.unit != "percent" or stated.denominator is None or computed <= 0:
        return ""
    return f" (the figures give 1 in {fmt_number(round_half_away(Decimal(100) / computed, 1))})"


#: qualifier → (test, sign shown when it holds, sign shown when it does not).
_BOUNDS = {
    "more than": (lambda c, x: c > x, ">", "≤"),
    "at least": (lambda c, x: c >= x, "≥", "<"),
    "fewer than": (lambda c, x: c < x, "<", "≥"),
    "at most": (lambda c, x: c <= x, "≤", ">"),
}


def _explain_bound(c: Decimal, q: str, x: Decimal, lead: str, case: str) -> tuple[str, str, str]:
    """more than / at least / fewer than / at most: a strict or inclusive bound, nothing else."""
    _, yes, no = _BOUNDS[q]
    v = _CASE_VERDICT[case]
    cs, bound = fmt_pair(c, x)
    return v, q, f"{lead} · needs {q} {fmt_number(x)}: {cs} {yes if case == HOLDS else no} {bound} · {v}"


def _round_at(value: Decimal, stated: Printed) -> Decimal:
    """Round at the last printed digit, in the printed scale ("£15.6million" is rounded to 0.1 million)."""
    scale = to_decimal(stated.scale)
    return round_half_away(value / scale, stated.decimals or 0) * scale


def _scale_word(stated: Printed) -> str:
    return {1e3: " thousand", 1e6: " million", 1e9: " billion"}.get(stated.scale, "")


def _explain_exact(c: Decimal, stated: Printed, x: Decimal, lead: str, case: str) -> tuple[str, str, str]:
    """A plain number: the computed value, rounded half away from zero at the printed decimals, equals it.

    A value that misses by less than one unit of its last printed digit (18.595 printed as 18.5: cut, not rounded)
    is accurate within rounding, said plainly, never inaccurate: the writer's number is as close as their digits
    allow.
    """
    d = stated.decimals or 0
    scale = to_decimal(stated.scale)
    rounded = round_half_away(c / scale, d)
    rule = f"rounds to the printed value at {d} dp"
    shown = f"{fmt_at(rounded, d)}{_scale_word(stated)}"
    if case == ROUNDS:
        return ACCURATE, rule, f"{lead} ({d} dp) · rounds to {shown} · {ACCURATE}"
    if case == WITHIN_ONE_UNIT:
        unit = Decimal(1).scaleb(-d)
        cut = truncate(c / scale, d)
        how = "truncated (cut, not rounded)" if cut * scale == x else "rounded differently"
        near = f"{fmt_at(c / scale, d + 2)}{_scale_word(stated)}"
        text = (f"{lead} ({d} dp) · rounds to {shown}, not {fmt_at(x / scale, d)}{_scale_word(stated)}; "
                f"{near} is within one unit of the last printed digit ({fmt_at(unit, d)}): {how} · "
                f"{WITHIN_ROUNDING}")
        return WITHIN_ROUNDING, rule, text
    if case == BEYOND_ABOUT:
        near = f"{fmt_at(c / scale, d + 2)}{_scale_word(stated)}"
        return INACCURATE, rule, (f"{lead} ({d} dp) · rounds to {shown}, not {fmt_at(x / scale, d)}"
                                  f"{_scale_word(stated)}; {near} is within one unit of the last printed digit but "
                                  f"{_beyond_about(c, x, stated)} · {INACCURATE}")
    return INACCURATE, rule, f"{lead} ({d} dp) · rounds to {shown} · {INACCURATE}"


def _beyond_about(c: Decimal, x: Decimal, stated: Printed) -> str:
    """Why a rounding allowance does not save a value: it is further from x than "about x" allows."""
    cs, ls, us = _range_text(c, x - _band(x), x + _band(x), stated)
    return f'{cs} is outside {ls} to {us}, what "about {fmt_number(x)}" allows'


def _range_text(c: Decimal, lower: Decimal, upper: Decimal, stated: Printed,
                strict_upper: bool = False) -> tuple[str, str, str]:
    """The computed value and a band's bounds, printed one decimal beyond the stated precision (two decimals for
    words), and with more decimals where fewer would make the printed comparison untrue ("0.53 is outside 0.48
    to 0.53" becomes "0.526 is outside 0.475 to 0.525")."""
    digits_of_scale = len(str(int(stated.scale))) - 1
    if stated.decimals is None:  # words and "1 in N": no printed precision; two significant digits at least
        first = max(2, 1 - min(lower.adjusted(), upper.adjusted())) if lower and upper else 2
    else:
        first = max(0, stated.decimals + 1 - digits_of_scale)
    places = first
    cv0, up0 = cmp_value(c), cmp_value(upper)
    below, above = cv0 < cmp_value(lower), (cv0 >= up0 if strict_upper else cv0 > up0)
    for places in range(first, 13):  # noqa: B007 (the last value tried is the one used)
        lo, up, cv = (round_half_away(v, places) for v in (lower, upper, c))
        shown_above = cv >= up if strict_upper else cv > up
        # (and a printed figure's band ends as they are, within two more decimals: "about 1" is 0.95 to 1.05, never
        # "1.0 to 1.1")
        exact = stated.decimals is None or (lo == lower and up == upper) or places >= first + 2
        if (cv < lo) == below and shown_above == above and exact:
            break
    return fmt_at(c, places), fmt_at(lower, places), fmt_at(upper, places)


def _explain_almost(c: Decimal, stated: Printed, x: Decimal, lead: str, case: str) -> tuple[str, str, str]:
    """almost / nearly / just under X: X − 5% of X ≤ c < X, or c rounds to X at the printed decimals
    and is within 5% of X (`_case`)."""
    lower = x - _band(x)
    xs = fmt_number(x)
    cs, ls, xb = _range_text(c, lower, x, stated, strict_upper=True)
    rule = "almost (up to 5% below, or rounds to it)"
    if case == HOLDS:
        return ACCURATE, rule, f"{lead} · needs almost {xs}: {ls} ≤ {cs} < {xb} · {ACCURATE}"
    d = stated.decimals
    if case == ROUNDS:  # not below X ("almost 3" for 3.1); below it and within 5% it holds, further it is too far
        why = f"{fmt_shown(c, x)} is not below {xs} but rounds to {xs} at {d} dp"
        return ACCURATE, rule, f"{lead} · needs almost {xs}: {why} · {ACCURATE}"
    if case == BEYOND_ABOUT:
        why = f"{fmt_shown(c, x)} rounds to {xs} at {d} dp, but {_beyond_about(c, x, stated)}"
        return INACCURATE, rule, f"{lead} · needs almost {xs}: {why} · {INACCURATE}"
    where = f"below {ls}" if cmp_value(c) < cmp_value(lower) else f"not below {xb}"
    extra = f" and does not round to {xs} at {d} dp" if d is not None else ""
    why = f"{ls} ≤ c < {xb}; {cs} is {where}{extra}"
    return INACCURATE, rule, f"{lead} · needs almost {xs}: {why} · {INACCURATE}"


def _explain_just_over(c: Decimal, stated: Printed, x: Decimal, lead: str, case: str) -> tuple[str, str, str]:
    """just over / just above X: X < c ≤ X + 5% of X, or c rounds to X at the printed decimals and is within 5% of X
    (as for "almost")."""
    upper = x + _band(x)
    xs = fmt_number(x)
    cs, xb, us = _range_text(c, x, upper, stated)
    v = _CASE_VERDICT[case]
    rule = "just over (up to 5% above, or rounds to it)"
    if case == HOLDS:
        return v, rule, f"{lead} · needs just over {xs}: {xb} < {cs} ≤ {us} · {v}"
    where = f"above {us}" if cmp_value(c) > cmp_value(upper) else f"not above {xs}"
    if case == ROUNDS:
        why = f"{fmt_shown(c, x)} is {where} but rounds to {xs} at {stated.decimals} dp"
        return v, rule, f"{lead} · needs just over {xs}: {why} · {v}"
    if case == BEYOND_ABOUT:
        why = f"{fmt_shown(c, x)} rounds to {xs} at {stated.decimals} dp, but {_beyond_about(c, x, stated)}"
        return v, rule, f"{lead} · needs just over {xs}: {why} · {v}"
    extra = f" and does not round to {xs} at {stated.decimals} dp" if stated.decimals is not None else ""
    return v, rule, f"{lead} · needs just over {xs}: {xb} < c ≤ {us}; {cs} is {where}{extra} · {v}"


def _explain_about(c: Decimal, stated: Printed, x: Decimal, lead: str, case: str) -> tuple[str, str, str]:
    """about / around / roughly X, and fractions or multiples in words: within 5% of X either side."""
    lower, upper = x - _band(x), x + _band(x)
    v = _CASE_VERDICT[case]
    cs, ls, us = _range_text(c, lower, upper, stated)
    why = f"{cs} is {'within' if case == HOLDS else 'outside'} {ls} to {us}"
    return v, "about (within 5%)", f"{lead} · needs about {fmt_number(x)} (within 5%): {why} · {v}"
