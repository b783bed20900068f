"""Issue 24, a fifth attack on its classes with inputs no earlier suite uses (tests/test_attacks.py,
tests/test_attacks_round4.py, tests/test_characters.py, tests/test_planted_markup.py): each case here got through
before its fix."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from analysis.record.hygiene import text_problem, url_problem
from analysis.record.safeguarding import personal_data_in
from analysis.run import pipeline
from tests.test_pipeline import _run, fake  # noqa: F401  (fake: the two-step job the pipeline tests share)

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

# --- one reading of characters: look-alike punctuation and letters ----------------------------------------------

#: Personal data written with punctuation that reads as "-", "/", "." or a space but is none of them (NFKC leaves
#: each as it is): an en dash, a minus sign, a Unicode hyphen, a figure dash, the fraction and division slashes, the
#: ideographic full stops (an address with one works: IDNA reads it as a dot), the Braille blank.
LOOKALIKES = [
    ("call 020\u20137946\u20130000", "a phone number"),
    ("call 020\u22127946\u22120000", "a phone number"),
    ("call 07700\u2010900\u2010123", "a phone number"),
    ("call 07700\u2012900123", "a phone number"),
    ("call 020\u28007946\u28000000", "a phone number"),
    ("write to reporter@example\u3002com", "an e-mail address"),
    ("write to reporter@example\uff61co\uff61uk", "an e-mail address"),
    ("lives near SW1A\u28001AA", "a UK postcode"),
    ("born 12\u201003\u20102009", "a date of birth"),
    ("born 12\u204403\u20442009", "a date of birth"),
    ("born 12\u221503\u22152009", "a date of birth"),
    ("born 12\u300203\u30022009", "a date of birth"),
    # Combining marks NFKC cannot compose away: an underline or a stroke through each digit.
    ("call " + "".join(c + "\u0332" for c in "020 7946 0000"), "a phone number"),
    ("call 0\u03362\u03360 7946 0000", "a phone number"),
    ("near SW1A\u20db 1AA", "a UK postcode"),
]


@pytest.mark.parametrize(("text", "kind"), LOOKALIKES)
def test_look_alike_punctuation_hides_no_personal_data(text: str, kind: str) -> None:
    assert kind in personal_data_in(text)


@pytest.mark.parametrize(("text", "kind"), [("call 020.7946.0000", "a phone number"),
                                            ("call 020/7946/0000", "a phone number"),
                                            ("her date-of-birth", "a date of birth")])
def test_ascii_separators_the_same_patterns_missed(text: str, kind: str) -> None:
    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", ["Police referred 1,582 cases (2016\u20132017)", "Figures for 2016\u201317",
                                  "page 4 \u2013 para 2", "1/2 of the 2,060 cases"])
def test_the_record_s_own_dashes_are_not_personal_data(text: str) -> None:
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["near SW1\u0410 1\u0410\u0410", "near \u0405W1A 1AA", "the \u039cet Police",
                                  "\u0430ll referrals", "near \ua731\u1d211\u1d00 1\u1d00\u1d00", "S\u0280 referrals"])
def test_a_letter_of_another_alphabet_is_refused_in_raw_text(text: str) -> None:
    """A Cyrillic "А" or "Ѕ", a Greek "Μ", the phonetic small capitals "ꜱᴡᴀ" (Latin script, but not letters of
    the alphabet, and NFKC keeps them): they read as Latin letters, and the postcode passed the check."""
    assert "not a letter of the Latin alphabet" in (text_problem(text) or "")


@pytest.mark.parametrize("text", ["Garda S\u00edoch\u00e1na", "Caf\u00e9 na n\u00d3g", "Llywodraeth Cymru \u0175",
                                  "\u0152uvre of Stra\u00dfe \u0131"])
def test_latin_letters_with_accents_pass(text: str) -> None:
    """Full-width letters ("Ｍｅｔ") passed here too until round 29 (r29b): they are a drawing of "Met" that
    Datasette's full-text search does not read as "Met", so record text now refuses them and says what to type
    (tests/test_attacks_round29b.py)."""
    assert text_problem(text) is None


@pytest.mark.parametrize("url", ["https://www.g\u043ev.uk/x",  # a Cyrillic "о"
                                 "https://www.gov.uk\u3002example.com/x",  # goes to gov.uk.example.com
                                 "https://www.gov\uff0euk/x", "https://www.gov.uk/\u202eflow",
                                 "https://xn--gv-jeb.uk/x"])
def test_a_source_address_that_can_imitate_another_is_refused(url: str) -> None:
    assert url_problem(url) is not None
    assert url_problem("https://www.gov.uk/government/news/a?b=1") is None


# --- stamps: links, and an input edited and put back during its step ----------------------------------------------


def test_editing_the_file_a_linked_input_points_to_reruns_its_step(fake, tmp_path_factory) -> None:  # noqa: F811
    """A notebook linked in from elsewhere ran, but links were left out of the hash: editing it never reran the
    notebooks, and their HTML copies stayed what the old notebook made."""
    root, ran = fake
    target = tmp_path_factory.mktemp("elsewhere") / "a.txt"
    target.write_text("1\n")
    (root / "in" / "a.txt").unlink()
    (root / "in" / "a.txt").symlink_to(target)
    assert _run(root) == 0 and ran == ["first", "second"]
    ran.clear()
    target.write_text("2\n")
    assert _run(root) == 0 and ran == ["first", "second"]
    assert (root / "out" / "x.txt").read_text() == "2\n"


def test_an_input_edited_and_put_back_during_its_step_leaves_it_unstamped(
        fake, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """The step read "2" (saved after the step took its stamp), then the file was put back to "1": the content
    hash before and after agree, so the step was stamped current for "1" with outputs made from "2"."""
    root, ran = fake
    real = pipeline._run_step
    path = root / "in" / "a.txt"

    once: list[bool] = []

    def edited_and_undone(step: pipeline.Step, paths, pool) -> int:  # noqa: ANN001
        if step.name == "first" and not once:
            once.append(True)
            original = path.stat().st_mtime_ns
            time.sleep(0.02)  # past the file system's timestamp granularity
            path.write_text("2\n")
            code = real(step, paths, pool)
            path.write_text("1\n")  # the edit undone with `cp -p` from a backup: even the old mtime put back
            os.utime(path, ns=(original, original))
            return code
        return real(step, paths, pool)

    monkeypatch.setattr(pipeline, "_run_step", edited_and_undone)
    assert _run(root) == 0
    ran.clear()
    assert _run(root) == 0 and ran[:1] == ["first"], "the step must run again"
    assert (root / "out" / "x.txt").read_text() == "1\n"


@pytest.mark.parametrize("deleted", ["methods.html", "factcheck-rules.html"])
def test_every_page_the_check_step_writes_is_remade_once_deleted(tmp_path: Path, deleted: str) -> None:
    """methods.html and factcheck-rules.html were written but not among the step's outputs: deleted, they were
    never remade ("check: unchanged, skipped"), and factcheck.html linked to a page that was not there."""
    import fnmatch
    import shutil

    from analysis.factcheck.report import write_report
    from analysis.paths import PROJECT_ROOT, Paths

    shutil.copytree(PROJECT_ROOT / "data" / "processed", tmp_path / "data" / "processed")
    shutil.copytree(PROJECT_ROOT / "docs", tmp_path / "docs")
    written, _ = write_report(Paths(tmp_path))
    step = next(s for s in pipeline.STEPS if s.name == "check")
    for path in written:
        assert any(fnmatch.fnmatch(path.relative_to(tmp_path).as_posix(), g) for g in step.written), path
    stamps = {"check": pipeline.stamp(tmp_path, step)}
    assert pipeline.is_current(tmp_path, step, stamps)
    (tmp_path / "outputs" / deleted).unlink()
    assert not pipeline.is_current(tmp_path, step, stamps)


def _chart_folder(charts: Path, chart_id: str) -> Path:
    folder = charts / chart_id
    folder.mkdir(parents=True)
    for ext in ("png", "svg", "csv", "json"):
        (folder / f"{chart_id}.{ext}").write_text("x")
    return folder


def test_a_retired_chart_is_neither_kept_nor_published(tmp_path: Path) -> None:
    """A chart taken out of the registry (withdrawn, renamed) kept its folder in outputs/charts after the notebooks
    reran, and the gallery went on publishing it with its downloads."""
    from analysis.paths import CHART_IDS
    from analysis.publish.gallery import chart_ids
    from analysis.run.notebooks import remove_retired_charts

    charts = tmp_path / "outputs" / "charts"
    current = _chart_folder(charts, CHART_IDS[0])
    retired = _chart_folder(charts, "retired-chart")
    assert chart_ids(tmp_path / "outputs") == [CHART_IDS[0]]
    own = charts / "someone-elses"
    own.mkdir()
    (own / "notes.txt").write_text("not a chart file")
    assert remove_retired_charts(charts) == [retired]
    assert current.is_dir() and not retired.exists() and own.is_dir()  # only chart files are ever removed


def test_the_copies_of_a_renamed_notebook_do_not_stay_behind(tmp_path: Path) -> None:
    """notebooks/01_inspections renamed 01_grades: outputs/notebooks kept 01_inspections.html, stamped current."""
    from analysis.run.notebooks import remove_retired_copies

    out = tmp_path / "notebooks"
    out.mkdir()
    for name in ("01_grades.html", "01_grades.ipynb", "01_inspections.html", "01_inspections.ipynb",
                 "01_grades.nbconvert.ipynb", "README.txt"):
        (out / name).write_text("x")
    gone = remove_retired_copies(out, ["01_grades"])
    assert sorted(p.name for p in gone) == ["01_inspections.html", "01_inspections.ipynb"]
    assert sorted(p.name for p in out.iterdir()) == ["01_grades.html", "01_grades.ipynb",
                                                      "01_grades.nbconvert.ipynb", "README.txt"]


# --- scan: elements never shown, footnote marks, fragments, declarations, Markdown -------------------------------


@pytest.mark.parametrize("page", [
    "<p>Shown 1,737 referrals.</p><dialog>Dialog 9,991 referrals.</dialog>",
    "<p>Shown 1,737 referrals.</p><noembed>Noembed 9,992</noembed><noframes>Noframes 9,993</noframes>",
    "<p>Shown 1,737 referrals.</p><iframe>Iframe 9,994</iframe><datalist><option>9,995</option></datalist>",
    '<p>Shown 1,737 referrals.</p><p style="display:/* x */none">Commented 9,989</p>',
    "<dialog>Dialog 9,991 referrals.</dialog> Shown 1,737 referrals.",
    '<font hidden color="white">Hidden 9,987</font>Shown 1,737 referrals.',
])
def test_text_a_browser_never_shows_is_not_read(page: str) -> None:
    from analysis.factcheck.scan_text import to_text

    assert to_text(page).replace("\n\n", " ") == "Shown 1,737 referrals."


def test_an_open_dialog_is_read() -> None:
    from analysis.factcheck.scan_text import to_text

    assert to_text("<dialog open>Shown 1,737 referrals.</dialog>") == "Shown 1,737 referrals."


@pytest.mark.parametrize(("page", "text"), [
    ("<p>There were 1,200<sup>3</sup> cases.</p>", "There were 1,200 cases."),
    ("<p>The Met received 1,737<sup>[2]</sup> referrals.</p>", "The Met received 1,737 referrals."),
    ("<p>There were 1,200<sup><a href='#fn1'>(a)</a></sup> cases<sub>\u2020</sub>.</p>", "There were 1,200 cases."),
    ("<p>On the 1<sup>st</sup> of May, 2,060 referrals.</p>", "On the 1st of May, 2,060 referrals."),
    ("There were 1,200<sup>3</sup> cases.", "There were 1,200 cases."),  # a fragment: HTML by its <sup>
])
def test_a_footnote_mark_never_joins_the_number_before_it(page: str, text: str) -> None:
    """"1,200<sup>3</sup>" was read as 1,2003 (no figure found) and "1,737<sup>[2]</sup>" gave the figure 2."""
    from analysis.factcheck.scan_text import to_text

    assert to_text(page) == text


def test_a_charset_named_in_the_article_s_text_is_not_a_declaration() -> None:
    from analysis.factcheck.scan_input import decode_article

    page = "<p>Tip: set charset=koi8-r in your editor.</p><p>The Met spent \u00a31,737 on referrals.</p>"
    assert "\u00a31,737" in decode_article(page.encode("utf-8"))
    declared = '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>\u00a3'
    assert decode_article(declared.encode("cp1252")).endswith("\u00a3")


def test_a_commented_out_charset_is_not_a_declaration() -> None:
    """A browser's pre-scan skips comments; `<!-- <meta charset="koi8-r"> -->` was read as the declaration."""
    from analysis.factcheck.scan_input import decode_article

    page = '<head><!-- old: <meta charset="koi8-r"> --><meta charset="utf-8"></head><p>Spent \u00a31,737.</p>'
    assert decode_article(page.encode("utf-8")).endswith("\u00a31,737.</p>")


