"""Attribution: reporting verbs and their speakers, *according to*, phrases that cite
unnamed people, agency tags such as *(Reuters)*, quoted sentences and the outlets named
in a sentence that attributes. Each attribution also marks reported speech (the
source's voice) and records its source through :mod:`.sources`.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.cues import classify, find_hits
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nRussia will win, the minister said.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> attributions(st)
>>> [(e.text, e.rule) for e in st.evidence], [(x.text, x.type) for x in st.sources]
([('said', 'reporting_verb')], [('the minister', 'anonymous')])
>>> st.voice(st.text.index("win"))
'source'
"""

from __future__ import annotations

import re

from medialit.datafiles import words
from medialit.detect.agency_tags import TAG, agency_tag
from medialit.detect.claim_holders import claim_holder
from medialit.detect.cues import Hit, in_text_order
from medialit.detect.documents import evidence_verb
from medialit.detect.finite_said import finite_said
from medialit.detect.introducers import (
    CLOSING_QUOTES,
    PASSIVE_AUX,
    QUOTE_ONLY_VERBS,
    REBUTTAL_VERBS,
    THING_VERBS,
    claim_follows,
    colon_quote,
    finding_that,
    impersonal_passive,
    next_to_quote,
    passive_by,
    passive_report,
    possessive_speech,
    quotation_runs,
    relative_antecedent,
    spoke_to,
    thing_subject,
)
from medialit.detect.noun_after import common_np_after, loose_np_after, np_after
from medialit.detect.phrases import (
    ATTRIBUTION_DATA,
    NP,
    can_be_noun,
    np_ok,
    subject_before,
)
from medialit.detect.outlets import outlet_mentions
from medialit.detect.participles import participle
from medialit.detect.quotes import inside
from medialit.detect.relative_heads import described_subject, relative_head
from medialit.detect.rules import RULES
from medialit.detect.sources import add_attribution, add_source, credit_subject, names_nobody
from medialit.detect.state import WRITER_BUT, SentenceState
from medialit.detect.text import (
    NEXT_WORD,
    PRONOUN_SUBJ,
    TAIL_STARTS,
    TIME_WORDS,
    WORDS,
    plural_word,
    tokens,
)

#: After a word like *report* these show it is a noun (*the report has*, *claims of*).
NOUN_NEXT = words(ATTRIBUTION_DATA / "noun_followers.csv")
#: Signs after the speaker of an inverted verb (*…,” said Roe.*), besides time words and words
#: that start a tail (*at the rally*, *yesterday*, *to reporters*).
#: Punctuation only (no word a teacher would question), so it stays in code.
AFTER_INVERTED = frozenset({"", ",", ".", ";", ":", "(", "—", "–", "!", "?"})
#: A quotation right after *called it* (called it “one of the more careful studies”).
IT_QUOTE = re.compile(r"\s+it\s+[“\"]")
#: Who made a document cited after "according to" (figures *the Hospitals Trust released*).
MAKER_AFTER = re.compile(r"\s+((?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:of\s+)?[A-Z][\w’'-]+){0,5})\s+"
                         r"(?:released|published|"
                         r"issued|provided|compiled|gave|sent|shared|supplied|obtained)\b")
#: A name in an aside after a speaker who follows the verb (said its chief executive*, Miriam Solberg*).
TRAILING_NAME = re.compile(r",\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
                           r"(?=\s*[.,;]|\s*$)")
