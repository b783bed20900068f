"""Issue 24, round twenty-one: fresh inputs for each class, each failure fixed by class (see the stop's note)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.record.safeguarding import personal_data_in
from tests.scanned import listed as _listed
from tests.scanned import read as _read
from tests.test_attacks_round20b import _fact_check

# --- personal data: a name with an age the round-twenty rule did not read as one (class 4) --------------------------

_NAME_AND_AGE = "a person's name and age"


@pytest.mark.parametrize("text", [
    # a birth month and year after "was born" ("was" ended in "s ", read as a plural's "girls aged 11")
    "Jane Doe was born in March 2010.",
    "Jane Doe was born in 2010 in Croydon.",
    # an age after "she was" or "he had been", and "At 14," opening the sentence, before the name
    "When she was 14, Jane Doe was interviewed.",
    "Because he had been only 12, Jane Doe said nothing.",
    "At 14, Jane Doe was interviewed.",
    "At fourteen, Jane Doe left school.",
    # "at the age of", and an age "at the time" in brackets
    "Jane Doe was interviewed at the age of 14.",
    "Jane Doe (14 at the time) was interviewed.",
    # "y" close up, and the words for years of age in other languages
    "Jane Doe (14y) was interviewed.",
    "Jane Doe, 14y, was interviewed.",
    "Jane Doe, 14 ans, was interviewed.",
    "Jane Doe (14 Jahre) was interviewed.",
    # where the person is from, between the name and the age
    "Jane Doe from Croydon, 14, was interviewed.",
    "Jane Doe of Croydon, 14, was interviewed.",
    # a bare age in brackets before where the person is from; "who would now be"; an age range after "was aged";
    # a school year in commas; a family's name before a relative; a child's age beside a relative's name
    "Jane Doe (14), from Croydon, was interviewed.",
    "Jane Doe, who would now be 20, was interviewed.",
    "Jane Doe was aged between 12 and 14.",
    "Jane Doe, in Year 9, was interviewed.",
    "The Doe family's daughter, 14, was interviewed.",
    "Her mother, Jane Doe, said the girl, 14, was missing.",
])
def test_a_name_with_an_age_said_another_way_is_refused(text: str) -> None:
    assert personal_data_in(text) == [_NAME_AND_AGE]


@pytest.mark.parametrize("text", [
    # a group's year of birth or age: after a plural, as before
    "Girls born in 2010 were at risk, Jane Doe said.",
    "Children born in March 2010 were counted, Jane Doe said.",
    "Girls at the age of 11 were abused, Alexis Jay found.",
    "The women aged 18 to 25, Jane Doe said.",
    # a number after "he was" that is no age, and "At 14" that counts forces or opens a count
    "As he was 14 per cent behind, Kent Police said.",
    "He was 1 of 14 officers, Jane Doe said.",
    "She was 14th in the list, Jane Doe said.",
    "At 14, Kent Police recorded the most.",
    "At 14 forces, Jane Doe said, records were poor.",
    # a body "of" or "from" a place, with a count after it
    "Kent Police of Maidstone, 14, were named.",
    "The Home Office of England, 14, said.",
    # counts in brackets in a list of areas; a child's age beside a body's name or an anonymised label
    "West Yorkshire (14), Kent (12) and Essex (9) were named.",
    "Kent Police said the girl, 14, was missing.",
    "The victim, 14, was named only as Child A.",
    # the real record's caveat, a survey's age bands and "before age 16", with a survey's name in capitals
    "Crime Survey for England and Wales estimate; adults aged 18 to 74 recalling abuse before age 16 (emotional, "
    "physical or sexual abuse, or witnessing domestic violence or abuse).",
])
def test_what_only_looks_like_a_name_and_age_is_none(text: str) -> None:
    assert personal_data_in(text) == []


# --- scan: a qualifier lost, a range or a fraction read as exact figures, a unit dropped (class 3) -----------------


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    ("Officers found something like 1,200 cases.", "something like 1,200", "about"),
    ("Officers found at the very least 1,200 cases.", "at the very least 1,200", "at least"),
    ("Officers found close on 1,200 cases.", "close on 1,200", "almost"),
    ("Officers found verging on 1,200 cases.", "verging on 1,200", "almost"),
    ("Officers found edging towards 1,200 cases.", "edging towards 1,200", "almost"),
    # a word of degree before "over" or "below" was dropped, and "a touch over" read as "more than"
    ("Officers found a touch over 1,200 cases.", "a touch over 1,200", "just over"),
    ("Officers found fractionally below 1,200 cases.", "fractionally below 1,200", "almost"),
    ("Officers found marginally above 1,200 cases.", "marginally above 1,200", "just over"),
])
def test_a_qualifier_in_other_words_keeps_its_meaning(text: str, printed: str, qualifier: str) -> None:
    assert _read(text) == ([(printed, 1200.0, "count", qualifier)], [])


@pytest.mark.parametrize(("text", "left", "kind"), [
    # a qualifier or an open end printed after the words the figure counts: each was the exact 1,200
    ("There were 1,200 cases or more.", "1,200 cases or more", "number printed open-ended"),
    ("There were 1,200 cases or more were found.", "1,200 cases or more", "number printed open-ended"),
    ("Officers found 1,200 cases and rising.", "1,200 cases and rising", "number printed open-ended"),
    ("Referrals were 1,200 and up.", "1,200 and up", "number printed open-ended"),
    ("Referrals were 1,200 upwards.", "1,200 upwards", "number printed open-ended"),
    ("There were 1,200 cases at least.", "1,200 cases at least", "number with a qualifier no figure form reads"),
    ("Officers found 1,200 cases, if not more.", "1,200 cases, if not more",
     "number with a qualifier no figure form reads"),
    ("Officers found 1,200 cases or thereabouts.", "1,200 cases or thereabouts",
     "number with a qualifier no figure form reads"),
    # a range with "through": two exact figures
    ("Officers found 1,000 through 1,200 cases.", "1,000 through 1,200", "range"),
    ("Officers found 1,000 thru 1,200 cases.", "1,000 thru 1,200", "range"),
    # "a million and a half": "a half" was the share 50%
    ("The count was a million and a half.", "a million and a half", "fraction of a million, billion or thousand"),
    # a statistic's shape after a prefix: listed quietly as part of a name
    ("Officers found sub-1,200 cases.", "1,200", "number in a form no figure form reads"),
    # a unit no figure form reads: the count without it
    ("The school was 1,200 km away.", "1,200 km", "number with a unit no figure form reads"),
    ("Temperatures hit 12°C.", "12°C", "number with a unit no figure form reads"),
    ("The count rose by 56 p/c.", "56 p/c", "number with a unit no figure form reads"),
    ("The count rose by %56.", "%56", "number with a unit no figure form reads"),
    # an average: a figure of another measure, read as the count
    ("Officers found an average of 1,200 cases.", "an average of 1,200", "average, median or mean"),
    ("On average 12 children a day were referred.", "On average 12", "average, median or mean"),
    # "to" after an estimate's word, or opening the sentence: "about 1,200" and the exact 1,300
    ("About 1,200 to 1,300 cases were found.", "About 1,200 to 1,300", "range"),
    ("There were around 1,200 to 1,300 cases.", "around 1,200 to 1,300", "range"),
    ("1,200 to 1,300 cases were found.", "1,200 to 1,300", "range"),
    # "to" after a verb whose object is the amount (r21b's note)
    ("Police found 1,200 to 1,300 cases.", "1,200 to 1,300", "range"),
    ("Police received 1,200 to 1,300 referrals.", "1,200 to 1,300", "range"),
    ("The Met estimates 1,200 to 1,300 children are at risk.", "1,200 to 1,300", "range"),
    # an estimate's word in brackets after the figure: the exact 1,200
    ("The figure is 1,200 (approx.).", "1,200 (approx.)", "number with a qualifier no figure form reads"),
    ("The figure is 1,200 (est.).", "1,200 (est.)", "number with a qualifier no figure form reads"),
    # a share or a multiple in words no form reads: dropped without a word
    ("It was every fifth child.", "every fifth", "fraction in words no figure form reads"),
    ("Cases rose by a near-doubling.", "a near-doubling", "multiplier"),
    ("The doubling of referrals was seen.", "doubling", "multiplier"),
    # a per cent or a currency written after the number in a way the parser does not read: the count
    ("It rose 56 o/o.", "56 o/o", "number with a unit no figure form reads"),
    ("It rose 56 per centum.", "56 per centum", "number with a unit no figure form reads"),
    ("It cost 1,200 €.", "1,200 €", "number with a unit no figure form reads"),
    # spaced digit groups with a decimal part: the count 1
    ("There were 1 200,5 cases.", "1 200,5", "number with spaces between its digit groups"),
    # a numeral no script's digits are: subscript, circled, Roman (dropped without a word)
    ("There were ₁₂ cases.", "₁₂", "number in a form no figure form reads"),
    ("There were ⑫ cases.", "⑫", "number in a form no figure form reads"),
    ("The list was Ⅻ long.", "Ⅻ", "number in a form no figure form reads"),
    # numbers after a heading that gives their unit in brackets, as a flattened table prints them (r22c's note)
    ("Referrals (thousands): 1.2, 1.5, 1.8.", "(thousands): 1.2, 1.5, 1.8.",
     "list of numbers whose unit is printed in a heading"),
    ("Cost (£m): 1.2 in 2019 and 1.5 in 2020.", "(£m): 1.2 in 2019 and 1.5 in 2020.",
     "list of numbers whose unit is printed in a heading"),
])
def test_a_figure_no_form_reads_is_listed(text: str, left: str, kind: str) -> None:
    assert _read(text) == ([], [_listed(left, kind)])


@pytest.mark.parametrize("text", ["There were 1,,200 cases.", "There were 1..200 cases."])
def test_separators_running_on_into_digits_leave_no_figure(text: str) -> None:
    """The count 1 was read from "1,,200", the rest listed apart; both parts are now listed as not read."""
    figures, not_read = _read(text)
    assert figures == [] and len(not_read) == 2


def test_the_end_of_a_web_address_in_angle_brackets_is_no_sign() -> None:
    """Its ">" read the next figure as "more than 12", listed to check by hand; ">12" alone still is."""
    assert _read("See <https://example.org> 12 cases were found.") == ([("12", 12.0, "count", "exact")], [])
    assert _read("There were >12 cases.") == (
        [], [_listed(">12", "number with a qualifier no figure form reads")])


def test_every_verb_of_multiples_is_read() -> None:
    """"quintupled" was dropped without a word; the figure forms now take every verb the parser's MULTIPLES holds."""
    assert _read("Referrals quintupled.") == ([("quintupled", 5.0, "times", "about")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what follows the counted words is no qualifier: an adjective, a phrase of place or time, a verb
    ("It covered 1,200 cases or more serious offences.", [("1,200", 1200.0, "count", "exact")]),
    ("There were 1,200 officers at most forces.", [("1,200", 1200.0, "count", "exact")]),
    ("There were 1,200 cases at least once.", [("1,200", 1200.0, "count", "exact")]),
    ("Referrals were 1,200 up on last year.", [("1,200", 1200.0, "count", "exact")]),
    # a definition's threshold, and "pushing" as a verb (why it is no qualifier)
    ("Groups of 3 victims or more.", [("3", 3.0, "count", "exact")]),
    ("Gangs were pushing 12 children into crime.", [("12", 12.0, "count", "exact")]),
    ("The count rose to 1,200 upward revisions.", [("1,200", 1200.0, "count", "exact")]),
    # "about X to Y" after a verb of change is a change to a level, not a range
    ("Cases rose from about 1,200 to 1,300.", [("about 1,200", 1200.0, "count", "about"),
                                               ("1,300", 1300.0, "count", "exact")]),
    ("Referrals went from 1,200 to 1,300.", [("1,200", 1200.0, "count", "exact"), ("1,300", 1300.0, "count", "exact")]),
    ("Police recorded 1,200, up 12% to 1,300.", [("1,200", 1200.0, "count", "exact"),
                                                 ("12%", 12.0, "percent", "exact"),
                                                 ("1,300", 1300.0, "count", "exact")]),
    ("Cases fell by about 300 to 1,200.", [("about 300", 300.0, "count", "about"),
                                           ("1,200", 1200.0, "count", "exact")]),
    # a note on the figure's status is no qualifier; "doubling time" and "every second" of a clock count nothing
    ("The figure is 1,200 (revised).", [("1,200", 1200.0, "count", "exact")]),
    ("The doubling time was long.", []),
    # a bracket that names no unit before a colon, and a scale word in brackets with no colon
    ("The Met (London): 1,200 cases.", [("1,200", 1200.0, "count", "exact")]),
    ("There were 1,200 cases (thousands of them online).", [("1,200", 1200.0, "count", "exact")]),
    ("Every second counts.", []),
])
def test_the_forms_beside_them_are_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- exports: a formula's first character in its full-width or small form (class 5, r21a's note) ------------------


