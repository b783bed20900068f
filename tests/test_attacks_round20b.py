"""Round 20, helper b: stamps that cannot lie (class 2) and one reading of every number (class 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.run import pipeline
from tests.scanned import verify_verdict
from tests.test_pipeline import _run, fake  # noqa: F401  (fake: the two-step job the pipeline tests share)

# --- class 2: every file a step's code reads is in its stamp ---------------------------------------------------------


@pytest.mark.parametrize("rel", ["analysis/factcheck/templates/parts/note.html.j2",
                                 "analysis/publish/templates/cards/chart.html.j2",
                                 "analysis/run/templates/lab/index.html.j2",
                                 "analysis/publish/fonts/extra/Inter-Italic.otf"])
def test_a_template_or_font_in_a_subfolder_is_in_every_stamp_that_reads_its_stage(tmp_path: Path, rel: str) -> None:
    """Jinja loads "parts/note.html.j2" from a subfolder of templates/ (`{% include %}`), but the stamps hashed
    `templates/*` only: the partial edited on its own left factcheck.html stale and `make` skipped the check."""
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    path.write_text("<p>one</p>\n")
    stage = rel.split("/")[1]
    readers = [s for s in pipeline.STEPS if f"analysis/{stage}/**/*.py" in s.inputs]
    assert readers
    for step in readers:
        before = pipeline.content_hash(tmp_path, step.inputs)
        path.write_text("<p>two</p>\n")
        assert pipeline.content_hash(tmp_path, step.inputs) != before, f"{step.name} does not see {rel}"
        path.write_text("<p>one</p>\n")


# --- class 4: an input printed "about X" is read one way by the fact-check and `verify` --------------------------


def _fact_check(value_as_printed: str, stated: str) -> str:
    """The fact-check's verdict on a `count` claim `stated` resting on one figure printed `value_as_printed`."""
    from analysis.factcheck import evaluate
    from analysis.factcheck.exact import exact_context
    from analysis.record.printed import parse_printed

    printed = parse_printed(value_as_printed)
    figure = {"figure_id": "s/a", "source_id": "s", "value_as_printed": value_as_printed, "value": printed.value,
              "qualifier": printed.qualifier, "unit": printed.unit}
    claim = {"id": "c", "kind": "count", "stated": stated, "inputs": {"figure": "s/a"}}
    with exact_context():
        return evaluate._evaluate(claim, {"s/a": figure}, {}).verdict


@pytest.mark.parametrize("stated", ["1,250", "1,150", "1,201", "1,259"])
def test_a_claim_inside_an_about_input_s_range_is_never_inaccurate(stated: str) -> None:
    """An input printed "about 1,200" stands for 1,140 to 1,260, tried every 3 (a grid of 41): the claim "1,260"
    fitted the grid's last point and was "accurate within rounding", while "1,250", inside the range but on no
    point of the grid, "held for none of it" and was "inaccurate"."""
    assert _fact_check("about 1,200", stated) == "accurate within rounding"
    assert _fact_check("about 1,200", "1,300") == "inaccurate"


@pytest.mark.parametrize(("value", "stated"), [("about 1,200", "1,260"), ("about 1,200", "1,250"),
                                               ("about 1,200", "about 1,250"), ("about 1,200", "1,300"),
                                               ("about 1,200", "1,200"), ("1,200", "about 1,250")])
def test_verify_reads_an_about_input_as_the_fact_check_does(value: str, stated: str) -> None:
    """`verify count --value 'about 1,200' --stated 1,260` was "inaccurate" where the fact-check, given the same
    printed figure, said "accurate within rounding" (and "accurate" where it said "within rounding" for "about
    1,250"): one printed input, two readings."""
    assert verify_verdict("count", "--value", value, "--stated", stated) == _fact_check(value, stated)


