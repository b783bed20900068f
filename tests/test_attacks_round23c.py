"""Issue 24, round twenty-three (helper c): the document handed to `scan` and the wording of its figures, fresh
inputs in the style of UK news and official reports; each failure fixed by class."""

from __future__ import annotations

import pytest

from tests.scanned import read as _read

# --- a reference to a part of a report is no count -----------------------------------------------------------------


@pytest.mark.parametrize("reference", [
    # each was read as a count (2.1, 3, 4, …): a chart's, a box's or a note's number, or a reference abbreviated with
    # its stop, where the sentence was also split after the stop and the number left alone in a sentence of its own
    "Chart 2.1", "Fig 3", "Fig. 3", "Figs. 3", "Graph 4", "Box 2.1", "Map 3", "Exhibit 4", "Diagram 2",
    "footnote 14", "Annexe 3", "para. 4.12", "paras. 4.12", "Ch. 3", "sec. 3", "art. 8", "Vol. 2",
])
def test_a_reference_to_a_part_of_a_report_is_no_count(reference: str) -> None:
    assert _read(f"The force recorded 1,582 offences in 2019 (see {reference}).") == (
        [("1,582", 1582.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a stop after a word that is no reference still ends a sentence, and a count after one is a count
    ("The figures were made plain. 12 forces replied.", [("12", 12.0, "count", "exact")]),
    ("Officers searched the map. 1,200 homes were visited.", [("1,200", 1200.0, "count", "exact")]),
    ("The box held 1,200 images.", [("1,200", 1200.0, "count", "exact")]),
])
def test_a_count_beside_those_words_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a hedge written as an adjective after an article ---------------------------------------------------------------


@pytest.mark.parametrize(("printed", "qualifier"), [
    # each was the exact 1,200: "an estimated" and "a projected" were read, their fellows not
    ("a possible 1,200", "about"), ("a potential 1,200", "about"), ("a probable 1,200", "about"),
    ("a rough 1,200", "about"), ("a predicted 1,200", "about"), ("a forecast 1,200", "about"),
    ("an anticipated 1,200", "about"), ("in the ballpark of 1,200", "about"),
    ("within touching distance of 1,200", "almost"),
])
def test_a_hedge_after_an_article_is_a_qualifier(printed: str, qualifier: str) -> None:
    assert _read(f"Referrals were {printed}.") == ([(printed, 1200.0, "count", qualifier)], [])


# --- a qualifier's words after a verb whose particle they are -----------------------------------------------------


@pytest.mark.parametrize(("text", "printed"), [
    # "up to" after a verb of rising names the level reached: each was "at most 1,300"
    ("The figure was revised up to 1,300.", "1,300"),
    ("Referrals went up to 1,300 last year.", "1,300"),
    ("Referrals have gone up to 1,300.", "1,300"),
    ("Referrals shot up to 1,300.", "1,300"),
    ("Referrals crept up to 1,300.", "1,300"),
    # "over" after "hand", "carry", "sign", "pore": the number handed or read; each was "more than 1,200"
    ("Police handed over 1,200 images to the agency.", "1,200"),
    ("The force carried over 1,200 cases from 2019.", "1,200"),
    ("Officers pored over 1,200 images.", "1,200"),
    ("The force is handing over 1,200 files.", "1,200"),
])
def test_a_qualifier_s_words_as_a_verb_s_particle_are_no_qualifier(text: str, printed: str) -> None:
    assert _read(text) == ([(printed, float(printed.replace(",", "")), "count", "exact")], [])


@pytest.mark.parametrize(("text", "printed", "qualifier"), [
    # what stays: the qualifier alone, or after a verb that takes it as one ("took over 12 months" is more than 12)
    ("Up to 1,300 referrals were made.", "Up to 1,300", "at most"),
    ("Referrals of up to 1,300 a year were made.", "up to 1,300", "at most"),
    ("The inquiry took over 12 investigations.", "over 12", "more than"),
    ("The force paid out over 1,200 claims.", "over 1,200", "more than"),
    ("Police handed in over 1,200 images.", "over 1,200", "more than"),
])
def test_a_qualifier_elsewhere_is_still_read(text: str, printed: str, qualifier: str) -> None:
    assert _read(text) == ([(printed, float(printed.split()[-1].replace(",", "")), "count", qualifier)], [])


# --- a fraction in words before a comparison is a change --------------------------------------------------------------


def _derived(text: str) -> list[tuple[str, float, str]]:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    return [(f["value_as_printed"], round(f["value"], 2), f["derived"]) for f in scan_text(text, DEFAULT)["figures"]]


@pytest.mark.parametrize(("text", "printed", "value"), [
    # each was dropped without a word (a "fraction word that is no share", shown only with --all)
    ("Referrals were a third higher than in 2019.", "a third", 33.33),
    ("Referrals were a quarter lower.", "a quarter", 25.0),
    ("There were a third more referrals than in 2019.", "a third", 33.33),
    ("There were a fifth fewer referrals.", "a fifth", 20.0),
    ("Referrals were two-thirds higher.", "two-thirds", 66.67),
    ("Referrals were a tenth up on 2019.", "a tenth", 10.0),
])
def test_a_fraction_before_a_comparison_is_a_change(text: str, printed: str, value: float) -> None:
    assert _derived(text) == [(printed, value, "percent_change")]


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a fraction of a whole is a share, a period no share, an ordinal half no figure
    ("A third of referrals were girls.", [("A third", 33.33, "share")]),
    ("Around a third were girls.", [("Around a third", 33.33, "share")]),
    ("Police made 300 referrals a quarter.", [("300", 300.0, "")]),
    ("Referrals fell in the first half.", []),
])
def test_a_fraction_of_a_whole_is_still_a_share(text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _derived(text) == figures


# --- a figure set aside for another, and a target or forecast in other words ----------------------------------------

_DENIED = "number the sentence denies"
_FORECAST = "target, forecast or hypothetical figure"


def _listed(left: str, kind: str) -> str:
    from tests.scanned import listed

    return listed(left, kind)


@pytest.mark.parametrize(("text", "left"), [
    # the figure the sentence sets aside was read as exact, as "not 1,200" was before round 22
    ("Referrals were 1,300 rather than 1,200.", "rather than 1,200"),
    ("Referrals were 1,300 instead of 1,200.", "instead of 1,200"),
    ("Referrals were 1,300, not the 1,200 claimed.", "not the 1,200"),
])
def test_a_figure_set_aside_for_another_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([("1,300", 1300.0, "count", "exact")], [_listed(left, _DENIED)])


@pytest.mark.parametrize(("text", "left"), [
    # each was the exact figure, as if it had happened
    ("The force is on course for 2,000 referrals.", "on course for 2,000"),
    ("Referrals are heading for 2,000.", "heading for 2,000"),
    ("Referrals are heading towards 2,000.", "heading towards 2,000"),
    ("The force is on track towards 2,000 referrals.", "on track towards 2,000"),
    ("Referrals are anticipated to reach 2,000.", "anticipated to reach 2,000"),
    ("Referrals should reach 2,000 next year.", "should reach 2,000"),
    ("The force aims to recruit 2,000 officers.", "aims to recruit 2,000"),
    ("The force plans to hire 2,000 staff.", "plans to hire 2,000"),
    ("Ministers want to see 2,000 more officers.", "want to see 2,000"),
    ("The force is planning to recruit 2,000 officers.", "planning to recruit 2,000"),
    ("The force was hoping to hire 2,000 staff.", "hoping to hire 2,000"),
])
def test_a_target_or_forecast_in_other_words_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, _FORECAST)])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: what happened, and a qualifier after "not"
    ("The force recruited 2,000 officers.", [("2,000", 2000.0, "count", "exact")]),
    ("Referrals were not more than 2,000.", [("not more than 2,000", 2000.0, "count", "at most")]),
    ("The force headed the list with 2,000 referrals.", [("2,000", 2000.0, "count", "exact")]),
    ("More officers rather than fewer were hired: 2,000 in all.", [("2,000", 2000.0, "count", "exact")]),
])
def test_what_happened_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a note's mark read out of a PDF as a plain digit on to a figure -------------------------------------------------


