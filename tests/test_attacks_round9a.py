"""Issue 24, a ninth attack on classes 1 (no markup from the record runs anywhere), 4 (one reading of characters)
and 5 (exports), aimed at what rounds 6-8 added, with inputs no earlier suite uses. Each case here got through
before its fix; what a reader saw is in each docstring. (Generated inputs that held are in the report, not here:
~15,000 random strings through the one escaper, rendered by markdown-it, nbconvert's mistune and JupyterLab's
marked as list items, table cells and bold definitions, showed no tag and exactly their characters.)"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from analysis.record.hygiene import text_problem
from analysis.record.safeguarding import personal_data_in
from tests.test_attacks import _datasette_get

# --- class 4: personal data written in ways no earlier round tried -----------------------------------------------

#: Each passed `validate` (no character the text rules refuse) and the personal-data check, though every reader reads
#: it as what it is.
PERSONAL = [
    # An address "defanged" as security writing does: a bracketed dot, as a bracketed at ("[@]") was read already.
    ("write to jane@example[.]com", "an e-mail address"),
    ("write to jane[at]example[.]com", "an e-mail address"),
    ("write to jane(at)example(.)com", "an e-mail address"),
    # Groups separated as a phone number's were, which the NHS, NI and postcode patterns did not share.
    ("NHS 943 476-5919", "an NHS number"),
    ("NHS 943 - 476 - 5919", "an NHS number"),
    ("NHS 943_476_5919", "an NHS number"),
    ("NI AB_12_34_56_C", "a National Insurance number"),
    ("NI AB 12 - 34 - 56 - C", "a National Insurance number"),
    ("lives at SW1A/1AA", "a UK postcode"),
    ("lives at SW1A_1AA", "a UK postcode"),
    ("call 020   7946   0000", "a phone number"),  # three spaces, as a pasted table lays digits out
    # A birth date with a month name joined as numeric dates are, and "D/O/B".
    ("born 12-Mar-2009", "a date of birth"),
    ("born 12/Mar/2009", "a date of birth"),
    ("born 12Mar2009", "a date of birth"),
    ("D/O/B: 12/03/2009", "a date of birth"),
    # Punctuation outside ASCII that a reader reads as "-" or ".", which no list of look-alikes had: the modifier
    # letter minus, the katakana long-vowel mark, the heavy minus sign, the swung dash, the word-separator middle
    # dot, the Armenian full stop and the raised dot.
    ("call 020\u02d77946\u02d70000", "a phone number"),
    ("call 020\u30fc7946\u30fc0000", "a phone number"),
    ("call 020\u27967946\u27960000", "a phone number"),
    ("call 020\u20537946\u20530000", "a phone number"),
    ("write to jane@example\u2e31com", "an e-mail address"),
    ("write to jane@example\u0589com", "an e-mail address"),
    ("write to jane@example\u2e33com", "an e-mail address"),
    # Found by generating every join of the forms above: a bracketed dot after a plain " at " (the quick pre-search
    # looked for "[at]" but not "[.]", so the text was never scanned), a "/" between an international number's
    # groups, and a full stop spaced out on both sides after an "@".
    ("write to jane.doe at example[.]com", "an e-mail address"),
    ("write to jane.doe AT met(.)police(.)uk", "an e-mail address"),
    ("call +44/20/7946/0000", "a phone number"),
    ("call +44 / (0)20 / 7946 / 0000", "a phone number"),
    ("write to jane.doe@example . com", "an e-mail address"),
]


@pytest.mark.parametrize(("text", "kind"), PERSONAL)
def test_personal_data_written_another_new_way_is_found(text: str, kind: str) -> None:
    assert text_problem(text) is None  # the text rules let it in: only this check stands in its way
    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", [
    "Figures for 2016 / 2017 / 2018 rose.", "between 2016-2017 and 2018-2019, 1,273 cases", "published 12 March 2009",
    "in March 2009 the children were seen", "£1,200 \u2022 in 2017 \u2014 up 5%",
    "see pages 12 - 14 and 123 - 456", "a rate of 12.5 per 1,000 (2019/20)",
    # ("tweeted by @metpoliceuk. The figures" was here: a social-media account since round sixteen)
])
def test_the_wider_separators_do_not_read_the_record_s_own_wording_as_personal_data(text: str) -> None:
    assert personal_data_in(text) == []


# --- class 5: Datasette: what one query hands back ----------------------------------------------------------------

#: One 100 KB value, repeated: the time limit is checked between SQLite's steps, never while rows become Python
#: values, so a 14 KB GET repeating it in 1,900 columns of 3 rows answered 564 MB with 1.9 GB of memory in 2.3 s.
_BIG = "with recursive t(a, i) as (select hex(zeroblob(49500)), 1 union all select a, i + 1 from t where i < {rows}) "


def _wide(rows: int, columns: int) -> str:
    """`rows` rows each repeating the 99,000-character value in `columns` columns."""
    return _BIG.format(rows=rows) + "select " + ", ".join(f"a a{i}" for i in range(columns)) + " from t"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_datasette_refuses_a_result_wider_than_any_table(small_db: Path) -> None:
    got = _datasette_get(small_db, _wide(1, 150))
    assert got["status"] >= 400 and "too many columns" in got["text"], got["text"][:200]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_datasette_refuses_rows_holding_more_bytes_than_the_record(small_db: Path) -> None:
    """20 MB from 20 columns of 10 rows (the whole record's largest table is 341 KB)."""
    got = _datasette_get(small_db, _wide(10, 20))
    assert got["status"] >= 400 and "bytes" in got["text"], got["text"][:200]
    fine = _datasette_get(small_db, _BIG.format(rows=10) + "select length(a) as n, i from t")
    assert fine["status"] == 200 and fine["text"].count('"n": 99000') == 10


# --- class 5: the site address ClaimReview and the workbook print ------------------------------------------------


@pytest.mark.parametrize("address", ["example.org", "javascript:alert(1)//", "https://example.org/?q=1",
                                     "https://example.org/#top", "https://exa mple.org/"])
def test_a_site_address_that_is_not_a_web_page_is_refused(address: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    """`CSE_SITE_URL=example.org make` wrote every ClaimReview url as "example.org/factcheck.html#…" (relative:
    search engines drop it), and "javascript:alert(1)//" made them, and the gallery's embed code's iframe
    addresses, script addresses, without a word. Refused by the report, the gallery and the workbook alike."""
    from analysis.factcheck import report
    from analysis.paths import PROJECT_ROOT, SITE_URL_ENV
    from analysis.publish import gallery, workbook
    from analysis.record.hygiene import SiteUrlError, checked_site_url

    with pytest.raises(SiteUrlError):
        checked_site_url(address)
    assert report.run(argparse.Namespace(root=str(PROJECT_ROOT), site_url=address)) == 2
    assert "site address" in capsys.readouterr().err
    with pytest.MonkeyPatch.context() as env:
        env.setenv(SITE_URL_ENV, address)
        out = tmp_path / "out"
        assert gallery.run(argparse.Namespace(root=str(PROJECT_ROOT), out=out)) == 2
        assert workbook.run(argparse.Namespace(root=PROJECT_ROOT, out=out)) == 1
        assert capsys.readouterr().err.count("site address") == 2 and not out.exists()
    assert checked_site_url("https://example.org/factcheck") == "https://example.org/factcheck/"


# --- class 4: a digit drawn over or spaced apart, in the record as in scan ------------------------------------------


@pytest.mark.parametrize(("text", "char"), [("There were 1,737\u0338 referrals.", "\u0338"),  # a stroke through 7
                                            ("There were 1,7\u033037 referrals.", "\u0330"),  # a tilde under it
                                            ("Referrals rose 5\u20e3% in 2017.", "\u20e3"),  # a keycap round 5
                                            ("There were 1\u2009737 referrals.", "\u2009")])  # a thin space
def test_a_number_scan_would_not_read_is_refused_in_the_record(mini, text: str, char: str) -> None:
    """scan leaves such a number unread (`other_numeral`), verify refuses it, but in a quote it passed validation
    and the check that the quote holds the value 1,737, while readers saw a struck-through digit or "1 737"."""
    from tests.conftest import GOOD_ROW, write_figures
    from tests.test_validation import problems_for

    assert text_problem(text) == f"is refused: a number must be written with the digits 0-9 only (found {char!r}, " \
                                 f"U+{ord(char):04X})"
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "quote": text}])
    assert any("quote is refused: a number must be written with the digits 0-9 only" in p for p in problems_for(mini))
    assert text_problem("caf\u00e9 12, cafe\u0301 12, page 12\u00a0of 40") is None  # marks and spaces elsewhere


