"""The writer speaking to the reader: exclamations and orders in the writer's own voice.

News reports rarely exclaim or give orders; columns, editorials and reviews do
(*Six hundred jobs!*, *Vote no.*, *Let him try.*, *Go early.*), and explainers give advice,
often after a lead-in (*First, publish the budget.*, *If your brand has gone, ask for
another.*, *On very hot days, keep the curtains closed.*). Either, in the writer's own
voice, makes the sentence ``opinion`` (the annotation guide: it evaluates or prescribes).
A quotation (*"Vote no!" she shouted*) is the speaker's, and a question asks rather than
tells. The verbs that count, the words that may follow them and the lead-ins are in
``medialit/data/stance/imperative_openers.csv``.

>>> from medialit.detect import analyze
>>> an = analyze("H\\n\\nVote no. Six hundred jobs! Vote counting began at ten.\\n")
>>> [s.labels for s in an.sentences[1:]]
[('opinion',), ('opinion',), ()]
"""

from __future__ import annotations

import re

from medialit.datafiles import DATA, words_by_kind
from medialit.detect.results import Evidence
from medialit.detect.rules import RULES
from medialit.detect.state import CLOSERS, SentenceState, is_question

IMPERATIVES_FILE = DATA / "stance" / "imperative_openers.csv"


#: Verbs that open an order if a follower comes next; verbs that open one whatever comes next
#: (*Don't*); the words that may follow (from the data file).
#: A step of a list or a time (lead: *First,*, *In the meantime,*), a word that opens a clause of
#: condition or time (clause: *If …,*, *Until …,*) or a short phrase of time or place (phrase:
#: *On …,*, *In …,*) may come before the order, with its comma.
(IMPERATIVE_VERBS, ORDER_VERBS, IMPERATIVE_FOLLOWERS, LEADS, LEAD_CLAUSES,
 LEAD_PHRASES) = words_by_kind(IMPERATIVES_FILE, ("verb", "order", "follower", "lead", "clause", "phrase"))
#: Every word that may open an order (both kinds of verb).
OPENING_VERBS = IMPERATIVE_VERBS | ORDER_VERBS
#: The first two words of a sentence (after opening quotes, brackets or dashes).
OPENING = re.compile(r"[\s\"'“‘(\[—–-]*([A-Z][a-z]*(?:['’]t)?)\b(?:\s+([^\W\d_][\w'’-]*))?")
#: A lead-in and its comma at the start of a sentence; group 1 is its first word, group 2 the rest.
LEAD_IN = re.compile(r"[\s\"'“‘(\[—–-]*([A-Z][a-z]*)((?:\s+[^\s,.;:!?“”\"]+){0,15}),\s+")
#: The two words after a lead-in: an order has its verb first (*ask for*, *keep the*).
AFTER_LEAD = re.compile(r"([a-z]+(?:['’]t)?)\b(?:\s+([^\W\d_][\w'’-]*))?")
#: The most words a short phrase of time or place may have before its comma (*On very high days,*).
PHRASE_WORDS = 5
#: The first word of every lead-in (a quick test before the lead-in pattern is tried).
LEAD_FIRST_WORDS = frozenset(w.split()[0] for w in LEADS) | LEAD_CLAUSES | LEAD_PHRASES
#: An order that sets a condition: *Read the small print and you find…*, *Watch him, and it is obvious…*
CONDITION = re.compile(r",?\s+and\s+(?:you|it|the|that)\b")


def might_address(text: str) -> bool:
    """A quick test for the stage: could this sentence exclaim or give an order?

    >>> might_address("Let him try."), might_address("The vote is on Tuesday.")
    (True, False)
    """
    if "!" in text:
        return True
    m = OPENING.match(text)
    if m and m.group(1).lower() in OPENING_VERBS:
        return True
    lead = _lead_in(text, 0, len(text), m)
    return lead is not None and AFTER_LEAD.match(text, lead).group(1) in OPENING_VERBS


def _lead_in(text: str, start: int, end: int, opening: re.Match | None) -> int | None:
    r"""Where the words after an opening lead-in begin (*First, …*, *If your brand has gone, …*,
    *On very high days, …*), or None when the sentence has none. ``opening`` is the sentence's
    :data:`OPENING` match, which the caller has already made.

    >>> t = "First, publish it. If it rains, stay in. On very high days, keep out. In 2020 sales, fell."
    >>> [_lead_in(t, m.start(), m.end(), OPENING.match(t, m.start(), m.end())) is not None
    ...  for m in re.finditer(r"[^.]+\.", t)]
    [True, True, True, False]
    """
    if opening is None or opening.group(1).lower() not in LEAD_FIRST_WORDS:
        return None  # speed: most sentences open with no lead-in word at all
    m = LEAD_IN.match(text, start, end)
    if m is None or not AFTER_LEAD.match(text, m.end(), end):
        return None
    first, rest = m.group(1).lower(), m.group(2).split()
    words = " ".join([first, *(w.lower() for w in rest)])
    if words in LEADS or (first in LEAD_CLAUSES and rest) or (
            first in LEAD_PHRASES and rest and len(rest) <= PHRASE_WORDS and not any(c.isdigit() for c in m.group(2))):
        return m.end()
    return None


def address(st: SentenceState) -> None:
    """Opinion evidence for an exclamation or an opening order in the writer's own voice."""
    s, text = st.s, st.text
    if s.part not in ("body", "dek"):
        return
    body = s.text.rstrip(CLOSERS)
    if body.endswith("!"):
        pos = s.start + len(body) - 1
        if st.voice(pos) == "author":
            st.evidence.append(Evidence("opinion", "exclamation", RULES["exclamation"], pos, pos + 1, "!"))
    if s.part != "body" or is_question(st):  # a question asks, it gives no order
        return
    m = OPENING.match(text, s.start, s.end)
    verb = m.group(1).lower() if m else ""
    rule = "imperative_opening"
    if verb not in OPENING_VERBS:
        lead = _lead_in(text, s.start, s.end, m)
        if lead is None:
            return
        m, rule = AFTER_LEAD.match(text, lead, s.end), "imperative_after_lead"
        verb = m.group(1)
    if verb not in OPENING_VERBS or st.voice(m.start(1)) != "author":
        return
    nxt = m.group(2)
    if verb in IMPERATIVE_VERBS:
        if nxt is not None and not (nxt.lower() in IMPERATIVE_FOLLOWERS or nxt[:1].isupper()):
            return
        if nxt is None and text[m.end(1):m.end(1) + 1] not in (".", ",", ";", "!"):
            return
    a, b = m.start(1), m.end(1)
    if CONDITION.search(text, b, s.end):
        st.suppress(a, b, "imperative_condition", RULES["imperative_condition"], "opinion")
        return
    st.evidence.append(Evidence("opinion", rule, RULES[rule], a, b, text[a:b]))


__all__ = ["IMPERATIVE_FOLLOWERS", "IMPERATIVE_VERBS", "OPENING_VERBS", "ORDER_VERBS", "address", "might_address"]
