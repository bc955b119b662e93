"""Cues from the word lists: which list matches count, which a false friend switches off,
(the stance they give a sentence is read in :mod:`.stance`).

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nRoughly 300 people may come, as May said.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> [(h.start, st.text[h.start:h.end]) for h in st.by_label["hedge"]]
[(25, 'may')]
>>> [(s.text, s.rule) for s in st.suppressed]
[('Roughly', 'approximator_number'), ('May', 'may_capitalised')]
"""

from __future__ import annotations

import re
from operator import attrgetter, itemgetter

from medialit.cues import Entry
from medialit.cues.patterns import NUMBER_TRIE_RE
from medialit.datafiles import DATA, DataFileError, read_table, words_by_kind
from medialit.detect.rules import RULES
from medialit.detect.state import YEAR, SentenceState
from medialit.detect.text import WORD_START, grammar_words

#: Labels of the source lists (matches that help find and type sources, not cues).
SOURCE_LABELS = {"vague", "anonymous", "outlet", "institution", "title"}
#: Which kind of false friend switches off a match of each label.
FF_KIND_OF = {"vague": "source", "anonymous": "source", "outlet": "source", "institution": "source",
              "title": "source"}
#: A quantity within the next five words (on the lower-cased text): a number, a share or a
#: comparison of sizes. An approximator ("roughly", "an estimated") before one gives a size.
QUANTITY_AFTER = re.compile(r"(?:\s+(?!that\b)[\w'’-]+){0,4}?\s+(?:" + NUMBER_TRIE_RE + r"|(?:half|thirds?|quarters?|fifths?|sixths?|tenths?|"
                            r"twice|double[ds]?|triple[ds]?|halve[ds]?|halving|treble[ds]?|quadruple[ds]?|equivalent|equal|the\s+same|similar|"
                            r"percent|per\s+cent)(?!\w))")

#: A figure later in the clause of an estimate (experts estimated that the cut would save £40
#: million; the body estimated the stock at about 1.9 million tonnes): the estimate is of a quantity.
#: Someone estimating (analysts estimated), not the impersonal "it is estimated that 40%…", which
#: hides who estimates and stays a hedge.
ESTIMATE_VERB = re.compile(r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbeen )(?<!\bbe )\bestimated$")
FIGURE_IN_CLAUSE = re.compile(r"(?:\s+(?:that\s+)?[^\s;:]+){0,11}?\s+[$€£]?\d")

#: The table of past-time anchors in medialit/data/grammar/.
PAST_TIME_TABLE = "past_time_anchors"


def _past_time_table() -> tuple[re.Pattern, re.Pattern | None]:
    rows = read_table(DATA / "grammar" / f"{PAST_TIME_TABLE}.csv", ("word", "kind", "explanation"))
    for r in rows:
        if r["kind"] not in ("before_year", "phrase"):
            raise DataFileError(f"{PAST_TIME_TABLE}.csv:{r['line']}: kind must be before_year or phrase, "
                                f"not {r['kind']!r}")
    before = [r["word"] for r in rows if r["kind"] == "before_year"]
    phrases = [r["word"] for r in rows if r["kind"] == "phrase"]
    year = re.compile(r"\b(?:" + "|".join(map(re.escape, before)) + r")\s+(?:the\s+)?" + YEAR + r"(s?)\b")
    phrase = re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b") if phrases else None
    return year, phrase


#: A past time before "could" (grammar/past_time_anchors.csv): a preposition before a year or a
#: decade, or a phrase such as "when I was".
PAST_YEAR, PAST_PHRASE = _past_time_table()


def past_time_before(low: str, start: int, pos: int, year: int | None) -> int | None:
    """Where a past-time anchor ends before ``pos`` (in ``low[start:pos]``), or None.

    >>> t = "until 2016, the unit could carry out caesareans; by 2030 the plant could close"
    >>> past_time_before(t, 0, t.index("could"), 2027), past_time_before(t, 50, t.rindex("could"), 2027)
    (10, None)
    >>> past_time_before("in the 1990s boats could fill", 0, 19, 2027), past_time_before("until 2016 it could", 0, 14, None)
    (12, None)
    """
    end = None
    if year is not None:
        for m in PAST_YEAR.finditer(low, start, pos):
            y = int(m.group(1)) + (9 if m.group(2) else 0)
            if y < year:
                end = m.end()
    if PAST_PHRASE is not None:
        for m in PAST_PHRASE.finditer(low, start, pos):
            end = max(end or 0, m.end())
    return end


