"""The kit's JSON files described by JSON Schema, and checked against it in plain words.

Each kind of file has a schema in ``medialit/data/schemas/<name>.schema.json``
(JSON Schema draft 2020-12): ``record`` (a learner's annotation record),
``answer_key`` (the expert key of one article) and ``questions`` (the self-check
questions of one lesson). The schema is also the documentation of the format:
every field has a ``description`` a teacher can read.

:func:`problem` checks parsed JSON against a schema with :mod:`jsonschema` and
says the most telling problem in one plain sentence (or ``None``); :func:`check`
raises :class:`DataError` with that sentence. What a schema cannot see (offsets
against the article text, ids that links point at) stays a code check in the
module that loads the file.

>>> problem({"format": "medialit.annotations", "version": 1, "article_id": "000", "text_sha256": "ab",
...          "annotator": "Ada", "spans": [{"id": "s1", "start": 2.5, "end": 7, "label": "hedge"}]}, "record")
"mark 1: 'start' is a number, not a whole number"
>>> check({"format": "something else"}, "record")
Traceback (most recent call last):
...
medialit.schemas.DataError: not a medialit annotation record (no 'format': 'medialit.annotations')
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from medialit.wording import shorten

if TYPE_CHECKING:   # jsonschema is imported only when a file does not fit (see validator())
    from jsonschema.exceptions import ValidationError

SCHEMA_DIR = Path(__file__).parent / "data" / "schemas"
#: The schemas the kit has (file ``<name>.schema.json`` each).
SCHEMA_NAMES = ("record", "answer_key", "questions", "written_tasks")


class DataError(ValueError):
    """A JSON file that does not fit its schema; the message is one plain sentence."""


def _whole_number(checker, instance) -> bool:
    """JSON Schema's ``integer`` without 2.0: a whole number is written without a decimal point."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """The schema ``name`` (one of :data:`SCHEMA_NAMES`) as a dict, read once.

    >>> schema("record")["properties"]["format"]["const"]
    'medialit.annotations'
    """
    if name not in SCHEMA_NAMES:
        raise KeyError(f"no schema {name!r}; the kit has {', '.join(SCHEMA_NAMES)}")
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str):
    """The :mod:`jsonschema` validator of schema ``name`` (draft 2020-12, except that 12.0 is not a
    whole number: an offset or a count is never written so), built once; the schema itself is
    checked on the way.

    jsonschema is imported here, on first need, not with this module: importing it takes a
    second or more (its optional format checkers build grammars when imported), and a file
    that fits never needs it (:func:`quick_check` says so).

    >>> validator("record").is_valid({"format": "medialit.annotations"})
    False
    """
    from jsonschema import Draft202012Validator, validators   # slow to import: only when needed

    whole = Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number)
    checking = validators.extend(Draft202012Validator, type_checker=whole)
    checking.check_schema(schema(name))
    return checking(schema(name))


def problem(data, name: str) -> str | None:
    """What is wrong with parsed JSON ``data`` as a ``name`` file, in one plain sentence; None if it fits.

    >>> problem({"questions": [{"id": "x-1", "kind": "number"}]}, "questions")
    "question 'x-1' has no 'prompt'"
    >>> problem({"questions": [{"id": "x-1", "kind": "guess", "prompt": "?", "answer_sha256": ["0" * 64],
    ...                         "explanation": "e", "hint": "h"}]}, "questions")
    "question 'x-1': 'kind' is 'guess', not one of number, text, choice, set"
    """
    if quick_check(name)(data):               # the common case: a file that fits, checked fast
        return None
    errors = list(validator(name).iter_errors(data))
    return describe(_most_telling(errors), name, data) if errors else None


def check(data, name: str) -> None:
    """Raise :class:`DataError` with :func:`problem`'s sentence if ``data`` does not fit schema ``name``."""
    why = problem(data, name)
    if why:
        raise DataError(why)


# ---------------------------------------------------------------------------
# The quick check: the same schema, read by plain Python
# ---------------------------------------------------------------------------

#: Keywords that only document a schema; they never make a value fit or not.
_ANNOTATIONS = {"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"}
_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "null": (type(None),),
          "array": (list,), "object": (dict,)}


