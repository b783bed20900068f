"""Issue 24, round forty-three, helper r43a: scan (class 3) on whole articles in the shapes a newsroom has them
beyond a saved page: a feed as WordPress writes it (RSS and Atom), an e-book's chapter (EPUB 3 as Standard Ebooks
writes it), a Markdown article with the front matter a static site builds from, and a broadcast's subtitles
(SubRip, WebVTT). Each was read with figures no reader sees, or one figure misread as another."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.factcheck.scan_input import decode_article
from analysis.factcheck.scan_text import to_text
from tests.scanned import read, scan_file

FIGURE_922 = [("922", 922.0, "count", "exact")]


def _as_read(data: str, name: str) -> tuple[list[tuple[str, float, str, str]], list[str]]:
    """The figures and not-read lines of `data` as `scan FILE` reads it under `name` (its suffix decides XML)."""
    from analysis.factcheck.scan_input import xml_by_name

    return read(decode_article(data.encode("utf-8"), xml=xml_by_name(name)))


# --- a feed: what its reader shows, as it shows it ----------------------------------------------------------------

#: WordPress's RSS 2.0 feed (wp-includes/feed-rss2.php, as served): the syndication module's poll rate, the site
#: icon's size, each item's comment count; its excerpt in CDATA with WordPress's character references.
WORDPRESS_RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
\t<title>Evil Example News</title>
\t<link>https://evil.example</link>
\t<description>News</description>
\t<lastBuildDate>Tue, 14 Mar 2017 10:00:00 +0000</lastBuildDate>
\t<sy:updatePeriod>
\thourly\t</sy:updatePeriod>
\t<sy:updateFrequency>
\t1\t</sy:updateFrequency>
\t<generator>https://wordpress.org/?v=6.4.2</generator>
<image><url>https://evil.example/icon-32x32.png</url><title>Evil Example News</title>
\t<link>https://evil.example</link><width>32</width><height>32</height></image>
\t<item>
\t\t<title>Referrals rose</title>
\t\t<link>https://evil.example/2017/03/14/referrals/</link>
\t\t<dc:creator><![CDATA[Jane Doe]]></dc:creator>
\t\t<pubDate>Tue, 14 Mar 2017 09:00:00 +0000</pubDate>
\t\t<guid isPermaLink="false">https://evil.example/?p=4521</guid>
\t\t<description><![CDATA[Between 1,200 &#8211; 1,400 children were seen [&#8230;]]]></description>
\t\t<content:encoded><![CDATA[<p>The Met recorded 922 crimes connected with child sexual exploitation.</p>]]>
\t\t</content:encoded>
\t\t<slash:comments>37</slash:comments>
\t</item>
</channel></rss>
"""

#: WordPress's Atom feed (wp-includes/feed-atom.php): time stamps, the thread extension's comment count.
WORDPRESS_ATOM = """<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"
  xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en-GB">
\t<title type="text">Evil Example News</title>
\t<updated>2017-03-14T10:00:00Z</updated>
\t<id>https://evil.example/feed/atom/</id>
\t<entry>
\t\t<author><name>Jane Doe</name></author>
\t\t<title type="html"><![CDATA[Referrals rose]]></title>
\t\t<id>https://evil.example/?p=4521</id>
\t\t<updated>2017-03-14T09:00:00Z</updated>
\t\t<published>2017-03-14T09:00:00Z</published>
\t\t<summary type="html"><![CDATA[Between 1,200 &#8211; 1,400 children were seen [&#8230;]]]></summary>
\t\t<content type="html"><![CDATA[<p>The Met recorded 922 crimes connected with child sexual exploitation.</p>]]>
\t\t</content>
\t\t<thr:total>37</thr:total>
\t</entry>
</feed>
"""

RANGE_LINE = "'1,200 – 1,400' is a range, not one figure the record can hold: check it by hand"