#: The table of "could" after a person in medialit/data/grammar/.
PERSONAL_COULD_TABLE = "personal_could"


#: Words for a person right before "could", verbs after it that make it a guess, and words after
#: it that leave the decision to other rows (grammar/personal_could.csv).
COULD_SUBJECTS, COULD_OUTCOMES, COULD_ELSEWHERE = words_by_kind(DATA / "grammar" / f"{PERSONAL_COULD_TABLE}.csv",
                                                                ("subject", "outcome", "elsewhere"))
#: The word before and the word after a "could" (on the lower-cased text).
WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
WORD_AFTER = re.compile(r"\s+([a-z]+)")
CONDITION_WORD = re.compile(r"\b(?:if|unless)\b")
#: Adjectives that name candidates before a plural (two possible sites): grammar/candidate_adjectives.csv.
CANDIDATE_TABLE = "candidate_adjectives"
CANDIDATE_ADJECTIVES = grammar_words(CANDIDATE_TABLE)
#: A plural noun right after the adjective: a lower-case word ending in -s but not -ss (sites, causes).
PLURAL_AFTER = re.compile(r"[\s”\"’']+(?!(?:was|has|does|goes|this|thus|plus|yes)\b)[a-z]+[^s\W]s\b")


def _personal_could(st: SentenceState, h: Hit) -> bool:
    """Whether this "could" follows a person (*she could get through a clinic*) with an ordinary
    verb after it, and no *if* or *unless* before it: past ability, not a guess."""
    low = st.art.low
    before = WORD_BEFORE.search(low, max(st.s.start, h.start - 12), h.start)
    if before is None or before.group(1) not in COULD_SUBJECTS:
        return False
    after = WORD_AFTER.match(low, h.end, st.s.end)
    if after is None or after.group(1) in COULD_OUTCOMES or after.group(1) in COULD_ELSEWHERE:
        return False
    return CONDITION_WORD.search(low, st.s.start, h.start) is None


def _past_could(st: SentenceState, h: Hit, hits) -> bool:
    """Whether a past time stands before this "could", with no reporting word in between."""
    anchor = past_time_before(st.art.low, st.s.start, h.start, st.art.year)
    return anchor is not None and not any(x.entry.label == "attribution" and anchor <= x.start < h.start
                                          for x in hits)


def approximates_quantity(low: str, end: int, stop: int) -> bool:
    """Whether a quantity follows within five words of ``end`` (inside ``low[:stop]``), or,
    after an estimate verb, a figure comes later in its clause.

    >>> t = "an estimated cost of £2.4 million, roughly a third; experts estimated that it fell"
    >>> approximates_quantity(t, 12, len(t)), approximates_quantity(t, 42, len(t))
    (True, True)
    >>> approximates_quantity(t, t.rindex("estimated") + 9, len(t))
    False
    >>> t = "analysts estimated that closing the plant would save £40 million a year"
    >>> approximates_quantity(t, t.index("estimated") + 9, len(t))
    True
    >>> t = "it is estimated that 40% of the population speaks it"
    >>> approximates_quantity(t, t.index("estimated") + 9, len(t))
    False
    """
    if QUANTITY_AFTER.match(low, end, stop) is not None:
        return True
    return (ESTIMATE_VERB.search(low, max(0, end - 20), end) is not None
            and FIGURE_IN_CLAUSE.match(low, end, stop) is not None)


class Hit:
    """One list match in a sentence (from Lexicons.scan)."""
    # Speed: a small class with __slots__ rather than a NamedTuple. Every rule reads these
    # fields again and again, and Python reads a slot about twice as fast as a NamedTuple field.
    __slots__ = ("anchored", "end", "entry", "start")

    def __init__(self, start: int, end: int, entry: Entry, anchored: bool = False):
        self.start = start
        self.end = end
        self.entry = entry
        self.anchored = anchored

    def __repr__(self) -> str:
        return f"Hit(start={self.start}, end={self.end}, entry={self.entry!r}, anchored={self.anchored})"


#: Sort keys for matches (see in_text_order).
BY_START = attrgetter("start")
BY_END = attrgetter("end")
#: Whether a raw match (from Lexicons.scan) must open the sentence.
ANCHORED = itemgetter(3)


