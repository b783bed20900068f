"""`python -m analysis check`: the fact-check report, from the tables the build wrote.

Reads data/processed/claims.csv (each claim already judged by `analysis.factcheck.evaluate`), figures.csv and
sources.csv, and writes into outputs/:

- factcheck.html — for readers: each claim in its own words, who said it and when, the verdict in one plain
  sentence, and the working folded beneath; factcheck.md — the same for editors, with the record's ids;
- methods.html — how a claim is judged, in plain words, with two worked examples; factcheck-rules.html — the full
  rules (docs/factcheck.md);
- claimreview.jsonld — the accurate and inaccurate verdicts as schema.org ClaimReview records, with absolute urls.

Output is deterministic (claims sorted by verdict then id, no generation time: the only dates are those in the
data), so a re-run on unchanged data changes nothing and a diff shows exactly which verdict moved.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from analysis.factcheck.wording import (
    ACCURATE,
    CANNOT_CHECK,
    CHECK_SCOPE,
    INACCURATE,
    MEANING,
    NOT_FOUND,
    NOT_FOUND_WHERE,
    NOT_IN_RECORD,
    OWN_FIGURES_GIVE,
    PUBLISHED_FIGURES_GIVE,
    WITHIN_ROUNDING,
    rounding_reason,
    rounding_split,
)
from analysis.paths import (
    CLAIMREVIEW_NAME,
    DEFAULT_SITE_URL,
    METHODS_PAGE,
    PROJECT_NAME,
    REPORT_HTML,
    REPORT_MD,
    RULES_DOC,
    RULES_PAGE,
    SITE_URL_ENV,
    Paths,
    add_root_argument,
)
from analysis.record.claims import CORRECTION_MARK
from analysis.record.hygiene import SiteUrlError, checked_site_url, reader_url
from analysis.record.printed import parse_printed
from analysis.record.vocabulary import TOLERANCE, date_in_words, split_list
from analysis.tables.load import is_true

#: "and their context": the claims include the population and children-in-need figures CSE counts are read beside.
TITLE = "Fact-check: derived claims about published child sexual exploitation figures and their context"
NEEDED_CLAIM_COLUMNS = (
    "claim_id", "claimant", "source_id", "location", "text", "stated", "kind", "inputs", "computed", "verdict",
    "working", "gaps", "note",
)
NEEDED_FIGURE_COLUMNS = ("figure_id", "source_id", "value_as_printed", "location")
NEEDED_SOURCE_COLUMNS = ("id", "producer", "title", "url_main", "date_published", "date_accessed", "primary")
#: The order verdicts are listed in, on every page and in the summary line: what a reader most needs to know first.
VERDICT_ORDER = (INACCURATE, WITHIN_ROUNDING, NOT_IN_RECORD, NOT_FOUND, CANNOT_CHECK, ACCURATE)


class ReportError(RuntimeError):
    """The processed tables are missing or malformed: run the build first."""


def add_arguments(parser: argparse.ArgumentParser, name: str = "check") -> None:
    add_root_argument(parser)
    parser.add_argument("--site-url", default="",
                        help="address where outputs/ is published, for the ClaimReview urls (default: "
                             f"${SITE_URL_ENV}, else {DEFAULT_SITE_URL})")


# --- reading ---------------------------------------------------------------------------------------------------


def _read_csv(path: Path, needed: tuple[str, ...], paths: Paths) -> list[dict[str, str]]:
    """Every row as strings (empty cells stay empty). The csv module, not pandas: the report needs no types, and
    not importing pandas makes `check` start in a fraction of the time."""
    if not path.is_file():
        raise ReportError(f"{paths.rel(path)} is missing: run `python -m analysis build` first")
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        columns = reader.fieldnames or []
        rows = list(reader)
    missing = [c for c in needed if c not in columns]
    if missing:
        raise ReportError(f"{paths.rel(path)} lacks column(s): {', '.join(missing)}")
    return rows


@dataclass
class Tables:
    """The three processed tables as plain records, keyed for look-up."""

    claims: list[dict[str, str]]
    figures: dict[str, dict[str, str]]
    sources: dict[str, dict[str, str]]
    gaps: dict[str, dict[str, str]] = field(default_factory=dict)


def read_tables(paths: Paths) -> Tables:
    """claims.csv, figures.csv and sources.csv from data/processed (ReportError if one is missing or malformed);
    gaps.csv too when the build wrote it, so an unchecked claim can say what is missing and who holds it."""
    claims = _read_csv(paths.processed / "claims.csv", NEEDED_CLAIM_COLUMNS, paths)
    figures = _read_csv(paths.processed / "figures.csv", NEEDED_FIGURE_COLUMNS, paths)
    sources = _read_csv(paths.processed / "sources.csv", NEEDED_SOURCE_COLUMNS, paths)
    gaps_path = paths.processed / "gaps.csv"
    gaps = _read_csv(gaps_path, ("id",), paths) if gaps_path.is_file() else []
    return Tables(
        claims=sorted(claims, key=lambda r: r["claim_id"]),
        figures={r["figure_id"]: r for r in figures},
        sources={r["id"]: r for r in sources},
        gaps={r["id"]: r for r in gaps},
    )


# --- one claim, ready to print ---------------------------------------------------------------------------------


@dataclass
class Entry:
    """A claim with its sources and input figures resolved, in the order a reader needs them."""

    claim: dict[str, str]
    source: dict[str, str]
    inputs: list[dict[str, str]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    gaps: list[dict[str, str]] = field(default_factory=list)
    #: {figure id: `figure_label`} for every figure the claim's note names, so a reader sees the figure
    #: where the record names it by id.
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.claim["claim_id"]

    @property
    def date_is_approximate(self) -> bool:
        """Whether the claim's date was inferred, not printed (`date_approximate`: often a first-of-month stand-in)."""
        return is_true(self.source.get("date_approximate", ""))

    @property
    def review_date(self) -> str:
        """The day the claim could last be checked: the latest date its sources were read (a date from the data)."""
        dates = [s.get("date_accessed", "") for s in self.sources if s.get("date_accessed")]
        return max(dates) if dates else ""


