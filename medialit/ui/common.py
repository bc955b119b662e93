"""What every widget shares: the article it shows, the learner's store it listens to,
a stable output bundle, and the plain HTML copy shown where no live widget can be.

A widget is given an :class:`~medialit.articles.Article` or a seed id (``"000"``); it
opens the learner's :class:`~medialit.annotate.storage.AnnotationStore` under the
name given, or else the name typed in :func:`medialit.ui.name_box` (and re-opens it
when that name changes). Every widget's ``text/plain`` output is its repr (no memory
address, so saved notebooks do not change from run to run) and its ``text/html``
output an escaped copy made from a template (see :func:`static_html`).

>>> from medialit import parse_article
>>> art = parse_article("Moon <b>base</b>\\n\\nThe agency said it may rain.\\n", id="moon")
>>> article_key(art), short_id("000_b7d55dfd"), part_caption(art, art.parts[0])
('moon', '000_b7d…', 'Headline')
>>> "Moon &lt;b&gt;base&lt;/b&gt;" in static_html(art, AnnotationRecord.new("moon", art.text, "Ada"))
True
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.alignment import bounds, overlaps
from medialit.annotate.model import AnnotationRecord
from medialit.annotate.storage import AnnotationStore, StorageError, sanitize_name
from medialit.articles import Article, seed_article
from medialit.html import render
from medialit.learner import NO_NAME_MESSAGE, learner_name
from medialit.learner import subscribe as follow_name
from medialit.vocabulary import LABEL_COLOURS, LABEL_KEYS, LABEL_MEANINGS, PART_CAPTIONS, SPAN_LABELS
from medialit.wording import shorten

__all__ = ["resolve_article", "article_key", "short_id", "article_title", "open_store", "part_caption", "label_tooltip",
           "StoreListener", "stable_bundle", "static_html"]


# ---------------------------------------------------------------------------
# The article a widget shows
# ---------------------------------------------------------------------------

def resolve_article(article_or_id: Article | str) -> Article:
    """An Article as given, or the seed article with that id; ``TypeError`` for anything else.

    >>> resolve_article(42)
    Traceback (most recent call last):
    ...
    TypeError: give an Article (from medialit.parse_article or load_article) or a seed id such as '000'
    """
    if isinstance(article_or_id, Article):
        return article_or_id
    if isinstance(article_or_id, str):
        return seed_article(article_or_id)
    raise TypeError("give an Article (from medialit.parse_article or load_article) or a seed id such as '000'")


def article_key(article: Article) -> str:
    """The id the learner's marks are saved under: the article's id, or ``text_`` + its sha256 start."""
    return article.id or f"text_{article.sha256[:12]}"


def short_id(article_id: str) -> str:
    """An article id cut to 8 characters, for a repr."""
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
    first = article.headline or next((line for line in article.text.splitlines() if line.strip()), "")
    return shorten(first, n) or "Your text"


def part_caption(article: Article, part) -> str:
    """How a part of the page is captioned: ``¶ 2`` for a body paragraph, else its kind in words."""
    if part.kind == "body":
        return f"¶ {part.paragraph}"
    if part.kind == "byline" and not article.byline:
        return "Byline: no author named"
    return PART_CAPTIONS.get(part.kind, part.kind)


def label_tooltip(label: str) -> str:
    """The tooltip of a label's button: what the label means, as a sentence.

    >>> label_tooltip("loaded")
    'Emotionally charged word choice: slammed, regime, disastrous.'
    """
    meaning = LABEL_MEANINGS[label]
    return meaning[:1].upper() + meaning[1:] + "."


# ---------------------------------------------------------------------------
# The learner's store
# ---------------------------------------------------------------------------

def open_store(article: Article, annotator: str | None, folder) -> AnnotationStore | None:
    """The learner's store; ``annotator=None`` means the name typed in the name box (``None`` if none yet)."""
    if annotator is None:
        annotator = learner_name()
        if annotator is None:
            return None
    if not isinstance(annotator, str):
        raise TypeError("annotator must be the learner's name, as text")
    sanitize_name(annotator)  # a clear ValueError for an empty or unusable name
    return AnnotationStore.open(article_key(article), article.text, annotator, folder=folder)


