"""Bad inputs, one at a time, on a copy of the real raw data: each is refused with `file:row: problem` (or loads as
the same text, for the encodings a spreadsheet produces), and the tables already built are never touched.

Every case starts from a copy of the real `data/raw/` (fixture `project`), with `data/processed/` built from it
first, and makes one corruption by editing the copied files with the csv and yaml modules. Rows are chosen by what
they are (the first exact count, the first share), never by figure ids that may change. The build runs in-process
for the many cases; a handful also run end to end as `python -m analysis build --root <copy>`.

While other developers are mid-way through adding sources or claims, the real raw data may briefly not build. The
baseline then drops just the entries that do not validate (with a warning saying how many), so this suite goes on
testing the loaders rather than failing for someone else's unfinished row; tests/test_build.py is what insists
that the real data builds.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis.paths import PROJECT_ROOT, Paths
from analysis.record.printed import PrintedFigureError, parse_printed
from analysis.record.problems import ValidationError
from analysis.run import build

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

# --- the clean baseline -----------------------------------------------------------------------------------------


#: The refusal tests plant their bad input in a copy of the real record: a kind of row the record no longer has
#: means the test would test nothing, so it fails and says so instead of skipping.
the_record_lacks = "the committed record no longer has what this test plants its bad input in: "


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder, byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()} if folder.exists() else {}


@pytest.fixture(scope="session")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data/ folder (raw as committed, processed freshly built from it), built once per session."""
    root = tmp_path_factory.mktemp("baseline") / "project"
    shutil.copytree(PROJECT_ROOT / "data" / "raw", root / "data" / "raw")
    build.build(Paths(root))  # the committed record must build: if it does not, every test here fails, as it should
    return root


@pytest.fixture
def project(tmp_path: Path, baseline: Path) -> Paths:
    """A copy of the real raw data with data/processed built: the session's build of the same raw files, copied
    (once: copying the repository's data/ first and then replacing it cost twice the files)."""
    root = tmp_path / "project"
    shutil.copytree(baseline / "data", root / "data")
    return Paths(root)


def test_the_baseline_copy_is_what_a_build_writes(project: Paths):
    """The copied-in tables are exactly what build() writes for this raw data, so copying is building."""
    before = snapshot(project.processed)
    build.build(project)
    assert snapshot(project.processed) == before


# --- reading and writing the copied files -----------------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    return rows[0], rows[1:]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


@dataclass
class Row:
    """One real figures row: its file, its index among the data rows, and its cells by column."""

    path: Path
    index: int
    cells: dict[str, str]

    @property
    def line(self) -> int:
        """The row number the loader reports (the header is row 1)."""
        return self.index + 2

    def rel(self, paths: Paths) -> str:
        return paths.rel(self.path)

    def set(self, **changes: str) -> None:
        header, rows = read_csv(self.path)
        for column, value in changes.items():
            rows[self.index][header.index(column)] = value
        write_csv(self.path, header, rows)


def _parsed(cells: dict[str, str]):
    try:
        return parse_printed(cells["value_as_printed"])
    except PrintedFigureError:
        return None


def rows_where(paths: Paths, test: Callable[[dict[str, str]], bool]) -> list[Row]:
    out = []
    for path in sorted(paths.figures_dir.glob("*.csv")):
        header, rows = read_csv(path)
        for index, values in enumerate(rows):
            cells = dict(zip(header, values, strict=True))
            if any(v.strip() for v in values) and test(cells):
                out.append(Row(path, index, cells))
    return out


def first_row(paths: Paths, test: Callable[[dict[str, str]], bool] = lambda c: True) -> Row:
    found = rows_where(paths, test)
    if not found:
        pytest.fail(the_record_lacks + "no row of that kind in the real data")
    return found[0]


def is_exact_count(cells: dict[str, str]) -> bool:
    parsed = _parsed(cells)
    return bool(parsed and parsed.unit == "count" and parsed.qualifier == "exact" and parsed.value is not None
                and parsed.denominator is None and cells["value_as_printed"][0].isdigit())


