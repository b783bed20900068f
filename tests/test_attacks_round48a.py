"""Issue 24, round forty-eight, helper r48a: scan (class 3) on what an ordinary news sentence says its figure is,
beyond round 47's sex, victims, places and direction. A count printed as a comparison ("922 more crimes … in 2016
than in 2014", "an extra 922 crimes"), a case graded the other way by an inspection ("93 of the 303 cases
inadequate" where the record's 93 were good), a share of another ethnic group ("85% … were Asian" where the record's
85% are white) and the other end of a range ("In the lowest-charging force, 20%" where the record's 20% is the
highest) were each "in the record" as the record's figure, exit 0."""

from __future__ import annotations

from typing import Any

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT


def _figures(text: str) -> list[dict[str, Any]]:
    return scan_text(text, DEFAULT)["figures"]


def _status(text: str) -> dict[str, str]:
    """Each figure as printed with its status ("in the record", "not in the record")."""
    return {f["value_as_printed"]: f["status"] for f in _figures(text)}


def _reasons(text: str, printed: str) -> list[str]:
    """Why the record's figures printed alike were set apart, for the figure printed `printed`."""
    figure = next(f for f in _figures(text) if f["value_as_printed"] == printed)
    return [m["differs"] for m in figure["other_definitions"]]


# --- a count printed as a comparison ------------------------------------------------------------------------------


def test_a_count_compared_with_another_is_a_difference_not_the_records_level() -> None:
    """The Met recorded 922 crimes in 2016 (618 in 2014); the Standard 1,200 offences in 2017; the DfE 2,190 children
    on plans. "922 more crimes … in 2016 than in 2014" is a rise of 922, not the 922 recorded: "than" was looked
    for at most four words on, none of them a year, and "more" with no "than", "an extra" and "additional" not at
    all, so each was the record's level, "in the record"."""
    for text, printed in (
            ("The Met recorded 922 more crimes of child sexual exploitation in 2016 than in 2014.", "922"),
            ("The Met recorded 922 more crimes connected with child sexual exploitation in 2016 than it did in "
             "2014.", "922"),
            ("In 2016 there were 922 more crimes connected with child sexual exploitation in London.", "922"),
            ("The Met recorded 922 fewer crimes connected with child sexual exploitation in 2016 than in 2014.",
             "922"),
            ("The Met recorded an extra 922 crimes connected with child sexual exploitation in 2016.", "922"),
            ("The Met recorded 922 additional crimes connected with child sexual exploitation in 2016 compared "
             "with 2014.", "922"),
            ("The number of crimes connected with child sexual exploitation in London was 922 higher in 2016 than "
             "in 2014.", "922"),
            ("There were 1,200 more offences of child sexual exploitation in the capital in 2017 than in 2016.",
             "1,200"),
            ("Police recorded 2,190 more children on child protection plans for sexual abuse in 2024-25 than a "
             "year before.", "2,190")):
        assert _status(text)[printed] == "not in the record", text
        assert "a count, not a difference between two counts" in _reasons(text, printed), text


def test_a_count_of_what_was_added_or_a_bound_is_still_the_records() -> None:
    """The guards: the record's own additions ("another 36 more due to start", "134 additional suspects", the
    ONS's "an additional 610,000 people") still match, as does money added ("an additional £2.5 million funding":
    the sum given) and a bound ("922 or more" is listed as before, not read as a difference)."""
    for text, printed in (
            ("Strengthened resource in criminal and sexual exploitation investigation teams with 36 new officers "
             "already in post and another 36 more due to start in April 2024.", "36"),
            ("The force said it had tripled the number of cases solved in the past year, leading to 134 "
             "additional suspects being charged.", "134"),
            ("An additional 610,000 people were added to the population of England and Wales by mid-2023, "
             "bringing the total population to 60.9 million.", "610,000"),
            ("In January, the Government announced an additional £2.5 million funding for the Child Sexual "
             "Exploitation Police Taskforce.", "£2.5 million"),
            ("There were 1,200 offences of child sexual exploitation in the capital in 2017, more than in 2016.",
             "1,200")):
        figures = [f for f in _figures(text) if f["value_as_printed"] == printed]
        assert figures and all(f["status"] == "in the record" for f in figures), text
    assert "922" not in _status("Police in London recorded 922 or more crimes connected with child sexual "
                                "exploitation in 2016.")


