"""Round 49, helper c: a raw row a transcriber could plausibly write that validates but publishes something wrong
(classes 4 and 5), with inputs earlier rounds did not try, each read as scan reads the same words: a bound printed as
a sign or after the words a value counts ("~1,200 cases", ">1,200", "1,200 cases at the very least."), one end of a
range in words ("maybe 1,000 or 1,200"), a value the quote denies ("1,300 rather than 1,200"), the other end of "278
of 374" typed for the part, a claim's part from another inspection or a gap closed by another year's figure, a period
other than the year the quote gives the value ("2,060 in 2015" typed 2016, a table's 2021 column typed 2022, "In
2022/23" typed as the calendar year, "at 31 March 2015" typed as a year), a change's period spanning other years
than its quote ("since 2016" typed as one year), a unit of another kind than the quote counts ("1,737 referrals"
typed as children), a count typed with a rate's unit, a difference ("134 more suspects") typed under a level's
measure, and a place larger than the one the quote gives the value ("1,600 children in London" typed England and
Wales). Each validated, and a chart, a verdict, a table or scan's answer then said what the quote does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import raw_copy, refusal

# --- a bound printed as a sign, or after the words the value counts -------------------------------------------------

MIRROR = "figures/mirror-2025-12-09-inquiry-chair-copy.csv"
MIRROR_ROW = ',"more than 1,200",cases,Para 4,"Ms Mahmood told MPs that more than 1,200 cases have already'


@pytest.mark.parametrize("printed", ["~1,200 cases", ">1,200 cases", "≈ 1,200 cases", "≥1,200 cases",
                                     "1,200 cases, at the very least,", "1,200 (approx.) cases"])
def test_a_value_without_the_bound_its_quote_prints_as_a_sign_is_refused(tmp_path: Path, printed: str) -> None:
    """The Mirror's Home Secretary figure typed "1,200" with its quote printing ">1,200 cases" (or "~1,200", "≈
    1,200", "≥1,200", as a table, a slide or a post prints a bound, or "1,200 cases, at the very least,", "1,200
    (approx.)") passed validate; built and drawn, the two-1,200s chart drew the national 1,200 as exact ("exact" in
    its data file) under the title "'1,200' national cases and the Met's 1,200 cannot be added", exit 0. Scan lists
    each as a number with a qualifier no figure form reads; the quote check read only words before the value and a
    few after it."""
    said = refusal(tmp_path, (MIRROR, MIRROR_ROW,
                              f',"1,200",cases,Para 4,"Ms Mahmood told MPs that {printed} have already'))
    assert 'quote does not contain "1,200"' in said, said


@pytest.mark.parametrize("text", ["~1,200", "≈1,200", "> 1,200", "<1,200", ">= 1,200", "1,200, at the very least,",
                                  "1,200 (approximately)", "1,200 cases or more were", "1,200 victims, if not more,",
                                  "1,200 cases at least were"])
def test_scan_lists_what_the_quote_check_refuses_as_a_sign_or_after_the_words(text: str) -> None:
    """One reading of a bound: scan lists it as a number no figure form reads, and the quote check finds no bare
    1,200 there (both read the signs and words from `vocabulary`)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.figures import contains_printed

    sentence = f"There were {text} found in the review."
    result = scan_text(sentence, DEFAULT)
    assert result["figures"] == [] and len(result["not_read"]) == 1, result["not_read"]
    assert not contains_printed("1,200", sentence)


@pytest.mark.parametrize(("value", "quote"), [
    ("1,200", "1,200 cases were found"), ("1,200", "1,200 cases, police said."), ("two", "two suspects or more."),
    ("1,200", "1,200 (est.) cases"), ("1,200", "at least 1,200 cases or 1,200"), ("12", "12 at most forces"),
    ("1,200", "1,200 odd cases"),
])
def test_a_value_printed_without_a_bound_beside_it_is_found(value: str, quote: str) -> None:
    """The guard: a value followed by its counted words and a verb, a threshold's "or more", an estimate's mark
    (transcribed as the estimate, as "an estimated 1,200" is), "at most" before a noun, and "odd" before one (as scan
    reads them) leave the value printed."""
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


# --- one printing read as two figures ----------------------------------------------------------------------------

