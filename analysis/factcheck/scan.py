"""`python -m analysis scan FILE|-`: every figure in an article, checked against the record.

A fact-checker's day starts with a story, not with one number. This reads the story (plain text or a saved web
page), finds each statistic as printed (`scan_find`), and for each says what it seems to measure, where the record
has it (first and primary publications first), whether the definitions of the matching figures differ, which
registered claims cover it and their verdicts, and whether it looks derived and so belongs in the claims registry.
It never invents a match: a figure the record does not hold says "not in the record".

`--md` prints a table to paste into a draft, `--json` the full result, `--all` also lists the numbers set aside
(dates, phone numbers, ...), and `--claims-stub FILE` writes a claims.yaml fragment for the derived figures that
no claim covers yet, with every input left for a person to fill.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from analysis.factcheck.markdown_escape import code, escape
from analysis.factcheck.scan_embeds import CANVAS
from analysis.factcheck.scan_find import (
    DENIED,
    LIST_NUMBER,
    MAX_PER_SENTENCE,
    NOT_READ,
    PERSONAL_KINDS,
    UNCHECKED,
    LeftOut,
    below_a_unit_heading,
    find_figures,
    read_ahead,
)
from analysis.factcheck.scan_input import (
    DEFAULT_MAX_MB,
    InputRefused,
    decode_article,
    over_limit,
    repaired_mojibake,
    xml_by_name,
)
from analysis.factcheck.scan_match import load_record, match_reading, prefer_article_sources
from analysis.factcheck.scan_text import looks_like_html, sentences, to_text, unnamed_glyphs
from analysis.paths import Paths, add_root_argument
from analysis.record.claims import MAX_TEXT_WORDS
from analysis.record.hygiene import digits_problem, pattern_text
from analysis.record.terminal import printable, typed_number
from analysis.record.vocabulary import iso_date

__all__ = ["scan_text", "add_arguments", "run"]

#: How many definitions (measures) and record figures per definition the text and Markdown outputs show.
SHOWN_DEFINITIONS = 4
SHOWN_PER_DEFINITION = 3

#: Exit codes, for scripts: every figure found is in the record (or none found); some are not; nothing was scanned.
EXIT_ALL_HELD, EXIT_SOME_ABSENT, EXIT_UNREADABLE = 0, 1, 2


#: The most figures one scan reads: a long report saved as text prints a few thousand, 1 MB of news prose ~11,000.
#: Past it the rest of the text is not read, and the scan says so (`--max-figures` raises it): 5 MB of numbers
#: with full stops ("12. 13. 14. …") would otherwise take minutes and print a match for every one.
DEFAULT_MAX_FIGURES = 25_000
#: A sentence longer than this (no sentence of prose is; a table or a run of numbers can be) is shown as the part
#: around each figure, so a page-long "sentence" is not printed once per figure in it.
SHOWN_SENTENCE = 1_000


def shown_sentence(text: str, at: int, length: int = 0) -> str:
    """The sentence as reported: whole, or for an overlong one the characters around `at` (with … where cut)."""
    if len(text) <= SHOWN_SENTENCE:
        return text
    start, end = max(0, at - 240), min(len(text), at + length + 240)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _figure_entry(found: Any, matched: Any) -> dict[str, Any]:
    p = found.printed
    registered = bool(matched.claims)
    return {
        "sentence": shown_sentence(found.sentence.text, found.start, len(found.text)),
        "paragraph": found.sentence.paragraph,
        "value_as_printed": found.text,
        "value": p.value,
        "qualifier": p.qualifier,
        "unit": p.unit,
        "decimals": p.decimals,
        "counted": found.counted,
        "measure_guess": matched.measure_guess,
        "status": "in the record" if matched.matches else "not in the record",
        "definitions": matched.definitions,
        "definitions_differ": len(matched.definitions) > 1 or bool(matched.others),
        "matches": [m.as_dict() for m in matched.matches],
        "other_definitions": [m.as_dict() for m in matched.others],
        "same_value_other_subjects": matched.unrelated,
        "claims": matched.claims,
        "derived": found.derived,
        "derived_because": found.derived_because,
        "should_register": bool(found.derived) and not registered,
    }


#: The answer "No" that opens the sentence after a question (an FAQ's "A: No.", "No, it did not."), and a question
#: it answers: one ending "?".
_NO = re.compile(r"(?:A\s*[:.)]\s*|Answer\s*:\s*)?No\b(?!\.\s*\d)[.,;:!—–-]", re.IGNORECASE)


def _answered_no(every: list[Any], at: int) -> bool:
    """Whether the sentence is a question the next one answers "No" ("Did the Met record 922 crimes … in 2016? No."):
    its figures are the ones the answer denies, as "did not record 922" denies one (`DENIED`). Read as stated,
    an FAQ's or a fact-check's denied 922 was "in the record" as the Met's count."""
    return (every[at].text.rstrip(" \"'”’)").endswith("?") and at + 1 < len(every)
            and _NO.match(every[at + 1].text) is not None)


