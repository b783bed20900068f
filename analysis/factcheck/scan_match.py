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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from analysis.factcheck.scan_find import COUNT_NOUNS, Found
from analysis.factcheck.wording import BORNE_OUT, judge
from analysis.paths import Paths
from analysis.record.figures import normalise_for_match
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.record.vocabulary import CANONICAL, TOLERANCE
from analysis.tables.load import load_rows

__all__ = ["Record", "Match", "load_record", "match_figure", "words_of"]

_STOPWORDS = set("""a an the of in on at to for by with from and or as is are was were be been has have had it its
this that these those their there which who whom what when where since than more less into over under about per cent
not no all any each other our his her they them we you he she said says also such can will would could between
while after before during year years month months""".split())
_IRREGULAR = {"children": "child", "people": "person", "women": "woman", "men": "man", "offences": "offence"}
#: Relations, best first.
RELATIONS = ("same", "consistent", "printed alike")


def words_of(text: str) -> set[str]:
    """Content words, crudely stemmed so "exploited" meets "exploitation" and "cases" meets "case"."""
    found = set()
    for word in re.findall(r"[a-z]+", (text or "").lower()):
        if word in _STOPWORDS or len(word) < 3:
            continue
        word = _IRREGULAR.get(word, word)
        found.add(word[:6] if len(word) > 6 else word.rstrip("s"))
    return found


