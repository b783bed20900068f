"""One reading of characters: every personal-data and number check reads text the same way, so an invisible or
look-alike character hides nothing and a digit of another script never becomes part of a number."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.paths import PROJECT_ROOT
from analysis.record.hygiene import text_problem
from analysis.record.printed import PrintedFigureError, parse_printed
from analysis.record.safeguarding import personal_data_in

ZERO_WIDTH = ["\u200b", "\u00ad", "\u200d", "\u2060"]  # zero-width space, soft hyphen, zero-width joiner, word joiner


@pytest.mark.parametrize("hidden", ZERO_WIDTH)
def test_an_invisible_character_does_not_hide_a_phone_number_or_an_email(hidden: str) -> None:
    assert personal_data_in(f"call 0207{hidden}946 0000") == ["a phone number"]
    assert "an e-mail address" in personal_data_in(f"write to some{hidden}one@example.org")


def test_full_width_characters_are_read_as_what_they_show() -> None:
    assert "an e-mail address" in personal_data_in("write to someone\uff20example.org")  # a full-width @


@pytest.mark.parametrize("text", ["3\u06604", "1,2\u06603", "\uff11\uff12", "\u0663\u0660\u0664 per cent"])
def test_a_digit_of_another_script_is_refused_never_read_into_a_number(text: str) -> None:
    with pytest.raises(PrintedFigureError, match=r"must be written with the digits 0-9 only"):
        parse_printed(text)


def test_verify_refuses_it_with_the_same_message() -> None:
    done = subprocess.run([sys.executable, "-m", "analysis", "verify", "change", "--from", "3\u06604", "--to", "400",
                           "--stated", "31 per cent"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "must be written with the digits 0-9 only" in done.stderr


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u200f"])
def test_bidirectional_controls_are_refused_in_raw_text(control: str) -> None:
    assert "bidirectional control" in (text_problem(f"Metropolitan {control}Police") or "")


@pytest.mark.parametrize(("text", "ref", "char"), [
    ("Damning report on the Met&#8217;s handling", "&#8217;", "’"),  # a WordPress feed's title.rendered
    ("the Met&rsquo;s failings", "&rsquo;", "’"),  # a page's source
    ("Fire &amp; Rescue Services", "&amp;", "&"),
    ("recorded 1&#x2c;200 offences", "&#x2c;", ","),
])
def test_a_character_reference_in_record_text_is_refused(text: str, ref: str, char: str) -> None:
    """A title copied from a WordPress feed or its REST API, or from a page's source, keeps its character references,
    and every output printed them as typed: "the Met&#8217;s failings" on the fact-check page, in ClaimReview and the
    workbook."""
    problem = text_problem(text)
    assert problem is not None and f"the HTML character reference {ref!r}" in problem and repr(char) in problem


@pytest.mark.parametrize("text", ["E&W", "AT&T and Fire & Rescue", "https://example.org/?a=1&month=2",
                                  "&notareference; as typed", "Jane Doe &lt3"])
def test_an_ampersand_that_is_not_a_reference_is_text(text: str) -> None:
    assert text_problem(text) is None
