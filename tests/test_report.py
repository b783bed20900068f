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
from markdown_it import MarkdownIt

from analysis.factcheck import report
from analysis.paths import DEFAULT_SITE_URL, PROJECT_ROOT, Paths
from analysis.record import schema
from analysis.record.claims import CLAIMS_COLUMNS

# The processed tables' own columns, from the data dictionary, so the fixtures cannot drift from what the build writes.
FIGURE_COLUMNS = tuple(f.name for f in schema.FIGURES)
SOURCE_COLUMNS = tuple(f.name for f in schema.SOURCES)
GAP_COLUMNS = tuple(f.name for f in schema.GAPS)

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
    _claim("rise-2016", "accurate within rounding", "18.60",
           '(2,060 − 1,737) / 1,737 = 18.60% · printed "18.5 per cent" (1 dp) · rounds to 18.6, not 18.5; 18.595 is '
           "within one unit of the last printed digit (0.1): truncated (cut, not rounded) · accurate within rounding"),
    _claim("rise-wrong", "inaccurate", "18.60",
           '(2,060 − 1,737) / 1,737 = 18.60% · printed "18.4 per cent" (1 dp) · rounds to 18.6 · inaccurate',
           text="referrals rose 18.4 per cent", stated="18.4 per cent"),
    _claim("a-masked", "cannot be checked: not found", "",
           "cannot be checked: not found: from and to were not found in any publication we looked at; see gap "
           "met-counts (the counts behind the rise)", inputs="", gaps="met-counts", claimant="Sir Someone",
           claimant_type="person",
           text="up 56 per cent", stated="56 per cent"),
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
    _write(paths.processed / "gaps.csv", GAP_COLUMNS,
           [{"id": "met-counts", "wanted": "the counts behind the rise", "holder": "Metropolitan Police Service"}])
    return paths


def _run(paths: Paths) -> int:
    return report.run(argparse.Namespace(root=str(paths.root), site_url="https://example.org/factcheck/"))


def test_writes_the_three_outputs(project):
    assert _run(project) == 0
    for name in ("factcheck.md", "factcheck.html", "claimreview.jsonld", "methods.html"):
        assert (project.outputs / name).is_file()


