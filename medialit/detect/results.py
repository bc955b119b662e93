"""What the detector returns: cues, sources, evidence, switched-off matches, and the
:class:`Analysis` of an article with its explanations (:meth:`Analysis.why`,
:meth:`Analysis.why_not`).

>>> Cue(0, 3, "may", "hedge", "hedge_word", "A hedge.", "author").text
'may'
"""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

from medialit.articles import Article, Sentence
from medialit.cues import Lexicons, load_lexicons
from medialit.vocabulary import CUE_LABELS, SENTENCE_LABELS, SOURCE_TYPES

# Speed: the detector builds tens of thousands of these small frozen objects per
# megabyte of text. The ``__init__`` that @dataclass(frozen=True) writes sets each field
# through ``object.__setattr__`` (to get past its own "frozen" check), one function call
# per field, which is about three times slower than filling the new object's ``__dict__``.
# So each class below spells out its ``__init__`` (dataclass keeps an ``__init__`` it
# finds in the class body). Everything else still comes from @dataclass: the objects are
# frozen, and equality, hash and repr are unchanged. ``_init_takes_fields`` checks at
# import time that each ``__init__`` takes exactly the fields, in order, with their defaults.

def _init_takes_fields(cls):
    """Class decorator: fail at import if ``cls.__init__`` does not match the dataclass fields."""
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]  # without self
    got = [(p.name, dataclasses.MISSING if p.default is p.empty else p.default) for p in params]
    want = [(f.name, f.default) for f in dataclasses.fields(cls)]
    if got != want:
        raise TypeError(f"{cls.__name__}.__init__ takes {got}, but the fields are {want}")
    return cls


@_init_takes_fields
@dataclass(frozen=True)
class Cue:
    """A highlighted span. ``entry`` says which list line found it (``"hedges.csv:12"``)."""

    start: int
    end: int
    text: str
    label: str
    rule: str
    explanation: str
    voice: str
    entry: str = ""

    def __init__(self, start, end, text, label, rule, explanation, voice, entry=""):
        d = self.__dict__  # see "Speed" above: the same as the generated __init__, faster
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["label"] = label
        d["rule"] = rule
        d["explanation"] = explanation
        d["voice"] = voice
        d["entry"] = entry


@_init_takes_fields
@dataclass(frozen=True)
class Source:
    """Who the information comes from. ``refers_to`` names the earlier person a
    description such as *the general* points back to."""

    start: int
    end: int
    text: str
    type: str
    rule: str
    explanation: str
    refers_to: str | None = None

    def __init__(self, start, end, text, type, rule, explanation, refers_to=None):
        d = self.__dict__  # see "Speed" above
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["type"] = type
        d["rule"] = rule
        d["explanation"] = explanation
        d["refers_to"] = refers_to


@_init_takes_fields
@dataclass(frozen=True)
class Evidence:
    """Why a sentence got a label: the rule and the span (in article offsets) that triggered it."""

    label: str
    rule: str
    explanation: str
    start: int
    end: int
    text: str = ""

    def __init__(self, label, rule, explanation, start, end, text=""):
        d = self.__dict__  # see "Speed" above
        d["label"] = label
        d["rule"] = rule
        d["explanation"] = explanation
        d["start"] = start
        d["end"] = end
        d["text"] = text


@_init_takes_fields
@dataclass(frozen=True)
class Suppressed:
    """A list match that a false-friend or context rule switched off, and why.
    ``label`` is what it would otherwise have counted as."""

    start: int
    end: int
    text: str
    rule: str
    explanation: str
    label: str = ""

    def __init__(self, start, end, text, rule, explanation, label=""):
        d = self.__dict__  # see "Speed" above
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["rule"] = rule
        d["explanation"] = explanation
        d["label"] = label


