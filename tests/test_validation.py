"""Each validation rule, one corruption at a time, on a minimal project: the message names file, row and problem."""

from __future__ import annotations

import pytest

from analysis.record.figures import COLUMNS, load_all_figures
from analysis.record.problems import Problems
from analysis.record.sources import load_sources
from tests.conftest import GOOD_ROW, SOURCES_YAML, write_figures

FILE = "data/raw/figures/demo-2017.csv"


def problems_for(paths) -> list[str]:
    problems = Problems()
    sources = load_sources(paths, problems)
    load_all_figures(paths, set(sources), problems)
    return [str(p) for p in problems.items]


def test_minimal_project_is_valid(mini):
    assert problems_for(mini) == []


ROW_CASES = [
    ({"quote": "In 2016 there were 1,528 referrals."}, f'{FILE}:2: quote does not contain "1,582"'),
    ({"value_as_printed": "1,5B2", "quote": "there were 1,5B2 referrals"}, f"{FILE}:2: cannot read '1,5B2'"),
    ({"value_as_printed": "-4", "quote": "a change of -4"}, f"{FILE}:2: value '-4' is negative"),
    ({"figure_id": "other/referrals"}, f"{FILE}:2: figure_id 'other/referrals' must start with the source id"),
    ({"measure": "CSE Referrals"}, f"{FILE}:2: measure 'CSE Referrals' must be snake_case"),
    ({"period_start": "2016-02-30"}, f"{FILE}:2: period_start '2016-02-30' is not a real date"),
    ({"period_start": "2017-01-01"}, f"{FILE}:2: period ends (2016-12-31) before it starts (2017-01-01)"),
    ({"value_as_printed": "104%", "unit": "percent", "measure": "share_cases_good", "quote": "104% of cases"},
     f"{FILE}:2: a share above 100 per cent"),
    ({"value_as_printed": "56 per cent", "quote": "a 56 per cent rise"}, "so unit must be 'percent'"),
    ({"unit": "percent"}, "is a count, but unit is 'percent'"),
    ({"location": ""}, f"{FILE}:2: empty location"),
    ({"quote": " ".join(["word"] * 31) + " 1,582"}, "quote has 32 words"),
    ({"quote": "1,582 referrals; contact reporter@example.com"}, "seems to contain an e-mail address"),
    ({"quote": "1,582 referrals, call 07580 255582"}, "seems to contain a phone number"),
]


@pytest.mark.parametrize(("change", "expected"), ROW_CASES)
def test_row_rules(mini, change, expected):
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, **change}])
    found = problems_for(mini)
    assert any(expected in p for p in found), found


def test_every_problem_is_reported_not_only_the_first(mini):
    rows = [{**GOOD_ROW, "quote": "nothing here"}, {**GOOD_ROW, "figure_id": "demo-2017/x", "measure": "Bad"}]
    found = problems_for(mini)
    write_figures(mini.figures_dir / "demo-2017.csv", rows)
    found = problems_for(mini)
    assert any(":2: quote does not contain" in p for p in found)
    assert any(":3: measure 'Bad'" in p for p in found)


def test_duplicate_figure_id_names_both_places(mini):
    write_figures(mini.figures_dir / "demo-2017.csv", [GOOD_ROW, GOOD_ROW])
    assert f"{FILE}:3: duplicate figure id 'demo-2017/referrals-2016' (first at {FILE}:2)" in problems_for(mini)


def test_unknown_source_id(mini):
    write_figures(mini.figures_dir / "nobody-2020.csv", [{**GOOD_ROW, "figure_id": "nobody-2020/x"}])
    assert "data/raw/figures/nobody-2020.csv: unknown source id 'nobody-2020': add it to data/raw/sources.yaml" \
        in problems_for(mini)


def test_missing_and_unknown_columns(mini):
    cols = tuple(c for c in COLUMNS if c != "unit") + ("notes",)
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "notes": "x"}], columns=cols)
    found = problems_for(mini)
    assert f"{FILE}:1: missing column(s): unit" in found
    assert any(p.startswith(f"{FILE}:1: unknown column(s): notes") for p in found)