def is_share(cells: dict[str, str]) -> bool:
    return cells["unit"] == "percent" and not cells["measure"].startswith("change_")


# libyaml's C loader and dumper where PyYAML has them: the pure-Python ones were a third of this suite's time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a SafeLoader)


def dump_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


# --- the checks every refusal must pass -------------------------------------------------------------------------


def problems_after_build(paths: Paths) -> list[str]:
    """Run the build in-process: the problem lines it refused with, having written nothing."""
    before = snapshot(paths.processed)
    with pytest.raises(ValidationError) as caught:
        build.build(paths)
    assert snapshot(paths.processed) == before, "a refused build changed data/processed"
    assert not list(paths.processed.parent.glob(".processed-*")), "a refused build left a staging folder"
    return [str(p) for p in caught.value.problems]


def assert_reported(lines: list[str], file: str, where: str | int | None, *words: str) -> None:
    """One problem line names the file, the row (or YAML key) and says the problem in these words."""
    prefix = f"{file}:{where}: " if where not in (None, "") else f"{file}: "
    if isinstance(where, str) and where.startswith("re:"):
        matching = [p for p in lines if re.match(re.escape(file) + ":" + where[3:] + ": ", p)]
    else:
        matching = [p for p in lines if p.startswith(prefix)]
    assert any(all(w in p for w in words) for p in matching), \
        f"expected {prefix}…{' … '.join(words)}; got:\n" + "\n".join(lines[:20])


def run_cli(paths: Paths, command: str = "build") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", command, "--root", str(paths.root)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)


# --- the cases: one corruption each, returning (file, where, words expected in the message) -------------------


def quote_without_value(p: Paths):
    row = first_row(p, is_exact_count)
    row.set(quote=f"a quote that has lost its number ({row.cells['measure']})")
    return row.rel(p), row.line, f'quote does not contain "{row.cells["value_as_printed"]}"'


def quote_with_slipped_digit(p: Paths):
    """'1,200' in a quote that prints '11,200' is a different number, not the same one."""
    row = first_row(p, is_exact_count)
    value = row.cells["value_as_printed"]
    row.set(quote=f"the total was 1{value} in all")
    return row.rel(p), row.line, f'quote does not contain "{value}"'


def unreadable(text: str):
    def corrupt(p: Paths):
        row = first_row(p, is_exact_count)
        row.set(value_as_printed=text, quote=f"there were {text} of them")
        return row.rel(p), row.line, f"cannot read {text!r} as a figure"
    corrupt.__name__ = f"unreadable {text}"
    return corrupt


def share_above_100(p: Paths):
    row = first_row(p, is_share)
    row.set(value_as_printed="104 per cent", quote="the share was 104 per cent")
    return row.rel(p), row.line, "a share above 100 per cent ('104 per cent')"


def negative_count(p: Paths):
    row = first_row(p, is_exact_count)
    value = "-" + row.cells["value_as_printed"]
    row.set(value_as_printed=value, quote=f"a change of {value}")
    return row.rel(p), row.line, f"value {value!r} is negative"


def impossible_date(p: Paths):
    row = first_row(p)
    row.set(period_start="2023-02-30")
    return row.rel(p), row.line, "period_start '2023-02-30' is not a real date"


def compact_date(p: Paths):
    """Python 3.11 reads '20231231' as a date; the tables and the README want 2023-12-31, so it is refused."""
    row = first_row(p)
    row.set(period_end="20231231")
    return row.rel(p), row.line, "period_end '20231231' is not a real date (YYYY-MM-DD)"


def period_ends_before_it_starts(p: Paths):
    row = first_row(p, lambda c: c["period_start"] == c["period_end"] or c["period_start"] < c["period_end"])
    start = dt.date.fromisoformat(row.cells["period_start"])
    end = (start - dt.timedelta(days=1)).isoformat()
    row.set(period_end=end)
    return row.rel(p), row.line, f"period ends ({end}) before it starts ({start})"