#: A sentence that names its subject only by pointing back ("These figures increased by 135 per cent …").
_POINTS_BACK = re.compile(r"^(?:These|Those|This|That|It|They|The (?:figures?|numbers?|rise|increase|fall|total))\b")


#: What may stand around a figure printed alone in its block: a key figure's mark or a stat block's punctuation.
_AROUND_LONE_FIGURE = " \t.:;*+!"


def _label(every: list[Any], at: int, found: list[Any]) -> str:
    """The words a figure printed alone in its paragraph is read with: the paragraphs just before and after it, its
    label. A statistic block (a CMS's "key figure", a Drupal paragraph, a charity's "in numbers" row) prints the
    figure large in one block and what it counts in the next (or, as a dashboard's tile, the one before): read
    alone, "922" had no words to match, and was "not in the record" where the record holds it."""
    sentence = every[at]
    if len(found) != 1 or sentence.text.strip(_AROUND_LONE_FIGURE) != found[0].text:
        return ""
    near = [every[i] for i in (at - 1, at + 1) if 0 <= i < len(every)]
    return " ".join(s.text for s in near if abs(s.paragraph - sentence.paragraph) == 1 and not _a_sentence(s.text))


#: A number other than a year: what a paragraph that states a figure of its own holds, and a label does not.
_NOT_A_YEAR = re.compile(r"(?<![\d,.])(?!(?:19|20)\d{2}(?!\d|[,.]\d))\d")


def _a_sentence(text: str) -> bool:
    """Whether a paragraph is a sentence of prose, not a statistic block's label ("crimes connected with CSE in
    2016", a tile's heading): it ends as a sentence does, or prints a figure of its own (a number other than a
    year). A PDF's page number alone on its line, copied without its form feeds, was read with the sentences beside
    it as its label ("The Met recorded 922 crimes …" over "374", "Inspectors examined the cases." under it), and
    "in the record" as HMIC's 374 cases examined. (A question is a label: an FAQ's "How many … in 2016?" over
    its answer, "922".)"""
    return text.rstrip("\"'”’)]").endswith((".", "!")) or _NOT_A_YEAR.search(text) is not None


#: The gap between two cells of a table's row, as the text reads it ("2016 | 922").
CELL = " | "
#: A heading row's cell: words without a digit, or a year ("Year", "Crimes …", "2016", "2016-17").
_HEADING_CELL = re.compile(r"[^\d]*|(?:19|20)\d{2}(?:[-/–](?:19|20)?\d{2})?")


def table_heading(text: str, header: str) -> str:
    """The heading row of the table a sentence is a row of: the sentence itself when it is a row of words and years
    alone ("Year | Crimes connected with child sexual exploitation", "Measure | 2014 | 2016"), the last such row for
    a row below it, and "" once a sentence is no row."""
    if CELL not in text:
        return ""
    return text if all(_HEADING_CELL.fullmatch(c.strip()) for c in text.split(CELL)) else header


def column_heading(header: str, found: Any) -> str:
    """The words a figure in a table's cell is read with: its column's heading. Read with its row alone, "2016 |
    922" under "Year | Crimes connected with child sexual exploitation" had no words to match, and was "not in the
    record" where the record holds it."""
    if not header:
        return ""
    cells = _cells(header)
    column = found.sentence.text.count(CELL, 0, found.start)
    if len(cells) == found.sentence.text.count(CELL) + 1:
        return cells[column]
    return header if len(header) <= _WHOLE_HEADING else ""


#: The longest heading row a figure is read with whole, when its cells do not line up with the figure's row (a
#: longer one, copied into every figure's words, made a table's cost grow with its heading times its rows).
_WHOLE_HEADING = 300


@functools.lru_cache(maxsize=4)
def _cells(header: str) -> tuple[str, ...]:
    """A heading row's cells, split once per table, not once per figure below it."""
    return tuple(header.split(CELL))


#: A number of one or two digits alone in its paragraph.
_LONE_SMALL_NUMBER = re.compile(r"\d{1,2}")
#: How many paragraphs a list's next number may come after its last (the item's headline, and a line under it).
_RANK_GAP = 3


def ranks(every: list[Any]) -> set[int]:
    """Which sentences are the numbers of a list a page draws as blocks, each alone in its paragraph above its
    item: "1", "2", "3" … every few paragraphs, as a news page's "Most read" panel ranks its headlines (BBC News's
    `MostReadRank`). Read as figures, each rank was a count, and "2" and "3" matched record figures by the words
    of the headlines beside them (`_label`). Three at least, counting from 1: a key figure alone is still read."""
    lone = [(at, int(s.text)) for at, s in enumerate(every) if _LONE_SMALL_NUMBER.fullmatch(s.text)
            and all(every[i].paragraph != s.paragraph for i in (at - 1, at + 1) if 0 <= i < len(every))]
    found: set[int] = set()
    run: list[int] = []
    for n, (at, value) in enumerate(lone):
        if run and value == lone[n - 1][1] + 1 and at - lone[n - 1][0] <= _RANK_GAP:
            run.append(at)
        else:
            run = [at] if value == 1 else []
        if len(run) >= 3:
            found.update(run)
    return found