@lru_cache(maxsize=None)
def quick_check(name: str):
    """A fast yes/no check of schema ``name``: ``quick_check(name)(data)`` is True when ``data`` fits.

    :mod:`jsonschema` builds a validator object for every value it descends into, which
    makes a class of records slow to read (a record of 300 marks takes about 30 times
    as long as building it), and importing it takes a second or more. This turns the
    same schema, once, into nested plain functions for the few keywords the kit's
    schemas use; a schema with any other keyword gets jsonschema itself. Only the
    yes/no comes from here: a file that does not fit is checked again by jsonschema,
    whose error becomes the message. ``tests/test_schemas.py`` checks that both agree
    on many spoiled files.

    >>> quick_check("record")({"format": "medialit.annotations"})
    False
    """
    root = schema(name)
    try:
        return _compiled(root, root)
    except _NotQuick:
        return validator(name).is_valid


class _NotQuick(Exception):
    """The schema uses a keyword the quick check does not know."""


def _same(a, b) -> bool:
    """JSON equality as JSON Schema's ``enum`` and ``const`` see it: true is not 1, 1.0 is 1."""
    if type(a) is bool or type(b) is bool:
        return type(a) is type(b) and a == b
    return a == b


def _compiled(node, root):
    """One schema node as a function value -> bool (see :func:`quick_check`)."""
    if node is True or node == {}:
        return lambda v: True
    if node is False:
        return lambda v: False
    if "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/") or set(node) - _ANNOTATIONS - {"$ref"}:
            raise _NotQuick(ref)
        return _compiled(root["$defs"][ref[len("#/$defs/"):]], root)
    if node.get("type") == "object" and set(node) - _ANNOTATIONS <= _OBJECT_KEYWORDS:
        return _object_check(node, root)
    tests = []
    for key, want in node.items():
        if key in _ANNOTATIONS or key == "then" or (key == "additionalProperties" and want is True):
            continue
        if key == "if":
            condition, then = _compiled(want, root), _compiled(node.get("then", True), root)
            tests.append(lambda v, condition=condition, then=then: not condition(v) or then(v))
            continue
        tests.append(_keyword(key, want, node, root))
    if len(tests) == 1:
        return tests[0]

    def all_fit(v, tests=tuple(tests)):
        for test in tests:
            if not test(v):
                return False
        return True
    return all_fit


_OBJECT_KEYWORDS = {"type", "required", "properties", "additionalProperties"}


def _object_check(node: dict, root: dict):
    """An object node (type, required, properties, additionalProperties) as one function: a record's
    marks are thousands of such objects, so this is the hottest path of loading a class."""
    required = tuple(node.get("required", ()))
    checks = tuple((k, _compiled(sub, root)) for k, sub in node.get("properties", {}).items())
    closed = node.get("additionalProperties", True) is False
    known = frozenset(node.get("properties", ()))

    def object_fits(v):
        if type(v) is not dict:
            return False
        for k in required:
            if k not in v:
                return False
        for k, check in checks:
            if k in v and not check(v[k]):
                return False
        return not closed or known.issuperset(v)
    return object_fits