#: Verbs that take no object, so a tail may follow the speaker after them (*…,” said Roe at the rally*);
#: after *told* or *urged* the words are the object (*…, urges the council to act*).
SAID_WORDS = words(ATTRIBUTION_DATA / "objectless_reporting_verbs.csv")
#: An aside naming some of the speakers (*Critics, including several councillors, argue*).
INCLUDING = re.compile(r"\s*,\s*(?:including|among them)\s+", re.IGNORECASE)
#: Evidence verbs that give a source only with a document doing the showing (*the police found a car*).
DOCUMENT_ONLY = words(ATTRIBUTION_DATA / "document_only_verbs.csv")
#: Words after *a* that make a plural group (*a few* residents say), and past forms with no *-ed*
#: (*read*, *put*): neither lets a base form be taken for a noun (_singular_before_base_form).
PLURAL_QUANTITIES = words(ATTRIBUTION_DATA / "plural_quantities.csv")
IRREGULAR_PAST = words(ATTRIBUTION_DATA / "irregular_past.csv")
#: Words before a vague or anonymous phrase that belong to it (*the two* officials, *other* sources).
GROUP_OPENERS = words(ATTRIBUTION_DATA / "group_openers.csv")
#: Prepositions closing a source phrase, with a noun phrase after them (people familiar *with* the talks).
GROUP_PREPS = words(ATTRIBUTION_DATA / "group_prepositions.csv")
#: Verbs of a passive report without *is* (the plan, *said* to cost millions).
SAID_TO = words(ATTRIBUTION_DATA / "said_to_verbs.csv")
#: Words after *called* that make it another verb (*called for*, *called off*).
CALLED_PARTICLES = words(ATTRIBUTION_DATA / "called_particles.csv")
#: Pronouns that make a belief verb the writer's own view (*I think*, *we believe*).
FIRST_PERSON = words(ATTRIBUTION_DATA / "first_person_believers.csv")
#: The rule recording each kind of reporting verb (the others: reporting_verb).
VERB_RULE = {"belief": "belief_verb", "quote_verb": "quote_verb"}


def attributions(st: SentenceState) -> None:
    """Find the sentence's attributions and sources, in this order: vague and anonymous
    phrase groups, each attribution match, the phrases as sources, agency tags, a
    sentence that is all quotation, outlets named."""
    s = st.s
    bl = st.by_label
    if ("attribution" not in bl and "vague" not in bl and "anonymous" not in bl and not st.quotes
            and "(" not in s.text and "’s" not in s.text and "'s" not in s.text):
        return
    phrase_groups(st)
    for h in bl.get("attribution", []):
        kind = h.entry.kind
        if kind in ("verb", "belief", "quote_verb"):
            _reporting_verb(st, h)
        elif kind == "participle":
            participle(st, h)
        elif kind == "evidence":
            if evidence_verb(st, h):
                pass
            elif finding_that(st, h):  # "the inquest found that she died…": anyone's finding
                _reporting_verb(st, h, "finding_that")
            elif st.text[h.start:h.end].lower() in DOCUMENT_ONLY:  # "the police found a car"
                st.suppress(h.start, h.end, "not_a_document", RULES["not_a_document"], "attribution")
            else:  # "the judge concluded that…": a person can conclude, suggest or reveal too
                _reporting_verb(st, h)
        elif kind == "passive":
            passive_report(st, h)
        elif kind == "after_source":
            spoke_to(st, h)
        elif kind == "view":  # "In his view, …"
            add_attribution(st, h.start, h.end, "possessive_speech", h.entry, h.entry.explanation, None,
                            pronoun=st.text[h.start:h.end].split()[1])
            st.region_after(h.end)
        else:  # before_source
            _before_source(st, h)
    _phrase_sources(st)
    # agency tags: "(Reuters)" closing a sentence or paragraph
    if "(" in s.text:
        for m in TAG.finditer(st.text, s.start, s.end):
            agency_tag(st, m)
    if st.quotes:
        colon_quote(st)
    if "’s" in s.text or "'s" in s.text:
        possessive_speech(st)
    quotation_runs(st)
    outlet_mentions(st)


