"""Plots: for the lessons (:mod:`~medialit.plots.lessons`) and for the class view
(:mod:`~medialit.plots.classview`, saved by forked
:mod:`~medialit.plots.workers`), with what they share in :mod:`~medialit.plots.style`.

Every plot is a matplotlib Figure with a text alternative (``fig.alt``) that shows
itself in a notebook without pyplot. matplotlib is imported when this package is,
and ``import medialit`` never imports it. Lessons call ``plots.paragraph_profile(...)``,
``plots.page_map(...)`` and so on; the teacher's lesson calls the class-view plots the same way.

>>> from medialit import plots
>>> from medialit.answer_key import load_answer_key
>>> plots.paragraph_profile(load_answer_key("000_b7d55dfd4cdbabc3"), labels=("hedge",)).alt.split(":")[0]
'Bar chart'
"""

from medialit.plots.classview import (
    agreement_bars, class_vs_detector, disagreement_map, f1_distribution, first_try_bars, learner_grid, save_all,
)
from medialit.plots.lessons import (
    feedback_bars, label_shares, labelled_units, page_map, paragraph_profile, sourcing_mix, voice_split,
)
from medialit.plots.style import ClassFigure

__all__ = [
    "ClassFigure", "feedback_bars", "label_shares", "labelled_units", "page_map", "paragraph_profile",
    "sourcing_mix", "voice_split",
    "agreement_bars", "class_vs_detector", "disagreement_map", "f1_distribution", "first_try_bars", "learner_grid",
    "save_all",
]
