"""The article model: parts, sentences, the article itself, the kit's size limits and its errors.

Every :class:`Part` and :class:`Sentence` carries ``(start, end)`` offsets into
:attr:`Article.text`, so ``article.text[start:end] == part.text`` always holds.

>>> art = Article("Hi.", (Part("body", 0, 3, "Hi.", paragraph=1),), (Sentence(0, 0, 3, "Hi.", "body", 1),))
>>> art.paragraphs[0].text, art.sentences_in(1)[0].text, art.headline
('Hi.', 'Hi.', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medialit.articles.wordsets import byline_marker_pattern

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

    >>> import dataclasses, inspect
    >>> [(p.name, p.default) for p in list(inspect.signature(Sentence.__init__).parameters.values())[1:]] == [
    ...     (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
    ...     for f in dataclasses.fields(Sentence)]
    True
    >>> s = Sentence(0, 0, 3, "Hi.", "body")
    >>> s == Sentence(0, 0, 3, "Hi.", "body", None), s.paragraph, dataclasses.replace(s, index=1).index
    (True, None, 1)
    """

    index: int
    start: int
    end: int
    text: str
    part: str
    paragraph: int | None = None

    # Speed: an article of a megabyte has thousands of sentences, and the ``__init__`` that
    # @dataclass(frozen=True) writes sets each field through ``object.__setattr__``, about three
    # times slower than filling ``__dict__``; the class stays frozen, with the same equality,
    # hash and repr (the doctest above checks this ``__init__`` takes exactly the fields).
    def __init__(self, index, start, end, text, part, paragraph=None):
        d = self.__dict__
        d["index"] = index
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["part"] = part
        d["paragraph"] = paragraph


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

    def _first_text(self, kind: str) -> str | None:
        part = self._first(kind)
        return part.text if part else None

    @property
    def headline(self) -> str | None:
        return self._first_text("headline")

    @property
    def dek(self) -> str | None:
        return self._first_text("dek")

    @property
    def date(self) -> str | None:
        return self._first_text("date")

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


_BYLINE_PREFIX = re.compile(r"^\s*(?:" + byline_marker_pattern() + r")\b[:\s]*", re.IGNORECASE)
