"""The three-lesson unit (issue 10, items 1-3): one table of times, and the notebooks and the guide agree with it.

The core-path table (medialit/data/unit/core_path.csv) is the single source. Each lesson notebook states
its time in its first cell (medialit.unit.time_line) and tags every "## " section with the line under its
heading (medialit.unit.section_tag); the teacher guide's plan is generated from the table
(tools/unit_plan.py). Also: lesson 01 no longer sends learners to a site's own About page, lesson 05 has the
purpose-and-standards step, and the guide's claims about attribution in the two articles hold in their texts.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lessons import read, sources

from medialit.answer_key import load_answer_key
from medialit.articles import seed_article
from medialit.datafiles import DataFileError
from medialit.selfcheck import check, questions
from medialit.unit import (
    LESSON_MINUTES,
    WHOLE_NOTEBOOK,
    core_path,
    lesson_minutes,
    section_tag,
    time_line,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
GUIDE = ROOT / "docs" / "teacher-guide.md"
ROWS = core_path()
TABLE_NOTEBOOKS = list(dict.fromkeys(r.notebook for r in ROWS))
#: "## " headings that are not sections of work: no time of their own.
NOT_SECTIONS = {"## Learning objectives", "## Summary"}
TAG = re.compile(r"^\*(?:Core|Start-up) · unit lesson \d · \d+ minutes?\*$|^\*Extension · \d+ minutes?\*$")


def _notebook(name):
    path = NOTEBOOKS / f"{name}.ipynb"
    assert path.exists(), f"{path} is listed in the core-path table but does not exist"
    return read(path)


def _lines(nb):
    return [line for text in sources(nb, "markdown") for line in text.splitlines()]


# ---------------------------------------------------------------------------
# The table itself
# ---------------------------------------------------------------------------

def test_three_lessons_each_within_45_minutes_including_start_up():
    totals = lesson_minutes(ROWS)
    assert sorted(totals) == [1, 2, 3]
    for lesson, minutes in totals.items():
        assert minutes <= LESSON_MINUTES, f"lesson {lesson}: {minutes} minutes of start-up and core"
        assert any(r.lesson == lesson and r.kind == "start-up" for r in ROWS), f"lesson {lesson} has no start-up"


def test_lesson_1_includes_logging_in_and_the_kernel_restart_demo():
    lesson1 = {(r.notebook, r.section): r for r in ROWS if r.lesson == 1}
    assert lesson1[("00_start_here", "## Setup")].kind == "start-up"
    assert lesson1[("00_start_here", "## Where is my work saved?")].kind == "start-up"
    # the restart demo is that section of lesson 00
    (cell,) = [c for c in sources(_notebook("00_start_here"), "markdown") if "Restart Kernel" in c]
    assert cell  # the demo exists in the notebook
    assert "Binder" in lesson1[("00_start_here", "## Setup")].if_long


def test_lesson_3_has_lateral_reading_purpose_and_the_post_test():
    lesson3 = {(r.notebook, r.section): r for r in ROWS if r.lesson == 3}
    assert ("05_side_by_side", "## Lateral reading: check it somewhere else") in lesson3
    assert ("05_side_by_side", "## Purpose and standards: what is each article for?") in lesson3
    post = lesson3[("08_check_your_reading", WHOLE_NOTEBOOK)]
    assert post.kind == "core" and 12 <= post.minutes <= 15


def test_every_class_row_says_what_to_cut():
    for r in ROWS:
        assert len(r.if_long.split()) >= 4, f"{r.notebook} {r.section}: say what to cut or what it adds"


@pytest.mark.parametrize("line, message", [
    ("1,00_start_here,## Setup,5,warm-up,x", "kind must be one of"),
    ("1,00_start_here,## Setup,five,core,x", "minutes must be a whole number"),
    ("1,00_start_here,## Setup,5,extension,x", "an extension row has no lesson"),
    (",00_start_here,## Setup,5,core,x", "a core row needs a lesson"),
    ("4,00_start_here,## Setup,5,core,x", "a core row needs a lesson"),
])
def test_a_broken_table_names_its_file_and_line(tmp_path, line, message):
    path = tmp_path / "core_path.csv"
    path.write_text("# comment\nlesson,notebook,section,minutes,kind,if_long\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"core_path.csv:3: {message}"):
        core_path(path)


def test_a_section_listed_twice_is_an_error(tmp_path):
    path = tmp_path / "core_path.csv"
    path.write_text("lesson,notebook,section,minutes,kind,if_long\n1,a,## S,5,core,x\n2,a,## S,5,core,y\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="listed twice"):
        core_path(path)


# ---------------------------------------------------------------------------
# The notebooks agree with the table
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", TABLE_NOTEBOOKS)
def test_each_notebook_states_its_time_as_the_table_says(name):
    nb = _notebook(name)
    first = next(c.source for c in nb.cells if c.cell_type == "markdown")
    assert time_line(name, ROWS) in first
    # and no other statement of time in the first cell
    assert len(re.findall(r"\*\*Time", first)) == 1


@pytest.mark.parametrize("name", TABLE_NOTEBOOKS)
def test_every_section_in_the_table_exists_with_its_tag(name):
    lines = _lines(_notebook(name))
    for r in ROWS:
        if r.notebook != name or r.section == WHOLE_NOTEBOOK:
            continue
        where = [i for i, line in enumerate(lines) if line == r.section]
        assert len(where) == 1, f"{name}: the heading {r.section!r} should occur once"
        following = next(line for line in lines[where[0] + 1:] if line.strip())
        assert following == section_tag(r), f"{name}: {r.section!r} should be tagged {section_tag(r)!r}"


@pytest.mark.parametrize("name", TABLE_NOTEBOOKS)
def test_every_section_of_a_notebook_is_core_or_extension(name):
    lines = _lines(_notebook(name))
    listed = {r.section for r in ROWS if r.notebook == name}
    if WHOLE_NOTEBOOK in listed:
        return
    for line in lines:
        if line.startswith("## ") and line not in NOT_SECTIONS:
            assert line in listed, f"{name}: {line!r} is not in the core-path table"
    tags = [line for line in lines if TAG.match(line)]
    assert len(tags) == len(listed), f"{name}: a tag line without a row in the table, or the reverse"


def test_the_teachers_notebook_is_not_class_time():
    assert "07_class_results" not in TABLE_NOTEBOOKS
    assert not any(TAG.match(line) for line in _lines(read(NOTEBOOKS / "07_class_results.ipynb")))


# ---------------------------------------------------------------------------
# The guide agrees with the table
# ---------------------------------------------------------------------------

def test_the_guides_unit_plan_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "unit_plan.py")], check=False, capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_guides_lesson_totals_equal_the_table():
    guide = GUIDE.read_text(encoding="utf-8")
    stated = {int(n): int(m) for n, m in re.findall(r"\*\*Lesson (\d)\*\* \((\d+) of 45 minutes\)", guide)}
    assert stated == lesson_minutes(ROWS)
    # the guide's old, longer plan is gone
    assert "three sessions of 45 minutes" not in guide


# ---------------------------------------------------------------------------
# Lesson 01's About-page advice, lesson 05's lateral reading and purpose steps
# ---------------------------------------------------------------------------

def _sentences(text):
    return re.split(r"(?<=[.!?])\s+", " ".join(text.split()))


def test_lesson_01_no_longer_recommends_the_sites_about_page():
    text = "\n".join(sources(read(NOTEBOOKS / "01_meet_the_articles.ipynb"), "markdown"))
    about = [s for s in _sentences(text) if re.search(r"\bAbout\b", s)]
    assert about, "lesson 01 should still say why the About page is not enough"
    for s in about:
        assert re.search(r"\bnot\b|only tells you what the site says about itself", s), s
    assert "Leave the site" in text and "lateral reading" in text


def test_lesson_05_models_lateral_reading_with_named_questions_and_a_safe_fallback():
    nb = read(NOTEBOOKS / "05_side_by_side.ipynb")
    md = "\n".join(sources(nb, "markdown"))
    for step in ("### 1. Watch", "### 2. Your turn"):
        assert step in md
    for question in ("**A. Article 003's outlet.**", "**B. Article 000's outlet.**", "**C. A claim in article 003.**"):
        assert question in md
    assert "**Staying safe.**" in md and "SafeSearch" in md
    assert any("source_cards()" in c for c in sources(nb, "code"))


def test_lesson_05_asks_for_purpose_and_standards_with_choices_and_writing():
    nb = read(NOTEBOOKS / "05_side_by_side.ipynb")
    code = "\n".join(sources(nb, "code"))
    for qid in ("05-purpose-000", "05-purpose-003", "05-standards-000"):
        assert f'quiz("{qid}")' in code and qid in questions()
    md = "\n".join(sources(nb, "markdown"))
    for standard in ("attribution in the same sentence", "named sources", "corrections", "news and opinion kept apart"):
        assert standard in md
    assert "two pieces of evidence" in md


def _right(qid):
    (option,) = [c for c in questions()[qid].choices if check(qid, c).right]
    return option


def test_the_purpose_answers_rest_on_the_key():
    k000 = load_answer_key(seed_article("000").id)
    sourced = {u.paragraph for u in k000.units_with("attribution") if u.part == "body"}
    opinion_or_guess = {u.paragraph for u in k000.units if u.part == "body"
                        and {"opinion", "speculation"} & set(u.label_set)}
    assert sourced == {1, 2, 4} and {3, 5, 6} <= opinion_or_guess
    assert _right("05-purpose-000").startswith("News and opinion mixed")
    k003 = load_answer_key(seed_article("003").id)
    assert any("ought to" in u.text and "opinion" in u.label_set for u in k003.units)
    assert _right("05-purpose-003").startswith("Commentary")


def test_the_guides_attribution_claims_hold_in_the_articles():
    a000, a003 = seed_article("000"), seed_article("003")
    paragraphs = [p.text for p in a000.paragraphs]
    credited = [i + 1 for i, p in enumerate(paragraphs) if "The Moscow Times" in p]
    assert credited == [4]                                             # the credit comes only in paragraph 4
    assert paragraphs[3].startswith("The Moscow Times reports ")
    assert paragraphs[0][1:] in paragraphs[3]                          # ¶1 repeated (but for its capital T)
    assert paragraphs[1] in paragraphs[3]                              # ¶2 repeated word for word
    quote = "“The crews on duty will hardly have the time to calculate the missiles’ flight path or try to find out their nationality.”"
    guide = GUIDE.read_text(encoding="utf-8")
    assert quote in guide and quote in a003.paragraphs[2].text
    before, _, after = a003.paragraphs[2].text.partition(quote)
    assert before.endswith("shot down. ") and after.startswith(" He also")   # a sentence of its own, no speaker
