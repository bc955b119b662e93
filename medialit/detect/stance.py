"""Stance: hedges, boosters, opinion markers and loaded words become cues and evidence;
speculation becomes evidence (a prediction or guess from a source is still speculation).

Voice decides what counts (the annotation guide's "Boundaries"):

* a hedge or booster counts in any voice;
* an opinion marker or loaded word makes the sentence ``opinion`` only in the writer's own
  voice; a loaded word of kind ``descriptive`` (a bloody war) never does on its own;
* speculation counts in any voice, except plain *will*: in a quotation or reported speech
  it is a source's plan, promise or warning (rule ``source_plan``), and with a day or date a
  few words on it is a planned event (rule ``scheduled_event``); a verb of change after it
  (*prices will rise*) is a forecast in any voice;
* a prescription (*should*) inside a question asks rather than prescribes.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.cues import classify, find_hits
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nPerhaps the plan will work.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> stance(st)
>>> sorted((e.label, e.text) for e in st.evidence)
[('hedge', 'Perhaps'), ('speculation', 'Perhaps'), ('speculation', 'will')]
"""

from __future__ import annotations

import re

from medialit.detect.results import Cue, Evidence
from medialit.detect.rules import RULES
from medialit.detect.state import SentenceState

#: The rule named by a cue of each list.
CUE_RULE = {"hedge": "hedge_word", "booster": "booster_word", "opinion": "opinion_marker",
            "loaded": "loaded_word"}
#: Quotation marks and brackets that may close a sentence after its question mark.
CLOSERS = "\"'”’)]» \t\r\n"
#: How many words may stand between "will" and a date for the date to belong to it.
SCHEDULE_GAP = 8
#: Signs that end the clause of a "will" (a date after them belongs to another clause).
CLAUSE_END = ",;:()—–"
#: "be" and an -ing form right after a modal (may be harming): a hedged claim about now.
PROGRESSIVE = re.compile(r"\s+(?:well\s+|also\s+|still\s+|now\s+)?be\s+[^\W\d_]+ing\b", re.IGNORECASE)


def is_question(st: SentenceState) -> bool:
    """Whether the sentence ends with a question mark (closing quotes or brackets aside).

    >>> from medialit.articles import parse_article
    >>> from medialit.cues import load_lexicons
    >>> from medialit.detect.state import ArticleState
    >>> art = ArticleState(parse_article("Head\\n\\nWho should pay?” Nobody.\\n"), load_lexicons())
    >>> [is_question(SentenceState(art, s)) for s in art.article.sentences[1:]]
    [True, False]
    """
    return st.s.text.rstrip(CLOSERS).endswith("?")


def stance(st: SentenceState) -> None:
    """Hedges, boosters, opinion markers and loaded words become cues and evidence;
    speculation becomes evidence (see the module's docstring for what voice decides)."""
    text = st.text
    has_hb = False
    question = None
    for lab in ("hedge", "booster", "opinion", "loaded"):
        for h in st.by_label.get(lab, ()):
            e = h.entry
            voice = st.voice(h.start)
            rule = CUE_RULE[lab]
            t = text[h.start:h.end]
            st.cues.append(Cue(h.start, h.end, t, lab, rule, e.explanation, voice, e.where))
            if lab in ("hedge", "booster"):
                expl = e.explanation + (" (Voice: source.)" if voice == "source" else "")
                st.evidence.append(Evidence(lab, rule, expl, h.start, h.end, t))
                has_hb = True
            elif voice != "author":
                st.suppress(h.start, h.end, "not_author_voice", RULES["not_author_voice"], "opinion")
            elif lab == "loaded" and e.kind == "descriptive":
                st.suppress(h.start, h.end, "loaded_descriptive", RULES["loaded_descriptive"], "opinion")
            elif lab == "opinion" and e.kind == "prescriptive" and (
                    question if question is not None else (question := is_question(st))):
                st.suppress(h.start, h.end, "question_not_prescription",
                            RULES["question_not_prescription"], "opinion")
            else:
                st.evidence.append(Evidence("opinion", rule, e.explanation, h.start, h.end, t))
    spec = st.by_label.get("speculation")
    if spec:
        _speculation(st, spec, has_hb)


def _speculation(st: SentenceState, hits: list, has_hb: bool) -> None:
    """Speculation evidence from the sentence's speculation matches."""
    text = st.text
    dates = [h for h in hits if h.entry.kind == "schedule"]
    for h in hits:
        e = h.entry
        kind = e.kind
        if kind == "schedule":
            continue  # a date is never speculation by itself
        t = text[h.start:h.end]
        voice = st.voice(h.start)
        if kind == "future":
            if voice != "author":
                st.suppress(h.start, h.end, "source_plan", RULES["source_plan"], "speculation")
                continue
            if dates and _dated(text, h, dates):
                st.suppress(h.start, h.end, "scheduled_event", RULES["scheduled_event"], "speculation")
                continue
        if kind == "motive" and not has_hb:
            st.suppress(h.start, h.end, "motive_needs_hedge", RULES["motive_needs_hedge"], "speculation")
            continue
        if kind == "modal" and any(x.label == "hedge" and x.start <= h.start and h.end <= x.end
                                   for x in st.suppressed):
            continue  # switched off as a hedge (May the month, could not be reached): the same reason holds
        if kind == "modal" and PROGRESSIVE.match(text, h.end, st.s.end):
            st.suppress(h.start, h.end, "modal_progressive", RULES["modal_progressive"], "speculation")
            continue
        expl = e.explanation + (" (Voice: source.)" if voice == "source" else "")
        st.evidence.append(Evidence("speculation", f"speculation_{kind}", expl, h.start, h.end, t))


def _dated(text: str, will, dates) -> bool:
    """Whether a date follows ``will`` in its clause, a few words on (will meet on Monday).

    >>> from types import SimpleNamespace as N
    >>> t = "It will meet on Monday, and it will end, says Monday's paper."
    >>> dates = [N(start=16), N(start=46)]
    >>> _dated(t, N(end=7), dates), _dated(t, N(end=32), dates)
    (True, False)
    """
    for d in dates:
        if d.start > will.end:
            gap = text[will.end:d.start]
            if len(gap.split()) <= SCHEDULE_GAP and not any(c in gap for c in CLAUSE_END):
                return True
    return False
