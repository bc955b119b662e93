"""Bytes to text: decoding, and the checks that refuse input the kit should not analyse.

:func:`decode_bytes` reads UTF-8, UTF-16 and Windows-1252 and says which it used;
:func:`check_text` refuses text that is too long or a web page's HTML code;
:func:`replace_lone_surrogates` mends text that copy-and-paste left half a character in;
:func:`read_limited` reads a stream without ever reading more than the kit accepts.

>>> decode_bytes("It\u2019s".encode("utf-8"))
('It’s', 'utf-8')
"""

from __future__ import annotations

import re

from medialit.articles.model import (MAX_BYTES, MAX_CHARS, ArticleError, EncodingProblemError, NotTextError,
                                     StrayByteError, TooLongError, WebPageError)

_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")
#: A valid UTF-8 sequence of two to four bytes (a character beyond ASCII).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_PRINTABLE_ASCII = frozenset(range(0x20, 0x7f)) | {0x09, 0x0a, 0x0d}
_ASCII_BYTES = bytes(range(0x80))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes and say which encoding was used.

    UTF-8 (with or without a byte-order mark) first, then UTF-16 with a BOM, then
    UTF-16 without a BOM (``"utf-16-le"``/``"utf-16-be"``, recognised by the zero bytes
    of mostly-ASCII text), then Windows-1252 for a file with no UTF-8 in it at all.
    Raises an :class:`ArticleError` subclass for empty, binary or undecodable input, and
    :class:`StrayByteError` for UTF-8 text with a stray byte (with its line and column).

    >>> decode_bytes("caf\\u00e9".encode("utf-8"))
    ('café', 'utf-8')
    >>> decode_bytes(b"\\xef\\xbb\\xbfhi")
    ('hi', 'utf-8-sig')
    >>> decode_bytes("caf\\u00e9 \\u2019".encode("cp1252"))
    ('café ’', 'cp1252')
    >>> decode_bytes("It’s".encode("utf-16-le"))
    ('It’s', 'utf-16-le')
    >>> decode_bytes("It’s\\n“café” \\x92".encode("utf-8").replace(b"\\xc2\\x92", b"\\x92"))
    Traceback (most recent call last):
    ...
    medialit.articles.model.StrayByteError: line 2, column 8: the byte 0x92 is not UTF-8, but the rest of the text is UTF-8 (in Windows-1252 the byte would be ’); the kit does not guess: correct that character and save the file again as UTF-8 text
    """
    if not data:
        raise ArticleError("the input is empty")
    utf16 = None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith(_BOMS_UTF16):
        candidates = ["utf-16"]
    elif (utf16 := _utf16_without_bom(data)) is not None:
        candidates = [utf16]
    else:
        candidates = ["utf-8"]
        if b"\x00" in data:
            if _zeros_on_one_side(data):
                raise EncodingProblemError("the input looks like UTF-16 text without a byte-order mark, which "
                                           "the kit cannot read safely; save it as UTF-8 text")
            raise NotTextError("the input looks like a binary file, not text (it contains NUL bytes)")
        candidates.append("cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            if encoding.startswith("utf-8"):
                _raise_if_stray(data, bom=encoding == "utf-8-sig")
            continue
        break
    else:
        if utf16:
            raise EncodingProblemError("the input looks like UTF-16 text without a byte-order mark, but it "
                                       "could not be decoded; save it as UTF-8 text")
        tried = " or ".join(candidates)
        raise EncodingProblemError(f"the input could not be decoded as {tried}; save it as UTF-8 text")
    if "\x00" in text or _looks_binary(text):
        raise NotTextError("the input looks like a binary file, not text")
    if not text.strip():
        raise ArticleError("the input holds no text (only spaces or blank lines)")
    return text, encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` if the bytes look like mostly-ASCII UTF-16 without a BOM.

    In such text every other byte is zero: the odd ones (little-endian) or the even ones
    (big-endian), while the other half is mostly printable ASCII.

    >>> _utf16_without_bom("Hello, world".encode("utf-16-be")), _utf16_without_bom(b"Hello")
    ('utf-16-be', None)
    """
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:  # four characters or fewer are too little to tell
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (zeros.count(0) >= 0.5 * len(zeros) and chars.count(0) <= 0.05 * len(chars)
                and sum(b in _PRINTABLE_ASCII for b in chars) >= 0.5 * len(chars)):
            return name
    return None


