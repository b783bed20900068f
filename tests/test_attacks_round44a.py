"""Issue 24, round forty-four, helper r44a: scan (class 3) on articles as newsrooms publish them around their
numbers: a live page's entry stamps, a byline's reading time, a report's citations of pages and its notes as
LibreOffice writes them, a statistical release's rounding note, a correction's withdrawn figure and an excerpt an
ellipsis cut short. Each was read as a figure the article does not state, or as another figure."""

from __future__ import annotations

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT
from tests.scanned import listed, read

SENTENCE_922 = "The Metropolitan Police recorded 922 crimes connected with child sexual exploitation in 2016."
FIGURE_922 = [("922", 922.0, "count", "exact")]


def _left_out(text: str) -> list[tuple[str, str]]:
    """What scan sets aside in `text`, as (printed, kind)."""
    return [(item["text"], item["kind"]) for item in scan_text(text, DEFAULT)["left_out"]]


# --- a live page's stamps and a byline's reading time --------------------------------------------------------------

#: The Guardian's live-blog entry, as its page holds it once its script has set the stamp's age
#: (`<time data-relativeformat="med" class="js-timestamp">`, then the absolute time in `block-time__absolute`; the
#: "med" format writes "21m ago", "2h ago"), and its key events list.
LIVE_ENTRY = """<div class="block"> <p class="block-time published-time"> <time datetime="2017-03-14T16:05:00Z"
data-relativeformat="med" class=" js-timestamp">{stamp}</time> <span class="block-time__absolute">16.05</span></p>
<div class="block-elements"><p>{body}</p></div></div>"""


def test_a_live_pages_stamps_are_times_not_figures() -> None:
    """"13m ago" was the count 13 million and the entry's absolute time "16.05" the count 16.05, both not in the
    record (exit 1)."""
    page = ("<article><ul><li><a href='#b1'><time>13m ago</time> <span>Report published</span></a></li></ul>"
            + LIVE_ENTRY.format(stamp="21m ago", body=SENTENCE_922)
            + LIVE_ENTRY.format(stamp='4.26pm <span class="timezone">BST</span>', body="Inspectors arrived.")
            + "</article>")
    assert read(page) == (FIGURE_922, [])
    kinds = _left_out(page)
    assert ("13m ago", "time") in kinds and ("21m ago", "time") in kinds and ("16.05", "time") in kinds


def test_abbreviated_time_units_are_durations() -> None:
    """A byline's "5 min read", "2 hrs", "a 45-min interview" and "2h 15m" were the counts 5, 2, 45 and 15 million."""
    for text in ("5 min read", "Reading time: 4 mins.", "Officers waited 2 hrs.", "A 45-min interview.",
                 "Wait 10 secs.", "The 90 mins that followed.", "A 2h 15m flight.", "Posted 13 mins ago."):
        assert read(f"{text} {SENTENCE_922}") == (FIGURE_922, []), text


def test_a_time_and_a_figure_beside_one_are_still_read() -> None:
    # the guard: a decimal after a time that is no clock's, a figure after "ago" that is a count, £13m
    assert read("At 4.26pm BST 16.26 per cent of cases were open.")[0] == [("16.26 per cent", 16.26, "percent",
                                                                            "exact")]
    assert read("Two years ago 1,200 children were referred.")[0] == [("1,200", 1200.0, "count", "exact")]
    assert read("The review cost £13m in 2016.")[0] == [("£13m", 13_000_000.0, "GBP", "exact")]


# --- a report's citations and notes ---------------------------------------------------------------------------------

