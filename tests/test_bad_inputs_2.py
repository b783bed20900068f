"""Bad inputs, round two (issue 18): what an attacker or a careless contributor can put in `data/raw/`.

Same method as tests/test_bad_inputs.py (whose fixtures this reuses): a copy of the real raw data with processed
tables built, one corruption, then the build must refuse it with `file:row: problem` and leave `data/processed/`
byte for byte as it was. Classes: formula and control characters and over-long fields (text hygiene), ids and URLs
that could inject Markdown, files that are not regular files or sit outside the repository, misnamed and
header-only figures files, YAML anchors, UTF-16, and personal data in every field of every raw file.
"""

# ruff: noqa: F811 — the shared fixtures `project` and `baseline` are imported, then requested by name
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from analysis.paths import Paths
from tests.test_bad_inputs import (  # noqa: F401 — fixtures
    assert_reported,
    baseline,
    dump_yaml,
    first_row,
    is_exact_count,
    load_yaml,
    problems_after_build,
    project,
    read_csv,
    rows_where,
    run_cli,
    snapshot,
    the_record_lacks,
    write_csv,
)

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

# --- text hygiene: formula prefixes, control characters, length -------------------------------------------------


def _yaml_field(file: str, field: str, value: str):
    """Plant `value` in `field` of the n-th record of `file` (n = 0 unless the record is shared, below)."""
    def corrupt(p: Paths, n: int = 0):
        path = p.raw / file
        data = load_yaml(path)
        data[n][field] = value
        dump_yaml(path, data)
        return p.rel(path), f"id={data[n]['id']}", field
    corrupt.target = file  # type: ignore[attr-defined]
    return corrupt


def _figures_field(field: str, value: str):
    """Plant `value` in `field` of the n-th exact-count figures row."""
    def corrupt(p: Paths, n: int = 0):
        rows = rows_where(p, is_exact_count)
        if len(rows) <= n:
            pytest.fail(the_record_lacks + f"fewer than {n + 1} exact-count rows")
        rows[n].set(**{field: value})
        return rows[n].rel(p), rows[n].line, field
    corrupt.target = "figures"  # type: ignore[attr-defined]
    return corrupt


def _refusals(baseline: Path, folder: Path, plants: list[tuple[str, Any, str]]) -> dict[str, tuple[list[str], Any]]:
    """Every plant in its own row or record of one copy of the record, then one build: each plant's problem line must
    be among those the build refuses with. One build instead of one per plant (each is a full validation) keeps this
    file's cost flat as plants are added; a plant that masked another would show as that one's missing line."""
    root = folder / "project"
    shutil.copytree(baseline / "data", root / "data")
    paths = Paths(root)
    used: dict[str, int] = {}
    placed = {}
    for name, corrupt, words in plants:
        n = used.get(corrupt.target, 0)
        used[corrupt.target] = n + 1
        placed[name] = (corrupt(paths, n), words)
    lines = problems_after_build(paths)
    return {name: (lines, where_words) for name, where_words in placed.items()}


FORMULAS = [
    ("figures subject", _figures_field("subject", '=HYPERLINK("http://example.com","x")'), "begins with '='"),
    ("figures location", _figures_field("location", "+1+1"), "begins with '+'"),
    ("figures subject after a space", _figures_field("subject", "  =1+1"), "begins with '='"),
    ("figures geography", _figures_field("geography", "-2+3+cmd|' /C calc'!A0"), "begins with '-'"),
    ("figures caveat", _figures_field("caveat", "@SUM(A1:A9)"), "begins with '@'"),
    ("figures quote tab", _figures_field("caveat", "\t=1+1"), "contains a tab"),
    ("sources title", _yaml_field("sources.yaml", "title", "=1+1"), "begins with '='"),
    ("sources citation", _yaml_field("sources.yaml", "citation", "@cmd"), "begins with '@'"),
    ("gaps holder", _yaml_field("gaps.yaml", "holder", "=cmd|' /C calc'!A0"), "begins with '='"),
    ("claims claimant", _yaml_field("claims.yaml", "claimant", "+Someone"), "begins with '+'"),
    ("inspections label", _yaml_field("inspections.yaml", "label", "=1"), "begins with '='"),
    ("figures vertical tab", _figures_field("caveat", "a pasted\x0bline break"), "contains a vertical tab"),
    ("gaps bare carriage return", _yaml_field("gaps.yaml", "wanted", "two\rrows"), "contains a carriage return"),
    ("sources escape char", _yaml_field("sources.yaml", "notes", "an \x1b[31m escape"),
     "contains the control character U+001B"),
    ("figures 5,000-character caveat", _figures_field("caveat", "x" * 5000), "is 5,000 characters long"),
    ("sources 200 KiB notes", _yaml_field("sources.yaml", "notes", "y" * 200_000),
     "is 200,000 characters long; the limit is 4,000"),
]


