"""nbgrader for real: ``generate_assignment`` with its default settings on all eight solutions,
then ``autograde`` on learners' submissions, scores read from nbgrader's gradebook.

One course folder in a temporary directory (HOME and JUPYTER_* there too), one assignment
"practice" holding the eight solution notebooks. Submissions (01 has number answers, 05 lists and text):

- ``right``: the solutions of 01 and 05 themselves -> every autograder test gets its point;
- ``stub``: nbgrader's own released 01, untouched -> 0;
- ``blank``: the kit's exercise 05 with its ``name = ...`` blanks -> 0;
- ``one_wrong``: the solution of 01 with one wrong answer -> that test's point lost;
- ``kit_filled``: the kit's exercise 05 filled in with the right code -> every point.

The kit's exercises have no autograder test cells (they would stop "Run all" at the first
blank), so the course sets ``OverwriteCells.add_missing_cells = True`` and nbgrader puts its
locked test cells back; the other submissions hold every cell, so the setting does nothing for them.
"""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from exercises import BEGIN, END, is_autograder_test

# nbgrader runs in its own processes: this module does not import it (1-2 s) when its tests are not run
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(importlib.util.find_spec("nbgrader") is None, reason="nbgrader is not installed")]

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "practice"
GRADED = ["01_meet_the_articles_practice", "05_side_by_side_practice"]
NAMES = sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb"))
WRONG_QUESTION = "01-p-today-count"


def nbgrader(course: Path, env: dict, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


def submit(course: Path, student: str, notebooks: dict[str, object]) -> None:
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    for name, nb in notebooks.items():
        nbformat.write(nb, folder / f"{name}.ipynb")


def read(folder: str, name: str):
    return nbformat.read(ROOT / folder / f"{name}.ipynb", as_version=4)


def filled_kit_exercise(name: str):
    """What a learner hands in after answering every blank of the kit's exercise (no test cells)."""
    nb = read("solutions", name)
    nb.cells = [c for c in nb.cells if not is_autograder_test(c)]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def one_wrong_answer():
    nb = read("solutions", "01_meet_the_articles_practice")
    cell = next(c for c in nb.cells if c.cell_type == "code" and f'check("{WRONG_QUESTION}"' in c.source)
    head, rest = cell.source.split(BEGIN)
    cell.source = head + "today_count = 1\n" + rest.split(END)[1].lstrip("\n")
    return nb


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nbgrader")
    course, home = tmp / "course", tmp / "home"
    (course / "source" / ASSIGNMENT).mkdir(parents=True)
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update(HOME=str(home), JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), MEDIALIT_ANNOTATIONS=str(tmp / "annotations"),
               PYTHONWARNINGS="ignore")
    (course / "nbgrader_config.py").write_text(
        'c = get_config()\nc.CourseDirectory.course_id = "medialit"\n', encoding="utf-8")
    for name in NAMES:
        (course / "source" / ASSIGNMENT / f"{name}.ipynb").write_bytes(
            (ROOT / "solutions" / f"{name}.ipynb").read_bytes())
    nbgrader(course, env, "generate_assignment", ASSIGNMENT)   # nbgrader's default settings

    submit(course, "right", {n: read("solutions", n) for n in GRADED})
    # one notebook each for the others, to keep the test short (every notebook run costs seconds)
    submit(course, "stub", {GRADED[0]: nbformat.read(course / "release" / ASSIGNMENT / f"{GRADED[0]}.ipynb",
                                                     as_version=4)})
    submit(course, "blank", {GRADED[1]: read("exercises", GRADED[1])})
    submit(course, "one_wrong", {GRADED[0]: one_wrong_answer()})
    submit(course, "kit_filled", {GRADED[1]: filled_kit_exercise(GRADED[1])})
    with (course / "nbgrader_config.py").open("a", encoding="utf-8") as f:
        f.write("c.OverwriteCells.add_missing_cells = True\n")
    nbgrader(course, env, "autograde", ASSIGNMENT)
    return course


