"""Attribution in ordinary news syntax beyond *X said*: passive beliefs (*is expected to*),
people *who spoke to* a paper, quotations introduced with a colon, and quotations that run
across sentences; and the
tests :mod:`.attribution` asks around a reporting verb: a passive with its speaker after
*by*, anyone's *found that*, a claim after *rejected*, a thing before *threatens to*.

Each function reads one :class:`~medialit.detect.state.SentenceState` after the
reporting verbs of :mod:`.attribution` have been read, and records evidence, sources
and reported speech (the source's voice) the same way.

>>> from medialit.articles import parse_article
>>> from medialit.detect import analyze
>>> an = analyze(parse_article("Head\\n\\nThe bridge is widely expected to reopen in May.\\n"))
>>> [(e.rule, e.text) for e in an.sentences[1].evidence if e.label == "attribution"]
[('passive_report', 'is widely expected to')]
"""

from __future__ import annotations

import re

from medialit.datafiles import words
from medialit.detect.cues import Hit
from medialit.detect.noun_after import common_np_after, np_after
from medialit.detect.phrases import (
    ATTRIBUTION_DATA,
    VERB_SKIP,
    subject_before,
)
from medialit.detect.quotes import inside
from medialit.detect.results import Evidence
from medialit.detect.rules import RULES
from medialit.detect.sources import add_attribution, add_source, credit_subject, names_nobody, type_source
from medialit.detect.state import SentenceState
from medialit.detect.text import (
    DET_END,
    NP,
    SKIP,
    STOP_LOWER,
    TIME_WORDS,
    WORDS,
    tokens,
)

#: Speech words after a possessive (*Peskov's spin was that*), from ``speech_nouns.csv``.
SPEECH_NOUNS = words(ATTRIBUTION_DATA / "speech_nouns.csv")
#: Nouns of a view after *in* and a possessive (*In the minister's view*).
VIEW_NOUNS = words(ATTRIBUTION_DATA / "view_nouns.csv")
#: Words after a passive report naming who holds the view (is widely believed *among* teachers).
HOLDER_WORDS = words(ATTRIBUTION_DATA / "passive_holder_words.csv")
#: A possessive right before a speech word: the quick test before reading the sentence word by word.
SPEECH_AFTER = re.compile(r"[’']s\s+(?:" + "|".join(sorted(SPEECH_NOUNS)) + r")\b", re.IGNORECASE)
#: Closing quotation marks (before a speaker: “…,” she continued; before an inverted *…," said X*).
CLOSING_QUOTES = "”’\"'»"
#: Opening quotation marks (a colon introducer needs one soon after the colon).
OPENING_QUOTES = "“\"‘«„'"
#: First words of an opening clause before the one who introduces a quotation with a colon
#: (*Asked* what she would miss, Oduya did not hesitate: “…”).
OPENING_CLAUSE_WORDS = words(ATTRIBUTION_DATA / "opening_clause_words.csv")
#: First words of the short predicate between a speaker and a dash that introduces a quotation
#: (Bell *was* blunter — “…”, Roe *put* it simply — “…”).
DASH_PREDICATES = words(ATTRIBUTION_DATA / "dash_predicates.csv")
#: Words that label a kind of article before a colon (*Review:*, *Analysis:*), not a speaker.
SECTION_LABELS = words(ATTRIBUTION_DATA / "section_labels.csv")
#: A name between commas right after a role (Its chair*, Derek Amadi,* was blunt).
NAME_ASIDE = re.compile(r",\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*),")
#: An aside between commas (, who runs the shop,) stepped over before such a predicate.
ASIDE = re.compile(r",[^,]*,")
#: Verbs a thing can do before *to* (the row *threatens* to overshadow…): no speaker then.
THING_VERBS = words(ATTRIBUTION_DATA / "thing_verbs.csv")
#: Forms of *find* that report anyone's finding before *that* (the inquest *found* that…).
FINDING_VERBS = words(ATTRIBUTION_DATA / "finding_verbs.csv")
#: Who finds things out by their work (researchers, inspectors, the agency): 'found' needs no 'that' after them.
FINDING_SUBJECTS = words(ATTRIBUTION_DATA / "finding_subjects.csv")
#: Verbs that report an answer only when a claim follows (the club *rejected* the claims).
REBUTTAL_VERBS = words(ATTRIBUTION_DATA / "rebuttal_verbs.csv")
#: What someone said or reported, answered by a rejecting verb (rejected the *claims*).
CLAIM_NOUNS = words(ATTRIBUTION_DATA / "claim_nouns.csv")
#: Forms of *be* before a passive reporting verb (the arrests *were* confirmed by police).
PASSIVE_AUX = words(ATTRIBUTION_DATA / "passive_auxiliaries.csv")
#: Reporting verbs that mean something else in the passive (he was *questioned* by police).
NOT_PASSIVE_REPORTS = words(ATTRIBUTION_DATA / "not_passive_reports.csv")
#: Verbs of speaking that report words only next to a quotation (“…,” she *continued*).
QUOTE_ONLY_VERBS = words(ATTRIBUTION_DATA / "quote_only_verbs.csv")
#: Bodies that hear evidence (hearing_bodies.csv): "…, the court heard." names its source.
HEARING_BODIES = words(ATTRIBUTION_DATA / "hearing_bodies.csv")
#: "by the department's own figures", "by the same assessment": the words after "by" name whose
#: figures they are (not "by its own estimate", where "its" only points back).
BY_WHOSE_FIGURES = re.compile(r"by the (?:same |[\w-]+['’]s )")
#: What may follow the word after *found that* when *that* only points (found that hard *to*…).
POINTING_THAT_END = frozenset({"", "to", ",", ".", ";", ":", "!", "?", "and", "because"})