def _left_out_entry(item: LeftOut) -> dict[str, Any]:
    text = item.sentence.text
    at = text.find(item.text) if len(text) > SHOWN_SENTENCE else 0
    return {"text": item.text, "kind": item.kind, "paragraph": item.sentence.paragraph,
            "sentence": shown_sentence(text, max(at, 0), len(item.text))}


def not_read_line(paragraph: int, text: str, kind: str) -> str:
    """The line that reports a number scan did not read, one no figure of the record can hold. A number written with
    digits other than 0-9 ("1,2٠0", "١,٢٠٠", "１,200", "½") is told with the one message `validate` and `verify`
    refuse it with (`digits_problem`): scan said only "a number in a form no figure form reads", the words it uses
    for "1,73", so the reader was not told what was wrong with the number."""
    digits = digits_problem(text)
    why = f" ({digits}, as the record and verify say)" if digits else ""
    return f"paragraph {paragraph}: {text!r} is a {kind}, not one figure the record can hold{why}: check it by hand"


def _mixes_digits(item: LeftOut) -> bool:
    """Whether a number set aside as no figure (a year, a date, a time) is written with digits 0-9 and others
    ("In 20١٦", "12 March 20١٦", "2016–١٧"): it was set aside without a word, read as the year it would be in digits
    0-9, where the record and verify refuse such a number with the one digits message. Said, never for personal data
    (a phone number's digits are not echoed)."""
    return (not item.text.isascii() and item.kind not in PERSONAL_KINDS and any(ch in "0123456789" for ch in item.text)
            and digits_problem(item.text) is not None)


#: An NHS number as the NHS prints one: groups of 3, 3 and 4 digits, or the ten run together, read as the
#: personal-data check reads characters (`pattern_text`: "943¯476¯5919", circled or underlined digits alike).
_NHS_GROUPS = ([3, 3, 4], [10])


def odd_nhs_line(item: LeftOut) -> str | None:
    """The line said for ten digits left out as an NHS number though grouped as none is printed ("618 2016 922", a
    table's row flattened to a line, passes the check digit one time in eleven): the figures were dropped without a
    word, exit 0. Said without the digits, in case they are one; None for any other number."""
    if item.kind != "NHS number" or [len(g) for g in re.findall(r"[0-9]+", pattern_text(item.text))] in _NHS_GROUPS:
        return None
    return (f"paragraph {item.sentence.paragraph}: ten digits grouped as no NHS number is printed were left out as "
            "one (not shown, in case they are): if they are figures, a table's row say, check them by hand")


#: Said when an article shows no text at all, where "no figures found" and exit 0 told a fact-checker a page had
#: no figures: a saved page whose article its scripts draw (the text only in a script's data, a <noscript> notice
#: and a title), a page of images, an empty file.
NO_TEXT = ("the article shows no text, so nothing was read: a page its scripts draw shows none until they run (save "
           "it once it has loaded, or copy its text into a .txt file)")


#: A page that shows less text than this, no figure, and runs a script is the shell of a page its scripts draw: a
#: "Loading…" notice, or a site's header and footer around the empty element the article is drawn into (an Angular
#: or React app fetched with curl or saved "HTML only"). Said as `NO_TEXT` is, where "no figures found" and exit 0
#: told a fact-checker the page had none.
SHELL_TEXT = 300
_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)


def shell_line(shown: int) -> str:
    """The line said for a page its scripts draw that shows only `shown` characters of text (`SHELL_TEXT`)."""
    return (f"the page shows only {shown:,} characters of text and no figure, and runs scripts: a page its scripts "
            "draw shows its article only once they run (save it once it has loaded, or copy its text into a .txt "
            "file)")


#: How many addresses of frames not read `frames_line` names (each cut to `SHOWN_ADDRESS` characters).
SHOWN_FRAMES, SHOWN_ADDRESS = 5, 100


def frames_line(addresses: list[str]) -> str:
    """The one line that says which frames the page shows from elsewhere were not read (scan fetches nothing)."""
    unique = list(dict.fromkeys(addresses))
    named = ", ".join(repr(a if len(a) <= SHOWN_ADDRESS else a[:SHOWN_ADDRESS] + "…") for a in unique[:SHOWN_FRAMES])
    more = f" and {len(unique) - SHOWN_FRAMES:,} more" if len(unique) > SHOWN_FRAMES else ""
    one = len(unique) == 1
    return (f"the page shows {_count(len(unique), 'frame')} from elsewhere ({named}{more}), and scan fetches "
            f"nothing: the text {'it shows' if one else 'they show'} (a chart's, an embedded post's) was not read; "
            f"open {'it' if one else 'each'} and scan {'its' if one else 'that'} page")


