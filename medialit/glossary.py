"""The glossary and the background cards: plain words for the terms learners meet, and short,
dated notes on the people, places, events and outlets the two articles mention.

Both live in data tables a teacher can read and correct: ``data/glossary/terms.csv`` (one row per
term, with a meaning in plain words and a short example), ``data/glossary/plain_words.csv`` (the
jargon that must be replaced or glossed in learner-facing text) and ``data/background/cards.csv``
(each card is the kit's own summary, with the date it was written and where its facts were checked).
Shown as HTML through the kit's templates, so every text is escaped.

>>> lookup("Dek").term, lookup("subheadline").term, lookup("no such word") is None
('dek', 'dek', True)
>>> [c.id for c in cards(lesson="04")]
['armed-groups-aleppo']
>>> "&lt;b&gt;" in glossary_html([Term("<b>", "m", "e", "kit word", ())])
True
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from medialit.datafiles import DATA, DataFileError, read_table
from medialit.html import Markup, render

GLOSSARY = DATA / "glossary" / "terms.csv"
PLAIN_WORDS = DATA / "glossary" / "plain_words.csv"
CARDS = DATA / "background" / "cards.csv"

#: Kinds of glossary term, in the order the glossary table shows them.
TERM_KINDS = ("label", "source type", "page part", "news word", "kit word")
#: Kinds of background card.
CARD_KINDS = ("person", "place", "event", "group", "outlet")


@dataclass(frozen=True)
class Term:
    """One glossary row: the term, its meaning in plain words, an example, its kind, other forms."""
    term: str
    meaning: str
    example: str
    kind: str
    forms: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its other forms, lower case (what :func:`lookup` matches)."""
        return tuple(n.lower() for n in (self.term, *self.forms))


@dataclass(frozen=True)
class PlainWord:
    """A word learners must not meet without help: ``replace`` it, or ``gloss`` it in the glossary."""
    word: str
    rule: str
    instead: str
    explanation: str


@dataclass(frozen=True)
class Card:
    """A background card: the kit's own dated summary of a person, place, event, group or outlet."""
    id: str
    name: str
    kind: str
    articles: tuple[str, ...]
    lesson: str
    mentions: tuple[str, ...]
    summary: str
    written: _dt.date
    checked_against: str


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """Every glossary term, in the file's order (a bad kind is an error naming the line)."""
    out = []
    for row in read_table(GLOSSARY, ("term", "meaning", "example", "kind")):
        if row["kind"] not in TERM_KINDS:
            raise DataFileError(f"{GLOSSARY}:{row['line']}: kind {row['kind']!r} is not one of {TERM_KINDS}")
        out.append(Term(row["term"], row["meaning"], row["example"], row["kind"], _split(row.get("forms", ""))))
    return tuple(out)


@lru_cache(maxsize=1)
def plain_words() -> tuple[PlainWord, ...]:
    """The jargon list: words to replace in learner-facing text, and words that need a glossary row."""
    out = []
    for row in read_table(PLAIN_WORDS, ("word", "rule", "explanation")):
        if row["rule"] not in ("replace", "gloss"):
            raise DataFileError(f"{PLAIN_WORDS}:{row['line']}: rule must be 'replace' or 'gloss'")
        out.append(PlainWord(row["word"], row["rule"], row.get("instead", ""), row["explanation"]))
    return tuple(out)


def lookup(word: str) -> Term | None:
    """The glossary term that ``word`` is (the term itself or one of its forms, any case), or None."""
    word = " ".join(word.lower().replace("_", " ").split())
    for term in terms():
        if word in term.names or word.replace(" ", "_") in term.names:
            return term
    return None


def words_in(text: str, words) -> list[str]:
    """Which of ``words`` occur in ``text`` as whole words (any case), in the order given.

    >>> words_in("The unit tests; a cue-word. Units", ["unit", "cue", "span"])
    ['unit', 'cue']
    """
    found = []
    for word in words:
        if re.search(r"(?<![\w-])" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE):
            found.append(word)
    return found


@lru_cache(maxsize=1)
def _all_cards() -> tuple[Card, ...]:
    out = []
    for row in read_table(CARDS, ("id", "name", "kind", "articles", "lesson", "mentions", "summary",
                                  "written", "checked_against")):
        where = f"{CARDS}:{row['line']}"
        if row["kind"] not in CARD_KINDS:
            raise DataFileError(f"{where}: kind {row['kind']!r} is not one of {CARD_KINDS}")
        try:
            written = _dt.date.fromisoformat(row["written"])
        except ValueError:
            raise DataFileError(f"{where}: written must be a date YYYY-MM-DD, not {row['written']!r}") from None
        out.append(Card(row["id"], row["name"], row["kind"], _split(row["articles"]), row["lesson"],
                        _split(row["mentions"]), row["summary"], written, row["checked_against"]))
    return tuple(out)


def cards(*, article: str | None = None, lesson: str | None = None, ids=None) -> tuple[Card, ...]:
    """The background cards, in the file's order: all, or those of one article ("000", "003"),
    those first shown in one lesson ("01"), or those with the given ids (in that order)."""
    chosen = _all_cards()
    if ids is not None:
        by_id = {c.id: c for c in chosen}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise KeyError(f"no background card {', '.join(missing)}; the cards are {', '.join(by_id)}")
        return tuple(by_id[i] for i in ids)
    return tuple(c for c in chosen if (article is None or article[:3] in c.articles)
                 and (lesson is None or c.lesson == lesson))


def glossary_html(selection=None, *, unfolded: bool = False) -> Markup:
    """The glossary as an HTML table (all terms, or ``selection``), grouped by kind, folded away
    unless ``unfolded``; text escaped."""
    rows = list(terms() if selection is None else selection)
    rows.sort(key=lambda t: (TERM_KINDS.index(t.kind) if t.kind in TERM_KINDS else len(TERM_KINDS),))
    return render("glossary_table.html.j2", terms=rows, unfolded=unfolded)


def cards_html(selection, *, unfolded: bool = False) -> Markup:
    """Background cards as HTML, each folded under its name (unless ``unfolded``) and labelled as the
    kit's own summary with its date; text escaped."""
    return render("background_cards.html.j2", cards=list(selection), unfolded=unfolded)


__all__ = [
    "CARD_KINDS",
    "TERM_KINDS",
    "Card",
    "PlainWord",
    "Term",
    "cards",
    "cards_html",
    "glossary_html",
    "lookup",
    "plain_words",
    "terms",
    "words_in",
]
