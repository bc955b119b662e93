"""Two plain baselines the detector is scored against (``medialit evaluate``).

Both read the same sentences as the detector (the kit's splitting), so only the
labelling differs:

* ``word_list`` – a 53-word hand list (``data/baselines/word_list.csv``): a sentence
  gets a label when it contains one of that label's words. No context, no voice.
* ``reporting_verbs`` – a reporting-verb regular expression
  (``data/baselines/reporting_verbs.csv``): attribution when a reporting verb occurs,
  and the words right before it (or after *according to*) as the source.

A baseline's reading has the shape :mod:`medialit.evaluate` compares with a key:
``sentences`` with ``labels`` and ``evidence``, and ``sources``.

>>> from medialit.articles import parse_article
>>> art = parse_article("Head\\n\\nThe plan may fail, Jane Roe said. It will rain.\\n")
>>> [sa.labels for sa in BASELINES["word_list"].read(art).sentences]
[(), ('attribution', 'hedge'), ('speculation',)]
>>> r = BASELINES["reporting_verbs"].read(art)
>>> [sa.labels for sa in r.sentences], [s.text for s in r.sources]
([(), ('attribution',), ()], ['Jane Roe'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medialit.articles import Article
from medialit.datafiles import DATA, read_table
from medialit.vocabulary import SENTENCE_LABELS

FOLDER = DATA / "baselines"


@dataclass(frozen=True)
class Mark:
    """Why a baseline gave a label: the word it matched."""

    label: str
    rule: str
    start: int
    end: int


@dataclass(frozen=True)
class BaselineSentence:
    sentence: object
    labels: tuple[str, ...]
    evidence: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class BaselineSource:
    start: int
    end: int
    text: str
    type: str = "named_person"
    rule: str = "reporting_verbs"


@dataclass(frozen=True)
class BaselineReading:
    article: Article
    sentences: list[BaselineSentence]
    sources: list[BaselineSource] = field(default_factory=list)


def _alternation(words) -> re.Pattern:
    words = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w’'])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                      + r")(?![\w’'])", re.IGNORECASE)


class WordList:
    """A sentence gets the label of every listed word it contains."""

    name = "word_list"
    title = "word list"
    description = "a 53-word hand list (data/baselines/word_list.csv)"

    def __init__(self, path=FOLDER / "word_list.csv"):
        rows = read_table(path, ("word", "label", "explanation"))
        self.size = len(rows)
        self.label_of = {r["word"].lower(): r["label"] for r in rows}
        self.pattern = _alternation(self.label_of)

    def read(self, article: Article) -> BaselineReading:
        text = article.text
        out = []
        for s in article.sentences:
            marks = []
            if s.part in ("headline", "dek", "body"):
                for m in self.pattern.finditer(text, s.start, s.end):
                    lab = self.label_of[" ".join(m.group(1).lower().split())]
                    marks.append(Mark(lab, self.name, m.start(), m.end()))
            labels = tuple(lab for lab in SENTENCE_LABELS if any(k.label == lab for k in marks))
            out.append(BaselineSentence(s, labels, tuple(marks)))
        return BaselineReading(article, out)


_BEFORE = re.compile(r"((?:(?:the|a|an|The|A|An)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+)"
                     r"|(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))\s*,?\s*$")
_AFTER = re.compile(r"\s+([^,.;:!?]{1,60})")


class ReportingVerbs:
    """Attribution wherever a reporting verb occurs; the words before it as the source."""

    name = "reporting_verbs"
    title = "verb regex"
    description = "a reporting-verb regular expression (data/baselines/reporting_verbs.csv)"

    def __init__(self, path=FOLDER / "reporting_verbs.csv"):
        rows = read_table(path, ("word", "explanation"))
        self.size = len(rows)
        self.pattern = _alternation(r["word"].lower() for r in rows)

    def read(self, article: Article) -> BaselineReading:
        text = article.text
        out, sources = [], []
        for s in article.sentences:
            marks = []
            if s.part in ("headline", "dek", "body"):
                for m in self.pattern.finditer(text, s.start, s.end):
                    marks.append(Mark("attribution", self.name, m.start(), m.end()))
                    if m.group(1).lower().startswith("according"):
                        src = _AFTER.match(text, m.end(), s.end)
                        a, b = (src.start(1), src.end(1)) if src else (m.end(), m.end())
                    else:
                        src = _BEFORE.search(text, s.start, m.start())
                        a, b = (src.start(1), src.end(1)) if src else (m.start(), m.start())
                    b = a + len(text[a:b].rstrip())
                    if b > a:
                        sources.append(BaselineSource(a, b, text[a:b]))
            out.append(BaselineSentence(s, ("attribution",) if marks else (), tuple(marks)))
        return BaselineReading(article, out, sources)


#: The baselines, by name, in the order tables show them.
BASELINES = {b.name: b for b in (WordList(), ReportingVerbs())}

__all__ = ["BASELINES", "BaselineReading", "ReportingVerbs", "WordList"]
