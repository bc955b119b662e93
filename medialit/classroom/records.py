"""One record file of the class: its bytes checked and parsed, without trusting any field.

>>> when("2024-01-01T10:00:00+02:00") < when("2024-01-01T09:00:00+00:00")
True
>>> when("yesterday")
-inf
"""

from __future__ import annotations

import codecs
import json
import re
from datetime import datetime, timezone

from medialit.annotate.model import (FORMAT, SCOPES, VERSION, AnnotationRecord, _is_int as whole,
                                     clean_text)
from medialit.classroom.files import Unusable
from medialit.vocabulary import RELATION_TYPES, SPAN_LABELS
from medialit.wording import shorten

#: A learner's name longer than this is not a name (the record is skipped).
MAX_NAME_CHARS = 200


def kind_of(value) -> str:
    """What kind of JSON value this is, in words (never its content: it may be huge).

    >>> kind_of(3), kind_of(None), kind_of([1]), kind_of(True)
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
        return f"{what} is {kind_of(value)}, not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{what} holds a broken character (half of an emoji or similar)"
    return None


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
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return "not a medialit annotation record (no 'format': 'medialit.annotations')"
    version = data.get("version")
    if not whole(version) or version != VERSION:
        shown_version = repr(version) if whole(version) else kind_of(version)
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
            return f"the field '{key}' is {kind_of(value)}, not a date and time written as text"
        why = _text_problem(value, f"the field '{key}'", optional=True)
        if why:
            return why
    length = data.get("text_length")
    if length is not None and not (whole(length) and length >= 0):
        return f"the field 'text_length' is {kind_of(length) if not whole(length) else 'negative'}, " \
               f"not a number of characters"
    spans = data.get("spans", [])
    if not isinstance(spans, list):
        return f"the field 'spans' is {kind_of(spans)}, not a list of marks"
    return _spans_problem(spans) or _relations_problem(data.get("relations", []), {s["id"] for s in spans})


def _spans_problem(spans: list) -> str | None:
    for i, s in enumerate(spans, 1):        # the hot loop of loading a class: exact types, no calls
        if type(s) is not dict:
            return f"mark {i} is {kind_of(s)}, not an object with start, end and label"
        sid, start, end, label = s.get("id"), s.get("start"), s.get("end"), s.get("label")
        if type(start) is not int or type(end) is not int or type(sid) is not str or type(label) is not str:
            for key in ("id", "start", "end", "label"):
                if key not in s:
                    return f"mark {i} has no '{key}'"
            for key in ("start", "end"):
                if not whole(s[key]):
                    return f"mark {i}: '{key}' is {kind_of(s[key])}, not a whole number"
            return _text_problem(sid, f"mark {i}: 'id'") or _text_problem(label, f"mark {i}: 'label'")
        if not 0 <= start < end:
            return f"mark {i} runs from {start} to {end}: a mark needs 0 <= start < end"
        if label not in SPAN_LABELS:
            return f"mark {i} has an unknown label {shorten(label, 30)!r}"
        note, made, scope = s.get("note"), s.get("created"), s.get("scope", "span")
        if note is not None and type(note) is not str:
            return f"mark {i}: 'note' is {kind_of(note)}, not text"
        if made is not None and type(made) is not str:
            return f"mark {i}: 'created' is {kind_of(made)}, not text"
        if scope not in SCOPES or type(scope) is not str:
            shown_scope = kind_of(scope) if not isinstance(scope, str) else repr(shorten(scope, 20))
            return f"mark {i}: 'scope' is {shown_scope}, not one of {', '.join(SCOPES)}"
    return None


def _relations_problem(relations, ids: set) -> str | None:
    if not isinstance(relations, list):
        return f"the field 'relations' is {kind_of(relations)}, not a list of links"
    for i, r in enumerate(relations, 1):
        if not isinstance(r, dict):
            return f"link {i} is {kind_of(r)}, not an object with type, source and claim"
        for key in ("type", "source", "claim"):
            why = _text_problem(r.get(key), f"link {i}: '{key}'")
            if why:
                return why
        if r["type"] not in RELATION_TYPES or r["source"] not in ids or r["claim"] not in ids:
            return f"link {i} points at marks that are not in the record, or has an unknown type"
    return None


def parse_record(raw: bytes) -> AnnotationRecord:
    """A record from a file's bytes; raises :class:`~medialit.classroom.files.Unusable` with the
    kind and reason if it cannot be used.

    A UTF-8 byte order mark (added by some editors) is allowed; anything else that is
    not UTF-8 JSON in the record format is refused, whatever its shape or size.

    >>> parse_record(b"[1, 2")
    Traceback (most recent call last):
    ...
    medialit.classroom.files.Unusable: is not valid JSON (line 1: Expecting ',' delimiter)
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
    if _ESCAPED_SURROGATE.search(text):
        data = _mended(data)
    why = record_problem(data)
    if why:
        raise Unusable("not-a-record", why)
    try:
        return AnnotationRecord.from_dict(data)
    except Exception as exc:  # the data model's own checks, whatever they raise
        raise Unusable("not-a-record", f"not a usable medialit record "
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


def when(stamp: str) -> float:
    """A record's ``updated`` time as a number for ordering copies (unknown: earliest)."""
    try:
        dt = datetime.fromisoformat(stamp)
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.timestamp()
    except (TypeError, ValueError, OverflowError, OSError):
        return float("-inf")
