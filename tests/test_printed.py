"""Every printed form the foundation promises to read, and the ones it must refuse.

Expected values are what a reader of the printed text would take it to mean, written out by hand.
"""

import dataclasses

import pytest

from analysis.record.printed import (
    PrintedFigureError,
    exactness_problem,
    is_plain_number,
    number_text,
    parse_printed,
    split_status_mark,
)

CASES = [
    # text, value, qualifier, unit, decimals, denominator
    ("1,273", 1273, "exact", "count", 0, None),
    ("more than 1,200", 1200, "more than", "count", 0, None),
    ("over £22 million", 22_000_000, "more than", "GBP", 0, None),
    ("£15.6million", 15_600_000, "exact", "GBP", 1, None),
    ("£15.6 million", 15_600_000, "exact", "GBP", 1, None),
    ("£2.4m", 2_400_000, "exact", "GBP", 1, None),
    ("£1.2bn", 1_200_000_000, "exact", "GBP", 1, None),
    ("56 per cent", 56, "exact", "percent", 0, None),
    ("49%", 49, "exact", "percent", 0, None),
    ("18.5 per cent", 18.5, "exact", "percent", 1, None),
    ("56 percent", 56, "exact", "percent", 0, None),
    ("just under 93%", 93, "almost", "percent", 0, None),
    ("almost 90 per cent", 90, "almost", "percent", 0, None),
    ("almost three-quarters", 75, "almost", "percent", None, None),
    ("two-thirds", 200 / 3, "about", "percent", None, None),
    ("half", 50, "about", "percent", None, None),
    ("a third", 100 / 3, "about", "percent", None, None),
    ("a quarter", 25, "about", "percent", None, None),
    ("one in five", 20, "about", "percent", None, 5),
    ("12 in every 100", 12, "about", "percent", None, 100),
    ("278 out of 374", 278, "exact", "count", 0, 374),
    ("2.77 per 1,000 children", 2.77, "exact", "rate", 2, 1000),
    ("2.77 contact child sexual abuse cases per 1,000 children", 2.77, "exact", "rate", 2, 1000),
    ("2.77 per 10,000 children aged under 18", 2.77, "exact", "rate", 2, 10000),
    ("5 per 1,000 children aged 0 to 17", 5, "exact", "rate", 0, 1000),
    ("0.5 per cent", 0.5, "exact", "percent", 1, None),
    ("six", 6, "exact", "count", 0, None),
    ("twenty-five", 25, "exact", "count", 0, None),
    ("around 107,000", 107_000, "about", "count", 0, None),
    ("8.8 million", 8_800_000, "exact", "count", 1, None),
    ("at least 40", 40, "at least", "count", 0, None),
    ("fewer than 10", 10, "fewer than", "count", 0, None),
    ("up to 50", 50, "at most", "count", 0, None),
    ("just over 1,000", 1000, "just over", "count", 0, None),
    ("nearly 2,000", 2000, "almost", "count", 0, None),
    ("c. 500", 500, "about", "count", 0, None),
    ("more than doubled", 2, "more than", "times", None, None),
    ("three times", 3, "about", "times", None, None),
    ("3 percentage points", 3, "exact", "percentage points", 0, None),
    # (stop 49: forms a mutation of the parser changed without a test failing)
    ("£500,000", 500_000, "exact", "GBP", 0, None),  # money with no scale word is the number itself
    ("3 times", 3, "exact", "times", 0, None),  # a multiple in digits is as exact as it is printed
    ("more than halved", 0.5, "fewer than", "times", None, None),  # a bound on a fall, turned round
    ("estimated at 500", 500, "about", "count", 0, None),  # the longest qualifier phrase wins
    ("5 per 100,000", 5, "exact", "rate", 0, 100_000),  # a rate with nothing counted after its base
    ("0.8 per 1", 0.8, "exact", "rate", 1, 1),  # a base of 1 is positive
    ("1 in 1", 100, "about", "percent", None, 1),  # all of them is a share
    ("374 out of 374", 374, "exact", "count", 0, 374),  # the part may be the whole
]

#: The forms whose value is not printed in digits: number words, fractions and multiples in words, and a share "N in
#: M" (a percentage computed from its two numbers). Every other form in CASES is read from its digits.
IN_WORDS = {"almost three-quarters", "two-thirds", "half", "a third", "a quarter", "one in five", "12 in every 100",
            "six", "twenty-five", "more than doubled", "three times", "more than halved", "1 in 1"}


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "decimals", "denominator"), CASES)
def test_reads_printed_forms(text, value, qualifier, unit, decimals, denominator):
    got = parse_printed(text)
    assert got.value == pytest.approx(value)
    assert (got.qualifier, got.unit, got.decimals, got.denominator) == (qualifier, unit, decimals, denominator)
    assert got.text == text


@pytest.mark.parametrize("marker", ["[c]", "[x]", "[z]", "[low]", "..", "*", "-"])
def test_markers_are_unavailable_never_zero(marker):
    got = parse_printed(marker)
    assert got.value is None
    assert got.qualifier == "unavailable"
    assert got.marker == marker


def test_step_is_one_unit_of_the_last_printed_digit():
    assert parse_printed("18.5 per cent").step == pytest.approx(0.1)
    assert parse_printed("£15.6million").step == pytest.approx(100_000)
    assert parse_printed("half").step is None


