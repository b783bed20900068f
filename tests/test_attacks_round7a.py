"""Issue 24, a seventh attack on classes 1 (no markup from the record runs anywhere) and 5 (exports), with inputs no
earlier suite uses (tests/test_attacks.py, tests/test_attacks_round4.py … round6.py, tests/test_planted_markup.py).
Each case here got through before its fix. The Markdown cases (what a reader saw is in each docstring) were in the
three escapers that analysis/factcheck/markdown_escape.py replaced, and pass with it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.planted import read_rows, write_rows
from tests.test_attacks import _datasette_get

pytestmark = pytest.mark.slow  # ≥ 8 s: handed out first (tests/conftest.py)


# --- the Datasette time limit: calls in one row ---------------------------------------------------------------

_AS = "replace(hex(zeroblob({n})), '0', '{c}')"  # 2n copies of the character c
#: One row whose calls each cost the product of two lengths: the time limit is checked only between rows, so each
#: ran to the end with 200 (timings before the fix).
_ROW = f"with t(a, s, n) as (select {_AS.format(n=49_000, c='a')}, {_AS.format(n=1_500, c='b')} || 'a', " \
       f"{_AS.format(n=24_000, c='a')} || 'b') select "
COSTLY_ROWS = {
    "like": f"{_ROW} a like '%' || n as x from t",  # 5.3 s
    "glob": f"{_ROW} a glob '*' || n as x from t",  # 5.2 s
    "instr x100": _ROW + "+".join("instr(a, n)" for _ in range(100)) + " as x from t",  # 6.5 s
    "trim x10": _ROW + ", ".join(f"length(trim(a, s)) as x{i}" for i in range(10)) + " from t",  # 7.4 s
    "replace x100": _ROW + "+".join("length(replace(a, n, 'x'))" for _ in range(100)) + " as x from t",
}


# Datasette turns on SQLite's callback tracebacks, so each refused call is also printed as an "exception ignored".
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("sql", COSTLY_ROWS.values(), ids=COSTLY_ROWS)
def test_datasette_refuses_a_call_whose_cost_the_time_limit_cannot_stop(small_db: Path, sql: str) -> None:
    got = _datasette_get(small_db, sql)
    assert got["status"] >= 400 and "raised exception" in got["text"]


def test_datasette_bounded_functions_answer_as_sqlite_does(small_db: Path) -> None:
    """The wrapped functions give SQLite's own results (they run SQLite's function) on what a reader types."""
    got = _datasette_get(small_db, "select trim('xxabcxx', 'x') as a, ltrim('xxa', 'x') as b, rtrim('axx', 'x') as c, "
                                   "replace('1,200', ',', '') + 1 as d, instr('Metropolitan', 'pol') as e, "
                                   "'Met' like 'm%' as f, 'Met' glob 'm*' as g, 'a_b' like 'a!_b' escape '!' as h, "
                                   "instr(x'0102', x'02') as i, replace(1.5, '.', ',') as j")
    assert got["status"] == 200, got["text"]
    assert got["text"] == ('[{"a": "abc", "b": "a", "c": "a", "d": 1201, "e": 6, "f": 1, "g": 0, "h": 1, "i": 2, '
                           '"j": "1,5"}]')


# --- one reading of characters: right-to-left punctuation ------------------------------------------------------


@pytest.mark.parametrize("char", ["\u061b", "\u06d4", "\u05c0", "\u05c3", "\u066c", "\u0608"])
def test_right_to_left_punctuation_is_refused_in_raw_text(char: str) -> None:
    """A bidi control is refused, but punctuation written right to left is not a control nor a letter: "rose from
    ؛ 922 - 1,200 ؛" (Arabic semicolons; Hebrew paseq alike) is shown by Chromium as "rose from ؛ 1,200 - 922 ؛",
    so a rise reads as a fall in every page, while the charts (no bidi) show it in order."""
    from analysis.record.hygiene import text_problem

    assert "written right to left" in (text_problem(f"rose from {char} 922 - 1,200 {char} in 2017") or "")


def test_right_to_left_refusal_leaves_other_digits_to_the_one_digits_message(mini: Any) -> None:
    """An Arabic-Indic digit is right to left too (class AN); it keeps the one digits message, alone."""
    from tests.conftest import GOOD_ROW, write_figures
    from tests.test_validation import problems_for

    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "subject": "CSE \u0663\u0660 referrals"}])
    assert not any("right to left" in p for p in problems_for(mini))


# --- the fact-check report: a long word, and Markdown autolinks and maths ---------------------------------------

#: One claim's text as a news page might print it: a long unbroken address, a bare web address, dollar amounts.
LONG = "https://example.org/" + "a" * 280
PLANTED_CLAIM = f"rose 5% (see {LONG} and www.evil7.example/login or https://evil7.example/b; $5 to $10)"


@pytest.fixture(scope="module")
def planted_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report written from the committed tables with one claim's text replaced by `PLANTED_CLAIM`."""
    from analysis.factcheck.report import write_report
    from analysis.paths import PROJECT_ROOT, Paths

    root = tmp_path_factory.mktemp("report")
    shutil.copytree(PROJECT_ROOT / "data" / "processed", root / "data" / "processed")
    shutil.copytree(PROJECT_ROOT / "docs", root / "docs")
    claims = root / "data" / "processed" / "claims.csv"
    rows = read_rows(claims)
    rows[0]["text"] = PLANTED_CLAIM
    write_rows(claims, rows)
    write_report(Paths(root))
    return root / "outputs"


