"""The annotation data model: one record per learner per article.

A record holds the article id, the sha256 of the article text it was made on, the
annotator's name, the learner's spans and the relations between them. Offsets are
Python string indices (Unicode code points) into the article text, so
``text[span.start:span.end]`` is the marked text. Browsers count in UTF-16 code
units instead: :func:`utf16_to_cp` and :func:`cp_to_utf16` convert.

>>> rec = AnnotationRecord.new("000", "Perhaps it rains.", "Ada")
>>> s = rec.add_span(0, 7, "hedge")
>>> rec.spans[0].label, "Perhaps it rains."[s.start:s.end]
('hedge', 'Perhaps')

A record also keeps the learner's written answers about the article (task id -> text,
when saved; :meth:`AnnotationRecord.set_answer`) and every choice they tried in the
multiple-choice questions about it, in order (:meth:`AnnotationRecord.add_attempt`),
so the class view can show written answers and first-try accuracy.

>>> rec.set_answer("05-w-reliable-003", "  Not fully: the key claim has no source. ").text
'Not fully: the key claim has no source.'
>>> _ = rec.add_attempt("03-week-or-so", "Yes"); _ = rec.add_attempt("03-week-or-so", "No")
>>> [a.choice for a in rec.attempts_for("03-week-or-so")]
['Yes', 'No']
"""

from __future__ import annotations

import hashlib
import json
import uuid
from bisect import bisect_left
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone

from medialit import schemas
from medialit.articles import replace_lone_surrogates
from medialit.vocabulary import RELATION_TYPES, SPAN_LABELS
from medialit.wording import shorten

SCOPES = ("span", "sentence")
FORMAT = "medialit.annotations"
VERSION = 1
#: The longest written answer kept (about 700 words): longer text is refused with a plain message.
MAX_ANSWER_CHARS = 5000
#: How many quiz tries one record keeps; later tries are not recorded (first tries always are).
MAX_ATTEMPTS = 2000
_JSON = json.JSONEncoder(ensure_ascii=False)


class RecordError(ValueError):
    """A record that does not fit the data model (bad offsets, unknown label...)."""


