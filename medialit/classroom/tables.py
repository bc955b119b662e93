"""The class's statistics as tables: plain rows for CSV files, pandas DataFrames for notebooks.

pandas is imported only by the ``*_table`` functions. Every CSV cell goes through
:func:`spreadsheet_safe`, so no text cell is ever run as a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from medialit.annotate.storage import atomic_write_text
from medialit.classroom.load import ClassData
from medialit.classroom.statistics import ClassReport
from medialit.classroom.written import learner_tries, question_tries, written_answer_rows
from medialit.vocabulary import SENTENCE_LABELS


def _num(x: float | None, digits: int = 4):
    return None if x is None else round(float(x), digits)


def sentence_rows(report: ClassReport) -> list[dict]:
    """One row per sentence: shares per label, consensus, key, the most disputed label."""
    rows = []
    for s in report.sentences:
        row = {"article": s.article_id, "sentence": s.sentence, "part": s.part,
               "paragraph": s.paragraph, "learners": s.learners,
               "disagreement": _num(s.disagreement), "most_disputed_label": s.disputed_label}
        for lab in SENTENCE_LABELS:
            row[f"share_{lab}"] = _num(s.shares[lab])
        row["class_labels"] = ";".join(s.consensus)
        row["key_labels"] = None if s.key is None else ";".join(s.key)
        row["class_matches_key"] = None if s.key is None else (set(s.consensus) == set(s.key))
        row["text"] = s.text
        rows.append(row)
    return rows


def sentence_label_rows(report: ClassReport) -> list[dict]:
    """One row per sentence and label (long format)."""
    return [{"article": r.article_id, "sentence": r.sentence, "part": r.part, "paragraph": r.paragraph,
             "label": r.label, "marked": r.marked, "learners": r.learners, "share": _num(r.share),
             "class_consensus": r.consensus, "key": r.key, "consensus_matches_key": r.matches_key,
             "disagreement": _num(r.disagreement)} for r in report.labels]


def agreement_rows(report: ClassReport) -> list[dict]:
    """One row per article (and all articles) and label: the agreement measures and their words."""
    return [{"article": a.article_id, "label": a.label, "learners": a.learners, "sentences": a.sentences,
             "share_marked": _num(a.marked_share), "fleiss_kappa": _num(a.fleiss),
             "krippendorff_alpha": _num(a.alpha), "in_words": a.words} for a in report.agreement]


def score_rows(report: ClassReport, pseudonyms: bool = False) -> list[dict]:
    """One row per learner and label: true and false positives, misses, precision, recall, F1."""
    name = report.data.namer(pseudonyms)
    rows = [{"learner": name(s.learner), "label": s.label, "articles": s.articles, "tp": s.tp, "fp": s.fp,
             "fn": s.fn, "precision": _num(s.precision), "recall": _num(s.recall), "f1": _num(s.f1)}
            for s in report.scores]
    if pseudonyms:
        rows.sort(key=lambda r: (r["learner"], r["label"] == "overall"))
    return rows


def answer_rows(report: ClassReport, pseudonyms: bool = False) -> list[dict]:
    """One row per learner and written task: the answer, when saved, its length, the learner's marks beside it.

    With ``pseudonyms`` the learner column is a pseudonym; the answer is the learner's own text, unchanged.
    """
    name = report.data.namer(pseudonyms)
    rows = [{"learner": name(r.learner), "task": r.task, "lesson": r.lesson, "article": r.article,
             "words": r.words, "marks_on_article": r.marks_on_article, "f1_overall": _num(r.f1_overall),
             "saved": r.saved, "answer": r.answer}
            for r in written_answer_rows(report.data, report.overall_f1())]
    if pseudonyms:
        rows.sort(key=lambda r: (r["learner"], r["task"]))
    return rows


def question_try_rows(report: ClassReport) -> list[dict]:
    """One row per multiple-choice question: learners who tried it, right at the first try, in the end."""
    return [{"question": q.question, "article": q.article, "learners": q.learners, "right_first_try": q.right_first,
             "first_try_accuracy": _num(q.first_try_accuracy), "right_in_the_end": q.right_in_the_end,
             "tries": q.tries} for q in question_tries(report.data)[0]]


def learner_try_rows(report: ClassReport, pseudonyms: bool = False) -> list[dict]:
    """One row per learner: questions tried, right at the first try, their first-try accuracy."""
    name = report.data.namer(pseudonyms)
    rows = [{"learner": name(t.learner), "questions": t.questions, "right_first_try": t.right_first,
             "first_try_accuracy": _num(t.first_try_accuracy), "tries": t.tries} for t in learner_tries(report.data)]
    return sorted(rows, key=lambda r: r["learner"]) if pseudonyms else rows


def skipped_rows(data: ClassData) -> list[dict]:
    """Every file that was not counted, with the reason; then the files that were not read at all."""
    return ([{"file": s.name, "kind": s.kind, "reason": s.reason} for s in data.skipped] +
            [{"file": name, "kind": "not-read", "reason": "not a .json record or a .zip archive"}
             for name in data.ignored])


def _frame(rows: list[dict], columns_as_object: Sequence[str] = ()):
    import pandas as pd

    df = pd.DataFrame.from_records(rows)
    for c in columns_as_object:  # keep None (undefined) as None, not NaN
        if c in df:
            df[c] = pd.Series([r[c] for r in rows], dtype=object, index=df.index)
    return df


def sentence_table(report: ClassReport):
    """pandas DataFrame: one row per sentence (see :func:`sentence_rows`)."""
    return _frame(sentence_rows(report), ("key_labels", "class_matches_key", "paragraph"))


def sentence_label_table(report: ClassReport):
    """pandas DataFrame: one row per sentence and label."""
    return _frame(sentence_label_rows(report), ("class_consensus", "key", "consensus_matches_key", "paragraph"))


def agreement_table(report: ClassReport):
    """pandas DataFrame: agreement per article and label; undefined values stay None with words beside them."""
    return _frame(agreement_rows(report), ("fleiss_kappa", "krippendorff_alpha"))


def scores_table(report: ClassReport, pseudonyms: bool = False):
    """pandas DataFrame: per learner per label precision, recall and F1 against the key."""
    return _frame(score_rows(report, pseudonyms), ("precision", "recall", "f1"))


ANSWER_COLUMNS = ("learner", "task", "lesson", "article", "words", "marks_on_article", "f1_overall", "saved", "answer")
QUESTION_COLUMNS = ("question", "article", "learners", "right_first_try", "first_try_accuracy", "right_in_the_end",
                    "tries")
LEARNER_TRY_COLUMNS = ("learner", "questions", "right_first_try", "first_try_accuracy", "tries")


def _frame_of(rows: list[dict], columns: Sequence[str], as_object: Sequence[str] = ()):
    if rows:
        return _frame(rows, as_object)
    import pandas as pd

    return pd.DataFrame(columns=list(columns))


def written_answers_table(report: ClassReport, pseudonyms: bool = False):
    """pandas DataFrame: every written answer, with the learner's marks on the article beside it."""
    return _frame_of(answer_rows(report, pseudonyms), ANSWER_COLUMNS, ("marks_on_article", "f1_overall"))


