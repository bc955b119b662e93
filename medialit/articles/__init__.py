"""Articles: decode text, find its parts, split the body into sentences.

Every part, paragraph and sentence carries ``(start, end)`` offsets into the
article text exactly as decoded, so ``article.text[start:end] == span.text``
always holds. Nothing is normalised: non-breaking spaces, curly quotes and
CRLF line ends stay in the text.

>>> art = parse_article("Big News\\n\\nBy Jane Roe\\n\\nGen. Smith said it may rain. (AP)\\n")
>>> art.headline, art.byline
('Big News', 'Jane Roe')
>>> [s.text for s in art.sentences]
['Big News', 'Gen. Smith said it may rain. (AP)']
>>> s = art.sentences[1]; art.text[s.start:s.end] == s.text
True
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: Kinds of part an article can have, in the order they usually appear.
PART_KINDS = ("boilerplate", "headline", "dek", "date", "byline", "related", "body")


#: The longest text the kit analyses, in characters. A long newspaper feature has about
#: 40,000; 200,000 characters (about 30,000 words) analyse in well under a second, and even
#: the worst text the splitter benchmark builds (``benchmarks/splitter.py``) in about 2 s.
MAX_CHARS = 200_000
#: The most bytes read from a file or standard input: enough for MAX_CHARS characters in any
#: encoding the kit reads (UTF-8 needs at most 4 bytes a character). Reading stops there, so a
#: huge file, ``/dev/zero`` or an endless pipe is refused at once instead of filling the memory.
MAX_BYTES = 4 * MAX_CHARS


class ArticleError(ValueError):
    """Input that cannot be read as an article (missing, empty, binary, undecodable...).

    The message is one line in plain words. Subclasses name the kinds of problem.
    """


class TooLongError(ArticleError):
    """More than :data:`MAX_CHARS` characters (or a file or stream of more than :data:`MAX_BYTES` bytes).

    ``length`` is the text's length in characters (``None`` when only the bytes were counted).
    """

    def __init__(self, message: str, length: int | None = None):
        super().__init__(message)
        self.length = length


class NotTextError(ArticleError):
    """Binary input: a picture, a PDF, a Word document..."""


class EncodingProblemError(ArticleError):
    """Bytes that cannot be read as text in any encoding the kit knows."""


class StrayByteError(EncodingProblemError):
    """UTF-8 text with one or more bytes that are not UTF-8; ``line`` and ``column`` (from 1) say where the first is.

    The kit refuses such a file rather than guess: reading it all as Windows-1252 would garble
    every curly quote and accent, and reading it with replacement characters would hide the fault.
    """

    def __init__(self, message: str, line: int, column: int, byte: int, count: int):
        super().__init__(message)
        self.line, self.column, self.byte, self.count = line, column, byte, count


class WebPageError(ArticleError):
    """The HTML code of a web page (tags and all) rather than an article's text."""


@dataclass(frozen=True)
class Part:
    """One block of the page: a headline, a date line, a body paragraph...

    ``paragraph`` numbers body paragraphs from 1; it is ``None`` for other parts.
    ``reason`` says in plain words why the block was given this kind.
    """

    kind: str
    start: int
    end: int
    text: str
    reason: str = ""
    paragraph: int | None = None


@dataclass(frozen=True)
class Sentence:
    """A unit the detector labels: the headline, the dek, or one body sentence.

    ``index`` counts units from 0 in text order; ``paragraph`` is the body
    paragraph number (``None`` for headline and dek); ``part`` is
    ``"headline"``, ``"dek"`` or ``"body"``.
    """

    index: int
    start: int
    end: int
    text: str
    part: str
    paragraph: int | None = None


