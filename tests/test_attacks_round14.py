"""Issue 24, round fourteen. The personal-data check (class 4) reads a number by its length alone: nine or more
digits in one run, close up or in groups, is how a phone, NHS, passport or account number is written, and no figure
this project records is printed so. Thirteen rounds each found a grouping the patterns of one kind did not know;
this rule closes the family, and the costs it was accepted with are pinned here too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_find import SHARES_UNIT, UNREAD
from analysis.paths import DEFAULT, Paths
from analysis.record.gaps import load_gaps
from analysis.record.hygiene import text_problem, url_problem
from analysis.record.printed import PrintedFigureError, parse_printed
from analysis.record.problems import Problems
from analysis.record.safeguarding import LONG_NUMBER, personal_data_in
from tests.scanned import listed


@pytest.mark.parametrize("text", [
    "call 44 7700 900123 after six",  # a country code without "+" or "00": round thirteen's kept miss
    "0 7 7 0 0 9 0 0 1 2 3",  # digits spaced one by one: kept miss
    "passport 925665416",  # nine digits close up
    "sort code and account 12-34-56 12345678",
    "NHS 94 34 76 59 18",  # an NHS number with one digit mistyped is still a person's
    "phone 12345678901",
    "ref 123_456_789 on file", "ref 123~456~789 on file", "ref 123 - 456 - 789 on file",
])
def test_nine_or_more_digits_in_one_run_are_personal_data(text: str) -> None:
    assert personal_data_in(text) == [LONG_NUMBER]


@pytest.mark.parametrize("text", [
    "1,200,000,000 pounds", "£1.2bn", "a rate of 33.33333333", "0.123456789", "12345678 in eight digits",
    "Q4 2019/2020", "244 / 121 / 80 / 43", "1 200 000 cases", "in 2015-16 2016-17", "2016 2017 2018 2019",
    "in 2015 16 2016 17 2017 18", "from 2024-04-01 2025-03-31", "sha256 1234567890abcdef", "v1.123456789",
    "1,234,567 890",
])
def test_figures_years_dates_and_hashes_are_no_long_number(text: str) -> None:
    """A count prints with commas, a rate with a decimal point, a year range with "/"; a row of years or dates
    written year first is a flattened table; a run that goes on into letters is a hash."""
    assert personal_data_in(text) == []


def test_a_date_range_with_an_en_dash_is_a_period() -> None:
    """The check reads an en dash as "-" (`pattern_text`), which joins a run: two dates written year first are
    still a period."""
    assert personal_data_in("the year 2024-04-01\u20132025-03-31") == []


@pytest.mark.parametrize("text", ["0 10 20 30 40 50 60", "children born 2009-10 12 5",
                                  "1234567890 is not a valid NHS number"])
def test_the_rule_s_accepted_costs(text: str) -> None:
    """Decided: a run of figures parted by spaces alone (a chart's axis copied from a PDF) is refused too. The
    message says what to do; no quote or note in the record has such a run."""
    assert personal_data_in(text) == [LONG_NUMBER]


@pytest.mark.parametrize("text", ["call 020 7946 0000", "NHS number 943 476 5919"])
def test_a_number_of_a_known_kind_is_named_by_that_kind_only(text: str) -> None:
    assert LONG_NUMBER not in personal_data_in(text)


def test_a_long_number_in_a_field_is_refused_with_its_file_and_field(tmp_path: Path) -> None:
    """Also when YAML reads the field as an int: the check sees it both as written and as kept."""
    paths = Paths(tmp_path)
    paths.raw.mkdir(parents=True)
    paths.gaps_yaml.write_text("- id: g\n  wanted: referrals in 2019\n  cited_by: x\n  where_looked: [the report]\n"
                               "  holder: 925665416\n  reason: not published\n", encoding="utf-8")
    problems = Problems()
    load_gaps(paths, problems)
    assert [p.message.split(";")[0] for p in problems.items] == [f"holder seems to contain {LONG_NUMBER}"]


# --- new ways to write an address, a birth date and a name, each of which passed ---------------------------------


@pytest.mark.parametrize("text", [
    "jdoe_at_gmail_dot_com", "jdoe-at-example-dot-org", "jdoe/at/gmail/dot/com", "jdoe -at- gmail -dot- com",
    "jdoe *at* gmail *dot* com", "jdoe #at# gmail #dot# com", "jdoe |at| example.org", "jdoe /at/ gmail /dot/ com",
    "jdoe at gmail. com", "jdoe at hotmail .co.uk",  # round thirteen's kept miss
    "jdoe@gmail", "jdoe @ hotmail",  # no domain after a web-mail name
    "jdoe@hotmail,com", "jdoe@example\uff0cco\uff0cuk",  # a comma (or a full-width one) for the full stop
    "jdoe&amp;#64;gmail.com", "jdoe%2540gmail.com",  # escaped twice over
])
def test_an_address_written_in_new_ways_is_personal_data(text: str) -> None:
    assert personal_data_in(text) == ["an e-mail address"]


@pytest.mark.parametrize("text", [
    "met-2017-03-13/children-at-risk-2014. the", "measure children_at_risk.", "reports/at/a-glance.pdf",
    "follow @gmail for news", "@metpoliceuk, uk police said", "Table 2: at-a-glance", "one-at-a-time.org",
    "a -at- b",
])
def test_ids_measures_paths_and_handles_are_no_address(text: str) -> None:
    """This record writes ids with hyphens and measures with underscores ("children-at-risk"): a mark close up
    counts only with a spelled dot after it. (A handle is a social-media account since round sixteen, not an
    e-mail address.)"""
    assert personal_data_in(text) == (["a social-media account"] if "@" in text else [])


@pytest.mark.parametrize("text", ["birth: 12/03/2009", "Birth - 12 March"])
def test_birth_as_a_label_before_a_date_is_a_date_of_birth(text: str) -> None:
    assert personal_data_in(text) == ["a date of birth"]


def test_births_as_a_count_is_no_date_of_birth() -> None:
    assert personal_data_in("births: 1,200 in 2019") == []


@pytest.mark.parametrize("text", ["JOHN SMITH, 12/03/2009", "SMITH, John (12/03/2009)", "John SMITH (12.03.2009)",
                                  "JEAN-PAUL O'NEIL, 12/03/2009", "MOHAMMED AL-RASHID (12/03/1980)"])
def test_a_name_in_capitals_before_a_date_is_a_date_of_birth(text: str) -> None:
    """Round thirteen's kept miss: court lists print a surname in capitals."""
    assert personal_data_in(text) == ["a date of birth"]


@pytest.mark.parametrize("text", ["HOME OFFICE, 2015-03-12", "CASEY REVIEW (2025-06-16)", "ONS CSEW, 2024-03-12",
                                  "HMICFRS PEEL, 12/03/2024", "THE TIMES, 12/03/2024", "NSPCC, 12/03/2024"])
def test_a_body_or_a_series_in_capitals_with_a_date_is_no_person(text: str) -> None:
    assert personal_data_in(text) == []


# --- scan: no number is dropped without a word, and none is read as a figure it is not (class 3) ----------------


def _scan(text: str) -> tuple[list[str], list[str]]:
    result = scan_text(text, DEFAULT)
    return [f["value_as_printed"] for f in result["figures"]], result["not_read"]


@pytest.mark.parametrize(("text", "left", "kind"), [
    ("The figure was \u00bd of the total.", "\u00bd", UNREAD),  # a vulgar fraction was in neither list
    ("About 3,4 million pounds were spent.", "3,4", UNREAD),  # listed only with --all, and scan exited 0
    ("There were 1,73 referrals.", "1,73", UNREAD),
    ("Girls and boys were referred in a 2:1 ratio.", "2:1", "ratio"),  # read as the counts 2 and 1
    ("Referrals rose 3-fold in London.", "3-fold", "multiplier"),  # read as the count 3
    ("Referrals rose threefold in London.", "threefold", "multiplier"),  # dropped without a word
    ("There was a 3x increase.", "3x", "multiplier"),
    ("There was a 4\u00d7 increase.", "4\u00d7", "multiplier"),  # read as the count 4
])
def test_a_number_no_figure_form_reads_is_reported_as_not_read(text: str, left: str, kind: str) -> None:
    figures, not_read = _scan(text)
    assert figures == []
    assert not_read == [listed(left, kind)]


@pytest.mark.parametrize("text", ["During COVID-19 and on the M25 in Q3, with 5G, in the 2020s.",
                                  "The helpline is open 24/7, offering 24-7 support, not a 9-to-5 job."])
def test_numbers_in_names_codes_and_idioms_are_left_out_quietly(text: str) -> None:
    assert _scan(text) == ([], [])



# --- one reading of "1.200": a count with a full stop before three digits is refused everywhere (class 4) --------


@pytest.mark.parametrize("text", ["1.200", "1.273", "more than 1.200", "about 12.500"])
def test_a_count_with_a_full_stop_before_three_digits_is_refused_by_the_parser(text: str) -> None:
    """Round thirteen left "1.200 cases" read as the count 1.2; `verify count --value 1273 --stated 1.273` said
    "inaccurate" where the writer meant 1,273."""
    with pytest.raises(PrintedFigureError, match=r"may mean \S+ \(a full stop for thousands\)"):
        parse_printed(text)


@pytest.mark.parametrize(("text", "value"), [("8.825 million", 8_825_000), ("0.125", 0.125), ("12.345%", 12.345),
                                             ("1.2", 1.2), ("1.25", 1.25), ("1,200.5", 1200.5)])
def test_decimals_with_a_scale_a_unit_a_leading_zero_or_fewer_places_are_read(text: str, value: float) -> None:
    assert parse_printed(text).value == pytest.approx(value)


def test_verify_cannot_read_such_a_count() -> None:
    result = subprocess.run([sys.executable, "-m", "analysis", "verify", "count", "--value", "1273",
                             "--stated", "1.273"], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "'1.273' may mean 1,273 (a full stop for thousands)" in result.stderr


def test_scan_reports_such_a_count_as_not_read() -> None:
    assert _scan("Referrals rose by 1.200 cases.") == (
        [], [f"paragraph 1: '1.200' is a {UNREAD}, not one figure the record can hold: check it by hand"])


# --- scan: two numbers that share one unit, and a level before or after a change (class 3) -----------------------


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The share rose from 10 to 15 per cent.", "10", "15 per cent"),
    # ("Between 2 and 3 million" is a range since round fifteen: tests/test_attacks_round15.py)
    ("Costs rose from \u00a31.2 to \u00a31.5m.", "\u00a31.2", "\u00a31.5m"),
    # ("10 or 12% of cases" is a range since round twenty, as "5 or 6%" is: tests/test_attacks_round20.py)
    ("One to two million people.", "One", "two million"),
])
def test_a_number_whose_unit_follows_the_next_is_not_read_as_a_count(text: str, first: str, second: str) -> None:
    """Read alone, the first end was the count 10, 2 or the sum £1.20: a figure the article never printed."""
    figures, not_read = _scan(text)
    assert figures == [second]
    assert not_read == [f"paragraph 1: {first!r} is a {SHARES_UNIT}, not one figure the record can hold: check it "
                        "by hand"]


