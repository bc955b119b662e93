"""Reports of an analysis: readable text, JSON for other tools, and one
self-contained HTML page (no network, no script) with highlighted cues, a legend
and explanations on hover. The HTML comes from templates (``report_*.j2``) that
escape all article text.

>>> from medialit.articles import parse_article
>>> from medialit.detect import analyze
>>> page = to_html(analyze(parse_article("<script>alert(1)</script> It may rain.", body_only=True)))
>>> "<script>" in page, "&lt;script&gt;" in page
(False, True)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import NamedTuple

from medialit.alignment import SentenceIndex
from medialit.html import render
from medialit.vocabulary import LABEL_COLOURS, LABEL_MEANINGS, SENTENCE_LABELS, SOURCE_MEANINGS, SOURCE_TYPES, tint

__all__ = ["to_text", "to_json", "to_html", "Report", "show"]

#: Labels the legend explains, each with the colour its cues are highlighted in (a source is underlined instead).
LEGEND_LABELS = tuple(lab for lab in LABEL_MEANINGS if lab != "source")


def to_json(analysis, indent: int | None = 2) -> str:
    """The analysis in the kit's documented JSON shape."""
    return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=indent)


# ---------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------

def _mark_cues(text: str, offset: int, cues) -> str:
    """The sentence with each cue as [cue text]{label}."""
    out, pos = [], offset
    for c in sorted(cues, key=lambda c: (c.start, -c.end)):
        if c.start < pos:  # overlapping cue: already inside an earlier bracket
            continue
        out.append(text[pos - offset:c.start - offset])
        out.append(f"[{c.text}]{{{c.label}}}")
        pos = c.end
    out.append(text[pos - offset:])
    return "".join(out)


def _by_sentence(sentences, items) -> dict[int, list]:
    """``{sentence index: [items overlapping it]}`` for spans with ``start``/``end`` (sources, cues).

    Sentences are in text order and do not overlap, so each item finds its first sentence by
    bisection: linear in the number of items, not items × sentences (a 200,000-character text
    has thousands of each).
    """
    index = SentenceIndex(sa.sentence if hasattr(sa, "sentence") else sa for sa in sentences)
    out: dict[int, list] = {}
    for item in items:
        for i in index.touched((item.start, max(item.end, item.start + 1))):
            out.setdefault(index.sentences[i].index, []).append(item)
    return out


def _label_counts(analysis) -> dict[str, int]:
    """How many sentences carry each sentence label."""
    return {lab: sum(lab in sa.labels for sa in analysis.sentences) for lab in SENTENCE_LABELS}


def to_text(analysis) -> str:
    """A readable report: the parts of the page, then each sentence with its cues marked."""
    art = analysis.article
    lines = [f"Article: {art.source or art.id or '(pasted text)'}   (read as {art.encoding})", ""]
    for part in art.parts:
        if part.kind in ("body", "headline", "dek"):
            continue
        lines.append(f"{part.kind:<12} {part.text!r}")
        lines.append(f"{'':<12} why: {part.reason}")
    lines.append("")
    sources_by_sentence: dict[int, list] = {}   # each source under the sentence it starts in
    index = SentenceIndex(analysis.sentences)
    for src in analysis.sources:
        i = index.containing(src.start)
        if i is not None:
            sources_by_sentence.setdefault(analysis.sentences[i].sentence.index, []).append(src)
    last_par = object()
    for sa in analysis.sentences:
        s = sa.sentence
        if s.paragraph != last_par:
            last_par = s.paragraph
            title = s.part.upper() if s.paragraph is None else f"PARAGRAPH {s.paragraph}"
            lines.append(f"── {title} " + "─" * max(0, 60 - len(title)))
        labels = ", ".join(sa.labels) if sa.labels else "no label"
        lines.append(f"[{s.index}] ({labels}) {_mark_cues(s.text, s.start, sa.cues)}")
        for c in sa.cues:
            lines.append(f"      {c.label:<11} {c.text!r} ({c.voice} voice; rule {c.rule}): {c.explanation}")
        for ev in sa.evidence:
            if ev.label == "speculation":
                lines.append(f"      {'speculation':<11} {art.text[ev.start:ev.end]!r} (rule {ev.rule}): {ev.explanation}")
        for src in sources_by_sentence.get(s.index, []):
            lines.append(f"      source      {src.text!r}: {src.type}")
    lines.append("")
    counts = _label_counts(analysis)
    lines.append("Sentences per label: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    lines.append(f"Sources: {len(analysis.sources)} "
                 + "(" + ", ".join(f"{t} {sum(s.type == t for s in analysis.sources)}" for t in SOURCE_TYPES) + ")")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# HTML: the data the templates show, worked out here; the templates only lay it out
# ---------------------------------------------------------------------------

class Piece(NamedTuple):
    """A stretch of text with the same highlights: ``classes`` and ``title`` are empty for plain text.
    (A named tuple: a long article has hundreds of thousands of pieces.)"""

    text: str
    classes: str = ""
    title: str = ""


@dataclass(frozen=True)
class SentenceView:
    """One sentence as the report shows it: its pieces, its labels and the detector's reasons."""

    index: int
    pieces: tuple[Piece, ...]
    labels: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Block:
    """One block of the page, top to bottom: ``kind`` is headline, dek, meta, boilerplate, related
    or par; ``sentences`` are the highlighted sentences in it (empty: show ``text`` plainly)."""

    kind: str
    text: str = ""
    sentences: tuple[SentenceView, ...] = ()
    name: str = ""           # meta: "date" or "byline"
    title: str = ""          # boilerplate, related: why the kit thinks so
    paragraph: int | None = None


