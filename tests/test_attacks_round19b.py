"""Round 19, helper b: stamps that cannot lie (class 2) and one reading of every digit and character (class 4)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from analysis.run import pipeline
from tests.raw_copy import raw_copy, run_on
from tests.test_pipeline import _run, fake  # noqa: F401  (fake: the two-step job the pipeline tests share)

# --- class 2: a linked input pointed elsewhere and back while its step runs ---------------------------------------


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_an_input_link_pointed_elsewhere_and_back_during_its_step_leaves_it_unstamped(
        fake, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        linked: str) -> None:
    """A notebook linked in from elsewhere (`notebooks/05_factcheck.ipynb -> ~/drafts/…`), pointed at another copy
    with `ln -sfn` while the notebooks ran and pointed back before they ended: the step ran the other copy, but
    `stat` follows the link to the same target before and after, so the step was stamped current and the next
    `make` skipped with the other copy's outputs published. The same with a linked folder of inputs."""
    root, ran = fake
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    for name, text in (("one", "1\n"), ("two", "2\n")):
        (elsewhere / name).mkdir()
        (elsewhere / name / "a.txt").write_text(text)
    if linked == "file":
        link, targets = root / "in" / "a.txt", (elsewhere / "one" / "a.txt", elsewhere / "two" / "a.txt")
        link.unlink()
    else:
        link, targets = root / "in", (elsewhere / "one", elsewhere / "two")
        (root / "in" / "a.txt").unlink()
        (root / "in").rmdir()
    link.symlink_to(targets[0])
    real = pipeline._run_step
    once: list[bool] = []

    def pointed_elsewhere_and_back(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        if step.name != "first" or once:
            return real(step, paths, pool)
        once.append(True)
        for target in (targets[1], targets[0]):  # `ln -sfn`: a new link each time
            link.unlink()
            link.symlink_to(target)
            if target == targets[1]:
                code = real(step, paths, pool)
        return code

    monkeypatch.setattr(pipeline, "_run_step", pointed_elsewhere_and_back)
    assert _run(root) == 0 and (root / "out" / "x.txt").read_text() == "2\n"
    ran.clear()
    assert _run(root) == 0 and ran[:1] == ["first"], "the step must run again"
    assert (root / "out" / "x.txt").read_text() == "1\n"
    assert os.readlink(link) == str(targets[0])


# --- class 4: one reading of a number, in scan, the parser and the quote check --------------------------------------


def _scanned(text: str) -> tuple[list[tuple[float, str, str]], list[tuple[str, str]]]:
    """The figures scan reads in `text` (value, qualifier, unit) and what it lists as not read (text, kind)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text(text, DEFAULT)
    return ([(f["value"], f["qualifier"], f["unit"]) for f in result["figures"]],
            [(x["text"], x["kind"]) for x in result["left_out"]])


@pytest.mark.parametrize("printed", ["5‰", "5 ‰", "5.2‱", "5 per mille", "5-per-mille"])
def test_scan_never_reads_a_per_mille_figure_as_a_count(printed: str) -> None:
    """"5‰" (five in a thousand) was read by scan as the exact count 5, the sign dropped; the record and `verify`
    refuse it. Now scan lists it as a number with a unit no figure form reads."""
    figures, left = _scanned(f"Police recorded {printed} offences.")
    assert figures == []
    assert left == [(printed, "number with a unit no figure form reads")]


@pytest.mark.parametrize("printed", ["1 1/2", "3 1/2", "2-1/2"])
def test_scan_never_reads_the_whole_number_of_a_mixed_number_as_a_count(printed: str) -> None:
    """"It took 1 1/2 years" gave the exact count 1 (and "2-1/2" the count 2), the fraction listed apart."""
    figures, left = _scanned(f"Police recorded {printed} offences.")
    assert figures == []
    assert left == [(printed, "fraction or pair")]


@pytest.mark.parametrize("printed", ["ca. 1,200", "Ca. 1,200", "circ. 1,200"])
def test_circa_abbreviated_is_read_as_about_by_scan_the_parser_and_verify(printed: str) -> None:
    """"ca. 1,200": scan split the sentence at "ca." and read the exact 1,200, while the record and `verify` refused
    it as no number; "c." and "circa" were read as "about" by all three."""
    from analysis.factcheck.verify import read_stated
    from analysis.record.printed import parse_printed

    assert _scanned(f"Police recorded {printed} offences.")[0] == [(1200.0, "about", "count")]
    assert (parse_printed(printed).value, parse_printed(printed).qualifier) == (1200.0, "about")
    assert (read_stated(printed).value, read_stated(printed).qualifier) == (1200.0, "about")


@pytest.mark.parametrize(("value", "quote"), [("5", "a rate of 5‰ in 2023"), ("5", "5 ‱ of all"),
                                              ("5", "5 per mille"), ("56", "56% of cases"), ("56", "56٪ of cases"),
                                              ("56", "56 per cent of cases"), ("56", "56 percent"),
                                              ("200", "There were 1'200 cases"), ("200", "There were 1’200 cases"),
                                              ("1", "There were 1’200 cases"), ("200", "There were 1 200 cases"),
                                              ("1", "It took 1 1/2 years"), ("2", "It took 2-1/2 years")])
def test_a_value_that_is_part_of_a_number_printed_otherwise_is_not_printed(value: str, quote: str) -> None:
    """The quote check passed a bare value inside a number the quote prints in another form: "5" in "5‰", "56" in
    "56% of cases", "200" in "1'200" or "1 200", "1" in "1 1/2 years". The record then held a figure the source
    never printed, one scan does not read there either."""
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)


@pytest.mark.parametrize(("value", "quote"), [("56%", "56% of cases"), ("1,200", "In 2016 1,200 cases"),
                                              ("200", "In 2016 200 cases"), ("56", "56 cases, 12% of them"),
                                              ("3", "3 in 4 children"), ("1,200", "1,200 - 1,500")])
def test_a_value_printed_whole_beside_other_numbers_is_still_printed(value: str, quote: str) -> None:
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


#: The record's figures file whose one value the end-to-end tests below plant a bad printing of.
_BANBURY = "figures/banburyguardian-2019-11-01-nspcc-child-sexual-offences.csv"


def test_a_figure_whose_quote_prints_it_as_a_share_is_refused_by_validate(tmp_path: Path) -> None:
    """The whole path: a figure "56" (a count) whose quote reads "56% of offences" passed `validate`."""
    root = raw_copy(tmp_path, (_BANBURY, '"76,204"', "56"),
                    (_BANBURY, "shows 76,204 offences", "shows 56% of offences"))
    run = run_on(root, "validate")
    assert 'csv:2: quote does not contain "56"' in run.stdout + run.stderr, run.stdout + run.stderr


@pytest.mark.parametrize("printed", ["-56", "\u221256", "\u201356", "\u201256", "\ufe6356", "\uff0d56", "\u02d756",
                                     "\u2014 56"])
def test_a_value_with_any_minus_is_refused_with_one_message_in_data_raw_and_verify(printed: str) -> None:
    """"-56" and "−56" were "negative" to data/raw; "–56" (an en dash, as a word processor types a minus), "－56" or
    "˗56" were "not a number as printed" there, and every one of them was "not a number as printed" to `verify`."""
    from analysis.factcheck.verify import InputError, read_stated
    from analysis.record.printed import PrintedFigureError, parse_printed

    message = f"{printed!r} is negative; a count cannot be negative (print a fall as a fall)"
    with pytest.raises(PrintedFigureError, match=re.escape(message)):
        parse_printed(printed)
    with pytest.raises(InputError, match=re.escape(f"cannot read --stated {printed!r}: {message}")):
        read_stated(printed)


def test_data_raw_says_a_value_with_an_en_dash_minus_is_negative(tmp_path: Path) -> None:
    root = raw_copy(tmp_path, (_BANBURY, '"76,204"', "\u201356"),
                    (_BANBURY, "shows 76,204 offences", "shows \u201356 offences"))
    run = run_on(root, "validate")
    out = run.stdout + run.stderr
    assert "csv:2: value '\u201356' is negative; a count cannot be negative (print a fall as a fall)" in out, out


@pytest.mark.parametrize(("printed", "read"), [("56pc", (56.0, "percent")), ("56-pc", (56.0, "percent")),
                                               ("56 pc", None), ("56 PC", None), ("56 ٪", None), ("56٪", None)])
def test_pc_and_the_arabic_per_cent_sign_have_one_reading_in_scan_and_the_parser(
        printed: str, read: tuple[float, str] | None) -> None:
    """The parser (so the record and `verify`) read "56 pc" and "56 PC" as 56 per cent, while scan listed "56 pc" as
    not read and counted "56 PC" (officers); scan read "a 56-pc rise" as the count 56 and "56 ٪" as the count 56, the
    sign dropped. Now "pc" is a per-cent sign close up or after a hyphen for both, and "٪" is not read by either."""
    from analysis.record.printed import PrintedFigureError, parse_printed

    figures, left = _scanned(f"Police recorded a {printed} rise.")
    if read is None:
        with pytest.raises(PrintedFigureError):
            parse_printed(printed)
        assert all(unit != "percent" for _, _, unit in figures)
        if printed != "56 PC":  # "56 PC" stays the count of 56 officers to scan, as "12 PCs" does
            assert figures == [] and [text for text, _ in left] == [printed]
    else:
        assert (parse_printed(printed).value, parse_printed(printed).unit) == read
        assert figures == [(*read[:1], "exact", read[1])]


@pytest.mark.parametrize("printed", ["twelve-hundred", "Fifteen-hundred", "five-thousand", "two-million",
                                     "twenty-five-hundred", "12-hundred"])
def test_a_number_in_words_hyphened_to_its_scale_is_not_read_as_its_first_word(printed: str) -> None:
    """"five-thousand" was the count 5 to scan, "two-million" 2, "twelve-hundred" 12; the parser reads none of them.
    Now scan lists each as a number with a unit no figure form reads, as it does "twelve hundred"."""
    figures, left = _scanned(f"Police recorded {printed} offences.")
    assert figures == []
    assert left == [(printed, "number with a unit no figure form reads")]


@pytest.mark.parametrize("typed", ["1 200", "1 200 300", "12 345"])
def test_parts_typed_as_one_number_with_spaced_digit_groups_are_refused(typed: str) -> None:
    """`verify sum --parts "1 200" --total 1200` was "1 + 200 = 201 · inaccurate": one argument that a reader (and
    scan) reads as 1,200 was summed as two parts. Both readings fit, as with "1,200,300", so neither is guessed."""
    from analysis.factcheck.verify import InputError, split_parts

    with pytest.raises(InputError, match="reads as one number with spaces between its digit groups"):
        split_parts([typed])


@pytest.mark.parametrize(("typed", "parts"), [(["1", "200"], ["1", "200"]), (["10 64 61"], ["10", "64", "61"]),
                                              (["1,737 2,060"], ["1,737", "2,060"])])
def test_parts_separated_by_spaces_are_still_parts(typed: list[str], parts: list[str]) -> None:
    from analysis.factcheck.verify import split_parts

    assert split_parts(typed) == parts
