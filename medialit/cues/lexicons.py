"""Loaded cue lists and their scanner: find every entry's matches in a text at once.

:func:`load_lexicons` reads a folder of lists (the kit's own, cached, by default) into
:class:`Lexicons`, which compiles all entries into one search pattern.

>>> [(m.text, m.entry.label) for m in load_lexicons().find("Critics clearly slammed it.")]
[('Critics', 'vague'), ('clearly', 'booster'), ('slammed', 'loaded')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from medialit.cues.entries import (
    LABELS,
    Entry,
    LexiconError,
    default_folder,
    read_lexicon_file,
)
from medialit.cues.patterns import CHAR_CLASSES, GAP_RE, SPACE_RE, trie_regex


class Match(NamedTuple):
    """A lexicon match found by :meth:`Lexicons.find`."""

    start: int
    end: int
    text: str
    entry: Entry


NEXT_WORD = re.compile(r"\s+(\w+)")


# The first word of a pattern, and then each whole plain word after white space, followed by
# something that cannot match a word character (white space, ..., a dash or quote, the end)
_FIRST_WORD = re.compile(r"\(\?:(\w+)")
_NEXT_PLAIN = re.compile(r"\\s\+([a-zA-Z0-9]+)(?=" + "|".join(
    re.escape(u) for u in (SPACE_RE, GAP_RE, *CHAR_CLASSES.values())) + r"|\)\(\?!\\w\)$)")


def _words(c: _Candidate) -> tuple[str, ...]:
    r"""The words, lowered, that the text must have in a row for the candidate to match.

    >>> _words(_Candidate(r"(?:may\s+not(?:\s+\S+){0,12}?\s+without)(?!\w)", None, False, False, None))
    ('may', 'not')
    """
    if c.words is None:
        m = _FIRST_WORD.match(c.pattern)
        words = [m[1].lower()] if m else []
        while m is not None:
            m = _NEXT_PLAIN.match(c.pattern, m.end())
            if m is not None:
                words.append(m[1].lower())
        c.words = tuple(words)
    return c.words


def _by_next_word(word: str, cands, depth: int = 1) -> tuple[dict[str, tuple], tuple]:
    """The candidates of a first word sorted by the word that must come next.

    A pattern that goes on with white space and a whole plain word (``could\\s+not\\s+…``,
    ``may\\s+not ... without``, ``the\\s+wake[-‐‑]up``) can only match when that word follows;
    any other pattern may match whatever follows (see :func:`_words`).
    Returns ``({next word: (by next word or None, candidates, distinct)}, candidates for any
    other next word)``, each in the order of ``cands`` (so scan() keeps the same matches in
    the same order). ``depth`` is the number of words before; the candidates of a next word
    are sorted by the word after it in turn when there are more than three. A match_case
    pattern is sorted by its words lowered (scan() reads the words of the lowered text).

    >>> by_word, other = _by_next_word("could", load_lexicons()._exact["could"])
    >>> len(by_word["not"][1]) > len(other)
    True
    """
    needs = []
    for c in cands:
        words = _words(c)
        needs.append(words[depth] if len(words) > depth and words[0] == word else None)
    by_word = {}
    for w in set(needs) - {None}:
        these = tuple(c for c, n in zip(cands, needs) if n is None or n == w)
        after = None
        if len(these) > 3:
            after, these = _by_next_word(word, these, depth + 1)
        by_word[w] = (after, these, _distinct(these))
    return by_word, tuple(c for c, n in zip(cands, needs) if n is None)


def _distinct(cands: tuple) -> bool:
    """No two of the candidates belong to the same entry."""
    return len({id(c.entry) for c in cands}) == len(cands)


class _Shifted:
    """A match found in ``" " + text``, with its offsets moved back to ``text``."""

    __slots__ = ("m",)

    def __init__(self, m: re.Match):
        self.m = m

    def __getitem__(self, i: int) -> str:
        return self.m[i]

    def end(self, i: int = 0) -> int:
        return self.m.end(i) - 1


class _Candidate:
    """One alternative of an entry, ready for scan()."""
    # Speed: a class with __slots__ rather than a NamedTuple, as scan() reads these fields
    # for every match, and Python reads a slot about twice as fast as a NamedTuple field.
    __slots__ = ("anchored", "entry", "literal", "match", "original", "pattern", "words")

    def __init__(self, pattern: str, entry: Entry, anchored: bool, original: bool, literal: str | None):
        # Speed: the pattern is compiled on its first use (loading the lists compiles
        # thousands of alternatives, and a plain word never needs its regex); ``match``
        # then becomes the compiled pattern's own match method.
        self.pattern = pattern
        self.match = self._first_match
        self.entry = entry
        self.anchored = anchored
        self.original = original  # match on the original text (match_case) instead of the lowered one
        self.literal = literal  # the alternative is one plain word: compare strings, no regex needed
        self.words: tuple[str, ...] | None = None  # see _words(), worked out when needed

    def _first_match(self, text: str, pos: int, end: int):
        """Compile the pattern, keep its match method, and match."""
        self.match = re.compile(self.pattern).match
        return self.match(text, pos, end)

    def __repr__(self) -> str:
        return f"_Candidate({self.pattern!r}, {self.entry.where}, literal={self.literal!r})"


class Lexicons:
    """All loaded entries, grouped by label, with a compiled scanner.

    >>> lex = load_lexicons()
    >>> sorted({e.label for e in lex.entries}) == sorted(LABELS)
    True
    >>> lex.by_label("hedge")[0].label
    'hedge'
    """

    def __init__(self, entries: Iterable[Entry], files: Iterable[Path] = (), folder: Path | None = None):
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.files: tuple[Path, ...] = tuple(files)
        self.folder = folder
        self._by_label: dict[str, tuple[Entry, ...]] = {
            lab: tuple(e for e in self.entries if e.label == lab) for lab in LABELS}
        self._compile()

    def __repr__(self) -> str:
        return f"<Lexicons: {len(self.entries)} entries from {len(self.files)} files>"

    def by_label(self, label: str) -> tuple[Entry, ...]:
        return self._by_label.get(label, ())

    def _compile(self) -> None:
        exact: dict[str, list[_Candidate]] = {}
        star: dict[str, list[_Candidate]] = {}
        generic: list[_Candidate] = []
        trie_alts = []
        for e in self.entries:
            for a in e.alternatives:
                src = a.source[1:].strip() if a.anchored else a.source
                plain = re.fullmatch(r"\w+", src) is not None and len(src.lower()) == len(src)
                lit = (src if e.match_case else src.lower()) if plain else None
                cand = _Candidate("(?:" + a.regex + r")(?!\w)", e, a.anchored, e.match_case, lit)
                trie_alts.append(a.trie_units)
                if not a.key:
                    generic.append(cand)
                elif a.star:
                    star.setdefault(a.key, []).append(cand)
                else:
                    exact.setdefault(a.key, []).append(cand)
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._star = {k: tuple(v) for k, v in star.items()}
        self._generic = tuple(generic)
        self._star_lens = tuple(sorted({len(k) for k in star}))
        self._plans: dict[str, tuple] = {}  # first word -> its candidates (_plan)
        body = trie_regex(trie_alts) if trie_alts else r"(?!)"
        # At a word start (no word character before it), some alternative matches and ends at
        # a word end. The lookahead (?=...) does not consume the text, so matches that start
        # inside another match (the "to" of "according to") are found too. The group then
        # takes the first word (maybe empty), which scan() needs to look up the candidates;
        # consuming it loses no match, since none can start inside or right after a word.
        #
        # Speed: the pattern below is that, but it finds "no word character before" by
        # matching the non-word character itself, [^\w], instead of the look-behind (?<!\w).
        # A pattern that starts with a character class lets the re module skip ahead to
        # those characters quickly instead of trying every position of the text. scan()
        # then starts searching one character early, and tries the very start of the text,
        # which has no character before it, with a space put in front (see _Shifted).
        #     (?<!\w)(?=BODY(?!\w))(\w*)
        try:
            self._trie = re.compile(r"[^\w](?=" + body + r"(?!\w))(\w*)")
        except re.error:  # pragma: no cover - every unit is escaped (see compile_alternative)
            self._check_each()
            raise

    def _check_each(self) -> None:
        """Compile every alternative alone and name the file and line of one that fails."""
        for e in self.entries:
            for a in e.alternatives:
                try:
                    re.compile(a.regex)
                except re.error as exc:
                    raise LexiconError(f"{e.where}: bad pattern {a.source!r}: cannot be compiled ({exc})") from None

    @staticmethod
    def lowered(text: str) -> str:
        """``text.lower()`` with the same length as ``text`` (so offsets stay valid)."""
        low = text.lower()
        if len(low) == len(text):
            return low
        bad = {c for c in set(text) if len(c.lower()) != 1}
        return text.translate({ord(c): c.lower()[0] for c in bad}).lower()

    def scan(self, text: str, low: str | None = None, start: int = 0, end: int | None = None
             ) -> list[tuple[int, int, Entry, bool]]:
        """All entry matches in ``text[start:end]`` as ``(start, end, entry, anchored)``.

        Matches of different entries may overlap; for one entry at one position the
        longest alternative is kept. ``anchored`` says the alternative began with ``^``
        (the caller checks the sentence start). ``low`` is :meth:`lowered` of ``text``
        (pass it when scanning many pieces of one text).
        """
        if low is None:
            low = self.lowered(text)
        if end is None:
            end = len(text)
        out: list[tuple[int, int, Entry, bool]] = []
        plans = self._plans
        if start > 0:
            found = self._trie.finditer(low, start - 1, end)
        else:  # at the start of the text (see _compile): a space put before it stands in for
            # the character before (the pattern has no look-behind, so nothing else changes)
            first = self._trie.match(" " + low[:end])
            found = ([_Shifted(first)] if first else []) + list(self._trie.finditer(low, 0, end))
        for m in found:
            word = m[1]  # the first word of the match (lowered), "" if it starts with a sign
            wend = m.end()
            pos = wend - len(word)
            plan = plans.get(word)
            if plan is None:
                plan = plans[word] = self._plan(word)
            ready, by_next, cands, distinct = plan
            if ready is not None:  # Speed: one plain word, found by the trie itself: nothing to try
                out.append((pos, wend) + ready)
                continue
            at = wend
            while by_next is not None:
                # Speed: a common first word (could, the, called) has dozens of candidates;
                # try only those that can go on with the text's next words.
                nxt = NEXT_WORD.match(low, at, end)
                if nxt is None:
                    break
                node = by_next.get(nxt[1])
                if node is None:
                    break
                by_next, cands, distinct = node
                at = nxt.end()
            best: dict[int, tuple[int, int, Entry, bool]] | None = None if distinct else {}
            for c in cands:
                if c.literal is not None:
                    # one plain word is filed under itself (its key, lowered), so the trie found
                    # that very word, ending at a non-word character
                    if c.original and text[pos:wend] != c.literal:
                        continue
                    stop = wend
                else:
                    mm = c.match(text if c.original else low, pos, end)
                    if mm is None:
                        continue
                    stop = mm.end()
                if best is None:  # Speed: no two candidates of one entry: keep every match, no dict
                    out.append((pos, stop, c.entry, c.anchored))
                    continue
                key = id(c.entry)
                prev = best.get(key)
                if prev is None or stop > prev[1]:
                    best[key] = (pos, stop, c.entry, c.anchored)
            if best:
                out.extend(best.values())
        return out

    def _plan(self, word: str) -> tuple:
        """The candidates for a first word: ``(ready, by next word or None, candidates, distinct)``.

        The candidates are those of the word itself, of the ``slam*`` prefixes it starts
        with and the generic ones, in that order. A word with more than three candidates,
        and no prefix or generic ones, sorts them by the next word (:func:`_by_next_word`);
        the third item is then the candidates for any other next word. ``distinct`` says
        that no two candidates belong to the same entry. ``ready`` is ``(entry, anchored)``
        when the only candidate is one plain word (found by the trie itself), else None.

        >>> ready, by_next, other, distinct = load_lexicons()._plan("could")
        >>> len(by_next["not"][1]) > len(other)
        True
        """
        cands = self._exact.get(word, ())
        if self._star_lens:
            n = len(word)
            for k in self._star_lens:
                if k <= n:
                    got = self._star.get(word[:k])
                    if got:
                        cands = cands + got
            cands += self._generic
        elif self._generic:
            cands += self._generic
        elif len(cands) > 3:
            by_next, other = _by_next_word(word, cands)
            return None, by_next, other, _distinct(other)
        if len(cands) == 1 and cands[0].literal is not None and not cands[0].original:
            return (cands[0].entry, cands[0].anchored), None, cands, True
        return None, None, cands, _distinct(cands)

    def find(self, text: str, label: str | None = None) -> list[Match]:
        """Every match in a piece of text (for exploring a list in a notebook).

        ``^`` entries are kept only at the start of the text.

        >>> [m.text for m in load_lexicons().find("Critics slammed the regime.", label="loaded")]
        ['slammed', 'regime']
        """
        out = []
        first = len(text) - len(text.lstrip(" \t\r\n\u00a0\"'“‘(["))
        for s, e, entry, anchored in self.scan(text):
            if label is not None and entry.label != label:
                continue
            if anchored and s != first:
                continue
            out.append(Match(s, e, text[s:e], entry))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def entries_matching(self, phrase: str) -> list[Entry]:
        """Entries that match the whole of ``phrase`` (to answer "is this word in a list?").

        >>> [e.label for e in load_lexicons().entries_matching("rather than")]
        ['not_a_cue']
        """
        phrase = phrase.strip()
        return [m.entry for m in self.find(phrase) if m.start == 0 and m.end == len(phrase)]


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

_DEFAULT: Lexicons | None = None


def load_lexicons(folder: str | Path | None = None, *, with_defaults: bool = False) -> Lexicons:
    """Load every ``*.csv`` file of a folder (default: the kit's own lists, cached).

    ``with_defaults=True`` starts from the kit's own lists and adds the folder's files;
    a folder file with the same name as a kit file replaces it.

    >>> load_lexicons() is load_lexicons()
    True
    """
    global _DEFAULT
    if folder is None:
        if _DEFAULT is None:
            _DEFAULT = _load([default_folder()])
        return _DEFAULT
    folder = Path(folder)
    if not folder.is_dir():
        raise LexiconError(f"{folder}:0: no such folder")
    return _load(([default_folder()] if with_defaults else []) + [folder])


def _load(folders: list[Path]) -> Lexicons:
    files: dict[str, Path] = {}
    for f in folders:
        for p in sorted(f.glob("*.csv")):
            files[p.name] = p
    if not files:
        raise LexiconError(f"{folders[-1]}:0: no lexicon files (*.csv) in this folder")
    entries: list[Entry] = []
    for name in sorted(files):
        entries.extend(read_lexicon_file(files[name]))
    return Lexicons(entries, files.values(), folders[-1])