def test_verify_reads_an_about_input_as_a_range_in_every_kind() -> None:
    """The same rule in a kind with two inputs: a share of "about 600" in 1,000 stated as 62% (600 read as 570 to
    630: 57% to 63%) is borne out, not "inaccurate"."""
    assert verify_verdict("share", "--part", "about 600", "--whole", "1000", "--stated", "62%") \
        == "accurate within rounding"
    assert verify_verdict("share", "--part", "600", "--whole", "1000", "--stated", "62%") == "inaccurate"


# --- class 2: an editor's transient file in an input folder ----------------------------------------------------------


def test_an_input_removed_between_listing_and_reading_does_not_fail_the_job(
        fake, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """vim writes and removes a file "4913" beside every file it saves: when it went between the stamp's listing of
    the folder and its reading, `make` failed with "No such file or directory (…/4913)" (seen in 1 of 3 runs with
    a file saved in a loop). The file is gone: the hash is the folder's without it."""
    root, ran = fake
    transient = root / "in" / "4913"
    real = pipeline._files

    def listed_then_removed(at: Path, patterns) -> list[Path]:  # noqa: ANN001
        transient.write_text("x")
        found = real(at, patterns)
        transient.unlink()
        return found

    monkeypatch.setattr(pipeline, "_files", listed_then_removed)
    assert _run(root) == 0 and ran == ["first", "second"]
    ran.clear()
    assert _run(root) == 0 and ran == []


# --- class 4: a spacing accent or modifier letter between two digits ---------------------------------------------


@pytest.mark.parametrize("mark", ["\u00b8", "\u02db", "\u00b4", "\u2032", "\u02cf"])
def test_a_comma_or_apostrophe_look_alike_between_digits_is_refused_everywhere(mark: str) -> None:
    """"1¸374" (a CEDILLA drawn as a comma), "1˛374" (OGONEK), Swiss "1´374" typed with the acute key, "1′374"
    (PRIME), "1ˏ374" (MODIFIER LETTER LOW ACUTE ACCENT): the quote check took the value "374" from such a quote (the
    source printed one number, 1,374) and validation passed; scan read the figure 1; the parser refused the text
    with "'1 ̧374' is not a number as printed" (NFKC's reading, not what was typed). Now the record, the parser
    and `verify` refuse it with the one digits message, and scan reads no figure there."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.hygiene import digits_problem
    from analysis.record.printed import PrintedFigureError, parse_printed

    number = f"1{mark}374"
    message = f"a number must be written with the digits 0-9 only (found {mark!r}, U+{ord(mark):04X})"
    assert digits_problem(f"A review of {number} cases found 278") == message
    with pytest.raises(PrintedFigureError, match=re.escape(message)):
        parse_printed(number)
    with pytest.raises(Exception, match=re.escape(message)):
        verify_verdict("count", "--value", "1374", "--stated", number)
    assert scan_text(f"Police recorded {number} offences.", DEFAULT)["figures"] == []


@pytest.mark.parametrize("text", ["Children\u00b4s services saw 374 cases", "in the 1980\u00b4s, 374 cases"])
def test_an_accent_typed_as_an_apostrophe_in_words_is_no_digits_problem(text: str) -> None:
    """The rule is about a mark between two digits: an acute accent typed for an apostrophe in a word is text."""
    from analysis.record.hygiene import digits_problem

    assert digits_problem(text) is None


# --- class 2: file times in the future ------------------------------------------------------------------------------


def test_a_dependency_list_dated_in_the_future_does_not_reinstall_on_every_make(tmp_path: Path) -> None:
    """pyproject.toml dated two days ahead (copied from a machine whose clock was ahead, or unpacked with an
    archive's times) was newer than any install stamp, so every `make` ran the bootstrap (~25 s), whose reinstall
    of the project rewrote its dist-info, and every step reran. The stamp's name already hashes the files'
    content: an unchanged content is installed, whatever its time."""
    import os
    import shutil
    import subprocess
    import sys
    import time

    from analysis.paths import PROJECT_ROOT

    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(PROJECT_ROOT / name, checkout / name)
    shutil.copytree(PROJECT_ROOT / "analysis", checkout / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    (checkout / ".venv" / "bin").mkdir(parents=True)
    (checkout / ".venv" / "bin" / "python").symlink_to(sys.executable)
    stamp = subprocess.run(["make", "-s", "--no-print-directory", "--eval", "stamp: ; @echo $(STAMP)", "stamp"],
                           cwd=checkout, capture_output=True, text=True, check=True).stdout.strip()
    (checkout / stamp).touch()
    ahead = time.time() + 2 * 86400
    for name in ("pyproject.toml", "constraints.txt"):
        os.utime(checkout / name, (ahead, ahead))
    planned = subprocess.run(["make", "-n", "venv"], cwd=checkout, capture_output=True, text=True, check=True)
    assert "analysis.run.bootstrap" not in planned.stdout
    (checkout / "pyproject.toml").write_text((checkout / "pyproject.toml").read_text() + "\n# edited\n")
    planned = subprocess.run(["make", "-n", "venv"], cwd=checkout, capture_output=True, text=True, check=True)
    assert "analysis.run.bootstrap dev" in planned.stdout, "a changed content must still reinstall"


def test_a_sum_s_total_printed_about_is_the_claim_not_a_ranged_input() -> None:
    """`verify sum --parts '1,200 1,400' --total 'about 2,600'`: the total is the claim, judged as worded, and is
    not read as an input across its range (the working named it "inputs rounded")."""
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser()
    verify.add_arguments(parser, "verify")
    result = verify.evaluate(parser.parse_args(["sum", "--parts", "1,200 1,400", "--total", "about 2,600"]))
    assert result.verdict == "accurate" and "inputs rounded" not in result.working


# --- class 4: a number printed with a plus sign ------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "signed"), [
    ("Referrals rose to 2,400 (+1,200) in 2016.", "+1,200"),
    ("Offences were up +9% on the year.", "+9%"),
    ("It rose + 56 per cent.", "+ 56 per cent"),
    ("A rise of +£1.2m.", "+£1.2m"),
    ("A margin of +/- 5% is expected.", "+/- 5%"),
])
def test_scan_never_reads_a_number_with_a_plus_sign_as_a_figure(sentence: str, signed: str) -> None:
    """"2,400 (+1,200)" gave the count 1,200 (a rise read as a level, matched against any record figure of 1,200)
    and "+/- 5%" the share 5%, while "(-9%)" beside them was left out as a negative number, and the parser and
    `verify` refuse "+1,200" and "+9%". Now scan lists each as a part of the text not read."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT
    from analysis.record.printed import PrintedFigureError, parse_printed

    result = scan_text(sentence, DEFAULT)
    assert signed.lstrip("+/- ") not in [f["value_as_printed"] for f in result["figures"]]
    assert (signed, "number with a plus sign") in [(x["text"], x["kind"]) for x in result["left_out"]]
    assert any(signed in line for line in result["not_read"])
    with pytest.raises(PrintedFigureError):
        parse_printed(signed)


@pytest.mark.parametrize(("sentence", "figures"), [("The score was 3+1 in the final.", ["3", "1"]),
                                                   ("C++ 11 users: 1,200.", ["11", "1,200"])])
def test_a_plus_between_numbers_or_after_a_word_is_no_sign(sentence: str, figures: list[str]) -> None:
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    assert [f["value_as_printed"] for f in scan_text(sentence, DEFAULT)["figures"]] == figures


@pytest.mark.parametrize("sentence", ["There were 1,200 +/- 50 cases.", "Support was 56% +/- 3% in the poll."])
def test_a_margin_after_a_figure_still_leaves_the_figure_out_with_it(sentence: str) -> None:
    """The plus-sign kind must not take the margin of "1,200 +/- 50" from the figure it qualifies: it did (found
    before committing), and "1,200" was read as the exact count."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text(sentence, DEFAULT)
    assert result["figures"] == []
    assert [x["kind"] for x in result["left_out"]] == ["number with a qualifier no figure form reads"]