def _pieces(text: str, start: int, end: int, cues, sources) -> list[Piece]:
    """``text[start:end]`` cut at every edge of a cue or source span that overlaps it.

    Each piece names every span covering it, in its classes and in its title (the hover text).
    """
    spans = [(c.start, c.end, c) for c in cues if c.start < end and c.end > start]
    spans += [(s.start, s.end, s) for s in sources if s.start < end and s.end > start]
    cuts = sorted({start, end, *[max(start, a) for a, _, _ in spans], *[min(end, b) for _, b, _ in spans]})
    # A sweep along the cuts keeps the spans covering the current piece (linear, not pieces x spans).
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, (s0, s1, _) in enumerate(spans):
        if s1 <= s0:
            continue  # an empty span covers nothing
        opening.setdefault(max(start, s0), []).append(i)
        closing.setdefault(min(end, s1), []).append(i)
    active: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        classes, titles = [], []
        for i in sorted(active):
            obj = spans[i][2]
            if hasattr(obj, "voice"):
                classes += ["cue", obj.label, f"voice-{obj.voice}"]
                titles.append(f"{obj.label} ({obj.voice} voice) — {obj.explanation} [rule: {obj.rule}]")
            else:
                classes.append("src")
                titles.append(f"source: {obj.type.replace('_', ' ')} — {SOURCE_MEANINGS.get(obj.type, '')}")
        out.append(Piece(text[a:b], " ".join(dict.fromkeys(classes)), " | ".join(titles)))
    return out


def _highlight(text: str, start: int, end: int, cues, sources) -> str:
    """``text[start:end]`` as escaped HTML, each highlighted piece in a <span> (``report_highlight.html.j2``)."""
    return str(render("report_highlight.html.j2", pieces=_pieces(text, start, end, cues, sources)))


def _sentence_view(analysis, sa, sources) -> SentenceView:
    """One sentence with its highlights; ``sources``: those that overlap it."""
    s = sa.sentence
    pieces = _pieces(analysis.article.text, s.start, s.end, sa.cues, sources)
    why = "; ".join(f"{e.label}: {e.explanation}" for e in sa.evidence)
    return SentenceView(s.index, tuple(pieces), tuple(sa.labels), why)


def _blocks(analysis) -> list[Block]:
    """The page's blocks top to bottom: headline, dek, date, byline, website text, paragraphs.

    A missing date or byline is said where it would stand: after the headline and dek.
    """
    art = analysis.article
    by_start = {sa.sentence.start: sa for sa in analysis.sentences}
    sources = _by_sentence(analysis.sentences, analysis.sources)
    in_paragraph: dict[int | None, list] = {}
    for sa in analysis.sentences:
        in_paragraph.setdefault(sa.sentence.paragraph, []).append(sa)

    def view(sa) -> SentenceView:
        return _sentence_view(analysis, sa, sources.get(sa.sentence.index, []))

    blocks: list[Block] = []
    for part in art.parts:
        if part.kind in ("headline", "dek"):
            sa = by_start.get(part.start)
            blocks.append(Block(part.kind, part.text, (view(sa),) if sa else ()))
        elif part.kind in ("date", "byline"):
            shown = part.text + " (no name given)" if part.kind == "byline" and art.byline == "" else part.text
            blocks.append(Block("meta", shown, name=part.kind))
        elif part.kind in ("boilerplate", "related"):
            blocks.append(Block(part.kind, part.text, title=part.reason))
        elif part.kind == "body":
            blocks.append(Block("par", sentences=tuple(view(sa) for sa in in_paragraph.get(part.paragraph, [])),
                                paragraph=part.paragraph))
    after_head = max((i + 1 for i, b in enumerate(blocks) if b.kind in ("headline", "dek")), default=0)
    blocks[after_head:after_head] = [Block("meta", "none on the page", name=kind)
                                     for kind, value in (("date", art.date), ("byline", art.byline))
                                     if value is None]
    return blocks


def _context(analysis, scope: str = "") -> dict:
    """What the report templates show; ``scope``: a selector every CSS rule is limited to ("" for a page)."""
    return dict(blocks=_blocks(analysis), legend=[(lab, LABEL_MEANINGS[lab]) for lab in LEGEND_LABELS],
                source_meanings=SOURCE_MEANINGS, colours={lab: tint(LABEL_COLOURS[lab]) for lab in LEGEND_LABELS},
                scope=scope)


def to_html(analysis, title: str | None = None) -> str:
    """One self-contained HTML page (``report_page.html.j2``): no script, no network, all article text escaped."""
    art = analysis.article
    page_title = title or art.headline or art.id or "medialit report"
    return str(render("report_page.html.j2", title=page_title, **_context(analysis))) + "\n"


class Report:
    """An analysis shown inline in a notebook: the highlighted article with its legend.

    Its plain-text form is stable (no memory address), for nbval and static exports.
    """

    def __init__(self, analysis):
        self.analysis = analysis

    def _repr_html_(self) -> str:
        return str(render("report_inline.html.j2", **_context(self.analysis, scope=".medialit-report")))

    def __repr__(self) -> str:
        art = self.analysis.article
        counts = _label_counts(self.analysis)
        return (f"Report({art.id or 'pasted text'!r}: {len(self.analysis.sentences)} sentences, "
                + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")")


def show(analysis) -> Report:
    """Show an analysis in a notebook: ``report.show(analyze(article))``."""
    return Report(analysis)
