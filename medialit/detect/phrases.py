"""Noun phrases: who does the saying before a reporting verb, and who follows
*according to*. Words on the source lists, capitals and a few grammar words decide.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.cues import classify, find_hits
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nGen. Jane Roe told reporters, according to Reuters.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> np = subject_before(st, st.text.index("told"))
>>> st.text[np.start:np.end], subject_before(st, st.text.index("reporters"))
('Gen. Jane Roe', None)
>>> np = np_after(st, st.text.index("Reuters") - 1)
>>> st.text[np.start:np.end]
'Reuters'
"""

from __future__ import annotations

from typing import NamedTuple

from medialit.detect.state import SentenceState
from medialit.detect.text import (
    CAP_STOP,
    CONNECT,
    DET_END,
    NOUN_LEFT,
    PRONOUN_OBJ,
    PRONOUN_SUBJ,
    SKIP,
    STOP_LOWER,
    SUBJECT_DETS,
    TIME_WORDS,
    Tok,
    has_letter,
    is_nationality,
    strip_possessive,
    tokens,
)


class NP(NamedTuple):
    """A noun phrase ``text[start:end]``; ``pronoun`` when it is just *he*, *they*...."""

    start: int
    end: int
    pronoun: bool = False


def np_ok(st: SentenceState, t: Tok) -> bool:
    """A word that can belong to a source's name: capitalised, or on a source list."""
    if t.start in st.cat_at:
        return True
    w = t.text
    if not w[:1].isupper() or not has_letter(w):
        return False
    return strip_possessive(t.low) not in CAP_STOP


def lower_cat(st: SentenceState, t: Tok) -> bool:
    """A lower-case word on a source list (*officials*, *diplomat*)."""
    return t.start in st.cat_at and t.text[:1].islower()


def modifier_ok(st: SentenceState, t: Tok) -> bool:
    """An ordinary lower-case word that may describe a listed word (*senior* officials)."""
    w = t.low
    return (w.isalpha() or w.isdigit()) and w not in STOP_LOWER and t.text[:1].islower()


def subject_before(st: SentenceState, pos: int):
    """The noun phrase doing the saying, ending right before ``pos``.

    Returns an NP, ``"noun"`` (the verb is really a noun: *the reports*) or None.
    """
    s = st.s
    lo = max(s.start, pos - 64)
    res, edge = _subject_in(st, tokens(st.text, lo, pos))
    if edge and lo > s.start:  # the walk reached the window's edge: look further back
        res, _ = _subject_in(st, tokens(st.text, max(s.start, pos - 400), pos))
    return res


def _subject_in(st: SentenceState, toks: list[Tok]):
    """(subject, whether the walk back reached the first token) for the tokens before a verb."""
    if not toks:
        return None, False
    left = toks[-1]
    if (left.low in NOUN_LEFT or left.low.endswith(("’s", "'s")) or left.text in "’'"
            or (is_nationality(left.text) and left.start not in st.cat_at) or left.low.isdigit()):
        return "noun", False
    i = len(toks) - 1
    while i >= 0 and toks[i].low in SKIP:
        i -= 1
    if i < 0:
        return None, True
    t = toks[i]
    if t.low in PRONOUN_SUBJ:
        return NP(t.start, t.end, True), False
    for g in st.groups:
        if g[0] <= t.start < g[1]:
            return NP(g[0], g[1]), False
    idx: list[int] = []
    j = i
    mods = 0
    last_mod = False
    while j >= 0:
        t = toks[j]
        if t.text == "." and j > 0 and toks[j - 1].end == t.start and toks[j - 1].low in st.art.abbrev:
            idx += [j, j - 1]
            j -= 2
            last_mod = False
            continue
        if t.low in DET_END:
            idx.append(j)
            if j >= 2 and toks[j - 1].low in CONNECT and np_ok(st, toks[j - 2]):
                idx.append(j - 1)
                j -= 2
                continue
            break
        if t.low in CONNECT and idx and j > 0 and (np_ok(st, toks[j - 1]) or toks[j - 1].low in DET_END):
            idx.append(j)
            j -= 1
            last_mod = False
            continue
        if np_ok(st, t):
            idx.append(j)
            j -= 1
            last_mod = False
            continue
        if idx and mods < 2 and modifier_ok(st, t) and (lower_cat(st, toks[idx[-1]]) or last_mod):
            idx.append(j)
            mods += 1
            last_mod = True
            j -= 1
            continue
        break
    edge = j <= 0
    if not idx:
        return _common_noun_subject(st, toks, i), edge
    idx.sort()
    seq = [toks[k] for k in idx]
    # drop leading connectors and time words ("On Monday, ..." is cut by the comma; "Monday Smith" is not)
    while seq and (seq[0].low in CONNECT or strip_possessive(seq[0].low) in TIME_WORDS):
        seq.pop(0)
    if not seq or not any(np_ok(st, t) and t.low not in DET_END for t in seq):
        return None, edge
    return NP(seq[0].start, seq[-1].end), edge


