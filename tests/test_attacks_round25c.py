"""Round 25, helper c: one reading of characters (class 4), with the characters real text carries: text copied
from PDFs, word processors, spreadsheets, web pages, phone keyboards and OCR."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from analysis.record.safeguarding import personal_data_in

# --- a footnote's superscript mark after personal data, as a report copied from a PDF prints one -------------------


@pytest.mark.parametrize(("text", "kind", "found", "mark"), [
    ("Call Childline on 0800 1111\u00b9 for help.", "phone number", "0800 1111", "\u00b9"),
    ("Call the helpline on 020 7946 0000\u00b9.", "phone number", "020 7946 0000", "\u00b9"),
    ("Call the helpline on 0800 123 4567\u00b2\u00b3.", "phone number", "0800 123 4567", "\u00b2\u00b3"),
    ("Her NHS number is 943 476 5919\u2074 in the file.", "NHS number", "943 476 5919", "\u2074"),
])
def test_a_footnote_mark_after_personal_data_is_a_note_mark_to_scan(text: str, kind: str, found: str,
                                                                     mark: str) -> None:
    """Scan read the superscript as a digit of the number (as NFKC does), so the phone number was one digit too
    long for its pattern: scan read the figure 7946 (or 1111) inside it and echoed its other groups ("020", "0000")
    in not-read lines. The record's check finds personal data there (a long run of digits). A superscript after a
    number is a note mark to scan's figures and its HTML path, and now to its personal kinds."""
    assert personal_data_in(text)
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == []
    assert [(x["kind"], x["text"]) for x in result["left_out"]] == [(kind, found), ("note mark", mark)]


@pytest.mark.parametrize("text", ["Ring \u2070\u2077\u2077\u2070\u2070 900 123 today.",
                                  "Call 020 7946 \u2070\u2070\u2070\u2070 for help."])
def test_a_number_written_in_superscript_digits_is_still_personal_data_to_scan(text: str) -> None:
    """Only a superscript stuck to the end of a number is a mark; a group written in superscript is the digits."""
    result = scan_text(text, DEFAULT)
    assert result["figures"] == [] and result["not_read"] == []
    assert [x["kind"] for x in result["left_out"]] == ["phone number"]


# --- verify --parts reads a no-break or thin space after a separator as the space a reader sees ---------------------


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000"])
def test_verify_parts_reads_a_space_after_a_comma_as_a_space_whatever_its_kind(space: str) -> None:
    """`--parts "1,200, 300"` is refused ("1,200," is no number); with a no-break space after the second comma, as
    a word processor or a web page's "&nbsp;" gives, the token had no ASCII space, so it was split at its commas
    alone and summed as 1 + 200 + 300: a total of 501 was accurate and one of 1,500 inaccurate."""
    from analysis.factcheck.verify import InputError
    from tests.scanned import verify_verdict

    for total in ("1,500", "501"):
        with pytest.raises(InputError, match="'1,200,' is not a number as printed"):
            verify_verdict("sum", "--total", total, "--parts", f"1,200,{space}300")
    assert verify_verdict("sum", "--total", "1,500", "--parts", f"1,200{space};{space}300") == "accurate"


def test_verify_parts_still_refuses_a_thin_space_between_digit_groups() -> None:
    from analysis.factcheck.verify import InputError
    from tests.scanned import verify_verdict

    with pytest.raises(InputError, match="digits 0-9 only"):
        verify_verdict("sum", "--total", "1,500", "--parts", "1\u2009200;300")


# --- a figure whose first digit OCR read as a letter is listed, as one with a later digit so read is ----------------


@pytest.mark.parametrize(("text", "listed"), [
    ("Police recorded l,200 offences.", "l,200"),
    ("Police recorded l2% of offences.", "l2%"),
    ("Police recorded O.5% of offences.", "O.5%"),
    ("l,200 offences were recorded.", "l,200"),
])
def test_a_figure_whose_first_digit_is_a_letter_is_listed_as_not_read(text: str, listed: str) -> None:
    """OCR and typewriters print a 1 as "l" and a 0 as "O". "1,2O0" and "5O%" are listed as numbers not read (round
    23), but with the letter first, "l,200" was set aside as a code (",200") without a word, and "l2%" was listed as
    "2%", a number the page does not show. `verify` refuses "l,200" as no number, and the quote check never takes
    "200" or "2%" as printed there."""
    from analysis.record.figures import contains_printed
    from tests.scanned import listed as line

    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [line(listed, "number in a form no figure form reads")]
    assert not contains_printed(listed.lstrip("lO").lstrip(",.") or listed, text)


@pytest.mark.parametrize("text", ["See Vol12 of the report.", "The l2 bus was late.", "The lol2% meme."])
def test_a_letter_l_in_a_word_or_before_a_code_is_still_a_code(text: str) -> None:
    result = scan_text(text, DEFAULT)
    assert not any(x["text"].startswith("l") for x in result["left_out"])


# --- "1 in 5" whose first term no form reads is not read as the count 5 ---------------------------------------------


