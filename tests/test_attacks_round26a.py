"""Issue 24, round twenty-six, helper r26a (class 1, markup; class 5, exports): what a fresh attack found, each
pinned by a test that fails without its fix."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

# --- A source's address in Markdown is the address the record has (class 1) ----------------------------------------


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value or "" for name, value in attrs if tag == "a" and name == "href"]


def _hrefs(page: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(page)
    return parser.hrefs


@pytest.mark.parametrize("url", [
    "https://hmicfrs.justiceinspectorates.gov.uk?cat=cause-of-concern&force=any&month=2025-02",  # in the record
    "https://www.gov.uk/search/all?keywords=cse&amp;page=2",  # copied from a page's source
    "https://www.gov.uk/a?x=1&#38;y=2",
    "https://www.gov.uk/a?x=1&lt;y=2&copy;=3",
])
def test_a_source_link_in_markdown_goes_where_the_html_page_links(url: str) -> None:
    """Markdown readers decode character references in a link's address: a source address holding "&amp;" (a
    contributor's copy from a page's source, which `validate` accepts) linked ".../all?keywords=cse&page=2" from
    factcheck.md as GitHub shows it, and ".../all?keywords=cse&amp;page=2" from factcheck.html and the workbook."""
    import markdown_it

    from analysis.factcheck.render import html_environment, markdown_environment
    from analysis.record.hygiene import is_web_url

    assert is_web_url(url)
    source = {"title": "Jane Doe's report", "url": url}
    # As factcheck.md.j2 and factcheck.html.j2 write a source's link.
    written = markdown_environment().from_string("- {{ md_link(s.title, s.url) }}").render(s=source)
    page = markdown_it.MarkdownIt().render(written)  # CommonMark, as GitHub's cmark-gfm reads it (checked by hand)
    assert _hrefs(page) == [url], (written, page)
    page = html_environment().from_string('<a href="{{ s.url }}">{{ s.title }}</a>').render(s=source)
    assert _hrefs(page) == [url]


# --- The site address every absolute link starts from names a folder, not a page (class 5) --------------------------


@pytest.mark.parametrize("address", ["https://news.example.org/cse/index.html", "https://news.example.org/cse/factcheck.html",
                                     "https://news.example.org/graphics/Default.aspx/"])
def test_a_site_address_naming_a_page_is_refused(address: str, capsys: pytest.CaptureFixture) -> None:
    """The address a browser shows for the published gallery ("…/cse/index.html"), given as CSE_SITE_URL, was read
    as the folder "…/cse/index.html/": every ClaimReview url ("…/index.html/factcheck.html#claim-…") and every
    address in the gallery's embed code pointed to pages and charts that are not there, and `make` said nothing."""
    import argparse

    from analysis.factcheck import report
    from analysis.paths import PROJECT_ROOT
    from analysis.record.hygiene import SiteUrlError, checked_site_url

    with pytest.raises(SiteUrlError, match="names a page"):
        checked_site_url(address)
    assert report.run(argparse.Namespace(root=str(PROJECT_ROOT), site_url=address)) == 2
    assert "https://news.example.org/" in capsys.readouterr().err  # the folder to give instead


@pytest.mark.parametrize("address", ["https://news.example.org/cse", "https://news.example.org/cse/v1.2/",
                                     "https://news.example.org/projects/cse.figures/"])
def test_a_site_address_naming_a_folder_is_taken(address: str) -> None:
    from analysis.record.hygiene import checked_site_url

    assert checked_site_url(address) == address.rstrip("/") + "/"
