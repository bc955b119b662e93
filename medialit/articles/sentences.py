"""Sentences: split one paragraph into the sentences the detector labels.

Which abbreviations end a sentence, and which words start one, are data tables in
``medialit/data/articles/`` (read by :mod:`medialit.articles.wordsets`).

>>> t = "Dr. Roe spoke at 9 a.m. The talks ended. (AP)"
>>> [t[s:e] for s, e in split_sentences(t)]
['Dr. Roe spoke at 9 a.m.', 'The talks ended. (AP)']
"""

from __future__ import annotations

import re

from medialit.articles.blocks import strip_span
from medialit.articles.wordsets import (
    AMBIGUOUS_ABBREVIATIONS,
    CLOCK_FOLLOWERS,
    NUMBER_ABBREVIATIONS,
    QUOTE_VERBS,
    SENTENCE_STARTERS,
    TITLE_ABBREVIATIONS,
)

# The look-behind starts a candidate only at the first mark of a run ("...", "?!"), which
# keeps the search linear on long runs: without it every mark of a run of n marks not
# followed by a space would rescan the rest of the run (n*n steps; 20,000 full stops took
# 20 s). No match is lost: any match inside a run is also a match from the run's start.
# Speed: the pattern opens with the mark itself and checks the character before it only then
# ((?<![.!?…][.!?…]) after the first mark is the look-behind above): a pattern that starts with
# a character class lets the re module skip ahead to those characters (4x faster).
_CANDIDATE = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*[\"”’')\]]*(?=\s)")
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"
# A source tag or a reference in brackets after the full stop belongs to the sentence before it:
# "(AP)", "(Reuters)", "(Smith 55)", "(Roe 2019, p. 4)".
_TAG = re.compile(r"\([A-Z][\w&.,:;\-–’' ]{0,40}\)\.?(?=\s|$)")
_NEXT_WORD = re.compile(r"\s+([\"“‘'(\[]*)([^\s\"“‘'(\[]*)")
_MULTI_DOT = re.compile(r"(?:[A-Za-z]\.){2}")   # fullmatch on a token's last 4 characters
_INITIAL = re.compile(r"(?:^|[\s(“\"])[A-Z]\.$")
# A list marker: "1.", "12.", "a.", "iv." (the token before the full stop), "1.)", "2)", "(b)".
_ENUMERATOR = re.compile(r"(?:\d{1,2}|[a-z]|[ivx]{2,4})\.")
_LIST_ITEM = re.compile(r"\n[ \t]*(?=(?:\(?(?:\d{1,2}|[a-z]|[ivx]{2,4})(?:\.\)|[.)])|[•◦▪‣*\-])\s)")
_ROMAN = re.compile(r"[IVXL]{2,6}")
_WORD_PUNCT = ",;:.)]”’\"'"
_SPACES = re.compile(r"\s*")
_CLOSING_QUOTES = "”\"’'"
# After a quotation: one to four capitalised words (a name, perhaps with a title), then a verb.
_SPEAKER = re.compile(r"\s+((?:[A-Z][\w’'.\-]*\s+){1,4})([a-z]+)\b")
#: What may follow the speaker's verb for a quotation ending in a full stop to stay in the
#: speaker's sentence (“Fine.” Roe said.).
_VERB_ENDS = re.compile(r"\s*[.,;:!?]")


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token that ends at ``pos`` (exclusive), e.g. 'U.S.' or 'Gen.'."""
    # Fast path: a short token after a plain space (most are); otherwise walk back.
    space = text.rfind(" ", max(floor, pos - 24), pos)
    if space >= 0 and text[space + 1:pos].isprintable():
        return text[space + 1:pos]
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos]


def _starts_sentence(word: str) -> bool:
    """Is ``word`` a typical first word of a sentence ("The", "However,")?"""
    return word.lower().strip(_WORD_PUNCT) in SENTENCE_STARTERS


def _named_speaker(text: str, pos: int, end: int, full_stop: bool = False) -> bool:
    """Do a name and a verb of saying follow ``pos`` ("Roe asked", "Dr. Ann Lee said")? After a
    quotation that ends with a full stop, only when the sentence ends at the verb ("“Fine.” Roe
    said."), not when the verb has words of its own ("“Fine.” Roe said the data were thin.").

    >>> t = "“Fine.” Roe said the data were thin."
    >>> _named_speaker(t, 7, len(t)), _named_speaker(t, 7, len(t), full_stop=True)
    (True, False)
    """
    m = _SPEAKER.match(text, pos, min(end, pos + 80))
    if full_stop and m is not None and not _VERB_ENDS.match(text, m.end(), end):
        return False
    return (m is not None and m.group(2).lower() in QUOTE_VERBS
            and m.group(1).split()[0].lower().strip(_WORD_PUNCT) not in SENTENCE_STARTERS)


def _after_word(text: str, token_start: int, floor: int) -> bool:
    """Is the token at ``token_start`` preceded by a word (not by the start of the paragraph or a sentence end)?"""
    i = token_start
    while i > floor and text[i - 1] in " \t\u00a0":
        i -= 1
    return i > floor and text[i - 1].isalnum()


def _list_position(text: str, token_start: int, floor: int) -> bool:
    """Does a token at ``token_start`` open a list item: at the start of the paragraph or a line,
    or after a colon, semicolon or comma?"""
    i = token_start
    while i > floor and text[i - 1] in " \t":
        i -= 1
    return i == floor or text[i - 1] in "\n\r:;,"


def _spaced_ellipsis(text: str, mark_start: int, floor: int) -> bool:
    """Is the full stop at ``mark_start`` the last of a spaced ellipsis (". . .")?"""
    return (mark_start - 4 >= floor and text[mark_start - 1] in " \u00a0" and text[mark_start - 2] == "."
            and text[mark_start - 3] in " \u00a0" and text[mark_start - 4] == ".")


def _is_boundary(text: str, mark_start: int, mark_end: int, block_end: int, block_start: int) -> bool:
    nxt = _NEXT_WORD.match(text, mark_end, block_end)
    if nxt is None:
        return False
    opener, word = nxt.groups()
    if not word and not opener:
        return False
    first = (word or opener)[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False  # "the U.S. against...", "paused... and" - a lowercase word continues the sentence
    if (first.isupper() and text[mark_end - 1] in _CLOSING_QUOTES
            and _named_speaker(text, mark_end, block_end, full_stop=text[mark_start] == ".")):
        return False  # “Is it over?” Roe asked. - the quotation and who said it are one sentence
    if text[mark_start] != ".":
        return True
    if text[mark_start - 1] in " \u00a0" and _spaced_ellipsis(text, mark_start, block_start):
        return False  # "we will fight . . . We will win" - an omission, not an ending
    token = _word_before(text, mark_start + 1, block_start)  # includes the period
    bare = token.lstrip("“\"‘'([").lower()
    abbreviation = bare[:-1]
    if abbreviation in TITLE_ABBREVIATIONS:
        return False  # "Gen. Konashenko", "Dr. Roe", "Mt. Fuji", "e.g. Apples"
    if abbreviation in NUMBER_ABBREVIATIONS and (word[:1].isdigit() or _ROMAN.fullmatch(word.strip(_WORD_PUNCT))):
        return False  # "No. 10", "p. 55", "Jan. 5", "Vol. II"
    if abbreviation in AMBIGUOUS_ABBREVIATIONS:
        return _starts_sentence(word)  # "Acme Inc. said" / "at Acme Inc. The shares rose"
    if len(token) <= 4 and _ENUMERATOR.fullmatch(token) and _list_position(text, mark_start + 1 - len(token), block_start):
        return False  # "1. Cut costs", "parts: a. Cost" - a list marker, not a sentence
    if len(token) >= 3 and token[-2].islower() and token[-3].isalpha():
        return True  # an ordinary word ("rained."): no initial, no "U.S."
    if _INITIAL.search(" " + token):
        # "John F. Kennedy" / "known as Plan B. The plan"; a letter opening a sentence ("Q. What ...",
        # "A. We ...", an interview's question and answer) never ends it.
        return _starts_sentence(word) and _after_word(text, mark_start + 1 - len(token), block_start)
    if _MULTI_DOT.fullmatch(bare[-4:]):
        if token[-4:] in ("a.m.", "p.m."):
            # "5 p.m. GMT", "9 a.m. Monday" go on; "at 5 p.m. Smith left" is a new sentence.
            return word.lower().strip(_WORD_PUNCT) not in CLOCK_FOLLOWERS
        # "U.S.", "U.K.": only a typical sentence opener after it starts a new sentence.
        return _starts_sentence(word)
    return True


def _quote_embedded(text: str, close: int) -> bool:
    """Inside an open “quotation” that closes (at ``close``, -1 if never) with a comma or runs on in lowercase?"""
    if close < 0:
        return False
    before = text[close - 1] if close > 0 else ""
    after = text[close + 1:close + 3].lstrip()
    return before in ",;:—–-" or (after[:1].islower() if after else False) or (after[:1] != "" and after[:1] in ",;")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph).

    Abbreviations and initials stay inside their sentence, a closing quote or
    bracket after the period stays with it, and a short source tag or reference such
    as "(Reuters)" or "(Smith 55)" after the period belongs to the sentence before it.
    A spaced ellipsis (". . .") never ends a sentence; a list item on its own line
    ("1.", "b)", "(iv)") starts one, and its marker is not a sentence of its own.

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
    # A list item on a line of its own ("\n1. ...", "\n(b) ...") starts a new sentence.
    items = [m.start() for m in _LIST_ITEM.finditer(text, start, end)] if text.find("\n", start, end) >= 0 else []
    k = 0
    for m in _CANDIDATE.finditer(text, start, end):
        m_start, m_end = m.span()
        if m_start < sent_start:
            continue  # inside a tag already given to the sentence before: "(Roe 2019, p. 4)"
        while items and k < len(items) and items[k] < m_start:
            if items[k] > sent_start:
                _add(text, spans, sent_start, items[k])
                sent_start = items[k]
            k += 1
        # Track “quotes” between the last candidate and this one.
        depth = max(0, depth + text.count(_QUOTE_OPEN, scan, m_end) - text.count(_QUOTE_CLOSE, scan, m_end))
        scan = m_end
        if not _is_boundary(text, m_start, m_end, end, start):
            continue
        if depth > 0:
            if close is None or 0 <= close < m_end:  # searched once per closing quote: linear
                close = text.find(_QUOTE_CLOSE, m_end, end)
            if _quote_embedded(text, close):
                continue
        stop = m_end
        after = _SPACES.match(text, stop, end).end()
        if after < end and text[after] == "(":
            tag = _TAG.match(text, after, end)
            if tag:
                stop = tag.end()
                scan = stop
        s, e = strip_span(text, sent_start, stop)
        if s < e:
            spans.append((s, e))
        sent_start = stop
    for item in items[k:]:
        if item > sent_start:
            _add(text, spans, sent_start, item)
            sent_start = item
    _add(text, spans, sent_start, end)
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Append the span ``text[start:end]`` without its surrounding white space, unless nothing is left."""
    s, e = strip_span(text, start, end)
    if s < e:
        spans.append((s, e))


def count_sentence_marks(text: str) -> int:
    """How many places in ``text`` could end a sentence (a run of ``.!?…`` before a space).

    >>> count_sentence_marks("It rained... Then? It stopped. End")
    3
    """
    return len(_CANDIDATE.findall(text))