class StoreListener:
    """Mix-in: opens the learner's store (following the name box when no annotator is given),
    listens to it, and stops listening when the widget is closed.

    ``store`` is ``None`` while there is no name (or the store could not be opened: ``problem``
    says why); ``record`` is then an empty record and changes are refused with that message.
    A widget using it defines ``article``, ``_store_changed(store, what)`` and ``static_html()``
    (what a notebook saved without widget state, or read on GitHub, shows instead).
    """

    _unsubscribe = None
    _unfollow = None
    store = None
    problem = ""

    def _attach(self, article: Article, annotator: str | None, folder) -> None:
        self._folder = folder
        self._empty = AnnotationRecord.new(article_key(article), article.text, "")
        self._open(annotator)
        if annotator is None:
            self._unfollow = follow_name(self._name_changed)

    def _open(self, annotator: str | None) -> None:
        try:
            store, self.problem = open_store(self.article, annotator, self._folder), ""
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

    def _repr_mimebundle_(self, **kwargs):
        return stable_bundle(self, super()._repr_mimebundle_(**kwargs), self.static_html())


# ---------------------------------------------------------------------------
# Output: a stable bundle and the plain HTML copy
# ---------------------------------------------------------------------------

def stable_bundle(widget, bundle, html: str | None = None) -> tuple[dict, dict]:
    """A widget's mime bundle with a stable ``text/plain`` (its repr, no memory address) and,
    if given, an escaped ``text/html`` fallback for places without a live widget (nbval, nbconvert).

    >>> stable_bundle("w", {"text/plain": "<W at 0x7f>"}, "<p>w</p>")
    ({'text/plain': "'w'", 'text/html': '<p>w</p>'}, {})
    """
    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
    data = dict(data or {})
    data["text/plain"] = repr(widget)
    if html is not None:
        data["text/html"] = str(html)
    return data, metadata


@dataclass(frozen=True)
class Piece:
    """A stretch of a part of the page with the same marks over all of it (innermost first);
    ``lines`` is its text split at line breaks."""

    lines: tuple[str, ...]
    marks: tuple = ()

    @property
    def title(self) -> str:
        return ", ".join(m.label + (f" (note: {m.note})" if m.note else "") for m in self.marks)


def _cut_points(start: int, end: int, marks) -> list[int]:
    cuts = {start, end}
    for m in marks:
        for x in (m.start, m.end):
            if start < x < end:
                cuts.add(x)
    return sorted(cuts)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def pieces(article: Article, part, spans) -> list[Piece]:
    """The part cut at every edge of a mark; each piece with the marks covering it, innermost first.

    >>> from medialit import parse_article
    >>> art = parse_article("Head\\n\\nIt may perhaps rain.\\n", id="x")
    >>> rec = AnnotationRecord.new("x", art.text, "Ada")
    >>> _ = rec.add_span(art.text.index("may"), art.text.index(" rain"), "hedge")
    >>> [(p.lines, [m.label for m in p.marks]) for p in pieces(art, art.parts[1], rec.spans)]
    [(('It ',), []), (('may perhaps',), ['hedge']), ((' rain.',), [])]
    """
    inside = [s for s in spans if overlaps(bounds(s), bounds(part))]
    cuts = _cut_points(part.start, part.end, inside)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = sorted((s for s in inside if s.start <= a and s.end >= b), key=lambda s: s.end - s.start)
        out.append(Piece(_lines(article.text[a:b]), tuple(cover)))
    return out


def static_html(article: Article, record, *, title: str = "") -> str:
    """The article with the learner's highlights as plain, escaped HTML (no script).

    This is what nbconvert, a static HTML export, GitHub or nbval show instead of
    a live widget. Overlapping marks are cut at every edge; each piece is
    coloured by its innermost mark and underlined once per mark covering it.
    """
    spans = sorted(record.spans, key=lambda s: (s.start, -s.end, s.label))
    parts = [{"kind": p.kind, "caption": part_caption(article, p), "pieces": pieces(article, p, spans)}
             for p in article.parts]
    return str(render("ui_annotator_static.html.j2", title=title, parts=parts, no_byline=article.byline is None,
                      labels=SPAN_LABELS, keys=LABEL_KEYS, colours=LABEL_COLOURS))
