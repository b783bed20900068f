"""`python -m analysis verify`, run as a sub-editor runs it: as a subprocess, text and --json, exit codes.

Expected verdicts were worked out by hand (arithmetic beside each case).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.factcheck.verify import split_parts
from analysis.paths import PROJECT_ROOT

CWD = str(PROJECT_ROOT)  # the checkout's root

# (arguments, expected verdict, exit code)
EXAMPLES = [
    # (2,060 − 1,737) / 1,737 = 323 / 1,737 = 18.5953…% → 1 dp 18.6 ≠ 18.5; 0.0953 < 0.1: cut, not rounded
    (["change", "--from", "1737", "--to", "2060", "--stated", "18.5 per cent"], "accurate within rounding", 4),
    # 18.5953 − 18.4 = 0.1953: more than one unit of the last digit off
    (["change", "--from", "1737", "--to", "2060", "--stated", "18.4 per cent"], "inaccurate", 1),
    # 278 / 374 = 74.33%; almost 75: 71.25 ≤ 74.33 < 75
    (["share", "--part", "278", "--whole", "374", "--stated", "almost three-quarters"], "accurate", 0),
    # 182 / 79 = 2.30 > 2
    (["ratio", "--numerator", "182", "--denominator", "79", "--stated", "more than doubled"], "accurate", 0),
    # 10 + 64 + 61 = 135 = 135
    (["sum", "--parts", "10,64,61", "--total", "135"], "accurate", 0),
    # 5,540 / 2,000,000 × 1,000 = 2.77 → 2 dp 2.77
    (["rate", "--count", "5540", "--population", "2000000", "--per", "1000", "--stated", "2.77 per 1,000"],
     "accurate", 0),
]


def verify(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", "verify", *args], cwd=CWD, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize(("args", "verdict", "code"), EXAMPLES, ids=[a[0] for a, _, _ in EXAMPLES])
def test_the_five_examples_in_text(args, verdict, code):
    done = verify(*args)
    assert done.returncode == code, done.stderr
    assert done.stdout.splitlines()[0] == f"verdict: {verdict}"
    assert done.stdout.splitlines()[1].startswith("working: ")


@pytest.mark.parametrize(("args", "verdict", "code"), EXAMPLES, ids=[a[0] for a, _, _ in EXAMPLES])
def test_the_five_examples_in_json(args, verdict, code):
    done = verify(*args, "--json")
    assert done.returncode == code, done.stderr
    result = json.loads(done.stdout)
    assert {"verdict", "computed", "stated_value", "qualifier", "working"} <= set(result)
    assert result["verdict"] == verdict


def test_the_truncated_rise_working():
    done = verify("change", "--from", "1,737", "--to", "2,060", "--stated", "18.5 per cent", "--json")
    result = json.loads(done.stdout)
    assert result["working"] == ('(2,060 − 1,737) / 1,737 = 18.60% · printed "18.5 per cent" (1 dp) · rounds to 18.6, '
                                 "not 18.5; 18.595 is within one unit of the last printed digit (0.1): truncated "
                                 "(cut, not rounded) · accurate within rounding")
    assert round(result["computed"], 4) == 18.5953
    assert result["stated_value"] == 18.5 and result["qualifier"] == "exact"


def test_json_values_for_the_share():
    result = json.loads(verify("share", "--part", "278", "--whole", "374", "--stated", "almost three-quarters",
                               "--json").stdout)
    assert result["qualifier"] == "almost" and result["stated_value"] == 75.0
    assert round(result["computed"], 2) == 74.33


def test_json_flag_before_the_kind():
    done = verify("--json", "ratio", "--numerator", "182", "--denominator", "79", "--stated", "more than doubled")
    assert done.returncode == 0 and json.loads(done.stdout)["verdict"] == "accurate"


def test_unreadable_stated_exits_2_naming_it():
    done = verify("change", "--from", "1737", "--to", "2060", "--stated", "about 5O%")
    assert done.returncode == 2
    assert "--stated" in done.stderr and "about 5O%" in done.stderr
    assert done.stdout == ""


def test_unreadable_number_exits_2_naming_the_option():
    done = verify("share", "--part", "27x", "--whole", "374", "--stated", "half")
    assert done.returncode == 2 and "--part" in done.stderr and "27x" in done.stderr


def test_missing_option_exits_2():
    assert verify("share", "--part", "278").returncode == 2


def test_thousands_commas():
    # 2,060 − 1,737 = 323
    done = verify("difference", "--a", "2,060", "--b", "1,737", "--stated", "323")
    assert done.returncode == 0, done.stdout


def test_points_and_the_percent_mismatch():
    # 59 − 56 = 3 percentage points
    assert verify("points", "--from", "56", "--to", "59", "--stated", "3 percentage points").returncode == 0
    done = verify("points", "--from", "56", "--to", "59", "--stated", "3 per cent")
    assert done.returncode == 1 and "percentage points" in done.stdout
    # a percent change stated in percentage points: (59 − 56) / 56 = 5.36%, and the unit is wrong anyway
    assert verify("change", "--from", "56", "--to", "59", "--stated", "3 percentage points").returncode == 1


def test_doubled_for_a_change_is_a_ratio_of_two():
    # 160 / 79 = 2.03, within 5% of 2
    assert verify("change", "--from", "79", "--to", "160", "--stated", "doubled").returncode == 0
    # 182 / 79 = 2.30 > 2
    assert verify("change", "--from", "79", "--to", "182", "--stated", "more than doubled").returncode == 0


def test_a_fall():
    # (2,060 − 1,737) / 2,060 = 15.68% → 15.7
    assert verify("change", "--from", "2060", "--to", "1737", "--fall", "--stated", "15.7 per cent").returncode == 0


def test_sum_with_thousands_commas_and_a_failing_total():
    # 1,737 + 2,060 = 3,797
    assert verify("sum", "--parts", "1,737", "2,060", "--total", "3,797").returncode == 0
    assert verify("sum", "--parts", "1,737;2,060", "--total", "3,797").returncode == 0
    # 10 + 64 + 60 = 134 ≠ 135
    assert verify("sum", "--parts", "10,64,60", "--total", "135").returncode == 1


def test_marker_input_is_unverifiable():
    done = verify("sum", "--parts", "10;[c];61", "--total", "135", "--json")
    assert done.returncode == 3
    result = json.loads(done.stdout)
    assert result["verdict"] == "cannot be checked: not found"
    assert result["computed"] is None and "[c]" in result["working"]


def test_count_restated():
    assert verify("count", "--value", "1,273", "--stated", "more than 1,200").returncode == 0


def test_verify_does_not_import_pandas_numpy_or_matplotlib():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "analysis", "verify", "change", "--from", "1737", "--to", "2060",
         "--stated", "18.5 per cent"], cwd=CWD, capture_output=True, text=True, timeout=60)
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    assert not imported & {"pandas", "numpy", "matplotlib"}
    assert "analysis" in imported


@pytest.mark.parametrize(("tokens", "parts"), [
    (["10,64,61"], ["10", "64", "61"]),
    (["1,737", "2,060"], ["1,737", "2,060"]),
    (["1,737;2,060"], ["1,737", "2,060"]),
    (["1,737 2,060"], ["1,737", "2,060"]),
])
def test_split_parts(tokens, parts):
    assert split_parts(tokens) == parts


def test_messages_use_the_readers_words_not_internal_names() -> None:
    """No registry name ("percent_change") nor Python name ("FROM_") reaches a sub-editor."""
    usage = verify("change", "--help").stdout
    assert "FROM_" not in usage and "--from FROM " in usage
    done = verify("change", "--from", "3", "--to", "10", "--stated", "£5")
    assert done.returncode == 2 and "percent_change" not in done.stderr and "a rise or fall" in done.stderr


def test_usage_names_options_as_users_type_them_and_newsroom_pc_is_read() -> None:
    usage = subprocess.run([sys.executable, "-m", "analysis", "verify", "change", "--from", "1737"],
                           capture_output=True, text=True, cwd=CWD)
    assert usage.returncode == 2 and "--from FROM " in usage.stderr and "FROM_" not in usage.stderr
    done = subprocess.run([sys.executable, "-m", "analysis", "verify", "change", "--from", "1,737", "--to", "2,060",
                           "--stated", "18.6pc"], capture_output=True, text=True, cwd=CWD)
    assert done.returncode == 0 and done.stdout.startswith("verdict: accurate")  # (2,060 − 1,737) / 1,737 = 18.60%