def charts_line(drawn: list[str]) -> str:
    """The one line that says the page draws charts with a charting library's script, whose figures are in the
    script, not the text (`drawn`: the script's address or the class of the element each is drawn in). A page that
    names only canvases may be drawing an animation or an advert on them, so the line does not say "charts"."""
    unique = list(dict.fromkeys(drawn))
    if unique == [CANVAS]:
        one = drawn.count(CANVAS) == 1
        canvases = "1 canvas" if one else f"{drawn.count(CANVAS):,} canvases"
        return (f"the page shows {canvases} a script draws on: what {'it shows' if one else 'they show'} (a chart's "
                "figures, if it is a chart) is in the script, not the page's text, and was not read; check the page by "
                "eye")
    named = ", ".join(repr(a if len(a) <= SHOWN_ADDRESS else a[:SHOWN_ADDRESS] + "…") for a in unique[:SHOWN_FRAMES])
    more = f" and {len(unique) - SHOWN_FRAMES:,} more" if len(unique) > SHOWN_FRAMES else ""
    return (f"the page draws charts with a script ({named}{more}): their figures are in the script, not the page's "
            "text, and were not read; check them by hand, or save the page once the charts have loaded")


def generated_line(selectors: list[str]) -> str:
    """The one line that says the page's style sheet writes figures into it (`scan_css.written_attributes`: a chart
    drawn in CSS labelling its bars, a card writing its number), which scan does not apply."""
    unique = list(dict.fromkeys(selectors))
    named = ", ".join(repr(s) for s in unique[:SHOWN_FRAMES])
    more = f" and {len(unique) - SHOWN_FRAMES:,} more" if len(unique) > SHOWN_FRAMES else ""
    return (f"the page's style sheet writes figures into it ({named}{more}: CSS generated content, a chart's labels "
            "or a card's number): they are not in the page's text and were not read; check the page by eye")


def redirect_line(address: str) -> str:
    """The line that says the page sends its reader on to another (a <meta> refresh), which scan never fetches."""
    shown = address if len(address) <= SHOWN_ADDRESS else address[:SHOWN_ADDRESS] + "…"
    return (f"the page sends its reader on to {shown!r} (a <meta> refresh), and scan fetches nothing: the page a "
            "reader sees was not read; open that page and scan it")


def struck_line(passages: list[str]) -> str:
    """The one line that says the article strikes figures through (HTML's <s>, <del>, <strike>; Markdown's
    `~~…~~`): text it shows withdrawn, a correction's old figure, so its figures are not read as the article's."""
    unique = list(dict.fromkeys(p if len(p) <= SHOWN_ADDRESS else p[:SHOWN_ADDRESS] + "…" for p in passages))
    named = ", ".join(repr(p) for p in unique[:SHOWN_FRAMES])
    more = f" and {len(unique) - SHOWN_FRAMES:,} more" if len(unique) > SHOWN_FRAMES else ""
    return (f"the article strikes through {_count(len(unique), 'passage')} with a number ({named}{more}): text it "
            "shows withdrawn, so its figures were not read as the article's; check them by hand")


def _page_parts_not_read(text: str, frames: list[str], drawn: list[str], redirects: list[str],
                         generated: list[str], struck: list[str]) -> list[str]:
    """The lines for what a page shows that scan does not read: where its refresh sends the reader, no text at all,
    frames from elsewhere, charts its scripts draw, figures its sheet writes, figures it strikes through."""
    lines = [redirect_line(redirects[0])] if redirects else []
    if not text and not struck:  # (a page all struck through shows text: the struck line says so)
        lines.append(NO_TEXT)
    if frames:
        lines.append(frames_line(frames))
    if drawn:
        lines.append(charts_line(drawn))
    if generated:
        lines.append(generated_line(generated))
    numbered = [p for p in struck if any(c.isdigit() for c in p)]
    if numbered:
        lines.append(struck_line(numbered))
    return lines


