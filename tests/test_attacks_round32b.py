"""Round 32, helper b: one reading of characters (class 4) and markup (class 1), with what a contributor adding a
new source, or a hostile page, brings that earlier rounds did not try."""

from __future__ import annotations

import pytest

# --- a number with a mark drawn on each digit is listed whole, with the one digits message ---------------------------


def _on_each_digit(number: str, mark: str) -> str:
    """`number` as a text-style generator writes it: `mark` drawn on every character ("1̶,̶2̶0̶0̶")."""
    return "".join(char + mark for char in number)


STRUCK = _on_each_digit("1,200", "\u0336")  # COMBINING LONG STROKE OVERLAY: "strike-through" text
UNDERLINED = _on_each_digit("1,200", "\u0332")  # COMBINING LOW LINE: "underlined" text
KEYCAPS = _on_each_digit("1200", "\ufe0f\u20e3")  # emoji keycaps: VS16 and COMBINING ENCLOSING KEYCAP


@pytest.mark.parametrize(("number", "mark"), [
    (STRUCK, "\u0336"),
    (UNDERLINED, "\u0332"),
    (_on_each_digit("56%", "\u0336"), "\u0336"),
])
def test_a_number_with_a_mark_on_each_digit_is_one_number_with_the_digits_message(number: str, mark: str) -> None:
    """A social post's strike-through or underline (a text-style generator draws a combining mark on every
    character) was listed by scan as one number per digit ("1", "2", "0", "0"), none with the message the record
    and verify refuse the number with; it is one number to a reader."""
    from analysis.record.hygiene import DIGITS_MESSAGE, text_problem
    from tests.scanned import read

    sentence = f"Police recorded {number} offences against children in London in 2016."
    figures, not_read = read(sentence)
    message = DIGITS_MESSAGE.format(char=mark, code=ord(mark))
    assert figures == []
    assert len(not_read) == 1 and message in not_read[0]
    # the record refuses the same text with the same words
    assert text_problem(sentence) == f"is refused: {message}"


def test_emoji_keycap_digits_are_one_number_with_the_digits_message() -> None:
    """The keycaps "1️⃣2️⃣0️⃣0️⃣" were listed as four numbers with no reason (a low item round 30 left as a scan
    message, the same family as the strike-through)."""
    from analysis.record.hygiene import DIGITS_MESSAGE
    from tests.scanned import read

    figures, not_read = read(f"There were {KEYCAPS} cases in London last year.")
    assert figures == []
    assert len(not_read) == 1 and DIGITS_MESSAGE.format(char="\u20e3", code=0x20E3) in not_read[0]


def test_a_struck_figure_beside_its_correction_leaves_the_correction_read() -> None:
    """A post striking an old figure through and printing the new one: the new one is still read, the struck one
    listed once."""
    from tests.scanned import read

    figures, not_read = read(f"Police recorded {STRUCK} 1,300 offences against children in London in 2016.")
    assert [printed for printed, *_ in figures] == ["1,300"]
    assert len(not_read) == 1 and f"'{STRUCK}'" in not_read[0]


@pytest.mark.parametrize(("line", "read", "unread"), [
    ("Police recorded 1,200 offences against children in London in 2016.", ["1,200"], []),
    # a middle dot between digits: one number, joined as before
    ("Police recorded 1\u00b7200 offences against children in London in 2016.", [], ["'1\u00b7200'"]),
    # a mark on a letter, not on a digit
    ("The Cafe\u0301 project counted 1,200 children in London in 2016.", ["1,200"], []),
])
def test_numbers_without_marks_on_their_digits_read_as_before(line: str, read: list[str], unread: list[str]) -> None:
    from tests.scanned import read as scanned

    figures, not_read = scanned(line)
    assert [printed for printed, *_ in figures] == read
    assert len(not_read) == len(unread) and all(u in n for u, n in zip(unread, not_read, strict=True))
