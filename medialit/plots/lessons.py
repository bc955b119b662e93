"""Plots for the lessons: what the answer key, the detector or a learner says about one article.

Each plot takes the detector's :class:`~medialit.detect.Analysis` or the expert
:class:`~medialit.answer_key.AnswerKey` (or a dict of them, one per article or
reader) so a lesson can show either, side by side, and returns a
:class:`~medialit.plots.style.ClassFigure` with its text alternative.

- :func:`paragraph_profile` — sentences per body paragraph carrying each label.
- :func:`label_shares` — the share of sentences carrying each label, per reader.
- :func:`sourcing_mix` — sources by type.
- :func:`voice_split` — the detector's cue words, the writer's voice or a source's.
- :func:`page_map` — the parts of a page, to scale.
- :func:`feedback_bars` — Check my work: found, missed and extra per label.

>>> from medialit.answer_key import load_answer_key
>>> fig = label_shares(load_answer_key("000_b7d55dfd4cdbabc3"), labels=("hedge",))
>>> fig.alt.startswith("Bar chart: the share of sentences carrying each label. 000 expert key (")
True
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from medialit.plots.style import described, figure, listing
from medialit.vocabulary import LABEL_COLOURS, SENTENCE_LABELS, SOURCE_COLOURS, SOURCE_TYPES
from medialit.wording import plural, shorten

#: Bar colours for the readers compared in :func:`label_shares` (not labels: the x axis has those).
READER_COLOURS = ("#4c78a8", "#f58518", "#54a24b", "#b279a2")
#: Colours of the parts of a page in :func:`page_map`.
PART_COLOURS = {"headline": "#1f2937", "dek": "#4b5563", "date": "#0ea5e9", "byline": "#0ea5e9",
                "related": "#a3a3a3", "boilerplate": "#ef4444", "body": "#93c5fd"}


def labelled_units(obj) -> list[tuple[str, int | None, frozenset[str]]]:
    """``(part, paragraph, labels)`` per headline, dek and body sentence of an Analysis or AnswerKey.

    >>> from medialit.answer_key import load_answer_key
    >>> labelled_units(load_answer_key("000_b7d55dfd4cdbabc3"))[0][:2]
    ('headline', None)
    """
    if hasattr(obj, "units"):  # AnswerKey
        return [(u.part, u.paragraph, u.label_set) for u in obj.units]
    return [(sa.sentence.part, sa.sentence.paragraph, frozenset(sa.labels)) for sa in obj.sentences]


def reader_name(obj) -> str:
    """A short name for a reading: ``003 expert key``, ``003 detector`` or ``your text detector``."""
    if hasattr(obj, "units"):
        return f"{obj.article_id[:3]} expert key"
    art = obj.article
    return f"{art.id[:3] if art.id else 'your text'} detector"


def _as_dict(objs) -> dict:
    return objs if isinstance(objs, dict) else {reader_name(objs): objs}


def paragraph_profile(obj, labels=("hedge", "booster"), title: str | None = None) -> Figure:
    """How many sentences of each body paragraph carry each label (one group of bars per paragraph).

    >>> from medialit.answer_key import load_answer_key
    >>> fig = paragraph_profile(load_answer_key("000_b7d55dfd4cdbabc3"))
    >>> len(fig.axes)
    1
    """
    units = [u for u in labelled_units(obj) if u[0] == "body"]
    pars = sorted({p for _, p, _ in units})
    fig = figure(min(10.0, max(6.0, 0.4 * len(pars) * len(labels) + 2)), 3.8,
                 left=0.8, right=0.3, top=0.6, bottom=0.8)
    ax = fig.add_subplot()
    width = 0.8 / len(labels)
    for k, lab in enumerate(labels):
        counts = [sum(lab in ls for _, p, ls in units if p == par) for par in pars]
        ax.bar([i + (k - (len(labels) - 1) / 2) * width for i in range(len(pars))], counts, width,
               color=LABEL_COLOURS[lab], edgecolor="#374151", label=lab)
    totals = [sum(1 for _, p, _ in units if p == par) for par in pars]
    ax.set_xticks(range(len(pars)), [f"¶{p}\n({n} sent.)" for p, n in zip(pars, totals)])
    ax.set_ylabel("sentences")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False)
    ax.set_title(title or f"Sentences per paragraph: {', '.join(labels)} ({reader_name(obj)})")
    per = [f"¶{par} ({plural(n, 'sentence')}): "
           + ", ".join(f"{lab} {sum(lab in ls for _, p, ls in units if p == par)}" for lab in labels)
           for par, n in zip(pars, totals)]
    return described(fig, f"Bar chart: how many sentences of each body paragraph carry {', '.join(labels)} "
                          f"({reader_name(obj)}).", f"{'; '.join(per)}." if per else "There are no body paragraphs.")


def label_shares(objs, labels=SENTENCE_LABELS, title: str | None = None) -> Figure:
    """The share of sentences carrying each label, one bar per article (or per reader).

    ``objs`` is an Analysis, an AnswerKey, or a dict ``{name: Analysis or AnswerKey}``.
    """
    objs = _as_dict(objs)
    fig = figure(7.5, 3.8, left=0.9, right=0.3, top=0.9, bottom=0.6)
    ax = fig.add_subplot()
    n = len(objs)
    width = 0.8 / n
    said = []
    for k, (name, obj) in enumerate(objs.items()):
        units = labelled_units(obj)
        shares = [100 * sum(lab in ls for _, _, ls in units) / max(1, len(units)) for lab in labels]
        ax.bar([i + (k - (n - 1) / 2) * width for i in range(len(labels))], shares, width,
               color=READER_COLOURS[k % len(READER_COLOURS)], label=f"{name} ({len(units)} sentences)")
        said.append(f"{name} ({len(units)} sentences): "
                    + ", ".join(f"{lab} {round(share)}%" for lab, share in zip(labels, shares)))
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel("% of sentences")
    ax.set_ylim(0, 100)
    ax.legend(frameon=False, fontsize="small")
    ax.set_title(title or "Which labels, how often?")
    return described(fig, f"Bar chart{': ' + title if title else ''}: the share of sentences carrying each label.",
                     f"{'; '.join(said)}.")


def sourcing_mix(objs, title: str | None = None) -> Figure:
    """Sources by type, one stacked bar per article: who is the information said to come from?"""
    objs = _as_dict(objs)
    fig = figure(7.5, 1.2 + 0.7 * len(objs), left=1.9, right=0.3, top=0.6, bottom=0.6)
    ax = fig.add_subplot()
    names = list(objs)
    said = []
    for row, name in enumerate(names):
        left = 0
        types = [s.type for s in objs[name].sources]
        for t in SOURCE_TYPES:
            n = types.count(t)
            if n:
                ax.barh(row, n, left=left, color=SOURCE_COLOURS[t], edgecolor="white")
                ax.text(left + n / 2, row, str(n), ha="center", va="center", fontsize=10)
                left += n
        kinds = [f"{types.count(t)} {t.replace('_', ' ')}" for t in SOURCE_TYPES if types.count(t)]
        said.append(f"{name}: {', '.join(kinds) if kinds else 'no sources'} ({len(types)} in all)")
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlabel("sources named")
    handles = [Patch(color=SOURCE_COLOURS[t], label=t.replace("_", " ")) for t in SOURCE_TYPES]
    ax.legend(handles=handles, ncol=5, fontsize="small", frameon=False, loc="lower center",
              bbox_to_anchor=(0.5, 1.0))
    if title:
        fig.suptitle(title)
    return described(fig, f"Bar chart{': ' + title if title else ''}: the sources named, by type.",
                     f"{'; '.join(said)}.")


def voice_split(analysis, title: str | None = None) -> Figure:
    """The detector's cues per label, split into the writer's voice and a source's voice."""
    labels = ["hedge", "booster", "opinion", "loaded"]
    author = [sum(c.label == lab and c.voice == "author" for c in analysis.cues) for lab in labels]
    source = [sum(c.label == lab and c.voice == "source" for c in analysis.cues) for lab in labels]
    fig = figure(6.5, 3.4, left=0.9, right=0.3, top=0.7, bottom=0.6)
    ax = fig.add_subplot()
    ax.bar(labels, author, color="#4c78a8", label="the writer's own words")
    ax.bar(labels, source, bottom=author, color="#bab0ac", hatch="//", label="words of a quoted or reported source")
    ax.set_ylabel("cue words")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize="small")
    ax.set_title(title or f"Whose voice? ({reader_name(analysis)})")
    said = [f"{lab} {a} in the writer's own words and {b} in a source's" for lab, a, b in zip(labels, author, source)]
    return described(fig, f"Bar chart: {title or 'whose voice'} ({reader_name(analysis)}), cue words per label.",
                      f"{'; '.join(said)}.")