def _keyword(key: str, want, node: dict, root: dict):
    """One keyword of a schema node as a function value -> bool (plain loops: this is the hot path)."""
    if key == "type":
        kinds = frozenset(t for name in (want if isinstance(want, list) else [want]) for t in _TYPES[name])
        return lambda v: type(v) in kinds
    if key == "enum":
        if all(isinstance(w, str) or w is None for w in want):
            allowed = frozenset(want)
            return lambda v: (v is None or type(v) is str) and v in allowed
        return lambda v: any(_same(v, w) for w in want)
    if key == "const":
        return lambda v: _same(v, want)
    if key == "required":
        return lambda v: type(v) is not dict or all(k in v for k in want)
    if key == "properties":
        checks = tuple((k, _compiled(sub, root)) for k, sub in want.items())

        def properties_fit(v):
            if type(v) is dict:
                for k, check in checks:
                    if k in v and not check(v[k]):
                        return False
            return True
        return properties_fit
    if key == "additionalProperties" and want is False:
        known = frozenset(node.get("properties", ()))
        return lambda v: type(v) is not dict or known.issuperset(v)
    if key == "items":
        check = _compiled(want, root)

        def items_fit(v):
            if type(v) is list:
                for x in v:
                    if not check(x):
                        return False
            return True
        return items_fit
    if key == "minimum":
        return lambda v: type(v) not in (int, float) or v >= want
    if key == "maximum":
        return lambda v: type(v) not in (int, float) or v <= want
    if key in ("minLength", "maxLength", "minItems", "maxItems"):
        kind = str if key.endswith("Length") else list
        if key.startswith("min"):
            return lambda v: type(v) is not kind or len(v) >= want
        return lambda v: type(v) is not kind or len(v) <= want
    if key == "pattern":
        found = re.compile(want).search
        return lambda v: type(v) is not str or found(v) is not None
    if key == "not":
        check = _compiled(want, root)
        return lambda v: not check(v)
    raise _NotQuick(key)

def _most_telling(errors: list[ValidationError]) -> ValidationError:
    """The error to report: a file of another kind first, then its version or a forbidden field, then
    jsonschema's best match
    (the shallowest error; among equals, the first in the schema's order)."""
    for error in errors:
        if not error.path and error.validator == "type" or list(error.path) == ["format"] or (
                error.validator == "required" and not error.path and "format" not in error.instance):
            return error
    from jsonschema.exceptions import best_match   # jsonschema is loaded already: errors come from it

    for error in errors:
        if list(error.path) == ["version"] or error.validator == "not":   # a forbidden field explains the rest
            return error
    return best_match(errors)


# ---------------------------------------------------------------------------
# An error in words
# ---------------------------------------------------------------------------

#: How the items of each list are named in a message, and the number of the first one. Records count
#: marks from 1 (as a teacher would); the key counts units and sources from 0, as its ``unit`` field does.
#: ``None``: the item is not named (a unit's label is "unit 3 has an unknown label ...").
_ITEMS = {"spans": ("mark", 1), "relations": ("link", 1), "units": ("unit", 0), "labels": None,
          "cues": ("cue", 0), "sources": ("source", 0), "notes": ("note", 0), "questions": ("question", 1),
          "choices": ("choice", 1), "answer_sha256": ("digest", 1), "related": ("related story", 1),
          "boilerplate": ("boilerplate text", 1), "paragraphs": ("paragraph number", 1),
          "tasks": ("task", 1), "levels": ("level", 1), "good_answer": ("point", 1), "answers": ("written answer", 1),
          "attempts": ("quiz try", 1)}
#: Fields named by what they hold when their value (not its type) is wrong.
_NOUNS = {"annotator": "the learner's name"}
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
               "object": "an object", "null": "null", "boolean": "true/false"}
#: What the first line of a file says when it is not the kind of file expected at all.
_NOT_THIS = {"record": "not a medialit annotation record (no 'format': 'medialit.annotations')"}


