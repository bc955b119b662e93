"""The development set: original articles written for the kit, each with a key written by
reading, scored by the detector and two plain baselines in the same run, per part.

The parts: the articles the rules were tuned on (``tuned``) and the held-out rest
(``held_out``); the held-out articles whose disagreements nobody has read yet (``UNREAD``);
and the articles a second reader also wrote a key for (``SECOND_READ``), where that key is
scored against the first as one more reader (:func:`key_reading`): how far two careful
readings agree, beside how far the detector agrees with one. Every reading is scored with
:func:`medialit.evaluate.score_against_key`.

>>> ev = evaluate_set("devset", articles="dev01-dev03")
>>> [a.id for a in ev.articles]
['dev01_dateline_news', 'dev02_wire_copy', 'dev03_oped']
>>> ev.results["tuned"]["detector"].scores["hedge"].f1 is not None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from medialit.answer_key import AnswerKey, load_answer_key
from medialit.articles import load_article
from medialit.baselines import BASELINES, BaselineReading, BaselineSentence, BaselineSource
from medialit.datafiles import DataFileError, read_table
from medialit.detect import analyze
from medialit.evaluate import Evaluation, score_against_key
from medialit.vocabulary import SENTENCE_LABELS

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
    them with ``score_against_key(…, sources=False)``: the article's sources belong to neither half).

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
    >>> score_against_key(key, key_reading(key)).macro_f1
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
    against the first as one more reader (``SECOND_READER``). The never-read sentences are also
    scored in two halves (``UNREAD_DEBATABLE``, ``UNREAD_CLEAR``: :func:`debatable_and_clear`),
    by every reader, the second reader on the articles it read. ``articles`` scores only the
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
        scored = {reader: score_against_key(key, reading) for reader, reading in readings.items()}
        if a.second_read:   # scored in the part SECOND_READ and the halves only, so every other part
            # has the same readers
            readings[SECOND_READER] = key_reading(second_reading(a, key), article)
            second = score_against_key(key, readings[SECOND_READER])
        halves = {}
        if UNREAD in a.parts:   # sentence labels only; their disagreements are the part UNREAD's already
            for half, sub in zip((UNREAD_DEBATABLE, UNREAD_CLEAR), debatable_and_clear(key)):
                halves[half] = {reader: replace(score_against_key(sub, reading, sources=False), disagreements=[])
                                for reader, reading in readings.items()}
        for part in (*a.parts, *halves):
            res = results.setdefault(part, {})
            by_reader = halves.get(part) or (scored | {SECOND_READER: second} if part == SECOND_READ else scored)
            for reader, ev in by_reader.items():
                res[reader] = res[reader] + ev if reader in res else ev
    return SetEvaluation(str(folder), arts, results)


__all__ = ["DevArticle", "SetEvaluation", "DEV_PARTS", "UNREAD", "SECOND_READ", "SECOND_READER",
           "UNREAD_DEBATABLE", "UNREAD_CLEAR", "dev_articles", "pick_articles", "debatable_and_clear",
           "key_reading", "second_reading", "reader_title", "evaluate_set"]
