"""What the stages of the detector share: the article being read and the sentence at hand.

:class:`ArticleState` lives for one article (its text, quotations, the people named
so far); :class:`SentenceState` for one sentence (or piece of a very long one). Each
stage (:mod:`.cues`, :mod:`.attribution`, :mod:`.sources`, :mod:`.labels`) is a
function that reads and fills a :class:`SentenceState`.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> art = ArticleState(parse_article("Head\\n\\nShe said: “It works.” Fine.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> st.voice(st.text.index("works")), st.prev_char(st.text.index("“")), st.next_word(st.text.index(":") + 1)
('source', ':', '“')
"""

from __future__ import annotations

import re
from typing import NamedTuple

from medialit.articles import Article, Sentence
from medialit.cues import Lexicons
from medialit.detect.quotes import Quotes, inside, voice
from medialit.detect.results import Cue, Evidence, Source, Suppressed
from medialit.detect.text import (
    NEXT_WORD,
    OPENER,
    SENT_OPENERS,
    abbreviations,
    is_title_case,
)

#: *, but* opening a clause of the writer's after reported speech (not *, but that…*, which goes on
#: reporting): the council says it is broke*, but* its own figures tell a different story.
WRITER_BUT = re.compile(r",\s+but\s+(?!that\b)")
#: A relative aside opening after a comma (*, which the group asked for*, *, who told the inquiry*):
#: speech reported inside it ends at the comma that closes it.
RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whom)\b")
#: A word that ends the sentence after a short tail (*…, the paper reports.*).
LAST_WORD = re.compile(r"\w+[”\"’']?\s*[.!?]?[”\"’']?\s*$")


class Person(NamedTuple):
    """A person named in the article: how to show them, their role kinds, surname and
    ``order`` (later mentions win)."""

    text: str
    kinds: frozenset
    surname: str
    order: int


class People:
    """The people named so far in an article: the last one named with each role kind,
    and by surname (dicts keep the look-ups linear).

    >>> people = People()
    >>> people.add("Gen. Igor Konashenko", frozenset({"general"}), "Konashenko")
    >>> people.add("Gen. Konashenko", frozenset(), "Konashenko")
    >>> people.by_kind["general"].text, people.by_surname["Konashenko"].order
    ('Gen. Igor Konashenko', 2)
    """

    def __init__(self):
        self.by_kind: dict[str, Person] = {}
        self.by_surname: dict[str, Person] = {}
        self.order = 0

    def add(self, display: str, kinds: frozenset, surname: str) -> None:
        """Remember a person; a shorter mention of someone named before keeps the fuller name."""
        self.order += 1
        same = self.by_surname.get(surname) if surname else None
        if same is not None and len(same.text) > len(display):
            display = same.text  # "Gen. Konashenko" is the "Gen. Igor Konashenko" named before
        person = Person(display, kinds | (same.kinds if same else frozenset()), surname, self.order)
        for k in kinds:
            self.by_kind[k] = person
        if surname:
            self.by_surname[surname] = person


#: A year as written in news (1500-2099), as a regex group; the date line's year and past-time
#: anchors (medialit.detect.cues) both use it.
YEAR = r"(1[5-9]\d\d|20\d\d)"
#: The year of an article's date line.
DATE_YEAR = re.compile(r"\b" + YEAR + r"\b")


def article_year(article) -> int | None:
    """The year in the article's date line, if it has one.

    >>> from medialit.articles import parse_article
    >>> article_year(parse_article("Head\\n\\nMarch 3, 2027\\n\\nBody text here.\\n"))
    2027
    """
    for part in article.parts_of("date"):
        m = DATE_YEAR.search(part.text)
        if m:
            return int(m.group(1))
    return None


class ArticleState:
    """One article being read: text, lower-cased text, quotations, word lists, people named so far."""

    def __init__(self, article: Article, lex: Lexicons):
        self.article = article
        self.lex = lex
        self.text = article.text
        self.low = lex.lowered(self.text)
        self.quotes = Quotes(self.text)
        self.people = People()
        self.abbrev = abbreviations(lex)
        self.year = article_year(article)  # the year of the date line: a year before it is the past
        # quotations across sentences (see medialit.detect.introducers.quotation_runs):
        self.attributed_quotes: set[int] = set()   # starts of quotations opened with a reporting cue
        self.quote_speaker: tuple[int, int] | None = None  # (paragraph, index) of the last sentence
        #                                                  that attributes and holds a quotation
        self.open_quote_paragraph: int | None = None  # paragraph whose attributed quotation runs on
        self.colon_intro: int | None = None  # index of a sentence that attributes and ends with a colon
        self.full_names: dict[str, tuple[bool, int]] = {}  # name -> (seen after a first name, searched up to)
        self.staff_bodies: dict[str, str] = {}  # "researchers" -> the named body they were tied to
        self.name_uses = None  # capitalised words standing alone, and the words before each (sources.py)


