"""RE2's one pass for many patterns (`PatternSet`) never misses a pattern that matches: scan runs a kind only where
it says the kind may be, so a miss would leave a phone number or a date to be read as a figure."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.factcheck import scan_find
from analysis.record.pattern_set import NotLoosened, PatternSet, loosened

KINDS = [pattern for _, pattern in scan_find.LEFT_OUT]
ALL_KINDS = PatternSet(KINDS)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"(?<![\w£])\d+(?!\w)", "x12y"),  # look-arounds only narrow a match: RE2 reads the digits alone
    (r"\bage\b", "cage"),  # so does a word boundary
    (r"^1,200$", "about 1,200 cases"),  # and an anchor
    (r"\d{1,3}(?:,\d{3})+", "1,200"),
    (r"\d\d", "١٢"),  # Python's \d is every decimal digit, RE2's ASCII only
    (r"[\w-]{2}", "éà"),  # Python's \w holds letters of every script
    (r"a\sb", "a\u2009b"),  # and \s every space: a thin space here
    (r"(?-i:FY)\d\d", "fy24"),  # a part read in one case is read in either
    (r"[a-z]{1,64}@", "x" * 70 + "@"),  # a bounded repeat is written without its bound
    (r"x{,3}y", "xxy"),  # Python's "{,3}" is "{0,3}"; to RE2 it would be the letters "{,3}"
    (r"(?:\.\s?){5,}+\d", "Introduction . . . . . 3"),  # a possessive repeat (RE2 has none) is read greedy
    (r"\d{3}+x", "123x"),
    (r"(?>ab|a)c", "ac"),  # an atomic group is read as a plain one
    # a NUL stands for a character an earlier kind blanked: RE2 reads the text before any blanking
    (r"12%(?:\s+(?:[a-z]+|\x00+)){0,3}\s+and\s+15", "12% in 2019 and 15"),
    ("a[\x00b]c", "axc"),
])
def test_a_loosened_pattern_matches_wherever_the_python_pattern_does(pattern: str, text: str) -> None:
    one = PatternSet([re.compile(pattern)])
    assert one.always == frozenset()
    assert one.could_match(text) == {0}


def test_ı_and_İ_are_read_as_i_as_python_reads_them() -> None:
    """Python's IGNORECASE reads "ı" and "İ" as "i"; RE2's case folding does not."""
    pattern = re.compile(r"\bminutes?\b", re.IGNORECASE)
    assert pattern.search("2 mİnutes") and pattern.search("2 mınutes")
    assert PatternSet([pattern]).could_match("2 mİnutes") == {0} == PatternSet([pattern]).could_match("2 mınutes")


def test_a_pattern_with_no_re2_form_is_always_run() -> None:
    with pytest.raises(NotLoosened):
        loosened(re.compile(r"(a)\1"))
    both = PatternSet([re.compile(r"(a)\1"), re.compile("b")])
    assert both.always == {0}
    assert both.could_match("c") == {0}
    assert both.could_match("b") == {0, 1}


def test_text_re2_cannot_read_gives_every_pattern() -> None:
    """A lone surrogate (a file's undecodable byte, kept) has no UTF-8 form: RE2 cannot read the text, so every
    pattern may match."""
    assert ALL_KINDS.could_match("1,200 cases \udc80") == frozenset(range(len(KINDS)))


class _FailingSet:
    """RE2's Set after a pass it could not finish."""

    def Match(self, data: bytes) -> None:  # noqa: N802 (RE2's name)
        return None


def test_a_pass_re2_cannot_finish_gives_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """RE2 answers no index at all when its DFA runs out of memory: read as "any may match", never as "none"."""
    kinds = PatternSet(KINDS)
    assert kinds.could_match("Call 020 7946 0000.") != frozenset(range(len(KINDS)))
    monkeypatch.setattr(kinds._sets[-1], "set", _FailingSet())
    assert kinds.could_match("Call 020 7946 0000.") == frozenset(range(len(KINDS)))


def test_every_kind_has_an_re2_form() -> None:
    assert ALL_KINDS.always == frozenset()


# Pieces of the kinds' words, numbers and marks, and characters the two engines may read apart: cased letters
# outside ASCII, other digits, spaces, dashes, marks, NUL (a blank where an earlier kind was masked).
_PIECES = st.sampled_from([
    "1,200", "12", "2019", "020", "7946", "0000", "999", "56%", "£1.2m", "1.5", "10", "-", "–", "/", ":", ".",
    ",", "+", "~", "(", ")", "[1]", "²", "½", "١٢", "١", " ", "\u00a0", "\u2009", "\n", "\x00", "aged", "under",
    "years", "hours", "time", "minutes", "seconds", "May", "June", "call", "ring", "page", "section", "Year", "PC",
    "FY", "between", "and", "to",
    "or", "more", "at least", "about", "times", "fold", "x", "×", "per", "cent", "thousand", "million", "half", "a",
    "quarter", "of", "not", "far from", "target", "could", "reach", "average", "@", "example", "org", "www.",
    "https://", "SW1A", "1AA", "ſ", "ı", "İ", "K", "É", "é", "ß", "ﬁ", "Σ", "ς", "st", "th", "pc", "km", "$", "€",
    "odd", "ish", "plus", "Street", "Road", "Child", "tel", "mobile", "#", "e3", "^", "'", "’",
    *(_WHOLE_KINDS := [
    "2 minutes", "4 hours", "aged 14", "May 12", "12 Acacia Road", "section 5", "FY2023/24", "10:30 am",
    "call 999", "1,200-odd", "a 3-fold rise", "twelve hundred", "not 1,200", "could reach 2,000", "5 or more",
    "an average of 12", "1 in 5", "Year 9", "PC 1234", "020 7946 0000", "jane@example.org", "SW1A 1AA"]),
])


#: Characters either engine may read as another: case-folded letters, other digits and spaces, a NUL.
ODD = ["ı", "İ", "ſ", "K", "Å", "ß", "ﬁ", "١", "²", "\u2009", "\u00a0", "\x00", "I", "S", "i", "s", "K", "k"]
_ODD = st.sampled_from(ODD)


def _missed(text: str) -> list[str]:
    possible = ALL_KINDS.could_match(text)
    return [kind for index, (kind, pattern) in enumerate(scan_find.LEFT_OUT)
            if index not in possible and pattern.search(text)]


def test_one_odd_character_anywhere_in_a_kind() -> None:
    """Each whole kind with each of its characters swapped in turn for each odd one: the set misses no kind."""
    for piece in _WHOLE_KINDS:
        for at in range(len(piece)):
            for odd in ODD:
                text = f"There were {piece[:at]}{odd}{piece[at + 1:]} in all."
                assert _missed(text) == [], text


@st.composite
def _piece(draw: st.DrawFn) -> str:
    """A piece, with one of its characters sometimes swapped for an odd one ("tıme", "mİnutes", "ſeconds")."""
    piece = draw(_PIECES)
    if piece and draw(st.booleans()):
        at = draw(st.integers(0, len(piece) - 1))
        piece = piece[:at] + draw(_ODD) + piece[at + 1:]
    return piece


@settings(max_examples=600)
@given(st.lists(_piece(), min_size=1, max_size=14).map("".join))
def test_the_set_finds_every_kind_python_finds(text: str) -> None:
    assert _missed(text) == [], text


def test_each_group_read_set_by_set_gets_what_it_gets_alone() -> None:
    """`could_match_each` reads each set over every group before the next set: each group gets what it gets read
    alone, and a text RE2 cannot read (a lone surrogate) gives every pattern to its own group only."""
    groups = [("Call 020 7946 0000.",), ("In 2019—20, 1,200 cases.", "In 2019-20, 1,200 cases."),
              ("1,200 cases \udc80",), (), ("aged 14 on May 12",)]
    each = ALL_KINDS.could_match_each(groups)
    assert each == [ALL_KINDS.could_match(*group) for group in groups]
    assert each[2] == frozenset(range(len(KINDS))) != each[0]
    assert each[3] == frozenset()
