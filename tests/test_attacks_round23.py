"""Issue 24, round 23 (the lead's own): a figure printed with a scale word is judged as the rounding it is."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from analysis.factcheck import evaluate
from analysis.factcheck.ranged import input_range
from analysis.paths import PROJECT_ROOT
from analysis.record.printed import parse_printed
from tests.test_claims import FIGURES, GAPS, claim, fig


@pytest.mark.parametrize(("printed", "low", "high"), [
    ("1.2 million", "1150000", "1249999"),  # a count: 1,250,000 would print "1.3 million"
    ("33k", "32500", "33499"),
    ("£1.5bn", "1450000000", "1549999999"),
    ("£15.6m", "15550000", "15649999"),
])
def test_a_figure_printed_with_a_scale_word_stands_for_every_value_that_rounds_to_it(printed: str, low: str,
                                                                                     high: str) -> None:
    p = parse_printed(printed)
    assert input_range(p, Decimal(str(p.value))) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("printed", ["1,200", "9,000", "56%", "2.77"])
def test_a_figure_printed_without_one_is_read_as_printed(printed: str) -> None:
    """A plain "9,000" may be an exact count: it is read as rounded only where the claim says so (`rounded`)."""
    p = parse_printed(printed)
    assert input_range(p, Decimal(str(p.value))) is None


def test_a_qualifier_decides_before_the_scale_word() -> None:
    p = parse_printed("about 1.2 million")
    assert input_range(p, Decimal("1200000")) == (Decimal("1140000.00"), Decimal("1260000.00"))


def _verdict(printed: str, stated: str) -> dict:
    figures = {**FIGURES, "src/scaled": fig("src/scaled", printed)}
    return evaluate.evaluate_claims([claim("s", "count", {"figure": "src/scaled"}, stated)], figures, GAPS)[0]


def test_a_precise_claim_the_rounded_source_allows_is_borne_out_not_false() -> None:
    """"1,204,000" for a source's "1.2 million" was judged inaccurate: 1,204,000 does not round to 1,200,000 at 0 dp,
    but the source printed 1.2 million for any count from 1,150,000 to 1,249,999."""
    row = _verdict("1.2 million", "1,204,000")
    assert row["verdict"] == "accurate within rounding"
    assert "1,200,000 read as 1,150,000 to 1,249,999" in row["working"]


@pytest.mark.parametrize(("printed", "stated", "verdict"), [
    ("£15.6 million", "£15.6million", "accurate"),  # restated as printed
    ("1.2 million", "1,300,000", "inaccurate"),  # outside every value "1.2 million" allows
    ("1,200", "1,204", "inaccurate"),  # a plain count is exact
])
def test_restated_and_outside_figures_keep_their_verdicts(printed: str, stated: str, verdict: str) -> None:
    assert _verdict(printed, stated)["verdict"] == verdict


@pytest.mark.parametrize(("args", "verdict", "code"), [
    (["count", "--value", "1.2 million", "--stated", "1,204,000"], "accurate within rounding", 4),
    # (1.5m − 1.2m) / 1.2m = 25% at the printed values; 16.0% to 34.8% across the values they allow
    (["change", "--from", "1.2 million", "--to", "1.5 million", "--stated", "25%"], "accurate within rounding", 4),
    (["count", "--value", "1,200", "--stated", "1,204"], "inaccurate", 1),
])
def test_verify_reads_a_scale_word_as_the_fact_check_does(args: list[str], verdict: str, code: int) -> None:
    done = _verify(args)
    assert done.returncode == code, done.stderr
    assert json.loads(done.stdout)["verdict"] == verdict


def _verify(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", "verify", "--json", *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("args", "verdict", "because"), [
    # at 0 dp one unit of a small number is most of it: each was borne out (the steering item "0 dp allowance")
    (["share", "--part", "1", "--whole", "1000", "--stated", "1%"], "inaccurate",
     '0.10 is outside 0.95 to 1.05, what "about 1" allows'),
    (["change", "--from", "1000", "--to", "1019", "--stated", "1%"], "inaccurate",
     '1.90 is outside 0.95 to 1.05, what "about 1" allows'),
    (["change", "--from", "1000", "--to", "1129", "--stated", "12%"], "inaccurate",
     '12.9 is outside 11.4 to 12.6, what "about 12" allows'),
    (["share", "--part", "5", "--whole", "1000", "--stated", "just over 1%"], "inaccurate",
     "0.50 rounds to 1 at 0 dp, but 0.50 is outside 0.95 to 1.05"),
    (["share", "--part", "32", "--whole", "1000", "--stated", "almost 3%"], "inaccurate",
     "3.20 rounds to 3 at 0 dp, but 3.20 is outside 2.85 to 3.15"),
    # where the allowance is small next to the number, it stands
    (["change", "--from", "1737", "--to", "2060", "--stated", "18.5 per cent"], "accurate within rounding",
     "truncated (cut, not rounded)"),
    (["share", "--part", "5996", "--whole", "10000", "--stated", "just over 60%"], "accurate",
     "59.96 is not above 60 but rounds to 60 at 0 dp"),
    (["share", "--part", "5", "--whole", "1000", "--stated", "1%"], "accurate", "rounds to 1"),
])
def test_no_rounding_allowance_admits_more_than_about_would(args: list[str], verdict: str, because: str) -> None:
    out = json.loads(_verify(args).stdout)
    assert (out["verdict"], because in out["working"]) == (verdict, True), out["working"]


def test_each_cell_of_the_rules_page_names_its_column_for_a_phone() -> None:
    """On a phone the rules page shows a table row as a card, each value after its column's heading
    (`data-label`): three narrow columns made the qualifier table 4,300 px tall at 375 px."""
    from analysis.factcheck.render import rules_html

    html = rules_html("| printed | qualifier |\n|---|---|\n| more than X | more than |\n| <b>x</b> | |\n")
    assert '<td data-label="printed">more than X</td>' in html
    assert '<td data-label="qualifier">more than</td>' in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>" not in html  # the source's markup stays escaped
    page = (PROJECT_ROOT / "docs" / "factcheck.md").read_text(encoding="utf-8")
    rendered = rules_html(page)
    assert rendered.count("<td>") == 0 and rendered.count("<td data-label=") > 60
