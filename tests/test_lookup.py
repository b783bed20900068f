"""`python -m analysis show ID` and `python -m analysis search TEXT`, and the look-ups behind them.

The two 1,200s were read in their sources: MyLondon (October 2025) prints "more than 1,200" historic group-based
cases identified across the country for review; GB News (13 November 2025) reports that of the Met's cases
given a further review "just 1,200 remained in scope". Different counts, which a search must keep apart.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.paths import PROJECT_ROOT
from analysis.tables import lookup

NATIONAL = "mylondon-2025-10-grooming-gangs/historic-cases-identified-for-review"
MET = "gbnews-2025-11-13/met-cases-in-scope"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "analysis", *args], capture_output=True,
                          text=True, cwd="/", timeout=60)


def test_search_1200_lists_the_national_and_the_met_counts_apart() -> None:
    groups = {(g["measure"], g["geography"]): g for g in lookup.meanings(lookup.search("1,200"))}
    national = groups[("historic_cases_identified_for_review", "England and Wales")]
    met = groups[("met_historic_cases_in_scope", "London")]
    assert NATIONAL in national["figure_ids"] and "more than 1,200" in national["printed"]
    assert met["figure_ids"] == [MET] and met["printed"] == ["1,200"]
    assert national["definition"] != met["definition"]


def test_search_matches_a_number_whatever_its_wording_and_ranks_value_matches_first() -> None:
    results = lookup.search("1,200")
    value_matches = [r for r in results if r["value_match"]]
    assert results[:len(value_matches)] == value_matches  # every figure of value 1,200 before any word match
    printed = {r["value_as_printed"] for r in value_matches}
    assert {"1,200", "more than 1,200", "more than 1200"} <= {p.lower() for p in printed}


def test_search_words_must_all_match() -> None:
    results = lookup.search("children at risk", kinds=("figure",))
    assert results and all("children" in (r["summary"] + r["measure"]).lower() for r in results[:5])
    assert lookup.search("zzzz-no-such-words") == []


def test_search_command_prints_both_definitions_and_json() -> None:
    done = cli("search", "1,200")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "different things" in text and NATIONAL in text and MET in text
    assert lookup.figure(MET)["subject"] in text and lookup.figure(NATIONAL)["subject"][:60] in text
    as_json = json.loads(cli("search", "1,200", "--json").stdout)
    assert {g["measure"] for g in as_json["meanings"]} >= {"historic_cases_identified_for_review",
                                                           "met_historic_cases_in_scope"}
    assert as_json["results"][0]["value_match"]


@pytest.mark.parametrize(("item_id", "kind", "must_show"), [
    (MET, "figure", ["quote:", "url:", "https://www.gbnews.com/", "Cited by", "table historic_reviews"]),
    ("gbnews-2025-11-13", "source", ["url_main:", "citation:", f"figure {MET}"]),
    ("context-cse-at-risk-counts-sept-2024", "gap", ["wanted:", "holder:",
                                                     "claim mylondon-2025-10-grooming-gangs/claim-children-at"]),
    ("claim-aol-2016-three-quarters", "claim", ["working:", "verdict:", "Uses:",
                                                 "figure aol-2016-11-24-hmic-ncpi-mps/cases-examined: 374"]),
])
def test_show_every_kind(item_id: str, kind: str, must_show: list[str]) -> None:
    done = cli("show", item_id)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{kind} {item_id}")
    for text in must_show:
        assert text in done.stdout, text
    record = lookup.show(item_id)
    for field in record.fields:  # every field is printed
        assert f"\n{field}:" in done.stdout
    as_json = json.loads(cli("show", item_id, "--json").stdout)
    assert as_json["kind"] == kind and as_json["fields"] == json.loads(json.dumps(record.fields))


def test_show_unknown_id_says_so() -> None:
    done = cli("show", "no-such-thing")
    assert done.returncode == 1 and "no figure, source, gap or claim id" in done.stderr


def test_show_and_search_import_no_pandas() -> None:
    for args in (("show", MET), ("search", "1,200")):
        done = cli(*args)
        imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
        assert not imported & {"pandas", "numpy", "matplotlib"}, args


def test_commands_are_registered() -> None:
    from analysis.cli import COMMANDS

    assert COMMANDS["show"][0] == COMMANDS["search"][0] == "analysis.tables.lookup_cli"
    assert (PROJECT_ROOT / "analysis" / "tables" / "lookup_cli.py").exists()


def test_every_example_id_in_help_and_docs_exists() -> None:
    """The ids a newcomer is told to try (`show --help`, `help(analysis)`, data/README.md) are real figures."""
    import re

    import analysis
    from analysis.paths import PROJECT_ROOT

    texts = [(PROJECT_ROOT / "analysis" / "tables" / "lookup_cli.py").read_text(encoding="utf-8"),
             analysis.__doc__ or "", (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")]
    example = re.compile(r"e\.g\. `?([a-z0-9-]+/[a-z0-9-]+)`?|figure\(\"([a-z0-9-]+/[a-z0-9-]+)\"\)")
    ids = {g for text in texts for groups in example.findall(text) for g in groups if g}
    assert ids, "no example ids found"
    for fid in ids:
        assert analysis.figure(fid)["figure_id"] == fid


def test_a_per_cent_figure_is_one_search_however_the_sign_is_printed() -> None:
    import analysis

    found = {form: [r["id"] for r in analysis.search(form)] for form in ("56%", "56 per cent", "56 percent", "56pc")}
    assert found["56%"], "the 56 per cent rise is in the record"
    assert all(ids == found["56%"] for ids in found.values()), found
