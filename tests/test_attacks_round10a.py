"""Issue 24, round ten (a): a fresh attack on classes 1 (no markup from the record runs anywhere) and 4 (one reading
of characters), aimed at round nine's code, with inputs no earlier suite uses. Each case here got through before its
fix; what a reader saw is in each docstring. What held, and the false alarms left by decision, are in the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.paths import Paths
from analysis.record.hygiene import text_problem
from analysis.record.problems import Problems
from analysis.record.safeguarding import personal_data_in
from tests.conftest import GOOD_ROW, write_figures
from tests.test_validation import problems_for

# --- class 4: what the one scan of a record's fields reads ------------------------------------------------------


def test_a_web_address_ending_one_field_does_not_hide_the_start_of_the_next(mini: Paths) -> None:
    """The fields of a row were scanned as one text joined by NUL, which a web address runs on through: a quote
    ending in a link swallowed the caveat's first word, so a caveat starting with a phone number passed `validate`
    (alone, the caveat is refused)."""
    row = {**GOOD_ROW, "quote": "In 2016 there were 1,582 referrals, https://example.org/report",
           "caveat": "020-7946-0000 is the desk's number."}
    write_figures(mini.figures_dir / "demo-2017.csv", [row])
    assert any("caveat seems to contain a phone number" in p for p in problems_for(mini))


def test_a_number_yaml_reads_as_a_number_is_checked_for_personal_data(tmp_path: Path) -> None:
    """An unquoted NHS number in gaps.yaml is an int to YAML: it was never scanned, and the build wrote it into the
    gaps table as text."""
    from analysis.record.gaps import load_gaps

    paths = Paths(tmp_path)
    paths.raw.mkdir(parents=True)
    paths.gaps_yaml.write_text("- id: g\n  wanted: referrals in 2019\n  cited_by: x\n  where_looked: [the report, "
                               "9434765919]\n  holder: 9434765919\n  reason: not published\n", encoding="utf-8")
    problems = Problems()
    load_gaps(paths, problems)
    assert sorted(p.message.split(";")[0] for p in problems.items) == ["holder seems to contain an NHS number",
                                                                      "where_looked seems to contain an NHS number"]


# --- class 4: characters read as "-", "@" or "." that no rule read ----------------------------------------------

LOOK_ALIKES = [
    ("call 020\u25007946\u25000000", "a phone number"),  # box drawing's light horizontal, as a pasted table draws it
    ("call 020\u25017946\u25010000", "a phone number"),  # and the heavy one
    ("call 020\u23af7946\u23af0000", "a phone number"),  # horizontal line extension
    ("call 020\u23bd7946\u23bd0000", "a phone number"),  # horizontal scan line-9, an underscore to a reader
    ("call 020\u02cd7946\u02cd0000", "a phone number"),  # modifier letter low macron, likewise
    ("NHS 943\u2500476\u25005919", "an NHS number"),
    ("lives at SW1A\u02c91AA", "a UK postcode"),  # modifier letter macron
    ("write to jane\u24d0example.com", "an e-mail address"),  # a circled a: NFKC made it the letter "a"
    ("write to jane \u24b6 example.com", "an e-mail address"),
    ("write to jane@example\u02d9com", "an e-mail address"),  # the spacing dot above: NFKC made it a space
    ("call 020 7946 0000x12", "a phone number"),  # an extension written on: the word boundary hid the number
    ("call 07700 900123ext 4", "a phone number"),
]


@pytest.mark.parametrize(("text", "kind"), LOOK_ALIKES)
def test_personal_data_written_with_a_line_a_circled_a_or_an_extension_is_found(text: str, kind: str) -> None:
    assert text_problem(text) is None  # the text rules let it in: only this check stands in its way
    assert personal_data_in(text) == [kind]


@pytest.mark.parametrize("text", ["costs \u00a35 \u2500 \u00a310 in 2017 \u2500 2018",
                                  "rates of 1.2 \u23af 3.4 per 1,000", "a \u2500\u2500\u2500 rule under 2,060 cases"])
def test_lines_between_the_record_s_own_figures_are_not_personal_data(text: str) -> None:
    assert personal_data_in(text) == []


# --- class 4: a mark between two digits read as a decimal point or a thousands separator --------------------------


@pytest.mark.parametrize(("quote", "value", "char"), [
    ("In 2016 referrals rose by 18\u00b76 per cent.", "6 per cent", "\u00b7"),  # the British decimal point
    ("In 2016 there were 1\u201a582 referrals.", "582", "\u201a"),  # a low-9 quotation mark, drawn as a comma
    ("In 2016 there were 1\u200a582 referrals.", "582", "\u200a"),  # a hair space
    ("In 2016 referrals rose by 18\uff0e6 per cent.", "6 per cent", "\uff0e"),  # a full-width full stop
])
def test_a_number_split_by_a_look_alike_separator_is_refused_in_the_record(mini: Paths, quote: str, value: str,
                                                                          char: str) -> None:
    """The figure "6 per cent" passed validation with a quote saying "rose by 18·6 per cent" (the check that the
    quote holds the value read "18·" as another word): a wrong number entered the record."""
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "quote": quote, "value_as_printed": value,
                                                        "unit": "percent" if "cent" in value else "referrals"}])
    assert any(f"quote is refused: a number must be written with the digits 0-9 only (found {char!r}" in p
               for p in problems_for(mini))


def test_scan_finds_no_figure_in_a_number_split_by_a_look_alike_separator() -> None:
    """scan found the figures 18 and "6 per cent" in "rose by 18·6 per cent" (and 1 and 582 in "1‚582"), one of
    them matched to the record as "in the record"; such a number is now left out as unread, as the record refuses it."""
    from analysis.factcheck.scan_find import find_figures
    from analysis.factcheck.scan_text import sentences, to_text

    text = "Referrals rose by 18\u00b76 per cent, 1\u201a582 in all, and 2,060 cases \u00b7 in 2016."
    assert [f.text for s in sentences(to_text(text)) for f in find_figures(s)[0]] == ["2,060"]


# --- class 4: false alarms on what reporters transcribe -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    # Statista's text on a dataset page found with the `search` tool (corpus pages), as printed.
    "London has a significant lead in the ranking as there are 1078 more people per km\u00b2 than in Bristol.",
    "Leeds, at 687 people per km\u00b2, is the least densely populated city on the list.",
])
def test_a_unit_s_power_is_not_a_number_written_with_other_digits(text: str) -> None:
    """"per km²" was refused as "a number must be written with the digits 0-9 only (found '²')"."""
    assert text_problem(text) is None


@pytest.mark.parametrize("text", ["There were 1,200\u00b2 offences.", "a 3\u00b24 rise", "area 5 km\u00b2\u00b3"])
def test_a_superscript_in_a_number_is_still_refused(text: str) -> None:
    assert "a number must be written with the digits 0-9 only" in (text_problem(text) or "")


def test_scan_reads_no_number_touching_a_private_use_character() -> None:
    """A PDF's symbol-font dot pasted as U+F0B7 (private use) in "18\\uf0b76 per cent" was read by scan as the figures
    18 and 6 per cent; the record refuses the character (`text_problem`), so scan now leaves the number unread."""
    from analysis.factcheck.scan_find import find_figures
    from analysis.factcheck.scan_text import sentences, to_text

    text = "Referrals rose 18\uf0b76 per cent, 1\ue000737 in all, and 2,060 cases."
    assert [f.text for s in sentences(to_text(text)) for f in find_figures(s)[0]] == ["2,060"]


@pytest.mark.parametrize("text", ["Of children born in 2010, 1 in 5 may have been abused.",
                                  "Of every 100 babies born, 12 may need support from children's services."])
def test_the_verb_may_after_a_number_near_born_is_no_birthday(text: str) -> None:
    """A statistic about a birth cohort was refused as "a date of birth": "born … 5 may" read as the 5th of May."""
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["born 12 May", "born on the 12th of May", "born May 12th", "born 12 may 2009"])
def test_a_birthday_in_may_is_still_found(text: str) -> None:
    assert personal_data_in(text) == ["a date of birth"]


@pytest.mark.parametrize("number", ["020\u20137946\u20130000", "020\u25007946\u25000000", "020\u02d77946\u02d70000"])
def test_scan_leaves_out_a_phone_number_written_with_look_alike_dashes(number: str) -> None:
    """scan searched an article for phone numbers as written, not as the record's check reads them: in "Call
    020–7946–0000" (en dashes) it left out 020 and 0000 as unreadable and reported 7946 as a figure."""
    from analysis.factcheck.scan_find import find_figures
    from analysis.factcheck.scan_text import sentences, to_text

    found, left = zip(*(find_figures(s) for s in sentences(to_text(f"Call {number} for help; 1,200 were referred."))),
                      strict=True)
    assert [f.text for fs in found for f in fs] == ["1,200"]
    assert [(x.text, x.kind) for xs in left for x in xs] == [(number, "phone number")]  # as printed (round 11)
