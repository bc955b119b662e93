"""Lesson 5 (two articles side by side): its notebooks, its questions, and every answer checked against the kit."""

import datetime
import json
import re
from pathlib import Path

import pytest

from medialit.answer_key import load_answer_key
from medialit.articles import seed_article, seed_metadata
from exercises import BEGIN, END
from medialit.selfcheck import QUESTIONS_DIR, check, questions
from lessons import read, sources, used_questions, right, chosen

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "05_side_by_side.ipynb"
SOLUTION = ROOT / "solutions" / "05_side_by_side_practice.ipynb"
EXERCISE = ROOT / "exercises" / "05_side_by_side_practice.ipynb"
QUESTION_FILE = QUESTIONS_DIR / "05_side_by_side.json"
ID_000, ID_003 = "000_b7d55dfd4cdbabc3", "003_9a3e418065795979"
#: Sections every lesson has, in this order (a heading or bold line starting with these words).
SECTIONS = ["Learning objectives", "**Time**", "## Setup", "## The reading", "## Annotation activity",
            "## Reflection", "## Summary"]


@pytest.fixture(scope="module")
def key0():
    return load_answer_key(ID_000)


@pytest.fixture(scope="module")
def key3():
    return load_answer_key(ID_003)


@pytest.fixture(scope="module")
def a000():
    return seed_article("000")


@pytest.fixture(scope="module")
def a003():
    return seed_article("003")


# ---------------------------------------------------------------------------
# Questions: well formed, used, and answered by the key and the articles
# ---------------------------------------------------------------------------

def test_question_file_belongs_to_this_lesson():
    ids = [q["id"] for q in json.loads(QUESTION_FILE.read_text(encoding="utf-8"))["questions"]]
    assert ids and all(i.startswith("05-") for i in ids)
    for qid in ids:
        q = questions()[qid]
        assert q.prompt.strip() and q.explanation.strip() and q.hint.strip() and q.source.strip(), qid
        assert check(qid, ...).status == "blank"


def test_who_warns_is_the_defence_ministry_spokesman(key3, a003):
    par1 = {s.text: s.type for s in key3.sources if key3.units[s.unit].paragraph == 1}
    assert par1["Moscow"] == "institution"
    assert par1["The Russian defence ministry spokesman Gen. Igor Konashenko"] == "named_person"
    assert "a fairly explicit warning by Moscow" in a003.text
    assert "Gen. Igor Konashenko" in chosen("05-who-warns") and "defence ministry spokesman" in chosen("05-who-warns")


def test_ozerov_is_a_committee_head_and_the_only_person_in_000(key0, a000):
    people = {s.text.lower() for s in key0.sources if s.type == "named_person"}
    assert people == {"the head of the russian federation council’s defense and security committee",
                      "russian senator viktor ozerov"}
    assert a000.headline.startswith("Russia Says")
    role = "head of the Russian Federation Council’s Defense and Security Committee"
    assert role in a000.text and role in chosen("05-ozerov-role")
    assert "Federation Council" in next(n.note for n in key0.notes if n.topic.startswith("Headline attributes"))


def test_only_ozerov_is_quoted_in_his_own_words(a000, a003):
    assert "we’re not going to intercept anything,” he said" in a000.text
    s = next(s for s in a003.sentences if "no option for the Russian air defence system but to react" in s.text)
    assert "“" not in s.text and "”" not in s.text
    assert chosen("05-own-words").startswith("Ozerov")


def test_six_months_apart():
    m0, m3 = seed_metadata("000"), seed_metadata("003")
    assert m0["date"] == "2017-04-10" and m3["date"] is None
    assert "early October 2016" in m3["date_note"]
    d0, d3 = datetime.date.fromisoformat(m0["date"]), datetime.date(2016, 10, 5)
    assert (d0.year - d3.year) * 12 + d0.month - d3.month == 6
    assert chosen("05-months-apart") == "About six months"


def test_vague_sources(key0, key3):
    assert sum(s.type == "vague" for s in key3.sources) == 4 and right("05-vague-sources-003", 4)
    assert not any(s.type == "vague" for s in key0.sources)          # "Article 000 has none"


def test_most_hedged_paragraph_of_000(key0):
    pars = sorted({u.paragraph for u in key0.units if u.part == "body"})
    counts = {p: sum("hedge" in u.label_set for u in key0.units if u.paragraph == p) for p in pars}
    best = max(counts.values())
    (top,) = [p for p, n in counts.items() if n == best]
    assert right("05-most-hedged-paragraph-000", top)
    # the lesson says hedges and boosters sit only in paragraphs 3 and 5
    for lab in ("hedge", "booster"):
        assert {u.paragraph for u in key0.units_with(lab)} == {3, 5}


