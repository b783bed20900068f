"""Look a figure, source, gap or claim up by id, and search the record, from the processed tables.

Behind `python -m analysis show ID`, `python -m analysis search TEXT`, `analysis.figure(id)` and
`analysis.search(text)`. Reads the processed CSVs with the csv module (`load_rows`), never pandas, so a look-up
from the shell answers at once.

Why search groups numbers by meaning: the same printed number can be different counts. "More than 1,200" is the
national count of historic group-based cases identified for review, and 1,200 is also the Met's own cases still in
scope after its review; a search for "1,200" lists each distinct meaning with its definition so the two are never
read as one.
"""

from __future__ import annotations

import functools
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from analysis.paths import DEFAULT, Paths
from analysis.record.hygiene import (
    BIDI_RE,
    dashes_read,
    digits_problem,
    normal_text,
    number_field_problem,
    quotes_read,
    read_through,
)
from analysis.record.printed import Printed, PrintedFigureError, parse_printed
from analysis.record.terminal import printable
from analysis.record.vocabulary import PER_CENT, split_list, written_whole
from analysis.tables.load import load_rows

#: kind → (table, id column). The order is the order `show` tries them in.
KINDS: dict[str, tuple[str, str]] = {
    "figure": ("figures", "figure_id"),
    "source": ("sources", "id"),
    "gap": ("gaps", "id"),
    "claim": ("claims", "claim_id"),
}
#: Tables built from figures, and the columns naming the figures each row used (';'-separated).
_FIGURE_USERS = {
    "inspection_grades": ("figure_ids",),
    "met_cse_series": ("figure_id", "also_reported_in"),
    "historic_reviews": ("figure_id",),
    "population": ("figure_id",),
}
#: kind → {column: weight}: a query word found in a heavier column ranks the row higher.
WEIGHTS: dict[str, dict[str, int]] = {
    "figure": {"value_as_printed": 8, "measure": 4, "subject": 4, "figure_id": 3, "quote": 2, "geography": 1,
               "publisher": 1, "caveat": 1},
    "source": {"id": 4, "title": 4, "producer": 4, "citation": 2, "notes": 1},
    "gap": {"id": 4, "wanted": 4, "holder": 2, "reason": 1, "where_looked": 1},
    "claim": {"claim_id": 4, "stated": 8, "text": 4, "claimant": 2, "working": 1},
}
#: Score of a figure whose value equals the number searched for (above any word match).
VALUE_MATCH = 50


class BadQuery(ValueError):
    """A search that cannot be read one way: a number written with digits other than 0-9, or a character `verify`
    refuses in a value (a bidi control, a look-alike letter, a private-use glyph)."""


class UnknownId(LookupError):
    """An id that is no figure, source, gap or claim."""


@dataclass
class Record:
    """One row of the record with everything that points at it (`cited_by`) and what it points at (`uses`)."""

    kind: str
    id: str
    fields: dict[str, Any]
    cited_by: list[str] = field(default_factory=list)
    uses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "fields": self.fields, "cited_by": self.cited_by,
                "uses": self.uses}


def _split(cell: Any) -> list[str]:
    return split_list(cell)


#: A copy's own caveat, in brackets after its id in met_cse_series' also_reported_in (innermost first).
_COPY_NOTE = re.compile(r"\s*\[[^\[\]]*\]")


def _figure_ids(cell: Any) -> list[str]:
    """The figure ids a table row names: a list of ids, where a copy in also_reported_in is followed by its own
    caveat in brackets ("standard-2018-03-16/cse-crimes-2016 [Matches the 922 …]"), which may hold the list
    separator itself. Split as a plain list, each such item was an id and its caveat and matched no figure, so `show`
    did not name the Met series row that lists the copy."""
    text = "" if cell is None else str(cell)
    while (bare := _COPY_NOTE.sub("", text)) != text:
        text = bare
    return _split(text)


#: What an id is copied with from a sentence, a table or a chat: quotes or backticks around it, brackets (the
#: caveats cite "(source policeprofessional-2025-11-05-beaconport)"), and the punctuation of the sentence it ended.
#: No id starts or ends with one (ids are lower-case slugs), so each is read as nothing at either end, here and in
#: Datasette's "Every figure from one source" (`db_metadata`).
ID_WRAPPING = "`'\"\u2018\u2019\u201c\u201d()[]<>.,;:"


