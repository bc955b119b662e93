"""Plots: the class view (made to be read on a projector) and the lessons.

Every function takes a :class:`medialit.classroom.ClassReport` and returns a
matplotlib :class:`~matplotlib.figure.Figure` (no pyplot, no global state, works
headless); :func:`save_all` writes them as PNG files. matplotlib is imported only
when this module is, and ``import medialit`` never imports this module.

- :func:`disagreement_map` — the article as paragraphs (rows) of sentences (boxes),
  coloured by how evenly the class is split on the sentence's most disputed label.
- :func:`agreement_bars` — Fleiss' kappa and Krippendorff's alpha per label, with the
  usual words for their size; undefined cases are written in words instead of a bar.
- :func:`f1_distribution` — how close the learners are to the answer key.
- :func:`class_vs_detector` — the share of the class marking each label per sentence,
  with the detector's labels and the key's on top.
- :func:`learner_grid` — each learner's F1 per label (small classes only), names or pseudonyms.

Learner names appear only in :func:`learner_grid`; ``pseudonyms=True`` shows
"Learner 01"... as in the tables.

Every figure is a :class:`ClassFigure`: in a notebook it shows as a PNG together with
a **text alternative** (``fig.alt``: what the plot shows, with its numbers, in one
or two sentences) as ``text/plain``, as the ``alt`` of an ``<img>`` in ``text/html``
(for screen readers, and where the image does not load) and in the PNG's
``Description``. Its texts are always drawn as plain text: a ``$`` in a learner's
name or a headline is never read as matplotlib mathtext (nor TeX).
"""

from __future__ import annotations

import sys
from pathlib import Path

from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from medialit.vocabulary import SENTENCE_LABELS, SOURCE_TYPES
from medialit.report import LABEL_COLOURS, shorten  # the same colours per label as the kit's HTML report
#: Short words for undefined agreement, to write where a bar would be.
SHORT_DEGENERATE = {
    "nobody": "nobody marked it:\nkappa undefined,\nagreement perfect",
    "everybody": "everyone marked it\neverywhere: kappa\nundefined, agreement\nperfect",
    "one": "only one learner:\nno agreement\nto measure",
    "none": "no learners",
    "no-items": "no sentences",
}
#: The same, in a text alternative.
ALT_DEGENERATE = {"nobody": "nobody marked it", "everybody": "everyone marked it everywhere",
                  "one": "only one learner", "none": "no learners", "no-items": "no sentences"}
#: The largest class drawn learner by learner in :func:`learner_grid`.
GRID_MAX_LEARNERS = 60

_FONT = {"title": 20, "sub": 13, "axis": 15, "tick": 13, "cell": 13}


class ClassFigure(Figure):
    """A matplotlib Figure that shows itself in a notebook without pyplot, with a text alternative.

    ``alt`` says what the plot shows in words (set by every plot function of this
    module). All its texts are drawn as plain text: :meth:`draw` switches mathtext and
    TeX off for every text, tick labels made while drawing included, so ``$``, ``_``,
    ``^`` and ``\\`` in names and headlines are shown as they are.

    >>> fig = ClassFigure()
    >>> fig.alt = "An empty plot."
    >>> data, meta = fig._repr_mimebundle_()
    >>> sorted(data), data["text/plain"], meta["image/png"]["alt"]
    (['image/png', 'text/html', 'text/plain'], 'An empty plot.', 'An empty plot.')
    """

    alt: str = ""

    def draw(self, renderer):
        from matplotlib import rc_context
        from matplotlib.text import Text

        with rc_context({"text.parse_math": False, "text.usetex": False}):   # for ticks made while drawing
            for t in self.findobj(Text):
                t.set_parse_math(False)
                t.set_usetex(False)
            return super().draw(renderer)

    def _png(self, dpi: int = 80) -> bytes:
        import io

        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=dpi, facecolor="white", metadata=self.png_metadata())
        return buf.getvalue()

    def png_metadata(self) -> dict:
        """PNG text chunks: the text alternative as the image's ``Description``."""
        return {"Description": self.alt} if self.alt else {}

    def _repr_png_(self) -> bytes:
        return self._png()

    def _repr_mimebundle_(self, include=None, exclude=None):
        import base64
        import html

        b64 = base64.b64encode(self._png()).decode("ascii")
        alt = self.alt or "A plot (no description was given)."
        data = {"image/png": b64, "text/plain": alt,
                "text/html": f'<img src="data:image/png;base64,{b64}" alt="{html.escape(alt, quote=True)}" '
                             f'style="max-width: 100%">'}
        return data, {"image/png": {"alt": alt}}

    def __repr__(self) -> str:
        return self.alt or super().__repr__()


