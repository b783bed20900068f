"""Issue 24, a fresh attack on its classes with inputs the earlier suites do not use (tests/test_attacks.py,
tests/test_characters.py, tests/test_planted_markup.py): each case here got through before its fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.factcheck.scan_text import _TextParser, sentences, to_text
from analysis.record.hygiene import text_problem
from analysis.record.safeguarding import personal_data_in
from tests.test_attacks import _datasette_get

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)

# --- one reading of characters: default-ignorable code points that are not Cf -----------------------------------

#: Shown as nothing, yet not format characters (Cf): variation selectors, the combining grapheme joiner, Hangul
#: fillers, a Khmer inherent vowel. Each hid a phone number from the personal-data check and passed `validate`.
IGNORABLE = ["\ufe0f", "\ufe00", "\U000e0100", "\u034f", "\u3164", "\u115f", "\uffa0", "\u17b4", "\u180f"]


@pytest.mark.parametrize("hidden", IGNORABLE)
def test_a_default_ignorable_character_hides_no_phone_number(hidden: str) -> None:
    assert personal_data_in(f"call 0207{hidden}946 0000") == ["a phone number"]


@pytest.mark.parametrize("hidden", IGNORABLE)
def test_a_default_ignorable_character_is_refused_in_raw_text(hidden: str) -> None:
    assert "invisible format character" in (text_problem(f"Metropolitan {hidden}Police") or "")


# --- scan reads an article's characters the same way ------------------------------------------------------------


def _sentence_texts(raw: str) -> list[str]:
    return [s.text for s in sentences(to_text(raw))]


def test_scan_reads_invisible_characters_inside_a_number_as_nothing() -> None:
    """"1<ZWSP>,737" was scanned as the figure 1, "2<VS16>,060" as 2."""
    assert _sentence_texts("There were 1\u200b,737 and 2\ufe0f,060 referrals.") == [
        "There were 1,737 and 2,060 referrals."]


def test_scan_never_reads_a_foreign_digit_into_a_number() -> None:
    """NFKC alone would turn a footnote's "1,200²" into 1,2002 and full-width "３０４" into 304."""
    text = to_text("There were 1,200\u00b2 cases and \uff13\uff10\uff14 referrals.")
    assert "1,2002" not in text and "304" not in text
    assert "1,200\u00b2" in text


def test_scan_drops_terminal_escapes_and_control_characters() -> None:
    """An ANSI escape in a pasted article reached the terminal, and "ESC[31m" was read as 31 million."""
    text = to_text("The Met received 1,737 referrals\x1b[2J\x1b[31m in 2014.\x07")
    assert text == "The Met received 1,737 referrals in 2014."


def test_scan_reads_carriage_return_line_ends_like_newlines() -> None:
    assert to_text("First line 1,737.\rSecond line 2,060.\r") == to_text("First line 1,737.\r\nSecond line 2,060.\r\n")
    assert to_text("First line 1,737.\rSecond line 2,060.").count("\n\n") == 1


# --- scan's HTML: hidden text, fragments, nesting ----------------------------------------------------------------


def test_a_paragraph_opened_after_a_hidden_one_is_read() -> None:
    """HTML5 closes an open <p> at the next block: `<p hidden>A<p>B` hides A only (B was dropped)."""
    text = to_text("<body><p hidden>Hidden 9,995 referrals.<p>Shown 2,060 referrals.<ul><li hidden>9,998<li>"
                   "Listed 1,200 cases.</ul></body>")
    assert "2,060" in text and "1,200" in text
    assert "9,995" not in text and "9,998" not in text


def test_an_html_fragment_is_read_as_html_whatever_tag_it_starts_with() -> None:
    """A fragment of <section>/<template>/<noscript> was read as plain text: hidden text counted, tags quoted."""
    text = to_text("<section><template>Template 9,991 referrals.</template><noscript>No 9,992</noscript>"
                   "Visible 1,737 referrals.</section>")
    assert text == "Visible 1,737 referrals."


class _CountingList(list):
    """A list that counts the elements each search or slice of it looks at."""

    touched = 0

    def __contains__(self, item: Any) -> bool:
        self.touched += len(self)
        return super().__contains__(item)

    def index(self, *args: Any) -> int:  # type: ignore[override]
        self.touched += len(self)
        return super().index(*args)

    def __getitem__(self, key: Any) -> Any:
        got = super().__getitem__(key)
        self.touched += len(got) if isinstance(key, slice) else 1
        return got


