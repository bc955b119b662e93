"""Lesson 0 (start here): its notebooks, its questions, and every answer checked against the kit."""

import ast
from pathlib import Path

import pytest
from lessons import chosen, read, right, sources

from medialit.annotate import default_folder
from medialit.articles import parse_article
from medialit.detect import analyze

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "00_start_here.ipynb"
SOLUTION = ROOT / "solutions" / "00_start_here_practice.ipynb"


def defined(nb, name):
    """Run the assignments of the code cell that assigns ``name`` (up to it) and return its value."""
    for src in sources(nb, "code"):
        tree = ast.parse(src)
        stmts = []
        for node in tree.body:
            if isinstance(node, ast.Assign):
                stmts.append(node)
                if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                    scope = {"parse_article": parse_article}
                    exec(compile(ast.Module(stmts, []), "<cell>", "exec"), scope)  # noqa: S102 - our own cell
                    return scope[name]
    raise AssertionError(f"no cell defines {name}")


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------

# -- answers recomputed from the practice texts and the kit ---------------------------

@pytest.fixture(scope="module")
def lesson_practice():
    return defined(read(LESSON), "practice")


@pytest.fixture(scope="module")
def our_reading():
    return defined(read(LESSON), "OUR_READING")


def test_our_reading_covers_every_unit_of_the_practice_text(lesson_practice, our_reading):
    assert len(our_reading) == len(lesson_practice.sentences) == 5
    assert [s.part for s in lesson_practice.sentences] == ["headline"] + ["body"] * 4


def test_practice_booster_answer(lesson_practice, our_reading):
    boosted = [s for s, labels in zip(lesson_practice.sentences, our_reading) if "booster" in labels]
    assert len(boosted) == 1 and right("00-practice-booster", boosted[0].text.split(",")[0])
    cues = [c.text for c in analyze(lesson_practice).cues if c.label == "booster"]
    assert len(cues) == 1 and right("00-practice-booster", cues[0])


def test_practice_hedged_sentences_answer(lesson_practice, our_reading):
    hedged = sum("hedge" in labels for labels in our_reading)
    assert right("00-practice-hedged-sentences", hedged)
    detector = [set(sa.labels) for sa in analyze(lesson_practice).sentences]
    assert sum("hedge" in labels for labels in detector) == hedged


def test_detector_agrees_with_our_reading_of_the_practice_text(lesson_practice, our_reading):
    """The lesson says the tricky cases (about 20,000; will discuss) carry no label: so does the detector."""
    assert [set(sa.labels) for sa in analyze(lesson_practice).sentences] == our_reading
    assert [(s.text, s.type) for s in analyze(lesson_practice).sources] == [
        ("the Riverside Gazette", "outlet"), ("Council member Sam Ortiz", "named_person")]   # title and name, as the guide writes sources


@pytest.fixture(scope="module")
def storm():
    return defined(read(SOLUTION), "practice")


def test_storm_practice_answers(storm):
    body = [s for s in storm.sentences if s.part == "body"]
    assert right("00-p-body-sentences", len(body))
    analysis = analyze(storm)
    body_start = body[0].start
    hedges = [c.text for c in analysis.cues if c.label == "hedge" and c.start >= body_start]
    assert len(hedges) == 1 and right("00-p-hedge-word", hedges[0])
    # the exercise sets the headline aside: its "Expected" (no one named who expects) hedges too
    assert [c.text for c in analysis.cues if c.label == "hedge" and c.start < body_start] == ["Expected"]
    (n,) = [i for i, s in enumerate(storm.sentences) if s.text.startswith("Roughly 40")]
    assert right("00-p-no-label-sentence", n)
    assert [i for i, sa in enumerate(analysis.sentences) if not sa.labels and sa.sentence.part == "body"] == [n]
    types = {s.text: s.type for s in analysis.sources}
    assert right("00-p-weather-service-type", types["the national weather service"].replace("_", " "))


def test_work_is_saved_in_annotations_beside_the_notebook(monkeypatch, tmp_path):
    monkeypatch.delenv("MEDIALIT_ANNOTATIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_folder() == tmp_path / "annotations"
    assert "annotations" in chosen("00-where-saved")


def test_the_detector_mistake_shown_in_the_lesson(k000, det):
    unit = next(u for u in k000.units if u.text == "Positions are being recalibrated.")
    assert unit.label_set == {"speculation"} and unit.paragraph == 6
    sa = next(sa for sa in det["000"].sentences if sa.sentence.text == unit.text)
    assert sa.labels == ()
    # issue 10: a contested reading ("quietly" is not in the text), shown as such in the lesson
    assert "quietly" not in unit.labels[0].rationale and "contested" in unit.note.lower()
    lesson = " ".join(" ".join(sources(read(LESSON), "markdown")).split())
    assert "quietly" not in lesson and "Another reader could call it the writer's **opinion**" in lesson


def test_claims_about_article_000_in_the_lesson(k000):
    key = k000
    body = [u for u in key.units if u.part == "body"]
    assert len(key.units) == 21  # "a table of 21 sentences"
    assert {u.paragraph for u in body if "attribution" in u.label_set} == {1, 2, 4}
    assert {u.paragraph for u in body if u.label_set & {"speculation", "opinion"}} == {3, 5, 6}
    assert {u.paragraph for u in key.units_with("hedge")} == {3, 5}   # the first-look task


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_both_marking_tools_feedback_and_a_plot():
    code = "\n".join(sources(read(LESSON), "code"))
    assert "SpanAnnotator(" in code and "SentenceTagger(" in code
    assert "learner_feedback(" in code and "marks_per_sentence(" in code
    assert "plots." in code

