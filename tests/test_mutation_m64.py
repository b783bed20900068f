"""Round m64 (helper m64): tests that kill the mutants of analysis/tables/lookup_cli.py (`python -m analysis show`
and `search` as a reader sees them) that survived the tests before them (the list and the reasons:
/work/mutation64-m64.md).

Every command is run as a reader runs it, `python -m analysis …` in the checkout. Each expected value was read in
the committed record by hand (data/raw/figures/ or data/processed/), never copied from what the command printed.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT
from analysis.tables import lookup

#: GB News, 13 November 2025: "upon a further review of 2,200 of them, just 1,200 remained in scope"
#: (data/raw/figures/gbnews-2025-11-13.csv; its file has no denominator column).
MET = "gbnews-2025-11-13/met-cases-in-scope"
#: HMIC's 2016 inspection of the Met (AOL's report): a figure no claim and no table row names (grep of
#: data/processed/*.csv finds it in figures.csv alone).
UNCITED = "aol-2016-11-24-hmic-ncpi-mps/cases-referred-back"
#: A ranked line of `search`'s list: "  1. figure …", " 20. claim  …".
RANKED = re.compile(r"^ *\d+\. (?:figure|source|gap|claim) ", re.MULTILINE)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m analysis ARGS` run in the checkout (so the checkout's code answers)."""
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=120)


def _field(text: str, name: str) -> list[str]:
    """The lines `show` printed for one field: its own line and the continuation lines under it."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
    column = len(lines[start]) - len(lines[start][len(name) + 1:].lstrip(" "))
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith(" " * column) or not line.strip():
            break
        block.append(line)
    return block


@pytest.mark.parametrize(("figure_id", "name"), [
    (MET, "caveat"),
    ("standard-2016-cse-referrals/cse-referrals-first-year", "caveat"),
    ("ons-2025-11-abuse-during-childhood-ew/adults-sexual-abuse-before-18", "caveat"),
])
def test_show_prints_a_long_field_whole_wrapped_at_100_columns_under_its_name(figure_id: str, name: str) -> None:
    """Kills mutants 41 (continuation lines dropped: a caveat cut after its first line), 367 (the first line printed
    again as a continuation), WIDTH's 99 (28) and 101 (29), and `break_on_hyphens` dropped (200: ONS's caveat broken
    inside a hyphenated word). `show` promises every field "nothing cut". Each caveat here runs to several lines: its
    lines, joined with spaces, are the caveat exactly as data/processed/figures.csv holds it; they start in the value
    column under its name; no line passes column 100; and each is as full as 100 columns allow (the next line's first
    word would not have fitted), so the width is 100, not 99."""
    with (PROJECT_ROOT / "data" / "processed" / "figures.csv").open(encoding="utf-8", newline="") as f:
        text = next(row for row in csv.DictReader(f) if row["figure_id"] == figure_id)[name]
    done = cli("show", figure_id)
    assert done.returncode == 0, done.stderr
    block = _field(done.stdout, name)
    assert len(block) > 1
    column = len("published_approximate: ")  # the longest field name, a colon and a space
    assert block[0][:column] == f"{name}:".ljust(column) and all(line[:column] == " " * column for line in block[1:])
    assert " ".join(line[column:] for line in block) == " ".join(text.split())
    assert max(len(line) for line in block) <= 100
    for line, after in zip(block, block[1:], strict=False):
        assert len(line) + 1 + len(after[column:].split()[0]) > 100, (line, after)


def test_show_prints_an_empty_field_as_nothing() -> None:
    """Kills mutant 130 (`str(value)` for every value). The Met's 1,200 has no denominator (its raw file has no such
    column) and no original URL: `show` printed "None" for each, a word the record does not hold."""
    done = cli("show", MET)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for name in ("denominator", "original_url", "status_as_printed"):
        assert [line.rstrip() for line in lines if line.startswith(f"{name}:")] == [f"{name}:"]
    assert "None" not in done.stdout


def test_show_says_how_many_things_cite_a_figure_and_when_nothing_does() -> None:
    """Kills mutants 139-141 (the two "Cited by" headings swapped, or one of them always). The Met's 1,200 is cited
    by one row of historic_reviews (its 6th row: data/processed/historic_reviews.csv, line 7 with the header) and by
    no claim; the 2016 inspection's cases referred back are cited by nothing."""
    cited = cli("show", MET).stdout.splitlines()
    at = cited.index("Cited by (1):")
    assert cited[at + 1] == "  - table historic_reviews, row 6"
    assert "Cited by: nothing in the record" not in cited
    alone = cli("show", UNCITED)
    assert alone.returncode == 0, alone.stderr
    assert "Cited by: nothing in the record" in alone.stdout.splitlines()
    assert "Cited by (" not in alone.stdout