def page_map(article) -> Figure:
    """The parts of the page from top to bottom, drawn to scale by their length in characters."""
    parts = list(article.parts)
    fig = figure(7.5, 0.9 + 0.32 * len(parts), left=1.4, right=0.3, top=0.5, bottom=0.5)
    ax = fig.add_subplot()
    for i, p in enumerate(parts):
        ax.barh(i, max(1, p.end - p.start), color=PART_COLOURS.get(p.kind, "#d1d5db"))
        label = p.kind if p.kind != "body" else f"¶{p.paragraph}"
        ax.text(-2, i, label, ha="right", va="center", fontsize=10)
        ax.text(max(1, p.end - p.start) + 5, i, shorten(p.text, 48), va="center", fontsize=8, color="#374151")
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_xlabel("length in characters")
    ax.set_xlim(0, max((p.end - p.start) for p in parts) * 1.9 if parts else 1)
    ax.set_title("The page, top to bottom: what each part is")
    said: list[list] = []                                  # [kind, count, characters]; body paragraphs grouped
    for p in parts:
        if said and said[-1][0] == p.kind == "body":
            said[-1][1] += 1
            said[-1][2] += p.end - p.start
        else:
            said.append([p.kind, 1, p.end - p.start])
    words = [f"{plural(n, 'body paragraph')} ({chars:,} characters)" if kind == "body"
             else f"{kind} ({chars:,} characters)" for kind, n, chars in said]
    return described(fig, f"The page, top to bottom, in {len(parts)} parts, drawn to scale by length:",
                     f"{listing(words, 12)}." if words else "no parts.")


def feedback_bars(fb) -> Figure:
    """Found, missed and extra per label for one learner's :class:`medialit.feedback.Feedback`."""
    fig = figure(6.5, 3.2, left=1.2, right=0.3, top=0.6, bottom=0.6)
    ax = fig.add_subplot()
    labels = [lf.label for lf in fb.labels]
    found = [lf.found for lf in fb.labels]
    missed = [lf.missed for lf in fb.labels]
    extra = [lf.extra for lf in fb.labels]
    ax.barh(labels, found, color="#4daf4a", label="found")
    ax.barh(labels, missed, left=found, color="#ff7f00", label="missed")
    ax.barh(labels, extra, left=[f + m for f, m in zip(found, missed)], color="#984ea3", label="extra")
    ax.invert_yaxis()
    ax.set_xlabel("sentences")
    ax.set_title(f"Your marks compared with the key ({fb.annotator})")
    ax.legend(loc="lower right", fontsize="small", frameon=False)
    said = [f"{lab} found {f}, missed {m}, extra {e}" for lab, f, m, e in zip(labels, found, missed, extra)]
    return described(fig, f"Bar chart: {shorten(fb.annotator, 40)}'s marks compared with the key, "
                          f"in sentences per label.", f"{'; '.join(said)}.")
