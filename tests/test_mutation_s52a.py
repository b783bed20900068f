"""Stop 52 (helper s52a): tests that kill the mutants of factcheck/vintages, publish/display and the last chart
modules that survived the tests before them (the list and the reasons: /work/mut52-s52a.md).

Every expected value is worked out by hand from the rule the module states and the committed record (data/raw,
data/processed), quoted in each test's docstring; none is copied from the code's own output. The fact-check tests
judge claims live (tests that read claims.csv as built cannot fail when the fact-check's code changes).
"""

from __future__ import annotations

from typing import Any

import pytest

from analysis.factcheck.evaluate import evaluate_claims
from analysis.factcheck.vintages import Vintages
from analysis.run.build import load_raw, make_tables

# --- factcheck/vintages -------------------------------------------------------------------------------------------

UPDAY = "upday-2024-07-15-ons-mid-2023-copy/ew-population-mid-2023"
ODT = "odt-2024-07-15-reuters-ons-mid-2023-copy/ew-population-mid-2023"
WEEKLY = "thelondonweekly-2024-07-15-ons-mid-2023-copy/ew-population-mid-2023"
ONS_FIRST = "ons-2024-10-08-population-estimates-topic-ew-mid-2023/ew-population-mid-2023"
EW_REVISED = "timesng-2025-07-30-ons-mid-2024-copy/ew-population-mid-2023-revised"


@pytest.fixture(scope="module")
def record() -> tuple[Any, dict[str, dict[str, Any]]]:
    raw = load_raw()
    return raw, {f["figure_id"]: f for f in make_tables(raw)["figures"]}


def _count_claim(source_id: str, figure_id: str, stated: str) -> dict[str, Any]:
    return {"id": "t", "claimant": "test", "claimant_type": "", "source_id": source_id, "location": "x",
            "text": stated, "stated": stated, "stated_figure": "", "kind": "count", "inputs": {"figure": figure_id},
            "gaps": [], "note": "", "direction": "", "_where": "id=t"}


def test_of_several_vintages_printed_on_the_claim_s_day_the_one_it_names_is_judged(record) -> None:
    """Three news copies of ONS's first mid-2023 estimate (upday, Reuters via the ODT, The London Weekly) were all
    published on 15 July 2024 and each is linked to the July 2025 revision (revisions.csv). On that day the latest
    vintages are those three, equally late: the one the claim names is the one it is judged against ("preferring the
    named one"), so a claim naming upday's copy is judged on upday's copy and its working names no other vintage
    judged "as published on the claim's date". The revision to 61.1 million still changes "60.9 million" to
    inaccurate (61.1 million printed to 0.1 million stands for 61,050,000 to 61,149,999)."""
    raw, figures = record
    vintages = Vintages(list(raw.revisions), figures)
    for named in (UPDAY, ODT, WEEKLY):
        assert vintages.at(named, "2024-07-15") == named
    # the day ONS's own topic page is dated, it is the latest printed (2024-10-08 after 2024-07-15)
    assert vintages.at(ODT, "2024-10-08") == ONS_FIRST
    (row,) = evaluate_claims([_count_claim("upday-2024-07-15-ons-mid-2023-copy", UPDAY, "60.9 million")], figures,
                             raw.gaps, list(raw.revisions), raw.sources)
    assert row["verdict"] == "accurate", row["working"]
    assert "as published on the claim's date" not in row["working"]
    assert WEEKLY not in row["working"] and ODT not in row["working"]
    assert "a later revision would change the verdict to inaccurate (recomputed 61,100,000)" in row["working"]


def test_the_approximate_date_note_only_where_an_input_was_revised(record) -> None:
    """DfE's children-in-need releases carry no printed day (dfe-cin-2024 and dfe-cin-2025 are dated 1 October,
    approximate). The 2024 edition's rate for 2024 (332.9 per 10,000) was revised by the 2025 edition (331.2): two
    vintages, so which one "1 in 30" is judged against rests on that approximate date, and the working says so. The
    2025 edition's rate for 2025 has one vintage (no revision links it), so its "1 in 30" says nothing of the date."""
    raw, figures = record
    vintages = Vintages(list(raw.revisions), figures)
    assert vintages.revised("dfe-cin-2024/rate-children-in-need-2024")
    assert not vintages.revised("dfe-cin-2025/rate-children-in-need-2025")
    ids = {"dfe-cin-2024-one-in-30-children", "dfe-cin-2025-one-in-30-children"}
    claims = [c for c in raw.claims if c["id"] in ids]
    rows = {r["claim_id"]: r["working"] for r in evaluate_claims(claims, figures, raw.gaps, list(raw.revisions),
                                                                  raw.sources)}
    note = "is approximate (not printed on the document), and an input was revised"
    assert note in rows["dfe-cin-2024-one-in-30-children"]
    assert note not in rows["dfe-cin-2025-one-in-30-children"]