def as_id(text: str) -> str:
    """An id as copied, read as `search` reads a query: without the white space around it (a line copied with its
    line end, "met-2017-03-13\r\n", a cell with a trailing no-break space) or the invisible characters inside it, and
    with full-width letters and Word's non-breaking hyphen read as what they show. Ids are ASCII, so the reading
    finds the one id a reader sees or none. Each was "no figure, source, gap or claim id", where `search` read the
    same text. Ids are lower case and wrapped in nothing (`ID_WRAPPING`): "MyLondon-2025-10-grooming-gangs",
    "`mylondon-…`" and "mylondon-….", which Datasette's query for a source's figures read, were no id to `show`."""
    if BIDI_RE.search(text):  # refused, as in a query: it reorders what the reader saw
        return text.strip()
    return normal_text(read_through(text)).strip().strip(ID_WRAPPING + " ").lower()


class Index:
    """The four record tables read once, with look-ups by id."""

    def __init__(self, paths: Paths = DEFAULT) -> None:
        self.rows = {kind: load_rows(table, paths) for kind, (table, _) in KINDS.items()}
        self.by_id = {kind: {row[key]: row for row in self.rows[kind]} for kind, (_, key) in KINDS.items()}
        self.paths = paths

    def known(self, item_id: str) -> str:
        """The record's id for `item_id` as copied (`as_id`), or `item_id` when it names nothing."""
        if any(item_id in ids for ids in self.by_id.values()):
            return item_id
        read = as_id(item_id)
        return read if any(read in ids for ids in self.by_id.values()) else item_id

    def kind_of(self, item_id: str) -> str:
        item_id = self.known(item_id)
        for kind in KINDS:
            if item_id in self.by_id[kind]:
                return kind
        raise UnknownId(f"{item_id!r} is no figure, source, gap or claim id "
                        f"(try `python -m analysis search {shlex.quote(printable(item_id.split('/')[-1]))}`)")

    def record(self, item_id: str) -> Record:
        item_id = self.known(item_id)
        kind = self.kind_of(item_id)
        row = dict(self.by_id[kind][item_id])
        return getattr(self, f"_{kind}")(Record(kind, item_id, row))

    def _figure(self, rec: Record) -> Record:
        for claim in self.rows["claim"]:
            if rec.id == claim["stated_figure"]:
                rec.cited_by.append(f"claim {claim['claim_id']} (the stated figure): {claim['verdict']}")
            elif rec.id in _split(claim["inputs"]):
                rec.cited_by.append(f"claim {claim['claim_id']} (an input): {claim['verdict']}")
        for table, columns in _FIGURE_USERS.items():
            for number, row in enumerate(load_rows(table, self.paths), 1):
                if any(rec.id in _figure_ids(row.get(c)) for c in columns):
                    rec.cited_by.append(f"table {table}, row {number}")
        rec.uses.append(f"source {rec.fields['source_id']}: {rec.fields['publisher']}, {rec.fields['source_title']}")
        return rec

    def _source(self, rec: Record) -> Record:
        for row in self.rows["figure"]:
            if row["source_id"] == rec.id:
                rec.cited_by.append(f"figure {row['figure_id']}: {row['value_as_printed']} ({row['measure']})")
        for claim in self.rows["claim"]:
            if claim["source_id"] == rec.id:
                rec.cited_by.append(f"claim {claim['claim_id']} (made in this source): {claim['verdict']}")
        return rec

    def _gap(self, rec: Record) -> Record:
        for claim in self.rows["claim"]:
            if rec.id in _split(claim["gaps"]):
                rec.cited_by.append(f"claim {claim['claim_id']} (needs it): {claim['verdict']}")
        return rec

    def _claim(self, rec: Record) -> Record:
        for figure_id in [rec.fields["stated_figure"], *_split(rec.fields["inputs"])]:
            figure = self.by_id["figure"].get(figure_id)
            if figure:
                rec.uses.append(f"figure {figure_id}: {figure['value_as_printed']} ({figure['measure']})")
        rec.uses += [f"gap {g}: {self.by_id['gap'].get(g, {}).get('wanted', '')}" for g in _split(rec.fields["gaps"])]
        rec.uses.append(f"source {rec.fields['source_id']}")
        return rec


