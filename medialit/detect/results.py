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
from medialit.detect.rules import RULE_TABLE
from medialit.detect.text import WordRow, tokens, word_rows
from medialit.vocabulary import CUE_LABELS, SENTENCE_LABELS, SOURCE_TYPES

#: The source lists' labels (a source's type comes from a row of one of these lists).
SOURCE_LIST_LABELS = frozenset({"title", "outlet", "institution", "vague", "anonymous"})
#: Which source lists can give each source type (a title makes a named person, or an
#: unnamed one, or a role inside a named body).
TYPE_LISTS = {"outlet": ("outlet",), "institution": ("institution", "title"), "named_person": ("title",),
              "vague": ("vague",), "anonymous": ("anonymous", "title")}
#: Grammar tables that decide on the words BEFORE a match, per rule: walking back from
#: the verb over skipped words (``skip``) to the word that decides (``decides``).
BEFORE = {
    "reporting_verb": {"skip": ("skip_before_verb", "verb_skip"), "decides": ("subject_pronouns",)},
    "noun_not_verb": {"skip": (), "decides": ("noun_signals", "nationalities", "nationality_endings")},
    "no_subject": {"skip": ("skip_before_verb", "verb_skip"), "decides": ("capitalised_non_names",)},
    "personal_ability": {"skip": (), "decides": ("personal_could",)},  # *she* could get through
}
#: Grammar tables that decide on the matched word itself, per rule (*possible* before a plural).
ON = {
    "candidate_set": ("candidate_adjectives",),
}
#: Grammar tables that decide on the word right AFTER a match, per rule.
AFTER = {
    "according_to": ("object_pronouns",),
    "inverted_reporting": ("object_pronouns",),
    "noun_not_verb": ("noun_followers",),  # the reports *were* wrong
}

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

        Each line ends with the data rows that decided: the rule's row in
        ``medialit/data/rules/``, the list row that matched, and any grammar-table rows.

        >>> an = analyze(parse_article("Head\\n\\nObviously, critics said so.\\n"))
        >>> print(an.why(1))  # doctest: +ELLIPSIS
        Sentence 1 (body, paragraph 1): Obviously, critics said so.
          attribution  'said' [reporting_verb]: A saying verb tells us whose words or information these are. Source: 'critics' (vague). (rules/attribution.csv:..., reporting_verbs.csv:...)
          booster      'Obviously' [booster_word]: It tells the reader the claim is beyond question instead of showing why. (rules/cues.csv:..., boosters.csv:...)
          source       'critics' (vague) [reporting_subject]: 'critics' does the saying ('said'). Typed vague: 'critics' is on the list of vague sources. (rules/sources.csv:..., vague_sources.csv:...)
        """
        if isinstance(what, bool):
            raise TypeError("why() takes a sentence index, a label, a source type or a result object")
        if isinstance(what, int):
            return self._why_sentence(self.sentence(what))
        if isinstance(what, Cue):
            return (f"{what.label} {what.text!r} ({what.voice} voice) [{what.rule}]: {what.explanation}"
                    f"{self.cite(what)}")
        if isinstance(what, Source):
            extra = f" Refers to {what.refers_to}." if what.refers_to else ""
            return f"source {what.text!r} ({what.type}) [{what.rule}]: {what.explanation}{extra}{self.cite(what)}"
        if isinstance(what, Evidence):
            return f"{what.label} {what.text!r} [{what.rule}]: {what.explanation}{self.cite(what)}"
        if isinstance(what, Suppressed):
            return f"not counted {what.text!r} [{what.rule}]: {what.explanation}{self.cite(what)}"
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
                        lines.append(f"[{sa.sentence.index}] {e.text!r} [{e.rule}]: {e.explanation}{self.cite(e)}")
                    for c in cues:
                        lines.append(f"[{sa.sentence.index}] {c.text!r} [{c.rule}] ({c.voice} voice): "
                                     f"{c.explanation}{self.cite(c)}")
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
            lines.append(f"  {e.label:<12} {e.text!r} [{e.rule}]: {e.explanation}{self.cite(e)}")
        for c in sa.cues:
            if c.label == "loaded" and not any(e.start == c.start and e.label == "opinion" for e in sa.evidence):
                lines.append(f"  {'loaded':<12} {c.text!r} [{c.rule}] ({c.voice} voice): {c.explanation}"
                             f"{self.cite(c)}")
        for src in sa.sources:
            lines.append(f"  {'source':<12} {src.text!r} ({src.type}) [{src.rule}]: {src.explanation}{self.cite(src)}")
        for sup in sa.suppressed:
            lines.append(f"  {'not counted':<12} {sup.text!r} [{sup.rule}]: {sup.explanation}{self.cite(sup)}")
        return "\n".join(lines)

    # -- which data rows decided ---------------------------------------------------
    def decided_by(self, what) -> list[str]:
        """The data rows behind one decision, as ``file:line``: the rule's row in
        ``medialit/data/rules/``, the word-list row that matched (``hedges.csv:9``) and the
        grammar-table rows that shaped it (``grammar/name_joiners.csv:11``).

        >>> from medialit.detect import analyze
        >>> an = analyze("Head\\n\\nDr. Ann Roe of the Bank of Wexland said rates may rise.\\n")
        >>> [w.split(":")[0] for w in an.decided_by(an.sources[0])]
        ['rules/sources.csv', 'person_titles.csv', 'grammar/name_joiners.csv']
        """
        return [w for part in self._decided_by(what) for w in part]

    def _decided_by(self, what) -> tuple[list[str], list[str], list[str]]:
        """(the rule's row, the list rows, the grammar rows) behind ``what``."""
        rule = RULE_TABLE.get(what.rule)
        rule_rows = [f"rules/{rule.where}"] if rule is not None else []
        lex = self.lexicons or load_lexicons()
        listed: list[str] = []
        if isinstance(what, Cue) and what.entry:
            listed.append(what.entry)
        elif isinstance(what, Source):
            listed += [m.entry.where for m in lex.find(what.text) if m.entry.label in TYPE_LISTS.get(what.type, ())]
        elif isinstance(what, Evidence):
            listed += [c.entry for c in self.cues if c.start == what.start and c.end == what.end and c.entry][:1]
            if not listed and what.text:  # a phrase with no cue of its own (speculation, "if ... would")
                listed += [e.where for e in lex.entries_matching(what.text) if e.label == what.label][:1]
        elif isinstance(what, Suppressed) and what.label:
            listed += [e.where for e in lex.entries_matching(what.text) if e.label == what.label][:1]
        grammar = [r.where for r in self._grammar_rows(what)]
        return rule_rows, list(dict.fromkeys(listed)), list(dict.fromkeys(grammar))

    def cite(self, what) -> str:
        """:meth:`decided_by` as the end of an explanation (rows the explanation already
        names are left out); for a switched-off match, which list row it was.

        >>> from medialit.detect import analyze
        >>> an = analyze("Head\\n\\nThe reports angered the crews.\\n")
        >>> an.cite(an.suppressed[0])
        ' (rules/attribution.csv:26, grammar/noun_signals.csv:10; switched off: reporting_verbs.csv:10)'
        """
        rule_rows, listed, grammar = self._decided_by(what)
        keep = [w for w in rule_rows + grammar if w not in what.explanation]
        listed = [w for w in listed if w not in what.explanation]
        if isinstance(what, Suppressed) and listed:
            return f" ({', '.join(keep)}{'; ' if keep else ''}switched off: {', '.join(listed)})"
        got = [w for w in rule_rows + listed + grammar if w not in what.explanation]
        return f" ({', '.join(got)})" if got else ""

    def _grammar_rows(self, what) -> list[WordRow]:
        """The grammar-table rows that decided on the words in or around ``what``."""
        text = self.article.text
        lex = self.lexicons or load_lexicons()
        sent = next((sa.sentence for sa in self.sentences
                     if sa.sentence.start <= what.start < max(sa.sentence.end, sa.sentence.start + 1)), None)
        if sent is None:
            return []
        out: list[WordRow] = []

        def rows(word, tables):
            if word[:1].islower():  # capitalised_non_names decides on capitalised words only
                tables = tuple(t for t in tables if t != "capitalised_non_names")
            return [r for r in word_rows(word) if r.where.split("/")[-1].split(".")[0] in tables]

        if isinstance(what, Source):
            toks = tokens(text, what.start, what.end)
            for i, t in enumerate(toks):
                if 0 < i < len(toks) - 1:
                    out += rows(t.text, ("name_joiners",))
                if i + 1 < len(toks) and toks[i + 1].text == "." and toks[i + 1].start == t.end:
                    out += rows(t.text + ".", ("name_abbreviations",))
            if len(toks) > 1 and what.rule in ("reporting_subject", "source_after_phrase"):
                # "the minister": an article before a listed word; "The bank": a determiner
                # before ordinary words (see grammar/subject_determiners.csv)
                listed = any(m.entry.label in SOURCE_LIST_LABELS for m in lex.find(what.text))
                out += rows(toks[0].text, ("articles",) if listed else ("subject_determiners",))
            return out
        before = BEFORE.get(what.rule)
        if before is not None:
            toks = tokens(text, sent.start, what.start)
            i = len(toks) - 1
            while i >= 0 and before["skip"] and rows(toks[i].text, before["skip"]):
                out += rows(toks[i].text, before["skip"])
                i -= 1
            if i >= 0:
                out += rows(toks[i].text, before["decides"])
        on = ON.get(what.rule)
        if on is not None:
            out += rows(text[what.start:what.end], on)
        after = AFTER.get(what.rule)
        if after is not None:
            toks = tokens(text, what.end, sent.end)
            if toks:
                out += rows(toks[0].text, after)
        return out

    def why_not(self, what) -> str:
        """Explain why something did NOT fire.

        ``what`` is a sentence index (lists the switched-off matches there) or a word or
        phrase (its switched-off matches in this article with the rule and the list row,
        else which cue lists and word tables it is on).

        >>> from medialit.articles import parse_article
        >>> from medialit.detect import analyze
        >>> an = analyze(parse_article("Head\\n\\nSome 300 people came on May 5.\\n"))
        >>> print(an.why_not("May"))  # doctest: +ELLIPSIS
        not counted 'May' [may_month]: Here "May" is the month, not the verb "may". (inside 'May 5', false_friends.csv:...) (switched off: hedges.csv:...)
        >>> "plain_modal" in an.why_not("can")
        True

        A grammar word is on no cue list; the answer names its tables and what it does there:

        >>> print(an.why_not("bin"))  # doctest: +ELLIPSIS
        'bin' was not switched off anywhere in this article. It is not on any cue list, so the detector does not look for it as a cue. It is a grammar word on these tables:
          grammar/name_joiners.csv:...: Name joiners: small words that may stand inside a source's name (Bank of England, Ahmed bin Salem). Here: a small word inside names from other languages: ...
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
        for e in entries:
            rule = f" ({e.rule})" if e.rule else ""
            lines.append(f"It is listed in {e.where} as {e.label}{rule}: {e.explanation}")
        grammar = word_rows(phrase) if " " not in phrase else ()
        if not entries:
            lines.append("It is not on any cue list, so the detector does not look for it as a cue."
                         if grammar else
                         "It is not on any cue list or word table, so the detector does not look for it.")
        if grammar:
            lines.append("It is a grammar word on these tables:")
        out = " ".join(lines)
        for r in grammar:
            out += f"\n  {r.where}: {r.purpose} Here: {r.explanation}"
        return out