PA_2016 = "figures/aol-2016-11-24-hmic-ncpi-mps.csv"
PA_PART = "(combined figure as printed),London,2016-11-24,2016-11-24,{},"
GB_NEWS = "figures/gbnews-2025-11-13.csv"
GB_NEWS_REVIEWED = 'by the date of the remarks",London,2025-11-13,2025-11-13,"{}"'


def test_the_other_end_of_x_of_y_typed_for_the_part_is_refused(tmp_path: Path) -> None:
    """PA's "A review of 374 cases found 278, or three quarters" with the inadequate-or-improvement count typed 374
    (the number the cases examined read from the same quote) passed validate; built and checked, the fact-check
    judged PA's real claim "three quarters" inaccurate (374 of 374), exit 0. The parts-of-examined check let a part
    equal its whole."""
    said = refusal(tmp_path, (PA_2016, PA_PART.format("278"), PA_PART.format("374")))
    assert "reads the '374' its quote prints once, as 'aol-2016-11-24-hmic-ncpi-mps/cases-examined'" in said, said


def test_the_whole_of_a_funnel_typed_for_a_stage_is_refused(tmp_path: Path) -> None:
    """GB News's "the 9,000 cases … upon a further review of 2,200 of them, just 1,200 remained" with the cases
    reviewed further typed 9,000: the funnel would say every case found was reviewed."""
    said = refusal(tmp_path, (GB_NEWS, GB_NEWS_REVIEWED.format("2,200"), GB_NEWS_REVIEWED.format("9,000")))
    assert "reads the '9,000' its quote prints once, as 'gbnews-2025-11-13/met-cases-found'" in said, said


def test_a_value_a_quote_prints_twice_may_be_two_figures() -> None:
    """The guard: the Met's "36 … due to start" and "36 … in post" read the two 36s of one quote, and the record as
    it is validates."""
    from analysis.paths import DEFAULT
    from analysis.run.build import load_raw

    met = "met-2024-02-09-response-hmicfrs-exploitation/"
    read = [f for f in load_raw(DEFAULT).figures if f["figure_id"].startswith(met) and f["value_as_printed"] == "36"]
    assert len(read) == 2


# --- a claim's part from another period than its whole --------------------------------------------------------------

CLAIM_PART = "    part: aol-2016-11-24-hmic-ncpi-mps/cases-ri-or-inadequate"


def test_a_claims_part_from_another_inspection_is_refused(tmp_path: Path) -> None:
    """PA's "A review of 374 cases found 278, or three quarters" registered with its part given as the 2018
    inspection's 191 (an id picked from the claim below) passed validate; the fact-check's working read "191 / 374
    = 51.07%" and judged the claim inaccurate, exit 0, on a sentence that prints neither 191 nor 2018. A share's
    part and whole were compared by kind of number and place, never by period."""
    said = refusal(tmp_path, ("claims.yaml", CLAIM_PART,
                              "    part: careappointments-2018-02-22-hmicfrs-ncpi-mps-q4/cases-ri-or-inadequate"))
    assert "a part from another period than its whole (2018-02-22 to 2018-02-22, of 2016-11-24" in said, said


def test_copies_of_one_report_dated_days_apart_are_one_moment() -> None:
    """The guard: two copies of one report, each dated by its own day (an embargoed story the evening before), give
    a share; a year's part of a year's whole does too."""
    from analysis.tables.comparability import share_problem

    def row(start: str, end: str, value: str) -> dict[str, str]:
        return {"period_start": start, "period_end": end, "value_as_printed": value, "unit": "cases",
                "geography": "London", "measure": "cases"}

    assert share_problem(row("2016-11-24", "2016-11-24", "278"), row("2016-11-25", "2016-11-25", "374")) is None
    assert share_problem(row("2023-01-01", "2023-12-31", "717"), row("2023-01-01", "2023-12-31", "4,228")) is None
    assert share_problem(row("2023-01-01", "2023-12-31", "717"), row("2021-01-01", "2021-12-31", "4,228"))


# --- a period other than the year the quote gives the value ---------------------------------------------------------

STANDARD = "figures/standard-2016-cse-referrals.csv"
STANDARD_2015 = 'to the Met,London,{0}-01-01,{0}-12-31,"2,060"'
DFE = "figures/dfe-cin-2025.csv"
DFE_2021 = 'England,{0}-03-31,{0}-03-31,"388,490"'