@dataclass(frozen=True)
class Article:
    """A decoded article with its parts and sentences.

    ``id`` is the file stem for articles loaded from a file (``None`` for pasted text).
    ``encoding`` says how the bytes were read (``"str"`` for text given as text) and
    ``notes`` anything else the kit did to read it.
    """

    text: str
    parts: tuple[Part, ...]
    sentences: tuple[Sentence, ...]
    encoding: str = "str"
    id: str | None = None
    source: str | None = None
    sha256: str = field(default="", compare=False)
    #: What the kit did to read the text, in plain words (e.g. broken characters replaced).
    notes: tuple[str, ...] = ()

    # -- convenient views -------------------------------------------------
    def parts_of(self, kind: str) -> list[Part]:
        """All parts of one kind, in text order."""
        return [p for p in self.parts if p.kind == kind]

    def _first(self, kind: str) -> Part | None:
        found = self.parts_of(kind)
        return found[0] if found else None

    @property
    def headline(self) -> str | None:
        part = self._first("headline")
        return part.text if part else None

    @property
    def dek(self) -> str | None:
        part = self._first("dek")
        return part.text if part else None

    @property
    def date(self) -> str | None:
        part = self._first("date")
        return part.text if part else None

    @property
    def byline(self) -> str | None:
        """The author's name; ``''`` for a byline marker with no name, ``None`` if no byline."""
        part = self._first("byline")
        if part is None:
            return None
        return _BYLINE_PREFIX.sub("", part.text).strip(" ,;:\u00a0\t")

    @property
    def boilerplate(self) -> list[str]:
        return [p.text for p in self.parts_of("boilerplate")]

    @property
    def related(self) -> list[str]:
        return [p.text for p in self.parts_of("related")]

    @property
    def paragraphs(self) -> list[Part]:
        """Body paragraphs, numbered from 1 in ``Part.paragraph``."""
        return self.parts_of("body")

    def sentences_in(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]


_BYLINE_PREFIX = re.compile(r"^\s*(?:written\s+by|posted\s+by|by)\b[:\s]*", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

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
    medialit.articles.StrayByteError: line 2, column 8: the byte 0x92 is not UTF-8, but the rest of the text is UTF-8 (in Windows-1252 the byte would be ’); the kit does not guess: correct that character and save the file again as UTF-8 text
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
        except UnicodeDecodeError as exc:
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
    if len(sample) < 4 or len(data) % 2:
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


# ---------------------------------------------------------------------------
# Blocks (paragraph-like units separated by blank lines)
# ---------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_BLANK = re.compile(r"^[\s\u00a0\u200b\ufeff]*$")
_INVISIBLE = "\u200b\ufeff"  # zero-width space and stray byte-order marks


def _is_ws(char: str) -> bool:
    return char.isspace() or char in _INVISIBLE


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow (start, end) to exclude surrounding whitespace, NBSP included."""
    while start < end and _is_ws(text[start]):
        start += 1
    while end > start and _is_ws(text[end - 1]):
        end -= 1
    return start, end


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Split text into blocks: runs of lines separated by blank lines.

    If the text has no blank line at all, every line is a block (pasted text
    often has one paragraph per line). Offsets exclude surrounding whitespace.

    >>> split_blocks("a\\nb\\n\\nc")
    [(0, 3), (5, 6)]
    >>> split_blocks("a\\r\\nb")
    [(0, 1), (3, 4)]
    """
    lines = []  # (start, end_without_newline, blank)
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n")
        lines.append((m.start(), m.start() + len(content), bool(_BLANK.match(content))))
    has_blank = any(blank for _, _, blank in lines)
    spans: list[tuple[int, int]] = []
    if not has_blank:
        candidates = [(s, e) for s, e, _ in lines]
    else:
        candidates = []
        run_start = None
        run_end = None
        for s, e, blank in lines:
            if blank:
                if run_start is not None:
                    candidates.append((run_start, run_end))
                    run_start = None
            else:
                if run_start is None:
                    run_start = s
                run_end = e
        if run_start is not None:
            candidates.append((run_start, run_end))
    for s, e in candidates:
        s, e = _strip_span(text, s, e)
        if s < e:
            spans.append((s, e))
    return spans


# ---------------------------------------------------------------------------
# Parts of the page
# ---------------------------------------------------------------------------

_DATA = Path(__file__).parent / "data"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4})"
)
_BYLINE = re.compile(r"(?:^|(?<=[,|\-–—]\s)|(?<=[,|]))\s*(?:written\s+by|posted\s+by|by)\b[^\n]{0,80}$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*")


