"""The class's statistics: per sentence and label, per label (agreement), per learner
(against the key), the detector's labels beside them, and the sentences worth discussing.

:func:`class_statistics` says, per sentence and label, how many learners marked it,
what the class as a whole decided (the majority), whether that matches the expert
answer key, how well the class agrees per label (Fleiss' kappa and Krippendorff's
alpha) and how each learner's labels compare with the key (precision, recall, F1).
numpy is imported inside the functions that need it (a light ``import medialit``).

>>> stat = SentenceLabelStat("000", 5, "body", 2, "hedge", marked=3, learners=4, consensus=True, key=False)
>>> stat.share, stat.disagreement, stat.matches_key
(0.75, 0.5, False)
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.alignment import labels_from, matching
from medialit.answer_key import AnswerKeyError, load_answer_key
from medialit.classroom.agreement import (DEGENERATE, LabelAgreement, cohen_kappa, describe_agreement,
                                          label_agreement)
from medialit.classroom.load import LABEL_INDEX, ClassData
from medialit.classroom.written import lowest_first, question_tries
from medialit.detect import analyze
from medialit.evaluate import PRF
from medialit.vocabulary import ALL_ARTICLES, SENTENCE_LABELS
from medialit.wording import plural


@dataclass(frozen=True)
class SentenceLabelStat:
    """One sentence and one label: how the class decided, next to the key.

    ``consensus`` is True when more than half of the learners marked it, False when
    fewer than half did, None on an exact tie. ``disagreement`` is 0 when everyone
    decided the same and 1 when the class split half and half (2 × the minority share).
    """

    article_id: str
    sentence: int
    part: str
    paragraph: int | None
    label: str
    marked: int
    learners: int
    consensus: bool | None
    key: bool | None

    @property
    def share(self) -> float:
        return self.marked / self.learners if self.learners else 0.0

    @property
    def disagreement(self) -> float:
        p = self.share
        return 2 * min(p, 1 - p)

    @property
    def matches_key(self) -> bool | None:
        if self.key is None or self.consensus is None:
            return None
        return self.consensus == self.key


@dataclass(frozen=True)
class SentenceStat:
    """One sentence: its most disputed label and the share of learners marking each label."""

    article_id: str
    sentence: int
    part: str
    paragraph: int | None
    text: str
    learners: int
    shares: dict
    consensus: tuple[str, ...]
    key: tuple[str, ...] | None
    disputed_label: str
    disagreement: float


@dataclass(frozen=True)
class LearnerScore(PRF):
    """One learner's sentence labels against the key, for one label or ``"overall"`` (pooled)."""

    learner: str
    label: str
    articles: int
    tp: int
    fp: int
    fn: int


@dataclass
class ClassReport:
    """All statistics of a class (see :func:`class_statistics`)."""

    data: ClassData
    labels: list[SentenceLabelStat]
    sentences: list[SentenceStat]
    agreement: list[LabelAgreement]
    scores: list[LearnerScore]

    def disputed(self, top: int = 8, minimum: float = 0.0) -> list[SentenceStat]:
        """The sentences where the class is split most evenly on some label."""
        ranked = sorted(self.sentences, key=lambda s: (-s.disagreement, s.article_id, s.sentence))
        return [s for s in ranked if s.disagreement > minimum][:top]

    def agreement_on(self, article_id: str) -> list[LabelAgreement]:
        """Agreement per label on one article (or :data:`~medialit.vocabulary.ALL_ARTICLES`)."""
        return [a for a in self.agreement if a.article_id == article_id]

    def overall_f1(self) -> dict[str, float | None]:
        """Each learner's F1 over all labels against the key (None where undefined)."""
        return {s.learner: s.f1 for s in self.scores if s.label == "overall"}

    def question_tries(self) -> list:
        """First-try accuracy per multiple-choice question (see :func:`medialit.classroom.written.question_tries`)."""
        return question_tries(self.data)[0]

    def hardest_questions(self, top: int) -> list:
        """The ``top`` quiz questions with the lowest first-try accuracy, lowest first."""
        return lowest_first(self.question_tries(), top)

    def discussion_points(self, top: int = 5) -> list[DiscussionPoint]:
        """The :meth:`disputed` sentences with the answer key's word on each (see :func:`discussion_points`)."""
        return discussion_points(self, top)


