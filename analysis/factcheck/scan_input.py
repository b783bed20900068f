"""The bytes an article arrives as, turned into text or refused with one clear line.

A fact-checker pastes whatever they have: a saved page, a text file, a PDF by mistake. Guessing an encoding or
reading a PDF's bytes as prose gives hundreds of garbage "figures" that look like findings, so this reads only what
it can read for certain: a byte-order mark, a charset the file declares, or valid UTF-8; everything else is refused
with what to do instead. A page saved as one file (MHTML) or an e-mail is read as the page or body it holds. A size
limit keeps one run bounded (the scan is linear, but a runaway input is not news).
"""

from __future__ import annotations

import codecs
import email
import html
import html.entities
import json
import re
import xml.etree.ElementTree as ET
from email.message import Message
from html.parser import HTMLParser

import webencodings

from analysis.factcheck.scan_text import closed_markup_only
from analysis.record.hygiene import repaired_mojibake

__all__ = ["DEFAULT_MAX_MB", "InputRefused", "decode_article", "is_xml_name", "over_limit", "repaired_mojibake",
           "xml_as_html", "xml_by_name"]

#: The largest article scanned unless `--max-mb` raises it: a long feature is ~100 KB of HTML, a saved page ~2 MB.
DEFAULT_MAX_MB = 5.0

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_MAGIC = ((b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"PK\x03\x04", "a zip file (Word, OpenDocument or an archive)"), (b"RIFF", "a RIFF file (image or audio)"),
          (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"\x1f\x8b", "a gzip file"),
          # RTF is ASCII, so it passed as text: its control words were read as prose ("\\'a32,409" for £2,409 was
          # "a number inside a code", "1,{\\b 582}" two figures) and its hidden text (`{\\v 9,999}`) as a figure.
          (b"{\\rtf", "an RTF document"),
          # Refused anyway (their NUL bytes), but as "binary ... a UTF-16 file needs a byte-order mark": named here.
          (b"BZh", "a bzip2 file"), (b"\xfd7zXZ\x00", "an xz file"), (b"\x28\xb5\x2f\xfd", "a zstd file"),
          (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"bplist", "a Safari web archive or other property list"))
#: A property list written as XML (a link dragged from a browser to the desktop, `Title.webloc`; a web archive
#: converted with `plutil`), refused as the binary one is: read as a page, it was "0 figures found", exit 0, its
#: page's text (base64 in a <data>) or only its address read.
_XML_PLIST = re.compile(rb"(?:\xef\xbb\xbf)?\s*+(?:<\?xml[^>]{0,200}>\s*+)?(?:<!DOCTYPE\s++plist\b|<plist\b)",
                        re.IGNORECASE)
#: A link saved as a file, not the page it points to: a Windows Internet shortcut (`Title.url`, what dragging a link
#: from a browser to the desktop writes: `[InternetShortcut]` then `URL=…`) or a Linux desktop's link (`[Desktop
#: Entry]` with `Type=Link`). Read as text, the first gave the figures 0 and 0 ("HotKey=0", "IconIndex=0") and three
#: parts not read (exit 1), the second "0 figures found", exit 0: neither said the article was not there.
_SHORTCUT = re.compile(rb"(?:\xef\xbb\xbf)?\s*+\[(?:InternetShortcut|Desktop Entry)\]", re.IGNORECASE)
# A charset declared in the first bytes: a <meta> tag with a charset attribute or an http-equiv="content-type"
# whose content names one, found as Chromium finds it (with its HTML tokenizer: `_MetaTags`), else an XML prolog's
# encoding at the very start; only there: "charset=koi8-r" in an article's text (a how-to, a quoted header) or in
# another <meta>'s content (a description: "Why encoding=zlib matters") is not a declaration, and read as one it
# turned a UTF-8 page to garbage, "no figures found", exit 0, or refused it.
_XML_DECLARED = re.compile(rb"""<\?xml\b[^<>]*?encoding\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
#: Elements whose content the tokenizer reads as text (html.parser reads only script and style so): a <meta> in a
#: title, a textarea or an example is shown, not obeyed.
_TEXT_HOLDERS = frozenset({"title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"})


class _MetaTags(HTMLParser):
    """The charset each <meta> tag declares, in order, as an HTML tokenizer reads the page's first bytes: a "<meta"
    inside another tag's attribute, a script's string, a style's comment or a title is no tag, and read as one
    (Chromium reads each page below as UTF-8) it turned "£1,200" into "бё1,200"."""

    def __init__(self, in_head_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._text_in: str | None = None
        self._in_head_only = in_head_only
        self._in_head = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._text_in is None and tag == "meta" and self._in_head:
            charset = _meta_charset({k: v or "" for k, v in reversed(attrs)})
            if charset:
                self.found.append(charset)
        elif self._text_in is None and tag in _TEXT_HOLDERS:
            self._text_in = tag
        if self._text_in is None and self._in_head_only and tag not in _HEAD_TAGS | {"html", "head"}:
            self._in_head = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._text_in:
            self._text_in = None
        elif self._text_in is None and self._in_head_only and tag not in _HEAD_TAGS:
            self._in_head = False


def _meta_charset(values: dict[str, str]) -> str | None:
    """The charset one <meta> tag's attributes declare, or None (a repeated attribute counts once: the first)."""
    if "charset" in values:
        m = re.fullmatch(r"\s*([A-Za-z0-9_.:-]{1,40})\s*", values["charset"])
        return m.group(1) if m else None
    if values.get("http-equiv", "").strip().lower() == "content-type":
        m = _CHARSET.search(values.get("content", ""))
        return m.group(1) if m else None
    return None


#: The encodings a page may declare (Python's names for the WHATWG Encoding Standard's): ASCII-compatible text
#: encodings only. A declared name outside them is refused: "base64", "rot13" or "zlib" are codecs but not text
#: (a traceback), "unicode_escape" reads backslashes as escapes, "punycode" fails mid-read.
WEB_ENCODINGS = frozenset({
    "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
    "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"})
#: What the Encoding Standard reads a declared name as: "latin1"/"ascii" labels mean windows-1252, and a page that
#: declares UTF-16 without a byte-order mark is read as UTF-8 (an ASCII page was read as garbage, "no figures").
_AS_DECLARED = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
                "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8", "utf-32": "utf-8",
                "utf-32-le": "utf-8", "utf-32-be": "utf-8"}


