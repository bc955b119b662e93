"""Noun phrases: who does the saying before a reporting verb (who follows *according to* is
:mod:`.noun_after`). Words on the source lists, capitals and a few grammar words decide.

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
"""

from __future__ import annotations

from medialit.datafiles import DATA, words
from medialit.detect.coordination import speaker_before_and
from medialit.detect.state import SentenceState
from medialit.detect.text import (
    CAP_STOP,
    CLAUSE_BREAK,
    CONNECT,
    DET_END,
    NO_HYPHENS,
    NOUN_LEFT,
    NP,
    PRONOUN_OBJ,
    PRONOUN_SUBJ,
    RELATIVES,
    SKIP,
    STOP_LOWER,
    SUBJECT_DETS,
    TIME_UNITS,
    TIME_WORDS,
    VERB_SKIP,
    Tok,
    bare_plural,
    before_time_phrase,
    comma_in_number,
    has_letter,
    is_nationality,
    strip_possessive,
    tokens,
)

#: Word tables of the attribution stage (``medialit/data/attribution/``).
ATTRIBUTION_DATA = DATA / "attribution"
#: Documents and evidence that can show or find something (*the survey* shows).
DOCUMENT_NOUNS = words(ATTRIBUTION_DATA / "document_nouns.csv")
#: Words that open a group doing the saying (*several* residents, *another* official).
GROUP_WORDS = words(ATTRIBUTION_DATA / "group_words.csv")
#: Words that do the saying on their own (*Others* say).
BARE_GROUP = words(ATTRIBUTION_DATA / "bare_group_subjects.csv")
#: After these a reporting word is a noun or an adjective whatever its form (*the* said deal).
DETERMINERS = words(ATTRIBUTION_DATA / "noun_determiners.csv")
#: Prepositions that tie a place or body to a speaker (officials *from* the ministry).
SPEAKER_PREPS = words(ATTRIBUTION_DATA / "speaker_prepositions.csv")
#: Words that open an aside describing the speaker (Jane Roe, *a* spokeswoman, said).
APPOSITION_OPENERS = words(ATTRIBUTION_DATA / "aside_openers.csv")
#: Lower-case words that may stand right before the speaker of an aside (*and* Roe, *that* the mayor).
HEAD_AFTER = words(ATTRIBUTION_DATA / "clause_joiners.csv")
#: Verb forms that are never nouns (unlike *reports*, *claims*).
VERB_ONLY = words(ATTRIBUTION_DATA / "verb_only.csv")
#: Words after which a bare group word does the saying (*but* others say).
GROUP_CONJUNCTIONS = words(ATTRIBUTION_DATA / "group_conjunctions.csv")
#: Words before a counted group doing the saying (*almost* half said, *more than* half said).
COUNT_APPROXIMATORS = words(ATTRIBUTION_DATA / "count_approximators.csv")
#: Who a counted share is of (*some of them*, *a number of those*), and the words a share may
#: be counted with (*a number of*, *all of*); grammar, so they stay in code.
COUNTED_OF = frozenset({"them", "those", "us"})
SHARE_HEADS = frozenset({"number", "all", "each"})


#: The verb given to a nested search for a speaker (before an aside, a preposition or "and"): a
#: form that is never a noun, so only a determiner makes the word before it a noun.
NESTED = "said"


def can_be_noun(verb: str) -> bool:
    """Whether a reporting word can also be a noun (*reports*, *claims*), unlike *said*, an -ed form or *see it differently*.

    >>> can_be_noun("reports"), can_be_noun("said"), can_be_noun("warned")
    (True, False, False)
    """
    first, *rest = verb.split(" ")  # "welcomed the results", "see it differently", "did not respond": verbs
    return not (verb in VERB_ONLY or first in VERB_ONLY or first.endswith("ed") or rest[:1] and rest[0] in PRONOUN_OBJ or rest[:1] == ["not"])


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
    """An ordinary lower-case word that may describe a listed word (*senior* officials, a
    *pre-election* poll)."""
    w = t.low
    joined = w.translate(NO_HYPHENS)  # a hyphenated word's parts, run together
    return ((w.isalpha() or w.isdigit() or (joined != w and joined.isalnum()))
            and w not in STOP_LOWER and (t.text[:1].islower() or w[:1].isdigit()))