def figure(figure_id: str, paths: Paths = DEFAULT) -> dict[str, Any]:
    """One figure: every field of the figures table, plus `cited_by` (claims and table rows that use it).

    >>> import analysis
    >>> f = analysis.figure("gbnews-2025-11-13/met-cases-in-scope")
    >>> f["value_as_printed"], f["measure"], f["geography"]
    ('1,200', 'met_historic_cases_in_scope', 'London')
    >>> analysis.figure("no-such-figure")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.tables.lookup.UnknownId: 'no-such-figure' is no figure, source, gap or claim id ...
    """
    index = Index(paths)
    figure_id = index.known(figure_id)
    if figure_id not in index.by_id["figure"]:
        kind = index.kind_of(figure_id)  # raises UnknownId for an id of nothing
        raise UnknownId(f"{figure_id!r} is a {kind} id, not a figure id: "
                        f"`python -m analysis show {figure_id}`")
    rec = index.record(figure_id)
    return {**rec.fields, "cited_by": rec.cited_by}


def show(item_id: str, paths: Paths = DEFAULT) -> Record:
    """A figure, source, gap or claim with what cites it and what it uses (`python -m analysis show ID`)."""
    return Index(paths).record(item_id)


# --- search ----------------------------------------------------------------------------------------------------


def _number(text: str) -> Printed | None:
    """The number a query names ("1,200", "56 per cent"), or None for words (a query without a digit is never
    read as a number: "half" is searched as a word)."""
    if not re.search(r"\d", text):
        return None
    try:
        printed = parse_printed(text.strip())
    except PrintedFigureError:
        return None
    return printed if printed.value is not None else None


def _value_match(number: Printed | None, row: dict[str, Any]) -> bool:
    """Whether a figure has the query's value in the query's unit. A bare number ("9") is any figure of that value,
    whatever its unit; a number printed with its unit only a figure of that unit: "9 per cent" listed HMICFRS's
    "nine" recommendations, "£15.6 million" would have listed 15,600,000 people."""
    if number is None or row["value"] != number.value:
        return False
    if number.unit == "count":
        return True
    unit = str(row.get("unit") or "")
    return unit.startswith("per ") if number.unit == "rate" else unit == number.unit


#: What may close a sentence a query was copied from, after its last word: NFKC has made "…" three full stops.
_SENTENCE_END = ".,;:!?"
#: Marks that frame a word in prose, as typed (Markdown's emphasis marks; an apostrophe or a quotation mark typed
#: straight). Every other one is found by its Unicode category: opening and closing brackets and quotation marks.
_FRAMING_TYPED = "'\"*_`"
_FRAMING_CATEGORIES = frozenset({"Ps", "Pe", "Pi", "Pf"})


def _framing(char: str, at_end: bool) -> bool:
    return (char in _FRAMING_TYPED or unicodedata.category(char) in _FRAMING_CATEGORIES
            or (at_end and char in _SENTENCE_END))


#: A list's mark before an item copied with it ("• 1,200" from a bulleted list, "- 1,200" from Markdown): one mark
#: and white space.
_LIST_MARK = re.compile(r"(\S)\s+")
_LIST_MARK_CATEGORIES = frozenset({"Po", "Pd", "So"})


def unframed(text: str) -> str:
    """A query without the marks that framed it in the text it was copied from: quotation marks, brackets and
    emphasis around it, a list's bullet before it, and the full stop, comma or colon after it ("1,200." from the end
    of a sentence, "“more than 1,200”" from a claim, "‘Casey’" from a headline, "**1,200**" from Markdown, "• 1,200"
    from a list). Searched as written, each was a word no cell holds, and search answered "0 matches", the answer for
    a figure the record does not hold, where "1,200" finds five meanings; `verify` refuses the same text instead of
    reading it as another. A query the parser reads as it stands (a marker such as "[x]") is kept as it is."""
    text = text.strip()
    try:
        parse_printed(text)
        return text
    except PrintedFigureError:
        pass
    mark = _LIST_MARK.match(text)
    if mark and (unicodedata.category(mark.group(1)) in _LIST_MARK_CATEGORIES
                 or "BULLET" in unicodedata.name(mark.group(1), "")):
        text = text[mark.end():]
    start, end = 0, len(text)
    while start < end and _framing(text[start], at_end=False):
        start += 1
    while end > start and _framing(text[end - 1], at_end=True):
        end -= 1
    return text[start:end].strip() or text


#: A percentage as newsrooms print it: "56%", "56 %", "56 per cent", "56 percent", "56pc", "56-per-cent".
_PERCENT_RE = re.compile(rf"(\d)(?:\s*|-)(?:{PER_CENT})(?![a-z])", re.IGNORECASE)
#: "percent" or "per-cent" as a word of its own ("about percent", "the percent of cases"), read as "per cent".
_PERCENT_WORD = re.compile(r"\bper-?cent\b")


