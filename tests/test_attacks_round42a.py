"""Issue 24, round forty-two, helper r42a: scan (class 3) on pages from publishing tools as saved and on text a
reader opens. An AMP page's data its runtime draws through a template (`<amp-list>`, `<amp-render>`, as amp.dev's
own examples write them) and AMP's document viewer (`<amp-google-document-embed>`) were left out without a word,
exit 0 where the rest of the page is in the record."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import charts_line, frames_line
from tests.scanned import read

IN_RECORD = "<p>The Met recorded 922 crimes connected with child sexual exploitation in 2016.</p>"
FIGURE = [("922", 922.0, "count", "exact")]


def _amp(body: str) -> str:
    """An AMP page as its publisher serves it (amp.dev's boilerplate, shortened), `body` after a figure."""
    return ('<!doctype html><html amp lang="en"><head><meta charset="utf-8"><script async '
            'src="https://cdn.ampproject.org/v0.js"></script><script async custom-element="amp-list" '
            'src="https://cdn.ampproject.org/v0/amp-list-0.1.js"></script><script async custom-template="amp-mustache" '
            'src="https://cdn.ampproject.org/v0/amp-mustache-0.2.js"></script><title>Figures</title></head><body>'
            f"{IN_RECORD}{body}</body></html>")


#: amp.dev's examples of amp-list (a JSON endpoint, and data held in the page by amp-state) and amp-render.
AMP_RENDERED = [
    ('<amp-list layout="fixed-height" height="100" src="https://news.example/static/referrals.json" binding="no">'
     '<template type="amp-mustache"><div>{{year}}: {{count}} referrals</div></template></amp-list>',
     "<amp-list> https://news.example/static/referrals.json"),
    ('<amp-state id="referrals"><script type="application/json">{"items": [{"year": 2017, "count": "1,200"}]}'
     '</script></amp-state><amp-list layout="fixed-height" height="100" src="amp-state:referrals" binding="no">'
     '<template type="amp-mustache"><div>{{year}}: {{count}}</div></template><div placeholder>Loading</div>'
     "</amp-list>", "<amp-list> amp-state:referrals"),
    ('<amp-render layout="fixed-height" height="60" src="https://news.example/tally.json"><template '
     'type="amp-mustache"><p>{{count}} referrals so far</p></template></amp-render>',
     "<amp-render> https://news.example/tally.json"),
]


@pytest.mark.parametrize(("element", "named"), AMP_RENDERED, ids=["endpoint", "amp-state", "amp-render"])
def test_what_amps_runtime_draws_from_data_is_listed_as_not_read(element: str, named: str) -> None:
    assert read(_amp(element)) == (FIGURE, [charts_line([named])])


@pytest.mark.parametrize("element", [
    '<div hidden><amp-list src="https://news.example/a.json" height="100"><template type="amp-mustache">{{n}}'
    "</template></amp-list></div>",
    '<amp-list [src]="chosen" height="100"><template type="amp-mustache">{{n}}</template></amp-list>',
    "<p>AMP pages can use amp-list and amp-render.</p>",
], ids=["hidden", "bound-only", "named-in-prose"])
def test_an_amp_element_hidden_naming_no_data_or_named_in_text_is_not_listed(element: str) -> None:
    assert read(_amp(element))[1] == []


def test_a_document_amps_viewer_shows_is_listed_as_a_frame_not_read() -> None:
    """amp.dev's own example: a PDF (a report's figures) shown in Google's viewer, as AMP draws it, in a frame."""
    element = ('<amp-google-document-embed src="https://news.example/report-2017.pdf" width="800" height="600" '
               'layout="responsive"></amp-google-document-embed>')
    assert read(_amp(element)) == (FIGURE, [frames_line(["https://news.example/report-2017.pdf"])])


# --- what the browser opens for its reader -------------------------------------------------------------------------

#: GOV.UK Frontend's details component, as its design system gives it, and its accordion as its script leaves a closed
#: section (`hidden="until-found"`, which a page saved as the browser showed it, or as MHTML, keeps).
GOVUK_DETAILS = ('<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__'
                 'summary-text">How the figures were counted</span></summary><div class="govuk-details__text">The Met '
                 "recorded 922 crimes connected with child sexual exploitation in 2016.</div></details>")
GOVUK_ACCORDION = ('<div class="govuk-accordion" data-module="govuk-accordion" id="accordion-default"><div class='
                   '"govuk-accordion__section"><div class="govuk-accordion__section-header"><h2 class="govuk-accordion'
                   '__section-heading"><button type="button" aria-controls="accordion-default-content-1" class='
                   '"govuk-accordion__section-button" aria-expanded="false"><span class="govuk-accordion__section-'
                   'heading-text" id="accordion-default-heading-1">Recorded crime</span></button></h2></div><div id='
                   '"accordion-default-content-1" class="govuk-accordion__section-content" hidden="until-found"><p '
                   'class="govuk-body">The Met recorded 922 crimes connected with child sexual exploitation in 2016.'
                   "</p></div></div></div>")


@pytest.mark.parametrize("closed", [GOVUK_DETAILS, GOVUK_ACCORDION], ids=["details", "accordion"])
def test_a_figure_in_a_box_the_browser_opens_for_its_reader_is_read(closed: str) -> None:
    """The reader opens either with a click (the accordion's section also opens when find-in-page finds text in
    it): the figure was left out without a word, "no figures found", exit 0."""
    page = f"<!doctype html><html><head><title>Statistics</title></head><body><h1>Statistics</h1>{closed}</body></html>"
    assert read(page) == (FIGURE, [])


def test_text_no_reader_can_open_is_still_not_read() -> None:
    """The guard: `hidden`, display none and a dialog nothing opens stay unread; an open <details> is read once."""
    page = ("<div hidden>Recorded 1,200 crimes.</div><div style='display:none'>Recorded 1,300 crimes.</div>"
            f"<dialog>Recorded 1,400 crimes.</dialog>{GOVUK_DETAILS.replace('<details ', '<details open ')}")
    assert read(page) == (FIGURE, [])


#: Boxes a button opens with no script, as MDN's and w3schools' examples of the popover API and invoker commands
#: write them: a source note behind an "i" button, a dialog of the method.
OPENED_BY_A_BUTTON = [
    '<button popovertarget="note-1">i</button><div id="note-1" popover>{}</div>',
    '<button type="button" POPOVERTARGET=note-1 popovertargetaction="show">Source</button>'
    '<aside popover="manual" id="note-1">{}</aside>',
    '<button commandfor="method" command="show-modal">Method</button><dialog id="method"><p>{}</p>'
    '<button commandfor="method" command="close">Close</button></dialog>',
    '<button command="toggle-popover" commandfor="note-1">i</button><div popover id="note-1">{}</div>',
]


@pytest.mark.parametrize("box", OPENED_BY_A_BUTTON, ids=["popovertarget", "show", "show-modal", "toggle-popover"])
def test_a_figure_in_a_box_a_button_opens_is_read(box: str) -> None:
    sentence = "The Met recorded 922 crimes connected with child sexual exploitation in 2016."
    assert read("<p>Statistics.</p>" + box.format(sentence)) == (FIGURE, [])


@pytest.mark.parametrize("box", [
    '<div id="note-1" popover>{}</div>',  # opened by a script alone
    '<button popovertarget="note-1" popovertargetaction="hide">x</button><div id="note-1" popover>{}</div>',
    '<button commandfor="d" command="close">Close</button><dialog id="d">{}</dialog>',
    '<button commandfor="other" command="show-modal">Open</button><dialog id="d">{}</dialog>',
    '<p>Write popovertarget="d" on a button.</p><dialog id="d">{}</dialog>',
], ids=["no-button", "hide", "close", "another-id", "in-text"])
def test_a_box_no_button_opens_is_still_not_read(box: str) -> None:
    sentence = "The Met recorded 1,200 crimes connected with child sexual exploitation in 2017."
    assert read(IN_RECORD + box.format(sentence)) == (FIGURE, [])


# --- a counter a page builder's script counts up -------------------------------------------------------------------

def _elementor(to_value: str, start: str = "0", delimiter: str = ',', prefix: str = "", suffix: str = "") -> str:
    """Elementor's counter widget as its template writes it, its text the starting number."""
    return ('<div class="elementor-counter"><div class="elementor-counter-number-wrapper"><span class="elementor-'
            f'counter-number-prefix">{prefix}</span><span class="elementor-counter-number" data-duration="2000" '
            f'data-to-value="{to_value}" data-from-value="{start}" data-delimiter="{delimiter}">{start}</span><span '
            f'class="elementor-counter-number-suffix">{suffix}</span></div><div class="elementor-counter-title">'
            "crimes connected with child sexual exploitation recorded by the Met in 2016</div></div>")


@pytest.mark.parametrize(("counter", "shown"), [
    (_elementor("922"), "922"),
    (_elementor("1200", start="1"), "1,200"),
    (_elementor("1200", delimiter=""), "1200"),
    (_elementor("3.3", prefix="£", suffix="m"), "£3.3m"),
    ('<dl><dt class="display-counter" data-value="1200" data-delimiter=",">0</dt><dd>offences</dd></dl>', "1,200"),
], ids=["elementor", "started-at-one", "no-separator", "prefix-and-suffix", "display-counter"])
def test_a_counter_is_read_as_the_figure_it_counts_to(counter: str, shown: str) -> None:
    """Read from its text, the counter was the figure 0 (or 1): "0 … not in the record", where the reader sees the
    figure it counts to."""
    figures = read(f"<p>Our figures.</p>{counter}")[0]
    assert [f[0] for f in figures] == [shown]


@pytest.mark.parametrize("counter", [
    '<span class="elementor-counter-number" data-to-value="" data-delimiter=",">1,200</span>',
    '<span class="elementor-counter-number" data-to-value="{{ settings.ending_number }}">1,200</span>',
    '<span class="counter" data-to-value="5">1,200</span>',
], ids=["empty", "template", "another-class"])
def test_a_counter_with_no_figure_to_count_to_keeps_its_text(counter: str) -> None:
    assert [f[0] for f in read(f"<p>Recorded {counter} offences.</p>")[0]] == ["1,200"]


def test_a_hidden_counter_is_not_read() -> None:
    counter = _elementor("4400")
    assert read(f"{IN_RECORD}<div hidden>{counter}</div><div style='visibility:hidden'>{counter}</div>") == (
        FIGURE, [])


# --- a note's reference a sheet raises ------------------------------------------------------------------------------

SENTENCE_WITH = "<p>The Met recorded 922{} crimes connected with child sexual exploitation in 2016.</p>"


@pytest.mark.parametrize("mark", [
    '<a href="#footnote-1" id="footnote-anchor-1" class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" '
    'target="_self">1</a>',  # Substack's, as its posts are served
    '<a href="#fn3" class="footnote-ref" id="fnref3" role="doc-noteref">3</a>',
    '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',  # Pandoc's
], ids=["substack", "doc-noteref", "pandoc"])
def test_a_notes_reference_glued_to_a_figure_is_a_mark_not_a_digit(mark: str) -> None:
    """Substack's mark was read into the figure: "9221", listed as a number no figure form reads."""
    assert read(SENTENCE_WITH.format(mark)) == (FIGURE, [])


def test_a_link_that_is_no_notes_reference_keeps_its_number() -> None:
    """The guard: a link elsewhere, or a note's link holding more than a mark, is text as before."""
    assert read(SENTENCE_WITH.format("") + '<p>See <a href="#fn1" role="doc-noteref">1,200 crimes</a> in 2017 and '
                '<a class="footnote-anchor" href="https://x.example/">4,400</a>.</p>')[0] == [
        ("922", 922.0, "count", "exact"), ("1,200", 1200.0, "count", "exact"), ("4,400", 4400.0, "count", "exact")]


@pytest.mark.parametrize(("sheet", "mark"), [
    ("span.MsoFootnoteReference{vertical-align:super}", '<span class=MsoFootnoteReference>2</span>'),  # Word's
    (".a5{vertical-align:super;font-size:smaller;}", '<a class="a5" href="#footnote_1" name="footnote_back_1">1</a>'),
    ("#n1{vertical-align:sub}", '<span id="n1">a</span>'),
], ids=["word", "poi", "sub-by-id"])
def test_a_mark_the_pages_sheet_raises_is_a_mark_not_a_digit(sheet: str, mark: str) -> None:
    """Read into the figure: "9222", a count not in the record, where the reader sees 922 and a note's mark."""
    assert read(f"<html><head><style>{sheet}</style></head><body>{SENTENCE_WITH.format(mark)}</body></html>") == (
        FIGURE, [])


@pytest.mark.parametrize("sheet", [".n{vertical-align:super} .n{vertical-align:baseline}",
                                   "@media print{.n{vertical-align:super}}", "p .n{vertical-align:super}"],
                         ids=["put-back", "print", "combinator"])
def test_a_mark_the_sheet_does_not_always_raise_is_read_as_before(sheet: str) -> None:
    page = f"<style>{sheet}</style><p>Recorded 1,2<span class=n>00</span> offences.</p>"
    assert [f[0] for f in read(page)[0]] == ["1,200"]


# --- text the page's sheet writes -----------------------------------------------------------------------------------

#: A bar chart drawn in CSS, its bars labelled by their own attribute (as dashboards' and tutorials' CSS charts write
#: it: `.chart-bar::after { content: attr(data-value); position: absolute; … }`), and a card's number in its sheet.
CSS_CHART = ("<style>.chart{display:flex;align-items:flex-end}.chart-bar{flex:1;position:relative}"
             ".chart-bar::after{content:attr(data-value);position:absolute;top:-20px}</style>"
             '<h2>Crimes recorded by the Met</h2><div class="chart"><div class="chart-bar" data-value="922" '
             'style="height:40%"></div><div class="chart-bar" data-value="1,200" style="height:52%"></div></div>')


@pytest.mark.parametrize(("page", "rule"), [
    (CSS_CHART, ".chart-bar::after"),
    ("<style>.total:before{content:'1,200 children'}</style><p class=total></p>", ".total:before"),
], ids=["css-chart", "card"])
def test_figures_the_pages_sheet_writes_are_listed_as_not_read(page: str, rule: str) -> None:
    """The figures were left out without a word: "no figures found", exit 0."""
    not_read = read(IN_RECORD + page)[1]
    assert len(not_read) == 1 and "style sheet writes figures" in not_read[0] and repr(rule) in not_read[0]


@pytest.mark.parametrize("sheet", [
    '.fa-user:before{content:"\\f007"} q::before{content:"\\201C"}',  # an icon font's glyph, a quotation mark
    ".grow::after{content:attr(data-value) ' ';visibility:hidden}",  # a text box's auto-growing copy
    ".tip::after{content:attr(title)}",  # no element's title holds a digit
    "/* .x::before{content:'12'} */ .y::after{display:none;content:'12'}",
    ".x{content:'12'}",
], ids=["icons", "hidden-copy", "no-digit", "comment-and-hidden", "no-pseudo-element"])
def test_a_sheet_writing_no_figure_is_not_listed(sheet: str) -> None:
    page = f"<style>{sheet}</style>{IN_RECORD}<a class=tip title='Home'>x</a><div class=grow data-value='12'></div>"
    assert read(page) == (FIGURE, [])
