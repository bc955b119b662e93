"""Your own article: paste or upload a text, see what the kit finds, mark it, argue with the detector.

Lesson 6 lets learners bring an article of their own. In a notebook::

    from medialit.ui import name_box, own_article_picker
    name_box()                      # the learner types their name once
    picker = own_article_picker()   # the marking tool follows that name
    picker

shows a box to paste the text into, a button to upload a ``.txt`` file and a button
for an invented example. Once a text is accepted, the picker shows what the kit found
on the page, a marking tool (:class:`medialit.ui.OwnSpanAnnotator`, the kit's ``SpanAnnotator``)
and, folded away until the learner has marked the text, the detector's reading.
``picker.article``, ``picker.analysis`` and ``picker.annotator_widget`` hold them
for the cells below. The widgets are :mod:`medialit.ui.picker`; this module reads the text.

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
from dataclasses import dataclass, replace

from medialit.alignment import bounds, marks_per_sentence, overlaps
from medialit.articles import (MAX_BYTES, MAX_CHARS, Article, ArticleError, EncodingProblemError, NotTextError,
                               StrayByteError, TooLongError, WebPageError, check_text, parse_article,
                               read_article_bytes, replace_lone_surrogates)
from medialit.html import render
from medialit.vocabulary import SENTENCE_LABELS, SOURCE_TYPES
from medialit.wording import plural, shorten

__all__ = ["EXAMPLE_TEXT", "MAX_CHARS", "MAX_BYTES", "NO_KEY_MESSAGE", "OwnArticleError",
           "Comparison", "Checklist", "article_from_bytes", "article_from_text", "checklist",
           "compare_with_detector", "describe", "example_article", "own_article_id"]

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
        bits.append(f"{plural(len(article.boilerplate), 'line')} of website text")
    heads = [name for name, there in (("headline", article.headline), ("subheadline", article.dek)) if there]
    counted = (f" (the {' and the '.join(heads)} count{'s' if len(heads) == 1 else ''} as one"
               f"{' each' if len(heads) > 1 else ''})" if heads else "")
    return (f"The kit found {', '.join(bits)}, {plural(n_par, 'paragraph')} "
            f"and {plural(n_sent, 'sentence')} to label{counted}. "
            f"These are guesses by simple rules: check them against the page you copied.")


#: What "Check my work" says on a learner's own text (:class:`medialit.ui.OwnSpanAnnotator`).
NO_KEY_MESSAGE = ("There is no expert answer key for your own text, so nobody can tell you what is “right” here. "
                  "Use the detector as a second reader: tick the “detector” box to see its marks, then run "
                  "the comparison in the notebook. Where you and the detector differ, decide who has the "
                  "better reason.")


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
        return len(self.detector) * len(SENTENCE_LABELS)

    @property
    def agreements(self) -> int:
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

    def points(self) -> list[tuple[ReadingUnit, str, str]]:
        """Where you differ, as points to argue about: (sentence, where it is, what each of you said,
        with the detector's reason for each label it gave); empty until you have marked a sentence."""
        if not any(u.label_set for u in self.reading.units):
            return []
        out = []
        for u, mine, theirs in self.differences():
            where = u.part if u.paragraph is None else f"paragraph {u.paragraph}"
            bits = ["only you: " + ", ".join(sorted(mine))] if mine else []
            for lab in sorted(theirs):
                why = self.reasons[u.index].get(lab, "")
                bits.append(f"only the detector: {lab}" + (f" (its reason: {why})" if why else ""))
            out.append((u, where, "; ".join(bits)))
        return out

    def to_html(self) -> str:
        """The summary, then where you differ with the detector's reasons (``own_article_comparison.html.j2``)."""
        return str(render("own_article_comparison.html.j2", lines=self.summary.splitlines(), points=self.points()))

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return self.summary


def compare_with_detector(record_or_widget, analysis) -> Comparison:
    """Compare a learner's marks (a record, or a widget with ``.record``) with the detector's analysis.

    A learner's span marks a sentence with a label when it overlaps the sentence, by the
    vocabulary's rule, as in the kit's feedback and class view (``loaded`` counts as
    ``opinion``, a ``source`` as ``attribution``). Sources are compared by overlap with
    the detector's sources.
    """
    record = getattr(record_or_widget, "record", record_or_widget)
    article = analysis.article
    record.check_text(article.text)
    marked = marks_per_sentence(analysis.sentences, [(sp.start, sp.end, sp.label) for sp in record.spans])
    units, detector, reasons = [], [], []
    for sa, mine in zip(analysis.sentences, marked):
        s = sa.sentence
        units.append(ReadingUnit(s.index, s.part, s.paragraph, s.text, frozenset(mine)))
        detector.append(frozenset(sa.labels))
        why: dict[str, str] = {}
        for ev in sa.evidence:
            why.setdefault(ev.label, f"“{ev.text}”: {ev.explanation}" if ev.text else ev.explanation)
        reasons.append(why)
    mine_src = [(sp.start, sp.end) for sp in record.spans if sp.label == "source"]
    both = sum(any(overlaps(mine, bounds(src)) for src in analysis.sources) for mine in mine_src)
    only_det = sum(not any(overlaps(mine, bounds(src)) for mine in mine_src) for src in analysis.sources)
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
        return str(render("own_article_checklist.html.j2", items=self.items))


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
                      for t in SOURCE_TYPES
                      if any(s.type == t for s in srcs))
    items = (
        ("Who published it, and what kind of site is it?",
         (f"found {plural(len(art.boilerplate), 'line')} of website text (appeals, rules) that may name the site; it "
          if art.boilerplate else "")
         + "cannot tell where a pasted text comes from. Look at the web address, then search the site's "
           "name to see who runs it."),
        ("Who wrote it?", who),
        ("When was it written?",
         f"found the date “{art.date}”. Do words like “on Monday” or “last week” fit it?" if art.date
         else "found no date. Look for clues in the text (days, events) and check them elsewhere."),
        ("Who is the information said to come from?",
         f"found {plural(len(srcs), 'source')}: {types}." if srcs else "found no sources at all."),
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
         f"found {plural(counts['hedge'], 'sentence')} with hedges and {counts['booster']} with boosters."),
        ("What is guess or opinion rather than reported fact?",
         f"found {plural(counts['speculation'], 'sentence')} of speculation and {counts['opinion']} of opinion."),
        ("Does the headline say more than the body shows?",
         "cannot judge this. Compare the headline with who actually speaks in the body."),
    )
    return Checklist(items)
