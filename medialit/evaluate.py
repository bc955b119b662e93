"""The detector against the expert answer key: precision, recall and F1 per label,
and every disagreement with the key's rationale.

Sentences are matched by their offsets: the detector's sentences that lie mostly
inside a key sentence give it their labels, so a slightly different sentence split
does not count as a mistake. Sources are matched when their spans overlap.

The numbers are reported as they are. The key is never adjusted to the detector.

Two sets are scored: the seed articles (``evaluate``), which the detector was
developed on, and the development set of original articles (``evaluate_set``), split
into a part the rules were tuned on and a held-out part. On the development set the
two plain baselines of :mod:`medialit.baselines` are scored in the same run, and where
a second reader wrote a key of their own for an article (``second_readings/``), that
key is scored against the first in the same way (:func:`key_reading`): how far two
careful readings agree, beside how far the detector agrees with one.

>>> ev = evaluate_article("000_b7d55dfd4cdbabc3")
>>> sorted(ev.scores)[:2]
['attribution', 'booster']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from medialit.alignment import bounds, matching, overlaps
from medialit.answer_key import AnswerKey, answer_key_ids, load_answer_key
from medialit.articles import load_article, seed_ids, seed_path
from medialit.baselines import BASELINES, BaselineReading, BaselineSentence, BaselineSource
from medialit.datafiles import DataFileError, read_table
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
    return _compare(key, analysis)


def _compare(key: AnswerKey, analysis, sources: bool = True) -> Evaluation:
    """The analysis scored against the key, unit by unit, and on sources unless ``sources`` is
    false (part of a key: the article's sources cannot be cut to its units)."""
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


#: The parts of the development set, in the order reports show them.
DEV_PARTS = ("held_out", "tuned")


#: The held-out articles nobody has read the detector's disagreements on, reported apart.
UNREAD = "held_out_unread"

#: The articles a second reader also wrote a key for, reported apart with that reader's scores.
SECOND_READ = "read_twice"

#: The name of the second reader's key among the readers of the part ``SECOND_READ``.
SECOND_READER = "second_reader"

#: The folder of a development set that holds the second readers' keys.
SECOND_READINGS = "second_readings"

#: The never-read sentences cut in two: those whose note in the key calls a decision debatable
#: (the key writers' word for one two careful readers could make differently), and the rest.
UNREAD_DEBATABLE, UNREAD_CLEAR = "held_out_unread_debatable", "held_out_unread_clear"
DEBATABLE = re.compile(r"\bdebatabl", re.IGNORECASE)


def debatable_and_clear(key: AnswerKey) -> tuple[AnswerKey, AnswerKey]:
    """The key cut in two: the units whose note calls a decision debatable, and the rest (score
    them with ``_compare(…, sources=False)``: the article's sources belong to neither half).

    >>> key = load_answer_key("000_b7d55dfd4cdbabc3")
    >>> debatable, clear = debatable_and_clear(key)
    >>> len(debatable.units) + len(clear.units) == len(key.units)
    True
    """
    halves: tuple[list, list] = ([], [])
    for u in key.units:
        halves[DEBATABLE.search(u.note) is None].append(u)
    return tuple(replace(key, units=tuple(units)) for units in halves)


@dataclass(frozen=True)
class DevArticle:
    id: str
    genre: str
    part: str               # tuned | held_out
    folder: Path
    read_on: str = ""       # held out: the date its disagreements were first read ("" = never)
    second_read: bool = False   # a second reader's key is in second_readings/

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts it counts in: its own, "all", for a held-out article never read UNREAD, and
        SECOND_READ when a second reader wrote a key for it."""
        return (self.part, *((UNREAD,) if self.part == "held_out" and not self.read_on else ()),
                *((SECOND_READ,) if self.second_read else ()), "all")

    @property
    def article_path(self) -> Path:
        return self.folder / "articles" / f"{self.id}.txt"

    @property
    def key_path(self) -> Path:
        return self.folder / "keys" / f"{self.id}.json"

    @property
    def second_key_path(self) -> Path:
        """The key a second reader wrote from the article and the guide alone (if there is one)."""
        return self.folder / SECOND_READINGS / f"{self.id}.json"


def dev_articles(folder: str | Path) -> list[DevArticle]:
    """The articles listed in a development set's ``devset.csv`` (each must have its text and key)."""
    folder = Path(folder)
    table = folder / "devset.csv"
    if not table.is_file():
        raise DataFileError(f"{folder}: no development set here (no devset.csv); run from the kit's "
                            "folder or pass --devset DIR")
    out = []
    for row in read_table(table, ("id", "genre", "part")):
        if row["part"] not in DEV_PARTS:
            raise DataFileError(f"{table}:{row['line']}: part must be tuned or held_out, not {row['part']!r}")
        read_on = row.get("read_on", "")
        if read_on and (row["part"] != "held_out" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", read_on)):
            raise DataFileError(f"{table}:{row['line']}: read_on is for held-out articles only, as a date "
                                f"such as 2026-12-01, not {read_on!r}")
        art = DevArticle(row["id"], row["genre"], row["part"], folder, read_on)
        art = replace(art, second_read=art.second_key_path.is_file())
        for p in (art.article_path, art.key_path):
            if not p.is_file():
                raise DataFileError(f"{table}:{row['line']}: {p} is missing")
        out.append(art)
    listed = {a.id for a in out}
    for p in sorted((folder / SECOND_READINGS).glob("*.json")):
        if p.stem not in listed:
            raise DataFileError(f"{p}: a second reading of an article devset.csv does not list")
    return out


#: One item of a selection of articles: an id or its letters and number (dev346), or a range of
#: numbers (dev346-dev353, dev346-353; a dash or an en dash).
_PICK = re.compile(r"([A-Za-z]+)(\d+)(?:_\w*)?(?:\s*[-–]\s*(?:[A-Za-z]+)?(\d+))?")


def pick_articles(arts: list[DevArticle], spec: str) -> list[DevArticle]:
    """The articles of a set that ``spec`` names, in the set's order: ids or their number parts
    (``dev05``), and ranges of numbers (``dev02-dev04``), separated by commas. Each item must
    name at least one article (a typing slip is not scored as an empty set).

    >>> arts = [DevArticle(f"dev{i:02d}_x", "news", "held_out", Path(".")) for i in range(1, 7)]
    >>> [a.id for a in pick_articles(arts, "dev02-dev04, dev06_x")]
    ['dev02_x', 'dev03_x', 'dev04_x', 'dev06_x']
    >>> pick_articles(arts, "dev9")
    Traceback (most recent call last):
    ...
    medialit.datafiles.DataFileError: --articles: 'dev9' names no article of the set
    """
    numbers = {a.id: (m.group(1).lower(), int(m.group(2))) for a in arts
               if (m := re.match(r"([A-Za-z]+)(\d+)", a.id))}
    wanted: set[str] = set()
    for item in (x.strip() for x in spec.split(",")):
        m = _PICK.fullmatch(item)
        if m is None:
            raise DataFileError(f"--articles: {item!r} is not an article id or a range such as dev346-dev353")
        letters, lo = m.group(1).lower(), int(m.group(2))
        hi = int(m.group(3)) if m.group(3) else lo
        if m.group(3) is None and "_" in item:   # a whole id (dev03_oped): that article only
            got = {item} & numbers.keys()
        else:                                   # dev03, dev02-dev04: by number
            got = {aid for aid, (let, n) in numbers.items() if let == letters and lo <= n <= hi}
        if not got:
            raise DataFileError(f"--articles: {item!r} names no article of the set")
        wanted |= got
    return [a for a in arts if a.id in wanted]


def key_reading(key: AnswerKey, article=None) -> BaselineReading:
    """A key read as if it were a reader's output: each unit with its labels, and the key's
    sources. Scored against another key of the same article with the detector's own scoring,
    it says how far two readers agree (F1 is symmetric: swapping the keys swaps P and R).

    >>> key = load_answer_key("000_b7d55dfd4cdbabc3")
    >>> _compare(key, key_reading(key)).macro_f1
    1.0
    """
    return BaselineReading(article, [BaselineSentence(u, tuple(sorted(u.label_set))) for u in key.units],
                           [BaselineSource(s.start, s.end, s.text, s.type, SECOND_READER) for s in key.sources])


def second_reading(art: DevArticle, key: AnswerKey) -> AnswerKey:
    """The second reader's key of ``art``, checked like any key and against ``key``: a second
    reading must have the first key's units (the same sentences, in order), so that only the
    labels and sources differ."""
    second = load_answer_key(art.id, path=str(art.second_key_path), article_path=str(art.article_path))
    if len(second.units) != len(key.units):
        raise DataFileError(f"{art.second_key_path}: {len(second.units)} units, but the key has "
                            f"{len(key.units)}; a second reading must have the key's units")
    for a, b in zip(key.units, second.units):
        if (a.start, a.end) != (b.start, b.end):
            raise DataFileError(f"{art.second_key_path}: unit {b.index} is not the key's unit {a.index} "
                                f"({b.text[:40]!r}); a second reading must have the key's units")
    return second


def reader_title(reader: str) -> str:
    """How a reader of the development set is named in a report.

    >>> reader_title("detector"), reader_title("word_list"), reader_title(SECOND_READER)
    ('detector', 'word list', 'second reader')
    """
    return BASELINES[reader].title if reader in BASELINES else reader.replace("_", " ")


@dataclass
class SetEvaluation:
    """The detector and the baselines on each part of a set: ``results[part][reader]``."""

    name: str
    articles: list[DevArticle]
    results: dict[str, dict[str, Evaluation]]

    def readers(self) -> list[str]:
        return ["detector", *BASELINES]

    def table(self, part: str) -> str:
        """One part as a plain-text table: the detector's counts and P/R/F1, then each baseline's F1
        (and, in the part SECOND_READ, first the second reader's F1)."""
        res = self.results[part]
        det = res["detector"]

        def fmt(x: float | None) -> str:
            return "   –" if x is None else f"{x:4.2f}"
        base = [*([SECOND_READER] if SECOND_READER in res else []), *(b for b in self.readers() if b != "detector")]
        titles = {b: reader_title(b) for b in base}
        width = {b: max(14, len(titles[b]) + 3) for b in base}
        lines = [f"{'label':<12} {'key':>4} {'found':>5} {'prec':>5} {'recall':>6} {'F1':>5}"
                 + "".join(f" {titles[b] + ' F1':>{width[b]}}" for b in base)]
        rows = [(lab, det.scores[lab], [res[b].scores[lab] for b in base]) for lab in SENTENCE_LABELS]
        rows.append(("sources", det.sources, [res[b].sources for b in base]))
        for lab, s, others in rows:
            lines.append(f"{lab:<12} {s.tp + s.fn:>4} {s.tp + s.fp:>5} {fmt(s.precision):>5} "
                         f"{fmt(s.recall):>6} {fmt(s.f1):>5}"
                         + "".join(f" {fmt(o.f1):>{width[b]}}" for b, o in zip(base, others)))
        lines.append(f"{'macro-F1':<12} {'':>4} {'':>5} {'':>5} {'':>6} {det.macro_f1:5.2f}"
                     + "".join(f" {res[b].macro_f1:{width[b]}.2f}" for b in base))
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"set": self.name,
                "articles": [{"id": a.id, "genre": a.genre, "part": a.part, "read_on": a.read_on or None,
                              "second_read": a.second_read}
                             for a in self.articles],
                "parts": {part: {reader: ev.to_dict() for reader, ev in res.items()}
                          for part, res in self.results.items()}}


def evaluate_set(folder: str | Path, lexicons=None, articles: str | None = None) -> SetEvaluation:
    """Score the detector and both baselines on a development set, per part (tuned, held out)
    and on all its articles; the held-out articles whose disagreements nobody has read yet
    (no ``read_on`` date in ``devset.csv``) are also scored on their own (``UNREAD``), and so
    are the articles a second reader wrote a key for (``SECOND_READ``), with that key scored
    against the first as one more reader (``SECOND_READER``). ``articles`` scores only the
    articles it names (:func:`pick_articles`: ``"dev346-dev353"``), a batch on its own.

    >>> ev = evaluate_set("devset")
    >>> sorted(ev.results["held_out"])
    ['detector', 'reporting_verbs', 'word_list']
    >>> {"all", "held_out", "tuned"} <= set(ev.results)
    True
    """
    arts = dev_articles(folder)
    if articles:
        arts = pick_articles(arts, articles)
    results: dict[str, dict[str, Evaluation]] = {}
    for a in arts:
        key = load_answer_key(a.id, path=a.key_path, article_path=a.article_path)
        article = load_article(a.article_path)
        readings = {"detector": analyze(article, lexicons),
                    **{name: b.read(article) for name, b in BASELINES.items()}}
        scored = {reader: _compare(key, reading) for reader, reading in readings.items()}
        if a.second_read:   # scored in its own part only, so every other part has the same readers
            second = _compare(key, key_reading(second_reading(a, key), article))
        halves = {}
        if UNREAD in a.parts:   # sentence labels only; their disagreements are the part UNREAD's already
            for half, sub in zip((UNREAD_DEBATABLE, UNREAD_CLEAR), debatable_and_clear(key)):
                halves[half] = {reader: replace(_compare(sub, reading, sources=False), disagreements=[])
                                for reader, reading in readings.items()}
        for part in (*a.parts, *halves):
            res = results.setdefault(part, {})
            by_reader = halves.get(part) or (scored | {SECOND_READER: second} if part == SECOND_READ else scored)
            for reader, ev in by_reader.items():
                res[reader] = res[reader] + ev if reader in res else ev
    return SetEvaluation(str(folder), arts, results)


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


__all__ = ["Score", "Disagreement", "Evaluation", "SetEvaluation", "DevArticle", "DEV_PARTS", "UNREAD", "SECOND_READ",
           "SECOND_READER", "dev_articles", "key_reading", "second_reading",
           "evaluate", "evaluate_article", "evaluate_set", "source_comparison", "SOURCE_TYPES"]