def subject_before(st: SentenceState, pos: int):
    """The noun phrase doing the saying, ending right before ``pos``.

    Returns an NP, ``"noun"`` (the verb is really a noun: *the reports*) or None.
    """
    s = st.s
    verb = st.next_word(pos)
    if st.comma_tail(pos):
        verb = NESTED  # a short tail that ends the sentence: "…, the paper reports." is a verb, not a noun
    lo = max(s.start, pos - 64)
    res, edge = subject_in(st, tokens(st.text, lo, pos), verb)
    if (edge or res is None) and lo > s.start:  # the walk reached the window's edge: look further back
        res, _ = subject_in(st, tokens(st.text, max(s.start, pos - 400), pos), verb)
    return res


def _counted_subject(st: SentenceState, toks: list[Tok], g: int) -> bool:
    """Whether a number written in figures right before the verb is who speaks (*Of those, 22
    said*), not an age after a name (*Jane Roe, 71, said*; *Roe, 71, who …, said*)."""
    if toks[-1].text == ",":
        return False
    if g < 2:
        return toks[g].start == st.s.start
    before = toks[g - 2]  # the word before the comma or joiner
    return not before.text[:1].isupper() and (g > 2 or toks[0].start == st.s.start)


def _count_start(toks: list[Tok], g: int) -> int:
    """Where a counted group ending at ``toks[g]`` starts: *46 percent*, *40 per cent*,
    *one in five*, *almost half*, *more than half* (``g`` itself for a plain *Others*)."""
    k = g
    if toks[k].low in ("percent", "cent"):
        if k >= 1 and toks[k - 1].low == "per":
            k -= 1
        if k >= 1 and toks[k - 1].low.isdigit():
            k -= 1
    elif k >= 2 and toks[k - 1].low == "in" and (toks[k - 2].low.isdigit() or toks[k - 2].low in BARE_GROUP
                                                 or toks[k - 2].low == "one"):
        k -= 2  # "one in five", "1 in 4"
    while k >= 1 and toks[k - 1].low in COUNT_APPROXIMATORS:
        k -= 1
    return k


