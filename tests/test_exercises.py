"""Exercises are generated from solutions: no answers leak, blanks keep the notebook running.

``tools/exercises.py`` is an authoring tool, not part of the installed kit (tests/conftest.py puts
``tools/`` on the import path)."""

import doctest
import re
from pathlib import Path

import nbformat
import pytest

import exercises
from exercises import (BEGIN, END, MD_BLANK, MarkerError, blank_code, exercise_from_solution, generate,
                       is_autograder_test)

from medialit.selfcheck import questions

ROOT = Path(__file__).resolve().parent.parent


def test_the_tools_doctests_pass_and_the_tool_is_not_in_the_package():
    result = doctest.testmod(exercises)
    assert result.attempted >= 3 and result.failed == 0
    assert not (ROOT / "medialit" / "exercises.py").exists()
    assert "python tools/exercises.py --execute" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_blank_code_keeps_the_names_and_the_rest():
    src = "\n".join(["import x", "    " + BEGIN, "    a = 1", "    b, c = 2, 3", "    if a:",
                     "        d = 4", "    " + END, "    check('q', a)"])
    assert blank_code(src).split("\n") == [
        "import x", "    a = ...  # your answer here", "    b, c = ..., ...  # your answer here",
        "    check('q', a)"]


def test_region_without_assignment_becomes_a_comment():
    assert blank_code(f"{BEGIN}\nprint('secret')\n{END}") == "# your answer here"


@pytest.mark.parametrize("src", [f"{BEGIN}\nx = 1", f"x = 1\n{END}", f"{BEGIN}\n{BEGIN}\n{END}"])
def test_unpaired_markers_are_an_error(src):
    with pytest.raises(MarkerError):
        blank_code(src)


def make_solution():
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"state": "lots"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"Why?\n\n{BEGIN}\nBecause the secret reason.\n{END}"),
        nbformat.v4.new_code_cell(f"{BEGIN}\nanswer = 'secret value'\n{END}\nprint(answer)",
                                  execution_count=3,
                                  outputs=[nbformat.v4.new_output("stream", text="secret value\n")]),
    ]
    return nb


def test_exercise_has_no_outputs_no_answers_no_widget_state():
    ex = exercise_from_solution(make_solution())
    text = nbformat.writes(ex)
    assert "secret" not in text and BEGIN not in text and END not in text and "widgets" not in ex.metadata
    assert ex.cells[0].source == f"Why?\n\n{MD_BLANK}"
    assert ex.cells[1].outputs == [] and ex.cells[1].execution_count is None


def test_generate_is_idempotent(tmp_path):
    (tmp_path / "solutions").mkdir()
    nbformat.write(make_solution(), tmp_path / "solutions" / "01.ipynb")
    first = generate(tmp_path / "solutions", tmp_path / "exercises")
    content = first[0].read_bytes()
    generate(tmp_path / "solutions", tmp_path / "exercises")
    assert first[0].read_bytes() == content


def test_committed_exercises_are_exactly_what_the_solutions_generate(tmp_path):
    solutions = sorted((ROOT / "solutions").glob("*.ipynb"))
    if not solutions:
        pytest.skip("no solution notebooks yet")
    generated = generate(ROOT / "solutions", tmp_path)
    committed = sorted((ROOT / "exercises").glob("*.ipynb"))
    assert [p.name for p in committed] == [p.name for p in generated]
    for new, old in zip(generated, committed):
        assert new.read_text(encoding="utf-8") == old.read_text(encoding="utf-8"), (
            f"{old.name} differs from its solution: run python tools/exercises.py")
        assert BEGIN not in old.read_text(encoding="utf-8") and END not in old.read_text(encoding="utf-8")


SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem[:2])
def test_solutions_carry_nbgrader_metadata_with_a_test_cell_per_answer(path):
    """(nbgrader itself checks this metadata when test_nbgrader.py releases the solutions.)"""
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if BEGIN in cell.source:
            assert meta.get("solution") is True, f"cell {i + 1} has an answer but is not a solution cell"
        if cell.cell_type == "code" and BEGIN in cell.source:
            qid, var = re.search(r'check\("([^"]+)", (\w+)\)', cell.source.split(END)[1]).groups()
            test = nb.cells[i + 1]
            assert is_autograder_test(test) and test.metadata.nbgrader["locked"], f"cell {i + 2}"
            assert test.metadata.nbgrader["points"] == 1
            assert test.source.splitlines()[-1] == f'grade("{qid}", {var})'
        if cell.cell_type == "markdown" and BEGIN in cell.source:
            assert cell.source.startswith(BEGIN) and cell.source.endswith(END), "the written answer is a cell of its own"
            assert meta.get("grade") is True and meta.get("points") == 2


def test_autograder_test_cells_stay_out_of_the_kit_exercise():
    nb = make_solution()
    test = nbformat.v4.new_code_cell("grade('q', answer)")
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "points": 1,
                                 "grade_id": "t", "schema_version": 3}
    nb.cells.append(test)
    ex = exercise_from_solution(nb)
    assert len(ex.cells) == 2 and "grade(" not in nbformat.writes(ex)
    for path in (ROOT / "exercises").glob("*.ipynb"):
        code = "".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        assert "grade(" not in code, path.name


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem[:2])
def test_the_introduction_says_what_to_do_with_nbgraders_stubs(path):
    intro = nbformat.read(path, as_version=4).cells[0].source
    assert "raise NotImplementedError()" in intro and "grade(...)" in intro


LETTERED = re.compile(r"^- \*\*([A-H])\*\* (.+)$", re.MULTILINE)
CHECKED = re.compile(r"""\bcheck\(\s*["']([^"']+)["']""")
CODE = re.compile(r"`[^`\n]*(?:\w\(|\w\.\w|\w\[)[^`\n]*`")   # `len(x)`, `key.units`, `s[0]`: Python


def test_practice_tasks_are_read_not_coded_and_their_lettered_options_are_the_questions_choices():
    """Issue 10, item 7: a learner answers by reading (no code tip in the task itself; code only under
    "For those who want it (optional)"), and a choice question's options in the notebook are its choices."""
    qs = questions()
    seen = 0
    for path in sorted((ROOT / "solutions").glob("0[0-6]_*_practice.ipynb")):
        nb = nbformat.read(path, as_version=4)
        task = ""
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                task = cell.source if cell.source.startswith("## Exercise") else task + "\n" + cell.source
                learner_part = task.split("For those who want it (optional)")[0]
                assert not task.startswith("## Exercise") or not CODE.search(learner_part), (path.name, task[:60], CODE.search(learner_part))
                continue
            for qid in CHECKED.findall(cell.source):
                q = qs[qid]
                if q.kind == "choice" and LETTERED.search(task):
                    options = [text.strip() for _, text in LETTERED.findall(task)]
                    letters = "".join(letter for letter, _ in LETTERED.findall(task))
                    assert letters == "ABCDEFGH"[:len(q.choices)], (path.name, qid)
                    assert options == [c.strip() for c in q.choices], (path.name, qid)
                    seen += 1
    assert seen >= 8
