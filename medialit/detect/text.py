"""Words and tokens: the tokenizer, small word tests and the fixed word sets the rules use.

The word sets here are the detector's own grammar words (determiners, pronouns,
connectors...); the cue words themselves are in the editable lists of
:mod:`medialit.cues`.

>>> [(t.text, t.start) for t in tokens("Gen. Roe’s aides said", 0, 21)]
[('Gen', 0), ('.', 3), ('Roe’s', 5), ('aides', 11), ('said', 17)]
>>> strip_possessive("Roe’s"), is_nationality("Russian"), is_title_case("Talks Stall Over Grain Deal")
('Roe', True, True)
"""

from __future__ import annotations

import re
import weakref
from typing import NamedTuple

from medialit.cues import Lexicons


class Tok(NamedTuple):
    """A word or sign ``text[start:end]``, with ``low``, its lower-case form."""

    start: int
    end: int
    text: str
    low: str


TOKEN = re.compile(r"\w+(?:[’'.\-‐‑]\w+)*|[^\w\s]")
# The same tokens, each with the white space before it as a first group. Every character
# is a word character, white space or another sign, so these pairs cover the text without
# gaps and each token's offsets follow from adding up lengths (see :func:`tokens`).
SPACED_TOKEN = re.compile(r"(\s*)(" + TOKEN.pattern + ")")
WORDCH = re.compile(r"\w")
WORDS = re.compile(r"\w+")
WORD_START = re.compile(r"(?<![\w’'])\w")
TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
OPENER = re.compile(r"(\w+)[,\s]+")
NEXT_WORD = re.compile(r"\s*(\w+|[^\w\s])")

CONNECT = {"of", "and", "for", "&", "de", "al", "bin", "von", "van", "la", "le", "del", "da", "du"}
DET_END = {"the", "a", "an"}
TAIL_STARTS = {"on", "in", "at", "during", "yesterday", "today", "tonight", "last", "earlier", "later", "this",
               "when", "after", "before", "while", "from", "to", "by", "via", "recently", "again"}
SUBJECT_DETS = {"the", "a", "an", "this", "its", "their", "his", "her", "our"}
PRONOUN_SUBJ = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
PRONOUN_OBJ = {"him", "her", "them", "it", "us", "me", "you", "he", "she", "they"}
SKIP = {"also", "has", "have", "had", "later", "then", "again", "previously", "earlier", "recently",
        "once", "further", "now", "just", "repeatedly", "publicly", "privately", "separately", "already",
        "subsequently", "firmly", "flatly", "bluntly", "openly", "himself", "herself", "itself",
        "themselves", "not", "did", "does", "do", "never", "reportedly", "allegedly", "reported", "hasn’t",
        "hasn't", "haven’t", "haven't", "didn’t", "didn't", "doesn’t", "doesn't", "only", "even",
        "quickly", "swiftly", "immediately", "first", "yesterday", "today", "tonight"}
NOUN_LEFT = {"the", "a", "an", "these", "those", "this", "that", "such", "his", "her", "its", "their",
             "our", "your", "my", "any", "some", "no", "many", "other", "several", "recent", "earlier",
             "previous", "latest", "new", "above", "initial", "first", "further", "numerous", "most", "all",
             "both", "conflicting", "unconfirmed", "media", "news", "press", "local", "official", "whose",
             "false", "wild", "similar", "same", "two", "three", "four", "five", "few"}
STOP_LOWER = {"the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
              "as", "that", "this", "these", "those", "it", "he", "she", "they", "we", "i", "you", "is",
              "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
              "would", "can", "could", "may", "might", "must", "should", "not", "no", "also", "then",
              "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if",
              "than", "so", "such", "very", "more", "most", "any", "all", "each", "every", "both", "either",
              "neither", "about", "after", "before", "while", "although", "though", "because", "since",
              "until", "into", "onto", "over", "under", "between", "against", "during", "without", "within",
              "its", "his", "her", "their", "our", "your", "my", "him", "them", "us", "me", "said", "says",
              "told", "just", "only", "even", "still", "yet", "however", "thus", "perhaps", "maybe"}
