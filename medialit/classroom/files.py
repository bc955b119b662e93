"""Finding the record files of a class: the folder, its subfolders and the zip archives in it.

Records are read from the folder, its subfolders and the zip archives there (as a
learning platform or a hub download hands them in), read in memory, never unpacked
to disk, within limits against "zip bombs". Links are never followed; hidden files
and folders are passed over; files that are neither ``.json`` nor ``.zip`` are listed
as not read. Nothing in the folder is changed.

>>> shown("Ada\\x1b[31m.json")
'Ada?[31m.json'
>>> Skipped(Path("x/Ada.json"), "duplicate", "a second copy").name
'Ada.json'
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from medialit.annotate.safefiles import StorageError, UnusableFile, path_kind, read_regular_file
from medialit.wording import shorten

#: Record files larger than this are not read (a learner's record is a few kilobytes).
MAX_RECORD_BYTES = 10_000_000
#: Safety limits for zip archives ("zip bombs"): files the archives may list and bytes
#: unpacked from them (all archives together), the size of a zip in the folder and of a
#: zip inside a zip, and how deep zips nest.
MAX_ZIP_MEMBERS = 50_000
MAX_UNZIPPED_BYTES = 300_000_000
MAX_ZIP_BYTES = 300_000_000
MAX_INNER_ZIP_BYTES = 100_000_000
MAX_ZIP_DEPTH = 2
#: Where ``medialit class FOLDER`` writes its report by default (inside FOLDER); not searched for records.
REPORT_FOLDER = "class-report"

_BOMB = "(a safety limit against 'zip bombs')"


class ClassError(ValueError):
    """A class folder or option that cannot be used (missing folder, no usable records...)."""


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


class Unusable(Exception):
    """A file that cannot be counted: ``kind`` (a :class:`Skipped` code) and the reason in words."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind, self.reason = kind, reason


@dataclass
class Found:
    """A record file found in the folder or in a zip: where it is, and how to read its bytes."""

    where: str
    path: Path
    read: Callable[[], bytes]
    zipped: bool = False


@dataclass
class Search:
    """What a search of the class folder found (see :func:`find_records`)."""

    root: Path
    found: list[Found] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    zips: int = 0
    listed: int = 0            # files listed by the zip archives opened so far
    unzipped: int = 0          # bytes unpacked from zip archives so far

    def skip(self, path: Path, where: str, kind: str, reason: str) -> None:
        self.skipped.append(Skipped(path, kind, reason, where))


def shown(name: str) -> str:
    """A file name as it can be printed and written to a table: control characters and
    bytes that are not text (a file name from another computer) become ``?``."""
    return "".join(ch if ch.isprintable() else "?" for ch in name)


def read_file(path: Path, limit: int, what: str = "a learner's record") -> bytes:
    """The bytes of a plain file in the folder (never through a link, never a pipe or
    device), at most ``limit`` of them; raises :class:`Unusable` with the reason."""
    try:
        raw = read_regular_file(path, limit)
    except StorageError:
        if path_kind(path) == "link":
            raise Unusable("link", "a link (shortcut) to another file: links are not followed") from None
        raise Unusable("unreadable", "not a plain file (a device, pipe or socket): not read") from None
    except UnusableFile as exc:                 # too large (a folder is never read as a file here)
        reason = str(exc).removeprefix(f"{path.name} is ").replace("a learner's record", what)
        raise Unusable("unreadable", reason) from None
    except OSError as exc:
        raise Unusable("unreadable", f"cannot be read ({exc.strerror or exc})") from None
    if raw is None:
        raise Unusable("unreadable", "cannot be read (it was removed while the folder was read)")
    if len(raw) > limit:
        raise Unusable("unreadable", f"too large for {what} (more than {limit:,} bytes)")
    return raw


def unzip(search: Search, zf, info, limit: int, what: str) -> bytes:
    """One member of a zip, in memory, within ``limit`` bytes and the class's unzip budget."""
    if info.flag_bits & 0x1:
        raise Unusable("zip", "is encrypted (the zip has a password): cannot be read")
    if info.file_size > limit:
        raise Unusable("unreadable", f"too large for {what} ({info.file_size:,} bytes unpacked)")
    room = MAX_UNZIPPED_BYTES - search.unzipped
    cap = min(limit, room)
    over = Unusable("zip", f"not unpacked: the zip archives together unpack to more than "
                           f"{MAX_UNZIPPED_BYTES // 1_000_000} MB {_BOMB}")
    if cap <= 0 or info.file_size > room:
        raise over
    try:
        with zf.open(info) as fh:
            raw = fh.read(cap + 1)              # never more than cap + 1 bytes, whatever the zip claims
    except Exception as exc:  # a damaged, unsupported or hostile member must never stop the class view
        raise Unusable("zip", f"cannot be unpacked ({type(exc).__name__}: {shorten(str(exc), 80)})") from None
    search.unzipped += len(raw)
    if len(raw) > cap:
        if cap == limit:
            raise Unusable("unreadable", f"too large for {what} (more than {limit:,} bytes unpacked)")
        raise over
    return raw


