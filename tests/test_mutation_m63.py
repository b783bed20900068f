"""Round m63 (helper m63): tests that kill the mutants of analysis/tables/lookup.py (and lookup_cli.py) that
survived the tests before them (the list and the reasons: /work/mutation63-m63.md).

Each expected value was read in the committed record by hand: the figure's row in data/raw/figures/ (its value as
printed, subject and quote) or the source it quotes, never taken from what `search` or `show` answered.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from analysis.paths import PROJECT_ROOT
from analysis.tables import lookup

#: GB News, 13 November 2025: "upon a further review of 2,200 of them, just 1,200 remained in scope".
MET = "gbnews-2025-11-13/met-cases-in-scope"
#: MyLondon, October 2025: "more than 1,200 historic group-based CSE cases have been identified across the country".
NATIONAL = "mylondon-2025-10-grooming-gangs/historic-cases-identified-for-review"
#: The Evening Standard (2016): "In the first year there were 1,737 referrals" (data/raw/figures/
#: standard-2016-cse-referrals.csv, row 1).
REFERRALS = "standard-2016-cse-referrals/cse-referrals-first-year"


def _ids(query: str, **kwargs: tuple[str, ...]) -> list[str]:
    return [r["id"] for r in lookup.search(query, **kwargs)]


def _value_matches(query: str) -> list[str]:
    return [r["id"] for r in lookup.search(query) if r["value_match"]]


def test_a_query_in_words_is_never_read_as_a_number() -> None:
    """Kills mutant 8 (`_number` without its "no digit, no number" test). The parser reads "half" as 50 per cent,
    so without it "half" found, as figures of that value, the Met's "nearly 50 per cent" rise in CSE crimes from 2014
    to 2016 (met-2017-03-13/change-cse-crimes-2014-2016-lead, whose row says neither "half" nor anything like it): a
    reporter checking a story's "half" would be shown a rise as if it were the same number. "half" is searched as a
    word: the figures printed "more than half", "Around half" and so on."""
    assert _value_matches("half") == []
    found = _ids("half", kinds=("figure",))
    assert "met-2017-03-13/change-cse-crimes-2014-2016-lead" not in found
    assert "tortoise-2024-02-09-hmicfrs-mps-exploitation/share-inadequate" in found  # printed "more than half"


def test_a_quoted_number_copied_with_the_spaces_around_it_is_still_the_number() -> None:
    """Kills mutant 10 (`unframed` without its first `strip`) and 389 (a list's mark cut one character short). A
    number copied from a page with the quotation marks around it and a space either side (' “1,200” ') kept its
    marks when the space came first, so it was no number: the five figures of that value were found only as words,
    none as the number, and the two meanings (GB News's Met count and MyLondon's national one) were not listed
    apart. So did a quoted number copied with a list's bullet before it ("• “1,200”")."""
    assert lookup.unframed(" \u201c1,200\u201d ") == "1,200"
    assert lookup.unframed("\u2022 \u201c1,200\u201d") == "1,200"  # mutant 389: a bulleted item, quoted
    copied = _value_matches(" \u201c1,200\u201d ")
    assert MET in copied and NATIONAL in copied
    assert copied == _value_matches("1,200")


def test_a_number_with_its_digit_groups_parted_by_a_space_is_found() -> None:
    """Kills mutant 33 (search without reading "1 737" as one number). A page in another house style prints the
    Standard's 1,737 referrals as "1 737"; searched as the two words "1" and "737", it found nothing (no cell holds
    737 as a whole number), where the record holds the figure as printed "1,737"."""
    assert _value_matches("1 737") == [REFERRALS]
    assert _ids("1 737") == _ids("1,737")


def test_a_figure_of_the_number_searched_for_scores_the_value_match_and_its_words() -> None:
    """Kills mutants 42 and 43 (VALUE_MATCH one more or one less). `search --json` prints each result's score; a
    figure whose value is the number searched for scores VALUE_MATCH, 50 ("above any word match"), plus the number
    as a word in its value as printed (8): the Standard's 1,737 referrals scores 58 (a news report, no +1 for a
    primary source)."""
    assert [(r["id"], r["score"]) for r in lookup.search("1,737") if r["value_match"]] == [(REFERRALS, 58)]


def test_the_row_that_holds_the_words_together_scores_the_phrase_bonus() -> None:
    """Kills mutant 29 (no bonus for the query found as a phrase), and 107-109, 185, 347-348 and 390-391 (the bonus
    given always, never, to one-word queries, or of another size). "in care": IICSA's share of its case-study
    children "who were in care" says it in its subject and measure (4 + 4), the phrase 5, and the inquiry is a
    primary source (1): 14. The CSA Centre's "1 in 4 of those who had lived in a care home" holds "in" in its value
    as printed (8), "care" in its subject (4), the phrase in its measure's words ("share lived in care home
    sexually abused", 5), and its infographics are a primary source (1): 18. Care Appointments' copy of the 214
    cases examined holds "in" only at the start of "Inspection" (subject, 4) and "care" in its id (3), never
    together, and is no primary source: 7."""
    found = {r["id"]: r["score"] for r in lookup.search("in care", kinds=("figure",))}
    assert found["csacentre-infographics-2019-20-snapshot/share-care-home-csa"] == 18
    assert found["iicsa-2022-02-cse-networks-l1-conclusions/share-case-study-children-in-care"] == 14
    assert found["careappointments-2018-02-22-hmicfrs-ncpi-mps-q4/cases-examined"] == 7


def _matched_with_hash_seed(seed: int) -> list[str]:
    """The columns `search("scope")` names for GB News's 1,200, in a fresh process under one string-hash seed."""
    code = ("import json; from analysis.tables import lookup; print(json.dumps([r['matched'] for r in "
            f"lookup.search('scope', kinds=('figure',)) if r['id'] == {MET!r}][0]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
                          env={**os.environ, "PYTHONHASHSEED": str(seed)}, cwd=PROJECT_ROOT)
    return json.loads(done.stdout)


def test_a_result_names_the_columns_it_matched_heaviest_first_in_the_same_order_every_run() -> None:
    """Kills mutant 106 (no column recorded as matched) and the bug it led to: columns of one weight were listed in
    the order of a set of strings, which Python's string hashing changes from run to run, so `search --json` gave
    GB News's 1,200 as matched in ["subject", "measure", …] in one run and ["measure", "subject", …] in the next, a
    difference in a diff of two runs over the same record. "scope" is in that figure's subject and quote ("just 1,200
    remained in scope"), its measure (met_historic_cases_in_scope) and id (met-cases-in-scope), not in its caveat,
    geography, publisher or value: listed by weight (4, 4, 3, 2), a tie in the order the weights are listed."""
    expected = ["measure", "subject", "figure_id", "quote"]
    assert [_matched_with_hash_seed(seed) for seed in (1, 2, 3, 4)] == [expected] * 4


#: (kind, id, a word the row holds, the heaviest column holding it, what the word scores). Each word was read in
#: the raw row (data/raw/figures/, sources.yaml, gaps.yaml, claims.yaml; the claim's working as the fact check
#: writes it) and found in no heavier column of it; none of these rows is a primary source (no +1).
WORD_SCORES = [
    ("figure", "tortoise-2024-02-09-hmicfrs-mps-exploitation/share-inadequate", "more", "value_as_printed", 8),
    ("figure", "aol-2016-11-24-hmic-ncpi-mps/cases-ri-or-inadequate", "requires", "measure", 4),  # only in its
    # measure, cases_requires_improvement_or_inadequate
    ("figure", MET, "reviewed", "subject", 4),  # "Of the Met's historic cases reviewed further, …"
    ("figure", MET, "met-cases-in-scope", "figure_id", 3),
    ("figure", MET, "though", "quote", 2),  # "though the 9,000 cases were identified …"
    ("figure", MET, "commissioner", "caveat", 1),  # "The Commissioner expected 'maybe 2,000 or 3,000 cases' …"
    ("figure", "aol-2016-11-24-hmic-ncpi-mps/cases-examined", "london", "geography", 1),  # the subject says "the
    # Metropolitan Police Service", not London
    ("figure", "aol-2016-11-24-hmic-ncpi-mps/cases-examined", "media", "publisher", 1),  # "AOL (PA Media story)"
    ("source", "aol-2016-11-24-hmic-ncpi-mps", "hmic-ncpi-mps", "id", 4),
    ("source", "aol-2016-11-24-hmic-ncpi-mps", "serious", "title", 4),  # and the citation (2)
    ("source", "aol-2016-11-24-hmic-ncpi-mps", "media", "producer", 4),  # "AOL (PA Media story)"
    ("source", "aol-2016-11-24-hmic-ncpi-mps", "inspection", "citation", 2),  # "… Child Protection Inspection"
    ("source", "aol-2016-11-24-hmic-ncpi-mps", "embargoed", "notes", 1),
    ("gap", "context-cse-at-risk-counts-sept-2024", "context-cse-at-risk-counts-sept-2024", "id", 4),
    ("gap", "context-cse-at-risk-counts-sept-2024", "base", "wanted", 4),  # "(the base of the '56 per cent …')"
    ("gap", "context-cse-at-risk-counts-sept-2024", "policing", "holder", 2),  # "Mayor's Office for Policing …"
    ("gap", "context-cse-at-risk-counts-sept-2024", "seed", "reason", 1),  # "printed only in the seed story"
    ("gap", "context-cse-at-risk-counts-sept-2024", "agendas", "where_looked", 1),
    ("claim", "claim-aol-2016-three-quarters", "three", "stated", 8),  # stated "three quarters"
    ("claim", "claim-aol-2016-three-quarters", "three-quarters", "claim_id", 4),
    ("claim", "claim-aol-2016-three-quarters", "review", "text", 4),  # "A review of 374 cases found 278, …"
    ("claim", "claim-aol-2016-three-quarters", "media", "claimant", 2),  # "PA Media"
    ("claim", "claim-aol-2016-three-quarters", "within", "working", 1),  # "… (within 5%) …"
]


def test_a_word_scores_the_weight_of_the_heaviest_column_it_is_found_in() -> None:
    """Kills the weight mutants (each of WEIGHTS' numbers one more or one less: lookup mutants 225-285). The
    weights are what rank a result: a word in a figure's value as printed (8) puts it above a figure whose caveat
    merely mentions the word (1), and `search --json` prints the score. Most of them, moved by one, changed the
    first five results of one or more of twenty-four everyday queries ("in care", "cases in scope", "Casey", …:
    tried while writing this test); the rest changed the scores printed."""
    found = []
    for kind, item_id, word, _, _ in WORD_SCORES:
        result = next(r for r in lookup.search(word, kinds=(kind,)) if r["id"] == item_id)
        found.append((kind, item_id, word, result["matched"][0], result["score"]))
    assert found == WORD_SCORES


def test_two_documents_printing_a_number_the_same_way_list_that_printing_once() -> None:
    """Kills mutant 201 (`meanings` listing a printing once per figure). MyLondon (October 2025) and the Mirror's
    copy of the Home Secretary's words to MPs (9 December 2025) both print "more than 1,200" historic cases across
    England and Wales (data/raw/figures/: the only two figures of that measure and value). `search 1,200` prints the
    group's printings after the word "printed"; it read "more than 1,200" / "more than 1,200", as if they were two."""
    groups = {(g["measure"], g["geography"]): g for g in lookup.meanings(lookup.search("1,200"))}
    national = groups[("historic_cases_identified_for_review", "England and Wales")]
    assert sorted(national["figure_ids"]) == ["mirror-2025-12-09-inquiry-chair-copy/historic-cases-flagged", NATIONAL]
    assert national["printed"] == ["more than 1,200"]


def test_a_query_that_is_only_quotation_marks_finds_nothing_and_does_not_fail() -> None:
    """Kills mutant 168 (`unframed` stripping closing marks while *either* any text is left *or* the last one
    frames). An empty quotation copied from a page ("“”", or '""' typed) is all framing: with the mutant the loop ran
    past the start of the text and search stopped with an IndexError; it is no word, so it finds nothing."""
    for query in ("\u201c\u201d", '""'):
        assert lookup.unframed(query) == query
        assert lookup.search(query) == []


def test_an_unknown_figure_id_suggests_searching_for_its_own_last_part() -> None:
    """Kills mutant 560 (the hint built from the id's first part). A figure id copied with its last letter lost,
    "gbnews-2025-11-13/met-cases-in-scop", is no id; `show` suggests searching for the figure's own name
    ("met-cases-in-scop", which finds GB News's 1,200), not for the source's id that every GB News figure shares."""
    import pytest

    with pytest.raises(lookup.UnknownId) as caught:
        lookup.show("gbnews-2025-11-13/met-cases-in-scop")
    assert str(caught.value).endswith("(try `python -m analysis search met-cases-in-scop`)")
    assert MET in _ids("met-cases-in-scop")


def test_an_id_that_names_nothing_is_quoted_back_as_it_was_given() -> None:
    """Kills mutant 288 (`Index.known` answering its reading of any text, `as_id`, not the text given, when the
    reading names nothing either). `known` gives the record's id for an id as copied, or the text itself when it
    names nothing, so the error names what the reader typed ("MET-2099", no source of the record) rather than a
    lower-cased form they never wrote."""
    import pytest

    with pytest.raises(lookup.UnknownId, match=r"^'MET-2099' is no figure, source, gap or claim id"):
        lookup.show("MET-2099")
    assert lookup.Index().known("MET-2099") == "MET-2099"
    assert lookup.Index().known("MET-2017-03-13") == "met-2017-03-13"  # the Met's 13 March 2017 release, a source


def test_a_figure_found_by_its_value_alone_scores_the_value_match_and_names_it() -> None:
    """Kills mutants 353 (a value match not naming "value" among what it matched) and 419 (a row missing a word
    scoring -1, not 0, before the value match is added). "about 1,200": no cell of GB News's row (its subject, quote
    and caveat read by hand) says "about", so the figure is found by its value alone: VALUE_MATCH, 50, and "value"
    the one thing matched, which `search --json` prints so a reader sees why a row with none of the words is listed."""
    found = {r["id"]: r for r in lookup.search("about 1,200") if r["value_match"]}
    assert (found[MET]["score"], found[MET]["matched"]) == (50, ["value"])


def test_a_one_digit_percentage_is_searched_for_as_a_number() -> None:
    """Kills mutant 464 (`_whole_number` reading a word's second character where it means its first). "5%" is the
    word "5": with the mutant the pattern was built from a character the word does not have and search stopped with
    an IndexError. The VKPP's analysis of 2022 (NPCC, January 2024) prints "Group-based CSAE accounts for 5% of all
    identified and reported CSAE": a value match."""
    assert "npcc-2024-01-10-vkpp-2022-csae-analysis/share-group-based-2022" in _value_matches("5%")


def test_each_meaning_of_a_number_is_named_by_its_measure_place_and_unit() -> None:
    """Kills mutant 477 (a meaning's unit read from its geography). `search 1,200` prints each meaning as
    "measure · geography · unit"; GB News's 1,200 counts cases (data/raw/figures/gbnews-2025-11-13.csv) in London."""
    groups = {g["figure_ids"][0]: g for g in lookup.meanings(lookup.search("1,200"))}
    assert (groups[MET]["measure"], groups[MET]["geography"], groups[MET]["unit"]) == (
        "met_historic_cases_in_scope", "London", "cases")


def test_a_query_with_a_one_letter_word_is_searched() -> None:
    """Kills mutant 533 (`_whole_number` reading a word's second-last character): "a" has none, and search stopped
    with an IndexError. The CSA Centre's infographic figure is the share of "those who had lived in a care home who
    reported experiences of child sexual abuse" (its subject, data/raw/figures/)."""
    assert _ids("lived in a care home", kinds=("figure",))[0] == (
        "csacentre-infographics-2019-20-snapshot/share-care-home-csa")


def test_show_names_the_met_series_and_population_rows_that_use_a_figure() -> None:
    """Kills mutants 213 and 216 (`show` not reading the figure_id column of met_cse_series or population). The
    Met's release of 13 March 2017 gives 922 CSE crimes in 2016: data/processed/met_cse_series.csv row 11 is that
    figure; population.csv row 1 is England and Wales' mid-2023 population as revised (61.1 million, Times Nigeria's
    copy of ONS's mid-2024 release). A figure a table is built from names that table's row."""
    assert "table met_cse_series, row 11" in lookup.show("met-2017-03-13/cse-crimes-2016").cited_by
    revised = "timesng-2025-07-30-ons-mid-2024-copy/ew-population-mid-2023-revised"
    assert "table population, row 1" in lookup.show(revised).cited_by


def test_a_number_copied_with_a_list_mark_of_any_kind_is_the_number() -> None:
    """Kills mutants 318 and 320 (the list marks of Unicode category Po or So not read as one). A list copied from
    a page brings its mark: a middle dot ("·", Po) or a small square ("▪", So, no "BULLET" in its name). Kept, the
    query was no number, and the five figures of 1,200 were not found as the number."""
    for mark in ("\u00b7", "\u25aa"):
        assert lookup.unframed(f"{mark} 1,200") == "1,200"


def test_a_claim_is_found_by_its_percentage_however_the_sign_is_printed() -> None:
    """Kills mutant 333 (every percentage read as nothing, not as "N per cent"). A claim has no value to match, so it
    is found by its words alone: MyLondon/Express's "a 56 per cent increase in children at risk of sexual
    exploitation since September 2024" (data/raw/claims.yaml) is found by "56%" as by "56 per cent"; the Met's
    crimes that "rose by nearly 50 per cent between 2014 and 2016" are not (with the mutant, each was "5")."""
    claim = "mylondon-2025-10-grooming-gangs/claim-children-at-risk-cse-rise"
    assert claim in _ids("56%", kinds=("claim",))
    assert claim in _ids("56 per cent", kinds=("claim",))
    assert "met-2017-cse-crimes-rise-lead" not in _ids("56%", kinds=("claim",))  # "nearly 50 per cent", another number


def test_show_json_gives_the_kind_id_fields_and_links_by_name() -> None:
    """Kills mutants 362-364 (`Record.as_dict` with a key emptied): `show --json` prints this object, and a script
    reads its "kind", "id", "fields", "cited_by" and "uses" by name."""
    as_dict = lookup.show(MET).as_dict()
    assert list(as_dict) == ["kind", "id", "fields", "cited_by", "uses"]
    assert (as_dict["kind"], as_dict["id"], as_dict["fields"]["value_as_printed"]) == ("figure", MET, "1,200")