def question_tries_table(report: ClassReport):
    """pandas DataFrame: first-try accuracy per multiple-choice question."""
    return _frame_of(question_try_rows(report), QUESTION_COLUMNS, ("first_try_accuracy",))


def learner_tries_table(report: ClassReport, pseudonyms: bool = False):
    """pandas DataFrame: first-try accuracy per learner."""
    return _frame_of(learner_try_rows(report, pseudonyms), LEARNER_TRY_COLUMNS, ("first_try_accuracy",))


#: A text cell starting with one of these is run as a formula by spreadsheet programs
#: (OWASP "CSV injection"): ``=``, ``+``, ``-``, ``@``, tab, carriage return, line feed,
#: NUL, and their full-width forms.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as it is, never runs as a formula.

    Text starting with a formula character gets a ``'`` in front (OWASP's advice;
    spreadsheets hide it). Numbers, true/false and empty cells stay as they are, so a
    negative number in a number column is still a number.

    >>> print(spreadsheet_safe('=HYPERLINK("http://x", "click")'))
    '=HYPERLINK("http://x", "click")
    >>> spreadsheet_safe("-25%"), spreadsheet_safe(-0.25), spreadsheet_safe("Ada"), spreadsheet_safe(None)
    ("'-25%", -0.25, 'Ada', None)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, rows: list[dict], fieldnames: Sequence[str] | None = None) -> Path:
    """Write rows as CSV (UTF-8, rows ending in CR LF, an empty cell for None; a header only when
    there are no rows).

    Every text cell goes through :func:`spreadsheet_safe`, so a learner named
    ``=HYPERLINK(...)`` is shown as text, not run as a formula.
    """
    buf = io.StringIO()
    names = list(rows[0]) if rows else list(fieldnames or ())
    if names:
        # Rows end in CR LF (RFC 4180), so a CR or LF inside a cell is always quoted, never a new row.
        w = csv.DictWriter(buf, fieldnames=names, lineterminator="\r\n")
        w.writeheader()
        w.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    atomic_write_text(path, buf.getvalue())
    return path
