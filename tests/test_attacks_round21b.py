"""Round 21, helper b: stamps that cannot lie (class 2) and one reading of every digit and character (class 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.raw_copy import raw_copy, run_on

# --- class 4: one reading of a number, in scan, the parser and the quote check --------------------------------------


def _scanned(text: str) -> tuple[list[tuple[float, str, str]], list[tuple[str, str]]]:
    """The figures scan reads in `text` (value, qualifier, unit) and what it lists as not read (text, kind)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    result = scan_text(text, DEFAULT)
    return ([(f["value"], f["qualifier"], f["unit"]) for f in result["figures"]],
            [(x["text"], x["kind"]) for x in result["left_out"]])


@pytest.mark.parametrize("printed", ["1.2 trn", "1.2 mill", "1.2 M", "1.2 K", "1.2 k", "1.2 B", "5 bps", "5 bp",
                                     "5 basis points"])
def test_a_number_with_a_scale_or_unit_no_form_reads_is_not_read_as_the_bare_number(printed: str) -> None:
    """"1.2 trn", "1.2 M" or "1.2 K" (a scale the parser reads only close up, or not at all) and "5 bps" were read
    by scan as the counts 1.2 and 5, a figure a thousand to a trillion times too small; and the quote check took
    "1.2" as printed in "1.2 trn". The parser and `verify` refuse each. Now scan lists each as not read, and the
    quote check does not find the bare number in it."""
    from analysis.record.figures import contains_printed
    from analysis.record.printed import PrintedFigureError, parse_printed

    figures, left_out = _scanned(f"Police recorded {printed} offences last year.")
    assert figures == [] and left_out == [(printed, "number with a unit no figure form reads")]
    assert not contains_printed(printed.split()[0], f"Police recorded {printed} offences last year.")
    with pytest.raises(PrintedFigureError):
        parse_printed(printed)


@pytest.mark.parametrize(("printed", "value"), [("1.2 million", 1.2e6), ("1.2 bn", 1.2e9), ("1.2k", 1200.0),
                                                ("1.2m", 1.2e6)])
def test_a_scale_a_form_reads_is_still_read(printed: str, value: float) -> None:
    figures, _ = _scanned(f"Police recorded {printed} offences last year.")
    assert figures == [(value, "exact", "count")]


@pytest.mark.parametrize(("value", "quote"), [("1,200", "£1,200 was spent"), ("1,200", "£ 1,200 was spent"),
                                              ("1.2m", "£1.2m was spent"), ("1,200", "1,200½ cases"),
                                              ("1,200", "a 1,200:1 ratio"), ("1,200", "1,200·5 cases"),
                                              ("1,200", "1,200\u066b5 cases"), ("1,200", "1,200'5 cases")])
def test_a_value_inside_a_number_the_quote_prints_otherwise_is_not_printed(value: str, quote: str) -> None:
    """The quote check took "1,200" as printed in "£1,200" (money, to scan and the parser: the record held a count),
    in "1,200½" (a mixed number), in the ratio "1,200:1" and across another style's decimal mark or digit group
    ("1,200·5", "1,200٫5", "1,200'5"), each of which scan reads as money or lists as not read."""
    from analysis.record.figures import contains_printed

    assert not contains_printed(value, quote)


@pytest.mark.parametrize(("value", "quote"), [("£1,200", "£1,200 was spent"), ("1,200", "Total: 1,200 cases"),
                                              ("1,200", "1,200² cases"), ("1,200", "1,200 ½ hours later"),
                                              ("1,200", "(1,200)"), ("1,200", "1,200, 1,300 and 1,400")])
def test_a_value_printed_whole_beside_marks_is_still_printed(value: str, quote: str) -> None:
    from analysis.record.figures import contains_printed

    assert contains_printed(value, quote)


_MYLONDON = "figures/mylondon-2025-10-grooming-gangs.csv"