def subject_in(st: SentenceState, toks: list[Tok], verb: str = ""):
    """(subject, whether the walk back reached the first token) for the tokens before a verb
    (also given to :func:`.coordination.speaker_before_and` for the clause before *and*)."""
    if not toks:
        return None, False
    left = toks[-1]
    g = len(toks) - 1
    while g > 0 and (toks[g].low in VERB_SKIP or toks[g].low in SKIP):
        g -= 1  # "Some will argue", "Many have questioned"
    if toks[g].low in COUNTED_OF and g >= 2 and toks[g - 1].low == "of" and (
            toks[g - 2].low in BARE_GROUP or toks[g - 2].low in SHARE_HEADS):
        k = _count_start(toks, g - 2 - (toks[g - 2].low == "number" and toks[g - 3].low == "a"))
        if k == 0 or not toks[k - 1].low.isalpha() or toks[k - 1].low in GROUP_CONJUNCTIONS:
            return NP(toks[k].start, toks[g].end), False  # "Some of them said", "a number of them said"
    if (toks[g].low in BARE_GROUP or (toks[g].low.isdigit() and _counted_subject(st, toks, g))) \
            and not verb.endswith("s"):
        k = _count_start(toks, g)
        if k == 0 or not toks[k - 1].low.isalpha() or toks[k - 1].low in GROUP_CONJUNCTIONS:
            return NP(toks[k].start, toks[g].end), False  # "Others say", "Many believe", "One in five said"
    if (left.low.endswith(("’s", "'s")) and left.text[:1].isupper() and not can_be_noun(verb)
            and not verb.endswith("ed")  # not "Castellane’s assured debut", "Scrum-half’s disputed score"
            and left.low[:-2] not in PRONOUN_SUBJ and left.low[:-2] not in STOP_LOWER):  # not "He’s said", "That’s"
        return NP(left.start, left.end), False  # "Merrifield’s said", "Sainsbury's expects": a firm's name
    if ((left.low in NOUN_LEFT and (left.low in DETERMINERS or can_be_noun(verb)))
            or left.low.endswith(("’s", "'s")) or left.text in "’'"
            or (left.start not in st.cat_at and is_nationality(left.text)) or left.low.isdigit()):
        return "noun", False
    i = len(toks) - 1
    while i >= 0 and (toks[i].low in SKIP or toks[i].low in VERB_SKIP):
        i -= 1
    i = before_time_phrase(toks, i)
    while i >= 0 and (toks[i].low in SKIP or toks[i].low in VERB_SKIP):  # "has in past years urged"
        i -= 1
    if i < 0:
        return None, True
    t = toks[i]
    if t.low in PRONOUN_SUBJ and not (t.low == "one" and i > 0 and toks[i - 1].low in ("no", "any", "every")):
        return NP(t.start, t.end, True), False  # "one conceded" speaks; "no one expected" does not
    if t.text in ",)":
        return _through_aside(st, toks, i), False
    if t.low in ("and", "but") and i > 1:
        return speaker_before_and(st, toks, i, verb, lambda st1, toks1: subject_in(st1, toks1, NESTED)), False
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
        if t.low in DET_END or (idx and t.low in SUBJECT_DETS):  # "the", or "its" chief executive
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
        if (idx and t.low == "s" and j > 2 and toks[j - 1].text in "’'" and toks[j - 1].end == t.start
                and toks[j - 2].text == "." and toks[j - 2].end == toks[j - 1].start
                and toks[j - 3].low in st.art.abbrev):
            idx += [j, j - 1]  # "Acme Inc.'s chief executive": a possessive after a name's full stop
            j -= 2
            last_mod = False
            continue
        if (idx and t.text in "’'" and j > 0 and toks[j - 1].end == t.start and toks[j - 1].low.endswith("s")
                and toks[j - 1].text[:1].isupper()):
            idx += [j, j - 1]  # "The National Farmers' Union": a plural possessive inside a name
            j -= 2
            last_mod = False
            continue
        if (idx and t.text in "’'" and j > 0 and toks[j - 1].end == t.start and toks[j - 1].low.endswith("s")
                and toks[j - 1].text.isalpha() and toks[j - 1].text.islower() and lower_cat(st, toks[idx[-1]])):
            idx += [j, j - 1]  # "the shift workers' union": a plural possessive before a listed word
            j -= 2
            last_mod = True  # one describing word may come before it (shift workers')
            continue
        if (idx and t.low.endswith(("’s", "'s")) and t.text[:1].isalpha() and j > 0
                and (toks[j - 1].low in DET_END or toks[j - 1].text[:1].isupper())):
            idx.append(j)  # "the port's operator": a possessive before the role
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
    first = idx[0]
    seq = [toks[k] for k in idx]
    # drop leading connectors and time words ("On Monday, ..." is cut by the comma; "Monday Smith" is not)
    while seq and (seq[0].low in CONNECT or strip_possessive(seq[0].low) in TIME_WORDS):
        seq.pop(0)
    if not seq or not any(np_ok(st, t) and t.low not in DET_END for t in seq):
        return None, edge
    start = seq[0].start
    if seq[0] is toks[first] and first > 0 and toks[first - 1].low in GROUP_WORDS:
        start = toks[first - 1].start  # "Another official", "Several officials"
        first -= 1
    return _widen_back(st, toks, first, NP(start, seq[-1].end)), edge


