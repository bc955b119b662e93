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

from medialit.datafiles import DATA, read_table, words
from medialit.detect.actor_plans import actor_plan
from medialit.detect.results import Cue, Evidence
from medialit.detect.rules import RULES
from medialit.detect.state import SentenceState
from medialit.detect.text import DET_END, HYPHENS, PRONOUN_OBJ, SUBJECT_DETS

#: The rule named by a cue of each list.
CUE_RULE = {"hedge": "hedge_word", "booster": "booster_word", "opinion": "opinion_marker",
            "loaded": "loaded_word"}
#: Quotation marks and brackets that may close a sentence after its question mark.
CLOSERS = "\"'”’)]» \t\r\n"
#: How many words may stand between "will" and a date for the date to belong to it.
SCHEDULE_GAP = 10
#: Signs that end the clause of a "will" (a date after them belongs to another clause).
CLAUSE_END = ",;:()—–"
#: Pronouns that, right before "would cut", make it the speaker's own plan (rule own_plan_effect).
OWN_PLAN_FILE = DATA / "stance" / "own_plan_subjects.csv"
#: "I will", "we will" in the writer's voice: the writer's own intention (writer_subjects.csv).
WRITER_SUBJECTS = words(DATA / "stance" / "writer_subjects.csv")
#: -ing words that open a sentence without being an imagined action (During, According…).
NOT_GERUNDS = words(DATA / "stance" / "not_gerunds.csv")
#: Words that open a sentence before its day or date (*On* Thursday the committee will meet).
DATE_LEADS = words(DATA / "stance" / "date_leads.csv")
#: Words before "whether" (or when, what…) that make the clause a question, not a forecast
#: (indirect_question_openers.csv).
INDIRECT_QUESTION_OPENERS = words(DATA / "stance" / "indirect_question_openers.csv")
#: "whether" (or when, what, how much…) and the word before it; the clause runs to the next comma,
#: semicolon or dash (did not say whether…, declined to say how much…).
QUESTION_CLAUSE = re.compile(
    r"\b([A-Za-z]+)\s+(?:whether|when|what|where|which|how much|how many|how long|how far)\b[^,;:—–()]*$", re.I)
#: A "whether" clause running up to a word (decide whether the libraries should…): what follows is asked.
WHETHER_CLAUSE = re.compile(r"\bwhether\b[^,;:—–()]*$", re.I)
#: An -ing word opening a sentence, then "the", "a", "its"… or a capitalised name (Scrapping the
#: pass, Losing Ekwueme): an action taken as the subject (rule speculation_hypothetical).
GERUND_OPENING = re.compile(r"[\s“\"‘']*([A-Z][a-z]+ing)\s+([A-Za-z]+)")
#: "would" as a word (rule speculation_hypothetical).
WOULD = re.compile(r"\bwould\b")
#: A reason or result after "too …" (too wet for play, too early to say): not a judgement.
EXCESS_RESULT = re.compile(r"\s+(?:to|for)\b", re.IGNORECASE)
#: Phrases that open a sentence with the plan or rules whose terms follow (rule plan_terms).
PLAN_OPENERS_FILE = DATA / "stance" / "plan_openers.csv"
#: How many words the opening phrase of a plan's terms may have before its comma.
PLAN_OPENING_WORDS = 7
#: How many words a sentence may open with before the comma of its opening date (From next Monday,).
OPENING_WORDS = 4
#: "be" and an -ing form right after a modal (may be harming): a hedged claim about now.
PROGRESSIVE = re.compile(r"\s+(?:well\s+|also\s+|still\s+|now\s+|already\s+)?be\s+[^\W\d_]+ing\b", re.IGNORECASE)
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
#: A word when counting how far a date stands from "will", numbers included (November *3*).
COUNTED_WORD = re.compile(r"[\w’']+")


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


#: A comma between digits (1,900): it separates thousands and ends no clause.
THOUSANDS = re.compile(r"(?<=\d),(?=\d)")
#: A condition before a modal (*if* the estimate proves right, … could be paying): a guess about the unknown.
CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless)\b")
#: Signs after which a question is a clause of its own: a prescription before them is not asked.
QUESTION_BREAKS = ":;—"


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
                    or WHETHER_CLAUSE.search(text, max(st.s.start, h.start - 90), h.start)):  # "decide whether … should"
                st.suppress(h.start, h.end, "question_not_prescription",
                            RULES["question_not_prescription"], "opinion")
            elif lab == "opinion" and e.kind in FRAME_KINDS:
                st.evidence.append(Evidence("opinion", "evaluative_frame", RULES["evaluative_frame"] + " "
                                            + e.explanation, h.start, h.end, t))
            else:
                st.evidence.append(Evidence("opinion", rule, e.explanation, h.start, h.end, t))
    spec = st.by_label.get("speculation")
    if spec:
        _speculation(st, spec, has_hb)
    if "would" in st.s.text and not any(e.label == "speculation" for e in st.evidence):
        _hypothetical_action(st)


