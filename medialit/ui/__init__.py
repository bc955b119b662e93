"""The kit's widgets, apart from its logic: importing this package loads ipywidgets and anywidget.

Every widget is a plain class; the logic it shows lives below it (the record and its
store in :mod:`medialit.annotate`, the name in :mod:`medialit.learner`, questions in
:mod:`medialit.selfcheck`, text intake in :mod:`medialit.own_article`), so those
modules import without any GUI library.

- :class:`SpanAnnotator` (``annotator``): mark stretches of an article with the mouse.
- :class:`SentenceTagger` (``tagger``): tag an article sentence by sentence, with buttons.
- :func:`name_box` (``name_box``): the box the learner types their name in.
- :func:`quiz` (``quiz``): one multiple-choice question with its verdict (every choice is saved).
- :func:`written_answer` (``written``): a box to answer a written task in; the answer is saved.
- :func:`own_article_picker` (``picker``): paste or upload one's own article, then mark it.
- ``common``: what they share (the learner's store, stable output, the static HTML copy).

>>> from medialit.ui import SpanAnnotator, name_box
>>> SpanAnnotator.__module__
'medialit.ui.annotator'
"""

from medialit.ui.annotator import SpanAnnotator
from medialit.ui.common import article_title, stable_bundle, static_html
from medialit.ui.name_box import NameBox, name_box
from medialit.ui.picker import OwnArticlePicker, OwnSpanAnnotator, PasteBox, own_article_picker
from medialit.ui.quiz import Quiz, quiz
from medialit.ui.tagger import SentenceTagger
from medialit.ui.written import WrittenAnswer, written_answer

__all__ = ["SpanAnnotator", "SentenceTagger", "NameBox", "name_box", "Quiz", "quiz", "OwnArticlePicker",
           "OwnSpanAnnotator", "PasteBox", "own_article_picker", "article_title", "stable_bundle", "static_html",
           "WrittenAnswer", "written_answer"]
