"""Match a figure found in an article against the record: the figures printed before, and the claims registered.

A match must print the same value at the printed precision, in the same kind of unit, and respect the qualifier:
"more than 1,200" is matched by a record "more than 1,200" (the same), by 1,273 (consistent: above 1,200 and below
the next printed step, 1,300), and is shown beside a plain "1,200" only as "printed alike" (the Met's own 1,200 is
not more than 1,200). Value alone is never enough: a record figure must also share words with the sentence around
the figure (its measure, subject or unit), or it is only counted, never listed. Matches are grouped by definition
(measure); when they fall in more than one, the scan says the definitions differ, so nobody adds a national count
to a London one because both print "1,200".
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import numpy as np

from analysis.factcheck.scan_find import Found, is_bare_number, share_idiom
from analysis.factcheck.scan_source import bodies_of
from analysis.factcheck.scan_subject import (
    Setting,
    base_words,
    counted_class,
    counted_words,
    differs,
    direction_of,
    head_of,
    in_period,
    quote_counted,
    score,
    setting_of,
    whole_of,
    whole_words,
    words_of,
    years_of,
)
from analysis.factcheck.value_index import ValueIndex
from analysis.factcheck.wording import BORNE_OUT, verdict
from analysis.paths import Paths
from analysis.record.figures import normalise_for_match
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.record.vocabulary import CANONICAL, TOLERANCE, round_step, split_list
from analysis.tables.load import load_rows

__all__ = ["Record", "Match", "load_record", "match_figure", "match_reading", "as_share", "as_rate",
           "prefer_article_sources", "words_of"]

RELATIONS = ("same", "consistent", "printed alike")
#: How many fewer shared words than the best-fitting definition a definition may have and still be an answer.
WORDS_BEHIND_BEST = 3


@dataclass
class Record:
    """The record as the scanner needs it: figures (with their parsed unit and words) and claims."""

    figures: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    #: Per unit: the figures' values, each with the widest gap at which it could still match, and their positions.
    by_unit: dict[str, tuple[ValueIndex, list[int]]] = field(default_factory=dict)
    #: Per unit: which words each figure has, as one 0/1 matrix (figures × its subject words, all its words and its
    #: counted things, side by side), and each word's column; `_guess` scores every figure of a unit at once.
    word_matrices: dict[str, tuple[np.ndarray, dict[str, int]]] = field(default_factory=dict)
    word_rows: dict[str, np.ndarray] = field(default_factory=dict)  # the same, word-major (a word's figures)
    #: Per unit: each figure's measure as its rank among the unit's measures sorted, and those measures, so the
    #: greatest measure among the best-fitting figures is one array maximum.
    measure_ranks: dict[str, tuple[np.ndarray, list[str]]] = field(default_factory=dict)
    #: Per unit: each figure's counted things, all its words and its measure, for `_best_fit`.
    row_sets: dict[str, list[tuple[frozenset[str], frozenset[str], str]]] = field(default_factory=dict)
    #: Claims by the figure they state, for `_covering_claims`.
    claims_by_stated: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claims_text: str = ""

    def __post_init__(self) -> None:
        groups: dict[str, list[int]] = {}
        for i, figure in enumerate(self.figures):
            if figure["_printed"].value is not None:
                groups.setdefault(figure["_printed"].unit, []).append(i)
        for unit, where in groups.items():
            printed = [self.figures[i]["_printed"] for i in where]
            self.by_unit[unit] = (ValueIndex([float(p.value) for p in printed], [_reach(p) for p in printed]), where)
            kinds = ("_subject_words", "_words", "_counts")
            vocabulary = {w: n for n, w in enumerate(sorted({w for i in where for k in kinds
                                                            for w in self.figures[i][k]}))}
            matrix = np.zeros((len(where), len(kinds) * len(vocabulary) + 1), dtype=np.int32)
            for row, i in enumerate(where):
                for k, kind in enumerate(kinds):
                    matrix[row, [k * len(vocabulary) + vocabulary[w] for w in self.figures[i][kind]]] = 1
            self.word_matrices[unit] = (matrix, vocabulary)
            self.word_rows[unit] = np.ascontiguousarray(matrix.T)
            names = sorted({self.figures[i]["measure"] for i in where})
            rank = {name: n for n, name in enumerate(names)}
            self.measure_ranks[unit] = (np.array([rank[self.figures[i]["measure"]] for i in where]), names)
            self.row_sets[unit] = [(frozenset(self.figures[i]["_counts"]), frozenset(self.figures[i]["_words"]),
                                    self.figures[i]["measure"]) for i in where]
        for claim in self.claims:
            self.claims_by_stated.setdefault(claim.get("stated_figure") or "", []).append(claim)
        # every claim's normalised text in one string, so a figure no claim prints is seen in one search
        self.claims_text = "\x00".join(c["_normalised"] for c in self.claims)
        self.claims_in = functools.lru_cache(maxsize=64)(self._claims_in)
        #: Whether any claim prints this text, once per distinct figure as printed.
        self.in_claims_text = functools.lru_cache(maxsize=4096)(self.claims_text.__contains__)
        self.sentence_sums = functools.lru_cache(maxsize=64)(self._sentence_sums)

    def _claims_in(self, sentence: str) -> tuple[dict[str, Any], ...]:
        """Registered claims printed in this sentence (normalised), found once per sentence, not per figure."""
        normalised = normalise_for_match(sentence)
        return tuple(c for c in self.claims if c["_normalised"] and (c["_normalised"] in normalised
                                                                      or normalised in c["_normalised"]))

    def _sentence_sums(self, unit: str, words: frozenset[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                         list[tuple[int, int]]]:
        """The sentence's part of `guess`, once per sentence: each figure's count of subject words and of all words
        in the sentence, which figures share three subject words with it, and those figures as (count of all
        words, row), most words first (read only, shared by the sentence's figures)."""
        matrix, vocabulary = self.word_matrices[unit]
        width = len(vocabulary)
        # each part ends with the matrix's last column, all zeros, so no part is empty for reduceat
        columns = [[k * width + vocabulary[w] for w in words if w in vocabulary] + [3 * width] for k in (0, 1)]
        near = np.add.reduceat(matrix[:, columns[0] + columns[1]], [0, len(columns[0])], axis=1)
        subject, every = np.ascontiguousarray(near[:, 0]), np.ascontiguousarray(near[:, 1])
        enough = subject >= 3
        rows = np.flatnonzero(enough)
        rows = rows[np.argsort(-every[rows], kind="stable")]
        return subject, every, enough, list(zip(every[rows].tolist(), rows.tolist(), strict=True))

    def guess(self, unit: str, sentence: frozenset[str], counted: frozenset[str], head: set[str]) -> tuple[str, int]:
        """The measure of the unit's best-fitting figure and its `score`, among figures sharing three subject words
        with the sentence's words and counting `head`. The sentence's part is worked out once per sentence
        (`sentence_sums`), not once per figure in it."""
        if unit not in self.word_matrices or not head <= self.word_matrices[unit][1].keys():
            return "", 0
        if counted <= sentence:  # nearly always: the counted words are the sentence's own
            return self._best_fit(unit, self.sentence_sums(unit, sentence)[3], counted, head)
        return self._fit_all(unit, sentence, counted, head)

    def _fit_all(self, unit: str, sentence: frozenset[str], counted: frozenset[str],
                 head: set[str]) -> tuple[str, int]:
        """`guess` for any counted words: every figure of the unit scored at once from the 0/1 word matrices."""
        subject, every, enough, _ = self.sentence_sums(unit, sentence)
        _, vocabulary = self.word_matrices[unit]
        extra = [vocabulary[w] for w in counted - sentence if w in vocabulary]
        # the figure's own few words: rows of the word-major copy of the matrix, summed (a word in two parts, or a
        # part named twice, is counted once for each, as separate sums would)
        rows, width = self.word_rows[unit], len(vocabulary)
        fits = (subject + rows[extra].sum(axis=0)) >= 3 if extra else enough
        if head:  # every head word is in the vocabulary (checked in `guess`), so this asks for all of them
            fits = fits & (rows[[2 * width + vocabulary[w] for w in head]].sum(axis=0) == len(head))
        mine = [c for w in counted if w in vocabulary for c in (2 * width + vocabulary[w], width + vocabulary[w])]
        mine += [width + c for c in extra]
        # the fit of the figures that fit, -1 elsewhere (a fit is never negative)
        fit = np.where(fits, every + rows[mine].sum(axis=0) if mine else every, -1)
        top = int(fit.max())
        if top < 0:
            return "", 0
        ranks, names = self.measure_ranks[unit]
        return names[int(ranks[fit == top].max())], top

    def _best_fit(self, unit: str, fitting: list[tuple[int, int]], counted: frozenset[str],
                  head: set[str]) -> tuple[str, int]:
        """`guess` when every counted word is in the sentence: the sentence's fitting figures, most words first,
        scored one by one until no later one can reach the best fit (it can gain at most two per counted word)."""
        rows = self.row_sets[unit]
        gain = 2 * len(counted)
        top, best = -1, ""
        for every, row in fitting:
            if every + gain < top:
                break
            counts, words, measure = rows[row]
            if head and not head <= counts:
                continue
            fit = every + len(counted & counts) + len(counted & words)
            if fit > top or (fit == top and measure > best):
                top, best = fit, measure
        return (best, top) if top >= 0 else ("", 0)

    def candidates(self, found: Found) -> list[dict[str, Any]]:
        """The record figures that `relation` could match (same unit, value within reach), in record order.

        A cheap, conservative filter (every match `relation` finds is among them), so a long article is not
        compared figure by figure with the whole record: that cost ~1 ms a figure, 14 s a MB of news prose."""
        a = found.printed
        if a.value is None:
            return []
        units = (a.unit, "rate") if is_bare_number(a) else (a.unit,)
        rows = sorted(where[i] for unit in units if unit in self.by_unit
                      for index, where in (self.by_unit[unit],) for i in index.near(a.value, _reach(a)))
        return [self.figures[n] for n in rows]


def _reach(p: Any) -> float:
    """The widest gap between a printed value and a value it is 'same', 'consistent' or 'printed alike' with:
    its rounding step, the step it was rounded to, or the 5% band of worded qualifiers.

    An exact figure reaches only its own step: two exact figures are related only when printed alike, and an exact
    figure within a qualified one's band is found through the qualified one's reach (`candidates` takes the
    larger). So an exact figure in an article is compared with the few record figures that could relate to it,
    not with every figure within 5 per cent of it."""
    step = p.step or 0.0
    if p.qualifier == "exact":
        return max(step, abs(p.value) * 1e-9)
    return max(step, round_step(p.value, step) if step else 0.0, abs(p.value) * float(TOLERANCE))


def load_record(paths: Paths) -> Record:
    """data/processed/figures.csv and claims.csv, each figure re-read with the project's parser."""
    figures = []
    for row in load_rows("figures", paths):
        if row.get("value") is None:
            continue
        try:
            printed = with_row_unit(parse_printed(row["value_as_printed"]), row["unit"])
        except PrintedFigureError:
            continue
        row["_printed"] = printed
        row["_words"] = words_of(f"{row['measure'].replace('_', ' ')} {row['subject']} {row['unit']}")
        row["_unit_words"] = words_of(row["unit"])
        row["_counts"] = counted_class(f"{row['unit']} {row['measure'].split('_')[-1]}") | quote_counted(row)
        row["_subject_words"] = row["_words"] - row["_unit_words"]
        row["_whole_text"] = whole_of(row["subject"]) if row["measure"].startswith("share") else ""
        row["_whole"] = counted_class(row["_whole_text"])
        row["_whole_words"] = whole_words(row["subject"])
        row["_years"] = years_of(row)
        row["_direction"] = direction_of(row)
        row["_bodies"] = bodies_of(row)
        figures.append(row)
    claims = load_rows("claims", paths)
    for claim in claims:
        claim["_normalised"] = normalise_for_match(claim.get("text") or "")
    return Record(figures, claims)


@dataclass
class Match:
    """One record figure that matches a found figure, how, and how well the words agree."""

    figure: dict[str, Any]
    relation: str
    words: int
    differs: str = ""  # why a figure printed alike is another definition (geography, period, counted thing)

    def as_dict(self) -> dict[str, Any]:
        f = self.figure
        keep = ("figure_id", "source_id", "publisher", "primary", "published", "published_approximate", "measure",
                "subject", "geography", "period_start", "period_end", "value_as_printed", "qualifier", "url", "quote")
        out = {**{k: f.get(k) for k in keep}, "relation": self.relation, "shared_words": self.words}
        return {**out, "differs": self.differs} if self.differs else out


@dataclass
class Matched:
    """Everything the record says about one found figure."""

    matches: list[Match] = field(default_factory=list)  # the answer: same value and the same definition
    definitions: list[str] = field(default_factory=list)  # measures, best first
    others: list[Match] = field(default_factory=list)  # printed alike under another definition: a warning only
    unrelated: int = 0  # record figures with the same value that share no words with the sentence
    claims: list[dict[str, Any]] = field(default_factory=list)
    measure_guess: str = ""


def _within(qualifier: str, x: float, step: float | None, r: float) -> bool:
    """Whether r is what a writer might print as `qualifier` x (rounded down or up to the printed step).

    Words ("more than half") print no step, so only a 5% band beyond them is taken as consistent."""
    q = CANONICAL.get(qualifier)
    if q is None or q.direction == "exact":
        return False
    if q.band is not None:  # just over, almost, about: exactly when the verdict on these words would hold
        if abs(r - x) > abs(x) * float(q.band) + (step or 0.0) + 1e-9 * max(1.0, abs(x)):
            return False  # beyond the band and the printed step: no verdict on these words could hold
        decimals = None if not step else max(0, round(-math.log10(step)))
        digits = format(Decimal(repr(x)).normalize(), "f")
        printed = Printed(f"{qualifier} {digits}", x, qualifier, "count", decimals=decimals)
        return verdict(Decimal(repr(r)), printed) in BORNE_OUT
    rs = round_step(x, step) if step else abs(x) * float(TOLERANCE)
    if q.direction == "lower":
        return (r > x or (q.inclusive and r == x)) and r < x + rs
    return x - rs < r < x or (q.inclusive and r == x)


def relation(found: Found, figure: dict[str, Any]) -> str:
    """How a record figure relates to a found one: 'same', 'consistent', 'printed alike' or '' (no match)."""
    a, b = found.printed, figure["_printed"]
    if a.value is None or b.value is None or not _same_kind(a, b):
        return ""
    if a.unit == b.unit == "rate" and a.denominator != b.denominator:
        return ""
    steps = [p.step for p in (a, b) if p.step and not _whole_in_words(p)]
    step = max(steps) if steps else 0.0
    alike = abs(a.value - b.value) <= step / 2 + 1e-9 * max(1.0, abs(a.value)) if step else math.isclose(
        a.value, b.value, rel_tol=1e-9)
    if alike and a.qualifier == b.qualifier:
        return "same"
    # A range is consistent with an exact value inside it; two ranges ("more than 1,200", "above 1,000") are not
    # compared, since neither pins the number down.
    if (b.qualifier == "exact" and _within(a.qualifier, a.value, a.step, b.value)) or (
            a.qualifier == "exact" and _within(b.qualifier, b.value, b.step, a.value)):
        return "consistent"
    return "printed alike" if alike else ""


#: A record unit that is a rate: "per 10,000 children", "child in need assessments per 1,000 children".
_PER_NUMBER = re.compile(r"\bper\s+\d{1,3}(?:,\d{3})*\b")


def with_row_unit(printed: Printed, unit: str) -> Printed:
    """A record figure read with its row's unit when that unit is a rate the value does not print.

    DfE prints "332.9" in a column headed "per 10,000 children", and the record keeps the value as printed and the
    rate in `unit`: read alone, it was a count, so an article's "332.9 per 10,000 children" (a rate) was "not in
    the record", and the Casey audit's "1.3" assessments per 1,000 children was offered as the same as "one
    ongoing investigation"."""
    if not is_bare_number(printed) or not _PER_NUMBER.search(unit):
        return printed
    try:
        rate = parse_printed(f"{printed.text} {unit}")
    except PrintedFigureError:
        return printed
    return rate if rate.unit == "rate" and rate.value == printed.value else printed


def _same_kind(a: Printed, b: Printed) -> bool:
    """Same unit, or a bare number beside a rate (an article may print a rate's value without its "per 10,000")."""
    return a.unit == b.unit or (a.unit, b.unit) in {("count", "rate"), ("rate", "count")} and (
        is_bare_number(a) if a.unit == "count" else is_bare_number(b))


def _whole_in_words(p: Printed) -> bool:
    """A count in words ("one ongoing investigation") is that whole number, not a rounding of 1.3."""
    return p.unit == "count" and p.in_words and p.scale == 1.0


def _covering_claims(found: Found, ids: set[str], record: Record) -> list[dict[str, Any]]:
    """Registered claims about this figure: printed in this sentence, or stating a figure that is the same."""
    printed = found.text.lower()
    in_claims = record.in_claims_text(printed)
    if not ids and not in_claims:  # most figures: no claim states or prints them
        return []
    here = {c["claim_id"]: c for c in record.claims_in(found.sentence.text)
            if printed in c["_normalised"]} if in_claims else {}
    stating = {c["claim_id"]: c for i in ids for c in record.claims_by_stated.get(i, [])}
    out = [{"claim_id": c["claim_id"], "verdict": c["verdict"], "stated": c.get("stated"), "kind": c.get("kind"),
            "text": c.get("text"), "source_id": c.get("source_id"), "in_this_text": c["claim_id"] in here,
            "working": c.get("working"), "stated_figure": c.get("stated_figure") or "",
            "inputs": split_list(c.get("inputs"))} for c in {**stating, **here}.values()]
    out.sort(key=lambda c: (not c["in_this_text"], c["claim_id"]))
    return out


def _guess(base: frozenset[str], counted: frozenset[str], found: Found, record: Record) -> str:
    """The record measure whose words best fit the words around the figure (same kind of unit), if any fits well.

    The unit alone ("cases") says little about the measure: three other words must be shared, and the counted
    thing ("boroughs" of "two London boroughs") must be what the record figure counts."""
    measure, fit = record.guess(found.printed.unit, base, counted, head_of(found))
    return measure if fit >= 3 else ""


def match_figure(found: Found, record: Record, min_words: int = 2,
                 cache: dict[tuple, Matched] | None = None, context: str = "") -> Matched:
    """Record figures and claims for one found figure; see the module docstring for the rules.

    `context` is the sentence before, read when this one names its subject only as "these figures" or the like.
    With `cache`, a figure printed the same way, with the same words around it in the same sentence, is matched
    once: a page that repeats a figure (or a run of "12 12 12 …") costs one match, not one per copy."""
    setting = setting_of(found, context)
    if cache is None:
        return _match(found, record, min_words, setting, context)
    key = (found.text, found.printed, found.counted, found.subject, found.derived, found.sentence.text, context,
           setting, min_words)
    if key not in cache:
        cache[key] = _match(found, record, min_words, setting, context)
    return cache[key]


def match_reading(found: Found, record: Record, cache: dict[tuple, Matched] | None = None,
                  context: str = "") -> tuple[Found, Matched]:
    """`match_figure`, and for a part of a whole the record does not hold ("one out of five adults", "seven out of
    ten cases": the count 1 of 5) the share it prints, when the record holds that: "one out of five adults" was
    "not in the record" where "one in five adults" was the ONS's share; for a share "for every" a base, the rate
    (`as_rate`). The figure is shown as it was matched."""
    share = as_share(found)
    # (a share's idiom is tried as the share first: "one out of five adults" was the count 1 "in the record" as
    # HMICFRS's "one area for improvement", and its share never looked up)
    readings = [share, found] if share is not None and share_idiom(found.printed) else [found, share or as_rate(found)]
    first = None
    for reading in [r for r in readings if r is not None]:
        matched = match_figure(reading, record, cache=cache, context=context)
        if matched.matches:
            return reading, matched
        first = (reading, matched) if reading is found else first
    return first if first is not None else (found, match_figure(found, record, cache=cache, context=context))


#: A share printed as "N in every M" or "N for every M", split at its words.
_EVERY = re.compile(r"^(?P<part>.*?)\s(?:[a-z]+\s)*?(?:in|for|out\s+of)\s+every\s+(?P<base>\S+)$", re.IGNORECASE)


def as_rate(found: Found) -> Found | None:
    """A share printed "332.9 for every 10,000" or "2.77 cases for every 1,000 children" read as the rate it is
    also printed as ("332.9 per 10,000"): read as "about 3.329%", the DfE's rate of children in need was "not in the
    record". Only a part in digits: "one in every five" is a share."""
    printed = found.printed
    m = _EVERY.match(found.text) if printed.unit == "percent" and printed.denominator else None
    if m is None or not m.group("part")[-1:].isdigit():
        return None
    try:
        rate = parse_printed(f"{m.group('part')} per {m.group('base')}")
    except PrintedFigureError:
        return None
    return replace(found, printed=replace(rate, text=found.text), derived="rate", derived_because=found.text)


def as_share(found: Found) -> Found | None:
    """A part of a whole ("N out of M") read as the share it is of the whole, as "N in M" is; None for others."""
    printed = found.printed
    if printed.unit != "count" or not printed.denominator or printed.value is None:
        return None
    qualifier = "about" if printed.qualifier == "exact" else printed.qualifier
    share = replace(printed, value=100 * printed.value / printed.denominator, unit="percent", qualifier=qualifier,
                    decimals=None, in_words=True)
    return replace(found, printed=share, derived="share", derived_because=found.text)


def _ranked(items: list[Match], years: frozenset[int] = frozenset()) -> list[Match]:
    """Where the figure was published first: the publisher's own documents, then the earliest date. A measure the
    record holds for several years is first answered by a figure for a year the sentence names ("over half of the
    106,984 cases in 2022" is the 2022 share, though the publisher's own release is 2023's)."""
    return sorted(items, key=lambda m: (bool(years) and not any(in_period(y, m.figure) for y in years),
                                        not m.figure.get("primary"), m.figure.get("published") or "",
                                        RELATIONS.index(m.relation), m.figure["figure_id"]))


def _match(found: Found, record: Record, min_words: int, setting: Setting, context: str) -> Matched:
    result = Matched()
    groups: dict[str, list[Match]] = {}
    others: list[Match] = []
    related = [(figure, rel) for figure in record.candidates(found) if (rel := relation(found, figure))]
    counted = counted_words(found)
    near = set(base_words(found, context) | counted) if related else set()  # the words `score` compares
    for figure, rel in related:
        words = score(figure, near, counted, setting)
        if words < min_words:
            result.unrelated += 1
            continue
        why = differs(found, figure, setting)
        if why:
            others.append(Match(figure, rel, words, why))
        else:
            groups.setdefault(figure["measure"], []).append(Match(figure, rel, words))
    # A definition the record prints alike only as an exact count no one rounded, beside a bound that leaves it
    # out ("Over 922 crimes" where the Met recorded 922, "fewer than 1,273" beside the minister's 1,273), cannot
    # bear the figure out: it was the answer, "in the record", exit 0. (A round figure may stand for more or less
    # than it prints: "over 30 percent" may be the Standard's "30 per cent" rounded down.)
    for k in [k for k, items in groups.items() if all(_contradicted(found, m) for m in items)]:
        others += [Match(m.figure, m.relation, m.words, f"exactly {m.figure['value_as_printed']}, not {found.text}")
                   for m in groups.pop(k)]
    order = sorted(groups, key=lambda k: (-max(m.words for m in groups[k]),
                                          min(RELATIONS.index(m.relation) for m in groups[k]), k))
    if order:
        # A definition sharing far fewer words with the sentence than the best one is another definition printed
        # alike (the Met's 1,200 in scope beside 2017's 1,200 offences), not a second answer; and not the answer
        # either when the best-fitting figure is of another group, place or year ("92% of victims … are female"
        # was HMICFRS's "just under 93%" of cases, once the CSA Centre's 92% of perpetrators was set apart).
        best = max(m.words for m in [*groups[order[0]], *others])
        for k in [k for k in order if max(m.words for m in groups[k]) < best - WORDS_BEHIND_BEST]:
            order.remove(k)
            others += [Match(m.figure, m.relation, m.words, f"fits the sentence less well ({m.words} shared words, "
                                                            f"the best {best})") for m in groups.pop(k)]
    result.definitions = order
    result.matches = [m for k in order for m in _ranked(groups[k], setting.years)]
    result.others = sorted(_ranked(others), key=lambda m: -m.words)
    same_ids = {m.figure["figure_id"] for m in result.matches if m.relation == "same"}
    result.claims = _covering_claims(found, same_ids, record)
    result.measure_guess = order[0] if order else _guess(base_words(found, context), counted, found, record)
    return result


def _contradicted(found: Found, match: Match) -> bool:
    """Whether a record figure printed alike is an exact, unrounded count a bound printed in the article leaves out
    ("more than 922" beside 922): printed with a last digit other than 0 and no qualifier."""
    theirs = match.figure["_printed"]
    return (match.relation == "printed alike" and theirs.qualifier == "exact" and theirs.unit == "count"
            and theirs.value is not None and float(theirs.value).is_integer() and int(theirs.value) % 10 != 0
            and found.printed.qualifier != "exact")


def prefer_article_sources(results: list[Matched]) -> None:
    """Where a figure's answer spans several definitions, put first the one published in a document the article
    is otherwise seen to report (a story reports one release: its other figures each matched one definition)."""
    sources = {m.figure["source_id"] for r in results if len(r.definitions) == 1 for m in r.matches}
    for r in results:
        if len(r.definitions) < 2:
            continue
        cited = {d for d in r.definitions if any(m.figure["source_id"] in sources for m in r.matches
                                                   if m.figure["measure"] == d)}
        r.definitions = sorted(r.definitions, key=lambda d: d not in cited)  # stable: otherwise as ranked
        r.matches = sorted(r.matches, key=lambda m: r.definitions.index(m.figure["measure"]))
        r.measure_guess = r.definitions[0]