#: What HTML reads a declared encoding as (the Encoding Standard's names): a page that declares UTF-16 without a
#: byte-order mark as UTF-8, and "x-user-defined" as windows-1252.
_WEB_AS_DECLARED = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "windows-1252"}


class InputRefused(ValueError):
    """The input is not text this scanner can read for certain; the message says why and what to do."""


def _declared(head: bytes, anywhere: bool = False) -> str | None:
    """The charset the page declares, skipping comments where a browser ends them (a commented-out old
    `<meta charset="koi8-r">` turned a UTF-8 page to garbage). Read as Latin-1, one character a byte: a charset's
    name is ASCII, whatever the page's encoding. A name is read as the Encoding Standard reads it (`webencodings`,
    the WHATWG's labels): "x-cp1252", "x-mac-roman", "windows-874", "x-sjis" or "koi8" were refused as unknown
    encodings, and Chromium reads each page; a name Python alone knows (`WEB_ENCODINGS`) is read as before. Only
    where Chromium looks for one (`_HEAD_TAGS`), unless `anywhere`. A <meta> naming an encoding no one knows
    (`_known_label`) declares nothing, as Chromium ignores it."""
    found: list[str] = []
    for part, in_head_only in ((head[:_first_bytes(head)], False), (head, not anywhere)):
        metas = _MetaTags(in_head_only)
        metas.feed(closed_markup_only(part.decode("latin-1")))
        found += filter(_known_label, metas.found)
    xml = _XML_DECLARED.match(head)
    name = found[0] if found else xml.group(1).decode("ascii") if xml else None
    return _codec(name) if name else None


def _known_label(name: str) -> bool:
    """Whether a <meta>'s charset names an encoding the Encoding Standard or Python knows. Chromium ignores any
    other (a PHP page's `<meta charset="utf8mb4">`, MySQL's name for UTF-8) and reads the page as undeclared; scan
    refused such a UTF-8 page as "the unknown encoding 'utf8mb4'". A name Python alone knows is still read, or
    refused, as `_codec` says."""
    if webencodings.lookup(name) is not None:
        return True
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


#: Where Chromium looks for a page's <meta> charset: in its first 1,024 bytes wherever it stands, and after them
#: only while the head lasts (until a tag these do not name, or any end tag but theirs: its
#: HTMLMetaCharsetParser). A UTF-8 page holding `<meta charset=windows-1252>` in its body past the first 1,024
#: bytes (HTML pasted from Word into a CMS brings one) is UTF-8 to Chromium; scan read it as windows-1252, every
#: "£" as "Â£" and every curly quote as three letters.
_HEAD_TAGS = frozenset({"script", "noscript", "style", "link", "meta", "object", "title", "base"})
_UNCONDITIONAL_BYTES = 1024


def _first_bytes(head: bytes) -> int:
    """How many bytes of the page Chromium reads for a charset unconditionally: 1,024, and the tag under way there
    to its end (a tag that starts before byte 1,024 is read whole)."""
    end = head.find(b">", _UNCONDITIONAL_BYTES)
    return len(head) if end < 0 else max(end + 1, _UNCONDITIONAL_BYTES)


def _codec(name: str) -> str:
    """The Python codec for an encoding a page or a MIME part declares, or InputRefused."""
    web = webencodings.lookup(name)  # the Encoding Standard's labels, as Chromium reads them
    if web is not None:
        if web.name == "replacement":
            raise InputRefused(f"it declares {name!r}, which browsers show as one replacement character; save it "
                               "as UTF-8")
        return webencodings.lookup(_WEB_AS_DECLARED.get(web.name, web.name)).codec_info.name
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputRefused(f"it declares the unknown encoding {name!r}; save it as UTF-8") from None
    codec = _AS_DECLARED.get(codec, codec)
    if codec not in WEB_ENCODINGS:
        raise InputRefused(f"it declares {name!r}, which is not a text encoding a web page may use; save it as UTF-8")
    return codec


#: UTF-16, where a transport names it (an HTTP response's or a MIME part's content-type): obeyed, as the Encoding
#: Standard obeys a transport's label (only a page's own <meta> naming UTF-16 is read as UTF-8: `_WEB_AS_DECLARED`).
#: A body sent as UTF-16 without a byte-order mark was refused as binary, "a UTF-16 file needs a byte-order mark",
#: though its header said what it is, and Chromium shows it.
_TRANSPORT_UTF16 = frozenset({"utf-16le", "utf-16be"})


def _transport_codec(name: str) -> str:
    """The Python codec for an encoding a transport's header names (`_TRANSPORT_UTF16`, else as `_codec`)."""
    web = webencodings.lookup(name)
    return web.codec_info.name if web is not None and web.name in _TRANSPORT_UTF16 else _codec(name)


def _declared_body(data: bytes, charset: str, binary: str) -> str:
    """A body in the charset its transport's header names, or InputRefused: a NUL byte outside UTF-16 is binary
    (`binary` says where)."""
    codec = _transport_codec(charset)
    if b"\x00" in data and not codec.startswith("utf-16"):
        raise InputRefused(f"{binary} contains NUL bytes, so it is binary, not text")
    return _decoded(data, codec)


def _size(size: int, max_mb: float) -> str:
    """A size over the limit as megabytes, or bytes where megabytes to one place would not show it over: a byte
    over 1 MB read "it is 1.0 MB, over the 1 MB limit", and any file over 1e-9 MB "0.0 MB"."""
    shown = f"{size / 1_000_000:.1f}"
    return f"{shown} MB" if float(shown) > max_mb else f"{size:,} bytes"


