"""Issue 24, round sixteen (the lead's attacks): what a fresh attack found, each pinned by a test that fails
without its fix. The helper's round is tests/test_attacks_round16a.py."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan import scan_text
from analysis.factcheck.scan_text import to_text
from analysis.paths import DEFAULT

# --- scan: a terminal escape sequence other than "ESC[…" left its parameters as text, read as figures (class 3) ---


@pytest.mark.parametrize("escape", [
    "\x1b]8;;https://example.org/a\x07",  # a terminal hyperlink's start (OSC 8, ended by BEL): its "8" was a figure
    "\x1b]8;;https://example.org/a\x1b\\",  # … ended by ST
    "\x1b]0;Window 2024 title\x07",  # a window title
    "\u009b31m",  # the one-character form of "ESC[": "31m" was read as 31 million
    "\u009d8;;https://example.org/\u009c",  # the one-character forms of OSC and ST
    "\x1bP1$r0m\x1b\\",  # a device control string
    "\x1b(B\x1b7\x1b8",  # character set and cursor escapes: "7" and "8" were figures
])
def test_a_terminal_escape_sequence_is_dropped_whole(escape: str) -> None:
    text = f"The Met found 1,200 children{escape} at risk in 2023."
    assert to_text(text) == "The Met found 1,200 children at risk in 2023."
    result = scan_text(text, DEFAULT)
    assert [f["value_as_printed"] for f in result["figures"]] == ["1,200"]


def test_a_control_string_without_its_end_stops_at_the_line_end() -> None:
    """An OSC never ended hides the rest of its line, as a terminal would, but not the next paragraph."""
    assert to_text("Open \x1b]8;;https://example.org/ 12 left\nThe Met found 1,200 children.") == \
        "Open\n\nThe Met found 1,200 children."


# --- the commands echoed an argument's escape sequence to the terminal (class 3, what scan and its siblings print) --

ESCAPE = "\x1b]0;title\x07\x1b[2J"


@pytest.mark.parametrize("argv", [
    ["notebooks", "--only", f"x{ESCAPE}"],  # argparse's "unrecognized arguments: …" echoes them as typed
    ["verify", "share", "--part", "1", "--whole", "2", "--stated", "50%", f"--x{ESCAPE}"],  # a kind's own parser
    ["show", f"no-such-id{ESCAPE}"],  # the hint "try `python -m analysis search …`"
])
def test_no_command_echoes_a_control_character(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    try:
        code = main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    out = capsys.readouterr()
    assert code != 0
    assert "?]0;title?" in out.err + out.out  # echoed, with its controls shown as "?"
    assert not any(c in out.err + out.out for c in "\x1b\x07")
