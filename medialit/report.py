"""Reports of an analysis: readable text, JSON for other tools, and one
self-contained HTML page (no network, no script) with highlighted cues, a legend
and explanations on hover. All article text is escaped before it reaches HTML.

>>> from medialit.articles import parse_article
>>> from medialit.detect import analyze
>>> page = to_html(analyze(parse_article("<script>alert(1)</script> It may rain.", body_only=True)))
>>> "<script>" in page, "&lt;script&gt;" in page
(False, True)
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from html import escape

#: Colours per label, chosen to be told apart with common colour-vision differences.
LABEL_COLOURS = {
    "hedge": "#fde68a",        # amber
    "booster": "#fca5a5",      # red
    "attribution": "#93c5fd",  # blue
    "opinion": "#c4b5fd",      # violet
    "loaded": "#f9a8d4",       # pink
    "speculation": "#a7f3d0",  # green (a sentence label only)
}
LABEL_MEANINGS = {
    "hedge": "lowers how sure the claim sounds (perhaps, could, seems)",
    "booster": "raises how sure it sounds without giving evidence (obviously, of course)",
    "attribution": "says where the information comes from (said, according to, (Reuters))",
    "opinion": "the writer judges or tells what should happen (to my mind, ought to)",
    "loaded": "an emotionally charged word choice (belligerent, blunder, brag)",
    "speculation": "a claim about what the writer cannot know: the future, motives, secret deals",
}
SOURCE_MEANINGS = {
    "named_person": "a person named in the text",
    "institution": "a body speaking as a whole",
    "outlet": "a news outlet or agency",
    "anonymous": "a specific but unnamed person",
    "vague": "an unspecified group or impression",
}


def shorten(text: str, n: int) -> str:
    """``text`` on one line, cut to at most ``n`` characters with an ellipsis.

    >>> shorten("A long\\nline of text", 10)
    'A long li…'
    """
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


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
    ss = [sa.sentence if hasattr(sa, "sentence") else sa for sa in sentences]
    starts = [s.start for s in ss]
    out: dict[int, list] = {}
    for item in items:
        i = max(0, bisect_right(starts, item.start) - 1)
        while i < len(ss) and ss[i].start < max(item.end, item.start + 1):
            if ss[i].end > item.start:
                out.setdefault(ss[i].index, []).append(item)
            i += 1
    return out


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
    starts = [sa.sentence.start for sa in analysis.sentences]
    for src in analysis.sources:
        i = bisect_right(starts, src.start) - 1
        if i >= 0 and src.start < analysis.sentences[i].sentence.end:
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
    counts = {lab: sum(lab in sa.labels for sa in analysis.sentences) for lab in LABEL_MEANINGS
              if lab != "loaded"}
    lines.append("Sentences per label: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    lines.append(f"Sources: {len(analysis.sources)} "
                 + "(" + ", ".join(f"{t} {sum(s.type == t for s in analysis.sources)}" for t in SOURCE_MEANINGS) + ")")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.6; color: #1f2937; }
h1.headline { font-size: 1.6rem; line-height: 1.3; }
p.dek { font-size: 1.15rem; font-style: italic; }
.meta, .boilerplate, .related { font-family: system-ui, sans-serif; font-size: .85rem; color: #4b5563;
       border-left: 3px solid #d1d5db; padding-left: .6rem; }
.boilerplate::before { content: "website boilerplate: "; font-weight: bold; }
.related::before { content: "related link: "; font-weight: bold; }
.par { position: relative; }
.parno { position: absolute; left: -2.2rem; color: #9ca3af; font: .8rem system-ui, sans-serif; }
.sent { border-bottom: 1px dotted transparent; }
.labels { font: .7rem system-ui, sans-serif; color: #374151; vertical-align: super; }
.cue { border-radius: 3px; padding: 0 1px; }
.voice-source { text-decoration: underline dashed; }
.src { border-bottom: 2px solid #111827; }
.legend { font: .85rem system-ui, sans-serif; border: 1px solid #e5e7eb; padding: .5rem 1rem; }
.legend span.sw { display: inline-block; width: 1em; height: 1em; border-radius: 3px; vertical-align: middle; }
"""


def _css() -> str:
    rules = [f".cue.{lab} {{ background: {col}; }}" for lab, col in LABEL_COLOURS.items()]
    rules += [f".labels .{lab} {{ background: {col}; border-radius: 3px; padding: 0 2px; }}"
              for lab, col in LABEL_COLOURS.items()]
    return _CSS + "\n".join(rules)


