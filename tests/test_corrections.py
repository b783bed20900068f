"""Corrections: the fact-check page promises to "say here what changed and when". A claim's entry carries its
corrections (claims.yaml `corrections`, each a date and what changed); the page lists them under the claim and in
one "Corrections" section, newest first, and says "None so far." when there are none."""

from __future__ import annotations

import textwrap
from pathlib import Path

from analysis.factcheck import report
from analysis.paths import Paths
from analysis.record import claims as cl
from analysis.record.problems import Problems

ENTRY = """\
    - id: rise
      claimant: A newspaper
      source_id: src
      location: para 1
      text: rose 18.5 per cent
      stated: 18.5 per cent
      kind: percent_change
      inputs: {from: src/y2015, to: src/y2016}
"""


def _load(tmp_path: Path, corrections: str) -> tuple[list[dict], list[str]]:
    paths = Paths(tmp_path)
    paths.raw.mkdir(parents=True)
    paths.claims_yaml.write_text(textwrap.dedent(ENTRY) + textwrap.indent(textwrap.dedent(corrections), "  "),
                                 encoding="utf-8")
    problems = Problems()
    return cl.load_claims(paths, problems), [str(p) for p in problems.items]


def test_corrections_are_read_oldest_first(tmp_path):
    loaded, problems = _load(tmp_path, """\
        corrections:
        - date: '2025-03-02'
          what: The verdict was inaccurate and is now accurate within rounding.
        - date: 2024-11-30
          what: The claim's words were cut short.
    """)
    assert problems == []
    assert loaded[0]["corrections"] == ["2024-11-30: The claim's words were cut short.",
                                        "2025-03-02: The verdict was inaccurate and is now accurate within rounding."]


def test_a_correction_must_be_dated_in_the_past_and_say_something(tmp_path):
    _, problems = _load(tmp_path, """\
        corrections:
        - date: '2099-01-01'
          what: From the future.
        - date: 1 March 2025
          what: Not an ISO date.
        - date: '2025-03-01'
          what: ''
        - date: '2025-03-02'
          what: Two changes; one cell.
    """)
    assert problems == [
        "data/raw/claims.yaml:id=rise: a correction's date 2099-01-01 is in the future",
        "data/raw/claims.yaml:id=rise: a correction's date must be written YYYY-MM-DD",
        "data/raw/claims.yaml:id=rise: a correction's what is empty: say what changed",
        "data/raw/claims.yaml:id=rise: a correction's what may not hold ';' (it separates corrections in claims.csv):"
        " use a comma or a full stop",
    ]


def test_a_correction_is_a_date_and_what_changed_only(tmp_path):
    _, problems = _load(tmp_path, """\
        corrections:
        - date: '2025-03-02'
          what: Fixed.
          by: Jane Doe
    """)
    assert problems == ["data/raw/claims.yaml:id=rise: corrections must be a list of entries, each with only date "
                        "(YYYY-MM-DD) and what (what changed, in a sentence)"]


def test_a_correction_holds_no_personal_data(tmp_path):
    _, problems = _load(tmp_path, """\
        corrections:
        - date: '2025-03-02'
          what: Call 07700 900123 with questions.
    """)
    assert any("corrections seems to contain a phone number" in p for p in problems), problems


def test_the_real_correction_is_on_the_page_under_its_claim_and_in_the_list():
    """The 32-boroughs claim was narrowed on 7 December 2026 (its old words read as if the FOI requests were
    checked): the page says so under the claim and in the Corrections section, and factcheck.md does too."""
    entries = report.build_entries(report.read_tables(Paths()))
    html, md = report.render_html(entries), report.render_markdown(entries)
    claim = html.split('<a id="mylondon-2025-10-grooming-gangs/claim-32-boroughs"></a>', 1)[1].split("</section>")[0]
    assert "<strong>Corrected 7 December 2026:</strong> This claim quoted" in claim
    listed = html.split('<h2 id="corrections">Corrections</h2>', 1)[1]
    link = '<a href="#mylondon-2025-10-grooming-gangs/claim-32-boroughs">“all 32 London boroughs”</a>:'
    # other claims were corrected the same day (review s58), so it is one of the list's 7 December items
    assert listed.startswith("\n<ul><li><strong>7 December 2026</strong>, ")
    assert f"<li><strong>7 December 2026</strong>, {link}" in listed
    assert "None so far." not in listed
    assert "- **Corrected 7 December 2026:** This claim quoted" in md
    assert "\n- **7 December 2026**, [“all 32 London boroughs”]" in md.split("## Corrections\n", 1)[1]


def test_a_page_with_no_corrections_says_none_so_far():
    entries = report.build_entries(report.read_tables(Paths()))
    for e in entries:
        e.claim["corrections"] = ""
    html, md = report.render_html(entries), report.render_markdown(entries)
    assert '<h2 id="corrections">Corrections</h2>\n<p>None so far.</p>' in html
    assert "## Corrections\n\nNone so far.\n" in md
    assert "Corrected" not in html


def test_the_methods_page_points_to_the_list_of_corrections():
    assert '<a href="factcheck.html#corrections">' in report.render_methods()