@pytest.mark.parametrize("first", ["1\ufe0f\u20e3", "1\u20e3", "\u2460", "1\u0332", "l"])
@pytest.mark.parametrize("joint", ["in", "out of"])
def test_the_second_term_of_a_share_whose_first_is_not_read_is_not_a_count(first: str, joint: str) -> None:
    """An emoji keycap "1️⃣", a circled "①", an underlined "1̲" or OCR's "l" for a 1: a reader sees "1 in 5". Scan
    listed the first term as a number not read and read "5 children" as the exact count 5; the record refuses each
    such first term, and the plain "1 in 5" is the share 20%."""
    from tests.scanned import figures_read

    text = f"{first} {joint} 5 children were affected."
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert any("'5' is a number in a form no figure form reads" in line for line in result["not_read"])
    assert figures_read(f"1 {joint} 5 children were affected.") != []


@pytest.mark.parametrize("text", ["Of the girls in 5 schools, 12 were seen.", "It came in 5 parts.",
                                  "Plan L in 5 schools."])
def test_a_count_after_in_with_no_unread_number_before_it_is_still_read(text: str) -> None:
    from tests.scanned import figures_read

    assert (5.0, "exact", "count") in figures_read(text)


# --- personal data written with emoji keycaps or underlined digits is left out by scan, as the record finds it ------


@pytest.mark.parametrize(("text", "kind"), [
    ("Call 0\ufe0f\u20e32\ufe0f\u20e30\ufe0f\u20e3 7946 0000 for help.", "phone number"),
    ("Call 0\ufe0f\u20e38\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e3 1\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e3 "
     "4\ufe0f\u20e35\ufe0f\u20e36\ufe0f\u20e37\ufe0f\u20e3 for help.", "phone number"),
    ("Call 0\u03322\u03320\u0332 7\u03329\u03324\u03326\u0332 0\u03320\u03320\u03320\u0332 for help.", "phone number"),
    ("Her NHS number is 9\u03324\u03323\u0332 4\u03327\u03326\u0332 5\u03329\u03321\u03329\u0332 in the file.",
     "NHS number"),
])
def test_scan_leaves_out_personal_data_whose_digits_carry_marks(text: str, kind: str) -> None:
    """The record's check drops the marks on digits (`pattern_text`) and finds a phone or NHS number; scan searched
    the digits with their marks, read the figure 7946 and echoed each marked digit ("0", "2", "0000") in a not-read
    line. An emoji keycap is a digit, a variation selector and U+20E3, as a social-media post prints a number."""
    assert personal_data_in(text)
    result = scan_text(text, DEFAULT)
    assert result["figures"] == [] and result["not_read"] == []
    assert [x["kind"] for x in result["left_out"]] == [kind]


def test_a_marked_digit_outside_personal_data_is_still_listed() -> None:
    result = scan_text("Police recorded 1\ufe0f\u20e3,200 offences.", DEFAULT)
    # listed once, whole (round 43: its ",200" was listed a second time after it)
    assert result["figures"] == [] and [x["text"] for x in result["left_out"]] == ["1\u20e3,200"]


# --- digit groups parted by any typographic space are one number not read, with the digits message ------------------


@pytest.mark.parametrize("space", ["\u2007", "\u2006", "\u200a", "\u2002", "\u205f", "\u3000"])
def test_digit_groups_parted_by_a_figure_hair_or_en_space_are_one_number_not_read(space: str) -> None:
    """A figure space (made for digit groups in tables; Wikipedia's tables print one), a six-per-em, hair or en
    space between "1" and "200" was listed as the two numbers 1 and 200, each "a number in a form no figure form
    reads", while the same number with a thin or no-break space is one number with spaces between its digit groups,
    told with the digits message the record and verify refuse it with."""
    from analysis.record.hygiene import DIGITS_MESSAGE
    from tests.scanned import listed

    text = f"Police recorded 1{space}200 offences."
    result = scan_text(text, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(f"1{space}200", "number with spaces between its digit groups")]
    assert DIGITS_MESSAGE.format(char=space, code=ord(space)) in result["not_read"][0]


def test_an_ogham_space_mark_drawn_as_a_stroke_still_parts_two_numbers() -> None:
    result = scan_text("Police recorded 1\u1680200 offences.", DEFAULT)
    assert [x["text"] for x in result["left_out"]] == ["1", "200"]


# --- a number with an Arabic or full-width separator is listed whole, with the digits message ------------------------


@pytest.mark.parametrize(("number", "found"), [
    ("1\u066c200", "\u066c"),  # Arabic thousands separator, as a phone keyboard types it
    ("1\u066b5", "\u066b"),  # Arabic decimal separator
    ("\uff11\uff0c\uff12\uff10\uff10", "\uff11"),  # full-width digits and comma, as a Japanese IME types them
    ("1\uff0c200", "\uff0c"),
    ("1\uff0e5", "\uff0e"),
    ("18\u00b76", "\u00b7"),  # a middle dot for a decimal point
    ("1\u066c200\u066c300", "\u066c"),
])
def test_a_number_with_a_separator_the_record_never_prints_is_listed_whole(number: str, found: str) -> None:
    """The record and verify refuse "1٬200" with the one digits message; scan listed it as two numbers, "1" and
    "200", each "a number in a form no figure form reads" without that message (round 24's R14)."""
    from analysis.record.hygiene import DIGITS_MESSAGE
    from tests.scanned import listed

    result = scan_text(f"Police recorded {number} offences.", DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(number, "number in a form no figure form reads")]
    assert DIGITS_MESSAGE.format(char=found, code=ord(found)) in result["not_read"][0]