def _hypothetical_action(st: SentenceState) -> None:
    """*Scrapping the pass would save little*, *Losing Ekwueme would be a blow*: an action as
    the subject, with *would* later, imagines what would follow if it were taken (speculation
    in any voice).

    >>> from medialit.detect import analyze
    >>> an = analyze("H\\n\\nSelling the club's best player now would be a betrayal.\\n")
    >>> an.sentences[1].labels
    ('speculation',)
    """
    text, s = st.text, st.s
    m = GERUND_OPENING.match(text, s.start, s.end)
    if m is None or m.group(1).lower() in NOT_GERUNDS:
        return
    nxt = m.group(2)
    if not (nxt.lower() in SUBJECT_DETS or nxt.lower() in DET_END or nxt.lower() in PRONOUN_OBJ
            or nxt[:1].isupper()):
        return
    w = WOULD.search(text, m.end(), s.end)
    if w is None:
        return
    expl = RULES["speculation_hypothetical"] + (" (Voice: source.)" if st.voice(w.start()) != "author" else "")
    st.evidence.append(Evidence("speculation", "speculation_hypothetical", expl, w.start(), w.end(), "would"))


def _speculation(st: SentenceState, hits: list, has_hb: bool) -> None:
    """Speculation evidence from the sentence's speculation matches."""
    text = st.text
    # a capital "May" inside the sentence is the month (its hedge is switched off): a date too
    dates = [h for h in hits if h.entry.kind == "schedule"
             or (h.entry.kind == "modal" and text[h.start:h.end] == "May")]
    for h in hits:
        e = h.entry
        kind = e.kind
        if kind == "schedule":
            continue  # a date is never speculation by itself
        t = text[h.start:h.end]
        voice = st.voice(h.start)
        if kind in ("future", "effect", "modal", "forecast", "prediction") and _indirect_question(
                text, st.s.start, h.start):
            st.suppress(h.start, h.end, "indirect_question", RULES["indirect_question"], "speculation")
            continue
        if (kind == "future" or kind == "modal" and voice == "author") and is_question(st):
            # "What will I pay?", "Why could bills go up?": the writer asks, and claims nothing
            st.suppress(h.start, h.end, "question_future", RULES["question_future"], "speculation")
            continue
        if kind == "future":
            if voice != "author":
                st.suppress(h.start, h.end, "source_plan", RULES["source_plan"], "speculation")
                continue
            before = text[max(st.s.start, h.start - 4):h.start].split()
            if before and before[-1].lower() in WRITER_SUBJECTS:  # "I will not pretend otherwise"
                st.suppress(h.start, h.end, "writer_intention", RULES["writer_intention"], "speculation")
                continue
            if dates and (_dated(text, h, dates) or _opening_date(text, st.s.start, h, dates)
                          or _date_then_when(text, h, dates)):
                st.suppress(h.start, h.end, "scheduled_event", RULES["scheduled_event"], "speculation")
                continue
        # "Under the plan, pupils will hand in…", "Under the new rules, a phone will lose…": the terms
        if kind in ("future", "effect") and _plan_terms(text, st.s.start, h):
            st.suppress(h.start, h.end, "plan_terms", RULES["plan_terms"], "speculation")
            continue
        if kind == "future" and t == "will" and actor_plan(st, h.start):  # "The agency will review…"
            st.suppress(h.start, h.end, "actor_plan", RULES["actor_plan"], "speculation")
            continue
        if kind == "effect" and _own_plan(text, h.start, st.s.start):
            st.suppress(h.start, h.end, "own_plan_effect", RULES["own_plan_effect"], "speculation")
            continue
        if kind == "motive" and not has_hb:
            st.suppress(h.start, h.end, "motive_needs_hedge", RULES["motive_needs_hedge"], "speculation")
            continue
        if kind == "modal" and any(x.label == "hedge" and x.start <= h.start and h.end <= x.end
                                   for x in st.suppressed):
            continue  # switched off as a hedge (May the month, could not be reached): the same reason holds
        if kind == "modal" and PROGRESSIVE.match(text, h.end, st.s.end) and not CONDITION.search(
                text, st.s.start, h.start):  # "If the estimate proves right, the council could be paying…"
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


def _date_then_when(text: str, will, dates) -> bool:
    """Whether a date stands right before *, when* and the subject of ``will`` (adjourned until
    January 15, when she will decide…): the date says when the planned event happens.

    >>> from types import SimpleNamespace as N
    >>> t = "It was put off until January 15, when she will decide. In May, when it rains, will it?"
    >>> _date_then_when(t, N(start=t.find("will")), [N(start=t.find("January"), end=t.find(","))])
    True
    """
    return any(d.end <= will.start and DATE_WHEN.fullmatch(text, d.end, will.start) for d in dates)


#: What may stand between a date and *will* for the date to time it: ``, when she also``.
DATE_WHEN = re.compile(r"\s*\d*,\s+when\s+(?:\w+\s+){1,2}")


