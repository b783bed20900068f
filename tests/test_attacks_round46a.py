"""Issue 24, round forty-six, helper r46a: scan (class 3) on how ordinary prose places, dates and labels its figures.
A story about another town, a figure dated by the year the sentence opens with, a victim's age as court reports
print it, a trial's days and witnesses, the days of a hearing, "one out of five" and a rate "for every 10,000": each
was matched to the record's figure of another place or year ("in the record"), read as a count not in the record,
or read as a share no record figure is printed as."""

from __future__ import annotations

from typing import Any

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from tests.scanned import read

SENTENCE_922 = "The Metropolitan Police recorded 922 crimes connected with child sexual exploitation in 2016."
FIGURE_922 = [("922", 922.0, "count", "exact")]


def _figures(text: str) -> list[dict[str, Any]]:
    return scan_text(text, DEFAULT)["figures"]


def _status(text: str) -> list[tuple[str, str]]:
    """Each figure as printed with its status ("in the record", "not in the record")."""
    return [(f["value_as_printed"], f["status"]) for f in _figures(text)]


def _kinds(text: str) -> list[tuple[str, str]]:
    """What scan sets aside in `text`, as (printed, kind)."""
    return [(item["text"], item["kind"]) for item in scan_text(text, DEFAULT)["left_out"]]


# --- where and when the sentence puts its figure ----------------------------------------------------------------


