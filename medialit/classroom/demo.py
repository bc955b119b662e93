"""A synthetic class, made from the answer key, to try the class view (``medialit demo-class``).

Every synthetic learner is called ``synthetic-learner-NNN``; their skill varies and
they make the mistakes learners typically make (see :data:`DEMO_README`).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from medialit.alignment import bounds, overlaps
from medialit.annotate.model import AnnotationRecord, Answer, Attempt
from medialit.annotate.storage import atomic_write_text, record_path
from medialit.answer_key import answer_key_ids, load_answer_key
from medialit.articles import seed_article
from medialit.classroom.files import ClassError
from medialit.selfcheck import check, questions
from medialit.tasks import question_article, written_tasks
from medialit.vocabulary import SENTENCE_LABELS


DEMO_PREFIX = "synthetic-learner-"
_DEMO_STAMP = "2024-03-04T09:00:00+00:00"
_DEMO_NOTES = {
    "hedge": ["sounds unsure", "not certain", "maybe = not sure", "the writer is guessing?"],
    "booster": ["sounds very sure but no proof", "why 'obviously'?", "pushy"],
    "attribution": ["who says this", "source given", "quote"],
    "speculation": ["nobody can know this", "about the future", "guessing about secret talks"],
    "opinion": ["his own view", "judging", "not a fact"],
    "loaded": ["strong word", "emotional"],
    "source": ["who?", "is this a real source?"],
}
_WILL = re.compile(r"\bwill\b", re.IGNORECASE)
_CUE_FOR = {"hedge": ("hedge",), "booster": ("booster",), "attribution": ("attribution",),
            "opinion": ("opinion", "loaded"), "speculation": ()}

DEMO_README = """SYNTHETIC CLASS - NOT REAL LEARNERS

These {n} annotation records were made up by `medialit demo-class` (seed {seed})
from the kit's expert answer key, for trying out the class view:

    medialit class {folder}

