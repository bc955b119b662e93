"""The pattern syntax of the cue lists, turned into regular expressions.

Teachers write patterns such as ``said | told``, ``slam*``, ``if ... would`` or
``^perhaps`` (see ``medialit/data/cues/README.md``); :func:`compile_alternative` turns one
alternative into regex pieces, and :func:`trie_regex` merges the pieces of all of them
into one search pattern, so an article is scanned once, not once per word.

>>> [compile_alternative(a).regex for a in split_alternatives("say* | it's")]
['say\\\\w*', "it['’‘]s"]
>>> trie_regex([("s", "a", "y"), ("s", "a", "w")])
'sa(?:w|y)'
"""


from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

class PatternError(ValueError):
    """A pattern that does not follow the syntax (wrapped into LexiconError with file and line)."""


_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                 "eighty ninety hundred hundreds thousand thousands million millions billion billions "
                 "dozen dozens").split()
NUMBER_RE = (r"(?:(?:[$€£]\s?)?\d+(?:[.,]\d+)*%?|(?i:(?:a\s+)?(?:half\s+a\s+)?(?:"
             + "|".join(_NUMBER_WORDS) + r"|a\s+dozen|a\s+few)))")
# the same without the case-insensitive group, for the search trie (which runs on lowered text)
NUMBER_TRIE_RE = (r"(?:(?:[$€£]\s?)?\d+(?:[.,]\d+)*%?|(?:a\s+)?(?:half\s+a\s+)?(?:"
                  + "|".join(_NUMBER_WORDS) + r"|a\s+dozen|a\s+few))")
WORD_RE = r"\w[\w'’‐‑-]*"
GAP_RE = r"(?:\s+\S+){0,12}?"
SPACE_RE = r"\s+"
_PLACEHOLDERS = {"<number>": NUMBER_RE, "<word>": WORD_RE}
CHAR_CLASSES = {"'": "['’‘]", '"': '["“”]', "-": "[-‐‑]"}


@dataclass(frozen=True)
class Alternative:
    """One alternative of a pattern, compiled.

    ``units`` are the regex pieces in order (one per character or placeholder), used to
    build the combined search trie; ``regex`` is their concatenation; ``key`` is the
    first literal word (lowercase) used to find candidates quickly, ``star`` tells that
    the key is only a prefix (``slam*``).
    """

    source: str
    units: tuple[str, ...]
    trie_units: tuple[str, ...]
    regex: str
    key: str
    star: bool
    anchored: bool


def _lower1(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def compile_alternative(alt: str, match_case: bool = False) -> Alternative:
    """Turn one alternative written in the teacher syntax into regex pieces.

    >>> compile_alternative("according to").regex
    'according\\\\s+to'
    >>> compile_alternative("slam*").regex
    'slam\\\\w*'
    >>> compile_alternative("^perhaps").anchored
    True
    """
    text = " ".join(alt.split())
    anchored = False
    if text.startswith("^"):
        anchored = True
        text = text[1:].strip()
    if not text:
        raise PatternError("empty alternative (check for a doubled or trailing '|')")
    words = text.split(" ")
    if words[0] == "..." or words[-1] == "...":
        raise PatternError("'...' must stand between two words")
    units: list[str] = []
    trie_units: list[str] = []
    literal_seen = False
    prev_gap = False
    for wi, word in enumerate(words):
        if word == "...":
            if prev_gap:
                raise PatternError("two '...' in a row")
            units.append(GAP_RE)
            trie_units.append(GAP_RE)
            prev_gap = True
            continue
        prev_gap = False
        if wi:
            units.append(SPACE_RE)
            trie_units.append(SPACE_RE)
        if word.startswith("<") or word.endswith(">"):
            if word not in _PLACEHOLDERS:
                raise PatternError(f"unknown placeholder {word!r}; use <number> or <word>")
            units.append(_PLACEHOLDERS[word])
            trie_units.append(NUMBER_TRIE_RE if word == "<number>" else _PLACEHOLDERS[word])
            continue
        if "^" in word:
            raise PatternError("'^' may only start a pattern")
        if word.isascii() and word.isalnum():
            # Speed: a plain word (the usual case) needs no escaping, one unit per letter
            low = word.lower()
            units.extend(word if match_case else low)
            trie_units.extend(low)
            literal_seen = True
            continue
        for ci, ch in enumerate(word):
            if ch == "*":
                if ci != len(word) - 1 or ci == 0:
                    raise PatternError("'*' may only end a word, after at least one letter")
                units.append(r"\w*")
                trie_units.append(r"\w*")
            elif ch in CHAR_CLASSES:
                units.append(CHAR_CLASSES[ch])
                trie_units.append(CHAR_CLASSES[ch])
            else:
                if ch.isalnum():
                    literal_seen = True
                unit = _char_unit(ch)
                units.append(re.escape(ch) if match_case else unit)
                trie_units.append(unit)
    if not literal_seen:
        raise PatternError("a pattern needs at least one ordinary word, not only placeholders")
    first = words[0]
    m = re.match(r"\w+", first) if not first.startswith("<") else None
    key = _lower1_str(m.group(0)) if m else ""
    star = bool(m) and first[m.end():m.end() + 1] == "*"
    # Speed: no re.compile() here to check the regex (it cost most of the time to load
    # the lists): every unit is an escaped character or one of the fixed pieces above, so
    # the regex always compiles; Lexicons compiles all of them at once in its search
    # pattern (and names the file and line if that ever fails).
    regex = "".join(units)
    return Alternative(alt.strip(), tuple(units), tuple(trie_units), regex, key, star, anchored)


_CHAR_UNITS: dict[str, str] = {}


def _char_unit(ch: str) -> str:
    """The regex unit of an ordinary character, lowered (worked out once per character).

    >>> _char_unit("A"), _char_unit("+") == re.escape("+")
    ('a', True)
    """
    got = _CHAR_UNITS.get(ch)
    if got is None:
        got = _CHAR_UNITS[ch] = re.escape(_lower1(ch))
    return got


def _lower1_str(s: str) -> str:
    return "".join(_lower1(c) for c in s)


def split_alternatives(pattern: str) -> list[str]:
    """``"said | says"`` -> ``["said", "says"]``."""
    return [p.strip() for p in pattern.split("|")]


def trie_regex(alts: Iterable[tuple[str, ...]]) -> str:
    root: dict = {}
    for units in alts:
        node = root
        for u in units:
            node = node.setdefault(u, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = sorted(k for k in node if k)
        parts = [k + emit(node[k]) for k in keys]
        terminal = "" in node
        if not parts:
            return ""
        if len(parts) == 1:
            body = parts[0]
            if not terminal:
                return body
            return "(?:" + body + ")?"
        body = "(?:" + "|".join(parts) + ")"
        return body + "?" if terminal else body

    return emit(root)