def _common_noun_subject(st: SentenceState, toks: list[Tok], i: int):
    """``The bank said``: a determiner and up to three ordinary words before the verb."""
    k = i
    n = 0
    while k >= 0 and n < 3 and (modifier_ok(st, toks[k]) or np_ok(st, toks[k])) and toks[k].low not in DET_END:
        k -= 1
        n += 1
    if n == 0 or k < 0:
        return None
    det = toks[k]
    if det.low in SUBJECT_DETS:
        return NP(det.start, toks[i].end)
    return None


def loose_np_after(st: SentenceState, pos: int):
    """A short noun phrase after a preposition (people familiar with *the matter*)."""
    toks = tokens(st.text, pos, min(st.s.end, pos + 80))
    verbs = {h.start for h in st.by_label.get("attribution", ())}
    k = 0
    if toks and toks[0].low in DET_END | {"this", "these", "its", "their", "his", "her"}:
        k = 1
    end = None
    n = 0
    while k < len(toks) and n < 4:
        t = toks[k]
        if t.start in verbs or not t.text[:1].isalnum() or (t.low in STOP_LOWER and t.low not in CONNECT):
            break
        if t.low in CONNECT:
            if k + 1 < len(toks) and toks[k + 1].text[:1].isalnum() and toks[k + 1].low not in STOP_LOWER:
                k += 1
                continue
            break
        end = t.end
        k += 1
        n += 1
    return end


def np_after(st: SentenceState, pos: int, limit: int | None = None):
    """The noun phrase starting right after ``pos`` (the X of *according to X*)."""
    s = st.s
    end = s.end if limit is None else min(limit, s.end)
    hi = min(end, pos + 64)
    res, edge = _np_in(st, tokens(st.text, pos, hi))
    if edge and hi < end:  # the phrase runs to the window's edge: look further
        res, _ = _np_in(st, tokens(st.text, pos, min(end, pos + 400)))
    return res


def _np_in(st: SentenceState, toks: list[Tok]):
    """(noun phrase, whether it runs to the last token) at the start of ``toks``."""
    if not toks:
        return None, True
    if toks[0].low in PRONOUN_OBJ:
        return NP(toks[0].start, toks[0].end, True), False
    for g in st.groups:
        if g[0] <= toks[0].start < g[1] or (len(toks) > 1 and toks[0].low in DET_END
                                            and g[0] <= toks[1].start < g[1]):
            return NP(min(g[0], toks[0].start), g[1]), False
    i = 0
    n = len(toks)
    while i < n and toks[i].low in DET_END | {"some", "several", "many", "two", "three", "four", "one"}:
        i += 1
    first = 0
    head = False
    while i < n:
        t = toks[i]
        if t.text == "." and i > 0 and toks[i - 1].end == t.start and toks[i - 1].low in st.art.abbrev:
            i += 1
            continue
        if np_ok(st, t):
            head = True
            i += 1
            continue
        if t.low in CONNECT and head and i + 1 < n:
            nx = toks[i + 1]
            if np_ok(st, nx) or (nx.low in DET_END and i + 2 < n and np_ok(st, toks[i + 2])):
                i += 2 if nx.low in DET_END else 1
                continue
            break
        if modifier_ok(st, t) and any(lower_cat(st, x) for x in toks[i + 1:i + 3]):
            i += 1
            continue
        break
    edge = i >= n - 1
    if not head:
        return None, edge
    last = i - 1
    while last > first and (toks[last].low in CONNECT or toks[last].low in DET_END or toks[last].text == "."
                            and toks[last - 1].low not in st.art.abbrev):
        last -= 1
    return NP(toks[first].start, toks[last].end), edge


def name_word(st: SentenceState, t: Tok) -> bool:
    """A capitalised word that can be part of a personal name (not a listed word, not an acronym)."""
    w = strip_possessive(t.text)
    return (w[:1].isupper() and has_letter(w) and t.start not in st.cat_at
            and strip_possessive(t.low) not in CAP_STOP and not is_nationality(t.text)
            and not (w.replace(".", "").isupper() and len(w) > 1))