def _split(value: str) -> list[str]:
    return split_list(value)


def build_entries(tables: Tables) -> list[Entry]:
    """Each claim with its own source first, then the source of every figure it rests on (each once)."""
    entries = []
    for claim in tables.claims:
        figure_ids = _split(claim.get("stated_figure", "")) + _split(claim["inputs"])
        inputs = [tables.figures.get(fid, {"figure_id": fid}) for fid in _split(claim["inputs"])]
        source_ids = [claim["source_id"]] + [tables.figures.get(fid, {}).get("source_id", "") for fid in figure_ids]
        seen: list[str] = []
        for sid in source_ids:
            if sid and sid not in seen:
                seen.append(sid)
        sources = [tables.sources.get(sid, {"id": sid}) for sid in seen]
        own = tables.sources.get(claim["source_id"], {"id": claim["source_id"]})
        gaps = [tables.gaps.get(gid, {"id": gid}) for gid in _split(claim.get("gaps", ""))]
        named = {m.group().strip("()") for m in _FIGURE_ID.finditer(claim.get("note", ""))}
        labels = {fid: figure_label(tables.figures[fid]) for fid in sorted(named) if fid in tables.figures}
        entries.append(Entry(claim, own, inputs, sources, gaps, labels))
    return entries


def summary(entries: list[Entry]) -> str:
    """"42 claims: 1 inaccurate, 2 accurate within rounding, …" — the line editors read first (one claim per
    sentence, and one per statement however many outlets repeat it; the same figures stated at another precision are
    another claim, since either statement could be wrong on its own)."""
    counts = {v: sum(1 for e in entries if e.claim["verdict"] == v) for v in VERDICT_ORDER}
    others = len(entries) - sum(counts.values())
    parts = [f"{n} {v}" for v, n in counts.items() if n] + ([f"{others} other"] if others else [])
    noun = "claim" if len(entries) == 1 else "claims"
    return f"{len(entries)} {noun}" + (f": {', '.join(parts)}" if parts else "")


