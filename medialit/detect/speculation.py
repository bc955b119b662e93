"""Speculation: the sentence's speculation matches become evidence, unless a rule says the
words claim nothing about the unknown (the annotation guide: "speculation").

A prediction or guess from a source is still speculation (its voice says whose it is), except
plain *will*: in a quotation or reported speech it is a source's plan, promise or warning
(rule ``source_plan``), unless people in general are its subject (*people will find them*:
``forecast_subjects.csv``); with a day or date a few words on it is a planned event (rule
``scheduled_event``); after a body the article names it is that body's arranged step (rule
``actor_plan``); and a verb of change after it (*prices will rise*) is a forecast in any voice.
What a plan *would* do is a forecast in a source's words (kind ``reported_effect``) and the
plan's terms in the writer's own (rule ``plan_contents``).
A modal in the writer's own question asks rather than claims (rule ``question_future``).

>>> from medialit.detect import analyze
>>> [s.labels for s in analyze("H\\n\\nPrices will probably rise. The board will meet on May 4.\\n").sentences[1:]]
[('hedge', 'speculation'), ()]
"""

from __future__ import annotations

import re
from functools import cache

from medialit.datafiles import DATA, read_table, words, words_by_kind
from medialit.detect.actor_plans import SKIP as ACTOR_SKIP, actor_plan, arranged_passive
from medialit.detect.results import Evidence
from medialit.detect.rules import RULES
from medialit.detect.state import SentenceState, is_question
from medialit.detect.text import APOSTROPHE_WORDS, DET_END, PRONOUN_OBJ, PRONOUN_SUBJ, STOP_LOWER, SUBJECT_DETS

#: How many words may stand between "will" and a date for the date to belong to it.
SCHEDULE_GAP = 10
#: Signs that end the clause of a "will" (a date after them belongs to another clause).
CLAUSE_END = ",;:()—–"
#: Pronouns that, right before "would cut", make it the speaker's own plan (rule own_plan_effect).
OWN_PLAN_FILE = DATA / "stance" / "own_plan_subjects.csv"
#: "I will", "we will" in the writer's voice: the writer's own intention (writer_subjects.csv).
WRITER_SUBJECTS = words(DATA / "stance" / "writer_subjects.csv")
#: People in general, whose future doings no source plans (rule source_plan does not apply).
FORECAST_SUBJECTS = words(DATA / "stance" / "forecast_subjects.csv")
#: -ing words that open a sentence without being an imagined action (During, According…).
NOT_GERUNDS = words(DATA / "stance" / "not_gerunds.csv")
#: Words that open a sentence before its day or date (*On* Thursday the committee will meet).
DATE_LEADS = words(DATA / "stance" / "date_leads.csv")
#: Words before "whether" (or when, what…) that make the clause a question, not a forecast
#: (indirect_question_openers.csv).
INDIRECT_QUESTION_OPENERS = words(DATA / "stance" / "indirect_question_openers.csv")
#: The words that open a question clause (also: not "how anyone will know" in _people_before).
QUESTION_WORDS = ("whether", "when", "what", "where", "which", "who", "how")
#: "whether" (or when, what, who, how…) and the word before it; the clause runs to the next comma,
#: semicolon or dash (did not say whether…, declined to say how much…).
QUESTION_CLAUSE = re.compile(
    r"\b([A-Za-z]+)\s+(?=(?:" + "|".join(QUESTION_WORDS) + r")\b"
    r"[^,;:—–()]*$)", re.I)
