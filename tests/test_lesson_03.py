"""Lesson 3, "How sure is the writer?": the questions agree with the answer key and the articles,
what the lesson says about the key and the detector is true, and the notebooks are complete."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lessons import chosen, first, read, right, unit_with

from medialit.articles import parse_article
from medialit.detect import analyze

ROOT = Path(__file__).resolve().parent.parent
NAME = "03_how_sure_is_the_writer"
LESSON = ROOT / "notebooks" / f"{NAME}.ipynb"
QUESTIONS = ROOT / "medialit" / "data" / "questions" / f"{NAME}.json"
CALL = re.compile(r"""\b(?:quiz|check)\(\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def qs():
    return {q["id"]: q for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]}


@pytest.fixture(scope="module")
def lesson():
    return read(LESSON)


def cue(unit, text):
    found = [c for c in unit.cues if c.text == text]
    assert found, f"no cue {text!r} in {unit.text[:50]!r}"
    return found[0]


# ---------------------------------------------------------------------------
# questions: well formed, and every answer derived from the key or the article
# ---------------------------------------------------------------------------

def test_counts_of_perhaps_and_obviously_in_000(qs, art, key):
    for qid, word, label in (("03-perhaps-count", "Perhaps", "hedge"), ("03-obviously-count", "obviously", "booster")):
        in_text = len(re.findall(rf"\b{word}\b", art["000"].text))
        in_key = sum(c.text == word and c.label == label for u in key["000"].units for c in u.cues)
        assert in_text == in_key and right(qid, in_text)


def test_week_or_so_is_an_approximation_not_a_hedge(qs, key):
    u = unit_with(key["003"], "in the past week or so")
    assert not any("week" in c.text for c in u.cues)
    assert "approximate" in u.note and cue(u, "On the face of it").label == "hedge"
    assert "roughly" in chosen("03-week-or-so")


def test_didnt_elaborate_is_sourcing(qs, key):
    u = unit_with(key["003"], "He didn’t elaborate.")
    assert "hedge" not in u.label_set and "sourcing" in u.note
    assert "sourcing" in chosen("03-didnt-elaborate")


def test_can_is_plain_ability(qs, key):
    u = unit_with(key["000"], "The next few weeks will tell")
    assert "hedge" not in u.label_set and "ordinary ability" in u.note
    assert "ability" in chosen("03-can-not-hedge")


def test_entirely_conceivable_is_a_hedge_not_a_booster(qs, key):
    u = unit_with(key["003"], "entirely conceivable")
    assert "hedge" in u.label_set and "booster" not in u.label_set
    assert cue(u, "entirely conceivable").label == "hedge" and cue(u, "Ostensibly").label == "hedge"
    assert chosen("03-entirely-conceivable").startswith("Hedge")


def test_long_time_observer_is_a_booster_not_a_source(qs, key):
    u = unit_with(key["003"], "any long-time observer would know")
    assert cue(u, "any long-time observer would know").label == "booster"
    assert "attribution" not in u.label_set and not [s for s in key["003"].sources if s.unit == u.index]
    assert chosen("03-long-time-observer") == "A booster"


def test_voices_of_obvious_and_possible(qs, key):
    u = unit_with(key["003"], "obvious threat")
    c = cue(u, "obvious")
    assert (c.label, c.voice) == ("booster", "source")
    assert "general" in chosen("03-obvious-threat-voice")
    u = unit_with(key["003"], "still possible")
    c = cue(u, "possible")
    assert (c.label, c.voice) == ("hedge", "source")
    assert [s.text for s in key["003"].sources if s.unit == u.index] == ["The White House"]
    assert chosen("03-still-possible-voice") == "The White House's"


def test_seems_alright_is_the_hedged_one_of_two_sentences_of_003(qs, key, art):
    seems = unit_with(key["003"], "body language of her visit seems alright")
    peskov = unit_with(key["003"], "Peskov remarked that")
    assert seems.paragraph == peskov.paragraph == 10 and peskov.index == seems.index + 1
    # "seems" is a hedge in the writer's own voice, and the sentence names no source
    assert [(c.text, c.voice) for c in seems.cues if c.label == "hedge"] == [("seems", "author")]
    assert "attribution" not in seems.label_set and not [s for s in key["003"].sources if s.unit == seems.index]
    # "remarked" reports a named source and hedges nothing
    assert "hedge" not in peskov.label_set and "remarked" in [c.text for c in peskov.cues if c.label == "attribution"]
    assert [s.text for s in key["003"].sources if s.unit == peskov.index] == ["The Kremlin spokesman Dmitry Peskov"]
    assert chosen("03-p-seems-alright").startswith("The “body language” sentence: with “seems”")
    # the quotations the practice shows and the prompt quotes are the article's words
    for u in (seems, peskov):
        assert u.text in art["003"].text
    practice = read(ROOT / "solutions" / f"{NAME}_practice.ipynb")
    shown = practice.cells[first(practice, r"^## Exercise 1:", "markdown")].source
    assert f"“{seems.text}”" in shown and f"“{peskov.text}”" in shown
    assert "body language of her visit seems alright" in qs["03-p-seems-alright"]["prompt"]


def test_most_hedged_paragraph_of_003(qs, key):
    hedged = key["003"].units_with("hedge")
    (top, n), (_, second) = Counter(u.paragraph for u in hedged).most_common(2)
    assert right("03-most-hedged-paragraph", top) and n > second