def _described(fig: Figure, *sentences: str) -> Figure:
    """Give a figure its text alternative (sentences joined with spaces); returns the figure."""
    fig.alt = " ".join(x.strip() for x in sentences if x and x.strip())
    return fig


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _listing(items, limit: int = 8) -> str:
    """``a, b, c`` (at most ``limit`` items, then "and N more")."""
    items = list(items)
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return ", ".join(items)


def _figure(w: float, h: float, *, left: float, right: float, top: float, bottom: float) -> Figure:
    """A figure of w × h inches whose axes leave the given margins (inches) free.

    Fixed margins instead of matplotlib's layout engines: they cost a second full
    draw per figure, and the class view must stay fast on big classes.
    """
    fig = ClassFigure(figsize=(w, h), dpi=100)
    fig.subplots_adjust(left=left / w, right=1 - right / w, top=1 - top / h, bottom=bottom / h)
    return fig


def _head(fig: Figure, title: str, subtitle: str = "") -> None:
    """A bold title and, under it, one line saying how to read the plot."""
    h = fig.get_size_inches()[1]
    fig.text(0.5, 1 - 0.15 / h, title, ha="center", va="top", fontsize=_FONT["title"], fontweight="bold")
    if subtitle:
        fig.text(0.5, 1 - 0.6 / h, subtitle, ha="center", va="top", fontsize=_FONT["sub"], color="#374151")


def _inches(fig: Figure, x0: float, y0: float, w: float, h: float):
    """An axes placed in inches from the figure's lower left corner."""
    fw, fh = fig.get_size_inches()
    return fig.add_axes((x0 / fw, y0 / fh, w / fw, h / fh))


def _article_name(report, article_id: str, n: int = 60) -> str:
    art = report.data.articles[article_id].article
    return shorten(art.headline or article_id, n)


# ---------------------------------------------------------------------------
# Disagreement map
# ---------------------------------------------------------------------------

def disagreement_map(report, article_id: str) -> Figure:
    """The article as rows of sentence boxes, coloured by disagreement (0 = all decided alike, 1 = half/half)."""
    from matplotlib import colormaps

    sents = [s for s in report.sentences if s.article_id == article_id]
    rows: list[tuple[str, list]] = []
    for s in sents:
        name = s.part if s.part in ("headline", "dek") else f"¶{s.paragraph}"
        if not rows or rows[-1][0] != name:
            rows.append((name, []))
        rows[-1][1].append(s)
    ncols = max((len(r[1]) for r in rows), default=1)
    cmap = colormaps["YlOrRd"]
    norm = Normalize(0, 1)
    cell_w, cell_h = (2.5 if ncols <= 6 else max(1.6, 15.0 / ncols)), 0.85
    width = max(15.0, 4.2 + cell_w * ncols)
    height = 2.2 + cell_h * len(rows)
    fig = _figure(width, height, left=1.7, right=2.5, top=1.25, bottom=0.5)
    ax = fig.add_subplot()
    for r, (name, row) in enumerate(rows):
        for c, s in enumerate(row):
            ax.add_patch(Rectangle((c + 0.04, r + 0.06), 0.92, 0.88, facecolor=cmap(norm(s.disagreement)),
                                   edgecolor="#444444", linewidth=1.0))
            ink = "white" if s.disagreement > 0.6 else "black"
            ax.text(c + 0.5, r + 0.36, str(s.sentence), ha="center", va="center",
                    fontsize=_FONT["cell"] + 4, fontweight="bold", color=ink)
            if s.disagreement >= 0.1:
                detail = f"{s.disputed_label} {round(100 * s.shares[s.disputed_label])}%"
            else:
                detail = "agreed"
            ax.text(c + 0.5, r + 0.72, detail, ha="center", va="center", fontsize=_FONT["cell"], color=ink)
    ax.set_xlim(0, ncols)
    ax.set_ylim(len(rows), 0)
    ax.set_yticks([r + 0.5 for r in range(len(rows))], [name for name, _ in rows], fontsize=_FONT["tick"] + 1)
    ax.set_xticks([])
    ax.set_ylabel("Part of the article (¶ = paragraph)", fontsize=_FONT["axis"])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    w, h = fig.get_size_inches()
    cax = _inches(fig, w - 2.2, 0.5, 0.3, h - 1.75)
    cb = fig.colorbar(_mappable(cmap, norm), cax=cax)
    cb.set_label("Disagreement: 0 = everyone decided the same,\n1 = the class split half and half",
                 fontsize=_FONT["sub"])
    cb.ax.tick_params(labelsize=_FONT["tick"])
    n = len(report.data.articles[article_id].learners)
    _head(fig, f"Where the class disagrees on “{_article_name(report, article_id, 48)}”",
          f"{n} learners. Each box is a sentence, in reading order, numbered as in 'medialit analyze'; "
          f"under the number: the label the class is most split on, and how many marked it.")
    split = sorted((s for s in sents if s.disagreement >= 0.1), key=lambda s: (-s.disagreement, s.sentence))
    most = [f"sentence {s.sentence} ({_where(s)}: {s.disputed_label} marked by {_pct(s.shares[s.disputed_label])})"
            for s in split[:3]]
    return _described(
        fig, f"Where the class disagrees on “{_article_name(report, article_id, 120)}”: {n} learners, "
             f"{len(sents)} sentences drawn as boxes in reading order, darker where the class is split more evenly.",
        (f"Most split: {'; '.join(most)}. {len(sents) - len(split)} of the {len(sents)} sentences were decided "
         f"(almost) alike." if split else "The class decided every sentence and label (almost) alike."))