def test_scan_prints_a_file_name_without_its_control_characters(tmp_path: Path, capsys) -> None:
    """A saved page named with an escape sequence set the terminal's title and colours through the error line."""
    import argparse

    from analysis.factcheck import scan

    bad = tmp_path / "art\x1b]0;PWNED\x07\x1b[31mred.pdf"
    bad.write_bytes(b"%PDF-1.4 x")
    parser = argparse.ArgumentParser()
    scan.add_arguments(parser, "scan")
    assert scan.run(parser.parse_args([str(bad)])) == 2
    err = capsys.readouterr().err
    assert "is a PDF" in err and not any(ch in err for ch in "\x1b\x07")


def test_a_backslash_or_link_in_an_article_stays_inside_its_markdown_cell() -> None:
    """"2,060 \\| referrals" came out as "\\\\|": an escaped backslash, then a live cell separator."""
    from analysis.factcheck.scan import render_markdown, scan_text
    from analysis.paths import DEFAULT

    page = "There were 2,060 \\| referrals [click](javascript:alert()) in 2015."
    md = render_markdown(scan_text(page, DEFAULT), show_all=False)
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    # GFM: a pipe after an even number of backslashes (none included) separates cells; six cells need seven.
    assert len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) == 7, row
    assert re.search(r"(?<!\\)\]\(", row) is None  # no "](" left to make a link