def empty_required_cell(p: Paths):
    row = first_row(p)
    row.set(measure="   ")
    return row.rel(p), row.line, "empty measure"


def duplicate_figure_id(p: Paths):
    row = first_row(p)
    header, rows = read_csv(row.path)
    rows.append(list(rows[row.index]))
    write_csv(row.path, header, rows)
    return row.rel(p), len(rows) + 1, f"duplicate figure id '{row.cells['figure_id']}' (first at {row.rel(p)}:"


def unknown_source_id(p: Paths):
    path = sorted(p.figures_dir.glob("*.csv"))[0]
    renamed = path.with_name("zz-no-such-source-2020.csv")
    path.rename(renamed)
    return p.rel(renamed), None, "unknown source id 'zz-no-such-source-2020': add it to data/raw/sources.yaml"


def column_change(kind: str):
    def corrupt(p: Paths):
        path = sorted(p.figures_dir.glob("*.csv"))[0]
        header, rows = read_csv(path)
        if kind == "missing":
            at = header.index("unit")
            header, rows = header[:at] + header[at + 1:], [r[:at] + r[at + 1:] for r in rows]
            words = "missing column(s): unit"
        elif kind == "renamed":
            header[header.index("value_as_printed")] = "value"
            words = "missing column(s): value_as_printed"
        elif kind == "extra":
            header, rows = header + ["notes"], [r + ["x"] for r in rows]
            words = "unknown column(s): notes (allowed: figure_id,"
        else:  # doubled
            header[header.index("caveat")] = "quote"
            words = "column(s) given more than once: quote"
        write_csv(path, header, rows)
        return p.rel(path), 1, words
    corrupt.__name__ = f"{kind} column"
    return corrupt


def too_many_fields(p: Paths):
    """An unquoted comma splits a cell: the row is longer than the header."""
    row = first_row(p)
    lines = row.path.read_text(encoding="utf-8").split("\n")
    header, rows = read_csv(row.path)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(rows[row.index] + ["stray"])
    assert "\n" not in "".join(rows[row.index]), "pick a row without line breaks in its cells"
    lines[row.line - 1] = buffer.getvalue()
    row.path.write_text("\n".join(lines), encoding="utf-8")
    return row.rel(p), row.line, f"has {len(header) + 1} fields, the header has {len(header)}"


def empty_file(p: Paths):
    path = sorted(p.figures_dir.glob("*.csv"))[0]
    path.write_bytes(b"")
    return p.rel(path), None, "file is empty (it needs at least the header row)"


def binary_file(p: Paths):
    """An Excel workbook saved over the CSV (a zip: starts PK, full of NUL bytes)."""
    path = sorted(p.figures_dir.glob("*.csv"))[0]
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + os.urandom(200))
    return p.rel(path), None, "is a binary file (contains NUL bytes), not text"


def truncated_mid_quoted_field(p: Paths):
    """A download cut off inside a quoted quote: the half-field must not be read as the whole."""
    row = first_row(p, lambda c: len(c["quote"]) > 20 and '"' not in c["quote"])
    header, rows = read_csv(row.path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows[: row.index + 1])
    full = buffer.getvalue()
    cut = full.rindex(row.cells["quote"]) + len(row.cells["quote"]) // 2
    row.path.write_text(full[:cut], encoding="utf-8")
    return row.rel(p), row.line, "is not a readable CSV from this row on", "quoted field left open"


def mixed_encodings(p: Paths):
    """A UTF-8 file with one line pasted in from a Windows-1252 file: guessing would garble the rest."""
    path = next((f for f in sorted(p.figures_dir.glob("*.csv"))
                 if any(b >= 0x80 for b in f.read_bytes())), None)
    if path is None:
        pytest.fail(the_record_lacks + "no figures file with non-ASCII text")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n" + "£".encode("cp1252"), 1))
    return p.rel(path), None, "mixes UTF-8 with another encoding", "re-save the whole file as UTF-8"