def test_two_counts_joined_by_to_are_both_figures() -> None:
    assert _scan("Referrals went from 1,737 to 2,060.") == (["1,737", "2,060"], [])


@pytest.mark.parametrize("text", ["The share rose from 10% to 15%.", "The share rose from 10 per cent to 15 per cent."])
def test_a_percentage_before_or_after_a_change_is_a_level_not_a_rise(text: str) -> None:
    """"rose from 10 to 15 per cent": 15 per cent was offered as a percentage rise to register."""
    result = scan_text(text, DEFAULT)
    assert [f["derived"] for f in result["figures"]] == ["share", "share"]


def test_a_count_with_commas_before_a_percentage_is_its_own_figure() -> None:
    assert _scan("Referrals rose to 1,200 and 56% of them were girls.")[0] == ["1,200", "56%"]


@pytest.mark.parametrize(("text", "left"), [
    ("A rise of 56 pct.", "56 pct"), ("Up 56 p.c. on last year.", "56 p.c."), ("It cost 1.2 mln pounds.", "1.2 mln"),
    ("About 3 bln.", "3 bln"), ("Some two hundred girls.", "two hundred"),
    # ("56 per-cent" is read as 56 per cent since round fifteen: tests/test_attacks_round15.py)
])
def test_a_number_with_a_unit_the_parser_does_not_read_is_not_a_count(text: str, left: str) -> None:
    """Each was read as the count 56, 1.2, 3 or 2: the unit after it was lost."""
    figures, not_read = _scan(text)
    assert figures == []
    assert not_read == [f"paragraph 1: {left!r} is a number with a unit no figure form reads, not one figure the "
                        "record can hold: check it by hand"]


