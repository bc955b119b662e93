"""Agency tags: a short name in brackets that credits a news agency, closing a sentence or
a paragraph (*… on Monday. (Reuters)*) or after a dateline (*OSLO (Nordpress) — …*).

>>> from medialit.articles import parse_article
>>> from medialit.detect import analyze
>>> an = analyze(parse_article("Head\\n\\nThe ferry sailed on time on Monday. (Nordpress)\\n"))
>>> [(x.text, x.type) for x in an.sources]
[('Nordpress', 'outlet')]
"""

from __future__ import annotations

import re

from medialit.articles.wordsets import MONTHS
from medialit.detect.rules import RULES
from medialit.detect.sources import add_attribution, add_source
from medialit.detect.state import SentenceState
from medialit.detect.text import TAG_EXCLUDE, TAG_WORDS, TIME_WORDS, WORDS

#: An agency tag: a short name in brackets.
TAG = re.compile(r"\(\s*([^\s()][^()\n]{0,46}?)\s*\)")
#: Signs that end a sentence (before a closing agency tag).
FINAL_PUNCT = ".!?”\"’')…"
# TAG_WORDS (lower-case words allowed inside an agency tag) and TAG_EXCLUDE (words in brackets
# that are not agency tags) are the grammar tables agency_tag_words.csv and not_agency_tags.csv.


def agency_tag(st: SentenceState, m: re.Match) -> None:
    """A short capitalised name in brackets closing a sentence or paragraph, or a dateline."""
    text, s = st.text, st.s
    inner = m.group(1).strip()
    ia, ib = m.start(1), m.start(1) + len(inner)
    words = inner.split()
    if not words or len(words) > 5 or len(inner) < 2:
        return
    if any(ch.isdigit() for ch in inner) or not any(ch.isupper() for ch in inner):
        return
    for w in words:
        core = w.strip(".,’'")
        if not core:
            return
        if not (core[:1].isupper() or core.lower() in TAG_WORDS):
            return
    if len(words) == 1 and inner.lower().strip(".") in TAG_EXCLUDE:
        return
    before = text[s.start:m.start()].rstrip()
    after = text[m.end():s.end].strip(" \t\r\n\u00a0.")
    known = bool(st.hits_in(ia, ib, {"outlet"}))
    closing = not after and (before == "" or before[-1] in FINAL_PUNCT or known)
    place, _, date = before.partition(",")
    dateline = bool(after) and after[:1] in "-–—" and place.replace(" ", "").isupper() and (
        not date or all(w.lower() in TIME_WORDS or w in MONTHS or w.isdigit() for w in WORDS.findall(date)))
    if not (closing or dateline):
        return
    add_source(st, ia, ib, "agency_tag", f"{inner!r} is credited in brackets.",
               outlet="a name in brackets at the start or end of a story credits the news agency")
    src = next((x for x in st.sources if x.start <= ia < x.end), None)
    add_attribution(st, m.start(), m.end(), "agency_tag", None, RULES["agency_tag"], src)
