"""Sentences: split one paragraph into the sentences the detector labels.

>>> t = "Dr. Roe spoke at 9 a.m. The talks ended. (AP)"
>>> [t[s:e] for s, e in split_sentences(t)]
['Dr. Roe spoke at 9 a.m.', 'The talks ended. (AP)']
"""

from __future__ import annotations

import re

from medialit.articles.blocks import strip_span

#: Abbreviations after which a period never ends a sentence (titles, "No. 5", months before a day).
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr sen rep gov pres prof rev hon st jr sr
    messrs mme mlle fr brig gens sens reps no nos vol pp fig art ch sec dept est approx vs etc cf
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp ltd co""".split()
)
#: Words that typically start a sentence: after "U.S." or "a.m." one of these means a new sentence.
SENTENCE_STARTERS = frozenset(
    """the a an it he she they we i you this that these those there but and so yet however
    in on at for as if when while after before then thus still also its his her their our
    what who why how meanwhile moreover nonetheless nevertheless although though""".split()
)

# The look-behind starts a candidate only at the first mark of a run ("...", "?!"), which
# keeps the search linear on long runs: without it every mark of a run of n marks not
# followed by a space would rescan the rest of the run (n*n steps; 20,000 full stops took
# 20 s). No match is lost: any match inside a run is also a match from the run's start.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s)")
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"
_TAG = re.compile(r"\([A-Z][A-Za-z&.\-’' ]{0,34}\)(?=\s|$)")
_NEXT_WORD = re.compile(r"\s+([\"“‘'(\[]*)([^\s\"“‘'(\[]*)")
_MULTI_DOT = re.compile(r"(?:[A-Za-z]\.){2}")   # fullmatch on a token's last 4 characters
_INITIAL = re.compile(r"(?:^|[\s(“\"])[A-Z]\.$")


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token that ends at ``pos`` (exclusive), e.g. 'U.S.' or 'Gen.'."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos]


def _is_boundary(text: str, mark_start: int, mark_end: int, block_end: int, block_start: int) -> bool:
    nxt = _NEXT_WORD.match(text, mark_end, block_end)
    if nxt is None:
        return False
    opener, word = nxt.groups()
    if not word and not opener:
        return False
    first = (word or opener)[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False  # "the U.S. against..." - a lowercase word continues the sentence
    if text[mark_start] != ".":
        return True
    token = _word_before(text, mark_start + 1, block_start)  # includes the period
    bare = token.lstrip("“\"‘'([").lower()
    if bare.rstrip(".") in TITLE_ABBREVIATIONS and bare.count(".") == 1:
        return False  # "Gen. Konashenko", "Dr. Roe", "No. 5"
    if _INITIAL.search(" " + token):
        return False  # "John F. Kennedy"
    if _MULTI_DOT.fullmatch(bare[-4:]):
        # "U.S." or "a.m.": only a typical sentence opener after it starts a new sentence.
        return word.lower().strip(",;:") in SENTENCE_STARTERS
    return True


def _quote_embedded(text: str, close: int) -> bool:
    """Inside an open “quotation” that closes (at ``close``, -1 if never) with a comma or runs on in lowercase?"""
    if close < 0:
        return False
    before = text[close - 1] if close > 0 else ""
    after = text[close + 1:close + 3].lstrip()
    return before in ",;:—–-" or (after[:1].islower() if after else False) or after[:1] in ",;"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph).

    Abbreviations and initials stay inside their sentence, a closing quote or
    bracket after the period stays with it, and a short source tag such as
    "(Reuters)" after the period belongs to the sentence before it.

    >>> t = "Gen. Roe met U.S. envoys. “Fine,” she said. It rained. (AP) Then it stopped."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Gen. Roe met U.S. envoys.', '“Fine,” she said.', 'It rained. (AP)', 'Then it stopped.']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sent_start = start
    depth = 0  # open curly double quotes
    scan = start
    close = None  # the first closing quote at or after the current candidate (-1: none left)
    for m in _CANDIDATE.finditer(text, start, end):
        # Track “quotes” between the last candidate and this one.
        segment = text[scan:m.end()]
        depth = max(0, depth + segment.count(_QUOTE_OPEN) - segment.count(_QUOTE_CLOSE))
        scan = m.end()
        if not _is_boundary(text, m.start(), m.end(), end, start):
            continue
        if depth > 0:
            if close is None or 0 <= close < m.end():  # searched once per closing quote: linear
                close = text.find(_QUOTE_CLOSE, m.end(), end)
            if _quote_embedded(text, close):
                continue
        stop = m.end()
        tag = _TAG.match(text, _skip_ws(text, stop, end), end)
        if tag:
            stop = tag.end()
            scan = stop
        s, e = strip_span(text, sent_start, stop)
        if s < e:
            spans.append((s, e))
        sent_start = stop
    s, e = strip_span(text, sent_start, end)
    if s < e:
        spans.append((s, e))
    return spans


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def count_sentence_marks(text: str) -> int:
    """How many places in ``text`` could end a sentence (a run of ``.!?…`` before a space).

    >>> count_sentence_marks("It rained... Then? It stopped. End")
    3
    """
    return len(_CANDIDATE.findall(text))