def passive_report(st: SentenceState, h: Hit) -> None:
    """*is expected to*, *is widely believed*: a view reported without its holder; a holder
    after *by* or *among* is the source."""
    src = None
    nw = st.next_word(h.end)
    if nw in HOLDER_WORDS:
        pos = st.art.low.find(nw, h.end, st.s.end) + len(nw)
        np = np_after(st, pos)
        if np is not None and not np.pronoun:
            src = add_source(st, np.start, np.end, "source_after_passive",
                             f"{st.text[np.start:np.end]!r} holds the view ({nw!r}).")
            # "It is widely believed among the players": the players are the source, not "it"
            st.groups = [g for g in st.groups if not (g[0] <= h.start < g[1] or h.start <= g[0] < h.end)]
            if st.next_word(np.end) == "that":
                st.region_after(np.end)
    if src is None and BY_WHOSE_FIGURES.match(st.art.low, h.start, h.end):  # "by the department's own figures"
        src = add_source(st, h.start + 3, h.end, "source_after_phrase",
                         f"{st.text[h.start + 3:h.end]!r} follows 'by': whose figures they are.")
    if src is None and (body := _hearing_body(st, h)) is not None:  # "…, the court heard."
        src = add_source(st, body[0], body[1], "reporting_subject",
                         f"{st.text[body[0]:body[1]]!r} heard the evidence the fact comes from.")
    add_attribution(st, h.start, h.end, "passive_report", h.entry, h.entry.explanation, src)


def _hearing_body(st: SentenceState, h: Hit) -> tuple[int, int] | None:
    """The phrase naming the court or jury of *…, the court heard.* (from the comma or the
    sentence's start, opened by a determiner, at most six words), or None."""
    text = st.text
    m = WORDS.match(text, h.start, h.end)
    if m is None or m.group(0).lower() not in HEARING_BODIES:
        return None
    a = max(st.s.start, text.rfind(",", st.s.start, h.start) + 1)
    words = text[a:m.end()].split()
    if not words or len(words) > 6 or words[0].lower() not in DET_END:
        return None
    a = text.index(words[0], a)
    return a, m.end()


def progressive_report(st: SentenceState, h: Hit, toks) -> bool:
    """*Unions are warning that…*, *campaigners are now calling for…*: the -ing form after a
    form of *be* (and an adverb or two) is the verb itself; its subject does the saying."""
    k = len(toks) - 1
    while k >= 0 and len(toks) - k <= 3 and toks[k].text.islower() and (
            toks[k].low in VERB_SKIP or toks[k].low in SKIP or toks[k].low.endswith("ly")):
        k -= 1
    if k < 0 or toks[k].low not in PASSIVE_AUX or toks[k].low == "being":
        return False
    if inside(h.start, st.quotes):  # “The minister is promising houses…”: the quoted speaker's words
        st.suppress(h.start, h.end, "verb_inside_quote", RULES["verb_inside_quote"], "attribution")
        return True
    subj = subject_before(st, toks[k].start)
    if subj is None or subj == "noun":
        return False
    credit_subject(st, h, subj, "reporting_progressive", RULES["reporting_progressive"])
    st.region_after(h.end)
    return True


