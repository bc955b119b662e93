"""The writer speaking to the reader (medialit/detect/address.py and
data/stance/imperative_openers.csv): an exclamation or an opening order (also after a short
lead-in: First, … If …, …) in the writer's own voice is opinion; a quotation, a question, a noun that looks like a verb and an order that sets
a condition are not. Every sentence here is invented."""

from __future__ import annotations

import pytest

from medialit.articles import parse_article
from medialit.datafiles import read_table
from medialit.detect import analyze
from medialit.detect.address import (
    IMPERATIVE_FOLLOWERS,
    IMPERATIVE_VERBS,
    IMPERATIVES_FILE,
    LEAD_CLAUSES,
    LEAD_PHRASES,
    LEADS,
    ORDER_VERBS,
)

LAYOUT = "Headline\n\nA dek\n\nMonday, May 4, 2026\n\nBy A Writer\n\n{}\n"


def body(text: str):
    """The analyses of the body sentences of a small article whose body is ``text``."""
    an = analyze(parse_article(LAYOUT.format(text)))
    out = [sa for sa in an.sentences if sa.sentence.part == "body"]
    for sa in out:
        for e in sa.evidence:
            assert an.article.text[e.start:e.end] == e.text
    return out


def opinion_rules(sentence: str) -> list[tuple[str, str]]:
    (sa,) = body(sentence)
    return [(e.rule, e.text) for e in sa.evidence if e.label == "opinion"]


@pytest.mark.parametrize("sentence, rule, word", [
    ("Six hundred jobs!", "exclamation", "!"),
    ("And the council calls this a bargain!", "exclamation", "!"),
    ("Vote no, or refuse to vote until the terms are published.", "imperative_opening", "Vote"),
    ("Let him try.", "imperative_opening", "Let"),
    ("Ask Ridgeway Partners to show its workings.", "imperative_opening", "Ask"),
    ("Skip the dessert and order a second starter instead.", "imperative_opening", "Skip"),
    ("Spare a thought for the drivers stuck on the ring road.", "imperative_opening", "Spare"),
    ("Don’t believe a word of the brochure.", "imperative_opening", "Don’t"),
    ("Imagine what that means for a family of five.", "imperative_opening", "Imagine"),
    ("First, publish the budget line by line.", "imperative_after_lead", "publish"),
    ("If your usual brand has gone, ask for an alternative.", "imperative_after_lead", "ask"),
    ("On very hot days, keep the curtains closed.", "imperative_after_lead", "keep"),
    ("Until then, read the first half slowly.", "imperative_after_lead", "read"),
    ("In the meantime, call the helpline.", "imperative_after_lead", "call"),
])
def test_an_exclamation_or_an_order_in_the_writers_voice_is_opinion(sentence, rule, word):
    assert (rule, word) in opinion_rules(sentence)


@pytest.mark.parametrize("sentence", [
    "“Vote no!” the crowd shouted outside the hall.",     # a quotation: the crowd's
    "Let the council decide, or the voters?",             # a question asks
    "Vote counting began at ten on Thursday night.",     # a noun: 'counting' cannot follow an order
    "Think tanks say the plan costs too much.",
    "Demand for steel was weak in the spring.",
    "Let-off valves on the boiler had been replaced.",
    "Judge Miriam Oduya reminded the jury of the law.",  # a title, not an order
    "Read the small print and you find a catch.",        # an order that sets a condition
    "In a heatwave, demand peaks in the evening.",       # 'demand' is a noun: no follower
    "In 2020, call volumes doubled.",                    # a phrase with figures, and no follower
    "On Monday, the council met.",                       # no order after the lead-in
    "Officials in the town, ask the residents, were slow.",  # not a lead-in the table lists
    "If it rains, read the small print and you will see why.",  # a condition after the order
])
def test_quotations_questions_and_nouns_are_not_the_writer_giving_orders(sentence):
    (sa,) = body(sentence)
    assert not [e for e in sa.evidence if e.rule in ("exclamation", "imperative_opening")]


def test_an_order_that_sets_a_condition_is_switched_off_with_its_reason():
    (sa,) = body("Try the fish and you will see why the queue is so long.")
    assert not [e for e in sa.evidence if e.rule == "imperative_opening"]
    assert ("Try", "imperative_condition") in [(s.text, s.rule) for s in sa.suppressed]


def test_the_headline_is_not_read_for_orders():
    an = analyze(parse_article(LAYOUT.format("The council met on Monday.").replace("Headline", "Vote Counting Begins")))
    assert an.sentences[0].sentence.part == "headline"
    assert "opinion" not in an.sentences[0].labels


def test_every_sentence_of_an_imperative_paragraph_is_judged_on_its_own():
    first, second = body("Let him try. The club has played here since 1889.")
    assert "opinion" in first.labels and "opinion" not in second.labels


def test_the_word_table_is_read_whole():
    rows = read_table(IMPERATIVES_FILE, ("word", "kind", "explanation"))
    assert {r["word"] for r in rows if r["kind"] == "verb"} == IMPERATIVE_VERBS
    assert {r["word"] for r in rows if r["kind"] == "order"} == ORDER_VERBS
    assert {r["word"] for r in rows if r["kind"] == "follower"} == IMPERATIVE_FOLLOWERS
    assert {r["word"] for r in rows if r["kind"] == "lead"} == LEADS
    assert {r["word"] for r in rows if r["kind"] == "clause"} == LEAD_CLAUSES
    assert {r["word"] for r in rows if r["kind"] == "phrase"} == LEAD_PHRASES
    assert all(r["explanation"] for r in rows)
    assert not IMPERATIVE_VERBS & IMPERATIVE_FOLLOWERS


def test_an_unknown_kind_is_an_error_that_names_its_line(tmp_path):
    from medialit.datafiles import DataFileError, words_by_kind
    bad = tmp_path / "imperative_openers.csv"
    bad.write_text("word,kind,explanation\nvote,verbb,typo\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"imperative_openers.csv:2: kind must be one of verb, order, follower"):
        words_by_kind(bad, ("verb", "order", "follower"))