@pytest.mark.parametrize("text", ["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1"])
def test_a_field_starting_with_a_full_width_formula_sign_is_refused(text: str) -> None:
    """NFKC reads each as "=", "+", "-" or "@"; `validate` let them through at a field's start."""
    from analysis.record.hygiene import neutralise_formula, text_problem

    problem = text_problem(text)
    assert problem is not None and "formula" in problem
    assert neutralise_formula(text) == "'" + text


# --- verdicts: an input printed as a bound is judged across what it allows (class 4, kept item N5) -----------------


@pytest.mark.parametrize(("value", "stated", "verdict"), [
    # a claim that restates its source word for word was "inaccurate": 1,200 is not more than 1,200
    ("more than 1,200", "more than 1,200", "accurate"),
    ("more than 1,200", "over 1,200", "accurate"),
    ("fewer than 50", "under 50", "accurate"),
    # "1,200" exact was "accurate" where the source rules 1,200 itself out: it is borne out, not confirmed
    ("more than 1,200", "1,200", "accurate within rounding"),
    ("almost 1,200", "1,200", "accurate within rounding"),
    ("at most 1,200", "1,200", "accurate within rounding"),
    # unchanged: a weaker claim holds for every value the bound allows, a contrary one for none
    ("more than 1,200", "more than 1,000", "accurate"),
    ("at least 1,200", "at least 1,200", "accurate"),
    ("more than 1,200", "1,100", "inaccurate"),
    ("1,273", "more than 1,200", "accurate"),
])
def test_a_bound_input_is_read_as_every_value_it_allows(value: str, stated: str, verdict: str) -> None:
    """`verify count` and the fact-check read an input printed "more than X" as any value above X (issue 24, kept
    item N5, r21b's 4.11): one verdict in both, and the working never prints a stand-in for the open end."""
    assert _verified("count", "--value", value, "--stated", stated).verdict == verdict
    assert _fact_check(value, stated) == verdict
    assert "000,000" not in _verified("count", "--value", value, "--stated", stated).working


def test_a_derived_claim_from_a_bound_is_borne_out_not_confirmed() -> None:
    """A rise from "more than 1,200" to 1,400 stated as 16.7% was "accurate": the base may be any value above 1,200,
    so the rise any value below 16.7%."""
    result = _verified("change", "--from", "more than 1,200", "--to", "1400", "--stated", "16.7 per cent")
    assert result.verdict == "accurate within rounding"


def _verified(*args: str) -> Any:
    """What `verify` says of one command line (its verdict and working)."""
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser()
    verify.add_arguments(parser, "verify")
    return verify.evaluate(parser.parse_args(list(args)))


@pytest.mark.parametrize("text", ["There was a reduction of 300 cases.", "There was a decline of 300 referrals.",
                                  "There was a 1,200 decline in referrals.", "There was a cut of 300 officers."])
def test_every_noun_of_change_makes_a_difference(text: str) -> None:
    """Three lists of the nouns of change had drifted apart: "an increase of 300" was a difference and "a reduction
    of 300" a plain count. One list now serves a count's difference and a share's change alike."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    assert [f["derived"] for f in scan_text(text, DEFAULT)["figures"]] == ["difference"]
