"""JSON Schema for records, answer keys and questions: one definition of each format, checked in plain words."""

import json

import pytest
from hypothesis import given, settings, strategies as st

from medialit import schemas, selfcheck
from medialit.annotate.model import FORMAT, SCOPES, VERSION, AnnotationRecord, RecordError, record_problem
from medialit.answer_key import KEY_DIR
from medialit.vocabulary import (CUE_LABELS, LABELLED_PARTS, RELATION_TYPES, SENTENCE_LABELS, SOURCE_TYPES,
                                 SPAN_LABELS, VOICES)

TEXT = "Perhaps it rains. Obviously, the senator said so."


def good_record() -> dict:
    rec = AnnotationRecord.new("000", TEXT, "Ada")
    src = rec.add_span(30, 37, "source", "a named person")
    claim = rec.add_span(0, 7, "hedge")
    rec.add_span(18, 27, "booster", scope="sentence")
    rec.link(src.id, claim.id)
    return json.loads(json.dumps(rec.to_dict()))


def _defs(name):
    return schemas.schema(name)["$defs"]


# ---------------------------------------------------------------------------
# One definition: the schemas' lists are the vocabulary's
# ---------------------------------------------------------------------------

def test_the_schemas_lists_are_the_vocabulary():
    record = schemas.schema("record")
    span = _defs("record")["span"]["properties"]
    assert tuple(span["label"]["enum"]) == SPAN_LABELS
    assert tuple(span["scope"]["enum"]) == SCOPES + (None,)
    assert tuple(_defs("record")["relation"]["properties"]["type"]["enum"]) == RELATION_TYPES
    assert record["properties"]["format"]["const"] == FORMAT and record["properties"]["version"]["const"] == VERSION
    key = _defs("answer_key")
    assert tuple(key["label"]["properties"]["label"]["enum"]) == SENTENCE_LABELS
    assert tuple(key["cue"]["properties"]["label"]["enum"]) == CUE_LABELS
    assert tuple(key["cue"]["properties"]["voice"]["enum"]) == VOICES
    assert tuple(key["source"]["properties"]["type"]["enum"]) == SOURCE_TYPES
    assert tuple(key["unit"]["properties"]["part"]["enum"]) == LABELLED_PARTS
    assert tuple(_defs("questions")["question"]["properties"]["kind"]["enum"]) == selfcheck.KINDS


def _properties(node, where=""):
    """Every (place, property schema) of a schema, nested ones too (not those of an ``if``: a condition)."""
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            yield f"{where}.{key}", sub
        for key, sub in node.items():
            if isinstance(sub, (dict, list)) and key != "if":
                yield from _properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for sub in node:
            yield from _properties(sub, where)


@pytest.mark.parametrize("name", schemas.SCHEMA_NAMES)
def test_each_schema_is_valid_and_documents_every_field(name):
    schemas.validator(name)                                  # checks the schema against draft 2020-12
    places = list(_properties(schemas.schema(name)))
    assert len(places) > 5
    undocumented = [where for where, sub in places if not sub.get("description", "").strip()]
    assert undocumented == []


def test_the_kits_own_files_fit_their_schemas():
    for path in sorted(KEY_DIR.glob("*.json")):
        assert schemas.problem(json.loads(path.read_text(encoding="utf-8")), "answer_key") is None, path.name
    for path in sorted(selfcheck.QUESTIONS_DIR.glob("*.json")):
        assert schemas.problem(json.loads(path.read_text(encoding="utf-8")), "questions") is None, path.name
    assert record_problem(good_record()) is None


def test_an_unknown_schema_is_a_clear_error():
    with pytest.raises(KeyError, match="the kit has record"):
        schemas.problem({}, "recrod")


# ---------------------------------------------------------------------------
# Records: what older and newer versions wrote still loads
# ---------------------------------------------------------------------------

def test_unknown_fields_and_nulls_of_optional_fields_are_read():
    data = good_record()
    data["written_by"] = "medialit 9"                                   # a newer version's field
    data["spans"][0].update(colour="#fff", note=None, created=None, scope=None)
    data.update(created=None, updated=None, text_length=None)
    del data["relations"]                                               # an older version wrote none
    rec = AnnotationRecord.from_dict(data)
    assert (rec.spans[0].note, rec.spans[0].scope, rec.created, rec.relations) == ("", "span", "", [])


