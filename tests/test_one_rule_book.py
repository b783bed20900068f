"""One rule book: the parser, the verdicts, the scan, the charts and the tables read a printed figure the same way.

For every printed qualifier and many values, the direction a chart draws (a bound, an approximation), the verdict
the fact-check gives just above and just below the value, and the scan's judgement of whether a record value is
consistent with the printed one must all follow from the one vocabulary (`analysis.record.vocabulary`). If any stage
kept its own list or tolerance, some phrase or value here would disagree.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from analysis.factcheck.scan_match import _within
from analysis.factcheck.wording import BORNE_OUT, judge, verdict
from analysis.paths import PROJECT_ROOT
from analysis.publish.encode import kind_of
from analysis.record.printed import parse_printed
from analysis.record.schema import FIGURES
from analysis.record.vocabulary import (
    CANONICAL,
    QUALIFIERS,
    TOLERANCE,
    UNAVAILABLE,
    direction,
    fmt_percent,
    fmt_share,
    is_approximate,
)
from analysis.tables.copies import choose_copy

PHRASES = sorted(QUALIFIERS)


@given(st.sampled_from(PHRASES), st.integers(min_value=10, max_value=10**6))
def test_every_stage_reads_a_qualifier_the_same_way(phrase: str, value: int) -> None:
    printed = parse_printed(f"{phrase} {value:,}")
    q = printed.qualifier
    assert q == QUALIFIERS[phrase] and q in CANONICAL
    side = direction(q)
    assert kind_of(q) == side  # the charts' marker
    x = Decimal(value)
    # inside every band; for an open bound ("more than"), within the step the writer rounded to, where the scan
    # also asks whether the writer would have printed a higher bound (a matching question, not a rule of truth)
    step = Decimal(str(printed.step))
    nudge = x * TOLERANCE / 4 if CANONICAL[q].band is not None else step / 4
    # "almost X" also holds for a value that rounds to X, and so does its mirror "just over X": on the side past X,
    # step beyond the rounding to test the bound itself
    above = x + (max(nudge, step * 3 / 4) if q == "almost" else nudge)
    below = x - (max(nudge, step * 3 / 4) if q == "just over" else nudge)
    holds_above = judge(above, printed)[0] in BORNE_OUT
    holds_below = judge(below, printed)[0] in BORNE_OUT
    # the verdicts: a lower bound holds above, an upper bound below, an approximation both sides
    assert holds_above == (side in ("lower", "about"))
    assert holds_below == (side in ("upper", "about"))
    # the scan: a record value is consistent with the printed words exactly when the verdict would hold
    assert _within(q, float(x), printed.step, float(above)) == holds_above
    assert _within(q, float(x), printed.step, float(below)) == holds_below


@given(st.sampled_from([p for p in PHRASES if CANONICAL[QUALIFIERS[p]].band is not None]),
       st.integers(min_value=100, max_value=10**6))
def test_the_band_is_the_same_tolerance_everywhere(phrase: str, value: int) -> None:
    """Just beyond the band ("about", "almost", "just over"), the verdict and the scan both say no."""
    printed = parse_printed(f"{phrase} {value:,}")
    x = Decimal(value)
    outside = x + x * TOLERANCE * 2 if direction(printed.qualifier) != "upper" else x - x * TOLERANCE * 2
    assert judge(outside, printed)[0] not in BORNE_OUT
    assert not _within(printed.qualifier, float(x), printed.step, float(outside))


@given(st.sampled_from(PHRASES), st.integers(min_value=10, max_value=10**6))
def test_the_tables_prefer_the_exact_printing_of_a_figure(phrase: str, value: int) -> None:
    """A copy printed exactly is chosen over the same figure printed with words ("more than", "about")."""
    exact = {"figure_id": "b/x", "value_as_printed": f"{value:,}", "primary": False, "outlet": "mirror"}
    worded = {"figure_id": "a/x", "value_as_printed": f"{phrase} {value:,}", "primary": False,
              "outlet": "national"}
    assert choose_copy([worded, exact])[0] is exact


FORMS = ("{q} {v:,}", "{q} {v:,.1f} per cent", "{q} £{v:,.2f}m", "{q} {v:,.1f}", "{q} {v:,} per 1,000 children")


@given(st.sampled_from(["", *PHRASES]), st.sampled_from(FORMS), st.integers(min_value=1, max_value=10**5),
       st.floats(min_value=0.5, max_value=1.5))
def test_the_verdict_alone_is_the_verdict_with_its_working(phrase: str, form: str, value: int, ratio: float) -> None:
    """`verdict` (what the scan asks for every figure printed alike) and `judge` (the report's verdict with its
    working) are one rule: for every qualifier and form, a value on either side of the printed one gets the same
    verdict from both, including exactly at the band's edges and at the printed value."""
    printed = parse_printed(form.format(q=phrase, v=value / 10 if "." in form else value).strip())
    x = Decimal(repr(printed.value))
    for computed in (x * Decimal(repr(ratio)), x, x * (1 - TOLERANCE), x * (1 + TOLERANCE), x + Decimal("0.05")):
        assert verdict(computed, printed) == judge(computed, printed)[0], (printed.text, computed)


