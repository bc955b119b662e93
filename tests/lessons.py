"""Helpers shared by the lesson tests: reading notebooks and the answer key."""

import re

import nbformat

from medialit.selfcheck import check, questions


def read(path):
    return nbformat.read(path, as_version=4)


def sources(nb, kind=None):
    return [c.source for c in nb.cells if kind is None or c.cell_type == kind]


def right(qid, value):
    """Is ``value`` the answer to question ``qid``? (The question files hold only the answers' digests.)"""
    return check(qid, value).right


def chosen(qid):
    """The right option of a multiple-choice question."""
    (option,) = [c for c in questions()[qid].choices if right(qid, c)]
    return option


def note(key, topic):
    return next(n for n in key.notes if n.topic == topic)


def flat(text):
    return " ".join(text.replace("**", "").split())


def curly_quotes(text):
    """The pieces of every “…” quotation (split at the ellipsis …)."""
    for m in re.finditer(r"“([^“”]*)”", text):
        for piece in m.group(1).split("…"):
            piece = flat(piece)
            if piece:
                yield piece


def unit_with(key, words):
    found = [u for u in key.units if words in u.text]
    assert len(found) == 1, f"{words!r} should be in exactly one unit"
    return found[0]


def first(nb, pattern, kind=None, start=0):
    rx = re.compile(pattern, re.M)
    for i, cell in enumerate(nb.cells[start:], start):
        if (kind is None or cell.cell_type == kind) and rx.search(cell.source):
            return i
    raise AssertionError(f"no {kind or 'cell'} matching {pattern!r}")
