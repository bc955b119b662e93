"""Plots of the class view, made to be read on a projector.

Every function takes the class view's report (a
:class:`medialit.classroom.ClassReport`, used only through its attributes: this
module never imports the classroom package) and returns a
:class:`~medialit.plots.style.ClassFigure` with its text alternative;
:func:`save_all` writes them all as PNG files.

- :func:`disagreement_map` — the article as paragraphs (rows) of sentences (boxes),
  coloured by how evenly the class is split on the sentence's most disputed label.
- :func:`agreement_bars` — Fleiss' kappa and Krippendorff's alpha per label, with the
  usual words for their size (:data:`~medialit.vocabulary.AGREEMENT_BANDS`); undefined
  cases are written in words instead of a bar.
- :func:`f1_distribution` — how close the learners are to the answer key.
- :func:`class_vs_detector` — the share of the class marking each label per sentence,
  with the detector's labels (given as a bool array) and the key's on top.
- :func:`learner_grid` — each learner's F1 per label (small classes only), names or pseudonyms.
- :func:`first_try_bars` — the quiz questions with the lowest share right at the first try, and in the end.

Learner names appear only in :func:`learner_grid`; ``pseudonyms=True`` shows
"Learner 01"... as in the tables.

>>> SHORT_DEGENERATE["one"].replace("\\n", " ")
'only one learner: no agreement to measure'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import numpy as np
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from medialit.annotate.storage import sanitize_name
from medialit.plots.style import FONT, described, figure, head, inches, percent, save_png
from medialit.plots.workers import can_fork, run_in_workers
from medialit.vocabulary import AGREEMENT_BANDS, ALL_ARTICLES, LABEL_COLOURS, SENTENCE_LABELS, tint
from medialit.wording import shorten

__all__ = ["agreement_bars", "class_vs_detector", "disagreement_map", "f1_distribution", "first_try_bars",
           "learner_grid", "save_all", "GRID_MAX_LEARNERS"]

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


def _article_name(report, article_id: str, n: int = 60) -> str:
    art = report.data.articles[article_id].article
    return shorten(art.headline or article_id, n)


# ---------------------------------------------------------------------------
# Disagreement map
# ---------------------------------------------------------------------------

def disagreement_map(report, article_id: str) -> Figure:
    """The article as rows of sentence boxes, coloured by disagreement (0 = all decided alike, 1 = half/half)."""
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
    fig = figure(width, height, left=1.7, right=2.5, top=1.25, bottom=0.5)
    ax = fig.add_subplot()
    for r, (name, row) in enumerate(rows):
        for c, s in enumerate(row):
            ax.add_patch(Rectangle((c + 0.04, r + 0.06), 0.92, 0.88, facecolor=cmap(norm(s.disagreement)),
                                   edgecolor="#444444", linewidth=1.0))
            ink = "white" if s.disagreement > 0.6 else "black"
            ax.text(c + 0.5, r + 0.36, str(s.sentence), ha="center", va="center",
                    fontsize=FONT["cell"] + 4, fontweight="bold", color=ink)
            if s.disagreement >= 0.1:
                detail = f"{s.disputed_label} {round(100 * s.shares[s.disputed_label])}%"
            else:
                detail = "agreed"
            ax.text(c + 0.5, r + 0.72, detail, ha="center", va="center", fontsize=FONT["cell"], color=ink)
    ax.set_xlim(0, ncols)
    ax.set_ylim(len(rows), 0)
    ax.set_yticks([r + 0.5 for r in range(len(rows))], [name for name, _ in rows], fontsize=FONT["tick"] + 1)
    ax.set_xticks([])
    ax.set_ylabel("Part of the article (¶ = paragraph)", fontsize=FONT["axis"])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    w, h = fig.get_size_inches()
    cax = inches(fig, w - 2.2, 0.5, 0.3, h - 1.75)
    cb = fig.colorbar(_mappable(cmap, norm), cax=cax)
    cb.set_label("Disagreement: 0 = everyone decided the same,\n1 = the class split half and half",
                 fontsize=FONT["sub"])
    cb.ax.tick_params(labelsize=FONT["tick"])
    n = len(report.data.articles[article_id].learners)
    head(fig, f"Where the class disagrees on “{_article_name(report, article_id, 48)}”",
          f"{n} learners. Each box is a sentence, in reading order, numbered as in 'medialit analyze'; "
          f"under the number: the label the class is most split on, and how many marked it.")
    split = sorted((s for s in sents if s.disagreement >= 0.1), key=lambda s: (-s.disagreement, s.sentence))
    most = [f"sentence {s.sentence} ({_where(s)}: {s.disputed_label} marked by {percent(s.shares[s.disputed_label])})"
            for s in split[:3]]
    return described(
        fig, f"Where the class disagrees on “{_article_name(report, article_id, 120)}”: {n} learners, "
             f"{len(sents)} sentences drawn as boxes in reading order, darker where the class is split more evenly.",
        (f"Most split: {'; '.join(most)}. {len(sents) - len(split)} of the {len(sents)} sentences were decided "
         f"(almost) alike." if split else "The class decided every sentence and label (almost) alike."))


def _where(s) -> str:
    return s.part if s.part in ("headline", "dek") else f"¶{s.paragraph}"


def _mappable(cmap, norm):
    return ScalarMappable(norm=norm, cmap=cmap)


# ---------------------------------------------------------------------------
# Agreement per label
# ---------------------------------------------------------------------------

def agreement_bars(report) -> Figure:
    """Fleiss' kappa and Krippendorff's alpha per label; one panel per article (and all articles pooled)."""
    groups = list(report.data.articles)
    if len(groups) > 1:
        groups.append(ALL_ARTICLES)
    fig = figure(max(15.0, 4.0 + 6.4 * len(groups)), 8.5, left=1.9, right=2.1, top=1.75, bottom=1.9)
    fig.subplots_adjust(wspace=0.08)
    axes = fig.subplots(1, len(groups), sharey=True, squeeze=False)[0]
    values = [v for a in report.agreement for v in (a.fleiss, a.alpha) if v is not None]
    low = min([0.0] + values)
    bottom = -0.2 if low > -0.2 else low - 0.1
    for ax, group in zip(axes, groups):
        rows = report.agreement_on(group)
        for lo, hi, name in AGREEMENT_BANDS:
            ax.axhspan(lo, hi, color="#f3f4f6" if int(round(lo * 5)) % 2 == 0 else "#e5e7eb", zorder=0)
            if ax is axes[-1]:
                ax.text(1.02, (max(lo, bottom) + hi) / 2, name, transform=ax.get_yaxis_transform(), va="center",
                        fontsize=FONT["tick"], color="#374151")
        ax.axhline(0, color="#111827", linewidth=1)
        for i, a in enumerate(rows):
            colour = LABEL_COLOURS.get(a.label, "#9ca3af")
            if a.fleiss is None and a.alpha is None:
                ax.text(i, 0.45, SHORT_DEGENERATE.get(a.reason or "", a.words), ha="center", va="center",
                        fontsize=FONT["tick"] - 2, style="italic", color="#111827",
                        bbox=dict(boxstyle="round", facecolor="white", edgecolor="#6b7280"))
                continue
            for dx, v, hatch in ((-0.2, a.fleiss, ""), (0.2, a.alpha, "//")):
                if v is None:
                    continue
                ax.bar(i + dx, v, width=0.38, color=colour, edgecolor="#1f2937", hatch=hatch, zorder=2)
                ax.text(i + dx, v + (0.015 if v >= 0 else -0.015), f"{v:.2f}", ha="center",
                        va="bottom" if v >= 0 else "top", fontsize=FONT["tick"] - 1, zorder=3)
        ax.set_xticks(range(len(rows)), [a.label for a in rows], fontsize=FONT["tick"], rotation=25)
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.set_ylim(bottom, 1.08)
        if group == ALL_ARTICLES:
            title = f"All articles together\n({len(report.data.learners)} learners)"
        else:
            name = shorten(_article_name(report, group), 38)
            title = f"“{name}”\n({rows[0].learners if rows else 0} learners)"
        ax.set_title(title, fontsize=FONT["sub"] + 1)
        ax.tick_params(axis="y", labelsize=FONT["tick"])
    axes[0].set_ylabel("Agreement beyond chance\n(1 = everyone agrees, 0 = as if by chance)",
                       fontsize=FONT["axis"])
    fig.legend(handles=[Patch(facecolor="#d1d5db", edgecolor="#1f2937", label="Fleiss' kappa"),
                        Patch(facecolor="#d1d5db", edgecolor="#1f2937", hatch="//",
                              label="Krippendorff's alpha")],
               loc="lower center", bbox_to_anchor=(0.5, 0.01), ncols=2, fontsize=FONT["tick"] + 1,
               frameon=False)
    head(fig, "How much does the class agree on each label?",
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
    return described(fig, "How much the class agrees on each label, beyond chance (Fleiss' kappa: "
                            "1 = everyone agrees, 0 = as if by chance).", *parts)


# ---------------------------------------------------------------------------
# Learners against the key
# ---------------------------------------------------------------------------

def f1_distribution(report) -> Figure:
    """A histogram of each learner's overall F1 against the key, and F1 per label as box plots."""
    fig = figure(18.0, 8.0, left=1.2, right=0.5, top=1.3, bottom=1.5)
    fig.subplots_adjust(wspace=0.22)
    left, right = fig.subplots(1, 2, width_ratios=[1.1, 1])
    overall = np.array([s.f1 for s in report.scores if s.label == "overall" and s.f1 is not None])
    if len(overall):
        left.hist(overall, bins=np.linspace(0, 1, 21), color="#60a5fa", edgecolor="#1e3a8a")
        med = float(np.median(overall))
        left.axvline(med, color="#b91c1c", linewidth=3, label=f"median {med:.2f}")
        left.legend(fontsize=FONT["tick"] + 1, loc="upper left")
    else:
        left.text(0.5, 0.5, "no answer key for these articles", ha="center", va="center",
                  fontsize=FONT["axis"], transform=left.transAxes)
    left.set_xlim(0, 1)
    left.set_xlabel("F1 against the answer key, all labels together\n(0 = nothing like the key, "
                    "1 = exactly the key)", fontsize=FONT["axis"])
    left.set_ylabel("Number of learners", fontsize=FONT["axis"])
    left.set_title(f"All labels ({len(overall)} learners)", fontsize=FONT["sub"] + 2)
    left.tick_params(labelsize=FONT["tick"])

    data, names = [], []
    for lab in SENTENCE_LABELS:
        vals = [s.f1 for s in report.scores if s.label == lab and s.f1 is not None]
        data.append(vals if vals else [np.nan])
        names.append(lab)
    box = right.boxplot(data, tick_labels=names, patch_artist=True, widths=0.6,
                        medianprops=dict(color="#b91c1c", linewidth=2.5))
    for patch, lab in zip(box["boxes"], names):
        patch.set_facecolor(tint(LABEL_COLOURS[lab], 0.6))   # light: the red median line shows on every box
    right.set_ylim(0, 1.02)
    right.set_ylabel("F1 against the answer key", fontsize=FONT["axis"])
    right.set_xlabel("Label (box: the middle half of the learners;\nred line: the median)",
                     fontsize=FONT["axis"])
    right.set_title("Per label", fontsize=FONT["sub"] + 2)
    right.tick_params(labelsize=FONT["tick"])
    head(fig, "How close are the learners to the answer key?",
          "F1 combines labels found (recall) and labels right (precision), sentence by sentence.")
    if not len(overall):
        return described(fig, "How close the learners are to the answer key: there is no answer key for "
                               "these articles, so there is nothing to compare with.")
    medians = [f"{lab} {float(np.median(v)):.2f}" for lab, v in zip(names, data) if not np.isnan(v).all()]
    return described(
        fig, f"How close the {len(overall)} learners are to the answer key: F1 over all labels has median "
             f"{float(np.median(overall)):.2f} (lowest {overall.min():.2f}, highest {overall.max():.2f}; "
             f"1 = exactly the key).",
        f"Median F1 per label: {', '.join(medians)}." if medians else "")


