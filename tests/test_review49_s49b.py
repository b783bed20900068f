"""Stop 49 (s49b), a standards review of what a reader sees: the record knows where it looked, not that a figure
was never published, so no reader-facing text owned by the record or the code says "unpublished"."""
from __future__ import annotations

import re

import yaml

from analysis.paths import PROJECT_ROOT

NOT_PUBLISHED = re.compile(r"unpublished|not published|never published|no (?:number|count|figure)s? (?:was |were )?"
                           r"published", re.I)


def test_no_gap_reason_says_a_figure_was_never_published() -> None:
    """Two gap reasons (shown on the workbook's Gaps sheet) said 'no number published' and 'Unpublished document',
    where the record knows only which copies it read."""
    gaps = yaml.safe_load((PROJECT_ROOT / "data" / "raw" / "gaps.yaml").read_text(encoding="utf-8"))
    for gap in gaps:
        for field in ("reason", "wanted"):
            text = " ".join(str(gap.get(field, "")).split())
            assert not NOT_PUBLISHED.search(text), (gap["id"], field, text)


def test_the_claims_schema_describes_gaps_as_not_in_this_record() -> None:
    """claims.csv's 'gaps' column was described as 'Gap ids of unpublished inputs' in datapackage.json and
    cse-metadata.json (Datasette's column help)."""
    from analysis.record.schema import CLAIM_DESCRIPTIONS

    text = CLAIM_DESCRIPTIONS["gaps"]
    assert not NOT_PUBLISHED.search(text), text
    assert "not in this record" in text


def test_notebook_06_says_what_a_dash_means_without_saying_never_published() -> None:
    """Notebook 06's inspections section said 'A dash: no count was published for that inspection'; the chart shows
    a dash where no source in the record prints the count."""
    text = " ".join(re.sub(r"(?m)^# ?", "", (PROJECT_ROOT / "notebooks" / "06_national_picture.py")
                           .read_text(encoding="utf-8")).split())
    assert "no count was published" not in text
    assert "A dash: this record holds no count for that inspection." in text


def test_a_sources_producer_names_who_published_it_never_a_web_domain() -> None:
    """Two sources gave their producer as 'breakingnewstime.com (copy of a newspaper report)', printed as who
    published the document in the fact-check's source lines, the workbook's Publisher column and the charts'
    document lists. validate now refuses a producer whose name (before any bracket or comma) is a web domain."""
    from analysis.record.sources import _value_problems, producer_domain

    assert producer_domain("breakingnewstime.com (copy of a newspaper report)") == "breakingnewstime.com"
    assert producer_domain("House of Commons (Hansard), copy on parliament.jmoore.io") is None
    assert producer_domain("Times Nigeria (timesng.com)") is None
    assert producer_domain("UK national newspaper report (copy on papalinc.com; outlet not named)") is None
    problems = _value_problems({"producer": "breakingnewstime．com (copy of a newspaper report)"})
    assert any("producer names a web domain ('breakingnewstime.com')" in p for p in problems), problems
    sources = yaml.safe_load((PROJECT_ROOT / "data" / "raw" / "sources.yaml").read_text(encoding="utf-8"))
    assert [s["id"] for s in sources if producer_domain(s["producer"])] == []


def test_the_unnamed_newspapers_copy_is_still_credited_to_an_unnamed_newspaper() -> None:
    """Its chart credit read 'reported by … an unnamed newspaper' before the producer was renamed, and still does;
    an unnamed newspaper is never credited first as an official body."""
    from analysis.publish.publishers import OFFICIAL, face_line, face_name

    name = "Newspaper report (copy on breakingnewstime.com; outlet not named)"
    assert face_name(name) == "an unnamed newspaper"
    assert "an unnamed newspaper" not in OFFICIAL
    credit = face_line(["HM Inspectorate of Constabulary (now HMICFRS)"], [name])
    assert credit == "HMIC, reported by an unnamed newspaper"


def test_notebooks_02_and_04_say_what_the_record_holds_not_what_was_published() -> None:
    """Notebook 02's findings said a measure was 'published for 2 calendar years' and 'nothing later is published',
    its table note 'a dash: nothing published', and notebook 04's 'where both estimates are published': the record
    holds those years, and its gaps say where it looked for the rest."""
    for name, old, new in [
        ("02_met_cse_series.py", "published for {len(rows)} calendar years", "in this record for {len(rows)} calendar"),
        ("02_met_cse_series.py", "nothing later is published", "this record holds no yearly count for a later year"),
        ("02_met_cse_series.py", "a dash: nothing published", "a dash: this record holds no figure"),
        ("04_london_in_context.py", "where both estimates are published", "where this record holds both estimates"),
    ]:
        text = " ".join(re.sub(r'(?m)^# ?|"\s*f?"', "", (PROJECT_ROOT / "notebooks" / name)
                               .read_text(encoding="utf-8")).split())
        assert old not in text, (name, old)
        assert new in text, (name, new)


def test_a_copy_on_a_mirror_names_the_body_whose_document_it_is_first() -> None:
    """Seven sources read on a mirror gave the mirror as their producer ('Parliament Today (reprint of HMICFRS news
    release)', 'WiredGov (…)', 'British Bulletin (copy of a BBC News report)', 'Parallel Parliament (copy of …)' x3,
    'inkl (syndicated …)'), so the fact-check's source lines, the workbook's Publisher column and the charts' document
    lists named a mirror as who published the document. Each now names the body first, the mirror after it."""
    from analysis.publish.publishers import face_name, mirror_named_first

    assert mirror_named_first("Parliament Today (reprint of HMICFRS news release)",
                              "https://www.parliamenttoday.com/members/viewnews.html?id=1") == "parliamenttoday.com"
    assert mirror_named_first("WiredGov (reprint of HMICFRS news release)", "https://www.wired-gov.net/wg/x") \
        == "wired-gov.net"
    assert mirror_named_first("House of Commons (Hansard), copy on Parallel Parliament",
                              "https://parallelparliament.co.uk/mp/x") is None
    assert mirror_named_first("The Independent", "https://www.the-independent.com/x") is None
    sources = yaml.safe_load((PROJECT_ROOT / "data" / "raw" / "sources.yaml").read_text(encoding="utf-8"))
    assert [s["id"] for s in sources if mirror_named_first(s["producer"], s["url_main"])] == []
    by_id = {s["id"]: s["producer"] for s in sources}
    # the charts' credits are as before: the body, never the mirror
    assert face_name(by_id["parliamenttoday-2018-02-hmicfrs-ncpi-mps-q4"]) == "HMICFRS"
    assert face_name(by_id["inkl-2025-06-16-casey-review-london"]) == "an unnamed news outlet"