def spoke_to(st: SentenceState, h: Hit) -> None:
    """*Parents who spoke to the Gazette were divided*: the people before the phrase gave
    their views to a reporter."""
    subj = subject_before(st, h.start)
    if subj is None or subj == "noun" or subj.pronoun:
        st.suppress(h.start, h.end, "no_subject", RULES["no_subject"], "attribution")
        return
    src = add_source(st, subj.start, subj.end, "reporting_subject",
                     f"{st.text[subj.start:subj.end]!r} gave their views to a reporter.")
    add_attribution(st, h.start, h.end, "spoke_to", h.entry, h.entry.explanation, src)
    np = np_after(st, h.end)
    if np is not None and not np.pronoun and st.text[np.start:np.end].lstrip("Tthe ")[:1].isupper():
        add_source(st, np.start, np.end, "outlet_mention",
                   f"{st.text[np.start:np.end]!r} is the paper or broadcaster they spoke to.",
                   outlet="people spoke to it for a story, so it is a news outlet")


def colon_quote(st: SentenceState) -> None:
    """``Roe was blunt: “…”``: a quotation introduced with a colon, after a clause
    that opens with someone named (when nothing else attributed the sentence)."""
    text, s = st.text, st.s
    if any(e.label == "attribution" for e in st.evidence):
        return
    c = text.find(":", s.start, s.end)
    dash = False
    if c < 0:
        c = next((qa - 1 - (text[qa - 1] == " ") for qa, _ in st.quotes
                  if qa - 2 >= s.start and text[qa - 1 - (text[qa - 1] == " ")] in "—–"), -1)
        dash = True
    if c < 0:
        return
    q = next((qa for qa, _ in st.quotes if qa > c), None)
    if q is None or len(text[c + 1:q].split()) > 4 or text[q] not in OPENING_QUOTES:
        return
    start = min(st.content_starts())
    if start >= c:
        return
    if not dash and text[start:c].strip().lower() in SECTION_LABELS:  # "Review: ‘The Keeper’ …"
        st.suppress(start, c + 1, "section_label", RULES["section_label"], "attribution")
        return
    np = np_after(st, start, limit=c)
    if np is None:  # "Asked what she would miss, Oduya did not hesitate: “…”": the speaker after an opening clause
        comma = text.find(",", start, c)
        opening = text[start:comma].split() if comma > 0 else []
        if opening and opening[0].lower() in OPENING_CLAUSE_WORDS and len(opening) <= 12:
            np = np_after(st, comma + 1, limit=c)
    by_role = np is None
    if by_role:  # "Its chair, Derek Amadi, was blunt: “…”": a role, then the name between commas
        np = common_np_after(st, start)
        named = NAME_ASIDE.match(text, np.end, c) if np is not None else None
        if named:
            np = np._replace(end=named.end(1))
    if np is None or np.end > c:
        return
    between = text[np.end:c]
    possessive = text[np.start:np.end].endswith(("’s", "'s"))
    if dash and not possessive:
        # "Bell was blunter — “…”", "Bell, who runs the shop, was blunter — “…”": a short predicate
        # (was, put it, had a line ready) after someone who can speak, an aside between commas stepped over
        said = ASIDE.sub("", between).split()
        if not (1 <= len(said) <= 4 and said[0].lower() in DASH_PREDICATES):
            return
    elif len(ASIDE.sub("", between).split()) > (2 if dash else 14):  # asides between commas do not count
        return
    if (by_role or (dash and not possessive)) and names_nobody(st, np.start, np.end):
        return  # "The new rules are clear: “…”", "The bridge was shut — “for good”": nobody speaks
    if possessive:
        np = np._replace(end=np.end - 2)
    if np.pronoun:
        add_attribution(st, c, c + 1, "colon_quote", None, RULES["colon_quote"], None,
                        pronoun=text[np.start:np.end])
    else:
        src = add_source(st, np.start, np.end, "quote_speaker",
                         f"{text[np.start:np.end]!r} introduces the quotation.")
        add_attribution(st, c, c + 1, "colon_quote", None, RULES["colon_quote"], src)