def _where(s) -> str:
    return s.part if s.part in ("headline", "dek") else f"¶{s.paragraph}"


def _mappable(cmap, norm):
    from matplotlib.cm import ScalarMappable

    return ScalarMappable(norm=norm, cmap=cmap)


# ---------------------------------------------------------------------------
# Agreement per label
# ---------------------------------------------------------------------------

_BAND_EDGES = ((-1.0, 0.0, "less than chance"), (0.0, 0.2, "slight"), (0.2, 0.4, "fair"), (0.4, 0.6, "moderate"),
               (0.6, 0.8, "substantial"), (0.8, 1.0, "almost perfect"))


def agreement_bars(report) -> Figure:
    """Fleiss' kappa and Krippendorff's alpha per label; one panel per article (and all articles pooled)."""
    from medialit.classroom import ALL_ARTICLES

    groups = list(report.data.articles)
    if len(groups) > 1:
        groups.append(ALL_ARTICLES)
    fig = _figure(max(15.0, 4.0 + 6.4 * len(groups)), 8.5, left=1.9, right=2.1, top=1.75, bottom=1.9)
    fig.subplots_adjust(wspace=0.08)
    axes = fig.subplots(1, len(groups), sharey=True, squeeze=False)[0]
    values = [v for a in report.agreement for v in (a.fleiss, a.alpha) if v is not None]
    low = min([0.0] + values)
    bottom = -0.2 if low > -0.2 else low - 0.1
    for ax, group in zip(axes, groups):
        rows = report.agreement_on(group)
        for lo, hi, name in _BAND_EDGES:
            ax.axhspan(lo, hi, color="#f3f4f6" if int(round(lo * 5)) % 2 == 0 else "#e5e7eb", zorder=0)
            if ax is axes[-1]:
                ax.text(1.02, (max(lo, bottom) + hi) / 2, name, transform=ax.get_yaxis_transform(), va="center",
                        fontsize=_FONT["tick"], color="#374151")
        ax.axhline(0, color="#111827", linewidth=1)
        for i, a in enumerate(rows):
            colour = LABEL_COLOURS.get(a.label, "#9ca3af")
            if a.fleiss is None and a.alpha is None:
                ax.text(i, 0.45, SHORT_DEGENERATE.get(a.reason or "", a.words), ha="center", va="center",
                        fontsize=_FONT["tick"] - 2, style="italic", color="#111827",
                        bbox=dict(boxstyle="round", facecolor="white", edgecolor="#6b7280"))
                continue
            for dx, v, hatch in ((-0.2, a.fleiss, ""), (0.2, a.alpha, "//")):
                if v is None:
                    continue
                ax.bar(i + dx, v, width=0.38, color=colour, edgecolor="#1f2937", hatch=hatch, zorder=2)
                ax.text(i + dx, v + (0.015 if v >= 0 else -0.015), f"{v:.2f}", ha="center",
                        va="bottom" if v >= 0 else "top", fontsize=_FONT["tick"] - 1, zorder=3)
        ax.set_xticks(range(len(rows)), [a.label for a in rows], fontsize=_FONT["tick"], rotation=25)
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.set_ylim(bottom, 1.08)
        if group == ALL_ARTICLES:
            title = f"All articles together\n({len(report.data.learners)} learners)"
        else:
            name = shorten(_article_name(report, group), 38)
            title = f"“{name}”\n({rows[0].learners if rows else 0} learners)"
        ax.set_title(title, fontsize=_FONT["sub"] + 1)
        ax.tick_params(axis="y", labelsize=_FONT["tick"])
    axes[0].set_ylabel("Agreement beyond chance\n(1 = everyone agrees, 0 = as if by chance)",
                       fontsize=_FONT["axis"])
    fig.legend(handles=[Patch(facecolor="#d1d5db", edgecolor="#1f2937", label="Fleiss' kappa"),
                        Patch(facecolor="#d1d5db", edgecolor="#1f2937", hatch="//",
                              label="Krippendorff's alpha")],
               loc="lower center", bbox_to_anchor=(0.5, 0.01), ncols=2, fontsize=_FONT["tick"] + 1,
               frameon=False)
    _head(fig, "How much does the class agree on each label?",
          "Bars: agreement beyond chance, with the usual words for its size on the right. "
          "Where it cannot be measured, the box says why.")
    parts = []
    for group in groups:
        rows = report.agreement_on(group)
        name = "all articles together" if group == ALL_ARTICLES else f"“{shorten(_article_name(report, group), 38)}”"
        values = [f"{a.label} " + (f"{a.fleiss:.2f} ({a.words})" if a.fleiss is not None else
                                   f"{a.alpha:.2f} ({a.words})" if a.alpha is not None else
                                   f"not measurable ({ALT_DEGENERATE.get(a.reason or '', a.words)})")
                  for a in rows]
        parts.append(f"{name}: {', '.join(values)}.")
    return _described(fig, "How much the class agrees on each label, beyond chance (Fleiss' kappa: "
                            "1 = everyone agrees, 0 = as if by chance).", *parts)


