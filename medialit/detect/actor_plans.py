"""Who takes a planned step: a plain *will* after a body the article names (rule ``actor_plan``).

News reports what a council, an agency or a company has arranged in plain future tense
(*The council will call its own soil scientist later in the week.*, *Greyfell Buses will stop
running five routes on May 29.*): the step is the body's own, as plain *will* in a source's words
is (rule ``source_plan``), so it is not the writer's guess. A verb of outcome keeps the forecast
(*The committee will reject the plan.*, *Harbour United will win the cup.*). The words are in
``medialit/data/stance/actor_plan.csv``.

>>> from medialit.detect import analyze
>>> def spec(s):
...     return "speculation" in analyze("Head\\n\\n" + s + "\\n").sentences[1].labels
>>> spec("The council will call its own soil scientist."), spec("The committee will reject the plan.")
(False, True)
>>> spec("Teachers will notice the change."), spec("The argument in Caddon will not end there.")
(True, True)
"""

from __future__ import annotations

import re

from medialit.datafiles import DATA, words_by_kind
from medialit.detect.state import SentenceState
from medialit.detect.text import SUBJECT_DETS, tokens

ACTOR_FILE = DATA / "stance" / "actor_plan.csv"
#: Adverbs passed over before "will"; words before a name that make it part of a phrase;
#: verbs after "will" that give an outcome rather than a step;
#: capitalised words opening a sentence that are no body's name (pronouns and pointing words).
SKIP, OBJECT_WORDS, OUTCOME_VERBS, NOT_NAMES, PARTICIPLES = words_by_kind(
    ACTOR_FILE, ("skip", "object_word", "outcome_verb", "not_name", "participle"))
#: The source-list labels that name a body (data/cues/institutions.csv, outlets.csv).
BODY_LABELS = frozenset(("institution", "outlet"))
#: The verb right after "will" (or "will not").
NEXT_VERB = re.compile(r"\s+(?:not\s+)?([A-Za-z]+)")
#: How far back the subject is looked for.
WINDOW = 60
#: "will (not) be" and the word after it (will be kept informed, will not be charged).
BE_AFTER_WILL = re.compile(r"\s+(?:not\s+|still\s+|also\s+|then\s+|now\s+|only\s+)*be\s+([a-z]+)")


def arranged_passive(text: str, pos: int, end: int) -> bool:
    """Whether the *will* at ``pos`` starts a passive (*will be kept informed*, *will not be
    charged*): a step arranged for people, which in a source's words is the source's plan.

    >>> t = "Residents will be kept informed. Owners will be contacted. It will be cold."
    >>> [arranged_passive(t, t.find("will", i), len(t)) for i in (0, 30, 58)]
    [True, True, False]
    """
    m = BE_AFTER_WILL.match(text, pos + 4, end)
    return m is not None and (m.group(1).endswith("ed") or m.group(1) in PARTICIPLES)


def actor_plan(st: SentenceState, pos: int) -> bool:
    """Whether the "will" at ``pos`` follows a body the article names and comes before a verb
    that is a step, not an outcome (see the module's docstring)."""
    text = st.text
    verb = NEXT_VERB.match(text, pos + 4, st.s.end)
    if verb is None or verb.group(1).lower() in OUTCOME_VERBS:
        return False
    toks = tokens(text, max(st.s.start, pos - WINDOW), pos)
    while toks and toks[-1].low in SKIP:
        toks.pop()
    if not toks:
        return False
    last = toks[-1]
    first = len(toks) - 1  # the start of the name or noun phrase (Greyfell Buses, the council): in
    # "what the council will say", "what" comes before it
    while first > 0 and (toks[first - 1].text[:1].isupper() or toks[first - 1].low in SUBJECT_DETS):
        first -= 1
    if first > 0 and toks[first - 1].low in OBJECT_WORDS:
        return False
    if BODY_LABELS.intersection(st.cat_at.get(last.start, ())):
        return True
    if not last.text[:1].isupper() or not last.text.isalpha() or last.text in NOT_NAMES:
        return False
    if last.start not in st.content_starts():
        return True
    # a capitalised word opening the sentence is a name only if the article also writes it
    # capitalised after a small word or a comma (Quorvane; not Teachers)
    return re.search(r"(?<=[a-z,] )" + re.escape(last.text) + r"\b", text) is not None