@pytest.fixture(scope="module")
def refused_text(baseline: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], Any]]:
    return _refusals(baseline, tmp_path_factory.mktemp("text"), FORMULAS)


@pytest.mark.parametrize("name", [c[0] for c in FORMULAS])
def test_text_that_breaks_a_later_step_is_refused_at_the_door(refused_text, name):
    lines, ((file, where, field), words) = refused_text[name]
    assert_reported(lines, file, where, f"{field} {words}")


def test_a_field_over_the_csv_modules_limit_is_one_clear_problem(project: Paths):
    """Over 128 KiB a figures cell used to pass `build` and crash `check` and `workbook`."""
    row = first_row(project, is_exact_count)
    row.set(caveat="z" * 140_000)
    assert_reported(problems_after_build(project), row.rel(project), row.line, "over the csv module's limit",
                    "4,000 characters")


def test_a_minus_sign_in_a_numeric_field_is_a_sign_not_a_formula():
    from analysis.record.hygiene import check_text_fields
    from analysis.record.problems import Problems

    problems = Problems()
    check_text_fields({"stated": "-5%", "text": "fell by 5%"}, ["stated", "text"], "f", 1, problems,
                      numeric=("stated",))
    assert not problems


# --- ids and URLs: one strict pattern, parsed addresses --------------------------------------------------------