def _common_noun_subject(st: SentenceState, toks: list[Tok], i: int):
    """``The bank said``, ``Several residents said``: a determiner (or a word for a group)
    and up to three ordinary words before the verb."""
    if toks[i].low.endswith("ed") and toks[i].text.islower():
        return None  # "The move raised fears": a verb, not the end of a speaker's name
    k = i
    n = 0
    while (k >= 0 and n < 3 and (modifier_ok(st, toks[k]) or np_ok(st, toks[k])) and toks[k].low not in DET_END
           and toks[k].low not in GROUP_WORDS):
        k -= 1
        n += 1
    if n == 0:
        return None
    if n <= 2 and bare_plural(toks[i]) and k >= 0 and (toks[k].text in ",;" or toks[k].low in GROUP_CONJUNCTIONS):
        return NP(toks[k + 1].start, toks[i].end)  # "…, shipping agents said", "but forecasters said": a group
    if (k < 0 and n == 2 and bare_plural(toks[i]) and toks[0].start in st.content_starts() and toks[0].text.isalpha()
            and toks[0].low not in STOP_LOWER and toks[0].low not in TIME_WORDS):
        return NP(toks[0].start, toks[i].end)  # "Freight forwarders said", "Dairy farmers said": a group
    if k < 0:  # "Kell's team said", "Alan Meriden's family said": a name's possessive opening the sentence
        first, owner = toks[0], next((j for j in range(i) if toks[j].low.endswith(("’s", "'s"))), None)
        if (n >= 2 and owner is not None and all(np_ok(st, t) for t in toks[:owner + 1])
                and not first.low.endswith("ing") and first.start in st.content_starts()):  # not "Opening X's case"
            return NP(first.start, toks[i].end)
        return None
    det = toks[k]
    if ((det.low in RELATIVES or det.low == "that" and k > 0 and not any(  # groups that X's rule says;
            h.end == toks[k - 1].end for h in st.by_label.get("attribution", ())))  # not "remarked that"
            and toks[k + 1].low.endswith(("’s", "'s")) and toks[k + 1].text[:1].isupper()):
        return NP(toks[k + 1].start, toks[i].end)
    if det.low in SUBJECT_DETS or det.low in GROUP_WORDS:
        return _widen_back(st, toks, k, NP(det.start, toks[i].end))
    if det.low in SPEAKER_PREPS and k > 0 and n <= 2:  # "the cabinet member for transport, Ray Dunn, said"
        start, _ = _common_or_listed(st, toks[:k])
        if start is not None:
            return NP(start, toks[i].end)
    if det.low.endswith(("’s", "'s")) and det.text[:1].isalpha():  # "The port's operator said"
        j = k - 1
        while j >= max(0, k - 2) and toks[j].text.islower() and toks[j].low not in DET_END and modifier_ok(st, toks[j]):
            j -= 1  # "The refill shop's owner said": a word or two describing the owner
        if j >= 0 and toks[j].low in DET_END:
            k = j
        if toks[k].low in DET_END or toks[k].text[:1].isupper():
            return NP(toks[k].start, toks[i].end)
    if det.low == "and" and n <= 2 and k > 0:  # "the former minister and current candidate said"
        before, _ = subject_in(st, toks[:k], NESTED)
        if isinstance(before, NP) and not before.pronoun and lower_cat(st, toks[k - 1]):
            return NP(before.start, toks[i].end)
    return None


def _widen_back(st: SentenceState, toks: list[Tok], k: int, np: NP) -> NP:
    """``Officials from the United States``, ``Critics of the plan``: a speaker named before a
    preposition tied to the phrase found (``toks[k]`` is its first token)."""
    if k < 2 or toks[k - 1].low not in SPEAKER_PREPS:
        return np
    head, _ = _common_or_listed(st, toks[:k - 1])
    if head is None:
        return np
    return NP(head, np.end)


def _common_or_listed(st: SentenceState, toks: list[Tok]):
    """Where a speaker ends right before a preposition starts: a listed word (*officials*,
    *spokesperson*), a document (*a study* by) or a plural group (*Residents* in the town)."""
    last = toks[-1]
    listed = (last.start in st.cat_at or last.low in DOCUMENT_NOUNS
              or (last.low.endswith("s") and last.low.isalpha() and len(last.low) > 3))
    res, _ = subject_in(st, toks, NESTED)
    if isinstance(res, NP) and not res.pronoun:
        first = st.text[res.start:res.end].split()[0].lower()
        if (listed or res.start in st.cat_at  # "Officials in the city of Leeds"
                or ((first in SUBJECT_DETS or first in GROUP_WORDS)  # "A longtime steward at the club"
                    and (res.start in st.content_starts() or st.prev_char(res.start) == ","))):
            return res.start, res
        return None, None
    if not listed:
        return None, None
    if last.start in st.content_starts() or (len(toks) > 1 and toks[-2].text in ",;:"):
        return last.start, None
    k = len(toks) - 2
    if toks[k].low in GROUP_WORDS or toks[k].low in SUBJECT_DETS:
        return toks[k].start, None
    return None, None