def _has_bom(data: bytes) -> bool:
    """Whether the bytes start with a byte-order mark, which browsers obey before any charset a header names (a
    UTF-8 page served as windows-1252 with its BOM is UTF-8 to Chromium; scan read "ï»¿…Â£1,582")."""
    return any(data.startswith(bom) for bom, _ in _BOMS)


def over_limit(size: int | None, max_mb: float) -> InputRefused:
    """The refusal of an article over the size limit, its size shown where known (None: only the first bytes past
    the limit were read, from a pipe: the reader stops there, so /dev/zero or a 20 GB file costs nothing)."""
    over = f"is {_size(size, max_mb)}, over" if size is not None else "goes on past"
    return InputRefused(f"it {over} the {max_mb:g} MB limit (raise it with --max-mb if this really is one article)")


def decode_article(data: bytes, max_mb: float = DEFAULT_MAX_MB, mime: bool = True, xml: bool | None = False) -> str:
    """The article's text, or InputRefused: too large, not text (PDF, image, binary), or of unknown encoding. A
    MIME message's text is read (`_mime_article`), but not a message inside one of its parts (`mime` False). An
    XML file (`xml`: its name says so, `xml_by_name`: XHTML, a feed, an export; None: its name does not say, and
    its content is looked at, `_XML_BY_CONTENT`) is read as XML (`xml_as_html`)."""
    text = _article(data, max_mb, mime)
    if _SUBTITLES.match(text, 0, 4096):
        return subtitles_as_text(text)
    if _JSON_FEED.match(text, 0, 4096):
        return json_feed_as_html(text)
    if xml is None:
        xml = not (_HTTP_HEAD.match(data) or _MIME_HEAD.match(data)) and bool(_XML_BY_CONTENT.match(text, 0, 65536))
    return xml_as_html(text) if xml else text


def _article(data: bytes, max_mb: float, mime: bool) -> str:
    if len(data) > max_mb * 1_000_000:
        raise over_limit(len(data), max_mb)
    if _SHORTCUT.match(data, 0, 512):  # (before the byte-order marks: one written by a text editor is decoded there)
        raise InputRefused("it is a link to a page (an Internet shortcut), not the page: open its address and save "
                           "the page as HTML, or copy the article's text into a .txt file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputRefused(f"it starts with a {codec} byte-order mark but is not valid {codec} "
                                   f"(byte {error.start})") from None
            return _message_or_text(text, max_mb) if mime else text
    for magic, kind in _MAGIC:
        if data.startswith(magic) or (magic == b"bplist" and _XML_PLIST.match(data, 0, 512)):
            raise InputRefused(f"it is {kind}, not text: copy the article's text into a .txt file, "
                               "or save the web page as HTML")
    if mime and _HTTP_HEAD.match(data):
        return _http_body(data, max_mb)
    if mime and _MIME_HEAD.match(data):
        return _mime_article(data, max_mb)
    if b"\x00" in data:  # anywhere: looked for in the first 64 KB only, a NUL after them was read as a space
        raise InputRefused("it contains NUL bytes, so it is binary, not text (a UTF-16 file needs a byte-order mark)")
    return _decoded(data)


def _message_or_text(text: str, max_mb: float) -> str:
    """A text read by its byte-order mark, or the message or HTTP response it is: an e-mail or saved page that
    Notepad or PowerShell (`Out-File`, `Set-Content -Encoding UTF8`) wrote back with a byte-order mark was read as
    text, its headers a paragraph of figures ("MIME-Version: 1.0" the figure 1.0, "=E2=80=93" the figure 80) and its
    quoted-printable soft breaks splitting figures. Its bytes again as UTF-8: exact for the 7-bit transfer encodings
    (quoted-printable, base64) a message's parts use."""
    head = text[:65536].encode("utf-8")
    if not (_HTTP_HEAD.match(head) or _MIME_HEAD.match(head)):
        return text
    return _article(text.encode("utf-8"), max_mb, mime=True)


#: The Windows code pages, whose bytes 0x80-0x9F the Encoding Standard reads as the C1 control of the same number
#: where the code page leaves them undefined (Chromium shows a windows-1252 page holding 0x9D; Python's cp1252
#: refuses it). A UTF-8 page declared windows-1252 or iso-8859-1 (read as windows-1252) holds 0x9D in every "”".
_WINDOWS_CODE_PAGES = frozenset({"cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256",
                                 "cp1257", "cp1258"})


