"""Issue 24, round twenty-five, helper r25b: stamps that cannot lie (class 2) and scan's reading of a page, its
encodings and its hidden text (class 3), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_input import decode_article
from tests.scanned import figures_read

#: A news paragraph with its curly quotes, pound sign and dash, as a CMS writes it in UTF-8.
PARAGRAPH = "<p>The charity said \u201cabout \u00a31.2m\u201d was spent on 1,200 cases \u2013 up 5%.</p>"


# Each checked in Chromium (innerText): the page shows "â€œabout Â£1.2mâ€\x9d was spent on 1,200 cases â€“ up 5%.",
# the last byte of "”" being U+009D to the Encoding Standard's windows-1252.
@pytest.mark.parametrize("head", ["<meta charset=iso-8859-1>", "<meta charset=windows-1252>",
                                  "<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"])
def test_a_utf8_page_declared_windows_1252_keeps_the_figures_after_a_closing_quote(head: str) -> None:
    page = f"<!doctype html><html><head>{head}</head><body>{PARAGRAPH}</body></html>".encode()
    values = [value for value, _, _ in figures_read(decode_article(page))]
    assert 1200 in values and 5 in values


@pytest.mark.parametrize("text", ["Police recorded 1,200 cases\u009d in the year, up 5%.",
                                  "Police recorded 1,200 cases\u0090 in the year, up 5%.",
                                  "Police recorded 1,200 cases\u009d\u009d\u009f in the year, up 5%."])
def test_a_lone_one_character_control_string_opener_hides_nothing_after_it(text: str) -> None:
    assert [value for value, _, _ in figures_read(text)] == [1200, 5]


@pytest.mark.parametrize("text", ["Police recorded 1,200 cases \u009d8;;https://example.org/\u009c in the year.",
                                  "Police recorded 1,200 cases \u009d0;Title 77\u0007 in the year.",
                                  "Police recorded 1,200 cases \u0090q 99\u001b\\ in the year."])
def test_a_terminated_one_character_control_string_is_still_dropped_whole(text: str) -> None:
    assert [value for value, _, _ in figures_read(text)] == [1200]


PAD = "x" * 1100
META = "<meta charset=windows-1252>"
POUNDS = "<p>Spent \u00a31.2m on 1,200 cases.</p>"


# Each checked in Chromium: a UTF-8 page whose <meta charset> stands past its first 1,024 bytes and after the head
# has ended (a tag the head cannot hold, or </head>) is UTF-8 to it; one still in the head, or in the first 1,024
# bytes, is obeyed.
@pytest.mark.parametrize("page", [f"<html><head><script>var a='{PAD}';</script></head>{META}<body>{POUNDS}",
                                  f"<html><head></head><body><p>{PAD}</p>{META}{POUNDS}",
                                  f"<html><head><div>{PAD}</div>{META}</head><body>{POUNDS}"])
def test_a_charset_declared_in_the_body_past_the_first_1024_bytes_is_not_obeyed(page: str) -> None:
    assert "Spent \u00a31.2m on 1,200" in decode_article(page.encode())


@pytest.mark.parametrize("page", [f"<html><head><script>var a='{PAD}';</script>{META}</head><body>{POUNDS}",
                                  f"<html><head></head><body><p>hi</p>{META}{POUNDS}",
                                  f"{PAD}{META}{POUNDS}"])
def test_a_charset_declared_in_the_head_or_the_first_1024_bytes_is_still_obeyed(page: str) -> None:
    assert "Spent \u00c2\u00a31.2m on 1,200" in decode_article(page.encode())


def test_a_page_not_utf8_declaring_its_charset_in_the_body_is_still_read_in_it() -> None:
    page = f"<html><head></head><body><p>{PAD}</p>{META}{POUNDS}".encode("cp1252")
    assert "Spent \u00a31.2m on 1,200" in decode_article(page)
