"""Lesson 7 (class results, for teachers): notebooks, the zip, answers recomputed from the demo class."""

import zipfile
from pathlib import Path

import pytest

from lessons import read, sources

from medialit.classroom import DEMO_PREFIX, load_class, make_demo_class

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "07_class_results.ipynb"
#: The lesson's own steps, in order (the sections every lesson has are checked in test_lessons_common.py).
SECTIONS = ["## Setup", "## 1. Collecting", "## 2. The reading", "## 3. Load the class", "## 4. Agreement per label",
            "## 5. The most-disputed", "## 6.", "## 7. For the projector", "## 8. Exports", "## Reflection"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lesson7") / "synthetic"
    made = make_demo_class(folder, 30, seed=1)
    return made, load_class(folder)


# ---------------------------------------------------------------------------
# The zip of the lesson: read as it is, nothing unpacked
# ---------------------------------------------------------------------------

def zip_cell() -> str:
    return next(src for src in sources(read(LESSON), "code") if "handed-in.zip" in src)


def test_the_lessons_zip_is_read_as_it_is(tmp_path, demo):
    """The lesson puts a zip with a sub-folder per learner into the class folder; load_class counts every record."""
    made, data_loose = demo
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

def test_lesson_has_its_steps_in_order():
    text = "\n".join(sources(read(LESSON), "markdown"))
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions)


def test_lesson_covers_the_class_view():
    nb = read(LESSON)
    code = "\n".join(sources(nb, "code"))
    for call in ("make_demo_class(", ", 30, seed=1)", "load_class(", "class_statistics(", "summary_text(",
                 "agreement_table(", "report.discussion_points(", "detector_labels(", "plots.disagreement_map(",
                 "plots.agreement_bars(", "plots.f1_distribution(", "plots.class_vs_detector(", "pseudonyms=True",
                 "export_brat(", "export_label_studio(", "zipfile.ZipFile(", "SentenceTagger(", "learner_feedback(",
                 "name_box()", "written_answers_table(", "question_tries_table(", "learner_tries_table("):
        assert call in code, call
    assert "SYNTHETIC" in code


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