def possessive_speech(st: SentenceState) -> None:
    """*Peskov's spin was that…*, *The mayor's answer: “…”*, *the mayor's claim that…*: a speech word
    owned by someone, followed by *that*, *was that*, a colon, a dash or a quotation (when nothing
    else attributed the sentence); the owner is the source."""
    text, s = st.text, st.s
    if any(e.label == "attribution" for e in st.evidence) or not SPEECH_AFTER.search(text, s.start, s.end):
        return
    toks = tokens(text, s.start, s.end)
    for i in range(len(toks) - 2):
        t, noun = toks[i], toks[i + 1]
        if noun.low not in SPEECH_NOUNS or any(h.start <= noun.start and noun.end <= h.end
                                               for h in st.by_label.get("opinion", ())):
            continue  # "The Herald's view:" opening an editorial is the paper's own opinion marker
        det = i > 0 and toks[i - 1].low in DET_END
        if not t.low.endswith(("’s", "'s")) or not (t.text[:1].isupper() or det or t.start in st.cat_at):
            continue
        k = i - 2 if det else i - 1
        if k >= 0 and toks[k].low == "in" and noun.low in VIEW_NOUNS:  # "In the minister's view"
            a = toks[k + 1].start
            src = add_source(st, a, t.end - 2, "quote_speaker", f"{text[a:t.end - 2]!r} holds the view.")
            add_attribution(st, toks[k].start, noun.end, "possessive_speech", None, RULES["possessive_speech"], src)
            st.region_after(noun.end)
            return
        if not (t.text[:1].isupper() or (det and t.start in st.cat_at)):  # "The mayor's answer: …"
            continue
        j = i + 2
        while j < len(toks) - 1 and j < i + 4 and (toks[j].low in TIME_WORDS or toks[j].low == "on"):
            j += 1  # "Peskov's spin yesterday was that", "her answer on Monday was that"
        nxt = toks[j]
        if not (nxt.text in (":", "—", "–") or nxt.text in OPENING_QUOTES or nxt.low == "that"  # "X's claim that"
                or (nxt.low in ("was", "is") and j + 1 < len(toks) and toks[j + 1].low == "that")):
            continue
        a = t.start
        if i > 0 and (toks[i - 1].low in DET_END or toks[i - 1].text[:1].isupper()):
            a = toks[i - 1].start
        src = add_source(st, a, t.end - 2, "quote_speaker", f"{text[a:t.end - 2]!r} said it ({noun.text!r}).")
        add_attribution(st, noun.start, noun.end, "possessive_speech", None, RULES["possessive_speech"], src)
        if nxt.low != "that":  # "X's claim that Y is misleading": the verdict on the claim is the writer's
            st.region_after(nxt.end)
        return


def quotation_runs(st: SentenceState) -> None:
    """Quotations across sentences (annotation guide): a sentence carries attribution when
    it starts inside a quotation opened with a reporting cue in an earlier sentence, or when
    it is all quotation and the sentence before it (in the paragraph, or ending with a colon)
    gave a quotation with a reporting cue: the same speaker goes on. A quotation standing
    alone is not attribution."""
    text, s, art = st.text, st.s, st.art
    attributed = any(e.label == "attribution" for e in st.evidence)
    if not attributed and st.quotes:
        first = _first_word(st)
        opened = next((q for q in st.whole_quotes if first is not None and q[0] < s.start <= first < q[1]), None)
        whole = _whole_quote(st, first)
        if opened is not None and opened[0] in art.attributed_quotes:  # the quotation goes on
            st.evidence.append(_evidence(st, s.start, min(opened[1], s.end)))
            attributed = True
        elif whole is not None:
            qa, qb = whole
            prev = (s.paragraph, s.index - 1)
            after = qa >= s.start and (art.quote_speaker == prev or art.colon_intro == s.index - 1)
            runs_on = (qa >= s.start and s.paragraph is not None and art.open_quote_paragraph is not None
                       and art.open_quote_paragraph == s.paragraph - 1 and _first_in_paragraph(st))
            a, b = max(qa, s.start), min(qb, s.end)
            if after or runs_on:
                st.evidence.append(_evidence(st, a, b))
                attributed = True
            else:
                st.suppress(a, b, "quote_alone", RULES["quote_alone"], "attribution")
    art.colon_intro = s.index if attributed and text[s.start:s.end].rstrip().endswith(":") else None
    if attributed and st.quotes:
        art.quote_speaker = (s.paragraph, s.index)
        for qa, qb in st.whole_quotes:
            art.attributed_quotes.add(qa)
            if qb <= s.end and text[qb - 1] not in "”»\"’'":
                art.open_quote_paragraph = s.paragraph  # left open: it runs on into the next paragraph
    elif st.quotes:
        art.quote_speaker = None


def _first_word(st: SentenceState):
    """Where the sentence's first letter or digit is (None if it has none)."""
    return next((i for i in range(st.s.start, st.s.end) if st.text[i].isalnum()), None)


