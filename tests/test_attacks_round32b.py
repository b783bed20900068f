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


# --- a web domain written with a look-alike full stop is read as the domain a reader sees ----------------------------

#: A full stop as a reader sees it, in forms NFKC or the look-alike reading makes ".": a full-width stop (a Chinese or
#: Japanese keyboard), a one-dot leader, an ideographic stop, a small full stop.
STOPS = ["\uff0e", "\u2024", "\u3002", "\ufe52"]


@pytest.mark.parametrize("stop", STOPS)
def test_a_claimant_naming_a_mirror_with_a_look_alike_stop_is_refused(tmp_path, stop: str) -> None:
    """The claimant rule (a claimant names who made the claim, never the site a copy was read on) searched the text
    as written: "PA Media (aol．com)" passed validate, and ClaimReview would publish a mirror's address as the claim's
    author."""
    from tests.raw_copy import raw_copy, run_on

    root = raw_copy(tmp_path, ("claims.yaml", "- id: claim-aol-2016-three-quarters\n  claimant: PA Media\n",
                               f"- id: claim-aol-2016-three-quarters\n  claimant: PA Media (aol{stop}com)\n"))
    done = run_on(root, "validate")
    assert done.returncode == 1
    assert "claimant names where a copy was read ('aol.com')" in done.stdout + done.stderr


@pytest.mark.parametrize("claimant, found", [
    ("PA Media (AOL c\u00f3py)", "copy"), ("PA Media (AOL COP\u0176)", "COPY")])
def test_a_claimant_saying_copy_with_an_accent_is_refused(claimant: str, found: str) -> None:
    from analysis.record.claims import claimant_problem

    problem = claimant_problem(claimant)
    assert problem is not None and f"('{found}')" in problem


@pytest.mark.parametrize("stop", STOPS)
def test_a_chart_credit_never_names_a_mirror_written_with_a_look_alike_stop(stop: str) -> None:
    """A producer "Times Nigeria (timesng<stop>com)" was credited on a chart's face with its domain."""
    from analysis.publish.audit import domains
    from analysis.publish.publishers import face_name

    assert face_name(f"timesng{stop}com") == "an unnamed news outlet"
    assert domains([f"Reported by timesng{stop}com"]) == ["timesng.com"]


def test_names_without_a_domain_keep_their_credit() -> None:
    from analysis.publish.publishers import face_name
    from analysis.record.claims import claimant_problem

    assert face_name("BBC News") == "BBC News"
    assert claimant_problem("Zo\u00eb Doe, quoted by BBC News") is None


# --- a separator the look-alike reading leaves as it is parts personal data as a space does --------------------------

#: ARABIC TATWEEL (the joining stroke, drawn as a line), ARABIC THOUSANDS SEPARATOR, MODIFIER LETTER LOW VERTICAL LINE.
PARTING = ["\u0640", "\u066c", "\u02cc"]


@pytest.mark.parametrize("sep", PARTING)
def test_personal_data_parted_by_a_separator_no_reading_makes_ascii_is_found(sep: str) -> None:
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(f"Call the press office on 020{sep}7946{sep}0000 today.") == ["a phone number"]
    assert personal_data_in(f"Her NHS number 943{sep}476{sep}5919 was shown.") == ["an NHS number"]


@pytest.mark.parametrize("sep", PARTING)
def test_scan_does_not_echo_a_phone_number_parted_by_such_a_separator(sep: str) -> None:
    """Scan listed "020ـ7946ـ0000" whole as a number inside a name or a code, echoing it on the terminal."""
    from tests.scanned import read

    figures, not_read = read(f"Call the press office on 020{sep}7946{sep}0000 today.")
    assert figures == [] and not_read == []


def test_a_number_parted_by_a_tatweel_is_still_listed_with_the_digits_message() -> None:
    from tests.scanned import read

    figures, not_read = read("Police recorded 1\u0640200 offences in London in 2016.")
    assert figures == [] and len(not_read) == 1 and "U+0640" in not_read[0]