def _through_aside(st: SentenceState, toks: list[Tok], i: int):
    """The speaker before an aside: *Gov. Jane Roe (D-N.M.) said*, *Jane Roe, who chairs the
    board, said*, *Roe, speaking to reporters, said*, *Its chair, Marion Leck, said*.

    An aside that is a name, or that says the speaker is unnamed (*who asked not to be
    named*), belongs to the source's span; any other aside is left out."""
    if toks[i].text == ")":
        for j in range(i - 1, max(-1, i - 10), -1):
            if toks[j].text == "(":
                res, _ = subject_in(st, toks[:j], NESTED)
                return res if isinstance(res, NP) else None
        return None
    # The aside opens at a comma before: the nearest one first, then (when that gives no speaker)
    # an earlier one, for an aside with commas of its own (who has run Pocket Mend, a repair shop,
    # for twelve years,). A comma inside a number (1,900) opens nothing.
    j = i - 1
    for reach in ASIDE_REACH:
        while j >= 0 and i - j < reach and (toks[j].text not in CLAUSE_BREAK or comma_in_number(toks, j)
                                            or toks[j].text in "“”\""):  # a quoted word in an aside
            j -= 1
        if j < 1 or j == i - 1 or toks[j].text != "," or i - j >= reach:
            return None
        head = _aside_speaker(st, toks, i, j)
        if head is not None:
            return _outer_name(st, head) or head
        j -= 1
    return None


def _outer_name(st: SentenceState, head):
    """The name a speaker found before an aside is itself an aside to: *Ruth Roe, the
    association's chair, who runs a shop, said* (Ruth Roe, not the chair); *Rosa Roe, director
    of the Institute, an independent group, said* (Rosa Roe, not the Institute). None if there is none."""
    toks = tokens(st.text, max(st.s.start, head.start - 40), head.end)  # its own window: the walk's may start at the head
    k = next((n for n, t in enumerate(toks) if t.start == head.start), None)
    if k is None or head.pronoun:
        return None
    c = k - 1
    while c >= 0 and k - c <= 4 and toks[c].text != "," and toks[c].text[:1].islower():
        c -= 1  # over a role before the head: "director of the"
    if c < 0 or toks[c].text != "," or (c == k - 1 and st.text[head.start:head.start + 1].isupper()):
        return None  # no aside before, or the head is itself the name ("Its chair, Jo Roe, who …")
    outer, _ = subject_in(st, tokens(st.text, max(st.s.start, toks[c].start - 80), toks[c].start), NESTED)
    if (not isinstance(outer, NP) or outer.pronoun or not st.text[outer.start:outer.start + 1].isupper()
            or st.text[outer.end:toks[c].start].strip()):
        return None
    before = st.text[max(st.s.start, outer.start - 30):outer.start].split()
    if before and before[-1].lower() in STOP_LOWER and before[-1].lower() not in ("and", "but"):
        return None  # "In Leeds, the council's leader, who …, said": Leeds is a place, not the speaker
    return NP(outer.start, outer.end, False)


#: Words that tie a role to its place after a name without an article (*deputy for Eastwick*,
#: *chief executive of Tarvex*, *professor at Kestrel*): the aside is the speaker's role.
ROLE_LINKS = frozenset({"of", "for", "at"})
#: How far back (in tokens) an aside's opening comma may be: the nearest, then two earlier ones.
ASIDE_REACH = (30, 45, 45)


