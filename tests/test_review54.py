"""The lead's standards review: a chart shows a figure in words someone printed, and credits whom it quotes."""

from __future__ import annotations

import matplotlib

from analysis.publish import charts
from analysis.publish.charts.national_offences import offence_table
from analysis.tables.copies import loosest_printing
from analysis.tables.load import load_table

matplotlib.use("Agg")

NPCC_2022 = "npcc-2024-01-10-vkpp-2022-csae-analysis/csae-crimes-2022"


def test_each_year_s_total_is_shown_in_one_document_s_words_number_and_unit_together() -> None:
    """The NPCC's release prints '107,000 crimes' for 2022; its copies print 'around 107,000 offences'. The card
    joined one copy's 'around' to the publisher's 'crimes' ('around 107,000 crimes'), a printing no document made.
    Every year's number and unit now come from one figure row, and the card says whose words they are."""
    figures = load_table("figures")
    table = offence_table(figures)
    printed = set(zip(figures["figure_id"], figures["value_as_printed"], figures["unit"], strict=True))
    for r in table.itertuples():
        assert (r.words_from, r.total_printed, r.unit) in printed, (r.year, r.total_printed, r.unit)
    y2022 = table.set_index("year").loc["2022"]
    assert (y2022["total_id"], y2022["total_printed"], y2022["unit"]) == (NPCC_2022, "around 107,000", "offences")
    fig, meta = charts.draw("national-csae-offences")
    face = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text)).replace("\n", " ")
    assert "around 107,000 crimes" not in face
    assert "Worded as Police Professional reported it; NPCC printed '107,000 crimes'." in face, face
    assert "reported by Police Professional" in meta.source_line


def test_the_looser_printing_comes_from_the_best_outlet_that_printed_it() -> None:
    """Two copies print 'around 107,000': Police Professional (a specialist outlet) and Healthcare Conferences UK
    (a mirror). The words shown, and so the credit, are the better outlet's whichever order the rows come in."""
    figures = load_table("figures")
    rows = figures.to_dict("records")
    npcc = next(r for r in rows if r["figure_id"] == NPCC_2022)
    for order in (rows, rows[::-1]):
        shown = loosest_printing(npcc, order)
        assert shown["figure_id"] == "policeprofessional-2024-01-vkpp-2022-copy/csae-offences-2022", shown
        assert (shown["value_as_printed"], shown["unit"]) == ("around 107,000", "offences")


def test_police_professional_s_2022_figures_are_credited_to_the_vkpp_as_its_story_says() -> None:
    """'Analysis by the Vulnerability Knowledge and Practice Programme (VKPP) found there were around 107,000
    offences' (policeprofessional.com, para 2): the story names its source, so the figure is not its own words."""
    figures = load_table("figures").set_index("figure_id")
    row = figures.loc["policeprofessional-2024-01-vkpp-2022-copy/csae-offences-2022"]
    assert row["attributed_to"] == ("Vulnerability Knowledge and Practice Programme (VKPP), "
                                    "National Police Chiefs' Council")
    assert "around 107,000" in row["attribution_words"]
    # Paras 5-7 go on with the same report ("The report, based on data from 42 police forces, shows ..."), so its
    # shares are the VKPP's too.
    assert figures.loc["policeprofessional-2024-01-vkpp-2022-copy/share-group-based-2022", "attributed_to"] == (
        row["attributed_to"])


def test_the_exact_2022_count_a_copy_prints_agrees_with_the_publisher_s_rounding() -> None:
    """The Conversation (17 January 2024, stored on tolerance.ca) prints the VKPP's 2022 count exactly, 106,984,
    where the NPCC's release prints '107,000 crimes'. It is recorded as a copy, and it agrees with the release at the
    release's precision (nearest thousand); the release, the publisher's own document, stays the figure charted."""
    figures = load_table("figures").set_index("figure_id")
    exact = figures.loc["conversation-2024-01-17-vkpp-2022-copy/csae-cases-2022"]
    npcc = figures.loc[NPCC_2022]
    assert (exact["value"], bool(exact["primary"]), exact["outlet"]) == (106_984, False, "mirror")
    assert round(exact["value"], -3) == npcc["value"] == 107_000
    assert offence_table(load_table("figures")).set_index("year").loc["2022", "total_id"] == NPCC_2022


def _plain(claim_id: str) -> str:
    from analysis.factcheck.report import plain_verdict

    claims = load_table("claims").fillna("").astype(str)
    figures = load_table("figures").set_index("figure_id")
    c = claims[claims["claim_id"] == claim_id].iloc[0].to_dict()
    inputs = [{"figure_id": i, **figures.loc[i].astype(str).to_dict()} for i in c["inputs"].split(";") if i]
    return plain_verdict(c, [], inputs)