def test_one_hundred_and_the_scales_the_parser_reads_are_figures() -> None:
    assert _scan("One hundred children, 5 thousand cases and \u00a31.2bn.")[0] == [
        "One hundred", "5 thousand", "\u00a31.2bn"]  # ("1.2bn pounds" is not read since round fifteen)


# --- exports (class 5) --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Revised in the ONS mid-2024 release;-1+cmd|' /C calc'!A0", "ok; -1-cmd|x",
                                  "ok;-1e3", "ok; -(5)"])
def test_a_minus_and_a_formula_after_a_semicolon_is_refused(text: str) -> None:
    """Excel set to a semicolon list separator opens what follows as a formula; "-1+cmd|…" passed."""
    assert "reads what follows as a formula" in (text_problem(text) or "")


@pytest.mark.parametrize("text", ["a fall; -5% on the year", "ok; -5 cases", "ok;-5", "ok; -5,000 fewer", "ok; -1.5%"])
def test_a_signed_number_after_a_semicolon_is_text(text: str) -> None:
    assert text_problem(text) is None


def _served_page(db: Path, path: str) -> str:
    from datasette.app import Datasette

    from analysis.publish.database import PLUGINS_DIR
    from tests.event_loop import run_apart

    ds = Datasette([str(db)], plugins_dir=str(PLUGINS_DIR))
    response = run_apart(ds.client.get(path))
    assert response.status_code == 200
    return str(response.text)


