"""Issue 24, round nine, the lead's own attacks on what the helpers' rounds 9a and 9b did not reach this round
(scan's encodings, `--md` and `--claims-stub`). Encodings (a BOM against a declared charset, an XML declaration,
http-equiv, two <meta> charsets, UTF-16 and UTF-32 with a BOM) and `--md` with markup, maths, strike-through and
block markers in the article all held; what failed is here."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from analysis.factcheck.scan import add_arguments
from analysis.factcheck.scan_text import to_text
from analysis.record.safeguarding import personal_data_in
from analysis.run import pipeline


@pytest.mark.parametrize("name", ["-", "drafts/", ""])
def test_the_claims_stub_needs_the_name_of_a_new_file(name: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`--claims-stub -` wrote a file named "-" into the working folder (where `-` as the article means standard
    input) and `--claims-stub drafts/` a file named "drafts", each reported as "scan: wrote …"."""
    monkeypatch.chdir(tmp_path)
    parser = argparse.ArgumentParser(prog="scan")
    add_arguments(parser, "scan")
    with pytest.raises(SystemExit):
        parser.parse_args(["article.txt", "--claims-stub", name])
    assert "is not a file name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("holder", [
    "<script>var sheet = '<style>.x{display:none}</style>';</script>",  # a script building a sheet as a string
    "<textarea><style>.x{display:none}</style></textarea>",  # a form's sample text
    "<title>How to hide: <style>.x{display:none}</style></title>",
    "<style type='text/less'>.x{display:none}</style>",  # not CSS: never applied
    "<style-box>.x{display:none}</style-box>",  # a custom element, not a <style>
])
def test_a_style_that_is_only_text_hides_nothing(holder: str) -> None:
    """Round 9b's stylesheet reading found "<style>" wherever it was written: inside a script's string, a textarea or
    the title (all text to a browser), in a sheet of another language, or as the start of a custom element's name.
    Each hid the figure below it, which Chromium shows: a claim dropped from the scan without a word."""
    page = f"<html><head></head><body>{holder}<p class=x>Police recorded 2,000 offences.</p></body></html>"
    assert "2,000" in to_text(page)


def test_a_real_sheet_after_a_script_still_hides() -> None:
    """The guard: skipping a script's text does not skip the sheet after it."""
    page = ("<html><head><script>var a = 1;</script><STYLE type='text/css'>.x{display:none}</STYLE></head>"
            "<body><p class=x>Police recorded 2,000 offences.</p></body></html>")
    assert "2,000" not in to_text(page)


@pytest.mark.parametrize("text", ["in Q4 2nd only to Q3", "the A1 2nd junction", "ranked Q2 3rd of four"])
def test_a_quarter_or_road_before_an_ordinal_is_not_a_postcode(text: str) -> None:
    """A false alarm blocks a real quote: "Q4 2nd" was refused as a postcode (no UK postcode area starts with Q,
    and a lower-case ordinal is not an inward code)."""
    assert personal_data_in(text) == []


@pytest.mark.parametrize("text", ["SW1A 1AA", "sw1a-1aa", "EC1A.1BB", "M1 1AE", "DN55 1PT", "W1A 0AX"])
def test_real_postcodes_are_still_found(text: str) -> None:
    """The guard: Royal Mail's own examples and a London one, in any case and joined as before."""
    assert personal_data_in(f"lives at {text} now") == ["a UK postcode"]


def test_a_declarative_shadow_root_is_read_and_a_plain_template_is_not() -> None:
    """Chromium renders `<template shadowrootmode="open">` in place (seen in a headless screenshot); scan skipped
    every <template>, so the figure in one was silently dropped. A plain <template> stays unread."""
    page = ('<html><body><p>Intro.</p><div><template shadowrootmode="open"><p>Police recorded 2,000 offences.</p>'
            '</template></div><template><p>Inert 3,000 offences.</p></template></body></html>')
    assert to_text(page) == "Intro.\n\nPolice recorded 2,000 offences."


