"""Blocks: the paragraph-like runs of lines that blank lines separate.

>>> split_blocks("Headline\\n\\nFirst paragraph.\\nStill first.\\n\\nSecond.")
[(0, 8), (10, 39), (41, 48)]
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_BLANK = re.compile(r"[\s\u00a0\u200b\ufeff]*$")   # matched from a line's start to its end
_INVISIBLE = "\u200b\ufeff"  # zero-width space and stray byte-order marks


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow (start, end) to exclude surrounding whitespace, NBSP and zero-width spaces included.

    >>> strip_span(" \\u00a0 Hi \\n", 0, 7)
    (3, 5)
    """
    # The test is written out, not a function call: the splitter strips every sentence it finds.
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Split text into blocks: runs of lines separated by blank lines.

    If the text has no blank line at all, every line is a block (pasted text
    often has one paragraph per line). Offsets exclude surrounding whitespace.

    >>> split_blocks("a\\nb\\n\\nc")
    [(0, 3), (5, 6)]
    >>> split_blocks("a\\r\\nb")
    [(0, 1), (3, 4)]
    """
    lines = []  # (start, end_without_newline, blank)
    for m in _LINE.finditer(text):
        start, end = m.span()
        if start == end:
            break
        # Drop the line end ("\n", "\r\n" or "\r") without copying the line.
        if text[end - 1] == "\n":
            end -= 1
            if end > start and text[end - 1] == "\r":
                end -= 1
        elif text[end - 1] == "\r":
            end -= 1
        lines.append((start, end, _BLANK.match(text, start, end) is not None))
    has_blank = any(blank for _, _, blank in lines)
    spans: list[tuple[int, int]] = []
    if not has_blank:
        candidates = [(s, e) for s, e, _ in lines]
    else:
        candidates = []
        run_start = None
        run_end = None
        for s, e, blank in lines:
            if blank:
                if run_start is not None:
                    candidates.append((run_start, run_end))
                    run_start = None
            else:
                if run_start is None:
                    run_start = s
                run_end = e
        if run_start is not None:
            candidates.append((run_start, run_end))
    for s, e in candidates:
        s, e = strip_span(text, s, e)
        if s < e:
            spans.append((s, e))
    return spans