def _zeros_on_one_side(data: bytes) -> bool:
    """Are the zero bytes (at least 1 in 5 of one half) nearly all at even or all at odd positions, as in UTF-16?"""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= 0.2 * (len(sample) // 2) and min(even, odd) <= 0.1 * max(even, odd)


def _raise_if_stray(data: bytes, bom: bool) -> None:
    """Raise :class:`StrayByteError` if ``data`` is UTF-8 apart from a few stray bytes.

    A file counts as UTF-8 when it starts with the UTF-8 byte-order mark, or when it holds at
    least as many valid UTF-8 characters beyond ASCII as stray bytes; otherwise (an older
    Windows or Latin-1 file with no UTF-8 in it) the caller goes on to Windows-1252.
    """
    valid = _UTF8_MULTIBYTE.findall(data)   # a byte-order mark counts as one, which is right
    stray = len(data.translate(None, _ASCII_BYTES)) - sum(len(v) for v in valid)
    if not bom and len(valid) < stray:
        return
    try:
        data.decode("utf-8")
        return  # not reached: the caller saw a decoding error
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    line = data.count(b"\n", 0, first_bad) + 1
    line_start = max(data.rfind(b"\n", 0, first_bad) + 1, 3 if bom else 0)
    column = len(data[line_start:first_bad].decode("utf-8", "replace")) + 1
    byte = data[first_bad]
    try:
        as_cp1252 = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = ""
    would_be = (f" (in Windows-1252 the byte would be {as_cp1252})"
                if as_cp1252 and as_cp1252.isprintable() else "")
    more = f" ({stray} such bytes in all)" if stray > 1 else ""
    raise StrayByteError(
        f"line {line}, column {column}: the byte 0x{byte:02X} is not UTF-8, but the rest of the text is "
        f"UTF-8{would_be}{more}; the kit does not guess: correct that character and save the file "
        "again as UTF-8 text", line, column, byte, max(stray, 1))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 50)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)?(?:<!doctype\s+html|<html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|br|hr|script|style|meta|link|li|ul|ol|h[1-6]|img|table|tr|td|th|"
    r"section|article|header|footer|nav|main|aside|form|input|button|iframe|strong|em|b|i|figure|noscript)"
    r"(?:\s[^<>]{0,2000})?/?>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Is this the HTML code of a web page rather than an article's text?

    True for text that starts like a page (``<!DOCTYPE html>``, ``<html>``) or holds ten or
    more HTML tags that make up at least a twentieth of it. A few tags quoted in an article
    are not enough.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The page said <script>alert(1)</script> and more. It may rain.")
    False
    """
    if _HTML_START.match(text):
        return True
    tags = 0
    covered = 0
    for m in _HTML_TAG.finditer(text):
        tags += 1
        covered += m.end() - m.start()
    return tags >= 10 and covered * 20 >= len(text)


def check_text(text: str) -> None:
    """Refuse text the kit should not analyse: longer than :data:`MAX_CHARS`, or a web page's HTML code.

    >>> check_text("x" * (MAX_CHARS + 1))
    Traceback (most recent call last):
    ...
    medialit.articles.model.TooLongError: the text is 200,001 characters long; the kit reads one article of at most 200,000 characters
    """
    if len(text) > MAX_CHARS:
        raise TooLongError(f"the text is {len(text):,} characters long; the kit reads one article of at most "
                           f"{MAX_CHARS:,} characters", len(text))
    if looks_like_html(text):
        raise WebPageError("this is the HTML code of a web page (tags such as <p> and <div>), not an article's "
                           "text: open the page in a browser, select the article's text, copy it and save or "
                           "paste that as plain text")


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """Replace each lone surrogate (half of a character, lost in copying) with U+FFFD "�".

    One code point for one, so every offset stays the same. Returns the text and the count.

    >>> replace_lone_surrogates("ok \\ud83d!")
    ('ok \ufffd!', 1)
    """
    return _LONE_SURROGATE.subn("\ufffd", text)


def read_limited(stream, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit + 1`` bytes from a binary stream: enough to tell that it is too long, never more.

    >>> import io; len(read_limited(io.BytesIO(b"x" * 10), limit=3))
    4
    """
    return stream.read(limit + 1)