def _is_primary(source: dict[str, str]) -> str:
    value = str(source.get("primary", "")).strip().lower()
    return {"true": "primary", "false": "secondary"}.get(value, "")


def _source_line(source: dict[str, str]) -> tuple[str, str, str]:
    """(title, url, detail) of a source, for either output format."""
    title = source.get("title") or source.get("id", "")
    # Dates as every other place gives them (`reader_date`): an inferred one never as a day the publisher printed
    # ("MyLondon, published 2025-10-01" sat under a claim dated "October 2025 (approximate)").
    published = source.get("date_published", "")
    bits = [source.get("producer", ""),
            f"published {reader_date(published, is_true(source.get('date_approximate')))}" if published else "",
            f"read {reader_date(source['date_accessed'], False)}" if source.get("date_accessed") else "",
            _is_primary(source)]
    return title, reader_url(source.get("url_main", "")), ", ".join(b for b in bits if b)


def _gap_line(gap: dict[str, str]) -> str:
    """"gap-id: what is wanted (held by …)" — as much of the gap record as the build wrote."""
    text = gap.get("id", "")
    if gap.get("wanted"):
        text += f": {gap['wanted']}"
    if gap.get("holder"):
        text += f" (held by {gap['holder']})"
    return text


def working_steps(working: str) -> list[str]:
    """The working's steps: the engine separates them with ' · ', which reads better as a list than as one line."""
    return [step.strip() for step in (working or "").split(" · ") if step.strip()]


# --- Markdown and HTML (Jinja2 templates in analysis/factcheck/templates/) ---------------------------------------



_ID = r"[a-z0-9]+(?:-[a-z0-9]+)+"
_FIGURE_ID = re.compile(rf"\({_ID}/{_ID}\)|\b{_ID}/{_ID}\b")
_GAP_REF = re.compile(rf"gap {_ID} \(([^()]*(?:\([^()]*\)[^()]*)*)\)")
#: An input's role as the rule book names it (`rules.ROLES`), as a reader of the working needs it.
ROLE_WORDS = {"from": "the earlier figure", "to": "the later figure", "part": "the part", "whole": "the whole",
              "numerator": "the numerator", "denominator": "the base", "parts": "the parts", "total": "the total",
              "a": "the first figure", "b": "the second figure", "count": "the count",
              "population": "the population", "per": "the base of the rate", "figure": "the figure"}
_MISSING_STEP = re.compile(r"^(not yet in this record|cannot be checked: not found): ((?:\w+)(?: and \w+)*) "
                           rf"(was|were) (published but not yet transcribed|{NOT_FOUND_WHERE})")
#: A sentence left with nothing after its label once an id is taken out ("Value printed: .").
_EMPTY_LABEL = re.compile(r"(?:^|(?<=[.;] ))[A-Z][\w ]{0,30}:\s*(?:[.;]\s*|$)")


def _missing_step(m: re.Match[str]) -> str:
    roles = [ROLE_WORDS.get(r, r) for r in m.group(2).split(" and ")]
    return f"{m.group(1)}: {' and '.join(roles)} {m.group(3)} {m.group(4)}"


def _said(figure: Mapping[str, Any], key: str) -> str:
    """A figure's field as text: "" for a missing cell, or NaN from pandas."""
    value = figure.get(key)
    return "" if value is None or value != value else str(value).strip()


def who_printed(figure: Mapping[str, Any]) -> str:
    """Who printed a figure and, for a report, whom it cites for it ("GB News, citing Metropolitan Police
    Service"): where a checker goes for the first-hand figure."""
    cites = _said(figure, "attributed_to")
    return _said(figure, "publisher") + (f", citing {cites}" if cites else "")


def figure_label(figure: Mapping[str, Any]) -> str:
    """A figure as a reader can find it: its value as printed, who printed it (and whom a report cites for it) and
    where ("“42 per cent”, Metropolitan Police Service, Para 5"; "“9,000”, GB News, citing Metropolitan Police
    Service, Para 2")."""
    bits = [f"“{_said(figure, 'value_as_printed')}”", who_printed(figure), _said(figure, "location")]
    return ", ".join(b for b in bits if b.strip("“”"))