@_init_takes_fields
@dataclass(frozen=True)
class SentenceAnalysis:
    sentence: Sentence
    labels: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    cues: tuple[Cue, ...]
    sources: tuple[Source, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()

    def __init__(self, sentence, labels, evidence, cues, sources=(), suppressed=()):
        d = self.__dict__  # see "Speed" above
        d["sentence"] = sentence
        d["labels"] = labels
        d["evidence"] = evidence
        d["cues"] = cues
        d["sources"] = sources
        d["suppressed"] = suppressed


@dataclass(frozen=True)
class Analysis:
    """The detector's output for one article. See :meth:`to_dict`, :meth:`why`, :meth:`why_not`."""

    article: Article
    sentences: tuple[SentenceAnalysis, ...]
    cues: tuple[Cue, ...]
    sources: tuple[Source, ...]
    suppressed: tuple[Suppressed, ...]
    lexicons: Lexicons | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        """Plain data (JSON-ready) with exactly the agreed keys."""
        a = self.article
        return {
            "article": {"headline": a.headline, "dek": a.dek, "date": a.date, "byline": a.byline,
                        "boilerplate": list(a.boilerplate), "encoding": a.encoding},
            "sentences": [{"index": sa.sentence.index, "paragraph": sa.sentence.paragraph,
                           "part": sa.sentence.part, "start": sa.sentence.start, "end": sa.sentence.end,
                           "text": sa.sentence.text, "labels": list(sa.labels)} for sa in self.sentences],
            "cues": [{"start": c.start, "end": c.end, "text": c.text, "label": c.label, "rule": c.rule,
                      "explanation": c.explanation, "voice": c.voice} for c in self.cues],
            "sources": [{"start": s.start, "end": s.end, "text": s.text, "type": s.type}
                        for s in self.sources],
        }

    # -- helpers for notebooks ---------------------------------------------------
    def sentence(self, index: int) -> SentenceAnalysis:
        """The analysis of sentence ``index`` (as in ``Sentence.index``)."""
        for sa in self.sentences:
            if sa.sentence.index == index:
                return sa
        raise IndexError(f"no sentence {index}; sentences are numbered 0 to {len(self.sentences) - 1}")

    def labelled(self, label: str) -> list[SentenceAnalysis]:
        """Sentences carrying ``label``."""
        return [sa for sa in self.sentences if label in sa.labels]

    def index_of(self, words: str) -> int:
        """The number (``Sentence.index``) of the first sentence that contains ``words``.

        >>> from medialit.detect import analyze
        >>> analyze("Rain\\n\\nIt may rain. It will stop.\\n").index_of("will stop")
        2
        """
        for sa in self.sentences:
            if words in sa.sentence.text:
                return sa.sentence.index
        raise LookupError(f"no sentence contains {words!r}")

    def label_counts(self) -> dict[str, int]:
        return {lab: sum(lab in sa.labels for sa in self.sentences) for lab in SENTENCE_LABELS}

    def why(self, what) -> str:
        """Explain in words why something fired.

        ``what`` is a sentence index, a label (``"hedge"``), a source type
        (``"named_person"``), or a :class:`Cue`, :class:`Source` or :class:`Evidence`.

        >>> from medialit.articles import parse_article
        >>> from medialit.detect import analyze
        >>> an = analyze(parse_article("Head\\n\\nObviously, critics said it may fail.\\n"))
        >>> print(an.why(1))
        Sentence 1 (body, paragraph 1): Obviously, critics said it may fail.
          attribution  'said' [reporting_verb]: A saying verb tells us whose words or information these are. Source: 'critics' (vague).
          hedge        'may' [hedge_word]: These modal verbs present something as possible rather than certain. (Voice: source.)
          booster      'Obviously' [booster_word]: It tells the reader the claim is beyond question instead of showing why.
          source       'critics' (vague): 'critics' does the saying ('said'). Typed vague: 'critics' is on the list of vague sources.
        """
        if isinstance(what, bool):
            raise TypeError("why() takes a sentence index, a label, a source type or a result object")
        if isinstance(what, int):
            return self._why_sentence(self.sentence(what))
        if isinstance(what, Cue):
            return f"{what.label} {what.text!r} ({what.voice} voice) [{what.rule}, {what.entry}]: {what.explanation}"
        if isinstance(what, Source):
            extra = f" Refers to {what.refers_to}." if what.refers_to else ""
            return f"source {what.text!r} ({what.type}) [{what.rule}]: {what.explanation}{extra}"
        if isinstance(what, Evidence):
            return f"{what.label} {what.text!r} [{what.rule}]: {what.explanation}"
        if isinstance(what, Suppressed):
            return f"not counted {what.text!r} [{what.rule}]: {what.explanation}"
        if isinstance(what, str):
            if what in SOURCE_TYPES:
                srcs = [s for s in self.sources if s.type == what]
                if not srcs:
                    return f"No source was typed {what}."
                return "\n".join(self.why(s) for s in srcs)
            if what in SENTENCE_LABELS or what in CUE_LABELS:
                lines = []
                for sa in self.sentences:
                    evs = [e for e in sa.evidence if e.label == what]
                    cues = [c for c in sa.cues if c.label == what and what not in SENTENCE_LABELS]
                    for e in evs:
                        lines.append(f"[{sa.sentence.index}] {e.text!r} [{e.rule}]: {e.explanation}")
                    for c in cues:
                        lines.append(f"[{sa.sentence.index}] {c.text!r} [{c.rule}] ({c.voice} voice): {c.explanation}")
                return "\n".join(lines) if lines else f"No sentence got the label {what}."
            raise ValueError(f"unknown label {what!r}; use one of {', '.join(SENTENCE_LABELS + ('loaded',) + SOURCE_TYPES)}")
        raise TypeError("why() takes a sentence index, a label, a source type or a result object")

    def _why_sentence(self, sa: SentenceAnalysis) -> str:
        s = sa.sentence
        where = s.part if s.paragraph is None else f"{s.part}, paragraph {s.paragraph}"
        lines = [f"Sentence {s.index} ({where}): {s.text}"]
        if not sa.evidence:
            lines.append("  no label: no rule fired for this sentence.")
        for e in sorted(sa.evidence, key=lambda e: (SENTENCE_LABELS.index(e.label), e.start)):
            lines.append(f"  {e.label:<12} {e.text!r} [{e.rule}]: {e.explanation}")
        for c in sa.cues:
            if c.label == "loaded" and not any(e.start == c.start and e.label == "opinion" for e in sa.evidence):
                lines.append(f"  {'loaded':<12} {c.text!r} [{c.rule}] ({c.voice} voice): {c.explanation}")
        for src in sa.sources:
            lines.append(f"  {'source':<12} {src.text!r} ({src.type}): {src.explanation}")
        for sup in sa.suppressed:
            lines.append(f"  {'not counted':<12} {sup.text!r} [{sup.rule}]: {sup.explanation}")
        return "\n".join(lines)

    def why_not(self, what) -> str:
        """Explain why something did NOT fire.

        ``what`` is a sentence index (lists the switched-off matches there) or a word or
        phrase (its switched-off matches in this article, else which list it is on).

        >>> from medialit.articles import parse_article
        >>> from medialit.detect import analyze
        >>> an = analyze(parse_article("Head\\n\\nSome 300 people came on May 5.\\n"))
        >>> print(an.why_not("May"))
        not counted 'May' [may_month]: Here "May" is the month, not the verb "may". (inside 'May 5', false_friends.csv:6)
        >>> "plain_modal" in an.why_not("can")
        True
        """
        if isinstance(what, int) and not isinstance(what, bool):
            sa = self.sentence(what)
            if not sa.suppressed:
                return f"Sentence {what}: nothing was switched off."
            return "\n".join(f"Sentence {what}: {self.why(s)}" for s in sa.suppressed)
        phrase = str(what).strip()
        hits = [s for s in self.suppressed if s.text.lower() == phrase.lower()]
        if hits:
            return "\n".join(self.why(s) for s in hits)
        lines = [f"{phrase!r} was not switched off anywhere in this article."]
        lex = self.lexicons or load_lexicons()
        entries = lex.entries_matching(phrase)
        if entries:
            for e in entries:
                rule = f" ({e.rule})" if e.rule else ""
                lines.append(f"It is listed in {e.where} as {e.label}{rule}: {e.explanation}")
        else:
            lines.append("It is not on any cue list, so the detector does not look for it.")
        return " ".join(lines)
