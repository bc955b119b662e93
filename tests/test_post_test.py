"""The post-test (issue 10, item 5): a third article written for the kit, its key, and where it is used.

The article and its key were written by reading; nothing here runs the detector on it (its figures are
not a goal). Checked: the article loads with exact offsets and the parts the key names; the key fits its
schema, covers every sentence and has the kinds of challenge the seeds have; a learner's record on it is
scored per label; the class view shows it as the post-test, per learner and label, beside the lessons;
the annotator holds feedback back during the test; notebook 08 is a post-test as the unit plans it; the
files ship with the kit.
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

import pytest
import tomllib
from lessons import read, sources

from medialit.annotate.storage import AnnotationStore
from medialit.answer_key import KEY_DIR, answer_key_ids, load_answer_key
from medialit.articles import (
    article_ids,
    article_role,
    kit_article_ids,
    seed_article,
    seed_ids,
    seed_metadata,
    seed_path,
)
from medialit.articles.seeds import KIT_ARTICLES_DIR
from medialit.classroom import (
    class_statistics,
    load_class,
    scores_by_part,
    summary_text,
    write_report,
)
from medialit.classroom.post_test import post_test_rows, unit_part
from medialit.evaluate import evaluate
from medialit.feedback import learner_feedback
from medialit.schemas import problem
from medialit.tasks import task
from medialit.unit import WHOLE_NOTEBOOK, core_path, time_line
from medialit.vocabulary import SENTENCE_LABELS

ROOT = Path(__file__).resolve().parent.parent
POST = "kit01_phone_ban"
NOTEBOOK = ROOT / "notebooks" / "08_check_your_reading.ipynb"


@pytest.fixture(scope="module")
def article():
    return seed_article("kit01")


@pytest.fixture(scope="module")
def key():
    return load_answer_key(POST)


# ---------------------------------------------------------------------------
# The article: one of the kit's articles, beside the seeds, not among them
# ---------------------------------------------------------------------------

def test_the_post_test_is_a_kit_article_listed_after_the_seeds():
    assert kit_article_ids() == [POST]
    assert article_ids() == seed_ids() + [POST] and POST not in seed_ids()
    assert seed_path(POST) == KIT_ARTICLES_DIR / f"{POST}.txt"
    assert not (ROOT / "seeds" / f"{POST}.txt").exists()        # seeds/ stays the two real pages
    assert article_role(POST) == "post-test" and article_role("000") == "lesson" and article_role("mine") == ""
    meta = seed_metadata("kit01")
    assert meta["id"] == POST and meta["role"] == "post-test"
    assert meta["origin"].startswith("Written for the kit") and "invented" in meta["origin"]


def test_the_article_loads_with_the_parts_and_offsets_the_key_names(article, key):
    assert article.id == POST and key.text == article.text
    assert 20 <= len(article.sentences) <= 28                    # about 12 minutes of reading and marking
    parts = json.loads((KEY_DIR / f"{POST}.json").read_text(encoding="utf-8"))["parts"]
    assert [p.text for p in article.parts_of("headline")] == [parts["headline"]]
    assert [p.text for p in article.parts_of("dek")] == [parts["dek"]]
    assert [p.text for p in article.parts_of("date")] == [parts["date"]]
    assert [p.text for p in article.parts_of("boilerplate")] == parts["boilerplate"]
    assert len(parts["boilerplate"]) == 3 and [p.text for p in article.parts_of("byline")] == ["Written by"]
    # every key unit is one of the reader's sentences, and every cue and source is exactly where it says
    assert [(u.start, u.end) for u in key.units] == [(s.start, s.end) for s in article.sentences]
    for u in key.units:
        assert article.text[u.start:u.end] == u.text
        for c in u.cues:
            assert article.text[c.start:c.end] == c.text and u.start <= c.start < c.end <= u.end
    for s in key.sources:
        assert article.text[s.start:s.end] == s.text


def test_no_sentence_is_taken_from_another_article_of_the_kit(article):
    others = " ".join(seed_article(i).text for i in seed_ids())
    others += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "devset" / "articles").glob("*.txt"))
    shared = [s.text for s in article.sentences if len(s.text.split()) > 4 and s.text in others]
    assert shared == []


# ---------------------------------------------------------------------------
# The key: valid, complete, and with the seeds' kinds of challenge
# ---------------------------------------------------------------------------

def test_the_key_fits_its_schema_and_is_listed(key):
    data = json.loads((KEY_DIR / f"{POST}.json").read_text(encoding="utf-8"))
    assert problem(data, "answer_key") is None
    assert data["article_id"] == POST and POST in answer_key_ids()
    for u in key.units:
        for lab in u.labels:
            assert lab.label in SENTENCE_LABELS and len(lab.rationale.split()) >= 6


def test_the_key_decides_every_sentence_with_a_note(key, article):
    assert len(key.units) == len(article.sentences)
    assert all(len(u.note.split()) >= 5 for u in key.units), "a note on every sentence, labelled or not"
    for u in key.units:
        cue_labels = {c.label for c in u.cues}
        for lab in ("hedge", "booster"):
            assert (lab in u.label_set) == (lab in cue_labels), (u.index, lab)   # the word that makes it so
        if "attribution" in u.label_set:
            assert "attribution" in cue_labels, u.index
        # judgements follow voice: the writer's loaded or judging words make the sentence opinion, a source's do not
        own = [c for c in u.cues if c.label in ("loaded", "opinion") and c.voice == "author"]
        assert bool(own) == ("opinion" in u.label_set), u.index


def test_the_key_has_the_kinds_of_challenge_of_the_seeds(key):
    cues = [c for u in key.units for c in u.cues]
    for label in ("hedge", "booster"):                              # in both voices
        assert {c.voice for c in cues if c.label == label} == {"author", "source"}, label
    assert {s.type for s in key.sources} == {"named_person", "institution", "outlet", "anonymous", "vague"}
    assert [s.text for s in key.sources if s.type == "outlet"] == ["Tarnbeck Gazette", "Radio Kelvale"]
    assert any(c.text.startswith("(") and c.label == "attribution" for c in cues)   # outlets in brackets
    alone = [u for u in key.units if u.text.startswith("“") and u.text.endswith("”")]
    assert len(alone) == 1 and "attribution" not in alone[0].label_set            # a quotation with no speaker
    assert any(c.label == "loaded" for c in cues)
    body = [u for u in key.units if u.part == "body"]
    by_par = {}
    for u in body:
        by_par.setdefault(u.paragraph, set()).update(u.label_set)
    first_half = set().union(*(by_par[p] for p in sorted(by_par)[:5]))
    last_part = set().union(*(by_par[p] for p in sorted(by_par)[-3:]))
    assert "attribution" in first_half and "opinion" not in first_half              # report first…
    assert {"opinion", "speculation"} <= last_part                                   # …then commentary
    speculation = [u for u in key.units if "speculation" in u.label_set]
    assert any("attribution" in u.label_set for u in speculation)                   # a source's guess
    assert any("attribution" not in u.label_set for u in speculation)               # the writer's guess


class _Pooled:
    def __init__(self, ids):
        self.article_ids = ids

    def __add__(self, other):
        return _Pooled(self.article_ids + other.article_ids)


def test_the_detector_is_scored_on_the_seeds_only(monkeypatch):
    """evaluate() pools the seed articles only; the post-test is scored only when named (not run here)."""
    import medialit.evaluate as ev

    monkeypatch.setattr(ev, "evaluate_article", lambda i, lexicons=None: _Pooled([i]))
    assert evaluate().article_ids == seed_ids()
    assert evaluate([POST]).article_ids == [POST]


# ---------------------------------------------------------------------------
# A learner's record on it, scored per label; the class view
# ---------------------------------------------------------------------------

def _mark(store, text, words, label, occurrence=1):
    at = -1
    for _ in range(occurrence):
        at = text.index(words, at + 1)
    store.add_span(at, at + len(words), label)


def test_a_learners_record_on_the_post_test_is_scored_per_label(tmp_path, article, key):
    store = AnnotationStore.open(article.id, article.text, "Ada", folder=tmp_path)
    _mark(store, article.text, "Perhaps", "hedge")
    _mark(store, article.text, "It seems", "hedge")
    _mark(store, article.text, "clearly", "hedge")            # a booster marked as a hedge: a mix-up, not found
    _mark(store, article.text, "Dan Okafor", "source")        # a source counts for attribution in its sentence
    _mark(store, article.text, "In my view", "opinion")
    fb = learner_feedback(store.record, article, with_detector=False)
    hedges = len(key.units_with("hedge"))
    assert (fb.label("hedge").found, fb.label("hedge").key_total) == (2, hedges)
    assert fb.label("hedge").extra == 1 and fb.label("booster").found == 0
    assert fb.label("attribution").found == 1 and fb.label("attribution").key_total == len(key.units_with("attribution"))
    assert (fb.label("opinion").found, fb.label("opinion").extra) == (1, 0)
    assert any(m.message for m in fb.mixups)                  # "clearly" raises certainty: a booster


def _class_folder(tmp_path, article):
    folder = tmp_path / "class"
    text = article.text
    # Bo marks exactly the key's hedge sentences and nothing else; Cy marks one opinion on the post-test
    key = load_answer_key(POST)
    bo = AnnotationStore.open(POST, text, "Bo", folder=folder)
    for u in key.units_with("hedge"):
        bo.add_span(u.start, u.end, "hedge", scope="sentence")
    cy = AnnotationStore.open(POST, text, "Cy", folder=folder)
    _mark(cy, text, "In my view", "opinion")
    lesson = seed_article("000")
    cy0 = AnnotationStore.open(lesson.id, lesson.text, "Cy", folder=folder)
    i = lesson.text.index("Perhaps Trump")
    cy0.add_span(i, i + 7, "hedge")
    return folder


def test_the_class_view_shows_the_post_test_beside_the_lessons(tmp_path, article):
    key = load_answer_key(POST)
    data = load_class(_class_folder(tmp_path, article))
    assert set(data.articles) == {"000_b7d55dfd4cdbabc3", POST} and data.articles[POST].key is not None
    assert unit_part(POST) == "post-test" and unit_part("000_b7d55dfd4cdbabc3") == "lessons"
    parts = scores_by_part(data)
    bo = {s.label: s for s in parts["post-test"] if s.learner == "Bo"}
    assert (bo["hedge"].tp, bo["hedge"].fp, bo["hedge"].fn, bo["hedge"].f1) == (len(key.units_with("hedge")), 0, 0, 1.0)
    assert bo["opinion"].tp == 0 and bo["opinion"].fn == len(key.units_with("opinion"))
    cy = {s.label: s for s in parts["post-test"] if s.learner == "Cy"}
    assert (cy["opinion"].tp, cy["opinion"].fp) == (1, 0)
    assert {s.learner for s in parts["lessons"]} == {"Cy"}     # only Cy did a lesson article
    report = class_statistics(data)
    rows = post_test_rows(report)
    assert len(rows) == 2 * (len(SENTENCE_LABELS) + 1)
    row = next(r for r in rows if r["learner"] == "Bo" and r["label"] == "hedge")
    assert row["post_test_f1"] == 1.0 and row["lessons_f1"] is None and row["lessons_articles"] == 0
    row = next(r for r in rows if r["learner"] == "Cy" and r["label"] == "hedge")
    assert row["lessons_f1"] is not None and row["lessons_articles"] == 1
    text = summary_text(report)
    assert f"{POST} (post-test): 2 learners" in text and f"Post-test ({POST}; 2 learners)" in text
    written = write_report(report, tmp_path / "out", pseudonyms=True)
    csv_text = (tmp_path / "out" / "post_test_scores.csv").read_text(encoding="utf-8")
    assert tmp_path / "out" / "post_test_scores.csv" in written
    assert "Learner 01" in csv_text and "Bo" not in csv_text


def test_a_class_without_the_post_test_shows_no_post_test(tmp_path):
    lesson = seed_article("000")
    store = AnnotationStore.open(lesson.id, lesson.text, "Di", folder=tmp_path / "c")
    i = lesson.text.index("Perhaps Trump")
    store.add_span(i, i + 7, "hedge")
    report = class_statistics(load_class(tmp_path / "c"))
    assert "Post-test" not in summary_text(report) and post_test_rows(report) == []
    written = write_report(report, tmp_path / "out")
    assert not (tmp_path / "out" / "post_test_scores.csv").exists() and len(written) >= 5


# ---------------------------------------------------------------------------
# Feedback held back during the test
# ---------------------------------------------------------------------------

def test_the_annotator_holds_feedback_back_in_a_test(tmp_path, article):
    from medialit.ui.annotator import HELD_MESSAGE, SpanAnnotator

    held = SpanAnnotator("kit01", "Ada", folder=tmp_path, reveal="held")     # by its id, like a seed
    assert held.article.id == POST and held.article_id == POST
    assert held.handle_action({"action": "check"}) is None and held.feedback_message == HELD_MESSAGE
    assert held.check_my_work() is None and held.feedback is None and held.feedback_message == HELD_MESSAGE
    assert held.check_my_work(more=True) is None and held.feedback is None
    held.show_detector = True
    assert held.cues == [] and held.detector_message == HELD_MESSAGE
    # the marks are kept as always, and the feedback is there once the learner has finished
    i = article.text.index("Perhaps")
    held.store.add_span(i, i + 7, "hedge")
    assert learner_feedback(held.record, article, with_detector=False).label("hedge").found == 1
    # outside a test, "Check my work" answers as usual
    open_ = SpanAnnotator(article, "Ada", folder=tmp_path, reveal="paragraph")
    assert open_.check_my_work() is not None and open_.feedback_message == ""


# ---------------------------------------------------------------------------
# Notebook 08: the post-test as the unit plans it
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nb():
    return read(NOTEBOOK)


def test_notebook_08_marks_without_feedback_then_writes_hands_in_and_gets_feedback(nb):
    code = "\n".join(sources(nb, "code"))
    md = "\n".join(sources(nb, "markdown"))
    assert 'seed_article("kit01")' in code and re.search(r"^name_box\(\)$", code, re.MULTILINE)
    assert 'SpanAnnotator(article, reveal="held")' in code
    assert not re.search(r"\b(?:quiz|check)\(", code), "no self-checks in a test: they give answers away"
    order = ["SpanAnnotator(", "written_answer(", "learner_feedback("]
    cells = [next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and word in c.source) for word in order]
    assert cells == sorted(cells)
    hand_in = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## Hand in"))
    assert cells[1] < hand_in < cells[2]
    assert "__kit01_phone_ban.json" in md and "Download" in md
    for c in nb.cells:
        if c.cell_type == "code":
            assert c.outputs == [] and c.execution_count is None


def test_notebook_08_asks_a_written_task_about_the_post_test(nb):
    (task_id,) = re.findall(r'written_answer\("([^"]+)"\)', "\n".join(sources(nb, "code")))
    t = task(task_id)
    assert t.lesson == NOTEBOOK.stem and t.article_id == POST and 3 <= len(t.levels) <= 4
    text = seed_article(POST).text
    quoted = [q for lv in t.levels for q in re.findall(r"“([^”]+)”", lv.sample)]
    assert quoted and all(q in text for q in quoted)


def test_notebook_08_takes_the_time_the_core_path_gives_it(nb):
    (row,) = [r for r in core_path() if r.notebook == NOTEBOOK.stem]
    assert row.section == WHOLE_NOTEBOOK and row.lesson == 3 and 12 <= row.minutes <= 15
    assert time_line(NOTEBOOK.stem) in nb.cells[0].source


def test_the_readme_lists_notebook_08():
    assert "| `notebooks/08_check_your_reading` | the post-test" in (ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Shipped with the kit
# ---------------------------------------------------------------------------

def test_the_kit_articles_are_package_data():
    """Every file in medialit/data/kit_articles/ matches a package-data pattern (test_install builds the wheel)."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["medialit"]
    files = sorted(p.relative_to(ROOT / "medialit").as_posix() for p in KIT_ARTICLES_DIR.iterdir() if p.is_file())
    assert f"data/kit_articles/{POST}.txt" in files and f"data/kit_articles/{POST}.meta.json" in files
    for f in files:
        assert any(fnmatch.fnmatch(f, pat) for pat in patterns), f
