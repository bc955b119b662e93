"""Your own article: paste or upload a text, see what the kit finds, mark it, argue with the detector.

Lesson 6 lets learners bring an article of their own. In a notebook::

    from medialit.learner import name_box
    from medialit.own_article import own_article_picker
    name_box()                      # the learner types their name once
    picker = own_article_picker()   # the marking tool follows that name
    picker

shows a box to paste the text into, a button to upload a ``.txt`` file and a button
for an invented example. Once a text is accepted, the picker shows what the kit found
on the page, a marking tool (:class:`OwnSpanAnnotator`, the kit's ``SpanAnnotator``)
and, folded away until the learner has marked the text, the detector's reading.
``picker.article``, ``picker.analysis`` and ``picker.annotator_widget`` hold them
for the cells below.

Texts become :class:`~medialit.articles.Article` objects through
:func:`article_from_text` (pasted text) and :func:`article_from_bytes` (uploaded
files, decoded with :func:`medialit.articles.read_article_bytes`, which says which
encoding it used). Their id is ``"own-"`` plus the first 8 hex digits of the
sha256 of the text (:func:`own_article_id`), so the same text always gets the same
id and the learner's marks are saved in ``annotations/<name>__own-….json``. Input
that cannot be used raises :class:`OwnArticleError` with one friendly sentence; the
picker shows that sentence instead of a traceback. All text reaches the page escaped.

There is no expert answer key for a learner's own text. :func:`compare_with_detector`
puts the learner's sentence labels beside the detector's, as two readers to compare:
where they differ, the learner decides who has the better reason.
:func:`checklist` lists the questions to ask of any article, with what the kit noticed.

>>> art = article_from_text("Rain Expected\\n\\nForecasters said it may rain on Sunday.\\n")
>>> art.id == own_article_id(art.text), art.id[:4], art.headline
(True, 'own-', 'Rain Expected')
>>> try:
...     article_from_bytes(b"")
... except OwnArticleError as exc:
...     print(exc)
The file is empty: there is no text in it.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, replace
from functools import lru_cache

from medialit.articles import (MAX_BYTES, MAX_CHARS, Article, ArticleError, EncodingProblemError, NotTextError,
                               StrayByteError, TooLongError, WebPageError, check_text, parse_article,
                               read_article_bytes, replace_lone_surrogates)
from medialit.report import shorten

__all__ = ["EXAMPLE_TEXT", "MAX_CHARS", "MAX_BYTES", "OwnArticleError", "OwnArticlePicker", "OwnSpanAnnotator",
           "Comparison", "Checklist", "article_from_bytes", "article_from_text", "checklist",
           "compare_with_detector", "describe", "example_article", "own_article_id", "own_article_picker"]

# MAX_CHARS (200,000: the longest text accepted, in characters; a long feature article has about
# 40,000) and MAX_BYTES (the largest file accepted for upload) are the kit's limits for any
# article, from medialit.articles, so the picker and ``medialit analyze`` take the same texts.

#: An invented article (no real people, places or events) for trying the lesson without one's own text.
EXAMPLE_TEXT = """New Bus Timetable Starts in September

Buses to the hospital will run every 15 minutes

March 3, 2025, By Lee Morgan

The regional transport authority will change its bus timetable from September 1, a spokeswoman for the authority, Priya Shah, said on Monday.

Buses between the station and the hospital will run every 15 minutes instead of every 30. “Patients and staff have asked for this,” Ms. Shah said.

Some drivers say the new timetable may be hard to keep at rush hour. According to a local newspaper, the change could cost the authority more than it expects.

