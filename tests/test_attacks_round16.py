"""Issue 24, round sixteen (the lead's attacks): what a fresh attack found, each pinned by a test that fails
without its fix. The helper's round is tests/test_attacks_round16a.py."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT
from tests.scanned import listed as _listed

# --- scan: a terminal escape sequence other than "ESC[…" left its parameters as text, read as figures (class 3) ---


@pytest.mark.parametrize("escape", [
    "\x1b]8;;https://example.org/a\x07",  # a terminal hyperlink's start (OSC 8, ended by BEL): its "8" was a figure
    "\x1b]8;;https://example.org/a\x1b\\",  # … ended by ST
    "\x1b]0;Window 2024 title\x07",  # a window title
    "\u009b31m",  # the one-character form of "ESC[": "31m" was read as 31 million
    "\u009d8;;https://example.org/\u009c",  # the one-character forms of OSC and ST
    "\x1bP1$r0m\x1b\\",  # a device control string
    "\x1b(B\x1b7\x1b8",  # character set and cursor escapes: "7" and "8" were figures
])
def test_a_terminal_escape_sequence_is_dropped_whole(escape: str) -> None:
    text = f"The Met found 1,200 children{escape} at risk in 2023."
    assert to_text(text) == "The Met found 1,200 children at risk in 2023."
    result = scan_text(text, DEFAULT)
    assert [f["value_as_printed"] for f in result["figures"]] == ["1,200"]


def test_a_control_string_without_its_end_stops_at_the_line_end() -> None:
    """An OSC never ended hides the rest of its line, as a terminal would, but not the next paragraph."""
    assert to_text("Open \x1b]8;;https://example.org/ 12 left\nThe Met found 1,200 children.") == \
        "Open\n\nThe Met found 1,200 children."


# --- the commands echoed an argument's escape sequence to the terminal (class 3, what scan and its siblings print) --

ESCAPE = "\x1b]0;title\x07\x1b[2J"


@pytest.mark.parametrize("argv", [
    ["notebooks", "--only", f"x{ESCAPE}"],  # argparse's "unrecognized arguments: …" echoes them as typed
    ["verify", "share", "--part", "1", "--whole", "2", "--stated", "50%", f"--x{ESCAPE}"],  # a kind's own parser
    ["show", f"no-such-id{ESCAPE}"],  # the hint "try `python -m analysis search …`"
])
def test_no_command_echoes_a_control_character(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    try:
        code = main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    out = capsys.readouterr()
    assert code != 0
    assert "?]0;title?" in out.err + out.out  # echoed, with its controls shown as "?"
    assert not any(c in out.err + out.out for c in "\x1b\x07")


# --- scan: fresh number shapes read as figures the article never printed (class 3) ------------------------------

def _read(text: str) -> tuple[list[tuple[str, float, str]], list[str]]:
    result = scan_text(text, DEFAULT)
    return ([(f["value_as_printed"], round(f["value"], 2), f["unit"]) for f in result["figures"]],
            result["not_read"])


@pytest.mark.parametrize(("text", "left"), [
    ("There were 1'200 children at risk.", "1'200"),  # the counts 1 and 200
    ("There were 1\u2019200 children at risk.", "1\u2019200"),
    ("There were 1'200'000 children at risk.", "1'200'000"),
])
def test_digit_groups_parted_by_apostrophes_are_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, "number with apostrophes between its digit groups")])


@pytest.mark.parametrize(("text", "left"), [
    ("The number hit 10^3 cases.", "10^3"),  # the counts 10 and 3
    ("The number hit 1e3 cases.", "1e3"),  # left out without a word, as a code
    ("The number hit 1.2e+03 cases.", "1.2e+03"),
])
def test_a_number_in_scientific_notation_is_listed(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, "number in scientific notation")])


def test_a_spaced_pc_is_listed_not_read_as_a_count() -> None:
    """"12 pc" was the count 12; "12pc" is 12 per cent, and "12 PCs" twelve officers."""
    figures, not_read = _read("Up 12 pc on last year, 12pc overall, with 12 PCs.")
    assert figures == [("12pc", 12.0, "percent"), ("12", 12.0, "count")]
    assert not_read == [_listed("12 pc", "number with a unit no figure form reads")]


@pytest.mark.parametrize("text", ["The 16- and 17-year-olds numbered 300.", "Boys aged 16- to 17 numbered 300.",
                                  "Girls, 16- or 17-year-olds, numbered 300."])
def test_an_age_with_a_hanging_hyphen_is_an_age(text: str) -> None:
    """The 16 (or the 17) was read as a count."""
    assert _read(text) == ([("300", 300.0, "count")], [])


@pytest.mark.parametrize(("text", "printed", "value"), [
    ("One child in five was at risk.", "One child in five", 20.0),  # the count 1
    ("Three children in 10 were at risk.", "Three children in 10", 30.0),  # the counts 3 and 10
    ("Two girls in every three said so.", "Two girls in every three", 66.67),
    ("It was one victim in 10.", "one victim in 10", 10.0),
    ("Three children out of every four were seen.", "Three children out of every four", 75.0),
])
def test_a_share_with_what_it_counts_between_is_a_share(text: str, printed: str, value: float) -> None:
    assert _read(text) == ([(printed, value, "percent")], [])


@pytest.mark.parametrize(("text", "figures"), [
    ("300 cases in 12 forces were reviewed.", [("300", 300.0, "count"), ("12", 12.0, "count")]),
    ("There were 12 cases in 2023, the Met said.", [("12", 12.0, "count")]),
    ("Three children in 10 families were at risk.", [("Three", 3.0, "count"), ("10", 10.0, "count")]),
])
def test_counts_in_places_or_years_are_no_share(text: str, figures: list[tuple[str, float, str]]) -> None:
    assert _read(text) == (figures, [])


# --- personal data of new kinds passed the check (class 4) -------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Her Instagram is @jane_doe_2009.", "a social-media account"),
    ("See facebook.com/jane.doe.2009 for more.", "a social-media account"),
    ("See instagram.com/janedoe for more.", "a social-media account"),
    ("Her snapchat: janedoe09", "a social-media account"),
    ("TikTok username: jane.doe", "a social-media account"),
    ("Driving licence JONES710238HA3DX was seized.", "a driving licence number"),
    ("Licence MORGA 753116 SM9IJ.", "a driving licence number"),
    ("The home at 51.50740, -0.12780 was searched.", "a map position"),
    ("The home at 51°30′26″N 0°7′39″W was searched.", "a map position"),
    ("Found at ///filled.count.soap by police.", "a map position"),
    ("MRN 1234567 was the hospital number.", "a personal reference number"),
    ("Her hospital number 12345678.", "a personal reference number"),
    ("Prison number A1234BC was given.", "a personal reference number"),
    ("PNC ID 12/123456A was recorded.", "a personal reference number"),
    ("Child ID CH-00123456.", "a personal reference number"),
    ("Social services ref SS/2023/004512.", "a personal reference number"),
    ("Account 55779911, sort 20-00-00.", "a bank account"),
    ("Logged from 2001:db8::8a2e:370:7334.", "an IPv6 address"),  # rounds 14-15 kept this as a known miss
    ("Logged from fe80::1 at home.", "an IPv6 address"),
    ("Logged from abcd::ef at home.", "an IPv6 address"),  # no digit: the check's first look found nothing
    ("Logged from 2001:0db8:85a3:0000:0000:8a2e:0370:7334.", "an IPv6 address"),
])
def test_personal_data_of_new_kinds_is_refused(text: str, kind: str) -> None:
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == [kind]


@pytest.mark.parametrize("text", [
    "Snapchat: 26% of offences were on the platform.", "Snapchat: the platform used most.",
    "Instagram and Snapchat were used in 1,200 cases.", "Posted on facebook.com/help for all.",
    "Rates were 2.7700, 1.2000 per 1,000.", "A 5° rise.", "Child number 3 in the family.", "Case number 12.",
    "Prison numbers rose to 12,000.", "Hospital numbers fell 12%.", "The PNC is a database.", "Retina @2x images.",
    "Accounts for 56% of cases.", "A sort of 20-30 cases.", "Email me @ 5pm.", "At 10:30:45 on the day.",
    "See table 12:: notes.", "A ratio of 1:2:3.",
])
def test_what_only_looks_like_the_new_kinds_is_none(text: str) -> None:
    """A platform's share of offences, a rate to four places, a small case number: none names a person."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in(text) == []