def test_the_rules_page_lists_every_qualifier_under_its_meaning() -> None:
    """docs/factcheck.md (the fact-check rules page) restates the qualifier table for readers; a phrase the code reads
    that the page leaves out, or files under another meaning, is a rule the reader cannot see."""
    listed: dict[str, str] = {}
    for line in (PROJECT_ROOT / "docs" / "factcheck.md").read_text(encoding="utf-8").splitlines():
        row = re.match(rf"\| (.+?) X \| ({'|'.join(CANONICAL)}) \|", line)
        if row:
            listed.update((phrase.strip(), row.group(2)) for phrase in row.group(1).split(" / "))
    assert {phrase: listed.get(phrase) for phrase in QUALIFIERS} == QUALIFIERS


#: A Python format spec that prints a number as a percentage ("{share:.1%}", "{:+.1%}".format): it rounds a binary
#: float half to even, where every output rounds half away from zero from the unrounded value (`fmt_percent`).
_PERCENT_FORMAT = re.compile(r"\{[^{}]*:[-+ ]?[0-9]*(?:\.[0-9]+)?%\}")


def test_every_percentage_is_rounded_by_the_one_rule() -> None:
    """A notebook that printed its shares with Python's `:.1%` would show 1 of 16 as 6.2% where the chart, the
    workbook and the fact-check show 6.3%: each output keeping its own rounding is how they come to disagree."""
    assert _PERCENT_FORMAT.search('f"{1 / 16:.1%}"') and f"{1 / 16:.1%}" == "6.2%"  # the rule this test guards
    assert fmt_share(1 / 16) == fmt_percent(Decimal("6.25")) == "6.3%"
    sources = [*(PROJECT_ROOT / "notebooks").glob("*.py"), *(PROJECT_ROOT / "analysis").rglob("*.py")]
    found = [f"{path.relative_to(PROJECT_ROOT)}:{n}: {line.strip()}" for path in sources
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if _PERCENT_FORMAT.search(line)]
    assert not found, "round percentages with analysis.record.vocabulary.fmt_percent or fmt_share:\n" + "\n".join(found)


def test_the_data_dictionary_names_every_qualifier_a_figure_can_have() -> None:
    """figures.csv's `qualifier` column is described in datapackage.json from the one vocabulary: it names each
    canonical qualifier and the marker's "unavailable", and every qualifier the committed table holds is among them.
    The description was typed out by hand, beside the list it restated."""
    described = next(f.description for f in FIGURES if f.name == "qualifier")
    named = set(re.split(r", (?:or )?", described.rstrip(".")))
    assert named == {*CANONICAL, UNAVAILABLE}
    with (PROJECT_ROOT / "data" / "processed" / "figures.csv").open(encoding="utf-8") as rows:
        assert {row["qualifier"] for row in csv.DictReader(rows)} <= named


@given(st.sampled_from(PHRASES))
def test_a_bound_or_approximation_makes_what_is_worked_from_it_approximate(phrase: str) -> None:
    """`verify` and the fact-check each decide whether a result worked from a figure must be called approximate;
    both ask `is_approximate`, which follows the parser: every qualifier word makes it so, and neither a bare
    number nor a marker for a withheld value ("[c]", which has no value to work from) does."""
    assert is_approximate(parse_printed(f"{phrase} 1,200").qualifier)
    assert not is_approximate(parse_printed("1,200").qualifier)
    assert not is_approximate(parse_printed("[c]").qualifier)
