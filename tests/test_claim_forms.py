"""Claim forms beyond one figure per input: a share of a published sum, "1 in N" against a published rate, and
the registry claims they settle (Q3 2017 "Just under 93%", DfE "around 1 in every 30 children").

Arithmetic by hand: (64 + 61) / 135 = 125 / 135 = 92.59%; "just under 93%" needs 88.35 ≤ c < 93.
330.3 per 10,000 = 3.303%; "around 1 in every 30" = 3.333%, within 5%: 3.167 to 3.5.
"""

from __future__ import annotations

import csv
import io

from analysis.factcheck import evaluate
from analysis.paths import PROJECT_ROOT
from tests.test_claims import FIGURES, GAPS, check, claim, fig

CLAIMS = PROJECT_ROOT / "data" / "processed" / "claims.csv"


def _registry() -> dict[str, dict[str, str]]:
    return {r["claim_id"]: r for r in csv.DictReader(io.StringIO(CLAIMS.read_text(encoding="utf-8")))}


def test_share_of_a_published_sum():
    c = claim("s", "share", {"part": ["src/b", "src/c"], "whole": "src/total"}, "Just under 93%")
    assert check([c]) == []
    (row,) = evaluate.evaluate_claims([c], FIGURES, GAPS)
    assert (row["verdict"], row["computed"]) == ("accurate", "92.59")
    assert row["working"].startswith("part = 64 + 61 = 125 (a sum of published figures) · 125 / 135 = 92.59%")
    assert row["inputs"] == "src/b;src/c;src/total"


def test_ratio_and_change_of_published_sums():
    # (10 + 64) / 61 = 1.21 times; from 10 + 61 = 71 to 135: (135 − 71) / 71 = 90.14%
    ratio = claim("r", "ratio", {"numerator": ["src/a", "src/b"], "denominator": "src/c"}, "1.2 times")
    rise = claim("c", "percent_change", {"from": ["src/a", "src/c"], "to": "src/total"}, "90 per cent")
    rows = {r["claim_id"]: r for r in evaluate.evaluate_claims([ratio, rise], FIGURES, GAPS)}
    assert (rows["r"]["verdict"], rows["r"]["computed"]) == ("accurate", "1.21")
    assert (rows["c"]["verdict"], rows["c"]["computed"]) == ("accurate", "90.14")


def test_a_list_is_refused_where_no_sum_is_meant():
    bad = claim("x", "count", {"figure": ["src/a", "src/b"]}, "74")
    assert any("input 'figure' must be one figure id (a list of figure ids, a published sum, is accepted only"
               in p for p in check([bad])), check([bad])
    one = claim("y", "share", {"part": ["src/a"], "whole": "src/total"}, "7 per cent")
    assert any("needs at least two different figure ids" in p for p in check([one]))


def test_one_in_n_against_a_published_rate():
    rate = {**fig("src/rate", "330.3"), "unit": "per 10,000 children", "denominator": 10000.0}
    figures = {**FIGURES, "src/rate": rate}
    holds = claim("h", "count", {"figure": "src/rate"}, "around 1 in every 30")
    fails = claim("f", "count", {"figure": "src/rate"}, "around 1 in every 20")  # 5%: 4.75 to 5.25; 3.30 is outside
    rows = {r["claim_id"]: r for r in evaluate.evaluate_claims([holds, fails], figures, GAPS)}
    assert (rows["h"]["verdict"], rows["h"]["computed"]) == ("accurate", "3.30")
    assert rows["h"]["working"].startswith("330.3 per 10,000 = 330.3 / 10,000 × 100 = 3.30%")
    assert rows["f"]["verdict"] == "inaccurate"


def test_registry_claims_that_were_unverifiable_are_now_judged():
    reg = _registry()
    q3 = reg["claim-q3-2017-just-under-93pc"]
    assert (q3["verdict"], q3["computed"], q3["gaps"]) == ("accurate", "92.59", "")
    dfe = reg["dfe-cin-2025-one-in-30-children"]
    assert (dfe["verdict"], dfe["computed"], dfe["gaps"]) == ("accurate", "3.30", "")
    assert "330.3 per 10,000" in dfe["working"]


def test_retired_gaps_are_gone_and_counts_print_as_integers():
    gaps = (PROJECT_ROOT / "data" / "processed" / "gaps.csv").read_text(encoding="utf-8")
    assert "gap-hmicfrs-2017-q3-combined-count" not in gaps
    reg = _registry()
    national = reg["mylondon-2025-10-grooming-gangs/claim-national-historic-cases"]
    assert national["computed"] == "1,273" and "1,273 > 1,200" in national["working"]
    assert not any(".00" in r["computed"] for r in reg.values() if r["kind"] in ("sum", "difference"))