def scan_text(raw: str, paths: Paths, max_figures: int | None = DEFAULT_MAX_FIGURES) -> dict[str, Any]:
    """The scan of one article's text (plain or HTML): its figures with their matches, what was set aside, and
    `not_read`: the parts of the text that were not read, each in one line (empty when all of it was)."""
    record = load_record(paths)
    pairs: list[Any] = []
    left_out: list[Any] = []
    not_read: list[str] = []
    cache: dict[Any, Any] = {}
    previous = None
    heading = False  # whether the sentence is below a table's heading that gives its unit
    header = ""  # the heading row of the table the sentence is a row of
    frames: list[str] = []
    raw, repaired, telltale = repaired_mojibake(raw)
    if repaired:
        not_read.append(f"{_count(repaired, 'place')} showed UTF-8 text mis-decoded as Windows-1252 or Mac Roman "
                        f"(first {telltale!r}) and {'was' if repaired == 1 else 'were'} read as repaired: check the "
                        "figures beside them against the page")
    drawn: list[str] = []
    redirects: list[str] = []
    generated: list[str] = []
    struck: list[str] = []
    text = to_text(raw, frames, drawn, redirects, generated, struck)
    not_read += _page_parts_not_read(text, frames, drawn, redirects, generated, struck)
    glyphs = unnamed_glyphs(raw)
    if glyphs:
        not_read.append(f"{_count(glyphs, 'character')} a PDF's text layer does not name (\"(cid:N)\", as pdfminer "
                        "writes them, or Adobe's private old-style digits) could not be read: check the figures around "
                        "them against the PDF")
    every = sentences(text)
    ranked = ranks(every)
    ahead = read_ahead(every)
    for at, sentence in enumerate(every):
        opens = previous is None or previous.paragraph != sentence.paragraph  # a list's number opens its paragraph
        found, skipped = (([], [LeftOut(sentence.text, LIST_NUMBER, sentence)]) if at in ranked else
                          find_figures(sentence, frozenset() if opens else frozenset({LIST_NUMBER}), ahead[at]))
        found, headed, heading = below_a_unit_heading(sentence, found, heading)
        skipped += headed
        if found and _answered_no(every, at):
            found, skipped = [], skipped + [LeftOut(f.text, DENIED, sentence) for f in found]
        room = len(found) if max_figures is None else max_figures - len(pairs)
        stop = len(found) > room
        if stop:
            found = found[:room]
            not_read.append(f"stopped after {max_figures:,} figures, in paragraph {sentence.paragraph} of "
                            f"{every[-1].paragraph}: the rest of the text was not read (--max-figures raises the "
                            "limit)")
        context = (previous.text if previous is not None and previous.paragraph == sentence.paragraph
                   and _POINTS_BACK.match(sentence.text) else _label(every, at, found))
        header = table_heading(sentence.text, header)
        pairs += [match_reading(f, record, cache=cache, context=column_heading(header, f) or context)
                  for f in found]
        left_out += [_left_out_entry(s) for s in skipped]
        not_read += [f"paragraph {s.sentence.paragraph}: a sentence with more than {MAX_PER_SENTENCE} numbers (a "
                     f"table or a list?) was read only to its {MAX_PER_SENTENCE}th; the rest, from {s.text!r}, "
                     "was not" for s in skipped if s.kind == NOT_READ]
        not_read += [not_read_line(s.sentence.paragraph, s.text, s.kind) for s in skipped
                     if s.kind in UNCHECKED or _mixes_digits(s)]
        not_read += [line for s in skipped if (line := odd_nhs_line(s)) is not None]
        previous = sentence
        if stop:
            break
    if text and not pairs and len(text) < SHELL_TEXT and looks_like_html(raw) and _SCRIPT.search(raw):
        not_read.append(shell_line(len(text)))
    prefer_article_sources([m for _, m in pairs])
    return {"figures": [_figure_entry(f, m) for f, m in pairs], "left_out": left_out, "not_read": not_read}


# --- output -----------------------------------------------------------------------------------------------------


def published_when(m: dict[str, Any]) -> str:
    """The document's date as the record knows it. A date the document did not print is a stand-in (the first of
    the month, or a day worked out from other reports); the scan printed it as "2025-10-01", a day no source gave,
    beside the fact-check page's "October 2025 (approximate)". It is given to the month, marked (`iso_date`)."""
    when = str(m.get("published") or "")
    if not m.get("published_approximate") or len(when) != 10:
        return when
    return f"{iso_date(when, True)} (approximate)"


def period_of(m: dict[str, Any]) -> str:
    """The period a record figure counts, beside the date of the document that printed it: the Markdown table gave
    ONS's "13%" for London's share as "(same), … 2015-04-25", the copy's date, with nothing to say the share is of
    mid-2012, where the story's "13 per cent" is today's. "at 2012-06-30", "2023", or "2014-04-01 to 2015-03-31";
    nothing for a figure as at its own document's date, which the line gives already."""
    start, end = str(m.get("period_start") or ""), str(m.get("period_end") or "")
    if not start or not end:
        return ""
    if start == end:  # as at its own document's date: that date is given already
        return "" if start == str(m.get("published") or "") else f"at {start}"
    if start[:4] == end[:4] and start[4:] == "-01-01" and end[4:] == "-12-31":
        return start[:4]
    return f"{start} to {end}"


def _for_period(m: dict[str, Any]) -> str:
    period = period_of(m)
    return "" if not period else f" {period}" if period.startswith("at ") else f" for {period}"


