"""The quiz: one multiple-choice question as radio buttons, with the verdict under them.

The questions and their grading are :mod:`medialit.selfcheck`; this is only the widget.
Every choice the learner makes (the first try and any later ones) is saved, in order and with
the time, in their record of the question's article (:func:`medialit.tasks.question_article`),
so the class view can show first-try accuracy; without a name typed nothing is saved. Long
options wrap. Where no live widget can be shown (a static HTML export, GitHub's viewer, nbval)
it shows as plain HTML: the question, the choices, the learner's choice and the verdict.
"""

from __future__ import annotations

from functools import cache

import ipywidgets as w
from markupsafe import Markup

from medialit.annotate.storage import StorageError
from medialit.articles import seed_article
from medialit.html import render
from medialit.selfcheck import Question, check, questions
from medialit.tasks import question_article
from medialit.ui.common import open_store, stable_bundle

#: Said under the verdict when a choice could not be kept.
NOT_KEPT = "Your choice was not saved: type your name in the box at the top first."

__all__ = ["Quiz", "quiz"]


class Quiz(w.VBox):
    """Radio buttons for one multiple-choice question, with :func:`~medialit.selfcheck.check`'s verdict under them."""

    def __init__(self, question: Question, annotator: str | None = None, folder=None):
        self.question = question
        self.annotator, self.folder = annotator, folder
        #: Why the last choice was not saved ("" if it was).
        self.problem = ""
        self.options = w.RadioButtons(options=list(question.choices), value=None, description="",
                                      layout=w.Layout(width="100%"), style={"description_width": "0px"})
        self.feedback = w.HTML()
        self.options.observe(self._answered, names="value")
        super().__init__([w.HTML(str(render("ui_quiz_head.html.j2", prompt=question.prompt))), self.options,
                          self.feedback], layout=w.Layout(width="100%", max_width="100%"))
        self.add_class("medialit-quiz")

    def _answered(self, change) -> None:
        verdict = check(self.question.id, change["new"]).html(with_question=False)
        if change["new"] is not None:
            self.record_try(change["new"])
        note = str(render("ui_messages.html.j2", errors=(), notes=[self.problem] if self.problem else ()))
        self.feedback.value = verdict + note

    def record_try(self, choice: str) -> None:
        """Save one choice in the learner's record of the question's article (``problem`` says why not)."""
        try:
            article = _article(question_article(self.question.id, self.question.prompt))
            store = open_store(article, self.annotator, self.folder)
            if store is None:
                self.problem = NOT_KEPT
                return
            store.record_attempt(self.question.id, choice)
            self.problem = ""
        except (StorageError, OSError, ValueError) as exc:
            self.problem = f"Your choice was not saved: {exc}"

    def __repr__(self) -> str:
        return f"Quiz({self.question.id!r}, choice={self.options.value!r})"

    def _repr_mimebundle_(self, **kwargs):
        return stable_bundle(self, super()._repr_mimebundle_(**kwargs), self.static_html())

    def static_html(self) -> str:
        """The question, every choice (the learner's marked) and the verdict, escaped."""
        chosen = self.options.value
        verdict = (Markup(check(self.question.id, chosen).html(with_question=False)) if chosen is not None
                   else None)
        return str(render("ui_quiz_static.html.j2", prompt=self.question.prompt, choices=self.question.choices,
                          chosen=chosen, verdict=verdict))


@cache
def _article(article_id: str):
    return seed_article(article_id)


def quiz(question_id: str, annotator: str | None = None, folder=None) -> Quiz:
    """A small multiple-choice widget with immediate feedback (for the lessons); every choice is saved
    under ``annotator`` (default: the name typed in the name box) in ``folder`` (default: the annotations folder).

    >>> quiz("no-such-question")
    Traceback (most recent call last):
    ...
    KeyError: "no question 'no-such-question'; check the spelling of the question id"
    """
    q = questions().get(question_id)
    if q is None:
        raise KeyError(f"no question {question_id!r}; check the spelling of the question id")
    if q.kind != "choice":
        raise ValueError(f"quiz() needs a multiple-choice question; {question_id!r} is {q.kind}")
    return Quiz(q, annotator, folder)
