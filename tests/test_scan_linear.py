"""scan's shortcuts for speed (issue 24) never change what it finds: each is checked against the plain pattern it
stands in for, on every stored article (fixtures and held-out) and on sentences built to reach each kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.factcheck import scan_find
from analysis.factcheck.scan_text import Sentence, sentences, to_text
from analysis.record import word_pattern
from analysis.record.hygiene import same_length_reading

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "benchmarks" / "heldout").glob("*.txt")])
EDGES = [
    "Call +44 (0)20 7946 0000 or 020 7946 0000 at 10.30am, c. 1,200 cases; see para 4.2 and page 12 of annex B.",
    "Aged 13 to 15, an under-16s team, as old as 70, turned 16, a 15-year-old, 3 years, two decades, 21st.",
    "Reports on 12/03/2017, 2017-03-12, March 12, 2017, 1 Jan 2018, Sept. 2019, 2019/20, www.x.org, a@b.co.",
    "In excess of 500, an estimated 9,000, no fewer than 3, up to 40 per cent, circa 300, slightly more than half.",
    "Three-quarters, two thirds, one in five, 12 in every 100, 278 out of 374, twice as many, doubled, 3 times more.",
    "12 Acacia Road, section 5, step 2, level 3, tier 1, 5 or more suspects, at least 2 victims, SW1A 1AA.",
    "Story 20-090533808 (id 123456) at 14:00 GMT, 9 p.m. UTC; 0044 20 7946 0000; 2,000 cases; 1 Jan., 2/3/19.",
    # Numbers in unusual groupings, read by their length; ranges and pairs whose ends carry their unit (round 13):
    "Call 07 712 345 678, (0)20 79 46 11 22 or 077009 00123; NHS 94 34 76 59 19; 10%-20%, 56%/44%, 3/4 of 40.",
    "Tel: 7946 1234 or mobile 794 6123; phone 2019 survey of 40.",
    "Some 1 200 cases, 5 000 000 pounds, in 2019 200 more; Of the 3 cases, 278.",
    # Ratios, multiples and idioms (round 14):
    "Up 56 pct, 56 p.c., 1.2 mln, 3 bln, twelve hundred, 5 lakh, 56 per-cent; from 10 to 15 per cent, 2 and 3 million.",
    "A 2:1 ratio, a 3-fold rise, threefold, a 3x or 4\u00d7 increase, open 24/7 and 24-7, a 9-to-5 job, 1:1.5.",
    # Figures printed open-ended, and a definition's threshold (round 15):
    "1,200+ cases, 1,200-plus, 1,200 plus, 9,000 or more, 56% and over, £1.2bn plus, 5+ of them, 2 or more.",
    "A $5m fund, €5m, US$1.2 billion, USD 5m, 5,000 dollars; Year 9 pupils at Key Stage 2, PC 1234, DS 56.",
    "A 56-per-cent rise, 56-percent, fifty-six per cent; a quarter of a million, half a million, two and a half "
    "million, 1.2bn pounds.",
    "Officers found 9,000[1] children at risk [12]; see [a] and [1,200].",
    "1. Cases rose. 2) Referrals fell. (3) Arrests doubled, 12. (4 cases) and 5) 6.",
    "About ~1,200, ≈1,200, <1,200, >1,200, ≥ 1,200, c.1,200, 1,200-odd, 1,200 or so, 1,200-ish, 1,200 approx. cases.",
    "Between 300 and 400 cases, between 10% and 20%, between £1m and £2m; between 2019 and 2023.",
    # Apostrophe groups, scientific notation, a spaced "pc", hanging hyphens in ages, shares with a noun (round 16):
    "Some 1'200 or 1’200 cases, 10^3 or 1.2e+03 of them; up 12 pc, 12 PCs; 16- and 17-year-olds aged 16- to 17; "
    "one child in five, three children in every 10 were; 300 cases in 12 forces; 1,200 – 1,500 cases, from "
    "1,500 — 300 fewer — to 1,200, a 3 - 1 score, 12 dozen.",
    # Letters IGNORECASE reads as ASCII ones where str.lower() does not (long s, dotless and dotted i):
    "Within 5 ſeconds, aged ſixteen, at 10.30 BſT, 3 or more, at leaſt 2 victims, tıme 4 hours, 2 mİnutes.",
]


def _sentences() -> list[Sentence]:
    out = [s for path in TEXTS for s in sentences(to_text(path.read_text(encoding="utf-8")))]
    return out + [Sentence(text, 1, 0) for text in EDGES]


def test_there_are_articles_to_check() -> None:
    assert len(TEXTS) >= 12


def test_the_kind_set_finds_each_kind_wherever_its_pattern_matches() -> None:
    """A kind is run only on a sentence where RE2 finds it may be (`_KINDS`): every match of the kind, in both
    readings of every text, is found by it in the match alone (so the check cannot lean on the rest of the
    sentence), and in the sentence."""
    kinds = scan_find._KINDS
    assert kinds.always == frozenset()  # every kind has an RE2 form: none is run on every sentence
    for sentence in _sentences():
        full = same_length_reading(sentence.text)
        readings = (full, scan_find.figure_reading(sentence.text, full))
        possible = kinds.could_match(*readings)
        for index, (kind, pattern) in enumerate(scan_find.LEFT_OUT):
            for m in (m for reading in readings for m in pattern.finditer(reading)):
                assert index in kinds.could_match(m.group(0)), (kind, m.group(0))
                assert index in possible, (kind, sentence.text)


class _EveryKind:
    """Stands in for `_KINDS`: every kind may be in every sentence, so each pattern is run on each."""

    always = frozenset(range(len(scan_find.LEFT_OUT)))

    def could_match(self, *texts: str) -> frozenset[int]:
        return self.always


def test_masking_with_and_without_the_kind_set_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _sentences()
    fast = [scan_find._mask(s.text, s, []) for s in texts]
    monkeypatch.setattr(scan_find, "_KINDS", _EveryKind())
    plain = [scan_find._mask(s.text, s, []) for s in texts]
    assert fast == plain
    assert sum("\x00" in s.text or m != s.text for s, m in zip(texts, plain, strict=True)) > 40  # kinds were masked


def test_the_first_word_lookahead_finds_exactly_what_the_plain_pattern_finds() -> None:
    plain = re.compile(rf"(?<![\w£.,/-]){scan_find.FIGURE_BODY}", re.IGNORECASE)
    for sentence in _sentences():
        masked = scan_find._mask(sentence.text, sentence, [])
        assert [m.span() for m in scan_find.FIGURE_RE.finditer(masked)] == \
            [m.span() for m in plain.finditer(masked)], sentence.text


def test_the_value_filter_keeps_every_record_figure_a_figure_could_relate_to() -> None:
    """`Record.candidates` narrows the record by value before `relation` is asked (an exact figure reaches only its
    own step): every record figure `relation` relates to a printed figure must still be among the candidates.
    Checked with every record figure's printed value as the article's figure, and with qualified versions of it."""
    from analysis.factcheck.scan_find import Found
    from analysis.factcheck.scan_match import load_record, relation
    from analysis.paths import DEFAULT
    from analysis.record.printed import PrintedFigureError, parse_printed

    record = load_record(DEFAULT)
    printed = {f["value_as_printed"] for f in record.figures}
    forms = {f"{q} {p}" for p in printed for q in ("", "more than", "almost", "about", "just over", "fewer than")}
    sentence = Sentence("", 1, 0)
    checked = 0
    for text in sorted(forms):
        try:
            found = Found(text.strip(), parse_printed(text.strip()), "", sentence, 0, "", "")
        except PrintedFigureError:
            continue
        kept = {id(f) for f in record.candidates(found)}
        related = [f["figure_id"] for f in record.figures if relation(found, f)]
        assert all(id(f) in kept for f in record.figures if relation(found, f)), (text, related)
        checked += bool(related)
    assert checked > 300


def test_the_first_word_trie_matches_exactly_the_first_words() -> None:
    """`trie_pattern` stands in for an alternation of FIRST_WORDS: it matches every word, no prefix or extension
    of one that is not itself a word, and prefers the longer of two words as the alternation sorted longest first."""
    words = scan_find.FIRST_WORDS
    trie = re.compile(word_pattern.trie_pattern(words), re.IGNORECASE)
    plain = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    probes = {w[:n] for w in words for n in range(len(w) + 1)} | {w + tail for w in words for tail in ("s", "d", " ")}
    for probe in sorted(probes):
        assert bool(trie.fullmatch(probe)) == (probe.lower() in words), probe
        assert (m := trie.match(probe)) is None or m.group(0) == plain.match(probe).group(0), probe


def test_the_value_index_finds_exactly_the_values_near_a_printed_one() -> None:
    """`ValueIndex.near` (binary searches over segments listed when the record is loaded) gives the same positions
    as testing `near` on every value, for the record's own values and reaches and for values around and between
    them: at their interval ends, just inside and just outside."""
    from analysis.factcheck.scan_match import load_record
    from analysis.factcheck.value_index import SLACK, near
    from analysis.paths import DEFAULT

    record = load_record(DEFAULT)
    checked = 0
    for index, _ in record.by_unit.values():
        pairs = list(enumerate(zip(index.values, index.reaches, strict=True)))
        probes = set()
        for _, (v, r) in pairs:
            edge = r * SLACK + 1e-9
            probes |= {v, v - edge, v + edge, v - 2 * edge, v + 2 * edge, v * 0.97, v * 1.03, 0.0, v / 2}
        for value in sorted(probes):
            for reach in (0.0, 1.0, abs(value) * 0.05, abs(value)):
                brute = [i for i, (v, r) in pairs if near(v, r, value, reach)]
                assert index.near(value, reach) == brute, (value, reach)
                checked += bool(brute)
    assert checked > 1000


def test_the_quick_guess_scores_as_the_whole_matrix_does() -> None:
    """`Record._best_fit` (the sentence's fitting figures one by one, stopping when none left can reach the best)
    stands in for `_fit_all` (every figure of the unit from the word matrices) when the counted words are the
    sentence's: both give the same measure and fit for every figure of every stored article, with and without the
    sentence before as context, and with each counted word as the head."""
    from analysis.factcheck.scan_find import find_figures
    from analysis.factcheck.scan_match import load_record
    from analysis.factcheck.scan_subject import base_words, counted_words, head_of
    from analysis.paths import DEFAULT

    record = load_record(DEFAULT)
    compared = fitted = 0
    previous = ""
    for sentence in _sentences():
        for found in find_figures(sentence)[0]:
            unit, counted = found.printed.unit, counted_words(found)
            if unit not in record.word_matrices:
                continue
            for context in ("", previous):
                words = base_words(found, context) | counted
                for head in [head_of(found), set(), *({w} for w in counted)]:
                    if not head <= record.word_matrices[unit][1].keys():
                        continue
                    quick = record._best_fit(unit, record.sentence_sums(unit, words)[3], counted, head)
                    assert quick == record._fit_all(unit, words, counted, head), (sentence.text, head)
                    compared += 1
                    fitted += quick[1] >= 3
        previous = sentence.text
    assert compared > 500 and fitted > 100, (compared, fitted)


def test_the_lower_cased_figure_pattern_finds_what_the_case_folding_one_finds() -> None:
    """Where `_lowered` gives a lower-cased copy, the case-sensitive pattern on it finds the very spans FIGURE_RE
    finds on the sentence (also in capitals and with letters IGNORECASE folds specially, which take FIGURE_RE)."""
    shouted = ["MORE THAN 1,200 CASES, ALMOST THREE-QUARTERS, ONE IN FIVE, £15.6MILLION, 56 PER CENT.",
               "Nearly Half Of The 9,000 Referrals Doubled; Twenty-One Boroughs.", "ſix boroughs of 12.",
               "Over ſeventeen, ınto fıve cases.", "İn 2019 ten cases."]
    lowered = 0
    for sentence in [*_sentences(), *(Sentence(text, 1, 0) for text in shouted)]:
        masked = scan_find._mask(sentence.text, sentence, [])
        low = scan_find._lowered(masked)
        if low is None:
            assert any(c in masked.lower() for c in "ſı") or len(masked.lower()) != len(masked)
            continue
        lowered += 1
        assert [m.span() for m in scan_find._FIGURE_LOWER.finditer(low)] == \
            [m.span() for m in scan_find.FIGURE_RE.finditer(masked)], sentence.text
    assert lowered > 100



@given(st.lists(st.tuples(st.characters(codec="utf-8", exclude_characters="\x00"), st.booleans()), max_size=60))
def test_blanking_keeps_every_character_but_the_blanked_ones(pairs: list[tuple[str, bool]]) -> None:
    """`_blanked` splices runs of blanks; character by character it is: a NUL where the reading has one, else the
    text's own character (never the reading's: "–" read as "-" stays "–")."""
    text = "".join(ch for ch, _ in pairs)
    reading = "".join("\x00" if blank else "-" for _, blank in pairs)
    expected = "".join("\x00" if blank else ch for ch, blank in pairs)
    assert scan_find._blanked(text, reading) == expected