def pair_agreement(data: ClassData, a: str, b: str, label: str | None = None) -> list[tuple[str, float | None, str]]:
    """Cohen's kappa between two learners, per label, on the sentences of the articles both did.

    Returns ``(label, kappa or None, words)`` for each label (or the one asked for).
    """
    labels = [label] if label else list(SENTENCE_LABELS)
    out = []
    for lab in labels:
        k = LABEL_INDEX[lab]
        xa, xb = [], []
        for art in data.articles.values():
            if a in art.learners and b in art.learners:
                xa += art.marks[art.learners.index(a), :, k].tolist()
                xb += art.marks[art.learners.index(b), :, k].tolist()
        if not xa:
            out.append((lab, None, "these two learners did not annotate the same article"))
            continue
        value = cohen_kappa(xa, xb)
        if value is None:
            reason = "nobody" if not any(xa) else "same-value"
            words = ("neither marked this label anywhere: kappa is undefined; agreement is perfect"
                     if reason == "nobody" else DEGENERATE["same-value"])
        else:
            words = describe_agreement(value)
        out.append((lab, value, words))
    return out


def class_statistics(data: ClassData) -> ClassReport:
    """Per sentence and label, per label, and per learner: everything the class view shows."""
    import numpy as np

    labels: list[SentenceLabelStat] = []
    sentences: list[SentenceStat] = []
    agreement: list[LabelAgreement] = []
    pooled_marked: list = []
    pooled_raters: list = []
    for aid, art in data.articles.items():
        n = len(art.learners)
        counts = art.counts                                   # (S, K)
        share = counts / n if n else np.zeros(counts.shape)
        disagree = 2 * np.minimum(share, 1 - share)
        for s in art.article.sentences:
            i = s.index
            cons = []
            for k, lab in enumerate(SENTENCE_LABELS):
                c = int(counts[i, k])
                consensus = None if 2 * c == n else (2 * c > n)
                if consensus:
                    cons.append(lab)
                key = None if art.key is None else bool(art.key[i, k])
                labels.append(SentenceLabelStat(aid, i, s.part, s.paragraph, lab, c, n, consensus, key))
            top = int(np.argmax(disagree[i])) if len(SENTENCE_LABELS) else 0
            sentences.append(SentenceStat(
                aid, i, s.part, s.paragraph, s.text, n,
                {lab: float(share[i, k]) for k, lab in enumerate(SENTENCE_LABELS)}, tuple(cons),
                None if art.key is None else tuple(l for k, l in enumerate(SENTENCE_LABELS) if art.key[i, k]),
                SENTENCE_LABELS[top], float(disagree[i, top])))
        raters = np.full(counts.shape[0], n)
        for k, lab in enumerate(SENTENCE_LABELS):
            agreement.append(label_agreement(aid, counts[:, k], raters, lab))
        pooled_marked.append(counts)
        pooled_raters.append(raters)
    if len(data.articles) > 1:
        marked = np.concatenate(pooled_marked)
        raters = np.concatenate(pooled_raters)
        for k, lab in enumerate(SENTENCE_LABELS):
            agreement.append(label_agreement(ALL_ARTICLES, marked[:, k], raters, lab, len(data.learners)))
    return ClassReport(data, labels, sentences, agreement, learner_scores(data))


