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
        first = meaning.split(":")[0].replace("confidential", "suppressed")
        assert marker in said and said[marker], marker
        assert any(w in said[marker][:60] for w in (first, first.split()[-1])), (marker, said[marker][:60])
    assert "draws nothing" in CHART_MARKERS["[x]"] and "sheet `[x]` means only that the record holds no figure" \
        in readme and "chart draws nothing" in readme
    # the chart CSVs' blank is the chart sheets' [x]: no figure in the record (README said "no figure was published")
    assert "a blank cell where the record holds no figure (draw nothing there, not zero" in readme


def _readme_rule_table() -> dict[str, str]:
    """The README's "printed | holds when" table, each row keyed as `wording.HOLDS_WHEN` names its printed form."""
    from analysis.paths import PROJECT_ROOT

    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split("## For fact-checkers: how a claim")[1]
    rows: dict[str, str] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("printed", "---"):
            continue
        first = cells[0].strip('"').split('"')[0].split(" / ")[0].split(" (")[0]
        key = ("a plain number" if first.startswith("a plain number") else
               "a fraction or multiple in words" if first == "half" else f"{first.removesuffix(' X')} X")
        rows[key] = cells[1]
    return rows


def test_the_readme_and_the_workbook_state_the_wording_rules_in_the_rule_books_words() -> None:
    """The workbook's note said "'almost X' when it is below X by no more than 5% of X", where the rule book also
    lets "almost 90%" hold for 90.3, and the README's "fewer than" row had no "at most". Both now say the rule in
    `wording.HOLDS_WHEN`'s words; the README's table must keep to them."""
    from analysis.factcheck.wording import HOLDS_WHEN
    from analysis.publish.workbook_columns import NOTES

    assert _readme_rule_table() == HOLDS_WHEN
    note = NOTES["claims"].lower()
    for form, rule in HOLDS_WHEN.items():
        assert any(f"{said}: {rule}".replace('"', "'").lower() in note for said in (form, f"'{form}'")), form


def test_the_stated_wording_rules_are_the_ones_the_verdicts_apply() -> None:
    """Each row of `HOLDS_WHEN`, worked through `verdict` at and either side of its edges (X = 90 per cent, or
    90 printed with no decimals; the band is `TOLERANCE`)."""
    from analysis.factcheck.wording import BORNE_OUT, HOLDS_WHEN, verdict
    from analysis.record.vocabulary import TOLERANCE

    assert all("5%" not in rule or TOLERANCE == Decimal("0.05") for rule in HOLDS_WHEN.values())

    def holds(stated: str, computed: str) -> bool:
        return verdict(Decimal(computed), parse_printed(stated)) in BORNE_OUT

    # a plain number: rounded half away from zero at the printed decimals (18.45 → 18.5, 18.55 → 18.6)
    assert verdict(Decimal("18.45"), parse_printed("18.5%")) == "accurate"
    assert verdict(Decimal("18.55"), parse_printed("18.6%")) == "accurate"
    assert verdict(Decimal("18.549"), parse_printed("18.6%")) != "accurate"
    # more than / at least; fewer than / at most
    assert holds("more than 90%", "90.01") and not holds("more than 90%", "90")
    assert holds("at least 90%", "90") and not holds("at least 90%", "89.99")
    assert holds("fewer than 90%", "89.99") and not holds("fewer than 90%", "90")
    assert holds("at most 90%", "90") and holds("up to 90%", "90") and not holds("at most 90%", "90.01")
    # almost: X − 5% of X ≤ c < X, or rounds to X and within 5%
    assert holds("almost 90%", "85.5") and not holds("almost 90%", "85.49") and holds("almost 90%", "89.99")
    assert holds("almost 90%", "90.3") and not holds("almost 90%", "90.5")
    assert holds("almost 3%", "3.1") and not holds("almost 3%", "3.2")  # rounds to 3, but beyond 5% of it
    # just over: X < c ≤ X + 5% of X, or rounds to X and within 5%
    assert holds("just over 90%", "94.5") and not holds("just over 90%", "94.51") and holds("just over 90%", "89.6")
    assert not holds("just over 90%", "89.4")
    # about: within 5% either side
    assert holds("about 90%", "85.5") and holds("about 90%", "94.5")
    assert not holds("about 90%", "85.49") and not holds("about 90%", "94.51")
    # words: "about", unless a qualifier is printed
    assert holds("three-quarters", "78.75") and holds("three-quarters", "71.25") and not holds("three-quarters", "79")
    assert not holds("almost three-quarters", "75.5") and holds("almost three-quarters", "71.25")