def _replace_yaml_value_line(path: Path, key: str, new_value: str) -> int:
    """Replace the first `  key: …` line (and its continuation lines) with `  key: new_value`; its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  {key}: "))
    end = at + 1
    while end < len(lines) and lines[end].startswith("    ") and not lines[end].lstrip().startswith("- "):
        end += 1
    lines[at:end] = [f"  {key}: {new_value}"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def malformed_yaml(file: str, key: str):
    def corrupt(p: Paths):
        """An unquoted colon in a value, the commonest YAML slip: 'mapping values are not allowed'."""
        path = p.raw / file
        line = _replace_yaml_value_line(path, key, "Review: part two")
        return p.rel(path), f"line {line}", "is not valid YAML (mapping values are not allowed"
    corrupt.__name__ = f"malformed {file}"
    return corrupt


def yaml_not_a_list(p: Paths):
    p.gaps_yaml.write_text("id: one-gap\nwanted: something\n", encoding="utf-8")
    return p.rel(p.gaps_yaml), None, "must be a YAML list of entries"


def yaml_duplicate_key(p: Paths):
    """PyYAML silently keeps the second of two equal keys; a repeated field is refused instead."""
    lines = p.sources_yaml.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("  title: "))
    lines.insert(at + 1, "  title: A second title")
    p.sources_yaml.write_text("\n".join(lines), encoding="utf-8")
    return p.rel(p.sources_yaml), f"line {at + 2}", "field 'title' is given twice"


def source_field_not_text(p: Paths):
    """An indentation slip that turns a citation into a list must not reach the sources table as "['…']"."""
    data = load_yaml(p.sources_yaml)
    data[0]["citation"] = [data[0]["citation"], "a second line"]
    dump_yaml(p.sources_yaml, data)
    return p.rel(p.sources_yaml), f"id={data[0]['id']}", "field 'citation' must be text, not a list"


def source_impossible_date(p: Paths):
    data = load_yaml(p.sources_yaml)
    data[0]["date_published"] = "2017-02-29"
    dump_yaml(p.sources_yaml, data)
    return p.rel(p.sources_yaml), f"id={data[0]['id']}", "date_published '2017-02-29' is not a real date"


def source_ancient_date(p: Paths):
    """0001-01-01 was accepted as a publication date (issue 24): no document this record can cite is that old."""
    data = load_yaml(p.sources_yaml)
    data[0]["date_published"] = "0001-01-01"
    dump_yaml(p.sources_yaml, data)
    return p.rel(p.sources_yaml), f"id={data[0]['id']}", "date_published 0001-01-01 is before 1900-01-01"


def inspection_ancient_date(p: Paths):
    path = p.raw / "inspections.yaml"
    data = load_yaml(path)
    data[0]["published"] = "1016-11-25"
    dump_yaml(path, data)
    return p.rel(path), f"id={data[0]['id']}", "published 1016-11-25 is before 1900-01-01"


def inspection_sources_not_ids(p: Paths):
    """Used to crash with TypeError (unhashable dict) instead of a message."""
    path = p.raw / "inspections.yaml"
    data = load_yaml(path)
    data[0]["sources"] = [{"id": data[0]["sources"][0]}]
    dump_yaml(path, data)
    return p.rel(path), f"id={data[0]['id']}", "sources must be a list of source ids"


def inspection_impossible_date(p: Paths):
    path = p.raw / "inspections.yaml"
    data = load_yaml(path)
    data[0]["published"] = "2017-13-01"
    dump_yaml(path, data)
    return p.rel(path), f"id={data[0]['id']}", "published '2017-13-01' is not a real date"


def _first_claim_with_input(data: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    for claim in data:
        for role, ref in (claim.get("inputs") or {}).items():
            if isinstance(ref, str) and "/" in ref:
                return claim, role
    pytest.fail(the_record_lacks + "no claim with a figure input")


def claim_input_missing(p: Paths):
    data = load_yaml(p.claims_yaml)
    claim, role = _first_claim_with_input(data)
    claim["inputs"][role] = "zz-no-such-source/no-such-figure"
    dump_yaml(p.claims_yaml, data)
    return (p.rel(p.claims_yaml), f"id={claim['id']}",
            f"input '{role}': unknown figure id 'zz-no-such-source/no-such-figure'")


def claim_refers_to_itself(p: Paths):
    """A claim checked against the very figure that transcribes it proves nothing."""
    row = first_row(p, is_exact_count)
    data = load_yaml(p.claims_yaml) or []
    fid = row.cells["figure_id"]
    data.append({"id": "zz-test-self-reference", "claimant": "Test", "source_id": fid.split("/")[0],
                 "location": "Para 1", "text": f"There were {row.cells['value_as_printed']} of them",
                 "kind": "count", "inputs": {"figure": fid}, "stated_figure": fid})
    dump_yaml(p.claims_yaml, data)
    return p.rel(p.claims_yaml), "id=zz-test-self-reference", "the claim itself"


def stored_file_sha256_mismatch(p: Paths):
    """A publisher's spreadsheet kept in data/raw/files/, recorded, built, then changed: refused, with what to do."""
    stored = p.raw / "files" / "zz-test-table.csv"
    stored.parent.mkdir(exist_ok=True)
    stored.write_text("area,count\nLondon,1582\n", encoding="utf-8")
    data = load_yaml(p.sources_yaml)
    data[0]["file"] = "files/zz-test-table.csv"
    data[0]["sha256"] = hashlib.sha256(stored.read_bytes()).hexdigest()
    dump_yaml(p.sources_yaml, data)
    build.build(p)  # recorded and built: the stored file is part of the tables' provenance now
    package = (p.processed / "datapackage.json").read_text(encoding="utf-8")
    assert '"path": "data/raw/files/zz-test-table.csv"' in package
    stored.write_text("area,count\nLondon,1528\n", encoding="utf-8")
    return (p.rel(p.sources_yaml), f"id={data[0]['id']}", "sha256 mismatch for data/raw/files/zz-test-table.csv",
            "If the publisher revised the file, re-check every figure taken from it, then record the new sha256")


