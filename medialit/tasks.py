"""Written tasks and quiz tries as data: which task asks what, how it is scored, where answers are kept.

The written tasks are ``medialit/data/tasks/written_tasks.json`` (format:
``medialit/data/schemas/written_tasks.schema.json``; the folder's ``README.md``): each
task has an id (``05-w-reliable-003``), the lesson that asks it, the article it is about
(the learner's answer is saved in their record of that article, through
:class:`~medialit.annotate.storage.AnnotationStore`), the prompt, what a good answer
contains and a rubric of three or four levels, each with a sample answer. The file is
checked on load; a problem names the task.

A multiple-choice question's tries are saved in the learner's record of the article
:func:`question_article` gives (``medialit/data/tasks/quiz_articles.csv`` says how).

>>> t = task("05-w-reliable-003")
>>> t.article_id, [lv.name for lv in t.levels]
('003_9a3e418065795979', ['beginning', 'developing', 'secure', 'excellent'])
>>> question_article("03-week-or-so", "Article 003, ¶7: is this a hedge?")
'003_9a3e418065795979'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medialit import schemas
from medialit.articles import ArticleError
from medialit.articles.seeds import resolve_seed_id, seed_ids
from medialit.datafiles import DATA, read_table
from medialit.wording import table_cell

TASKS_FILE = DATA / "tasks" / "written_tasks.json"
QUIZ_ARTICLES_FILE = DATA / "tasks" / "quiz_articles.csv"


class TaskError(ValueError):
    """The written tasks file does not fit its format; the message names the task."""


@dataclass(frozen=True)
class Level:
    """One level of a task's rubric: its number (1 = weakest), name, what it looks like, a sample answer."""

    level: int
    name: str
    descriptor: str
    sample: str


@dataclass(frozen=True)
class WrittenTask:
    """One written task (see the module's docstring)."""

    id: str
    lesson: str
    article: str                 # as written in the file, e.g. "003"
    article_id: str              # the full id of that article
    prompt: str
    good_answer: tuple[str, ...]
    levels: tuple[Level, ...]


def parse_tasks(data, where: str = "written_tasks.json") -> dict[str, WrittenTask]:
    """The tasks of parsed JSON ``data`` by id; :class:`TaskError` naming the task if one does not fit.

    >>> parse_tasks({"tasks": [{"id": "05-w-x", "lesson": "05_side", "article": "003", "prompt": "Why?",
    ...              "good_answer": ["a"], "levels": []}]})
    Traceback (most recent call last):
    ...
    medialit.tasks.TaskError: written_tasks.json: task '05-w-x': 'levels' has fewer than 3 items
    """
    why = schemas.problem(data, "written_tasks")
    if why and isinstance(data, dict) and isinstance(data.get("tasks"), list):
        for i, item in enumerate(data["tasks"], 1):
            one = schemas.problem({"tasks": [item]}, "written_tasks")
            if one:
                name = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
                why = one.replace("task 1", f"task {name!r}" if name else f"task {i}", 1)
                break
    if why:
        raise TaskError(f"{where}: {why}")
    out: dict[str, WrittenTask] = {}
    for t in data["tasks"]:
        name = f"{where}: task {t['id']!r}"
        if t["id"] in out:
            raise TaskError(f"{name} is used twice")
        numbers = [lv["level"] for lv in t["levels"]]
        if numbers != list(range(1, len(numbers) + 1)):
            wanted = ", ".join(str(n) for n in range(1, len(numbers) + 1))
            raise TaskError(f"{name}: the levels are numbered {numbers}, not {wanted}")
        try:
            article_id = resolve_seed_id(t["article"])
        except ArticleError:
            raise TaskError(f"{name}: its article {t['article']!r} is not one of the kit's articles "
                            f"({', '.join(seed_ids())})") from None
        out[t["id"]] = WrittenTask(t["id"], t["lesson"], t["article"], article_id, t["prompt"],
                                   tuple(t["good_answer"]), tuple(Level(**lv) for lv in t["levels"]))
    return out


@cache
def _load(path: Path) -> dict[str, WrittenTask]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TaskError(f"{path.name}: cannot be read ({exc})") from None
    return parse_tasks(data, path.name)


def written_tasks() -> dict[str, WrittenTask]:
    """Every written task of the kit by id, in the file's order (read and checked once)."""
    return _load(TASKS_FILE)


def task(task_id: str) -> WrittenTask:
    """One written task; ``KeyError`` in plain words for an unknown id.

    >>> task("05-w-no-such-task")
    Traceback (most recent call last):
    ...
    KeyError: "no written task '05-w-no-such-task'; check the spelling of the task id"
    """
    found = written_tasks().get(task_id) if isinstance(task_id, str) else None
    if found is None:
        raise KeyError(f"no written task {task_id!r}; check the spelling of the task id")
    return found


@cache
def _quiz_rows() -> dict[str, str]:
    return {r["question"]: resolve_seed_id(r["article"])
            for r in read_table(QUIZ_ARTICLES_FILE, ("question", "article", "why"))}


def question_article(question_id: str, prompt: str = "") -> str:
    """The article whose record keeps the tries of a multiple-choice question (see ``quiz_articles.csv``).

    >>> question_article("00-where-saved", "Where does the kit keep your marks?")
    '000_b7d55dfd4cdbabc3'
    """
    rows = _quiz_rows()
    if question_id in rows:
        return rows[question_id]
    numbers = re.findall(r"\barticle\s+(\d{3})\b", prompt, re.IGNORECASE)
    named = {i for i in seed_ids() for n in numbers if i.startswith(n)}
    return named.pop() if len(named) == 1 else rows["*"]


def rubric_markdown(tasks: dict[str, WrittenTask] | None = None) -> str:
    """The teacher guide's section "Written tasks: rubrics and sample answers" (between its markers).

    >>> print(rubric_markdown()[:60])
    Every written task, with what a good answer contains and a r
    """
    tasks = written_tasks() if tasks is None else tasks
    intro = ("Every written task, with what a good answer contains and a rubric whose every level has a "
             "sample answer written for it. Made from `medialit/data/tasks/written_tasks.json` by "
             "`python tools/rubrics.py`: edit the file, not this section. Learners' answers appear in the "
             "class view (`written_answers.csv`) next to their marks.")
    lines = [intro, ""]
    for t in tasks.values():
        lines += [f"### `{t.id}` (notebook {t.lesson[:2]}, article {t.article})", "",
                  f"> {t.prompt}", "", "A good answer:", ""]
        lines += [f"- {point}" for point in t.good_answer]
        lines += ["", "| level | what it looks like | sample answer |", "|---|---|---|"]
        lines += [f"| {lv.level} {lv.name} | {table_cell(lv.descriptor)} | {table_cell(lv.sample)} |" for lv in t.levels]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
