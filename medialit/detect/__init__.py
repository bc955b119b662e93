"""A transparent, rule-based detector of sourcing and stance cues.

``analyze(article)`` looks at each unit of an :class:`~medialit.articles.Article`
(headline, dek, body sentences) and returns an :class:`Analysis`:

* **cues** – character spans with a ``label`` (hedge, booster, attribution,
  opinion, loaded), the ``rule`` that found them, a plain ``explanation`` and a
  ``voice`` (``author`` or ``source``: inside a quotation or reported speech);
* **sources** – who the information comes from, typed ``named_person``,
  ``institution``, ``outlet``, ``anonymous`` or ``vague``;
* **sentence labels** (attribution, hedge, booster, speculation, opinion), each
  backed by :class:`Evidence` pointing at the span that triggered it;
* **suppressed** matches – list words that a false-friend or context rule switched
  off, with the reason ("why did this NOT fire?").

>>> from medialit.articles import parse_article
>>> art = parse_article("Talks stall\\n\\nGen. Jane Roe said the deal may have been agreed in secret. "
...                     "Perhaps both sides will regret it.\\n")
>>> an = analyze(art)
>>> [sa.labels for sa in an.sentences]
[(), ('attribution', 'hedge'), ('hedge', 'speculation')]
>>> [(s.text, s.type) for s in an.sources]
[('Gen. Jane Roe', 'named_person')]
>>> [(c.text, c.label, c.voice) for c in an.sentences[1].cues]
[('said', 'attribution', 'author'), ('may', 'hedge', 'source')]

Voice: a cue inside quotation marks, or in reported speech after a reporting verb
with a subject (*X says Russian forces will…*), has voice ``source``; reported speech
runs to the end of the sentence (or a semicolon) and stops where a new speaker starts.
Attribution cues themselves (*said*, *(Reuters)*) are the writer's act of citing, so
their voice is ``source`` only inside quotation marks.

Every span satisfies ``article.text[start:end] == text``. The rules are listed in
:data:`RULES`; each has a name and a one-line explanation. The word lists live in
``medialit/data/cues/*.csv`` (see :mod:`medialit.cues`) and can be edited by teachers.

How a definite description such as *the general* or *the Russian general* is typed:
it is a source (someone doing the saying), and it is ``named_person`` when a person
named earlier in the same article (quoted or not) carried a title with the same role
(the ``kind`` column of ``person_titles.csv``: *Gen.* and *general* share ``general``);
the source's ``refers_to`` then names that person (*Gen. Igor Konashenko*). A bare
surname (*Konashenko said*) refers back the same way. Without such an earlier person,
a role inside a named body (*the head of the … Committee*) is ``institution`` (the
person speaks for that body), a plural role (*analysts*) is ``vague`` and a singular
one (*a diplomat*, *the general*) is ``anonymous``.
"""

from __future__ import annotations

import dataclasses
import gc
import inspect
import re
import weakref
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from medialit.articles import Article, Sentence
from medialit.cues import Entry, Lexicons, load_lexicons

__all__ = ["analyze", "Analysis", "SentenceAnalysis", "Cue", "Source", "Evidence", "Suppressed",
           "RULES", "LABEL_ORDER", "CUE_LABELS", "SOURCE_TYPES", "rules"]

#: Sentence labels, in the order they are listed.
LABEL_ORDER = ("attribution", "hedge", "booster", "speculation", "opinion")
_LABEL_RANK = {lab: i for i, lab in enumerate(LABEL_ORDER)}
#: Labels a cue span can carry.
CUE_LABELS = ("hedge", "booster", "attribution", "opinion", "loaded")
#: Types of source.
SOURCE_TYPES = ("named_person", "institution", "outlet", "anonymous", "vague")

#: Every rule the detector uses, with a one-line explanation.
RULES: dict[str, str] = {
    # cues and sentence labels
    "hedge_word": "A word from the hedge list lowers how sure the claim sounds (in any voice).",
    "booster_word": "A word from the booster list raises how sure the claim sounds (in any voice).",
    "opinion_marker": "An opinion marker in the writer's own voice makes the sentence an opinion.",
    "loaded_word": "A loaded word is a cue; in the writer's own voice it also makes the sentence an opinion.",
    "reporting_verb": "A reporting verb with someone doing the saying right before it (X said) is an attribution.",
    "inverted_reporting": "A reporting verb after a comma or quotation followed by the speaker (…, said X) is an attribution.",
    "reporting_participle": "An -ing reporting form after a comma or 'by' (…, adding that) continues an attribution.",
    "according_to": "A phrase such as 'according to' followed by a source is an attribution.",
    "citing_phrase": "A phrase that cites unnamed people or reports (people familiar with…) is an attribution.",
    "agency_tag": "A short capitalised name in brackets closing a sentence or paragraph, like (Reuters), credits a source.",
    "quoted_sentence": "A sentence that is entirely a quotation gives someone else's words, so it is an attribution.",
    "speculation_guess": "A guess in the writer's voice (Perhaps… at the start, it is conceivable that…) is speculation.",
    "speculation_future": "'will' in the writer's own voice predicts the future, which is speculation.",
    "speculation_wait_and_see": "'The next weeks will tell…' points at an unknown future: speculation.",
    "speculation_hidden": "Talk of hidden dealings (behind-the-scenes, secret deal, ostensibly) is speculation.",
    "speculation_modal_perfect": "'may have agreed' guesses at what happened out of sight: speculation.",
    "speculation_counterfactual": "'if … would' imagines what would happen: speculation.",
    "speculation_motive": "Talk of motives together with a hedge or booster in the writer's voice is speculation.",
    # voice
    "voice_quote": "Words inside quotation marks (“…”, \"…\", ‘…’) are in the source's voice.",
    "voice_reported_speech": "Words after a reporting verb with a subject (X says Russia will…) are in the source's voice.",
    # switched off
    "may_capitalised": "'May' with a capital inside a normal sentence is the month or a name, not the verb 'may'.",
    "capitalised_verb": "A reporting verb written with a capital inside a normal sentence is part of a name (United States).",
    "noun_not_verb": "After 'the', 'his', a possessive or an adjective, a word like 'reports' is a noun, not a reporting verb.",
    "no_subject": "A reporting verb needs someone doing the saying right before it; none was found.",
    "participle_needs_comma": "An -ing reporting form only counts after a comma or 'by'.",
    "no_source_after": "A phrase like 'according to' needs a source after it; none was found.",
    "not_author_voice": "Opinion words and speculation count for the sentence label only in the writer's own voice.",
    "motive_needs_hedge": "A motive word counts as speculation only together with a hedge or booster in the writer's voice.",
    # sources
    "reporting_subject": "The one doing the saying before a reporting verb is a source.",
    "source_after_phrase": "The words after 'according to' (or a similar phrase) name the source.",
    "vague_phrase": "A phrase from the vague-source list is a (vague) source.",
    "anonymous_phrase": "A phrase from the anonymous-source list is an (anonymous) source.",
    "outlet_mention": "A named news outlet in a sentence that attributes information is a source.",
}
# False-friend rules from false_friends.csv add their own names at run time (approximator_number, ...).


