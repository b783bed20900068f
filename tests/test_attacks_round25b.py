"""Issue 24, round twenty-five, helper r25b: stamps that cannot lie (class 2) and scan's reading of a page, its
encodings and its hidden text (class 3), each failure fixed by class."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.factcheck.scan_input import decode_article
from tests.scanned import figures_read, scan_file

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


#: An EPUB chapter as an e-book tool writes it. Checked in Chromium: opened as .xhtml it shows all three figures; as
#: .html the script takes the rest of the page and shows only the first.
CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>Chapter 3</title><link rel="stylesheet" type="text/css" href="../Styles/style.css"/></head>
<body>
<p>Police recorded 1,111 cases in 2019.</p>
<span epub:type="pagebreak" id="page12" role="doc-pagebreak" aria-label="12" hidden="hidden"/>
<p>Referrals rose to 2,222.</p>
<script src="notes.js"/>
<p>The charity answered 3,333 calls.<a id="n1"/></p>
</body>
</html>
"""


@pytest.mark.parametrize("name", ["chapter3.xhtml", "page.XHT"])
def test_an_xhtml_file_s_self_closed_elements_hide_nothing_after_them(tmp_path: Path, name: str,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_text(CHAPTER, encoding="utf-8")
    assert scan_file(tmp_path / name, capsys)[1] == ["1,111", "2,222", "3,333"]


def test_the_same_file_named_html_is_still_read_as_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "chapter3.html").write_text(CHAPTER, encoding="utf-8")
    assert scan_file(tmp_path / "chapter3.html", capsys)[1] == ["1,111"]


def test_an_xhtml_page_saved_with_its_http_header_is_read_as_xml() -> None:
    response = b"HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml; charset=utf-8\r\n\r\n" + CHAPTER.encode()
    values = [value for value, _, _ in figures_read(decode_article(response))]
    assert values == [1111, 2222, 3333]


@pytest.mark.parametrize("body", ["<p>a&nbsp;2,222</p>", "<p>Police recorded 2,222 cases.", "<p>&e; 2,222</p>"])
def test_an_xhtml_file_that_is_not_well_formed_is_refused(tmp_path: Path, body: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE html>'
                    f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>', encoding="utf-8")
    status, figures, said = scan_file(path, capsys)
    assert (status, figures) == (2, []) and "not well-formed" in said


def test_an_xhtml_file_naming_a_file_as_an_entity_is_refused(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
                    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&e; 2,222</p></body></html>',
                    encoding="utf-8")
    assert scan_file(path, capsys)[:2] == (2, [])


def test_an_entity_bomb_in_an_xhtml_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    levels = ['<!ENTITY a0 "lol">', *(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 9))]
    path = tmp_path / "bomb.xhtml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE html [{"".join(levels)}]>'
                    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&a8; 1,200</p></body></html>',
                    encoding="utf-8")
    assert scan_file(path, capsys)[0] == 2


def test_an_xhtml_dtd_s_named_characters_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
                    '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Spent&nbsp;&pound;1,111.</p>'
                    '<div hidden="hidden"/><p>Then 2,222.</p></body></html>', encoding="utf-8")
    assert scan_file(path, capsys)[1] == ["£1,111", "2,222"]


def _page(body: str) -> str:
    return f"<!doctype html><html><head><meta charset=utf-8></head><body>{body}<p>Shown 2,222.</p></body></html>"