def test_html_parsing_work_grows_linearly_with_nesting() -> None:
    """Each tag searched the whole stack of open elements: 150,000 nested <div>s (1.9 MB, under the size limit)
    ran for over two minutes. Counted, not timed: the elements the parser looks at stay within a few per tag."""
    for depth in (1_000, 4_000):
        parser = _TextParser()
        parser._open = _CountingList()
        parser.feed("<p>start</p>" + "<div>" * depth + "<div hidden>9,999</div>deep 1,737" + "</div>" * depth)
        parser.close()
        assert "deep 1,737" in "".join(parser.parts) and "9,999" not in "".join(parser.parts)
        assert parser._open.touched <= 4 * depth, (depth, parser._open.touched)


# --- Datasette: one step of unbounded cost -----------------------------------------------------------------------


def test_datasette_refuses_printf_whose_width_loops_past_the_time_limit(small_db: Path) -> None:
    """`printf('%.*c', 900000000, 'x')` looped 900 million times in one step: 6 s of CPU for one GET."""
    for sql in ("select printf('%.*c', 900000000, 'x') as p", "select format('%d', 1) as p"):
        got = _datasette_get(small_db, sql)
        assert got["status"] >= 400 and "not authorized" in got["text"], sql


def test_datasette_values_are_capped_below_what_makes_instr_quadratic(small_db: Path) -> None:
    """`instr(<1 MB>, <500 KB>)` took 5.5 s in one step at the old 1 MB cap; values over 100 KB are refused."""
    big = "select length(replace(hex(zeroblob(60000)), '0', 'a')) as n"  # 120,000 bytes
    got = _datasette_get(small_db, big)
    assert got["status"] >= 400 and "too big" in got["text"]
    assert _datasette_get(small_db, "select length(hex(zeroblob(4000))) as n")["status"] == 200


# --- the notebooks' HTML copies ----------------------------------------------------------------------------------

STYLE_ATTACK = "<style>body{display:none}</style> [x](javascript:alert(1)) $\\frac{1}{2}$"


def _copy_of(outputs: list[dict[str, str]]) -> str:
    import nbformat

    from analysis.run.copies import _html

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", data=data) for data in outputs]
    nb.cells.append(cell)
    return _html(nb)


def test_a_chart_caption_escapes_the_record_text_it_shows() -> None:
    """`meta.caption()` put a producer's `<style>` into every notebook's Markdown output unescaped."""
    import pandas as pd

    from analysis.publish.charts.common import ChartMeta

    meta = ChartMeta("c", "bar", "t", "i", STYLE_ATTACK, "https://example.org", f"Source: {STYLE_ATTACK}",
                     f"Note {STYLE_ATTACK}", "alt", pd.DataFrame(), source_documents=STYLE_ATTACK)
    shown = meta.caption().data
    assert "<style>" not in shown and "](javascript:" not in shown.replace("\\](", "")
    assert "body{display:none}</style>" not in _copy_of([{"text/markdown": shown}])


def test_the_html_copy_keeps_no_stylesheet_but_the_tables_own() -> None:
    """`<style>` was a safe tag: a stylesheet in an output could blank the page or fetch from elsewhere."""
    import pandas as pd

    from analysis.publish.display import TABLE_STYLE, table_html

    page = _copy_of([{"text/html": f"<p>{STYLE_ATTACK}</p>"}, {"text/html": table_html(pd.DataFrame({"n": [374]}))}])
    assert "body{display:none}</style>" not in page
    assert page.count(TABLE_STYLE) == 1


def test_the_html_copy_loads_no_script_from_elsewhere() -> None:
    """JupyterLab's template fetched require.js, MathJax (which renders `$…$` from the record as mathematics) and
    Mermaid from cdnjs into every copy."""
    page = _copy_of([{"text/markdown": "A $\\frac{1}{2}$ note"}])
    assert "cdnjs" not in page and "mathjax" not in page.lower() and "<script src" not in page


# --- stamps: a setting is an input too ---------------------------------------------------------------------------