def first_try_bars(report, top: int = 15) -> Figure:
    """The ``top`` quiz questions with the lowest first-try accuracy: right at the first try, and in the end."""
    rows = report.hardest_questions(top)
    fig = figure(16.0, 2.6 + 0.55 * max(len(rows), 1), left=4.6, right=0.6, top=1.4, bottom=1.4)
    ax = fig.subplots()
    y = np.arange(len(rows))[::-1]
    firsts = [q.first_try_accuracy for q in rows]
    ends = [q.right_in_the_end / q.learners for q in rows]
    ax.barh(y, ends, height=0.7, color="#bfdbfe", edgecolor="#1e3a8a", label="right in the end")
    ax.barh(y, firsts, height=0.4, color="#1d4ed8", label="right at the first try")
    for yi, f, q in zip(y, firsts, rows):
        ax.text(min(f, 0.86) + 0.01, yi, f"{percent(f)} of {q.learners}", va="center", fontsize=FONT["tick"] - 1,
                color="#111827", bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
    ax.set_yticks(y, [q.question for q in rows], fontsize=FONT["tick"])
    ax.set_xlim(0, 1.02)
    ax.set_xticks(np.linspace(0, 1, 6), [percent(x) for x in np.linspace(0, 1, 6)], fontsize=FONT["tick"])
    ax.set_xlabel("Share of the learners who tried the question", fontsize=FONT["axis"])
    if rows:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=FONT["tick"], frameon=False)
    else:
        ax.text(0.5, 0.5, "no quiz tries in these records", ha="center", va="center", fontsize=FONT["axis"],
                transform=ax.transAxes)
    head(fig, "Which quiz questions did the reading teach?",
          "Dark: right at the first try. Light: right in the end, after the feedback. Lowest first.")
    if not rows:
        return described(fig, "First-try accuracy of the quiz questions: there are no quiz tries in these records.")
    words = [f"{q.question} {percent(a)} at the first try, {percent(b)} in the end"
             for q, a, b in zip(rows, firsts, ends)]
    return described(fig, f"The {len(rows)} quiz questions with the lowest share of learners right at the first "
                          f"try: {'; '.join(words)}.")