# --- a group of another family's kind -------------------------------------------------------------------------------


def test_a_grade_an_ethnic_group_or_an_end_of_a_range_of_the_other_kind_is_not_the_records() -> None:
    """HMICFRS (BBC, 28 March 2019): of 303 cases practice was good in 93, required improvement in 127 and was
    inadequate in 83; HMIC (2016): 76% of 132 cases inadequate or requiring improvement; the Hydrant programme
    (2023): 85% of group-based suspects white, 7% Asian, 5% black; the CSA Centre: charge rates from 5% (lowest
    force) to 20% (highest), and one in eight investigations ended out of court. Each sentence below was "in the
    record" as the figure of the other grade, group, end or outcome."""
    for text, printed, reason in (
            ("Inspectors rated 93 of the 303 cases inadequate.", "93", "of good or adequate, not inadequate"),
            ("Inspectors rated 83 of the 303 cases good.", "83", "of inadequate, not good or adequate"),
            ("In a review of 135 cases, HMICFRS found 10 were inadequate.", "10", "not inadequate"),
            ("In a review of 135 cases, HMICFRS found 76% were handled well.", "76%", "not good or adequate"),
            ("In 2023, 85% of suspects in group-based child sexual exploitation cases were Asian, police data "
             "showed.", "85%", "of white, not Asian"),
            ("In 2023, 7% of suspects in group-based child sexual exploitation cases were white.", "7%",
             "not white"),
            ("In the lowest-charging force, 20% of child sexual abuse investigations led to a charge.", "20%",
             "of the highest, not the lowest"),
            ("In the highest-charging force, only 5% of child sexual abuse investigations led to a charge.", "5%",
             "of the lowest, not the highest"),
            ("About one in eight child sexual abuse investigations ended in a charge.", "About one in eight",
             "of resolved out of court, not charged")):
        assert _status(text)[printed] == "not in the record", text
        assert any(reason in r for r in _reasons(text, printed)), (text, _reasons(text, printed))


def test_the_records_own_grades_groups_and_ends_and_a_denied_grade_still_match() -> None:
    """The guards: a sentence naming every grade or group constrains none (the record's own quotes), a grade denied
    is not named ("not handled adequately" is below adequate), "as well as" names no grade, and the record's
    own words for its end of a range still match."""
    for text in (
            "An audit of 303 cases found that child protection practice was good in 93, required improvement in "
            "127 and was inadequate in 83.",
            "It assessed that 10 cases were handled well, 64 needed improvement and 61 were inadequate.",
            "In terms of group-based offences, 85% of suspects are white, while 7% are Asian and 5% are black.",
            "Proportions of investigations varying in charge from 5% to 20% in different police areas.",
            "1 in 8 police investigations ended in an out-of-court resolution in the last year.",
            "HMIC examined 374 cases as well as 40 custody cases.",
            "CSE assessments have fallen by 29% since 2016, to their lowest recorded level."):
        assert set(_status(text).values()) == {"in the record"}, (text, _status(text))
    text = "HMICFRS found 278 of the 374 cases were not handled adequately."
    assert _status(text)["278"] == "in the record"


# --- the age a figure's childhood ends at ---------------------------------------------------------------------------