Clearly, the authority ought to explain how it will pay for the extra buses. Perhaps fares will go up next year.
"""

_ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (the file starts with a byte-order mark)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 without a byte-order mark (little-endian)",
    "utf-16-be": "UTF-16 without a byte-order mark (big-endian)",
    "cp1252": "Windows-1252, an older Windows encoding: check that quotation marks, dashes and accents look right",
    "str": "pasted text",
}


class OwnArticleError(ArticleError):
    """A pasted or uploaded text that cannot be used; the message is one friendly sentence."""


def own_article_id(text: str) -> str:
    """The id of a learner's own text: ``"own-"`` + the first 8 hex digits of its sha256.

    A lone surrogate counts as the "�" that replaces it in the article (see :func:`article_from_text`).

    >>> own_article_id("abc")
    'own-ba7816bf'
    >>> own_article_id("a\\ud83d") == own_article_id("a\\ufffd")
    True
    """
    text, _ = replace_lone_surrogates(text)
    return "own-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _friendly(exc: ArticleError, what: str) -> str:
    """The kit's one-line message about ``exc`` in words for a learner (``what``: "text" or "file")."""
    msg = str(exc)
    if isinstance(exc, TooLongError):
        size = f"{exc.length:,} characters long" if exc.length else "too long"
        return (f"The {what} is {size}; the kit is made for one article of at most {MAX_CHARS:,} characters "
                f"(a long newspaper feature has about 40,000). Paste a single article.")
    if isinstance(exc, WebPageError):
        return (f"The {what} is the code of a web page (HTML, with tags like <p> and <div>), not the article "
                "itself. Open the page in your browser, select the article's words, copy them and paste them "
                "into the box.")
    if isinstance(exc, StrayByteError):
        return (f"The {what} is almost all UTF-8 text, but on line {exc.line}, character {exc.column} there is a "
                f"letter the kit cannot read{'' if exc.count == 1 else f' ({exc.count} such letters in all)'}. "
                "Open the file, retype that letter (often a quotation mark or an accent) and save it as "
                "'UTF-8 text', or copy the text and paste it into the box.")
    if "is empty" in msg:
        return f"The {what} is empty: there is no text in it."
    if isinstance(exc, EncodingProblemError) and "UTF-16" in msg:
        return (f"The {what} looks like UTF-16 text without a byte-order mark, which the kit cannot read safely. "
                "Save it again as 'UTF-8 text', or copy the text and paste it into the box.")
    if isinstance(exc, NotTextError) or "binary" in msg:
        return (f"The {what} is not plain text: it looks like a Word document, a PDF or a picture. "
                "Open it, copy the article's text and paste it into the box, or save it as plain text (.txt).")
    if isinstance(exc, EncodingProblemError) or "could not be decoded" in msg:
        return (f"The letters in the {what} could not be read (it is not UTF-8 or Windows-1252 text). "
                "Save it again as 'UTF-8 text', or copy the text and paste it into the box.")
    if "no text" in msg:
        return f"The {what} holds only spaces or blank lines: there is no article in it."
    return f"The {what} cannot be used: {msg}."


def _checked(article: Article, what: str) -> Article:
    if not article.sentences:
        raise OwnArticleError(f"The kit found no sentences in the {what}: is it really an article?")
    return article


def article_from_text(text: str, *, source: str = "pasted text") -> Article:
    """A pasted text as an Article with an ``own-…`` id; :class:`OwnArticleError` if it cannot be used.

    Text longer than :data:`MAX_CHARS` or a web page's HTML code is refused. A lone surrogate
    (half of an emoji, which some copying leaves behind) becomes "�", one for one, and
    ``Article.notes`` says so.

    >>> try:
    ...     article_from_text("   ")
    ... except OwnArticleError as exc:
    ...     print(exc)
    The box is empty: paste the text of an article first.
    """
    if not isinstance(text, str):
        raise TypeError("article_from_text() takes text (str); use article_from_bytes() for a file's bytes")
    if not text.strip():
        raise OwnArticleError("The box is empty: paste the text of an article first.")
    try:
        check_text(text)
        article = parse_article(text, id=own_article_id(text), source=source)
    except ArticleError as exc:
        raise OwnArticleError(_friendly(exc, "text")) from None
    return _checked(article, "text")