# Checked in Chromium: a <style> in MathML is a MathML element, not a style sheet; one after a <math> element ends
# (or a self-closed <math/>) is a sheet again.
def test_a_style_element_inside_mathml_hides_nothing() -> None:
    page = _page("<math><style>p.h{display:none}</style></math><p class=h>Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [1111, 2222]


@pytest.mark.parametrize("before", ["<math><mi>x</mi></math>", "<math/>"])
def test_a_style_sheet_after_a_mathml_element_still_hides(before: str) -> None:
    page = _page(f"{before}<style>p.h{{display:none}}</style><p class=h>Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [2222]


#: Characters Python reads as white space and HTML's tokenizer reads as part of a tag's name.
NOT_HTML_SPACE = ["\u00a0", "\u000b", "\u001c", "\u2003", "\u0085", "\u3000"]


# Checked in Chromium: `<style\u00a0>` is an element named "style\u00a0" (its text shown, no sheet), and
# `<noscript\u00a0>`, `<template\u00a0>` and `<textarea\u00a0>` elements of other names, whose <style> is a sheet.
@pytest.mark.parametrize("space", NOT_HTML_SPACE)
def test_a_style_tag_whose_name_runs_on_is_no_sheet(space: str) -> None:
    page = _page(f"<style{space}>p.h{{display:none}}</style><p class=h>Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [1111, 2222]


@pytest.mark.parametrize("space", NOT_HTML_SPACE)
@pytest.mark.parametrize("holder", ["noscript", "template", "textarea"])
def test_a_sheet_inside_an_element_whose_name_runs_on_hides(space: str, holder: str) -> None:
    page = _page(f"<{holder}{space}><style>p.h{{display:none}}</style></{holder}>"
                 "<p class=h>Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [2222]


# Checked in Chromium: markup in an attribute's value is text; a tag there opens nothing, so neither a sheet there
# nor an element that would keep a later sheet from applying counts.
@pytest.mark.parametrize("holder", [
    "<div title='<style>p.h{display:none}</style>'></div>",
    '<div class=tip data-html="<style>.h{display:none}</style><b>tip</b>"></div>',
    """<div data-props='{"html":"<style>.h{display:none}</style>"}'></div>""",
    '<meta name=x content="<style>.h{display:none}</style>">',
    '<div title="<template shadowrootmode=open><style>p{display:none}</style></template>"></div>'])
def test_a_style_sheet_in_an_attribute_s_value_hides_nothing(holder: str) -> None:
    page = _page(f"{holder}<p class=h>Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [1111, 2222]


@pytest.mark.parametrize("holder", ['<div title="<noscript>"></div>', '<div title="<template>"></div>',
                                    '<div title="<textarea>"></div>', '<div title="<math>"></div>'])
def test_a_sheet_after_an_attribute_naming_an_element_still_hides(holder: str) -> None:
    page = _page(f"{holder}<style>.h{{display:none}}</style><p class=h>Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [2222]


def test_markup_in_an_attribute_s_value_is_still_the_value() -> None:
    from analysis.factcheck.scan_text import closed_markup_only

    page = "<p title='<b>1 < 2</b>' hidden>Police recorded 1,111 cases.</p><p>Shown 2,222.</p>"
    assert [value for value, _, _ in figures_read(page)] == [2222]
    assert closed_markup_only(page).startswith("<p title='&lt;b>1 &lt; 2&lt;/b>' hidden>")


def test_an_xhtml_file_that_declares_an_entity_is_refused_before_it_expands(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """1 MB with one 10 KB entity used 9,000 times is within expat's own limit (100 times the document) and
    became 89 MB of text, past the 5 MB limit."""
    path = tmp_path / "page.xhtml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e "' + "Police recorded 1,200 cases. " * 340
                    + '">]><html xmlns="http://www.w3.org/1999/xhtml"><body><!-- ' + "x" * 1_000_000 + " --><p>"
                    + "&e;" * 9000 + "</p></body></html>", encoding="utf-8")
    status, figures, said = scan_file(path, capsys)
    assert (status, figures) == (2, []) and "declares its own entities" in said


@pytest.mark.parametrize("raw", ["<style>p.x{color:red} /* &lt;/style>&lt;div hidden> */</style>",
                                 '<script>if (a &lt; b) {x = "&lt;/script>&lt;div hidden>"}</script>'])
def test_a_style_or_script_in_an_xhtml_file_cannot_end_itself_early(raw: str) -> None:
    from analysis.factcheck.scan_input import xml_as_html

    page = (f'<html xmlns="http://www.w3.org/1999/xhtml"><head>{raw}</head>'
            "<body><p>Police recorded 1,111 cases.</p></body></html>")
    assert [value for value, _, _ in figures_read(xml_as_html(page))] == [1111]


# Checked in Chromium: to HTML's tokenizer these characters are part of an attribute's name or unquoted value, so
# the attribute is not `hidden` or the class not `h`.
@pytest.mark.parametrize("space", NOT_HTML_SPACE)
@pytest.mark.parametrize("tag", ["<p hidden{}>", "<p class=h{}>", "<p class{}=h>"])
def test_an_attribute_run_on_by_a_character_html_does_not_read_as_space_hides_nothing(space: str, tag: str) -> None:
    page = _page(f"<style>.h{{display:none}}</style>{tag.format(space)}Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [1111, 2222]


@pytest.mark.parametrize("tag", ["<p title='a\u00a0b' hidden>", "<p class='x\u00a0y' hidden>", "<p\thidden\t>",
                                 "<p title='a\u000bb' hidden>", '<p title="1<2\u00a0" hidden>'])
def test_an_attribute_beside_such_a_character_still_hides(tag: str) -> None:
    page = _page(f"{tag}Police recorded 1,111 cases.</p>")
    assert [value for value, _, _ in figures_read(page)] == [2222]
