"""Helpers shared by the tests of the detector's word tables (grammar, attribution):
what the detector decided in one invented sentence, and a word set with one word taken out."""

import sys
import weakref

from medialit.articles import parse_article
from medialit.detect import analyze
from medialit.detect import text as grammar


def decisions(sentence: str) -> dict:
    """What the detector decided in one invented sentence."""
    an = analyze(parse_article("Headline\n\n" + sentence + "\n"))
    sa = an.sentences[-1]
    return {"labels": set(sa.labels),
            "sources": sorted(s.text for s in sa.sources),
            "evidence": sorted((e.rule, e.text) for e in sa.evidence),
            "suppressed": sorted((s.rule, s.text) for s in sa.suppressed),
            "voice": sorted((c.text, c.voice) for c in sa.cues)}


def without(monkeypatch, module, name: str, word: str) -> None:
    """Take ``word`` out of the set ``module.name`` wherever the detector's modules use it."""
    old = getattr(module, name)
    assert word in old, f"{word!r} is not in {name}"
    new = type(old)(w for w in old if w != word)
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("medialit.") and getattr(mod, name, None) is old:
            monkeypatch.setattr(mod, name, new)
    if module is grammar and name == "ABBREVIATIONS":  # collected once per set of word lists
        monkeypatch.setattr(grammar, "ABBREV_CACHE", weakref.WeakKeyDictionary())