#: A quotation mark as typed (after `quotes_read`): every double one, and a single one not inside a word (an
#: apostrophe, "Met's", stands between two letters or digits). Read as a space in the query and every cell alike.
_QUOTATION_MARK = re.compile(r"\"|(?<!\w)'|'(?!\w)")


def _searchable(text: str) -> str:
    """Lower-case text with every spelling of a percentage written one way, so "56%" and "56 per cent" find the
    same rows, and every apostrophe, quotation mark and dash as typed ("Met’s" is "Met's", "Chiefs’" is "Chiefs'",
    "2012–2020" is "2012-2020": the record holds both spellings, and a query copied from a page found only the rows
    spelled as the page spells them). Applied to the query and to every searched cell alike, each read as the checks
    read text (`normal_text`): the query was, the cells were not, so "inquiries… We should", copied from a gap's own
    text, was "inquiries... we should" (NFKC's reading of "…") and found nothing, as would "figures" in a quote
    pasted from a PDF with its ligature, "ﬁgures". A quotation mark is no part of the word it stands against
    (`_QUOTATION_MARK`): outlets quote one phrase with single or double marks, or none, so `making "serious errors"`
    (or `the Met’s “child protection” probes`) found nothing where the record prints "making 'serious errors'".
    A number is written whole (`written_whole`: "1,737" is "1737"), so "1737" and "1,737" find the same rows. A
    measure's name is read as its words ("children_at_risk_cse" as "children at risk cse"), so a phrase finds it."""
    text = text if text.isascii() else normal_text(text)
    text = _QUOTATION_MARK.sub(" ", quotes_read(text))
    text = _PERCENT_RE.sub(r"\1 per cent", " ".join(dashes_read(text).lower().replace("_", " ").split()))
    return written_whole(_PERCENT_WORD.sub("per cent", text))


