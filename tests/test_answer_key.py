"""The expert answer key: it fits its article exactly, and follows the guide."""

import json

import pytest

from medialit.answer_key import KEY_DIR, AnswerKeyError, answer_key_ids, load_answer_key
from medialit.articles import article_ids, seed_article
from medialit.vocabulary import SENTENCE_LABELS

from conftest import SEED_IDS


def test_every_seed_has_a_key():
    """Every article of the kit (the seeds and those written for it, like the post-test) has a key, and
    every key has its article."""
    assert answer_key_ids() == sorted(article_ids()) and set(SEED_IDS) <= set(answer_key_ids())


def test_key_spans_are_exact(seed_id):
    key = load_answer_key(seed_id)
    for u in key.units:
        assert key.text[u.start:u.end] == u.text
        for c in u.cues:
            assert key.text[c.start:c.end] == c.text and u.start <= c.start < c.end <= u.end
        for lab in u.labels:
            assert lab.label in SENTENCE_LABELS and len(lab.rationale.split()) >= 4
    for s in key.sources:
        assert key.text[s.start:s.end] == s.text


def test_key_covers_every_labelled_sentence(seed_id):
    """Every character of the headline, dek and body paragraphs is in some key unit."""
    art = seed_article(seed_id)
    key = load_answer_key(seed_id)
    covered = set()
    for u in key.units:
        covered.update(range(u.start, u.end))
    for part in art.parts:
        if part.kind in ("headline", "dek", "body"):
            missing = [i for i in range(part.start, part.end)
                       if i not in covered and not art.text[i].isspace()]
            assert not missing, f"{part.kind} text not in the key: {art.text[missing[0]:missing[0] + 40]!r}"


def test_parser_finds_the_parts_the_expert_found(seed_id):
    art = seed_article(seed_id)
    parts = load_answer_key(seed_id).parts
    assert art.headline == parts["headline"]
    assert art.dek == parts["dek"]
    assert art.date == parts["date"]
    assert art.byline == parts["byline"]
    assert art.related == parts["related"]
    for text in parts["boilerplate"]:
        assert any(text in b for b in art.boilerplate), text


def test_key_paragraph_numbers_match_the_parser(seed_id):
    art = seed_article(seed_id)
    for u in load_answer_key(seed_id).units:
        if u.part == "body":
            par = next(p for p in art.paragraphs if p.start <= u.start < p.end)
            assert par.paragraph == u.paragraph


def test_key_for_another_text_is_refused(tmp_path):
    src = KEY_DIR / f"{SEED_IDS[0]}.json"
    other = tmp_path / "changed.txt"
    other.write_text("A different text.", encoding="utf-8")
    with pytest.raises(AnswerKeyError, match="another version"):
        load_answer_key(SEED_IDS[0], str(src), str(other))


def test_key_with_unknown_label_is_refused(tmp_path):
    data = json.loads((KEY_DIR / f"{SEED_IDS[0]}.json").read_text(encoding="utf-8"))
    data["units"][0]["labels"] = [{"label": "sarcasm", "rationale": "not in the guide at all"}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AnswerKeyError, match="unit 0 has an unknown label 'sarcasm'"):
        load_answer_key(SEED_IDS[0], str(bad))
