"""Lesson 7 (class results, for teachers): notebooks, the zip, answers recomputed from the demo class."""

import json
import statistics
import zipfile
from pathlib import Path

import pytest

from medialit.classroom import ALL_ARTICLES, DEMO_PREFIX, class_statistics, load_class, make_demo_class, summary_text
from exercises import BEGIN, END
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
# The zip of the lesson: read as it is, nothing unpacked
# ---------------------------------------------------------------------------

def zip_cell() -> str:
    return next(src for src in sources(read(LESSON), "code") if "handed-in.zip" in src)


def test_the_lessons_zip_is_read_as_it_is(tmp_path, demo):
    """The lesson puts a zip with a sub-folder per learner into the class folder; load_class counts every record."""
    made, data_loose, _ = demo
    ns = {"demo": made, "WORK": tmp_path, "zipfile": zipfile, "Path": Path}
    exec(zip_cell(), ns)
    cls = ns["CLASS"]
    assert [p.name for p in cls.iterdir()] == ["handed-in.zip"]          # nothing was unpacked
    data = load_class(cls)
    assert not data.skipped
    assert sorted(data.learners) == sorted(data_loose.learners) and len(data.learners) == 30
    assert sum(len(ac.learners) for ac in data.articles.values()) == made.records
    assert [p.name for p in cls.iterdir()] == ["handed-in.zip"]          # and still nothing written


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
    assert "MEDIALIT_ANNOTATIONS" in doc and "reads records in sub-folders and inside" in doc
    assert "handed-in.zip" in zip_cell()
    assert DEMO_PREFIX in doc
