"""Issue 24, round forty-nine, helper r49a: scan (class 3) on sentence shapes rounds 45–48 did not try. A figure a
sentence denies with a verb ("Police did not record 922 crimes", "It is not true that the Met recorded 922", "The
claim that 922 … is false") or forecasts with one ("is expected to record 922"); the year a label gives its figure
("…, 2014: 922", a definition list's term over its value) or that a note's mark ("922[1]") or eight words stand
between; a count of victims read as crimes because "child sexual abuse and exploitation crimes" was taken to count
children; a figure credited to another body than the record's ("According to the Met, 76,204 …", the NSPCC's); a
band of children's ages ("girls aged 13 to 17"); a span counted back from now ("over the past two years", "last
month"); and crimes counted where the record's figure is an inspection's case files. Each was "in the record" as the
record's figure, exit 0."""

from __future__ import annotations

from typing import Any

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT


def _scan(text: str) -> dict[str, Any]:
    return scan_text(text, DEFAULT)


def _status(text: str) -> dict[str, str]:
    """Each figure as printed with its status ("in the record", "not in the record")."""
    return {f["value_as_printed"]: f["status"] for f in _scan(text)["figures"]}


def _reasons(text: str, printed: str) -> list[str]:
    """Why the record's figures printed alike were set apart, for the figure printed `printed`."""
    figure = next(f for f in _scan(text)["figures"] if f["value_as_printed"] == printed)
    return [m["differs"] for m in figure["other_definitions"]]


def _in_the_record(text: str, printed: str) -> bool:
    return _status(text).get(printed) == "in the record"


# --- a figure denied or forecast by a verb ---------------------------------------------------------------------------


def test_a_figure_a_sentence_denies_with_a_verb_is_checked_by_hand_not_in_the_record() -> None:
    """The Met recorded 922 crimes connected with CSE in 2016; the Standard 1,200 offences in 2017. "not" was read
    only right before a figure ("not 1,200"), a verb of denial only right before it ("denied that 1,200"): a denied
    verb ("did not record", "never recorded", "didn't record"), a denial with the figure later in its clause ("It is
    not true that the Met recorded 922", "denied that it recorded 922", "false to say there were 922") and a claim
    the sentence calls false after the figure were each the record's figure, "in the record", exit 0."""
    for text, printed in (
            ("Police did not record 922 crimes connected with child sexual exploitation in 2016.", "922"),
            ("Police didn't record 922 crimes connected with child sexual exploitation in 2016.", "922"),
            ("The Met never recorded 922 crimes connected with child sexual exploitation in 2016.", "922"),
            ("It is not true that the Met recorded 922 crimes connected with child sexual exploitation in 2016.",
             "922"),
            ("The Met has denied that it recorded 922 crimes connected with child sexual exploitation in 2016.",
             "922"),
            ("It was false to say there were 922 crimes connected with child sexual exploitation in London in "
             "2016.", "922"),
            ("It is not true that there were 1,200 offences of child sexual exploitation in the capital in 2017.",
             "1,200"),
            ("The claim that 922 crimes connected with child sexual exploitation were recorded in 2016 is false.",
             "922"),
            ("Reports that 1,200 offences of child sexual exploitation were recorded in the capital in 2017 were "
             "wrong.", "1,200")):
        result = _scan(text)
        assert printed not in {f["value_as_printed"] for f in result["figures"]}, text
        assert any("denies" in line and printed in line for line in result["not_read"]), (text, result["not_read"])


def test_a_figure_beside_a_denial_it_is_not_taken_by_is_still_the_records() -> None:
    """The guards: "not" that takes no figure ("did not say how many of the 922"), "not including" and "not
    only", which keep the figure a fact, a claim the sentence does not call false, a count a verb of rejection takes
    ("rejected 1,200 appeals") and a denial whose clause ends before the figure."""
    for text, printed in (
            ("The Met did not say how many of the 922 crimes connected with child sexual exploitation in 2016 led "
             "to a charge.", "922"),
            ("The figure, not including 922 crimes connected with child sexual exploitation in 2016, was "
             "published.", "922"),
            ("The Met did not only record 922 crimes connected with child sexual exploitation in 2016.", "922"),
            ("Reports that 1,200 offences of child sexual exploitation were recorded in the capital in 2017 were "
             "confirmed by the Met.", "1,200")):
        assert _in_the_record(text, printed), (text, _status(text))
    assert _status("Judges rejected 1,200 appeals.") == {"1,200": "not in the record"}


