"""Read a raw text file the way a spreadsheet user saved it.

Transcribers save CSVs from Excel and text editors: a UTF-8 byte-order mark, Windows line endings or a Latin-1
"£" are ordinary and must load as the same text. A binary or NUL-filled file is not a CSV and is refused, and so is
a file Excel for Mac saved in Mac Roman, whose dashes and quotation marks Windows-1252 reads as capital letters.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: A UTF-8 multi-byte character (a lead byte and its continuation bytes), as raw bytes.
_UTF8_CHAR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


#: The bytes Mac Roman reads as the punctuation a pasted quote carries (quotation marks, dashes, an ellipsis, a
#: no-break space: "’" is 0xD5) and Windows-1252 reads as a capital letter ("Õ"), taken from the two codecs. Excel for
#: Mac saves "Comma Separated Values" in Mac Roman, so a new figures file with a quote pasted from a page was read
#: as Windows-1252, and "8–19 October" and "the Met’s" were published as "8Ð19 October" and "the MetÕs".
_MAC_ROMAN_ONLY = bytes(
    b for b in range(0x80, 0x100)
    if unicodedata.category(bytes([b]).decode("mac_roman"))[0] in "PZ"
    and unicodedata.category(bytes([b]).decode("cp1252", errors="replace")) == "Lu")
#: Such a byte beside a lower-case letter or a digit, where a capital letter is no English spelling ("MetÕs",
#: "8Ð19", "1.2Êmillion") and a mark is ordinary; a capital among capitals ("MUÑOZ") reads as the letter it is.
_MAC_ROMAN_PUNCTUATION = re.compile(
    rb"[a-z0-9][%(set)s]|[%(set)s][a-z0-9]" % {b"set": re.escape(_MAC_ROMAN_ONLY)})

_LINE_END = re.compile(rb"\r\n|\r|\n")
#: The word a byte stands in, to show in the message.
_WORD = re.compile(rb"[^\s,\"]*(?:%(set)s)[^\s,\"]*" % {b"set": _MAC_ROMAN_PUNCTUATION.pattern})


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
        mac = _MAC_ROMAN_PUNCTUATION.search(data)
        if mac:
            line = len(_LINE_END.findall(data, 0, mac.start())) + 1
            around = _WORD.search(data, max(0, mac.start() - 20), mac.end() + 20)
            word = around.group() if around else mac.group()
            raise RawFileError(
                f"is not UTF-8, and line {line} reads {word.decode('cp1252', errors='replace')!r} in Windows-1252 "
                f"but {word.decode('mac_roman')!r} in Mac Roman, as Excel for Mac's \"Comma Separated Values\" "
                "saves it: save it as \"CSV UTF-8\"") from None
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
