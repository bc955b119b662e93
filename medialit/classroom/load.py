"""Reading a class folder: every learner's record, and the class's marks per sentence and label.

A teacher collects the learners' annotation records (one JSON file per learner per
article, as :mod:`medialit.annotate.storage` saves them) into one folder;
:func:`load_class` reads them all (see :mod:`medialit.classroom.files` for where it
looks and what it refuses) and builds, per article, who marked what.

How a learner's marks become sentence labels
    A learner marks a sentence with a label when one of their spans with that label
    overlaps the sentence by at least one character (:mod:`medialit.alignment`),
    whether the span is a whole sentence (scope ``"sentence"``, from the sentence
    tagger) or a few words (scope ``"span"``, from the highlighter). Span labels count
    toward sentence labels by the vocabulary's rule
    (:func:`medialit.vocabulary.sentence_label`): ``loaded`` toward ``opinion``, and a
    ``source`` span toward ``attribution`` (``load_class(..., source_as_attribution=False)``
    turns that off). A learner who did not mark a label on a sentence said "no" to it:
    every learner of an article rates every one of its sentences.

The sentences are the article's own (headline, dek and body sentences from
:mod:`medialit.articles`), numbered from 0 as in ``medialit analyze`` (0 is the
headline). The answer key's units are the same sentences of another reading: a
sentence carries a key label when a key unit that mostly overlaps it does
(:func:`medialit.alignment.labels_from`).

>>> sorted(pseudonym_map(["Zoe", "Ada"]).values())
['Learner 01', 'Learner 02']
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from medialit.alignment import SentenceIndex, labels_from
from medialit.annotate.model import AnnotationRecord, RecordError
from medialit.answer_key import AnswerKeyError, answer_key_ids, load_answer_key
from medialit.articles import article_ids, seed_article
from medialit.classroom.files import ClassError, Found, Skipped, Unusable, find_records
from medialit.classroom.records import parse_record, when
from medialit.vocabulary import SENTENCE_LABELS, SPAN_LABELS, sentence_label
from medialit.wording import shorten

#: Folders with at least this many record files get a progress bar (on a terminal).
PROGRESS_FROM = 200

LABEL_INDEX = {lab: i for i, lab in enumerate(SENTENCE_LABELS)}


@dataclass(frozen=True)
class ArticleClass:
    """The class's marks on one article.

    ``marks[l, s, k]`` is True when learner ``learners[l]`` marked sentence ``s``
    with label ``SENTENCE_LABELS[k]``; ``key[s, k]`` is the answer key's decision
    (``None`` when the article has no answer key).
    """

    article: object                      # medialit.articles.Article
    learners: tuple[str, ...]
    records: tuple[AnnotationRecord, ...]
    paths: tuple[Path, ...]
    marks: object                        # numpy bool array (learners, sentences, labels)
    key: object | None                   # numpy bool array (sentences, labels) or None

    @property
    def article_id(self) -> str:
        return self.article.id

    @property
    def counts(self):
        """How many learners marked each sentence with each label: int array (sentences, labels)."""
        return self.marks.sum(axis=0)


@dataclass
class ClassData:
    """Everything read from a class folder."""

    folder: Path | None
    articles: dict[str, ArticleClass]
    skipped: list[Skipped] = field(default_factory=list)
    source_as_attribution: bool = True
    files_seen: int = 0
    #: Files that were not read at all because they are neither ``.json`` records nor ``.zip``
    #: archives (a README, a spreadsheet...), relative to the folder.
    ignored: list[str] = field(default_factory=list)
    #: How many zip archives were opened (nested ones included).
    zips: int = 0
    #: Every counted record that holds written answers or quiz tries (see :mod:`medialit.classroom.written`),
    #: also one without marks, which ``articles`` leaves out: its learner wrote or chose, but did not mark.
    work: list[AnnotationRecord] = field(default_factory=list)

    @property
    def learners(self) -> tuple[str, ...]:
        """Every learner (annotator name) with at least one usable record (marks, answers or quiz tries), sorted."""
        return tuple(sorted({n for a in self.articles.values() for n in a.learners} | {r.annotator for r in self.work}))

    @property
    def empty_records(self) -> int:
        """Records without a single mark (counted as "no label anywhere")."""
        return sum(1 for a in self.articles.values() for r in a.records if not r.spans)

    def pseudonyms(self) -> dict[str, str]:
        """A stable mapping of learner names to "Learner 01", "Learner 02"...

        The order comes from a fingerprint (sha256) of each name, not from the
        alphabet, so the numbers do not give away who is who; the same class always
        gets the same mapping.
        """
        return pseudonym_map(self.learners)

    def namer(self, pseudonyms: bool) -> Callable[[str], str]:
        """Learner names as shown: themselves, or their pseudonyms."""
        if not pseudonyms:
            return lambda name: name
        mapping = self.pseudonyms()
        return lambda name: mapping.get(name, name)


def pseudonym_map(names: Iterable[str]) -> dict[str, str]:
    """Stable pseudonyms for names; see :meth:`ClassData.pseudonyms`.

    >>> m = pseudonym_map(["Zoe", "Ada", "Bo"])
    >>> sorted(m.values())
    ['Learner 01', 'Learner 02', 'Learner 03']
    >>> m == pseudonym_map(["Bo", "Ada", "Zoe"])
    True
    """
    unique = sorted(set(names), key=lambda n: (hashlib.sha256(n.encode("utf-8")).hexdigest(), n))
    width = max(2, len(str(len(unique))))
    return {name: f"Learner {i:0{width}d}" for i, name in enumerate(unique, 1)}


class Progress:
    """A plain text progress bar on stderr, drawn only on a terminal and for large folders."""

    def __init__(self, total: int, what: str, stream=None, force: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        show = force if force is not None else (total >= PROGRESS_FROM and _isatty(self.stream))
        self.total, self.what, self.show, self.last = total, what, show, -1

    def __call__(self, done: int) -> None:
        if not self.show or not self.total:
            return
        step = done * 40 // self.total
        if step == self.last and done != self.total:
            return
        self.last = step
        self.stream.write(f"\r{self.what} [{'#' * step}{'.' * (40 - step)}] {done}/{self.total}")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def seed_articles() -> dict:
    """The kit's articles by id (the articles a class works on by default): the seed articles and the
    articles written for the kit, such as the post-test."""
    return {i: seed_article(i) for i in article_ids()}


def _resolve_article(article_id: str, articles: dict) -> str | None:
    if article_id in articles:
        return article_id
    matches = [i for i in articles if article_id and i.startswith(article_id)]
    return matches[0] if len(matches) == 1 else None


def key_matrix(article):
    """The answer key's labels per article sentence (bool array sentences × labels), or None
    without a key (or a key made on another text).

    A key unit gives its labels to the article sentence it mostly overlaps
    (:func:`medialit.alignment.labels_from`), as in the detector's evaluation.
    """
    import numpy as np

    if article.id not in answer_key_ids():
        return None
    try:
        key = load_answer_key(article.id)
    except (AnswerKeyError, OSError):
        return None
    if key.text != article.text:
        return None
    out = np.zeros((len(article.sentences), len(SENTENCE_LABELS)), dtype=bool)
    for s in article.sentences:
        for lab in labels_from(s, key.units, lambda u: u.label_set):
            out[s.index, LABEL_INDEX[lab]] = True
    return out


def marks_array(article, records: Sequence[AnnotationRecord], source_as_attribution: bool = True):
    """The bool array (learners, sentences, labels) of who marked what.

    A span marks every sentence it overlaps (:meth:`medialit.alignment.SentenceIndex.touched`),
    with the sentence label the vocabulary gives its span label
    (:func:`medialit.vocabulary.sentence_label`). Each distinct span is placed once: a
    class marks the same words and sentences again and again.
    """
    import numpy as np

    sentences = article.sentences
    out = np.zeros((len(records), len(sentences), len(SENTENCE_LABELS)), dtype=bool)
    if not sentences:
        return out
    column = {}
    for lab in SPAN_LABELS:
        target = sentence_label(lab, source_as_attribution=source_as_attribution)
        if target is not None:
            column[lab] = LABEL_INDEX[target]
    index = SentenceIndex(sentences)
    touched: dict[tuple[int, int], range] = {}
    who, where, what = [], [], []
    for i, rec in enumerate(records):
        for span in rec.spans:
            k = column.get(span.label)
            if k is None:
                continue
            key = (span.start, span.end)
            hit = touched.get(key)
            if hit is None:
                hit = touched[key] = index.touched(key)
            for j in hit:
                who.append(i)
                where.append(j)
                what.append(k)
    out[who, where, what] = True
    return out


def load_class(folder: str | Path, *, articles: dict | None = None, source_as_attribution: bool = True,
               progress: bool | None = None) -> ClassData:
    """Read every record in ``folder``, its subfolders and its zip archives, and build the class's marks.

    ``.json`` files are records; ``.zip`` archives (as a learning platform or a hub
    download gives them, also a zip inside a zip) are read in memory, never unpacked
    to disk, within safety limits (:data:`~medialit.classroom.files.MAX_ZIP_MEMBERS` files listed
    and :data:`~medialit.classroom.files.MAX_UNZIPPED_BYTES` unpacked, in all). Links are not followed and hidden
    files are passed over. Files that cannot be used are listed in ``skipped`` with the
    reason; other files (not ``.json`` or ``.zip``) in ``ignored``. The same learner's
    record on the same article found twice (say, loose and in a zip) counts once. Records
    with written answers or quiz tries are also in ``work``; one of those without any mark
    does not count as "no label on any sentence" (its learner answered about the article
    but did not mark it).

    ``articles`` maps article ids to :class:`~medialit.articles.Article` (default: the
    kit's seed articles; a record's id may also be a unique prefix such as ``"000"``).
    Files are only read. ``progress`` draws a bar on stderr (default: for folders
    with at least :data:`PROGRESS_FROM` files, on a terminal).
    Raises :class:`ClassError` if the folder does not exist.
    """
    folder = Path(folder)
    if not folder.exists():
        raise ClassError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise ClassError(f"{folder}: is a file, not a folder of learner records")
    articles = seed_articles() if articles is None else dict(articles)
    kept: dict[tuple[str, str], list[tuple[AnnotationRecord, Found]]] = {}
    search = find_records(folder)
    skipped = search.skipped
    bar = Progress(len(search.found), "Reading records", force=progress)
    for n, found in enumerate(search.found, 1):
        bar(n)
        try:
            record = parse_record(found.read())
        except Unusable as exc:
            skipped.append(Skipped(found.path, exc.kind, exc.reason, found.where))
            continue
        aid = _resolve_article(record.article_id, articles)
        if aid is None:
            skipped.append(Skipped(found.path, "unknown-article",
                                   f"made on article {shorten(record.article_id, 60)!r}, which is not one of "
                                   f"the kit's articles ({', '.join(sorted(articles))})", found.where))
            continue
        text = articles[aid].text
        try:
            record.check_text(text)
        except RecordError:
            skipped.append(Skipped(found.path, "other-text",
                                   f"made on another version of the text of {aid} (its fingerprint differs), "
                                   f"so its marks cannot be placed on the sentences", found.where))
            continue
        bad = next((s for s in record.spans if s.end > len(text)), None)
        if bad is not None:
            skipped.append(Skipped(found.path, "bad-spans", f"a span ({bad.start}, {bad.end}) runs past the end "
                                                            f"of the text ({len(text)} characters)", found.where))
            continue
        kept.setdefault((aid, record.annotator), []).append((record, found))

    by_article: dict[str, list[tuple[AnnotationRecord, Found]]] = {}
    work: list[AnnotationRecord] = []
    for (aid, _), copies in kept.items():
        # Two files of the same learner on the same article: the newer one counts; identical copies
        # once (the loose file rather than the zipped one).
        copies.sort(key=lambda rf: (when(rf[0].updated), not rf[1].zipped, rf[1].where))
        winner, won_at = copies[-1]
        for rec, found in copies[:-1]:
            if rec.to_dict() == winner.to_dict():
                why = f"the same record as {won_at.where} (an identical copy), counted once"
            elif when(rec.updated) < when(winner.updated):
                why = (f"a second record of the same learner on {aid}; the newer one ({won_at.where}) "
                       f"is counted instead")
            else:
                why = (f"a second record of the same learner on {aid}, saved at the same time as "
                       f"{won_at.where}, which is counted instead")
            skipped.append(Skipped(found.path, "duplicate", why, found.where))
        if winner.answers or winner.attempts:
            work.append(winner)
        if winner.spans or not (winner.answers or winner.attempts):
            by_article.setdefault(aid, []).append((winner, won_at))
    result = {}
    for aid in sorted(by_article):
        pairs = sorted(by_article[aid], key=lambda p: p[0].annotator)
        article = articles[aid]
        result[aid] = ArticleClass(
            article=article,
            learners=tuple(r.annotator for r, _ in pairs),
            records=tuple(r for r, _ in pairs),
            paths=tuple(f.path for _, f in pairs),
            marks=marks_array(article, [r for r, _ in pairs], source_as_attribution),
            key=key_matrix(article),
        )
    skipped.sort(key=lambda s: s.name)
    work.sort(key=lambda r: (r.annotator, r.article_id))
    return ClassData(folder, result, skipped, source_as_attribution, len(search.found),
                     sorted(search.ignored), search.zips, work)