# --- Markdown output in the notebooks ------------------------------------------------------------------------------


def test_a_newline_in_record_text_starts_no_heading_or_code_block() -> None:
    """A caveat "ok\\n\\n# Verdict: accurate" became a heading in the notebook and its HTML copy."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    from analysis.publish.display import bullets

    shown = markdown2html_mistune(bullets(["Source caveat: ok\n\n# Verdict: accurate\n\n    code", "Note\n---"]).data)
    assert "<h1" not in shown and "<pre" not in shown and "<hr" not in shown
    assert "Verdict: accurate" in shown


# --- exports: the workbook's scratch file ---------------------------------------------------------------------------


def test_two_workbook_runs_use_their_own_scratch_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The workbook was written to the fixed name `.cse-figures.xlsx.tmp`: of two runs at once, one moved the
    file away under the other, which failed with "No such file" (3 tries of 3), or could publish a mix of two."""
    import gptables

    from analysis.paths import Paths
    from analysis.publish import workbook

    names: list[str] = []
    real = gptables.produce_workbook

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        names.append(kwargs["filename"])
        return real(*args, **kwargs)

    monkeypatch.setattr(gptables, "produce_workbook", spy)
    tables = workbook.load_tables(Paths(Path(__file__).resolve().parents[1]))  # the committed tables, read only
    tables = {name: rows for name, rows in tables.items() if name in ("sources", "gaps")}  # two sheets: quick
    for _ in range(2):
        assert workbook.build_workbook(tmp_path, tables, {}).is_file()
    assert len(set(names)) == 2 and not any(Path(n).exists() for n in names)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cse-figures.xlsx"]