REFUSED: list[Callable[[Paths], tuple]] = [
    quote_without_value,
    quote_with_slipped_digit,
    unreadable("1,2OO"),
    unreadable("12..5"),
    unreadable("1,20"),
    share_above_100,
    negative_count,
    impossible_date,
    compact_date,
    period_ends_before_it_starts,
    empty_required_cell,
    duplicate_figure_id,
    unknown_source_id,
    column_change("missing"),
    column_change("renamed"),
    column_change("extra"),
    column_change("doubled"),
    too_many_fields,
    empty_file,
    binary_file,
    truncated_mid_quoted_field,
    mixed_encodings,
    malformed_yaml("sources.yaml", "title"),
    malformed_yaml("gaps.yaml", "wanted"),
    malformed_yaml("claims.yaml", "claimant"),
    malformed_yaml("inspections.yaml", "name"),
    yaml_not_a_list,
    yaml_duplicate_key,
    source_field_not_text,
    source_impossible_date,
    source_ancient_date,
    inspection_sources_not_ids,
    inspection_impossible_date,
    inspection_ancient_date,
    claim_input_missing,
    claim_refers_to_itself,
    stored_file_sha256_mismatch,
]

#: Run end to end as well: the command's exit code and stderr, not only the exception.
END_TO_END = {"quote_without_value", "unreadable 1,2OO", "truncated_mid_quoted_field", "malformed claims.yaml",
              "claim_refers_to_itself", "stored_file_sha256_mismatch", "binary_file", "source_ancient_date"}