# ---------------------------------------------------------------------------
# Learners against the key
# ---------------------------------------------------------------------------

def f1_distribution(report) -> Figure:
    """A histogram of each learner's overall F1 against the key, and F1 per label as box plots."""
    import numpy as np

    fig = _figure(18.0, 8.0, left=1.2, right=0.5, top=1.3, bottom=1.5)
    fig.subplots_adjust(wspace=0.22)
    left, right = fig.subplots(1, 2, width_ratios=[1.1, 1])
    overall = np.array([s.f1 for s in report.scores if s.label == "overall" and s.f1 is not None])
    if len(overall):
        left.hist(overall, bins=np.linspace(0, 1, 21), color="#60a5fa", edgecolor="#1e3a8a")
        med = float(np.median(overall))
        left.axvline(med, color="#b91c1c", linewidth=3, label=f"median {med:.2f}")
        left.legend(fontsize=_FONT["tick"] + 1, loc="upper left")
    else:
        left.text(0.5, 0.5, "no answer key for these articles", ha="center", va="center",
                  fontsize=_FONT["axis"], transform=left.transAxes)
    left.set_xlim(0, 1)
    left.set_xlabel("F1 against the answer key, all labels together\n(0 = nothing like the key, "
                    "1 = exactly the key)", fontsize=_FONT["axis"])
    left.set_ylabel("Number of learners", fontsize=_FONT["axis"])
    left.set_title(f"All labels ({len(overall)} learners)", fontsize=_FONT["sub"] + 2)
    left.tick_params(labelsize=_FONT["tick"])

    data, names = [], []
    for lab in SENTENCE_LABELS:
        vals = [s.f1 for s in report.scores if s.label == lab and s.f1 is not None]
        data.append(vals if vals else [np.nan])
        names.append(lab)
    box = right.boxplot(data, tick_labels=names, patch_artist=True, widths=0.6,
                        medianprops=dict(color="#b91c1c", linewidth=2.5))
    for patch, lab in zip(box["boxes"], names):
        patch.set_facecolor(LABEL_COLOURS[lab])
    right.set_ylim(0, 1.02)
    right.set_ylabel("F1 against the answer key", fontsize=_FONT["axis"])
    right.set_xlabel("Label (box: the middle half of the learners;\nred line: the median)",
                     fontsize=_FONT["axis"])
    right.set_title("Per label", fontsize=_FONT["sub"] + 2)
    right.tick_params(labelsize=_FONT["tick"])
    _head(fig, "How close are the learners to the answer key?",
          "F1 combines labels found (recall) and labels right (precision), sentence by sentence.")
    if not len(overall):
        return _described(fig, "How close the learners are to the answer key: there is no answer key for "
                               "these articles, so there is nothing to compare with.")
    medians = [f"{lab} {float(np.median(v)):.2f}" for lab, v in zip(names, data) if not np.isnan(v).all()]
    return _described(
        fig, f"How close the {len(overall)} learners are to the answer key: F1 over all labels has median "
             f"{float(np.median(overall)):.2f} (lowest {overall.min():.2f}, highest {overall.max():.2f}; "
             f"1 = exactly the key).",
        f"Median F1 per label: {', '.join(medians)}." if medians else "")


