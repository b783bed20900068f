"""The verdict rules, on claims worked out by hand, and their properties over many values (hypothesis).

Every expected verdict in CASES was computed by hand from the rules in docs/factcheck.md; the arithmetic is in
the comment beside it, so a failing case can be re-checked with a pencil.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from analysis.factcheck import rules
from analysis.record.printed import parse_printed

H, N, W = rules.ACCURATE, rules.INACCURATE, rules.WITHIN_ROUNDING


def _run(kind: str, args: tuple, stated: str, **kw) -> rules.Result:
    fn = {
        "percent_change": rules.percent_change, "point_change": rules.point_change, "share": rules.share,
        "ratio": rules.ratio, "difference": rules.difference, "count": rules.count,
    }
    p = parse_printed(stated)
    if kind == "sum":
        return rules.total(args[0], p)
    if kind == "rate":
        return rules.rate(*args, p, **kw)
    return fn[kind](*args, p, **kw)


CASES = [
    # --- percent_change ---
    # (2,060 − 1,737) / 1,737 = 323 / 1,737 = 18.5953…% → 1 dp: 18.6 ≠ 18.5, but 18.5953 − 18.5 = 0.0953 is less
    # than one unit of the last printed digit (0.1): cut rather than rounded, so accurate within rounding
    ("percent_change", (1737, 2060), "18.5 per cent", {}, W),
    # 18.5953 − 18.4 = 0.1953: more than one unit off
    ("percent_change", (1737, 2060), "18.4 per cent", {}, N),
    # same 18.5953…% → 1 dp: 18.6 = 18.6
    ("percent_change", (1737, 2060), "18.6 per cent", {}, H),
    # 18.5953…% → 0 dp: 19 = 19
    ("percent_change", (1737, 2060), "19%", {}, H),
    # (156 − 100) / 100 = 56% → 0 dp: 56
    ("percent_change", (100, 156), "56 per cent", {}, H),
    # a rise in per cent stated in percentage points: mismatch, whatever the number
    ("percent_change", (100, 156), "56 percentage points", {}, N),
    # 182 / 79 = 2.3038 > 2
    ("percent_change", (79, 182), "more than doubled", {}, H),
    # 150 / 79 = 1.8987; "doubled" = about 2: 1.9 ≤ r ≤ 2.1 → 1.8987 is outside
    ("percent_change", (79, 150), "doubled", {}, N),
    # 160 / 79 = 2.0253, within 1.9 to 2.1
    ("percent_change", (79, 160), "doubled", {}, H),
    # a fall: (2,060 − 1,737) / 2,060 = 323 / 2,060 = 15.6796…% → 1 dp: 15.7
    ("percent_change", (2060, 1737), "15.7 per cent", {"direction": "fall"}, H),
    # the same numbers read as a rise: −15.68% → −15.7 ≠ 15.7
    ("percent_change", (2060, 1737), "15.7 per cent", {}, N),
    # --- point_change ---
    # 59 − 56 = 3 percentage points
    ("point_change", (56, 59), "3 percentage points", {}, H),
    # a change between percentages stated in per cent: mismatch
    ("point_change", (56, 59), "3 per cent", {}, N),
    # 59 − 56 = 3 → 0 dp: 3 ≠ 4
    ("point_change", (56, 59), "4 percentage points", {}, N),
    # --- share ---
    # 278 / 374 = 74.3316%; almost 75: 75 − 3.75 = 71.25 ≤ 74.33 < 75
    ("share", (278, 374), "almost three-quarters", {}, H),
    # about 75: 71.25 ≤ 74.33 ≤ 78.75
    ("share", (278, 374), "three-quarters", {}, H),
    # more than 75: 74.33 ≤ 75
    ("share", (278, 374), "more than three-quarters", {}, N),
    # 74.3316 → 0 dp: 74
    ("share", (278, 374), "74%", {}, H),
    # 74.3316 → 1 dp: 74.3
    ("share", (278, 374), "74.3 per cent", {}, H),
    # 8,996 / 10,000 = 89.96%; almost 90: 85.5 ≤ 89.96 < 90
    ("share", (8996, 10000), "almost 90 per cent", {}, H),
    # 90.30% is not below 90, but rounds to 90 at 0 dp
    ("share", (9030, 10000), "almost 90 per cent", {}, H),
    # 90.60% is not below 90 and rounds to 91
    ("share", (9060, 10000), "almost 90 per cent", {}, N),
    # 85.00% < 85.5 (and rounds to 85)
    ("share", (8500, 10000), "almost 90 per cent", {}, N),
    # 21 / 100 = 21%; one in five = about 20: 19 ≤ 21 ≤ 21
    ("share", (21, 100), "one in five", {}, H),
    # 22% > 21
    ("share", (22, 100), "one in five", {}, N),
    # 51.2%; just over 50: 50 < 51.2 ≤ 52.5
    ("share", (512, 1000), "just over half", {}, H),
    # 53% > 52.5
    ("share", (530, 1000), "just over half", {}, N),
    # 50% is not more than 50
    ("share", (500, 1000), "just over half", {}, N),
    # 49% < 50
    ("share", (49, 100), "fewer than half", {}, H),
    # 50% is not fewer than 50 …
    ("share", (50, 100), "fewer than half", {}, N),
    # … but is at most 50 and at least 50
    ("share", (50, 100), "at most half", {}, H),
    ("share", (50, 100), "at least half", {}, H),
    # 1 / 3 = 33.33%; about 33.33: 31.67 ≤ 33.33 ≤ 35
    ("share", (1, 3), "a third", {}, H),
    # exactly a third is at least a third, not more than a third
    ("share", (1, 3), "at least a third", {}, H),
    ("share", (1, 3), "more than a third", {}, N),
    # 2 / 3 = 66.666…% → 0 dp: 67
    ("share", (2, 3), "67 per cent", {}, H),
    # 66.67 → 67 ≠ 66 (truncation gives 66; 0.67 < 1 unit off)
    ("share", (2, 3), "66 per cent", {}, W),
    # 66.67 − 65 = 1.67: more than one unit off
    ("share", (2, 3), "65 per cent", {}, N),
    # 1 / 8 = 12.5% exactly: 1 dp 12.5; 0 dp rounds half away from zero → 13 (not banker's 12)
    ("share", (1, 8), "12.5%", {}, H),
    ("share", (1, 8), "13%", {}, H),
    ("share", (1, 8), "12%", {}, W),
    # about 100: 95 ≤ 95 ≤ 105 (the band is inclusive) …
    ("share", (95, 100), "about 100%", {}, H),
    # … 94.9 < 95
    ("share", (949, 1000), "about 100%", {}, N),
    # --- ratio ---
    # 182 / 79 = 2.30 > 2
    ("ratio", (182, 79), "more than doubled", {}, H),
    # 150 / 79 = 1.90 ≤ 2
    ("ratio", (150, 79), "more than doubled", {}, N),
    # 300 / 100 = 3; about 3: 2.85 ≤ 3 ≤ 3.15
    ("ratio", (300, 100), "three times", {}, H),
    # 5 / 2 = 2.5 → 1 dp: 2.5
    ("ratio", (5, 2), "2.5 times", {}, H),
    # --- sum ---
    # 10 + 64 + 61 = 135
    ("sum", ([10, 64, 61],), "135", {}, H),
    # 10 + 64 + 60 = 134 ≠ 135
    ("sum", ([10, 64, 60],), "135", {}, N),
    # 600 + 673 = 1,273 > 1,200
    ("sum", ([600, 673],), "more than 1,200", {}, H),
    # --- difference ---
    # 2,060 − 1,737 = 323
    ("difference", (2060, 1737), "323", {}, H),
    ("difference", (2060, 1737), "320", {}, N),
    # --- rate ---
    # 5,540 / 2,000,000 × 1,000 = 2.77 exactly
    ("rate", (5540, 2000000), "2.77 per 1,000", {"per": 1000}, H),
    # 5,545 / 2,000,000 × 1,000 = 2.7725 → 2 dp: 2.77
    ("rate", (5545, 2000000), "2.77 per 1,000", {}, H),
    # 5,550 / 2,000,000 × 1,000 = 2.775 → half away from zero: 2.78 ≠ 2.77 (truncation gives 2.77; 0.005 < 0.01)
    ("rate", (5550, 2000000), "2.77 per 1,000", {}, W),
    # computed per 100,000 but printed per 1,000: mismatch
    ("rate", (5540, 2000000), "2.77 per 1,000", {"per": 100000}, N),
    # a rate stated as "1 in N" is a share: 13 / 13,000 × 100 = 0.1% = 1 in 1,000 (about: within 5%)
    ("rate", (13, 13000), "1 in 1,000", {}, H),
    ("rate", (13, 13000), "1 in 1,000", {"per": 1000}, H),
    # 13 / 10,000 × 100 = 0.13%, not about 0.1%
    ("rate", (13, 10000), "1 in 1,000", {}, N),
    # a bare number with its base given: 1,040 / 1,000,000 × 1,000 = 1.04 → 1 dp: 1.0
    ("rate", (1040, 1000000), "1.0", {"per": 1000}, H),
    # 1,050 / 1,000,000 × 1,000 = 1.05 → 1 dp, half away from zero: 1.1 (0.05 < 0.1 off)
    ("rate", (1050, 1000000), "1.0", {"per": 1000}, W),
    # 1,100 / 1,000,000 × 1,000 = 1.1: one whole unit off
    ("rate", (1100, 1000000), "1.0", {"per": 1000}, N),
    # --- count (a figure restated) ---
    # 1,273 > 1,200
    ("count", (1273,), "more than 1,200", {}, H),
    # 1,200 is not more than 1,200, but is at least 1,200
    ("count", (1200,), "more than 1,200", {}, N),
    ("count", (1200,), "at least 1,200", {}, H),
    # 56 (per cent) > 50
    ("count", (56,), "more than half", {"value_unit": "percent"}, H),
    # 15,640,000 / 1,000,000 = 15.64 → 1 dp: 15.6 million
    ("count", (15640000,), "£15.6million", {}, H),
    # 15.65 → half away from zero: 15.7 ≠ 15.6 (truncation gives 15.6; 0.05 million < 0.1 million off)
    ("count", (15650000,), "£15.6million", {}, W),
    # a share in per cent restated in percentage points: mismatch
    ("count", (56,), "56 percentage points", {"value_unit": "percent"}, N),
]


@pytest.mark.parametrize(("kind", "args", "stated", "kw", "expected"), CASES,
                         ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_hand_worked_verdicts(kind, args, stated, kw, expected):
    result = _run(kind, args, stated, **kw)
    assert result.verdict == expected, result.working
    assert f"· {expected}" in result.working


def test_working_of_the_truncated_rise_matches_the_spec():
    result = _run("percent_change", (1737, 2060), "18.5 per cent")
    assert result.working == ('(2,060 − 1,737) / 1,737 = 18.60% · printed "18.5 per cent" (1 dp) · rounds to 18.6, '
                              "not 18.5; 18.595 is within one unit of the last printed digit (0.1): truncated (cut, "
                              "not rounded) · accurate within rounding")
    assert rules.fmt_2dp(result.computed) == "18.60"


def test_rounding_failure_that_is_not_truncation_says_nothing_about_truncation():
    # 2 / 3 = 66.67% → 67 ≠ 68, and truncation gives 66 ≠ 68
    assert "truncation" not in _run("share", (2, 3), "68 per cent").working


def test_almost_working_shows_the_band():
    assert "71.25 ≤ 74.33 < 75" in _run("share", (278, 374), "almost three-quarters").working


def test_mismatch_working_explains_percentage_points():
    working = _run("percent_change", (100, 156), "56 percentage points").working
    assert "percentage points" in working and "per cent" in working and working.endswith(rules.INACCURATE)


def test_undefined_arithmetic_raises_rule_error():
    with pytest.raises(rules.RuleError):
        _run("percent_change", (0, 5), "5%")
    with pytest.raises(rules.RuleError):
        _run("share", (1, 0), "5%")
    with pytest.raises(rules.RuleError):
        rules.rate(1, 10, parse_printed("5"))  # a bare number, no base given


def test_marker_is_not_a_stated_value():
    with pytest.raises(rules.RuleError):
        rules.judge(Decimal(1), parse_printed("[c]"))


def test_round_half_away_from_zero_uses_decimal():
    assert rules.round_half_away(Decimal("2.675"), 2) == Decimal("2.68")  # float round(2.675, 2) gives 2.67
    assert rules.round_half_away(Decimal("-0.125"), 2) == Decimal("-0.13")
    assert rules.round_half_away(Decimal("0.5"), 0) == Decimal("1")  # float round(0.5) gives 0
    assert rules.truncate(Decimal("18.5953"), 1) == Decimal("18.5")


def test_to_decimal_keeps_printed_digits():
    assert rules.to_decimal(2.77) == Decimal("2.77")
    assert rules.to_decimal("1,737") == Decimal(1737)
    with pytest.raises(rules.RuleError):
        rules.to_decimal("5O")


def test_fmt_number():
    assert rules.fmt_number(Decimal("2000000")) == "2,000,000"
    assert rules.fmt_number(Decimal("71.250")) == "71.25"
    assert rules.fmt_number(Decimal("-3.5")) == "−3.5"


@pytest.mark.parametrize(("value", "text"), [
    ("2.775", "2.775"),  # a short exact value (up to six places) in full, never 2.78
    ("1.234567", "1.234567"),
    ("1.2345678", "1.23"),  # seven places is not short: two
    ("1.23456789", "1.23"),
    ("0.000001", "0.000001"),  # a tiny value, never 0
    ("0.0000001234", "0.0000001234"),
    ("5", "5"),
    ("1234.5", "1,234.5"),
])
def test_fmt_number_shows_a_short_or_tiny_value_in_full_and_a_long_one_to_two_places(value: str, text: str) -> None:
    """The rule of `numbers.fmt_number` (stop 49: mutants of each of its conditions survived test_rules)."""
    assert rules.fmt_number(Decimal(value)) == text


def test_the_working_s_two_decimals_with_and_without_commas() -> None:
    """claims.csv's computed_2dp has no commas; the working's computed value and a fractional count have them."""
    assert rules.fmt_2dp(Decimal("1234.567")) == "1234.57"
    assert rules.fmt_computed(Decimal("1234.567")) == "1,234.57"
    assert rules.fmt_count(Decimal("1234.5")) == "1,234.50"
    assert rules.fmt_count(Decimal("1273")) == "1,273"


@pytest.mark.parametrize(("value", "against", "pair"), [
    ("1273", "1200", ("1,273", "1,200")),  # counts as counts
    ("1273", "1200.5", ("1,273.00", "1,200.5")),  # not both counts: two decimals
    ("2.5", "2", ("2.50", "2")),  # different at two decimals
    ("2.001", "2", ("2.001", "2")),  # the same at two: as many more as show the difference
    ("2", "2.001", ("2", "2.001")),
    ("2.0014999", "2.0025001", ("2.001", "2.003")),  # the first place that differs, no further
    ("1.000000000002", "1", ("1.000000000002", "1")),  # up to the twelfth place (COMPARE_DECIMALS)
    ("1.0000000000004", "1", ("1.00", "1.00")),  # equal at twelve places: equal for the rules
])
def test_fmt_pair_shows_a_difference_where_there_is_one(value: str, against: str, pair: tuple[str, str]) -> None:
    assert rules.fmt_pair(Decimal(value), Decimal(against)) == pair


def test_comparisons_are_made_at_twelve_places() -> None:
    """"a third" read from words (the float 33.333333333333336) equals 100 / 3 in Decimal; a difference past the
    twelfth place is none."""
    assert rules.cmp_value(rules.to_decimal(100 / 3)) == rules.cmp_value(Decimal(100) / Decimal(3))
    assert rules.cmp_value(Decimal("1.0000000000004")) == rules.cmp_value(Decimal(1))
    assert rules.cmp_value(Decimal("1.000000000001")) != rules.cmp_value(Decimal(1))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_to_decimal_refuses_a_value_that_is_not_finite(value: float) -> None:
    with pytest.raises(rules.RuleError, match="not a finite number"):
        rules.to_decimal(value)


def test_unit_problem_leaves_the_percent_point_confusion_to_the_verdict():
    assert rules.unit_problem("percent_change", parse_printed("3 percentage points")) is None
    assert rules.unit_problem("point_change", parse_printed("3 per cent")) is None
    assert rules.unit_problem("share", parse_printed("£3m")) is not None
    assert rules.unit_problem("share", parse_printed("almost three-quarters")) is None


def test_as_dict_has_the_json_keys():
    d = _run("share", (278, 374), "almost three-quarters").as_dict()
    assert {"verdict", "computed", "stated_value", "qualifier", "working"} <= set(d)
    assert d["stated_value"] == 75.0 and d["qualifier"] == "almost" and round(d["computed"], 2) == 74.33


# --- properties ------------------------------------------------------------------------------------------------

values = st.integers(min_value=0, max_value=10**9).map(lambda n: Decimal(n).scaleb(-5))  # 0 … 10,000, 5 dp
printed_decimals = st.integers(min_value=0, max_value=3)


def _pct(x: Decimal, decimals: int, qualifier: str = "") -> str:
    return f"{qualifier} {x:.{decimals}f} per cent".strip()


@given(values, printed_decimals)
def test_the_rounded_value_holds(c, d):
    stated = rules.round_half_away(c, d)
    assert (rules.judge(c, parse_printed(_pct(stated, d)))[0] == H)


@given(values, printed_decimals, st.sampled_from([-1, 1]))
def test_one_unit_of_the_last_printed_digit_away_does_not_hold(c, d, sign):
    off = rules.round_half_away(c, d) + sign * Decimal(1).scaleb(-d)
    assume(off >= 0)
    verdict = rules.judge(c, parse_printed(_pct(off, d)))[0]
    assert verdict != H
    # within one unit of the last printed digit it is accurate within rounding, said plainly, where "about" would
    # hold too (at 0 dp one unit of a small number is most of it: "1%" for 1.9% is inaccurate); beyond, inaccurate
    assert verdict == (W if abs(c - off) < Decimal(1).scaleb(-d) and _about(c, off) else N)


def _about(c: Decimal, x: Decimal) -> bool:
    """Within 5% of x either side: what "about x" allows, and the most any rounding allowance admits."""
    band = abs(x) * Decimal("0.05")
    return rules.cmp_value(x - band) <= rules.cmp_value(c) <= rules.cmp_value(x + band)


@given(values, values)
def test_more_than_and_fewer_than_are_strict_bounds(c, x):
    assert (rules.judge(c, parse_printed(_pct(x, 5, "more than")))[0] == H) == (c > x)
    assert (rules.judge(c, parse_printed(_pct(x, 5, "fewer than")))[0] == H) == (c < x)
    assert (rules.judge(c, parse_printed(_pct(x, 5, "at least")))[0] == H) == (c >= x)
    assert (rules.judge(c, parse_printed(_pct(x, 5, "at most")))[0] == H) == (c <= x)


@given(values)
def test_at_the_bound_more_than_fails_and_at_least_holds(x):
    assert not (rules.judge(x, parse_printed(_pct(x, 5, "more than")))[0] == H)
    assert (rules.judge(x, parse_printed(_pct(x, 5, "at least")))[0] == H)
    assert not (rules.judge(x, parse_printed(_pct(x, 5, "fewer than")))[0] == H)


@given(values, st.integers(min_value=1, max_value=10000))
def test_the_almost_rule(c, x):
    x = Decimal(x)
    holds = (rules.judge(c, parse_printed(_pct(x, 0, "almost")))[0] == H)
    assert holds == ((x * Decimal("0.95") <= c < x) or (rules.round_half_away(c, 0) == x and _about(c, x)))


@given(st.integers(min_value=1, max_value=10000), st.integers(min_value=0, max_value=949))
def test_almost_holds_anywhere_in_the_five_per_cent_below(x, thousandths):
    # c = x × (0.95 + k/1000 × 0.05), k < 1000: inside [0.95x, x)
    c = Decimal(x) * (Decimal("0.95") + Decimal(thousandths) / 1000 * Decimal("0.05"))
    assert (rules.judge(c, parse_printed(_pct(Decimal(x), 0, "nearly")))[0] == H)


@given(values, st.integers(min_value=1, max_value=10000))
def test_the_about_rule_is_five_per_cent_either_side(c, x):
    x = Decimal(x)
    assert (rules.judge(c, parse_printed(_pct(x, 0, "about")))[0] == H) == (abs(c - x) <= x * Decimal("0.05"))


@given(values, st.integers(min_value=1, max_value=10000))
def test_the_just_over_rule(c, x):
    """The mirror of "almost": up to 5% above, or rounds to x at the printed decimals and is within what "about x"
    allows ("just over 1%" for 0.5% rounds to 1 but is half of it)."""
    x = Decimal(x)
    holds = (rules.judge(c, parse_printed(_pct(x, 0, "just over")))[0] == H)
    assert holds == ((x < c <= x * Decimal("1.05")) or (rules.round_half_away(c, 0) == x and _about(c, x)))


def test_a_fall_registered_as_a_rise_does_not_hold_but_says_why():
    # (30,970 − 33,760) / 33,760 = −8.26%: as a rise −8 ≠ 8; as a fall 8.26 → 8 would hold
    result = _run("percent_change", (33760, 30970), "8%")
    assert result.verdict == N and "direction: fall" in result.working
    assert _run("percent_change", (33760, 30970), "8%", direction="fall").verdict == H


def test_a_1_in_n_claim_is_shown_in_its_own_form() -> None:
    """A reader checks "1 in 500" against "1 in 529" (1 / 529 = 0.189%), not against a percentage alone."""
    result = _run("share", (1, 529), "1 in 500")
    assert "(the figures give 1 in 529)" in result.working
    assert "the figures give" not in _run("share", (1, 529), "0.2%").working


# --- Approximate inputs (docs/factcheck.md, "Approximate inputs"): an input printed "about X", "almost X",
# "just over X", as a bound or with a scale word is judged across every value it allows; the claim is accurate if it
# holds for all of them, accurate within rounding if for some, inaccurate if for none. Worked by hand from the page.


def _verified(*args: str) -> rules.Result:
    """What `verify` says of one command line (the same ranges as the fact-check: `analysis/factcheck/ranged.py`)."""
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser()
    verify.add_arguments(parser, "verify")
    return verify.evaluate(parser.parse_args(list(args)))


@pytest.mark.parametrize(("value", "stated", "read_as", "expected"), [
    # about 1,200: 1,200 ± 5% (60) = 1,140 to 1,260; 1,250 lies inside (no grid point: the computed range is asked)
    ("about 1,200", "1,250", "1,140 to 1,260", W),
    # 1,300 needs a value from 1,299.5 to 1,300.5: none of 1,140 to 1,260 rounds to it
    ("about 1,200", "1,300", "1,140 to 1,260", N),
    # "about 1,200" holds for every value of 1,140 to 1,260
    ("about 1,200", "about 1,200", "1,140 to 1,260", H),
    # "more than 1,260" needs a value above 1,260: the range ends at 1,260 itself
    ("about 1,200", "more than 1,260", "1,140 to 1,260", N),
    # almost 1,200: 1,200 − 60 = 1,140 up to 1,200; 1,150 is inside, 1,250 is not
    ("almost 1,200", "1,150", "1,140 to 1,200", W),
    ("almost 1,200", "1,250", "1,140 to 1,200", N),
    # just over 1,200: 1,200 up to 1,200 + 60 = 1,260
    ("just over 1,200", "1,250", "1,200 to 1,260", W),
    ("just over 1,200", "1,150", "1,200 to 1,260", N),
])
def test_an_approximate_input_is_judged_across_the_range_its_words_allow(value: str, stated: str, read_as: str,
                                                                        expected: str) -> None:
    result = _verified("count", "--value", value, "--stated", stated)
    assert result.verdict == expected, result.working
    # a count restated: the result runs over the input's own range
    assert f"inputs rounded: for 1,200 read as {read_as}, the result runs from {read_as}" in result.working


@pytest.mark.parametrize(("value", "stated", "expected"), [
    # "more than 1,200" allows every value above 1,200: restating it holds; 1,300 is allowed but not the only value
    ("more than 1,200", "more than 1,200", H),
    ("more than 1,200", "1,300", W),
    # "at least 1,200" allows 1,200 itself, where "more than 1,200" fails: borne out, not confirmed
    ("at least 1,200", "at least 1,200", H),
    ("at least 1,200", "more than 1,200", W),
    # "fewer than 50": every value below 50 (50 itself is not one); 40 is one of them
    ("fewer than 50", "fewer than 50", H),
    ("fewer than 50", "40", W),
    # "at most 50" allows 50, where "fewer than 50" fails
    ("at most 50", "at most 50", H),
    ("at most 50", "fewer than 50", W),
    ("at most 50", "50", W),
    # "more than 0": every value above 0, so a claim restating it holds
    ("more than 0", "more than 0", H),
    ("fewer than 0", "fewer than 0", H),
])
def test_a_bound_input_is_judged_across_every_value_past_it(value: str, stated: str, expected: str) -> None:
    result = _verified("count", "--value", value, "--stated", stated)
    assert result.verdict == expected, result.working
    assert "inputs printed as bounds: for " in result.working


@pytest.mark.parametrize(("value", "read_as"), [
    ("more than 1,200", "1,200 read as any value above 1,200"),
    ("fewer than 50", "50 read as any value below 50"),
    # a bound that allows X itself does not say "any value above X", which would leave X out
    ("at least 1,200", "1,200 read as 1,200 or any value above it"),
    ("at most 50", "50 read as 50 or any value below it"),
])
def test_the_working_says_what_a_bound_input_was_read_as(value: str, read_as: str) -> None:
    working = _verified("count", "--value", value, "--stated", value).working
    assert f"inputs printed as bounds: for {read_as}," in working


def test_a_change_between_figures_printed_with_a_scale_word_runs_across_both_roundings() -> None:
    """The rules page's example: "1.2 million" is any count from 1,150,000 to 1,249,999 and "1.5 million" from
    1,450,000 to 1,549,999; the rise is 25% at the printed values, and across them runs from
    (1,450,000 − 1,249,999) / 1,249,999 = 16.0001% to (1,549,999 − 1,150,000) / 1,150,000 = 34.7825%."""
    result = _verified("change", "--from", "1.2 million", "--to", "1.5 million", "--stated", "25 per cent")
    assert result.verdict == W
    assert ("for 1,200,000 read as 1,150,000 to 1,249,999, 1,500,000 read as 1,450,000 to 1,549,999, the result "
            "runs from 16.00 to 34.78") in result.working


def test_about_zero_is_the_range_zero_to_zero_not_a_bound():
    """"about 0" is 0 ± 5% of 0: the range 0 to 0, an approximate input like any other, never a bound."""
    working = _verified("count", "--value", "about 0", "--stated", "0").working
    assert "inputs rounded: for 0 read as 0 to 0," in working


# --- The wording rules' edges and their working (docs/factcheck.md, "The rules"), worked by hand from the page.


@pytest.mark.parametrize(("args", "expected", "says"), [
    # almost: X − 5% ≤ c < X. Words have no printed decimals, so no rounding allowance: 3 / 4 = 75% is not almost 75
    (("share", "--part", "3", "--whole", "4", "--stated", "almost three-quarters"), N, "75.00 is not below 75.00"),
    # just over: X < c ≤ X + 5% of X; 63 is 60 + 3, the top of the band, bounds one decimal beyond 0 dp
    (("share", "--part", "63", "--whole", "100", "--stated", "just over 60 per cent"), H,
     "needs just over 60: 60.0 < 63.0 ≤ 63.0"),
    (("share", "--part", "61", "--whole", "100", "--stated", "just over 60 per cent"), H,
     "needs just over 60: 60.0 < 61.0 ≤ 63.0"),
    # the page's own examples: "just over 60 per cent" holds for 59.96 (it rounds to 60, within 5%)
    (("share", "--part", "5996", "--whole", "10000", "--stated", "just over 60 per cent"), H,
     "59.96 is not above 60 but rounds to 60 at 0 dp"),
    # ... "just over 1%" not for 0.5%, "almost 3 per cent" not for 3.2, "12%" not for 12.9%: each rounds to X (or is
    # within one unit) but is further from X than "about X" allows, and the working says so
    (("share", "--part", "5", "--whole", "1000", "--stated", "just over 1%"), N, 'what "about 1" allows'),
    (("share", "--part", "32", "--whole", "1000", "--stated", "almost 3 per cent"), N, 'what "about 3" allows'),
    (("share", "--part", "129", "--whole", "1000", "--stated", "12%"), N,
     'but 12.9 is outside 11.4 to 12.6, what "about 12" allows'),
    # a rounding allowance is at the printed decimals in the printed scale: 1,203,000 is 1.203 million → 1.2 million
    (("count", "--value", "1,203,000", "--stated", "almost 1.2 million"), H,
     "1,203,000 is not below 1,200,000 but rounds to 1,200,000 at 1 dp"),
    # the page's working of a sum, word for word
    (("sum", "--parts", "10,64,61", "--total", "135"), H, '10 + 64 + 61 = 135 · printed "135" (0 dp) · rounds to 135'),
    # in the printed scale: 15,640,000 is 15.64 million → 15.6 million; 33,400 is 33.4 thousand → 33 thousand
    (("count", "--value", "£15,640,000", "--stated", "£15.6million"), H, "rounds to 15.6 million"),
    (("count", "--value", "33,400", "--stated", "33 thousand"), H, "rounds to 33 thousand"),
    (("count", "--value", "£1,540,000,000", "--stated", "£1.5bn"), H, "rounds to 1.5 billion"),
    # a band in the printed scale is printed in whole pounds: 15.6 million ± 0.78 million
    (("count", "--value", "£15,000,000", "--stated", "about £15.6m"), H,
     "15,000,000 is within 14,820,000 to 16,380,000"),
    # 15.65 million rounds half away to 15.7, not 15.6; cut at 1 dp it is 15.6: truncated
    (("count", "--value", "£15,650,000", "--stated", "£15.6million"), W,
     "rounds to 15.7 million, not 15.6 million; 15.650 million is within one unit of the last printed digit (0.1): "
     "truncated (cut, not rounded)"),
    # £1,900,000 is 1.9 million: rounds to 2 million, within one unit of "£1m" but outside 1,000,000 ± 5%
    (("count", "--value", "£1,900,000", "--stated", "£1m"), N,
     "rounds to 2 million, not 1 million; 1.90 million is within one unit of the last printed digit but 1,900,000 is "
     'outside 950,000 to 1,050,000, what "about 1,000,000" allows'),
    # bounds printed with more decimals where fewer would make the comparison untrue (the page's example), and a
    # printed figure's band as it is: "about 1" is 0.95 to 1.05
    (("count", "--value", "0.526", "--stated", "about 0.5"), N, "0.526 is outside 0.475 to 0.525"),
    (("count", "--value", "1.2", "--stated", "about 1"), N, "1.20 is outside 0.95 to 1.05"),
    # ... and no more decimals where the comparison printed is already true: 62.96, 57.04 and 57 are within 57 to 63
    (("share", "--part", "6296", "--whole", "10000", "--stated", "about 60%"), H, "63.0 is within 57.0 to 63.0"),
    (("share", "--part", "5704", "--whole", "10000", "--stated", "about 60%"), H, "57.0 is within 57.0 to 63.0"),
    (("share", "--part", "57", "--whole", "100", "--stated", "about 60 per cent"), H, "57.0 is within 57.0 to 63.0"),
    # "74.999 < 75" printed at two decimals would read "75.00 < 75.00"
    (("share", "--part", "74999", "--whole", "100000", "--stated", "almost three-quarters"), H,
     "71.250 ≤ 74.999 < 75.000"),
    # a plain miss of "almost" and "just over": where the value is, and that it does not round to X either
    (("share", "--part", "24", "--whole", "1000", "--stated", "almost 3 per cent"), N,
     "2.40 is below 2.85 and does not round to 3 at 0 dp"),
    (("share", "--part", "70", "--whole", "100", "--stated", "just over 60 per cent"), N,
     "70.0 is above 63.0 and does not round to 60 at 0 dp"),
    # a share of 0 stated "1 in 10" (10%, about: 9.50 to 10.50) is inaccurate, with no "1 in N" of its own
    (("share", "--part", "0", "--whole", "10", "--stated", "1 in 10"), N, "0.00 is outside 9.50 to 10.50"),
])
def test_a_rule_s_edge_and_its_working(args: tuple[str, ...], expected: str, says: str) -> None:
    result = _verified(*args)
    assert result.verdict == expected, result.working
    assert says in result.working


def test_a_plain_miss_says_nothing_of_about():
    # 2 / 3 = 66.67% → 67, two units from 68: a plain miss, not a rounding allowance refused
    assert "about" not in _verified("share", "--part", "2", "--whole", "3", "--stated", "68 per cent").working


# --- rules the mutation round found no test of (rules.py survivors), each as the rules page states it -------------


def test_a_fall_in_percentage_points_is_from_minus_to():
    """The page's table: point_change is "to − from (a fall: from − to)". From 59% to 56% is a fall of 3 points."""
    result = rules.point_change(59, 56, parse_printed("3 percentage points"), direction="fall")
    assert (result.computed, result.verdict) == (Decimal(3), H)
    assert rules.point_change(59, 56, parse_printed("115 percentage points"), direction="fall").verdict == N


