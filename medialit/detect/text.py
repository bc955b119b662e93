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
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from medialit.cues import Lexicons
from medialit.datafiles import DATA, DataFileError, read_table, words


class Tok(NamedTuple):
    """A word or sign ``text[start:end]``, with ``low``, its lower-case form."""

    start: int
    end: int
    text: str
    low: str


class NP(NamedTuple):
    """A noun phrase ``text[start:end]``; ``pronoun`` when it is just *he*, *they*...."""

    start: int
    end: int
    pronoun: bool = False


#: Signs that end a run of words: a speaker's aside (Roe*,* who chairs…*,* said) or a document's
#: description (a survey by the council*,* published…) stops at them.
CLAUSE_BREAK = ",;:.!?“”\"()—–"
#: The hyphens that join the parts of one word (*pre-election*, *9,000-seat*).
HYPHENS = "-‐‑"
NO_HYPHENS = str.maketrans("", "", HYPHENS)
TOKEN = re.compile(r"\w+(?:[’'.\-‐‑]\w+)*|[^\w\s]")
# The same tokens, each with the white space before it as a first group. Every character
# is a word character, white space or another sign, so these pairs cover the text without
# gaps and each token's offsets follow from adding up lengths (see :func:`tokens`).
SPACED_TOKEN = re.compile(r"(\s*)(" + TOKEN.pattern + ")")
WORDCH = re.compile(r"\w")
WORDS = re.compile(r"\w+")
#: A word with its apostrophes (Merrifield’s, don't), numbers included.
APOSTROPHE_WORDS = re.compile(r"[\w’']+")
WORD_START = re.compile(r"(?<![\w’'])\w")
TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
OPENER = re.compile(r"(\w+)[,\s]+")
NEXT_WORD = re.compile(r"\s*(\w+|[^\w\s])")

#: The detector's grammar word tables: one CSV file per set, columns ``word,explanation``.
GRAMMAR = DATA / "grammar"


def grammar_words(name: str) -> frozenset[str]:
    """The words of the table ``medialit/data/grammar/<name>.csv`` (read once, then cached).

    >>> "of" in grammar_words("name_joiners"), "in" in grammar_words("name_joiners")
    (True, False)
    """
    return words(GRAMMAR / f"{name}.csv")


# Each set below is one table in medialit/data/grammar/; its header says which rule uses
# it and what changes when a teacher adds or removes a word. (The Python names stay, as
# the stages import them.)
CONNECT = grammar_words("name_joiners")             # Bank *of* England
DET_END = grammar_words("articles")                 # *the* minister said
TAIL_STARTS = grammar_words("said_tail_starts")     # ..., the minister said *on* Monday
SUBJECT_DETS = grammar_words("subject_determiners")  # *Its* board said
PRONOUN_SUBJ = grammar_words("subject_pronouns")    # *she* said
PRONOUN_OBJ = grammar_words("object_pronouns")      # according to *him*
SKIP = grammar_words("skip_before_verb")            # the minister *also* said
NOUN_LEFT = grammar_words("noun_signals")           # *the* reports (a noun, not a verb)
#: Words of the attribution tables that both the subject search (phrases.py) and the speaker
#: before "and" (coordination.py) read: more words allowed between a speaker and the verb
#: (a spokesperson *would* say), and the words that open a relative clause about the speaker
#: (Jane Roe, *who* chairs the board, said).
VERB_SKIP = words(DATA / "attribution" / "verb_skip.csv")
RELATIVES = words(DATA / "attribution" / "relative_openers.csv")
STOP_LOWER = grammar_words("function_words")        # *senior* officials, but not *the* officials
CAP_STOP = grammar_words("capitalised_non_names")   # *However*, officials said
TIME_WORDS = grammar_words("time_words")            # On *Monday* Jane Roe said
#: A time phrase between a speaker and the verb (Officials *on Tuesday* said, the firm *last week* said).
TIME_UNITS = words(DATA / "attribution" / "time_units.csv")
TIME_JOINERS = words(DATA / "attribution" / "time_joiners.csv")
NATIONALITY = grammar_words("nationalities")        # *Russian* reports
NAT_SUFFIX = tuple(sorted(grammar_words("nationality_endings")))  # Brazil*ian*
SENT_OPENERS = grammar_words("sentence_openers")    # *But* perhaps...
TAG_WORDS = grammar_words("agency_tag_words")       # (Agence *de* Presse)
TAG_EXCLUDE = grammar_words("not_agency_tags")      # (*Photo*) is not an agency
#: Abbreviations whose full stop stays inside a name (*U.S.* officials), without that full stop.
ABBREVIATIONS = frozenset(w.removesuffix(".") for w in grammar_words("name_abbreviations"))


