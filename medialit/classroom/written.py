"""The class's written answers and quiz tries: who wrote what next to their marks, and first-try accuracy.

Both come from the learners' records (``ClassData.work``, see :func:`medialit.classroom.load.load_class`).
A quiz try is graded again here with :func:`medialit.selfcheck.check`, so the class view needs no
answers stored in the records; a try at a question the kit no longer has is not graded (it is
counted in ``ungraded``). A learner's **first try** at a question is the first choice they made in
it; later tries show whether they found the answer after the feedback.

>>> first_try_share(3, 4), first_try_share(0, 0)
(0.75, None)
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.classroom.load import ClassData
from medialit.selfcheck import check, questions
from medialit.tasks import written_tasks


@dataclass(frozen=True)
class WrittenAnswerRow:
    """One learner's answer to one written task, with their marks on its article beside it."""

    learner: str
    task: str
    lesson: str
    article: str
    answer: str
    saved: str
    words: int
    marks_on_article: int | None      # None: the learner did not mark that article
    f1_overall: float | None          # the learner's F1 against the key over all labels (None: undefined)


@dataclass(frozen=True)
class QuestionTries:
    """One question: how many learners tried it, how many were right at the first try, and in the end."""

    question: str
    article: str
    learners: int
    right_first: int
    right_in_the_end: int
    tries: int

    @property
    def first_try_accuracy(self) -> float | None:
        return first_try_share(self.right_first, self.learners)


@dataclass(frozen=True)
class LearnerTries:
    """One learner: how many questions they tried and how many they got right at the first try."""

    learner: str
    questions: int
    right_first: int
    tries: int

    @property
    def first_try_accuracy(self) -> float | None:
        return first_try_share(self.right_first, self.questions)


def first_try_share(right: int, tried: int) -> float | None:
    """The share right at the first try (None when nobody tried)."""
    return right / tried if tried else None


def lowest_first(rows: list[QuestionTries], top: int) -> list[QuestionTries]:
    """The ``top`` questions with the lowest first-try accuracy, lowest first (ties by question id):
    the order the summary and the plot show them in."""
    return sorted(rows, key=lambda q: (q.first_try_accuracy, q.question))[:top]


def written_answer_rows(data: ClassData, f1: dict[str, float | None] | None = None) -> list[WrittenAnswerRow]:
    """Every written answer, by learner then task (in the task file's order; unknown tasks last)."""
    order = {t: i for i, t in enumerate(written_tasks())}
    marks = {(r.annotator, a.article_id): len(r.spans) for a in data.articles.values() for r in a.records}
    f1 = f1 or {}
    rows = []
    for rec in data.work:
        for ans in rec.answers:
            t = written_tasks().get(ans.task)
            rows.append(WrittenAnswerRow(rec.annotator, ans.task, t.lesson if t else "", rec.article_id, ans.text,
                                         ans.saved, len(ans.text.split()), marks.get((rec.annotator, rec.article_id)),
                                         f1.get(rec.annotator)))
    rows.sort(key=lambda r: (r.learner, order.get(r.task, len(order)), r.task))
    return rows


def _graded(data: ClassData):
    """(learner, article, question, [right or wrong per try, in order]) for every known choice question tried."""
    known = questions()
    ungraded = 0
    out = []
    for rec in data.work:
        seen: dict[str, list[bool]] = {}
        for a in rec.attempts:
            q = known.get(a.question)
            if q is None or q.kind != "choice":
                ungraded += 1
                continue
            seen.setdefault(a.question, []).append(check(a.question, a.choice).right)
        out += [(rec.annotator, rec.article_id, qid, verdicts) for qid, verdicts in seen.items()]
    return out, ungraded


def question_tries(data: ClassData) -> tuple[list[QuestionTries], int]:
    """First-try accuracy per question (in lesson order), and the number of tries that could not be graded."""
    graded, ungraded = _graded(data)
    by_q: dict[tuple[str, str], list[list[bool]]] = {}
    for _, article, qid, verdicts in graded:
        by_q.setdefault((qid, article), []).append(verdicts)
    order = {q: i for i, q in enumerate(questions())}
    rows = [QuestionTries(qid, article, len(vs), sum(v[0] for v in vs), sum(any(v) for v in vs),
                          sum(len(v) for v in vs))
            for (qid, article), vs in by_q.items()]
    rows.sort(key=lambda r: (order.get(r.question, len(order)), r.article))
    return rows, ungraded


def learner_tries(data: ClassData) -> list[LearnerTries]:
    """First-try accuracy per learner, over every question they tried (by learner name)."""
    graded, _ = _graded(data)
    by_l: dict[str, list[list[bool]]] = {}
    for learner, _, _, verdicts in graded:
        by_l.setdefault(learner, []).append(verdicts)
    return [LearnerTries(name, len(vs), sum(v[0] for v in vs), sum(len(v) for v in vs))
            for name, vs in sorted(by_l.items())]
