"""Lesson 4, "Speculation and opinion": the questions agree with the answer key and the articles,
what the lesson says about the key and the detector is true, and the notebooks are complete."""

import json
import re
from pathlib import Path

import pytest
from lessons import chosen, first, read, right, unit_with

from medialit.cues import load_lexicons
from medialit.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
NAME = "04_speculation_and_opinion"
LESSON = ROOT / "notebooks" / f"{NAME}.ipynb"
QUESTIONS = ROOT / "medialit" / "data" / "questions" / f"{NAME}.json"
CALL = re.compile(r"""\b(?:quiz|check)\(\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def qs():
    return {q["id"]: q for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]}


@pytest.fixture(scope="module")
def lesson():
    return read(LESSON)


def det_sentence(analysis, words):
    found = [sa for sa in analysis.sentences if words in sa.sentence.text]
    assert len(found) == 1, f"{words!r} should be in exactly one detector sentence"
    return found[0]


# ---------------------------------------------------------------------------
# questions
# ---------------------------------------------------------------------------

def test_reported_intention_is_attribution_not_speculation(qs, key):
    u = key["000"].units[2]   # the first body sentence (the lead; ¶4 repeats it)
    assert u.paragraph == 1 and u.text.startswith("The head of the Russian Federation Council’s")
    assert u.label_set == {"attribution"}
    assert "stated intention" in u.note and "not labelled speculation" in u.note
    assert "stated intention" in chosen("04-reported-intention")


def test_scheduled_visit_is_not_speculation(qs, key):
    u = unit_with(key["003"], "is scheduled to visit Paris")
    assert "speculation" not in u.label_set and "a plan, not a guess" in u.note
    assert "plan" in chosen("04-scheduled-visit")


def test_behind_the_scenes_labels(qs, key):
    u = unit_with(key["000"], "behind-the-scenes")
    assert chosen("04-behind-the-scenes-labels") == " + ".join(
        lab for lab in ("hedge", "booster", "speculation", "opinion") if lab in u.label_set)


def test_ought_to_is_opinion_not_speculation(qs, key):
    u = unit_with(key["003"], "ought to be")
    assert u.label_set == {"opinion"} and "not a prediction" in u.note
    assert chosen("04-ought-to").startswith("Opinion")


def test_label_voice_follows_the_key_note(qs, key):
    note = next(n for n in key["003"].notes if n.topic == "Naming the armed opposition")
    assert note.paragraphs == (5, 13)
    assert "in paragraph 13, in the writer's own voice" in note.note.replace("’", "'")
    assert "rebel groups" in unit_with(key["003"], "rebel groups").text and unit_with(key["003"], "rebel groups").paragraph == 5
    assert unit_with(key["003"], "the Al-Qaeda groups").paragraph == 13
    assert "¶13" in chosen("04-label-voice")
    # issue 10: both name forces fighting the government; the text does not say all or some
    assert "same side" not in note.note and "all of them or only some" in note.note
    assert "all of them or only some" in unit_with(key["003"], "the Al-Qaeda groups").note


def test_speculation_counts_of_000(qs, key):
    spec = key["000"].units_with("speculation")
    # the lesson asks what would be needed to check a speculation sentence of ¶5 (no source in it)
    (awakened,) = [u for u in spec if "awakened Moscow" in u.text]
    assert awakened.paragraph == 5 and "attribution" not in awakened.label_set
    assert chosen("04-what-moscow-thinks").startswith("What Russian officials said or did afterwards")
    by_par = {p: sum(u.paragraph == p for u in spec) for p in (3, 5, 6)}
    assert by_par == {3: 2, 5: 3, 6: 2} and sum(by_par.values()) == len(spec)   # the explanation
    plain = [u for u in spec if not u.label_set & {"hedge", "booster"}]
    assert right("04-no-cue-speculation-000", len(plain))
    assert {u.text[:20] for u in plain} == {"Positions are being ", "The next few weeks w"}


def test_loaded_words(qs, key):
    p10_13 = [c.text for u in key["003"].units if u.paragraph in (10, 11, 12, 13) for c in u.cues if c.label == "loaded"]
    assert right("04-loaded-words-003", p10_13) and len(set(p10_13)) == len(p10_13)
    source = [c.text for u in key["003"].units for c in u.cues if c.label == "loaded" and c.voice == "source"]
    assert sorted(source) == sorted(["explained away", "illusions of amateurs"])


def test_brag_is_the_writers_and_illusions_of_amateurs_the_generals(qs, key):
    u = unit_with(key["003"], "who brag about the stealth aircraft")
    assert u.paragraph == 3
    voices = {c.text: c.voice for c in u.cues if c.label == "loaded"}
    assert voices["brag"] == "author" and voices["illusions of amateurs"] == "source"
    # "brag" stands outside the quotation marks, "illusions of amateurs" inside them
    opening = u.text.index("“")
    assert u.text.index("brag") < opening < u.text.index("illusions of amateurs")
    # the writer judges too, so the sentence is opinion as well as attribution
    assert {"attribution", "opinion"} <= u.label_set
    assert chosen("04-p-brag-voice").startswith("“illusions of amateurs” is the general's")
    assert " ".join(u.text.split()) in " ".join(qs["04-p-brag-voice"]["prompt"].split())   # a no-break space in the article


def test_missed_opinion_of_000(qs, key):
    ev = evaluate([key["000"].article_id])
    missed = [d for d in ev.disagreements if d.kind == "missed" and d.label == "opinion"]
    radically = unit_with(key["000"], "changed radically")
    assert radically.paragraph == 6 and "opinion" in radically.label_set
    assert "attribution" not in radically.label_set and "“" not in radically.text    # no source, no quotation
    assert [d.paragraph for d in missed if d.text == radically.text] == [6]
    assert radically.text in qs["04-p-changed-radically"]["prompt"]
    assert "“radically” is not on them" in chosen("04-p-changed-radically")
    lex = load_lexicons()
    for phrase in ("seriousness", "unpredictability", "changed radically", "radically"):
        assert not lex.entries_matching(phrase), phrase      # "None of these judging words is on the lists"
    assert lex.entries_matching("no longer valid")          # "such as “no longer valid”, are on its lists"
    found = [d for d in ev.disagreements if d.label == "opinion" and "no longer valid" in d.text]
    assert not found


# ---------------------------------------------------------------------------
# what the lesson says
# ---------------------------------------------------------------------------

def test_examples_of_speculation_and_opinion_in_003(key):
    k = key["003"]
    assert {"hedge", "speculation", "opinion"} <= unit_with(k, "It seems improbable").label_set
    assert {"hedge", "speculation"} <= unit_with(k, "The immediate provocation").label_set
    assert {"hedge", "speculation"} <= unit_with(k, "entirely conceivable").label_set
    assert unit_with(k, "France aspires").label_set == {"booster", "speculation"}
    assert unit_with(k, "the tide of the battle").label_set == {"speculation"}
    assert "opinion" in unit_with(k, "To my mind").label_set
    assert "opinion" in unit_with(k, "one should not rush").label_set
    loaded = {c.text: c.voice for u in k.units for c in u.cues if c.label == "loaded"}
    for word in ("blunder", "spin", "harsh", "testy", "took a swipe at", "brag", "hard-hitting"):
        assert loaded[word] == "author", word
    assert loaded["explained away"] == "source"
    assert "heavy" not in loaded and "fierce" not in loaded
    assert "not treat them as loaded" in unit_with(k, "fierce clashes").note


def test_what_the_key_says_about_000(key):
    k = key["000"]
    assert len(k.units_with("speculation")) == 7 and len(k.units_with("opinion")) == 6
    assert unit_with(k, "behind-the-scenes").label_set == {"booster", "speculation"}
    assert unit_with(k, "Perhaps Trump and Putin").label_set == {"hedge", "speculation"}
    assert unit_with(k, "The next few weeks will tell").label_set == {"speculation"}
    assert unit_with(k, "Positions are being recalibrated.").label_set == {"speculation"}
    assert "passive" in unit_with(k, "Positions are being recalibrated.").note
    assert unit_with(k, "have obviously awakened").label_set == {"booster", "speculation", "opinion"}
    assert unit_with(k, "The conflict is causing pain").label_set == set()
    assert [c.text for c in unit_with(k, "very belligerent").cues if c.label == "loaded"] == ["very belligerent"]
    assert not [c for c in unit_with(k, "bloody and costly").cues if c.label == "loaded"]


def test_what_is_not_speculation_in_003(key, det):
    k = key["003"]
    assert "speculation" not in unit_with(k, "fairly explicit warning").label_set
    obama = unit_with(k, "who will take the final call")
    assert "speculation" not in obama.label_set and "says who decides" in obama.note
    assert "speculation" in det_sentence(det["003"], "who will take the final call").labels   # "the detector disagrees"


def test_sentence_counts_and_detector_disagreements_named_in_the_lesson(key, det):
    assert (len(key["000"].units), len(det["000"].sentences)) == (21, 19)
    assert not det_sentence(det["000"], "Positions are being recalibrated.").labels
    bloody = det_sentence(det["000"], "bloody and costly")
    # "the detector marks it as a loaded word, but does not count it as the writer's opinion"
    assert "opinion" not in bloody.labels and any(c.text == "bloody" and c.label == "loaded" for c in bloody.cues)
    assert "speculation" not in det_sentence(det["003"], "France aspires").labels
    assert "booster" in det_sentence(det["003"], "France aspires").labels
    lex = load_lexicons()
    for phrase in ("changed radically", "becomes significant", "seriousness"):   # item 4: the lists do not catch them
        assert not lex.entries_matching(phrase), phrase
    missed = [d.text for d in evaluate().disagreements if d.kind == "missed" and d.label == "opinion"]
    for words in ("seriousness and unpredictability", "changed radically", "becomes significant"):
        assert any(words in text for text in missed), words      # "so it misses the opinion"
    for phrase in ("no longer valid", "intriguing"):                     # item 4: "are on its lists"
        assert lex.entries_matching(phrase), phrase
    ev = evaluate()
    worst_word_label = min(ev.scores[lab].f1 for lab in ("hedge", "booster"))
    assert max(ev.scores[lab].f1 for lab in ("speculation", "opinion")) < worst_word_label


# ---------------------------------------------------------------------------
# the notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_its_activities_in_order(lesson):
    order = [
        first(lesson, r'^name_box\(\)$', "code"),
        first(lesson, r"^## The reading", "markdown"),
        first(lesson, r"report\.show\(", "code"),
        first(lesson, r"^## Activity", "markdown"),
        first(lesson, r"SpanAnnotator\(a000\)", "code"),
        first(lesson, r"learner_feedback\(", "code"),
        first(lesson, r"^## Exercises", "markdown"),
        first(lesson, r"^## A picture", "markdown"),
        first(lesson, r"plots\.label_shares", "code"),
        first(lesson, r"^## Who is right", "markdown"),
        first(lesson, r"evaluate\(\)", "code"),
        first(lesson, r"^## Reflection", "markdown"),
        first(lesson, r"^## Summary", "markdown"),
    ]
    assert order == sorted(order)
    exercises = [c for c in lesson.cells[order[6]:order[7]] if c.cell_type == "code" and CALL.search(c.source)]
    assert len(exercises) >= 2