def test_show_lists_uses_only_for_a_record_that_uses_something() -> None:
    """Kills mutant 43 (`Uses:` printed always). A source uses nothing in the record (it is what figures are taken
    from), so `show gbnews-2025-11-13` has no "Uses:" heading; the Met's 1,200 uses its source."""
    source = cli("show", "gbnews-2025-11-13")
    assert source.returncode == 0, source.stderr
    assert "Uses:" not in source.stdout.splitlines()
    figure = cli("show", MET).stdout.splitlines()
    assert figure[figure.index("Uses:") + 1].startswith("  - source gbnews-2025-11-13: GB News, ")


def test_search_says_how_many_meanings_a_number_has_and_warns_only_when_more_than_one() -> None:
    """Kills mutants 372 and 373 (`count > 1` as `>=` or `<`) and 47 (the meanings heading printed for a search in
    words). 1,737 is printed in the record for one thing only, the Evening Standard's 2016 referrals in the first year
    of the Met's CSE protocol (the one figure of value 1737 in data/processed/figures.csv); 1,200 for five (measure,
    place, unit): Beaconport referrals, the Met's cases in scope, officers trained, the national historic cases and
    the Met's 2017 offences. "children at risk" is words, no number, so it has no meanings."""
    one = cli("search", "1,737").stdout.splitlines()
    assert one[0] == '"1,737" is printed for 1 different thing:'
    assert one[2] == "      cse_referrals · London · referrals · printed \"1,737\""
    five = cli("search", "1,200").stdout.splitlines()
    assert five[0] == '"1,200" is printed for 5 different things (not one count: read each definition):'
    words = cli("search", "children at risk").stdout
    assert "is printed for" not in words
    assert words.splitlines()[0].endswith(" matches, best 20 shown:")


def test_search_says_best_n_shown_only_when_it_cuts_the_list() -> None:
    """Kills mutants 330 and 331 (the "best N shown" test as `<=` or `>`). The line counting matches says it lists
    only the best N exactly when it lists fewer than it found: all of 1,737's matches fit in the default 20; the
    matches for "children" do not, and `--limit 0` lists them all."""
    found = json.loads(cli("search", "1,737", "--json").stdout)["results"]
    assert 0 < len(found) <= 20
    text = cli("search", "1,737").stdout.splitlines()
    assert f"{len(found)} matches:" in text
    many = json.loads(cli("search", "children", "--json").stdout)["results"]
    assert len(many) > 20
    assert cli("search", "children").stdout.splitlines()[0] == f"{len(many)} matches, best 20 shown:"
    assert len(RANKED.findall(cli("search", "children").stdout)) == 20
    whole = cli("search", "children", "--limit", "0").stdout
    assert whole.splitlines()[0] == f"{len(many)} matches:"
    assert len(RANKED.findall(whole)) == len(many)


def test_a_search_that_finds_nothing_exits_1_and_a_record_not_built_exits_1(tmp_path: Path) -> None:
    """Kills mutants 68 and 26 (`search`'s exit status always 0), 176 and 103 (no status for a record not built: 0,
    or a traceback after the message) and 102 (the message not printed). The module's docstring: "Exit status: 0
    found, 1 nothing found". A word no cell holds finds nothing; a folder with no data/processed has no record to
    read, and both commands say in one line which file is missing."""
    nothing = cli("search", "zzzz-no-such-words")
    assert nothing.returncode == 1 and nothing.stdout.splitlines()[0] == "0 matches:"
    for args in (("show", MET), ("search", "1,200")):
        done = cli(*args, "--root", str(tmp_path))
        assert done.returncode == 1, args
        assert "data/processed/figures.csv does not exist" in done.stderr
        assert len(done.stderr.splitlines()) == 1 and done.stdout == "", args  # one line, no traceback


