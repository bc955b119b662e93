"""Who speaks after *and* or *but*: the speaker of an action just before (*Roe smiled and told
reporters*, *She shook her head and said*, *The fire service recorded 1,120 fires … and says*).

It is part of finding the subject before a reporting verb (:mod:`.phrases`), which calls it when
the word before the verb is *and* or *but*, and hands it that search for the clause before.
The words are in ``medialit/data/attribution/past_actions.csv`` and ``present_actions.csv``.

>>> from medialit.detect import analyze
>>> an = analyze("Head\\n\\nRoe is the club's treasurer and says the accounts are sound.\\n")
>>> [(s.text, s.rule) for s in an.sentences[1].sources]
[('Roe', 'reporting_subject')]
"""

from __future__ import annotations

from medialit.datafiles import DATA, words
from medialit.detect.state import SentenceState
from medialit.detect.text import (
    CLAUSE_BREAK,
    NP,
    PRONOUN_SUBJ,
    RELATIVES,
    SKIP,
    VERB_SKIP,
    Tok,
    tokens,
)

#: Irregular past actions before "and said" (she *shook* her head and said).
PAST_ACTIONS = words(DATA / "attribution" / "past_actions.csv")
#: Present-tense verbs that may stand right after the speaker in a first clause before "and says"
#: (Roe *is* the treasurer and says…); any other such verb must stand further on.
PRESENT_ACTIONS = words(DATA / "attribution" / "present_actions.csv")


def speaker_before_and(st: SentenceState, toks: list[Tok], i: int, verb: str, subject_in) -> NP | None:
    """*Roe smiled and told reporters*, *She shook her head and said*, *Police closed the coast road
    and urged…*: the speaker of an action just before (its verb at most seven words before *and* or *but*).
    ``subject_in(st, toks)`` is the subject search of :mod:`.phrases` for the clause before, which gives
    ``(subject, reached the start)``."""
    # "put it" (as Roe put it) reaches back three words only: "He picked up the cup and put it, …"
    reach = 4 if verb in ("put", "puts") else 8
    for k in range(i - 1, max(0, i - 16), -1):  # "Roe, who leads the group on the council and has said"
        if toks[k].text in CLAUSE_BREAK or (toks[k].low in RELATIVES and toks[k - 1].text == ","):
            if toks[k].low in RELATIVES:
                return NP(toks[k].start, toks[k].end, True)
            break
    for k in range(i - 1, max(0, i - reach), -1):
        t = toks[k]
        if t.text[:1].islower() and (t.low.endswith("ed") or t.low in PAST_ACTIONS):
            res, _ = subject_in(st, toks[:k])
            if isinstance(res, NP) and (res.pronoun or st.text[res.start:res.start + 1].isupper()):
                return res
            break
    # "The fire service recorded 1,120 fires … and says": a longer first clause, its speaker opening the sentence
    first = tokens(st.text, st.s.start, toks[i].start)
    # "Ruth Ambler, a teacher in Lowther Cross, has had hay fever … and says": the verb comes after
    # an aside that describes the speaker, so the count starts after its closing comma
    lead = _aside_end(first)
    v = next((n for n, t in enumerate(first[:lead + 7]) if n > lead and t.text.islower()  # or "does not dispute … but says"
              and (t.low.endswith("ed") or t.low in PAST_ACTIONS or t.low in SKIP
                   or (verb[-1:] == "s" and t.low[-1:] == "s" and t.low.isalpha() and (n > 1 or t.low in PRESENT_ACTIONS)))), None)  # "runs … and says"
    res = subject_in(st, first[:v])[0] if v and reach > 4 else None  # not "put it" (reach 4)
    if isinstance(res, NP) and res.start == first[0].start and st.text[res.start:res.start + 1].isupper():
        return res
    # "She would not put a figure on the loss while …, but said …": after ", but" the speaker is
    # the pronoun that opens the sentence, when a verb follows it
    if (toks[i].low == "but" and toks[i - 1].text == "," and toks[0].start == st.s.start
            and toks[0].low in PRONOUN_SUBJ and toks[0].low not in RELATIVES and len(toks) > 2
            and (toks[1].low in VERB_SKIP or toks[1].low in SKIP or toks[1].low.endswith("ed"))):
        return NP(toks[0].start, toks[0].end, True)
    return None


def _aside_end(first: list[Tok]) -> int:
    """The index of the comma that closes an aside right after a capitalised name opening the
    sentence (*Ruth Ambler, a primary school teacher in Lowther Cross,*), or 0 if there is none.

    >>> from medialit.detect.text import tokens
    >>> t = "Ruth Ambler, a teacher in the village, has had hay fever"
    >>> _aside_end(tokens(t, 0, len(t))), _aside_end(tokens("Roe is here", 0, 11))
    (8, 0)
    """
    k = 0
    while k < min(len(first), 4) and first[k].text[:1].isupper():
        k += 1
    if not k or k >= len(first) or first[k].text != ",":
        return 0
    for j in range(k + 1, min(len(first), k + 20)):
        if first[j].text in CLAUSE_BREAK:
            return j if first[j].text == "," and j > k + 1 else 0
    return 0