def test_a_long_word_in_the_record_keeps_the_report_within_a_phone_screen(planted_report: Path, browser: Any) -> None:
    """A claim's heading (an <h3>) did not wrap a long unbroken address: factcheck.html was 4,829 px wide at 375 px
    and scrolled sideways on a phone (every element now wraps: page.css)."""
    view = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        view.goto((planted_report / "factcheck.html").as_uri())
        width = view.evaluate("() => document.documentElement.scrollWidth")
        shown = view.evaluate("() => document.body.innerText")
    finally:
        view.close()
    assert "evil7" in shown  # not vacuous: the planted claim is on the page
    assert width <= 375


#: GFM's extended autolinks (GitHub, JupyterLab's marked): "www." or "http(s)://" at the start, after white space
#: or after "*", "_", "~", "(" becomes a link (GFM spec 0.29, section 6.9).
GFM_AUTOLINK = re.compile(r"(?:^|[\s*_~(])(?:www\.|https?://)", re.IGNORECASE)
#: A dollar sign not escaped by a backslash: two on a line are inline maths on GitHub.
UNESCAPED_DOLLAR = re.compile(r"(?<!\\)(?:\\\\)*\$")


def _planted_line(markdown: str) -> str:
    return next(line for line in markdown.splitlines() if "evil7" in line)


def test_factcheck_md_makes_no_link_of_a_bare_address_in_record_text(planted_report: Path) -> None:
    """outputs/factcheck.md escaped "[", "<" and "|", but not "www." nor "https://": on GitHub the claim's
    "www.evil7.example/login" and "https://evil7.example/b" were live links in the report."""
    line = _planted_line((planted_report / "factcheck.md").read_text(encoding="utf-8"))
    assert GFM_AUTOLINK.search(line.replace(f"(<{LONG}", "")) is None, line


def test_factcheck_md_makes_no_maths_of_dollar_amounts_in_record_text(planted_report: Path) -> None:
    """"$5 to $10" in a claim was written as is: GitHub rendered "5 to " between the dollars as inline maths."""
    line = _planted_line((planted_report / "factcheck.md").read_text(encoding="utf-8"))
    assert len(UNESCAPED_DOLLAR.findall(line)) < 2, line


# --- the notebooks' Markdown as JupyterLab renders it live ------------------------------------------------------

#: JupyterLab 4.6's split of a Markdown output into text and maths (`removeMath`, @jupyterlab/rendermime latex.ts,
#: copied from .venv/share/jupyter/lab/static/jlab_core.*.js): what it hands to MathJax is rendered as maths.
_JLAB_MATH = re.compile(r"(\$\$?|\\(?:begin|end)\{[a-z]*\*?\}|\\[{}$]|[{}]|(?:\n\s*)+|@@\d+@@|\\\\[()[\]])",
                        re.IGNORECASE)


def jupyterlab_maths(markdown: str) -> list[str]:
    """The spans JupyterLab renders as maths in a Markdown output (a port of `removeMath`, without its code-span
    handling: the lines tested here hold no backticks)."""
    blocks = _JLAB_MATH.split(markdown.replace("\r\n", "\n"))
    found: list[str] = []
    start: int | None = None
    end, braces, last = "", 0, None
    for i in range(1, len(blocks), 2):
        block = blocks[i]
        if start is not None:
            if block == end and not braces:
                found.append("".join(blocks[start:i + 1]))
                start, last = None, None
            elif block == end:
                last = i
            elif re.search(r"\n.*\n", block):
                if last is not None:
                    found.append("".join(blocks[start:last + 1]))
                start, last, braces = None, None, 0
            elif block == "{":
                braces += 1
            elif block == "}" and braces:
                braces -= 1
        elif block in ("$", "$$"):
            start, end, braces = i, block, 0
        elif block in ("\\\\(", "\\\\["):
            start, end, braces = i, "\\\\)" if block.endswith("(") else "\\\\]", 0
        elif block[1:6].lower() == "begin":
            start, end, braces = i, "\\end" + block[6:], 0
    if start is not None and last is not None:
        found.append("".join(blocks[start:last + 1]))
    return found


def test_the_jupyterlab_maths_port_finds_what_jupyterlab_renders() -> None:
    """The port against JupyterLab's own behaviour, seen in Chromium on outputs/notebooks/01_inspections.ipynb
    this round: `$x^2$` and `$$…$$` were rendered by MathJax; escaped dollars and plain text were not."""
    assert jupyterlab_maths("a $x^2$ b $$y$$") == ["$x^2$", "$$y$$"]
    assert jupyterlab_maths("a \\begin{align}x\\end{align} b") == ["\\begin{align}x\\end{align}"]
    assert jupyterlab_maths("costs \\$5 to \\$10, 74%") == []


