"""Self-check for exercises: immediate, friendly feedback on a learner's answer.

Questions are data, one file per lesson (``medialit/data/questions/<lesson>.json``,
described in that folder's ``README.md``): a prompt, a hint for a wrong answer and
an explanation for a right one, all plain text; a multiple-choice question also says why
each wrong option is wrong (``why_not``, keyed by the option's digest), and :func:`check`
shows it: a wrong choice gets its own reason, and the right one lists the others' reasons,
so clicking through the options still teaches why each is wrong. The answer itself is not stored:
only SHA-256 digests of the question id and the normalised answer (one per
accepted spelling, one per item of a "set" question, see :func:`digest`), so a
learner graded with nbgrader cannot read the answers out of the installed
package. The tests recompute every answer from the key, the articles and the
detector and check it against these digests, so the exercises cannot drift
from the key.

Limits: a digest hides an answer only as well as the answer is hard to guess. A
small number, a weekday or one of four choices is found by trying values (with
:func:`check` itself, which a self-check must allow, or by hashing candidates).
Digests keep answers out of plain sight; they do not make guessing impossible.

>>> check("warmup-hedge-word", "perhaps")
Right! "Perhaps" lowers how sure the writer sounds: it is a hedge.
>>> check("warmup-hedge-word", ...)
Not answered yet: replace the ... with your answer, then run the cell again.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from medialit import schemas
from medialit.html import render

QUESTIONS_DIR = Path(__file__).parent / "data" / "questions"
KINDS = ("number", "text", "choice", "set")
#: The colour of a verdict's words, by status.
STATUS_COLOURS = {"right": "#166534", "wrong": "#9a3412", "partly": "#854d0e", "blank": "#374151"}


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    kind: str
    digests: tuple[str, ...]          # SHA-256 of each accepted answer (each item, for kind "set")
    explanation: str
    hint: str
    choices: tuple[str, ...] = ()
    lesson: str = ""
    source: str = ""                  # where the answer comes from (e.g. the key)
    why_not: tuple[tuple[str, str], ...] = ()   # (digest of a wrong option, why it is wrong)

    def reason(self, option: object) -> str:
        """Why a wrong option is wrong ("" for the right one, or one without a reason).

        >>> questions()["00-obviously-label"].reason("hedge").startswith("A hedge makes a claim sound less sure")
        True
        """
        key = digest(self.id, "choice", option)
        return next((why for d, why in self.why_not if d == key), "")


@dataclass(frozen=True)
class Result:
    """What :func:`check` says; prints as its message, shows as the question, the answer and the verdict."""

    question: str
    status: str                       # "right", "wrong", "partly" or "blank"
    message: str
    details: tuple[str, ...] = field(default=())
    prompt: str = ""                  # the question's words
    given: str = ""                   # the learner's answer, as shown

    @property
    def right(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        return "\n".join((self.message,) + self.details)

    def _repr_html_(self) -> str:
        return self.html()

    def html(self, with_question: bool = True) -> str:
        """The verdict as HTML (``selfcheck_result.html.j2``, escaped), after the question and the
        learner's answer unless ``with_question`` is false."""
        return str(render("selfcheck_result.html.j2", result=self, with_question=with_question,
                          colour=STATUS_COLOURS[self.status]))


def _norm(text: object) -> str:
    flat = unicodedata.normalize("NFKC", str(text)).replace("’", "'").replace("‘", "'")
    return " ".join(flat.lower().strip(" .!?\"“”'").split())


def canonical(kind: str, value: object) -> str:
    """The normal form of an answer that is hashed: a number as a float; text lower-cased,
    curly quotes straightened, spaces and end punctuation dropped.

    >>> canonical("number", "14"), canonical("number", 14), canonical("text", " Perhaps! ")
    ('14.0', '14.0', 'perhaps')
    """
    if kind == "number":
        return repr(float(value) + 0.0)   # + 0.0 turns -0.0 into 0.0
    return _norm(value)


def digest(question_id: str, kind: str, value: object) -> str:
    """What the question files store instead of an answer: SHA-256 of the question id and
    the answer's :func:`canonical` form (so equal answers to different questions differ).

    >>> digest("warmup-hedge-word", "text", "Perhaps.") == digest("warmup-hedge-word", "text", "perhaps")
    True
    >>> digest("warmup-hedge-word", "text", "perhaps")[:12]
    '8d7db16cba24'
    """
    text = f"medialit\n{question_id}\n{canonical(kind, value)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=None)