def test_markdown_has_every_field_and_link(project):
    _run(project)
    text = (project.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert "3 claims: 1 inaccurate, 1 accurate within rounding, 1 cannot be checked: not found" in text
    # in the summary's order: inaccurate first, then within rounding, then what cannot be checked
    assert text.index("## rise-wrong") < text.index("## rise-2016") < text.index("## a-masked")
    for needed in ("A Newspaper", "para 1", "18.5 per cent", "18.60", "inaccurate", "truncated (cut, not rounded)",
                   "(<https://news.met.police.uk/cse-2017>)", "(<https://example.org/news/1>)",
                   "met-counts: the counts behind the rise (held by Metropolitan Police Service)",
                   "`met-2017/y2015`: 1,737 (para 2)", "Referrals up &lt;sharply&gt; &amp; more",
                   "[How we check a claim](methods.html)"):  # no docs/ here, so no rules page to link
        assert needed in text, needed


def test_html_is_escaped_and_links_every_source(project):
    _run(project)
    page = (project.outputs / "factcheck.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Referrals up &lt;sharply&gt; &amp; more" in page and "<sharply>" not in page
    assert '<a href="https://news.met.police.uk/cse-2017">' in page
    assert '<a href="https://example.org/news/1">' in page
    assert '<section class="claim"><a id="rise-2016"></a>' in page and 'class="verdict inaccurate"' in page


def test_the_page_is_for_readers_claim_words_first_working_folded_no_ids_or_paths(project):
    """Each card opens with the claim in its own words, then who said it and when, then the verdict in one plain
    sentence, then the working folded; cards follow the summary's order; no ids, file paths or commands are shown
    (ids stay as anchors), so a link to a claim survives a rebuild with more claims."""
    _run(project)
    page = (project.outputs / "factcheck.html").read_text(encoding="utf-8")
    card = page[page.index('<section class="claim"><a id="rise-2016"></a>'):]
    card = card[:card.index("</section>")]
    order = [card.index(s) for s in ("“referrals rose 18.5 per cent”", "A Newspaper", "14 March 2017",
                                     "Accurate within rounding.", "The published figures give 18.60%",
                                     "<details>", "(2,060 − 1,737) / 1,737 = 18.60%")]
    assert order == sorted(order)
    assert "The last digit was cut rather than rounded." in card
    assert page.index('id="verdict-inaccurate"') < page.index('id="verdict-accurate-within-rounding"') \
        < page.index('id="verdict-cannot-be-checked-not-found"')
    assert page.index('id="rise-wrong"') < page.index('id="rise-2016"') < page.index('id="a-masked"')
    visible = re.sub(r'(id|href)="[^"]*"', "", page)
    for hidden in ("rise-2016", "met-2017/y2015", "met-counts", "data/processed", "python -m", "docs/factcheck.md"):
        assert hidden not in visible, hidden
    assert "A figure it needs was not found in any publication we looked at: the counts behind the rise." in page
    assert '<a href="methods.html">' in page
    text = (project.outputs / "factcheck.md").read_text(encoding="utf-8")
    assert "| [“referrals rose 18.5 per cent”](#rise-2016) | A Newspaper | **accurate within rounding** |" in text


def test_methods_page_explains_the_scale_with_examples_the_rules_compute(project):
    _run(project)
    page = (project.outputs / "methods.html").read_text(encoding="utf-8")
    body = re.sub(r"<[^>]+>", " ", page[page.index("<main"):])
    assert 250 <= len(body.split()) <= 600  # about 300 plain words, plus the worked examples
    for verdict in ("Accurate", "Accurate within rounding", "Inaccurate", "Not yet in this record",
                    "Cannot be checked: not found"):
        assert verdict in page
    assert "18.595 is within one unit" in page and "49.59" in page  # the two examples, as the rules work them
    assert "Corrections" in page


def test_hostile_text_is_escaped_in_both_formats(project):
    """Claim text, claimant and URLs come from data files: in the page they are text, never markup or a script link."""
    rows = [_claim("evil", "accurate", "1.00", "a · b", claimant="<script>alert(1)</script>",
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
    assert "\\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) \\| cell &lt;img" in text
    assert "&amp;amp;" in text
    shown = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)  # raw HTML on
    assert "<script>" not in shown and "<img" not in shown and "<strong>bold" not in shown
    assert 'href="javascript' not in shown and "Referrals up &amp;lt;" not in shown  # each title escaped once
    assert "**bold** [x](javascript:alert(1)) | cell &lt;img src=x onerror=alert(1)&gt; &amp;amp;" in shown


def test_claimreview_jsonld(project):
    _run(project)
    doc = json.loads((project.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    reviews = {r["url"].rsplit("#", 1)[1]: r for r in doc["@graph"]}
    # only verdicts on accuracy itself: none for one that turns on rounding, none for an unchecked claim
    assert set(reviews) == {"rise-wrong"}
    rise = reviews["rise-wrong"]
    assert rise["@type"] == "ClaimReview"
    assert rise["url"] == "https://example.org/factcheck/factcheck.html#rise-wrong"
    assert rise["claimReviewed"] == "referrals rose 18.4 per cent"
    assert rise["itemReviewed"]["@type"] == "Claim"
    assert rise["itemReviewed"]["author"] == {"@type": "Organization", "name": "A Newspaper"}
    assert rise["itemReviewed"]["appearance"]["url"] == "https://example.org/news/1"
    assert rise["itemReviewed"]["datePublished"] == "2017-03-14"
    assert rise["reviewRating"]["@type"] == "Rating" and rise["reviewRating"]["alternateName"] == "Inaccurate"
    assert (rise["reviewRating"]["ratingValue"], rise["reviewRating"]["worstRating"]) == (1, 1)
    assert rise["author"]["name"] == report.PROJECT_NAME
    assert rise["datePublished"] == "2026-11-26"  # latest date a source of the claim was read


def test_claimreview_is_safe_to_inline_in_a_script_element(project):
    rows = [_claim("evil", "inaccurate", "1.00", "a · b", text="up 5% </script><script>alert(1)</script>")]
    _write(project.processed / "claims.csv", CLAIMS_COLUMNS, rows)
    _run(project)
    raw = (project.outputs / "claimreview.jsonld").read_text(encoding="utf-8")
    assert "</" not in raw
    assert json.loads(raw)["@graph"][0]["claimReviewed"].endswith("</script>")


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
    assert "3 claims" in done.stdout
    doc = json.loads((project.outputs / "claimreview.jsonld").read_text(encoding="utf-8"))
    # absolute, from the one configurable base URL (here its documented default)
    assert doc["@graph"][0]["url"] == f"{DEFAULT_SITE_URL}factcheck.html#rise-wrong"


def test_outputs_are_readable_by_others_like_every_other_file(project):
    _run(project)
    for name in ("factcheck.md", "factcheck.html", "claimreview.jsonld", "methods.html"):
        assert (project.outputs / name).stat().st_mode & 0o044 == 0o044, name


def test_every_verdict_has_its_colour_on_the_page() -> None:
    """The page colours a verdict by a CSS class made from its name; a verdict renamed without its rule in page.css
    would print grey-on-nothing, unlike the others, with no error anywhere."""
    from analysis.factcheck.render import slug
    from analysis.factcheck.wording import VERDICTS

    css = (PROJECT_ROOT / "analysis" / "factcheck" / "templates" / "page.css").read_text(encoding="utf-8")
    ruled = set(re.findall(r"\.([a-z-]+)(?=[,{])", css))
    assert {slug(v) for v in VERDICTS} <= ruled, sorted({slug(v) for v in VERDICTS} - ruled)