def test_a_change_between_percentages_stated_in_per_cent_says_why():
    """'Per cent vs percentage points': a point_change stated in per cent is inaccurate whatever the numbers, and
    the working says why (56% to 59% is 3 points, and "3 per cent" has the number right and the unit wrong)."""
    result = _run("point_change", (56, 59), "3 per cent")
    assert result.verdict == N and result.rule == "unit mismatch"
    assert "measured in percentage points" in result.working


def test_a_rate_stated_per_another_base_than_per_is_inaccurate():
    """The page: a rate `per` that differs from the printed base is refused in claims.yaml; `verify` judges it:
    5,540 in 2,000,000 is 2.77 per 1,000 (the page's example), and "2.77 per 10,000" states it per another base."""
    assert _run("rate", (5540, 2_000_000), "2.77 per 1,000", per=1000).verdict == H
    result = _run("rate", (5540, 2_000_000), "2.77 per 10,000", per=1000)
    assert result.verdict == N and result.rule == "unit mismatch"
    assert "per 10,000, not per 1,000" in result.working


def test_a_rate_base_must_be_positive():
    """The page: a rate `per` that is not a positive number is refused. Per 1 is a base like any other: 1 in 4 is
    0.25 per 1."""
    with pytest.raises(rules.RuleError, match="must be positive"):
        _run("rate", (5540, 2_000_000), "2.77", per=0)
    assert _run("rate", (1, 4), "0.25", per=1).verdict == H