def test_a_period_other_than_the_year_its_quote_gives_is_refused(tmp_path: Path) -> None:
    """The Standard's "1,737 referrals which jumped to 2,060 in 2015" with the 2,060's period typed 2016 (the next
    row's dates, or a year slipped) passed validate; built and drawn, the Met series chart's data file gave 2,060
    referrals for 2016 and none for 2015, exit 0."""
    said = refusal(tmp_path, (STANDARD, STANDARD_2015.format(2015), STANDARD_2015.format(2016)))
    assert "period 2016-01-01 to 2016-12-31 does not hold 2015, the year the quote gives the value" in said, said


def test_a_table_cell_typed_with_another_columns_year_is_refused(tmp_path: Path) -> None:
    """DfE's "Number | 2021 | 388,490" typed with the period 2022-03-31 passed validate: the record then held two
    counts of children in need for 31 March 2022 from one table (388,490 and 404,310)."""
    said = refusal(tmp_path, (DFE, DFE_2021.format(2021), DFE_2021.format(2022)))
    assert "period 2022-03-31 to 2022-03-31 does not hold 2021" in said, said


@pytest.mark.parametrize(("printed", "quote", "years"), [
    ("922", "from 618 in 2014 to 922 in 2016.", (2016, 2016)),
    ("618", "from 618 in 2014 to 922 in 2016.", (2014, 2014)),
    ("397,600", "There were 391,000 children in need at 31 March 2015, a decrease of 2% from 397,600 last year.",
     (2014, 2014)),
    ("4,228", "In 2023, there were 4,228 group-based offences", (2023, 2023)),
    ("2,190", "2,190 children, a 26% fall since 2016", (2024, 2025)),
    ("388,490", "Number | 2021 | 388,490", (2021, 2021)),
    ("30,970", "fell by 8%, from 33,760 to 30,970, the lowest level since the pandemic year of 2020-21.", (2023, 2024)),
])
def test_a_quote_naming_other_years_than_the_values_passes(printed: str, quote: str,
                                                              years: tuple[int, int]) -> None:
    """The guard: a year the quote gives another value, a year a change is counted from, a year the sentence opens
    with that is the value's, and a table's column of the value's year say nothing against its period."""
    from analysis.record.figures import _other_year

    assert _other_year(printed, quote, range(years[0], years[1] + 1)) is None


def test_scan_and_the_quote_check_give_a_value_one_year() -> None:
    """One reading of a figure's year: scan offers the 2015 referrals for "2,060 in 2015", as the quote check reads
    that quote's year (both from `record.years`)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.figures import _other_year

    result = scan_text("Referrals to the Met jumped to 2,060 in 2015.", DEFAULT)
    [figure] = result["figures"]
    assert "standard-2016-cse-referrals/cse-referrals-2015" in str(figure), figure
    assert _other_year("2,060", "jumped to 2,060 in 2015.", range(2016, 2017)) == "2015"


# --- a unit that counts another kind of thing than the quote --------------------------------------------------------

STANDARD_FIRST_YEAR = '"1,737",{},Para 5'


@pytest.mark.parametrize("unit", ["children", "victims", "officers"])
def test_a_unit_of_another_kind_than_the_quote_counts_is_refused(tmp_path: Path, unit: str) -> None:
    """The Standard's "In the first year there were 1,737 referrals" typed with unit "children" (the headline's
    "nearly 4,000 children", which the row's own caveat says the referrals are not) passed validate; built and
    drawn, the Met series chart's alt text read "Referrals of suspected CSE: 2014 1,737 children, 2015 2,060
    referrals", and the fact-check judged the rise from 1,737 to 2,060 accurate, exit 0."""
    said = refusal(tmp_path, (STANDARD, STANDARD_FIRST_YEAR.format("referrals"), STANDARD_FIRST_YEAR.format(unit)))
    assert f"unit '{unit}' counts " in said and "but the quote counts 'referrals' (cases)" in said, said


@pytest.mark.parametrize(("printed", "quote", "unit"), [
    ("244", "examined 244 investigations into child exploitation", "cases"),
    ("1,273", "has received 1,273 referrals of cases from 23 police forces", "cases"),
    ("115,489", "3.7 per cent of all 115,489 child sexual abuse and exploitation crimes.", "crimes"),
    ("2,750", "supported over 2,750 young Londoners", "people"),
    ("922", "from 618 in 2014 to 922 in 2016.", "crimes"),
    ("three", "has closed the three areas of concern", "causes of concern"),
])
def test_a_unit_the_quote_words_otherwise_or_not_at_all_passes(printed: str, quote: str, unit: str) -> None:
    """The guard: a noun of the same kind (the outlet's wording), a word describing the next, a noun of no known kind
    and no noun at all say nothing against the unit (each a row of the record)."""
    from analysis.record.figures import _other_kind_counted

    assert _other_kind_counted(printed, quote, unit) is None