def rules(lexicons: Lexicons | None = None) -> dict[str, str]:
    """All rule names with their explanations: :data:`RULES` plus the false-friend rules
    named in the lexicons' ``not_a_cue`` rows.

    >>> rules()["approximator_number"][:40]
    'A word like "roughly" before a number is'
    """
    out = dict(RULES)
    lex = lexicons if lexicons is not None else load_lexicons()
    for e in lex.by_label("not_a_cue"):
        out.setdefault(e.rule, e.explanation)
    return out


# ---------------------------------------------------------------------------
# Result objects
# ---------------------------------------------------------------------------

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

    def label_counts(self) -> dict[str, int]:
        return {lab: sum(lab in sa.labels for sa in self.sentences) for lab in LABEL_ORDER}

    def why(self, what) -> str:
        """Explain in words why something fired.

        ``what`` is a sentence index, a label (``"hedge"``), a source type
        (``"named_person"``), or a :class:`Cue`, :class:`Source` or :class:`Evidence`.

        >>> from medialit.articles import parse_article
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
            if what in LABEL_ORDER or what in CUE_LABELS:
                lines = []
                for sa in self.sentences:
                    evs = [e for e in sa.evidence if e.label == what]
                    cues = [c for c in sa.cues if c.label == what and what not in LABEL_ORDER]
                    for e in evs:
                        lines.append(f"[{sa.sentence.index}] {e.text!r} [{e.rule}]: {e.explanation}")
                    for c in cues:
                        lines.append(f"[{sa.sentence.index}] {c.text!r} [{c.rule}] ({c.voice} voice): {c.explanation}")
                return "\n".join(lines) if lines else f"No sentence got the label {what}."
            raise ValueError(f"unknown label {what!r}; use one of {', '.join(LABEL_ORDER + ('loaded',) + SOURCE_TYPES)}")
        raise TypeError("why() takes a sentence index, a label, a source type or a result object")

    def _why_sentence(self, sa: SentenceAnalysis) -> str:
        s = sa.sentence
        where = s.part if s.paragraph is None else f"{s.part}, paragraph {s.paragraph}"
        lines = [f"Sentence {s.index} ({where}): {s.text}"]
        if not sa.evidence:
            lines.append("  no label: no rule fired for this sentence.")
        for e in sorted(sa.evidence, key=lambda e: (LABEL_ORDER.index(e.label), e.start)):
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


# ---------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------

class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str


_TOKEN = re.compile(r"\w+(?:[’'.\-‐‑]\w+)*|[^\w\s]")
# The same tokens, each with the white space before it as a first group. Every character
# is a word character, white space or another sign, so these pairs cover the text without
# gaps and each token's offsets follow from adding up lengths (see _SentenceState.tokens).
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")
_WORDCH = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w’'])\w")
# Quote marks and paragraph breaks (a line break, blanks, a line break). Written as
# alternatives that each begin with one fixed character, rather than the shorter
# r"[“”„«»\"‘’']|\r?\n[^\S\r\n]*\r?\n": the re module then knows the possible first
# characters and jumps from one to the next instead of trying every position of the article.
_QUOTE_SCAN = re.compile(r"“|”|„|«|»|\"|‘|’|'|\r\n[^\S\r\n]*\r?\n|\n[^\S\r\n]*\r?\n")
_TAG = re.compile(r"\(\s*([^\s()][^()\n]{0,46}?)\s*\)")
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_OPENER = re.compile(r"(\w+)[,\s]+")
_NEXT_WORD = re.compile(r"\s*(\w+|[^\w\s])")

_CONNECT = {"of", "and", "for", "&", "de", "al", "bin", "von", "van", "la", "le", "del", "da", "du"}
_DET_END = {"the", "a", "an"}
_TAIL_STARTS = {"on", "in", "at", "during", "yesterday", "today", "tonight", "last", "earlier", "later", "this",
                "when", "after", "before", "while", "on", "from", "to", "by", "via", "recently", "again"}
_SUBJECT_DETS = {"the", "a", "an", "this", "its", "their", "his", "her", "our"}
_PRONOUN_SUBJ = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
_PRONOUN_OBJ = {"him", "her", "them", "it", "us", "me", "you", "he", "she", "they"}
_SKIP = {"also", "has", "have", "had", "later", "then", "again", "previously", "earlier", "recently",
         "once", "further", "now", "just", "repeatedly", "publicly", "privately", "separately", "already",
         "subsequently", "firmly", "flatly", "bluntly", "openly", "himself", "herself", "itself",
         "themselves", "not", "did", "does", "do", "never", "reportedly", "allegedly", "reported", "hasn’t",
         "hasn't", "haven’t", "haven't", "didn’t", "didn't", "doesn’t", "doesn't", "only", "even",
         "quickly", "swiftly", "immediately", "first", "yesterday", "today", "tonight"}
_NOUN_LEFT = {"the", "a", "an", "these", "those", "this", "that", "such", "his", "her", "its", "their",
              "our", "your", "my", "any", "some", "no", "many", "other", "several", "recent", "earlier",
              "previous", "latest", "new", "above", "initial", "first", "further", "numerous", "most", "all",
              "both", "conflicting", "unconfirmed", "media", "news", "press", "local", "official", "whose",
              "false", "wild", "similar", "same", "two", "three", "four", "five", "few"}
_STOP_LOWER = {"the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
               "as", "that", "this", "these", "those", "it", "he", "she", "they", "we", "i", "you", "is",
               "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
               "would", "can", "could", "may", "might", "must", "should", "not", "no", "also", "then",
               "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if",
               "than", "so", "such", "very", "more", "most", "any", "all", "each", "every", "both", "either",
               "neither", "about", "after", "before", "while", "although", "though", "because", "since",
               "until", "into", "onto", "over", "under", "between", "against", "during", "without", "within",
               "its", "his", "her", "their", "our", "your", "my", "him", "them", "us", "me", "said", "says",
               "told", "just", "only", "even", "still", "yet", "however", "thus", "perhaps", "maybe"}
_CAP_STOP = {"however", "but", "and", "or", "so", "thus", "then", "on", "in", "at", "after", "before", "while",
             "when", "if", "although", "though", "because", "since", "as", "despite", "nonetheless",
             "nevertheless", "meanwhile", "moreover", "also", "again", "still", "yet", "alongside", "instead",
             "now", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "its",
             "his", "her", "their", "our", "to", "for", "with", "from", "by", "of", "under", "over", "into",
             "not", "no", "why", "how", "what", "who", "which", "where", "there", "here", "perhaps", "maybe",
             "every", "each", "all", "some", "many", "most", "has", "have", "had", "is", "are", "was", "were",
             "will", "would", "can", "could", "may", "might", "should", "must", "says", "said", "say", "does",
             "did", "do", "let", "according", "having", "being", "reading", "although", "whether", "both",
             "either", "neither", "than", "though", "unless", "until", "upon", "via", "yes", "oh", "an", "a",
             "the", "further", "furthermore", "finally", "indeed", "clearly", "obviously", "certainly",
             "of course", "asked", "speaking", "writing", "even", "only", "just", "another", "other"}
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
               "february", "march", "april", "june", "july", "august", "september", "october",
               "november", "december", "today", "yesterday", "tonight", "tomorrow", "earlier", "later",
               "last", "next", "this", "meanwhile"}
_NATIONALITY = {"israeli", "iraqi", "saudi", "pakistani", "afghan", "thai", "kuwaiti", "qatari", "yemeni",
                "emirati", "western", "eastern", "northern", "southern", "arab", "soviet", "kurdish", "greek",
                "dutch", "swiss", "turkish", "polish", "czech", "slovak", "european", "asian", "african",
                "latin", "syrian", "russian", "american", "iranian", "french", "british", "chinese",
                "german", "ukrainian", "japanese", "indian", "korean", "canadian", "italian", "spanish"}
_NAT_SUFFIX = ("ian", "ean", "ese", "ish", "can", "ench", "utch")
_SENT_OPENERS = {"but", "and", "so", "yet", "or", "still", "now", "then", "well"}
_FINAL_PUNCT = ".!?”\"’')…"
_CLOSING_QUOTES = "”’\"'»"
_TAG_WORDS = {"of", "the", "and", "&", "de", "news", "agency", "la", "le", "al", "el", "via"}
_TAG_EXCLUDE = {"photo", "photos", "video", "file", "update", "updated", "opinion", "analysis", "editorial",
                "sic", "translated", "translation", "ed", "eds", "archive", "comment", "audio", "watch",
                "see", "read", "more", "pictured", "left", "right", "above", "below", "center", "centre"}
_SOURCE_LABELS = {"vague", "anonymous", "outlet", "institution", "title"}
_FF_KIND_OF = {"vague": "source", "anonymous": "source", "outlet": "source", "institution": "source",
               "title": "source"}
_CUE_RULE = {"hedge": "hedge_word", "booster": "booster_word", "opinion": "opinion_marker",
             "loaded": "loaded_word"}


def _is_nationality(word: str) -> bool:
    w = _base(word).lower()
    if w in _NATIONALITY:
        return True
    return len(w) >= 5 and word[:1].isupper() and w.endswith(_NAT_SUFFIX)


def _has_letter(word: str) -> bool:
    """Whether ``word`` contains a letter. (The first character usually is one, so it is
    checked on its own before looking at every character.)"""
    return word[:1].isalpha() or any(c.isalpha() for c in word)


def _base(word: str) -> str:
    """Strip a possessive ’s."""
    return word[:-2] if word.endswith(("’s", "'s", "’S", "'S")) else word


def _is_title_case(text: str) -> bool:
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    if len(words) < 2:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.75


def _quote_regions(text: str) -> list[tuple[int, int]]:
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
    for m in _QUOTE_SCAN.finditer(text):
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


def _inside(pos: int, intervals) -> bool:
    for a, b in intervals:
        if a <= pos < b:
            return True
    return False


# ---------------------------------------------------------------------------
# The detector
# ---------------------------------------------------------------------------

class _Hit:
    """One list match in a sentence (from Lexicons.scan)."""
    # Speed: a small class with __slots__ rather than a NamedTuple. Every rule reads these
    # fields again and again, and Python reads a slot about twice as fast as a NamedTuple field.
    __slots__ = ("start", "end", "entry", "anchored")

    def __init__(self, start: int, end: int, entry: Entry, anchored: bool = False):
        self.start = start
        self.end = end
        self.entry = entry
        self.anchored = anchored

    def __repr__(self) -> str:
        return f"_Hit(start={self.start}, end={self.end}, entry={self.entry!r}, anchored={self.anchored})"


_MAX_UNIT = 4000
_CHUNK = 2000


def _chunks(text: str, start: int, end: int):
    """Cut ``text[start:end]`` into pieces of at most ``_CHUNK`` characters, at a ';', ',' or space."""
    pos = start
    while pos < end:
        if end - pos <= _CHUNK:
            yield pos, end
            return
        limit = pos + _CHUNK
        cut = -1
        for mark in ("; ", ", ", " ", "\n"):
            cut = text.rfind(mark, pos + _CHUNK // 2, limit)
            if cut >= 0:
                cut += len(mark)
                break
        if cut <= pos:
            cut = limit
        yield pos, cut
        pos = cut


def _hit_order(h: _Hit) -> tuple[int, int]:
    return (h.start, -h.end)


# Sort keys for results: attrgetter builds the same tuple as ``lambda x: (x.start, x.end)``
# but in C, which matters when sorting every cue of every sentence.
_BY_SPAN = attrgetter("start", "end")
_BY_SPAN_LABEL = attrgetter("start", "end", "label")


class _Person(NamedTuple):
    text: str
    kinds: frozenset
    surname: str
    order: int


class _NP(NamedTuple):
    start: int
    end: int
    pronoun: bool = False


# Abbreviations that end with a full stop inside a name (U.S., Gen.), per set of word
# lists. They depend only on the lexicons, so they are collected once per Lexicons
# object instead of once per article (the cache forgets lexicons nobody uses any more).
_ABBREV_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _abbreviations(lex: Lexicons) -> frozenset:
    got = _ABBREV_CACHE.get(lex)
    if got is None:
        abbrev = {"u.s", "u.n", "u.k", "e.u", "jr", "sr", "st", "no"}
        for e in lex.by_label("title"):
            for a in e.alternatives:
                src = a.source.strip()
                if src.endswith(".") and " " not in src:
                    abbrev.add(src[:-1].lower())
        got = _ABBREV_CACHE[lex] = frozenset(abbrev)
    return got


class _Run:
    """State for one article: text, quotes, lexicon-derived word sets, named persons."""

    def __init__(self, article: Article, lex: Lexicons):
        self.article = article
        self.lex = lex
        self.text = article.text
        self.low = lex.lowered(self.text)
        self.quotes = _quote_regions(self.text)
        self.qi = 0
        # the last person named with each role kind, and by surname (dicts keep this linear)
        self.person_by_kind: dict[str, _Person] = {}
        self.person_by_surname: dict[str, _Person] = {}
        self.person_order = 0
        self.abbrev = _abbreviations(lex)

    # -- per article ------------------------------------------------------------
    def run(self) -> Analysis:
        results = []
        all_cues: list[Cue] = []
        all_sources: list[Source] = []
        all_sup: list[Suppressed] = []
        for s in self.article.sentences:
            try:
                sa = self.sentence(s)
            except RecursionError:  # pragma: no cover - defensive
                sa = SentenceAnalysis(s, (), (), ())
            results.append(sa)
            all_cues.extend(sa.cues)
            all_sources.extend(sa.sources)
            all_sup.extend(sa.suppressed)
        all_cues.sort(key=_BY_SPAN_LABEL)
        all_sources.sort(key=_BY_SPAN)
        all_sup.sort(key=_BY_SPAN)
        return Analysis(self.article, tuple(results), tuple(all_cues), tuple(all_sources), tuple(all_sup),
                        lexicons=self.lex)

    def _quotes_in(self, s: Sentence) -> list[tuple[int, int]]:
        q = self.quotes
        i = self.qi
        while i < len(q) and q[i][1] <= s.start:
            i += 1
        self.qi = i
        out = []
        j = i
        while j < len(q) and q[j][0] < s.end:
            out.append((max(q[j][0], s.start), min(q[j][1], s.end)))
            j += 1
        return out

    # -- per sentence -------------------------------------------------------------
    def sentence(self, s: Sentence) -> SentenceAnalysis:
        if s.end - s.start <= _MAX_UNIT:
            return self._unit(s)
        # A very long "sentence" (text without full stops) is read in pieces of about
        # _CHUNK characters cut at a comma or space, so the work stays linear.
        parts = [self._unit(Sentence(s.index, a, b, self.text[a:b], s.part, s.paragraph))
                 for a, b in _chunks(self.text, s.start, s.end)]
        evidence = tuple(e for p in parts for e in p.evidence)
        have = {e.label for e in evidence}
        return SentenceAnalysis(s, tuple(lab for lab in LABEL_ORDER if lab in have), evidence,
                                tuple(c for p in parts for c in p.cues),
                                tuple(x for p in parts for x in p.sources),
                                tuple(x for p in parts for x in p.suppressed))

    def _unit(self, s: Sentence) -> SentenceAnalysis:
        text = self.text
        raw = self.lex.scan(text, self.low, s.start, s.end)
        st = _SentenceState(self, s)
        if not raw and not st.quotes and "(" not in s.text:
            return SentenceAnalysis(s, (), (), ())
        hits = [_Hit(*r) for r in raw]
        if any(h.anchored for h in hits):
            starts = st.content_starts()
            hits = [h for h in hits if not h.anchored or h.start in starts]
        if len(hits) > 1:
            hits.sort(key=_hit_order)
        st.classify(hits)
        st.attributions()
        st.stance()
        if "title" in st.by_label:
            st.register_mentions()
        return st.result()


class _SentenceState:
    def __init__(self, run: _Run, s: Sentence):
        self.run = run
        self.s = s
        self.text = run.text
        self._title_case: bool | None = None
        self.evidence: list[Evidence] = []
        self.cues: list[Cue] = []
        self.sources: list[Source] = []
        self.suppressed: list[Suppressed] = []
        self.regions: list[tuple[int, int]] = []  # reported speech
        self.quotes = run._quotes_in(s)
        self._starts: set[int] | None = None
        self.groups: list[tuple[int, int, list]] = []
        self._display = ""

    # -- basics ---------------------------------------------------------------
    @property
    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = _is_title_case(self.s.text)
        return self._title_case

    def content_starts(self) -> set[int]:
        if self._starts is None:
            t, s = self.text, self.s
            i = s.start
            while i < s.end and (t[i].isspace() or t[i] in "\"'“‘([{—–-…«„"):
                i += 1
            out = {i}
            m = _OPENER.match(t, i, s.end)
            if m and m.group(1).lower() in _SENT_OPENERS:
                out.add(m.end())
            self._starts = out
        return self._starts

    def tokens(self, a: int, b: int) -> list[_Tok]:
        """The tokens (words and signs, as found by ``_TOKEN``) of ``text[a:b]``."""
        # Speed: findall() returns plain strings (white space before, token), which is
        # cheaper than a match object per token; the offsets are counted along.
        new = tuple.__new__
        out = []
        pos = a
        for space, g in _SPACED_TOKEN.findall(self.text, a, b):
            start = pos + len(space)
            pos = start + len(g)
            out.append(new(_Tok, (start, pos, g, g.lower())))
        return out

    def iter_tokens(self, a: int, b: int):
        """The same tokens as :meth:`tokens`, made one at a time (for loops that stop early)."""
        new = tuple.__new__
        for m in _TOKEN.finditer(self.text, a, b):
            g = m.group()
            yield new(_Tok, (m.start(), m.end(), g, g.lower()))

    def voice(self, pos: int) -> str:
        return "source" if _inside(pos, self.quotes) or _inside(pos, self.regions) else "author"

    def suppress(self, a: int, b: int, rule: str, explanation: str, label: str) -> None:
        self.suppressed.append(Suppressed(a, b, self.text[a:b], rule, explanation, label))

    # -- 1. sort hits, apply false friends ----------------------------------------
    def classify(self, hits: list[_Hit]) -> None:
        """Keep the longest match per label, switch off false friends and a capitalised May."""
        text = self.text
        ffs = [h for h in hits if h.entry.label == "not_a_cue"]
        nff = len(ffs)
        fi = 0
        best: dict[str, _Hit] = {}  # per kind, the false friend reaching furthest so far
        max_end: dict[str, int] = {}
        out: list[_Hit] = []
        by_label: dict[str, list[_Hit]] = {}
        cat_at: dict[int, set] = {}
        for h in hits:
            e = h.entry
            lab = e.label
            if lab == "not_a_cue":
                continue
            # matches of one label that nest: keep the longest (some kind of > kind of)
            if h.end <= max_end.get(lab, -1):
                continue
            max_end[lab] = h.end
            if nff:
                while fi < nff and ffs[fi].start <= h.start:
                    f = ffs[fi]
                    k = f.entry.kind
                    if k not in best or f.end > best[k].end:
                        best[k] = f
                    fi += 1
                off = None
                for k in (_FF_KIND_OF.get(lab, lab), "any"):
                    f = best.get(k)
                    if f is not None and f.end >= h.end:
                        off = f
                        break
                if off is not None:
                    if lab not in _SOURCE_LABELS:
                        self.suppress(h.start, h.end, off.entry.rule,
                                      f"{off.entry.explanation} (inside {text[off.start:off.end]!r}, "
                                      f"{off.entry.where})", lab)
                    continue
            if (lab == "hedge" and text[h.start] == "M" and text[h.start:h.end] == "May"
                    and not self.title_case and h.start not in self.content_starts()):
                self.suppress(h.start, h.end, "may_capitalised", RULES["may_capitalised"], "hedge")
                continue
            out.append(h)
            got = by_label.get(lab)
            if got is None:
                by_label[lab] = [h]
            else:
                got.append(h)
            if lab in _SOURCE_LABELS:
                cat_at.setdefault(h.start, set()).add(lab)
                # later words of a longer match (a single word has none: skip the search)
                if h.end - h.start > 3 and not text[h.start:h.end].isalnum():
                    for m in _WORD_START.finditer(text, h.start + 1, h.end):
                        cat_at.setdefault(m.start(), set()).add(lab)
        self.hits = out
        self.by_label = by_label
        self.cat_at = cat_at

    def hits_in(self, a: int, b: int, labels) -> list[_Hit]:
        return [h for h in self.hits if h.entry.label in labels and h.start >= a and h.end <= b]

    # -- noun phrases ---------------------------------------------------------
    def np_ok(self, t: _Tok) -> bool:
        """A word that can belong to a source's name: capitalised, or on a source list."""
        if t.start in self.cat_at:
            return True
        w = t.text
        if not w[:1].isupper() or not _has_letter(w):
            return False
        return _base(t.low) not in _CAP_STOP

    def lower_cat(self, t: _Tok) -> bool:
        return t.start in self.cat_at and t.text[:1].islower()

    def modifier_ok(self, t: _Tok) -> bool:
        w = t.low
        return (w.isalpha() or w.isdigit()) and w not in _STOP_LOWER and t.text[:1].islower()

    def subject_before(self, pos: int):
        """The noun phrase doing the saying, ending right before ``pos``.

        Returns an _NP, ``"noun"`` (the verb is really a noun: *the reports*) or None.
        """
        s = self.s
        lo = max(s.start, pos - 64)
        res, edge = self._subject_in(self.tokens(lo, pos))
        if edge and lo > s.start:  # the walk reached the window's edge: look further back
            res, _ = self._subject_in(self.tokens(max(s.start, pos - 400), pos))
        return res

    def _subject_in(self, toks: list[_Tok]):
        if not toks:
            return None, False
        left = toks[-1]
        if (left.low in _NOUN_LEFT or left.low.endswith(("’s", "'s")) or left.text in "’'"
                or (_is_nationality(left.text) and left.start not in self.cat_at) or left.low.isdigit()):
            return "noun", False
        i = len(toks) - 1
        while i >= 0 and toks[i].low in _SKIP:
            i -= 1
        if i < 0:
            return None, True
        t = toks[i]
        if t.low in _PRONOUN_SUBJ:
            return _NP(t.start, t.end, True), False
        for g in self.groups:
            if g[0] <= t.start < g[1]:
                return _NP(g[0], g[1]), False
        idx: list[int] = []
        j = i
        mods = 0
        last_mod = False
        while j >= 0:
            t = toks[j]
            if t.text == "." and j > 0 and toks[j - 1].end == t.start and toks[j - 1].low in self.run.abbrev:
                idx += [j, j - 1]
                j -= 2
                last_mod = False
                continue
            if t.low in _DET_END:
                idx.append(j)
                if j >= 2 and toks[j - 1].low in _CONNECT and self.np_ok(toks[j - 2]):
                    idx.append(j - 1)
                    j -= 2
                    continue
                break
            if t.low in _CONNECT and idx and j > 0 and (self.np_ok(toks[j - 1]) or toks[j - 1].low in _DET_END):
                idx.append(j)
                j -= 1
                last_mod = False
                continue
            if self.np_ok(t):
                idx.append(j)
                j -= 1
                last_mod = False
                continue
            if idx and mods < 2 and self.modifier_ok(t) and (self.lower_cat(toks[idx[-1]]) or last_mod):
                idx.append(j)
                mods += 1
                last_mod = True
                j -= 1
                continue
            break
        edge = j <= 0
        if not idx:
            return self._common_noun_subject(toks, i), edge
        idx.sort()
        seq = [toks[k] for k in idx]
        # drop leading connectors and time words ("On Monday, ..." is cut by the comma; "Monday Smith" is not)
        while seq and (seq[0].low in _CONNECT or _base(seq[0].low) in _TIME_WORDS):
            seq.pop(0)
        if not seq or not any(self.np_ok(t) and t.low not in _DET_END for t in seq):
            return None, edge
        return _NP(seq[0].start, seq[-1].end), edge

    def _common_noun_subject(self, toks: list[_Tok], i: int):
        """``The bank said``: a determiner and up to three ordinary words before the verb."""
        k = i
        n = 0
        while k >= 0 and n < 3 and (self.modifier_ok(toks[k]) or self.np_ok(toks[k])) and toks[k].low not in _DET_END:
            k -= 1
            n += 1
        if n == 0 or k < 0:
            return None
        det = toks[k]
        if det.low in _SUBJECT_DETS:
            return _NP(det.start, toks[i].end)
        return None

    def loose_np_after(self, pos: int):
        """A short noun phrase after a preposition (people familiar with *the matter*)."""
        toks = self.tokens(pos, min(self.s.end, pos + 80))
        verbs = {h.start for h in self.by_label.get("attribution", ())}
        k = 0
        if toks and toks[0].low in _DET_END | {"this", "these", "its", "their", "his", "her"}:
            k = 1
        end = None
        n = 0
        while k < len(toks) and n < 4:
            t = toks[k]
            if t.start in verbs or not t.text[:1].isalnum() or (t.low in _STOP_LOWER and t.low not in _CONNECT):
                break
            if t.low in _CONNECT:
                if k + 1 < len(toks) and toks[k + 1].text[:1].isalnum() and toks[k + 1].low not in _STOP_LOWER:
                    k += 1
                    continue
                break
            end = t.end
            k += 1
            n += 1
        return end

    def np_after(self, pos: int, limit: int | None = None):
        """The noun phrase starting right after ``pos`` (the X of *according to X*)."""
        s = self.s
        end = s.end if limit is None else min(limit, s.end)
        hi = min(end, pos + 64)
        res, edge = self._np_in(self.tokens(pos, hi))
        if edge and hi < end:  # the phrase runs to the window's edge: look further
            res, _ = self._np_in(self.tokens(pos, min(end, pos + 400)))
        return res

    def _np_in(self, toks: list[_Tok]):
        if not toks:
            return None, True
        if toks[0].low in _PRONOUN_OBJ:
            return _NP(toks[0].start, toks[0].end, True), False
        for g in self.groups:
            if g[0] <= toks[0].start < g[1] or (len(toks) > 1 and toks[0].low in _DET_END
                                                 and g[0] <= toks[1].start < g[1]):
                return _NP(min(g[0], toks[0].start), g[1]), False
        i = 0
        n = len(toks)
        while i < n and toks[i].low in _DET_END | {"some", "several", "many", "two", "three", "four", "one"}:
            i += 1
        first = 0
        head = False
        while i < n:
            t = toks[i]
            if t.text == "." and i > 0 and toks[i - 1].end == t.start and toks[i - 1].low in self.run.abbrev:
                i += 1
                continue
            if self.np_ok(t):
                head = True
                i += 1
                continue
            if t.low in _CONNECT and head and i + 1 < n:
                nx = toks[i + 1]
                if self.np_ok(nx) or (nx.low in _DET_END and i + 2 < n and self.np_ok(toks[i + 2])):
                    i += 2 if nx.low in _DET_END else 1
                    continue
                break
            if self.modifier_ok(t) and any(self.lower_cat(x) for x in toks[i + 1:i + 3]):
                i += 1
                continue
            break
        edge = i >= n - 1
        if not head:
            return None, edge
        last = i - 1
        while last > first and (toks[last].low in _CONNECT or toks[last].low in _DET_END or toks[last].text == "."
                                and toks[last - 1].low not in self.run.abbrev):
            last -= 1
        return _NP(toks[first].start, toks[last].end), edge

    # -- source typing ----------------------------------------------------------
    def type_source(self, a: int, b: int) -> tuple[str, str, str | None, frozenset, str]:
        """(type, reason, refers_to, role kinds, surname) for the span ``a:b``."""
        text = self.text
        inside = self.hits_in(a, b, _SOURCE_LABELS)
        by = {}
        for h in inside:
            by.setdefault((h.entry.label, h.entry.kind), []).append(h)

        def first(label, kind=None):
            for (lab, k), hs in by.items():
                if lab == label and (kind is None or k == kind):
                    return text[hs[0].start:hs[0].end]
            return None

        titles = [h for h in inside if h.entry.label == "title"]
        kinds = frozenset(h.entry.kind for h in titles)
        got = first("anonymous")
        if got:
            return "anonymous", f"{got!r} is on the list of anonymous sources", None, kinds, ""
        got = first("outlet", "name")
        if got:
            return "outlet", f"{got!r} is on the list of news outlets and agencies", None, kinds, ""
        got = first("vague")
        if got:
            return "vague", f"{got!r} is on the list of vague sources", None, kinds, ""
        toks = self.tokens(a, b)
        covered = self.cat_at

        name_word = self.name_word

        run = []
        k = len(toks) - 1
        while k >= 0 and name_word(toks[k]):
            run.append(toks[k])
            k -= 1
        run.reverse()
        if run:
            before = toks[k] if k >= 0 else None
            title = None
            if before is not None and before.start in covered and "title" in self.cat_at.get(before.start, ()):
                title = before.text
            elif (before is not None and before.text == "." and k >= 1
                  and "title" in self.cat_at.get(toks[k - 1].start, ())):
                title = text[toks[k - 1].start:before.end]
            names = " ".join(_base(t.text) for t in run)
            self._display = f"{title} {names}" if title else names
            if title is not None:
                return ("named_person", f"a title or role ({title!r}) followed by a name ({names!r})",
                        None, kinds, _base(run[-1].text))
            if len(run) >= 2:
                return "named_person", f"two or more capitalised name words ({names!r})", None, kinds, \
                    _base(run[-1].text)
        got = first("outlet", "descriptor")
        if got and run:
            return "outlet", f"{got!r} introduces a news outlet", None, kinds, ""
        heads = by.get(("outlet", "head"))
        if heads and heads[-1].end == b and sum(1 for t in toks if t.text[:1].isupper()) >= 2:
            return "outlet", f"the name ends with {text[heads[-1].start:heads[-1].end]!r}, like many newspaper names", \
                None, kinds, ""
        inst = [h for h in inside if h.entry.label == "institution"]
        if titles and not run:
            found = [self.run.person_by_kind[k] for k in kinds if k in self.run.person_by_kind]
            if found:
                p = max(found, key=lambda x: x.order)
                return ("named_person", f"{text[a:b]!r} refers back to {p.text!r}, named earlier with the same "
                        f"title or role", p.text, kinds, p.surname)
            role = text[titles[-1].start:titles[-1].end]
            if inst:
                return ("institution", f"a role ({role!r}) inside a named body "
                        f"({text[inst[-1].start:inst[-1].end]!r}); the person speaks for that body", None, kinds, "")
            if role.lower().endswith("s") and not role.endswith(".") and len(role) > 3:
                return "vague", f"an unnamed group ({role!r})", None, kinds, ""
            return "anonymous", f"a person described by a role ({role!r}) but not named", None, kinds, ""
        if inst:
            h = inst[-1]
            what = {"place": "a country or capital standing for its government",
                    "head": "a word that names a body", "name": "the name of an institution"}.get(h.entry.kind, "")
            return "institution", f"{text[h.start:h.end]!r} is {what}", None, kinds, ""
        names_all = [t for t in toks if name_word(t)]
        if len(names_all) >= 2:
            names = " ".join(_base(t.text) for t in names_all)
            return "named_person", f"two or more capitalised name words ({names!r})", None, kinds, \
                _base(names_all[-1].text)
        if len(names_all) == 1:
            w = _base(names_all[0].text)
            p = self.run.person_by_surname.get(w)
            if p is not None:
                return "named_person", f"{w!r} is the name of {p.text!r}, named earlier", p.text, kinds, w
            return "named_person", f"a capitalised name ({w!r}) is taken to be a person", None, kinds, w
        acr = [t for t in toks if t.text.replace(".", "").isupper() and len(t.text) > 1]
        if acr:
            return "institution", f"an abbreviation ({acr[0].text!r}) usually names an organisation", None, kinds, ""
        return "vague", "no name, title, outlet or institution was found, so the source is unspecified", None, kinds, ""

    def name_word(self, t: _Tok) -> bool:
        """A capitalised word that can be part of a personal name (not a listed word, not an acronym)."""
        w = _base(t.text)
        return (w[:1].isupper() and _has_letter(w) and t.start not in self.cat_at
                and _base(t.low) not in _CAP_STOP and not _is_nationality(t.text)
                and not (w.replace(".", "").isupper() and len(w) > 1))

    def register_person(self, display: str, kinds: frozenset, surname: str) -> None:
        run = self.run
        run.person_order += 1
        same = run.person_by_surname.get(surname) if surname else None
        if same is not None and len(same.text) > len(display):
            display = same.text  # "Gen. Konashenko" is the "Gen. Igor Konashenko" named before
        person = _Person(display, kinds | (same.kinds if same else frozenset()), surname, run.person_order)
        for k in kinds:
            run.person_by_kind[k] = person
        if surname:
            run.person_by_surname[surname] = person

    def register_mentions(self) -> None:
        """Remember people named with a title anywhere (President Jane Roe), so that a later
        *the president* can refer back to them even if they were not quoted."""
        for h in self.by_label.get("title", ()):
            if h.entry.kind in ("official", "expert"):
                continue
            # the name words right after the title; tokens are made only as far as the
            # name goes (usually one or two words, not the whole 60-character window)
            names = []
            gap = ""  # the text between the title and the first name word
            for t in self.iter_tokens(h.end, min(self.s.end, h.end + 60)):
                if not self.name_word(t):
                    break
                if not names:
                    gap = self.text[h.end:t.start]
                names.append(_base(t.text))
            if names and gap.strip() == "":
                self.register_person(f"{self.text[h.start:h.end]} {' '.join(names)}",
                                     frozenset((h.entry.kind,)), names[-1])

    def add_source(self, a: int, b: int, rule: str, how: str) -> Source | None:
        """Type and record a source (skipping spans that overlap a source already found)."""
        for src in self.sources:
            if a < src.end and src.start < b:
                return src
        self._display = ""
        typ, reason, refers, kinds, surname = self.type_source(a, b)
        text = self.text[a:b]
        src = Source(a, b, text, typ, rule, f"{how} Typed {typ}: {reason}.", refers)
        self.sources.append(src)
        if typ == "named_person" and refers is None and (kinds or " " in text.strip()):
            self.register_person(self._display or text, kinds, surname)
        return src

    def add_attribution(self, a: int, b: int, rule: str, entry: Entry | None, explanation: str,
                        src: Source | None, pronoun: str | None = None, cue: bool = True) -> None:
        text = self.text[a:b]
        extra = ""
        voice = "author" if rule == "agency_tag" else ("source" if _inside(a, self.quotes) else "author")
        if src is not None:
            extra = f" Source: {src.text!r} ({src.type})."
        elif pronoun:
            extra = f" The speaker {pronoun!r} points back to a source named earlier, so no new source is added."
        self.evidence.append(Evidence("attribution", rule, explanation + extra, a, b, text))
        if cue:
            self.cues.append(Cue(a, b, text, "attribution", rule, explanation, voice,
                                 entry.where if entry else ""))

    def cut_regions(self, pos: int) -> None:
        """A new speaker starts at ``pos``: earlier reported speech ends there."""
        self.regions = [(x, min(y, pos)) if x < pos else (x, y) for x, y in self.regions]

    def region_after(self, pos: int) -> None:
        end = self.s.end
        semi = self.text.find(";", pos, end)
        if semi >= 0:
            end = semi
        if pos < end:
            self.regions.append((pos, end))

    def next_word(self, pos: int) -> str:
        m = _NEXT_WORD.match(self.text, pos, self.s.end)
        return m.group(1).lower() if m else ""

    def prev_char(self, pos: int) -> str:
        i = pos - 1
        while i >= self.s.start and self.text[i].isspace():
            i -= 1
        return self.text[i] if i >= self.s.start else ""

    # -- 2. attribution and sources -------------------------------------------------
    def attributions(self) -> None:
        text, s = self.text, self.s
        bl = self.by_label
        if ("attribution" not in bl and "vague" not in bl and "anonymous" not in bl and not self.quotes
                and "(" not in s.text):
            return
        # groups of vague / anonymous phrases (merged when adjacent)
        gh = [h for h in bl.get("vague", ()) if h.entry.kind != "noun"]
        if "anonymous" in bl:
            gh = sorted(gh + [h for h in bl["anonymous"] if h.entry.kind != "noun"], key=_hit_order)
        groups: list[list] = []
        for h in gh:
            if groups and (h.start <= groups[-1][1] or not text[groups[-1][1]:h.start].strip(" ,\t\n\r\u00a0")):
                g = groups[-1]
                g[1] = max(g[1], h.end)
                g[2].append(h)
            else:
                groups.append([h.start, h.end, [h]])
        for g in groups:
            toks = self.tokens(max(s.start, g[0] - 40), g[0])
            for _ in range(2):
                if toks and (toks[-1].low in {"the", "two", "three", "four", "several", "some", "many", "a",
                                             "an", "one", "other"} or toks[-1].low.isdigit()):
                    g[0] = toks[-1].start
                    toks.pop()
            last = text[g[2][-1].start:g[2][-1].end].split()[-1].lower()
            if last in {"in", "with", "to", "of", "from", "at", "on", "about", "inside", "within"}:
                np = self.np_after(g[1])
                if np is not None and not np.pronoun:
                    g[1] = np.end
                else:
                    end = self.loose_np_after(g[1])
                    if end is not None:
                        g[1] = end
        self.groups = [(g[0], g[1], g[2]) for g in groups]

        # attribution hits in order
        for h in self.by_label.get("attribution", []):
            e = h.entry
            word = text[h.start:h.end]
            if e.kind == "verb":
                if (word[:1].isupper() and not self.title_case and h.start not in self.content_starts()):
                    self.suppress(h.start, h.end, "capitalised_verb", RULES["capitalised_verb"], "attribution")
                    continue
                subj = self.subject_before(h.start)
                if subj == "noun":
                    self.suppress(h.start, h.end, "noun_not_verb", RULES["noun_not_verb"], "attribution")
                    continue
                if subj is None:
                    pc = self.prev_char(h.start)
                    inv = self.np_after(h.end) if pc and (pc == "," or pc in _CLOSING_QUOTES) else None
                    if inv is not None and not inv.pronoun and self.next_word(inv.end) in ("", ",", ".", ";", "(", "on", "in"):
                        src = self.add_source(inv.start, inv.end, "reporting_subject",
                                              f"{text[inv.start:inv.end]!r} does the saying ({word!r} comes first).")
                        self.add_attribution(h.start, h.end, "inverted_reporting", e,
                                             f"{e.explanation} The speaker follows the verb.", src)
                        self.regions.append((s.start, h.start))
                        continue
                    self.suppress(h.start, h.end, "no_subject", RULES["no_subject"], "attribution")
                    continue
                self.cut_regions(subj.start)
                if subj.pronoun:
                    self.add_attribution(h.start, h.end, "reporting_verb", e, e.explanation, None,
                                         pronoun=text[subj.start:subj.end])
                else:
                    src = self.add_source(subj.start, subj.end, "reporting_subject",
                                          f"{text[subj.start:subj.end]!r} does the saying ({word!r}).")
                    self.add_attribution(h.start, h.end, "reporting_verb", e, e.explanation, src)
                self.region_after(h.end)
                # "Russia will strike back, the minister said." -> the part before the comma is reported
                pc = self.prev_char(subj.start)
                if pc and (pc == "," or pc in _CLOSING_QUOTES):
                    tail = text[h.end:s.end] if s.end - h.end < 60 else "x " * 9
                    words = [w.lower() for w in _WORDS.findall(tail)]
                    before = _WORDS.findall(text, s.start, subj.start)
                    if (len(before) >= 3 and len(words) <= 4
                            and (not words or words[0] in _TAIL_STARTS)):
                        self.regions.append((s.start, subj.start))
            elif e.kind == "participle":
                toks = self.tokens(max(s.start, h.start - 20), h.start)
                if toks and (toks[-1].text == "," or toks[-1].low == "by"):
                    self.add_attribution(h.start, h.end, "reporting_participle", e, e.explanation, None)
                    self.region_after(h.end)
                else:
                    self.suppress(h.start, h.end, "participle_needs_comma", RULES["participle_needs_comma"],
                                  "attribution")
            else:  # before_source
                np = self.np_after(h.end)
                if np is None:
                    self.suppress(h.start, h.end, "no_source_after", RULES["no_source_after"], "attribution")
                    continue
                if np.pronoun:
                    self.add_attribution(h.start, h.end, "according_to", e, e.explanation, None,
                                         pronoun=text[np.start:np.end])
                else:
                    src = self.add_source(np.start, np.end, "source_after_phrase",
                                          f"{text[np.start:np.end]!r} follows {word!r}.")
                    self.add_attribution(h.start, h.end, "according_to", e, e.explanation, src)
                nw = self.next_word(np.end)
                if nw in ("that", ",", ":") or h.start in self.content_starts():
                    self.region_after(np.end)
                if self.prev_char(h.start) == ",":
                    self.regions.append((s.start, h.start))

        # vague and anonymous phrases as sources; citing phrases also attribute
        for a, b, hs in self.groups:
            lab = "anonymous" if any(h.entry.label == "anonymous" for h in hs) else "vague"
            src = self.add_source(a, b, f"{lab}_phrase", f"{self.text[a:b]!r} is used as a source.")
            citing = [h for h in hs if h.entry.kind == "citing"]
            if citing:
                c = citing[0]
                self.add_attribution(c.start, c.end, "citing_phrase", c.entry, c.entry.explanation, src)
                if self.next_word(b) == "that":
                    self.region_after(b)

        # agency tags: "(Reuters)" closing a sentence or paragraph
        if "(" in s.text:
            for m in _TAG.finditer(text, s.start, s.end):
                self.agency_tag(m)

        # a sentence that is entirely a quotation
        if not self.evidence and self.quotes:
            first = _WORDCH.search(text, s.start, s.end)
            if first is not None:
                last = s.end - 1
                while last > first.start() and not text[last].isalnum():
                    last -= 1
                for qa, qb in self.quotes:
                    if qa <= first.start() and last < qb:
                        self.evidence.append(Evidence("attribution", "quoted_sentence", RULES["quoted_sentence"],
                                                      qa, qb, text[qa:qb]))
                        break

        # outlets named in a sentence that attributes
        if "outlet" in bl and any(e.label == "attribution" for e in self.evidence):
            for h in self.by_label.get("outlet", []):
                if h.entry.kind == "descriptor":
                    np = self.np_after(h.end)
                    if np is None or np.pronoun or not text[np.start:np.start + 1].isupper():
                        continue
                    a = h.start
                    toks = self.tokens(max(s.start, a - 6), a)
                    if toks and toks[-1].low == "the":
                        a = toks[-1].start
                    self.add_source(a, np.end, "outlet_mention",
                                    f"{text[a:np.end]!r} names a news outlet in a sentence that attributes.")
            for h in self.by_label.get("outlet", []):
                if h.entry.kind == "name":
                    a = h.start
                    toks = self.tokens(max(s.start, a - 6), a)
                    if toks and toks[-1].low == "the":
                        a = toks[-1].start
                    self.add_source(a, h.end, "outlet_mention",
                                    f"{text[a:h.end]!r} names a news outlet in a sentence that attributes.")

    def agency_tag(self, m: re.Match) -> None:
        text, s = self.text, self.s
        inner = m.group(1).strip()
        ia, ib = m.start(1), m.start(1) + len(inner)
        words = inner.split()
        if not words or len(words) > 5 or len(inner) < 2:
            return
        if any(ch.isdigit() for ch in inner) or not any(ch.isupper() for ch in inner):
            return
        for w in words:
            core = w.strip(".,’'")
            if not core:
                return
            if not (core[:1].isupper() or core.lower() in _TAG_WORDS):
                return
        if len(words) == 1 and inner.lower().strip(".") in _TAG_EXCLUDE:
            return
        before = text[s.start:m.start()].rstrip()
        after = text[m.end():s.end].strip(" \t\r\n\u00a0.")
        known = bool(self.hits_in(ia, ib, {"outlet"}))
        closing = not after and (before == "" or before[-1] in _FINAL_PUNCT or known)
        dateline = bool(after) and after[:1] in "-–—" and before.replace(" ", "").isupper()
        if not (closing or dateline):
            return
        self.add_source(ia, ib, "agency_tag", f"{inner!r} is credited in brackets.")
        src = next((x for x in self.sources if x.start <= ia < x.end), None)
        self.add_attribution(m.start(), m.end(), "agency_tag", None, RULES["agency_tag"], src)

    # -- 3. hedges, boosters, opinion, speculation --------------------------------------
    def stance(self) -> None:
        text = self.text
        author_hb = False
        for lab in ("hedge", "booster", "opinion", "loaded"):
            for h in self.by_label.get(lab, ()):
                e = h.entry
                voice = self.voice(h.start)
                rule = _CUE_RULE[lab]
                t = text[h.start:h.end]
                self.cues.append(Cue(h.start, h.end, t, lab, rule, e.explanation, voice, e.where))
                if lab in ("hedge", "booster"):
                    expl = e.explanation + (" (Voice: source.)" if voice == "source" else "")
                    self.evidence.append(Evidence(lab, rule, expl, h.start, h.end, t))
                    if voice == "author":
                        author_hb = True
                elif voice == "author":
                    self.evidence.append(Evidence("opinion", rule, e.explanation, h.start, h.end, t))
                else:
                    self.suppress(h.start, h.end, "not_author_voice",
                                  f"{t!r} is in a quotation or reported speech: the source's word choice, "
                                  "not the writer's opinion.", "opinion")
        for h in self.by_label.get("speculation", ()):
            e = h.entry
            t = text[h.start:h.end]
            if self.voice(h.start) != "author":
                self.suppress(h.start, h.end, "not_author_voice",
                              f"{t!r} is in a quotation or reported speech: a source's plan or view, "
                              "not the writer's speculation.", "speculation")
                continue
            if e.kind == "motive" and not author_hb:
                self.suppress(h.start, h.end, "motive_needs_hedge", RULES["motive_needs_hedge"], "speculation")
                continue
            self.evidence.append(Evidence("speculation", f"speculation_{e.kind}", e.explanation, h.start, h.end, t))

    def result(self) -> SentenceAnalysis:
        have = {e.label for e in self.evidence}
        labels = tuple([lab for lab in LABEL_ORDER if lab in have]) if have else ()
        cues = self.cues
        if len(cues) > 1:
            # one cue per span and label; after sorting, repeats are next to each other
            cues = []
            last = None
            for c in sorted(self.cues, key=_BY_SPAN_LABEL):
                k = (c.start, c.end, c.label)
                if k != last:
                    last = k
                    cues.append(c)
        ev = self.evidence
        if len(ev) > 1:
            ev = sorted(ev, key=lambda e: (_LABEL_RANK[e.label], e.start, e.end))
        srcs = self.sources
        if len(srcs) > 1:
            srcs = sorted(srcs, key=_BY_SPAN)
        sup = self.suppressed
        if len(sup) > 1:
            sup = sorted(sup, key=_BY_SPAN)
        return SentenceAnalysis(self.s, labels, tuple(ev), tuple(cues), tuple(srcs), tuple(sup))


def analyze(article: Article | str, lexicons: Lexicons | None = None) -> Analysis:
    """Analyse the headline, dek and body sentences of an article.

    ``article`` may also be plain text (it is parsed with ``parse_article``).
    ``lexicons`` defaults to the kit's own lists (loaded once and cached); pass
    ``load_lexicons(folder)`` to use a teacher's edited copy.

    >>> an = analyze("Head\\n\\nThe ministry said some 300 people may come. (AP)\\n")
    >>> an.sentences[1].labels
    ('attribution', 'hedge')
    >>> [(s.text, s.type) for s in an.sources]
    [('The ministry', 'institution'), ('AP', 'outlet')]
    """
    if isinstance(article, str):
        from medialit.articles import parse_article
        article = parse_article(article)
    lex = lexicons if lexicons is not None else load_lexicons()
    # The result holds many small objects and no reference cycles; pausing the cyclic
    # garbage collector keeps the run time linear in the length of the text.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Run(article, lex).run()
    finally:
        if was_enabled:
            gc.enable()