def learner_scores(data: ClassData) -> list[LearnerScore]:
    """Each learner's sentence labels against the key: per label and ``overall``, pooled over articles."""
    import numpy as np

    totals: dict[str, list] = {}
    for art in data.articles.values():
        if art.key is None:
            continue
        key = art.key[None, :, :]
        tp = (art.marks & key).sum(axis=1)                  # (L, K)
        fp = (art.marks & ~key).sum(axis=1)
        fn = (~art.marks & key).sum(axis=1)
        for i, name in enumerate(art.learners):
            t = totals.setdefault(name, [0, np.zeros(len(SENTENCE_LABELS), dtype=np.int64),
                                         np.zeros(len(SENTENCE_LABELS), dtype=np.int64),
                                         np.zeros(len(SENTENCE_LABELS), dtype=np.int64)])
            t[0] += 1
            t[1] += tp[i]
            t[2] += fp[i]
            t[3] += fn[i]
    out = []
    for name in sorted(totals):
        n, tp, fp, fn = totals[name]
        for k, lab in enumerate(SENTENCE_LABELS):
            out.append(LearnerScore(name, lab, n, int(tp[k]), int(fp[k]), int(fn[k])))
        out.append(LearnerScore(name, "overall", n, int(tp.sum()), int(fp.sum()), int(fn.sum())))
    return out


def detector_labels(article) -> tuple[object | None, str]:
    """The detector's labels per sentence (bool array sentences × labels), or None and why not.

    Runs :func:`medialit.detect.analyze`; a detector sentence gives its labels to the
    article sentence it mostly overlaps (:func:`medialit.alignment.labels_from`).
    """
    import numpy as np

    try:
        analysis = analyze(article)
    except Exception as exc:  # the detector is optional for the class view
        return None, f"the detector is not available ({type(exc).__name__}: {exc})"
    found = list(analysis.sentences)
    out = np.zeros((len(article.sentences), len(SENTENCE_LABELS)), dtype=bool)
    for s in article.sentences:
        for lab in labels_from(s, found, lambda sa: sa.labels):
            if lab in LABEL_INDEX:
                out[s.index, LABEL_INDEX[lab]] = True
    return out, ""


# ---------------------------------------------------------------------------
# Sentences to discuss with the class
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DiscussionPoint:
    """A disputed sentence to talk over with the class, with what the answer key says.

    ``share`` of the ``learners`` marked the sentence with ``label``; ``in_key`` is
    whether the key has that label there (None: the article has no answer key), and
    ``key_says`` the key's reasons when it has it. ``str()`` is the note in plain text.
    """

    article_id: str
    sentence: int
    where: str
    share: float
    learners: int
    label: str
    text: str
    in_key: bool | None
    key_says: str = ""

    def __str__(self) -> str:
        if self.in_key is None:
            key = "this article has no answer key."
        elif self.in_key:
            key = "yes. " + self.key_says if self.key_says else "yes."
        else:
            key = f"no {self.label} here."
        return (f"{self.article_id[:3]}, sentence {self.sentence} ({self.where}): "
                f"{round(100 * self.share)}% of {plural(self.learners, 'learner')} marked it {self.label}.\n"
                f"   “{self.text}”\n"
                f"   Key: {key}\n"
                f"   Ask: what in this sentence makes it {self.label}, or not?")


def discussion_points(report: ClassReport, top: int = 5) -> list[DiscussionPoint]:
    """The ``top`` most disputed sentences (:meth:`ClassReport.disputed`), each with its most
    disputed label and, when the answer key has that label there, the key's reasons (from
    the key units that mostly overlap the sentence, as :func:`medialit.alignment.matching` says).
    """
    out = []
    for s in report.disputed(top=top):
        article = report.data.articles[s.article_id].article
        in_key = None if s.key is None else s.disputed_label in s.key
        reasons: list[str] = []
        if in_key:
            try:
                units = load_answer_key(s.article_id).units
            except (AnswerKeyError, OSError):
                units = []
            for u in matching(article.sentences[s.sentence], units):
                why = u.rationale(s.disputed_label) if s.disputed_label in u.label_set else None
                if why and why not in reasons:
                    reasons.append(why)
        where = s.part if s.paragraph is None else f"paragraph {s.paragraph}"
        out.append(DiscussionPoint(s.article_id, s.sentence, where, s.shares[s.disputed_label], s.learners,
                                   s.disputed_label, s.text, in_key, " ".join(reasons)))
    return out
