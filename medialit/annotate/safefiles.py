"""Files in a shared folder, safely: never through a link, never half-written, one writer at a time.

The annotation records, the learner's name file and the class view's outputs are
written with these functions. A symbolic link, a FIFO, a device or a socket where a
file should be is refused with a :class:`StorageError` (one plain line) and nothing is
read or written through it; a file is written to a temporary file beside it, flushed
and renamed over it; :func:`file_lock` is a cross-process lock (``filelock``) whose
file is never followed through a link either.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
>>> atomic_write_text(path, "hello")
>>> read_regular_file(path, 100)
b'hello'
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

#: How long a writer waits for another process's save to finish (seconds).
LOCK_TIMEOUT = 15
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class StorageError(OSError):
    """The record cannot be read or saved safely; ``str()`` is one plain line for the learner."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.errno = code

    def __str__(self) -> str:
        return self.message


class UnusableFile(ValueError):
    """A folder where a file should be, or a file too large to be what it should: it may be moved aside."""


def path_kind(path: Path) -> str | None:
    """``None`` if nothing is there, else ``file``, ``folder``, ``link`` or ``special`` (never follows links)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "special"


def refuse_unsafe(path: Path) -> str | None:
    """Raise :class:`StorageError` if ``path`` is a link or a special file; return its kind."""
    kind = path_kind(path)
    if kind == "link":
        raise StorageError(f"{path.name} in the annotations folder is a link to another place; the kit does not "
                           "follow links, so nothing was read or saved. Ask your teacher to remove it.")
    if kind == "special":
        raise StorageError(f"{path.name} in the annotations folder is not a normal file (a pipe or a device); "
                           "nothing was read or saved. Ask your teacher to remove it.")
    return kind


def save_error(exc: OSError, path: Path) -> StorageError:
    """The plain-words :class:`StorageError` for a failed save of ``path``."""
    if isinstance(exc, StorageError):
        return exc
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        why = "the disk is full"
    elif isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        why = "the annotations folder is read-only"
    else:
        why = exc.strerror or str(exc)
    return StorageError(f"Your last change could not be saved ({why}); it was not kept. "
                        f"Your earlier marks are safe in {path.name}. Tell your teacher.", exc.errno)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that the file is never half-written (never through a link)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: a temporary file beside it, flushed, renamed over it.

    A link or special file at ``path`` is refused (:class:`StorageError`), never written through.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if refuse_unsafe(path) == "folder":
        raise StorageError(f"{path.name} is a folder, not a file; nothing was saved.", errno.EISDIR)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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


def read_regular_file(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path`` (``None`` if absent), opened without following a link.

    A link or special file raises :class:`StorageError`; a folder, or a file larger than
    ``limit`` bytes, raises :class:`UnusableFile` (it may be moved aside).
    """
    if refuse_unsafe(path) == "folder":          # (Windows cannot open a folder to look at it)
        raise UnusableFile(f"{path.name} is a folder, not a file")
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            refuse_unsafe(path)
        raise
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        refuse_unsafe(path)
        raise UnusableFile(f"{path.name} is a folder, not a file")
    with os.fdopen(fd, "rb") as fh:
        if st.st_size > limit:
            raise UnusableFile(f"{path.name} is too large for a learner's record ({st.st_size:,} bytes)")
        return fh.read(limit + 1)


@contextmanager
def file_lock(lock_path: Path, timeout: float = LOCK_TIMEOUT):
    """The cross-process lock ``lock_path`` (created beside the record; never a link)."""
    from filelock import FileLock, Timeout

    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        if refuse_unsafe(lock_path) == "folder":
            raise StorageError(f"{lock_path.name} is a folder; nothing was saved. Ask your teacher to remove it.")
        lock = FileLock(str(lock_path), timeout=timeout)
        lock.acquire(poll_interval=0.005)        # (an argument of acquire() in every filelock 3.x and 4.x)
    except Timeout:
        raise StorageError(f"Another notebook has been saving to this file for {timeout:g} s; "
                           "nothing was changed. Try again.") from None
    except OSError as exc:
        raise save_error(exc, lock_path.with_name(lock_path.name[1:-5])) from None
    try:
        yield
    finally:
        lock.release()

