"""Round 39, helper b: markup (class 1), one reading of characters (class 4) and exports (class 5), with inputs
earlier rounds did not try."""

from __future__ import annotations

import pytest

# --- a line break inside a field is read as the space it stands for by the personal-data check -------------------

_NOTES = ("  notes: Date taken from the URL path (embargoed story for the report published 25 November 2016). The HMIC "
          "report\n    itself")
_REST = " The HMIC report itself"
_ROW = ("standard-2016-cse-referrals/cse-referrals-2015,cse_referrals,Referrals of suspected child sexual exploitation "
        "to the Met,")


@pytest.mark.parametrize(("name", "old", "new", "field", "kind"), [
    # a note written as a YAML literal block, hard-wrapped where the editor's line ended
    ("sources.yaml", _NOTES, "  notes: |-\n    Asked Jane Doe, born\n    12/03/2009, about the report." + _REST,
     "notes", "a date of birth"),
    ("sources.yaml", _NOTES, "  notes: |-\n    Her birthday is\n    12 March; about the report." + _REST,
     "notes", "a date of birth"),
    ("sources.yaml", _NOTES, "  notes: |-\n    She was born at Royal\n    Oldham Hospital on 12/03/2009." + _REST,
     "notes", "a date of birth"),
    # a CSV cell with a line break typed in it (Excel's Alt+Enter)
    ("figures/standard-2016-cse-referrals.csv", _ROW,
     _ROW.replace("Referrals", '"A 14-year-old\nJane Doe gave evidence on referrals', 1).replace("Met,", 'Met",'),
     "subject",
     "a person's name and age"),
])
def test_personal_data_wrapped_over_two_lines_is_refused(tmp_path, name: str, old: str, new: str, field: str,
                                                          kind: str) -> None:
    """The same words on one line were refused; with a line break between "born" and the date (or "14-year-old" and
    the name) `validate` passed them, as the patterns read "\\n" as the end of a clause."""
    from tests.raw_copy import refusal

    assert f"{field} seems to contain {kind}; the project holds no personal data" in refusal(tmp_path, (name, old, new))


def test_a_blank_line_and_the_field_break_still_part_texts() -> None:
    """A wrap is one line break with text on both sides; a paragraph break and the join between two fields are not."""
    from analysis.record.safeguarding import _FIELD_BREAK, personal_data_in

    assert personal_data_in("Jane Doe, born\n12/03/2009") == ["a date of birth"]
    assert personal_data_in(f"Children born{_FIELD_BREAK}12/03/2009") == []
    assert personal_data_in("Children born\n\n12 March 2024: the report") == []


# --- Markdown's emphasis marks are read as a reader of the Markdown sees them by the personal-data check ----------

_CLAIM_NOTE = "- id: claim-aol-2016-three-quarters\n  claimant: PA Media\n"


@pytest.mark.parametrize(("new", "kind"), [
    ("PA Media\n  # (a note pasted from a notes app)\n", None),  # a control: a comment without personal data passes
    ("'PA Media, with **Jane Doe**, 14, from Leeds'\n", "a person's name and age"),
    ("'PA Media, with Jane Doe, *14*, from Leeds'\n", "a person's name and age"),
    ("'PA Media (07700 *900123*)'\n", "a phone number"),
    ("'PA Media (`07700 900123`)'\n", "a phone number"),
    # a link, which a reader of the Markdown sees as its text
    ("'PA Media, with [Jane Doe](https://example.org/jd), 14, from Leeds'\n", "a person's name and age"),
    ("'PA Media (call [07700](https://example.org/c) 900123)'\n", "a phone number"),
])
def test_personal_data_inside_markdown_emphasis_is_refused(tmp_path, new: str, kind: str | None) -> None:
    """"Jane Doe, *14*, from Leeds", "07700 *900123*" and "[Jane Doe](https://…), 14," passed `validate` where the
    same words as a reader of the Markdown sees them were refused: the patterns read the marks and the link's
    address as characters between the name and the age, or inside the number."""
    from analysis.paths import Paths
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy, refusal

    edit = ("claims.yaml", _CLAIM_NOTE, _CLAIM_NOTE.replace("PA Media\n", new))
    if kind is None:
        load_raw(Paths(raw_copy(tmp_path, edit)))
    else:
        assert f"claimant seems to contain {kind}; the project holds no personal data" in refusal(tmp_path, edit)


def test_marks_inside_words_and_figures_are_no_emphasis() -> None:
    """The "_" of an id or an e-mail address, and a footnote's "*" after a figure, are left as they are."""
    from analysis.record.safeguarding import personal_data_in

    assert personal_data_in("jane_doe@example.com") == ["an e-mail address"]
    assert personal_data_in("Figures for 2019* (provisional), West Yorkshire, 14, and Kent, 12") == []
    assert personal_data_in("cse_referrals 2015 and 2016") == []


# --- a note wrapped over comment lines is read as one note ----------------------------------------------------------


@pytest.mark.parametrize(("new", "kind"), [
    ("# Asked Jane Doe, born\n# 12/03/2009, about the counts.\n", "a date of birth"),
    ("# Counts confirmed by phone with Jane Doe on 07700\n#   900123 (press office).\n", "a phone number"),
])
def test_personal_data_wrapped_over_comment_lines_is_refused(tmp_path, new: str, kind: str) -> None:
    """Each comment line was read alone, so a note wrapped by hand over two comment lines passed `validate` with a
    date of birth or a phone number split between them."""
    from tests.raw_copy import refusal

    edit = ("gaps.yaml", "# Figures looked for and not found", new + "# Figures looked for and not found")
    assert (f"data/raw/gaps.yaml:line 1: a comment seems to contain {kind}; the project holds no personal data"
            in refusal(tmp_path, edit))


def test_comments_after_values_on_consecutive_lines_stay_apart() -> None:
    """Comments after two entries' values are notes on each entry, never one note; whole-line comments parted by a
    blank line are two notes."""
    from analysis.record.sources import _personal_data_outside_values

    assert _personal_data_outside_values("- id: a  # children born\n- id: b  # 12 March 2024: the report\n") == []
    assert _personal_data_outside_values("# Children born\n\n# 12 March 2024: the report\n- id: a\n") == []
    assert _personal_data_outside_values("# Children born\n# 12 March 2024\n- id: a\n") == [(1, "a date of birth")]
