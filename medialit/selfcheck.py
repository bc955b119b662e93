"""Self-check for exercises: immediate, friendly feedback on a learner's answer.

Questions are data, one file per lesson (``medialit/data/questions/<lesson>.json``):
a prompt, the expected answer, a hint for a wrong answer and an explanation for a
right one. Answers
that come from the answer key are checked against it by the tests, so the
exercises cannot drift from the key.

>>> check("warmup-hedge-word", "perhaps")
Right! "Perhaps" lowers how sure the writer sounds: it is a hedge.
>>> check("warmup-hedge-word", ...)
Not answered yet: replace the ... with your answer, then run the cell again.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

QUESTIONS_DIR = Path(__file__).parent / "data" / "questions"
KINDS = ("number", "text", "choice", "set")


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    kind: str
    answer: object
    explanation: str
    hint: str
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()      # other spellings counted as right (kind "text")
    lesson: str = ""
    source: str = ""                  # where the answer comes from (e.g. the key)


@dataclass(frozen=True)
class Result:
    """What :func:`check` says; prints as its message."""

    question: str
    status: str                       # "right", "wrong", "partly" or "blank"
    message: str
    details: tuple[str, ...] = field(default=())

    @property
    def right(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        return "\n".join((self.message,) + self.details)

    def _repr_html_(self) -> str:
        from html import escape

        colour = {"right": "#166534", "wrong": "#9a3412", "partly": "#854d0e", "blank": "#374151"}[self.status]
        body = "<br>".join(escape(x) for x in (self.message,) + self.details)
        return f'<div style="color:{colour};font-family:sans-serif">{body}</div>'


@lru_cache(maxsize=None)
def questions() -> dict[str, Question]:
    """All questions of all lessons, by id."""
    out: dict[str, Question] = {}
    for path in sorted(QUESTIONS_DIR.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
        for q in data["questions"]:
            where = f"{path.name}: question {q.get('id')!r}"
            if q.get("kind") not in KINDS:
                raise ValueError(f"{where} has unknown kind {q.get('kind')!r}")
            if q["id"] in out:
                raise ValueError(f"{where} is defined twice")
            if q["kind"] == "choice" and q["answer"] not in q.get("choices", ()):
                raise ValueError(f"{where}: the answer is not one of the choices")
            out[q["id"]] = Question(q["id"], q["prompt"], q["kind"], q["answer"], q["explanation"], q["hint"],
                                    tuple(q.get("choices", ())), tuple(q.get("accept", ())),
                                    q.get("lesson", path.stem), q.get("source", ""))
    return out


def _norm(text: object) -> str:
    flat = unicodedata.normalize("NFKC", str(text)).replace("’", "'").replace("‘", "'")
    return " ".join(flat.lower().strip(" .!?\"“”'").split())


def check(question_id: str, answer: object) -> Result:
    """Check an answer and say why it is right, or give a hint.

    ``...`` (an unanswered blank) gives "not answered yet", never an error.
    """
    try:
        q = questions()[question_id]
    except KeyError:
        raise KeyError(f"no question {question_id!r}; check the spelling of the question id") from None
    if answer is ... or answer is None or (isinstance(answer, str) and not answer.strip()):
        return Result(q.id, "blank", "Not answered yet: replace the ... with your answer, then run the cell again.")
    if q.kind == "number":
        try:
            ok = float(answer) == float(q.answer)
        except (TypeError, ValueError):
            return Result(q.id, "wrong", f"Please answer with a number. {q.hint}")
        return _verdict(q, ok)
    if q.kind in ("text", "choice"):
        wanted = {_norm(q.answer), *(_norm(a) for a in q.accept)}
        if q.kind == "choice" and _norm(answer) not in {_norm(c) for c in q.choices}:
            return Result(q.id, "wrong", "Choose one of: " + "; ".join(q.choices) + ".")
        return _verdict(q, _norm(answer) in wanted)
    # kind "set": a collection of items, order does not matter
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        answer = [answer]
    given = {_norm(a) for a in answer}
    wanted = {_norm(a) for a in q.answer}
    if given == wanted:
        return _verdict(q, True)
    found, extra = given & wanted, given - wanted
    details = []
    if extra:
        details.append("Not in the answer: " + ", ".join(sorted(extra)) + ".")
    status = "partly" if found else "wrong"
    return Result(q.id, status, f"You have {len(found)} of {len(wanted)}. {q.hint}", tuple(details))


def grade(question_id: str, answer: object) -> None:
    """The autograder's test for one answer (the locked test cells of nbgrader's version).

    Passes silently when the answer is right; raises ``AssertionError`` with the
    same words :func:`check` would show when it is wrong, partly right or blank,
    so nbgrader gives the cell's points only for a right answer.

    >>> grade("warmup-hedge-word", "Perhaps")
    >>> grade("warmup-hedge-word", ...)
    Traceback (most recent call last):
    AssertionError: Not answered yet: replace the ... with your answer, then run the cell again.
    """
    result = check(question_id, answer)
    if not result.right:
        raise AssertionError(repr(result))


def _verdict(q: Question, ok: bool) -> Result:
    if ok:
        return Result(q.id, "right", f"Right! {q.explanation}")
    return Result(q.id, "wrong", f"Not quite. {q.hint}")


def quiz(question_id: str):
    """A small multiple-choice widget with immediate feedback (for the lessons)."""
    import ipywidgets as w

    q = questions()[question_id]
    if q.kind != "choice":
        raise ValueError(f"quiz() needs a multiple-choice question; {question_id!r} is {q.kind}")
    options = w.RadioButtons(options=list(q.choices), value=None, layout=w.Layout(width="max-content"),
                             description="", style={"description_width": "0px"})
    out = w.HTML()

    def answered(change):
        r = check(question_id, change["new"])
        out.value = r._repr_html_()

    options.observe(answered, names="value")
    return w.VBox([w.HTML(f"<b>{_escape(q.prompt)}</b>"), options, out])


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
