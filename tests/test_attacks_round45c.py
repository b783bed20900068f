"""Round 45, helper c: one reading of characters (class 4), markup (class 1) and exports (class 5), with inputs earlier
rounds did not try: the record's names and labels typed in another letter case than the record's own (title case, as
many pages print a body's name, against the sentence case the record writes), which the chart credits, the London
rates chart, the workbook cover and the charts that select rows by a place compared as typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.publish import publishers
from analysis.publish.charts.london_rates import london_rates_chart
from analysis.tables.load import load_table
from tests.raw_copy import refusal

# --- a body's name in title case -----------------------------------------------------------------------------------

TITLE_CASE = {"Home Office (Baroness Casey's national audit)": "Home Office (Baroness Casey's National Audit)",
              "Centre of expertise on child sexual abuse (CSA Centre)":
                  "Centre of Expertise on Child Sexual Abuse (CSA Centre)"}


def _typed_in_title_case(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table as the build makes it when sources.yaml names the national audit and the CSA Centre in title
    case, as gov.uk and many reports print them ("Centre of Expertise on Child Sexual Abuse"), where the record
    writes them in sentence case, as the centre's own pages do."""
    out = figures.copy()
    for column in ("publisher", "attributed_to"):
        out[column] = out[column].map(lambda v: TITLE_CASE.get(v, v) if isinstance(v, str) else v)
    return out


def test_london_rates_chart_finds_the_national_audit_whatever_its_letter_case() -> None:
    """With "Home Office (Baroness Casey's National Audit)" in the record's attributions (a full main job on a
    scratch copy of data/raw, exit 0), the London rates chart found no audit, so it titled itself "Three London rates
    per 1,000 children, each counting a different thing" instead of naming the audit, dropped its warning "Quoted
    from the audit by a news outlet; not yet checked against the audit itself", and linked an aggregator's copy
    (inkl.com) instead of the audit on gov.uk."""
    figures = load_table("figures")
    claims, gaps = load_table("claims"), load_table("gaps")
    _, typed = london_rates_chart(figures, claims, gaps)
    _, title_case = london_rates_chart(_typed_in_title_case(figures), claims, gaps)
    assert title_case.title == typed.title
    assert "not yet checked against the audit itself" in title_case.notes
    assert title_case.source_url == typed.source_url
    assert "inkl.com" not in title_case.source_url


@pytest.mark.parametrize(("name", "face"), [
    ("Centre of Expertise on Child Sexual Abuse (CSA Centre)", "CSA Centre"),
    ("National Police Chiefs' council", "NPCC"),
    ("OFFICE FOR NATIONAL STATISTICS", "ONS"),
    ("Home office", "Home Office"),
    ("Metropolitan police service", "Metropolitan Police"),
    ("HM Inspectorate of Constabulary and Fire and Rescue Services", "HMICFRS"),
])
def test_a_body_in_another_letter_case_is_named_one_way_on_the_chart_face(name: str, face: str) -> None:
    """The recorded-vs-estimated chart credited "Centre of Expertise on Child Sexual Abuse (CSA Centre) and NPCC
    (VKPP)" and wrote the long name in its alt text and notes, where the record's own spelling gives "CSA Centre"."""
    assert publishers.face_name(name) == face


def test_a_credit_names_a_body_once_whatever_its_letter_case() -> None:
    """One body typed two ways in one chart's documents is one name in its credit."""
    line = publishers.face_line(["Agency Of Example Figures", "Agency of example figures"], ["Home office"])
    assert line == "Agency Of Example Figures and Home Office", line


def test_the_recorded_vs_estimated_credit_gives_the_csa_centre_its_short_name() -> None:
    from analysis.publish.charts.recorded_vs_estimated import recorded_vs_estimated_chart

    _, meta = recorded_vs_estimated_chart(_typed_in_title_case(load_table("figures")))
    assert meta.source_name == "CSA Centre and NPCC (VKPP)", meta.source_name