def test_lateral_first_step_is_in_the_metadata():
    assert any("Interfax or Moscow Times" in c for c in seed_metadata("000")["check_elsewhere"])
    assert "Interfax or Moscow Times" in chosen("05-first-check")


def test_hedge_shares(key0, key3):
    assert right("05-hedge-share-003", round(100 * len(key3.units_with("hedge")) / len(key3.units)))
    explanation = questions()["05-hedge-share-003"].explanation
    share0 = round(100 * len(key0.units_with("hedge")) / len(key0.units))
    assert share0 < round(100 * len(key3.units_with("hedge")) / len(key3.units))   # "hedges more often"
    assert f"{len(key0.units_with('hedge'))} of its {len(key0.units)} units ({share0}%)" in explanation
    assert f"({round(100 * len(key0.units_with('hedge')) / len(key0.units))}%)" in explanation


def test_outlets_of_003(key3):
    outlets = {s.text for s in key3.sources if s.type == "outlet"}
    assert check("05-outlets-003", sorted(outlets)).right


def test_unsourced_paragraphs_of_000(key0):
    body = {u.paragraph for u in key0.units if u.part == "body"}
    sourced = {u.paragraph for u in key0.units_with("attribution")}
    assert right("05-unsourced-paragraphs-000", sorted(body - sourced))


def test_april_10_2017_was_a_monday(a000):
    assert right("05-april-10-weekday", datetime.date(2017, 4, 10).strftime("%A"))
    assert a000.date == "April 10, 2017" and a000.text.count("On Monday") == 2


def test_sourcing_mix_counts_in_the_lesson_text(key0):
    """“counted four times (twice by his job, twice by name)”, “Interfax twice, The Moscow Times once”."""
    texts = [s.text.lower() for s in key0.sources]
    assert texts.count("russian senator viktor ozerov") == 2
    assert texts.count("the head of the russian federation council’s defense and security committee") == 2
    assert texts.count("interfax") == 2 and texts.count("the moscow times") == 1
    assert {s.text for s in key0.sources if s.type == "institution"} == {"Russia", "Kremlin"}


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_the_required_sections_in_order():
    text = "\n".join(sources(read(LESSON), "markdown"))
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions)
    assert text.startswith("# Lesson 5")


def test_lesson_has_setup_reading_annotation_exercises_and_plots():
    nb = read(LESSON)
    code = "\n".join(sources(nb, "code"))
    assert "name_box()" in code
    assert "report.show(" in code
    assert "SpanAnnotator(art3)" in code and "SpanAnnotator(art0)" in code
    assert "learner_feedback(" in code
    assert len(used_questions(nb)) >= 2
    for plot in ("plots.sourcing_mix(", "plots.label_shares(", "plots.paragraph_profile("):
        assert plot in code


def test_lesson_quotes_the_articles_exactly(a000, a003):
    """Every quotation of three words or more in the lesson's text is in one of the articles, word for word."""
    text = " ".join(sources(read(LESSON), "markdown")).replace("**", "")
    text = re.sub(r"\s+", " ", text)                 # quotations may run over a line break
    quoted = re.findall(r"[\"“]([^\"“”]+)[\"”]", text)
    not_article = {"Senator Jane Roe", "the Foreign Ministry", "the Kremlin says"}   # examples, not quotations
    long = [q.strip(" …") for q in quoted if len(q.split()) >= 3 and q not in not_article]
    assert long
    missing = [q for q in long if q not in a000.text and q not in a003.text]
    assert not missing


def test_practice_has_exercises_with_checked_outputs():
    nb = read(SOLUTION)
    marked = [c for c in nb.cells if BEGIN in c.source]
    code_ex = [c for c in marked if c.cell_type == "code"]
    assert 3 <= len(marked) <= 5 and any(c.cell_type == "markdown" for c in marked)
    for c in code_ex:
        assert c.source.startswith("# NBVAL_CHECK_OUTPUT")
        assert END in c.source and "check(" in c.source.split(END)[1]
        assert any("Right!" in (o.get("text") or o.get("data", {}).get("text/plain", "")) for o in c.outputs)


def test_exercise_notebook_has_no_answers():
    text = EXERCISE.read_text(encoding="utf-8")
    assert BEGIN not in text and "units_with(\\\"hedge\\\")) / len" not in text
    assert "Konashenkov), and the writer retells" not in text