def test_empty_file(mini):
    (mini.figures_dir / "demo-2017.csv").write_text("")
    assert f"{FILE}: file is empty (it needs at least the header row)" in problems_for(mini)


def test_binary_file(mini):
    (mini.figures_dir / "demo-2017.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    assert f"{FILE}: is a binary file (contains NUL bytes), not text" in problems_for(mini)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_bom_latin1_and_crlf_load_as_the_same_text(mini, encoding):
    row = {**GOOD_ROW, "value_as_printed": "£15.6million", "unit": "GBP", "measure": "funding",
           "quote": "a £15.6million service"}
    write_figures(mini.figures_dir / "demo-2017.csv", [row])
    path = mini.figures_dir / "demo-2017.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(text.encode(encoding))
    problems = Problems()
    records = load_all_figures(mini, {"demo-2017"}, problems)
    assert not problems, problems.items
    assert records[0]["value"] == 15_600_000
    assert records[0]["quote"] == "a £15.6million service"


SOURCE_CASES = [
    ("date_published: 2017-03-13", "date_published: 2017-13-45", "id=demo-2017: date_published '2017-13-45'"),
    ("kind: press release", "kind: tweet", "id=demo-2017: kind 'tweet' is not one of"),
    ("date_published: 2017-03-13", "date_published: 2099-03-13",
     "id=demo-2017: date_published 2099-03-13 is in the future"),
    ("date_accessed: 2026-11-26", "date_accessed: 2017-03-01",
     "id=demo-2017: date_accessed 2017-03-01 is before date_published 2017-03-13"),
    ("outlet: producer", "outlet: blog", "id=demo-2017: outlet 'blog' is not one of"),
    ("outlet: producer", "outlet: mirror",
     "id=demo-2017: a primary source (the publisher's own document) has outlet: producer"),
    ("primary: true", "primary: maybe", "id=demo-2017: primary must be true or false"),
    # ONS's release e-mail (its GovDelivery service) was outlet: producer but primary: false, where the README says
    # a producer's release service is its own document (stop 48)
    ("primary: true", "primary: false", "id=demo-2017: outlet: producer is the publisher's own document"),
    ("url_main: https://news.met.police.uk/demo", "url_main: news.met.police.uk", "url_main 'news.met.police.uk'"),
    ("  producer: Metropolitan Police Service\n", "", "id=demo-2017: missing required field 'producer'"),
    ("  kind: press release\n", "  kind: press release\n  colour: blue\n", "unknown field 'colour'"),
    ("- id: demo-2017", "- id: demo-2017\n  file: files/nope.xlsx\n  sha256: abc",
     "stored file data/raw/files/nope.xlsx is missing"),
    ("- id: demo-2017\n", "- id: demo-2017\n  - broken: [\n", "data/raw/sources.yaml:line"),
]


@pytest.mark.parametrize(("old", "new", "expected"), SOURCE_CASES)
def test_source_rules(mini, old, new, expected):
    assert old in SOURCES_YAML
    mini.sources_yaml.write_text(SOURCES_YAML.replace(old, new, 1))
    found = problems_for(mini)
    assert any(expected in p for p in found), found


def test_stored_file_sha256_mismatch_says_what_to_do(mini):
    (mini.raw / "files").mkdir()
    (mini.raw / "files" / "table.csv").write_text("a,b\n1,2\n")
    mini.sources_yaml.write_text(SOURCES_YAML + "  file: files/table.csv\n  sha256: " + "0" * 64 + "\n")
    found = problems_for(mini)
    assert any("sha256 mismatch for data/raw/files/table.csv" in p and "record the new sha256" in p for p in found)


def test_duplicate_source_id(mini):
    mini.sources_yaml.write_text(SOURCES_YAML + SOURCES_YAML)
    assert "data/raw/sources.yaml:id=demo-2017: duplicate source id 'demo-2017'" in problems_for(mini)