def test_accurate_within_rounding_is_described_as_the_rule_gives_it() -> None:
    """The verdict's meaning (methods page, report, workbook, gallery) said "its last digit was cut rather than
    rounded, or it rests on figures that were themselves rounded", and the README and notebook 05 the same in
    brief; the rule also gives it to a last digit rounded the other way and to a claim on a figure printed as a
    bound. Each case, worked, and each place that says it in brief, in the same words."""
    from analysis.factcheck import rules
    from analysis.factcheck.ranged import input_range
    from analysis.factcheck.wording import MEANING, WITHIN_ROUNDING, WITHIN_ROUNDING_IN_BRIEF, verdict
    from analysis.paths import PROJECT_ROOT

    assert verdict(Decimal("18.41"), parse_printed("18.5%")) == WITHIN_ROUNDING  # rounded the other way
    assert verdict(Decimal("18.59"), parse_printed("18.5%")) == WITHIN_ROUNDING  # cut
    bound = parse_printed("more than 1,200")
    lo, hi = input_range(bound, Decimal(1200))  # type: ignore[misc]
    result = rules.count(Decimal(1200), parse_printed("1,300"))
    assert result.verdict == "inaccurate" and lo > 1200  # at the printed value; across the bound it is borne out
    from analysis.factcheck.ranged import judged_on_ranges
    ranged = judged_on_ranges(lambda v: rules.count(v["figure"], parse_printed("1,300")), {"figure": Decimal(1200)},
                              {"figure": (lo, hi)}, parse_printed("1,300"), result)
    assert ranged.verdict == WITHIN_ROUNDING
    meaning = MEANING[WITHIN_ROUNDING]
    assert "rounded the other way" in meaning and "as a bound" in meaning and "approximate" in meaning
    for path in ("README.md", "notebooks/05_factcheck.py"):
        text = " ".join((PROJECT_ROOT / path).read_text(encoding="utf-8").replace("\n# ", "\n").split())
        assert f"*accurate within rounding** ({WITHIN_ROUNDING_IN_BRIEF})" in text \
            or f"*accurate within rounding* ({WITHIN_ROUNDING_IN_BRIEF})" in text, path


def test_the_methods_page_says_almost_and_just_over_also_hold_when_the_value_rounds_to_the_number() -> None:
    """The readers' methods page said only that "almost" and "just over" allow 5 per cent on their own side, so a
    reader finding "almost 90 per cent" accurate for 90.3 would see a verdict the page rules out."""
    from analysis.factcheck.report import render_methods
    from analysis.factcheck.wording import ACCURATE, verdict

    page = " ".join(render_methods().split())
    assert "also hold for a value that rounds to the number as printed (“almost 90 per cent” for 90.3)" in page
    assert verdict(Decimal("90.3"), parse_printed("almost 90 per cent")) == ACCURATE
    assert verdict(Decimal("89.6"), parse_printed("just over 90 per cent")) == ACCURATE


