"""UTF-8 text that a CMS, a database or a copy once read as Windows-1252 ("mojibake"): valid UTF-8 on the page, so
no encoding rule refuses it, but its figures were misread. Repaired before reading (ftfy), and said."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT


@pytest.mark.parametrize(("text", "printed", "misread"), [
    # "2016–17" is a financial year; as "2016â€“17" the "17" was a count of 17
    ("In 2016â€“17 the Met recorded 1,200 offences.", ["1,200"], "17"),
    # "£1.2 million" with a no-break space; as "Â£1.2Â million" the money was read as exactly £1.2
    ("The force spent Â£1.2Â million on the unit.", ["£1.2 million"], "£1.2"),
    # a closing quote after a figure: "56 per centâ€\x9d"
    ("He said it was â€œ56 per centâ€\x9d higher.", ["56 per cent"], ""),
])
def test_mis_decoded_text_is_read_as_repaired_and_said(text: str, printed: list[str], misread: str) -> None:
    result = scan_text(text, DEFAULT)
    assert [f["value_as_printed"] for f in result["figures"]] == printed
    assert not misread or misread not in [f["value_as_printed"] for f in result["figures"]]
    assert any("mis-decoded as Windows-1252" in line for line in result["not_read"]), result["not_read"]


@pytest.mark.parametrize("text", ["São Paulo reported 1,200 cases.", "The Ângulo report: 1,200 cases.",
                                  "In 2016–17 the Met recorded 1,200 offences."])
def test_text_that_only_looks_like_it_is_left_alone(text: str) -> None:
    """A word with "Ã" or "Â" of its own (Portuguese, a name) is not mojibake: nothing is repaired or said."""
    result = scan_text(text, DEFAULT)
    assert "1,200" in [f["value_as_printed"] for f in result["figures"]]
    assert not any("mis-decoded" in line for line in result["not_read"])
