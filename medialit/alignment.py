"""Lining up readings of one text: overlap of spans, and which sentence of one reading
is which sentence of another (a learner's, the answer key's, the detector's).

Every span is ``(start, end)`` into the same text. Two rules, used everywhere:

* a **mark** (a learner's span, a cue, a source) belongs to every sentence it
  overlaps by at least one character (:func:`overlaps`);
* a **sentence** of one reading is the same sentence as one of another reading
  when they *mostly overlap*: the shared part is at least half of the shorter one
  (:func:`mostly_overlaps`), so a sentence split in two is not a mistake.

>>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9))
(True, False)
>>> mostly_overlaps((0, 10), (0, 4)), mostly_overlaps((0, 10), (8, 20))
(True, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Sequence, Tuple

from medialit.vocabulary import sentence_label

Bounds = Tuple[int, int]


def overlap(a: Bounds, b: Bounds) -> int:
    """How many characters spans ``a`` and ``b`` share (0 if none).

    >>> overlap((0, 5), (3, 9)), overlap((0, 5), (7, 9))
    (2, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps(a: Bounds, b: Bounds) -> bool:
    """True when spans ``a`` and ``b`` share at least one character."""
    return min(a[1], b[1]) > max(a[0], b[0])


def mostly_overlaps(a: Bounds, b: Bounds) -> bool:
    """True when ``a`` and ``b`` share at least half of the shorter of the two."""
    shared = overlap(a, b)
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def bounds(obj) -> Bounds:
    """``(start, end)`` of a span, sentence, key unit or detector sentence (its ``.sentence``).

    >>> bounds((3, 7))
    (3, 7)
    """
    if isinstance(obj, tuple):
        return obj[0], obj[1]
    inner = getattr(obj, "sentence", None)
    if inner is not None and hasattr(inner, "start"):
        obj = inner
    return obj.start, obj.end


class SentenceIndex:
    """Sentences of one reading (sorted, not overlapping), ready for many look-ups.

    Build it once and ask it for every span: each look-up is a bisection, so a
    long text with thousands of sentences and marks stays fast.

    >>> index = SentenceIndex([(0, 10), (11, 20), (21, 30)])
    >>> list(index.touched((8, 15))), index.containing(12), index.containing(10)
    ([0, 1], 1, None)
    """

    def __init__(self, sentences: Iterable):
        self.sentences = list(sentences)
        self.starts = [bounds(s)[0] for s in self.sentences]
        self.ends = [bounds(s)[1] for s in self.sentences]

    def touched(self, span: Bounds) -> range:
        """Positions (in the list given) of the sentences ``span`` overlaps."""
        first = bisect_right(self.ends, span[0])
        last = bisect_left(self.starts, span[1])
        return range(first, max(first, last))

    def containing(self, pos: int) -> int | None:
        """Position of the sentence that character ``pos`` belongs to, or None (between sentences)."""
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.ends[i] else None


def marks_per_sentence(sentences: Sequence, marks: Iterable[tuple[int, int, str]], *,
                       label_of: Callable[[str], str | None] = sentence_label) -> list[set[str]]:
    """The sentence labels each sentence gets from ``(start, end, span label)`` marks.

    ``label_of`` turns a span label into a sentence label (default: the
    vocabulary's rule, where a ``source`` span counts as attribution); marks
    whose label gives None are left out. Sentences must be sorted and disjoint.

    >>> found = marks_per_sentence([(0, 10), (11, 20)], [(2, 5, "hedge"), (8, 14, "source"), (12, 13, "x")])
    >>> [sorted(labels) for labels in found]
    [['attribution', 'hedge'], ['attribution']]
    """
    index = SentenceIndex(sentences)
    out: list[set[str]] = [set() for _ in index.sentences]
    for start, end, label in marks:
        target = label_of(label)
        if target is None:
            continue
        for i in index.touched((start, end)):
            out[i].add(target)
    return out


def matching(sentence, others: Iterable) -> list:
    """The sentences of another reading that are the same sentence as ``sentence``
    (they mostly overlap it); each may be a span, a sentence or a detector sentence.

    >>> matching((0, 10), [(0, 9), (9, 20)])
    [(0, 9)]
    """
    here = bounds(sentence)
    return [o for o in others if mostly_overlaps(here, bounds(o))]


def labels_from(sentence, others: Iterable, labels_of: Callable = lambda o: o.labels) -> set[str]:
    """The labels another reading gives ``sentence``: the union over its matching sentences.

    >>> class S: pass
    >>> a, b = S(), S()
    >>> a.start, a.end, a.labels = 0, 9, {"hedge"}
    >>> b.start, b.end, b.labels = 9, 20, {"opinion"}
    >>> labels_from((0, 10), [a, b])
    {'hedge'}
    """
    out: set[str] = set()
    for o in matching(sentence, others):
        out.update(labels_of(o))
    return out
