"""What the commands print to a terminal: never a character the terminal reads as a command.

An argument or a file name is the user's own, but it is often pasted (from a page, a chat, a saved file's name), and
an escape sequence in it, echoed in a message, set the terminal's title and colours or cleared its screen. Record
text cannot carry one (`validate` refuses control characters) and scan drops them from an article, so what is left
to guard is what the commands echo: file names and arguments, argparse's errors included.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

from analysis.record.hygiene import BIDI_RE, digits_problem

_Number = TypeVar("_Number", int, float)

#: What a terminal reads as a command, not a character: C0 and C1 controls (an escape sequence starts with one).
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: Any) -> str:
    """`text` as printed to a terminal: control characters as "?", and bidirectional controls (`BIDI_RE`) as their
    escapes ("\\u202e"). A bidi control is no command, but a terminal that lays out right-to-left text reorders
    the rest of the line after one: `validate` refuses one in a YAML key, then echoed the key in its message
    ("unknown field 'hold<RLO>er' (allowed: …)"), and `show`'s hint printed the id it refused with the control in
    it."""
    printed = _TERMINAL_CONTROLS.sub("?", str(text))
    return printed if printed.isascii() else BIDI_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", printed)


def os_error_line(name: str, err: OSError) -> str:
    """One line for a file the command could not read or write (an output folder that is read-only or full, or a
    folder where an output file belongs): the reason and the file, printable. The main job's steps and every
    command alone say it the same way; `make db` printed a traceback where `make` printed this. A rename names its
    target, not the scratch file it moved (`filename2`)."""
    path = err.filename2 or err.filename
    where = f" ({printable(path)})" if path else ""
    return f"{name}: {printable(err.strerror or err)}{where}"


class Parser(argparse.ArgumentParser):
    """argparse's parser, with its error line printable: "unrecognized arguments: …" echoes the arguments as
    typed (a choice or type error quotes them with repr, which is safe already)."""

    def error(self, message: str) -> NoReturn:
        super().error(printable(message))


def typed_number(read: Callable[[str], _Number]) -> Callable[[str], _Number]:
    """An option's number (`--limit`, `--max-figures`, `--max-mb`, `--port`, `--workers`) read by `read` only when
    it is written with the digits 0-9: Python's `int` and `float` read "١٠", "１０" and "𝟏𝟎" as 10, so `scan
    --max-figures ١` and `search --limit ١` ran as 1, where `verify`, `search` and data/raw refuse such a number
    with the one digits message. argparse names the option in its error."""
    def typed(text: str) -> _Number:
        problem = digits_problem(text)
        if problem:
            raise argparse.ArgumentTypeError(f"{text!r} is refused: {problem}")
        return read(text)
    typed.__name__ = getattr(read, "__name__", "number")  # argparse's "invalid <name> value" when `read` fails
    return typed