def test_source_voice_cues_of_003(qs, key):
    words = {c.text for u in key["003"].units for c in u.cues
             if c.label in ("hedge", "booster") and c.voice == "source"}
    assert right("03-source-voice-cues", words)
    # the explanation's "two of the three could in ¶5"
    p5 = [c for u in key["003"].units if u.paragraph == 5 for c in u.cues if c.text == "could"]
    assert [c.voice for c in p5] == ["author", "source", "source"]


def test_false_friend_rule_name(qs):
    made_up = analyze(parse_article("A made-up example\n\nThe number of victims could not be verified.\n"))
    assert not made_up.sentences[1].labels
    rules = {s.rule for s in made_up.suppressed if s.text == "could"}
    (rule,) = rules
    assert f"[{rule}]" in made_up.why_not("could")
    # practice: learners judge the detector's reason (negated verification is sourcing, not a hedge)
    assert chosen("03-p-could-not-verified").startswith("Yes: the sentence says that nobody managed")


# ---------------------------------------------------------------------------
# what the lesson says about the articles, the key and the detector
# ---------------------------------------------------------------------------

def per_paragraph(obj, label):
    if hasattr(obj, "units"):
        return Counter(u.paragraph for u in obj.units if u.part == "body" and label in u.label_set)
    return Counter(sa.sentence.paragraph for sa in obj.sentences if sa.sentence.part == "body" and label in sa.labels)


def test_hedges_and_boosters_of_000_are_in_the_comment_paragraphs(key, det):
    for label in ("hedge", "booster"):
        assert set(per_paragraph(key["000"], label)) == {3, 5}
    assert all(c.voice == "author" for c in det["000"].cues if c.label in ("hedge", "booster"))


def test_key_and_detector_agree_per_paragraph_on_hedges_and_boosters(key, det):
    for a in ("000", "003"):
        for label in ("hedge", "booster"):
            assert per_paragraph(key[a], label) == per_paragraph(det[a], label), (a, label)


def test_paragraph_7_of_003_has_four_sentences_and_the_most_hedging(key):
    assert len([u for u in key["003"].units if u.paragraph == 7]) == 4
    both = Counter(u.paragraph for u in key["003"].units if u.label_set & {"hedge", "booster"})
    top = both.most_common()
    assert top[0][0] == 7 and top[0][1] > top[1][1]


def test_most_cues_of_003_are_the_writers_but_some_are_sources(det):
    for label in ("hedge", "booster"):
        voices = Counter(c.voice for c in det["003"].cues if c.label == label)
        assert voices["author"] > voices["source"] > 0


def test_boundaries_named_in_the_lesson_follow_the_key(key):
    assert "approximation" in unit_with(key["003"], "almost entirely").note
    assert "not a hedge" in unit_with(key["000"], "a few days ago").note
    assert "not a hedge" in unit_with(key["003"], "hinted").note
    assert cue(unit_with(key["003"], "it is apparent"), "it is apparent").label == "booster"
    assert cue(unit_with(key["003"], "rather remote"), "rather remote").label == "hedge"
    assert cue(unit_with(key["003"], "seems alright"), "seems").label == "hedge"
    assert cue(unit_with(key["003"], "Of course, it is"), "Of course").label == "booster"
    note = next(n for n in key["000"].notes if n.topic == "From report to commentary")
    assert "three “Perhaps”, two “obviously”" in note.note


def test_the_detector_explains_voice_and_false_friends(det):
    d3 = det["003"]
    for words in ("obvious threat", "still possible"):
        n = d3.index_of(words)                      # as the lesson finds the sentence
        assert words in d3.sentence(n).sentence.text and "(Voice: source.)" in d3.why(n)
    with pytest.raises(LookupError):
        d3.index_of("no such words in the article")
    made_up = analyze(parse_article("A made-up example\n\nThe talks may resume in May. The claim could not be verified.\n"))
    # "may" about the future is a hedge and a guess (speculation, Lesson 4); the month and the sourcing phrase are not
    assert made_up.sentences[1].labels == ("hedge", "speculation") and not made_up.sentences[2].labels
    assert "[may_month]" in made_up.why_not("May") and "[negated_verification]" in made_up.why_not("could")


# ---------------------------------------------------------------------------
# the notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_its_activities_in_order(lesson):
    order = [
        first(lesson, r'^name_box\(\)$', "code"),
        first(lesson, r"^## The reading", "markdown"),
        first(lesson, r"report\.show\(", "code"),
        first(lesson, r"^## Activity", "markdown"),
        first(lesson, r"SpanAnnotator\(ARTICLE\)", "code"),
        first(lesson, r"learner_feedback\(", "code"),
        first(lesson, r"^## Exercises", "markdown"),
        first(lesson, r"^## A picture", "markdown"),
        first(lesson, r"plots\.", "code", start=first(lesson, r"^## A picture", "markdown")),
        first(lesson, r"^## Reflection", "markdown"),
        first(lesson, r"^## Summary", "markdown"),
    ]
    assert order == sorted(order)
    exercises = [c for c in lesson.cells[order[6]:order[7]] if c.cell_type == "code" and CALL.search(c.source)]
    assert len(exercises) >= 2
    assert "why(" in "".join(c.source for c in lesson.cells) and "why_not(" in "".join(c.source for c in lesson.cells)