def for_readers(text: str, labels: dict[str, str] | None = None) -> str:
    """Working and notes as a reader sees them: gap ids taken out (their words kept), each figure id replaced by
    its label (`labels`, from `figure_label`) or taken out when none is known, a role named in plain words, and a
    sentence left with a label and nothing after it ("Value printed: .") taken out."""
    text = _GAP_REF.sub(r"\1", text)
    text = re.sub(rf"\s*\(gap {_ID}\)", "", text)  # a bare pointer to a gap ("from a news copy (gap x-y)")
    text = _MISSING_STEP.sub(_missing_step, text)
    text = _FIGURE_ID.sub(lambda m: (labels or {}).get(m.group().strip("()"), ""), text)
    text = re.sub(r" \.(?!\.)", ".", re.sub(r"\s{2,}", " ", text)).replace(" ,", ",").replace("( ", "(")
    return _EMPTY_LABEL.sub("", text).strip()


def reader_date(iso: str, approximate: bool, notes: tuple[str, ...] = ()) -> str:
    """'9 February 2024'; a date that was not printed is given by its month and says so ('October 2025
    (approximate)'), by `vocabulary.date_in_words`. Other `notes` on the document share the one bracket
    ('November 2025 (approximate; report)', not two brackets in a row)."""
    if len(iso) != 10:
        return iso
    shown = date_in_words(date.fromisoformat(iso), bool(approximate))
    said = ("approximate",) * bool(approximate) + notes
    return f"{shown} ({'; '.join(said)})" if said else shown


def plain_verdict(c: dict[str, str], gaps: list[dict[str, str]], inputs: Sequence[Mapping[str, Any]] = ()) -> str:
    """The verdict in one plain sentence: what the published figures give, or what is missing and where it is.

    When every figure the check used was printed in the claim's own document (Tortoise's "121" of "244"), the
    sentence says so: the check is of the claim against its own numbers, not of those numbers against anyone
    else's, and "the published figures" would read as if another body's figures had contradicted it. The value is
    given as `_result_as_worked` says it."""
    verdict = c["verdict"]
    if verdict == NOT_IN_RECORD:
        where = "; ".join(g["published_in"] for g in gaps if g.get("published_in"))
        return f"The figure it needs is published ({where}), but is not yet in this record, so it is not checked here."
    if verdict in (NOT_FOUND, CANNOT_CHECK):
        wanted = "; ".join(g["wanted"] for g in gaps if g.get("wanted"))
        if not wanted:
            return MEANING[verdict]
        return f"A figure it needs was {NOT_FOUND_WHERE}: {wanted}."
    computed = _result_as_worked(c, inputs)
    own = bool(inputs) and all(f.get("source_id") == c.get("source_id") for f in inputs)
    gives = (f"{OWN_FIGURES_GIVE} {computed}; it says “{c['stated']}”." if own else
             f"{PUBLISHED_FIGURES_GIVE} {computed}; the claim says “{c['stated']}”.")
    if verdict != WITHIN_ROUNDING:
        return gives
    return f"{gives} {rounding_reason(c['working'])[1]}"


_UNIT_AFTER = {"percent_change": "%", "share": "%", "point_change": " percentage points", "ratio": " times"}
_ONE_IN = re.compile(r"\(the figures give (1 in [\d.,]+)\)")


