"""Issue 24, round seven (b): a fresh attack on stamps (class 2), scan (class 3) and the reading of characters
(class 4) with inputs no earlier round tried. Each test names what got through before its fix."""

from __future__ import annotations

import asyncio

import jupytext
import nbformat
import pytest

from analysis.factcheck.scan_text import to_text
from analysis.paths import Paths
from analysis.record.hygiene import text_problem
from analysis.record.safeguarding import personal_data_in
from analysis.run import notebooks
from tests.conftest import GOOD_ROW, write_figures
from tests.test_validation import problems_for

# --- class 4: one reading of characters ------------------------------------------------------------------------

#: A phone number in digits of another script: NFKC leaves Devanagari, Bengali, Thai, Arabic-Indic … digits as
#: they are, and the patterns' leading "0" or "+" is ASCII, so each passed the personal-data check.
OTHER_SCRIPT_PHONES = ["call \u0966\u0968\u0966 \u096d\u096f\u096a\u096c \u0966\u0966\u0966\u0966",  # Devanagari
                       "call \u09e6\u09e8\u09e6 \u09ed\u09ef\u09ea\u09ec \u09e6\u09e6\u09e6\u09e6",  # Bengali
                       "call \u0e50\u0e52\u0e50 \u0e57\u0e59\u0e54\u0e56 \u0e50\u0e50\u0e50\u0e50",  # Thai
                       "call \u0660\u0667\u0667\u0660\u0660 \u0669\u0660\u0660\u0661\u0662\u0663"]  # Arabic-Indic


@pytest.mark.parametrize("text", OTHER_SCRIPT_PHONES)
def test_a_phone_number_in_another_script_s_digits_is_found(text: str) -> None:
    assert personal_data_in(text) == ["a phone number"]


@pytest.mark.parametrize(("text", "kind"), [
    # An e-mail address spelled out so that it is not one to a machine, but is to every reader.
    ("write to jane dot doe at example dot com", "an e-mail address"),
    ("write to jane.doe (at) example (dot) com", "an e-mail address"),
    ("write to jane.doe[at]example.co.uk", "an e-mail address"),
    ("write to jane.doe AT example DOT org", "an e-mail address"),
    ("write to jane.doe @ example.org", "an e-mail address"),
    ("write to jane.doe@example dot org", "an e-mail address"),
    # NHS numbers (ten digits, 3-3-4, with a valid check digit) are personal data on their own.
    ("NHS number 943 476 5919", "an NHS number"),
    ("patient 943-476-5919", "an NHS number"),
    ("ref 9434765919", "an NHS number"),
    ("NI number QQ 12 34 56 C", "a National Insurance number"),
    ("NI QQ123456C", "a National Insurance number"),
    ("NI qq-12-34-56-c", "a National Insurance number"),
    ("NHS 943.476.5919", "an NHS number"),
    # Middle dots and bullets read as the full stops they imitate.
    ("call 020\u00b77946\u00b70000", "a phone number"),
    ("call 020\u20227946\u20220000", "a phone number"),
    ("write to jane\u00b7doe@example\u00b7org", "an e-mail address"),
    # Postcodes joined by a hyphen or a full stop.
    ("lives at SW1A-1AA", "a UK postcode"),
    ("lives at sw1a.1aa", "a UK postcode"),
    # Dates of birth in the other ways reports print them.
    ("John Smith (b. 12/03/2009)", "a date of birth"),
    ("John Smith, b. 12 March 2009", "a date of birth"),
    ("her birthday is 12 March 2009", "a date of birth"),
    ("born 12th of March, 2009", "a date of birth"),
    ("born March the 12th 2009", "a date of birth"),
    ("born twelfth March", "a date of birth"),
    ("birth date: 12/03/2009", "a date of birth"),
])
def test_personal_data_written_other_ways_is_found(text: str, kind: str) -> None:
    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", [
    "published at gov.uk", "the data are at www.gov.uk", "at 10.30 on 12 March 2025", "the rate at 2.5%",
    "1,273 cases at 43 forces", "£2.5 million at 1.2 per cent", "1,200 out of 4,000 (30%)", "ratio 1:1.5 at 3.0",
    "between 2016 and 2017 there were 1,582", "dot plot at scale", "the report (at page 3)",
    "NHS England 2024 statistics",
    "in 2009 the children were born", "born in March 2009", "at age 12, in March 2009",
])
def test_the_record_s_own_wording_is_not_personal_data(text: str) -> None:
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["there were 3\u06604 referrals", "CSE referrals\u096b", "rose \u2460 times",
                                  "1,200\u00b9 referrals", "about \u00bd were girls", "chapter \u216b",
                                  "there were \U0001d7cf,582 referrals"])
