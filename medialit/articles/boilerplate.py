"""Boilerplate: the website's or the press office's own text around an article, read from a data table.

Each row of ``medialit/data/parts/boilerplate.csv`` is a :class:`BoilerplateRule`: a phrase,
where in a block it must stand (``match``), how far the boilerplate reaches (``then``) and the
explanation a learner reads. A press release's end mark ("###", "Ends") or its "Media contact:"
block reaches to the end of the page; an "About <Company>" heading takes the paragraph after it.

>>> boilerplate_reason("Support Us - Go Ad-Free!")
"boilerplate: contains 'go ad-free'. An appeal from the website for money or subscriptions, not part of the article."
>>> boilerplate_reason("The school newsletter said the trip was off.") is None
True
>>> matching_rule("###").then
'rest'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medialit.datafiles import DATA, one_of, read_table

#: The table of boilerplate phrases.
BOILERPLATE_TABLE = DATA / "parts" / "boilerplate.csv"
#: Where a phrase must stand in a block: anywhere in it, at its start, alone, or opening a heading.
MATCHES = ("anywhere", "start", "whole", "heading")
#: How far the boilerplate reaches: the block itself, also the next block, or every block to the end.
REACHES = ("block", "next", "rest")
#: Blocks this long or longer are article text even if they contain a phrase (``anywhere``, ``start``).
MAX_BLOCK = 400
_HEADING_CHARS = 80
_HEADING_WORDS = 8
_STRIP_WHOLE = " -–—*_=~.:!|"


@dataclass(frozen=True)
class _View:
    """A block as the rules read it, worked out once: ``flat`` (lower case, single spaces; ``None``
    for a long block), ``whole`` (``flat`` without dashes and stars around it) and ``head`` (a short
    heading opening the block, up to a colon; ``None`` if the block does not open with one)."""

    flat: str | None
    whole: str | None
    head: str | None

    @classmethod
    def of(cls, block: str) -> _View:
        flat = " ".join(block.lower().split()) if len(block) < MAX_BLOCK else None
        return cls(flat, flat.strip(_STRIP_WHOLE) if flat is not None else None, _heading(block))


def _heading(block: str) -> str | None:
    """The short heading that opens ``block`` (lower case, up to a colon), or ``None``: "about acme"."""
    first = " ".join(block[:2 * _HEADING_CHARS].split("\n", 1)[0].lower().split())
    head = first.split(":", 1)[0]
    if (len(head) > _HEADING_CHARS or len(head.split()) > _HEADING_WORDS
            or head.endswith((".", "!", "?", "…", "”", '"'))):
        return None
    return head


@dataclass(frozen=True)
class BoilerplateRule:
    """One row of the table: ``phrase`` (lower case, single spaces), ``match``, ``then``, ``explanation``."""

    phrase: str
    match: str
    then: str
    explanation: str
    line: int = 0

    @property
    def pattern(self) -> re.Pattern:
        """The phrase as a search pattern: whole words only ("donate" does not match "donated")."""
        return _pattern(self.phrase)

    def matches(self, block: str) -> bool:
        """Does this rule find ``block`` (one block of the page) to be boilerplate?"""
        return self.fits(_View.of(block))

    def fits(self, view: _View) -> bool:
        """Does this rule find the block seen through ``view`` to be boilerplate?"""
        if self.match == "whole":
            return view.whole == self.phrase
        if self.match == "heading":
            return view.head is not None and bool(self.pattern.match(view.head))
        if view.flat is None:
            return False  # a long block is article text
        if self.match == "start":
            return bool(self.pattern.match(view.flat.lstrip(_STRIP_WHOLE)))
        return bool(self.pattern.search(view.flat))

    def reach(self, block: str) -> str:
        """How far the boilerplate reaches from ``block``: a heading that already holds its text
        ("About Acme: Acme makes...", or text on the lines below it) takes no next block with it."""
        if self.then == "next" and ("\n" in block.strip() or re.search(r":\s*\S", block)):
            return "block"
        return self.then

    def reason(self, after: bool = False) -> str:
        """Why a block is boilerplate, in plain words (``after``: it follows the block this rule found)."""
        where = {"anywhere": "contains", "start": "starts with", "whole": "is the line",
                 "heading": "is a heading starting with"}[self.match]
        said = f"comes after a block that {where} '{self.phrase}'" if after else f"{where} '{self.phrase}'"
        return f"boilerplate: {said}. {self.explanation}"


@cache
def _pattern(phrase: str) -> re.Pattern:
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + re.escape(phrase) + right)


@cache
def load_rules(path: str | None = None) -> tuple[BoilerplateRule, ...]:
    """The rules of the boilerplate table, in file order (the first that matches gives the reason)."""
    path = path or BOILERPLATE_TABLE
    rules = []
    for row in read_table(path, ("phrase", "match", "then", "explanation")):
        one_of(row, "match", MATCHES, f"{path}:{row['line']}")
        one_of(row, "then", REACHES, f"{path}:{row['line']}")
        rules.append(BoilerplateRule(" ".join(row["phrase"].lower().split()), row["match"], row["then"],
                                     row["explanation"], row["line"]))
    return tuple(rules)


def matching_rule(block: str, late: bool = True) -> BoilerplateRule | None:
    """The first rule that finds ``block`` to be boilerplate, or ``None``.

    ``late`` says the block is in the second half of the page: only there does a heading
    ("About Acme") count, so that a section heading in the middle of an article stays article text.

    >>> matching_rule("About Northwind Learning").then
    'next'
    >>> matching_rule("About Northwind Learning", late=False) is None
    True
    """
    short = len(block) < MAX_BLOCK
    if not late and not short:
        return None  # a long paragraph: article text
    index = _index()
    found: list[BoilerplateRule] = []
    flat = _flatten(block.lower()) if short else None
    if flat is not None:
        # Plain substring tests first (fast); the rule's own test (whole words, place) only then.
        if index.any_phrase.search(flat):
            found = [r for p, r in index.anywhere if p in flat]
        opening = flat.lstrip(_STRIP_WHOLE)
        if opening.startswith(index.openings):
            found += [r for r in index.opening_rules if opening.startswith(r.phrase)]
    head = _heading(block) if late and block[:20].lower().startswith(index.heading_words) else None
    if head is not None:
        found += [r for r in index.heading_rules if head.startswith(r.phrase)]
    if not found:
        return None
    view = _View(flat, flat.strip(_STRIP_WHOLE) if flat is not None else None, head)
    for rule in sorted(found, key=lambda r: r.line):
        if rule.fits(view):
            return rule
    return None


def _flatten(lower: str) -> str:
    """``lower`` with single spaces only (most blocks already have them: then no copy is made)."""
    if "  " in lower or "\n" in lower or "\t" in lower or "\r" in lower or "\u00a0" in lower or lower != lower.strip():
        return " ".join(lower.split())
    return lower


@dataclass(frozen=True)
class _Index:
    """The table sorted for fast tests: (phrase, rule) pairs of ``anywhere`` rows; the phrases and
    rules that must open a block (``start``, ``whole``); the ``heading`` rules and their first words."""

    anywhere: tuple[tuple[str, BoilerplateRule], ...]
    openings: tuple[str, ...]
    opening_rules: tuple[BoilerplateRule, ...]
    heading_rules: tuple[BoilerplateRule, ...]
    heading_words: tuple[str, ...]
    #: Finds some ``anywhere`` phrase in a block exactly when one is there (an alternation of
    #: them all): one quick search tells most blocks apart from boilerplate.
    any_phrase: re.Pattern


@cache
def _index() -> _Index:
    rules = load_rules()
    opening = tuple(r for r in rules if r.match in ("start", "whole"))
    heading = tuple(r for r in rules if r.match == "heading")
    anywhere = tuple((r.phrase, r) for r in rules if r.match == "anywhere")
    any_phrase = re.compile("|".join(re.escape(p) for p, _ in anywhere) if anywhere else "(?!)")
    return _Index(anywhere, tuple(r.phrase for r in opening), opening, heading,
                  tuple(r.phrase.split()[0] for r in heading), any_phrase)


def boilerplate_reason(block: str) -> str | None:
    """Why a block is the website's boilerplate, or ``None`` if it is not.

    >>> boilerplate_reason("Media contact: Jo Lee, press office")
    "boilerplate: starts with 'media contact'. The press office's contact details at the end of a press release: who to ask, not part of the story."
    """
    rule = matching_rule(block)
    return rule.reason() if rule else None


__all__ = [
    "BOILERPLATE_TABLE",
    "MATCHES",
    "MAX_BLOCK",
    "REACHES",
    "BoilerplateRule",
    "boilerplate_reason",
    "load_rules",
    "matching_rule",
]