# --- class 5: a moved checkout's .venv made by pip on Python 3.12 or 3.13 -----------------------------------------

#: The lines of Python 3.13's venv activate script that name the venv's folder (3.12's are the same, less indented).
_ACTIVATE_313 = """# on Windows, a path can contain colons and backslashes and has to be converted:
case "$(uname)" in
    CYGWIN*|MSYS*)
        # transform D:\\path\\to\\venv to /d/path/to/venv on MSYS
        # and to /cygdrive/d/path/to/venv on Cygwin
        VIRTUAL_ENV=$(cygpath "{folder}")
        export VIRTUAL_ENV
        ;;
    *)
        # use the path as-is
        export VIRTUAL_ENV="{folder}"
        ;;
esac
"""


def test_a_moved_venv_made_by_pip_on_a_newer_python_is_noticed(tmp_path: Path) -> None:
    """Without uv, `make` makes .venv with `python -m venv`; from Python 3.12 its activate script names the folder
    in an indented `export VIRTUAL_ENV="…"`, which was not read, so a checkout moved elsewhere kept a .venv whose
    scripts named the old folder's Python (`make test` failed with "bad interpreter")."""
    from analysis.run.bootstrap import moved_venv

    venv = tmp_path / "here" / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "activate").write_text(_ACTIVATE_313.format(folder="/somewhere/else/.venv"), encoding="utf-8")
    assert moved_venv(venv) == Path("/somewhere/else/.venv")
    (venv / "bin" / "activate").write_text(_ACTIVATE_313.format(folder=venv), encoding="utf-8")
    assert moved_venv(venv) is None