def article_from_bytes(data: bytes, name: str = "") -> Article:
    """An uploaded file's bytes as an Article (decoded by ``read_article_bytes``; ``.encoding`` says how)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("article_from_bytes() takes the bytes of a file")
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise OwnArticleError(f"The file is {len(data):,} bytes; the kit takes text files of up to "
                              f"{MAX_BYTES:,} bytes (one article of at most {MAX_CHARS:,} characters). "
                              "Is it really a plain text file?")
    try:
        article = read_article_bytes(data, source=name or "uploaded file")
    except ArticleError as exc:
        raise OwnArticleError(_friendly(exc, "file")) from None
    article = replace(article, id=own_article_id(article.text))
    return _checked(article, "file")


def example_article() -> Article:
    """The invented example (:data:`EXAMPLE_TEXT`) as an Article."""
    return article_from_text(EXAMPLE_TEXT, source="the kit's invented example")


def describe(article: Article) -> str:
    """One or two plain sentences about what the kit found on the page."""
    n_par, n_sent = len(article.paragraphs), len(article.sentences)
    bits = []
    bits.append(f"headline “{article.headline}”" if article.headline else "no headline")
    if article.dek:
        bits.append("a subheadline")
    bits.append(f"date “{article.date}”" if article.date else "no date")
    if article.byline is None:
        bits.append("no byline")
    elif article.byline == "":
        bits.append("a byline with no name")
    else:
        bits.append(f"byline “{article.byline}”")
    if article.boilerplate:
        bits.append(f"{len(article.boilerplate)} line(s) of website text")
    heads = [name for name, there in (("headline", article.headline), ("subheadline", article.dek)) if there]
    counted = (f" (the {' and the '.join(heads)} count{'s' if len(heads) == 1 else ''} as one"
               f"{' each' if len(heads) > 1 else ''})" if heads else "")
    return (f"The kit found {', '.join(bits)}, {n_par} paragraph{'s' if n_par != 1 else ''} "
            f"and {n_sent} sentence{'s' if n_sent != 1 else ''} to label{counted}. "
            f"These are guesses by simple rules: check them against the page you copied.")


# ---------------------------------------------------------------------------
# The marking tool for a text without an answer key
# ---------------------------------------------------------------------------

NO_KEY_MESSAGE = ("There is no expert answer key for your own text, so nobody can tell you what is “right” here. "
                  "Use the detector as a second reader: tick the “detector” box to see its marks, then run "
                  "the comparison in the notebook. Where you and the detector differ, decide who has the "
                  "better reason.")


@lru_cache(maxsize=None)
def _span_annotator_class():
    from medialit.annotate.widgets import SpanAnnotator

    class OwnSpanAnnotator(SpanAnnotator):
        """The kit's SpanAnnotator for a text without an answer key: "Check my work" says so."""

        def check_my_work(self):
            n = len(self.store.record.spans)
            self.feedback = None
            self.feedback_message = f"You have made {n} mark{'s' if n != 1 else ''}. " + NO_KEY_MESSAGE
            return None

    return OwnSpanAnnotator


def __getattr__(name):  # the widget classes load ipywidgets and anywidget only when asked for
    if name == "OwnSpanAnnotator":
        cls = _span_annotator_class()
        globals()["OwnSpanAnnotator"] = cls
        return cls
    if name == "OwnArticlePicker":
        cls = _picker_class()
        globals()["OwnArticlePicker"] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# The picker widget
# ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _picker_class():
    import ipywidgets as w

    def esc(text) -> str:
        return html.escape(str(text))

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
            intro = w.HTML(
                "<b>Bring your own article.</b> Copy the text of one article (not the whole web page; at most "
                f"{MAX_CHARS:,} characters) and paste it into the box: the headline on the first line, then a "
                "blank line between paragraphs. Then press <i>Use this text</i>. Or upload a plain-text file (.txt). "
                "No article at hand? Press <i>Try the example</i>.")
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
                article = replace(article, notes=(*article.notes, f"{broken} broken character{'s' if broken != 1 else ''}"
                                  f" (half of an emoji or symbol, lost in copying) "
                                  f"{'were' if broken != 1 else 'was'} replaced with \ufffd"))
            return self._accept(article, "the text from the box")

        def use_bytes(self, data: bytes, name: str = "") -> Article | None:
            """Accept an uploaded file's bytes (what the upload button does)."""
            try:
                article = article_from_bytes(data, name)
            except OwnArticleError as exc:
                return self._refuse(f"{esc(name) + ': ' if name else ''}{esc(exc)}", escaped=True)
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
        def _refuse(self, message: str, escaped: bool = False) -> None:
            self.problem = html.unescape(message) if escaped else message
            body = message if escaped else esc(message)
            self.message.value = f'<div role="alert" style="color:#9a3412">{body}</div>'
            return None

        def _accept(self, article: Article, what: str) -> Article | None:
            from medialit import report
            from medialit.detect import analyze

            old = self.annotator_widget
            try:
                if old is not None and old.article.text == article.text:
                    marking = old          # the same text again: keep the same marking tool
                else:
                    marking = _span_annotator_class()(article, self.annotator, folder=self.folder)
            except (ValueError, TypeError):  # an unusable name given in code; None follows the name box
                from medialit.learner import NO_NAME_MESSAGE

                return self._refuse(f"{NO_NAME_MESSAGE} (The name given to the picker cannot be used.)")
            try:
                analysis = analyze(article)
            except Exception as exc:  # the detector must never stop a learner's lesson
                analysis = None
                detector = w.HTML(f"<p>The detector could not read this text ({esc(type(exc).__name__)}).</p>")
            else:
                detector = w.HTML(report.show(analysis)._repr_html_())
            if old is not None and old is not marking:
                old.close()
            self.article, self.analysis, self.annotator_widget = article, analysis, marking
            read_as = _ENCODINGS.get(article.encoding, article.encoding)
            notes = "".join(f" Note: {esc(n[:1].upper() + n[1:])}." for n in article.notes
                            if not n.startswith("read as UTF-16"))   # the encoding is named already
            self.message.value = (
                f'<div role="status" style="color:#166534">Using {esc(what)}: {len(article.text):,} characters'
                f"{'' if article.encoding == 'str' else ', read as ' + esc(read_as)}. "
                f"Its id is <code>{esc(article.id)}</code>; your marks are saved under that name.{notes}</div>")
            summary = w.HTML(f"<p>{esc(describe(article))}</p>"
                             "<p><b>Mark the text yourself first</b> in the tool below (select words, then "
                             "press a label's number key). Open the detector's reading only afterwards.</p>")
            fold = w.Accordion(children=[detector], titles=("The detector's reading (open it after "
                                                            "marking the text yourself)",))
            fold.selected_index = None
            self.summary, self.detector_view = summary, fold
            self.result.children = [summary, marking, fold]
            return article

        def __repr__(self) -> str:
            from medialit.learner import learner_name

            state = f"article={self.article.id!r}" if self.article is not None else "no article yet"
            who = self.annotator if self.annotator is not None else learner_name()
            return f"OwnArticlePicker(annotator={who!r}, {state})"

        def _repr_mimebundle_(self, **kwargs):
            from medialit.annotate.widgets import stable_bundle

            return stable_bundle(self, super()._repr_mimebundle_(**kwargs))

    return OwnArticlePicker


def own_article_picker(annotator: str | None = None, *, folder=None):
    """The paste/upload widget of lesson 6; see :class:`OwnArticlePicker`.

    With ``annotator=None`` (the lessons' way) the marking tool follows the name typed in
    :func:`medialit.learner.name_box` and asks for it until there is one; a string fixes the name.
    """
    return _picker_class()(annotator, folder=folder)


# ---------------------------------------------------------------------------
# You and the detector: two readers
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ReadingUnit:
    """One sentence as a reader labelled it (the shape :mod:`medialit.plots` reads)."""

    index: int
    part: str
    paragraph: int | None
    text: str
    label_set: frozenset


@dataclass(frozen=True)
class Reading:
    """A learner's sentence labels on an article, usable in ``plots.label_shares({...})``."""

    article_id: str
    units: tuple[ReadingUnit, ...]
    sources: tuple = ()