def test_scan_and_the_quote_check_read_a_counted_things_kind_one_way() -> None:
    """One reading of what a count counts: scan's kinds are the record's (`record.counted`)."""
    from analysis.factcheck import scan_subject
    from analysis.record import counted

    assert scan_subject.count_kinds is counted.count_kinds and scan_subject.counted_class is counted.counted_class


# --- a gap closed by a figure of another period; a count typed with a rate's unit ----------------------------------

GAP_PART = "    part: context-london-population-mid-2024"


def test_a_gap_closed_by_a_figure_of_another_year_is_refused(tmp_path: Path) -> None:
    """MyLondon's "home to 13 per cent of the UK's population" is judged against the UK's mid-2024 estimate, its part
    (London's mid-2024 population) a gap. Closed with the record's latest London figure, mid-2023 as first published
    (a news copy's 8.95 million, later revised), it passed validate; checked, the working read "8,950,000 /
    69,281,400 = 12.92%" and the verdict was "accurate", exit 0: one year's London over the next year's UK."""
    said = refusal(tmp_path, ("claims.yaml", GAP_PART,
                              "    part: thelondonweekly-2024-07-15-ons-mid-2023-copy/london-population-mid-2023"))
    assert "a part from another period than its whole (2023-06-30 to 2023-06-30, of 2024-06-30" in said, said


def test_a_count_typed_with_a_rates_unit_is_refused(tmp_path: Path) -> None:
    """DfE's "Number | 2020 | 389,260" typed with the Rate row's unit "per 10,000 children" passed validate and
    built: the figures table (and so the workbook and Datasette) held a rate of 389,260 children in need for every
    10,000 children, denominator 10,000, exit 0."""
    said = refusal(tmp_path, (DFE, '"389,260",children,', '"389,260","per 10,000 children",'))
    assert "a rate of '389,260' per 10,000 children is more than one for each of them" in said, said


@pytest.mark.parametrize(("printed", "unit"), [("330.1", "per 10,000 children"), ("2.77", "per 1,000 children"),
                                                ("1,200 per 1,000", "per 1,000 crimes")])
def test_a_rate_below_its_base_or_of_events_passes(printed: str, unit: str) -> None:
    """The guard: the record's rates, and a rate of something other than people, which may be above its base."""
    from analysis.record.figures import _more_than_one_each
    from analysis.record.printed import parse_printed
    from analysis.record.revisions import rate_base_from_unit

    parsed = parse_printed(printed)
    if parsed.unit == "count":
        import dataclasses
        parsed = dataclasses.replace(parsed, unit="rate", denominator=float(rate_base_from_unit(unit) or 0))
    assert not _more_than_one_each(parsed, unit)


# --- a change's period spanning other years than its quote gives it ------------------------------------------------

FAMILY_LAW = "figures/familylaw-2025-12-dfe-cin-csae.csv"
FAMILY_LAW_29 = 'lowest recorded level",England,{}-04-01,2025-03-31,29%'
MET_2017 = "figures/met-2017-03-13.csv"
MET_49 = 'London, 2014 to 2016",London,{}-01-01,2016-12-31,49 per cent'


def test_a_change_since_a_year_typed_over_one_year_is_refused(tmp_path: Path) -> None:
    """Family Law's "CSE assessments have fallen by 29% since 2016" typed with the release's own year (2024-04-01 to
    2025-03-31) passed validate and built: scan then answered "assessments fell by 29% year-on-year" with "29%
    (same) for 2024-04-01 to 2025-03-31 … since 2016", in the record, where on the record as it is the nine-year fall
    is "another definition (a change over 9 years, not 1)" (round 48a), exit 0."""
    said = refusal(tmp_path, (FAMILY_LAW, FAMILY_LAW_29.format(2015), FAMILY_LAW_29.format(2024)))
    assert "the quote counts the change since 2016, its period starts in 2024" in said, said


def test_a_change_between_two_years_typed_over_other_years_is_refused(tmp_path: Path) -> None:
    """The Met's "Between 2014 and 2016 there was a 49 per cent increase" typed from 2015: a change over one year
    where the quote gives two."""
    said = refusal(tmp_path, (MET_2017, MET_49.format(2014), MET_49.format(2015)))
    assert "the quote gives the change over 2 year(s), its period spans 1" in said, said


