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
[(), ('attribution', 'hedge', 'speculation'), ('hedge', 'speculation')]
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

The detector reads each sentence in stages, one module each, sharing a
:class:`~medialit.detect.state.SentenceState`:

* :mod:`.text` – tokens, word tests and the fixed word sets;
* :mod:`.quotes` – quotations and reported speech (voice);
* :mod:`.cues` – list matches and the false friends that switch them off;
* :mod:`.stance` – hedge, booster, opinion and loaded cues (voice decides what counts);
  :mod:`.speculation` – speculation, and the rules that say a plan or question claims nothing unknown;
* :mod:`.address` – the writer speaking to the reader: exclamations and orders;
* :mod:`.phrases` – noun phrases (who does the saying); :mod:`.noun_after` – the one after *according to*, *by*;
* :mod:`.sources` – typing sources, remembering people named;
* :mod:`.attribution` – reporting verbs, *according to*, quoted sentences; :mod:`.agency_tags` – *(Reuters)*;
* :mod:`.documents` – documents that show or find (*the survey shows*);
* :mod:`.introducers` – passive beliefs, progressive reports (*are warning that*), *who spoke to*, colon
  quotes, quotations across sentences, the name before *, who said*;
* :mod:`.argument` – after every sentence: opinion in an argued piece (a column, an editorial);
* :mod:`.display_roles` – after every sentence: a role in the headline or dek (*Judge says*) is the person named;
* :mod:`.labels` – sentence labels from evidence, results in order;
* :mod:`.results` – the result objects and their explanations; :mod:`.rules` – the rule table.
"""

from __future__ import annotations

from medialit.articles import Article, Sentence, parse_article
from medialit.cues import Lexicons, load_lexicons
from medialit.detect.address import address, might_address
from medialit.detect.argument import argued_piece
from medialit.detect.display_roles import display_roles
from medialit.detect.attribution import attributions
from medialit.detect.cues import classify, find_hits
from medialit.detect.labels import article_result, joined_pieces, sentence_result
from medialit.detect.results import (
    Analysis,
    Cue,
    Evidence,
    SentenceAnalysis,
    Source,
    Suppressed,
)
from medialit.detect.rules import RULES, rules
from medialit.detect.sources import register_mentions
from medialit.runtime import paused_gc
from medialit.detect.stance import stance
from medialit.detect.state import ArticleState, SentenceState
from medialit.detect.text import MAX_UNIT, chunks

__all__ = ["analyze", "Analysis", "SentenceAnalysis", "Cue", "Source", "Evidence", "Suppressed",
           "RULES", "rules"]


def analyze(article: Article | str, lexicons: Lexicons | None = None) -> Analysis:
    """Analyse the headline, dek and body sentences of an article.

    ``article`` may also be plain text (it is parsed with ``parse_article``).
    ``lexicons`` defaults to the kit's own lists (loaded once and cached); pass
    ``load_lexicons(folder)`` to use a teacher's edited copy.

    >>> an = analyze("Head\\n\\nThe ministry said some 300 people may come. (AP)\\n")
    >>> an.sentences[1].labels
    ('attribution', 'hedge', 'speculation')
    >>> [(s.text, s.type) for s in an.sources]
    [('The ministry', 'institution'), ('AP', 'outlet')]
    """
    if isinstance(article, str):
        article = parse_article(article)
    lex = lexicons if lexicons is not None else load_lexicons()
    with paused_gc():  # many small objects, no reference cycles: the run time stays linear
        art = ArticleState(article, lex)
        results = []
        for s in article.sentences:
            try:
                sa = read_sentence(art, s)
            except RecursionError:  # pragma: no cover - defensive
                sa = SentenceAnalysis(s, (), (), ())
            results.append(sa)
        byline = " ".join(p.text for p in article.parts_of("byline"))
        return article_result(article, display_roles(argued_piece(results, byline), art), lex)


def read_sentence(art: ArticleState, s: Sentence) -> SentenceAnalysis:
    """Analyse one sentence of the article (sentences must come in text order)."""
    if s.end - s.start <= MAX_UNIT:
        return _read_unit(art, s)
    # A very long "sentence" (text without full stops) is read in pieces of about
    # CHUNK characters cut at a comma or space, so the work stays linear.
    parts = [_read_unit(art, Sentence(s.index, a, b, art.text[a:b], s.part, s.paragraph))
             for a, b in chunks(art.text, s.start, s.end)]
    return joined_pieces(s, parts)


def _read_unit(art: ArticleState, s: Sentence) -> SentenceAnalysis:
    """The stages, in order, for a sentence or a piece of one."""
    raw = art.lex.scan(art.text, art.low, s.start, s.end)
    st = SentenceState(art, s)
    if not raw and not st.quotes and "(" not in s.text and "would" not in s.text and not might_address(s.text):
        return SentenceAnalysis(s, (), (), ())  # nothing any stage looks for ("would": an imagined action)
    classify(st, find_hits(st, raw))
    attributions(st)
    stance(st)
    address(st)
    if "title" in st.by_label:
        register_mentions(st)
    return sentence_result(st)
