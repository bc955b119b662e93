"""The sentence tagger: tag an article sentence by sentence, with buttons only (:class:`SentenceTagger`).

Keyboard and screen-reader friendly: one toggle per sentence label, Previous and
Next to move. It saves into the same record as :class:`medialit.ui.annotator.SpanAnnotator`
(a sentence label is a span of scope ``"sentence"`` over the whole sentence), so the
two widgets stay in sync. All text reaches the page through templates that escape it.
"""

from __future__ import annotations

import ipywidgets as widgets

from medialit.annotate.model import RecordError
from medialit.annotate.storage import StorageError
from medialit.articles import Article, ArticleError
from medialit.alignment import overlaps
from medialit.html import render
from medialit.learner import NO_NAME_MESSAGE
from medialit.ui.common import StoreListener, article_key, article_title, label_tooltip, resolve_article, short_id
from medialit.vocabulary import LABEL_COLOURS, SENTENCE_LABELS, SPAN_LABELS


class SentenceTagger(StoreListener, widgets.VBox):
    """Tag an article sentence by sentence, with buttons only (keyboard and screen reader friendly).

    ``Previous`` / ``Next`` move between sentences; one toggle per sentence label
    (attribution, hedge, booster, speculation, opinion) switches that label on or
    off for the sentence. Saved at once, in the same record as :class:`SpanAnnotator`.
    """

    def __init__(self, article_or_id: Article | str, annotator: str | None = None, folder=None, **kwargs):
        article = resolve_article(article_or_id)
        if not article.sentences:
            raise ArticleError("this article has no sentences to tag")
        self.article = article
        self.article_id = article_key(article)
        self.title = article_title(article)
        self._attach(article, annotator, folder)
        self.index = 0
        self._updating = False
        self._error = ""

        self.prev_button = widgets.Button(description="Previous", icon="arrow-left",
                                          tooltip="Go to the previous sentence")
        self.next_button = widgets.Button(description="Next", icon="arrow-right",
                                          tooltip="Go to the next sentence")
        self.progress = widgets.Label(value="")
        self.sentence_view = widgets.HTML(value="")
        self.others_view = widgets.HTML(value="")
        self.messages_view = widgets.HTML(value="")
        self.toggles: dict[str, widgets.ToggleButton] = {}
        for label in SENTENCE_LABELS:
            t = widgets.ToggleButton(value=False, description=label, tooltip=label_tooltip(label),
                                     layout=widgets.Layout(width="auto"))
            t.observe(self._toggled, names="value")
            self.toggles[label] = t
        self.prev_button.on_click(lambda _b: self.go(self.index - 1))
        self.next_button.on_click(lambda _b: self.go(self.index + 1))
        nav = widgets.HBox([self.prev_button, self.next_button, self.progress])
        tags = widgets.HBox(list(self.toggles.values()), layout=widgets.Layout(flex_flow="row wrap"))
        self.heading = widgets.HTML(value=self._heading_html())
        super().__init__([self.heading, self.messages_view, nav, self.sentence_view, tags, self.others_view],
                         **kwargs)
        self.add_class("medialit-sentence-tagger")
        self._show()

    @property
    def annotator(self) -> str:
        """The learner's name ("" while there is none)."""
        return self.store.annotator if self.store is not None else ""

    def _heading_html(self) -> str:
        return str(render("ui_tagger_heading.html.j2", article_id=self.article_id, title=self.title,
                          annotator=self.annotator))

    @property
    def sentence(self):
        return self.article.sentences[self.index]

    def go(self, index: int) -> None:
        """Show sentence ``index`` (counted from 0; clamped to the article)."""
        self.index = max(0, min(index, len(self.article.sentences) - 1))
        self._show()

    def _show(self) -> None:
        s = self.sentence
        total = len(self.article.sentences)
        where = f"paragraph {s.paragraph}" if s.paragraph is not None else ("the headline" if s.part == "headline"
                                                                             else "the subheadline")
        self.progress.value = f"Sentence {self.index + 1} of {total}, {where}"
        self.sentence_view.value = str(render("ui_tagger_sentence.html.j2", text=s.text))
        self.prev_button.disabled = self.index == 0
        self.next_button.disabled = self.index == total - 1
        self._refresh_toggles()

    def _refresh_toggles(self) -> None:
        s = self.sentence
        on = {sp.label for sp in self.record.spans
              if sp.scope == "sentence" and (sp.start, sp.end) == (s.start, s.end)}
        self._updating = True
        try:
            for label, t in self.toggles.items():
                t.value = label in on
                t.icon = "check" if label in on else ""
                t.button_style = "info" if label in on else ""
        finally:
            self._updating = False
        words = sorted((sp for sp in self.record.spans
                        if sp.scope == "span" and overlaps((sp.start, sp.end), (s.start, s.end))),
                       key=lambda sp: sp.start)
        self.others_view.value = str(render("ui_tagger_words.html.j2",
                                            words=[(sp.label, self.article.text[sp.start:sp.end]) for sp in words]))
        notes = list(self.store.messages) if self.store is not None else [self.problem or NO_NAME_MESSAGE]
        errors = [self._error] if self._error and self._error not in notes else []
        self.messages_view.value = str(render("ui_messages.html.j2", errors=errors, notes=notes))

    def _toggled(self, change) -> None:
        if self._updating:
            return
        s = self.sentence
        label = next(lab for lab, t in self.toggles.items() if t is change["owner"])
        try:
            self._need_store().toggle_sentence_label(s.start, s.end, label)
        except (StorageError, RecordError, ValueError, OSError) as exc:
            self._error = str(exc)            # shown at the top; the toggle goes back to what is saved
            self._refresh_toggles()
        else:
            if self._error:
                self._error = ""
                self._refresh_toggles()

    def _store_changed(self, store, what) -> None:
        if what == "name":
            self.heading.value = self._heading_html()
        self._refresh_toggles()

    def __repr__(self) -> str:
        return (f"SentenceTagger(article={short_id(self.article_id)!r}, annotator={self.annotator!r}, "
                f"sentence={self.index + 1}/{len(self.article.sentences)})")

    def static_html(self) -> str:
        """Every sentence with the labels the learner gave it, escaped (for static views)."""
        by_sentence: dict[tuple[int, int], list[str]] = {}
        for sp in self.record.spans:
            if sp.scope == "sentence":
                by_sentence.setdefault((sp.start, sp.end), []).append(sp.label)
        rows = [(s.text, sorted(by_sentence.get((s.start, s.end), []), key=SPAN_LABELS.index))
                for s in self.article.sentences]
        return str(render("ui_tagger_static.html.j2", annotator=self.annotator, title=self.title, rows=rows,
                          colours=LABEL_COLOURS))
