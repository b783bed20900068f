"""Review 48 (s48d): the prose readers see — the fact-check page, the gallery and the notebooks' limitations —
says only what the record supports, in words a reporter can read."""

from __future__ import annotations

import re

import pytest

from analysis.factcheck import report
from analysis.paths import DEFAULT


@pytest.fixture(scope="module")
def page() -> str:
    return report.render_html(report.build_entries(report.read_tables(DEFAULT)))


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r'(id|href)="[^"]*"', "", html))


def test_a_note_naming_a_figure_by_id_shows_the_figure_not_a_broken_sentence(page: str) -> None:
    """Claims' notes name figures by id ("Value printed: met-2017-03-13/change-cse-crimes-2014-2016.", "(see caveat
    on familylaw-…/cpp-sexual-abuse-2025)"). The page took the id out and left "Value printed: ." (four claims),
    "Figure row: ." and "(see caveat on ." with its bracket lost. The figure is now shown by its value as printed,
    who printed it and where."""
    text = _visible(page)
    for broken in ("Value printed: .", "Value printed: ;", "Figure row: .", "see caveat on ."):
        assert broken not in text, broken
    assert "Value printed: “49 per cent”, Metropolitan Police Service, Para 5." in text
    assert "(see caveat on “2,190”, Family Law (LexisNexis), Bullet 5)." in text
    assert report.for_readers("Value printed: x-y-z/a-b.") == ""  # an id with no label: the sentence goes
    assert report.for_readers("Both counts. Value printed: x-y-z/a-b.") == "Both counts."
    assert report.for_readers("London ... accounting") == "London ... accounting"  # a quoted ellipsis is kept


def test_the_working_names_an_input_in_words_not_by_its_role_id(page: str) -> None:
    """'not yet in this record: b was published but not yet transcribed', 'whole was not published': the rule
    book's role names ("from", "b", "denominator") read as typos to a reporter."""
    text = _visible(page)
    for role in ("from", "to", "b", "part", "whole", "denominator", "count and population", "from and to"):
        assert not re.search(rf": {role} (was|were) ", text), role
    assert "not yet in this record: the second figure was published but not yet transcribed" in text
    assert "cannot be checked: not published: the base was not found published" in text


def test_a_figure_the_record_did_not_find_is_not_said_never_to_have_been_published(page: str) -> None:
    """The record knows where it looked (the gap's where_looked), not that a figure was never published; its own
    notes say "unpublished as far as found", and s47b was least sure of the London Assembly's 2009/10 baselines.
    The page said "A figure it needs has not been published", and the verdict's meaning the same."""
    from analysis.factcheck.wording import MEANING, NOT_PUBLISHED

    text = _visible(page)
    assert "has not been published" not in text and "has not been published" not in MEANING[NOT_PUBLISHED]
    assert "was not found in any publication we looked at" in MEANING[NOT_PUBLISHED]
    assert text.count("A figure it needs was not found in any publication we looked at:") == 10
