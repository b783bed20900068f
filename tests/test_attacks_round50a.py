"""Issue 24, round fifty, helper r50a: scan (class 3) on documents that are not news prose and on how they print a
figure, with inputs rounds 44–49 did not try. A correction printed by striking the old figure through (HTML's <s>,
<del> and <strike>, Markdown's `~~618~~`), whose struck figure was read as the article's ("in the record") or run
into the new one ("618 922", neither read); a table flattened to lines, as a PDF's text prints one ("2014 922",
"2014    922", "Crimes … 2014 922 2016 618"), whose year before each figure was not read as its year, so each figure
was "in the record" as the other year's; a page number alone on its line (a PDF's text copied without its form
feeds), read with the paragraph beside it as a statistic block's label and "in the record" as HMIC's 374 cases
examined; a live blog's or a page's correction worded as rounds 44 and 49 did not ("We said earlier that …", "an
earlier post put the figure at 618", "An earlier version said …"), and an FAQ's question its next word answers
"No.", whose figure was read as stated."""

from __future__ import annotations

from typing import Any

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT

SENTENCE_922 = "The Met recorded 922 crimes connected with child sexual exploitation in 2016."


def _scan(text: str) -> dict[str, Any]:
    return scan_text(text, DEFAULT)


def _status(text: str) -> dict[str, str]:
    """Each figure as printed with its status ("in the record", "not in the record")."""
    return {f["value_as_printed"]: f["status"] for f in _scan(text)["figures"]}


# --- a figure struck through ------------------------------------------------------------------------------------------


def test_a_figure_struck_through_is_withdrawn_not_the_articles() -> None:
    """A correction that strikes the old figure through: "<s>922</s> 1,922" gave the struck 922 "in the record"
    (the Met's 2016 count the article withdraws); "<del>618</del> <ins>922</ins>", "~~618~~ 922" and a struck
    span in a style ran the two together ("618 922", neither read); "<s>618</s>922" read nothing and said nothing,
    exit 0; "~~618 crimes~~ 922 crimes" gave the struck 618 "in the record" and the new 922 as "~ 922"; a whole
    struck paragraph was read as stated. The struck figure is now listed as not read, the new one read."""
    for text, shown, struck in (
            ("<p>The Met recorded <s>922</s> 1,922 crimes connected with child sexual exploitation in 2016.</p>",
             {"1,922": "not in the record"}, "922"),
            ("<p>The Met recorded <del>618</del> <ins>922</ins> crimes connected with child sexual exploitation in "
             "2016.</p>", {"922": "in the record"}, "618"),
            ("<p>The Met recorded <s>618</s>922 crimes connected with child sexual exploitation in 2016.</p>",
             {"922": "in the record"}, "618"),
            ("<p>The Met recorded <strike>618</strike> 922 crimes connected with child sexual exploitation in "
             "2016.</p>", {"922": "in the record"}, "618"),
            ("The Met recorded ~~618~~ 922 crimes connected with child sexual exploitation in 2016.",
             {"922": "in the record"}, "618"),
            ("The Met recorded ~~618 crimes~~ 922 crimes connected with child sexual exploitation in 2016.",
             {"922": "in the record"}, "618 crimes"),
            (f"<p><del>{SENTENCE_922}</del></p><p>Police recorded 1,116 children at risk of child sexual "
             "exploitation in 2014.</p>", {"1,116": "in the record"}, SENTENCE_922)):
        result = _scan(text)
        assert _status(text) == shown, (text, _status(text))
        assert any("strikes through" in line and repr(struck) in line for line in result["not_read"]), (
            text, result["not_read"])


def test_struck_text_without_a_number_is_left_out_quietly_and_tildes_still_qualify() -> None:
    """The guards: a struck word is the correction's old wording ("<s>about</s> 922": the article now says 922),
    nothing to check; a page all struck through is not "a page that shows no text"; one "~" is still "about", a
    fence's "~~~" no strike, and a "~~" left open strikes nothing."""
    assert _scan(f"<p>The Met recorded <s>about</s> {SENTENCE_922[17:]}</p>")["not_read"] == []
    assert _status(f"<p>The Met recorded <s>about</s> {SENTENCE_922[17:]}</p>") == {"922": "in the record"}
    assert not any("shows no text" in line for line in _scan(f"<p><del>{SENTENCE_922}</del></p>")["not_read"])
    assert [f["qualifier"] for f in _scan("Police recorded ~1,200 offences.")["figures"]] in ([], ["about"])
    assert to_text("~~~\nPolice recorded 1,200 offences.\n~~~\n") == "~~~\n\nPolice recorded 1,200 offences.\n\n~~~"
    assert "1,200 offences" in to_text("Police recorded ~~ 1,200 offences ~~ in 2017.")


