"""Storage: one JSON file per learner per article, shared safely by every notebook and process.

What the storage guarantees:

* **Nothing a learner did is overwritten by another notebook.** Every change is a
  read-merge-write under a cross-process lock (``filelock``, a file ``.<record>.lock``
  beside the record): the file is re-read from disk, *this* change is applied to what
  is there (add, update, remove, link, unlink), and the result is written atomically.
  A mark made in another notebook or kernel is therefore kept, and the store sees it
  (listeners are told, :attr:`AnnotationStore.news` says what came in).
  :meth:`AnnotationStore.refresh` re-reads without changing anything.
* **Undo undoes this store's last change**, as an operation (remove the span it added,
  re-add the span it removed, put back the old label or note), never a snapshot.
* **Never half a file.** Records are written to a temporary file in the same folder,
  flushed and renamed over the old one; temporary files left by a crash (older than a
  minute) are removed on the next open.
* **No links, no special files.** The record, its lock and its temporary file are never
  followed through a symbolic link: a link, FIFO, device or socket at the record's path
  is refused with a :class:`StorageError` (one plain line) and nothing is touched. The
  annotations *folder* itself may be a link (a hub may link it to shared storage).
* **Broken files are kept, not lost.** A record that cannot be used (not JSON, nested too
  deeply, wrong types, too large, a folder where the file should be, another version of
  the article) is renamed ``<name>.<why>-<time>.json`` and the store says so in
  :attr:`AnnotationStore.messages`. A UTF-8 byte-order mark is accepted.
* **A failed save is not kept.** If writing fails (read-only folder, disk full) a
  :class:`StorageError` is raised and the in-memory record stays what is on disk.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> store = AnnotationStore.open("000", "Perhaps it rains.", "Ada", folder=folder)
>>> _ = store.add_span(0, 7, "hedge")
>>> AnnotationStore.open("000", "Perhaps it rains.", "Ada", folder=folder) is store
True
>>> AnnotationStore.forget_all(); store2 = AnnotationStore.open("000", "Perhaps it rains.", "Ada", folder=folder)
>>> [s.label for s in store2.record.spans]
['hedge']
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import threading
import time
import unicodedata
import warnings
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable

from medialit.annotate.model import (  # noqa: F401  (record_json: used by other modules)
    AnnotationRecord, Answer, Attempt, RecordError, Span, clean_text, record_json, text_sha256,
)
from medialit.annotate.safefiles import (  # noqa: F401  (atomic_write_text, StorageError: used by other modules)
    StorageError, UnusableFile, atomic_write_bytes, atomic_write_text, file_lock, move_aside, path_kind,
    read_regular_file, refuse_unsafe, save_error,
)

#: Environment variable naming the folder for annotation files.
FOLDER_ENV = "MEDIALIT_ANNOTATIONS"
#: A record file larger than this is not a learner's record: it is moved aside, not read.
MAX_RECORD_BYTES = 5_000_000
#: Temporary files older than this (seconds) were left by a crash and are removed on open.
STALE_TMP_SECONDS = 60
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def sanitize_name(name: str) -> str:
    """A learner's name made safe as part of a file name.

    Letters (any alphabet), digits, ``-`` and ``_`` are kept; everything else
    becomes ``_``. No path separators, no leading dot (hidden file), no ``..``.

    >>> sanitize_name("Zoë O'Neil")
    'Zoë_O_Neil'
    >>> sanitize_name("../../etc/passwd")
    'etc_passwd'
    >>> sanitize_name(".hidden")
    'hidden'
    """
    if not isinstance(name, str):
        raise TypeError("a learner name must be text")
    flat = unicodedata.normalize("NFKC", name).strip()
    flat = "".join(ch if (ch.isalnum() or ch in "-_") else "_" for ch in flat)
    flat = re.sub(r"_+", "_", flat).strip("_-")
    flat = flat[:64]
    if not flat:
        raise ValueError(f"the name {name!r} has no letters or digits; please type your name")
    if flat.lower() in _RESERVED:
        flat = f"learner-{flat}"
    return flat


def name_part(name: str, hashed: bool = False) -> str:
    """The learner's part of a file name; distinct names always give distinct parts.

    A name that is already safe is used as it is (unless ``hashed``); any other name
    gets ``~`` and a short hash of the exact (NFC-normalised) name, so ``a b``, ``a/b``
    and ``a_b`` never share a file.

    >>> name_part("Ada"), name_part("a b") == name_part("a/b"), name_part("a b")[:4]
    ('Ada', False, 'a_b~')
    """
    safe = sanitize_name(name)
    exact = unicodedata.normalize("NFC", name)
    if safe == exact and not hashed:
        return safe
    return f"{safe}~{hashlib.sha256(exact.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def default_folder() -> Path:
    """Where records are saved: ``$MEDIALIT_ANNOTATIONS``, else ``annotations/`` beside the notebook."""
    return Path(os.environ.get(FOLDER_ENV) or Path.cwd() / "annotations")


def record_path(folder: str | Path, article_id: str, annotator: str, hashed: bool = False) -> Path:
    """The record file of ``annotator`` on ``article_id`` (see :func:`name_part`)."""
    return Path(folder) / f"{name_part(annotator, hashed)}__{sanitize_name(article_id)}.json"


def legacy_record_path(folder: str | Path, article_id: str, annotator: str) -> Path:
    """Where earlier versions of the kit saved the record (names that differed could share it)."""
    return Path(folder) / f"{sanitize_name(annotator)}__{sanitize_name(article_id)}.json"


def _read_bytes(path: Path) -> bytes | None:
    try:
        return read_regular_file(path, MAX_RECORD_BYTES)
    except UnusableFile as exc:
        raise RecordError(str(exc)) from None


def parse_record(raw: bytes, name: str = "the record") -> AnnotationRecord:
    """A record from a file's bytes; raises :class:`RecordError` with the reason if it cannot be used."""
    if len(raw) > MAX_RECORD_BYTES:
        raise RecordError(f"{name} is too large for a learner's record")
    try:
        text = raw.decode("utf-8-sig")           # a byte-order mark is accepted
    except UnicodeDecodeError:
        raise RecordError(f"{name} is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{name} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise RecordError(f"{name} is not valid JSON (nested too deeply)") from None
    return AnnotationRecord.from_dict(data)


def read_record(path: Path) -> AnnotationRecord:
    """Read one record file; raises :class:`RecordError` if it cannot be used, :class:`StorageError`
    for a link or a special file (which is never read)."""
    path = Path(path)
    raw = _read_bytes(path)
    if raw is None:
        raise FileNotFoundError(errno.ENOENT, "no such record", str(path))
    return parse_record(raw, path.name)


def _owner(path: Path) -> str | None:
    """The (NFC) annotator name of the readable record at ``path``, else ``None``."""
    try:
        return unicodedata.normalize("NFC", read_record(path).annotator)
    except (RecordError, OSError):
        return None


def _copy(record: AnnotationRecord) -> AnnotationRecord:
    return replace(record, spans=list(record.spans), relations=list(record.relations),
                   answers=list(record.answers), attempts=list(record.attempts))


class AnnotationStore:
    """The saved annotations (and written answers, quiz tries) of one learner on one article, shared by
    every widget that uses them.

    Use :meth:`open` (not the constructor) so that two widgets on the same learner
    and article get the same store. Every change is merged into the file on disk at
    once (see the module's guarantees); listeners registered with :meth:`subscribe`
    are told about it.
    """

    _open: dict[Path, "AnnotationStore"] = {}
    _lock = threading.Lock()

    def __init__(self, path: Path, article_id: str, text: str, annotator: str):
        self.path = path
        self.lock_path = path.with_name(f".{path.name}.lock")
        self.article_id = article_id
        self.text = text
        self.annotator = clean_text(annotator)
        self.messages: list[str] = []
        #: What the last change or refresh brought in from other notebooks, in plain words ("" if nothing).
        self.news = ""
        self._listeners: list[Callable[["AnnotationStore", str], None]] = []
        self._history: list[tuple] = []
        self._mutex = threading.RLock()
        self._holder: int | None = None         # the thread that holds the file lock, if any
        self._raw: bytes | None = None
        self._clean_stale_temps()
        self.record = self._load()

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, article_id: str, text: str, annotator: str, folder: str | Path | None = None) -> "AnnotationStore":
        """The shared store of ``annotator`` on ``article_id``, loading what was saved."""
        folder = Path(os.path.abspath(folder if folder is not None else default_folder()))
        path = cls._choose_path(folder, article_id, annotator)
        with cls._lock:
            store = cls._open.get(path)
            if store is None or store.text != text:
                store = cls(path, article_id, text, annotator)
                cls._open[path] = store
            return store

    @classmethod
    def _choose_path(cls, folder: Path, article_id: str, annotator: str) -> Path:
        """The record path, adopting a file saved by an earlier version under the same exact name.

        A safe name whose plain file holds another learner's record (saved by an earlier
        version for a name like ``a b``, or ``ada`` on a case-insensitive disk) gets the
        hashed file name instead, so two names never share a file.
        """
        path, legacy = record_path(folder, article_id, annotator), legacy_record_path(folder, article_id, annotator)
        name = unicodedata.normalize("NFC", clean_text(annotator))
        if path == legacy:
            hashed = record_path(folder, article_id, annotator, hashed=True)
            return hashed if path_kind(hashed) is not None or _owner(path) not in (None, name) else path
        if path_kind(path) is None and path_kind(legacy) == "file":
            if _owner(legacy) == name:
                try:
                    with file_lock(path.with_name(f".{path.name}.lock")):
                        if path_kind(path) is None and path_kind(legacy) == "file":
                            os.replace(legacy, path)
                except OSError:             # e.g. a read-only folder: keep using the old name
                    return legacy
        return path

    @classmethod
    def forget_all(cls) -> None:
        """Drop the shared stores (as a kernel restart would); files stay on disk."""
        with cls._lock:
            cls._open.clear()

    def _clean_stale_temps(self) -> None:
        try:
            names = os.listdir(self.path.parent)
        except OSError:
            return
        prefix, cutoff = f".{self.path.name}.", time.time() - STALE_TMP_SECONDS
        for name in names:
            if name.startswith(prefix) and name.endswith(".tmp"):
                tmp = self.path.parent / name
                try:
                    st = os.lstat(tmp)
                    if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff:
                        os.unlink(tmp)
                except OSError:
                    pass

    def _load(self) -> AnnotationRecord:
        refuse_unsafe(self.path)
        try:
            return self._read_disk()            # a healthy file is read without taking the lock
        except RecordError:
            pass
        with self._locked():                    # a broken one is moved aside under the lock
            return self._read_disk()

    def _read_disk(self) -> AnnotationRecord:
        """What is on disk now (a new record if nothing); broken files are moved aside (under the lock)."""
        try:
            raw = _read_bytes(self.path)
            if raw is None:
                self._raw = None
                return AnnotationRecord.new(self.article_id, self.text, self.annotator)
            if raw == self._raw:
                return _copy(self.record)
            record = parse_record(raw, self.path.name)
            if record.article_id != self.article_id:
                raise RecordError(f"{self.path.name} belongs to article {record.article_id!r}, "
                                  f"not {self.article_id!r}")
        except RecordError as exc:
            if not self._holding():
                raise
            aside = move_aside(self.path, "unreadable")
            self._say(f"The saved file could not be read ({exc}). It was kept as {aside.name}, "
                      f"not overwritten; you are starting afresh.")
            self._raw = None
            return AnnotationRecord.new(self.article_id, self.text, self.annotator)
        if record.text_sha256 != text_sha256(self.text):
            if not self._holding():
                raise RecordError("another version of the text")
            aside = move_aside(self.path, "other-text")
            self._say(f"Your earlier annotations were made on a different version of this article's "
                      f"text, so they could not be placed on it. They are kept in {aside.name}; "
                      f"you are starting afresh.")
            self._raw = None
            return AnnotationRecord.new(self.article_id, self.text, self.annotator)
        if record.text_length is None:
            record.text_length = len(self.text)
        self._raw = raw
        return record

    def _say(self, message: str) -> None:
        self.messages.append(message)
        warnings.warn(message, stacklevel=3)

    # -- the lock --------------------------------------------------------------------
    def _holding(self) -> bool:
        return self._holder == threading.get_ident()

    @contextmanager
    def _locked(self):
        with self._mutex:
            if self._holding():
                yield
                return
            with file_lock(self.lock_path):
                refuse_unsafe(self.path)
                self._holder = threading.get_ident()
                try:
                    yield
                finally:
                    self._holder = None

    # -- listening -----------------------------------------------------------------
    def subscribe(self, listener: Callable[["AnnotationStore", str], None]) -> Callable[[], None]:
        """Call ``listener(store, what)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, what: str) -> None:
        for listener in list(self._listeners):
            listener(self, what)

    def _news(self, before: AnnotationRecord, disk: AnnotationRecord) -> tuple[int, int]:
        """How many marks other notebooks added and removed since this store last looked."""
        mine, theirs = {s.id for s in before.spans}, {s.id for s in disk.spans}
        added, removed = len(theirs - mine), len(mine - theirs)
        parts = []
        if added:
            parts.append(f"{added} mark{'s' if added != 1 else ''} from another notebook "
                         f"{'were' if added != 1 else 'was'} added.")
        if removed:
            parts.append(f"{removed} mark{'s' if removed != 1 else ''} {'were' if removed != 1 else 'was'} "
                         "removed in another notebook.")
        self.news = " ".join(parts)
        return added, removed

    # -- the one way to change a record ----------------------------------------------------
    def _apply(self, what: str, change: Callable[[AnnotationRecord], tuple], remember: bool = True):
        """Read the file under the lock, apply ``change`` to a copy, write it; returns the change's result.

        ``change(record)`` returns ``(result, inverse)``: ``inverse`` (an operation for
        :meth:`undo`) or ``None`` if nothing changed (then nothing is written).
        """
        with self._locked():
            disk = self._read_disk()
            self._news(self.record, disk)
            self.record = disk                          # what is on disk, whatever happens next
            new = _copy(disk)
            result, inverse = change(new)               # a RecordError leaves the file as it is
            if inverse is not None:
                new.touch()
                raw = record_json(new).encode("utf-8")
                try:
                    atomic_write_bytes(self.path, raw)
                except OSError as exc:                  # never keep the change that failed
                    raise save_error(exc, self.path) from None
                self._raw, self.record = raw, new
                if remember:
                    self._history.append(inverse)
                    del self._history[:-200]
        self._notify(what)
        return result

    def refresh(self) -> tuple[int, int]:
        """Re-read the file; returns (marks added, marks removed) by other notebooks since the last look.

        Listeners are told with ``what="refresh"`` when anything changed.
        """
        with self._mutex:
            refuse_unsafe(self.path)
            try:
                disk = self._read_disk()        # reading needs no lock: files are replaced whole
            except RecordError:
                with self._locked():
                    disk = self._read_disk()
            counts = self._news(self.record, disk)
            changed = disk.to_dict() != self.record.to_dict()
            self.record = disk
        if changed:
            self._notify("refresh")
        return counts

    # -- editing (each change is saved at once) ------------------------------------------
    def add_span(self, start: int, end: int, label: str, note: str = "", *, scope: str = "span") -> Span:
        def change(rec):
            n = len(rec.spans)
            span = rec.add_span(start, end, label, note, scope=scope)
            return span, (("remove", span.id) if len(rec.spans) > n else None)
        return self._apply("add", change)

    def update_span(self, span_id: str, **changes) -> Span:
        def change(rec):
            old = rec.span(span_id)
            new = rec.update_span(span_id, **changes)
            back = {k: getattr(old, k) for k in changes if getattr(old, k) != getattr(new, k)}
            return new, (("update", span_id, back) if back else None)
        return self._apply("update", change)

    def remove_span(self, span_id: str) -> Span:
        def change(rec):
            links = [r for r in rec.relations if span_id in (r.source, r.claim)]
            return (old := rec.remove_span(span_id)), ("restore", old, links)
        return self._apply("remove", change)

    def link(self, source_id: str, claim_id: str) -> None:
        def change(rec):
            n = len(rec.relations)
            rec.link(source_id, claim_id)
            return None, (("unlink", source_id, claim_id) if len(rec.relations) > n else None)
        return self._apply("link", change)

    def unlink(self, source_id: str, claim_id: str) -> None:
        def change(rec):
            kept = [r for r in rec.relations if (r.source, r.claim) != (source_id, claim_id)]
            if len(kept) == len(rec.relations):
                return None, None
            rec.relations = kept
            return None, ("link", source_id, claim_id)
        return self._apply("unlink", change)

    def toggle_sentence_label(self, start: int, end: int, label: str) -> bool:
        """Switch a sentence-level label on or off (as it is on disk now); returns whether it is now on."""
        def change(rec):
            for s in rec.spans:
                if (s.start, s.end, s.label, s.scope) == (start, end, label, "sentence"):
                    return False, ("restore", rec.remove_span(s.id), [])
            span = rec.add_span(start, end, label, scope="sentence")
            return True, ("remove", span.id)
        return self._apply("toggle", change)

    def save_answer(self, task_id: str, text: str) -> Answer:
        """Save a written answer (merged like a mark; not undone by :meth:`undo`); raises
        :class:`RecordError` with a plain message for one that is too long."""
        def change(rec):
            old = rec.answer(task_id)
            new = rec.set_answer(task_id, text)
            return new, (None if new is old else ("answer",))
        return self._apply("answer", change, remember=False)

    def record_attempt(self, question_id: str, choice: str) -> Attempt | None:
        """Add one choice made in a multiple-choice question to the record's quiz tries."""
        def change(rec):
            attempt = rec.add_attempt(question_id, choice)
            return attempt, (None if attempt is None else ("attempt",))
        return self._apply("attempt", change, remember=False)

    def undo(self) -> bool:
        """Undo this store's last change; returns False when there is nothing to undo.

        Marks made in other notebooks since then are kept; if the change was already
        undone elsewhere (its mark is gone), nothing else is touched.
        """
        if not self._history:
            return False
        op = self._history[-1]

        def change(rec):
            ids = {s.id for s in rec.spans}
            if op[0] == "remove" and op[1] in ids:
                rec.remove_span(op[1])
            elif op[0] == "update" and op[1] in ids:
                rec.update_span(op[1], **op[2])
            elif op[0] == "restore" and op[1].id not in ids and not any(
                    (s.start, s.end, s.label, s.scope) == (op[1].start, op[1].end, op[1].label, op[1].scope)
                    for s in rec.spans):
                rec.spans.append(op[1])
                ids.add(op[1].id)
                rec.relations += [r for r in op[2] if {r.source, r.claim} <= ids and r not in rec.relations]
            elif op[0] == "link" and {op[1], op[2]} <= ids:
                rec.link(op[1], op[2])
            elif op[0] == "unlink":
                rec.relations = [r for r in rec.relations if (r.source, r.claim) != (op[1], op[2])]
            return True, op
        self._apply("undo", change, remember=False)
        self._history.pop()
        return True
