"""scan matches a figure by its subject (issue 26): what it counts, where and when must agree with the record.

Each sentence is news wording of a figure the record holds (checked with `python -m analysis search VALUE` and
`show ID`); the expected record figure ids were read from data/raw, not from the scanner's output.
"""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_find import find_figures
from analysis.factcheck.scan_text import Sentence
from analysis.paths import DEFAULT


def _figures(text: str) -> list[dict]:
    return scan_text(text, DEFAULT)["figures"]


def _answer(entry: dict) -> str:
    return entry["matches"][0]["figure_id"] if entry["matches"] else "not in the record"


@pytest.mark.parametrize("text", [
    "The number of referrals rose from 1,737 in 2014 to 2,060 in 2015.",
    # the Evening Standard claim's own wording: the second value of the pair has no noun of its own
    "In the first year there were 1,737 referrals which jumped to 2,060 in 2015, a rise of 18.5 per cent.",
])
def test_a_pair_shares_its_subject_and_both_values_match(text: str) -> None:
    answers = {e["value_as_printed"]: _answer(e) for e in _figures(text)}
    assert answers["1,737"] == "standard-2016-cse-referrals/cse-referrals-first-year"
    assert answers["2,060"] == "standard-2016-cse-referrals/cse-referrals-2015"


def test_a_london_figure_is_never_answered_by_a_national_one_printed_alike() -> None:
    [entry] = _figures("The number of sexual offences committed against children in London has soared to 1,200 "
                       "in the last year.")
    assert _answer(entry) == "standard-2018-03-16/cse-offences-2017"
    assert entry["definitions"] == ["cse_flagged_crimes"] and entry["definitions_differ"]
    warned = {m["figure_id"]: m["differs"] for m in entry["other_definitions"]}
    assert warned["mylondon-2025-10-grooming-gangs/historic-cases-identified-for-review"] == \
        "England and Wales, not London"
    assert all(m["geography"] == "London" for m in entry["matches"])


def test_the_figures_own_year_and_a_paraphrased_noun_match_and_a_difference_is_no_count() -> None:
    figures = _figures("Those figures include 1,200 incidents of sexual exploitation of a child in 2017 — an "
                       "increase of 278, or 30.2 percent, over London's 2016 total of 922.")
    answers = {e["value_as_printed"]: e for e in figures}
    assert _answer(answers["1,200"]) == "standard-2018-03-16/cse-offences-2017"
    assert _answer(answers["30.2 percent"]) == "standard-2018-03-16/change-cse-offences-2016-2017"
    assert {m["figure_id"] for m in answers["922"]["matches"]} == {
        "met-2017-03-13/cse-crimes-2016", "standard-2018-03-16/cse-crimes-2016"}
    # 1,200 - 922: HMIC's 278 cases judged inadequate in 2016 is another figure, shown only as a warning
    assert answers["278"]["status"] == "not in the record"
    assert [m["figure_id"] for m in answers["278"]["other_definitions"]] == [
        "aol-2016-11-24-hmic-ncpi-mps/cases-ri-or-inadequate"]


def test_a_share_of_one_whole_is_not_a_share_of_another() -> None:
    [entry] = _figures("The watchdog found that only 37% of child exploitation cases were accurately flagged in "
                       "police systems.")
    assert entry["status"] == "not in the record"
    assert entry["other_definitions"][0]["differs"] == "a share of survivors, not of cases"


def test_these_figures_takes_its_subject_from_the_sentence_before() -> None:
    figures = _figures("The most significant increase was for online CSE, which sees children groomed and "
                       "encouraged to share explicit photos. These figures increased by 135 per cent between "
                       "2015 and 2016.")
    assert [_answer(e) for e in figures] == ["met-2017-03-13/change-online-cse-2015-2016"]


def test_a_verb_after_the_number_is_not_the_thing_counted() -> None:
    from analysis.factcheck.scan_find import head_noun

    assert head_noun("recorded by police") == "" and head_noun("recorded offences in 2023") == "offences"
    [entry] = _figures("Child in need assessments in England noted child sexual exploitation as a concern in "
                       "2023-24, with 13,860 recorded.")
    assert _answer(entry) == "communitycare-2025-cin-csa-copy/cin-assessments-cse-2023-24"


def test_the_articles_own_release_breaks_a_tie_between_definitions() -> None:
    """'over 30 percent' fits the Standard's 2017 rise and a 2014 London rise of 34 per cent alike; the story's
    other figures all come from the Standard's 2018 report, so that definition is the answer."""
    text = ("Reports of child sex offenses jumped by over 30 percent, recently released figures revealed.\n\n"
            "Those figures include 1,200 incidents of sexual exploitation of a child in 2017, and approximately "
            "3,200 reports of child exploitation or sexual abuse were made in London last year.")
    rise = _figures(text)[0]
    assert rise["value_as_printed"] == "over 30 percent"
    assert _answer(rise) == "standard-2018-03-16/change-cse-offences-2016-2017"


@pytest.mark.parametrize("text, printed, derived", [
    ("Child sexual exploitation has risen by almost half across London.", "almost half", "percent_change"),
    ("The claim that most cases were mishandled - more than half - does not hold.", "more than half", "share"),
    ("Two in five victims were boys.", "Two in five", "share"),
    ("More than three million children were online.", "More than three million", ""),
])
def test_fraction_words_dashes_and_headline_forms_are_read(text: str, printed: str, derived: str) -> None:
    [found] = find_figures(Sentence(text, 1, 0))[0]
    assert (found.text, found.derived) == (printed, derived)


@pytest.mark.parametrize("text, kind", [
    ("Police in one region reported the rise.", "structural number"),
    ("Offences were committed by children aged ten to 17.", "age"),
    ("In the first half, police made arrests.", "fraction word that is no share"),
])
def test_structural_numbers_and_ages_in_words_are_set_aside(text: str, kind: str) -> None:
    found, left_out = find_figures(Sentence(text, 1, 0))
    assert found == [] and [x.kind for x in left_out] == [kind]
