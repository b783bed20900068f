"""Issue 24, round seventeen, helper r17c: scan on hostile document shapes (class 3), each failure fixed by class."""

from __future__ import annotations

import html

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT

ONE_LINE = "Police recorded 1,200 cases of child sexual exploitation in 2016, officers said."
WRAPPED = "Police recorded 1,200\ncases of child sexual exploitation\nin 2016, officers said."


def _first(text: str) -> dict[str, object]:
    figure: dict[str, object] = scan_text(text, DEFAULT)["figures"][0]
    return figure


@pytest.mark.parametrize("page", [f"<p>{WRAPPED}</p>", f"<html><body>\n<p>\n{WRAPPED}\n</p>\n</body></html>",
                                  WRAPPED, WRAPPED.replace("\n", "\r\n"),
                                  "Police recorded\n1,200 cases of child sexual exploitation in 2016, officers said."])
def test_a_sentence_wrapped_in_the_source_is_read_as_one_sentence(page: str) -> None:
    """A line end in a page's source is a space to readers, and one inside a plain-text sentence is a wrap: split
    there, the figure's sentence was "Police recorded 1,200", its subject not guessed, and the record's warnings
    about a figure printed alike under another definition were lost."""
    wrapped, one_line = _first(page), _first(ONE_LINE)
    assert wrapped["sentence"] == ONE_LINE
    assert wrapped["measure_guess"] == one_line["measure_guess"] is not None
    assert wrapped["other_definitions"] == one_line["other_definitions"] != []


def test_a_word_hyphenated_at_a_line_end_is_joined() -> None:
    assert to_text("Police recorded 1,200 cases of sexual exploi-\ntation in 2016.") == (
        "Police recorded 1,200 cases of sexual exploitation in 2016.")


@pytest.mark.parametrize(("page", "shown"), [
    ("Cases in 2016\n1,582\n2017: 2,409", "Cases in 2016\n\n1,582\n\n2017: 2,409"),  # a table's rows
    ("Police recorded 1,200 cases.\nThe NSPCC said 3,400.", "Police recorded 1,200 cases.\n\nThe NSPCC said 3,400."),
    ("# Report\n- 1,200 cases\n- 3,400 offences", "# Report\n\n- 1,200 cases\n\n- 3,400 offences"),
    ("<pre>Cases 1,582\nOffences 2,409</pre>", "Cases 1,582\n\nOffences 2,409"),  # shown on two lines
])
def test_a_line_of_its_own_stays_a_line(page: str, shown: str) -> None:
    assert to_text(page) == shown


@pytest.mark.parametrize(("page", "shown"), [
    ("<p>Recorded 1,111 cases.</p><plaintext><p hidden>Also 2,222 cases.</p>",
     "Recorded 1,111 cases.\n\n<p hidden>Also 2,222 cases.</p>"),
    ("<p>Recorded 1,111 cases.<PLAINTEXT/>x &amp; 2,222 <!-- 3,333 --> </plaintext> 4,444",
     "Recorded 1,111 cases.\n\nx &amp; 2,222 <!-- 3,333 --> </plaintext> 4,444"),
    ("<p>Recorded 1,111 cases.</p><plaintext hidden><p>Also 2,222 cases.</p>", "Recorded 1,111 cases."),
])
def test_what_follows_plaintext_is_read_as_the_text_chromium_shows(page: str, shown: str) -> None:
    """HTML's tokenizer reads everything after <plaintext> as text: Chromium shows `<p hidden>Also 2,222 cases.</p>`
    as written, and scan, reading it as markup, dropped the figure."""
    assert to_text(page) == shown