def learner_grid(report, pseudonyms: bool = False, max_learners: int = GRID_MAX_LEARNERS) -> Figure | None:
    """Each learner's F1 per label (rows: learners). None for classes larger than ``max_learners``."""
    import numpy as np
    from matplotlib import colormaps

    name = report.data.namer(pseudonyms)
    cols = list(SENTENCE_LABELS) + ["overall"]
    by: dict[str, dict[str, float | None]] = {}
    for s in report.scores:
        by.setdefault(name(s.learner), {})[s.label] = s.f1
    if not by or len(by) > max_learners:
        return None
    learners = sorted(by)
    grid = np.array([[np.nan if by[n].get(c) is None else by[n][c] for c in cols] for n in learners])
    shown = [shorten(n, 32) for n in learners]        # a very long name must not make a huge figure
    longest = max(len(n) for n in shown)
    left = 0.6 + 0.11 * longest
    fig = _figure(left + 11.0, 2.9 + 0.42 * len(learners), left=left, right=2.2, top=1.9, bottom=0.6)
    ax = fig.add_subplot()
    cmap = colormaps["RdYlBu"].with_extremes(bad="#e5e7eb")   # red = far from the key, blue = close
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for i in range(len(learners)):
        for j in range(len(cols)):
            v = grid[i, j]
            ink = "white" if not np.isnan(v) and (v > 0.85 or v < 0.15) else "black"
            ax.text(j, i, "–" if np.isnan(v) else f"{v:.2f}", ha="center", va="center",
                    fontsize=_FONT["tick"] - 1, color=ink)
    ax.set_xticks(range(len(cols)), cols, fontsize=_FONT["tick"])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(learners)), shown, fontsize=_FONT["tick"] - 1)
    ax.set_xlabel("'–': nothing to find and nothing marked", fontsize=_FONT["sub"])
    w, h = fig.get_size_inches()
    cb = fig.colorbar(im, cax=_inches(fig, w - 1.9, 0.6, 0.3, h - 2.5))
    cb.set_label("F1 against the answer key", fontsize=_FONT["sub"])
    cb.ax.tick_params(labelsize=_FONT["tick"])
    _head(fig, "Each learner against the answer key",
          "F1 per label: 1 = exactly the key, 0 = nothing like it")
    scored = [(by[n]["overall"], shown[i]) for i, n in enumerate(learners) if by[n].get("overall") is not None]
    extremes = ""
    if scored:
        (lo, lo_name), (hi, hi_name) = min(scored), max(scored)
        extremes = f"Overall F1 ranges from {lo:.2f} ({lo_name}) to {hi:.2f} ({hi_name})."
    return _described(fig, f"Each learner's F1 against the answer key per label, one row per learner "
                           f"({len(learners)} learners; 1 = exactly the key).", extremes)


# ---------------------------------------------------------------------------
# The class next to the detector
# ---------------------------------------------------------------------------

