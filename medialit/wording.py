"""Plain words for numbers and lists, and text cut to fit: one definition each.

>>> shorten("A long\\nline of text", 10)
'A long li…'
>>> plural(1, "hedge"), plural(3, "hedge"), plural(2, "is", "are")
('1 hedge', '3 hedges', '2 are')
>>> join_words(["hedges", "boosters", "opinions"])
'hedges, boosters and opinions'
"""

from __future__ import annotations

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


def join_words(words: Sequence[str]) -> str:
    """Words joined as in a sentence: "a", "a and b", "a, b and c" ("" for none).

    >>> join_words([]), join_words(["a"]), join_words(["a", "b"])
    ('', 'a', 'a and b')
    """
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