def _aside_speaker(st: SentenceState, toks: list[Tok], i: int, j: int):
    """The speaker before the aside ``toks[j + 1:i]`` (``toks[j]`` is its opening comma), or None."""
    aside = toks[j + 1:i]
    head, _ = subject_in(st, toks[:j], NESTED)
    if not isinstance(head, NP):
        return None
    if len(aside) > 2 and aside[0].low.isdigit() and len(aside[0].low) <= 3 and aside[1].text == ",":
        if head.pronoun or not st.text[head.start:head.start + 1].isupper():
            return None
        aside = aside[2:]  # "Priya Mensah, 29, a nurse who …,": an age, then the rest of the aside
    b = next((n for n in range(j - 1, -1, -1) if toks[n].end <= head.start), None)
    before = toks[b] if b is not None else None
    if (before is not None and before.text[:1].islower() and before.low not in HEAD_AFTER
            and before.low not in TIME_UNITS and before.low not in TIME_WORDS):  # "Last week the council, …,"
        if b >= 2 and before.low == "by" and toks[b - 1].low.endswith("ed") and not head.pronoun:
            outer, _ = subject_in(st, toks[:b - 1], NESTED)  # "a forensic accountant called by the prosecution, Roe,"
            if not isinstance(outer, NP) or outer.pronoun:
                return None
            head = NP(outer.start, head.end)
        elif not (b >= 1 and toks[b - 1].low in DET_END and toks[b - 1].start in st.content_starts()
                  and st.text[head.start:head.start + 1].isupper() and not head.pronoun):
            return None  # "…, who gave only his first name, Tom, said": the head sits inside a clause
        else:
            head = NP(toks[b - 1].start, head.end)  # "The consultancy Meridale Economics, which …, expects"
    a0 = aside[0]
    named = aside[1:] if a0.low == "the" and len(aside) > 2 and "title" in st.cat_at.get(aside[1].start, ()) else aside
    def name_like(ts) -> bool:  # capitalised words, the full stops and "&" inside names, name joiners
        return 0 < len(ts) <= 5 and all(t.text[:1].isupper() or t.text in ".&" or t.low in CONNECT for t in ts)

    name_aside = named[0].text[:1].isupper() and name_like(named)  # "Its chair, Marion Leck,", "the Rev. Ann Roe,"
    k = 0 if name_aside else next((n for n, t in enumerate(named) if t.low in ROLE_LINKS), 0)
    if 2 <= k <= 4 and all(t.text[:1].isupper() for t in named[:k]):  # "the minister, Saskia Ambrell of the Civic Union,"
        name_aside = name_like(named[k + 2:] if named[k + 1:k + 2] and named[k + 1].low == "the" else named[k + 1:])
    listed = any(t.start in st.cat_at and "anonymous" in st.cat_at[t.start] for t in aside)
    if a0.low in ("including", "among"):  # "Critics, including several councillors, argue": two sources
        return head
    if name_aside or listed:
        return NP(head.start, aside[-1].end, False)
    if len(aside) == 1 and a0.low.isdigit() and len(a0.low) <= 3:  # "Mr. Roe, 54, said": an age
        ok = st.text[head.start:head.start + 1].isupper() and not head.pronoun
    elif head.pronoun:
        ok = a0.low.endswith("ing") or a0.low in APPOSITION_OPENERS
    elif a0.low in RELATIVES or (a0.low.endswith(("ing", "ed", "en")) and (len(a0.low) > 3 or aside[1:2] and aside[1].low == "by")):
        ok = True  # "who chairs the board", "speaking to reporters", "seen by the Herald", "led by"
    elif (st.text[head.start:head.start + 1].isupper() and not head.pronoun and a0.text[:1].islower()
          and any(t.low in ROLE_LINKS for t in aside[1:3]) and len(aside) > 2):
        ok = True  # "Margit Selwood, deputy for Eastwick,", "Ann Roe, chief executive of Tarvex,": a role
    elif (st.text[head.start:head.start + 1].isupper() and not head.pronoun and a0.text[:1].isupper()
          and a0.low.endswith(("’s", "'s")) and len(aside) > 1 and aside[1].text[:1].islower()):
        ok = True  # "Ilona Reszke, Calloran’s director of operations,": a role in a named body
    else:
        ok = a0.low in APPOSITION_OPENERS and (st.text[head.start:head.start + 1].isupper()
                                               or st.text[head.start:head.start + 4].lower() == "the ") and any(
            np_ok(st, t) and t.low not in DET_END for t in tokens(st.text, head.start, head.end))
    return head if ok else None