def _match_line(m: dict[str, Any]) -> str:
    kind = "primary" if m["primary"] else "secondary"
    return (f"{m['value_as_printed']} ({m['relation']}){_for_period(m)} — {m['publisher']}, {published_when(m)} "
            f"({kind}): {m['subject']} [{m['figure_id']}]")


def _by_definition(entry: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups = [(d, [m for m in entry["matches"] if m["measure"] == d]) for d in entry["definitions"]]
    return groups[:SHOWN_DEFINITIONS]


def _verdicts(entry: dict[str, Any]) -> str:
    return "; ".join(f"{c['claim_id']}: {c['verdict']}" + ("" if c["in_this_text"] else " (elsewhere)")
                     for c in entry["claims"]) or "none"


#: What a figure matched under several definitions asks of a reader. "They are not the same figure" was wrong where
#: the record keeps one count under two sources' names (Beaconport's 1,273 as the NCA's referrals and as the
#: minister's cases identified): the definitions differ, which is what the reader must check.
DIFFERENT_DEFINITIONS_ADVICE = "read each definition before comparing or adding them"


def definitions_warning(entry: dict[str, Any]) -> str:
    """Why a figure matched under several definitions is not one figure, or, where a registered claim checks the
    article's figure against a figure of another definition, which one it is checked against.

    The seed story's "32 London boroughs" (to which the reporter sent requests) matched London Councils' 32
    boroughs too: the warning said only "they are not the same figure", while the fact-check judges the claim
    accurate against that same London Councils figure, so a fact-checker saw two contradictory signals."""
    measures = {m["figure_id"]: m["measure"] for m in entry["matches"]}
    count = len(entry["definitions"])
    for claim in entry["claims"]:
        stated = measures.get(claim["stated_figure"])
        against = [(measures[i], i) for i in claim["inputs"] if measures.get(i, stated) != stated]
        if stated and against:
            measure, figure_id = against[0]
            rest = f"; {DIFFERENT_DEFINITIONS_ADVICE} for the others" if count > 2 else ""
            return (f"matches {count} definitions: claim {claim['claim_id']} checks {stated} against {measure} "
                    f"({figure_id}){rest}")
    return f"matches {count} different definitions: {DIFFERENT_DEFINITIONS_ADVICE}"


def render_text(result: dict[str, Any], show_all: bool) -> str:
    lines = []
    for n, e in enumerate(result["figures"], start=1):
        lines.append(f"{n}. {e['value_as_printed']!r} — {e['value']:,.10g} {e['unit']}, {e['qualifier']}"
                     f" (para {e['paragraph']}): {e['counted']}")
        if n == 1 or result["figures"][n - 2]["sentence"] != e["sentence"]:
            lines.append(f"   sentence: {e['sentence']}")
        lines.append(f"   looks like: {e['measure_guess'] or 'no guess'}")
        if not e["matches"]:
            lines.append("   record: not in the record")
        for definition, items in _by_definition(e):
            lines.append(f"   definition {definition}:")
            lines += [f"     - {_match_line(m)}" for m in items[:SHOWN_PER_DEFINITION]]
            if len(items) > SHOWN_PER_DEFINITION:
                lines.append(f"     … {len(items) - SHOWN_PER_DEFINITION} more")
        if len(e["definitions"]) > 1:
            lines.append(f"   ! {definitions_warning(e)}")
        for m in e["other_definitions"][:SHOWN_PER_DEFINITION]:
            lines.append(f"   ! printed alike, another definition ({m['differs']}), not this figure: {_match_line(m)}")
        lines.append(f"   claims: {_verdicts(e)}")
        if e["derived"]:
            lines.append(f"   derived ({e['derived']}, from {e['derived_because']!r})"
                         + (": not registered, add it to claims.yaml" if e["should_register"] else ""))
    if not result["figures"]:
        lines.append("no figures found")
    lines += [f"! not read: {line}" for line in result["not_read"]]
    if show_all and result["left_out"]:
        lines.append("\nleft out (not statistics):")
        lines += [f"  - {x['text']!r}: {x['kind']} (para {x['paragraph']})" for x in result["left_out"]]
    return "\n".join(lines)


def _record_cell(figure: dict[str, Any]) -> str:
    """A record figure in a table cell: as printed, how it relates, the period it counts, who published it when,
    and its id."""
    text = (f"{figure['value_as_printed']} ({figure['relation']}){_for_period(figure)}, {figure['publisher']} "
            f"{published_when(figure)}" + (" (primary)" if figure["primary"] else ""))
    return f"{escape(text)} {code(figure['figure_id'])}"


def render_markdown(result: dict[str, Any], show_all: bool) -> str:
    """A table to paste into a draft: one row per figure, the record's best matches, the verdicts."""
    rows = ["| # | As printed | What it counts | In the record (first/primary first) | Claims and verdicts | "
            "Action |", "|---|---|---|---|---|---|"]
    for n, e in enumerate(result["figures"], start=1):
        record = []
        for definition, items in _by_definition(e):
            first = items[0]
            record.append(f"**{escape(definition)}**: " + _record_cell(first)
                          + (f" +{len(items) - 1} more" if len(items) > 1 else ""))
        where = "<br>".join(record) or "not in the record"
        if len(e["definitions"]) > 1:
            where += "<br>⚠ " + escape(definitions_warning(e))
        for m in e["other_definitions"][:SHOWN_PER_DEFINITION]:
            where += "<br>⚠ " + escape(f"not this figure: {m['measure']} {m['value_as_printed']} ({m['differs']})") + \
                f" {code(m['figure_id'])}"
        action = ("register as a claim" if e["should_register"] else
                  "find a source" if not e["matches"] else "")
        rows.append(f"| {n} | {escape(e['value_as_printed'])} (para {e['paragraph']}) | {escape(e['counted'])} | "
                    f"{where} | {escape(_verdicts(e))} | {action} |")
    out = "\n".join(rows)
    if result["not_read"]:
        out += "\n\n**Not read:** " + "; ".join(escape(line) for line in result["not_read"])
    if show_all and result["left_out"]:
        out += "\n\nLeft out (not statistics): " + "; ".join(
            f"{escape(x['text'])} ({x['kind']})" for x in result["left_out"])
    return out + "\n"


def claims_stub(result: dict[str, Any]) -> str:
    """A claims.yaml fragment for derived figures no claim covers: the words as printed, the rest left blank."""
    import yaml

    from analysis.factcheck.rules import ROLES

    entries = []
    taken: dict[str, int] = {}
    for e in result["figures"]:
        if not e["should_register"]:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", f"{e['value_as_printed']} {e['counted']}".lower()).strip("-")[:50]
        entries.append({
            "id": _unique(f"todo-{slug}", taken), "claimant": "", "source_id": "", "location": f"para {e['paragraph']}",
            "text": _claim_text(e["sentence"], e["value_as_printed"]), "stated": e["value_as_printed"],
            "kind": e["derived"],
            "inputs": {role: "" for role in ROLES.get(e["derived"], ())},
            "note": f"Stub from `python -m analysis scan`: kind read from the words {e['derived_because']!r}; "
                    "check it, trim the text to the claim, and fill every input with figure ids or gaps.",
        })
    header = "# Claims stub from `python -m analysis scan`: nothing here is checked; fill every empty field.\n"
    return header + (yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=110) if entries else "[]\n")