def test_from_dict_says_the_schemas_sentence():
    with pytest.raises(RecordError, match=r"^mark 2: 'start' is a number, not a whole number$"):
        AnnotationRecord.from_dict({**good_record(), "spans": [good_record()["spans"][0],
                                                               {**good_record()["spans"][1], "start": 2.5}]})


def _span(data, n=0, **changes):
    spans = [dict(s) for s in data["spans"]]
    spans[n].update(changes)
    return {**data, "spans": spans}


RECORD_PROBLEMS = [   # (how the record is spoiled, the sentence said)
    (lambda d: [d], "not a medialit annotation record (no 'format': 'medialit.annotations')"),
    (lambda d: {k: v for k, v in d.items() if k != "format"},
     "not a medialit annotation record (no 'format': 'medialit.annotations')"),
    (lambda d: {**d, "format": "brat", "annotator": 3},
     "not a medialit annotation record (no 'format': 'medialit.annotations')"),
    (lambda d: {**d, "version": 2, "spans": 3}, "record version 2 is not supported (expected 1)"),
    (lambda d: {**d, "version": 1.0}, "record version a number is not supported (expected 1)"),
    (lambda d: {**d, "version": "1"}, "record version text is not supported (expected 1)"),
    (lambda d: {**d, "updated": 20240101}, "the field 'updated' is a number, not a date and time written as text"),
    (lambda d: {**d, "annotator": None}, "the field 'annotator' is null, not text"),
    (lambda d: {**d, "annotator": " \t"}, "the learner's name is empty"),
    (lambda d: {**d, "annotator": "A" * 5000}, "the learner's name is 5,000 characters long (at most 200)"),
    (lambda d: {k: v for k, v in d.items() if k != "article_id"}, "the field 'article_id' is missing"),
    (lambda d: {**d, "article_id": ""}, "the field 'article_id' is empty"),
    (lambda d: {**d, "text_length": -1}, "the field 'text_length' is negative (-1), not a number of characters"),
    (lambda d: {**d, "spans": None}, "the field 'spans' is null, not a list of marks"),
    (lambda d: {**d, "spans": [[1, 5, "hedge"]]}, "mark 1 is a list, not an object with id, start, end and label"),
    (lambda d: _span(d, 1, start="12"), "mark 2: 'start' is text, not a whole number"),
    (lambda d: _span(d, 2, end=True), "mark 3: 'end' is true/false, not a whole number"),
    (lambda d: _span(d, start=-1), "mark 1: 'start' is negative (-1), not a number of 0 or more"),
    (lambda d: _span(d, start=30, end=30), "mark 1 runs from 30 to 30: a mark needs 0 <= start < end"),
    (lambda d: {**d, "text_length": 20}, "mark 1 runs from 30 to 37, past the end of the text (20 characters)"),
    (lambda d: _span(d, label="gossip"),
     "mark 1 has an unknown label 'gossip'; use one of attribution, hedge, booster, speculation, opinion, "
     "loaded, source"),
    (lambda d: _span(d, scope="page"), "mark 1: 'scope' is 'page', not one of span, sentence"),
    (lambda d: _span(d, note={"a": 1}), "mark 1: 'note' is an object ({...}), not text or null"),
    (lambda d: {**d, "spans": [{k: v for k, v in d["spans"][0].items() if k != "id"}]}, "mark 1 has no 'id'"),
    (lambda d: _span(d, 1, id=d["spans"][0]["id"]), "mark 2 has the same id as an earlier mark"),
    (lambda d: {**d, "relations": "none"}, "the field 'relations' is text, not a list of links"),
    (lambda d: {**d, "relations": [{"type": "cites", "source": "a", "claim": "b"}]},
     "link 1: 'type' is 'cites', not one of attributed_to"),
    (lambda d: {**d, "relations": [{"type": "attributed_to", "source": "x", "claim": d["spans"][0]["id"]}]},
     "link 1 points at marks that are not in the record"),
]


@pytest.mark.parametrize("spoil,words", RECORD_PROBLEMS)
def test_a_spoiled_record_gets_one_plain_sentence(spoil, words):
    why = record_problem(spoil(good_record()))
    assert why is not None and why.startswith(words), why
    assert "\n" not in why and len(why) < 200
    with pytest.raises(RecordError, match="^" + words[:40].replace("(", r"\(").replace(")", r"\)")
                       .replace("*", r"\*").replace(".", r"\.")):
        AnnotationRecord.from_dict(spoil(good_record()))


# ---------------------------------------------------------------------------
# Answer keys and questions
# ---------------------------------------------------------------------------