def _zip_entries(fh) -> int | None:
    """How many files a zip's directory lists, read from its end record before the directory is
    loaded (so a hostile zip listing millions of files is refused cheaply); None if unknown."""
    end = getattr(zipfile, "_EndRecData", None)
    if end is None:
        return None
    try:
        rec = end(fh)
    except Exception:  # zipfile itself will say what is wrong
        return None
    return None if rec is None else rec[getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)]


def _too_many(search: Search, path: Path, where: str, entries: int) -> bool:
    if entries > MAX_ZIP_MEMBERS:
        search.skip(path, where, "zip", f"lists {entries:,} files, more than a class needs (at most "
                                        f"{MAX_ZIP_MEMBERS:,}): not opened (a safety limit)")
    elif search.listed + entries > MAX_ZIP_MEMBERS:
        search.skip(path, where, "zip", f"not opened: the zip archives together list more than "
                                        f"{MAX_ZIP_MEMBERS:,} files (a safety limit)")
    else:
        return False
    return True


def search_zip(search: Search, raw: bytes, path: Path, where: str, depth: int) -> None:
    """List the records inside one zip archive (its bytes, read in memory, never extracted to disk)."""
    fh = io.BytesIO(raw)
    entries = _zip_entries(fh)
    if entries is not None and _too_many(search, path, where, entries):
        return
    try:
        zf = zipfile.ZipFile(fh)
    except Exception as exc:  # not a zip, truncated, damaged
        search.skip(path, where, "zip", f"not a readable zip archive ({shorten(str(exc) or type(exc).__name__, 80)})")
        return
    infos = zf.infolist()
    if _too_many(search, path, where, len(infos)):
        return
    search.listed += len(infos)
    search.zips += 1
    for info in infos:
        parts = [p for p in re.split(r"[/\\]+", info.filename) if p not in ("", ".", "..")]
        if info.is_dir() or not parts or any(p.startswith(".") or p == "__MACOSX" for p in parts):
            continue                            # folders, and hidden files such as __MACOSX/._x.json
        inner = shown("/".join(parts))
        member_where, member_path = f"{where}/{inner}", path.joinpath(*parts)
        suffix = Path(parts[-1]).suffix.lower()
        if suffix == ".json":
            search.found.append(Found(member_where, member_path,
                                      lambda zf=zf, info=info: unzip(search, zf, info, MAX_RECORD_BYTES,
                                                                     "a learner's record"), zipped=True))
        elif suffix == ".zip":
            if depth >= MAX_ZIP_DEPTH:
                search.skip(member_path, member_where, "zip",
                            f"a zip inside a zip inside a zip: not opened (at most {MAX_ZIP_DEPTH} levels)")
                continue
            try:
                inner_raw = unzip(search, zf, info, MAX_INNER_ZIP_BYTES, "a zip inside a zip")
            except Unusable as exc:
                search.skip(member_path, member_where, exc.kind, exc.reason)
                continue
            search_zip(search, inner_raw, member_path, member_where, depth + 1)
        else:
            search.ignored.append(member_where)


def find_records(root: Path) -> Search:
    """Every ``.json`` file in ``root`` and its subfolders and in every ``.zip`` archive there.

    Hidden files and folders (a name starting with ``.``, ``__MACOSX``) and the kit's own
    report folder (:data:`REPORT_FOLDER`) are passed over; links are never followed (a
    linked folder or file is listed as skipped); other files are listed as ignored. Zip
    archives are read into memory (at most :data:`MAX_ZIP_BYTES` each) and opened there.
    """
    search = Search(root)

    def unreadable_folder(exc: OSError) -> None:
        p = Path(exc.filename or root)
        search.skip(p, shown(relative(p, root)) + "/", "unreadable",
                    f"a folder that cannot be read ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable_folder, followlinks=False):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            full = here / name
            if name.startswith(".") or name == "__MACOSX" or (here == root and name == REPORT_FOLDER):
                continue                        # hidden, or the kit's own report from an earlier run
            if full.is_symlink():
                search.skip(full, shown(relative(full, root)) + "/", "link",
                            "a link (shortcut) to another folder: links are not followed; "
                            "copy the files into the class folder instead")
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith("."):
                continue                        # hidden: .DS_Store, the kit's own temporary files
            full = here / name
            where = shown(relative(full, root))
            suffix = Path(name).suffix.lower()
            if suffix not in (".json", ".zip"):
                search.ignored.append(where)
                continue
            if full.is_symlink():
                search.skip(full, where, "link", "a link (shortcut) to another file: links are not followed; "
                                                 "copy the file itself into the class folder instead")
                continue
            if suffix == ".json":
                search.found.append(Found(where, full, lambda full=full: read_file(full, MAX_RECORD_BYTES)))
                continue
            try:
                raw = read_file(full, MAX_ZIP_BYTES, "a zip of learner records")
            except Unusable as exc:
                search.skip(full, where, exc.kind, exc.reason)
                continue
            search_zip(search, raw, full, where, 1)
    return search


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, with ``/`` (its name alone if it is not inside ``root``)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name