@pytest.mark.parametrize(("page", "shown"), [
    # a page's own chart: each label a line, as Chromium shows them; the tooltip, the description and any text
    # drawn outside a <text> are not shown
    ("<p>Recorded 1,111 cases.</p><svg><title>Chart 9,999</title><desc>9,998</desc>stray 9,997<g>9,996</g>"
     "<text x=0 y=20>2016: <tspan>2,222</tspan></text><text x=0 y=40>2017: 4,444</text></svg><p>After 3,333.</p>",
     "Recorded 1,111 cases.\n\n2016: 2,222\n\n2017: 4,444\n\nAfter 3,333."),
    # SVG's and MathML's elements are not HTML's: the hidden attribute hides nothing there
    ("<svg hidden><text y=20>Shown 2,222</text><text hidden y=40>Shown 4,444</text></svg>",
     "Shown 2,222\n\nShown 4,444"),
    ("<math hidden><mn>2,222</mn><mo>+</mo><mn hidden>4,444</mn></math>", "2,222\n\n+\n\n4,444"),
    # ... the page's CSS and SVG's own display attribute do
    ("<style>.h{display:none}</style><svg><text class=h>9,999</text><g display='none'><text>9,998</text></g>"
     "<text style='display:none'>9,997</text><text>Shown 2,222</text></svg>", "Shown 2,222"),
    # a formula: all but its annotations and phantoms
    ("<math><semantics><mrow><mn>2,222</mn></mrow><annotation>9,999</annotation>"
     "<annotation-xml>9,998</annotation-xml></semantics><mphantom><mn>9,997</mn></mphantom></math>", "2,222"),
    # the HTML of a foreignObject, as HTML
    ("<svg><foreignObject><div hidden>9,999</div><p>Shown 2,222</p></foreignObject></svg>", "Shown 2,222"),
])
def test_a_figure_drawn_in_an_svg_or_a_formula_is_read_as_chromium_shows_it(page: str, shown: str) -> None:
    """Inline SVG and MathML were dropped whole: a page's own chart labelled "2016: 2,222" and a formula's figures
    never reached the fact-check, though readers see them."""
    assert to_text(page) == shown


def test_markdown_holding_a_tag_keeps_its_paragraphs_and_joins_its_wrapped_lines() -> None:
    """Markdown (or plain text) holding one tag is read as HTML: its blank lines still end paragraphs, and its
    wrapped lines are joined as a Markdown renderer joins them."""
    article = ("# Report<sup>1</sup>\n\nPolice recorded 1,200\ncases of child sexual exploitation in 2016.\n\n"
               "The NSPCC said\n3,400.\n \n\nEnd.")
    assert to_text(article) == ("# Report\n\nPolice recorded 1,200 cases of child sexual exploitation in 2016.\n\n"
                                "The NSPCC said 3,400.\n\nEnd.")


@pytest.mark.parametrize(("page", "shown"), [
    ("<p>Recorded 1,111 cases.</p><iframe srcdoc='<p>Framed 2,222 cases.</p><p hidden>9,999</p>'>9,998</iframe>",
     "Recorded 1,111 cases.\n\nFramed 2,222 cases."),
    ("<p>Recorded 1,111 cases.</p><object data='data:text/html,<p>Framed%202,222 cases.</p>'>9,998</object>",
     "Recorded 1,111 cases.\n\nFramed 2,222 cases."),
    ("<p>Recorded 1,111 cases.</p><embed src='data:text/html;base64,PHA+RnJhbWVkIDIsMjIyIGNhc2VzLjwvcD4='>",
     "Recorded 1,111 cases.\n\nFramed 2,222 cases."),
    # a frame readers do not see, and a document elsewhere (never fetched)
    ("<p>Recorded 1,111 cases.</p><iframe hidden srcdoc='<p>9,999</p>'></iframe>"
     "<div style='display:none'><iframe srcdoc='<p>9,998</p>'></iframe></div><iframe src='https://x.test/9,997'>"
     "</iframe>", "Recorded 1,111 cases."),
])
def test_a_document_the_page_embeds_in_its_own_markup_is_read(page: str, shown: str) -> None:
    """Chromium draws the text of an iframe's srcdoc, or of a data:text/html address, on the page (innerText leaves
    it out, so comparing with innerText never saw it); scan read none of it, and a claim put there was gone."""
    assert to_text(page) == shown


def test_frames_in_frames_are_read_to_the_last_without_parsing_each_level_again() -> None:
    """Past three frames in frames, a frame's markup is read as text: its figure is still read."""
    page = "<p>Framed 2,222 cases.</p>"
    for _ in range(6):
        page = f'<iframe srcdoc="{html.escape(page)}"></iframe>'
    assert "2,222" in to_text(page)