def _as_browsers(error: UnicodeError) -> tuple[str, int]:
    """The C1 control a Windows code page's undefined byte 0x80-0x9F is to the Encoding Standard (`_WINDOWS_CODE_
    PAGES`); any other byte the code page does not define is still refused, as browsers show it as U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start]
    if 0x80 <= byte <= 0x9F:
        return chr(byte), error.start + 1
    raise error


codecs.register_error("cse-figures-web-c1", _as_browsers)


def _decode(data: bytes, codec: str) -> str:
    """The bytes in `codec` as the Encoding Standard reads them (`_as_browsers`), or UnicodeDecodeError."""
    return data.decode(codec, "cse-figures-web-c1" if codec in _WINDOWS_CODE_PAGES else "strict")


def _decoded(data: bytes, declared: str | None = None) -> str:
    """Text in the encoding given (a MIME part's charset), declared in its first bytes, or UTF-8; or InputRefused."""
    declared = declared or _declared(data[:4096])
    codec = declared or "utf-8"
    try:
        return _decode(data, codec)
    except UnicodeDecodeError as error:
        # A page that declares nothing in its first bytes may later (Chromium reads `<meta charset=windows-1252>`
        # after 10 KB of a head's script or of body text; scan refused the page as not UTF-8): the whole page is
        # read for a declaration only then, so a UTF-8 page costs nothing more.
        failed = (codec, error.start)
        later = None if declared else _declared(data, anywhere=True)
        if later and later != codec:
            try:
                return _decode(data, later)
            except UnicodeDecodeError as again:
                failed = (later, again.start)
        said = "and declares no other encoding" if failed[0] == "utf-8" and not declared else "as it declares"
        raise InputRefused(f"it is not valid {failed[0]} (byte {failed[1]}) {said}: "
                           "save it as UTF-8, or declare its charset") from None


#: A MIME message (an MHTML page, Chrome's "Webpage, Single File"; an e-mail): header lines (a name, a colon, and
#: lines folded onto it) up to a blank line, one of them MIME-Version or Content-Transfer-Encoding (a mailer that
#: leaves out MIME-Version still encodes the body), after an mbox "From " line if any. Read as text, its
#: quoted-printable soft line breaks split figures ("1,5=\n82" was the figure 82, "2=E2=80=9312" the figures 2, 80
#: and 9,312), its headers were a paragraph and its page's hidden text was read. (Each header line's name and its
#: folded lines start differently, so the match is linear.)
_MIME_HEAD = re.compile(rb"(?:From [^\r\n]*\r?\n)?(?=(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
                        rb"(?:mime-version|content-transfer-encoding):)"
                        rb"(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n",
                        re.IGNORECASE)


#: The most parts a MIME message scanned may have: a saved news page holds its HTML, its frames and a few hundred
#: style sheets, images and fonts.
MAX_MIME_PARTS = 5000
#: The longest Content-Type header a message or an HTTP response scanned may carry, folded lines joined: servers
#: refuse a header line past 8 KB (Apache's and nginx's default) and a mailer's is a line or two. The standard
#: library reads its parameters (charset, boundary) in time growing with their length times their number (each ";"
#: copies the rest of the value): one header of 1 MB of ";a=b" took 6.5 s, and 5 MB would take minutes.
MAX_CONTENT_TYPE = 8192
#: Where a Content-Type header starts: at a line's start, in any part's head (or in a part's text, where only a line
#: of over 8 KB starting so would be refused).
_CONTENT_TYPE = re.compile(rb"^content-type[ \t]*:", re.IGNORECASE | re.MULTILINE)


def _bounded_headers(data: bytes, what: str) -> None:
    """InputRefused if any Content-Type header in `data` (folded lines joined) is longer than `MAX_CONTENT_TYPE`:
    each is measured once, line by line, so the look costs one pass."""
    for found in _CONTENT_TYPE.finditer(data):
        end = data.find(b"\n", found.end())
        while end != -1 and data[end + 1:end + 2] in (b" ", b"\t") and end - found.start() <= MAX_CONTENT_TYPE:
            end = data.find(b"\n", end + 1)
        length = (len(data) if end == -1 else end) - found.start()
        if length > MAX_CONTENT_TYPE:
            raise InputRefused(f"it is {what} whose Content-Type header is over {MAX_CONTENT_TYPE:,} characters "
                               "long, longer than any server or mailer writes: save the page as HTML, or copy its "
                               "text into a .txt file")


def _mime_article(data: bytes, max_mb: float) -> str:
    """What a MIME message shows: its first HTML part (the page a saved archive opens on; an e-mail's HTML
    alternative), else each of its plain text parts (an e-mail's body around an attachment), each decoded from its
    transfer encoding in its own charset; a saved page's frames (its other HTML parts, which Chromium draws in the
    page) are read as frames of it. Read with the `email` package's plain `Message` API: its header registry
    (`email.policy.default`) took 1.2 s per 80 KB of small parts. Parts nested too deep for the parser are refused,
    and so is a message of more parts than a saved page holds (`MAX_MIME_PARTS`, counted before parsing by its
    boundary lines): each costs a parse and a frame, and 5 MB of tiny parts took over a minute."""
    _bounded_headers(data, "a MIME message")
    parts_at_most = data.count(b"\n--") + data.startswith(b"--")
    if parts_at_most > MAX_MIME_PARTS:
        raise InputRefused(f"it is a MIME message of up to {parts_at_most:,} parts, over the {MAX_MIME_PARTS:,} a "
                           "saved page holds: save the page as HTML, or copy its text into a .txt file")
    try:
        message = email.message_from_bytes(data)
        parts = [part for part in message.walk()
                 if part.get_content_maintype() == "text" and not part.is_multipart()
                 and part.get_content_disposition() != "attachment"]
    except RecursionError:
        raise InputRefused("it is a MIME message nested too deep to read: save the page as HTML") from None
    pages = [part for part in parts if part.get_content_subtype() == "html"]
    texts = pages or [part for part in parts if part.get_content_subtype() == "plain"]
    archive = message.get_content_type() == "multipart/related"
    if not texts:
        raise InputRefused("it is a MIME message (a saved web archive or an e-mail) with no text or HTML part: "
                           "save the page as HTML, or copy its text into a .txt file")
    if not pages:  # each inline text part, in order: a mail client shows them all (only the first was read)
        return "\n\n".join(shown_as_text(_part_text(part, max_mb)) for part in texts)
    shown = [_archived_shadow_roots(_part_text(part, max_mb)) if archive else _part_text(part, max_mb)
             for part in pages]
    return shown[0] + "".join(f'<iframe srcdoc="{html.escape(frame)}"></iframe>' for frame in shown[1:])


#: A declarative shadow root as Chromium's MHTML writer saves it ("Save as…, Webpage, Single File", DevTools'
#: snapshot): `<template shadowmode="open">`, the attribute's name before the standard's `shadowrootmode`, for every
#: open and closed shadow root the page held (a Datawrapper chart's script embed, any web component's text).
#: Chromium attaches it when it opens the archive, not in a page, and scan read it as an inert <template>: the
#: chart's figures were left out without a word. The start tag's attributes up to the name, no "<" or ">" among them.
_ARCHIVED_SHADOW_MODE = re.compile(r"(<template(?=[\t\n\f\r />])[^<>]*?[\t\n\f\r /])shadowmode(?=[\t\n\f\r ]*=)",
                                   re.IGNORECASE)


def _archived_shadow_roots(page: str) -> str:
    """A page read out of an MHTML archive (`multipart/related`) with each shadow root Chromium's writer saved
    (`_ARCHIVED_SHADOW_MODE`) named as a page declares one, so it is read where Chromium shows it."""
    return _ARCHIVED_SHADOW_MODE.sub(r"\1shadowrootmode", page) if "shadowmode" in page.lower() else page


def _part_text(part: Message, max_mb: float) -> str:
    """One MIME part's text: its transfer encoding undone, read in the charset its header gives, else as any
    article is (a byte-order mark, a declared charset, UTF-8), a NUL refused the same way. A message inside a part
    is its text, not read as a message again: nested, each level a few bytes shorter, 5 MB ran out of stack."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset()
    if not charset or _has_bom(data):
        return decode_article(data, max_mb, mime=False)
    return _declared_body(data, charset, "a part of it")


#: An HTTP response's head at the start (a page saved with `curl -i`, `wget -S` or a proxy): a status line, header
#: lines and a blank line, one or more (`curl -iL` prints each redirect's, a "100 Continue" comes first). Read as
#: text, its status, length, age and cache counts were figures ("HTTP/2 200", "content-length: 20457", "age:
#: 1582") and the charset its content-type names was ignored (a windows-1252 page refused as not UTF-8).
_HTTP_HEAD = re.compile(rb"HTTP/\d(?:\.\d)? \d{3}(?: [^\r\n]*)?\r?\n"
                        rb"(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*\r?\n")


def _http_body(data: bytes, max_mb: float) -> str:
    """The body of a saved HTTP response (`_HTTP_HEAD`), in the charset its last head names (else as any article
    is read); refused when the body is still compressed or chunked, as it was sent."""
    start, head = 0, None
    while (found := _HTTP_HEAD.match(data, start)) is not None:
        start, head = found.end(), found.group()
    assert head is not None
    _bounded_headers(head, "an HTTP response")
    headers = email.message_from_bytes(head.split(b"\n", 1)[1])
    encoding = (headers.get("content-encoding") or "identity").strip().lower()
    if encoding != "identity" or "chunked" in (headers.get("transfer-encoding") or "").lower():
        raise InputRefused(f"it is an HTTP response whose body is {'chunked' if encoding == 'identity' else encoding}"
                           " as sent: save the page from a browser, or fetch it with curl --compressed")
    body, charset = data[start:], headers.get_content_charset()
    text = (_declared_body(body, charset, "its body") if charset and not _has_bom(body)
            else decode_article(body, max_mb, mime=False))
    if headers.get("content-type") and headers.get_content_type() in _XML_TYPES:
        return xml_as_html(text)
    return shown_as_text(text) if headers.get("content-type") and headers.get_content_type() == "text/plain" else text


#: A subtitle file, by its first lines: WebVTT's "WEBVTT" signature (its specification requires it first), or
#: SubRip's first cue, a number over a timing line. A broadcast's subtitles (what a fact-checker has of a TV or
#: radio claim: BBC iPlayer's, a YouTube video's .srt) were read as prose: each cue's number a figure (1, 2, 3, …,
#: each "not in the record", exit 1), a cue's position ("line:90%") a share, and a sentence split across cues lost
#: its start ("2,900 the year before." without "That was up from").
_SUBTITLES = re.compile(r"\ufeff?(?:WEBVTT(?:[ \t][^\n]*)?\r?\n|[ \t\r\n]*\d{1,9}[ \t]*\r?\n"
                        r"[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}[ \t]+-->)")
#: A cue's timing line (SubRip's or WebVTT's, hours optional in WebVTT, its settings after), and the blocks of
#: WebVTT that are no cue text: its header's lines, a NOTE (a comment), a STYLE sheet, a REGION definition.
_CUE_TIMING = re.compile(r"[ \t]*(?:\d{1,3}:)?\d{2}:\d{2}[,.]\d{1,3}[ \t]+-->[ \t]+\S")
_VTT_NOT_CUES = re.compile(r"(?:WEBVTT|NOTE|STYLE|REGION)(?:[ \t]|$)")
#: What a cue's text holds that a viewer does not see as written: WebVTT's and SubRip's tags (`<v Jane Doe>`, `<c.x>`,
#: `<i>`, `<font color=…>`, a karaoke time stamp `<00:00:01.000>`) and SubRip's positioning codes (`{\an8}`).
_CUE_MARKUP = re.compile(r"<[^<>\n]{0,200}>|\{\\[^{}\n]{0,100}\}")
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*\Z")


def subtitles_as_text(text: str) -> str:
    """A subtitle file as the text its viewer reads: each cue's lines, without its number, timing, settings or tags,
    run on into the next cue (a sentence is split across cues as the speaker's pace splits it), a paragraph ending
    where a cue ends a sentence. Written with "<" and "&" as references (`shown_as_text`), as a cue's "&lt;" is."""
    cues: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        timing = next((at for at, line in enumerate(lines) if _CUE_TIMING.match(line)), None)
        if timing is None or timing > 1 or _VTT_NOT_CUES.match(lines[0]):
            continue  # the header, a comment, a sheet, a region: no cue
        cues.append(" ".join(html.unescape(_CUE_MARKUP.sub("", line)).strip() for line in lines[timing + 1:]))
    return shown_as_text("\n\n".join(_cues_run_on(cues)))


def _cues_run_on(cues: list[str]) -> list[str]:
    """Subtitle cues' texts as paragraphs: each cue run on into the next, a paragraph ending where a cue ends a
    sentence."""
    paragraphs: list[str] = []
    sentence: list[str] = []
    for cue in (" ".join(cue.split()) for cue in cues):
        if cue:
            sentence.append(cue)
            if _SENTENCE_END.search(cue):
                paragraphs.append(" ".join(sentence))
                sentence = []
    return [*paragraphs, " ".join(sentence)] if sentence else paragraphs


#: A JSON Feed (jsonfeed.org: Micro.blog's, many static sites'), by its opening: an object whose "version" names
#: the format. Read as text, its items' ids and comment counts were figures ("4521", "37" not in the record) and
#: its JSON punctuation and time stamps one long "sentence" around each item's summary.
_JSON_FEED = re.compile(r"\ufeff?[ \t\r\n]*\{[^{}]{0,2000}?\"version\"[ \t\r\n]*:[ \t\r\n]*"
                        r"\"https?://jsonfeed\.org/version/")
#: What a feed reader shows of a JSON Feed and its items (as `_FEED_TEXT` of an XML feed): text, or HTML.
_JSON_FEED_TEXT = ("title", "description", "summary", "content_text")
_JSON_FEED_HTML = ("content_html",)


def json_feed_as_html(text: str) -> str:
    """A JSON Feed as the page a feed reader shows of it: the feed's and each item's title, description, summary
    and text as paragraphs, each item's HTML in a frame of its own (as an XML feed's, `_tree_as_html`), its
    authors' names; not its ids, addresses, dates or extensions. InputRefused where it is not JSON."""
    try:
        feed = json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError):
        raise InputRefused("it is a JSON Feed (by its version) but not valid JSON: save the feed's page as .html "
                           "instead") from None
    out: list[str] = []
    items = feed.get("items") if isinstance(feed, dict) else None
    for part in [feed, *items] if isinstance(items, list) else [feed]:
        if not isinstance(part, dict):
            continue
        authors = part.get("authors")
        names = [a.get("name") for a in authors if isinstance(a, dict)] if isinstance(authors, list) else []
        out += [f"<p>{html.escape(value, quote=False)}</p>" for key in _JSON_FEED_TEXT
                if isinstance(value := part.get(key), str)]
        out += [f'<iframe srcdoc="{html.escape(value)}"></iframe>' for key in _JSON_FEED_HTML
                if isinstance(value := part.get(key), str)]
        out += [f"<p>{html.escape(name, quote=False)}</p>" for name in names if isinstance(name, str)]
    return "<!DOCTYPE html>" + "".join(out)


def shown_as_text(text: str) -> str:
    """Text a transport says is plain (`text/plain`: an HTTP body, an e-mail's parts), its "<" and "&" written as
    the entities scan reads back as those characters: a browser or a mail client shows its tags as words, where
    scan read them as markup and `<p hidden>9,999</p>` hid the figure a reader sees."""
    return html.escape(text, quote=False)


#: The names browsers open as XML: XHTML (application/xhtml+xml: an EPUB's chapters, a page saved from an XHTML
#: site), and the XML a newsroom is sent or exports: a feed (RSS, Atom), a CMS's export (WordPress's WXR), a
#: programme's subtitles as Timed Text (.ttml, .dfxp: read as HTML, "<tt>" was teletype text and its cues one
#: paragraph per line). An HTTP
#: response is XML by its content type (`_XML_TYPES`). Not Evernote's .enex: its notes' images are base64 text and
#: their OCR an index in CDATA, which read as text gave dozens of garbage figures; it is read as HTML, as before.
XML_SUFFIXES = (".xhtml", ".xht", ".xml", ".rss", ".atom", ".ttml", ".dfxp", ".enex", ".fodt")
_XML_TYPES = frozenset({"application/xhtml+xml", "application/xml", "text/xml", "application/rss+xml",
                        "application/atom+xml"})
_XHTML = "{http://www.w3.org/1999/xhtml}"
#: The namespaced attributes of XHTML kept, written as an HTML page writes them: `xml:lang` and the like, and an
#: EPUB chapter's `epub:type` (its note references, `scan_text._note_reference`: dropped, a note's mark was read
#: into the figure before it).
_KEPT_NAMESPACES = {"http://www.w3.org/XML/1998/namespace": "", "http://www.idpf.org/2007/ops": "epub:"}


#: The elements whose text HTML serialization writes as it is, each with how it is written so that nothing in it
#: ends it early: an XHTML `<style>` may hold "&lt;/style>&lt;div hidden>" as its text, which written raw closed
#: the sheet and opened a hidden block over the rest of the page. A script's text is never shown: none is kept.
_WRITTEN_RAW = {"script": lambda text: "", "style": lambda text: text.replace("<", "\\3c ")}


def is_xml_name(name: str) -> bool:
    """Whether a file's name makes browsers open it as XML (`XML_SUFFIXES`)."""
    return name.lower().endswith(XML_SUFFIXES)


#: The names browsers open as HTML whatever their content: a feed saved as `index.html` (what wget names one) is
#: read as Chromium reads it.
HTML_SUFFIXES = (".html", ".htm", ".shtml")
#: A feed by its first bytes, as Chromium sniffs one whose type nothing else gives (standard input, a file named
#: without a type): an XML declaration, then (past comments, processing instructions and a doctype) a feed's root
#: (RSS 2.0 and WordPress's export, Atom, RSS 1.0), or Timed Text's (subtitles, `_TTML`). A feed piped in (`curl
#: -s …/feed | scan -`) or saved without a suffix was read as HTML, where each CDATA section is a bogus comment up
#: to its first ">": an item's plain-text description ("Police recorded 1,111 cases, up 12%.") was dropped without
#: a word. Any other root (an XHTML page served as HTML, an SVG image) is read as before.
_XML_BY_CONTENT = re.compile(r"\ufeff?[ \t\r\n]*<\?xml[ \t\r\n][^<>]*\?>"
                             r"(?:[ \t\r\n]++|<!--(?:[^-]|-(?!->))*+-->|<\?[^<>]*\?>|<!DOCTYPE[^<>]*+>)*+"
                             r"<(?:rss|feed|rdf:RDF|tt|en-export)[ \t\r\n/>]")


def xml_by_name(name: str) -> bool | None:
    """True for a name browsers open as XML (`is_xml_name`), False for one they open as HTML (`HTML_SUFFIXES`),
    None for any other (standard input, no suffix, a text file's): the content decides (`decode_article`)."""
    return True if is_xml_name(name) else False if name.lower().endswith(HTML_SUFFIXES) else None


def xml_as_html(text: str) -> str:
    """An XML document as HTML scan reads, or InputRefused. XHTML is read as the HTML a browser shows of it (below);
    any other document as its text (`_tree_as_html`). XHTML is read as XML, where `<script src=x/>`,
    `<span hidden="hidden"/>` or `<div class="note"/>` is an empty element. Read as HTML (scan's reader, as a page
    served as text/html) each opens one: the script or the hidden span took every figure after it, which Chromium
    shows of the .xhtml file, and scan said nothing (exit 0 or 1 on the figures before it). Parsed by the standard
    library's expat, which refuses entity expansion bombs and fetches no external entity; an XHTML DTD's named
    characters (`&nbsp;`) are read as browsers read them. Not well-formed, it is refused: browsers show such a page
    only up to its first error. One that declares its own entities is refused before it is parsed: expat stops an
    expansion only past 100 times the document's size, so 1 MB with one entity used 9,000 times became 89 MB of
    text, far past `--max-mb` (an XHTML page, an e-book's chapter or a feed declares none; its named characters are
    HTML's)."""
    if "<!ENTITY" in text:
        raise InputRefused("it is XML that declares its own entities (<!ENTITY …>), which can expand it far past "
                           "its size: scan does not read them; save the page as .html, or its text as .txt")
    parser = ET.XMLParser()
    parser.entity.update({name: chr(point) for name, point in html.entities.name2codepoint.items()})
    try:
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as error:
        raise InputRefused(f"it is XML (by its name, type or first bytes, as browsers read it) but not well-formed: "
                           f"{error}; browsers show it only up to there: correct it, or save the page as .html"
                           ) from None
    if root.tag == _TTML_ROOT:
        return "<!DOCTYPE html>" + "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in _ttml_text(root))
    if root.tag in _OFFICE_ROOTS:
        return "<!DOCTYPE html>" + "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in _office_text(root))
    return "<!DOCTYPE html>" + (_xhtml_as_html(root) if root.tag == f"{_XHTML}html" else _tree_as_html(root))


#: Timed Text (TTML, and EBU-TT-D, the BBC's subtitles): each `<p>` of its body a cue, a `<br/>` a line of it. Read
#: as any XML, each line and cue was a paragraph: "671 the year before." a sentence without "That was up from".
_TTML = "{http://www.w3.org/ns/ttml}"
_TTML_ROOT = f"{_TTML}tt"


def _ttml_text(root: ET.Element) -> list[str]:
    """A TTML document's cues run on as subtitles are (`_cues_run_on`)."""
    return _cues_run_on([" ".join(p.itertext()) for p in root.iter(f"{_TTML}p")])


#: A word processor's document saved as one XML file: Word's "Word XML Document" (its parts in one package, Flat
#: OPC), Word 2003's XML, LibreOffice's flat ODF text (`.fodt`). Read as any XML, each run of text was a paragraph
#: ("That was up from" / "618" / "in 2014."), and the document's properties were figures: its word and character
#: counts, pages, lines, revision and editing time (`<Words>150`, `<TotalTime>12`, `<meta:editing-cycles>3`), each
#: not in the record (exit 1). Only its body's paragraphs are read, as the word processor shows them: not a run it
#: hides (`<w:vanish/>`), text a tracked change deleted (`<w:delText>`, ODF's `<text:tracked-changes>`), a comment
#: (`<office:annotation>`) or a note set in the line (ODF's `<text:note>`, its number and text).
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W2003 = "{http://schemas.microsoft.com/office/word/2003/wordml}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_OFFICE_ROOTS = frozenset({"{http://schemas.microsoft.com/office/2006/xmlPackage}package", f"{_W2003}wordDocument",
                           f"{_ODF_OFFICE}document"})
