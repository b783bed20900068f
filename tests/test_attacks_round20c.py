"""Issue 24, round twenty, helper r20c: the document side of scan (the bytes an article arrives as, the text readers
see, the size limit), each failure fixed by class."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from analysis.factcheck.scan_input import InputRefused, decode_article
from analysis.factcheck.scan_text import to_text
from tests.scanned import read

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