def learner_grid(report, pseudonyms: bool = False, max_learners: int = GRID_MAX_LEARNERS) -> Figure | None:
    """Each learner's F1 per label (rows: learners). None for classes larger than ``max_learners``."""
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
    fig = figure(left + 11.0, 2.9 + 0.42 * len(learners), left=left, right=2.2, top=1.9, bottom=0.6)
    ax = fig.add_subplot()
    cmap = colormaps["RdYlBu"].with_extremes(bad="#e5e7eb")   # red = far from the key, blue = close
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for i in range(len(learners)):
        for j in range(len(cols)):
            v = grid[i, j]
            ink = "white" if not np.isnan(v) and (v > 0.85 or v < 0.15) else "black"
            ax.text(j, i, "–" if np.isnan(v) else f"{v:.2f}", ha="center", va="center",
                    fontsize=FONT["tick"] - 1, color=ink)
    ax.set_xticks(range(len(cols)), cols, fontsize=FONT["tick"])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(learners)), shown, fontsize=FONT["tick"] - 1)
    ax.set_xlabel("'–': nothing to find and nothing marked", fontsize=FONT["sub"])
    w, h = fig.get_size_inches()
    cb = fig.colorbar(im, cax=inches(fig, w - 1.9, 0.6, 0.3, h - 2.5))
    cb.set_label("F1 against the answer key", fontsize=FONT["sub"])
    cb.ax.tick_params(labelsize=FONT["tick"])
    head(fig, "Each learner against the answer key",
          "F1 per label: 1 = exactly the key, 0 = nothing like it")
    scored = [(by[n]["overall"], shown[i]) for i, n in enumerate(learners) if by[n].get("overall") is not None]
    extremes = ""
    if scored:
        (lo, lo_name), (hi, hi_name) = min(scored), max(scored)
        extremes = f"Overall F1 ranges from {lo:.2f} ({lo_name}) to {hi:.2f} ({hi_name})."
    return described(fig, f"Each learner's F1 against the answer key per label, one row per learner "
                           f"({len(learners)} learners; 1 = exactly the key).", extremes)


