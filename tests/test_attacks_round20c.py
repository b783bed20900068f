"""Issue 24, round twenty, helper r20c: the document side of scan (the bytes an article arrives as, the text readers
see, the size limit), each failure fixed by class."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_input import InputRefused, decode_article
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT
from tests.scanned import listed, read

ROOT = Path(__file__).resolve().parents[1]


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


def _scan_cli(*args: str, stdin: Any = None) -> str:
    done = subprocess.run([sys.executable, "-m", "analysis", "scan", *args], stdin=stdin, capture_output=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 2
    return done.stderr.decode()


def test_an_article_over_the_limit_is_refused_with_its_own_size(tmp_path: Path) -> None:
    """The read stops one byte past the limit, and the size said was the bytes read: a 3 MB file over a 1 MB limit
    was "1,000,001 bytes" (any file over 5 MB, "5,000,001 bytes"); through a pipe the size is not known."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"Police recorded 1,582 offences. " * 100_000)  # 3.2 MB
    assert "it is 3.2 MB, over the 1 MB limit" in _scan_cli(str(big), "--max-mb", "1")
    with big.open("rb") as handle:
        assert "it is 3.2 MB, over the 1 MB limit" in _scan_cli("-", "--max-mb", "1", stdin=handle)
    with subprocess.Popen(["cat", str(big)], stdout=subprocess.PIPE) as cat:
        said = _scan_cli("-", "--max-mb", "1", stdin=cat.stdout)
    assert "it goes on past the 1 MB limit" in said and "1,000,001" not in said
    assert "it is 40 bytes, over the 1e-06 MB limit" in _scan_cli(str(_small(tmp_path)), "--max-mb", "0.000001")


def _small(tmp_path: Path) -> Path:
    small = tmp_path / "small.txt"
    small.write_bytes(b"Police recorded 1,582 offences in 2016.\n")
    return small


PAGE = "<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body>"


@pytest.mark.parametrize(("page", "figures"), [
    (PAGE + "<svg><text x=0 y=20><![CDATA[Police recorded 1,582 offences]]></text></svg><p>End 3,333.</p>",
     ["1,582", "3,333"]),
    (PAGE + "<math><mtext><![CDATA[1,582 offences]]></mtext></math><p>2,409</p>", ["1,582", "2,409"]),
    (PAGE + "<svg><text><![CDATA[1,582 never ended", ["1,582"]),
    (PAGE + "<svg><desc><![CDATA[9,999 desc]]></desc><text>1,582</text></svg><p>2,409</p>", ["1,582", "2,409"]),
    (PAGE + "<svg><style><![CDATA[ .h{display:none} ]]></style></svg><p class=h>Hid 9,999</p><p>1,582</p>",
     ["1,582"]),
    # outside an SVG or MathML it is a bogus comment, to its first ">" (an svg that closes itself opens none)
    (PAGE + "<svg/><p>A <![CDATA[ 9,999 x > 1,200 ]]></p>", ["1,200"]),
    (PAGE + "<svg><text>1,582</text></svg><p><![CDATA[ 9,999 ]]> 2,409</p>", ["1,582", "2,409"]),
    (PAGE + "<svg><text><![cdata[1,582 offences]]></text></svg><p>2,409</p>", ["2,409"]),
])
def test_a_cdata_section_in_an_svg_or_mathml_is_text(page: str, figures: list[str]) -> None:
    """Chromium shows each figure listed (and only those): HTML's tokenizer reads `<![CDATA[…]]>` as text inside
    an SVG or MathML element (and an SVG <style>'s CDATA as its sheet); scan read it as a bogus comment everywhere,
    so a chart's label or a formula's figure was dropped without a word."""
    assert [f[0] for f in read(to_text(page))[0]] == figures


@pytest.mark.parametrize(("text", "figures"), [
    ("Police recorded 1,2-\n00 offences in 2016 across the country.\n", ["1,200"]),
    ("Police recorded 1,200,-\n000 offences and 3,4-\n56 cases.\n", ["1,200,000", "3,456"]),
    ("Police recorded a total of 1,-\n582 offences of child sexual exploitation.\n", ["1,582"]),
])
def test_a_number_hyphenated_at_a_line_s_end_inside_a_digit_group_is_one_number(text: str,
                                                                              figures: list[str]) -> None:
    """Text copied from a PDF with a number broken inside a digit group: "1,200,-\\n000 offences" was the exact
    count 1,200 (its thousands lost without a word), "1,-\\n582" the figures 1 and 582."""
    assert [f[0] for f in read(text)[0]] == figures


@pytest.mark.parametrize(("text", "printed"), [("Police recorded between 1,200-\n1,500 offences.\n", "1,200-1,500"),
                                               ("Police recorded 12-\n345 offences.\n", "12-345")])
def test_a_range_broken_at_its_hyphen_is_read_as_the_range(text: str, printed: str) -> None:
    """Each side was an exact count, read without a word ("1,200" and "1,500"); a range is listed to check by hand."""
    figures, not_read = read(text)
    assert figures == [] and not_read == [listed(printed, "range")]