def test_a_digit_other_than_0_9_is_refused_in_any_raw_text(text: str) -> None:
    """A quote or note could hold "3٠4" (read by people as 304), a Devanagari or mathematical digit, or a "½":
    refused in a number field, they passed in every other text field."""
    assert "a number must be written with the digits 0-9 only" in (text_problem(text) or "")


def test_a_digit_of_another_script_in_a_quote_is_refused_with_the_one_message(mini) -> None:
    write_figures(mini.figures_dir / "demo-2017.csv",
                  [{**GOOD_ROW, "quote": "In 2016 there were 1,582 referrals and 3\u06604 more."}])
    found = problems_for(mini)
    assert any("quote" in p and "a number must be written with the digits 0-9 only" in p for p in found), found


def test_a_number_field_gets_the_digits_message_once(mini) -> None:
    write_figures(mini.figures_dir / "demo-2017.csv",
                  [{**GOOD_ROW, "value_as_printed": "3\u06604", "quote": "there were 3\u06604 referrals"}])
    found = [p for p in problems_for(mini) if "digits 0-9" in p]
    assert sum("value_as_printed" in p or "cannot read" in p for p in found) == 1, found


# --- class 3: scan reads what a reader sees -----------------------------------------------------------------------

@pytest.mark.parametrize(("page", "shown"), [
    # Hidden when the page opens (Chromium): read before.
    ("<p>Shown 1,737.</p><div popover>Popover 9,992.</div>", "Shown 1,737."),
    ("<p>Shown 1,737.</p><span style='visibility: collapse'>Collapsed 9,993.</span>", "Shown 1,737."),
    ("<p>Shown 1,737.</p><span style='disp\\lay:none'>Escaped 9,994.</span>", "Shown 1,737."),
    ("<p>Shown 1,737.</p><span style='\\64 isplay:none'>Hex escape 9,995.</span>", "Shown 1,737."),
    ("<p>Shown 1,737.</p><video src=x.mp4>Fallback 9,996.</video><canvas>Fallback 9,997.</canvas>",
     "Shown 1,737."),
    # Shown: hidden before.
    ("<p>Shown 1,737.</p><span style='display:none; display:inline'>Also 2,060.</span>",
     "Shown 1,737.\n\nAlso 2,060."),
    ("<p>Shown 1,737.</p><span style='display:block !important; display:none'>Also 2,060.</span>",
     "Shown 1,737.\n\nAlso 2,060."),
    # An open <details> shows all of it; a closed one is read since round 42: the browser opens it for its reader.
    ("<details open><summary>Sum 1,737.</summary>Body 2,060.</details>", "Sum 1,737.\n\nBody 2,060."),
    ("<p>Shown 1,737.</p><details><summary>More</summary><p>Folded 9,991.</p></details>",
     "Shown 1,737.\n\nMore\n\nFolded 9,991."),
    ("<details><summary>Outer 1,737.</summary><details><summary>x</summary>Inner 9,998.</details></details>",
     "Outer 1,737.\n\nx\n\nInner 9,998."),
])
def test_scan_reads_the_text_a_reader_sees_when_the_page_opens(page: str, shown: str) -> None:
    assert to_text(page) == shown


@pytest.mark.parametrize("page", ["<dl><dt>2016</dt><dd>1,582</dd></dl>", "<dl><dd>2016<dd>1,582</dl>",
                                  "<select><option>2016</option><option>1,582</option></select>",
                                  "<figure>2016</figure><figure>1,582</figure>",
                                  "<main>2016</main><aside>1,582</aside>",
                                  "<details open><summary>2016</summary>1,582</details>"])
def test_two_block_boxes_are_never_read_as_one_number(page: str) -> None:
    """A browser shows each block on its own line; read as inline text, "2016" and "1,582" became 20161,582."""
    assert to_text(f"<p>Year and count:</p>{page}").split("\n\n")[1:] == ["2016", "1,582"]


# --- class 2: stamps that cannot lie --------------------------------------------------------------------------------

class _Pool:
    """Stands in for the kernels: records which notebooks it was given and says each ran."""

    def __init__(self) -> None:
        self.ran: list[str] = []

    def run(self, sources, out_dir, progress=True):
        self.ran += [s.stem for s in sources]
        return [notebooks.Outcome(s.stem, True) for s in sources]

    def close(self) -> None:
        pass


