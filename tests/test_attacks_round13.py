"""Issue 24, round thirteen, the lead's own attacks. The personal-data check (class 4): an address after a label
or at a web-mail domain, a character written as a page's source writes it, a phone or NHS number in an unusual
grouping, and a cohort whose bound follows its date. Ranges and slashes (classes 3 and 4): a range whose ends
carry their unit, in scan and in the record's quote check, and two numbers joined by a slash, which scan dropped
without a word."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_find import find_figures
from analysis.factcheck.scan_text import sentences
from analysis.paths import DEFAULT
from analysis.record.figures import contains_printed
from analysis.record.problems import Problems
from analysis.record.safeguarding import check_personal_data, personal_data_in


@pytest.mark.parametrize("text", ["email: janedoe at gmail.com", "e-mail janedoe at example.org",
                                  "Email address is jdoe at example.org", "write to jdoe at hotmail.co.uk",
                                  "jdoe at btinternet.com"])
def test_a_one_word_name_with_a_plain_at_is_an_address_after_a_label_or_at_web_mail(text: str) -> None:
    """A plain " at " counted only after a dotted name or before a spelled " dot ": a one-word name passed, even
    after the word "email" or before a domain no document is published at."""
    assert personal_data_in(text) == ["an e-mail address"]


@pytest.mark.parametrize("text", ["jdoe@hotmail. com", "jdoe@hotmail .com", "jdoe@example .org.uk"])
def test_an_address_with_a_space_on_one_side_of_its_last_full_stop_is_personal_data(text: str) -> None:
    assert personal_data_in(text) == ["an e-mail address"]


def test_a_handle_at_the_end_of_a_sentence_is_still_no_address() -> None:
    # (a social-media account since round sixteen, not an e-mail address)
    assert personal_data_in("Follow the force at @metpoliceuk. The account said") == ["a social-media account"]


@pytest.mark.parametrize("text", ["tel: 7946 0000", "Tel. 79460000", "mobile: 794 6000 after six"])
def test_a_local_number_after_its_label_is_personal_data(text: str) -> None:
    """Without its area code a London number is eight digits: after "tel" it passed."""
    assert personal_data_in(text) == ["a phone number"]


@pytest.mark.parametrize("text", ["phone: 1,200 calls a day", "the phone 2019 survey"])
def test_other_numbers_after_a_phone_label_are_no_local_number(text: str) -> None:
    assert personal_data_in(text) == []

@pytest.mark.parametrize("text", ["sent by email to staff at ofsted.gov.uk", "contact by e-mail at nspcc.org.uk",
                                  "email us at nspcc.org.uk",
                                  "the copy at aol.co.uk", "published at gov.uk by email"])
def test_a_plain_at_near_the_word_email_is_no_address_by_itself(text: str) -> None:
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["ask jdoe&#64;example.org", "ask jdoe&#x40;example.org",
                                  "ask jdoe&commat;example.org", "ask jdoe%40example.org",
                                  "call 020&#32;7946&#32;0000"])
def test_a_character_reference_or_percent_escape_is_read_as_the_character(text: str) -> None:
    """Text copied from a page's source or a link keeps "&#64;" or "%40": a reader decodes it at a glance, and the
    check passed it."""
    assert personal_data_in(text) in (["an e-mail address"], ["a phone number"])


def test_a_record_field_with_an_escaped_address_is_refused() -> None:
    """The same through the check every loader calls: the field is named, the value is not."""
    problems = Problems()
    check_personal_data({"note": "ask jdoe&#64;example.org"}, ["note"], "claims.yaml", 3, problems)
    assert [str(p) for p in problems.items] == [
        "claims.yaml:3: note seems to contain an e-mail address; the project holds no personal data"]


@pytest.mark.parametrize("text", ["Children &amp; families: 56% more", "up 100%, a rise", "R&D at 3.5%"])
def test_ampersands_and_per_cents_are_still_clean(text: str) -> None:
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["call 07 700 900 123", "call 077009 00123", "call 0 20 7946 0000",
                                  "call 020 79 46 00 00", "call 07700 90 01 23", "call (0)20 79 46 00 00"])
def test_a_uk_phone_number_in_any_grouping_is_personal_data(text: str) -> None:
    """Only 3-4-4, 4-3-4, 5-3-3 and 5-6 groupings were read: the same eleven digits grouped otherwise passed."""
    assert personal_data_in(text) == ["a phone number"]


@pytest.mark.parametrize("text", ["NHS number 943 4765 919", "NHS 94 34 76 59 19", "NHS 9434-765-919"])
def test_an_nhs_number_in_any_grouping_is_personal_data(text: str) -> None:
    """943 476 5919 has a valid check digit (NHS Digital's modulus 11); grouped other than 3-3-4 it passed."""
    assert personal_data_in(text) == ["an NHS number"]


@pytest.mark.parametrize("text", ["a rate of 33.33333333", "0.5 0.7 1.2 3.4 5.6",
                                  "in 2015 16 2016 17 2017 18", "1 200 and 1 300"])
def test_other_runs_of_digits_are_no_phone_or_nhs_number(text: str) -> None:
    """A failed check digit, a decimal, a list of decimals, a longer run of figures and school years stay figures."""
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["children born on 1 September 2010 or later", "born 1 September 2010 onwards",
                                  "pupils born on 1 September, 2010 or after", "born on 31 August or earlier"])