def phrase_groups(st: SentenceState) -> None:
    """Vague and anonymous phrases (merged when adjacent), widened to their determiner
    and to the noun phrase after a closing preposition (people familiar *with the matter*)."""
    text, s = st.text, st.s
    bl = st.by_label
    if "vague" not in bl and "anonymous" not in bl:
        st.groups = []
        return
    gh = [h for h in bl.get("vague", ()) if h.entry.kind != "noun"]
    if "anonymous" in bl:
        gh = in_text_order(gh + [h for h in bl["anonymous"] if h.entry.kind != "noun"])
    groups: list[list] = []
    for h in gh:
        if groups and (h.start <= groups[-1][1] or not text[groups[-1][1]:h.start].strip(" ,\t\n\r\u00a0")):
            g = groups[-1]
            g[1] = max(g[1], h.end)
            g[2].append(h)
        else:
            groups.append([h.start, h.end, [h]])
    for g in groups:
        toks = tokens(st.text, max(s.start, g[0] - 40), g[0])
        for _ in range(2):
            if toks and (toks[-1].low in GROUP_OPENERS or toks[-1].low.isdigit()):
                g[0] = toks[-1].start
                toks.pop()
        if any(h.entry.kind == "reaction" for h in g[2]):  # "Others were more cautious": the group, not "were…"
            if text[g[0]:g[0] + 1].islower():  # "Builders are less confident": the plural opening the sentence
                g[0], g[1] = _group_opening(st, g[0]) or (g[0], g[0])
                continue
            gt = tokens(st.text, g[0], g[1])
            g[1] = next((t0.end for t0, t1 in zip(gt, gt[1:]) if t1.low in PASSIVE_AUX), g[1])
            continue
        last = text[g[2][-1].start:g[2][-1].end].split()[-1].lower()
        if last in GROUP_PREPS:
            np = np_after(st, g[1])
            if np is not None and not np.pronoun:
                g[1] = np.end
            else:
                end = loose_np_after(st, g[1])
                if end is not None:
                    g[1] = end
    st.groups = [(g[0], g[1], g[2]) for g in groups if g[1] > g[0]]


def _group_opening(st: SentenceState, verb_at: int) -> tuple[int, int] | None:
    """The plural group (up to four words) opening the sentence right before the stance at
    ``verb_at`` (*Builders*, *Some scientists*, *Patient groups* are less hopeful), or None."""
    toks = tokens(st.text, min(st.content_starts()), verb_at)
    if not 0 < len(toks) <= 4 or not plural_word(toks[-1].low) or not all(t.text.isalpha() for t in toks) or any(
            t.text[:1].isupper() for t in toks[1:]):
        return None
    return toks[0].start, toks[-1].end


#: A headline's closing "…, maker says": one to three lower-case words after the last comma.
HEADLINE_TAIL = re.compile(r",\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s+$")
#: Subjects that name no one (nobody, no one): negative_subjects.csv.
NEGATIVE_SUBJECTS = words(ATTRIBUTION_DATA / "negative_subjects.csv")
#: The same words as a tuple, for one str.endswith() (speed: no loop in Python over the words).
NEGATIVE_ENDINGS = tuple(sorted(NEGATIVE_SUBJECTS))


def _first_person(st: SentenceState, subj) -> bool:
    """Whether the one who believes is the writer: *I*, *we*, or the paper speaking of itself
    (*this newspaper* believes), as listed in ``first_person_believers.csv``."""
    holder = st.text[subj.start:subj.end].lower()
    if not subj.pronoun and st.text[max(st.s.start, subj.start - 5):subj.start].lower() == "this ":
        holder = "this " + holder
    return holder in FIRST_PERSON