def kind_of(value) -> str:
    """What kind of JSON value this is, in words (never its content: it may be huge).

    >>> kind_of(3), kind_of(None), kind_of([1]), kind_of(True), kind_of({"a": 1})
    ('a number', 'null', 'a list', 'true/false', 'an object ({...})')
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


def _shown(value) -> str:
    """A value as a message shows it: short text quoted, anything else by its kind."""
    if isinstance(value, str):
        return repr(shorten(value, 30))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if abs(value) < 10 ** 12 else "a number"
    return kind_of(value)


def _item_name(data, path: list) -> str:
    """The item at ``path`` (a list of keys and indexes), in words: "mark 3", "unit 2, cue 0", "question '02-x'".

    >>> _item_name({"units": [{}, {"cues": [{}]}]}, ["units", 1, "cues", 0])
    'unit 1, cue 0'
    """
    words, here = [], data
    for n, step in enumerate(path):
        key = path[n - 1] if n else None
        if isinstance(step, int):
            naming = _ITEMS.get(key, ("item", 0))
            item = here[step]
            if key == "questions" and isinstance(item, dict) and isinstance(item.get("id"), str):
                words.append(f"question {shorten(item['id'], 40)!r}")
            elif naming is not None:
                words.append(f"{naming[0]} {step + naming[1]}")
        elif n + 1 < len(path) and not isinstance(path[n + 1], int):
            words.append(f"'{step}'")              # a field that holds an object, such as the key's 'parts'
        here = here[step]
    return ", ".join(words)


def _subject(data, path: list) -> str:
    """Who a message is about: "the field 'updated'", "mark 1: 'start'", "mark 1", "the file"."""
    if not path:
        return "the file"
    if isinstance(path[-1], int):
        return _item_name(data, path) or f"item {path[-1]}"
    owner = _item_name(data, path[:-1])
    return f"{owner}: '{path[-1]}'" if owner else f"the field '{path[-1]}'"


def _expected(error: ValidationError) -> str:
    if error.schema.get("title") and not error.schema["title"][0].isupper():
        return error.schema["title"]
    types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    return " or ".join(_TYPE_WORDS.get(t, t) for t in types)


def describe(error: ValidationError, name: str, data) -> str:
    """One plain sentence for a :mod:`jsonschema` error in ``data``, a ``name`` file.

    Every sentence says where (the field, or the numbered item) and what is wrong,
    without quoting more than a few words of the file.
    """
    path = list(error.absolute_path)
    value, kind = error.instance, error.validator
    field = path[-1] if path and isinstance(path[-1], str) else None
    subject = _subject(data, path)
    noun = _NOUNS.get(field, subject) if len(path) == 1 else subject
    if name in _NOT_THIS and (field == "format" or (not path and kind == "type") or (
            not path and kind == "required" and "format" not in value)):
        return _NOT_THIS[name]
    if field == "version" and len(path) == 1:
        shown = str(value) if type(value) is int else kind_of(value)
        return f"{name.replace('_', ' ')} version {shorten(shown, 20)} is not supported (expected {error.schema['const']})"
    if kind == "type":
        return f"{subject} is {kind_of(value)}, not {_expected(error)}"
    if kind == "required":
        missing = next(k for k in error.validator_value if k not in value)
        owner = _item_name(data, path)
        return f"{owner} has no '{missing}'" if owner else f"the field '{missing}' is missing"
    if kind == "enum" and field == "label":
        owner = _item_name(data, path[:-1])
        return (f"{owner} has an unknown label {_shown(value)}; "
                f"use one of {', '.join(str(v) for v in error.validator_value)}")
    if kind == "enum":
        return f"{subject} is {_shown(value)}, not one of {', '.join(str(v) for v in error.validator_value if v)}"
    if kind == "const":
        return f"{subject} is {_shown(value)}, not {error.validator_value!r}"
    if kind in ("pattern", "minLength") and (error.validator_value in ("\\S", 1)):
        return f"{noun} is empty"
    if kind == "maxLength":
        return f"{noun} is {len(value):,} characters long (at most {error.validator_value})"
    if kind == "minimum":
        if error.validator_value == 0:
            return f"{subject} is negative ({_shown(value)}), not {_expected_of(error)}"
        return f"{subject} is {_shown(value)}, less than {error.validator_value}"
    if kind == "minItems":
        return f"{subject} is an empty list" if error.validator_value == 1 else \
            f"{subject} has fewer than {error.validator_value} items"
    if kind == "not":
        return f"{subject} is not allowed: {error.schema.get('description', '')}".rstrip(": ")
    if kind == "additionalProperties":
        extra = sorted(k for k in value if k not in error.schema.get("properties", {}))
        where = _item_name(data, path) or "the file"
        return f"{where} has an unknown field {shorten(extra[0], 30)!r}" if extra else error.message
    if kind == "pattern":
        return f"{subject} is not {error.schema.get('title') or 'written as expected'}"
    return f"{subject}: {shorten(error.message, 120)}"


def _expected_of(error: ValidationError) -> str:
    """The title of a field (what it holds), for a message about its value."""
    title = error.schema.get("title", "")
    return title if title and not title[0].isupper() else "a number of 0 or more"
