"""The bytes an article arrives as, turned into text or refused with one clear line.

A fact-checker pastes whatever they have: a saved page, a text file, a PDF by mistake. Guessing an encoding or
reading a PDF's bytes as prose gives hundreds of garbage "figures" that look like findings, so this reads only what
it can read for certain: a byte-order mark, a charset the file declares, or valid UTF-8; everything else is refused
with what to do instead. A size limit keeps one run bounded (the scan is linear, but a runaway input is not news).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DEFAULT_MAX_MB", "InputRefused", "decode_article"]

#: The largest article scanned unless `--max-mb` raises it: a long feature is ~100 KB of HTML, a saved page ~2 MB.
DEFAULT_MAX_MB = 5.0

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_MAGIC = ((b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"PK\x03\x04", "a zip file (Word, OpenDocument or an archive)"), (b"RIFF", "a RIFF file (image or audio)"),
          (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x1f\x8b", "a gzip file"))
# A charset declared in the first bytes: <meta charset="…">, http-equiv content="…; charset=…", or an XML prolog.
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class InputRefused(ValueError):
    """The input is not text this scanner can read for certain; the message says why and what to do."""


def _declared(head: bytes) -> str | None:
    m = _DECLARED.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputRefused(f"it declares the unknown encoding {name!r}; save it as UTF-8") from None


def decode_article(data: bytes, max_mb: float = DEFAULT_MAX_MB) -> str:
    """The article's text, or InputRefused: too large, not text (PDF, image, binary), or of unknown encoding."""
    if len(data) > max_mb * 1_000_000:
        raise InputRefused(f"it is {len(data) / 1_000_000:.1f} MB, over the {max_mb:g} MB limit "
                           "(raise it with --max-mb if this really is one article)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputRefused(f"it starts with a {codec} byte-order mark but is not valid {codec} "
                                   f"(byte {error.start})") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputRefused(f"it is {kind}, not text: copy the article's text into a .txt file, "
                               "or save the web page as HTML")
    if b"\x00" in data[:65536]:
        raise InputRefused("it contains NUL bytes, so it is binary, not text (a UTF-16 file needs a byte-order mark)")
    codec = _declared(data[:4096]) or "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputRefused(f"it is not valid {codec} (byte {error.start}) and declares no other encoding: "
                           "save it as UTF-8, or declare its charset") from None
