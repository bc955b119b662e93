"""The post-test in the class view: each learner's reading of the new article beside their lessons.

The unit ends with a short test on an article written for the kit that learners have not
seen before (its metadata says ``"role": "post-test"``, :func:`medialit.articles.article_role`).
Here each learner's sentence labels are scored against the key twice, per label and
overall, exactly as :func:`~medialit.classroom.statistics.learner_scores` scores them: once
on the lesson articles (the seeds) and once on the post-test, so a teacher sees whether the
reading carries over to a new text.

>>> unit_part("000_b7d55dfd4cdbabc3"), unit_part("kit01_phone_ban")
('lessons', 'post-test')
"""

from __future__ import annotations

import statistics as stats
from dataclasses import replace

from medialit.articles import article_role
from medialit.classroom.load import ClassData
from medialit.classroom.statistics import ClassReport, LearnerScore, learner_scores
from medialit.vocabulary import SENTENCE_LABELS
from medialit.wording import plural

#: The two parts of the unit a learner's marks are scored in, in the order the class view shows them.
PARTS = ("lessons", "post-test")


def unit_part(article_id: str) -> str:
    """``"post-test"`` for the post-test article, ``"lessons"`` for every other article."""
    return "post-test" if article_role(article_id) == "post-test" else "lessons"


def post_test_ids(data: ClassData) -> list[str]:
    """The post-test articles the class has records for (none before the test is taken)."""
    return [aid for aid in data.articles if unit_part(aid) == "post-test"]


def scores_by_part(data: ClassData) -> dict[str, list[LearnerScore]]:
    """Each learner's scores against the key, per label and ``overall``, on the lessons and on the post-test.

    A part with no records (or no key) has no scores: ``[]``.
    """
    out = {}
    for part in PARTS:
        articles = {aid: art for aid, art in data.articles.items() if unit_part(aid) == part}
        out[part] = learner_scores(replace(data, articles=articles))
    return out


def _f1(x: float | None):
    return None if x is None else round(float(x), 4)


def post_test_rows(report: ClassReport, pseudonyms: bool = False) -> list[dict]:
    """One row per learner who took the post-test and per label (then ``overall``): F1 on the lessons and
    on the post-test, and the post-test's counts (sentences found, missed and marked without the key)."""
    parts = scores_by_part(report.data)
    name = report.data.namer(pseudonyms)
    lessons = {(s.learner, s.label): s for s in parts["lessons"]}
    rows = []
    for s in parts["post-test"]:
        before = lessons.get((s.learner, s.label))
        rows.append({"learner": name(s.learner), "label": s.label,
                     "lessons_articles": before.articles if before else 0,
                     "lessons_f1": _f1(before.f1) if before else None,
                     "post_test_f1": _f1(s.f1), "post_test_found": s.tp, "post_test_missed": s.fn,
                     "post_test_extra": s.fp})
    if pseudonyms:
        rows.sort(key=lambda r: (r["learner"], r["label"] == "overall"))
    return rows


def post_test_table(report: ClassReport, pseudonyms: bool = False):
    """:func:`post_test_rows` as a pandas DataFrame (for the notebook)."""
    import pandas as pd

    return pd.DataFrame.from_records(post_test_rows(report, pseudonyms))


def _median(scores: list[LearnerScore], label: str) -> float | None:
    values = [s.f1 for s in scores if s.label == label and s.f1 is not None]
    return stats.median(values) if values else None


def post_test_lines(report: ClassReport) -> list[str]:
    """The post-test in the summary's words: per label, the learners' median F1 on the lessons and on
    the post-test (no lines when nobody has taken it)."""
    ids = post_test_ids(report.data)
    parts = scores_by_part(report.data)
    if not ids or not parts["post-test"]:
        return []
    took = len({s.learner for s in parts["post-test"]})
    head = (f"Post-test ({', '.join(ids)}; {plural(took, 'learner')}): median F1 against "
            f"the key per label, on the lessons and on the post-test:")
    lines = [head]
    for label in (*SENTENCE_LABELS, "overall"):
        before, after = _median(parts["lessons"], label), _median(parts["post-test"], label)
        cells = ["    –" if v is None else f"{v:5.2f}" for v in (before, after)]
        lines.append(f"  {label:<12} lessons {cells[0]}   post-test {cells[1]}")
    return lines
