"""What every lesson and practice notebook must have, checked the same way for all of them.

Lesson-specific content (the claims a lesson makes about the articles, its
quotations, its activities) is tested in tests/test_lesson_NN.py. That each
exercise is generated from its solution is tested in test_exercises.py, and
that every notebook runs top to bottom by nbval in the README's test command.
"""

import re
from pathlib import Path

import pytest
from lessons import read, sources

from exercises import BEGIN, END
from medialit.selfcheck import QUESTIONS_DIR, check, questions

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CALL = re.compile(r"""\b(?:check|quiz)\(\s*["']([^"']+)["']""")
SECTIONS = ["Learning objectives", "Time", "Reflection", "Summary"]


def code_of(nb) -> str:
    return "\n".join(sources(nb, "code"))


def test_there_are_eight_lessons_each_with_a_practice_notebook_and_questions():
    assert [name[:2] for name in LESSONS] == ["00", "01", "02", "03", "04", "05", "06", "07"]
    for name in LESSONS:
        assert (ROOT / "solutions" / f"{name}_practice.ipynb").exists()
        assert (ROOT / "exercises" / f"{name}_practice.ipynb").exists()
        assert (QUESTIONS_DIR / f"{name}.json").exists()


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_has_objectives_time_reflection_summary_in_order(name):
    nb = read(ROOT / "notebooks" / f"{name}.ipynb")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert text.startswith(f"# Lesson {int(name[:2])}")
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions)
    assert re.search(r'^name_box\(\)$', code_of(nb), re.M)   # the learner's name box


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_is_committed_without_outputs(name):
    for cell in read(ROOT / "notebooks" / f"{name}.ipynb").cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("name", LESSONS)
def test_notebooks_use_only_existing_questions_and_every_question_is_used(name):
    lesson = read(ROOT / "notebooks" / f"{name}.ipynb")
    practice = read(ROOT / "solutions" / f"{name}_practice.ipynb")
    used = set(CALL.findall(code_of(lesson))) | set(CALL.findall(code_of(practice)))
    assert used <= set(questions()), used - set(questions())
    # "warmup-hedge-word" is the example in medialit.selfcheck's documentation
    own = {q.id for q in questions().values() if q.lesson == name} - {"warmup-hedge-word"}
    assert own and used == own, f"unused: {own - used}; from another lesson: {used - own}"
    assert len(set(CALL.findall(code_of(lesson)))) >= 2, "at least two self-check exercises in the lesson"


@pytest.mark.parametrize("name", LESSONS)
def test_every_question_accepts_its_own_answer(name):
    own = [q for q in questions().values() if q.lesson == name]
    assert own
    for q in own:
        assert q.id.startswith(f"{name[:2]}-") or q.id == "warmup-hedge-word", q.id
        for field in ("prompt", "explanation", "hint", "source"):
            assert str(getattr(q, field)).strip(), f"{q.id}: {field} is empty"
        if q.kind == "choice":
            assert len(q.choices) >= 2 and sum(check(q.id, c).right for c in q.choices) == 1, q.id
        assert check(q.id, ...).status == "blank" and not check(q.id, "surely not it").right, q.id


@pytest.mark.parametrize("name", LESSONS)
def test_practice_notebook_has_3_to_5_checked_exercises_and_a_written_answer(name):
    nb = read(ROOT / "solutions" / f"{name}_practice.ipynb")
    marked = [c for c in nb.cells if BEGIN in c.source]
    assert 3 <= len(marked) <= 5
    assert any(c.cell_type == "markdown" for c in marked), "at least one open written answer"
    for c in (c for c in marked if c.cell_type == "code"):
        assert c.source.startswith("# NBVAL_CHECK_OUTPUT")
        assert END in c.source and "check(" in c.source.split(END)[1]
        shown = "".join(o.get("text") or o.get("data", {}).get("text/plain", "") for o in c.outputs)
        assert "Right!" in shown, "the executed solution passes its own check"
