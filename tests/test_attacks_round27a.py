"""Issue 24, round twenty-seven, helper r27a: scan (class 3) on what a fact-checker plausibly scans: saved news
pages, Word and Google Docs exports, e-mail newsletters, PDF-to-text and text copied from a browser."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from tests.scanned import read

#: 1,200 cases, up 5%, as pdftotext or pdfminer write it from a font with no character map whose digits are Adobe's
#: old-style figures: the Adobe Glyph List names them by private code points (U+F730 "zerooldstyle" to U+F739).
OLD_STYLE_FIGURES = "Police recorded \uf731,\uf732\uf730\uf730 cases, up \uf735% on the year."


@pytest.mark.parametrize("text", [OLD_STYLE_FIGURES, f"<p>{OLD_STYLE_FIGURES}</p>",
                                  OLD_STYLE_FIGURES.replace("\uf731,\uf732", "1,2")])
def test_a_pdf_s_private_old_style_digits_are_said_not_read(text: str) -> None:
    figures, not_read = read(text + " The charity answered 3,333 calls.")
    assert [printed for printed, *_ in figures] == ["3,333"]
    assert any("characters a PDF's text layer does not name" in line and "old-style" in line for line in not_read)


def test_other_private_use_characters_say_nothing() -> None:
    # An icon font's glyph beside a figure (a web page's "\uf099" bird): no PDF digit, nothing to say.
    figures, not_read = read("\uf099 Police recorded 1,200 cases \ue001.")
    assert [printed for printed, *_ in figures] == ["1,200"] and not_read == []


#: Notes in Markdown (a notes app, a README of a data story) whose code blocks hold HTML, as a renderer shows them:
#: each block's tags are text, and each figure below is on the reader's page.
FENCED_NOTES = [
    "# Notes\n\n```html\n<!-- the chart's embed\n```\n\nPolice recorded 1,200 cases, up 5%.\n\n```\n-->\n```\n\n"
    "The charity answered 3,333 calls.\n",
    "~~~\n<title>\n~~~\n\nPolice recorded 1,200 cases, up 5%.\n\n~~~\n</title>\n~~~\n\n"
    "The charity answered 3,333 calls.\n",
    "Embed it so:\n\n- ```html\n  <div hidden>Police recorded 1,200 cases, up 5%.</div>\n  ```\n\n"
    "> ````\n> <script>\n> ````\n\nThe charity answered 3,333 calls.\n\n```\n</script>\n```\n",
]


@pytest.mark.parametrize("text", FENCED_NOTES)
def test_html_in_a_markdown_code_block_is_text_and_hides_nothing(text: str) -> None:
    assert [printed for printed, *_ in read(text)[0]] == ["1,200", "5%", "3,333"]


def test_html_outside_a_code_block_is_still_markup() -> None:
    text = ("<div hidden>\n\nPolice recorded 9,999 cases.\n\n</div>\n\n```\n<b>code</b>\n```\n\n"
            "Police recorded 1,200 cases, up 5%.\n")
    assert [printed for printed, *_ in read(text)[0]] == ["1,200", "5%"]


#: An e-mail from a mailer that leaves out the MIME-Version header, its HTML body quoted-printable (lines cut at 76
#: characters with "=" soft breaks, one inside "1,200"; "£" as "=C2=A3").
MESSAGE_WITHOUT_MIME_VERSION = (
    b"From: news@example.com\nSubject: Morning briefing\nContent-Type: text/html; charset=utf-8\n"
    b"Content-Transfer-Encoding: quoted-printable\n\n<p>" + b"x" * 60 + b" Police recorded 1,2=\n00 cases, =C2=A3"
    b"2.5m spent.</p>\n")


def test_a_message_without_mime_version_is_read_as_the_message(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.factcheck import scan

    (tmp_path / "briefing.eml").write_bytes(MESSAGE_WITHOUT_MIME_VERSION)
    parser = argparse.ArgumentParser()
    scan.add_arguments(parser, "scan")
    status = scan.run(parser.parse_args(["--json", str(tmp_path / "briefing.eml")]))
    figures = [f["value_as_printed"] for f in json.loads(capsys.readouterr().out)["figures"]]
    assert (status, figures) == (1, ["1,200", "£2.5m"])


#: An e-mail as a mailer saves it, its HTML quoted-printable (a soft break inside "1,200", "£" as "=C2=A3", "–" as
#: "=E2=80=93"), then written back by Notepad or PowerShell with a byte-order mark.
MESSAGE = (b"MIME-Version: 1.0\nFrom: news@example.com\nSubject: Morning briefing\n"
           b"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n<p>" + b"x" * 60
           + b" Police recorded 1,2=\n00 cases =E2=80=93 =C2=A32.5m spent.</p>\n")


@pytest.mark.parametrize("saved", [b"\xef\xbb\xbf" + MESSAGE, b"\xff\xfe" + MESSAGE.decode().encode("utf-16-le"),
                                   b"\xfe\xff" + MESSAGE.replace(b"\n", b"\r\n").decode().encode("utf-16-be")])
def test_a_message_saved_with_a_byte_order_mark_is_read_as_the_message(
        saved: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.factcheck import scan

    (tmp_path / "briefing.eml").write_bytes(saved)
    parser = argparse.ArgumentParser()
    scan.add_arguments(parser, "scan")
    status = scan.run(parser.parse_args(["--json", str(tmp_path / "briefing.eml")]))
    figures = [f["value_as_printed"] for f in json.loads(capsys.readouterr().out)["figures"]]
    assert (status, figures) == (1, ["1,200", "£2.5m"])
