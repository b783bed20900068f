"""Issue 24, round twenty-two (helper c): the wording side of `scan`, fresh sentences in the style of UK news and
official reports; each failure fixed by class."""

from __future__ import annotations

import pytest

from tests.scanned import listed as _listed
from tests.scanned import read as _read

_DENIED = "number the sentence denies"

# --- a figure the sentence denies ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "figures", "left"), [
    # a negated figure was read as the exact figure, "not one" as the count 1 where the sentence says none
    ("The figure was not 1,200 but 1,300.", [("1,300", 1300.0, "count", "exact")], "not 1,200"),
    ("There were 1,200 cases (not 1,300 as earlier reported).", [("1,200", 1200.0, "count", "exact")],
     "not 1,300"),
    ("Not one child was charged.", [], "Not one"),
    ("It was not 12% but 15%.", [("15%", 15.0, "percent", "exact")], "not 12%"),
    ("Not £1.2m but £1.5m was spent.", [("£1.5m", 1500000.0, "GBP", "exact")], "Not £1.2m"),
    # a qualifier after "not" that is no qualifier starting with "not": "not nearly 1,200" is far below it
    ("Referrals were not nearly 1,200.", [], "not nearly 1,200"),
])
def test_a_figure_the_sentence_denies_is_listed(text: str, figures: list[tuple[str, float, str, str]],
                                                left: str) -> None:
    assert _read(text) == (figures, [_listed(left, _DENIED)])


@pytest.mark.parametrize(("text", "left"), [
    # "nowhere near 1,200" and "far from 1,200" were the exact 1,200
    ("It was nowhere near 1,200.", "nowhere near 1,200"),
    ("Referrals were nowhere close to 12%.", "nowhere close to 12%"),
    ("It was far from 1,200.", "far from 1,200"),
])
def test_a_figure_said_to_be_far_off_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, _DENIED)])


@pytest.mark.parametrize(("text", "figures"), [
    # the qualifiers that start with "not" keep their meaning; "not only" is no negated figure
    ("Referrals were not more than 1,200.", [("not more than 1,200", 1200.0, "count", "at most")]),
    ("Referrals were not quite 1,200.", [("not quite 1,200", 1200.0, "count", "almost")]),
    ("Not only were 1,200 cases found.", [("1,200", 1200.0, "count", "exact")]),
])
def test_a_qualifier_starting_with_not_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a verb that says the figure was passed or neared, in its other forms --------------------------------------------


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    ("Referrals exceed 1,200 a year.", "exceed 1,200", "more than"),
    ("Referrals are exceeding 1,200.", "exceeding 1,200", "more than"),
    ("Referrals are surpassing 1,200.", "surpassing 1,200", "more than"),
    ("Referrals are topping 1,200.", "topping 1,200", "more than"),
    ("Referrals were upward of 1,200.", "upward of 1,200", "more than"),
    ("Referrals approached 1,200.", "approached 1,200", "almost"),
    ("Referrals nears 1,200.", "nears 1,200", "almost"),
    ("Referrals were barely more than 1,200.", "barely more than 1,200", "just over"),
    ("Referrals were scarcely more than 1,200.", "scarcely more than 1,200", "just over"),
    # with "not" before it the bound turns round: "exceed" alone made it "more than"
    ("Referrals will not exceed 1,200.", "not exceed 1,200", "at most"),
    ("Referrals never exceeded 1,200.", "never exceeded 1,200", "at most"),
])
def test_a_verb_of_passing_or_nearing_in_any_form_is_a_qualifier(text: str, printed: str, qualifier: str) -> None:
    assert _read(text) == ([(printed, 1200.0, "count", qualifier)], [])


# --- a difference or a change read as a plain count or a share ----------------------------------------------------


def _kinds(text: str) -> list[tuple[str, str]]:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    return [(f["value_as_printed"], f["derived"]) for f in scan_text(text, DEFAULT)["figures"]]