@pytest.mark.parametrize("text", ["Costs rose from $5 to $10", "Caveat: $x^2$ as printed",
                                  "Caveat: \\begin{align}x\\end{align} as printed"])
def test_record_text_in_a_notebook_makes_no_maths_in_jupyterlab(text: str) -> None:
    """`bullets` (the notebooks' one path for record text) left "$" and "\\begin{…}" live: opened in JupyterLab,
    outputs/notebooks/01_inspections.ipynb showed a planted "$x^2$" as x² and "\\begin{align}…" as maths (MathJax,
    126 spans). The HTML copies are safe (no MathJax, round four)."""
    from analysis.publish.display import bullets

    assert jupyterlab_maths(bullets([text]).data) == []


def test_record_text_in_a_notebook_makes_no_link_of_a_bare_web_address() -> None:
    """"www.evil7.example/w" in a note was a live link (href "http://www.evil7.example/w") in JupyterLab, on
    every notebook printing it; "https\\://" was escaped already (round six), "www." was not."""
    from analysis.publish.display import bullets

    assert GFM_AUTOLINK.search(bullets(["Source caveat: see www.evil7.example/w"]).data) is None


# --- the workbook: a cell longer than Excel holds ---------------------------------------------------------------


def test_a_workbook_cell_longer_than_excel_holds_says_it_was_cut(tmp_path: Path) -> None:
    """XlsxWriter cut a 40,000-character cell at 32,767 with only a console warning: the workbook's reader lost
    the end of the text without a sign (a series row's "also reported in" joins every copy's caveat)."""
    from openpyxl import load_workbook

    from analysis.publish.workbook import build_workbook
    from analysis.publish.workbook_sheets import CUT_NOTE, EXCEL_CELL_MAX
    from tests.test_workbook import _tiny_tables, column, header_row

    text = "A caveat. " * 4_000
    ws = load_workbook(build_workbook(tmp_path, _tiny_tables(text), {}))["Sources"]
    shown = ws.cell(header_row(ws) + 1, column(ws, "Publisher") + 1).value
    assert len(shown) == EXCEL_CELL_MAX and shown.endswith(CUT_NOTE) and text.startswith(shown[:-len(CUT_NOTE)])
    short = load_workbook(build_workbook(tmp_path, _tiny_tables("A caveat."), {}))["Sources"]
    assert short.cell(header_row(short) + 1, column(short, "Publisher") + 1).value == "A caveat."


# --- scan --md: a third Markdown escaper (analysis/factcheck/scan.py `_cell`) -----------------------------------


def _scan_rows(article: str) -> list[str]:
    from analysis.factcheck.scan import render_markdown, scan_text
    from analysis.paths import DEFAULT

    return [line for line in render_markdown(scan_text(article, DEFAULT), show_all=False).splitlines()
            if line.startswith("| 1 |") or line.startswith("| 2 |")]


def test_scan_md_makes_no_maths_of_an_article_s_dollars() -> None:
    """`scan --md` escaped "*", "_", "|" and brackets but not "$": "2,060 $x$ cases" put "$x$ cases" in the
    "What it counts" cell, inline maths on GitHub."""
    row = _scan_rows("There were 2,060 $x$ cases in 2015.")[0]
    assert len(UNESCAPED_DOLLAR.findall(row)) < 2, row


def test_scan_md_shows_the_record_s_measure_in_bold_not_as_asterisks() -> None:
    """The record column was built as "**cse_referrals**: …" and then escaped whole, so a reader saw
    "\\*\\*cse\\_referrals\\*\\*" rendered as the literal "**cse_referrals**" (the project's own markup, escaped)."""
    row = _scan_rows("The Met received 1,737 referrals in 2014.")[0]
    assert "\\*\\*" not in row, row


# --- units: one spelling for each reserved unit -------------------------------------------------------------------


@pytest.mark.parametrize(("unit", "reserved"), [("%", "percent"), ("Percent", "percent"), ("per  cent", "percent"),
                                                ("£", "GBP"), ("pounds", "GBP"), ("pp", "percentage points")])
def test_a_reserved_unit_spelled_another_way_is_refused(mini: Any, unit: str, reserved: str) -> None:
    """A count "1,582" with unit "%" or "Percent" passed validation (only "percent" itself was reserved for shares),
    so the record said a count was a percentage, in a spelling the unit checks did not read."""
    from tests.conftest import GOOD_ROW, write_figures
    from tests.test_validation import problems_for

    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "unit": unit}])
    assert any(f"another spelling of '{reserved}'" in p for p in problems_for(mini))


def test_record_text_in_a_notebook_strikes_no_figure_through() -> None:
    """`bullets` left "~" live: a caveat "~~1,200~~ 1,300 revised" was rendered with 1,200 struck through (<del>,
    in JupyterLab and nbconvert's Markdown alike), and the HTML copy's cleaner then dropped the <del> tag, so the
    copy read "1,200 1,300 revised": the record's characters were not what either reader saw."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    from analysis.publish.display import bullets

    assert "<del>" not in markdown2html_mistune(bullets(["Caveat: ~~1,200~~ 1,300 revised"]).data)
