"""The class view in words (what ``medialit class`` prints) and its tables written to a folder.

The tables are those of :mod:`medialit.classroom.tables`. The class-view plots are
drawn by :func:`medialit.plots.save_all` from the same report: the classroom never
imports the plots (``medialit class`` does both).
"""

from __future__ import annotations

import statistics
from pathlib import Path

from medialit.classroom.files import ClassError
from medialit.classroom.post_test import post_test_ids, post_test_lines, post_test_rows, unit_part
from medialit.classroom.statistics import ClassReport
from medialit.classroom.tables import (ANSWER_COLUMNS, LEARNER_TRY_COLUMNS, QUESTION_COLUMNS, agreement_rows,
                                       answer_rows, learner_try_rows, question_try_rows, score_rows,
                                       sentence_label_rows, sentence_rows, skipped_rows, write_csv)
from medialit.classroom.written import learner_tries, lowest_first, question_tries, written_answer_rows
from medialit.tasks import written_tasks
from medialit.vocabulary import ALL_ARTICLES
from medialit.wording import plural, shorten


def _where(s) -> str:
    if s.part in ("headline", "dek"):
        return s.part
    return f"¶{s.paragraph}"


def _fmt(name: str, value: float | None) -> str:
    return f"{name}     –" if value is None else f"{name} {value:5.2f}"


def summary_text(report: ClassReport, *, pseudonyms: bool = False, top: int = 8) -> str:
    """What ``medialit class`` prints: learners, articles, skipped files, agreement, disputed sentences."""
    data = report.data
    lines = []
    where = f" in {data.folder}" if data.folder else ""
    lines.append(f"Class view{where}")
    lines.append(f"Learners: {len(data.learners)}    records used: "
                 f"{sum(len(a.learners) for a in data.articles.values())}    "
                 f"files skipped: {len(data.skipped)}")
    for aid, art in data.articles.items():
        key = "" if art.key is not None else " (no answer key)"
        role = " (post-test)" if unit_part(aid) == "post-test" else ""
        lines.append(f"  {aid}{role}: {len(art.learners)} learners, {len(art.article.sentences)} sentences{key}")
    if data.empty_records:
        lines.append(f"  {data.empty_records} record(s) have no marks at all; they count as "
                     f"'no label on any sentence'.")
    if data.zips:
        lines.append(f"  Records were also read from {plural(data.zips, 'zip archive')} "
                     f"(in memory; nothing was unpacked to disk).")
    if data.ignored:
        some = "" if pseudonyms else ": " + ", ".join(data.ignored[:5]) + (", …" if len(data.ignored) > 5 else "")
        lines.append(f"  Not read: {plural(len(data.ignored), 'other file')} "
                     f"(only .json records and .zip archives are read){some}")
    if data.skipped:
        lines.append("")
        lines.append(f"Skipped files ({len(data.skipped)}; they were not changed):")
        if pseudonyms:
            kinds: dict[str, int] = {}
            for s in data.skipped:
                kinds[s.kind] = kinds.get(s.kind, 0) + 1
            for kind, n in sorted(kinds.items()):
                lines.append(f"  {n} × {kind}")
            lines.append("  (file names are hidden with --pseudonyms; skipped.csv lists them)")
        else:
            for s in data.skipped:
                lines.append(f"  - {s.name}: {s.reason}")
    lines.append("")
    lines.append("Agreement per label (Fleiss' kappa and Krippendorff's alpha: 1 = everyone agrees, "
                 "0 = no better than chance):")
    groups = list(data.articles) + ([ALL_ARTICLES] if len(data.articles) > 1 else [])
    for aid in groups:
        rows = report.agreement_on(aid)
        if not rows:
            continue
        lines.append(f"  {aid} ({rows[0].learners} learners, {rows[0].sentences} sentences):")
        for a in rows:
            nums = "" if a.fleiss is None and a.alpha is None else f"{_fmt('kappa', a.fleiss)}  {_fmt('alpha', a.alpha)}  "
            lines.append(f"    {a.label:<12} {nums}{a.words}")
    disputed = report.disputed(top=top, minimum=0.0)
    lines.append("")
    if disputed:
        lines.append("Most-disputed sentences (where the class is split most evenly; "
                     "numbers as in 'medialit analyze', 0 = headline):")
        for s in disputed:
            pct = round(100 * s.shares[s.disputed_label])
            key = "" if s.key is None else (" (key: yes)" if s.disputed_label in s.key else " (key: no)")
            lines.append(f"  {s.article_id[:3]} sentence {s.sentence} ({_where(s)}): "
                         f"{s.disputed_label} marked by {pct}%, not by {100 - pct}%{key}")
            lines.append(f"      “{shorten(s.text, 90)}”")
    else:
        lines.append("No disputed sentences: the class decided every sentence and label the same way.")
    f1 = [v for v in report.overall_f1().values() if v is not None]
    if f1:
        lines.append("")
        lines.append(f"Learners against the answer key (sentence labels, F1 over all labels): median "
                     f"{statistics.median(f1):.2f}, lowest {min(f1):.2f}, highest {max(f1):.2f} "
                     f"({len(f1)} learners)")
        matched = [r.matches_key for r in report.labels if r.matches_key is not None]
        if matched:
            lines.append(f"The class majority matches the key on {sum(matched)} of {len(matched)} "
                         f"sentence-and-label decisions ({100 * sum(matched) / len(matched):.0f}%).")
    post = post_test_lines(report)
    if post:
        lines += ["", *post]
    lines += _written_lines(report, top)
    return "\n".join(lines)