def record_problem(data) -> str | None:
    """What is wrong with a parsed record file, in one plain sentence; None if it can be used.

    The record's schema (``medialit/data/schemas/record.schema.json``, which documents
    every field) checks the structure: text where text belongs, whole numbers where
    offsets belong, known labels. Then the checks a schema cannot make: each mark
    starts before it ends and not after the text's end (``text_length``), no two marks
    share an id, each link joins marks of the record. (Whether the record fits an
    article's text is :meth:`AnnotationRecord.check_text`.)

    >>> good = {"format": "medialit.annotations", "version": 1, "article_id": "000",
    ...         "text_sha256": "ab", "annotator": "Ada", "updated": "2024-01-01T00:00:00+00:00",
    ...         "spans": [{"id": "s1", "start": 0, "end": 7, "label": "hedge"}]}
    >>> record_problem(good) is None
    True
    >>> record_problem({**good, "spans": [{"id": "s1", "start": "0", "end": 7, "label": "hedge"}]})
    "mark 1: 'start' is text, not a whole number"
    >>> record_problem({**good, "spans": [{"id": "s1", "start": 9, "end": 7, "label": "hedge"}]})
    'mark 1 runs from 9 to 7: a mark needs 0 <= start < end'
    """
    why = schemas.problem(data, "record")
    if why:
        return why
    length, ids = data.get("text_length"), set()
    for i, s in enumerate(data.get("spans", ()), 1):
        start, end = s["start"], s["end"]
        if end <= start:
            return f"mark {i} runs from {start} to {end}: a mark needs 0 <= start < end"
        if length is not None and end > length:
            return f"mark {i} runs from {start} to {end}, past the end of the text ({length:,} characters)"
        if s["id"] in ids:
            return f"mark {i} has the same id as an earlier mark ({shorten(s['id'], 30)!r})"
        ids.add(s["id"])
    for i, r in enumerate(data.get("relations", ()), 1):
        if r["source"] not in ids or r["claim"] not in ids:
            return f"link {i} points at marks that are not in the record"
    tasks = [a["task"] for a in data.get("answers", ())]
    if len(tasks) != len(set(tasks)):
        return "two written answers are for the same task"
    return None


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def text_sha256(text: str) -> str:
    """The fingerprint of an article text, as records store it (a lone surrogate does not stop it).

    >>> text_sha256("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def clean_text(text: str) -> str:
    """Learner text (a note, a name) that can always be saved: each lone surrogate becomes U+FFFD.

    >>> clean_text("ok" + chr(0xD800) + "!") == "ok\N{REPLACEMENT CHARACTER}!"
    True
    """
    return text if text.isascii() else replace_lone_surrogates(text)[0]


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def cp_to_utf16(text: str, offset: int) -> int:
    """A Python offset (code points) as a browser offset (UTF-16 code units).

    >>> cp_to_utf16("😀ab", 1)
    2
    """
    return OffsetMap(text).to_utf16(offset)


def utf16_to_cp(text: str, offset: int) -> int:
    """A browser offset (UTF-16 code units) as a Python offset (code points).

    An offset that falls between the two halves of a surrogate pair is moved
    forward to the end of that character.

    >>> utf16_to_cp("😀ab", 2)
    1
    """
    return OffsetMap(text).to_cp(offset)


class OffsetMap:
    """Converts offsets of one text between code points and UTF-16 code units.

    Same results as :func:`cp_to_utf16` and :func:`utf16_to_cp` (a UTF-16 offset inside a
    surrogate pair moves forward to the end of that character), but in
    O(log n) per call after one pass over the text.

    >>> m = OffsetMap("😀 ab")
    >>> m.to_utf16(2), m.to_cp(3), m.to_cp(1)
    (3, 2, 1)
    """

    def __init__(self, text: str):
        self.text = text
        self.length = len(text)
        if any(ord(ch) > 0xFFFF for ch in text):
            prefix = [0] * (len(text) + 1)
            units = 0
            for i, ch in enumerate(text):
                units += 2 if ord(ch) > 0xFFFF else 1
                prefix[i + 1] = units
            self._prefix: list[int] | None = prefix
        else:
            self._prefix = None

    def to_utf16(self, offset: int) -> int:
        offset = max(0, min(int(offset), self.length))
        return offset if self._prefix is None else self._prefix[offset]

    def to_cp(self, offset: int) -> int:
        offset = max(0, int(offset))
        if self._prefix is None:
            return min(offset, self.length)
        return min(bisect_left(self._prefix, offset), self.length)


@dataclass(frozen=True)
class Span:
    """A marked stretch of the article: ``(start, end)`` in code points, a label, a note."""

    id: str
    start: int
    end: int
    label: str
    note: str = ""
    created: str = ""
    scope: str = "span"   # "sentence" when made by the sentence tagger


@dataclass(frozen=True)
class Relation:
    """A link between spans; ``attributed_to`` goes from a claim span to its source span."""

    type: str
    source: str
    claim: str


@dataclass(frozen=True)
class Answer:
    """A learner's written answer to one task about the article, and when it was last saved."""

    task: str
    text: str
    saved: str = ""


@dataclass(frozen=True)
class Attempt:
    """One choice a learner made in a multiple-choice question, and when."""

    question: str
    choice: str
    at: str = ""


def answer_problem(text) -> str | None:
    """Why a written answer cannot be saved, in plain words; None if it can.

    >>> answer_problem("x" * (MAX_ANSWER_CHARS + 1))
    'Your answer is 5,001 characters long: please keep it to 5,000 characters (about 700 words) or fewer.'
    """
    if not isinstance(text, str):
        return "A written answer must be text."
    if len(text) > MAX_ANSWER_CHARS:
        return (f"Your answer is {len(text):,} characters long: please keep it to {MAX_ANSWER_CHARS:,} "
                f"characters (about 700 words) or fewer.")
    return None


