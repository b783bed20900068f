"""Issue 24, round twenty, helper r20c: the document side of scan (the bytes an article arrives as, the text readers
see, the size limit), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_input import InputRefused, decode_article
from tests.scanned import read


@pytest.mark.parametrize(("charset", "byte", "shown"), [
    ("windows-1252", b"\x9d", "\x9d"), ("iso-8859-1", b"\x81", "\x81"), ("latin1", b"\x8f", "\x8f"),
    ("windows-1250", b"\x83", "\x83"), ("windows-1253", b"\x9f", "\x9f"), ("windows-874", b"\x81", "\x81")])
def test_a_windows_code_page_s_undefined_control_byte_is_read_as_browsers_read_it(charset: str, byte: bytes,
                                                                                 shown: str) -> None:
    """Chromium shows each page, the byte as its C1 control (the Encoding Standard's index); Python's code page
    refused it, and scan said the page "declares no other encoding" (a UTF-8 page declared windows-1252 holds 0x9D
    in every closing quote)."""
    page = b"<!doctype html><meta charset=" + charset.encode() + b"><p>Police recorded 1,582 offences " + byte + b"</p>"
    text = decode_article(page)
    assert shown in text
    assert read(text)[0][0][0] == "1,582"


def test_a_byte_browsers_show_as_a_replacement_character_is_still_refused_and_said_so() -> None:
    with pytest.raises(InputRefused, match=r"not valid cp1253 \(byte 46\) as it declares"):
        decode_article(b"<!doctype html><meta charset=windows-1253><p>A\xaa 1,582</p>")
    with pytest.raises(InputRefused, match="and declares no other encoding"):
        decode_article(b"Caf\xe9 1,582 offences")
