"""One record file of the class: its bytes read as a record, without trusting any field.

The record's fields are checked by the record format's one check,
:func:`medialit.annotate.model.record_problem` (the JSON Schema in
``medialit/data/schemas/record.schema.json``, then the checks a schema cannot make);
this module adds what comes before it: bytes that must be UTF-8 JSON.

>>> when("2024-01-01T10:00:00+02:00") < when("2024-01-01T09:00:00+00:00")
True
>>> when("yesterday")
-inf
"""

from __future__ import annotations

import codecs
import json
from datetime import datetime, timezone

from medialit.annotate.model import AnnotationRecord, RecordError
from medialit.classroom.files import Unusable
from medialit.wording import shorten


def parse_record(raw: bytes) -> AnnotationRecord:
    """A record from a file's bytes; raises :class:`~medialit.classroom.files.Unusable` with the
    kind and reason if it cannot be used.

    A UTF-8 byte order mark (added by some editors) is allowed; anything else that is
    not UTF-8 JSON in the record format is refused, whatever its shape or size. Half an
    emoji in a text field (a lone surrogate, ``\\ud83d`` in the JSON) is mended as the
    record model mends it.

    >>> parse_record(b"[1, 2")
    Traceback (most recent call last):
    ...
    medialit.classroom.files.Unusable: is not valid JSON (line 1: Expecting ',' delimiter)
    >>> parse_record(b'{"format": "medialit.annotations", "version": 1}')
    Traceback (most recent call last):
    ...
    medialit.classroom.files.Unusable: the field 'article_id' is missing
    """
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Unusable("unreadable", "is UTF-16 text, not UTF-8 (open it in an editor and save it as UTF-8)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unusable("unreadable", f"is not UTF-8 text (byte {exc.start} is not UTF-8)") from None
    if not text.strip():
        raise Unusable("unreadable", "is empty (not valid JSON)")
    try:
        data = json.loads(text)
    except RecursionError:
        raise Unusable("unreadable", "is not valid JSON for a record: brackets nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise Unusable("unreadable", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:                   # e.g. a number with thousands of digits
        raise Unusable("unreadable", f"is not valid JSON for a record ({shorten(str(exc), 80)})") from None
    try:
        return AnnotationRecord.from_dict(data)  # checked by the record format's one check first
    except RecordError as exc:
        raise Unusable("not-a-record", str(exc)) from None
    except Exception as exc:  # whatever else a hostile file makes the model raise
        raise Unusable("not-a-record", f"not a usable medialit record "
                                       f"({shorten(str(exc) or type(exc).__name__, 120)})") from None


def when(stamp: str) -> float:
    """A record's ``updated`` time as a number for ordering copies (unknown: earliest)."""
    try:
        dt = datetime.fromisoformat(stamp)
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.timestamp()
    except (TypeError, ValueError, OverflowError, OSError):
        return float("-inf")