@pytest.mark.parametrize("feed", [WORDPRESS_RSS, WORDPRESS_ATOM], ids=["rss", "atom"])
def test_a_feeds_machine_fields_are_not_read_as_figures(feed: str) -> None:
    """Read as text, the poll rate (1), the icon's size (32, 32) and the comment count (37) were figures not in the
    record, and Atom's time stamps three parts "not read": exit 1 for nothing a reader of the feed sees."""
    figures, not_read = _as_read(feed, "feed.xml")
    assert figures == FIGURE_922
    assert [line.split(": ", 1)[1] for line in not_read] == [RANGE_LINE]


@pytest.mark.parametrize("feed", [WORDPRESS_RSS, WORDPRESS_ATOM], ids=["rss", "atom"])
def test_a_feeds_html_text_is_read_with_its_character_references(feed: str) -> None:
    """The excerpt "Between 1,200 &#8211; 1,400" was read as it is written, the two exact figures 1,200 and 1,400,
    where a feed reader shows a range (and "[&#8230;]" as "[…]")."""
    text = to_text(decode_article(feed.encode("utf-8"), xml=True))
    assert "Between 1,200 – 1,400 children were seen [...]" in text and "&#" not in text


def test_an_atom_text_construct_is_shown_as_written() -> None:
    # Atom's default type is text: its "&lt;b&gt;" is shown as "<b>", never read as markup that hides a figure.
    feed = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Police &lt;b hidden&gt;'
            "recorded 922 crimes connected with child sexual exploitation</title></entry></feed>")
    assert _as_read(feed, "feed.atom")[0] == FIGURE_922


def test_other_xml_is_still_read_whole() -> None:
    # Not a feed: every element's text, as before (a browser shows an XML document's tree whole).
    data = '<?xml version="1.0"?><report><total>922</total><note>crimes</note></report>'
    assert [f[0] for f in _as_read(data, "report.xml")[0]] == ["922"]


# --- an e-book's chapter: EPUB 3's note reference ----------------------------------------------------------------

#: A chapter as Standard Ebooks writes its note references: `epub:type="noteref"` alone, the note in the book's
#: notes file.
CHAPTER = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" epub:prefix="z3998: x">
<head><title>I</title></head><body epub:type="bodymatter z3998:fiction"><section id="chapter-1" epub:type="chapter">
<p>The Met recorded 922<a href="endnotes.xhtml#note-2" id="noteref-2" epub:type="noteref">2</a> crimes connected
with child sexual exploitation.</p></section></body></html>"""


@pytest.mark.parametrize("name", ["chapter-1.xhtml", "chapter-1.html"])
def test_an_epub_note_reference_is_a_mark_not_a_digit(name: str) -> None:
    """Read into the figure: "9222", a count not in the record, where the reader sees 922 and a note's mark."""
    assert _as_read(CHAPTER, name)[0] == FIGURE_922


@pytest.mark.parametrize("link", [
    '<a href="endnotes.xhtml#note-2" epub:type="glossref">2</a>',  # another kind of link
    '<a href="endnotes.xhtml" epub:type="noteref">2</a>',  # no note named
])
def test_a_link_that_is_no_epub_note_reference_keeps_its_number(link: str) -> None:
    page = f"<p>The Met recorded 92{link} crimes connected with child sexual exploitation.</p>"
    assert read(page)[0] == FIGURE_922


# --- a Markdown article's front matter ----------------------------------------------------------------------------

FRONT_MATTER = [
    ('---\ntitle: "Referrals rose"\ndate: 2017-03-14\nweight: 12\nreading_time: 4\nimages:\n  - src: a.png\n'
     "    width: 1200\ndraft: false\n---\n\n"),
    '+++\ntitle = "Referrals rose"\nweight = 12\n[params]\nreading_time = 4\n+++\n\n',
    "\ufeff---\nlayout: post\nweight: 12\n...\n",
]
BODY = "The Met recorded 922 crimes connected with child sexual exploitation.\n"


@pytest.mark.parametrize("head", FRONT_MATTER, ids=["yaml", "toml", "yaml-dots"])
def test_a_markdown_articles_front_matter_is_not_read_as_figures(head: str) -> None:
    """Read as prose, "weight: 12", "reading_time: 4" and an image's width 1200 were figures not in the record
    (exit 1): the site builds the page from them and shows none."""
    assert read(head + BODY) == (FIGURE_922, [])


def test_what_a_theme_shows_of_the_front_matter_is_read() -> None:
    head = '---\ntitle: "The Met recorded 922 crimes connected with child sexual exploitation"\nweight: 3\n---\n\n'
    figures, _ = read(head + "More text.\n")
    assert figures == FIGURE_922


@pytest.mark.parametrize("text", [
    "---\n\nThe Met recorded 922 crimes connected with child sexual exploitation.\n\n---\n\nEnd.\n",  # rules
    "---\nThe Met recorded 922 crimes connected with child sexual exploitation.\n---\n",  # a line between rules
    "---\nweight: 12\nThe Met recorded 922 crimes connected with child sexual exploitation.\n",  # never closed
])
def test_prose_between_rules_is_still_read(text: str) -> None:
    assert read(text)[0][-1:] == FIGURE_922


# --- a broadcast's subtitles ---------------------------------------------------------------------------------------

SRT = ("1\n00:00:01,000 --> 00:00:04,200\nThe Met recorded 922 crimes\nconnected with child sexual exploitation.\n\n"
       "2\n00:00:04,500 --> 00:00:07,800\n<i>That was up from</i>\n\n3\n00:00:08,000 --> 00:00:10,000\n"
       "{\\an8}1,200 the year before.\n")
VTT = ("WEBVTT\nKind: captions\nLanguage: en\n\nNOTE the cue below was 45 seconds in\n\n"
       "00:00:01.000 --> 00:00:04.200 align:start position:0%\n<v Jane Doe>The Met recorded 922 crimes\n\n"
       "17\n00:00:04.500 --> 00:00:07.800 line:90%\nconnected with child sexual exploitation &amp; more.</v>\n\n"
       "00:08.000 --> 00:10.000\nThat was up from\n\n00:10.100 --> 00:12.000\n<c.yellow>1,200</c> the year before.\n")


@pytest.mark.parametrize("subtitles", [SRT, VTT, "\ufeff" + VTT.replace("\n", "\r\n")], ids=["srt", "vtt", "crlf"])
def test_subtitles_are_read_as_their_viewer_reads_them(subtitles: str) -> None:
    """Each cue's number was a figure (1, 2, 3 or 17, "not in the record"), a cue's position ("position:0%",
    "line:90%") a share, and "1,200 the year before." a sentence without its start."""
    figures, not_read = read(decode_article(subtitles.encode("utf-8"), xml=None))
    assert [f[0] for f in figures] == ["922", "1,200"] and not_read == []
    text = to_text(decode_article(subtitles.encode("utf-8"), xml=None))
    assert "That was up from 1,200 the year before." in text


def test_subtitles_piped_in_are_read_as_subtitles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "episode.srt").write_text(SRT, encoding="utf-8")
    assert scan_file(tmp_path / "episode.srt", capsys)[1] == ["922", "1,200"]


def test_a_text_that_starts_with_a_number_is_still_prose() -> None:
    text = "1\nThe Met recorded 922 crimes connected with child sexual exploitation at 00:00:01.\n"
    assert decode_article(text.encode("utf-8"), xml=None) == text


# --- a figure printed alone in its block, its label in the next ---------------------------------------------------

LABEL = "crimes connected with child sexual exploitation recorded by the Met in 2016"


@pytest.mark.parametrize("page", [
    # Drupal's paragraphs (a "statistic" paragraph type: the number field, then the text field)
    f'<div class="paragraph paragraph--type--statistic"><div class="field--name-field-number">922</div>'
    f'<div class="field--name-field-text">{LABEL}</div></div>',
    # a Gutenberg group block of a large-font paragraph and its caption
    f'<div class="wp-block-group"><p class="has-x-large-font-size"><strong>922</strong></p><p>{LABEL}</p></div>',
    # a dashboard's tile: the label above the number
    f'<div class="tile"><h3>{LABEL.capitalize()}</h3><p class="big">922</p></div>',
    # Markdown: a key figure in bold on a line of its own
    f"**922**\n\n{LABEL}\n",
], ids=["drupal", "gutenberg", "tile", "markdown"])
def test_a_figure_printed_alone_is_read_with_its_label(page: str) -> None:
    """Read alone, "922" had no words to match: "not in the record" (exit 1), though the record holds it."""
    from analysis.factcheck.scan import scan_text
    from tests.scanned import DEFAULT

    [figure] = scan_text(page, DEFAULT)["figures"]
    assert figure["status"] != "not in the record" and figure["measure_guess"] == "cse_flagged_crimes"


@pytest.mark.parametrize("page", [
    "<p>The weather was mild.</p><p>922</p><p>Trains ran late.</p>",  # neighbours that name nothing
    f"<p>922 people attended.</p><p>{LABEL}</p>",  # not alone: its own sentence's words count
])
def test_a_figure_with_no_label_or_its_own_words_is_matched_as_before(page: str) -> None:
    from analysis.factcheck.scan import scan_text
    from tests.scanned import DEFAULT

    assert [f["status"] for f in scan_text(page, DEFAULT)["figures"]] == ["not in the record"]


# --- a PDF's two columns as `pdftotext -layout` prints them ---------------------------------------------------------

#: A two-column page as `pdftotext -layout` prints it: each line holds a line of both columns, the right one starting
#: at one place (a character either side, in a proportional font), a heading across both.
TWO_COLUMNS = """                      Child sexual exploitation in London: annual report

Exploitation in London                           Helpline

The Met recorded 922 crimes connected            The charity said its helpline
with child sexual exploitation in 2016,          answered 3,400 calls from young
up from 671 the year before. Officers           people in the year, and referred
said more victims were coming forward.            560 of them to the police.
\f"""


def test_a_pdfs_two_columns_are_read_one_after_the_other() -> None:
    """Read line by line across both columns, the sentence of 922 was "The Met recorded 922 crimes connected The
    charity said its helpline with child sexual exploitation in 2016, answered 3,400 calls from young up from 671
    …", and 3,400 (helpline calls) "looked like" the Met's crimes."""
    text = to_text(TWO_COLUMNS)
    assert ("The Met recorded 922 crimes connected with child sexual exploitation in 2016, up from 671 the year "
            "before.") in text
    assert ("The charity said its helpline answered 3,400 calls from young people in the year, and referred 560 of "
            "them to the police.") in text
    assert text.startswith("Child sexual exploitation in London: annual report")


@pytest.mark.parametrize("text", [
    "Offences by force\nMetropolitan     1,200     1,582\nKent             300       420\n"
    "Essex            250       380\n",
    "Force          Lead officer       Status\nMetropolitan   Jane Doe           Open\nKent           "
    "John Doe           Closed\nEssex          Jane Roe           Open\n",
    "Summary   The Met recorded 922 crimes.\nNotes     None.\nSource    Metropolitan Police.\n",
], ids=["figures", "words", "labels"])
def test_a_table_laid_out_with_spaces_is_read_row_by_row_as_before(text: str) -> None:
    from analysis.factcheck.scan_text import _columns_apart

    assert _columns_apart(text) == text


# --- a Google Docs draft exported as a web page: its comment threads --------------------------------------------

DRAFT = ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
         '.c1{font-size:11pt}</style></head><body class="c5 doc-content"><p class="c3"><span class="c1">The Met '
         "recorded 922 crimes connected with child sexual exploitation in 2016.</span><sup><a href=\"#cmnt1\" "
         'id="cmnt_ref1">[a]</a></sup></p>{comments}</body></html>')
COMMENTS = [
    # as Docs exports it now
    '<div style="border:1px solid black;margin:5px"><p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span '
    'class="c1">Jane Doe: the bulletin says 1,100 &ndash; check table 3, and is it 12% or 14%?</span></p></div>',
    # as it exported it before (a name too), with a reply and an assignment
    '<div class="c25">\n<p class="c3"><a href="#cmnt_ref1" id="cmnt1" name=\n"cmnt1">[a]</a><span class="c4">'
    "Is 1,100 right?</span></p>\n<p class=\"c3\"><span class=\"c4\">It was 1,150 in the first release.</span></p>\n"
    '<p class="c3"><span class="c4">_Assigned to Jane Doe_</span></p>\n</div>',
]


@pytest.mark.parametrize("comments", COMMENTS, ids=["now", "before"])
def test_a_google_docs_drafts_comments_are_not_read_as_its_figures(comments: str) -> None:
    """The editors' notes at the draft's end were read as the article: 1,100 (and 1,150) not in the record, "12% or
    14%" a part not read, exit 1, for a draft whose one figure is in the record."""
    assert read(DRAFT.replace("{comments}", comments)) == (FIGURE_922, [])


def test_a_box_that_only_links_to_a_comment_mark_elsewhere_is_still_read() -> None:
    box = '<div><p><a href="#cmnt_ref1x">see</a> 1,100 cases</p></div><div><p>Note <a href="#cmnt_ref1">[a]</a></p>'
    assert [f[0] for f in read(DRAFT.replace("{comments}", box))[0]] == ["922", "1,100"]


#: A Word document with a comment, saved as a web page (Word's full HTML, its comment list as Word writes it).
WORD_DRAFT = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40"><head><meta name=Generator content="Microsoft Word 15"></head><body lang=EN-GB>
<div class=WordSection1><p class=MsoNormal>The Met recorded 922 crimes connected with child sexual exploitation in
2016.<span class=MsoCommentReference><span style='mso-special-character:comment'>&nbsp;<![if !supportAnnotations]><a
href="#_msocom_1" language=JavaScript id="_anchor_1" class=msocomanchor name="_msoanchor_1">[JD1]</a><![endif]></span>
</span></p></div>
<div style='mso-element:comment-list'><![if !supportAnnotations]>
<hr class=msocomoff align=left size=1 width="33%">
<![endif]>
<div style='mso-element:comment'><![if !supportAnnotations]>
<div id="_com_1" class=msocomtxt language=JavaScript onmouseover="msoCommentShow('_anchor_1','_com_1')"
onmouseout="msoCommentHide('_com_1')"><![endif]>
<div><![if !supportAnnotations]><a name="_msocom_1"></a><![endif]><span style='mso-comment-author:"Jane Doe"'></span>
<p class=MsoCommentText><span class=MsoCommentReference><span style='font-size:8.0pt'><span
style='mso-special-character:comment'>&nbsp;</span></span></span>The bulletin says 1,100: check table 3, 12% or
14%?</p></div>
<![if !supportAnnotations]></div>
<![endif]></div>
</div>
</body></html>"""


@pytest.mark.parametrize("page", [WORD_DRAFT, WORD_DRAFT.replace("style='mso-element:comment-list'", "")],
                         ids=["list", "comment-box"])
def test_a_word_drafts_comments_are_not_read_as_its_figures(page: str) -> None:
    assert read(page) == (FIGURE_922, [])


# --- Hansard's references, and other numbers that name, not count -------------------------------------------------

#: A debate copied from Hansard: a time, a member and a question's number, its column marks and citations.
HANSARD = """2.30 pm

Jane Doe (Evil Example North) (Lab)

1. What steps the Government are taking to tackle child sexual exploitation. [909123]

The Minister for Safeguarding (Jane Roe)

The Met recorded 922 crimes connected with child sexual exploitation in 2016.[Official Report, 14 March 2017; Vol. 623,
c. 456.]

14 Mar 2017 : Column 457

HC Deb 14 March 2017 vol 623 cc456-7
"""


def test_hansards_columns_are_references_not_figures() -> None:
    """"c. 456" was "about 456", "Column 457" the count 457 and the "7" of "cc456-7" a part not read (exit 1), on a
    page whose one figure is in the record."""
    assert read(HANSARD) == (FIGURE_922, [])


@pytest.mark.parametrize("sentence", [
    "In wave 3 of the survey, 922 adults took part.", "In phase 2 of the inquiry, 922 people gave evidence.",
    "The Met is in Stage 2 of the process, with 922 cases.", "Pupils in Years 7 to 11, 922 of them, took part.",
])
def test_a_wave_a_phase_a_stage_or_school_years_are_no_figures(sentence: str) -> None:
    assert [f[0] for f in read(sentence)[0]] == ["922"]


@pytest.mark.parametrize(("sentence", "figures"), [
    ("There were c. 456 cases.", ["c. 456"]),  # "c." alone is still "about"
    ("At this stage 12 children were seen.", ["12"]),  # a stage in lower case is a word
    ("Over the years 12 children were seen.", ["12"]),
])
def test_circa_and_words_before_a_count_still_read_the_count(sentence: str, figures: list[str]) -> None:
    assert [f[0] for f in read(sentence)[0]] == figures


#: Subtitles as Timed Text (EBU-TT-D, as the BBC's are): each <p> a cue, a <br/> a line of it.
TTML = """<?xml version="1.0" encoding="utf-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:timeBase="media" ttp:cellResolution="50 30" xml:lang="en-GB">
<head><styling><style xml:id="s0" tts:fontSize="100%"/></styling><layout><region xml:id="r0" tts:origin="10% 80%"/>
</layout></head><body><div>
<p begin="00:00:01.000" end="00:00:04.200" region="r0"><span>The Met recorded 922 crimes</span><br/><span>connected
with child sexual exploitation.</span></p>
<p begin="00:00:04.500" end="00:00:07.800" region="r0">That was up from<br/>1,200 the year before.</p>
</div></body></tt>
"""


@pytest.mark.parametrize("name", ["episode.ttml", "episode.dfxp", "episode.xml", "-"])
def test_timed_text_subtitles_are_read_as_their_viewer_reads_them(name: str) -> None:
    """Read as XML, each line and cue was a paragraph: "1,200 the year before." without "That was up from"; named
    .ttml, it was read as HTML (`<tt>`, teletype text)."""
    from analysis.factcheck.scan_input import xml_by_name

    text = to_text(decode_article(TTML.encode("utf-8"), xml=xml_by_name(name) if name != "-" else None))
    assert "The Met recorded 922 crimes connected with child sexual exploitation." in text
    assert "That was up from 1,200 the year before." in text


#: A JSON Feed as jsonfeed.org's specification writes one (version 1.1), with an extension's comment count.
JSON_FEED = """{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Evil Example News",
  "home_page_url": "https://evil.example/",
  "items": [
    {
      "id": "4521",
      "url": "https://evil.example/2017/03/14/referrals/",
      "title": "Referrals rose",
      "content_html": "<p>The Met recorded 922 crimes connected with child sexual exploitation.<\\/p>",
      "date_published": "2017-03-14T09:00:00+00:00",
      "authors": [{"name": "Jane Doe", "url": "https://evil.example/jane"}],
      "_comments": {"count": 37}
    }
  ]
}"""


def test_a_json_feed_is_read_as_its_reader_shows_it() -> None:
    """Read as text, the item's id 4521 and its comment count 37 were figures not in the record (exit 1)."""
    assert read(decode_article(JSON_FEED.encode("utf-8"), xml=None)) == (FIGURE_922, [])


@pytest.mark.parametrize("data", [
    '{"version": "https://jsonfeed.org/version/1.1", "items": 5, "title": "The Met recorded 922 crimes connected '
    'with child sexual exploitation"}',
    '{"version": "https://jsonfeed.org/version/1", "items": [1, "x", {"authors": 3, "summary": "The Met recorded '
    '922 crimes connected with child sexual exploitation"}]}',
])
def test_a_json_feed_of_odd_shape_is_read_without_a_traceback(data: str) -> None:
    assert read(decode_article(data.encode("utf-8"), xml=None)) == (FIGURE_922, [])


def test_a_broken_json_feed_is_refused() -> None:
    from analysis.factcheck.scan_input import InputRefused

    with pytest.raises(InputRefused, match="not valid JSON"):
        decode_article(b'{"version": "https://jsonfeed.org/version/1.1", "items": [', xml=None)
