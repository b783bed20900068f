"""Round 18, helper b: stamps that cannot lie (class 2) and one reading of every digit and character (class 4)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from tests.raw_copy import raw_copy, run_on


def _command(root: Path, command: str) -> str:
    run = run_on(root, command)
    return run.stdout + run.stderr


def _row(root: Path, table: str, key: str, value: str) -> dict[str, str]:
    with (root / "data" / "processed" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return next(row for row in csv.DictReader(fh) if row[key] == value)


# --- class 4: a text field YAML reads as a number ------------------------------------------------------------------


def test_a_text_field_yaml_reads_as_a_number_is_kept_as_written(tmp_path: Path) -> None:
    """YAML reads `1:40` as 100 (base 60), `0144` as 100 (octal) and `20_16` as 2016. A claim's location given as a
    time in a broadcast (`location: 1:40`) was published as "100", a source's licence `0144` as "100", an
    inspection's label `20_16` as "2016": every loader turned the field into text with str() of YAML's number."""
    root = raw_copy(
        tmp_path,
        ("claims.yaml", "  location: Paras 6 and 8\n", "  location: 1:40\n"),
        ("sources.yaml", "  licence: unknown\n  notes: Date taken from the URL path (embargoed",
         "  licence: 0144\n  notes: Date taken from the URL path (embargoed"),
        ("inspections.yaml", '  label: "2016 inspection"\n', "  label: 20_16\n"),
    )
    out = _command(root, "build")
    assert out.startswith("wrote data/processed/"), out
    assert _row(root, "claims", "claim_id", "claim-q3-2017-135-sum")["location"] == "1:40"
    assert _row(root, "sources", "id", "aol-2016-11-24-hmic-ncpi-mps")["licence"] == "0144"
    assert _row(root, "inspection_grades", "inspection_id", "hmic-2016-ncpi")["label"] == "20_16"


@pytest.mark.parametrize("written", ["0135", "2:15", "1_35", "0x87", "+135"])
def test_a_stated_value_yaml_reads_as_a_number_is_read_as_written_or_refused(tmp_path: Path, written: str) -> None:
    """`stated: 2:15` (or 1_35, 0x87, +135: each 135 to YAML) was judged as the 135 the text prints, and
    `stated: 0135` was refused as 'text does not contain the stated value "93"', a number nobody wrote."""
    root = raw_copy(tmp_path, ("claims.yaml", "  stated: '135'\n", f"  stated: {written}\n"))
    out = _command(root, "validate")
    assert f"text does not contain the stated value \"{written}\"" in out, out
    if written != "+135":  # "+135" is a figure's form the printed-figure reader does not take, said once above
        assert f"stated: cannot read '{written}' as a figure" in out, out


@pytest.mark.parametrize("word", ["no", "on", "Yes", "off"])
def test_a_yes_or_no_word_in_a_claims_text_field_is_refused(tmp_path: Path, word: str) -> None:
    """`location: no` was published as "False" (YAML reads no/on/yes/off as true/false); sources.yaml refused it
    with one message, claims.yaml took it. Now claims.yaml says what sources.yaml says."""
    root = raw_copy(tmp_path, ("claims.yaml", "  location: Paras 6 and 8\n", f"  location: {word}\n"))
    out = _command(root, "validate")
    assert ("data/raw/claims.yaml:id=claim-q3-2017-135-sum: field 'location' must be text, not true/false "
            "(check the indentation, or put the text in quotes)") in out, out


# --- class 4: a rate's base, read by one rule in the registry and in verify ----------------------------------------


def _verify_rate_with_per(per: str) -> str:
    """`verify rate … --per PER` in process: its working, or the usage error it raises."""
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser(prog="verify")
    verify.add_arguments(parser)
    args = parser.parse_args(["rate", "--count", "5540", "--population", "2000000", "--per", per, "--stated", "2.77"])
    try:
        return verify.evaluate(args).working
    except verify.InputError as err:
        return f"refused: {err}"


@pytest.mark.parametrize("per", ["more than 1,000", "about 1,000", "1,000 out of 2,000", "1k", "one thousand",
                                 "1,000 [p]"])
def test_verify_reads_a_rate_base_as_the_registry_does(per: str) -> None:
    """`verify rate --per "more than 1,000"` (or "about 1,000", "1,000 out of 2,000") was the exact base 1,000 and
    the claim "accurate": verify read its base as any printed figure, the registry's `per:` takes digits only and
    refuses each of these. Now one rule, `printed.is_plain_number`, for both."""
    from analysis.factcheck.registry import _per_problems

    assert _per_problems(per, "2.77") == [f"per must be a number (e.g. 1000), not {per!r}"]  # the registry's reading
    assert _verify_rate_with_per(per) == (f"refused: cannot read --per {per!r}: the base of a rate must be a positive "
                                          "number in digits (e.g. 1000 or 10,000), as the claims registry's per: "
                                          "takes it")


@pytest.mark.parametrize("per", ["1000", "1,000", "1,000.0", " 1000 "])
def test_a_rate_base_in_digits_is_still_read(per: str) -> None:
    assert _verify_rate_with_per(per).startswith("5,540 / 2,000,000 × 1,000 = 2.77 per 1,000")


# --- class 4: a publisher's status mark, read past by every reader of a printed value -------------------------------


def test_a_figure_marked_revised_is_read_by_the_registry_and_tables_as_by_data_raw(tmp_path: Path) -> None:
    """data/raw reads "135 [r]" as 135, revised; every other reader of `value_as_printed` (the claims registry, the
    tables' kinds of number, copies and revisions, the charts, the workbook) called the printed-figure parser on the
    whole text and refused it: a sum claim whose total carries the mark could not be registered ("stated: cannot
    read '135 [r]'"), and the figure was an "unreadable" kind of number."""
    from analysis.tables.comparability import unit_kind

    figures = "breakingnewstime-2017-11-hmicfrs-ncpi-mps-q3.csv"
    root = raw_copy(tmp_path, ("claims.yaml", "claim-q3-2017-just-under-93pc.\n  stated: '135'\n",
                               "claim-q3-2017-just-under-93pc.\n"),
                    (f"figures/{figures}", "2017-11-24,135,cases,", "2017-11-24,135 [r],cases,"),
                    (f"figures/{figures}", "examined 135 cases", "examined 135 [r] cases"))
    out = _command(root, "build")
    assert out.startswith("wrote data/processed/"), out
    claim = _row(root, "claims", "claim_id", "claim-q3-2017-135-sum")
    assert (claim["verdict"], claim["working"]) == ("accurate", '10 + 64 + 61 = 135 · printed "135 [r]" (0 dp) · '
                                                                 "rounds to 135 · accurate")
    assert unit_kind({"value_as_printed": "61,806,682 [r]"}) == unit_kind({"value_as_printed": "61,806,682"})


# --- class 4: a value in its quote is a whole number, not part of a word or a scaled number -------------------------


@pytest.mark.parametrize(("value", "quote"), [("1.2", "1.2 million children"), ("1,200", "£1,200m was spent"),
                                              ("1,200", "1,200bn"), ("1,200", "1,200k"), ("1.2", "1.2mn"),
                                              ("three", "three million adults"), ("five", "twenty-five children"),
                                              ("ten", "often"), ("two", "a twofold rise"),
                                              ("quarter", "three-quarters of cases"), ("12", "on the A12"),
                                              ("12", "the 12th report")])
def test_a_value_running_into_a_word_or_a_scale_is_not_printed(value: str, quote: str) -> None:
    """The quote must print the value as a whole number, and the guards looked only at digits, separators, slashes
    and range dashes: "1.2" passed as printed in "1.2 million children" (a transcriber who dropped the scale stored
    1.2), "five" in "twenty-five", "ten" in "often"."""
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)


@pytest.mark.parametrize(("value", "quote"), [("1,200", "a 1,200-strong team"), ("five", "a five-year-old"),
                                              ("1,200", "1,200 mothers"), ("1,200", "1,200 more"),
                                              ("1.2 million", "1.2 million children"), ("£1.2m", "£1.2m was spent"),
                                              ("three-quarters", "about three-quarters of cases"),
                                              ("1,200", "(1,200)")])
def test_a_value_beside_a_word_it_does_not_run_into_is_printed(value: str, quote: str) -> None:
    """A word before the value is no part of it. (Not "almost three-quarters", whose bound the value as printed must
    keep: test_attacks_round47c.)"""
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


def test_a_figure_whose_quote_prints_it_with_a_scale_is_refused(tmp_path: Path) -> None:
    """End to end: the value 135 with a quote printing "135k" passed validation."""
    root = raw_copy(tmp_path, ("figures/breakingnewstime-2017-11-hmicfrs-ncpi-mps-q3.csv",
                               "examined 135 cases", "examined 135k cases"))
    out = _command(root, "validate")
    assert 'data/raw/figures/breakingnewstime-2017-11-hmicfrs-ncpi-mps-q3.csv:2: quote does not contain "135"' in out


# --- class 4: YAML tags and merge keys in the registry ---------------------------------------------------------------


@pytest.mark.parametrize(("written", "message"), [
    ("  note: !!binary SGVsbG8=\n", "uses a YAML tag (!!binary)"),
    ("  note: !!timestamp 2016-01-01 10:00\n", "uses a YAML tag (!!timestamp)"),
    ("  note: !!str 0144\n", "uses a YAML tag (!!str)"),
    ("  <<: {note: Merged in}\n", "uses a YAML merge key (<<)"),
])
def test_a_yaml_tag_or_merge_key_in_the_registry_is_refused_in_one_line(tmp_path: Path, written: str,
                                                                        message: str) -> None:
    """`note: !!binary SGVsbG8=` was published as the note "b'Hello'" (a value nobody typed); a `!!timestamp`
    YAML cannot read crashed `validate` and `make` with a 20-line traceback; a merge key was "not valid YAML
    (could not determine a constructor …)". Each is now refused as anchors are, with its line."""
    root = raw_copy(tmp_path, ("claims.yaml", "  stated: '135'\n", f"  stated: '135'\n{written}"))
    out = _command(root, "validate")
    assert "Traceback" not in out, out
    assert f"data/raw/claims.yaml:line 79: {message}" in out, out


# --- class 4: a rate's base in a unit, with its thousands spaced --------------------------------------------------


@pytest.mark.parametrize("unit", ["per 1 000 children", "per 100 000 population"])
def test_a_unit_whose_base_has_spaced_thousands_gives_no_base_of_1_or_100(mini: Any, unit: str) -> None:
    """A bare value under a unit "per 1 000 children" (thousands spaced, as many European and UN tables print them)
    was read as a rate per 1: the base ended at the first space. No base is read now, so the bare value is refused
    as a count under a rate's unit, as under any unit whose base cannot be read."""
    from analysis.record.figures import load_all_figures
    from analysis.record.problems import Problems
    from analysis.record.sources import load_sources
    from tests.conftest import GOOD_ROW, write_figures

    write_figures(mini.figures_dir / "demo-2017.csv",
                  [{**GOOD_ROW, "value_as_printed": "2.77", "unit": unit, "quote": "The rate was 2.77 in 2016."}])
    problems = Problems()
    figures = load_all_figures(mini, set(load_sources(mini, problems)), problems)
    assert [str(p) for p in problems.items] == [
        f"data/raw/figures/demo-2017.csv:2: value '2.77' is a count, but unit is {unit!r}"], figures


# --- class 4: verify's parts, one number or several --------------------------------------------------------------


@pytest.mark.parametrize("parts", ["1,200,300", "100,200,300", "1,000,000", "1,200"])
def test_parts_that_read_as_one_number_with_thousands_commas_are_refused(parts: str) -> None:
    """`verify sum --parts 1,200,300 --total 1,500` summed 1 + 200 + 300 = 501 ("inaccurate"), where a reader and
    data/raw read 1,200,300; "1,000,000" was refused as "'000' is not a number". Either reading fits, so neither is
    guessed: the message says how to separate parts."""
    import analysis

    with pytest.raises(ValueError, match=r"reads as one number with thousands commas or as parts separated by "
                                         r"commas: separate the parts by spaces or ';'"):
        analysis.verify("sum", parts=[parts], total="1,500")


def test_parts_that_cannot_be_one_number_are_still_a_comma_list() -> None:
    import analysis

    assert analysis.verify("sum", parts=["10,64,61"], total="135").verdict == "accurate"
    assert analysis.verify("sum", parts=["1,200", "300"], total="1,500").verdict == "accurate"


# --- class 4: a rate's base followed by a scale word ----------------------------------------------------------------


@pytest.mark.parametrize("stated", ["2.77 per 1 thousand", "3 per 1 million", "3 per one million people",
                                    "3 per 10 thousand children", "3 per 1,000 million"])
def test_a_rate_base_followed_by_a_scale_word_is_not_a_base_of_its_digits(stated: str) -> None:
    """"3 per 1 million" was read as a rate per 1 (the scale word taken for what is counted), so `verify rate`
    judged "2.77 per 1 thousand" against 5,540 / 2,000,000 × 1 = 0.00, "inaccurate". Refused now, in the words
    data/raw uses, with how to write the base."""
    import analysis
    from analysis.record.printed import PrintedFigureError, parse_printed

    with pytest.raises(PrintedFigureError, match="a rate's base is followed by a scale word; write the base in "
                                                 r"digits \(per 1,000,000\)"):
        parse_printed(stated)
    with pytest.raises(ValueError, match="a rate's base is followed by a scale word"):
        analysis.verify("rate", count="5540", population="2000000", stated=stated)


def test_a_unit_per_1_million_gives_no_base_of_1(mini: Any) -> None:
    """A bare value under the unit "per 1 million people" was a rate per 1."""
    from analysis.record.figures import load_all_figures
    from analysis.record.problems import Problems
    from analysis.record.sources import load_sources
    from tests.conftest import GOOD_ROW, write_figures

    unit = "per 1 million people"
    write_figures(mini.figures_dir / "demo-2017.csv",
                  [{**GOOD_ROW, "value_as_printed": "2.77", "unit": unit, "quote": "The rate was 2.77 in 2016."}])
    problems = Problems()
    load_all_figures(mini, set(load_sources(mini, problems)), problems)
    assert [str(p) for p in problems.items] == [
        f"data/raw/figures/demo-2017.csv:2: value '2.77' is a count, but unit is {unit!r}"]
