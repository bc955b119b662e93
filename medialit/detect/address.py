"""The writer speaking to the reader: exclamations and orders in the writer's own voice.

News reports rarely exclaim or give orders; columns, editorials and reviews do
(*Six hundred jobs!*, *Vote no.*, *Let him try.*, *Go early.*). Either, in the writer's
own voice, makes the sentence ``opinion`` (the annotation guide: it evaluates or
prescribes). A quotation (*"Vote no!" she shouted*) is the speaker's, and a question
asks rather than tells. The verbs that count, and the words that may follow them, are
in ``medialit/data/stance/imperative_openers.csv``.

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
IMPERATIVE_VERBS, ORDER_VERBS, IMPERATIVE_FOLLOWERS = words_by_kind(IMPERATIVES_FILE, ("verb", "order", "follower"))
#: Every word that may open an order (both kinds of verb).
OPENING_VERBS = IMPERATIVE_VERBS | ORDER_VERBS
#: The first two words of a sentence (after opening quotes, brackets or dashes).
OPENING = re.compile(r"[\s\"'“‘(\[—–-]*([A-Z][a-z]*(?:['’]t)?)\b(?:\s+([^\W\d_][\w'’-]*))?")
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
    return bool(m) and m.group(1).lower() in OPENING_VERBS


def address(st: SentenceState) -> None:
    """Opinion evidence for an exclamation or an opening order in the writer's own voice."""
    s, text = st.s, st.text
    if s.part not in ("body", "dek"):
        return
    body = text[s.start:s.end].rstrip(CLOSERS)
    if body.endswith("!"):
        pos = s.start + len(body) - 1
        if st.voice(pos) == "author":
            st.evidence.append(Evidence("opinion", "exclamation", RULES["exclamation"], pos, pos + 1, "!"))
    if s.part != "body" or is_question(st):
        return
    m = OPENING.match(text, s.start, s.end)
    verb = m.group(1).lower() if m else ""
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
    st.evidence.append(Evidence("opinion", "imperative_opening", RULES["imperative_opening"], a, b, text[a:b]))


__all__ = ["IMPERATIVE_FOLLOWERS", "IMPERATIVE_VERBS", "OPENING_VERBS", "ORDER_VERBS", "address", "might_address"]