def test_text_chromium_shows_despite_hidden_or_aria_hidden_is_read() -> None:
    """The hidden attribute is only the browser's own `display: none`, which a display the page gives the element
    undoes; aria-hidden hides text from screen readers, not from the page. Chromium showed all three of these
    figures (a headless screenshot), and scan dropped each; a plain `hidden` stays unread (`until-found` is
    read since round 42: the browser opens it for its reader)."""
    page = ("<html><head><style>.s{display:block}</style></head><body><p>Intro.</p>"
            "<p hidden style='display:block'>Inline 2,000 offences.</p><p hidden class='s'>Sheet 3,000 offences.</p>"
            "<p hidden>Plain 4,000 offences.</p><p aria-hidden='true'>Aria 5,000 offences.</p>"
            "<p hidden='until-found' style='display:block'>Until 6,000.</p></body></html>")
    assert to_text(page).split("\n\n") == ["Intro.", "Inline 2,000 offences.", "Sheet 3,000 offences.",
                                           "Aria 5,000 offences.", "Until 6,000."]


def test_what_a_page_shows_despite_the_browsers_own_hiding_is_read() -> None:
    """Found by comparing scan with Chromium's innerText on 190 generated pages, each checked in a screenshot:
    content-visibility (and `hidden=until-found`, which is made of it) hides nothing on an inline element, and a
    display the page gives a closed dialog or a popover undoes the browser's own `display: none`. Scan dropped
    B, D, E, F and G, which Chromium shows; C stays unread (A, `until-found`, is read since round 42)."""
    page = ("<html><head><style>.b{display:block}</style></head><body><p>Start.</p>"
            "<div hidden='until-found'>A 1,000</div><p>x <em hidden='until-found'>B 2,000</em></p>"
            "<div style='content-visibility:hidden'>C 3,000</div><p>y <b style='content-visibility:hidden'>D 4,000</b>"
            "</p><dialog style='display:contents'>E 5,000</dialog><dialog class='b'>F 6,000</dialog>"
            "<p>z <span popover style='display:inline'>G 7,000</span></p><dialog>H 8,000</dialog></body></html>")
    assert to_text(page).split("\n\n") == ["Start.", "A 1,000", "x B 2,000", "y D 4,000", "E 5,000", "F 6,000",
                                           "z G 7,000"]


def test_a_sheet_hides_the_content_of_boxed_elements_only_and_a_complex_rule_may_show() -> None:
    """Two more from the generated pages, each as Chromium showed it: a sheet's content-visibility on an inline
    <strong> hid nothing there (scan dropped B), and a rule with a combinator showed a closed dialog (scan
    dropped C, since it honoured only simple selectors). A block still hides its content (A)."""
    page = ("<html><head><style>strong, section {content-visibility:hidden} .w .a{display:block}</style></head>"
            "<body><p>Start.</p><section>A 1,000</section><p>x <strong>B 2,000</strong></p>"
            "<div class='w'><dialog class='a'>C 3,000</dialog></div></body></html>")
    assert to_text(page).split("\n\n") == ["Start.", "x B 2,000", "C 3,000"]


def test_pythonpath_and_a_sitecustomize_change_the_library_stamp(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder on $PYTHONPATH shadows an installed library, and a sitecustomize.py runs in every process; adding
    either left every step stamped current (round 9b made the stamp see .pth files, not these)."""
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.setattr(pipeline.sysconfig, "get_paths", lambda: {"purelib": str(site), "platlib": str(site)})
    monkeypatch.delenv("PYTHONPATH", raising=False)
    before = pipeline.libraries()
    (site / "sitecustomize.py").write_text("import matplotlib; matplotlib.rcParams['font.size'] = 30\n")
    customised = pipeline.libraries()
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "shadow"))
    assert len({before, customised, pipeline.libraries()}) == 3


def test_an_element_the_sheet_makes_inline_and_a_popover_summary_are_read() -> None:
    """From the comparison with Chromium (tests/test_scan_against_chromium.py): content-visibility does nothing on
    an <article> the sheet makes inline, and a closed <details> shows its first <summary> even as a popover (and
    its content: read since round 42: the browser opens it for its reader)."""
    page = ("<html><head><style>.c{display:inline}</style></head><body><article class='c' "
            "style='content-visibility:hidden'>A 1,000</article><details><summary popover>B 2,000</summary>"
            "<p>C 3,000</p></details></body></html>")
    assert to_text(page).split("\n\n") == ["A 1,000", "B 2,000", "C 3,000"]
