"""Lesson 5 (two articles side by side): its notebooks, its questions, and every answer checked against the kit."""

import datetime
from pathlib import Path

from lessons import chosen, read, right, sources

from medialit.articles import seed_metadata
from medialit.selfcheck import check, questions

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "05_side_by_side.ipynb"


# ---------------------------------------------------------------------------
# Questions: well formed, used, and answered by the key and the articles
# ---------------------------------------------------------------------------

def test_who_warns_is_the_defence_ministry_spokesman(k003, a003):
    par1 = {s.text: s.type for s in k003.sources if k003.units[s.unit].paragraph == 1}
    assert par1["Moscow"] == "institution"
    assert par1["The Russian defence ministry spokesman Gen. Igor Konashenko"] == "named_person"
    assert "a fairly explicit warning by Moscow" in a003.text
    assert "Gen. Igor Konashenko" in chosen("05-who-warns") and "defence ministry spokesman" in chosen("05-who-warns")


def test_ozerov_is_a_committee_head_and_the_only_person_in_000(k000, a000):
    people = {s.text.lower() for s in k000.sources if s.type == "named_person"}
    assert people == {"the head of the russian federation council’s defense and security committee",
                      "russian senator viktor ozerov"}
    assert a000.headline.startswith("Russia Says")
    role = "head of the Russian Federation Council’s Defense and Security Committee"
    assert role in a000.text and role in chosen("05-ozerov-role")
    assert "Federation Council" in next(n.note for n in k000.notes if n.topic.startswith("Headline attributes"))


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


def test_vague_sources(k000, k003):
    assert sum(s.type == "vague" for s in k003.sources) == 4
    assert {"not everyone", "one school of thought in Washington", "Today’s Iranian reports"} <= {
        s.text for s in k003.sources if s.type == "vague"}                 # the ones the question quotes
    assert chosen("05-vague-meaning").startswith("For the claims it takes from vague sources")
    assert not any(s.type == "vague" for s in k000.sources)          # "Article 000 has none"


def test_most_hedged_paragraph_of_000(k000):
    pars = sorted({u.paragraph for u in k000.units if u.part == "body"})
    counts = {p: sum("hedge" in u.label_set for u in k000.units if u.paragraph == p) for p in pars}
    best = max(counts.values())
    (top,) = [p for p, n in counts.items() if n == best]
    assert right("05-most-hedged-paragraph-000", top)
    # the lesson says hedges and boosters sit only in paragraphs 3 and 5
    for lab in ("hedge", "booster"):
        assert {u.paragraph for u in k000.units_with(lab)} == {3, 5}


def test_lateral_first_step_is_in_the_metadata():
    assert any("Interfax or Moscow Times" in c for c in seed_metadata("000")["check_elsewhere"])
    assert "Interfax or Moscow Times" in chosen("05-first-check")


def test_the_hedge_question_states_the_keys_counts_and_asks_what_they_mean(k000, k003):
    share3 = 100 * len(k003.units_with("hedge")) / len(k003.units)
    share0 = 100 * len(k000.units_with("hedge")) / len(k000.units)
    assert 20 <= share3 <= 30 and 12 <= share0 <= 17      # "about a quarter", "about one in seven"
    q = questions()["05-p-hedge-meaning"]
    assert "about a quarter" in q.prompt and "one in seven" in q.prompt
    # the right reading: more hedges flag uncertainty; whether a claim is true depends on its sources
    assert "sources" in chosen("05-p-hedge-meaning")
    assert not check("05-p-hedge-meaning", "000 is more reliable, because it sounds more certain").right


def test_outlets_of_003(k003):
    outlets = {s.text for s in k003.sources if s.type == "outlet"}
    assert check("05-outlets-003", sorted(outlets)).right


def test_unsourced_paragraphs_of_000(k000):
    body = {u.paragraph for u in k000.units if u.part == "body"}
    sourced = {u.paragraph for u in k000.units_with("attribution")}
    assert right("05-unsourced-paragraphs-000", sorted(body - sourced))


def test_april_10_2017_was_a_monday(a000):
    assert right("05-april-10-weekday", datetime.date(2017, 4, 10).strftime("%A"))
    assert a000.date == "April 10, 2017" and a000.text.count("On Monday") == 2


def test_sourcing_mix_counts_in_the_lesson_text(k000):
    """“counted four times (twice by his job, twice by name)”, “Interfax twice, The Moscow Times once”."""
    texts = [s.text.lower() for s in k000.sources]
    assert texts.count("russian senator viktor ozerov") == 2
    assert texts.count("the head of the russian federation council’s defense and security committee") == 2
    assert texts.count("interfax") == 2 and texts.count("the moscow times") == 1
    assert {s.text for s in k000.sources if s.type == "institution"} == {"Russia", "Kremlin"}


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_setup_reading_annotation_exercises_and_plots():
    nb = read(LESSON)
    assert "## Annotation activity" in "\n".join(sources(nb, "markdown"))
    code = "\n".join(sources(nb, "code"))
    assert "report.show(" in code
    assert "SpanAnnotator(art3)" in code and "SpanAnnotator(art0)" in code
    assert "learner_feedback(" in code
    for plot in ("plots.sourcing_mix(", "plots.label_shares(", "plots.paragraph_profile("):
        assert plot in code