# --- a table flattened to lines ---------------------------------------------------------------------------------------


def test_a_flattened_tables_row_gives_its_figures_the_rows_year() -> None:
    """The Met recorded 618 crimes connected with CSE in 2014 and 922 in 2016. A table's rows as a PDF's text prints
    them (a year, spaces, the figures), the heading joined to the first row, and a chart's data flattened to one
    line: the year before each figure was not read as its year, so 2014's row "922" was "in the record" as 2016's,
    and on the one line each figure was the other year's. Each is now another year's figure, not in the record."""
    for text in ("2014 922 crimes connected with child sexual exploitation",
                 "Year Crimes connected with child sexual exploitation\n2014 922\n2016 618\n",
                 "Crimes connected with child sexual exploitation\n2014    922\n2016    618\n",
                 "Crimes connected with child sexual exploitation 2014 922 2016 618",
                 "Year Crimes Children at risk\n2014 922 1,582\n2016 618 1,116\n"):
        assert set(_status(text).values()) == {"not in the record"}, (text, _status(text))
    # the guards: the right year in each shape, a colon's label, a comparison's year after the figure
    assert _status("Crimes connected with child sexual exploitation in London: 2014 618, 2016 922.") == {
        "618": "in the record", "922": "in the record"}
    assert _status("Year Crimes Children at risk\n2014 618 1,116\n") == {"618": "in the record",
                                                                          "1,116": "in the record"}
    assert _status("Crimes connected with child sexual exploitation, 2016: 922") == {"922": "in the record"}


# --- a page number alone on its line ----------------------------------------------------------------------------------


def test_a_page_number_alone_is_not_labelled_by_the_sentence_beside_it() -> None:
    """A PDF's text copied without its form feeds keeps each page number alone on its line: read with the
    paragraph beside it as a statistic block's label, "374" after "The Met recorded 922 crimes …" was "in the
    record" as HMIC's 374 cases examined, and "38" as its 38 cases referred back. A paragraph that states a figure
    of its own is a sentence, no label; the lone number is now not in the record."""
    for page in ("374", "38"):
        text = f"{SENTENCE_922}\n\n{page}\n\nInspectors examined the cases.\n"
        assert _status(text) == {"922": "in the record", page: "not in the record"}, (text, _status(text))
    # the guards: a statistic block's label, which names a year and no figure, above or below it
    label = "crimes connected with child sexual exploitation recorded by the Met in 2016"
    assert _status(f"<div><p>922</p><p>{label}</p></div>") == {"922": "in the record"}
    assert _status(f"<div><h3>{label.capitalize()}</h3><p>922</p></div>") == {"922": "in the record"}


# --- a correction worded as a live page or a newsroom words it --------------------------------------------------------


def test_a_correction_in_a_live_blogs_or_a_writers_words_withdraws_its_figure() -> None:
    """Round 44 read a correction's "An earlier version of this article said"; "An earlier version said …", a live
    page's "an earlier post in this blog put the figure at …" and a writer's "We said earlier that …" or "We wrongly
    reported that …" were not read as corrections, and the withdrawn 922 was "in the record" as the Met's 2016
    count. It is now listed as a number the sentence denies, and the figure put right read."""
    for text in (
            "Correction: an earlier version said the Met recorded 922 crimes connected with child sexual exploitation "
            "in 2016.",
            "Update 14:32: We said earlier that the Met recorded 922 crimes connected with child sexual exploitation "
            "in 2016.",
            "Update: an earlier post in this blog put the figure at 922 crimes connected with child sexual "
            "exploitation in 2016.",
            "We wrongly reported that the Met recorded 922 crimes connected with child sexual exploitation in 2016.",
            "An earlier version of this live blog said 922 crimes connected with child sexual exploitation were "
            "recorded in 2016."):
        result = _scan(text)
        assert result["figures"] == [], (text, _status(text))
        assert any("denies" in line and "'922'" in line for line in result["not_read"]), (text, result["not_read"])
    # the figure put right takes the withdrawn one's year: 618 was "in the record" as 2014's, the correction's 2016
    for text in ("Correction: an earlier version said the Met recorded 922 crimes connected with child sexual "
                 "exploitation in 2016; it was 618.",
                 "An earlier version of this article said the Met recorded 922 crimes connected with child sexual "
                 "exploitation in 2016; the correct figure is 618."):
        assert _status(text) == {"618": "not in the record"}, (text, _status(text))
    assert _status("An earlier version of this article said the Met recorded 618 crimes connected with child sexual "
                   "exploitation in 2016; it was 922.") == {"922": "in the record"}
    # the guards: an earlier document's own finding, an older edition, what police said earlier, a bill's version
    for text in ("The earlier report found 922 crimes connected with child sexual exploitation in 2016.",
                 "Police said earlier that 922 crimes connected with child sexual exploitation were recorded in 2016.",
                 "We said the Met recorded 922 crimes connected with child sexual exploitation in 2016."):
        assert _status(text) == {"922": "in the record"}, text
    assert _status("An earlier version of the bill included 12 clauses.") == {"12": "not in the record"}