@dataclass(frozen=True)
class Comparison:
    """A learner's sentence labels next to the detector's (see :func:`compare_with_detector`)."""

    article: Article
    reading: Reading                     # the learner's labels
    detector: tuple[frozenset, ...]
    reasons: tuple[dict, ...]            # per sentence: {label: the detector's explanation}
    sources_both: int
    sources_only_you: int
    sources_only_detector: int

    def counts(self, label: str) -> tuple[int, int, int]:
        """(both, only you, only the detector): sentences with ``label``."""
        both = you = det = 0
        for u, d in zip(self.reading.units, self.detector):
            a, b = label in u.label_set, label in d
            both += a and b
            you += a and not b
            det += b and not a
        return both, you, det

    @property
    def decisions(self) -> int:
        from medialit.vocabulary import SENTENCE_LABELS

        return len(self.detector) * len(SENTENCE_LABELS)

    @property
    def agreements(self) -> int:
        from medialit.vocabulary import SENTENCE_LABELS

        return sum((lab in u.label_set) == (lab in d)
                   for u, d in zip(self.reading.units, self.detector) for lab in SENTENCE_LABELS)

    def differences(self) -> list[tuple[ReadingUnit, frozenset, frozenset]]:
        """(sentence, labels only you gave, labels only the detector gave), where you differ."""
        out = []
        for u, d in zip(self.reading.units, self.detector):
            if u.label_set != d:
                out.append((u, u.label_set - d, d - u.label_set))
        return out

    @property
    def summary(self) -> str:
        from medialit.vocabulary import SENTENCE_LABELS

        if not any(u.label_set for u in self.reading.units) and not self.sources_only_you and not self.sources_both:
            return ("You have not marked anything yet. Mark the text in the marking tool, then run this "
                    "cell again.")
        lines = [f"You and the detector made the same decision on {self.agreements} of {self.decisions} "
                 f"sentence-and-label decisions ({len(self.detector)} sentences × {len(SENTENCE_LABELS)} labels)."]
        for lab in SENTENCE_LABELS:
            both, you, det = self.counts(lab)
            if both or you or det:
                lines.append(f"{lab}: both {both}, only you {you}, only the detector {det}.")
        lines.append(f"Sources: you both marked {self.sources_both}; only you {self.sources_only_you}; "
                     f"only the detector {self.sources_only_detector}.")
        lines.append("No expert key exists for this text: where you differ, read the sentence again and "
                     "decide who has the better reason.")
        return "\n".join(lines)

    def table(self):
        """One row per sentence: your labels, the detector's, and where you differ (pandas DataFrame)."""
        import pandas as pd

        rows = []
        for u, d in zip(self.reading.units, self.detector):
            where = u.part if u.paragraph is None else f"¶{u.paragraph}"
            differ = sorted(u.label_set ^ d)
            rows.append({"sentence": u.index, "where": where, "text": shorten(u.text, 70),
                         "you": ", ".join(sorted(u.label_set)), "detector": ", ".join(sorted(d)),
                         "you differ on": ", ".join(differ)})
        return pd.DataFrame(rows).set_index("sentence")

    def to_html(self) -> str:
        """Where you differ, with the detector's reason for each label it gave: points to argue about."""
        out = ['<div class="medialit-comparison">']
        out += [f"<p>{html.escape(line)}</p>" for line in self.summary.splitlines()]
        diffs = self.differences()
        if diffs and any(u.label_set for u in self.reading.units):
            out.append("<ul>")
            for u, mine, theirs in diffs:
                where = u.part if u.paragraph is None else f"paragraph {u.paragraph}"
                bits = []
                if mine:
                    bits.append("only you: " + ", ".join(sorted(mine)))
                for lab in sorted(theirs):
                    why = self.reasons[u.index].get(lab, "")
                    bits.append(f"only the detector: {lab}" + (f" (its reason: {why})" if why else ""))
                out.append(f"<li>Sentence {u.index} ({html.escape(where)}): “{html.escape(shorten(u.text, 140))}”"
                           f"<br><i>{html.escape('; '.join(bits))}</i></li>")
            out.append("</ul>")
        out.append("</div>")
        return "\n".join(out)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return self.summary


def compare_with_detector(record_or_widget, analysis) -> Comparison:
    """Compare a learner's marks (a record, or a widget with ``.record``) with the detector's analysis.

    A learner's span marks a sentence with a label when it overlaps the sentence
    (``loaded`` counts as ``opinion``, as in the kit's feedback). Sources are compared
    by overlap with the detector's sources.
    """
    from medialit.feedback import SPAN_TO_SENTENCE_LABEL, overlaps

    record = getattr(record_or_widget, "record", record_or_widget)
    article = analysis.article
    record.check_text(article.text)
    units, detector, reasons = [], [], []
    for sa in analysis.sentences:
        s = sa.sentence
        mine = frozenset(SPAN_TO_SENTENCE_LABEL[sp.label] for sp in record.spans
                         if sp.label in SPAN_TO_SENTENCE_LABEL and overlaps(s.start, s.end, sp.start, sp.end))
        units.append(ReadingUnit(s.index, s.part, s.paragraph, s.text, mine))
        detector.append(frozenset(sa.labels))
        why: dict[str, str] = {}
        for ev in sa.evidence:
            why.setdefault(ev.label, f"“{ev.text}”: {ev.explanation}" if ev.text else ev.explanation)
        reasons.append(why)
    mine_src = [(sp.start, sp.end) for sp in record.spans if sp.label == "source"]
    both = sum(any(overlaps(a, b, src.start, src.end) for src in analysis.sources) for a, b in mine_src)
    only_det = sum(not any(overlaps(a, b, src.start, src.end) for a, b in mine_src) for src in analysis.sources)
    reading = Reading(article.id or "", tuple(units))
    return Comparison(article, reading, tuple(detector), tuple(reasons), both, len(mine_src) - both, only_det)