def class_vs_detector(report, article_id: str, detector=None) -> Figure:
    """Share of the class marking each label per sentence, with the detector's labels and the key's.

    ``detector`` is a bool array (sentences × labels), as from
    :func:`medialit.classroom.detector_labels`; it is computed when not given.
    """
    import numpy as np
    from matplotlib import colormaps

    from medialit.classroom import detector_labels

    art = report.data.articles[article_id]
    if detector is None:
        detector, why = detector_labels(art.article)
        if detector is None:
            raise RuntimeError(why)
    n = len(art.learners)
    share = art.counts.T / max(n, 1)                     # (labels, sentences)
    n_sent = share.shape[1]
    fig = _figure(max(15.0, 4.2 + 0.5 * n_sent), 7.0, left=1.8, right=2.4, top=1.3, bottom=1.7)
    ax = fig.add_subplot()
    im = ax.imshow(share, cmap=colormaps["Blues"], vmin=0, vmax=1, aspect="auto")
    ky, kx = np.nonzero(art.key.T) if art.key is not None else ([], [])
    for y, x in zip(ky, kx):
        ax.add_patch(Rectangle((x - 0.44, y - 0.44), 0.88, 0.88, fill=False, edgecolor="#f59e0b", linewidth=3))
    dy, dx = np.nonzero(np.asarray(detector).T)
    ax.scatter(dx, dy, marker="o", s=110, facecolor="#111827", edgecolor="white", linewidth=1.5, zorder=3)
    ax.set_yticks(range(len(SENTENCE_LABELS)), SENTENCE_LABELS, fontsize=_FONT["tick"] + 1)
    step = 1 if n_sent <= 40 else 2
    ax.set_xticks(range(0, n_sent, step), [str(i) for i in range(0, n_sent, step)], fontsize=_FONT["tick"] - 1)
    ax.set_xlabel("Sentence number (0 = headline, 1 = dek; as in 'medialit analyze')", fontsize=_FONT["axis"])
    w, h = fig.get_size_inches()
    cb = fig.colorbar(im, cax=_inches(fig, w - 2.1, 1.7, 0.3, h - 3.0))
    cb.set_label("Share of the class\nthat marked the label", fontsize=_FONT["sub"])
    cb.ax.tick_params(labelsize=_FONT["tick"])
    handles = [Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor="#111827",
                      markeredgecolor="white", label="the detector found this label"),
               Patch(facecolor="none", edgecolor="#f59e0b", linewidth=3, label="the answer key has this label")]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.01), ncols=2,
               fontsize=_FONT["tick"] + 1, frameon=False)
    _head(fig, f"The class next to the detector on “{_article_name(report, article_id, 48)}”",
          f"{n} learners. Each column is a sentence, each row a label: the darker the blue, the more "
          f"of the class marked it.")
    det = np.asarray(detector, dtype=bool)
    majority = (share.T > 0.5)                                # (sentences, labels)
    key_part = "" if art.key is None else f" The answer key has {int(art.key.sum())}."
    return _described(
        fig, f"The class next to the detector on “{_article_name(report, article_id, 120)}”: {n} learners, "
             f"{n_sent} sentences, {len(SENTENCE_LABELS)} labels.",
        f"The detector found {int(det.sum())} sentence labels and the class majority marked "
        f"{int(majority.sum())}; they agree on {int((det & majority).sum())}.{key_part}")


# ---------------------------------------------------------------------------
# Saving
# ---------------------------------------------------------------------------

def _save(fig: Figure, path: Path) -> Path:
    meta = fig.png_metadata() if isinstance(fig, ClassFigure) else {}
    fig.savefig(path, dpi=100, facecolor="white", metadata=meta, pil_kwargs={"compress_level": 3})
    return path


def _can_fork() -> bool:
    """Drawing in forked worker processes is safe only on Linux, from a single-threaded process."""
    import os
    import threading

    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1)


_JOBS: list = []


def _run_job(i: int) -> tuple[list[str], list[str]]:
    paths, notes = _JOBS[i]()
    return [str(p) for p in paths], notes


def _one(fn, args, path: Path):
    def job():
        return [_save(fn(*args), path)], []
    return job


def _detector_job(report, out: Path):
    """Run the detector on every article (its word lists load once) and draw the class next to it."""
    def job():
        from medialit.annotate.storage import sanitize_name
        from medialit.classroom import detector_labels

        paths, reasons = [], {}
        for aid, art in report.data.articles.items():
            labels, why = detector_labels(art.article)
            if labels is None:
                reasons.setdefault(why, []).append(aid)
                continue
            paths.append(_save(class_vs_detector(report, aid, labels), out / f"detector-{sanitize_name(aid)}.png"))
        notes = [f"the class next to the detector was not drawn for {', '.join(aids)}: {why}"
                 for why, aids in reasons.items()]
        return paths, notes
    return job


def save_all(report, out: str | Path, *, pseudonyms: bool = False, detector: bool = True,
             parallel: bool | None = None) -> tuple[list[Path], list[str]]:
    """Write every plot as PNG into ``out``; returns (paths, notes about plots left out).

    ``parallel`` draws the figures in two forked processes (default: when that is
    safe, see :func:`_can_fork`; never inside a Jupyter kernel, which has threads).
    """
    from medialit.annotate.storage import sanitize_name

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs, notes = [], []
    if detector:  # first: the slowest job (it loads the detector's word lists)
        jobs.append(_detector_job(report, out))
    for aid in report.data.articles:
        jobs.append(_one(disagreement_map, (report, aid), out / f"disagreement-{sanitize_name(aid)}.png"))
    jobs.append(_one(agreement_bars, (report,), out / "agreement.png"))
    if any(a.key is not None for a in report.data.articles.values()):
        jobs.append(_one(f1_distribution, (report,), out / "f1.png"))
    if report.scores and len({s.learner for s in report.scores}) <= GRID_MAX_LEARNERS:
        jobs.append(_one(learner_grid, (report, pseudonyms), out / "learners.png"))
    elif report.scores:
        notes.append(f"learners.png (each learner's F1 per label) is drawn for classes of up to "
                     f"{GRID_MAX_LEARNERS} learners only; learner_scores.csv has every learner")
    if parallel is None:
        parallel = len(jobs) > 2 and _can_fork()
    global _JOBS
    if parallel:
        import multiprocessing

        _JOBS = jobs
        try:
            with multiprocessing.get_context("fork").Pool(2) as pool:
                done = pool.map(_run_job, range(len(jobs)), chunksize=1)
        finally:
            _JOBS = []
    else:
        done = [job() for job in jobs]
    paths = [Path(p) for ps, _ in done for p in ps]
    return paths, [n for _, ns in done for n in ns] + notes