REPORT = ("Child Sexual Exploitation\n\nPolice recorded 1,582 offences in 2016, and the\nreport found that 12\n\n1\n"
          "\fChild Sexual Exploitation: Annual Report 2017\n\nper cent of children were at risk. The NCA received\n"
          "2,409 referrals in the year to March.\n\n2\n\fChild Sexual Exploitation: Annual Report 2017\n\n"
          "Councils recorded 3,333 cases.\n\n3\n\f")


@pytest.mark.parametrize(("text", "figures"), [
    (REPORT, ["1,582", "12 per cent", "2,409", "3,333"]),
    ("Police recorded 1,582 offences and\n\nPage 1 of 3\n\fsaw 12\n\nPage 2 of 3\n\fper cent more.\n\n"
     "Page 3 of 3\n\f", ["1,582", "12 per cent"]),
    # a table's rows at the pages' feet are alike but for their digits: no running foot
    ("Table 3\n2016   1,582\n\fTable 4\n2017   2,409\n\f", ["1,582", "2,409"]),
    # a foot not recognised on one page: that break stays a paragraph break, never read on into the next page
    ("The report found that 12\n\nAnnual Report 2017 | 13\n\fAnnual Report 2017\n\nper cent of children, and "
     "1,582\n\n14\n\fAnnual Report 2017\n\noffences were recorded.\n\n15\n\f", ["12", "13", "1,582"]),
    ("Police recorded 1,582 offences.\n\f\nThe NCA received 2,409 referrals.\n\f\nTotal 12\n\f",
     ["1,582", "2,409", "12"]),
    # two pages that start with the same sentence hold it twice: no running head
    ("Police recorded 1,582 offences.\nMore text here.\n\fPolice recorded 1,582 offences.\nOther text.\n\f",
     ["1,582", "1,582"]),
    # a blank page between keeps each page's number
    ("Police recorded 1,582 offences and\n\nPage 1 of 4\n\fsaw 12\n\nPage 2 of 4\n\f   \n\f per cent more.\n\n"
     "Page 4 of 4\n\f", ["1,582", "12 per cent"]),
    # nor does a table's total row the same at the foot of two pages
    ("Offences by force\nMet   1,200\nTotal   1,582\n\fReferrals by force\nNCA   2,409\nTotal   1,582\n\f",
     ["1,200", "1,582", "2,409", "1,582"]),
])
def test_a_pdf_s_running_heads_and_page_numbers_are_not_read_and_its_pages_join(text: str,
                                                                                figures: list[str]) -> None:
    """pdftotext's text (a form feed between pages): "The report found that 12" / "1" / (head) / "per cent of
    children…" gave the count 12 and each page number as a figure."""
    assert [f[0] for f in read(text)[0]] == figures


@pytest.mark.parametrize("head", [
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n",
    b'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; '
    b'boundary="B"\r\n\r\n--B\r\nContent-Type: text/html; charset=windows-1252\r\n'
    b"Content-Transfer-Encoding: binary\r\n\r\n"])
def test_a_byte_order_mark_wins_over_the_charset_a_header_names(head: bytes) -> None:
    """Chromium reads each page as UTF-8 (a routed HTTP response and the saved MHTML file: its BOM first, as the
    HTML standard sniffs); scan read the header's windows-1252: "ï»¿" and "Â£1,582"."""
    end = b"\r\n--B--\r\n" if b"--B" in head else b""
    page = head + b"\xef\xbb\xbf<!doctype html><p>Police recorded \xc2\xa31,582</p>" + end
    text = decode_article(page)
    assert "Police recorded £1,582" in text and "ï»¿" not in text and "Â" not in text


@pytest.mark.parametrize("hyphen", ["\u00ad", "\u2010", "\u2011"])
def test_a_soft_or_unicode_hyphen_at_a_line_s_end_is_read_as_a_hyphen(hyphen: str) -> None:
    """A PDF's text hyphenates with a soft hyphen (removed as a format character before the line ends were read:
    "exploi tation", and "3,4" / "56") or U+2010/U+2011 ("3,4‐\\n56" was the exact count 56, without a word)."""
    text = f"Police recorded 3,4{hyphen}\n56 offences of sexual exploi{hyphen}\ntation in 2016.\n"
    assert read(text)[0] == [("3,456", 3456.0, "count", "exact")]
    assert "exploitation in 2016" in to_text(text)


@pytest.mark.parametrize(("page", "sentence"), [
    ("<p>Police recorded child sexual exploitation offences<br>numbering 1,582 in 2016.</p>",
     "Police recorded child sexual exploitation offences numbering 1,582 in 2016."),
    ("<p>Police recorded<br>1,582<br/>child sexual exploitation offences in 2016.</p>",
     "Police recorded 1,582 child sexual exploitation offences in 2016."),
    # a line of its own (a heading, an address, a list set with <br>) stays a line
    ("<p>Figures for 2016:<br>1,582 offences in 2016.</p>", "1,582 offences in 2016."),
    ("<p>Summary.<br><br>numbering 1,582 in 2016.</p>", "numbering 1,582 in 2016."),
])
def test_a_line_break_inside_a_sentence_keeps_the_sentence_whole(page: str, sentence: str) -> None:
    """A paragraph's <br> (a CMS's shift+enter) was read as a paragraph's end: the figure's sentence was
    "numbering 1,582 in 2016.", its subject not guessed and the record's warnings lost."""
    assert [f["sentence"] for f in scan_text(PAGE + page, DEFAULT)["figures"]] == [sentence]