def test_a_verdict_on_a_claim_s_own_numbers_says_they_are_its_own() -> None:
    """Tortoise printed '121' of '244' and called it 'more than half'. The one-line verdict read 'The published
    figures give 49.59%', as if another body's figures had contradicted Tortoise's; its own counts give that. A
    claim checked against another document's figures (the VKPP's 6% rise, from the news copy's counts) keeps
    'the published figures'."""
    assert _plain("claim-tortoise-2024-more-than-half") == (
        "The claim's own figures give 49.59%; it says “more than half”.")
    assert _plain("vkpp-2024-csae-analysis/claim-rise-2024").startswith("The published figures give 6.30%;")


def test_the_one_line_verdict_gives_the_result_as_the_working_does() -> None:
    """The one-line verdict printed the bare computed number: '3.33' beside 'around 1 in every 30' (the working:
    '= 3.33%', 'the figures give 1 in 30'), and '8.26%' for a claimed fall. It now states the working's result."""
    assert _plain("dfe-cin-2024-one-in-30-children").startswith("The claim's own figures give 3.33% (1 in 30);")
    assert _plain("csacentre-trends-2023-24/claim-assessments-fall").startswith(
        "The published figures give a fall of 8.26%;")


def test_the_markdown_report_gives_each_claim_s_one_line_verdict_as_the_page_does(made) -> None:  # noqa: ANN001
    """factcheck.md had the verdict's name only; the HTML page also says what the figures give. Both now carry the
    same sentence for every claim."""
    import html
    import re

    md = (made.outputs / "factcheck.md").read_text(encoding="utf-8")
    page = html.unescape((made.outputs / "factcheck.html").read_text(encoding="utf-8"))
    said = re.findall(r"^- \*\*In short:\*\* (.+)$", md, flags=re.MULTILINE)
    assert len(said) == len(load_table("claims"))
    assert "The claim's own figures give 49.59%; it says “more than half”." in said
    for line in said:
        assert line.replace("\\", "") in page, line


def test_the_met_series_credits_on_its_face_only_what_it_draws() -> None:
    """The Met series drew the Met's and the Evening Standard's figures, but its face credit ended '; MyLondon' for
    the 2025 '56 per cent', which only its notes give (nothing is drawn for it). The face names the drawn figures'
    publishers; the story is listed with the documents, and the note names it as MyLondon, not its mirror."""
    _, meta = charts.draw("met-cse-series")
    assert "MyLondon" not in meta.source_line and "Evening Standard" in meta.source_line, meta.source_line
    assert "MyLondon (copy on trendingtoday.london), 'The Met claimed" in meta.source_documents
    assert "put to the Commissioner (MyLondon);" in meta.notes and "trendingtoday" not in meta.notes


def test_the_workbook_cover_gives_a_period_no_more_exact_than_its_document_s_date(made) -> None:  # noqa: ANN001
    """The latest period in the record is the inquiry's terms-of-reference page's own date, a first-of-month
    stand-in for 'January 2026'. The cover said the figures run 'to 1 January 2026', a day no source printed; its
    'Newest source' line already said 'January 2026 (approximate)'. Both now give the month."""
    import openpyxl

    figures = load_table("figures")
    last = figures.sort_values("period_end").iloc[-1]
    assert last["period_end"] == str(last["published"])[:10] and bool(last["published_approximate"])
    cover = openpyxl.load_workbook(made.outputs / "cse-figures.xlsx").worksheets[0]
    lines = [str(r[0]) for r in cover.iter_rows(values_only=True) if r[0]]
    period = next(line for line in lines if line.startswith("Period covered:"))
    assert period.endswith(" to January 2026 (approximate)."), period


def test_the_methods_page_says_what_a_check_on_a_claim_s_own_figures_covers(made) -> None:  # noqa: ANN001
    """'Accurate' on a claim whose figures are all its own says its arithmetic and words hold, not that its counts
    are right: 20 of the 26 claims checked are of that kind. The methods page says so in the words the one-line
    verdicts open with."""
    import html
    import re

    from analysis.factcheck.wording import CHECK_SCOPE, OWN_FIGURES_GIVE, PUBLISHED_FIGURES_GIVE

    page = html.unescape((made.outputs / "methods.html").read_text(encoding="utf-8"))
    assert CHECK_SCOPE in page
    report = html.unescape((made.outputs / "factcheck.html").read_text(encoding="utf-8"))
    opened = re.findall(r"</span> (The [a-z' ]+ figures give)", report)
    assert set(opened) == {OWN_FIGURES_GIVE, PUBLISHED_FIGURES_GIVE}, set(opened)