def test_the_workbook_cover_counts_a_publisher_once_whatever_its_letter_case() -> None:
    from analysis.publish.workbook import publisher_counts

    counts = publisher_counts([{"producer": "Centre of expertise on child sexual abuse (CSA Centre)"},
                               {"producer": "Centre of expertise on child sexual abuse (CSA Centre)"},
                               {"producer": "Centre of Expertise on Child Sexual Abuse (CSA Centre)"}])
    assert counts == {"Centre of expertise on child sexual abuse (CSA Centre)": 3}


# --- a place typed in another letter case ----------------------------------------------------------------------------

ICEBERG = "figures/csacentre-infographics-2019-20-iceberg.csv"
OFFENCES = "Identifiable child sexual abuse offences recorded by the police,England and Wales,"


@pytest.mark.parametrize(("typed", "written"), [("England and wales", "England and Wales"),
                                                ("ENGLAND AND WALES", "England and Wales")])
def test_a_place_in_another_letter_case_is_refused(tmp_path: Path, typed: str, written: str) -> None:
    """A figure's geography "England and wales" passed `validate`, and the recorded-vs-estimated chart, which
    selects rows by the place's exact value, dropped the CSA Centre's whole row (its 87,992 offences and its
    500,000 children: the document no longer printed both) without a word, exit 0 (full main job on a copy)."""
    said = refusal(tmp_path, (ICEBERG, OFFENCES, OFFENCES.replace("England and Wales", typed)))
    assert f"geography {typed!r} is written {written!r}" in said, said


def test_a_unit_in_another_letter_case_is_refused(tmp_path: Path) -> None:
    said = refusal(tmp_path, (ICEBERG, '"87,992",offences,', '"87,992",Offences,'))
    assert "unit 'Offences' is written 'offences'" in said, said


# --- the notebooks read names and gaps by the modules' rules ----------------------------------------------------------

def _outputs_of(notebook: Path, marker: str) -> str:
    """Every output of the executed notebook's cells whose source holds `marker`, as one text."""
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return json.dumps([c.get("outputs", []) for c in cells if marker in "".join(c["source"])])


def test_the_notebooks_read_a_met_name_and_a_gap_as_the_charts_do(tmp_path: Path) -> None:
    """Two notebooks compared record text as typed where the charts use a module's rule. With the Met's 2017 release
    produced by "Metropolitan police" (the Guardian's style), 02_met_cse_series said "15 of 15 rows come from a report
    of the Met's figures (news or another body), not the Met's own document" (9 of 15 do); with a gap naming the rise
    as "56\u00a0per cent" (a no-break space, as pages set it), 06_national_picture's table of the counts behind the
    rise lost that gap, which the "56 per cent" chart still lists. Both exit 0 (a full main job on a copy)."""
    import shutil

    from analysis.paths import PROJECT_ROOT
    from tests.raw_copy import raw_copy, run_on

    root = raw_copy(tmp_path,
                    ("sources.yaml", "- id: met-2017-03-13\n  producer: Metropolitan Police Service\n",
                     "- id: met-2017-03-13\n  producer: Metropolitan police\n"),
                    ("gaps.yaml", "(the end value of the '56 per cent increase')",
                     "(the end value of the '56\u00a0per cent increase')"))
    shutil.copytree(PROJECT_ROOT / "notebooks", root / "notebooks")
    assert run_on(root, "build").returncode == 0
    ran = run_on(root, "notebooks", timeout=600)
    assert ran.returncode == 0, ran.stderr[-2000:]
    executed = root / "outputs" / "notebooks"
    assert "9 of 15 rows come from a report" in _outputs_of(executed / "02_met_cse_series.ipynb", "copies =")
    behind = _outputs_of(executed / "06_national_picture.ipynb", "behind_rise")
    assert "context-cse-at-risk-counts-feb-2025" in behind and "context-cse-at-risk-counts-sept-2024" in behind