def test_a_figure_of_another_town_or_force_is_not_the_records_london_or_national_figure() -> None:
    """"In Telford, more than 1,000 children were sexually exploited" was "in the record" as the Met's children at
    risk; "West Midlands Police recorded 1,200 offences … in 2017" as the Standard's 1,200 London offences;
    "Greater Manchester Police recorded 922 crimes …" and "Scotland recorded 922 …" as the Met's 922."""
    for text in ("In Telford, more than 1,000 children were sexually exploited, an inquiry found.",
                 "West Midlands Police recorded 1,200 offences of child sexual exploitation in 2017.",
                 "Greater Manchester Police recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "In Birmingham, 922 crimes connected with child sexual exploitation were recorded in 2016.",
                 "Scotland recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "Rotherham's police recorded 922 crimes connected with child sexual exploitation in 2016."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert figure["other_definitions"], text  # shown apart, with the reason


def test_the_met_and_london_named_beside_another_place_still_match() -> None:
    for text in (SENTENCE_922,
                 "Scotland Yard recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "Scotland Yard's figures show 922 crimes connected with child sexual exploitation in 2016.",
                 "The Met, unlike Rotherham's council, recorded 922 crimes connected with child sexual exploitation "
                 "in 2016.",
                 "London's Met recorded 922 crimes connected with child sexual exploitation in 2016, more than "
                 "Greater Manchester Police."):
        assert _status(text)[0] == ("922", "in the record"), text
    assert _status("Across England and Wales, more than 1,200 historic cases were identified for review.")[0] == (
        "more than 1,200", "in the record")


def test_a_figure_dated_by_the_year_its_sentence_opens_with_is_not_another_years() -> None:
    """"In 2015 the Met recorded 922 crimes …" was "in the record" as the Met's count for 2016; so was "During
    2015, …"; the Standard's 1,200 offences of 2017 answered "In 2018, 1,200 offences … were recorded"."""
    for text in ("In 2015 the Met recorded 922 crimes connected with child sexual exploitation.",
                 "During 2015, the Met recorded 922 crimes connected with child sexual exploitation.",
                 "In 2018, 1,200 offences of child sexual exploitation were recorded in London."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert figure["other_definitions"], text


def test_the_year_a_sentence_opens_with_still_finds_that_years_figure() -> None:
    """The guard: the year's own figure, and a year in which someone said a figure of the year before."""
    for text, printed in (("In 2016 the Met recorded 922 crimes connected with child sexual exploitation.", "922"),
                          ("In 2014, the Met recorded 618 crimes connected with child sexual exploitation.", "618"),
                          ("In 2017 the Met said it recorded 922 crimes connected with child sexual exploitation.",
                           "922"),
                          ("In 2017, 1,200 offences of child sexual exploitation were recorded in London.", "1,200")):
        assert _status(text)[0] == (printed, "in the record"), text


# --- a person's age, a trial's days and witnesses, a hearing's dates ----------------------------------------------


def test_a_victims_age_as_a_court_report_prints_it_is_no_figure() -> None:
    """Each age was a count not in the record; "She was 14 when the abuse began" and "At 14, she was trafficked"
    were "in the record", consistent with the record's "at least 10" syndicates."""
    for text in ("The girl, who was 13 at the time, was groomed.", "The girl was just 13 when she was first abused.",
                 "She was 14 when the abuse began.", "Child A, then 13, was groomed by the gang.",
                 "The victim, now 25, said the Met failed her.", "The girl, 13, was groomed.",
                 "A girl of 13 was groomed.", "When she was 12 she was groomed.",
                 "At 14, she was trafficked across London.", "He was 19 and she was 14.",
                 "The girl was aged just 13.", "The girl - then only 13 - was groomed.",
                 "The girl – then only 13 – was groomed.", "Victim 2 was 13 at the time.",
                 "Jane Doe (34) denied the charges."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text
        assert any(kind == "age" for _, kind in _kinds(text)), text


def test_counts_beside_a_person_or_in_a_list_of_places_are_still_read() -> None:
    """The guard: a multiple, the men a victim was abused by, the number of victims, a sequence of counts, places'
    counts in commas or brackets, and the share of a group are figures as before."""
    for text, printed in (("He was 12 times more likely to be a victim.", ["12 times"]),
                          ("The victims of 12 men were groomed.", ["12"]),
                          ("She was one of 12 girls groomed by the gang.", ["12"]),
                          ("The number of victims was 12, the Met said.", ["12"]),
                          ("Referrals rose to 12, then 13, then 15.", ["12", "13", "15"]),
                          ("The girls, 12 of whom were in care, were groomed.", ["12"]),
                          ("Tower Hamlets, 34, and Waltham Forest, 29, both of which reported cases.", ["34", "29"]),
                          ("Croydon (34) and Bromley (29) had the most cases.", ["34", "29"]),
                          ("Twelve girls, 13 of them in care, were groomed.", ["Twelve", "13"])):
        assert [f["value_as_printed"] for f in _figures(text)] == printed, text


def test_a_trials_day_a_witness_or_a_count_on_the_indictment_is_a_label() -> None:
    """"On day 12 of the trial" and "Count 3 on the indictment" were counts not in the record; "Day 3 of the
    hearing", "In week 12" and "Witness 12 told the court" were "in the record" (the Casey review's rate, the record's
    "at least 10" syndicates)."""
    for text in ("On day 12 of the trial, the jury heard from a police officer.",
                 "Speaking on Day 3 of the hearing, the detective gave evidence.", "In week 12 the jury retired.",
                 "Witness 12 told the court she was abused.", "Count 3 on the indictment was rape.",
                 "Defendant 3 denied the charge.", "Complainant 1 gave evidence by video link."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text
    for text, printed in (("Police found 12 victims in a day.", ["12"]), ("Within a week 12 girls had come forward.",
                                                                          ["12"]),
                          ("Each day 12 children are referred.", ["12"])):
        assert [f["value_as_printed"] for f in _figures(text)] == printed, text


def test_the_days_of_a_span_or_a_list_before_their_month_are_a_date() -> None:
    """"On 16-17 October", "between 16 and 18 October", "from 16 to 18 October" and "on 16, 17 and 18 October" read
    the first day as the count 16 (and 17); "October 16-17" listed "-17" as a negative number not read (exit 1)."""
    for text in ("The inquiry sat on 16-17 October.", "The inquiry sat on October 16-17.",
                 "The inquiry sat between 16 and 18 October.", "The inquiry sat from 16 to 18 October.",
                 "The inquiry sat on the 16th and 17th of October.", "The inquiry sat on 16, 17 and 18 October.",
                 "The inquiry sat on 16–17 October 2025."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text
        assert all(kind == "date" for _, kind in _kinds(text)), text
    for text, printed in (("In May 12-15% of cases were closed.", []), ("Police recorded 12 and 14 cases in March.",
                                                                         ["12", "14"])):
        assert [f["value_as_printed"] for f in _figures(text)] == printed, text


# --- a part of a whole, a share and a rate as prose words them ----------------------------------------------------


def test_a_share_worded_out_of_is_found_as_the_share_the_record_holds() -> None:
    """"one out of five adults" was the count 1 (of 5), "not in the record", where "one in five adults" was the ONS's
    share; "Three out of four cases" the count 3 where the record holds HMIC's three quarters."""
    for text, figure_id in (
            ("The ONS found one out of five adults aged 18 to 74 years experienced child abuse.",
             "ons-2020-01-14-child-abuse-ew-bulletin/share-adults-any-child-abuse"),
            ("Only one out of 10 CSAE offences are reported, according to wider estimates.",
             "vkpp-2024-csae-analysis/share-reported-estimate"),
            ("Three out of four cases were handled inadequately or required improvement, inspectors found.",
             "aol-2016-11-24-hmic-ncpi-mps/share-ri-or-inadequate")):
        figure = _figures(text)[0]
        assert (figure["status"], figure["unit"]) == ("in the record", "percent"), text
        assert figure_id in [m["figure_id"] for m in figure["matches"]], text


def test_a_part_of_a_whole_still_reads_the_part_as_a_count_and_checks_the_whole() -> None:
    """"278 out of 347 cases" was "in the record" by its 278 alone: the whole no source printed was never looked up
    ("278 out of the 374 cases" read both). A share's idiom, "7 out of 10", has no whole to look up."""
    assert _status("Inspectors found 278 out of 347 cases were handled inadequately or required improvement.") == [
        ("278 out of 347", "in the record"), ("347", "not in the record")]
    assert _status("Inspectors found 278 out of 374 cases were handled inadequately or required improvement.") == [
        ("278 out of 374", "in the record"), ("374", "in the record")]
    assert [f["value_as_printed"] for f in _figures("Seven out of ten cases were closed; 7 out of 10 were.")] == [
        "Seven out of ten", "7 out of 10"]


def test_a_rate_worded_for_every_is_found_as_the_rate_the_record_holds() -> None:
    """"332.9 for every 10,000 children" was "about 3.329%", not in the record, where the DfE's rate of children in
    need is "332.9 per 10,000 children"; "2.77 cases for every 1,000 children" was "about 0.277%"."""
    for text, figure_id in (("The rate of children in need was 332.9 for every 10,000 children in 2024.",
                             "dfe-cin-2024/rate-children-in-need-2024"),
                            ("The rate of children in need was 332.9 in every 10,000 children in 2024.",
                             "dfe-cin-2024/rate-children-in-need-2024"),
                            ("The Met's contact child sexual abuse rate was 2.77 cases for every 1,000 children.",
                             "inkl-2025-06-16-casey-review-london/met-contact-csa-rate")):
        figure = _figures(text)[0]
        assert (figure["status"], figure["unit"], figure["qualifier"]) == ("in the record", "rate", "exact"), text
        assert figure["matches"][0]["figure_id"] == figure_id, text
    figure = _figures("Around one in every 30 children was a child in need in 2024.")[0]
    assert (figure["unit"], figure["status"]) == ("percent", "in the record")


def test_a_count_of_offences_is_not_the_records_count_of_crime_syndicates() -> None:
    """The record's "at least 10 organised crime syndicates" was read as counting crimes (its last count noun before
    "syndicates"), so any count of 10 or more offences or crimes in London was "in the record", consistent with it:
    "12 offences against 4 girls", "14 offences of sexual abuse against girls in London"."""
    for text in ("He was found guilty of 12 offences against 4 girls.",
                 "The Met recorded 14 offences of sexual abuse against girls in London."):
        assert _status(text)[0][1] == "not in the record", text
    assert _status("Police said 12 crime syndicates were targeting girls in London.")[0] == ("12", "in the record")


def test_a_sentence_with_its_half_year_is_a_duration() -> None:
    """"He was jailed for 12-and-a-half years" was the count 12, not in the record."""
    for text in ("He was jailed for 12-and-a-half years.", "He was jailed for 12 and a half years."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text
        assert _kinds(text) == [(text[len("He was jailed for "):-1], "duration")], text


def test_a_london_street_named_after_a_town_is_still_london() -> None:
    """The guard of the places' list: "In Oxford Street" and "In Surrey Quays" (London) named no other place."""
    for text in ("In Oxford Street, police recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "In Surrey Quays, 922 crimes connected with child sexual exploitation were recorded in 2016."):
        assert _status(text)[0] == ("922", "in the record"), text


def test_a_court_reports_sentence_reads_as_a_reporter_reads_it() -> None:
    """One invented court report: "who were 13 and 14 at the time" left the count 14; "In 2015 the Met recorded 922
    crimes …, a spokesperson said" was 2016's 922 (the reporting verb after the figure dated nothing); "one out of
    five adults … the ONS found" was the count 1, "in the record" as HMICFRS's "one area for improvement"."""
    assert _figures("The court heard the girls, who were 13 and 14 at the time, were plied with alcohol.") == []
    figure = _figures("In 2015 the Met recorded 922 crimes connected with child sexual exploitation, a spokesperson "
                      "said.")[0]
    assert (figure["status"], bool(figure["other_definitions"])) == ("not in the record", True)
    figure = _figures("Nationally, one out of five adults experienced child abuse, the ONS found.")[0]
    assert (figure["unit"], figure["matches"][0]["figure_id"]) == (
        "percent", "ons-2020-01-14-child-abuse-ew-bulletin/share-adults-any-child-abuse")
    figure = _figures("Two adults were arrested.")[0]
    assert (figure["value_as_printed"], figure["status"]) == ("Two", "not in the record")