def test_a_py_edited_without_its_ipynb_fails_the_notebook_instead_of_running_the_old_one(tmp_path) -> None:
    """`make` runs notebooks/*.ipynb; a .py edited in a text editor changed the step's inputs, the notebooks ran
    again from the unchanged .ipynb and the step was stamped current without the edit."""
    paths = Paths(tmp_path)
    paths.notebooks.mkdir()
    for stem in ("01_first", "02_second"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
        nbformat.write(nb, paths.notebooks / f"{stem}.ipynb")
        (paths.notebooks / f"{stem}.py").write_text(jupytext.writes(nb, fmt="py:percent"), encoding="utf-8")
    edited = paths.notebooks / "01_first.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# %%\nprint('new cell')\n", encoding="utf-8")
    pool = _Pool()
    outcomes = notebooks.run_all(paths, pool=pool)  # type: ignore[arg-type]
    assert pool.ran == ["02_second"]
    failed = {o.name: o.message for o in outcomes if not o.ok}
    assert set(failed) == {"01_first"} and "jupytext --sync notebooks/01_first.ipynb" in failed["01_first"]


def test_ctrl_c_during_the_notebooks_leaves_no_pending_task_to_report(tmp_path, caplog) -> None:
    """After Ctrl-C in the notebooks step, the one line "interrupted; files being written were not kept" was
    followed by asyncio's "Task was destroyed but it is pending!" and a task's repr naming a library's source: the
    pool stopped its event loop with the notebook client's tasks still pending. A task still running when the pool
    closes (what Ctrl-C leaves) is cancelled and finished first."""
    import gc

    pool = notebooks.KernelPool(1, {}, tmp_path, fresh=True)
    running = pool._submit(asyncio.sleep(3600))
    pool.close()
    del running
    gc.collect()
    assert "Task was destroyed" not in caplog.text


@pytest.mark.parametrize(("sentence", "figures"), [
    ("Referrals rose 1\u00bd times, to 2,060.", ["2,060"]),  # "1½" was read as the figure 11 (NFKC: 11⁄2)
    ("About \u00bd of the 2,060 were girls.", ["2,060"]),  # "½" as the figures 1 and 2
    ("There were 1,7\u030337 referrals and 2,060 cases.", ["2,060"]),  # a tilde on the 7 left the figure 37
    ("There were 1,737\u0338 referrals and 2,060 cases.", ["2,060"]),  # a stroke through the 7
    ("There were 1,737 referrals and 2,060 cases.", ["1,737", "2,060"]),
    # Separators the record never prints: "1 737" (thin, narrow no-break or no-break space) was the figures 1 and
    # 737, "1٬737" (Arabic thousands separator) likewise, and "18٫6٪" the figures 18 and 6.
    ("There were 1\u2009737 referrals and 2,060 cases.", ["2,060"]),
    ("There were 1\u202f737 referrals and 2,060 cases.", ["2,060"]),
    ("There were 1\u00a0737 referrals and 2,060 cases.", ["2,060"]),
    ("There were 1\u066c737 referrals, up 18\u066b6\u066a, and 2,060 cases.", ["2,060"]),
    ("Up 56\u00a0per cent to \u00a35\u00a0million.", ["56 per cent", "\u00a35 million"]),
])
def test_scan_reads_no_number_written_with_other_numerals_or_marks(sentence: str, figures: list[str]) -> None:
    from analysis.factcheck.scan_find import find_figures
    from analysis.factcheck.scan_text import sentences

    found = [f.text for s in sentences(to_text(sentence)) for f in find_figures(s)[0]]
    assert found == figures


def test_a_library_upgraded_by_hand_reruns_the_steps(tmp_path, monkeypatch) -> None:
    """`pip install -U matplotlib` in .venv (not through constraints.txt) changes every chart, yet no step's input
    changed and `make` skipped them all with the old outputs."""
    import sysconfig

    from analysis.run import pipeline

    site = tmp_path / "site-packages"
    (site / "matplotlib-3.10.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {"purelib": str(site), "platlib": str(site)})
    project = tmp_path / "project"
    (project / "data" / "raw").mkdir(parents=True)
    (project / "data" / "raw" / "sources.yaml").write_text("[]\n", encoding="utf-8")
    (project / "data" / "processed").mkdir(parents=True)
    (project / "data" / "processed" / "sources.csv").write_text("id\n", encoding="utf-8")
    build = pipeline.STEPS[0]
    stamps = {build.name: pipeline.stamp(project, build)}
    assert pipeline.is_current(project, build, stamps)
    (site / "matplotlib-3.10.0.dist-info").rename(site / "matplotlib-3.11.0.dist-info")
    assert not pipeline.is_current(project, build, stamps)