@pytest.mark.parametrize(("quote", "start", "end"), [
    ("a 26% fall since 2016", "2015-04-01", "2025-03-31"), ("a 26% fall since 2016", "2016-01-01", "2024-12-31"),
    ("a drop of 5.8% since 2022-23.", "2022-04-01", "2024-03-31"),
    ("an 8% year-on-year drop", "2022-04-01", "2024-03-31"), ("rose 49% between 2014 and 2016", "2014-01-01",
                                                              "2016-12-31"),
    ("a 56 per cent increase since September 2024", "2024-09-01", "2025-02-28"),
])
def test_a_change_over_the_years_its_quote_gives_passes(quote: str, start: str, end: str) -> None:
    """The guard: "since 2016" of a financial year's series starts in 2015-16, a financial year named whole, and the
    record's own wordings of one-year and two-year changes."""
    from analysis.record.years import span_problem

    assert span_problem({"measure": "change_x", "quote": quote, "period_start": start, "period_end": end}) is None


def test_scan_and_the_quote_check_read_a_changes_span_one_way() -> None:
    """One reading of a change's span: scan's are the record's (`record.years`)."""
    from analysis.factcheck import scan_subject
    from analysis.record import years

    assert scan_subject.span_named is years.span_named and scan_subject.span_of is years.span_of


# --- a difference typed under a level's measure ---------------------------------------------------------------------

PA_2025 = "figures/pa-2025-10-26-met-review.csv"
PA_ADDED = "additional-suspects-charged,{},"


def test_a_difference_typed_under_a_levels_measure_is_refused(tmp_path: Path) -> None:
    """PA's "the Met said it had … charged 134 more suspects" typed with measure `cse_suspects_charged` (the
    suffix `_increase` left off) passed validate and built: the figures table, the workbook and Datasette gave 134
    as the Met's count of suspects charged, a level the Met never printed, exit 0."""
    said = refusal(tmp_path, (PA_2025, PA_ADDED.format("cse_suspects_charged_increase"),
                              PA_ADDED.format("cse_suspects_charged")))
    assert "the quote gives '134' as a difference ('more'), but measure 'cse_suspects_charged' is a level" in said


@pytest.mark.parametrize(("printed", "quote", "measure"), [
    ("134", "charged 134 more suspects.", "cse_suspects_charged_increase"),
    ("36", "another 36 more due to start in april 2024.", "officers_added_planned"),
    ("134", "the met charged 134 suspects in the past year.", "cse_suspects_charged"),
    ("£2.5 million", "an additional £2.5 million funding", "funding"),
    ("more than 1,200", "more than 1,200 cases, 300 more than last year", "cases"),
])
def test_a_level_or_a_change_printed_as_what_it_is_passes(printed: str, quote: str, measure: str) -> None:
    """The guard: a difference under a measure of change, a level printed as one, a sum added (the money given), and
    a level beside another number's difference."""
    from analysis.record.figures import _difference_for_a_level
    from analysis.record.printed import parse_printed

    assert _difference_for_a_level(parse_printed(printed), printed, quote, measure) is None


def test_scan_and_the_quote_check_read_a_difference_one_way() -> None:
    """One reading of a difference: scan's are the record's (`record.differences`)."""
    from analysis.factcheck import scan_find
    from analysis.record import differences

    assert scan_find.difference_named is differences.difference_named


CSA_CENTRE = "figures/csacentre-trends-2022-23.csv"
CSA_CENTRE_PLANS = 'England,{},"2,290"'


def test_a_financial_year_typed_as_a_calendar_year_is_refused(tmp_path: Path) -> None:
    """The CSA Centre's "In 2022/23, child protection plans for sexual abuse were at the lowest levels in 14 years"
    (2,290) typed with the calendar year 2022 passed validate (the year read, 2022, lies in it); checked, Community
    Care's "a drop of 5.8% since 2022-23" was judged "accurate within rounding" on a fall from a calendar year 2022
    to the financial year 2023-24, exit 0."""
    said = refusal(tmp_path, (CSA_CENTRE, CSA_CENTRE_PLANS.format("2022-04-01,2023-03-31"),
                              CSA_CENTRE_PLANS.format("2022-01-01,2022-12-31")))
    assert "period 2022-01-01 to 2022-12-31 does not hold 2022/23, the year the quote gives the value" in said, said


