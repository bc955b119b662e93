"""The fast list scanner finds exactly what trying every list pattern on its own finds.

``Lexicons.scan`` takes short cuts for speed (one search pattern for all lists, patterns
compiled on first use, patterns sorted by the word that must come next). The reference
here is the slow, obvious way: every alternative of every entry, tried at every word
start. Both must give the same matches, on invented sentences and on random strings of
list words (issue 9: faster, without changing a single output).
"""

from __future__ import annotations

import random
import re

import pytest

from medialit.cues import load_lexicons

SENTENCES = [
    "It could be weeks before the figures could not be independently verified, officials said.",
    "Could the council have known? Critics called it a blunder and called the plan reckless.",
    "According to the ministry, roughly 300 people will probably attend.",
    "The minister, who could hardly hide her anger, said the deal will not need to be signed.",
    "“It will be fine,” she said. Perhaps it won’t.",
    "Some experts believe the talks will collapse; others are not so sure.",
    "May I say something? In May the mayor may resign, sources close to him said.",
    "The U.S. embassy declined to comment, Reuters reported, citing two people familiar with the matter.",
]


def reference_scan(patterns, lex, text: str) -> set:
    """Every (start, end, entry, anchored) the slow way: each alternative alone at each word start."""
    low = lex.lowered(text)
    best: dict = {}
    for e, rx, anchored in patterns:
        for m in rx.finditer(text if e.match_case else low):
            key = (m.start(1), id(e))
            if key not in best or m.end(1) > best[key][1]:
                best[key] = (m.start(1), m.end(1), e, anchored)
    return {(s, t, id(e), anc) for s, t, e, anc in best.values()}


def fast_scan(lex, text: str) -> set:
    return {(s, t, id(e), anc) for s, t, e, anc in lex.scan(text)}


@pytest.fixture(scope="module")
def lex():
    return load_lexicons()


@pytest.fixture(scope="module")
def patterns(lex):
    """Each alternative of each entry as its own regex (found at a word start, ending at a word end)."""
    return [(e, re.compile(r"(?<!\w)(?=((?:" + a.regex + r")(?!\w)))"), a.anchored)
            for e in lex.entries for a in e.alternatives]


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_finds_what_each_pattern_finds_alone(lex, patterns, text):
    assert fast_scan(lex, text) == reference_scan(patterns, lex, text)


def test_scan_on_random_strings_of_list_words(lex, patterns):
    words = sorted({w for e in lex.entries for a in e.alternatives
                    for w in re.findall(r"[A-Za-z']+", a.source)})
    words += ["The", "Could", ",", ".", "“", "”", "\n", "3", "million"]
    rng = random.Random(9)
    for _ in range(40):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40)))
        assert fast_scan(lex, text) == reference_scan(patterns, lex, text), text


def test_a_piece_of_a_text_gives_the_matches_inside_it(lex):
    text = "Officials said the plan could not be verified. Perhaps it could."
    start = text.index("the plan")
    piece = {(s, t, id(e), anc) for s, t, e, anc in lex.scan(text, None, start, len(text))}
    whole = {h for h in fast_scan(lex, text) if h[0] >= start}
    assert piece == whole
    assert any(text[s:t] == "could not be verified" for s, t, _, _ in piece)