def test_a_body_is_the_same_body_whatever_its_letter_case_or_its_short_name() -> None:
    assert publishers.same_body("Metropolitan police", "Metropolitan Police Service")
    assert publishers.same_body("Office for National Statistics", "Office for National Statistics")
    assert not publishers.same_body("Metropolitan Police Service", "Office for National Statistics")


# --- the workbook keeps a caveat that uses a word of the drawing ------------------------------------------------------

DRAWN = ("An estimate, 'Calculated using", "An estimate drawn from survey data, 'Calculated using")


def test_the_workbook_keeps_a_caveat_whose_words_a_caption_also_uses() -> None:
    """The 500,000 estimate's caveat in data/raw written "An estimate drawn from survey data, 'Calculated using …'"
    (a full main job on a copy, exit 0): the workbook's notes of the recorded-vs-estimated chart dropped the whole
    sentence, as "drawn" is a word of the charts' captions, so its next sentence ("Geography assumed England and
    Wales …; not stated for this one") read as the 87,992 offences' caveat. The chart's JSON kept it."""
    from analysis.publish import reader_text, workbook
    from analysis.publish.charts.recorded_vs_estimated import recorded_vs_estimated_chart

    figures = load_table("figures")
    figures["caveat"] = figures["caveat"].fillna("").str.replace(*DRAWN, regex=False)
    _, meta = recorded_vs_estimated_chart(figures)
    assert "An estimate drawn from survey data" in meta.notes
    record = reader_text.record_words({"figures": figures.to_dict("records")})
    notes = workbook.reader_notes(meta.notes, record)
    assert "500,000 (CSA Centre): An estimate drawn from survey data" in notes, notes


@pytest.mark.parametrize("caption", ["Bars may not sum to 100% because of rounding.",
                                     "Circles: figures from a Met publication; diamonds: figures known only from a "
                                     "news report of the Met's figures.",
                                     "The counts are drawn as printed; no share resting on them is headlined."])
def test_a_caption_about_the_drawing_is_still_left_out_of_the_workbook(caption: str) -> None:
    """A guard (passes with and without the fix): the charts' own sentences about the drawing stay out, with the
    whole record's words to look them up in."""
    from analysis.publish import reader_text, workbook

    notes = f"Offences are not victims. {caption}"
    if hasattr(reader_text, "record_words"):
        record = reader_text.record_words({name: load_table(name).to_dict("records")
                                           for name in ("figures", "sources", "gaps", "claims")})
        assert workbook.reader_notes(notes, record) == "Offences are not victims."
    assert workbook.reader_notes(notes) == "Offences are not victims."


def test_the_gallery_s_short_note_keeps_that_caveat_with_its_figure() -> None:
    """The same caveat on the gallery: its short note under the chart read "87,992 (CSA Centre): …; the infographic
    itself prints no period. Offences, not victims. Geography assumed England and Wales (the page's other figures);
    not stated for this one.", giving the 87,992 offences the 500,000 estimate's caveat."""
    from analysis.publish import reader_text
    from analysis.publish.charts.recorded_vs_estimated import recorded_vs_estimated_chart
    from analysis.publish.gallery import Chart

    figures = load_table("figures")
    figures["caveat"] = figures["caveat"].fillna("").str.replace(*DRAWN, regex=False)
    _, meta = recorded_vs_estimated_chart(figures)
    record = reader_text.record_words({"figures": figures.to_dict("records")})
    chart = Chart("recorded-vs-estimated", {"notes": meta.notes, "notes_on_chart": meta.notes_on_chart},
                  record=record)
    note, _ = chart.note
    assert "Offences, not victims. Geography assumed" not in note, note


