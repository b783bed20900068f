"""Issue 24, round twelve, the lead's own attacks: what the helpers' rounds 12a, 12b and 12c (their own files) did
not reach."""

from __future__ import annotations

import pytest

from analysis.record.safeguarding import personal_data_in


@pytest.mark.parametrize("text", ["write to jane.doe at met.police.uk", "j.doe AT example.org",
                                  "jane_doe at example.com"])
def test_an_address_with_a_plain_at_and_a_dotted_name_is_personal_data(text: str) -> None:
    """An address with " at " and plain dots passed, while the same address with " dot " or "(at)" was caught: the
    dotted name before it is what a reader decodes as an address."""
    assert personal_data_in(text) == ["an e-mail address"]


@pytest.mark.parametrize("text", ["published at gov.uk", "as before, e.g. at gov.uk", "see Table A.1 at gov.uk",
                                  "i.e at ons.gov.uk", "J.K. at gov.uk", "the report is at www.gov.uk"])
def test_a_plain_at_after_an_abbreviation_or_a_table_number_is_no_address(text: str) -> None:
    assert personal_data_in(text) == []