CAP_STOP = {"however", "but", "and", "or", "so", "thus", "then", "on", "in", "at", "after", "before", "while",
            "when", "if", "although", "though", "because", "since", "as", "despite", "nonetheless",
            "nevertheless", "meanwhile", "moreover", "also", "again", "still", "yet", "alongside", "instead",
            "now", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "its",
            "his", "her", "their", "our", "to", "for", "with", "from", "by", "of", "under", "over", "into",
            "not", "no", "why", "how", "what", "who", "which", "where", "there", "here", "perhaps", "maybe",
            "every", "each", "all", "some", "many", "most", "has", "have", "had", "is", "are", "was", "were",
            "will", "would", "can", "could", "may", "might", "should", "must", "says", "said", "say", "does",
            "did", "do", "let", "according", "having", "being", "reading", "whether", "both",
            "either", "neither", "than", "unless", "until", "upon", "via", "yes", "oh", "an", "a",
            "the", "further", "furthermore", "finally", "indeed", "clearly", "obviously", "certainly",
            "of course", "asked", "speaking", "writing", "even", "only", "just", "another", "other"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "june", "july", "august", "september", "october",
              "november", "december", "today", "yesterday", "tonight", "tomorrow", "earlier", "later",
              "last", "next", "this", "meanwhile"}
NATIONALITY = {"israeli", "iraqi", "saudi", "pakistani", "afghan", "thai", "kuwaiti", "qatari", "yemeni",
               "emirati", "western", "eastern", "northern", "southern", "arab", "soviet", "kurdish", "greek",
               "dutch", "swiss", "turkish", "polish", "czech", "slovak", "european", "asian", "african",
               "latin", "syrian", "russian", "american", "iranian", "french", "british", "chinese",
               "german", "ukrainian", "japanese", "indian", "korean", "canadian", "italian", "spanish"}
NAT_SUFFIX = ("ian", "ean", "ese", "ish", "can", "ench", "utch")
SENT_OPENERS = {"but", "and", "so", "yet", "or", "still", "now", "then", "well"}


def is_nationality(word: str) -> bool:
    w = strip_possessive(word).lower()
    if w in NATIONALITY:
        return True
    return len(w) >= 5 and word[:1].isupper() and w.endswith(NAT_SUFFIX)


def has_letter(word: str) -> bool:
    """Whether ``word`` contains a letter. (The first character usually is one, so it is
    checked on its own before looking at every character.)"""
    return word[:1].isalpha() or any(c.isalpha() for c in word)


def strip_possessive(word: str) -> str:
    """Strip a possessive ’s."""
    return word[:-2] if word.endswith(("’s", "'s", "’S", "'S")) else word


def is_title_case(text: str) -> bool:
    words = [w for w in TITLE_WORD.findall(text) if len(w) > 3]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.75


def tokens(text: str, a: int, b: int) -> list[Tok]:
    """The tokens (words and signs, as found by ``TOKEN``) of ``text[a:b]``."""
    # Speed: findall() returns plain strings (white space before, token), which is
    # cheaper than a match object per token; the offsets are counted along.
    new = tuple.__new__
    out = []
    pos = a
    for space, g in SPACED_TOKEN.findall(text, a, b):
        start = pos + len(space)
        pos = start + len(g)
        out.append(new(Tok, (start, pos, g, g.lower())))
    return out


def iter_tokens(text: str, a: int, b: int):
    """The same tokens as :func:`tokens`, made one at a time (for loops that stop early)."""
    new = tuple.__new__
    for m in TOKEN.finditer(text, a, b):
        g = m.group()
        yield new(Tok, (m.start(), m.end(), g, g.lower()))


#: A unit longer than this (text without full stops) is read in pieces of about CHUNK characters.
MAX_UNIT = 4000
CHUNK = 2000


def chunks(text: str, start: int, end: int):
    """Cut ``text[start:end]`` into pieces of at most ``CHUNK`` characters, at a ';', ',' or space.

    >>> list(chunks("ab, " * 1000, 0, 4000))
    [(0, 2000), (2000, 4000)]
    """
    pos = start
    while pos < end:
        if end - pos <= CHUNK:
            yield pos, end
            return
        limit = pos + CHUNK
        cut = -1
        for mark in ("; ", ", ", " ", "\n"):
            cut = text.rfind(mark, pos + CHUNK // 2, limit)
            if cut >= 0:
                cut += len(mark)
                break
        if cut <= pos:
            cut = limit
        yield pos, cut
        pos = cut


# Abbreviations that end with a full stop inside a name (U.S., Gen.), per set of word
# lists. They depend only on the lexicons, so they are collected once per Lexicons
# object instead of once per article (the cache forgets lexicons nobody uses any more).
ABBREV_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def abbreviations(lex: Lexicons) -> frozenset:
    """Lower-case abbreviations (without their full stop) that may stand inside a name."""
    got = ABBREV_CACHE.get(lex)
    if got is None:
        abbrev = {"u.s", "u.n", "u.k", "e.u", "jr", "sr", "st", "no"}
        for e in lex.by_label("title"):
            for a in e.alternatives:
                src = a.source.strip()
                if src.endswith(".") and " " not in src:
                    abbrev.add(src[:-1].lower())
        got = ABBREV_CACHE[lex] = frozenset(abbrev)
    return got