#: The first two letters of the question words ("wh", "ho"): a stretch of text without one of
#: them (in any case) holds no question clause. (W, h and o match no other letter when case is
#: ignored, so a search for them that ignores case finds every place the pattern could match.)
QUESTION_START = re.compile("|".join(sorted({w[:2] for w in QUESTION_WORDS})), re.I)
#: An -ing word opening a sentence, then "the", "a", "its"… or a capitalised name (Scrapping the
#: pass, Losing Ekwueme): an action taken as the subject (rule speculation_hypothetical).
GERUND_OPENING = re.compile(r"[\s“\"‘']*([A-Z][a-z]+ing)\s+([A-Za-z]+)")
#: "would" as a word (rule speculation_hypothetical).
WOULD = re.compile(r"\bwould\b")
#: Phrases that open a sentence with the plan or rules whose terms follow (rule plan_terms).
PLAN_OPENERS_FILE = DATA / "stance" / "plan_openers.csv"
#: How many words the opening phrase of a plan's terms may have before its comma.
PLAN_OPENING_WORDS = 12
#: How many words a sentence may open with before the comma of its opening date (From next Monday,).
OPENING_WORDS = 4
#: "be" and an -ing form right after a modal (may be harming): a hedged claim about now.
PROGRESSIVE = re.compile(r"\s+(?:well\s+|also\s+|still\s+|now\s+|already\s+)?be\s+[^\W\d_]+ing\b", re.IGNORECASE)
#: A word when counting how far a date stands from "will", numbers included (November *3*).
COUNTED_WORD = APOSTROPHE_WORDS
#: Concessions (That may be so, but …): the modals, adverbs, linking verbs and joiners of
#: ``data/stance/concession.csv``, by kind.
CONCESSION_MODALS, _ADVERBS, _LINKING, _JOINERS = words_by_kind(
    DATA / "stance" / "concession.csv", ("modal", "adverb", "linking", "joiner"))
#: After the modal: an adverb or none, a linking verb, then a word that is not a participle (be
#: right, not be linked), and the rest of the clause up to a comma and a joiner (rule concession).
CONCESSION = re.compile(
    r"\s+(?:(?:" + "|".join(sorted(_ADVERBS)) + r")\s+)?(?:" + "|".join(sorted(_LINKING))
    + r")\s+(?![^\W\d_]+(?:ed|en)\b)[^,;:.!?—–()“”\"]*,\s+(?:" + "|".join(sorted(_JOINERS)) + r")\b",
    re.IGNORECASE)
#: A comma between digits (1,900): it separates thousands and ends no clause.
THOUSANDS = re.compile(r"(?<=\d),(?=\d)")
#: A condition before a modal (*if* the estimate proves right, … could be paying): a guess about the unknown.
CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless)\b")
#: What a plan "would" need (a deal would have to be recommended, any increase would need the agreement of…).
REQUIREMENT = re.compile(r"\s+(?:still\s+|also\s+|first\s+)?(?:have\s+to|need|require)\b")


def hypothetical_action(st: SentenceState) -> None:
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


