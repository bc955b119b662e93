"""Lesson 1 (meet the articles): its notebooks, its questions, and every answer checked against the kit."""

import calendar
import datetime
import re
from pathlib import Path

from lessons import chosen, note, read, right, sources

from medialit.articles import seed_metadata
from medialit.selfcheck import questions

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "01_meet_the_articles.ipynb"


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------

def test_byline_of_000_is_empty(a000):
    assert a000.byline == "" and seed_metadata("000")["byline"] == ""
    assert [p.text for p in a000.parts_of("byline")] == ["Written by"]
    assert "April 10, 2017, Written by" in a000.text
    assert chosen("01-byline-000").startswith("Nothing")


def test_000_names_no_publisher(a000, k000):
    meta = seed_metadata("000")
    assert meta["outlet"] is None and a000.boilerplate == []
    assert k000.parts["boilerplate"] == []
    assert chosen("01-publisher-000") == "We cannot tell from the text"


def test_related_line(a000, k000):
    related = "U.S. Launches Massive Cruise Missile Strike On Syrian Base After Chemical Weapons Attack"
    assert a000.related == [related] == k000.parts["related"]
    assert related in questions()["01-related-line"].prompt
    assert chosen("01-related-line").startswith("A link to another story")


def test_on_monday_fits_the_date(a000):
    assert right("01-monday-2017", datetime.date(2017, 4, 10).strftime("%A"))
    assert "On Monday, Russian Senator Viktor Ozerov" in a000.paragraphs[1].text


def test_publisher_and_editor_of_003(a003, k003):
    assert right("01-publisher-003", seed_metadata("003")["outlet"])
    assert a003.boilerplate.count("Support Russia Insider - Go Ad-Free!") == 2
    assert "Full statement from the Editor, Charles Bausman." in k003.parts["boilerplate"]
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


def test_dating_conclusion_follows_the_metadata_and_the_key(a003, k003):
    meta = seed_metadata("003")
    assert meta["date"] is None and a003.date is None
    assert "early October 2016" in meta["date_note"] and "early October 2016" in chosen("01-dating-003")
    dating = note(k003, "Dating an undated article")
    assert "October 19" in dating.note and "5–7 October 2016" in dating.note
    assert "Obama is president" in dating.note


def test_calendar_claim_in_the_lesson():
    """“Three Mondays (3, 10 and 17 October) come before the 19th”: of the month the lesson prints."""
    nb = read(LESSON)
    (year, month), = {tuple(map(int, m)) for m in re.findall(r"calendar\.month\((\d{4}), (\d+)\)",
                                                              "\n".join(sources(nb, "code")))}
    md = " ".join(" ".join(sources(nb, "markdown")).split())
    count, days, month_name, before = re.search(
        r"(\w+) Mondays \(([\d, and]+) (\w+)\) come before the (\d+)th", md).groups()
    assert month_name == calendar.month_name[month]
    listed = [int(d) for d in re.findall(r"\d+", days)]
    mondays = [d for d in range(1, int(before)) if calendar.weekday(year, month, d) == calendar.MONDAY]
    assert listed == mondays and count.lower() == ["no", "one", "two", "three", "four"][len(mondays)]
    # the text does not say which month the Monday was in (issue 10): any Monday before the 19th fits
    assert "any Monday before 19 October" in md


def test_repeated_paragraph(a000, k000):
    p1, p2 = a000.paragraphs[0].text, a000.paragraphs[1].text
    (n,) = [p.paragraph for p in a000.paragraphs[2:] if p.text.lower().endswith((p1 + " " + p2).lower())]
    assert right("01-repeated-paragraph", n)
    assert n in note(k000, "The lead is repeated").paragraphs
    pn = a000.paragraphs[n - 1].text
    added = pn[: len(pn) - len(p1 + " " + p2)].strip()
    assert right("01-repeat-added-words", added)
    rest = pn[len(added) + 1:]
    assert rest[0].upper() + rest[1:] == p1 + " " + p2


def test_attribution_only_in_reporting_paragraphs(a000, k000):
    """“The key marks attribution only in the headline, the dek and paragraphs 1, 2 and 4.”"""
    key = k000
    units = key.units_with("attribution")
    assert {u.part for u in units} == {"headline", "dek", "body"}
    assert {u.paragraph for u in units if u.part == "body"} == {1, 2, 4}
    assert len(a000.paragraphs) == 6


def test_practice_answers(a003):
    assert right("01-p-paragraphs-003", len(a003.paragraphs))
    assert right("01-p-appeal-count", a003.text.count("Support Russia Insider - Go Ad-Free!"))
    per_paragraph = {p.paragraph: len(re.findall(r"\btoday\b", p.text, re.I)) for p in a003.paragraphs}
    assert {k: v for k, v in per_paragraph.items() if v} == {1: 1, 11: 2, 14: 1}
    assert right("01-p-today-count", len(re.findall(r"\btoday\b", a003.text, re.I)))
    (found,) = [p.paragraph for p in a003.paragraphs if "two days ago" in p.text]
    assert right("01-p-two-days-ago", found)


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_activity_feedback_and_plots():
    code = "\n".join(sources(read(LESSON), "code"))
    assert "SentenceTagger(" in code and "learner_feedback(" in code
    assert "plots.page_map(article_000)" in code and "plots.page_map(article_003)" in code

