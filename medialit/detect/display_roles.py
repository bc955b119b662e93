"""Roles in the headline and dek: after every sentence has been read, a bare role there
(*Judge says…*, *Chief executive warns…*, *The minister says…*) stands for the person the
article names with the same role (*Judge Helena Strand*), so it is typed ``named_person``.

A headline is written after the story and squeezes names into roles; the body is where the
person is named. A role with *a* or *an* (*a hotel owner says*) stays as it was: it may be
someone the article never names.

>>> from medialit.detect import analyze
>>> an = analyze("Judge says treasurer betrayed the hospice\\n\\nJudge Helena Strand said the "
...              "treasurer had betrayed the volunteers.\\n")
>>> [(s.text, s.type, s.refers_to) for s in an.sources]
[('Judge', 'named_person', 'Judge Helena Strand'), ('Judge Helena Strand', 'named_person', None)]
"""

from __future__ import annotations

from collections.abc import Sequence

from medialit.detect.relative_heads import INDEFINITE
from medialit.detect.results import SentenceAnalysis, Source
from medialit.detect.sources import retyped
from medialit.detect.state import ArticleState

#: Where display text stands: the parts before the body.
DISPLAY_PARTS = ("headline", "dek")


def display_roles(results: Sequence[SentenceAnalysis], art: ArticleState) -> list[SentenceAnalysis]:
    """The sentences' results, with bare roles in the headline and dek typed as the person
    the article names with that role."""
    out = list(results)
    people = art.people.by_kind
    if not people:
        return out
    for i, sa in enumerate(results):
        if sa.sentence.part not in DISPLAY_PARTS or not sa.sources:
            continue
        sources = tuple(_named(s, art) for s in sa.sources)
        if sources != sa.sources:
            out[i] = SentenceAnalysis(sa.sentence, sa.labels, sa.evidence, sa.cues, sources, sa.suppressed)
    return out


def _named(s: Source, art: ArticleState) -> Source:
    """The source retyped as the person named with its role, or unchanged."""
    words = s.text.split()
    if s.type != "anonymous" or not words or words[0].lower() in INDEFINITE:
        return s
    kinds = [m.entry.kind for m in art.lex.find(s.text) if m.entry.label == "title"]
    person = next((art.people.by_kind[k] for k in kinds if k in art.people.by_kind), None)
    if person is None:
        return s
    return retyped(s, "named_person", f"a role in the headline or dek ({s.text!r}) stands for {person.text!r}, "
                   "whom the article names with that role", person.text)
