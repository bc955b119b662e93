"""Documents as sources: *A new poll shows…*, *the report found…*, *a survey of teachers in
England showed…*. A document, poll or study doing the showing or finding is where the
information comes from; it is typed institution, as it speaks for whoever made it.

>>> from medialit.articles import parse_article
>>> from medialit.detect import analyze
>>> an = analyze(parse_article("Head\\n\\nA survey of 400 parents in the town found little support.\\n"))
>>> [(e.rule, e.text) for e in an.sentences[1].evidence], [(s.text, s.type) for s in an.sources]
([('evidence_verb', 'found')], [('A survey of 400 parents in the town', 'institution')])
>>> an = analyze(parse_article("Head\\n\\nIf the tests show a leak, the pipe will be replaced.\\n"))
>>> [(x.text, x.rule) for x in an.sentences[1].suppressed if x.label == "attribution"]
[('show', 'hypothetical_finding')]
"""

from __future__ import annotations

from medialit.datafiles import one_of, read_table, words
from medialit.detect.cues import Hit
from medialit.detect.phrases import ATTRIBUTION_DATA, DOCUMENT_NOUNS
from medialit.detect.rules import RULES
from medialit.detect.sources import add_attribution, add_source
from medialit.detect.state import SentenceState
from medialit.detect.text import CLAUSE_BREAK, DET_END, PRONOUN_SUBJ, STOP_LOWER, comma_in_number, tokens


def _document_joiners() -> tuple[frozenset[str], frozenset[str]]:
    """The words of ``document_joiners.csv``, and those of them that are prepositions."""
    rows = read_table(ATTRIBUTION_DATA / "document_joiners.csv", ("word", "kind", "explanation"))
    kinds = {r["word"]: one_of(r, "kind", ("preposition", "determiner"), f"document_joiners.csv:{r['line']}")
             for r in rows}
    return frozenset(kinds), frozenset(w for w, k in kinds.items() if k == "preposition")


#: Words that may stand inside a document's description (a survey *by the* council), and the
#: prepositions among them, which start a phrase of their own (a survey *of* teachers *in* England).
DOC_JOINERS, DOC_PREPOSITIONS = _document_joiners()
#: Words before a document that make its finding a supposition (*If* the tests show…).
HYPOTHETICAL_OPENERS = words(ATTRIBUTION_DATA / "hypothetical_openers.csv")
#: Words between a document and its verb (the report *also* found, studies *have* found).
EVIDENCE_SKIP = words(ATTRIBUTION_DATA / "evidence_skip.csv")


def evidence_verb(st: SentenceState, h: Hit) -> bool:
    """*A new poll shows…*, *the report found…*: a verb whose subject is a document, poll
    or study (``document_nouns.csv``); the document is the source (typed institution).
    Returns whether a document was found."""
    text = st.text
    toks = tokens(text, max(st.s.start, h.start - 160), h.start)
    k = len(toks) - 1
    while k >= 0 and toks[k].low in EVIDENCE_SKIP:
        k -= 1
    end = k
    if k >= 0 and toks[k].low in DET_END:
        return False  # "reading out the names of the farms": after "the" the word is a noun
    if k >= 0 and toks[k].low == "to":
        return False  # "expects the review to show", "a study to find out": an infinitive, not the document's verb
    if k >= 0 and toks[k].text == ",":  # "The report, written by X, also found": X belongs to the source
        j = k - 1
        while j >= 0 and toks[j].text not in CLAUSE_BREAK:
            j -= 1
        if j >= 1 and toks[j].text == "," and (toks[j + 1].low.endswith(("ed", "ing", "en")) or toks[j + 1].low in
                                               ("which", "published", "written", "released")):
            end = k - 1
            k = j - 1
        elif j >= 1 and toks[j].text == "," and (_short_aside(toks[j + 1:k]) or toks[j + 1].low in ("a", "an")):
            end = k = j - 1  # "Rate books, however, show"; "The statement, a 900-page document, shows"
    doc = -1
    n = 0
    while k >= 0 and n < 14:
        t = toks[k]
        if t.text == "." and k > 0 and toks[k - 1].low in st.art.abbrev:  # "A U.N. report"
            k -= 1
            continue
        if t.text == "," and comma_in_number(toks, k):
            k -= 1  # "a survey of 2,000 adults": a comma inside a number
            continue
        if (t.low in PRONOUN_SUBJ and k > 0 and toks[k - 1].low in DOCUMENT_NOUNS and k + 1 <= end
                and toks[k + 1].low.endswith("ed")):
            k -= 1  # "a survey it published in October found": who made the document, inside its phrase
            n += 1
            continue
        if t.text in CLAUSE_BREAK or (t.low in STOP_LOWER and t.low not in DOC_JOINERS):
            break
        if (t.low in DOCUMENT_NOUNS and (t.text[:1].islower() or t.start in st.content_starts())
                and (k == end or _document_head(toks[k + 1]))):
            doc = k
        k -= 1
        n += 1
    if doc < 0 or toks[end].text == "," or any(
            t.low in DOC_PREPOSITIONS for t in toks[k + 1:doc]):
        return False  # "the man in the report found": the document is not the subject's head
    start = doc
    while start - 1 > k and (toks[start - 1].low in DET_END or toks[start - 1].low in DOC_JOINERS
                             or toks[start - 1].text[:1].isupper() or toks[start - 1].low.endswith(("’", "'"))
                             or toks[start - 1].low.endswith(("’s", "'s")) or toks[start - 1].low.isalpha()
                             or toks[start - 1].text == "."):
        start -= 1
    if toks[start].low in HYPOTHETICAL_OPENERS or (start > 0 and toks[start - 1].low in HYPOTHETICAL_OPENERS):
        st.suppress(h.start, h.end, "hypothetical_finding", RULES["hypothetical_finding"], "attribution")
        return True  # "If the tests show a leak, …": nothing has been shown yet
    a, b = toks[start].start, toks[end].end
    src = add_source(st, a, b, "document_source", f"{text[a:b]!r} shows or finds what is reported.")
    add_attribution(st, h.start, h.end, "evidence_verb", h.entry, h.entry.explanation, src)
    st.region_after(h.end)
    return True


def _short_aside(toks) -> bool:
    """Whether the words between two commas are a short aside of small lower-case words
    (*however*, *by contrast*, *in fact*) that stands between a document and its verb."""
    return 0 < len(toks) <= 3 and all(t.text.isalpha() and t.text.islower() for t in toks)


def _document_head(nxt) -> bool:
    """Whether a document word is the head of its phrase, judged by the word after it: a
    joiner (a survey *by*…), another document (survey *results*), a participle (a poll
    *commissioned* by…) or a name; not an ordinary noun (the report *card*, the survey *team*)."""
    w = nxt.low
    return (not (nxt.text[:1].islower() and w.isalpha()) or w in DOC_JOINERS or w in DOCUMENT_NOUNS
            or w in STOP_LOWER or w.endswith(("ed", "ing", "en", "wn")))  # shown, drawn up
