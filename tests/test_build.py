"""The build: deterministic, all-or-nothing, reproducing the committed tables, a valid Data Package."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT, Paths, raw_files
from analysis.record import schema
from analysis.run import build
from analysis.tables.load import load_table
from tests.conftest import GOOD_ROW, write_figures


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*")) if p.is_file()}


def run_cli(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args, "--root", str(root)],
                          capture_output=True, text=True, cwd=PROJECT_ROOT)


def test_committed_processed_tables_are_what_the_raw_data_builds(real_copy: Paths):
    """Reproducibility: rebuilding from the committed raw files gives the committed processed files, byte for byte."""
    committed = snapshot(PROJECT_ROOT / "data" / "processed")
    assert committed, "data/processed/ is empty: run `python -m analysis build` and commit it"
    build.build(real_copy)
    assert snapshot(real_copy.processed) == committed


def test_rebuild_is_byte_identical(real_copy: Paths):
    first = build.render(build.load_raw(real_copy), real_copy)
    second = build.render(build.load_raw(real_copy), real_copy)
    assert first == second


def test_unknown_source_fails_with_file_message_and_writes_nothing(real_copy: Paths):
    before = snapshot(real_copy.processed)
    write_figures(real_copy.figures_dir / "zz-unknown-source.csv", [{**GOOD_ROW, "figure_id": "zz-unknown-source/x"}])
    result = run_cli("build", root=real_copy.root)
    assert result.returncode == 1
    assert "data/raw/figures/zz-unknown-source.csv: unknown source id 'zz-unknown-source'" in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(real_copy.processed) == before


def test_quote_without_its_value_fails_the_build(real_copy: Paths):
    before = snapshot(real_copy.processed)
    target = sorted(real_copy.figures_dir.glob("*.csv"))[0]
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    rows[0]["quote"] = "a quote that has lost its number"
    write_figures(target, rows)
    result = run_cli("build", root=real_copy.root)
    assert result.returncode == 1
    assert f"data/raw/figures/{target.name}:2: quote does not contain \"{rows[0]['value_as_printed']}\"" \
        in result.stderr
    assert snapshot(real_copy.processed) == before


def test_failure_while_writing_leaves_previous_tables(real_copy: Paths, monkeypatch: pytest.MonkeyPatch):
    before = snapshot(real_copy.processed)
    real_write = Path.write_text

    def failing_write(self: Path, text: str, *args, **kwargs):
        if self.name == "population.csv":
            raise OSError("disk full (simulated)")
        return real_write(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing_write)
    with pytest.raises(OSError, match="simulated"):
        build.build(real_copy)
    monkeypatch.undo()
    assert snapshot(real_copy.processed) == before
    assert not list(real_copy.processed.parent.glob(".processed-*"))


def test_validate_writes_nothing(real_copy: Paths):
    before = snapshot(real_copy.processed)
    result = run_cli("validate", root=real_copy.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
    assert snapshot(real_copy.processed) == before


def test_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("build", "validate", "verify", "check", "charts", "notebooks"):
        assert command in result.stdout


def test_datapackage_is_valid_frictionless():
    import frictionless  # a dev dependency (pyproject): missing, the test fails rather than skips
    report = frictionless.validate(str(PROJECT_ROOT / "data" / "processed" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_datapackage_records_every_raw_file_hash():
    package = json.loads((PROJECT_ROOT / "data" / "processed" / "datapackage.json").read_text())
    recorded = {f["path"]: f["hash"] for f in package["raw_files"]}
    for path in raw_files(Paths()):
        rel = path.relative_to(PROJECT_ROOT).as_posix()
        assert recorded[rel] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(schema.TABLES))
def test_processed_tables_match_their_schema(name: str):
    """pandera checks the published contract: column order, types, and the few invariants readers rely on."""
    import pandera.pandas as pa  # a dev dependency (pyproject)
    fields = schema.TABLES[name][0]
    kinds = {"string": str, "date": str, "number": float, "integer": "Int64", "boolean": "boolean"}
    columns = {f.name: pa.Column(kinds[f.type], nullable=True) for f in fields}
    if name == "figures":
        columns["figure_id"] = pa.Column(str, unique=True)
        columns["primary"] = pa.Column("boolean", nullable=False)
        columns["qualifier"] = pa.Column(str, pa.Check.isin(
            ["exact", "more than", "at least", "fewer than", "at most", "almost", "just over", "about",
             "unavailable"]))
    table = load_table(name)
    pa.DataFrameSchema(columns, strict=True, ordered=True).validate(table)


def test_markers_have_no_value_and_values_have_no_marker():
    figures = load_table("figures")
    unavailable = figures["qualifier"] == "unavailable"
    assert figures.loc[unavailable, "value"].isna().all()
    assert figures.loc[~unavailable, "value"].notna().all()


def test_environment_yml_is_what_pyproject_and_the_lock_generate() -> None:
    """Conda users get the packages `make` installs: the file is generated, and must not drift."""
    from analysis.run.environment import ENVIRONMENT, environment_yml

    assert ENVIRONMENT.read_text(encoding="utf-8") == environment_yml(), "run: python -m analysis.run.environment"
    assert "-c constraints.txt" in environment_yml() and "-e .[dev]" in environment_yml()