# --- exports: record text reached the charts' JSON unescaped, unsafe to paste into a page's script (class 5) -------

@pytest.mark.slow
def test_every_json_file_is_safe_to_inline(planted: Any) -> None:
    """Every JSON file the main job writes for readers (the charts' metadata, ClaimReview, the data package,
    Datasette's metadata) holds no raw `<`, `>` or `&`, so a caveat's `</script>` pasted into a newsroom's page
    cannot end its script; the values read back unchanged, the planted markup among them (not vacuous)."""
    import json

    from tests.planted import PAYLOAD

    files = [*planted.outputs.rglob("*.json"), *planted.outputs.rglob("*.jsonld"),
             planted.root / "data" / "processed" / "datapackage.json"]
    charts = [path for path in files if path.parent.parent.name == "charts"]
    assert len(charts) >= 12, files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not set(text) & set("<>&\u2028\u2029"), path.name
        json.loads(text)
    assert any(PAYLOAD in json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
               for path in charts)


# --- verify: a --stated it cannot read got no hint of what it reads (low) ----------------------------------------

@pytest.mark.parametrize(("argv", "hint"), [
    (["points", "--from", "10%", "--to", "15%", "--stated", "5 points"], '"3 percentage points", "3pp"'),
    (["change", "--from", "2060", "--to", "1737", "--stated", "a fall of 15.7%"], "a fall with --fall"),
    (["share", "--part", "1", "--whole", "5", "--stated", "a fifth part"], '"one in five"'),
])
def test_an_unread_stated_value_says_what_the_kind_reads(argv: list[str], hint: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    assert main(["verify", *argv]) == 2
    err = capsys.readouterr().err
    assert "cannot read --stated" in err and "Accepted --stated" in err and hint in err


# --- a chart: a long inspection name pushed the count of cases off the phone chart (class 5, helper's finding) ---

def test_a_long_inspection_name_keeps_its_count_on_the_phone_chart() -> None:
    """A 41-character label passes validation; on the mobile chart its ": 374 cases" ran past the right edge. The
    name is now cut before the count ("…: 374 cases")."""
    from matplotlib.text import Text

    from analysis.paths import PROJECT_ROOT, Paths
    from analysis.publish import audit, charts, style
    from analysis.tables.load import load_table

    spec = next(s for s in charts.CHARTS if s.chart_id == "inspection-grades")
    tables = {t: load_table(t, Paths(PROJECT_ROOT)) for t in spec.tables}
    grades = tables["inspection_grades"].copy()
    grades.loc[grades["label"] == "2016 inspection", "label"] = "2016 National Child Protection Inspection"
    tables["inspection_grades"] = grades
    fig, meta = charts.draw("inspection-grades", tables=tables)
    mobile, _ = meta.redraw(style.MOBILE_WIDTH)
    assert audit.texts_outside(mobile) == []
    shown = [t.get_text() for t in mobile.findobj(Text)]
    assert "2016 National Child Protection…: 374 cases" in shown
    assert "2016 National Child Protection Inspection, November 2016: 374 cases" in [
        t.get_text() for t in fig.findobj(Text)]  # whole on the web chart


@pytest.mark.slow
def test_no_chart_drawn_from_long_record_text_runs_past_its_edge(planted: Any) -> None:
    """Every chart drawn from the planted record, whose prose fields all carry a long payload (tests/planted.py),
    keeps its text inside the figure at web and phone width: a publisher's or an inspection's long name ran past
    the edge (recorded-vs-estimated, inspection-grades), and with it the count or date at its end."""
    from matplotlib.text import Text

    from analysis.paths import Paths
    from analysis.publish import audit, charts, style
    from analysis.tables.load import load_table

    paths = Paths(planted.root)
    for spec in charts.CHARTS:
        tables = {t: load_table(t, paths) for t in spec.tables}
        fig, meta = charts.draw(spec.chart_id, tables=tables)
        mobile, _ = meta.redraw(style.MOBILE_WIDTH)
        assert (audit.texts_outside(fig), audit.texts_outside(mobile)) == ([], []), spec.chart_id
        if spec.chart_id == "recorded-vs-estimated":  # not vacuous: the long name was cut, its date kept
            headings = [t.get_text() for t in mobile.findobj(Text) if str(t.get_label()).startswith("_row")]
            assert len(headings) == 2 and all("…, " in h for h in headings), headings


# --- a source's address on a host reserved for special use passed as a public one (class 5, r16a's finding) ------

@pytest.mark.parametrize("url", ["https://localhost.localdomain/report", "https://intranet.met.local/cse",
                                 "https://www.gov.uk.test/x", "http://reports.internal/a", "https://x.onion/"])
def test_a_source_on_a_special_use_host_is_refused(url: str) -> None:
    from analysis.record.hygiene import is_web_url, url_problem

    assert "reserved for special use" in (url_problem(url) or "")
    assert not is_web_url(url)  # never a live link in the workbook, the pages or Datasette


def test_a_public_host_is_still_an_address() -> None:
    from analysis.record.hygiene import url_problem

    assert url_problem("https://www.justiceinspectorates.gov.uk/hmicfrs/") is None
    assert url_problem("https://cse-figures.example.org/") is None  # example.org is the site's own default


# --- scan: a range with a spaced dash gave two exact figures; "12 dozen" the count 12 (class 3) -------------------

@pytest.mark.parametrize(("text", "left"), [
    ("There were 1,200 \u2013 1,500 cases.", "1,200 \u2013 1,500"),  # the exact counts 1,200 and 1,500
    ("There were 1,200 - 1,500 cases.", "1,200 - 1,500"),
    ("Between 10% \u2013 20% of cases.", "10% \u2013 20%"),
])
def test_a_range_with_a_spaced_dash_is_a_range(text: str, left: str) -> None:
    assert _read(text) == ([], [_listed(left, "range")])


@pytest.mark.parametrize(("text", "figures"), [
    ("It fell from 1,500 \u2014 300 fewer \u2014 to 1,200.", ["1,500", "300", "1,200"]),  # an aside, not a range
    ("The score was 3 - 1 at half time.", ["3", "1"]),
])
def test_a_spaced_dash_between_a_larger_and_a_smaller_number_is_no_range(text: str, figures: list[str]) -> None:
    read, not_read = _read(text)
    assert ([f[0] for f in read], not_read) == (figures, [])


def test_a_number_of_dozens_is_listed() -> None:
    assert _read("There were 12 dozen cases.") == ([], [_listed("12 dozen", "number with a unit no figure form reads")])
