"""The span annotator: mark stretches of an article with the mouse (:class:`SpanAnnotator`).

It works on the same :class:`~medialit.annotate.storage.AnnotationStore` as
:class:`medialit.ui.tagger.SentenceTagger`
(one per learner and article): every change is saved to disk at once and every
widget open on that learner and article is told about it, so two widgets stay in
sync and a kernel restart, a closed tab or a crashed browser loses nothing.

How :class:`SpanAnnotator` talks to the browser
-----------------------------------------------
Python -> browser, as synced traits (offsets in **UTF-16 code units**, the
browser's unit; Python keeps **code points**, see :class:`OffsetMap`):

``article_text``, ``parts`` (the page's parts with a caption each), ``spans``,
``relations``, ``cues`` (detector overlay), ``feedback`` (the "check my work"
result: :meth:`medialit.feedback.Feedback.to_dict` of the part revealed so far, with
``reveal``: how many steps are shown of how many, where, and what comes next), ``messages`` (store warnings), ``status`` (what was saved last), and per
label its colour, tooltip and key (``label_colors``, ``label_help``, ``label_keys``,
from :mod:`medialit.vocabulary`).

Browser -> Python, as custom messages ``{"action": ..., "req": n, ...}``:
``add`` (start, end in UTF-16, label), ``update`` (id, label and/or note),
``remove`` (id), ``link`` / ``unlink`` (source, claim), ``undo``, ``check`` (compare the
marks with the key again, as far as revealed), ``check_next`` (reveal one paragraph more) and
``refresh`` (re-read the file: the answer has ``added``, ``removed`` and ``status``).
Every message is answered with ``{"type": "ack", "req": n, "ok": bool, ...}``
after the change is on disk; ``ok: false`` comes with ``error``, one plain line (e.g.
the disk is full: the change was not kept). ``show_detector`` is a two-way trait.

Whose marks: ``annotator="Ada"`` fixes the name; without it the widget follows the
name typed in :func:`medialit.ui.name_box` (and re-opens its marks when the name
changes). Until a name is typed it shows "Type your name in the box at the top first."
and saves nothing.

How much "Check my work" reveals
---------------------------------
The key is shown a part at a time (:func:`medialit.feedback.reveal_steps`): the first check
shows the headline, the subheadline and paragraph 1; "Next paragraph" adds one paragraph. A
teacher who wants the whole key at once passes ``reveal="all"`` or sets the environment variable
``MEDIALIT_REVEAL=all`` before starting Jupyter (``reveal="paragraph"``, the default, is the
step-by-step way). A test passes ``reveal="held"``: "Check my work" and the detector's cues say
they are held back (:data:`HELD_MESSAGE`) until the learner has finished and shows their feedback
in a later cell, as the post-test notebook does. The browser cannot ask for everything at once.

Article and learner text reach the page only as DOM text nodes (the ES module
never uses ``innerHTML``); the static HTML fallback escapes everything.
"""

from __future__ import annotations

import os
import pathlib
import time
from typing import Any

import anywidget
import traitlets

from medialit.annotate.model import OffsetMap, RecordError
from medialit.annotate.safefiles import save_error
from medialit.answer_key import AnswerKeyError
from medialit.articles import Article
from medialit.detect import analyze
from medialit.feedback import learner_feedback, reveal_steps
from medialit.learner import NO_NAME_MESSAGE
from medialit.ui.common import (StoreListener, article_key, article_title, label_tooltip, part_caption,
                                resolve_article, short_id, static_html)
from medialit.vocabulary import LABEL_COLOURS, LABEL_KEYS, SPAN_LABELS
from medialit.wording import plural

STATIC = pathlib.Path(__file__).parent / "static"
#: The teacher's setting for "Check my work" when no ``reveal=`` is given: "paragraph" or "all"
#: ("held": no feedback in the widget, for a test).
REVEAL_ENV = "MEDIALIT_REVEAL"
REVEAL_MODES = ("paragraph", "all", "held")
#: What "Check my work" and the detector say during a test (``reveal="held"``).
HELD_MESSAGE = ("This is a test, so there is no feedback while you work. When you have finished, "
                "or when your teacher says so, run the feedback cell below to compare your marks with the expert answer key.")


def reveal_mode(reveal: str | None = None) -> str:
    """``reveal`` if given, else the environment variable ``MEDIALIT_REVEAL``, else "paragraph".

    >>> reveal_mode("all"), reveal_mode("paragraph")
    ('all', 'paragraph')
    """
    mode = (reveal or os.environ.get(REVEAL_ENV) or "paragraph").strip().lower()
    if mode not in REVEAL_MODES:
        raise ValueError(f"reveal must be 'paragraph', 'all' or 'held' (got {mode!r}; check {REVEAL_ENV} too)")
    return mode


