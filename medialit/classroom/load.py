"""The class view: where a class of learners agrees, and where it does not.

A teacher collects the learners' annotation records (one JSON file per learner per
article, as :mod:`medialit.annotate.storage` saves them) into one folder.
:func:`load_class` reads them all, and :func:`class_statistics` says, per sentence
and label, how many learners marked it, what the class as a whole decided (the
majority), whether that matches the expert answer key, how well the class agrees
per label (Fleiss' kappa and Krippendorff's alpha) and how each learner's labels
compare with the key (precision, recall, F1).

How a learner's marks become sentence labels
    A learner marks a sentence with a label when one of their spans with that label
    overlaps the sentence by at least one character, whether the span is a whole
    sentence (scope ``"sentence"``, from the sentence tagger) or a few words
    (scope ``"span"``, from the highlighter). Cue labels count toward the sentence
    label they signal: ``hedge``, ``booster``, ``attribution`` and ``opinion`` to
    themselves, ``loaded`` to ``opinion``. A ``source`` span counts toward
    ``attribution``: marking who the information comes from is noticing that the
    sentence attributes it, and in the answer key every source sits in a sentence
    labelled ``attribution``. (``load_class(..., source_as_attribution=False)``
    turns this off.) A learner who did not mark a label on a sentence said "no" to
    it: every learner of an article rates every one of its sentences.

The sentences are the article's own (headline, dek and body sentences from
:mod:`medialit.articles`), numbered from 0 as in ``medialit analyze`` (0 is the
headline). The answer key's units are placed on them by overlap: a sentence carries
a key label when a key unit that overlaps it does.

Records are read from the folder, its subfolders and the zip archives in it (as a
learning platform or a hub download hands them in; read in memory, never unpacked to
disk, with limits against "zip bombs"). Links are not followed. Files that cannot be
used (unreadable, not JSON, not a medialit record or a field of the wrong type, made
on an article the kit does not have or on another version of its text, a second copy
of the same learner's record) are skipped and listed with the reason; other files
are listed as not read. The folder is only read, never changed. The CSV tables never
start a text cell with a formula character (see :func:`spreadsheet_safe`).

Importing this module is light: numpy, pandas and matplotlib are imported inside the
functions that need them (pandas only by the ``*_table`` functions).

>>> fleiss_kappa([[0, 2], [1, 1], [2, 0], [2, 0]])     # 2 raters, 4 items, 2 categories
0.4666666666666667
>>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
0.5
>>> describe_agreement(None, reason="nobody")
'nobody marked this label on any sentence: everyone agreed it is absent, so kappa is undefined; agreement is perfect'
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import json
import math
import os
import random
import re
import stat
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from medialit.annotate.formats import label_studio_annotation
from medialit.annotate.model import AnnotationRecord, OffsetMap, RecordError, clean_text
from medialit.annotate.storage import atomic_write_text, record_path, sanitize_name
from medialit.evaluate import PRF
from medialit.vocabulary import SENTENCE_LABELS
from medialit.report import shorten

#: How each span label counts toward the five sentence labels (see the module docstring).
LABEL_MAP: dict[str, str] = {
    "attribution": "attribution", "hedge": "hedge", "booster": "booster",
    "speculation": "speculation", "opinion": "opinion", "loaded": "opinion",
    "source": "attribution",
}
#: Name used for statistics pooled over all articles of the class.
ALL_ARTICLES = "all articles"
#: Folders with at least this many record files get a progress bar (on a terminal).
PROGRESS_FROM = 200
#: Record files larger than this are not read (a learner's record is a few kilobytes).
MAX_RECORD_BYTES = 10_000_000
#: Safety limits for zip archives ("zip bombs"): files the archives may list and bytes
#: unpacked from them (all archives together), the size of a zip inside a zip, and how
#: deep zips nest.
MAX_ZIP_MEMBERS = 50_000
MAX_UNZIPPED_BYTES = 300_000_000
MAX_INNER_ZIP_BYTES = 100_000_000
MAX_ZIP_DEPTH = 2
#: A learner's name longer than this is not a name (the record is skipped).
MAX_NAME_CHARS = 200
#: Where ``medialit class FOLDER`` writes its report by default (inside FOLDER); not searched for records.
REPORT_FOLDER = "class-report"

_LABEL_INDEX = {lab: i for i, lab in enumerate(SENTENCE_LABELS)}


class ClassError(ValueError):
    """A class folder or option that cannot be used (missing folder, no usable records...)."""


# ---------------------------------------------------------------------------
# Loaded data
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Skipped:
    """A file that was not counted, and why, in plain words.

    ``kind`` is a short code: ``unreadable`` (not UTF-8, not JSON, nested too deeply,
    too large), ``not-a-record`` (not a medialit record, or a field of the wrong
    type), ``unknown-article``, ``other-text``, ``bad-spans``, ``duplicate``,
    ``link`` (a symbolic link or special file, not followed) or ``zip`` (an archive,
    or a file in it, that cannot be read safely). ``where`` is the file as the
    teacher finds it, relative to the class folder; a file inside a zip is
    ``archive.zip/inner/path.json`` (``path`` is then the zip joined with that inner path).
    """

    path: Path
    kind: str
    reason: str
    where: str = ""

    @property
    def name(self) -> str:
        """The file as shown in the summary and in ``skipped.csv``."""
        return self.where or self.path.name


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

    @property
    def learners(self) -> tuple[str, ...]:
        """Every learner (annotator name) with at least one usable record, sorted."""
        return tuple(sorted({n for a in self.articles.values() for n in a.learners}))

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
    import hashlib

    unique = sorted(set(names), key=lambda n: (hashlib.sha256(n.encode("utf-8")).hexdigest(), n))
    width = max(2, len(str(len(unique))))
    return {name: f"Learner {i:0{width}d}" for i, name in enumerate(unique, 1)}


class _Progress:
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


def _seed_articles() -> dict:
    from medialit.articles import seed_article, seed_ids

    return {i: seed_article(i) for i in seed_ids()}


def _resolve_article(article_id: str, articles: dict) -> str | None:
    if article_id in articles:
        return article_id
    matches = [i for i in articles if article_id and i.startswith(article_id)]
    return matches[0] if len(matches) == 1 else None


def _key_matrix(article):
    """The answer key's labels per article sentence (by overlap), or None without a key."""
    import numpy as np

    from medialit.answer_key import AnswerKeyError, answer_key_ids, load_answer_key

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
        for u in key.units:
            if u.start < s.end and s.start < u.end:
                for lab in u.label_set:
                    out[s.index, _LABEL_INDEX[lab]] = True
    return out


