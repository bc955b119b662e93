"""Annotation widgets: mark spans with the mouse (:class:`SpanAnnotator`) or tag
sentences with the keyboard (:class:`SentenceTagger`).

Both widgets work on the same :class:`~medialit.annotate.storage.AnnotationStore`
(one per learner and article): every change is saved to disk at once and every
widget open on that learner and article is told about it, so two widgets stay in
sync and a kernel restart, a closed tab or a crashed browser loses nothing.

How :class:`SpanAnnotator` talks to the browser
-----------------------------------------------
Python -> browser, as synced traits (offsets in **UTF-16 code units**, the
browser's unit; Python keeps **code points**, see :class:`OffsetMap`):

``article_text``, ``parts`` (the page's parts with a caption each), ``spans``,
``relations``, ``cues`` (detector overlay), ``feedback`` (the "check my work"
result), ``messages`` (store warnings), ``status`` (what was saved last).

Browser -> Python, as custom messages ``{"action": ..., "req": n, ...}``:
``add`` (start, end in UTF-16, label), ``update`` (id, label and/or note),
``remove`` (id), ``link`` / ``unlink`` (source, claim), ``undo``, ``check`` and
``refresh`` (re-read the file: the answer has ``added``, ``removed`` and ``status``).
Every message is answered with ``{"type": "ack", "req": n, "ok": bool, ...}``
after the change is on disk; ``ok: false`` comes with ``error``, one plain line (e.g.
the disk is full: the change was not kept). ``show_detector`` is a two-way trait.

Whose marks: ``annotator="Ada"`` fixes the name; without it the widget follows the
name typed in :func:`medialit.learner.name_box` (and re-opens its marks when the name
changes). Until a name is typed it shows "Type your name in the box at the top first."
and saves nothing.

Article and learner text reach the page only as DOM text nodes (the ES module
never uses ``innerHTML``); the static HTML fallback escapes everything.
"""

from __future__ import annotations

import html
import pathlib
import time
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from medialit.annotate.model import SPAN_LABELS, AnnotationRecord, OffsetMap, RecordError
from medialit.annotate.safefiles import save_error
from medialit.annotate.storage import AnnotationStore, StorageError, sanitize_name
from medialit.learner import NO_NAME_MESSAGE, learner_name
from medialit.learner import subscribe as follow_name
from medialit.articles import Article, ArticleError, seed_article
from medialit.vocabulary import SENTENCE_LABELS

_STATIC = pathlib.Path(__file__).parent / "static"

#: One line per label, shown as the tooltip of its button (from the annotation guide).
LABEL_HELP = {
    "attribution": "Says where information comes from: said, told, reported, according to, (Reuters).",
    "hedge": "Lowers commitment to a claim: perhaps, maybe, could, might, seems, likely, reportedly.",
    "booster": "Raises commitment without giving evidence: obviously, clearly, of course, certainly.",
    "speculation": "A claim about what the writer cannot know: the future, hidden motives, secret deals.",
    "opinion": "The writer judges or prescribes in their own voice: should, ought to, in my view.",
    "loaded": "Emotionally charged word choice: slammed, regime, disastrous.",
    "source": "Who the information comes from: a person, an institution, an outlet, "
              "an anonymous or a vague source.",
}

#: Colours per label (Okabe-Ito, readable for colour-blind learners); the JS module uses the same.
LABEL_COLORS = {
    "attribution": "#0072B2", "hedge": "#E69F00", "booster": "#D55E00", "speculation": "#CC79A7",
    "opinion": "#009E73", "loaded": "#B8A200", "source": "#56B4E9",
}

_CAPTIONS = {
    "headline": "Headline",
    "dek": "Subheadline (dek)",
    "date": "Date",
    "byline": "Byline",
    "related": "Related story (a link to another article)",
    "boilerplate": "Website text, not part of the article",
}


# ---------------------------------------------------------------------------
# Offsets: Python code points <-> browser UTF-16 code units
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

def _resolve_article(article_or_id: Article | str) -> Article:
    if isinstance(article_or_id, Article):
        return article_or_id
    if isinstance(article_or_id, str):
        return seed_article(article_or_id)
    raise TypeError("give an Article (from medialit.parse_article or load_article) or a seed id such as '000'")


def _article_id(article: Article) -> str:
    return article.id or f"text_{article.sha256[:12]}"


def _short_id(article_id: str) -> str:
    return article_id if len(article_id) <= 8 else article_id[:7] + "…"


