"""The detector against the expert answer key: precision, recall and F1 per label,
and every disagreement with the key's rationale.

Sentences are matched by their offsets: the detector's sentences that lie mostly
inside a key sentence give it their labels, so a slightly different sentence split
does not count as a mistake. Sources are matched when their spans overlap.

The numbers are reported as they are. The key is never adjusted to the detector.

This module scores the seed articles (``evaluate``), which the detector was developed
on. :func:`score_against_key` scores any reading (the detector's, a baseline's, a second
reader's key) the same way; :mod:`medialit.development_set` uses it to score the
development set of original articles.

>>> ev = evaluate_article("000_b7d55dfd4cdbabc3")
>>> sorted(ev.scores)[:2]
['attribution', 'booster']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from medialit.alignment import bounds, matching, overlaps
from medialit.answer_key import AnswerKey, answer_key_ids, load_answer_key
from medialit.articles import load_article, seed_ids, seed_path
from medialit.detect import analyze
from medialit.vocabulary import SENTENCE_LABELS, SOURCE_TYPES


class PRF:
    """Precision, recall and F1 from the counts ``tp``, ``fp`` and ``fn`` of a dataclass."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2·TP / (2·TP + FP + FN): 0 when nothing right was found, None only when there was
        nothing to find and nothing was marked."""
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None


@dataclass(frozen=True)
class Score(PRF):
    """Counts for one label (or for sources), with precision, recall and F1.

    >>> Score("hedge", tp=3, fp=1, fn=1).f1
    0.75
    """

    label: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.label, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Disagreement:
    """A sentence (or source) where the detector and the key differ."""

    article_id: str
    kind: str          # "missed" (in the key, not found) or "extra" (found, not in the key)
    label: str         # a sentence label, or "source"
    paragraph: int | None
    part: str
    start: int
    end: int
    text: str
    why: str           # the key's rationale for a miss; the detector's rule for an extra


@dataclass
class Evaluation:
    article_ids: list[str]
    scores: dict[str, Score]
    sources: Score
    source_types_agree: int = 0
    source_types_compared: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """The mean F1 over the five sentence labels and sources (a label with nothing to find
        and nothing found is left out).

        >>> round(evaluate().macro_f1, 2) > 0.5
        True
        """
        fs = [s.f1 for s in [*self.scores.values(), self.sources] if s.f1 is not None]
        return sum(fs) / len(fs) if fs else 0.0

    def __add__(self, other: "Evaluation") -> "Evaluation":
        return Evaluation(
            self.article_ids + other.article_ids,
            {lab: self.scores[lab] + other.scores[lab] for lab in SENTENCE_LABELS},
            self.sources + other.sources,
            self.source_types_agree + other.source_types_agree,
            self.source_types_compared + other.source_types_compared,
            self.disagreements + other.disagreements,
        )

    def to_dict(self) -> dict:
        def row(s: Score) -> dict:
            return {"label": s.label, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                    "precision": s.precision, "recall": s.recall, "f1": s.f1}
        return {
            "articles": self.article_ids,
            "labels": [row(self.scores[lab]) for lab in SENTENCE_LABELS],
            "sources": row(self.sources),
            "source_type_agreement": {"agree": self.source_types_agree,
                                      "compared": self.source_types_compared},
            "macro_f1": self.macro_f1,
            "disagreements": [d.__dict__ for d in self.disagreements],
        }

    def table(self) -> str:
        """The scores as a plain-text table."""
        def fmt(x: float | None) -> str:
            return "   –" if x is None else f"{x:4.2f}"
        lines = [f"{'label':<12} {'key':>4} {'found':>5} {'agree':>5} {'prec':>5} {'recall':>6} {'F1':>5}"]
        for lab in SENTENCE_LABELS:
            s = self.scores[lab]
            lines.append(f"{lab:<12} {s.tp + s.fn:>4} {s.tp + s.fp:>5} {s.tp:>5} "
                         f"{fmt(s.precision):>5} {fmt(s.recall):>6} {fmt(s.f1):>5}")
        s = self.sources
        lines.append(f"{'sources':<12} {s.tp + s.fn:>4} {s.tp + s.fp:>5} {s.tp:>5} "
                     f"{fmt(s.precision):>5} {fmt(s.recall):>6} {fmt(s.f1):>5}")
        lines.append(f"source types agree on {self.source_types_agree} of "
                     f"{self.source_types_compared} sources found by both")
        return "\n".join(lines)


def evaluate_article(article_id: str, lexicons=None) -> Evaluation:
    """Score the detector on one seed article against its key."""
    key = load_answer_key(article_id)
    article = load_article(seed_path(article_id))
    analysis = analyze(article, lexicons)
    return score_against_key(key, analysis)


def score_against_key(key: AnswerKey, analysis, sources: bool = True) -> Evaluation:
    """The analysis (or any reading with sentences, labels and sources, such as a baseline's)
    scored against the key, unit by unit, and on sources unless ``sources`` is false (part of
    a key: the article's sources cannot be cut to its units)."""
    scores = {lab: Score(lab) for lab in SENTENCE_LABELS}
    out: list[Disagreement] = []
    for unit in key.units:
        matched = matching(unit, analysis.sentences)      # the detector's sentences that mostly overlap it
        found = {lab for sa in matched for lab in sa.labels}
        for lab in SENTENCE_LABELS:
            in_key = lab in unit.label_set
            hit = lab in found
            scores[lab] += Score(lab, tp=int(in_key and hit), fp=int(hit and not in_key),
                                 fn=int(in_key and not hit))
            if in_key != hit:
                if in_key:
                    why = f"key: {unit.rationale(lab)}"
                else:
                    ev = [e for sa in matched for e in sa.evidence if e.label == lab]
                    why = "detector: " + "; ".join(
                        f"{e.rule} on {analysis.article.text[e.start:e.end]!r}" for e in ev[:3])
                    if unit.note:
                        why += f" | key note: {unit.note}"
                out.append(Disagreement(key.article_id, "missed" if in_key else "extra", lab,
                                        unit.paragraph, unit.part, unit.start, unit.end, unit.text, why))

    # Sources: a key source is found when a detector source overlaps it.
    src = Score("sources")
    agree = compared = 0
    if not sources:
        return Evaluation([key.article_id], scores, src, agree, compared, out)
    used = set()
    for ks in key.sources:
        hits = [i for i, ds in enumerate(analysis.sources) if overlaps(bounds(ks), bounds(ds))]
        if hits:
            src += Score("sources", tp=1)
            used.update(hits)
            ds = analysis.sources[hits[0]]
            compared += 1
            agree += int(ds.type == ks.type)
            if ds.type != ks.type:
                out.append(Disagreement(key.article_id, "type", "source", None, "", ks.start, ks.end,
                                        ks.text, f"key: {ks.type}; detector: {ds.type} ({ds.text!r})"))
        else:
            src += Score("sources", fn=1)
            out.append(Disagreement(key.article_id, "missed", "source", None, "", ks.start, ks.end,
                                    ks.text, f"key: {ks.type}" + (f" ({ks.note})" if ks.note else "")))
    for i, ds in enumerate(analysis.sources):
        if i not in used:
            src += Score("sources", fp=1)
            out.append(Disagreement(key.article_id, "extra", "source", None, "", ds.start, ds.end,
                                    ds.text, f"detector: {ds.type} by {ds.rule}"))
    return Evaluation([key.article_id], scores, src, agree, compared, out)


def evaluate(article_ids: list[str] | None = None, lexicons=None) -> Evaluation:
    """Score the detector on every seed article that has a key, pooled over articles (the articles
    written for the kit, such as the post-test, are not the detector's: name them to score them)."""
    ids = article_ids or [i for i in answer_key_ids() if i in seed_ids()]
    parts = [evaluate_article(i, lexicons) for i in ids]
    total = parts[0]
    for ev in parts[1:]:
        total = total + ev
    return total


def source_comparison(key: AnswerKey, analysis) -> list[dict]:
    """Each source of the key beside the type the detector gives it (the first detector
    source that overlaps it, as in the scores above), or "not found"; rows for a table.

    >>> from medialit.articles import seed_article
    >>> rows = source_comparison(load_answer_key("000_b7d55dfd4cdbabc3"), analyze(seed_article("000")))
    >>> rows[0]
    {'source (key)': 'Russia', 'key': 'institution', 'detector': 'institution'}
    """
    rows = []
    for ks in key.sources:
        found = [ds for ds in analysis.sources if overlaps(bounds(ks), bounds(ds))]
        rows.append({"source (key)": ks.text, "key": ks.type.replace("_", " "),
                     "detector": found[0].type.replace("_", " ") if found else "not found"})
    return rows


__all__ = ["Score", "Disagreement", "Evaluation", "evaluate", "evaluate_article", "score_against_key",
           "source_comparison", "SOURCE_TYPES"]