def _reporting_verb(st: SentenceState, h: Hit, rule: str = "") -> None:
    """*X said*, or *…, said X*; marks what follows (and a short lead-in) as reported speech.
    ``rule`` names the rule recorded instead of the one for the verb's kind (its explanation
    from the rule table is given)."""
    text, s = st.text, st.s
    e = h.entry
    word = text[h.start:h.end]
    if (word[:1].isupper() and not st.title_case and h.start not in st.content_starts()):
        st.suppress(h.start, h.end, "capitalised_verb", RULES["capitalised_verb"], "attribution")
        return
    if e.kind == "quote_verb" and not _quote_follows(st, h):
        st.suppress(h.start, h.end, "quote_verb_needs_quote", RULES["quote_verb_needs_quote"], "attribution")
        return
    holder = claim_holder(st, h.start)
    if holder is not None:  # "…, a claim the council rejects.": the council is the source
        credit_subject(st, h, holder, VERB_RULE.get(e.kind, "reporting_verb"), e.explanation)
        return
    if word.split()[0].lower() in REBUTTAL_VERBS and not claim_follows(st, h):
        st.suppress(h.start, h.end, "rebuttal_needs_claim", RULES["rebuttal_needs_claim"], "attribution")
        return
    participle = word.lower().endswith(("ed", "thought"))
    if e.kind == "belief" and (
            (st.next_word(h.end) == "to" and (st.s.part == "headline" or participle))
            or (st.s.part == "headline" and participle)):
        # "Manager expected to leave", "Storm Expected on the Coast" (headlines), "a man believed
        # to be…": a passive without "is"; the word before it is what is expected, not who expects
        passive_report(st, h)
        return
    if e.kind == "belief" and word.lower().endswith(" as") and (
            (nw := st.next_word(h.end)) in PRONOUN_SUBJ or nw == "soon"):
        # "Drivers see the signs as they approach": "as" starts a time clause, not a view
        st.suppress(h.start, h.end, "as_when", RULES["as_when"], "attribution")
        return
    if inside(h.start, st.quotes):  # "what the town thinks" inside a quotation: the quoted speaker's words
        st.suppress(h.start, h.end, "verb_inside_quote", RULES["verb_inside_quote"], "attribution")
        return
    subj = subject_before(st, h.start)
    if (subj != "noun" and can_be_noun(word.lower()) and _noun_follows(st, h, subj)
            and not (word.lower() in QUOTE_ONLY_VERBS and next_to_quote(st, h, subj))
            and not (subj is not None and st.comma_tail(h.start))):
        subj = "noun"  # "the annual report." is a noun; "“…,” the statement read." and ", the paper reports." not
    if subj not in (None, "noun") and _singular_before_base_form(st, subj, word.lower(), h.start):
        subj = "noun"  # "a formal say", "the interim report “…”": a base form after one thing is a noun
    if subj == "noun":
        st.suppress(h.start, h.end, "noun_not_verb", RULES["noun_not_verb"], "attribution")
        return
    if subj is not None and subj.end > h.start:  # "one school of thought": the verb is part of the source
        st.suppress(h.start, h.end, "inside_source_phrase", RULES["inside_source_phrase"], "attribution")
        return
    explanation = RULES[rule] if rule else e.explanation
    rule = rule or VERB_RULE.get(e.kind, "reporting_verb")
    if word.lower() in QUOTE_ONLY_VERBS and subj != "noun" and not next_to_quote(st, h, subj):
        st.suppress(h.start, h.end, "quote_only_verb", RULES["quote_only_verb"], "attribution")
        return
    if subj is not None and ((e.kind == "belief" and _first_person(st, subj)) or any(
            x.entry.kind == "first_person" and x.start <= h.start and h.end <= x.end
            for x in st.by_label.get("opinion", ()))):  # "We would urge the cabinet": a first-person marker
        st.suppress(h.start, h.end, "first_person_belief", RULES["first_person_belief"], "attribution")
        return
    subj = described_subject(st, h.start, subj)  # "One driver who has worked there for years, …, said"
    if subj is None and st.s.part in ("headline", "dek") and (m := HEADLINE_TAIL.search(
            st.text, st.s.start, h.start)) and not st.text[h.end:st.s.end].strip(" .;"):
        subj = NP(m.start(1), m.end(1), False)  # "Vaccine cuts cases by 71%, maker says": the tail's speaker
    if subj is not None and subj != "noun" and (  # "Nobody believes", "(a green) nobody asked for"
            st.text[subj.start:subj.end].lower().endswith(NEGATIVE_ENDINGS)):
        st.suppress(h.start, h.end, "nobody_speaks", RULES["nobody_speaks"], "attribution")
        return  # "Nobody believes the part about voluntary departures": no one is cited
    if subj is None and st.next_word(h.end) == "to" and word.lower() in SAID_TO:
        passive_report(st, h)  # "The plan, said to cost millions, …": a passive without "is"
        return
    if subj is None and e.kind != "verb":
        st.suppress(h.start, h.end, "no_subject", RULES["no_subject"], "attribution")
        return
    if subj is None and (passive_by(st, h) or impersonal_passive(st, h)):  # "…were confirmed by police"
        return
    if subj is None:
        pc = st.prev_char(h.start)
        inv = (np_after(st, h.end) or common_np_after(st, h.end)) if pc and (pc == "," or pc in CLOSING_QUOTES) else None
        nw = st.next_word(inv.end) if inv is not None else ""
        tail_ok = word.lower() in SAID_WORDS and (nw in TAIL_STARTS or nw in TIME_WORDS)
        if inv is not None and not inv.pronoun and (nw in AFTER_INVERTED or tail_ok):
            m = TRAILING_NAME.match(text, inv.end, s.end)  # "…, said its chief executive, Miriam Solberg."
            inv = NP(inv.start, m.end(1), False) if m else inv
            src = add_source(st, inv.start, inv.end, "reporting_subject",
                             f"{text[inv.start:inv.end]!r} does the saying ({word!r} comes first).",
                             person="a single name after the verb (…, said Roe) is the usual way to name a person")
            add_attribution(st, h.start, h.end, "inverted_reporting", e,
                            f"{e.explanation} The speaker follows the verb.", src)
            st.regions.append((s.start, h.start))
            return
        if finite_said(st, h.start, h.end):  # "Two schools near the estate, A and B, said …"
            add_attribution(st, h.start, h.end, "said_unread_speaker", e, RULES["said_unread_speaker"], None)
            st.regions.append((h.end, s.end))
            return
        st.suppress(h.start, h.end, "no_subject", RULES["no_subject"], "attribution")
        return
    if word.lower() in THING_VERBS and st.next_word(h.end) == "to" and thing_subject(st, subj):
        st.suppress(h.start, h.end, "thing_not_speaker", RULES["thing_not_speaker"], "attribution")
        return
    st.cut_regions(subj.start)
    head = relative_antecedent(st, subj) if subj.pronoun else None
    if head is not None:  # "Corvane Systems Corp., which last week reported…": the firm speaks
        src = add_source(st, head.start, head.end, "relative_antecedent",
                         f"{text[head.start:head.end]!r} does the saying ({text[subj.start:subj.end]!r} "
                         f"stands for it, {word!r}).")
        add_attribution(st, h.start, h.end, rule, e, explanation, src)
    elif subj.pronoun:
        add_attribution(st, h.start, h.end, rule, e, explanation, None,
                        pronoun=text[subj.start:subj.end])
    else:
        src = add_source(st, subj.start, subj.end, "reporting_subject",
                         f"{text[subj.start:subj.end]!r} does the saying ({word!r}).")
        add_attribution(st, h.start, h.end, rule, e, explanation, src)
        m = INCLUDING.match(text, subj.end, h.start)
        if m:  # "Critics of the plan, including several councillors, argue"
            np = np_after(st, m.end(), limit=h.start) or common_np_after(st, m.end())
            if np is not None and not np.pronoun and np.end <= h.start:
                add_source(st, np.start, np.end, "reporting_subject",
                           f"{text[np.start:np.end]!r} are among those doing the saying ({word!r}).")
    st.region_after(h.end)
    # "Russia will strike back, the minister said." -> the part before the comma is reported
    pc = st.prev_char(subj.start)
    if pc and (pc == "," or pc in CLOSING_QUOTES):
        but = WRITER_BUT.match(text, h.end, s.end)  # "X is encouraging, researchers say, but an expert…"
        tail = "" if but is not None else text[h.end:s.end] if s.end - h.end < 60 else "x " * 9
        words = [w.lower() for w in WORDS.findall(tail)]
        before = WORDS.findall(text, s.start, subj.start)
        if (len(before) >= 3 and len(words) <= 4
                and (not words or words[0] in TAIL_STARTS)):
            st.regions.append((s.start, subj.start))