def article_title(article: Article, n: int = 70) -> str:
    """What a widget calls the article: its headline (or else its first line), on one line and
    shortened; "Your text" when there is neither.

    >>> from medialit import parse_article
    >>> article_title(parse_article("Moon base plans leaked\\n\\nThe agency said so. It did."))
    'Moon base plans leaked'
    >>> article_title(parse_article("Perhaps it rains. " * 20), n=30)
    'Perhaps it rains. Perhaps it …'
    """
    from medialit.report import shorten

    first = article.headline or next((line for line in article.text.splitlines() if line.strip()), "")
    return shorten(first, n) or "Your text"


def _open_store(article: Article, annotator: str | None, folder) -> AnnotationStore | None:
    """The learner's store; ``annotator=None`` means the name typed in the name box (``None`` if none yet)."""
    if annotator is None:
        annotator = learner_name()
        if annotator is None:
            return None
    if not isinstance(annotator, str):
        raise TypeError("annotator must be the learner's name, as text")
    sanitize_name(annotator)  # a clear ValueError for an empty or unusable name
    return AnnotationStore.open(_article_id(article), article.text, annotator, folder=folder)


def _part_caption(article: Article, part) -> str:
    if part.kind == "body":
        return f"¶ {part.paragraph}"
    if part.kind == "byline" and not article.byline:
        return "Byline: no author named"
    return _CAPTIONS.get(part.kind, part.kind)


def _cut_points(start: int, end: int, marks) -> list[int]:
    cuts = {start, end}
    for m in marks:
        for x in (m.start, m.end):
            if start < x < end:
                cuts.add(x)
    return sorted(cuts)


def static_html(article: Article, record, *, title: str = "") -> str:
    """The article with the learner's highlights as plain, escaped HTML (no script).

    This is what nbconvert, a static HTML export, GitHub or nbval show instead of
    a live widget. Overlapping marks are cut at every edge; each piece is
    coloured by its innermost mark and underlined once per mark covering it.
    """
    esc = html.escape
    spans = sorted(record.spans, key=lambda s: (s.start, -s.end, s.label))
    out = ['<div class="medialit-static" style="font-family:sans-serif;line-height:1.7;max-width:52em">']
    if title:
        out.append(f'<p style="font-weight:bold;margin:0 0 .3em 0">{esc(title)}</p>')
    legend = " ".join(
        f'<span style="border-bottom:3px solid {LABEL_COLORS[lab]};padding:0 .2em">{n}&nbsp;{esc(lab)}</span>'
        for n, lab in enumerate(SPAN_LABELS, 1))
    out.append(f'<p style="font-size:85%;margin:0 0 .6em 0">{legend}</p>')
    if article.byline is None:
        out.append('<p style="font-size:85%;color:#666;margin:0">No byline: the page does not say who wrote it.</p>')
    for part in article.parts:
        inside = [s for s in spans if s.start < part.end and s.end > part.start]
        pieces = []
        cuts = _cut_points(part.start, part.end, inside)
        for a, b in zip(cuts, cuts[1:]):
            piece = esc(article.text[a:b])
            cover = sorted((s for s in inside if s.start <= a and s.end >= b), key=lambda s: s.end - s.start)
            if cover:
                shadows = ", ".join(f"inset 0 -{3 * (i + 1)}px 0 0 {LABEL_COLORS[s.label]}"
                                    for i, s in enumerate(cover))
                names = ", ".join(s.label + (f" (note: {s.note})" if s.note else "") for s in cover)
                piece = (f'<mark title="{esc(names)}" style="background:{LABEL_COLORS[cover[0].label]}33;'
                         f'color:inherit;box-shadow:{shadows};padding-bottom:{3 * len(cover)}px">{piece}</mark>')
            pieces.append(piece)
        body = "".join(pieces).replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
        caption = esc(_part_caption(article, part))
        style = "margin:.4em 0"
        if part.kind == "headline":
            style += ";font-size:130%;font-weight:bold"
        elif part.kind == "dek":
            style += ";font-style:italic"
        elif part.kind in ("boilerplate", "related", "date", "byline"):
            style += ";color:#777;font-size:90%"
        out.append(f'<p style="{style}"><small style="color:#888;margin-right:.5em">{caption}</small>{body}</p>')
    out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------------------
# SpanAnnotator
# ---------------------------------------------------------------------------

def stable_bundle(widget, bundle, html: str | None = None) -> tuple[dict, dict]:
    """A widget's mime bundle with a stable ``text/plain`` (its repr, no memory address) and,
    if given, an escaped ``text/html`` fallback for places without a live widget (nbval, nbconvert)."""
    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
    data = dict(data or {})
    data["text/plain"] = repr(widget)
    if html is not None:
        data["text/html"] = html
    return data, metadata