@pytest.mark.parametrize(("text", "kinds"), [
    # a change with no "by", and a comparison after the figure: each was a plain count of referrals or cases, so
    # "1,200 more referrals than in 2019" matched a record of 1,200 referrals and was not offered as a claim
    ("Referrals rose 1,200 on 2019.", [("1,200", "difference")]),
    ("Cases were down 300 on last year.", [("300", "difference")]),
    ("Spending reached £1.2 million, up £200,000.", [("£1.2 million", ""), ("£200,000", "difference")]),
    ("There were 1,200 more referrals than in 2019.", [("1,200", "difference")]),
    ("That is 300 fewer arrests than a year earlier.", [("300", "difference")]),
    ("Cases were 1,200 higher than in 2019.", [("1,200", "difference")]),
    ("Girls outnumbered boys by 1,200.", [("1,200", "difference")]),
    # a fraction in words after a change named as a noun: the share 25% where it is a fall
    ("Charging fell from 12% to 9%, a fall of a quarter.", [("12%", "share"), ("9%", "share"),
                                                            ("a quarter", "percent_change")]),
    ("Referrals saw an increase of two-thirds.", [("two-thirds", "percent_change")]),
])
def test_a_difference_or_change_is_read_as_one(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    # a level after "to", a count with no comparison, a share of a rise: as before
    ("Referrals rose to 1,200.", [("1,200", "")]),
    ("A further 1,200 cases were found.", [("1,200", "")]),
    ("A third of the rise came from one force.", [("A third", "share")]),
    ("Referrals rose by 1,200 to 3,400.", [("1,200", "difference"), ("3,400", "")]),
])
def test_a_level_is_still_a_level(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


# --- a target, a forecast or a figure that may come ------------------------------------------------------------------

_FORECAST = "target, forecast or hypothetical figure"


@pytest.mark.parametrize(("text", "left"), [
    # each was read as the exact count, share or multiple of what happened
    ("The Home Office set a target of 1,200 prosecutions.", "target of 1,200"),
    ("The target is 1,200 prosecutions a year.", "target is 1,200"),
    ("Referrals could reach 2,000 by 2025.", "could reach 2,000"),
    ("Cases are expected to top 2,000 by 2026.", "expected to top 2,000"),
    ("Cases are projected to hit 2,000.", "projected to hit 2,000"),
    ("The true number could be as many as 10,000.", "could be as many as 10,000"),
    ("Officials estimate the true figure may be 10 times higher.", "may be 10 times"),
    ("Referrals will rise to 56% next year.", "will rise to 56%"),
    ("Cases are on course to exceed £1.2m.", "on course to exceed £1.2m"),
])
def test_a_target_or_forecast_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, _FORECAST)])


@pytest.mark.parametrize(("text", "figures"), [
    # what happened, after a verb of change or a modal of the past, and a count beside the word "target"
    ("Referrals rose to 1,200 in 2019.", [("1,200", 1200.0, "count", "exact")]),
    ("Victims may have numbered 1,200.", [("1,200", 1200.0, "count", "exact")]),
    ("The target was met in 12 forces.", [("12", 12.0, "count", "exact")]),
])
def test_what_happened_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a month before a figure ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "figures"), [
    # the month and the figure's first digits were a date: ",200" was unread and "12%" gone without a word
    ("In May 1,200 cases were referred.", [("1,200", 1200.0, "count", "exact")]),
    ("By March 2,000 referrals had been made.", [("2,000", 2000.0, "count", "exact")]),
    ("In June 12% of cases were closed.", [("12%", 12.0, "percent", "exact")]),
    ("In June 12 per cent of cases were closed.", [("12 per cent", 12.0, "percent", "exact")]),
    ("Since January 1.5 million images were found.", [("1.5 million", 1500000.0, "count", "exact")]),
    # a date is still a date
    ("The report was published on May 12, 2019.", []),
    ("The meeting on June 12 heard evidence.", []),
])
def test_a_month_before_a_figure_leaves_the_figure_whole(text: str,
                                                        figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


@pytest.mark.parametrize(("text", "kinds"), [
    # "up" of "made up" read as a rise: the share was a percentage change, the count a difference
    ("Girls made up 56 per cent (672) of the 1,200.", [("56 per cent", "share"), ("672", ""), ("1,200", "")]),
    ("Girls made up 672 of the 1,200 victims.", [("672", ""), ("1,200", "")]),
    # a rise is still one
    ("Referrals were up 56% on 2019.", [("56%", "percent_change")]),
    ("Referrals were up 672 on 2019.", [("672", "difference")]),
])
def test_made_up_is_a_part_not_a_rise(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


# --- a qualifier before a multiple below one --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "qualifier"), [
    # "more than halved" was a ratio above 0.5 (a fall of less than half), "almost halved" one below it
    ("Cases have more than halved since 2014.", "fewer than"),
    ("Cases have almost halved since 2014.", "just over"),
    ("Cases at least halved.", "at most"),
    ("Cases halved.", "about"),
])
def test_a_qualifier_before_halved_bounds_the_fall(text: str, qualifier: str) -> None:
    (figure,), _ = _read(text)
    assert figure[1:] == (0.5, "times", qualifier)


