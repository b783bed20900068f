"""The public API (`import analysis`): lazy, typed, and its docstring examples run.

The expected values below were read from the sources, not from the code: the 2024 HMICFRS inspection examined
244 cases (Tortoise Media's report: "of the 244 cases examined more than half (121) were graded as inadequate"),
and the Met's mid-November 2025 figure of cases still in scope is 1,200 (GB News: "just 1,200 remained in scope").
"""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys

import pytest

import analysis
from analysis.paths import PROJECT_ROOT

API_MODULES = ["analysis", "analysis.tables.load", "analysis.tables.lookup", "analysis.factcheck.check_one"]


@pytest.mark.parametrize("name", API_MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no examples"


def test_import_and_listing_tables_load_no_pandas() -> None:
    """`import analysis` and `analysis.table_names()` stay light: the CLI's fast commands import the package too."""
    code = ("import sys, json, analysis; names = analysis.table_names(); "
            "print(json.dumps([sorted(names), 'pandas' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    names, pandas_loaded = json.loads(out.stdout)
    assert not pandas_loaded
    assert {"figures", "sources", "gaps", "claims", "inspection_grades"} <= set(names)


def test_public_names() -> None:
    assert {"load", "table_names", "figure", "search", "verify"} <= set(dir(analysis))
    with pytest.raises(AttributeError):
        analysis.no_such_name  # noqa: B018


def test_tables_are_described_from_the_data_dictionary() -> None:
    described = analysis.table_names()
    package = json.loads((PROJECT_ROOT / "data" / "processed" / "datapackage.json").read_text(encoding="utf-8"))
    assert len(described) == len(package["resources"])
    assert all(text for text in described.values())


def test_load_gives_counts_as_integers_and_dates_as_dates() -> None:
    grades = analysis.load("inspection_grades")
    assert str(grades["cases_examined"].dtype) == "Int64" and str(grades["count"].dtype) == "Int64"
    assert str(grades["published"].dtype).startswith("datetime64")
    assert str(grades["share_computed"].dtype) == "float64"  # 74.33 is a share, not a count
    latest = grades[grades["inspection_id"] == "hmicfrs-2024-exploitation"]
    assert set(latest["cases_examined"]) == {244}
    assert latest["published"].dt.year.eq(2024).all()
    # A blank stays missing, never 0: the 2016 inspection published only the combined grade.
    first = grades[grades["inspection_id"] == "hmic-2016-ncpi"]
    assert first["count"].notna().all() and grades["count"].isna().any()


def test_unknown_table_lists_every_valid_name() -> None:
    with pytest.raises(KeyError) as err:
        analysis.load("grades")
    message = str(err.value)
    assert all(name in message for name in analysis.table_names()), message


def test_figure_has_every_field_and_what_cites_it() -> None:
    f = analysis.figure("gbnews-2025-11-13/met-cases-in-scope")
    assert f["value_as_printed"] == "1,200" and "1,200 remained in scope" in f["quote"]
    assert f["url"].startswith("https://") and f["geography"] == "London"
    assert any(c.startswith("table historic_reviews") for c in f["cited_by"])


def test_verify_mirrors_the_command() -> None:
    """The Evening Standard's "a rise of 18.5 per cent" from 1,737 to 2,060 is 18.595%: cut, not rounded, so the
    CLI says accurate within rounding (exit 4), and so must the API."""
    result = analysis.verify("change", from_="1,737", to="2,060", stated="18.5 per cent")
    cli = subprocess.run([sys.executable, "-m", "analysis", "verify", "--json", "change", "--from", "1,737",
                          "--to", "2,060", "--stated", "18.5 per cent"], capture_output=True, text=True,
                         cwd=PROJECT_ROOT)
    assert cli.returncode == 4
    from analysis.factcheck.verify import as_json

    assert json.loads(cli.stdout) == json.loads(json.dumps(as_json(result), ensure_ascii=False, sort_keys=True))
    assert result.verdict == "accurate within rounding"
    with pytest.raises(ValueError, match="--whole"):
        analysis.verify("share", part=278, stated="three quarters")