def _written_lines(report: ClassReport, top: int) -> list[str]:
    """The summary's part on written answers and quiz tries ([] when the class has none)."""
    data = report.data
    answers = written_answer_rows(data)
    asked, ungraded = question_tries(data)
    if not answers and not asked and not ungraded:
        return []
    lines = ["", "Written answers and quiz tries:"]
    if answers:
        tasks = {t: n for t in written_tasks() if (n := sum(a.task == t for a in answers))}
        tasks.update({a.task: sum(b.task == a.task for b in answers) for a in answers if a.task not in tasks})
        lines.append(f"  {plural(len(answers), 'written answer')} from "
                     f"{plural(len({a.learner for a in answers}), 'learner')} "
                     f"({', '.join(f'{t}: {n}' for t, n in tasks.items())}); written_answers.csv lists them "
                     f"next to each learner's marks.")
    if asked:
        lines.append("  First-try accuracy per question (lowest first; right at the first try / learners who tried):")
        for q in lowest_first(asked, top):
            lines.append(f"    {q.question:<28} {q.right_first}/{q.learners} ({100 * q.first_try_accuracy:.0f}%), "
                         f"right in the end {q.right_in_the_end}/{q.learners}")
        per = [t.first_try_accuracy for t in learner_tries(data)]
        lines.append(f"  Learners right at the first try: median {100 * statistics.median(per):.0f}% of the "
                     f"questions they tried, lowest {100 * min(per):.0f}%, highest {100 * max(per):.0f}% "
                     f"({len(per)} learners; quiz_learners.csv).")
    if ungraded:
        lines.append(f"  {plural(ungraded, 'quiz try', 'quiz tries')} at questions the kit no longer has "
                     f"could not be graded.")
    return lines


def write_report(report: ClassReport, out: str | Path, *, pseudonyms: bool = False) -> list[Path]:
    """Write the class's CSV tables into ``out`` (made if needed); returns the paths written.

    The plots are drawn by :func:`medialit.plots.save_all` (the ``medialit class`` command
    does both), so reading a class never needs matplotlib. ``written_answers.csv`` holds the
    learners' own words (with ``pseudonyms``, under pseudonyms); ``quiz_questions.csv`` and
    ``quiz_learners.csv`` the first-try accuracy per question and per learner.
    """
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ClassError(f"{out}: cannot create the report folder ({exc.strerror or exc})") from None
    return [
        write_csv(out / "sentences.csv", sentence_rows(report)),
        write_csv(out / "sentence_labels.csv", sentence_label_rows(report)),
        write_csv(out / "agreement.csv", agreement_rows(report)),
        write_csv(out / "learner_scores.csv", score_rows(report, pseudonyms)),
        write_csv(out / "skipped.csv", skipped_rows(report.data), ("file", "kind", "reason")),
        write_csv(out / "written_answers.csv", answer_rows(report, pseudonyms), ANSWER_COLUMNS),
        write_csv(out / "quiz_questions.csv", question_try_rows(report), QUESTION_COLUMNS),
        write_csv(out / "quiz_learners.csv", learner_try_rows(report, pseudonyms), LEARNER_TRY_COLUMNS),
    ] + ([write_csv(out / "post_test_scores.csv", post_test_rows(report, pseudonyms))]
         if post_test_ids(report.data) else [])