# ---------------------------------------------------------------------------
# Questions to ask of any article
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Checklist:
    """Questions to ask of any article, each with what the kit noticed (or that it cannot know)."""

    items: tuple[tuple[str, str], ...]

    def __repr__(self) -> str:
        return "\n".join(f"{i}. {q}\n   The kit: {a}" for i, (q, a) in enumerate(self.items, 1))

    def _repr_html_(self) -> str:
        rows = "".join(f"<li><b>{html.escape(q)}</b><br>The kit: {html.escape(a)}</li>"
                       for q, a in self.items)
        return f'<ol class="medialit-checklist">{rows}</ol>'


def checklist(analysis) -> Checklist:
    """The questions to ask of any article, with what the kit noticed on this one."""
    art = analysis.article
    srcs = analysis.sources
    outlets = sorted({s.text for s in srcs if s.type == "outlet"})
    vague = sorted({s.text for s in srcs if s.type in ("vague", "anonymous")})
    if art.byline is None:
        who = "found no byline: the page does not say who wrote it."
    elif art.byline == "":
        who = "found a byline marker with no name: the author is unknown."
    else:
        who = f"found the byline “{art.byline}”. Who is that? Search the name."
    pars = [p.paragraph for p in art.paragraphs]
    sourced = {sa.sentence.paragraph for sa in analysis.sentences if "attribution" in sa.labels}
    bare = [p for p in pars if p not in sourced]
    counts = analysis.label_counts()
    types = ", ".join(f"{sum(s.type == t for s in srcs)} {t.replace('_', ' ')}"
                      for t in ("named_person", "institution", "outlet", "anonymous", "vague")
                      if any(s.type == t for s in srcs))
    items = (
        ("Who published it, and what kind of site is it?",
         (f"found {len(art.boilerplate)} line(s) of website text (appeals, rules) that may name the site; it "
          if art.boilerplate else "")
         + "cannot tell where a pasted text comes from. Look at the web address, then search the site's "
           "name to see who runs it."),
        ("Who wrote it?", who),
        ("When was it written?",
         f"found the date “{art.date}”. Do words like “on Monday” or “last week” fit it?" if art.date
         else "found no date. Look for clues in the text (days, events) and check them elsewhere."),
        ("Who is the information said to come from?",
         f"found {len(srcs)} source(s): {types}." if srcs else "found no sources at all."),
        ("Are any sources vague or unnamed?",
         ("found " + "; ".join(f"“{v}”" for v in vague) + ". Who exactly are they?") if vague
         else "found none. Check for yourself: the detector misses some."),
        ("Which outlets are cited, and can you find their original reports?",
         ("found " + ", ".join(outlets) + ". Search for the original report and compare the wording.")
         if outlets else "found no outlet named."),
        ("Which paragraphs give no source at all?",
         ("found no attribution in " + ("paragraph " if len(bare) == 1 else "paragraphs ")
          + ", ".join(map(str, bare)) + ". Whose claims are these: the writer's own?") if bare
         else "found an attribution in every paragraph."),
        ("How sure does the writer sound, and on what evidence?",
         f"found {counts['hedge']} sentence(s) with hedges and {counts['booster']} with boosters."),
        ("What is guess or opinion rather than reported fact?",
         f"found {counts['speculation']} sentence(s) of speculation and {counts['opinion']} of opinion."),
        ("Does the headline say more than the body shows?",
         "cannot judge this. Compare the headline with who actually speaks in the body."),
    )
    return Checklist(items)