def _before_source(st: SentenceState, h: Hit) -> None:
    """*according to X*: the source follows the phrase."""
    text, s = st.text, st.s
    e = h.entry
    word = text[h.start:h.end]
    if any(src.start < h.start and h.end <= src.end for src in st.sources):
        # "according to figures published by the council": the phrase is part of a source already cited
        st.suppress(h.start, h.end, "inside_cited_source", RULES["inside_cited_source"], "attribution")
        return
    np = np_after(st, h.end)
    if np is None:
        np = common_np_after(st, h.end)
    if np is None or (not np.pronoun and tokens(text, np.start, np.end)[0].low in TIME_WORDS):
        # "74 claims by Monday lunchtime": a time, not who made them
        st.suppress(h.start, h.end, "no_source_after", RULES["no_source_after"], "attribution")
        return
    m = MAKER_AFTER.match(text, np.end, s.end) if not np.pronoun else None
    np = NP(np.start, m.end(1), False) if m else np  # "figures the Stenbury Hospitals Trust released"
    if np.pronoun:
        add_attribution(st, h.start, h.end, "according_to", e, e.explanation, None,
                        pronoun=text[np.start:np.end])
    else:
        src = add_source(st, np.start, np.end, "source_after_phrase",
                         f"{text[np.start:np.end]!r} follows {word!r}.")
        add_attribution(st, h.start, h.end, "according_to", e, e.explanation, src)
    nw = st.next_word(np.end)
    if nw in ("that", ",", ":") or h.start in st.content_starts():
        st.region_after(np.end)
    if st.prev_char(h.start) == ",":
        st.regions.append((s.start, h.start))


