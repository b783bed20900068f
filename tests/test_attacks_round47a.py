"""Issue 24, round forty-seven, helper r47a: scan (class 3) on what an ordinary news sentence says its figure is.
A change the story turns the other way ("rose by 8%" where the record's 8% is a fall), a figure of another country,
a share of the other sex or of victims where the record's is of perpetrators, a year printed as a financial year or
with its month, and a count joined to the noun it measures ("a 374-page report"): each was "in the record" as the
record's figure, exit 0. A broadcaster's channel ("Channel 4") and Shout's text line were counts not in the record."""

from __future__ import annotations

from typing import Any

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT


def _figures(text: str) -> list[dict[str, Any]]:
    return scan_text(text, DEFAULT)["figures"]


def _status(text: str) -> list[tuple[str, str]]:
    """Each figure as printed with its status ("in the record", "not in the record")."""
    return [(f["value_as_printed"], f["status"]) for f in _figures(text)]


def _reasons(text: str, printed: str) -> list[str]:
    """Why the record's figures printed alike were set apart, for the figure printed `printed`."""
    figure = next(f for f in _figures(text) if f["value_as_printed"] == printed)
    return [m["differs"] for m in figure["other_definitions"]]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(item["text"], item["kind"]) for item in scan_text(text, DEFAULT)["left_out"]]


# --- which way a change went ------------------------------------------------------------------------------------


def test_a_change_turned_the_other_way_is_not_the_records_change() -> None:
    """The DfE's assessments fell by 8% (CSA Centre, Community Care) and CSE assessments by 29% since 2016; child
    protection plans rose by 1.4%. An article's "rose by 8%" was the same figure, its registered claim "accurate";
    "risen by 29%" and "down 1.4%" the same."""
    for text, printed in (
            ("The number of assessments identifying child sexual abuse rose by 8%, from 33,760 to 30,970.", "8%"),
            ("CSE assessments have risen by 29% since 2016, reaching their highest recorded level.", "29%"),
            ("2,190 children were placed on child protection plans for sexual abuse in 2024-25, down 1.4% on the "
             "2023-24 figure.", "1.4%"),
            ("CSA assessments rose by 8% since the previous year.", "8%")):
        assert dict(_status(text))[printed] == "not in the record", text
        reasons = _reasons(text, printed)
        assert any(r.startswith(("a fall, not a rise", "a rise, not a fall")) for r in reasons), (text, reasons)
    figure = next(f for f in _figures("The number of assessments identifying child sexual abuse rose by 8%, from "
                                      "33,760 to 30,970.") if f["value_as_printed"] == "8%")
    assert figure["claims"] == []  # the registered claim of a fall is not this figure's


def test_a_change_the_way_the_record_has_it_is_still_in_the_record() -> None:
    """The guard, and "decreased": "CSA assessments decreased by 8%" was a share of 8%, not in the record, where
    the CSA Centre's own words are "This decreased by 8% since the previous year"."""
    for text, printed in (
            ("The number identifying child sexual abuse fell by 8%, from 33,760 to 30,970.", "8%"),
            ("CSA assessments decreased by 8% since the previous year.", "8%"),
            ("There was also an 8% year-on-year drop in the number of assessments that recorded CSE as a concern.",
             "8%"),
            ("CSE assessments have fallen by 29% since 2016, reaching their lowest recorded level.", "29%"),
            ("2,190 children were placed on CPPs for CSA in 2024-25, up 1.4% on the 2023-24 figure.", "1.4%"),
            ("Between 2014 and 2016 there was a 49 per cent increase in crimes connected with child sexual "
             "exploitation in London.", "49 per cent")):
        assert dict(_status(text))[printed] == "in the record", text


def test_the_change_word_nearest_a_figure_says_which_way_it_went() -> None:
    """"Referrals rose 5% but child sexual abuse assessments fell by 8%": the first change word in the window
    ("rose") was read for the 8%, so with its direction compared the record's fall of 8% was not this figure."""
    for text in ("Referrals rose 5% but child sexual abuse assessments fell by 8%.",
                 "Referrals rose 5% and CSA assessments fell 8%."):
        eight = next(f for f in _figures(text) if f["value_as_printed"] == "8%")
        assert eight["derived_because"] == "fell", text
        assert eight["status"] == "in the record", text


# --- where the figure is from -----------------------------------------------------------------------------------