def _key():
    return json.loads((KEY_DIR / "000_b7d55dfd4cdbabc3.json").read_text(encoding="utf-8"))


def test_a_misspelt_or_wrong_field_in_the_key_is_named():
    key = _key()
    key["units"][2]["cues"][0]["ocurrence"] = 2
    assert schemas.problem(key, "answer_key") == "unit 2, cue 0 has an unknown field 'ocurrence'"
    key = _key()
    key["sources"][1]["type"] = "expert"
    assert schemas.problem(key, "answer_key") == (
        "source 1: 'type' is 'expert', not one of named_person, institution, outlet, anonymous, vague")
    key = _key()
    key["units"][0]["labels"][0]["rationale"] = "  "
    assert schemas.problem(key, "answer_key") == "unit 0: 'rationale' is empty"
    key = _key()
    key["sha256"] = "abc"
    assert schemas.problem(key, "answer_key") == "the field 'sha256' is not 64 hex digits"


def _question(**changes):
    q = {"id": "99-x", "kind": "choice", "prompt": "Which?", "choices": ["a", "b"],
         "answer_sha256": [selfcheck.digest("99-x", "choice", "a")], "explanation": "e", "hint": "h"}
    return {"questions": [{**q, **changes}]}


def test_question_problems_name_the_question():
    assert schemas.problem(_question(), "questions") is None
    assert schemas.problem(_question(kind="essay"), "questions") == (
        "question '99-x': 'kind' is 'essay', not one of number, text, choice, set")
    assert schemas.problem(_question(choices=None), "questions") == (
        "question '99-x': 'choices' is null, not a list of options")
    missing = _question()
    del missing["questions"][0]["choices"]
    assert schemas.problem(missing, "questions") == "question '99-x' has no 'choices'"
    assert schemas.problem(_question(answer_sha256=["ABC"]), "questions") == (
        "question '99-x', digest 1 is not a SHA-256 digest (64 hex digits)")
    plain = _question(answer="a")
    del plain["questions"][0]["answer_sha256"]
    assert "'answer' is not allowed" in schemas.problem(plain, "questions")
    assert "store answer_sha256 instead" in schemas.problem(plain, "questions")
    assert schemas.problem(_question(hnit="h"), "questions") == "question '99-x' has an unknown field 'hnit'"


# ---------------------------------------------------------------------------
# The quick check says yes exactly when jsonschema does
# ---------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 300) | st.floats(-2, 2, allow_nan=False) | st.sampled_from(
        ["", " ", "hedge", "source", "span", "sentence", "page", "attributed_to", "medialit.annotations", "x" * 201]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["id", "start", "a"]), inner,
                                                               max_size=2),
    max_leaves=4)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


def _spoiled(data, path, new, delete):
    if not path:
        return new
    data = json.loads(json.dumps(data))
    here = data
    for step in path[:-1]:
        here = here[step]
    if delete and isinstance(here, dict):
        del here[path[-1]]
    else:
        here[path[-1]] = new
    return data


def _agree(name, data):
    quick, full = schemas.quick_check(name)(data), schemas.validator(name).is_valid(data)
    assert quick == full, (quick, full, data)
    why = schemas.problem(data, name)
    assert (why is None) == full, why


@settings(max_examples=300, deadline=None)
@given(st.data(), JSON_VALUES, st.booleans())
def test_quick_check_agrees_with_jsonschema_on_spoiled_records(data, new, delete):
    good = good_record()
    path = data.draw(st.sampled_from(list(_paths(good))))
    _agree("record", _spoiled(good, path, new, delete))


@settings(max_examples=100, deadline=None)
@given(st.data(), JSON_VALUES, st.booleans())
def test_quick_check_agrees_with_jsonschema_on_spoiled_keys(data, new, delete):
    key = _key()
    key["units"], key["sources"], key["notes"] = key["units"][:3], key["sources"][:2], key["notes"][:1]
    path = data.draw(st.sampled_from(list(_paths(key))))
    _agree("answer_key", _spoiled(key, path, new, delete))


@settings(max_examples=60, deadline=None)
@given(st.data(), JSON_VALUES, st.booleans())
def test_quick_check_agrees_with_jsonschema_on_spoiled_questions(data, new, delete):
    questions = _question()
    questions["questions"].append(dict(questions["questions"][0], kind="number", id="99-y"))
    del questions["questions"][1]["choices"]
    path = data.draw(st.sampled_from(list(_paths(questions))))
    _agree("questions", _spoiled(questions, path, new, delete))
