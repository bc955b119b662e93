"""Storage: one JSON file per learner per article, saved atomically on every change.

A record is written to a temporary file in the same folder, flushed to disk and
moved over the old file with ``os.replace``, so a crash leaves either the old or
the new version, never half a file. Opening a store loads what is saved, so a
kernel restart or a closed tab loses nothing. A file that cannot be read, or was
made on another version of the article, is moved aside (never overwritten) and
the store says so in :attr:`AnnotationStore.messages`.

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

import json
import os
import re
import tempfile
import threading
import unicodedata
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from medialit.annotate.model import AnnotationRecord, RecordError, Span, text_sha256

#: Environment variable naming the folder for annotation files.
FOLDER_ENV = "MEDIALIT_ANNOTATIONS"
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


def default_folder() -> Path:
    """Where records are saved: ``$MEDIALIT_ANNOTATIONS``, else ``annotations/`` beside the notebook."""
    return Path(os.environ.get(FOLDER_ENV) or Path.cwd() / "annotations")


def record_path(folder: str | Path, article_id: str, annotator: str) -> Path:
    return Path(folder) / f"{sanitize_name(annotator)}__{sanitize_name(article_id)}.json"


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable where the platform allows it
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def move_aside(path: Path, why: str) -> Path:
    """Rename a file that cannot be used to ``<name>.<why>-<time>.json``; return the new path."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    os.replace(path, target)
    return target


def read_record(path: Path) -> AnnotationRecord:
    """Read one record file; raises :class:`RecordError` with the reason if it cannot be used."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RecordError(f"{path.name} is not UTF-8 text") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path.name} is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return AnnotationRecord.from_dict(data)


class AnnotationStore:
    """The saved annotations of one learner on one article, shared by every widget that uses them.

    Use :meth:`open` (not the constructor) so that two widgets on the same learner
    and article get the same store. Every change is saved at once; listeners
    registered with :meth:`subscribe` are told about it.
    """

    _open: dict[Path, "AnnotationStore"] = {}
    _lock = threading.Lock()

    def __init__(self, path: Path, article_id: str, text: str, annotator: str):
        self.path = path
        self.article_id = article_id
        self.text = text
        self.annotator = annotator
        self.messages: list[str] = []
        self._listeners: list[Callable[["AnnotationStore", str], None]] = []
        self._history: list[dict] = []
        self.record = self._load()

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, article_id: str, text: str, annotator: str, folder: str | Path | None = None) -> "AnnotationStore":
        """The shared store of ``annotator`` on ``article_id``, loading what was saved."""
        path = record_path(folder if folder is not None else default_folder(), article_id, annotator).resolve()
        with cls._lock:
            store = cls._open.get(path)
            if store is None or store.text != text:
                store = cls(path, article_id, text, annotator)
                cls._open[path] = store
            return store

    @classmethod
    def forget_all(cls) -> None:
        """Drop the shared stores (as a kernel restart would); files stay on disk."""
        with cls._lock:
            cls._open.clear()

    def _load(self) -> AnnotationRecord:
        if not self.path.exists():
            return AnnotationRecord.new(self.article_id, self.text, self.annotator)
        try:
            record = read_record(self.path)
            if record.article_id != self.article_id:
                raise RecordError(f"{self.path.name} belongs to article {record.article_id!r}, "
                                  f"not {self.article_id!r}")
            if record.text_sha256 != text_sha256(self.text):
                aside = move_aside(self.path, "other-text")
                self._say(f"Your earlier annotations were made on a different version of this article's "
                          f"text, so they could not be placed on it. They are kept in {aside.name}; "
                          f"you are starting afresh.")
                return AnnotationRecord.new(self.article_id, self.text, self.annotator)
            if record.text_length is None:
                record.text_length = len(self.text)
            return record
        except RecordError as exc:
            aside = move_aside(self.path, "unreadable")
            self._say(f"The saved file could not be read ({exc}). It was kept as {aside.name}, "
                      f"not overwritten; you are starting afresh.")
            return AnnotationRecord.new(self.article_id, self.text, self.annotator)

    def _say(self, message: str) -> None:
        self.messages.append(message)
        warnings.warn(message, stacklevel=3)

    # -- listening -----------------------------------------------------------------
    def subscribe(self, listener: Callable[["AnnotationStore", str], None]) -> Callable[[], None]:
        """Call ``listener(store, what)`` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _changed(self, what: str) -> None:
        self.save()
        for listener in list(self._listeners):
            listener(self, what)

    def _remember(self) -> None:
        self._history.append(self.record.to_dict())
        del self._history[:-200]

    # -- editing (each change is saved at once) ------------------------------------------
    def add_span(self, start: int, end: int, label: str, note: str = "", *, scope: str = "span") -> Span:
        self._remember()
        span = self.record.add_span(start, end, label, note, scope=scope)
        self._changed("add")
        return span

    def update_span(self, span_id: str, **changes) -> Span:
        self._remember()
        span = self.record.update_span(span_id, **changes)
        self._changed("update")
        return span

    def remove_span(self, span_id: str) -> Span:
        self._remember()
        span = self.record.remove_span(span_id)
        self._changed("remove")
        return span

    def link(self, source_id: str, claim_id: str) -> None:
        self._remember()
        self.record.link(source_id, claim_id)
        self._changed("link")

    def unlink(self, source_id: str, claim_id: str) -> None:
        self._remember()
        self.record.relations = [r for r in self.record.relations
                                 if (r.source, r.claim) != (source_id, claim_id)]
        self.record.touch()
        self._changed("unlink")

    def toggle_sentence_label(self, start: int, end: int, label: str) -> bool:
        """Switch a sentence-level label on or off; returns whether it is now on."""
        for s in self.record.spans:
            if (s.start, s.end, s.label, s.scope) == (start, end, label, "sentence"):
                self.remove_span(s.id)
                return False
        self.add_span(start, end, label, scope="sentence")
        return True

    def undo(self) -> bool:
        """Undo the last change; returns False when there is nothing to undo."""
        if not self._history:
            return False
        self.record = AnnotationRecord.from_dict(self._history.pop())
        self.record.touch()
        self._changed("undo")
        return True

    def save(self) -> None:
        atomic_write_text(self.path, json.dumps(self.record.to_dict(), ensure_ascii=False, indent=1) + "\n")