def test_more_than_halved_is_judged_as_a_fall_of_more_than_half() -> None:
    """What the verdict makes of it: 300 from 1,000 more than halved; 600 from 1,000 did not."""
    from decimal import Decimal

    from analysis.factcheck.wording import verdict
    from analysis.record.printed import parse_printed

    stated = parse_printed("more than halved")
    assert verdict(Decimal("0.3"), stated) == verdict(Decimal("0.5"), parse_printed("halved"))
    assert verdict(Decimal("0.6"), stated) != verdict(Decimal("0.5"), parse_printed("halved"))


# --- a share with what it counts between its numbers and after them ------------------------------------------------


@pytest.mark.parametrize(("text", "printed", "value"), [
    # "every" makes it a share whatever follows: each was read as the counts 1 and 100, 3 and 4, 12 and 1,000
    ("One child in every 100 under-18s was referred.", "One child in every 100", 1.0),
    ("One child in every 100 children was referred.", "One child in every 100", 1.0),
    ("Three victims out of every four referred were girls.", "Three victims out of every four", 75.0),
    ("Twelve girls for every 1,000 children were referred.", "Twelve girls for every 1,000", 1.2),
])
def test_a_share_with_every_is_one_figure(text: str, printed: str, value: float) -> None:
    assert _read(text) == ([(printed, value, "percent", "about")], [])


def test_counts_in_places_stay_counts() -> None:
    assert _read("There were 300 cases in 12 forces.") == (
        [("300", 300.0, "count", "exact"), ("12", 12.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "kinds"), [
    # the level a share reached after "to" was a percentage change
    ("The share of girls rose to 56%.", [("56%", "share")]),
    ("The charge rate fell to 9 per cent in 2020.", [("9 per cent", "share")]),
    # a verb of change before a qualified level: no difference
    ("Referrals climbed above 1,200.", [("above 1,200", "")]),
    ("Cases fell short of 1,200.", [("short of 1,200", "")]),
    # a change is still one
    ("Cases rose 12% to 1,200.", [("12%", "percent_change"), ("1,200", "")]),
    ("Cases are up by over 1,200.", [("over 1,200", "difference")]),
])
def test_a_level_reached_is_no_change(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


# --- a range with a hedge before its second end ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "left"), [
    # the first end was read as the exact 1,200 (or £1m), a figure the article gave only as a range's end
    ("Between 1,200 and perhaps 1,400 children were abused.", "Between 1,200 and perhaps 1,400"),
    ("Estimates range from 1,200 to as many as 1,400.", "1,200 to as many as 1,400"),
    ("The cost was between £1m and possibly £1.5m.", "between £1m and possibly £1.5m"),
    ("Cases were 1,200 to perhaps 1,400.", "1,200 to perhaps 1,400"),
])
def test_a_range_with_a_hedged_end_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, "range")])


def test_a_change_to_a_hedged_level_is_still_two_figures() -> None:
    assert _read("Cases rose from 1,200 to almost 1,400.") == (
        [("1,200", 1200.0, "count", "exact"), ("almost 1,400", 1400.0, "count", "almost")], [])


@pytest.mark.parametrize(("text", "kinds"), [
    # a change named after the figure, "a 1,200 increase": a plain count of referrals
    ("There was a 1,200 increase in referrals.", [("1,200", "difference")]),
    ("Referrals saw a 1,200-case increase.", [("1,200", "difference")]),
    ("It was a £200,000 cut.", [("£200,000", "difference")]),
    # a verb after a count is no change named
    ("1,200 fall into this group.", [("1,200", "")]),
])
def test_a_change_named_after_the_figure_is_a_difference(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


def test_a_unit_no_form_reads_joined_by_a_hyphen_is_listed() -> None:
    """"a 12-point rise" was the count 12; "12 points" was already listed."""
    assert _read("A 12-point rise was recorded.") == (
        [], [_listed("12-point", "number with a unit no figure form reads")])
