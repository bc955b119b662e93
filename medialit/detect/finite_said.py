"""A finite *said* or *says* whose speaker the attribution stage could not mark.

The attribution stage looks for who does the saying right before a reporting verb. When the
words before a finite *said* or *says* are too long or too unusual to be read as a speaker
(*Two primary schools near the estate, Tollgate Primary and Rushmere Primary, said…*; *Some
17 percent of those asked said…*; *…, supports the project but says…*), the verb still
reports what someone said: the sentence is attribution (rule ``said_unread_speaker``), and
no source is marked. The verb is no report after *to*, a modal or a form of *be* (*it is
said*; ``data/attribution/not_finite_before.csv``), inside a relative clause (*whom neither
side has said it will call*), or when *says* tells how much something shows (*says a great
deal about*; ``data/attribution/tells_about_words.csv``).

>>> from medialit.detect import analyze
>>> an = analyze("H\\n\\nSome 17 percent of those asked said they had not decided. Nothing is said.\\n")
>>> [[e.rule for e in sa.evidence] for sa in an.sentences[1:]]
[['said_unread_speaker'], []]
"""

from __future__ import annotations

from medialit.datafiles import words
from medialit.detect.phrases import ATTRIBUTION_DATA
from medialit.detect.state import SentenceState
from medialit.detect.text import APOSTROPHE_WORDS

#: The finite forms read this way (other verbs need a speaker the stage can mark).
FINITE_SAID = frozenset(("said", "says"))
#: Words right before the verb that make it no report (to, is, was, nothing, as…).
NOT_FINITE_BEFORE = words(ATTRIBUTION_DATA / "not_finite_before.csv")
#: Words right after *says* that make it a figure of speech (nothing, a great deal…).
TELLS_ABOUT = words(ATTRIBUTION_DATA / "tells_about_words.csv")
#: Words that open a relative clause or a question, in the four words before the verb.
CLAUSE_OPENERS = words(ATTRIBUTION_DATA / "said_clause_openers.csv")


def finite_said(st: SentenceState, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a finite *said* or *says* that reports speech, though no
    speaker was found before it."""
    text = st.text
    if text[start:end].lower() not in FINITE_SAID:
        return False
    before = [w.lower() for w in APOSTROPHE_WORDS.findall(text, st.s.start, start)]
    if not before or before[-1] in NOT_FINITE_BEFORE or CLAUSE_OPENERS.intersection(before[-4:]):
        return False
    after = " ".join(APOSTROPHE_WORDS.findall(text[end:min(st.s.end, end + 40)].lower())[:3])
    if after == "to" or after.startswith("to "):  # "the plan, said to cost millions": a passive report
        return False
    return not any(after == w or after.startswith(w + " ") for w in TELLS_ABOUT)


__all__ = ["CLAUSE_OPENERS", "FINITE_SAID", "NOT_FINITE_BEFORE", "TELLS_ABOUT", "finite_said"]