# ---------------------------------------------------------------------------
# The class next to the detector
# ---------------------------------------------------------------------------

def class_vs_detector(report, article_id: str, detector) -> Figure:
    """Share of the class marking each label per sentence, with the detector's labels and the key's.

    ``detector`` is the detector's labels as a bool array (the article's sentences ×
    :data:`~medialit.vocabulary.SENTENCE_LABELS`), as the class view's
    ``detector_labels`` gives them.
    """
    art = report.data.articles[article_id]
    detector = np.asarray(detector, dtype=bool)
    if detector.shape != (len(art.article.sentences), len(SENTENCE_LABELS)):
        raise ValueError(f"the detector's labels for {article_id} should be a (sentences, labels) array of shape "
                         f"{(len(art.article.sentences), len(SENTENCE_LABELS))}, not {detector.shape}")
    n = len(art.learners)
    share = art.counts.T / max(n, 1)                     # (labels, sentences)
    n_sent = share.shape[1]
    fig = figure(max(15.0, 4.2 + 0.5 * n_sent), 7.0, left=1.8, right=2.4, top=1.3, bottom=1.7)
    ax = fig.add_subplot()
    im = ax.imshow(share, cmap=colormaps["Blues"], vmin=0, vmax=1, aspect="auto")
    ky, kx = np.nonzero(art.key.T) if art.key is not None else ([], [])
    for y, x in zip(ky, kx):
        ax.add_patch(Rectangle((x - 0.44, y - 0.44), 0.88, 0.88, fill=False, edgecolor="#f59e0b", linewidth=3))
    dy, dx = np.nonzero(detector.T)
    ax.scatter(dx, dy, marker="o", s=110, facecolor="#111827", edgecolor="white", linewidth=1.5, zorder=3)
    ax.set_yticks(range(len(SENTENCE_LABELS)), SENTENCE_LABELS, fontsize=FONT["tick"] + 1)
    step = 1 if n_sent <= 40 else 2
    ax.set_xticks(range(0, n_sent, step), [str(i) for i in range(0, n_sent, step)], fontsize=FONT["tick"] - 1)
    ax.set_xlabel("Sentence number (0 = headline, 1 = dek; as in 'medialit analyze')", fontsize=FONT["axis"])
    w, h = fig.get_size_inches()
    cb = fig.colorbar(im, cax=inches(fig, w - 2.1, 1.7, 0.3, h - 3.0))
    cb.set_label("Share of the class\nthat marked the label", fontsize=FONT["sub"])
    cb.ax.tick_params(labelsize=FONT["tick"])
    handles = [Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor="#111827",
                      markeredgecolor="white", label="the detector found this label"),
               Patch(facecolor="none", edgecolor="#f59e0b", linewidth=3, label="the answer key has this label")]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.01), ncols=2,
               fontsize=FONT["tick"] + 1, frameon=False)
    head(fig, f"The class next to the detector on “{_article_name(report, article_id, 48)}”",
          f"{n} learners. Each column is a sentence, each row a label: the darker the blue, the more "
          f"of the class marked it.")
    majority = (share.T > 0.5)                                # (sentences, labels)
    key_part = "" if art.key is None else f" The answer key has {int(art.key.sum())}."
    return described(
        fig, f"The class next to the detector on “{_article_name(report, article_id, 120)}”: {n} learners, "
             f"{n_sent} sentences, {len(SENTENCE_LABELS)} labels.",
        f"The detector found {int(detector.sum())} sentence labels and the class majority marked "
        f"{int(majority.sum())}; they agree on {int((detector & majority).sum())}.{key_part}")