def speculation(st: SentenceState, hits: list, has_hb: bool) -> None:
    """Speculation evidence from the sentence's speculation matches."""
    text = st.text
    dates = None  # the dates among the matches, looked for when a "will" needs them
    for h in hits:
        e = h.entry
        kind = e.kind
        if kind == "schedule":
            continue  # a date is never speculation by itself
        t = text[h.start:h.end]
        voice = st.voice(h.start)
        if kind in ("future", "effect", "reported_effect", "modal", "forecast", "prediction", "counterfactual") and indirect_question(
                text, st.s.start, h.start):
            st.suppress(h.start, h.end, "indirect_question", RULES["indirect_question"], "speculation")
            continue
        if (kind == "future" or kind == "modal" and voice == "author") and is_question(st):
            # "What will I pay?", "Why could bills go up?": the writer asks, and claims nothing
            st.suppress(h.start, h.end, "question_future", RULES["question_future"], "speculation")
            continue
        if kind == "reported_effect" and voice == "author":  # "The ban would cover shops": the plan's terms
            st.suppress(h.start, h.end, "plan_contents", RULES["plan_contents"], "speculation")
            continue
        if kind == "reported_effect" and REQUIREMENT.match(text, h.end, st.s.end):  # "a deal would have to be…"
            st.suppress(h.start, h.end, "plan_requirement", RULES["plan_requirement"], "speculation")
            continue
        if kind == "future":
            # (after "if" it is a forecast: "If we lose five percent of our stays, the money will go")
            if voice != "author" and not CONDITION.search(text, st.s.start, h.start) and not (
                    _people_before(text, st.s.start, h.start) and not arranged_passive(text, h.start, st.s.end)):
                # "we will open", "the bakery said it will open", "Greyfell Buses will stop": the
                # speaker's own step; "people will find them", "households will keep £140": a forecast
                st.suppress(h.start, h.end, "source_plan", RULES["source_plan"], "speculation")
                continue
            before = text[max(st.s.start, h.start - 4):h.start].split()
            if before and before[-1].lower() in WRITER_SUBJECTS:  # "I will not pretend otherwise"
                st.suppress(h.start, h.end, "writer_intention", RULES["writer_intention"], "speculation")
                continue
            if dates is None:
                dates = _dates(text, hits)
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
        if kind == "modal_perfect" and (w := t.lower().split())[-2:-1] == ["have"] and w[-1] in STOP_LOWER and (
                w[-1] not in ("been", "to")):  # "lessons that pupils must have before they leave": "have" is not a perfect here
            st.suppress(h.start, h.end, "have_not_perfect", RULES["have_not_perfect"], "speculation")
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
        if kind == "modal" and t.split()[0].lower() in CONCESSION_MODALS and CONCESSION.match(
                text, h.end, st.s.end):  # "That may well be so, but …": a point granted, not a guess
            st.suppress(h.start, h.end, "concession", RULES["concession"], "speculation")
            continue
        expl = e.explanation + (" (Voice: source.)" if voice == "source" else "")
        st.evidence.append(Evidence("speculation", f"speculation_{kind}", expl, h.start, h.end, t))


def _people_before(text: str, start: int, pos: int) -> bool:
    """Whether people in general (*people*, *nobody*, *households*: forecast_subjects.csv) stand
    among the four words right before the *will* at ``pos``: what they will do is no one's plan.

    >>> t = "Most small households will pay less. We will. People who will come. How anyone will know."
    >>> [_people_before(t, 0, m.start()) for m in re.finditer("will", t)]
    [True, False, False, False]
    """
    words = [w.lower() for w in COUNTED_WORD.findall(text, max(start, pos - 60), pos)]
    while words and words[-1] in ACTOR_SKIP:
        words.pop()
    near = words[-5:]
    for i in range(len(near) - 1, 0 if len(near) == 5 else -1, -1):
        if near[i] in PRONOUN_SUBJ:
            return False  # "people who will never use it", "people you will never meet": a clause of its own
        if near[i] in FORECAST_SUBJECTS:
            return i == 0 or near[i - 1] not in QUESTION_WORDS  # not "how anyone will know"
    return False


def _dates(text: str, hits: list) -> list:
    """The matches that are days or dates, and a capital "May" inside the sentence (the month:
    its hedge is switched off)."""
    return [h for h in hits if h.entry.kind == "schedule"
            or (h.entry.kind == "modal" and text[h.start:h.end] == "May")]


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


def indirect_question(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits in a whether-clause that is a question asked or left unanswered.

    >>> indirect_question("Asked whether she would stand, she smiled.", 0, 22)
    True
    >>> indirect_question("It is unclear whether she would stand.", 0, 27)
    False
    >>> t = "Traders who stayed have ideas about what would bring people back."
    >>> indirect_question(t, 0, t.find("would"))
    True
    >>> t = "ASKED WHETHER SHE WOULD STAND, she smiled."   # any case
    >>> indirect_question(t, 0, t.find("WOULD"))
    True
    """
    a = max(start, pos - 90)
    # Speed: most stretches hold no question word at all; a quick search for the first two
    # letters rules them out before the pattern is tried at every word.
    if QUESTION_START.search(text, a, pos) is None:
        return False
    # every question word of the clause counts (the traders who … have ideas about what would…)
    return any(m.group(1).lower() in INDIRECT_QUESTION_OPENERS
               for m in QUESTION_CLAUSE.finditer(text, a, pos))


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