class SpanAnnotator(StoreListener, anywidget.AnyWidget):
    """Mark stretches of an article with the mouse and give each a label.

    ``SpanAnnotator("000", "Ada")`` opens a seed article; any :class:`Article`
    works too. Select text, then press a label's number key (1-7) or click its
    button (the keys are :data:`medialit.vocabulary.LABEL_KEYS`). Click a mark to relabel it, add a note, link it to its source or
    delete it; Ctrl+Z (Cmd+Z) undoes. Everything is saved at once.
    """

    _esm = STATIC / "span_annotator.js"
    _css = STATIC / "span_annotator.css"

    article_id = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)    # the headline, shortened (the id goes in a tooltip)
    annotator = traitlets.Unicode("").tag(sync=True)
    article_text = traitlets.Unicode("").tag(sync=True)
    parts = traitlets.List().tag(sync=True)
    no_byline = traitlets.Bool(False).tag(sync=True)
    labels = traitlets.List(list(SPAN_LABELS)).tag(sync=True)
    label_help = traitlets.Dict({label: label_tooltip(label) for label in SPAN_LABELS}).tag(sync=True)
    label_colors = traitlets.Dict(LABEL_COLOURS).tag(sync=True)
    label_keys = traitlets.Dict(LABEL_KEYS).tag(sync=True)       # the key that gives a selection each label
    spans = traitlets.List().tag(sync=True)
    relations = traitlets.List().tag(sync=True)
    messages = traitlets.List().tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    show_detector = traitlets.Bool(False).tag(sync=True)
    cues = traitlets.List().tag(sync=True)
    detector_message = traitlets.Unicode("").tag(sync=True)
    feedback = traitlets.Dict(allow_none=True, default_value=None).tag(sync=True)
    feedback_message = traitlets.Unicode("").tag(sync=True)

    def __init__(self, article_or_id: Article | str, annotator: str | None = None, folder=None,
                 show_detector: bool = False, reveal: str | None = None, **kwargs):
        article = resolve_article(article_or_id)
        self.reveal = reveal_mode(reveal)
        self.revealed_steps = 0            # how many steps of the key "Check my work" has shown
        self.shown_feedback = None         # the Feedback as last shown (the revealed part)
        self.article = article
        self._attach(article, annotator, folder)
        self.offsets = OffsetMap(article.text)
        self._analysis = None
        super().__init__(
            article_id=article_key(article), title=article_title(article), article_text=article.text,
            parts=self._parts_payload(), no_byline=article.byline is None, **kwargs)
        self._sync_from_store()
        self.on_msg(self._on_msg)
        self.observe(self._detector_toggled, names="show_detector")
        if show_detector:
            self.show_detector = True

    # -- payloads -------------------------------------------------------------------
    def _parts_payload(self) -> list[dict]:
        to16 = self.offsets.to_utf16
        return [{"kind": p.kind, "start": to16(p.start), "end": to16(p.end), "paragraph": p.paragraph,
                 "caption": part_caption(self.article, p), "reason": p.reason}
                for p in self.article.parts]

    def _span_payload(self, s) -> dict:
        to16 = self.offsets.to_utf16
        return {"id": s.id, "start": to16(s.start), "end": to16(s.end), "label": s.label,
                "note": s.note, "scope": s.scope}

    def _sync_from_store(self) -> None:
        rec, store = self.record, self.store
        with self.hold_sync():
            self.spans = [self._span_payload(s) for s in sorted(rec.spans, key=lambda s: (s.start, s.end))]
            self.relations = [{"type": r.type, "source": r.source, "claim": r.claim} for r in rec.relations]
            if store is None:
                self.annotator = ""
                self.messages = [self.problem or NO_NAME_MESSAGE]
                self.status = self.problem or NO_NAME_MESSAGE
                return
            self.annotator = store.annotator
            self.messages = list(store.messages)
            n = len(rec.spans)
            saved = (f"Saved: {plural(n, 'mark')} in {store.path.name}"
                     if store.path.exists() else "Nothing marked yet.")
            self.status = f"{store.news} {saved}" if store.news else saved

    def _store_changed(self, store, what) -> None:
        self._sync_from_store()

    # -- browser messages --------------------------------------------------------------
    def _on_msg(self, _widget, content, buffers=None) -> None:
        if not isinstance(content, dict):
            return
        reply: dict[str, Any] = {"type": "ack", "req": content.get("req"), "view": content.get("view")}
        try:
            reply.update(self.handle_action(content) or {})
            reply["ok"] = True
        except (RecordError, ValueError, KeyError, TypeError) as exc:
            reply["ok"] = False
            reply["error"] = str(exc).strip("'\"")
        except OSError as exc:  # the disk said no (a StorageError, or a raw OSError): the change was not kept
            reply["ok"] = False
            reply["error"] = str(save_error(exc, self.store.path)) if self.store is not None else str(exc)
            self._sync_from_store()
        t0 = content.get("t0")
        if isinstance(t0, (int, float)):
            reply["kernel_ms"] = round(time.time() * 1000 - t0, 1)
        self.send(reply)

    def handle_action(self, msg: dict) -> dict | None:
        """Apply one browser message to the store (offsets in ``msg`` are UTF-16)."""
        action = msg.get("action")
        if action == "check":
            self.check_my_work()
            return None
        if action == "check_next":
            self.check_my_work(more=True)
            return None
        store = self._need_store()
        if action == "refresh":
            added, removed = store.refresh()
            self._sync_from_store()
            if not (added or removed):
                self.status = "No new marks from other notebooks. " + self.status
            return {"added": added, "removed": removed, "status": self.status}
        if action == "add":
            start, end = self._range_from_browser(msg["start"], msg["end"])
            span = store.add_span(start, end, str(msg["label"]), str(msg.get("note") or ""))
            return {"id": span.id}
        if action == "update":
            changes = {}
            if "label" in msg:
                changes["label"] = str(msg["label"])
            if "note" in msg:
                changes["note"] = str(msg["note"] or "")
            span = store.update_span(str(msg["id"]), **changes)
            return {"id": span.id}
        if action == "remove":
            store.remove_span(str(msg["id"]))
            return None
        if action == "link":
            store.link(str(msg["source"]), str(msg["claim"]))
            return None
        if action == "unlink":
            store.unlink(str(msg["source"]), str(msg["claim"]))
            return None
        if action == "undo":
            return {"undone": store.undo()}
        raise ValueError(f"unknown action {action!r}")

    def _range_from_browser(self, start16, end16) -> tuple[int, int]:
        """UTF-16 offsets from the browser -> code points, without surrounding whitespace."""
        start, end = self.offsets.to_cp(start16), self.offsets.to_cp(end16)
        if end < start:
            start, end = end, start
        text = self.article.text
        while start < end and (text[start].isspace() or text[start] in "\u200b\ufeff"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\u200b\ufeff"):
            end -= 1
        if start >= end:
            raise ValueError("select some words of the article first")
        return start, end

    # -- detector overlay -----------------------------------------------------------------
    def _detector_toggled(self, change) -> None:
        if change["new"] and self.reveal == "held":
            self.cues = []
            self.detector_message = HELD_MESSAGE
        elif change["new"]:
            self._load_cues()

    def _load_cues(self) -> None:
        if self._analysis is None:
            try:
                self._analysis = analyze(self.article)
            except Exception as exc:  # the detector is someone else's code: report, never crash
                self.cues = []
                self.detector_message = f"The detector could not analyse this article: {exc}"
                return
        to16 = self.offsets.to_utf16
        cues = []
        for c in getattr(self._analysis, "cues", []) or []:
            cues.append({"start": to16(c.start), "end": to16(c.end), "label": str(getattr(c, "label", "")),
                         "rule": str(getattr(c, "rule", "")), "explanation": str(getattr(c, "explanation", "")),
                         "voice": str(getattr(c, "voice", ""))})
        self.cues = cues
        n = len(cues)
        self.detector_message = (f"The detector marked {plural(n, 'signal word')}. "
                                 "Point at a dotted underline to read why. It can be wrong: argue with it!")

    # -- check my work ----------------------------------------------------------------------
    def check_my_work(self, more: bool = False) -> dict | None:
        """Compare the learner's marks with the expert key; the part revealed so far goes to ``feedback``
        (``more`` reveals one paragraph more; with ``reveal="all"`` everything is shown; with
        ``reveal="held"`` nothing: a test gives its feedback when the learner has finished)."""
        if self.reveal == "held":
            self.feedback = None
            self.feedback_message = HELD_MESSAGE
            return None
        try:
            full = learner_feedback(self.record, self.article, with_detector=False)
            steps = max(1, self.revealed_steps + (1 if more else 0))
            shown = full.revealed(None if self.reveal == "all" else steps)
            self.revealed_steps = shown.reveal["shown"]
            self.shown_feedback = shown
            data = shown.to_dict()
        except AnswerKeyError:
            self.feedback = None
            self.feedback_message = ("There is no expert answer key for this text, so Check my work cannot "
                                     "compare your marks with one. Tick “detector” to compare them with the "
                                     "detector's instead.")
            return None
        except Exception as exc:  # keep the widget alive and say what went wrong
            self.feedback = None
            self.feedback_message = f"Feedback could not be made for this article: {exc}"
            return None
        to16 = self.offsets.to_utf16
        for lab in data.get("labels", []) + [{"items": data.get("mixups", [])}]:
            for item in lab.get("items", []):
                if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                    item["start16"], item["end16"] = to16(item["start"]), to16(item["end"])
        self.feedback_message = ""
        self.feedback = data
        return data

    @property
    def revealed(self) -> list:
        """The places (part names, paragraph numbers) "Check my work" has shown so far."""
        if self.shown_feedback is None or self.shown_feedback.key is None:
            return []
        return [p for step in reveal_steps(self.shown_feedback.key)[:self.revealed_steps] for p in step]

    # -- Python-side conveniences ----------------------------------------------------------
    def __repr__(self) -> str:
        return (f"SpanAnnotator(article={short_id(self.article_id)!r}, annotator={self.annotator!r}, "
                f"spans={len(self.record.spans)})")

    def static_html(self) -> str:
        n = len(self.record.spans)
        title = (f"Marks of {self.annotator} on “{self.title}” ({plural(n, 'mark')}); "
                 "a static copy: run the notebook to edit them.") if self.store is not None else \
            f"{self.problem or NO_NAME_MESSAGE} (a static copy: run the notebook to mark the text.)"
        return static_html(self.article, self.record, title=title)