ARTICLE = "<p>Police recorded 1,582 offences of child sexual exploitation in 2016.</p>"


@pytest.mark.parametrize("head", [
    # OWASP's anti-clickjacking defence: the page's script removes the rule when the page is not framed
    '<style id="antiClickjack">body{display:none !important;}</style><script>if (self === top) {var a = '
    'document.getElementById("antiClickjack"); a.parentNode.removeChild(a);} else {top.location = self.location;}'
    "</script>",
    "<style>html{display:none}</style>", "<style>body{visibility:hidden}</style>",
    "<style>body{content-visibility:hidden}</style>"])
def test_a_page_that_hides_its_own_body_until_its_script_runs_is_read(head: str) -> None:
    """No page is published for readers to see nothing: CSS hiding its root or body is undone by its script, and
    honoured, scan found no figure in the article ("no figures found", exit 0) where Chromium shows them all."""
    assert to_text(f"<!doctype html><html><head>{head}</head><body>{ARTICLE}</body></html>") == (
        "Police recorded 1,582 offences of child sexual exploitation in 2016.")
    assert to_text(f"<html style='display:none'><body hidden style='visibility:hidden'>{ARTICLE}") == (
        "Police recorded 1,582 offences of child sexual exploitation in 2016.")


@pytest.mark.parametrize(("page", "shown"), [
    # HTML's breakout list ends an SVG or MathML, inline elements too; any other tag there is a foreign element
    ("<svg><span>Shown 1,200 cases.", "Shown 1,200 cases."),
    ("<svg><dialog><div>Shown 1,200 cases.", "Shown 1,200 cases."),
    ("<svg><mtext><strong>Shown 1,200 cases.", "Shown 1,200 cases."),  # mtext is MathML's, not an SVG's
    ("<p>Before<svg><section>9,999</section><text>Shown 1,200</text></svg> after.</p>",
     "Before\n\nShown 1,200\n\nafter."),
    ("<math><details><mtext>Shown 1,200 cases.</mtext></details></math>", "Shown 1,200 cases."),
    ("<math><aside hidden='until-found'><mn>1,200</mn></aside></math>", "1,200"),
    ("<math><annotation>Shown 1,200</annotation><desc>2,400</desc></math>", "Shown 1,200\n\n2,400"),
    ("<math><svg><main>Shown 1,200 cases.", "Shown 1,200 cases."),  # a MathML element named svg
    ("<svg><noembed><p>Shown 1,200</p></noembed></svg>", "<p>Shown 1,200</p>"),  # listed with its markup
])
def test_svg_and_mathml_end_and_hide_as_chromium_reads_them(page: str, shown: str) -> None:
    """Found comparing generated pages holding SVG and MathML with Chromium: scan ended an SVG at any block but
    at no inline, took MathML's and SVG's elements for HTML's, and so hid figures Chromium shows."""
    assert to_text(page) == shown


@pytest.mark.parametrize("page", [
    "<dialog><button></dialog> Recorded 11,444 cases.",
    "<dialog aria-hidden=true><button class=b><table></table></dialog> Recorded 11,444 cases."])
def test_a_dialog_ends_at_its_end_tag_through_a_button(page: str) -> None:
    """Found by the fuzz (on main too): HTML closes </dialog> through any element open inside it, as </div>;
    scan ignored it after a <button> and hid the rest of the page in the closed dialog."""
    assert to_text(page) == "Recorded 11,444 cases."


def test_the_text_an_input_shows_in_its_box_is_read() -> None:
    """An input's value (a button's label, an empty text box's placeholder) is drawn on the page; innerText leaves it
    out, and so did scan: a claim written as a borderless read-only text box was never checked."""
    page = ("<p>Shown 1,111</p><input readonly value='Police recorded 5,555 cases' style='border:0'> "
            "<input type=hidden value=9,999><input hidden value=9,998><span style=display:none><input value=9,997>"
            "</span><input type=password value=9,996><input placeholder='ph 2,222'><input type=submit value='Go 3,333'>"
            "<input type=bogus value='b 4,444'>")
    assert to_text(page) == "Shown 1,111\n\nPolice recorded 5,555 cases ph 2,222 Go 3,333 b 4,444"
