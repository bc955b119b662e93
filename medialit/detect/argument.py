"""An argued piece: the article-wide reading of opinion, after every sentence has been read.

Each sentence is first read on its own. A column, an op-ed, an editorial or a review then
shows itself by the number of sentences in which the writer's own opinion was found
(``MIN_OPINIONS``, from ``medialit/data/stance/argued_piece.csv``), or by a byline that names
the writer as a critic, a columnist or the editorial board (``BYLINE_WORDS``). In such an article a
sentence in the writer's own voice (no quotation marks, no source, not a question) also
counts as opinion when it is

* the headline (rule ``argued_headline``): an argued piece's headline states its case;
* opened by a word that carries the argument on (rule ``argued_step``): *That is a start,
  not a turnaround.*, *But the answer is a plan for the site.*;
* a present-tense *is*/*are* statement with no figure (rule ``argued_statement``):
  *The remedy is not complicated.*;
* a sentence with no figure whose judging word no frame decided (rule ``argued_evaluation``):
  *Harrowell has built a very good bookshop.* (not in a quantity: *a great deal of*).

A sentence that already has a label is left as it is, except one whose only label is a hedge in
the writer's own voice, with no figure (rule ``argued_hedged``): *The second act seems to belong to
a different play.* is a softened verdict; a hedged forecast stays speculation only.

A price in brackets after a dish or a product (*The lamb (£27) was nearly as good.*) is not a
figure: it says what the thing costs, not what the writer argues from.

In a news report the same sentences are plain description; a report rarely has five opinions.

>>> from medialit.detect import analyze
>>> text = ("Close the bypass\\n\\nIn my view the bypass is a mistake. The council should think "
...         "again. Frankly, the plan is reckless. The scheme is a blunder. The council must stop "
...         "it. The remedy is simple. But nobody listens.\\n")
>>> an = analyze(text)
>>> [(e.rule, e.text) for sa in an.sentences for e in sa.evidence if e.rule.startswith("argued")]
[('argued_headline', 'Close the bypass'), ('argued_statement', 'is'), ('argued_step', 'But')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medialit.datafiles import DATA, DataFileError, words_by_kind
from medialit.detect.labels import sentence_labels
from medialit.detect.results import Evidence, SentenceAnalysis
from medialit.detect.rules import RULES

ARGUED_FILE = DATA / "stance" / "argued_piece.csv"


def _table() -> tuple[int, frozenset[str], ...]:
    """The threshold, the openers, the plain verbs, the endings that may not follow them, the
    byline words of a comment piece, the byline words of a review and a review's past-tense
    verbs (from the data file; a bad row names its line)."""
    least, *rest = words_by_kind(ARGUED_FILE, ("min_opinions", "opener", "plain_verb", "not_after", "byline_word",
                                               "review_word", "review_verb", "quantity"))
    if len(least) != 1 or not next(iter(least)).isdigit():
        raise DataFileError(f"{ARGUED_FILE}: needs exactly one min_opinions row with a whole number")
    return (int(next(iter(least))), *rest)


#: Sentences with the writer's opinion that make an article argued; the opening words that
#: carry an argument on; the present-tense verbs of a plain statement; the word endings that,
#: right after such a verb, make it a description of events (*is travelling*, *are expected*).
MIN_OPINIONS, STEP_OPENERS, PLAIN_VERBS, NOT_AFTER, BYLINE_WORDS, REVIEW_WORDS, REVIEW_VERBS, QUANTITY_PHRASES = _table()


def _any_of(words: frozenset[str]) -> re.Pattern:
    """One of ``words``, whole and in any case (Film Critic; not "critical")."""
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words))) + r")\b", re.I)


#: A byline word: the writer is a critic, a columnist or the editorial board.
BYLINE = _any_of(BYLINE_WORDS)
#: A reviewer's byline (Restaurant Critic): there a past-tense statement is a verdict too.
REVIEWER = _any_of(REVIEW_WORDS)
#: The sentence's first word, after opening quotes, brackets or dashes.
FIRST_WORD = re.compile(r"[\s'‘(\[—–-]*([A-Za-z]+)\b")


def _verb_pattern(verbs: frozenset[str]) -> re.Pattern:
    """A plain verb of ``verbs``, not in a relative clause and not before an -ing or -ed form."""
    # Speed: the word boundary first, so the look-behinds are tried only where a word starts.
    return re.compile(r"\b(?<!\bwho )(?<!\bwhich )(" + "|".join(sorted(verbs)) + r")\b(?!\s+\w{3,}(?:"
                      + "|".join(sorted(NOT_AFTER)) + r")\b)")


PLAIN_VERB = _verb_pattern(PLAIN_VERBS)
#: In a review, also "was"/"were": *The salad was bright and well balanced.*
REVIEW_VERB = _verb_pattern(PLAIN_VERBS | REVIEW_VERBS)
#: Labels that leave a sentence as it is: it already gives the writer's opinion, credits a source,
#: or marks its claim as a guess (the keys keep a hedged forecast apart from an opinion); a
#: hedge alone is read by rule argued_hedged.
OWN_LABELS = frozenset(("opinion", "attribution", "hedge", "speculation"))
#: Quotation marks (a quotation is someone else's voice) and a question (it asks, it does not judge).
QUOTE_OR_QUESTION = re.compile(r"[“”\"?]")
DIGIT = re.compile(r"\d")
#: A price in brackets after a dish or a product (*A starter of potted shrimp (£11) was bright*): it
#: tells the reader what the thing costs, and is no figure the writer argues from.
PRICE_IN_BRACKETS = re.compile(r"\(\s?[£€$]\s?\d[\d.,]*\s?\)")


def has_figure(text: str) -> bool:
    """Whether the sentence has a figure, a price in brackets aside.

    >>> has_figure("The stew (£22) was bland."), has_figure("That is a rise of 61 percent.")
    (False, True)
    """
    return DIGIT.search(PRICE_IN_BRACKETS.sub("", text)) is not None


def argued_piece(results: Sequence[SentenceAnalysis], byline: str = "") -> list[SentenceAnalysis]:
    """The sentences' results, with opinion added where an argued piece's context decides.

    Nothing changes unless at least ``MIN_OPINIONS`` sentences already carry opinion, or the
    ``byline`` names the writer as a critic, a columnist or the editorial board.
    """
    out = list(results)
    found = sum("opinion" in sa.labels for sa in results)
    job = BYLINE.search(byline)
    if found < MIN_OPINIONS and job is None:
        return out
    here = (f" Here the byline calls the writer {job.group(1).lower()!r}." if found < MIN_OPINIONS
            else f" Here the writer's own opinion was found in {found} sentences.")
    verbs = REVIEW_VERB if REVIEWER.search(byline) else PLAIN_VERB
    for i, sa in enumerate(results):
        s = sa.sentence
        if sa.sources or QUOTE_OR_QUESTION.search(s.text):
            continue
        if OWN_LABELS.intersection(sa.labels):
            ev = _hedged(sa, here)
        else:
            ev = _evidence(s, here, verbs) or _evaluation(sa, here)
        if ev is not None:
            evidence = (*sa.evidence, ev)
            out[i] = SentenceAnalysis(s, sentence_labels(evidence), evidence, sa.cues, sa.sources,
                                      sa.suppressed)
    return out


def _evidence(s, here: str, verbs: re.Pattern = PLAIN_VERB) -> Evidence | None:
    """Why this sentence of an argued piece is the writer's opinion, or None (never for the dek)."""
    if s.part == "headline":
        return _made("argued_headline", s.start, s.end, s.text, here)
    if s.part != "body":
        return None
    if has_figure(s.text):  # "That is a rise of 61 percent": the writer's arithmetic, not a verdict
        return None
    first = FIRST_WORD.match(s.text)
    if first and first.group(1) in STEP_OPENERS:
        a, b = first.span(1)
        return _made("argued_step", s.start + a, s.start + b, first.group(1), here)
    verb = verbs.search(s.text)
    if verb:
        a, b = verb.span(1)
        return _made("argued_statement", s.start + a, s.start + b, verb.group(1), here)
    return None