def test_datasette_links_only_a_source_s_own_address(tmp_path: Path) -> None:
    """Datasette linked any cell holding a whole web address: a URL typed in a gap's `where_looked` or a source's
    `licence` became a live link on the row pages."""
    import sqlite3

    db = tmp_path / "cse.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table sources (id text, url_main text, licence text)")
        conn.execute("insert into sources values ('s', 'https://www.gov.uk/report', 'http://evil.example/licence')")
        conn.execute("create table gaps (id text, where_looked text)")
        conn.execute("insert into gaps values ('g', 'https://evil.example/login?next=cse')")
    pages = [_served_page(db, "/cse/sources"), _served_page(db, "/cse/gaps"),
             _served_page(db, "/cse?sql=select+url_main,+licence+from+sources")]
    assert all('href="http://evil.example' not in page and 'href="https://evil.example' not in page for page in pages)
    assert all("evil.example" in page for page in pages[:2])  # shown, as text
    assert 'href="https://www.gov.uk/report"' in pages[0] and 'href="https://www.gov.uk/report"' in pages[2]


def test_a_venv_that_is_a_link_to_another_checkout_s_is_replaced_not_followed(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A `.venv` linked to another checkout's passed as this one's, so `make` would install this checkout into it;
    a link to a moved venv made the bootstrap die in `shutil.rmtree` (it refuses a link)."""
    from analysis.run import bootstrap

    other = tmp_path / "other" / ".venv"
    (other / "bin").mkdir(parents=True)
    (other / "bin" / "activate").write_text(f"VIRTUAL_ENV='{tmp_path / 'elsewhere' / '.venv'}'\n", encoding="utf-8")
    link = tmp_path / "here" / ".venv"
    link.parent.mkdir()
    link.symlink_to(other)
    assert "is a link to" in (bootstrap.venv_problem(link) or "")
    monkeypatch.setattr(bootstrap, "VENV", link)
    monkeypatch.setenv("CSE_NO_UV", "1")
    monkeypatch.setattr(bootstrap, "install_with_pip", lambda python, extras: 1)
    assert bootstrap.main(["dev"]) == 1
    assert not link.exists() and not link.is_symlink()
    assert (other / "bin" / "activate").is_file()  # the other checkout's environment is left alone


def test_workbook_text_is_never_a_note_reference() -> None:
    """gptables read "$$evil$$" in a publisher's name on a chart's source line as a note reference."""
    from analysis.publish.workbook_sheets import cell_text

    assert "$$" not in cell_text("AOL news desk $$evil$$ (PA Media)")
    assert cell_text("AOL news desk $$evil$$") == "AOL news desk $ $evil$ $"


def test_no_workbook_row_is_taller_than_excel_allows() -> None:
    from analysis.publish.workbook import MAX_ROW_HEIGHT, _fit_rows

    class Sheet:
        def __init__(self) -> None:
            self.heights: list[float] = []

        def set_row(self, row: int, height: float) -> None:
            self.heights.append(height)

    ws = Sheet()
    _fit_rows(ws, 0, [["line\n" * 300], ["two\nlines"]], [40])
    assert ws.heights[0] == MAX_ROW_HEIGHT == 409 and ws.heights[1] < MAX_ROW_HEIGHT


@pytest.mark.parametrize("url", ["http://./", "http://127.0.0.1/report", "https://a.b/", "https://-x.com/"])
def test_a_source_address_needs_a_public_host_name(url: str) -> None:
    """"http://./" passed as a source's url_main (a live link to nowhere) and as the site address of ClaimReview."""
    assert "no public host name" in (url_problem(url) or "")


def test_real_source_addresses_have_public_host_names() -> None:
    assert [url_problem(u) for u in ("https://www.gov.uk/x", "https://news.met.police.uk/x")] == [None, None]


@pytest.mark.parametrize("text", ["0_7_7_0_0_9_0_0_1_2_3_", "1 1 1 1 1 1 1 1 1 1_x", "12 345 678 9012 34x"])
def test_a_long_number_is_found_however_its_run_ends(text: str) -> None:
    """The long-number pattern now takes each run once (a run ending in a letter made it retry from every group:
    quadratic, 48 s for 40,000 characters of "1_ "); what it finds is read in Python, to the last end of a group
    that ends a number."""
    assert personal_data_in(text) == [LONG_NUMBER]