def test_a_number_after_one_listed_whole_is_still_read() -> None:
    from tests.scanned import figures_read

    assert figures_read("Police recorded 1\u066c200 offences, and 300 more.") == [(300.0, "exact", "count")]


# --- a fraction a page prints with <sup> and <sub> is read as the fraction it shows --------------------------------


@pytest.mark.parametrize(("html", "shown"), [
    ("<p>About <sup>1</sup>&frasl;<sub>5</sub> of children were affected.</p>", "1\u20445"),
    ("<p>About <sup>1</sup>/<sub>5</sub> of children were affected.</p>", "1/5"),
    ("<p>About <sup>12</sup>&frasl;<sub>50</sub> of children were affected.</p>", "12\u204450"),
    ("<p>About <sup> 1 </sup> / <sub> 5 </sub> of children were affected.</p>", "1/5"),
])
def test_a_fraction_in_sup_and_sub_is_listed_as_the_fraction_it_shows(html: str, shown: str) -> None:
    """A CMS prints "1/5" as a raised 1, a fraction slash and a lowered 5. Both digits were dropped as footnote
    marks, so "about 1/5 of children" left no trace in scan's output: a figure a reader sees, lost without a word.
    The same fraction typed "1⁄5" is listed as a fraction, which no one figure of the record can be."""
    from tests.scanned import listed

    result = scan_text(html, DEFAULT)
    assert result["figures"] == []
    assert result["not_read"] == [listed(shown, "fraction or pair")]


@pytest.mark.parametrize("html", ["<p>Police recorded 1,200<sup>1</sup> offences, 56<sup>2</sup>% of them.</p>",
                                  "<p>Police recorded 1,200<sup>1</sup> offences; see H<sub>2</sub>O.</p>",
                                  "<p>Police recorded 1,200<sup>1</sup>, <sub>2</sub> offences.</p>"])
def test_footnote_marks_in_sup_and_sub_are_still_dropped(html: str) -> None:
    result = scan_text(html, DEFAULT)
    assert result["figures"][0]["value"] == 1200.0 and result["not_read"] == []


# --- a footnote mark raised by a style, as Google Docs pastes one, is a footnote mark --------------------------------


@pytest.mark.parametrize("html", [
    '<p>Police recorded 1,200<span style="vertical-align:super">1</span> offences.</p>',
    '<p>Police recorded 1,200<span style="font-size:60%;vertical-align: super">2</span> offences.</p>',
    '<p>Police recorded 1,200<span style="vertical-align:sub">3</span> offences.</p>',
])
def test_a_footnote_mark_raised_by_an_inline_style_is_dropped_as_a_sup_is(html: str) -> None:
    """Text pasted from Google Docs into a CMS carries a superscript as a span raised by its style, not a <sup>:
    scan read "1,200" and the raised "1" as one number, "1,2001", listed as not read, where a reader sees 1,200
    and a footnote's mark (with <sup> it reads 1,200)."""
    from tests.scanned import figures_read

    assert figures_read(html) == figures_read(html.replace('span style="', 'sup data-style="').replace(
        "</span>", "</sup>")) == [(1200.0, "exact", "count")]
    assert scan_text(html, DEFAULT)["not_read"] == []


def test_a_raised_span_holding_more_than_a_mark_is_still_read() -> None:
    from tests.scanned import figures_read

    html = '<p>Police recorded <span style="vertical-align:super">1,200 offences in London</span> this year.</p>'
    assert figures_read(html) == [(1200.0, "exact", "count")]
    assert figures_read('<p>Police recorded 1,200<span style="vertical-align:baseline">1</span> offences.</p>') == []


# --- a fraction's raised numerator before a fraction slash is no footnote mark -------------------------------------


def test_a_raised_numerator_before_a_fraction_slash_is_not_a_note_mark() -> None:
    """A PDF prints "1,200½" as "1,200¹⁄₂": scan read the "¹" as a footnote's mark and the count 1,200 (a reader
    sees 1,200 and a half); "¹⁄₅ of children" listed only the lowered "₅"."""
    from tests.scanned import figures_read

    for text in ("Police recorded 1,200\u00b9\u2044\u2082 offences.", "About \u00b9\u2044\u2085 of children."):
        result = scan_text(text, DEFAULT)
        assert result["figures"] == []
        assert any("'\u00b9'" in line or "1,200\u00b9" in line for line in result["not_read"])
    assert figures_read("Police recorded 1,200\u00b9\u00b2 offences.") == [(1200.0, "exact", "count")]