def test_a_citation_of_several_pages_is_a_reference_not_a_range() -> None:
    """"pp. 12–13" and "pages 4-5" were listed as ranges, to check by hand (exit 1)."""
    for text in ("(HMICFRS, 2016, pp. 12–13)", "See pages 4-5.", "See pp 4-5 and pp.7-9.", "Paras 3.1 to 3.4 apply.",
                 "Tables 2 and 3 show it.", "Section 4-5 of the Act applies."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text


def test_a_number_after_a_singular_reference_and_and_is_still_a_count() -> None:
    assert read("In chapter 3 and 12 children were seen.")[0] == [("12", 12.0, "count", "exact")]
    assert read("In section 47 and 1,200 children were seen.")[0] == [("1,200", 1200.0, "count", "exact")]


#: LibreOffice's "Save as HTML" of a report with footnotes (sw/source/filter/html/htmlftn.cxx): the reference in
#: <sup>, the note opening with its number in a link back to it, no <sup>, its text glued on.
LIBREOFFICE_NOTES = """<html><head><meta name="generator" content="LibreOffice 7.3.7.2 (Linux)"/></head><body>
<p>The Met recorded crimes connected with child sexual exploitation in 2016.<a class="sdfootnoteanc"
name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></p>
<p>Inspectors found delays.<a class="sdfootnoteanc" name="sdfootnote2anc" href="#sdfootnote2sym"><sup>2</sup></a></p>
<div id="sdfootnote1"><p class="sdfootnote-western"><a class="sdfootnotesym-western" name="sdfootnote1sym"
href="#sdfootnote1anc">1</a>922 crimes were recorded, Metropolitan Police data.</p></div>
<div id="sdfootnote2"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote2sym"
href="#sdfootnote2anc">2</a>56 per cent of cases were delayed.</p></div></body></html>"""


def test_a_notes_number_before_its_text_is_a_mark_not_a_digit() -> None:
    """Read with the note's number, "1922 crimes" was the year 1922 (922 gone) and "256 per cent" a share not in
    the record."""
    assert read(LIBREOFFICE_NOTES)[0] == [*FIGURE_922, ("56 per cent", 56.0, "percent", "exact")]
    # DPUB-ARIA's back-link placed first, as some tools write it
    assert read('<ol><li id="fn1"><p><a href="#r1" role="doc-backlink">1</a>922 crimes were recorded.</p></li>'
                "</ol>")[0] == FIGURE_922


def test_a_link_that_is_no_back_link_keeps_its_number() -> None:
    assert read('<p><a href="#t">1</a>922 crimes</p>')[0] != FIGURE_922
    assert read('<p><a class="sdfootnotesym" href="https://evil.example/">1</a>922 crimes</p>')[0] != FIGURE_922


def test_a_releases_rounding_unit_is_no_figure() -> None:
    """"Figures are rounded to the nearest 100" was the count 100, not in the record (exit 1)."""
    for text in ("Figures are rounded to the nearest 100.", "Numbers may not sum due to rounding to the nearest 10.",
                 "Costs are given to the nearest £1,000.", "Shares were rounded to the nearest 0.1%."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text
    # the guard: "the nearest 5 hospitals" counts hospitals
    assert read("Children were taken to the nearest 5 hospitals.")[0] == [("5", 5.0, "count", "exact")]


# --- a correction, and an excerpt cut short ------------------------------------------------------------------------

def test_the_figure_a_correction_withdraws_is_not_read_as_stated() -> None:
    """The withdrawn 1,300 was read as a figure the article states, "not in the record"; were it another figure's
    value, "in the record"."""
    page = ("<p>" + SENTENCE_922 + "</p><p><strong>Correction:</strong> An earlier version of this article said the "
            "Met recorded 1,300 crimes; the figure was 922.</p>")
    assert read(page) == ([*FIGURE_922, *FIGURE_922], [listed_in(2, "1,300")])
    assert read("This story previously said 56 per cent of cases were delayed. It was 46 per cent.") == (
        [("46 per cent", 46.0, "percent", "exact")], [listed("56 per cent", "number the sentence denies")])
    assert read("Correction: an earlier version of this report misstated the number of crimes as 1,300.") == (
        [], [listed("1,300", "number the sentence denies")])


def listed_in(paragraph: int, left: str) -> str:
    from analysis.factcheck.scan import not_read_line

    return not_read_line(paragraph, left, "number the sentence denies")


def test_a_correction_leaves_the_right_figure_read() -> None:
    assert read("An earlier version of this article misspelt a name. Police recorded 1,200 offences.")[0] == [
        ("1,200", 1200.0, "count", "exact")]


def test_a_figure_an_excerpts_ellipsis_cut_short_is_listed() -> None:
    """A rail's "Referrals rose by 56 per …" was the count 56, and WordPress's excerpt "cost £1.2 […]" £1.2."""
    kind = "number whose unit or scale an ellipsis cut off"
    assert read("<ul><li><a href='/a'>Referrals rose by 56 per &hellip;</a></li></ul>")[0] == []
    assert read("Referrals rose by 56 per…")[1] == [listed("56 per...", kind)]
    assert read("The review cost £1.2 [&hellip;]")[1] == [listed("£1.2 [...]", kind)]
    # the guard: a whole figure before an ellipsis is read
    assert read("The rise was 12 per cent... The cost was £1.2m […]")[0] == [
        ("12 per cent", 12.0, "percent", "exact"), ("£1.2m", 1_200_000.0, "GBP", "exact")]


def test_a_gallerys_counter_is_a_place_in_a_sequence() -> None:
    """A gallery's "Image 3 of 12" and a series' "Part 2 of 3" were the counts 3 and 12, and 2 and 3."""
    for text in ("Image 3 of 12.", "Photo 1 of 4: officers at a briefing.", "Part 2 of 3.", "Page 1 of 2."):
        assert read(f"{text} {SENTENCE_922}") == (FIGURE_922, []), text


def test_a_correction_in_the_new_york_times_words_withdraws_its_figure() -> None:
    """"misstated the number of crimes as 1,300" read 1,300 as a figure the article states."""
    assert read("An article on Tuesday about police figures misstated the number of crimes as 1,300.") == (
        [], [listed("1,300", "number the sentence denies")])
    # the guard: "as" that gives no wrong figure
    assert read("Officers understated the scale, as 1,200 cases show.")[0] == [("1,200", 1200.0, "count", "exact")]
    assert read("The report overstated risks as well as 12 findings.")[0] == [("12", 12.0, "count", "exact")]


#: Otter.ai's text export (a speaker's label and the time, two spaces apart, then the words) and Rev's ("Speaker 1:
#: (00:03)"), as transcript parsers in public code read them.
OTTER = "Speaker 1  0:03\n{sentence}\n\nSpeaker 2  0:12\nAnd the year before?\n\nSpeaker 1  1:05:02\nFewer.\n"
REV = "Speaker 1: (00:03)\n{sentence}\n\nSpeaker 2: (00:12)\nAnd the year before?\n"


def test_an_unnamed_speakers_label_is_no_figure() -> None:
    """Each "Speaker 1", "Speaker 2" was a count not in the record (exit 1)."""
    assert read(OTTER.format(sentence=SENTENCE_922)) == (FIGURE_922, [])
    assert read(REV.format(sentence=SENTENCE_922)) == (FIGURE_922, [])
    # the guard: a speaker who is no label
    assert read("The speaker 12 children had met was absent.")[0] == [("12", 12.0, "count", "exact")]


def test_an_endnotes_roman_number_before_its_text_is_a_mark() -> None:
    """LibreOffice numbers endnotes i, ii, iii: "ii922 crimes" was a code, the 922 dropped without a word (exit 0)."""
    page = ('<p>Text.<a class="sdendnoteanc" name="sdendnote2anc" href="#sdendnote2sym"><sup>ii</sup></a></p>'
            '<div id="sdendnote2"><p class="sdendnote-western"><a class="sdendnotesym" name="sdendnote2sym" '
            'href="#sdendnote2anc">ii</a>922 crimes were recorded.</p></div>')
    assert read(page) == (FIGURE_922, [])
    assert read("<p>Police recorded 922<sup>xiv</sup> crimes.</p>")[0] == FIGURE_922
