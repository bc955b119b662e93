"""Lesson 6's picker: paste or upload an article of one's own, then mark it.

In a notebook::

    from medialit.ui import name_box, own_article_picker
    name_box()                      # the learner types their name once
    picker = own_article_picker()   # the marking tool follows that name
    picker

shows a box to paste the text into, a button to upload a ``.txt`` file and a button
for an invented example. Once a text is accepted, the picker shows what the kit found
on the page, a marking tool (:class:`OwnSpanAnnotator`) and, folded away until the
learner has marked the text, the detector's reading. ``picker.article``,
``picker.analysis`` and ``picker.annotator_widget`` hold them for the cells below.

Reading the text (limits, encodings, friendly errors) is :mod:`medialit.own_article`;
this module is only the widgets. All text reaches the page through templates that escape it.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w

from medialit.articles import MAX_CHARS, Article, replace_lone_surrogates
from medialit.detect import analyze
from medialit.html import render
from medialit.learner import NO_NAME_MESSAGE, learner_name
from medialit.own_article import (NO_KEY_MESSAGE, OwnArticleError, article_from_bytes, article_from_text, describe,
                                  example_article)
from medialit.report import show as report_view
from medialit.ui.annotator import SpanAnnotator
from medialit.ui.common import stable_bundle
from medialit.wording import plural

__all__ = ["ENCODING_NAMES", "OwnSpanAnnotator", "PasteBox", "OwnArticlePicker", "own_article_picker"]

#: How the picker names the encoding a file was read in (``Article.encoding``).
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (the file starts with a byte-order mark)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 without a byte-order mark (little-endian)",
    "utf-16-be": "UTF-16 without a byte-order mark (big-endian)",
    "cp1252": "Windows-1252, an older Windows encoding: check that quotation marks, dashes and accents look right",
    "str": "pasted text",
}


class OwnSpanAnnotator(SpanAnnotator):
    """The kit's SpanAnnotator for a text without an answer key: "Check my work" says so."""

    def check_my_work(self):
        self.feedback = None
        self.feedback_message = f"You have made {plural(len(self.record.spans), 'mark')}. " + NO_KEY_MESSAGE
        return None


class PasteBox(w.Textarea):
    """The paste box: a lone surrogate (half of an emoji, which some copying leaves behind)
    becomes "�" as the text arrives, one for one. Without this the kernel cannot echo the
    text back (it is not valid UTF-8) and the box's text never reaches the kernel.
    ``broken`` counts the characters replaced since the box's text was last used."""

    broken = 0

    def set_state(self, sync_data):
        value = sync_data.get("value")
        if isinstance(value, str):
            clean, n = replace_lone_surrogates(value)
            if n:
                self.broken += n
                sync_data = {**sync_data, "value": clean}
        super().set_state(sync_data)