class SentenceState:
    """One sentence being read, and what the stages found in it so far.

    ``hits``, ``by_label`` and ``cat_at`` are the list matches kept by
    :func:`medialit.detect.cues.classify` (all, per label, and the source-list
    labels at each word start); ``regions`` is reported speech; ``groups`` are
    vague or anonymous source phrases, as ``(start, end, hits)``.
    """

    __slots__ = (
        "_starts",
        "_title_case",
        "art",
        "by_label",
        "cat_at",
        "cues",
        "evidence",
        "groups",
        "hits",
        "quotes",
        "regions",
        "s",
        "sources",
        "suppressed",
        "text",
        "whole_quotes",
    )

    def __init__(self, art: ArticleState, s: Sentence):
        self.art = art
        self.s = s
        self.text = art.text
        self.quotes = art.quotes.within(s.start, s.end)
        self.whole_quotes = art.quotes.last  # the same quotations, not cut to the sentence
        self.regions: list[tuple[int, int]] = []  # reported speech
        self.evidence: list[Evidence] = []
        self.cues: list[Cue] = []
        self.sources: list[Source] = []
        self.suppressed: list[Suppressed] = []
        self.groups: list[tuple[int, int, list]] = []
        self.hits: list = []
        self.by_label: dict[str, list] = {}
        self.cat_at: dict[int, set] = {}
        self._title_case: bool | None = None
        self._starts: set[int] | None = None

    @property
    def title_case(self) -> bool:
        """Whether the sentence is written In Title Case (then capitals mean nothing)."""
        if self._title_case is None:
            self._title_case = is_title_case(self.s.text)
        return self._title_case

    def content_starts(self) -> set[int]:
        """Where the sentence's words start: after opening quotes or brackets, and after
        an opener such as *But* or *So*."""
        if self._starts is None:
            t, s = self.text, self.s
            i = s.start
            while i < s.end and (t[i].isspace() or t[i] in "\"'“‘([{—–-…«„"):
                i += 1
            out = {i}
            m = OPENER.match(t, i, s.end)
            if m and m.group(1).lower() in SENT_OPENERS:
                out.add(m.end())
            self._starts = out
        return self._starts

    def voice(self, pos: int) -> str:
        """``source`` inside a quotation or reported speech, else ``author``."""
        return voice(pos, self.quotes, self.regions)

    def suppress(self, a: int, b: int, rule: str, explanation: str, label: str) -> None:
        """Record that the match ``a:b`` was switched off by ``rule``."""
        self.suppressed.append(Suppressed(a, b, self.text[a:b], rule, explanation, label))

    def hits_in(self, a: int, b: int, labels) -> list:
        """The kept list matches with one of ``labels`` lying within ``a:b``."""
        return [h for h in self.hits if h.entry.label in labels and h.start >= a and h.end <= b]

    def cut_regions(self, pos: int) -> None:
        """A new speaker starts at ``pos``: earlier reported speech ends there."""
        self.regions = [(x, min(y, pos)) if x < pos else (x, y) for x, y in self.regions]

    def region_after(self, pos: int) -> None:
        """Reported speech from ``pos`` to the end of the sentence (or a semicolon, or *, but* that
        starts a clause of the writer's: the council says it is broke*, but* its figures…, or the comma
        closing a relative aside the verb stands in: a bay*, which the group asked for,* should…)."""
        end = self.s.end
        semi = self.text.find(";", pos, end)
        if semi >= 0:
            end = semi
        but = WRITER_BUT.search(self.text, pos, end)
        if but is not None and not inside(but.start(), self.quotes):
            end = but.start()
        aside = None
        for aside in RELATIVE_ASIDE.finditer(self.text, self.s.start, pos):
            pass  # the last one before the reporting verb
        if aside is not None and "," not in self.text[aside.end():pos]:
            close = self.text.find(",", pos, end)  # "a bay, which the group asked for in June, should…"
            if close >= 0 and not inside(close, self.quotes):
                end = close
        if pos < end:
            self.regions.append((pos, end))

    def next_word(self, pos: int) -> str:
        """The next word or sign after ``pos``, lower-cased ("" at the end of the sentence)."""
        m = NEXT_WORD.match(self.text, pos, self.s.end)
        return m.group(1).lower() if m else ""

    def prev_char(self, pos: int) -> str:
        """The last character before ``pos`` that is not white space ("" at the start)."""
        i = pos - 1
        while i >= self.s.start and self.text[i].isspace():
            i -= 1
        return self.text[i] if i >= self.s.start else ""

    def comma_tail(self, pos: int) -> bool:
        """Whether the word at ``pos`` ends the sentence after a short tail opened by a comma
        (*…, the paper reports.*): there it is a verb, not a noun."""
        s = self.s
        comma = self.text.rfind(",", max(s.start, pos - 60), pos) if s.end - pos < 30 else -1
        return comma > 0 and len(self.text[comma:pos].split()) <= 4 and bool(LAST_WORD.match(self.text, pos, s.end))


#: Quotation marks and brackets that may close a sentence after its question mark.
CLOSERS = "\"'”’)]» \t\r\n"


def is_question(st: SentenceState) -> bool:
    """Whether the sentence ends with a question mark (closing quotes or brackets aside).

    >>> from medialit.articles import parse_article
    >>> from medialit.cues import load_lexicons
    >>> from medialit.detect.state import ArticleState
    >>> art = ArticleState(parse_article("Head\\n\\nWho should pay?” Nobody.\\n"), load_lexicons())
    >>> [is_question(SentenceState(art, s)) for s in art.article.sentences[1:]]
    [True, False]
    """
    return st.s.text.rstrip(CLOSERS).endswith("?")
