"""`python -m analysis check`: the fact-check report, from small processed tables written here by hand."""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.factcheck import report
from analysis.paths import PROJECT_ROOT, Paths
from analysis.record.claims import CLAIMS_COLUMNS

FIGURE_COLUMNS = (
    "figure_id", "source_id", "measure", "subject", "geography", "period_start", "period_end", "value_as_printed",
    "value", "qualifier", "unit", "location", "quote", "caveat", "source_title", "publisher", "published", "url",
    "primary", "denominator", "printed_decimals",
)
SOURCE_COLUMNS = ("id", "producer", "title", "url_main", "date_published", "date_accessed", "kind", "primary",
                  "citation", "licence", "notes")

SOURCES = [
    {"id": "met-2017", "producer": "Metropolitan Police Service", "title": "CSE referrals rise",
     "kind": "press release", "url_main": "https://news.met.police.uk/cse-2017", "date_published": "2017-03-13",
     "date_accessed": "2026-11-20", "primary": "True", "citation": "Met, 2017"},
    {"id": "paper-2017", "producer": "A Newspaper", "title": "Referrals up <sharply> & more", "kind": "news report",
     "url_main": "https://example.org/news/1", "date_published": "2017-03-14", "date_accessed": "2026-11-26",
     "primary": "False", "citation": "A Newspaper, 2017"},
]
FIGURES = [
    {"figure_id": "met-2017/y2015", "source_id": "met-2017", "value_as_printed": "1,737", "value": "1737.0",
     "location": "para 2"},
    {"figure_id": "met-2017/y2016", "source_id": "met-2017", "value_as_printed": "2,060", "value": "2060.0",
     "location": "para 2"},
]


def _claim(cid: str, verdict: str, computed: str, working: str, **extra: str) -> dict[str, str]:
    row = {c: "" for c in CLAIMS_COLUMNS}
    row.update({"claim_id": cid, "claimant": "A Newspaper", "claimant_type": "organisation", "source_id": "paper-2017",
                "location": "para 1", "text": "referrals rose 18.5 per cent", "stated": "18.5 per cent",
                "kind": "percent_change", "inputs": "met-2017/y2015;met-2017/y2016", "computed": computed,
                "verdict": verdict, "working": working, "note": "the paper's own arithmetic"})
    row.update(extra)
    return row


CLAIMS = [
    _claim("rise-2016", "does not hold", "18.60",
           '(2,060 − 1,737) / 1,737 = 18.60% · printed "18.5 per cent" (1 dp) · rounds to 18.6 · does not hold '
           "(truncation gives 18.5)"),
    _claim("a-masked", "unverifiable", "", "unverifiable: from and to were not published; see gap met-counts",
           inputs="", gaps="met-counts", claimant="Sir Someone", claimant_type="person", text="up 56 per cent",
           stated="56 per cent"),
]


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    paths = Paths(tmp_path)
    _write(paths.processed / "claims.csv", CLAIMS_COLUMNS, CLAIMS)
    _write(paths.processed / "figures.csv", FIGURE_COLUMNS, FIGURES)
    _write(paths.processed / "sources.csv", SOURCE_COLUMNS, SOURCES)
    _write(paths.processed / "gaps.csv", ("id", "wanted", "cited_by", "where_looked", "holder", "reason"),
           [{"id": "met-counts", "wanted": "the counts behind the rise", "holder": "Metropolitan Police Service"}])
    return paths


def _run(paths: Paths) -> int:
    return report.run(argparse.Namespace(root=str(paths.root), site_url="https://example.org/factcheck/"))


def test_writes_the_three_outputs(project):
    assert _run(project) == 0
    for name in ("factcheck.md", "factcheck.html", "claimreview.jsonld"):
        assert (project.outputs / name).is_file()