_OFFICE_BODIES = frozenset({f"{_W}body", f"{_W2003}body", f"{_ODF_OFFICE}text"})
_OFFICE_PARAGRAPHS = frozenset({f"{_W}p", f"{_W2003}p", f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"})
_WORD_TEXT = frozenset({f"{_W}t", f"{_W2003}t"})
_OFFICE_SPACES = frozenset({f"{_W}tab", f"{_W}br", f"{_W2003}tab", f"{_W2003}br", f"{_ODF_TEXT}s", f"{_ODF_TEXT}tab",
                            f"{_ODF_TEXT}line-break"})
_OFFICE_UNSHOWN = frozenset({f"{_ODF_TEXT}note", f"{_ODF_TEXT}tracked-changes", f"{_ODF_OFFICE}annotation",
                             f"{_ODF_TEXT}hidden-text", f"{_ODF_TEXT}hidden-paragraph", *_OFFICE_PARAGRAPHS})
_WORD_HIDDEN = (f"{_W}rPr/{_W}vanish", f"{_W2003}rPr/{_W2003}vanish")


def _office_text(root: ET.Element) -> list[str]:
    """A word processor's XML document as the paragraphs of its body (`_OFFICE_ROOTS`), in order, none from inside
    what it does not show (`_OFFICE_UNSHOWN`: a deleted change's, a comment's, a note's)."""
    out: list[str] = []
    stack = [body for body in root.iter() if body.tag in _OFFICE_BODIES][::-1]
    while stack:
        element = stack.pop()
        if element.tag in _OFFICE_PARAGRAPHS and (text := _office_paragraph(element).strip()):
            out.append(text)
        stack += [child for child in reversed(element) if child.tag not in _OFFICE_UNSHOWN - _OFFICE_PARAGRAPHS]
    return out


def _office_paragraph(paragraph: ET.Element) -> str:
    """One paragraph's text as shown: Word's runs' text (`<w:t>`), ODF's text and what follows each element in it,
    a tab or a break as a space; not what `_OFFICE_UNSHOWN` holds (a paragraph inside it, a frame's, is read on its
    own), nor a run Word hides (`_WORD_HIDDEN`). Walked with a stack, so any depth expat reads is read."""
    odf = paragraph.tag.startswith(_ODF_TEXT)
    parts: list[str] = []
    stack: list[ET.Element | str] = [paragraph]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item is not paragraph and (item.tag in _OFFICE_UNSHOWN
                                      or any(item.find(hidden) is not None for hidden in _WORD_HIDDEN)):
            continue
        if item.tag in _OFFICE_SPACES:
            parts.append(" ")
        elif odf or item.tag in _WORD_TEXT:
            parts.append(item.text or "")
        for child in reversed(item):
            stack += [child.tail] if odf and child.tail else []
            stack.append(child)
    return "".join(parts)


#: A feed's root (RSS 2.0 and WordPress's export, Atom, RSS 1.0), by its local name; and an Evernote export's
#: (`.enex`, as its web clipper's notes are exported), read as a feed is: each note's title and content (its HTML),
#: not its time stamps, the place it was clipped at (`<latitude>51.50735`, `<altitude>12`), its clipper's version
#: (`web.clip7`) or its images' sizes. Read as HTML, they were figures not in the record and parts not read (exit 1).
_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "en-export"})
#: What a feed reader shows of a feed, by local name in any of its vocabularies (RSS, Atom, Dublin Core, iTunes,
#: Media RSS, WordPress's export): titles, descriptions, summaries, contents, the names of authors and categories,
#: comments. The rest is for machines: how often to poll (`<sy:updateFrequency>1`, `<ttl>60`, in every WordPress
#: feed), an icon's size (`<width>32`), comment counts (`<slash:comments>`, Atom's `<thr:total>`), an episode's
#: number and length, post ids, time stamps. Read as text, a WordPress feed gave the figures 1, 32, 32 and 37, and
#: an Atom feed's time stamps three parts "not read", none of them anything a reader of the feed sees.
_FEED_TEXT = frozenset({"title", "subtitle", "description", "summary", "content", "encoded", "rights", "copyright",
                        "name", "creator", "author", "category", "subject", "comment_content"})