def test_a_figure_a_forecast_says_will_be_recorded_or_may_have_been_is_no_record() -> None:
    """A forecast was read where its verb was "be", "reach", "hit" and the like: "is expected to record 922
    crimes", "could see 1,200 offences" and "could have been as high as 922" were the Met's 922 and the Standard's
    1,200, "in the record"."""
    for text in (
            "The Met is expected to record 922 crimes connected with child sexual exploitation in 2016.",
            "Crimes connected with child sexual exploitation could have been as high as 922 in 2016.",
            "London could see 1,200 offences of child sexual exploitation in 2017, police warned."):
        result = _scan(text)
        assert not result["figures"], (text, _status(text))
        assert any("forecast" in line for line in result["not_read"]), (text, result["not_read"])


# --- the year a figure is given ---------------------------------------------------------------------------------------


def test_a_figure_takes_the_year_its_label_or_its_clause_gives_it() -> None:
    """The Met's 922 were 2016's (618 in 2014); the VKPP's 115,489 offences 2023's. A year before the colon that
    gives a caption's or a list item's figure or opens the sentence as a label, a year after a note's mark ("922[1]
    crimes … in 2014"), a year in brackets after the figure's words and a year eight words after the figure were not
    read as its year, so each figure was "in the record" as another year's. The guards include a comparison in
    brackets ("922 crimes (2014: 618)"), whose year is the other figure's."""
    for text, printed in (
            ("Crimes connected with child sexual exploitation, 2014: 922", "922"),
            ("Crimes connected with child sexual exploitation in 2014: 922", "922"),
            ("The Met recorded 922[1] crimes connected with child sexual exploitation in 2014.", "922"),
            ("The Met recorded 922 crimes connected with child sexual exploitation[1] in 2014.", "922"),
            ("Police recorded 115,489 child sexual abuse offences in England and Wales in 2024.", "115,489"),
            ("The Met recorded 922 crimes connected with CSE (2014).", "922"),
            ("The Met recorded 922 crimes connected with CSE [2014].", "922"),
            ("2014: The Met recorded 922 crimes connected with CSE.", "922")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert any(r.endswith(("not 2014", "not 2024")) for r in _reasons(text, printed)), text
    for text, printed in (  # the guards: the right year in each shape
            ("Crimes connected with child sexual exploitation, 2016: 922", "922"),
            ("The Met recorded 922[1] crimes connected with child sexual exploitation in 2016.", "922"),
            ("Police recorded 115,489 child sexual abuse offences in England and Wales in 2023.", "115,489"),
            ("The Met recorded 922 crimes connected with CSE (2016).", "922"),
            ("2016: The Met recorded 922 crimes connected with CSE.", "922"),
            ("The Met recorded 922 crimes (2014: 618).", "922")):
        assert _in_the_record(text, printed), (text, _status(text))


def test_a_figure_alone_in_its_block_takes_its_labels_year() -> None:
    """A definition list's term over its value, as a page's fact box prints one: "Crimes connected with CSE, 2014"
    over "922" was read with the term's words but not its year, "in the record" as 2016's 922."""
    page = ("<html><body><dl><dt>Crimes connected with child sexual exploitation, {year}</dt><dd>922</dd></dl>"
            "</body></html>")
    assert _status(page.format(year=2014)) == {"922": "not in the record"}
    assert _status(page.format(year=2016)) == {"922": "in the record"}


# --- what is counted, and by whom ------------------------------------------------------------------------------------


def test_a_count_of_people_is_not_a_count_of_crimes_whose_phrase_names_children() -> None:
    """The VKPP (and a newspaper's copy) give 115,489 "child sexual abuse and exploitation crimes" in 2023. The
    copy's phrase was cut at "and", so it counted "child", and "115,489 child sexual abuse victims" was "in the
    record" as a count of people. The guard: the crimes themselves, in those words, still match."""
    text = "Police recorded 115,489 child sexual abuse victims in England and Wales in 2023."
    assert _status(text) == {"115,489": "not in the record"}
    assert all(r.startswith("counts ") and r.endswith("not victims") for r in _reasons(text, "115,489"))
    assert _in_the_record("A total of 115,489 child sexual abuse and exploitation crimes were recorded in England "
                          "and Wales in 2023.", "115,489")
    assert _status("Police recorded 500 girls and boys at risk.") == {"500": "not in the record"}


def test_a_count_of_crimes_is_not_an_inspections_count_of_case_files() -> None:
    """HMIC examined 374 case files in 2016. "The Met recorded 374 crimes connected with child sexual exploitation in
    2016" was "in the record" as those cases, cases and crimes being one kind of counted thing. The guard: the
    inspection's cases as cases."""
    text = "The Met recorded 374 crimes connected with child sexual exploitation in 2016."
    assert _status(text) == {"374": "not in the record"}
    assert any("inspection" in r for r in _reasons(text, "374"))
    assert _in_the_record("Inspectors examined 374 cases in 2016.", "374")


def test_a_figure_credited_to_another_body_than_the_records_is_not_the_records() -> None:
    """The NSPCC's freedom-of-information count of 76,204 sexual offences against children in the UK (2018-19), the
    ONS's 3.1 million adults abused before 16, HMIC's 278 of 374 cases: credited to the Met or the NSPCC, each was
    "in the record", though no such body gave it."""
    for text, printed, reason in (
            ("According to the Met, 76,204 sexual offences against children were recorded in the UK in the year "
             "to March 2019.", "76,204", "from the NSPCC, not the Met"),
            ("The NSPCC said an estimated 3.1 million adults were sexually abused before the age of 16.",
             "an estimated 3.1 million", "from the ONS, not the NSPCC"),
            ("The Met said 278 of 374 cases were handled inadequately or required improvement.", "278",
             "not the Met"),
            # (and a quote's source after it, and a body labelling a headline)
            ('"We recorded 922 crimes connected with child sexual exploitation in 2016," said an NSPCC '
             "spokesperson.", "922", "from the Met, not the NSPCC"),
            ('"922 crimes connected with child sexual exploitation were recorded in 2016" — NSPCC', "922",
             "from the Met, not the NSPCC"),
            ("NSPCC: 922 crimes connected with child sexual exploitation in London in 2016", "922",
             "from the Met, not the NSPCC")):
        assert _status(text)[printed] == "not in the record", (text, _status(text))
        assert any(reason in r for r in _reasons(text, printed)), (text, _reasons(text, printed))


def test_a_figure_credited_to_its_own_body_or_to_several_is_still_the_records() -> None:
    """The guards: the record's own body, a sentence crediting two bodies (it constrains nothing, as two places
    do), a sentence crediting none, and a body credited with another statement of the sentence (the seed story's
    "13 per cent of the UK's population: There are 'no reports' …, according to the Mayor of London")."""
    for text, printed in (
            ("According to the NSPCC, 76,204 sexual offences against children were recorded in the UK last year.",
             "76,204"),
            ("The ONS estimated 3.1 million adults were sexually abused before 16.", "estimated 3.1 million"),
            ("HMIC found the Met handled 278 of 374 cases inadequately or required improvement.", "278"),
            ("The Home Office said the Met recorded 922 crimes connected with child sexual exploitation in 2016.",
             "922"),
            ("The Met recorded 922 crimes connected with child sexual exploitation in 2016.", "922"),
            ("Met Police: 922 crimes connected with child sexual exploitation in London in 2016", "922"),
            # (the body a figure was told to: GB News's report of the Met's 9,000 cases)
            ("Met Commissioner Sir Mark Rowley told the London Assembly on Thursday that though the 9,000 cases "
             'were identified as potentially falling into the broad definition of "grooming gangs", upon a further '
             "review of 2,200 of them, just 1,200 remained in scope.", "9,000"),
            # (a body credited with another statement of the sentence, after a colon)
            ("The NSPCC's figures cover 2016: the Met recorded 922 crimes connected with child sexual "
             "exploitation.", "922")):
        assert _in_the_record(text, printed), (text, _status(text))


# --- whose ages, and over what span ----------------------------------------------------------------------------------


def test_a_figure_given_for_a_band_of_childrens_ages_is_not_the_records_of_every_age() -> None:
    """The VKPP's 79% of CSAE victims female (2023) and the DfE's 2,190 children on protection plans for sexual abuse
    (2024-25) are of children of every age: given for "girls aged 13 to 17" or "children aged 10 to 15" each was "in
    the record"."""
    for text, printed in (
            ("Girls aged 13 to 17 made up 79% of victims of child sexual abuse in England and Wales in 2023.", "79%"),
            ("Some 2,190 children aged 10 to 15 were placed on child protection plans for sexual abuse in England "
             "in 2024-25.", "Some 2,190")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert any(r.startswith("every age, not aged") for r in _reasons(text, printed)), text
    assert _in_the_record("Children as young as 10 were among 2,190 children on protection plans for sexual abuse "
                          "in England in 2024-25.", "2,190")


def test_a_count_over_a_span_counted_back_from_now_is_not_the_records_years_count() -> None:
    """The Met's 922 were one year's (2016); the CSA Centre's 500,000 children abused are a year's estimate. "Over the
    past two years, the Met recorded 922 crimes" and "500,000 children were sexually abused … last month" were each
    "in the record"."""
    for text, printed in (
            ("Over the past two years, the Met recorded 922 crimes connected with child sexual exploitation.", "922"),
            ("About 500,000 children were sexually abused in England and Wales last month.", "About 500,000")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
    for text, printed in (  # the guards: one year counted back, and a count the sentence gives per year
            ("In the past year, the Met recorded 922 crimes connected with child sexual exploitation.", "922"),
            ("In the last 12 months the Met recorded 922 crimes connected with child sexual exploitation.", "922"),
            ("Since 2014, about 500,000 children have been sexually abused every year in England and Wales.",
             "about 500,000")):
        assert _in_the_record(text, printed), (text, _status(text))


def test_a_share_the_figures_clause_denies_is_not_the_records_share_of_those_it_is_so_of() -> None:
    """The Telegraph's copy of the Hydrant data: ethnicity was recorded for 34% of group-based suspects. The record
    read a denial only where its own share was of those something is not so; "A third of perpetrators had no
    ethnicity recorded" and "Ethnicity was not recorded for 34% of suspects" were "in the record" as the 34% whose
    ethnicity was recorded. The guards: the share stated as recorded, and a denial in another clause ("85% … were
    white, though ethnicity was not recorded for most": the whole of the share, not its part)."""
    for text, printed in (
            ("A third of perpetrators had no ethnicity recorded, Baroness Casey found.", "A third"),
            ("Ethnicity was not recorded for 34% of suspects in 2023.", "34%")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert "the share recorded, not the share not recorded" in _reasons(text, printed), text
    for text, printed in (
            ("Some 34% of suspects had their ethnicity recorded in 2023.", "Some 34%"),
            ("In 2023, 85% of group-based suspects were white, though ethnicity was not recorded for most.", "85%"),
            ("About one in eight child sexual abuse investigations ended in an out-of-court resolution; most did "
             "not end in a charge.", "About one in eight")):
        assert _in_the_record(text, printed), (text, _status(text))


def test_a_figure_in_a_tables_cell_is_read_with_its_columns_heading_and_its_rows_year() -> None:
    """The Met's crimes connected with CSE, 618 in 2014 and 922 in 2016, as a page's table prints them: each row was
    read alone ("2016 | 922"), with no words to match, and was "not in the record" where the record holds it; with
    the years as the columns' headings, a row giving the years' figures the other way round was no different. The
    guard: the years swapped in either layout are not the record's."""
    by_year = ("<html><body><table><tr><th>Year</th><th>Crimes connected with child sexual exploitation</th></tr>"
               "<tr><td>2014</td><td>{0}</td></tr><tr><td>2016</td><td>{1}</td></tr></table></body></html>")
    by_column = ("<html><body><table><tr><th>Measure</th><th>2014</th><th>2016</th></tr><tr><td>Crimes connected "
                 "with child sexual exploitation</td><td>{0}</td><td>{1}</td></tr></table></body></html>")
    for page in (by_year, by_column):
        assert _status(page.format("618", "922")) == {"618": "in the record", "922": "in the record"}, page
        assert _status(page.format("922", "618")) == {"618": "not in the record", "922": "not in the record"}, page


def test_a_year_counted_from_the_sentences_year_is_the_figures() -> None:
    """The Met's 618 crimes were 2014's, its 922 2016's; it printed none for 2015. "922 … in 2016 and 618 a year
    earlier" put 618 in 2015, and was "in the record" as 2014's. The guards: two years earlier, and two years
    later from 2014."""
    for text in ("There were 922 crimes connected with child sexual exploitation in 2016 and 618 a year earlier.",
                 "In 2016, the Met recorded 922 crimes connected with child sexual exploitation, up from 618 a year "
                 "before."):
        assert _status(text) == {"922": "in the record", "618": "not in the record"}, (text, _status(text))
        assert "2014-01-01 to 2014-12-31, not 2015" in _reasons(text, "618"), text
    for text in ("There were 922 crimes connected with child sexual exploitation in 2016 and 618 two years earlier.",
                 "There were 618 crimes connected with child sexual exploitation in 2014 and 922 two years later."):
        assert set(_status(text).values()) == {"in the record"}, (text, _status(text))


def test_a_list_of_ages_is_no_count() -> None:
    """"The victims, aged 13, 14 and 15, were groomed": the first age was read as one, and 14 and 15 as counts, "in
    the record" as the Met's syndicates (at least 10). After "aged" without the commas a court report prints them
    in, likewise."""
    for text in ("The victims, aged 13, 14 and 15, were groomed in London.",
                 "The victims, 13, 14 and 15, were groomed in London.",
                 "Girls aged 13, 14 and 15 were groomed in London."):
        assert not _scan(text)["figures"], (text, _status(text))


def test_a_figure_of_another_harm_than_sexual_abuse_is_not_the_records() -> None:
    """The DfE's 2,190 children on plans for sexual abuse (2024-25) and 13,860 assessments recording child sexual
    exploitation (2023-24): given for neglect, physical abuse or child criminal exploitation, each was "in the
    record". The guard: a sentence naming sexual abuse beside another harm."""
    for text, printed, harm in (
            ("Some 2,190 children were placed on child protection plans for neglect in England in 2024-25.",
             "Some 2,190", "neglect"),
            ("Some 2,190 children were placed on child protection plans for physical abuse in England in 2024-25.",
             "Some 2,190", "physical abuse"),
            ("In 2023-24, 13,860 assessments identified child criminal exploitation as a concern in England.",
             "13,860", "criminal exploitation")):
        assert _status(text) == {printed: "not in the record"}, (text, _status(text))
        assert f"of sexual abuse or exploitation, not {harm}" in _reasons(text, printed), text
    assert _in_the_record("Some 2,190 children were placed on child protection plans for sexual abuse, not neglect, "
                          "in England in 2024-25.", "Some 2,190")


def test_a_count_named_by_the_records_own_unit_counts_that_unit() -> None:
    """"assessments", a unit of the record, was no counted noun: "13,860 assessments identified child sexual
    exploitation as a concern" counted "child" and was "not in the record", where the DfE's 13,860 assessments
    are."""
    assert _in_the_record("In 2023-24, 13,860 assessments identified child sexual exploitation as a concern in "
                          "England.", "13,860")


def test_a_figure_put_in_a_denied_ones_place_takes_its_year() -> None:
    """"Not 1,200 offences … in 2017 but 922": the 922 is given for 2017, where the Standard's figure is 1,200; it
    was "in the record" as the Met's 922 of 2016. The guard: the same shape with the year the record gives 922."""
    text = ("There were fewer than claimed: not 1,200 offences of child sexual exploitation in the capital in 2017 "
            "but 922.")
    assert _status(text) == {"922": "not in the record"}, _status(text)
    assert _in_the_record("The Met recorded not 618 crimes connected with child sexual exploitation in 2016 but 922.",
                          "922")


def test_a_count_that_names_what_it_counts_is_not_a_rates_value() -> None:
    """The DfE: 332.9 children in need per 10,000 children in England (2024). A bare number may print a rate's value
    without its base, so "There were 333 children in need in England in 2024" (a count of 333 children) was "in the
    record" as that rate. The guards: the rate printed with a word of a rate, with or without its base."""
    text = "There were 333 children in need in England in 2024."
    assert _status(text) == {"333": "not in the record"}, _status(text)
    assert "a rate per 10,000 children, not a count of children" in _reasons(text, "333")
    for text, printed in (("The rate of children in need in England was 332.9 in 2024.", "332.9"),
                          ("In 2024, 332.9 children per 10,000 in England were in need.", "332.9")):
        assert _in_the_record(text, printed), (text, _status(text))
