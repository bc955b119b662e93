"""A claim and who holds it, after a comma: *…, a claim the council rejects.*, *…, a limitation
the study itself acknowledges.*, *…, a decline the council cites as the main reason*, *…, a charge
she denies*, *…, an idea officers put forward*.

The phrase names what was just said (a claim, a figure, a limitation: ``claim_nouns.csv``), then
someone who rejects, accepts or notes it with a reporting verb. That someone is a source: the
sentence tells the reader who disputes or confirms the claim. Without this reading the verb
stands at the end of the sentence with no speaker right before it, and is taken for a noun
(*the claims.*) or for a rejection with nothing rejected after it.

>>> from medialit.detect import analyze
>>> an = analyze("Head\\n\\nSome providers say the rate is too low, a claim the council rejects.\\n")
>>> [(s.text, s.type) for s in an.sources]
[('Some providers', 'vague'), ('the council', 'institution')]

The holder may also be a pronoun that points back to a source (*a charge she denies*) or a
plain plural from a source list (*a charge ministers deny*):

>>> an = analyze("Head\\n\\nThe budget was cut, a charge ministers deny.\\n")
>>> [(s.text, s.type) for s in an.sources]
[('ministers', 'vague')]
"""

from __future__ import annotations

import re

from medialit.detect.introducers import CLAIM_NOUNS
from medialit.detect.phrases import NP
from medialit.detect.state import SentenceState
from medialit.detect.text import PRONOUN_SUBJ, SKIP

#: ", a claim (that) …" right before the verb: the claim word, then the words up to the verb.
HELD = re.compile(r",\s+(?:a|an|the|one)\s+(?:[\w-]+\s+)?(?P<noun>" + "|".join(sorted(CLAIM_NOUNS, key=len, reverse=True))
                  + r")\s+(?:that\s+)?(?P<rest>[^,;:“”\"]+?)\s*$", re.IGNORECASE)
#: A word of the stretch between the claim word and the verb.
WORD = re.compile(r"\S+")
#: The holder: a determiner and up to three words, or a capitalised name of up to four words.
HOLDER = re.compile(r"(?:(?:the|its|their|his|her|a)\s+(?:[\w’'&-]+\s+){0,2}[\w’'&-]+|(?:[A-Z][\w’'&-]*\s+){0,3}"
                    r"[A-Z][\w’'&-]*)$")


def claim_holder(st: SentenceState, verb_at: int) -> NP | None:
    """Who holds the claim named right before the verb at ``verb_at`` (``…, a claim the council
    rejects``), or None."""
    comma = st.text.rfind(",", max(st.s.start, verb_at - 120), verb_at)  # the phrase opens at the last comma
    m = HELD.match(st.text, comma, verb_at) if comma >= 0 else None
    if m is None:
        return None
    words = list(WORD.finditer(st.text, m.start("rest"), m.end("rest")))
    while words and words[-1].group().lower() in SKIP:  # "the study itself", "the council has"
        words.pop()
    if not words:
        return None
    a, b = words[0].start(), words[-1].end()
    if len(words) == 1 and words[0].group().lower() in PRONOUN_SUBJ:
        return NP(a, b, True)  # "a charge she denies": she was named before
    if HOLDER.fullmatch(st.text, a, b) is None and not (  # "a charge ministers deny": a listed plural
            len(words) <= 2 and st.text[a:b].islower() and words[-1].start() in st.cat_at):
        return None
    return NP(a, b, False)
