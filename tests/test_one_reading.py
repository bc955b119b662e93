"""One record, one reading: feedback, the class view and the own-article comparison give a
learner's marks the same sentence labels, and feedback, the class view and the evaluation
give the detector's labels to the same key sentences.

Before the vocabulary and alignment modules, a ``source`` span counted as attribution in
the class view but not in Check my work; these tests hold every view to one rule.
"""

from __future__ import annotations

import json

import pytest

from medialit.alignment import bounds
from medialit.annotate import AnnotationRecord
from medialit.annotate.storage import record_path
from medialit.answer_key import load_answer_key
from medialit.articles import seed_article
from medialit.classroom import detector_labels, load_class
from medialit.detect import analyze
from medialit.evaluate import evaluate_article
from medialit.feedback import detector_unit_labels, learner_feedback
from medialit.own_article import compare_with_detector
from medialit.vocabulary import SENTENCE_LABELS

ARTICLE_ID = "000"


@pytest.fixture(scope="module")
def article():
    return seed_article(ARTICLE_ID)


@pytest.fixture(scope="module")
def key(article):
    return load_answer_key(article.id)


def _find(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture(scope="module")
def record(article, key):
    """A learner who marks a source (and no reporting verb) on a key attribution sentence, a
    loaded word, a hedge, and one span across two sentences."""
    rec = AnnotationRecord.new(article.id, article.text, "Ada")
    attributed = next(u for u in key.units if "attribution" in u.label_set and key.sources
                      and any(s.unit == key.units.index(u) for s in key.sources))
    source = next(s for s in key.sources if key.units[s.unit] is attributed)
    rec.add_span(source.start, source.end, "source")
    hedge_unit = next(u for u in key.units if "hedge" in u.label_set)
    cue = next(c for c in hedge_unit.cues if c.label == "hedge")
    rec.add_span(cue.start, cue.end, "hedge")
    body = [s for s in article.sentences if s.part == "body"]
    rec.add_span(body[-2].end - 5, body[-1].start + 5, "speculation")     # across two sentences
    word = body[3]
    rec.add_span(word.start, word.start + 4, "loaded")
    assert rec.spans[0].label == "source"
    return rec


def _by_sentence(units, label_sets) -> dict[tuple[int, int], frozenset]:
    return {bounds(u): frozenset(labels) for u, labels in zip(units, label_sets)}


def _per_article_sentence(article, key, by_unit: dict) -> dict[tuple[int, int], frozenset]:
    """Labels of key units carried over to the article's sentences. The key splits two of
    article 000's sentences in two: a sentence gets the labels of the key units inside it."""
    out = {}
    for s in article.sentences:
        inside = [labels for (start, end), labels in by_unit.items() if s.start <= start and end <= s.end]
        out[bounds(s)] = frozenset().union(*inside)
    return out


def _rows(matrix) -> list[set[str]]:
    return [{lab for lab, on in zip(SENTENCE_LABELS, row) if on} for row in matrix]


def test_the_key_splits_two_sentences_of_article_000(article, key):
    # The mapping below is tested on a real difference between two readings' sentences.
    units = {bounds(u) for u in key.units}
    split = [s for s in article.sentences if bounds(s) not in units]
    assert len(split) == 2
    assert all(_per_article_sentence(article, key, {bounds(u): {"x"} for u in key.units})[bounds(s)] == {"x"}
               for s in split)


def _class_view(tmp_path, article, records):
    folder = tmp_path / "class"
    folder.mkdir()
    for rec in records:
        record_path(folder, article.id, rec.annotator).write_text(json.dumps(rec.to_dict()), encoding="utf-8")
    data = load_class(folder, articles={article.id: article})
    return data.articles[article.id]


def test_feedback_class_view_and_comparison_read_one_record_the_same_way(tmp_path, article, key, record):
    feedback = learner_feedback(record, article, with_detector=False)
    by_feedback = _per_article_sentence(article, key, _by_sentence(key.units, feedback.learner))
    by_class = _by_sentence(article.sentences, _rows(_class_view(tmp_path, article, [record]).marks[0]))
    comparison = compare_with_detector(record, analyze(article))
    by_comparison = {bounds(article.sentences[u.index]): u.label_set for u in comparison.reading.units}

    assert sum(bool(labels) for labels in by_class.values()) >= 4
    assert by_feedback == by_class == by_comparison


def test_a_source_mark_counts_as_attribution_in_every_view(tmp_path, article, key, record):
    source = record.spans[0]
    unit = next(u for u in key.units if u.start <= source.start and source.end <= u.end)
    feedback = learner_feedback(record, article, with_detector=False)
    found = [i for i in feedback.label("attribution").items if i.kind == "found"]
    assert (unit.start, unit.end) in {(i.start, i.end) for i in found}

    sentence = next(s for s in article.sentences if s.start <= unit.start and unit.end <= s.end)
    marks = _class_view(tmp_path, article, [record]).marks[0]
    assert marks[sentence.index, SENTENCE_LABELS.index("attribution")]

    comparison = compare_with_detector(record, analyze(article))
    assert "attribution" in next(u.label_set for u in comparison.reading.units if u.index == sentence.index)


def test_the_detector_gets_the_same_labels_in_feedback_class_view_and_evaluation(article, key):
    by_unit = _by_sentence(key.units, detector_unit_labels(article, key))
    matrix, why = detector_labels(article)
    assert why == ""
    assert _per_article_sentence(article, key, by_unit) == _by_sentence(article.sentences, _rows(matrix))

    evaluation = evaluate_article(article.id)
    for lab in SENTENCE_LABELS:
        score = evaluation.scores[lab]
        assert score.tp + score.fp == sum(lab in labels for labels in by_unit.values()), lab