# --- class 4: characters with no meaning of their own -----------------------------------------------------------


@pytest.mark.parametrize("char", ["\ue000", "\U000f0000", "\u0378", "\ufdd0"])
def test_a_private_use_or_unassigned_character_is_refused_in_raw_text(mini, char: str) -> None:
    """A private-use character (what a PDF's symbol font pastes as) or an unassigned one is shown as a box, an icon
    or nothing, and split a phone number past the personal-data check: "call 020\\ue0007946\\ue0000000" passed."""
    from tests.conftest import GOOD_ROW, write_figures
    from tests.test_validation import problems_for

    text = f"call 020{char}7946{char}0000"
    assert personal_data_in(text) == ["a phone number"]  # read as a space between the groups, and refused
    assert "a private-use or unassigned character" in (text_problem(text) or "")
    write_figures(mini.figures_dir / "demo-2017.csv", [{**GOOD_ROW, "caveat": f"See note {char} 2."}])
    assert any("caveat contains U+" in p and "private-use" in p for p in problems_for(mini))


# --- class 1: maths from the record in JupyterLab ------------------------------------------------------------------


def _outputs_of(text: str) -> dict[str, str]:
    """Every kind of notebook output that shows record text, as HTML: Markdown rendered by JupyterLab's reader."""
    import pandas as pd

    from analysis.publish.charts.common import ChartMeta
    from analysis.publish.display import bullets, markdown, table_html
    from tests.test_attacks_round8 import _marked

    meta = ChartMeta("c", "bar", "t", "i", "Met", "https://example.org", f"Source: {text}", f"Note {text}", "alt",
                     pd.DataFrame(), source_documents=text)
    return {"bullets": _marked(bullets([text]).data), "markdown": _marked(markdown(text).data),
            "caption": _marked(meta.caption().data), "table": table_html(pd.DataFrame({"caveat": [text]}))}


def test_record_text_in_a_notebook_is_never_typeset_as_maths_in_jupyterlab() -> None:
    """JupyterLab typesets maths in each output's rendered page (MathJax, `$…$`, `\\(…\\)`, `\\begin{…}`), not in
    its Markdown: the entities `escape` writes for "$" and "\\" become those characters again on the page, so a
    caveat "costs $5 to $10" was shown as the maths "5to10" in a list, a caption and a table cell alike (seen in
    Chromium on JupyterLab 4 this round; the round-seven check ported JupyterLab's Markdown step only). Every such
    output is now inside the block MathJax leaves alone; checked in Chromium: no maths, the dollars shown."""
    import html
    from html.parser import HTMLParser

    from analysis.publish.display import NO_MATHS

    class Outside(HTMLParser):
        """Collects text outside any element of class NO_MATHS."""

        def __init__(self) -> None:
            super().__init__()
            self.depth, self.inside, self.text = 0, 0, ""

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.depth += 1
            if self.inside or NO_MATHS in (dict(attrs).get("class") or "").split():
                self.inside += 1

        def handle_endtag(self, tag: str) -> None:
            self.depth -= 1
            self.inside = max(0, self.inside - 1)

        def handle_data(self, data: str) -> None:
            self.text += "" if self.inside else data

    for kind, shown in _outputs_of("costs $5 to $10, \\(x^2\\) and \\begin{align}y\\end{align}").items():
        outside = Outside()
        outside.feed(shown.split("</style>")[-1])
        assert "$5" in html.unescape(shown) and "$" not in outside.text and "\\" not in outside.text, (kind, shown)