@pytest.fixture(scope="module")
def grades(course):
    """{student: {notebook: {grade_id: (auto_score, max_score, needs_manual_grade)}}} from the gradebook."""
    from nbgrader.api import Gradebook

    out: dict = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in ("right", "stub", "blank", "one_wrong", "kit_filled"):
            sub = gb.find_submission(ASSIGNMENT, student)
            for nb in sub.notebooks:
                out.setdefault(student, {})[nb.name] = {
                    g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in nb.grades}
    return out


def autograded(notebook_grades: dict) -> dict:
    return {k: v[0] for k, v in notebook_grades.items() if k.startswith("test-")}


def test_generate_assignment_releases_all_eight_with_their_test_cells(course):
    released = sorted(p.stem for p in (course / "release" / ASSIGNMENT).glob("*.ipynb"))
    assert released == NAMES
    for name in NAMES:
        text = (course / "release" / ASSIGNMENT / f"{name}.ipynb").read_text(encoding="utf-8")
        assert BEGIN not in text and END not in text
        nb = nbformat.reads(text, as_version=4)
        tests = [c for c in nb.cells if is_autograder_test(c)]
        assert len(tests) == 4 and all("grade(" in c.source and c.metadata.nbgrader.locked for c in tests)


def _shape(source: str) -> list[str]:
    """A cell's lines with each stub (the kit's ``x = ...`` blanks or nbgrader's code stub) as one ``<answer>``."""
    out: list[str] = []
    for line in source.split("\n"):
        stub = (line.rstrip().endswith("# your answer here")
                or line.strip() in ("# YOUR CODE HERE", "raise NotImplementedError()"))
        if not (stub and out and out[-1] == "<answer>"):
            out.append("<answer>" if stub else line)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_nbgrader_release_is_the_kit_exercise_plus_its_test_cells(course, name):
    release = nbformat.read(course / "release" / ASSIGNMENT / f"{name}.ipynb", as_version=4)
    kit = read("exercises", name)
    ours = [(c.cell_type, _shape(c.source)) for c in release.cells if not is_autograder_test(c)]
    assert ours == [(c.cell_type, _shape(c.source)) for c in kit.cells]


def test_all_right_gets_every_autograded_point(grades):
    for name in GRADED:
        g = grades["right"][name]
        assert autograded(g) == {k: 1.0 for k in autograded(g)} and len(autograded(g)) == 4
        assert g["written-answer"][2] is True, "the written answer waits for the teacher"


@pytest.mark.parametrize("student, name", [("stub", GRADED[0]), ("blank", GRADED[1])])
def test_blank_gets_zero(grades, student, name):
    g = grades[student][name]
    assert autograded(g) == {k: 0.0 for k in autograded(g)} and len(autograded(g)) == 4
    assert g["written-answer"][:2] == (0.0, 2.0) and g["written-answer"][2] is False, (
        "an unanswered written answer is scored 0 without the teacher")


def test_one_wrong_answer_loses_that_tests_point(grades):
    got = autograded(grades["one_wrong"]["01_meet_the_articles_practice"])
    assert got.pop(f"test-{WRONG_QUESTION}") == 0.0
    assert got == {k: 1.0 for k in got} and len(got) == 3


def test_a_filled_in_kit_exercise_is_graded_with_nbgraders_test_cells(grades):
    g = autograded(grades["kit_filled"][GRADED[1]])
    assert g == {k: 1.0 for k in g} and len(g) == 4


def test_the_wrong_answer_shows_the_hint_in_the_graded_notebook(course):
    nb = nbformat.read(course / "autograded" / "one_wrong" / ASSIGNMENT / "01_meet_the_articles_practice.ipynb",
                       as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"test-{WRONG_QUESTION}")
    error = next(o for o in cell.outputs if o.output_type == "error")
    assert error.ename == "AssertionError" and re.search(r"Not quite\.", error.evalue)