#: The feed elements whose text is HTML whatever it holds (RSS's description, `content:encoded`, WordPress's
#: excerpt; Atom's and Media RSS's by `type="html"`): a feed reader decodes their character references. Read as
#: text, WordPress's excerpt "Between 1,200 &#8211; 1,400 children [&#8230;]" (its dashes and ellipses always
#: written so) was the two figures 1,200 and 1,400, where a reader sees a range.
_FEED_HTML = frozenset({"description", "encoded", "comment_content"})
_ATOM = "{http://www.w3.org/2005/Atom}"


def _feed_text(element: ET.Element) -> bool:
    """Whether a feed's element is one whose text a feed reader shows (`_FEED_TEXT`)."""
    return isinstance(element.tag, str) and element.tag.rpartition("}")[2] in _FEED_TEXT


def _feed_html(element: ET.Element) -> bool | None:
    """Whether a feed element's text is HTML (`_FEED_HTML`), False where it says it is text (Atom's default, any
    `type="text"`), None where nothing says (its markup decides, as in any other XML)."""
    kind = element.get("type", "").strip().lower()
    if kind in ("html", "text/html") or (not kind and element.tag.rpartition("}")[2] in _FEED_HTML
                                         and not element.tag.startswith(_ATOM)):
        return True
    return False if kind in ("text", "plain", "text/plain") or element.tag.startswith(_ATOM) else None