__all__ = ["agreement_bars", "class_vs_detector", "disagreement_map", "f1_distribution", "learner_grid",
           "save_all", "LABEL_COLOURS"]


# ---------------------------------------------------------------------------
# Plots for the lessons
# ---------------------------------------------------------------------------
# Each takes the detector's Analysis or the expert AnswerKey (or a dict of them,
# one per article) so a lesson can show either, side by side.

SOURCE_COLOURS = {"named_person": "#1b9e77", "institution": "#7570b3", "outlet": "#e6ab02",
                  "anonymous": "#d95f02", "vague": "#e7298a"}


def labelled_units(obj) -> list[tuple[str, int | None, frozenset[str]]]:
    """``(part, paragraph, labels)`` per headline, dek and body sentence of an Analysis or AnswerKey."""
    if hasattr(obj, "units"):  # AnswerKey
        return [(u.part, u.paragraph, u.label_set) for u in obj.units]
    return [(sa.sentence.part, sa.sentence.paragraph, frozenset(sa.labels)) for sa in obj.sentences]


def _name(obj) -> str:
    if hasattr(obj, "units"):
        return f"{obj.article_id[:3]} expert key"
    art = obj.article
    return f"{(art.id or 'your text')[:3] if art.id else 'your text'} detector"


def _as_dict(objs) -> dict:
    return objs if isinstance(objs, dict) else {_name(objs): objs}


def paragraph_profile(obj, labels=("hedge", "booster"), title: str | None = None) -> Figure:
    """How many sentences of each body paragraph carry each label (one group of bars per paragraph).

    >>> from medialit.answer_key import load_answer_key
    >>> fig = paragraph_profile(load_answer_key("000_b7d55dfd4cdbabc3"))
    >>> len(fig.axes)
    1
    """
    units = [u for u in labelled_units(obj) if u[0] == "body"]
    pars = sorted({p for _, p, _ in units})
    fig = _figure(min(10.0, max(6.0, 0.4 * len(pars) * len(labels) + 2)), 3.8, left=0.8, right=0.3, top=0.6, bottom=0.8)
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
    ax.set_title(title or f"Sentences per paragraph: {', '.join(labels)} ({_name(obj)})")
    per = [f"¶{par} ({n} sentence{'s' if n != 1 else ''}): " + ", ".join(f"{lab} {sum(lab in ls for _, p, ls in units if p == par)}"
                                                  for lab in labels)
           for par, n in zip(pars, totals)]
    return _described(fig, f"Bar chart: how many sentences of each body paragraph carry {', '.join(labels)} "
                            f"({_name(obj)}).", f"{'; '.join(per)}." if per else "There are no body paragraphs.")


def label_shares(objs, labels=SENTENCE_LABELS, title: str | None = None) -> Figure:
    """The share of sentences carrying each label, one bar per article (or per reader).

    ``objs`` is an Analysis, an AnswerKey, or a dict ``{name: Analysis or AnswerKey}``.
    """
    objs = _as_dict(objs)
    fig = _figure(7.5, 3.8, left=0.9, right=0.3, top=0.9, bottom=0.6)
    ax = fig.add_subplot()
    n = len(objs)
    width = 0.8 / n
    colours = ["#4c78a8", "#f58518", "#54a24b", "#b279a2"]
    for k, (name, obj) in enumerate(objs.items()):
        units = labelled_units(obj)
        shares = [100 * sum(lab in ls for _, _, ls in units) / max(1, len(units)) for lab in labels]
        ax.bar([i + (k - (n - 1) / 2) * width for i in range(len(labels))], shares, width,
               color=colours[k % len(colours)], label=f"{name} ({len(units)} sentences)")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel("% of sentences")
    ax.set_ylim(0, 100)
    ax.legend(frameon=False, fontsize="small")
    ax.set_title(title or "Which labels, how often?")
    said = []
    for name, obj in objs.items():
        units = labelled_units(obj)
        shares = [f"{lab} {round(100 * sum(lab in ls for _, _, ls in units) / max(1, len(units)))}%" for lab in labels]
        said.append(f"{name} ({len(units)} sentences): {', '.join(shares)}")
    return _described(fig, f"Bar chart{': ' + title if title else ''}: the share of sentences carrying each label.",
                      f"{'; '.join(said)}.")