@pytest.mark.parametrize(("text", "first_years"), [
    ("in 2022/23, in comparison with 23% in 1993/4.", {2022, 1993}), ("from 2009/10 to 2013/14", {2009, 2013}),
    ("in 2024-25, up on the 2023-24 figure", {2024, 2023}), ("between 2019-2021", set()), ("2016 to 2017", set()),
])
def test_a_financial_year_is_a_pair_of_consecutive_years(text: str, first_years: set[int]) -> None:
    """The guard: a span of years ("2019-2021") is no financial year."""
    from analysis.record.years import financial_years

    assert financial_years(text) == first_years


# --- a place other than the one the quote gives the value ----------------------------------------------------------

MOPAC = "figures/mopac-keeping-children-and-young-people-safe.csv"
MOPAC_PLACE = "at risk of sexual exploitation (MOPAC 'facts' panel),{},2017-01-01"


def test_a_place_larger_than_the_one_the_quote_gives_the_value_is_refused(tmp_path: Path) -> None:
    """MOPAC's "1,600 children in London identified by the MPS as being at risk of sexual exploitation" typed with
    geography "England and Wales" passed validate (a quote printing only a smaller place is read as context) and
    built: the Met series table lost the row (14 rows, not 15), and scan answered "Across England and Wales, 1,600
    children were identified …" with MOPAC's London figure as the record's, exit 0."""
    said = refusal(tmp_path, (MOPAC, MOPAC_PLACE.format("London"), MOPAC_PLACE.format("England and Wales")))
    assert "geography 'England and Wales' is not the place the quote prints ('London')" in said, said


@pytest.mark.parametrize(("printed", "quote", "geography"), [
    ("1,600", "1,600 children in London identified by the MPS", "London"),
    ("six", "Six case study areas were chosen: Durham, Swansea, Warwickshire, St Helens, Tower Hamlets and Bristol",
     "England and Wales"),
    ("706,900", "increased by 706,900 (1.2%) from mid-2023 - 687,600 people (1.2%) for England", "England and Wales"),
    ("12", "12 cases in Hammersmith & Fulham", "Hammersmith and Fulham"),
])
def test_a_place_the_quote_gives_another_value_or_as_context_passes(printed: str, quote: str,
                                                                    geography: str) -> None:
    """The guard: the value's own place, a list of case-study areas, and a smaller place given to the next value."""
    from analysis.record.figures import _other_place_given

    assert _other_place_given(printed, quote, geography) is None


# --- a value the quote denies ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("printed", ["1,300 rather than 1,200 cases", "not 1,200 but 1,300 cases",
                                     "1,300 cases, instead of the 1,200"])
def test_a_value_the_quote_denies_is_refused(tmp_path: Path, printed: str) -> None:
    """The Mirror's Home Secretary figure typed "1,200" from a quote printing "1,300 rather than 1,200 cases" (or
    "not 1,200 but 1,300", "instead of the 1,200": a correction's wording) passed validate, and the two-1,200s chart
    drew the 1,200 the sentence sets aside as the Home Secretary's exact count, exit 0. Scan lists such a figure as
    one the sentence denies."""
    said = refusal(tmp_path, (MIRROR, MIRROR_ROW,
                              f',"1,200",cases,Para 4,"Ms Mahmood told MPs that {printed} have already'))
    assert 'quote does not contain "1,200"' in said, said


@pytest.mark.parametrize(("value", "quote"), [
    ("1,300", "not 1,200 but 1,300 cases"), ("1,200", "not until 1,200 cases were reviewed"),
    ("1,200", "it was not far from 1,200"),
])
def test_a_value_beside_a_denied_one_is_found(value: str, quote: str) -> None:
    """The guard: the figure a correction gives, "not until", and "not far from" (no denial, as scan reads it)."""
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