def test_a_cohort_whose_bound_follows_its_date_is_no_date_of_birth(text: str) -> None:
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["she was born at Royal Oldham Hospital on 12/03/2009",
                                  "born at St Mary's Hospital, London, on 12 March 2009",
                                  "born in the United Kingdom on 12 March 2009"])
def test_a_birth_date_after_on_further_from_born_is_personal_data(text: str) -> None:
    """Only 20 characters could stand between "born" and the date: a place of birth between them hid it."""
    assert personal_data_in(text) == ["a date of birth"]


@pytest.mark.parametrize("text", ["children born in 2010 were counted in the survey released on 12 March 2024",
                                  "live births: babies born in England and Wales, released on 12 March 2024",
                                  "babies born in England and Wales in 2023, published 12 March 2024"])
def test_a_date_in_another_clause_after_born_is_no_date_of_birth(text: str) -> None:
    assert personal_data_in(text) == []

@pytest.mark.parametrize("text", ["she was born on 12 March 2009 and later moved", "born 12/03/2009, then later"])
def test_a_birthday_followed_by_a_story_is_still_personal_data(text: str) -> None:
    """Only "or later", "or after", "or earlier", "or before" and "onwards" bound a cohort; "and later" tells a life."""
    assert personal_data_in(text) == ["a date of birth"]


@pytest.mark.parametrize("text", ["Home Office, 2015-03-12", "Casey Review (2025-06-16)", "London Assembly, 13/02/2025",
                                  "See Hansard, 2025-06-16 debate", "Metropolitan Police Service, 2025-02-13",
                                  "National Crime Agency, 12/03/2015"])
def test_a_body_or_a_document_cited_with_its_date_is_no_date_of_birth(text: str) -> None:
    """Two capitalised words then a date read as a name and a birth date: a note citing a document by its date,
    as this record's notes do, was refused."""
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["Mohammed Al-Rashid, 12/03/1980", "Jean-Paul O'Neil, 12/03/1980",
                                  "Ian McDonald (12/03/1980)", "John A. Smith (12/03/2009)"])
def test_a_name_with_a_hyphen_an_apostrophe_or_an_inner_capital_before_a_date_is_a_date_of_birth(text: str) -> None:
    assert personal_data_in(text) == ["a date of birth"]

# --- a range whose ends carry their unit; two numbers joined by a slash ---------------------------------------------

