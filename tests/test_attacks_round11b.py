"""Issue 24, round eleven, attack (b) on class 3 (scan), aimed at round 10b's new code: the table's parts HTML's
tree builder moves or ends, the page's sheet (escaped class names, selector lists CSS drops whole), and the
charset a page declares. Every page here was opened in Chromium (innerText, `document.characterSet`): each
"Shown" figure is on screen there. Before the fixes scan dropped every one (a claim gone from the fact-check
without a word) or, for the charsets, read "£1,200" as "бё1,200"."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text

SHOWN = "Shown 1,200 cases."


def _read(sheet: str, body: str) -> list[str]:
    return to_text(f"<!doctype html><html><head><style>{sheet}</style></head><body><p>Start.</p>{body}"
                   "</body></html>").split("\n\n")


# --- a table's caption and column group end where HTML ends them -------------------------------------------------

@pytest.mark.parametrize("body", [
    f"<table><caption hidden>Table 1<tr><td>{SHOWN}</td></tr></table>",  # valid HTML: </caption> may be left out
    f"<table><caption hidden>Table 1<td>{SHOWN}</td></table>",
    f"<table><caption hidden>Table 1<caption>{SHOWN}</caption></table>",
    f"<table><colgroup hidden><col><tbody><tr><td>{SHOWN}</td></tr></table>",
    f"<table><tr hidden><td>x<caption>{SHOWN}</caption></table>",
    f"<table><thead hidden><tr><td>x</td></tr><caption>{SHOWN}</caption></table>",
])
def test_a_table_part_ends_an_open_caption_or_column_group(body: str) -> None:
    assert _read("", body) == ["Start.", SHOWN]


@pytest.mark.parametrize("body", [
    f"<table hidden><colgroup>{SHOWN}</colgroup></table>",  # text in a column group is put before the table
    f"<table hidden><colgroup><col><span>{SHOWN}</span></colgroup></table>",
    f"<table hidden><table>{SHOWN}</table></table>",  # a table where a row goes ends the open one
    f"<table hidden><tr><td>x</td></tr><table><tr><td>{SHOWN}</td></tr></table>",
    f"<table hidden><div><table><tr><td>{SHOWN}</td></tr></table></div></table>",
    f"<table hidden><form>{SHOWN}</form></table>",  # a form there is closed as it opens
    f"<table hidden><tr><form>{SHOWN}</form></tr></table>",
    f"<table hidden><b>x<form>{SHOWN}</b></table>",
])
def test_what_html_moves_out_of_a_hidden_table_is_read(body: str) -> None:
    assert _read("", body)[-1].endswith(SHOWN)
    assert _read("", "<table hidden><tr><td><table>Hidden 9,999.</table></td></tr></table>") == ["Start."]
