"""Round 24, helper c: one reading of characters (class 4): every place that reads text for a number or for
personal data reads its characters the same way."""

from __future__ import annotations

import pytest


def _scanned(text: str) -> list[tuple[float, str, str]]:
    """The figures scan reads in `text` (value, qualifier, unit)."""
    from analysis.factcheck.scan import scan_text
    from analysis.paths import DEFAULT

    return [(f["value"], f["qualifier"], f["unit"]) for f in scan_text(text, DEFAULT)["figures"]]


def _verify(*args: str) -> str:
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser()
    verify.add_arguments(parser, "verify")
    return verify.evaluate(parser.parse_args(list(args))).verdict


# --- scan decodes every character reference in prose, as the HTML path and the personal-data check do -------------


@pytest.mark.parametrize(("text", "plain"), [
    ("Police recorded 1&#x2c;200 offences.", "Police recorded 1,200 offences."),
    ("Police recorded 1&#X2C;200 offences.", "Police recorded 1,200 offences."),
    ("Police recorded 1.2&#x20;million offences.", "Police recorded 1.2 million offences."),
    ("Police recorded 56&#x25; of offences.", "Police recorded 56% of offences."),
    ("Police recorded 1&ThinSpace;200 offences.", "Police recorded 1\u2009200 offences."),
    ("Call 020&#x20;7946&#x20;0000 for help.", "Call 020 7946 0000 for help."),
    ("Police recorded &#x31;,200 offences.", "Police recorded 1,200 offences."),
])
def test_scan_reads_a_hexadecimal_or_capitalised_character_reference_in_prose_as_its_character(text: str,
                                                                                             plain: str) -> None:
    """A Markdown renderer shows "1&#x2c;200" as "1,200"; scan decoded a prose article's character references only
    when it held a decimal or lower-case named one, so it read the figures 1 and 200, the count 1.2 for "1.2
    million", the count 56 for 56%, and the figure 7946 inside a phone number the record's personal-data check finds
    there. The same text in an HTML page was read right."""
    from analysis.record.safeguarding import personal_data_in

    assert _scanned(text) == _scanned(plain) == _scanned(f"<p>{text}</p>")
    assert personal_data_in(text) == personal_data_in(plain)


def test_a_prose_article_without_a_reference_is_left_as_written() -> None:
    assert _scanned("R&D spent 1,200 on A&E; 56% agreed.") == [(1200.0, "exact", "count"), (56.0, "exact", "percent")]


# --- verify reads an invisible character in --parts and --per as it does in --stated -------------------------------


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff"])
def test_verify_sum_reads_an_invisible_character_inside_a_part_as_a_reader_does(invisible: str) -> None:
    """`--stated "1<ZWSP>,200"` is 1,200 to verify, as to a reader; `--parts "1<ZWSP>,200"` was split at its comma
    into the parts 1 and 200 (the plain "1,200" is refused as reading both ways), and a sum of 1,200 was judged
    inaccurate."""
    from analysis.factcheck.verify import InputError

    for parts in (f"1{invisible},200", f"1,{invisible}200"):
        with pytest.raises(InputError, match="reads as one number with thousands commas"):
            _verify("sum", "--total", "1,200", "--parts", parts)
    assert _verify("sum", "--total", "1,200", "--parts", f"1{invisible},200;0") == "accurate"
    assert _verify("sum", "--total", "135", "--parts", f"10{invisible},64,61") == "accurate"


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060"])
def test_verify_rate_reads_an_invisible_character_in_per_as_in_stated(invisible: str) -> None:
    """`--per "1,000<ZWSP>"` was refused as no number in digits, while the same text in `--stated` is 1,000."""
    assert _verify("rate", "--count", "12", "--population", "1,000", "--per", f"1,000{invisible}",
                   "--stated", f"12 per 1,000{invisible}") == "accurate"


def test_verify_still_refuses_a_bidi_control_in_per_and_parts() -> None:
    from analysis.factcheck.verify import InputError

    with pytest.raises(InputError, match="bidirectional control"):
        _verify("rate", "--count", "12", "--population", "1,000", "--per", "\u202d1,000", "--stated", "12 per 1,000")
    with pytest.raises(InputError, match="bidirectional control"):
        _verify("sum", "--total", "135", "--parts", "10,6\u202e4,61")