def _whole_quote(st: SentenceState, first):
    """The quotation (whole, not cut) that holds every word of the sentence, if any."""
    text, s = st.text, st.s
    if first is None:
        return None
    last = s.end - 1
    while last > first and not text[last].isalnum():
        last -= 1
    for qa, qb in st.whole_quotes:
        if qa <= first and last < qb:
            return qa, qb
    return None


def _first_in_paragraph(st: SentenceState) -> bool:
    sents = st.art.article.sentences
    i = st.s.index
    return i == 0 or sents[i - 1].paragraph != st.s.paragraph


def _evidence(st: SentenceState, a: int, b: int) -> Evidence:
    return Evidence("attribution", "quote_continues", RULES["quote_continues"], a, b, st.text[a:b])


def thing_subject(st: SentenceState, subj) -> bool:
    """Whether the one before *threatens to* is a plain singular thing (*the row*, *the
    scheme*): no pronoun, no capital or plural at its end, and typed only by default (no
    name, role, outlet, institution or listed source word), so no one speaks."""
    if subj.pronoun:
        return False
    toks = tokens(st.text, subj.start, subj.end)
    if not toks or toks[-1].text[:1].isupper() or toks[-1].low.endswith("s"):
        return False
    return names_nobody(st, subj.start, subj.end)


def _passive_before(st: SentenceState, h: Hit, window: int) -> list:
    """The words (up to ``window`` characters) before the reporting verb ``h`` when the last of
    them, an adverb in *-ly* aside (*was widely criticised*), is a form of *be*; else ``[]``."""
    before = tokens(st.text, max(st.s.start, h.start - window), h.start)
    if before and before[-1].low.endswith("ly"):
        before.pop()
    return before if before and before[-1].low in PASSIVE_AUX else []


def passive_by(st: SentenceState, h: Hit) -> bool:
    """*The arrests were confirmed by police*, *the plan was widely criticised by teachers*: a
    passive reporting verb (a form of *be* before it, *by* after it) whose speaker follows
    *by*; records the attribution and the source, and says whether it did."""
    word = st.text[h.start:h.end]
    if not word.islower() or st.next_word(h.end) != "by" or word in NOT_PASSIVE_REPORTS:
        return False
    if not _passive_before(st, h, 30):
        return False
    by_end = st.art.low.index("by", h.end) + 2
    np = np_after(st, by_end) or common_np_after(st, by_end)
    if np is None or np.pronoun or any(t.low in TIME_WORDS or t.low.isdigit()
                                       for t in tokens(st.text, np.start, np.end)):
        return False  # "posted online by the end of November": a time, not a speaker
    if names_nobody(st, np.start, np.end):
        return False  # "countered by the Russian air defence": no one who speaks
    src = add_source(st, np.start, np.end, "source_after_passive",
                     f"{st.text[np.start:np.end]!r} does the saying ({word!r}, after 'by').")
    add_attribution(st, h.start, h.end, "passive_by", h.entry, h.entry.explanation, src)
    return True


def claim_follows(st: SentenceState, h: Hit) -> bool:
    """*rejected the claims*, *dismissed that account*, *rejected suggestions that…*: a word for
    what someone said within four words after the verb, before any punctuation; or *as* after
    what was rejected (*dismissed the study as “wishful thinking”*), which gives the verdict."""
    for i, t in enumerate(tokens(st.text, h.end, min(st.s.end, h.end + 50))[:5]):
        if not t.text[:1].isalnum():
            return False
        if (t.low in CLAIM_NOUNS and i < 4) or (t.low == "as" and i >= 1):  # "dismissed the study as …"
            return True
    return False


def finding_that(st: SentenceState, h: Hit) -> bool:
    """*The inquest found that she died…*, *Researchers find that…*: a form of *find* with
    *that* and a clause after it reports a finding by whoever found it, not only by a
    document; *found that hard to believe* (*that* only points) and *she found that…*
    (a pronoun, often a private realisation) do not count."""
    if st.text[h.start:h.end].lower() not in FINDING_VERBS:
        return False
    if st.next_word(h.end) != "that":  # "The researchers found no sign of…": their work finds things out
        subj = subject_before(st, h.start)
        return (subj is not None and subj != "noun" and not subj.pronoun
                and tokens(st.text, subj.start, subj.end)[-1].low in FINDING_SUBJECTS)
    after = tokens(st.text, h.end, min(st.s.end, h.end + 60))
    if len(after) < 3 or after[2].low in POINTING_THAT_END:
        return False
    subj = subject_before(st, h.start)
    return subj is not None and subj != "noun" and not subj.pronoun