# ---------------------------------------------------------------------------
# Finding and reading record files: the folder, its subfolders, zip archives
# ---------------------------------------------------------------------------

class _Unusable(Exception):
    """A file that cannot be counted: ``kind`` (a :class:`Skipped` code) and the reason in words."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind, self.reason = kind, reason


@dataclass
class _Found:
    """A record file found in the folder or in a zip: where it is, and how to read its bytes."""

    where: str
    path: Path
    read: Callable[[], bytes]
    zipped: bool = False


@dataclass
class _Search:
    """What a search of the class folder found (see :func:`_find_records`)."""

    root: Path
    found: list[_Found] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    zips: int = 0
    listed: int = 0            # files listed by the zip archives opened so far
    unzipped: int = 0          # bytes unpacked from zip archives so far

    def skip(self, path: Path, where: str, kind: str, reason: str) -> None:
        self.skipped.append(Skipped(path, kind, reason, where))


def _shown(name: str) -> str:
    """A file name as it can be printed and written to a table: control characters and
    bytes that are not text (a file name from another computer) become ``?``.

    >>> _shown("Ada\\x1b[31m.json")
    'Ada?[31m.json'
    """
    return "".join(ch if ch.isprintable() else "?" for ch in name)


def _open_regular(path: Path):
    """Open a regular file for reading without following a link and without blocking on a
    pipe or device; raises :class:`_Unusable` for anything that is not a plain file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _Unusable("link", "a link (shortcut) to another file: links are not followed") from None
        raise _Unusable("unreadable", f"cannot be read ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _Unusable("unreadable", "not a plain file (a device, pipe or socket): not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_loose(path: Path) -> bytes:
    fh = _open_regular(path)
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_RECORD_BYTES:
            raise _Unusable("unreadable", f"too large for a learner's record ({size:,} bytes)")
        try:
            raw = fh.read(MAX_RECORD_BYTES + 1)
        except OSError as exc:
            raise _Unusable("unreadable", f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_RECORD_BYTES:
        raise _Unusable("unreadable", f"too large for a learner's record (more than {MAX_RECORD_BYTES:,} bytes)")
    return raw


def _unzip(search: _Search, zf, info, limit: int, what: str) -> bytes:
    """One member of a zip, in memory, within ``limit`` bytes and the class's unzip budget."""
    if info.flag_bits & 0x1:
        raise _Unusable("zip", "is encrypted (the zip has a password): cannot be read")
    if info.file_size > limit:
        raise _Unusable("unreadable", f"too large for {what} ({info.file_size:,} bytes unpacked)")
    room = MAX_UNZIPPED_BYTES - search.unzipped
    cap = min(limit, room)
    if cap <= 0 or info.file_size > room:
        raise _Unusable("zip", f"not unpacked: the zip archives together unpack to more than "
                               f"{MAX_UNZIPPED_BYTES // 1_000_000} MB (a safety limit against 'zip bombs')")
    try:
        with zf.open(info) as fh:
            raw = fh.read(cap + 1)              # never more than cap + 1 bytes, whatever the zip claims
    except Exception as exc:  # a damaged, unsupported or hostile member must never stop the class view
        raise _Unusable("zip", f"cannot be unpacked ({type(exc).__name__}: {shorten(str(exc), 80)})") from None
    search.unzipped += len(raw)
    if len(raw) > cap:
        if cap == limit:
            raise _Unusable("unreadable", f"too large for {what} (more than {limit:,} bytes unpacked)")
        raise _Unusable("zip", f"not unpacked: the zip archives together unpack to more than "
                               f"{MAX_UNZIPPED_BYTES // 1_000_000} MB (a safety limit against 'zip bombs')")
    return raw


def _zip_entries(fh) -> int | None:
    """How many files a zip's directory lists, read from its end record before the directory is
    loaded (so a hostile zip listing millions of files is refused cheaply); None if unknown."""
    import zipfile

    end = getattr(zipfile, "_EndRecData", None)
    if end is None:
        return None
    try:
        rec = end(fh)
    except Exception:  # zipfile itself will say what is wrong
        return None
    return None if rec is None else rec[getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)]


def _search_zip(search: _Search, fh, path: Path, where: str, depth: int, stack) -> None:
    """List the records inside one zip archive (read in memory, never extracted to disk)."""
    import zipfile

    def too_many(entries: int) -> bool:
        if entries > MAX_ZIP_MEMBERS:
            search.skip(path, where, "zip", f"lists {entries:,} files, more than a class needs (at most "
                                            f"{MAX_ZIP_MEMBERS:,}): not opened (a safety limit)")
        elif search.listed + entries > MAX_ZIP_MEMBERS:
            search.skip(path, where, "zip", f"not opened: the zip archives together list more than "
                                            f"{MAX_ZIP_MEMBERS:,} files (a safety limit)")
        else:
            return False
        return True

    entries = _zip_entries(fh)
    if entries is not None and too_many(entries):
        return
    try:
        zf = zipfile.ZipFile(fh)
    except Exception as exc:  # not a zip, truncated, damaged
        search.skip(path, where, "zip", f"not a readable zip archive ({shorten(str(exc) or type(exc).__name__, 80)})")
        return
    stack.callback(zf.close)
    infos = zf.infolist()
    if too_many(len(infos)):
        return
    search.listed += len(infos)
    search.zips += 1
    for info in infos:
        parts = [p for p in re.split(r"[/\\]+", info.filename) if p not in ("", ".", "..")]
        if info.is_dir() or not parts or any(p.startswith(".") or p == "__MACOSX" for p in parts):
            continue                            # folders, and hidden files such as __MACOSX/._x.json
        inner = _shown("/".join(parts))
        member_where, member_path = f"{where}/{inner}", path.joinpath(*parts)
        suffix = Path(parts[-1]).suffix.lower()
        if suffix == ".json":
            search.found.append(_Found(member_where, member_path,
                                       lambda zf=zf, info=info: _unzip(search, zf, info, MAX_RECORD_BYTES,
                                                                       "a learner's record"), zipped=True))
        elif suffix == ".zip":
            if depth >= MAX_ZIP_DEPTH:
                search.skip(member_path, member_where, "zip",
                            f"a zip inside a zip inside a zip: not opened (at most {MAX_ZIP_DEPTH} levels)")
                continue
            try:
                raw = _unzip(search, zf, info, MAX_INNER_ZIP_BYTES, "a zip inside a zip")
            except _Unusable as exc:
                search.skip(member_path, member_where, exc.kind, exc.reason)
                continue
            _search_zip(search, io.BytesIO(raw), member_path, member_where, depth + 1, stack)
        else:
            search.ignored.append(member_where)


def _find_records(root: Path, stack) -> _Search:
    """Every ``.json`` file in ``root`` and its subfolders and in every ``.zip`` archive there.

    Hidden files and folders (a name starting with ``.``, ``__MACOSX``) and the kit's own
    report folder (:data:`REPORT_FOLDER`) are passed over;
    links are never followed (a linked folder or file is listed as skipped); other files
    are listed as ignored. Zip archives are opened in memory (``stack`` closes them).
    """
    search = _Search(root)

    def unreadable_folder(exc: OSError) -> None:
        p = Path(exc.filename or root)
        search.skip(p, _shown(_relative(p, root)) + "/", "unreadable",
                    f"a folder that cannot be read ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable_folder, followlinks=False):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            full = here / name
            if name.startswith(".") or name == "__MACOSX" or (here == root and name == REPORT_FOLDER):
                continue                        # hidden, or the kit's own report from an earlier run
            if full.is_symlink():
                search.skip(full, _shown(_relative(full, root)) + "/", "link",
                            "a link (shortcut) to another folder: links are not followed; "
                            "copy the files into the class folder instead")
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith("."):
                continue                        # hidden: .DS_Store, the kit's own temporary files
            full = here / name
            where = _shown(_relative(full, root))
            suffix = Path(name).suffix.lower()
            if suffix not in (".json", ".zip"):
                search.ignored.append(where)
                continue
            if full.is_symlink():
                search.skip(full, where, "link", "a link (shortcut) to another file: links are not followed; "
                                                 "copy the file itself into the class folder instead")
                continue
            if suffix == ".json":
                search.found.append(_Found(where, full, lambda full=full: _read_loose(full)))
                continue
            try:
                fh = _open_regular(full)
            except _Unusable as exc:
                search.skip(full, where, exc.kind, exc.reason)
                continue
            stack.callback(fh.close)
            _search_zip(search, fh, full, where, 1, stack)
    return search


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


# ---------------------------------------------------------------------------
# Checking a record file's fields (without trusting any of them)
# ---------------------------------------------------------------------------

def _a(value) -> str:
    """What kind of JSON value this is, in words (never its content: it may be huge).

    >>> _a(3), _a(None), _a([1]), _a(True)
    ('a number', 'null', 'a list', 'true/false')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object ({...})"
    return type(value).__name__


def _text_problem(value, what: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        return f"{what} is {_a(value)}, not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{what} holds a broken character (half of an emoji or similar)"
    return None


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def record_problem(data) -> str | None:
    """What is wrong with a parsed record file, in plain words; None if every field has the right type.

    Checks each field the class view uses, without trusting any of them: text where
    text belongs, whole numbers where offsets belong, lists and objects where they
    belong, known labels, marks with ``0 <= start < end``, links between marks that exist.
    (Half an emoji in a mark's text is not its concern: reading a file mends it first.)

    >>> good = {"format": "medialit.annotations", "version": 1, "article_id": "000",
    ...         "text_sha256": "ab", "annotator": "Ada", "updated": "2024-01-01T00:00:00+00:00",
    ...         "spans": [{"id": "s1", "start": 0, "end": 7, "label": "hedge"}]}
    >>> record_problem(good) is None
    True
    >>> record_problem({**good, "updated": 20240101})
    "the field 'updated' is a number, not a date and time written as text"
    >>> record_problem({**good, "spans": [{"id": "s1", "start": "0", "end": 7, "label": "hedge"}]})
    "mark 1: 'start' is text, not a whole number"
    """
    from medialit.annotate.model import FORMAT, RELATION_TYPES, SCOPES, SPAN_LABELS, VERSION

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return "not a medialit annotation record (no 'format': 'medialit.annotations')"
    version = data.get("version")
    if not _whole(version) or version != VERSION:
        shown_version = repr(version) if _whole(version) else _a(version)
        return f"record version {shown_version} is not supported (expected {VERSION})"
    for key in ("article_id", "text_sha256", "annotator"):
        if key not in data:
            return f"the field '{key}' is missing"
        why = _text_problem(data[key], f"the field '{key}'")
        if why:
            return why
    name = data["annotator"]
    if not name.strip():
        return "the learner's name is empty"
    if len(name) > MAX_NAME_CHARS:
        return f"the learner's name is {len(name):,} characters long (at most {MAX_NAME_CHARS})"
    if not data["article_id"].strip():
        return "the field 'article_id' is empty"
    for key in ("created", "updated"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return f"the field '{key}' is {_a(value)}, not a date and time written as text"
        why = _text_problem(value, f"the field '{key}'", optional=True)
        if why:
            return why
    length = data.get("text_length")
    if length is not None and not (_whole(length) and length >= 0):
        return f"the field 'text_length' is {_a(length) if not _whole(length) else 'negative'}, " \
               f"not a number of characters"
    spans = data.get("spans", [])
    if not isinstance(spans, list):
        return f"the field 'spans' is {_a(spans)}, not a list of marks"
    ids = set()
    for i, s in enumerate(spans, 1):        # the hot loop of loading a class: exact types, no calls
        if type(s) is not dict:
            return f"mark {i} is {_a(s)}, not an object with start, end and label"
        sid, start, end, label = s.get("id"), s.get("start"), s.get("end"), s.get("label")
        if type(start) is not int or type(end) is not int or type(sid) is not str or type(label) is not str:
            for key in ("id", "start", "end", "label"):
                if key not in s:
                    return f"mark {i} has no '{key}'"
            for key in ("start", "end"):
                if not _whole(s[key]):
                    return f"mark {i}: '{key}' is {_a(s[key])}, not a whole number"
            return _text_problem(sid, f"mark {i}: 'id'") or _text_problem(label, f"mark {i}: 'label'")
        if not 0 <= start < end:
            return f"mark {i} runs from {start} to {end}: a mark needs 0 <= start < end"
        if label not in SPAN_LABELS:
            return f"mark {i} has an unknown label {shorten(label, 30)!r}"
        note, made, scope = s.get("note"), s.get("created"), s.get("scope", "span")
        if note is not None and type(note) is not str:
            return f"mark {i}: 'note' is {_a(note)}, not text"
        if made is not None and type(made) is not str:
            return f"mark {i}: 'created' is {_a(made)}, not text"
        if scope not in SCOPES or type(scope) is not str:
            return f"mark {i}: 'scope' is {_a(scope) if not isinstance(scope, str) else repr(shorten(scope, 20))}, " \
                   f"not one of {', '.join(SCOPES)}"
        ids.add(sid)
    relations = data.get("relations", [])
    if not isinstance(relations, list):
        return f"the field 'relations' is {_a(relations)}, not a list of links"
    for i, r in enumerate(relations, 1):
        if not isinstance(r, dict):
            return f"link {i} is {_a(r)}, not an object with type, source and claim"
        for key in ("type", "source", "claim"):
            why = _text_problem(r.get(key), f"link {i}: '{key}'")
            if why:
                return why
        if r["type"] not in RELATION_TYPES or r["source"] not in ids or r["claim"] not in ids:
            return f"link {i} points at marks that are not in the record, or has an unknown type"
    return None


def _parse_record(raw: bytes) -> AnnotationRecord:
    """A record from a file's bytes; raises :class:`_Unusable` with the kind and reason if it cannot be used.

    A UTF-8 byte order mark (added by some editors) is allowed; anything else that is
    not UTF-8 JSON in the record format is refused, whatever its shape or size.
    """
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Unusable("unreadable", "is UTF-16 text, not UTF-8 (open it in an editor and save it as UTF-8)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unusable("unreadable", f"is not UTF-8 text (byte {exc.start} is not UTF-8)") from None
    if not text.strip():
        raise _Unusable("unreadable", "is empty (not valid JSON)")
    try:
        data = json.loads(text)
    except RecursionError:
        raise _Unusable("unreadable", "is not valid JSON for a record: brackets nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise _Unusable("unreadable", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:                   # e.g. a number with thousands of digits
        raise _Unusable("unreadable", f"is not valid JSON for a record ({shorten(str(exc), 80)})") from None
    if _ESCAPED_SURROGATE.search(text):
        data = _mended(data)
    why = record_problem(data)
    if why:
        raise _Unusable("not-a-record", why)
    try:
        return AnnotationRecord.from_dict(data)
    except Exception as exc:  # the data model's own checks, whatever they raise
        raise _Unusable("not-a-record", f"not a usable medialit record "
                                        f"({shorten(str(exc) or type(exc).__name__, 120)})") from None


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
def _mend(value):
    return clean_text(value) if isinstance(value, str) else value


def _mended(data):
    """The record's text fields with each lone surrogate (half an emoji, written as ``\\ud83d``
    in the JSON) replaced by U+FFFD, as the kit itself saves learner text; the rest unchanged."""
    if not isinstance(data, dict):
        return data
    out = {k: _mend(v) for k, v in data.items()}
    for key in ("spans", "relations"):
        if isinstance(out.get(key), list):
            out[key] = [{k: _mend(v) for k, v in x.items()} if isinstance(x, dict) else x for x in out[key]]
    return out


def _when(stamp: str) -> float:
    """A record's ``updated`` time as a number for ordering copies (unknown: earliest).

    >>> _when("2024-01-01T10:00:00+02:00") < _when("2024-01-01T09:00:00+00:00")
    True
    >>> _when("yesterday")
    -inf
    """
    from datetime import datetime, timezone

    try:
        dt = datetime.fromisoformat(stamp)
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.timestamp()
    except (TypeError, ValueError, OverflowError, OSError):
        return float("-inf")


def load_class(folder: str | Path, *, articles: dict | None = None, source_as_attribution: bool = True,
               progress: bool | None = None) -> ClassData:
    """Read every record in ``folder``, its subfolders and its zip archives, and build the class's marks.

    ``.json`` files are records; ``.zip`` archives (as a learning platform or a hub
    download gives them, also a zip inside a zip) are read in memory, never unpacked
    to disk, within safety limits (:data:`MAX_ZIP_MEMBERS` files listed and
    :data:`MAX_UNZIPPED_BYTES` unpacked, in all). Links are not followed and hidden
    files are passed over. Files that cannot be used are listed in ``skipped`` with the
    reason; other files (not ``.json`` or ``.zip``) in ``ignored``. The same learner's
    record on the same article found twice (say, loose and in a zip) counts once.

    ``articles`` maps article ids to :class:`~medialit.articles.Article` (default: the
    kit's seed articles; a record's id may also be a unique prefix such as ``"000"``).
    Files are only read. ``progress`` draws a bar on stderr (default: for folders
    with at least :data:`PROGRESS_FROM` files, on a terminal).
    Raises :class:`ClassError` if the folder does not exist.
    """
    from contextlib import ExitStack

    folder = Path(folder)
    if not folder.exists():
        raise ClassError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise ClassError(f"{folder}: is a file, not a folder of learner records")
    articles = _seed_articles() if articles is None else dict(articles)
    kept: dict[tuple[str, str], list[tuple[AnnotationRecord, _Found]]] = {}
    with ExitStack() as stack:
        search = _find_records(folder, stack)
        skipped = search.skipped
        bar = _Progress(len(search.found), "Reading records", force=progress)
        for n, found in enumerate(search.found, 1):
            bar(n)
            try:
                record = _parse_record(found.read())
            except _Unusable as exc:
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

    by_article: dict[str, list[tuple[AnnotationRecord, _Found]]] = {}
    for (aid, _), copies in kept.items():
        # Two files of the same learner on the same article: the newer one counts; identical copies
        # once (the loose file rather than the zipped one).
        copies.sort(key=lambda rf: (_when(rf[0].updated), not rf[1].zipped, rf[1].where))
        winner, won_at = copies[-1]
        for rec, found in copies[:-1]:
            if rec.to_dict() == winner.to_dict():
                why = f"the same record as {won_at.where} (an identical copy), counted once"
            elif _when(rec.updated) < _when(winner.updated):
                why = (f"a second record of the same learner on {aid}; the newer one ({won_at.where}) "
                       f"is counted instead")
            else:
                why = (f"a second record of the same learner on {aid}, saved at the same time as "
                       f"{won_at.where}, which is counted instead")
            skipped.append(Skipped(found.path, "duplicate", why, found.where))
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
            marks=_marks(article, [r for r, _ in pairs], source_as_attribution),
            key=_key_matrix(article),
        )
    skipped.sort(key=lambda s: s.name)
    return ClassData(folder, result, skipped, source_as_attribution, len(search.found),
                     sorted(search.ignored), search.zips)


def _marks(article, records: Sequence[AnnotationRecord], source_as_attribution: bool = True):
    """The bool array (learners, sentences, labels) of who marked what, vectorised over all spans."""
    import numpy as np

    label_map = dict(LABEL_MAP)
    if not source_as_attribution:
        del label_map["source"]
    col = {lab: _LABEL_INDEX[target] for lab, target in label_map.items()}
    who, starts, ends, cols = [], [], [], []
    for i, rec in enumerate(records):
        for s in rec.spans:
            k = col.get(s.label)
            if k is not None:
                who.append(i)
                starts.append(s.start)
                ends.append(s.end)
                cols.append(k)
    n_sent = len(article.sentences)
    out = np.zeros((len(records), n_sent, len(SENTENCE_LABELS)), dtype=bool)
    if not who or not n_sent:
        return out
    who_a, start_a, end_a, col_a = (np.asarray(x, dtype=np.int64) for x in (who, starts, ends, cols))
    s_start = np.fromiter((s.start for s in article.sentences), dtype=np.int64, count=n_sent)
    s_end = np.fromiter((s.end for s in article.sentences), dtype=np.int64, count=n_sent)
    # Sentences are sorted and disjoint: a span overlaps sentences first..last-1.
    first = np.searchsorted(s_end, start_a, side="right")
    last = np.searchsorted(s_start, end_a, side="left")
    n = np.maximum(last - first, 0)
    rows = np.repeat(np.arange(len(n)), n)
    offsets = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    out[who_a[rows], first[rows] + offsets, col_a[rows]] = True
    return out


# ---------------------------------------------------------------------------
# Agreement measures
# ---------------------------------------------------------------------------

#: Landis & Koch (1977): the usual words for kappa values.
BANDS = ((0.20, "slight agreement"), (0.40, "fair agreement"), (0.60, "moderate agreement"),
         (0.80, "substantial agreement"), (1.0, "almost perfect agreement"))

#: Words for the cases where a measure is undefined (the reason codes of :func:`describe_agreement`).
DEGENERATE = {
    "nobody": "nobody marked this label on any sentence: everyone agreed it is absent, so kappa is "
              "undefined; agreement is perfect",
    "everybody": "everyone marked this label on every sentence: everyone agreed on every sentence, so "
                 "kappa is undefined; agreement is perfect",
    "one": "only one learner: agreement needs at least two",
    "none": "no learners",
    "no-items": "no sentences to compare",
    "same-value": "both gave the same answer on every sentence: kappa is undefined; agreement is perfect",
}


def describe_agreement(value: float | None, reason: str | None = None) -> str:
    """A kappa or alpha in words (Landis & Koch bands), or why it is undefined.

    >>> describe_agreement(0.45)
    'moderate agreement'
    >>> describe_agreement(-0.1)
    'less than chance agreement'
    """
    if value is None:
        return DEGENERATE.get(reason or "", reason or "undefined")
    if value >= 0.999999:
        return "perfect agreement"
    if value < 0:
        return "less than chance agreement"
    for upper, words in BANDS:
        if value <= upper:
            return words
    return BANDS[-1][1]


def fleiss_kappa(counts) -> float | None:
    """Fleiss' kappa from a table ``counts[item][category]`` = how many raters chose it.

    Items may have different numbers of raters (the general form: each item's
    agreement is over its own raters; items rated by fewer than two are left out).
    Returns ``None`` when kappa is undefined: every rating in one category, or no
    item with two raters.

    Fleiss (1971) as given on Wikipedia ("Fleiss' kappa", worked example: 10 items,
    14 raters, 5 categories) gives P = 0.378, Pe = 0.213, kappa = 0.210:

    >>> round(fleiss_kappa([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    ...     [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0],
    ...     [0, 2, 2, 3, 7]]), 3)
    0.21
    """
    import numpy as np

    c = np.asarray(counts, dtype=np.float64)
    if c.ndim != 2 or c.size == 0:
        return None
    n = c.sum(axis=1)
    keep = n >= 2
    c, n = c[keep], n[keep]
    if not len(n):
        return None
    p_item = ((c * c).sum(axis=1) - n) / (n * (n - 1))
    p_bar = p_item.mean()
    p_cat = c.sum(axis=0) / c.sum()
    p_e = float((p_cat * p_cat).sum())
    if p_e >= 1 - 1e-12:
        return None
    return float((p_bar - p_e) / (1 - p_e))


def krippendorff_alpha(counts) -> float | None:
    """Krippendorff's alpha (nominal) from ``counts[unit][value]``, with the ``krippendorff`` package.

    Returns ``None`` when alpha is undefined (one value only, or no unit with two ratings).
    Hand-computed: 2 coders, units (1,1), (1,0), (0,0), (0,0): observed disagreement
    2/8, expected 2*5*3/(8*7) = 30/56, alpha = 1 - (2/8)/(30/56) = 8/15:

    >>> round(krippendorff_alpha([[0, 2], [1, 1], [2, 0], [2, 0]]), 4)
    0.5333
    """
    import numpy as np

    c = np.asarray(counts, dtype=np.float64)
    if c.ndim != 2 or c.shape[1] < 2 or not (c.sum(axis=1) >= 2).any():
        return None
    totals = c[c.sum(axis=1) >= 2].sum(axis=0)
    if (totals > 0).sum() < 2:
        return None
    import krippendorff

    value = float(krippendorff.alpha(value_counts=c, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two raters' answers on the same items (any hashable categories).

    ``None`` when undefined (no items, or both raters used one and the same category
    throughout). Wikipedia's "Cohen's kappa" example: 50 items, yes/yes 20, yes/no 5,
    no/yes 10, no/no 15 gives po = 0.7, pe = 0.5, kappa = 0.4:

    >>> round(cohen_kappa([1] * 25 + [0] * 25, [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15), 6)
    0.4
    """
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError("the two raters must answer the same items")
    n = len(a)
    if not n:
        return None
    cats = set(a) | set(b)
    p_o = sum(1 for x, y in zip(a, b) if x == y) / n
    p_e = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if p_e >= 1 - 1e-12:
        return None
    return (p_o - p_e) / (1 - p_e)


# ---------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------

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
class LabelAgreement:
    """How well the class agrees on one label (on one article, or on all of them).

    ``fleiss`` and ``alpha`` are None when undefined; ``words`` always says it in words.
    """

    article_id: str
    label: str
    learners: int
    sentences: int
    marked_share: float
    fleiss: float | None
    alpha: float | None
    words: str
    reason: str | None = None      # why the measures are undefined (a key of DEGENERATE), else None

    def numbers(self) -> str:
        if self.fleiss is None and self.alpha is None:
            return "undefined"
        f = "–" if self.fleiss is None else f"{self.fleiss:.2f}"
        a = "–" if self.alpha is None else f"{self.alpha:.2f}"
        return f"kappa {f}, alpha {a}"


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
        return [a for a in self.agreement if a.article_id == article_id]

    def overall_f1(self) -> dict[str, float | None]:
        return {s.learner: s.f1 for s in self.scores if s.label == "overall"}


def _agreement_reason(counts_marked, raters) -> str | None:
    """Why agreement is undefined for these (marked, raters) per item, or None if it is defined."""
    import numpy as np

    raters = np.asarray(raters)
    marked = np.asarray(counts_marked)
    if not len(raters):
        return "no-items"
    if raters.max(initial=0) == 0:
        return "none"
    if raters.max() < 2:
        return "one"
    usable = raters >= 2
    if marked[usable].sum() == 0:
        return "nobody"
    if (marked[usable] == raters[usable]).all():
        return "everybody"
    return None


def label_agreement(article_id: str, marked, raters, label: str, learners: int | None = None) -> LabelAgreement:
    """Agreement on one label, from per-sentence counts of learners who marked it and who rated it.

    ``learners`` is the number of learners to report (default: the most raters of any sentence).
    """
    import numpy as np

    marked = np.asarray(marked, dtype=np.int64)
    raters = np.asarray(raters, dtype=np.int64)
    table = np.stack([raters - marked, marked], axis=1) if len(marked) else np.zeros((0, 2))
    reason = _agreement_reason(marked, raters)
    fleiss = alpha = None
    if reason is None:
        fleiss = fleiss_kappa(table)
        alpha = krippendorff_alpha(table)
    words = describe_agreement(fleiss if fleiss is not None else alpha, reason)
    total = raters.sum()
    learners = int(raters.max(initial=0)) if learners is None else learners
    return LabelAgreement(article_id, label, learners, len(marked),
                          float(marked.sum() / total) if total else 0.0, fleiss, alpha, words, reason)


def pair_agreement(data: ClassData, a: str, b: str, label: str | None = None) -> list[tuple[str, float | None, str]]:
    """Cohen's kappa between two learners, per label, on the sentences of the articles both did.

    Returns ``(label, kappa or None, words)`` for each label (or the one asked for).
    """
    labels = [label] if label else list(SENTENCE_LABELS)
    out = []
    for lab in labels:
        k = _LABEL_INDEX[lab]
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

    Runs :func:`medialit.detect.analyze` (imported only here). A detector sentence
    gives its labels to the article sentence it mostly overlaps.
    """
    import numpy as np

    try:
        from medialit.detect import analyze

        analysis = analyze(article)
    except Exception as exc:  # the detector is optional for the class view
        return None, f"the detector is not available ({type(exc).__name__}: {exc})"
    out = np.zeros((len(article.sentences), len(SENTENCE_LABELS)), dtype=bool)
    for i, sa in enumerate(getattr(analysis, "sentences", [])):
        sent = getattr(sa, "sentence", None)
        targets = []
        if sent is not None and hasattr(sent, "start"):
            for s in article.sentences:
                ov = min(s.end, sent.end) - max(s.start, sent.start)
                if ov > 0 and 2 * ov >= min(s.end - s.start, sent.end - sent.start):
                    targets.append(s.index)
        elif i < len(article.sentences):
            targets.append(i)
        for lab in getattr(sa, "labels", ()):
            name = lab if isinstance(lab, str) else getattr(lab, "label", str(lab))
            if name in _LABEL_INDEX:
                for t in targets:
                    out[t, _LABEL_INDEX[name]] = True
    return out, ""


# ---------------------------------------------------------------------------
# Tables (plain rows for CSV; pandas only in the *_table functions)
# ---------------------------------------------------------------------------

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
    return [{"article": a.article_id, "label": a.label, "learners": a.learners, "sentences": a.sentences,
             "share_marked": _num(a.marked_share), "fleiss_kappa": _num(a.fleiss),
             "krippendorff_alpha": _num(a.alpha), "in_words": a.words} for a in report.agreement]


def score_rows(report: ClassReport, pseudonyms: bool = False) -> list[dict]:
    name = report.data.namer(pseudonyms)
    rows = [{"learner": name(s.learner), "label": s.label, "articles": s.articles, "tp": s.tp, "fp": s.fp,
             "fn": s.fn, "precision": _num(s.precision), "recall": _num(s.recall), "f1": _num(s.f1)}
            for s in report.scores]
    if pseudonyms:
        rows.sort(key=lambda r: (r["learner"], r["label"] == "overall"))
    return rows


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
    import io

    buf = io.StringIO()
    names = list(rows[0]) if rows else list(fieldnames or ())
    if names:
        # Rows end in CR LF (RFC 4180), so a CR or LF inside a cell is always quoted, never a new row.
        w = csv.DictWriter(buf, fieldnames=names, lineterminator="\r\n")
        w.writeheader()
        w.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    atomic_write_text(path, buf.getvalue())
    return path


# ---------------------------------------------------------------------------
# Summary in words
# ---------------------------------------------------------------------------

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
        lines.append(f"  {aid}: {len(art.learners)} learners, {len(art.article.sentences)} sentences{key}")
    if data.empty_records:
        lines.append(f"  {data.empty_records} record(s) have no marks at all; they count as "
                     f"'no label on any sentence'.")
    if data.zips:
        lines.append(f"  Records were also read from {data.zips} zip archive{'s' if data.zips > 1 else ''} "
                     f"(in memory; nothing was unpacked to disk).")
    if data.ignored:
        some = "" if pseudonyms else ": " + ", ".join(data.ignored[:5]) + (", …" if len(data.ignored) > 5 else "")
        lines.append(f"  Not read: {len(data.ignored)} other file{'s' if len(data.ignored) > 1 else ''} "
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
        import statistics

        lines.append("")
        lines.append(f"Learners against the answer key (sentence labels, F1 over all labels): median "
                     f"{statistics.median(f1):.2f}, lowest {min(f1):.2f}, highest {max(f1):.2f} "
                     f"({len(f1)} learners)")
        matched = [r.matches_key for r in report.labels if r.matches_key is not None]
        if matched:
            lines.append(f"The class majority matches the key on {sum(matched)} of {len(matched)} "
                         f"sentence-and-label decisions ({100 * sum(matched) / len(matched):.0f}%).")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The whole report (CSV + PNG)
# ---------------------------------------------------------------------------

def write_report(report: ClassReport, out: str | Path, *, pseudonyms: bool = False, plots: bool = True,
                 detector: bool = True) -> tuple[list[Path], list[str]]:
    """Write the CSV tables (and PNG plots) into ``out``; returns (paths written, notes in words)."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ClassError(f"{out}: cannot create the report folder ({exc.strerror or exc})") from None
    written = [
        write_csv(out / "sentences.csv", sentence_rows(report)),
        write_csv(out / "sentence_labels.csv", sentence_label_rows(report)),
        write_csv(out / "agreement.csv", agreement_rows(report)),
        write_csv(out / "learner_scores.csv", score_rows(report, pseudonyms)),
        write_csv(out / "skipped.csv", skipped_rows(report.data), ("file", "kind", "reason")),
    ]
    notes: list[str] = []
    if plots:
        from medialit import plots as P

        paths, notes = P.save_all(report, out, pseudonyms=pseudonyms, detector=detector)
        written += paths
    return written, notes


# ---------------------------------------------------------------------------
# Exports for researchers
# ---------------------------------------------------------------------------

BRAT_CONF = """# brat configuration for medialit class exports (one folder per article, one file pair per learner)
[entities]
attribution
hedge
booster
speculation
opinion
loaded
source

[relations]
attributed_to Arg1:<ENTITY>, Arg2:source

[events]

[attributes]
"""


def _renamed(record: AnnotationRecord, name: str) -> AnnotationRecord:
    return replace(record, annotator=name, spans=list(record.spans), relations=list(record.relations))


def export_brat(data: ClassData, folder: str | Path, *, pseudonyms: bool = False) -> list[Path]:
    """Write the class as brat standoff: ``folder/<article id>/<learner>.txt`` + ``.ann``.

    Offsets are code points (as brat counts). An ``annotation.conf`` is written
    beside each article folder's files. Returns the ``.ann`` paths.
    """
    from medialit.annotate.formats import write_brat

    folder = Path(folder)
    name = data.namer(pseudonyms)
    out = []
    for aid, art in data.articles.items():
        sub = folder / sanitize_name(aid)
        sub.mkdir(parents=True, exist_ok=True)
        atomic_write_text(sub / "annotation.conf", BRAT_CONF)
        used: set[str] = set()
        for rec in art.records:
            who = name(rec.annotator)
            out.append(write_brat(_renamed(rec, who), art.article.text, sub, _file_stem(who, used)))
    return out


def _file_stem(name: str, used: set[str]) -> str:
    """A file name for a learner, distinct from those in ``used`` (which it joins).

    Names without a letter or digit get a fingerprint; two names that look alike as
    file names (``a/b`` and ``a_b``) get a fingerprint on the second.

    >>> used = set()
    >>> _file_stem("Ada", used), _file_stem("$$$", used)[:8], _file_stem("Ada!", used)[:4]
    ('Ada', 'learner-', 'Ada-')
    """
    import hashlib

    tag = hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:8]
    try:
        stem = sanitize_name(name)
    except (TypeError, ValueError):
        stem = f"learner-{tag}"
    if stem.lower() in used:
        stem = f"{stem}-{tag}"
    used.add(stem.lower())
    return stem


def label_studio_tasks(data: ClassData, *, pseudonyms: bool = False) -> list[dict]:
    """One Label Studio task per article, with one annotation per learner (UTF-16 offsets)."""
    name = data.namer(pseudonyms)
    tasks = []
    for aid, art in data.articles.items():
        text = art.article.text
        offsets = OffsetMap(text)
        anns = [label_studio_annotation(_renamed(rec, name(rec.annotator)), text, offsets) for rec in art.records]
        tasks.append({"data": {"text": text, "article_id": aid, "text_sha256": art.article.sha256},
                      "annotations": anns})
    return tasks


def export_label_studio(data: ClassData, path: str | Path, *, pseudonyms: bool = False) -> Path:
    """Write :func:`label_studio_tasks` as one JSON file (a list of tasks) for Label Studio's import."""
    path = Path(path)
    atomic_write_text(path, json.dumps(label_studio_tasks(data, pseudonyms=pseudonyms), ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------------------
# A synthetic class
# ---------------------------------------------------------------------------

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
some random misses and extra marks.

Nothing here was written by a real person. Do not use it as research data.
"""


@dataclass(frozen=True)
class DemoClass:
    folder: Path
    learners: int
    records: int
    seed: int


def _demo_learner(rng: random.Random, article, key, name: str, skill: float, tagger: bool) -> AnnotationRecord:
    rec = AnnotationRecord.new(article.id, article.text, name)
    counter = [0]

    def sentence_of(unit):
        return next(s for s in article.sentences if s.start <= unit.start < s.end or
                    (unit.start < s.end and s.start < unit.end))

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


def make_demo_class(outdir: str | Path, learners: int, seed: int = 0, *, absent: float = 0.07) -> DemoClass:
    """Write a synthetic class of ``learners`` learners on both seed articles into ``outdir``.

    Each learner skips an article with probability ``absent`` (but does at least
    one), as in a real class. Deterministic for a given seed (the same bytes every
    time). Synthetic records left in ``outdir`` by an earlier demo are replaced.
    Raises :class:`ClassError` for a bad number of learners, or when ``outdir``
    already holds records that are not synthetic (a real class is never mixed with
    a demo).
    """
    from medialit.answer_key import answer_key_ids, load_answer_key
    from medialit.articles import seed_article

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
            path = record_path(out, aid, name)
            atomic_write_text(path, json.dumps(rec.to_dict(), ensure_ascii=False, indent=1) + "\n")
            fresh.add(path.name)
            written += 1
    for old in out.glob(f"{DEMO_PREFIX}*.json"):   # left from an earlier, larger demo class
        if old.name not in fresh:
            old.unlink()
    atomic_write_text(out / "README.txt", DEMO_README.format(n=learners, seed=seed, folder=out, prefix=DEMO_PREFIX))
    return DemoClass(out, learners, written, seed)


# ---------------------------------------------------------------------------
# The command line's work (medialit class / demo-class)
# ---------------------------------------------------------------------------

def run_class(folder: str | Path, out: str | Path | None = None, *, pseudonyms: bool = False,
              brat: str | Path | None = None, label_studio: str | Path | None = None,
              plots: bool = True, stream=None) -> ClassReport:
    """Load, compute, print the summary, write the report and the exports (``medialit class``)."""
    stream = stream if stream is not None else sys.stdout
    t0 = time.perf_counter()
    data = load_class(folder)
    if not data.articles:
        kinds: dict[str, int] = {}
        for s in data.skipped:
            kinds[s.kind] = kinds.get(s.kind, 0) + 1
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        raise ClassError(f"{folder}: no usable learner records" +
                         (f" ({len(data.skipped)} file{'s' if len(data.skipped) > 1 else ''} skipped: "
                          f"{detail})" if data.skipped
                          else " (no .json records or .zip archives in it or its subfolders)"))
    report = class_statistics(data)
    out = Path(out) if out is not None else Path(folder) / REPORT_FOLDER
    stream.write(summary_text(report, pseudonyms=pseudonyms) + "\n\n")
    stream.flush()
    written, notes = write_report(report, out, pseudonyms=pseudonyms, plots=plots)
    for note in notes:
        stream.write(f"Note: {note}\n")
    csvs = sum(1 for p in written if p.suffix == ".csv")
    pngs = sum(1 for p in written if p.suffix == ".png")
    stream.write(f"Wrote {csvs} tables (CSV) and {pngs} plots (PNG) to {out}\n")
    if brat is not None:
        anns = export_brat(data, brat, pseudonyms=pseudonyms)
        stream.write(f"Wrote {len(anns)} brat annotation files to {brat}\n")
    if label_studio is not None:
        export_label_studio(data, label_studio, pseudonyms=pseudonyms)
        stream.write(f"Wrote {len(data.articles)} Label Studio tasks to {label_studio}\n")
    stream.write(f"Done in {time.perf_counter() - t0:.2f} s\n")
    return report


__all__ = [
    "ALL_ARTICLES", "ArticleClass", "ClassData", "ClassError", "ClassReport", "DemoClass", "LABEL_MAP",
    "LabelAgreement", "LearnerScore", "SentenceLabelStat", "SentenceStat", "Skipped", "agreement_table",
    "class_statistics", "cohen_kappa", "describe_agreement", "detector_labels", "export_brat",
    "export_label_studio", "fleiss_kappa", "krippendorff_alpha", "label_agreement", "label_studio_tasks",
    "learner_scores", "load_class", "make_demo_class", "pair_agreement", "pseudonym_map", "record_problem",
    "run_class", "scores_table", "sentence_label_table", "sentence_table", "spreadsheet_safe", "summary_text",
    "write_csv", "write_report",
]
