"""An -ing reporting form (*adding that…*, *saying…*): who speaks, when it hangs on a comma, on
*by*, on *with* and its speaker, or on a document named just before it.

>>> from medialit.detect import analyze
>>> an = analyze("Head\\n\\nPolice issued a statement on Sunday saying the road would reopen.\\n")
>>> [(e.rule, e.text) for e in an.sentences[1].evidence], [s.text for s in an.sentences[1].sources]
([('reporting_participle', 'saying')], ['Police'])
"""

from __future__ import annotations

from medialit.detect.cues import Hit
from medialit.detect.introducers import progressive_report, with_speaker
from medialit.detect.noun_after import clause_subject
from medialit.detect.phrases import DOCUMENT_NOUNS, subject_before
from medialit.detect.rules import RULES
from medialit.detect.sources import credit_subject
from medialit.detect.state import SentenceState
from medialit.detect.text import DET_END, SUBJECT_DETS, before_time_phrase, tokens


def participle(st: SentenceState, h: Hit) -> None:
    """*…, adding that*: an -ing reporting form after a comma or *by*, after *with* and its
    speaker (*with a spokesperson saying*), or after a document (*issued a statement saying*)."""
    s = st.s
    e = h.entry
    toks = tokens(st.text, max(s.start, h.start - 20), h.start)
    np = with_speaker(st, h) if toks and toks[-1].text != "," else None  # "with a spokesperson saying"
    if toks and (toks[-1].text == "," or toks[-1].low == "by" or np is not None):
        credit_subject(st, h, np if np is not None else clause_subject(st, h.start), "reporting_participle",
                       e.explanation)
        st.region_after(h.end)
    elif e.kind == "participle" and (doc := _document_before(st, h)) is not False:  # "a statement saying he…"
        credit_subject(st, h, doc, "reporting_participle", e.explanation)
        st.region_after(h.end)
    elif not progressive_report(st, h, toks):
        st.suppress(h.start, h.end, "participle_needs_comma", RULES["participle_needs_comma"],
                    "attribution")


def _document_before(st: SentenceState, h: Hit):
    """The speaker of a document named right before an -ing reporting form, a time phrase
    allowed between (*a statement saying…*, *issued a statement on Sunday saying…*): the one who
    issued it, when the sentence names them before its verb, else None (whose it is was said
    before); ``False`` when no document comes before the form."""
    toks = tokens(st.text, max(st.s.start, h.start - 60), h.start)
    if not toks:
        return False
    j = before_time_phrase(toks, len(toks) - 1)
    if toks[j].low not in DOCUMENT_NOUNS:
        return False
    k = j
    while k > 0 and (toks[k - 1].low in DET_END or toks[k - 1].low in SUBJECT_DETS or toks[k - 1].text[:1].islower()
                     and not toks[k - 1].low.endswith("ed")):
        k -= 1  # back over "a short", "its"
    if k == 0 or not toks[k - 1].low.endswith("ed"):
        return None
    subj = subject_before(st, toks[k - 1].start)
    return subj if subj not in (None, "noun") else None
