"""Lesson 1 (meet the articles): its notebooks, its questions, and every answer checked against the kit."""

import calendar
import datetime
import json
import re
from pathlib import Path

import pytest

from medialit.answer_key import load_answer_key
from medialit.articles import seed_article, seed_metadata
from medialit.selfcheck import QUESTIONS_DIR, check, questions
from lessons import read, sources, used_questions, right, chosen, note

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "01_meet_the_articles.ipynb"
QUESTION_FILE = QUESTIONS_DIR / "01_meet_the_articles.json"
ID_000, ID_003 = "000_b7d55dfd4cdbabc3", "003_9a3e418065795979"
SECTIONS = ["Learning objectives", "Time:", "Setup", "The reading", "Reflection", "Summary"]


@pytest.fixture(scope="module")
def a000():
    return seed_article("000")


@pytest.fixture(scope="module")
def a003():
    return seed_article("003")


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------

def test_question_file_belongs_to_this_lesson():
    ids = [q["id"] for q in json.loads(QUESTION_FILE.read_text(encoding="utf-8"))["questions"]]
    assert ids and all(i.startswith("01-") for i in ids)
    for qid in ids:
        q = questions()[qid]
        assert q.explanation.strip() and q.hint.strip() and q.source.strip(), qid


def test_byline_of_000_is_empty(a000):
    assert a000.byline == "" and seed_metadata("000")["byline"] == ""
    assert [p.text for p in a000.parts_of("byline")] == ["Written by"]
    assert "April 10, 2017, Written by" in a000.text
    assert chosen("01-byline-000").startswith("Nothing")


def test_000_names_no_publisher(a000):
    meta = seed_metadata("000")
    assert meta["outlet"] is None and a000.boilerplate == []
    assert load_answer_key(ID_000).parts["boilerplate"] == []
    assert chosen("01-publisher-000") == "We cannot tell from the text"


def test_related_line(a000):
    related = "U.S. Launches Massive Cruise Missile Strike On Syrian Base After Chemical Weapons Attack"
    assert a000.related == [related] == load_answer_key(ID_000).parts["related"]
    assert related in questions()["01-related-line"].prompt
    assert chosen("01-related-line").startswith("A link to another story")


def test_on_monday_fits_the_date():
    assert right("01-monday-2017", datetime.date(2017, 4, 10).strftime("%A"))
    assert "On Monday, Russian Senator Viktor Ozerov" in seed_article("000").paragraphs[1].text


def test_publisher_and_editor_of_003(a003):
    assert right("01-publisher-003", seed_metadata("003")["outlet"])
    assert a003.boilerplate.count("Support Russia Insider - Go Ad-Free!") == 2
    assert "Full statement from the Editor, Charles Bausman." in load_answer_key(ID_003).parts["boilerplate"]
    editor = re.search(r"the Editor, ([^.]+)\.\s*$", a003.text).group(1)
    assert right("01-editor-003", editor)


def test_dating_clues_are_quoted_exactly(a003):
    clue = chosen("01-clue-before-date").strip("“”")
    assert clue in a003.paragraphs[11].text and "scheduled" in clue
    for choice in questions()["01-clue-before-date"].choices:
        for fragment in choice.strip("“”").split("…"):
            assert fragment.strip() in a003.text, fragment
    day = re.search(r"travelled to Moscow on (\w+)", a003.paragraphs[8].text).group(1)
    assert right("01-nuland-day", day)
    assert "the US announcement on Monday" in a003.paragraphs[8].text


def test_dating_conclusion_follows_the_metadata_and_the_key(a003):
    meta = seed_metadata("003")
    assert meta["date"] is None and a003.date is None
    assert "early October 2016" in meta["date_note"] and "early October 2016" in chosen("01-dating-003")
    dating = note(load_answer_key(ID_003), "Dating an undated article")
    assert "October 19" in dating.note and "5–7 October 2016" in dating.note
    assert "Obama is president" in dating.note


def test_calendar_claim_in_the_lesson():
    """“Three Mondays (3, 10 and 17 October) come before the 19th.”"""
    mondays = [d for d in range(1, 19) if calendar.weekday(2016, 10, d) == calendar.MONDAY]
    assert mondays == [3, 10, 17]


def test_repeated_paragraph(a000):
    p1, p2 = a000.paragraphs[0].text, a000.paragraphs[1].text
    (n,) = [p.paragraph for p in a000.paragraphs[2:] if p.text.lower().endswith((p1 + " " + p2).lower())]
    assert right("01-repeated-paragraph", n)
    assert n in note(load_answer_key(ID_000), "The lead is repeated").paragraphs
    pn = a000.paragraphs[n - 1].text
    added = pn[: len(pn) - len(p1 + " " + p2)].strip()
    assert right("01-repeat-added-words", added)
    rest = pn[len(added) + 1:]
    assert rest[0].upper() + rest[1:] == p1 + " " + p2


def test_attribution_only_in_reporting_paragraphs():
    """“The key marks attribution only in the headline, the dek and paragraphs 1, 2 and 4.”"""
    key = load_answer_key(ID_000)
    units = key.units_with("attribution")
    assert {u.part for u in units} == {"headline", "dek", "body"}
    assert {u.paragraph for u in units if u.part == "body"} == {1, 2, 4}
    assert len(seed_article("000").paragraphs) == 6


def test_practice_answers(a003):
    assert right("01-p-paragraphs-003", len(a003.paragraphs))
    assert right("01-p-appeal-count", a003.text.count("Support Russia Insider - Go Ad-Free!"))
    per_paragraph = {p.paragraph: len(re.findall(r"\btoday\b", p.text, re.I)) for p in a003.paragraphs}
    assert {k: v for k, v in per_paragraph.items() if v} == {1: 1, 11: 2, 14: 1}
    assert right("01-p-today-count", len(re.findall(r"\btoday\b", a003.text, re.I)))
    (found,) = [p.paragraph for p in a003.paragraphs if "two days ago" in p.text]
    assert right("01-p-two-days-ago", found)


def test_quotations_in_the_lesson_are_exact():
    """Every quotation of two or more words in the lesson's text is in one of the articles, word for word."""
    texts = " ".join((seed_article("000").text + "\n" + seed_article("003").text).split())
    md = "\n".join(sources(read(LESSON), "markdown"))
    quotes = re.findall(r"“([^”]+)”", md)
    assert len(quotes) > 15
    for quote in quotes:
        for fragment in re.split(r"\s*…\s*", quote):
            if len(fragment.split()) >= 2:
                assert " ".join(fragment.split()) in texts, fragment


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_the_required_sections_in_order():
    md = sources(read(LESSON), "markdown")
    assert md[0].startswith("# Lesson 1")
    positions = [next(i for i, t in enumerate(md) if s in t) for s in SECTIONS]
    assert positions == sorted(positions), positions
    assert "about 35 minutes" in md[0] and md[0].count("\n- ") in (3, 4)


def test_lesson_has_activity_feedback_self_checks_and_plots():
    nb = read(LESSON)
    code = "\n".join(sources(nb, "code"))
    assert "SentenceTagger(" in code and "learner_feedback(" in code
    assert len(used_questions(nb)) >= 2
    assert "plots.page_map(article_000)" in code and "plots.page_map(article_003)" in code
    assert re.search(r'^name_box\(\)$', code, re.M)