def _load_boilerplate() -> list[tuple[str, str]]:
    import csv

    path = _DATA / "parts" / "boilerplate.csv"
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    for row in csv.DictReader(lines):
        rows.append((" ".join(row["phrase"].lower().split()), row["explanation"]))
    return rows


_BOILERPLATE: list[tuple[str, str]] | None = None


def boilerplate_reason(block: str) -> str | None:
    """Why a block is the website's boilerplate, or ``None`` if it is not.

    >>> boilerplate_reason("Support Us - Go Ad-Free!")
    "boilerplate: contains 'go ad-free'. An appeal from the website for money or subscriptions, not part of the article."
    """
    global _BOILERPLATE
    if _BOILERPLATE is None:
        _BOILERPLATE = _load_boilerplate()
    if len(block) >= 400:
        return None
    flat = " ".join(block.lower().split())
    for phrase, why in _BOILERPLATE:
        if phrase in flat:
            return f"boilerplate: contains '{phrase}'. {why}"
    return None


def _ends_like_sentence(block: str) -> bool:
    return bool(_SENTENCE_END.search(block))


def _is_title_case(block: str) -> bool:
    words = [w for w in _WORD.findall(block) if len(w) > 3]
    if not words:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


def _date_and_byline(text: str, start: int, end: int) -> list[Part] | None:
    """Parts for a short date/byline line, or None if the block is something else."""
    block = text[start:end]
    if len(block) > 120 or "\n" in block.strip():
        return None
    parts: list[Part] = []
    m = _DATE.search(block)
    by = _BYLINE.search(block)
    if m is None and by is None:
        return None
    covered = 0
    if m is not None:
        parts.append(Part("date", start + m.start(), start + m.end(), m.group(),
                          "date: a calendar date on a short line near the top"))
        covered += m.end() - m.start()
    if by is not None:
        s, e = _strip_span(text, start + by.start(), start + by.end())
        parts.append(Part("byline", s, e, text[s:e],
                          "byline: a short line starting with 'By' or 'Written by'"))
        covered += e - s
    # The line must be mostly date and byline, not a sentence that mentions a date.
    rest = len(re.sub(r"[\s,|\-–—]", "", block)) - covered
    if rest > 12 or (by is None and _ends_like_sentence(block) and len(block) > 40):
        return None
    return sorted(parts, key=lambda p: p.start)


def _find_parts(text: str, blocks: list[tuple[int, int]], body_only: bool) -> list[Part]:
    """Give every block a kind, with the reason in plain words."""
    if body_only:
        return [Part("body", s, e, text[s:e], "body: --body-only treats every block as body", i + 1)
                for i, (s, e) in enumerate(blocks)]

    found: dict[int, list[Part]] = {}
    for i, (s, e) in enumerate(blocks):
        why = boilerplate_reason(text[s:e])
        if why:
            found[i] = [Part("boilerplate", s, e, text[s:e], why)]

    def prose(i: int) -> bool:
        block = text[slice(*blocks[i])]
        return _ends_like_sentence(block) and (
            len(block) >= 80 or block.count(" ") >= 12 or len(_CANDIDATE.findall(block)) >= 2)

    content = [i for i in range(len(blocks)) if i not in found]
    # Date and byline lines are looked for near the top only.
    for i in content[:6]:
        dated = _date_and_byline(text, *blocks[i])
        if dated is not None:
            found[i] = dated
    content = [i for i in content if i not in found]
    # The body starts at the first block that reads like running prose.
    body_start = next((i for i in content if prose(i)), None)
    if body_start is None:
        # No prose at all: a first short line is the headline, the rest is body.
        body_start = content[1] if len(content) > 1 else (content[0] if content else len(blocks))
    # Date-like lines inside the body are body text after all.
    for i in [i for i in found if i > body_start and found[i][0].kind in ("date", "byline")]:
        del found[i]
    head = [i for i in content if i < body_start]

    for n, i in enumerate(head):
        s, e = blocks[i]
        block = text[s:e]
        if n == 0 and len(block) <= 250 and "\n" not in block:
            found[i] = [Part("headline", s, e, block,
                             "headline: the first short line of the page that is not boilerplate")]
        elif n == 1 and len(block) <= 400:
            found[i] = [Part("dek", s, e, block,
                             "dek: the line that follows the headline, before the first paragraph")]
        else:
            found[i] = [Part("related", s, e, block,
                             "related: another title-like line before the article starts "
                             "(often a link to a different story)")]

    parts: list[Part] = []
    paragraph = 0
    for i, (s, e) in enumerate(blocks):
        if i in found:
            parts.extend(found[i])
        else:
            paragraph += 1
            parts.append(Part("body", s, e, text[s:e], "body: a paragraph of the article", paragraph))
    return parts


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