def next_to_quote(st: SentenceState, h: Hit, subj) -> bool:
    """*“…,” she continued*, *“…”, continued Roe*, *She went on: “…”*: a quotation closes
    right before the speaker (or before the verb, when the speaker follows it) or opens
    right after the verb (after a colon or comma)."""
    at = h.start if subj is None else subj.start
    before = st.text[max(st.s.start, at - 4):at].rstrip().rstrip(",").rstrip()
    if before[-1:] in CLOSING_QUOTES and before:
        return True
    after = st.text[h.end:min(st.s.end, h.end + 4)].lstrip(" :,")
    return after[:1] in OPENING_QUOTES


def impersonal_passive(st: SentenceState, h: Hit) -> bool:
    """*It was announced that…*, *it has been confirmed that…*: *it* and a form of *be*
    before a reporting verb and *that* after it report news without saying who gave it;
    records the attribution (no source) and says whether it did."""
    if st.next_word(h.end) != "that":
        return False
    before = _passive_before(st, h, 24)
    if len(before) < 2:
        return False
    k = len(before) - 2
    if before[k].low in ("has", "have", "had", "will", "would"):  # "it has been", "it will be"
        k -= 1
    if k < 0 or before[k].low != "it":
        return False
    add_attribution(st, h.start, h.end, "passive_report", h.entry, RULES["passive_report"], None)
    st.region_after(h.end)
    return True


#: Words before a place, not a speaker: *a researcher based in Wrenbury, who said…* (rule relative_antecedent).
PLACE_PREPS = frozenset({"in", "from", "near", "outside", "inside"})
#: Two to four capitalised words ending right at the end of the searched text (Ridgeway Partners).
NAME_BEFORE_COMMA = re.compile(r"(?<![\w’'])((?:[A-Z][\w’'&-]*\s+){1,3}[A-Z][\w’'&-]*)$")


def relative_antecedent(st: SentenceState, subj):
    """*Shares fell at Dorrel, which said…*, *the mayor met Ann Lee, who said…*: the name or
    listed source word right before the comma that a relative *who*/*which* follows (None
    when there is none, or when it is already a source of this sentence)."""
    word = st.text[subj.start:subj.end].lower()
    if word not in ("who", "which") or st.prev_char(subj.start) != ",":
        return None
    if any(a <= subj.start < b for a, b, _ in st.groups):
        return None  # "One broker, who asked not to be named, said": the phrase names the source
    comma = st.text.rfind(",", st.s.start, subj.start)
    head = subject_before(st, comma)
    name = NAME_BEFORE_COMMA.search(st.text, st.s.start, comma)
    if name is not None and name.start(1) > st.s.start and (
            head is None or head == "noun" or head.start < name.start(1) - 40):
        # "a report his club commissioned from the consultancy Ridgeway Partners, which claims":
        # the name right before the comma, not a phrase reaching back to the sentence's start
        head = NP(name.start(1), name.end(1), False)
    if head is None or head == "noun" or head.pronoun or names_nobody(st, head.start, head.end):
        return None
    before = WORDS.findall(st.text, max(st.s.start, head.start - 12), head.start)
    if before and before[-1].lower() in PLACE_PREPS and not any(
            h.entry.label == "institution" and head.start <= h.start and h.end <= head.end
            and st.text[h.start].islower() for h in st.hits):
        # "a researcher based in Wrenbury, who said": the place is not the speaker; but "a report
        # commissioned from the consultancy Ridgeway Partners, which claims": a body is named
        return None
    if type_source(st, head.start, head.end).type not in ("named_person", "institution", "outlet"):
        return None  # "one reply, which promised…": a thing, or nobody in particular
    if any(x.start <= head.start < x.end for x in st.sources):
        return None
    return head


def with_speaker(st: SentenceState, h: Hit):
    """*…, with a spokesperson saying that…*: the speaker named between *with* and an -ing
    reporting form (a noun phrase ending right before it), or None."""
    toks = tokens(st.text, max(st.s.start, h.start - 80), h.start)
    if not toks or toks[-1].low in STOP_LOWER:  # "let it go with a warning": a noun, not a speaker's words
        return None
    for i in range(len(toks) - 2, max(-1, len(toks) - 9), -1):
        if toks[i].low == "with":
            np = np_after(st, toks[i].end, limit=h.start) or common_np_after(st, toks[i].end)
            if np is not None and not np.pronoun and not st.text[np.end:h.start].strip():
                return np
            return None
    return None
