"""Issue 24, round twenty-one, helper r21c: the document side of scan (the shapes an article arrives in: Markdown,
HTML, the text a reader sees), each failure fixed by class."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_text import to_text
from tests.scanned import read


@pytest.mark.parametrize("article", [
    "Police recorded 1,582 offences.\n\n<!-- draft: 9,999 -->\n\nThe force said 2,409 were referred.",
    "Police recorded 1,582 <!-- was 9,999 in the first draft --> offences. The force said 2,409 were referred.",
    "Police recorded 1,582 offences.\n<!--\nTODO check 9,999\n-->\nThe force said 2,409 were referred.",
    "Police recorded 1,582 offences.<!---->The force said 2,409 were referred. <!-- 9,999 --!>",
])
def test_an_html_comment_in_markdown_is_not_read(article: str) -> None:
    """A Markdown renderer passes a comment through as HTML, so no reader sees it; a writer's note in one was read as
    a figure of the article (the same comment in a page was already dropped)."""
    figures, _ = read(article)
    assert [f[0] for f in figures] == ["1,582", "2,409"]
    assert "9,999" not in to_text(article)


def test_a_comment_that_never_ends_in_prose_is_still_read() -> None:
    """An inline "<!--" nothing closes is shown as text by a Markdown renderer: its figures are read, not hidden."""
    figures, _ = read("Police recorded 1,582 offences. <!-- The force said 2,409 were referred.")
    assert [f[0] for f in figures] == ["1,582", "2,409"]