def test_markdown_has_every_field_and_link(project):
    _run(project)
    text = (project.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert "2 claims: 1 does not hold, 1 unverifiable" in text
    assert text.index("## a-masked") < text.index("## rise-2016")  # sorted by claim id
    for needed in ("A Newspaper", "para 1", "18.5 per cent", "18.60", "does not hold", "truncation gives 18.5",
                   "(<https://news.met.police.uk/cse-2017>)", "(<https://example.org/news/1>)",
                   "met-counts: the counts behind the rise (held by Metropolitan Police Service)",
                   "`met-2017/y2015`: 1,737 (para 2)", "Referrals up \\<sharply\\> \\& more",
                   "[docs/factcheck.md](../docs/factcheck.md)"):
        assert needed in text, needed


def test_html_is_escaped_and_links_every_source(project):
    _run(project)
    page = (project.outputs / "factcheck.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Referrals up &lt;sharply&gt; &amp; more" in page and "<sharply>" not in page
    assert '<a href="https://news.met.police.uk/cse-2017">' in page
    assert '<a href="https://example.org/news/1">' in page
    assert '<section class="claim" id="rise-2016">' in page and 'class="verdict does-not-hold"' in page


def test_summary_shows_the_claims_words_who_and_verdict_with_stable_anchors(project):
    """A reader scanning the summary sees what was said and by whom, not slugs; every verdict group and claim has an
    id made from its name, not its position, so a link to it survives a rebuild with more claims."""
    _run(project)
    page = (project.outputs / "factcheck.html").read_text(encoding="utf-8")
    summary = page[:page.index('id="claims"')]
    assert '<a href="#rise-2016">“referrals rose 18.5 per cent”</a>' in summary
    assert ">Sir Someone<" in summary
    assert 'id="verdict-does-not-hold"' in summary and 'id="verdict-unverifiable"' in summary
    assert 'id="rise-2016-verdict"' in page
    assert '<a href="factcheck-rules.html">' in page  # docs/factcheck.md is a link
    # the working is printed in full, one step per line, not cut to a column
    assert "<li>(2,060 − 1,737) / 1,737 = 18.60%</li>" in page
    assert "<li>does not hold (truncation gives 18.5)</li>" in page
    text = (project.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert "| [“referrals rose 18.5 per cent”](#rise-2016) | A Newspaper | **does not hold** |" in text


def test_hostile_text_is_escaped_in_both_formats(project):
    """Claim text, claimant and URLs come from data files: in the page they are text, never markup or a script link."""
    rows = [_claim("evil", "holds", "1.00", "a · b", claimant="<script>alert(1)</script>",
                   text="**bold** [x](javascript:alert(1)) | cell <img src=x onerror=alert(1)> &amp;")]
    _write(project.processed / "claims.csv", CLAIMS_COLUMNS, rows)
    bad = dict(SOURCES[1], url_main="javascript:alert(1)")
    _write(project.processed / "sources.csv", SOURCE_COLUMNS, [SOURCES[0], bad])
    _run(project)
    page = (project.outputs / "factcheck.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp;amp;" in page
    text = (project.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert "<script>" not in text and "(<javascript:" not in text
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # the only "](" before javascript is escaped
    assert "\\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) \\| cell \\<img" in text
    assert "\\&amp;" in text


def test_claimreview_jsonld(project):
    _run(project)
    doc = json.loads((project.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    reviews = {r["url"].rsplit("#", 1)[1]: r for r in doc["@graph"]}
    rise = reviews["rise-2016"]
    assert rise["@type"] == "ClaimReview"
    assert rise["url"] == "https://example.org/factcheck/factcheck.html#rise-2016"
    assert rise["claimReviewed"] == "referrals rose 18.5 per cent"
    assert rise["itemReviewed"]["@type"] == "Claim"
    assert rise["itemReviewed"]["author"] == {"@type": "Organization", "name": "A Newspaper"}
    assert rise["itemReviewed"]["appearance"]["url"] == "https://example.org/news/1"
    assert rise["itemReviewed"]["datePublished"] == "2017-03-14"
    assert rise["reviewRating"]["@type"] == "Rating" and rise["reviewRating"]["alternateName"] == "does not hold"
    assert rise["author"]["name"] == report.PROJECT_NAME
    assert rise["datePublished"] == "2026-11-26"  # latest date a source of the claim was read
    assert reviews["a-masked"]["itemReviewed"]["author"]["@type"] == "Person"


def test_output_is_deterministic(project):
    _run(project)
    first = {p.name: p.read_bytes() for p in project.outputs.iterdir()}
    _run(project)
    assert {p.name: p.read_bytes() for p in project.outputs.iterdir()} == first


def test_no_claims_still_writes_a_report(project):
    _write(project.processed / "claims.csv", CLAIMS_COLUMNS, [])
    assert _run(project) == 0
    assert "0 claims" in (project.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert json.loads((project.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))["@graph"] == []


def test_missing_tables_exit_2(tmp_path, capsys):
    assert report.run(argparse.Namespace(root=str(tmp_path), site_url="")) == 2
    assert "claims.csv is missing" in capsys.readouterr().err


def test_command_line_with_root(project):
    done = subprocess.run([sys.executable, "-m", "analysis", "check", "--root", str(project.root)],
                          cwd=str(PROJECT_ROOT), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 claims" in done.stdout
    doc = json.loads((project.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert doc["@graph"][0]["url"] == "factcheck.html#a-masked"
