"""Attack round 23d (issue 24, class 3/4): RE2's kind set (`PatternSet`) against Python's patterns, and what the
differential fuzzing of scan turned up on the way."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.factcheck.scan_text import to_text
from analysis.record.pattern_set import PatternSet
from analysis.record.printed import parse_printed

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("letter", ["\u0131", "\u0130", "\u017f", "\u212a"])
def test_a_tag_whose_name_starts_with_a_letter_that_folds_to_ascii_is_no_tag(letter: str) -> None:
    """HTML's tag names start with an ASCII letter: `</ı>` (a Turkish dotless i), `</ſpan>` are bogus comments to a
    browser, and a `<ſcript>` is text, not a script. Python's Unicode case folding read "ı", "İ", "ſ" and the Kelvin
    sign as the letters of "[a-zA-Z]" in one tag pattern and not in the next: scan stopped with a traceback."""
    page = f"<p>Police recorded 1,200 cases.</p><p>Then x</{letter}> and 300 more referrals.</p>"
    text = to_text(page)
    assert "300 more referrals" in text and "1,200 cases" in text
    assert f"</{letter}" not in text
    assert "1,200 cases" in to_text(f"<p>A <{letter}cript>1,200 cases</{letter}cript> rose.</p>")


@pytest.mark.parametrize(("pattern", "flags", "text"), [
    (r"x[^a-z]", 0, "xA"),  # RE2 read every pattern in either case, and folded the class before negating it
    (r"x[^i]", 0, "x\u0130"),  # and "İ" is read as "i" before RE2's pass
    (r"x\W", 0, "x\u0345"),  # a combining mark RE2 folds to a Greek iota, a letter
    (r"x\W", re.IGNORECASE, "x\u0345"),
    (r"x\D", 0, "x\U00011f50"),  # a Kawi digit: a digit to RE2's Unicode tables, not to Python 3.11's
])
def test_a_negation_is_never_narrower_to_re2_than_to_python(pattern: str, flags: int, text: str) -> None:
    """A kind is run only where RE2 says it may match (`PatternSet`): a negation RE2 read narrower than Python
    would leave the kind unmasked (a phone number or a date read as figures) wherever only that character differs."""
    python = re.compile(pattern, flags)
    assert python.search(text)
    assert PatternSet([python]).could_match(text) == {0}



def test_a_repeat_with_both_bounds_left_out_is_a_repeat_to_re2_too() -> None:
    """Python reads "{,}" as "{0,}" (as it reads "{,4}" as "{0,4}"); RE2 read it as the three characters "{,}", so
    a pattern with one was never run on a text it matched."""
    python = re.compile(r"x\d{,}y")
    assert python.search("x12y")
    assert PatternSet([python]).could_match("x12y") == {0}


def test_a_pattern_compiled_verbose_is_run_on_every_text() -> None:
    """A verbose pattern's spaces and comments are no part of what it matches; written for RE2 as they stand, they
    were characters it looked for, so the pattern below was never run on "1,200 cases". Like an inline "(?x)", a
    pattern compiled so has no RE2 form and is run on every text."""
    python = re.compile(r"\d , \d{3}  # a count", re.VERBOSE)
    assert python.search("1,200 cases")
    kinds = PatternSet([python])
    assert kinds.could_match("1,200 cases") == {0}


@pytest.mark.parametrize("text", ["Police recorded 1.2 m\u0130llion cases.", "Police recorded 1.2 m\u0131llion cases."])
def test_a_word_python_reads_in_either_case_is_looked_up_as_it_was_read(text: str, tmp_path: Path) -> None:
    """The figure pattern reads "ı" and "İ" as "i" (IGNORECASE), and the scale word was then looked up by
    `str.lower()`, which keeps "ı" and writes "İ" as two characters: `scan` stopped with a KeyError. Each is read as
    the word it was matched as."""
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "scan", "--root", str(ROOT), str(article)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert "Traceback" not in done.stderr, done.stderr[-400:]
    assert done.returncode in (0, 1)


def test_a_scale_word_with_a_dotted_or_dotless_i_is_the_scale() -> None:
    for word in ("m\u0130llion", "m\u0131llion", "MİLLION"):
        assert parse_printed(f"1.2 {word}").value == 1_200_000


@pytest.mark.parametrize(("pattern", "text"), [
    ("Dİ\\d", "Dİ9"), ("\\u0131\\d", "\u01319"), ("[\\u0100-\\u017f]\\d", "\u01309"), ("[ıx]\\d", "ı9"),
    ("x[\\w-]y", "x-y"), ("x[-\\w]y", "x-y"),  # (and the class keeps what it held: "i" is no range's end)
])
def test_a_pattern_holding_a_dotted_or_dotless_i_matches_it_to_re2(pattern: str, text: str) -> None:
    """`PatternSet` reads the text's "ı" and "İ" as "i" (Python's IGNORECASE does, RE2's case folding does not); a
    pattern holding one itself, or a class taking one (Latin Extended-A), then looked for a letter no text held, and
    was never run on a text it matched."""
    python = re.compile(pattern)
    assert python.search(text)
    assert PatternSet([python]).could_match(text) == {0}