@pytest.mark.parametrize(("text", "figures"), [
    # pdftotext prints a superscript "³" as "3": the share was the count 56, a count 3 was made up, the scale was lost,
    # and "£1.2m3" dropped without a word
    ("Police recorded 56 per cent3 of offences.", [("56 per cent", 56.0, "share")]),
    ("Police recorded 56%3 of offences.", [("56%", 56.0, "share")]),
    ("Officers found 1.2 million4 images.", [("1.2 million", 1200000.0, "")]),
    ("Police recorded £1.2m3 in fines.", [("£1.2m", 1200000.0, "")]),
    ("Police recorded £12bn3 in fines.", [("£12bn", 12000000000.0, "")]),
    ("Police recorded £12m3 in fines.", [("£12m", 12000000.0, "")]),
    # after the stop, where it also ended no sentence: the share read the next sentence's "more" as a rise
    ("Girls were 12 per cent.2 Officers found 56% more images.",
     [("12 per cent", 12.0, "share"), ("56%", 56.0, "percent_change")]),
])
def test_a_note_mark_printed_as_a_digit_after_a_figure_s_unit_is_no_number(
        text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _derived(text) == figures


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a decimal, and a number after a stop and a space
    ("Referrals rose to 12.5 per cent.", [("12.5 per cent", 12.5, "share")]),
    ("Girls were 12 per cent. 2 officers were charged.", [("12 per cent", 12.0, "share"), ("2", 2.0, "")]),
])
def test_a_number_apart_from_a_unit_is_still_read(text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _derived(text) == figures


# --- a confidence interval, and a range named by its word -----------------------------------------------------------


@pytest.mark.parametrize(("text", "figures", "left"), [
    # the level was read as the share 95%, and an interval written with "to" as two exact figures
    ("Referrals were 1,200 (95% CI 1,100 to 1,300).", [("1,200", 1200.0, "count", "exact")], "1,100 to 1,300"),
    ("Referrals were 1,200 (95% confidence interval: 1,100-1,300).", [("1,200", 1200.0, "count", "exact")],
     "1,100-1,300"),
    ("The rate was 12% (95 per cent confidence interval 10 to 14 per cent).", [("12%", 12.0, "percent", "exact")],
     "10 to 14 per cent"),
    ("Referrals were in the 1,200 to 1,500 range.", [], "1,200 to 1,500"),
    ("Estimates give a range of 1,200 to 1,500.", [], "1,200 to 1,500"),
])
def test_an_interval_is_a_range_and_its_level_no_figure(text: str, figures: list[tuple[str, float, str, str]],
                                                          left: str) -> None:
    assert _read(text) == (figures, [_listed(left, "range")])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a share of 95%, and a change from one figure to another
    ("Some 95% of cases were closed.", [("Some 95%", 95.0, "percent", "about")]),
    ("Referrals rose from 1,200 to 1,500.", [("1,200", 1200.0, "count", "exact"), ("1,500", 1500.0, "count", "exact")]),
    ("The force cut the 1,200 to 900.", [("1,200", 1200.0, "count", "exact"), ("900", 900.0, "count", "exact")]),
])
def test_a_share_and_a_change_are_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a range of fractions in words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "left"), [
    # the first end was dropped without a word, the second read as the share (or, with a comparison, the change)
    ("Between a quarter and a third of victims were boys.", "Between a quarter and a third"),
    ("Referrals were between a quarter and a third higher.", "between a quarter and a third"),
    ("A quarter or a third of victims were boys.", "A quarter or a third"),
    ("Half to two-thirds of victims were boys.", "Half to two-thirds"),
])
def test_a_range_of_fractions_in_words_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, "range of fractions in words")])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: two shares of two wholes, and a change by a fraction to a level
    ("A third of girls and a quarter of boys were referred.",
     [("A third", 33.33, "share"), ("a quarter", 25.0, "share")]),
    ("Referrals rose by a third to 1,200.", [("a third", 33.33, "percent_change"), ("1,200", 1200.0, "")]),
])
def test_two_fractions_apart_are_still_read(text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _derived(text) == figures


# --- a note named in words ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # the ONS prints its notes so: each note's number was read as a count
    "Police recorded 1,582 offences [note 1] in 2019.",
    "Police recorded 1,582 [note 12] offences in 2019.",
    "Police recorded 1,582 offences (note 3).",
    "Police recorded 1,582 offences (see notes 3 and 4).",
    "Police recorded 1,582 offences [notes 3, 4].",
    "<table><tr><th>Force</th><th>Offences [note 2]</th></tr><tr><td>Kent</td><td>1,582</td></tr></table>",
])
def test_a_note_named_in_words_is_no_count(text: str) -> None:
    assert _read(text) == ([("1,582", 1582.0, "count", "exact")], [])


