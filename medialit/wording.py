"""Plain words for numbers and lists, and text cut to fit: one definition each.

>>> shorten("A long\\nline of text", 10)
'A long li…'
>>> plural(1, "hedge"), plural(3, "hedge"), plural(2, "is", "are")
('1 hedge', '3 hedges', '2 are')
>>> join_words(["hedges", "boosters", "opinions"])
'hedges, boosters and opinions'
"""

from __future__ import annotations

import re
from typing import Sequence


def shorten(text: str, n: int) -> str:
    """``text`` on one line, cut to at most ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the word, singular for one, plural (``many``, or the word + "s") otherwise.

    >>> plural(0, "sentence")
    '0 sentences'
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def table_cell(text: str) -> str:
    r"""Text made safe for one cell of a Markdown table: ``|`` escaped, lines joined.

    >>> print(table_cell("a | b\nc"))
    a \| b c
    """
    return text.replace("|", "\\|").replace("\n", " ")


def id_ranges(ids: Sequence[str], most: int = 8) -> str:
    """Article ids as a short list: in full when there are at most ``most``, otherwise by their
    numbers, each run of consecutive numbers as one range (ids such as ``dev07_analysis``).

    >>> id_ranges(["dev01_news", "dev03_oped"])
    'dev01_news, dev03_oped'
    >>> id_ranges([f"dev{i:02d}_x" for i in (2, 5, 7, 8, 9, 10, 11, 12, 13, 40)])
    'dev02, dev05, dev07–13, dev40'
    """
    nums = [re.match(r"([A-Za-z]+)(\d+)", i) for i in ids]
    if len(ids) <= most or not all(nums) or len({m.group(1) for m in nums}) != 1:
        return ", ".join(ids)
    out: list[str] = []
    run: list[re.Match] = []
    for m in nums + [None]:
        if run and (m is None or int(m.group(2)) != int(run[-1].group(2)) + 1):
            first, last = run[0], run[-1]
            out.append(first.group(0) + (f"–{last.group(2)}" if len(run) > 1 else ""))
            run = []
        if m is not None:
            run.append(m)
    return ", ".join(out)


def join_words(words: Sequence[str]) -> str:
    """Words joined as in a sentence: "a", "a and b", "a, b and c" ("" for none).

    >>> join_words([]), join_words(["a"]), join_words(["a", "b"])
    ('', 'a', 'a and b')
    """
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