def test_a_figure_of_another_country_or_the_world_is_not_the_records() -> None:
    """The record holds figures of London, England, England and Wales and the UK; each of these was "in the record"
    as the CSA Centre's 500,000 children a year, the police's 87,992 offences or the Met's 9,000 cases."""
    for text in ("In the US, an estimated 500,000 children are sexually abused every year.",
                 "In Australia, police recorded 87,992 child sexual abuse offences.",
                 "Across Europe, 500,000 children experience some form of sexual abuse every year.",
                 "In Germany, 9,000 cases of child sexual exploitation are being reviewed by police.",
                 "Worldwide, 500,000 children are sexually abused every year.",
                 "Globally, 500,000 children experience some form of sexual abuse every year."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert any(", not " in m["differs"] for m in figure["other_definitions"]), text


def test_a_figure_of_the_records_places_still_matches() -> None:
    for text, printed in (
            ("In England and Wales, 87,992 child sexual abuse offences were recorded by the police in 2019/20.",
             "87,992"),
            ("Across England and Wales, 500,000 children are estimated to experience some form of sexual abuse "
             "every year.", "500,000"),
            ("Jordan's mother said 9,000 cases of child sexual exploitation were being reviewed by the Met.",
             "9,000")):
        assert dict(_status(text))[printed] == "in the record", text


# --- whom the figure is of --------------------------------------------------------------------------------------


def test_a_share_of_the_other_group_is_not_the_records() -> None:
    """The CSA Centre's 5% of boys and 15% of girls, swapped; the DfE's shares of assessments that were of girls
    given to boys; Heart's shares of suspects by ethnicity given to victims; and the CSA Centre's "92% of
    perpetrators … are male" as "92% of victims … are female": each "in the record"."""
    for text, printed in (
            ("An estimated 5% of girls experience some form of sexual abuse before the age of 16.", "An estimated 5%"),
            ("Around 15% of boys are estimated to experience some form of sexual abuse before the age of 16.",
             "Around 15%"),
            ("Boys accounted for 57% of CSA assessments and 67% of CSE assessments.", "57%"),
            ("Boys accounted for 57% of CSA assessments and 67% of CSE assessments.", "67%"),
            ("In group-based offences, 85% of victims are white, while 7% are Asian.", "85%"),
            ("92% of victims of child sexual abuse are female.", "92%")):
        assert dict(_status(text))[printed] == "not in the record", text
        assert any(r.startswith("of ") for r in _reasons(text, printed)), text


def test_a_count_of_one_sex_is_not_the_records_count_of_all() -> None:
    """"2,190 girls were placed on child protection plans" was the DfE's 2,190 children, "in the record"."""
    text = "2,190 girls were placed on child protection plans for sexual abuse in 2024-25."
    assert _status(text) == [("2,190", "not in the record")]
    assert "not of girls or women alone" in _reasons(text, "2,190")


def test_a_share_of_the_records_group_still_matches() -> None:
    for text, printed in (
            ("Around 5% of boys experience some form of sexual abuse before the age of 16.", "Around 5%"),
            ("An estimated 15% of girls and 5% of boys experience some form of sexual abuse before the age of 16.",
             "5%"),
            ("92% of perpetrators of child sexual abuse are male.", "92%"),
            ("Girls accounted for 57% of CSA assessments.", "57%"),
            ("2,190 children were placed on child protection plans for sexual abuse in 2024-25.", "2,190")):
        assert dict(_status(text))[printed] == "in the record", text


# --- when the figure is from ------------------------------------------------------------------------------------


def test_a_figure_dated_by_the_month_or_financial_year_its_sentence_opens_with() -> None:
    """"In 2019/20, 2,190 children …" was "in the record" as 2024-25's 2,190, and "In March 2016, 87,992 …" as
    2019-20's 87,992: only a year alone ("In 2015 …") dated a figure."""
    for text in ("In 2019/20, 2,190 children were placed on child protection plans for sexual abuse.",
                 "In 2019-20, 2,190 children were placed on child protection plans for sexual abuse.",
                 "In March 2016, 87,992 child sexual abuse offences were recorded by the police in England and "
                 "Wales."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert any(", not 20" in m["differs"] for m in figure["other_definitions"]), text


def test_the_month_or_financial_year_of_the_records_figure_still_matches() -> None:
    for text, printed in (
            ("In 2024-25, 2,190 children were placed on child protection plans for sexual abuse.", "2,190"),
            ("In 2019/20, 87,992 child sexual abuse offences were recorded by the police in England and Wales.",
             "87,992"),
            ("In March 2024, the Mayor announced an investment of £15.6 million funding for the new London "
             "Children and Young People's strategy.", "£15.6 million")):
        assert dict(_status(text))[printed] == "in the record", text


# --- what a count counts ----------------------------------------------------------------------------------------


def test_a_count_joined_to_the_noun_it_measures_counts_that_noun() -> None:
    """"The 374-page report" was "in the record" as HMIC's 374 cases reviewed (it counted the report, of the cases
    kind); "a 922-word statement" as the Met's 922 crimes; "the Met's 9,000-strong workforce" as its 9,000 cases;
    "runs to 1,200 pages" as the Met's 1,200 offences."""
    for text in ("The 374-page report found failings in how cases were handled.",
                 "Inspectors published a 278-page report on the Met's child protection work.",
                 "In a 922-word statement, the Met said it recorded crimes connected with child sexual exploitation.",
                 "The Met's 9,000-strong workforce of detectives will review the cases.",
                 "The report runs to 1,200 pages and names the Met."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert any(m["differs"].startswith("counts ") for m in figure["other_definitions"]), text


def test_a_count_joined_to_what_the_record_counts_still_matches() -> None:
    assert _status("A 374-case review found 278 were handled inadequately.") == [
        ("374", "in the record"), ("278", "in the record")]


# --- names with digits ------------------------------------------------------------------------------------------


def test_a_broadcasters_channel_and_a_text_line_are_no_figures() -> None:
    """"BBC Radio 4", "Channel 4" and "Radio 5 Live" were the counts 4 and 5, and Shout's "text SHOUT to 85258"
    (under stories of abuse) the count 85,258: each not in the record, exit 1."""
    text = ("Jane Doe told BBC Radio 4's Today programme and a Channel 4 documentary, then Radio 5 Live, that the "
            "review was overdue. You can contact Samaritans on 116 123, or text SHOUT to 85258.")
    assert _figures(text) == []
    kinds = dict(_kinds(text))
    assert kinds["Channel 4"] == kinds["Radio 4"] == kinds["Radio 5"] == "number inside a name or a code"
    assert kinds["text SHOUT to 85258"] == "phone number"
    assert _status("Channel 4 found 12 cases of child sexual exploitation.") == [("12", "not in the record")]


def test_a_count_of_a_thing_no_list_names_is_not_the_records_count_of_another() -> None:
    """A count whose noun no list of counted things holds counted nothing, so nothing was compared: "29 taxi
    licences" was "in the record" as HMIC's 29 online cases handled with issues, "93 hotels" as its 93 cases
    handled well, "34 apps" as its 34 online cases, "43 takeaways" as 43 cases graded good and "900 laptops" as
    Operation Notarise's 900 premises searched."""
    for text, printed in (
            ("The council revoked 29 taxi licences after the review of child sexual exploitation cases.", "29"),
            ("Police visited 93 hotels as part of the child protection inspection.", "93"),
            ("In the online cases review, 34 apps were reported.", "34"),
            ("The Met has closed 43 takeaways linked to child sexual exploitation.", "43"),
            ("Detectives seized 745 phones and 900 laptops in the operation.", "900")):
        assert dict(_status(text))[printed] == "not in the record", text
        assert any(r.startswith("counts ") for r in _reasons(text, printed)), text


def test_a_count_whose_noun_is_the_records_still_matches() -> None:
    """The guard: the record's own words, a synonym of its counted people, and a number followed by a verb."""
    for text, printed in (
            ("There were 7.8 million residents in mid-2010, an increase from 7.3 million in 2001.", "7.8 million"),
            ("So far, 745 people have been arrested, 900 premises searched, and nearly 10,000 devices capable of "
             "storing indecent images seized.", "900"),
            ("Nearly 10,000 devices were seized under Operation Notarise.", "Nearly 10,000"),
            ("The Met said the 9,000 represents every case of child sexual exploitation it is reviewing.", "9,000")):
        assert dict(_status(text))[printed] == "in the record", text


# --- a bound beside an exact count ------------------------------------------------------------------------------


def test_a_bound_that_leaves_out_the_records_exact_count_is_not_borne_out() -> None:
    """"Over 922 crimes" where the Met recorded exactly 922, and "More than 1,273 cases" beside the minister's 1,273:
    the record's figure, printed alike, was the answer, "in the record", exit 0."""
    for text, printed in (
            ("Over 922 crimes connected with child sexual exploitation were recorded by the Met in 2016.", "Over 922"),
            ("More than 1,273 cases have now been identified by the new policing operation.", "More than 1,273")):
        assert _status(text) == [(printed, "not in the record")], text
        assert any(r.startswith("exactly ") for r in _reasons(text, printed)), text


def test_a_bound_beside_a_round_figure_or_the_same_bound_still_matches() -> None:
    """The guard: "more than 9,000" beside the Met's 9,000 (a round figure may stand for more), and the record's
    own bound."""
    for text, printed in (
            ("More than 9,000 cases of child sexual exploitation are being reviewed by the Metropolitan Police.",
             "More than 9,000"),
            ("More than 1,200 cases from 23 forces have been handed to the National Crime Agency.", "More than 1,200"),
            ("About 922 crimes connected with child sexual exploitation were recorded by the Met in 2016.",
             "About 922")):
        assert dict(_status(text))[printed] == "in the record", text


# --- a share and its complement ---------------------------------------------------------------------------------


def test_a_share_stated_without_the_records_not_is_not_the_records_share() -> None:
    """Baroness Casey's audit: ethnicity "not recorded for two-thirds of perpetrators". "Ethnicity was recorded for
    two-thirds of perpetrators" (the complement) was "in the record" as that share; so was NAPAC's "one in seven
    callers … had not told anyone" for callers who "had told someone"."""
    for text, printed in (("Ethnicity was recorded for two-thirds of perpetrators.", "two-thirds"),
                          ("Around one in seven callers to the NAPAC helpline had told someone about their abuse "
                           "before.", "Around one in seven")):
        assert _status(text) == [(printed, "not in the record")], text
        assert any(r.startswith("the share not ") for r in _reasons(text, printed)), text


def test_a_share_stated_with_its_denial_still_matches() -> None:
    for text in ("Ethnicity was not recorded for two-thirds of perpetrators.",
                 "Two-thirds of perpetrators' ethnicity went unrecorded.",
                 "The ethnicity of two-thirds of perpetrators is still not recorded in nationally collected data.",
                 "Police failed to record the ethnicity of two-thirds of perpetrators.",
                 "Around one in seven callers to the NAPAC helpline had never told anyone about their abuse before."):
        assert _status(text)[0][1] == "in the record", text


def test_a_figure_outside_london_or_of_a_nation_named_by_its_adjective_is_not_the_records() -> None:
    """"Outside London, 922 crimes …", "Forces outside London recorded 922 …" and "Excluding London, …" named London,
    so the Met's 922 was the answer; "Scottish police recorded 922 …" and "Welsh forces recorded 87,992 …" named no
    place."""
    for text in ("Outside London, 922 crimes connected with child sexual exploitation were recorded in 2016.",
                 "Forces outside London recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "Excluding London, police recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "Scottish police recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "Welsh forces recorded 87,992 child sexual abuse offences in 2019/20."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert any(", not " in m["differs"] for m in figure["other_definitions"]), text


def test_london_after_other_words_is_still_london() -> None:
    for text in ("Inside London, 922 crimes connected with child sexual exploitation were recorded in 2016.",
                 "Across London, the Met recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "The Met, which polices London but not the City, recorded 922 crimes connected with child sexual "
                 "exploitation in 2016."):
        assert _status(text)[0] == ("922", "in the record"), text


def test_a_count_of_adults_or_of_children_is_not_the_records_count_of_the_other() -> None:
    """"500,000 adults" was the CSA Centre's 500,000 children, and "745 children" Operation Notarise's 745 people
    arrested: every word for a person is of one kind."""
    for text in ("An estimated 500,000 adults are sexually abused every year in England and Wales.",
                 "Police identified 745 children under Operation Notarise."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert any(m["differs"].startswith("counts ") for m in figure["other_definitions"]), text
    assert _status("So far, 745 people have been arrested under Operation Notarise.") == [("745", "in the record")]
    assert _status("An estimated 500,000 children are sexually abused every year in England and Wales.") == [
        ("An estimated 500,000", "in the record")]


# --- abuse or exploitation --------------------------------------------------------------------------------------


def test_a_count_of_child_sexual_abuse_is_not_the_records_count_of_exploitation() -> None:
    """Child sexual exploitation is one form of child sexual abuse, counted apart: "12,120 children … affected by
    child sexual abuse" was the DfE's 12,120 assessed for exploitation, "29,560 … exploitation" its 29,560 for abuse,
    "922 crimes connected with child sexual abuse" the Met's 922 flagged for exploitation, "13,860 CSA assessments"
    the 13,860 CSE ones, and "57% of CSE assessments" the girls' share of CSA ones: each "in the record"."""
    for text in ("12,120 children were assessed as having been affected by child sexual abuse in 2025.",
                 "29,560 children were assessed as having been affected by child sexual exploitation in 2025.",
                 "The Met recorded 922 crimes connected with child sexual abuse in 2016.",
                 "13,860 CSA assessments were recorded in 2023-24.",
                 "Girls accounted for 57% of CSE assessments."):
        figure = _figures(text)[0]
        assert figure["status"] == "not in the record", text
        assert any(m["differs"].startswith("of child sexual ") for m in figure["other_definitions"]), text


def test_a_count_of_the_records_form_of_abuse_still_matches() -> None:
    for text in ("12,120 children were assessed as having been affected by child sexual exploitation in 2025.",
                 "29,560 children were assessed as having been affected by child sexual abuse in 2025.",
                 "The Met recorded 922 crimes connected with child sexual exploitation in 2016.",
                 "The Met recorded 922 crimes connected with child sexual abuse and exploitation in 2016.",
                 "Girls accounted for 57% of CSA assessments."):
        assert _status(text)[0][1] == "in the record", text
