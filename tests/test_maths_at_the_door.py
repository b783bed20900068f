"""TeX in record text is refused at the door. Every output marks record text as not maths (round 40's
NO_MATHS_CLASSES), but a copy pasted where that mark is lost (a CMS that strips the block, a site loading KaTeX's
auto-render, `scan --md` in a draft) typesets `\\(…\\)`, and `\\href{javascript:…}` there made a link that ran
script. No printed statistic needs a backslash command or `$$`."""

from __future__ import annotations

import pytest

from analysis.paths import Paths
from analysis.record.hygiene import text_problem


@pytest.mark.parametrize(("text", "shown"), [
    (r"HMICFRS \(\href{javascript:alert(1)}{report}\)", "'\\\\('"),
    (r"\href{javascript:alert(1)}{report}", "'\\\\href'"),
    (r"a share of \[ 50\% \]", "'\\\\['"),
    ("$$1,200$$ cases", "'$$'"),
])
def test_tex_in_record_text_is_refused_naming_what_and_where(text, shown):
    problem = text_problem(text)
    assert problem is not None and problem.startswith(f"holds {shown} at character ")
    assert "typesets maths" in problem


@pytest.mark.parametrize("text", ["costs $5 to $10", "£5m (about $6m)", "1,200 cases (42%)", "a/b and c/d"])
def test_money_and_plain_text_pass(text):
    assert text_problem(text) is None


def test_a_typed_search_is_not_refused_for_a_backslash():
    """A query typed on the command line is the user's, never published: it is searched for, not refused."""
    assert text_problem(r"C:\data", typed=True) is None


def test_validate_refuses_a_claim_note_holding_tex_with_its_id(real_copy: Paths):
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw

    path = real_copy.raw / "claims.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  note: The story says the reporter sent Freedom of Information requests"
    assert marker in text
    path.write_text(text.replace(marker, marker.replace("The story", r"\(\href{javascript:alert(1)}{x}\) The story")),
                    encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        load_raw(real_copy)
    assert ("data/raw/claims.yaml:id=mylondon-2025-10-grooming-gangs/claim-32-boroughs: note holds '\\\\(' at "
            "character 1") in str(raised.value)