def _phrase_sources(st: SentenceState) -> None:
    """Vague and anonymous phrases as sources; citing phrases also attribute."""
    for a, b, hs in st.groups:
        lab = "anonymous" if any(h.entry.label == "anonymous" for h in hs) else "vague"
        if st.text[a:a + 4].lower() in ("who ", "whic"):
            # "A senior figure at the club, who spoke on condition of anonymity": the person before
            head = subject_before(st, st.text.rfind(",", st.s.start, a)) if st.prev_char(a) == "," else None
            if head is None:  # "One driver who has worked there for years, and who asked not to be named"
                head = relative_head(st, b)
            if head is not None and head != "noun" and not head.pronoun:
                a = head.start
        src = add_source(st, a, b, f"{lab}_phrase", f"{st.text[a:b]!r} is used as a source.")
        citing = [h for h in hs if h.entry.kind in ("citing", "reaction")]
        if citing:
            c = citing[0]
            add_attribution(st, c.start, c.end, "citing_phrase", c.entry, c.entry.explanation, src)
            if st.next_word(b) == "that":
                st.region_after(b)


def _singular_before_base_form(st: SentenceState, subj, verb: str, at: int) -> bool:
    """*a formal say*, *the interim report*: a base form (no *-s*, no *-ed*) cannot be the verb
    of one thing, so after *a*/*an*, or after a phrase that names nobody who could speak, a
    word like *say* or *report* is a noun. *A number of residents say* and *a few say* are
    plural, so they still speak."""
    if (subj.pronoun or " " in verb or verb.endswith(("s", "ed")) or verb in IRREGULAR_PAST
            or st.text[subj.end:at].strip()):  # "would say": a modal before it makes it a verb
        return False
    toks = tokens(st.text, subj.start, subj.end)
    if not toks or any(t.low == "of" for t in toks):
        return False
    if toks[0].low in ("a", "an"):
        if st.text[max(st.s.start, subj.start - 5):subj.start].lower() == " and ":
            return False  # "Musicians and a small label say": two speakers, so "say" is their verb
        return len(toks) < 2 or toks[1].low not in PLURAL_QUANTITIES
    return (can_be_noun(verb) and not toks[-1].low.endswith("s")
            and names_nobody(st, subj.start, subj.end))


