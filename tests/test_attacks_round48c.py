"""Round 48, helper c: a raw row a transcriber could plausibly write that validates but publishes something wrong
(classes 4 and 5): a value typed without the bound or approximation its quote prints, in the words the last round
left out ("over", "some", "roughly", "approximately") or after the value ("1,200 or more")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import refusal

# --- a value typed without the bound or approximation its quote prints ---------------------------------------------

MIRROR = "figures/mirror-2025-12-09-inquiry-chair-copy.csv"
PA = "figures/pa-2025-10-26-met-review.csv"
MIRROR_ROW = ',"more than 1,200",cases,Para 4,"Ms Mahmood told MPs that more than 1,200 cases have already'


@pytest.mark.parametrize("printed", ["over 1,200 cases", "well over 1,200 cases", "roughly 1,200 cases",
                                     "some 1,200 cases", "1,200 or more cases", "in the region of 1,200 cases"])
def test_a_value_without_the_bound_its_quote_prints_in_any_words_is_refused(tmp_path: Path, printed: str) -> None:
    """The Mirror's Home Secretary figure typed "1,200" with its quote printing "over 1,200 cases" (or "well over",
    "roughly", "some", "1,200 or more") passed validate: the two-1,200s chart was titled "'1,200' national cases and
    the Met's 1,200 cannot be added" and the national chart drew its December point exact, exit 0. Only "more
    than", "almost", "nearly" and the other bounds of more than one word were read."""
    said = refusal(tmp_path, (MIRROR, MIRROR_ROW,
                              f',"1,200",cases,Para 4,"Ms Mahmood told MPs that {printed} have already'))
    assert 'quote does not contain "1,200"' in said, said


def test_a_value_without_the_approximation_its_quote_prints_is_refused(tmp_path: Path) -> None:
    """PA's Met spokesperson ("a review of approximately 9,000 cases") with the value typed "9,000" passed: the
    funnel chart's alt text read "Cases found: 9,000", its note "2,200 of 9,000" and its CSV printed "9,000", an
    exact count the spokesperson did not give, exit 0."""
    said = refusal(tmp_path, (PA, ',"approximately 9,000",cases,', ',"9,000",cases,'))
    assert 'quote does not contain "9,000"' in said, said


@pytest.mark.parametrize(("value", "quote"), [
    ("1,200", "over 1,200 cases"), ("1,200", "well over 1,200 cases"), ("1,200", "some 1,200 cases"),
    ("1,200", "roughly 1,200"), ("1,200", "approximately 1,200"), ("1,200", "c. 1,200 cases"),
    ("1,200", "around 1,200"), ("1,200", "1,200 or more cases"), ("1,200", "1,200 or so"),
    ("1,200", "1,200 and over"), ("£1.2m", "£1.2m or less"), ("three", "under three years"),
    ("three", "up to three years"), ("1,200", "exceeded 1,200"), ("around 1,200", "approximately 1,200 or more"),
    ("1,200", "1,200 approx."), ("1,200", "1,200 and rising"), ("1,200", "1,200 at least."),
    ("1,200", "1,200 or thereabouts"), ("eleven", "eleven or more"),
])
def test_the_quote_check_reads_every_bound_around_the_value(value: str, quote: str) -> None:
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)


@pytest.mark.parametrize(("value", "quote"), [
    ("three", "lead the inquiry over three years"), ("some 15", "going back some 15 years"),
    ("63.7 million", "was estimated to be 63.7 million"), ("462,000", "An estimated 462,000 people"),
    ("9,000", "The Met was asked about 9,000 cases"), ("approximately 9,000", "approximately 9,000 cases"),
    ("over 1,200", "over 1,200 cases"), ("1,200", "The count, 1,200, or more"), ("around 107,000", "around 107,000"),
    ("1,200", "etc. 1,200 cases"), ("two", "any case with two or more suspects"), ("10", "10 or more"),
    ("12", "12 at most forces"),
])
def test_a_value_printed_with_its_own_words_or_an_estimates_is_found(value: str, quote: str) -> None:
    """The guard: "over" before a span of time is a preposition ("over three years", a real row), "about" is one as
    often, an estimate's wording is transcribed as the estimate (the ONS's mid-year totals), a number up to ten
    before "or more" is a definition's threshold (as scan reads it), and a value typed with its own qualifier is
    found."""
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


@pytest.mark.parametrize("text", ["1,200 or more", "1,200 and over", "1,200 or so", "1,200 approx.",
                                  "1,200 or thereabouts", "1,200 or fewer"])
def test_scan_lists_what_the_quote_check_refuses_after_a_value(text: str) -> None:
    """One reading of a bound printed after a value: scan lists it as a number no figure form reads, and the quote
    check finds no bare 1,200 there (both read the words from `vocabulary`)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.figures import contains_printed

    result = scan_text(f"There were {text} cases in the review.", DEFAULT)
    assert result["figures"] == [] and len(result["not_read"]) == 1, result["not_read"]
    assert not contains_printed("1,200", f"There were {text} cases in the review.")


# --- a figure's place smaller than every place its quote prints ----------------------------------------------------

ICEBERG = "figures/csacentre-infographics-2019-20-iceberg.csv"
ICEBERG_PLACE = "recorded by the police,England and Wales,2019-04-01"


@pytest.mark.parametrize(("typed", "space"), [("England", " "), ("London", " "), ("England", "\u00a0")])
def test_a_place_smaller_than_the_one_its_quote_prints_is_refused(tmp_path: Path, typed: str, space: str) -> None:
    """The CSA Centre's "87,992 identifiable child sexual abuse offences recorded by the police in England and
    Wales" typed with geography "England" (a cell cut short, or a spreadsheet's suggestion taken) or "London" (the
    row above copied) passed validate, both being places of the record: the recorded-vs-estimated chart dropped the
    CSA Centre's whole row (its 87,992 offences and its 500,000 children; credit, notes, alt text and CSV then named
    only the NPCC), exit 0. A quote copied from the page with a no-break space in "England and Wales" is read as
    the quote check reads it."""
    said = refusal(tmp_path, (ICEBERG, ICEBERG_PLACE, f"recorded by the police,{typed},2019-04-01"),
                   (ICEBERG, "by the police in England and Wales.", f"by the police in England and{space}Wales."))
    assert f"geography '{typed}' is not the place the quote prints ('England and Wales')" in said, said


@pytest.mark.parametrize(("geography", "quote"), [
    ("England and Wales", "the case-study areas included London and Tower Hamlets"),
    ("England and Wales", "Ealing recorded the most"), ("London", "NHS England says 24,000 adults a year"),
    ("London", "618 crimes were flagged"), ("England", "in England, 402,400 children were in need"),
    ("Westminster", "in Westminster"), ("United Kingdom", "in England and Wales and in the UK"),
])
def test_a_place_the_quote_prints_as_context_or_not_at_all_passes(geography: str, quote: str) -> None:
    """The guard: a quote printing a smaller place than the figure's own (IICSA's case-study areas for England and
    Wales), a body named after a place, or no place at all, says nothing against the figure's place."""
    from analysis.record.places import larger_place_quoted

    assert larger_place_quoted(geography, quote) is None


def test_every_place_within_another_for_comparability_is_smaller_by_the_places_rank() -> None:
    """The places' sizes agree with the comparability rule's places within places."""
    from analysis.record.places import larger_place_quoted
    from analysis.tables.comparability import WITHIN

    for place, larger in WITHIN.items():
        for whole in larger:
            assert larger_place_quoted(place, f"in {whole}") == whole