class _StoreListener:
    """Opens the learner's store (following the name box when no annotator is given), listens to it,
    and stops listening when the widget is closed.

    ``store`` is ``None`` while there is no name (or the store could not be opened: ``problem`` says
    why); ``record`` is then an empty record and changes are refused with that message.
    """

    _unsubscribe = None
    _unfollow = None
    store = None
    problem = ""

    def _attach(self, article: Article, annotator: str | None, folder) -> None:
        self._folder = folder
        self._empty = AnnotationRecord.new(_article_id(article), article.text, "")
        self._open(annotator)
        if annotator is None:
            self._unfollow = follow_name(self._name_changed)

    def _open(self, annotator: str | None) -> None:
        try:
            store, self.problem = _open_store(self.article, annotator, self._folder), ""
        except StorageError as exc:       # e.g. a link at the record's path: say so, save nothing
            store, self.problem = None, str(exc)
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.store = store
        self._unsubscribe = store.subscribe(self._store_changed) if store is not None else None

    def _name_changed(self, name) -> None:
        old = self.store
        self._open(None)
        if self.store is not old or self.store is None:
            self._store_changed(self.store, "name")

    def _need_store(self) -> AnnotationStore:
        if self.store is None:
            raise ValueError(self.problem or NO_NAME_MESSAGE)
        return self.store

    @property
    def record(self):
        """The learner's record (an empty one while there is no name)."""
        return self.store.record if self.store is not None else self._empty

    def close(self) -> None:
        for name in ("_unsubscribe", "_unfollow"):
            stop = getattr(self, name)
            if stop is not None:
                stop()
                setattr(self, name, None)
        super().close()


