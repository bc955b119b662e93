"""Reading the kit's data tables: CSV files whose lines starting with ``#`` are comments.

Every word list and rule a teacher might question lives in such a table, with an
explanation per row (``medialit/data/``). One reader for all of them, so a broken
file is reported the same way everywhere: the file, the line and what is wrong.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "words.csv"
>>> _ = p.write_text("# a comment\\nword,explanation\\nof,joins a name: Bank of England\\n", encoding="utf-8")
>>> read_table(p, ("word", "explanation"))
[{'word': 'of', 'explanation': 'joins a name: Bank of England', 'line': 3}]
>>> words(p)
frozenset({'of'})
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

#: The kit's data folder (installed with the package).
DATA = Path(__file__).parent / "data"


class DataFileError(ValueError):
    """A data table that cannot be read: the message names the file and the line."""


def read_table(path: str | Path, required: tuple[str, ...] = ()) -> list[dict]:
    """The rows of a CSV table as dicts (plus ``line``, the row's line number in the file),
    skipping blank lines and ``#`` comments. Every column in ``required`` must be present
    and non-empty in every row."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from None
    numbered = [(i, line) for i, line in enumerate(raw.splitlines(), 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise DataFileError(f"{path}: no header line")
    reader = csv.DictReader([line for _, line in numbered])
    missing = [c for c in required if c not in (reader.fieldnames or ())]
    if missing:
        raise DataFileError(f"{path}:{numbered[0][0]}: the header lacks the column(s) {', '.join(missing)}")
    rows = []
    for (lineno, _), row in zip(numbered[1:], reader):
        if None in row:
            raise DataFileError(f"{path}:{lineno}: more values than columns (quote text with commas)")
        row = {k: (v or "").strip() for k, v in row.items()}
        empty = [c for c in required if not row.get(c)]
        if empty:
            raise DataFileError(f"{path}:{lineno}: empty {', '.join(empty)}")
        row["line"] = lineno
        rows.append(row)
    return rows


def one_of(row: dict, column: str, allowed, where: str) -> str:
    """The row's value in ``column``, which must be one of ``allowed``; otherwise an error that
    names the place (``where``, e.g. ``file:line``), the choices and the value found.

    >>> one_of({"kind": "verb"}, "kind", ("verb", "order"), "t.csv:2")
    'verb'
    """
    value = row[column]
    if value not in allowed:
        raise DataFileError(f"{where}: {column} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def values(cell: str) -> tuple[str, ...]:
    """The values of a table cell that lists several, separated by ``|`` (blank ones dropped).

    >>> values("000 | 003|"), values("")
    (('000', '003'), ())
    """
    return tuple(v.strip() for v in cell.split("|") if v.strip())


@lru_cache(maxsize=None)
def words(path: str | Path, column: str = "word") -> frozenset[str]:
    """The set of values in one column of a word table (cached: the files are the kit's own)."""
    return frozenset(r[column] for r in read_table(path, (column, "explanation")))


def words_by_kind(path: str | Path, kinds: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The ``word`` column of a table that also has a ``kind`` column: one set per kind, in the
    order of ``kinds``; a row of any other kind is an error that names its line."""
    path = Path(path)
    rows = read_table(path, ("word", "kind", "explanation"))
    for r in rows:
        one_of(r, "kind", kinds, f"{path}:{r['line']}")
    return tuple(frozenset(r["word"] for r in rows if r["kind"] == k) for k in kinds)


__all__ = ["DATA", "DataFileError", "one_of", "read_table", "values", "words", "words_by_kind"]
