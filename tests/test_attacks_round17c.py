"""Issue 24, round seventeen, helper r17c: scan on hostile document shapes (class 3), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT

ONE_LINE = "Police recorded 1,200 cases of child sexual exploitation in 2016, officers said."
WRAPPED = "Police recorded 1,200\ncases of child sexual exploitation\nin 2016, officers said."


def _first(text: str) -> dict[str, object]:
    figure: dict[str, object] = scan_text(text, DEFAULT)["figures"][0]
    return figure


@pytest.mark.parametrize("page", [f"<p>{WRAPPED}</p>", f"<html><body>\n<p>\n{WRAPPED}\n</p>\n</body></html>",
                                  WRAPPED, WRAPPED.replace("\n", "\r\n"),
                                  "Police recorded\n1,200 cases of child sexual exploitation in 2016, officers said."])
def test_a_sentence_wrapped_in_the_source_is_read_as_one_sentence(page: str) -> None:
    """A line end in a page's source is a space to readers, and one inside a plain-text sentence is a wrap: split
    there, the figure's sentence was "Police recorded 1,200", its subject not guessed, and the record's warnings
    about a figure printed alike under another definition were lost."""
    wrapped, one_line = _first(page), _first(ONE_LINE)
    assert wrapped["sentence"] == ONE_LINE
    assert wrapped["measure_guess"] == one_line["measure_guess"] is not None
    assert wrapped["other_definitions"] == one_line["other_definitions"] != []


def test_a_word_hyphenated_at_a_line_end_is_joined() -> None:
    assert to_text("Police recorded 1,200 cases of sexual exploi-\ntation in 2016.") == (
        "Police recorded 1,200 cases of sexual exploitation in 2016.")


@pytest.mark.parametrize(("page", "shown"), [
    ("Cases in 2016\n1,582\n2017: 2,409", "Cases in 2016\n\n1,582\n\n2017: 2,409"),  # a table's rows
    ("Police recorded 1,200 cases.\nThe NSPCC said 3,400.", "Police recorded 1,200 cases.\n\nThe NSPCC said 3,400."),
    ("# Report\n- 1,200 cases\n- 3,400 offences", "# Report\n\n- 1,200 cases\n\n- 3,400 offences"),
    ("<pre>Cases 1,582\nOffences 2,409</pre>", "Cases 1,582\n\nOffences 2,409"),  # shown on two lines
])
def test_a_line_of_its_own_stays_a_line(page: str, shown: str) -> None:
    assert to_text(page) == shown


@pytest.mark.parametrize(("page", "shown"), [
    ("<p>Recorded 1,111 cases.</p><plaintext><p hidden>Also 2,222 cases.</p>",
     "Recorded 1,111 cases.\n\n<p hidden>Also 2,222 cases.</p>"),
    ("<p>Recorded 1,111 cases.<PLAINTEXT/>x &amp; 2,222 <!-- 3,333 --> </plaintext> 4,444",
     "Recorded 1,111 cases.\n\nx &amp; 2,222 <!-- 3,333 --> </plaintext> 4,444"),
    ("<p>Recorded 1,111 cases.</p><plaintext hidden><p>Also 2,222 cases.</p>", "Recorded 1,111 cases."),
])
def test_what_follows_plaintext_is_read_as_the_text_chromium_shows(page: str, shown: str) -> None:
    """HTML's tokenizer reads everything after <plaintext> as text: Chromium shows `<p hidden>Also 2,222 cases.</p>`
    as written, and scan, reading it as markup, dropped the figure."""
    assert to_text(page) == shown
