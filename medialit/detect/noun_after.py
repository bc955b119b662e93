"""The noun phrase after a word: who follows *according to* (a name, or *the report*, *exit
polls*, *figures released by the council*), *by* in a passive, *people familiar with* a matter,
a colon that introduces a quotation; and the subject at a clause's start that an -ing
reporting form hangs on (*The bank kept its rate, saying…*). The words that may belong to it are those of
:mod:`.phrases` (source lists, capitals, describing words).

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.cues import classify, find_hits
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nGen. Jane Roe told reporters, according to Reuters.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> np = np_after(st, st.text.index("Reuters") - 1)
>>> st.text[np.start:np.end]
'Reuters'
"""

from __future__ import annotations

from medialit.datafiles import words
from medialit.detect.phrases import (
    ATTRIBUTION_DATA,
    BARE_GROUP,
    DOCUMENT_NOUNS,
    GROUP_WORDS,
    NP,
    lower_cat,
    modifier_ok,
    np_ok,
)
from medialit.detect.state import SentenceState
from medialit.detect.text import (
    CONNECT,
    DET_END,
    PRONOUN_OBJ,
    PRONOUN_SUBJ,
    STOP_LOWER,
    SUBJECT_DETS,
    TIME_WORDS,
    Tok,
    strip_possessive,
    tokens,
)

#: Words that may open the short noun phrase after a source phrase's preposition (people
#: familiar with *these* talks): the articles plus ``phrase_determiners.csv``, built once.
PHRASE_DETS = DET_END | words(ATTRIBUTION_DATA / "phrase_determiners.csv")
#: Words stepped over before the name after *according to* (according to *several* officials).
QUANTITY_OPENERS = DET_END | words(ATTRIBUTION_DATA / "quantity_openers.csv")
#: Prepositions after a source without a name (according to figures released *by* the council).
DOCUMENT_PREPS = words(ATTRIBUTION_DATA / "document_prepositions.csv")
#: Pointing words that open a source without a name (according to *these* figures).
POINTING_WORDS = words(ATTRIBUTION_DATA / "pointing_words.csv")



def loose_np_after(st: SentenceState, pos: int):
    """A short noun phrase after a preposition (people familiar with *the matter*)."""
    toks = tokens(st.text, pos, min(st.s.end, pos + 80))
    verbs = {h.start for h in st.by_label.get("attribution", ())}
    k = 0
    if toks and toks[0].low in PHRASE_DETS:
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
    while i < n and toks[i].low in QUANTITY_OPENERS:
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


def common_np_after(st: SentenceState, pos: int):
    """A source without a name after *according to*: *the report*, *exit polls*, *figures
    released by the council*. It needs a determiner, a plural or a document word (so
    *according to plan* gives nothing)."""
    toks = tokens(st.text, pos, min(st.s.end, pos + 120))
    if not toks:
        return None
    if toks[0].low in BARE_GROUP and (len(toks) == 1 or not toks[1].text[:1].isalnum()):
        return NP(toks[0].start, toks[0].end)  # "according to some, …"
    k = 0
    det = toks[0].low in SUBJECT_DETS or toks[0].low in GROUP_WORDS or toks[0].low in POINTING_WORDS
    possessed = False
    if det:
        k = 1
        possessor = toks[1] if len(toks) > 1 else None
        if (possessor is not None and possessor.text[:1].islower() and possessor.low.endswith(("’s", "'s"))
                and strip_possessive(possessor.low).isalpha()):
            k, possessed = 2, True  # "the town's tourism office": whose office it is, then the office
    words_ = []
    while k < len(toks) and len(words_) < 4 and modifier_ok(st, toks[k]):
        words_.append(toks[k])
        k += 1
    if not words_:
        return None
    ed = next((i for i, w in enumerate(words_) if i and w.low.endswith("ed")), None)
    head = words_[ed - 1] if ed else words_[-1]  # "figures released", "supplementary material published"
    if possessed and not (head.low in DOCUMENT_NOUNS or head.start in st.cat_at):
        return None  # "the team's plan": after a possessive, only a document or a listed source word
    if not (det or head.low in DOCUMENT_NOUNS or (head.low.endswith("s") and len(head.low) > 3
                                                   and not head.low.endswith("ss"))):
        return None
    end = words_[-1].end
    if k + 1 < len(toks) and toks[k].low in DOCUMENT_PREPS:
        more = np_after(st, toks[k].end)
        if more is None and toks[k + 1].low in SUBJECT_DETS:
            more = common_np_after(st, toks[k].end)
        if more is not None and not more.pronoun:
            end = more.end
    return NP(toks[0].start, end)


def clause_subject(st: SentenceState, at: int):
    """The subject of the clause an -ing reporting form at ``at`` hangs on, when no one in the
    sentence has spoken before it: *The bank kept its rate at 4%, saying…*; *At the launch, chief executive
    Lucan Arkwell went further, telling…*; *Marrow closed the meeting by saying…*. None if the
    sentence does not open with a noun phrase and its verb."""
    if any(src.start < at for src in st.sources) or any(
            ev.label == "attribution" and ev.start < at for ev in st.evidence):
        return None  # "Roe said on Monday, adding that…": the speaker is already there
    pos = max(p for p in st.content_starts() if p <= at)
    toks = tokens(st.text, pos, at)
    first = toks[0].low if toks else ""
    if (first in STOP_LOWER and first not in DET_END and first not in SUBJECT_DETS
            and first not in PRONOUN_SUBJ) or first in TIME_WORDS:  # "At the launch, …"
        comma = next((i for i, t in enumerate(toks[:12]) if t.text == ","), None)
        if comma is None:
            return None
        pos = toks[comma].end
    np = np_after(st, pos, limit=at)
    if np is None:
        return None
    nxt = tokens(st.text, np.end, min(at, np.end + 30))
    if not nxt or not nxt[0].text.isalpha() or not nxt[0].text.islower():
        return None  # the phrase is not followed by its verb
    return np