# --- one door for every raw text field, in every raw file ----------------------------------------------------------

#: A prose field of each raw file: data/raw/revisions.csv's note had no text check at all, so a formula, a phone
#: number and a bidi control reached data/processed/revisions.csv (opened in Excel), the database and the workbook.
PROSE_FIELD = {"sources.yaml": "title", "gaps.yaml": "reason", "claims.yaml": "note", "inspections.yaml": "name",
               "revisions.csv": "note", "figures/*.csv": "caveat"}


def test_every_raw_file_s_prose_gets_the_same_checks(real_copy) -> None:

    import yaml

    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.planted import YAML_DUMPER, YAML_LOADER, read_rows, write_rows

    raw = real_copy.root / "data" / "raw"
    planted = {"formula": '=HYPERLINK("https://example.org","open")', "phone": "call 020 7946 0000"}
    for pattern, field in PROSE_FIELD.items():
        path = sorted(raw.glob(pattern))[0]
        for kind, text in planted.items():
            if path.suffix == ".yaml":
                entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
                entries[0 if kind == "formula" else 1][field] = text
                path.write_text(yaml.dump(entries, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False),
                                encoding="utf-8")
            else:
                rows = read_rows(path)
                rows[0 if kind == "formula" else -1][field] = text
                write_rows(path, rows)
    with pytest.raises(ValidationError) as raised:
        load_raw(real_copy)
    found = [str(p) for p in raised.value.problems]
    for pattern, field in PROSE_FIELD.items():
        name = pattern.split("/")[0]
        mine = [p for p in found if name in p and f" {field} " in p]
        assert any("reads as a formula" in p for p in mine), (name, mine)
        assert any("seems to contain a phone number" in p for p in mine), (name, mine)


