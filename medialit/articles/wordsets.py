"""The article reader's word sets, read from the data tables in ``medialit/data/articles/``.

Every set a teacher might question (which abbreviations end a sentence, which words start
one, month and day names) is a CSV table with an explanation per row; this module only
reads them. Abbreviations are stored lower case without their full stop, so "Dr." in a
text is looked up as ``"dr"``; month and day names keep their capital letter.

>>> "dr" in TITLE_ABBREVIATIONS, "p" in NUMBER_ABBREVIATIONS, "inc" in AMBIGUOUS_ABBREVIATIONS
(True, True, True)
>>> "the" in SENTENCE_STARTERS, "gmt" in CLOCK_FOLLOWERS, "monday" in CLOCK_FOLLOWERS
(True, True, True)
>>> "Sept" in MONTHS, "Friday" in WEEKDAYS, "written by" in BYLINE_MARKERS
(True, True, True)
"""

from __future__ import annotations

import re

from medialit.datafiles import DATA, words

#: The folder of the reader's tables.
ARTICLE_DATA = DATA / "articles"


def _table(name: str, keep_case: bool = False) -> frozenset[str]:
    """The words of ``medialit/data/articles/<name>.csv``, lower case and without a final full stop."""
    found = words(ARTICLE_DATA / f"{name}.csv")
    return found if keep_case else frozenset(w.lower().rstrip(".") for w in found)


#: Titles before a name ("Dr.", "Gen.", "Mt."): a full stop after them never ends a sentence.
TITLE_ABBREVIATIONS = _table("title_abbreviations")
#: Abbreviations before a number ("No. 10", "p. 55", "Jan. 5"): no sentence end when a number follows.
NUMBER_ABBREVIATIONS = _table("number_abbreviations")
#: Abbreviations that can end a sentence ("Inc.", "St.", "etc."): only a sentence starter after them starts one.
AMBIGUOUS_ABBREVIATIONS = _table("ambiguous_abbreviations")
#: Words that typically start a sentence: after "U.S.", "Inc." or an initial, one of these means a new sentence.
SENTENCE_STARTERS = _table("sentence_starters")
#: Month names, full and short, with their capital letter ("March", "Sept").
MONTHS = _table("months", keep_case=True)
#: Day names with their capital letter ("Friday").
WEEKDAYS = _table("weekdays", keep_case=True)
#: Words that continue a sentence after "a.m."/"p.m.": time zones, day and month names (lower case).
CLOCK_FOLLOWERS = _table("clock_followers") | {w.lower() for w in MONTHS | WEEKDAYS}
#: Verbs that attribute a quotation after a name: “Is it over?” Roe asked. (lower case).
QUOTE_VERBS = _table("quote_verbs")
#: Words that open a byline ("by", "written by"), lower case.
BYLINE_MARKERS = frozenset(" ".join(w.lower().split()) for w in words(ARTICLE_DATA / "byline_markers.csv"))


def byline_marker_pattern() -> str:
    r"""A regular expression for any byline marker, longest first, spaces as ``\s+``.

    >>> byline_marker_pattern().startswith("reporting\\s+by|")
    True
    """
    forms = sorted(BYLINE_MARKERS, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in forms)

__all__ = [
    "AMBIGUOUS_ABBREVIATIONS",
    "ARTICLE_DATA",
    "BYLINE_MARKERS",
    "CLOCK_FOLLOWERS",
    "MONTHS",
    "NUMBER_ABBREVIATIONS", "QUOTE_VERBS",
    "SENTENCE_STARTERS",
    "TITLE_ABBREVIATIONS",
    "WEEKDAYS",
    "byline_marker_pattern",
]