def test_a_note_s_heading_is_no_count() -> None:
    assert _read("Note 1: Figures exclude 1,582 offences in Kent.") == ([("1,582", 1582.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a count after the verb "note", and "notes" counted
    ("Officers note 12 cases a week.", [("12", 12.0, "count", "exact")]),
    ("Officers left 12 notes.", [("12", 12.0, "count", "exact")]),
])
def test_a_count_beside_the_word_note_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


@pytest.mark.parametrize(("text", "left"), [
    # a target named after its figure, and a verb of forecast before it: each the exact figure, as if it happened
    ("Referrals were 1,200, short of the 1,500 target.", "1,500 target"),
    ("Referrals missed their 1,500 target.", "1,500 target"),
    ("The forecast was for 1,500 referrals.", "forecast was for 1,500"),
    ("Police had forecast 1,500 referrals.", "forecast 1,500"),
    ("Police had predicted 1,500 referrals.", "predicted 1,500"),
    ("Police had expected 1,500 referrals.", "expected 1,500"),
])
def test_a_target_named_after_its_figure_or_a_verb_of_forecast_is_listed(text: str, left: str) -> None:
    figures, not_read = _read(text)
    assert [f for f in figures if f[1] == 1500.0] == [] and not_read == [_listed(left, _FORECAST)]


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: an estimate after "an", a count of areas with "target" before its noun, an operation's targets
    ("An expected 1,500 children were referred.", [("An expected 1,500", 1500.0, "count", "about")]),
    ("A forecast 1,500 children were referred.", [("A forecast 1,500", 1500.0, "count", "about")]),
    ("The 12 target areas received funding.", [("12", 12.0, "count", "exact")]),
    ("Police targeted 1,500 homes.", [("1,500", 1500.0, "count", "exact")]),
])
def test_an_estimate_and_a_count_beside_target_words_are_still_read(
        text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a Markdown reference definition over several lines ---------------------------------------------------------------


@pytest.mark.parametrize("definition", [
    # CommonMark lets the title, and the destination, start the next line: the title's figure was read
    '[src]: https://example.org/report\n"9,999 offences in the title"',
    '[src]:\n  https://example.org/report\n  "9,999 offences in the title"',
    "[src]: <https://example.org/report>\n  '9,999 offences in the title'",
])
def test_a_reference_definition_s_title_on_its_own_line_is_not_read(definition: str) -> None:
    assert _read(f"Police recorded 1,582 offences [source][src].\n\n{definition}") == (
        [("1,582", 1582.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a quotation on the line after a definition, and an endnote written as a definition
    ('Police recorded 1,582 offences.\n\n[src]: https://example.org\n"Officers found 2,409 images," they said.',
     [("1,582", 1582.0, "count", "exact"), ("2,409", 2409.0, "count", "exact")]),
    ("[1]:\nPolice recorded 1,582 offences.", [("1,582", 1582.0, "count", "exact")]),
])
def test_text_after_a_definition_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- an estimate said with its verb ---------------------------------------------------------------------------------


@pytest.mark.parametrize("printed", [
    # each was the exact 1,500, where "an estimated 1,500" is about
    "estimated at 1,500", "estimated to be 1,500", "thought to be 1,500", "believed to be 1,500",
    "thought to number 1,500", "put at 1,500",
])
def test_an_estimate_said_with_its_verb_is_about(printed: str) -> None:
    assert _read(f"Referrals are {printed}.") == ([(printed, 1500.0, "count", "about")], [])


@pytest.mark.parametrize(("text", "printed"), [
    ("Police estimate 1,500 children are at risk.", "estimate 1,500"),
])
def test_an_estimate_before_its_figure_is_about(text: str, printed: str) -> None:
    assert _read(text) == ([(printed, 1500.0, "count", "about")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a figure said or reported to be, and "put" before a figure with no "at"
    ("Referrals are said to be 1,500.", [("1,500", 1500.0, "count", "exact")]),
    ("Referrals are reported to be 1,500.", [("1,500", 1500.0, "count", "exact")]),
    ("Police put 1,500 officers on the case.", [("1,500", 1500.0, "count", "exact")]),
    ("Officers put at least 1,500 cases aside.", [("at least 1,500", 1500.0, "count", "at least")]),
])
def test_a_figure_attributed_is_still_exact(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a bound printed as two signs -------------------------------------------------------------------------------------

_SIGNED = "number with a qualifier no figure form reads"


@pytest.mark.parametrize("printed", [
    # each was the exact 1,200: ">" and "<" alone, and "≥", "≤", were listed; two signs or a sign of likeness not
    ">= 1,200", "<= 1,200", "=<1,200", "≳1,200", "≲ 1,200", "≃1,200", "≅ 1,200",
])
def test_a_bound_printed_as_two_signs_or_another_sign_is_listed(printed: str) -> None:
    assert _read(f"Referrals were {printed}.") == ([], [_listed(printed, _SIGNED)])


def test_an_equals_sign_alone_is_still_read() -> None:
    assert _read("Referrals = 1,200.") == ([("1,200", 1200.0, "count", "exact")], [])


# --- a list copied from a word processor: its mark, a tab, its text ---------------------------------------------------


@pytest.mark.parametrize("mark", ["1.", "2)", "(3)", "a)", "(ii)", "•"])
def test_a_list_s_mark_before_a_tab_is_no_count(mark: str) -> None:
    # the tab was read as a gap between two cells, so the mark was a cell of its own and its number a count
    assert _read(f"{mark}\tPolice recorded 1,582 offences.") == ([("1,582", 1582.0, "count", "exact")], [])


def test_a_table_s_cells_apart_by_tabs_are_still_cells() -> None:
    assert _read("Kent\t1,582\t2,409\nEssex\t12\t3,100") == ([
        ("1,582", 1582.0, "count", "exact"), ("2,409", 2409.0, "count", "exact"), ("12", 12.0, "count", "exact"),
        ("3,100", 3100.0, "count", "exact")], [])


# --- a report's section number opening its heading ------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["3.2 Sexual offences against children", "3.2.1 Referrals", "10.4 Main points"])
def test_a_section_number_opening_a_heading_is_no_count(heading: str) -> None:
    # the section's number was the count 3.2 (or "3.2.1" a number no form reads)
    assert _read(f"{heading}\n\nPolice recorded 1,582 offences.") == ([("1,582", 1582.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a headline's figure in title case, and a decimal that opens a sentence of prose
    ("3.2 Million Images Found", [("3.2 Million", 3200000.0, "count", "exact")]),
    ("2.5 per cent of girls were referred.", [("2.5 per cent", 2.5, "percent", "exact")]),
])
def test_a_figure_opening_a_paragraph_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- a share of a whole beside another figure's change ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "figures"), [
    # the share was offered as a percentage rise: "up" belongs to the change from 53%
    ("Girls were 56% of victims, up from 53%.", [("56%", 56.0, "share"), ("53%", 53.0, "share")]),
    ("Girls made up 56 per cent of victims, down from 60 per cent.",
     [("56 per cent", 56.0, "share"), ("60 per cent", 60.0, "share")]),
])
def test_a_share_of_a_whole_is_no_change(text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _derived(text) == figures


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a change by a share, named before or after it
    ("Referrals were up 12% on 2019.", [("12%", 12.0, "percent_change")]),
    ("There was an increase of 12% of referrals.", [("12%", 12.0, "percent_change")]),
])
def test_a_change_by_a_share_is_still_a_change(text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _derived(text) == figures


# --- a statistic written on to the word before it ---------------------------------------------------------------

_UNREAD = "number in a form no figure form reads"


@pytest.mark.parametrize(("text", "left"), [
    # a PDF's lost space: each was left out quietly as a number inside a name or a code
    ("Referrals rose by12 per cent.", "12"),
    ("Officers found by1.2 million images.", "1.2"),
])
def test_a_statistic_written_on_to_the_word_before_is_reported(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, _UNREAD)])