# ---------------------------------------------------------------------------
# Saving every plot (in two forked worker processes where that is safe)
# ---------------------------------------------------------------------------

#: The detector's labels per article: a bool array (sentences × labels) or None (not
#: available), or a function ``article → (array or None, why not)``.
Detectors = Mapping[str, object] | Callable[[object], tuple[object, str]]


@dataclass(frozen=True)
class Drawing:
    """One plot to draw, ``plot(*args)``, and the PNG file to save it in."""

    plot: Callable[..., Figure]
    args: tuple
    path: Path

    def run(self) -> tuple[list[Path], list[str]]:
        """Draw and save; returns (paths written, notes about plots left out)."""
        return [save_png(self.plot(*self.args), self.path)], []


@dataclass(frozen=True)
class DetectorDrawings:
    """The class next to the detector, one PNG per article that has the detector's labels.

    ``detectors`` is a dict ``article_id → array or None`` or a function
    ``article → (array or None, why not)`` (such as the class view's ``detector_labels``),
    called here, so that in a worker process the detector loads while the other
    plots are drawn.
    """

    report: object
    out: Path
    detectors: Detectors

    def run(self) -> tuple[list[Path], list[str]]:
        paths, reasons = [], {}
        for aid, art in self.report.data.articles.items():
            if callable(self.detectors):
                labels, why = self.detectors(art.article)
            else:
                labels, why = self.detectors.get(aid), "the detector is not available"
            if labels is None:
                reasons.setdefault(why, []).append(aid)
                continue
            paths.append(save_png(class_vs_detector(self.report, aid, labels),
                                  self.out / f"detector-{sanitize_name(aid)}.png"))
        notes = [f"the class next to the detector was not drawn for {', '.join(aids)}: {why}"
                 for why, aids in reasons.items()]
        return paths, notes


