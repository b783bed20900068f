"""Round 30, helper b: one reading of characters (class 4) and markup (class 1), with the shapes a contributor adding
a new source brings: quotation marks of another outlet's style, currency signs other than the pound, Unicode minus,
fractions, Roman numerals and styled digits."""

from __future__ import annotations

import pytest

# --- search reads a quotation mark inside a query as no part of its word ---------------------------------------------


@pytest.mark.parametrize(("typed", "copied"), [
    # the record prints "making 'serious errors'": another outlet quotes the phrase with double marks
    ("Met Police making serious errors", 'Met Police making "serious errors"'),
    ("Met Police making serious errors", "Met Police making \u201cserious errors\u201d"),
    ("Met Police making serious errors", "Met Police making \u00abserious errors\u00bb"),
    # the record quotes nothing here; a page quotes a phrase inside the words copied
    ("the Met's child protection probes", "the Met\u2019s \u201cchild protection\u201d probes"),
])
def test_search_reads_quotation_marks_inside_a_query_as_no_part_of_a_word(typed: str, copied: str) -> None:
    """A headline copied from another outlet quotes a phrase its own way: "making “serious errors”" was a word
    '"serious' that no cell holds, and search said "0 matches" where the same words without the marks find the
    source, on the record's real rows."""
    from analysis.tables import lookup

    found = [r["id"] for r in lookup.search(typed)]
    assert found != []
    assert [r["id"] for r in lookup.search(copied)] == found


def test_search_keeps_an_apostrophe_inside_a_word() -> None:
    """An apostrophe between two letters is part of its word: "Met's" and "Chiefs' Council" find what they did."""
    from analysis.tables import lookup

    assert lookup._searchable("the Met\u2019s ‘child protection’ probes") == "the met's child protection probes"
    assert len(lookup.search("Chiefs\u2019 Council")) == len(lookup.search("Chiefs' Council")) > 0


# --- an emoji's invisible parts in a record field are named as the emoji ---------------------------------------------


@pytest.mark.parametrize("emoji", ["\u2764\ufe0f", "\U0001f469\u200d\U0001f467", "1\ufe0f\u20e3"])
def test_an_emoji_copied_into_a_claim_is_refused_naming_the_emoji(tmp_path, emoji: str) -> None:
    """A claim copied from a social post brings its emoji: "❤️" is "❤" and the invisible U+FE0F, and the refusal
    named only "an invisible format character (U+FE0F)", a character the contributor cannot see. It still refuses,
    and now names the emoji it is drawn with."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    text = "A review of 374 cases found 278, or three quarters"
    root = raw_copy(tmp_path, ("claims.yaml", f"  text: {text}\n", f"  text: {text} {emoji}\n"))
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    said = str(raised.value)
    assert "text contains an invisible format character (U+" in said
    assert f"part of the emoji drawn from {emoji[0]!r}" in said
    assert "leave the emoji out" in said


def test_an_invisible_character_between_letters_keeps_its_message() -> None:
    from analysis.record.hygiene import text_problem

    problem = text_problem("Metropolitan \u200bPolice") or ""
    assert "invisible format character (U+200B)" in problem
    assert "emoji" not in problem


# --- a publisher's name in its own script is refused as a word of another script -------------------------------------


@pytest.mark.parametrize(("name", "word", "script"), [
    ("Al Jazeera (\u0627\u0644\u062c\u0632\u064a\u0631\u0629)", "\u0627\u0644\u062c\u0632\u064a\u0631\u0629", "ARABIC"),
    ("Xinhua (\u65b0\u534e\u793e)", "\u65b0\u534e\u793e", "CJK"),
    ("Kathimerini (\u039a\u03b1\u03b8\u03b7\u03bc\u03b5\u03c1\u03b9\u03bd\u03ae)",
     "\u039a\u03b1\u03b8\u03b7\u03bc\u03b5\u03c1\u03b9\u03bd\u03ae", "GREEK"),
])
def test_a_publisher_named_in_its_own_script_is_refused_naming_the_word(tmp_path, name: str, word: str,
                                                                        script: str) -> None:
    """A contributor adding a foreign outlet's report copies its name as the outlet prints it. It was refused with
    "a look-alike letter changes what the checks read (type the Latin one)", though no Latin letter looks like
    "ا": the message now names the word and its script and says to write it in Latin letters."""
    from analysis.paths import Paths
    from analysis.record.problems import ValidationError
    from analysis.run.build import load_raw
    from tests.raw_copy import raw_copy

    root = raw_copy(tmp_path, ("sources.yaml", "  producer: Tortoise Media\n", f"  producer: {name}\n"))
    with pytest.raises(ValidationError) as raised:
        load_raw(Paths(root))
    said = str(raised.value)
    assert f"producer contains {word!r}, a word written in another script ({script})" in said
    assert "look-alike" not in said


@pytest.mark.parametrize("look_alike", ["m\u043ere than 1,200", "\u0430 review", "B\u0435aconport"])
def test_a_look_alike_letter_keeps_its_message(look_alike: str) -> None:
    """A Cyrillic letter inside a Latin word, or alone as the article "a", is still a look-alike to type in Latin."""
    from analysis.record.hygiene import text_problem

    assert "look-alike letter changes what the checks read" in (text_problem(look_alike) or "")
