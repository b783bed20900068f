"""Load and check `data/raw/sources.yaml`, the registry of published documents.

Every figure points at one of these entries; the entry says who published the document, where it was read and
whether it is the publisher's own copy (primary) or a report of it, which is what lets a fact-checker weigh it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from analysis.paths import Paths
from analysis.record import clock
from analysis.record.domains import domain_in, host, is_mirror
from analysis.record.hygiene import (
    BIDI_RE,
    SLUG,
    check_text_fields,
    id_problem,
    name_key,
    url_problem,
    where_of,
)
from analysis.record.problems import Problems
from analysis.record.rawfiles import read_raw_text, stored_file_problem, yaml_construct_problem
from analysis.record.safeguarding import check_personal_data, personal_data_in

REQUIRED = ("id", "producer", "title", "url_main", "date_published", "date_accessed", "kind", "primary", "outlet",
            "citation")
OPTIONAL = ("licence", "notes", "file", "sha256", "supersedes", "date_approximate", "attributions", "original")
KINDS = (
    "inspection report", "press release", "statistical release", "transcript", "news report", "spreadsheet",
    "official statement", "report", "web page",
)
#: Kinds of page that often summarise a document the producer also published (a listing, a landing page, a
#: dashboard): where both print a figure, the document is the one to cite, and `analysis.tables.copies` ranks it first.
SUMMARY_KINDS = ("web page",)
#: Who put this copy of the document out, best first: the producer itself (its own site or its own release
#: service), another public body quoting it, a verbatim reprint of the producer's own document on another site, a
#: news agency, a national or specialist outlet, a regional outlet, and last a mirror (an aggregator or scraper
#: copy of a news story). Recorded per source by whoever
#: transcribes it, never guessed from the producer's name; `analysis.tables.copies` ranks copies by it.
OUTLETS = ("producer", "official", "reprint", "agency", "national", "specialist", "regional", "mirror")
#: Strict (`\Z`, not `$`, which also matches before a final newline); the same as every other id.
SOURCE_ID_RE = re.compile(rf"^{SLUG}\Z")


_TEXT_FIELDS = ("id", "producer", "title", "url_main", "kind", "outlet", "citation", "licence", "notes", "file",
                "sha256", "supersedes", "original")


#: A document's dates, YYYY-MM-DD.
_DATE_FIELDS = ("date_published", "date_accessed")


def _yaml_kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)


def not_text_problem(key: str, value: Any) -> str | None:
    """Why a YAML value given for a text field is not text, or None. A list or mapping is an indentation slip;
    `no`, `on` or `yes` is read by YAML as true/false, and a claim's `location: no` was published as "False". (A
    number is text as it was written: see `_Written`.)"""
    if isinstance(value, (list, dict, bool)):
        return (f"field '{key}' must be text, not {_yaml_kind(value)} (check the indentation, or put the text in "
                "quotes)")
    return None


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: No document in this record can be older, nor any period its figures cover. It holds published figures on child
#: sexual exploitation, which were first counted decades later (its earliest period starts in 1989, the national
#: review's historic cases), so an earlier date is a slip ("0001-01-01", "1017-03-13"), never a source. Generous on
#: purpose: a real old document must never be refused; a plausible wrong year (1917 for 2017) is for review, not
#: for this check. (Excel has no date before 1900 either: the workbook wrote one as a negative day number, "#####".)
EARLIEST_SOURCE_DATE = dt.date(1900, 1, 1)


def too_early(dates: dict[str, Any]) -> list[str]:
    """The one lower bound of every date in the record: a document's dates and the periods of its figures (a
    period starting in "0216" passed `validate`, reached the time axes and was a negative date in the workbook).
    A period may end after today (a forecast or a plan: the record holds both), so only this bound is shared."""
    return [f"{key} {value.isoformat()} is before {EARLIEST_SOURCE_DATE.isoformat()}, earlier than any document "
            "this record can cite (a mistyped year?)"
            for key, value in ((k, as_date(v)) for k, v in dates.items()) if value and value < EARLIEST_SOURCE_DATE]


def out_of_range(dates: dict[str, Any], today: dt.date | None = None) -> list[str]:
    """The one range check of a document's dates (sources' published and accessed, inspections' published): not in
    the future (2099 reached ClaimReview) anywhere on Earth (`today_anywhere`), not before EARLIEST_SOURCE_DATE.
    Unreadable dates are skipped here."""
    today = today or clock.today_anywhere()
    future = [f"{key} {value.isoformat()} is in the future"
              for key, value in ((k, as_date(v)) for k, v in dates.items()) if value and value > today]
    return future + too_early(dates)


def date_problems(published: Any, accessed: Any, today: dt.date | None = None) -> list[str]:
    """Dates that cannot be true: out of range (`out_of_range`), or a document read before it was published."""
    dates = {"date_published": as_date(published), "date_accessed": as_date(accessed)}
    out = out_of_range(dates, today)
    if dates["date_published"] and dates["date_accessed"] and dates["date_accessed"] < dates["date_published"]:
        out.append(f"date_accessed {dates['date_accessed'].isoformat()} is before date_published "
                   f"{dates['date_published'].isoformat()}: a document cannot be read before it is published")
    return out


#: A date as the record writes it: YYYY-MM-DD in ASCII digits, nothing before or after it.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def as_date(value: Any) -> dt.date | None:
    """The one reading of a date in the record (sources, inspections, figures' periods): the date `value` writes,
    or None. Text is read only when it is exactly `ISO_DATE`: whatever passes is written to the tables as it was,
    so a date read after trimming it (an inspection's `published: ' 2016-11-25 '`, or a YAML block scalar's
    "2016-11-25\n") reached inspection_grades.csv, cse.db and the workbook with its spaces and line end."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


# libyaml's C loader is ~10× faster than the pure-Python one; the registry is read on every build.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that leaves dates as text, so an impossible date is our clear message, not a YAML crash."""


_PlainLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """PyYAML keeps the last of two equal keys without a word; a repeated field is a transcription slip."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading an entry", node.start_mark, f"field '{key}' is given twice", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_PlainLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


class _Written:
    """A number YAML read from a plain scalar that reads back as the text it was written as (`written`): YAML reads
    "+4420_7946_0000" as 442079460000, "1:40" as 100 (base 60) and "0144" as 100 (octal), so the number alone is not
    what a transcriber typed. Arithmetic sees the number; `str()` and an f-string see the text. A claim's
    `location: 1:40` (a time in a broadcast) was published as "100", `stated: 2:15` was judged as 135, a source's
    `licence: 0144` was written "100": every loader turns a text field into text with
    `str()`, so it is fixed once, here."""

    written: str

    def __str__(self) -> str:
        return self.written

    def __format__(self, spec: str) -> str:
        return self.written if not spec else super().__format__(spec)


class WrittenInt(_Written, int):
    """An int YAML read, with the text it was written as (see `_Written`)."""


class WrittenFloat(_Written, float):
    """A float YAML read, with the text it was written as (see `_Written`)."""


def _as_written(number_type: type, construct: Any) -> Any:
    def constructor(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        value = number_type(construct(loader, node))
        value.written = str(node.value)
        return value
    return constructor


_PlainLoader.add_constructor("tag:yaml.org,2002:int", _as_written(WrittenInt, yaml.SafeLoader.construct_yaml_int))
_PlainLoader.add_constructor("tag:yaml.org,2002:float",
                             _as_written(WrittenFloat, yaml.SafeLoader.construct_yaml_float))


def _bidi_outside_values(text: str) -> tuple[int, str] | None:
    """The line and message for a bidirectional control outside every value and key of a YAML text: in a comment,
    which no field's check reads. Every field refuses one; a comment kept it, and an editor or a diff shows the
    line reordered around it ("Trojan Source"). Only a text holding one is tokenised."""
    if BIDI_RE.search(text) is None:
        return None
    spans = [(token.start_mark.index, token.end_mark.index) for token in yaml.scan(text, Loader=_PlainLoader)
             if isinstance(token, yaml.ScalarToken)]
    for found in BIDI_RE.finditer(text):
        if not any(start <= found.start() < end for start, end in spans):
            return (text.count("\n", 0, found.start()) + 1,
                    f"contains a bidirectional control (U+{ord(found.group()):04X}) outside any value (in a comment?);"
                    " it changes what a reader sees of the line")
    return None


#: A YAML comment: "#" at a line's start or after white space, to the line's end (a "#" inside a value, as in an
#: address's "#section", has no space before it).
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[^\n]*", re.MULTILINE)


def _personal_data_outside_values(text: str) -> list[tuple[int, str]]:
    """The line and kind of each comment of a YAML text that seems to hold personal data. No field's check reads a
    comment, yet the raw files are the record as published: "# asked Jane Doe on 07700 900123" passed `validate`.
    Each comment is read by the one personal-data check (`personal_data_in`: NFKC, invisible characters removed),
    and so is each block of comments on consecutive lines (`_comment_blocks`); a text is tokenised only when one
    finds something, to keep a "#" inside a quoted value out."""
    comments = [(match.start(), match.group()[1:]) for match in _COMMENT.finditer(text)]
    blocks = ["\n".join(comment for _, comment in block) for block in _comment_blocks(text, comments)]
    if not blocks or not personal_data_in("\n\x00\n".join(blocks)):
        return []  # one scan of every comment; each alone only when that finds something
    spans = [(token.start_mark.index, token.end_mark.index) for token in yaml.scan(text, Loader=_PlainLoader)
             if isinstance(token, yaml.ScalarToken)]
    outside = [(at, comment) for at, comment in comments if not any(start <= at < end for start, end in spans)]
    found = []
    for block in _comment_blocks(text, outside):
        kinds = personal_data_in("\n".join(comment for _, comment in block))
        alone = [(at, kind) for at, comment in block for kind in personal_data_in(comment) if kind in kinds]
        found += alone + [(block[0][0], kind) for kind in kinds if kind not in {k for _, k in alone}]
    return [(text.count("\n", 0, at) + 1, kind) for at, kind in found]


def _comment_blocks(text: str, comments: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The comments in blocks: comments that fill consecutive lines (nothing but blanks before their "#") make one
    block, any other comment is a block of its own. A note is wrapped over comment lines by hand, and "# Asked Jane
    Doe, born" above "# 12/03/2009" passed, each line alone holding no date of birth; the block is read joined by
    line breaks, which the one check reads as the spaces they stand for. Comments after values on consecutive lines
    are notes on different entries, and stay apart."""
    blocks: list[list[tuple[int, str]]] = []
    last, line, counted = -2, 0, 0
    for at, comment in comments:
        line_start = text.rfind("\n", 0, at) + 1
        whole_line = not text[line_start:at].strip()
        line, counted = line + text.count("\n", counted, at), at  # counted on from the last comment: linear
        if whole_line and blocks and line == last + 1:
            blocks[-1].append((at, comment))
        else:
            blocks.append([(at, comment)])
        last = line if whole_line else -2
    return blocks


#: A space other than the ASCII one where YAML's structure needs a space: in a line's indentation, or after a list's
#: "-" or a key's ":". Outlook, Teams and web pages turn leading spaces into no-break spaces, so an entry pasted from
#: an e-mail looked right and was refused as "did not find expected '-' indicator", naming no cause.
_STRUCTURAL_SPACE = re.compile(r"^[ ]*(?:-[ ]*)?(?:[^\s:#'\"][^:\n]*:[ ]*)?(?P<space>[^\S\n\r\t ])", re.MULTILINE)


def _pasted_space(text: str, line: int | None) -> str:
    """The words to add to a YAML error when a space YAML does not read as one stands in the structure at or before
    the line it names (`_STRUCTURAL_SPACE`), or ""."""
    for found in _STRUCTURAL_SPACE.finditer(text):
        at = text.count("\n", 0, found.start()) + 1
        if line is not None and at > line:
            return ""
        space = found.group("space")
        return (f"; line {at} has {unicodedata.name(space, 'a space')} (U+{ord(space):04X}) where YAML needs a plain "
                "space, as text pasted from an e-mail or a web page brings: type plain spaces")
    return ""


def load_yaml_list(path: Path, paths: Paths, problems: Problems) -> list[Any]:
    """A YAML file whose top level is a list; problems (not exceptions) for anything else."""
    name = f"{paths.rel(path.parent)}/{path.name}"  # not resolved: a link is named as the link, not its target
    text = read_raw_text(path, name, paths.root, problems)
    if text is None:
        return []
    try:
        refused = yaml_construct_problem(text, _PlainLoader) or _bidi_outside_values(text)
        if refused is not None:
            problems.add(name, f"line {refused[0]}", refused[1])
            return []
        data = yaml.load(text, Loader=_PlainLoader)  # noqa: S506 (a SafeLoader)
        for line, kind in _personal_data_outside_values(text):
            problems.add(name, f"line {line}", f"a comment seems to contain {kind}; the project holds no personal data")
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        problems.add(name, where, f"is not valid YAML ({getattr(err, 'problem', None) or err})"
                     + _pasted_space(text, mark.line + 1 if mark is not None else None))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(name, None, "must be a YAML list of entries (each starting with '- ')")
        return []
    return data


def load_sources(paths: Paths, problems: Problems) -> dict[str, dict[str, Any]]:
    """sources.yaml → {id: entry}, with dates as ISO strings; every problem recorded with the entry's id."""
    name = paths.rel(paths.sources_yaml)
    sources: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(load_yaml_list(paths.sources_yaml, paths, problems), start=1):
        if not isinstance(entry, dict):
            problems.add(name, f"entry {index}", "each entry must be a mapping of field: value")
            continue
        sid = entry.get("id")
        where = where_of(sid, index) if sid else f"entry {index}"
        for message in _field_problems(entry):
            problems.add(name, where, message)
        # (the dates too, when YAML read one as text: "2016-11-2٤" or a date with a bidi control after it was refused
        # only as "not a real date", without the one message every other field gives)
        check_text_fields(entry, (*_TEXT_FIELDS, *_DATE_FIELDS), name, where, problems)
        check_personal_data(entry, _TEXT_FIELDS, name, where, problems)
        if not isinstance(sid, str) or id_problem(sid):
            problems.add(name, where, str(id_problem(sid)))
            continue
        if sid in sources:
            problems.add(name, where, f"duplicate source id '{sid}'")
            continue
        clean = dict(entry)
        for message in [*_dates(entry, clean), *_value_problems(entry)]:
            problems.add(name, where, message)
        _check_stored_file(entry, paths, problems, name, where)
        sources[sid] = clean
    for sid, src in sources.items():
        problem = original_problem(sid, src, sources) or copy_host_problem(sid, src, sources)
        if problem:
            problems.add(name, f"id={sid}", problem)
    return sources


def copy_host_problem(sid: str, src: dict[str, Any], sources: dict[str, dict[str, Any]]) -> str | None:
    """Why a source marked as the publisher's own document (`primary: true`) is read on a site the record reads
    another body's report or copy on, or None. HMICFRS's 2024 release typed with the address of BBC News's story
    on it (bbc.com, where the record reads BBC News's reports) and `primary: true` passed: the workbook's Sources
    sheet and Datasette called the BBC's page HMICFRS's own document, and the charts credited HMICFRS alone, linking
    the BBC's page as the publisher's own. A publisher's own site carries no other body's report in this record;
    `MIRROR_HOSTS` lists the hosts known before any source is read."""
    if src.get("primary") is not True or not isinstance(src.get("url_main"), str):
        return None
    site, producer = host(src["url_main"]), str(src.get("producer") or "")
    for other_id, other in sources.items():
        if other_id == sid or other.get("primary") is not False or not isinstance(other.get("url_main"), str):
            continue
        if host(other["url_main"]) == site and not one_body_named(producer, str(other.get("producer") or "")):
            return (f"is marked primary (the publisher's own document), but url_main is on {site}, where the record "
                    f"reads a report or copy by {str(other.get('producer'))[:80]!r} ({other_id}): a page there is a "
                    "copy (primary: false, with the outlet it is), or url_main is the publisher's own address")
    return None


def original_problem(sid: str, src: dict[str, Any], sources: dict[str, dict[str, Any]]) -> str | None:
    """Why a source's `original` (the publisher's own copy of the document this one reprints or mirrors, another
    source in the file) cannot be it, or None. A credit links the original rather than the copy: the inspection
    chart's credit linked a recruitment site's copy of a news agency's story while HMICFRS's own release of the
    same figures was in the record."""
    original = src.get("original")
    if original in (None, ""):
        return None
    if original == sid or original not in sources:
        return f"original {original!r}: not another source id in this file"
    if sources[original].get("primary") is not True:
        return f"original {original!r} is not the publisher's own document (primary: true)"
    if src.get("primary") is not False:
        return "original is given for a copy (primary: false); this source is the publisher's own document"
    return _not_its_original(src, sources[original], original)


def _not_its_original(copy: dict[str, Any], own: dict[str, Any], original: str) -> str | None:
    """Why `own` cannot be the document `copy` reproduces, or None: a copy names the body whose document it is (in
    its producer, "HM Inspectorate of … (reprinted on WiredGov)", or an attribution), and comes out no earlier than
    that document (a day's grace for an embargo; by the month where either date was not printed). The Parliament
    Today reprint of HMICFRS's 2018 release with the Met's 2016 response as its original passed, and the inspection
    chart's credit, "HMIC and HMICFRS", linked the Met's press page."""
    body = own.get("producer")
    producer = copy.get("producer")
    named = [producer, *(re.split(r"[(,]", producer, maxsplit=1)[:1] if isinstance(producer, str) else []),
             *(a.get("to") for a in copy.get("attributions") or () if isinstance(a, dict))]
    if isinstance(body, str) and not any(one_body_named(body, n) for n in named if isinstance(n, str)):
        return (f"original {original!r} is a document of {body!r}, which this copy does not name as its publisher "
                "(its producer names the body whose document it reproduces)")
    copied, published = as_date(copy.get("date_published")), as_date(own.get("date_published"))
    if copied is None or published is None:
        return None
    roughly = bool(copy.get("date_approximate") or own.get("date_approximate"))
    if (copied.replace(day=1) < published.replace(day=1)) if roughly else (copied < published - dt.timedelta(days=1)):
        return (f"original {original!r} was published {published.isoformat()}, after this copy of it "
                f"({copied.isoformat()}): a copy cannot come out before its document")
    return None


def one_body_named(a: str, b: str) -> bool:
    """Whether one name holds the other (`name_key`): "HM Inspectorate of … Services" is the body "HM Inspectorate of
    … Services (reprinted on WiredGov)" names, whatever is said after either name. A copy's original and an
    edition's predecessor are documents of the body the source names."""
    key_a, key_b = name_key(a), name_key(b)
    return bool(key_a and key_b) and (key_a in key_b or key_b in key_a)


def _field_problems(entry: dict[str, Any]) -> list[str]:
    """Required fields present, text fields written as text, no field the schema does not know."""
    found = [f"missing required field '{key}'" for key in REQUIRED
             if entry.get(key) is None or (isinstance(entry[key], str) and not entry[key].strip())]
    found += [problem for key in _TEXT_FIELDS if (problem := not_text_problem(key, entry.get(key)))]
    return found + [f"unknown field '{key}' (allowed: {', '.join(REQUIRED + OPTIONAL)})" for key in entry
                    if key not in REQUIRED and key not in OPTIONAL]


def _dates(entry: dict[str, Any], clean: dict[str, Any]) -> list[str]:
    """The entry's dates as ISO strings in `clean`; a problem for each that is not a real date or out of order."""
    found = []
    for key in _DATE_FIELDS:
        if entry.get(key) not in (None, ""):
            parsed = as_date(entry[key])
            if parsed is None:
                found.append(f"{key} {entry[key]!r} is not a real date (YYYY-MM-DD)")
            else:
                clean[key] = parsed.isoformat()
    return found + list(date_problems(entry.get("date_published"), entry.get("date_accessed")))


def producer_domain(producer: Any) -> str | None:
    """The web domain a producer's name gives as who published the document ("breakingnewstime.com (copy of a
    newspaper report)"), or None. The name is read up to its first bracket or comma: where the copy was read may
    follow ("House of Commons (Hansard), copy on parliament.jmoore.io"), but the factcheck's source lines, the
    workbook's Publisher column and the charts' document lists print the name first, as who published it."""
    if not isinstance(producer, str):
        return None
    return domain_in(re.split(r"[(,]", producer, maxsplit=1)[0])


def _value_problems(entry: dict[str, Any]) -> list[str]:
    """Fields whose values come from a fixed list or must be true/false, and the main URL."""
    found = []
    if entry.get("kind") not in (None, "") and entry["kind"] not in KINDS:
        found.append(f"kind {entry['kind']!r} is not one of: {', '.join(KINDS)}")
    if entry.get("primary") not in (None, "") and not isinstance(entry["primary"], bool):
        found.append(f"primary must be true or false, not {entry['primary']!r}")
    if entry.get("outlet") not in (None, "") and entry["outlet"] not in OUTLETS:
        found.append(f"outlet {entry['outlet']!r} is not one of: {', '.join(OUTLETS)}")
    if entry.get("primary") is True and entry.get("outlet") not in (None, "", "producer"):
        found.append("a primary source (the publisher's own document) has outlet: producer")
    url_main = entry.get("url_main")
    if entry.get("primary") is True and isinstance(url_main, str) and is_mirror(url_main):
        # WiredGov's reprint of HMICFRS's 2024 release marked primary passed: the workbook's Sources sheet and
        # Datasette said the reprint's page was HMICFRS's own document ("Publisher's own document: Yes")
        found.append("url_main is on a site that carries copies of others' documents (record/domains.MIRROR_HOSTS), "
                     "so this is a copy (primary: false, outlet: reprint or mirror), not the publisher's own")
    if entry.get("primary") is False and entry.get("outlet") == "producer":
        found.append("outlet: producer is the publisher's own document (its site or release service), so primary: "
                     "true; a copy on another site is a reprint")
    named = producer_domain(entry.get("producer"))
    if named is not None:
        found.append(f"producer names a web domain ('{named}'): name who published the document, and the site the "
                     f"copy was read on after it ('Newspaper report (copy on {named}; outlet not named)')")
    if "date_approximate" in entry and not isinstance(entry["date_approximate"], bool):
        found.append(f"date_approximate must be true or false, not {entry['date_approximate']!r}")
    url = entry.get("url_main")
    if url not in (None, "") and (not isinstance(url, str) or url_problem(url)):
        reason = url_problem(url) if isinstance(url, str) else "is not an http(s) URL"
        found.append(f"url_main {str(url)[:120]!r} {reason}")
    return found


def _check_stored_file(entry: dict[str, Any], paths: Paths, problems: Problems, name: str, where: str) -> None:
    """A publisher's file kept in the repository must be exactly the one whose sha256 was recorded."""
    rel = entry.get("file")
    if rel in (None, ""):
        if entry.get("sha256"):
            problems.add(name, where, "sha256 given without a file")
        return
    path = paths.raw / str(rel)
    bad = stored_file_problem(rel, paths)
    if bad:
        problems.add(name, where, bad)
        return
    recorded = entry.get("sha256")
    recorded = "" if recorded is None else str(recorded)
    if not recorded:
        problems.add(name, where, f"stored file data/raw/{rel} has no sha256; record: {sha256_of(path)}")
        return
    actual = sha256_of(path)
    if actual != recorded:
        problems.add(
            name, where,
            f"sha256 mismatch for data/raw/{rel}: recorded {recorded}, file has {actual}. If the publisher "
            "revised the file, re-check every figure taken from it, then record the new sha256 and date_accessed",
        )