#: Abbreviations after which a period never ends a sentence (titles, "No. 5", months before a day).
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr sen rep gov pres prof rev hon st jr sr
    messrs mme mlle fr brig gens sens reps no nos vol pp fig art ch sec dept est approx vs etc cf
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co""".split()
)
#: Words that typically start a sentence: after "U.S." or "a.m." one of these means a new sentence.
SENTENCE_STARTERS = frozenset(
    """the a an it he she they we i you this that these those there but and so yet however
    in on at for as if when while after before then thus still also its his her their our
    what who why how meanwhile moreover nonetheless nevertheless although though""".split()
)

# The look-behind starts a candidate only at the first mark of a run ("...", "?!"), which
# keeps the search linear on long runs: without it every mark of a run of n marks not
# followed by a space would rescan the rest of the run (n*n steps; 20,000 full stops took
# 20 s). No match is lost: any match inside a run is also a match from the run's start.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s)")
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"
_TAG = re.compile(r"\([A-Z][A-Za-z&.\-’' ]{0,34}\)(?=\s|$)")
_NEXT_WORD = re.compile(r"\s+([\"“‘'(\[]*)([^\s\"“‘'(\[]*)")
_MULTI_DOT = re.compile(r"(?:[A-Za-z]\.){2}")   # fullmatch on a token's last 4 characters
_INITIAL = re.compile(r"(?:^|[\s(“\"])[A-Z]\.$")


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token that ends at ``pos`` (exclusive), e.g. 'U.S.' or 'Gen.'."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos]


def _is_boundary(text: str, mark_start: int, mark_end: int, block_end: int, block_start: int) -> bool:
    nxt = _NEXT_WORD.match(text, mark_end, block_end)
    if nxt is None:
        return False
    opener, word = nxt.groups()
    if not word and not opener:
        return False
    first = (word or opener)[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False  # "the U.S. against..." - a lowercase word continues the sentence
    if text[mark_start] != ".":
        return True
    token = _word_before(text, mark_start + 1, block_start)  # includes the period
    bare = token.lstrip("“\"‘'([").lower()
    if bare.rstrip(".") in TITLE_ABBREVIATIONS and bare.count(".") == 1:
        return False  # "Gen. Konashenko", "Dr. Roe", "No. 5"
    if _INITIAL.search(" " + token):
        return False  # "John F. Kennedy"
    if _MULTI_DOT.fullmatch(bare[-4:]):
        # "U.S." or "a.m.": only a typical sentence opener after it starts a new sentence.
        return word.lower().strip(",;:") in SENTENCE_STARTERS
    return True


def _quote_embedded(text: str, close: int) -> bool:
    """Inside an open “quotation” that closes (at ``close``, -1 if never) with a comma or runs on in lowercase?"""
    if close < 0:
        return False
    before = text[close - 1] if close > 0 else ""
    after = text[close + 1:close + 3].lstrip()
    return before in ",;:—–-" or (after[:1].islower() if after else False) or after[:1] in ",;"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph).

    Abbreviations and initials stay inside their sentence, a closing quote or
    bracket after the period stays with it, and a short source tag such as
    "(Reuters)" after the period belongs to the sentence before it.

    >>> t = "Gen. Roe met U.S. envoys. “Fine,” she said. It rained. (AP) Then it stopped."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Gen. Roe met U.S. envoys.', '“Fine,” she said.', 'It rained. (AP)', 'Then it stopped.']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sent_start = start
    depth = 0  # open curly double quotes
    scan = start
    close = None  # the first closing quote at or after the current candidate (-1: none left)
    for m in _CANDIDATE.finditer(text, start, end):
        # Track “quotes” between the last candidate and this one.
        segment = text[scan:m.end()]
        depth = max(0, depth + segment.count(_QUOTE_OPEN) - segment.count(_QUOTE_CLOSE))
        scan = m.end()
        if not _is_boundary(text, m.start(), m.end(), end, start):
            continue
        if depth > 0:
            if close is None or 0 <= close < m.end():  # searched once per closing quote: linear
                close = text.find(_QUOTE_CLOSE, m.end(), end)
            if _quote_embedded(text, close):
                continue
        stop = m.end()
        tag = _TAG.match(text, _skip_ws(text, stop, end), end)
        if tag:
            stop = tag.end()
            scan = stop
        s, e = _strip_span(text, sent_start, stop)
        if s < e:
            spans.append((s, e))
        sent_start = stop
    s, e = _strip_span(text, sent_start, end)
    if s < e:
        spans.append((s, e))
    return spans


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


# ---------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------

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
    medialit.articles.TooLongError: the text is 200,001 characters long; the kit reads one article of at most 200,000 characters
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


def parse_article(text: str, *, body_only: bool = False, id: str | None = None,
                  encoding: str = "str", source: str | None = None) -> Article:
    """Build an :class:`Article` from already decoded text.

    A lone surrogate (half of an emoji or symbol, which some copy-and-paste leaves behind and
    no file can store) is replaced with "�", one for one, and ``Article.notes`` says so.

    >>> parse_article("One. Two.", body_only=True).sentences[1].text
    'Two.'
    >>> parse_article("One \\udc80. Two.").notes
    ('1 broken character (half of an emoji or symbol, lost in copying) was replaced with �',)
    """
    if not isinstance(text, str):
        raise TypeError("parse_article() takes text (str); use load_article() for a file or bytes")
    if not text.strip():
        raise ArticleError("the input holds no text (only spaces or blank lines)")
    notes: tuple[str, ...] = ()
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        text, n = replace_lone_surrogates(text)
        notes = (f"{n} broken character{'s' if n != 1 else ''} (half of an emoji or symbol, lost in copying) "
                 f"{'were' if n != 1 else 'was'} replaced with \ufffd",)
        raw = text.encode("utf-8")
    if encoding in ("utf-16-le", "utf-16-be"):
        notes += (f"read as UTF-16 ({'little' if encoding.endswith('le') else 'big'}-endian) without a "
                  "byte-order mark",)
    parts = tuple(_find_parts(text, split_blocks(text), body_only))
    sentences: list[Sentence] = []
    for part in parts:
        if part.kind in ("headline", "dek"):
            sentences.append(Sentence(len(sentences), part.start, part.end, part.text, part.kind))
        elif part.kind == "body":
            for s, e in split_sentences(text, part.start, part.end):
                sentences.append(Sentence(len(sentences), s, e, text[s:e], "body", part.paragraph))
    digest = hashlib.sha256(raw).hexdigest()
    return Article(text=text, parts=parts, sentences=tuple(sentences), encoding=encoding,
                   id=id, source=source, sha256=digest, notes=notes)


def read_article_bytes(data: bytes, *, body_only: bool = False, id: str | None = None,
                       source: str | None = None) -> Article:
    """Decode bytes (see :func:`decode_bytes`), check them (see :func:`check_text`) and parse them."""
    if len(data) > MAX_BYTES:
        raise TooLongError(f"the input is more than {MAX_BYTES:,} bytes; the kit reads one article of at most "
                           f"{MAX_CHARS:,} characters")
    text, encoding = decode_bytes(data)
    check_text(text)
    return parse_article(text, body_only=body_only, id=id, encoding=encoding, source=source)


def read_limited(stream, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit + 1`` bytes from a binary stream: enough to tell that it is too long, never more.

    >>> import io; len(read_limited(io.BytesIO(b"x" * 10), limit=3))
    4
    """
    return stream.read(limit + 1)