def test_looking_for_footnote_marks_stays_linear() -> None:
    """Each </sup> looks at the text since its <sup> only when that text is short enough to be a mark: thousands
    of nested <sup> around a long text would otherwise join that text once per end tag. Counted, not timed."""
    from analysis.factcheck.scan_text import _TextParser
    from tests.test_attacks_round4 import _CountingList

    depth, text = 3_000, "words <i>in</i> italics " * 5_000  # 15,000 pieces of text
    parser = _TextParser()
    parser.parts = _CountingList()
    parser.feed("<p>" + "<sup>" * depth + text + "</sup>" * depth + "<sup>2</sup></p>")
    parser.close()
    assert "".join(parser.parts).strip() == text.replace("<i>", "").replace("</i>", "").strip()
    assert parser.parts.touched <= 10 * depth, parser.parts.touched



def test_claimreview_gives_an_approximate_claim_date_only_to_the_month() -> None:
    """A source dated by a stand-in (`date_approximate`, e.g. 2025-01-01 for "January 2025") reached ClaimReview
    as the exact day the claim was made: datePublished 2025-01-01."""
    from analysis.factcheck.claimreview import claim_review
    from analysis.factcheck.report import Entry
    from analysis.factcheck.wording import ACCURATE

    claim = {"claim_id": "c", "claimant": "A paper", "text": "Up 5 per cent", "verdict": ACCURATE, "working": "x"}
    source = {"id": "s", "date_published": "2025-01-01", "date_accessed": "2026-11-26"}
    approximate = claim_review(Entry(claim, {**source, "date_approximate": "true"}, sources=[source]), "/", "p")
    exact = claim_review(Entry(claim, {**source, "date_approximate": ""}, sources=[source]), "/", "p")
    assert approximate["itemReviewed"]["datePublished"] == "2025-01"
    assert exact["itemReviewed"]["datePublished"] == "2025-01-01"


@pytest.mark.parametrize("text", ["Counts by year;=WEBSERVICE(\"https://example.org\")", "see note; +cmd|' /C calc'!A0",
                                  "as printed;@SUM(1+1)", "x; -HYPERLINK(\"https://example.org\")"])
def test_a_formula_after_a_semicolon_is_refused(text: str) -> None:
    """Excel set to a semicolon list separator splits an unquoted CSV cell at ';', so 'x;=WEBSERVICE(…)' opens as
    a second cell holding a formula (left open by round 5, fixed after): raw text may not carry one."""
    problem = text_problem(text)
    assert problem and "semicolons" in problem


@pytest.mark.parametrize("text", ["rates fell; -5% in London", "a; b", "2014; 2015", "figures: 1,200; 922"])
def test_ordinary_semicolons_stay_text(text: str) -> None:
    assert text_problem(text) is None