def _result_as_worked(c: dict[str, str], inputs: Sequence[Mapping[str, Any]] = ()) -> str:
    """The computed value as the working's last computing step states it, so the plain sentence and the working
    cannot disagree: "a fall of 8.26%", not "8.26%" beside a claim of a fall; "3.33% (1 in 30)" for a rate per 10,000
    judged against "around 1 in every 30", where the bare 3.33 named no unit. A claim that restates one published
    figure as it stands (`kind` count, one input whose value is the recomputed value) gives that figure in its
    printed words: "£15.6 million", not a bare "15,600,000" that drops the currency and reads as exact to the
    pound."""
    if c["kind"] == "count" and len(inputs) == 1 and inputs[0].get("value_as_printed"):
        try:
            same = float(str(inputs[0].get("value"))) == float(c["computed"].replace(",", ""))
        except ValueError:
            same = False
        if same:
            return str(inputs[0]["value_as_printed"])
    steps = working_steps(c.get("working", ""))
    printed = next((i for i, step in enumerate(steps) if step.startswith("printed ")), None)
    if not printed or " = " not in steps[printed - 1]:
        return f"{c['computed']}{_UNIT_AFTER.get(c['kind'], '')}"
    result = steps[printed - 1].rsplit(" = ", 1)[1]
    value, _, change = result.partition(" ")
    result = f"a {change} of {value}" if change in ("fall", "rise") else result
    one_in = _ONE_IN.search(steps[printed])
    return f"{result} ({one_in.group(1)})" if one_in else result


def _view(e: Entry) -> dict[str, Any]:
    """What the templates print about one claim: plain strings, escaped by the templates, never here."""
    c = e.claim
    title, url, detail = _source_line(e.source)
    return {
        "id": e.id, "text": c["text"], "claimant": c["claimant"], "stated": c["stated"], "computed": c["computed"],
        "verdict": c["verdict"], "plain": plain_verdict(c, e.gaps, e.inputs), "working": c["working"],
        "reader_steps": [for_readers(step) for step in working_steps(c["working"])],
        "note": c.get("note", ""), "reader_note": for_readers(c.get("note", ""), e.labels),
        "date": reader_date(e.source.get("date_published", ""), e.date_is_approximate),
        "where": {"title": title, "url": url, "detail": detail, "location": c["location"]},
        "inputs": [{"id": f["figure_id"], "printed": f.get("value_as_printed", "(not found)"),
                    "location": f.get("location", ""), "label": f.get("subject", ""),
                    "publisher": who_printed(f)} for f in e.inputs],
        "gaps": [_gap_line(g) for g in e.gaps],
        "sources": [dict(zip(("title", "url", "detail"), _source_line(s), strict=True)) for s in e.sources],
        "corrections": corrections(c),
    }


def corrections(claim: Mapping[str, str]) -> list[dict[str, str]]:
    """A claim's corrections (claims.csv's `corrections`), newest first: the day in words, the ISO day to sort and
    link by, and what changed."""
    out = []
    for line in split_list(claim.get("corrections", "")):
        day, _, what = line.partition(CORRECTION_MARK)
        out.append({"iso": day, "date": reader_date(day, False), "what": what})
    return sorted(out, key=lambda c: c["iso"], reverse=True)


def _context(entries: list[Entry]) -> dict[str, Any]:
    """Claims grouped by verdict in VERDICT_ORDER; the cards follow the summary's order exactly."""
    views = [_view(e) for e in entries]
    order = list(VERDICT_ORDER) + sorted({v["verdict"] for v in views} - set(VERDICT_ORDER))
    groups = [{"name": name, "meaning": MEANING.get(name, ""), "entries": [v for v in views if v["verdict"] == name],
               "split": rounding_split([e.claim["working"] for e in entries if e.claim["verdict"] == name])
               if name == WITHIN_ROUNDING else ""}
              for name in order]
    groups = [g for g in groups if g["entries"]]
    listed = [v for g in groups for v in g["entries"]]
    made = [{**k, "id": v["id"], "text": v["text"]} for v in listed for k in v["corrections"]]
    return {"title": TITLE, "summary": summary(entries), "groups": groups, "entries": listed,
            "corrections": sorted(made, key=lambda k: k["iso"], reverse=True)}