def sourcing_mix(objs, title: str | None = None) -> Figure:
    """Sources by type, one stacked bar per article: who is the information said to come from?"""
    objs = _as_dict(objs)
    fig = _figure(7.5, 1.2 + 0.7 * len(objs), left=1.9, right=0.3, top=0.6, bottom=0.6)
    ax = fig.add_subplot()
    names = list(objs)
    for row, name in enumerate(names):
        left = 0
        types = [s.type for s in objs[name].sources]
        for t in SOURCE_TYPES:
            n = types.count(t)
            if n:
                ax.barh(row, n, left=left, color=SOURCE_COLOURS[t], edgecolor="white")
                ax.text(left + n / 2, row, str(n), ha="center", va="center", fontsize=10)
                left += n
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlabel("sources named")
    handles = [Patch(color=SOURCE_COLOURS[t], label=t.replace("_", " ")) for t in SOURCE_TYPES]
    ax.legend(handles=handles, ncol=5, fontsize="small", frameon=False, loc="lower center",
              bbox_to_anchor=(0.5, 1.0))
    if title:
        fig.suptitle(title)
    said = []
    for name in names:
        types = [s.type for s in objs[name].sources]
        kinds = [f"{types.count(t)} {t.replace('_', ' ')}" for t in SOURCE_TYPES if types.count(t)]
        said.append(f"{name}: {', '.join(kinds) if kinds else 'no sources'} ({len(types)} in all)")
    return _described(fig, f"Bar chart{': ' + title if title else ''}: the sources named, by type.",
                      f"{'; '.join(said)}.")


def voice_split(analysis, title: str | None = None) -> Figure:
    """The detector's cues per label, split into the writer's voice and a source's voice."""
    labels = ["hedge", "booster", "opinion", "loaded"]
    author = [sum(c.label == lab and c.voice == "author" for c in analysis.cues) for lab in labels]
    source = [sum(c.label == lab and c.voice == "source" for c in analysis.cues) for lab in labels]
    fig = _figure(6.5, 3.4, left=0.9, right=0.3, top=0.7, bottom=0.6)
    ax = fig.add_subplot()
    ax.bar(labels, author, color="#4c78a8", label="the writer's own words")
    ax.bar(labels, source, bottom=author, color="#bab0ac", hatch="//", label="words of a quoted or reported source")
    ax.set_ylabel("cue words")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize="small")
    ax.set_title(title or f"Whose voice? ({_name(analysis)})")
    said = [f"{lab} {a} in the writer's own words and {b} in a source's" for lab, a, b in zip(labels, author, source)]
    return _described(fig, f"Bar chart: {title or 'whose voice'} ({_name(analysis)}), cue words per label.",
                      f"{'; '.join(said)}.")


def page_map(article) -> Figure:
    """The parts of the page from top to bottom, drawn to scale by their length in characters."""
    colours = {"headline": "#1f2937", "dek": "#4b5563", "date": "#0ea5e9", "byline": "#0ea5e9",
               "related": "#a3a3a3", "boilerplate": "#ef4444", "body": "#93c5fd"}
    parts = list(article.parts)
    fig = _figure(7.5, 0.9 + 0.32 * len(parts), left=1.4, right=0.3, top=0.5, bottom=0.5)
    ax = fig.add_subplot()
    for i, p in enumerate(parts):
        ax.barh(i, max(1, p.end - p.start), color=colours.get(p.kind, "#d1d5db"))
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
    words = [f"{n} body paragraph{'s' if n > 1 else ''} ({chars:,} characters)" if kind == "body"
             else f"{kind} ({chars:,} characters)" for kind, n, chars in said]
    return _described(fig, f"The page, top to bottom, in {len(parts)} parts, drawn to scale by length:",
                      f"{_listing(words, 12)}." if words else "no parts.")


def feedback_bars(fb) -> Figure:
    """Found, missed and extra per label for one learner's :class:`medialit.feedback.Feedback`."""
    fig = _figure(6.5, 3.2, left=1.2, right=0.3, top=0.6, bottom=0.6)
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
    return _described(fig, f"Bar chart: {shorten(fb.annotator, 40)}'s marks compared with the key, "
                           f"in sentences per label.", f"{'; '.join(said)}.")