def test_a_count_whose_quote_prints_it_as_money_is_refused_by_validate(tmp_path: Path) -> None:
    """The whole path: a figure "15.6million" (a count) whose quote reads "£15.6million" passed `validate`."""
    root = raw_copy(tmp_path, (_MYLONDON, ",£15.6million,GBP,", ",15.6million,services,"))
    run = run_on(root, "validate")
    assert 'quote does not contain "15.6million"' in run.stdout + run.stderr, run.stdout + run.stderr


@pytest.mark.parametrize(("sentence", "signed"), [("Police recorded ++1,200 offences.", "++1,200"),
                                                  ("Police recorded -+1,200 offences.", "-+1,200"),
                                                  ("Offences rose +++56% last year.", "+++56%")])
def test_scan_never_reads_a_number_with_a_doubled_sign_as_a_figure(sentence: str, signed: str) -> None:
    """"++1,200" was read as the exact count 1,200, its signs dropped, where "+1,200" is listed as signed."""
    figures, left_out = _scanned(sentence)
    assert figures == [] and left_out == [(signed, "number with a plus sign")]


# --- class 2: a file in a linked folder is in its step's stamp -------------------------------------------------------


@pytest.mark.parametrize("rel", ["analysis/factcheck/templates/parts/note.html.j2",
                                 "analysis/publish/charts/shared/helpers.py",
                                 "notebooks/lib/helpers/fmt.py"])
def test_a_file_in_a_linked_folder_is_in_every_stamp_that_reads_it(tmp_path: Path, rel: str) -> None:
    """pathlib's `**` does not enter a folder that is a symbolic link, but Jinja, imports and the kernels read
    through one: a template partial in `templates/parts -> ../shared` (or a module in a linked package, or in a
    linked folder of notebooks) was in no stamp, so editing it left the pages or charts stale and `make` skipped."""
    from analysis.run import pipeline

    root, shared = tmp_path / "project", tmp_path / "shared"
    shared.mkdir()
    (shared / Path(rel).name).write_text("one\n")
    link = root / Path(rel).parent
    link.parent.mkdir(parents=True)
    link.symlink_to(shared, target_is_directory=True)
    readers = [s for s in pipeline.STEPS if any(p == root / rel for p in pipeline._files(root, s.inputs))]
    assert readers, f"no step reads {rel}"
    for step in readers:
        before = pipeline.content_hash(root, step.inputs)
        (shared / Path(rel).name).write_text("two\n")
        assert pipeline.content_hash(root, step.inputs) != before, f"{step.name} does not see {rel}"
        (shared / Path(rel).name).write_text("one\n")


def test_a_linked_folder_that_points_above_itself_is_read_once(tmp_path: Path) -> None:
    """A link to a folder above it (`templates/loop -> ..`) is not followed round for ever."""
    from analysis.run import pipeline

    templates = tmp_path / "analysis" / "factcheck" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.html.j2").write_text("<p>one</p>\n")
    (templates / "loop").symlink_to("..", target_is_directory=True)
    files = pipeline._files(tmp_path, ("analysis/factcheck/**/templates/**/*",))
    assert templates / "page.html.j2" in files and len(files) < 10


@pytest.mark.parametrize(("printed", "read"), [("twelve%", (12.0, "exact", "percent")),
                                               ("twelve pp", (12.0, "exact", "percentage points")),
                                               ("one per 100,000 children", (1.0, "exact", "rate")),
                                               ("about twelve per 1,000 children", (12.0, "about", "rate"))])
def test_a_number_in_words_with_a_sign_or_a_rate_base_is_read_as_the_parser_reads_it(
        printed: str, read: tuple[float, str, str]) -> None:
    """The parser reads "twelve%" as 12 per cent and "one per 100,000 children" as a rate; scan dropped the first
    without a word and read the second as the counts 1 and 100,000 (a figure the article never printed)."""
    from analysis.record.printed import parse_printed

    figures, left_out = _scanned(f"Police said {printed} were recorded in Kent last year.")
    assert figures == [read] and left_out == []
    parsed = parse_printed(printed)
    assert (parsed.value, parsed.qualifier, parsed.unit) == read