@pytest.mark.parametrize("text", ["01,200", "012", "00.5", "1,2OO", "12..5", "", "   ", "abc", "1,20", "£", "5 of 6",
                                  "12,34,567", "7 out of 3",
                                  "£5 zillion", "1.2.3", "five hundred and six"])
def test_refuses_what_it_cannot_read(text):
    with pytest.raises(PrintedFigureError, match="cannot read"):
        parse_printed(text)


def test_newsroom_pc_is_per_cent() -> None:
    """"18.6pc" (the Telegraph's and the Mail's house style) is 18.6 per cent at one decimal; "3pp" stays points."""
    p = parse_printed("18.6pc")
    assert (p.value, p.unit, p.decimals, p.qualifier) == (18.6, "percent", 1, "exact")
    assert parse_printed("more than 50pc").qualifier == "more than"
    assert parse_printed("3pp").unit == "percentage points"


@pytest.mark.parametrize("text, value, unit", [
    ("18.6pc", 18.6, "percent"), ("33k", 33_000, "count"), ("3m", 3_000_000, "count"), ("£1.2bn", 1.2e9, "GBP"),
])
def test_newsroom_short_forms_are_read_by_the_one_parser(text: str, value: float, unit: str) -> None:
    printed = parse_printed(text)
    assert printed.value == pytest.approx(value) and printed.unit == unit and printed.qualifier == "exact"


@pytest.mark.parametrize("text", [case[0] for case in CASES])
def test_in_words_is_set_for_a_value_not_printed_in_digits(text: str) -> None:
    """`in_words` decides whether a figure is asked to be written as printed (`exactness_problem`) and whether a count
    beside a rate's base may be a percentage (`verify`): a figure in digits is not in words, and the other way round."""
    assert parse_printed(text).in_words is (text in IN_WORDS)


@pytest.mark.parametrize(("text", "message"), [
    ("5 in 4", "'5 in 4' is not a share"),  # the part larger than the whole, and the message names the whole share
    ("0 in 0", "is not a share"),
    ("0 out of 0", "cannot read '0 out of 0'"),
    ("5 per 0", "a rate needs a positive base"),
    ("3 per 1 million", "write the base in digits"),
    ("-56", "is negative"),
    ("\u221256", "is negative"),
    ("\uff11\uff12", "digits 0-9 only"),
])
def test_refusals_say_why(text: str, message: str) -> None:
    with pytest.raises(PrintedFigureError, match=message):
        parse_printed(text)


@pytest.mark.parametrize("value", [None, float("nan")])
def test_a_value_that_is_not_text_is_refused_not_crashed_on(value: object) -> None:
    """A pandas cell left empty is NaN: it is refused as an empty value, never an AttributeError."""
    with pytest.raises(PrintedFigureError, match="empty value"):
        parse_printed(value)  # type: ignore[arg-type]


def test_markers_are_read_whatever_their_case() -> None:
    got = parse_printed("[C]")
    assert (got.value, got.qualifier, got.marker) == (None, "unavailable", "[C]")


def test_a_printed_figure_is_immutable() -> None:
    """`parse_printed` hands the same cached Printed to every caller: one caller changing it would change it for all."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_printed("1,273").value = 0  # type: ignore[misc]


@pytest.mark.parametrize(("text", "plain"), [
    ("1,000", True), ("2.5", True), (" 100 ", True),
    ("more than 1,000", False), ("about 1,000", False), ("1,000 out of 2,000", False), ("1.2 million", False),
])
def test_is_plain_number_takes_digits_only(text: str, plain: bool) -> None:
    assert is_plain_number(text) is plain


@pytest.mark.parametrize(("number", "written"), [
    (1273.0, "1273"),
    (123456789.12, "123456789.12"),  # the docstring's case: printed with digits, written as printed
    (123456789.012345, "123456789.012345"),  # 15 significant digits: still exact
    (200 / 3, "66.66666667"),  # 16 (two thirds, read from words): to 10
    (0.1 + 0.2, "0.3"),  # 17
])
def test_number_text_writes_up_to_exact_digits_as_printed_and_longer_to_ten(number: float, written: str) -> None:
    assert number_text(number) == written


@pytest.mark.parametrize(("text", "exact"), [
    ("1,273", True), ("£15.6million", True), ("8.8 million", True),
    ("2 in 3", True),  # a share computed from two numbers is not printed: not asked
    ("three times", True),
    ("9,007,199,254,740,993", False),  # written 9007199254740992
    ("12.3456789012345678%", False),
    ("9,007,199,254,740,993 out of 9,007,199,254,740,995", False),
])
def test_exactness_problem_only_for_digits_the_tables_cannot_hold(text: str, exact: bool) -> None:
    problem = exactness_problem(parse_printed(text))
    assert (problem is None) is exact
    if not exact:
        assert "more significant digits than the tables hold exactly (15)" in problem


@pytest.mark.parametrize(("text", "split"), [
    ("61,806,682 [r]", ("61,806,682", "revised")),
    ("402,400 [P]", ("402,400", "provisional")),
    ("1,273", ("1,273", "")),
    ("[r]", ("[r]", "")),  # a mark alone is not a value with a mark
])
def test_split_status_mark(text: str, split: tuple[str, str]) -> None:
    assert split_status_mark(text) == split


def test_a_value_with_a_status_mark_is_read_without_it() -> None:
    got = parse_printed("61,806,682 [r]")
    assert (got.value, got.qualifier, got.unit, got.text) == (61_806_682, "exact", "count", "61,806,682 [r]")
