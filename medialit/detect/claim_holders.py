"""A claim and who holds it, after a comma: *…, a claim the council rejects.*, *…, a limitation
the study itself acknowledges.*, *…, a decline the council cites as the main reason*.

The phrase names what was just said (a claim, a figure, a limitation: ``claim_nouns.csv``), then
someone who rejects, accepts or notes it with a reporting verb. That someone is a source: the
sentence tells the reader who disputes or confirms the claim. Without this reading the verb
stands at the end of the sentence with no speaker right before it, and is taken for a noun
(*the claims.*) or for a rejection with nothing rejected after it.

>>> from medialit.detect import analyze
>>> an = analyze("Head\\n\\nSome providers say the rate is too low, a claim the council rejects.\\n")
>>> [(s.text, s.type) for s in an.sources]
[('Some providers', 'vague'), ('the council', 'institution')]
"""

from __future__ import annotations

import re

from medialit.detect.introducers import CLAIM_NOUNS
from medialit.detect.phrases import NP
from medialit.detect.state import SentenceState

#: Words that may stand between the holder and the verb (the study *itself* acknowledges).
BETWEEN = (r"(?:(?:itself|themselves|also|has|have|had|broadly|strongly|firmly|flatly|now|still|"
           r"did\s+not|does\s+not|do\s+not|could\s+not|would\s+not|has\s+not|have\s+not)\s+)*")
#: ", a claim (that) the council …" right before the verb: the holder is a determiner and up to
#: three words, or a capitalised name of up to four words.
HELD = re.compile(r",\s+(?:a|an|the|one)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\s+(?:that\s+)?"
                  r"(?P<holder>(?:(?:the|its|their|his|her|a)\s+(?:[\w’'&-]+\s+){0,2}?[\w’'&-]+)"
                  r"|(?:[A-Z][\w’'&-]*\s+){0,3}[A-Z][\w’'&-]*)\s+" + BETWEEN + r"$")


def claim_holder(st: SentenceState, verb_at: int) -> NP | None:
    """Who holds the claim named right before the verb at ``verb_at`` (``…, a claim the council
    rejects``), or None."""
    m = HELD.search(st.text, max(st.s.start, verb_at - 120), verb_at)
    if m is None or m.group("noun").lower() not in CLAIM_NOUNS:
        return None
    return NP(m.start("holder"), m.end("holder"), False)