def test_verify_redoes_the_report_s_working_for_every_claim_on_a_rounded_input() -> None:
    """The report reads the Standard's '1,200' as rounded to the nearest hundred (1,150 to 1,249): 24.73% to 35.47%,
    'accurate within rounding'. `verify` could not redo it: '1200' gave 'accurate', 'about 1,200' read ±5%
    (23.64% to 36.66%). `--rounded to=100` reads the input as the claim's `rounded:` does, and the working is the
    report's, word for word, for every registered claim with a rounded input."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    claims = load_table("claims").fillna("").astype(str)
    figures = load_table("figures").set_index("figure_id")
    rounded = claims[claims["rounded_inputs"] != ""]
    assert len(rounded) >= 1
    roles = {"percent_change": ("from", "to")}
    for c in rounded.itertuples():
        assert c.kind in roles, c.kind  # a new kind of claim on a rounded input: teach this test its options
        ids = c.inputs.split(";")
        steps = dict(item.split(":") for item in c.rounded_inputs.split(";"))
        argv = ["verify", "change"]
        for role, fid in zip(roles[c.kind], ids, strict=True):
            argv += [f"--{role}", figures.loc[fid, "value_as_printed"]]
            if fid in steps:
                argv += ["--rounded", f"{role}={steps[fid]}"]
        if c.working.split(" · ")[0].endswith("% fall"):  # a claim registered `direction: fall` (review s58)
            argv.append("--fall")
        argv += ["--stated", c.stated]
        out = subprocess.run([sys.executable, "-m", "analysis", *argv], cwd=PROJECT_ROOT, capture_output=True,
                             text=True, check=False)
        assert f"verdict: {c.verdict}\n" in out.stdout, out.stdout + out.stderr
        assert f"working: {c.working}\n" in out.stdout, (out.stdout, c.working)


def test_verify_refuses_a_rounded_input_it_cannot_read_and_says_how() -> None:
    """A role the kind has not, or a unit that is not a positive number, is a usage error (exit 2) naming the
    accepted form, never a verdict."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    for spec, says in (("foo=100", "as from=100 or to=100"), ("to=0", "the unit must be a positive number"),
                       ("to", "the unit must be a positive number")):
        out = subprocess.run([sys.executable, "-m", "analysis", "verify", "change", "--from", "922", "--to", "1200",
                              "--rounded", spec, "--stated", "30 per cent"], cwd=PROJECT_ROOT, capture_output=True,
                             text=True, check=False)
        assert out.returncode == 2 and says in out.stderr, (spec, out.stderr)


def test_the_timeline_credits_the_closure_to_the_inspectorate_s_own_words() -> None:
    """The timeline's title says inspectors closed all three causes of concern; its note said so '(as stated by
    Metropolitan Police)', though the inspectorate's own revisit says 'we have closed the causes of concern'
    (foreword, para 4), and it typed the revisit's dates ('fieldwork September–October 2024'). Both are read from
    the record now: the inspectorate's words as its documents' caveats quote them, the count of three as the Met
    stated it."""
    figures = load_table("figures")
    _, meta = charts.draw("inspection-timeline")
    assert "its own words: 'we have closed the causes of concern'; the count as stated by Metropolitan Police" in (
        meta.notes)
    assert "The revisit ('In September and October 2024, we revisited the force to review its progress')" in (
        meta.notes)
    inspectorate = ["hmicfrs-2025-mps-revisit", "hmicfrs-2025-02-cause-of-concern-listing"]
    without = figures[~figures["source_id"].isin(inspectorate)]
    _, bare = charts.inspection_timeline_chart(load_table("inspection_grades"), without)
    assert "its own words" not in bare.notes and "The revisit reviewed the causes of concern" in bare.notes
    assert "September" not in bare.notes  # no date the record does not hold


def test_scan_gives_the_period_a_record_figure_counts_beside_its_document_s_date() -> None:
    """`scan --md` offered ONS's "13%" as "(same)" for the seed story's "13 per cent" with only the copy's date,
    2015-04-25: nothing said the share is London's of mid-2012, where the story speaks of today (its claim needs the
    mid-2024 estimate: "not yet in this record"). The cell and the text line now give the period; a figure as at its
    own document's date says nothing more."""
    import subprocess
    import sys

    from analysis.factcheck.scan import period_of
    from analysis.paths import PROJECT_ROOT

    md = subprocess.run([sys.executable, "-m", "analysis", "scan", "tests/fixtures/seed-article.txt", "--md"],
                        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False).stdout
    row = next(line for line in md.splitlines() if line.startswith("| 1 | 13 per cent"))
    assert "13% (same) at 2012-06-30, Office for National Statistics" in row, row
    assert "56 per cent (same) for 2024-09-01 to 2025-02-28, MyLondon" in md
    assert "32 (same), MyLondon" in md  # the story's own figure, as at the story's date
    assert period_of({"period_start": "2023-01-01", "period_end": "2023-12-31"}) == "2023"


def test_search_lists_each_figure_in_a_group_with_its_own_words_when_they_differ() -> None:
    """`search 1,200` headed the national group with the Mirror's subject ("… as told to MPs by the Home
    Secretary") and listed the seed story's own "more than 1,200" under it, as if the story said so. A figure
    whose subject differs from its group's heading now shows its own under its id."""
    import subprocess
    import sys

    from analysis.paths import PROJECT_ROOT

    out = subprocess.run([sys.executable, "-m", "analysis", "search", "1,200"], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, check=False).stdout
    group = out[out.index("as told to MPs by the Home Secretary"):]
    group = group[:group.index("\n  * ")]
    story = "mylondon-2025-10-grooming-gangs/historic-cases-identified-for-review\n        (Historic group-based"
    assert story in group, group
    assert "mirror-2025-12-09-inquiry-chair-copy/historic-cases-flagged\n      mylondon" in group  # heading's own
