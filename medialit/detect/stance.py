"""Stance: hedges, boosters, opinion markers and loaded words become cues and evidence;
speculation becomes evidence in the writer's own voice.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.cues import classify, find_hits
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nPerhaps the plan will fail.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> stance(st)
>>> sorted((e.label, e.text) for e in st.evidence)
[('hedge', 'Perhaps'), ('speculation', 'Perhaps'), ('speculation', 'will')]
"""

from __future__ import annotations

from medialit.detect.results import Cue, Evidence
from medialit.detect.rules import RULES
from medialit.detect.state import SentenceState

#: The rule named by a cue of each list.
CUE_RULE = {"hedge": "hedge_word", "booster": "booster_word", "opinion": "opinion_marker",
            "loaded": "loaded_word"}


def stance(st: SentenceState) -> None:
    """Hedges, boosters, opinion markers and loaded words become cues and evidence; speculation
    becomes evidence in the writer's voice (a motive word only with a hedge or booster there)."""
    text = st.text
    author_hb = False
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
                if voice == "author":
                    author_hb = True
            elif voice == "author":
                st.evidence.append(Evidence("opinion", rule, e.explanation, h.start, h.end, t))
            else:
                st.suppress(h.start, h.end, "not_author_voice",
                            f"{t!r} is in a quotation or reported speech: the source's word choice, "
                            "not the writer's opinion.", "opinion")
    for h in st.by_label.get("speculation", ()):
        e = h.entry
        t = text[h.start:h.end]
        if st.voice(h.start) != "author":
            st.suppress(h.start, h.end, "not_author_voice",
                        f"{t!r} is in a quotation or reported speech: a source's plan or view, "
                        "not the writer's speculation.", "speculation")
            continue
        if e.kind == "motive" and not author_hb:
            st.suppress(h.start, h.end, "motive_needs_hedge", RULES["motive_needs_hedge"], "speculation")
            continue
        st.evidence.append(Evidence("speculation", f"speculation_{e.kind}", e.explanation, h.start, h.end, t))
