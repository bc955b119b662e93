"""The written-answer box: a learner answers a written task in a few sentences, and it is kept.

The task (its prompt, its article, its rubric) is :mod:`medialit.tasks`; the answer is
saved in the learner's record of the task's article through
:class:`~medialit.annotate.storage.AnnotationStore` (the same file, lock and merge as their
marks), so it is still there after a kernel restart: running the cell again shows it.
It is saved when the learner clicks *Save*, and after a pause in typing
(:data:`PAUSE_SECONDS`). Where no live widget can be shown (a static HTML export,
GitHub, nbval) it shows the task and the saved answer as plain, escaped HTML.
"""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import datetime

import ipywidgets as w

from medialit.annotate.model import RecordError, answer_problem
from medialit.annotate.storage import StorageError
from medialit.articles import seed_article
from medialit.html import render
from medialit.tasks import WrittenTask, task
from medialit.ui.common import StoreListener

__all__ = ["PAUSE_SECONDS", "WrittenAnswer", "written_answer"]

#: Seconds without typing after which the answer is saved by itself.
PAUSE_SECONDS = 3.0

#: Seconds after a click on *Save* during which typed text that reaches the kernel is saved at once.
#: The browser sends the box's text at most one message at a time and holds back the rest until the
#: kernel has answered, while the click travels on its own: the last keys typed before a quick click
#: can reach the kernel just after it. They belong to that click, so they are saved without waiting
#: for the pause.
LATE_TEXT_SECONDS = 3.0


def clock(stamp: str) -> str:
    """When an answer was saved, as the learner's clock shows it (HH:MM); "" if unknown.

    >>> len(clock("2024-03-01T10:15:00+00:00")), clock("")
    (5, '')
    """
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%H:%M")
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


class WrittenAnswer(StoreListener, w.VBox):
    """A text box for one written task, with *Save* and a line saying when it was saved.

    ``box``, ``button`` and ``status`` are its parts; :meth:`save` saves what is in the box.
    """

    def __init__(self, written: WrittenTask, annotator: str | None = None, folder=None,
                 pause: float = PAUSE_SECONDS):
        self.task = written
        self.article = seed_article(written.article_id)
        self.annotator = annotator
        self.pause = pause
        self._timer = None                      # the pending save after a pause (a timer handle)
        self._clicked = float("-inf")           # when Save was last clicked (time.monotonic())
        self._error = ""
        self.box = w.Textarea(placeholder="Write your answer here.", continuous_update=True,
                              layout=w.Layout(width="auto", height="9em"))   # 100% + margins would stick out
        self.button = w.Button(description="Save", button_style="primary", icon="save",
                               tooltip="Save your answer (it is also saved when you stop typing)")
        self.status = w.HTML()
        self._attach(self.article, annotator, folder)
        self.box.value = self._loaded = self.saved_text
        self.button.on_click(self._save_clicked)
        self.box.observe(self._typed, names="value")
        super().__init__([w.HTML(str(render("ui_quiz_head.html.j2", prompt=written.prompt))), self.box,
                          w.HBox([self.button, self.status])], layout=w.Layout(width="100%"))
        self.add_class("medialit-written")
        self._show()

    # -- what is saved ----------------------------------------------------------------------
    @property
    def answer(self):
        """The saved :class:`~medialit.annotate.model.Answer` (None if there is none)."""
        return self.record.answer(self.task.id)

    @property
    def saved_text(self) -> str:
        return self.answer.text if self.answer is not None else ""

    def save(self) -> bool:
        """Save what is in the box; returns whether it was saved (the status line says why not)."""
        self._cancel_timer()
        text = self.box.value
        try:
            self._error = answer_problem(text) or ""
            if not self._error:
                self._loaded = self._need_store().save_answer(self.task.id, text).text
        except (RecordError, ValueError, StorageError, OSError) as exc:
            self._error = str(exc)
        self._show()
        return not self._error

    # -- typing and listening -------------------------------------------------------------------
    def _save_clicked(self, _button=None) -> None:
        self._clicked = time.monotonic()
        self.save()

    def _typed(self, change) -> None:
        self._cancel_timer()
        self._error = answer_problem(change["new"]) or ""
        if not self._error and self.store is not None and time.monotonic() - self._clicked < LATE_TEXT_SECONDS:
            self.save()                         # text typed before the click, arriving after it
            return
        self._show()
        if not self._error and self.store is not None and self.pause is not None:
            self._timer = _later(self.pause, self.save)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _store_changed(self, store, what) -> None:
        # Another notebook's answer, or the answer of the name just typed, replaces the box's text
        # unless the learner has typed something that was never saved (that stays, marked unsaved).
        untouched = self.box.value.strip() in ("", self._loaded)
        if what in ("name", "answer", "refresh") and untouched:
            self.box.value = self._loaded = self.saved_text
        self._show()

    def _unsaved(self) -> bool:
        return self.box.value.strip() != self.saved_text

    def _show(self) -> None:
        saved = self.answer
        problem = self._error or ("" if self.store is not None else (self.problem or
                                  "Type your name in the box at the top first, so your answer can be saved."))
        self.status.value = str(render("ui_written_status.html.j2", problem=problem, unsaved=self._unsaved(),
                                       saved=clock(saved.saved) if saved is not None else ""))

    def close(self) -> None:
        self._cancel_timer()
        super().close()

    # -- output -------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"WrittenAnswer({self.task.id!r}, saved={self.answer is not None})"

    def static_html(self) -> str:
        """The task and the saved answer, escaped (what a static view shows)."""
        saved = self.answer
        return str(render("ui_written_static.html.j2", prompt=self.task.prompt, answer=self.saved_text,
                          learner=self.record.annotator, saved=clock(saved.saved) if saved is not None else ""))


def _later(delay: float, action):
    """Call ``action`` after ``delay`` seconds: on the kernel's event loop when there is one (a widget's
    callback runs on it, so the save runs in the kernel's own thread), else on a timer thread.
    The result has ``cancel()``."""
    try:
        return asyncio.get_running_loop().call_later(delay, action)
    except RuntimeError:                        # no running loop (plain Python, a test)
        timer = threading.Timer(delay, action)
        timer.daemon = True
        timer.start()
        return timer


def written_answer(task_id: str, annotator: str | None = None, folder=None, *,
                   pause: float | None = PAUSE_SECONDS) -> WrittenAnswer:
    """A box to answer the written task ``task_id`` in; the answer is saved with the learner's marks.

    ``annotator`` defaults to the name typed in the name box; ``folder`` to the annotations folder;
    ``pause`` is how many seconds without typing save the answer by itself (None: only *Save* saves).

    >>> written_answer("05-w-no-such-task")
    Traceback (most recent call last):
    ...
    KeyError: "no written task '05-w-no-such-task'; check the spelling of the task id"
    """
    return WrittenAnswer(task(task_id), annotator, folder, pause=pause)
