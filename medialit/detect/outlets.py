"""News outlets named in a sentence that attributes (rule ``outlet_mention``).

An outlet is a source when the sentence credits information and names it: a listed name
(*Reuters*), a word like *newspaper* before a capitalised name (*the trade paper Screen Ledger*)
or after one as its description (*Patchnotes, a technology newsletter*), a capitalised name that
ends like a newspaper's (*the Ashenford Courier*; not an ending shared with ships and reports, *the
Fenna Star*, nor *the Courier* alone, which in the keys is the paper's own name for itself), or a
journal by its full title (*the Journal of Alpine Hydrology*). The words are in
``cues/outlets.csv`` and ``attribution/ambiguous_outlet_heads.csv``.

>>> from medialit.detect import analyze
>>> an = analyze("Head\\n\\nPryce told the Ashenford Courier that the wheel had stopped.\\n")
>>> [(s.text, s.type) for s in an.sources]
[('Pryce', 'institution'), ('the Ashenford Courier', 'outlet')]
"""

from __future__ import annotations

import re

from medialit.datafiles import words
from medialit.detect.noun_after import np_after
from medialit.detect.phrases import ATTRIBUTION_DATA
from medialit.detect.sources import add_source
from medialit.detect.state import SentenceState
from medialit.detect.text import tokens

#: Capitalised words right before a name's last word (the Brantwell Evening Post). Not "the"
#: alone: "told the Gazette" is, in the development set, nearly always the paper's own name for
#: itself (told us), which the keys do not count as a source.
NAME_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[Tt]he )?(?:[A-Z][\w’'&.-]* ){1,3})$")
#: Name endings shared with ships, prizes and reports (ambiguous_outlet_heads.csv): no mention alone.
AMBIGUOUS_HEADS = words(ATTRIBUTION_DATA / "ambiguous_outlet_heads.csv")
#: A capitalised word right after the head: the head is inside a longer name (the Pay Review Panel).
NEXT_CAPITAL = re.compile(r" [A-Z]")
#: A name, then a comma and a short description ending in an outlet word (Patchnotes, a newsletter).
NAME_THEN_DESCRIPTION = re.compile(r"([A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,3}), (?:an?|the)(?: [\w-]+){0,2} $")
#: A title such as "Journal of Alpine Hydrology": the words after "of", capitalised.
OF_TITLE = re.compile(r" of(?: (?:the|and|for|in|&|[A-Z][\w’'-]*))*[A-Za-z]")


def outlet_mentions(st: SentenceState) -> None:
    """Outlets named in a sentence that attributes: a listed name (*Reuters*), a word like
    *newspaper* with a capitalised name after or before it, or a name ending like a newspaper's;
    first the descriptors, then the names, then the name endings."""
    text, s = st.text, st.s
    if "outlet" not in st.by_label or not any(e.label == "attribution" for e in st.evidence):
        return
    hits = st.by_label["outlet"]
    by_kind = {k: [h for h in hits if h.entry.kind == k] for k in ("descriptor", "name", "head")}
    for kind in ("descriptor", "name", "head"):
        for h in by_kind[kind]:
            a, end = h.start, h.end
            if kind == "descriptor":
                span = _described(st, h)
                if span is None:
                    continue
                a, end = span
            elif kind == "head":
                if text[h.start:h.end].lower() in AMBIGUOUS_HEADS:
                    continue  # "the Fenna Star": a ship as likely as a paper
                title = OF_TITLE.match(text, end, s.end)  # "the Journal of Alpine Hydrology"
                m = NAME_BEFORE.search(text, max(s.start, a - 60), a)
                if title is None and (m is None or NEXT_CAPITAL.match(text, end, s.end)):
                    continue  # "told the Gazette", "the Pay Review Panel"
                a = m.start(1) if m else a
                end = title.end() if title else end
            if a == h.start:
                toks = tokens(st.text, max(s.start, a - 6), a)
                if toks and toks[-1].low == "the":
                    a = toks[-1].start
            add_source(st, a, end, "outlet_mention",
                       f"{text[a:end]!r} names a news outlet in a sentence that attributes.", outlet=(
                           f"{text[h.start:h.end]!r} shows it is a news outlet or publication"))


def _described(st: SentenceState, h) -> tuple[int, int] | None:
    """The outlet a descriptor word introduces: the capitalised name after it (*the newspaper
    X*) or the name before its comma (*X, a newsletter*)."""
    text = st.text
    np = np_after(st, h.end)
    if np is not None and not np.pronoun and text[np.start:np.start + 1].isupper():
        return h.start, np.end
    m = NAME_THEN_DESCRIPTION.search(text, max(st.s.start, h.start - 80), h.start)
    if m is not None:
        return m.start(1), m.end(1)
    return None
