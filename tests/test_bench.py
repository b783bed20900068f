"""`make bench` judges each command against its budget and fails on a miss (the timings themselves are never tests).

The budgets are issue 25's: first `make` on a fresh clone ≤ 30 s, no-op `make` ≤ 1 s, `make test` ≤ 2 min,
`verify` ≤ 3× `python -c pass`. Here the bench's measuring is replaced by fixed numbers, so what is checked is the
judging and the exit status, not this machine's speed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT


def _benchmark_module(name: str):
    """A module of benchmarks/ (not a package), loaded afresh so a test's monkeypatching stays its own."""
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def bench():
    return _benchmark_module("bench")


def test_the_budgets_are_the_issues(bench) -> None:
    assert (bench.FIRST_MAKE_S, bench.NOOP_MAKE_S, bench.MAKE_TEST_S, bench.VERIFY_X_PASS) == (30, 1, 120, 3)


def test_a_budget_is_met_up_to_and_including_its_limit(bench, capsys) -> None:
    assert bench.budget("no-op make", 1.0, 1.0)["meets_target"] is True
    assert bench.budget("no-op make", 1.01, 1.0)["meets_target"] is False
    assert "1.01s  budget    1.0s  MISSED" in capsys.readouterr().out


def fake_run(bench, monkeypatch, tmp_path: Path, seconds: dict[str, float], trick_without: float = 1.3,
             scaled: bool = False) -> int:
    """bench.main() with every measurement replaced: `make ARGS` takes seconds[ARGS] (the first make is the one
    given PYTHON=, the no-op one has no arguments), verify takes 2× `python -c pass`, reading notebooks takes 0.1 s
    with the kept trick and `trick_without` without it; the scale measurements run only when `scaled`."""

    @contextlib.contextmanager
    def clone():
        yield tmp_path

    def timed_in(cwd: Path, cmd: list[str]) -> float:
        return seconds[" ".join(cmd[2:])]

    monkeypatch.setattr(bench, "ROOT", tmp_path)
    monkeypatch.setattr(bench, "fresh_clone", clone)
    monkeypatch.setattr(bench, "timed_in", timed_in)
    monkeypatch.setattr(bench, "main_job", lambda cwd: (1.0, (100 * 2**20, 90 * 2**20)))
    monkeypatch.setattr(bench, "one_busy_core", contextlib.nullcontext)
    monkeypatch.setattr(bench, "_timed_any", lambda cmd, env=None: 0.2)
    monkeypatch.setattr(bench, "timed", lambda cmd, **kw: trick_without if cmd == bench.NO_IRI_TRICK else 0.1)
    monkeypatch.setenv("BENCH_SCALE", "1" if scaled else "0")
    monkeypatch.setattr(bench, "RUNS", 1)
    return bench.main()


def test_the_bench_passes_when_every_budget_holds(bench, monkeypatch, tmp_path) -> None:
    assert fake_run(bench, monkeypatch, tmp_path, {"PYTHON=python3": 20.0, "": 0.5, "test": 100.0}) == 0
    written = json.loads((tmp_path / "outputs" / "bench.json").read_text())
    assert written["first_make"]["measured_s"] == 20.0 and written["verify"]["ratio"] == 2.0