def in_text_order(hits: list[Hit]) -> list[Hit]:
    """Sort ``hits`` (in place, and return them) in text order, the longer of two matches
    starting together first: by ``(start, -end)``.

    >>> hs = [Hit(4, 6, None, False), Hit(0, 2, None, False), Hit(0, 5, None, False)]
    >>> [(h.start, h.end) for h in in_text_order(hs)]
    [(0, 5), (0, 2), (4, 6)]
    """
    # Speed: two stable sorts on keys read in C (the longer first, then by start) instead of
    # a Python call per match.
    hits.sort(key=BY_END, reverse=True)
    hits.sort(key=BY_START)
    return hits


def find_hits(st: SentenceState, raw=None) -> list[Hit]:
    """The list matches in the sentence (``raw``: what ``Lexicons.scan`` found, if already
    known), in text order, longest first; a match that must open the sentence is kept only there."""
    s = st.s
    if raw is None:
        raw = st.art.lex.scan(st.text, st.art.low, s.start, s.end)
    hits = [Hit(*r) for r in raw]
    if any(map(ANCHORED, raw)):
        starts = st.content_starts()
        hits = [h for h in hits if not h.anchored or h.start in starts]
    return in_text_order(hits)


def _hedge_switched_off(st: SentenceState, h: Hit, hits: list[Hit]) -> bool:
    """Switch off (and record) a hedge that is a capitalised May, a past or personal ability
    (*could*), a candidate adjective before a plural or an approximator that gives a size."""
    text, low, s = st.text, st.art.low, st.s
    a, b = h.start, h.end
    word = low[a:b]
    if word == "may" and text[a] == "M" and text[a:b] == "May" and not st.title_case and a not in st.content_starts():
        rule = "may_capitalised"
    elif word == "could" and not low.startswith(" have", b) and _past_could(st, h, hits):
        rule = "past_time_ability"
    elif word == "could" and _personal_could(st, h):
        rule = "personal_ability"
    elif word in CANDIDATE_ADJECTIVES and PLURAL_AFTER.match(text, b, s.end):  # "two possible sites"
        rule = "candidate_set"
    elif h.entry.kind == "approximator" and approximates_quantity(low, b, s.end):
        rule = "approximation"
    else:
        return False
    st.suppress(a, b, rule, RULES[rule], "hedge")
    return True


def classify(st: SentenceState, hits: list[Hit]) -> None:
    """Keep the longest match per label, switch off false friends, a capitalised May and
    approximators that give a size ("roughly a third", "an estimated cost of £2 million")."""
    text = st.text
    ffs = [h for h in hits if h.entry.label == "not_a_cue"]
    nff = len(ffs)
    fi = 0
    best: dict[str, Hit] = {}  # per kind, the false friend reaching furthest so far
    max_end: dict[str, int] = {}
    out: list[Hit] = []
    by_label: dict[str, list[Hit]] = {}
    cat_at: dict[int, set] = {}
    for h in hits:
        e = h.entry
        lab = e.label
        if lab == "not_a_cue":
            continue
        # matches of one label that nest: keep the longest (some kind of > kind of)
        if h.end <= max_end.get(lab, -1):
            continue
        max_end[lab] = h.end
        if nff:
            while fi < nff and ffs[fi].start <= h.start:
                f = ffs[fi]
                k = f.entry.kind
                if k not in best or f.end > best[k].end:
                    best[k] = f
                fi += 1
            off = None
            if best:  # a false friend before or at this match
                for k in (FF_KIND_OF.get(lab, lab), "any"):
                    f = best.get(k)
                    if f is not None and f.end >= h.end:
                        off = f
                        break
            if off is not None:
                if lab not in SOURCE_LABELS:
                    st.suppress(h.start, h.end, off.entry.rule,
                                f"{off.entry.explanation} (inside {text[off.start:off.end]!r}, "
                                f"{off.entry.where})", lab)
                continue
        if lab == "hedge" and _hedge_switched_off(st, h, hits):
            continue
        out.append(h)
        got = by_label.get(lab)
        if got is None:
            by_label[lab] = [h]
        else:
            got.append(h)
        if lab in SOURCE_LABELS:
            cat_at.setdefault(h.start, set()).add(lab)
            # later words of a longer match (a single word has none: skip the search)
            if h.end - h.start > 3 and not text[h.start:h.end].isalnum():
                for m in WORD_START.finditer(text, h.start + 1, h.end):
                    cat_at.setdefault(m.start(), set()).add(lab)
    st.hits = out
    st.by_label = by_label
    st.cat_at = cat_at
