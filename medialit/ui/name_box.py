"""The name box: the learner types their name once; the lesson's widgets save under it.

The name logic (where the name comes from, where it is kept, who follows it) is
:mod:`medialit.learner`; this is only the box. Pressing Enter in the box or the
button calls :func:`medialit.learner.set_learner_name`.
"""

from __future__ import annotations

import ipywidgets as w

from medialit.html import render
from medialit.learner import in_voila, learner_name, name_problem, set_learner_name
from medialit.ui.common import stable_bundle

__all__ = ["NameBox", "name_box"]


class NameBox(w.VBox):
    """A box to type the learner's name in, with a button and a line saying what happened.

    ``text``, ``button`` and ``status`` are its parts. A static view (nbconvert, GitHub)
    shows the name in plain HTML.
    """

    def __init__(self, **kwargs):
        current = learner_name()
        self.text = w.Text(value=current or "", placeholder="Your name", description="Your name:",
                           continuous_update=False, layout=w.Layout(width="22em"))
        self.button = w.Button(description="Use this name", button_style="primary", icon="check",
                               tooltip="Save your marks under this name")
        self.status = w.HTML()
        self.button.on_click(self.use)
        self.text.observe(self._typed, names="value")
        super().__init__([w.HBox([self.text, self.button]), self.status], **kwargs)
        self.add_class("medialit-name-box")
        self.show(current)

    def show(self, name: str | None, problem: str = "") -> None:
        """Say under the box whose name the marks are saved under (or what went wrong)."""
        where = ("in this page only: type it again if you reload the page" if in_voila()
                 else "it is remembered next time" if not problem else "for now")
        self.status.value = str(render("ui_name_box_status.html.j2", learner=name, problem=problem, where=where))

    def use(self, _button=None) -> None:
        """Use the name in the box (what Enter and the button do)."""
        try:
            name = set_learner_name(self.text.value)
        except (ValueError, TypeError) as exc:
            return self.show(None, str(exc))
        self.text.value = name
        self.show(name, name_problem())

    def _typed(self, change) -> None:
        if change["new"].strip() and change["new"] != learner_name():
            self.use()

    def __repr__(self) -> str:
        return f"NameBox(name={learner_name()!r})"

    def _repr_mimebundle_(self, **kwargs):
        return stable_bundle(self, super()._repr_mimebundle_(**kwargs),
                             render("ui_name_box_static.html.j2", learner=learner_name()))


def name_box() -> NameBox:
    """A box to type the learner's name in, with a button; the widgets of the lesson use that name.

    Pressing Enter in the box or the button sets the name (:func:`medialit.learner.set_learner_name`).
    """
    return NameBox()