def load_article(path: str | Path, *, body_only: bool = False) -> Article:
    """Load an article from a file path, or from standard input when ``path`` is ``"-"``.

    At most :data:`MAX_BYTES` + 1 bytes are read, so an endless stream (``/dev/zero``, a
    pipe) is refused at once. Raises an :class:`ArticleError` (a subclass says which kind)
    with one clear line for a missing path, a folder, or input that is too long, empty,
    binary, undecodable, UTF-8 with a stray byte, or a web page's HTML code.
    """
    if str(path) == "-":
        data = read_limited(sys.stdin.buffer)
        try:
            return read_article_bytes(data, body_only=body_only, id=None, source="<stdin>")
        except ArticleError as exc:
            exc.args = (f"standard input: {exc}",)
            raise exc from None
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{p}: no such file")
    if p.is_dir():
        raise ArticleError(f"{p}: is a folder, not a text file")
    try:
        with open(p, "rb") as fh:
            data = read_limited(fh)
    except OSError as exc:
        raise ArticleError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    try:
        return read_article_bytes(data, body_only=body_only, id=p.stem, source=str(p))
    except ArticleError as exc:
        exc.args = (f"{p}: {exc}",)
        raise exc from None


# ---------------------------------------------------------------------------
# The kit's two seed articles
# ---------------------------------------------------------------------------