def test_a_new_site_url_reruns_every_step_that_prints_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`CSE_SITE_URL=… make` after a `make` skipped every step: the report's ClaimReview and the gallery's embed
    code kept the old address. The build, which never prints it, is still skipped."""
    from analysis.paths import SITE_URL_ENV
    from analysis.run import pipeline

    steps = {step.name: step for step in pipeline.STEPS}
    monkeypatch.setenv(SITE_URL_ENV, "https://first.example.org/")
    first = {name: pipeline.stamp(tmp_path, step) for name, step in steps.items()}
    monkeypatch.setenv(SITE_URL_ENV, "https://second.example.org/")
    changed = {name for name, step in steps.items() if pipeline.stamp(tmp_path, step) != first[name]}
    assert changed == {"check", "notebooks", "workbook", "gallery"}


@pytest.mark.parametrize("text", ["1\u00bd", "\u2154 of cases", "\u216b", "2\u2155 per cent"])
def test_a_fraction_or_numeral_character_gets_the_one_digits_message(text: str) -> None:
    """"1½" was refused as "'11⁄2' is not a number as printed" (what NFKC made of it), in raw data and `verify`."""
    from analysis.factcheck.verify import InputError, read_printed
    from analysis.record.printed import PrintedFigureError, parse_printed

    with pytest.raises(PrintedFigureError, match="must be written with the digits 0-9 only"):
        parse_printed(text)
    with pytest.raises(InputError, match="must be written with the digits 0-9 only"):
        read_printed("--stated", text)


# --- scan's input: a declared encoding ----------------------------------------------------------------------------

PAGE = '<html><head><meta charset="{}"></head><body><p>The Met received 1,737 referrals in 2014.</p></body></html>'


@pytest.mark.parametrize("declared", ["rot13", "base64", "zlib", "punycode", "unicode_escape"])
def test_a_declared_codec_that_is_not_a_web_text_encoding_is_refused_in_one_line(declared: str) -> None:
    """`<meta charset="base64">` raised a LookupError traceback; "unicode_escape" read backslashes as escapes."""
    from analysis.factcheck.scan_input import InputRefused, decode_article

    with pytest.raises(InputRefused, match="not a text encoding a web page may use"):
        decode_article(PAGE.format(declared).encode("ascii"))


@pytest.mark.parametrize(("declared", "tail", "read"), [("utf-16", b"\xc2\xa3", "\u00a3"),
                                                        ("UTF-16LE", b"", ""), ("latin1", b"\x80", "\u20ac"),
                                                        ("ascii", b"\xa3", "\u00a3")])
def test_a_declared_encoding_is_read_as_browsers_read_it(declared: str, tail: bytes, read: str) -> None:
    """A page declaring UTF-16 without a byte-order mark was decoded as UTF-16: garbage, "no figures found",
    exit 0. Browsers (the Encoding Standard) read it as UTF-8, and "latin1"/"ascii" as windows-1252."""
    from analysis.factcheck.scan_input import decode_article

    text = decode_article(PAGE.format(declared).encode("ascii") + tail)
    assert "1,737 referrals" in text and text.endswith("</html>" + read)


@pytest.mark.parametrize("limit", ["nan", "inf", "1e999", "-1", "0"])
def test_scan_refuses_a_size_limit_that_is_not_a_size_in_one_line(limit: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """`--max-mb nan|inf|1e999` gave a traceback; `--max-mb -1` said "standard input is closed". Read by scan's own
    parser here (a traceback would be the exception itself); the command end to end is the test below."""
    import argparse

    from analysis.factcheck.scan import add_arguments

    parser = argparse.ArgumentParser(prog="scan")
    add_arguments(parser, "scan")
    with pytest.raises(SystemExit) as stopped:
        parser.parse_args(["tests/fixtures/seed-article.txt", f"--max-mb={limit}"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "argument --max-mb" in err and "standard input" not in err


def test_the_scan_command_refuses_a_size_limit_in_one_line() -> None:
    """The same through `python -m analysis scan`: exit 2, one line, no traceback."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    done = subprocess.run([sys.executable, "-m", "analysis", "scan", "tests/fixtures/seed-article.txt",
                           "--max-mb=nan"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "argument --max-mb" in done.stderr and "standard input" not in done.stderr


@pytest.mark.parametrize(("page", "text"), [
    # Round eleven: a "<" and a letter open a tag in Chromium wherever its ">" is ("<b</p>" is the tag "b<" with an
    # attribute "p"), and a tag never ended hides the rest of the page (end of file in a tag); Chromium shows "a"
    # and "x" below, so "a<b" and "<a </a<a </a" were wrong expectations.
    ("<p>a<b</p>", "a"),
    ("<!-- <div>old 9,999</div> --><p>new 1,200</p>", "new 1,200"),
    # A comment never closed hides the rest of the page in Chromium (HTML5: end of file in a comment); round six
    # (tests/test_attacks_round6.py) found it read as text here, so this expectation was wrong.
    ("<p>x</p><!-- never closed 9,999", "x"),
    ('<p><a title="x>y">1,200 cases</a></p>', "1,200 cases"),
    ("<p>x</p><a </a<a </a", "x"),
    ("<script>if (a<b) x(9,999)</script><p>ok 1,200</p>", "ok 1,200"),
])
def test_a_tag_that_never_closes_is_read_as_text(page: str, text: str) -> None:
    """Python's html.parser rescans to the end of the page for each such "<" (80 KB of "<a </a" took 29 s; the
    growth is measured in `make bench`, benchmarks/scan_scale.py); it is now text, as a browser shows it, and
    complete tags and comments read as before."""
    from analysis.factcheck.scan_text import closed_markup_only

    assert to_text(page) == text
    # Round six: comments are removed where browsers end them (html.parser ended some elsewhere); tags are kept.
    assert closed_markup_only("<!-- a --><p class='x'>b</p>") == "<p class='x'>b</p>"