def render_markdown(entries: list[Entry], rules_page: bool = True) -> str:
    """factcheck.md: per verdict a summary table of the claims' own words, then one section per claim.

    It is read where it is written and published, outputs/ (which the repository does not hold), so its link to the
    rules is to the page beside it: the rules page when there is one (`rules_page`), else the readers' methods page.
    "../docs/factcheck.md" worked only in a checkout: from the published copy the gallery offers, it led out of the
    published folder, to a page that is not there or is someone else's."""
    from analysis.factcheck import render

    env = render.markdown_environment()
    link = render.Markup(f"[{RULES_DOC}]({RULES_PAGE})" if rules_page else f"[How we check a claim]({METHODS_PAGE})")
    return render.render(env, "factcheck.md.j2", rules_link=link, **_context(entries)).rstrip() + "\n"


def render_html(entries: list[Entry], drawn_from: str = "", site: str = "", code: str = "") -> str:
    """factcheck.html: one self-contained page for readers (inline style, no scripts, nothing fetched), readable
    on a phone: each claim in its own words, who said it and when, the verdict in a sentence, the working folded.
    `drawn_from` (`analysis.tables.load.build_mark`), in a `<meta>`, names the build the page was written from, so
    the gallery can refuse to link a report older than the tables; `site`, in another, the site address the
    ClaimReview written with it starts its urls from (`analysis.tables.load.for_another_site`); `code`, in a third,
    the code and rules document the files were written by (`analysis.tables.load.code_mark`)."""
    from analysis.factcheck import render
    from analysis.tables.load import CODE_MARK, OUTPUT_MARK, SITE_MARK

    return render.render(render.html_environment(), "factcheck.html.j2", methods_href=METHODS_PAGE,
                         drawn_from=drawn_from, drawn_from_name=OUTPUT_MARK, site=site, site_name=SITE_MARK,
                         code=code, code_name=CODE_MARK, **_context(entries))


def render_methods(rules_page: bool = True) -> str:
    """methods.html: how claims are judged, for readers; its two worked examples are computed by the rules. It
    links to the rules page only when there is one (`rules_page`: docs/factcheck.md is there to make it from)."""
    from analysis.factcheck import render, rules
    from analysis.record.schema import COUNTED_ONCE

    examples = [rules.percent_change(1737, 2060, parse_printed("18.5 per cent")),
                rules.share(121, 244, parse_printed("more than half"))]
    return render.render(render.html_environment(), "methods.html.j2", title="How we check a claim",
                         verdicts=[(v, MEANING[v]) for v in VERDICT_ORDER], examples=examples,
                         tolerance=f"{(TOLERANCE * 100).normalize():f}", rules_page=rules_page,
                         counted=COUNTED_ONCE, scope=CHECK_SCOPE)


def render_rules(markdown_text: str) -> str:
    """factcheck-rules.html: docs/factcheck.md as a page the report links to."""
    from analysis.factcheck import render

    body = render.Markup(render.rules_html(markdown_text))
    return render.render(render.html_environment(), "rules.html.j2", title="How a claim is judged", body=body)


def new_file_mode() -> int:
    """The mode `open()` gives a new file under this process's umask (mkstemp's is always 600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def scratch_beside(out: Path) -> Path:
    """A new, empty file of its own beside `out` (`.<name>.<random>.tmp`, readable like any output) to write `out`
    into and then rename over it. The one way an export gets its scratch file: a fixed name let two runs of the
    workbook write into the same file, and one moved it away under the other ("No such file", or a mix of two)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.fchmod(fd, new_file_mode())
    os.close(fd)
    return Path(name)


def real_folder(folder: Path, top: Path) -> Path:
    """`folder` as a real folder, and each folder between `top` and it: a symbolic link on the way is removed (the
    link alone, never what it points to) and a folder made in its place, as a link in place of an output file is
    replaced by the file. The one rule for every folder a step writes into under outputs/: a chart's folder had it,
    but `outputs/charts` or `outputs/notebooks` linked to a folder elsewhere had every chart and notebook copy
    written outside the checkout, run after run, while `make` said where it had written them in outputs/."""
    top.mkdir(parents=True, exist_ok=True)
    here = top
    for part in folder.relative_to(top).parts:
        here = here / part
        if here.is_symlink():
            here.unlink()
        here.mkdir(exist_ok=True)
    return folder