def test_search_lists_a_number_s_one_meaning_then_each_match_with_its_value_and_words() -> None:
    """Kills mutants 52 and 81 (the blank line after the meanings, and the measure · place · unit · printed line,
    dropped), 155 (a figure's value as printed left off its line), 56 and 157-159 (the summary under a match dropped
    or emptied), 20 and 21 (the closing hint and the blank line before it dropped). The one figure of value 1737 is
    the Evening Standard's 2016 referrals (data/raw/figures/standard-2016-cse-referrals.csv, row 1: measure
    cse_referrals, London, referrals, printed "1,737", its subject the first 88 columns' worth below); a figure whose
    value is the number searched ranks first."""
    figure_id = "standard-2016-cse-referrals/cse-referrals-first-year"
    subject = ("Referrals of suspected child sexual exploitation to the Met in the first year of its 2014 CSE "
               "protocol")
    lines = cli("search", "1,737").stdout.splitlines()
    assert lines[1:5] == [f"  * {subject}", '      cse_referrals · London · referrals · printed "1,737"',
                          f"      {figure_id}", ""]
    assert RANKED.match(lines[5]) is None and lines[5].endswith(" matches:")
    assert lines[6] == f'  1. figure {figure_id}  "1,737"'
    summary = lines[7]
    assert summary.startswith("        Referrals of suspected child sexual exploitation to the Met in the first")
    assert summary.endswith(" [...]") and len(summary) <= 100  # the subject, shortened to the line
    assert lines[-2:] == ["", "Every field of one: python -m analysis show ID"]


def test_search_kind_lists_only_that_kind() -> None:
    """Kills mutant 169 (`--kind` ignored). One claim in data/processed/claims.csv prints 1,737, the Evening
    Standard's rise in referrals (standard-2016-referrals-rise); `--kind claim` lists it and nothing else, where the
    search of every kind also lists the figure and a gap."""
    only = json.loads(cli("search", "1,737", "--kind", "claim", "--json").stdout)["results"]
    assert [(r["kind"], r["id"]) for r in only] == [("claim", "standard-2016-referrals-rise")]


def test_search_refuses_a_number_in_other_digits_with_status_2_and_one_line() -> None:
    """Kills mutant 99 (no status for a query refused: the command went on and failed on its own missing result,
    a traceback and status 1). "５６%" (full-width digits) is refused as verify refuses it: status 2, one line."""
    done = cli("search", "\uff15\uff16%")
    assert done.returncode == 2
    assert done.stderr.startswith("python -m analysis search: cannot read ") and len(done.stderr.splitlines()) == 1
    assert done.stdout == ""


def test_a_number_searched_for_is_never_found_inside_a_longer_number_or_a_decimal() -> None:
    """Kills the lookup.py mutants of `_whole_number`'s digit edges (hand-made in m64 as 2001-2004): the guard before
    a number against a digit and a decimal point (2001) and after it against a decimal point and a digit (2003), which
    no test held (round 43c's test has no decimal), and again the guards against a digit before (2002) and after (2004)
    it, on the record's own rows. Read in data/processed by hand: the Standard's 2015 referrals
    print 18 only in "a rise of 18.5 per cent"; the NSPCC's UK offences only in "2018-19" and "2018/19"; the London
    Assembly's 2013-14 allegations only in "1803"; and the Standard's claim of a 30 per cent rise prints 15 only in
    its working's "30.15%" and "1,150". ONS's adults "aged 18 and over who experienced sexual abuse before 18" print
    18 itself."""
    found = [r["id"] for r in lookup.search("18")]
    assert "ons-2025-11-abuse-during-childhood-ew/adults-sexual-abuse-before-18" in found
    assert "standard-2016-cse-referrals/cse-referrals-2015" not in found  # 18.5
    assert "banburyguardian-2019-11-01-nspcc-child-sexual-offences/offences-uk-2018-19" not in found  # 2018
    assert "lapcc-2014-07-24-keeping-londons-children-safe/child-sexual-assault-allegations-2013-14" not in found
    claims = [r["id"] for r in lookup.search("15", kinds=("claim",))]
    assert "standard-2018-cse-offences-rise" not in claims  # 30.15
    assert "standard-2018-cse-offences-rise" in [r["id"] for r in lookup.search("30.15", kinds=("claim",))]


def test_show_of_an_id_of_nothing_exits_1_with_one_line() -> None:
    """Kills mutant 99 (no status for an unknown id: the command went on to print a search it never made and failed
    with a traceback, status 1 all the same). "no-such-thing" names no figure, source, gap or claim."""
    done = cli("show", "no-such-thing")
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("python -m analysis show: 'no-such-thing' is no figure, source, gap or claim id")


def test_a_query_of_punctuation_only_is_searched_as_typed() -> None:
    """Kills lookup.py mutant 287 (`unframed` without its `or text`; one of m63's open punctuation-only queries). A
    query whose every character is a mark `unframed` would take off ("...", the elision a reader copies to find the
    quotes that leave words out) is kept as typed, not emptied to a query that finds nothing. The Evening Standard's
    claim of a 30 per cent rise is quoted in data/processed/claims.csv as "rocketed by 30 per cent ... 1,200 offences
    of child sexual exploitation in the capital in 2017"."""
    assert lookup.unframed("...") == "..."
    assert "standard-2018-cse-offences-rise" in [r["id"] for r in lookup.search("...", kinds=("claim",))]
