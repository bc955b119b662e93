"""Quotations and reported speech: which words are a source's, not the writer's.

>>> text = 'She said: “It might work.” It did not.'
>>> quote_regions(text)
[(10, 26)]
>>> voice(text.index("might"), quote_regions(text), []), voice(text.index("did"), quote_regions(text), [])
('source', 'author')
"""

from __future__ import annotations

import re

# Quote marks and paragraph breaks (a line break, blanks, a line break). Written as
# alternatives that each begin with one fixed character, rather than the shorter
# r"[“”„«»\"‘’']|\r?\n[^\S\r\n]*\r?\n": the re module then knows the possible first
# characters and jumps from one to the next instead of trying every position of the article.
QUOTE_SCAN = re.compile(r"“|”|„|«|»|\"|‘|’|'|\r\n[^\S\r\n]*\r?\n|\n[^\S\r\n]*\r?\n")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quotations (quote marks included), merged where they overlap.

    “ ” and „ « » pair up; a straight " opens before a word and closes after one;
    ‘ ’ pair up, and ’ between letters (didn’t, Council’s) or after a plural
    (missiles’) is an apostrophe unless a ‘ is open. A double quotation left open
    runs to the end of its paragraph (the usual style for quotes spanning
    paragraphs); an unclosed single quote is ignored.
    """
    n = len(text)
    regions: list[tuple[int, int]] = []
    d_open = -1
    d_char = ""
    s_open = -1
    s_char = ""
    for m in QUOTE_SCAN.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in "\r\n":  # paragraph break
            if d_open >= 0:
                end = i
                while end > d_open and text[end - 1].isspace():
                    end -= 1
                regions.append((d_open, max(end, d_open + 1)))
            d_open, s_open = -1, -1
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in "“„«":
            if d_open < 0:
                d_open, d_char = i, ch
            elif d_char == "„" and ch == "“":
                regions.append((d_open, i + 1))
                d_open = -1
        elif ch in "”»":
            if d_open >= 0:
                regions.append((d_open, i + 1))
                d_open = -1
                s_open = -1
        elif ch == '"':
            if d_open >= 0 and d_char == '"':
                regions.append((d_open, i + 1))
                d_open = -1
                s_open = -1
            elif d_open < 0 and not nxt.isspace():
                d_open, d_char = i, '"'
        elif ch == "‘":
            if s_open < 0 and not nxt.isspace():
                s_open, s_char = i, ch
        elif ch in "’'":
            letter_before = prev.isalnum()
            letter_after = nxt.isalnum()
            if s_open >= 0 and (s_char == "‘" or ch == "'") and not letter_after and not prev.isspace():
                regions.append((s_open, i + 1))
                s_open = -1
            elif ch == "'" and s_open < 0 and not letter_before and letter_after:
                s_open, s_char = i, ch
    if d_open >= 0:
        end = n
        while end > d_open and text[end - 1].isspace():
            end -= 1
        regions.append((d_open, max(end, d_open + 1)))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for a, b in regions:
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def inside(pos: int, intervals) -> bool:
    """Whether ``pos`` lies in one of the ``(start, end)`` intervals."""
    for a, b in intervals:
        if a <= pos < b:
            return True
    return False


def voice(pos: int, quotes, reported) -> str:
    """``source`` for a position inside a quotation or reported speech, else ``author``."""
    return "source" if inside(pos, quotes) or inside(pos, reported) else "author"


class Quotes:
    """The quotations of one article, handed out sentence by sentence in text order."""

    def __init__(self, text: str):
        self.regions = quote_regions(text)
        self._next = 0  # the first region that does not end before the current sentence
        self.last: list[tuple[int, int]] = []  # the whole regions behind the last within() call

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations overlapping ``start:end``, cut to it. Calls must come in text order.

        >>> Quotes('A “b” c “d”').within(0, 6)
        [(2, 5)]
        """
        q = self.regions
        i = self._next
        while i < len(q) and q[i][1] <= start:
            i += 1
        self._next = i
        out = []
        j = i
        while j < len(q) and q[j][0] < end:
            out.append((max(q[j][0], start), min(q[j][1], end)))
            j += 1
        self.last = q[i:j]
        return out