# --- a change in another kind of thing (round 49a's left medium) ------------------------------------------------------


def test_a_rise_in_children_is_not_the_records_rise_in_crimes() -> None:
    """The Met's 49 per cent rise was in crimes connected with CSE (its children at risk rose 42 per cent): "Children
    at risk of CSE in London were up by 49%", "The number of children at risk … rose by 49%" and a rise in victims
    were each "in the record" as the rise in crimes. The record's change figures' counted kind is now compared with
    the thing the sentence says changed."""
    for text in ("Children at risk of CSE in London were up by 49% between 2014 and 2016.",
                 "The number of children at risk of child sexual exploitation rose by 49% in London between 2014 and "
                 "2016.",
                 "There was a 49 per cent increase in victims of child sexual exploitation in London between 2014 and "
                 "2016."):
        figure = _scan(text)["figures"][0]
        assert figure["status"] == "not in the record", text
        assert any(m["differs"].startswith("a change in cases, not in") for m in figure["other_definitions"]), text
    # the guards: a rise in crimes, in "child sexual exploitation" (no count of children), in children at risk
    for text, printed in (
            ("Crimes connected with child sexual exploitation rose by 49% between 2014 and 2016 in London.", "49%"),
            ("Child sexual exploitation has risen by almost half across London between 2014 and 2016.",
             "almost half"),
            ("There was a 42 per cent increase in the number of children who police believe are at risk of CSE in "
             "London between 2014 and 2016.", "42 per cent"),
            ("Referrals for child sexual exploitation rose by 18.5 per cent in the first year.", "18.5 per cent")):
        assert _status(text) == {printed: "in the record"}, (text, _status(text))


# --- a question answered "No" -----------------------------------------------------------------------------------------


def test_a_figure_in_a_question_the_next_sentence_answers_no_is_denied() -> None:
    """An FAQ's or a fact-check's "Did the Met record 922 crimes … in 2016? No." gave the 922 the answer denies as
    stated, "in the record" as the Met's count. It is now listed as a number the sentence denies."""
    for text in ("Did the Met record 922 crimes connected with child sexual exploitation in 2016? No.",
                 "Q: Did the Met record 922 crimes connected with child sexual exploitation in 2016?\nA: No, it did "
                 "not.",
                 "Is it true that the Met recorded 922 crimes connected with child sexual exploitation in 2016? No, "
                 "that is false."):
        result = _scan(text)
        assert result["figures"] == [], (text, _status(text))
        assert any("denies" in line and "'922'" in line for line in result["not_read"]), (text, result["not_read"])
    # the guards: a question answered yes, or not answered no; an FAQ's question over its answer
    for text in ("Did the Met record 922 crimes connected with child sexual exploitation in 2016? Yes.",
                 "Did the Met record 922 crimes connected with child sexual exploitation in 2016? Nobody knows.",
                 "How many crimes connected with child sexual exploitation did the Met record in 2016?\n\n922.\n"):
        assert _status(text) == {"922": "in the record"}, (text, _status(text))


# --- a flattened row read as an NHS number ----------------------------------------------------------------------------


def test_ten_digits_grouped_as_no_nhs_number_is_printed_are_said_not_dropped() -> None:
    """A chart's data flattened to one line, "Crimes … 2014 618 2016 922": "618 2016 922" passes the NHS number's
    check digit (one grouping in eleven does), and was left out as an NHS number without a word: the Met's two
    figures dropped, "no figures found", exit 0. Grouped as the NHS never prints one, it is now said (without its
    digits); one printed as the NHS prints them, 3-3-4 or run together, is still left out quietly."""
    result = _scan("Crimes connected with child sexual exploitation 2014 618 2016 922")
    assert result["figures"] == []
    assert any("ten digits grouped as no NHS number is printed" in line and "618" not in line
               for line in result["not_read"]), result["not_read"]
    for text in ("Her NHS number 943 476 5919 was withheld.", "Her NHS number 943-476-5919 was withheld.",
                 "NHS 9434765919."):
        assert _scan(text)["not_read"] == [], text
