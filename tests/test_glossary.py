"""The glossary (medialit/data/glossary/terms.csv) covers every term a learner meets.

What counts as a "term", checkably:
1. every label, source type, part of the page and voice named in ``medialit/vocabulary.py``;
2. every word of ``medialit/data/glossary/plain_words.csv`` with rule ``gloss`` (news and kit words such
   as dek, byline, outlet, lateral reading, attribution): each must have a glossary row, whether or not a
   lesson uses it today, so a lesson may use it;
3. words with rule ``replace`` (span, cue, precision, recall...) are developers' or statistics
   jargon: they must not appear at all in the markdown of the learners' lessons and practice notebooks
   (notebooks/*.ipynb and solutions/*.ipynb except 07, the teacher's class view; code in backticks is
   code), nor in the prompts, hints and explanations of the learners' self-check questions.
4. every term a lesson defines: the bold first cell of a markdown table row (``| **dek** (subheadline) | …``)
   and a bold word introduced as "A **hedge** lowers…", "A **source** is…" in learner markdown.
The glossary is shown in lesson 0 (from the data, escaped) and named in the teacher guide.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest

from medialit import glossary, vocabulary
from medialit.glossary import Term
from medialit.selfcheck import questions

ROOT = Path(__file__).resolve().parent.parent
TEACHER_NOTEBOOKS = ("07_",)


def learner_notebooks():
    paths = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
    return [p for p in paths if not p.name.startswith(TEACHER_NOTEBOOKS)]


def markdown(path):
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def test_every_row_is_complete_and_plain():
    rows = glossary.terms()
    assert len(rows) >= 40
    replace = [w.word for w in glossary.plain_words() if w.rule == "replace"]
    seen = {}
    for t in rows:
        assert t.kind in glossary.TERM_KINDS
        assert t.meaning.endswith((".", "…")) and len(t.meaning) <= 260, t.term
        assert 0 < len(t.example) <= 160, t.term
        # the meanings use plain words: no jargon the glossary itself tells lessons to replace
        assert not glossary.words_in(t.meaning, replace), (t.term, glossary.words_in(t.meaning, replace))
        for name in t.names:
            assert name not in seen, f"{name!r} is in the glossary twice ({seen.get(name)} and {t.term})"
            seen[name] = t.term


@pytest.mark.parametrize("name", [*vocabulary.SPAN_LABELS, *vocabulary.SOURCE_TYPES, *vocabulary.PART_KINDS,
                                  *vocabulary.VOICES])
def test_every_vocabulary_word_is_in_the_glossary(name):
    assert glossary.lookup(name) is not None, f"{name!r} (medialit/vocabulary.py) has no glossary row"


def test_every_word_to_gloss_is_in_the_glossary():
    missing = [w.word for w in glossary.plain_words() if w.rule == "gloss" and glossary.lookup(w.word) is None]
    assert not missing, f"words learners meet without a glossary row: {missing}"


def test_words_to_replace_say_what_instead():
    for w in glossary.plain_words():
        assert w.rule != "replace" or w.instead, w.word


@pytest.mark.parametrize("path", learner_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_jargon_in_the_learners_lessons(path):
    replace = [w.word for w in glossary.plain_words() if w.rule == "replace"]
    found = {}
    for i, text in enumerate(markdown(path)):
        # code in backticks is code, not words for learners
        words = glossary.words_in(re.sub(r"`[^`]*`", "", text), replace)
        if words:
            found[i] = words
    assert not found, f"{path.name}: jargon in markdown cells (cell: words): {found}"


def test_no_jargon_in_the_learners_questions():
    replace = [w.word for w in glossary.plain_words() if w.rule == "replace"]
    found = {}
    for qid, q in questions().items():
        if qid.startswith("07"):   # the teacher's class view
            continue
        for field in ("prompt", "hint", "explanation"):
            words = glossary.words_in(re.sub(r"`[^`]*`", "", getattr(q, field, "") or ""), replace)
            if words:
                found[f"{qid}.{field}"] = words
    assert not found, f"jargon in self-check questions: {found}"


#: Where a lesson defines a term: the bold first cell of a table row, or "A **term** is / lowers / raises…".
DEFINED = (re.compile(r"^\|\s*\*\*([^*|]+)\*\*[^|]*\|", re.MULTILINE),
           re.compile(r"\b(?:A|An|a|an)\s+\*\*([^*]+)\*\*\s+(?:is|are|lowers|raises|names|means|word)\b"))


def test_every_term_a_lesson_defines_is_in_the_glossary():
    defined = {}
    for path in learner_notebooks():
        for text in markdown(path):
            for rx in DEFINED:
                for m in rx.finditer(text):
                    defined.setdefault(m.group(1).strip(), path.name)
    assert len(defined) >= 15   # the labels, source types and parts of the page at least
    missing = {t: where for t, where in defined.items() if glossary.lookup(t) is None}
    assert not missing, f"terms the lessons define but the glossary lacks (term: notebook): {missing}"


def test_the_definition_patterns_find_terms():
    table, sentence = DEFINED
    assert table.findall("| **dek** (subheadline) | a line |\n| plain | x |") == ["dek"]
    assert sentence.findall("A **hedge** lowers how sure… and a **loaded** word is…") == ["hedge", "loaded"]


def test_words_in_finds_whole_words_only():
    assert glossary.words_in("The recall of a product; spanner; unitary", ["recall", "span", "unit"]) == ["recall"]
    assert glossary.words_in("the cue-word and Units", ["cue", "units"]) == ["cue", "units"]


def test_lookup_matches_forms_and_any_case():
    assert glossary.lookup("Named_person").term == "named person"
    assert glossary.lookup("wire service").term == "news agency"
    assert glossary.lookup("reading laterally").term == "lateral reading"
    assert glossary.lookup("pumpkin") is None


def test_the_glossary_is_shown_escaped():
    html = glossary.glossary_html([Term("<script>x</script>", "a & b.", "**bold**", "kit word", ("<i>",))])
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b." in html
    assert "&lt;i&gt;" in html and "**" not in html
    full = glossary.glossary_html()
    assert full.count("<tr>") == len(glossary.terms()) + 1
    # grouped by kind: the labels come first; folded until a learner opens it (or the teacher unfolds it)
    assert full.index("attribution") < full.index("headline") < full.index("lateral reading")
    assert full.startswith('<details class="medialit-glossary">')
    assert glossary.glossary_html(unfolded=True).startswith('<details class="medialit-glossary" open>')


def test_lesson_0_shows_the_glossary_and_the_guide_names_it():
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    assert any(c.cell_type == "code" and "glossary_html(" in c.source for c in nb.cells)
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert "medialit/data/glossary/terms.csv" in guide


# ---------------------------------------------------------------------------
# Wording rules of issue 10 (item 9) that a data edit could break again
# ---------------------------------------------------------------------------

#: "the writer … he / himself / his own": the writers of both articles are unknown, so the kit says "the writer".
WRITER_AS_HE = re.compile(r"\bwriter(?:’s|'s)?\b[^.;:“”\"]{0,50}?\b(he|himself|his own|his personal)\b")


def _strings(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)
    elif isinstance(obj, str):
        yield obj


def test_the_unknown_writer_is_never_he():
    texts = []
    for path in sorted((ROOT / "medialit" / "data" / "answer_key").glob("*.json")):
        texts += [(path.name, t) for t in _strings(json.loads(path.read_text(encoding="utf-8")))]
    for path in learner_notebooks():
        texts += [(path.name, t) for t in markdown(path)]
    found = [(name, m.group(0)) for name, t in texts for m in WRITER_AS_HE.finditer(t)]
    assert not found, f"say 'the writer', not 'he': {found}"


def test_the_writer_rule_catches_he():
    assert WRITER_AS_HE.search("the writer comments in his own voice")
    assert WRITER_AS_HE.search("no doubter is named except the writer himself")
    assert not WRITER_AS_HE.search("the writer comments in the writer’s own voice")
