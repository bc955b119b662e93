"""How well a class agrees: Fleiss' kappa, Krippendorff's alpha, Cohen's kappa, and the words for them.

The words are the vocabulary's agreement bands (Landis & Koch, 1977:
:func:`medialit.vocabulary.agreement_band`); where a measure is undefined (everyone
gave the same answer, one learner only...) :data:`DEGENERATE` says why in words.

>>> fleiss_kappa([[0, 2], [1, 1], [2, 0], [2, 0]])     # 2 raters, 4 items, 2 categories
0.4666666666666667
>>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
0.5
>>> describe_agreement(None, reason="nobody")
'nobody marked this label on any sentence: everyone agreed it is absent, so kappa is undefined; agreement is perfect'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from medialit.vocabulary import agreement_band

#: Words for the cases where a measure is undefined (the reason codes of :func:`describe_agreement`).
DEGENERATE = {
    "nobody": "nobody marked this label on any sentence: everyone agreed it is absent, so kappa is "
              "undefined; agreement is perfect",
    "everybody": "everyone marked this label on every sentence: everyone agreed on every sentence, so "
                 "kappa is undefined; agreement is perfect",
    "one": "only one learner: agreement needs at least two",
    "none": "no learners",
    "no-items": "no sentences to compare",
    "same-value": "both gave the same answer on every sentence: kappa is undefined; agreement is perfect",
}


def describe_agreement(value: float | None, reason: str | None = None) -> str:
    """A kappa or alpha in words (the vocabulary's agreement bands), or why it is undefined.

    >>> describe_agreement(0.45)
    'moderate agreement'
    >>> describe_agreement(-0.1), describe_agreement(1.0)
    ('less than chance agreement', 'perfect agreement')
    """
    if value is None:
        return DEGENERATE.get(reason or "", reason or "undefined")
    if value >= 0.999999:
        return "perfect agreement"
    return f"{agreement_band(value)} agreement"


def fleiss_kappa(counts) -> float | None:
    """Fleiss' kappa from a table ``counts[item][category]`` = how many raters chose it.

    Items may have different numbers of raters (the general form: each item's
    agreement is over its own raters; items rated by fewer than two are left out).
    Returns ``None`` when kappa is undefined: every rating in one category, or no
    item with two raters.

    Fleiss (1971) as given on Wikipedia ("Fleiss' kappa", worked example: 10 items,
    14 raters, 5 categories) gives P = 0.378, Pe = 0.213, kappa = 0.210:

    >>> round(fleiss_kappa([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    ...     [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0],
    ...     [0, 2, 2, 3, 7]]), 3)
    0.21
    """
    import numpy as np

    c = np.asarray(counts, dtype=np.float64)
    if c.ndim != 2 or c.size == 0:
        return None
    n = c.sum(axis=1)
    keep = n >= 2
    c, n = c[keep], n[keep]
    if not len(n):
        return None
    p_item = ((c * c).sum(axis=1) - n) / (n * (n - 1))
    p_bar = p_item.mean()
    p_cat = c.sum(axis=0) / c.sum()
    p_e = float((p_cat * p_cat).sum())
    if p_e >= 1 - 1e-12:
        return None
    return float((p_bar - p_e) / (1 - p_e))


def krippendorff_alpha(counts) -> float | None:
    """Krippendorff's alpha (nominal) from ``counts[unit][value]``, with the ``krippendorff`` package.

    Returns ``None`` when alpha is undefined (one value only, or no unit with two ratings).
    Hand-computed: 2 coders, units (1,1), (1,0), (0,0), (0,0): observed disagreement
    2/8, expected 2*5*3/(8*7) = 30/56, alpha = 1 - (2/8)/(30/56) = 8/15:

    >>> round(krippendorff_alpha([[0, 2], [1, 1], [2, 0], [2, 0]]), 4)
    0.5333
    """
    import krippendorff
    import numpy as np

    c = np.asarray(counts, dtype=np.float64)
    if c.ndim != 2 or c.shape[1] < 2 or not (c.sum(axis=1) >= 2).any():
        return None
    totals = c[c.sum(axis=1) >= 2].sum(axis=0)
    if (totals > 0).sum() < 2:
        return None
    value = float(krippendorff.alpha(value_counts=c, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two raters' answers on the same items (any hashable categories).

    ``None`` when undefined (no items, or both raters used one and the same category
    throughout). Wikipedia's "Cohen's kappa" example: 50 items, yes/yes 20, yes/no 5,
    no/yes 10, no/no 15 gives po = 0.7, pe = 0.5, kappa = 0.4:

    >>> round(cohen_kappa([1] * 25 + [0] * 25, [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15), 6)
    0.4
    """
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise ValueError("the two raters must answer the same items")
    n = len(a)
    if not n:
        return None
    cats = set(a) | set(b)
    p_o = sum(1 for x, y in zip(a, b) if x == y) / n
    p_e = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if p_e >= 1 - 1e-12:
        return None
    return (p_o - p_e) / (1 - p_e)


@dataclass(frozen=True)
class LabelAgreement:
    """How well the class agrees on one label (on one article, or on all of them).

    ``fleiss`` and ``alpha`` are None when undefined; ``words`` always says it in words.
    """

    article_id: str
    label: str
    learners: int
    sentences: int
    marked_share: float
    fleiss: float | None
    alpha: float | None
    words: str
    reason: str | None = None      # why the measures are undefined (a key of DEGENERATE), else None

    def numbers(self) -> str:
        if self.fleiss is None and self.alpha is None:
            return "undefined"
        f = "–" if self.fleiss is None else f"{self.fleiss:.2f}"
        a = "–" if self.alpha is None else f"{self.alpha:.2f}"
        return f"kappa {f}, alpha {a}"


def _agreement_reason(counts_marked, raters) -> str | None:
    """Why agreement is undefined for these (marked, raters) per item, or None if it is defined."""
    import numpy as np

    raters = np.asarray(raters)
    marked = np.asarray(counts_marked)
    if not len(raters):
        return "no-items"
    if raters.max(initial=0) == 0:
        return "none"
    if raters.max() < 2:
        return "one"
    usable = raters >= 2
    if marked[usable].sum() == 0:
        return "nobody"
    if (marked[usable] == raters[usable]).all():
        return "everybody"
    return None


def label_agreement(article_id: str, marked, raters, label: str, learners: int | None = None) -> LabelAgreement:
    """Agreement on one label, from per-sentence counts of learners who marked it and who rated it.

    ``learners`` is the number of learners to report (default: the most raters of any sentence).
    """
    import numpy as np

    marked = np.asarray(marked, dtype=np.int64)
    raters = np.asarray(raters, dtype=np.int64)
    table = np.stack([raters - marked, marked], axis=1) if len(marked) else np.zeros((0, 2))
    reason = _agreement_reason(marked, raters)
    fleiss = alpha = None
    if reason is None:
        fleiss = fleiss_kappa(table)
        alpha = krippendorff_alpha(table)
    words = describe_agreement(fleiss if fleiss is not None else alpha, reason)
    total = raters.sum()
    learners = int(raters.max(initial=0)) if learners is None else learners
    return LabelAgreement(article_id, label, learners, len(marked),
                          float(marked.sum() / total) if total else 0.0, fleiss, alpha, words, reason)
