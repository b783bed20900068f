"""Every command the README prints works as printed (issue: a command in the README that fails on a fresh clone
sends a reader away).

- `python -m analysis …` lines run in the activated environment (`source .venv/bin/activate`), from the project
  root, exactly as printed; those that rewrite the project's data or outputs (their real work is tested by the
  build, notebook and pipeline tests) are run with `--help`, which checks the command exists and parses.
- `make …` lines are dry-run (`make -n`): the target exists and its recipe expands; `make lab` itself is started
  in tests/test_lab.py, `make test` is this suite.
- The Python example runs as printed.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
#: Commands that write into data/processed or outputs/: run with --help here (their work is tested elsewhere).
WRITES = {"build", "check", "notebooks", "workbook", "charts", "all", "db", "gallery"}
#: `verify` exits with its verdict: 0 accurate, 1 inaccurate, 3 cannot be checked, 4 accurate within rounding;
#: 2 (unreadable input) is a failure.
VERDICT_EXITS = {0, 1, 3, 4}
ACTIVATE = PROJECT_ROOT / ".venv" / "bin" / "activate"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def commands() -> list[str]:
    """Every command line of the README's sh blocks, without its trailing comment."""
    lines = []
    for block in blocks("sh"):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                lines.append(line)
    return lines


def test_the_readme_says_how_to_open_the_notebooks_and_activate_the_environment() -> None:
    assert "make lab" in commands() and "source .venv/bin/activate" in commands()
    assert blocks("python"), "no API example"


@pytest.mark.parametrize("line", commands())
def test_command_works_as_printed(line: str) -> None:
    words = shlex.split(line)
    if words[0] == "make":
        done = subprocess.run(["make", "-n", *words[1:]], cwd=PROJECT_ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return
    if not ACTIVATE.exists():
        pytest.skip(".venv does not exist: run `make` first")
    if line == "source .venv/bin/activate":
        run = f"{line} && python -c 'import sys; print(sys.prefix)'"
    else:
        assert words[:3] == ["python", "-m", "analysis"], f"unexpected README command: {line}"
        run = f"source .venv/bin/activate && {line}" + (" --help" if len(words) > 3 and words[3] in WRITES else "")
    done = subprocess.run(["bash", "-c", run], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    allowed = VERDICT_EXITS if words[3:4] == ["verify"] else {0}
    assert done.returncode in allowed, f"{line}: exit {done.returncode}\n{done.stderr[-2000:]}"
    if line == "source .venv/bin/activate":
        assert Path(done.stdout.strip()) == PROJECT_ROOT / ".venv"


def test_python_example_runs_as_printed(tmp_path: Path) -> None:
    (example,) = blocks("python")
    done = subprocess.run([sys.executable, "-c", example], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    # The last line's comment states its result; check it (121 of 244 is 49.59%, not "more than half").
    namespace: dict = {}
    exec(example, namespace)  # noqa: S102 — the README's own example
    last = example.strip().splitlines()[-1]
    expected = re.search(r"#\s*'(.+)'", last).group(1)
    assert eval(last.split("#")[0], namespace) == expected  # noqa: S307


def test_the_budgets_the_readme_states_are_the_ones_the_bench_judges() -> None:
    """The README states the budgets, not measured times (those are in outputs/bench.json): each must be the
    bench's own constant, so a changed budget cannot leave the README behind."""
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        import bench
    finally:
        sys.path.remove(str(PROJECT_ROOT / "benchmarks"))
    text = " ".join(README.split())
    stated = re.search(r"first `make` ≤ (\d+) s, no-op `make` ≤ (\d+) s, `make test` ≤ (\d+) min, `verify` ≤ (\d+)×",
                       text)
    assert stated, "the README no longer states the budgets"
    first, noop, test_min, verify_x = (float(g) for g in stated.groups())
    assert (first, noop, test_min * 60, verify_x) == (bench.FIRST_MAKE_S, bench.NOOP_MAKE_S, bench.MAKE_TEST_S,
                                                      bench.VERIFY_X_PASS)
    assert not re.search(r"`make test` takes about \d", text), "a measured time typed by hand"


def test_the_readme_says_when_a_figure_printed_bare_is_marked_about(drawn_charts) -> None:
    """The Met series' CSV marks the Standard's 2017 '1,200' offences 'about' (the fact-check reads it as rounded)
    though it was printed with no word, while the README said the qualifier column marks values printed with words:
    a reporter could not tell why. The README now says both cases."""
    _, meta = drawn_charts("met-cse-series")
    row = meta.data[meta.data["Year"].astype(str) == "2017"].iloc[0]
    assert row["Crimes connected with CSE"] == 1200 and row["Crimes connected with CSE qualifier"] == "about"
    text = " ".join(README.split())
    assert "A figure printed bare is marked \"about\" too when it is an estimate, or when the fact-check reads it as " \
           "rounded" in text


def test_every_document_names_the_verdicts_as_the_code_does() -> None:
    """The verdict "cannot be checked: not published" was renamed "cannot be checked: not found" (the record knows
    where it looked, not that a figure was never published); the README and data/README kept the old name across a
    line break, where a search for the new one did not see them."""
    from analysis.factcheck.wording import NOT_FOUND

    docs = [PROJECT_ROOT / "README.md", PROJECT_ROOT / "data" / "README.md", PROJECT_ROOT / "docs" / "factcheck.md",
            *sorted((PROJECT_ROOT / "notebooks").glob("*.py"))]
    for path in docs:
        text = " ".join(re.sub(r"(?m)^# ?", "", path.read_text(encoding="utf-8")).split()).lower()
        assert "checked: not published" not in text, path.name
    readme = " ".join((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split())
    assert NOT_FOUND in readme