@pytest.mark.parametrize("text", ["1,300 rather than 1,200", "not 1,200 but 1,300", "nowhere near 1,200"])
def test_scan_lists_the_denied_value_the_quote_check_refuses(text: str) -> None:
    """One reading of a denial: scan sets the 1,200 aside as denied, and the quote check finds no 1,200 printed."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.figures import contains_printed

    sentence = f"The Home Secretary said {text} cases were flagged."
    result = scan_text(sentence, DEFAULT)
    assert all(f["value_as_printed"] != "1,200" for f in result["figures"]), result["figures"]
    assert any(o["kind"] == "number the sentence denies" for o in result["left_out"]), result["left_out"]
    assert not contains_printed("1,200", sentence)


# --- one end of a range in words -------------------------------------------------------------------------------------

GB_NEWS_QUOTE_END = "just 1,200 remained in scope."


@pytest.mark.parametrize("printed", ["maybe 1,000 or 1,200 remained in scope.",
                                     "between 1,000 and 1,200 remained in scope."])
def test_one_end_of_a_range_in_words_is_refused(tmp_path: Path, printed: str) -> None:
    """GB News's Met cases in scope typed "1,200" from a quote printing "maybe 1,000 or 1,200 remained in scope" (as
    the Commissioner put his forecast, "maybe 2,000 or 3,000 cases") or "between 1,000 and 1,200" passed validate:
    the record, and the funnel chart drawn from it, held an exact 1,200 the quote does not state. "1,000–1,200" was
    refused (a range's dash), and scan lists both wordings as ranges."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw

    root = raw_copy(tmp_path)
    path = root / "data" / "raw" / GB_NEWS
    lines = path.read_text(encoding="utf-8").split("\n")
    [i] = [n for n, line in enumerate(lines) if line.startswith("gbnews-2025-11-13/met-cases-in-scope,")]
    assert lines[i].count(GB_NEWS_QUOTE_END) == 1
    lines[i] = lines[i].replace(GB_NEWS_QUOTE_END, printed)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    assert 'gbnews-2025-11-13.csv:4: quote does not contain "1,200"' in str(raised.value), str(raised.value)


@pytest.mark.parametrize(("value", "quote"), [
    ("1,200", "1,200 or 56% of cases"), ("56%", "1,200 or 56% of cases"), ("three quarters", "found 278, or three "
                                                                                           "quarters"),
    ("89%", "rated 191, or 89%"), ("1,200", "1,200 cases and 300 more"),
])
def test_a_value_beside_another_amount_is_found(value: str, quote: str) -> None:
    """The guard: one amount named twice ("1,200 or 56% of cases", "278, or three quarters") and a value beside
    another number that makes no range."""
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


@pytest.mark.parametrize("text", ["maybe 2,000 or 3,000", "between 2,000 and 3,000"])
def test_scan_lists_the_range_the_quote_check_refuses(text: str) -> None:
    """One reading of a range in words: scan lists it as a range, and the quote check finds neither end printed."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.figures import contains_printed

    sentence = f"The Commissioner said {text} cases would pass the remit."
    result = scan_text(sentence, DEFAULT)
    assert result["figures"] == [] and [o["kind"] for o in result["left_out"]] == ["range"], result
    assert not contains_printed("2,000", sentence) and not contains_printed("3,000", sentence)


# --- a stock typed as a flow -----------------------------------------------------------------------------------------

DFE_2015 = "figures/dfe-2015-10-22-characteristics-cin-2014-15-copy.csv"
DFE_2015_ROW = "children-in-need-2015,children_in_need,Children in need,England,{}"


def test_a_count_at_a_date_typed_over_a_year_is_refused(tmp_path: Path) -> None:
    """DfE's "There were 391,000 children in need at 31 March 2015" typed with the financial year 2014-15
    (2014-04-01 to 2015-03-31) passed validate and built: `show` and the figures table gave it as a count over the
    year, which DfE publishes as another, larger measure (children in need during the year), exit 0."""
    said = refusal(tmp_path, (DFE_2015, DFE_2015_ROW.format("2015-03-31,2015-03-31"),
                              DFE_2015_ROW.format("2014-04-01,2015-03-31")))
    assert "is a span, but the quote gives the value as counted on a day" in said, said


@pytest.mark.parametrize(("printed", "quote", "measure"), [
    ("391,000", "There were 391,000 children in need which is a decrease of 2% from last year", "children_in_need"),
    ("610,000", "the population grew by almost 610,000 to 60.9 million at 30 June 2023", "population_change"),
    ("1,200", "1,200 cases were reviewed between 1 April and 31 March", "cases"),
])
def test_a_value_not_given_at_a_date_or_a_change_passes(printed: str, quote: str, measure: str) -> None:
    """The guard: a count given no day, a change (whose period runs between two days), and days that bound a span."""
    from analysis.record.figures import _a_stock

    assert not _a_stock(printed, quote, measure)