class OwnArticlePicker(w.VBox):
    """Paste or upload a text; once accepted, show what the kit found, the marking tool and the detector.

    :meth:`use_text` and :meth:`use_bytes` are what the box's button and the upload
    button call; they return the Article, or ``None`` after showing a friendly message.
    """

    def __init__(self, annotator: str | None = None, folder=None, **kwargs):
        self.annotator = annotator
        self.folder = folder
        self.article: Article | None = None
        self.analysis = None
        self.annotator_widget = None
        self.problem = ""                # the last friendly error message, as plain text
        intro = w.HTML(str(render("ui_picker_intro.html.j2", max_chars=MAX_CHARS)))
        self.textarea = PasteBox(placeholder="Headline\n\nFirst paragraph…\n\nSecond paragraph…",
                                 layout=w.Layout(width="100%", height="12em"))
        self.use_button = w.Button(description="Use this text", button_style="primary", icon="check",
                                   tooltip="Read the text in the box as an article")
        self.upload = w.FileUpload(accept=".txt,text/plain", multiple=False, description="Upload .txt",
                                   tooltip="Upload a plain-text file with one article")
        self.example_button = w.Button(description="Try the example", icon="book",
                                       tooltip="Use a short invented article")
        self.message = w.HTML("")
        self.result = w.VBox([])
        self.use_button.on_click(lambda _b: self._use_box())
        self.example_button.on_click(lambda _b: self.use_example())
        self.upload.observe(self._uploaded, names="value")
        buttons = w.HBox([self.use_button, self.upload, self.example_button])
        super().__init__([intro, self.textarea, buttons, self.message, self.result], **kwargs)
        self.add_class("medialit-own-article")

    # -- input ----------------------------------------------------------------------
    def use_text(self, text: str) -> Article | None:
        """Accept pasted text (what the "Use this text" button does)."""
        try:
            article = article_from_text(text)
        except OwnArticleError as exc:
            return self._refuse(str(exc))
        return self._accept(article, "the text from the box")

    def _use_box(self) -> Article | None:
        """What the "Use this text" button does: use the box's text, saying if broken characters were replaced."""
        broken, self.textarea.broken = self.textarea.broken, 0
        try:
            article = article_from_text(self.textarea.value)
        except OwnArticleError as exc:
            return self._refuse(str(exc))
        if broken:
            article = replace(article, notes=(*article.notes, f"{plural(broken, 'broken character')}"
                              f" (half of an emoji or symbol, lost in copying) "
                              f"{'were' if broken != 1 else 'was'} replaced with \ufffd"))
        return self._accept(article, "the text from the box")

    def use_bytes(self, data: bytes, name: str = "") -> Article | None:
        """Accept an uploaded file's bytes (what the upload button does)."""
        try:
            article = article_from_bytes(data, name)
        except OwnArticleError as exc:
            return self._refuse(f"{name + ': ' if name else ''}{exc}")
        return self._accept(article, f"the file “{name}”" if name else "the file")

    def use_example(self) -> Article | None:
        """Accept the kit's invented example article."""
        return self._accept(example_article(), "the invented example (not a real article)")

    def article_or_example(self) -> Article:
        """The accepted article; the example is accepted first if there is none yet."""
        if self.article is None:
            self.use_example()
        if self.article is None:        # e.g. no usable name: say why, in the picker's words
            raise OwnArticleError(self.problem)
        return self.article

    def marking_tool(self):
        """The marking tool of the current article (the example if none was accepted)."""
        self.article_or_example()
        return self.annotator_widget

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        f = files[0]
        name = str(f.get("name", "")) if isinstance(f, dict) else str(getattr(f, "name", ""))
        content = f.get("content") if isinstance(f, dict) else getattr(f, "content", b"")
        try:
            data = bytes(content)
        except TypeError:
            data = b""
        self.use_bytes(data, name)
        self.upload.value = ()   # so the same file can be uploaded again after a change

    # -- output ---------------------------------------------------------------------
    def _refuse(self, message: str) -> None:
        """Show a friendly message (plain text) instead of a result; ``problem`` keeps it."""
        self.problem = message
        self.message.value = str(render("ui_picker_alert.html.j2", message=message))
        return None

    def _accept(self, article: Article, what: str) -> Article | None:
        old = self.annotator_widget
        try:
            if old is not None and old.article.text == article.text:
                marking = old          # the same text again: keep the same marking tool
            else:
                marking = OwnSpanAnnotator(article, self.annotator, folder=self.folder)
        except (ValueError, TypeError):  # an unusable name given in code; None follows the name box
            return self._refuse(f"{NO_NAME_MESSAGE} (The name given to the picker cannot be used.)")
        try:
            analysis = analyze(article)
        except Exception as exc:  # the detector must never stop a learner's lesson
            analysis = None
            detector = w.HTML(str(render("ui_picker_detector_failed.html.j2", error=type(exc).__name__)))
        else:
            detector = w.HTML(report_view(analysis)._repr_html_())
        if old is not None and old is not marking:
            old.close()
        self.article, self.analysis, self.annotator_widget = article, analysis, marking
        notes = [n[:1].upper() + n[1:] for n in article.notes
                 if not n.startswith("read as UTF-16")]   # the encoding is named already
        self.message.value = str(render(
            "ui_picker_accepted.html.j2", what=what, length=len(article.text), article_id=article.id, notes=notes,
            read_as="" if article.encoding == "str" else ENCODING_NAMES.get(article.encoding, article.encoding)))
        summary = w.HTML(str(render("ui_picker_summary.html.j2", description=describe(article))))
        fold = w.Accordion(children=[detector], titles=("The detector's reading (open it after "
                                                        "marking the text yourself)",))
        fold.selected_index = None
        self.summary, self.detector_view = summary, fold
        self.result.children = [summary, marking, fold]
        return article

    def __repr__(self) -> str:
        state = f"article={self.article.id!r}" if self.article is not None else "no article yet"
        who = self.annotator if self.annotator is not None else learner_name()
        return f"OwnArticlePicker(annotator={who!r}, {state})"

    def _repr_mimebundle_(self, **kwargs):
        return stable_bundle(self, super()._repr_mimebundle_(**kwargs))


def own_article_picker(annotator: str | None = None, *, folder=None) -> OwnArticlePicker:
    """The paste/upload widget of lesson 6; see :class:`OwnArticlePicker`.

    With ``annotator=None`` (the lessons' way) the marking tool follows the name typed in
    :func:`medialit.ui.name_box` and asks for it until there is one; a string fixes the name.
    """
    return OwnArticlePicker(annotator, folder=folder)
