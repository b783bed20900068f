"""What `verify KIND --help` shows: the stated forms each kind accepts, and worked examples with their verdicts.

Kept apart from `verify` so the command reads as logic. The examples are arguments only: their verdicts and working
are computed by the command itself when the help is shown.
"""

from __future__ import annotations

__all__ = ["ACCEPTED", "EXAMPLES", "EXAMPLES_HEADING"]

ACCEPTED: dict[str, str] = {
    "change": 'Accepted --stated: a rise or fall in per cent ("18.5 per cent", "more than 50%"; a fall with '
              '--fall) or as a multiple ("doubled", "three times").',
    "points": 'Accepted --stated: percentage points ("3 percentage points", "3pp").',
    "share": 'Accepted --stated: per cent up to 100 ("56 per cent", "49%"), a fraction in words ("almost '
             'three-quarters", "a third") or "1 in N" ("one in five").',
    "ratio": 'Accepted --stated: a multiple ("more than doubled", "three times", "2.3 times").',
    "difference": 'Accepted --stated: a count or an amount ("323", "more than 300", "£1.2 million").',
    "rate": 'Accepted --stated: a rate with its base ("2.77 per 1,000"), a share ("1 in 1,000", "0.1%"), or a bare '
            'number with --per ("2.8" --per 1000).',
    "count": 'Accepted --stated: the figure in other words, in its own unit ("more than 1,200" for 1273, "almost '
             'three-quarters" for 74%, "£15.6million" for £15,612,000).',
    "sum": 'Accepted --stated / --total: a count or an amount ("135", "£2.4m").',
}

#: Worked examples per kind, as the arguments after `verify KIND`. `verify KIND --help` runs each one and prints
#: its verdict and working as the command computes them now, so the help can never drift from the rules.
EXAMPLES: dict[str, list[list[str]]] = {
    "change": [["--from", "1737", "--to", "2060", "--stated", "18.5 per cent"],
               ["--from", "1582", "--to", "1116", "--fall", "--stated", "29 per cent"],
               ["--from", "79", "--to", "182", "--stated", "more than doubled"],
               ["--from", "922", "--to", "1200", "--rounded", "to=100", "--stated", "30 per cent"]],
    "points": [["--from", "56", "--to", "59", "--stated", "3 percentage points"]],
    "share": [["--part", "278", "--whole", "374", "--stated", "almost three-quarters"],
              ["--part", "125", "--whole", "135", "--stated", "Just under 93%"],
              ["--part", "121", "--whole", "244", "--stated", "more than half"],
              ["--part", "13", "--whole", "390", "--stated", "1 in 30"]],
    "ratio": [["--numerator", "182", "--denominator", "79", "--stated", "more than doubled"]],
    "difference": [["--a", "2060", "--b", "1737", "--stated", "323"]],
    "rate": [["--count", "5540", "--population", "2000000", "--stated", "2.77 per 1,000"],
             ["--count", "1040", "--population", "1000000", "--per", "1000", "--stated", "1.0"],
             ["--count", "13", "--population", "13000", "--stated", "1 in 1,000"]],
    "count": [["--value", "1273", "--stated", "more than 1,200"]],
    "sum": [["--parts", "10,64,61", "--total", "135"],
            ["--parts", "1,737", "2,060", "--total", "3,797"]],
}

#: The first line of every examples section: what the exit statuses mean.
EXAMPLES_HEADING = ("examples (exit status 0 accurate, 1 inaccurate, 2 usage error, 3 cannot be checked, "
                    "4 accurate within rounding):")
