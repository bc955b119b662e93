"""Someone described by a relative clause: *One driver who has worked at the depot for 17 years,
and who asked not to be named, said…*; *A builder who buys his padlocks from me says…*.

The subject of the reporting verb is the opening phrase (*One driver*, *A builder*) with the *who…*
clause that describes it, however long, or with an apposition alone (*One, a process technician,
said…*). Only a phrase opened by an indefinite word (a, one, another, several…:
``attribution/indefinite_openers.csv``) is read this way, so a name or a title before *who* is still
found the usual way, and only *who*, so a thing (*A plan that…*) never speaks.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.state import ArticleState, SentenceState
>>> t = "Head\\n\\nOne driver who has driven for years, and who asked not to be named, said it.\\n"
>>> art = ArticleState(parse_article(t), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> np = relative_head(st, st.text.find(" said"))
>>> st.text[np.start:np.end]
'One driver who has driven for years, and who asked not to be named'
>>> relative_head(st, st.text.find(" driven")) is None  # "who has driven": the verb is the clause's
True
"""

from __future__ import annotations

import re

from medialit.datafiles import words
from medialit.detect.phrases import ATTRIBUTION_DATA, NP
from medialit.detect.state import SentenceState
from medialit.detect.text import STOP_LOWER, grammar_words, plural_word

#: First words that make a phrase indefinite: *a* hotel owner, *one* analyst, *some* experts
#: (also read by display_roles for roles in the headline and dek).
INDEFINITE = words(ATTRIBUTION_DATA / "indefinite_openers.csv")
#: A word right before the verb that makes the verb part of the *who* clause (who is quoted).
AUXILIARIES = grammar_words("clause_auxiliaries")
#: A modal inside the stretch: the verb belongs to a main clause after the *who* clause, not to its speaker.
MODALS = grammar_words("modal_verbs")
#: The longest opening phrase read as the one described (A manager at one of the three main
#: wholesalers: 9 words).
MAX_HEAD_WORDS = 10
#: The longest stretch from the sentence's start to the verb (a long *who* clause is common).
MAX_WORDS = 45
#: The opening phrase, then an optional apposition (, a retired nurse), then the *who* clause.
RELATIVE = re.compile(
    r"(?P<head>[A-Za-z][\w’'-]*(?: [\w’'-]+){0,%d}?)"
    r"(?:(?:, (?:an?|the) [^,;:“”\"]*?)?,? (?:and )?who\b[^;:“”\"]*"  # … (, a retired nurse) who …
    r"|, (?:an?|the) [^,;:“”\"]*)$" % (MAX_HEAD_WORDS - 1))  # or only an apposition: One, a technician,


def relative_head(st: SentenceState, end: int) -> NP | None:
    """The phrase opening the sentence, from its indefinite first word to ``end``, when what
    comes before ``end`` is that phrase and a *who* clause describing it (``None`` if not): the
    clause is part of who the source is (*One driver who asked not to be named*)."""
    start = min(st.content_starts())
    if not start < end <= st.s.end:
        return None
    stretch = st.text[start:end].rstrip(" ,")
    if stretch.count(" ") >= MAX_WORDS:
        return None
    m = RELATIVE.match(stretch)
    if m is None or not (m.group("head").split()[0].lower() in INDEFINITE or (
            _plural_group(m.group("head")) and MODALS.isdisjoint(re.findall(r"\w+", stretch.lower())))):  # not "Customers who … should"
        return None
    head = m.group("head")
    rest = stretch[len(head):].lower().split()
    if " who" not in stretch and "which" not in rest and not AUXILIARIES.isdisjoint(rest):
        return None  # "For parents, the prospect is welcome, said Roe": a clause, not an apposition
    if len(head.split()) < 2 and not re.match(r"(?:One|Another)\b", head) and not _plural_group(head):
        return None  # "A who…" is not a phrase; "One, who has driven cranes for 22 years, …" is
    if " who" in stretch:
        clause = stretch[stretch.rfind(" who") + 4:].split()
        if len(clause) <= 2 and (not clause or clause[-1].lower() in AUXILIARIES):
            return None  # "A customer who is quoted £159": the verb is the clause's own
    return NP(start, start + len(stretch), False)


def _plural_group(head: str) -> bool:
    """A group named by a plain plural of up to three words (*Lawyers*, *Local residents*):
    *Lawyers who specialise in data protection said…* (not *Ships*-like names: a capital inside)."""
    ws = head.split()
    return (len(ws) <= 3 and all(w[:1].islower() for w in ws[1:]) and plural_word(ws[-1].lower())
            and (len(ws) == 1 or ws[0].lower() not in STOP_LOWER))  # not "For parents"


def described_subject(st: SentenceState, verb_at: int, subj):
    """The subject of the reporting verb at ``verb_at``: the described phrase (relative_head)
    where none was found, only an indefinite pronoun (*One, a process technician, said*), or a
    word inside the *who* clause itself (*Drivers who use the road said*); otherwise ``subj``."""
    indefinite = subj is not None and subj != "noun" and subj.pronoun and st.text[subj.start:subj.end].lower() in INDEFINITE
    inside = subj is not None and subj != "noun" and not subj.pronoun
    if inside and " who " not in st.text[st.s.start:verb_at]:
        return subj  # (the usual case, checked cheaply: no "who" before the verb)
    if subj is None or indefinite or inside:
        head = relative_head(st, verb_at)
        if head is not None and (not inside or head.start < subj.start and "," not in st.text[head.start:verb_at]):
            return head  # (a word inside the clause only when no comma ends it: not "…, but the team said")
    return subj
