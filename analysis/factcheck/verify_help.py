"""What `verify KIND --help` shows: the stated forms each kind accepts, and worked examples with their verdicts.

Kept apart from `verify` so the command reads as logic; the examples' verdicts are checked by tests/test_verify.py.
"""

from __future__ import annotations

__all__ = ["ACCEPTED", "EXAMPLES"]

ACCEPTED: dict[str, str] = {
    "change": 'Accepted --stated: a rise or fall in per cent ("18.5 per cent", "more than 50%") or as a multiple '
              '("doubled", "three times").',
    "points": 'Accepted --stated: percentage points ("3 percentage points", "3pp").',
    "share": 'Accepted --stated: per cent up to 100 ("56 per cent", "49%"), a fraction in words ("almost '
             'three-quarters", "a third") or "1 in N" ("one in five").',
    "ratio": 'Accepted --stated: a multiple ("more than doubled", "three times", "2.3 times").',
    "difference": 'Accepted --stated: a count or an amount ("323", "more than 300", "£1.2 million").',
    "rate": 'Accepted --stated: a rate with its base ("2.77 per 1,000"), a share ("1 in 1,000", "0.1%"), or a bare '
            'number with --per ("2.8" --per 1000).',
    "count": 'Accepted --stated: the figure in other words ("more than 1,200", "almost three-quarters", '
             '"£15.6million").',
    "sum": 'Accepted --stated / --total: a count or an amount ("135", "£2.4m").',
}

_E = "examples (exit status 0 holds, 1 does not hold, 2 usage error, 3 unverifiable):\n"

EXAMPLES: dict[str, str] = {
    "change": _E + """
  verify change --from 1737 --to 2060 --stated "18.5 per cent"
      (2,060 − 1,737) / 1,737 = 18.60% · rounds to 18.6 · does not hold (truncation gives 18.5)
  verify change --from 1582 --to 1116 --fall --stated "29 per cent"
      (1,582 − 1,116) / 1,582 = 29.46% fall · rounds to 29 · holds
  verify change --from 79 --to 182 --stated "more than doubled"
      182 / 79 = 2.30 times > 2 · holds
""",
    "points": _E + """
  verify points --from 56 --to 59 --stated "3 percentage points"
      59% − 56% = 3.00 percentage points · holds
""",
    "share": _E + """
  verify share --part 278 --whole 374 --stated "almost three-quarters"
      278 / 374 = 74.33% · needs almost 75: 71.25 ≤ 74.33 < 75.00 · holds
  verify share --part 125 --whole 135 --stated "Just under 93%"
      125 / 135 = 92.59% · needs almost 93: 88.4 ≤ 92.6 < 93.0 · holds
  verify share --part 13 --whole 390 --stated "1 in 30"
      13 / 390 = 3.33% · about 3.33: within 3.17 to 3.50 · holds
""",
    "ratio": _E + """
  verify ratio --numerator 182 --denominator 79 --stated "more than doubled"
      182 / 79 = 2.30 times > 2 · holds
""",
    "difference": _E + """
  verify difference --a 2060 --b 1737 --stated "323"
      2,060 − 1,737 = 323 · holds
""",
    "rate": _E + """
  verify rate --count 5540 --population 2000000 --stated "2.77 per 1,000"
      5,540 / 2,000,000 × 1,000 = 2.77 per 1,000 · holds
  verify rate --count 1040 --population 1000000 --per 1000 --stated "1.0"
      1,040 / 1,000,000 × 1,000 = 1.04 per 1,000 · rounds to 1.0 · holds
  verify rate --count 13 --population 13000 --stated "1 in 1,000"
      13 / 13,000 × 100 = 0.10% · about 0.1: within 0.095 to 0.105 · holds
""",
    "count": _E + """
  verify count --value 1273 --stated "more than 1,200"
      figure = 1,273 · 1,273 > 1,200 · holds
""",
    "sum": _E + """
  verify sum --parts 10,64,61 --total 135
      10 + 64 + 61 = 135 · holds
  verify sum --parts "1,737" "2,060" --total "3,797"
      1,737 + 2,060 = 3,797 · holds
""",
}