@pytest.mark.parametrize("corrupt", REFUSED, ids=lambda f: f.__name__)
def test_bad_input_is_refused_naming_file_row_and_problem(project: Paths, corrupt):
    file, where, *words = corrupt(project)
    lines = problems_after_build(project)
    assert_reported(lines, file, where, *words)


@pytest.mark.parametrize("corrupt", [c for c in REFUSED if c.__name__ in END_TO_END], ids=lambda f: f.__name__)
def test_bad_input_fails_the_command(project: Paths, corrupt):
    file, where, *words = corrupt(project)
    before = snapshot(project.processed)
    result = run_cli(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert_reported(lines, file, where, *words)
    assert result.stderr.rstrip().endswith("nothing was written.")
    assert snapshot(project.processed) == before


def test_every_problem_is_reported_in_one_run(project: Paths):
    """Three unrelated mistakes in three files: all three reported, not only the first."""
    expected = [quote_without_value(project), malformed_yaml("gaps.yaml", "wanted")(project),
                inspection_impossible_date(project)]
    lines = problems_after_build(project)
    for file, where, *words in expected:
        assert_reported(lines, file, where, *words)


def test_a_broken_sources_yaml_is_reported_once_not_once_per_figures_file(project: Paths):
    """With no readable sources every figures file would be 'unknown'; that flood used to bury the one real
    problem. Now: the YAML error, and one line saying the figures could not be checked."""
    file, where, *words = malformed_yaml("sources.yaml", "title")(project)
    lines = problems_after_build(project)
    assert_reported(lines, file, where, *words)
    assert_reported(lines, file, None, "no usable source entries", "figures files")
    # claims.yaml still repeats it once per claim (analysis/claims.py, not covered here)
    assert not [line for line in lines if "unknown source id" in line and not line.startswith("data/raw/claims")]


# --- encodings a spreadsheet produces: read as the same text ---------------------------------------------------


def _pound_file(p: Paths) -> Path:
    for path in sorted(p.figures_dir.glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        if "£" in text:
            try:
                text.encode("latin-1")
                return path
            except UnicodeEncodeError:
                continue
    pytest.fail(the_record_lacks + "no figures file with '£' that Latin-1 can hold")


def as_latin1(p: Paths) -> Path:
    path = _pound_file(p)
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    return path


def with_bom(p: Paths) -> Path:
    path = sorted(p.figures_dir.glob("*.csv"))[0]
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return path


def with_crlf(p: Paths) -> Path:
    path = sorted(p.figures_dir.glob("*.csv"))[-1]
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return path


def yaml_with_bom_and_crlf(p: Paths) -> Path:
    p.sources_yaml.write_bytes(b"\xef\xbb\xbf" + p.sources_yaml.read_bytes().replace(b"\n", b"\r\n"))
    return p.sources_yaml


@pytest.mark.parametrize("resave", [as_latin1, with_bom, with_crlf, yaml_with_bom_and_crlf], ids=lambda f: f.__name__)
def test_spreadsheet_encodings_build_the_same_tables(project: Paths, resave):
    """Latin-1 '£', a UTF-8 byte-order mark, Windows line endings: the tables are byte-identical to the clean
    build; datapackage.json differs only in the re-saved file's recorded hash, which is the point of recording it."""
    clean = snapshot(project.processed)
    path = resave(project)
    if resave is as_latin1:
        assert b"\xa3" in path.read_bytes() and b"\xc2\xa3" not in path.read_bytes()
    result = run_cli(project) if resave is as_latin1 else None
    if result is not None:
        assert result.returncode == 0, result.stderr
    else:
        build.build(project)
    rebuilt = snapshot(project.processed)
    assert {n: b for n, b in rebuilt.items() if n.endswith(".csv")} == \
        {n: b for n, b in clean.items() if n.endswith(".csv")}
    new_hash = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    rel = project.rel(path)
    expected = re.sub(rf'("path": "{re.escape(rel)}",\s*"hash": )"sha256:[0-9a-f]+"', rf'\1"{new_hash}"',
                      clean["datapackage.json"].decode("utf-8"))
    # The seal over every hash (`analysis.tables.load.package_seal`) changes with that one, and only with it.
    seals = [json.loads(snap["datapackage.json"])["built_together"] for snap in (clean, rebuilt)]
    assert seals[0] != seals[1]
    expected = expected.replace(f'"built_together": "{seals[0]}"', f'"built_together": "{seals[1]}"')
    assert rebuilt["datapackage.json"].decode("utf-8") == expected


# --- a suppressed input: the build succeeds, the claim is unverifiable ------------------------------------------


def _mark_suppressed(row: Row) -> None:
    row.set(value_as_printed="[c]", quote=f"{row.cells['subject']} | [c]")


@pytest.mark.parametrize("kind", ["sum", "percent_change"])
def test_suppressed_input_makes_the_claim_unverifiable_naming_it(project: Paths, kind: str):
    """A '[c]' figure is data, not an error: the build succeeds, and the claim resting on it is 'cannot be checked:
    not published', its working naming the input and the marker, never treating it as 0."""
    a, b, total = rows_where(project, is_exact_count)[:3]
    data = load_yaml(project.claims_yaml) or []
    claim: dict[str, Any] = {"id": f"zz-test-suppressed-{kind.replace('_', '-')}", "claimant": "Test",
                             "source_id": a.cells["figure_id"].split("/")[0], "location": "Para 1"}
    if kind == "sum":
        claim |= {"text": f"In all {total.cells['value_as_printed']} of them", "kind": "sum",
                  "inputs": {"parts": [a.cells["figure_id"], b.cells["figure_id"]],
                             "total": total.cells["figure_id"]}}
        role = "parts[1]"
    else:  # a rise compares two figures of one series: two years of one measure and place
        counts = rows_where(project, is_exact_count)
        a, b = next((x, y) for x in counts for y in counts if x is not y
                    and (x.cells["measure"], x.cells["geography"]) == (y.cells["measure"], y.cells["geography"]))
        claim |= {"text": "a rise of 56 per cent", "stated": "56 per cent", "kind": "percent_change",
                  "source_id": a.cells["figure_id"].split("/")[0],
                  "inputs": {"from": a.cells["figure_id"], "to": b.cells["figure_id"]}}
        role = "from"
    dump_yaml(project.claims_yaml, [*data, claim])
    build.build(project)  # valid before the marker: the claim gets a verdict
    _mark_suppressed(a)
    result = run_cli(project)
    assert result.returncode == 0, result.stderr
    rows = {r["claim_id"]: r for r in csv.DictReader((project.processed / "claims.csv").open(encoding="utf-8"))}
    row = rows[claim["id"]]
    assert row["verdict"] == "cannot be checked: not found"
    assert row["computed"] == ""
    assert f'{role} ({a.cells["figure_id"]}) is printed "[c]"' in row["working"]
    figures = {r["figure_id"]: r for r in csv.DictReader((project.processed / "figures.csv").open(encoding="utf-8"))}
    assert figures[a.cells["figure_id"]]["value"] == ""


# --- atomic builds ------------------------------------------------------------------------------------------------

KILL_WHILE_WRITING = textwrap.dedent("""\
    import os, signal, sys, time
    from pathlib import Path
    from analysis.run import build
    from analysis.paths import Paths

    real_write = Path.write_text
    def write_then_die(self, text, *args, **kwargs):
        if self.name == "datapackage.json":  # the last file a build writes
            real_write(self, text[: len(text) // 2], *args, **kwargs)
            time.sleep(0.05)
            os.kill(os.getpid(), signal.SIGKILL)
        return real_write(self, text, *args, **kwargs)
    Path.write_text = write_then_die
    build.build(Paths(Path(sys.argv[1])))
""")

KILL_BETWEEN_RENAMES = textwrap.dedent("""\
    import os, signal, sys
    from pathlib import Path
    from analysis.run import build
    from analysis.paths import Paths

    real_replace = os.replace
    def replace_then_die(src, dst):
        real_replace(src, dst)
        if Path(dst).name.startswith(".processed-old"):  # the old tables moved aside, the new ones not yet in place
            os.kill(os.getpid(), signal.SIGKILL)
    os.replace = replace_then_die
    build.build(Paths(Path(sys.argv[1])))
""")


def _kill_build(project: Paths, script: str) -> None:
    result = subprocess.run([sys.executable, "-c", script, str(project.root)], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr


def _change_one_figure(project: Paths) -> None:
    """A real edit, so a completed build would change the tables."""
    row = first_row(project, is_exact_count)
    row.set(subject=row.cells["subject"] + " (edited)")


def test_build_killed_while_writing_leaves_the_tables_and_the_next_build_recovers(project: Paths):
    before = snapshot(project.processed)
    _change_one_figure(project)
    _kill_build(project, KILL_WHILE_WRITING)
    assert snapshot(project.processed) == before
    result = run_cli(project)
    assert result.returncode == 0, result.stderr
    after = snapshot(project.processed)
    assert after.keys() == before.keys() and after["figures.csv"] != before["figures.csv"]
    assert b"(edited)" in after["figures.csv"]


def test_build_killed_between_the_two_renames_is_recovered_by_the_next_build(project: Paths):
    """The one window a SIGKILL can hit: old tables moved to data/.processed-old, new ones not yet in place. The
    old tables are intact there, and the next build (or validate-then-build) puts things right."""
    before = snapshot(project.processed)
    _change_one_figure(project)
    _kill_build(project, KILL_BETWEEN_RENAMES)
    (old,) = project.processed.parent.glob(".processed-old-*")  # named for the build that made it
    assert snapshot(old) == before
    result = run_cli(project)
    assert result.returncode == 0, result.stderr
    assert b"(edited)" in snapshot(project.processed)["figures.csv"]
    assert not list(project.processed.parent.glob(".processed-*"))


def test_old_tables_survive_a_kill_followed_by_a_refused_build(project: Paths):
    """Killed between the renames, then the next build is refused for bad data: the old tables are not lost.

    build() validates before it touches the output, so a refused build does not move them back; they stay in
    data/.processed-old until the next successful build restores and replaces them (reported to the lead).
    """
    before = snapshot(project.processed)
    _kill_build(project, KILL_BETWEEN_RENAMES)
    quote_without_value(project)
    assert run_cli(project).returncode == 1
    kept = snapshot(project.processed) or snapshot(next(project.processed.parent.glob(".processed-old-*")))
    assert kept == before


# --- checksums ------------------------------------------------------------------------------------------------


def test_datapackage_hashes_every_raw_file_including_stored_publisher_files(project: Paths):
    """test_build.py checks the committed package against the repository; this checks a stored publisher file,
    which the real data may not have yet, is hashed too, and that nothing else is listed."""
    stored = project.raw / "files" / "zz-test-table.csv"
    stored.parent.mkdir(exist_ok=True)
    stored.write_text("area,count\nLondon,1582\n", encoding="utf-8")
    data = load_yaml(project.sources_yaml)
    data[0] |= {"file": "files/zz-test-table.csv", "sha256": hashlib.sha256(stored.read_bytes()).hexdigest()}
    dump_yaml(project.sources_yaml, data)
    build.build(project)
    package = json.loads((project.processed / "datapackage.json").read_text(encoding="utf-8"))
    recorded = {f["path"]: f["hash"] for f in package["raw_files"]}
    on_disk = {project.rel(p): "sha256:" + hashlib.sha256(p.read_bytes()).hexdigest()
               for p in project.raw.rglob("*") if p.is_file()}
    assert recorded == on_disk
