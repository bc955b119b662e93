"""Reading an article: from text, from bytes, or from a file or standard input.

>>> art = parse_article("Big News\\n\\nBy Jane Roe\\n\\nGen. Smith said it may rain. (AP)\\n")
>>> art.headline, art.byline, [s.text for s in art.sentences]
('Big News', 'Jane Roe', ['Big News', 'Gen. Smith said it may rain. (AP)'])
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from medialit.articles.blocks import split_blocks
from medialit.articles.intake import check_text, decode_bytes, read_limited, replace_lone_surrogates
from medialit.articles.model import MAX_BYTES, MAX_CHARS, Article, ArticleError, Sentence, TooLongError
from medialit.articles.parts import find_parts
from medialit.articles.sentences import split_sentences
from medialit.runtime import paused_gc

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
    with paused_gc():  # many small objects, no reference cycles: the run time stays linear
        parts = tuple(find_parts(text, split_blocks(text), body_only))
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