def test_a_figure_bounded_by_another_age_is_not_the_records() -> None:
    """The ONS (2020; 2025): 3.1 million adults (7.5%) sexually abused before 16, 4.3 million (9.1%) before 18; the
    DfE: 81% of children assessed for CSE aged 10 or over. Each sentence was "in the record" as the figure of the
    other age, and "before 18" was the count 18, "in the record" as the "at least 10" syndicates."""
    for text, printed, reason in (
            ("An estimated 3.1 million adults in England and Wales were sexually abused before the age of 18.",
             "An estimated 3.1 million", "under 16, not under 18"),
            ("An estimated 4.3 million adults in England and Wales were sexually abused before they were 16.",
             "An estimated 4.3 million", "under 18, not under 16"),
            ("Some 7.5% of adults experienced sexual abuse before 18, the ONS found.", "Some 7.5%",
             "under 16, not under 18"),
            ("Some 9.1% of over-18s experienced sexual abuse before turning 16, the ONS found.", "Some 9.1%",
             "under 18, not"),
            ("In 2024-25, 81% of child sexual exploitation assessments were of children under 10.", "81%",
             "10 and over, not under 10")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert any(r.startswith(reason) for r in _reasons(text, printed)), (text, _reasons(text, printed))


def test_a_figure_bounded_by_its_own_age_or_by_adults_ages_is_still_the_records() -> None:
    """The guards: the record's own ages, and the ages of the adults asked ("aged 18 to 74", "aged 18 and over"),
    which bound who answered, not when the abuse was."""
    for text in (
            "The ONS estimates 3.1 million adults aged 18 to 74 experienced sexual abuse before the age of 16.",
            "Some 7.5% of adults aged 18 to 74 experienced sexual abuse before they were 16, the ONS found.",
            "An estimated 4.3 million adults aged 18 and over experienced sexual abuse before 18.",
            "In 2024-25, 81% of child sexual exploitation assessments were of children aged 10 or over.",
            "More than half of CSAE offences were committed by children aged 10 to 17."):
        assert set(_status(text).values()) == {"in the record"}, (text, _status(text))
    assert _status("Police charged the men before 12 girls came forward.") == {"12": "not in the record"}


# --- how many years a change is over --------------------------------------------------------------------------------


def test_a_change_over_another_span_of_years_is_not_the_records() -> None:
    """The DfE: CSE assessments fell 29% since 2016 (2015-16 to 2024-25, nine years); the Met: a 49% rise from 2014
    to 2016. "Fell by 29% year-on-year" and "rose 49 per cent between 2015 and 2016" were each "in the record" as
    the same change, so a nine-year fall passed as one year's."""
    for text, printed, reason in (
            ("Child sexual exploitation assessments fell by 29% year-on-year, the DfE said.", "29%",
             "a change over 9 years, not 1"),
            ("Child sexual exploitation assessments fell by 29% in a single year, the DfE said.", "29%",
             "a change over 9 years, not 1"),
            ("Child sexual exploitation assessments fell by 29% in the past year.", "29%",
             "a change over 9 years, not 1"),
            ("Crimes connected with child sexual exploitation in London rose 49 per cent between 2015 and 2016.",
             "49 per cent", "a change over 2 years, not 1")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert reason in _reasons(text, printed), (text, _reasons(text, printed))


def test_a_change_over_its_own_span_or_a_span_not_counted_is_still_the_records() -> None:
    """The guards: the record's own words ("since the previous year" for the CSA Centre's one-year fall of 8%,
    "between 2014 and 2016", "since 2016") and a sentence naming two spans."""
    for text in (
            "CSA assessments decreased by 8% since the previous year.",
            "Between 2014 and 2016 there was a 49 per cent increase in crimes connected with child sexual "
            "exploitation across London.",
            "CSE assessments have fallen by 29% since 2016, reaching their lowest recorded level.",
            "CSE assessments have fallen by 29% since 2016, and fell again in the past year."):
        assert set(_status(text).values()) == {"in the record"}, (text, _status(text))


# --- how often a count happens --------------------------------------------------------------------------------------


def test_a_count_said_to_happen_every_day_week_month_or_year_is_not_a_record_count_of_another_period() -> None:
    """The CSA Centre: an estimated 500,000 children sexually abused a year; the Met: 922 crimes in 2016, 9,000 cases
    in one review; the Home Office: an inquiry budget of up to £65 million over three years; the DfE: 2,190
    children on plans in 2024-25. Each sentence was "in the record" as the figure of another period; the fixture
    gbnews-met-9000.txt's "around 2,000 sexual offences every month" was the Met's 2,060 referrals of 2015."""
    for text, printed, reason in (
            ("An estimated 500,000 children are sexually abused every day in England and Wales.",
             "An estimated 500,000", "per year, not per day"),
            ("The Met records 922 crimes connected with child sexual exploitation every month.", "922",
             "a figure for 2016-01-01 to 2016-12-31, not per month"),
            ("The government will spend £65m a year on the inquiry.", "£65m", "not per year"),
            ("The Met is reviewing 9,000 cases a year.", "9,000", "not per year"),
            ("Around 2,190 children a week are placed on child protection plans for sexual abuse.", "Around 2,190",
             "not per week"),
            ("It is understood that the Met records around 2,000 sexual offences every month.", "around 2,000",
             "not per month")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert any(reason in r for r in _reasons(text, printed)) or not _reasons(text, printed), text


def test_a_count_said_per_year_for_a_years_figure_is_still_the_records() -> None:
    """The guards: a yearly count said "every year" or "a year", as the record's own estimate is worded, and a
    count in a sentence with no frequency."""
    for text in (
            "An estimated 500,000 children are sexually abused every year in England and Wales.",
            "The Met recorded 922 crimes connected with child sexual exploitation a year in 2016.",
            "Half a million children are estimated to be sexually abused each year; 500,000 children in England "
            "and Wales.",
            "The Met is reviewing 9,000 cases of child sexual exploitation."):
        assert set(_status(text).values()) == {"in the record"}, (text, _status(text))


def test_a_count_put_over_a_span_of_years_is_not_a_record_count_for_one_year() -> None:
    """The Met's 922 crimes were 2016's. "Between 2014 and 2016, the Met recorded 922 crimes" (a total over three
    years) and "Since 2014, the Met has recorded 922 crimes" were each "in the record" as 2016's count."""
    for text in (
            "Between 2014 and 2016, the Met recorded 922 crimes connected with child sexual exploitation.",
            "Since 2014, the Met has recorded 922 crimes connected with child sexual exploitation.",
            "From 2014 to 2016 the Met recorded 922 crimes connected with child sexual exploitation."):
        assert _status(text) == {"922": "not in the record"}, (text, _status(text))
        assert any(r.startswith("2016-01-01 to 2016-12-31 alone, not ") for r in _reasons(text, "922")), text


def test_a_count_that_ends_a_change_names_its_year_or_comes_before_the_span_is_still_the_records() -> None:
    """The guards: the record's own wordings of the Met's rise and the DfE's "2,190 children …, a 26% fall since
    2016" (the span is the fall's)."""
    for text in (
            "Between 2014 and 2016 crimes connected with child sexual exploitation rose from 618 to 922.",
            "Between 2014 and 2016 crimes connected with child sexual exploitation rose: 618 in 2014 and 922 in 2016.",
            "2,190 children started child protection plans with sexual abuse as the initial category, a 26% fall "
            "since 2016.",
            "Since 2016, CSE assessments have fallen by 29%, to 12,120 in 2024-25."):
        assert set(_status(text).values()) == {"in the record"}, (text, _status(text))


# --- the claims stub --------------------------------------------------------------------------------------------------


def test_a_claims_stub_keeps_the_figure_of_a_long_sentence_in_its_text() -> None:
    """`--claims-stub` cut a sentence to its first 30 words (the most `validate` accepts), so a figure printed after
    them was not in the stub's text, and the claim, once filled in, was refused: "text does not contain the stated
    value"."""
    import yaml

    from analysis.factcheck.scan import claims_stub
    from analysis.record.claims import MAX_TEXT_WORDS

    text = ("According to the latest figures published by the Department for Education on Thursday, which cover "
            "every local authority in England and were compiled from the annual census of children in need "
            "collected from councils each spring, the number of assessments identifying child sexual exploitation "
            "has fallen by 37% since 2016.")
    entries = yaml.safe_load(claims_stub(scan_text(text, DEFAULT)).split("\n", 1)[1])
    assert [e["stated"] for e in entries] == ["37%"]
    assert "37%" in entries[0]["text"] and len(entries[0]["text"].split()) <= MAX_TEXT_WORDS
    short = "Crimes connected with child sexual exploitation in London rose by 12% in a year."
    assert [e["text"] for e in yaml.safe_load(claims_stub(scan_text(short, DEFAULT)).split("\n", 1)[1])] == [short]