def _opening_date(text: str, start: int, will, dates) -> bool:
    """Whether the sentence (from ``start``) opens with a day or date and a comma, and ``will``
    stands in the clause after that comma (From Monday, the bus will stop at the station), or
    opens with a word of ``date_leads.csv`` and a date, and ``will`` follows in the same clause
    (On Thursday the committee will meet), or has a date at most four words before ``will`` in
    its clause (The meeting on November 3 will be open to the public).

    >>> from types import SimpleNamespace as N
    >>> t = "From Monday, the bus will stop here. Monday, they say, will tell."
    >>> _opening_date(t, 0, N(start=t.find("will")), [N(start=5)])
    True
    >>> _opening_date(t, 37, N(start=t.rfind("will")), [N(start=37)])
    False
    >>> t = "On Thursday the committee will meet."
    >>> _opening_date(t, 0, N(start=t.find("will")), [N(start=3)])
    True
    >>> t = "The meeting on November 3 will be open to the public."
    >>> _opening_date(t, 0, N(start=t.find("will")), [N(start=t.find("November"))])
    True
    """
    opening = _opening_clause(text, start, will, OPENING_WORDS)
    if opening is not None and any(start <= d.start < start + len(opening) for d in dates):
        return True
    first = next((d for d in dates if start <= d.start < will.start), None)  # "On Thursday the committee will"
    if first is None or any(c in text[first.start:will.start] for c in CLAUSE_END):
        return False
    lead = COUNTED_WORD.findall(text, start, first.start)
    return (len(lead) <= 1 and all(w.lower() in DATE_LEADS for w in lead)) or (
        len(COUNTED_WORD.findall(text, first.start, will.start)) <= 4)  # "The meeting on November 3 will"


def _opening_clause(text: str, start: int, will, max_words: int) -> str | None:
    """The sentence's opening phrase (from ``start`` to its first comma) when it has at most
    ``max_words`` words and ``will`` stands in the clause right after that comma; else None.

    >>> from types import SimpleNamespace as N
    >>> t = "Under the plan, pupils will hand in phones."
    >>> _opening_clause(t, 0, N(start=t.find("will")), 4), _opening_clause(t, 0, N(start=t.find("will")), 2)
    ('Under the plan', None)
    """
    comma = text.find(",", start, will.start)
    if comma < 0 or len(text[start:comma].split()) > max_words:
        return None
    if any(c in THOUSANDS.sub("", text[comma + 1:will.start]) for c in CLAUSE_END):
        return None  # (a comma inside a number, 1,900 children, ends no clause)
    return text[start:comma]


def _own_plan(text: str, start: int, limit: int) -> bool:
    """Whether the word before ``text[start:]`` (not before ``limit``) is a pronoun that stands
    for the speaker (it would cut prices), so that "would cut" gives the speaker's own plan.

    >>> t = "The firm said it would cut prices; the bid would cut the subsidy."
    >>> _own_plan(t, t.find("would"), 0), _own_plan(t, t.rfind("would"), 0)
    (True, False)
    """
    before = text[max(limit, start - 12):start].split()
    return bool(before) and before[-1].lower().lstrip("“\"‘'(") in words(OWN_PLAN_FILE)


@cache
def _plan_openers() -> tuple[tuple[str, ...], frozenset[str]]:
    """The phrases that open a sentence with a plan whose terms follow (each with a space
    after), and the plan words one of which must stand in the opening phrase."""
    rows = read_table(PLAN_OPENERS_FILE, ("phrase", "role", "explanation"))
    return (tuple(r["phrase"].lower() + " " for r in rows if r["role"] == "opener"),
            frozenset(r["phrase"].lower() for r in rows if r["role"] == "plan"))


def _indirect_question(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits in a whether-clause that is a question asked or left unanswered.

    >>> _indirect_question("Asked whether she would stand, she smiled.", 0, 22)
    True
    >>> _indirect_question("It is unclear whether she would stand.", 0, 27)
    False
    """
    m = QUESTION_CLAUSE.search(text, max(start, pos - 90), pos)
    return m is not None and m.group(1).lower() in INDIRECT_QUESTION_OPENERS


def _plan_terms(text: str, start: int, will) -> bool:
    """Whether the sentence (from ``start``) opens with a plan phrase and a comma, and ``will``
    stands in the clause after that comma (Under the plan, pupils will hand in their phones).

    >>> from types import SimpleNamespace as N
    >>> t = "Under the plan, pupils will hand in phones. Under pressure from parents, the head will, perhaps, resign."
    >>> _plan_terms(t, 0, N(start=t.find("will"))), _plan_terms(t, 44, N(start=t.rfind("will")))
    (True, False)
    >>> _plan_terms("The plan says pupils will hand in phones.", 0, N(start=20))
    False
    >>> _plan_terms("Under the new timetable there will be 16.", 0, N(start=30))
    True
    """
    openers, plans = _plan_openers()
    if not text[start:start + 12].lower().startswith(openers):
        return False
    opening = _opening_clause(text, start, will, PLAN_OPENING_WORDS)
    lead = text[start:will.start]
    if opening is None and "," not in lead and len(lead.split()) <= PLAN_OPENING_WORDS + 2:
        opening = lead  # "Under the new timetable there will be 16.": no comma, and will follows at once
    return opening is not None and bool(plans.intersection(opening.lower().split()))
