"""Sentence labels from evidence, and the detector's results put together in order.

A sentence carries a label when some evidence has it; labels are listed in the
vocabulary's order (:data:`medialit.vocabulary.SENTENCE_LABELS`).

>>> ev = [Evidence("hedge", "hedge_word", "", 5, 8), Evidence("attribution", "reporting_verb", "", 0, 4)]
>>> sentence_labels(ev), sentence_labels([])
(('attribution', 'hedge'), ())
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter

from medialit.articles import Article, Sentence
from medialit.cues import Lexicons
from medialit.detect.results import Analysis, Evidence, SentenceAnalysis
from medialit.detect.state import SentenceState
from medialit.vocabulary import SENTENCE_LABELS

LABEL_RANK = {lab: i for i, lab in enumerate(SENTENCE_LABELS)}

# Sort keys for results: attrgetter builds the same tuple as ``lambda x: (x.start, x.end)``
# but in C, which matters when sorting every cue of every sentence.
BY_SPAN = attrgetter("start", "end")
BY_SPAN_LABEL = attrgetter("start", "end", "label")


def sentence_labels(evidence: Iterable[Evidence]) -> tuple[str, ...]:
    """The labels the evidence gives a sentence, in the vocabulary's order."""
    have = {e.label for e in evidence}
    return tuple([lab for lab in SENTENCE_LABELS if lab in have]) if have else ()


def sentence_result(st: SentenceState) -> SentenceAnalysis:
    """What was found in one sentence: labels, and evidence, cues (one per span and label),
    sources and switched-off matches in text order."""
    labels = sentence_labels(st.evidence)
    cues = st.cues
    if len(cues) > 1:
        # one cue per span and label; after sorting, repeats are next to each other
        cues = []
        last = None
        for c in sorted(st.cues, key=BY_SPAN_LABEL):
            k = (c.start, c.end, c.label)
            if k != last:
                last = k
                cues.append(c)
    ev = st.evidence
    if len(ev) > 1:
        ev = sorted(ev, key=lambda e: (LABEL_RANK[e.label], e.start, e.end))
    srcs = st.sources
    if len(srcs) > 1:
        srcs = sorted(srcs, key=BY_SPAN)
    sup = st.suppressed
    if len(sup) > 1:
        sup = sorted(sup, key=BY_SPAN)
    return SentenceAnalysis(st.s, labels, tuple(ev), tuple(cues), tuple(srcs), tuple(sup))


def joined_pieces(s: Sentence, parts: Sequence[SentenceAnalysis]) -> SentenceAnalysis:
    """One result for a very long sentence read in pieces: everything the pieces found."""
    evidence = tuple(e for p in parts for e in p.evidence)
    return SentenceAnalysis(s, sentence_labels(evidence), evidence,
                            tuple(c for p in parts for c in p.cues),
                            tuple(x for p in parts for x in p.sources),
                            tuple(x for p in parts for x in p.suppressed))


def article_result(article: Article, results: Sequence[SentenceAnalysis], lex: Lexicons) -> Analysis:
    """The analysis of an article from its sentences' results; the article-wide cues,
    sources and switched-off matches in text order."""
    all_cues = []
    all_sources = []
    all_sup = []
    for sa in results:
        all_cues.extend(sa.cues)
        all_sources.extend(sa.sources)
        all_sup.extend(sa.suppressed)
    all_cues.sort(key=BY_SPAN_LABEL)
    all_sources.sort(key=BY_SPAN)
    all_sup.sort(key=BY_SPAN)
    return Analysis(article, tuple(results), tuple(all_cues), tuple(all_sources), tuple(all_sup),
                    lexicons=lex)
