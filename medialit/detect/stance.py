"""Stance: hedges, boosters, opinion markers and loaded words become cues and evidence;
speculation becomes evidence (a prediction or guess from a source is still speculation).

Voice decides what counts (the annotation guide's "Boundaries"):

* a hedge or booster counts in any voice;
* an opinion marker or loaded word makes the sentence ``opinion`` only in the writer's own
  voice; a loaded word of kind ``descriptive`` (a bloody war) never does on its own;
* speculation counts in any voice, except where a rule of :mod:`.speculation` says the words
  claim nothing about the unknown (a source's plan in plain *will*, a scheduled event…);
* a prescription (*should*) inside a question asks rather than prescribes;
* a mild judging word (*wrong, fair, wise, strong*; kinds ``frame`` and ``noun_frame`` in
  ``cues/evaluative_words.csv``) judges only in a frame: after a linking verb (*the plan is
  wrong*) or right before a decision word (*a wise decision*), the words of
  ``data/stance/judgement_frames.csv``; elsewhere (*strong winds*) it gives no cue.

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
from functools import cache

from medialit.datafiles import DATA, read_table
from medialit.detect.results import Cue, Evidence
from medialit.detect.rules import RULES
from medialit.detect.speculation import hypothetical_action, indirect_question, speculation
from medialit.detect.state import SentenceState, is_question
from medialit.detect.text import HYPHENS

#: The rule named by a cue of each list.
CUE_RULE = {"hedge": "hedge_word", "booster": "booster_word", "opinion": "opinion_marker",
            "loaded": "loaded_word"}
#: A "whether" clause running up to a word (decide whether the libraries should…): what follows is
#: asked, not advised (a question word after a word of ``indirect_question_openers.csv``, an
#: argument over who should pay, is found by :func:`~medialit.detect.speculation.indirect_question`).
WHETHER_CLAUSE = re.compile(r"\bwhether\b[^,;:—–()]*$", re.I)
#: A reason or result after "too …" (too wet for play, too early to say): not a judgement.
EXCESS_RESULT = re.compile(r"\s+(?:to|for)\b", re.IGNORECASE)
#: The words around a mild evaluative word that make it judge (rule evaluative_frame), by role.
FRAMES_FILE = DATA / "stance" / "judgement_frames.csv"
#: Opinion kinds that judge only inside a frame: (whether they judge after a linking verb, the
#: role of the words that must name the thing judged a few words before that verb, or None).
FRAME_KINDS = {"frame": (True, None), "noun_frame": (False, None), "plan_frame": (True, "plan"),
               "claim_frame": (True, "claim")}
#: The rule that switches off a frame word outside its frame, by kind.
NO_FRAME_RULE = {"plan_frame": "evaluative_plan_frame", "claim_frame": "evaluative_claim_frame"}
#: How many words before the linking verb may hold the plan (or claim) word of a framed word.
PLAN_WINDOW = 6
#: Words before a ``frame`` word that rank it by the writer's standard (the most sensible choice).
SUPERLATIVE = {("the", "most"), ("the", "least")}
#: How many intensifiers may stand between the linking verb and the word (is not too bold).
MAX_INTENSIFIERS = 2
#: Words that join a list of describing words after a linking verb (is warm, funny and too long).
LIST_JOINERS = frozenset({"and", "but", "or"})
#: How many words of such a list (joiners and other describing words) may come before the word.
MAX_LISTED = 5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _frame_words() -> dict[str, frozenset[str]]:
    """The frame words by role (linking, intensifier, noun), read once."""
    rows = read_table(FRAMES_FILE, ("word", "role", "explanation"))
    return {role: frozenset(r["word"].lower().replace("'", "’") for r in rows if r["role"] == role)
            for role in ("linking", "intensifier", "noun", "plan", "claim", "duty", "skip")}


def in_frame(text: str, start: int, end: int, after_linking: bool, limit: int | None = None,
             subject: str | None = None) -> bool:
    """Whether the word at ``text[start:end]`` judges: it follows a linking verb (with up to
    two intensifiers between) or "the most" when ``after_linking``, or it comes right before a
    decision word. With ``subject`` (a role: ``plan`` or ``claim``), the linking verb must follow
    a word of that role a few words back (the forecasts may well be optimistic, the case against
    him is weak), so that a person's mood (the mayor is optimistic) or a measure (demand was
    weak) is not judged.

    >>> t = "The plan is far too bold. A bold decision. Bold colours. A strong one-day rally."
    >>> [in_frame(t, t.find(w, i), t.find(w, i) + len(w), True) for w, i in
    ...  (("bold", 0), ("bold", 26), ("Bold", 40))]
    [True, True, False]
    >>> in_frame(t, t.find("strong"), t.find("strong") + 6, False)
    False
    >>> t = "Her Agnes is prickly, tired and very funny. Tired and funny."
    >>> in_frame(t, t.find("funny"), t.find("funny") + 5, True), in_frame(t, t.rfind("funny"), len(t) - 1, True)
    (True, False)
    >>> t = "The most sensible route. The evidence is weak. Demand was weak."
    >>> w1, w2 = t.find("weak"), t.rfind("weak")
    >>> in_frame(t, t.find("sensible"), t.find("sensible") + 8, True)
    True
    >>> in_frame(t, w1, w1 + 4, True, subject="claim"), in_frame(t, w2, w2 + 4, True, subject="claim")
    (True, False)
    """
    if end < len(text) and text[end] in HYPHENS:
        return False  # part of a longer word (right-wing, bold-faced)
    frames = _frame_words()
    nxt = _WORD.match(text, end + 1, limit or len(text)) if text[end:end + 1] == " " else None
    if nxt and nxt.group().lower() in frames["noun"] and text[nxt.end():nxt.end() + 1] not in HYPHENS:
        return True
    if not after_linking:
        return False
    before = text[max(0, start - 60):start].split()
    if subject is None and tuple(w.lower() for w in before[-2:]) in SUPERLATIVE:
        return True
    ints = frames["intensifier"]
    listed = 0  # words of a list of describing words stepped over (is stubborn, courtly and very funny)
    for i, w in enumerate(reversed(before)):
        w = w.lower().replace("'", "’")
        if subject is None and listed < MAX_LISTED and (
                w in LIST_JOINERS or (w[-1:] == "," and w[:-1].isalpha())):
            listed += 1
            continue
        if not w[-1:].isalpha():
            return False  # a comma or a full stop ends the frame
        if w in frames["linking"]:
            if subject is None:
                return True
            for x in reversed(before[max(0, len(before) - i - 1 - PLAN_WINDOW):len(before) - i - 1]):
                if x[-1:] in ".;:!?,":
                    return False  # the word ends an earlier sentence or clause (After the plan was
                    # approved, turnout was poor: the plan is not what is judged)
                if x.lower().strip(",’'\"“”") in frames[subject]:
                    return True
            return False
        if listed and listed < MAX_LISTED:
            listed += 1  # another describing word of the list
            continue
        if w not in ints or i >= MAX_INTENSIFIERS:
            return False
    return False


def is_duty(text: str, end: int, limit: int | None = None) -> bool:
    """Whether the verb after "… must" (``text[:end]``) states a duty (must publish, must now pay).

    >>> t = "The council must now publish its accounts, and it must listen."
    >>> is_duty(t, t.find("must") + 4), is_duty(t, t.rfind("must") + 4)
    (True, False)
    """
    frames = _frame_words()
    pos = end
    for _ in range(3):
        m = _WORD.match(text, pos + 1, limit or len(text)) if text[pos:pos + 1] == " " else None
        if not m:
            return False
        w = m.group().lower()
        if w not in frames["skip"]:
            return w in frames["duty"]
        pos = m.end()
    return False


#: Signs after which a question is a clause of its own: a prescription before them is not asked.
QUESTION_BREAKS = ":;—"


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
            if e.kind in FRAME_KINDS and lab == "opinion":
                after_linking, subject = FRAME_KINDS[e.kind]
                if not in_frame(text, h.start, h.end, after_linking, st.s.end, subject):
                    # a mild word outside a judging frame describes: no cue, only the reason why not
                    # (after a linking verb but not said of a plan or claim: the kind's own rule)
                    why = NO_FRAME_RULE.get(e.kind, "evaluative_no_frame")
                    if subject and not in_frame(text, h.start, h.end, after_linking, st.s.end):
                        why = "evaluative_no_frame"
                    st.suppress(h.start, h.end, why, RULES[why], "opinion")
                    continue
                rule = "evaluative_frame"
            elif e.kind == "must" and lab == "opinion" and is_duty(text, h.end, st.s.end):
                st.suppress(h.start, h.end, "must_duty", RULES["must_duty"], "opinion")
                continue
            elif e.kind == "excess" and lab == "opinion" and EXCESS_RESULT.match(text, h.end, st.s.end):
                st.suppress(h.start, h.end, "excess_result", RULES["excess_result"], "opinion")
                continue
            elif lab == "hedge" and e.kind == "modal" and ((voice == "author" and (
                    question if question is not None else (question := is_question(st))))
                    or indirect_question(text, st.s.start, h.start)):
                # "How far could it spread?", "Asked how a tenant could sign…": a question softens no claim
                st.suppress(h.start, h.end, "question_modal", RULES["question_modal"], "hedge")
                continue
            st.cues.append(Cue(h.start, h.end, t, lab, rule, e.explanation, voice, e.where))
            if lab in ("hedge", "booster"):
                expl = e.explanation + (" (Voice: source.)" if voice == "source" else "")
                st.evidence.append(Evidence(lab, rule, expl, h.start, h.end, t))
                has_hb = True
            elif voice != "author":
                st.suppress(h.start, h.end, "not_author_voice", RULES["not_author_voice"], "opinion")
            elif lab == "loaded" and e.kind == "descriptive":
                st.suppress(h.start, h.end, "loaded_descriptive", RULES["loaded_descriptive"], "opinion")
            elif lab == "opinion" and e.kind in ("prescriptive", "must") and ((
                    (question if question is not None else (question := is_question(st))) and not any(
                        c in text[h.end:st.s.end] for c in QUESTION_BREAKS))  # "…would do well to ask: who…?"
                    or WHETHER_CLAUSE.search(text, max(st.s.start, h.start - 90), h.start)  # "decide whether … should"
                    or indirect_question(text, st.s.start, h.start)):  # "an argument over who should pay"
                st.suppress(h.start, h.end, "question_not_prescription",
                            RULES["question_not_prescription"], "opinion")
            elif lab == "opinion" and e.kind in FRAME_KINDS:
                st.evidence.append(Evidence("opinion", "evaluative_frame", RULES["evaluative_frame"] + " "
                                            + e.explanation, h.start, h.end, t))
            else:
                st.evidence.append(Evidence("opinion", rule, e.explanation, h.start, h.end, t))
    spec = st.by_label.get("speculation")
    if spec:
        speculation(st, spec, has_hb)
    if "would" in st.s.text and not any(e.label == "speculation" for e in st.evidence):
        hypothetical_action(st)
