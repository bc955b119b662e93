"""The quiz: one multiple-choice question as radio buttons, with the verdict under them.

The questions and their grading are :mod:`medialit.selfcheck`; this is only the widget.
Long options wrap. Where no live widget can be shown (a static HTML export, GitHub's
viewer, nbval) it shows as plain HTML: the question, the choices, the learner's choice
and the verdict.
"""

from __future__ import annotations

import ipywidgets as w
from markupsafe import Markup

from medialit.html import render
from medialit.selfcheck import Question, check, questions
from medialit.ui.common import stable_bundle

__all__ = ["Quiz", "quiz"]


class Quiz(w.VBox):
    """Radio buttons for one multiple-choice question, with :func:`~medialit.selfcheck.check`'s verdict under them."""

    def __init__(self, question: Question):
        self.question = question
        self.options = w.RadioButtons(options=list(question.choices), value=None, description="",
                                      layout=w.Layout(width="100%"), style={"description_width": "0px"})
        self.feedback = w.HTML()
        self.options.observe(self._answered, names="value")
        super().__init__([w.HTML(str(render("ui_quiz_head.html.j2", prompt=question.prompt))), self.options,
                          self.feedback], layout=w.Layout(width="100%", max_width="100%"))
        self.add_class("medialit-quiz")

    def _answered(self, change) -> None:
        self.feedback.value = check(self.question.id, change["new"]).html(with_question=False)

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


def quiz(question_id: str) -> Quiz:
    """A small multiple-choice widget with immediate feedback (for the lessons).

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
    return Quiz(q)
