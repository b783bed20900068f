"""Issue 24, round forty-six, helper r46a: scan (class 3) on how ordinary prose places, dates and labels its figures.
A story about another town, a figure dated by the year the sentence opens with, a victim's age as court reports
print it, a trial's days and witnesses, the days of a hearing, "one out of five" and a rate "for every 10,000": each
was matched to the record's figure of another place or year ("in the record"), read as a count not in the record,
or read as a share no record figure is printed as."""

from __future__ import annotations

from typing import Any

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT

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
