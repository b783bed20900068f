"""Read a raw text file the way a spreadsheet user saved it.

Transcribers save CSVs from Excel and text editors: a UTF-8 byte-order mark, Windows line endings or a Latin-1
"£" are ordinary and must load as the same text. A binary or NUL-filled file is not a CSV and is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

#: A UTF-8 multi-byte character (a lead byte and its continuation bytes), as raw bytes.
_UTF8_CHAR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class RawFileError(ValueError):
    """A raw file that cannot be read as text."""


def read_text(path: Path) -> str:
    """Decode a raw file: UTF-8 (with or without BOM), else Windows-1252/Latin-1; newlines normalised to \\n."""
    data = path.read_bytes()
    wide = _wide_encoding(data)
    if wide:
        raise RawFileError(f"is saved as {wide}; {wide} is not accepted: save it as UTF-8")
    if b"\x00" in data:
        raise RawFileError("is a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if _UTF8_CHAR.search(data):
            line = data[: err.start].count(b"\n") + 1
            raise RawFileError(
                f"mixes UTF-8 with another encoding (a byte that is not UTF-8 on line {line}, but UTF-8 text "
                "elsewhere), so it cannot be read without garbling characters: re-save the whole file as UTF-8"
            ) from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    del data
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes are (by byte-order mark, or by a NUL in every other byte of ASCII
    text, as Excel's "Unicode text" and PowerShell write them), else None: such a file is text, not binary."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4096]
    if len(head) >= 8 and (head[1::2].count(0) > 0.9 * len(head[1::2]) or head[0::2].count(0) > 0.9 * len(head[0::2])):
        return "UTF-16"
    return None