BAD_URLS = [
    "https://example.org/a>)[click here](https://attacker.example)",
    "https://example.org/`<img src=x onerror=alert(1)>`",
    "javascript:alert(1)",
    "https://user:secret@example.org/page",
    "http:///no-host",
    "https://example.org/a page",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_url_is_parsed_not_matched_loosely(project: Paths, url: str):
    data = load_yaml(project.sources_yaml)
    data[0]["url_main"] = url
    dump_yaml(project.sources_yaml, data)
    assert_reported(problems_after_build(project), project.rel(project.sources_yaml), f"id={data[0]['id']}",
                    "url_main")


def test_a_figure_id_with_a_backtick_or_markup_is_refused(project: Paths):
    row = first_row(project, is_exact_count)
    sid = row.path.stem
    row.set(figure_id=f"{sid}/x`<b>y</b>")
    assert_reported(problems_after_build(project), row.rel(project), row.line, "must start with the source id")


@pytest.mark.parametrize("bad", ["gap-", "gap-one\n", "Gap-One", "gap one"])
def test_a_gap_id_follows_the_one_strict_pattern(project: Paths, bad: str):
    data = load_yaml(project.gaps_yaml)
    data[0]["id"] = bad
    dump_yaml(project.gaps_yaml, data)
    assert_reported(problems_after_build(project), project.rel(project.gaps_yaml), "re:.*",
                    "id must be lower-case letters, digits and hyphens")


# --- only regular files, only inside the repository ----------------------------------------------------------


def _figures_entry(p: Paths, make) -> str:
    """Replace the first figures file by what `make(path)` creates; the file's path as reported."""
    path = sorted(p.figures_dir.glob("*.csv"))[0]
    path.unlink()
    make(path)
    return p.rel(path) if not path.is_symlink() else f"data/raw/figures/{path.name}"


def _outside(p: Paths) -> Path:
    secret = p.root.parent / "outside-secret.csv"
    secret.write_text("SECRET-FIRST-LINE,1\n9999,1\n", encoding="utf-8")
    return secret


def _bind_socket(path: Path) -> None:
    """A Unix socket at `path` (bound from its folder: socket paths are limited to about 100 characters)."""
    here = os.getcwd()
    os.chdir(path.parent)
    try:
        socket.socket(socket.AF_UNIX).bind(path.name)
    finally:
        os.chdir(here)


FILE_KINDS = [
    ("a folder named x.csv", lambda p, path: path.mkdir(), "is a folder, not a file"),
    ("a symlink loop", lambda p, path: path.symlink_to(path), "is a symbolic link"),
    ("a dangling symlink", lambda p, path: path.symlink_to(p.root / "nowhere.csv"), "is a symbolic link"),
    ("a symlink to /dev/zero", lambda p, path: path.symlink_to("/dev/zero"), "is a symbolic link"),
    ("a FIFO", lambda p, path: os.mkfifo(path), "is not a regular file"),
    ("a socket", lambda p, path: _bind_socket(path), "is not a regular file"),
    ("a symlink outside the repository", lambda p, path: path.symlink_to(_outside(p)), "is a symbolic link"),
]


@pytest.mark.parametrize(("name", "make", "words"), FILE_KINDS, ids=[k[0] for k in FILE_KINDS])
def test_raw_inputs_must_be_regular_files_inside_the_repository(project: Paths, name, make, words):
    """Run as the command (a FIFO used to hang the build, /dev/zero to exhaust memory): exit 1 within the
    timeout, one `file: problem` line, nothing written, and nothing of a file outside the repository quoted."""
    rel = _figures_entry(project, lambda path: make(project, path))
    before = snapshot(project.processed)
    result = run_cli(project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "SECRET" not in result.stderr + result.stdout
    assert_reported(result.stderr.splitlines(), rel, None, words)
    assert snapshot(project.processed) == before


@pytest.mark.parametrize("file", ["gaps.yaml", "claims.yaml", "inspections.yaml", "sources.yaml"])
@pytest.mark.parametrize("dangling", [False, True], ids=["to a file outside", "dangling"])
def test_a_symlinked_registry_file_is_refused(project: Paths, file: str, dangling: bool):
    """Not read through, and not taken for a missing optional file either (a dangling link used to be ignored)."""
    path = project.raw / file
    real = project.root.parent / f"elsewhere-{file}"
    shutil.move(path, real)
    path.symlink_to(project.root.parent / "nothing-here.yaml" if dangling else real)
    assert_reported(problems_after_build(project), f"data/raw/{file}", None, "is a symbolic link")


@pytest.mark.parametrize("stored", ["../../../../etc/passwd", "/etc/hostname", "files/../../sources.yaml"])
def test_a_stored_file_path_must_stay_inside_data_raw_files(project: Paths, stored: str):
    data = load_yaml(project.sources_yaml)
    data[0] |= {"file": stored, "sha256": "0" * 64}
    dump_yaml(project.sources_yaml, data)
    lines = problems_after_build(project)
    assert_reported(lines, project.rel(project.sources_yaml), f"id={data[0]['id']}", "stored file",
                    "must be a path under files/")
    assert not any("root:" in line for line in lines)


def test_an_upper_case_csv_extension_is_an_error_not_a_silent_drop(project: Paths):
    path = sorted(project.figures_dir.glob("*.csv"))[0]
    upper = path.with_suffix(".CSV")
    path.rename(upper)
    assert_reported(problems_after_build(project), f"data/raw/figures/{upper.name}", None,
                    "must be named <source_id>.csv")


def test_a_stray_file_among_the_figures_is_an_error(project: Paths):
    (project.figures_dir / "notes.txt").write_text("to do\n", encoding="utf-8")
    assert_reported(problems_after_build(project), "data/raw/figures/notes.txt", None, "must be named")


def test_a_header_only_figures_file_is_an_error(project: Paths):
    path = sorted(project.figures_dir.glob("*.csv"))[0]
    header, _ = read_csv(path)
    write_csv(path, header, [])
    assert_reported(problems_after_build(project), project.rel(path), None, "has a header row but no figures")


BOMB = "- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       "- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n- &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" \
       "- &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n- &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" \
       "- &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n- &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"


@pytest.mark.parametrize("file", ["gaps.yaml", "sources.yaml", "claims.yaml", "inspections.yaml"])
def test_yaml_aliases_are_refused_in_every_raw_yaml_file(project: Paths, file: str):
    """A billion-laughs alias bomb used to exhaust memory through gaps.yaml; a harmless alias is refused too."""
    path = project.raw / file
    path.write_text(BOMB, encoding="utf-8")
    result = run_cli(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert_reported(result.stderr.splitlines(), f"data/raw/{file}", "line 1", "uses a YAML anchor or alias")


# --- clear messages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["figures", "sources.yaml"])
def test_utf16_is_named_as_such(project: Paths, target: str):
    path = sorted(project.figures_dir.glob("*.csv"))[0] if target == "figures" else project.sources_yaml
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    lines = problems_after_build(project)
    assert_reported(lines, project.rel(path), None, "is saved as UTF-16; UTF-16 is not accepted: save it as UTF-8")


@pytest.mark.parametrize("file", ["gaps.yaml", "sources.yaml"])
def test_a_yaml_syntax_error_is_reported_alone(project: Paths, file: str):
    """Not followed by a line for every claim or figures file that refers to the unreadable file."""
    path = project.raw / file
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  ") and ": " in line[2:])
    lines[at] = lines[at].split(": ")[0] + ": Review: part two"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli(project)
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert result.returncode == 1
    assert problems[0].startswith(f"data/raw/{file}:line {at + 1}: is not valid YAML")
    assert all(line.startswith(f"data/raw/{file}") for line in problems), problems


def test_row_counts_count_rows_not_lines(project: Paths):
    """A caveat with a line break is one row: the summary used to say 'figures.csv 274 rows' for 272 figures."""
    row = first_row(project, is_exact_count)
    row.set(caveat="first line\nsecond line")
    result = run_cli(project)
    assert result.returncode == 0, result.stderr
    import csv

    with (project.processed / "figures.csv").open(encoding="utf-8", newline="") as fh:
        figures = sum(1 for _ in csv.DictReader(fh))
    assert f"figures.csv {figures}," in result.stdout


# --- personal data in every field of every raw file -----------------------------------------------------------

PERSONAL = ["call +44 (0)20 7946 0000", "lives near sw1a 1aa", "Jane Doe (14/03/2009)"]
KINDS = ["a phone number", "a UK postcode", "a date of birth"]
FIGURE_FIELDS = ["figure_id", "measure", "subject", "geography", "period_start", "period_end", "value_as_printed",
                 "unit", "location", "quote", "caveat"]
YAML_FIELDS = [("sources.yaml", f) for f in ("producer", "title", "citation", "licence", "notes")] + \
              [("gaps.yaml", f) for f in ("wanted", "cited_by", "where_looked", "holder", "reason")] + \
              [("claims.yaml", f) for f in ("claimant", "location", "text", "note")] + \
              [("inspections.yaml", f) for f in ("name", "label")]


PERSONAL_PLANTS = [
    *((f"figures:{field}", _figures_field(field, PERSONAL[i % 3]), KINDS[i % 3])
      for i, field in enumerate(FIGURE_FIELDS)),
    *((f"{file}:{field}", _yaml_field(file, field, PERSONAL[i % 3]), KINDS[i % 3])
      for i, (file, field) in enumerate(YAML_FIELDS)),
]


@pytest.fixture(scope="module")
def refused_personal(baseline: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], Any]]:
    return _refusals(baseline, tmp_path_factory.mktemp("personal"), PERSONAL_PLANTS)


@pytest.mark.parametrize("name", [p[0] for p in PERSONAL_PLANTS])
def test_personal_data_is_caught_in_every_field(refused_personal, name: str):
    lines, ((file, where, field), kind) = refused_personal[name]
    assert_reported(lines, file, where, f"{field} seems to contain {kind}")


def test_an_email_in_a_source_url_is_caught(project: Paths):
    path, where, _ = _yaml_field("sources.yaml", "url_main", "https://example.org/c?to=reporter@example.com")(project)
    assert_reported(problems_after_build(project), path, where, "url_main seems to contain an e-mail address")


@pytest.mark.parametrize(("text", "kind"), [
    ("+44 (0)20 7946 0000", "a phone number"), ("+1 212 555 0100", "a phone number"),
    ("0044 20 7946 0000", "a phone number"), ("(020) 7946 0000", "a phone number"),
    ("se1 7pb", "a UK postcode"), ("Sw1A 1aA", "a UK postcode"),
    ("John Smith, 12/03/2009", "a date of birth"), ("Jane Doe, born 14 March 2009", "a date of birth"),
    ("the boy, born 12.03.2009", "a date of birth"),
])
def test_the_wider_patterns(text: str, kind: str):
    from analysis.record.safeguarding import personal_data_in

    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", ["per 10,000 (330.3)", "Metropolitan Police Service, Demo, 13 March 2017.",
                                  "a rise of +12 per cent", "Q3 2017 inspection", "2016-01-01"])
def test_the_wider_patterns_leave_ordinary_text_alone(text: str):
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == []
