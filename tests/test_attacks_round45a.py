"""Issue 24, round forty-five, helper r45a: scan (class 3) on what a reporter has beside the story itself: a police
appeal's boilerplate, an FOI reply, a written parliamentary answer, a judgment and the law it cites, a report's list
of references, a press office's e-mail signature, a court report's defendants, a thread copied from a social
network, a press release's notes, a text browser's dump, an Evernote export, a Kindle's clippings and a link saved
to the desktop. Each number there names a law, a case, a paper, a file, a person's age or a post's place, and was
read as a count not in the record (or "in" it), as "about" a figure, or listed to check by hand (exit 1); a
saved link was read as the article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_input import InputRefused, decode_article, xml_by_name
from analysis.paths import DEFAULT
from tests.scanned import read

SENTENCE_922 = "The Metropolitan Police recorded 922 crimes connected with child sexual exploitation in 2016."
FIGURE_922 = [("922", 922.0, "count", "exact")]


def _kinds(text: str) -> list[tuple[str, str]]:
    """What scan sets aside in `text`, as (printed, kind)."""
    return [(item["text"], item["kind"]) for item in scan_text(text, DEFAULT)["left_out"]]


# --- the law, a judgment, a report's references -----------------------------------------------------------------


def test_a_laws_sections_and_subsections_are_references() -> None:
    """"section 47(1)" left "(1)" the count 1; "s. 15A", "ss. 1-3", "Sch. 2", "r. 12" and "reg. 12(3)" each ended a
    sentence at their stop, the number a count (or "1-3" a range) alone in the next; "CPR 31.16" was the count
    31.16; "Act 2003 (c. 42)" was "about 42"; "SI 2017/1234" a number no form reads (exit 1)."""
    for text in ("Under section 47(1) of the Children Act 1989 and section 17(1)(b), councils must act.",
                 "The Children Act 1989, s.47(1), applies.", "Under s. 15A and ss. 1-3 of the Act, and Sch. 2, "
                 "para 3, courts may act.", "Under r. 12 and reg. 12(3) of the rules, and CPR 31.16, it is ordered.",
                 "The Sexual Offences Act 2003 (c. 42) applies.", "The regulations (SI 2017/1234) apply.",
                 "The MPS relies on Section 30(3) and Section 31(3) of the Act."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text


def test_a_courts_citation_is_a_reference() -> None:
    """A neutral citation's or a law report's number, "[2017] EWCA Crim 1234", "[2019] EWHC 2345 (Fam)", "[2018]
    UKSC 12", "[2017] 1 WLR 123", was a count not in the record."""
    for text in ("In R v Doe [2017] EWCA Crim 1234 the court set out the approach.",
                 "Doe v Evil Council [2019] EWHC 2345 (Fam) concerned the council's duty.",
                 "See also [2018] UKSC 12 and [2017] 1 WLR 123."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text


def test_a_papers_citation_is_a_reference() -> None:
    """A report's list of references: "doi:10.1016/…" was the count 10.1016, a journal's "12(3), 45–67" the count 12
    and a range, "9(2): 101–115" the count 9 and a range, "67, 123-134. doi:…" the count 67 and a range."""
    references = ("References\n\nDoe, J. (2017) Child sexual exploitation in London. Child Abuse & Neglect, 67, "
                  "123-134. doi:10.1016/j.chiabu.2017.03.012\n\nDoe, J. and Roe, R. (2016). Referrals and outcomes. "
                  "Journal of Social Work, 12(3), 45–67. https://doi.org/10.1177/1468017316654321\n\nRoe, R. (2015) "
                  "Policing exploitation. Policing: A Journal of Policy and Practice 9(2): 101–115.\n")
    assert read(f"{SENTENCE_922}\n\n{references}") == (FIGURE_922, [])


def test_a_figure_beside_a_citations_shape_is_still_read() -> None:
    # the guards: a count after a year and a range with no DOI after it; "c." a circa after a year that is no Act's;
    # a possessive's "s" before a number; a count with thousands commas after "Ref"
    assert read("In 2014, 67, 123-134 were recorded.")[0] == [("67", 67.0, "count", "exact")]
    assert read("In 2016 c. 1,200 children were referred.")[0] == [("c. 1,200", 1200.0, "count", "about")]
    assert read("It was Jane Doe's. 12 more were found.")[0] == [("12", 12.0, "count", "exact")]
    assert read("Ref 1,200 offences were recorded.")[0] == [("1,200", 1200.0, "count", "exact")]
    assert read("Officers searched 12 rooms and 3 floors.")[0] == [("12", 12.0, "count", "exact"),
                                                                  ("3", 3.0, "count", "exact")]


# --- what a reporter is sent: an appeal, an FOI reply, a written answer, a press office's e-mail -------------------


def test_a_police_appeals_numbers_are_no_figures() -> None:
    """The Met's appeal, "call police on 101 quoting CAD 1234/14Mar17": 101 was a count not in the record and 1234 a
    number no form reads (exit 1)."""
    appeal = ("Anyone with information is asked to call police on 101 quoting CAD 1234/14Mar17, or tweet @MetCC. "
              "Alternatively, contact Crimestoppers anonymously on 0800 555 111. You can also contact officers via "
              "101 and quote crime reference number 4701234/17.")
    assert read(f"{SENTENCE_922}\n\n{appeal}") == (FIGURE_922, [])
    # the guard: a count of occasions after the words that dial
    assert read("Police contacted families on 111 occasions.")[0] == [("111", 111.0, "count", "exact")]


def test_an_foi_replys_and_a_written_answers_references_are_no_figures() -> None:
    """An FOI reply's "Reference No: 01.FOI.17.012345" left "01" a number no form reads (exit 1); a written
    question's "UIN 67890, tabled on 14 March 2017" was the count 67,890."""
    reply = "Freedom of Information Request Reference No: 01.FOI.17.012345\n\n" + SENTENCE_922
    assert read(reply) == (FIGURE_922, [])
    # ("Request number: 2017/123" left "123" a number no form reads)
    assert read(f"Request number: 2017/123. Our ref: FOI/17/0123. {SENTENCE_922}") == (FIGURE_922, [])
    assert read("The case number 1,200 was high.")[0] == [("1,200", 1200.0, "count", "exact")]
    answer = "Child Sexual Exploitation: Crime\nQuestion for Home Office\nUIN 67890, tabled on 14 March 2017\n\n"
    assert read(answer + SENTENCE_922) == (FIGURE_922, [])


def test_an_e_mail_signatures_lines_are_no_figures() -> None:
    """A press office's reply: "Ext: 61212" was the count 61,212 and "Room 5.12" the count 5.12."""
    mail = (f"Hi,\n\n{SENTENCE_922}\n\nKind regards,\nJane Doe\nPress Officer | Evil Police\n"
            "Tel: 020 7230 1212 | Ext: 61212 | Mob: 07700 900123\nRoom 5.12, 8 Evil Street, London\nFloor 3\n")
    assert read(mail) == (FIGURE_922, [])


def test_a_defendants_age_in_a_court_report_is_no_figure() -> None:
    """"Jane Doe, 34, of Anytown, was jailed" and "John Roe, 41, and Jim Poe, 29, both of Anytown" read each age as
    a count not in the record (exit 1)."""
    report = ("Jane Doe, 34, of Anytown, was jailed for 12 years. John Roe, 41, and Jim Poe, 29, both of Anytown, "
              "were each jailed for eight years. Jane Roe, 52, was sentenced on Tuesday.")
    assert read(f"{SENTENCE_922} {report}") == (FIGURE_922, [])
    assert ("Jane Doe, 34,", "age") in _kinds(report)
    # the guard: counts after two-word places, and "both of which"
    assert read("Referrals were highest in Tower Hamlets, 34, and Waltham Forest, 29, both of which are in London.")[
        0] == [("34", 34.0, "count", "exact"), ("29", 29.0, "count", "exact")]


# --- lists and threads ------------------------------------------------------------------------------------------


def test_a_list_after_a_heading_line_keeps_its_numbers_as_marks() -> None:
    """"Notes to editors" on its own line, then "1. The Met…": the line was joined to the list's first item, whose
    "1." was a count not in the record; so with a <br> between them in a page."""
    notes = f"Notes to editors\n1. {SENTENCE_922}\n2. Referrals are counted by force.\n3. Call the press bureau."
    assert read(notes) == (FIGURE_922, [])
    assert read(f"<p>Notes to editors<br>1. {SENTENCE_922}<br>2. See our website.</p>") == (FIGURE_922, [])


def test_a_sentence_wrapped_before_its_last_number_is_still_one_sentence() -> None:
    # the guard: a long line wrapped at a width, the sentence's last number on the next line
    text = ("The number of boroughs affected by exploitation in London rose sharply to\n12. Officers said the "
            "figure was a record high for the force.\n")
    assert read(text)[0] == [("12", 12.0, "count", "exact")]


def test_a_text_browsers_list_of_links_is_no_figures() -> None:
    """`lynx -dump` writes a page's links as "References" then "1. https://…" a line each: each number was a count not
    in the record."""
    dump = (f"   {SENTENCE_922}\n\n   Read the [6]full report.\n\nReferences\n\n"
            + "".join(f"   {n}. https://news.example.org/{n}\n" for n in range(1, 7)))
    assert read(dump) == (FIGURE_922, [])


def test_a_threads_post_numbers_are_no_figures() -> None:
    """A thread copied from X: "1/ The Met…" was the count 1, "in the record", and "2/" the count 2; "(3/5)",
    "4/5:", "🧵 5/5", "(1/3)" and "[3/3]" fractions to check by hand (exit 1)."""
    thread = (f"Jane Doe\n@janedoe\n·\n14h\n1/ {SENTENCE_922}\n12:34 PM · Mar 14, 2017\n\nJane Doe\n@janedoe\n·\n14h\n"
              "2/ Referrals are counted by force 🧵\n\n(3/5) More to follow.\n\n4/5: More.\n\n🧵 5/5\n")
    assert read(thread) == (FIGURE_922, [])
    assert read(f"{SENTENCE_922[:-1]} (1/3)\n\nMore to follow [3/3]\n") == (FIGURE_922, [])
    # the guard: a fraction in prose
    assert read("About two-thirds (2/3) of cases were closed.")[1] != []


# --- an Evernote export, a Kindle's clippings, a link saved as a file -------------------------------------------


#: An Evernote export (its web clipper's note), as the ENEX format (evernote-export3.dtd) writes it.
ENEX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export3.dtd">
<en-export export-date="20170314T100000Z" application="Evernote" version="Evernote Mac 6.10 (454269)">
  <note>
    <title>Police figures</title>
    <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
<en-note><div>{sentence}</div><div style="display:none">Draft 9,999</div></en-note>]]></content>
    <created>20170314T100000Z</created>
    <updated>20170314T100500Z</updated>
    <note-attributes><latitude>51.50735</latitude><longitude>-0.12776</longitude><altitude>12</altitude>
      <author>Jane Doe</author><source>web.clip7</source><source-url>https://news.example.org/figures</source-url>
    </note-attributes>
    <resource><data encoding="base64">iVBORw0KGgo=</data><mime>image/png</mime><width>640</width>
      <height>480</height></resource>
  </note>
</en-export>
"""


@pytest.mark.parametrize("name", ["clips.enex", "clips.txt"])
def test_an_evernote_export_is_read_as_its_notes(name: str) -> None:
    """Read as HTML, an .enex gave its clip's place (51.50735, "-0.12776"), altitude (12), clipper's version (7) and
    image size ("640 480") as figures and parts not read (exit 1)."""
    text = decode_article(ENEX.format(sentence=SENTENCE_922).encode("utf-8"), xml=xml_by_name(name))
    assert read(text) == (FIGURE_922, [])


def test_a_kindles_clippings_locations_are_references() -> None:
    """"Location 1234-1236" in a Kindle's "My Clippings.txt" was listed as a range to check by hand (exit 1)."""
    clip = ("Jane Doe's book (Evil Press)\n- Your Highlight on page 45 | Location 1234-1236 | Added on Tuesday, "
            f"14 March 2017 10:02:03\n\n{SENTENCE_922}\n==========\n")
    assert read(clip) == (FIGURE_922, [])


@pytest.mark.parametrize("content", [
    "[InternetShortcut]\r\nURL=https://news.example.org/figures\r\nIDList=\r\nHotKey=0\r\nIconIndex=0\r\n",
    "[Desktop Entry]\nEncoding=UTF-8\nName=Police figures\nType=Link\nURL=https://news.example.org/figures\n"])
def test_a_link_saved_as_a_file_is_refused(content: str, tmp_path: Path, capsys: Any) -> None:
    """A link dragged to a Windows desktop (`.url`) gave the figures 0 and 0 and parts not read; a Linux desktop's
    link "0 figures found", exit 0: neither said the article was not there."""
    with pytest.raises(InputRefused, match="a link to a page"):
        decode_article(content.encode("ascii"))
    with pytest.raises(InputRefused, match="a link to a page"):  # (saved again by an editor with a byte-order mark)
        decode_article(b"\xef\xbb\xbf" + content.encode("ascii"))
    from tests.scanned import scan_file

    path = tmp_path / "Police figures.url"
    path.write_text(content, encoding="ascii")
    status, figures, err = scan_file(path, capsys)
    assert (status, figures) == (2, []) and "a link to a page" in err


# --- a page's furniture: its attachments' sizes, its "Most read" ranks ------------------------------------------


#: GOV.UK's attachment component (alphagov/govuk_publishing_components, `gem-c-attachment__metadata`), as every
#: publication page lists its documents, and WhatDoTheyKnow's "Download original attachment (PDF, 123K)".
ATTACHMENTS = """<main><p>{sentence}</p>
<section class="gem-c-attachment"><div class="gem-c-attachment__details"><h3 class="gem-c-attachment__title">
<a class="govuk-link" href="/file.pdf">Police recorded crime tables</a></h3>
<p class="gem-c-attachment__metadata"><span class="gem-c-attachment__attribute"><abbr title="Portable Document
Format">PDF</abbr></span>, <span class="gem-c-attachment__attribute">1.18 MB</span>, <span
class="gem-c-attachment__attribute">80 pages</span></p></div></section>
<section class="gem-c-attachment"><div class="gem-c-attachment__details"><h3 class="gem-c-attachment__title">
<a class="govuk-link" href="/t.ods">Data tables</a></h3><p class="gem-c-attachment__metadata"><span
class="gem-c-attachment__attribute"><abbr title="OpenDocument Spreadsheet">ODS</abbr></span>, <span
class="gem-c-attachment__attribute">56.7 KB</span></p></div></section>
<p>Download original attachment (PDF, 123K)</p><p>Full report (PDF file, 2.3MB)</p></main>"""


def test_an_attachments_size_and_length_are_no_figures() -> None:
    """"80 pages" was the count 80, "56.7 KB" the count 56.7 and "123K" the count 123,000 (exit 1)."""
    assert read(ATTACHMENTS.format(sentence=SENTENCE_922)) == (FIGURE_922, [])
    # the guard: a report's length in prose is still read
    assert read("The report ran to 80 pages.")[0] == [("80", 80.0, "count", "exact")]


#: A news page's "Most read" panel, each rank alone above its headline (BBC News's `MostReadRank`, bbc/psammead).
MOST_READ = """<main><article><p>{sentence}</p></article><section aria-labelledby="most-read"><h2 id="most-read">Most
read</h2><ol><li><span>1</span><div><a href="/news/uk-1">Police recorded 1,200 offences, figures show</a></div></li>
<li><span>2</span><div><a href="/news/uk-2">Weather warning for London</a></div></li>
<li><span>3</span><div><a href="/news/uk-3">Council tax to rise</a></div></li></ol></section></main>"""


def test_a_most_read_panels_ranks_are_no_figures() -> None:
    """Each rank was a count; "2" and "3" were "in the record", matched by the headlines' words beside them."""
    assert read(MOST_READ.format(sentence=SENTENCE_922)) == ([*FIGURE_922, ("1,200", 1200.0, "count", "exact")], [])
    # the guard: a key figure alone in its block is still read with its label
    assert read("<div><p>922</p><p>crimes connected with child sexual exploitation in 2016</p></div>")[0] == FIGURE_922


def test_a_number_in_an_official_series_is_a_reference() -> None:
    """"Home Office Statistical Bulletin 09/17", "HOSB 05/17", "Circular 012/2017" and "Press release 123/17" were
    fractions to check by hand (exit 1); "PSI 16/2012" and "Notice 23/2017" the counts 16 and 23."""
    for text in ("The figures are in Home Office Statistical Bulletin 09/17.", "See HOSB 05/17 and Home Office "
                 "Circular 012/2017.", "Press release 123/17.", "PSI 16/2012 and PSO 4950 apply; see Notice 23/2017."):
        assert read(f"{SENTENCE_922} {text}") == (FIGURE_922, []), text


def test_an_indictments_counts_named_are_references() -> None:
    """"guilty on counts 2 to 5 and on count 7, and cleared of counts 1, 3 and 6": a range to check by hand and
    the counts 7, 1, 3 and 6 (exit 1)."""
    verdicts = "Jane Doe was found guilty on counts 2 to 5 and on count 7, and cleared of counts 1, 3 and 6."
    assert read(f"{SENTENCE_922} {verdicts}") == (FIGURE_922, [])
    # the guards: counts counted, and "count" the verb
    assert read("She was convicted of 22 counts in all. Police count 12 victims.")[0] == [
        ("22", 22.0, "count", "exact"), ("12", 12.0, "count", "exact")]


# --- a word processor's document saved as one XML file ----------------------------------------------------------


#: Word's "Word XML Document" (Flat OPC: `pkg:package` of the document's parts), with its properties part.
WORD_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml">
<pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>{sentence}</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> Draft 9,999</w:t></w:r></w:p><w:p><w:r><w:t
xml:space="preserve">That was up from </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>618</w:t></w:r><w:del><w:r><w:delText>
1,300</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> in 2014.</w:t></w:r></w:p></w:body></w:document>
</pkg:xmlData></pkg:part><pkg:part pkg:name="/docProps/app.xml"><pkg:xmlData><Properties
xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><TotalTime>12</TotalTime><Pages>1
</Pages><Words>150</Words><Characters>860</Characters><Lines>7</Lines><AppVersion>16.0000</AppVersion></Properties>
</pkg:xmlData></pkg:part></pkg:package>"""

#: LibreOffice's flat ODF text (`.fodt`), with a tracked deletion, a footnote in the line and a comment.
FLAT_ODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><meta:editing-cycles>3</meta:editing-cycles></office:meta>
<office:body><office:text><text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>
<text:p>1,300 crimes</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:p>The Metropolitan Police recorded 922<text:note text:id="ftn1" text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body><text:p>Met data.</text:p></text:note-body></text:note> crimes
connected with child sexual exploitation in 2016.<office:annotation><dc:creator>Jane Doe</dc:creator>
<text:p>check 1,100?</text:p></office:annotation></text:p><text:p>That was up
from<text:s/><text:span>618</text:span> in 2014.</text:p></office:text></office:body></office:document>"""


@pytest.mark.parametrize(("name", "document"), [("draft.xml", WORD_XML), ("draft.fodt", FLAT_ODT)])
def test_a_word_processors_xml_is_read_as_its_paragraphs(name: str, document: str) -> None:
    """Read as any XML, each run was a paragraph ("618" a sentence alone) and the document's properties figures:
    12, 1, 150, 860, 7, 16.0000 and 3, not in the record (exit 1)."""
    text = decode_article(document.format(sentence=SENTENCE_922).encode("utf-8"), xml=xml_by_name(name))
    figures = scan_text(text, DEFAULT)["figures"]
    assert [(f["value_as_printed"], f["sentence"]) for f in figures] == [
        ("922", SENTENCE_922), ("618", "That was up from 618 in 2014.")]
