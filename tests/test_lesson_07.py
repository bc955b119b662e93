"""Lesson 7 (class results, for teachers): notebooks, the zip recipe, answers recomputed from the demo class."""

import json
import statistics
import zipfile
from pathlib import Path

import pytest

from medialit.classroom import ALL_ARTICLES, DEMO_PREFIX, class_statistics, load_class, make_demo_class, summary_text
from medialit.exercises import BEGIN, END
from medialit.selfcheck import QUESTIONS_DIR, check, questions
from lessons import read, sources, used_questions, right, chosen

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "07_class_results.ipynb"
SOLUTION = ROOT / "solutions" / "07_class_results_practice.ipynb"
EXERCISE = ROOT / "exercises" / "07_class_results_practice.ipynb"
QUESTION_FILE = QUESTIONS_DIR / "07_class_results.json"
SECTIONS = ["Learning objectives", "**Time**", "## Setup", "## 1. Collecting", "## 2. The reading",
            "## 3. Load the class", "## 4. Agreement per label", "## 5. The most-disputed", "## 6.",
            "## 7. For the projector", "## 8. Exports", "## Reflection", "## Summary"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lesson7") / "synthetic"
    made = make_demo_class(folder, 30, seed=1)
    data = load_class(folder)
    return made, data, class_statistics(data)


# ---------------------------------------------------------------------------
# Answers recomputed from the demo class the notebooks make
# ---------------------------------------------------------------------------

def test_question_file_belongs_to_this_lesson():
    ids = [q["id"] for q in json.loads(QUESTION_FILE.read_text(encoding="utf-8"))["questions"]]
    assert ids and all(i.startswith("07-") for i in ids)
    for qid in ids:
        q = questions()[qid]
        assert q.prompt.strip() and q.explanation.strip() and q.hint.strip() and q.source.strip(), qid
        assert check(qid, ...).status == "blank", qid


def test_demo_is_synthetic(demo):
    made, data, _ = demo
    assert made.learners == 30 and all(n.startswith(DEMO_PREFIX) for n in data.learners)
    assert (made.folder / "README.txt").read_text().startswith("SYNTHETIC CLASS - NOT REAL LEARNERS")
    assert "no real learners" in chosen("07-synthetic")


def test_records_used(demo):
    made, data, report = demo
    used = sum(len(a.learners) for a in data.articles.values())
    assert used == made.records and right("07-records-used", used)
    assert f"records used: {used}" in summary_text(report)


def test_lowest_agreement_label(demo):
    _, _, report = demo
    rows = report.agreement_on(ALL_ARTICLES)
    kappas = sorted(a.fleiss for a in rows)
    assert kappas[0] < kappas[1]                                # a clear answer, not a tie
    assert right("07-lowest-agreement-label", min(rows, key=lambda a: a.fleiss).label)


def test_median_f1(demo):
    _, _, report = demo
    f1 = [v for v in report.overall_f1().values() if v is not None]
    assert right("07-median-f1", round(statistics.median(f1), 2))
    assert f"median {statistics.median(f1):.2f}" in summary_text(report)


def test_majority_matches(demo):
    _, _, report = demo
    matched = [r.matches_key for r in report.labels if r.matches_key is not None]
    assert right("07-majority-matches", sum(matched))
    assert f"of the {len(matched)} sentence-and-label" in questions()["07-majority-matches"].prompt


def test_model_answer_quotes_a_disputed_sentence(demo):
    """The practice's model answer picks sentence 4 of 000, which the demo class is split on (speculation)."""
    _, _, report = demo
    s = next(s for s in report.disputed(top=8) if s.article_id.startswith("000") and s.sentence == 4)
    assert s.disputed_label == "speculation" and 0.4 <= s.shares["speculation"] <= 0.6
    assert "speculation" in s.key and "booster" in s.key
    solution = "\n".join(sources(read(SOLUTION), "markdown"))
    assert s.text.split(" regarding")[0] in solution.replace("\n", " ")


# ---------------------------------------------------------------------------
# The zip recipe of the lesson
# ---------------------------------------------------------------------------

def zip_cell() -> str:
    return next(src for src in sources(read(LESSON), "code") if "def extract_records" in src)


def test_zip_recipe_extracts_flat_and_stays_inside_the_folder(tmp_path, demo):
    made, _, _ = demo
    ns = {"demo": made, "WORK": tmp_path, "zipfile": zipfile, "Path": Path}
    exec(zip_cell(), ns)
    cls = ns["CLASS"]
    assert sorted(p.name for p in cls.iterdir()) == sorted(p.name for p in made.folder.glob("*.json"))
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../../escaped.json", "{}")
        z.writestr("/abs/also.json", "{}")
        z.writestr("__MACOSX/._hidden.json", "x")
        z.writestr("notes.txt", "x")
        z.writestr("deep/er/kept.json", "{}")
    target = tmp_path / "target"
    assert ns["extract_records"](evil, target) == 3
    assert sorted(p.name for p in target.iterdir()) == ["also.json", "escaped.json", "kept.json"]
    assert not (tmp_path / "escaped.json").exists() and not Path("/abs/also.json").exists()
    data = load_class(target)                                  # the junk is skipped with a reason, never a crash
    assert not data.articles and len(data.skipped) == 3


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_the_required_sections_in_order():
    text = "\n".join(sources(read(LESSON), "markdown"))
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions) and text.startswith("# Lesson 7")


def test_lesson_covers_the_class_view():
    nb = read(LESSON)
    code = "\n".join(sources(nb, "code"))
    for call in ("make_demo_class(", ", 30, seed=1)", "load_class(", "class_statistics(", "summary_text(",
                 "agreement_table(", "report.disputed(", "plots.disagreement_map(", "plots.agreement_bars(",
                 "plots.f1_distribution(", "plots.class_vs_detector(", "pseudonyms=True", "export_brat(",
                 "export_label_studio(", "zipfile.ZipFile(", "SentenceTagger(", "learner_feedback(",
                 "name_box()"):
        assert call in code, call
    assert "SYNTHETIC" in code and len(used_questions(nb)) >= 2
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_practice_has_exercises_with_checked_outputs():
    nb = read(SOLUTION)
    marked = [c for c in nb.cells if BEGIN in c.source]
    assert 3 <= len(marked) <= 5 and any(c.cell_type == "markdown" for c in marked)
    for c in (c for c in marked if c.cell_type == "code"):
        assert c.source.startswith("# NBVAL_CHECK_OUTPUT") and "check(" in c.source.split(END)[1]
        assert any("Right!" in (o.get("text") or o.get("data", {}).get("text/plain", "")) for o in c.outputs)
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "/tmp" not in outputs and "medialit-practice7" not in outputs   # no temporary paths in outputs
    assert BEGIN not in EXERCISE.read_text(encoding="utf-8")


def test_teacher_guide_section_matches_the_kit():
    """The collecting guide's commands and options exist, and it names the lesson's recipe."""
    from medialit.cli import build_parser

    doc = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert "## Collecting your learners' files" in doc
    help_class = build_parser()._subparsers._group_actions[0].choices["class"].format_help()
    for option in ("--pseudonyms", "--brat", "--label-studio"):
        assert option in doc and option in help_class
    assert "medialit demo-class demo-class --learners 30 --seed 1" in doc
    assert "MEDIALIT_ANNOTATIONS" in doc and "extract_records(zip_path, folder)" in doc
    assert "def extract_records(zip_path, folder):" in zip_cell()
    assert DEMO_PREFIX in doc