def seeds_dir() -> Path:
    """The folder that holds the seed articles, wherever the kit is installed.

    An installed kit (``pip install .``, a wheel, Binder) carries them inside the package as
    ``medialit/data/seeds/`` (``setup.py`` copies them there from the project's ``seeds/``);
    an editable checkout (``pip install -e .``) reads the project's top-level ``seeds/``. The
    folder is found from the package's own location, never from the working directory.

    >>> sorted(p.name for p in seeds_dir().glob("*.txt"))
    ['000_b7d55dfd4cdbabc3.txt', '003_9a3e418065795979.txt']
    """
    package = Path(__file__).resolve().parent
    installed = package / "data" / "seeds"
    places = [installed]
    if (package.parent / "pyproject.toml").is_file():  # a checkout, not site-packages
        places.append(package.parent / "seeds")
    for here in places:
        if any(here.glob("*.txt")):
            return here
    raise ArticleError(f"the seed articles were not found in {installed}; reinstall the kit "
                       "with 'pip install .' from the project folder")


def seed_ids() -> list[str]:
    """Ids (file stems) of the seed articles.

    >>> seed_ids()
    ['000_b7d55dfd4cdbabc3', '003_9a3e418065795979']
    """
    return sorted(p.stem for p in seeds_dir().glob("*.txt"))


def seed_path(article_id: str) -> Path:
    path = seeds_dir() / f"{article_id}.txt"
    if not path.is_file():
        raise ArticleError(f"no seed article {article_id!r}; choose one of {', '.join(seed_ids())}")
    return path


def resolve_seed_id(article_id: str) -> str:
    """The full id of a seed article given its id or a unique prefix such as ``"000"``."""
    matches = [i for i in seed_ids() if i == article_id or i.startswith(article_id)]
    if len(matches) != 1:
        raise ArticleError(f"no single seed article matches {article_id!r}; choose one of "
                           f"{', '.join(seed_ids())}")
    return matches[0]


def seed_article(article_id: str) -> Article:
    """Load one of the kit's seed articles by id (or by a unique prefix such as ``"000"``)."""
    return load_article(seed_path(resolve_seed_id(article_id)))


def seed_metadata(article_id: str) -> dict:
    """What is known and unknown about a seed article (outlet, date, byline...), from ``seeds/<id>.meta.json``.

    >>> seed_metadata("003")["date"] is None
    True
    """
    import json

    return json.loads((seeds_dir() / f"{resolve_seed_id(article_id)}.meta.json").read_text(encoding="utf-8"))