#: A query that is one number with its digit groups parted by spaces ("1 737", a thin space as NFKC reads it), as
#: a page in another house style prints it: searched as two words, "1" was found only inside other numbers (none,
#: now that a number is found whole), and the record prints 1,737. Or by apostrophes, as Swiss pages print it
#: ("1'737", "1’737"): searched as a word no cell holds, it answered "0 matches", the answer for a figure the record
#: does not hold, where "1 737" found the record's 1,737.
_SPACE_GROUPED_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+|\d{1,3}(?:['’]\d{3})+")


@functools.lru_cache(maxsize=64)
def _whole_number(word: str) -> re.Pattern[str] | None:
    """For a query word that starts or ends with a digit, the pattern finding it only as a whole number in a cell:
    with digit groups written without their commas, "1200" was inside "11200" and "12000" ("11,200", "12,000")."""
    if not (word[0].isdigit() or word[-1].isdigit()):
        return None
    before = r"(?<!\d)(?<!\d[.,])" if word[0].isdigit() else ""
    after = r"(?!\d|[.,]\d)" if word[-1].isdigit() else ""
    return re.compile(before + re.escape(word) + after)


@functools.lru_cache(maxsize=64)
def _word_start(word: str) -> re.Pattern[str]:
    """For a query word of letters, the pattern finding it at the start of a word in a cell: "exploit" finds
    "exploitation", but "at" was found in "Metropolitan" and "ONS" in "inspections", so "children at risk" ranked
    two inspection releases above the Met's counts of children at risk, and "ONS" listed 318 rows."""
    return re.compile(r"(?<![^\W_])" + re.escape(word))


def _in(word: str, text: str) -> bool:
    """Whether a query word (or the query's phrase) is found in a searched cell: a number whole (`_whole_number`),
    words from the start of a word (`_word_start`)."""
    if word not in text:
        return False
    pattern = _whole_number(word) or _word_start(word)
    return pattern.search(text) is not None


def _score(kind: str, row: dict[str, Any], words: list[str], phrase: str) -> tuple[int, list[str]]:
    """Sum over the query's words of the heaviest column each is found in; 0 unless every word is found. The
    columns found are listed heaviest first, a tie in `WEIGHTS`' order: sorted from a set of strings, a tie came in
    the order Python's string hashing gave, which changes from run to run, so `search --json` differed between two
    runs over the same record."""
    weights = WEIGHTS[kind]
    texts = {c: _searchable(str(row.get(c) or "")) for c in weights}
    total, matched = 0, set()
    for word in words:
        hits = [c for c in weights if _in(word, texts[c])]
        if not hits:
            return 0, []
        best = max(hits, key=lambda c: weights[c])
        total += weights[best]
        matched.update(hits)
    if len(words) > 1 and any(_in(phrase, texts[c]) for c in weights):
        total += 5
    return total, sorted((c for c in weights if c in matched), key=lambda c: -weights[c])


def _summary(kind: str, row: dict[str, Any]) -> str:
    return {"figure": lambda r: r["subject"], "source": lambda r: f"{r['producer']}: {r['title']}",
            "gap": lambda r: r["wanted"], "claim": lambda r: f"{r['claimant']}: {r['text']}"}[kind](row)


def search(text: str, paths: Paths = DEFAULT, kinds: tuple[str, ...] = tuple(KINDS),
           index: Index | None = None) -> list[dict[str, Any]]:
    """Figures (and sources, gaps, claims) matching `text`, best first.

    A number ("1,200", "56 per cent") matches every figure of that value, whatever its wording ("more than
    1,200" too), and of its unit where it is printed with one ("9 per cent" is no count of nine); words match the
    figure's value as printed, measure, subject and quote (heavier first), each from the start of a word
    ("exploit" finds "exploitation"; "at" is not found in "Metropolitan"). Each result: kind, id, score, matched
    (columns), summary, and for a figure its value as printed, measure, geography, unit and period end.

    >>> import analysis
    >>> found = analysis.search("1,200")
    >>> sorted({r["measure"] for r in found if r["value_match"]})  # doctest: +NORMALIZE_WHITESPACE
    ['beaconport_referrals', 'cse_flagged_crimes', 'historic_cases_identified_for_review',
     'met_historic_cases_in_scope', 'officers_trained_child_protection']
    """
    # "５６%" or "5٦%" gave "0 matches", as if the record had no such figure; verify refuses it. So did a bidi control
    # ("<RLO>0021", shown as 1200), a look-alike letter or a private-use glyph, which verify refuses in a value; and a
    # soft hyphen, zero-width space or full-width letters inside a word the record holds (as copying from a page
    # brings them). A query is read as verify reads a value: refused in its words, else read as the checks read text.
    problem = digits_problem(text) or number_field_problem(text, command_line=True)
    if problem:
        raise BadQuery(problem)
    text = unframed(normal_text(read_through(text)))
    text = re.sub("[ '’]", "", text) if _SPACE_GROUPED_NUMBER.fullmatch(text) else text
    index = index or Index(paths)
    phrase = " ".join(_searchable(text).split())
    words = phrase.split()
    number = _number(text)
    results = []
    for kind in kinds:
        for row in index.rows[kind]:
            score, matched = _score(kind, row, words, phrase) if words else (0, [])
            value_match = kind == "figure" and _value_match(number, row)
            if value_match:
                score += VALUE_MATCH
                matched = ["value", *matched]
            if score <= 0:
                continue
            result = {"kind": kind, "id": row[KINDS[kind][1]], "score": score + (1 if row.get("primary") else 0),
                      "matched": matched, "value_match": value_match, "summary": _summary(kind, row)}
            if kind == "figure":
                result.update({c: row[c] for c in ("value_as_printed", "measure", "geography", "unit",
                                                   "period_end", "publisher", "primary")})
            results.append(result)
    return sorted(results, key=lambda r: (-r["score"], r["kind"], r["id"]))


def meanings(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The distinct things the searched number counts: figures of that value grouped by measure, geography and
    unit, each with its definition (the subject of its first, best-ranked figure), every figure id and each one's
    own subject (`subjects`): a group's heading is one document's words ("as told to MPs by the Home Secretary"),
    which another document's figure in the group (a story's own "more than 1,200") was listed under as if they
    were its words."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in results:
        if not r.get("value_match"):
            continue
        key = (r["measure"], r["geography"], r["unit"])
        group = groups.setdefault(key, {"measure": key[0], "geography": key[1], "unit": key[2],
                                        "definition": r["summary"], "printed": [], "figure_ids": [],
                                        "subjects": []})
        if r["value_as_printed"] not in group["printed"]:
            group["printed"].append(r["value_as_printed"])
        group["figure_ids"].append(r["id"])
        group["subjects"].append(r["summary"])
    return list(groups.values())
