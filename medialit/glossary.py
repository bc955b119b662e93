"""The glossary: plain words for the terms learners meet.

It lives in data tables a teacher can read and correct: ``data/glossary/terms.csv`` (one row per
term, with a meaning in plain words and a short example) and ``data/glossary/plain_words.csv`` (the
jargon that must be replaced or glossed in learner-facing text). Shown as HTML through the kit's
templates, so every text is escaped. (The background cards on the people, places, events and outlets
the articles mention are :mod:`medialit.cards`.)

>>> lookup("Dek").term, lookup("subheadline").term, lookup("no such word") is None
('dek', 'dek', True)
>>> "&lt;b&gt;" in glossary_html([Term("<b>", "m", "e", "kit word", ())])
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medialit.datafiles import DATA, DataFileError, read_table, values
from medialit.html import Markup, render

GLOSSARY = DATA / "glossary" / "terms.csv"
PLAIN_WORDS = DATA / "glossary" / "plain_words.csv"

#: Kinds of glossary term, in the order the glossary table shows them.
TERM_KINDS = ("label", "source type", "page part", "news word", "kit word")


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


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """Every glossary term, in the file's order (a bad kind is an error naming the line)."""
    out = []
    for row in read_table(GLOSSARY, ("term", "meaning", "example", "kind")):
        if row["kind"] not in TERM_KINDS:
            raise DataFileError(f"{GLOSSARY}:{row['line']}: kind {row['kind']!r} is not one of {TERM_KINDS}")
        out.append(Term(row["term"], row["meaning"], row["example"], row["kind"], values(row.get("forms", ""))))
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


def glossary_html(selection=None, *, unfolded: bool = False) -> Markup:
    """The glossary as an HTML table (all terms, or ``selection``), grouped by kind, folded away
    unless ``unfolded``; text escaped."""
    rows = list(terms() if selection is None else selection)
    rows.sort(key=lambda t: (TERM_KINDS.index(t.kind) if t.kind in TERM_KINDS else len(TERM_KINDS),))
    return render("glossary_table.html.j2", terms=rows, unfolded=unfolded)


__all__ = [
    "TERM_KINDS",
    "PlainWord",
    "Term",
    "glossary_html",
    "lookup",
    "plain_words",
    "terms",
    "words_in",
]