def _highlight(text: str, start: int, end: int, cues, sources) -> str:
    """Escaped ``text[start:end]`` with cue and source spans wrapped in <span>s.

    Overlapping spans are handled by cutting the text at every span edge: each
    piece gets one <span> whose classes and title name every span covering it.
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
        covering = [spans[i][2] for i in sorted(active)]
        piece = escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        classes, titles = [], []
        for obj in covering:
            if hasattr(obj, "voice"):
                classes += ["cue", obj.label, f"voice-{obj.voice}"]
                titles.append(f"{obj.label} ({obj.voice} voice) — {obj.explanation} [rule: {obj.rule}]")
            else:
                classes.append("src")
                titles.append(f"source: {obj.type.replace('_', ' ')} — {SOURCE_MEANINGS.get(obj.type, '')}")
        out.append(f'<span class="{escape(" ".join(dict.fromkeys(classes)))}" '
                   f'title="{escape(" | ".join(titles))}">{piece}</span>')
    return "".join(out)


def _sentence_html(analysis, sa, sources=None) -> str:
    """One sentence with its highlights; ``sources``: those overlapping it (default: all, to be filtered)."""
    s = sa.sentence
    text = analysis.article.text
    body = _highlight(text, s.start, s.end, sa.cues, analysis.sources if sources is None else sources)
    why = "; ".join(f"{e.label}: {e.explanation}" for e in sa.evidence)
    badges = "".join(f'<span class="{escape(lab)}">{escape(lab)}</span> ' for lab in sa.labels)
    return (f'<span class="sent" id="s{s.index}" title="{escape(why)}">{body}</span>'
            + (f' <span class="labels">{badges.strip()}</span>' if badges else ""))


def _article_html(analysis) -> str:
    """The legend and the article with highlights (no page around it)."""
    art = analysis.article
    by_start = {sa.sentence.start: sa for sa in analysis.sentences}
    sources = _by_sentence(analysis.sentences, analysis.sources)
    in_paragraph: dict[int | None, list] = {}
    for sa in analysis.sentences:
        in_paragraph.setdefault(sa.sentence.paragraph, []).append(sa)

    def sentence_html(sa) -> str:
        return _sentence_html(analysis, sa, sources.get(sa.sentence.index, []))

    body: list[str] = []
    for part in art.parts:
        if part.kind == "headline":
            sa = by_start.get(part.start)
            body.append(f'<h1 class="headline">{sentence_html(sa) if sa else escape(part.text)}</h1>')
        elif part.kind == "dek":
            sa = by_start.get(part.start)
            body.append(f'<p class="dek">{sentence_html(sa) if sa else escape(part.text)}</p>')
        elif part.kind in ("date", "byline"):
            shown = part.text if part.kind == "date" else (part.text + " (no name given)"
                                                            if art.byline == "" else part.text)
            body.append(f'<p class="meta"><b>{part.kind}:</b> {escape(shown)}</p>')
        elif part.kind in ("boilerplate", "related"):
            body.append(f'<p class="{part.kind}" title="{escape(part.reason)}">{escape(part.text)}</p>')
        elif part.kind == "body":
            inner = " ".join(sentence_html(sa) for sa in in_paragraph.get(part.paragraph, []))
            body.append(f'<p class="par"><span class="parno">¶{part.paragraph}</span>{inner}</p>')
    # Missing date and byline are said where they would stand: after the headline and dek.
    after_head = max((i + 1 for i, html in enumerate(body)
                      if html.startswith(('<h1 class="headline"', '<p class="dek"'))), default=0)
    missing = [f'<p class="meta"><b>{kind}:</b> none on the page</p>'
               for kind, value in (("date", art.date), ("byline", art.byline)) if value is None]
    body[after_head:after_head] = missing

    legend = ["<div class=\"legend\"><b>How to read this page.</b> Hover over a highlighted word to see why "
              "the detector marked it. Dashed underline: the words are a source's, not the writer's. "
              "Solid underline: a source. Small tags after a sentence: its labels.<br>"]
    for lab, meaning in LABEL_MEANINGS.items():
        legend.append(f'<span class="sw" style="background:{LABEL_COLOURS[lab]}"></span> '
                      f"<b>{lab}</b>: {escape(meaning)}<br>")
    legend.append("<b>Source types:</b> " + "; ".join(f"{escape(k.replace('_', ' '))} = {escape(v)}"
                                                      for k, v in SOURCE_MEANINGS.items()))
    legend.append("<br>The detector follows simple rules and makes mistakes: argue with it!</div>")
    return "".join(legend) + "\n<article>\n" + "\n".join(body) + "\n</article>\n"


def to_html(analysis, title: str | None = None) -> str:
    """One self-contained HTML page: no script, no network, all article text escaped."""
    art = analysis.article
    page_title = title or art.headline or art.id or "medialit report"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{escape(page_title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        + _article_html(analysis) + "</body>\n</html>\n"
    )


def _scoped_css(scope: str) -> str:
    """The page's CSS with every selector limited to ``scope`` (so a notebook's own styles are untouched)."""
    def scoped(m: re.Match) -> str:
        sels = [x.strip() for x in m.group(1).split(",")]
        return ", ".join(scope if x == "body" else f"{scope} {x}" for x in sels) + " {"
    return re.sub(r"([^{}]+)\{", scoped, _css())


class Report:
    """An analysis shown inline in a notebook: the highlighted article with its legend.

    Its plain-text form is stable (no memory address), for nbval and static exports.
    """

    def __init__(self, analysis):
        self.analysis = analysis

    def _repr_html_(self) -> str:
        return (f'<div class="medialit-report"><style>{_scoped_css(".medialit-report")}</style>'
                + _article_html(self.analysis) + "</div>")

    def __repr__(self) -> str:
        art = self.analysis.article
        counts = {lab: sum(lab in sa.labels for sa in self.analysis.sentences) for lab in LABEL_MEANINGS
                  if lab != "loaded"}
        return (f"Report({art.id or 'pasted text'!r}: {len(self.analysis.sentences)} sentences, "
                + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")")


def show(analysis) -> Report:
    """Show an analysis in a notebook: ``report.show(analyze(article))``."""
    return Report(analysis)