Every annotator is called "{prefix}NNN". Their skill varies, and they make the
mistakes learners typically make: vague sources ("critics", "one school of
thought") missed; hedges inside quotations missed or taken as the writer's own
guess; opinion taken for fact (especially loaded words); speculation missed
when it is boosted ("obviously", "of course"); "will" marked as a hedge; and
some random misses and extra marks. Their written answers are the rubric's
sample answers (medialit/data/tasks/written_tasks.json), one level per learner
by skill; their quiz tries are made up the same way (right at the first try
more often the more skilled they are).

Nothing here was written by a real person. Do not use it as research data.
"""


@dataclass(frozen=True)
class DemoClass:
    """What :func:`make_demo_class` wrote: the folder, how many learners and records, the seed."""

    folder: Path
    learners: int
    records: int
    seed: int


def _demo_learner(rng: random.Random, article, key, name: str, skill: float, tagger: bool) -> AnnotationRecord:
    rec = AnnotationRecord.new(article.id, article.text, name)
    counter = [0]

    def sentence_of(unit):
        return next(s for s in article.sentences if overlaps(bounds(s), bounds(unit)))

    def add(start, end, label, scope="span"):
        counter[0] += 1
        note = rng.choice(_DEMO_NOTES[label]) if rng.random() < 0.08 else ""
        return rec.add_span(start, end, label, note, scope=scope, id=f"s{counter[0]:03d}")

    def mark(unit, label):
        """Mark ``label`` on the unit: the cue words for a highlighter, the sentence for a tagger."""
        cues = [c for c in unit.cues if c.label in _CUE_FOR[label]]
        if tagger or not cues or rng.random() < 0.15:
            s = sentence_of(unit)
            return add(s.start, s.end, label, "sentence")
        picked = cues if rng.random() < 0.4 else [rng.choice(cues)]
        spans = [add(c.start, c.end, c.label) for c in picked]
        return spans[0]

    sources_by_unit: dict[int, list] = {}
    for src in key.sources:
        sources_by_unit.setdefault(src.unit, []).append(src)
    base_recall = {"attribution": 0.55 + 0.45 * skill, "hedge": 0.35 + 0.6 * skill,
                   "booster": 0.3 + 0.65 * skill, "speculation": 0.25 + 0.65 * skill,
                   "opinion": 0.2 + 0.7 * skill}
    base_extra = {"attribution": 0.04, "hedge": 0.06, "booster": 0.03, "speculation": 0.08, "opinion": 0.12}
    for unit in key.units:
        labels = unit.label_set
        srcs = sources_by_unit.get(unit.index, [])
        vague_only = bool(srcs) and all(s.type == "vague" for s in srcs)
        hedge_cues = [c for c in unit.cues if c.label == "hedge"]
        quoted_hedge = bool(hedge_cues) and all(c.voice == "source" for c in hedge_cues)
        marked: dict[str, object] = {}
        for lab in SENTENCE_LABELS:
            if lab in labels:
                p = base_recall[lab]
                if lab == "attribution" and vague_only:
                    p *= 0.45 + 0.4 * skill                       # vague sources are missed
                if lab == "hedge" and quoted_hedge:
                    p *= 0.5 + 0.4 * skill                        # a hedge inside a quote is missed
                if lab == "speculation" and "booster" in labels:
                    p *= 0.35 + 0.5 * skill                       # boosted speculation reads as fact
                if lab == "opinion" and not any(c.label == "opinion" for c in unit.cues):
                    p *= 0.45 + 0.5 * skill                       # loaded words taken for plain fact
                hit = rng.random() < p
            else:
                p = base_extra[lab] * (1.2 - skill)
                if lab == "speculation" and quoted_hedge:
                    p += 0.5 * (1 - skill)                        # the quoted hedge taken as the writer's guess
                hit = rng.random() < p
            if hit:
                marked[lab] = mark(unit, lab)
        # Over-marking "will" as a hedge.
        if "hedge" not in labels and "hedge" not in marked:
            m = _WILL.search(unit.text)
            if m and rng.random() < 0.6 * (1 - skill) + 0.03:
                marked["hedge"] = add(unit.start + m.start(), unit.start + m.end(), "hedge")
        # Sources, linked to the attribution mark.
        if "attribution" in marked and not tagger:
            for src in srcs:
                p = (0.2 + 0.5 * skill) if src.type == "vague" else (0.5 + 0.45 * skill)
                if rng.random() < p:
                    sspan = add(src.start, src.end, "source")
                    claim = marked["attribution"]
                    if claim.label != "source":
                        rec.link(sspan.id, claim.id)
    rec.spans = [replace(s, created=_DEMO_STAMP) for s in rec.spans]
    rec.created = rec.updated = _DEMO_STAMP
    return rec


@cache
def _choice_questions() -> dict[str, list[tuple]]:
    """The multiple-choice questions by the article that keeps their tries: (question, right choices, wrong ones)."""
    out: dict[str, list[tuple]] = {}
    for q in questions().values():
        if q.kind == "choice":
            right = [c for c in q.choices if check(q.id, c).right]
            out.setdefault(question_article(q.id, q.prompt), []).append(
                (q, right, [c for c in q.choices if c not in right]))
    return out


def _demo_written(rng: random.Random, rec: AnnotationRecord, skill: float) -> None:
    """Give a synthetic learner written answers (the rubric's sample of a level near their skill) and quiz
    tries on the record's article."""
    for t in written_tasks().values():
        if t.article_id == rec.article_id and rng.random() < 0.85:
            level = min(len(t.levels) - 1, max(0, round(skill * len(t.levels) - 0.5 + rng.uniform(-0.7, 0.7))))
            rec.answers.append(Answer(t.id, t.levels[level].sample, _DEMO_STAMP))
    for q, right, wrong in _choice_questions().get(rec.article_id, ()):
        if rng.random() < 0.1:
            continue
        tried = [] if rng.random() < 0.35 + 0.6 * skill else rng.sample(wrong, min(len(wrong), rng.choice((1, 1, 2))))
        tried += right[:1] if right and rng.random() < 0.95 else []
        rec.attempts += [Attempt(q.id, c, _DEMO_STAMP) for c in tried or wrong[:1]]


def make_demo_class(outdir: str | Path, learners: int, seed: int = 0, *, absent: float = 0.07) -> DemoClass:
    """Write a synthetic class of ``learners`` learners on both seed articles into ``outdir``.

    Each learner skips an article with probability ``absent`` (but does at least
    one), as in a real class. Deterministic for a given seed (the same bytes every
    time). Synthetic records left in ``outdir`` by an earlier demo are replaced.
    Raises :class:`ClassError` for a bad number of learners, or when ``outdir``
    already holds records that are not synthetic (a real class is never mixed with
    a demo).
    """
    if not isinstance(learners, int) or learners < 1:
        raise ClassError(f"--learners must be a whole number of at least 1 (got {learners!r})")
    if learners > 20000:
        raise ClassError(f"--learners {learners} is more than a demo needs (at most 20000)")
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise ClassError(f"{out}: is a file, not a folder")
    if out.is_dir():
        real = [p.name for p in out.glob("*.json") if not p.name.startswith(DEMO_PREFIX)]
        if real:
            raise ClassError(f"{out} already holds records that are not synthetic ({real[0]}...); "
                             f"choose an empty folder for the demo class")
    out.mkdir(parents=True, exist_ok=True)
    ids = answer_key_ids()
    arts = {i: seed_article(i) for i in ids}
    keys = {i: load_answer_key(i) for i in ids}
    width = max(3, len(str(learners)))
    written = 0
    fresh: set[str] = set()
    for n in range(1, learners + 1):
        rng = random.Random(f"medialit-demo-{seed}-{n}")
        name = f"{DEMO_PREFIX}{n:0{width}d}"
        skill = min(0.97, max(0.15, rng.betavariate(4.0, 2.2)))
        tagger = rng.random() < 0.4
        doing = [i for i in ids if rng.random() >= absent] or [rng.choice(ids)]
        for aid in doing:
            if rng.random() < 0.01:   # opened the article and marked nothing
                rec = AnnotationRecord.new(aid, arts[aid].text, name)
                rec.created = rec.updated = _DEMO_STAMP
            else:
                rec = _demo_learner(rng, arts[aid], keys[aid], name, skill, tagger)
                _demo_written(random.Random(f"medialit-demo-written-{seed}-{n}-{aid}"), rec, skill)
            path = record_path(out, aid, name)
            atomic_write_text(path, json.dumps(rec.to_dict(), ensure_ascii=False, indent=1) + "\n")
            fresh.add(path.name)
            written += 1
    for old in out.glob(f"{DEMO_PREFIX}*.json"):   # left from an earlier, larger demo class
        if old.name not in fresh:
            old.unlink()
    atomic_write_text(out / "README.txt", DEMO_README.format(n=learners, seed=seed, folder=out, prefix=DEMO_PREFIX))
    return DemoClass(out, learners, written, seed)
