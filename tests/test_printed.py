"""Every printed form the foundation promises to read, and the ones it must refuse.

Expected values are what a reader of the printed text would take it to mean, written out by hand.
"""

import pytest

from analysis.record.printed import PrintedFigureError, parse_printed

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
]


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