@dataclass
class Record:
    """The record as the scanner needs it: figures (with their parsed unit and words) and claims."""

    figures: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    #: Per unit: the figures' values, the widest gap at which each could still match, and their positions.
    by_unit: dict[str, tuple[np.ndarray, np.ndarray, list[int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        groups: dict[str, list[int]] = {}
        for i, figure in enumerate(self.figures):
            if figure["_printed"].value is not None:
                groups.setdefault(figure["_printed"].unit, []).append(i)
        for unit, where in groups.items():
            printed = [self.figures[i]["_printed"] for i in where]
            self.by_unit[unit] = (np.array([p.value for p in printed], dtype=float),
                                  np.array([_reach(p) for p in printed], dtype=float), where)

    def candidates(self, found: Found) -> list[dict[str, Any]]:
        """The record figures that `relation` could match (same unit, value within reach), in record order.

        A cheap, conservative filter (every match `relation` finds is among them), so a long article is not
        compared figure by figure with the whole record: that cost ~1 ms a figure, 14 s a MB of news prose."""
        a = found.printed
        if a.unit not in self.by_unit or a.value is None:
            return []
        values, reach, where = self.by_unit[a.unit]
        near = np.abs(values - a.value) <= np.maximum(reach, _reach(a)) * (1 + 1e-6) + 1e-9
        return [self.figures[where[i]] for i in np.flatnonzero(near)]


def _reach(p: Any) -> float:
    """The widest gap between a printed value and a value it is 'same', 'consistent' or 'printed alike' with:
    its rounding step, the step it was rounded to, or the 5% band of worded qualifiers."""
    step = p.step or 0.0
    return max(step, _round_step(p.value, step) if step else 0.0, abs(p.value) * float(TOLERANCE))


def load_record(paths: Paths) -> Record:
    """data/processed/figures.csv and claims.csv, each figure re-read with the project's parser."""
    figures = []
    for row in load_rows("figures", paths):
        if row.get("value") is None:
            continue
        try:
            printed = parse_printed(row["value_as_printed"])
        except PrintedFigureError:
            continue
        row["_printed"] = printed
        row["_words"] = words_of(f"{row['measure'].replace('_', ' ')} {row['subject']} {row['unit']}")
        row["_unit_words"] = words_of(row["unit"])
        row["_counts"] = row["_unit_words"] | words_of(row["measure"].split("_")[-1])
        row["_subject_words"] = row["_words"] - row["_unit_words"]
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

    def as_dict(self) -> dict[str, Any]:
        f = self.figure
        keep = ("figure_id", "source_id", "publisher", "primary", "published", "measure", "subject", "geography",
                "value_as_printed", "qualifier", "url", "quote")
        return {**{k: f.get(k) for k in keep}, "relation": self.relation, "shared_words": self.words}


@dataclass
class Matched:
    """Everything the record says about one found figure."""

    matches: list[Match] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)  # measures, best first
    unrelated: int = 0  # record figures with the same value that share no words with the sentence
    claims: list[dict[str, Any]] = field(default_factory=list)
    measure_guess: str = ""


def _round_step(value: float, step: float) -> float:
    """The step a writer rounded to: 1,200 → 100, 9,000 → 1,000, 56 → 1, 15.6 (1 dp) → 0.1."""
    units = round(abs(value) / step) if step else 0
    zeros = 0
    while units and units % 10 == 0:
        units //= 10
        zeros += 1
    return step * 10 ** zeros


def _within(qualifier: str, x: float, step: float | None, r: float) -> bool:
    """Whether r is what a writer might print as `qualifier` x (rounded down or up to the printed step).

    Words ("more than half") print no step, so only a 5% band beyond them is taken as consistent."""
    q = CANONICAL.get(qualifier)
    if q is None or q.direction == "exact":
        return False
    if q.band is not None:  # just over, almost, about: exactly when the verdict on these words would hold
        decimals = None if not step else max(0, round(-math.log10(step)))
        digits = format(Decimal(repr(x)).normalize(), "f")
        printed = Printed(f"{qualifier} {digits}", x, qualifier, "count", decimals=decimals)
        return judge(Decimal(repr(r)), printed)[0] in BORNE_OUT
    rs = _round_step(x, step) if step else abs(x) * float(TOLERANCE)
    if q.direction == "lower":
        return (r > x or (q.inclusive and r == x)) and r < x + rs
    return x - rs < r < x or (q.inclusive and r == x)


def relation(found: Found, figure: dict[str, Any]) -> str:
    """How a record figure relates to a found one: 'same', 'consistent', 'printed alike' or '' (no match)."""
    a, b = found.printed, figure["_printed"]
    if a.unit != b.unit or a.value is None or b.value is None:
        return ""
    if a.unit == "rate" and a.denominator != b.denominator:
        return ""
    steps = [s for s in (a.step, b.step) if s]
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


def _context_words(found: Found) -> tuple[set[str], set[str]]:
    """Words near the figure (ten words before, the counted phrase, six after) and the counted words alone."""
    text, end = found.sentence.text, found.start + len(found.text)
    before = " ".join(text[max(0, found.start - 200):found.start].split()[-10:])
    after = " ".join(text[end:end + 200].split()[:6])
    counted = words_of(found.counted)
    return words_of(f"{before} {after}") | counted, counted


def _score(figure: dict[str, Any], near: set[str], counted: set[str]) -> int:
    """Shared words; the counted thing counts twice ("23 police forces" is about forces, not cases)."""
    return len(near & figure["_words"]) + len(counted & figure["_unit_words"]) + len(counted & figure["_words"])


_PREPOSITION = re.compile(r"\b(?:of|to|in|into|from|for|by|with|on|at|across|who|which|that)\b", re.IGNORECASE)


def _head(found: Found) -> set[str]:
    """The counted thing the article names right after the number ("investigation" in "one ongoing investigation
    into a case"), as stemmed words; empty when the words after the number do not start with a noun phrase that
    names a counted thing ("236 relate to allegations of rape")."""
    phrase = _PREPOSITION.split(found.counted, maxsplit=1)[0].lower().split()
    return next((words_of(w) for w in phrase if w.startswith(COUNT_NOUNS)), set())


def _counts_other_things(found: Found, figure: dict[str, Any], counted: set[str]) -> bool:
    """A count of investigations is not a count of cases, and a rise is not a share.

    Counts: when the words after the number name a counted thing ("ongoing investigation") and the record says
    what it counts, the two must share a word. Percentages: the measure vocabulary (data/README.md) names rises
    `change_…` and shares `share_…`, so a figure read as a rise is not matched to a share, nor the reverse."""
    measure = figure["measure"]
    if found.derived == "percent_change" and measure.startswith("share"):
        return True
    if found.derived == "share" and measure.startswith("change"):
        return True
    if found.printed.unit != "count" or not counted or not figure["_unit_words"]:
        return False
    return bool(_head(found)) and not counted & figure["_unit_words"]


@functools.lru_cache(maxsize=64)
def _normalised_sentence(text: str) -> str:
    """normalise_for_match once per sentence, not once per figure in it (a sentence may hold many)."""
    return normalise_for_match(text)


def _covering_claims(found: Found, ids: set[str], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Registered claims about this figure: printed in this sentence, or stating a figure that is the same."""
    sentence = _normalised_sentence(found.sentence.text)
    out = []
    for claim in claims:
        text = claim["_normalised"]
        here = bool(text) and (text in sentence or sentence in text) and found.text.lower() in text
        if here or (claim.get("stated_figure") or "") in ids:
            out.append({"claim_id": claim["claim_id"], "verdict": claim["verdict"], "stated": claim.get("stated"),
                        "kind": claim.get("kind"), "text": claim.get("text"), "source_id": claim.get("source_id"),
                        "in_this_text": here, "working": claim.get("working")})
    out.sort(key=lambda c: (not c["in_this_text"], c["claim_id"]))
    return out


def _guess(near: set[str], counted: set[str], found: Found, figures: list[dict[str, Any]]) -> str:
    """The record measure whose words best fit the words around the figure (same kind of unit), if any fits well."""
    best: dict[str, int] = {}
    head = _head(found)
    for figure in figures:
        # The unit alone ("cases") says little about the measure: three other words must be shared, and the
        # counted thing ("boroughs" of "two London boroughs") must be what the record figure counts.
        if figure["_printed"].unit != found.printed.unit or not head <= figure["_counts"]:
            continue
        if len(near & figure["_subject_words"]) >= 3:
            best[figure["measure"]] = max(best.get(figure["measure"], 0), _score(figure, near, counted))
    if not best:
        return ""
    measure, score = max(best.items(), key=lambda kv: (kv[1], kv[0]))
    return measure if score >= 3 else ""


def match_figure(found: Found, record: Record, min_words: int = 2,
                 cache: dict[tuple, Matched] | None = None) -> Matched:
    """Record figures and claims for one found figure; see the module docstring for the rules.

    With `cache`, a figure printed the same way, with the same words around it in the same sentence, is matched
    once: a page that repeats a figure (or a run of "12 12 12 …") costs one match, not one per copy."""
    near, counted = _context_words(found)
    if cache is None:
        return _match(found, record, min_words, near, counted)
    key = (found.text, found.printed, found.counted, found.derived, found.sentence.text, frozenset(near), min_words)
    if key not in cache:
        cache[key] = _match(found, record, min_words, near, counted)
    return cache[key]


def _match(found: Found, record: Record, min_words: int, near: set[str], counted: set[str]) -> Matched:
    result = Matched()
    groups: dict[str, list[Match]] = {}
    for figure in record.candidates(found):
        rel = relation(found, figure)
        if not rel:
            continue
        score = _score(figure, near, counted)
        if score < min_words or _counts_other_things(found, figure, counted):
            result.unrelated += 1
            continue
        groups.setdefault(figure["measure"], []).append(Match(figure, rel, score))
    for items in groups.values():
        # Where the figure was published first: the publisher's own documents, then the earliest date.
        items.sort(key=lambda m: (not m.figure.get("primary"), m.figure.get("published") or "",
                                  RELATIONS.index(m.relation), m.figure["figure_id"]))
    order = sorted(groups, key=lambda k: (-max(m.words for m in groups[k]),
                                          min(RELATIONS.index(m.relation) for m in groups[k]), k))
    result.definitions = order
    result.matches = [m for k in order for m in groups[k]]
    same_ids = {m.figure["figure_id"] for m in result.matches if m.relation == "same"}
    result.claims = _covering_claims(found, same_ids, record.claims)
    same_unit = [record.figures[i] for i in record.by_unit.get(found.printed.unit, ((), (), []))[2]]
    result.measure_guess = order[0] if order else _guess(near, counted, found, same_unit)
    return result