def test_the_rules_page_says_how_verify_reads_an_input_printed_as_a_bound() -> None:
    """docs/factcheck.md said `verify` uses "more than 1,200" as 1,200 with a note; it judges it across every value
    above 1,200, as the registry does, which turns a verdict (1,300: inaccurate at 1,200, within rounding across)."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    docs = " ".join((PROJECT_ROOT / "docs" / "factcheck.md").read_text(encoding="utf-8").split())
    assert "is used as 1,200 with a note" not in docs
    assert ('`verify count --value "more than 1,200" --stated "1,300"` is *accurate within rounding* (exit 4)'
            in docs)
    done = subprocess.run([sys.executable, "-m", "analysis", "verify", "count", "--value", "more than 1,200",
                           "--stated", "1,300"], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert done.returncode == 4 and "verdict: accurate within rounding" in done.stdout
    assert "printed values" in done.stdout and "inaccurate at the printed values" in done.stdout


def test_the_london_share_column_rounds_half_away_from_zero(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """vocabulary.fmt_percent: every output rounds a share once, half away from zero. The London chart's data
    column used Python's round(), which rounds a binary tie to even: a share of exactly 13.125% was 13.12 in the
    CSV and the workbook, where the rule (and the chart's own card, by fmt_percent) gives 13.13."""
    import analysis
    from analysis.publish.charts import london_population_share as chart
    from analysis.publish.computed_percent import ComputedPercent

    tie = ComputedPercent(Decimal("13.125"), Decimal("13.125"), Decimal("13.125"), "13.1%", signed=False)
    monkeypatch.setattr(chart, "computed_share", lambda part, whole: tie)
    table = chart.london_share_table(analysis.load("population"), analysis.load("figures"))
    assert not table.empty and set(table[chart.SHARE_COLUMN]) == {13.13}


def test_the_licences_the_outputs_state_are_the_ones_the_project_carries() -> None:
    """README, the gallery and the workbook's cover (`paths.REUSE`) and pyproject say the code is under the MIT
    licence, which asks that its text go with every copy, but the repository held no licence text; and the data
    package's licence must be the CC BY 4.0 that REUSE gives the tables."""
    import json
    import tomllib

    from analysis.paths import PROJECT_ROOT, REUSE

    licence = (PROJECT_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Permission is hereby granted, free of charge" in licence
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and "MIT licence" in REUSE
    assert "code is MIT-licensed" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    package = json.loads((PROJECT_ROOT / "data" / "processed" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and "CC BY 4.0" in REUSE


def test_the_data_dictionary_describes_claims_and_qualifiers_as_the_code_writes_them() -> None:
    """datapackage.json (and Datasette, which shows its words) said `computed` is "the recomputed value to two
    decimals", but a count is written whole with thousands commas ("1,273", "15,600,000"), as docs/factcheck.md
    says. The lists of verdicts and qualifiers are typed in `record.schema` (which may not import the fact-check):
    they must name the rule book's, in its order."""
    import csv
    import re

    from analysis.factcheck.wording import VERDICTS
    from analysis.paths import PROJECT_ROOT
    from analysis.record.schema import CLAIM_DESCRIPTIONS, FIGURES
    from analysis.record.vocabulary import CANONICAL

    with (PROJECT_ROOT / "data" / "processed" / "claims.csv").open(encoding="utf-8") as f:
        computed = [row["computed"] for row in csv.DictReader(f) if row["computed"]]
    assert any("," in c for c in computed) and all(re.fullmatch(r"\d{1,3}(,\d{3})*|-?\d+\.\d\d", c) for c in computed)
    said = CLAIM_DESCRIPTIONS["computed"]
    assert "thousands commas (1,273)" in said and "two decimals" in said
    assert CLAIM_DESCRIPTIONS["verdict"].startswith(", ".join(VERDICTS[:-1]) + ", or " + VERDICTS[-1])
    qualifier = next(f.description for f in FIGURES if f.name == "qualifier")
    assert qualifier.endswith(", or unavailable.")
    assert set(qualifier.removesuffix(", or unavailable.").split(", ")) == set(CANONICAL)


def test_the_readme_gives_verify_s_exit_status_for_a_claim_that_cannot_be_judged_as_stated() -> None:
    """The README said `verify` exits 2 "when an input cannot be read"; it also exits 2 for a claim that cannot be
    judged as stated (docs/factcheck.md: a usage error, never "inaccurate"), so a script reading the README took a
    share stated over 100 per cent for unreadable input."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    readme = " ".join((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "2 when an input cannot be read or the claim cannot be judged as stated" in readme
    for args in (["--part", "50", "--whole", "40", "--stated", "125%"], ["--part", "50", "--whole", "40",
                                                                         "--stated", "50%"]):
        done = subprocess.run([sys.executable, "-m", "analysis", "verify", "share", *args], capture_output=True,
                              text=True, cwd=PROJECT_ROOT, check=False)
        assert done.returncode == 2 and "verify share:" in done.stderr and not done.stdout, done.stderr


def test_the_notebooks_tables_round_half_away_from_zero() -> None:
    """`display.cell_text` (every table a notebook shows) printed a float with ":.2f", which rounds a binary tie to
    even: 1 of 32 (3.125%) showed 3.12 where the rule every output follows (`fmt_percent`) gives 3.13."""
    from analysis.publish.display import cell_text
    from analysis.record.vocabulary import fmt_share

    assert cell_text(100 / 32) == "3.13" == fmt_share(1 / 32, 2).rstrip("%")
    assert cell_text(2.675) == "2.68" and cell_text(0.125) == "0.13" and cell_text(74.33155) == "74.33"
    assert cell_text(1.5) == "1.5" and cell_text(0.001) == "0"


def test_a_chart_s_data_in_a_notebook_says_no_figure_where_the_workbook_says_x() -> None:
    """The notebooks showed every blank of a chart's data as "not published": London's share as MyLondon printed it
    read "not published" under its year, its qualifier and its range across rounding, which the story printed none
    of and the project did not compute. The blank means what the workbook's chart sheets say with [x]: the record
    holds no figure there."""
    from types import SimpleNamespace

    import pandas as pd

    from analysis.publish.display import NO_FIGURE, chart_table

    data = pd.DataFrame({"Year": [2023.0, None], "Share (%)": [13.11, 13.0], "Share (%) qualifier": ["about", None],
                         "Range": ["13.10% to 13.12%", None]})
    html = chart_table(SimpleNamespace(data=data)).data
    assert "not published" not in html and html.count(f">{NO_FIGURE}<") == 1
    assert html.count('<td class="short"></td>') == 2