def test_a_code_with_no_statistic_after_it_is_still_left_out() -> None:
    assert _read("Form B12 was filed.") == ([], [])


# --- a contents list's page numbers ----------------------------------------------------------------------------------


def test_a_contents_list_s_page_numbers_are_no_counts() -> None:
    # a report's contents pasted with its text: each page's number was a count
    text = ("Contents\nIntroduction ........ 3\nFindings ............ 12\nAnnex A . . . . . . . 45\n"
            "Method ________ 50\nNotes …… 61\n\nPolice recorded 1,582 offences.")
    assert _read(text) == ([("1,582", 1582.0, "count", "exact")], [])


@pytest.mark.parametrize(("text", "figures"), [
    # what stays: a number after an ellipsis, or after an ellipsis and a stop
    ("Referrals rose... 12 forces said so.", [("12", 12.0, "count", "exact")]),
    ("Referrals rose…. 12 forces said so.", [("12", 12.0, "count", "exact")]),
])
def test_a_number_after_an_ellipsis_is_still_read(text: str, figures: list[tuple[str, float, str, str]]) -> None:
    assert _read(text) == (figures, [])


# --- the shortcuts of this round's kinds find what the kinds find ---------------------------------------------------

_EDGES = [
    "See Chart 2.1, Fig. 3, Figs. 3, Box 2.1, footnote 14, Annexe 3, para. 4.12, Ch. 3, sec. 3, art. 8, Vol. 2.",
    "Up 56 per cent3, 12 per cent.2 Officers, 56%3, 1.2 million4, £1.2m3, £12bn3, £12m3, 1,582 [note 1], (see "
    "notes 3 and 4), [notes 3, 4].",
    "Note 1: 1,582 offences; 1,300 rather than 1,200, instead of the 1,200, not the 1,200 claimed.",
    "On course for 2,000, on track towards 2,000, heading for 2,000, headed towards 2,000, anticipated to reach "
    "2,000, should reach 2,000, aims to recruit 2,000, was hoping to hire 2,000, planning to train 2,000.",
    "Short of the 1,500 target, the forecast was for 1,500, had forecast 1,500, predicted 1,500, expected 1,500.",
    "Referrals were 1,200 (95% CI 1,100 to 1,300), 95 per cent confidence interval 10 to 14 per cent, in the "
    "1,200 to 1,500 range, a range of 1,200 to 1,500.",
    "Between a quarter and a third, a quarter or a third, half to two-thirds, a third higher, a fifth fewer.",
    "Revised up to 1,300, handed over 1,200, >= 1,200, <= 1,200, =<1,200, ≳1,200, ≃ 1,200, rose by12 per cent.",
    "Introduction ........ 3, Annex A . . . . . . . 45, Method ________ 50.",
]


def test_masking_the_new_kinds_with_and_without_their_shortcuts_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each kind runs only on a sentence where RE2 finds it may be (`scan_find._KINDS`): with that or with every kind
    run on every sentence, this round's sentences are masked alike (a note's mark after a unit is found by its
    lookbehind, which RE2's looser form drops)."""
    from analysis.factcheck import scan_find
    from analysis.factcheck.scan_text import Sentence
    from tests.test_scan_linear import _EveryKind

    texts = [Sentence(text, 1, 0) for text in _EDGES]
    fast = [scan_find._mask(s.text, s, []) for s in texts]
    monkeypatch.setattr(scan_find, "_KINDS", _EveryKind())
    assert fast == [scan_find._mask(s.text, s, []) for s in texts]
