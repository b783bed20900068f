"""Issue 24, round thirty-nine, helper r39a: scan (class 3). A saved message or HTTP response whose Content-Type
header is one long run of parameters was read in time growing with the square of its length (the standard library
copies the rest of the value at each ";": 1 MB took 6.5 s, 5 MB minutes); such a header is now refused, as no
server or mailer writes one."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_input import InputRefused, decode_article

PAGE = b"<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"
#: 100 KB of parameters: far past any real header, and read in a fraction of a second even without the limit.
LONG_PARAMETERS = b";a=b" * 25_000


@pytest.mark.parametrize("message", [
    b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8" + LONG_PARAMETERS + b"\n\n" + PAGE,
    b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8" + b'; a="' + b';"' * 50_000 + b"\n\n" + PAGE,
    # folded over many lines, as a mailer folds a long header
    b"MIME-Version: 1.0\nContent-Type: text/html;\n" + b" a=b;\n" * 20_000 + b" charset=utf-8\n\n" + PAGE,
    # in a part of a multipart message (an MHTML page's, an e-mail's)
    b'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/html'
    + LONG_PARAMETERS + b"\n\n" + PAGE + b"\n--b--\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html" + LONG_PARAMETERS + b"\r\n\r\n" + PAGE,
], ids=["message", "quotes", "folded", "part", "http"])
def test_a_content_type_header_longer_than_any_server_or_mailer_writes_is_refused(message: bytes) -> None:
    with pytest.raises(InputRefused, match="Content-Type header is over 8,192 characters"):
        decode_article(message)


@pytest.mark.parametrize("message", [
    b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" + PAGE,
    b'MIME-Version: 1.0\nContent-Type: multipart/related;\n type="text/html";\n boundary="----MultipartBoundary--x"'
    b"\n\n------MultipartBoundary--x\nContent-Type: text/html\nContent-Location: https://example.org/\n\n" + PAGE
    + b"\n------MultipartBoundary--x--\n",
    b"HTTP/2 200\r\ncontent-type: text/html; charset=utf-8\r\n\r\n" + PAGE,
    # a header just under the limit, and a line of the page's text that starts as one
    b"MIME-Version: 1.0\nContent-Type: text/html" + b";a=b" * ((8192 - 40) // 4) + b"\n\n" + PAGE
    + b"\ncontent-type: text/html; charset=utf-8 is what the server sends.\n",
], ids=["message", "mhtml", "http", "near-limit"])
def test_ordinary_headers_are_read_as_before(message: bytes) -> None:
    assert "922 crimes" in decode_article(message)