def test_verify_is_held_to_its_budget_with_compiled_modules_kept_as_python_keeps_them(
        bench, monkeypatch, tmp_path) -> None:
    """A shell that sets PYTHONDONTWRITEBYTECODE, with no __pycache__ yet, made every `verify` compile the package
    again (3.8x `python -c pass` where a user's Python, keeping what it compiled, waits less). The budget is timed
    as Python runs by default; the run with nothing compiled kept is reported for information and is never a miss."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    envs: list[dict[str, str]] = []

    def verify_time(cmd: list[str], env: dict[str, str] | None = None) -> float:
        envs.append(dict(env or {}))
        return 0.9 if env and env.get("PYTHONPYCACHEPREFIX") else 0.2  # 9x pass when nothing compiled is kept

    assert fake_run(bench, monkeypatch, tmp_path, {"PYTHON=python3": 20.0, "": 0.5, "test": 100.0}) == 0  # fakes set
    monkeypatch.setattr(bench, "_timed_any", verify_time)
    assert bench.main() == 0
    written = json.loads((tmp_path / "outputs" / "bench.json").read_text())
    assert written["verify"]["ratio"] == 2.0 and written["verify_busy"]["ratio"] == 2.0
    assert written["verify_uncached"]["ratio"] == 9.0 and written["verify_uncached"]["meets_target"] is None
    budgeted = [e for e in envs if "PYTHONPYCACHEPREFIX" not in e]
    assert budgeted and all("PYTHONDONTWRITEBYTECODE" not in e for e in budgeted)


def test_the_bench_exits_non_zero_when_make_test_is_over_two_minutes(bench, monkeypatch, tmp_path, capsys) -> None:
    assert fake_run(bench, monkeypatch, tmp_path, {"PYTHON=python3": 20.0, "": 0.5, "test": 121.0}) == 1
    assert capsys.readouterr().err == "missed: make test (fresh clone)\n"


def test_a_kept_trick_that_saves_under_half_a_second_is_a_miss(bench, monkeypatch, tmp_path, capsys) -> None:
    """Issue 25: a speed trick stays only where `make bench` shows it saves users ≥ 0.5 s."""
    assert fake_run(bench, monkeypatch, tmp_path, {"PYTHON=python3": 20.0, "": 0.5, "test": 100.0},
                    trick_without=0.55) == 1
    assert capsys.readouterr().err == "missed: kept trick: no IRI parser\n"
    written = json.loads((tmp_path / "outputs" / "bench.json").read_text())
    assert written["iri_trick"]["saves_s"] == 0.45 and written["iri_trick"]["target_s"] == 0.5


@pytest.fixture()
def scale():
    return _benchmark_module("scale")


def test_the_benchs_made_up_records_pass_validation(scale, tmp_path) -> None:
    """The bench times validation on a record it makes up; a record the rules refuse would time the refusal (a
    field made required since left `make bench` crashing on its validation input)."""
    from analysis.paths import Paths
    from analysis.run.build import load_raw

    scale._validation_input(3, tmp_path / "small")
    raw = load_raw(Paths(tmp_path / "small"))
    assert len(raw.figures) == 3  # load_raw raises ValidationError on any problem


def test_a_scale_target_missed_fails_the_bench(bench, monkeypatch, tmp_path, capsys) -> None:
    """Validation peaked at 1,048 MB at 1,000,000 rows, over issue 18's 1 GB, and `make bench` still exited 0: the
    scale results carried their targets as flags of their own (`peak_under_1gb`) that no one judged."""
    scale = _benchmark_module("scale")
    monkeypatch.setattr(scale, "_validate_cost", lambda root: (1.0, 1048 * 2**20))
    monkeypatch.setattr(scale, "_validation_input", lambda rows, root: None)
    monkeypatch.setattr(bench, "scale", lambda: {"name": "build", "meets_target": True})
    monkeypatch.setattr(bench, "validation_scale", lambda: scale.validation_scale((1, 2)))
    monkeypatch.setattr(bench, "scan_scale", lambda: {"name": "scan", "meets_target": True})
    monkeypatch.setattr(bench, "kind_gate_breadth", lambda: {"name": "kind set", "meets_target": True})
    monkeypatch.setattr(bench, "hostile_html_scale", lambda: {"name": "hostile", "meets_target": True})
    # (timed for real, the personal-data check's hostile texts made this test fail on a busy machine: 15.05× for ten
    # times the text, where the target is 15×; a test asserts no speed)
    monkeypatch.setattr(bench, "hostile_text_scale", lambda: {"name": "hostile text", "meets_target": True})
    monkeypatch.setattr(bench, "scan_eval", lambda: {"recall": 1.0, "precision": 1.0, "right_match": 1.0})
    code = fake_run(bench, monkeypatch, tmp_path, {"PYTHON=python3": 20.0, "": 0.5, "test": 100.0}, scaled=True)
    assert (code, capsys.readouterr().err) == \
        (1, "missed: validation: cost per row flat, peak under 1 GB at 1,000,000 rows\n")