def _xhtml_as_html(root: ET.Element) -> str:
    """An XHTML element, and all in it, written as HTML (namespaces dropped, `_WRITTEN_RAW`), or InputRefused."""
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.rpartition("}")[2]
        if element.tag in _WRITTEN_RAW and element.text and "<" in element.text:
            element.text = _WRITTEN_RAW[element.tag](element.text)
        for key in [key for key in element.attrib if key.startswith("{")]:
            value = element.attrib.pop(key)
            namespace, _, name = key[1:].partition("}")
            if namespace in _KEPT_NAMESPACES:
                element.attrib.setdefault(_KEPT_NAMESPACES[namespace] + name, value)
    try:
        return ET.tostring(root, encoding="unicode", method="html")
    except RecursionError:
        raise InputRefused("it is XHTML nested too deep to read: save the page as .html") from None


def _tree_as_html(root: ET.Element) -> str:
    """An XML document other than XHTML (a feed, a CMS's export) as HTML: the text of each element
    and the text after it, in the document's order, each a paragraph. Text holding markup (an item's or a post's
    HTML, in CDATA or escaped) is read as the page a feed reader shows of it, in a frame of its own, so one item's
    unclosed markup hides nothing of the next; so is an XHTML element in it (an Atom entry's `type="xhtml"`
    content), written as HTML. Read as HTML, a CDATA section was a comment up to its first ">":
    the figures of a post or a feed item written in one (WordPress's export, every RSS feed's <description>) were
    dropped, and scan said nothing, where Chromium shows them. Walked with a stack, so any depth expat reads is read."""
    out: list[str] = []
    feed = isinstance(root.tag, str) and root.tag.rpartition("}")[2] in _FEED_ROOTS

    def piece(text: str | None, markup: bool | None = None) -> None:
        if text and text.strip() and (markup or (markup is None and "<" in text)):
            out.append(f'<iframe srcdoc="{html.escape(text)}"></iframe>')
        elif text and text.strip():
            out.append(f"<p>{html.escape(text, quote=False)}</p>")

    if not feed:
        piece(root.text)
    stack = [(root, iter(root))]
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and not feed:
                piece(element.tail)  # the text after an element, once all inside it is read
            continue
        if isinstance(child.tag, str) and child.tag.startswith(_XHTML):
            out.append(f'<iframe srcdoc="{html.escape(_xhtml_as_html(child))}"></iframe>')
            stack.append((child, iter(())))  # read whole: only the text after it is left
            continue
        if not feed:
            piece(child.text)
        elif _feed_text(child):  # a feed: only what its reader shows (`_FEED_TEXT`), as it shows it
            piece(child.text, _feed_html(child))
        stack.append((child, iter(child)))
    return "".join(out)