def _claim_text(sentence: str, printed: str) -> str:
    """The sentence as a claim's text: at most MAX_TEXT_WORDS words, around the figure. The first 30 words of a long
    sentence left out a figure printed after them ("… the number of assessments … has fallen by 37% since 2016"),
    and `validate` refuses a claim whose text does not contain its stated value."""
    words = sentence.split()
    at = sentence.find(printed)
    first = len(sentence[:at].split()) if at >= 0 else 0
    start = max(0, min(first - MAX_TEXT_WORDS // 3, len(words) - MAX_TEXT_WORDS))
    return " ".join(words[start:start + MAX_TEXT_WORDS])


def _unique(name: str, taken: dict[str, int]) -> str:
    """`name`, or `name-2`, `name-3`, …: the first not yet taken (now taken; `taken` keeps each name's last number,
    so 25,000 figures worded alike cost one step each). Two figures printed and worded alike ("12 per cent in"
    twice) gave a stub of duplicate claim ids, which `validate` refuses once pasted in."""
    found, n = name, taken.get(name, 0)
    while found in taken:
        n += 1
        found = f"{name}-{n}"
    taken[name] = max(n, 1)
    taken.setdefault(found, 1)
    return found


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    add_root_argument(parser)
    parser.add_argument("file", help="the article: a text or HTML file, or - for standard input")
    parser.add_argument("--all", action="store_true", help="also list the numbers left out (dates, phone numbers, …)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the full result as JSON")
    out.add_argument("--md", action="store_true", help="print a Markdown table to paste into a draft")
    parser.add_argument("--claims-stub", type=stub_file, metavar="FILE",
                        help="write a NEW claims.yaml fragment for derived figures not yet registered "
                             "(refuses to overwrite a file)")
    parser.add_argument("--max-mb", type=typed_number(megabytes), default=DEFAULT_MAX_MB, metavar="MB",
                        help=f"refuse inputs larger than this (default {DEFAULT_MAX_MB:g} MB)")
    parser.add_argument("--max-figures", type=typed_number(figure_count), default=DEFAULT_MAX_FIGURES, metavar="N",
                        help=f"stop reading after N figures, and say so (default {DEFAULT_MAX_FIGURES:,})")
    parser.epilog = ("exit status: 0 every figure found is in the record (or none found), 1 at least one is not "
                     "or part of the text was not read, 2 nothing scanned (unreadable, not text, too large, unknown "
                     "encoding). "
                     "The last line is a summary (on standard error with --json or --md).")


#: The most `--max-mb` may raise the limit to: the article is read into memory whole (and /dev/zero never ends).
MAX_MAX_MB = 1000.0


def megabytes(text: str) -> float:
    """`--max-mb` as a number of megabytes above 0 and at most MAX_MAX_MB: "nan", "inf" or "1e999" gave a
    traceback, and "-1" the message that standard input is closed."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of megabytes") from None
    if not 0 < value <= MAX_MAX_MB:  # False for NaN too
        raise argparse.ArgumentTypeError(f"{text!r} must be above 0 and at most {MAX_MAX_MB:g} MB")
    return value


def stub_file(text: str) -> Path:
    """`--claims-stub` as the name of a new file: "-" (which `file` reads as standard input) wrote a file named "-",
    and "drafts/" a file named "drafts", each reported as written."""
    if text in ("", "-") or text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"{text!r} is not a file name: give the new file to write, e.g. stub.yaml")
    return Path(text)


def figure_count(text: str) -> int:
    """`--max-figures` as a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of figures") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def _read(args: argparse.Namespace) -> str:
    """The article's text; reads at most one byte past the limit, so /dev/zero or a huge file stops at once. Over
    it, the size said is the file's own (a 20 MB file was "5,000,001 bytes", the bytes read), or unknown (a pipe)."""
    limit = int(args.max_mb * 1_000_000) + 1
    try:
        if args.file == "-":
            if sys.stdin is None or sys.stdin.closed:
                raise InputRefused("standard input is closed: pipe the article in, or give a file name")
            data, size = sys.stdin.buffer.read(limit), _file_size(sys.stdin.buffer)
        else:
            with open(args.file, "rb") as handle:
                data, size = handle.read(limit), _file_size(handle)
    except (ValueError, OSError) as error:
        if isinstance(error, InputRefused):
            raise
        raise InputRefused(getattr(error, "strerror", None) or "standard input is closed") from None
    if len(data) >= limit:
        raise over_limit(size, args.max_mb)
    return decode_article(data, args.max_mb, xml=xml_by_name(args.file))


def _file_size(handle: Any) -> int | None:
    """The size of a regular file (standard input redirected from one included), or None (a pipe, a device)."""
    try:
        status = os.fstat(handle.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def summary(result: dict[str, Any]) -> str:
    """One line a script or a person reads first: what was found, and how much of it the record holds."""
    figures = result["figures"]
    held = sum(1 for e in figures if e["matches"])
    claims = {c["claim_id"] for e in figures for c in e["claims"]}
    line = (f"scan: {_count(len(figures), 'figure')} found, {held} in the record, {len(figures) - held} not in the "
            f"record, {_count(len(claims), 'registered claim')} checked")
    skipped = len(result["not_read"])
    return line + (f"; {_count(skipped, 'part')} of the text not read (listed above)" if skipped else "")


def _count(n: int, noun: str) -> str:
    """"1 figure", "2 figures": the summary read "1 figures found"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def shown(name: Any) -> str:
    """A file name as printed to the terminal (a saved page named with an escape sequence set the terminal's title
    and colours through "scan: cannot scan <name>")."""
    return printable(name)


def _write_stub(target: Path, result: dict[str, Any]) -> int:
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(claims_stub(result))
    except FileExistsError:
        print(f"scan: {shown(target)} exists; --claims-stub writes a new file and never overwrites one",
              file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as error:
        print(f"scan: cannot write {shown(target)}: {error.strerror}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"scan: wrote {shown(target)}", file=sys.stderr)
    return EXIT_ALL_HELD


def run(args: argparse.Namespace) -> int:
    """Exit status: 0 every figure found is in the record (or none was found), 1 some are not or part of the text
    was not read, 2 nothing scanned."""
    paths = Paths(args.root.resolve())
    if args.claims_stub and args.claims_stub.exists():
        print(f"scan: {shown(args.claims_stub)} exists; --claims-stub writes a new file and never overwrites one",
              file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        raw = _read(args)
        result = scan_text(raw, paths, args.max_figures)
    except InputRefused as error:
        print(f"scan: cannot scan {shown(args.file)}: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except FileNotFoundError as error:
        print(f"scan: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    elif args.md:
        print(render_markdown(result, args.all), end="")
    else:
        print(render_text(result, args.all))
    print(summary(result), file=sys.stderr if (args.json or args.md) else sys.stdout)
    if args.claims_stub and _write_stub(args.claims_stub, result):
        return EXIT_UNREADABLE
    absent = any(not e["matches"] for e in result["figures"]) or bool(result["not_read"])
    return EXIT_SOME_ABSENT if absent else EXIT_ALL_HELD