def _noun_follows(st: SentenceState, h: Hit, subj=None) -> bool:
    """*The full report has not…*, *an independent report commissioned by…*, *the planning
    report expects…*: what follows shows that a word like *report* is a noun here. Before a
    comma or full stop it is a noun (*the annual reports.*) unless a source's name comes
    right before it (*…, Reuters reports.*, *…, the newspaper reports.*)."""
    m = NEXT_WORD.match(st.text, h.end, st.s.end)
    if m is None:
        return False
    nw, at = m.group(1).lower(), m.start(1)
    if nw in NOUN_NEXT:
        return True
    if nw in (",", ".", ";", ")", ":"):
        if subj is not None and subj != "noun" and subj.pronoun:
            return False  # "…,” she recalls.": after a subject pronoun the word is a verb
        return not _names_a_speaker(st, subj)
    if nw.endswith(("ed", "en", "wn")) and st.next_word(m.end()) == "by":  # "a report commissioned by", "seen by"
        return True
    return any(x.start == at for x in st.by_label.get("attribution", ()))  # "the report expects"


def _names_a_speaker(st: SentenceState, subj) -> bool:
    """Whether the subject found before a verb ends in a name or a listed source word
    (*Reuters*, *the Riverside Gazette*, *officials*), not a possessive (*the company's*), and
    opens the sentence or follows a comma or a quotation (*…, Reuters reports.*), so it is no
    object of an earlier verb (*She denied the Gazette reports.*)."""
    if subj is None or subj == "noun" or subj.pronoun:
        return False
    if st.prev_char(subj.start) not in ("", ",", "”", '"', "’", "'"):
        return False
    toks = tokens(st.text, subj.start, subj.end)
    if not toks:
        return False
    last = toks[-1]
    return not last.low.endswith(("'s", "’s")) and np_ok(st, last)


#: *what the union calls…*, *what its chairman likes to call…*: "what", then the speaker, right before the verb.
WHAT_BEFORE = re.compile(r"\bwhat\s+(?:[^\W\d_][\w'’.-]*,?\s+){1,5}$", re.IGNORECASE)


def _quote_follows(st: SentenceState, h: Hit) -> bool:
    """*called the plan “reckless”*, *described the talks as…*: a quotation opens within a
    few words after the verb (or *as* follows, after *described*), or *what* and the speaker
    come right before it (*what the union calls a sharp rise*); *called for*, *called off*
    and *a group called X* do not count."""
    text = st.text
    nw = st.next_word(h.end)
    describes = text[h.start:h.end].lower().startswith("describ")
    if nw in CALLED_PARTICLES and not (nw == "it" and (describes or IT_QUOTE.match(text, h.end))):
        return False  # "described it as careful", "called it “careful”" quote a verdict; "called it a day" does not
    if WHAT_BEFORE.search(text, max(st.s.start, h.start - 60), h.start):
        return True  # "what the union calls a sharp rise": the words after it are the union's
    lim = min(st.s.end, h.end + 80)
    for qa, _ in st.quotes:
        if h.end <= qa < lim and len(text[h.end:qa].split()) <= 6:
            return True
    if not describes:
        return False
    return " as " in text[h.end:lim] or nw.endswith("ing")  # "described the talks as…", "described hearing…"