def _evaluation(sa: SentenceAnalysis, here: str) -> Evidence | None:
    """A judging word of the body that no frame decided (a very good bookshop, an uneven premiere),
    with no figure in the sentence and not part of a quantity (a great deal of): a verdict."""
    s = sa.sentence
    if s.part != "body" or has_figure(s.text):
        return None
    low = s.text.lower()
    for x in sa.suppressed:
        if x.rule == "evaluative_no_frame" and not any(
                q in low[max(0, x.start - s.start - 8):x.end - s.start + 8] for q in QUANTITY_PHRASES):
            return _made("argued_evaluation", x.start, x.end, x.text, here)
    return None


def _hedged(sa: SentenceAnalysis, here: str) -> Evidence | None:
    """A body sentence whose only label is a hedge in the writer's own voice, with no figure
    (It seems to belong to a different film.): a softened verdict."""
    s = sa.sentence
    if set(sa.labels) != {"hedge"} or s.part != "body" or has_figure(s.text):
        return None
    cue = next((c for c in sa.cues if c.label == "hedge" and c.voice == "author"), None)
    if cue is None:
        return None
    return _made("argued_hedged", cue.start, cue.end, cue.text, here)


def _made(rule: str, start: int, end: int, text: str, here: str) -> Evidence:
    return Evidence("opinion", rule, RULES[rule] + here, start, end, text)