def replace_file(out: Path, data: str | bytes) -> None:
    """Write `out` whole into a scratch file beside it, then rename that over it: never open an output in place.
    An output written in place is the same inode as every hard link to it, so a previous edition kept with
    `cp -al outputs/ edition-N/` (or `rsync --link-dest`) had its charts and notebooks rewritten by the next
    `make` while its workbook and report (renamed into place) stayed: the archive became a mix of two editions.
    A rename gives the new output an inode of its own; a kill mid-write leaves the old file whole."""
    tmp = scratch_beside(out)
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8", newline="\n")
        else:
            tmp.write_bytes(data)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


# --- writing ---------------------------------------------------------------------------------------------------


def write_together(files: dict[Path, str]) -> None:
    """Write every file to a temporary name first, then rename them all into place, in the order given: a full disk
    or a kill while writing leaves the previous report whole (all its files from one run). Only a kill between the
    renames can leave a mix, so the file that vouches for the others comes last (`write_report`)."""
    temps: dict[Path, Path] = {}
    try:
        for path, text in files.items():
            temps[path] = scratch_beside(path)  # readable like every other output (a web server serves outputs/)
            temps[path].write_text(text, encoding="utf-8", newline="\n")
        for path, tmp in temps.items():
            os.replace(tmp, path)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


def write_report(paths: Paths, site_url: str = "") -> tuple[list[Path], str]:
    """Read the processed tables and write the outputs; → (paths written, summary line)."""
    from analysis.factcheck.claimreview import render_jsonld
    from analysis.tables.load import REPORT_CODE, build_mark, code_mark

    mark = build_mark(paths)  # before any table is read (`analysis.tables.load.as_read`)
    code = code_mark(REPORT_CODE, paths.root / RULES_DOC, loaded=True)  # before the rules page is made from it
    entries = build_entries(read_tables(paths))
    site_url = checked_site_url(site_url)
    rules = paths.root / RULES_DOC
    outputs = {
        paths.outputs / REPORT_MD: render_markdown(entries, rules_page=rules.is_file()),
        paths.outputs / CLAIMREVIEW_NAME: render_jsonld(entries, site_url, PROJECT_NAME),
    }
    outputs[paths.outputs / METHODS_PAGE] = render_methods(rules_page=rules.is_file())
    if rules.is_file():
        outputs[paths.outputs / RULES_PAGE] = render_rules(rules.read_text(encoding="utf-8"))
    # factcheck.html carries the build mark that vouches for the Markdown and ClaimReview written with it
    # (`analysis.tables.load.outputs_behind`), so it is put in place last, as a chart's JSON is: a run stopped
    # between the renames leaves the old mark, and the gallery then refuses rather than link a mix of two runs.
    outputs[paths.outputs / REPORT_HTML] = render_html(entries, mark, site_url, code)
    write_together(outputs)
    if not rules.is_file():
        remove_rules_page(paths)
    return list(outputs), summary(entries)


def remove_rules_page(paths: Paths) -> None:
    """Remove the rules page of an earlier run once docs/factcheck.md is gone (deleted or renamed): the page is
    this step's own output, made from that file only, and it stayed published (linked from the gallery and the
    methods page) with rules nobody keeps, while a clean build has none."""
    page = paths.outputs / RULES_PAGE
    if page.is_file() or page.is_symlink():
        page.unlink()
        print(f"check: removed {paths.rel(page)}: {RULES_DOC} is not there to make it from")


def run(args: argparse.Namespace) -> int:
    """Write the report; exit 2 (with the reason) when the processed tables are not there."""
    paths = Paths(Path(args.root).resolve())
    try:
        written, line = write_report(paths, getattr(args, "site_url", "") or "")
    except (ReportError, SiteUrlError) as err:
        print(f"python -m analysis check: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a full disk: the previous report files are left as they were
        print(f"python -m analysis check: could not write the report ({err.strerror or err}); the previous "
              "report is unchanged", file=sys.stderr)
        return 1
    print(f"{line}; wrote {', '.join(paths.rel(p) for p in written)}")
    return 0