def _read(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    found, others = [], []
    for sentence in sentences(text):
        figures, left = find_figures(sentence)
        found += [f.text for f in figures]
        others += [(x.text, x.kind) for x in left]
    return found, others


@pytest.mark.parametrize(("text", "left"), [
    ("Between 10%\u201320% of children were seen.", ("10%\u201320%", "range")),  # read as the figure 10%
    ("A rise of 56%-60% was seen.", ("56%-60%", "range")),  # read as 56%, "-60%" shown after it
])
def test_a_range_whose_ends_carry_their_unit_is_a_range(text: str, left: tuple[str, str]) -> None:
    assert _read(text) == ([], [left])


@pytest.mark.parametrize(("text", "left"), [
    ("A ratio of 3/4 of cases were girls.", "3/4"),
    ("Boys and girls: 56%/44% of cases.", "56%/44%"),
    ("About 1,200/1,500 cases were open.", "1,200/1,500"),
])
def test_scan_reports_two_numbers_joined_by_a_slash_as_not_read(text: str, left: str) -> None:
    """Both numbers were "not read by the parser", listed only with --all, and scan exited 0: a statistic a reader
    sees was gone from the fact-check without a word."""
    assert scan_text(text, DEFAULT)["not_read"] == [
        f"paragraph 1: {left!r} is a fraction or pair, not one figure the record can hold: check it by hand"]


@pytest.mark.parametrize("text", ["Support is available 24/7 to all.", "In 2019/20 there were no cases.",
                                  "On 12/03/2020 they met."])
def test_an_idiom_a_financial_year_or_a_date_with_a_slash_is_no_pair(text: str) -> None:
    assert scan_text(text, DEFAULT)["not_read"] == []


@pytest.mark.parametrize(("value", "quote"), [("20%", "between 10%\u201320% of children"),
                                              ("10%", "between 10%\u201320% of children"),
                                              ("£1.2m", "£1.1m\u2013£1.2m was spent"),
                                              ("1.1m", "£1.1m-£1.2m was spent")])
def test_the_end_of_a_range_with_its_unit_is_not_printed_alone(value: str, quote: str) -> None:
    """The guards looked only at the characters beside the value: a "%" or "m" between its digits and the dash hid
    the range, so "20%" passed as printed in "10%–20%" (round 12 closed "10–20%")."""
    assert not contains_printed(value, quote)


@pytest.mark.parametrize(("value", "quote"), [("56%", "rose 56%-the most in years"), ("1,200", "a 1,200-strong unit"),
                                              ("1,200", "in 2016 \u2013 1,200 cases"), ("£1,200", "-£1,200 net")])
def test_a_value_beside_a_dash_that_joins_no_number_is_printed(value: str, quote: str) -> None:
    """A dash before a word, a spaced dash (a clause break, as scan reads it) and a sign stay as they were."""
    assert contains_printed(value, quote)


@pytest.mark.parametrize(("text", "kind"), [("Call 07 712 345 678 now.", "phone number"),
                                            ("Her number is 94 34 76 59 19 today.", "NHS number"),
                                            ("Call 020 79 46 11 22 now.", "phone number")])
def test_scan_leaves_out_a_number_in_an_unusual_grouping_as_the_record_does(text: str, kind: str) -> None:
    """scan looks for each kind only where it may be: with the record's wider patterns and scan's old shortcuts
    (a hand-written pattern per kind), "07 712 345 678" was read as the figures 712, 345 and 678."""
    found, left = _read(text)
    assert found == [] and [k for _, k in left] == [kind]


@pytest.mark.parametrize(("text", "left"), [("There were 1 200 cases.", "1 200"),
                                            ("Some 5 000 000 pounds were spent.", "5 000 000")])
def test_scan_reports_digits_grouped_by_spaces_as_not_read(text: str, left: str) -> None:
    """"1 200 cases" was read as the figures 1 and 200: "200 cases", a figure the article never printed."""
    assert scan_text(text, DEFAULT)["not_read"] == [
        f"paragraph 1: {left!r} is a number with spaces between its digit groups, not one figure the record can "
        "hold: check it by hand"]


@pytest.mark.parametrize(("text", "figures"), [("In 2019 200 cases were seen.", ["200"]),
                                               ("Of the 374 cases, 278 were poor.", ["374", "278"])])
def test_a_year_or_a_comma_beside_a_number_is_no_spaced_group(text: str, figures: list[str]) -> None:
    assert _read(text)[0] == figures


def test_the_scan_summary_counts_one_as_one() -> None:
    """It read "1 figures found" and "1 registered claims checked"."""
    from analysis.factcheck.scan import summary

    result = scan_text("There were 1,200 cases.", DEFAULT)
    assert summary(result).startswith("scan: 1 figure found, ")