class SpanAnnotator(_StoreListener, anywidget.AnyWidget):
    """Mark stretches of an article with the mouse and give each a label.

    ``SpanAnnotator("000", "Ada")`` opens a seed article; any :class:`Article`
    works too. Select text, then press a label's number key (1-7) or click its
    button. Click a mark to relabel it, add a note, link it to its source or
    delete it; Ctrl+Z (Cmd+Z) undoes. Everything is saved at once.
    """

    _esm = _STATIC / "span_annotator.js"
    _css = _STATIC / "span_annotator.css"

    article_id = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)    # the headline, shortened (the id goes in a tooltip)
    annotator = traitlets.Unicode("").tag(sync=True)
    article_text = traitlets.Unicode("").tag(sync=True)
    parts = traitlets.List().tag(sync=True)
    no_byline = traitlets.Bool(False).tag(sync=True)
    labels = traitlets.List(list(SPAN_LABELS)).tag(sync=True)
    label_help = traitlets.Dict(LABEL_HELP).tag(sync=True)
    label_colors = traitlets.Dict(LABEL_COLORS).tag(sync=True)
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
                 show_detector: bool = False, **kwargs):
        article = _resolve_article(article_or_id)
        self.article = article
        self._attach(article, annotator, folder)
        self.offsets = OffsetMap(article.text)
        self._analysis = None
        super().__init__(
            article_id=_article_id(article), title=article_title(article), article_text=article.text,
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
                 "caption": _part_caption(self.article, p), "reason": p.reason}
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
            saved = (f"Saved: {n} mark{'s' if n != 1 else ''} in {store.path.name}"
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
        if change["new"]:
            self._load_cues()

    def _load_cues(self) -> None:
        if self._analysis is None:
            try:
                from medialit.detect import analyze
            except ImportError:
                self.cues = []
                self.detector_message = ("The detector is not available yet "
                                         "(the module medialit.detect is missing).")
                return
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
        self.detector_message = (f"The detector marked {n} cue{'s' if n != 1 else ''}. "
                                 "Point at a dotted underline to read why. It can be wrong: argue with it!")

    # -- check my work ----------------------------------------------------------------------
    def check_my_work(self) -> dict | None:
        """Compare the learner's marks with the expert key; the result goes to ``feedback``."""
        from medialit.answer_key import AnswerKeyError
        from medialit.feedback import learner_feedback

        try:
            data = learner_feedback(self.record, self.article, with_detector=False).to_dict()
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
        for lab in data.get("labels", []):
            for item in lab.get("items", []):
                if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                    item["start16"], item["end16"] = to16(item["start"]), to16(item["end"])
        self.feedback_message = ""
        self.feedback = data
        return data

    # -- Python-side conveniences ----------------------------------------------------------
    def __repr__(self) -> str:
        return (f"SpanAnnotator(article={_short_id(self.article_id)!r}, annotator={self.annotator!r}, "
                f"spans={len(self.record.spans)})")

    def _repr_mimebundle_(self, **kwargs):
        return stable_bundle(self, super()._repr_mimebundle_(**kwargs), self.static_html())

    def static_html(self) -> str:
        n = len(self.record.spans)
        title = (f"Marks of {self.annotator} on “{self.title}” ({n} mark{'s' if n != 1 else ''}); "
                 "a static copy: run the notebook to edit them.") if self.store is not None else \
            f"{self.problem or NO_NAME_MESSAGE} (a static copy: run the notebook to mark the text.)"
        return static_html(self.article, self.record, title=title)


# ---------------------------------------------------------------------------
# SentenceTagger
# ---------------------------------------------------------------------------

class SentenceTagger(_StoreListener, widgets.VBox):
    """Tag an article sentence by sentence, with buttons only (keyboard and screen reader friendly).

    ``Previous`` / ``Next`` move between sentences; one toggle per sentence label
    (attribution, hedge, booster, speculation, opinion) switches that label on or
    off for the sentence. Saved at once, in the same record as :class:`SpanAnnotator`.
    """

    def __init__(self, article_or_id: Article | str, annotator: str | None = None, folder=None, **kwargs):
        article = _resolve_article(article_or_id)
        if not article.sentences:
            raise ArticleError("this article has no sentences to tag")
        self.article = article
        self.article_id = _article_id(article)
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
            t = widgets.ToggleButton(value=False, description=label, tooltip=LABEL_HELP[label],
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
        return (f'<b>Tag each sentence</b> of <span title="{html.escape(self.article_id)}">'
                f"“{html.escape(self.title)}”</span> "
                f"({html.escape(self.annotator or 'no name yet')}): "
                "Tab to a label and press Space to switch it on or off; Previous and Next move on.")

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
        self.sentence_view.value = (
            '<div role="status" aria-live="polite" style="font-size:1.1em;line-height:1.6;'
            'padding:.5em .8em;border-left:4px solid #888;margin:.3em 0;white-space:pre-wrap">'
            f"{html.escape(s.text)}</div>")
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
        words = [sp for sp in self.record.spans
                 if sp.scope == "span" and sp.start < s.end and sp.end > s.start]
        if words:
            items = ", ".join(f"{html.escape(sp.label)} “{html.escape(self.article.text[sp.start:sp.end])}”"
                              for sp in sorted(words, key=lambda sp: sp.start))
            self.others_view.value = f'<div style="font-size:.9em;color:#555">Words you marked here: {items}</div>'
        else:
            self.others_view.value = ""
        notes = list(self.store.messages) if self.store is not None else [self.problem or NO_NAME_MESSAGE]
        errors = [self._error] if self._error and self._error not in notes else []
        self.messages_view.value = "".join(
            [f'<div role="alert" style="color:#b91c1c;font-weight:bold">{html.escape(m)}</div>' for m in errors]
            + [f'<div role="alert" style="color:#8a4b00">{html.escape(m)}</div>' for m in notes])

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
        return (f"SentenceTagger(article={_short_id(self.article_id)!r}, annotator={self.annotator!r}, "
                f"sentence={self.index + 1}/{len(self.article.sentences)})")

    def _repr_mimebundle_(self, **kwargs):
        return stable_bundle(self, super()._repr_mimebundle_(**kwargs), self.static_html())

    def static_html(self) -> str:
        """Every sentence with the labels the learner gave it, escaped (for static views)."""
        esc = html.escape
        by_sentence: dict[tuple[int, int], list[str]] = {}
        for sp in self.record.spans:
            if sp.scope == "sentence":
                by_sentence.setdefault((sp.start, sp.end), []).append(sp.label)
        rows = []
        for s in self.article.sentences:
            labels = sorted(by_sentence.get((s.start, s.end), []), key=SPAN_LABELS.index)
            tags = " ".join(f'<span style="border-bottom:3px solid {LABEL_COLORS[lab]}">{esc(lab)}</span>'
                            for lab in labels) or '<span style="color:#999">no label</span>'
            rows.append(f"<li>{esc(s.text)} <small>[{tags}]</small></li>")
        return (f'<div class="medialit-static"><p><b>Sentence labels of {esc(self.annotator)} on '
                f'“{esc(self.title)}”</b> (a static copy: run the notebook to edit them)</p>'
                f'<ol>{"".join(rows)}</ol></div>')
