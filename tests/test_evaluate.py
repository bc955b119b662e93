"""Evaluation arithmetic: a reader that agrees with the key scores 1.0; misses and extras are counted."""

from dataclasses import dataclass

import pytest

from medialit.answer_key import load_answer_key
from medialit.evaluate import Score, evaluate, score_against_key

from conftest import SEED_IDS


@dataclass
class FakeSentence:
    start: int
    end: int


@dataclass
class FakeSA:
    sentence: FakeSentence
    labels: tuple
    evidence: tuple = ()


@dataclass
class FakeSource:
    start: int
    end: int
    text: str
    type: str
    rule: str = "fake"


@dataclass
class FakeAnalysis:
    sentences: list
    sources: list
    article: object = None


def analysis_like_key(key, drop_label=None, extra_label=None):
    sents = []
    for u in key.units:
        labels = set(u.label_set) - {drop_label}
        if extra_label and not u.label_set:
            labels.add(extra_label)
        sents.append(FakeSA(FakeSentence(u.start, u.end), tuple(sorted(labels))))
    sources = [FakeSource(s.start, s.end, s.text, s.type) for s in key.sources]
    return FakeAnalysis(sents, sources)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_a_reader_who_agrees_with_the_key_scores_one(seed_id):
    key = load_answer_key(seed_id)
    ev = score_against_key(key, analysis_like_key(key))
    for lab, s in ev.scores.items():
        assert (s.fp, s.fn) == (0, 0) and s.f1 == 1.0, lab
    assert ev.sources.f1 == 1.0 and ev.source_types_agree == len(key.sources)
    assert ev.disagreements == []


def test_misses_and_extras_are_counted_with_the_keys_reasons():
    key = load_answer_key(SEED_IDS[0])
    ev = score_against_key(key, analysis_like_key(key, drop_label="hedge", extra_label="opinion"))
    hedges = len(key.units_with("hedge"))
    assert ev.scores["hedge"] == Score("hedge", tp=0, fp=0, fn=hedges)
    unlabelled = sum(1 for u in key.units if not u.label_set)
    assert ev.scores["opinion"].fp == unlabelled
    missed = [d for d in ev.disagreements if d.kind == "missed" and d.label == "hedge"]
    assert len(missed) == hedges and all(d.why.startswith("key: ") for d in missed)


def test_score_edge_cases():
    assert Score("x").f1 is None
    assert Score("x", tp=0, fp=2, fn=0).precision == 0.0
    assert Score("x", tp=2, fp=0, fn=2).recall == 0.5


def test_pooled_evaluation_adds_articles():
    both = evaluate()
    one = [evaluate([i]) for i in SEED_IDS]
    for lab in both.scores:
        assert both.scores[lab].tp == sum(e.scores[lab].tp for e in one)