@dataclass
class AnnotationRecord:
    """Everything one learner marked on one article, with their written answers and quiz tries about it."""

    article_id: str
    text_sha256: str
    annotator: str
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    text_length: int | None = None
    answers: list[Answer] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)

    @classmethod
    def new(cls, article_id: str, text: str, annotator: str) -> "AnnotationRecord":
        stamp = now()
        return cls(article_id, text_sha256(text), clean_text(annotator), created=stamp, updated=stamp,
                   text_length=len(text))

    # -- editing ----------------------------------------------------------------
    def _check_span(self, start: int, end: int, label: str, scope: str = "span") -> None:
        if label not in SPAN_LABELS:
            raise RecordError(f"unknown label {label!r}; use one of {', '.join(SPAN_LABELS)}")
        if scope not in SCOPES:
            raise RecordError(f"unknown scope {scope!r}")
        if not (_is_int(start) and _is_int(end)) or start < 0 or end <= start:
            raise RecordError(f"a span needs 0 <= start < end (got {start}, {end})")
        if self.text_length is not None and end > self.text_length:
            raise RecordError(f"span ({start}, {end}) runs past the end of the text ({self.text_length})")

    def add_span(self, start: int, end: int, label: str, note: str = "", *, scope: str = "span",
                 id: str | None = None) -> Span:
        """Add a span; an identical span (same start, end, label) is not added twice."""
        self._check_span(start, end, label, scope)
        for s in self.spans:
            if (s.start, s.end, s.label, s.scope) == (start, end, label, scope):
                return s
        span = Span(id or uuid.uuid4().hex[:10], start, end, label, clean_text(str(note)), now(), scope)
        self.spans.append(span)
        self.touch()
        return span

    def span(self, span_id: str) -> Span:
        for s in self.spans:
            if s.id == span_id:
                return s
        raise RecordError(f"no span with id {span_id!r}")

    def update_span(self, span_id: str, **changes) -> Span:
        """Change a span's label or note (or its offsets)."""
        old = self.span(span_id)
        if "note" in changes:
            changes["note"] = clean_text(str(changes["note"]))
        new = replace(old, **changes)
        self._check_span(new.start, new.end, new.label, new.scope)
        self.spans[self.spans.index(old)] = new
        self.touch()
        return new

    def remove_span(self, span_id: str) -> Span:
        """Delete a span and every relation that uses it."""
        old = self.span(span_id)
        self.spans.remove(old)
        self.relations = [r for r in self.relations if span_id not in (r.source, r.claim)]
        self.touch()
        return old

    def link(self, source_id: str, claim_id: str, type: str = "attributed_to") -> Relation:
        """Say that the claim span is attributed to the source span."""
        if type not in RELATION_TYPES:
            raise RecordError(f"unknown relation type {type!r}")
        if self.span(source_id).label != "source":
            raise RecordError("the first span of an 'attributed_to' link must be a source span")
        self.span(claim_id)
        rel = Relation(type, source_id, claim_id)
        if rel not in self.relations:
            self.relations.append(rel)
            self.touch()
        return rel

    def touch(self) -> None:
        self.updated = now()

    # -- written answers and quiz tries ------------------------------------------------
    def answer(self, task_id: str) -> Answer | None:
        """The learner's answer to ``task_id`` (None if there is none)."""
        return next((a for a in self.answers if a.task == task_id), None)

    def set_answer(self, task_id: str, text: str) -> Answer:
        """Save the answer to ``task_id`` (replacing an earlier one); spaces around it are trimmed.

        Raises :class:`RecordError` with a plain message for an answer that is too long.
        """
        why = answer_problem(text)
        if why:
            raise RecordError(why)
        new = Answer(clean_text(str(task_id)), clean_text(text).strip(), now())
        old = self.answer(new.task)
        if old is not None and old.text == new.text:
            return old
        self.answers = [a for a in self.answers if a.task != new.task] + [new]
        self.touch()
        return new

    def add_attempt(self, question_id: str, choice: str) -> Attempt | None:
        """Record one choice in a multiple-choice question (None once :data:`MAX_ATTEMPTS` are kept)."""
        if len(self.attempts) >= MAX_ATTEMPTS:
            return None
        attempt = Attempt(clean_text(str(question_id)), clean_text(str(choice)), now())
        self.attempts = [*self.attempts, attempt]
        self.touch()
        return attempt

    def attempts_for(self, question_id: str) -> list[Attempt]:
        """The choices tried in ``question_id``, in the order they were made."""
        return [a for a in self.attempts if a.question == question_id]

    # -- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": FORMAT, "version": VERSION,
            "article_id": self.article_id, "text_sha256": self.text_sha256,
            "text_length": self.text_length, "annotator": self.annotator,
            "created": self.created, "updated": self.updated,
            "spans": [{k: getattr(s, k) for k in _SPAN_FIELDS} for s in self.spans],
            "relations": [{k: getattr(r, k) for k in _RELATION_FIELDS} for r in self.relations],
            **({"answers": [{k: getattr(a, k) for k in _ANSWER_FIELDS} for a in self.answers]}
               if self.answers else {}),
            **({"attempts": [{k: getattr(a, k) for k in _ATTEMPT_FIELDS} for a in self.attempts]}
               if self.attempts else {}),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "AnnotationRecord":
        """Rebuild a record, checked by :func:`record_problem`; raises :class:`RecordError` with its sentence.

        >>> AnnotationRecord.from_dict({**AnnotationRecord.new("a", "text", "Ada").to_dict(), "updated": 5})
        Traceback (most recent call last):
        ...
        medialit.annotate.model.RecordError: the field 'updated' is a number, not a date and time written as text
        """
        why = record_problem(data)
        if why:
            raise RecordError(why)
        rec = cls(clean_text(data["article_id"]), clean_text(data["text_sha256"]), clean_text(data["annotator"]),
                  created=clean_text(data.get("created") or ""), updated=clean_text(data.get("updated") or ""),
                  text_length=data.get("text_length"))
        rec.spans = [Span(clean_text(s["id"]), s["start"], s["end"], s["label"], clean_text(s.get("note") or ""),
                          clean_text(s.get("created") or ""), s.get("scope") or "span")
                     for s in data.get("spans", ())]
        rec.relations = [Relation(r["type"], clean_text(r["source"]), clean_text(r["claim"]))
                         for r in data.get("relations", ())]
        rec.answers = [Answer(clean_text(a["task"]), clean_text(a["text"]), clean_text(a.get("saved") or ""))
                       for a in data.get("answers", ())]
        rec.attempts = [Attempt(clean_text(a["question"]), clean_text(a["choice"]), clean_text(a.get("at") or ""))
                        for a in data.get("attempts", ())]
        return rec

    def check_text(self, text: str) -> None:
        """Raise :class:`RecordError` if the record was made on another version of the text."""
        if self.text_sha256 != text_sha256(text):
            raise RecordError(f"record of {self.annotator!r} was made on another version of the text "
                              f"of {self.article_id!r} (its fingerprint differs)")


def record_json(record: AnnotationRecord) -> str:
    """The record as saved: JSON with one mark, link, answer or quiz try per line (readable, fast to write).

    >>> print(record_json(AnnotationRecord("a", "0" * 64, "Ada", created="t", updated="t")))
    {"format": "medialit.annotations", "version": 1, "article_id": "a", "text_sha256": "000...
     "spans": [],
     "relations": []}
    <BLANKLINE>
    """
    data = record.to_dict()
    lists = {k: data.pop(k) for k in ("spans", "relations", "answers", "attempts") if k in data}

    def rows(items):
        return "[" + ",".join("\n  " + _JSON.encode(x) for x in items) + ("\n ]" if items else "]")
    return _JSON.encode(data)[:-1] + "".join(f',\n "{k}": ' + rows(v) for k, v in lists.items()) + "}\n"


_SPAN_FIELDS = tuple(f.name for f in fields(Span))
_RELATION_FIELDS = tuple(f.name for f in fields(Relation))
_ANSWER_FIELDS = tuple(f.name for f in fields(Answer))
_ATTEMPT_FIELDS = tuple(f.name for f in fields(Attempt))
