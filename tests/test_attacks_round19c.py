"""Issue 24, round nineteen, helper r19c: the document side of scan (the bytes an article arrives as and the text
readers see), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_input import InputRefused, decode_article


def test_a_nul_byte_anywhere_is_binary_not_only_in_the_first_64_kb() -> None:
    """The binary rule looked at the first 64 KB only: a NUL after them was read as a space, so `1\\x00,582` gave
    the figure 1 and an unread ",582", while the same bytes earlier were refused."""
    late = ("Filler words here. " * 4000 + "\n\nPolice recorded 1\x00,582 offences.\n").encode()
    assert len(late) > 65536
    with pytest.raises(InputRefused, match="NUL bytes"):
        decode_article(late)


@pytest.mark.parametrize("rtf", [
    rb"{\rtf1\ansi\ansicpg1252\cocoartf2639 {\fonttbl\f0\fswiss Helvetica;}\f0\fs24 Police recorded \'a32,409.}",
    rb"{\rtf1\ansi\deff0 Police recorded 1,{\b 582} offences.{\v hidden 9,999}\par}",
])
def test_an_rtf_document_is_refused_as_a_word_processor_file(rtf: bytes) -> None:
    """RTF (TextEdit's and WordPad's own format) is ASCII and passed as text: its control words were read as prose,
    "\\'a32,409" (£2,409) as a code, "1,{\\b 582}" as two figures and hidden text as a figure."""
    with pytest.raises(InputRefused, match="an RTF document, not text"):
        decode_article(rtf)
