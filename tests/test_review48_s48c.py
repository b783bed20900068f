"""Review 48 (s48c): places that state a rule say what the code that applies it does."""

from __future__ import annotations

from decimal import Decimal

from analysis.factcheck.evaluate import evaluate_claims
from analysis.factcheck.ranged import quotient_range
from analysis.record.printed import parse_printed


def _figure(fid: str, printed: str) -> dict[str, object]:
    p = parse_printed(printed)
    return {"figure_id": fid, "value": p.value, "value_as_printed": printed, "qualifier": p.qualifier,
            "unit": "people", "measure": "population", "geography": "X", "period_end": "2012-06-30"}


def test_a_rounded_count_stands_for_the_values_that_round_to_it_from_its_printed_digits() -> None:
    """docs/factcheck.md and data/README.md: "1.2 million" is any count from 1,150,000 to 1,249,999, worked from
    the printed digits. The record holds "8.3 million" as the float 8,300,000.000000001, and the fact-check worked
    the claim on that, so its working read "8.3 million … read as 8,250,000 to 8,350,000", a count that prints
    "8.4 million", where `verify` on the same words gives 8,349,999."""
    assert parse_printed("8.3 million").value != 8_300_000  # the float the record holds
    figures = {"a/part": _figure("a/part", "8.3 million"), "a/whole": _figure("a/whole", "63.7 million")}
    claim = {"id": "c", "claimant": "X", "source_id": "a", "location": "p. 1", "text": "13% of the UK",
             "stated": "13%", "kind": "share", "inputs": {"part": "a/part", "whole": "a/whole"}}
    [row] = evaluate_claims([claim], figures, {})
    assert "8,300,000 read as 8,250,000 to 8,349,999" in row["working"], row["working"]
    assert row["working"].startswith("8,300,000 / 63,700,000 = 13.03%")


def test_a_computed_share_is_ranged_from_the_printed_digits() -> None:
    """The same for the shares the charts and notebooks compute (`computed_percent`, by `quotient_range`)."""
    share, low, high = quotient_range("8.3 million", "63.7 million")
    assert share == Decimal(8_300_000) / Decimal(63_700_000)
    assert high == Decimal(8_349_999) / Decimal(63_650_000)


def test_the_readme_gives_each_workbook_marker_the_meaning_its_sheets_give() -> None:
    """The README said "[x] means not published", but on a chart's sheet [x] means only that the record holds no
    figure for the cell (2025's MyLondon share has no year; the Met series' 2015 crimes), which the workbook's own
    legend says; and it left [z] and [c] unexplained."""
    from analysis.paths import PROJECT_ROOT
    from analysis.publish.workbook import CHART_MARKERS
    from analysis.publish.workbook_columns import MARKERS

    readme = " ".join((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split())
    said = {m: readme.split(f"`{m}` means", 1)[-1] if f"`{m}` means" in readme else "" for m in MARKERS}
    said |= {m: readme.split(f"`{m}`", 1)[-1] for m in MARKERS if not said[m] and f"`{m}`" in readme}
    for marker, meaning in MARKERS.items():
        first = meaning.split(":")[0].replace("not available", "not published").replace("confidential", "suppressed")
        assert marker in said and said[marker], marker
        assert any(w in said[marker][:60] for w in (first, first.split()[-1])), (marker, said[marker][:60])
    assert "draws nothing" in CHART_MARKERS["[x]"] and "sheet `[x]` means only that the record holds no figure" \
        in readme and "chart draws nothing" in readme