def test_the_workbook_gives_each_figure_its_caveat_when_two_caveats_end_alike() -> None:
    """In the record as it is, the recorded-vs-estimated chart's notes give "Offences, not victims." to the CSA
    Centre's 87,992 and to the NPCC's 115,489 offences; the workbook's Notes sheet (each sentence once) kept the
    first and dropped the second, so only one of the two counts was said to count offences, not victims."""
    from analysis.publish import reader_text, workbook
    from analysis.publish.charts.recorded_vs_estimated import recorded_vs_estimated_chart

    figures = load_table("figures")
    _, meta = recorded_vs_estimated_chart(figures)
    assert meta.notes.count("Offences, not victims.") == 2
    record = reader_text.record_words({"figures": figures.to_dict("records")})
    notes = workbook.reader_notes(meta.notes, record)
    assert notes.count("Offences, not victims.") == 2, notes


# --- the workbook cover (lows) ----------------------------------------------------------------------------------------

def _cover_text(sources: list[dict[str, Any]]) -> str:
    from analysis.publish.workbook import _cover

    cover, _ = _cover({"sources": sources, "figures": [], "claims": []}, 1)
    return " ".join(str(part) for part in cover.about)


def test_the_cover_gives_the_newest_source_as_printed_on_a_tie() -> None:
    """Two documents of the same newest day, one printing "1 January 2026", one dated by a first-of-month stand-in:
    the cover said "Newest source: published January 2026 (approximate)"."""
    about = _cover_text([
        {"producer": "A", "date_published": "2026-01-01", "date_approximate": False, "date_accessed": "2026-02-01"},
        {"producer": "B", "date_published": "2026-01-01", "date_approximate": True, "date_accessed": "2026-02-01"}])
    assert "Newest source: published 1 January 2026." in about, about


def test_a_licence_typed_unknown_is_no_licence_on_the_cover() -> None:
    about = _cover_text([{"producer": "A", "date_published": "2026-01-01", "licence": "Unknown"},
                         {"producer": "B", "date_published": "2026-01-01", "licence": "Open Government Licence v3.0"}])
    assert "Unknown" not in about, about
    assert "no licence is in this record for 1 of the 2 documents" in about, about


@pytest.mark.parametrize("wanted", ["Number of children at\u00a0risk of exploitation in 2024",
                                    "Number of children AT RISK of exploitation in 2024"])
def test_a_notebook_s_limitations_find_a_gap_whatever_its_spaces_or_case(wanted: str) -> None:
    """The notebooks list in their Limitations the gaps whose text names their words (02: "at risk", "referral");
    a gap whose text was pasted with a no-break space between "at" and "risk" was left out, exit 0."""
    from analysis.publish.display import limitations

    gaps = pd.DataFrame([{"id": "gap-x", "wanted": wanted, "holder": "Metropolitan Police Service",
                          "published_in": ""}])
    assert any("exploitation in 2024" in line for line in limitations([], gaps, ["at risk"]))


def test_the_inspection_timeline_reads_a_count_s_kind_by_whole_words() -> None:
    """A subject "causes of concern issued (as disclosed in the 2025 revisit)" made the revisit's count of causes
    issued a count of causes closed ("closed" inside "disclosed"): the timeline's note then credited the closing of
    all three to the inspectorate's own count, exit 0."""
    from analysis.publish.charts.inspection_timeline import kind_of

    assert kind_of("causes of concern issued (as disclosed in the 2025 revisit)") == "issued"
    assert kind_of("causes of concern from the 2023 inspection that HMICFRS closed") == "closed"
    assert kind_of("accelerated causes of concern issued during the inspection") == "accelerated"


def test_a_bracketed_hyphenated_word_of_a_caveat_is_no_id() -> None:
    """A caveat "Offences rose (year-on-year) by 5%." lost "(year-on-year)" in the workbook's notes: two hyphens in
    brackets were read as a record id. A gap's id in brackets is still taken out."""
    from analysis.publish import reader_text, workbook

    record = reader_text.record_words({name: load_table(name).to_dict("records") for name in ("figures", "gaps")})
    notes = workbook.reader_notes("Offences rose (year-on-year) by 5%. Missing (context-cse-at-risk-counts-feb-2025): "
                                  "the counts.", record)
    assert notes == "Offences rose (year-on-year) by 5%. Missing: the counts.", notes
