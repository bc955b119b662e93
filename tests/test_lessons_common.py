"""What every lesson and practice notebook must have, checked once, the same way for all of them.

Lesson-specific content (the claims a lesson makes about the articles and its
activities) is tested in tests/test_lesson_NN.py. That each exercise is generated
from its solution is tested in test_exercises.py, and that every notebook runs top
to bottom by nbval in the README's test command.
"""

import json
import re
from pathlib import Path

import pytest
from exercises import BEGIN, END
from lessons import curly_quotes, flat, read, sources

from medialit.articles import seed_article
from medialit.selfcheck import QUESTIONS_DIR, check, questions

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
#: Tests on a new article: no practice notebook and no self-checks (they would give the answers away).
POST_TESTS = {"08_check_your_reading"}
PRACTISED = [name for name in LESSONS if name not in POST_TESTS]
CALL = re.compile(r"""\b(?:check|quiz)\(\s*["']([^"']+)["']""")
SECTIONS = ["Learning objectives", "Time", "Setup", "The reading", "Reflection", "Summary"]
#: The lessons that quote the two seed articles, and the quoted phrases there that are made-up examples.
QUOTING = {
    "01_meet_the_articles": set(),
    "02_who_says_so": {"a senior official", "some say", "refer back"},
    "03_how_sure_is_the_writer": set(),
    "04_speculation_and_opinion": {"If the ceasefire had held, the talks would have succeeded.",
                                   "Clearly, they struck a secret deal."},
    "05_side_by_side": {"Senator Jane Roe", "the Foreign Ministry", "the general", "Russia says", "Moscow warns",
                        "the Kremlin says"},
}


def lesson(name):
    return read(ROOT / "notebooks" / f"{name}.ipynb")


def practice(name):
    return read(ROOT / "solutions" / f"{name}_practice.ipynb")


def code_of(nb) -> str:
    return "\n".join(sources(nb, "code"))


def bullets(text: str) -> int:
    return sum(line.startswith("- ") for line in text.splitlines())


def test_there_are_eight_lessons_each_with_a_practice_notebook_and_questions_and_a_post_test_without():
    assert [name[:2] for name in LESSONS] == ["00", "01", "02", "03", "04", "05", "06", "07", "08"]
    assert POST_TESTS <= set(LESSONS)
    for name in LESSONS:
        practised = name not in POST_TESTS
        assert (ROOT / "solutions" / f"{name}_practice.ipynb").exists() == practised, name
        assert (ROOT / "exercises" / f"{name}_practice.ipynb").exists() == practised, name
        assert (QUESTIONS_DIR / f"{name}.json").exists() == practised, name


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_has_its_sections_in_order_objectives_a_time_and_a_summary(name):
    nb = lesson(name)
    assert nb.metadata.kernelspec.name == "python3"
    md = sources(nb, "markdown")
    text = "\n".join(md)
    assert text.startswith(f"# Lesson {int(name[:2])}")
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions)
    assert 3 <= bullets(md[0]) <= 4, "three or four learning objectives"
    assert re.search(r"about \d+ minutes", md[0]), "the time the lesson takes"
    summary = next(s for s in reversed(md) if "Summary" in s)
    assert 3 <= bullets(summary) <= 5
    assert re.search(r'^name_box\(\)$', code_of(nb), re.M)   # the learner's name box


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_is_committed_without_outputs(name):
    for cell in lesson(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("name", PRACTISED)
def test_notebooks_use_only_existing_questions_and_every_question_is_used(name):
    used = set(CALL.findall(code_of(lesson(name)))) | set(CALL.findall(code_of(practice(name))))
    assert used <= set(questions()), used - set(questions())
    # "warmup-hedge-word" is the example in medialit.selfcheck's documentation, kept by lesson 0
    own = {q.id for q in questions().values() if q.lesson == name} - {"warmup-hedge-word"}
    assert own and used == own, f"unused: {own - used}; from another lesson: {used - own}"
    assert len(set(CALL.findall(code_of(lesson(name))))) >= 2, "at least two self-check exercises in the lesson"


@pytest.mark.parametrize("name", PRACTISED)
def test_every_question_accepts_its_own_answer(name):
    ids = [q["id"] for q in json.loads((QUESTIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))["questions"]]
    assert ids and {q.id for q in questions().values() if q.lesson == name} == set(ids)
    assert ("warmup-hedge-word" in ids) == (name == "00_start_here")
    for qid in ids:
        q = questions()[qid]
        assert qid.startswith(f"{name[:2]}-") or qid == "warmup-hedge-word", qid
        for field in ("prompt", "explanation", "hint", "source"):
            assert str(getattr(q, field)).strip(), f"{qid}: {field} is empty"
        if q.kind == "choice":
            assert len(q.choices) >= 2 and sum(check(qid, c).right for c in q.choices) == 1, qid
        assert check(qid, ...).status == "blank" and not check(qid, "surely not it").right, qid


@pytest.mark.parametrize("name", PRACTISED)
def test_practice_notebook_has_3_to_5_checked_exercises_and_a_written_answer(name):
    nb = practice(name)
    tasks = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Exercise")]
    marked = [c for c in nb.cells if BEGIN in c.source]
    assert 3 <= len(tasks) <= 5 and 3 <= len(marked) <= 5
    assert any(c.cell_type == "markdown" for c in marked), "at least one open written answer"
    for c in (c for c in marked if c.cell_type == "code"):
        assert c.source.startswith("# NBVAL_CHECK_OUTPUT")
        assert END in c.source and CALL.search(c.source.split(END)[1]), "each answer is followed by a check()"
        shown = "".join(o.get("text") or o.get("data", {}).get("text/plain", "") for o in c.outputs)
        assert shown.startswith("Right!"), "the executed solution passes its own check"
    assert "/tmp" not in json.dumps([c.get("outputs", []) for c in nb.cells])   # no temporary paths in outputs


@pytest.fixture(scope="module")
def article_texts():
    return [flat(seed_article(a).text) for a in ("000", "003")]


@pytest.mark.parametrize("name", sorted(QUOTING))
def test_quotations_of_the_articles_are_exact(name, article_texts):
    """Every quotation of two words or more (“…” in the lesson, its practice notebook and its questions,
    "…" in the lesson) is in one of the articles, word for word; the made-up examples are listed above."""
    texts = [c.source for nb in (lesson(name), practice(name)) for c in nb.cells if c.cell_type == "markdown"]
    texts += [str(part) for q in questions().values() if q.lesson == name
              for part in (q.prompt, q.explanation, q.hint, *(q.choices or ()))]
    quotes = [piece for text in texts for piece in curly_quotes(text)]
    straight = flat(" ".join(sources(lesson(name), "markdown")))
    quotes += [flat(p).strip(" …") for q in re.findall(r'"([^"“”]+)"', straight) for p in q.split("…")]
    quotes = [q for q in quotes if len(q.split()) >= 2 and q not in QUOTING[name]]
    assert len(quotes) >= 10
    bad = [q for q in quotes if not any(q in t for t in article_texts)]
    assert not bad, f"not quoted exactly from the articles: {bad}"