def save_all(report, out: str | Path, *, pseudonyms: bool = False, detectors: Detectors | None = None,
             parallel: bool | None = None) -> tuple[list[Path], list[str]]:
    """Write every plot as PNG into ``out``; returns (paths, notes about plots left out).

    ``detectors`` gives the detector's labels for :func:`class_vs_detector` (see
    :class:`DetectorDrawings`); None leaves those plots out. ``parallel`` draws the
    figures in two forked processes (default: when that is safe, see
    :func:`~medialit.plots.workers.can_fork`;
    never inside a Jupyter kernel, which has threads).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    jobs: list = []
    notes: list[str] = []
    if detectors is not None:  # first: the slowest job (the detector loads its word lists)
        jobs.append(DetectorDrawings(report, out, detectors))
    for aid in report.data.articles:
        jobs.append(Drawing(disagreement_map, (report, aid), out / f"disagreement-{sanitize_name(aid)}.png"))
    jobs.append(Drawing(agreement_bars, (report,), out / "agreement.png"))
    if any(a.key is not None for a in report.data.articles.values()):
        jobs.append(Drawing(f1_distribution, (report,), out / "f1.png"))
    if report.question_tries():
        jobs.append(Drawing(first_try_bars, (report,), out / "quiz-first-tries.png"))
    if report.scores and len({s.learner for s in report.scores}) <= GRID_MAX_LEARNERS:
        jobs.append(Drawing(learner_grid, (report, pseudonyms), out / "learners.png"))
    elif report.scores:
        notes.append(f"learners.png (each learner's F1 per label) is drawn for classes of up to "
                     f"{GRID_MAX_LEARNERS} learners only; learner_scores.csv has every learner")
    if parallel is None:
        parallel = len(jobs) > 2 and can_fork()
    done = run_in_workers(jobs) if parallel else [job.run() for job in jobs]
    return [p for paths, _ in done for p in paths], [n for _, ns in done for n in ns] + notes