@dataclass(frozen=True)
class WordRow:
    """One row of a word table (grammar words and the other ``word,explanation`` tables in
    ``medialit/data/``): ``where`` is ``folder/file.csv:line``, ``purpose`` what the table
    is for (the start of its comment header)."""

    word: str
    explanation: str
    where: str
    purpose: str


#: Folders of ``medialit/data`` whose tables are not read by the detector (the baselines it is compared with).
NOT_DETECTOR = frozenset({"baselines"})


@cache
def word_table_rows(data: Path = DATA) -> dict[str, tuple[WordRow, ...]]:
    """Every row of every ``word,explanation`` table the detector reads, by word."""
    out: dict[str, list[WordRow]] = {}
    for path in sorted(data.glob("*/*.csv")):
        if path.parent.name in NOT_DETECTOR:
            continue
        try:
            rows = read_table(path, ("word", "explanation"))
        except DataFileError:  # another kind of table (cue lists, rules)
            continue
        purpose = _purpose(path)
        for r in rows:
            where = f"{path.parent.name}/{path.name}:{r['line']}"
            out.setdefault(r["word"].lower(), []).append(WordRow(r["word"], r["explanation"], where, purpose))
    return {w: tuple(rows) for w, rows in out.items()}


def _purpose(path: Path) -> str:
    """The first sentence of a table's ``#`` comment header (its first lines up to a full stop)."""
    lines = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
        if lines[-1].endswith("."):
            break
    return " ".join(lines).strip() or path.stem.replace("_", " ")


def word_rows(word: str) -> tuple[WordRow, ...]:
    """The table rows a word is on: as written, with a full stop (*U.S.*), and for a
    capitalised word the nationality ending that makes it a nationality.

    >>> [r.where for r in word_rows("of") if r.where.startswith("grammar/name")]
    ['grammar/name_joiners.csv:11']
    >>> [r.where.split(":")[0] for r in word_rows("Brazilian")]
    ['grammar/nationality_endings.csv']
    """
    table = word_table_rows()
    w = strip_possessive(word.strip()).lower()
    got = [r for r in table.get(w, ()) if not r.where.startswith(ENDINGS)]
    if w and not w.endswith("."):
        got += [r for r in table.get(w + ".", ()) if r not in got]
    if is_nationality(word) and w not in NATIONALITY:
        ending = next((e for e in NAT_SUFFIX if w.endswith(e)), None)
        got += [r for r in table.get(ending, ()) if r.where.startswith(ENDINGS)]
    return tuple(got)


#: The table of word endings (not whole words): looked up by a word's ending only.
ENDINGS = "grammar/nationality_endings.csv"


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


def comma_in_number(toks: list[Tok], j: int) -> bool:
    """Whether the comma ``toks[j]`` separates thousands (1,900), with digits right on both sides.

    >>> toks = tokens("about 1,900 members, said", 0, 25)
    >>> [comma_in_number(toks, j) for j, t in enumerate(toks) if t.text == ","]
    [True, False]
    """
    return (0 < j < len(toks) - 1 and toks[j - 1].low.isdigit() and toks[j + 1].low.isdigit()
            and toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start)


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
        abbrev = set(ABBREVIATIONS)
        for e in lex.by_label("title"):
            for a in e.alternatives:
                src = a.source.strip()
                if src.endswith(".") and " " not in src:
                    abbrev.add(src[:-1].lower())
        got = ABBREV_CACHE[lex] = frozenset(abbrev)
    return got


def plural_word(w: str) -> bool:
    """Whether the lower-case word ``w`` looks like a plain plural (*operators*), not *business* or *status*."""
    return w.isalpha() and len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def bare_plural(t: Tok) -> bool:
    """A plain lower-case plural noun (*operators*, *forecasters*), not *business* or *status*."""
    return t.text.islower() and plural_word(t.low)


def before_time_phrase(toks: list[Tok], i: int) -> int:
    """Where the speaker ends before a time phrase ending at ``toks[i]`` (Officials *on
    Tuesday* said, The firm *earlier this year* said); ``i`` itself when there is none."""
    j, timed = i, False
    while j > 0 and (toks[j].low in TIME_WORDS or toks[j].low in TIME_UNITS or toks[j].low in TIME_JOINERS
                     or toks[j].low.isdigit()):
        timed = timed or toks[j].low not in TIME_JOINERS
        j -= 1
    return j if timed and j < i and toks[i].low not in TIME_JOINERS else i
