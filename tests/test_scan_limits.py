"""scan's limits on what it reads (issue 24): a run of numbers with no full stop is one "sentence" of thousands of
figures, and number soup with full stops thousands of one-figure sentences. Each limit stops reading, says where,
and keeps the output small; real articles (at most 4 numbers a sentence, a few dozen in all) never reach them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analysis.factcheck.scan import DEFAULT_MAX_FIGURES, SHOWN_SENTENCE, scan_text
from analysis.factcheck.scan_find import MAX_PER_SENTENCE, NOT_LISTED, NOT_READ
from analysis.paths import DEFAULT

ROOT = Path(__file__).resolve().parent.parent


def test_a_sentence_of_numbers_is_read_to_its_limit_and_says_the_rest_was_not() -> None:
    """3,000 characters of "12 12 12 …" (no full stop) gave 1,000 figures, each repeating the whole sentence in the
    JSON (3 MB); now the first MAX_PER_SENTENCE are read, the rest is named as not read, and each figure shows only
    the part of the sentence around it."""
    result = scan_text("12 " * 1_000, DEFAULT)
    assert len(result["figures"]) == MAX_PER_SENTENCE
    assert [x["kind"] for x in result["left_out"]] == [NOT_READ]
    assert len(result["not_read"]) == 1 and "paragraph 1" in result["not_read"][0]
    assert all(len(e["sentence"]) <= 2 * 240 + 10 for e in result["figures"])
    assert len(json.dumps(result)) < 100_000


def test_non_statistics_past_the_limit_are_masked_and_counted_not_listed() -> None:
    """A run of 200 dates: none becomes a figure, MAX_PER_SENTENCE are listed and one entry counts the rest."""
    result = scan_text("1 Jan 2018 " * 200, DEFAULT)
    assert result["figures"] == []
    kinds = [x["kind"] for x in result["left_out"]]
    assert kinds.count("date") == MAX_PER_SENTENCE and kinds[-1] == NOT_LISTED
    assert result["left_out"][-1]["text"] == f"{200 - MAX_PER_SENTENCE} more"


def test_a_long_sentence_is_shown_around_each_figure() -> None:
    words = "word " * SHOWN_SENTENCE
    result = scan_text(f"There were 1,234 cases {words} and 5,678 referrals in the capital.", DEFAULT)
    first, last = result["figures"]
    assert first["sentence"].startswith("There were 1,234 cases") and first["sentence"].endswith("…")
    assert last["sentence"].startswith("…") and last["sentence"].endswith("5,678 referrals in the capital.")


def test_the_scan_stops_after_the_figure_limit_and_says_where() -> None:
    # 400 one-figure sentences (after a word: a paragraph opening "1." opens a list, and its 1 is no figure)
    text = "Counts: " + " ".join(f"{n}." for n in range(1, 401))
    result = scan_text(text, DEFAULT, max_figures=100)
    assert len(result["figures"]) == 100
    assert result["not_read"] == ["stopped after 100 figures, in paragraph 1 of 1: the rest of the text was not "
                                  "read (--max-figures raises the limit)"]
    assert len(scan_text(text, DEFAULT, max_figures=None)["figures"]) == 400
    assert DEFAULT_MAX_FIGURES >= 11_421  # 1 MB of the benchmark's news prose is read whole


def test_the_command_prints_what_was_not_read_and_exits_1() -> None:
    text = "The Met reviewed 1,200 cases. " + " ".join(f"{n}." for n in range(1, 60))
    done = subprocess.run([sys.executable, "-m", "analysis", "scan", "-", "--max-figures", "5"],
                          input=text.encode(), capture_output=True, cwd=ROOT, timeout=120)
    out = done.stdout.decode()
    assert done.returncode == 1
    assert "! not read: stopped after 5 figures" in out
    assert out.rstrip().splitlines()[-1].endswith("; 1 part of the text not read (listed above)")
    bad = subprocess.run([sys.executable, "-m", "analysis", "scan", "-", "--max-figures", "0"], input=b"x",
                         capture_output=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "must be at least 1" in bad.stderr.decode()