def questions() -> dict[str, Question]:
    """All questions of all lessons, by id."""
    out: dict[str, Question] = {}
    for path in sorted(QUESTIONS_DIR.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
        why = schemas.problem(data, "questions")      # fields, kinds, digests: questions.schema.json
        if why:
            raise ValueError(f"{path.name}: {why}")
        for q in data["questions"]:
            where = f"{path.name}: question {q.get('id')!r}"
            if q["id"] in out:
                raise ValueError(f"{where} is defined twice")
            digests = q["answer_sha256"]
            choices = tuple(q.get("choices", ()))
            if q["kind"] == "choice" and sum(digest(q["id"], "choice", c) in digests for c in choices) != 1:
                raise ValueError(f"{where}: the answer is not one of the choices")
            wrong = {digest(q["id"], "choice", c) for c in choices} - set(digests)
            stray = set(q.get("why_not", {})) - wrong
            if stray:
                raise ValueError(f"{where}: why_not has {len(stray)} reason(s) for no wrong option "
                                 "(each key is the digest of a wrong option: python -m medialit.selfcheck digest choice ...)")
            out[q["id"]] = Question(q["id"], q["prompt"], q["kind"], tuple(digests), q["explanation"], q["hint"],
                                    choices, q.get("lesson", path.stem), q.get("source", ""),
                                    tuple(q.get("why_not", {}).items()))
    return out


def _shown(answer: object) -> str:
    """A learner's answer as words, for the Result's HTML."""
    if isinstance(answer, str):
        text = answer
    elif hasattr(answer, "__iter__") and not isinstance(answer, bytes):
        text = ", ".join(str(a) for a in answer)
    else:
        text = str(answer)
    return text if len(text) <= 300 else text[:299] + "…"


LETTERS = "ABCDEFGH"


def option(q: Question, answer: object) -> object:
    """A choice question's option from its letter as the practice notebooks show them (A for the first,
    B for the second...), else the answer as it is.

    >>> option(questions()["00-obviously-label"], "c"), option(questions()["00-obviously-label"], "hedge")
    ('booster', 'hedge')
    """
    if isinstance(answer, str):
        letter = answer.strip().strip("().:").upper()
        if len(letter) == 1 and letter in LETTERS[:len(q.choices)] and _norm(answer) not in map(_norm, q.choices):
            return q.choices[LETTERS.index(letter)]
    return answer


def check(question_id: str, answer: object) -> Result:
    """Check an answer and say why it is right, or give a hint.

    ``...`` (an unanswered blank) gives "not answered yet", never an error. A choice question
    takes an option's text or its letter (:func:`option`).
    """
    try:
        q = questions()[question_id]
    except KeyError:
        raise KeyError(f"no question {question_id!r}; check the spelling of the question id") from None
    if answer is ... or answer is None or (isinstance(answer, str) and not answer.strip()):
        return Result(q.id, "blank", "Not answered yet: replace the ... with your answer, then run the cell again.",
                      prompt=q.prompt)
    if q.kind == "choice":
        answer = option(q, answer)
    shown = _shown(answer)
    if q.kind == "number":
        try:
            ok = digest(q.id, "number", answer) in q.digests
        except (TypeError, ValueError, OverflowError):
            return Result(q.id, "wrong", f"Please answer with a number. {q.hint}", prompt=q.prompt, given=shown)
        return _verdict(q, ok, shown)
    if q.kind in ("text", "choice"):
        if q.kind == "choice" and _norm(answer) not in {_norm(c) for c in q.choices}:
            return Result(q.id, "wrong", "Choose one of: " + "; ".join(q.choices) + ".", prompt=q.prompt,
                          given=shown)
        return _verdict(q, digest(q.id, q.kind, answer) in q.digests, shown)
    # kind "set": a collection of items, order does not matter
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        answer = [answer]
    given = {digest(q.id, "set", a): _norm(a) for a in answer}
    wanted = set(q.digests)
    if set(given) == wanted:
        return _verdict(q, True, shown)
    found = set(given) & wanted
    extra = sorted(text for d, text in given.items() if d not in wanted)
    details = ("Not in the answer: " + ", ".join(extra) + ".",) if extra else ()
    status = "partly" if found else "wrong"
    return Result(q.id, status, f"You have {len(found)} of {len(wanted)}. {q.hint}", details, q.prompt, shown)


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


def _verdict(q: Question, ok: bool, shown: str) -> Result:
    """Right: the explanation (and, for a choice, why each other option is wrong). Wrong: the
    chosen option's own reason, if it has one, then the hint."""
    if q.kind != "choice":
        if ok:
            return Result(q.id, "right", f"Right! {q.explanation}", prompt=q.prompt, given=shown)
        return Result(q.id, "wrong", f"Not quite. {q.hint}", prompt=q.prompt, given=shown)
    if ok:
        others = tuple(f"Not “{c}”: {q.reason(c)}" for c in q.choices if _norm(c) != _norm(shown) and q.reason(c))
        return Result(q.id, "right", f"Right! {q.explanation}", others, q.prompt, shown)
    why = q.reason(shown)
    return Result(q.id, "wrong", f"Not quite: {why}" if why else "Not quite.", (q.hint,), q.prompt, shown)


def main(argv: list[str] | None = None) -> int:
    """``python -m medialit.selfcheck digest KIND QUESTION_ID ANSWER [ANSWER...]``: the
    ``answer_sha256`` list for a question file (each accepted spelling, or each item of a set)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 4 or args[0] != "digest" or args[1] not in KINDS:
        print("usage: python -m medialit.selfcheck digest {number,text,choice,set} QUESTION_ID ANSWER [ANSWER ...]",
              file=sys.stderr)
        return 2
    kind, qid, answers = args[1], args[2], args[3:]
    try:
        out = list(dict.fromkeys(digest(qid, kind, a) for a in answers))
    except ValueError:
        print(f"error: a {kind} question needs a number as its answer", file=sys.stderr)
        return 2
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
